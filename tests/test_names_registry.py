"""The entity registry: built-in defaults, the user's claims/entities.yaml, schema errors with lines."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from crosscheck.errors import InputError
from crosscheck.lexicon.registry import SCHEMA_PATH, load_registry


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entities.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")


def test_builtin_covers_countries_parties_and_acronyms() -> None:
    reg = load_registry(None)
    assert reg.lookup("DPRK").id == reg.lookup("North Korea").id == "dprk"
    assert reg.lookup("Democratic People’s Republic of Korea").id == "dprk"
    assert reg.lookup("Lao PDR").id == reg.lookup("Lao People's Democratic Republic").id == "laos"
    assert reg.lookup("LPRP").kind == "org"
    assert reg.lookup("Lao People's Revolutionary Party").id == "lprp"
    assert reg.lookup("South Korea").id != "dprk"
    assert reg.are_distinct("dprk", "south-korea")
    assert reg.lookup("Laos", kind="org") is None  # typed: a country is not a party


def test_missing_user_file_is_the_builtin(tmp_path: Path) -> None:
    assert set(load_registry(tmp_path / "nope.yaml").entries) == set(load_registry(None).entries)


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, """
version: 1
entities:
  - canonical: Choummaly Sayasone
    kind: person
    aliases: [Choummaly Saygnasone]
  - id: dprk
    canonical: DPRK
  - id: kim-jong-un
    canonical: Kim Jong Un
    kind: person
distinct:
  - [kim-jong-un, kim-jong-il]
""")
    reg = load_registry(path)
    assert reg.lookup("Choummaly Saygnasone").id == "choummaly-sayasone"
    dprk = reg.entries["dprk"]
    assert dprk.canonical == "DPRK" and dprk.kind == "country"
    assert "North Korea" in dprk.aliases
    assert reg.lookup("North Korea").id == "dprk"
    assert reg.are_distinct("kim-jong-il", "kim-jong-un")
    assert "laos" in reg.entries  # built-ins kept
    assert "North Korea" not in load_registry(None).entries["dprk"].aliases  # built-in not mutated


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("entities:\n  - canonical: X\n    kind: planet\n", 3, "entities[0].kind"),
        ("entities:\n  - canonical: A\n  - canonical: B\n    aliases: nope\n", 4, "entities[1].aliases"),
        ("entities:\n  - canonical: A\n    colour: red\n", 3, "entities[0].colour"),
        ("entities:\n  - kind: person\n", 2, "entities[0]"),
        ("distinct:\n  - [a-b]\n", 2, "distinct[0]"),
        ("entities:\n  - canonical: A\n    id: Bad Id\n", 3, "entities[0].id"),
        ("names: []\n", 1, "names"),
        ("- just\n- a list\n", 1, None),
    ],
)
def test_schema_errors_name_line_and_field(tmp_path: Path, text: str, line: int, field: str | None) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_registry(path)
    err = info.value
    assert err.path == str(path)
    assert err.line == line
    assert err.field == field


def test_duplicate_ids_and_names_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "entities:\n  - canonical: A B\n  - canonical: A-B\n")
    with pytest.raises(InputError) as info:
        load_registry(path)
    assert info.value.line == 3
    path = write(tmp_path, "entities:\n  - {id: x, canonical: Foo}\n  - {id: y, canonical: Bar, aliases: [FOO]}\n")
    with pytest.raises(InputError, match="already given"):
        load_registry(path)


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "entities:\n  - canonical: [unclosed\n  - x: y\n")
    with pytest.raises(InputError) as info:
        load_registry(path)
    assert info.value.line is not None and "malformed YAML" in info.value.message


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError):
        load_registry(path)


def test_empty_user_file_is_fine(tmp_path: Path) -> None:
    assert "laos" in load_registry(write(tmp_path, "")).entries
