"""crosscheck.report stage: every output format of a run, written from one RunResult.

All writers are deterministic (byte-identical files for the same input): no
clock, no absolute paths, fixed key and row order, UTF-8 with ``\\n`` endings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from crosscheck.errors import UsageError
from crosscheck.records import RunResult
from crosscheck.report.document import report_document, sorted_flags
from crosscheck.report.github import github_annotations, job_summary_markdown
from crosscheck.report.html import render_html
from crosscheck.report.json_report import dumps, render_json, report_schema
from crosscheck.report.junit import junit_xml
from crosscheck.report.markdown import render_markdown
from crosscheck.report.sarif import sarif_log
from crosscheck.report.tables import write_csv, write_sqlite

FORMATS: tuple[str, ...] = ("json", "md", "html", "csv", "sarif", "junit", "sqlite")
DEFAULT_FORMATS: tuple[str, ...] = FORMATS

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


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def _text_writers(stale: list[str]) -> dict[str, tuple[str, Callable[[RunResult], str]]]:
    return {
        "json": ("report.json", lambda r: render_json(r, stale)),
        "md": ("report.md", lambda r: render_markdown(r, stale)),
        "html": ("report.html", lambda r: render_html(r, stale)),
        "sarif": ("report.sarif", lambda r: dumps(sarif_log(r))),
        "junit": ("report.junit.xml", junit_xml),
    }


def write_reports(
    result: RunResult,
    folder: Path,
    formats: Iterable[str] = DEFAULT_FORMATS,
    *,
    stale_reviews: Iterable[str] = (),
) -> list[Path]:
    """Write the requested formats into ``folder`` (created if needed); return the files written.

    ``stale_reviews`` are ids of reviewed flags this run no longer reports
    (from ``crosscheck.review.apply_reviews``): listed in the reports, never dropped.
    """
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown report format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stale = sorted(set(stale_reviews))
    text_writers = _text_writers(stale)
    written: list[Path] = []
    for fmt in FORMATS:
        if fmt not in wanted:
            continue
        if fmt in text_writers:
            name, render = text_writers[fmt]
            written.append(_write_text(folder / name, render(result)))
        elif fmt == "csv":
            written += write_csv(result, folder)
        elif fmt == "sqlite":
            written.append(write_sqlite(result, folder / "report.sqlite"))
    return written
