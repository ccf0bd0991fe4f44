"""YAML files people edit: load with line numbers, validate against a JSON Schema, dump deterministically.

jsonschema knows nothing about lines, so the composed YAML node tree is kept
beside the data and every schema error is mapped back to the line of the key
or list item it concerns.  Dates are loaded as plain strings (no implicit
timestamps): "2020-06-24" in a claim file is an ISO string, not a ``date``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from crosscheck.errors import InputError

JsonPath = Sequence[str | int]
_MAX_REPR = 60


_SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same data, faster


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader without implicit timestamps, so ISO dates stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDoc:
    """Parsed YAML data plus its node tree, to find the line of any JSON path."""

    path: Path
    data: Any
    root: yaml.Node | None

    def line_of(self, path: JsonPath) -> int | None:
        """1-based line of the key or item at ``path`` (the deepest existing ancestor if missing)."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for step in path:
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                        child, line = value, key.start_mark.line + 1
                        break
            elif (
                isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value)
            ):
                child = node.value[step]
                line = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return line


def _problem_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def _check_duplicate_keys(node: yaml.Node | None, path: Path) -> None:
    """PyYAML silently keeps the last of two equal keys; a person's typo must not vanish."""
    stack = [node] if node is not None else []
    visited: set[int] = set()  # aliases repeat nodes: walk each once ("billion laughs" stays linear)
    while stack:
        current = stack.pop()
        if id(current) in visited:
            continue
        visited.add(id(current))
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1
                    if key.value in seen:
                        raise InputError(
                            str(path),
                            f"duplicate key (first on line {seen[key.value]})",
                            line=line,
                            field=key.value,
                        )
                    seen[key.value] = line
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def parse_yaml_text(text: str, path: Path) -> YamlDoc:
    """Parse YAML ``text`` that came from ``path`` (used for messages only)."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        _check_duplicate_keys(root, path)
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(str(path), f"malformed YAML: {problem}", line=_problem_line(exc)) from exc
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. unhashable keys, absurd nesting
        raise InputError(str(path), f"malformed YAML: {exc}") from exc
    finally:
        loader.dispose()
    return YamlDoc(path=path, data=data, root=root)


def load_yaml_file(path: Path) -> YamlDoc:
    """Read and parse a YAML file; unreadable or malformed files raise InputError with the line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return parse_yaml_text(text, path)


def dotted(path: JsonPath) -> str:
    """``["claims", 3, "span"]`` -> ``claims[3].span``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_REPR else text[: _MAX_REPR - 3] + "..."


def _message(error: ValidationError) -> str:
    """jsonschema's message, with the offending value shortened so one error fits on a line."""
    message = error.message
    full = repr(error.instance)
    if len(full) > _MAX_REPR and full in message:
        message = message.replace(full, _short(error.instance))
    return message


def _locate(error: ValidationError) -> tuple[list[str | int], str]:
    """The JSON path an error is best reported at, and its message."""
    path: list[str | int] = list(error.absolute_path)
    if error.context:  # anyOf / oneOf: the most relevant sub-error says more than "is not valid under"
        sub = best_match(error.context)
        return path + list(sub.path), _message(sub)
    if error.validator == "required" and isinstance(error.validator_value, list):
        missing = [p for p in error.validator_value if repr(p) in error.message]
        if missing:  # name the missing field itself; its line is the enclosing mapping's
            return path + [missing[0]], "required field missing"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {})) if isinstance(error.schema, dict) else set()
        extras = sorted(str(k) for k in error.instance if k not in allowed)
        if extras:
            return path + [extras[0]], f"unknown field {extras[0]!r}" + (
                f" (also {', '.join(map(repr, extras[1:]))})" if extras[1:] else ""
            )
    return path, _message(error)


