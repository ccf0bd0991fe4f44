"""The layout shows the pipeline: no module of a stage imports a later stage, and rule sets travel.

Stages in order: ingest -> extract -> claims -> normalize -> compare -> report / review.
``lexicon``, ``rules``, ``records``, ``calendar``, ``errors``, ``yamlio`` sit below every stage;
``pipeline``, ``project`` and ``cli`` above all of them.
"""

from __future__ import annotations

import ast
import multiprocessing
import shutil
from pathlib import Path

import pytest

import crosscheck

PACKAGE = Path(crosscheck.__file__).parent
STAGES = ["ingest", "extract", "claims", "normalize", "compare", "report", "review"]
BELOW = {"lexicon", "rules", "records", "calendar", "errors", "yamlio", "config"}
# report and review are the two ends of one stage: review reads the report's flag descriptions.
SAME_RANK = {"report": 5, "review": 5}


def _rank(part: str) -> int:
    return SAME_RANK.get(part, STAGES.index(part)) if part in STAGES else -1


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("crosscheck."):
            out.append((node.lineno, node.module.split(".")[1]))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name.split(".")[1]) for a in node.names if a.name.startswith("crosscheck.")]
    return out


def test_no_stage_imports_a_later_stage() -> None:
    bad = []
    for stage in STAGES:
        for path in sorted((PACKAGE / stage).glob("*.py")):
            for line, target in _imports(path):
                if target in STAGES and _rank(target) > _rank(stage):
                    bad.append(f"{path.relative_to(PACKAGE)}:{line} imports crosscheck.{target}")
    assert not bad, "\n".join(bad)


def test_layers_below_the_stages_import_no_stage() -> None:
    bad = []
    for name in sorted(BELOW):
        paths = sorted((PACKAGE / name).glob("*.py")) if (PACKAGE / name).is_dir() else [PACKAGE / f"{name}.py"]
        for path in paths:
            bad += [f"{path.relative_to(PACKAGE)}:{line} imports crosscheck.{t}"
                    for line, t in _imports(path) if t in STAGES]
    assert not bad, "\n".join(bad)


def test_the_import_check_can_fail(tmp_path: Path) -> None:
    path = tmp_path / "x.py"
    path.write_text("from crosscheck.compare import compare_all\n", encoding="utf-8")
    assert _imports(path) == [(1, "compare")] and _rank("compare") > _rank("extract")


def _user_rules(folder: Path) -> Path:
    rules = folder / "rules"
    rules.mkdir()
    (rules / "titles.yaml").write_text("offices: [harbourmaster]\n", encoding="utf-8")
    (rules / "names.yaml").write_text("titles: [harbourmaster]\n", encoding="utf-8")
    return rules


def test_workers_under_spawn_extract_with_the_user_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two spawned workers give the same claims as one process, and both see the user's rules."""
    from crosscheck import pipeline
    from crosscheck.project import Project

    text = ("Harbourmaster Anna Berg met Premier Kim Il Sung in Pyongyang on 4 May 1970.\n\n"
            "Harbourmaster Anna Berg visited Vientiane in October 1971.\n")
    results = {}
    for workers in (1, 2):
        work = tmp_path / f"w{workers}"
        (work / "sources").mkdir(parents=True)
        for i in range(3):
            (work / "sources" / f"doc{i}.txt").write_text(text, encoding="utf-8")
        project = Project.from_folder(work, sources=str(work / "sources"), claims=str(work / "claims"),
                                      reports=str(work / "reports"), workers=workers,
                                      rules_dir=str(_user_rules(work)))
        monkeypatch.setattr(pipeline, "MP_CONTEXT", multiprocessing.get_context("spawn"))
        analysis = project.run()
        results[workers] = sorted((c.source, c.kind, c.subject, str(c.value)) for c in analysis.result.claims)
        shutil.rmtree(work / "claims", ignore_errors=True)
    assert results[1] == results[2]
    assert any("harbourmaster" in str(v).lower() for _, kind, _, v in results[2] if kind == "role")
