"""report.junit.xml for GitLab and Jenkins: one testcase per flag, failing while it is unreviewed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from crosscheck.records import Flag, RunResult
from crosscheck.report.document import TOOL_NAME, sorted_flags
from crosscheck.report.formats import output_format, write_text

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold replaced (documents do contain form feeds)."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def _details(flag: Flag) -> str:
    lines = [flag.summary, f"subject: {flag.subject}"]
    for ev in flag.evidence:
        lines.append(f"- {ev.source} [{ev.span[0]}-{ev.span[1]}]: {ev.value}: {' '.join(ev.quote.split())}")
        if ev.derivation:
            lines.append(f"  derivation: {ev.derivation}")
    return xml_safe("\n".join(lines))


def junit_xml(result: RunResult) -> str:
    """One testsuite; open flags carry <failure>, reviewed ones <skipped> with the decision."""
    flags = sorted_flags(result.flags)
    failures = sum(1 for f in flags if f.status == "open")
    suite = ET.Element("testsuite", {
        "name": TOOL_NAME,
        "tests": str(len(flags)),
        "failures": str(failures),
        "errors": "0",
        "skipped": str(len(flags) - failures),
    })  # fmt: skip
    for flag in flags:
        case = ET.SubElement(suite, "testcase", {"classname": xml_safe(flag.kind), "name": xml_safe(flag.id)})
        if flag.status == "open":
            failure = ET.SubElement(
                case, "failure", {"type": flag.severity, "message": xml_safe(flag.summary)}
            )
            failure.text = _details(flag)
        else:
            note = f": {flag.review_note}" if flag.review_note else ""
            ET.SubElement(case, "skipped", {"message": xml_safe(f"reviewed as {flag.status}{note}")})
    ET.indent(suite, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"


@output_format("junit", "report.junit.xml", order=60)
def write_junit(result: RunResult, folder: Path, stale: list[str]) -> list[Path]:
    return [write_text(folder / "report.junit.xml", junit_xml(result))]
