"""Turning character spans into the line/column regions and portable paths that CI tools expect."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from crosscheck.records import Source

# Formats whose Source.text is the file's own text (line endings aside), so offsets map to file lines.
# HTML sources hold text extracted from markup: their offsets say nothing about lines of the file.
FILE_TEXT_FORMATS = frozenset({"txt", "md"})


@dataclass(frozen=True)
class Region:
    """A 1-based text region; ``end_column`` is one past the last character (SARIF convention)."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def region_for(text: str, span: tuple[int, int]) -> Region | None:
    """The region of ``text[start:end]``, or None when the span does not fit the text."""
    start, end = span
    if not (0 <= start <= end <= len(text)) or (start == end == 0 and not text):
        return None
    start_line, start_column = _position(text, start)
    end_line, end_column = _position(text, end)
    return Region(start_line, start_column, end_line, end_column)


def file_region(source: Source | None, span: tuple[int, int]) -> Region | None:
    """The region of ``span`` in the source *file*, or None when it cannot be located there."""
    if source is None or source.format not in FILE_TEXT_FORMATS:
        return None
    return region_for(source.text, span)


def portable_path(path: str) -> str:
    """A forward-slash path that never leaks the machine's layout.

    Relative paths are kept as given; an absolute path is made relative to the
    working directory when it lies under it, otherwise reduced to its file name.
    """
    if not path:
        return ""
    windows = PureWindowsPath(path)
    if windows.drive or "\\" in path:
        path = windows.as_posix()
    posix = PurePosixPath(path)
    if not posix.is_absolute() and not PureWindowsPath(path).drive:
        return posix.as_posix()
    try:
        rel = os.path.relpath(path, os.getcwd())
    except ValueError:
        return posix.name
    if rel.startswith(".."):
        return posix.name
    return PurePosixPath(*rel.split(os.sep)).as_posix()


def excerpt(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with an ellipsis)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"
