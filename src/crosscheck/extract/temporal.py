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
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from crosscheck import calendar as cal
from crosscheck.records import Sentence, TimeExpr, TimeValue
from crosscheck.rules import load_yaml

M = cal.MONTH_RE
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


@cache
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


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
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
        ("range", re.compile(rf"{b}{M}\s+{DAY}{DASH}{DAY2},?\s+{YEAR}{NOT_NUM_AFTER}", re.I)),
        ("range", re.compile(rf"{b}{DAY}{DASH}{DAY2}\s+(?:of\s+)?{M},?\s+{YEAR}{NOT_NUM_AFTER}", re.I)),
        ("date", re.compile(rf"{b}{M}\s+{DAY},?\s+{YEAR}{NOT_NUM_AFTER}", re.I)),
        ("date", re.compile(rf"{b}{DAY}\s+(?:of\s+)?{M},?\s+{YEAR}{NOT_NUM_AFTER}", re.I)),
        ("iso", re.compile(rf"{b}{YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")),
        ("month_rel", re.compile(rf"{b}{M}(?:\s+of)?\s+(?P<rel>{rel})\b", re.I)),
        ("month_year", re.compile(rf"{b}{M},?\s+(?:of\s+)?{YEAR}{NOT_NUM_AFTER}", re.I)),
        ("month_day", re.compile(rf"{b}{M}\s+{DAY}(?![\d,]*\s*\d)(?!\w)", re.I)),
        ("month_day", re.compile(rf"{b}{DAY}\s+(?:of\s+)?{M}(?!\w)(?!,?\s+\d)", re.I)),
        ("decade", re.compile(rf"{b}(?:the\s+)?(?P<dec>1\d{{2}}0|20\d0)['’]?s\b", re.I)),
        ("ago", re.compile(rf"{b}(?:(?P<vb>{vbounds})\s+)?(?P<vs>{vague})\s+ago\b", re.I)),
        ("ago", re.compile(rf"{b}{number}\s+(?P<unit>years?|months?|days?|decades?)\s+ago\b", re.I)),
        ("anniversary", re.compile(rf"{b}(?:the\s+)?{ordinal}\s+(?P<akind>{ann_kind})\b", re.I)),
        ("vague", re.compile(rf"{b}(?:(?P<vb>{vbounds})\s+)?(?P<vs>{vague})\b", re.I)),
        ("relative", re.compile(rf"{b}(?P<rel>{rel})\b(?!\s+of\b)", re.I)),
        ("bare_month", re.compile(rf"\b(?:in|since|until|by|from|during|early|late|mid-|of)\s*{M}\b(?!\s+\d)(?!\s+(?:that|last|this|the\s+same)\b)", re.I)),
        ("year", re.compile(rf"{b}(?<!\d[,.\s])(?<!No\.\s)(?<!Box:\s)(?<!Box\s){YEAR}{NOT_NUM_AFTER}(?![-/]\d)(?!st|nd|rd|th)")),
    ]


