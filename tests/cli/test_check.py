"""`citecheck check` end to end on fixture articles: exit codes, sources, formats, errors.

The fixtures avoid the matcher's fine judgement: `clean.md` cites sources that
contain its claims word for word, and `story.md` has a marker `[9]` no source
backs (always `unknown_source`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from citecheck.render.json import ReportSet
from citecheck.report import Report, Status
from tests.cli.support import SARIF_SCHEMA, copy_fixtures, invoke, run_main


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixtures as the working directory."""
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def check_json(*args: str) -> tuple[int, Report]:
    run = invoke("check", *args, "--output-format", "json")
    assert run.exit_code in (0, 1), run.stderr
    return run.exit_code, Report.model_validate_json(run.stdout)


def test_clean_article_exits_0(work: Path) -> None:
    run = invoke("check", "clean.md", "--sources-dir", "sources")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert run.stdout.strip().endswith("no findings in 3 claims.")


def test_findings_exit_1_and_name_the_location(work: Path) -> None:
    run = invoke("check", "story.md", "--sources-dir", "sources")
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert lines[0] == "story.md"
    unknown = [line for line in lines if " unknown_source " in line]
    assert len(unknown) == 1
    assert unknown[0].startswith('story.md:7:1 unknown_source "Ministers promised a report')
    assert unknown[0].endswith(" — [9] names a source that was not given")
    assert "Found" in lines[-1]


def test_fail_on_decides_the_exit_code(work: Path) -> None:
    assert invoke("check", "story.md", "-s", "1=sources/1.txt", "--fail-on", "none").exit_code == 0
    only_uncited = invoke("check", "story.md", "--sources-dir", "sources", "--fail-on", "uncited")
    assert only_uncited.exit_code == 0
    # findings that do not fail are still shown, as warnings
    assert "unknown_source" in only_uncited.stdout
    assert "warning" in only_uncited.stdout.splitlines()[-1]
    code, rep = check_json("story.md", "--sources-dir", "sources", "--fail-on", "unknown-source")
    assert code == 1
    assert rep.fail_on == (Status.UNKNOWN_SOURCE,)


def test_source_flags_override_sources_dir(work: Path) -> None:
    (work / "other.txt").write_text("Nothing about labour here at all.", encoding="utf-8")
    _, rep = check_json("clean.md", "--sources-dir", "sources", "--source", "1=other.txt")
    origins = {s.id: s.origin for s in rep.sources}
    assert origins["1"].endswith("other.txt")
    assert origins["2"].endswith(os.path.join("sources", "2.txt"))
    _, clean = check_json("clean.md", "--sources-dir", "sources")
    assert [c.status for c in clean.claims if c.citations] == [Status.SUPPORTED, Status.SUPPORTED]


def test_missing_source_id_is_unknown_source(work: Path) -> None:
    code, rep = check_json("clean.md", "--source", "1=sources/1.txt")
    assert code == 1
    second = next(c for c in rep.claims if c.citations == ("2",))
    assert second.status == Status.UNKNOWN_SOURCE
    assert any("not given" in r for r in second.reasons)


def test_unreadable_source_is_unknown_source_with_reason(work: Path) -> None:
    (work / "adir").mkdir()
    code, rep = check_json("clean.md", "-s", "1=adir", "-s", "2=sources/2.txt")
    assert code == 1
    first = next(c for c in rep.claims if c.citations == ("1",))
    assert first.status == Status.UNKNOWN_SOURCE
    assert any("could not be loaded" in r for r in first.reasons)
    info = {s.id: s for s in rep.sources}["1"]
    assert info.error


def test_several_articles_json_is_a_report_set_in_input_order(work: Path) -> None:
    run = invoke(
        "check", "story.md", "clean.md", "--sources-dir", "sources", "--output-format", "json"
    )
    assert run.exit_code == 1
    data = ReportSet.model_validate_json(run.stdout)
    assert [r.article for r in data.reports] == ["story.md", "clean.md"]
    assert data.ok is False


def test_parallel_jobs_give_identical_output(work: Path) -> None:
    for i in range(3):
        (work / f"copy{i}.md").write_text((work / "story.md").read_text(), encoding="utf-8")
    args = ["check", "copy2.md", "clean.md", "copy0.md", "copy1.md", "--sources-dir", "sources"]
    serial = invoke(*args, "--output-format", "json", "--jobs", "1")
    parallel = invoke(*args, "--output-format", "json", "--jobs", "2")
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    names = [r.article for r in ReportSet.model_validate_json(parallel.stdout).reports]
    assert names == ["copy2.md", "clean.md", "copy0.md", "copy1.md"]


