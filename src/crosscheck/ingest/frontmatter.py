"""Markdown YAML front matter (``---`` ... ``---`` at the top): metadata, never article text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from crosscheck.calendar import parse_iso
from crosscheck.errors import InputError
from crosscheck.ingest.decode import decode_bytes
from crosscheck.ingest.meta import SourceMeta
from crosscheck.ingest.readers import ReadDocument, reader
from crosscheck.records import SetAside

_FIELDS = ("title", "url", "publisher", "published", "language")
_DATE_ALIASES = ("date", "pubDate", "pubdate", "published_at", "publishDate", "datePublished", "date_published")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass
class FrontMatter:
    meta: SourceMeta
    span: SetAside | None  # the front matter block, to be set aside


def _key_line(body: str, key: str) -> int | None:
    """1-based line (within the file) where ``key:`` is written in the front matter."""
    for i, line in enumerate(body.split("\n")):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return i + 2  # +1 for 1-based, +1 for the opening ---
    return None


def read_front_matter(text: str, path: str) -> FrontMatter:
    """Parse the front matter of a Markdown text; InputError (with line) when it is malformed."""
    if not re.match(r"^---[ \t]*\n", text):
        return FrontMatter(SourceMeta(), None)
    opening = text.index("\n") + 1
    close = _CLOSE.search(text, opening)
    if close is None:
        raise InputError(path, "front matter opened with '---' is never closed", line=1)
    body = text[opening : close.start()]
    try:
        data = yaml.safe_load(body) if body.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last = body.count("\n") + 1  # the last line of the front matter body, 1-based in the file
        line = min(mark.line + 2, last) if mark is not None else 1
        context = getattr(exc, "context_mark", None)
        where = f" ({exc.context} on line {context.line + 2})" if context is not None and exc.context else ""
        problem = getattr(exc, "problem", None) or exc
        raise InputError(path, f"malformed front matter: {problem}{where}", line=line) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a mapping of keys to values", line=2)
    meta = SourceMeta()
    for alias in _DATE_ALIASES:  # static-site generators say "date" (Hugo, Jekyll) or "pubDate" (Astro)
        if data.get("published") in (None, "") and data.get(alias) not in (None, ""):
            data["published"] = data[alias]
            body_key = alias
            break
    else:
        body_key = "published"
    for key in _FIELDS:
        value = data.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            value = value.isoformat()
        if isinstance(value, dict | list):
            raise InputError(path, "expected a single value", line=_key_line(body, key), field=key)
        value = str(value).strip()
        if key == "published":
            value = _ISO_DATETIME.sub(r"\1", value)  # "2025-05-19T08:00:00+07:00" -> its date
            key = body_key
            tv = parse_iso(value)
            if tv is None or tv.precision not in ("day", "month", "year"):
                raise InputError(path, f"not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}",
                                 line=_key_line(body, key), field=key)  # fmt: skip
            meta.published = tv.iso
            meta.published_evidence = f"front matter line {_key_line(body, key)} ({key}: {value})"
        elif key == "language":
            meta.language = value.split("-")[0].lower()
        else:
            setattr(meta, key, value)
    end = close.end()
    return FrontMatter(meta, SetAside(0, end, "front matter", "front-matter"))


@reader("md", ".md", ".markdown")
def read_markdown(data: bytes, path: Path) -> ReadDocument:
    """Markdown: the text as written, its front matter set aside and read as metadata."""
    decoded = decode_bytes(data, path)
    fm = read_front_matter(decoded.text, str(path))
    return ReadDocument(decoded.text, [fm.span] if fm.span else [], fm.meta, list(decoded.warnings))
