"""Sources for the name tests, built without the ingest stage: a plain sentence split
and hand-marked page furniture for the seed documents."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from crosscheck.records import Sentence, SetAside, Source

SEEDS = Path(__file__).resolve().parent.parent / "sources"

# Where the page furniture of each seed starts (test data, marked by hand).
SEED_FURNITURE: dict[str, list[tuple[str, str | None]]] = {
    "000_411fadefafaa17fe": [("Korea-Asia Association (KAA)\n\nAs one", None)],
    "001_af8f2fa02ad50aac": [("More From Naenara", None)],
    "002_6366b2a89e533134": [("Verwandte Artikel", None), ("Bild generiert von KI", "Bild generiert von KI")],
    "003_e38ea94e15a7087e": [("2024 \u00a9 All rights", None)],
    "004_4d0010e5933920f6": [("Newspaper Subscription Prices", None)],
}

_SPLIT = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"(])")
_ABBREV = re.compile(r"(?:\b[A-Z]|\bMr|\bMrs|\bMs|\bDr|\bMt|\bSt|\bProf|\bGen)\.$")


def _pieces(line: str) -> list[str]:
    """Sentence pieces of a line; no split after an initial or a short title ("K.", "Mr.")."""
    out: list[str] = []
    for piece in _SPLIT.split(line):
        if out and _ABBREV.search(out[-1]):
            gap_start = line.index(out[-1]) + len(out[-1])
            gap = line[gap_start : line.index(piece, gap_start)]
            out[-1] = out[-1] + gap + piece
        else:
            out.append(piece)
    return out


def make_source(text: str, sid: str = "doc", furniture: list[tuple[int, int]] | None = None) -> Source:
    """A Source whose sentences are the non-empty lines, split after . ! ? (outside furniture)."""
    aside = [SetAside(a, b, "test furniture", "test") for a, b in (furniture or [])]
    sentences: list[Sentence] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        start = 0
        for piece in _pieces(line) if line.strip() else []:
            i = line.index(piece, start)
            a, b = pos + i, pos + i + len(piece)
            start = i + len(piece)
            if piece.strip() and not any(x.start < b and a < x.end for x in aside):
                sentences.append(Sentence(a, b, para, len(sentences)))
        pos += len(line) + 1
    return Source(
        id=sid, path=f"{sid}.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
        set_aside=aside, sentences=sentences,
    )


def seed_source(stem: str) -> Source:
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    spans: list[tuple[int, int]] = []
    for marker, single in SEED_FURNITURE.get(stem, []):
        if single is None:
            spans.append((text.index(marker), len(text)))
        else:
            spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(single), text))
    return make_source(text, stem, spans)


def seed_sources() -> list[Source]:
    return [seed_source(p.stem) for p in sorted(SEEDS.glob("*.txt"))]


def test_make_source_spans_are_exact() -> None:
    src = make_source("First one. Second one!\nThird line")
    assert [src.sentence_text(s) for s in src.sentences] == ["First one.", "Second one!", "Third line"]
    src = make_source("He met Mr. Smith. K. Phomvihane came.")
    assert [src.sentence_text(s) for s in src.sentences] == ["He met Mr. Smith.", "K. Phomvihane came."]


def test_seed_furniture_is_outside_sentences() -> None:
    src = seed_source("001_af8f2fa02ad50aac")
    cut = src.text.index("More From Naenara")
    assert src.sentences and all(s.end <= cut for s in src.sentences)
