"""Whole-pipeline benchmark: time and memory per stage on a generated corpus.

    .venv/bin/python benchmarks/bench_pipeline.py [--docs 200] [--workers 1]

The corpus is the example corpus repeated with every year shifted (so the
documents are distinct and extraction cannot be shared), written to a
temporary folder.  Prints seconds per stage, throughput, peak memory of this
process, and a second run that reuses the claim files (the extraction cache).
Figures only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from crosscheck import pipeline  # noqa: E402
from crosscheck.config import load_config  # noqa: E402
from crosscheck.project import Analysis, Project  # noqa: E402


def make_corpus(dest: Path, docs: int) -> int:
    """Write ``docs`` documents; returns the bytes written."""
    seeds = sorted((ROOT / "sources").glob("*.txt"))
    total = 0
    for i in range(docs):
        seed = seeds[i % len(seeds)]
        shift = i // len(seeds)
        text = seed.read_text(encoding="utf-8")
        text = re.sub(r"\b(19[5-9]\d|20[0-2]\d)\b", lambda m, k=shift % 3: str(int(m.group(1)) + k), text)
        out = dest / f"{i:05d}_{seed.stem.split('_')[1]}.txt"
        out.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_once(work: Path, workers: int) -> dict[str, float]:
    """One run through the library facade, timing each stage as the CLI runs them."""
    project = Project(load_config(work, {"sources": "sources", "claims": "claims", "reports": "reports",
                                         "workers": workers}))
    t: dict[str, float] = {}
    t0 = time.perf_counter()
    files = project.validate()
    with project.rules.active():
        sources = pipeline.load_corpus(project.config)
        t["ingest"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        extracted = pipeline.extract_all(project.config, sources, project.registry, project.rules, files=files)
        t["extract"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        result, stale = pipeline.analyse(project.config, sources, extracted, project.registry)
        t["normalize+compare"] = time.perf_counter() - t0
    analysis = Analysis(result, extracted, stale)
    t0 = time.perf_counter()
    project.write_claims(analysis)
    project.write_reports(analysis, ["json", "md", "html", "csv", "sarif"])
    t["write"] = time.perf_counter() - t0
    t["claims"] = len(result.claims)
    t["flags"] = len(result.flags)
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="cc-bench-"))
    try:
        (work / "sources").mkdir()
        size = make_corpus(work / "sources", args.docs)
        first = run_once(work, args.workers)
        second = run_once(work, args.workers)
        kb = size / 1024
        print(f"{args.docs} documents, {kb:,.0f} KB, workers={args.workers}\n")
        print("| stage | first run (s) | cached run (s) |")
        print("|---|---:|---:|")
        for stage in ("ingest", "extract", "normalize+compare", "write"):
            print(f"| {stage} | {first[stage]:.2f} | {second[stage]:.2f} |")
        tot1 = sum(first[s] for s in ("ingest", "extract", "normalize+compare", "write"))
        tot2 = sum(second[s] for s in ("ingest", "extract", "normalize+compare", "write"))
        print(f"| total | {tot1:.2f} | {tot2:.2f} |\n")
        print(f"throughput (first run): {kb / tot1:,.0f} KB/s; {int(first['claims']):,} claims, "
              f"{int(first['flags']):,} flags; peak memory {peak_mb():,.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
