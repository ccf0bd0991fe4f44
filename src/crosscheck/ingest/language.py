"""Which language a stretch of text is in, by counting distinctive stopwords (rules/languages.yaml).

Good enough to tell a German teaser from an English article paragraph; it is
not meant for short strings, so callers require a minimum number of hits.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from crosscheck.ingest.rulecache import rule_error, rules_cached
from crosscheck.rules import load_yaml

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageScore:
    """Stopword hits per language and the number of words looked at."""

    hits: dict[str, int]
    words: int

    def best(self) -> str | None:
        if not self.hits:
            return None
        lang, n = max(sorted(self.hits.items()), key=lambda kv: kv[1])
        return lang if n > 0 else None

    def get(self, lang: str | None) -> int:
        return self.hits.get(lang, 0) if lang else 0


@rules_cached("languages.yaml")
def _distinctive() -> dict[str, str]:
    """word -> language, for words listed under exactly one language."""
    data = load_yaml("languages.yaml") or {}
    lists = (data.get("stopwords") if isinstance(data, dict) else None) or {}
    if not isinstance(lists, dict) or not all(isinstance(v, list) for v in lists.values()):
        raise rule_error("languages.yaml", "expected language: [stopwords]", field="stopwords")
    seen: Counter[str] = Counter()
    for words in lists.values():
        seen.update({str(w).lower() for w in words})
    return {str(w).lower(): lang for lang, words in lists.items() for w in words if seen[str(w).lower()] == 1}


def score(text: str) -> LanguageScore:
    table = _distinctive()
    words = [w.lower() for w in _WORD.findall(text)]
    hits: Counter[str] = Counter(table[w] for w in words if w in table)
    return LanguageScore(dict(hits), len(words))


def detect(text: str, min_hits: int = 3) -> str | None:
    """The language with most stopword hits, or None when too few hits to say."""
    s = score(text)
    lang = s.best()
    return lang if lang and s.get(lang) >= min_hits else None
