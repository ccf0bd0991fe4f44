"""The place gazetteer (``rules/places.yaml``): cities, countries, regions and the words around them.

Below every stage: extraction reads place phrases with it, normalization keys
visits by a city's country, comparison tells a city from a country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from crosscheck.lexicon.shapes import check_rule_shape
from crosscheck.rules import load_yaml, rules_cached


@dataclass(frozen=True)
class Gazetteer:
    """Built-in names by comparison key: name -> (canonical name, kind, country or None)."""

    entries: dict[str, tuple[str, str, str | None]]
    facility_words: frozenset[str]
    multi_place_events: frozenset[str]
    life_events: frozenset[str] = frozenset()
    region_words: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()

    def lookup(self, name: str) -> tuple[str, str, str | None] | None:
        return self.entries.get(place_key(name))


def place_key(name: str) -> str:
    """Comparison key: casefolded, no diacritics, punctuation and "the" removed."""
    s = unicodedata.normalize("NFKD", name.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"^\s*the\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


_SHAPE: dict[str, type] = {
    "cities": dict, "countries": dict, "regions": list, "facility_words": list, "multi_place_events": list,
    "life_events": list, "region_words": list, "not_places": list,
}  # fmt: skip
@rules_cached("places.yaml")
def gazetteer() -> Gazetteer:
    """Built once per rule set."""
    return _build_gazetteer()


def _build_gazetteer() -> Gazetteer:
    y = check_rule_shape(load_yaml("places.yaml"), "places.yaml", _SHAPE)
    entries: dict[str, tuple[str, str, str | None]] = {}
    for region in y.get("regions", []):
        entries[place_key(str(region))] = (str(region), "region", None)
    for country, aliases in (y.get("countries") or {}).items():
        for n in [country, *(aliases or [])]:
            entries[place_key(str(n))] = (str(country), "country", None)
    for city, country in (y.get("cities") or {}).items():
        entries[place_key(str(city))] = (str(city), "city", str(country) if country else None)
    return Gazetteer(
        entries,
        frozenset(place_key(str(w)) for w in y.get("facility_words", [])),
        frozenset(str(w).lower() for w in y.get("multi_place_events", [])),
        frozenset(str(w).lower() for w in y.get("life_events", [])),
        frozenset(place_key(str(w)) for w in y.get("region_words", [])),
        frozenset(place_key(str(w)) for w in y.get("not_places", [])),
    )


def builtin_is_place(name: str) -> bool | str:
    """The default gazetteer check: the kind of a built-in name, or False."""
    hit = gazetteer().lookup(name)
    return hit[1] if hit else False


