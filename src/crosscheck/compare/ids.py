"""Stable flag ids: derived from content, never from run order or line numbers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

_PREFIX = {
    "name_variant": "NAME",
    "date_conflict": "DATE",
    "ordinal_conflict": "ORD",
    "count_conflict": "COUNT",
    "role_conflict": "ROLE",
    "place_conflict": "PLACE",
    "internal_conflict": "INT",
}


def flag_id(kind: str, slot: str, values: Iterable[str], sources: Iterable[str]) -> str:
    """``DATE-3f9a1c2b7e``: a hash of kind, slot, the sorted values and sources."""
    parts = [kind, slot, "|".join(sorted(set(values))), "|".join(sorted(set(sources)))]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    return f"{_PREFIX.get(kind, 'FLAG')}-{digest}"
