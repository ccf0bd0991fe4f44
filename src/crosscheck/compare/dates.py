"""Date conflicts: one event, two dates whose intervals do not overlap.

Claims are grouped into slots first (one slot = one event occurrence), so the
cost grows with slot sizes, not with the square of the corpus.  A slot is a
once-only event (``relations:dprk+laos``), or a repeated event identified by
its ordinal (``visit:kaysone-phomvihane>dprk#4``).  Values are compared as
intervals at their own precision: October 1965 and October 28, 1965 agree.
Two sources that disagree give a ``date_conflict``; one source that disagrees
with itself gives an ``internal_conflict``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from crosscheck import calendar as cal
from crosscheck.compare.ids import flag_id
from crosscheck.compare.registry import CompareContext, comparator
from crosscheck.lexicon.events import is_unique
from crosscheck.normalize.timeresolve import comparison_interval
from crosscheck.records import Claim, Evidence, Flag, TimeValue

DATE_CLAIMS = ("event_date", "anniversary", "elapsed")


def claim_interval(c: Claim) -> TimeValue | None:
    """The interval a date claim allows, widened by its bounds ("about half a century ago")."""
    if c.value is None:
        return None
    v = cal.parse_iso(str(c.value))
    if v is None:
        return None
    n = None
    if c.expr and c.expr.startswith("PUB-") and c.bounds:
        try:
            n = int(c.expr[4:].rstrip("Y"))
        except ValueError:
            n = None
    return comparison_interval(v, c.bounds, n)


def evidence_of(c: Claim) -> Evidence:
    return Evidence(source=c.source, value=str(c.value), quote=c.quote, span=c.span, claim=c.id,
                    derivation=c.derivation)


def date_slots(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """Date claims grouped by event occurrence (only slots that can be compared)."""
    claims = list(claims)
    ordinal_of: dict[str, int] = {}
    for c in claims:
        if c.kind == "ordinal" and c.occurrence and isinstance(c.value, int):
            ordinal_of[c.occurrence] = c.value
    slots: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind not in DATE_CLAIMS or not c.event or claim_interval(c) is None:
            continue
        if is_unique(c.event_type):
            slots[c.event].append(c)
        elif c.occurrence and c.occurrence in ordinal_of:
            slots[f"{c.event}#{ordinal_of[c.occurrence]}"].append(c)
    return slots


def _clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Claims whose intervals chain together by overlap."""
    items = sorted(claims, key=lambda c: (claim_interval(c).start, c.source, c.id))  # type: ignore[union-attr]
    out: list[list[Claim]] = []
    end = None
    for c in items:
        iv = claim_interval(c)
        assert iv is not None
        if out and end is not None and iv.start <= end:
            out[-1].append(c)
            end = max(end, iv.end)
        else:
            out.append([c])
            end = iv.end
    return out


def _consistent(claims: list[Claim]) -> bool:
    """Every pair overlaps (clusters alone would let a wide value bridge two narrow ones)."""
    ivs = [claim_interval(c) for c in claims]
    return all(a.overlaps(b) for i, a in enumerate(ivs) for b in ivs[i + 1 :])  # type: ignore[union-attr]


def _side(cs: list[Claim]) -> str:
    vals = sorted({str(c.value) for c in cs})
    srcs = sorted({c.source for c in cs})
    return f"{' / '.join(vals)} ({', '.join(srcs)})"


def occurrence_conflicts(claims: Iterable[Claim], describe: Callable[[str], str]) -> list[Flag]:
    """Two times given to one event mention ("five years ago on March 1-2 2019") must agree.

    Only repeated events: once-only events are checked through their slots.
    """
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind in DATE_CLAIMS and c.occurrence and not is_unique(c.event_type) and claim_interval(c) is not None:
            groups[c.occurrence].append(c)
    flags: list[Flag] = []
    for occ, cs in sorted(groups.items()):
        if len(cs) < 2 or _consistent(cs):
            continue
        title = describe(cs[0].event) if cs[0].event else (cs[0].event_type or "event")
        parts = _clusters(cs)
        flags.append(_flag("internal_conflict", f"occurrence:{occ}", title, parts, "error",
                           f"{title}: {cs[0].source} gives " + " vs ".join(_side(g) for g in parts)))
    return flags


def date_conflicts(claims: Iterable[Claim], describe: Callable[[str], str],
                   inferred_sources: frozenset[str] = frozenset()) -> list[Flag]:
    """``date_conflict`` and ``internal_conflict`` flags, one per slot and kind."""
    claims = list(claims)
    flags: list[Flag] = occurrence_conflicts(claims, describe)
    for slot, cs in sorted(date_slots(claims).items()):
        title = describe(slot.split("#")[0])
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for c in cs:
            by_source[c.source].append(c)
        for src, own in sorted(by_source.items()):
            if len(own) > 1 and not _consistent(own):
                groups = _clusters(own)
                flags.append(_flag("internal_conflict", slot, title, groups, "error",
                                   f"{title}: {src} gives " + " vs ".join(_side(g) for g in groups)))
        if len(by_source) < 2:
            continue
        # across sources: one representative interval per source (its claims agree, or were flagged above)
        cross_ok = all(
            claim_interval(a).overlaps(claim_interval(b))  # type: ignore[union-attr]
            for s1, c1 in by_source.items() for s2, c2 in by_source.items() if s1 < s2
            for a in c1 for b in c2
        )
        if cross_ok:
            continue
        groups = _clusters(cs)
        if len(groups) < 2:
            groups = [[c] for c in cs]
        relies_on_inference = any(c.source in inferred_sources and c.kind != "event_date" for c in cs)
        exact = all(c.kind == "event_date" for c in cs)
        severity = "warning" if relies_on_inference else ("error" if exact else "warning")
        summary = f"{title}: " + " vs ".join(_side(g) for g in groups)
        if len({c.source for c in cs}) >= 2:
            flags.append(_flag("date_conflict", slot, title, groups, severity, summary))
    return flags


def _flag(kind: str, slot: str, title: str, groups: list[list[Claim]], severity: str, summary: str) -> Flag:
    ev: list[Evidence] = []
    seen: set[tuple[str, str]] = set()
    for g in groups:
        for c in sorted(g, key=lambda c: (c.source, c.span)):
            k = (c.source, str(c.value))
            if k in seen:
                continue
            seen.add(k)
            ev.append(evidence_of(c))
    values = [e.value for e in ev]
    return Flag(id=flag_id(kind, slot, values, [e.source for e in ev]), kind=kind, severity=severity,  # type: ignore[arg-type]
                subject=title, summary=summary, evidence=ev, slot=slot)


@comparator("date_conflict", "DATE", "Sources give incompatible dates for the same event.", "error", order=20)
def find_date_conflicts(ctx: CompareContext) -> list[Flag]:
    """Date conflicts across sources, and within one source (``internal_conflict``)."""
    return date_conflicts(ctx.claims, ctx.describe, ctx.inferred)
