"""The CLI as a user runs it: outputs, determinism, bad input, people's edits, the CI gate."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

from cli_helpers import CliRun, copy_corpus, run_cli

S000 = "000_411fadefafaa17fe"
S001 = "001_af8f2fa02ad50aac"
RUN = ("run", "sources", "--claims", "claims", "--reports", "reports")


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_run_writes_claims_and_every_report(seed_run: CliRun) -> None:
    work = seed_run.cwd
    claims = sorted(p.name for p in (work / "claims").glob("*.yaml"))
    assert claims == sorted(f"{p.stem}.yaml" for p in (work / "sources").iterdir())
    for name in ("report.json", "report.md", "report.html", "claims.csv", "flags.csv", "report.sarif"):
        assert (work / "reports" / name).stat().st_size > 0, name
    report = seed_run.report()
    assert {"sources", "claims", "flags"} <= set(report)
    for c in report["claims"]:
        text = (work / "sources" / f"{c['source']}.txt").read_text(encoding="utf-8")
        start, end = c["span"]
        assert text[start:end] == c["quote"], c["id"]


def test_every_claim_file_validates(seed_run: CliRun) -> None:
    run = run_cli(seed_run.cwd, "validate", "--claims", "claims")
    assert run.returncode == 0, run.stderr


def test_same_input_gives_byte_identical_reports(tmp_path: Path, seed_run: CliRun) -> None:
    copy_corpus(tmp_path)
    first = run_cli(tmp_path, *RUN, "--fail-on", "never")
    assert first.returncode == 0, first.stderr
    assert _digest(tmp_path / "reports") == _digest(seed_run.cwd / "reports")
    again = run_cli(tmp_path, *RUN, "--fail-on", "never")  # from the cached claim files
    assert again.returncode == 0, again.stderr
    assert _digest(tmp_path / "reports") == _digest(seed_run.cwd / "reports")


def test_no_claim_comes_from_page_furniture(seed_run: CliRun) -> None:
    report = seed_run.report()
    aside = {s["id"]: s["set_aside"] for s in report["sources"]}
    for c in report["claims"]:
        start, end = c["span"]
        for a in aside[c["source"]]:
            assert end <= a["start"] or a["end"] <= start, (c["id"], c["quote"])
    text = json.dumps(report["claims"], ensure_ascii=False)
    for furniture in ("P.O.Box", "336042", "Copyright", "March 06, 2026", "Pjöngjang", "Verwandte"):
        assert furniture not in text


def _prepared(tmp_path: Path) -> Path:
    copy_corpus(tmp_path)
    run = run_cli(tmp_path, *RUN, "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    return tmp_path / "claims" / f"{S000}.yaml"


def test_malformed_claim_file_stops_the_run_naming_file_and_line(tmp_path: Path) -> None:
    path = _prepared(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    bad_line = next(i for i, line in enumerate(lines) if line.strip().startswith("quote:"))
    lines[bad_line] = lines[bad_line].rstrip("\n") + " [unclosed\n  : : :\n"
    path.write_text("".join(lines), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (tmp_path / "claims").iterdir()}
    reports_before = _digest(tmp_path / "reports")
    run = run_cli(tmp_path, *RUN, "--fail-on", "never")
    assert run.returncode == 2
    assert f"{S000}.yaml:" in run.stderr and "malformed YAML" in run.stderr or "YAML" in run.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "claims").iterdir()} == before
    assert _digest(tmp_path / "reports") == reports_before


def test_schema_error_names_file_line_and_field(tmp_path: Path) -> None:
    path = _prepared(tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("    kind: elapsed", "    kind: spam", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(next(ln for ln in text.splitlines() if "kind: spam" in ln)) + 1
    run = run_cli(tmp_path, *RUN, "--fail-on", "never")
    assert run.returncode == 2
    assert f"{S000}.yaml:{line}:" in run.stderr, run.stderr
    assert "kind" in run.stderr and "spam" in run.stderr
    assert path.read_text(encoding="utf-8") == text
    val = run_cli(tmp_path, "validate", "--claims", "claims")
    assert val.returncode == 2 and f"{S000}.yaml:{line}:" in val.stderr


def test_manual_claim_survives_a_source_change(tmp_path: Path) -> None:
    path = _prepared(tmp_path)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    manual = {
        "id": "manual-1", "kind": "event_date", "subject": "Kaysone Phomvihane", "event_type": "visit",
        "predicate": "date", "value": "1965-10-28", "quote": "June 24", "span": [0, 7],
        "origin": "manual", "note": "Checked against the party archive",
    }
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  - " + json.dumps(manual, ensure_ascii=False) + "\n", encoding="utf-8")
    assert len(doc["claims"]) > 0
    src = tmp_path / "sources" / f"{S000}.txt"
    src.write_text(src.read_text(encoding="utf-8").replace("KAA", "Korea-Asia Association"), encoding="utf-8")
    run = run_cli(tmp_path, *RUN, "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept = [c for c in after["claims"] if c["id"] == "manual-1"]
    assert kept and kept[0]["note"] == "Checked against the party archive" and kept[0]["origin"] == "manual"
    assert "1 manual kept" in run.stderr


def test_hand_edited_extracted_claim_is_kept_as_manual(tmp_path: Path) -> None:
    path = _prepared(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "value: 1974-06-24" in text or "value: '1974-06-24'" in text
    edited = text.replace("'1974-06-24'", "'1974-06-25'", 1).replace("value: 1974-06-24", "value: 1974-06-25", 1)
    path.write_text(edited, encoding="utf-8")
    src = tmp_path / "sources" / f"{S000}.txt"
    src.write_text(src.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    run = run_cli(tmp_path, *RUN, "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    edits = [c for c in after["claims"] if str(c.get("value")) == "1974-06-25"]
    assert edits and edits[0]["origin"] == "manual" and "edited by hand" in edits[0]["note"]
    # the person's value is the value the reports show, not one recomputed from the claim's expression
    reported = [c for c in run.report()["claims"] if c["id"] == edits[0]["id"]]
    assert reported and reported[0]["value"] == "1974-06-25"
    assert "1974-06-25" in (tmp_path / "reports" / "claims.csv").read_text(encoding="utf-8")


NEW_SOURCE = """Laos and the DPRK: fifty years of ties

