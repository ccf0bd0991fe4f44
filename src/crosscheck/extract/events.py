"""Events in a sentence: trigger, participants, time expressions and ordinals.

The lexicon of event types lives in ``rules/events.yaml``.  This module only
reads one source: participants are kept as the names written (entity ids are
assigned corpus-wide by the normalize stage), so extraction stays a pure
function of the text and the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosscheck.extract.temporal import ordinal_value
from crosscheck.lexicon.predicates import predicate_lexicon
from crosscheck.lexicon.quantities import quantity_lexicon
from crosscheck.records import TimeExpr
from crosscheck.rules import load_yaml, rules_cached

PREPOSITIONS = frozenset(["of", "to", "for", "with", "by", "from", "on", "at", "in", "into", "about", "than", "as"])
PRONOUNS = {"he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
            "its": "any", "it": "any"}


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


@dataclass
class Trigger:
    type: EventType
    start: int
    end: int
    text: str
    ordinal: int | None = None
    ordinal_span: tuple[int, int] | None = None  # where "fourth" / "for the first time" is written


@dataclass
class EventMention:
    """One event read from one sentence, before entity resolution."""

    type: EventType
    trigger: Trigger
    participants: list[str] = field(default_factory=list)  # names as written (pronouns resolved)
    agent: str | None = None  # visitor, sender, person born/died
    target: str | None = None  # visit destination
    qualifier: str | None = None  # treaty name
    ordinal: int | None = None
    times: list[TimeExpr] = field(default_factory=list)
    place: str | None = None
    place_kind: str = "city"  # or "place": a town the gazetteer does not know (life events)
    place_span: tuple[int, int] | None = None  # in the source text, when the quote should show it


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


@rules_cached()
def _ordinal_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in load_yaml("events.yaml").get("ordinal_patterns", []))


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Trigger phrases in text[start:end]; a longer trigger hides shorter ones inside it."""
    s = text[start:end]
    found: list[Trigger] = []
    for et in event_types().values():
        for pat in et.triggers:
            for m in pat.finditer(s):
                found.append(Trigger(et, start + m.start(), start + m.end(), m.group(0)))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Trigger] = []
    for t in found:
        if any(k.start <= t.start and t.end <= k.end for k in kept):
            continue
        kept = [k for k in kept if not (t.start <= k.start and k.end <= t.end)]
        kept.append(t)
    for pat in _ordinal_patterns():
        for m in pat.finditer(s):
            n = ordinal_value(m.group("ord"))
            a, z = start + m.start("trig"), start + m.end("trig")
            for t in kept:
                if t.start <= a < t.end or a <= t.start < z or (t.start <= start + m.start() and start + m.end() <= t.end):
                    t.ordinal = n
                    t.ordinal_span = (start + m.start("ord"), start + m.end("ord"))
    return sorted(kept, key=lambda t: t.start)


def clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: between semicolons or ', and' / ', which' style breaks."""
    s = text[start:end]
    rel = pos - start
    # "... was born and in 1954 the second daughter ...": a conjunction before a new dated clause breaks too
    breaks = [m.end() for m in re.finditer(r";|,\s+(?:and|but|while|which|who)\b|\s(?:and|but)(?=\s+(?:in|on)\s+\d)", s)]
    lo = max([b for b in breaks if b <= rel], default=0)
    hi = min([b for b in breaks if b > rel], default=len(s))
    return start + lo, start + hi
