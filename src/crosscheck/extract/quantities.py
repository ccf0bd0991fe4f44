"""Quantities compared by what they measure: "1,149 metres long", "killing 1,514 people", "£4.2 million".

A figure becomes a quantity claim only when a cue of ``rules/quantities.yaml``
names its attribute (length, deaths, cost, top speed, ...).  Values are kept
in the attribute's base unit (metres, knots, days; money in its currency) as
an interval: the bound written before it ("more than", "about") and the
rounding the written figure allows ("882 feet" is 881.5-882.5 ft; "1,500
died" 1,450-1,550) both widen it, so the same figure in other units or
rounded never conflicts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from crosscheck.extract.counts import bound_before, bound_interval, numbers_in
from crosscheck.lexicon.predicates import predicate_lexicon
from crosscheck.lexicon.quantities import Attribute, QuantityLexicon, Unit, quantity_lexicon

Span = tuple[int, int]
_INCHES = re.compile(r"^\s*(\d{1,2})\s*in\b")
_RESTATED = re.compile(r"\s*[(/]\s*(?:(?:about|approximately|around|some|or|c\.|ca\.)\s+)*", re.I)
_PARTITIVE = re.compile(r"\b(?:of|among)\s+(?:the|these|those|her|his|its|their)\s+(?:[\w-]+\s+){0,3}?([a-z]+s)\b"
                        r"[^.;]{0,40}$", re.I)
_COMPOUND = re.compile(r"\s*(?:high|long|wide|tall|deep)?\s*([a-z]+)\b")
_NOUN_SUBJECT = re.compile(r"\b(?!(?:would|will|could|should|might|must|can|may|did|does|had|has|have)\b)([a-z]{3,})\s+(?:is|are|was|were|stand|stands|stood|cost|costs|measure|measures|measured)\s+"
                           r"(?:(?:about|around|some|only|just|nearly|almost|over)\s+)?$")
_SCALE_SUFFIX = re.compile(r"\s?(m|bn|b|k)\b(?!\s*(?:long|high|tall|wide|deep))")
_SCALE_AFTER_CURRENCY_WORD = re.compile(r"^\s+(million|billion)\b", re.I)


@dataclass(frozen=True)
class QuantityExpr:
    span: Span  # bound + currency + figure + unit (+ cue words after)
    number_span: Span
    text: str
    attribute: str
    label: str
    value: float  # in the base unit
    low: float
    high: float | None  # None: open-ended ("more than 1,500")
    bounds: str
    unit: str  # base unit (m, kn, d), currency code, or "" for a count
    qualifier: str | None  # "today", "estimate": compared only with its kind
    cue: Span
    written_unit: str = ""  # the unit as the text wrote it ("ft"): figures converted from others get slack
    timed: bool = False  # the attribute changes with time (an age)


def _rounding(written: str) -> float:
    """Half the last written digit's place: "882" 0.5, "269.1" 0.05, "1,500" 50, "7.5 million" 50,000."""
    digits = re.sub(r"[^\d.]", "", written.split()[0]) if written.split() else ""
    if not digits or not digits[0].isdigit():
        return 0.5
    scale = 1.0
    low = written.lower()
    for word, factor in (("billion", 1e9), ("million", 1e6), ("thousand", 1e3)):
        if word in low:
            scale = factor
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10 ** zeros * scale if zeros >= 2 or scale > 1 else (0.5 * 10 ** zeros if zeros else 0.5) * scale


def _qualifier(lex: QuantityLexicon, text: str, a: int, z: int) -> str | None:
    """ "about $160 million today", "an estimated cost of": the figure's own phrase, up to the next break."""
    head = text[max(0, a - 40) : a]
    head = head[max(head.rfind(","), head.rfind("("), head.rfind(";")) + 1 :]
    tail = re.split(r"[,;()]|\bwhich\b", text[z : z + 60], maxsplit=1)[0]
    window = head + text[a:z] + tail
    for name, rx in lex.qualifiers:
        if rx.search(window):
            return name
    return None


def _estimate(lex: QuantityLexicon, text: str, a: int, z: int) -> bool:
    """A planned or supposed figure ("estimated in 1878 that a bridge would cost ..."); the estimate of an
    earlier figure in the sentence ("estimated at $385 million, with the dam itself costing") is not this one's."""
    a = max(a, *(text.rfind(c, a, z) + 1 for c in ",;("))
    return any(name == "estimate" and rx.search(text, a, z) for name, rx in lex.qualifiers)


def _attribute(lex: QuantityLexicon, text: str, lo: int, a: int, after: str, dimension: str,
               unit_end_text: str, z: int) -> tuple[Attribute, tuple[int, int]] | None:
    """The attribute a cue around the figure names (whose dimension fits the figure), and the cue's span."""
    before = text[max(lo, a - 80) : a]
    base = a - len(before)
    fitting = [att for att in lex.attributes
               if att.dimension == dimension or (att.default_unit and dimension == "count")]
    for att in fitting:  # what follows the figure says most ("160 feet across", "8 years to complete")
        if att.after_unit is not None and dimension != "count" and (m := att.after_unit.search(unit_end_text)):
            return att, (z + m.start(), z + m.end())
        if att.after is not None and (dimension == "count" or att.default_unit) and (m := att.after.search(after)):
            return att, (z + m.start(), z + m.end())
    for att in fitting:  # then a cue before it ("killing 1,514 people", "the deaths of 96 workers")
        if att.before is not None and (m := att.before.search(before)):
            if (att.nouns_with_before is not None and not att.nouns_with_before.search(after)
                    and not set(re.findall(r"[a-z]+", m.group(0).lower())) & att.noun_words):  # "Capacity: Passengers:"
                continue
            return att, (base + m.start(), base + m.end())
    for att in fitting:  # last the counted noun alone ("1,400 labourers")
        if dimension == "count" and not att.default_unit and att.nouns is not None and (m := att.nouns.search(after)):
            return att, (z + m.start(), z + m.end())
    return None


