"""The JSON Schema of claim files, shipped in the package beside this module."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = 1


@cache
def claim_schema() -> dict[str, Any]:
    """``claims.schema.json`` (draft 2020-12), read once per process."""
    text = resources.files("crosscheck.claims").joinpath("claims.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
