"""The benchmark's generator and scoring on a small size (figures only: no timing asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_names.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_names", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_names"] = module
    spec.loader.exec_module(module)
    return module


def test_generator_is_seeded_and_has_variants() -> None:
    bench = _bench()
    a, truth = bench.make_mentions(3000)
    b, _ = bench.make_mentions(3000)
    assert a == b and len(a) == 3000
    assert len(bench.truth_pairs(a, truth)) > 5


def test_resolver_beats_all_pairs_baseline_on_precision() -> None:
    bench = _bench()
    mentions, truth = bench.make_mentions(5000)
    gold = bench.truth_pairs(mentions, truth)
    ours, _ = bench.resolver_pairs(mentions)
    base, _ = bench.baseline_pairs(mentions)
    p, r = bench.prf(ours, gold)
    bp, _ = bench.prf(base, gold)
    assert p >= 0.9 and r >= 0.6
    assert p > bp
