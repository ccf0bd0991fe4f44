"""Place extraction: cities, countries, facilities, "X of Country" and "X, the capital of Country"."""

from __future__ import annotations

from pathlib import Path

from crosscheck.extract.places import builtin_is_place, find_places, place_key

SOURCES = Path(__file__).resolve().parents[1] / "sources"


def _seed(prefix: str) -> str:
    return next(SOURCES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _line(text: str, needle: str) -> tuple[int, int]:
    i = text.find(needle)
    assert i >= 0
    end = text.find("\n", i)
    return text.rfind("\n", 0, i) + 1, len(text) if end < 0 else end


def _places(text: str, needle: str) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.kind, p.within) for p in find_places(text, *_line(text, needle))]


def test_jakarta_of_indonesia_000() -> None:
    text = _seed("000")
    got = find_places(text, *_line(text, "Bandung Conference"))
    assert [(p.name, p.kind, p.within, p.text) for p in got] == [
        ("Jakarta", "city", "Indonesia", "in Jakarta of Indonesia")
    ]


def test_pyongyang_and_airport_001() -> None:
    text = _seed("001")
    assert _places(text, "57 years ago") == [("Pyongyang", "city", None)]
    assert _places(text, "On October 28 1965") == [("airport", "facility", None)]


def test_hanoi_the_capital_of_vietnam_003() -> None:
    text = _seed("003")
    assert _places(text, "When the Korean pilots") == [("Hanoi", "city", "Vietnam")]


def test_months_and_lowercase_phrases_are_not_places() -> None:
    s = "He came in April 1965, in October that year and in their struggle, in the new century."
    assert find_places(s, 0, len(s)) == []


def test_countries_regions_and_named_facilities() -> None:
    s = "Talks in the DPRK, peace in Northeast Asia and a rally at Kim Il Sung Square in Pyongyang."
    assert [(p.name, p.kind) for p in find_places(s, 0, len(s))] == [
        ("DPRK", "country"),
        ("Northeast Asia", "region"),
        ("Kim Il Sung Square", "facility"),
        ("Pyongyang", "city"),
    ]


def test_caller_gazetteer_may_name_the_kind() -> None:
    s = "The summit was held in Sochi, Russia, and a dinner in Ruritania."

    def is_place(name: str) -> bool | str:
        return {"Sochi": "city", "Russia": "country"}.get(name, False)

    got = find_places(s, 0, len(s), is_place)
    assert [(p.name, p.kind, p.within) for p in got] == [("Sochi", "city", "Russia")]
    assert find_places("a dinner in Ruritania", 0, 21, lambda n: n == "Ruritania")[0].kind == "place"


def test_builtin_gazetteer_keys() -> None:
    assert builtin_is_place("Vientiane") == "city"
    assert builtin_is_place("Lao People’s Democratic Republic") == "country"
    assert builtin_is_place("Supreme People's Assembly") is False
    assert place_key("The Lao P.D.R.") == "lao p d r"


def test_malformed_user_gazetteer_is_an_input_error(tmp_path: Path) -> None:
    import pytest

    from crosscheck.errors import InputError
    from crosscheck.rules import RuleSet

    (tmp_path / "places.yaml").write_text("cities: [Pyongyang]\n", encoding="utf-8")
    with RuleSet([tmp_path]).active(), pytest.raises(InputError) as err:
        find_places("in Pyongyang", 0, 12)
    assert err.value.path == str(tmp_path / "places.yaml") and err.value.line == 1
    assert err.value.field == "cities" and "object" in err.value.message


def test_full_state_names_and_named_facilities_with_of() -> None:
    s = "Talks were held in the Democratic People’s Republic of Korea, at the Kumsusan Palace of the Sun."
    assert [(p.name, p.kind) for p in find_places(s, 0, len(s))] == [
        ("DPRK", "country"),
        ("Kumsusan Palace", "facility"),
    ]


def _life(sentence: str) -> tuple[str, str] | None:
    from crosscheck.extract.places import find_life_place

    p = find_life_place(sentence, 0, len(sentence))
    return (p.name, p.kind) if p else None


def test_life_event_places_read_towns_no_gazetteer_knows() -> None:
    assert _life(" on 14 March 1921 in Semipalatinsk, the son of a teacher.") == ("Semipalatinsk", "place")
    assert _life(" on 14 March 1921 in Alma-Ata, into the family of a teacher.") == ("Alma-Ata", "place")
    assert _life(" in Semipalatinsk in 1923") == ("Semipalatinsk", "place")
    assert _life(" on 2 November 2008 at his home in Almaty") == ("Almaty", "place")
    assert _life(" in Moscow in 1951") == ("Moscow", "city")


def test_life_event_places_skip_months_countries_regions_and_facilities() -> None:
    assert _life(" in March 1921") is None
    assert _life(" in the Soviet Union") is None  # unknown name after "the": a country, not a town
    assert _life(" in Kazakh SSR") is None
    assert _life(" in the Semipalatinsk region") is None
    assert _life(" in Vietnam") is None  # a known country is not a birthplace to compare
    assert _life(" in Moscow State University hospital") is None


def test_life_event_places_skip_seasons_and_days() -> None:
    assert _life(" in Spring 1921 in a village") is None
    assert _life(" on a cold morning in Winter") is None
