"""The temporal benchmark's gold file and scoring (no timing: throughput is printed, never asserted)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from crosscheck import calendar as cal
from crosscheck.errors import InputError
from crosscheck.records import Sentence, TimeValue

ROOT = Path(__file__).resolve().parent.parent


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_temporal", ROOT / "benchmarks" / "bench_temporal.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


@pytest.fixture(scope="module")
def gold() -> list:
    return bench.load_gold()


def test_gold_has_enough_expressions_at_exact_spans(gold: list) -> None:
    required = [g for d in gold for g in d.expressions if not g.optional]
    assert len(required) >= 60
    for doc in gold:
        for g in doc.expressions:
            assert doc.text[g.start : g.end] == g.text


def test_every_gold_phrase_is_inside_a_sentence_both_systems_read(gold: list) -> None:
    for doc in gold:
        for g in doc.expressions:
            assert any(s.start <= g.start and g.end <= s.end for s in doc.sentences), (doc.path, g.text)


def test_gold_covers_every_expression_type(gold: list) -> None:
    values = {g.value.precision for d in gold for g in d.expressions}
    assert {"day", "month", "year", "decade", "range"} <= values
    phrases = " | ".join(g.text.lower() for d in gold for g in d.expressions)
    for kind in ("anniversary", "birthday", "years ago", "last year", "last month", "that year", "1990s"):
        assert kind in phrases


def test_parse_value_reads_decades_and_intervals() -> None:
    assert bench.parse_value("196") == cal.decade(1960)
    assert bench.parse_value("2019-03-01/2019-03-02") == TimeValue(date(2019, 3, 1), date(2019, 3, 2), "range")
    assert bench.parse_value("1965-13") is None


def _doc(text: str, exprs: list[tuple[str, str, bool]]) -> object:
    gold = []
    for phrase, value, optional in exprs:
        at = text.index(phrase)
        gold.append(bench.GoldExpr(phrase, bench.parse_value(value), at, at + len(phrase), optional))
    return bench.GoldText("t.txt", text, cal.day(2020, 6, 24), (Sentence(0, len(text), 0, 0),), tuple(gold))


def _out(text: str, phrase: str, value: TimeValue) -> object:
    at = text.index(phrase)
    return bench.Output(at, at + len(phrase), phrase, value)


def test_strict_needs_the_same_interval_lenient_a_day_inside() -> None:
    text = "They met in 1965. Today they talk."
    doc = _doc(text, [("1965", "1965", False), ("Today", "2020-06-24", True)])
    day_guess = [_out(text, "in 1965", cal.day(1965, 6, 24))]
    assert bench.score(doc, day_guess, bench.strict).tp == 0
    lenient = bench.score(doc, day_guess, bench.lenient)
    assert (lenient.tp, lenient.outputs, lenient.gold) == (1, 1, 1)
    year = bench.score(doc, [_out(text, "1965", cal.year(1965))], bench.strict)
    assert (year.precision, year.recall) == (1.0, 1.0)


def test_optional_phrases_neither_credit_nor_penalise() -> None:
    text = "They met in 1965. Today they talk."
    doc = _doc(text, [("1965", "1965", False), ("Today", "2020-06-24", True)])
    s = bench.score(doc, [_out(text, "Today", cal.day(2020, 6, 24))], bench.strict)
    assert (s.tp, s.outputs, s.gold) == (0, 0, 1)


def test_each_gold_phrase_credits_one_output_and_traps_count_as_false_positives() -> None:
    text = "They met in 1965, call 555-1970."
    doc = _doc(text, [("1965", "1965", False)])
    outs = [_out(text, "1965", cal.year(1965)), _out(text, "in 1965", cal.year(1965)),
            _out(text, "1970", cal.year(1970))]
    s = bench.score(doc, outs, bench.strict)
    assert (s.tp, s.outputs, len(s.false_positives), s.misses) == (1, 3, 2, ())
    assert s.precision == pytest.approx(1 / 3)


def test_crosscheck_scores_on_the_gold_do_not_regress(gold: list) -> None:
    total = bench.Score(0, 0, 0)
    for doc in gold:
        total = total + bench.score(doc, bench.crosscheck_outputs(doc), bench.strict)
    assert total.precision >= 0.95, [o.phrase for o in total.false_positives]
    assert total.recall >= 0.95, [g.text for g in total.misses]


def test_markdown_table_has_the_readme_columns() -> None:
    row = bench.Row("crosscheck (strict)", bench.Score(9, 10, 12), 1000.0, 60.0)
    lines = bench.table([row]).splitlines()
    assert lines[0] == "| system | precision | recall | F1 | KB/s | speed ratio |"
    assert lines[2] == "| crosscheck (strict) | 0.900 | 0.750 | 0.818 | 1,000.0 | 60.0x |"


@pytest.mark.parametrize(("gold_text", "field"), [
    ("texts:\n  - file: missing.txt\n    published: '2020'\n    expressions: []\n", "texts[0].file"),
    ("texts:\n  - file: t.txt\n    published: 'soon'\n    expressions: []\n", "texts[0].published"),
    ("texts:\n  - file: t.txt\n    published: '2020'\n    expressions:\n      - {text: 'absent', value: '1965'}\n",
     "texts[0].expressions[0].text"),
    ("texts:\n  - file: t.txt\n    published: '2020'\n    expressions:\n      - {text: '1965', value: 'x'}\n",
     "texts[0].expressions[0].value"),
    ("texts:\n  - file: t.txt\n    published: '2020'\n    expressions:\n      - {text: '1965', value: '1965', "
     "occurrence: 2}\n", "texts[0].expressions[0].text"),
    ("texts:\n  - file: t.txt\n    published: '2020'\n    expressions:\n      - {text: '1965', value: '1965', "
     "occurrence: first}\n", "texts[0].expressions[0].occurrence"),
    ("corpus: seeds\n", "texts"),
])
def test_bad_gold_is_an_input_error_naming_the_field(tmp_path: Path, gold_text: str, field: str) -> None:
    (tmp_path / "t.txt").write_text("They met in 1965.", encoding="utf-8")
    path = tmp_path / "gold.yaml"
    path.write_text(gold_text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        bench.load_gold(path, tmp_path)
    assert err.value.field == field
    assert err.value.path == str(path)


def test_gold_that_is_not_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text("texts:\n  - file: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        bench.load_gold(path, tmp_path)
    assert err.value.line is not None


def test_targets_line_says_which_targets_are_met() -> None:
    ours = bench.Row("crosscheck (strict)", bench.Score(9, 10, 10), 700.0, 7.0)
    theirs = bench.Row("dateparser (lenient)", bench.Score(5, 10, 10), 100.0, 1.0)
    line = bench.targets([ours, theirs])
    assert "precision above dateparser's met" in line
    assert "throughput >= 50x dateparser NOT met (7.0x, median over the rounds)" in line


def test_speed_ratio_is_the_median_of_the_rounds() -> None:
    sp = bench.Speeds(ours=(600.0, 500.0, 900.0), theirs=(10.0, 10.0, 10.0))
    assert sp.ratios == (60.0, 50.0, 90.0)
    assert bench.Speeds.median(sp.ratios) == 60.0
    assert bench.Speeds.median((1.0, 2.0, 3.0, 10.0)) == 2.5


def test_each_timed_pass_starts_with_the_resolver_cache_empty() -> None:
    from crosscheck.calendar import year
    from crosscheck.normalize.timeresolve import resolve_expr

    resolve_expr("PUB-1Y", year(2020))
    assert resolve_expr.cache_info().currsize > 0
    bench.fresh_run()
    assert resolve_expr.cache_info().currsize == 0
