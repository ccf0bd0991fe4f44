"""Sentence by sentence: events with their times, participants, ordinals, places -> claims.

Claims leave this module with participants as written and time values still
underspecified where they depend on the publication date (``Claim.expr``);
the normalize stage resolves both corpus-wide.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from crosscheck.errors import InputError
from crosscheck.extract import counts as count_rules
from crosscheck.extract import places as place_rules
from crosscheck.extract import roles as role_rules
from crosscheck.extract.discourse import Discourse, sentence_subject, two_countries_phrase
from crosscheck.extract.events import (
    PRONOUNS,
    EventMention,
    Trigger,
    clause_bounds,
    event_types,
    find_triggers,
)
from crosscheck.extract.frames import (
    SourceFocus,
    chronology_line,
    find_frames,
    quantity_subject,
    source_focus,
)
from crosscheck.extract.quantities import find_quantities
from crosscheck.extract.temporal import is_past
from crosscheck.lexicon.registry import builtin_registry
from crosscheck.records import Claim, Mention, Sentence, Source, TimeExpr

DATE_KINDS = ("date", "range", "relative", "elapsed", "anniversary")


@dataclass
class SentenceView:
    """One sentence with what was found in it."""

    sent: Sentence
    text: str  # the sentence text
    mentions: list[Mention]
    times: list[TimeExpr]
    past: bool


def _claim_id(source: str, kind: str, quote: str, key: str, seen: dict[str, int]) -> str:
    base = hashlib.sha1(f"{kind}\x1f{quote}\x1f{key}".encode()).hexdigest()[:8]
    n = seen.get(base, 0)
    seen[base] = n + 1
    return f"{source}#{kind[:3]}-{base}" + (f"-{n}" if n else "")


def _quote_span(text: str, sent: Sentence, parts: list[tuple[int, int]]) -> tuple[int, int]:
    """The smallest stretch of the sentence covering the parts, widened to whole words."""
    a = min(p[0] for p in parts)
    z = max(p[1] for p in parts)
    while a > sent.start and text[a - 1].isalnum():
        a -= 1
    while z < sent.end and text[z].isalnum():
        z += 1
    return a, z


def _resolve_pronoun(word: str, view: SentenceView, pos: int, disc: Discourse) -> str | None:
    kind = PRONOUNS.get(word.lower())
    if kind == "person":
        before = [m for m in view.mentions if m.kind == "person" and m.end <= pos]
        if word.lower() in ("his", "her") and before:
            return before[-1].text
        if word.lower() in ("his", "her") and not before:
            # "In February 2003, on his second visit to Vietnam, Fidel Castro toured ...": the
            # possessive looks ahead to the subject of the main clause
            after = [m for m in view.mentions if m.kind == "person" and m.start > pos]
            gap = view.text[pos - view.sent.start : after[0].start - view.sent.start] if after else ""
            if after and re.search(r",\s*(?:[A-Z][\w’'-]*\s+){0,3}$", gap) and not re.search(r"[.;]", gap):
                return after[0].text
        return disc.subject
    if kind == "any":
        before = [m for m in view.mentions if m.kind in ("country", "org") and m.end <= pos]
        if before:
            return before[-1].text
        if disc.orgs or disc.countries:
            return (disc.countries or disc.orgs)[-1]
    return None


def _persons_between(view: SentenceView, a: int, z: int) -> list[str]:
    return [m.text for m in view.mentions if m.kind == "person" and a <= m.start and m.end <= z]


def _distinct(names: list[str]) -> list[str]:
    """Names of different entities ("Democratic People's Republic of Korea (DPRK)" is one)."""
    out: list[str] = []
    keys: set[str] = set()
    for n in names:
        entry = builtin_registry().lookup(n)
        k = entry.id if entry is not None else n.casefold()
        if k not in keys:
            keys.add(k)
            out.append(n)
    return out


def _countries_near(view: SentenceView, trig: Trigger, disc: Discourse) -> list[str]:
    return _distinct(_countries_raw(view, trig, disc))[:2]


def _countries_raw(view: SentenceView, trig: Trigger, disc: Discourse) -> list[str]:
    sent = view.sent
    s_text = view.text
    rel = trig.start - sent.start
    tail = s_text[rel : rel + 200]
    # "relations between X and Y", "the X-Y Treaty", "between the two countries"
    m2 = two_countries_phrase(tail[:120])
    mb = re.search(r"\bbetween\b", tail[:120])
    if mb:
        a = trig.start + mb.end()
        zone_end = min(sent.end, a + 140)
        cs = _distinct([m.text for m in view.mentions if m.kind == "country" and a <= m.start < zone_end])
        if len(cs) >= 2:
            return cs[:2]
        if m2 and m2.start() >= mb.start():
            return disc.two_countries([m for m in view.mentions if m.start < trig.start])
    if m2 and m2.start() < 60:
        return disc.two_countries([m for m in view.mentions if m.start < trig.start])
    # a compound right before or inside the trigger ("Laos-Vietnam Treaty", "DPRK-Laos relations")
    lo = max(sent.start, trig.start - 60)
    cs = [m for m in view.mentions if m.kind == "country" and lo <= m.start and m.end <= trig.end + 40]
    hyph = [m.text for m in cs if view.text[m.end - sent.start : m.end - sent.start + 1] == "-"
            or view.text[max(0, m.start - sent.start - 1) : m.start - sent.start] == "-"]
    if len(hyph) >= 2:
        return hyph[:2]
    inside = _distinct([m.text for m in view.mentions if m.kind == "country"])
    if len(inside) == 2:
        return inside
    # "the two nations ... they established diplomatic ties": the pair the text is about
    if not inside and (two_countries_phrase(s_text) or re.search(r"\b(?:they|both)\b", s_text[:rel], re.I)):
        return disc.two_countries([m for m in view.mentions if m.start < trig.start])
    return []


_TREATY_NAME = re.compile(
    r"(?P<pre>(?:[A-Z][\w’'-]*\s+){0,4})(?P<noun>Treaty|Agreement|Accords?|Convention|Declaration|Charter|Pact)"
    r"(?P<of>\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:and|of|the)\s+)?[A-Z][\w’'-]*){0,5})?"
)
_KNOWN_AS = re.compile(r",?\s+(?:also|better|commonly)\s+known\s+as\s+(?:the\s+)?")


def _treaty_names(s_text: str, lo: int, hi: int) -> str | None:
    """The proper name of the treaty a trigger at ``s_text[lo:hi]`` speaks of, with the name the text
    gives as its alias ("the ASEAN Declaration, better known as the Bangkok Declaration"): the names
    joined by " | ", or None when the treaty is not named."""
    names: list[str] = []
    for m in _TREATY_NAME.finditer(s_text, max(0, lo - 60), min(len(s_text), hi + 80)):
        if m.end() < lo or m.start() > hi + 1:
            continue
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group(0)).strip()
        names.append(name)
        alias = _KNOWN_AS.match(s_text, m.end())
        if alias and (other := _TREATY_NAME.match(s_text, alias.end())):
            names.append(other.group(0).strip())
        break
    return " | ".join(names) or None


@dataclass(frozen=True)
class _Clause:
    """Where a trigger stands: what every participant strategy reads."""

    t: Trigger
    sent: Sentence
    kind: str
    s_text: str
    rel: int  # trigger offset in the sentence
    before: str  # up to 40 characters before it
    poss: re.Match[str] | None  # "his/her/its ..." just before it
    c_lo: int  # its clause, in source offsets
    c_hi: int


def _participants(ev: EventMention, view: SentenceView, disc: Discourse) -> None:
    """Fill the event's participants with the strategy its type names in events.yaml."""
    t = ev.trigger
    sent = view.sent
    s_text = view.text
    rel = t.start - sent.start
    before = s_text[max(0, rel - 40) : rel]
    poss = re.search(r"\b(his|her|its)\s+(?:[\w-]+\s+){0,4}$", before, re.I)
    c_lo, c_hi = clause_bounds(view.text, 0, len(view.text), rel)
    cx = _Clause(t, sent, ev.type.participants, s_text, rel, before, poss, c_lo + sent.start, c_hi + sent.start)
    strategy = PARTICIPANT_STRATEGIES.get(cx.kind)
    if strategy is None:
        raise InputError("events.yaml", f"event type {ev.type.name!r}: unknown participant strategy {cx.kind!r} "
                         f"(known: {', '.join(sorted(PARTICIPANT_STRATEGIES))})", field="participants")
    strategy(ev, view, disc, cx)


