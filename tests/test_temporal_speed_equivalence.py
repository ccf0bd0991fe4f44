"""The fast temporal extractor gives byte-identical output to the reference implementation.

``tests/expected/temporal_outputs.json`` was recorded with the per-sentence
implementation of ``find_time_expressions`` (commit 221cd8c) before it was
optimised.  It holds the benchmark and seed texts themselves, with the
sentence spans ingest gave them at the time, so the check does not move when
ingest or the benchmark texts change: it pins the extractor alone.  Every
``TimeExpr`` is compared through its ``repr`` (every field, values included).

Large synthetic inputs (a ~5 MB document of the texts repeated, odd sentence
lists) are compared by SHA-256 of the joined reprs to keep the fixture small.

Regenerate (only when the extractor's output is meant to change) with::

    .venv/bin/python tests/test_temporal_speed_equivalence.py --record
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crosscheck.extract.temporal import ASCII_FOLDS, find_time_expressions
from crosscheck.records import Sentence

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "expected" / "temporal_outputs.json"
STRESS_BYTES = 5_000_000

# Traps for the fast paths: numbers that are not dates, URLs, phones, case
# folding (long s, dotless i, Kelvin sign), Unicode digits, words glued to
# months, phrases at sentence edges.
NOISY = """\
Call +1 (202) 555-1965 or 1965-555-0199 before June 5. Visit https://example.org/2019/06/24/story-1965.html today.
Mail news1965@example.com, P.O. Box 1999 or Box: 2001; see page 2015 and room 1965, No. 1987.
The dam is 1965 m high and 2,019 km long; 1965 people came; 1965.5 and 1,965 are numbers.
ſeptember 5, 1990 and İn January and JANUARY 5 1999 and 5 ſept 1991 were dated.
Arabic digits ١٩٦٥ and 1965–66 and 1965/66 and 2019-2020 appeared; the 1960’s and the 1970s ended.
Meet inJanuary, ofMay and mid-March; Chicagoans said it was two decades ago or half a century ago.
It marked the 46th anniversary and her forty-sixth birthday on June 24, 2020, the same day.
March 1-2, 2019 and 1 – 3 March 2019 and 12 to 14 of April, 2018 were held.
October that year, the following year and last month he visited; that month it rained.
2019-06-24 and 2019-13-45 and 1999-02-29 and February 30, 2001 and 31 April 2001 were checked.
The 1300th day, the 21st Congress, 1965th visitor and flight 1965 left at 10.30; Tel: 1965.
Yesterday was 20 years ago, some two decades ago; next year will be the 80th founding anniversary.
January
2020
It will happen in May.  It was done in May.
"""


@dataclass(frozen=True)
class Case:
    """One input: its text and the sentence spans handed to the extractor."""

    name: str
    text: str
    sentences: tuple[Sentence, ...]


def outputs(case: Case) -> list[str]:
    return [repr(te) for te in find_time_expressions(case.text, case.sentences)]


def digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def simple_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentence spans by a plain rule (end punctuation or newline), independent of ingest."""
    spans = [m.span() for m in re.finditer(r"[^\n.!?;]+[.!?;]?", text) if m.group().strip()]
    return tuple(Sentence(a, z, 0, i) for i, (a, z) in enumerate(spans))


def odd_sentence_lists(text: str) -> Iterator[Case]:
    """Sentence lists ingest never makes but the function accepts: whole text, overlaps, reversed, empty."""
    n = len(text)
    plain = simple_sentences(text)
    yield Case("noisy:whole", text, (Sentence(0, n, 0, 0),))
    yield Case("noisy:reversed", text, tuple(reversed(plain)))
    overlapping = tuple(Sentence(max(0, s.start - 7), min(n, s.end + 9), 0, i) for i, s in enumerate(plain))
    yield Case("noisy:overlapping", text, overlapping)
    yield Case("noisy:empty-and-duplicates", text, (Sentence(5, 5, 0, 0), *plain[:4], *plain[:4]))
    yield Case("noisy:mid-word", text, tuple(Sentence(s.start + 2, max(s.start + 2, s.end - 3), 0, i)
                                             for i, s in enumerate(plain)))


