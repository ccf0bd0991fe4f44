"""count_conflict: two sources give one counted thing intervals that cannot both be true.

Each count claim allows an interval read generously from its bound ("over 200"
is [200, +inf), "about 30" is [27, 33], see rules/numbers.yaml); two claims
conflict only when their intervals do not overlap.  Claims are grouped by
their slot (``event`` when set, else the counted thing) and only claims of
different sources and the same unit are compared.

Severity: ``error`` when both counts are exact; ``warning`` when a bound is
involved; ``info`` when both claims carry times that do not overlap (a count
may have grown between the two dates).  A slot known only by a bare noun,
with neither event nor participants, is never ``error`` ("officials" in two
documents may be two different groups).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from crosscheck.calendar import parse_iso
from crosscheck.compare.ids import flag_id
from crosscheck.compare.registry import SEVERITY_RANK, CompareContext, comparator
from crosscheck.lexicon.quantities import quantity_lexicon
from crosscheck.records import Claim, Evidence, Flag


def _slot(c: Claim) -> str:
    """The event key; else the counted thing plus the participants ("count:delegations:dprk+laos")."""
    if c.event:
        return c.event
    thing = re.sub(r"\s+", " ", (c.subject or "").strip().lower())
    who = "+".join(sorted({p.lower() for p in c.participants if p}))
    return f"count:{thing}:{who}" if who else f"count:{thing}"


def _weak(slot: str, members: list[Claim]) -> bool:
    """A slot known only by a bare noun ("officials") may mix different groups across documents."""
    return not any(c.event for c in members) and slot.count(":") < 2


def _converted_pair(a: Claim, b: Claim, ia: tuple[float, float], ib: tuple[float, float]) -> bool:
    """Figures written in different units ("882 feet", "more than 269 m") went through a conversion a
    writer rounds or truncates: within ``measure_tolerance`` of each other they agree."""
    if not (a.precision and b.precision and a.precision != b.precision and "*" in a.precision + b.precision):
        return False
    slack = quantity_lexicon().measure_tolerance * max(abs(x) for x in (*ia, *ib) if not math.isinf(x))
    return not (ia[1] + slack < ib[0] - slack or ib[1] + slack < ia[0] - slack)


def _wholes(group: list[Claim]) -> list[Claim]:
    """Of the figures one source gives for one measured attribute, the largest speaks for the whole.

    "1,517 died ... 199 survived" beside "706 survived", the ticket beside the ship's cost, the span
    beside the whole length: a source that gives several figures for one attribute lists parts and a
    whole, never rival wholes.  (Counts of listed events keep every figure.)
    """
    if not any(c.event_type and c.predicate == c.event_type for c in group):
        return group
    best: dict[tuple[str, str], float] = {}
    for c in group:
        iv = _interval(c)
        if iv is not None:
            k = (c.source, c.object or "")
            best[k] = max(best.get(k, -math.inf), iv[0])
    return [c for c in group if (iv := _interval(c)) is None or iv[0] >= best[(c.source, c.object or "")]]


def _number(v: object) -> float | None:
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _interval(c: Claim) -> tuple[float, float] | None:
    """[low, high] the claim allows; None when it has no usable number (a hand-edited "abc")."""
    lo, hi = _number(c.value_low), _number(c.value_high)
    if lo is None and hi is None:
        return None
    low = lo if lo is not None else 0.0
    high = hi if hi is not None else math.inf
    if hi is None and (c.bounds in (None, "", "exactly")):
        high = low  # an exact count written without a high end
    return low, high


def _severity(a: Claim, b: Claim) -> str:
    ta, tb = (parse_iso(a.time) if a.time else None), (parse_iso(b.time) if b.time else None)
    if ta is not None and tb is not None and not ta.overlaps(tb):
        return "info"
    exact = {None, "", "exactly"}
    return "error" if a.bounds in exact and b.bounds in exact else "warning"


def _show(c: Claim) -> str:
    return c.raw or str(c.value)


def count_conflicts(claims: list[Claim]) -> list[Flag]:
    """One flag per slot whose claims from different sources give disjoint intervals."""
    slots: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "count" and _interval(c) is not None and (c.event or c.subject):
            slots[_slot(c)].append(c)
    # A bare noun ("officials", "students") across documents is too often two different groups:
    # such slots are listed in the claim tables but never flagged (a false alarm costs as much as a miss).
    slots = {k: _wholes(v) for k, v in slots.items() if not _weak(k, v)}
    flags: list[Flag] = []
    for slot, group in sorted(slots.items()):
        group.sort(key=lambda c: (c.source, c.span, c.id))
        involved: dict[str, Claim] = {}
        severity = "info"
        for i, a in enumerate(group):
            ia = _interval(a)
            for b in group[i + 1 :]:
                ib = _interval(b)
                if (
                    a.source == b.source
                    or (a.object or None) != (b.object or None)
                    or ia is None
                    or ib is None
                ):
                    continue
                if (ia[1] < ib[0] or ib[1] < ia[0]) and not _converted_pair(a, b, ia, ib):
                    involved[a.id], involved[b.id] = a, b
                    severity = min(severity, _severity(a, b), key=SEVERITY_RANK.__getitem__)
        if involved:
            members = sorted(involved.values(), key=lambda c: (c.source, c.span, c.id))
            if _weak(slot, members) and severity == "error":
                severity = "warning"
            flags.append(_flag(slot, members, severity))
    flags.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.id))
    return flags


def _flag(slot: str, members: list[Claim], severity: str) -> Flag:
    thing = members[0].subject or slot
    what = f"{thing} ({members[0].object})" if members[0].object else f"number of {thing}"
    labels = {a.name: a.label for a in quantity_lexicon().attributes}
    if members[0].event_type in labels:  # "deaths of the Titanic (in people)", "length of the bridge (m)"
        about = members[0].subject or "the corpus's subject"
        unit = members[0].object or ""
        what = f"{labels[members[0].event_type]} of {about}" + (f" ({unit})" if unit else "")
    sides = " vs ".join(f'"{_show(c)}" ({c.source})' for c in members)
    summary = f"{what}: {sides} cannot all be true"
    evidence = [
        Evidence(
            c.source, _range(c), c.quote, c.span, c.id, c.derivation or f"{c.bounds or 'exactly'} {c.value}"
        )
        for c in members
    ]
    values = [_range(c) for c in members]
    kind = "count_conflict"
    return Flag(
        flag_id(kind, slot, values, [c.source for c in members]),
        kind,
        severity,  # type: ignore[arg-type]
        thing,
        summary,
        evidence,
        slot=slot,
    )


def _range(c: Claim) -> str:
    iv = _interval(c)
    if iv is None:
        return str(c.value)
    low, high = iv
    if low == high:
        return f"{low:g}"
    return f"≥{low:g}" if math.isinf(high) else f"{low:g}-{high:g}"


@comparator("count_conflict", "COUNT", "Sources give incompatible counts or measures of the same thing.", "error", order=40)
def find_count_conflicts(ctx: CompareContext) -> list[Flag]:
    return count_conflicts([c for c in ctx.claims if c.kind == "count"])
