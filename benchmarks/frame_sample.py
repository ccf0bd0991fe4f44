"""Sample sentences that hold a date or a quantity from corpora and list the frames crosscheck reads.

    .venv/bin/python benchmarks/frame_sample.py hoover_dam battle_of_waterloo --n 100 --seed 9 > sample.yaml

The output is what a judge who has not read the code marks right or wrong (subject, predicate, value);
the judged sample is kept as tests/fixtures/frame_judgement.yaml (tests/test_frame_judgement.py).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from crosscheck.lexicon.quantities import quantity_lexicon  # noqa: E402
from crosscheck.project import Project  # noqa: E402
from crosscheck.records import Claim  # noqa: E402
from crosscheck.yamlio import dump_yaml  # noqa: E402

REAL = ROOT / "tests" / "corpora_real"
_FIGURE = re.compile(r"\d")


def frame_of(c: Claim, labels: dict[str, str]) -> dict[str, str]:
    """One claim as subject / predicate / value, the way a reader checks it."""
    none = "(none: a count of what follows the number)" if c.kind == "count" else "(none: a date with no predicate)"
    predicate = labels.get(c.event_type or "", c.event_type or none)
    if c.kind == "place":
        predicate += " (place)"
    value = str(c.value)
    if c.kind == "count" and c.object:
        value += f" {c.object}"
    subject = " + ".join(c.participants) or c.subject or "(corpus subject)"
    if c.object and c.kind == "event_date":
        subject += f" / {c.object}"
    return {"subject": subject, "predicate": predicate, "value": value, "quote": c.quote}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args(argv)
    from crosscheck.lexicon.events import event_types

    labels = {name: et.label for name, et in event_types().items()}
    labels.update({a.name: a.label for a in quantity_lexicon().attributes})
    pool = []
    for name in args.corpora:
        with tempfile.TemporaryDirectory() as tmp:
            project = Project.from_folder(tmp, sources=str(REAL / name / "sources"), claims=str(Path(tmp) / "c"),
                                          reports=str(Path(tmp) / "r"))
            result = project.run().result
        by_source = {s.id: s for s in result.sources}
        for s in result.sources:
            claims = [c for c in result.claims if c.source == s.id and c.kind != "role"]
            for sent in s.sentences:
                text = s.text[sent.start : sent.end]
                mine = [c for c in claims if sent.start <= c.span[0] < sent.end]
                dated = any(c.kind in ("event_date", "anniversary", "elapsed") for c in mine)
                if dated or _FIGURE.search(text):
                    pool.append((name, s.id, sent.start, text, mine))
        del by_source
    rng = random.Random(args.seed)
    picked = sorted(rng.sample(pool, min(args.n, len(pool))), key=lambda x: (x[0], x[1], x[2]))
    out = []
    for i, (corpus, source, start, text, mine) in enumerate(picked, 1):
        out.append({"n": i, "corpus": corpus, "source": source, "offset": start, "sentence": " ".join(text.split()),
                    "frames": [frame_of(c, labels) for c in mine]})
    sys.stdout.write(dump_yaml({"sample": out}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