def stress_case(docs: list[Case]) -> Case:
    """~5 MB: the recorded texts (and the noisy one) repeated, sentence spans shifted with them."""
    parts: list[str] = []
    sentences: list[Sentence] = []
    at = 0
    while at < STRESS_BYTES:
        for doc in docs:
            parts.append(doc.text + "\n\n")
            sentences.extend(Sentence(s.start + at, s.end + at, s.paragraph, len(sentences))
                             for s in doc.sentences)
            at += len(doc.text) + 2
    return Case("stress:5MB", "".join(parts), tuple(sentences))


def small_cases(docs: list[Case]) -> list[Case]:
    return [*docs, Case("noisy", NOISY, simple_sentences(NOISY)), *odd_sentence_lists(NOISY)]


def recorded_docs() -> list[Case]:
    if not FIXTURE.is_file():  # only while recording; the coverage test then fails
        return []
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [Case(d["name"], d["text"], tuple(Sentence(*s) for s in d["sentences"])) for d in data["documents"]]


@pytest.fixture(scope="module")
def fixture() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_fixture_covers_the_benchmark_and_seed_texts(fixture: dict) -> None:
    names = {d["name"] for d in fixture["documents"]}
    assert {"benchmarks/texts/dam_2019.txt", "sources/000_411fadefafaa17fe.txt"} <= names
    assert sum(len(v) for v in fixture["outputs"].values()) > 150


@pytest.mark.parametrize("case", small_cases(recorded_docs()), ids=lambda c: c.name)
def test_outputs_identical_to_recording(case: Case, fixture: dict) -> None:
    assert outputs(case) == fixture["outputs"][case.name]


def test_five_megabyte_document_identical_to_recording(fixture: dict) -> None:
    case = stress_case(small_cases(recorded_docs())[: len(fixture["documents"]) + 1])
    got = outputs(case)
    assert len(got) == fixture["stress"]["count"]
    assert digest(got) == fixture["stress"]["sha256"]


def test_ascii_folds_are_exactly_what_ignorecase_adds_to_lower() -> None:
    """The fast path searches a lower-cased text for ASCII cue words: that is only sound if every
    character re.IGNORECASE takes for an ASCII letter lower-cases to it or is in ASCII_FOLDS, and
    no other character lower-cases to anything ASCII."""
    letter = re.compile("[a-z]", re.I)
    for cp in range(0x80, sys.maxunicode + 1):
        c = chr(cp)
        if letter.match(c):
            assert ASCII_FOLDS.get(cp) and re.fullmatch(ASCII_FOLDS[cp], c, re.I), hex(cp)
        else:
            assert cp not in ASCII_FOLDS and not any(x.isascii() for x in c.lower()), hex(cp)


def record() -> None:
    """Write the fixture from the current implementation (the benchmark's texts and sentences)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_temporal  # noqa: PLC0415

    docs = [Case(g.path, g.text, g.sentences) for g in bench_temporal.load_gold()]
    cases = small_cases(docs)
    big = stress_case(cases[: len(docs) + 1])
    big_out = outputs(big)
    data = {
        "documents": [{"name": d.name, "text": d.text, "sentences": [[s.start, s.end, s.paragraph, s.index]
                                                                      for s in d.sentences]} for d in docs],
        "outputs": {c.name: outputs(c) for c in cases},
        "stress": {"chars": len(big.text), "count": len(big_out), "sha256": digest(big_out)},
    }
    FIXTURE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--record"]:
        record()


def test_one_pass_key_search_finds_what_repeated_find_finds() -> None:
    """The Aho-Corasick pass reports every start of every key, overlapping ones included."""
    import random

    from crosscheck.extract.temporal import _all_keys, _find_keys

    keys = _all_keys()
    rng = random.Random(7)
    pieces = [*keys, " ", "x", "todayday", "yesterdaydec", "marmar", "sinceince"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        expected = {}
        for key in keys:
            starts, at = [], text.find(key)
            while at >= 0:
                starts.append(at)
                at = text.find(key, at + 1)
            expected[key] = starts
        assert _find_keys(text) == expected, text
