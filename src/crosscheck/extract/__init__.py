"""crosscheck.extract stage: one source's text -> mentions, time expressions and claims.

``extract_source`` is a pure function of the source text and the rules, so
its result can be cached by content hash (the claim files are that cache) and
sources can be extracted in parallel.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from crosscheck import __version__
from crosscheck.extract.assemble import extract_claims
from crosscheck.extract.mentions import find_mentions
from crosscheck.extract.temporal import find_time_expressions
from crosscheck.records import Claim, Mention, Source, TimeExpr
from crosscheck.rules import rules_fingerprint


@dataclass
class Extraction:
    source: str
    mentions: list[Mention]
    times: list[TimeExpr]
    claims: list[Claim]


def extractor_version() -> str:
    """Changes whenever the code version or any rule file (built-in or the user's) changes."""
    return f"{__version__}+{rules_fingerprint()}"


def extract_mentions(source: Source) -> list[Mention]:
    return find_mentions(source)


def extract_source(source: Source, mentions: list[Mention] | None = None) -> Extraction:
    mentions = find_mentions(source) if mentions is None else mentions
    times = find_time_expressions(source.text, source.sentences)
    claims = extract_claims(source, mentions, times)
    return Extraction(source.id, mentions, times, claims)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
