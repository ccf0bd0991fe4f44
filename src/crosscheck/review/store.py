"""claims/reviews.yaml: reviewers' decisions, read with file:line:field errors and edited one entry at a time.

People edit this file by hand and comment it, so ``record_review`` rewrites
only the lines of the entry it changes (or appends one) and keeps every other
entry, its comments and the order as they are.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from crosscheck.errors import InputError, UsageError
from crosscheck.records import Flag, Review

SCHEMA_PATH = Path(__file__).with_name("reviews.schema.json")
REVIEW_STATUSES: tuple[str, ...] = ("accepted", "rejected", "ignored")
HEADER = (
    "# crosscheck review decisions, one entry per flag id.\n"
    "# status: accepted (discrepancy is real, handled) | rejected (false alarm) | ignored (not relevant)\n"
)


@cache
def reviews_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class _Parsed:
    """The file's text, its YAML node tree (for line numbers) and its plain data."""

    text: str
    root: yaml.Node | None
    data: Any


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc


def _parse(path: Path, text: str) -> _Parsed:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(
            str(path), f"malformed YAML: {getattr(exc, 'problem', None) or exc}", line=line
        ) from exc
    return _Parsed(text, root, _plain(data))


def _plain(value: Any) -> Any:
    """YAML dates (``date: 2026-01-08`` unquoted) become the ISO strings the schema expects."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _node_at(root: yaml.Node | None, path: list[Any]) -> tuple[yaml.Node | None, yaml.Node | None]:
    """The deepest (key node, value node) reached by following ``path`` into the node tree."""
    key_node, node = None, root
    for step in path:
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            key_node, node = None, node.value[step]
        elif isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if getattr(k, "value", None) == step), None)
            if pair is None:
                break
            key_node, node = pair
        else:
            break
    return key_node, node


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _schema_error(path: Path, parsed: _Parsed, errors: list[ValidationError]) -> InputError:
    error = best_match(errors)
    where = list(error.absolute_path)
    field = next((str(p) for p in reversed(where) if isinstance(p, str)), None)
    key_node, node = _node_at(parsed.root, where)
    message = error.message
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        if extra:
            field = str(extra[0])
            key_node, node = _node_at(parsed.root, [*where, extra[0]])
            message = f"unknown field (allowed: {', '.join(sorted(allowed))})"
    elif error.validator == "required" and isinstance(error.instance, dict):
        missing = [k for k in error.validator_value if k not in error.instance]
        field = missing[0] if missing else field
        message = "required field is missing"
    elif error.validator == "enum":
        message = f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if where and isinstance(where[0], int):
        message = f"entry {where[0] + 1}: {message}"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return InputError(str(path), message, line=_line(key_node or node), field=field)


def _reviews_from(path: Path, parsed: _Parsed) -> dict[str, Review]:
    data = [] if parsed.data is None else parsed.data
    errors = list(Draft202012Validator(reviews_schema()).iter_errors(data))
    if errors:
        raise _schema_error(path, parsed, errors)
    out: dict[str, Review] = {}
    for i, entry in enumerate(data):
        fid = entry["flag"]
        if fid in out:
            _, node = _node_at(parsed.root, [i, "flag"])
            raise InputError(str(path), f"duplicate decision for flag {fid} (one entry per flag)",
                             line=_line(node), field="flag")  # fmt: skip
        out[fid] = Review(
            flag=fid,
            status=entry["status"],
            note=entry.get("note") or "",
            reviewer=entry.get("reviewer") or "",
            date=entry.get("date") or "",
            summary=entry.get("summary") or "",
        )
    return out


def load_reviews(path: Path) -> dict[str, Review]:
    """Decisions by flag id; a missing file means no decisions yet."""
    path = Path(path)
    if not path.exists():
        return {}
    return _reviews_from(path, _parse(path, _read_text(path)))


# ----------------------------------------------------------------- writing


def _entry_dict(review: Review) -> dict[str, str]:
    entry = {"flag": review.flag, "status": review.status, "note": review.note}
    if review.reviewer:
        entry["reviewer"] = review.reviewer
    if review.date:
        entry["date"] = review.date
    if review.summary:
        entry["summary"] = review.summary
    return entry


def _render(review: Review, indent: int) -> list[str]:
    text = yaml.safe_dump([_entry_dict(review)], sort_keys=False, allow_unicode=True, width=10_000)
    return [" " * indent + line for line in text.splitlines()]


def _entry_lines(lines: list[str], item: yaml.Node) -> tuple[int, int, int] | None:
    """(first line, last line, dash column) of a block-sequence item, or None when it is not one."""
    if not isinstance(item, yaml.MappingNode) or item.flow_style or not item.value:
        return None
    first, col = item.start_mark.line, item.start_mark.column
    prefix = lines[first][:col]
    if prefix.strip() != "-":
        return None
    last = first
    for key, value in item.value:
        for node in (key, value):
            end = node.end_mark
            last = max(last, end.line if end.column > 0 else end.line - 1)
    return first, last, prefix.index("-")


def _full_text(parsed: _Parsed, reviews: list[Review]) -> str:
    """Fallback rewrite (flow-style files): leading comments kept, entries re-dumped in order."""
    head = []
    for line in parsed.text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            break
        head.append(line)
    body = [line for r in reviews for line in _render(r, 0)]
    return "\n".join(head + body) + "\n"


def _edited_text(parsed: _Parsed, review: Review) -> str:
    """The file with only ``review``'s entry replaced or appended; empty when the layout is not block style."""
    lines = parsed.text.splitlines()
    root = parsed.root
    if root is None:
        prefix = "\n".join(lines) + "\n" if lines else HEADER
        return prefix + "\n".join(_render(review, 0)) + "\n"
    if not isinstance(root, yaml.SequenceNode) or root.flow_style:
        return ""
    indent = 0
    for i, item in enumerate(root.value):
        where = _entry_lines(lines, item)
        if where is None:
            return ""
        first, last, indent = where
        if parsed.data[i]["flag"] == review.flag:
            lines[first : last + 1] = _render(review, indent)
            return "\n".join(lines) + "\n"
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines + _render(review, indent)) + "\n"


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def record_review(
    path: Path, flag: Flag, status: str, note: str = "", reviewer: str = "", date: str = ""
) -> None:
    """Add or update the decision on ``flag`` in ``path``, touching no other entry.

    ``date`` is whatever the caller passes (the CLI's ``--date`` or nothing): the clock is never read.
    """
    if status not in REVIEW_STATUSES:
        raise UsageError(f"review status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
    path = Path(path)
    review = Review(
        flag=flag.id, status=status, note=note, reviewer=reviewer, date=date, summary=flag.summary
    )
    text = _read_text(path) if path.exists() else ""
    parsed = _parse(path, text)
    existing = _reviews_from(path, parsed)
    expected = dict(existing)
    expected[flag.id] = review
    new_text = _edited_text(parsed, review)
    if not new_text or _reviews_from(path, _parse(path, new_text)) != expected:
        order = list(existing.values()) + ([] if flag.id in existing else [review])
        new_text = _full_text(parsed, [expected[r.flag] for r in order])
    _write_atomic(path, new_text)
