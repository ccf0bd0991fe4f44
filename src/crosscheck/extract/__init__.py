"""crosscheck.extract stage: one source's text -> mentions, time expressions and claims.

``extract_source`` is a pure function of the source text and the rules, so
its result can be cached by content hash (the claim files are that cache) and
sources can be extracted in parallel.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from crosscheck import __version__
from crosscheck.extract.assemble import extract_claims
from crosscheck.extract.mentions import find_mentions
from crosscheck.extract.temporal import find_time_expressions
from crosscheck.lexicon.gazetteer import gazetteer
from crosscheck.lexicon.namekeys import name_key
from crosscheck.lexicon.registry import Registry
from crosscheck.records import Claim, Mention, Source, TimeExpr
from crosscheck.rules import rules_fingerprint


@dataclass
class Extraction:
    source: str
    mentions: list[Mention]
    times: list[TimeExpr]
    claims: list[Claim]


# What a source's claims depend on: the ingest and extract stages, the lexicons below them,
# the calendar and the rule loader.  Nothing else (normalize, compare, report) is hashed.
_EXTRACTION_CODE = ("ingest", "extract", "lexicon", "rules", "calendar.py", "records.py")


@cache
def _code_fingerprint() -> str:
    """A hash of the code that decides what a source's claims are (see ``_EXTRACTION_CODE``)."""
    h = hashlib.sha1()
    root = Path(__file__).resolve().parent.parent
    for name in _EXTRACTION_CODE:
        paths = sorted((root / name).glob("*.py")) if (root / name).is_dir() else [root / name]
        for path in paths:
            h.update(f"{name}/{path.name}".encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:8]


def extractor_version(registry_file: Path | None = None) -> str:
    """Changes whenever the extraction code, any rule file (built-in or the user's) or the
    user's entity registry (it helps find names) changes: then cached claims are re-extracted."""
    extra = ""
    if registry_file is not None and registry_file.is_file():
        extra = "+" + hashlib.sha1(registry_file.read_bytes()).hexdigest()[:8]
    return f"{__version__}+{_code_fingerprint()}{rules_fingerprint()}{extra}"


def _gazetteer_kinds(mentions: list[Mention]) -> list[Mention]:
    """A name the place gazetteer knows is a place, whatever its shape suggested ("landed in Hanoi")."""
    out: list[Mention] = []
    for m in mentions:
        hit = gazetteer().lookup(m.text) if m.kind in ("person", "unknown") else None
        if hit is not None and hit[1] in ("city", "region", "country"):
            m = replace(m, kind="country" if hit[1] == "country" else "place")
        out.append(m)
    return out


def _surnames(source: Source, mentions: list[Mention]) -> list[Mention]:
    """A surname alone ("Abdykadyrov was born ...") where the source names exactly one person
    with it in full: mention detection leaves a lone capitalised word at a sentence start alone."""
    owners: dict[str, list[str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.kind == "person" and len(words) >= 2 and len(words[-1]) >= 4:
            owners.setdefault(words[-1], []).append(m.text)
    taken = [(m.start, m.end) for m in mentions]
    extra: list[Mention] = []
    for surname, named in owners.items():
        if main_bearer(named) is None:
            continue
        for hit in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])", source.text):
            a, z = hit.span()
            if any(x < z and a < y for x, y in taken) or not _in_sentences(source, a, z):
                continue
            extra.append(Mention(source.id, a, z, surname, "person", name_key(surname), via="short"))
    return sorted(mentions + extra, key=lambda m: (m.start, m.end))


def main_bearer(named: list[str]) -> str | None:
    """Of the full names sharing a surname (in order of appearance), the one a lone surname
    means: the only one, else the one named most often, ties going to the one named first
    (an obituary's subject, not his sons); None when the first named is named less often."""
    counts: dict[str, int] = {}
    for n in named:
        counts[n] = counts.get(n, 0) + 1
    ranked = sorted(counts, key=lambda n: (-counts[n], named.index(n)))
    if len(ranked) == 1 or counts[ranked[0]] > counts[ranked[1]] or ranked[0] == named[0]:
        return ranked[0]  # news names its subject first and most: a lone surname is theirs
    return None


def _in_sentences(source: Source, a: int, z: int) -> bool:
    i = bisect_right([s.start for s in source.sentences], a) - 1
    return i >= 0 and source.sentences[i].end >= z


def extract_mentions(source: Source, registry: Registry | None = None) -> list[Mention]:
    """Name mentions of one source, typed with the help of the place gazetteer."""
    mentions = _gazetteer_kinds(find_mentions(source, registry))
    return _surnames(source, mentions)


def extract_source(source: Source, registry: Registry | None = None) -> Extraction:
    """Mentions, time expressions and claims of one source."""
    mentions = extract_mentions(source, registry)
    times = find_time_expressions(source.text, source.sentences)
    claims = extract_claims(source, mentions, times)
    return Extraction(source.id, mentions, times, claims)

