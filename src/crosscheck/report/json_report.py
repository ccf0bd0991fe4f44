"""report.json: the machine contract, written byte-identically for the same input."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from crosscheck.records import RunResult
from crosscheck.report.document import report_document
from crosscheck.report.formats import output_format, write_text

SCHEMA_PATH = Path(__file__).with_name("report.schema.json")


def dumps(data: Any) -> str:
    """The one JSON style of every crosscheck file: UTF-8, indent 2, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_json(result: RunResult, stale_reviews: Iterable[str] = ()) -> str:
    return dumps(report_document(result, stale_reviews))


@cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every report.json validates against."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@output_format("json", "report.json", default=True, order=10)
def write_json(result: RunResult, folder: Path, stale: list[str]) -> list[Path]:
    return [write_text(folder / "report.json", render_json(result, stale))]