def _countries_of(ev: EventMention, view: SentenceView, disc: Discourse, cx: _Clause) -> None:
    """Two countries (or, for a treaty with many signatories, its name)."""
    t, sent, s_text, rel = cx.t, cx.sent, cx.s_text, cx.rel
    ev.participants = _countries_near(view, t, disc)
    if not ev.participants:  # "Sihanouk and Zhou Enlai signed the Treaty of ...": the text's two countries
        ev.participants = disc.two_countries([m for m in view.mentions if m.start < t.start])
    if ev.type.qualifier == "treaty":
        name = re.search(r"(?:treaty|agreement|accord|convention)(?:\s+of\s+[\w\s-]+?(?=[,.;]|\s+on\b|\s+in\b|\s+that\b|$))?",
                         t.text + s_text[t.end - sent.start : t.end - sent.start + 60], re.I)
        words = re.findall(r"[A-Za-z]+", (t.text + " " + (name.group(0) if name else "")).lower())
        stop = {"signing", "of", "the", "signed", "and", "treaty", "agreement", "accord", "convention", "a", "an"}
        cnames = {w.lower() for c in ev.participants for w in re.findall(r"[A-Za-z]+", c)}
        ev.qualifier = "+".join(sorted({w for w in words if w not in stop and w not in cnames})) or None
        named = _treaty_names(s_text, rel, t.end - sent.start)
        listed = list(dict.fromkeys(m.text for m in view.mentions if m.kind == "country"))
        distinct = named and any(set(re.findall(r"[a-z]+", n.lower())) - ev.type.generic_words
                                 for n in named.split(" | "))
        if distinct and len(listed) > 2:  # the ministers of five countries sign the Bangkok Declaration
            ev.participants = listed
        if len(ev.participants) != 2:  # many signatories (or none named): the treaty's own name keys it
            ev.qualifier = named or ev.qualifier


