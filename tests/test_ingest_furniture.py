"""Furniture rules on small texts: what is set aside, and what must stay."""

from __future__ import annotations

from crosscheck.ingest.dates import find_date, parse_date
from crosscheck.ingest.furniture import find_furniture
from crosscheck.ingest.published import find_stated_date
from crosscheck.ingest.spans import normalize_spans
from crosscheck.records import SetAside

BODY = (
    "The two leaders met in Vientiane on June 3, 2019 and signed an agreement on trade. "
    "The agreement covers the years from 2020 to 2025 and was welcomed by both parties.\n"
)


def reasons_of(text: str, needle: str) -> set[str]:
    furniture = find_furniture(text)
    pos = text.index(needle)
    return {a.reason for a in furniture.set_aside if a.start < pos + len(needle) and pos < a.end}


def test_related_heading_sets_aside_to_the_end() -> None:
    for heading in (
        "Related Articles",
        "More from Example News",
        "Read more:",
        "See also",
        "Verwandte Artikel",
    ):
        text = f"Title\n\n{BODY}\n{BODY}\n{heading}\n\nSomething else happened on May 1, 2026.\n"
        assert reasons_of(text, "Something else") == {"related-articles list"}, heading
        assert reasons_of(text, "The two leaders") == set()


def test_heading_before_the_article_sets_aside_only_its_line() -> None:
    text = f"Latest News\n\nTitle\n\n{BODY}\n{BODY}"
    assert reasons_of(text, "Latest News") == {"related-articles list"}
    assert reasons_of(text, "Title") == set()
    assert reasons_of(text, "The two leaders") == set()


def test_chronology_of_dates_is_not_a_teaser_list() -> None:
    chronology = "".join(f"June {1960 + 5 * i}\nAn event of the year {i} took place.\n" for i in range(5))
    text = f"Title\n\n{BODY}\n{chronology}"
    assert find_furniture(text).set_aside == []


def test_dated_teaser_list_without_heading() -> None:
    teasers = "".join(f"Teaser number {i} about some other event\nMarch 0{i}, 2026\n" for i in range(1, 5))
    text = f"Title\n\n{BODY}\n{teasers}"
    assert reasons_of(text, "Teaser number 2") == {"related-articles list"}
    assert reasons_of(text, "The two leaders") == set()
    assert find_stated_date(text, find_furniture(text).set_aside) is None


def test_other_language_paragraph() -> None:
    german = (
        "Der Außenminister von Laos ist in der Hauptstadt eingetroffen, wie die Medien am Mittwoch "
        "berichteten, und wird mit den Führern über die Zusammenarbeit sprechen.\n"
    )
    text = f"Title\n\n{BODY}\n{german}\n{BODY}"
    furniture = find_furniture(text)
    assert furniture.language == "en"
    assert reasons_of(text, "Der Außenminister") == {"other language (de)"}
    assert reasons_of(text, "The two leaders") == set()


def test_banners_credits_and_footers() -> None:
    text = (
        "Home News Sport\n\nA headline here\n"
        "A photo of the leaders shaking hands.\nPhoto: Jane Doe/Agency\n\n" + BODY + "\n"
        "Share this article\n\nWe use cookies to improve our site.\nAccept\n\n"
        "Subscribe now to our newsletter\n\n"
        "12 Main Street, Unit 5, Springfield District\n"
        "Tel: +1 555 0100\n"
        "© 2024 Example News. All rights reserved.\n"
    )
    expected = {
        "Home News Sport": "navigation menu",
        "A photo of the leaders": "image caption",
        "Photo: Jane Doe": "image credit",
        "Share this article": "share buttons",
        "We use cookies": "cookie banner",
        "Accept": "cookie banner",
        "Subscribe now": "subscription banner",
        "12 Main Street": "contact / address footer",
        "Tel: +1": "contact / address footer",
        "© 2024": "copyright footer",
    }
    for needle, reason in expected.items():
        assert reasons_of(text, needle) == {reason}, needle
    assert reasons_of(text, "A headline here") == set()
    assert reasons_of(text, "The agreement covers") == set()


def test_article_sentences_with_furniture_words_stay() -> None:
    text = (
        "Title line\n\n"
        "The ministry said the district of Sisattanak, Unit 32 of the police and the province will cooperate.\n"
        "He said the site uses cookies sparingly, a spokesman of the Home Ministry added in a long statement "
        "that went on and on about the many reasons for the decision and its consequences for all.\n"
    )
    assert find_furniture(text).set_aside == []


def test_normalize_spans_merges_and_trims() -> None:
    text = "aaaa\n\nbbbb\ncccc"
    spans = [
        SetAside(6, 10, "x", "r1"),
        SetAside(0, 4, "x", "r1"),
        SetAside(1, 3, "y", "r2"),
        SetAside(8, 15, "z", "r3"),
    ]
    out = normalize_spans(text, spans)
    assert out == [SetAside(0, 10, "x", "r1"), SetAside(10, 15, "z", "r3")]


def test_dates() -> None:
    assert parse_date("June 24, 2020").iso == "2020-06-24"
    assert parse_date("24 June 2020").iso == "2020-06-24"
    assert parse_date("March 06, 2026").iso == "2026-03-06"
    assert parse_date("2020-06-24").iso == "2020-06-24"
    assert parse_date("June 2020").iso == "2020-06"
    assert parse_date("Friday, March 1, 2024").iso == "2024-03-01"
    assert parse_date("February 30, 2020") is None
    assert parse_date("June 24") is None
    assert parse_date("on June 24, 2020") is None
    found = find_date("(DPRK MFA - June 24, 2020)")
    assert found is not None and found[0].iso == "2020-06-24" and (found[1], found[2]) == (12, 25)


