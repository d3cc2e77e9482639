"""Renderers on hand-built reports: each output format parses back with the right content."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from citecheck.render import RENDERERS, RenderOptions, available, get_renderer
from citecheck.render.github import escape_data, escape_property
from citecheck.render.json import ReportSet
from citecheck.report import Evidence, Report, Status
from tests.cli.support import SARIF_SCHEMA, claim, report

PLAIN = RenderOptions(tool_version="9.9.9")


def sample() -> Report:
    """One article with a finding of every kind, a warning, a suppressed and a passing claim."""
    return report(
        "docs/story.md",
        [
            claim(0, "The ILO met on Friday.", Status.SUPPORTED, line=1, paragraph=0),
            claim(
                1,
                "The ILO met on Monday.",
                Status.UNSUPPORTED,
                line=3,
                column=5,
                paragraph=1,
                start=30,
                reasons=["source 1 says 'Friday', the claim says 'Monday'"],
                evidence=[
                    Evidence(
                        source_id="1", quote="The ILO met on Friday.", start=0, end=22, score=0.6
                    )
                ],
            ),
            claim(2, "Unemployment fell to 3%.", Status.UNCITED, line=3, column=30, paragraph=1),
            claim(3, "Wages rose 4% in 2023.", Status.PARTIAL, line=5, paragraph=2, start=80),
            claim(4, "Prices doubled.", Status.UNCITED, line=7, paragraph=3, suppressed="known"),
            claim(5, "Talks resume [9].", Status.UNKNOWN_SOURCE, line=9, paragraph=4, start=120),
        ],
    )


def render(name: str, reports: list[Report], options: RenderOptions = PLAIN) -> str:
    return get_renderer(name)(reports, options)


def test_registry_lists_every_builtin_format() -> None:
    names = available()
    assert names[:6] == ["text", "json", "sarif", "github", "junit", "markdown"]
    assert set(names) <= set(RENDERERS)
    with pytest.raises(KeyError):
        get_renderer("yaml")


# --- text -----------------------------------------------------------------------------------


def test_text_lists_findings_as_path_line_col_status_claim_reason() -> None:
    out = render("text", [sample()])
    lines = out.splitlines()
    assert lines[0] == "docs/story.md"
    finding = next(line for line in lines if line.startswith("docs/story.md:3:5 "))
    assert finding == (
        'docs/story.md:3:5 unsupported "The ILO met on Monday." — '
        "source 1 says 'Friday', the claim says 'Monday'"
    )
    assert '    source 1: "The ILO met on Friday."' in lines
    assert any(line.startswith("docs/story.md:5:1 partial ") for line in lines)
    assert any(line.startswith("docs/story.md:9:1 unknown_source ") for line in lines)
    # supported and suppressed claims are not findings
    assert "Prices doubled" not in out
    assert 'The ILO met on Friday."' not in finding
    assert lines[-1] == "Found 3 errors and 1 warning in 6 claims (1 suppressed)."


def test_text_groups_paragraphs_with_blank_lines() -> None:
    lines = render("text", [sample()]).splitlines()
    # the two findings of paragraph 1 are adjacent; paragraphs are separated by a blank line
    i = next(i for i, line in enumerate(lines) if line.startswith("docs/story.md:3:5"))
    assert lines[i + 2].startswith("docs/story.md:3:30 uncited")
    assert lines[i + 3] == ""


def test_text_shortens_long_claims_to_one_line() -> None:
    long_text = "word " * 60 + "end.\nsecond line"
    rep = report("a.md", [claim(0, long_text, Status.UNCITED, line=2)])
    line = render("text", [rep]).splitlines()[1]
    assert "\n" not in line
    assert "…" in line
    assert len(line) < 200


def test_text_colour_only_when_asked() -> None:
    assert "\x1b[" not in render("text", [sample()])
    coloured = render("text", [sample()], RenderOptions(color=True))
    assert "\x1b[" in coloured
    assert "unsupported" in coloured


def test_text_all_clear_and_quiet() -> None:
    clean = report("a.md", [claim(0, "Fine.", Status.SUPPORTED)])
    assert render("text", [clean]).strip() == "All clear: no findings in 1 claim."
    assert render("text", [clean], RenderOptions(quiet=True)) == ""


def test_text_markup_in_claims_is_printed_literally() -> None:
    rep = report("a.md", [claim(0, "[bold red]x[/] :smile:", Status.UNCITED)])
    assert '"[bold red]x[/] :smile:"' in render("text", [rep])


# --- json -----------------------------------------------------------------------------------


def test_json_one_article_is_a_report() -> None:
    rep = sample()
    parsed = Report.model_validate_json(render("json", [rep]))
    assert parsed.article == "docs/story.md"
    assert [c.status for c in parsed.claims] == [c.status for c in rep.claims]
    assert parsed.ok is False
    assert render("json", [rep]) == render("json", [rep])  # deterministic


def test_json_several_articles_is_a_report_set_in_order() -> None:
    first = report("a.md", [claim(0, "Fine.", Status.SUPPORTED)])
    second = sample()
    data = json.loads(render("json", [first, second]))
    assert data["ok"] is False
    parsed = ReportSet.model_validate(data)
    assert [r.article for r in parsed.reports] == ["a.md", "docs/story.md"]


# --- sarif ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def test_sarif_is_valid_and_complete(sarif_validator: jsonschema.Draft4Validator) -> None:
    log = json.loads(render("sarif", [sample()]))
    sarif_validator.validate(log)
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == [
        "citecheck/contradicted",
        "citecheck/unsupported",
        "citecheck/uncited",
        "citecheck/unknown_source",
        "citecheck/partial",
    ]
    contradicted = run["tool"]["driver"]["rules"][0]
    assert contradicted["defaultConfiguration"]["level"] == "error"
    assert "says otherwise" in contradicted["shortDescription"]["text"]
    assert run["tool"]["driver"]["version"] == "9.9.9"
    assert all(rule["help"]["text"] for rule in run["tool"]["driver"]["rules"])
    results = run["results"]
    by_rule = {r["ruleId"]: r for r in results if "suppressions" not in r}
    unsupported = by_rule["citecheck/unsupported"]
    assert unsupported["level"] == "error"
    assert rules[unsupported["ruleIndex"]] == "citecheck/unsupported"
    region = unsupported["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 5)
    assert (region["charOffset"], region["charLength"]) == (30, len("The ILO met on Monday."))
    assert "Monday" in unsupported["message"]["text"]
    assert by_rule["citecheck/partial"]["level"] == "warning"
    suppressed = [r for r in results if "suppressions" in r]
    assert len(suppressed) == 1
    assert suppressed[0]["suppressions"][0] == {"kind": "inSource", "justification": "known"}
    # supported claims are not results
    assert len(results) == 5
    uri = unsupported["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/story.md"


def test_sarif_fingerprints_ignore_line_numbers() -> None:
    moved = report("a.md", [claim(0, "Prices rose.", Status.UNCITED, line=40)])
    here = report("a.md", [claim(0, "Prices  rose.", Status.UNCITED, line=2)])
    fp = [
        json.loads(render("sarif", [r]))["runs"][0]["results"][0]["partialFingerprints"]
        for r in (moved, here)
    ]
    assert fp[0] == fp[1]


def test_sarif_odd_paths_and_text_stay_valid(sarif_validator: jsonschema.Draft4Validator) -> None:
    odd = report(
        "/tmp/my docs/ünïcode #1.md",
        [claim(0, 'Quote "x" <script>\u0000', Status.UNCITED, suppressed="")],
    )
    empty = report(None, [])
    log = json.loads(render("sarif", [odd, empty]))
    sarif_validator.validate(log)
    uri = log["runs"][0]["artifacts"][0]["location"]["uri"]
    assert uri.startswith("file:///tmp/my%20docs/")
    assert log["runs"][0]["results"][0]["suppressions"] == [{"kind": "inSource"}]


# --- github ---------------------------------------------------------------------------------


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    head, _, message = line[2:].partition("::")
    name, _, props = head.partition(" ")
    properties = dict(p.split("=", 1) for p in props.split(","))
    return name, properties, message


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github_annotations_per_finding() -> None:
    lines = render("github", [sample()]).splitlines()
    commands = [parse_command(line) for line in lines if line.startswith("::")]
    assert [c[0] for c in commands] == ["error", "error", "warning", "error"]
    _, props, message = commands[0]
    assert props["file"] == "docs/story.md"
    assert (props["line"], props["col"], props["endLine"]) == ("3", "5", "3")
    assert unescape(props["title"]) == "citecheck: unsupported"
    assert unescape(message).splitlines() == [
        "\"The ILO met on Monday.\" — source 1 says 'Friday', the claim says 'Monday'",
        'source 1: "The ILO met on Friday."',
    ]
    assert not lines[-1].startswith("::")  # the summary line


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    rep = report("dir,with:odd%name.md", [claim(0, "100% sure,\nreally: yes", Status.UNCITED)])
    line = render("github", [rep]).splitlines()[0]
    assert "\n" not in line
    _, props, message = parse_command(line)
    assert unescape(props["file"]) == "dir,with:odd%name.md"
    assert "100% sure, really: yes" in unescape(message)


# --- junit ----------------------------------------------------------------------------------


def test_junit_one_testcase_per_claim_failures_for_findings() -> None:
    root = ET.fromstring(render("junit", [sample()]))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == 6
    assert suite.get("tests") == "6"
    assert suite.get("failures") == "3"
    assert suite.get("skipped") == "1"
    failures = [c.find("failure") for c in cases]
    assert [f.get("type") if f is not None else None for f in failures] == [
        None,
        "unsupported",
        "uncited",
        None,
        None,
        "unknown_source",
    ]
    assert cases[4].find("skipped") is not None
    assert cases[0].get("file") == "docs/story.md"


def test_junit_escapes_markup_and_shows_control_characters() -> None:
    text = 'A <b>bold</b> & "quoted" claim\x01\x0b with ]]> inside.'
    root = ET.fromstring(render("junit", [report("a&b.md", [claim(0, text, Status.UNCITED)])]))
    case = root.find("testsuite/testcase")
    assert case is not None
    assert root.find("testsuite").get("name") == "a&b.md"  # type: ignore[union-attr]
    failure = case.find("failure")
    assert failure is not None
    assert failure.text is not None
    assert 'A <b>bold</b> & "quoted" claim\\x01\\x0b with ]]> inside.' in failure.text


# --- markdown -------------------------------------------------------------------------------


def table_rows(markdown: str) -> list[list[str]]:
    """Split table rows on unescaped pipes."""
    import re

    rows = []
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
            rows.append([c.strip() for c in cells])
    return rows


def test_markdown_table_rows_per_finding() -> None:
    out = render("markdown", [sample()])
    assert out.startswith("## citecheck fails")
    rows = table_rows(out)
    assert rows[0] == ["", "Status", "Location", "Claim", "Reason"]
    assert [r[1] for r in rows[1:]] == [
        "`unsupported`",
        "`uncited`",
        "`partial`",
        "`unknown_source`",
    ]
    assert rows[1][2] == "docs/story.md:3:5"


def test_markdown_escapes_pipes_and_html() -> None:
    rep = report("a.md", [claim(0, "A | B <img src=x> *loud*", Status.UNCITED)])
    rows = table_rows(render("markdown", [rep]))
    assert len(rows[1]) == 5
    assert rows[1][3] == r"A \| B \<img src=x\> \*loud\*"


def test_markdown_passes_when_clean() -> None:
    clean = report("a.md", [claim(0, "Fine.", Status.SUPPORTED)])
    out = render("markdown", [clean])
    assert out.startswith("## citecheck passes")
    assert table_rows(out) == []


def test_markdown_table_is_capped_to_fit_a_comment() -> None:
    from citecheck.render.markdown import MAX_ROWS

    many = report(
        "a.md",
        [claim(i, f"Claim {i} " + "word " * 40, Status.UNCITED, line=i + 1) for i in range(250)],
    )
    out = render("markdown", [many])
    assert len(table_rows(out)) == MAX_ROWS + 1  # plus the header row
    assert f"and {250 - MAX_ROWS} more findings" in out
    assert len(out) < 65_536