def validate(doc: YamlDoc, schema: dict[str, Any], path: Path) -> list[InputError]:
    """Every schema error of ``doc``, sorted by line, each naming file, line and dotted field."""
    errors: list[tuple[int, str, str, InputError]] = []
    for error in Draft202012Validator(schema).iter_errors(doc.data):
        where, message = _locate(error)
        line = doc.line_of(where)
        field = dotted(where) or None
        errors.append(
            (line or 0, field or "", message, InputError(str(path), message, line=line, field=field))
        )
    errors.sort(key=lambda item: item[:3])
    return [item[3] for item in errors]


# ---------------------------------------------------------------------- dump


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases, and short scalar lists (spans, participants) on one line."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key, as people write them


def _represent_list(dumper: yaml.SafeDumper, data: Sequence[Any]) -> yaml.Node:
    scalars = all(isinstance(x, (str, int, float, bool)) or x is None for x in data)
    flow = bool(data) and scalars and sum(len(str(x)) + 2 for x in data) <= 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(tuple, _represent_list)

_FastDumper: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CDumper(yaml.CSafeDumper):  # type: ignore[misc, name-defined]
        """``_Dumper`` on libyaml's emitter (list indentation is fixed afterwards)."""

        def ignore_aliases(self, data: Any) -> bool:
            return True

    _CDumper.add_representer(list, _represent_list)
    _CDumper.add_representer(tuple, _represent_list)
    _FastDumper = _CDumper


_DUMP_OPTIONS: dict[str, Any] = {
    "sort_keys": False, "allow_unicode": True, "width": 1_000_000, "default_flow_style": False, "indent": 2,
}  # fmt: skip


def dump_yaml(data: Any) -> str:
    """Deterministic YAML: keys in the order given, UTF-8 text kept, long strings never folded.

    libyaml's emitter (when PyYAML has it) writes the same text four times
    faster, except that it cannot indent list items under their key: that is
    done line by line afterwards, which is exact when no string holds a line
    break (every scalar then sits on one line).  Strings with line breaks or
    characters beyond U+FFFF (which libyaml escapes) go through the pure-Python
    emitter.  A test checks both give the same bytes on random data.
    """
    if _FastDumper is not None and not _needs_python(data):
        return _indent_sequences(yaml.dump(data, Dumper=_FastDumper, **_DUMP_OPTIONS))
    return dump_yaml_python(data)


def dump_yaml_python(data: Any) -> str:
    """``dump_yaml`` through PyYAML's pure-Python emitter (the reference output)."""
    return yaml.dump(data, Dumper=_Dumper, **_DUMP_OPTIONS)


_LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


def _needs_python(data: Any) -> bool:
    """A string somewhere that libyaml would write differently: a line break, or a character past U+FFFF."""
    if isinstance(data, str):
        return any(b in data for b in _LINE_BREAKS) or (not data.isascii() and max(map(ord, data)) > 0xFFFF)
    if isinstance(data, dict):
        return any(_needs_python(k) or _needs_python(v) for k, v in data.items())
    if isinstance(data, (list, tuple)):
        return any(_needs_python(v) for v in data)
    return False


def _indent_sequences(text: str) -> str:
    """libyaml writes a block list flush with its key ("key:\n- a"); indent it ("key:\n  - a").

    With one line per scalar, a list opens where a "- " line follows a "key:"
    line of the same column, and ends at the first line left of it, or at
    its column but not an item; every line inside moves right by two per
    open list.
    """
    out: list[str] = []
    open_at: list[int] = []  # columns of the lists being read, innermost last
    previous = ""
    for line in text.split("\n"):
        body = line.lstrip(" ")
        col = len(line) - len(body)
        while open_at and line and (col < open_at[-1] or (col == open_at[-1] and not body.startswith("- "))):
            open_at.pop()
        if body.startswith("- ") and (not open_at or open_at[-1] != col) and previous.endswith(":") \
                and _key_column(previous) == col:
            open_at.append(col)
        out.append(" " * (2 * len(open_at)) + line if line else line)
        previous = line.rstrip()
    return "\n".join(out)


def _key_column(line: str) -> int:
    """Where the key of a "key:" line starts: after its indentation and any "- " item marks."""
    col = len(line) - len(line.lstrip(" "))
    while line.startswith("- ", col):
        col += 2
    return col
