"""Shared builders for the claims tests: a small source and the claims an extractor would find."""

from __future__ import annotations

import hashlib

from crosscheck.records import Claim, Source

TEXT = (
    "On October 28, 1965 the two countries established diplomatic relations. "
    "Over two hundred delegations came to the 48th anniversary."
)


def make_source(text: str = TEXT, sid: str = "s1") -> Source:
    return Source(
        id=sid,
        path=f"sources/{sid}.txt",
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title="Relations: a history",
        published="2020-06-24",
        published_basis="stated",
        published_evidence="(June 24, 2020)",
    )


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return (start, start + len(quote))


def extracted(text: str = TEXT) -> list[Claim]:
    """What a (fake) extractor finds in ``text``: ids left empty, as the claims stage assigns them."""
    date_quote, count_quote = "October 28, 1965", "Over two hundred delegations"
    out = []
    if date_quote in text:
        out.append(
            Claim(
                id="", source="", kind="event_date", subject="diplomatic relations", quote=date_quote,
                span=_span(text, date_quote), event="relations:a+b", participants=["a", "b"],
                predicate="date", value="1965-10-28", precision="day", expr="1965-10-28",
            )
        )  # fmt: skip
    if count_quote in text:
        out.append(
            Claim(
                id="", source="", kind="count", subject="delegations", quote=count_quote,
                span=_span(text, count_quote), predicate="count", object="delegations", value=200,
                value_low=201.0, bounds="over", derivation="over N: lower bound N+1",
            )
        )  # fmt: skip
    return out
