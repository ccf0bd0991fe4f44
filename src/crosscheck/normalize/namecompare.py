"""Deciding whether two written names are the same, a spelling variant, or two different names.

Names are compared token by token, never by a whole-string score: "Kim Jong Un"
and "Kim Jong Il" score higher than many real variants on any string metric,
yet differ in a whole token.  A token pair is acceptable when it is equal, an
initial of the other, equal under the romanization rules, or (for tokens of
four letters or more) one or two edits apart.  Short tokens must match exactly.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rapidfuzz.distance import Levenshtein

from crosscheck.lexicon.namekeys import (
    joined_key,
    name_key,
    roman_token,
    romanization_rules,
    spelling,
    strip_diacritics,
)

if TYPE_CHECKING:
    from crosscheck.lexicon.registry import Registry

Outcome = Literal["same", "variant", "distinct"]
SEVERITY_OF: dict[str, str] = {
    "hyphenation": "info",
    "spacing": "info",
    "initials": "info",
    "order": "info",
    "case": "info",
    "letters": "warning",
    "diacritics": "warning",
}


@dataclass(frozen=True)
class NameDecision:
    """The verdict on two names, the kind of difference and a one-line reason."""

    outcome: Outcome
    difference: str  # hyphenation | spacing | letters | diacritics | initials | order | alias | none
    explanation: str
    score: float = 0.0  # 1.0 same; strong variants 0.9; edit-distance variants 0.7; distinct 0.0
    edits: int = 0  # letters changed in edit-distance variants (0 for rule-explained ones)


def max_edits(length: int) -> int:
    if length <= 3:
        return 0
    if length <= 6:
        return 1
    return 2


def letter_diff(a: str, b: str) -> str:
    """The letters that differ between two tokens, as "y/gn" (romanization rule) or "e/a"."""
    la, lb = a.lower(), b.lower()
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    rules = dict(romanization_rules())
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        xa, xb = la[i1:i2], lb[j1:j2]
        if not xa and xb in rules and rules[xb] and la[max(0, i1 - len(rules[xb])) : i1] == rules[xb]:
            xa = rules[xb]
        elif not xb and xa in rules and rules[xa] and lb[max(0, j1 - len(rules[xa])) : j1] == rules[xa]:
            xb = rules[xa]
        elif not xa or not xb:
            xa, xb = la[max(0, i1 - 1) : i2], lb[max(0, j1 - 1) : j2]
        parts.append(f"{xa or '-'}/{xb or '-'}")
    return ", ".join(parts)


def _token_pair(x: str, y: str) -> tuple[str, str, int]:
    """Compare two key tokens: (status, detail, edits) with status equal|initial|rule|edit|distinct."""
    if x == y:
        return "equal", "", 0
    if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return "initial", f"{x}/{y}", 0
    if len(x) <= 3 or len(y) <= 3:
        return "distinct", f'short tokens "{x}" and "{y}" differ', 0
    rx, ry = roman_token(x), roman_token(y)
    if rx == ry:
        return "rule", letter_diff(x, y), 0
    limit = max_edits(min(len(x), len(y)))
    raw = Levenshtein.distance(x, y, score_cutoff=limit + 2)
    d = min(raw, Levenshtein.distance(rx, ry, score_cutoff=limit + 1))
    if x[0] != y[0] and rx[0] != ry[0] and (d > 1 or min(len(x), len(y)) < 6):
        return "distinct", f'"{x}" and "{y}" start differently', 0
    if d <= limit:
        return "edit", letter_diff(x, y), raw  # edits as written: a rule plus an edit counts as two
    return "distinct", f'"{x}" and "{y}" are different words', 0


def _surface_difference(a: str, b: str) -> tuple[str, str]:
    """For names with equal keys: which kind of glyph difference separates them."""
    sa, sb = spelling(a).casefold(), spelling(b).casefold()
    if sa == sb:
        return "none", "differ only in letter case" if a != b else "same spelling"
    da, db = strip_diacritics(sa), strip_diacritics(sb)
    marks_differ = da.replace("-", " ") == db.replace("-", " ") and sa.replace("-", " ") != sb.replace("-", " ")
    if da == db or marks_differ:
        return "diacritics", f'diacritics differ: "{a}" / "{b}"'
    if da.replace("-", " ") == db.replace("-", " "):
        return "hyphenation", f'hyphenation differs: "{a}" / "{b}"'
    if sa != da or sb != db:
        return "diacritics", f'diacritics and punctuation differ: "{a}" / "{b}"'
    return "spacing", f'punctuation or spacing differs: "{a}" / "{b}"'


def _boundaries_nested(ka: str, kb: str) -> bool:
    """Whether one key only joins words of the other ("Jong Un" / "Jongun", not "Sun Gil" / "Sung Il")."""

    def cuts(key: str) -> set[int]:
        out, pos = set(), 0
        for tok in key.split()[:-1]:
            pos += len(tok)
            out.add(pos)
        return out

    ca, cb = cuts(ka), cuts(kb)
    return ca <= cb or cb <= ca


def compare_names(a: str, b: str, registry: Registry | None = None) -> NameDecision:
    """Same, variant or distinct, with the kind of difference and a reason a person can check."""
    if spelling(a) == spelling(b):
        return NameDecision("same", "none", f'"{a}" and "{b}" are spelled the same', 1.0)
    if registry is not None:
        ea, eb = registry.lookup(a), registry.lookup(b)
        if ea is not None and eb is not None:
            if ea.id == eb.id:
                return NameDecision("same", "alias", f'"{a}" and "{b}" are registered names of {ea.canonical}', 1.0)
            return NameDecision("distinct", "none", f'registry: "{a}" is {ea.canonical}, "{b}" is {eb.canonical}')
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return NameDecision("distinct", "none", "one of the names is empty")
    if ka == kb:
        kind, why = _surface_difference(a, b)
        if kind == "none":
            return NameDecision("same", "none", why, 1.0)
        return NameDecision("variant", kind, why, 0.95)
    if joined_key(a) == joined_key(b):
        if not _boundaries_nested(ka, kb):
            return NameDecision("distinct", "none", f'the same letters split into different words: "{a}" / "{b}"')
        if name_key(a.replace("-", "")) == name_key(b.replace("-", "")):
            return NameDecision("variant", "hyphenation", f'hyphenation differs: "{a}" / "{b}"', 0.9)
        return NameDecision("variant", "spacing", f'word spacing differs: "{a}" / "{b}"', 0.9)
    ta, tb = ka.split(), kb.split()
    if len(ta) != len(tb):
        extra = sorted(set(ta).symmetric_difference(tb))
        return NameDecision("distinct", "none", f'different number of words; only in one: {", ".join(extra)}')
    statuses = [_token_pair(x, y) for x, y in zip(ta, tb, strict=True)]
    if any(s == "distinct" for s, _, _ in statuses):
        if sorted(ta) == sorted(tb):
            return NameDecision("variant", "order", f'word order differs: "{a}" / "{b}"', 0.8)
        detail = next(d for s, d, _ in statuses if s == "distinct")
        return NameDecision("distinct", "none", f"a whole word differs: {detail}")
    kinds = {s for s, _, _ in statuses} - {"equal"}
    details = "; ".join(d for s, d, _ in statuses if s != "equal")
    edits = sum(e for _, _, e in statuses)
    if kinds == {"initial"}:
        if all(len(x) == 1 for x in ta) or all(len(y) == 1 for y in tb):
            return NameDecision("distinct", "none", "only initials to compare")
        return NameDecision("variant", "initials", f"initials against full words: {details}", 0.75)
    if edits > 3:
        return NameDecision("distinct", "none", f"too many letters differ ({edits}): {details}")
    if "initial" in kinds:
        return NameDecision("variant", "initials", f"initials and letters differ: {details}", 0.6, edits)
    short_rule = any(s == "rule" and min(len(x), len(y)) < 6 for (s, _, _), x, y in zip(statuses, ta, tb, strict=True))
    score = 0.9 if kinds == {"rule"} and not short_rule else 0.7  # short words have many distinct spellings
    how = "transliteration" if kinds == {"rule"} else f"{edits} edit(s)"
    return NameDecision("variant", "letters", f"letters differ: {details} ({how})", score, edits)
