"""Count claims with bounds and units: "over two hundreds" delegations, "about 30 officials", "a 2,069-km border".

A number becomes a count only when a counted thing is clear; years, dates,
ordinals, elapsed times, addresses, phone numbers, URLs and definite
references ("the two countries") are not counts.  Word lists and the bound
rules (how "about" widens a number) live in ``rules/numbers.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.calendar import MAX_YEAR, MIN_YEAR, MONTH_RE
from crosscheck.extract.roles import check_rule_shape
from crosscheck.rules import load_yaml, rules_cached

Span = tuple[int, int]


@dataclass
class CountExpr:
    """One count as written: the interval its bound allows and what it counts."""

    span: Span  # bound word + number + unit
    text: str
    low: float
    high: float | None  # None: open-ended ("over 200")
    bounds: str  # over | at_least | about | nearly | at_most | under | exactly
    number_text: str  # the number as written ("two hundreds", "2,069")
    unit: str | None  # canonical unit (km, m, percent, ...) or None
    thing: str  # normalised counted noun phrase ("delegations", "treaties and agreements")
    thing_span: Span


@dataclass(frozen=True)
class _Rules:
    words: dict[str, float]
    scales: dict[str, float]
    needs_scale: frozenset[str]
    vague: dict[str, float]
    approx: float
    bounds_re: re.Pattern[str]
    bounds: dict[str, str]
    unit_re: re.Pattern[str]
    units: dict[str, str]
    time_units: frozenset[str]
    not_counted: frozenset[str]
    not_after: frozenset[str]
    stop: frozenset[str]
    definite: frozenset[str]
    thing_before_re: re.Pattern[str]
    clock: frozenset[str]
    word_num_re: re.Pattern[str]
    digit_re: re.Pattern[str]  # numerals: "2,069", "2 750" (before a unit), "1.5", with a scale word


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _low(items: list[object] | None) -> frozenset[str]:
    return frozenset(str(x).lower() for x in (items or []))


_SHAPE: dict[str, type] = {
    "units_words": dict, "tens_words": dict, "scale_words": dict, "needs_scale": list, "vague_plurals": dict,
    "bounds": dict, "units": dict, "time_units": list, "not_counted": list, "not_count_after": list,
    "thing_stopwords": list, "definite_before": list, "thing_before": list, "clock_words": list,
}  # fmt: skip
@rules_cached("numbers.yaml")
def _rules() -> _Rules:
    """Built once per set of loaded rule files (rebuilt after ``set_user_dirs``)."""
    return _build_rules()


def _build_rules() -> _Rules:
    y = check_rule_shape(load_yaml("numbers.yaml"), "numbers.yaml", _SHAPE)
    words = {
        str(k).lower(): float(v) for k, v in {**y.get("units_words", {}), **y.get("tens_words", {})}.items()
    }
    scales = {str(k).lower(): float(v) for k, v in (y.get("scale_words") or {}).items()}
    scales.update({k + "s": v for k, v in list(scales.items())})
    bounds = {re.sub(r"\s+", " ", str(k).lower()): str(v) for k, v in (y.get("bounds") or {}).items()}
    units = {str(k).lower(): str(v) for k, v in (y.get("units") or {}).items()}
    vague = {str(k).lower(): float(v) for k, v in (y.get("vague_plurals") or {}).items()}
    tokens = _alt(list(words) + list(scales))
    return _Rules(
        words=words,
        scales=scales,
        needs_scale=_low(y.get("needs_scale")),
        vague=vague,
        approx=float(y.get("approx", 0.1)),
        bounds_re=re.compile(rf"(?:^|(?<=\W))({_alt(list(bounds))})\s+$", re.I),
        bounds=bounds,
        unit_re=re.compile(rf"[\s\-]?({_alt(list(units))})(?![^\W\d_])", re.I),
        units=units,
        time_units=_low(y.get("time_units")),
        not_counted=_low(y.get("not_counted")),
        not_after=_low(y.get("not_count_after")),
        stop=_low(y.get("thing_stopwords")),
        definite=_low(y.get("definite_before")),
        thing_before_re=re.compile(rf"\b(?:{_alt([str(t) for t in y.get('thing_before', [])])})\s+", re.I),
        clock=_low(y.get("clock_words")),
        digit_re=re.compile(
            r"(?<![\w.,/:@#+\-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0]\d{3})+(?=\s?[^\W\d_%])"
            rf"|\d+(?:\.\d+)?)(?:\s+({_alt([k for k in scales if scales[k] >= 1000])})\b)?",
            re.I,
        ),
        word_num_re=re.compile(rf"\b(?:{tokens})(?:(?:\s+|-|\s+and\s+)(?:{tokens}))*\b", re.I),
    )


@dataclass
class _Num:
    start: int
    end: int
    value: float
    text: str
    is_year_like: bool = False
    vague: bool = False


def _word_value(phrase: str) -> float | None:
    r = _rules()
    toks = [t for t in re.split(r"[\s\-]+", phrase.lower()) if t and t != "and"]
    if not toks or (toks[0] in r.needs_scale and (len(toks) < 2 or toks[1] not in r.scales)):
        return None
    if len(toks) == 1 and toks[0] in r.vague:  # "hundreds of": vague, read by _numbers
        return None
    total, current = 0.0, 0.0
    for t in toks:
        if t in r.scales:
            scale = r.scales[t]
            if scale < 1000:
                current = max(current, 1.0) * scale
            else:
                total += max(current, 1.0) * scale
                current = 0.0
        else:
            current += r.words.get(t, 0.0)
    return total + current


def _numbers(text: str, start: int, end: int) -> list[_Num]:
    r = _rules()
    out: list[_Num] = []
    for m in r.digit_re.finditer(text, start, end):
        raw = m.group(1)
        value = float(re.sub(r"[,\s\u00a0]", "", raw))
        if m.group(2):
            value *= r.scales[m.group(2).lower()]
        year_like = bool(re.fullmatch(r"\d{4}", raw)) and MIN_YEAR <= value <= MAX_YEAR and not m.group(2)
        out.append(_Num(m.start(), m.end(), value, m.group(0), is_year_like=year_like))
    for m in r.word_num_re.finditer(text, start, end):
        v = _word_value(m.group(0))
        if v is not None and v > 0:
            out.append(_Num(m.start(), m.end(), v, m.group(0)))
    for m in re.finditer(rf"\b({_alt(list(r.vague))})\s+of\s+", text[start:end], re.I):
        s = start + m.start(1)
        if not any(n.start <= s < n.end for n in out):
            out.append(_Num(s, start + m.end(1), r.vague[m.group(1).lower()], m.group(1), vague=True))
    return sorted(out, key=lambda n: n.start)


def _token_around(text: str, start: int, end: int) -> str:
    s, e = start, end
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return text[s:e]


def _is_furniture_number(text: str, n: _Num, lo: int) -> bool:
    """Addresses, boxes, phones, URLs, dates, ordinals, clock times: never counts."""
    r = _rules()
    tok = _token_around(text, n.start, n.end)
    if re.search(r"@|://|www\.|\.(?:com|org|net|la|kp|vn|gov)\b", tok, re.I):
        return True
    after = text[n.end : n.end + 12]
    if re.match(r"(?:st|nd|rd|th)\b|[-–/:.]\d|\)", after, re.I):
        return True
    if n.start > lo and text[n.start - 1] in "-–(/":
        return True
    before = text[max(lo, n.start - 60) : n.start]  # the words just before it (a whole long sentence made this quadratic)
    prev = re.search(r"(\S+)\s*$", before)
    if prev:
        pw = prev.group(1).lower()
        if re.search(r"\d", pw) or pw.strip(":.#") in r.not_after or pw.rstrip(":#") in r.not_after:
            return True
    if re.search(rf"{MONTH_RE}\s*$", before, re.I) and not n.vague:
        return True
    if re.match(rf"\s*(?:of\s+)?{MONTH_RE}\b", after + text[n.end + 12 : n.end + 24], re.I):
        return True
    nxt = re.match(r"\s*([\w.'’]+)", text[n.end : n.end + 20])
    return bool(nxt and nxt.group(1).lower() in r.clock)


def _plural(word: str) -> bool:
    """A plural noun usually ends the counted phrase ("delegations came" -> "delegations")."""
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))


_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’\-]*)")


def _thing_after(text: str, pos: int, end: int) -> tuple[str, Span] | None:
    """The counted noun phrase right after ``pos``: up to four words, "and" only between nouns."""
    r = _rules()
    words: list[re.Match[str]] = []
    m = _NEXT_WORD.match(text, pos, end)
    while m is not None and len(words) < 4:
        w = m.group(1).lower()
        verbish = bool(words) and re.search(r"(?:ed|ing)$", w) is not None
        after_plural = bool(words) and w != "and" and _plural(words[-1].group(1))
        if w in r.stop or w in r.words or w in r.scales or w.endswith("ly") or verbish or after_plural:
            nxt = _NEXT_WORD.match(text, m.end(), end)
            if not (w == "and" and words and nxt and nxt.group(1).lower() not in r.stop):
                break
        words.append(m)
        m = _NEXT_WORD.match(text, m.end(), end)
    while words and words[-1].group(1).lower() == "and":
        words.pop()
    if not words:
        return None
    s, e = words[0].start(1), words[-1].end(1)
    return re.sub(r"\s+", " ", text[s:e].lower().replace("’", "'")), (s, e)


_DEMONYM = re.compile(r"\s+((?:North |South )?[A-Z][a-z]+)(?=\s+[a-z])")


def demonyms() -> dict[str, str]:
    """Nationality adjective -> country (rules/places.yaml ``demonyms``)."""
    data = load_yaml("places.yaml") or {}
    return {str(k): str(v) for k, v in (data.get("demonyms") or {}).items()}


def _thing_before(text: str, start: int, pos: int) -> tuple[str, Span] | None:
    r = _rules()
    found = None
    for m in r.thing_before_re.finditer(text, max(start, pos - 300), pos):  # the figure's own stretch of text
        found = m
    if found is None:
        return None
    return _thing_after(text, found.end() - 1, pos)


def find_counts(text: str, start: int, end: int) -> list[CountExpr]:
    """Count expressions in the sentence ``text[start:end]`` with their bound interval and counted thing."""
    r = _rules()
    out: list[CountExpr] = []
    for n in _numbers(text, start, end):
        if _is_furniture_number(text, n, start):
            continue
        window = max(start, n.start - 60)  # the words just before the number (a long sentence made this quadratic)
        before = text[window : n.start]
        bm = r.bounds_re.search(before)
        bound = (
            r.bounds[re.sub(r"\s+", " ", bm.group(1).lower())]
            if bm
            else ("at_least" if n.vague else "exactly")
        )
        if n.is_year_like and not bm:
            continue
        pos = n.end
        unit = None
        um = r.unit_re.match(text, pos, end)
        if um and not n.vague:
            unit = r.units[re.sub(r"\s+", " ", um.group(1).lower())]
            pos = um.end()
        if n.vague:
            of = re.compile(r"\s+of", re.I).match(text, pos, end)
            pos = of.end() if of else pos
        of = re.compile(r"\s+of\b", re.I).match(text, pos, end) if unit == "percent" else None
        at = of.end() if of else pos
        dm = _DEMONYM.match(text, at, end) if demonyms() else None
        if dm and dm.group(1) in demonyms():  # "1,000 Cuban engineers": engineers, of Cuba
            at = dm.end()
        thing = _thing_after(text, at, end)
        if thing is not None and text[thing[1][0]].isupper() and not unit:
            continue  # "45 Main Street", "Resolution 2397 Committee": a name, not a counted thing
        if thing is None and unit is None:
            thing = _thing_before(text, start, n.start)
        if thing is None:
            continue
        head = thing[0].split()[0]
        if head in r.time_units or head in r.clock:
            continue
        prev = re.search(r"(\S+)\s*$", before)
        if not bm and (head in r.not_counted or (prev is not None and prev.group(1).lower() in r.definite)):
            continue
        low, high = _interval(n.value, bound, r.approx)
        s = window + bm.start(1) if bm else n.start
        out.append(CountExpr((s, pos), text[s:pos], low, high, bound, n.text, unit, thing[0], thing[1]))
    return out


def _interval(v: float, bound: str, approx: float) -> tuple[float, float | None]:
    """The values a bound allows, read generously (closed intervals), per rules/numbers.yaml."""
    if bound in ("over", "at_least"):
        return v, None
    if bound == "about":
        return v * (1 - approx), v * (1 + approx)
    if bound == "nearly":
        return v * (1 - approx), v
    if bound in ("at_most", "under"):
        return 0.0, v
    return v, v


def numbers_in(text: str, start: int, end: int) -> list[tuple[int, int, float, str, bool]]:
    """Numbers in text[start:end] that are not page furniture: (start, end, value, as written, year-like)."""
    return [(n.start, n.end, n.value, n.text, n.is_year_like) for n in _numbers(text, start, end)
            if not n.vague and not _is_furniture_number(text, n, start)]


def bound_before(text: str, start: int, pos: int) -> tuple[str, int] | None:
    """The bound word ending at ``pos`` ("more than", "about") as (bound, its start), or None."""
    r = _rules()
    lo = max(start, pos - 60)
    bm = r.bounds_re.search(text[lo:pos])
    return (r.bounds[re.sub(r"\s+", " ", bm.group(1).lower())], lo + bm.start(1)) if bm else None


def bound_interval(value: float, bound: str) -> tuple[float, float | None]:
    """The values ``bound`` allows around ``value`` (numbers.yaml's approximation)."""
    return _interval(value, bound, _rules().approx)
