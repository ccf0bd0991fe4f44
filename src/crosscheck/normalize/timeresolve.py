"""Second pass of time normalisation: underspecified ``expr`` values -> calendar intervals.

Everything relative is resolved against the source's publication date, which
may itself be known only to the year or month (inferred), so each rule asks
for the precision it needs and otherwise leaves the value unresolved rather
than guessing.  See ``crosscheck.extract.temporal`` for the ``expr`` forms.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import NamedTuple

from crosscheck import calendar as cal
from crosscheck.records import TimeValue

_PUB_REL = re.compile(r"^PUB([+-])(\d+)([YMD])(?:-M(\d{2})|(=M))?$")  # "=M": in the publication's month
_PARTIAL = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?(<)?$")
_ANN = re.compile(r"^ANN:(\d+)([=@])(.+)$")


class Resolved(NamedTuple):
    """A resolved value (None when it cannot be resolved) and how it was reached."""

    value: TimeValue | None
    derivation: str


def _pub_text(pub: TimeValue) -> str:
    return f"a text of {cal.describe(pub)}"


def _single_year(pub: TimeValue | None) -> int | None:
    if pub is None or pub.start.year != pub.end.year:
        return None
    return pub.start.year


def _single_month(pub: TimeValue | None) -> tuple[int, int] | None:
    if pub is None or (pub.start.year, pub.start.month) != (pub.end.year, pub.end.month):
        return None
    return pub.start.year, pub.start.month


def resolve_partial(month: int, day: int | None, pub: TimeValue, past: bool) -> TimeValue | None:
    """A bare "June 24" or "October": the publication year, or the year before when
    narrated in the past and the date would fall after the publication."""
    y = pub.end.year
    if day is not None and not cal.valid_day(y, month, day):
        if not cal.valid_day(y - 1, month, day):
            return None
        y -= 1
    candidate_start = date(y, month, day or 1)
    if past and candidate_start > pub.end:
        y -= 1
    elif not past and pub.start.year != pub.end.year:
        return None
    if day is not None:
        return cal.day(y, month, day) if cal.valid_day(y, month, day) else None
    return cal.month(y, month)


@cache
def resolve_expr(expr: str, pub: TimeValue | None, past: bool = True) -> Resolved:
    """Resolve one ``expr`` against a publication date (None when unknown); cached, the
    same few expressions recur across a corpus."""
    if not expr:
        return Resolved(None, "no time expression")
    if expr.lstrip()[:1].isdigit():  # only ISO values start with a digit
        iso = cal.parse_iso(expr)
        if iso is not None:
            return Resolved(iso, "")
    if m := _PARTIAL.match(expr):
        month, day = int(m.group(1)), (int(m.group(2)) if m.group(2) else None)
        past = bool(m.group(3))
        if pub is None:
            return Resolved(None, "needs the publication year, which is unknown")
        v = resolve_partial(month, day, pub, past)
        if v is None:
            return Resolved(None, f"cannot place it in {_pub_text(pub)}")
        return Resolved(v, f"in {_pub_text(pub)} -> {v.iso}")
    if m := _PUB_REL.match(expr):
        sign, n, unit, month = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        off = n if sign == "+" else -n
        if unit == "Y":
            y = _single_year(pub)
            if y is None:
                return Resolved(None, "needs the publication year, which is unknown")
            if m.group(5) and _single_month(pub):  # "this month marks ten years since ..."
                month = f"{pub.start.month:02d}"  # type: ignore[union-attr]
            v = cal.month(y + off, int(month)) if month else cal.year(y + off)
            return Resolved(v, f"{_pub_text(pub)} -> {v.iso}")
        if unit == "M":
            ym = _single_month(pub)
            if ym is None:
                return Resolved(None, "needs the publication month, which is unknown")
            total = ym[0] * 12 + (ym[1] - 1) + off
            v = cal.month(total // 12, total % 12 + 1)
            return Resolved(v, f"{_pub_text(pub)} -> {v.iso}")
        if pub is None or pub.precision != "day":
            return Resolved(None, "needs the publication day, which is unknown")
        v = TimeValue(date.fromordinal(pub.start.toordinal() + off), date.fromordinal(pub.start.toordinal() + off), "day")
        return Resolved(v, f"{_pub_text(pub)} -> {v.iso}")
    if m := _ANN.match(expr):
        n, how, anchor = int(m.group(1)), m.group(2), m.group(3)
        if anchor == "PUB":
            base = Resolved(pub, _pub_text(pub) if pub else "") if _single_year(pub) else Resolved(None, "")
        else:
            base = resolve_expr(anchor, pub, past)
        if base.value is None:
            return Resolved(None, "the anniversary's date is unknown" + (f" ({base.derivation})" if base.derivation else ""))
        if how == "=":
            v = cal.shift_years(base.value, -n)
            return Resolved(v, f"{n}th anniversary on {cal.describe(base.value)} -> {v.iso}")
        v = cal.year(base.value.start.year - n)
        return Resolved(v, f"{n}th anniversary observed {cal.describe(base.value)} -> {v.iso}")
    if expr.startswith("DUR:"):
        return Resolved(None, "a span of time, not a date")
    if expr == "REF":
        return Resolved(None, "refers to a date the text does not give")
    return Resolved(None, f"unrecognised time expression {expr!r}")


def comparison_interval(value: TimeValue, mod: str | None, n: int | None = None) -> TimeValue:
    """The interval used to compare a value: bounds and vagueness widen it."""
    if mod in ("approx",) and n:
        slack = max(1, n // 10)
        return cal.widen(value, slack, slack)
    if mod == "after" and n:  # "more than half a century ago": earlier than the value
        return TimeValue(date(max(1, value.start.year - n), 1, 1), value.end, value.precision, mod)
    if mod == "before" and n:  # "almost half a century ago": a little later than the value
        return TimeValue(value.start, date(min(9999, value.end.year + max(1, n // 10)), 12, 31), value.precision, mod)
    return value
