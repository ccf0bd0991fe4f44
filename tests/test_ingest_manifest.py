"""sources.csv: metadata that overrides the documents, and its errors with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.errors import InputError
from crosscheck.ingest import load_sources

DOC = "Kim visits Laos\n\nMarch 1, 2024\n\nKim Il Sung met Kaysone in Pyongyang.\n"


def folder(tmp_path: Path, manifest: str) -> Path:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another text without a date.\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(manifest, encoding="utf-8")
    return tmp_path


def test_manifest_overrides_text(tmp_path: Path) -> None:
    manifest = (
        "file,title,url,publisher,published,language,notes\n"
        "a.txt,Given title,https://x.org/a,Example Times,2024-02-29,EN-gb,ignored\n"
        "b.txt,,,,2019,,\n"
    )
    a, b = load_sources(folder(tmp_path, manifest))
    assert (a.title, a.url, a.publisher, a.language) == (
        "Given title",
        "https://x.org/a",
        "Example Times",
        "en",
    )
    assert (a.published, a.published_basis, a.published_evidence) == (
        "2024-02-29",
        "metadata",
        "sources.csv line 2",
    )
    assert (b.published, b.published_basis, b.published_evidence) == (
        "2019",
        "metadata",
        "sources.csv line 3",
    )
    assert b.title == "Another text without a date."  # short line: taken as the headline


def test_without_manifest_row_the_text_date_stands(tmp_path: Path) -> None:
    a, b = load_sources(folder(tmp_path, "file,published\nb.txt,2020-05\n"))
    assert (a.published, a.published_basis, a.published_evidence) == ("2024-03-01", "stated", "March 1, 2024")
    assert (b.published, b.published_basis) == ("2020-05", "metadata")


def test_manifest_with_bom_and_crlf(tmp_path: Path) -> None:
    path = folder(tmp_path, "")
    (path / "sources.csv").write_bytes(b"\xef\xbb\xbffile,published\r\na.txt,2024-01-02\r\n")
    assert load_sources(path)[0].published == "2024-01-02"


@pytest.mark.parametrize(
    ("manifest", "line", "field"),
    [
        ("name,published\na.txt,2020\n", 1, "file"),
        ("file,published\na.txt,2020\nmissing.txt,2020\n", 3, "file"),
        ("file,published\na.txt,June 2020\n", 2, "published"),
        ("file,published\na.txt,2020-13-01\n", 2, "published"),
        ("file,published\na.txt,2020-02-30\n", 2, "published"),
        ("file,published\na.txt,2020\na.txt,2021\n", 3, "file"),
        ("file,published\n,2020\n", 2, "file"),
    ],
)
def test_bad_manifest(tmp_path: Path, manifest: str, line: int, field: str) -> None:
    with pytest.raises(InputError) as err:
        load_sources(folder(tmp_path, manifest))
    assert err.value.path.endswith("sources.csv")
    assert (err.value.line, err.value.field) == (line, field)


def test_manifest_date_disagreeing_with_the_text_is_warned(tmp_path: Path) -> None:
    a, _ = load_sources(folder(tmp_path, "file,published\na.txt,2023-03-01\n"))
    assert (a.published, a.published_basis) == ("2023-03-01", "metadata")
    assert len(a.warnings) == 1 and "2024-03-01" in a.warnings[0] and "disagrees" in a.warnings[0]
    a, _ = load_sources(folder(tmp_path, "file,published\na.txt,2024-03\n"))
    assert a.published == "2024-03" and a.warnings == []  # same month: no disagreement
