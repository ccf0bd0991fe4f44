"""crosscheck.report stage: every output format of a run, written from one RunResult.

All writers are deterministic (byte-identical files for the same input): no
clock, no absolute paths, fixed key and row order, UTF-8 with ``\\n`` endings.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from crosscheck.errors import UsageError
from crosscheck.records import RunResult

# One line of writer modules: importing one registers its output format (see report/formats.py).
from crosscheck.report import github, html, json_report, junit, markdown, sarif, tables  # noqa: F401
from crosscheck.report.document import report_document, sorted_flags
from crosscheck.report.formats import default_format_names, format_names, output_formats
from crosscheck.report.github import github_annotations, job_summary_markdown
from crosscheck.report.html import render_html
from crosscheck.report.json_report import render_json, report_schema
from crosscheck.report.junit import junit_xml
from crosscheck.report.markdown import render_markdown
from crosscheck.report.sarif import sarif_log

FORMATS: tuple[str, ...] = format_names()
DEFAULT_FORMATS: tuple[str, ...] = default_format_names()

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "github_annotations",
    "job_summary_markdown",
    "junit_xml",
    "render_html",
    "render_json",
    "render_markdown",
    "report_document",
    "report_schema",
    "sarif_log",
    "sorted_flags",
    "write_reports",
]


def write_reports(
    result: RunResult,
    folder: Path,
    formats: Iterable[str] | None = None,
    *,
    stale_reviews: Iterable[str] = (),
) -> list[Path]:
    """Write the requested formats (every written format when None) into ``folder`` (created if
    needed); return the files written.

    ``stale_reviews`` are ids of reviewed flags this run no longer reports
    (from ``crosscheck.review.apply_reviews``): listed in the reports, never dropped.
    """
    wanted = list(dict.fromkeys(formats if formats is not None else FORMATS))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown report format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stale = sorted(set(stale_reviews))
    written: list[Path] = []
    for fmt in output_formats():
        if fmt.name in wanted and fmt.write is not None:
            written += fmt.write(result, folder, stale)
    return written
