"""Calendar arithmetic on TimeValue intervals: parsing ISO values, month names, shifting.

Shared by ingest (datelines), extract (temporal expressions), normalize
(resolution) and compare (overlap).  Nothing here reads the clock.
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date

from crosscheck.records import TimeValue

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = tuple(_cal.month_name)[1:]
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
MIN_YEAR, MAX_YEAR = 1000, 2100


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def last_day(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= last_day(year, month)


def day(y: int, m: int, d: int) -> TimeValue:
    v = date(y, m, d)
    return TimeValue(v, v, "day")


def month(y: int, m: int) -> TimeValue:
    return TimeValue(date(y, m, 1), date(y, m, last_day(y, m)), "month")


def year(y: int) -> TimeValue:
    return TimeValue(date(y, 1, 1), date(y, 12, 31), "year")


def decade(y: int) -> TimeValue:
    start = y - y % 10
    return TimeValue(date(start, 1, 1), date(start + 9, 12, 31), "decade")


def span(a: TimeValue, b: TimeValue) -> TimeValue:
    """The range from the start of ``a`` to the end of ``b`` ("March 1-2 2019")."""
    return TimeValue(a.start, b.end, "range")


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")
_ISO_DECADE = re.compile(r"^(\d{3})$")


def parse_iso(text: str) -> TimeValue | None:
    """``1965``, ``1965-10``, ``1965-10-28`` or an interval ``A/B`` of those; None if not ISO."""
    text = str(text).strip()
    if "/" in text:
        a, _, b = text.partition("/")
        va, vb = parse_iso(a), parse_iso(b)
        if va is None or vb is None or vb.end < va.start:
            return None
        return TimeValue(va.start, vb.end, "range")
    try:
        n = len(text)  # the common forms first, without a regex (isdecimal is exactly re's \d)
        if n == 4 and text.isdecimal():
            return year(int(text))
        if n == 10 and text[4] == text[7] == "-" and (text[:4] + text[5:7] + text[8:]).isdecimal():
            y, mo, d = int(text[:4]), int(text[5:7]), int(text[8:])
            return day(y, mo, d) if valid_day(y, mo, d) else None
        if m := _ISO_DAY.match(text):
            y, mo, d = map(int, m.groups())
            return day(y, mo, d) if valid_day(y, mo, d) else None
        if m := _ISO_MONTH.match(text):
            y, mo = map(int, m.groups())
            return month(y, mo) if 1 <= mo <= 12 else None
        if m := _ISO_YEAR.match(text):
            return year(int(m.group(1)))
        if m := _ISO_DECADE.match(text):
            return decade(int(m.group(1)) * 10)
    except ValueError:
        return None
    return None


def shift_years(v: TimeValue, n: int) -> TimeValue:
    """Move a value by ``n`` years keeping its precision (Feb 29 falls back to Feb 28)."""

    def mv(d: date, end: bool) -> date:
        y = d.year + n
        dd = min(d.day, last_day(y, d.month))
        return date(y, d.month, dd)

    return TimeValue(mv(v.start, False), mv(v.end, True), v.precision, v.mod)


def widen(v: TimeValue, years_before: int = 0, years_after: int = 0) -> TimeValue:
    """A wider interval for bounded or approximate values."""
    s = date(max(1, v.start.year - years_before), 1, 1) if years_before else v.start
    e = date(min(9999, v.end.year + years_after), 12, 31) if years_after else v.end
    return TimeValue(s, e, v.precision, v.mod)


def coarsen(v: TimeValue, precision: str) -> TimeValue:
    """The value at a coarser precision (a day to its year)."""
    if precision == "year":
        return year(v.start.year)
    if precision == "month":
        return month(v.start.year, v.start.month)
    return v


def describe(v: TimeValue) -> str:
    """Human form: "October 28, 1965", "October 1965", "1965", "March 1-2, 2019"."""
    s, e = v.start, v.end
    if v.precision == "day":
        return f"{MONTH_NAMES[s.month - 1]} {s.day}, {s.year}"
    if v.precision == "month":
        return f"{MONTH_NAMES[s.month - 1]} {s.year}"
    if v.precision == "year":
        return str(s.year)
    if v.precision == "decade":
        return f"the {s.year}s"
    if s.year == e.year and s.month == e.month:
        return f"{MONTH_NAMES[s.month - 1]} {s.day}-{e.day}, {s.year}"
    return f"{s.isoformat()} to {e.isoformat()}"