def test_directory_arguments_respect_include_and_exclude(work: Path) -> None:
    docs = work / "docs"
    (docs / "drafts").mkdir(parents=True)
    (docs / "a.md").write_text("Fine words here [1].\n", encoding="utf-8")
    (docs / "b.txt").write_text("More fine words [1].\n", encoding="utf-8")
    (docs / "drafts" / "c.md").write_text("Draft words [1].\n", encoding="utf-8")
    (docs / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    run = invoke("check", "docs", "-s", "1=sources/1.txt", "--output-format", "json")
    names = [r.article for r in ReportSet.model_validate_json(run.stdout).reports]
    assert names == [
        os.path.join("docs", "a.md"),
        os.path.join("docs", "b.txt"),
        os.path.join("docs", "drafts", "c.md"),
    ]
    (work / "citecheck.toml").write_text('exclude = ["drafts"]\ninclude = ["*.md"]\n', "utf-8")
    run = invoke("check", "docs", "-s", "1=sources/1.txt", "--output-format", "json")
    assert Report.model_validate_json(run.stdout).article == os.path.join("docs", "a.md")


def test_config_file_sets_options_and_flags_override_it(work: Path) -> None:
    (work / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.citecheck]\nfail-on = ["uncited"]\n', encoding="utf-8"
    )
    code, rep = check_json("story.md", "--sources-dir", "sources")
    assert rep.fail_on == (Status.UNCITED,)
    assert code == 0
    code, rep = check_json("story.md", "--sources-dir", "sources", "--fail-on", "unknown_source")
    assert rep.fail_on == (Status.UNKNOWN_SOURCE,)
    assert code == 1


def test_citecheck_toml_is_found_walking_up(work: Path) -> None:
    sub = work / "deep" / "er"
    sub.mkdir(parents=True)
    (sub / "story.md").write_text((work / "story.md").read_text(), encoding="utf-8")
    (work / "citecheck.toml").write_text('fail_on = "none"\n', encoding="utf-8")
    code, rep = check_json(str(sub / "story.md"), "--sources-dir", "sources")
    assert rep.fail_on == ()
    assert code == 0


def test_explicit_config_file(work: Path) -> None:
    (work / "strict.toml").write_text('fail-on = "uncited,unknown_source"\n', encoding="utf-8")
    _, rep = check_json("story.md", "--config", "strict.toml", "--sources-dir", "sources")
    assert rep.fail_on == (Status.UNCITED, Status.UNKNOWN_SOURCE)


def test_empty_article_is_a_report_with_no_claims(work: Path) -> None:
    (work / "empty.md").write_text("  \n\n", encoding="utf-8")
    run = invoke("check", "empty.md", "--output-format", "json")
    assert run.exit_code == 0
    rep = Report.model_validate_json(run.stdout)
    assert rep.claims == ()
    assert rep.summary.total == 0
    assert rep.ok
    assert "empty.md: the article is empty" in run.stderr
    assert invoke("check", "empty.md", "--quiet").stderr == ""


def test_stdin_article(work: Path) -> None:
    text = (work / "story.md").read_text(encoding="utf-8")
    run = invoke("check", "-", "--sources-dir", "sources", "--output-format", "json", stdin=text)
    assert run.exit_code == 1
    assert Report.model_validate_json(run.stdout).article == "<stdin>"


