"""report.sarif (SARIF 2.1.0): flags as code-scanning results, one location per piece of evidence.

Review decisions become SARIF suppressions.  In SARIF a suppression with
status ``accepted`` is in effect (the result leaves the open list) and
``rejected`` means a proposed suppression was turned down.  Every reviewed
flag (accepted = real and handled, rejected = false alarm, ignored = not
relevant) is dealt with, so each carries an in-effect suppression whose
justification records the reviewer's decision and note.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from crosscheck import __version__
from crosscheck.compare.registry import flag_kinds
from crosscheck.records import Evidence, Flag, RunResult, Source
from crosscheck.report.document import REVIEWED_STATUSES, TOOL_NAME, kind_description, sorted_flags
from crosscheck.report.formats import output_format, write_text
from crosscheck.report.json_report import dumps
from crosscheck.report.locations import file_region, portable_path

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "crosscheckFlag/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
REVIEW_MEANING = {"accepted": "confirmed and handled", "rejected": "false alarm", "ignored": "not relevant"}
# Review status -> SARIF suppression status.  Every decision takes the result off the open list, so each
# suppression is in effect ("accepted" in SARIF terms); SARIF "rejected" would keep a false alarm open.
SUPPRESSION_STATUS = {"accepted": "accepted", "rejected": "accepted", "ignored": "accepted"}


def artifact_uri(source_id: str, sources: dict[str, Source]) -> str:
    """The source's project-relative path as a URI reference (percent-encoded)."""
    source = sources.get(source_id)
    path = portable_path(source.path) if source and source.path else source_id
    return quote(path, safe="/")


def _rule(kind: str) -> dict[str, Any]:
    return {
        "id": kind,
        "name": "".join(part.capitalize() for part in kind.split("_")),
        "shortDescription": {"text": kind_description(kind)},
    }


def _location(ev: Evidence, sources: dict[str, Source]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(ev.source, sources)}}
    source = sources.get(ev.source)
    region = file_region(source, ev.span)
    if source and region:
        physical["region"] = {
            "startLine": region.start_line,
            "startColumn": region.start_column,
            "endLine": region.end_line,
            "endColumn": region.end_column,
            "snippet": {"text": source.text[ev.span[0] : ev.span[1]]},
        }
    return {
        "physicalLocation": physical,
        "message": {"text": f"{ev.source}: {ev.value}"},
        "properties": {"textSpan": [ev.span[0], ev.span[1]], "claim": ev.claim},
    }


def _result(flag: Flag, rule_index: dict[str, int], sources: dict[str, Source]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": flag.kind,
        "ruleIndex": rule_index[flag.kind],
        "level": LEVELS.get(flag.severity, "note"),
        "message": {"text": flag.summary},
        "locations": [_location(ev, sources) for ev in flag.evidence],
        "partialFingerprints": {FINGERPRINT_KEY: flag.id},
        "properties": {"flagId": flag.id, "subject": flag.subject, "slot": flag.slot, "status": flag.status,
                       "new": flag.new},
    }  # fmt: skip
    if flag.status in REVIEWED_STATUSES:
        note = f": {flag.review_note}" if flag.review_note else ""
        out["suppressions"] = [{
            "kind": "external",
            "status": SUPPRESSION_STATUS[flag.status],
            "justification": f"reviewed as {flag.status} ({REVIEW_MEANING[flag.status]}){note}",
        }]  # fmt: skip
    return out


def sarif_log(result: RunResult) -> dict[str, Any]:
    """The SARIF log: one rule per flag kind (all known kinds, then any other seen), one result per flag."""
    flags = sorted_flags(result.flags)
    known = [k.name for k in flag_kinds()]
    kinds = known + sorted({f.kind for f in flags} - set(known))
    rule_index = {kind: i for i, kind in enumerate(kinds)}
    sources = {s.id: s for s in result.sources}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": TOOL_NAME, "version": __version__, "rules": [_rule(k) for k in kinds]}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, rule_index, sources) for f in flags],
        }],
    }  # fmt: skip


@output_format("sarif", "report.sarif", default=True, order=50)
def write_sarif(result: RunResult, folder: Path, stale: list[str]) -> list[Path]:
    return [write_text(folder / "report.sarif", dumps(sarif_log(result)))]
