"""Mutation tests for titles, counts and places: each edit of the seeds yields exactly its flag.

As for dates (test_mutations_time.py): one phrase of one document is changed
(or a sentence added), the CLI runs on the mutated copy, and the flags new
against the unchanged corpus must all be of the expected kind and cite the
mutated source.
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
ROLE, COUNT, PLACE = "role_conflict", "count_conflict", "place_conflict"


@dataclass(frozen=True)
class Mutation:
    id: str
    source: str
    old: str
    new: str
    kind: str
    also_cites: str | None = None


MUTATIONS = [
    # swap a title: one party post, one time, two offices
    Mutation("000-choummaly-chairman", S000, "Comrade Choummaly Sayasone, General Secretary of the Central Committee",
             "Comrade Choummaly Sayasone, Chairman of the Central Committee", ROLE, S001),
    Mutation("001-choummaly-chairman", S001, "Choummaly Saygnasone, general secretary of the Central Committee",
             "Choummaly Saygnasone, chairman of the Central Committee", ROLE, S000),
    Mutation("001-choummaly-premier", S001, "and president of the Lao People’s Democratic Republic, on a visit",
             "and prime minister of the Lao People’s Democratic Republic, on a visit", ROLE, S000),
    Mutation("000-kaysone-premier-1992", S000, "and President of Laos and bestowed",
             "and Prime Minister of Laos and bestowed", ROLE, S001),
    # a count across a bound: the other source now allows no overlap
    Mutation("001-delegations-fewer", S001, "In recent years visits, contacts and exchanges have been conducted actively",
             "By 2020 fewer than fifty delegations had been exchanged between the two countries. "
             "In recent years visits, contacts and exchanges have been conducted actively", COUNT, S000),
    Mutation("001-treaties-about-ten", S001, "In recent years visits, contacts and exchanges have been conducted actively",
             "About ten treaties and agreements were concluded between the two countries. "
             "In recent years visits, contacts and exchanges have been conducted actively", COUNT, S000),
    # a meeting moved to another city
    Mutation("000-first-meeting-hanoi", S000, "had a significant first meeting with",
             "had a significant first meeting in Hanoi with", PLACE, S001),
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.id)
def test_fact_mutation_yields_its_flag(tmp_path: Path, seed_run: CliRun, mutation: Mutation) -> None:
    run = run_mutated(tmp_path, mutation.source, mutation.old, mutation.new)
    new = new_flags(seed_run, run)
    assert new, f"{mutation.id}: no new flag"
    assert {f["kind"] for f in new} == {mutation.kind}, [f["summary"] for f in new]
    cited = {e["source"] for f in new for e in f["evidence"]}
    assert mutation.source in cited
    if mutation.also_cites:
        assert mutation.also_cites in cited, [f["summary"] for f in new]


def test_kim_il_sung_1965_office_is_never_an_error(seed_run: CliRun) -> None:
    """ "Premier" (001) against "the great President" (000) in 1965: left alone or low severity."""
    for f in seed_run.report()["flags"]:
        if f["kind"] == "role_conflict" and "Kim Il Sung" in f["subject"]:
            assert f["severity"] != "error", f["summary"]


def test_unchanged_corpus_has_only_the_expected_fact_flags(seed_run: CliRun) -> None:
    kinds = [f["kind"] for f in seed_run.report()["flags"] if f["kind"] in (ROLE, COUNT, PLACE)]
    assert kinds == [ROLE]  # Kaysone's party title in April 1992
