"""Temporal extractor + resolver, one expression type at a time: exact span, expr and resolved value.

Each case states the text, the phrase (its exact span must be one expression),
the underspecified ``expr`` the extractor writes and the value ``resolve_expr``
gives against the stated publication date.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from crosscheck import calendar as cal
from crosscheck.extract.temporal import find_time_expressions
from crosscheck.ingest.segment import segment
from crosscheck.normalize.timeresolve import resolve_expr
from crosscheck.records import TimeExpr


def extract(text: str) -> list[TimeExpr]:
    return find_time_expressions(text, segment(text, []))


def expression_at(text: str, phrase: str, occurrence: int = 1) -> TimeExpr:
    """The one expression whose span is exactly the ``occurrence``-th ``phrase``."""
    at = -1
    for _ in range(occurrence):
        at = text.index(phrase, at + 1)
    found = [te for te in extract(text) if (te.start, te.end) == (at, at + len(phrase))]
    spans = [(te.text, te.expr) for te in extract(text)]
    assert len(found) == 1, f"no expression spanning {phrase!r} in {spans}"
    te = found[0]
    assert text[te.start : te.end] == phrase == te.text
    return te


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    phrase: str
    expr: str
    value: str
    published: str | None = None
    occurrence: int = 1


CASES = [
    # full dates, every spelling
    Case("month-day-year", "The treaty was signed on October 28, 1965 in Hanoi.", "October 28, 1965",
         "1965-10-28", "1965-10-28"),
    Case("month-day-year-no-comma", "On October 28 1965, he arrived.", "October 28 1965", "1965-10-28", "1965-10-28"),
    Case("day-month-year", "It was concluded on 28 October 2008 by both sides.", "28 October 2008",
         "2008-10-28", "2008-10-28"),
    Case("ordinal-of-month", "He was born on the 28th of October 1965.", "28th of October 1965",
         "1965-10-28", "1965-10-28"),
    Case("abbreviated-month", "It was ratified on Oct. 28, 1966 in Vientiane.", "Oct. 28, 1966",
         "1966-10-28", "1966-10-28"),
    Case("iso-date", "A copy dated 1965-11-02 is kept in the archive.", "1965-11-02", "1965-11-02", "1965-11-02"),
    Case("leap-day", "The accord of February 29, 2020 stands.", "February 29, 2020", "2020-02-29", "2020-02-29"),
    # partial dates: month precision, year precision, month and day from the publication year
    Case("month-year", "He visited the DPRK in April 1992 as president.", "April 1992", "1992-04", "1992-04"),
    Case("year", "Relations date back to 1965.", "1965", "1965", "1965"),
    Case("month-day-present", "June 24 is a significant day for both countries.", "June 24", "XXXX-06-24",
         "2020-06-24", "2020-06-24"),
    Case("month-day-past", "Water levels were lowest on March 3, the company added.", "March 3", "XXXX-03-03<",
         "2019-03-03", "2019-05-14"),
    Case("month-day-past-previous-year", "In his message sent on December 31, he thanked the leader.",
         "December 31", "XXXX-12-31<", "2025-12-31", "2026-01"),
    Case("bare-month-past", "In May the jury selected 40 films.", "In May", "XXXX-05<", "2023-05", "2023-08"),
    # ranges
    Case("range-month-first", "He paid a visit on March 1-2 2019.", "March 1-2 2019",
         "2019-03-01/2019-03-02", "2019-03-01/2019-03-02"),
    Case("range-day-first", "The ministers met on 14-15 September 2021.", "14-15 September 2021",
         "2021-09-14/2021-09-15", "2021-09-14/2021-09-15"),
    Case("range-to", "The negotiations ran from March 1 to 4, 1965.", "March 1 to 4, 1965",
         "1965-03-01/1965-03-04", "1965-03-01/1965-03-04"),
    # lists
    Case("list-first", "He visited in 1970 and 1977 respectively.", "1970", "1970", "1970"),
    Case("list-second", "He visited in 1970 and 1977 respectively.", "1977", "1977", "1977"),
    # anaphora: the last explicit date of the text
    Case("month-that-year", "They first met in April 1965. He visited the DPRK in October that year.",
         "October that year", "1965-10", "1965-10"),
    Case("the-following-year", "They first met in June 1986. The following year a treaty was signed.",
         "The following year", "1987", "1987"),
    Case("the-same-year", "The record was set in 2019. The same year a new hall opened.", "The same year",
         "2019", "2019"),
    # relative to the publication date
    Case("years-ago", "The friendship began 57 years ago in Pyongyang.", "57 years ago", "PUB-57Y", "1965", "2022"),
    Case("words-years-ago", "It happened twenty-five years ago.", "twenty-five years ago", "PUB-25Y", "1995",
         "2020-06-24"),
    Case("decades-ago", "Two decades ago there were no direct flights.", "Two decades ago", "PUB-20Y", "2001",
         "2021-11-03"),
    Case("half-a-century-ago", "The ties were nurtured half a century ago.", "half a century ago", "PUB-50Y",
         "1970", "2020-06-24"),
    Case("last-year", "He recalled their summit in Pyongyang last year.", "last year", "PUB-1Y", "2025", "2026-01"),
    Case("last-month", "Sisoulith replied last month to the message.", "last month", "PUB-1M", "2025-12", "2026-01"),
    Case("month-last-year", "Their meeting in October last year was fruitful.", "October last year", "PUB-1Y-M10",
         "2025-10", "2026-01"),
    Case("month-next-year", "A second turbine is due in May next year.", "May next year", "PUB+1Y-M05", "2020-05",
         "2019-05-14"),
    Case("yesterday", "The deputy minister followed yesterday.", "yesterday", "PUB-1D", "2021-11-02", "2021-11-03"),
    # anniversaries: valued as the event they count from
    Case("anniversary-on-day", "June 24 is the 46th anniversary of diplomatic relations.", "the 46th anniversary",
         "ANN:46=XXXX-06-24", "1974-06-24", "2020-06-24"),
    Case("anniversary-observed", "The summit was held on October 7, 2025 to mark the 80th founding anniversary.",
         "the 80th founding anniversary", "ANN:80@2025-10-07", "1945"),
    Case("birthday-observed", "He came in April 1992, when the 80th birthday of the President was celebrated.",
         "the 80th birthday", "ANN:80@1992-04", "1912"),
    Case("anniversary-of-publication-year", "This Year 2022 celebrates the 60th anniversary of relations.",
         "the 60th anniversary", "ANN:60@2022", "1962", "2022-04-08"),
    Case("anniversary-relative", "He replied last month to a message on its 50th establishment anniversary.",
         "50th establishment anniversary", "ANN:50@PUB-1M", "1975", "2026-01"),
    Case("anniversary-word-ordinal", "June 24 is the forty-sixth anniversary of relations.",
         "the forty-sixth anniversary", "ANN:46=XXXX-06-24", "1974-06-24", "2020-06-24"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_expression_span_expr_and_value(case: Case) -> None:
    te = expression_at(case.text, case.phrase, case.occurrence)
    assert te.expr == case.expr
    pub = cal.parse_iso(case.published) if case.published else None
    resolved = resolve_expr(te.expr, pub)
    assert resolved.value is not None, resolved.derivation
    assert resolved.value.iso == case.value


def test_decade_keeps_its_interval() -> None:
    te = expression_at("The group was founded in the 1960s.", "the 1960s")
    assert te.value is not None
    assert (te.value.start.isoformat(), te.value.end.isoformat()) == ("1960-01-01", "1969-12-31")
    assert te.value.precision == "decade"


def test_anniversary_records_its_number_and_kind() -> None:
    te = expression_at("It came when the 80th birthday of the President was celebrated in April 1992.",
                       "the 80th birthday")
    assert te.kind == "anniversary"
    assert (te.n, te.mod) == (80, "birth")


def test_vague_span_is_not_a_date() -> None:
    te = expression_at("The struggle lasted almost half a century.", "almost half a century")
    assert te.expr == "DUR:50" and te.mod == "before"
    assert resolve_expr(te.expr, cal.parse_iso("2022-04-08")).value is None


def test_expressions_come_in_reading_order_with_exact_spans() -> None:
    text = ("June 24 is the 46th anniversary. They first met in April 1965 and again in October that year. "
            "Trade doubled between 1995 and 1999.")
    found = extract(text)
    assert [te.text for te in found] == [
        "June 24", "the 46th anniversary", "April 1965", "October that year", "1995", "1999"]
    assert all(text[te.start : te.end] == te.text for te in found)
    assert [te.start for te in found] == sorted(te.start for te in found)


def test_the_last_year_of_a_life_is_not_last_year() -> None:
    text = "He met him in September 2011, the last year of his life."
    assert [te.text for te in extract(text)] == ["September 2011"]



def test_future_tense_passive_is_not_past() -> None:
    """"will be presented" ends in -ed but is future: June 20 in a May 2019 text is June 20, 2019.

    Today the "-ed" rule of ``is_past`` marks it XXXX-06-20< and it resolves to 2018-06-20.
    """
    te = expression_at("The results will be presented on June 20.", "June 20")
    assert resolve_expr(te.expr, cal.parse_iso("2019-05-14")).value == cal.day(2019, 6, 20)



def test_the_same_day_after_a_month_and_day() -> None:
    """"the same day" after "January 8" is that day once the publication year is known.

    Today REF only follows resolved dates, so it stays "REF" (expected XXXX-01-08<).
    """
    text = "Kim sent a message on January 8. This came on the same day the party congress concluded."
    te = expression_at(text, "the same day")
    assert resolve_expr(te.expr, cal.parse_iso("2026-01")).value == cal.day(2026, 1, 8)