def _num(text: str) -> int | None:
    v = vocab()
    t = text.lower().replace("–", "-")
    if t.isdigit():
        return int(t)
    if t in v.numbers:
        return v.numbers[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in v.numbers and parts[1] in v.numbers:
        return v.numbers[parts[0]] + v.numbers[parts[1]]
    return None


def ordinal_value(text: str) -> int | None:
    """``46th`` -> 46, ``fourth`` -> 4, ``forty-sixth`` -> 46; None for anything else."""
    v = vocab()
    t = text.lower()
    if m := re.fullmatch(r"(\d{1,3})(st|nd|rd|th)", t):
        return int(m.group(1))
    if t in v.ordinals:
        return v.ordinals[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in v.numbers and parts[1] in v.ordinals:
        return v.numbers[parts[0]] + v.ordinals[parts[1]]
    return None


def is_past(sentence: str) -> bool:
    """A rough tense test: past-tense narration resolves bare dates backwards."""
    low = sentence.lower()
    v = vocab()
    if any(re.search(rf"\b{re.escape(f)}\b", low) for f in v.future_markers):
        return False
    words = re.findall(r"[A-Za-z]+", low)
    return any(w in v.past_markers or (len(w) > 4 and w.endswith("ed")) for w in words)


def _ymd(m: re.Match[str], month_group: str | None = None) -> tuple[int | None, int | None, int | None]:
    gd = m.groupdict()
    y = int(gd["y"]) if gd.get("y") else None
    mo = None
    if gd.get("m"):
        mo = int(gd["m"])
    else:
        mt = re.search(M, m.group(0), re.I)
        mo = cal.month_number(mt.group(0)) if mt else None
    d = int(gd["d"]) if gd.get("d") else None
    return y, mo, d


def _absolute(kind: str, m: re.Match[str]) -> tuple[str, TimeValue] | None:
    """Value of an explicit date match, or None when the date is impossible."""
    y, mo, d = _ymd(m)
    if y is None or mo is None or not (cal.MIN_YEAR <= y <= cal.MAX_YEAR):
        return None
    if kind in ("date", "iso"):
        if d is None or not cal.valid_day(y, mo, d):
            return None
        v = cal.day(y, mo, d)
        return v.iso, v
    if kind == "range":
        d2 = int(m.group("d2"))
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


_MONTH_PREFIX = re.compile(r"(?i)(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_DIGIT = re.compile(r"\d")


def _gates(s: str) -> dict[str, bool]:
    """Which pattern families can match at all: a cheap necessary condition per family."""
    v = vocab()
    low = s.lower()
    mon = _MONTH_PREFIX.search(s) is not None
    dig = _DIGIT.search(s) is not None
    rel = any(r in low for r in v.relative)
    return {"range": mon and dig, "date": mon and dig, "iso": dig, "month_rel": mon and rel,
            "month_year": mon and dig, "month_day": mon and dig, "decade": dig, "ago": "ago" in low,
            "anniversary": any(k in low for k in v.anniversary_kinds), "vague": any(w in low for w in v.vague),
            "relative": rel, "bare_month": mon, "year": dig}


def find_time_expressions(text: str, sentences: Iterable[Sentence]) -> list[TimeExpr]:
    """Every temporal expression in the given sentences, in reading order.

    Overlapping matches are settled by pattern order (longest, most specific
    first); impossible dates and far-future years give no expression.
    """
    out: list[TimeExpr] = []
    ref: TimeValue | None = None
    ref_partial: str | None = None  # "January 8" named last: its year is not known yet
    v = vocab()
    for sent in sentences:
        s_text = text[sent.start : sent.end]
        taken: list[tuple[int, int]] = []
        found: list[TimeExpr] = []
        gate = _gates(s_text)
        for kind, pat in _patterns():
            if not gate[kind]:
                continue
            for m in pat.finditer(s_text):
                a, z = m.span()
                if any(a < tz and ta < z for ta, tz in taken):
                    continue
                te = _build(kind, m, sent.start, s_text, v)
                taken.append((a, z))  # an impossible date still blocks shorter readings of itself
                if te is not None:
                    found.append(te)
        found.sort(key=lambda t: t.start)
        past = bool(found) and is_past(s_text)
        resolved: list[TimeExpr] = []
        for te in found:
            if te.kind == "anaphoric":
                rel = v.relative[te.text.lower()]
                if ref_partial is not None and int(str(rel["offset"])) == 0 and rel["unit"] in ("day", "month"):
                    expr = ref_partial if rel["unit"] == "day" else ref_partial[:7] + ("<" if ref_partial.endswith("<") else "")
                    if rel["unit"] == "day" and len(ref_partial.rstrip("<")) < 10:
                        expr = "REF"
                    te = replace(te, kind="date" if expr != "REF" else te.kind, expr=expr,
                                 derivation=f'"{te.text}": the date named just before')
                else:
                    expr, val = _rel_expr(rel, None, ref)
                    te = replace(te, kind="date" if val is not None else te.kind, expr=expr, value=val,
                                 derivation=_ref_note(te.text, ref, val))
            elif te.kind == "month_rel":
                month = int(te.expr.split("-M")[1].split("|")[0])
                expr, val = _rel_expr(v.relative[te.expr.split("|")[1]], month, ref)
                te = replace(te, kind="date", expr=expr, value=val, derivation=_ref_note(te.text, ref, val))
            elif te.kind == "anniversary":
                te = _anchor_anniversary(te, found, s_text, sent.start, ref, past)
            if te.value is not None and te.kind in ("date", "range"):
                ref, ref_partial = te.value, None
            elif te.kind == "date" and te.expr.startswith("XXXX"):
                ref_partial = te.expr
            resolved.append(te)
        out.extend(resolved)
    return out


_IS_DAY = re.compile(r"^\s*,?\s*(?:is|was|marks|marked|will\s+mark|will\s+be|,\s*the)\b(?:[^,.;]*?\b(?:which|that)\s+(?:marks|marked|is|was))?\s*$", re.I)


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
        between = re.sub(r"^\s*\(.*?\)", "", between)
        if _IS_DAY.match(between.replace("the ", "", 0)) or re.fullmatch(r"\s*(?:is|was|marks|marked)\s+(?:the\s+)?", between):
            return replace(te, expr=f"ANN:{te.n}={last.expr}",
                           derivation=f'{te.text} on {last.text}')
    if dated:
        near = min(dated, key=lambda t: abs(t.start - te.start))
        return replace(te, expr=f"ANN:{te.n}@{near.expr}", derivation=f"{te.text}, observed {near.text}")
    if past and ref is not None:
        return replace(te, expr=f"ANN:{te.n}@{ref.iso}",
                       derivation=f"{te.text} at the time of the last date named ({cal.describe(ref)})")
    return replace(te, expr=f"ANN:{te.n}@PUB", derivation=f"{te.text} in the year of publication")


def _ref_note(raw: str, ref: TimeValue | None, val: TimeValue | None) -> str:
    if ref is None or val is None:
        return f'"{raw}" refers to an earlier date the text does not give'
    return f'"{raw}" read against the last date named before it ({cal.describe(ref)}) -> {val.iso}'


def _build(kind: str, m: re.Match[str], base: int, s_text: str, v: _Vocab) -> TimeExpr | None:
    a, z = m.span()
    raw = m.group(0)
    start, end = base + a, base + z
    gd = m.groupdict()
    if kind in ("date", "iso", "range", "month_year"):
        got = _absolute(kind, m)
        if got is None:
            return None
        expr, val = got
        k = "range" if kind == "range" else "date"
        return TimeExpr(start, end, raw, k, expr, val, derivation="explicit date")
    if kind == "year":
        y = int(gd["y"])
        if not (cal.MIN_YEAR <= y <= cal.MAX_YEAR):
            return None
        prev = re.findall(r"[\w.:]+", s_text[max(0, a - 20) : a])
        if prev and prev[-1].lower() in v.year_blockers:
            return None
        val = cal.year(y)
        return TimeExpr(start, end, raw, "date", val.iso, val, derivation="explicit year")
    if kind == "decade":
        y = int(gd["dec"])
        val = cal.decade(y)
        return TimeExpr(start, end, raw, "date", val.iso, val, derivation="explicit decade")
    if kind == "month_day":
        _, mo, d = _ymd(m)
        if mo is None or d is None or not cal.valid_day(2000, mo, d):
            return None
        tense = "past" if is_past(s_text) else "present"
        back = "<" if tense == "past" else ""
        return TimeExpr(start, end, raw, "date", f"XXXX-{mo:02d}-{d:02d}{back}", None, mod=tense,
                        derivation="month and day; year from the publication date")
    if kind == "bare_month":
        mo = cal.month_number(raw.split()[-1].split("-")[-1])
        if mo is None:
            return None
        tense = "past" if is_past(s_text) else "present"
        back = "<" if tense == "past" else ""
        return TimeExpr(start, end, raw, "date", f"XXXX-{mo:02d}{back}", None, mod=tense,
                        derivation="month alone; year from the publication date")
    if kind == "month_rel":
        mt = re.match(M, raw, re.I)
        mo = cal.month_number(mt.group(0)) if mt else None
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
