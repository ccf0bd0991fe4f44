"""Command line: ``crosscheck run | extract | check | validate | review``.

Exit status: 0 clean, 1 the gate failed (unreviewed flags at or above
``--fail-on``), 2 bad input or usage.  Messages go to standard error; every
input error names the file, and the line and field where there is one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from crosscheck import __version__
from crosscheck.config import FAIL_ON
from crosscheck.errors import CrosscheckError, InputError, UsageError
from crosscheck.project import Analysis, Project
from crosscheck.records import Flag
from crosscheck.report.formats import format_names

EXIT_OK, EXIT_GATE, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep its message short
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _common(p: argparse.ArgumentParser, reports: bool = True, gate: bool = True) -> None:
    p.add_argument("sources", nargs="?", help="folder of source documents (default from config: sources)")
    p.add_argument("--claims", help="folder of claim files (default: claims)")
    if reports:
        p.add_argument("--reports", help="folder for reports (default: reports)")
        p.add_argument("--format", dest="formats", action="append",
                       help="report format to write (repeatable): " + " ".join(format_names()))
        p.add_argument("--annotations", action="store_true",
                       help="print GitHub Actions annotations for open flags (and write the job summary)")
    if gate:
        p.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity of an unreviewed flag that fails (default: error)")
    p.add_argument("--workers", type=int, help="processes for extraction (default: 1)")
    p.add_argument("--rules", dest="rules_dir", help="folder of user rule files extending the built-in ones")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="crosscheck", description="Cross-check factual claims across documents and flag where they disagree.")
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("run", help="extract what changed, check, report, gate")
    _common(p)
    p.add_argument("--force", action="store_true", help="re-extract every source (manual claims are still kept)")
    p = sub.add_parser("extract", help="extract claims into claims/ (sources whose text changed)")
    _common(p, reports=False, gate=False)
    p.add_argument("--force", action="store_true", help="re-extract every source (manual claims are still kept)")
    p = sub.add_parser("check", help="compare the claims in claims/ and write reports (no extraction)")
    _common(p)
    p = sub.add_parser("validate", help="validate claim files, the entity registry and review decisions")
    p.add_argument("--claims", help="folder of claim files (default: claims)")
    p = sub.add_parser("review", help="record a decision on a flag (kept across runs)")
    p.add_argument("flag", help="flag id, as in the report (e.g. DATE-3f9a1c2b7e)")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--accept", dest="status", action="store_const", const="accepted", help="a real discrepancy, handled")
    g.add_argument("--reject", dest="status", action="store_const", const="rejected", help="a false alarm")
    g.add_argument("--ignore", dest="status", action="store_const", const="ignored", help="not relevant here")
    p.add_argument("--note", default="", help="why")
    p.add_argument("--reviewer", default="", help="who decided")
    p.add_argument("--date", default="", help="when (ISO date; crosscheck never reads the clock)")
    p.add_argument("--claims", help="folder of claim files (default: claims)")
    p.add_argument("--reports", help="folder of the report that lists the flag (default: reports)")
    return parser


def _project(args: argparse.Namespace) -> Project:
    overrides = {k: getattr(args, k, None) for k in ("sources", "claims", "reports", "fail_on", "workers", "rules_dir")}
    if getattr(args, "formats", None):  # "--format json,sqlite" and "--format json --format sqlite" alike
        overrides["formats"] = [f.strip() for given in args.formats for f in given.split(",") if f.strip()]
    return Project.from_folder(Path.cwd(), **overrides)


def count(n: int, noun: str) -> str:
    """ "1 warning", "2 warnings", "1 info" (a severity name that has no plural)."""
    return f"{n} {noun}" if n == 1 or noun == "info" else f"{n} {noun}s"


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def _finish(project: Project, args: argparse.Namespace, analysis: Analysis) -> int:
    from crosscheck.report import github_annotations, job_summary_markdown

    result, stale = analysis.result, analysis.stale_reviews
    paths = project.write_reports(analysis)
    counts: dict[str, int] = {}
    for f in result.flags:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    by_severity = ", ".join(count(n, s) for s, n in sorted(counts.items())) or "none"
    _say(f"{count(len(result.sources), 'source')}, {count(len(result.claims), 'claim')}, "
         f"{count(len(result.flags), 'flag')} ({by_severity})")
    _say("reports: " + ", ".join(str(p) for p in paths))
    if stale:
        _say(f"{len(stale)} review decision(s) no longer match a flag (kept, listed in the report): {', '.join(stale)}")
    if getattr(args, "annotations", False) or "github" in project.formats:
        for line in github_annotations(result):
            print(line)
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_path:
            with open(summary_path, "a", encoding="utf-8") as fh:
                fh.write(job_summary_markdown(result))
    g = project.gate(analysis)
    _say(g.message)
    return g.exit_code


def _say_input_notes(project: Project, analysis: Analysis) -> None:
    """Files left out of the sources folder and every source's warnings reach the terminal, not only the reports."""
    from crosscheck.ingest import skipped_entries

    for line in skipped_entries(project.config.sources):
        _say(f"warning: {line}")
    for w in analysis.result.warnings:
        _say(f"warning: {w}")


def cmd_run(args: argparse.Namespace, extract_only: bool = False) -> int:
    project = _project(args)
    analysis = project.run(force=getattr(args, "force", False))
    _say_input_notes(project, analysis)
    project.write_claims(analysis)
    for s in analysis.result.sources:
        _say(f"{project.config.claims / (s.id + '.yaml')}: {analysis.extracted.merges[s.id].summary()}")
    if extract_only:
        return EXIT_OK
    return _finish(project, args, analysis)


def cmd_check(args: argparse.Namespace) -> int:
    """Compare the claim files as they are: no extraction; a source without one is an error."""
    project = _project(args)
    analysis = project.check(warn=_say)
    _say_input_notes(project, analysis)
    return _finish(project, args, analysis)


def cmd_validate(args: argparse.Namespace) -> int:
    project = _project(args)
    project.validate()
    _say(f"{project.config.claims}: all claim files, the entity registry and review decisions are valid")
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    project = _project(args)
    report = project.config.reports / "report.json"
    if not report.is_file():
        raise InputError(str(report), "no report to find the flag in: run 'crosscheck run' first")
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(str(report), f"not valid JSON: {exc.msg}", line=exc.lineno) from exc
    flags = {f["id"]: f for f in data.get("flags", [])}
    if args.flag not in flags:
        raise UsageError(f"no flag {args.flag!r} in {report}; ids look like {next(iter(flags), 'DATE-0123456789')}")
    f = flags[args.flag]
    flag = Flag(id=f["id"], kind=f["kind"], severity=f["severity"], subject=f.get("subject", ""),
                summary=f.get("summary", ""), evidence=[], slot=f.get("slot", ""))
    path = project.review(flag, args.status, note=args.note, reviewer=args.reviewer, date=args.date)
    _say(f"{path}: {args.flag} {args.status}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "run":
            return cmd_run(args)
        if args.command == "extract":
            return cmd_run(args, extract_only=True)
        if args.command == "check":
            return cmd_check(args)
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "review":
            return cmd_review(args)
    except CrosscheckError as exc:
        _say(f"crosscheck: error: {exc}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
