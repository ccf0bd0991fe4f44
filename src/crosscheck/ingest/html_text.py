"""HTML to article text with the stdlib parser: blocks become paragraphs, furniture elements are recorded.

Scripts, styles, the head and hidden elements give no text.  ``<nav>``,
``<footer>``, ``<aside>``, a ``<header>`` outside the article (unless it holds
the ``<h1>``), and elements whose class or id has a furniture token
(rules/furniture.yaml ``html``) stay in the text but are returned as SetAside
spans.  Head metadata (title, og:*, JSON-LD, meta dates,
``<time>`` near the ``<h1>``) is returned as a SourceMeta.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from crosscheck.calendar import parse_iso
from crosscheck.errors import InputError
from crosscheck.ingest.decode import decode_bytes
from crosscheck.ingest.meta import SourceMeta
from crosscheck.ingest.readers import ReadDocument, reader
from crosscheck.ingest.rulecache import rule_error, rules_cached
from crosscheck.ingest.spans import Coverage
from crosscheck.records import SetAside
from crosscheck.rules import load_yaml

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "svg",
    "iframe",
    "object",
    "select",
    "math",
}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "tr", "ul", "caption",
}  # fmt: skip
_CELL = {"td", "th"}
_ISO_PREFIX = re.compile(r"^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)")
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")


@dataclass
class HtmlDoc:
    text: str
    set_aside: list[SetAside]
    meta: SourceMeta
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Open:
    tag: str
    furniture: tuple[str, str] | None  # (reason, rule) when this element starts a furniture span
    start: int
    skip: bool = False  # gives no text (script, style, head, hidden elements)
    page_header: bool = False  # a <header> outside the article: furniture unless it holds the <h1>


@rules_cached("furniture.yaml", "datelines.yaml")
def _html_rules() -> tuple[dict[str, str], dict[str, str], dict[str, str], tuple[str, ...], int]:
    furn = _mapping(load_yaml("furniture.yaml"), "furniture.yaml", "html")
    dates = load_yaml("datelines.yaml")
    dates = dates if isinstance(dates, dict) else {}

    def table(key: str) -> dict[str, str]:
        return {str(k).lower(): str(v) for k, v in _mapping(furn, "furniture.yaml", key).items()}

    meta_names, near = dates.get("html_meta") or [], dates.get("time_near_title", 300)
    if not isinstance(meta_names, list) or not isinstance(near, int):
        raise rule_error("datelines.yaml", "html_meta must be a list and time_near_title a number")
    return (
        table("tags"),
        table("class_tokens"),
        table("roles"),
        tuple(str(x).lower() for x in meta_names),
        near,
    )


def _mapping(data: Any, name: str, key: str) -> dict[str, Any]:
    """``data[key]`` as a mapping (empty when absent); InputError when it is something else."""
    value = data.get(key) if isinstance(data, dict) else None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise rule_error(name, "expected a mapping", field=key)
    return value


def iso_date(value: str) -> str | None:
    """The ISO date at the start of a metadata value ("2020-06-24T08:00:00+09:00" -> "2020-06-24")."""
    m = _ISO_PREFIX.match(value or "")
    if not m:
        return None
    tv = parse_iso(m.group(1))
    return tv.iso if tv else None


_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(attrs: dict[str, str]) -> bool:
    """Elements a reader never sees: ``hidden``, ``aria-hidden="true"``, ``display: none``."""
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden", "").lower() == "true"
        or bool(_DISPLAY_NONE.search(attrs.get("style", "")))
    )


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags, self.tokens, self.roles, self.meta_names, _ = _html_rules()
        self.parts: list[str] = []
        self.pos = 0
        self.pending = 0  # newlines owed before the next text
        self.stack: list[_Open] = []
        self.skip_depth = 0
        self.in_furniture = 0
        self.context = 0  # open <article>/<main>
        self.spans: list[SetAside] = []
        self.lang: str | None = None
        self.title_parts: list[str] | None = None
        self.title = ""
        self.meta: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.script_type = ""
        self.script_parts: list[str] = []
        self.h1: tuple[int, int] | None = None
        self.times: list[tuple[int, str]] = []  # (offset, datetime attribute)

    # ---- output
    def _emit(self, data: str) -> None:
        text = re.sub(r"\s+", " ", data)
        if not text.strip():
            if self.parts and not self.pending and not self.parts[-1].endswith((" ", "\n")):
                self._write(" ")
            return
        if self.pending and self.pos > 0:
            if self.parts and self.parts[-1].endswith(" "):
                self._unwrite_space()
            self._write("\n" * self.pending)
        self.pending = 0
        if self.pos == 0 or self.parts[-1].endswith(("\n", " ")):
            text = text.lstrip()
        self._write(text)

    def _write(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def _unwrite_space(self) -> None:
        last = self.parts.pop()
        self.pos -= len(last)
        if last.rstrip(" "):
            self._write(last.rstrip(" "))

    def _break(self, n: int) -> None:
        self.pending = max(self.pending, n)

    # ---- furniture
    def _furniture_reason(self, tag: str, attrs: dict[str, str]) -> tuple[str, str] | None:
        if tag in self.tags and tag != "header":
            return self.tags[tag], f"html-{tag}"
        role = attrs.get("role", "").lower()
        if role in self.roles:
            return self.roles[role], f"html-role-{role}"
        for name in ("id", "class"):
            for token in _TOKEN_SPLIT.split(attrs.get(name, "").lower()):
                if token in self.tokens:
                    return self.tokens[token], f"html-class-{token}"
        return None

    # ---- parser callbacks
    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """Skip a malformed ``<![...`` section instead of failing (the stdlib asserts on them)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i)
            return j + 1 if j >= 0 else len(self.rawdata)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        if tag == "html" and attrs.get("lang"):
            self.lang = attrs["lang"].split("-")[0].strip().lower() or None
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and "content" in attrs and key not in self.meta:
                self.meta[key] = attrs["content"].strip()
            return
        if tag == "link" and "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            self.meta.setdefault("canonical", attrs["href"].strip())
            return
        if tag == "br":
            self._break(1)
            return
        if tag in _VOID:
            if tag == "hr":
                self._break(2)
            return
        if tag == "title" and self.title_parts is None and not any(o.tag == "svg" for o in self.stack):
            self.title_parts = []
        if tag == "script":
            self.script_type = attrs.get("type", "").lower()
            self.script_parts = []
        if tag in _SKIP or _hidden(attrs):
            self.skip_depth += 1
            self.stack.append(_Open(tag, None, self.pos, skip=True))
            return
        if tag == "time" and attrs.get("datetime"):
            self.times.append((self._next_pos(), attrs["datetime"]))
        page_header = tag == "header" and self.context == 0 and not self.in_furniture
        furniture = None if self.in_furniture or page_header else self._furniture_reason(tag, attrs)
        if tag in ("article", "main"):
            self.context += 1
        if tag in _BLOCK:
            self._break(2)
        elif tag in _CELL:
            self._emit(" ")
        self.stack.append(_Open(tag, furniture, self._next_pos(), page_header=page_header))
        if furniture:
            self.in_furniture += 1
        if tag == "h1" and self.h1 is None:
            self.h1 = (self._next_pos(), -1)

    def _next_pos(self) -> int:
        """Offset where the next text will start (after any owed breaks)."""
        return self.pos + (self.pending if self.pos > 0 else 0)

    def handle_endtag(self, tag: str) -> None:
        if not any(o.tag == tag for o in self.stack):
            if tag in ("p", "br"):
                self._break(2 if tag == "p" else 1)
            return
        while self.stack:
            o = self.stack.pop()
            self._close(o)
            if o.tag == tag:
                break

    def _close(self, o: _Open) -> None:
        if o.skip:
            self.skip_depth -= 1
            if o.tag == "title" and self.title_parts is not None and not self.title:
                self.title = " ".join("".join(self.title_parts).split())
            if o.tag == "script" and "ld+json" in self.script_type:
                self.jsonld.append("".join(self.script_parts))
            return
        if o.tag in ("article", "main"):
            self.context -= 1
        if o.tag == "h1" and self.h1 is not None and self.h1[1] < 0:
            self.h1 = (self.h1[0], self.pos)
        if o.furniture:
            self.in_furniture -= 1
            self.spans.append(SetAside(o.start, self.pos, o.furniture[0], o.furniture[1]))
        if o.page_header and not (self.h1 is not None and o.start <= self.h1[0] < self.pos):
            self.spans.append(
                SetAside(o.start, self.pos, self.tags.get("header", "page header"), "html-header")
            )
        if o.tag in _BLOCK:
            self._break(2)

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            if self.stack and self.stack[-1].tag == "title" and self.title_parts is not None:
                self.title_parts.append(data)
            elif self.stack and self.stack[-1].tag == "script":
                self.script_parts.append(data)
            return
        self._emit(data)

    def finish(self) -> str:
        self.close()
        while self.stack:
            self._close(self.stack.pop())
        return "".join(self.parts).rstrip()


