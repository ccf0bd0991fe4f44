"""Score crosscheck on the real corpora (tests/corpora_real) and the team's corpora (tests/corpora).

    .venv/bin/python benchmarks/score_corpora.py            # tune corpora and the team's corpora
    .venv/bin/python benchmarks/score_corpora.py --measure  # also the measure-only corpora (once!)
    .venv/bin/python benchmarks/score_corpora.py --verbose titanic_sinking

Matching is shared/tools/score.py's (tests/gold_check.py).  Core recall counts the flags the
annotator marked ``core: true`` (plainly stated in the texts); tune and measure figures are
printed apart, as the README reports them.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from crosscheck.project import Project  # noqa: E402
from gold_check import claim_found, false_alarms, flag_found, publication  # noqa: E402

REAL = ROOT / "tests" / "corpora_real"
TEAM = ROOT / "tests" / "corpora"


def corpora(measure: bool) -> list[tuple[str, str, Path]]:
    roles = yaml.safe_load((REAL / "roles.yaml").read_text(encoding="utf-8"))
    out = [(role, name, REAL / name) for name, role in sorted(roles.items()) if measure or role == "tune"]
    out += [("team", p.name, p) for p in sorted(TEAM.iterdir()) if (p / "gold.yaml").is_file()]
    return out


def score(folder: Path, verbose: bool) -> dict[str, int]:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="cc-score-") as tmp:
        work = Path(tmp)
        shutil.copytree(folder / "sources", work / "sources")
        project = Project.from_folder(work, sources=str(work / "sources"), claims=str(work / "claims"),
                                      reports=str(work / "reports"))
        analysis = project.run()
        project.write_reports(analysis, ["json"])
        import json

        report = json.loads((work / "reports" / "report.json").read_text(encoding="utf-8"))
    flags = gold.get("flags") or []
    core = [f for f in flags if f.get("core", True)]
    found = [f for f in flags if flag_found(report, f)]
    broken = [s for s in gold.get("silence") or [] if false_alarms(gold, report, s)]
    claims = [c for c in gold.get("claims") or [] if claim_found(report, c)]
    dates = gold.get("publication_dates") or {}
    dates_ok = [s for s, want in dates.items() if publication(report, s)[:2] == (str(want["value"]), want["basis"])]
    if verbose:
        for f in flags:
            print(f"  {'found' if f in found else 'MISSED'} {'core' if f in core else 'extra'} {f['id']}")
        for s in broken:
            bad = false_alarms(gold, report, s)[0]
            print(f"  FALSE ALARM {s['id']}: {bad['kind']} {bad['summary'][:140]}")
        for src in dates:
            if src not in dates_ok:
                print(f"  WRONG date {src}: got {publication(report, src)[:2]}, want {dates[src]['value']}/{dates[src]['basis']}")
    return {"core": len(core), "core_found": sum(f in found for f in core), "flags": len(flags),
            "found": len(found), "silence": len(gold.get("silence") or []), "broken": len(broken),
            "claims": len(gold.get("claims") or []), "claims_ok": len(claims), "dates": len(dates),
            "dates_ok": len(dates_ok), "report_flags": len(report.get("flags") or []),
            "report_claims": len(report.get("claims") or [])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--measure", action="store_true", help="also score the measure-only corpora")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("names", nargs="*", help="only these corpora")
    args = ap.parse_args(argv)
    print("| set | corpus | core recall | all flags | false alarms | claims | dates | flags in report |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    totals: dict[str, dict[str, int]] = {}
    for role, name, folder in corpora(args.measure):
        if args.names and name not in args.names:
            continue
        r = score(folder, args.verbose)
        t = totals.setdefault(role, {})
        for k, v in r.items():
            t[k] = t.get(k, 0) + v
        print(f"| {role} | {name} | {r['core_found']}/{r['core']} | {r['found']}/{r['flags']} | "
              f"{r['broken']}/{r['silence']} | {r['claims_ok']}/{r['claims']} | {r['dates_ok']}/{r['dates']} | "
              f"{r['report_flags']} |")
    for role, t in totals.items():
        rec = t["core_found"] / t["core"] if t["core"] else 0.0
        print(f"| {role} | all | {t['core_found']}/{t['core']} ({rec:.2f}) | {t['found']}/{t['flags']} | "
              f"{t['broken']}/{t['silence']} | {t['claims_ok']}/{t['claims']} | {t['dates_ok']}/{t['dates']} | "
              f"{t['report_flags']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
