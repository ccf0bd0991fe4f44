"""report.md: the discrepancy report a person reads, checks and forwards."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from crosscheck.records import SEVERITIES, Claim, Evidence, Flag, RunResult, Source
from crosscheck.report.document import (
    STATUSES,
    sorted_claims,
    sorted_flags,
    sorted_set_aside,
    sorted_sources,
    summary,
)
from crosscheck.report.formats import output_format, write_text
from crosscheck.report.locations import excerpt, file_region, portable_path

SEVERITY_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
QUOTE_EXCERPT = 90
SET_ASIDE_WORDS = 12


def inline(text: object) -> str:
    """Text safe inside a Markdown line or table cell: one line, no raw HTML, no cell breaks."""
    flat = " ".join(str(text).split())
    return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def code(text: object, cell: bool = False) -> str:
    """An inline code span; in a table ``cell`` the pipe is escaped so it does not split the row."""
    flat = " ".join(str(text).split())
    if cell:
        flat = flat.replace("|", "\\|")
    return f"`` {flat} ``" if "`" in flat else f"`{flat}`"


def blockquote(text: str, indent: str = "") -> list[str]:
    lines = [ln.strip() for ln in text.strip().splitlines()] or [""]
    return [f"{indent}> {inline(ln)}".rstrip() for ln in lines]


def first_words(text: str, count: int = SET_ASIDE_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def _summary_lines(result: RunResult, stale: list[str]) -> list[str]:
    s = summary(result, stale)
    out = ["## Summary", ""]
    out += _table(
        ["Sources", "Claims", "Flags", "Open", "New", "Stale reviews"],
        [
            [
                str(s["sources"]),
                str(s["claims"]),
                str(s["flags"]),
                str(s["flags_by_status"]["open"]),
                str(s["new_flags"]),
                str(s["stale_reviews"]),
            ]
        ],
    )
    out.append("")
    rows = []
    for sev in SEVERITIES:
        flags = [f for f in result.flags if f.severity == sev]
        rows.append(
            [sev] + [str(sum(1 for f in flags if f.status == st)) for st in STATUSES] + [str(len(flags))]
        )
    out += _table(["Severity", *STATUSES, "total"], rows)
    kinds = {k: n for k, n in s["flags_by_kind"].items() if n}
    if kinds:
        out += ["", "Flags by kind: " + ", ".join(f"{inline(k)} {n}" for k, n in kinds.items()) + "."]
    return out


def _evidence_lines(ev: Evidence, sources: dict[str, Source]) -> list[str]:
    where = f"span {ev.span[0]}–{ev.span[1]}"
    region = file_region(sources.get(ev.source), ev.span)
    if region:
        where += f", line {region.start_line}"
    head = f"- **{inline(ev.source)}**: {code(ev.value)} ({where})"
    if ev.claim:
        head += f", claim {code(ev.claim)}"
    out = [head]
    if ev.derivation:
        out.append(f"  - derivation: {inline(ev.derivation)}")
    out += [""] + blockquote(ev.quote, "  ") + [""]
    return out


def _flag_lines(flag: Flag, sources: dict[str, Source]) -> list[str]:
    out = [f"#### {code(flag.id)} {inline(flag.kind)}: {inline(flag.summary)}", ""]
    status = f"**{flag.status}**"
    if flag.review_note:
        status += f": {inline(flag.review_note)}"
    if flag.status == "open":
        status += " (new)" if flag.new else " (seen before, not reviewed)"
    out.append(f"- Review status: {status}")
    out.append(f"- Subject: {inline(flag.subject)}")
    if flag.slot:
        out.append(f"- Slot: {code(flag.slot)}")
    out.append("")
    for ev in flag.evidence:
        out += _evidence_lines(ev, sources)
    return out


def _flags_lines(result: RunResult) -> list[str]:
    sources = {s.id: s for s in result.sources}
    flags = sorted_flags(result.flags)
    out = ["## Flags", ""]
    if not flags:
        return out + ["No discrepancies found.", ""]
    for sev in SEVERITIES:
        group = [f for f in flags if f.severity == sev]
        if not group:
            continue
        out += [f"### {SEVERITY_TITLES[sev]} ({len(group)})", ""]
        for flag in group:
            out += _flag_lines(flag, sources)
    others = [f for f in flags if f.severity not in SEVERITIES]
    if others:
        out += [f"### Other ({len(others)})", ""]
        for flag in others:
            out += _flag_lines(flag, sources)
    return out


def _claim_rows(claims: list[Claim]) -> list[list[str]]:
    return [
        [
            inline(c.kind),
            inline(c.subject),
            code("" if c.value is None else c.value, cell=True),
            inline(excerpt(c.quote, QUOTE_EXCERPT)),
        ]
        for c in claims
    ]


def _source_lines(source: Source, claims: list[Claim]) -> list[str]:
    title = f" — {inline(source.title)}" if source.title else ""
    out = [f"### {inline(source.id)}{title}", "", f"- Path: {code(portable_path(source.path))}"]
    line = "- Published: unknown"
    if source.published or source.published_basis != "unknown":
        shown = code(source.published) if source.published else "unknown"
        line = f"- Published: {shown} ({source.published_basis})"
    if source.published_evidence:
        line += f"; evidence: {inline(source.published_evidence)}"
    out.append(line)
    if source.language:
        out.append(f"- Language: {inline(source.language)}")
    for warning in source.warnings:
        out.append(f"- Warning: {inline(warning)}")
    if source.set_aside:
        out.append(f"- Set aside ({len(source.set_aside)}):")
        for a in sorted_set_aside(source):
            words = first_words(source.text[a.start : a.end])
            out.append(
                f"  - {inline(a.reason)} (rule {code(a.rule)}, span {a.start}–{a.end}): “{inline(words)}”"
            )
    else:
        out.append("- Set aside: nothing")
    out += ["", f"#### Claims ({len(claims)})", ""]
    out += _table(["Kind", "Subject", "Value", "Quote"], _claim_rows(claims)) if claims else ["No claims."]
    return out + [""]


def render_markdown(result: RunResult, stale_reviews: Iterable[str] = ()) -> str:
    stale = sorted(set(stale_reviews))
    out = ["# crosscheck report", ""]
    out += _summary_lines(result, stale) + [""]
    out += _flags_lines(result)
    if stale:
        out += [
            "## Stale reviews",
            "",
            "Decisions in the review file whose flag this run no longer reports (kept, not deleted):",
            "",
        ]
        out += [f"- {code(fid)}" for fid in stale] + [""]
    if result.warnings:
        out += ["## Run warnings", ""] + [f"- {inline(w)}" for w in result.warnings] + [""]
    out += ["## Sources", ""]
    claims = sorted_claims(result.claims)
    for source in sorted_sources(result.sources):
        out += _source_lines(source, [c for c in claims if c.source == source.id])
    return "\n".join(out).rstrip("\n") + "\n"


@output_format("md", "report.md", default=True, order=20)
def write_markdown(result: RunResult, folder: Path, stale: list[str]) -> list[Path]:
    return [write_text(folder / "report.md", render_markdown(result, stale))]
