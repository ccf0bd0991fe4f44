"""claims/reviews.yaml: loading with file:line:field errors, and one-entry edits that keep everything else."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from crosscheck.errors import InputError, UsageError
from crosscheck.records import Flag
from crosscheck.review import load_reviews, record_review, reviews_schema
from report_fixtures import make_result

COMMENTED = """\
# Decisions of the desk
- flag: DATE-1
  status: rejected   # checked with the archive
  note: |
    Arrival on the 21st,
    meeting on the 23rd.
  reviewer: ana
  date: 2026-01-08

# the count one
- flag: COUNT-2
  status: accepted
  note: "different periods"
# closing remark
"""


def _flag(fid: str, summary: str = "a summary") -> Flag:
    return Flag(id=fid, kind="date_conflict", severity="error", subject="s", summary=summary, evidence=[])


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "claims" / "reviews.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(reviews_schema())


def test_missing_and_empty_files_mean_no_decisions(tmp_path: Path) -> None:
    assert load_reviews(tmp_path / "nope.yaml") == {}
    assert load_reviews(_write(tmp_path, "# nothing yet\n")) == {}


def test_load_reads_every_field_and_unquoted_dates(tmp_path: Path) -> None:
    reviews = load_reviews(_write(tmp_path, COMMENTED))
    assert list(reviews) == ["DATE-1", "COUNT-2"]
    first = reviews["DATE-1"]
    assert (first.status, first.reviewer, first.date) == ("rejected", "ana", "2026-01-08")
    assert first.note == "Arrival on the 21st,\nmeeting on the 23rd.\n"
    assert reviews["COUNT-2"].reviewer == ""


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("- flag: A\n  status: [unclosed\n", 3, None, "malformed YAML"),
        ("- flag: A\n  status: accepted\n- flag: B\n  status: maybe\n", 4, "status", "'maybe' is not one of"),
        (
            "- flag: A\n  status: accepted\n- flag: B\n  stauts: accepted\n  status: ignored\n",
            4,
            "stauts",
            "unknown field",
        ),
        ("- flag: A\n  status: accepted\n- flag: B\n  note: x\n", 3, "status", "required field is missing"),
        (
            "- flag: A\n  status: accepted\n- flag: A\n  status: rejected\n",
            3,
            "flag",
            "duplicate decision for flag A",
        ),
        ("flag: A\nstatus: accepted\n", 1, None, "is not of type 'array'"),
        ("- flag: A\n  status: accepted\n  note: 12\n", 3, "note", "12 is not of type"),
    ],
)
def test_bad_files_name_file_line_and_field(
    tmp_path: Path, text: str, line: int, field: str | None, words: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_reviews(path)
    assert err.value.path == str(path)
    assert err.value.line == line
    assert err.value.field == field
    assert words in err.value.message
    assert str(err.value).startswith(f"{path}:{line}:")


def test_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    path.write_bytes(b"- flag: \xff\xfe\n")
    with pytest.raises(InputError, match="not UTF-8"):
        load_reviews(path)


def test_record_creates_the_file(tmp_path: Path) -> None:
    path = tmp_path / "claims" / "reviews.yaml"
    record_review(
        path, _flag("ROLE-1", "Kaysone: Chairman vs general secretary"), "accepted", "confirmed", "bo"
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# crosscheck review decisions")
    review = load_reviews(path)["ROLE-1"]
    assert (review.status, review.note, review.reviewer, review.date) == ("accepted", "confirmed", "bo", "")
    assert review.summary == "Kaysone: Chairman vs general secretary"


def test_record_updates_only_that_entry_and_keeps_comments(tmp_path: Path) -> None:
    path = _write(tmp_path, COMMENTED)
    record_review(
        path, _flag("COUNT-2", "count summary"), "ignored", "not relevant: other period", "cy", "2026-02-01"
    )
    text = path.read_text(encoding="utf-8")
    before, after = COMMENTED.split("- flag: COUNT-2")[0], text.split("- flag: COUNT-2")[0]
    assert before == after  # the first entry, its comments and blank lines untouched
    assert text.endswith("# closing remark\n")
    reviews = load_reviews(path)
    assert list(reviews) == ["DATE-1", "COUNT-2"]
    assert reviews["COUNT-2"].status == "ignored" and reviews["COUNT-2"].date == "2026-02-01"
    assert reviews["DATE-1"].note == "Arrival on the 21st,\nmeeting on the 23rd.\n"


def test_record_replaces_a_block_scalar_entry_whole(tmp_path: Path) -> None:
    path = _write(tmp_path, COMMENTED)
    record_review(path, _flag("DATE-1"), "accepted", "real")
    text = path.read_text(encoding="utf-8")
    assert "Arrival on the 21st" not in text and "# checked with the archive" not in text
    assert text.startswith("# Decisions of the desk\n- flag: DATE-1\n  status: accepted\n")
    assert "# the count one\n- flag: COUNT-2" in text
    assert [r.status for r in load_reviews(path).values()] == ["accepted", "accepted"]


def test_record_appends_new_entries_and_never_drops(tmp_path: Path) -> None:
    path = _write(tmp_path, COMMENTED)
    for i in range(3):
        record_review(path, _flag(f"NAME-{i}"), "rejected", f"false alarm {i}")
    reviews = load_reviews(path)
    assert list(reviews) == ["DATE-1", "COUNT-2", "NAME-0", "NAME-1", "NAME-2"]
    assert path.read_text(encoding="utf-8").startswith(COMMENTED)


def test_record_handles_indented_and_flow_files(tmp_path: Path) -> None:
    path = _write(tmp_path, "  - flag: A\n    status: accepted\n")
    record_review(path, _flag("B"), "rejected")
    assert list(load_reviews(path)) == ["A", "B"]
    path = _write(tmp_path, "# header\n[{flag: A, status: accepted}]\n")
    record_review(path, _flag("A"), "ignored", "x: y, z")
    assert load_reviews(path)["A"].status == "ignored"
    assert path.read_text(encoding="utf-8").startswith("# header\n")


def test_record_refuses_bad_status_and_bad_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        record_review(tmp_path / "r.yaml", _flag("A"), "maybe")
    path = _write(tmp_path, "- flag: A\n  status: [\n")
    with pytest.raises(InputError):
        record_review(path, _flag("B"), "accepted")
    assert path.read_text(encoding="utf-8") == "- flag: A\n  status: [\n"  # not overwritten


def test_record_keeps_awkward_text_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    flag = make_result().flags[0]
    note = "multi\nline: with # hash, 'quotes' and “unicode” Pjöngjang"
    record_review(path, flag, "rejected", note, "José", "2026-01-08")
    review = load_reviews(path)[flag.id]
    assert review.note == note and review.reviewer == "José" and review.summary == flag.summary
