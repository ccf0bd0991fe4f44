"""Comparison keys for names: one normal form so that spelling noise never hides identity.

``name_key`` makes "Kim Jong-un", "KIM JONG UN" and "Kim Jong Un" equal;
``roman_token`` additionally folds transliteration differences (Saygnasone ->
sayasone) using the ordered rules of ``rules/names.yaml``.  Keys keep word
boundaries so that comparison can go token by token.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from crosscheck.rules import load_yaml, rules_cached

_SEPARATORS = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014\u2212'\u2018\u2019\u02bc`´.]")
_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_HYPHENS = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2212"})


def strip_diacritics(text: str) -> str:
    """Remove combining marks ("Nguyễn" -> "Nguyen"); letters without a decomposition stay."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ł", "l")


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """NFKC, casefold, no diacritics, hyphens/apostrophes/dots as spaces, spaces collapsed."""
    value = unicodedata.normalize("NFKC", text).casefold()
    value = strip_diacritics(value)
    value = _SEPARATORS.sub(" ", value)
    value = _NON_WORD.sub(" ", value)
    return _SPACES.sub(" ", value).strip()


def key_tokens(text: str) -> tuple[str, ...]:
    """The tokens of ``name_key(text)``."""
    return tuple(name_key(text).split())


def joined_key(text: str) -> str:
    """The key without spaces: "Jong Un" and "Jongun" share it (spacing variants)."""
    return name_key(text).replace(" ", "")


def spelling(text: str) -> str:
    """The written form up to apostrophe/hyphen glyphs and spacing: what counts as one spelling."""
    value = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).translate(_HYPHENS)
    return _SPACES.sub(" ", value).strip()


def slug(text: str) -> str:
    """A stable id from a name: "Kaysone Phomvihane" -> "kaysone-phomvihane"."""
    value = name_key(text)
    value = re.sub(r"[^a-z0-9 ]", "", value.encode("ascii", "ignore").decode("ascii"))
    value = "-".join(value.split())
    return value or "entity"


@rules_cached()
def romanization_rules() -> tuple[tuple[str, str], ...]:
    data = load_yaml("names.yaml") or {}
    pairs = data.get("romanization", []) or []
    return tuple((str(a), str(b)) for a, b in pairs)


_DOUBLED = re.compile(r"(\w)\1+")


def roman_token(token: str) -> str:
    """A token folded by the romanization rules, doubled letters collapsed (saygnasone -> sayasone)."""
    value = token
    for src, dst in romanization_rules():
        value = value.replace(src, dst)
    return _DOUBLED.sub(r"\1", value)


def roman_key(text: str) -> str:
    """``name_key`` with every token folded by ``roman_token``."""
    return " ".join(roman_token(t) for t in key_tokens(text))
