"""The CI gate: exit 1 while an unreviewed flag is at or above the chosen severity."""

from __future__ import annotations

from dataclasses import dataclass, field

from crosscheck.errors import UsageError
from crosscheck.records import SEVERITIES, Flag
from crosscheck.report.document import severity_rank, sorted_flags

FAIL_ON: tuple[str, ...] = (*SEVERITIES, "never")


@dataclass(frozen=True)
class GateResult:
    """The exit code (0 pass, 1 fail), a message for the log, and the ids of the flags that failed it."""

    exit_code: int
    message: str
    failed: list[str] = field(default_factory=list)


def gate(flags: list[Flag], fail_on: str) -> GateResult:
    """Fail when an open flag's severity is at or above ``fail_on`` (error > warning > info; never: always pass)."""
    if fail_on not in FAIL_ON:
        raise UsageError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    open_flags = [f for f in flags if f.status == "open"]
    if fail_on == "never":
        n = len(open_flags)
        return GateResult(0, f"gate disabled (fail_on=never); {n} unreviewed flag{'' if n == 1 else 's'}")
    threshold = severity_rank(fail_on)
    failing = sorted_flags(f for f in open_flags if severity_rank(f.severity) <= threshold)
    if not failing:
        return GateResult(0, f"gate passed: no unreviewed flag at or above {fail_on} "
                             f"({len(open_flags)} unreviewed below it)")  # fmt: skip
    lines = [f"gate failed: {len(failing)} unreviewed flag{'' if len(failing) == 1 else 's'} at or above {fail_on}:"]
    lines += [f"{f.severity.upper()} {f.kind} {f.id}: {f.summary}" for f in failing]
    return GateResult(1, "\n".join(lines), [f.id for f in failing])
