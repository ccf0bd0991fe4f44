"""crosscheck.compare stage: claims grouped into slots, conflict rules per attribute -> flags.

Every rule works on slots (one event, one person's office at one time, one
counted thing), so cost grows with slot sizes, never with all pairs of the
corpus.  Each rule module holds one kind of finding.
"""

from __future__ import annotations

# One line per comparator module: importing it registers its flag kind (see compare/registry.py).
from crosscheck.compare import counts, dates, names, ordinals, places, published, roles  # noqa: F401
from crosscheck.compare.registry import SEVERITY_RANK, CompareContext, comparators, flag_kinds
from crosscheck.normalize.corpus import Normalized
from crosscheck.normalize.events import describe_event
from crosscheck.records import Flag, Mention, Source

__all__ = ["compare_all", "flag_kinds"]


def compare_all(sources: list[Source], norm: Normalized, resolution, mentions: list[Mention]) -> list[Flag]:  # type: ignore[no-untyped-def]
    """Every flag of the corpus from every registered comparator, sorted by severity, kind and id."""

    def name(eid: str) -> str:
        return resolution.canonical(eid) or eid

    ctx = CompareContext(sources, norm, resolution, mentions, name, lambda key: describe_event(key, name),
                         frozenset(s.id for s in sources if s.published_basis == "inferred"))
    unique: dict[str, Flag] = {}
    for c in comparators():
        for f in c.find(ctx):
            unique.setdefault(f.id, f)
    return sorted(unique.values(), key=lambda f: (SEVERITY_RANK.get(f.severity, 9), f.kind, f.id))
