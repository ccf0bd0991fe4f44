"""The example corpus against what a careful fact-checker expects (tests/gold/seeds.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cli_helpers import CliRun
from gold_check import claim_found, false_alarms, flag_found, publication

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "seeds.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", GOLD["flags"], ids=lambda e: e["id"])
def test_expected_flag_appears(seed_run: CliRun, entry: dict[str, Any]) -> None:
    assert flag_found(seed_run.report(), entry), f"missing flag {entry['id']}: {entry['why']}"


@pytest.mark.parametrize("entry", GOLD["silence"], ids=lambda e: e["id"])
def test_no_false_alarm(seed_run: CliRun, entry: dict[str, Any]) -> None:
    bad = false_alarms(GOLD, seed_run.report(), entry)
    assert not bad, f"false alarm {entry['id']}: {bad[0]['kind']} {bad[0]['summary']}"


@pytest.mark.parametrize("entry", GOLD["claims"], ids=lambda e: e["id"])
def test_gold_claim_present(seed_run: CliRun, entry: dict[str, Any]) -> None:
    assert claim_found(seed_run.report(), entry), f"no claim {entry['id']} ({entry['source']} {entry['value']})"


@pytest.mark.parametrize("source_id", sorted(GOLD["publication_dates"]))
def test_publication_date(seed_run: CliRun, source_id: str) -> None:
    want = GOLD["publication_dates"][source_id]
    published, basis, evidence = publication(seed_run.report(), source_id)
    assert (published, basis) == (want["value"], want["basis"]), evidence
    assert evidence, "a publication date always comes with its evidence"
