"""role_conflict rules: one person, incompatible offices, overlapping times; careers and epithets stay silent."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from crosscheck.compare.roles import head_group, role_conflicts
from crosscheck.extract.roles import RoleExpr, find_as_titles, find_titles
from crosscheck.records import Claim

SOURCES = Path(__file__).resolve().parents[1] / "sources"
S000, S001, S003 = "000_411fadefafaa17fe", "001_af8f2fa02ad50aac", "003_e38ea94e15a7087e"


def _text(sid: str) -> str:
    return (SOURCES / f"{sid}.txt").read_text(encoding="utf-8")


def _line(text: str, needle: str) -> tuple[int, int]:
    i = text.find(needle)
    assert i >= 0
    return text.rfind("\n", 0, i) + 1, text.find("\n", i)


def _claim(sid: str, n: int, person: str, r: RoleExpr, time: str, text: str) -> Claim:
    return Claim(
        id=f"{sid}-r{n}",
        source=sid,
        kind="role",
        subject=person,
        quote=text[r.span[0] : r.span[1]],
        span=r.span,
        participants=[person],
        predicate="title",
        object=r.body,
        value=r.office,
        time=time,
        raw=r.text,
        derivation=f"time of the visit in {time}",
    )


def _seed_claims() -> list[Claim]:
    """Kaysone's and Kim Il Sung's titles as the claim assembler would build them."""
    out: list[Claim] = []
    t0 = _text(S000)
    a, z = _line(t0, "paid an official visit")
    for n, r in enumerate(find_as_titles(t0, a, z)):
        out.append(_claim(S000, n, "kaysone-phomvihane", r, "1992-04", t0))
    a, z = _line(t0, "The great President Kim Il Sung met")
    person = t0.find("Kim Il Sung", a)
    for n, r in enumerate(find_titles(t0, a, z, [(person, person + 11)])):
        if not r.is_epithet:
            out.append(_claim(S000, 10 + n, "kim-il-sung", r, "1965-04", t0))
    t1 = _text(S001)
    a, z = _line(t1, "fourth visit")
    k = t1.find("Kaysone Phomvihane", a)
    for n, r in enumerate(find_titles(t1, a, z, [(k, k + 18)])):
        out.append(_claim(S001, n, "kaysone-phomvihane", r, "1992-04", t1))
    a, z = _line(t1, "57 years ago")
    k, p = t1.find("Kaysone Phomvihane", a), t1.find("Kim Il Sung", a)
    for n, r in enumerate(find_titles(t1, a, z, [(p, p + 11), (k, k + 18)])):
        person = "kim-il-sung" if r.person_span == (p, p + 11) else "kaysone-phomvihane"
        out.append(_claim(S001, 10 + n, person, r, "1965", t1))
    return out


def test_kaysone_april_1992_is_exactly_one_role_conflict() -> None:
    claims = _seed_claims()
    assert len(claims) == 6  # the epithet "The great President" made no claim
    flags = role_conflicts(claims)
    assert len(flags) == 1
    f = flags[0]
    assert (f.kind, f.severity, f.subject) == ("role_conflict", "warning", "kaysone-phomvihane")
    assert {e.source for e in f.evidence} == {S000, S001}
    assert sorted(e.value for e in f.evidence) == ["chairman", "general secretary"]
    assert f.summary.startswith("Kaysone Phomvihane in April 1992: ")
    assert "Chairman" in f.summary and "general secretary" in f.summary
    assert all(e.quote and e.claim for e in f.evidence)


def test_flag_id_is_stable_and_order_independent() -> None:
    claims = _seed_claims()
    assert [f.id for f in role_conflicts(claims)] == [f.id for f in role_conflicts(list(reversed(claims)))]


def test_same_title_in_both_sources_is_silent() -> None:
    claims = [replace(c, value="general secretary") if c.value == "chairman" else c for c in _seed_claims()]
    assert role_conflicts(claims) == []


def test_titles_at_different_times_are_a_career() -> None:
    claims = [replace(c, time="1975") if c.source == S000 else c for c in _seed_claims()]
    assert role_conflicts(claims) == []


def test_swapping_an_office_in_one_body_gives_exactly_one_conflict() -> None:
    base = _seed_claims()
    agreed = [replace(c, value="general secretary") if c.value == "chairman" else c for c in base]
    mutated = [replace(c, value="first secretary") if c.id == f"{S001}-r1" else c for c in agreed]
    assert role_conflicts(agreed) == []
    flags = role_conflicts(mutated)
    assert len(flags) == 1 and {e.value for e in flags[0].evidence} == {
        "first secretary",
        "general secretary",
    }


def _role(cid: str, src: str, office: str, body: str, time: str, raw: str = "", person: str = "x-y") -> Claim:
    return Claim(
        id=cid,
        source=src,
        kind="role",
        subject=person,
        quote=raw or office,
        span=(0, 1),
        predicate="title",
        object=body,
        value=office,
        time=time,
        raw=raw or office,
    )


def test_epithet_never_conflicts_even_if_it_reaches_compare() -> None:
    claims = [
        _role("a", "s1", "premier", "", "1965", "Premier"),
        _role("b", "s2", "president", "", "1965", "The great President"),
    ]
    assert role_conflicts(claims) == []


def test_bare_head_of_state_vs_government_is_info() -> None:
    flags = role_conflicts(
        [_role("a", "s1", "premier", "", "1965"), _role("b", "s2", "president", "", "1965")]
    )
    assert [f.severity for f in flags] == ["info"]


def test_head_of_state_vs_government_same_country_is_warning() -> None:
    claims = [
        _role("a", "s1", "president", "laos", "1992-04"),
        _role("b", "s2", "prime minister", "lao pdr", "1992-04"),
    ]
    assert [f.severity for f in role_conflicts(claims)] == ["warning"]
    other = [
        _role("a", "s1", "president", "laos", "1992-04"),
        _role("b", "s2", "prime minister", "vietnam", "1992"),
    ]
    assert role_conflicts(other) == []


def test_kim_jong_un_state_titles_2019_vs_2020_are_silent() -> None:
    claims = [
        _role(
            "a",
            S000,
            "chairman",
            "state affairs commission of democratic people's republic of korea",
            "2020-06-24",
            person="kim-jong-un",
        ),
        _role("b", S003, "president", "state affairs of dprk", "2019-03-01/2019-03-02", person="kim-jong-un"),
        _role(
            "c",
            S003,
            "general secretary",
            "workers' party of korea",
            "2019-03-01/2019-03-02",
            person="kim-jong-un",
        ),
    ]
    assert role_conflicts(claims) == []
    assert head_group("chairman", "state affairs commission of democratic people's republic of korea") == (
        "head of state",
        "DPRK",
    )


def test_same_day_same_body_is_error_and_members_do_not_conflict() -> None:
    claims = [
        _role("a", "s1", "chairman", "central committee", "2011-09-23"),
        _role("b", "s2", "general secretary", "central committee", "2011-09-23"),
        _role("c", "s3", "member", "central committee", "2011-09-23"),
    ]
    flags = role_conflicts(claims)
    assert [(f.severity, len(f.evidence)) for f in flags] == [("error", 2)]


def test_unparseable_time_is_never_compared() -> None:
    claims = [_role("a", "s1", "chairman", "cc", "PUB"), _role("b", "s2", "general secretary", "cc", "1992")]
    assert role_conflicts(claims) == []


def test_translation_variants_of_one_post_are_silent() -> None:
    sac = "state affairs commission of dprk"
    claims = [_role("a", "s1", "chairman", sac, "2021"), _role("b", "s2", "president", sac, "2021")]
    assert role_conflicts(claims) == []
    hog = [_role("a", "s1", "premier", "laos", "1990"), _role("b", "s2", "prime minister", "laos", "1990")]
    assert role_conflicts(hog) == []


def test_ministers_of_one_country_may_hold_two_posts() -> None:
    both = [
        _role("a", "s1", "deputy prime minister", "laos", "2023"),
        _role("b", "s2", "foreign minister", "laos", "2023"),
    ]
    assert role_conflicts(both) == []
    top = [_role("a", "s1", "president", "laos", "2023"), _role("b", "s2", "vice-president", "laos", "2023")]
    assert [f.severity for f in role_conflicts(top)] == ["warning"]


def test_secretary_and_vice_chairman_of_one_committee_are_both_held() -> None:
    cc = "central committee of workers' party of korea"
    both = [_role("a", "s1", "secretary", cc, "2021"), _role("b", "s2", "vice-chairman", cc, "2021")]
    assert role_conflicts(both) == []
    head = [_role("a", "s1", "chairman", cc, "2021"), _role("b", "s2", "vice-chairman", cc, "2021")]
    assert len(role_conflicts(head)) == 1


def test_summary_says_on_for_a_day() -> None:
    cc = "central committee"
    flags = role_conflicts(
        [_role("a", "s1", "chairman", cc, "2023-03-09"), _role("b", "s2", "vice-chairman", cc, "2023")]
    )
    assert flags[0].summary.startswith("X Y on March 9, 2023: ")
