"""report.html: self-contained, escaped, and its filters checked in a real headless Chromium.

Chromium is required (CI installs it); when /usr/bin/chromium is missing the
browser tests fail with a message saying so rather than being skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from crosscheck.report import write_reports
from crosscheck.report.html import highlight, render_html
from report_fixtures import make_hostile_result, make_result

CHROMIUM = Path("/usr/bin/chromium")


def _chromium() -> str:
    found = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    if not found:
        pytest.fail(
            "chromium not found at /usr/bin/chromium: install it (apt-get install chromium) to test report.html"
        )
    return found


def dump_dom(page: Path, tmp_path: Path, fragment: str = "") -> str:
    """The DOM after the page's script ran, as serialised by headless Chromium."""
    cmd = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom", page.resolve().as_uri() + fragment,
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "</html>" in done.stdout, "chromium returned no DOM"
    return done.stdout


def rows(dom: str, cls: str) -> dict[str, str]:
    """Opening <tr> tags of class ``cls`` by data-flag id."""
    out = {}
    for tag in re.findall(r"<tr [^>]*>", dom):
        if f'class="{cls}' in tag:
            m = re.search(r'data-(?:flag|for)="([^"]*)"', tag)
            assert m
            out[m.group(1)] = tag
    return out


@pytest.fixture
def page(tmp_path: Path) -> Path:
    write_reports(make_result(), tmp_path, ["html"], stale_reviews=["DATE-0000000000"])
    return tmp_path / "report.html"


def test_self_contained_no_network() -> None:
    html = render_html(make_result())
    assert "<style>" in html and "<script>" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_content_readable_without_js() -> None:
    html = render_html(make_result(), ["DATE-0000000000"])
    for flag in make_result().flags:
        assert f'data-flag="{flag.id}"' in html
    assert "general secretary of the Central Committee" in html
    assert " hidden" not in html.split("<script>")[0]  # nothing hidden until the script runs
    assert "More From Naenara" in html and "related-articles list" in html
    assert "DATE-0000000000" in html  # stale review listed


def test_value_highlighted_in_quote() -> None:
    assert highlight("On October 28 1965, Kim", ["October 28 1965"]) == "On <mark>October 28 1965</mark>, Kim"
    assert highlight("a <b> c", ["<b>"]) == "a <mark>&lt;b&gt;</mark> c"
    assert highlight("nothing here", ["absent", ""]) == "nothing here"


def test_hostile_text_is_escaped() -> None:
    html = render_html(make_hostile_result())
    assert html.count("<script") == 1  # only the report's own script
    assert "<img" not in html and "<svg" not in html and "<b>x</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_browser_dom_has_every_flag_and_collapses_evidence(page: Path, tmp_path: Path) -> None:
    dom = dump_dom(page, tmp_path)
    flags = rows(dom, "flag")
    assert set(flags) == {f.id for f in make_result().flags}
    assert not any(" hidden" in tag for tag in flags.values())
    evidence = rows(dom, "evidence-row")
    assert len(evidence) == 6 and all(" hidden" in tag for tag in evidence.values())
    assert "showing 6 of 6" in dom


def test_browser_severity_filter_from_hash(page: Path, tmp_path: Path) -> None:
    dom = dump_dom(page, tmp_path, "#severity=error")
    flags = rows(dom, "flag")
    severities = {f.id: f.severity for f in make_result().flags}
    for fid, tag in flags.items():
        assert (" hidden" in tag) == (severities[fid] != "error"), fid
    assert "showing 2 of 6" in dom


def test_browser_combined_filters_and_search(page: Path, tmp_path: Path) -> None:
    dom = dump_dom(page, tmp_path, "#status=open&q=saygnasone")
    visible = [fid for fid, tag in rows(dom, "flag").items() if " hidden" not in tag]
    assert len(visible) == 1 and visible[0].startswith("NAME-")


def test_browser_claims_filter_by_source_and_kind(page: Path, tmp_path: Path) -> None:
    dom = dump_dom(page, tmp_path, "?claims-source=vt_2022&claims-kind=event_date")
    claim_rows = re.findall(r'<tr data-source="([^"]*)" data-kind="([^"]*)"[^>]*>', dom)
    assert len(claim_rows) == 14
    shown = [
        r for r in re.findall(r'<tr (data-source="[^"]*" data-kind="[^"]*"[^>]*)>', dom) if " hidden" not in r
    ]
    assert len(shown) == 2 and all(
        'data-source="vt_2022"' in r and 'data-kind="event_date"' in r for r in shown
    )


def test_browser_does_not_run_injected_markup(tmp_path: Path) -> None:
    write_reports(make_hostile_result(), tmp_path, ["html"])
    dom = dump_dom(tmp_path / "report.html", tmp_path)
    assert "<img" not in dom and "<svg" not in dom
    assert dom.count("<script") == 1
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in dom


def test_browser_page_never_scrolls_sideways(tmp_path: Path) -> None:
    """Long unbreakable ids and values wrap inside their cells instead of widening the page."""
    result = make_result()
    result.claims[0].id = "kaa_2020#anniversary-" + "x" * 120
    result.claims[0].value = "y" * 150
    write_reports(result, tmp_path, ["html"])
    page = tmp_path / "report.html"
    probe = (
        "<script>document.body.setAttribute('data-probe', String(document.documentElement.scrollWidth"
        " - document.documentElement.clientWidth));</script></body>"
    )
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", probe), encoding="utf-8")
    dom = dump_dom(page, tmp_path)
    m = re.search(r'data-probe="(-?\d+)"', dom)
    assert m and int(m.group(1)) <= 0, "the page is wider than the window"
