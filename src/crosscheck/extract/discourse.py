"""What the reader keeps in mind between sentences: who "he" is, which "two countries".

Links are made only where the text is clear; otherwise nothing is attached
and the claim stays without that participant rather than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosscheck.extract.events import PREPOSITIONS
from crosscheck.lexicon.registry import builtin_registry
from crosscheck.records import Mention

_TWO = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:countries|nations|states|sides|governments)\b|\bboth countries\b", re.I)
_TITLES = r"President|Chairman|Premier|Prime Minister|General Secretary|King|Queen|Commander-in-Chief|Emperor"
_SHORT_TITLE = re.compile(rf"\b[Tt]he\s+({_TITLES}|Leader)\b")
_TITLE_BEFORE = re.compile(rf"\b({_TITLES})\s+$")


_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)


@dataclass
class Discourse:
    """Reading state carried from one sentence to the next in one source."""

    subject: str | None = None  # the last sentence subject that was a person
    countries: list[str] = field(default_factory=list)  # most recent last, distinct
    orgs: list[str] = field(default_factory=list)
    titled: dict[str, str] = field(default_factory=dict)  # "president" -> "Kim Il Sung"

    def note_sentence(self, text: str, start: int, mentions: list[Mention]) -> None:
        """Update the state with the mentions of a sentence just read."""
        subj = sentence_subject(text, start, mentions)
        persons = [m for m in mentions if m.kind == "person"]
        upto = subj.start if subj is not None else (persons[0].start if persons else start)
        if self.subject is not None and persons and _SUBJECT_PRONOUN.search(text, start, upto):
            pass  # "In 1957 he was appointed director of the Institute of X": the subject is still him
        elif subj is not None:
            self.subject = subj.text
        elif persons:  # "The friendship owes much to Norodom Sihanouk. ... he turned to diplomacy"
            self.subject = persons[-1].text
        for m in mentions:
            if m.kind == "country":
                if m.text in self.countries:
                    self.countries.remove(m.text)
                self.countries.append(m.text)
            elif m.kind == "org":
                if m.text in self.orgs:
                    self.orgs.remove(m.text)
                self.orgs.append(m.text)
            elif m.kind == "person":
                before = text[max(0, m.start - 25) : m.start]
                if t := _TITLE_BEFORE.search(before):
                    self.titled[t.group(1).lower()] = m.text

    def two_countries(self, upto: list[Mention]) -> list[str]:
        """ "the two countries": the last two distinct countries named so far."""
        seen = list(self.countries)
        for m in upto:
            if m.kind == "country":
                if m.text in seen:
                    seen.remove(m.text)
                seen.append(m.text)
        distinct: list[str] = []
        keys: set[str] = set()
        for name in reversed(seen):  # most recent first, one name per country
            entry = builtin_registry().lookup(name)
            key = entry.id if entry is not None else name.casefold()
            if key not in keys:
                keys.add(key)
                distinct.append(name)
        return list(reversed(distinct[:2])) if len(distinct) >= 2 else []

    def short_title(self, phrase: str) -> str | None:
        m = _SHORT_TITLE.search(phrase)
        return self.titled.get(m.group(1).lower()) if m else None


def sentence_subject(text: str, start: int, mentions: list[Mention]) -> Mention | None:
    """The first person named who is not inside a prepositional phrase."""
    for m in mentions:
        if m.kind != "person":
            continue
        words = re.findall(r"[A-Za-z]+", text[start : m.start])
        prev = [w for w in words if w[0].islower()]
        last = prev[-1].lower() if prev else ""
        if last in PREPOSITIONS:
            continue
        return m
    return None


def two_countries_phrase(s: str) -> re.Match[str] | None:
    return _TWO.search(s)
