"""crosscheck.review stage: reviewers' decisions (claims/reviews.yaml) and the CI gate."""

from __future__ import annotations

from crosscheck.review.apply import apply_reviews
from crosscheck.review.gate import FAIL_ON, GateResult, gate
from crosscheck.review.store import REVIEW_STATUSES, load_reviews, record_review, reviews_schema

__all__ = [
    "FAIL_ON",
    "REVIEW_STATUSES",
    "GateResult",
    "apply_reviews",
    "gate",
    "load_reviews",
    "record_review",
    "reviews_schema",
]