def test_output_file(work: Path) -> None:
    run = invoke(
        "check",
        "story.md",
        "--sources-dir",
        "sources",
        "-o",
        "out.sarif",
        "--output-format",
        "sarif",
    )
    assert run.exit_code == 1
    assert run.stdout == ""
    log = json.loads((work / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    rules = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert "citecheck/unknown_source" in rules
    region = next(
        r for r in log["runs"][0]["results"] if r["ruleId"] == "citecheck/unknown_source"
    )["locations"][0]["physicalLocation"]["region"]
    text = (work / "story.md").read_text(encoding="utf-8")
    start = region["charOffset"]
    assert text[start : start + region["charLength"]].startswith("Ministers promised")
    assert region["startLine"] == 7


def test_junit_and_markdown_and_github_end_to_end(work: Path) -> None:
    base = ["check", "story.md", "--sources-dir", "sources", "--output-format"]
    junit = ET.fromstring(invoke(*base, "junit").stdout)
    failures = junit.findall(".//failure")
    assert "unknown_source" in {f.get("type") for f in failures}
    assert junit.get("failures") == str(len(failures))
    markdown = invoke(*base, "markdown").stdout
    assert "| ❌ | `unknown_source` | story.md:7:1 |" in markdown
    summary = work / "summary.md"
    github = invoke(*base, "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert github.exit_code == 1
    assert any(
        line.startswith("::error file=story.md,line=7,col=1,")
        for line in github.stdout.splitlines()
    )
    assert "## citecheck fails" in summary.read_text(encoding="utf-8")


def test_text_output_has_no_colour_when_piped_or_no_color(work: Path) -> None:
    run = invoke("check", "story.md", "--sources-dir", "sources")
    assert "\x1b[" not in run.stdout
    forced = invoke("check", "story.md", "--sources-dir", "sources", env={"FORCE_COLOR": "1"})
    assert "\x1b[" in forced.stdout
    both = invoke(
        "check", "story.md", "--sources-dir", "sources", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert "\x1b[" not in both.stdout


def test_baseline_reports_only_new_findings(work: Path) -> None:
    first = invoke("check", "story.md", "--sources-dir", "sources", "--write-baseline", "base.json")
    assert first.exit_code == 0
    doc = json.loads((work / "base.json").read_text(encoding="utf-8"))
    assert doc["citecheck_baseline"] == 1
    unknown = [e for e in doc["findings"] if e["status"] == "unknown_source"]
    assert len(unknown) == 1
    assert unknown[0]["article"] == "story.md"
    assert unknown[0]["claim"].startswith("Ministers promised")
    assert len(unknown[0]["hash"]) == 32
    assert doc["findings"] == sorted(doc["findings"], key=lambda e: (e["article"], e["status"]))
    again = invoke("check", "story.md", "--sources-dir", "sources", "--baseline", "base.json")
    assert again.exit_code == 0, again.stdout
    # moving the known finding to another line keeps it known; a new one fails
    story = (work / "story.md").read_text(encoding="utf-8")
    (work / "story.md").write_text(
        "Intro line.\n\n" + story + "\nThe summit will reconvene in Oslo next week [8].\n",
        encoding="utf-8",
    )
    code, rep = check_json("story.md", "--sources-dir", "sources", "--baseline", "base.json")
    findings = rep.findings()
    assert code == 1
    assert [c.citations for c in findings if c.status == Status.UNKNOWN_SOURCE] == [("8",)]
    known = next(c for c in rep.claims if c.citations == ("9",))
    assert known.suppression is not None
    assert known.suppression.kind == "baseline"
    assert rep.summary.suppressed >= 1


def test_schema_and_version(work: Path) -> None:
    run = invoke("schema")
    schema = json.loads(run.stdout)
    assert run.exit_code == 0
    assert {"claims", "sources", "summary"} <= set(schema["properties"])
    assert "reports" in json.loads(invoke("schema", "--report-set").stdout)["properties"]
    version = invoke("--version")
    assert version.exit_code == 0
    assert version.stdout.startswith("citecheck ")


# --- bad input: exit 2, one line on stderr, no traceback -------------------------------------


def assert_usage_error(run: object, *fragments: str) -> None:
    assert run.exit_code == 2
    stderr: str = run.stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("citecheck: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_missing_article(work: Path) -> None:
    assert_usage_error(invoke("check", "nope.md"), "nope.md", "no such file")


def test_binary_article(work: Path) -> None:
    (work / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    assert_usage_error(invoke("check", "photo.md"), "photo.md", "not a text file")


def test_non_utf8_text_is_decoded(work: Path) -> None:
    (work / "latin.md").write_bytes(
        "Le café de la Organisation a fermé vendredi à Genève, selon les délégués.\n".encode(
            "cp1252"
        )
    )
    run = invoke("check", "latin.md", "--output-format", "json", "--fail-on", "none")
    assert run.exit_code == 0, run.stderr
    assert "café" in Report.model_validate_json(run.stdout).claims[0].text


@pytest.mark.parametrize("flag", ["1", "=x.txt", "1=", "  =sources/1.txt"])
def test_bad_source_syntax(work: Path, flag: str) -> None:
    assert_usage_error(invoke("check", "story.md", "--source", flag), "--source", "ID=PATH_OR_URL")


def test_source_file_that_does_not_exist(work: Path) -> None:
    assert_usage_error(invoke("check", "story.md", "-s", "1=missing.txt"), "missing.txt")


def test_duplicate_source_flag(work: Path) -> None:
    run = invoke("check", "story.md", "-s", "1=sources/1.txt", "-s", " 1=sources/2.txt")
    assert_usage_error(run, "given twice")


def test_missing_sources_dir(work: Path) -> None:
    assert_usage_error(invoke("check", "story.md", "--sources-dir", "nowhere"), "nowhere")


def test_bad_fail_on(work: Path) -> None:
    assert_usage_error(invoke("check", "story.md", "--fail-on", "uncited,wrong"), "'wrong'")


def test_bad_output_format(work: Path) -> None:
    assert_usage_error(invoke("check", "story.md", "--output-format", "yaml"), "yaml", "sarif")


def test_malformed_config(work: Path) -> None:
    (work / "citecheck.toml").write_text("fail_on = [\n", encoding="utf-8")
    assert_usage_error(invoke("check", "story.md"), "citecheck.toml", "invalid TOML")


def test_malformed_pyproject_with_our_table(work: Path) -> None:
    (work / "pyproject.toml").write_text("[tool.citecheck]\nfail_on = \n", encoding="utf-8")
    assert_usage_error(invoke("check", "story.md"), "pyproject.toml", "invalid TOML")


def test_unknown_config_key_is_named(work: Path) -> None:
    (work / "citecheck.toml").write_text('fail_on = "uncited"\ncolour = true\n', encoding="utf-8")
    assert_usage_error(invoke("check", "story.md"), "citecheck.toml", "'colour'")


def test_bad_config_value(work: Path) -> None:
    (work / "citecheck.toml").write_text('marker_scope = "chapter"\n', encoding="utf-8")
    assert_usage_error(invoke("check", "story.md"), "citecheck.toml", "marker_scope")


def test_missing_explicit_config(work: Path) -> None:
    assert_usage_error(invoke("check", "story.md", "--config", "no.toml"), "no.toml")


def test_bad_baseline_file(work: Path) -> None:
    (work / "base.json").write_text('{"something": "else"}', encoding="utf-8")
    run = invoke("check", "story.md", "--baseline", "base.json")
    assert_usage_error(run, "base.json", "not a citecheck baseline")
    assert_usage_error(invoke("check", "story.md", "--baseline", "none.json"), "none.json")


def test_click_usage_errors_are_one_line_too(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_usage_error(run_main(capsys, "check", "story.md", "--jobs", "-1"), "--jobs")
    assert_usage_error(run_main(capsys, "check", "story.md", "--no-such-flag"), "--no-such-flag")
    assert_usage_error(run_main(capsys, "check"), "ARTICLE")
    ok = run_main(capsys, "check", "clean.md", "--sources-dir", "sources", "-q")
    assert ok.exit_code == 0


def test_installed_entry_point(work: Path) -> None:
    """The console script as users run it, in a real subprocess."""
    exe = Path(sys.executable).with_name("citecheck")
    command = (
        [str(exe)]
        if exe.exists()
        else [sys.executable, "-c", "from citecheck.cli import main; main()"]
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "GITHUB_STEP_SUMMARY")}
    done = subprocess.run(
        [*command, "check", "story.md", "--sources-dir", "sources", "--output-format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert Report.model_validate_json(done.stdout).summary.unknown_source == 1
    bad = subprocess.run(
        [*command, "check", "story.md", "--output-format"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1
    assert "Traceback" not in bad.stderr


def test_html_output_for_one_article(work: Path) -> None:
    run = invoke(
        "check", "story.md", "--sources-dir", "sources", "--output-format", "html", "-o", "r.html"
    )
    assert run.exit_code == 1
    page = (work / "r.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Ministers promised" in page


def test_html_output_for_several_articles_is_the_archive_page(work: Path) -> None:
    run = invoke(
        "check", "story.md", "clean.md", "--sources-dir", "sources", "--output-format", "html"
    )
    assert run.exit_code == 1
    assert "Citation audit of 2 articles" in run.stdout
    assert '<a href="#article-1">story.md</a>' in run.stdout


def test_relative_cache_dir_in_config_is_relative_to_the_file(work: Path) -> None:
    from citecheck.cli.settings import load_settings

    (work / "sub").mkdir()
    (work / "sub" / "citecheck.toml").write_text('cache-dir = "cache"\n', encoding="utf-8")
    options = load_settings(work / "sub" / "citecheck.toml").build_options({"offline": True})
    assert options.cache_dir == work / "sub" / "cache"
    assert options.offline is True


def test_example_through_the_command_matches_the_api(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The command adds nothing to and loses nothing from what `verify()` finds."""
    import citecheck

    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)
    article = Path("examples/ilo-meeting/article.txt")
    sources = {p.stem: p for p in sorted(Path("examples/ilo-meeting/sources").glob("*.txt"))}
    expected = citecheck.verify(
        article.read_text(encoding="utf-8"), dict(sources), article_name=str(article)
    )
    run = invoke(
        "check",
        str(article),
        "--sources-dir",
        "examples/ilo-meeting/sources",
        "--output-format",
        "json",
    )
    assert run.exit_code == (0 if expected.ok else 1)
    assert run.stdout == expected.model_dump_json(indent=2) + "\n"


def test_an_article_over_a_limit_is_an_input_error_but_others_are_reported(work: Path) -> None:
    (work / "citecheck.toml").write_text("max-article-chars = 150\n", encoding="utf-8")
    (work / "short.md").write_text("Short text cites nothing [9].\n", encoding="utf-8")
    run = invoke("check", "story.md", "short.md", "--output-format", "json")
    assert_usage_error(run, "story.md", "max_article_chars")
    reports = ReportSet.model_validate_json(run.stdout).reports
    assert [r.article for r in reports] == ["short.md"]


def test_exit_zero(work: Path) -> None:
    run = invoke("check", "story.md", "--sources-dir", "sources", "--exit-zero")
    assert run.exit_code == 0
    assert "unknown_source" in run.stdout
    assert invoke("check", "missing.md", "--exit-zero").exit_code == 2


def test_article_format_follows_the_file_extension(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citecheck.checker import Checker, Resolved

    seen: dict[str, str] = {}
    real = Checker.check

    def spy(self: Checker, resolved: Resolved, store: object = None) -> object:
        seen[resolved.name or ""] = resolved.options.format
        return real(self, resolved, store)  # type: ignore[arg-type]

    monkeypatch.setattr(Checker, "check", spy)
    (work / "page.html").write_text("<p>The ILO met [9].</p>\n", encoding="utf-8")
    (work / "notes.txt").write_text("The ILO met [9].\n", encoding="utf-8")
    (work / "noext").write_text("The ILO met [9].\n", encoding="utf-8")
    invoke("check", "page.html", "notes.txt", "story.md", "noext")
    assert seen == {
        "page.html": "html",
        "notes.txt": "text",
        "story.md": "markdown",
        "noext": "auto",
    }
    invoke("check", "page.html", "--format", "text")
    assert seen["page.html"] == "text"


def test_reference_list_names_the_sources(work: Path) -> None:
    import citecheck

    text = (work / "referenced.md").read_text(encoding="utf-8")
    if not citecheck.parse(text).references:
        pytest.skip("this parser does not read reference lists yet")
    code, rep = check_json("referenced.md")
    origins = {s.id: s.origin for s in rep.sources}
    assert origins["1"].endswith(os.path.join("sources", "1.txt"))
    assert origins["2"].endswith(os.path.join("sources", "2.txt"))
    assert code == 0
    # a --source flag wins over the reference list
    (work / "other.txt").write_text("Nothing about this here.", encoding="utf-8")
    _, rep = check_json("referenced.md", "-s", "2=other.txt")
    assert {s.id: s.origin for s in rep.sources}["2"] == "other.txt"


def test_sources_dir_inside_an_article_directory_is_not_checked(work: Path) -> None:
    run = invoke("check", ".", "--sources-dir", "sources", "--output-format", "json")
    names = [r.article for r in ReportSet.model_validate_json(run.stdout).reports]
    assert "clean.md" in names
    assert not any(name.startswith("sources") for name in names)


def test_no_output_when_every_article_failed(work: Path) -> None:
    (work / "citecheck.toml").write_text("max-article-chars = 10\n", encoding="utf-8")
    run = invoke("check", "story.md")
    assert_usage_error(run, "story.md")
    assert run.stdout == ""


def test_inline_suppression_never_fails(work: Path) -> None:
    import citecheck

    text = (
        "The International Labour Organization met in Geneva on Friday to discuss labour "
        "policy [1].\n\n<!-- citecheck: ignore the talks are still to be sourced -->\n"
        "Ministers promised a report on the talks next spring [9].\n"
    )
    (work / "quiet.md").write_text(text, encoding="utf-8")
    if not any(c.suppressed is not None for c in citecheck.parse(text, format="markdown").claims):
        pytest.skip("this parser does not read inline suppressions yet")
    code, rep = check_json("quiet.md", "--sources-dir", "sources")
    assert code == 0
    ignored = next(c for c in rep.claims if c.citations == ("9",))
    assert ignored.status == Status.UNKNOWN_SOURCE
    assert ignored.suppression is not None
    assert ignored.suppression.kind == "inline"
    assert "still to be sourced" in ignored.suppression.reason
    text_run = invoke("check", "quiet.md", "--sources-dir", "sources")
    assert "unknown_source" not in text_run.stdout
    assert "(1 suppressed)" in text_run.stdout


def test_progress_bar_only_on_a_terminal(work: Path) -> None:
    """stderr a terminal: a progress bar there, stdout untouched; otherwise no bar at all."""
    import pty

    exe = Path(sys.executable).with_name("citecheck")
    if not exe.exists():
        pytest.skip("the console script is not installed")
    args = [str(exe), "check", "story.md", "clean.md", "--sources-dir", "sources", "-o", "out.txt"]
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env["TERM"] = "xterm"
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run(
            args, stderr=secondary, stdout=subprocess.PIPE, env=env, timeout=120, check=False
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode == 1
    assert "checking" in terminal
    assert "ETA" in terminal  # with the rate (articles/s) once there is one
    assert done.stdout == b""
    assert "story.md:7:1 unknown_source" in (work / "out.txt").read_text(encoding="utf-8")
    piped = subprocess.run(args, capture_output=True, env=env, timeout=120, check=False)
    assert b"checking" not in piped.stderr
    quiet = invoke("check", "story.md", "clean.md", "--sources-dir", "sources")
    assert "checking" not in quiet.stderr


def test_explicit_pyproject_without_our_table(work: Path) -> None:
    (work / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    run = invoke("check", "story.md", "--config", "pyproject.toml")
    assert_usage_error(run, "pyproject.toml", "[tool.citecheck]")


def test_a_terminal_that_cannot_show_unicode_gets_replacements(work: Path) -> None:
    command = [sys.executable, "-c", "from citecheck.cli import main; main()"]
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    env.pop("FORCE_COLOR", None)
    done = subprocess.run(
        [*command, "check", "story.md", "--sources-dir", "sources"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert b'story.md:7:1 unknown_source "Ministers promised' in done.stdout
    assert b"? [9] names a source" in done.stdout  # the dash, replaced


def test_a_huge_article_is_refused_without_reading_it_all(work: Path) -> None:
    (work / "citecheck.toml").write_text("max-article-chars = 100\n", encoding="utf-8")
    (work / "huge.md").write_text("word " * 10_000, encoding="utf-8")
    assert_usage_error(invoke("check", "huge.md"), "huge.md", "max_article_chars")
    assert_usage_error(invoke("check", "-", stdin="word " * 10_000), "<stdin>", "limit")


def test_an_unreadable_article_fails_alone(work: Path) -> None:
    (work / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    run = invoke(
        "check", "photo.md", "clean.md", "--sources-dir", "sources", "--output-format", "json"
    )
    assert_usage_error(run, "photo.md: not a text file")
    reports = ReportSet.model_validate_json(run.stdout).reports
    assert [r.article for r in reports] == ["clean.md"]


def test_the_library_and_the_command_resolve_a_reference_list_identically(work: Path) -> None:
    import citecheck

    run = invoke("check", "referenced.md", "--output-format", "json")
    from_cli = Report.model_validate_json(run.stdout)
    from_library = citecheck.verify(Path("referenced.md"))
    assert {s.id for s in from_library.sources} == {"1", "2"}
    assert all(s.error is None for s in from_library.sources)
    assert run.stdout == from_library.model_dump_json(indent=2) + "\n"
    assert from_cli == from_library
