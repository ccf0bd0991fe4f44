"""Tidy a list of set-aside spans: sorted, no overlaps, adjacent pieces of one kind merged."""

from __future__ import annotations

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
