"""Real corpora (tests/corpora_real): texts copied from stored public web pages, gold written from the
texts alone by annotators who had not read the code.

Tune corpora: every finding crosscheck makes today must stay (FOUND), and no silence entry may break
except the ones listed in KNOWN_FALSE_ALARMS (strict xfails: fixing one fails the test until it is
taken off the list).  Measure-only corpora are never asserted on (they are scored once, by
benchmarks/score_corpora.py --measure, when a piece of work is done); here they only have to run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cli_helpers import CliRun, run_corpora
from gold_check import false_alarms, flag_found

REAL = Path(__file__).parent / "corpora_real"
ROLES: dict[str, str] = yaml.safe_load((REAL / "roles.yaml").read_text(encoding="utf-8"))
TUNE = sorted(n for n, r in ROLES.items() if r == "tune")
MEASURE = sorted(n for n, r in ROLES.items() if r == "measure")

# The gold flags found now, per tune corpus: a change that loses one fails here.
FOUND: dict[str, set[str]] = {
    "battle_of_waterloo": {"blucher-age-1813", "gebhardt-spelling"},
    "hoover_dam": {"construction-start-1930-vs-1931", "dedication-september-9-vs-30",
                   "tierney-father-son-interval-13-vs-14", "death-toll-96-vs-112", "dam-cost-49-vs-120-million",
                   "dam-cost-49-vs-165-million", "completion-1935-vs-1936"},
    "nelson_mandela": {"birthplace-qunu-mvezo", "joined-anc-1942-1943", "fort-hare-enrolment-1939-1940", "evelyn-divorce-1957-1958", "grandchildren-17-20",
                       "victor-verster-transfer-date"},
    "nixon_china_1972": {"normalization-announced-15-vs-16-december", "zhou-en-lai-hybrid-spelling"},
    "sydney_harbour_bridge": {"arch-joined-22-august", "arch-closed-1931", "burrinjuck-spelling", "arch-span-504", "workers-14000",
                              "six-years-to-build", "tender-price", "construction-began-day-1923",
                              "pay-off-55-vs-56-years", "bradfield-chief-engineer-1912-1913"},
    "titanic_sinking": {"people-aboard-2223-vs-2224", "deaths-1517-vs-1514", "survivors-706-vs-705",
                        "top-speed-23-vs-25-knots", "passenger-capacity-2566-vs-2435", "senate-inquiry-days",
                        "draught-59-vs-34-ft", "launch-april-1912"},
}
# Silence entries broken today (all name variants the name comparator reports; issue 12).
KNOWN_FALSE_ALARMS = {
    ("hoover_dam", "tierney-name-forms"),
    ("nelson_mandela", "evelyn-ntoko-short-form"),
    ("nixon_china_1972", "communique-accent"),
}


def _gold(name: str) -> dict[str, Any]:
    return yaml.safe_load((REAL / name / "gold.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CliRun]:
    return run_corpora(tmp_path_factory, REAL, TUNE + MEASURE)


def test_every_real_corpus_is_big_enough_and_varied() -> None:
    for name in ROLES:
        gold = _gold(name)
        sources = sorted((REAL / name / "sources").glob("*.txt"))
        publishers = {row.split(",")[2] for row in (REAL / name / "sources" / "sources.csv").read_text(
            encoding="utf-8").splitlines()[1:] if row.count(",") >= 3}
        assert len(sources) >= 10 and len(publishers) >= 5, name
        assert len(gold["flags"]) >= 10 and len(gold["silence"]) >= 10, name
    assert len(MEASURE) >= 2 and len(ROLES) >= 6


@pytest.mark.parametrize(("name", "flag_id"), [(n, f) for n in TUNE for f in sorted(FOUND.get(n, ()))])
def test_tune_finding_kept(runs: dict[str, CliRun], name: str, flag_id: str) -> None:
    entry = next(f for f in _gold(name)["flags"] if f["id"] == flag_id)
    assert flag_found(runs[name].report(), entry), f"{name}: lost {flag_id}"


def _silences() -> list[Any]:
    out = []
    for name in TUNE:
        for entry in _gold(name)["silence"]:
            marks = ([pytest.mark.xfail(strict=True, reason="known false alarm")]
                     if (name, entry["id"]) in KNOWN_FALSE_ALARMS else [])
            out.append(pytest.param(name, entry, id=f"{name}:{entry['id']}", marks=marks))
    return out


@pytest.mark.parametrize(("name", "entry"), _silences())
def test_tune_silence_holds(runs: dict[str, CliRun], name: str, entry: dict[str, Any]) -> None:
    bad = false_alarms(_gold(name), runs[name].report(), entry)
    assert not bad, f"{name}: false alarm {entry['id']}: {bad[0]['kind']} {bad[0]['summary']}"


@pytest.mark.parametrize("name", MEASURE)
def test_measure_corpus_runs(runs: dict[str, CliRun], name: str) -> None:
    report = runs[name].report()
    assert {s["id"] for s in report["sources"]} == {p.stem for p in (REAL / name / "sources").glob("*.txt")}
