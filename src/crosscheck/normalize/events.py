"""Event keys: one string per real-world event, the same across sources.

``relations:dprk+laos`` is the same event in every source that names it, while
``relations:laos+vietnam`` is another.  Keys are built from entity ids, so the
spelling of a name does not split an event.  An event whose participants are
not all known gets no key: it is listed but never compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from crosscheck.lexicon.events import event_types
from crosscheck.lexicon.gazetteer import gazetteer
from crosscheck.lexicon.quantities import quantity_lexicon
from crosscheck.normalize.namecompare import compare_names
from crosscheck.records import Claim

Resolver = Callable[[str], str | None]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def treaty_names(claims: list[Claim]) -> dict[str, str]:
    """Each treaty name the claims use -> one name for all its aliases.

    A text that says "the ASEAN Declaration, better known as the Bangkok
    Declaration" writes both names in its claim (``object``, joined by " | "):
    every source's claim under either name is then about one treaty.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for c in claims:
        if c.event_type == "treaty" and c.object:
            keys = [slug(n) for n in c.object.split(" | ") if slug(n)]
            for k in keys[1:]:
                a, b = find(keys[0]), find(k)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            for k in keys:
                find(k)
    return {k: find(k) for k in parent}


def _named_treaty(claim: Claim, aliases: dict[str, str]) -> str | None:
    """``treaty:<name>`` for a treaty named distinctively ("Bangkok Declaration"), else None."""
    if not claim.object or claim.kind == "place" or not any(ch.isupper() for ch in claim.object):
        return None  # a place claim's object is the place's kind; a lower-case object is not a proper name
    spec = event_types().get("treaty")
    generic = spec.generic_words if spec else frozenset()
    names = [n for n in claim.object.split(" | ") if n.strip()]
    if not names or not any(set(slug(n).split("-")) - generic for n in names):
        return None
    first = slug(names[0])
    return f"treaty:{aliases.get(first, first)}"


def event_key(claim: Claim, resolve: Resolver, aliases: dict[str, str] | None = None,
              families: dict[str, str] | None = None) -> tuple[str | None, list[str]]:
    """The key of the claim's event and its participants as entity ids (``aliases``: ``treaty_names``;
    ``families``: ``name_families`` of the frames' names)."""
    et = claim.event_type
    if not et:
        return None, []
    spec = event_types().get(et)
    kind = spec.participants if spec else "people"
    ids: list[str] = []
    for p in claim.participants:
        eid = resolve(p)
        if eid is None and kind != "frame":
            return None, []
        if eid is not None and eid not in ids:
            ids.append(eid)
    if kind == "countries":
        if len(ids) != 2:
            return (_named_treaty(claim, aliases or {}) if et == "treaty" else None), ids
        key = f"{et}:{'+'.join(sorted(ids))}"
        if et == "treaty" and claim.object:
            key += f":{claim.object}"
        return key, ids
    if kind == "visitor-destination":
        agent = resolve(claim.subject) if claim.subject else None
        target = resolve(destination_country(claim.object)) if claim.object else None
        if agent is None or target is None:
            return None, ids
        return f"visit:{agent}>{target}", ids
    if kind == "attribute":  # a quantity: whose attribute; "@" is the corpus's subject (see ``topic_keys``)
        fam = families or {}
        return f"{et}:{fam.get(ids[0], ids[0]) if ids else '@'}", ids
    if kind == "frame":  # a claim frame: its subject, and its object when the predicate takes one
        if not ids and claim.participants and (named := slug(claim.participants[0])):
            ids = [named]  # a name no mention resolves ("Titanic was launched"): keyed by its spelling
        if not ids or _generic(claim.participants[0] if claim.participants else ""):
            return None, ids  # "a Treaty of Amity and Cooperation": a name any treaty could have keys nothing
        fam = families or {}
        key = f"{et}:{fam.get(ids[0], ids[0])}"
        if claim.object and claim.kind != "place":
            obj = resolve(claim.object) or slug(claim.object)
            key += ":" + fam.get(obj, obj)
        return key, ids
    named = claim.object if claim.kind != "place" else None  # a place claim's object is the place's kind
    if kind in ("person", "organisation", "sender"):
        if ids:
            return f"{et}:{ids[0]}", ids
        if named:
            return f"{et}:{slug(named)}", ids
        return None, ids
    if kind == "none":
        return (f"{et}:{slug(named)}" if named else None), ids
    if len(ids) >= 2:
        return f"{et}:{'+'.join(sorted(ids))}", ids
    return None, ids


_LINK_WORDS = frozenset(["of", "the", "and", "for", "de", "du", "von", "van"])


def _generic(name: str) -> bool:
    """A name made only of generic words (events.yaml's treaty generic_words): it tells no thing apart."""
    spec = event_types().get("treaty")
    words = set(slug(name).split("-")) - {""}
    return bool(spec and words and words <= spec.generic_words)


