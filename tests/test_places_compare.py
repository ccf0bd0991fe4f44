"""place_conflict rules: one event, two different cities."""

from __future__ import annotations

from pathlib import Path

from crosscheck.compare.places import place_conflicts
from crosscheck.extract.places import PlaceExpr, find_places
from crosscheck.records import Claim

SOURCES = Path(__file__).resolve().parents[1] / "sources"
S001 = "001_af8f2fa02ad50aac"
MEETING = "meeting:kaysone-phomvihane+kim-il-sung@1965"


def _claim(cid: str, src: str, p: PlaceExpr, event: str = MEETING) -> Claim:
    return Claim(
        id=cid,
        source=src,
        kind="place",
        subject="first meeting",
        quote=p.text,
        span=p.span,
        event=event,
        event_type=event.split(":")[0],
        predicate="place",
        object=p.kind,
        value=p.name,
    )


def _from(sentence: str, cid: str, src: str, event: str = MEETING) -> list[Claim]:
    return [_claim(f"{cid}{i}", src, p, event) for i, p in enumerate(find_places(sentence, 0, len(sentence)))]


def _seed() -> list[Claim]:
    text = (SOURCES / f"{S001}.txt").read_text(encoding="utf-8")
    i = text.find("57 years ago")
    a, z = text.rfind("\n", 0, i) + 1, text.find("\n", i)
    return [_claim(f"p{n}", S001, p) for n, p in enumerate(find_places(text, a, z))]


def test_same_city_facility_and_country_agree() -> None:
    claims = (
        _seed()
        + _from("They met at the airport in Pyongyang, DPRK.", "o", "other")
        + _from("They met in the DPRK.", "c", "third")
    )
    assert [c.value for c in _seed()] == ["Pyongyang"]
    assert place_conflicts(claims) == []


def test_moving_the_meeting_to_another_city_is_exactly_one_conflict() -> None:
    flags = place_conflicts(_seed() + _from("They first met in Hanoi.", "o", "other"))
    assert len(flags) == 1
    f = flags[0]
    assert (f.kind, f.severity) == ("place_conflict", "warning")
    assert sorted(e.value for e in f.evidence) == ["Hanoi", "Pyongyang"]
    assert {e.source for e in f.evidence} == {S001, "other"}


def test_other_events_and_same_source_are_not_compared() -> None:
    assert (
        place_conflicts(_seed() + _from("They met in Hanoi.", "o", "other", event="meeting:other@1970")) == []
    )
    assert place_conflicts(_seed() + _from("They met in Hanoi.", "o", S001)) == []


def test_a_visit_in_two_cities_is_info() -> None:
    v = "visit:kim-jong-un>vietnam@2019-03"
    flags = place_conflicts(
        _from("He arrived in Hanoi.", "a", "s1", v)
        + _from("He toured Ho Chi Minh City.", "b", "s2", v)
        + _from("He stopped in Saigon.", "c", "s2", v)
    )
    assert [f.severity for f in flags] == ["info"]


def _life(cid: str, src: str, town: str, kind: str = "place") -> Claim:
    return Claim(id=cid, source=src, kind="place", subject="Nurlan Abdykadyrov", quote=f"born in {town}",
                 span=(0, 8 + len(town)), event="birth:nurlan-abdykadyrov", event_type="birth",
                 predicate="place", object=kind, value=town)


def test_two_unknown_birthplaces_are_an_info_flag_with_a_caveat() -> None:
    flags = place_conflicts([_life("a", "s1", "Semipalatinsk"), _life("b", "s2", "Alma-Ata")])
    assert [(f.kind, f.severity) for f in flags] == [("place_conflict", "info")]
    assert "one does not lie within the other" in flags[0].summary
    assert sorted(e.value for e in flags[0].evidence) == ["Alma-Ata", "Semipalatinsk"]


def test_a_birthplace_named_within_the_other_is_no_conflict() -> None:
    assert place_conflicts([_life("a", "s1", "Semipalatinsk"), _life("b", "s2", "Semipalatinsk Oblast")]) == []
    assert place_conflicts([_life("a", "s1", "Alma-Ata"), _life("b", "s2", "alma ata")]) == []


def test_unknown_places_of_other_events_are_not_compared() -> None:
    a, b = _life("a", "s1", "Semipalatinsk"), _life("b", "s2", "Alma-Ata")
    meeting = [Claim(**{**c.__dict__, "event": "meeting:x+y@1965", "event_type": "meeting"}) for c in (a, b)]
    assert place_conflicts(meeting) == []


def test_two_known_birth_cities_are_a_warning() -> None:
    flags = place_conflicts([_life("a", "s1", "Moscow", "city"), _life("b", "s2", "Hanoi", "city")])
    assert [(f.kind, f.severity) for f in flags] == [("place_conflict", "warning")]
