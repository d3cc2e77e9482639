"""Issue 12, item 8: the `docs` profile for technical documentation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import citecheck
from citecheck import Status
from citecheck.config import Options
from citecheck.errors import InvalidOptionsError
from citecheck.reasons import EXEMPT_CODES
from tests.cli.support import invoke


def _only(text: str, profile: str) -> citecheck.ClaimResult:
    (claim,) = citecheck.verify(text, {}, profile=profile).claims
    return claim


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A token is a string that identifies a session.", "exempt_definition"),
        ("timeout: how long to wait for the server, in seconds.", "exempt_definition"),
        ("Run the installer and restart the service.", "exempt_procedure"),
        ("Step 3: copy the key into the settings file.", "exempt_procedure"),
        ("We plan to add caching in the next release.", "exempt_plan"),
        ("In the next release we will remove the v1 endpoint.", "exempt_plan"),
    ],
)
def test_docs_exempts_definitions_steps_and_plans_and_says_why(text: str, code: str) -> None:
    claim = _only(text, "docs")
    assert claim.status is Status.EXEMPT
    assert [d.code for d in claim.details] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "OAuth 2.0 defines four grant types.",
        "Steps 7 and 8 are optional.",
        "Python 3.11 ships with tomllib.",
        "Upgrade to OAuth 2.0 before Steps 7 and 8.",
    ],
)
def test_version_and_step_numbers_are_not_figures_in_docs(text: str) -> None:
    assert _only(text, "news").status is Status.UNCITED  # news reads them as figures
    claim = _only(text, "docs")
    assert claim.status is Status.EXEMPT
    assert {d.code for d in claim.details} <= EXEMPT_CODES
    assert not any(d.code == "figure_uncited" for d in claim.details)


def test_docs_still_flags_money_and_attributions() -> None:
    assert _only("The hosted plan costs $20 per month.", "docs").status is Status.UNCITED
    police = _only("Police said the outage was caused by vandalism.", "docs")
    assert police.details[0].code == "generic_attribution_uncited"


def test_news_is_the_default_profile() -> None:
    assert Options().profile == "news"
    with pytest.raises(InvalidOptionsError, match="profile"):
        Options.build(profile="blog")


DOC = """# Configuring the client

A token is a string that identifies a session.

1. Run the installer.
2. Open the settings file.

OAuth 2.0 defines four grant types. Steps 7 and 8 are optional.

We plan to add caching in the next release.
"""


def _findings(tmp_path: Path, *args: str) -> list[str]:
    run = invoke("check", "guide.md", "--output-format", "json", *args)
    assert run.exit_code in (0, 1), run.stderr
    report = json.loads(run.stdout)
    return [c["text"] for c in report["claims"] if c["severity"] is not None]


def test_profile_flag_and_config_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "guide.md").write_text(DOC, encoding="utf-8")
    assert _findings(tmp_path)  # news: version and step numbers read as figures
    assert _findings(tmp_path, "--profile", "docs") == []
    (tmp_path / "citecheck.toml").write_text('profile = "docs"\n', encoding="utf-8")
    assert _findings(tmp_path) == []
    assert _findings(tmp_path, "--profile", "news")
    bad = invoke("check", "guide.md", "--profile", "blog")
    assert bad.exit_code == 2
    assert "--profile: 'blog' is not one of news, docs" in bad.stderr
