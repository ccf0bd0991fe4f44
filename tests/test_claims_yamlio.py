"""yamlio: line numbers for JSON paths, schema errors as file:line:field, deterministic dumps."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.errors import InputError
from crosscheck.yamlio import dotted, dump_yaml, load_yaml_file, parse_yaml_text, validate

TEXT = """\
name: demo
published: 2020-06-24
items:
  - id: a
    span: [1, 2, 3]
  - id: b
    colour: red
"""
SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "published": {"type": "string"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "span"],
                "additionalProperties": False,
                "properties": {"id": {"type": "string"}, "span": {"type": "array", "maxItems": 2}},
            },
        },
    },
}


def test_line_of_follows_keys_and_items() -> None:
    doc = parse_yaml_text(TEXT, Path("x.yaml"))
    assert doc.line_of([]) == 1
    assert doc.line_of(["published"]) == 2
    assert doc.line_of(["items", 0]) == 4
    assert doc.line_of(["items", 0, "span"]) == 5
    assert doc.line_of(["items", 1, "colour"]) == 7
    assert doc.line_of(["items", 1, "missing"]) == 6  # deepest existing ancestor


def test_dates_stay_strings() -> None:
    assert parse_yaml_text(TEXT, Path("x.yaml")).data["published"] == "2020-06-24"


def test_validate_reports_all_errors_sorted_with_line_and_field() -> None:
    doc = parse_yaml_text(TEXT, Path("x.yaml"))
    errors = validate(doc, SCHEMA, Path("x.yaml"))
    assert [(e.line, e.field) for e in errors] == [
        (5, "items[0].span"),
        (6, "items[1].span"),
        (7, "items[1].colour"),
    ]
    assert str(errors[0]) == "x.yaml:5: items[0].span: [1, 2, 3] is too long"
    assert str(errors[1]) == "x.yaml:6: items[1].span: required field missing"
    assert errors[2].message == "unknown field 'colour'"


def test_long_values_are_shortened_in_messages() -> None:
    doc = parse_yaml_text("name: [" + ", ".join(["x" * 20] * 20) + "]\n", Path("x.yaml"))
    (error,) = validate(doc, SCHEMA, Path("x.yaml"))
    assert len(error.message) < 120 and "is not of type 'string'" in error.message


@pytest.mark.parametrize(
    ("text", "line"),
    [("a: [1, 2\nb: 3\n", 2), ("a: 1\n  b: 2\n", 2), ("a: 1\nb: 2\na: 3\n", 3), ("a: 1\n---\nb: 2\n", 2)],
)
def test_malformed_yaml_names_the_line(text: str, line: int) -> None:
    with pytest.raises(InputError) as info:
        parse_yaml_text(text, Path("bad.yaml"))
    assert info.value.line == line
    assert str(info.value).startswith(f"bad.yaml:{line}: ")


def test_unreadable_files_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_yaml_file(tmp_path / "nope.yaml")
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"a: \xff\xfe\n")
    with pytest.raises(InputError, match="not UTF-8"):
        load_yaml_file(binary)


def test_python_tags_are_refused() -> None:
    with pytest.raises(InputError, match="malformed YAML"):
        parse_yaml_text("a: !!python/object/apply:os.system ['true']\n", Path("evil.yaml"))


def test_dump_is_deterministic_ordered_and_reloadable() -> None:
    shared = {"k": "v"}
    data = {
        "z": "Kim Jong-un — ü",
        "a": [shared, shared],
        "span": (3, 9),
        "date": "2020-06-24",
        "yes": "yes",
        "long": "word " * 100,
    }
    text = dump_yaml(data)
    assert text == dump_yaml(data)
    assert text.index("z:") < text.index("a:")  # key order kept
    assert "&" not in text and "*" not in text  # no aliases
    assert "Kim Jong-un — ü" in text  # unicode kept
    assert "span: [3, 9]" in text
    assert len(text.splitlines()) == 8  # one line per scalar: the long string is not folded
    back = parse_yaml_text(text, Path("x.yaml")).data
    assert back == {**data, "span": [3, 9], "a": [shared, shared]}


def test_dotted() -> None:
    assert dotted(["claims", 3, "span"]) == "claims[3].span"
    assert dotted([]) == ""


def test_alias_bombs_do_not_hang_the_loader() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    doc = parse_yaml_text("\n".join(lines) + "\n", Path("bomb.yaml"))  # 10**9 leaves if expanded
    assert doc.line_of(["a8"]) == 9


def test_windows_line_endings_and_bom_are_read() -> None:
    doc = parse_yaml_text("\ufeffa: 1\r\nb:\r\n  - x\r\n  - 2020-01-01\r\n", Path("w.yaml"))
    assert doc.data == {"a": 1, "b": ["x", "2020-01-01"]}
    assert doc.line_of(["b", 1]) == 4


def test_tabs_give_a_line() -> None:
    with pytest.raises(InputError) as info:
        parse_yaml_text("a:\n\t- x\n", Path("t.yaml"))
    assert info.value.line == 2


def test_fast_yaml_dump_is_byte_identical_to_the_python_emitter() -> None:
    """dump_yaml may use libyaml and re-indent lists: random claim-shaped data must come out the same."""
    import random

    from crosscheck.yamlio import dump_yaml, dump_yaml_python

    rng = random.Random(11)
    pieces = ["a", "Kim Il Sung", ":", ": ", "#", " #", "- ", "-", "'", '"', "[", "]", "{", "}", ",", "&x", "*y",
              "!", "|", ">", "%", "@", "`", "é", "’", "한", " ", "\t", "yes", "null", "~", "1.0", "0x1F", "2020-06-24",
              "?", "\\", "\u00a0", "\ufeff", "\U0001f600", "\n", "\r\n"]

    def text() -> str:
        return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))

    def scalar() -> object:
        return rng.choice([text(), text(), rng.randint(-5, 10**6), rng.random(), None, True, False, ""])

    def value(depth: int) -> object:
        roll = rng.random()
        if depth > 2 or roll < 0.5:
            return scalar()
        if roll < 0.7:
            return [scalar() for _ in range(rng.randint(0, 8))]
        if roll < 0.85:
            return [mapping(depth + 1) for _ in range(rng.randint(0, 3))]
        return mapping(depth + 1)

    def mapping(depth: int) -> dict[str, object]:
        return {f"{text()}k{i}": value(depth) for i in range(rng.randint(0, 5))}

    checked = 0
    for _ in range(400):
        data = {"schema_version": 1, "source": mapping(1), "claims": [mapping(1) for _ in range(rng.randint(0, 4))]}
        assert dump_yaml(data) == dump_yaml_python(data), data
        checked += 1
    assert checked == 400
