"""Lines and paragraphs of a text, as exact spans.

A paragraph is a blank-line separated block, except that in blocks whose lines
are not hard-wrapped (long lines, as in pages copied from a browser) every line
is its own paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TERMINAL = tuple('.!?:;"”’)»')
_WRAP_MAX = 100  # a block whose lines are all this short may be hard-wrapped
_WRAP_MIN = 40  # a wrapped line is at least this long


@dataclass(frozen=True)
class Line:
    """One line: ``start``/``end`` exclude the newline; ``text`` is stripped of outer whitespace."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text

    def stripped_span(self, raw: str) -> tuple[int, int]:
        """The span of the line without its outer whitespace, in ``raw`` offsets."""
        line = raw[self.start : self.end]
        lead = len(line) - len(line.lstrip())
        return self.start + lead, self.start + lead + len(self.text)


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        out.append(Line(i, pos, pos + len(raw), raw.strip()))
        pos += len(raw) + 1
    return out


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                out.append(current)
            current = []
        else:
            current.append(line)
    if current:
        out.append(current)
    return out


_LOWER_START = re.compile(r"^[a-zà-ÿ,;]")


def _wraps(line: Line, nxt: Line, short_block: bool) -> bool:
    """Whether the break between ``line`` and ``nxt`` is a hard wrap inside one paragraph."""
    if line.text.endswith(_TERMINAL):
        return False
    if _LOWER_START.match(nxt.text):
        return True
    return short_block and len(line.text) >= _WRAP_MIN


def paragraphs(lines: list[Line]) -> list[tuple[int, int]]:
    """Paragraph spans ``(start, end)`` over the non-blank text, in order."""
    out: list[tuple[int, int]] = []
    for block in blocks(lines):
        short_block = len(block) > 1 and max(len(x.text) for x in block) <= _WRAP_MAX
        first = block[0]
        for line, nxt in zip(block, block[1:], strict=False):
            if not _wraps(line, nxt, short_block):
                out.append((first.start, line.end))
                first = nxt
        out.append((first.start, block[-1].end))
    return out