def name_families(claims: list[Claim], resolve: Resolver, canonical: Callable[[str], str]) -> dict[str, str]:
    """Frame subjects and objects named more or less fully: id -> the id of the fullest name.

    "Nelson Mandela" and "Nelson Rolihlahla Mandela", or "Evelyn Mase", "Evelyn Ntoko" and "Evelyn Ntoko
    Mase", name one person when the shorter name's words are all in exactly one fuller name that starts
    with the same word.  Two fuller names that do not contain each other ("Kim Jong Un", "Kim Jong Il")
    leave a shorter one ("Kim Jong") alone.
    """
    kinds = {name for name, et in event_types().items() if et.participants == "frame"}
    words: dict[str, tuple[str, ...]] = {}
    for c in claims:
        if c.event_type not in kinds:
            continue
        for name in [*c.participants, *([c.object] if c.object else [])]:
            eid = resolve(name) or slug(name)
            if eid not in words:
                words[eid] = tuple(slug(canonical(eid) if resolve(name) else name).split("-"))
    by_first: dict[str, list[str]] = {}
    for eid, toks in sorted(words.items()):
        if toks and toks[0]:
            by_first.setdefault(toks[0], []).append(eid)
    parent: dict[str, str] = {}
    for group in by_first.values():
        for a in group:
            ta = set(words[a])
            if len(ta) < 2:
                continue
            supers = [b for b in group if b != a and ta < set(words[b])]
            top = [b for b in supers if not any(set(words[b]) < set(words[o]) for o in supers)]
            if len(top) == 1:
                parent[a] = top[0]
        # "Sydney Harbor Bridge" and "Sydney Harbour Bridge": one thing spelled two ways (the name_variant
        # flag reports the spelling; the facts about it are compared as one)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a in parent or len(words[a]) != len(words[b]) or len(words[a]) < 2:
                    continue
                d = compare_names(" ".join(words[a]), " ".join(words[b]))
                if d.outcome == "variant" and d.difference in ("letters", "hyphenation", "spacing", "diacritics"):
                    parent[a] = b
    # "University College of Fort Hare" and "Fort Hare University College": the same words in another order
    by_words: dict[frozenset[str], list[str]] = {}
    for a, ta in sorted(words.items()):
        key = frozenset(ta) - _LINK_WORDS
        if len(key) >= 2:
            by_words.setdefault(key, []).append(a)
    for same in by_words.values():
        for a in same[1:]:
            parent.setdefault(a, same[0])
    by_last: dict[str, list[str]] = {}  # names by their last word: every rule below looks only there
    for eid, toks in sorted(words.items()):
        if toks:
            by_last.setdefault(toks[-1], []).append(eid)
    # "Crew Bradfield" for "John Job Crew Bradfield": the end of exactly one fuller name
    for a, ta in words.items():
        if a in parent or len(ta) < 2:
            continue
        fuller = [b for b in by_last.get(ta[-1], []) if len(words[b]) > len(ta) and words[b][-len(ta):] == ta]
        if len(fuller) == 1:
            parent[a] = fuller[0]

    def root(x: str) -> str:
        seen = set()
        while x in parent and x not in seen:
            seen.add(x)
            x = parent[x]
        return x

    # "Titanic" or "Bradfield" alone, where every fuller name ending with it is one thing or person
    for a, ta in words.items():
        if len(ta) == 1 and a not in parent:
            roots = {root(b) for b in by_last.get(ta[0], []) if len(words[b]) >= 2}
            if len(roots) == 1:
                parent[a] = roots.pop()
    return {a: root(a) for a in parent}


def topic_keys(claims: list[Claim]) -> list[Claim]:
    """Quantities with no subject of their own ("1,517 people died") are about what the corpus is about:
    the subject whose attributes most sources give (named in at least two sources, and more often than
    any other); where none leads, the corpus's unnamed subject "@"."""
    kinds = {name for name, et in event_types().items() if et.participants == "attribute"}
    of_things = {a.name for a in quantity_lexicon().attributes if not a.person}
    sources: dict[str, set[str]] = {}
    for c in claims:
        if c.event_type in of_things and c.event and not c.event.endswith(":@"):
            sources.setdefault(c.event.split(":", 1)[1], set()).add(c.source)
    ranked = sorted(sources.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    leads = bool(ranked) and len(ranked[0][1]) >= 2 and (len(ranked) == 1 or len(ranked[1][1]) < len(ranked[0][1]))
    topic = ranked[0][0] if leads else "@"  # "@": the corpus's one subject, which no source names
    out = []
    for c in claims:
        if c.event_type in kinds and c.event and c.event.endswith(":@"):
            c = replace(c, event=f"{c.event[:-1]}{topic}")
        out.append(c)
    return out


def destination_country(place: str) -> str:
    """A visit to Hanoi is a visit to Vietnam: cities stand for their country."""
    hit = gazetteer().lookup(place)
    if hit is not None and hit[1] == "city" and hit[2]:
        return hit[2]
    return place


def describe_event(key: str, name: Callable[[str], str]) -> str:
    """ "relations:dprk+laos" -> "establishment of diplomatic relations: DPRK - Laos"."""
    et, _, rest = key.partition(":")
    spec = event_types().get(et)
    label = spec.label if spec else et
    if et == "visit":
        a, _, b = rest.partition(">")
        return f"{name(a)}'s visit to {name(b)}"
    parts = rest.split(":")[0].split("+")
    who = " - ".join(name(p) for p in parts)
    extra = f" ({rest.split(':', 1)[1].replace('+', ' ')})" if ":" in rest else ""
    return f"{label}: {who}{extra}"
