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
from crosscheck.lexicon.events import EventType, event_types
from crosscheck.records import TimeExpr
from crosscheck.rules import load_yaml, rules_cached

PREPOSITIONS = frozenset(["of", "to", "for", "with", "by", "from", "on", "at", "in", "into", "about", "than", "as"])
PRONOUNS = {"he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
            "its": "any", "it": "any"}


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
