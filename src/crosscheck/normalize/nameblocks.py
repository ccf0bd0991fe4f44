"""Blocking for name resolution: which pairs of names are worth comparing at all.

Mentions sharing a name key form one node.  Two nodes become a candidate pair
only when they share a block: the same letters without spaces, the same words
in another order, or every word but one equal (leave-one-word-out keys), the
differing words being close (rapidfuzz ``cdist`` per block, one core).  Cost
grows with block sizes, not with the square of the corpus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from crosscheck.lexicon.namekeys import roman_token
from crosscheck.normalize.namecompare import max_edits

MAX_BLOCK_TOKENS = 6


@dataclass
class NameNode:
    """All mentions sharing one name key and kind group (person, org, geo, unknown)."""

    idx: int
    group: str
    key: str
    forms: Counter[str] = field(default_factory=Counter)  # spelling -> count
    sources: set[str] = field(default_factory=set)
    anchor: str | None = None  # registry id
    kinds: Counter[str] = field(default_factory=Counter)

    @property
    def form(self) -> str:
        if not self.forms:
            return self.key
        return min(self.forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def block_keys(key: str) -> list[str]:
    """Blocking keys: the joined romanized name, the sorted tokens, and each leave-one-token-out key."""
    toks = key.split()
    rtoks = [roman_token(t) for t in toks]
    keys = [f"J:{''.join(toks)}", f"O:{' '.join(sorted(toks))}"]
    n = len(toks)
    if 2 <= n <= MAX_BLOCK_TOKENS:
        keys += [f"D{n}:{i}:{' '.join(rtoks[:i] + rtoks[i + 1 :])}" for i in range(n)]
    elif n == 1:
        keys.append(f"S:{rtoks[0][:2]}")
    return keys


def _differing_token(key: str, block: str) -> str:
    toks = key.split()
    if block.startswith("D"):
        pos = int(block.split(":")[1])
        return toks[pos]
    return toks[0]


def candidate_pairs(nodes: list[NameNode]) -> set[tuple[int, int]]:
    """Pairs of nodes worth comparing: same group, sharing a block, differing tokens close."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for node in nodes:
        for bk in block_keys(node.key):
            blocks[f"{node.group}|{bk}"].append(node.idx)
    pairs: set[tuple[int, int]] = set()
    for bkey, members in blocks.items():
        if len(members) < 2:
            continue
        block = bkey.split("|", 1)[1]
        if block[0] in "JO":
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    pairs.add((min(a, b), max(a, b)))
            continue
        by_token: dict[str, list[int]] = defaultdict(list)
        for m in members:
            by_token[_differing_token(nodes[m].key, block)].append(m)
        tokens = sorted(by_token)
        if len(tokens) < 2:
            continue
        romans = [roman_token(t) for t in tokens]
        close: set[tuple[int, int]] = set()
        for col in (tokens, romans):
            matrix = process.cdist(col, col, scorer=Levenshtein.distance, score_cutoff=2, workers=1)
            for i, j in zip(*(matrix <= 2).nonzero(), strict=True):
                shortest = min(len(tokens[i]), len(tokens[j]))
                if i < j and (romans[i] == romans[j] or matrix[i, j] <= max_edits(shortest)):
                    close.add((int(i), int(j)))
        initials = defaultdict(list)
        for i, t in enumerate(tokens):
            if len(t) > 1:
                initials[t[0]].append(i)
        for i, t in enumerate(tokens):
            if len(t) == 1:
                close.update((min(i, j), max(i, j)) for j in initials.get(t, []))
        for i, j in close:
            for a in by_token[tokens[i]]:
                for b in by_token[tokens[j]]:
                    pairs.add((min(a, b), max(a, b)))
    return pairs
