"""Every rule file has a JSON Schema, the built-in files fit theirs, and a user's misfit names file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from crosscheck.errors import InputError
from crosscheck.rules import BUILTIN_DIR, RuleSet
from crosscheck.rules.check import rule_file_errors, schema_for

RULE_FILES = sorted(p.name for p in BUILTIN_DIR.glob("*.yaml"))


@pytest.mark.parametrize("name", RULE_FILES)
def test_builtin_rule_file_fits_its_schema(name: str) -> None:
    schema = schema_for(name)
    assert schema is not None, f"rules/schemas/{Path(name).stem}.schema.json is missing"
    Draft202012Validator.check_schema(schema)
    assert rule_file_errors(name, BUILTIN_DIR / name) == []


@pytest.mark.parametrize(("name", "body", "line", "field"), [
    ("events.yaml", "version: 1\ntypes:\n  opening:\n    unique: yes please\n", None, "types.opening.unique"),
    ("titles.yaml", "version: 1\nofices: [harbourmaster]\n", 2, "ofices"),
    ("furniture.yaml", "lines: not a list\n", 1, "lines"),
    ("events.yaml", "types:\n  opening:\n    participants: buildings\n", 3, "types.opening.participants"),
])
def test_user_rule_file_misfit_names_file_line_and_field(tmp_path: Path, name: str, body: str,
                                                         line: int | None, field: str) -> None:
    (tmp_path / name).write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        RuleSet([tmp_path]).load(name)
    assert err.value.path == str(tmp_path / name) and err.value.field == field
    if line is not None:
        assert err.value.line == line
