"""Publication dates for sources that state none, inferred from their own claims.

The unknown date is a variable constrained by the source's relative claims:
"the 48th anniversary" of an event another source dates to 1974 puts the
text in 2022; "last year" of a summit the text itself dates to October 2025
puts it in 2026; "replied last month" to a message of December 31 puts it in
January.  Constraints from the source itself (internal) must agree with each
other, or the source contradicts itself (an ``internal_conflict``); those
from other sources vote, weighted by how exact they are.  Dates of page
furniture never take part (they produce no claims).  Nothing reads the clock.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from crosscheck import calendar as cal
from crosscheck.lexicon.events import is_unique
from crosscheck.normalize.timeresolve import resolve_expr
from crosscheck.records import Claim, Source, TimeValue

_REL = re.compile(r"^PUB([+-])(\d+)([YM])(?:-M\d{2}|(=M))?$")
_ANN = re.compile(r"^ANN:(\d+)(?:[=@](?:XXXX-\d{2}(?:-\d{2})?<?|PUB(?:([+-]\d+)Y)?))$")
WEIGHT = {"anniversary": 3, "elapsed": 2}


@dataclass(frozen=True)
class Constraint:
    """The publication date must lie in ``interval`` because of ``claim`` and ``anchor``."""

    interval: TimeValue
    weight: int
    internal: bool
    claim: Claim
    anchor: Claim
    reason: str


@dataclass
class Inference:
    source: str
    published: str | None
    evidence: str
    constraints: list[Constraint] = field(default_factory=list)
    conflicting: list[Constraint] = field(default_factory=list)  # internal constraints that disagree


def implied_publication(claim: Claim, anchor: TimeValue) -> TimeValue | None:
    """Where the publication must lie if the claim's event happened at ``anchor``."""
    expr = claim.expr or ""
    if m := _REL.match(expr):
        n = int(m.group(2)) * (1 if m.group(1) == "-" else -1)
        if m.group(3) == "Y" and m.group(4) and (anchor.start.year, anchor.start.month) == (anchor.end.year, anchor.end.month):
            return cal.month(anchor.start.year + n, anchor.start.month)  # "this month marks N years since"
        if m.group(3) == "Y":
            return cal.year(anchor.start.year + n)
        if anchor.precision in ("day", "month") or (anchor.start.year, anchor.start.month) == (anchor.end.year, anchor.end.month):
            total = anchor.start.year * 12 + anchor.start.month - 1 + n
            return cal.month(total // 12, total % 12 + 1)
        return None
    if m := _ANN.match(expr):  # observed this year (or "last year": PUB-1Y): the year of writing follows
        return cal.year(anchor.start.year + int(m.group(1)) - int(m.group(2) or 0))
    return None


def _compatible(a: Claim, b: Claim) -> bool:
    """Two claims of one source about the same event type whose participants do not clash."""
    if a.event and a.event == b.event:
        return True
    if not a.event_type or a.event_type != b.event_type or is_unique(a.event_type):
        return False
    pa, pb = set(a.participants), set(b.participants)
    return not pa or not pb or bool(pa & pb)


def _same_occurrence(a: Claim, b: Claim) -> bool:
    """Across sources: one event that happens once, or the same numbered occurrence."""
    if not a.event or a.event != b.event:
        return False
    return is_unique(a.event_type)


def _internal_anchors(c: Claim, date_claims: list[Claim], ordinal_of: dict[str, int]) -> list[Claim]:
    """Dated claims of the same source that date the same occurrence as ``c``.

    For a repeated event (visits, meetings) the link must be unambiguous: the
    first occurrence when ``c`` is marked first, else the only dated one.
    """
    cands = [a for a in date_claims
             if a is not c and a.expr and cal.parse_iso(a.expr) is not None and _compatible(c, a)]
    if not cands or is_unique(c.event_type):
        return cands
    if c.occurrence and ordinal_of.get(c.occurrence) == 1:
        first = min(cands, key=lambda a: cal.parse_iso(a.expr).start)  # type: ignore[union-attr, arg-type]
        return [first]
    values = {a.expr for a in cands}
    return cands if len(values) == 1 else []


def _absolute(c: Claim, pub: TimeValue | None) -> TimeValue | None:
    if c.expr is None or c.kind == "ordinal":
        return None
    r = resolve_expr(c.expr, pub)
    return r.value


def infer_publication(source: Source, own: list[Claim], others: dict[str, list[Claim]],
                      pubs: dict[str, TimeValue]) -> Inference:
    """Infer one source's publication date from its claims and the other sources'."""
    cons: list[Constraint] = []
    date_claims = [c for c in own if c.kind in ("event_date", "anniversary", "elapsed")]
    ordinal_of = {c.occurrence: int(c.value) for c in own
                  if c.kind == "ordinal" and c.occurrence and isinstance(c.value, int)}
    for c in date_claims:
        if not c.expr or not (_REL.match(c.expr) or _ANN.match(c.expr)):
            continue
        w = WEIGHT.get(c.kind, 1)
        for a in _internal_anchors(c, date_claims, ordinal_of):
            v = cal.parse_iso(a.expr or "")
            iv = implied_publication(c, v) if v else None
            if iv is not None and v is not None:
                cons.append(Constraint(iv, w * 2, True, c, a, f'"{c.raw}" of {a.raw} ({v.iso})'))
        if not c.event:
            continue
        for sid, claims in sorted(others.items()):
            if sid == source.id or sid not in pubs:
                continue
            for a in claims:
                if a.kind not in ("event_date", "anniversary", "elapsed") or not _same_occurrence(c, a):
                    continue
                v = _absolute(a, pubs[sid])
                iv = implied_publication(c, v) if v else None
                if iv is not None and v is not None:
                    cons.append(Constraint(iv, w, False, c, a, f'"{c.raw}" of an event {sid} dates to {v.iso}'))
    inf = Inference(source.id, None, "", cons)
    year_cons = [k for k in cons if k.interval.precision in ("year", "month")]
    if not year_cons:
        inf.evidence = "no relative claim ties the text to a date"
        return inf
    votes: dict[int, int] = defaultdict(int)
    for k in year_cons:
        votes[k.interval.start.year] += k.weight
    best = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(best) > 1 and best[0][1] == best[1][1]:
        inf.evidence = "relative claims point to different years: " + "; ".join(
            f"{y} ({w})" for y, w in best)
        return inf
    year = best[0][0]
    internal_years = {k.interval.start.year for k in year_cons if k.internal}
    if len(internal_years) > 1:
        inf.conflicting = [k for k in year_cons if k.internal]
    interval = cal.year(year)
    reasons = _dedupe(f"{k.reason} -> {k.interval.iso}" for k in year_cons if k.interval.start.year == year)
    # month: "this month marks N years since", "last month" and friends, once the year is known
    lo, hi = interval.start, interval.end
    months = {k.interval for k in year_cons if k.interval.precision == "month" and k.interval.start.year == year}
    if len(months) == 1:
        only = next(iter(months))
        lo, hi = only.start, only.end
    for c in date_claims:
        if not c.expr or not re.match(r"^PUB[+-]\d+M$", c.expr):
            continue
        for a in date_claims:
            if a is c or not a.expr or not _compatible(c, a):
                continue
            for v in _readings(a.expr, interval):
                iv = implied_publication(c, v)
                if iv is not None and iv.overlaps(TimeValue(lo, hi, "range")):
                    lo, hi = max(lo, iv.start), min(hi, iv.end)
                    reasons.append(f'"{c.raw}" of {a.raw} ({v.iso}) -> {iv.iso}')
                    break
    # the text reports events of the past: it was written on or after the latest of them
    latest: tuple[date, Claim] | None = None
    for c in date_claims:
        if c.kind != "event_date" or not c.event or not c.expr or not c.expr.endswith("<") and cal.parse_iso(c.expr) is None:
            continue
        v = resolve_expr(c.expr, TimeValue(lo, hi, "range")).value
        if v is not None and v.start <= hi and (latest is None or v.start > latest[0]):
            latest = (v.start, c)
    if latest is not None and latest[0] > lo:
        lo = latest[0]
        reasons.append(f'it reports "{latest[1].raw}" ({latest[0].isoformat()}) as past')
    published = _truncate(TimeValue(lo, hi, "range"))
    inf.published = published
    inf.evidence = "; ".join(reasons)
    return inf


def _readings(expr: str, interval: TimeValue) -> list[TimeValue]:
    """A bare past date ("December 31") may fall in the year of writing or the one before."""
    v = resolve_expr(expr, interval).value
    if v is None:
        return []
    if expr.startswith("XXXX") and expr.endswith("<"):
        return [v, cal.shift_years(v, -1)]
    return [v]


def _truncate(v: TimeValue) -> str:
    """The ISO value at the finest precision that holds the whole interval."""
    if v.start == v.end:
        return v.start.isoformat()
    if (v.start.year, v.start.month) == (v.end.year, v.end.month):
        return f"{v.start.year:04d}-{v.start.month:02d}"
    if v.start.year == v.end.year:
        return f"{v.start.year:04d}"
    return f"{v.start.isoformat()}/{v.end.isoformat()}"


def _dedupe(items: object) -> list[str]:
    out: list[str] = []
    for s in items:  # type: ignore[attr-defined]
        if s not in out:
            out.append(s)
    return out
