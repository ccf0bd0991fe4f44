"""validate_dir: every error of every claim file, other owners' files skipped, nothing rewritten."""

from __future__ import annotations

from pathlib import Path

from crosscheck.claims import claim_file_paths, merge_claims, validate_dir, write_claim_file
from test_claims_fixtures import extracted, make_source


def _claims_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    for sid in ("s1", "s2"):
        source = make_source(sid=sid)
        write_claim_file(folder / f"{sid}.yaml", merge_claims(None, source, extracted(), "v1").claim_file)
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_clean_folder_has_no_errors(tmp_path: Path) -> None:
    folder = _claims_dir(tmp_path)
    assert validate_dir(folder) == []
    assert validate_dir(tmp_path / "absent") == []


def test_other_owners_files_are_skipped(tmp_path: Path) -> None:
    folder = _claims_dir(tmp_path)
    (folder / "entities.yaml").write_text("entities: [", encoding="utf-8")
    (folder / "reviews.yaml").write_text("not: a claim file\n", encoding="utf-8")
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in claim_file_paths(folder)] == ["s1.yaml", "s2.yaml"]
    assert validate_dir(folder) == []


def test_all_errors_of_all_files_and_nothing_rewritten(tmp_path: Path) -> None:
    folder = _claims_dir(tmp_path)
    s1 = folder / "s1.yaml"
    s1.write_text(s1.read_text(encoding="utf-8").replace("kind: count", "kind: tally"), encoding="utf-8")
    s1.write_text(s1.read_text(encoding="utf-8").replace("span: [3, 19]", "span: [3]"), encoding="utf-8")
    s2 = folder / "s2.yaml"
    s2.write_text(s2.read_text(encoding="utf-8").replace("span: [3, 19]", "span: [3, 19"), encoding="utf-8")
    before = _snapshot(folder)

    errors = validate_dir(folder)

    assert [(Path(e.path).name, e.field) for e in errors] == [
        ("s1.yaml", "claims[0].span"),
        ("s1.yaml", "claims[1].kind"),
        ("s2.yaml", None),
    ]
    assert all(e.line for e in errors)
    assert "malformed YAML" in errors[2].message
    assert _snapshot(folder) == before


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "claims").write_text("x", encoding="utf-8")
    (error,) = validate_dir(tmp_path / "claims")
    assert error.path == str(tmp_path / "claims")
