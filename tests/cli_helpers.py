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


def run_cli(cwd: Path, *args: str) -> CliRun:
    """``crosscheck ARGS`` in ``cwd``, through the installed console entry point."""
    exe = shutil.which("crosscheck", path=str(Path(sys.executable).parent)) or shutil.which("crosscheck")
    cmd = [exe, *args] if exe else [sys.executable, "-m", "crosscheck.cli", *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)
    return CliRun(p.returncode, p.stdout, p.stderr, cwd)


def copy_corpus(dest: Path, sources: Path = SOURCES) -> Path:
    target = dest / "sources"
    shutil.copytree(sources, target)
    return target
