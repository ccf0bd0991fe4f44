"""Merge rules: manual claims kept, hand edits detected and kept as manual, unchanged sources cached."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from crosscheck.claims import (
    ClaimFile,
    assign_ids,
    claim_checksum,
    is_hand_edited,
    merge_claims,
    needs_extraction,
    read_claim_file,
    write_claim_file,
)
from crosscheck.records import Claim
from test_claims_fixtures import TEXT, extracted, make_source

V1 = "extract-1"


def _manual(span: tuple[int, int] = (0, 2)) -> Claim:
    return Claim(
        id="mine-1",
        source="s1",
        kind="place",
        subject="talks",
        quote="On",
        span=span,
        origin="manual",
        note="x",
    )


def _first_file() -> ClaimFile:
    return merge_claims(None, make_source(), extracted(), V1).claim_file


def test_new_claims_get_stable_content_ids_and_checksums() -> None:
    one = _first_file()
    two = _first_file()
    assert [c.id for c in one.claims] == [c.id for c in two.claims]
    assert [c.id for c in one.claims] == [c.id for c in sorted(one.claims, key=lambda c: c.span)]
    assert all(c.id.startswith("s1#") and c.source == "s1" for c in one.claims)
    assert all(c.checksum == claim_checksum(c) and not is_hand_edited(c) for c in one.claims)


def test_ids_survive_text_inserted_before_the_claim() -> None:
    shifted_text = "Preface. " + TEXT
    ids = [c.id for c in _first_file().claims]
    shifted = merge_claims(None, make_source(shifted_text), extracted(shifted_text), V1).claim_file
    assert [c.id for c in shifted.claims] == ids
    assert [c.span[0] for c in shifted.claims] == [c.span[0] + 9 for c in _first_file().claims]


def test_identical_claims_get_distinct_ids() -> None:
    claim = extracted()[0]
    twin = replace(claim, span=(claim.span[0] + 100, claim.span[1] + 100))
    ids = [c.id for c in assign_ids("s1", [twin, claim])]
    assert len(set(ids)) == 2


def test_unchanged_source_keeps_the_cache() -> None:
    old = _first_file()
    source = make_source()
    assert not needs_extraction(old, source, V1)
    result = merge_claims(old, source, [], V1)  # nothing re-extracted: the file is the cache
    assert result.cached
    assert result.claim_file.claims == old.claims
    assert (result.added, result.replaced, result.unchanged) == (0, 0, 2)


def test_new_extractor_version_or_text_needs_extraction() -> None:
    old = _first_file()
    assert needs_extraction(old, make_source(), "extract-2")
    assert needs_extraction(old, make_source(TEXT + " More."), V1)
    assert needs_extraction(None, make_source(), V1)
    assert needs_extraction(old, replace(make_source(), sha256=""), V1)  # no hash: never trust the cache


def test_manual_claims_kept_untouched_when_text_changes() -> None:
    old = _first_file()
    manual = _manual()
    old.claims.append(manual)
    new_text = TEXT.replace("Over two hundred delegations", "Some delegations")
    result = merge_claims(old, make_source(new_text), extracted(new_text), V1)
    assert not result.cached
    assert manual in result.claim_file.claims
    assert result.kept_manual == [manual]
    kinds = sorted(c.kind for c in result.claim_file.claims if c.origin == "extracted")
    assert kinds == ["event_date"]  # the count claim is gone with its text
    assert (result.added, result.replaced, result.unchanged) == (0, 1, 1)
    assert result.claim_file.source.sha256 == make_source(new_text).sha256


def test_hand_edited_claim_becomes_manual_and_supersedes_extraction(tmp_path: Path) -> None:
    path = tmp_path / "s1.yaml"
    write_claim_file(path, _first_file())
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: '1965-10-28'", "value: '1965-10-29'"), encoding="utf-8")
    old = read_claim_file(path)
    edited = next(c for c in old.claims if c.value == "1965-10-29")
    assert is_hand_edited(edited)

    for source in (make_source(), make_source(TEXT + " Later text.")):  # cached, then re-extracted
        result = merge_claims(old, source, extracted(source.text), V1)
        (converted,) = result.converted
        assert (converted.id, converted.origin, converted.value) == (edited.id, "manual", "1965-10-29")
        assert converted.note == f"edited by hand from {edited.id}"
        dates = [c for c in result.claim_file.claims if c.kind == "event_date"]
        assert dates == [converted]  # the machine's version does not come back beside the correction
    assert result.overridden == 1

    write_claim_file(path, result.claim_file)
    again = merge_claims(read_claim_file(path), source, extracted(source.text), V1)
    assert again.converted == [] and converted in again.kept_manual  # stays manual, note not repeated
    assert again.claim_file.claims == result.claim_file.claims


def test_note_only_edit_is_not_an_edit(tmp_path: Path) -> None:
    old = _first_file()
    old.claims[0] = replace(old.claims[0], note="checked against the archive")
    assert not is_hand_edited(old.claims[0])
    result = merge_claims(old, make_source(), [], V1)
    assert result.converted == [] and result.claim_file.claims[0].note == "checked against the archive"


def test_summary_line() -> None:
    old = _first_file()
    old.claims.append(_manual())
    assert merge_claims(old, make_source(), [], V1).summary() == "2 cached, 1 manual kept"
    fresh = merge_claims(None, make_source(), extracted(), V1).summary()
    assert fresh == "2 added, 0 replaced, 0 unchanged, 0 manual kept"


def test_manual_claims_the_new_text_no_longer_supports_are_reported() -> None:
    old = _first_file()
    old.claims.append(_manual())  # "On" at [0, 2]
    assert merge_claims(old, make_source(), [], V1).misplaced == []
    moved = "Yes. " + TEXT
    result = merge_claims(old, make_source(moved), extracted(moved), V1)
    assert [c.id for c in result.misplaced] == ["mine-1"]
    assert result.warnings() == ["manual claim mine-1: the source text at [0, 2] no longer reads 'On'"]
    assert result.claim_file.claims[0] == _manual()  # reported, never moved


def _written_and_read(tmp_path: Path, cf: ClaimFile) -> ClaimFile:
    path = tmp_path / "s1.yaml"
    write_claim_file(path, cf)
    return read_claim_file(path)


def test_a_deleted_extracted_claim_is_recorded_as_rejected_and_not_re_extracted(tmp_path: Path) -> None:
    first = _written_and_read(tmp_path, _first_file())
    gone = first.claims[0]
    edited = replace(first, claims=first.claims[1:])  # the person deleted one claim
    cached = merge_claims(edited, make_source(), extracted(), V1)
    assert cached.newly_rejected == [gone.id]
    assert cached.claim_file.rejected == [gone.id]
    assert gone.id not in {c.id for c in cached.claim_file.claims}
    later = _written_and_read(tmp_path, cached.claim_file)
    redone = merge_claims(later, make_source(), extracted(), "extract-2")  # a new extractor finds it again
    assert not redone.cached and redone.withheld == 1 and not redone.newly_rejected
    assert gone.id not in {c.id for c in redone.claim_file.claims}
    assert "1 rejected claim(s) kept out" in redone.summary()


def test_an_id_put_under_rejected_by_hand_drops_its_claim(tmp_path: Path) -> None:
    first = _written_and_read(tmp_path, _first_file())
    target = first.claims[-1]
    merged = merge_claims(replace(first, rejected=[target.id]), make_source(), extracted(), V1)
    assert target.id not in {c.id for c in merged.claim_file.claims}
    assert merged.claim_file.rejected == [target.id]


def test_files_without_extracted_ids_detect_no_deletion(tmp_path: Path) -> None:
    first = _first_file()  # as merged, never read back: no record of what was written
    merged = merge_claims(replace(first, claims=first.claims[1:]), make_source(), extracted(), V1)
    assert merged.newly_rejected == [] and merged.claim_file.rejected == []
