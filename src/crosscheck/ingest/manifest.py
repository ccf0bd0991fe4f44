"""The ``sources.csv`` manifest: per-file metadata that overrides what the documents say."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from crosscheck.calendar import parse_iso
from crosscheck.errors import InputError
from crosscheck.ingest.decode import read_text
from crosscheck.ingest.meta import SourceMeta

MANIFEST = "sources.csv"
_FIELDS = ("title", "url", "publisher", "published", "language")


def read_manifest(path: Path, documents: set[str]) -> dict[str, SourceMeta]:
    """File name -> metadata; ``documents`` are the document file names present in the folder."""
    decoded = read_text(path)
    reader = csv.reader(io.StringIO(decoded.text))
    try:
        header = next(reader)
    except StopIteration:
        return {}
    except csv.Error as exc:
        raise InputError(str(path), f"unreadable CSV: {exc}", line=1) from exc
    columns = [h.strip().lower() for h in header]
    if "file" not in columns:
        raise InputError(str(path), "the header has no 'file' column", line=1, field="file")
    index = {name: columns.index(name) for name in ("file", *_FIELDS) if name in columns}
    out: dict[str, SourceMeta] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(str(path), f"unreadable CSV: {exc}", line=reader.line_num) from exc
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            i = index.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        name = cell("file")
        if not name:
            raise InputError(str(path), "empty file name", line=line, field="file")
        if name not in documents:
            raise InputError(str(path), f"names {name!r}, which is not a document in {path.parent}", line=line,
                             field="file")  # fmt: skip
        if name in out:
            raise InputError(str(path), f"{name!r} is listed twice", line=line, field="file")
        meta = SourceMeta(
            title=cell("title") or None,
            url=cell("url") or None,
            publisher=cell("publisher") or None,
            language=(cell("language").split("-")[0].lower() or None),
        )
        published = cell("published")
        if published:
            tv = parse_iso(published)
            if tv is None or tv.precision not in ("day", "month", "year"):
                raise InputError(str(path), f"not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD): {published!r}",
                                 line=line, field="published")  # fmt: skip
            meta.published, meta.published_evidence = tv.iso, f"{MANIFEST} line {line}"
        out[name] = meta
    return out
