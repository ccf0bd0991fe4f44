"""Errors a person can act on: each names the file, and the line and field where known."""

from __future__ import annotations


class CrosscheckError(Exception):
    """Base class; the CLI turns it into a message and exit status 2."""


class InputError(CrosscheckError):
    """Bad input: a file that cannot be read, parsed or validated."""

    def __init__(self, path: str, message: str, line: int | None = None, field: str | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


class UsageError(CrosscheckError):
    """A command line or configuration that cannot be acted on."""
