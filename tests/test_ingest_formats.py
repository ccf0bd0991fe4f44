"""Ingest of small files written on the fly: encodings, line endings, HTML, Markdown front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.errors import InputError
from crosscheck.ingest import load_source, load_sources

ARTICLE = (
    "Kim visits Laos\n\nJune 24, 2020\n\nKim Il Sung met Kaysone in Pyongyang. They talked about the past.\n"
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    src = load_source(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode()))
    assert src.text.startswith("Kim visits Laos") and not src.warnings
    assert src.title == "Kim visits Laos"
    assert src.published == "2020-06-24" and src.published_basis == "stated"


def test_cp1252_fallback_warns_with_byte_offset(tmp_path: Path) -> None:
    data = "Caf\u00e9 talks\n\nThe Lao People\u2019s Party met on June 24, 2020.\n".encode("cp1252")
    src = load_source(write(tmp_path, "old.txt", data))
    assert "Lao People\u2019s Party" in src.text and "Caf\u00e9" in src.text
    assert len(src.warnings) == 1
    warning = src.warnings[0]
    assert "old.txt" in warning and "decoded as cp1252: not valid UTF-8 at byte 3" in warning


def test_crlf_and_cr_are_normalised_and_offsets_consistent(tmp_path: Path) -> None:
    crlf = ARTICLE.replace("\n", "\r\n").encode()
    src = load_source(write(tmp_path, "w.txt", crlf))
    assert "\r" not in src.text and src.text == ARTICLE
    cr = load_source(write(tmp_path, "m.txt", ARTICLE.replace("\n", "\r").encode()))
    assert cr.text == ARTICLE
    texts = [src.sentence_text(s) for s in src.sentences]
    assert texts == [
        "Kim visits Laos",
        "June 24, 2020",
        "Kim Il Sung met Kaysone in Pyongyang.",
        "They talked about the past.",
    ]
    for s in src.sentences:
        assert src.text[s.start : s.end] == src.sentence_text(s)


def test_binary_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_source(write(tmp_path, "b.txt", b"abc\x00\x01\x02"))
    assert "b.txt" in str(err.value)


def test_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_source(write(tmp_path, "x.pdf", b"%PDF"))


HTML = """<!doctype html>
<html lang="en-US"><head><title>Site name | Kim visits Laos</title>
<meta property="og:title" content="Kim visits Laos">
<meta property="og:site_name" content="Example Times">
<link rel="canonical" href="https://example.org/kim-laos">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "NewsArticle", "headline": "Kim visits Laos", "datePublished": "2021-05-03T08:00:00+09:00"}]}</script>
<style>p { color: red }</style>
</head><body>
<header><a href="/">Home</a> <a href="/news">News</a></header>
<nav><ul><li>World</li><li>Politics</li></ul></nav>
<article>
  <h1>Kim visits Laos</h1>
  <p>Kim Jong Un   arrived in <b>Vientiane</b> on May 2, 2021.&nbsp;It was his first visit &amp; a short one.</p>
  <p>He met the president<br>and left.</p>
  <script>document.write("Hidden text 1999")</script>
  <div class="cookie-banner"><p>This website uses cookies to improve your experience.</p></div>
  <div class="related-posts"><h2>More stories</h2><ul><li>Kim met Putin on June 1, 2019</li></ul></div>
</article>
<footer><p>Copyright 2021 Example Times. All rights reserved.</p></footer>
</body></html>
"""


def test_html_text_metadata_and_furniture(tmp_path: Path) -> None:
    src = load_source(write(tmp_path, "page.html", HTML))
    assert src.format == "html"
    assert "Hidden text" not in src.text and "color: red" not in src.text and "Site name" not in src.text
    assert (
        "Kim Jong Un arrived in Vientiane on May 2, 2021. It was his first visit & a short one." in src.text
    )
    assert "He met the president\nand left." in src.text
    assert (src.title, src.url, src.publisher, src.language) == (
        "Kim visits Laos",
        "https://example.org/kim-laos",
        "Example Times",
        "en",
    )
    assert (src.published, src.published_basis) == ("2021-05-03", "metadata")
    assert "JSON-LD datePublished" in src.published_evidence
    rules = {a.rule for a in src.set_aside}
    assert {"html-header", "html-nav", "html-footer"} <= rules
    for needle in ("Home News", "Politics", "uses cookies", "Kim met Putin", "All rights reserved"):
        pos = src.text.index(needle)
        assert src.in_furniture(pos, pos + len(needle)), needle
    sentences = [src.sentence_text(s) for s in src.sentences]
    assert sentences[0] == "Kim visits Laos"
    assert all("Putin" not in s and "cookies" not in s for s in sentences)


def test_html_meta_date_and_time_near_title(tmp_path: Path) -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2019-02-28T10:00:00Z"></head>'
        "<body><h1>Title</h1><p>Text here.</p></body></html>"
    )
    src = load_source(write(tmp_path, "m.htm", page))
    assert (src.published, src.published_basis) == ("2019-02-28", "metadata")
    page2 = (
        '<html><body><h1>Title</h1><time datetime="2018-07-01">1 July</time><p>Text here.</p></body></html>'
    )
    src2 = load_source(write(tmp_path, "t.html", page2))
    assert (src2.published, src2.published_basis) == ("2018-07-01", "metadata")
    page3 = (
        "<html><body><h1>Title</h1><p>Text here.</p>"
        '<footer><time datetime="2026-03-06">March 6</time></footer></body></html>'
    )
    assert load_source(write(tmp_path, "f.html", page3)).published is None


def test_html_bad_jsonld_warns_not_crashes(tmp_path: Path) -> None:
    page = '<html><head><script type="application/ld+json">{not json</script></head><body><p>Hi there.</p></body></html>'
    src = load_source(write(tmp_path, "j.html", page))
    assert any("JSON-LD" in w for w in src.warnings) and src.published is None


MD = """---
title: Kim in Laos
url: https://example.org/x
publisher: Example
published: 2021-05
language: en
tags: [a, b]
---
# A heading in the text

