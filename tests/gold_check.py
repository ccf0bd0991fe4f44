"""Scoring a report against a gold file, with the rules stated at the top of tests/gold/seeds.yaml.

A flag matches an entry when its kind is allowed, its evidence cites every
listed source and every listed string occurs in it; a silence entry is broken
by a flag that matches it and no wanted (or optional) entry.
"""

from __future__ import annotations

import json
from typing import Any


def _text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False).lower()


def matches(flag: dict[str, Any], entry: dict[str, Any]) -> bool:
    if flag["kind"] not in entry["kinds"]:
        return False
    cited = {e["source"] for e in flag["evidence"]}
    if not set(entry.get("sources") or []) <= cited:
        return False
    body = _text(flag)
    return all(m.lower() in body for m in entry.get("mentions") or [])


def expected_indexes(gold: dict[str, Any], flags: list[dict[str, Any]]) -> set[int]:
    used: set[int] = set()
    for entry in (gold.get("flags") or []) + (gold.get("optional") or []):
        used.update(i for i, f in enumerate(flags) if matches(f, entry))
    return used


def flag_found(report: dict[str, Any], entry: dict[str, Any]) -> bool:
    return any(matches(f, entry) for f in report["flags"])


def false_alarms(gold: dict[str, Any], report: dict[str, Any], entry: dict[str, Any]) -> list[dict[str, Any]]:
    flags = report["flags"]
    used = expected_indexes(gold, flags)
    return [f for i, f in enumerate(flags) if i not in used and matches(f, entry)]


def claim_found(report: dict[str, Any], entry: dict[str, Any]) -> bool:
    want = str(entry["value"])
    return any(
        c["source"] == entry["source"]
        and (str(c["value"]) == want or str(c["value"]).startswith(want + "/"))
        and all(m.lower() in _text(c) for m in entry.get("mentions") or [])
        for c in report["claims"]
    )


def publication(report: dict[str, Any], source_id: str) -> tuple[Any, Any, str]:
    got = {s["id"]: s for s in report["sources"]}[source_id]
    return got["published"], got["published_basis"], got["published_evidence"]
