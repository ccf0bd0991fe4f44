"""Temporal expressions with exact spans, written as underspecified values.

First pass of the two-pass (HeidelTime) design: this module only reads the
text.  Absolute dates get their value at once; everything that needs the
publication date is written as an ``expr`` the normalize stage resolves:

=====================  =========================================
``1965-10-28``         absolute (ISO, truncated to its precision)
``XXXX-06-24``         month and day, year from the publication date
``XXXX-01-08<``        ... narrated in the past: on or before publication
``PUB-57Y``            57 years before the publication year
``PUB-1Y-M10``         October of the year before publication
``PUB-1M``             the month before publication
``ANN:46@XXXX-06-24``  the 46th anniversary falls on that date
``ANN:80@1992-04``     ... was observed at that (reference) date
``DUR:50``             a span of 50 years ("half a century")
=====================  =========================================

"REF" (the last explicit date before the expression: "October that year") is
resolved here, since it depends on the text alone.  Nothing reads the clock.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

import ahocorasick

from crosscheck import calendar as cal
from crosscheck.records import Sentence, TimeExpr, TimeValue
from crosscheck.rules import load_yaml, rules_cached

M = cal.MONTH_RE
MON = rf"(?P<mon>{M})"
DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
DAY2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<y>1\d{3}|20\d{2}|2100)"
DASH = r"\s*(?:-|–|—|to|until|and)\s*"
NOT_NUM_AFTER = r"(?![\d,.]?\d)(?!\s?(?:-\s?)?(?:km|m|kg|mm|cm|ft|%|percent|people|persons|metres|meters)\b)"


@dataclass(frozen=True)
class _Vocab:
    numbers: dict[str, int]
    ordinals: dict[str, int]
    vague: dict[str, int]
    vague_bounds: dict[str, str]
    relative: dict[str, dict[str, object]]
    anniversary_kinds: dict[str, str]
    past_markers: frozenset[str]
    year_blockers: frozenset[str]
    future_markers: tuple[str, ...]


@rules_cached()
def vocab() -> _Vocab:
    data = load_yaml("temporal.yaml")
    return _Vocab(
        numbers={str(k): int(v) for k, v in data["number_words"].items()},
        ordinals={str(k): int(v) for k, v in data["ordinal_words"].items()},
        vague={str(k): int(v) for k, v in data["vague_spans"].items()},
        vague_bounds={str(k): str(v) for k, v in data["vague_bounds"].items()},
        relative={str(k): dict(v) for k, v in data["relative"].items()},
        anniversary_kinds={str(k): str(v) for k, v in data["anniversary_kinds"].items()},
        past_markers=frozenset(str(w) for w in data["past_markers"]),
        year_blockers=frozenset(str(w).lower() for w in data.get("year_blockers", [])),
        future_markers=tuple(str(w).lower() for w in data.get("future_markers", [])),
    )


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Pattern:
    """One pattern family member and how the fast path finds the places it can match.

    ``anchor`` names the tokens every match starts with, so that trying the
    pattern only there finds all its matches (see ``_HitFinder.anchors``):
    "month" a month-name prefix; "day" a digit run of one or two digits (a
    day: the pattern cannot go on with a digit); "year4" a run of exactly four;
    "decade" that or "the" and whitespace before it; "bare_month" a preposition
    and whitespace before a month; "words" one of ``words``.  Unanchored
    patterns list in ``words`` the words one of which every match contains:
    only sentences holding one are scanned (all sentences when ``words`` is
    empty).  When a match holds at most ``prefix_words`` words (of \\w and "-",
    whitespace between) before that word, the scan starts that many words
    before the sentence's first such word (0: from the sentence start).
    """

    kind: str
    regex: re.Pattern[str]
    anchor: str = ""
    words: tuple[str, ...] = ()
    prefix_words: int = 0


_BARE_MONTH_PREPS = ("in", "since", "until", "by", "from", "during", "early", "late", "mid-", "of")


def _foldable(words: Iterable[str]) -> tuple[str, ...]:
    """The words lower-cased when all are ASCII (then a case-insensitive match shows in the folded
    text, see ``ASCII_FOLDS``), else () : no word prefilter."""
    out = tuple(w.lower() for w in words)
    return out if out and all(w and w.isascii() for w in out) else ()


def _most_words(*alternatives: Iterable[str], least: int = 1) -> int:
    """How many whitespace-separated words one alternative of each list adds at most (at least ``least``
    each); 0 when some alternative holds anything but \\w, "-" and whitespace."""
    total = 0
    for alternative in alternatives:
        words = list(alternative)
        if not all(_WORDY_RUN.fullmatch(w) for w in words):
            return 0
        total += max([least, *(len(w.split()) for w in words)])
    return total


_LOOKAHEAD = 12  # characters past a key word the patterns' closing lookaheads read ("since" not "since then")


@cache
def _words_back(n: int) -> re.Pattern[str]:
    """On reversed text: up to ``n`` words of \\w and "-", each after optional whitespace."""
    return re.compile(rf"(?:\s*[\w-]+){{0,{n}}}")


def _starting_with(words: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """``anchor, words`` for a pattern whose matches start with one of ``words``."""
    folded = _foldable(words)
    return ("words" if folded else ""), folded


@cache
def _month_prefixes() -> tuple[str, ...]:
    """First three letters of every month name: each alternative of ``cal.MONTH_RE`` starts with one."""
    return tuple(dict.fromkeys(name[:3] for name in cal.MONTHS))


@rules_cached()
def _patterns() -> list[_Pattern]:
    """The pattern families, most specific first: earlier matches block overlapping later ones."""
    v = vocab()
    tens = [w for w, n in v.numbers.items() if n >= 20 and n % 10 == 0 and n < 100]
    units_ord = [w for w, n in v.ordinals.items() if n < 10]
    ordinal = (
        rf"(?P<ord>\d{{1,3}}(?:st|nd|rd|th)|(?:{_alt(tens)})[- ](?:{_alt(units_ord)})|{_alt(v.ordinals)})"
    )
    number = rf"(?P<num>\d{{1,4}}|(?:{_alt(tens)})[- ](?:{_alt([w for w, n in v.numbers.items() if 0 < n < 10])})|{_alt(v.numbers)})"
    ann_kind = _alt(v.anniversary_kinds)
    rel = _alt(v.relative)
    vague = _alt(v.vague)
    vbounds = _alt(v.vague_bounds)
    b = r"(?<![\w/.@-])"  # not inside a word, URL, e-mail or number
    return [
        _Pattern("range", re.compile(rf"{b}{MON}\s+{DAY}{DASH}{DAY2},?\s+{YEAR}{NOT_NUM_AFTER}", re.I), "month"),
        _Pattern("range", re.compile(rf"{b}{DAY}{DASH}{DAY2}\s+(?:of\s+)?{MON},?\s+{YEAR}{NOT_NUM_AFTER}", re.I), "day"),
        _Pattern("date", re.compile(rf"{b}{MON}\s+{DAY},?\s+{YEAR}{NOT_NUM_AFTER}", re.I), "month"),
        _Pattern("date", re.compile(rf"{b}{DAY}\s+(?:of\s+)?{MON},?\s+{YEAR}{NOT_NUM_AFTER}", re.I), "day"),
        _Pattern("iso", re.compile(rf"{b}{YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"), "year4"),
        _Pattern("month_rel", re.compile(rf"{b}{MON}(?:\s+of)?\s+(?P<rel>{rel})\b", re.I), "month"),
        _Pattern("month_year", re.compile(rf"{b}{MON},?\s+(?:of\s+)?{YEAR}{NOT_NUM_AFTER}", re.I), "month"),
        _Pattern("month_day", re.compile(rf"{b}{MON}\s+{DAY}(?![\d,]*\s*\d)(?!\w)", re.I), "month"),
        _Pattern("month_day", re.compile(rf"{b}{DAY}\s+(?:of\s+)?{MON}(?!\w)(?!,?\s+\d)", re.I), "day"),
        _Pattern("decade", re.compile(rf"{b}(?:the\s+)?(?P<dec>1\d{{2}}0|20\d0)['’]?s\b", re.I), "decade"),
        _Pattern("ago", re.compile(rf"{b}(?:(?P<vb>{vbounds})\s+)?(?P<vs>{vague})\s+ago\b", re.I),
                 words=_foldable(["ago"]), prefix_words=_most_words(v.vague_bounds, v.vague)),
        _Pattern("ago", re.compile(rf"{b}{number}\s+(?P<unit>years?|months?|days?|decades?)\s+ago\b", re.I),
                 words=_foldable(["ago"]), prefix_words=_most_words(v.numbers, ["years"], least=2)),
        _Pattern("ago", re.compile(rf"{b}{number}\s+(?P<unit>years?|months?|decades?)\s+since\b(?!\s+then\b)", re.I),
                 words=_foldable(["since"]), prefix_words=_most_words(v.numbers, ["years"], least=2)),
        _Pattern("anniversary", re.compile(rf"{b}(?:the\s+)?{ordinal}\s+(?P<akind>{ann_kind})\b", re.I),
                 words=_foldable(v.anniversary_kinds),
                 prefix_words=_most_words(["the"], [*v.numbers, *v.ordinals], least=2)),
        _Pattern("vague", re.compile(rf"{b}(?:(?P<vb>{vbounds})\s+)?(?P<vs>{vague})\b", re.I),
                 words=_foldable(v.vague), prefix_words=_most_words(v.vague_bounds)),
        _Pattern("relative", re.compile(rf"{b}(?P<rel>{rel})\b(?!\s+of\b)", re.I), *_starting_with(v.relative)),
        _Pattern("last_month", re.compile(rf"{b}(?:last|this\s+past)\s+{M}\b(?!\s+\d)", re.I),
                 *_starting_with(("last", "this past"))),
        _Pattern("bare_month", re.compile(rf"\b(?:{'|'.join(_BARE_MONTH_PREPS)})\s*{M}\b(?!\s+\d)(?!\s+(?:that|last|this|the\s+same)\b)", re.I),
                 "bare_month"),
        _Pattern("year", re.compile(rf"{b}(?<!\d[,.\s])(?<!No\.\s)(?<!Box:\s)(?<!Box\s){YEAR}{NOT_NUM_AFTER}(?![-/]\d)(?!st|nd|rd|th)"), "year4"),
    ]


_NUM_SPLIT = re.compile(r"[- ]")
_ORDINAL_DIGITS = re.compile(r"(\d{1,3})(st|nd|rd|th)")
_TOKEN = re.compile(r"[\w.:]+")


def _num(text: str) -> int | None:
    v = vocab()
    t = text.lower().replace("–", "-")
    if t.isdigit():
        return int(t)
    if t in v.numbers:
        return v.numbers[t]
    parts = _NUM_SPLIT.split(t)
    if len(parts) == 2 and parts[0] in v.numbers and parts[1] in v.numbers:
        return v.numbers[parts[0]] + v.numbers[parts[1]]
    return None


def ordinal_value(text: str) -> int | None:
    """``46th`` -> 46, ``fourth`` -> 4, ``forty-sixth`` -> 46; None for anything else."""
    v = vocab()
    t = text.lower()
    if m := _ORDINAL_DIGITS.fullmatch(t):
        return int(m.group(1))
    if t in v.ordinals:
        return v.ordinals[t]
    parts = _NUM_SPLIT.split(t)
    if len(parts) == 2 and parts[0] in v.numbers and parts[1] in v.ordinals:
        return v.numbers[parts[0]] + v.ordinals[parts[1]]
    return None


@rules_cached()
def _future_re() -> re.Pattern[str] | None:
    """All future markers as one whole-word alternation (None when there are none)."""
    markers = vocab().future_markers
    return re.compile(rf"\b(?:{'|'.join(re.escape(f) for f in markers)})\b") if markers else None


@rules_cached()
def _past_re() -> re.Pattern[str]:
    """A past marker or a word of five letters or more ending in "ed", as a whole word of ASCII letters."""
    markers = "|".join(re.escape(w) for w in sorted(vocab().past_markers, key=len, reverse=True))
    alternatives = f"{markers}|[A-Za-z]{{3,}}ed" if markers else "[A-Za-z]{3,}ed"
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")


def is_past(sentence: str) -> bool:
    """A rough tense test: past-tense narration resolves bare dates backwards."""
    low = sentence.lower()
    future = _future_re()
    if future is not None and any(f in low for f in vocab().future_markers) and future.search(low):
        return False  # (the substring test first: it is much cheaper than the search)
    return _past_re().search(low) is not None


def _ymd(gd: dict[str, str | None]) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of an explicit date match's groups (month as a number or a name)."""
    y, mo, d, name = gd.get("y"), gd.get("m"), gd.get("d"), gd.get("mon")
    month = int(mo) if mo else cal.month_number(name) if name else None
    return (int(y) if y else None), month, (int(d) if d else None)


