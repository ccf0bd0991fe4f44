"""The 100 sentences a judge who had not read the code marked (tests/fixtures/frame_judgement.yaml).

Sampled from the measure-only real corpora with benchmarks/frame_sample.py and judged once: 18 right,
57 wrong, 25 with no fact to read.  The frames judged right must stay: a change that loses one fails
here.  (The wrong ones are the work ahead; they are not fixed against: these corpora are measure-only.)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
JUDGED = yaml.safe_load((ROOT / "tests" / "fixtures" / "frame_judgement.yaml").read_text(encoding="utf-8"))["sample"]
RIGHT = [item for item in JUDGED if item["verdict"] == "right"]


@pytest.fixture(scope="module")
def frames_by_sentence(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], list[dict[str, str]]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from frame_sample import frame_of

    from crosscheck.lexicon.events import event_types
    from crosscheck.lexicon.quantities import quantity_lexicon
    from crosscheck.project import Project

    labels = {name: et.label for name, et in event_types().items()}
    labels.update({a.name: a.label for a in quantity_lexicon().attributes})
    out: dict[tuple[str, int], list[dict[str, str]]] = {}
    for corpus in sorted({item["corpus"] for item in RIGHT}):
        work = tmp_path_factory.mktemp(corpus)
        project = Project.from_folder(work, sources=str(ROOT / "tests" / "corpora_real" / corpus / "sources"),
                                      claims=str(work / "claims"), reports=str(work / "reports"))
        result = project.run().result
        for s in result.sources:
            for sent in s.sentences:
                mine = [c for c in result.claims if c.source == s.id and sent.start <= c.span[0] < sent.end
                        and c.kind != "role"]
                out[(s.id, sent.start)] = [frame_of(c, labels) for c in mine]
    return out


def test_the_judgement_is_complete() -> None:
    assert len(JUDGED) == 100 and {i["verdict"] for i in JUDGED} <= {"right", "wrong", "no-fact"}
    assert len(RIGHT) == 18


@pytest.mark.parametrize("item", RIGHT, ids=[f"n{i['n']}" for i in RIGHT])
def test_frames_judged_right_are_still_read(frames_by_sentence: dict[Any, list[dict[str, str]]],
                                            item: dict[str, Any]) -> None:
    def fact(f: dict[str, str]) -> tuple[str, str, str]:
        # subject, predicate and value; a slot qualifier added to the unit since ("d@1813") is no change
        return f["subject"], f["predicate"], f["value"].split("@")[0]

    now = {fact(f) for f in frames_by_sentence[(item["source"], item["offset"])]}
    for frame in item["frames"]:
        if frame["predicate"].startswith("(none"):
            continue
        assert fact(frame) in now, f"n{item['n']}: lost {frame}"
