"""GitHub Actions output: workflow-command annotations for open flags and the job summary for all.

Only a handful of annotations per step are displayed, so the job summary
(``$GITHUB_STEP_SUMMARY``) carries the complete list, reviewed flags included.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from crosscheck.records import Flag, RunResult, Source
from crosscheck.report.document import flag_sources, sorted_flags, summary
from crosscheck.report.formats import output_format
from crosscheck.report.locations import file_region, portable_path
from crosscheck.report.markdown import code, inline

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow-command message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(flag: Flag, sources: dict[str, Source]) -> list[tuple[str, str]]:
    props: list[tuple[str, str]] = []
    for ev in flag.evidence:
        source = sources.get(ev.source)
        region = file_region(source, ev.span)
        if source and region:
            props = [
                ("file", portable_path(source.path)),
                ("line", str(region.start_line)),
                ("col", str(region.start_column)),
                ("endLine", str(region.end_line)),
                ("endColumn", str(region.end_column)),
            ]
            break
    if not props:
        located = next((sources[ev.source] for ev in flag.evidence if ev.source in sources), None)
        if located is not None and located.path:
            props = [("file", portable_path(located.path))]
    return props + [("title", f"{flag.kind} {flag.id}")]


def _message(flag: Flag) -> str:
    lines = [flag.summary]
    lines += [f"{ev.source}: {ev.value} — “{' '.join(ev.quote.split())}”" for ev in flag.evidence]
    return "\n".join(lines)


def annotation(flag: Flag, sources: dict[str, Source]) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in _properties(flag, sources))
    return f"::{COMMANDS.get(flag.severity, 'notice')} {props}::{escape_data(_message(flag))}"


def github_annotations(result: RunResult) -> list[str]:
    """One ``::error``/``::warning``/``::notice`` line per open (unreviewed) flag, most severe first."""
    sources = {s.id: s for s in result.sources}
    return [annotation(f, sources) for f in sorted_flags(result.flags) if f.status == "open"]


def job_summary_markdown(result: RunResult, stale_reviews: Iterable[str] = ()) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: counts, then every flag in one table."""
    s = summary(result, stale_reviews)
    sev = s["flags_by_severity"]
    out = [
        "## crosscheck",
        "",
        f"{s['sources']} sources, {s['claims']} claims, {s['flags']} flags "
        f"({sev['error']} errors, {sev['warning']} warnings, {sev['info']} notes); "
        f"{s['flags_by_status']['open']} open, {s['new_flags']} new.",
        "",
    ]
    flags = sorted_flags(result.flags)
    if flags:
        out += ["| Severity | Kind | Flag | Status | Summary | Sources |", "|---|---|---|---|---|---|"]
        for f in flags:
            sources = ", ".join(flag_sources(f))
            status = f.status + (" (new)" if f.new and f.status == "open" else "")
            out.append(
                f"| {f.severity} | {inline(f.kind)} | {code(f.id, cell=True)} | {status} | {inline(f.summary)} "
                f"| {inline(sources)} |"
            )
    else:
        out.append("No discrepancies found.")
    stale = sorted(set(stale_reviews))
    if stale:
        out += [
            "",
            f"Stale reviews (flag no longer reported, decision kept): {', '.join(code(x) for x in stale)}",
        ]
    return "\n".join(out) + "\n"


@output_format("github", "annotations printed for GitHub Actions", order=80, printed=True)
def _printed(result: RunResult, folder: Path, stale: list[str]) -> list[Path]:
    return []
