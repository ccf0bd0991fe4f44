"""Ingest on the five seed documents: publication dates, furniture, sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crosscheck.ingest import load_sources
from crosscheck.records import Source

SEEDS = Path(__file__).resolve().parent.parent / "sources"


@pytest.fixture(scope="module")
def sources() -> dict[str, Source]:
    return {s.id[:3]: s for s in load_sources(SEEDS)}


def covered(src: Source, needle: str) -> bool:
    """Every occurrence of ``needle`` lies inside set-aside furniture."""
    hits = [m.start() for m in re.finditer(re.escape(needle), src.text)]
    assert hits, f"{needle!r} not in {src.id}"
    return all(any(a.start <= h and h + len(needle) <= a.end for a in src.set_aside) for h in hits)


def untouched(src: Source, needle: str) -> bool:
    """No occurrence of ``needle`` overlaps furniture."""
    hits = [m.start() for m in re.finditer(re.escape(needle), src.text)]
    assert hits, f"{needle!r} not in {src.id}"
    return not any(src.in_furniture(h, h + len(needle)) for h in hits)


def test_ids_paths_and_order(sources: dict[str, Source]) -> None:
    assert list(sources) == ["000", "001", "002", "003", "004"]
    assert sources["000"].id == "000_411fadefafaa17fe"
    assert sources["000"].path == "sources/000_411fadefafaa17fe.txt"
    assert all(s.format == "txt" and s.language == "en" and not s.warnings for s in sources.values())


@pytest.mark.parametrize(
    ("key", "value", "basis", "evidence"),
    [
        ("000", "2020-06-24", "stated", "(DPRK MFA - June 24, 2020)"),
        ("001", None, "unknown", ""),
        ("002", None, "unknown", ""),
        ("003", "2024-03-01", "stated", "March 1, 2024"),
        ("004", "2022-04-08", "stated", "(Latest Update April 8, 2022)"),
    ],
)
def test_publication_dates(sources: dict[str, Source], key: str, value, basis: str, evidence: str) -> None:
    src = sources[key]
    assert (src.published, src.published_basis, src.published_evidence) == (value, basis, evidence)


def test_titles(sources: dict[str, Source]) -> None:
    assert sources["000"].title == "DPRK-Laos history of more than half a century"
    assert sources["001"].title is None  # its first line is a long sentence, not a headline
    assert sources["002"].title == "North Korea's Kim congratulates Lao president on reelection"
    assert sources["003"].title == "Historic visit opens new chapter in DPRK-Vietnam ties"
    assert sources["004"].title == "Special solidarity between Laos and Vietnam"


def test_001_teaser_footer_is_furniture(sources: dict[str, Source]) -> None:
    src = sources["001"]
    start = src.text.index("More From Naenara (En)")
    assert any(a.start <= start and a.end == len(src.text) for a in src.set_aside)
    for needle in (
        "March 06, 2026",
        "March 01, 2026",
        "Paektu is the highest mountain",
        "1945",
        "More Articles",
    ):
        assert covered(src, needle)
    assert untouched(src, "Kim Sung Chan, chairman of the DPRK-Laos Friendship")
    assert untouched(src, "June 24 is the 48th anniversary")


def test_002_related_section_and_credits(sources: dict[str, Source]) -> None:
    src = sources["002"]
    start = src.text.index("Verwandte Artikel")
    assert any(a.start <= start and a.end == len(src.text) for a in src.set_aside)
    for needle in (
        "Pjöngjang",
        "Kim Jong-il",
        "Diese Website verwendet Cookies",
        "Ablehnen",
        "Bild generiert von KI",
    ):
        assert covered(src, needle)
    assert untouched(src, "The summit occurred on October 7, 2025")
    assert untouched(src, "North Korea's Kim congratulates Lao president on reelection")


def test_004_navigation_and_footer(sources: dict[str, Source]) -> None:
    src = sources["004"]
    for needle in (
        "Home Lao Chinese",
        "Newspaper Subscription Prices",
        "Phonpapao Village, Unit 32",
        "P.O.Box: 5723",
        "Tel: (856-21) 336042",
        "Email: info@vientianetimes.la",
        "Copyright © 1999 Vientiane Times.",
    ):
        assert covered(src, needle), needle
    for needle in (
        "Special solidarity between Laos and Vietnam",
        "By Phon Thikeo",
        "(Latest Update April 8, 2022)",
    ):
        assert untouched(src, needle)
    reasons = {a.reason for a in src.set_aside}
    assert {
        "navigation menu",
        "subscription banner",
        "contact / address footer",
        "copyright footer",
    } <= reasons


def test_003_copyright_line(sources: dict[str, Source]) -> None:
    src = sources["003"]
    assert covered(src, "2024 © All rights reserved. www.pyongyangtimes.com.kp")
    assert untouched(src, "March 1, 2024")
    assert len(src.set_aside) == 1


def test_000_keeps_byline_dateline_and_about_paragraphs(sources: dict[str, Source]) -> None:
    src = sources["000"]
    assert covered(src, "Post a Comment") and covered(src, "Previous Post Next Post")
    for needle in (
        "DPRK-Laos history of more than half a century",
        "By Korea-Asia Association (KAA)",
        "(DPRK MFA - June 24, 2020)",
        "As one of the civil organizations sponsored by the DPRK MFA",
        "The Association involves about 30 officials",
    ):
        assert untouched(src, needle), needle


def test_set_aside_sorted_disjoint_with_reasons(sources: dict[str, Source]) -> None:
    for src in sources.values():
        spans = src.set_aside
        assert spans == sorted(spans, key=lambda a: a.start)
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start
        assert all(0 <= a.start < a.end <= len(src.text) and a.reason and a.rule for a in spans)


def test_sentences_exact_outside_furniture_and_numbered(sources: dict[str, Source]) -> None:
    for src in sources.values():
        assert src.sentences
        last_end, last_para = -1, -1
        for i, s in enumerate(src.sentences):
            text = src.sentence_text(s)
            assert text == src.text[s.start : s.end] and text == text.strip() and text
            assert "\n\n" not in text
            assert not src.in_furniture(s.start, s.end), (src.id, text)
            assert s.index == i and s.start >= last_end and s.paragraph >= last_para
            last_end, last_para = s.end, s.paragraph


def test_seed_sentence_boundaries(sources: dict[str, Source]) -> None:
    texts = [sources["000"].sentence_text(s) for s in sources["000"].sentences]
    assert texts[0] == "DPRK-Laos history of more than half a century"
    assert (
        "Comrade Kaysone Phomvihane also visited the DPRK to meet with President Kim Il Sung in 1970 and 1977 respectively."
        in texts
    )
    # 001 has one paragraph per line; the line lacking a final period stays its own sentence
    s001 = [sources["001"].sentence_text(s) for s in sources["001"].sentences]
    assert s001[7].endswith("the 60th anniversary of the Korean People’s Army")
    assert s001[8].startswith("True to the noble intention")
    assert len({s.paragraph for s in sources["001"].sentences}) == 20


def test_sha256_and_determinism(sources: dict[str, Source]) -> None:
    import hashlib

    again = {s.id[:3]: s for s in load_sources(SEEDS)}
    for key, src in sources.items():
        assert src.sha256 == hashlib.sha256(src.text.encode("utf-8")).hexdigest()
        assert again[key] == src
