"""Hand-built RunResults for the report and review tests (until the real pipeline lands).

Three sources about DPRK-Laos relations (modelled on the seeds), a dozen
claims, flags of six kinds with evidence from two sources, reviewed and open
flags, and one source whose footer is set-aside page furniture.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from crosscheck.records import Claim, Entity, Evidence, Flag, RunResult, SetAside, Source

KAA_TEXT = """DPRK-Laos history of more than half a century

(DPRK MFA - June 24, 2020)

June 24 marks the 46th anniversary of the establishment of diplomatic relations between the DPRK and the Lao People’s Democratic Republic.
Comrade Kaysone Phomvihane visited the DPRK in October 1965.
In April 1992, he paid an official visit to the DPRK as Chairman of the Central Committee of the Lao People’s Revolutionary Party.
On September 23, 2011, Chairman Kim Jong Il met with Comrade Choummaly Sayasone, General Secretary of the Central Committee.
The number of delegations exchanged amounted to as many as over two hundreds.
"""

NAENARA_TEXT = """June 24 is the 48th anniversary of the establishment of diplomatic relations between the DPRK and the Lao People’s Democratic Republic.
The friendship between the DPRK and Laos began 57 years ago.
On October 28 1965, Kim Il Sung warmly welcomed Kaysone Phomvihane on his first visit to the DPRK.
Kaysone Phomvihane, general secretary of the Central Committee of the Lao People’s Revolutionary Party, paid his fourth visit to the DPRK in April 1992.
He met Choummaly Saygnasone on a visit to the DPRK in September 2011.
About 150 delegations were exchanged in those years.

More From Naenara
Mt Paektu rises 2 750m above sea level in the northern part of Samjiyon City.
March 02, 2026
"""

VT_TEXT = """Laos, Vietnam celebrate treaty anniversary

(Latest Update April 8, 2022)

