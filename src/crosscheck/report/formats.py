"""Output formats as a registry: each writer module declares its format once, with what it writes.

``@output_format(name, ...)`` registers a writer ``(result, folder, stale_reviews) -> [paths]``;
the configuration check, the CLI help, the default set and ``write_reports`` all derive from here.
Adding a format is one module and its name on the import line of ``report/__init__.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crosscheck.records import RunResult

Writer = Callable[[RunResult, Path, list[str]], list[Path]]


@dataclass(frozen=True)
class OutputFormat:
    name: str  # as given to --format and in the configuration
    files: str  # what it writes, for help texts ("report.json")
    default: bool  # written when no format is asked for
    order: int  # writing order
    write: Writer | None  # None: printed by the command, not written (GitHub annotations)


_FORMATS: dict[str, OutputFormat] = {}


def output_format(name: str, files: str, *, default: bool = False, order: int = 100,
                  printed: bool = False) -> Callable[[Writer], Writer]:
    def register(write: Writer) -> Writer:
        if name in _FORMATS:
            raise ValueError(f"output format {name!r} is registered twice")
        _FORMATS[name] = OutputFormat(name, files, default, order, None if printed else write)
        return write

    return register


def output_formats() -> list[OutputFormat]:
    return sorted(_FORMATS.values(), key=lambda f: (f.order, f.name))


def format_names() -> tuple[str, ...]:
    return tuple(f.name for f in output_formats())


def default_format_names() -> tuple[str, ...]:
    return tuple(f.name for f in output_formats() if f.default)


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
