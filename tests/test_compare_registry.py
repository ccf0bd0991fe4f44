"""Flag kinds are declared once, by their comparators; everything else derives from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crosscheck.compare import flag_kinds
from crosscheck.compare.ids import flag_id
from crosscheck.compare.registry import CompareContext, comparator, comparators, flag_kind
from crosscheck.report.document import kind_description


def test_every_kind_has_one_prefix_a_description_and_a_severity() -> None:
    kinds = flag_kinds()
    assert [k.name for k in kinds] == ["name_variant", "date_conflict", "ordinal_conflict", "count_conflict",
                                       "role_conflict", "place_conflict", "internal_conflict"]
    assert len({k.prefix for k in kinds}) == len(kinds)
    for k in kinds:
        assert kind_description(k.name) == k.description and k.default_severity in ("error", "warning", "info")
        assert flag_id(k.name, "slot", ["a"], ["s"]).startswith(k.prefix + "-")


def test_an_unregistered_kind_fails_loudly() -> None:
    with pytest.raises(KeyError):
        flag_id("colour_conflict", "slot", ["a"], ["s"])


def test_a_new_kind_is_one_decorated_function(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosscheck.compare import registry

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))

    @comparator("colour_conflict", "COLOUR", "Sources give one thing different colours.", "info", order=65)
    def find(ctx: CompareContext) -> list:
        return []

    assert flag_kind("colour_conflict") is not None
    assert [c.kind.name for c in comparators()][-2:] == ["colour_conflict", "internal_conflict"]
    assert flag_id("colour_conflict", "s", [], []).startswith("COLOUR-")
    with pytest.raises(ValueError):
        comparator("colour_conflict", "HUE", "again")(find)


def test_output_formats_are_declared_once_by_their_writers() -> None:
    from crosscheck.report import DEFAULT_FORMATS, FORMATS
    from crosscheck.report.formats import output_formats

    assert FORMATS == ("json", "md", "html", "csv", "sarif", "junit", "sqlite", "github")
    assert DEFAULT_FORMATS == ("json", "md", "html", "csv", "sarif")
    printed = [f.name for f in output_formats() if f.write is None]
    assert printed == ["github"]


CASES = yaml.safe_load((Path(__file__).parent / "cases" / "comparators.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_comparator_case(case: dict) -> None:
    from crosscheck.compare.registry import CompareContext, comparators
    from crosscheck.normalize.corpus import Normalized
    from crosscheck.records import Claim

    claims = [Claim(span=(0, len(c["quote"])), **c) for c in case["claims"]]
    ctx = CompareContext([], Normalized(claims), None, [], lambda i: i, lambda k: k, frozenset())
    kinds = {f["kind"] for f in case["flags"]} or {"count_conflict", "date_conflict"}
    got = [f for c in comparators() if c.kind.name in kinds for f in c.find(ctx)]
    want = [(f["kind"], f["severity"], sorted(f["values"])) for f in case["flags"]]
    assert [(f.kind, f.severity, sorted(e.value for e in f.evidence)) for f in got] == want


def test_input_formats_are_declared_once_by_their_readers(tmp_path) -> None:
    from crosscheck.errors import InputError
    from crosscheck.ingest import DOCUMENT_FORMATS, load_source

    assert DOCUMENT_FORMATS == {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
    doc = tmp_path / "notes.pdf"
    doc.write_bytes(b"%PDF-1.7")
    with pytest.raises(InputError) as err:
        load_source(doc)
    assert err.value.path == str(doc) and ".txt" in err.value.message
