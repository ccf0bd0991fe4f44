"""GitHub Actions annotations and job summary, and the JUnit XML for GitLab/Jenkins."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from crosscheck.records import Evidence, Flag
from crosscheck.report.github import escape_data, escape_property, github_annotations, job_summary_markdown
from crosscheck.report.junit import junit_xml
from report_fixtures import make_result


def test_escaping_rules() -> None:
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_one_annotation_per_open_flag_most_severe_first() -> None:
    lines = github_annotations(make_result())
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]
    role = lines[0]
    assert role.startswith("::error file=sources/kaa_2020.txt,line=7,col=")
    assert ",title=role_conflict ROLE-" in role
    props, message = role[2:].split("::", 1)
    assert "\n" not in role and "%0A" in message
    assert message.startswith("Kaysone Phomvihane's party title in April 1992")


def test_properties_and_message_escaped() -> None:
    result = make_result()
    flag = Flag(
        "DATE-x",
        "date_conflict",
        "error",
        "s",
        "50% sure:\nreally, yes",
        [Evidence("nowhere", "1", "q", (0, 1))],
    )
    result.flags = [flag]
    [line] = github_annotations(result)
    assert line == "::error title=date_conflict DATE-x::50%25 sure:%0Areally, yes%0Anowhere: 1 — “q”"


def test_job_summary_lists_every_flag() -> None:
    md = job_summary_markdown(make_result(), ["DATE-0000000000"])
    for flag in make_result().flags:
        assert flag.id in md
    assert "6 flags (2 errors, 2 warnings, 2 notes); 3 open, 3 new." in md
    assert "DATE-0000000000" in md


def test_junit_one_testcase_per_flag() -> None:
    root = ET.fromstring(junit_xml(make_result()).encode("utf-8"))
    assert root.tag == "testsuite" and root.get("tests") == "6"
    assert root.get("failures") == "3" and root.get("skipped") == "3"
    flags = {f.id: f for f in make_result().flags}
    cases = root.findall("testcase")
    assert {c.get("name") for c in cases} == set(flags)
    for case in cases:
        flag = flags[case.get("name")]
        assert case.get("classname") == flag.kind
        if flag.status == "open":
            failure = case.find("failure")
            assert failure is not None and failure.get("message") == flag.summary
            assert flag.evidence[0].source in (failure.text or "")
        else:
            skipped = case.find("skipped")
            assert skipped is not None and flag.status in (skipped.get("message") or "")


def test_junit_survives_control_characters() -> None:
    result = make_result()
    result.flags[0].summary = "form\x0cfeed & <tag>"
    root = ET.fromstring(junit_xml(result).encode("utf-8"))
    assert any(
        "<tag>" in (c.find("failure").get("message") or "") for c in root if c.find("failure") is not None
    )


def test_annotation_for_html_source_names_the_file_without_line() -> None:
    result = make_result()
    for source in result.sources:
        source.format = "html"
    lines = github_annotations(result)
    assert lines[0].startswith("::error file=sources/kaa_2020.txt,title=role_conflict ROLE-")
    assert ",line=" not in lines[0]
