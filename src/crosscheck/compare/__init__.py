"""crosscheck.compare stage: claims grouped into slots, conflict rules per attribute -> flags.

Every rule works on slots (one event, one person's office at one time, one
counted thing), so cost grows with slot sizes, never with all pairs of the
corpus.  Each rule module holds one kind of finding.
"""

from __future__ import annotations

from dataclasses import replace

from crosscheck.compare.counts import count_conflicts
from crosscheck.compare.dates import date_conflicts
from crosscheck.compare.ids import flag_id
from crosscheck.compare.names import name_variant_flags
from crosscheck.compare.ordinals import ordinal_conflicts
from crosscheck.compare.places import place_conflicts
from crosscheck.compare.roles import role_conflicts
from crosscheck.normalize.corpus import Normalized
from crosscheck.normalize.events import describe_event
from crosscheck.records import Evidence, Flag, Mention, Source

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


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


def compare_all(sources: list[Source], norm: Normalized, resolution, mentions: list[Mention]) -> list[Flag]:  # type: ignore[no-untyped-def]
    """Every flag of the corpus, sorted by severity, kind and id; ids are unique."""

    def name(eid: str) -> str:
        return resolution.canonical(eid) or eid

    def describe(key: str) -> str:
        return describe_event(key, name)

    inferred = frozenset(s.id for s in sources if s.published_basis == "inferred")
    claims = norm.claims
    roles = []
    for c in claims:
        if c.kind == "role":
            pid = resolution.resolve_name(c.subject) if c.subject else None
            if pid:
                roles.append(replace(c, subject=pid, participants=[pid]))
    flags = (
        name_variant_flags(resolution, mentions, sources)
        + date_conflicts(claims, describe, inferred)
        + ordinal_conflicts(claims, describe)
        + _publication_conflicts(norm)
        + _named(role_conflicts(roles), name)
        + count_conflicts([c for c in claims if c.kind == "count"])
        + place_conflicts([c for c in claims if c.kind == "place" and c.event])
    )
    unique: dict[str, Flag] = {}
    for f in flags:
        unique.setdefault(f.id, f)
    return sorted(unique.values(), key=lambda f: (SEVERITY_RANK.get(f.severity, 9), f.kind, f.id))


def _named(flags: list[Flag], name) -> list[Flag]:  # type: ignore[no-untyped-def]
    """Role flags carry entity ids as subject: show the person's name."""
    return [replace(f, subject=name(f.subject)) for f in flags]
