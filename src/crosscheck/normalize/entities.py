"""Entity resolution across sources: which mentions name the same person, party, country or place.

Mentions with the same name key are one node.  Candidate pairs of nodes come
from blocking (names that agree on every token but one, or on their joined
romanized key), never from all pairs; the token comparator
(``compare_names``) decides.  Merges happen in order of strength and are
refused when they break a constraint: the registry declares the two distinct
or anchors them to different entries, the two names occur in one source (for
weak, edit-distance variants), a weak variant shares only common tokens and no
context, or any pair across the two clusters is judged distinct (no chaining).
A lone surname is attached to the one full name that contains it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from crosscheck.normalize.namecompare import NameDecision, compare_names, max_edits
from crosscheck.normalize.namekeys import name_key, roman_token, slug, spelling
from crosscheck.normalize.registry import Registry, RegistryEntry, load_registry
from crosscheck.records import Entity, Mention, NameVariant
from crosscheck.rules import load_yaml

__all__ = [
    "Resolution",
    "compare_names",
    "load_registry",
    "name_key",
    "resolve_entities",
]

STRONG = 0.9  # decisions at or above this merge even within one source
MAX_BLOCK_TOKENS = 6
_GROUP = {"person": "person", "org": "org", "country": "geo", "place": "geo", "unknown": "unknown"}


@dataclass
class _Node:
    """All mentions sharing one name key and kind group."""

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


class _Clusters:
    """Union-find over nodes that refuses merges breaking a constraint."""

    def __init__(self, nodes: list[_Node], registry: Registry) -> None:
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
        if len(ma) * len(mb) > 400:
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


def _block_keys(key: str) -> list[str]:
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


def _candidates(nodes: list[_Node]) -> set[tuple[int, int]]:
    """Pairs of nodes worth comparing: same group, sharing a block, differing tokens close."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for node in nodes:
        for bk in _block_keys(node.key):
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


@dataclass
class Resolution:
    """Entities of a corpus and how every mention and surface form maps to them."""

    entities: list[Entity]
    variants: list[NameVariant]
    registry: Registry
    _by_mention: dict[tuple[str, int, int], str] = field(default_factory=dict, repr=False)
    _by_key: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)  # key -> group -> id
    _nodes: list[_Node] = field(default_factory=list, repr=False)
    _node_entity: dict[int, str] = field(default_factory=dict, repr=False)
    _blocks: dict[str, list[int]] = field(default_factory=dict, repr=False)
    decisions: dict[tuple[str, str], NameDecision] = field(default_factory=dict, repr=False)

    def entity_of(self, m: Mention) -> str | None:
        """The entity id of a mention returned by find_mentions (None if unresolved)."""
        return self._by_mention.get((m.source, m.start, m.end))

    def __post_init__(self) -> None:
        self._entity_by_id = {e.id: e for e in self.entities}
        self._owners: dict[tuple[str, str], set[str]] = defaultdict(set)  # (token, group) -> entity ids
        for n in self._nodes:
            toks = n.key.split()
            if len(toks) > 1:
                for tok in toks:
                    self._owners[(tok, n.group)].add(self._node_entity[n.idx])

    def entity(self, entity_id: str) -> Entity | None:
        return self._entity_by_id.get(entity_id)

    def canonical(self, entity_id: str) -> str:
        """The display name of an entity (the id itself if unknown)."""
        e = self.entity(entity_id)
        if e is not None:
            return e.canonical
        entry = self.registry.entries.get(entity_id)
        return entry.canonical if entry else entity_id

    def resolve_name(self, text: str, kind: str | None = None) -> str | None:
        """The entity id for any surface form ("the Lao People's Democratic Republic" -> laos), or None."""
        for candidate in (text, _strip_articles(text), _clean_name(text)):
            entry = self.registry.lookup(candidate, kind)
            if entry is not None:
                return entry.id
        name = _clean_name(text)
        key = name_key(name)
        if not key:
            return None
        groups = self._by_key.get(key, {})
        want = _GROUP.get(kind or "")
        hits = sorted({eid for g, eid in groups.items() if want is None or g in (want, "unknown")})
        if len(hits) == 1:
            return hits[0]
        if len(key.split()) == 1:
            groups_wanted = [want] if want is not None else sorted(set(_GROUP.values()))
            owners = sorted(set().union(*(self._owners.get((key, g), set()) for g in groups_wanted)))
            return owners[0] if len(owners) == 1 else None
        found: set[str] = set()
        for bk in _block_keys(key):
            for idx in self._blocks.get(bk, []):
                node = self._nodes[idx]
                if want is not None and node.group != want:
                    continue
                if compare_names(name, node.form).outcome != "distinct":
                    found.add(self._node_entity[idx])
        return found.pop() if len(found) == 1 else None


def _strip_articles(text: str) -> str:
    words = text.strip().split()
    while len(words) > 1 and words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    name = " ".join(words)
    return name[:-2] if name.endswith(("'s", "\u2019s")) else name


