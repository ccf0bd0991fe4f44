"""What is NOT a date: impossible days, far-future years and numbers that only look like years.

A false date costs a fact-checker as much as a missed one, so each trap must
produce no expression at all (not merely an unresolved one).
"""

from __future__ import annotations

import pytest

from crosscheck.extract.temporal import find_time_expressions
from crosscheck.ingest.segment import segment


def texts_found(text: str) -> list[str]:
    return [te.text for te in find_time_expressions(text, segment(text, []))]


IMPOSSIBLE = {
    "february-30": "The talks were held on February 30, 2020 in Geneva.",
    "february-29-non-leap": "The accord was signed on February 29, 2019.",
    "april-31": "April 31, 2020 was the deadline.",
    "june-31-day-first": "On 31 June 2020 nothing happened.",
    "iso-month-13": "A copy dated 1965-13-02 is kept.",
    "iso-day-32": "A copy dated 1965-10-32 is kept.",
    "range-backwards": "They met on March 5-2 2019.",
    "zeroth-anniversary": "It was the 0th anniversary of nothing.",
    "zero-years-ago": "It happened 0 years ago.",
}

FAR_FUTURE = {
    "year": "The plan runs until 2150 and beyond.",
    "year-2101": "The lease ends in 2101.",
    "month-year": "The talks are set for March 2150.",
    "full-date": "The talks are set for March 3, 2150.",
    "iso": "The file is dated 2150-01-01.",
}

NUMBERS_THAT_ARE_NOT_DATES = {
    "url-path": "Visit https://example.org/2019/05/12/story.html for details.",
    "url-no-scheme": "Read the report at www.nk3-power.la/reports/2018/annual.pdf today.",
    "email": "Journalists can write to press2021@mofa.example.gov for accreditation.",
    "phone-dashed": "Residents can call the hotline on 021-215-2019.",
    "phone-international": "Call the embassy on +84 24 3799 1977.",
    "phone-bracketed": "Tel: (856-21) 336042, 336043; Fax: (856-21) 336041.",
    "po-box": "Write to P.O. Box 1987, Vientiane.",
    "po-box-colon": "Sisattanak District, P.O.Box: 5723 Vientiane, Lao PDR.",
    "km-hyphen": "Laos shares a 2,069-km border with Vietnam.",
    "metres-spaced": "Paektu rises 2 750m above sea level.",
    "metres-unit-word": "The dam wall is 1998 m long.",
    "metres-attached": "They ran a 2000m race.",
    "thousands-separator": "Tickets cost 2,023 kip for students.",
    "people-count": "About 2000 people attended the ceremony.",
    "percent": "Output grew by 2020 percent.",
    "may-verb": "Officials said the spillway may be opened if the rains continue.",
    "may-sentence-start": "May the river stay calm, villagers said.",
    "congress-ordinal": "The resettlement plan was approved by the 11th Congress of the ruling party.",
    "congress-ordinal-acronym": "They set goals at the 11th LPRP Congress.",
    "clock-times": "Screenings run from 18:00 to 23:00 every night.",
    "page-range": "The programme is on pages 1999-2003 of the catalogue.",
}


@pytest.mark.parametrize("text", IMPOSSIBLE.values(), ids=IMPOSSIBLE.keys())
def test_impossible_dates_produce_nothing(text: str) -> None:
    assert texts_found(text) == []


@pytest.mark.parametrize("text", FAR_FUTURE.values(), ids=FAR_FUTURE.keys())
def test_far_future_years_produce_nothing(text: str) -> None:
    assert texts_found(text) == []


@pytest.mark.parametrize("text", NUMBERS_THAT_ARE_NOT_DATES.values(), ids=NUMBERS_THAT_ARE_NOT_DATES.keys())
def test_numbers_that_are_not_dates_produce_nothing(text: str) -> None:
    assert [t for t in texts_found(text) if t.lower() != "today"] == []


def test_trap_does_not_hide_a_real_date_in_the_same_sentence() -> None:
    text = "The 11th Congress met in March 2021 at a 2,069-km border post (call 021-215-2019)."
    assert texts_found(text) == ["March 2021"]


def test_a_year_next_to_a_url_keeps_the_year_only() -> None:
    assert texts_found("He met them in 1965 (see www.site.la/1966).") == ["1965"]



@pytest.mark.parametrize("text", [
    "The plan is described on page 2015 of the dossier.",
    "See p. 1998 of the annex.",
], ids=["page", "p-dot"])
def test_page_numbers_produce_nothing(text: str) -> None:
    """Page numbers in the year range are read as years today (the year pattern has no page guard)."""
    assert texts_found(text) == []



@pytest.mark.parametrize("text", [
    "The reading room is on floor 3, room 1965.",
    "Screenings run in Hall 2019 of the centre.",
], ids=["room", "hall"])
def test_room_numbers_produce_nothing(text: str) -> None:
    assert texts_found(text) == []



def test_four_digit_ordinal_is_not_a_year() -> None:
    """"1300th" is an ordinal: the anniversary is refused (n > 1000 is fine) but "1300" comes back as a year."""
    assert "1300" not in texts_found("The city celebrated the 1300th anniversary of its founding.")
