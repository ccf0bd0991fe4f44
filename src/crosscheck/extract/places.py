"""Where events happen: "in Pyongyang", "in Jakarta of Indonesia", "in Hanoi, the capital of Vietnam", "at the airport".

Only "in"/"at" phrases are read (a destination "visit to the DPRK" is not the
place of the event).  Whether a name is a place is the caller's gazetteer
check; the default is the small built-in list in ``rules/places.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from crosscheck.calendar import MONTHS
from crosscheck.lexicon.gazetteer import builtin_is_place, gazetteer, place_key

Span = tuple[int, int]
PlaceCheck = Callable[[str], "bool | str"]  # True/False, or the kind: "city", "country", "region", "facility"


@dataclass
class PlaceExpr:
    """One place phrase. ``kind`` is city | country | region | facility, or "place" when a caller's
    gazetteer knows the name but not its kind (never compared as a city)."""

    span: Span
    text: str
    name: str
    kind: str
    within: str | None = None  # the country named with it ("Jakarta of Indonesia")


_CAP = r"(?:[A-Z][\w'’\-]*|[A-Z]{2,})"
_NAME = rf"{_CAP}(?:\s+(?:of\s+(?:the\s+)?)?{_CAP}){{0,5}}"
_PREP = re.compile(rf"\b(?:in|at)\s+(?P<the>the\s+)?(?P<name>{_NAME})")
_FACILITY = re.compile(
    r"\b(?:in|at)\s+(?P<det>the|a|an|its|his|their)\s+(?P<words>(?:[a-z][\w'’\-]*\s+){0,2}[a-z][\w'’\-]*)"
)
_WITHIN = re.compile(
    rf"(?:\s+of\s+(?:the\s+)?|,\s+(?:the\s+capital\s+of\s+|the\s+(?:\w+\s+)?city\s+of\s+)?(?:the\s+)?)(?P<c>{_NAME})"
)


def _kind(name: str, is_place: PlaceCheck) -> str | None:
    verdict = is_place(name)
    if not verdict:
        return None
    if isinstance(verdict, str):
        return verdict
    hit = gazetteer().lookup(name)
    return hit[1] if hit else "place"


def _canonical(name: str) -> str:
    hit = gazetteer().lookup(name)
    return hit[0] if hit else name.replace("’", "'")


def _longest_place(text: str, s: int, e: int, is_place: PlaceCheck) -> tuple[int, str] | None:
    """The longest prefix of the capitalised run text[s:e] that is a place (or a facility)."""
    words = list(re.finditer(r"\S+", text[s:e]))
    g = gazetteer()
    for k in range(len(words), 0, -1):
        end = s + words[k - 1].end()
        name = text[s:end]
        if place_key(name).split()[-1:] and place_key(name).split()[-1] in g.facility_words:
            return end, "facility"
        if name.lower().rstrip(".") in MONTHS:
            return None
        kind = _kind(name, is_place)
        if kind:
            return end, kind
    return None


def find_places(text: str, start: int, end: int, is_place: PlaceCheck | None = None) -> list[PlaceExpr]:
    """Place phrases in ``text[start:end]``: cities, countries, regions and facilities after "in"/"at"."""
    check = is_place or builtin_is_place
    g = gazetteer()
    out: list[PlaceExpr] = []
    for m in _PREP.finditer(text, start, end):
        hit = _longest_place(text, m.start("name"), m.end("name"), check)
        if hit is None:
            continue
        name_end, kind = hit
        raw = text[m.start("name") : name_end]
        name = raw if kind == "facility" else _canonical(raw)
        within = None
        span_end = name_end
        w = _WITHIN.match(text, name_end, end)
        if w and kind in ("city", "place", "facility", "region"):
            cm = _longest_place(text, w.start("c"), w.end("c"), check)
            if cm is not None and cm[1] == "country":
                within = _canonical(text[w.start("c") : cm[0]])
                span_end = cm[0]
        out.append(PlaceExpr((m.start(), span_end), text[m.start() : span_end], name, kind, within))
    for m in _FACILITY.finditer(text, start, end):
        if any(p.span[0] == m.start() for p in out):
            continue
        for w in re.finditer(r"\S+", m.group("words")):
            if place_key(w.group(0)) in g.facility_words:
                stop = m.start("words") + w.end()
                words = text[m.start("words") : stop]
                out.append(PlaceExpr((m.start(), stop), text[m.start() : stop], words, "facility"))
                break
    return sorted(out, key=lambda p: p.span)


def settlement_check(name: str) -> bool | str:
    """A gazetteer kind, else "place" for a name that may be a town: not a month, nor a region or
    facility by its head word.  Used for life events, whose towns are rarely in a gazetteer."""
    hit = gazetteer().lookup(name)
    if hit:
        return hit[1]
    words = place_key(name).split()
    g = gazetteer()
    if not words or words[-1] in g.region_words or words[-1] in g.facility_words:
        return False
    if any(w.rstrip(".") in MONTHS or w in g.not_places for w in words):
        return False
    return "place"


def find_life_place(text: str, start: int, end: int) -> PlaceExpr | None:
    """The town or city of a birth or death: the first "in <Name>" or "at <Name>" in ``text[start:end]``.

    A name the gazetteer does not know is taken only without "the" before it
    ("in the Soviet Union" is a country, not a town).
    """
    for p in find_places(text, start, end, settlement_check):
        words = p.text.split()
        if words[0].lower() not in ("in", "at") or p.kind in ("facility", "country", "region"):
            continue
        if p.kind == "place" and len(words) > 1 and words[1].lower() == "the":
            continue
        after = _NEXT_WORD.match(text, p.span[1], end)
        if after and (after.group(1)[0].isupper() or place_key(after.group(1)) in gazetteer().region_words
                      or place_key(after.group(1)) in gazetteer().facility_words):
            continue  # only part of a longer name ("Kazakh SSR", "Semipalatinsk region")
        return p
    return None


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
