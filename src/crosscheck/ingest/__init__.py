"""crosscheck.ingest: documents in, ``Source`` records out.

Reads .txt, .md and .html files, decodes them, sets page furniture aside,
splits the article text into sentences and finds the publication date the
document states (metadata first, then datelines in the text; never guessed).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from crosscheck.calendar import parse_iso
from crosscheck.errors import InputError

# One line of reader modules: importing one registers its input format (see ingest/readers.py).
from crosscheck.ingest import frontmatter, html_text, readers  # noqa: F401
from crosscheck.ingest.furniture import find_furniture
from crosscheck.ingest.manifest import MANIFEST, read_manifest
from crosscheck.ingest.meta import SourceMeta
from crosscheck.ingest.published import find_stated_date, headline
from crosscheck.ingest.readers import document_formats, reader_for
from crosscheck.ingest.segment import segment
from crosscheck.records import Source

__all__ = ["DOCUMENT_FORMATS", "SourceMeta", "load_source", "load_sources", "skipped_entries"]

#: file suffix -> Source.format, from the registered readers
DOCUMENT_FORMATS: dict[str, str] = document_formats()


def load_source(path: Path, meta: SourceMeta | None = None) -> Source:
    """Read one document; ``meta`` (e.g. a manifest row) overrides what the document says about itself."""
    path = Path(path)
    fmt = reader_for(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    doc = fmt.read(data, path)
    text, base, doc_meta, warnings = doc.text, doc.set_aside, doc.meta, doc.warnings
    given = doc_meta.overridden_by(meta)
    furniture = find_furniture(text, base, language=given.language)
    source = Source(
        id=path.stem,
        path=str(path),
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        format=fmt.name,  # type: ignore[arg-type]
        url=given.url,
        publisher=given.publisher,
        language=given.language or furniture.language,
        set_aside=furniture.set_aside,
        sentences=segment(text, furniture.set_aside),
        warnings=warnings,
    )
    source.title = given.title or headline(text, furniture.set_aside)
    stated = find_stated_date(text, furniture.set_aside)
    if given.published:
        source.published, source.published_basis = given.published, "metadata"
        source.published_evidence = given.published_evidence
        given_value = parse_iso(given.published)
        if stated and given_value and not given_value.overlaps(stated.value):
            source.warnings.append(
                f"{path.name}: publication date {given.published} ({given.published_evidence}) disagrees with "
                f"the text, which states {stated.value.iso} ({stated.evidence!r}); the metadata is used"
            )
    elif stated:
        source.published, source.published_basis = stated.value.iso, "stated"
        source.published_evidence = stated.evidence
    if not source.sentences:
        source.warnings.append(f"{path.name}: no article text found")
    return source


def load_sources(folder: Path) -> list[Source]:
    """Every document directly in ``folder`` (sorted by file name), with ``sources.csv`` applied."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(
            str(folder), "sources folder does not exist" if not folder.exists() else "not a folder"
        )
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise InputError(str(folder), f"cannot list folder: {exc.strerror or exc}") from exc
    files = [
        p
        for p in entries
        if p.suffix.lower() in DOCUMENT_FORMATS and not p.name.startswith(".") and p.is_file()
    ]
    if not files:
        raise InputError(str(folder), "no documents (.txt, .md, .html) in the sources folder")
    manifest_path = folder / MANIFEST
    manifest = read_manifest(manifest_path, {p.name for p in files}) if manifest_path.is_file() else {}
    sources: list[Source] = []
    seen: dict[str, str] = {}
    for path in files:
        if path.stem in seen:
            raise InputError(str(path), f"same source id {path.stem!r} as {seen[path.stem]}; rename one file")
        seen[path.stem] = path.name
        source = load_source(path, manifest.get(path.name))
        source.path = (Path(folder.name) / path.name).as_posix()
        sources.append(source)
    return sources


def skipped_entries(folder: Path) -> list[str]:
    """What ``load_sources`` leaves out of a sources folder, each with why (for a message, never silent)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.iterdir(), key=lambda p: p.name):
        if p.name.startswith(".") or p.name == MANIFEST:
            continue
        if p.is_dir():
            out.append(f"{p}: a folder (only documents directly in the sources folder are read)")
        elif p.suffix.lower() not in DOCUMENT_FORMATS:
            known = ", ".join(sorted(DOCUMENT_FORMATS))
            out.append(f"{p}: unsupported document type {p.suffix or '(none)'!r}, skipped (readable: {known})")
    return out