July 12, 2023

The establishment of diplomatic relations between the DPRK and Laos on June 24, 1975 opened a new page.
"""


def test_gate_fails_on_a_new_source_with_an_unreviewed_discrepancy(tmp_path: Path) -> None:
    copy_corpus(tmp_path)
    first = run_cli(tmp_path, *RUN, "--fail-on", "warning")
    assert first.returncode == 1, first.stderr  # the seeds' own flags are not reviewed yet
    seed_flags = first.report()["flags"]
    for flag in seed_flags:
        r = run_cli(tmp_path, "review", flag["id"], "--accept", "--note", "checked", "--reviewer", "desk",
                    "--claims", "claims", "--reports", "reports")
        assert r.returncode == 0, r.stderr
    clean = run_cli(tmp_path, *RUN, "--fail-on", "info")
    assert clean.returncode == 0, clean.stderr
    (tmp_path / "sources" / "005_new.txt").write_text(NEW_SOURCE, encoding="utf-8")
    gated = run_cli(tmp_path, *RUN, "--fail-on", "warning")
    assert gated.returncode == 1, gated.stderr
    new = [f for f in gated.report()["flags"] if f["status"] == "open"]
    assert new and all("005_new" in {e["source"] for e in f["evidence"]} for f in new)
    assert any(f["kind"] == "date_conflict" for f in new)
    assert new[0]["id"] in gated.stderr
    reviews = yaml.safe_load((tmp_path / "claims" / "reviews.yaml").read_text(encoding="utf-8"))
    assert len(reviews["reviews"] if isinstance(reviews, dict) else reviews) == len(seed_flags)


def test_usage_and_missing_input_exit_2(tmp_path: Path) -> None:
    bad = run_cli(tmp_path, "run", "--fail-on", "sometimes")
    assert bad.returncode == 2
    missing = run_cli(tmp_path, "run", "nowhere", "--fail-on", "never")
    assert missing.returncode == 2 and "nowhere" in missing.stderr


def _delete_claim(path: Path, claim_id: str) -> None:
    """Remove one claim's block from a claim file, as a person would in an editor."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: {claim_id}\n")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id: ")), len(lines))
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def test_a_deleted_claim_stays_deleted_through_re_extraction(tmp_path: Path) -> None:
    path = _prepared(tmp_path)
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = next(c for c in before["claims"] if c["kind"] == "event_date" and c["origin"] == "extracted")
    _delete_claim(path, target["id"])

    noticed = run_cli(tmp_path, *RUN, "--fail-on", "never")
    assert noticed.returncode == 0, noticed.stderr
    assert "1 deleted claim(s) recorded as rejected" in noticed.stdout + noticed.stderr
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert after["rejected"] == [target["id"]]
    assert target["id"] not in {c["id"] for c in after["claims"]}
    assert target["id"] not in {c["id"] for c in noticed.report()["claims"]}

    forced = run_cli(tmp_path, *RUN, "--fail-on", "never", "--force")  # the extractor finds it again
    assert forced.returncode == 0, forced.stderr
    assert "1 rejected claim(s) kept out" in forced.stdout + forced.stderr
    again = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert again["rejected"] == [target["id"]]
    assert target["id"] not in {c["id"] for c in again["claims"]}

    # taking the id out of `rejected` lets the claim come back
    text = path.read_text(encoding="utf-8")
    assert f"rejected: [{target['id']}]\n" in text
    path.write_text(text.replace(f"rejected: [{target['id']}]\n", ""), encoding="utf-8")
    back = run_cli(tmp_path, *RUN, "--fail-on", "never", "--force")
    assert back.returncode == 0, back.stderr
    restored = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "rejected" not in restored
    assert target["id"] in {c["id"] for c in restored["claims"]}


