"""Shared fixtures: one CLI run on the example corpus."""

from __future__ import annotations

import pytest

from cli_helpers import CliRun, copy_corpus, run_cli


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> CliRun:
    """One full run on the example corpus, shared by the read-only tests."""
    work = tmp_path_factory.mktemp("seeds")
    copy_corpus(work)
    run = run_cli(work, "run", "sources", "--claims", "claims", "--reports", "reports", "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    return run
