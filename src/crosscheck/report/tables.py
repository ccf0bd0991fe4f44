"""Flat tables of a run (pandas): claims.csv, flags.csv, sources.csv and report.sqlite for Datasette.

Column order is fixed here so spreadsheets and SQL queries written against
one run keep working on the next.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd

from crosscheck.records import Claim, Flag, RunResult, Source
from crosscheck.report.document import sorted_claims, sorted_flags, sorted_set_aside, sorted_sources
from crosscheck.report.formats import output_format
from crosscheck.report.locations import portable_path

JOIN = " | "

SOURCE_COLUMNS = [
    "id", "path", "format", "title", "url", "publisher", "published", "published_basis", "published_evidence",
    "language", "sha256", "warnings", "set_aside_count", "set_aside",
]  # fmt: skip
CLAIM_COLUMNS = [
    "id", "source", "kind", "subject", "event", "event_type", "participants", "predicate", "object", "value",
    "value_low", "value_high", "precision", "bounds", "expr", "time", "derivation", "quote", "span_start",
    "span_end", "origin", "resolved", "raw", "note",
]  # fmt: skip
FLAG_COLUMNS = [
    "id", "kind", "severity", "status", "new", "subject", "summary", "slot", "review_note", "sources", "values",
    "quotes", "spans", "claims",
]  # fmt: skip
EVIDENCE_COLUMNS = [
    "flag",
    "position",
    "source",
    "value",
    "quote",
    "span_start",
    "span_end",
    "claim",
    "derivation",
]


_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d[\d,.]*$")


def spreadsheet_safe(value: object) -> object:
    """Text a spreadsheet would run as a formula (``=HYPERLINK(...)`` in a quoted web page) gets a leading ``'``.

    Only the CSV files need this: journalists open them in Excel or LibreOffice.
    Plain signed numbers are left alone.
    """
    if isinstance(value, str) and _FORMULA_START.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def _csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(spreadsheet_safe)
    return out


def _source_row(s: Source) -> dict[str, object]:
    return {
        "id": s.id, "path": portable_path(s.path), "format": s.format, "title": s.title, "url": s.url,
        "publisher": s.publisher, "published": s.published, "published_basis": s.published_basis,
        "published_evidence": s.published_evidence, "language": s.language, "sha256": s.sha256,
        "warnings": JOIN.join(s.warnings), "set_aside_count": len(s.set_aside),
        "set_aside": JOIN.join(f"{a.reason} [{a.start}-{a.end}]" for a in sorted_set_aside(s)),
    }  # fmt: skip


def _claim_row(c: Claim) -> dict[str, object]:
    return {
        "id": c.id, "source": c.source, "kind": c.kind, "subject": c.subject, "event": c.event,
        "event_type": c.event_type, "participants": "; ".join(c.participants), "predicate": c.predicate,
        "object": c.object, "value": None if c.value is None else str(c.value), "value_low": c.value_low,
        "value_high": c.value_high, "precision": c.precision, "bounds": c.bounds, "expr": c.expr, "time": c.time,
        "derivation": c.derivation, "quote": c.quote, "span_start": c.span[0], "span_end": c.span[1],
        "origin": c.origin, "resolved": c.resolved, "raw": c.raw, "note": c.note,
    }  # fmt: skip


def _flag_row(f: Flag) -> dict[str, object]:
    ev = f.evidence
    return {
        "id": f.id, "kind": f.kind, "severity": f.severity, "status": f.status, "new": f.new,
        "subject": f.subject, "summary": f.summary, "slot": f.slot, "review_note": f.review_note,
        "sources": JOIN.join(e.source for e in ev), "values": JOIN.join(str(e.value) for e in ev),
        "quotes": JOIN.join(" ".join(e.quote.split()) for e in ev),
        "spans": JOIN.join(f"{e.span[0]}-{e.span[1]}" for e in ev), "claims": JOIN.join(e.claim or "" for e in ev),
    }  # fmt: skip


def sources_frame(result: RunResult) -> pd.DataFrame:
    return pd.DataFrame([_source_row(s) for s in sorted_sources(result.sources)], columns=SOURCE_COLUMNS)


def claims_frame(result: RunResult) -> pd.DataFrame:
    return pd.DataFrame([_claim_row(c) for c in sorted_claims(result.claims)], columns=CLAIM_COLUMNS)


def flags_frame(result: RunResult) -> pd.DataFrame:
    """One row per flag, its evidence flattened with `` | `` (sources, values, quotes in the same order)."""
    return pd.DataFrame([_flag_row(f) for f in sorted_flags(result.flags)], columns=FLAG_COLUMNS)


def evidence_frame(result: RunResult) -> pd.DataFrame:
    rows = [
        {"flag": f.id, "position": i, "source": e.source, "value": str(e.value), "quote": e.quote,
         "span_start": e.span[0], "span_end": e.span[1], "claim": e.claim, "derivation": e.derivation}
        for f in sorted_flags(result.flags)
        for i, e in enumerate(f.evidence)
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def write_csv(result: RunResult, folder: Path) -> list[Path]:
    """claims.csv, flags.csv and sources.csv (UTF-8, ``\\n`` line endings, formula-like cells neutralised)."""
    out = []
    for name, frame in (
        ("claims.csv", claims_frame(result)),
        ("flags.csv", flags_frame(result)),
        ("sources.csv", sources_frame(result)),
    ):
        path = folder / name
        _csv_frame(frame).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        out.append(path)
    return out


def write_sqlite(result: RunResult, path: Path) -> Path:
    """report.sqlite with tables sources, claims, flags, evidence (opens directly in Datasette)."""
    path.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as con:
        for name, frame in (
            ("sources", sources_frame(result)),
            ("claims", claims_frame(result)),
            ("flags", flags_frame(result)),
            ("evidence", evidence_frame(result)),
        ):
            frame.to_sql(name, con, index=False)
        con.commit()
    return path


@output_format("csv", "claims.csv, flags.csv, sources.csv", default=True, order=40)
def write_tables(result: RunResult, folder: Path, stale: list[str]) -> list[Path]:
    return write_csv(result, folder)


@output_format("sqlite", "report.sqlite", order=70)
def write_database(result: RunResult, folder: Path, stale: list[str]) -> list[Path]:
    return [write_sqlite(result, folder / "report.sqlite")]