def _one_actor(ev: EventMention, view: SentenceView, disc: Discourse, cx: _Clause) -> None:
    """One person or organisation: who was born, died, was elected, founded, sent."""
    t, sent, kind, s_text, rel, before, poss, c_lo = cx.t, cx.sent, cx.kind, cx.s_text, cx.rel, cx.before, cx.poss, cx.c_lo
    after = [m for m in view.mentions if m.start >= t.end and m.start - t.end < 45
             and re.match(r"\s*(?:of\s+)?(?:the\s+)?(?:[\w.’'-]+\s+){0,3}$",
                          view.text[t.end - sent.start : m.start - sent.start])
             and not re.match(r"['’]s\b", view.text[m.end - sent.start : m.end - sent.start + 3])]
    want = ("person",) if kind in ("person", "sender") else ("org", "country")
    after = [m for m in after if m.kind in want]
    if kind != "sender" and after:
        ev.agent = after[0].text
    elif poss:
        ev.agent = _resolve_pronoun(poss.group(1), view, t.start, disc)
    else:
        apos = re.search(r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)['’]s\s+(?:[\w-]+\s+){0,3}$", before)
        if apos:
            cand = [m for m in view.mentions if m.text.endswith(apos.group(1).split()[-1]) and m.kind in want]
            ev.agent = cand[-1].text if cand else None
        if ev.agent is None and kind == "sender":
            subj = [m for m in view.mentions if m.kind == "person" and c_lo <= m.start < t.start]
            ev.agent = subj[0].text if subj else None
        if ev.agent is None and kind == "person" and re.search(r"\b(?:born|died|passed away|elected)\b", t.text, re.I):
            # "X was born in ...", "X, who died in ...", "he died in ...": the subject before the verb
            prev = [m for m in view.mentions if m.kind == "person" and c_lo <= m.start and m.end <= t.start]
            who = re.search(r"(?:,\s*)?\bwho\s+(?:[\w-]+\s+){0,2}$", s_text[:rel])
            if prev:
                ev.agent = prev[-1].text if who else prev[0].text
            elif who:
                before_who = [m for m in view.mentions if m.kind == "person" and m.end <= t.start]
                ev.agent = before_who[-1].text if before_who else None
            elif re.search(r"\b(?:he|she)\s+(?:was\s+)?$", s_text[max(0, rel - 12) : rel], re.I):
                ev.agent = disc.subject
        if ev.agent is None and kind == "person":
            ev.agent = disc.short_title(s_text[rel : rel + 60])
    if ev.agent is None and kind == "organisation":
        subj = [m for m in view.mentions if m.kind in ("org", "country") and c_lo <= m.start and m.end <= t.start]
        m = re.match(r"\s*of\s+([^,.;]+)", s_text[t.end - sent.start :])
        gap = s_text[subj[-1].end - sent.start : rel] if subj else "-"
        if subj and re.fullmatch(r"\s*(?:(?:was|were|had been|has been|is)\s+)?", gap):
            ev.agent = subj[-1].text  # "The Workers' Party of Korea was founded on ..."
        elif m:
            ev.qualifier = re.sub(r"\W+", " ", m.group(1).lower()).strip()
    ev.participants = [ev.agent] if ev.agent else []


def _visitor_and_destination(ev: EventMention, view: SentenceView, disc: Discourse, cx: _Clause) -> None:
    """Who visited and where."""
    t, sent, s_text, rel, poss, c_lo = cx.t, cx.sent, cx.s_text, cx.rel, cx.poss, cx.c_lo
    if poss:
        ev.agent = _resolve_pronoun(poss.group(1), view, t.start, disc)
    else:
        prev = [m for m in view.mentions if m.kind == "person" and c_lo <= m.start < t.start]
        if prev:
            ev.agent = prev[-1].text
        else:
            pron = re.search(r"\b(he|she)\b[^,.;]{0,60}$", s_text[c_lo - sent.start : rel], re.I)
            if pron:
                ev.agent = _resolve_pronoun(pron.group(1), view, t.start, disc)
            elif re.search(r"\bwho\s+$", s_text[:rel]):
                prev_any = [m for m in view.mentions if m.kind == "person" and m.end <= t.start]
                ev.agent = prev_any[-1].text if prev_any else None
            else:  # "The Commander-in-Chief landed in Hanoi": a title standing for a name
                ev.agent = disc.short_title(s_text[c_lo - sent.start : rel])
    dest = [m for m in view.mentions if m.kind in ("country", "place") and t.end <= m.start < t.end + 45]
    if dest:
        ev.target = dest[0].text
    ev.participants = [p for p in (ev.agent, ev.target) if p]


def _people_met(ev: EventMention, view: SentenceView, disc: Discourse, cx: _Clause) -> None:
    """People: the subject of the clause (or sentence) and the persons named after the trigger."""
    t, sent, s_text, c_lo, c_hi = cx.t, cx.sent, cx.s_text, cx.c_lo, cx.c_hi
    people: list[str] = []
    subj_zone = [m for m in view.mentions if m.kind == "person" and c_lo <= m.start < t.start]
    if subj_zone:
        people.extend(m.text for m in subj_zone)
    else:
        lead = re.match(r"\s*(?:[A-Z][a-z]+\s+)?(He|She)\b", s_text)
        if lead:
            r = _resolve_pronoun(lead.group(1), view, sent.start, disc)
            if r:
                people.append(r)
            people.extend(_persons_between(view, sent.start, t.start))
        else:
            subj = sentence_subject(view.text, 0, [m for m in view.mentions if m.start < t.start])
            if subj:
                people.append(subj.text)
    nxt = [x.start for x in find_triggers(view.text, 0, len(view.text)) if x.start + sent.start > t.end]
    stop = min([sent.start + x for x in nxt], default=sent.end)
    stop = min(stop, c_hi)
    people.extend(_persons_between(view, t.end, stop))
    seen: list[str] = []
    for p in people:
        if p not in seen:
            seen.append(p)
    ev.participants = seen


# Participant strategies by the name events.yaml gives them (``participants:``).
PARTICIPANT_STRATEGIES: dict[str, Callable[[EventMention, SentenceView, Discourse, _Clause], None]] = {
    "countries": _countries_of,
    "person": _one_actor,
    "organisation": _one_actor,
    "sender": _one_actor,
    "visitor-destination": _visitor_and_destination,
    "people": _people_met,
    "none": _people_met,
}


def _attach_times(events: list[EventMention], view: SentenceView) -> None:
    """Give each event the time expressions that modify it.

    A date opening the sentence ("On October 28 1965, ...") scopes over every
    event in it; otherwise a date goes to the nearest trigger before it in its
    clause, or failing that the nearest after it.
    """
    if not events:
        return
    first_trigger = min(e.trigger.start for e in events)
    done: dict[int, list[EventMention]] = {}  # time start -> the repeated events it was given to
    for te in view.times:
        if te.kind not in DATE_KINDS or te.kind == "anniversary" or te.expr == "PUB+0D":
            continue  # "today" is almost always "nowadays" ("a treaty officials still cite today")
        if te.end <= first_trigger and re.match(r"\W*(?:On|In|At|By|During|Since)?\s*$",
                                                view.text[: te.start - view.sent.start], re.I):
            for e in events:
                e.times.append(te)
            continue
        c_lo, c_hi = clause_bounds(view.text, 0, len(view.text), te.start - view.sent.start)
        c_lo += view.sent.start
        c_hi += view.sent.start
        other_dates = [t.end for t in view.times if t is not te and t.kind in DATE_KINDS and t.end <= te.start
                       and not _list_siblings(view, t, te)]
        adjacent = [e for e in events if 0 <= e.trigger.start - te.end <= 3]
        if adjacent:  # "the 2019 summit", "their October talks": the date names its own event
            adjacent[0].times.append(te)
            continue
        before = [e for e in events if e.trigger.end <= te.start and e.trigger.start >= c_lo
                  and not any(e.trigger.end <= d <= te.start for d in other_dates)]
        after = [e for e in events if e.trigger.start >= te.end and e.trigger.start < c_hi]
        targets = before if before else ([min(after, key=lambda e: e.trigger.start)] if after else [])
        # "landed in Hanoi on September 21, 1973, on his first visit": the date is that visit's too
        for e in after:
            gap = view.text[te.end - view.sent.start : e.trigger.start - view.sent.start]
            if e not in targets and re.fullmatch(r"\s*,?\s*(?:on|during)\s+(?:his|her|their|a|the)\s+(?:[\w-]+\s+){0,2}", gap):
                targets.append(e)
        if not targets:  # "four summits: in Bali in February 1976, in Kuala Lumpur in August 1977, ...":
            # an item of a list of dated occurrences belongs to the repeated event its first item dates
            targets = next((list(done[t.start]) for t in view.times if t.start in done and t.end <= te.start
                            and _listed_occurrences(view, t, te)), [])
        for target in targets:
            target.times.append(te)
        done[te.start] = [e for e in targets if not e.type.unique]
        target = targets[-1] if targets else None
        # "... began 57 years ago when A met B": the when-clause shares the time
        for e in events:
            if e is not target and e.trigger.start >= te.end:
                gap = view.text[te.end - view.sent.start : e.trigger.start - view.sent.start]
                # commas allowed ("when the ministers of Indonesia, Malaysia, ..., signed"), but no other
                # date and no word that moves the time on ("later", "then")
                if (re.fullmatch(r"\s*,?\s*when\b[^.;]{0,240}", gap)
                        and not re.search(r"\b(?:later|then|after|afterwards|subsequently|until|earlier|before|"
                                          r"previously|ago|had)\b", gap, re.I)  # "who had signed": earlier
                        and not any(te.end < t.start < e.trigger.start for t in view.times if t.kind in DATE_KINDS)):
                    e.times.append(te)


_ANN_OBJECT = re.compile(
    r"\s*of\s+(?:the\s+)?([^;]*?)(?=$|[;.]|,\s+(?:and|which|who|when|where|while)\b|\s+was\b|\s+is\b|\s+in\s+\w+\s+of\b)")


def _anniversary_object(te: TimeExpr, view: SentenceView) -> tuple[int, int]:
    """Span of X in "the Nth anniversary of X" (empty when there is no "of")."""
    m = _ANN_OBJECT.match(view.text[te.end - view.sent.start :])
    if not m:
        return te.end, te.end
    return te.end, te.end + m.end()


def _this_month_marks(s_text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """ "This month marks ten years since the death ...": the event was in the month of writing,
    ten years back; "this month" is part of that reading, not a date of its own."""
    if not re.search(r"\bthis month (?:marks|marked|is|was)\b", s_text, re.I):
        return times
    elapsed = [t for t in times if t.kind == "elapsed" and re.fullmatch(r"PUB-\d+Y", t.expr)]
    if not elapsed:
        return times
    for t in elapsed:
        t.expr += "=M"
        t.derivation += "; in the month of publication"
    return [t for t in times if t.expr != "PUB+0M"]


_ITEM_PLACE = re.compile(r"\b(?:in|at)\s+((?:[A-Z][\w'’.-]*\s+){1,4})(?:in|on)\s+$")


def _item_place(view: SentenceView, te: TimeExpr, ev: EventMention) -> tuple[str | None, str]:
    """The place of the occurrence ``te`` dates: the one written with it in a list of dated places
    ("in Manila in December 1987"; a town the gazetteer does not know gives none), else the event's."""
    if len(ev.times) > 1:
        m = _ITEM_PLACE.search(view.text, 0, te.start - view.sent.start)
        if m:
            found = place_rules.find_places(view.text, m.start(), m.end(1))
            city = next((p for p in found if p.kind == "city"), None)
            return (city.name, "city") if city else (None, "")
    return ev.place, ev.place_kind


_LIST_ITEM_GAP = re.compile(r"\s*,\s*(?:and\s+)?(?:in|at)\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:in|on)\s+")


def _listed_occurrences(view: SentenceView, a: TimeExpr, b: TimeExpr) -> bool:
    """``a`` and ``b`` are items of one list of dated places ("in Bali in February 1976, in Kuala
    Lumpur in August 1977, and in Singapore in January"), every item between them too."""
    items = [t for t in view.times if a.start <= t.start and t.end <= b.end and t.kind in DATE_KINDS]
    return len(items) >= 2 and all(
        _LIST_ITEM_GAP.fullmatch(view.text[x.end - view.sent.start : y.start - view.sent.start])
        for x, y in zip(items, items[1:], strict=False))


def _list_siblings(view: SentenceView, a: TimeExpr, b: TimeExpr) -> bool:
    """ "in 1970 and 1977 respectively": dates of one list share their triggers."""
    lo, hi = sorted((a, b), key=lambda t: t.start)
    gap = view.text[lo.end - view.sent.start : hi.start - view.sent.start]
    if re.fullmatch(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:in\s+|on\s+)?", gap):
        return True
    if re.fullmatch(r"\s*,?\s*(?:on|in|at|of)?\s*", gap):  # "five years ago on March 1-2 2019": one time, said twice
        return True
    between = [t for t in view.times if lo.end <= t.start and t.end <= hi.start and t.kind in DATE_KINDS]
    return bool(between) and all(_list_siblings(view, lo, t) for t in between[:1]) and _list_siblings(view, between[-1], hi)


def _anniversary_event(te: TimeExpr, view: SentenceView, disc: Discourse) -> EventMention:
    """ "the Nth anniversary of X": the event X, typed through the same lexicon."""
    sent = view.sent
    tail_rel = te.end - sent.start
    m = _ANN_OBJECT.match(view.text[tail_rel:])
    obj = m.group(1) if m else ""
    types = event_types()
    if te.mod == "birth":
        et, tr = types["birth"], Trigger(types["birth"], te.start, te.end, te.text)
    elif te.mod == "death":
        et, tr = types["death"], Trigger(types["death"], te.start, te.end, te.text)
    elif te.mod == "founding":
        et, tr = types["founding"], Trigger(types["founding"], te.start, te.end, te.text)
    else:
        inner = find_triggers(view.text, tail_rel, tail_rel + len(m.group(0))) if m else []
        inner = [t for t in inner if t.type.unique]
        if inner:
            t0 = inner[0]
            tr = Trigger(t0.type, t0.start + sent.start, t0.end + sent.start, t0.text)
            et = t0.type
        else:
            et = types["founding"]
            tr = Trigger(et, te.start, te.end, te.text)
            ev = EventMention(et, tr, times=[te])
            cands = [x for x in view.mentions if x.start >= te.end and x.start - te.end < 12 and x.kind in ("org", "country")
                     and not re.match(r"['’]s\b", view.text[x.end - sent.start : x.end - sent.start + 3])]
            if cands:
                ev.agent = cands[0].text
                ev.participants = [ev.agent]
            else:
                ev.qualifier = re.sub(r"[^\w]+", " ", obj.lower()).strip()[:80] or None
                if ev.qualifier is None:
                    poss = re.search(r"\b(its|his|her)\s+$", view.text[: te.start - sent.start])
                    if poss:
                        who = _resolve_pronoun(poss.group(1), view, te.start, disc)
                        if who:
                            ev.agent = who
                            ev.participants = [who]
            if not cands:
                ev.type = types["anniversary"]
            return ev
    ev = EventMention(et, tr, times=[te])
    if et.participants == "countries":
        ev.trigger = tr
        _participants(ev, view, disc)
    else:
        tmp = EventMention(et, Trigger(et, te.start, te.end, te.text))
        _participants(tmp, view, disc)
        ev.agent, ev.participants, ev.qualifier = tmp.agent, tmp.participants, tmp.qualifier
        if ev.agent is None and et.name in ("birth", "death"):
            poss = re.match(r"\s*of\s+(his|her)\b", view.text[tail_rel:])
            who = _resolve_pronoun(poss.group(1), view, te.start, disc) if poss else None
            who = who or disc.short_title(view.text[tail_rel : tail_rel + 40])
            if who:
                ev.agent, ev.participants = who, [who]
    return ev


def extract_claims(source: Source, mentions: list[Mention], times: list[TimeExpr]) -> list[Claim]:
    """All claims of one source, in reading order (a pure function of its inputs)."""
    text = source.text
    claims: list[Claim] = []
    seen_ids: dict[str, int] = {}
    disc = Discourse()
    skip_spans = _dateline_spans(source)
    by_sent_m: dict[int, list[Mention]] = {}
    by_sent_t: dict[int, list[TimeExpr]] = {}
    for m in full_names(mentions):
        by_sent_m.setdefault(_sent_index(source.sentences, m.start), []).append(m)
    for te in times:
        by_sent_t.setdefault(_sent_index(source.sentences, te.start), []).append(te)

    def add(kind: str, subject: str, parts: list[tuple[int, int]], sent: Sentence, **kw: object) -> Claim:
        a, z = _quote_span(text, sent, parts)
        quote = text[a:z]
        key = f"{subject}|{kw.get('event_type')}|{kw.get('expr')}|{kw.get('value')}|{kw.get('object')}"
        cid = _claim_id(source.id, kind, quote, key, seen_ids)
        c = Claim(id=cid, source=source.id, kind=kind, subject=subject, quote=quote, span=(a, z), **kw)  # type: ignore[arg-type]
        claims.append(c)
        return c

    narration: tuple[TimeExpr, int] | None = None  # the last date named, and its paragraph
    focus = source_focus(mentions, text)
    for sent in source.sentences:
        if any(a <= sent.start and sent.end <= z for a, z in skip_spans):
            continue
        s_text = text[sent.start : sent.end]
        view = SentenceView(sent, s_text, sorted(by_sent_m.get(sent.index, []), key=lambda m: m.start),
                            _this_month_marks(s_text, by_sent_t.get(sent.index, [])), is_past(s_text))
        triggers = find_triggers(text, sent.start, sent.end)
        inside = [_anniversary_object(te, view) for te in view.times if te.kind == "anniversary"]
        inside += [(te.start, te.end) for te in view.times if te.kind == "anniversary"]  # "birth anniversary" itself
        triggers = [t for t in triggers if not any(a <= t.start < z for a, z in inside)]
        events: list[EventMention] = []
        for t in triggers:
            ev = EventMention(t.type, t, ordinal=t.ordinal)
            _participants(ev, view, disc)
            if (not ev.participants and ev.type.participants == "person" and focus.person
                    and chronology_line(text, sent.start, t.start)):  # "July 18, 1918: Born into ..."
                ev.agent, ev.participants = focus.person, [focus.person]
            events.append(ev)
        _attach_times(events, view)
        anniv = [_anniversary_event(te, view, disc) for te in view.times if te.kind == "anniversary"]
        frames = _frames(text, view, events, triggers, focus, disc, inside)
        used_times: set[int] = set()
        sentence_time: TimeExpr | None = None
        for ev in events + anniv + frames:
            _place_of(ev, view)
            base_occ = f"{source.id}@{ev.trigger.start}"
            absolute = [te for te in ev.times if te.value is not None or te.expr.startswith("XXXX")]
            for te in ev.times:
                if len(absolute) > 1:
                    occ = f"{base_occ}.{absolute.index(te)}" if te in absolute else None
                else:
                    occ = base_occ
                used_times.add(te.start)
                sentence_time = sentence_time or (te if te.kind != "anniversary" else None)
                kind = {"anniversary": "anniversary", "elapsed": "elapsed", "relative": "elapsed"}.get(te.kind, "event_date")
                parts = [(te.start, te.end), (ev.trigger.start, ev.trigger.end)]
                if ev.trigger.ordinal_span:  # the quote shows the ordinal ("its third summit")
                    parts.append(ev.trigger.ordinal_span)
                parts += [(m.start, m.end) for m in view.mentions if m.text in ev.participants]
                if ev.type.participants == "frame" and ev.target:  # the quote shows the object ("Enrols at X")
                    parts += [(m.start, m.end) for m in view.mentions if m.text in ev.target
                              and abs(m.start - ev.trigger.end) < 80]
                if ev.place_span is not None:  # "born on 14 March 1921 in Alma-Ata": the quote shows where
                    parts.append(ev.place_span)
                subject = ev.agent or ("" if ev.type.participants == "visitor-destination"
                                       else " + ".join(ev.participants) or (ev.qualifier or ""))
                add(kind, subject, parts, sent, event_type=ev.type.name, participants=list(ev.participants),
                    predicate="date", object=ev.target or ev.qualifier, value=te.value.iso if te.value else None,
                    precision=te.value.precision if te.value else None, expr=te.expr, raw=te.text,
                    derivation=te.derivation, bounds=te.mod if te.kind in ("elapsed", "vague") else None,
                    resolved=te.value is not None, occurrence=occ)
                if ev.ordinal is not None:
                    add("ordinal", subject, parts, sent, event_type=ev.type.name, participants=list(ev.participants),
                        predicate="ordinal", object=ev.target, value=ev.ordinal, expr=te.expr, raw=ev.trigger.text,
                        time=te.value.iso if te.value else None, occurrence=occ,
                        derivation=f'"{ev.trigger.text}": occurrence number {ev.ordinal}')
                place, place_kind = _item_place(view, te, ev)
                if place:
                    add("place", subject, parts, sent, event_type=ev.type.name, participants=list(ev.participants),
                        predicate="place", object=place_kind, value=place, expr=te.expr, raw=place,
                        time=te.value.iso if te.value else None, occurrence=occ,
                        derivation="place named with the event")
            if not ev.times and ev.ordinal is not None:
                parts = [(ev.trigger.start, ev.trigger.end)] + [(m.start, m.end) for m in view.mentions if m.text in ev.participants]
                if ev.trigger.ordinal_span:
                    parts.append(ev.trigger.ordinal_span)
                add("ordinal", ev.agent or " + ".join(ev.participants), parts, sent, event_type=ev.type.name,
                    participants=list(ev.participants), predicate="ordinal", object=ev.target, value=ev.ordinal,
                    raw=ev.trigger.text, derivation=f'"{ev.trigger.text}": occurrence number {ev.ordinal}, undated')
        # dates attached to no event are still listed, so every date in the text is in the table
        for te in view.times:
            if te.start in used_times or te.kind in ("anaphoric",) or te.expr == "REF":
                continue
            kind = "elapsed" if te.kind in ("elapsed", "relative", "vague") else "event_date"
            # no event to point at: quote the sentence, so a reader sees what the date is about
            whole = [(sent.start, sent.end)] if sent.end - sent.start <= 300 else [(te.start, te.end)]
            add(kind, "", whole, sent, predicate="date", value=te.value.iso if te.value else None,
                precision=te.value.precision if te.value else None, expr=te.expr, raw=te.text,
                derivation=te.derivation, bounds=te.mod if te.kind in ("elapsed", "vague") else None,
                resolved=te.value is not None)
        if sentence_time is None:
            dated = [te for te in view.times if te.kind in ("date", "range") and te.expr != "REF"]
            sentence_time = dated[0] if dated else None
        role_time, narrated = sentence_time, False
        if role_time is None and view.past and narration is not None and narration[1] == sent.paragraph:
            role_time, narrated = narration[0], True  # "The August 1958 trip mattered most. Prime Minister X arrived ..."
        if sentence_time is not None:
            narration = (sentence_time, sent.paragraph)
        _role_claims(view, role_time, add, sent, disc, narrated)
        measured = _quantity_claims(text, view, sentence_time, add, sent, disc, focus)
        _count_claims(view, sentence_time, add, sent, disc, measured)
        disc.note_sentence(text, sent.start, view.mentions)
    return claims


def _frames(text: str, view: SentenceView, events: list[EventMention], triggers: list[Trigger], focus: SourceFocus,
            disc: Discourse, blocked: list[tuple[int, int]]) -> list[EventMention]:
    """Claim frames for the dates no listed event took (see ``extract.frames``), with their times."""
    # a date a listed event took may date a frame too ("On 7 December 1988 Mandela was moved to ... to meet
    # visitors"): the frame's own attachment rules are stricter than the listed events'
    free = [te for te in view.times if te.kind != "anniversary"]
    if not free:
        return []
    blocked = blocked + [(t.start, t.end) for t in triggers] + [(te.start, te.end) for te in view.times]
    return find_frames(text, view.sent.start, view.sent.end, view.mentions, free, blocked, focus,
                       lambda word, pos: _resolve_pronoun(word, view, pos, disc))


def _place_of(ev: EventMention, view: SentenceView) -> None:
    if ev.type.name in place_rules.gazetteer().life_events:  # "born ... in Semipalatinsk"
        c_lo, c_hi = clause_bounds(view.text, 0, len(view.text), ev.trigger.start - view.sent.start)
        found = place_rules.find_life_place(view.text, max(c_lo, ev.trigger.end - view.sent.start), c_hi)
        if found is not None:
            base = view.sent.start
            ev.place, ev.place_kind = found.name, found.kind
            ev.place_span = (base + found.span[0], base + found.span[1])
        return
    if ev.type.place != "city":  # events.yaml says which events are placed in a city
        return
    c_lo, c_hi = clause_bounds(view.text, 0, len(view.text), ev.trigger.start - view.sent.start)
    places = place_rules.find_places(view.text, c_lo, c_hi)
    for p in places:
        if p.kind == "city":
            ev.place = p.name
            return


def body_canon(name: str) -> str:
    """Bodies name organisations and countries: their registered id, so aliases agree."""
    entry = builtin_registry().lookup(name)
    return entry.id if entry is not None else name


def _role_claims(view: SentenceView, when: TimeExpr | None, add, sent: Sentence, disc: Discourse,  # type: ignore[no-untyped-def]
                 narrated: bool = False) -> None:
    """Titles held by people named in the sentence, at the sentence's time.

    A bare title with no body ("President X") in a sentence that names no
    date says nothing checkable about when it was held, so it gives no claim.
    A title written before a name is marked ``bounds: before-name``: news
    often writes today's title there ("Chinese President Xi Jinping visited
    in 2009"), so it is compared only with other titles written the same way.
    """
    persons = [(m.start - sent.start, m.end - sent.start) for m in view.mentions if m.kind == "person"]
    names = {(m.start - sent.start, m.end - sent.start): m.text for m in view.mentions if m.kind == "person"}
    roles = role_rules.find_titles(view.text, 0, len(view.text), persons, canon=body_canon)
    for r in roles:
        if r.is_epithet or r.person_span is None or r.qualifier:
            continue
        person = names.get(tuple(r.person_span))
        if person and (r.body or when is not None):
            before_name = r.span[1] <= r.person_span[0]
            at = _clause_time(view, r.span[0]) or when
            _add_role(add, sent, view, r, person, at, narrated and at is when, "before-name" if before_name else None)
    for r in role_rules.find_as_titles(view.text, 0, len(view.text), canon=body_canon, persons=persons):
        if r.is_epithet or r.qualifier:
            continue
        holder = names.get(tuple(r.person_span)) if r.person_span else None
        holder = holder or _as_title_holder(view, r.span[0], disc)
        if holder and (r.body or when is not None):
            _add_role(add, sent, view, r, holder, when, narrated)


def _clause_time(view: SentenceView, pos: int) -> TimeExpr | None:
    """The date named in the clause of ``pos`` (sentence-relative), nearest first."""
    lo, hi = clause_bounds(view.text, 0, len(view.text), pos)
    base = view.sent.start
    here = [t for t in view.times if t.kind in ("date", "range") and t.expr != "REF"
            and lo <= t.start - base < hi]
    return min(here, key=lambda t: abs(t.start - base - pos)) if here else None


def _as_title_holder(view: SentenceView, pos: int, disc: Discourse) -> str | None:
    """Who holds "as <title>": the owner of "his reelection as", else "he", else the subject."""
    before = view.text[:pos]
    abs_pos = view.sent.start + pos
    prev = [m for m in view.mentions if m.kind == "person" and m.end <= abs_pos]
    if re.fullmatch(r"\W*(?:[A-Z][\w-]*\s+){0,3}?as\s+(?:the\s+|a\s+|an\s+)?", before, re.I):
        # fronted: "As President of the Academy, he led ...": the main clause's subject holds it
        main = re.search(r",\s*(?:then\s+)?", view.text[pos:])
        if main:
            at = pos + main.end()
            if re.match(r"(?:he|she)\b", view.text[at:], re.I):
                return disc.subject
            lead = [m for m in view.mentions if m.kind == "person" and m.start - view.sent.start == at]
            return lead[0].text if lead else None
    if re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+){1,2}as\s+(?:the\s+)?$", before, re.I):
        if prev:
            return prev[-1].text
        after = [m for m in view.mentions if m.kind == "person" and m.start > abs_pos]
        return after[0].text if after else disc.subject  # "During his stint as ..., Ho Chi Minh ..."
    lead = re.search(r"\b(he|she)\b", before, re.I)
    if lead and not [m for m in prev if m.start - view.sent.start < lead.start()]:
        return disc.subject
    subj = sentence_subject(view.text, 0, [m for m in prev])
    return subj.text if subj else None


def _add_role(add, sent: Sentence, view: SentenceView, r, person: str, when: TimeExpr | None,  # type: ignore[no-untyped-def]
              narrated: bool = False, bounds: str | None = None) -> None:
    """A role claim; its time is the sentence's date (or the date the narration is at),
    else the publication date for a sentence in the present, else unknown."""
    a, z = r.span
    parts = [(a + sent.start, z + sent.start)]
    if r.person_span:
        parts.append((r.person_span[0] + sent.start, r.person_span[1] + sent.start))
    expr = when.expr if when is not None else (None if view.past else "PUB")
    if when is not None:
        derivation = f"held at the time of {when.text!r}" + (" (the date the narration is at)" if narrated else "")
    else:
        derivation = "time not stated (past narration)" if expr is None else "held at the time of publication"
    if bounds == "before-name":
        derivation += "; title written before the name"
    add("role", person, parts, sent, event_type=None, participants=[person], predicate="title",
        object=r.body or "", value=r.office, raw=r.text, expr=expr, bounds=bounds,
        time=when.value.iso if when is not None and when.value else None, derivation=derivation)


def _quantity_claims(text: str, view: SentenceView, when: TimeExpr | None, add, sent: Sentence,  # type: ignore[no-untyped-def]
                     disc: Discourse, focus: SourceFocus) -> list[tuple[int, int]]:
    """Quantities with an attribute ("1,149 metres long", "killing 1,514 people"); the figures' spans."""
    spans = []
    for q in find_quantities(text, view.sent.start, view.sent.end):
        subject = quantity_subject(text, view.sent.start, view.sent.end, q, view.mentions, focus,
                                   lambda word, pos: _resolve_pronoun(word, view, pos, disc))
        parts = [q.span] + ([q.cue] if q.cue[1] > q.cue[0] else [])
        unit = q.unit + (f"@{q.qualifier}" if q.qualifier else "")
        slot_type: str | None = q.attribute
        if q.timed:  # an age: only figures for the same year compare ("71" in 1813, "73" at Waterloo)
            if when is not None and when.value is not None:
                unit += f"@{when.value.start.year}"
            else:
                slot_type = None  # listed, never compared
        high = "" if q.high is None else f"-{q.high:g}"
        add("count", subject or "", parts, sent, predicate=q.attribute, event_type=slot_type,
            participants=[subject] if subject else [], object=unit or None, value=round(q.value, 6),
            value_low=round(q.low, 6), value_high=None if q.high is None else round(q.high, 6), bounds=q.bounds,
            precision=q.written_unit or None,
            raw=q.text, expr=when.expr if when else "PUB",
            derivation=f'{q.label}: "{q.text}" read as {q.low:g}{high if q.high is not None else " or more"}'
                       f"{(' ' + q.unit) if q.unit else ''}" + (f" ({q.qualifier})" if q.qualifier else ""))
        spans.append(q.number_span)
    return spans


def _count_claims(view: SentenceView, when: TimeExpr | None, add, sent: Sentence, disc: Discourse,  # type: ignore[no-untyped-def]
                  measured: list[tuple[int, int]]) -> None:
    for c in count_rules.find_counts(view.text, 0, len(view.text)):
        a, z = c.span
        if any(a + sent.start <= x < z + sent.start for x, _ in measured):
            continue  # already a quantity with its attribute
        thing = c.thing or ""
        if not thing:
            continue
        hi = c.high
        add("count", thing, [(a + sent.start, z + sent.start)], sent, predicate="count", object=c.unit,
            value=c.number_text, value_low=float(c.low), value_high=None if hi is None else float(hi),
            bounds=c.bounds, raw=c.text, expr=when.expr if when else "PUB",
            participants=_count_parties(view, disc, c),
            derivation=f"{c.bounds or 'exactly'} {c.low:g}" + (f" to {hi:g}" if hi not in (None, c.low) else ""))


def _count_parties(view: SentenceView, disc: Discourse, c) -> list[str]:  # type: ignore[no-untyped-def]
    """Who a count is about: "between the two countries", or the two countries the sentence
    names, a nationality before the counted thing standing for its country ("Cuban engineers")."""
    if two_countries_phrase(view.text):
        return disc.two_countries(view.mentions)
    between = view.text[c.span[1] : c.thing_span[0]]
    own = [country for adj, country in count_rules.demonyms().items() if re.search(rf"\b{adj}\b", between)]
    if own:  # "1,000 Cuban engineers ... came to Vietnam": Cuba's, and the country named after them
        after = [m.text for m in view.mentions if m.kind == "country" and m.start >= view.sent.start + c.thing_span[1]]
        pair = _distinct(own[:1] + after[:2])[:2]
        return pair if len(pair) == 2 else []
    named = _distinct([m.text for m in view.mentions if m.kind == "country"])
    return named if len(named) == 2 else []


def full_names(mentions: list[Mention]) -> list[Mention]:
    """ "Sihanouk" or "Fidel" alone stands for the one full name of the source it belongs to.

    Only when one person named in full in the source clearly owns that first or
    last word ("Kim" among Kim Il Sung and Kim Jong Un stays as written).
    """
    from crosscheck.extract import main_bearer

    owners: dict[str, list[str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.kind == "person" and len(words) >= 2:
            for w in (words[0], words[-1]):
                owners.setdefault(w, []).append(m.text)
    out = []
    for m in mentions:
        full = main_bearer(owners[m.text]) if m.kind == "person" and " " not in m.text and m.text in owners else None
        out.append(replace(m, text=full) if full else m)
    return out


def _sent_index(sentences: list[Sentence], pos: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if pos < s.start:
            hi = mid - 1
        elif pos >= s.end:
            lo = mid + 1
        else:
            return s.index
    return -1


def _dateline_spans(source: Source) -> list[tuple[int, int]]:
    """The dateline that gave the publication date is metadata, not a claim."""
    ev = source.published_evidence
    if source.published_basis == "stated" and ev:
        i = source.text.find(ev)
        if i >= 0:
            line_start = source.text.rfind("\n", 0, i) + 1
            line_end = source.text.find("\n", i)
            return [(line_start, len(source.text) if line_end < 0 else line_end)]
    return []
