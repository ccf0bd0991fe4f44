"""Publication date stated in the article text (datelines, bylines, update labels) and the title line.

Patterns are data (rules/datelines.yaml).  Only text outside page furniture
is read: the dates of other articles in a teaser list must never date this one.
Nothing is guessed; without a stated date the caller leaves the date unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.ingest.dates import date_pattern, parse_date, value_of
from crosscheck.ingest.lines import Line, split_lines
from crosscheck.ingest.rulecache import rule_error, rule_list, rules_cached
from crosscheck.ingest.spans import Coverage
from crosscheck.records import SetAside, TimeValue
from crosscheck.rules import load_yaml

RULES_FILE = "datelines.yaml"
_HEADLINE_MAX_WORDS = 20
_NOT_TITLE = re.compile(r"^(?:by|von|par|por)\s", re.IGNORECASE)  # a byline is not a headline


@dataclass(frozen=True)
class DatelineRule:
    id: str
    reason: str
    where: str  # any | top | end
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class StatedDate:
    """A publication date written in the text, with the line that states it."""

    value: TimeValue
    evidence: str  # the stripped line quoted
    start: int
    end: int
    rule: str


_WHERE = ("any", "top", "end")


@rules_cached(RULES_FILE)
def _rules() -> tuple[int, tuple[DatelineRule, ...]]:
    data = load_yaml(RULES_FILE) or {}
    if not isinstance(data, dict):
        raise rule_error(RULES_FILE, "expected a mapping at the top")
    rules = []
    for i, rule in enumerate(rule_list(RULES_FILE, data, "rules")):
        where = f"rules[{i}]"
        if rule.get("where", "any") not in _WHERE:
            raise rule_error(RULES_FILE, f"where must be one of {', '.join(_WHERE)}", field=f"{where}.where")
        compiled = []
        for pattern in rule.get("patterns") or []:
            if pattern.count("{date}") != 1:
                raise rule_error(RULES_FILE, "pattern needs exactly one {date}", field=where)
            try:
                compiled.append(re.compile(pattern.replace("{date}", f"(?:{date_pattern()})"), re.IGNORECASE))
            except re.error as exc:
                raise rule_error(RULES_FILE, f"bad pattern {pattern!r}: {exc}", field=where) from exc
        rules.append(DatelineRule(str(rule["id"]), str(rule.get("reason", rule["id"])),
                                  str(rule.get("where", "any")), tuple(compiled)))  # fmt: skip
    top = data.get("top_lines", 4)
    if not isinstance(top, int) or isinstance(top, bool):
        raise rule_error(RULES_FILE, "expected a whole number", field="top_lines")
    return top, tuple(rules)


def article_lines(text: str, set_aside: Sequence[SetAside]) -> list[Line]:
    """Non-blank lines that do not touch page furniture."""
    coverage = Coverage(set_aside)
    return [
        line for line in split_lines(text) if not line.blank and not coverage.overlaps(line.start, line.end)
    ]


def find_stated_date(text: str, set_aside: Sequence[SetAside]) -> StatedDate | None:
    """The publication date the article states about itself, or None."""
    top_lines, rules = _rules()
    lines = article_lines(text, set_aside)
    half = len(lines) // 2
    for rule in rules:
        if rule.where == "top":
            candidates = lines[1 : top_lines + 1]  # the lines right under the title
        elif rule.where == "end":
            candidates = lines[half:]
        else:
            candidates = lines
        for line in candidates:
            for pattern in rule.patterns:
                m = pattern.match(line.text)
                if not m:
                    continue
                value = value_of(m)
                if value is None:
                    continue
                start, end = line.stripped_span(text)
                return StatedDate(value, line.text, start, end, rule.id)
    return None


def headline(text: str, set_aside: Sequence[SetAside]) -> str | None:
    """The first article line when it looks like a headline: no final period, or short."""
    lines = article_lines(text, set_aside)
    if not lines:
        return None
    first = re.sub(r"^#{1,6}\s+", "", lines[0].text).strip()
    words = len(first.split())
    if not first or words > _HEADLINE_MAX_WORDS * 2 or _NOT_TITLE.match(first) or parse_date(first):
        return None
    if first.endswith((".", "!", "?", ":", ";", ",")) and words > 12:
        return None
    return first
