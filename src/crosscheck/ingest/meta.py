"""Metadata about a document that does not come from its article text.

Manifest rows, Markdown front matter and HTML head tags all produce a
``SourceMeta``; ``load_source`` lets it win over what the text itself states.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SourceMeta:
    """Title, url, publisher, language and publication date given about a document."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    published: str | None = None  # ISO 8601, already validated and truncated to its precision
    published_evidence: str = ""  # where the date came from: "sources.csv line 3", "JSON-LD datePublished"

    def overridden_by(self, other: SourceMeta | None) -> SourceMeta:
        """A copy where every field ``other`` sets replaces this one's."""
        if other is None:
            return SourceMeta(**vars(self))
        merged = SourceMeta(**vars(self))
        for name in ("title", "url", "publisher", "language"):
            value = getattr(other, name)
            if value:
                setattr(merged, name, value)
        if other.published:
            merged.published = other.published
            merged.published_evidence = other.published_evidence
        return merged
