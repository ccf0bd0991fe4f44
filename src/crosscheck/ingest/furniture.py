"""Page furniture: menus, teaser lists, banners, credits and footers that are not the article.

Every rule is data in ``rules/furniture.yaml``; this module only knows the
shapes of rule (a line pattern, a section heading, a navigation line, a dated
teaser list, a caption above a credit, a paragraph in another language).  What
is found is kept in the text and recorded as ``SetAside`` spans, so the report
can show what was left out and why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from crosscheck.ingest import language as lang
from crosscheck.ingest.dates import parse_date
from crosscheck.ingest.lines import Line, blocks, paragraphs, split_lines
from crosscheck.ingest.rulecache import rule_error, rule_list, rules_cached
from crosscheck.ingest.spans import Coverage, normalize_spans
from crosscheck.records import SetAside, TimeValue
from crosscheck.rules import load_yaml

RULES_FILE = "furniture.yaml"


@dataclass(frozen=True)
class LineRule:
    id: str
    reason: str
    scope: str  # line | block | to_end
    max_chars: int
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, text: str) -> bool:
        return len(text) <= self.max_chars and any(p.search(text) for p in self.patterns)


@dataclass(frozen=True)
class Named:
    """A rule of a fixed shape: its id, reason and settings."""

    id: str
    reason: str
    settings: dict[str, Any]

    def number(self, key: str, default: float) -> float:
        value = self.settings.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise rule_error(RULES_FILE, "expected a number", field=f"{self.id}.{key}")
        return value


@dataclass(frozen=True)
class FurnitureRules:
    lines: tuple[LineRule, ...]
    headings: tuple[re.Pattern[str], ...]
    sections: Named
    address: Named
    address_words: frozenset[str]
    link_bar: Named
    navigation: Named
    nav_words: frozenset[str]
    caption: Named
    dated_teasers: Named
    other_language: Named
    guards: Named


@dataclass
class Furniture:
    """What ``find_furniture`` found: the spans, and the article language it judged by."""

    set_aside: list[SetAside]
    language: str | None


_SCOPES = ("line", "block", "to_end")


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise rule_error(RULES_FILE, f"bad pattern {pattern!r}: {exc}", field=where) from exc


def _named(data: dict[str, Any], key: str) -> Named:
    section = data.get(key) or {}
    if not isinstance(section, dict):
        raise rule_error(RULES_FILE, "expected a mapping", field=key)
    return Named(str(section.get("id", key)), str(section.get("reason", key)), section)


def _words(named: Named) -> frozenset[str]:
    words = named.settings.get("words") or []
    if not isinstance(words, list):
        raise rule_error(RULES_FILE, "expected a list of words", field=f"{named.id}.words")
    return frozenset(str(w).lower() for w in words)


@rules_cached(RULES_FILE)
def load_rules() -> FurnitureRules:
    """The furniture rules, compiled once per process."""
    data = load_yaml(RULES_FILE) or {}
    if not isinstance(data, dict):
        raise rule_error(RULES_FILE, "expected a mapping at the top")
    line_rules = []
    for i, rule in enumerate(rule_list(RULES_FILE, data, "lines")):
        where = f"lines[{i}]"
        if rule.get("scope", "line") not in _SCOPES:
            raise rule_error(RULES_FILE, f"scope must be one of {', '.join(_SCOPES)}", field=f"{where}.scope")
        line_rules.append(
            LineRule(
                id=str(rule["id"]),
                reason=str(rule.get("reason", rule["id"])),
                scope=str(rule.get("scope", "line")),
                max_chars=int(Named(where, "", rule).number("max_chars", 200)),
                patterns=tuple(_compile(p, where) for p in rule.get("patterns") or []),
            )
        )
    sections = _named(data, "sections")
    headings = tuple(
        _compile(rf"^(?:{h})$", "sections.headings")
        for h in sections.settings.get("headings") or []
        if str(h)
    )
    address, navigation = _named(data, "address"), _named(data, "navigation")
    return FurnitureRules(
        lines=tuple(line_rules),
        headings=headings,
        sections=sections,
        address=address,
        address_words=_words(address),
        link_bar=_named(data, "link_bar"),
        navigation=navigation,
        nav_words=_words(navigation),
        caption=_named(data, "caption"),
        dated_teasers=_named(data, "dated_teasers"),
        other_language=_named(data, "other_language"),
        guards=_named(data, "guards"),
    )


# ------------------------------------------------------------------ the shapes

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
_HEADING_TRAIL = re.compile(r"[\s:»›>→.…]+$")


def is_nav_line(text: str, rules: FurnitureRules) -> bool:
    """A short line of capitalised words most of which are menu words ("Home Lao Chinese")."""
    nav = rules.navigation
    tokens = _TOKEN.findall(text)
    if not 2 <= len(tokens) <= nav.number("max_tokens", 8) or re.search(r"[.!?,;:]$", text):
        return False
    if any(t[0].isalpha() and t[0].islower() for t in tokens):
        return False
    known = sum(1 for t in tokens if t.lower() in rules.nav_words)
    return known >= 1 and known / len(tokens) >= nav.number("min_ratio", 0.75)


def is_link_bar(text: str, rules: FurnitureRules) -> bool:
    """Several short segments joined by separators: a menu or link bar."""
    bar = rules.link_bar
    for sep in bar.settings.get("separators") or []:
        parts = [p.strip() for p in text.split(str(sep))]
        if len(parts) >= bar.number("min_segments", 3) and all(
            p and len(p.split()) <= bar.number("max_segment_words", 5) for p in parts
        ):
            return True
    return False


def is_address(text: str, rules: FurnitureRules) -> bool:
    """A short line naming address parts with a number beside one of them ("Unit 32, ... District")."""
    addr = rules.address
    if len(text) > addr.number("max_chars", 200) or "," not in text or text.endswith("."):
        return False
    words = re.findall(r"[^\W\d_]+|\d+", text.lower())
    hits = [i for i, w in enumerate(words) if w in rules.address_words]
    if len(hits) < addr.number("min_words", 2):
        return False
    return any(
        (i > 0 and words[i - 1].isdigit()) or (i + 1 < len(words) and words[i + 1].isdigit()) for i in hits
    )


def is_section_heading(text: str, rules: FurnitureRules) -> bool:
    if len(text) > rules.sections.number("max_chars", 60):
        return False
    bare = _HEADING_TRAIL.sub("", text)
    return any(p.match(bare) for p in rules.headings)


# ------------------------------------------------------------------- the finder


class _Collector:
    """Spans found so far, with a per-character mask for a fast 'is this already furniture' test."""

    def __init__(self, text: str, base: Sequence[SetAside]) -> None:
        self.spans: list[SetAside] = []
        self.mask = bytearray(len(text))
        for s in base:
            self.add(s.start, s.end, s.reason, s.rule)

    def add(self, start: int, end: int, reason: str, rule: str) -> None:
        start, end = max(start, 0), min(end, len(self.mask))
        if end > start:
            self.spans.append(SetAside(start, end, reason, rule))
            self.mask[start:end] = b"\x01" * (end - start)

    def covers(self, start: int, end: int) -> bool:
        return start < end and self.mask.find(0, start, end) == -1

    def covered(self, line: Line) -> bool:
        return self.covers(line.start, line.end)


def _line_rules(text: str, lines: list[Line], rules: FurnitureRules, found: _Collector) -> set[int]:
    """Pattern rules, link bars, addresses and section headings; returns the image-credit line indexes."""
    block_of: dict[int, tuple[int, int]] = {}
    for block in blocks(lines):
        for line in block:
            block_of[line.index] = (block[0].start, block[-1].end)
    min_before = rules.guards.number("min_text_before", 200)
    max_block = rules.guards.number("max_block_chars", 1200)
    credits: set[int] = set()
    article_chars = 0  # article text seen so far: to_end rules need some before them
    for line in lines:
        if line.blank or found.covered(line):
            continue
        end = len(text) if article_chars >= min_before else line.end
        if is_section_heading(line.text, rules):
            found.add(line.start, end, rules.sections.reason, rules.sections.id)
            continue
        for rule in rules.lines:
            if rule.matches(line.text):
                if rule.scope == "to_end":
                    found.add(line.start, end, rule.reason, rule.id)
                elif rule.scope == "block" and block_of[line.index][1] - block_of[line.index][0] <= max_block:
                    found.add(*block_of[line.index], rule.reason, rule.id)
                else:
                    found.add(line.start, line.end, rule.reason, rule.id)
                if rule.id == "image-credit":
                    credits.add(line.index)
                break
        else:
            if is_link_bar(line.text, rules):
                found.add(line.start, line.end, rules.link_bar.reason, rules.link_bar.id)
            elif is_address(line.text, rules):
                found.add(line.start, line.end, rules.address.reason, rules.address.id)
            else:
                article_chars += len(line.text)
    return credits


def _navigation(lines: list[Line], rules: FurnitureRules, found: _Collector) -> None:
    seen = 0
    for line in lines:
        if line.blank or found.covered(line):
            continue
        if seen >= rules.navigation.number("top_lines", 3) or not is_nav_line(line.text, rules):
            return
        found.add(line.start, line.end, rules.navigation.reason, rules.navigation.id)
        seen += 1


def _captions(lines: list[Line], credits: set[int], rules: FurnitureRules, found: _Collector) -> None:
    cap = rules.caption
    for i in sorted(credits):
        if i == 0:
            continue
        above = lines[i - 1]
        if not above.blank and not found.covered(above) and len(above.text) <= cap.number("max_chars", 300):
            found.add(above.start, above.end, cap.reason, cap.id)


def _dated_teasers(lines: list[Line], rules: FurnitureRules, found: _Collector) -> None:
    """Runs of lines holding only a date, close together in the text and in time: a teaser list."""
    rule = rules.dated_teasers
    filled = [line for line in lines if not line.blank]
    dated = [(k, v) for k, line in enumerate(filled) if (v := parse_date(line.text)) is not None]
    runs: list[list[tuple[int, TimeValue]]] = []
    for k, v in dated:
        if runs and k - runs[-1][-1][0] - 1 <= rule.number("max_gap", 3):
            runs[-1].append((k, v))
        else:
            runs.append([(k, v)])
    spread = rule.number("max_spread_days", 90)
    for run in runs:
        if len(run) < rule.number("min_dates", 3):
            continue
        if (max(v.end for _, v in run) - min(v.start for _, v in run)).days > spread:
            continue
        first, last = max(run[0][0] - 1, 0), min(run[-1][0] + 1, len(filled) - 1)
        found.add(filled[first].start, filled[last].end, rule.reason, rule.id)


def _other_language(
    text: str, lines: list[Line], article: str | None, rules: FurnitureRules, found: _Collector
) -> None:
    rule = rules.other_language
    if article is None:
        return
    for start, end in paragraphs(lines):
        if found.covers(start, end):
            continue
        s = lang.score(text[start:end])
        other = s.best()
        if other is None or other == article or s.words < rule.number("min_words", 6):
            continue
        ratio = rule.number("min_ratio", 3.0)
        if s.get(other) >= rule.number("min_hits", 4) and s.get(other) >= ratio * (s.get(article) + 1):
            found.add(start, end, rule.reason.replace("{lang}", other), rule.id)


def _outside(text: str, spans: Sequence[SetAside]) -> str:
    """The text outside the set-aside stretches."""
    return "\n".join(text[a:b] for a, b in Coverage(spans).free_pieces(0, len(text)))


def find_furniture(text: str, base: Sequence[SetAside] = (), language: str | None = None) -> Furniture:
    """Set-aside spans of ``text`` (including ``base``, e.g. front matter) and the article language.

    The article language is detected from the text that is not furniture
    (metadata ``language`` is often a site-wide default); ``language`` is used
    only when the text has too few stopwords to tell.
    """
    rules = load_rules()
    lines = split_lines(text)
    found = _Collector(text, base)
    _navigation(lines, rules, found)
    credits = _line_rules(text, lines, rules, found)
    _captions(lines, credits, rules, found)
    _dated_teasers(lines, rules, found)
    # the text decides the article language; metadata only when the text is too short to tell
    article = lang.detect(_outside(text, found.spans)) or (language or "").split("-")[0].lower() or None
    _other_language(text, lines, article, rules, found)
    return Furniture(normalize_spans(text, found.spans), article)
