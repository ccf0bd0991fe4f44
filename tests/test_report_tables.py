"""claims.csv, flags.csv, sources.csv and report.sqlite."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd

from crosscheck.report.tables import CLAIM_COLUMNS, FLAG_COLUMNS, write_csv, write_sqlite
from report_fixtures import make_result


def test_csv_columns_and_flattened_evidence(tmp_path: Path) -> None:
    write_csv(make_result(), tmp_path)
    claims = pd.read_csv(tmp_path / "claims.csv", dtype=str, keep_default_na=False)
    flags = pd.read_csv(tmp_path / "flags.csv", dtype=str, keep_default_na=False)
    sources = pd.read_csv(tmp_path / "sources.csv", dtype=str, keep_default_na=False)
    assert list(claims.columns) == CLAIM_COLUMNS and len(claims) == 14
    assert list(flags.columns) == FLAG_COLUMNS and len(flags) == 6
    assert list(sources["id"]) == ["kaa_2020", "naenara_2022", "vt_2022"]
    role = flags[flags["kind"] == "role_conflict"].iloc[0]
    assert role["sources"] == "kaa_2020 | naenara_2022"
    assert role["values"] == "Chairman of the Central Committee | general secretary of the Central Committee"
    assert role["quotes"].count(" | ") == 1
    assert list(flags["severity"]) == ["error", "error", "warning", "warning", "info", "info"]
    assert sources.set_index("id").loc["naenara_2022", "set_aside_count"] == "1"


def test_sqlite_tables_for_datasette(tmp_path: Path) -> None:
    path = write_sqlite(make_result(), tmp_path / "report.sqlite")
    with closing(sqlite3.connect(path)) as con:
        tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
        assert tables == {"sources", "claims", "flags", "evidence"}
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in sorted(tables)}
        assert counts == {"claims": 14, "evidence": 12, "flags": 6, "sources": 3}
        row = con.execute(
            "select e.source, e.value from evidence e join flags f on f.id = e.flag "
            "where f.kind = 'count_conflict' order by e.position"
        ).fetchall()
        assert row == [("kaa_2020", ">200"), ("naenara_2022", "~150")]
    before = path.read_bytes()
    again = write_sqlite(make_result(), path)  # overwrites the old file, same bytes
    assert again.read_bytes() == before


def test_csv_neutralises_formulas_but_not_numbers(tmp_path: Path) -> None:
    from crosscheck.report.tables import spreadsheet_safe

    assert spreadsheet_safe('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("-5") == "-5" and spreadsheet_safe("+1,200") == "+1,200"
    assert spreadsheet_safe("plain") == "plain" and spreadsheet_safe(3) == 3
    result = make_result()
    result.claims[0].quote = "=1+2"
    write_csv(result, tmp_path)
    claims = pd.read_csv(tmp_path / "claims.csv", dtype=str, keep_default_na=False)
    assert "'=1+2" in set(claims["quote"])
    path = write_sqlite(result, tmp_path / "report.sqlite")
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("select count(*) from claims where quote = '=1+2'").fetchone()[0] == 1
