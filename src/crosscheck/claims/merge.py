"""Merging a fresh extraction into an existing claim file without losing what people wrote.

Rules, in order:
1. manual claims are kept untouched;
2. an extracted claim whose fields no longer match its checksum was edited by a
   person: it becomes manual (note "edited by hand from <id>") and is kept;
3. if the source text and the extractor version are unchanged, the old extracted
   claims are kept as they are (the file is the extraction cache);
4. otherwise the extracted claims are replaced by the new ones.
A manual claim stands in for the extracted claim of the same id, so a corrected
claim does not come back beside its correction on the next extraction.  An
extracted claim a person deleted (listed in ``extracted_ids`` but gone from
``claims``) is recorded under ``rejected``, and no extraction brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from crosscheck.claims.checksum import claim_checksum, content_id
from crosscheck.claims.files import ClaimFile, SourceMeta, plain_claim
from crosscheck.records import Claim, Source


@dataclass
class MergeResult:
    """The merged claim file and what happened, for the CLI to print."""

    claim_file: ClaimFile
    kept_manual: list[Claim] = field(default_factory=list)  # manual claims carried over untouched
    converted: list[Claim] = field(default_factory=list)  # hand-edited extracted claims, now manual
    added: int = 0  # extracted claims not in the old file
    replaced: int = 0  # old extracted claims that are gone
    unchanged: int = 0  # extracted claims present before and now
    overridden: int = 0  # new extracted claims dropped because a manual claim has their id
    cached: bool = False  # text and extractor unchanged: the old extracted claims were kept
    misplaced: list[Claim] = field(default_factory=list)  # manual claims whose quote is not at their span
    newly_rejected: list[str] = field(default_factory=list)  # extracted claims deleted by hand since the last run
    withheld: int = 0  # extracted claims left out because their id is rejected

    def warnings(self) -> list[str]:
        """What a person should look at: manual claims the text no longer supports where they point."""
        return [
            f"manual claim {c.id}: the source text at {list(c.span)} no longer reads {c.quote!r}"
            for c in self.misplaced
        ]

    def summary(self) -> str:
        """One line: ``claims/x.yaml: 3 added, 1 replaced, 2 manual kept, 1 edit kept as manual``."""
        if self.cached:
            head = f"{self.unchanged} cached"
        else:
            head = f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged"
        parts = [head, f"{len(self.kept_manual)} manual kept"]
        if self.converted:
            parts.append(f"{len(self.converted)} hand edit(s) kept as manual")
        if self.overridden:
            parts.append(f"{self.overridden} extracted claim(s) superseded by manual ones")
        if self.misplaced:
            parts.append(f"{len(self.misplaced)} manual claim(s) no longer match the text")
        if self.newly_rejected:
            parts.append(f"{len(self.newly_rejected)} deleted claim(s) recorded as rejected")
        if self.withheld:
            parts.append(f"{self.withheld} rejected claim(s) kept out")
        return ", ".join(parts)


def is_hand_edited(claim: Claim) -> bool:
    """An extracted claim whose machine-written fields changed since crosscheck wrote it."""
    return claim.origin == "extracted" and claim.checksum != claim_checksum(claim)


def needs_extraction(old: ClaimFile | None, source: Source, extractor_version: str) -> bool:
    """False only when the claim file was written for this very text by this very extractor."""
    if old is None or not source.sha256:
        return True
    return old.source.sha256 != source.sha256 or old.extractor_version != extractor_version


def _as_manual(claim: Claim) -> Claim:
    mark = f"edited by hand from {claim.id}"
    note = claim.note if mark in claim.note else (f"{claim.note}; {mark}" if claim.note else mark)
    return replace(claim, origin="manual", note=note, checksum="")


def assign_ids(source_id: str, claims: list[Claim]) -> list[Claim]:
    """Fresh extracted claims with content-derived ids, the source id, and their checksums."""
    out: list[Claim] = []
    seen: dict[str, int] = {}
    for claim in sorted((plain_claim(c) for c in claims), key=_order):
        base = content_id(source_id, claim)
        n = seen.get(base, 0)
        seen[base] = n + 1
        cid = base if n == 0 else content_id(source_id, claim, n)
        fresh = replace(
            claim, id=cid, source=source_id, origin="extracted", span=tuple(claim.span), checksum=""
        )
        out.append(replace(fresh, checksum=claim_checksum(fresh)))
    return out


def _order(claim: Claim) -> tuple[int, int, str, str, str]:
    return (claim.span[0], claim.span[1], claim.kind, claim.quote, claim.id)


def merge_claims(
    old: ClaimFile | None, source: Source, extracted: list[Claim], extractor_version: str
) -> MergeResult:
    """The claim file to write for ``source``; ``extracted`` is ignored when the cache is valid."""
    old_claims = old.claims if old is not None else []
    manual = [c for c in old_claims if c.origin == "manual"]
    converted = [_as_manual(c) for c in old_claims if is_hand_edited(c)]
    old_extracted = [c for c in old_claims if c.origin == "extracted" and not is_hand_edited(c)]

    cached = not needs_extraction(old, source, extractor_version)
    if cached:
        fresh = old_extracted
        version = old.extractor_version if old is not None else extractor_version
    else:
        fresh = assign_ids(source.id, extracted)
        version = extractor_version

    present = {c.id for c in old_claims}
    deleted = [i for i in (old.extracted_ids if old is not None else []) if i not in present]
    rejected = set(old.rejected if old is not None else []) | set(deleted)
    manual_ids = {c.id for c in manual} | {c.id for c in converted}
    superseded = [c for c in fresh if c.id in manual_ids]
    withheld = [c for c in fresh if c.id not in manual_ids and c.id in rejected]
    kept = [c for c in fresh if c.id not in manual_ids and c.id not in rejected]
    old_ids = {c.id for c in old_extracted}
    new_ids = {c.id for c in kept}
    claims = sorted(manual + converted + kept, key=_order)
    cf = ClaimFile(SourceMeta.from_source(source), version, claims, rejected=sorted(rejected),
                   extracted_ids=list(old.extracted_ids) if old is not None else [])
    return MergeResult(
        claim_file=cf,
        newly_rejected=sorted(set(deleted) - set(old.rejected if old is not None else [])),
        withheld=len([c for c in withheld if c.id not in deleted]),
        kept_manual=manual,
        converted=converted,
        added=len(new_ids - old_ids),
        replaced=len(old_ids - new_ids),
        unchanged=len(new_ids & old_ids),
        overridden=len(superseded),
        cached=cached,
        misplaced=[c for c in manual + converted if source.text[c.span[0] : c.span[1]] != c.quote],
    )
