"""Errors about ingest's rule files (their caching is ``crosscheck.rules.rules_cached``, re-exported here)."""

from __future__ import annotations

from typing import Any

from crosscheck.errors import InputError
from crosscheck.rules import rules_cached

__all__ = ["rule_error", "rule_list", "rules_cached"]


def rule_error(name: str, message: str, field: str | None = None) -> InputError:
    """An InputError about rule file ``name`` (built-in and user files are merged, so both are named)."""
    return InputError(f"rules/{name} (built-in or user rule file)", message, field=field)


def rule_list(name: str, data: Any, key: str) -> list[dict[str, Any]]:
    """``data[key]`` as a list of mappings that each have an ``id``; InputError otherwise."""
    items = data.get(key) if isinstance(data, dict) else None
    if items is None:
        return []
    if not isinstance(items, list):
        raise rule_error(name, "expected a list", field=key)
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("id"):
            raise rule_error(name, "each rule must be a mapping with an 'id'", field=f"{key}[{i}]")
        patterns = item.get("patterns", [])
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise rule_error(name, "'patterns' must be a list of strings", field=f"{key}[{i}].patterns")
    return items
