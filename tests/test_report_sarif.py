"""report.sarif: the SARIF 2.1.0 shape code-scanning tools read (schema not available offline)."""

from __future__ import annotations

import json

from crosscheck.report.sarif import FINGERPRINT_KEY, sarif_log
from report_fixtures import KAA_TEXT, make_result, span_of


def _log() -> dict:
    return json.loads(json.dumps(sarif_log(make_result())))


def test_top_level_shape() -> None:
    log = _log()
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "crosscheck" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) and "role_conflict" in ids
    assert all(r["shortDescription"]["text"] and "helpUri" not in r for r in driver["rules"])
    assert run["columnKind"] == "unicodeCodePoints"


def test_one_result_per_flag_with_rule_level_message_fingerprint() -> None:
    run = _log()["runs"][0]
    flags = {f.id: f for f in make_result().flags}
    assert len(run["results"]) == len(flags)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for res in run["results"]:
        flag = flags[res["partialFingerprints"][FINGERPRINT_KEY]]
        assert res["ruleId"] == flag.kind
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == flag.kind
        assert res["level"] == levels[flag.severity]
        assert res["message"]["text"] == flag.summary
        assert len(res["locations"]) == len(flag.evidence)
        assert "primaryLocationLineHash" not in res["partialFingerprints"]


def test_regions_are_one_based_with_end_column_past_the_end() -> None:
    run = _log()["runs"][0]
    name = next(r for r in run["results"] if r["ruleId"] == "name_variant")
    loc = name["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "sources/kaa_2020.txt"
    start, end = span_of(KAA_TEXT, "Choummaly Sayasone")
    line_start = KAA_TEXT.rfind("\n", 0, start) + 1
    region = loc["region"]
    assert region["startLine"] == KAA_TEXT.count("\n", 0, start) + 1 == 8
    assert region["startColumn"] == start - line_start + 1
    assert region["endColumn"] == region["startColumn"] + len("Choummaly Sayasone")
    assert region["snippet"]["text"] == "Choummaly Sayasone"


def test_reviewed_flags_carry_suppressions() -> None:
    run = _log()["runs"][0]
    flags = {f.id: f for f in make_result().flags}
    for res in run["results"]:
        flag = flags[res["partialFingerprints"][FINGERPRINT_KEY]]
        if flag.status == "open":
            assert "suppressions" not in res
        else:
            [sup] = res["suppressions"]
            assert sup["kind"] == "external" and sup["status"] in {"accepted", "rejected"}
            assert flag.status in sup["justification"] and flag.review_note in sup["justification"]


def test_unlocatable_evidence_keeps_artifact_without_region() -> None:
    result = make_result()
    result.flags[0].evidence[0] = type(result.flags[0].evidence[0])("unknown_src", "x", "q", (5, 9))
    log = sarif_log(result)
    locs = [loc for r in log["runs"][0]["results"] for loc in r["locations"]]
    odd = [loc for loc in locs if loc["physicalLocation"]["artifactLocation"]["uri"] == "unknown_src"]
    assert odd and "region" not in odd[0]["physicalLocation"]


def test_html_sources_get_no_line_region() -> None:
    """Offsets into text extracted from HTML are not lines of the .html file: no region, span kept."""
    result = make_result()
    for source in result.sources:
        if source.id == "kaa_2020":
            source.format = "html"
            source.path = "sources/kaa_2020.html"
    run = sarif_log(result)["runs"][0]
    locs = [loc for r in run["results"] for loc in r["locations"]]
    kaa = [loc for loc in locs if loc["physicalLocation"]["artifactLocation"]["uri"] == "sources/kaa_2020.html"]
    assert kaa and all("region" not in loc["physicalLocation"] for loc in kaa)
    assert all(loc["properties"]["textSpan"][1] > loc["properties"]["textSpan"][0] for loc in kaa)
    others = [loc for loc in locs if loc not in kaa]
    assert others and all("region" in loc["physicalLocation"] for loc in others)
