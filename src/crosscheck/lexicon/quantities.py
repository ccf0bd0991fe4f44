"""The attribute and unit lexicon (``rules/quantities.yaml``), compiled once per rule set."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.rules import load_yaml, rules_cached

FILE = "quantities.yaml"


@dataclass(frozen=True)
class Unit:
    dimension: str  # length | speed | duration
    base: str  # the unit values are compared in (m, kn, d)
    factor: float  # one written unit in the base unit


@dataclass(frozen=True)
class Attribute:
    name: str
    label: str
    dimension: str  # count | length | speed | duration | money
    before: re.Pattern[str] | None  # a cue ending just before the figure
    nouns: re.Pattern[str] | None  # the counted noun right after the figure
    nouns_with_before: re.Pattern[str] | None  # with a before-cue, the noun that must follow
    after: re.Pattern[str] | None  # a verb after the figure (and its noun)
    after_unit: re.Pattern[str] | None  # words after the unit ("long", "to build")
    default_unit: str | None = None  # "aged 59": years
    person: bool = False  # an attribute of a person (an age), not of a thing
    noun_words: frozenset[str] = frozenset()  # the words of ``nouns_with_before``
    timed: bool = False  # changes with time (an age): compared only within one year


@dataclass(frozen=True)
class QuantityLexicon:
    units: dict[str, Unit]
    unit_re: re.Pattern[str]
    currencies: dict[str, str]
    currency_before_re: re.Pattern[str]  # a symbol right before the figure ("$", "US$")
    currency_after_re: re.Pattern[str]  # a word after the figure ("dollars")
    qualifiers: tuple[tuple[str, re.Pattern[str]], ...]
    attributes: tuple[Attribute, ...]
    whole_words: frozenset[str]  # common-noun subjects that still mean the whole thing
    measure_tolerance: float = 0.0  # relative slack of measured (not counted) figures


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _any(patterns: list[str] | None, suffix: str = "", prefix: str = "") -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile(prefix + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + suffix, re.I)


@rules_cached(FILE)
def quantity_lexicon() -> QuantityLexicon:
    data = load_yaml(FILE) or {}
    units = {str(k).lower(): Unit(str(v[0]), str(v[1]), float(v[2])) for k, v in (data.get("units") or {}).items()}
    currencies = {str(k): str(v) for k, v in (data.get("currencies") or {}).items()}
    symbols = [c for c in currencies if not c.isalpha()]
    words = [c for c in currencies if c.isalpha()]
    attributes = []
    for name, spec in (data.get("attributes") or {}).items():
        attributes.append(Attribute(
            name=str(name), label=str(spec.get("label", name)), dimension=str(spec.get("dimension", "count")),
            # a cue, then at most two filler words ("was about"), then the figure
            before=_any(spec.get("before"), r"[\s:]*(?:[a-z]+\s+){0,2}$"),
            nouns=_any([_alt([str(n) for n in spec.get("nouns") or []])] if spec.get("nouns") else None,
                       r"\b", r"^\s+(?:[a-z]+\s+)?"),
            nouns_with_before=_any([_alt([str(n) for n in spec.get("nouns_with_before") or []])]
                                   if spec.get("nouns_with_before") else None, r"\b", r"^\s+(?:[a-z]+\s+)?"),
            after=_any(spec.get("after"), "", r"^[\s-]*"),
            after_unit=_any(spec.get("after_unit"), "", r"^\s*(?:\([^)]{0,40}\)\s*)?"),
            default_unit=spec.get("default_unit"), person=spec.get("subject") == "person",
            noun_words=frozenset(w for n in spec.get("nouns_with_before") or [] for w in str(n).lower().split()),
            timed=bool(spec.get("timed", False)),
        ))
    qualifiers = tuple((str(k), re.compile(r"(?<!\w)(?:" + "|".join(v) + r")(?!\w)", re.I))
                       for k, v in (data.get("qualifiers") or {}).items())
    return QuantityLexicon(
        units=units,
        unit_re=re.compile(rf"^[\s-]?({_alt(list(units))})(?![^\W\d_])", re.I),
        currencies=currencies,
        currency_before_re=re.compile(rf"({_alt(symbols)})\s?$"),
        currency_after_re=re.compile(rf"^\s+({_alt(words)})\b", re.I),
        qualifiers=qualifiers,
        attributes=tuple(attributes),
        whole_words=frozenset(str(w).lower() for w in data.get("whole_words") or []),
        measure_tolerance=float(data.get("measure_tolerance", 0.0)),
    )