def test_claim_files_list_the_extracted_ids_before_the_claims(tmp_path: Path) -> None:
    path = _prepared(tmp_path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    keys = list(data)
    assert keys.index("extracted_ids") < keys.index("claims") == len(keys) - 1  # people append claims at the end
    extracted = [c["id"].split("#", 1)[1] for c in data["claims"] if c["origin"] == "extracted"]
    assert data["extracted_ids"].split() == extracted


def test_the_console_entry_point_and_python_m_run_the_example_as_a_user_does(tmp_path: Path) -> None:
    """Most CLI tests call crosscheck.cli.main in-process; these two start real processes."""
    import subprocess
    import sys

    from cli_helpers import run_cli_process

    copy_corpus(tmp_path)
    run = run_cli_process(tmp_path, "run", "sources", "--claims", "claims", "--reports", "reports",
                          "--fail-on", "warning")
    assert run.returncode == 1 and "gate failed" in run.stderr.lower()  # two warnings in the example
    assert (tmp_path / "reports" / "report.json").is_file()
    p = subprocess.run([sys.executable, "-m", "crosscheck", "validate", "--claims", "claims"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and "valid" in p.stderr


def test_skipped_files_and_source_warnings_reach_the_terminal(tmp_path: Path) -> None:
    """Issue 16, points 3 and 4: nothing is left out silently."""
    copy_corpus(tmp_path)
    (tmp_path / "sources" / "scan.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "sources" / "old").mkdir()
    (tmp_path / "sources" / "latin.txt").write_bytes("Caf\xe9 Lisboa opened in 1931.\n".encode("cp1252"))
    run = run_cli(tmp_path, *RUN, "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    assert "scan.pdf: unsupported document type '.pdf'" in run.stderr
    assert "old: a folder" in run.stderr
    assert "latin.txt" in run.stderr and "cp1252" in run.stderr.lower()


def test_counts_are_worded_as_a_person_writes_them(seed_run: CliRun) -> None:
    """Issue 16, point 9: no "2 warning" or "1 errors"."""
    from crosscheck.cli import count

    assert [count(1, "error"), count(2, "warning"), count(3, "info"), count(1, "flag")] == [
        "1 error", "2 warnings", "3 info", "1 flag"]
    assert "3 flags (1 info, 2 warnings)" in seed_run.stderr


def test_a_second_run_rewrites_no_claim_file(tmp_path: Path) -> None:
    """Issue 16, point 2: sources whose publication date is inferred were rewritten on every run."""
    import os

    copy_corpus(tmp_path)
    assert run_cli(tmp_path, *RUN, "--fail-on", "never").returncode == 0
    files = sorted((tmp_path / "claims").glob("*.yaml"))
    for f in files:
        os.utime(f, (1_000_000_000, 1_000_000_000))
    assert run_cli(tmp_path, *RUN, "--fail-on", "never").returncode == 0
    assert [f.stat().st_mtime for f in files] == [1_000_000_000] * len(files)
