"""Claim files: schema, round trip, determinism, and errors that name file, line and field."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from crosscheck.claims import (
    ClaimFile,
    SourceMeta,
    claim_checksum,
    claim_schema,
    merge_claims,
    read_claim_file,
    read_claim_file_all,
    write_claim_file,
)
from crosscheck.errors import InputError
from crosscheck.records import CLAIM_KINDS, Claim
from test_claims_fixtures import extracted, make_source


def _claim_file() -> ClaimFile:
    return merge_claims(None, make_source(), extracted(), "test-1").claim_file


def _written(tmp_path: Path) -> Path:
    path = tmp_path / "claims" / "s1.yaml"
    write_claim_file(path, _claim_file())
    return path


def test_schema_is_valid_draft_2020_12_and_matches_the_records() -> None:
    schema = claim_schema()
    Draft202012Validator.check_schema(schema)
    claim = schema["$defs"]["claim"]
    assert tuple(claim["properties"]["kind"]["enum"]) == CLAIM_KINDS
    assert claim["properties"]["origin"]["enum"] == ["extracted", "manual"]
    assert set(claim["properties"]) == set(Claim.__dataclass_fields__)


def test_round_trip_gives_equal_claim_file(tmp_path: Path) -> None:
    cf = _claim_file()
    path = _written(tmp_path)
    assert read_claim_file(path) == replace(cf, extracted_ids=cf.written_extracted_ids())


def test_manual_claim_with_few_fields_reads_with_defaults(tmp_path: Path) -> None:
    path = _written(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - id: my-claim\n    kind: place\n    quote: in Vientiane\n    span: [5, 17]\n"
        + "    origin: manual\n    note: null\n",
        encoding="utf-8",
    )
    added = read_claim_file(path).claims[-1]
    assert (added.id, added.source, added.kind, added.origin, added.note) == (
        "my-claim",
        "s1",
        "place",
        "manual",
        "",
    )
    assert added.span == (5, 17)


def test_writing_is_deterministic_and_atomic(tmp_path: Path) -> None:
    one, two = tmp_path / "a" / "s1.yaml", tmp_path / "b" / "s1.yaml"
    write_claim_file(one, _claim_file())
    write_claim_file(two, _claim_file())
    write_claim_file(two, read_claim_file(two))  # rewriting what was read changes nothing
    assert one.read_bytes() == two.read_bytes()
    assert sorted(p.name for p in two.parent.iterdir()) == ["s1.yaml"]  # no temporary file left


def test_file_is_readable_by_people(tmp_path: Path) -> None:
    text = _written(tmp_path).read_text(encoding="utf-8")
    assert text.startswith("# crosscheck claim file")
    assert "origin: manual" in text.split("schema_version")[0]  # the header explains how to edit
    assert "span: [3, 19]" in text
    assert "event: null" not in text and "note:" not in text  # empty fields left out
    assert text.index("schema_version:") < text.index("source:") < text.index("claims:")


def test_extracted_claims_without_checksum_are_sealed_on_write(tmp_path: Path) -> None:
    cf = _claim_file()
    bare = replace(cf.claims[0], checksum="")
    path = tmp_path / "s1.yaml"
    write_claim_file(path, ClaimFile(cf.source, cf.extractor_version, [bare]))
    assert read_claim_file(path).claims[0].checksum == claim_checksum(bare)


def _edit(path: Path, old: str, new: str) -> bytes:
    head, sep, body = path.read_text(encoding="utf-8").partition("\nclaims:")
    assert old in body
    path.write_text(head + sep + body.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line and not line.startswith("#"))


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("span: [3, 19]", "span: [3, 19, 20]", "claims[0].span", "is too long"),
        ("kind: count", "kind: headcount", "claims[1].kind", "'headcount' is not one of"),
        (
            "origin: extracted",
            "origin: spam",
            "claims[0].origin",
            "'spam' is not one of ['extracted', 'manual']",
        ),
        ("value: 200", "value: [200]", "claims[1].value", "is not of type"),
        ("bounds: over", "bonds: over", "claims[1].bonds", "unknown field 'bonds'"),
        ("span: [3, 19]", "span: [19, 3]", "claims[0].span", "span start 19 is after its end 3"),
        (
            "source: s1\n    kind: count",
            "source: s2\n    kind: count",
            "claims[1].source",
            "but the file is about",
        ),
    ],
)
def test_schema_errors_name_file_line_and_field(
    tmp_path: Path, old: str, new: str, field: str, message: str
) -> None:
    path = _written(tmp_path)
    before = _edit(path, old, new)
    line = _line_of(path, new.splitlines()[0])
    with pytest.raises(InputError) as info:
        read_claim_file(path)
    error = info.value
    assert (error.path, error.field) == (str(path), field)
    assert message in error.message
    assert str(error).startswith(f"{path}:{error.line}: {field}: ")
    assert error.line == line
    assert path.read_bytes() == before  # reading never rewrites


def test_malformed_yaml_names_file_and_line_and_leaves_file_alone(tmp_path: Path) -> None:
    path = _written(tmp_path)
    before = _edit(path, "span: [3, 19]", "span: [3, 19")
    with pytest.raises(InputError) as info:
        read_claim_file(path)
    assert info.value.path == str(path)
    assert info.value.line is not None and info.value.line >= _line_of(path, "span: [3, 19")
    assert str(info.value).startswith(f"{path}:{info.value.line}: malformed YAML")
    assert path.read_bytes() == before


def test_read_all_collects_every_error_in_line_order(tmp_path: Path) -> None:
    path = _written(tmp_path)
    _edit(path, "span: [3, 19]", "span: [3, 19, 20]")
    _edit(path, "kind: count", "kind: headcount")
    _edit(path, "origin: extracted", "origin: spam")
    cf, errors = read_claim_file_all(path)
    assert cf is None
    assert [e.field for e in errors] == ["claims[0].span", "claims[0].origin", "claims[1].kind"]
    assert [e.line for e in errors] == sorted(e.line or 0 for e in errors)


def test_duplicate_ids_and_wrong_file_name(tmp_path: Path) -> None:
    path = _written(tmp_path)
    cf = read_claim_file(path)
    _edit(path, f"id: {cf.claims[1].id}", f"id: {cf.claims[0].id}")
    other = path.rename(path.with_name("other.yaml"))
    _, errors = read_claim_file_all(other)
    assert [e.field for e in errors] == ["source.id", "claims[1].id"]
    assert "does not match the file name 'other.yaml'" in errors[0].message
    assert "duplicate claim id" in errors[1].message


def test_writing_a_file_it_would_refuse_to_read_is_refused(tmp_path: Path) -> None:
    cf = _claim_file()
    with pytest.raises(InputError, match="does not match the file name"):
        write_claim_file(tmp_path / "other.yaml", cf)
    twin = replace(cf.claims[1], id=cf.claims[0].id)
    with pytest.raises(InputError, match="duplicate claim id") as info:
        write_claim_file(tmp_path / "s1.yaml", replace(cf, claims=[cf.claims[0], twin]))
    assert info.value.field == "claims[1].id"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("", None),
        ("schema_version: 2\nsource: {id: s1}\nclaims: []\n", "schema_version"),
        ("schema_version: 1\nsource: {id: s1}\n", "claims"),
        ("schema_version: 1\nsource: {id: s1}\nclaims:\n  - just a string\n", "claims[0]"),
        ("- a list\n", None),
    ],
)
def test_odd_files_give_input_errors(tmp_path: Path, text: str, field: str | None) -> None:
    path = tmp_path / "s1.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_claim_file(path)
    assert info.value.path == str(path) and info.value.field == field


def test_source_meta_comes_from_the_source() -> None:
    meta = SourceMeta.from_source(make_source())
    assert (meta.id, meta.published, meta.published_basis) == ("s1", "2020-06-24", "stated")


def test_odd_python_values_survive_the_round_trip_without_looking_edited(tmp_path: Path) -> None:
    from datetime import date

    from crosscheck.claims import is_hand_edited

    claim = replace(
        extracted()[0],
        value=date(1965, 10, 28),
        participants=("a", "b"),
        span=[3, 19],
        event="",
        resolved=False,
    )
    cf = merge_claims(None, make_source(), [claim], "test-1").claim_file
    path = tmp_path / "s1.yaml"
    write_claim_file(path, cf)
    (back,) = read_claim_file(path).claims
    assert back.value == "1965-10-28" and back.participants == ["a", "b"] and back.span == (3, 19)
    assert back.event is None and back.resolved is False
    assert not is_hand_edited(back)
    assert back == cf.claims[0]


def test_writing_an_invalid_claim_file_is_refused(tmp_path: Path) -> None:
    cf = _claim_file()
    bad = ClaimFile(cf.source, cf.extractor_version, [replace(cf.claims[0], kind="gossip")])
    path = tmp_path / "s1.yaml"
    with pytest.raises(InputError, match="refusing to write") as info:
        write_claim_file(path, bad)
    assert info.value.field == "claims[0].kind"
    assert not path.exists()
