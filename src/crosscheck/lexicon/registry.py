"""The entity registry: canonical names, kinds, accepted aliases and declared-distinct pairs.

The built-in ``rules/entities.yaml`` covers common countries, parties and
cities; a project's ``claims/entities.yaml`` (validated against
``claims/entities.schema.json``) extends it and wins on conflicts.  Aliases
listed here are accepted spellings: they resolve silently and are never
reported as name variants.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from crosscheck.errors import InputError
from crosscheck.lexicon.namekeys import name_key, slug, spelling
from crosscheck.rules import load_yaml, rules_cached

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "claims" / "entities.schema.json"
KINDS = ("person", "org", "country", "place", "unknown")


@dataclass
class RegistryEntry:
    """One registered entity."""

    id: str
    canonical: str
    kind: str = "unknown"
    aliases: list[str] = field(default_factory=list)
    distinct_from: list[str] = field(default_factory=list)
    origin: str = "builtin"  # builtin | user

    def names(self) -> list[str]:
        return [self.canonical, *self.aliases]


@dataclass
class Registry:
    """Registered entities, indexed by name key."""

    entries: dict[str, RegistryEntry] = field(default_factory=dict)
    distinct: set[frozenset[str]] = field(default_factory=set)
    _by_key: dict[str, str] = field(default_factory=dict, repr=False)

    def add(self, entry: RegistryEntry) -> None:
        """Insert or override an entry; its names now point to it (the latest definition wins)."""
        old = self.entries.get(entry.id)
        if old is not None:
            entry.aliases = _unique([*old.names(), *entry.aliases], drop=entry.canonical)
            entry.distinct_from = _unique([*old.distinct_from, *entry.distinct_from])
        self.entries[entry.id] = entry
        for name in entry.names():
            self._by_key[name_key(name)] = entry.id
        for other in entry.distinct_from:
            self.distinct.add(frozenset((entry.id, other)))

    def lookup(self, text: str, kind: str | None = None) -> RegistryEntry | None:
        """The entry one of whose names has the key of ``text`` (and the kind, when given)."""
        eid = self._by_key.get(name_key(text))
        if eid is None:
            return None
        entry = self.entries[eid]
        if kind is not None and kind != "unknown" and entry.kind not in (kind, "unknown"):
            return None
        return entry

    def accepted(self, entity_id: str) -> set[str]:
        """Spellings registered for an entity: never flagged as variants."""
        entry = self.entries.get(entity_id)
        return {spelling(n) for n in entry.names()} if entry else set()

    def are_distinct(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.distinct

    def surface_forms(self) -> list[tuple[str, RegistryEntry]]:
        """Every registered name with its entry, in a stable order."""
        return [(n, e) for eid in sorted(self.entries) for e in [self.entries[eid]] for n in e.names()]


def _unique(items: list[str], drop: str | None = None) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item != drop and item not in seen:
            seen.add(item)
            out.append(item)
    return out


@cache
def schema() -> dict[str, Any]:
    with SCHEMA_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


def _entry(raw: dict[str, Any], origin: str) -> RegistryEntry:
    canonical = str(raw.get("canonical") or "")
    eid = str(raw.get("id") or slug(canonical))
    return RegistryEntry(
        id=eid,
        canonical=canonical,
        kind=str(raw.get("kind", "unknown")),
        aliases=[str(a) for a in raw.get("aliases", []) or []],
        distinct_from=[str(d) for d in raw.get("distinct_from", []) or []],
        origin=origin,
    )


def _fill(registry: Registry, data: dict[str, Any], origin: str) -> None:
    for raw in data.get("entities", []) or []:
        entry = _entry(raw, origin)
        old = registry.entries.get(entry.id)
        if old is not None:
            entry.canonical = entry.canonical or old.canonical
            if "kind" not in raw:
                entry.kind = old.kind
        registry.add(entry)
    for pair in data.get("distinct", []) or []:
        registry.distinct.add(frozenset(str(p) for p in pair))


@rules_cached()
def builtin_registry() -> Registry:
    """The registry of ``rules/entities.yaml`` alone (cached; copy before changing)."""
    registry = Registry()
    _fill(registry, load_yaml("entities.yaml") or {}, "builtin")
    return registry


def _node_line(root: yaml.Node | None, path: list[str | int]) -> int | None:
    """The 1-based line of the YAML node at a jsonschema error path (the deepest one that exists)."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if getattr(k, "value", None) == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            nxt = node.value[step]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line


def _field(path: list[str | int]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _read_user_file(path: Path) -> tuple[dict[str, Any], yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read entity registry: {exc}") from exc
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(str(path), f"malformed YAML: {getattr(exc, 'problem', exc)}", line=line) from exc
    if data is None:
        return {}, root
    return data, root


def validate_user_data(data: Any, root: yaml.Node | None, path: Path) -> None:
    """Schema and consistency checks; the first problem becomes an InputError with line and field."""
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        err = jsonschema.exceptions.best_match(errors)
        where = list(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = set(err.schema.get("properties", {}))
            extra = sorted(k for k in err.instance if k not in allowed)
            if extra:
                where.append(extra[0])
        raise InputError(str(path), err.message, line=_node_line(root, where), field=_field(where) or None)
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, tuple[str, int]] = {}
    for i, raw in enumerate(data.get("entities", []) or []):
        entry = _entry(raw, "user")
        line = _node_line(root, ["entities", i])
        if entry.id in seen_ids:
            raise InputError(str(path), f"duplicate entity id {entry.id!r}", line=line, field=f"entities[{i}].id")
        seen_ids[entry.id] = i
        for name in entry.names():
            if not name:
                continue
            key = name_key(name)
            if not key:
                raise InputError(str(path), f"name {name!r} has no letters", line=line, field=f"entities[{i}]")
            other = seen_names.get(key)
            if other is not None and other[0] != entry.id:
                raise InputError(
                    str(path), f"name {name!r} is already given to entity {other[0]!r}", line=line,
                    field=f"entities[{i}].aliases",
                )
            seen_names[key] = (entry.id, i)


def load_registry(user_file: Path | None) -> Registry:
    """Built-in registry merged with the user's claims/entities.yaml (validated; errors name file:line:field)."""
    base = builtin_registry()
    registry = Registry()
    for entry in base.entries.values():
        registry.add(RegistryEntry(entry.id, entry.canonical, entry.kind, list(entry.aliases),
                                   list(entry.distinct_from), entry.origin))
    registry.distinct |= base.distinct
    if user_file is None:
        return registry
    path = Path(user_file)
    if not path.exists():
        return registry
    data, root = _read_user_file(path)
    validate_user_data(data, root, path)
    _fill(registry, data, "user")
    for eid, entry in registry.entries.items():
        if not entry.canonical:
            raise InputError(str(path), f"entity {eid!r} has no canonical name and no built-in entry", field="entities")
    return registry
