"""Putting reviewers' decisions onto this run's flags, and finding decisions whose flag is gone."""

from __future__ import annotations

from crosscheck.records import Flag, Review


def apply_reviews(flags: list[Flag], reviews: dict[str, Review]) -> list[str]:
    """Set each flag's status, review note and ``new`` from ``reviews``; return the stale review ids.

    A flag without a decision is ``open`` and ``new``.  A decision whose flag
    this run no longer produces is stale: its id is returned (sorted) so the
    report can list it; the decision itself stays in the review file.
    """
    for flag in flags:
        review = reviews.get(flag.id)
        if review is None:
            flag.status, flag.review_note, flag.new = "open", "", True
        else:
            flag.status, flag.review_note, flag.new = review.status, review.note, False
    present = {f.id for f in flags}
    return sorted(fid for fid in reviews if fid not in present)
