"""Titles held by "he"/"she": copulas after a pronoun and a fronted "As <title>, he ...", through the CLI."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import RUN_ARGS, run_cli

OBITUARY = """Obituary

London, May 2, 2009

Nurlan Abdykadyrov, the physicist, has died. In 1957 he was appointed director of the Institute of Nuclear Physics. In 1970 he was elected President of the Academy of Sciences of the Kazakh SSR. As President of the Academy of Sciences, he led the Soviet delegation to the IAEA General Conference in Vienna in September 1975. He was rector of Kazakh State University in 1965.
"""


def test_pronoun_held_titles_go_to_the_person_the_text_is_about(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "obit.txt").write_text(OBITUARY, encoding="utf-8")
    run = run_cli(tmp_path, *RUN_ARGS)
    assert run.returncode == 0, run.stderr
    roles = sorted((c["subject"], c["value"], c.get("time")) for c in run.report()["claims"] if c["kind"] == "role")
    assert roles == [
        ("Nurlan Abdykadyrov", "director", "1957"),
        ("Nurlan Abdykadyrov", "president", "1970"),
        ("Nurlan Abdykadyrov", "president", "1975-09"),
        ("Nurlan Abdykadyrov", "rector", "1965"),
    ]  # never "Nuclear Physics", the name inside "the Institute of Nuclear Physics"
