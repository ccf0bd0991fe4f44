"""crosscheck.extract stage: one source's text -> mentions, time expressions and claims.

``extract_source`` is a pure function of the source text and the rules, so
its result can be cached by content hash (the claim files are that cache) and
sources can be extracted in parallel.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from crosscheck import __version__
from crosscheck.extract.assemble import extract_claims
from crosscheck.extract.mentions import find_mentions
from crosscheck.extract.places import gazetteer
from crosscheck.extract.temporal import find_time_expressions
from crosscheck.normalize.registry import Registry
from crosscheck.records import Claim, Mention, Source, TimeExpr
from crosscheck.rules import rules_fingerprint


@dataclass
class Extraction:
    source: str
    mentions: list[Mention]
    times: list[TimeExpr]
    claims: list[Claim]


def extractor_version(registry_file: Path | None = None) -> str:
    """Changes whenever the code version, any rule file (built-in or the user's) or the
    user's entity registry (it helps find names) changes."""
    extra = ""
    if registry_file is not None and registry_file.is_file():
        extra = "+" + hashlib.sha1(registry_file.read_bytes()).hexdigest()[:8]
    return f"{__version__}+{rules_fingerprint()}{extra}"


def _gazetteer_kinds(mentions: list[Mention]) -> list[Mention]:
    """A name the place gazetteer knows is a place, whatever its shape suggested ("landed in Hanoi")."""
    out: list[Mention] = []
    for m in mentions:
        hit = gazetteer().lookup(m.text) if m.kind in ("person", "unknown") else None
        if hit is not None and hit[1] in ("city", "region", "country"):
            m = replace(m, kind="country" if hit[1] == "country" else "place")
        out.append(m)
    return out


def extract_mentions(source: Source, registry: Registry | None = None) -> list[Mention]:
    """Name mentions of one source, typed with the help of the place gazetteer."""
    return _gazetteer_kinds(find_mentions(source, registry))


def extract_source(source: Source, registry: Registry | None = None) -> Extraction:
    """Mentions, time expressions and claims of one source."""
    mentions = extract_mentions(source, registry)
    times = find_time_expressions(source.text, source.sentences)
    claims = extract_claims(source, mentions, times)
    return Extraction(source.id, mentions, times, claims)

