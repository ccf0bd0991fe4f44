"""name_variant flags: one entity spelled in more than one way across (or within) sources.

One flag per entity with unaccepted variant spellings, citing the first
occurrence of every (spelling, source) pair.  Hyphenation, spacing, initials
and word order are style (info); different letters or diacritics may be a
different person and are worth a look (warning).  Spellings the registry lists
as accepted aliases are never flagged.
"""

from __future__ import annotations

from collections import defaultdict

from crosscheck.compare.ids import flag_id
from crosscheck.compare.registry import CompareContext, comparator
from crosscheck.lexicon.namekeys import spelling
from crosscheck.normalize.entities import Resolution
from crosscheck.normalize.namecompare import SEVERITY_OF
from crosscheck.records import Evidence, Flag, Mention, NameVariant, Source

QUOTE_MAX = 120
_BEFORE, _AFTER = 30, 50  # characters of context kept around a mention
_SKIP_VIA = ("short", "acronym")


def mention_quote(source: Source | None, m: Mention, limit: int = QUOTE_MAX) -> str:
    """A short exact excerpt around a mention, inside its sentence, cut at word boundaries."""
    if source is None:
        return m.text[:limit]
    text = source.text
    lo, hi = 0, len(text)
    for s in source.sentences:
        if s.start <= m.start and m.end <= s.end:
            lo, hi = s.start, s.end
            break
    room = max(0, limit - (m.end - m.start))
    before = min(_BEFORE, room // 2)
    start = max(lo, m.start - before)
    end = min(hi, m.end + min(_AFTER, room - (m.start - start)))
    if start > lo:
        space = text.find(" ", start, m.start)
        start = space + 1 if space != -1 else m.start
    if end < hi:
        space = text.rfind(" ", m.end, end)
        end = space if space != -1 else m.end
    quote = text[start:end].strip()
    return quote[:limit] if len(quote) > limit else quote


def _summary_detail(v: NameVariant) -> str:
    if v.difference == "letters" and v.explanation.startswith("letters differ"):
        return v.explanation.split(" (", 1)[0]
    return f"{v.difference} differs"


def _sources_text(ids: list[str]) -> str:
    return ", ".join(ids)


def name_variant_flags(resolution: Resolution, mentions: list[Mention], sources: list[Source]) -> list[Flag]:
    """One Flag per entity whose mentions use an unaccepted variant spelling."""
    by_id = {s.id: s for s in sources}
    order = {s.id: i for i, s in enumerate(sources)}
    variants: dict[str, list[NameVariant]] = defaultdict(list)
    for v in resolution.variants:
        variants[v.entity].append(v)
    if not variants:
        return []
    uses: dict[str, dict[str, dict[str, Mention]]] = defaultdict(lambda: defaultdict(dict))  # eid->form->src->m
    ordered = sorted(mentions, key=lambda m: (order.get(m.source, len(order)), m.source, m.start, m.end))
    for m in ordered:
        if m.via in _SKIP_VIA:
            continue
        eid = resolution.entity_of(m)
        if eid is None or eid not in variants:
            continue
        uses[eid][spelling(m.text)].setdefault(m.source, m)
    flags: list[Flag] = []
    for eid in sorted(variants):
        forms_used = uses.get(eid, {})
        flagged = [v for v in variants[eid] if spelling(v.forms[1]) in forms_used]
        if not flagged:
            continue
        canonical = resolution.canonical(eid)
        base = spelling(canonical)
        if base not in forms_used:
            accepted = resolution.registry.accepted(eid)
            pool = [f for f in forms_used if f in accepted] or [f for f in forms_used if f != spelling(flagged[0].forms[1])]
            if not pool:
                continue
            base = max(pool, key=lambda f: (len(forms_used[f]), -order.get(min(forms_used[f]), 0), f))
        shown = [base, *sorted({spelling(v.forms[1]) for v in flagged} - {base})]
        evidence: list[Evidence] = []
        for form in shown:
            for sid, m in sorted(forms_used[form].items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])):
                evidence.append(Evidence(sid, m.text, mention_quote(by_id.get(sid), m), (m.start, m.end)))
        base_sources = [e.source for e in evidence if spelling(e.value) == base]
        parts = []
        for v in sorted(flagged, key=lambda v: v.forms[1]):
            form = spelling(v.forms[1])
            if form == base:
                continue
            where = [e.source for e in evidence if spelling(e.value) == form]
            parts.append(f'"{v.forms[1]}" in {_sources_text(where)} ({_summary_detail(v)})')
        if not parts:
            continue
        summary = f'"{base}" ({_sources_text(base_sources)}) is spelled ' + "; ".join(parts)
        severity = "warning" if any(SEVERITY_OF.get(v.difference, "info") == "warning" for v in flagged) else "info"
        values = sorted({e.value for e in evidence})
        fid = flag_id("name_variant", slot=eid, values=values, sources=[e.source for e in evidence])
        flags.append(Flag(fid, "name_variant", severity, canonical, summary, evidence, slot=eid))  # type: ignore[arg-type]
    return flags


@comparator("name_variant", "NAME", "One person, organisation or place is spelled differently across sources.",
            "warning", order=10)
def find_name_variants(ctx: CompareContext) -> list[Flag]:
    return name_variant_flags(ctx.resolution, ctx.mentions, ctx.sources)
