"""Merging candidate names into entities: evidence for weak variants and constraints on merges.

Strong variants (hyphenation, spacing, diacritics, long transliterations)
merge on their own.  Weak ones (an edit or two, initials, word order, short
transliterations) need evidence: a shared rare word with a one-letter typo, a
typo in a long word, or enough specific co-mentioned entities in common.
Merges happen in order of strength and are refused when they break a
constraint (registry anchors or declared-distinct pairs, a weak variant inside
one source, or any pair across the two clusters judged distinct): no chaining.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from crosscheck.lexicon.namekeys import name_key, slug
from crosscheck.lexicon.registry import Registry
from crosscheck.normalize.nameblocks import NameNode
from crosscheck.normalize.namecompare import NameDecision, compare_names
from crosscheck.records import Mention
from crosscheck.rules import load_yaml, rules_cached

STRONG = 0.9  # decisions at or above this merge even within one source
MAX_CHECK = 400  # cross pairs checked before a merge (complete linkage); larger merges are refused


class ConstrainedClusters:
    """Union-find over nodes that refuses merges breaking a constraint."""

    def __init__(self, nodes: list[NameNode], registry: Registry) -> None:
        self.parent = list(range(len(nodes)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
        self.anchor: dict[int, str | None] = {i: n.anchor for i, n in enumerate(nodes)}
        self.nodes = nodes
        self.registry = registry
        self.refused: list[tuple[int, int, str]] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def try_merge(self, a: int, b: int, decision: NameDecision) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        xa, xb = self.anchor[ra], self.anchor[rb]
        if xa and xb and xa != xb:
            self.refused.append((a, b, "registered as different entities"))
            return False
        if bool(xa) != bool(xb):
            anchored, loose = (xa, rb) if xa else (xb, ra)
            if any(self.registry.are_distinct(anchored, slug(self.nodes[o].form)) for o in self.members[loose]):
                self.refused.append((a, b, "declared distinct in the registry"))
                return False
        ma, mb = self.members[ra], self.members[rb]
        if len(ma) * len(mb) > MAX_CHECK:
            self.refused.append((a, b, "clusters too large to check"))
            return False
        for i in ma:
            for j in mb:
                ni, nj = self.nodes[i], self.nodes[j]
                d = compare_names(ni.form, nj.form)
                if d.outcome == "distinct":
                    self.refused.append((a, b, f'"{ni.form}" and "{nj.form}" differ ({d.explanation})'))
                    return False
                if d.score < STRONG and ni.sources & nj.sources:
                    self.refused.append((a, b, f'"{ni.form}" and "{nj.form}" both occur in one source'))
                    return False
        if len(ma) < len(mb):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] = self.members[ra] + self.members.pop(rb)
        self.anchor[ra] = self.anchor[ra] or self.anchor.pop(rb)
        self.anchor.pop(rb, None)
        return True


def _same_initials(a: str, b: str) -> bool:
    return [t[0] for t in a.split()] == [t[0] for t in b.split()]


def _shared_context(a: set[str], b: set[str]) -> bool:
    """Enough specific co-mentioned entities in common: two, and a third of the larger context."""
    if not a or not b:
        return False
    both = len(a & b)
    return both >= 2 and 3 * both >= max(len(a), len(b))


@rules_cached()
def _common_tokens() -> frozenset[str]:
    """Name tokens shared by very many people (rules/names.yaml common_name_tokens)."""
    data = load_yaml("names.yaml") or {}
    return frozenset(name_key(str(t)) for t in data.get("common_name_tokens", []) or [])


def _context(mentions: list[Mention], registry: Registry) -> dict[str, set[str]]:
    """Per source: the keys (or registry ids) of everything it names: evidence that two names co-refer."""
    ctx: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        entry = registry.lookup(m.text, m.kind)
        ctx[m.source].add(entry.id if entry else m.key)
    return ctx


def _differing_length(a: str, b: str) -> int:
    """Length of the shortest token that differs between two keys of equal token count (0 if none)."""
    diffs = [min(len(x), len(y)) for x, y in zip(a.split(), b.split(), strict=False) if x != y]
    return min(diffs) if diffs else 0


class WeakEvidence:
    """What a weak variant may lean on: word rarity in the corpus and specific co-mentioned entities."""

    def __init__(self, nodes: list[NameNode], mentions: list[Mention], registry: Registry) -> None:
        ctx = _context(mentions, registry)
        feature_df = Counter(f for feats in ctx.values() for f in feats)
        specific = max(2, len(ctx) // 20)  # a feature named by most sources says nothing about identity
        ctx = {s: {f for f in feats if feature_df[f] <= specific} for s, feats in ctx.items()}
        self.context = {n.idx: set().union(*(ctx[s] for s in n.sources)) - {n.key, n.anchor} for n in nodes}
        self.df = Counter(tok for n in nodes for tok in set(n.key.split()))
        self.common = max(3, len(nodes) // 200)
        self.prior = _common_tokens()

    def supports(self, a: NameNode, b: NameNode, d: NameDecision) -> bool:
        """Whether a weak variant decision is backed by enough evidence to merge."""
        shared = set(a.key.split()) & set(b.key.split())
        rare = any(self.df[t] < self.common and len(t) > 3 and t not in self.prior for t in shared)
        small = d.edits <= 1 and d.difference in ("letters", "initials") and _same_initials(a.key, b.key)
        long_typo = small and d.difference == "letters" and _differing_length(a.key, b.key) >= 7
        return long_typo or (rare and small) or _shared_context(self.context[a.idx], self.context[b.idx])


def merge_nodes(
    nodes: list[NameNode], pairs: set[tuple[int, int]], evidence: WeakEvidence, registry: Registry
) -> tuple[ConstrainedClusters, dict[tuple[str, str], NameDecision]]:
    """Decide every candidate pair and merge variants strongest first, under the constraints."""
    edges: list[tuple[float, int, str, int, int, NameDecision]] = []
    decisions: dict[tuple[str, str], NameDecision] = {}
    for a, b in sorted(pairs):
        na, nb = nodes[a], nodes[b]
        if na.anchor and nb.anchor:
            continue
        d = compare_names(na.form, nb.form)
        if d.outcome != "variant" or (d.score < STRONG and not evidence.supports(na, nb, d)):
            continue
        decisions[(na.form, nb.form)] = d
        edges.append((-d.score, d.edits, f"{na.key}|{nb.key}", a, b, d))
    initial_fits: dict[int, set[int]] = defaultdict(set)  # an initial fitting several names is ambiguous
    for _, _, _, a, b, d in edges:
        if d.difference == "initials":
            initial_fits[a].add(b)
            initial_fits[b].add(a)
    ambiguous = {n for n, fits in initial_fits.items() if len(fits) > 1}
    clusters = ConstrainedClusters(nodes, registry)
    for _, _, _, a, b, d in sorted(edges, key=lambda e: e[:3]):
        if d.difference == "initials" and (a in ambiguous or b in ambiguous):
            continue
        clusters.try_merge(a, b, d)
    return clusters, decisions
