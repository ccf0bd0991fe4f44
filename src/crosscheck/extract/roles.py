"""Titles attached to people: "Premier Kim Il Sung", "Kaysone, general secretary of ...", "as Chairman of ...".

Works on plain strings with offsets so the claim assembler can call it per
sentence.  Offices and bodies come from ``rules/titles.yaml``; forms of address
and epithets from ``rules/honorifics.yaml`` and are kept apart (``is_epithet``)
so that reverence ("the great President") never reads as an office held.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from crosscheck.lexicon.shapes import check_rule_shape
from crosscheck.rules import load_yaml, rules_cached

Span = tuple[int, int]

_CONNECTORS = {"of", "the", "for", "on", "'s", "and"}


@dataclass
class RoleExpr:
    """One title as written, attached to a person (or to the caller's subject when ``person_span`` is None).

    ``office`` is the normalised office ("general secretary"), ``body`` the
    normalised key of what the office is of ("central committee of lao
    people's revolutionary party", "" for a bare "Premier X").
    """

    person_span: Span | None
    span: Span
    text: str
    office: str
    body: str
    honorifics: list[str] = field(default_factory=list)
    is_epithet: bool = False
    qualifier: str | None = None  # "former", "late", ...: not a title held at the sentence's time


def default_canon(name: str) -> str:
    """Lowercase, straight apostrophes, no leading "the", single spaces."""
    s = name.replace("’", "'").replace("‘", "'").strip().lower()
    s = re.sub(r"\s+", " ", s)
    return re.sub(r"^the ", "", s)


# ------------------------------------------------------------------ lexicons


@dataclass(frozen=True)
class _Lexicon:
    office_re: re.Pattern[str]
    office_canon: dict[str, str]
    honorific_re: re.Pattern[str]
    epithet_adjs: frozenset[str]
    epithet_body_words: frozenset[str]
    qualifiers: frozenset[str]
    demonyms: dict[str, str]
    demonym_re: str
    body_vocab: frozenset[str]
    trailing_body_re: re.Pattern[str]  # "... Central Committee" at the end of a body
    title_verb_re: re.Pattern[str]  # "as" / "was" / "became" before a title
    title_re: re.Pattern[str]  # [the] [adjectives] [demonym] office


def _alternation(words: list[str]) -> str:
    parts = sorted({w.strip().lower() for w in words if str(w).strip()}, key=len, reverse=True)
    return "|".join(r"[\s\-]+".join(re.escape(p) for p in re.split(r"[\s\-]+", w)) for w in parts)


def _fold(office: str) -> str:
    return re.sub(r"[\s\-]+", " ", office.strip().lower())


TITLES_SHAPE: dict[str, type] = {
    "offices": list, "non_exclusive": list, "same_office": list, "body_markers": list, "demonyms": dict,
    "trailing_bodies": list, "title_verbs": list, "translation_variants": list, "exclusive_in_country": list,
    "head_of_state": dict, "head_of_government": dict,
}  # fmt: skip
HONORIFICS_SHAPE: dict[str, type] = {
    "phrases": list, "epithet_adjectives": list, "epithet_body_words": list, "time_qualifiers": list,
}  # fmt: skip
@rules_cached("titles.yaml", "honorifics.yaml")
def _lexicon() -> _Lexicon:
    """Built once per set of loaded rule files (rebuilt after ``set_user_dirs``)."""
    return _build_lexicon()


def _build_lexicon() -> _Lexicon:
    titles = check_rule_shape(load_yaml("titles.yaml"), "titles.yaml", TITLES_SHAPE)
    hon = check_rule_shape(load_yaml("honorifics.yaml"), "honorifics.yaml", HONORIFICS_SHAPE)
    offices = [str(o) for o in titles.get("offices", [])]
    canon: dict[str, str] = {_fold(o): _fold(o) for o in offices}
    for group in titles.get("same_office", []):
        for o in group:
            canon[_fold(str(o))] = _fold(str(group[0]))
    demonyms = {_fold(str(k)): str(v) for k, v in (titles.get("demonyms") or {}).items()}
    trailing = [str(w) for w in titles.get("trailing_bodies", [])]
    verbs = [str(v) for v in titles.get("title_verbs", [])] or ["as"]
    vocab: set[str] = set()
    for marker in titles.get("body_markers", []):
        vocab.update(_fold(str(marker)).replace("'", " ").split())
    office_alt, demonym_alt = _alternation(offices), _alternation(list(demonyms))
    return _Lexicon(
        office_re=re.compile(rf"(?:{office_alt})", re.I),
        office_canon=canon,
        honorific_re=re.compile(rf"(?:{_alternation([str(p) for p in hon.get('phrases', [])])})", re.I),
        epithet_adjs=frozenset(_fold(str(a)) for a in hon.get("epithet_adjectives", [])),
        epithet_body_words=frozenset(_fold(str(a)) for a in hon.get("epithet_body_words", [])),
        qualifiers=frozenset(_fold(str(a)) for a in hon.get("time_qualifiers", [])),
        demonyms=demonyms,
        demonym_re=demonym_alt,
        body_vocab=frozenset(vocab | {"people's", "peoples"}),
        trailing_body_re=re.compile(rf"\s(?:{_alternation(trailing)})$", re.I)
        if trailing
        else re.compile(r"(?!x)x"),
        title_re=re.compile(
            rf"(?P<the>the\s+|a\s+|an\s+)?(?P<adjs>(?:[\w\-]+\s+){{0,3}}?)"
            rf"(?P<dem>(?:{demonym_alt})\s+)?(?P<office>{office_alt})\b",
            re.I,
        ),
        title_verb_re=re.compile(rf"\b(?:(?P<as>as)|{_alternation(verbs)})\s+(?:the\s+|a\s+|an\s+)?", re.I),
    )


def normalize_office(office: str) -> str:
    """One spelling per post: "Secretary-General" -> "general secretary" (rules/titles.yaml same_office)."""
    folded = _fold(office)
    return _lexicon().office_canon.get(folded, folded)


def body_key(body: str, canon: Callable[[str], str] = default_canon) -> str:
    """Key of a body as written: "the LPRP's central committee" -> "central committee of <canon(LPRP)>".

    Nested bodies are split at " of the " and each part goes through ``canon``
    (the caller's entity resolver), so aliases unify part by part.
    """
    s = body.replace("’", "'").strip(" ,.;:")
    if not s:
        return ""
    m = re.match(r"^(.*)'s\s+(.+)$", s)
    if (
        m
        and not re.search(r"\bpeoples?$", m.group(1), re.I)  # "People's Republic" is a name, not a possessive
        and not re.search(r"\sof\s", m.group(2), re.I)
        and m.group(2).split()[0].lower() in _lexicon().body_vocab
    ):
        s = f"{m.group(2)} of the {m.group(1)}"
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    tail = _lexicon().trailing_body_re.search(s)
    if tail and tail.start() > 0 and not re.search(r"\sof\s+the\s", s[: tail.start()], re.I):
        s = f"{tail.group(0).strip()} of the {s[: tail.start()].strip()}"
    parts = re.split(r"\s+of\s+the\s+", s, flags=re.I)
    keys = [default_canon(canon(default_canon(p))) for p in parts if p.strip()]
    return " of ".join(k for k in keys if k)


# ------------------------------------------------------------------- parsing


@dataclass
class _Title:
    start: int
    end: int
    office: str
    body_raw: str
    epithet: bool
    honorifics: list[str]
    qualifier: str | None
    demonym: str | None = None


_BODY_WORD = re.compile(r"\s*([^\s,;:()\"“”]+)")


def _body_end(text: str, pos: int, limit: int) -> int:
    """End of a body name starting at ``pos``: capitalised words, acronyms, "of"/"the", body words.

    Stops at punctuation, at "and" (coordination) and at the first other lowercase word.
    """
    lex = _lexicon()
    last_good = pos
    m = _BODY_WORD.match(text, pos, limit)
    while m is not None:
        word = m.group(1)
        bare = word.rstrip(".").replace("’", "'")
        low = bare.lower()
        if low == "and":
            break
        stem = re.sub(r"'s$", "", low)
        if low not in _CONNECTORS:
            body_word = stem in lex.body_vocab or stem.split("-")[0] in lex.body_vocab
            if not (bare[:1].isupper() or bare[:1].isdigit() or body_word):
                break
            last_good = m.end()
            if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):
                last_good -= 1
                break
        m = _BODY_WORD.match(text, m.end(), limit)
    return last_good


def _parse_title(text: str, pos: int, limit: int) -> _Title | None:
    """A title starting at ``pos``: [the] [adjectives] [demonym] office [of body]."""
    lex = _lexicon()
    m = lex.title_re.match(text, pos, limit)
    if m is None:
        return None
    adjs = [_fold(a) for a in m.group("adjs").split()]
    epithet = any(a in lex.epithet_adjs for a in adjs)
    qualifier = next((a for a in adjs if a in lex.qualifiers), None)
    if any(a not in lex.epithet_adjs and a not in lex.qualifiers for a in adjs):
        return None
    honor = lex.honorific_re.match(text, pos, limit)
    honorifics: list[str] = []
    end = m.end()
    body_raw = ""
    of = re.compile(r"\s+of\s+", re.I).match(text, end, limit)
    if of:
        b_end = _body_end(text, of.end(), limit)
        if b_end > of.end():
            body_raw = text[of.end() : b_end]
            end = b_end
    if honor and honor.end() >= end:
        honorifics.append(text[honor.start() : honor.end()])
        epithet = True
        end = max(end, honor.end())
    body_words = {w.lower() for w in re.findall(r"[\w']+", body_raw.replace("’", "'"))}
    if body_words & lex.epithet_body_words and not body_words & lex.body_vocab - {"people's", "peoples"}:
        epithet = True
    if epithet and not honorifics:
        honorifics.append(text[m.start() : end])
    dem = m.group("dem")
    return _Title(
        m.start(),
        end,
        normalize_office(m.group("office")),
        body_raw,
        epithet,
        honorifics,
        qualifier,
        demonym=lex.demonyms.get(_fold(dem)) if dem else None,
    )


def _parse_chain(text: str, pos: int, limit: int) -> list[_Title]:
    """Coordinated titles: "president of X and general secretary of Y" / "X, Y and Z"."""
    out: list[_Title] = []
    t = _parse_title(text, pos, limit)
    while t is not None:
        if not t.body_raw and re.compile(r"\s+[A-Z]").match(text, t.end, limit):
            break  # "X, Premier Pak Pong Ju": a title before someone else's name
        out.append(t)
        nxt = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.I).match(text, t.end, limit)
        if nxt is None:
            break
        t = _parse_title(text, nxt.end(), limit)
    return out


def _make(text: str, t: _Title, person: Span | None, canon: Callable[[str], str]) -> RoleExpr:
    body = body_key(t.body_raw, canon) if t.body_raw else (body_key(t.demonym, canon) if t.demonym else "")
    return RoleExpr(
        person_span=person,
        span=(t.start, t.end),
        text=text[t.start : t.end],
        office=t.office,
        body=body,
        honorifics=list(t.honorifics),
        is_epithet=t.epithet,
        qualifier=t.qualifier,
    )


def _before(text: str, start: int, ps: int) -> tuple[list[_Title], list[str], int]:
    """Titles and forms of address written right before a name, read right to left."""
    lex = _lexicon()
    titles: list[_Title] = []
    honorifics: list[str] = []
    cut = ps
    while True:
        left = text[start:cut]
        best: tuple[int, str] | None = None
        for m in lex.honorific_re.finditer(left):
            at_word = m.start() == 0 or not left[m.start() - 1].isalnum()
            if not left[m.end() :].strip() and at_word and (best is None or m.start() < best[0]):
                best = (m.start(), "h")
        for m in re.finditer(rf"\b(?:{lex.office_re.pattern})\b", left, re.I):
            whole = _parse_title(text, start + m.start(), cut)
            ends_at_name = whole is not None and not text[whole.end : cut].strip()
            if ends_at_name and (best is None or m.start() < best[0]):
                best = (m.start(), "o")
        if best is None:
            break
        b = start + best[0]
        if best[1] == "h":
            hm = lex.honorific_re.match(text, b, cut)
            if hm is None:
                break
            honorifics.insert(0, text[b : hm.end()].strip())
            cut = b
            continue
        # widen to the left over adjectives, a demonym, an acronym or "the"
        head = b
        t: _Title | None = None
        words = list(re.finditer(r"\S+", text[start:b]))
        for back in range(0, min(4, len(words) + 1)):
            s = start + words[-back].start() if back else b
            cand = _parse_title(text, s, cut)
            if cand is not None and not text[cand.end : cut].strip():
                t = cand
                head = s
        if t is None:
            break
        acr = re.search(r"(?:^|\s)([A-Z]{2,6})\s+$", text[start:head])
        if acr and not t.body_raw and not t.demonym:
            t.body_raw = acr.group(1)
            t.start = start + acr.start(1)
            head = t.start
        titles.insert(0, t)
        cut = head
    return titles, honorifics, cut


def find_titles(
    text: str,
    start: int,
    end: int,
    persons: list[Span],
    canon: Callable[[str], str] = default_canon,
) -> list[RoleExpr]:
    """Titles attached to each person span in the sentence ``text[start:end]``.

    Before the name ("Premier Kim Il Sung", "Lao President X"), in apposition
    after it up to the closing comma ("X, general secretary of ..., in
    Pyongyang"), coordinated titles as separate RoleExprs.  Epithets and forms
    of address come back with ``is_epithet`` so the caller can drop them.
    """
    out: list[RoleExpr] = []
    spans = sorted(p for p in persons if start <= p[0] < p[1] <= end)
    for i, (ps, pe) in enumerate(spans):
        prev_end = spans[i - 1][1] if i else start
        next_start = spans[i + 1][0] if i + 1 < len(spans) else end
        pre, honorifics, _ = _before(text, prev_end, ps)
        exprs = [_make(text, t, (ps, pe), canon) for t in pre]
        of = re.compile(r"\s+of\s+(?:the\s+)?", re.I).match(text, pe, next_start)
        if of and exprs and not exprs[-1].body:
            b_end = _body_end(text, of.end(), next_start)
            if b_end > of.end() and text[of.end()].isupper():
                exprs[-1].body = body_key(text[of.end() : b_end], canon)
        app = re.compile(r"\s*,\s*", re.I).match(text, pe, next_start)
        if app:
            chain = _parse_chain(text, app.end(), next_start)
            if i + 1 < len(spans):  # "X, ... and Chairman Y": the last title is Y's
                chain = [t for t in chain if text[t.end : next_start].strip()]
            exprs += [_make(text, t, (ps, pe), canon) for t in chain]
        if honorifics and not any(e.is_epithet for e in exprs):
            first = text.find(honorifics[0], prev_end, ps)
            last = text.find(honorifics[-1], prev_end, ps) + len(honorifics[-1])
            exprs.insert(
                0,
                RoleExpr(
                    (ps, pe), (first, last), text[first:last], default_canon(honorifics[-1]), "", [], True
                ),
            )
        for e in exprs:
            e.honorifics = sorted(set(e.honorifics) | set(honorifics), key=lambda h: text.find(h, prev_end))
        out.extend(exprs)
    return out


_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+$", re.I)


def find_as_titles(
    text: str,
    start: int,
    end: int,
    canon: Callable[[str], str] = default_canon,
    persons: list[Span] | None = None,
) -> list[RoleExpr]:
    """Titles in "as <title>" phrases ("paid a visit ... as Chairman of X and President of Laos").

    When a given person span ends right before "as" ("elected X as Prime
    Minister") the titles are that person's; otherwise the holder is the
    clause's subject, which the caller knows, and ``person_span`` is None.
    Copulas ("X was Prime Minister", "X became President", rules/titles.yaml
    ``title_verbs``) count only with a person, or "he"/"she", right before the verb.
    """
    out: list[RoleExpr] = []
    for m in _lexicon().title_verb_re.finditer(text, start, end):
        if out and m.end() < out[-1].span[1]:
            continue
        holder = next(
            (p for p in persons or [] if p[1] <= m.start() and not text[p[1] : m.start()].strip()), None
        )
        if holder is None and not m.group("as") and not _PRONOUN_BEFORE.search(text, max(start, m.start() - 6), m.start()):
            continue  # a copula counts after a person, or after "he"/"she" (the caller knows who)
        out += [_make(text, t, holder, canon) for t in _parse_chain(text, m.end(), end)]
    return out


def is_epithet(title: str) -> bool:
    """True when a title as written is a form of address or an epithet ("the great President")."""
    lex = _lexicon()
    s = title.strip()
    hm = lex.honorific_re.match(s)
    if hm and not s[hm.end() :].strip():
        return True
    t = _parse_title(s, 0, len(s))
    return t is not None and t.epithet  # an unknown title ("PM") is not an epithet
