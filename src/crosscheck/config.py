"""Project configuration: ``crosscheck.toml`` or ``[tool.crosscheck]`` in ``pyproject.toml``.

Only the folder the command runs in is searched; ``crosscheck.toml`` wins when
both files exist.  Relative paths are resolved against the folder of the file
that names them (command-line overrides against the working folder), so a run
does not depend on where it was started from.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosscheck.errors import InputError, UsageError

FAIL_ON: tuple[str, ...] = ("error", "warning", "info", "never")
PATH_KEYS: tuple[str, ...] = ("sources", "claims", "reports", "rules_dir")
KEYS: tuple[str, ...] = (*PATH_KEYS, "fail_on", "formats", "workers")


@dataclass
class Config:
    """Where a run reads and writes, and when it fails."""

    sources: Path
    claims: Path
    reports: Path
    fail_on: str = "error"
    formats: list[str] | None = None  # None: the report registry's default formats
    rules_dir: Path | None = None
    workers: int = 1
    config_file: Path | None = None  # the file the settings came from, for messages


@dataclass(frozen=True)
class _Settings:
    """Raw settings of one origin, with what is needed to report a bad one."""

    values: dict[str, Any]
    base: Path  # folder relative paths are resolved against
    origin: Path | None  # config file, or None for command-line overrides
    text: str = ""
    table: str | None = None  # "tool.crosscheck" in pyproject.toml

    def fail(self, message: str, key: str | None = None) -> Exception:
        if self.origin is None:
            return UsageError(f"--{key.replace('_', '-')}: {message}" if key else message)
        return InputError(str(self.origin), message, line=_key_line(self.text, key, self.table), field=key)


def _key_line(text: str, key: str | None, table: str | None) -> int | None:
    """Line of ``key = ...`` (inside ``[table]`` when given): TOML parsers keep no positions."""
    if not key:
        return None
    inside = table is None
    subtable = f"{table}.{key}" if table else key
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            header = stripped.strip("[] \t")
            if header == subtable or header.startswith(subtable + "."):
                return number
            inside = table is None or header == table
            continue
        if inside and re.match(rf"""["']?{re.escape(key)}["']?\s*[.=]""", stripped):
            return number
    return None


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(m.group(1)) if m else None
        raise InputError(str(path), f"malformed TOML: {message}", line=line) from exc


def _file_settings(cwd: Path) -> _Settings | None:
    own = cwd / "crosscheck.toml"
    if own.is_file():
        data, text = _read_toml(own)
        return _Settings(data, own.parent, own, text)
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        data, text = _read_toml(pyproject)
        section = data.get("tool", {}).get("crosscheck") if isinstance(data.get("tool"), dict) else None
        if section is None:
            return None
        settings = _Settings(section, pyproject.parent, pyproject, text, "tool.crosscheck")
        if not isinstance(section, dict):
            raise settings.fail("[tool.crosscheck] must be a table")
        return settings
    return None


def _apply(config: Config, settings: _Settings, known_formats: Sequence[str] = ()) -> None:
    """Check each setting and set it on ``config``; the first bad one raises."""
    for key, value in settings.values.items():
        if key not in KEYS:
            raise settings.fail(f"unknown setting {key!r} (known: {', '.join(KEYS)})", key)
        if value is None:
            continue
        if key in PATH_KEYS:
            if not isinstance(value, (str, Path)) or not str(value).strip():
                raise settings.fail("must be a non-empty path string", key)
            setattr(config, key, (settings.base / Path(value)).resolve())
        elif key == "fail_on":
            if value not in FAIL_ON:
                raise settings.fail(f"{value!r} is not one of {list(FAIL_ON)}", key)
            config.fail_on = value
        elif key == "formats":
            items = [v.strip() for v in value.split(",")] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                raise settings.fail("must be a list of format names", key)
            unknown = [v for v in items if known_formats and v not in known_formats]
            if unknown:
                raise settings.fail(f"unknown format(s) {unknown} (known: {list(known_formats)})", key)
            config.formats = list(dict.fromkeys(items))
        elif key == "workers":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise settings.fail(f"must be a whole number of at least 1, not {value!r}", key)
            config.workers = value


def load_config(cwd: Path, overrides: Mapping[str, Any] | None = None, formats: Sequence[str] = ()) -> Config:
    """Defaults, then the config file in ``cwd``, then ``overrides`` (None values are ignored).

    ``formats``: the output formats a ``formats`` setting may name (the report stage's registry; the
    configuration, below every stage, does not know them itself).

    A ``rules/`` folder beside the configuration is used as ``rules_dir`` when none is set.
    """
    cwd = Path(cwd).resolve()
    config = Config(sources=cwd / "sources", claims=cwd / "claims", reports=cwd / "reports")
    settings = _file_settings(cwd)
    base = cwd
    if settings is not None:
        config.config_file = settings.origin
        base = settings.base
        config.sources, config.claims, config.reports = base / "sources", base / "claims", base / "reports"
        _apply(config, settings, formats)
    if overrides:
        _apply(config, _Settings(dict(overrides), cwd, None), formats)
    if config.rules_dir is None and (base / "rules").is_dir():
        config.rules_dir = base / "rules"
    return config