def _absolute(kind: str, gd: dict[str, str | None]) -> tuple[str, TimeValue] | None:
    """Value of an explicit date match (its groups), or None when the date is impossible."""
    y, mo, d = _ymd(gd)
    if y is None or mo is None or not (cal.MIN_YEAR <= y <= cal.MAX_YEAR):
        return None
    if kind in ("date", "iso"):
        if d is None or not cal.valid_day(y, mo, d):
            return None
        v = cal.day(y, mo, d)
        return v.iso, v
    if kind == "range":
        d2 = int(gd["d2"] or 0)
        if d is None or not cal.valid_day(y, mo, d) or not cal.valid_day(y, mo, d2) or d2 <= d:
            return None
        v = cal.span(cal.day(y, mo, d), cal.day(y, mo, d2))
        return v.iso, v
    if kind == "month_year":
        v = cal.month(y, mo)
        return v.iso, v
    return None


def _rel_expr(rel: dict[str, object], month: int | None, ref: TimeValue | None) -> tuple[str, TimeValue | None]:
    anchor, unit, off = str(rel["anchor"]), str(rel["unit"]), int(str(rel["offset"]))
    if anchor == "REF":
        if ref is None:
            return "REF", None
        y = ref.start.year + (off if unit == "year" else 0)
        if month is not None:
            v = cal.month(y, month)
        elif unit == "year":
            v = cal.year(y)
        elif unit == "month":
            v = cal.month(ref.start.year, ref.start.month) if ref.precision in ("day", "month") else None
        else:
            v = ref if ref.precision == "day" else None
        return (v.iso if v else "REF"), v
    sign = "-" if off < 0 else "+"
    code = {"year": "Y", "month": "M", "day": "D"}[unit]
    expr = f"PUB{sign}{abs(off)}{code}"
    if month is not None:
        expr += f"-M{month:02d}"
    return expr, None


