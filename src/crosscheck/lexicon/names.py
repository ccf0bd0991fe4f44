"""The word lists of ``rules/names.yaml`` (titles, function words, heads, particles, demonyms), ready for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.lexicon.predicates import predicate_lexicon
from crosscheck.rules import load_yaml, rules_cached


@dataclass(frozen=True)
class NameRules:
    """The word lists of rules/names.yaml, ready for matching."""

    titles: tuple[tuple[str, ...], ...]
    demonyms: tuple[tuple[str, ...], ...]
    function_words: frozenset[str]
    furniture_words: frozenset[str]
    not_person_words: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    event_heads: frozenset[str]
    place_prefixes: frozenset[str]
    particles: frozenset[str]
    verb_words: frozenset[str] = frozenset()  # "Married", "Joins": opening a chronology entry, not a name


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    out = {tuple(w.casefold() for w in re.split(r"\s+", str(i).strip())) for i in items if str(i).strip()}
    return tuple(sorted(out, key=lambda t: (-len(t), t)))


def _predicate_verbs() -> frozenset[str]:
    """Past and third-person forms of the predicate lexicon's verbs ("married", "joins"): not name words."""
    lex = predicate_lexicon()
    return frozenset(f for f, readings in lex.forms.items()
                     if " " not in f and f.endswith(("ed", "es", "s")) and not all(noun for _, noun in readings))


@rules_cached()
def name_rules() -> NameRules:
    data = load_yaml("names.yaml") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in data.get(key, []) or [])

    return NameRules(
        titles=_phrases(data.get("titles", []) or []),
        demonyms=_phrases(data.get("demonyms", []) or []),
        function_words=words("function_words"),
        verb_words=words("verb_words") | _predicate_verbs(),
        furniture_words=frozenset(str(w) for w in data.get("furniture_words", []) or []),
        not_person_words=words("not_person_words"),
        org_heads=words("org_heads"),
        place_heads=words("place_heads"),
        event_heads=words("event_heads"),
        place_prefixes=frozenset(str(w).casefold().rstrip(".") for w in data.get("place_prefixes", []) or []),
        particles=words("particles"),
    )
