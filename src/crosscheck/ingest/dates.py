"""Explicit calendar dates as written in datelines: "June 24, 2020", "24 June 2020", "2020-06-24".

Only complete, explicit forms are accepted (a month name or an ISO form and a
four-digit year); a date that does not exist ("February 30, 2020") is no date.
"""

from __future__ import annotations

import re

from crosscheck.calendar import MAX_YEAR, MIN_YEAR, MONTH_RE, day, month, month_number, valid_day
from crosscheck.records import TimeValue

_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_MDY = rf"(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
_DMY = rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<m2>{MONTH_RE}),?\s+(?P<y2>\d{{4}})"
_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
_MY = rf"(?P<m4>{MONTH_RE}),?\s+(?P<y4>\d{{4}})"

#: One explicit date, usable inside larger patterns (datelines.yaml writes it as ``{date}``).
DATE_PATTERN = rf"{_WEEKDAY}(?:{_MDY}|{_DMY}|{_ISO}|{_MY})(?![\d-])"
_DATE_RE = re.compile(DATE_PATTERN)
_FULL_RE = re.compile(rf"^\s*{DATE_PATTERN}\s*$")


def _value(m: re.Match[str]) -> TimeValue | None:
    g = m.groupdict()
    if g["y1"]:
        y, mo, d = int(g["y1"]), month_number(g["m1"]), int(g["d1"])
    elif g["y2"]:
        y, mo, d = int(g["y2"]), month_number(g["m2"]), int(g["d2"])
    elif g["y3"]:
        y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
    else:
        y, mo, d = int(g["y4"]), month_number(g["m4"]), None
    if mo is None or not MIN_YEAR <= y <= MAX_YEAR or not 1 <= mo <= 12:
        return None
    if d is None:
        return month(y, mo)
    return day(y, mo, d) if valid_day(y, mo, d) else None


def parse_date(text: str) -> TimeValue | None:
    """The date when ``text`` is exactly one explicit date (day or month precision), else None."""
    m = _FULL_RE.match(text)
    return _value(m) if m else None


def find_date(text: str) -> tuple[TimeValue, int, int] | None:
    """The first valid explicit date in ``text`` with its span, or None."""
    for m in _DATE_RE.finditer(text):
        value = _value(m)
        if value is not None:
            return value, m.start(), m.end()
    return None


def value_of(m: re.Match[str]) -> TimeValue | None:
    """The date matched by a pattern built from DATE_PATTERN (its named groups)."""
    return _value(m)
