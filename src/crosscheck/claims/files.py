"""Claim files ``claims/<source id>.yaml``: the editable, cached form of one source's claims.

Reading validates against ``claims.schema.json`` and a few rules a schema cannot
say (span order, unique ids, the file naming its own source); every error names
the file, the line and the field.  Writing is deterministic and atomic.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from crosscheck.claims.checksum import claim_checksum
from crosscheck.claims.schema import SCHEMA_VERSION, claim_schema
from crosscheck.errors import InputError
from crosscheck.records import Claim, Source
from crosscheck.yamlio import YamlDoc, dotted, dump_yaml, load_yaml_file, validate

HEADER = """\
# crosscheck claim file: the claims of one source, written by crosscheck and meant to be edited.
#
# - To add a claim, or to change one, set `origin: manual` on it. Manual claims are never
#   changed or removed by crosscheck; give an added claim any id not used elsewhere in this file.
# - Extracted claims (`origin: extracted`) are replaced when the source text or the extractor
#   changes. Edits to extracted claims are detected (through `checksum`) and the edited claim
#   is kept as manual; it then stands in for the extracted claim of the same id.
# - To reject an extracted claim, delete it: crosscheck records its id under `rejected` and
#   leaves it out from then on, even after re-extraction. Take the id out of `rejected` to let
#   the claim come back. (`extracted_ids` is crosscheck's record of the claims it wrote: leave it.)
# - `note` is free text for people; it never counts as an edit.
# - span is [start, end): character offsets into the decoded source text.
"""

# Always written, even when empty, so a person sees what a claim is.
_ALWAYS = frozenset({"id", "kind", "quote", "span", "origin"})
_SOURCE_KEYS = ("id", "path", "sha256", "title", "published", "published_basis", "published_evidence")


@dataclass
class SourceMeta:
    """What a claim file records about its source (``sha256`` is the extraction cache key)."""

    id: str
    path: str = ""
    sha256: str = ""
    title: str | None = None
    published: str | None = None
    published_basis: str = "unknown"
    published_evidence: str = ""

    @classmethod
    def from_source(cls, source: Source) -> SourceMeta:
        return cls(**{key: getattr(source, key) for key in _SOURCE_KEYS})


@dataclass
class ClaimFile:
    """One parsed claim file."""

    source: SourceMeta
    extractor_version: str = ""
    claims: list[Claim] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    rejected: list[str] = field(default_factory=list)  # ids of extracted claims a person deleted
    extracted_ids: list[str] = field(default_factory=list)  # as read: the extracted claims last written

    def written_extracted_ids(self) -> list[str]:
        """The ids of the extracted claims this file holds, as ``extracted_ids`` records them on writing."""
        return [c.id for c in self.claims if c.origin == "extracted"]


# --------------------------------------------------------------------- to YAML


def _default(f: Any) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return MISSING


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """A claim as a mapping of plain values in field order, leaving out empty and default fields."""
    out: dict[str, Any] = {}
    for f in fields(claim):
        value = _plain(getattr(claim, f.name))
        if f.name == "span":
            value = [int(value[0]), int(value[1])]
        elif f.name == "value" and isinstance(value, (bool, list)):
            value = str(value)  # the schema allows a string or a number
        if f.name in _ALWAYS or (value is not None and value != _default(f) and value != "" and value != []):
            out[f.name] = value
    return out


def claim_file_to_dict(cf: ClaimFile) -> dict[str, Any]:
    source = {key: getattr(cf.source, key) for key in _SOURCE_KEYS}
    source = {k: v for k, v in source.items() if k == "id" or v not in (None, "")}
    out: dict[str, Any] = {
        "schema_version": cf.schema_version,
        "source": source,
        "extractor_version": cf.extractor_version,
    }
    # one line, before the claims (people add claims at the end of the file)
    out["extracted_ids"] = " ".join(_short_id(i, cf.source.id) for i in cf.written_extracted_ids())
    if cf.rejected:
        out["rejected"] = sorted(set(cf.rejected))
    out["claims"] = [claim_to_dict(c) for c in cf.claims]
    return out


def _short_id(claim_id: str, source_id: str) -> str:
    """``<source id>#event_date-cd0a0bf9`` as ``event_date-cd0a0bf9`` (every extracted id starts so)."""
    prefix = f"{source_id}#"
    return claim_id[len(prefix):] if claim_id.startswith(prefix) else claim_id


def _long_id(short: str, source_id: str) -> str:
    return short if "#" in short else f"{source_id}#{short}"


