"""Event types (``rules/events.yaml``) with the claim frames' predicates and the quantities' attributes.

One table of what a dated or measured claim can be about: extraction reads
triggers from it, normalization builds keys by its participant strategies,
comparison asks whether an event happens once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.lexicon.predicates import predicate_lexicon
from crosscheck.lexicon.quantities import quantity_lexicon
from crosscheck.rules import load_yaml, rules_cached


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    unique: bool
    participants: str
    qualifier: str | None
    triggers: tuple[re.Pattern[str], ...]
    generic_words: frozenset[str] = frozenset()  # name words that do not tell one treaty from another
    place: str | None = None  # "city": the city an occurrence took place in is read with it


@rules_cached()
def event_types() -> dict[str, EventType]:
    data = load_yaml("events.yaml")
    out: dict[str, EventType] = {}
    for name, spec in data["types"].items():
        pats = tuple(re.compile(r"\b" + p, re.I) for p in spec["triggers"])
        out[name] = EventType(name, spec.get("label", name), bool(spec.get("unique", False)),
                              spec.get("participants", "people"), spec.get("qualifier"), pats,
                              frozenset(str(w).lower() for w in spec.get("generic_words") or []),
                              spec.get("place"))
    for name, pred in predicate_lexicon().predicates.items():  # claim frames: found by extract.frames
        out.setdefault(name, EventType(name, pred.label, pred.unique, "frame", None, ()))
    for att in quantity_lexicon().attributes:  # quantities: found by extract.quantities
        out.setdefault(att.name, EventType(att.name, att.label, True, "attribute", None, ()))
    return out


def is_unique(event_type: str | None) -> bool:
    """Events that happen once per participant set: a second date is a conflict."""
    if not event_type:
        return False
    et = event_types().get(event_type)
    return bool(et and et.unique)
