"""Name mentions: where a source names a person, organisation, country or place.

Only the source's sentences are read (page furniture never yields a name).
Registered names (countries, parties, cities, acronyms) are matched first,
case-sensitively; the remaining capitalised runs are cut at titles, function
words and demonyms ("The great President Kim Il Sung" -> "Kim Il Sung") and
typed by their head word ("... Association" is an organisation, "... Square"
a place).  A lone surname becomes a mention only when it points to exactly one
full name in the same source ("Sisoulith" -> "Thongloun Sisoulith").
Acronyms defined in the text ("Korea-Asia Association (KAA)") are found the
Schwartz-Hearst way.  ALL-CAPS and Title Case headlines give registered names
only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crosscheck.lexicon.namekeys import name_key
from crosscheck.lexicon.names import NameRules, name_rules
from crosscheck.lexicon.registry import Registry, RegistryEntry, load_registry
from crosscheck.records import Mention, Source
from crosscheck.rules import rules_cached

_WORD = re.compile(r"[^\W\d_]\w*(?:[-\u2010\u2011'\u2019][^\W\d_]\w*)*")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
MAX_PERSON_TOKENS = 5


@dataclass
class _Token:
    start: int  # offsets in the source text
    end: int  # end of the name part (possessive 's excluded)
    text: str  # name part
    possessive: bool

    @property
    def fold(self) -> str:
        return self.text.casefold()


def _alias_pattern(name: str) -> str:
    out = []
    for ch in name:
        if ch in "'\u2019":
            out.append("['\u2019]")
        elif ch in "-\u2010\u2011":
            out.append("[-\u2010\u2011]")
        elif ch.isspace():
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@dataclass(frozen=True)
class _RegistryMatcher:
    pattern: re.Pattern[str] | None
    by_text: dict[str, RegistryEntry]


def _matcher(registry: Registry) -> _RegistryMatcher:
    names: dict[str, RegistryEntry] = {}
    for name, entry in registry.surface_forms():
        if name_key(name):
            names.setdefault(name, entry)
    if not names:
        return _RegistryMatcher(None, {})
    alts = sorted(names, key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(_alias_pattern(n) for n in alts) + r")(?![\w])")
    by_text = {name_key(n): e for n, e in names.items()}
    return _RegistryMatcher(pattern, by_text)


_matchers: dict[int, tuple[Registry, _RegistryMatcher]] = {}


def _matcher_for(registry: Registry) -> _RegistryMatcher:
    cached = _matchers.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    m = _matcher(registry)
    _matchers[id(registry)] = (registry, m)
    return m


@rules_cached()
def _default_registry() -> Registry:
    return load_registry(None)


# ---------------------------------------------------------------- sentences


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8:
        return False
    return sum(c.isupper() for c in letters) / len(letters) > 0.7


def _is_title_case_headline(text: str, rules: NameRules) -> bool:
    stripped = text.strip()
    if not stripped or stripped[-1] in '.!?"\u201d:;':
        return False
    if _CHRONOLOGY_ENTRY.match(stripped):
        return False  # "1921 - Joins the Royal Engineering Society": a dated entry, not a headline
    words = [w for w in _WORD.findall(stripped) if len(w) >= 4]
    capitalised = [w for w in words if w[0].isupper()]
    lower = [w for w in words if w[0].islower() and w.casefold() not in rules.function_words]
    return len(capitalised) >= 3 and not lower


_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_CHRONOLOGY_ENTRY = re.compile(r"\W*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)?\d{4}\s*[-–:]")


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether a short acronym ("UN", "US") sits among ALL-CAPS words ("KIM JONG UN")."""
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    near = [w.strip(".,;:!?\"'") for w in (before[-1:] + after[:1])]
    return any(_CAPS_WORD.fullmatch(w) for w in near)


def _tokens(text: str, offset: int) -> list[_Token]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
        core = word[:-2] if possessive else word
        out.append(_Token(offset + m.start(), offset + m.start() + len(core), core, possessive))
    return out


def _joinable(gap: str, prev: _Token, rules: NameRules) -> bool:
    """Whether two capitalised words separated by ``gap`` belong to one name."""
    if prev.possessive:
        return False
    if gap in (" ", "\u00a0") or (gap.strip(" \u00a0") == "" and "\n" not in gap and len(gap) <= 3):
        return True
    if gap.rstrip(" ") == "." and (
        (len(prev.text) == 1 and prev.text.isupper()) or (prev.fold,) in rules.titles or prev.fold in rules.place_prefixes
    ):
        return True  # initial or abbreviated title: "K. Phomvihane", "Mr. Smith", "Mt. Paektu"
    return prev.text.endswith("s") and gap in ("' ", "\u2019 ")  # plural possessive: "Workers' Party"