_MONTH_PREFIX = re.compile(rf"(?i)(?<![a-z])(?:{'|'.join(_month_prefixes())})")
_NON_DIGITS = re.compile(r"(\D+)")
_WORDY_RUN = re.compile(r"[\w\s-]*")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # in the folded text these stand only for \w characters
_DECADE_NEXT = ("s", "'", "’")  # after "1960" in the folded text ("ſ" folds to "s")
_SEP = "\x00"  # joins sentences: no pattern matches it and every lookaround reads it as a string edge
# Characters re.IGNORECASE takes for an ASCII letter although str.lower() does not give that letter
# (the test checks this table against every code point).
ASCII_FOLDS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


class _SentenceView:
    """One sentence's text and the per-sentence facts, each computed at most once and only when asked.

    ``allows(kind)`` is the per-sentence gate.  Only bare months have one: "in
    May" counts only when the sentence names a month at a word start somewhere
    ("inJanuary" alone is no date).  Every other family's match already holds
    what its old gate asked for (a month word, a digit, "ago", the relative
    or anniversary word), so it needs no test.
    """

    __slots__ = ("text", "base", "_month", "_past")

    def __init__(self, text: str, base: int, month: bool | None) -> None:
        self.text, self.base = text, base
        self._month = month  # known for the whole text at once; None: test this sentence when asked
        self._past: bool | None = None

    @property
    def past(self) -> bool:
        if self._past is None:
            self._past = is_past(self.text)
        return self._past

    def allows(self, kind: str) -> bool:
        if kind != "bare_month":
            return True
        if self._month is None:
            self._month = _MONTH_PREFIX.search(self.text) is not None
        return self._month


