"""apply_reviews (decisions onto flags, stale decisions) and the CI gate."""

from __future__ import annotations

import pytest

from crosscheck.errors import UsageError
from crosscheck.records import Flag, Review
from crosscheck.review import apply_reviews, gate
from report_fixtures import make_result


def _open(fid: str, severity: str, kind: str = "date_conflict") -> Flag:
    return Flag(id=fid, kind=kind, severity=severity, subject="s", summary=f"summary of {fid}", evidence=[])


def test_apply_reviews_sets_status_note_new_and_returns_stale() -> None:
    flags = [_open("A", "error"), _open("B", "warning"), _open("C", "info")]
    flags[2].status, flags[2].new = "accepted", False  # stale state from an earlier pass is reset
    reviews = {
        "A": Review("A", "rejected", note="false alarm"),
        "Z": Review("Z", "accepted"),
        "Y": Review("Y", "ignored"),
    }
    stale = apply_reviews(flags, reviews)
    assert stale == ["Y", "Z"]
    a, b, c = flags
    assert (a.status, a.review_note, a.new) == ("rejected", "false alarm", False)
    assert (b.status, b.review_note, b.new) == ("open", "", True)
    assert (c.status, c.new) == ("open", True)


@pytest.mark.parametrize(
    ("fail_on", "code", "failed"),
    [("error", 1, ["E1"]), ("warning", 1, ["E1", "W1"]), ("info", 1, ["E1", "W1", "I1"]), ("never", 0, [])],
)
def test_gate_thresholds(fail_on: str, code: int, failed: list[str]) -> None:
    flags = [_open("I1", "info"), _open("W1", "warning"), _open("E1", "error"), _open("E2", "error")]
    flags[3].status = "accepted"
    result = gate(flags, fail_on)
    assert result.exit_code == code
    assert result.failed == failed
    for fid in failed:
        flag = next(f for f in flags if f.id == fid)
        assert f"{flag.severity.upper()} {flag.kind} {fid}: {flag.summary}" in result.message.splitlines()
    assert "E2" not in result.message


def test_gate_passes_when_everything_serious_is_reviewed() -> None:
    flags = [_open("E1", "error"), _open("W1", "warning")]
    apply_reviews(flags, {"E1": Review("E1", "rejected")})
    result = gate(flags, "error")
    assert result.exit_code == 0 and result.failed == []
    assert "1 unreviewed below" in result.message
    assert gate(flags, "warning").exit_code == 1


def test_gate_on_fixture_and_bad_threshold() -> None:
    result = gate(make_result().flags, "error")
    assert result.exit_code == 1 and len(result.failed) == 1 and result.failed[0].startswith("ROLE-")
    assert gate([], "info").exit_code == 0
    with pytest.raises(UsageError, match="fail_on"):
        gate([], "fatal")