def _walk_jsonld(node: Any, found: dict[str, str]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_jsonld(item, found)
    elif isinstance(node, dict):
        for key in ("datePublished", "headline", "inLanguage", "url"):
            value = node.get(key)
            if isinstance(value, str) and value.strip() and key not in found:
                found[key] = value.strip()
        publisher = node.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            found.setdefault("publisher", publisher["name"].strip())
        for value in node.values():
            if isinstance(value, dict | list):
                _walk_jsonld(value, found)


def html_to_text(markup: str, path: str) -> HtmlDoc:
    """Text, furniture spans and metadata of an HTML document."""
    b = _Builder()
    try:
        b.feed(markup)
        text = b.finish()
    except AssertionError as exc:  # html.parser asserts on some malformed declarations
        raise InputError(path, f"cannot parse HTML: {exc}") from exc
    n = len(text)
    spans = [SetAside(s.start, min(s.end, n), s.reason, s.rule) for s in b.spans if s.start < min(s.end, n)]
    warnings: list[str] = []
    ld: dict[str, str] = {}
    for i, block in enumerate(b.jsonld):
        try:
            _walk_jsonld(json.loads(block), ld)
        except (json.JSONDecodeError, RecursionError) as exc:
            warnings.append(f"{path}: JSON-LD block {i + 1} ignored: {exc}")
    meta = SourceMeta(
        title=b.meta.get("og:title") or ld.get("headline") or b.title or None,
        url=b.meta.get("og:url") or b.meta.get("canonical") or ld.get("url") or None,
        publisher=b.meta.get("og:site_name") or ld.get("publisher") or None,
        language=b.lang or (ld.get("inLanguage", "").split("-")[0].lower() or None),
    )
    candidates: list[tuple[str, str]] = []
    if "datePublished" in ld:
        candidates.append((ld["datePublished"], "JSON-LD datePublished"))
    _, _, _, meta_names, near = _html_rules()
    for name in meta_names:
        if name in b.meta:
            candidates.append((b.meta[name], f"<meta {name}>"))
    anchor = b.h1[1] if b.h1 and b.h1[1] >= 0 else 0
    in_spans = Coverage(spans)
    for offset, value in b.times:
        if (
            not in_spans.overlaps(offset, offset + 1)
            and (b.h1 is None or offset >= b.h1[0])
            and offset - anchor <= near
        ):
            candidates.append((value, "<time datetime> near the title"))
            break
    for value, where in candidates:
        iso = iso_date(value)
        if iso:
            meta.published, meta.published_evidence = iso, f'{where} "{value}"'
            break
        warnings.append(f"{path}: {where} {value!r} is not an ISO date; ignored")
    return HtmlDoc(text, spans, meta, warnings)


@reader("html", ".html", ".htm")
def read_html(data: bytes, path: Path) -> ReadDocument:
    """HTML: the article text with exact offsets, navigation and other furniture already set aside."""
    decoded = decode_bytes(data, path)
    doc = html_to_text(decoded.text, str(path))
    return ReadDocument(doc.text, doc.set_aside, doc.meta, list(decoded.warnings) + list(doc.warnings))
