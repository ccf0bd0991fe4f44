"""Count extraction: bounds, written numbers, units, counted things, and numbers that are not counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.extract.counts import find_counts

SOURCES = Path(__file__).resolve().parents[1] / "sources"


def _seed(prefix: str) -> str:
    return next(SOURCES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _counts(text: str) -> list[tuple[float, float | None, str, str | None, str]]:
    return [(c.low, c.high, c.bounds, c.unit, c.thing) for c in find_counts(text, 0, len(text))]


def test_seed_000_delegations_and_treaties() -> None:
    text = _seed("000")
    i = text.find("During these historical periods")
    end = text.find("\n", i)
    got = find_counts(text, i, end)
    assert [(c.low, c.high, c.bounds, c.thing) for c in got] == [
        (200.0, None, "over", "delegations"),
        (20.0, None, "over", "treaties and agreements"),
    ]
    assert got[0].text == "as many as over two hundreds"
    assert got[0].number_text == "two hundreds"
    assert text[got[1].thing_span[0] : got[1].thing_span[1]] == "treaties and agreements"


def test_seed_000_about_30_officials_widened() -> None:
    text = _seed("000")
    i = text.find("The Association involves")
    got = find_counts(text, i, text.find("\n", i))
    assert len(got) == 1
    c = got[0]
    assert (c.bounds, c.thing, c.number_text) == ("about", "officials", "30")
    assert c.low == pytest.approx(27.0) and c.high == pytest.approx(33.0)


def test_seed_004_border_measurement_with_unit() -> None:
    text = _seed("004")
    i = text.find("Laos shares a")
    got = find_counts(text, i, text.find("\n", i))
    assert [(c.low, c.high, c.unit, c.thing, c.number_text) for c in got] == [
        (2069.0, 2069.0, "km", "border", "2,069")
    ]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_never_counts_years_dates_ordinals_or_furniture(prefix: str) -> None:
    text = _seed(prefix)
    things = {c.thing for c in find_counts(text, 0, len(text))}
    assert not things & {"years", "countries", "parties", "peoples", "sides", "leaders", "june", "march"}
    for c in find_counts(text, 0, len(text)):
        assert not (1000 <= c.low <= 2100 and c.unit is None), c
    if prefix == "004":
        footer = text.find("Vientiane Times Phonpapao")
        assert find_counts(text, footer, len(text)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("More than 1.5 million people attended.", [(1_500_000.0, None, "over", None, "people")]),
        (
            "A dozen ministers and fewer than ten journalists came.",
            [(12.0, 12.0, "exactly", None, "ministers"), (0.0, 10.0, "under", None, "journalists")],
        ),
        ("Hundreds of students gathered in 2019.", [(200.0, None, "at_least", None, "students")]),
        ("They signed twenty-five agreements.", [(25.0, 25.0, "exactly", None, "agreements")]),
        ("Nearly 40 percent of trade goes by road.", [(36.0, 40.0, "nearly", "percent", "trade")]),
        ("Up to 400 guests were invited.", [(0.0, 400.0, "at_most", None, "guests")]),
        ("At least 3 delegations came at 10:30 am.", [(3.0, None, "at_least", None, "delegations")]),
        ("One hundred and twenty deputies voted.", [(120.0, 120.0, "exactly", None, "deputies")]),
    ],
)
def test_made_up_counts(
    sentence: str, expected: list[tuple[float, float | None, str, str | None, str]]
) -> None:
    got = _counts(sentence)
    assert [
        (pytest.approx(a), b if b is None else pytest.approx(b), c, d, e) for a, b, c, d, e in got
    ] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The two countries and both parties agreed; the two sides and two leaders met.",
        "Call Tel: (856-21) 336042, 336043 or write to P.O.Box: 5723, Unit 32.",
        "Visit www.example.com/page/42 or mail info2@example.la for the 11th Congress.",
        "It began 57 years ago, five years ago on March 1-2 2019, on October 28 1965.",
        "The meeting opened at 10 am in Section 4 of the Year 2022 plan.",
        "Mt Paektu rises 2 750m above sea level.",
        "Copyright © 1999 Vientiane Times.",
        "He visited in 1970 and 1977 respectively and one day in October.",
        "It marks the 46th anniversary and his fourth visit.",
        "He lives at 45 Main Street near Resolution 2397 Committee offices.",
    ],
)
def test_not_counts(sentence: str) -> None:
    assert find_counts(sentence, 0, len(sentence)) == []


def test_offsets_are_into_the_whole_text() -> None:
    text = "Intro line.\nAbout 30 officials came."
    start = text.index("About")
    (c,) = find_counts(text, start, len(text))
    assert text[c.span[0] : c.span[1]] == "About 30"
    assert text[c.thing_span[0] : c.thing_span[1]] == "officials"


def test_malformed_user_rule_file_names_file_and_key(tmp_path: Path) -> None:
    from crosscheck.errors import InputError
    from crosscheck.rules import RuleSet

    (tmp_path / "numbers.yaml").write_text("bounds: [over]\n", encoding="utf-8")
    with RuleSet([tmp_path]).active():
        with pytest.raises(InputError) as err:
            find_counts("about 30 officials", 0, 18)
        assert err.value.path == str(tmp_path / "numbers.yaml") and err.value.field == "bounds"
        assert err.value.line == 1
    assert len(find_counts("about 30 officials", 0, 18)) == 1
