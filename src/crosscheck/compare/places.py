"""place_conflict: one event placed in two different cities by different sources.

Claims are grouped by ``event``; only claims whose kind (``object``) is
"city" are compared (a facility or a country never contradicts a city: "at
the airport" and "in Pyongyang" agree, so do "in Hanoi" and "in Vietnam").
Names are compared by key and through the built-in gazetteer's canonical names.

Severity: ``warning``; ``info`` for events that may span several cities (a
visit, a tour: rules/places.yaml ``multi_place_events``).

Births and deaths (``life_events``) are often placed in towns no gazetteer
lists: their unknown names (kind "place") are compared too, at ``info``, since
one may lie within the other; a name that holds the other ("Semipalatinsk
region" and "Semipalatinsk") is no conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict

from crosscheck.compare.ids import flag_id
from crosscheck.compare.registry import CompareContext, comparator
from crosscheck.lexicon.gazetteer import gazetteer, place_key
from crosscheck.records import Claim, Evidence, Flag


def city_key(name: str) -> str:
    """Comparison key of a city name: the gazetteer's canonical name when known."""
    hit = gazetteer().lookup(name)
    return place_key(hit[0] if hit else name)


def _kind(c: Claim) -> str:
    """The claim's place kind; without one, the gazetteer's (unknown names are not cities)."""
    if c.object:
        return c.object.lower()
    hit = gazetteer().lookup(str(c.value))
    return hit[1] if hit else ""


def _event_type(c: Claim) -> str:
    if c.event_type:
        return c.event_type.lower()
    return re.split(r"[:>@]", c.event or "", maxsplit=1)[0].lower()


def place_conflicts(claims: list[Claim]) -> list[Flag]:
    """One flag per event whose city claims from different sources name different cities."""
    slots: dict[str, list[Claim]] = defaultdict(list)
    life = gazetteer().life_events
    for c in claims:
        if c.kind == "place" and c.event and c.value:
            kind = _kind(c)
            if kind == "city" or (kind == "place" and _event_type(c) in life):
                slots[c.event].append(c)
    flags: list[Flag] = []
    for event, group in sorted(slots.items()):
        group.sort(key=lambda c: (c.source, c.span, c.id))
        involved: dict[str, Claim] = {}
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.source != b.source and _different(str(a.value), str(b.value)):
                    involved[a.id], involved[b.id] = a, b
        if involved:
            members = sorted(involved.values(), key=lambda c: (c.source, c.span, c.id))
            flags.append(_flag(event, members))
    return sorted(flags, key=lambda f: (f.severity != "warning", f.id))


def _different(a: str, b: str) -> bool:
    """Two names for different places: keys differ and neither holds the other as whole words."""
    ka, kb = city_key(a), city_key(b)
    if ka == kb:
        return False
    short, long = sorted((f" {ka} ", f" {kb} "), key=len)
    return short not in long


def _flag(event: str, members: list[Claim]) -> Flag:
    multi = _event_type(members[0]) in gazetteer().multi_place_events
    unknown = any(_kind(c) == "place" for c in members)
    severity = "info" if multi or unknown else "warning"
    sides = " vs ".join(f'"{c.value}" ({c.source})' for c in members)
    summary = f"{members[0].subject or event}: placed in {sides}"
    if multi:
        summary += " (may span several cities)"
    elif unknown:
        summary += " (names the gazetteer does not know: check that one does not lie within the other)"
    else:
        summary += " (one event, two cities)"
    slot = f"place:{event}"
    values = [city_key(str(c.value)) for c in members]
    evidence = [Evidence(c.source, str(c.value), c.quote, c.span, c.id, c.derivation) for c in members]
    kind = "place_conflict"
    return Flag(
        flag_id(kind, slot, values, [c.source for c in members]),
        kind,
        severity,  # type: ignore[arg-type]
        members[0].subject or event,
        summary,
        evidence,
        slot=slot,
    )


@comparator("place_conflict", "PLACE", "Sources place the same event in different places.", "warning", order=60)
def find_place_conflicts(ctx: CompareContext) -> list[Flag]:
    return place_conflicts([c for c in ctx.claims if c.kind == "place" and c.event])
