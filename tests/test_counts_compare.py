"""count_conflict rules: disjoint intervals of one counted thing across sources."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from crosscheck.compare.counts import count_conflicts
from crosscheck.extract.counts import CountExpr, find_counts
from crosscheck.records import Claim

SOURCES = Path(__file__).resolve().parents[1] / "sources"
S000 = "000_411fadefafaa17fe"
SLOT = "count:delegations:dprk+laos"


def _claim(
    cid: str, src: str, c: CountExpr, text: str, time: str | None = "2020", event: str | None = SLOT
) -> Claim:
    return Claim(
        id=cid,
        source=src,
        kind="count",
        subject=c.thing,
        quote=text[c.span[0] : c.span[1]],
        span=c.span,
        event=event,
        predicate="count",
        object=c.unit,
        value=c.number_text,
        value_low=c.low,
        value_high=c.high,
        bounds=c.bounds,
        time=time,
        raw=c.text,
    )


def _from(sentence: str, cid: str, src: str, **kw: object) -> Claim:
    (c,) = find_counts(sentence, 0, len(sentence))
    return _claim(cid, src, c, sentence, **kw)  # type: ignore[arg-type]


def _seed_delegations() -> Claim:
    text = (SOURCES / f"{S000}.txt").read_text(encoding="utf-8")
    i = text.find("During these historical periods")
    c = find_counts(text, i, text.find("\n", i))[0]
    assert c.thing == "delegations"
    return _claim("d0", S000, c, text)


def test_agreeing_counts_are_silent() -> None:
    seed = _seed_delegations()
    other = _from("The two sides exchanged 240 delegations.", "d1", "other")
    assert count_conflicts([seed, other]) == []
    assert count_conflicts([seed, _from("Exactly 200 delegations came.", "d2", "other")]) == []


def test_count_across_the_bound_is_exactly_one_conflict() -> None:
    seed = _seed_delegations()
    below = _from("The two sides exchanged 150 delegations.", "d1", "other")
    flags = count_conflicts([seed, below])
    assert len(flags) == 1
    f = flags[0]
    assert (f.kind, f.severity, f.slot) == ("count_conflict", "warning", SLOT)
    assert sorted(e.value for e in f.evidence) == ["150", "≥200"]
    assert "as many as over two hundreds" in f.summary and "150" in f.summary


def test_about_widens_and_exact_counts_are_errors() -> None:
    a = _from("The Association involves about 30 officials.", "a", "s1")
    assert count_conflicts([a, _from("It has 32 officials.", "b", "s2")]) == []
    flags = count_conflicts([a, _from("It has 40 officials.", "b", "s2")])
    assert [f.severity for f in flags] == ["warning"]
    exact = count_conflicts([_from("A 2,069-km border.", "x", "s1"), _from("A 2,130-km border.", "y", "s2")])
    assert [f.severity for f in exact] == ["error"]


def test_bare_noun_slots_are_never_flagged_and_participants_separate_slots() -> None:
    """ "30 officials" and "40 officials" in two documents may be two groups: listed, not flagged."""
    a = _from("The Association involves about 30 officials.", "a", "s1", event=None)
    b = _from("It has 40 officials.", "b", "s2", event=None)
    assert count_conflicts([a, b]) == []
    exact = [
        _from("They signed 14 agreements.", "x", "s1", event=None),
        _from("They signed 9 agreements.", "y", "s2", event=None),
    ]
    assert count_conflicts(exact) == []
    a2, b2 = replace(a, participants=["dprk", "laos"]), replace(b, participants=["laos", "dprk"])
    flags = count_conflicts([a2, b2])
    assert [(f.severity, f.slot) for f in flags] == [("warning", "count:officials:dprk+laos")]
    assert count_conflicts([a2, replace(b, participants=["vietnam", "laos"])]) == []


def test_same_source_units_and_slots_are_respected() -> None:
    a = _from("A 2,069-km border.", "x", "s1", event=None)
    assert count_conflicts([a, _from("A 2,130-km border.", "y", "s1", event=None)]) == []
    assert count_conflicts([a, _from("A 1,286-mile border.", "y", "s2", event=None)]) == []
    assert count_conflicts([a, replace(_from("A 2,130-km border.", "y", "s2"), event="count:border:x")]) == []


def test_counts_at_disjoint_times_are_info() -> None:
    seed = _seed_delegations()
    later = _from("The two sides exchanged 150 delegations.", "d1", "other", time="1980")
    assert [f.severity for f in count_conflicts([seed, later])] == ["info"]


def test_one_flag_per_slot_with_every_disagreeing_claim() -> None:
    seed = _seed_delegations()
    others = [_from(f"They exchanged {n} delegations.", f"d{n}", f"s{n}") for n in (100, 120)]
    vague = _from("They exchanged over 50 delegations.", "d50", "s50")  # agrees with every other claim
    flags = count_conflicts([seed, *others, vague])
    assert len(flags) == 1
    assert {e.claim for e in flags[0].evidence} == {"d0", "d100", "d120"}


def test_hand_edited_nonsense_is_skipped_not_a_crash() -> None:
    seed = _seed_delegations()
    bad = replace(_from("They exchanged 150 delegations.", "x", "s9"), value_low="many", value_high=None)  # type: ignore[arg-type]
    assert count_conflicts([seed, bad]) == []
