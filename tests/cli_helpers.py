"""Running the CLI as a subprocess, the way a user does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


@dataclass
class CliRun:
    returncode: int
    stdout: str
    stderr: str
    cwd: Path

    def report(self) -> dict[str, Any]:
        return json.loads((self.cwd / "reports" / "report.json").read_text(encoding="utf-8"))


def run_cli_process(cwd: Path, *args: str) -> CliRun:
    """``crosscheck ARGS`` in ``cwd``, through the installed console entry point, as a user runs it."""
    exe = shutil.which("crosscheck", path=str(Path(sys.executable).parent)) or shutil.which("crosscheck")
    cmd = [exe, *args] if exe else [sys.executable, "-m", "crosscheck.cli", *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
    return CliRun(p.returncode, p.stdout, p.stderr, cwd)


def run_cli(cwd: Path, *args: str) -> CliRun:
    """``crosscheck.cli.main(ARGS)`` in ``cwd``, in this process (fast); the same exit codes and output.

    An internal error is re-raised here (a traceback in the test) where a process would exit 1.
    Tests of what only a process shows (the console entry point, environment) use ``run_cli_process``.
    """
    import contextlib
    import io

    from crosscheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_env = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith("GITHUB_")}
    old = Path.cwd()
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(old)
        os.environ.update(saved_env)
    return CliRun(code, out.getvalue(), err.getvalue(), Path(cwd))


def copy_corpus(dest: Path, sources: Path = SOURCES) -> Path:
    target = dest / "sources"
    shutil.copytree(sources, target)
    return target


RUN_ARGS = ("run", "sources", "--claims", "claims", "--reports", "reports", "--fail-on", "never")


def run_mutated(tmp_path: Path, source: str, old: str, new: str) -> CliRun:
    """Copy the example corpus, replace ``old`` (which must occur once) by ``new`` in one source, run."""
    sources = copy_corpus(tmp_path)
    path = sources / f"{source}.txt"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return run_cli(tmp_path, *RUN_ARGS)


def new_flags(before: CliRun, after: CliRun) -> list[dict[str, Any]]:
    """Flags of ``after`` whose ids ``before`` did not have."""
    assert after.returncode == 0, after.stderr
    known = {f["id"] for f in before.report()["flags"]}
    return [f for f in after.report()["flags"] if f["id"] not in known]


def run_corpora(tmp_path_factory: Any, root: Path, names: list[str]) -> dict[str, CliRun]:
    """``crosscheck run`` on each corpus ``root/<name>/sources`` in a fresh folder (a corpus test's fixture)."""
    out = {}
    for name in names:
        work = tmp_path_factory.mktemp(name)
        shutil.copytree(root / name / "sources", work / "sources")
        run = run_cli(work, *RUN_ARGS)
        assert run.returncode == 0, run.stderr
        out[name] = run
    return out
