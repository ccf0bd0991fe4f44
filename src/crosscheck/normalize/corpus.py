"""Corpus-wide normalisation: entity ids, event keys, publication dates, time values.

Runs after every source's claims are known (extracted, or read back from the
claim files with people's edits): what one source says can date another
("the 48th anniversary" of an event a second source dates to 1974).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from crosscheck import calendar as cal
from crosscheck.lexicon.events import is_unique
from crosscheck.normalize.events import event_key, name_families, topic_keys, treaty_names
from crosscheck.normalize.pubdate import Inference, infer_publication
from crosscheck.normalize.timeresolve import resolve_expr
from crosscheck.records import Claim, Source, TimeValue

MAX_PASSES = 3


@dataclass
class Normalized:
    claims: list[Claim]
    inferences: dict[str, Inference] = field(default_factory=dict)


def _pub_value(s: Source) -> TimeValue | None:
    return cal.parse_iso(s.published) if s.published else None


def _with_keys(claims: list[Claim], resolve, canonical) -> list[Claim]:  # type: ignore[no-untyped-def]
    """Event keys from entity ids; names shown (and written back to claim files) in canonical form.

    Canonical names resolve to the same entities on the next run, so a claim
    file read back normalises to the same keys (idempotent).
    """

    def show(name: str) -> str:
        eid = resolve(name) if name else None
        return (canonical(eid) or name) if eid else name

    out: list[Claim] = []
    aliases = treaty_names(claims)
    families = name_families(claims, resolve, canonical)
    for c in claims:
        if c.kind == "role":
            out.append(replace(c, subject=show(c.subject), participants=[show(p) for p in c.participants]))
            continue
        key, _ = event_key(c, resolve, aliases, families)
        if c.origin == "manual" and not key:
            key = c.event
        out.append(replace(c, event=key, subject=show(c.subject), participants=[show(p) for p in c.participants],
                           object=show(c.object) if c.object and c.event_type == "visit" else c.object))
    return topic_keys(out)


def _resolve_times(c: Claim, pub: TimeValue | None) -> Claim:
    if c.origin == "manual" and c.value is not None and c.kind in ("event_date", "anniversary", "elapsed"):
        # a person's value is the value: never recomputed from the expression the extractor wrote
        iso = cal.parse_iso(str(c.value))
        return replace(c, precision=iso.precision if iso else c.precision, resolved=iso is not None)
    if c.origin == "manual" and c.value is not None and not c.expr:
        return c
    if c.kind in ("event_date", "anniversary", "elapsed"):
        if not c.expr:
            return c
        r = resolve_expr(c.expr, pub)
        if r.value is None:
            return replace(c, value=None if c.expr and not c.expr[:1].isdigit() else c.value, precision=None,
                           resolved=False, derivation=_join(c.derivation, r.derivation))
        return replace(c, value=r.value.iso, precision=r.value.precision, resolved=True,
                       derivation=_join(c.derivation, r.derivation))
    if c.kind in ("role", "count", "ordinal", "place"):
        if c.expr == "PUB":
            return replace(c, time=pub.iso if pub else None)
        if c.expr:
            r = resolve_expr(c.expr, pub)
            return replace(c, time=r.value.iso if r.value else None)
    return c


def _join(a: str, b: str) -> str:
    if not b or b in a:
        return a
    return f"{a}; {b}" if a else b


def normalize_corpus(sources: list[Source], claims: list[Claim], resolve, canonical) -> Normalized:  # type: ignore[no-untyped-def]
    """Resolve entities and events, infer missing publication dates, resolve every time value.

    ``resolve(name) -> entity id | None`` and ``canonical(id) -> name`` come
    from the entity resolution of the names stage.  Sources without a stated
    or metadata date get one inferred here (basis ``inferred``) when their
    claims allow; the ``Source`` records are updated in place.
    """
    keyed = _with_keys(claims, resolve, canonical)
    by_source: dict[str, list[Claim]] = {}
    for c in keyed:
        by_source.setdefault(c.source, []).append(c)
    pubs = {s.id: v for s in sources if (v := _pub_value(s)) is not None}
    inferences: dict[str, Inference] = {}
    unknown = [s for s in sources if s.id not in pubs]
    for _ in range(MAX_PASSES):
        changed = False
        for s in unknown:
            if s.id in pubs:
                continue
            inf = infer_publication(s, by_source.get(s.id, []), by_source, pubs)
            inferences[s.id] = inf
            if inf.published:
                v = cal.parse_iso(inf.published)
                if v is not None:
                    pubs[s.id] = v
                    s.published, s.published_basis, s.published_evidence = inf.published, "inferred", inf.evidence
                    changed = True
        if not changed:
            break
    for s in unknown:
        if s.id not in pubs and s.id in inferences:
            s.published_evidence = inferences[s.id].evidence
    resolved = [_occurrence_key(_resolve_times(c, pubs.get(c.source))) for c in keyed]
    return Normalized(resolved, inferences)


def _occurrence_key(c: Claim) -> Claim:
    """Places of repeated events compare only within one occurrence: the event key gets its year."""
    if c.kind != "place" or not c.event or is_unique(c.event_type):
        return c
    year = str(c.time)[:4] if c.time else None
    return replace(c, event=f"{c.event}@{year}" if year else None)
