"""Claim frames on any subject: subject, predicate (from the open lexicon), object, time.

Where the closed event list (``rules/events.yaml``) finds no event for a date,
a sentence is read for a predicate of ``rules/predicates.yaml`` ("opened",
"the sinking", "joins", "was sentenced to life") and its arguments:

- the *subject* is what the frame is about.  For a predicate ``about:
  patient`` it is what the verb acts on: the name after an active verb ("Lang
  opened the bridge"), else the name before it ("the bridge was opened",
  "the bridge, opened in 1932"), or after "of" for a noun ("the opening of the
  bridge").  For ``about: agent`` it is who acts ("Mandela joins the ANC").
  A pronoun is resolved through the discourse; a definite description ("the
  bridge", "the communique") stands for the most salient named thing of that
  head in the source; a chronology line ("1940 - Expelled") is about the
  person the source is about.
- the *object* is part of the slot for predicates that take one ("joined the
  ANC" and "joined the Youth League" are two facts).
- negated or planned happenings ("never opened", "is expected to open") give
  no frame: they are not facts.

The frames travel as ``EventMention`` records, so times, places, quotes and
claims come out exactly as for the listed events.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from crosscheck.extract.events import PREPOSITIONS, EventMention, Trigger, clause_bounds
from crosscheck.extract.quantities import QuantityExpr
from crosscheck.lexicon.events import event_types
from crosscheck.lexicon.predicates import Predicate, predicate_lexicon
from crosscheck.lexicon.quantities import quantity_lexicon
from crosscheck.records import Mention, TimeExpr

_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|had\s+been|has\s+been)\s+(?:\w+ly\s+)?$", re.I)
_PRONOUN = re.compile(r"(?<![\w-])(he|she|it|they|his|her|its|their)(?![\w-])", re.I)
_DET_THING = re.compile(r"(?<![\w-])(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat)\s+([a-z]+)(?:\s+([a-z]+))?(?![\w-])")
# "the liner Queen Mary", "the ferry Estonia": a name right after a thing's class noun names that thing
_CLASS_NAME = re.compile(r"(?<![\w-])(?:[Tt]he\s+)?(?:[a-z]+\s+)?([a-z]+)\s+((?:[A-Z][\w'’-]*)"
                         r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,4})")
_OBJECT_GAP = re.compile(r"^\s*(?:(?:to|at|in|from|with|into|the|a|an|his|her|its|their|first|new)\s+)*$", re.I)
_ACTIVE_GAP = re.compile(r"^\s*(?:(?:the|a|an|his|her|its|their|newly|officially|formally)\s+)*$", re.I)
_OF_GAP = re.compile(r"^\s*of\s+(?:the\s+)?$", re.I)
# a one-word name before a verb ("Titanic was launched"), or after "the" ("the Carpathia")
_BARE_NAME = re.compile(r"(?:(?<![\w-])[Tt]he\s+)?(?<![\w-])([A-Z][a-z]{2,})(?=\s+(?:was|were|had|has|is)?\s*\w*$|\s*$)")
_IN_NAME_RUN = re.compile(r"[A-Z][\w'’-]*\s+(?:(?:of|and|the|for|de|von)\s+)*$")
_NOT_BARE = frozenset(["the", "this", "that", "these", "those", "there", "then", "when", "after", "before", "during",
                       "it", "he", "she", "they", "his", "her", "its", "their", "in", "on", "at", "by", "from",
                       "january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday", "today", "yesterday", "construction", "work", "building"])
_FRONTED = re.compile(r"\W*(?:when|after|before|as|once|since|while|although|though)\s+$", re.I)
_CATAPHORA = re.compile(r"[^,.;]{0,60},\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,3})")
_COORDINATED = re.compile(r",?\s+(?:and|but)\s*$")
_OF_PART = re.compile(r"\s+of\s+(?:the|its)\s+(?:two\s+|main\s+|central\s+)?([a-z]+)\b")
_LIFE_OF = re.compile(r"(?:\b(?:life|biography|timeline|chronology|profile|obituary)\s+of\s+|^Timeline:\s*|"
                      r"\bTimeline:\s*)$", re.I | re.M)
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")
_PERIOD_FROM = re.compile(r"\b(?:from|between)\s+$")
_PERIOD_TO = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*")
_APPROACHING = re.compile(r"(?:\s+of\s+[^,.;]{1,40}?)?\s+(?:approached|neared|drew\s+near|was\s+near|loomed|was\s+imminent)\b")
# a capitalised word after a lower-case word or a comma is a name, not a sentence start
_MID_SENTENCE_NAME = re.compile(r"[a-z,;]\s+([A-Z][a-z]{2,})\b")
_LEADING_DATE = re.compile(r"^\W*(?:(?:On|In|By|From|During)\s+)?$", re.I)
_PARTICIPLE_BREAK = re.compile(r",\s+(?:[a-z]+ing|later|then|after\s+which)\b")
_DATE_KINDS = ("date", "range", "relative", "elapsed")
_APPOSITIVE = re.compile(r"\s*(?:a|an|the|who|which|whose|whom)\s", re.I)
_HOW = ("named", "chronology", "focus")  # how a frame's subject was found, most trusted first
_MAX_OBJECT_GAP = 40

PronounResolver = Callable[[str, int], str | None]  # (pronoun as written, its offset) -> a name


@dataclass(frozen=True)
class SourceFocus:
    """What a source is about: its main person and its named things by head noun."""

    person: str | None
    things: dict[str, str]  # head noun ("bridge") -> the most mentioned name with that head
    thing: str | None = None  # the named thing the source names most often (at least twice)
    names: frozenset[str] = frozenset()  # capitalised words the source also writes inside a sentence


def source_focus(mentions: list[Mention], text: str = "") -> SourceFocus:
    """The person named most often (counting lone surnames), or named as the one whose life the page tells
    ("Key dates in the life of X", "Timeline: X"), and the salient named thing per head."""
    heads = predicate_lexicon().thing_heads
    people: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}  # surname -> full forms written
    things: dict[str, Counter[str]] = {}
    for m in mentions:
        words = m.text.split()
        if not words:
            continue
        if m.kind == "person":
            people[words[-1]] += 1
            if len(words) >= 2:
                forms.setdefault(words[-1], Counter())[m.text] += 1
        head = words[-1].lower()
        if head in heads and len(words) >= 2:
            things.setdefault(head, Counter())[m.text] += 1
    person = None
    if people:
        (top, n), *rest = people.most_common(2) + [("", 0)]
        if n > rest[0][1] and (n >= 2 or rest[0][1] == 0) and top in forms:  # named most, or the only one
            # the full form written most often ("Nelson Mandela", not the birth name written once)
            person = max(forms[top].items(), key=lambda kv: kv[1])[0]  # ties: the form named first
    if text:
        told = [m.text for m in mentions if m.kind == "person" and len(m.text.split()) >= 2
                and _LIFE_OF.search(text, max(0, m.start - 40), m.start)]
        if told:
            person = told[0]
    ranked = sorted(((n, name) for c in things.values() for name, n in c.items()), key=lambda x: (-x[0], x[1]))
    thing = ranked[0][1] if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]) else None
    names = frozenset(m.group(1) for m in _MID_SENTENCE_NAME.finditer(text))  # one pass over the source
    return SourceFocus(person, {h: c.most_common(1)[0][0] for h, c in sorted(things.items())}, thing, names)


def find_frames(text: str, sent_start: int, sent_end: int, mentions: list[Mention], times: list[TimeExpr],
                taken: list[tuple[int, int]], focus: SourceFocus, pronoun: PronounResolver) -> list[EventMention]:
    """Dated frames of one sentence (outside the spans ``taken`` by listed events), each with its time."""
    if text[sent_start:sent_end].rstrip().endswith("?"):
        return []  # a question asserts nothing
    lex = predicate_lexicon()
    out: list[EventMention] = []
    for m in lex.pattern.finditer(text, sent_start, sent_end):
        a, z = m.span()
        if any(x < z and a < y for x, y in taken):
            continue
        # of the readings of a form ("joined": the arch's halves, or a person joining a party), the one
        # whose subject the sentence names wins over one read from the source's focus
        found = [f for pred, noun in lex.readings(m.group(0))
                 if (f := _frame(text, sent_start, sent_end, a, z, pred, noun, mentions, focus, pronoun)) is not None]
        if found:
            out.append(min(found, key=lambda f: _HOW.index(f[1]))[0])
    triggers = sorted((ev.trigger.start, ev.trigger.end) for ev in out) + sorted(taken)
    dated: list[EventMention] = []
    for ev in out:
        period = lex.predicates[ev.type.name].period
        if period:  # "built from April 20, 1931 to March 1, 1936": a start and an end
            dated += _period(text, sent_start, sent_end, ev, period, times)
            continue
        te = _time_of(text, sent_start, sent_end, ev.trigger.start, ev.trigger.end, times, triggers)
        if te is not None:
            ev.times.append(te)
            dated.append(ev)
    return dated


def _period(text: str, sent_start: int, sent_end: int, ev: EventMention, period: tuple[str, ...],
            times: list[TimeExpr]) -> list[EventMention]:
    """The start and end frames of a "from A to B" (or "between A and B") period after the trigger."""
    _, hi = _frame_clause(text, sent_start, sent_end, ev.trigger.start)
    dated = [te for te in times if te.kind in ("date", "range") and ev.trigger.end <= te.start < hi]
    types = event_types()
    for a, b in zip(dated, dated[1:], strict=False):
        if _PERIOD_FROM.search(text, ev.trigger.end, a.start) and _PERIOD_TO.fullmatch(text, a.end, b.start):
            out = []
            for name, te in zip(period, (a, b), strict=True):
                et = types.get(name)
                if et is not None:
                    part = EventMention(et, Trigger(et, ev.trigger.start, ev.trigger.end, ev.trigger.text),
                                        participants=list(ev.participants), agent=ev.agent)
                    part.times.append(te)
                    out.append(part)
            return out
    return []


def _frame(text: str, sent_start: int, sent_end: int, a: int, z: int, pred: Predicate, noun: bool,
           mentions: list[Mention], focus: SourceFocus, pronoun: PronounResolver) -> tuple[EventMention, str] | None:
    """The frame of one reading of the trigger at a:z and how its subject was found, or None when it has no
    subject (or no object it needs)."""
    et = event_types().get(pred.name)
    if et is None:
        return None
    if not noun and pred.needs_before is not None and not pred.needs_before.search(text[sent_start:a]):
        return None
    lo, hi = clause_bounds(text, sent_start, sent_end, a)
    if pred.passive_only and not noun and not _PASSIVE_BEFORE.search(text[lo:a]):
        return None
    lex = predicate_lexicon()
    if _not_a_fact(text, lo, a, lex.negations, lex.modal_re) or (noun and _APPROACHING.match(text, z, hi)):
        return None  # "as completion of the dam approached": not yet
    found = _subject(text, lo, hi, sent_start, a, z, pred, noun, mentions, focus, pronoun)
    if found is None:
        return None
    subject, how = found
    obj = _object(text, z, hi, pred, mentions, focus, exclude=subject)
    if pred.object != "none" and obj is None:
        return None
    ev = EventMention(et, Trigger(et, a, z, text[a:z]))
    ev.participants = [subject]
    ev.agent = subject
    ev.target = obj
    return ev, how


def _frame_clause(text: str, sent_start: int, sent_end: int, pos: int) -> tuple[int, int]:
    """The clause around ``pos``; a participial clause (", becoming permanent in 1895") is a clause of its own."""
    lo, hi = clause_bounds(text, sent_start, sent_end, pos)
    for m in _PARTICIPLE_BREAK.finditer(text, lo, hi):
        if m.start() >= pos:
            return lo, m.start()
        lo = m.start() + 1  # the participle itself opens the clause
    return lo, hi


def _time_of(text: str, sent_start: int, sent_end: int, a: int, z: int, times: list[TimeExpr],
             triggers: list[tuple[int, int]]) -> TimeExpr | None:
    """The time a frame's trigger at a:z is dated by, in this order of trust:

    the first date after it in its clause with no other trigger in between ("opened on 19 March 1932");
    an elapsed time before it ("90 years since the bridge opened"); a date right before it ("the 1932
    opening"); the date that opens its sentence or clause ("1957 Mandela divorces ...", "In 1891 he married").
    """
    lo, hi = _frame_clause(text, sent_start, sent_end, a)
    dated = [te for te in times if te.kind in _DATE_KINDS and te.expr != "PUB+0D"]
    for te in dated:
        if z <= te.start < hi and not any(z <= x and y <= te.start for x, y in triggers):
            return te
    before = [te for te in dated if lo <= te.start and te.end <= a and not any(te.end <= x and y <= a for x, y in triggers)]
    for te in reversed(before):
        if te.kind in ("elapsed", "relative"):
            return te
    for te in reversed(before):
        if 0 <= a - te.end <= 3:
            return te
    for te in before:
        if _LEADING_DATE.match(text[lo : te.start]) or _LEADING_DATE.match(text[sent_start : te.start]):
            return te
    # a date opening the sentence dates everything in it up to the next date ("On 9 September 1935, as ...,
    # Roosevelt visited the dam for its formal dedication")
    for te in dated:
        leading = te.end <= a and _LEADING_DATE.match(text[sent_start : te.start]) is not None
        if leading and not any(te.end <= o.start and o.end <= a for o in dated if o is not te):
            return te
    return None


def _not_a_fact(text: str, lo: int, a: int, negations: tuple[str, ...], modal_re: re.Pattern[str]) -> bool:
    """A negation just before the verb, or a modal or plan marker earlier in its clause."""
    before = text[max(lo, a - 30) : a].lower()
    words = re.findall(r"[\w']+", before)
    if any(n in words[-3:] or (" " in n and n in before) for n in negations) or "n't" in before[-8:]:
        return True
    # the verb's own auxiliaries ("is expected to open", "will be completed"), not a plan elsewhere in the clause
    start = max(lo, a - 32, text.rfind(",", lo, a) + 1)
    return modal_re.search(text, start, a) is not None


def _after_preposition(text: str, lo: int, pos: int) -> bool:
    """A name inside a prepositional phrase ("in Sydney", "by Lang") is not a subject; "the arch *of* X" is."""
    m = re.search(r"([a-z]+)\s+(?:the\s+)?$", text[lo:pos])
    return m is not None and m.group(1) in PREPOSITIONS and m.group(1) != "of"


def _apposition(text: str, lo: int, pos: int) -> bool:
    """A name inside an apposition or relative clause ("Mandela, *the first Black President*, stepped down")."""
    comma = text.rfind(",", lo, pos)
    return comma >= 0 and _APPOSITIVE.match(text, comma + 1, pos) is not None


def _thing(text: str, a: int, z: int, focus: SourceFocus) -> tuple[str, int] | None:
    """The last definite description of a known thing head in text[a:z], as the named thing, and its end."""
    best = None
    for m in _DET_THING.finditer(text, a, z):
        for g in (2, 1):  # "the new bridge", "the bridge"
            name = focus.things.get((m.group(g) or "").lower())
            if name is not None:
                best = (name, m.end(g))
                break
    return best


def _subject(text: str, lo: int, hi: int, sent_start: int, a: int, z: int, pred: Predicate, noun: bool,
             mentions: list[Mention], focus: SourceFocus, pronoun: PronounResolver) -> tuple[str, str] | None:
    if noun:  # "the opening of the bridge", "its opening", "Mandela's release"
        after = [m for m in mentions if z <= m.start < hi and _OF_GAP.match(text[z : m.start]) and _fits(pred, m.kind, _head(m))]
        if after:
            return after[0].text, "named"
        thing = _thing(text, z, min(hi, z + 30), focus)
        if thing is not None and _OF_GAP.match(text[z : thing[1]].rsplit(" ", 1)[0] + " "):
            return thing[0], "named"
        part = _OF_PART.match(text, z, hi)
        if part is not None and part.group(1).lower() in predicate_lexicon().thing_heads and focus.thing:
            return focus.thing, "focus"  # "closure of the arch" in a page about one bridge
    agent_before = any(lo <= m.start and m.end <= a for m in mentions) or _PRONOUN.search(text, lo, a) is not None
    if pred.about == "patient" and agent_before and not _PASSIVE_BEFORE.search(text[lo:a]):
        # an active verb with someone acting: what it acts on is the subject ("Lang opened the bridge");
        # with no one before it ("1943: Joins the ANC") the verb's subject is left unsaid
        after = [m for m in mentions if z <= m.start < hi and _ACTIVE_GAP.match(text[z : m.start])
                 and _fits(pred, m.kind, _head(m))]
        if after:  # "Premier Lang opened the Sydney Harbour Bridge"
            return after[0].text, "named"
        thing = _thing(text, z, min(hi, z + 30), focus)
        if thing is not None and _ACTIVE_GAP.match(text[z : thing[1]].rsplit(" ", 1)[0] + " "):
            return thing[0], "named"
    # the nearest name, thing or pronoun before the trigger in its clause, not inside a prepositional phrase
    cands: list[tuple[int, str]] = []
    for m in mentions:
        if (lo <= m.start and m.end <= a and not _after_preposition(text, lo, m.start)
                and not _apposition(text, lo, m.start) and _fits(pred, m.kind, _head(m))):
            cands.append((m.end, m.text))
    thing = _thing(text, lo, a, focus)
    if thing is not None and pred.subject != "person":
        cands.append((thing[1], thing[0]))
    if pred.subject != "person":
        heads = predicate_lexicon().thing_heads
        for m in _CLASS_NAME.finditer(text, lo, a):
            if m.group(1) in heads:
                cands.append((m.end(), m.group(2)))
    if not cands:
        for m in _BARE_NAME.finditer(text, lo, a):  # "the Titanic was launched", "Bradfield was appointed"
            word = m.group(1)
            named = m.group(0)[:3].lower() == "the" or word in focus.names
            inside = _IN_NAME_RUN.search(text, max(lo, m.start(1) - 40), m.start(1)) is not None  # "Amity and Cooperation"
            if (named and not inside and word.lower() not in _NOT_BARE
                    and not any(x.start <= m.start(1) < x.end for x in mentions)
                    and (pred.subject != "person" or m.group(0)[:3].lower() != "the")):
                cands.append((m.end(1), word))
    for p in _PRONOUN.finditer(text, lo, a):
        word = p.group(1).lower()
        if (word in ("it", "its")) == (pred.subject == "person"):
            continue  # "it" opened; "he" joined
        ahead = _CATAPHORA.match(text, z) if _FRONTED.match(text[lo : p.start()]) else None
        if ahead is not None:  # "When it launched in April 1912, Titanic was ...": the name after the comma
            cands.append((p.end(), ahead.group(1)))
            continue
        if word in ("it", "its") and focus.thing:  # "When it was finished in 1935, the structure ..."
            cands.append((p.end(), focus.thing))
            continue
        who = pronoun(p.group(1), p.start())
        if who:
            cands.append((p.end(), who))
    if not cands and lo > sent_start and _COORDINATED.search(text, sent_start, lo + 1):
        # "... in 1909 he became assistant engineer, and in 1913 was appointed chief engineer": the
        # coordinated clause has the subject of the one before it
        return _subject(text, sent_start, lo, sent_start, lo, lo, pred, False, mentions, focus, pronoun)
    if cands:
        return max(cands)[1], "named"
    if focus.person and pred.subject != "thing" and chronology_line(text, sent_start, a):
        return focus.person, "chronology"
    passive = _PASSIVE_BEFORE.search(text[lo:a]) is not None or not text[sent_start:a].strip()  # "Built in ..."
    if pred.subject == "thing" and focus.thing and not noun and (passive or pred.needs_before is not None):
        return focus.thing, "focus"  # "Building began on 19 March 1923" in a page about one bridge
    return None


def _head(m: Mention) -> str:
    words = m.text.split()
    return words[-1].lower() if words else ""


def _fits(pred: Predicate, kind: str, head: str = "") -> bool:
    """Whether a name of ``kind`` can be what ``pred`` is about (people are not opened, bridges do not marry)."""
    if pred.subject == "thing":  # a "person" whose last word is a thing's ("Barseback Nuclear Plant") is a thing
        return kind not in ("person", "country") or (kind == "person" and head in predicate_lexicon().thing_heads)
    if pred.subject == "person":
        return kind in ("person", "unknown") and head not in predicate_lexicon().thing_heads
    return True


def chronology_line(text: str, sent_start: int, a: int) -> bool:
    """ "1940 - Expelled", "July 18, 1918 - Born ...", "1942 Mandela joins ...": a dated line of a chronology."""
    head = text[sent_start:a]
    return bool(re.match(r"\W*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)?\d{4}(?:\s*[-–]\s*\d{2,4})?\s*[-–:]?\s*"
                         r"(?:[A-Za-z]+\s+){0,3}$", head))


def _object(text: str, z: int, hi: int, pred: Predicate, mentions: list[Mention], focus: SourceFocus,
            exclude: str) -> str | None:
    if pred.object == "pattern" and pred.object_pattern is not None:
        rx = pred.object_pattern
        m = (rx.match if pred.object_anchored else rx.search)(text, z, min(hi, z + 60))
        if m is None:
            return None
        written = " ".join(m.group("obj").lower().replace("-", " ").split())
        return pred.object_words.get(written, written)
    if pred.object != "name":
        return None
    for m in mentions:
        if z <= m.start < min(hi, z + _MAX_OBJECT_GAP) and m.text != exclude and _OBJECT_GAP.match(text[z : m.start]):
            more = _OF_NAME.match(text, m.end, hi)
            if more is not None:
                return text[m.start : more.end()]  # "the University College of Fort Hare": one name
            return m.text
    thing = _thing(text, z, min(hi, z + _MAX_OBJECT_GAP), focus)
    return thing[0] if thing is not None and thing[0] != exclude else None


def quantity_subject(text: str, sent_start: int, sent_end: int, q: QuantityExpr, mentions: list[Mention],
                     focus: SourceFocus, pronoun: PronounResolver) -> str | None:
    """What a quantity is about: a name or thing just before it in its clause ("The Carpathia rescued 705
    survivors", "the bridge is 1,149 metres long"), its owner ("Its top speed"); an age belongs to the
    person in focus.  None: the source's subject, left for the corpus to name."""
    a = q.span[0]
    lo, hi = clause_bounds(text, sent_start, sent_end, a)
    person = next((att.person for att in quantity_lexicon().attributes if att.name == q.attribute), False)
    if person:  # "In 1867, at the age of 17, he began ...": an introductory phrase is about what follows it
        nxt = re.match(r"\s*,?\s*(?:(he|she)\b|([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*))", text[q.span[1] : hi])
        if nxt is not None:
            if nxt.group(1):
                who = pronoun(nxt.group(1), q.span[1] + nxt.start(1))
                if who:
                    return who
            else:
                named = [m for m in mentions if m.start == q.span[1] + nxt.start(2) and m.kind == "person"]
                if named:
                    return named[0].text
    cands: list[tuple[int, str]] = []
    for m in mentions:
        inside = lo <= m.start and m.end <= a
        if (inside and not _after_preposition(text, lo, m.start) and not _apposition(text, lo, m.start)
                and (m.kind == "person" if person else m.kind in ("unknown", "org"))):
            cands.append((m.end, m.text))
    if not person:
        thing = _thing(text, lo, a, focus)
        if thing is not None:
            cands.append((thing[1], thing[0]))
    for p in _PRONOUN.finditer(text, lo, a):
        word = p.group(1).lower()
        if person and word not in ("it", "its", "they", "their"):
            who = pronoun(p.group(1), p.start())
            if who:
                cands.append((p.end(), who))
        elif not person and word in ("it", "its") and focus.thing:
            cands.append((p.end(), focus.thing))  # "its top speed": the thing the source is about
    if cands:
        return max(cands)[1]
    return focus.person if person else None