The Treaty of Amity and Cooperation was signed on July 18, 1977.
This year marks the 44th anniversary of the treaty.
Choummaly Sayasone arrived in Pyongyang on September 21, 2011.
Copyright (c) 1999 Vientiane Times. P.O.Box 5723.
"""


_PREFIX = {"name_variant": "NAME", "date_conflict": "DATE", "ordinal_conflict": "ORD", "count_conflict": "COUNT",
           "role_conflict": "ROLE", "place_conflict": "PLACE", "internal_conflict": "INT"}  # fmt: skip


def flag_id(kind: str, slot: str, values: list[str], sources: list[str]) -> str:
    """The recipe of crosscheck.compare.ids.flag_id, restated so these fixtures need no compare stage."""
    parts = [kind, slot, "|".join(sorted(set(values))), "|".join(sorted(set(sources)))]
    return f"{_PREFIX[kind]}-{hashlib.sha1(chr(31).join(parts).encode('utf-8')).hexdigest()[:10]}"


def span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _source(sid: str, text: str, **kw: object) -> Source:
    return Source(
        id=sid,
        path=f"sources/{sid}.txt",
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        **kw,  # type: ignore[arg-type]
    )


def make_sources() -> list[Source]:
    kaa = _source(
        "kaa_2020",
        KAA_TEXT,
        title="DPRK-Laos history of more than half a century",
        language="en",
        published="2020-06-24",
        published_basis="stated",
        published_evidence="(DPRK MFA - June 24, 2020)",
    )
    footer_start = NAENARA_TEXT.index("More From Naenara")
    naenara = _source(
        "naenara_2022",
        NAENARA_TEXT,
        language="en",
        published="2022",
        published_basis="inferred",
        published_evidence='"48th anniversary" of relations dated 1974 and "began 57 years ago" of the 1965 meeting.',
        set_aside=[SetAside(footer_start, len(NAENARA_TEXT), "related-articles list", "footer-more-from")],
        warnings=["no stated publication date"],
    )
    vt_footer = VT_TEXT.index("Copyright")
    vt = _source(
        "vt_2022",
        VT_TEXT,
        title="Laos, Vietnam celebrate treaty anniversary",
        language="en",
        published="2022-04-08",
        published_basis="stated",
        published_evidence="(Latest Update April 8, 2022)",
        set_aside=[SetAside(vt_footer, len(VT_TEXT), "copyright and address", "copyright-line")],
    )
    return [naenara, kaa, vt]  # deliberately not sorted: writers must sort


def _claim(cid: str, source: str, text: str, quote: str, kind: str, subject: str, **kw: object) -> Claim:
    return Claim(
        id=cid, source=source, kind=kind, subject=subject, quote=quote, span=span_of(text, quote), **kw
    )  # type: ignore[arg-type]


def make_claims() -> list[Claim]:
    k, n, v = "kaa_2020", "naenara_2022", "vt_2022"
    rel = dict(
        event="relations:dprk+laos", event_type="relations", participants=["dprk", "laos"], predicate="date"
    )
    return [
        _claim(
            "kaa_2020-c01",
            k,
            KAA_TEXT,
            "June 24 marks the 46th anniversary of the establishment of diplomatic relations",
            "anniversary",
            "DPRK-Laos diplomatic relations",
            value="1974-06-24",
            precision="day",
            expr="PUB-46Y",
            raw="46th anniversary",
            derivation="2020-06-24 minus 46 years",
            **rel,
        ),
        _claim(
            "kaa_2020-c02",
            k,
            KAA_TEXT,
            "Kaysone Phomvihane visited the DPRK in October 1965",
            "event_date",
            "Kaysone Phomvihane visit to the DPRK",
            event="visit:kaysone-phomvihane>dprk#1",
            event_type="visit",
            participants=["kaysone-phomvihane", "dprk"],
            predicate="date",
            value="1965-10",
            precision="month",
            raw="October 1965",
            derivation="month of an absolute date",
        ),
        _claim(
            "kaa_2020-c03",
            k,
            KAA_TEXT,
            "as Chairman of the Central Committee of the Lao People’s Revolutionary Party",
            "role",
            "Kaysone Phomvihane",
            predicate="title",
            participants=["kaysone-phomvihane"],
            object="Chairman of the Central Committee of the Lao People’s Revolutionary Party",
            value="Chairman of the Central Committee of the Lao People’s Revolutionary Party",
            time="1992-04",
            raw="Chairman of the Central Committee",
        ),
        _claim(
            "kaa_2020-c04",
            k,
            KAA_TEXT,
            "On September 23, 2011, Chairman Kim Jong Il met with Comrade Choummaly Sayasone",
            "event_date",
            "Choummaly Sayasone visit to the DPRK",
            event="visit:choummaly-sayasone>dprk",
            event_type="visit",
            predicate="date",
            value="2011-09-23",
            precision="day",
            raw="September 23, 2011",
        ),
        _claim(
            "kaa_2020-c05",
            k,
            KAA_TEXT,
            "amounted to as many as over two hundreds",
            "count",
            "delegations exchanged",
            predicate="count",
            object="delegations",
            value=200,
            value_low=201.0,
            value_high=None,
            bounds="over",
            raw="over two hundreds",
        ),
        _claim(
            "naenara_2022-c01",
            n,
            NAENARA_TEXT,
            "June 24 is the 48th anniversary of the establishment of diplomatic relations",
            "anniversary",
            "DPRK-Laos diplomatic relations",
            value="1974-06-24",
            precision="day",
            expr="PUB-48Y",
            raw="48th anniversary",
            derivation="June 24, 2022 (publication year) minus 48 years",
            **rel,
        ),
        _claim(
            "naenara_2022-c02",
            n,
            NAENARA_TEXT,
            "The friendship between the DPRK and Laos began 57 years ago",
            "elapsed",
            "DPRK-Laos friendship",
            event="friendship:dprk+laos",
            event_type="friendship",
            predicate="date",
            value="1965",
            precision="year",
            expr="PUB-57Y",
            raw="57 years ago",
            derivation="publication year 2022 minus 57 years",
        ),
        _claim(
            "naenara_2022-c03",
            n,
            NAENARA_TEXT,
            "On October 28 1965, Kim Il Sung warmly welcomed Kaysone Phomvihane",
            "event_date",
            "Kaysone Phomvihane visit to the DPRK",
            event="visit:kaysone-phomvihane>dprk#1",
            event_type="visit",
            predicate="date",
            value="1965-10-28",
            precision="day",
            raw="October 28 1965",
        ),
        _claim(
            "naenara_2022-c04",
            n,
            NAENARA_TEXT,
            "general secretary of the Central Committee of the Lao People’s Revolutionary Party",
            "role",
            "Kaysone Phomvihane",
            predicate="title",
            participants=["kaysone-phomvihane"],
            object="general secretary of the Central Committee of the Lao People’s Revolutionary Party",
            value="general secretary of the Central Committee of the Lao People’s Revolutionary Party",
            time="1992-04",
            raw="general secretary",
        ),
        _claim(
            "naenara_2022-c05",
            n,
            NAENARA_TEXT,
            "paid his fourth visit to the DPRK in April 1992",
            "ordinal",
            "Kaysone Phomvihane visits to the DPRK",
            predicate="ordinal",
            value=4,
            time="1992-04",
            raw="fourth visit",
        ),
        _claim(
            "naenara_2022-c06",
            n,
            NAENARA_TEXT,
            "About 150 delegations were exchanged",
            "count",
            "delegations exchanged",
            predicate="count",
            object="delegations",
            value=150,
            value_low=135.0,
            value_high=165.0,
            bounds="about",
            raw="About 150",
        ),
        _claim(
            "vt_2022-c01",
            v,
            VT_TEXT,
            "The Treaty of Amity and Cooperation was signed on July 18, 1977",
            "event_date",
            "Laos-Vietnam Treaty of Amity and Cooperation",
            event="treaty:laos+vietnam",
            event_type="treaty",
            participants=["laos", "vietnam"],
            predicate="date",
            value="1977-07-18",
            precision="day",
            raw="July 18, 1977",
        ),
        _claim(
            "vt_2022-c02",
            v,
            VT_TEXT,
            "This year marks the 44th anniversary of the treaty",
            "anniversary",
            "Laos-Vietnam Treaty of Amity and Cooperation",
            event="treaty:laos+vietnam",
            event_type="treaty",
            participants=["laos", "vietnam"],
            predicate="date",
            value="1978",
            precision="year",
            expr="PUB-44Y",
            raw="44th anniversary",
            derivation="publication year 2022 minus 44 years",
            resolved=True,
        ),
        _claim(
            "vt_2022-c03",
            v,
            VT_TEXT,
            "Choummaly Sayasone arrived in Pyongyang on September 21, 2011",
            "event_date",
            "Choummaly Sayasone visit to the DPRK",
            event="visit:choummaly-sayasone>dprk",
            event_type="visit",
            predicate="date",
            value="2011-09-21",
            precision="day",
            raw="September 21, 2011",
        ),
    ]


def _ev(claims: dict[str, Claim], cid: str, value: str, derivation: str = "") -> Evidence:
    c = claims[cid]
    return Evidence(
        source=c.source, value=value, quote=c.quote, span=c.span, claim=c.id, derivation=derivation
    )


def _flag(
    kind: str, severity: str, subject: str, summary: str, slot: str, evidence: list[Evidence], **kw: object
) -> Flag:
    fid = flag_id(kind, slot, [e.value for e in evidence], [e.source for e in evidence])
    return Flag(
        id=fid,
        kind=kind,
        severity=severity,
        subject=subject,
        summary=summary,
        evidence=evidence,  # type: ignore[arg-type]
        slot=slot,
        **kw,
    )  # type: ignore[arg-type]


def make_flags(claims: list[Claim]) -> list[Flag]:
    by_id = {c.id: c for c in claims}
    choummaly_a = Evidence(
        "kaa_2020",
        "Choummaly Sayasone",
        "Comrade Choummaly Sayasone, General Secretary",
        span_of(KAA_TEXT, "Choummaly Sayasone"),
        None,
        "name as written",
    )
    choummaly_b = Evidence(
        "naenara_2022",
        "Choummaly Saygnasone",
        "He met Choummaly Saygnasone on a visit",
        span_of(NAENARA_TEXT, "Choummaly Saygnasone"),
        None,
        "name as written",
    )
    return [
        _flag(
            "name_variant",
            "warning",
            "Choummaly Sayasone",
            'Spelling: "Choummaly Sayasone" (kaa_2020) vs "Choummaly Saygnasone" (naenara_2022)',
            "person:choummaly-sayasone:name",
            [choummaly_a, choummaly_b],
        ),
        _flag(
            "role_conflict",
            "error",
            "Kaysone Phomvihane",
            "Kaysone Phomvihane's party title in April 1992: Chairman vs general secretary of the Central Committee",
            "kaysone-phomvihane:title:1992-04",
            [
                _ev(
                    by_id,
                    "kaa_2020-c03",
                    "Chairman of the Central Committee",
                    "title held at the April 1992 visit",
                ),
                _ev(
                    by_id,
                    "naenara_2022-c04",
                    "general secretary of the Central Committee",
                    "title held at the April 1992 visit",
                ),
            ],
        ),
        _flag(
            "count_conflict",
            "warning",
            "delegations exchanged",
            "Delegations exchanged: over 200 (kaa_2020) vs about 150 (naenara_2022)",
            "dprk+laos:delegations:count",
            [
                _ev(by_id, "kaa_2020-c05", ">200", "over two hundreds: more than 200"),
                _ev(by_id, "naenara_2022-c06", "~150", "about 150: 135 to 165"),
            ],
            status="accepted",
            review_note="Confirmed: the sources count different periods.",
            new=False,
        ),
        _flag(
            "date_conflict",
            "error",
            "Choummaly Sayasone visit to the DPRK",
            "Choummaly Sayasone's visit to the DPRK: September 23, 2011 vs September 21, 2011",
            "visit:choummaly-sayasone>dprk:date",
            [_ev(by_id, "kaa_2020-c04", "2011-09-23"), _ev(by_id, "vt_2022-c03", "2011-09-21")],
            status="rejected",
            review_note="Arrival on the 21st, meeting on the 23rd: no conflict.",
            new=False,
        ),
        _flag(
            "internal_conflict",
            "info",
            "Laos-Vietnam Treaty of Amity and Cooperation",
            "vt_2022 dates the treaty to 1977 and its 44th anniversary in 2022 to 1978",
            "treaty:laos+vietnam:date",
            [
                _ev(by_id, "vt_2022-c01", "1977-07-18"),
                _ev(by_id, "vt_2022-c02", "1978", "publication year 2022 minus 44 years"),
            ],
        ),
        _flag(
            "ordinal_conflict",
            "info",
            "Kaysone Phomvihane visits to the DPRK",
            "naenara_2022 calls April 1992 the fourth visit; kaa_2020 lists visits in 1965, 1970, 1977 and 1992",
            "kaysone-phomvihane>dprk:visit:ordinal",
            [
                _ev(by_id, "naenara_2022-c05", "4"),
                _ev(by_id, "kaa_2020-c02", "1965-10", "first of the listed visits"),
            ],
            status="ignored",
            review_note="Counting convention; not relevant.",
            new=False,
        ),
    ]


def make_entities() -> list[Entity]:
    return [
        Entity("kaysone-phomvihane", "Kaysone Phomvihane", "person"),
        Entity("choummaly-sayasone", "Choummaly Sayasone", "person", aliases=["Choummaly Saygnasone"]),
        Entity("dprk", "Democratic People's Republic of Korea", "country", aliases=["DPRK", "North Korea"]),
        Entity("laos", "Lao People's Democratic Republic", "country", aliases=["Laos", "Lao PDR"]),
    ]


def make_result() -> RunResult:
    claims = make_claims()
    return RunResult(
        sources=make_sources(),
        claims=claims,
        flags=make_flags(claims),
        entities=make_entities(),
        warnings=["naenara_2022: publication date inferred from the text's own anniversaries"],
    )


HOSTILE_TEXT = 'Officials said <script>alert("x")</script> & "quotes" in 1999 & <b>bold</b>.\n'


def make_hostile_result() -> RunResult:
    """A result whose document content tries to inject markup into the HTML report."""
    result = make_result()
    src = _source("evil<img src=x onerror=alert(1)>", HOSTILE_TEXT, title="<script>alert('title')</script>")
    quote = HOSTILE_TEXT.strip()
    claim = Claim(
        id="evil-c01",
        source=src.id,
        kind="count",
        subject="<i>subject</i>",
        quote=quote,
        span=(0, len(quote)),
        value='<script>alert("x")</script>',
        raw="<script>",
    )
    result.sources.append(src)
    result.claims.append(claim)
    result.flags.append(
        Flag(
            id="COUNT-<svg onload=alert(1)>",
            kind="count_conflict",
            severity="error",
            subject="<b>x</b>",
            summary='Injected <script>alert("summary")</script>',
            evidence=[
                Evidence(src.id, '<script>alert("x")</script>', quote, (0, len(quote)), claim.id, "<u>d</u>"),
                Evidence("kaa_2020", "200", "over two hundreds", span_of(KAA_TEXT, "over two hundreds")),
            ],
        )
    )
    return result


EXPECTED = Path(__file__).parent / "expected"
STALE = ["DATE-0000000000"]  # a review whose flag is gone, listed by the reports


def check_expected(name: str, text: str) -> None:
    """Compare with tests/expected/<name>; CROSSCHECK_REGENERATE=1 rewrites it (then read the git diff)."""
    path = EXPECTED / name
    if os.environ.get("CROSSCHECK_REGENERATE"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} missing: run with CROSSCHECK_REGENERATE=1 once and check it by eye"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from tests/expected (see test_report_json.py)"
    )
