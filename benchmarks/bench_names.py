"""Benchmark: resolving name mentions at scale, against an all-pairs rapidfuzz baseline.

Generates a corpus of mentions from realistic Korean, Lao, Vietnamese and
Western name lists (seeded RNG), injects spelling variants of the kinds real
sources show (hyphenation, spacing, transliteration, diacritics, one-letter
typos) and measures, for crosscheck's blocked token resolver and for a naive
all-pairs ``fuzz.ratio`` baseline, the time taken and the precision and recall
of *variant pairs*: two different spellings judged to name one person.

    .venv/bin/python benchmarks/bench_names.py                # 1k .. 300k mentions
    .venv/bin/python benchmarks/bench_names.py --sizes 1000 --baseline-budget 60

The baseline runs on growing sizes until its projected time (quadratic in the
number of distinct spellings) passes the budget (default 300 s).
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process

from crosscheck.lexicon.namekeys import name_key, spelling, strip_diacritics
from crosscheck.normalize.entities import load_registry, resolve_entities
from crosscheck.records import Mention

KOREAN_SURNAMES = ["Kim", "Ri", "Pak", "Choe", "Jong", "Kang", "Han", "Jo", "Yun", "Hong", "Ryu", "Song", "An",
                   "Rim", "O", "Jang", "Hwang", "Kwon", "Sin", "Mun", "Paek", "Thae", "Chae", "Ho", "Ju"]
KOREAN_SYLLABLES = ["Jong", "Il", "Un", "Sung", "Chol", "Yong", "Nam", "Hyok", "Myong", "Su", "Chun", "Kwang",
                    "Ho", "Mi", "Ok", "Hui", "Jin", "Gyong", "Chang", "Hak", "Sok", "Ryong", "Chan", "Thae",
                    "Guk", "Bong", "Hyon", "Sun", "Gil", "Song", "Man", "Dok", "Rim", "Yun", "Pyong", "Hyang",
                    "Ae", "Kyu", "Sam", "Tae", "Won", "Nyo", "Gum", "Bok", "Chil", "Hun"]
LAO_GIVEN = ["Kaysone", "Choummaly", "Thongloun", "Bounnhang", "Souphanouvong", "Phankham", "Sonexay",
             "Saleumxay", "Khamtai", "Somsavat", "Bounthong", "Phouthone", "Sisouk", "Chansamone", "Khampheng",
             "Bounleua", "Sengdeuane", "Thongsing", "Nouhak", "Phoumi", "Souvanna", "Vilayvanh", "Khamsay",
             "Bouasone", "Asang", "Douangchay", "Pany", "Sinlavong", "Xaysomphone", "Chaleun", "Kikeo",
             "Phetsamone", "Outhong", "Vongdeuane", "Somdy", "Sommad", "Khamphao", "Bounpone", "Thipphavone",
             "Latsamy", "Soulivong", "Viengthong", "Keophet", "Sounthone", "Phonesavanh", "Daovone"]
LAO_FAMILY = ["Phomvihane", "Sayasone", "Sisoulith", "Vorachith", "Siphandone", "Viphavanh", "Kommasith",
              "Sitthixay", "Phommachanh", "Vongsay", "Keobounphanh", "Thammavong", "Souvannaphouma",
              "Chanthavong", "Phommahaxay", "Sayavong", "Inthavong", "Douangmala", "Kettavong", "Souvannavong",
              "Phanthavong", "Sengsouriya", "Xayasith", "Siharath", "Manivong", "Bouphavanh", "Luangkhot",
              "Vongphachanh", "Phetsomphou", "Sisavath", "Khounvilay", "Rattanavong", "Oudomsouk",
              "Saysompheng", "Thepphavong", "Vannasy", "Chounlamany", "Sengdara", "Boupha", "Sivilay"]
VIET_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
                 "Phan", "Vũ", "Huỳnh", "Trương", "Đinh", "Mai", "Tô", "Hồ"]
VIET_MIDDLE = ["Văn", "Thị", "Phú", "Đức", "Minh", "Xuân", "Tấn", "Quốc", "Hữu", "Thanh", "Công", "Đình", "Ngọc",
               "Kim", "Hồng", "Bá", "Trọng", "Hoài", "Gia", "Thế"]
VIET_GIVEN = ["Trọng", "Phúc", "Dũng", "Hùng", "Lâm", "Tuấn", "Anh", "Hải", "Long", "Quang", "Thắng", "Bình",
              "Cường", "Hoa", "Hương", "Lan", "Chính", "Huệ", "Thưởng", "Vượng", "Mạnh", "Sang", "Khải",
              "Triết", "Nhân", "Giang", "Tâm", "Nghĩa", "Phương", "Thảo", "Trung", "Hiếu", "Khánh", "Dương"]
WEST_FIRST = ["John", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "James", "Elizabeth",
              "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
              "Emmanuel", "Vladimir", "Sergei", "Olaf", "Angela", "Francois", "Giorgia", "Pedro", "Jacinda",
              "Justin", "Rishi", "Ursula", "Antonio", "Mikhail", "Dmitry", "Helmut", "Gerhard", "Jacques",
              "Nicolas", "Matteo", "Friedrich", "Annalena", "Kristalina", "Josep", "Charlotte", "Alexander"]
WEST_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
             "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson",
             "Martin", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
             "Walker", "Macron", "Lavrov", "Scholz", "Gorbachev", "Mitterrand", "Meloni", "Sanchez", "Ardern",
             "Trudeau", "Sunak", "Leyen", "Guterres", "Medvedev", "Kohl", "Schroeder", "Chirac", "Sarkozy",
             "Draghi", "Merz", "Baerbock", "Georgieva", "Borrell", "Shevardnadze", "Kissinger", "Albright"]
COUNTRIES = {"korean": ["DPRK", "North Korea", "Pyongyang"], "lao": ["Laos", "Lao PDR", "Vientiane"],
             "viet": ["Vietnam", "Hanoi", "Socialist Republic of Vietnam"],
             "west": ["France", "Germany", "United States", "Russia"]}
TRANSLIT = [("ou", "u"), ("th", "t"), ("ph", "p"), ("ss", "s"), ("y", "i"), ("v", "w"), ("x", "s"), ("kh", "k"),
            ("ch", "tch"), ("ng", "gn"), ("u", "ou")]


@dataclass(frozen=True)
class Person:
    pid: int
    culture: str
    name: str
    variants: tuple[str, ...]


def _korean(rng: random.Random) -> str:
    a, b = rng.sample(KOREAN_SYLLABLES, 2)
    return f"{rng.choice(KOREAN_SURNAMES)} {a} {b}"


def _person_name(rng: random.Random, culture: str) -> str:
    if culture == "korean":
        return _korean(rng)
    if culture == "lao":
        return f"{rng.choice(LAO_GIVEN)} {rng.choice(LAO_FAMILY)}"
    if culture == "viet":
        return f"{rng.choice(VIET_SURNAMES)} {rng.choice(VIET_MIDDLE)} {rng.choice(VIET_GIVEN)}"
    return f"{rng.choice(WEST_FIRST)} {rng.choice(WEST_LAST)}"


def _variant(rng: random.Random, name: str, culture: str) -> str | None:
    """One plausible alternative spelling of ``name`` (None when the chosen kind does not apply)."""
    toks = name.split()
    kind = rng.choice(["hyphen", "spacing", "translit", "typo", "diacritics"])
    if kind == "hyphen" and culture == "korean":
        return f"{toks[0]} {toks[1]}-{toks[2].lower()}"
    if kind == "spacing" and culture == "korean":
        return f"{toks[0]} {toks[1]}{toks[2].lower()}"
    if kind == "diacritics" and culture == "viet":
        return strip_diacritics(name)
    long_idx = [i for i, t in enumerate(toks) if len(t) >= 6]
    if not long_idx:
        return None
    i = rng.choice(long_idx)
    tok = toks[i]
    if kind == "translit":
        rules = [(a, b) for a, b in TRANSLIT if a in tok[1:].lower()]
        if not rules:
            return None
        a, b = rng.choice(rules)
        pos = tok.lower().find(a, 1)
        toks[i] = tok[:pos] + b + tok[pos + len(a) :]
    elif kind == "typo":
        pos = rng.randrange(2, len(tok) - 1)
        op = rng.choice(["sub", "del", "dup"])
        vowels = "aeiou"
        if op == "sub":
            toks[i] = tok[:pos] + rng.choice(vowels) + tok[pos + 1 :]
        elif op == "del":
            toks[i] = tok[:pos] + tok[pos + 1 :]
        else:
            toks[i] = tok[:pos] + tok[pos] + tok[pos:]
    else:
        return None
    out = " ".join(toks)
    return out if out != name else None


def make_people(rng: random.Random, n: int, variant_rate: float = 0.2) -> list[Person]:
    """``n`` people with distinct names; some get one or two variant spellings that collide with nobody."""
    cultures = ["korean"] * 4 + ["lao"] * 2 + ["viet"] * 2 + ["west"] * 2
    people: list[Person] = []
    taken: set[str] = set()
    while len(people) < n:
        culture = rng.choice(cultures)
        name = _person_name(rng, culture)
        if name_key(name) in taken:
            continue
        taken.add(name_key(name))
        variants: list[str] = []
        if rng.random() < variant_rate:
            for _ in range(rng.choice([1, 1, 2])):
                v = _variant(rng, name, culture)
                if v and name_key(v) not in taken:
                    taken.add(name_key(v))
                    variants.append(v)
        people.append(Person(len(people), culture, name, tuple(variants)))
    return people


def make_mentions(n_mentions: int, seed: int = 20240601) -> tuple[list[Mention], dict[tuple[str, int], int]]:
    """Mentions in documents of ~20 names about one country; returns the truth (mention -> person id)."""
    rng = random.Random(seed)
    people = make_people(rng, max(50, n_mentions // 5))
    by_culture: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        by_culture[p.culture].append(p)
    weights = {c: [1.0 / (i + 1) ** 0.8 for i in range(len(ps))] for c, ps in by_culture.items()}
    mentions: list[Mention] = []
    truth: dict[tuple[str, int], int] = {}
    doc = 0
    while len(mentions) < n_mentions:
        culture = rng.choice(sorted(by_culture))
        sid = f"doc{doc:06d}"
        doc += 1
        pos = 0
        for place in rng.sample(COUNTRIES[culture], 2):
            kind = "place" if place in ("Pyongyang", "Vientiane", "Hanoi") else "country"
            mentions.append(Mention(sid, pos, pos + len(place), place, kind, name_key(place), "alias"))  # type: ignore[arg-type]
            pos += len(place) + 1
        chosen = rng.choices(by_culture[culture], weights=weights[culture], k=18)
        for p in chosen:
            form = p.name if not p.variants or rng.random() < 0.6 else rng.choice(p.variants)
            mentions.append(Mention(sid, pos, pos + len(form), form, "person", name_key(form), "name"))
            truth[(sid, pos)] = p.pid
            pos += len(form) + 1
    return mentions[:n_mentions], truth


def _pairs_from_groups(groups: dict[object, set[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for forms in groups.values():
        for a, b in combinations(sorted(forms), 2):
            out.add((a, b))
    return out


def truth_pairs(mentions: list[Mention], truth: dict[tuple[str, int], int]) -> set[tuple[str, str]]:
    groups: dict[object, set[str]] = defaultdict(set)
    for m in mentions:
        pid = truth.get((m.source, m.start))
        if pid is not None:
            groups[pid].add(spelling(m.text))
    return _pairs_from_groups(groups)


def resolver_pairs(mentions: list[Mention]) -> tuple[set[tuple[str, str]], float]:
    registry = load_registry(None)
    t0 = time.perf_counter()
    res = resolve_entities(mentions, registry)
    elapsed = time.perf_counter() - t0
    groups: dict[object, set[str]] = defaultdict(set)
    for m in mentions:
        if m.kind == "person":
            groups[res.entity_of(m)].add(spelling(m.text))
    return _pairs_from_groups(groups), elapsed


def baseline_pairs(mentions: list[Mention], threshold: float = 90.0) -> tuple[set[tuple[str, str]], float]:
    """All-pairs fuzz.ratio on name keys over distinct person spellings, chunked, one core."""
    forms = sorted({spelling(m.text) for m in mentions if m.kind == "person"})
    keys = [name_key(f) for f in forms]
    t0 = time.perf_counter()
    pairs: set[tuple[str, str]] = set()
    chunk = 1000
    for start in range(0, len(keys), chunk):
        block = process.cdist(keys[start : start + chunk], keys, scorer=fuzz.ratio, score_cutoff=threshold,
                              dtype=np.uint8, workers=1)
        rows, cols = np.nonzero(block)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i = start + r
            if i < c:
                pairs.add((forms[i], forms[c]))
    return pairs, time.perf_counter() - t0


def prf(pred: set[tuple[str, str]], gold: set[tuple[str, str]]) -> tuple[float, float]:
    tp = len(pred & gold)
    precision = tp / len(pred) if pred else 1.0
    recall = tp / len(gold) if gold else 1.0
    return precision, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000, 300000])
    parser.add_argument("--baseline-budget", type=float, default=300.0, help="seconds the baseline may take")
    parser.add_argument("--threshold", type=float, default=90.0, help="baseline fuzz.ratio cutoff")
    args = parser.parse_args()
    print(f"{'mentions':>9} {'spellings':>9} {'true pairs':>10} | {'resolver s':>10} {'P':>6} {'R':>6} | "
          f"{'baseline s':>10} {'P':>6} {'R':>6}")
    last: tuple[int, float] | None = None  # (spellings, seconds) of the last baseline run
    for size in args.sizes:
        mentions, truth = make_mentions(size)
        gold = truth_pairs(mentions, truth)
        n_forms = len({spelling(m.text) for m in mentions if m.kind == "person"})
        pred, secs = resolver_pairs(mentions)
        p, r = prf(pred, gold)
        line = f"{size:>9} {n_forms:>9} {len(gold):>10} | {secs:>10.2f} {p:>6.3f} {r:>6.3f} | "
        projected = None if last is None else last[1] * (n_forms / max(1, last[0])) ** 2
        if projected is not None and projected > args.baseline_budget:
            line += f"{'skipped':>10} (projected {projected:.0f} s > {args.baseline_budget:.0f} s budget)"
        else:
            bpred, bsecs = baseline_pairs(mentions, args.threshold)
            bp, br = prf(bpred, gold)
            last = (n_forms, bsecs)
            line += f"{bsecs:>10.2f} {bp:>6.3f} {br:>6.3f}"
        print(line, flush=True)
    print(f"P/R: precision and recall of variant pairs (two spellings of one person). "
          f"Baseline: all-pairs fuzz.ratio >= {args.threshold:g} on name keys, one core.")


if __name__ == "__main__":
    main()
