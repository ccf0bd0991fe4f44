"""Sentence and paragraph splitting: abbreviations, initials, decimals, quotes, titles, hard wraps."""

from __future__ import annotations

import pytest

from crosscheck.ingest.segment import segment, split_sentences
from crosscheck.records import SetAside


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He climbed Mt. Paektu in 1990. Then he left.", ["He climbed Mt. Paektu in 1990.", "Then he left."]),
        ("Dr. Kim met Mr. Lee. They talked.", ["Dr. Kim met Mr. Lee.", "They talked."]),
        ("The U.S. Army arrived. It stayed.", ["The U.S. Army arrived.", "It stayed."]),
        ("Kim J. Un spoke. Others listened.", ["Kim J. Un spoke.", "Others listened."]),
        ("Growth was 2.5 percent. In 2020 it fell.", ["Growth was 2.5 percent.", "In 2020 it fell."]),
        ("He said: “We came. We saw.” Then they left.", ["He said: “We came. We saw.”", "Then they left."]),
        ('She said "No. Never." Then she left.', ['She said "No. Never."', "Then she left."]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        ("A landscape.One of the best", ["A landscape.One of the best"]),
        ("The meeting (in Sept. 2011) was long. Next.", ["The meeting (in Sept. 2011) was long.", "Next."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_title_line_without_period_is_its_own_sentence() -> None:
    text = "A title without period\nThe first sentence. The second one.\n"
    got = [text[s.start : s.end] for s in segment(text, [])]
    assert got == ["A title without period", "The first sentence.", "The second one."]
    assert [s.paragraph for s in segment(text, [])] == [0, 1, 1]


def test_hard_wrapped_block_is_one_paragraph() -> None:
    text = (
        "The delegation arrived in Pyongyang on Monday and was\n"
        "welcomed at the airport by officials of the ministry. It\n"
        "stayed for three days.\n\nA second paragraph.\n"
    )
    result = segment(text, [])
    got = [text[s.start : s.end] for s in result]
    assert got[0].startswith("The delegation") and got[0].endswith("of the ministry.")
    assert got[1] == "It\nstayed for three days."
    assert [s.paragraph for s in result] == [0, 0, 1]


def test_segment_skips_furniture_and_keeps_exact_spans() -> None:
    text = "Title\n\nKeep this sentence. Drop this one.\n\nFooter line\n"
    drop = text.index("Drop")
    footer = text.index("Footer")
    spans = [
        SetAside(drop, drop + len("Drop this one."), "x", "x"),
        SetAside(footer, len(text) - 1, "y", "y"),
    ]
    got = [text[s.start : s.end] for s in segment(text, spans)]
    assert got == ["Title", "Keep this sentence."]


def test_markdown_images_and_rules_are_no_sentences(tmp_path) -> None:
    from crosscheck.ingest import load_source

    path = tmp_path / "n.md"
    path.write_text(
        "# Title\n\n![A photo](img.png)\n\nText here.\n\n---\n\n* * *\n\nMore text.\n", encoding="utf-8"
    )
    src = load_source(path)
    assert [src.sentence_text(s) for s in src.sentences] == ["Title", "Text here.", "More text."]
    assert src.title == "Title"
    assert [a.reason for a in src.set_aside] == ["image"]
