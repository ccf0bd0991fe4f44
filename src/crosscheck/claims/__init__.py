"""crosscheck.claims stage: claim files under claims/, their schema, validation and merge."""

from crosscheck.claims.checksum import claim_checksum, content_id
from crosscheck.claims.files import (
    ClaimFile,
    SourceMeta,
    read_claim_file,
    read_claim_file_all,
    render_claim_file,
    write_claim_file,
)
from crosscheck.claims.merge import MergeResult, assign_ids, is_hand_edited, merge_claims, needs_extraction
from crosscheck.claims.schema import claim_schema
from crosscheck.claims.validate import claim_file_paths, validate_dir

__all__ = [
    "ClaimFile",
    "MergeResult",
    "SourceMeta",
    "assign_ids",
    "claim_checksum",
    "claim_file_paths",
    "claim_schema",
    "content_id",
    "is_hand_edited",
    "merge_claims",
    "needs_extraction",
    "read_claim_file",
    "read_claim_file_all",
    "render_claim_file",
    "validate_dir",
    "write_claim_file",
]
