"""Small corpora written here: HTML and Markdown sources, a manifest, metadata dates, furniture."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run_cli

HTML = """<!doctype html>
<html lang="en"><head><title>Cuba and Vietnam mark 60 years of ties</title>
<meta property="article:published_time" content="2020-12-02T08:00:00+07:00">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-12-02"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Cuba and Vietnam mark 60 years of ties</h1>
<p>December 2 marks the 60th anniversary of the establishment of diplomatic relations between Cuba and Vietnam.</p>
<p>Fidel Castro paid his first visit to Vietnam in September 1973, the first foreign head of state to visit
the liberated zone of South Vietnam.</p>
</article>
<aside class="related"><h2>Related articles</h2>
<p>Laos and Thailand sign border pact on March 3, 2024</p></aside>
<div id="cookie-banner">This site uses cookies. Accept all</div>
<footer>Copyright 2021 Example News, 12 Hang Bai Street, Hanoi. Tel: (84-24) 3825 2931</footer>
</body></html>
"""

MARKDOWN = """---
title: Havana remembers Fidel's journey to Hanoi
published: 2023-09-12
publisher: Example Weekly
---

# Havana remembers Fidel's journey to Hanoi

Cuba and Vietnam established diplomatic relations on December 2, 1961.

Fidel Castro first visited Vietnam in September 1973.
"""


def test_html_and_markdown_sources_with_metadata_and_a_conflict(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    (src / "a_cuba.html").write_text(HTML, encoding="utf-8")
    (src / "b_havana.md").write_text(MARKDOWN, encoding="utf-8")
    run = run_cli(tmp_path, "run", "sources", "--claims", "claims", "--reports", "reports", "--fail-on", "error")
    report = run.report()
    sources = {s["id"]: s for s in report["sources"]}
    assert sources["a_cuba"]["published"] == "2020-12-02"
    assert sources["a_cuba"]["published_basis"] == "metadata"
    assert sources["b_havana"]["published"] == "2023-09-12"
    assert sources["b_havana"]["published_basis"] == "metadata"
    assert sources["a_cuba"]["set_aside"], "nav, related list, cookie banner and footer are furniture"
    flags = [f for f in report["flags"] if f["kind"] == "date_conflict"]
    assert len(flags) == 1, [f["summary"] for f in report["flags"]]
    values = {e["value"] for e in flags[0]["evidence"]}
    assert values == {"1960-12-02", "1961-12-02"}
    assert {e["source"] for e in flags[0]["evidence"]} == {"a_cuba", "b_havana"}
    assert run.returncode == (1 if flags[0]["severity"] == "error" else 0)
    claims_text = str(report["claims"])
    for furniture in ("2024", "3825", "Copyright"):
        assert furniture not in claims_text
    # the first visit agrees at different precision: no ordinal or date flag about it
    assert not [f for f in report["flags"] if "1973" in f["summary"]]


def test_manifest_overrides_the_text(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    (src / "a.txt").write_text("Cuba and Vietnam established diplomatic relations on December 2, 1960.\n", encoding="utf-8")
    (src / "sources.csv").write_text("file,title,published\na.txt,Ties,2020-12-02\n", encoding="utf-8")
    run = run_cli(tmp_path, "run", "sources", "--claims", "claims", "--reports", "reports", "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    s = run.report()["sources"][0]
    assert (s["title"], s["published"], s["published_basis"]) == ("Ties", "2020-12-02", "metadata")


def test_bad_manifest_names_file_and_line(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    (src / "a.txt").write_text("Some text.\n", encoding="utf-8")
    (src / "sources.csv").write_text("file,published\na.txt,2020-12-02\nmissing.txt,2021\n", encoding="utf-8")
    run = run_cli(tmp_path, "run", "sources", "--fail-on", "never")
    assert run.returncode == 2
    assert "sources.csv:3" in run.stderr and "missing.txt" in run.stderr


def test_formats_given_with_commas_and_json_always_written(tmp_path: Path) -> None:
    """Issue 16, point 5: "--format sqlite" keeps report.json (review reads it); commas are accepted."""
    from cli_helpers import copy_corpus

    copy_corpus(tmp_path)
    run = run_cli(tmp_path, "run", "sources", "--claims", "claims", "--reports", "reports", "--fail-on", "never",
                  "--format", "md,sqlite")
    assert run.returncode == 0, run.stderr
    written = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert written == ["report.json", "report.md", "report.sqlite"]
    flag = run.report()["flags"][0]["id"]
    review = run_cli(tmp_path, "review", flag, "--accept", "--note", "checked")
    assert review.returncode == 0, review.stderr