def test_stated_date_patterns() -> None:
    def stated(text: str) -> str | None:
        found = find_stated_date(text, [])
        return found.value.iso if found else None

    body = "Some article text that says things. " * 3
    assert stated(f"Headline\n\nPublished on 3 May 2021\n\n{body}") == "2021-05-03"
    assert stated(f"Headline\n\n{body}\n\nUpdated: June 5, 2021\n") == "2021-06-05"
    assert stated(f"Headline\n\nBy Jane Doe | May 4, 2021\n\n{body}") == "2021-05-04"
    assert stated(f"Headline\n\n{body}\n\n(KCNA - May 6, 2021)\n") == "2021-05-06"
    # a date-only line far from the title, or a date inside a sentence, is not a dateline
    lines = "\n\n".join(f"Paragraph {i} says something." for i in range(8))
    assert stated(f"Headline\n\n{lines}\n\nMay 7, 2021\n") is None
    assert stated(f"Headline\n\nThe war ended on May 8, 1945.\n\n{body}") is None
    # the published label wins over an update label
    assert stated(f"Headline\n\nUpdated May 9, 2021\n\nPublished May 1, 2021\n\n{body}") == "2021-05-01"


def test_dates_in_other_languages_and_dotted() -> None:
    assert parse_date("24. Juni 2020").iso == "2020-06-24"
    assert parse_date("3 mai 2021").iso == "2021-05-03"
    assert parse_date("24.06.2020").iso == "2020-06-24"
    assert parse_date("31.02.2020") is None
    assert find_date("version 1.24.06.2020") is None
    body = "Ein Text über Dinge, die geschehen sind. " * 3
    found = find_stated_date(f"Titel\n\nVeröffentlicht am 24. Juni 2020\n\n{body}", [])
    assert found is not None and found.value.iso == "2020-06-24"


def test_more_datelines_and_their_limits() -> None:
    body = "Some article text that says things. " * 3
    found = find_stated_date(f"Headline\n\nPosted by admin on June 24, 2020\n\n{body}", [])
    assert found is not None and found.value.iso == "2020-06-24" and found.rule == "published-label"
    # a date above the title is the site's "today", not the article's date
    assert find_stated_date(f"Tuesday, March 3, 2026\n\nHeadline\n\n{body}", []) is None


def test_references_section_and_byline_title() -> None:
    from crosscheck.ingest.published import headline

    text = f"By Jane Doe\n\n{BODY}\n{BODY}\nReferences\n\nSmith, J. (2019). A book. Retrieved June 3, 2020.\n"
    assert reasons_of(text, "Smith, J.") == {"references / links section"}
    assert headline(text, find_furniture(text).set_aside) is None


def test_user_rule_file_extends_furniture(tmp_path) -> None:
    from crosscheck.rules import RuleSet

    (tmp_path / "furniture.yaml").write_text(
        "lines:\n  - id: house-promo\n    reason: house promotion\n    scope: line\n    max_chars: 80\n"
        "    patterns: ['^download our app\\b']\n",
        encoding="utf-8",
    )
    text = f"Title\n\n{BODY}\nDownload our app today\n"
    assert reasons_of(text, "Download our app") == set()
    with RuleSet([tmp_path]).active():
        assert reasons_of(text, "Download our app") == {"house promotion"}
    assert reasons_of(text, "Download our app") == set()


def test_bad_user_rule_file_is_an_input_error(tmp_path) -> None:
    import pytest

    from crosscheck.errors import InputError
    from crosscheck.rules import RuleSet

    for body, field in [
        ("lines:\n  - reason: no id\n", "lines["),
        ("lines:\n  - id: x\n    scope: page\n", "scope"),
        ("lines:\n  - id: x\n    patterns: ['(unclosed']\n", "lines"),
    ]:
        (tmp_path / "furniture.yaml").write_text(body, encoding="utf-8")
        with RuleSet([tmp_path]).active():
            with pytest.raises(InputError) as err:
                find_furniture("Some text.\n")
            assert field in str(err.value) and "furniture.yaml" in str(err.value)


def test_date_with_time_under_the_title() -> None:
    body = "Some article text that says things. " * 3
    for line in ("Friday, June 24, 2022 | 10:30 am", "June 24, 2022 10:30 GMT", "2022-06-24 at 10.30"):
        found = find_stated_date(f"Headline\n\n{line}\n\n{body}", [])
        assert found is not None and found.value.iso == "2022-06-24", line


def test_agency_photo_credits() -> None:
    for credit in ("REUTERS/John Smith", "AFP/Getty Images", "KCNA via REUTERS", "AP/Ahn Young-joon"):
        text = f"Title\n\n{BODY}\nLeaders at the signing ceremony.\n{credit}\n\n{BODY}"
        assert reasons_of(text, credit) == {"image credit"}, credit
        assert reasons_of(text, "Leaders at the signing") == {"image caption"}
    for line in ("Laos/Vietnam ties grow", "EU/US trade rules"):
        text = f"Title\n\n{BODY}\n{line}\n\n{BODY}"
        assert reasons_of(text, line) == set(), line
