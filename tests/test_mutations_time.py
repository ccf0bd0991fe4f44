"""Mutation tests: change one temporal fact in the example corpus, expect exactly its flag.

Each mutation rewrites one phrase of one seed document (the phrase must occur
exactly once), runs the CLI on the mutated copy, and compares the flags with
those of the unchanged corpus: the new flags must be non-empty, all of the
expected kind(s), and cite the mutated source.  The unchanged corpus must stay
silent on dates, ordinals and internal consistency.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from cli_helpers import CliRun, new_flags, run_mutated

S000 = "000_411fadefafaa17fe"
S001 = "001_af8f2fa02ad50aac"
S002 = "002_6366b2a89e533134"
S003 = "003_e38ea94e15a7087e"
S004 = "004_4d0010e5933920f6"
TIME_KINDS = {"date_conflict", "ordinal_conflict", "internal_conflict"}


@dataclass(frozen=True)
class Mutation:
    id: str
    source: str
    old: str
    new: str
    kinds: frozenset[str]
    also_cites: str | None = None  # a second source the flag must cite


def M(mid: str, source: str, old: str, new: str, *kinds: str, also: str | None = None) -> Mutation:  # noqa: N802
    return Mutation(mid, source, old, new, frozenset(kinds), also)


DATE, ORD, INT = "date_conflict", "ordinal_conflict", "internal_conflict"

MUTATIONS = [
    # anniversary counts
    M("000-anniversary-45th", S000, "46th anniversary", "45th anniversary", DATE, also=S001),
    M("000-anniversary-44th", S000, "46th anniversary", "44th anniversary", DATE, also=S001),
    M("001-anniversary-47th", S001, "48th anniversary", "47th anniversary", DATE, also=S000),
    M("001-anniversary-50th", S001, "48th anniversary", "50th anniversary", DATE, also=S000),
    M("004-relations-61st", S004, "60th anniversary", "61st anniversary", INT),
    M("004-treaty-44th", S004, "45th anniversary", "44th anniversary", INT),
    M("004-treaty-46th", S004, "45th anniversary", "46th anniversary", INT),
    M("001-birthday-81st", S001, "80th birthday of President Kim Il Sung", "81st birthday of President Kim Il Sung", INT),
    # days and months
    M("000-anniversary-day", S000, "June 24 is a significant day", "June 25 is a significant day", DATE, also=S001),
    M("001-anniversary-day", S001, "June 24 is the 48th", "June 23 is the 48th", DATE, also=S000),
    M("004-relations-day", S004, "September 5, 1962", "September 5, 1963", INT),
    M("004-treaty-year", S004, "July 18, 1977", "July 18, 1978", INT),
    # years
    M("000-friendship-1966", S000, "dates back to 1965", "dates back to 1966", DATE, also=S001),
    M("003-visit-2018", S003, "March 1-2 2019", "March 1-2 2018", INT),
    M("003-visit-2020", S003, "March 1-2 2019", "March 1-2 2020", INT),
    M("001-first-visit-1966", S001, "On October 28 1965", "On October 28 1966", ORD, DATE, also=S000),
    M("001-fourth-visit-1993", S001, "fourth visit to the DPRK in April 1992", "fourth visit to the DPRK in April 1993", ORD, also=S000),
    M("000-1992-visit-1991", S000, "And in April 1992, he paid", "And in April 1991, he paid", ORD, DATE, also=S001),
    # ordinals and enumerations
    M("001-fourth-to-third", S001, "his fourth visit", "his third visit", ORD, also=S000),
    M("001-fourth-to-fifth", S001, "his fourth visit", "his fifth visit", ORD, also=S000),
    M("001-fourth-to-second", S001, "his fourth visit", "his second visit", ORD, also=S000),
    M("000-extra-visit", S000, "in 1970 and 1977 respectively", "in 1970, 1975 and 1977 respectively", ORD, also=S001),
    M("000-fewer-visits", S000, "in 1970 and 1977 respectively", "in 1977", ORD, also=S001),
    M("004-relations-1961", S004, "September 5, 1962", "September 5, 1961", INT),
    # relative expressions
    M("001-57-to-58-years", S001, "57 years ago", "58 years ago", DATE, INT),
    M("001-57-to-55-years", S001, "57 years ago", "55 years ago", DATE, INT),
    M("003-five-to-six-years", S003, "five years ago", "six years ago", INT),
    M("003-five-to-four-years", S003, "five years ago", "four years ago", INT),
    M("002-last-year-to-this-year", S002, "summit talks in Pyongyang last year", "summit talks in Pyongyang this year", INT),
    M("002-october-this-year", S002, "meeting in October last year", "meeting in October this year", INT),
    # publication dates (datelines)
    M("000-dateline-2021", S000, "(DPRK MFA - June 24, 2020)", "(DPRK MFA - June 24, 2021)", DATE, also=S001),
    M("003-dateline-2025", S003, "\nMarch 1, 2024\n", "\nMarch 1, 2025\n", INT),
    M("004-observed-year-2023", S004, "Friendship Year 2022", "Friendship Year 2023", INT),
    M("004-observed-year-2021", S004, "Friendship Year 2022", "Friendship Year 2021", INT),
]


def test_at_least_thirty_distinct_mutations() -> None:
    assert len({(m.source, m.old, m.new) for m in MUTATIONS}) >= 30


def test_unchanged_corpus_is_silent_on_time(seed_run: CliRun) -> None:
    time_flags = [f for f in seed_run.report()["flags"] if f["kind"] in TIME_KINDS]
    assert not time_flags, [f["summary"] for f in time_flags]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.id)
def test_mutation_yields_its_flag(tmp_path: Path, seed_run: CliRun, mutation: Mutation) -> None:
    run = run_mutated(tmp_path, mutation.source, mutation.old, mutation.new)
    new = new_flags(seed_run, run)
    assert new, f"{mutation.id}: no new flag"
    kinds = {f["kind"] for f in new}
    assert kinds <= mutation.kinds, f"{mutation.id}: unexpected {kinds - mutation.kinds}: {[f['summary'] for f in new]}"
    cited = {e["source"] for f in new for e in f["evidence"]}
    assert mutation.source in cited
    if mutation.also_cites:
        assert mutation.also_cites in cited, [f["summary"] for f in new]
