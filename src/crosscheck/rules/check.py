"""Each rule file has its own JSON Schema (``rules/schemas/<name>.schema.json``).

A user's rule file is checked against it when it is loaded, so a typo in a
key or a string where a list belongs is reported with the file, line and
field instead of surfacing later as a crash deep inside a stage.  The
built-in files are checked by the test suite.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from crosscheck.errors import InputError
from crosscheck.yamlio import load_yaml_file, validate

SCHEMA_DIR = Path(__file__).parent / "schemas"


@cache
def schema_for(name: str) -> dict[str, Any] | None:
    """The JSON Schema of rule file ``name`` (None for a file without one)."""
    path = SCHEMA_DIR / (Path(name).stem + ".schema.json")
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def rule_file_errors(name: str, path: Path) -> list[InputError]:
    """Every schema error of the rule file at ``path`` (named ``name``), with lines."""
    schema = schema_for(name)
    if schema is None:
        return []
    doc = load_yaml_file(path)
    if doc.data is None:
        return []
    return validate(doc, schema, path)


def check_rule_file(name: str, data: Any, path: Path) -> None:
    """Raise the first schema error of a user's rule file (``data`` as loaded from ``path``)."""
    schema = schema_for(name)
    if schema is None or data is None:
        return
    errors = rule_file_errors(name, path)
    if errors:
        raise errors[0]
