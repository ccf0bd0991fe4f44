"""Claim frames per predicate class and per reference rule (cases in tests/cases/frames.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crosscheck.extract import extract_source
from crosscheck.ingest import load_source
from crosscheck.lexicon.predicates import inflections, predicate_lexicon

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "frames.yaml").read_text(encoding="utf-8"))


def frames_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    ex = extract_source(load_source(path))
    preds = set(predicate_lexicon().predicates)
    return [f"{c.event_type} | {c.participants[0] if c.participants else '-'} | {c.object or '-'} | {c.value}"
            for c in ex.claims if c.event_type in preds]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_frame_case(tmp_path: Path, case: dict) -> None:
    got = frames_of(tmp_path, case["text"])
    for want in case.get("expect", []):
        assert want in got, f"{case['id']}: want {want!r}, got {got}"
    for pred in case.get("absent", []):
        assert not any(g.startswith(pred + " |") for g in got), f"{case['id']}: unexpected {got}"


def test_every_predicate_class_has_a_case() -> None:
    classes = {p.cls for p in predicate_lexicon().predicates.values()}
    covered = {predicate_lexicon().predicates[w.split(" | ")[0]].cls for c in CASES for w in c.get("expect", [])}
    assert classes <= covered


def test_verb_lemmas_are_inflected() -> None:
    assert {"opened", "opens", "opening"} <= inflections("open")
    assert {"sank", "sunk"} <= inflections("sink")
    forms = predicate_lexicon().forms
    assert "inaugurated" in forms and "dedicated" in forms


def test_user_predicates_extend_the_lexicon(tmp_path: Path) -> None:
    from crosscheck.rules import RuleSet

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "predicates.yaml").write_text(
        "predicates:\n  decommission:\n    class: lifecycle\n    subject: thing\n    about: patient\n"
        "    verbs: [decommission]\n", encoding="utf-8")
    text = "The Barseback Nuclear Plant was decommissioned in 2005."
    assert not any(f.startswith("decommission") for f in frames_of(tmp_path, text))
    with RuleSet([rules]).active():
        assert "decommission | Barseback Nuclear Plant | - | 2005" in frames_of(tmp_path, text)


def test_a_chronology_line_is_about_the_sources_person(tmp_path: Path) -> None:
    text = ("Timeline: Ada Lindqvist\n\nAda Lindqvist was a Swedish physicist. Ada Lindqvist taught in Lund.\n\n"
            "March 3, 1921: Born into a family of farmers at Kivik\n\n1940 - Enrols at Lund University\n")
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    claims = extract_source(load_source(path)).claims
    births = [(c.participants, c.value) for c in claims if c.event_type == "birth" and c.kind == "event_date"]
    places = [c.value for c in claims if c.event_type == "birth" and c.kind == "place"]
    assert births == [(["Ada Lindqvist"], "1921-03-03")] and places == ["Kivik"]
    assert "enrol | Ada Lindqvist | Lund University | 1940" in frames_of(tmp_path, text)


def test_name_families_join_fuller_and_shorter_forms_but_not_two_people() -> None:
    from crosscheck.normalize.events import name_families
    from crosscheck.records import Claim

    def claim(name: str, obj: str | None = None) -> Claim:
        return Claim(id=name, source="s", kind="event_date", subject=name, quote=name, span=(0, 1),
                     event_type="marry", participants=[name], object=obj)

    names = ["Nelson Mandela", "Nelson Rolihlahla Mandela", "Crew Bradfield", "John Job Crew Bradfield",
             "Bradfield", "Kim Jong", "Kim Jong Un", "Kim Jong Il", "Sydney Harbor Bridge", "Sydney Harbour Bridge"]
    fam = name_families([claim(n) for n in names], lambda n: None, lambda i: i)
    assert fam["nelson-mandela"] == "nelson-rolihlahla-mandela"
    assert fam["crew-bradfield"] == "john-job-crew-bradfield" == fam["bradfield"]
    assert "kim-jong" not in fam and "kim-jong-un" not in fam and "kim-jong-il" not in fam
    assert fam.get("sydney-harbor-bridge", fam.get("sydney-harbour-bridge")) in ("sydney-harbour-bridge",
                                                                                "sydney-harbor-bridge")
