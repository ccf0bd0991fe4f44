"""Set-aside spans: tidying (sorted, no overlaps, adjacent pieces of one kind merged) and fast lookup."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from crosscheck.records import SetAside


def normalize_spans(text: str, spans: Sequence[SetAside]) -> list[SetAside]:
    """Drop spans inside others, trim partial overlaps, merge same-reason spans split only by whitespace."""
    out: list[SetAside] = []
    for s in sorted(spans, key=lambda a: (a.start, -a.end, a.rule)):
        if s.end <= s.start:
            continue
        if out and s.end <= out[-1].end:
            continue  # inside the previous span
        if out and s.start < out[-1].end:
            s = SetAside(out[-1].end, s.end, s.reason, s.rule)
        if out and out[-1].reason == s.reason and not text[out[-1].end : s.start].strip():
            prev = out.pop()
            s = SetAside(prev.start, s.end, prev.reason, prev.rule)
        out.append(s)
    return out


class Coverage:
    """The union of some spans, answering overlap and containment queries in log time."""

    def __init__(self, spans: Sequence[SetAside]) -> None:
        union: list[list[int]] = []
        for s in sorted(spans, key=lambda a: (a.start, a.end)):
            if s.end <= s.start:
                continue
            if union and s.start <= union[-1][1]:
                union[-1][1] = max(union[-1][1], s.end)
            else:
                union.append([s.start, s.end])
        self.starts = [a for a, _ in union]
        self.ends = [b for _, b in union]

    def _first_after(self, start: int) -> int:
        """Index of the first interval ending after ``start``."""
        return bisect_right(self.ends, start)

    def overlaps(self, start: int, end: int) -> bool:
        i = self._first_after(start)
        return i < len(self.starts) and self.starts[i] < end

    def covers(self, start: int, end: int) -> bool:
        i = self._first_after(start)
        return i < len(self.starts) and self.starts[i] <= start and end <= self.ends[i]

    def free_pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """Parts of [start, end) outside every interval."""
        pieces: list[tuple[int, int]] = []
        pos = start
        i = self._first_after(start)
        while i < len(self.starts) and self.starts[i] < end:
            if self.starts[i] > pos:
                pieces.append((pos, self.starts[i]))
            pos = max(pos, self.ends[i])
            i += 1
        if pos < end:
            pieces.append((pos, end))
        return pieces
