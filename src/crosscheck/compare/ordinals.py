"""Ordinal conflicts: "his fourth visit" checked against the visits the sources list.

For an ordinal claim N at time T, the occurrences of the same event dated
strictly before T by the corpus are counted (occurrences that overlap at
their precision count once).  If N-1 or more distinct earlier ones exist the
claim cannot hold ("third visit" when three earlier visits are listed): an
error.  If fewer exist although the series' first occurrence is identified
by some source, the listing and the ordinal disagree: a warning, since a list
need not be complete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from crosscheck import calendar as cal
from crosscheck.compare.dates import DATE_CLAIMS, claim_interval, evidence_of
from crosscheck.compare.ids import flag_id
from crosscheck.compare.registry import CompareContext, comparator
from crosscheck.lexicon.events import is_unique
from crosscheck.records import Claim, Flag, TimeValue

ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
                 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}


def _nth(n: int) -> str:
    return ORDINAL_WORDS.get(n, f"{n}th")


def _distinct(claims: list[Claim]) -> list[list[Claim]]:
    """Occurrences: claims grouped when their dates overlap (one visit told twice)."""
    groups: list[tuple[TimeValue, list[Claim]]] = []
    for c in sorted(claims, key=lambda c: (claim_interval(c).start, c.source, c.id)):  # type: ignore[union-attr]
        iv = claim_interval(c)
        assert iv is not None
        for i, (g_iv, members) in enumerate(groups):
            if g_iv.overlaps(iv):
                members.append(c)
                narrow = g_iv if (g_iv.end - g_iv.start) <= (iv.end - iv.start) else iv
                groups[i] = (narrow, members)
                break
        else:
            groups.append((iv, [c]))
    return [m for _, m in groups]


def ordinal_conflicts(claims: Iterable[Claim], describe: Callable[[str], str]) -> list[Flag]:
    claims = list(claims)
    dated: dict[str, list[Claim]] = defaultdict(list)
    ordinals: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if not c.event or is_unique(c.event_type):
            continue
        if c.kind in DATE_CLAIMS and claim_interval(c) is not None:
            dated[c.event].append(c)
        elif c.kind == "ordinal" and isinstance(c.value, int) and c.time:
            ordinals[c.event].append(c)
    first_dates: dict[str, list[TimeValue]] = defaultdict(list)
    for ev, os in ordinals.items():
        for o in os:
            t = cal.parse_iso(str(o.time))
            if o.value == 1 and t is not None:
                first_dates[ev].append(t)
    flags: list[Flag] = []
    for ev, os in sorted(ordinals.items()):
        occurrences = _distinct(dated.get(ev, []))
        title = describe(ev)
        for o in sorted(os, key=lambda c: (c.source, c.span)):
            t = cal.parse_iso(str(o.time))
            n = int(o.value)  # type: ignore[arg-type]
            if t is None:
                continue
            earlier = [g for g in occurrences if all(claim_interval(c).end < t.start for c in g)]  # type: ignore[union-attr]
            if len(earlier) >= n:
                listed = earlier[: n]
                summary = (f"{title}: {o.source} calls the one of {cal.describe(t)} the {_nth(n)}, but the sources "
                           f"date {len(earlier)} earlier: " + ", ".join(_when(g) for g in earlier))
                flags.append(_flag(ev, o, listed, "error", summary))
                continue
            if n > 1:
                short = _short_listing(o, t, n, dated.get(ev, []), first_dates.get(ev, []))
                if short is not None:
                    src, listed = short
                    summary = (f"{title}: {o.source} calls the one of {cal.describe(t)} the {_nth(n)}, but {src} "
                               f"lists it with only {len(listed)} earlier: " + ", ".join(_when(g) for g in listed))
                    flags.append(_flag(ev, o, listed, "warning", summary))
    return flags


def _short_listing(o: Claim, t: TimeValue, n: int, dated: list[Claim],
                   firsts: list[TimeValue]) -> tuple[str, list[list[Claim]]] | None:
    """Another source that narrates the series from its first occurrence up to this one,
    with fewer occurrences in between than the ordinal needs (a list need not be complete:
    a warning, never an error)."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in dated:
        if c.source != o.source:
            by_source[c.source].append(c)
    for src, cs in sorted(by_source.items()):
        occ = _distinct(cs)
        covers = any(claim_interval(c).overlaps(t) for c in cs)  # type: ignore[union-attr]
        earlier = [g for g in occ if all(claim_interval(c).end < t.start for c in g)]  # type: ignore[union-attr]
        if not covers or not earlier or len(earlier) >= n - 1:
            continue
        starts_at_first = any(claim_interval(c).overlaps(f) for c in earlier[0] for f in firsts)  # type: ignore[union-attr]
        if starts_at_first:
            return src, earlier
    return None


def _when(group: list[Claim]) -> str:
    best = min(group, key=lambda c: claim_interval(c).end - claim_interval(c).start)  # type: ignore[union-attr]
    srcs = sorted({c.source for c in group})
    return f"{best.value} ({', '.join(srcs)})"


def _flag(ev: str, o: Claim, groups: list[list[Claim]], severity: str, summary: str) -> Flag:
    evidence = [evidence_of(o)]
    seen = {(o.source, str(o.value))}
    for g in groups:
        for c in g:
            k = (c.source, str(c.value))
            if k not in seen:
                seen.add(k)
                evidence.append(evidence_of(c))
    slot = f"{ev}#{o.value}"
    return Flag(id=flag_id("ordinal_conflict", slot, [e.value for e in evidence], [e.source for e in evidence]),
                kind="ordinal_conflict", severity=severity, subject=o.subject, summary=summary,  # type: ignore[arg-type]
                evidence=evidence, slot=slot)


@comparator("ordinal_conflict", "ORD", "Sources rank the same event differently in a series (first, fourth visit).",
            "warning", order=30)
def find_ordinal_conflicts(ctx: CompareContext) -> list[Flag]:
    return ordinal_conflicts(ctx.claims, ctx.describe)
