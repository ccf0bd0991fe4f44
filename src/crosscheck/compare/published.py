"""internal_conflict: a source whose own relative claims cannot all hold for any publication date."""

from __future__ import annotations

from crosscheck.compare.ids import flag_id
from crosscheck.compare.registry import CompareContext, comparator
from crosscheck.normalize.corpus import Normalized
from crosscheck.records import Evidence, Flag


@comparator("internal_conflict", "INT", "One source contradicts itself.", "warning", order=70)
def find_publication_conflicts(ctx: CompareContext) -> list[Flag]:
    """(Dates a source gives twice for one event are the date comparator's internal conflicts.)"""
    return _publication_conflicts(ctx.norm)


def _publication_conflicts(norm: Normalized) -> list[Flag]:
    """A source whose own relative claims cannot all hold for any publication date."""
    flags: list[Flag] = []
    for sid, inf in sorted(norm.inferences.items()):
        if not inf.conflicting:
            continue
        ev = []
        seen = set()
        for k in inf.conflicting:
            key = (k.claim.id, k.interval.iso)
            if key in seen:
                continue
            seen.add(key)
            ev.append(Evidence(sid, k.interval.iso, k.claim.quote, k.claim.span, k.claim.id,
                               f"{k.reason} -> written in {k.interval.iso}"))
        years = sorted({e.value for e in ev})
        summary = f"{sid}: its relative dates imply different years of writing ({', '.join(years)})"
        flags.append(Flag(flag_id("internal_conflict", f"published:{sid}", years, [sid]), "internal_conflict",
                          "warning", sid, summary, ev, slot=f"published:{sid}"))
    return flags
