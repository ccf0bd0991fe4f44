"""Document readers as a registry: one reader per input format, from a file's bytes to article text.

A reader decodes the bytes and returns the text every span indexes into, the
stretches it already knows are not article (front matter, HTML navigation),
the metadata the document gives about itself, and warnings.  ``@reader(name,
suffixes)`` registers one; adding an input format is one module and its name on
the import line of ``ingest/__init__.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.errors import InputError
from crosscheck.ingest.decode import decode_bytes
from crosscheck.ingest.meta import SourceMeta
from crosscheck.records import SetAside


@dataclass
class ReadDocument:
    text: str
    set_aside: list[SetAside] = field(default_factory=list)
    meta: SourceMeta = field(default_factory=SourceMeta)
    warnings: list[str] = field(default_factory=list)


Reader = Callable[[bytes, Path], ReadDocument]


@dataclass(frozen=True)
class DocumentFormat:
    name: str  # Source.format
    suffixes: tuple[str, ...]
    read: Reader


_FORMATS: dict[str, DocumentFormat] = {}


def reader(name: str, *suffixes: str) -> Callable[[Reader], Reader]:
    def register(read: Reader) -> Reader:
        taken = {s for f in _FORMATS.values() for s in f.suffixes}
        if name in _FORMATS or taken & set(suffixes):
            raise ValueError(f"document format {name!r} or one of its suffixes {suffixes} is registered twice")
        _FORMATS[name] = DocumentFormat(name, tuple(s.lower() for s in suffixes), read)
        return read

    return register


def document_formats() -> dict[str, str]:
    """File suffix -> format name, for every registered reader."""
    return {s: f.name for f in _FORMATS.values() for s in f.suffixes}


def reader_for(path: Path) -> DocumentFormat:
    """The reader of ``path`` by its suffix; an unsupported one is an InputError naming the file."""
    name = document_formats().get(path.suffix.lower())
    if name is None:
        known = ", ".join(sorted(document_formats()))
        raise InputError(str(path), f"unsupported document type {path.suffix!r} (expected one of {known})")
    return _FORMATS[name]


@reader("txt", ".txt")
def read_plain_text(data: bytes, path: Path) -> ReadDocument:
    decoded = decode_bytes(data, path)
    return ReadDocument(decoded.text, warnings=list(decoded.warnings))
