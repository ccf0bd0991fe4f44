"""Title extraction on seed sentences and hard made-up ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.extract.roles import RoleExpr, body_key, find_as_titles, find_titles, is_epithet

SOURCES = Path(__file__).resolve().parents[1] / "sources"


def _seed(prefix: str) -> str:
    return next(SOURCES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _sentence(text: str, needle: str) -> tuple[int, int]:
    i = text.find(needle)
    assert i >= 0, needle
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return start, len(text) if end < 0 else end


def _persons(text: str, start: int, end: int, names: list[str]) -> list[tuple[int, int]]:
    spans = []
    for n in names:
        i = text.find(n, start, end)
        while i >= 0:
            spans.append((i, i + len(n)))
            i = text.find(n, i + len(n), end)
    return sorted(spans)


def _titles(text: str, names: list[str], needle: str | None = None) -> list[RoleExpr]:
    start, end = _sentence(text, needle) if needle else (0, len(text))
    return find_titles(text, start, end, _persons(text, start, end, names))


def _by_person(text: str, roles: list[RoleExpr]) -> dict[str, list[tuple[str, str, bool]]]:
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for r in roles:
        assert r.person_span is not None
        who = text[r.person_span[0] : r.person_span[1]]
        out.setdefault(who, []).append((r.office, r.body, r.is_epithet))
    return out


LPRP_CC = "central committee of lao people's revolutionary party"


def test_kaysone_apposition_with_coordinated_titles_001() -> None:
    text = _seed("001")
    got = _by_person(
        text, _titles(text, ["Kim Il Sung", "Kim Jong Il", "Kaysone Phomvihane"], "fourth visit")
    )
    assert got["Kaysone Phomvihane"] == [
        ("president", "lao people's democratic republic", False),
        ("general secretary", LPRP_CC, False),
    ]
    assert got["Kim Il Sung"] == [("president", "", False)]
    assert got["Kim Jong Il"] == [("chairman", "", False)]


def test_apposition_stops_at_closing_comma_001() -> None:
    text = _seed("001")
    roles = _titles(text, ["Kim Il Sung", "Kaysone Phomvihane"], "57 years ago")
    got = _by_person(text, roles)
    assert got["Kim Il Sung"] == [("premier", "", False)]
    assert got["Kaysone Phomvihane"] == [("general secretary", LPRP_CC, False)]
    kaysone = [r for r in roles if r.office == "general secretary"][0]
    assert kaysone.text.endswith("Revolutionary Party")
    assert "Pyongyang" not in kaysone.text


def test_as_phrase_gives_two_titles_without_person_000() -> None:
    text = _seed("000")
    start, end = _sentence(text, "paid an official visit")
    roles = find_as_titles(text, start, end)
    assert [(r.person_span, r.office, r.body) for r in roles] == [
        (None, "chairman", LPRP_CC),
        (None, "president", "laos"),
    ]
    assert roles[0].text == "Chairman of the Central Committee of the Lao People’s Revolutionary Party"


def test_epithets_and_forms_of_address_are_not_offices() -> None:
    text = _seed("000")
    great = _by_person(text, _titles(text, ["Kim Il Sung"], "The great President Kim Il Sung met"))
    assert great["Kim Il Sung"] == [("president", "", True)]
    supreme = _titles(text, ["Kim Jong Il", "Kim Jong Un", "Choummaly Sayasone"], "Supreme Leader")
    kju = [r for r in supreme if text[r.person_span[0] : r.person_span[1]] == "Kim Jong Un"]  # type: ignore[index]
    assert len(kju) == 1 and kju[0].is_epithet and kju[0].honorifics == ["Supreme Leader"]
    choummaly = [r for r in supreme if not r.is_epithet and r.office != "chairman"]
    assert [(r.office, r.body) for r in choummaly] == [
        ("general secretary", LPRP_CC),
        ("president", "lao people's democratic republic"),
    ]
    assert all(r.honorifics == ["Comrade"] for r in choummaly)
    people = _by_person(
        text, _titles(text, ["Kim Il Sung", "Kaysone Phomvihane"], "the great President of the Korean")
    )
    assert people["Kim Il Sung"] == [("president", "korean people", True)]
    assert people["Kaysone Phomvihane"] == [("leader", "lao people", True)]


def test_respected_comrade_is_epithet_001() -> None:
    text = _seed("001")
    roles = _titles(text, ["Kim Jong Un"], "He, with the respected Comrade")
    assert [(r.is_epithet, r.honorifics) for r in roles] == [(True, ["the respected Comrade"])]


def test_state_affairs_commission_body_000_and_003() -> None:
    t0 = _seed("000")
    r0 = _titles(t0, ["Kim Jong Un"], "Under the wise leadership")
    assert [(r.office, r.body) for r in r0] == [
        ("chairman", "state affairs commission of democratic people's republic of korea")
    ]
    t3 = _seed("003")
    r3 = [r for r in _titles(t3, ["Kim Jong Un"], "paid a historic visit") if not r.is_epithet]
    assert [(r.office, r.body) for r in r3] == [
        ("general secretary", "workers' party of korea"),
        ("president", "state affairs of dprk"),
    ]


def test_name_then_of_country_and_demonym_bodies() -> None:
    text = _seed("003")
    roles = _titles(text, ["Kim Il Sung", "Ho Chi Minh"], "intimate comradely")
    assert _by_person(text, roles) == {
        "Kim Il Sung": [("president", "", False)],
        "Ho Chi Minh": [("president", "vietnam", False)],
    }
    t2 = _seed("002")
    r2 = _titles(t2, ["Xi Jinping", "Lee Jae Myung"], "Chinese President Xi Jinping")
    assert _by_person(t2, r2) == {
        "Xi Jinping": [("president", "china", False)],
        "Lee Jae Myung": [("president", "republic of korea", False)],
    }


def test_possessive_body_is_turned_around() -> None:
    text = _seed("002")
    start, end = _sentence(text, "regarding his reelection")
    roles = find_as_titles(text, start, end)
    assert [(r.office, r.body) for r in roles] == [("general secretary", LPRP_CC)]


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        (
            "General Secretary To Lam met Prime Minister Pham Minh Chinh in Hanoi.",
            ["To Lam", "Pham Minh Chinh"],
            {
                "To Lam": [("general secretary", "", False)],
                "Pham Minh Chinh": [("prime minister", "", False)],
            },
        ),
        (
            "Ali Bongo, the former President of Gabon, and Jean Ping, chairwoman of the Commission, spoke.",
            ["Ali Bongo", "Jean Ping"],
            {"Ali Bongo": [("president", "gabon", False)], "Jean Ping": [("chairman", "commission", False)]},
        ),
        (
            "Maria Lopez, Secretary-General of the United Nations, arrived.",
            ["Maria Lopez"],
            {"Maria Lopez": [("general secretary", "united nations", False)]},
        ),
        (
            "They met Kim Yong Nam, president of the Presidium of the Supreme People's Assembly, and Pak Pong Ju.",
            ["Kim Yong Nam", "Pak Pong Ju"],
            {"Kim Yong Nam": [("president", "presidium of supreme people's assembly", False)]},
        ),
        (
            "The talks between John Smith and Premier Li Qiang, and the dinner, ended.",
            ["John Smith", "Li Qiang"],
            {"Li Qiang": [("premier", "", False)]},
        ),
    ],
)
def test_made_up_sentences(
    sentence: str, names: list[str], expected: dict[str, list[tuple[str, str, bool]]]
) -> None:
    roles = find_titles(sentence, 0, len(sentence), _persons(sentence, 0, len(sentence), names))
    assert _by_person(sentence, roles) == expected


def test_apposition_does_not_take_the_next_persons_title() -> None:
    s = "Kim Jong Un, Premier Pak Pong Ju and Choe Ryong Hae, first vice-chairman of the Commission, met."
    roles = find_titles(s, 0, len(s), [(0, 11)])  # the caller missed the other names
    assert roles == []


def test_former_is_kept_as_qualifier() -> None:
    s = "Ali Bongo, the former President of Gabon, spoke."
    roles = find_titles(s, 0, len(s), [(0, 9)])
    assert roles[0].qualifier == "former"


def test_canon_unifies_acronyms_part_by_part() -> None:
    aliases = {"lprp": "lao people's revolutionary party"}

    def canon(name: str) -> str:
        return aliases.get(name.lower(), name)

    assert body_key("the Central Committee of the LPRP", canon) == LPRP_CC
    s = "Kaysone Phomvihane, general secretary of the Central Committee of the LPRP, in Pyongyang."
    roles = find_titles(s, 0, len(s), [(0, 18)], canon=canon)
    assert [(r.office, r.body) for r in roles] == [("general secretary", LPRP_CC)]


def test_is_epithet() -> None:
    assert is_epithet("The great President")
    assert is_epithet("the respected Comrade")
    assert is_epithet("Supreme Leader")
    assert not is_epithet("Premier")
    assert not is_epithet("PM")
    assert is_epithet("the great leader")
    assert not is_epithet(
        "general secretary of the Central Committee of the Lao People's Revolutionary Party"
    )


def test_no_titles_from_furniture_or_plain_text() -> None:
    text = _seed("004")
    start, end = _sentence(text, "Vientiane Times Phonpapao")
    assert find_titles(text, start, end, []) == []
    assert find_as_titles(text, start, end) == []
    s = "He said it was right, as required by the new era, as ever."
    assert find_as_titles(s, 0, len(s)) == []


def test_title_with_body_before_the_name() -> None:
    s = "Speaker of the National Assembly Vuong Dinh Hue said that deputies voted."
    roles = find_titles(s, 0, len(s), _persons(s, 0, len(s), ["Vuong Dinh Hue"]))
    assert [(r.office, r.body, r.text) for r in roles] == [
        ("speaker", "national assembly", "Speaker of the National Assembly")
    ]


def test_comma_list_of_titles_and_body_stops_at_comma() -> None:
    s = (
        "Xi Jinping, general secretary of the CPC Central Committee, Chinese president and chairman of "
        "the Central Military Commission, met Emmanuel Macron, President of France, in Beijing."
    )
    roles = find_titles(s, 0, len(s), _persons(s, 0, len(s), ["Xi Jinping", "Emmanuel Macron"]))
    assert _by_person(s, roles) == {
        "Xi Jinping": [
            ("general secretary", "central committee of cpc", False),
            ("president", "china", False),
            ("chairman", "central military commission", False),
        ],
        "Emmanuel Macron": [("president", "france", False)],
    }


def test_as_title_after_a_name_belongs_to_that_name() -> None:
    s = "The plenum elected Sonexay Siphandone as Prime Minister of Laos and Thongloun Sisoulith as President."
    persons = _persons(s, 0, len(s), ["Sonexay Siphandone", "Thongloun Sisoulith"])
    roles = find_as_titles(s, 0, len(s), persons=persons)
    got = [
        (s[r.person_span[0] : r.person_span[1]] if r.person_span else None, r.office, r.body) for r in roles
    ]
    assert got == [("Sonexay Siphandone", "prime minister", "laos"), ("Thongloun Sisoulith", "president", "")]
    s2 = "As Minister of Foreign Affairs, Saleumxay Kommasith signed agreements."
    assert [(r.person_span, r.office, r.body) for r in find_as_titles(s2, 0, len(s2))] == [
        (None, "minister", "foreign affairs")
    ]


def test_copula_titles_need_a_name_before_the_verb() -> None:
    s = "In 2016 Thongloun Sisoulith was Prime Minister, and the aim was peace."
    persons = _persons(s, 0, len(s), ["Thongloun Sisoulith"])
    assert [(r.person_span, r.office) for r in find_as_titles(s, 0, len(s), persons=persons)] == [
        (persons[0], "prime minister")
    ]
    assert find_as_titles(s, 0, len(s)) == []
    s2 = "His goal was president of the club."
    assert find_as_titles(s2, 0, len(s2), persons=[]) == []


def test_trailing_body_word_is_turned_around() -> None:
    assert body_key("the Lao People's Revolutionary Party Central Committee") == LPRP_CC
    assert (
        body_key("Communist Party of China Central Committee")
        == "central committee of communist party of china"
    )
    assert body_key("Presidium of the Supreme People's Assembly") == "presidium of supreme people's assembly"


def test_the_is_not_an_owner() -> None:
    assert body_key("the Central Military Commission") == "central military commission"


def test_user_rule_files_extend_offices_and_honorifics(tmp_path: Path) -> None:
    from crosscheck.rules import RuleSet

    (tmp_path / "titles.yaml").write_text("offices: [abbot]\n", encoding="utf-8")
    (tmp_path / "honorifics.yaml").write_text("phrases: [the beloved father]\n", encoding="utf-8")
    s = "Abbot Anna Berg met the beloved father Kim Il Sung."
    persons = _persons(s, 0, len(s), ["Anna Berg", "Kim Il Sung"])
    assert find_titles(s, 0, len(s), persons) == []
    with RuleSet([tmp_path]).active():
        got = [(r.office, r.is_epithet) for r in find_titles(s, 0, len(s), persons)]
        assert got == [("abbot", False), ("beloved father", True)]
    assert find_titles(s, 0, len(s), persons) == []
