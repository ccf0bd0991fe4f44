"""The example corpus against what a careful fact-checker expects (tests/gold/seeds.yaml).

The matching rules are those stated at the top of the gold file: a flag
matches an entry when its kind is allowed, its evidence cites every listed
source and every listed string occurs in it; a silence entry is broken by an
unexpected flag that matches it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cli_helpers import CliRun

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "seeds.yaml").read_text(encoding="utf-8"))


def _text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False).lower()


def _matches(flag: dict[str, Any], entry: dict[str, Any]) -> bool:
    if flag["kind"] not in entry["kinds"]:
        return False
    cited = {e["source"] for e in flag["evidence"]}
    if not set(entry.get("sources") or []) <= cited:
        return False
    body = _text(flag)
    return all(m.lower() in body for m in entry.get("mentions") or [])


def _expected_indexes(flags: list[dict[str, Any]]) -> set[int]:
    used: set[int] = set()
    for entry in (GOLD.get("flags") or []) + (GOLD.get("optional") or []):
        used.update(i for i, f in enumerate(flags) if _matches(f, entry))
    return used


@pytest.mark.parametrize("entry", GOLD["flags"], ids=lambda e: e["id"])
def test_expected_flag_appears(seed_run: CliRun, entry: dict[str, Any]) -> None:
    flags = seed_run.report()["flags"]
    assert any(_matches(f, entry) for f in flags), f"missing flag {entry['id']}: {entry['why']}"


@pytest.mark.parametrize("entry", GOLD["silence"], ids=lambda e: e["id"])
def test_no_false_alarm(seed_run: CliRun, entry: dict[str, Any]) -> None:
    flags = seed_run.report()["flags"]
    used = _expected_indexes(flags)
    bad = [f for i, f in enumerate(flags) if i not in used and _matches(f, entry)]
    assert not bad, f"false alarm {entry['id']}: {bad[0]['kind']} {bad[0]['summary']}"


@pytest.mark.parametrize("entry", GOLD["claims"], ids=lambda e: e["id"])
def test_gold_claim_present(seed_run: CliRun, entry: dict[str, Any]) -> None:
    claims = seed_run.report()["claims"]
    want = str(entry["value"])
    good = [
        c for c in claims
        if c["source"] == entry["source"]
        and (str(c["value"]) == want or str(c["value"]).startswith(want + "/"))
        and all(m.lower() in _text(c) for m in entry.get("mentions") or [])
    ]
    assert good, f"no claim {entry['id']} ({entry['source']} {want})"


@pytest.mark.parametrize("source_id", sorted(GOLD["publication_dates"]))
def test_publication_date(seed_run: CliRun, source_id: str) -> None:
    want = GOLD["publication_dates"][source_id]
    sources = {s["id"]: s for s in seed_run.report()["sources"]}
    got = sources[source_id]
    assert (got["published"], got["published_basis"]) == (want["value"], want["basis"]), got["published_evidence"]
    assert got["published_evidence"], "a publication date always comes with its evidence"
