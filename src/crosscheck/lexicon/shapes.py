"""Rule-file shape checks shared by the lexicons built from ``rules/*.yaml``."""

from __future__ import annotations

from crosscheck.errors import InputError


def check_rule_shape(data: object, file: str, shape: dict[str, type]) -> dict:
    """The rule file's mapping, after checking each known key has the expected YAML type.

    A user file that merges a string where a list is expected would otherwise be
    read letter by letter; name the file and the key instead.
    """
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(file, "rule file must be a mapping of rule names to values")
    for key, kind in shape.items():
        value = data.get(key)
        if value is not None and not isinstance(value, kind):
            raise InputError(file, f"must be a {'list' if kind is list else 'mapping'}", field=key)
    return data
