"""Quantities by what they measure (cases in tests/cases/quantities.yaml) and how they are compared."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crosscheck.extract.quantities import find_quantities

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "quantities.yaml").read_text(encoding="utf-8"))


def readings(text: str) -> list[str]:
    return [f"{q.attribute} | {q.value:.1f} | {q.unit or '-'} | {q.qualifier or '-'}"
            for q in find_quantities(text, 0, len(text))]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_quantity_case(case: dict) -> None:
    got = readings(case["text"])
    if not case["expect"]:
        assert got == []
    for want in case["expect"]:
        assert want in got, f"{case['id']}: want {want!r}, got {got}"


def test_rounding_and_bounds_make_intervals() -> None:
    (exact,) = find_quantities("The bridge is 503 metres long.", 0, 30)
    assert 502.5 < exact.low < 503 < exact.high < 503.5  # 503 and 504 do not overlap
    (over,) = find_quantities("More than 1,500 people died.", 0, 28)
    assert over.low == 1500 and over.high is None
    (about,) = find_quantities("About 900 people died.", 0, 22)
    assert about.low < 900 < about.high


def _conflicts(tmp_path: Path, texts: list[str]) -> list[str]:
    from crosscheck.project import Project

    src = tmp_path / "sources"
    src.mkdir()
    for i, t in enumerate(texts):
        (src / f"s{i}.txt").write_text(t, encoding="utf-8")
    project = Project.from_folder(tmp_path, sources=str(src), claims=str(tmp_path / "claims"),
                                  reports=str(tmp_path / "reports"))
    return [f.summary for f in project.run().result.flags if f.kind == "count_conflict"]


def test_converted_and_rounded_figures_agree(tmp_path: Path) -> None:
    assert _conflicts(tmp_path, ["The Grand Arch Bridge is 882 feet long.",
                                 "The Grand Arch Bridge is more than 269 m long.",
                                 "The Grand Arch Bridge is about 270 metres long."]) == []


def test_two_exact_counts_of_one_attribute_conflict(tmp_path: Path) -> None:
    got = _conflicts(tmp_path, ["When the Lake Vanern ferry sank, 412 people died.",
                                "The Lake Vanern ferry sank in the storm, killing 418 people."])
    assert len(got) == 1 and "412" in got[0] and "418" in got[0]


def test_parts_and_plans_are_not_rival_figures(tmp_path: Path) -> None:
    got = _conflicts(tmp_path, [
        "The Kessel Dam cost £12 million. The turbines cost £2 million.",
        "Engineers estimated in 1950 that the Kessel Dam would cost £8 million. It cost £12 million in the end.",
    ])
    assert got == []
