"""Checking every claim file before a run writes anything.

The CLI calls ``validate_dir`` first and stops on any error, so a person's
broken edit is reported (file, line, field) and never overwritten.
"""

from __future__ import annotations

from pathlib import Path

from crosscheck.claims.files import read_claim_file_all
from crosscheck.errors import InputError

# Files in claims/ that are not claim files; their owners validate them with their own schemas.
NOT_CLAIM_FILES: frozenset[str] = frozenset({"entities.yaml", "reviews.yaml"})


def claim_file_paths(claims_dir: Path) -> list[Path]:
    """The claim files in ``claims_dir``, sorted by name."""
    return sorted(p for p in Path(claims_dir).glob("*.yaml") if p.name not in NOT_CLAIM_FILES and p.is_file())


def validate_dir(claims_dir: Path) -> list[InputError]:
    """All errors of all claim files (a missing folder has none: nothing was written yet)."""
    claims_dir = Path(claims_dir)
    if not claims_dir.exists():
        return []
    if not claims_dir.is_dir():
        return [InputError(str(claims_dir), "the claims folder is not a folder")]
    errors: list[InputError] = []
    for path in claim_file_paths(claims_dir):
        errors.extend(read_claim_file_all(path)[1])
    return errors
