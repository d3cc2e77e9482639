"""Issue 14, item 5: what an article, its file name or its sources say cannot act on a reader.

Every output format shows control characters (ESC, CR, bidi overrides and isolates,
other C0/C1) as escapes, no line of the text output or of stderr starts with `::`,
no output holds `##[` (GitHub's runner reads both as workflow commands), and the
Markdown output pings no one and links nothing.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from citecheck.render import format_report
from citecheck.render.escape import (
    defuse_commands,
    json_guard,
    markdown_text,
    safe_line,
    visible,
    xml_guard,
)
from citecheck.report import Evidence, Report, Status
from tests.cli.support import claim, report, run_main

HOSTILE = (
    "Prices \x1b[31mfell\x1b[0m\r::error file=x,line=1::FORGED\u202eevil\u202c "
    "\u2066iso\u2069 ##[add-mask]Failed \x85 @octo-org/team and #123 via https://evil.example"
)
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
FORMATS = ["text", "json", "sarif", "github", "junit", "markdown", "html"]
EVIL_NAME = "evil\n::error file=x,line=1::FORGED\n.md"


def hostile_report() -> Report:
    quote = Evidence(source_id="1", quote=HOSTILE, start=0, end=len(HOSTILE), score=0.5)
    built = report(
        EVIL_NAME,
        [
            claim(0, HOSTILE, Status.UNSUPPORTED, reasons=[f"source 1 says {HOSTILE!s}"]),
            claim(1, HOSTILE, Status.UNCITED, line=2, evidence=[quote]),
        ],
    )
    return Report.model_validate({**dict(built), "article_text": HOSTILE})


def forged_lines(output: str) -> list[str]:
    """Lines GitHub's runner would read as workflow commands (it splits on CR and LF)."""
    lines = re.split(r"\r\n|\r|\n", output)
    return [line for line in lines if line.lstrip().startswith("::") or "##[" in line]


def test_visible_names_every_control_and_keeps_the_rest() -> None:
    assert visible("a\x1bb\rc\u202ed\u2066e\x00f\x85g\u2028h\ud800") == (
        "a\\x1bb\\x0dc\\u202ed\\u2066e\\x00f\\x85g\\u2028h\\ud800"
    )
    assert visible("Zürich 👩‍🚀 שלום\tok") == "Zürich 👩‍🚀 שלום\\x09ok"
    assert visible("two\nlines\r\n\tx", multiline=True) == "two\nlines\\x0d\n\tx"


def test_defuse_commands_leaves_no_command() -> None:
    text = "::error::a\n  ::warning::b\r::notice::c\u2003::x\nok :: fine ##[error]d ###[e"
    out = defuse_commands(text)
    assert forged_lines(out) == []
    assert out.startswith("\\x3a:error::a\n  \\x3a:warning::b")
    assert "ok :: fine ##\\x5berror]d #" in out
    assert json_guard('"##[x"') == '"##\\u005bx"'
    assert json.loads(json_guard('"##[x"')) == "##[x"
    assert xml_guard("##[x") == "##&#91;x"


def test_safe_line_is_one_line() -> None:
    assert "\n" not in safe_line(EVIL_NAME)
    assert safe_line(EVIL_NAME) == "evil\\x0a::error file=x,line=1::FORGED\\x0a.md"


def test_markdown_text_pings_no_one_and_links_nothing() -> None:
    out = markdown_text(
        "@octo-org/team and @bob, #123, GH#9, a@b.co, https://x.io www.y.org &#64;z"
    )
    assert re.search(r"@\w", out) is None
    assert re.search(r"#\d", out.replace("&#8203;", "")) is not None  # still readable
    assert re.search(r"(?<!&)#\d", out) is None
    assert "://" not in out
    assert "www." not in out
    assert "&#64;" not in out  # an entity in the article stays text
    assert "\\&\\#&#8203;64;z" in out


@pytest.mark.parametrize("output_format", FORMATS)
def test_no_format_prints_raw_controls_or_commands(output_format: str) -> None:
    rendered = format_report([hostile_report()], output_format)
    if output_format == "github":
        commands = [line for line in rendered.splitlines() if line.startswith("::")]
        assert len(commands) == 2  # one per finding, nothing forged
        assert all(
            line.startswith(("::error file=evil", "::warning file=evil")) for line in commands
        )
        assert "##[" not in rendered
        assert "\r" not in rendered
    else:
        assert forged_lines(rendered) == [], output_format
    if output_format in ("text", "github", "markdown"):
        assert RAW_CONTROLS.search(rendered) is None, output_format
        assert "\\x1b" in rendered
        assert "\\u202e" in rendered
    if output_format == "junit":
        ET.fromstring(rendered)
        assert RAW_CONTROLS.search(rendered.replace("\n", "")) is None
    if output_format in ("json", "sarif"):
        json.loads(rendered)  # the data is intact
        assert "##[add-mask]" in json.dumps(json.loads(rendered), ensure_ascii=False)


def test_sarif_messages_show_controls_but_data_keeps_them() -> None:
    log = json.loads(format_report(hostile_report(), "sarif"))
    result = log["runs"][0]["results"][0]
    assert RAW_CONTROLS.search(result["message"]["text"]) is None
    assert "\\u202e" in result["message"]["text"]
    assert "\u202e" in result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]


def test_text_output_lines_never_start_with_a_command() -> None:
    rendered = format_report(
        report("::error::x.md", [claim(0, "A claim.", Status.UNCITED)]), "text"
    )
    assert forged_lines(rendered) == []
    assert rendered.startswith("\\x3a:error::x.md")


@pytest.mark.skipif(sys.platform == "win32", reason="newlines in file names")
@pytest.mark.parametrize("output_format", ["text", "github", "markdown", "json"])
def test_a_file_name_cannot_forge_a_workflow_command(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    output_format: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / EVIL_NAME).write_text("The ILO met in Geneva on Friday [1].\n", encoding="utf-8")
    (tmp_path / "blank.md").write_text("   \n", encoding="utf-8")
    run = run_main(capsys, "check", "--output-format", output_format, "--offline", ".")
    assert run.exit_code == 1, run.stderr
    assert forged_lines(run.stderr) == []
    if output_format == "github":
        commands = [line for line in run.stdout.splitlines() if line.lstrip().startswith("::")]
        assert len(commands) == 1
        assert "FORGED" in commands[0]
        assert "::error file=x" not in commands[0]
    else:
        assert forged_lines(run.stdout) == []


def test_stderr_notes_and_errors_are_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "\u202e::warning::x\x1b[2J.md"
    (tmp_path / name).write_text("   \n", encoding="utf-8")
    run = run_main(capsys, "check", name, "--source", "1=missing\x1b.txt")
    assert run.exit_code == 2
    assert RAW_CONTROLS.search(run.stderr) is None
    assert "\\x1b" in run.stderr
    assert forged_lines(run.stderr) == []
