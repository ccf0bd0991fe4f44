"""report.json: schema, expected output, determinism and the ordering rules of the contract.

The expected files in tests/expected/ were written once from the fixture and
checked by eye.  After an intended change, regenerate them with

    CROSSCHECK_REGENERATE=1 .venv/bin/pytest tests/test_report_json.py tests/test_report_markdown.py

then read the diff (git diff tests/expected) before committing.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from crosscheck.records import SetAside
from crosscheck.report import FORMATS, write_reports
from crosscheck.report.json_report import render_json, report_schema
from crosscheck.report.locations import portable_path, region_for
from report_fixtures import STALE, check_expected, make_result


def test_schema_is_valid_and_report_validates() -> None:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads(render_json(make_result(), STALE))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    assert errors == []


def test_schema_rejects_a_bad_report() -> None:
    doc = json.loads(render_json(make_result()))
    doc["flags"][0]["severity"] = "fatal"
    del doc["claims"][0]["span"]
    errors = list(jsonschema.Draft202012Validator(report_schema()).iter_errors(doc))
    assert {e.validator for e in errors} == {"enum", "required"}


def test_report_json_matches_expected() -> None:
    check_expected("report.json", render_json(make_result(), STALE))


def test_flags_sorted_by_severity_then_kind_then_id() -> None:
    flags = json.loads(render_json(make_result()))["flags"]
    rank = {"error": 0, "warning": 1, "info": 2}
    keys = [(rank[f["severity"]], f["kind"], f["id"]) for f in flags]
    assert keys == sorted(keys)
    assert [f["severity"] for f in flags] == ["error", "error", "warning", "warning", "info", "info"]


def test_output_independent_of_input_order() -> None:
    a = make_result()
    b = make_result()
    b.sources.reverse()
    b.claims.reverse()
    b.flags.reverse()
    b.entities.reverse()
    assert render_json(a) == render_json(b)


def test_contract_fields() -> None:
    doc = json.loads(render_json(make_result(), STALE))
    assert doc["tool"]["name"] == "crosscheck"
    assert doc["summary"]["flags_by_status"] == {"open": 3, "accepted": 1, "rejected": 1, "ignored": 1}
    assert doc["summary"]["flags_by_severity"] == {"error": 2, "warning": 2, "info": 2}
    assert doc["summary"]["stale_reviews"] == 1 and doc["stale_reviews"] == STALE
    naenara = next(s for s in doc["sources"] if s["id"] == "naenara_2022")
    assert naenara["published_basis"] == "inferred"
    [aside] = naenara["set_aside"]
    assert aside["reason"] == "related-articles list" and aside["text"].startswith("More From Naenara")
    role = next(f for f in doc["flags"] if f["kind"] == "role_conflict")
    assert {e["source"] for e in role["evidence"]} == {"kaa_2020", "naenara_2022"}
    claim = next(c for c in doc["claims"] if c["id"] == "naenara_2022-c02")
    assert claim["value"] == "1965" and claim["expr"] == "PUB-57Y" and claim["span"][1] > claim["span"][0]


def test_set_aside_text_truncated_to_300() -> None:
    result = make_result()
    src = result.sources[0]
    src.text = src.text + "x" * 1000
    src.set_aside.append(SetAside(0, len(src.text), "cookie banner", "cookie"))
    doc = json.loads(render_json(result))
    texts = [a["text"] for s in doc["sources"] for a in s["set_aside"]]
    assert max(len(t) for t in texts) == 300


def test_no_absolute_paths(tmp_path: Path) -> None:
    result = make_result()
    result.sources[0].path = "/home/someone/private/sources/naenara_2022.txt"
    written = write_reports(result, tmp_path)
    for path in written:
        if path.suffix != ".sqlite":
            assert "/home/someone" not in path.read_text(encoding="utf-8"), path.name
    assert portable_path("/home/someone/x/a.txt") == "a.txt"
    assert portable_path("sources\\a b.txt") == "sources/a b.txt"
    assert portable_path(str(Path.cwd() / "sources" / "a.txt")) == "sources/a.txt"


def test_every_format_is_byte_identical_across_runs(tmp_path: Path) -> None:
    first = write_reports(make_result(), tmp_path / "a", stale_reviews=STALE)
    second = write_reports(make_result(), tmp_path / "b", stale_reviews=STALE)
    assert [p.name for p in first] == [
        "report.json", "report.md", "report.html", "claims.csv", "flags.csv", "sources.csv",
        "report.sarif", "report.junit.xml", "report.sqlite",
    ]  # fmt: skip
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
        if a.suffix != ".sqlite":
            assert b"\r\n" not in a.read_bytes(), a.name


def test_format_selection_and_unknown_format(tmp_path: Path) -> None:
    from crosscheck.errors import UsageError

    assert [p.name for p in write_reports(make_result(), tmp_path, ["md", "json"])] == [
        "report.json",
        "report.md",
    ]
    assert set(FORMATS) >= {"json", "md", "html", "csv", "sarif", "junit", "sqlite"}
    with pytest.raises(UsageError, match="pdf"):
        write_reports(make_result(), tmp_path, ["pdf"])


def test_empty_run_writes_every_format(tmp_path: Path) -> None:
    from crosscheck.records import RunResult

    written = write_reports(RunResult(sources=[], claims=[], flags=[]), tmp_path)
    doc = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert doc["summary"]["flags"] == 0 and len(written) == 9
    jsonschema.validate(doc, report_schema())


def test_region_for_spans() -> None:
    text = "ab\ncdé\n"
    region = region_for(text, (3, 6))
    assert region is not None
    assert (region.start_line, region.start_column, region.end_line, region.end_column) == (2, 1, 2, 4)
    assert region_for(text, (5, 99)) is None
