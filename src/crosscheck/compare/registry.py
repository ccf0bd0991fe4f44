"""Comparators as a registry: each flag kind declares its id prefix, description, default severity
and the function that finds it, once.

A comparator module decorates its entry point with ``@comparator(...)``; the
package imports the module (the one registration line in ``compare/__init__.py``)
and every other place that needs a flag kind's prefix or description (flag ids,
reports, SARIF rules) derives it from here.  Adding a flag kind is one new
module and that line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crosscheck.records import SEVERITIES, Claim, Flag, Mention, Source

if TYPE_CHECKING:
    from crosscheck.normalize.corpus import Normalized


@dataclass(frozen=True)
class FlagKind:
    name: str  # "date_conflict"
    prefix: str  # of flag ids: "DATE-3f9a1c2b7e"
    description: str  # one line for reports and SARIF rules
    default_severity: str  # error | warning | info: the severity of a plain case
    order: int = 100  # where the kind stands in reports (names first, then dates, ...)


@dataclass
class CompareContext:
    """Everything a comparator may read: the normalised claims and how to name entities and events."""

    sources: list[Source]
    norm: Normalized
    resolution: Any  # normalize.entities.Resolution
    mentions: list[Mention]
    name: Callable[[str], str]  # entity id -> display name
    describe: Callable[[str], str]  # event key -> "signing of a treaty: Laos - Vietnam"
    inferred: frozenset[str]  # sources whose publication date was inferred

    @property
    def claims(self) -> list[Claim]:
        return self.norm.claims


@dataclass(frozen=True)
class Comparator:
    kind: FlagKind
    find: Callable[[CompareContext], list[Flag]]


_REGISTRY: dict[str, Comparator] = {}


def comparator(name: str, prefix: str, description: str, default_severity: str = "warning", order: int = 100
               ) -> Callable[[Callable[[CompareContext], list[Flag]]], Callable[[CompareContext], list[Flag]]]:
    """Register ``find`` as the comparator of flag kind ``name``."""
    if default_severity not in SEVERITIES:
        raise ValueError(f"{name}: default severity {default_severity!r} is not one of {SEVERITIES}")

    def register(find: Callable[[CompareContext], list[Flag]]) -> Callable[[CompareContext], list[Flag]]:
        if name in _REGISTRY:
            raise ValueError(f"flag kind {name!r} is registered twice")
        if any(c.kind.prefix == prefix for c in _REGISTRY.values()):
            raise ValueError(f"flag id prefix {prefix!r} is used twice")
        _REGISTRY[name] = Comparator(FlagKind(name, prefix, description, default_severity, order), find)
        return find

    return register


def comparators() -> list[Comparator]:
    """In report order (each kind's ``order``, then name)."""
    return sorted(_REGISTRY.values(), key=lambda c: (c.kind.order, c.kind.name))


def flag_kinds() -> tuple[FlagKind, ...]:
    return tuple(c.kind for c in comparators())


def flag_kind(name: str) -> FlagKind | None:
    c = _REGISTRY.get(name)
    return c.kind if c else None


SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}
