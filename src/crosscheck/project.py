"""The library facade: one project (configuration, rule set, entity registry) and the whole job.

The CLI and the benchmarks are thin callers of this class; a notebook user
needs nothing else::

    from crosscheck import Project

    project = Project.from_folder("my-corpus")       # reads crosscheck.toml / pyproject.toml
    result = project.run()                           # extract what changed, compare, apply reviews
    project.write_claims(result)                     # claims/<source>.yaml
    project.write_reports(result)                    # reports/report.{json,md,html,...}
    print(project.gate(result).message)

Every stage runs inside the project's :class:`~crosscheck.rules.RuleSet`; the
user's ``claims/entities.yaml`` is read and validated once, when the project
is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck import pipeline
from crosscheck.claims import ClaimFile, MergeResult, SourceMeta
from crosscheck.config import Config, load_config
from crosscheck.errors import InputError
from crosscheck.lexicon.registry import Registry, load_registry
from crosscheck.records import Flag, RunResult, Source
from crosscheck.review.gate import GateResult
from crosscheck.rules import RuleSet


@dataclass
class Analysis:
    """What one run produced, with what a caller needs to write it out."""

    result: RunResult
    extracted: pipeline.Extracted
    stale_reviews: list[str] = field(default_factory=list)


class Project:
    """A corpus folder with its claim files, reports, rules and reviews."""

    def __init__(self, config: Config) -> None:
        from crosscheck.report.formats import default_format_names

        self.config = config
        self.rules = RuleSet([config.rules_dir] if config.rules_dir is not None else [])
        self.formats: list[str] = list(config.formats) if config.formats is not None else list(default_format_names())
        if "json" not in self.formats:  # report.json is the contract: review and check read it back
            self.formats.insert(0, "json")
        self._registry: Registry | None = None

    @classmethod
    def from_folder(cls, folder: str | Path = ".", **overrides: Any) -> Project:
        """The project configured in ``folder`` (its crosscheck.toml or pyproject.toml), with overrides."""
        from crosscheck.report.formats import format_names

        return cls(load_config(Path(folder), overrides, format_names()))

    # ------------------------------------------------------------------ inputs

    @property
    def registry(self) -> Registry:
        """The built-in entity registry merged with the user's ``claims/entities.yaml`` (read once)."""
        if self._registry is None:
            with self.rules.active():
                self._registry = load_registry(pipeline.registry_file(self.config))
        return self._registry

    def validate(self) -> dict[str, ClaimFile]:
        """Check every file a person wrote under claims/ (all errors at once); the parsed claim files."""
        with self.rules.active():
            files = pipeline.check_inputs(self.config)
            _ = self.registry
            return files

    def sources(self) -> list[Source]:
        with self.rules.active():
            return pipeline.load_corpus(self.config)

    # -------------------------------------------------------------------- runs

    def run(self, force: bool = False) -> Analysis:
        """Extract the sources that changed (all with ``force``), normalise, compare, apply reviews."""
        files = self.validate()
        with self.rules.active():
            sources = pipeline.load_corpus(self.config)
            extracted = pipeline.extract_all(self.config, sources, self.registry, self.rules, force=force,
                                             files=files)
            return self._analyse(sources, extracted)

    def check(self, warn: Any = None) -> Analysis:
        """Compare the claim files as they are, without extraction; a source without one is an error.

        ``warn`` (a callable taking one message) hears about sources changed since extraction.
        """
        files = self.validate()
        with self.rules.active():
            sources = pipeline.load_corpus(self.config)
            extracted = pipeline.Extracted()
            for s in sources:
                path = pipeline.claim_path(self.config, s.id)
                if s.id not in files:
                    raise InputError(str(path), f"no claim file for source {s.id}: run 'crosscheck extract' first")
                cf = files[s.id]
                if warn is not None and cf.source.sha256 and cf.source.sha256 != s.sha256:
                    warn(f"{path}: warning: {s.path} changed since its claims were extracted; "
                         "run 'crosscheck extract'")
                extracted.merges[s.id] = MergeResult(ClaimFile(SourceMeta.from_source(s), cf.extractor_version,
                                                               cf.claims))
                extracted.mentions[s.id] = pipeline.mentions_of(s, self.registry)
            return self._analyse(sources, extracted)

    def _analyse(self, sources: list[Source], extracted: pipeline.Extracted) -> Analysis:
        result, stale = pipeline.analyse(self.config, sources, extracted, self.registry)
        return Analysis(result, extracted, stale)

    # ------------------------------------------------------------------ outputs

    def write_claims(self, analysis: Analysis) -> None:
        """One claim file per source (people's claims untouched; unchanged files not rewritten)."""
        with self.rules.active():
            pipeline.write_claims(self.config, analysis.result, analysis.extracted)

    def write_reports(self, analysis: Analysis, formats: list[str] | None = None) -> list[Path]:
        """The report files in the configured formats (``github`` is printed, not written)."""
        from crosscheck.report import write_reports

        wanted = formats if formats is not None else self.formats
        return write_reports(analysis.result, self.config.reports, wanted, stale_reviews=analysis.stale_reviews)

    def gate(self, analysis: Analysis, fail_on: str | None = None) -> GateResult:
        """Pass or fail on unreviewed flags at or above ``fail_on`` (the configured level by default)."""
        from crosscheck.review import gate

        return gate(analysis.result.flags, fail_on or self.config.fail_on)

    def review(self, flag: Flag, status: str, note: str = "", reviewer: str = "", date: str = "") -> Path:
        """Record a decision on ``flag`` in claims/reviews.yaml; the file written."""
        from crosscheck.review import record_review

        path = self.config.claims / pipeline.REVIEWS_FILE
        record_review(path, flag, status, note=note, reviewer=reviewer, date=date)
        return path
