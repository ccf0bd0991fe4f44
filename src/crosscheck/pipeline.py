"""The whole job, stage by stage: ingest -> extract -> claims -> normalize -> compare -> review.

Each step is a function of the previous step's records; the CLI calls them
and writes what they return.  Nothing is written before every input has been
read and checked, so a bad claim or review file stops the run with the files
as they were.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing.context import BaseContext
from pathlib import Path

from crosscheck.claims import (
    ClaimFile,
    MergeResult,
    SourceMeta,
    claim_file_paths,
    merge_claims,
    needs_extraction,
    read_claim_file,
    read_claim_file_all,
    validate_dir,
    write_claim_file,
)
from crosscheck.compare import compare_all
from crosscheck.config import Config
from crosscheck.errors import InputError
from crosscheck.extract import extract_mentions, extract_source, extractor_version
from crosscheck.ingest import load_sources
from crosscheck.lexicon.registry import Registry
from crosscheck.normalize.corpus import normalize_corpus
from crosscheck.normalize.entities import resolve_entities
from crosscheck.records import Claim, Mention, RunResult, Source
from crosscheck.review import apply_reviews, load_reviews
from crosscheck.rules import RuleSet

ENTITIES_FILE = "entities.yaml"
# The start method of extraction workers (None: the platform default). Workers receive the rule set
# as an argument, so spawn and forkserver extract exactly what one process does.
MP_CONTEXT: BaseContext | None = None
REVIEWS_FILE = "reviews.yaml"


class InputErrors(InputError):
    """Several input errors at once (every bad claim file, every bad line)."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.message, first.line, first.field)

    def __str__(self) -> str:
        return "\n".join(InputError.__str__(e) for e in self.errors)


@dataclass
class Extracted:
    """Per source: the claim file to write and the mentions (always recomputed: cheap)."""

    merges: dict[str, MergeResult] = field(default_factory=dict)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    on_disk: dict[str, ClaimFile | None] = field(default_factory=dict)  # the claim files as read, before merging


def claim_path(cfg: Config, source_id: str) -> Path:
    return cfg.claims / f"{source_id}.yaml"


def check_inputs(cfg: Config) -> dict[str, ClaimFile]:
    """Validate every file a person may have written under claims/ before anything runs.

    Returns the parsed claim files by source id, so each is read (and
    schema-checked) once per run.
    """
    errors = validate_dir(cfg.claims) if cfg.claims.exists() and not cfg.claims.is_dir() else []
    files: dict[str, ClaimFile] = {}
    if cfg.claims.is_dir():
        for path in claim_file_paths(cfg.claims):
            cf, errs = read_claim_file_all(path)
            errors.extend(errs)
            if cf is not None:
                files[path.stem] = cf
    if errors:
        raise InputErrors(errors)
    load_reviews(cfg.claims / REVIEWS_FILE)
    return files


def _extract_one(source: Source, registry: Registry, rules: RuleSet) -> tuple[list[Mention], list[Claim]]:
    """One source's mentions and claims, inside ``rules`` (a worker process receives them here)."""
    with rules.active():
        ex = extract_source(source, registry)
    return ex.mentions, ex.claims


def mentions_of(source: Source, registry: Registry) -> list[Mention]:
    """Name mentions of a source whose claims come from its claim file (cheap; never cached)."""
    return extract_mentions(source, registry)


def registry_file(cfg: Config) -> Path | None:
    path = cfg.claims / ENTITIES_FILE
    return path if path.is_file() else None


def extract_all(cfg: Config, sources: list[Source], registry: Registry, rules: RuleSet, force: bool = False,
                files: dict[str, ClaimFile] | None = None) -> Extracted:
    """Extract the sources whose text (or rules) changed; merge with their claim files."""
    version = extractor_version(registry_file(cfg))
    out = Extracted()
    olds: dict[str, ClaimFile | None] = {}
    todo: list[Source] = []
    for s in sources:
        path = claim_path(cfg, s.id)
        if files is not None:
            olds[s.id] = files.get(s.id)
        else:
            olds[s.id] = read_claim_file(path) if path.is_file() else None
        if force or needs_extraction(olds[s.id], s, version):
            todo.append(s)
    fresh: dict[str, list[Claim]] = {}
    if cfg.workers > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=cfg.workers, mp_context=MP_CONTEXT) as pool:
            results = pool.map(_extract_one, todo, [registry] * len(todo), [rules] * len(todo))
            for s, (mentions, claims) in zip(todo, results, strict=True):
                out.mentions[s.id], fresh[s.id] = mentions, claims
    else:
        for s in todo:
            out.mentions[s.id], fresh[s.id] = _extract_one(s, registry, rules)
    for s in sources:
        if s.id not in out.mentions:
            out.mentions[s.id] = extract_mentions(s, registry)
        old = olds[s.id]
        if force and old is not None:
            old = replace(old, extractor_version="")
        out.merges[s.id] = merge_claims(old, s, fresh.get(s.id, []), version)
        out.on_disk[s.id] = olds[s.id]
    return out


def analyse(cfg: Config, sources: list[Source], extracted: Extracted,
            registry: Registry) -> tuple[RunResult, list[str]]:
    """Normalise, compare and apply reviews; returns the result and stale review ids."""
    mentions = [m for s in sources for m in extracted.mentions[s.id]]
    resolution = resolve_entities(mentions, registry)
    claims = [c for s in sources for c in extracted.merges[s.id].claim_file.claims]
    norm = normalize_corpus(sources, claims, resolution.resolve_name, resolution.canonical)
    flags = compare_all(sources, norm, resolution, mentions)
    reviews = load_reviews(cfg.claims / REVIEWS_FILE)
    stale = apply_reviews(flags, reviews)
    result = RunResult(sources=sources, claims=norm.claims, flags=flags, entities=resolution.entities,
                       mentions=mentions, warnings=[w for s in sources for w in s.warnings])
    return result, stale


def write_claims(cfg: Config, result: RunResult, extracted: Extracted) -> None:
    """One claim file per source, with this run's normalised values (people's claims untouched)."""
    by_source: dict[str, list[Claim]] = {}
    for c in result.claims:
        by_source.setdefault(c.source, []).append(c)
    for s in result.sources:
        merged = extracted.merges[s.id].claim_file
        originals = {c.id: c for c in merged.claims}
        claims = []
        for c in by_source.get(s.id, []):
            if c.origin == "manual":
                claims.append(originals.get(c.id, c))  # exactly as the person wrote it
            else:
                claims.append(replace(c, checksum=""))
        cf = ClaimFile(SourceMeta.from_source(s), merged.extractor_version, claims, rejected=merged.rejected)
        merge = extracted.merges[s.id]
        on_disk = extracted.on_disk.get(s.id)
        if merge.cached and not merge.newly_rejected and on_disk is not None and _same_file(on_disk, cf):
            continue  # nothing changed: the file on disk is already this one (inferred dates included)
        write_claim_file(claim_path(cfg, s.id), cf)


def _same_file(old: ClaimFile, new: ClaimFile) -> bool:
    """Equal content, ignoring checksums (recomputed on write for changed claims only)."""
    if (old.source != new.source or old.extractor_version != new.extractor_version
            or old.rejected != new.rejected or old.extracted_ids != new.written_extracted_ids()
            or len(old.claims) != len(new.claims)):
        return False
    return all(replace(a, checksum="") == replace(b, checksum="") for a, b in zip(old.claims, new.claims, strict=True))


def load_corpus(cfg: Config) -> list[Source]:
    return load_sources(cfg.sources)
