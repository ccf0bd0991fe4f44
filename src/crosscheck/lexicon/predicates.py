"""The open predicate lexicon (``rules/predicates.yaml``): predicate classes, their surface forms.

Verb lemmas are inflected by lemminflect (every tense and participle, so the
YAML lists "open", not "opened, opens, opening"); ``forms`` adds what it does
not generate (British doubling, phrasal forms); ``nouns`` the
nominalizations.  One compiled alternation finds every form in a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.rules import load_yaml, rules_cached

FILE = "predicates.yaml"


@dataclass(frozen=True)
class Predicate:
    name: str
    cls: str  # lifecycle | occurrence | status
    label: str
    unique: bool
    about: str  # patient | agent
    subject: str  # thing | person | any: what kind of name the frame can be about
    object: str  # none | name | pattern
    object_pattern: re.Pattern[str] | None
    object_words: dict[str, str]
    needs_before: re.Pattern[str] | None = None  # checked on the text before a verb form
    passive_only: bool = False  # a verb form counts only in the passive
    object_anchored: bool = False  # object_pattern starts with "^": read right after the verb
    period: tuple[str, ...] = ()  # (start predicate, end predicate) of a "from A to B" period


@dataclass(frozen=True)
class PredicateLexicon:
    predicates: dict[str, Predicate]
    forms: dict[str, tuple[tuple[str, bool], ...]]  # lower-cased surface form -> (predicate, is a noun) ...
    pattern: re.Pattern[str]  # every form, longest first, on word boundaries
    negations: tuple[str, ...]
    modal_re: re.Pattern[str]
    thing_heads: frozenset[str]

    def readings(self, text: str) -> list[tuple[Predicate, bool]]:
        """The predicates a surface form can express, in lexicon order ("joined": connect, join)."""
        return [(self.predicates[n], noun) for n, noun in self.forms[" ".join(text.lower().split())]]


def inflections(lemma: str) -> set[str]:
    """Every verb form of ``lemma`` (lemminflect; regular rules for a lemma it does not know)."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    table = getAllInflections(lemma, upos="VERB") or getAllInflectionsOOV(lemma, upos="VERB")
    out = {lemma}
    for forms in table.values():
        out.update(forms)
    return out


def _phrase_re(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())


@rules_cached(FILE)
def predicate_lexicon() -> PredicateLexicon:
    data = load_yaml(FILE) or {}
    predicates: dict[str, Predicate] = {}
    forms: dict[str, tuple[tuple[str, bool], ...]] = {}

    def add(form: str, name: str, noun: bool) -> None:
        key = " ".join(form.lower().split())
        known = forms.get(key, ())
        if all(n != name for n, _ in known):
            forms[key] = (*known, (name, noun))
        elif noun:  # "opening" is a verb form and a noun: read as a noun first ("the opening of")
            forms[key] = tuple((n, True) if n == name else (n, was) for n, was in known)

    for name, spec in (data.get("predicates") or {}).items():
        pattern = spec.get("object_pattern")
        predicates[name] = Predicate(
            name=name, cls=str(spec.get("class", "lifecycle")), label=str(spec.get("label", name)),
            unique=bool(spec.get("unique", True)), about=str(spec.get("about", "patient")),
            subject=str(spec.get("subject", "any")),
            object=str(spec.get("object", "none")),
            object_pattern=re.compile(pattern.lstrip("^"), re.I) if pattern else None,
            object_words={str(k).lower(): str(v) for k, v in (spec.get("object_words") or {}).items()},
            needs_before=re.compile(spec["needs_before"], re.I) if spec.get("needs_before") else None,
            passive_only=spec.get("voice") == "passive",
            object_anchored=bool(pattern) and str(pattern).startswith("^"),
            period=tuple(str(x) for x in spec.get("period") or ()),
        )
        for lemma in spec.get("verbs") or []:
            for f in sorted(inflections(str(lemma))):
                add(f, name, False)
        for f in spec.get("forms") or []:
            add(str(f), name, False)
        for f in spec.get("nouns") or []:
            add(str(f), name, True)
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(_phrase_re(f) for f in ordered) + r")(?![\w-])", re.I)
    modals = [str(m) for m in data.get("modal_markers") or []]
    # case-sensitive: "may" is a modal, "May" a month
    modal_re = re.compile(r"(?<![\w-])(?:" + "|".join(_phrase_re(m) for m in modals) + r")(?![\w-])")
    return PredicateLexicon(
        predicates, forms, pattern, tuple(str(n).lower() for n in data.get("negations") or []), modal_re,
        frozenset(str(h).lower() for h in data.get("thing_heads") or []),
    )
