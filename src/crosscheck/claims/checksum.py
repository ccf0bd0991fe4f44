"""Fingerprints of claims: the checksum that detects hand edits, and content-derived claim ids.

Both hash a canonical JSON form of the claim's fields, so they do not depend
on YAML formatting, key order in the file, or tuple-versus-list spans.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from typing import Any

from crosscheck.records import Claim

# Fields a person may change without the claim counting as edited.
HUMAN_FIELDS: frozenset[str] = frozenset({"note", "origin", "checksum"})
# Fields that identify what a claim says (not where): the id survives edits elsewhere in the text.
_ID_FIELDS: tuple[str, ...] = ("kind", "event", "subject", "predicate", "object", "value", "expr", "quote")


def _canonical(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [_canonical(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 200 and 200.0 are the same count once written to YAML and read back
    return value


def _digest(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claim_checksum(claim: Claim) -> str:
    """16 hex digits over every machine-written field (all but note, origin, checksum)."""
    payload = {
        f.name: _canonical(getattr(claim, f.name)) for f in fields(claim) if f.name not in HUMAN_FIELDS
    }
    return _digest(payload)[:16]


def content_id(source_id: str, claim: Claim, nth: int = 0) -> str:
    """``<source>#<kind>-<8 hex>``: stable for the same claim text, whatever its offset.

    ``nth`` tells apart identical claims (the same quote twice in a text).
    """
    payload = {name: _canonical(getattr(claim, name)) for name in _ID_FIELDS}
    payload["nth"] = nth
    return f"{source_id}#{claim.kind}-{_digest(payload)[:8]}"
