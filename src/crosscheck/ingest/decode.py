"""Bytes to text: UTF-8 (BOM stripped), else cp1252 with a warning; line endings unified.

Every offset downstream indexes into the text returned here, so the
normalisation (BOM, CRLF/CR -> LF) happens once, before anything else.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.errors import InputError


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, path: str | Path) -> Decoded:
    """Decode a document's bytes; raise InputError when they are clearly not text."""
    name = Path(path).name
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):  # UTF-32 is tried first: its LE BOM begins with UTF-16's
            try:
                return Decoded(normalize_newlines(data.decode(codec)), codec)
            except UnicodeDecodeError as exc:
                raise InputError(str(path), f"not valid {codec} at byte {exc.start}") from exc
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            str(path),
            f"binary content, or UTF-16 without a byte-order mark (NUL byte at byte {nul}); not a text document",
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return Decoded(normalize_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        warning = f"{name}: decoded as cp1252: not valid UTF-8 at byte {exc.start}"
        return Decoded(normalize_newlines(text), "cp1252", [warning])


def read_text(path: Path) -> Decoded:
    """Read and decode one file, turning OS errors into InputError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    return decode_bytes(data, path)
