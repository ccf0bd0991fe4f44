"""The claim record, the claim-file schema, the report schema and the claim tables name the same fields.

Adding a field to ``records.Claim`` without carrying it to the claim files, report.json and
claims.csv / SQLite fails here, instead of a column silently missing.
"""

from __future__ import annotations

import json
from dataclasses import fields
from importlib import resources

from crosscheck.records import Claim
from crosscheck.report.tables import CLAIM_COLUMNS

# Fields that exist for the claim file only: where an extracted occurrence was read, and the
# fingerprint that detects a person's edit; the reports show the claim, not its bookkeeping.
FILE_ONLY = {"occurrence", "checksum"}


def _claim_properties(package: str, name: str) -> set[str]:
    schema = json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))
    return set(schema["$defs"]["claim"]["properties"])


def _record_fields() -> set[str]:
    return {f.name for f in fields(Claim)}


def test_claim_file_schema_has_every_record_field() -> None:
    assert _claim_properties("crosscheck.claims", "claims.schema.json") == _record_fields()


def test_report_schema_has_every_reported_field() -> None:
    assert _claim_properties("crosscheck.report", "report.schema.json") == _record_fields() - FILE_ONLY


def test_claim_tables_have_every_reported_field() -> None:
    columns = set(CLAIM_COLUMNS) - {"span_start", "span_end"} | {"span"}
    assert columns == _record_fields() - FILE_ONLY
    assert len(CLAIM_COLUMNS) == len(set(CLAIM_COLUMNS))