def _runs(text: str, tokens: list[_Token], blocked: list[tuple[int, int]], rules: NameRules) -> list[list[_Token]]:
    """Maximal runs of capitalised words (with lower-case particles inside), outside ``blocked`` spans."""

    def is_blocked(t: _Token) -> bool:
        return any(a < t.end and t.start < b for a, b in blocked)

    runs: list[list[_Token]] = []
    current: list[_Token] = []
    pending: list[_Token] = []  # particles waiting for a capitalised word
    for t in tokens:
        capital = t.text[0].isupper() and not is_blocked(t)
        particle = t.fold in rules.particles and t.text.islower()
        prev = pending[-1] if pending else (current[-1] if current else None)
        joined = prev is not None and _joinable(text[prev.end : t.start], prev, rules)
        if capital and current and joined:
            current.extend(pending)
            current.append(t)
            pending = []
        elif particle and current and joined:
            pending.append(t)
        else:
            if current:
                runs.append(current)
            current, pending = ([t], []) if capital else ([], [])
    if current:
        runs.append(current)
    return runs


@cache
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        index.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in index.items()}


def _match_phrase(run: list[_Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase starting at run[i] (0 if none)."""
    for phrase in _by_first_word(phrases).get(run[i].fold.rstrip("."), ()):
        n = len(phrase)
        if i + n <= len(run) and all(run[i + k].fold.rstrip(".") == phrase[k] for k in range(n)):
            if n > 1 and any(run[i + k].possessive for k in range(n - 1)):
                continue
            return n
    return 0


@dataclass
class _Candidate:
    tokens: list[_Token]
    kind: str
    via: str


def _is_name_token(t: _Token, rules: NameRules) -> bool:
    if t.fold in rules.particles and t.text.islower():
        return True
    if t.fold in rules.not_person_words or (len(t.text) > 2 and t.fold in rules.function_words):
        return False
    if len(t.text) > 1 and t.text.isupper():
        return False  # acronyms are not parts of personal names
    return t.text[0].isupper() and not any(c.isdigit() for c in t.text)


def _classify(run: list[_Token], rules: NameRules) -> list[_Candidate]:
    if any(t.text in rules.furniture_words for t in run):
        return []
    i, after_title = 0, False
    while i < len(run):
        n = _match_phrase(run, i, rules.titles)
        if n:
            i, after_title = i + n, True
            continue
        if after_title:
            break  # "General Secretary To Lam": after a title comes the name, whatever it looks like
        n = _match_phrase(run, i, rules.demonyms)
        named_body = run[-1].fold in rules.org_heads or run[-1].fold in rules.event_heads  # "African National Congress"
        if n and not named_body and not (i + n < len(run) and run[i + n - 1].possessive):
            i += n
            continue
        if run[i].fold in rules.function_words or run[i].fold in rules.verb_words:
            i += 1
            continue
        break
    body = run[i:]
    while body and body[-1].fold in rules.function_words and not body[-1].text.istitle():
        body = body[:-1]
    if not body:
        return []
    last = body[-1].fold
    if len(body) >= 2 and last in rules.event_heads:
        # "the Shanghai Communique", "the Battle of Waterloo", "the African National Congress": a named thing,
        # which a claim frame can be about (its kind is left open: a congress may be a party or a meeting)
        return [_Candidate(body, "unknown", "name")]
    if len(body) >= 2 and last in rules.org_heads:
        return [_Candidate(body, "org", "name")]
    if len(body) >= 2 and (last in rules.place_heads or body[0].fold.rstrip(".") in rules.place_prefixes):
        return [_Candidate(body, "place", "name")]
    if body[0].fold.rstrip(".") in rules.place_prefixes:
        return []
    if len(body) == 1 and len(body[0].text) > 1 and body[0].text.isupper():
        return [_Candidate(body, "unknown", "acronym")]
    out: list[_Candidate] = []
    part: list[_Token] = []
    for t in [*body, None]:
        if t is not None and _is_name_token(t, rules):
            part.append(t)
            continue
        while part and part[-1].fold in rules.particles:
            part.pop()
        if 2 <= len(part) <= MAX_PERSON_TOKENS:
            out.append(_Candidate(part, "person", "title" if after_title and part[0] is body[0] else "name"))
        elif len(part) == 1 and len(part[0].text) > 1:
            out.append(_Candidate(part, "person", "title" if after_title and part[0] is body[0] else "single"))
        part = []
    if len(body) > MAX_PERSON_TOKENS and all(_is_name_token(t, rules) for t in body):
        return []  # a long capitalised run is a title of a work, not a name
    return out


def _long_form(short: str, window: str) -> int | None:
    """Schwartz-Hearst: the start (in ``window``) of the long form an acronym abbreviates, if any."""
    s = [c.lower() for c in short if c.isalnum()]
    if len(s) < 2:
        return None
    li = len(window) - 1
    si = len(s) - 1
    while si >= 0:
        c = s[si]
        while li >= 0 and (window[li].lower() != c or (si == 0 and li > 0 and window[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        si -= 1
    start = window.rfind(" ", 0, li + 1) + 1
    return start


# ------------------------------------------------------------------ public


def find_mentions(source: Source, registry: Registry | None = None) -> list[Mention]:
    """Every name mention inside the source's sentences, with exact spans, in text order."""
    rules = name_rules()
    registry = registry if registry is not None else _default_registry()
    matcher = _matcher_for(registry)
    text = source.text
    found: list[Mention] = []
    singles: list[_Candidate] = []
    acronym_cands: list[_Candidate] = []
    defined: dict[str, str] = {}  # acronym -> kind of its long form

    def add(start: int, end: int, kind: str, via: str) -> None:
        if end <= start or source.in_furniture(start, end):
            return
        surface = text[start:end]
        key = name_key(surface)
        if key:
            found.append(Mention(source.id, start, end, surface, kind, key, via))  # type: ignore[arg-type]

    for sentence in source.sentences:
        first = len(found)  # mentions of this sentence are found[first:]
        s_text = text[sentence.start : sentence.end]
        blocked: list[tuple[int, int]] = []
        if matcher.pattern is not None:
            for m in matcher.pattern.finditer(s_text):
                entry = matcher.by_text.get(name_key(m.group(0)))
                if entry is None or (len(m.group(0)) <= 2 and _in_caps_run(s_text, m.start(), m.end())):
                    continue
                start, end = sentence.start + m.start(), sentence.start + m.end()
                blocked.append((start, end))
                via = "acronym" if m.group(0).replace(".", "").isupper() and len(m.group(0)) <= 8 else "alias"
                add(start, end, entry.kind, via)
        if _is_all_caps(s_text) or _is_title_case_headline(s_text, rules):
            continue
        tokens = _tokens(s_text, sentence.start)
        for run in _runs(text, tokens, blocked, rules):
            for cand in _classify(run, rules):
                if cand.via == "single":
                    singles.append(cand)
                elif cand.via == "acronym":
                    acronym_cands.append(cand)
                else:
                    add(cand.tokens[0].start, cand.tokens[-1].end, cand.kind, cand.via)
        for m in _ACRONYM.finditer(s_text):
            short = m.group(1)
            if sum(c.isupper() for c in short) < 2 or name_key(short) in matcher.by_text:
                continue
            window_start = max(0, m.start() - 12 * len(short) - 40)
            window = s_text[window_start : m.start()].rstrip()
            rel = _long_form(short, window)
            if rel is None or not window[rel : rel + 1].isupper():
                continue  # a long form is a name: it starts with a capital
            long_start = sentence.start + window_start + rel
            long_end = sentence.start + window_start + len(window)
            here = found[first:]
            kind = next((f.kind for f in here if f.start <= long_start < f.end or long_start <= f.start < long_end),
                        "org")
            if not any(f.start == long_start and f.end == long_end for f in here):
                found[first:] = [f for f in here if not (long_start <= f.start and f.end <= long_end)]
                add(long_start, long_end, kind, "name")
            defined[short] = kind

    for cand in acronym_cands:
        short = cand.tokens[0].text
        if short in defined:
            add(cand.tokens[0].start, cand.tokens[0].end, defined[short], "acronym")

    persons: dict[str, set[str]] = {}
    for f in found:
        if f.kind == "person" and " " in f.key:
            for tok in f.key.split():
                persons.setdefault(tok, set()).add(f.key)
    for cand in singles:
        tok = cand.tokens[0]
        if len(persons.get(name_key(tok.text), ())) == 1:
            add(tok.start, tok.end, "person", "short")
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Mention] = []
    last_end = -1
    for f in found:
        if f.start >= last_end:
            out.append(f)
            last_end = f.end
    return out
