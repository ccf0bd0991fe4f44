"""Names through the CLI: variants flagged, distinct people kept apart, the user's registry obeyed."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run_cli

A = """Hanoi and Vientiane renew ties

March 3, 2023

General Secretary Nguyen Phu Trong received Lao President Thongloun Sisoulith in Hanoi on March 2, 2023.
Former President Nguyen Minh Triet also attended the reception.
"""

B = """Lao leader ends Vietnam visit

March 5, 2023

Lao President Thongloun Sisoulit left Hanoi on March 4, 2023 after talks with General Secretary Nguyen Phu Trong.
"""

ENTITIES_OK = """version: 1
entities:
  - id: thongloun-sisoulith
    canonical: Thongloun Sisoulith
    kind: person
    aliases: [Thongloun Sisoulit]
"""

ENTITIES_BAD = """version: 1
entities:
  - id: thongloun-sisoulith
    canonical: Thongloun Sisoulith
    kind: wizard
"""


def _corpus(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    (src / "a.txt").write_text(A, encoding="utf-8")
    (src / "b.txt").write_text(B, encoding="utf-8")


def test_spelling_variant_is_flagged_and_similar_names_are_not(tmp_path: Path) -> None:
    _corpus(tmp_path)
    run = run_cli(tmp_path, "run", "sources", "--claims", "claims", "--reports", "reports", "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    flags = [f for f in run.report()["flags"] if f["kind"] == "name_variant"]
    assert len(flags) == 1, [f["summary"] for f in flags]
    text = str(flags[0])
    assert "Thongloun Sisoulith" in text and "Thongloun Sisoulit" in text
    assert {e["source"] for e in flags[0]["evidence"]} == {"a", "b"}
    assert "Nguyen Minh Triet" not in text  # Nguyen Phu Trong and Nguyen Minh Triet are two people


def test_registry_alias_is_accepted_and_bad_registry_names_file_line_field(tmp_path: Path) -> None:
    _corpus(tmp_path)
    (tmp_path / "claims").mkdir()
    registry = tmp_path / "claims" / "entities.yaml"
    registry.write_text(ENTITIES_OK, encoding="utf-8")
    run = run_cli(tmp_path, "run", "sources", "--claims", "claims", "--reports", "reports", "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    assert not [f for f in run.report()["flags"] if f["kind"] == "name_variant"]
    registry.write_text(ENTITIES_BAD, encoding="utf-8")
    bad = run_cli(tmp_path, "run", "sources", "--claims", "claims", "--reports", "reports", "--fail-on", "never")
    assert bad.returncode == 2
    assert "entities.yaml:5:" in bad.stderr and "kind" in bad.stderr and "wizard" in bad.stderr
    assert registry.read_text(encoding="utf-8") == ENTITIES_BAD
