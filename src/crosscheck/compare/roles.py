"""role_conflict: one person, two incompatible offices at overlapping times.

Slots are (person, body): two different offices in the same body (chairman vs
general secretary of one Central Committee) for overlapping times conflict;
so do a head-of-state and a head-of-government title of the same country.
Titles at different times are a career; epithets are never offices; offices
listed as translation variants ("chairman"/"president") are one post.

Severity: ``warning`` for two offices in one body (``error`` when both claims
are tied to the same day); ``warning`` for head of state vs head of
government of a named country; ``info`` when either title names no country
("Premier X" vs "President X": state media use some titles as standing
epithets, so it is shown, not asserted).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from crosscheck.calendar import describe, parse_iso
from crosscheck.compare.ids import flag_id
from crosscheck.compare.registry import SEVERITY_RANK, CompareContext, comparator
from crosscheck.extract.roles import TITLES_SHAPE, check_rule_shape, is_epithet, normalize_office
from crosscheck.lexicon.gazetteer import gazetteer, place_key
from crosscheck.records import Claim, Evidence, Flag, TimeValue
from crosscheck.rules import load_yaml, rules_cached

HEAD_OF_STATE, HEAD_OF_GOVERNMENT = "head of state", "head of government"


@dataclass(frozen=True)
class _RoleRules:
    non_exclusive: frozenset[str]
    variants: frozenset[frozenset[str]]  # offices that translate one post
    in_country: frozenset[str]  # posts of a country that exclude each other
    groups: dict[str, frozenset[str]]  # group -> offices held as head of a country
    state_bodies: dict[str, tuple[tuple[str, str], ...]]  # group -> (office, body prefix)


@rules_cached("titles.yaml")
def _rules() -> _RoleRules:
    """Built once per set of loaded rule files (rebuilt after ``set_user_dirs``)."""
    return _build_rules()


def _build_rules() -> _RoleRules:
    y = check_rule_shape(load_yaml("titles.yaml"), "titles.yaml", TITLES_SHAPE)
    groups: dict[str, frozenset[str]] = {}
    bodies: dict[str, tuple[tuple[str, str], ...]] = {}
    for group, key in ((HEAD_OF_STATE, "head_of_state"), (HEAD_OF_GOVERNMENT, "head_of_government")):
        spec = y.get(key) or {}
        groups[group] = frozenset(normalize_office(str(o)) for o in spec.get("offices", []))
        bodies[group] = tuple(
            (normalize_office(str(b["office"])), place_key(str(b["body"])))
            for b in spec.get("state_bodies", [])
        )
    variants = frozenset(
        frozenset(normalize_office(str(o)) for o in group) for group in y.get("translation_variants", [])
    )
    return _RoleRules(
        frozenset(normalize_office(str(o)) for o in y.get("non_exclusive", [])),
        variants,
        frozenset(normalize_office(str(o)) for o in y.get("exclusive_in_country", [])),
        groups,
        bodies,
    )


def _country(name: str) -> str | None:
    hit = gazetteer().lookup(name)
    return hit[0] if hit and hit[1] == "country" else None


def head_group(office: str, body: str) -> tuple[str, str] | None:
    """(head of state | head of government, country or "") for a title, None for other offices.

    "president" of a country (or bare), "premier", "chairman of the state
    affairs commission of <country>" ... per rules/titles.yaml.
    """
    r = _rules()
    o, b = normalize_office(office), place_key(body)
    for group, pairs in r.state_bodies.items():
        for office_, prefix in pairs:
            if o == office_ and (b == prefix or b.startswith(prefix + " of ")):
                rest = b[len(prefix) + len(" of ") :]
                return group, (_country(rest) or "") if rest else ""
    for group, offices in r.groups.items():
        if o in offices:
            if not b:
                return group, ""
            country = _country(b)
            return (group, country) if country else None
    return None


@dataclass(frozen=True)
class _Role:
    claim: Claim
    office: str
    body: str
    time: TimeValue


def _roles(claims: list[Claim]) -> dict[str, list[_Role]]:
    by_person: dict[str, list[_Role]] = defaultdict(list)
    for c in claims:
        if c.kind != "role" or not c.subject or c.value in (None, ""):
            continue
        t = parse_iso(c.time) if c.time else None
        if t is None or (c.raw and is_epithet(c.raw)):
            continue
        by_person[c.subject].append(_Role(c, normalize_office(str(c.value)), place_key(c.object or ""), t))
    return by_person


def _conflict(a: _Role, b: _Role) -> tuple[str, str] | None:
    """(slot suffix, severity) when the two titles cannot both hold, else None."""
    r = _rules()
    if a.office == b.office or not a.time.overlaps(b.time):
        return None
    if (a.claim.bounds == "before-name") != (b.claim.bounds == "before-name"):
        return None  # a title before a name may be today's; an explicit "as"/apposition title wins
    if any(a.office in v and b.office in v for v in r.variants):
        return None
    if a.body and a.body == b.body:
        if a.office in r.non_exclusive or b.office in r.non_exclusive:
            return None
        if _country(a.body) and not (a.office in r.in_country and b.office in r.in_country):
            return None  # "Deputy Prime Minister" and "Foreign Minister" of one country: both held
        same_day = a.time.precision == b.time.precision == "day" and a.time == b.time
        return a.body, "error" if same_day else "warning"
    ga, gb = head_group(a.office, a.body), head_group(b.office, b.body)
    if ga is None or gb is None or ga[0] == gb[0]:
        return None
    if ga[1] and gb[1]:
        return (f"head:{ga[1].lower()}", "warning") if ga[1] == gb[1] else None
    return f"head:{(ga[1] or gb[1]).lower()}", "info"


def _display(subject: str) -> str:
    return " ".join(w.capitalize() for w in re.split(r"[-_\s]+", subject) if w)


def _when(roles: list[_Role]) -> str:
    """The most precise time among the claims, with its preposition ("in April 1992", "on March 9, 2023")."""
    narrowest = min(roles, key=lambda r: (r.time.end - r.time.start, r.time.start))
    return ("on " if narrowest.time.precision == "day" else "in ") + describe(narrowest.time)


def role_conflicts(claims: list[Claim], name: Callable[[str], str] | None = None) -> list[Flag]:
    """Flags for titles of one person that cannot hold together at overlapping times.

    Claims are grouped by person; pairs are compared only inside a person's
    titles (cost grows with the number of titles per person).  Conflicting
    pairs of one slot are merged into one flag per connected group.
    """
    show = name or _display
    flags: list[Flag] = []
    for person, roles in sorted(_roles(claims).items()):
        roles.sort(key=lambda r: (r.claim.source, r.claim.span, r.claim.id))
        edges: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for i, a in enumerate(roles):
            for j in range(i + 1, len(roles)):
                hit = _conflict(a, roles[j])
                if hit:
                    edges[hit[0]].append((i, j, hit[1]))
        for slot_body, pairs in sorted(edges.items()):
            for group, severity in _components(pairs):
                members = [roles[k] for k in sorted(group)]
                flags.append(_flag(person, slot_body, members, severity, show(person)))
    flags.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.id))
    return flags


def _components(pairs: list[tuple[int, int, str]]) -> list[tuple[set[int], str]]:
    """Connected groups of conflicting titles, each with its most severe pair."""
    rank = {"error": 0, "warning": 1, "info": 2}
    groups: list[tuple[set[int], str]] = []
    for i, j, sev in pairs:
        hits = [g for g in groups if i in g[0] or j in g[0]]
        merged: set[int] = {i, j}
        best = sev
        for g in hits:
            merged |= g[0]
            best = min(best, g[1], key=rank.__getitem__)
            groups.remove(g)
        groups.append((merged, best))
    return groups


def _flag(person: str, slot_body: str, members: list[_Role], severity: str, who: str) -> Flag:
    start = min(m.time.start for m in members).isoformat()
    slot = f"role:{person}|{slot_body}|{start}"
    values = [m.office for m in members]
    sources = [m.claim.source for m in members]
    sides = " vs ".join(f'"{m.claim.raw or m.office}" ({m.claim.source})' for m in members)
    what = (
        "head of state vs head of government" if slot_body.startswith("head:") else "two offices in one body"
    )
    summary = f"{who} {_when(members)}: {sides} ({what})"
    evidence = [
        Evidence(m.claim.source, m.office, m.claim.quote, m.claim.span, m.claim.id, m.claim.derivation)
        for m in members
    ]
    kind = "role_conflict"
    return Flag(flag_id(kind, slot, values, sources), kind, severity, person, summary, evidence, slot=slot)  # type: ignore[arg-type]


@comparator("role_conflict", "ROLE", "Sources give one person different titles for the same time.", "warning", order=50)
def find_role_conflicts(ctx: CompareContext) -> list[Flag]:
    """Titles keyed by the person's entity id; flags show the person's name."""
    roles = []
    for c in ctx.claims:
        if c.kind == "role":
            pid = ctx.resolution.resolve_name(c.subject) if c.subject else None
            if pid:
                roles.append(replace(c, subject=pid, participants=[pid]))
    return [replace(f, subject=ctx.name(f.subject)) for f in role_conflicts(roles)]