def _clean_name(text: str) -> str:
    """Strip leading articles, titles and demonyms and a possessive from a free-text name."""
    from crosscheck.extract.mentions import name_rules  # local: extract depends on normalize, not back

    rules = name_rules()
    words = text.strip().split()
    changed = True
    while words and changed:
        changed = False
        low = [w.casefold().strip(",.") for w in words]
        for phrases in (rules.titles, rules.demonyms):
            for p in phrases:
                if tuple(low[: len(p)]) == p and len(words) > len(p):
                    words, changed = words[len(p) :], True
                    break
            if changed:
                break
        if not changed and low and low[0] in rules.function_words and len(words) > 1:
            words, changed = words[1:], True
    name = " ".join(words)
    for suffix in ("'s", "\u2019s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _differing_length(a: str, b: str) -> int:
    """Length of the shortest token that differs between two keys of equal token count (0 if none)."""
    diffs = [min(len(x), len(y)) for x, y in zip(a.split(), b.split(), strict=False) if x != y]
    return min(diffs) if diffs else 0


def _same_initials(a: str, b: str) -> bool:
    return [t[0] for t in a.split()] == [t[0] for t in b.split()]


def _shared_context(a: set[str], b: set[str]) -> bool:
    """Enough specific co-mentioned entities in common: two, and a third of the larger context."""
    if not a or not b:
        return False
    both = len(a & b)
    return both >= 2 and 3 * both >= max(len(a), len(b))


@cache
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


def _acronym_targets(mentions: list[Mention]) -> dict[tuple[str, str], Mention]:
    """(source, acronym key) -> the long-form mention it was defined after ("... Association (KAA)")."""
    out: dict[tuple[str, str], Mention] = {}
    by_source: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_source[m.source].append(m)
    for ms in by_source.values():
        ms.sort(key=lambda m: m.start)
        for prev, cur in zip(ms, ms[1:], strict=False):
            if cur.via == "acronym" and prev.via != "acronym" and 0 < cur.start - prev.end <= 3:
                out.setdefault((cur.source, cur.key), prev)
    return out


def resolve_entities(mentions: list[Mention], registry: Registry | None = None) -> Resolution:
    """Group mentions into entities; deterministic for a given input (order of mentions does not matter)."""
    registry = registry if registry is not None else load_registry(None)
    mentions = sorted(mentions, key=lambda m: (m.source, m.start, m.end, m.text))
    acronyms = _acronym_targets(mentions)
    nodes: list[_Node] = []
    node_of: dict[tuple[str, str], int] = {}
    mention_node: dict[tuple[str, int, int], int] = {}
    singles: list[Mention] = []
    deferred: list[tuple[Mention, Mention]] = []

    def node_for(group: str, key: str) -> _Node:
        idx = node_of.get((group, key))
        if idx is None:
            idx = len(nodes)
            nodes.append(_Node(idx, group, key))
            node_of[(group, key)] = idx
        return nodes[idx]

    for m in mentions:
        group = _GROUP.get(m.kind, "unknown")
        entry = registry.lookup(m.text, m.kind)
        if entry is not None:
            node = node_for(_GROUP.get(entry.kind, "unknown"), name_key(entry.canonical))
            node.anchor = entry.id
        elif m.via == "acronym" and (m.source, m.key) in acronyms:
            deferred.append((m, acronyms[(m.source, m.key)]))
            continue
        elif m.kind == "person" and len(m.key.split()) == 1:
            singles.append(m)
            continue
        else:
            node = node_for(group, m.key)
        if m.via != "acronym" and (entry is not None or m.via != "short"):
            node.forms[spelling(m.text)] += 1
        node.sources.add(m.source)
        node.kinds[entry.kind if entry else m.kind] += 1
        mention_node[(m.source, m.start, m.end)] = node.idx

    # single-word person names: the one full name containing them in the source, else in the corpus
    by_source_token: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_token: dict[str, set[int]] = defaultdict(set)
    for n in nodes:
        if n.group == "person" and len(n.key.split()) > 1:
            for tok in n.key.split():
                by_token[tok].add(n.idx)
                for s in n.sources:
                    by_source_token[(s, tok)].add(n.idx)
    for m in singles:
        local = by_source_token.get((m.source, m.key), set())
        owners = local if local else by_token.get(m.key, set())
        if len(owners) == 1:
            mention_node[(m.source, m.start, m.end)] = next(iter(owners))
            continue
        node = node_for("person", m.key)
        node.forms[spelling(m.text)] += 1
        node.sources.add(m.source)
        node.kinds[m.kind] += 1
        mention_node[(m.source, m.start, m.end)] = node.idx

    # candidate pairs and decisions
    ctx = _context(mentions, registry)
    feature_df = Counter(f for feats in ctx.values() for f in feats)
    specific = max(2, len(ctx) // 20)  # a feature named by most sources says nothing about identity
    ctx = {s: {f for f in feats if feature_df[f] <= specific} for s, feats in ctx.items()}
    node_ctx = {n.idx: set().union(*(ctx[s] for s in n.sources)) - {n.key, n.anchor} for n in nodes}
    df = Counter(tok for n in nodes for tok in set(n.key.split()))
    common = max(3, len(nodes) // 200)
    prior = _common_tokens()
    edges: list[tuple[float, int, str, int, int, NameDecision]] = []
    decisions: dict[tuple[str, str], NameDecision] = {}
    for a, b in sorted(_candidates(nodes)):
        na, nb = nodes[a], nodes[b]
        if na.anchor and nb.anchor:
            continue
        d = compare_names(na.form, nb.form)
        if d.outcome != "variant":
            continue
        if d.score < STRONG:
            shared = set(na.key.split()) & set(nb.key.split())
            rare = any(df[t] < common and len(t) > 3 and t not in prior for t in shared)
            small = d.edits <= 1 and d.difference in ("letters", "initials") and _same_initials(na.key, nb.key)
            long_typo = small and d.difference == "letters" and _differing_length(na.key, nb.key) >= 7
            if not (long_typo or (rare and small)) and not _shared_context(node_ctx[a], node_ctx[b]):
                continue
        decisions[(na.form, nb.form)] = d
        edges.append((-d.score, d.edits, f"{na.key}|{nb.key}", a, b, d))
    # an initial that fits several full names is ambiguous: drop all its initial edges
    initial_fits: dict[int, set[int]] = defaultdict(set)
    for _, _, _, a, b, d in edges:
        if d.difference == "initials":
            initial_fits[a].add(b)
            initial_fits[b].add(a)
    ambiguous = {n for n, fits in initial_fits.items() if len(fits) > 1}
    clusters = _Clusters(nodes, registry)
    for _, _, _, a, b, d in sorted(edges, key=lambda e: e[:3]):
        if d.difference == "initials" and (a in ambiguous or b in ambiguous):
            continue
        clusters.try_merge(a, b, d)

    # entities
    comps: dict[int, list[int]] = defaultdict(list)
    for n in nodes:
        comps[clusters.find(n.idx)].append(n.idx)
    entities: list[Entity] = []
    node_entity: dict[int, str] = {}
    variants: list[NameVariant] = []
    used_ids: set[str] = set(registry.entries)
    specs = []
    for members in comps.values():
        forms: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        anchor = None
        for i in members:
            forms.update(nodes[i].forms)
            kinds.update(nodes[i].kinds)
            anchor = anchor or nodes[i].anchor
        entry: RegistryEntry | None = registry.entries.get(anchor) if anchor else None
        if entry is not None:
            canonical = entry.canonical
        elif forms:
            canonical = min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        else:
            canonical = nodes[members[0]].key
        kind = entry.kind if entry else min(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0] if kinds else "unknown"
        specs.append((canonical, kind, anchor, sorted(members), forms, entry))
    specs.sort(key=lambda s: (s[2] is None, s[0], s[1]))
    for canonical, kind, _anchor, members, forms, entry in specs:
        if entry is not None:
            eid = entry.id
        else:
            base = slug(canonical)
            eid, k = base, 2
            while eid in used_ids:
                eid, k = f"{base}-{k}", k + 1
        used_ids.add(eid)
        accepted = registry.accepted(eid) if entry is not None else set()
        aliases = sorted({*(entry.aliases if entry else [])})
        distinct = sorted({d for pair in registry.distinct if eid in pair for d in pair if d != eid})
        entities.append(Entity(eid, canonical, kind, aliases, distinct))  # type: ignore[arg-type]
        for i in members:
            node_entity[i] = eid
        for form in sorted(forms):
            if spelling(form) == spelling(canonical) or spelling(form) in accepted:
                continue
            d = compare_names(canonical, form)
            if d.outcome == "same":
                continue
            if d.outcome == "distinct":
                d = next((x for (p, q), x in decisions.items() if form in (p, q)), d)
            variants.append(NameVariant(eid, (canonical, form), d.difference if d.outcome == "variant" else "letters",
                                        d.explanation))
    for m, target in deferred:
        idx = mention_node.get((target.source, target.start, target.end))
        if idx is not None:
            mention_node[(m.source, m.start, m.end)] = idx
    by_mention = {k: node_entity[v] for k, v in mention_node.items()}
    by_key: dict[str, dict[str, str]] = defaultdict(dict)
    blocks: dict[str, list[int]] = defaultdict(list)
    for n in nodes:
        by_key[n.key][n.group] = node_entity[n.idx]
        for form in n.forms:
            by_key[name_key(form)][n.group] = node_entity[n.idx]
        for bk in _block_keys(n.key):
            blocks[bk].append(n.idx)
    for m, _target in deferred:
        eid = by_mention.get((m.source, m.start, m.end))
        if eid is not None:
            by_key[m.key].setdefault(_GROUP.get(m.kind, "unknown"), eid)
            ent = next(e for e in entities if e.id == eid)
            if m.text not in ent.aliases:
                ent.aliases = sorted([*ent.aliases, m.text])
    entities.sort(key=lambda e: e.id)
    variants.sort(key=lambda v: (v.entity, v.forms))
    return Resolution(entities, variants, registry, by_mention, dict(by_key), nodes, node_entity, dict(blocks),
                      decisions)
