"""The report.json document: the one machine contract every output format and later tool honours.

Everything here is deterministic: sources by id, claims by (source, span, id),
flags by severity then kind then id, fixed key order, no clock and no
absolute paths.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from crosscheck import __version__
from crosscheck.compare.registry import SEVERITY_RANK, flag_kind, flag_kinds
from crosscheck.records import (
    SEVERITIES,
    Claim,
    Entity,
    Evidence,
    Flag,
    RunResult,
    SetAside,
    Source,
)
from crosscheck.report.locations import portable_path

TOOL_NAME = "crosscheck"
SET_ASIDE_TEXT_LIMIT = 300
STATUSES: tuple[str, ...] = ("open", "accepted", "rejected", "ignored")
REVIEWED_STATUSES: frozenset[str] = frozenset({"accepted", "rejected", "ignored"})


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info; unknown severities sort last."""
    return SEVERITY_RANK.get(severity, len(SEVERITIES))


def kind_description(kind: str) -> str:
    fk = flag_kind(kind)
    return fk.description if fk else f"Discrepancy of kind {kind}."


def sorted_flags(flags: Iterable[Flag]) -> list[Flag]:
    return sorted(flags, key=lambda f: (severity_rank(f.severity), f.kind, f.id))


def sorted_claims(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.source, c.span[0], c.span[1], c.id))


def sorted_sources(sources: Iterable[Source]) -> list[Source]:
    return sorted(sources, key=lambda s: s.id)


def sorted_set_aside(source: Source) -> list[SetAside]:
    return sorted(source.set_aside, key=lambda a: (a.start, a.end, a.rule))


def flag_sources(flag: Flag) -> list[str]:
    """The distinct sources a flag cites, in evidence order."""
    return list(dict.fromkeys(ev.source for ev in flag.evidence))


def set_aside_text(source: Source, start: int, end: int) -> str:
    return source.text[start:end][:SET_ASIDE_TEXT_LIMIT]


def _counts(values: Iterable[str], keys: Iterable[str]) -> dict[str, int]:
    """Counts for every key in ``keys`` (zeros included) plus any other value seen, sorted."""
    counter = Counter(values)
    out = {key: counter.get(key, 0) for key in keys}
    for key in sorted(set(counter) - set(out)):
        out[key] = counter[key]
    return out


def summary(result: RunResult, stale_reviews: Iterable[str] = ()) -> dict[str, Any]:
    flags = result.flags
    return {
        "sources": len(result.sources),
        "claims": len(result.claims),
        "flags": len(flags),
        "claims_by_kind": _counts((c.kind for c in result.claims), ()),
        "flags_by_kind": _counts((f.kind for f in flags), tuple(k.name for k in flag_kinds())),
        "flags_by_severity": _counts((f.severity for f in flags), SEVERITIES),
        "flags_by_status": _counts((f.status for f in flags), STATUSES),
        "new_flags": sum(1 for f in flags if f.new and f.status == "open"),
        "stale_reviews": len(set(stale_reviews)),
    }


def source_record(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "path": portable_path(source.path),
        "format": source.format,
        "title": source.title,
        "url": source.url,
        "publisher": source.publisher,
        "published": source.published,
        "published_basis": source.published_basis,
        "published_evidence": source.published_evidence,
        "language": source.language,
        "sha256": source.sha256,
        "warnings": list(source.warnings),
        "set_aside": [
            {
                "start": a.start,
                "end": a.end,
                "reason": a.reason,
                "rule": a.rule,
                "text": set_aside_text(source, a.start, a.end),
            }
            for a in sorted_set_aside(source)
        ],
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "source": claim.source,
        "kind": claim.kind,
        "subject": claim.subject,
        "event": claim.event,
        "event_type": claim.event_type,
        "participants": list(claim.participants),
        "predicate": claim.predicate,
        "object": claim.object,
        "value": claim.value,
        "value_low": claim.value_low,
        "value_high": claim.value_high,
        "precision": claim.precision,
        "bounds": claim.bounds,
        "expr": claim.expr,
        "time": claim.time,
        "derivation": claim.derivation,
        "quote": claim.quote,
        "span": [claim.span[0], claim.span[1]],
        "origin": claim.origin,
        "resolved": claim.resolved,
        "raw": claim.raw,
        "note": claim.note,
    }


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    return {
        "source": evidence.source,
        "value": "" if evidence.value is None else str(evidence.value),
        "quote": evidence.quote,
        "span": [evidence.span[0], evidence.span[1]],
        "claim": evidence.claim,
        "derivation": evidence.derivation,
    }


def flag_record(flag: Flag) -> dict[str, Any]:
    return {
        "id": flag.id,
        "kind": flag.kind,
        "severity": flag.severity,
        "subject": flag.subject,
        "summary": flag.summary,
        "slot": flag.slot,
        "status": flag.status,
        "review_note": flag.review_note,
        "new": flag.new,
        "evidence": [evidence_record(ev) for ev in flag.evidence],
    }


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "canonical": entity.canonical,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "distinct_from": list(entity.distinct_from),
    }


def report_document(result: RunResult, stale_reviews: Iterable[str] = ()) -> dict[str, Any]:
    """The report.json content for ``result``; ``stale_reviews`` are review ids whose flag is gone."""
    return {
        "tool": {"name": TOOL_NAME, "version": __version__},
        "summary": summary(result, stale_reviews),
        "sources": [source_record(s) for s in sorted_sources(result.sources)],
        "claims": [claim_record(c) for c in sorted_claims(result.claims)],
        "flags": [flag_record(f) for f in sorted_flags(result.flags)],
        "entities": [entity_record(e) for e in sorted(result.entities, key=lambda e: e.id)],
        "stale_reviews": sorted(set(stale_reviews)),
        "warnings": list(result.warnings),
    }
