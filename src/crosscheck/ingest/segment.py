"""Paragraphs and sentences of the article text, as exact spans, skipping set-aside furniture.

A period ends a sentence only when followed by space and a capital, digit or
quote, and not after an abbreviation (rules/sentences.yaml), an initial
("Kim J. Un"), or inside a multi-dot acronym ("U.S."); a closing quote or
bracket after the period stays with its sentence; no break inside an open
double quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.ingest.lines import paragraphs, split_lines
from crosscheck.ingest.rulecache import rule_error, rules_cached
from crosscheck.ingest.spans import Coverage
from crosscheck.records import Sentence, SetAside
from crosscheck.rules import load_yaml

_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]?[A-ZÀ-ÞА-Я0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_OPEN, _CLOSE = "“«", "”»"
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+")


@rules_cached("sentences.yaml")
def _abbreviations() -> frozenset[str]:
    data = load_yaml("sentences.yaml") or {}
    words = (data.get("abbreviations") if isinstance(data, dict) else None) or []
    if not isinstance(words, list):
        raise rule_error("sentences.yaml", "expected a list", field="abbreviations")
    return frozenset(str(a) for a in words)


def _is_abbreviation(chunk: str) -> bool:
    """Whether the period ending ``chunk`` belongs to the word before it."""
    m = _WORD_BEFORE.search(chunk[:-1])
    if not m:
        return False
    word = m.group(1)
    if word in _abbreviations() or word.rstrip(".") in _abbreviations():
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Kim J. Un"
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # "U.S", "e.g"


def _quote_depth(text: str) -> int:
    """Open curly quotes minus closed ones, plus 1 when straight double quotes are unbalanced."""
    return (
        text.count(_OPEN[0])
        + text.count(_OPEN[1])
        - text.count(_CLOSE[0])
        - text.count(_CLOSE[1])
        + (text.count('"') % 2)
    )


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, stripped of outer whitespace."""
    piece = text[start:end]
    cuts: list[int] = []
    last = 0
    balanced = _quote_depth(piece) == 0  # quote tracking only when the paragraph's quotes balance
    for m in _END.finditer(piece):
        stop = m.end()
        chunk = piece[last:stop]
        if chunk.rstrip("\"”’'»)]").endswith(".") and _is_abbreviation(chunk.rstrip("\"”’'»)]")):
            continue
        if (
            balanced
            and _quote_depth(piece[last : m.start() + 1]) > 0
            and not chunk.endswith(tuple(_CLOSE + '"'))
        ):
            continue
        cuts.append(stop)
        last = stop
    out: list[tuple[int, int]] = []
    prev = 0
    for cut in [*cuts, len(piece)]:
        seg = piece[prev:cut]
        lead = len(seg) - len(seg.lstrip())
        body = seg.strip()
        if any(c.isalnum() for c in body):  # "---", "* * *" and stray quotes are no sentence
            md = _MD_PREFIX.match(body)
            skip = md.end() if md and md.end() < len(body) else 0
            out.append((start + prev + lead + skip, start + prev + lead + len(body)))
        prev = cut
    return out


def segment(text: str, set_aside: Sequence[SetAside]) -> list[Sentence]:
    """The sentences of ``text`` outside ``set_aside``, numbered by paragraph and in running order."""
    coverage = Coverage(set_aside)
    sentences: list[Sentence] = []
    para_index = 0
    for p_start, p_end in paragraphs(split_lines(text)):
        found = False
        for a, b in coverage.free_pieces(p_start, p_end):
            for s, e in split_sentences(text, a, b):
                sentences.append(Sentence(s, e, para_index, len(sentences)))
                found = True
        if found:
            para_index += 1
    return sentences
