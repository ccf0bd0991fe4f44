"""Entity resolution across sources: which mentions name the same person, party, country or place.

Mentions with the same name key are one node (``nameblocks``); candidate
pairs come from blocking, never from all pairs; ``compare_names`` decides and
``namemerge`` merges under constraints (no chaining, registry anchors and
declared-distinct pairs, evidence for weak variants).  Registered names resolve
to their entry; acronyms defined in a source to their long form; a lone surname
to the one full name that contains it.  The canonical name is the registry's,
else the most frequent spelling.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from crosscheck.lexicon.namekeys import name_key, slug, spelling
from crosscheck.lexicon.names import name_rules
from crosscheck.lexicon.registry import Registry, RegistryEntry, load_registry
from crosscheck.normalize.nameblocks import NameNode, block_keys, candidate_pairs
from crosscheck.normalize.namecompare import NameDecision, compare_names
from crosscheck.normalize.namemerge import STRONG, ConstrainedClusters, WeakEvidence, merge_nodes
from crosscheck.records import Entity, Mention, NameVariant

__all__ = [
    "Resolution",
    "compare_names",
    "load_registry",
    "name_key",
    "resolve_entities",
]

_GROUP = {"person": "person", "org": "org", "country": "geo", "place": "geo", "unknown": "unknown"}


@dataclass
class Resolution:
    """Entities of a corpus and how every mention and surface form maps to them."""

    entities: list[Entity]
    variants: list[NameVariant]
    registry: Registry
    _by_mention: dict[tuple[str, int, int], str] = field(default_factory=dict, repr=False)
    _by_key: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)  # key -> group -> id
    _nodes: list[NameNode] = field(default_factory=list, repr=False)
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
        for bk in block_keys(key):
            for idx in self._blocks.get(bk, []):
                node = self._nodes[idx]
                if want is not None and node.group != want:
                    continue
                d = compare_names(name, node.form)
                if d.outcome == "same" or (d.outcome == "variant" and d.score >= STRONG):
                    found.add(self._node_entity[idx])  # weak variants need evidence a lone name lacks
        return found.pop() if len(found) == 1 else None


def _strip_articles(text: str) -> str:
    words = text.strip().split()
    while len(words) > 1 and words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    name = " ".join(words)
    return name[:-2] if name.endswith(("'s", "\u2019s")) else name


def _clean_name(text: str) -> str:
    """Strip leading articles, titles and demonyms and a possessive from a free-text name."""
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


@dataclass
class _Collected:
    """Mentions grouped into name nodes, before merging."""

    nodes: list[NameNode] = field(default_factory=list)
    node_of: dict[tuple[str, str], int] = field(default_factory=dict)
    mention_node: dict[tuple[str, int, int], int] = field(default_factory=dict)
    singles: list[Mention] = field(default_factory=list)
    deferred: list[tuple[Mention, Mention]] = field(default_factory=list)  # (acronym, its long form)

    def node_for(self, group: str, key: str) -> NameNode:
        idx = self.node_of.get((group, key))
        if idx is None:
            idx = len(self.nodes)
            self.nodes.append(NameNode(idx, group, key))
            self.node_of[(group, key)] = idx
        return self.nodes[idx]

    def attach(self, node: NameNode, m: Mention, kind: str, count_form: bool) -> None:
        if count_form:
            node.forms[spelling(m.text)] += 1
        node.sources.add(m.source)
        node.kinds[kind] += 1
        self.mention_node[(m.source, m.start, m.end)] = node.idx


def _collect(mentions: list[Mention], registry: Registry) -> _Collected:
    """Registered names to their entry's node, other names to the node of their key; set aside
    acronyms (resolved through their definition) and single-word person names (attached later)."""
    out = _Collected()
    acronyms = _acronym_targets(mentions)
    for m in mentions:
        entry = registry.lookup(m.text, m.kind)
        if entry is not None:
            node = out.node_for(_GROUP.get(entry.kind, "unknown"), name_key(entry.canonical))
            node.anchor = entry.id
            out.attach(node, m, entry.kind, m.via != "acronym")
        elif m.via == "acronym" and (m.source, m.key) in acronyms:
            out.deferred.append((m, acronyms[(m.source, m.key)]))
        elif m.kind == "person" and len(m.key.split()) == 1:
            out.singles.append(m)
        else:
            out.attach(out.node_for(_GROUP.get(m.kind, "unknown"), m.key), m, m.kind, m.via not in ("acronym", "short"))
    return out


def _attach_singles(c: _Collected) -> None:
    """A single-word person name joins the one full name containing it in its source, else in the corpus."""
    by_source_token: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_token: dict[str, set[int]] = defaultdict(set)
    for n in c.nodes:
        if n.group == "person" and len(n.key.split()) > 1:
            for tok in n.key.split():
                by_token[tok].add(n.idx)
                for s in n.sources:
                    by_source_token[(s, tok)].add(n.idx)
    for m in c.singles:
        owners = by_source_token.get((m.source, m.key)) or by_token.get(m.key, set())
        if len(owners) == 1:
            c.mention_node[(m.source, m.start, m.end)] = next(iter(owners))
        else:
            c.attach(c.node_for("person", m.key), m, m.kind, True)


@dataclass
class _Spec:
    canonical: str
    kind: str
    members: list[int]
    forms: Counter[str]
    entry: RegistryEntry | None


def _specs(nodes: list[NameNode], clusters: ConstrainedClusters, registry: Registry) -> list[_Spec]:
    """One spec per cluster: canonical = registry name, else the most frequent spelling (ties: first)."""
    comps: dict[int, list[int]] = defaultdict(list)
    for n in nodes:
        comps[clusters.find(n.idx)].append(n.idx)
    specs = []
    for members in comps.values():
        forms: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        anchor = None
        for i in members:
            forms.update(nodes[i].forms)
            kinds.update(nodes[i].kinds)
            anchor = anchor or nodes[i].anchor
        entry = registry.entries.get(anchor) if anchor else None
        if entry is not None:
            canonical = entry.canonical
        elif forms:
            canonical = _most_frequent(forms)
        else:
            canonical = nodes[members[0]].key
        kind = entry.kind if entry else (_most_frequent(kinds) if kinds else "unknown")
        specs.append(_Spec(canonical, kind, sorted(members), forms, entry))
    specs.sort(key=lambda s: (s.entry is None, s.canonical, s.kind))
    return specs


def _most_frequent(counts: Counter[str]) -> str:
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _variants(spec: _Spec, eid: str, registry: Registry, decisions: dict[tuple[str, str], NameDecision]) -> list[NameVariant]:
    """Every spelling of an entity that is neither its canonical name nor a registered alias."""
    accepted = registry.accepted(eid) if spec.entry is not None else set()
    out = []
    for form in sorted(spec.forms):
        if spelling(form) == spelling(spec.canonical) or spelling(form) in accepted:
            continue
        d = compare_names(spec.canonical, form)
        if d.outcome == "same":
            continue
        if d.outcome == "distinct":  # joined through another spelling: explain with that decision
            d = next((x for (p, q), x in decisions.items() if form in (p, q)), d)
        out.append(NameVariant(eid, (spec.canonical, form), d.difference if d.outcome == "variant" else "letters",
                               d.explanation))
    return out


def resolve_entities(mentions: list[Mention], registry: Registry | None = None) -> Resolution:
    """Group mentions into entities; deterministic for a given input (order of mentions does not matter)."""
    registry = registry if registry is not None else load_registry(None)
    mentions = sorted(mentions, key=lambda m: (m.source, m.start, m.end, m.text))
    c = _collect(mentions, registry)
    _attach_singles(c)
    nodes = c.nodes
    clusters, decisions = merge_nodes(nodes, candidate_pairs(nodes), WeakEvidence(nodes, mentions, registry), registry)

    entities: list[Entity] = []
    node_entity: dict[int, str] = {}
    variants: list[NameVariant] = []
    used_ids: set[str] = set(registry.entries)
    for spec in _specs(nodes, clusters, registry):
        if spec.entry is not None:
            eid = spec.entry.id
        else:
            base = slug(spec.canonical)
            eid, k = base, 2
            while eid in used_ids:
                eid, k = f"{base}-{k}", k + 1
        used_ids.add(eid)
        aliases = sorted(spec.entry.aliases) if spec.entry else []
        distinct = sorted({d for pair in registry.distinct if eid in pair for d in pair if d != eid})
        entities.append(Entity(eid, spec.canonical, spec.kind, aliases, distinct))  # type: ignore[arg-type]
        node_entity.update((i, eid) for i in spec.members)
        variants.extend(_variants(spec, eid, registry, decisions))

    for m, target in c.deferred:
        idx = c.mention_node.get((target.source, target.start, target.end))
        if idx is not None:
            c.mention_node[(m.source, m.start, m.end)] = idx
    by_mention = {k: node_entity[v] for k, v in c.mention_node.items()}
    by_key: dict[str, dict[str, str]] = defaultdict(dict)
    blocks: dict[str, list[int]] = defaultdict(list)
    for n in nodes:
        by_key[n.key][n.group] = node_entity[n.idx]
        for form in n.forms:
            by_key[name_key(form)][n.group] = node_entity[n.idx]
        for bk in block_keys(n.key):
            blocks[bk].append(n.idx)
    by_id = {e.id: e for e in entities}
    for m, _target in c.deferred:
        eid = by_mention.get((m.source, m.start, m.end))
        if eid is not None:
            by_key[m.key].setdefault(_GROUP.get(m.kind, "unknown"), eid)
            if m.text not in by_id[eid].aliases:
                by_id[eid].aliases = sorted([*by_id[eid].aliases, m.text])
    entities.sort(key=lambda e: e.id)
    variants.sort(key=lambda v: (v.entity, v.forms))
    return Resolution(entities, variants, registry, by_mention, dict(by_key), nodes, node_entity, dict(blocks),
                      decisions)