def _part(lex: QuantityLexicon, text: str, lo: int, s: int, z: int, heads: frozenset[str],
          hyphenated: bool, cue: Span) -> str | None:
    """The common noun a figure is about when it is not the whole thing: "the 89-metre high structures",
    "First Class suites cost £870"."""
    compound = _COMPOUND.match(text, z) if hyphenated else None
    if compound is not None:
        noun = compound.group(1).lower()
    else:
        m = _NOUN_SUBJECT.search(text, max(lo, s - 40), s)
        # the attribute's own word ("its top speed was") is not a part
        noun = m.group(1).lower() if m is not None and not cue[0] <= m.start(1) < cue[1] else None
    if noun is None or noun in lex.whole_words or noun.rstrip("s") in heads or noun in heads:
        return None
    return noun


def find_quantities(text: str, start: int, end: int) -> list[QuantityExpr]:
    """Attribute quantities in the sentence text[start:end]."""
    lex = quantity_lexicon()
    heads = predicate_lexicon().thing_heads
    out: list[QuantityExpr] = []
    for a, z, value, written, year_like in numbers_in(text, start, end):
        pre = a
        currency = None
        cm = lex.currency_before_re.search(text, max(start, a - 4), a)
        if cm is not None:
            currency, pre = lex.currencies[cm.group(1)], cm.start()
        if currency is not None and (sfx := _SCALE_SUFFIX.match(text, z, end)):  # "$500m", "£6.25bn"
            value *= {"m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}[sfx.group(1)]
            written += {"m": " million", "bn": " billion", "b": " billion", "k": " thousand"}[sfx.group(1)]
            z = sfx.end()
        rest = text[z:end]
        unit: Unit | None = None
        unit_end = z
        hyphenated = False
        written_unit = ""
        if currency is None:
            um = lex.unit_re.match(rest)
            if um is not None:
                unit = lex.units[re.sub(r"\s+", " ", um.group(1).lower())]
                unit_end = z + um.end()
                hyphenated = um.group(0).startswith("-")  # "the 89-metre high structures"
                written_unit = f"{unit.base}*{unit.factor:g}"  # metres and meters are one written unit
                if unit.base == "m" and um.group(1).lower() in ("ft", "feet", "foot"):
                    inch = _INCHES.match(text[unit_end:end])  # "34 ft 7 in"
                    if inch is not None:
                        value += int(inch.group(1)) / 12
                        unit_end += inch.end()
            cw = lex.currency_after_re.match(rest) or (
                (sm := _SCALE_AFTER_CURRENCY_WORD.match(rest)) and lex.currency_after_re.match(rest[sm.end():]))
            if cw and unit is None:
                currency = lex.currencies[cw.group(1).lower()]
        if year_like and unit is None and currency is None:
            continue
        dimension = "money" if currency else (unit.dimension if unit else "count")
        found = _attribute(lex, text, start, pre, text[unit_end:end], dimension, text[unit_end:end], unit_end)
        if found is None and out and _RESTATED.fullmatch(text[out[-1].span[1] : pre]):
            # "1,149 metres (3,770 feet)", "$7.5 million (about $160 million today)": the same attribute again
            found = next(((att, out[-1].cue) for att in lex.attributes if att.name == out[-1].attribute), None)
        if found is None:
            continue
        att, cue = found
        if unit is None and att.default_unit:
            unit = lex.units.get(att.default_unit)
        bound = bound_before(text, start, pre)
        kind = bound[0] if bound else "exactly"
        factor = unit.factor if unit else 1.0
        low, high = bound_interval(value, kind)
        if kind == "exactly":
            # "503 metres" is 502.5-503.5 (a hair less, so that 503 and 504 do not touch)
            r = _rounding(written) if (dimension != "count" or re.search(r"0{2,}$", written.replace(",", ""))) else 0
            low, high = value - r * 0.98, value + r * 0.98
        s = bound[1] if bound else pre
        qualifier = _qualifier(lex, text, s, unit_end) if dimension == "money" else None
        if qualifier is not None:
            pass
        elif _estimate(lex, text, max(start, s - 60), s):
            qualifier = "estimate"  # "a harbour bridge would cost £1.2 million"
        elif dimension == "count" and (part := _PARTITIVE.search(text, max(start, s - 80), s)):
            qualifier = f"of {part.group(1).lower()}"  # "Of the eight officers, four lost their lives": a part
        elif (noun := _part(lex, text, start, s, unit_end, heads, hyphenated, cue)) is not None:
            qualifier = noun
        out.append(QuantityExpr(
            span=(min(s, cue[0]), max(unit_end, cue[1])), number_span=(a, z), text=text[s:unit_end], attribute=att.name,
            label=att.label, value=value * factor, low=low * factor,
            high=None if high is None or math.isinf(high) else high * factor, bounds=kind,
            unit=currency or (unit.base if unit else ""), qualifier=qualifier, cue=cue,
            written_unit=written_unit, timed=att.timed,
        ))
    return out