def _plain(value: Any) -> Any:
    """A value as YAML will give it back: str, int, float, bool, None, or lists of those."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):  # date / datetime: claim files hold ISO strings
        return value.isoformat()
    if hasattr(value, "item"):  # numpy / pandas scalars
        return _plain(value.item())
    return str(value)


def plain_claim(claim: Claim) -> Claim:
    """The claim exactly as it will read back from its file, so its checksum survives the trip."""
    return _claim_from_dict(claim_to_dict(claim), claim.source)


def seal(claim: Claim) -> Claim:
    """The claim in plain form with its checksum filled in if it is extracted and has none."""
    claim = plain_claim(claim)
    if claim.origin != "extracted" or claim.checksum:
        return claim
    return replace(claim, checksum=claim_checksum(claim))


def _sealed(cf: ClaimFile) -> ClaimFile:
    return replace(cf, claims=[seal(c) for c in cf.claims])


def render_claim_file(cf: ClaimFile) -> str:
    """The exact text ``write_claim_file`` writes (extracted claims without a checksum get one)."""
    return HEADER + "\n" + dump_yaml(claim_file_to_dict(_sealed(cf)))


def write_claim_file(path: Path, cf: ClaimFile) -> None:
    """Write deterministically, through a temporary file renamed into place (never half a file).

    The text is checked against the schema first: crosscheck never writes a file it would refuse to read.
    """
    path = Path(path)
    data = claim_file_to_dict(_sealed(cf))
    first = next(iter(Draft202012Validator(claim_schema()).iter_errors(data)), None)
    if first is not None:
        problem = InputError(str(path), first.message, field=dotted(list(first.absolute_path)) or None)
    else:
        problem = next(iter(_semantic_errors(YamlDoc(path, data, None), path)), None)
    if problem is not None:
        message = f"refusing to write an invalid claim file: {problem.message}"
        raise InputError(str(path), message, field=problem.field)
    text = HEADER + "\n" + dump_yaml(data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise InputError(str(path), f"cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(str(path), f"cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ------------------------------------------------------------------- from YAML


def _claim_from_dict(data: dict[str, Any], source_id: str) -> Claim:
    kwargs = dict(data)
    kwargs.setdefault("source", source_id)
    kwargs.setdefault("subject", "")
    kwargs["span"] = (int(data["span"][0]), int(data["span"][1]))
    if kwargs.get("note") is None:
        kwargs["note"] = ""
    return Claim(**kwargs)


def _semantic_errors(doc: YamlDoc, path: Path) -> list[InputError]:
    """What the schema cannot say: span order, unique ids, the file naming its own source."""
    errors: list[InputError] = []
    source_id = doc.data["source"]["id"]
    if path.suffix == ".yaml" and path.stem != source_id:
        where = ["source", "id"]
        msg = f"source id {source_id!r} does not match the file name {path.name!r}"
        errors.append(InputError(str(path), msg, line=doc.line_of(where), field="source.id"))
    seen: dict[str, int] = {}
    for i, claim in enumerate(doc.data["claims"]):
        start, end = claim["span"]
        if start > end:
            where = ["claims", i, "span"]
            msg = f"span start {start} is after its end {end}"
            errors.append(InputError(str(path), msg, line=doc.line_of(where), field=f"claims[{i}].span"))
        if claim.get("source", source_id) != source_id:
            where = ["claims", i, "source"]
            msg = f"claim names source {claim['source']!r} but the file is about {source_id!r}"
            errors.append(InputError(str(path), msg, line=doc.line_of(where), field=f"claims[{i}].source"))
        cid = claim["id"]
        if cid in seen:
            where = ["claims", i, "id"]
            msg = f"duplicate claim id {cid!r} (also claims[{seen[cid]}])"
            errors.append(InputError(str(path), msg, line=doc.line_of(where), field=f"claims[{i}].id"))
        seen.setdefault(cid, i)
    return errors


def read_claim_file_all(path: Path) -> tuple[ClaimFile | None, list[InputError]]:
    """Parse and check a claim file, collecting every error; the ClaimFile is None if any."""
    path = Path(path)
    try:
        doc = load_yaml_file(path)
    except InputError as exc:
        return None, [exc]
    errors = validate(doc, claim_schema(), path)
    if errors:
        return None, errors
    errors = _semantic_errors(doc, path)
    if errors:
        return None, sorted(errors, key=lambda e: (e.line or 0, e.field or ""))
    data = doc.data
    meta = SourceMeta(**{k: data["source"].get(k, getattr(SourceMeta, k, None)) for k in _SOURCE_KEYS})
    claims = [_claim_from_dict(c, meta.id) for c in data["claims"]]
    rejected = [str(i) for i in data.get("rejected") or []]
    extracted_ids = [_long_id(i, meta.id) for i in str(data.get("extracted_ids") or "").split()]
    return ClaimFile(meta, data.get("extractor_version", ""), claims, data["schema_version"], rejected,
                     extracted_ids), []


def read_claim_file(path: Path) -> ClaimFile:
    """Parse and check a claim file; the first error (by line) is raised as InputError."""
    cf, errors = read_claim_file_all(path)
    if errors or cf is None:
        raise errors[0] if errors else InputError(str(path), "unreadable claim file")
    return cf
