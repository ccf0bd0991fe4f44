"""Stable flag ids: derived from content, never from run order or line numbers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from crosscheck.compare.registry import flag_kind


def flag_id(kind: str, slot: str, values: Iterable[str], sources: Iterable[str]) -> str:
    """``DATE-3f9a1c2b7e``: a hash of kind, slot, the sorted values and sources."""
    parts = [kind, slot, "|".join(sorted(set(values))), "|".join(sorted(set(sources)))]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    fk = flag_kind(kind)
    if fk is None:
        raise KeyError(f"flag kind {kind!r} has no comparator registered in crosscheck.compare")
    return f"{fk.prefix}-{digest}"
