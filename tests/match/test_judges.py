"""The judge seam: judges are found by name (built in or through entry points), and every
judge keeps the evidence contract `source.text[e.start:e.end] == e.quote`."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import citecheck
from citecheck import Checker, InvalidOptionsError, Options
from citecheck.match import available_judges
from citecheck.report import Status

ARTICLE = (
    "The International Labour Organization met in Geneva on Friday [1]. Unemployment "
    "fell to 3.1 percent in October [2]. Volcanoes erupted across the Pacific [1].\n\n"
    "Lee Jae Myung took office in June 2025."
)
SOURCES = {
    "1": "Officials arrived early. The International Labour Organization met in Geneva on "
    "Friday to discuss platform work. Delegates from 187 states attended. " * 3,
    "2": "Unemployment fell to 3.1 percent in October, the statistics office said. "
    "Lee Jae Myung took office in June 2025.",
}


@pytest.fixture
def plugin(tmp_path: Path) -> Iterator[str]:
    """A real installed distribution registering `overlap` in `citecheck.judges`."""
    info = tmp_path / "overlap_judge_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: overlap-judge-plugin\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            """\
            [citecheck.judges]
            overlap = tests.match.fake_judge:overlap_judge
            broken = overlap_judge_missing_module:factory
            """
        ),
        encoding="utf-8",
    )
    sys.path.insert(0, str(tmp_path))
    try:
        yield "overlap"
    finally:
        sys.path.remove(str(tmp_path))


def _evidence_is_exact(report: citecheck.Report) -> None:
    texts = report.source_texts or {}
    for claim in report.claims:
        for ev in claim.evidence:
            assert texts[ev.source_id][ev.start : ev.end] == ev.quote


@pytest.mark.parametrize("judge", ["lexical", "overlap"])
def test_every_judge_keeps_the_evidence_contract(plugin: str, judge: str) -> None:
    assert judge in available_judges()
    report = Checker(Options(judge=judge)).verify(ARTICLE, SOURCES)
    _evidence_is_exact(report)
    statuses = [c.status for c in report.claims]
    assert statuses[0] is Status.SUPPORTED
    assert statuses[2] is not Status.SUPPORTED
    assert all(c.score is None or 0.0 <= c.score <= 1.0 for c in report.claims)


def test_a_judge_from_an_entry_point_is_selected_by_name(plugin: str) -> None:
    report = citecheck.verify(ARTICLE, SOURCES, judge="overlap")
    quotes = [e.quote for c in report.claims for e in c.evidence]
    # The overlap judge quotes whole candidate windows of about 200 characters.
    assert quotes
    assert all(len(q) >= 100 for q in quotes if q != SOURCES["2"])


def test_a_judge_prepares_each_distinct_source_text_once(plugin: str) -> None:
    checker = Checker(Options(judge="overlap"))
    twice = {"1": SOURCES["1"], "3": SOURCES["1"], "2": SOURCES["2"]}
    checker.verify(ARTICLE + " Again [3].", twice)
    checker.verify(ARTICLE, SOURCES)
    judge = checker.judge
    assert sorted(judge.prepared_texts) == sorted(set(SOURCES.values()))  # type: ignore[attr-defined]
    assert checker.prepared.stats.preparations == 2 + 2  # overlap's and the lexical index


def test_an_unknown_judge_names_the_available_ones() -> None:
    with pytest.raises(InvalidOptionsError, match=r"unknown judge 'magic'.*available: .*lexical"):
        Checker(Options(judge="magic"))


def test_a_known_judge_that_is_not_installed_says_what_to_install() -> None:
    with pytest.raises(InvalidOptionsError, match=r"pip install 'citecheck-news\[neural\]'"):
        citecheck.verify("Text [1].", {1: "Text."}, judge="cross-encoder")


def test_a_registered_judge_that_cannot_be_imported_is_a_clear_error(plugin: str) -> None:
    with pytest.raises(InvalidOptionsError, match="judge 'broken' cannot be loaded"):
        Checker(Options(judge="broken"))


def test_the_judge_is_a_configuration_key_and_a_flag(
    plugin: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.cli.support import invoke

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Text of the claim [1].\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("Text of the claim.\n", encoding="utf-8")
    (tmp_path / "citecheck.toml").write_text('judge = "magic"\n', encoding="utf-8")
    run = invoke("check", "a.md", "--source", "1=s.txt")
    assert run.exit_code == 2
    assert "unknown judge 'magic'" in run.stderr
    run = invoke("check", "a.md", "--source", "1=s.txt", "--judge", "overlap")
    assert run.exit_code == 0, run.stderr
