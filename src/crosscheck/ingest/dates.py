"""Explicit calendar dates as written in datelines: "June 24, 2020", "24 June 2020", "2020-06-24".

Only complete, explicit forms are accepted (a month name, an ISO form or a
dotted European day.month.year, with a four-digit year); a date that does not
exist ("February 30, 2020") is no date.
"""

from __future__ import annotations

import re

from crosscheck.calendar import MAX_YEAR, MIN_YEAR, MONTH_RE, day, month, month_number, valid_day
from crosscheck.ingest.rulecache import rule_error, rules_cached
from crosscheck.records import TimeValue
from crosscheck.rules import load_yaml


@rules_cached("datelines.yaml")
def _extra_months() -> dict[str, int]:
    """Non-English month names from rules/datelines.yaml."""
    data = load_yaml("datelines.yaml") or {}
    names = (data.get("month_names") if isinstance(data, dict) else None) or {}
    if not isinstance(names, dict) or not all(isinstance(v, int) and 1 <= v <= 12 for v in names.values()):
        raise rule_error("datelines.yaml", "expected month name: number 1-12", field="month_names")
    return {str(k).lower(): int(v) for k, v in names.items()}


def _month_number(name: str) -> int | None:
    return month_number(name) or _extra_months().get(name.lower().rstrip("."))


@rules_cached("datelines.yaml")
def date_pattern() -> str:
    """One explicit date as a regex with named groups (datelines.yaml writes it as ``{date}``)."""
    extra = "|".join(re.escape(n) for n in sorted(_extra_months(), key=len, reverse=True))
    months = f"(?:{MONTH_RE}|{extra})" if extra else MONTH_RE
    weekday = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
    mdy = rf"(?P<m1>{months})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    dmy = rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<m2>{months}),?\s+(?P<y2>\d{{4}})"
    iso = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    my = rf"(?P<m4>{months}),?\s+(?P<y4>\d{{4}})"
    dotted = r"(?P<d5>\d{1,2})\.(?P<m5>\d{1,2})\.(?P<y5>\d{4})"
    return rf"(?<![\w.]){weekday}(?:{mdy}|{dmy}|{iso}|{my}|{dotted})(?![\w-]|\.\d)"


@rules_cached("datelines.yaml")
def _date_re() -> re.Pattern[str]:
    return re.compile(date_pattern(), re.IGNORECASE)


@rules_cached("datelines.yaml")
def _full_re() -> re.Pattern[str]:
    return re.compile(rf"^\s*{date_pattern()}\s*$", re.IGNORECASE)


def _value(m: re.Match[str]) -> TimeValue | None:
    g = m.groupdict()
    if g["y1"]:
        y, mo, d = int(g["y1"]), _month_number(g["m1"]), int(g["d1"])
    elif g["y2"]:
        y, mo, d = int(g["y2"]), _month_number(g["m2"]), int(g["d2"])
    elif g["y3"]:
        y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
    elif g["y5"]:
        y, mo, d = int(g["y5"]), int(g["m5"]), int(g["d5"])
    else:
        y, mo, d = int(g["y4"]), _month_number(g["m4"]), None
    if mo is None or not MIN_YEAR <= y <= MAX_YEAR or not 1 <= mo <= 12:
        return None
    if d is None:
        return month(y, mo)
    return day(y, mo, d) if valid_day(y, mo, d) else None


def parse_date(text: str) -> TimeValue | None:
    """The date when ``text`` is exactly one explicit date (day or month precision), else None."""
    m = _full_re().match(text)
    return _value(m) if m else None


def find_date(text: str) -> tuple[TimeValue, int, int] | None:
    """The first valid explicit date in ``text`` with its span, or None."""
    for m in _date_re().finditer(text):
        value = _value(m)
        if value is not None:
            return value, m.start(), m.end()
    return None


def value_of(m: re.Match[str]) -> TimeValue | None:
    """The date matched by a pattern built from date_pattern() (its named groups)."""
    return _value(m)
