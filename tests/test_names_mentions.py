"""Mention detection: spans, titles, possessives, acronyms and inputs that must yield no spurious names."""

from __future__ import annotations

from crosscheck.extract.mentions import find_mentions
from crosscheck.records import Mention
from test_names_fixtures import make_source, seed_source


def names(text: str, **kw: object) -> list[Mention]:
    src = make_source(text, **kw)  # type: ignore[arg-type]
    found = find_mentions(src)
    for m in found:
        assert src.text[m.start : m.end] == m.text
    return found


def texts(text: str, kind: str | None = None) -> list[str]:
    return [m.text for m in names(text) if kind is None or m.kind == kind]


def test_titles_are_not_part_of_the_name() -> None:
    found = names("The great President Kim Il Sung met with Comrade Kaysone Phomvihane in 1965.")
    persons = [(m.text, m.via) for m in found if m.kind == "person"]
    assert persons == [("Kim Il Sung", "title"), ("Kaysone Phomvihane", "title")]


def test_multiword_titles_and_demonyms() -> None:
    assert texts("Chairman Kim Jong Il, together with Supreme Leader Kim Jong Un met them.", "person") == [
        "Kim Jong Il", "Kim Jong Un"]
    assert texts("North Korean leader Kim Jong-un wrote to Lao President Thongloun Sisoulith.", "person") == [
        "Kim Jong-un", "Thongloun Sisoulith"]


def test_possessive_is_stripped() -> None:
    assert texts("Ho Chi Minh’s efforts mattered. Nguyen Phu Trong's party won.", "person") == [
        "Ho Chi Minh", "Nguyen Phu Trong"]


def test_sentence_initial_function_words_are_dropped() -> None:
    found = names("During these years nothing changed. The Party met. This Kim Jong Un never saw.")
    assert [m.text for m in found] == ["Kim Jong Un"]


def test_known_acronyms_and_countries_are_typed() -> None:
    found = names("The DPRK and the Lao People’s Democratic Republic signed. The LPRP and the CPV agreed.")
    kinds = {m.text: (m.kind, m.via) for m in found}
    assert kinds["DPRK"] == ("country", "acronym")
    assert kinds["Lao People’s Democratic Republic"] == ("country", "alias")
    assert kinds["LPRP"] == ("org", "acronym")
    assert kinds["CPV"][0] == "org"


def test_party_is_not_the_country() -> None:
    found = names("He led the Lao People's Revolutionary Party for years.")
    assert [(m.text, m.kind) for m in found] == [("Lao People's Revolutionary Party", "org")]


def test_acronym_defined_in_text() -> None:
    found = names("By Korea-Asia Association (KAA) staff. The KAA has 30 officials.")
    got = [(m.text, m.kind, m.via) for m in found]
    assert ("Korea-Asia Association", "org", "name") in got
    assert got.count(("KAA", "org", "acronym")) == 2


def test_undefined_all_caps_word_is_not_a_name() -> None:
    assert texts("The MFA said so on Monday.") == []


def test_hyphenated_country_pair_gives_two_countries() -> None:
    assert texts("Historic visit opens new chapter in DPRK-Vietnam ties.") == ["DPRK", "Vietnam"]


def test_heads_type_orgs_and_places() -> None:
    found = names("They gathered at Kim Il Sung Square near the Korea-Asia Association office.")
    assert [(m.text, m.kind) for m in found] == [("Kim Il Sung Square", "place"), ("Korea-Asia Association", "org")]


def test_lone_surname_links_only_when_unambiguous() -> None:
    found = names("Lao President Thongloun Sisoulith was reelected. Sisoulith replied. Smith did not.")
    assert [(m.text, m.via) for m in found if m.kind == "person"] == [
        ("Thongloun Sisoulith", "title"), ("Sisoulith", "short")]


def test_all_caps_headline_yields_nothing_spurious() -> None:
    assert texts("KIM JONG UN MEETS VISITING LAO DELEGATION IN PYONGYANG") == []


def test_title_case_headline_yields_only_registered_names() -> None:
    assert texts("Special Solidarity Between Laos And Vietnam Grows Stronger") == ["Laos", "Vietnam"]


def test_other_scripts_do_not_crash_or_invent_names() -> None:
    assert texts("김정은 위원장은 평양에서 회담했다. ສປປ ລາວ ແລະ ຫວຽດນາມ.") == []
    assert texts("김정은 (Kim Jong Un) visited.", "person") == ["Kim Jong Un"]


def test_page_furniture_words_are_not_names() -> None:
    assert texts("Previous Post Next Post") == []
    assert texts("Post a Comment") == []


def test_long_runs_are_titles_of_works_not_people() -> None:
    assert texts("A book, Tam Hoy Sen Thang Ho Chi Minh Bon Pheun Phan Din Lao, appeared.", "person") == []


def test_mentions_only_inside_sentences() -> None:
    text = "Kim Jong Un met Choummaly Sayasone.\nRelated: Kim Jong-il tribute in Pyongyang."
    cut = text.index("Related")
    found = names(text, furniture=[(cut, len(text))])
    assert all(m.end <= cut for m in found)
    assert [m.text for m in found] == ["Kim Jong Un", "Choummaly Sayasone"]


def test_very_long_document_is_linear_and_stable() -> None:
    para = ("Supreme Leader Kim Jong Un met Comrade Choummaly Sayasone in Pyongyang. "
            "The Workers' Party of Korea (WPK) and the LPRP agreed. ")
    found = names(para * 3000)
    assert len(found) == 3000 * 6
    assert {m.text for m in found} == {"Kim Jong Un", "Choummaly Sayasone", "Pyongyang",
                                       "Workers' Party of Korea", "WPK", "LPRP"}


def test_seed_002_german_teasers_are_never_read() -> None:
    src = seed_source("002_6366b2a89e533134")
    found = find_mentions(src)
    assert not any("Pj" in m.text or m.key == "kim jong il" for m in found)
    assert sum(m.text == "Kim Jong-un" for m in found) == 3


def test_mention_key_is_name_key() -> None:
    (m,) = names("Comrade Kim Jong-un spoke.")
    assert (m.text, m.key, m.kind) == ("Kim Jong-un", "kim jong un", "person")


def test_name_after_title_is_kept_even_if_it_looks_like_a_word() -> None:
    assert texts("General Secretary To Lam met Dear Leader Kim Jong Il.", "person") == ["To Lam", "Kim Jong Il"]


def test_abbreviated_titles_initials_particles_and_apostrophes() -> None:
    found = names("He met Mr. Smith, Dr. Jane Doe and Sean O’Brien at Mt. Paektu. Later K. Phomvihane "
                  "and Ludwig van Beethoven came.")
    assert [(m.text, m.kind) for m in found] == [
        ("Smith", "person"), ("Jane Doe", "person"), ("Sean O’Brien", "person"), ("Mt. Paektu", "place"),
        ("K. Phomvihane", "person"), ("Ludwig van Beethoven", "person")]


def test_bad_sentence_offsets_do_not_crash() -> None:
    src = make_source("Kim Jong Un spoke.")
    src.sentences.append(type(src.sentences[0])(500, 900, 9, 9))  # beyond the text
    assert [m.text for m in find_mentions(src)] == ["Kim Jong Un"]


def test_acronym_needs_a_capitalised_long_form() -> None:
    found = names("the number of delegations exchanged (NDE) grew. The NDE doubled.")
    assert found == []