class _Joined:
    """All sentences in one string, so each pattern runs once per text instead of once per sentence.

    Sentences are joined with ``_SEP``, which no pattern can match: matches
    stay inside one sentence and see the same context as on the sentence alone.
    ``folded`` is the same string case-folded the way re.IGNORECASE compares
    ASCII letters, for cheap case-sensitive searches of anchor words; it is
    None when folding would change the length (then nothing is prefiltered).
    """

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.joined = _SEP.join(texts)
        self.starts: list[int] = []
        at = 0
        for t in texts:
            self.starts.append(at)
            at += len(t) + 1
        self.folded = self._fold(self.joined)
        self._found: dict[str, list[int]] = {} if self.folded is None else _find_keys(self.folded)
        self._of: dict[tuple[str, ...], dict[str, list[int]]] = {}
        self._starts: dict[tuple[str, ...], list[int]] = {}
        self._runs: list[tuple[int, int]] | None = None

    @staticmethod
    def _fold(text: str) -> str | None:
        if not text.isascii() and any(chr(c) in text for c in ASCII_FOLDS):
            text = text.translate(ASCII_FOLDS)
        folded = text.lower()
        return folded if len(folded) == len(text) else None

    def sentence_at(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def month_sentences(self) -> set[int] | None:
        """Indexes of the sentences naming a month at a word start (``_MONTH_PREFIX``), read off the
        whole text at once; None when the text cannot be folded (then each sentence is tested alone).

        In the folded text exactly the letters a-z stand for what ``(?i)[a-z]`` matches.
        """
        if self.folded is None:
            return None
        months = set()
        for p in self.starts_of(_month_prefixes()):  # the month anchors' search: done once
            i = self.sentence_at(p)
            if p == self.starts[i] or not ("a" <= self.folded[p - 1] <= "z"):
                months.add(i)
        return months

    def occurrences(self, word: str) -> list[int]:
        """Every start of ``word`` in the folded text, overlapping ones included."""
        if word not in self._found:
            assert self.folded is not None
            out: list[int] = []
            at = self.folded.find(word)
            while at >= 0:
                out.append(at)
                at = self.folded.find(word, at + 1)
            self._found[word] = out
        return self._found[word]

    def occurrences_of(self, words: tuple[str, ...]) -> dict[str, list[int]]:
        """``occurrences`` of each of ``words``, found through their search keys (``_search_key``):
        one search serves every word sharing a key, whichever pattern the word belongs to."""
        if words in self._of:
            return self._of[words]
        assert self.folded is not None
        folded, out = self.folded, {}
        self._of[words] = out
        for key, members in _key_plan(words):
            found = self.occurrences(key)
            for w, offset in members:
                out[w] = found if not found or w == key else [
                    p - offset for p in found if p >= offset and folded.startswith(w, p - offset)]
        return out

    def digit_runs(self) -> list[tuple[int, int]]:
        """(start, length) of every maximal run of digits (splitting at non-digit runs is the fast way)."""
        if self._runs is None:
            runs, at = [], 0
            for i, piece in enumerate(_NON_DIGITS.split(self.joined)):
                if piece and i % 2 == 0:  # even pieces lie between non-digit runs: digits
                    runs.append((at, len(piece)))
                at += len(piece)
            self._runs = runs
        return self._runs

    def starts_of(self, words: tuple[str, ...]) -> list[int]:
        """Sorted starts of every occurrence of any of ``words`` in the folded text."""
        if words not in self._starts:
            found = self.occurrences_of(words).values()
            self._starts[words] = sorted({p for starts in found for p in starts}) if len(words) > 1 else [*found][0]
        return self._starts[words]

    def word_starts(self, positions: list[int]) -> list[int]:
        """``positions`` without those right after a letter, digit or "_" (there ``b`` cannot match)."""
        assert self.folded is not None
        folded = self.folded
        return [p for p in positions if p == 0 or folded[p - 1] not in _WORD_CHARS]

    def words_ending_before(self, pos: int, words: tuple[str, ...]) -> list[int]:
        """Starts of ``words`` that end where the whitespace before ``pos`` begins (re's \\s is str.isspace)."""
        t = pos
        while t > 0 and self.joined[t - 1].isspace():
            t -= 1
        assert self.folded is not None
        if t == 0:
            return []
        return [t - len(w) for w in _by_last_char(words).get(self.folded[t - 1], ())
                if t >= len(w) and self.folded.startswith(w, t - len(w))]


_BACK_WINDOW = 160  # characters read back from a key word before falling back to the whole sentence


def _reach_back(back_re: re.Pattern[str], text: str, key: int) -> int:
    """How far before ``key`` the words ``back_re`` allows reach (read on the reversed text before it)."""
    low = max(0, key - _BACK_WINDOW)
    back = back_re.match(text[low:key][::-1])
    reach = back.end() if back else 0
    if low and reach == key - low:  # the window was too short to tell: read the whole sentence
        back = back_re.match(text[:key][::-1])
        reach = back.end() if back else 0
    return reach


def _find_keys(folded: str) -> dict[str, list[int]]:
    """Every start of every search key in ``folded`` (overlapping ones included), in one pass."""
    found: dict[str, list[int]] = {key: [] for key in _all_keys()}
    for end, key in _automaton().iter(folded):
        found[key].append(end - len(key) + 1)
    return found


@rules_cached()
def _automaton() -> ahocorasick.Automaton:
    """All search keys in one Aho-Corasick automaton: a text is read once, whatever the number of keys."""
    automaton = ahocorasick.Automaton()
    for key in _all_keys():
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


@rules_cached()
def _all_keys() -> tuple[str, ...]:
    """The distinct search keys of every word a fast path looks for."""
    return tuple(dict.fromkeys(_search_key(w)[0] for w in _all_words()))


def _all_words() -> tuple[str, ...]:
    """Every word some fast path searches for: month prefixes first, then the patterns' words."""
    return (*_month_prefixes(), *(w for p in _patterns() for w in p.words))


@rules_cached()
def _key_plan(words: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """``words`` grouped by search key: (key, ((word, offset of the key in it), ...)), in key order."""
    plan: dict[str, list[tuple[str, int]]] = {}
    for w in words:
        key, offset = _search_key(w)
        plan.setdefault(key, []).append((w, offset))
    return tuple((key, tuple(members)) for key, members in plan.items())


@rules_cached()
def _search_key(word: str) -> tuple[str, int]:
    """The string searched for to find ``word``, and where it sits in the word.

    A text is scanned once per key, so words share keys where they can: a
    month prefix inside the word ("dec" finds "a decade"), else the last
    three letters when other words end with them too ("today", "yesterday",
    "the same day"), else the last four ("this year", "last year").
    """
    words = _all_words()
    for prefix in _month_prefixes():
        if word != prefix and prefix in word:
            return prefix, word.index(prefix)
    if len(word) <= 4:
        return word, 0
    tail3, tail4 = word[-3:], word[-4:]
    if len({w[-4:] for w in words if len(w) > 4 and w.endswith(tail3)}) > 1:
        return tail3, len(word) - 3
    return tail4, len(word) - 4


@cache
def _by_last_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[-1], []).append(w)
    return {k: tuple(g) for k, g in groups.items()}


_Hit = tuple[int, int, int, re.Match[str]]
"""A pattern match inside one sentence: (pattern index, start, end, match), offsets relative to the sentence."""


class _HitFinder:
    """Finds each pattern's matches in every sentence, exactly as ``finditer`` on each sentence would.

    Anchored patterns are tried only at their anchor positions (a superset of
    where a match can start, in the joined text); ``finditer`` semantics are
    kept by skipping anchors inside the previous match.  Digit runs are
    maximal runs: an anchored pattern starting with a digit opens with ``b``,
    so it cannot start after another digit.  A pattern that needs whitespace
    and then a token reaches it through the maximal whitespace run before the
    token (its own word before cannot end in whitespace).
    """

    def __init__(self, doc: _Joined) -> None:
        self.doc = doc
        self._anchors: dict[tuple[str, tuple[str, ...]], list[int]] = {}

    def anchors(self, anchor: str, words: tuple[str, ...] = ()) -> list[int]:
        """Sorted positions where a match of a pattern with this anchor may start."""
        key = (anchor, words)
        if key not in self._anchors:
            self._anchors[key] = self._find_anchors(anchor, words)
        return self._anchors[key]

    def _find_anchors(self, anchor: str, words: tuple[str, ...]) -> list[int]:
        doc = self.doc
        if anchor == "day":  # every pattern led by a day names a month later in its sentence
            return self._before_a_month([p for p, n in doc.digit_runs() if n <= 2])
        if anchor == "year4":
            return [p for p, n in doc.digit_runs() if n == 4]
        if anchor == "decade":  # "1960s" or "the 1960s": four digits ending in 0, then "s" or an apostrophe
            folded = doc.folded
            assert folded is not None
            return self._with_the([p for p in self.anchors("year4")
                                   if folded[p + 3] == "0" and folded[p + 4 : p + 5] in _DECADE_NEXT])
        if anchor == "words":
            return doc.word_starts(doc.starts_of(words))
        months = doc.starts_of(_month_prefixes())
        if anchor == "month":
            return doc.word_starts(months)
        # bare_month: "in May", "mid-May", also "inMay" (so every month, not only those at a word start)
        return sorted({q for p in months for q in doc.words_ending_before(p, _BARE_MONTH_PREPS)})

    def _before_a_month(self, starts: list[int]) -> list[int]:
        """``starts`` followed, in the same sentence, by a month name at a word start."""
        months, doc = self.anchors("month"), self.doc
        if not months:
            return []
        starts_of_sentences, n_months = doc.starts, len(months)
        ends = [*starts_of_sentences[1:], len(doc.joined) + 1]  # a sentence ends where the next starts
        out = []
        for p in starts:
            k = bisect_right(months, p)
            if k < n_months and months[k] < ends[bisect_right(starts_of_sentences, p) - 1]:
                out.append(p)
        return out

    def _with_the(self, starts: list[int]) -> list[int]:
        """``starts`` and the "the" (then whitespace) before each."""
        return sorted({*starts, *(q for p in starts for q in self.doc.words_ending_before(p, ("the",)))})

    def sentences_with(self, words: tuple[str, ...]) -> Iterable[int]:
        """Indexes of the sentences containing one of ``words`` (all sentences when ``words`` is empty)."""
        doc = self.doc
        if doc.folded is None or not words:
            return range(len(doc.texts))
        return sorted({doc.sentence_at(p) for p in doc.starts_of(words)})

    def hits(self, index: int, pattern: _Pattern) -> list[tuple[int, _Hit]]:
        """(sentence, hit) pairs in reading order; equal to ``finditer`` on each sentence alone."""
        if pattern.anchor and self.doc.folded is not None:
            return self._anchored(index, pattern)
        if pattern.prefix_words and pattern.words and self.doc.folded is not None:
            return self._from_first_word(index, pattern)
        out: list[tuple[int, _Hit]] = []
        for i in self.sentences_with(() if pattern.anchor else pattern.words):
            out.extend((i, (index, *m.span(), m)) for m in pattern.regex.finditer(self.doc.texts[i]))
        return out

    def _from_first_word(self, index: int, pattern: _Pattern) -> list[tuple[int, _Hit]]:
        """``finditer`` on each sentence holding one of the words, from ``prefix_words`` words before the first.

        No match can start earlier: what a match holds before its word (which is
        this one or a later one) is at most that many such words, the first of
        them starting a word (``b``).  (``pos`` keeps the lookbehind's view of the text.)
        """
        doc = self.doc
        keys: dict[int, set[tuple[int, int]]] = {}
        for w, starts in doc.occurrences_of(pattern.words).items():
            for p in starts:
                i = doc.sentence_at(p)
                base = doc.starts[i]
                keys.setdefault(i, set()).add((p - base, p - base + len(w)))
        back_re = _words_back(pattern.prefix_words)
        out: list[tuple[int, _Hit]] = []
        for i in sorted(keys):
            text = doc.texts[i]
            found: dict[tuple[int, int], re.Match[str]] = {}
            cursor = 0
            for key, key_end in sorted(keys[i]):
                # every match of these families ends with its key word: search only up to just past it
                begin = max(cursor, key - _reach_back(back_re, text, key))
                for m in pattern.regex.finditer(text, begin, min(len(text), key_end + _LOOKAHEAD)):
                    if m.end() >= key_end:
                        found.setdefault(m.span(), m)
                        cursor = max(cursor, m.end())
            out.extend((i, (index, a, z, m)) for (a, z), m in sorted(found.items()))
        return out

    def _anchored(self, index: int, pattern: _Pattern) -> list[tuple[int, _Hit]]:
        """Try the pattern only at its anchor tokens, skipping those inside the previous match."""
        doc = self.doc
        out: list[tuple[int, _Hit]] = []
        cursor = 0
        match, joined, starts = pattern.regex.match, doc.joined, doc.starts
        for pos in self.anchors(pattern.anchor, pattern.words):
            if pos < cursor:
                continue
            m = match(joined, pos)
            if m is None:
                continue
            cursor = m.end()
            i = bisect_right(starts, pos) - 1
            base = starts[i]
            out.append((i, (index, pos - base, cursor - base, m)))
        return out


def _sentence_hits(doc: _Joined) -> dict[int, list[_Hit]]:
    """Each sentence's matches, ordered by pattern then position (the order overlaps are settled in)."""
    finder = _HitFinder(doc)
    by_sentence: dict[int, list[_Hit]] = {}
    for index, pattern in enumerate(_patterns()):
        for i, hit in finder.hits(index, pattern):
            by_sentence.setdefault(i, []).append(hit)
    return by_sentence


_START = attrgetter("start")


def _settle(view: _SentenceView, hits: list[_Hit], v: _Vocab) -> list[TimeExpr]:
    """The sentence's expressions: earlier patterns win overlaps; gated families are skipped."""
    patterns = _patterns()
    taken: list[tuple[int, int]] = []  # a sentence holds few expressions: a list beats a search tree
    found: list[TimeExpr] = []
    for index, a, z, m in hits:
        kind = patterns[index].kind
        if any(s < z and a < e for s, e in taken) or not view.allows(kind):
            continue
        te = _build(kind, m, a, z, view, v)
        taken.append((a, z))  # an impossible date still blocks shorter readings of itself
        if te is not None:
            found.append(te)
    found.sort(key=_START)
    return found


@dataclass
class _Context:
    """What earlier sentences leave for later ones: the last full date, or a date still missing its year."""

    ref: TimeValue | None = None
    ref_partial: str | None = None  # "January 8" named last: its year is not known yet


def find_time_expressions(text: str, sentences: Iterable[Sentence]) -> list[TimeExpr]:
    """Every temporal expression in the given sentences, in reading order.

    Overlapping matches are settled by pattern order (longest, most specific
    first); impossible dates and far-future years give no expression.
    Sentences without a match change nothing and are skipped.
    """
    sents = list(sentences)
    texts = [text[s.start : s.end] for s in sents]
    doc = _Joined(texts)
    hits = _sentence_hits(doc)
    months = doc.month_sentences()
    out: list[TimeExpr] = []
    ctx = _Context()
    v = vocab()
    for i in sorted(hits):
        view = _SentenceView(texts[i], sents[i].start, None if months is None else i in months)
        found = _settle(view, hits[i], v)
        if found:
            out.extend(_in_context(found, view, ctx, v))
    return out


def _changed(te: TimeExpr, kind: str, expr: str, value: TimeValue | None, derivation: str) -> TimeExpr:
    """A copy of ``te`` with new kind, expr, value and derivation (the original stays as found: later
    expressions of the sentence are read against what was found, not what was resolved)."""
    return TimeExpr(te.start, te.end, te.text, kind, expr, value, te.n, te.mod, derivation)


def _in_context(found: list[TimeExpr], view: _SentenceView, ctx: _Context, v: _Vocab) -> list[TimeExpr]:
    """Resolve what depends on earlier dates (anaphora, "October that year", anniversaries); update ``ctx``."""
    resolved: list[TimeExpr] = []
    for te in found:
        if te.kind == "anaphoric":
            rel = v.relative[te.text.lower()]
            if ctx.ref_partial is not None and int(str(rel["offset"])) == 0 and rel["unit"] in ("day", "month"):
                part = ctx.ref_partial
                expr = part if rel["unit"] == "day" else part[:7] + ("<" if part.endswith("<") else "")
                if rel["unit"] == "day" and len(part.rstrip("<")) < 10:
                    expr = "REF"
                te = _changed(te, "date" if expr != "REF" else te.kind, expr, te.value,
                              f'"{te.text}": the date named just before')
            else:
                expr, val = _rel_expr(rel, None, ctx.ref)
                te = _changed(te, "date" if val is not None else te.kind, expr, val,
                              _ref_note(te.text, ctx.ref, val))
        elif te.kind == "month_rel":
            month = int(te.expr.split("-M")[1].split("|")[0])
            expr, val = _rel_expr(v.relative[te.expr.split("|")[1]], month, ctx.ref)
            te = _changed(te, "date", expr, val, _ref_note(te.text, ctx.ref, val))
        elif te.kind == "anniversary":
            te = _anchor_anniversary(te, found, view.text, view.base, ctx.ref, view.past)
        if te.value is not None and te.kind in ("date", "range"):
            ctx.ref, ctx.ref_partial = te.value, None
        elif te.kind == "date" and te.expr.startswith("XXXX"):
            ctx.ref_partial = te.expr
        resolved.append(te)
    return resolved


_IS_DAY = re.compile(r"^\s*,?\s*(?:is|was|marks|marked|will\s+mark|will\s+be|,\s*the)\b(?:[^,.;]*?\b(?:which|that)\s+(?:marks|marked|is|was))?\s*$", re.I)


_PAREN_FIRST = re.compile(r"^\s*\(.*?\)")
_MARKS = re.compile(r"\s*(?:is|was|marks|marked)\s+(?:the\s+)?")


def _anchor_anniversary(te: TimeExpr, found: list[TimeExpr], s_text: str, base: int,
                        ref: TimeValue | None, past: bool) -> TimeExpr:
    """Attach an anniversary to the date it is observed on.

    "June 24 is the 46th anniversary" names the anniversary day itself: the
    event keeps month and day (``ANN:46=XXXX-06-24``).  "held on October 7,
    2025 to mark the 80th anniversary" only places the anniversary in a year
    (``ANN:80@2025-10-07``).  Without a date in the sentence, past narration
    points at the last date named before (REF), else at the publication date.
    """
    dated = [t for t in found if t is not te and t.kind in ("date", "range", "relative") and t.expr != "REF"]
    before = [t for t in dated if t.end <= te.start]
    if before:
        last = before[-1]
        between = s_text[last.end - base : te.start - base]
        between = _PAREN_FIRST.sub("", between)
        if _IS_DAY.match(between) or _MARKS.fullmatch(between):
            return _changed(te, te.kind, f"ANN:{te.n}={last.expr}", te.value, f"{te.text} on {last.text}")
    if dated:
        near = min(dated, key=lambda t: abs(t.start - te.start))
        return _changed(te, te.kind, f"ANN:{te.n}@{near.expr}", te.value, f"{te.text}, observed {near.text}")
    if past and ref is not None:
        return _changed(te, te.kind, f"ANN:{te.n}@{ref.iso}", te.value,
                        f"{te.text} at the time of the last date named ({cal.describe(ref)})")
    return _changed(te, te.kind, f"ANN:{te.n}@PUB", te.value, f"{te.text} in the year of publication")


def _ref_note(raw: str, ref: TimeValue | None, val: TimeValue | None) -> str:
    if ref is None or val is None:
        return f'"{raw}" refers to an earlier date the text does not give'
    return f'"{raw}" read against the last date named before it ({cal.describe(ref)}) -> {val.iso}'


@cache
def _year_value(y: int) -> tuple[TimeValue, str]:
    """A year's value and ISO form (immutable, so shared by every mention of the year)."""
    val = cal.year(y)
    return val, val.iso


def _build(kind: str, m: re.Match[str], a: int, z: int, view: _SentenceView, v: _Vocab) -> TimeExpr | None:
    """The expression for match ``m`` at ``a:z`` in the sentence (``m`` may index a longer string)."""
    raw = m.group(0)
    start, end = view.base + a, view.base + z
    gd = m.groupdict()
    if kind in ("date", "iso", "range", "month_year"):
        got = _absolute(kind, gd)
        if got is None:
            return None
        expr, val = got
        k = "range" if kind == "range" else "date"
        return TimeExpr(start, end, raw, k, expr, val, derivation="explicit date")
    if kind == "year":
        y = int(gd["y"])
        if not (cal.MIN_YEAR <= y <= cal.MAX_YEAR):
            return None
        prev = _TOKEN.findall(view.text[max(0, a - 20) : a])
        if prev and prev[-1].lower() in v.year_blockers:
            return None
        val, iso = _year_value(y)
        return TimeExpr(start, end, raw, "date", iso, val, derivation="explicit year")
    if kind == "decade":
        y = int(gd["dec"])
        val = cal.decade(y)
        return TimeExpr(start, end, raw, "date", val.iso, val, derivation="explicit decade")
    if kind == "month_day":
        _, mo, d = _ymd(gd)
        if mo is None or d is None or not cal.valid_day(2000, mo, d):
            return None
        tense = "past" if view.past else "present"
        back = "<" if tense == "past" else ""
        return TimeExpr(start, end, raw, "date", f"XXXX-{mo:02d}-{d:02d}{back}", None, mod=tense,
                        derivation="month and day; year from the publication date")
    if kind == "last_month":  # "last August": the last August before publication
        mo = cal.month_number(raw.split()[-1])
        if mo is None:
            return None
        return TimeExpr(start, end, raw, "date", f"XXXX-{mo:02d}<", None, mod="past",
                        derivation=f'"{raw}": the last {raw.split()[-1]} before publication')
    if kind == "bare_month":
        mo = cal.month_number(raw.split()[-1].split("-")[-1])
        if mo is None:
            return None
        tense = "past" if view.past else "present"
        back = "<" if tense == "past" else ""
        return TimeExpr(start, end, raw, "date", f"XXXX-{mo:02d}{back}", None, mod=tense,
                        derivation="month alone; year from the publication date")
    if kind == "month_rel":
        mo = cal.month_number(gd["mon"] or "")
        rel = v.relative.get(gd["rel"].lower())
        if mo is None or rel is None:
            return None
        if rel["anchor"] == "REF":
            return TimeExpr(start, end, raw, "month_rel", f"REF-M{mo:02d}|{gd['rel'].lower()}")
        expr, _ = _rel_expr(rel, mo, None)
        return TimeExpr(start, end, raw, "relative", expr, None, derivation=f'"{raw}" against the publication date')
    if kind == "relative":
        rel = v.relative[gd["rel"].lower()]
        if rel["anchor"] == "REF":
            return TimeExpr(start, end, raw, "anaphoric", "REF")
        expr, _ = _rel_expr(rel, None, None)
        return TimeExpr(start, end, raw, "relative", expr, None, derivation=f'"{raw}" against the publication date')
    if kind == "ago":
        if gd.get("vs"):
            n = v.vague[gd["vs"].lower()]
            mod = v.vague_bounds.get((gd.get("vb") or "").lower(), "approx")
            return TimeExpr(start, end, raw, "elapsed", f"PUB-{n}Y", None, n=n, mod=mod,
                            derivation=f'"{raw}": about {n} years before publication')
        n = _num(gd["num"])
        if n is None or n <= 0 or n > 1000:
            return None
        unit = gd["unit"].lower().rstrip("s")
        if unit == "decade":
            n, unit = n * 10, "year"
        code = {"year": "Y", "month": "M", "day": "D"}[unit]
        return TimeExpr(start, end, raw, "elapsed", f"PUB-{n}{code}", None, n=n,
                        derivation=f'"{raw}" before publication')
    if kind == "anniversary":
        n = ordinal_value(gd["ord"])
        if n is None or n <= 0 or n > 1000:
            return None
        akind = v.anniversary_kinds[gd["akind"].lower()]
        return TimeExpr(start, end, raw, "anniversary", f"ANN:{n}@REF", None, n=n, mod=akind)
    if kind == "vague":
        n = v.vague[gd["vs"].lower()]
        mod = v.vague_bounds.get((gd.get("vb") or "").lower(), "approx")
        return TimeExpr(start, end, raw, "vague", f"DUR:{n}", None, n=n, mod=mod,
                        derivation=f'a span of {"more than " if mod == "after" else "almost " if mod == "before" else "about "}{n} years')
    return None
