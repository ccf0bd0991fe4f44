"""Named multilateral treaties, names the text gives as aliases, and lists of dated occurrences,
checked through the CLI on small corpora."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cli_helpers import RUN_ARGS, run_cli

FOUNDED = """ASEAN at fifty

Manila, August 8, 2017

ASEAN was founded in Bangkok on 8 August 1967, when the foreign ministers of Indonesia, Malaysia, the Philippines, Singapore and Thailand signed the two-page ASEAN Declaration, better known as the Bangkok Declaration.
"""
SIGNED = """ASEAN Day

Jakarta, August 8, 2023

The Bangkok Declaration was signed on 9 August 1967 by the foreign ministers of Indonesia, Malaysia, the Philippines, Singapore and Thailand.
"""
LISTED = """A quarter century

Kuala Lumpur, March 3, 1992

ASEAN heads of government have so far held four summits: in Bali in February 1976, in Kuala Lumpur in August 1977, in Manila in December 1987, and in Singapore in January this year.
"""


def _run(tmp_path: Path, texts: dict[str, str]) -> dict[str, Any]:
    (tmp_path / "sources").mkdir()
    for name, text in texts.items():
        (tmp_path / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
    run = run_cli(tmp_path, *RUN_ARGS)
    assert run.returncode == 0, run.stderr
    return run.report()


def test_one_declaration_under_two_names_dated_two_days_is_a_date_conflict(tmp_path: Path) -> None:
    report = _run(tmp_path, {"a_founded": FOUNDED, "b_signed": SIGNED})
    treaty = [c for c in report["claims"] if c.get("event_type") == "treaty" and c["kind"] == "event_date"]
    assert {c["event"] for c in treaty} == {"treaty:asean-declaration"}
    assert sorted(c["value"] for c in treaty) == ["1967-08-08", "1967-08-09"]
    flags = [f for f in report["flags"] if f["kind"] == "date_conflict"]
    assert len(flags) == 1 and {e["source"] for e in flags[0]["evidence"]} == {"a_founded", "b_signed"}


def test_generic_treaty_names_are_not_keyed_by_name(tmp_path: Path) -> None:
    one = SIGNED.replace("The Bangkok Declaration", "A Treaty of Amity and Cooperation")
    two = one.replace("9 August 1967", "24 February 1976")
    report = _run(tmp_path, {"a": one, "b": two})
    assert not [c for c in report["claims"] if (c.get("event") or "").startswith("treaty:")]
    assert report["flags"] == []


def test_each_listed_occurrence_gets_its_date_and_its_own_place(tmp_path: Path) -> None:
    report = _run(tmp_path, {"summits": LISTED})
    dated = [c["value"] for c in report["claims"] if c["kind"] == "event_date" and c.get("event_type") == "meeting"]
    assert dated == ["1976-02", "1977-08", "1987-12"]
    places = {c.get("time"): c["value"] for c in report["claims"] if c["kind"] == "place"}
    assert places == {"1977-08": "Kuala Lumpur", "1987-12": "Manila", "1992-01": "Singapore"}  # Bali: unknown


def test_a_generic_treaty_name_never_keys_an_event(tmp_path: Path) -> None:
    text = ("Friends\n\nVientiane, July 20, 2017\n\nWith leaders of Cambodia looking on, Laos and Vietnam "
            "signed the Treaty of Friendship and Cooperation on July 18, 1977.\n")
    report = _run(tmp_path, {"a": text})
    treaty = [c for c in report["claims"] if c.get("event_type") == "treaty" and c["kind"] == "event_date"]
    assert treaty and not any((c.get("event") or "").startswith("treaty:treaty") for c in treaty)


def test_a_when_clause_does_not_date_what_its_people_had_done_before(tmp_path: Path) -> None:
    text = ("Reunion\n\nJakarta, May 9, 1970\n\nThe delegations arrived on 5 May 1970, when the ministers of "
            "Indonesia, Malaysia and Thailand, who had signed the Bangkok Declaration three years before, met again.\n")
    report = _run(tmp_path, {"a": text})
    treaty = [c for c in report["claims"] if c.get("event_type") == "treaty" and c["kind"] == "event_date"]
    assert all(c["value"] != "1970-05-05" for c in treaty)
