"""report.html: one self-contained page for journalists (inline CSS and JS, no network).

Every piece of document text is escaped here; the script only filters, sorts
and expands what the HTML already holds, so the page reads fine without JS.
No document content is ever placed inside the <script> element.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from crosscheck import __version__
from crosscheck.records import SEVERITIES, Claim, Evidence, Flag, RunResult, Source
from crosscheck.report.document import (
    STATUSES,
    TOOL_NAME,
    flag_sources,
    kind_description,
    set_aside_text,
    sorted_claims,
    sorted_flags,
    sorted_set_aside,
    sorted_sources,
    summary,
)
from crosscheck.report.formats import output_format, write_text
from crosscheck.report.locations import excerpt, file_region, portable_path

ASSET_DIR = Path(__file__).parent
SEVERITY_LABELS = {"error": "errors", "warning": "warnings", "info": "notes"}


@cache
def _asset(name: str) -> str:
    return (ASSET_DIR / name).read_text(encoding="utf-8")


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def highlight(quote: str, terms: Iterable[str]) -> str:
    """The escaped quote with the first term found in it (case-insensitive) wrapped in <mark>."""
    folded = quote.casefold()
    for term in terms:
        term = term.strip()
        if not term or len(term) >= len(quote) or len(term.casefold()) != len(term):
            continue
        at = folded.find(term.casefold())
        if at >= 0:
            end = at + len(term)
            return f"{esc(quote[:at])}<mark>{esc(quote[at:end])}</mark>{esc(quote[end:])}"
    return esc(quote)


def _terms(ev: Evidence, claims: dict[str, Claim], sources: dict[str, Source]) -> list[str]:
    terms = []
    claim = claims.get(ev.claim or "")
    if claim and claim.raw:
        terms.append(claim.raw)
    source = sources.get(ev.source)
    if source and 0 <= ev.span[0] < ev.span[1] <= len(source.text):
        terms.append(source.text[ev.span[0] : ev.span[1]])
    terms.append(str(ev.value))
    return terms


def _badge(severity: str) -> str:
    return f'<span class="badge sev-{esc(severity)}">{esc(severity)}</span>'


def _status(status: str, new: bool) -> str:
    label = status + (" · new" if new and status == "open" else "")
    return f'<span class="status st-{esc(status)}">{esc(label)}</span>'


def _options(name: str, label: str, values: Iterable[str]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
    return (
        f'<label>{esc(label)} <select name="{esc(name)}"><option value="">all</option>{opts}</select></label>'
    )


def _header(result: RunResult, stale: list[str]) -> str:
    s = summary(result, stale)
    sev = s["flags_by_severity"]
    st = s["flags_by_status"]
    counts = "".join(
        f'<li><span class="badge sev-{k}">{sev[k]}</span> {SEVERITY_LABELS[k]}</li>' for k in SEVERITIES
    )
    counts += f'<li><span class="status st-open">{st["open"]}</span> open ({s["new_flags"]} new)</li>'
    reviewed = st["accepted"] + st["rejected"] + st["ignored"]
    counts += f'<li><span class="status st-accepted">{reviewed}</span> reviewed</li>'
    return (
        '<header class="top"><div class="wrap">'
        f"<h1>crosscheck report</h1>"
        f'<p class="meta">{esc(TOOL_NAME)} {esc(__version__)} · {s["sources"]} sources · {s["claims"]} claims · '
        f"{s['flags']} flags</p>"
        f'<ul class="counts">{counts}</ul>'
        '<nav><a href="#flags">Flags</a><a href="#sources">Sources</a><a href="#claims">Claims</a></nav>'
        "</div></header>"
    )


def _evidence_card(ev: Evidence, claims: dict[str, Claim], sources: dict[str, Source]) -> str:
    source = sources.get(ev.source)
    where = [f"span {ev.span[0]}–{ev.span[1]}"]
    region = file_region(source, ev.span)
    if region:
        where.append(f"line {region.start_line}, col {region.start_column}")
    if ev.claim:
        where.append(f"claim {ev.claim}")
    path = f'<span class="path">{esc(portable_path(source.path))}</span>' if source else ""
    derivation = f'<p class="derivation">{esc(ev.derivation)}</p>' if ev.derivation else ""
    return (
        '<article class="evidence">'
        f'<h4><a href="#source-{esc(ev.source)}">{esc(ev.source)}</a> {path}</h4>'
        f'<p class="value">{esc(ev.value)}</p>'
        f"<blockquote>{highlight(ev.quote, _terms(ev, claims, sources))}</blockquote>"
        f'<p class="where">{esc(" · ".join(where))}</p>{derivation}'
        "</article>"
    )


def _flag_rows(flag: Flag, claims: dict[str, Claim], sources: dict[str, Source]) -> str:
    cited = flag_sources(flag)
    search = " ".join([flag.id, flag.kind, flag.subject, flag.summary, flag.slot, flag.review_note, *cited]
                      + [f"{ev.value} {ev.quote}" for ev in flag.evidence]).casefold()  # fmt: skip
    attrs = (
        f'id="flag-{esc(flag.id)}" class="flag" data-flag="{esc(flag.id)}" data-severity="{esc(flag.severity)}" '
        f'data-kind="{esc(flag.kind)}" data-status="{esc(flag.status)}" data-search="{esc(search)}"'
    )
    review = f"Review: {_status(flag.status, flag.new)}"
    if flag.review_note:
        review += f" {esc(flag.review_note)}"
    cards = "".join(_evidence_card(ev, claims, sources) for ev in flag.evidence)
    return (
        f"<tr {attrs}>"
        f'<td><button type="button" class="toggle" aria-expanded="true" title="show or hide the evidence">'
        f'<span aria-hidden="true">▸</span></button></td>'
        f"<td>{_badge(flag.severity)}</td>"
        f'<td class="nowrap" title="{esc(kind_description(flag.kind))}">{esc(flag.kind)}</td>'
        f'<td class="summary"><strong>{esc(flag.summary)}</strong><br><code>{esc(flag.id)}</code> '
        f'<span class="subject">{esc(flag.subject)}</span></td>'
        f'<td class="id">{esc(", ".join(cited))}</td>'
        f"<td>{_status(flag.status, flag.new)}</td>"
        "</tr>"
        f'<tr class="evidence-row" data-for="{esc(flag.id)}"><td></td><td colspan="5">'
        f'<div class="evidence-grid">{cards}</div><p class="review">{review}</p></td></tr>'
    )


def _flags_section(result: RunResult) -> str:
    flags = sorted_flags(result.flags)
    claims = {c.id: c for c in result.claims}
    sources = {s.id: s for s in result.sources}
    kinds = sorted({f.kind for f in flags})
    filters = (
        '<form class="filters" data-table="flag-table" data-prefix="" role="search" onsubmit="return false">'
        + _options("severity", "Severity", [s for s in SEVERITIES if any(f.severity == s for f in flags)])
        + _options("kind", "Kind", kinds)
        + _options("status", "Status", [s for s in STATUSES if any(f.status == s for f in flags)])
        + '<label>Search <input type="search" name="q" placeholder="name, value, quote…"></label>'
        '<button type="button" class="expand-all">expand all</button>'
        '<output class="shown"></output></form>'
    )
    if not flags:
        return '<section id="flags"><h2>Flags</h2><p class="empty">No discrepancies found.</p></section>'
    rows = "".join(_flag_rows(f, claims, sources) for f in flags)
    return (
        f'<section id="flags"><h2>Flags <span class="n">{len(flags)}</span></h2>{filters}'
        '<div class="table-scroll"><table id="flag-table" class="data flags"><thead><tr><th></th><th>Severity</th><th>Kind</th>'
        "<th>Summary</th><th>Sources</th><th>Status</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div></section>"
    )


def _set_aside(source: Source) -> str:
    if not source.set_aside:
        return '<p class="muted">Nothing set aside.</p>'
    items = []
    for a in sorted_set_aside(source):
        text = set_aside_text(source, a.start, a.end)
        items.append(
            f"<li><details><summary><strong>{esc(a.reason)}</strong> "
            f'<span class="muted">rule {esc(a.rule)} · span {a.start}–{a.end}</span> '
            f"<q>{esc(excerpt(text, 80))}</q></summary><pre>{esc(text)}</pre></details></li>"
        )
    return f'<ul class="set-aside">{"".join(items)}</ul>'


def _source_card(source: Source, n_claims: int) -> str:
    rows = [("Path", esc(portable_path(source.path)))]
    if source.url:
        rows.append(("URL", esc(source.url)))
    published = esc(source.published) if source.published else '<span class="muted">unknown</span>'
    if source.published or source.published_basis != "unknown":
        basis = esc(source.published_basis)
        published += f' <span class="basis basis-{basis}">{basis}</span>'
    rows.append(("Published", published))
    if source.published_evidence:
        rows.append(("Evidence", esc(source.published_evidence)))
    if source.language:
        rows.append(("Language", esc(source.language)))
    rows.append(("Claims", str(n_claims)))
    if source.warnings:
        rows.append(("Warnings", "<br>".join(esc(w) for w in source.warnings)))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    title = f'<p class="title">{esc(source.title)}</p>' if source.title else ""
    return (
        f'<article class="source" id="source-{esc(source.id)}"><h3>{esc(source.id)}</h3>{title}<dl>{dl}</dl>'
        f"<h4>Set aside ({len(source.set_aside)})</h4>{_set_aside(source)}</article>"
    )


def _sources_section(result: RunResult) -> str:
    cards = "".join(
        _source_card(s, sum(1 for c in result.claims if c.source == s.id))
        for s in sorted_sources(result.sources)
    )
    return f'<section id="sources"><h2>Sources <span class="n">{len(result.sources)}</span></h2>' \
           f'<div class="source-grid">{cards}</div></section>'  # fmt: skip


def _claim_row(c: Claim) -> str:
    value = "" if c.value is None else str(c.value)
    search = " ".join([c.id, c.source, c.kind, c.subject, value, c.quote, c.raw]).casefold()
    return (
        f'<tr data-source="{esc(c.source)}" data-kind="{esc(c.kind)}" data-search="{esc(search)}">'
        f'<td class="id"><a href="#source-{esc(c.source)}">{esc(c.source)}</a></td>'
        f'<td class="nowrap">{esc(c.kind)}</td><td>{esc(c.subject)}</td>'
        f'<td class="id"><code>{esc(value)}</code></td><td class="nowrap">{esc(c.precision or "")}</td>'
        f'<td class="quote" title="{esc(c.derivation)}">{highlight(c.quote, [c.raw])}</td>'
        f'<td class="nowrap" data-sort-value="{c.span[0]:09d}">{c.span[0]}–{c.span[1]}</td>'
        f'<td class="id"><code>{esc(c.id)}</code></td></tr>'
    )


def _claims_section(result: RunResult) -> str:
    claims = sorted_claims(result.claims)
    filters = (
        '<form class="filters" data-table="claim-table" data-prefix="claims-" role="search" onsubmit="return false">'
        + _options("source", "Source", sorted({c.source for c in claims}))
        + _options("kind", "Kind", sorted({c.kind for c in claims}))
        + '<label>Search <input type="search" name="q" placeholder="subject, value, quote…"></label>'
        '<output class="shown"></output></form>'
    )
    heads = ["Source", "Kind", "Subject", "Value", "Precision", "Quote", "Span", "Claim"]
    thead = "".join(f'<th><button type="button" class="sort" data-col="{i}">{h}</button></th>'
                    for i, h in enumerate(heads))  # fmt: skip
    rows = "".join(_claim_row(c) for c in claims)
    return (
        f'<section id="claims"><h2>Claims <span class="n">{len(claims)}</span></h2>{filters}'
        f'<div class="table-scroll"><table id="claim-table" class="data claims"><thead><tr>{thead}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        "</section>"
    )


def _notes_section(result: RunResult, stale: list[str]) -> str:
    parts = []
    if stale:
        items = "".join(f"<li><code>{esc(x)}</code></li>" for x in stale)
        parts.append("<h3>Stale reviews</h3><p>Decisions in the review file whose flag this run no longer reports "
                     f"(kept, not deleted).</p><ul>{items}</ul>")  # fmt: skip
    if result.warnings:
        parts.append(
            "<h3>Run warnings</h3><ul>" + "".join(f"<li>{esc(w)}</li>" for w in result.warnings) + "</ul>"
        )
    return f'<section id="notes"><h2>Notes</h2>{"".join(parts)}</section>' if parts else ""


def render_html(result: RunResult, stale_reviews: Iterable[str] = ()) -> str:
    stale = sorted(set(stale_reviews))
    body = (
        _header(result, stale)
        + '<main class="wrap">'
        + _flags_section(result)
        + _notes_section(result, stale)
        + _sources_section(result)
        + _claims_section(result)
        + "</main>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>crosscheck report</title>\n"
        f"<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n{body}\n"
        f"<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n"
    )


@output_format("html", "report.html", default=True, order=30)
def write_html(result: RunResult, folder: Path, stale: list[str]) -> list[Path]:
    return [write_text(folder / "report.html", render_html(result, stale))]
