"""report.md: compared with tests/expected/report.md (regenerate: see test_report_json.py docstring)."""

from __future__ import annotations

import re

from crosscheck.report.markdown import render_markdown
from report_fixtures import STALE, check_expected, make_hostile_result, make_result


def test_report_md_matches_expected() -> None:
    check_expected("report.md", render_markdown(make_result(), STALE))


def test_flags_grouped_by_severity_with_evidence_and_status() -> None:
    md = render_markdown(make_result())
    errors, warnings, notes = (
        md.index("### Errors (2)"),
        md.index("### Warnings (2)"),
        md.index("### Notes (2)"),
    )
    assert errors < warnings < notes
    role = md.index("role_conflict: Kaysone")
    assert errors < role < warnings
    block = md[role:warnings]
    assert "- **kaa_2020**: `Chairman of the Central Committee`" in block
    assert "> general secretary of the Central Committee" in block
    assert "Review status: **open** (new)" in block
    assert "derivation: title held at the April 1992 visit" in block


def test_sources_show_publication_basis_set_aside_and_claims() -> None:
    md = render_markdown(make_result())
    section = md[md.index("### naenara_2022") :]
    assert "Published: `2022` (inferred)" in section
    assert "related-articles list (rule `footer-more-from`" in section
    assert "“More From Naenara Mt Paektu" in section
    assert "#### Claims (6)" in section


def test_document_text_cannot_inject_markup_or_break_tables() -> None:
    md = render_markdown(make_hostile_result())
    prose = re.sub(r"``.*?``|`[^`]*`", "", md)  # code spans show HTML literally (CommonMark)
    assert "<script>" not in prose and "<img" not in prose and "<b>" not in prose
    assert "&lt;script&gt;" in md
    for line in md.splitlines():
        if line.startswith("| count |"):
            assert line.count(" | ") - line.count("\\|") >= 3


def test_undated_source_says_unknown_once() -> None:
    result = make_result()
    for source in result.sources:
        source.published, source.published_basis, source.published_evidence = None, "unknown", ""
    md = render_markdown(result)
    assert md.count("- Published: unknown\n") == 3