Kim Jong Un met the president on May 2, 2021.
"""


def test_markdown_front_matter(tmp_path: Path) -> None:
    src = load_source(write(tmp_path, "note.md", MD))
    assert (src.title, src.url, src.publisher, src.language) == (
        "Kim in Laos",
        "https://example.org/x",
        "Example",
        "en",
    )
    assert (src.published, src.published_basis) == ("2021-05", "metadata")
    assert src.published_evidence == "front matter line 5 (published: 2021-05)"
    assert src.set_aside[0].reason == "front matter" and src.set_aside[0].start == 0
    sentences = [src.sentence_text(s) for s in src.sentences]
    assert sentences == ["A heading in the text", "Kim Jong Un met the president on May 2, 2021."]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("---\ntitle: ok\nurl: [unclosed\n---\ntext\n", 3),
        ("---\ntitle: ok\n", 1),
        ("---\ntitle: ok\npublished: June 2020\n---\ntext\n", 3),
        ("---\n- a list\n---\ntext\n", 2),
    ],
)
def test_malformed_front_matter(tmp_path: Path, body: str, line: int) -> None:
    with pytest.raises(InputError) as err:
        load_source(write(tmp_path, "bad.md", body))
    assert err.value.line == line and "bad.md" in err.value.path


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_sources(tmp_path / "missing")
    write(tmp_path, "notes.pdf", b"x")
    write(tmp_path, "data.json", b"{}")
    with pytest.raises(InputError, match="no documents"):
        load_sources(tmp_path)


def test_folder_reads_only_documents_sorted_not_recursive(tmp_path: Path) -> None:
    write(tmp_path, "b.md", "Second one.\n")
    write(tmp_path, "a.txt", "First one.\n")
    write(tmp_path, "c.HTML", "<p>Third one.</p>")
    write(tmp_path, "skip.json", "{}")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "d.txt", "Nested.\n")
    sources = load_sources(tmp_path)
    assert [s.id for s in sources] == ["a", "b", "c"]
    assert [s.format for s in sources] == ["txt", "md", "html"]
    assert sources[0].path == f"{tmp_path.name}/a.txt"


def test_same_stem_twice_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "One.\n")
    write(tmp_path, "a.md", "Two.\n")
    with pytest.raises(InputError, match="same source id"):
        load_sources(tmp_path)


def test_html_lang_wrong_does_not_drop_the_article(tmp_path: Path) -> None:
    body = "".join(
        f"<p>The delegation of the party arrived in the capital on day {i} and was welcomed by the officials.</p>"
        for i in range(4)
    )
    src = load_source(
        write(tmp_path, "wrong.html", f'<html lang="de"><body><h1>Title</h1>{body}</body></html>')
    )
    assert src.language == "de"  # what the page says about itself is kept as metadata ...
    assert len(src.sentences) == 5  # ... but the English paragraphs are not set aside as "other language"
    assert src.set_aside == []


def test_malformed_html_does_not_crash(tmp_path: Path) -> None:
    page = "<![if nav<p>Text one.</p><!x<div class='cookie'><p>We use cookies.</p></div><p>Text two.</p"
    src = load_source(write(tmp_path, "broken.html", page))
    assert "Text one." in src.text and "Text two." in src.text
    assert all(0 <= a.start < a.end <= len(src.text) for a in src.set_aside)


def test_hidden_html_elements_give_no_text(tmp_path: Path) -> None:
    page = (
        "<html><body><h1>Title</h1><p>Seen text.</p><div hidden><p>Unseen one.</p></div>"
        '<span style="display: none">Unseen two.</span><p>After.</p></body></html>'
    )
    src = load_source(write(tmp_path, "h.html", page))
    assert src.text == "Title\n\nSeen text.\n\nAfter."


def test_page_header_holding_the_h1_is_not_furniture(tmp_path: Path) -> None:
    page = (
        "<html><body><header><nav>Home News</nav><time datetime='2026-03-06'>Today</time></header>"
        "<header><h1>Kim visits Laos</h1><time datetime='2021-05-04'>May 4, 2021</time></header>"
        "<div><p>Kim Jong Un arrived in Vientiane.</p></div></body></html>"
    )
    src = load_source(write(tmp_path, "hdr.html", page))
    assert src.title == "Kim visits Laos"
    assert (src.published, src.published_basis) == ("2021-05-04", "metadata")
    sentences = [src.sentence_text(s) for s in src.sentences]
    assert sentences[0] == "Kim visits Laos" and "Home News" not in " ".join(sentences)
    assert "Today" not in " ".join(sentences)


def test_site_header_date_without_h1_is_not_the_publication_date(tmp_path: Path) -> None:
    page = (
        "<html><body><header><time datetime='2026-03-06'>Friday</time> Example Times</header>"
        "<div><p>Kim Jong Un arrived in Vientiane.</p></div></body></html>"
    )
    assert load_source(write(tmp_path, "nodate.html", page)).published is None


def test_front_matter_date_alias_and_datetime(tmp_path: Path) -> None:
    """Static-site generators write ``date:`` with a time; the date part is the publication date."""
    path = tmp_path / "post.md"
    path.write_text('---\ntitle: "A post"\ndate: "2025-05-19T08:00:00+07:00"\n---\n\nText of 2025.\n', encoding="utf-8")
    src = load_source(path)
    assert (src.published, src.published_basis) == ("2025-05-19", "metadata")
    assert src.published_evidence == "front matter line 3 (date: 2025-05-19)"
