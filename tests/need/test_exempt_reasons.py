"""Issue 12, item 7: every `exempt` claim says why, as a reason code."""

from __future__ import annotations

from pathlib import Path

import pytest

import citecheck
from citecheck import Status
from citecheck.reasons import EXEMPT_CODES

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = """---
title: Council budget
---
# Council budget

What happens to the libraries now?

However, there is more to it.

- Opening hours
- Staff costs

We reviewed 300 inspection reports and found that 40 contained errors.

Our analysis of the council's spending shows a 12 percent rise in consultancy fees.

The council met in the old town hall.

```
budget = 12
```

> [!NOTE]
> The figures are provisional.
"""


def _exempt(report: citecheck.Report) -> list[citecheck.ClaimResult]:
    return [c for c in report.claims if c.status is Status.EXEMPT]


def test_every_exempt_claim_has_a_reason_code() -> None:
    report = citecheck.verify(ARTICLE, {})
    exempt = _exempt(report)
    assert len(exempt) >= 6
    for claim in exempt:
        codes = [d.code for d in claim.details]
        assert any(code in EXEMPT_CODES for code in codes), (claim.text, codes)


@pytest.mark.parametrize(
    ("start", "code"),
    [
        ("Council budget", "exempt_heading"),
        ("What happens", "exempt_question"),
        ("However, there is more", "exempt_transition"),
        ("Opening hours", "exempt_fragment"),
        ("We reviewed 300 inspection reports", "exempt_own_reporting"),
        ("Our analysis of the council", "exempt_own_reporting"),
        ("budget = 12", "exempt_code"),
    ],
)
def test_each_kind_of_exemption_names_itself(start: str, code: str) -> None:
    report = citecheck.verify(ARTICLE, {})
    (claim,) = [c for c in report.claims if c.text.startswith(start)]
    assert claim.status is Status.EXEMPT
    assert claim.details[0].code == code


def test_front_matter_is_never_a_claim() -> None:
    report = citecheck.verify(ARTICLE, {})
    assert report.title == "Council budget"
    assert not any("title:" in c.text for c in report.claims)


def test_own_reporting_does_not_excuse_someone_else_s_words() -> None:
    (claim,) = citecheck.verify(
        "We interviewed residents, and officials said the pool will close.", {}
    ).claims
    assert claim.status is Status.UNCITED
    assert claim.details[0].code == "generic_attribution_uncited"


@pytest.mark.parametrize(
    "article",
    [
        ROOT / "examples" / "ilo-meeting" / "article.txt",
        ROOT / "examples" / "port-brief" / "article.md",
    ],
)
def test_the_examples_give_every_exempt_claim_a_reason(article: Path) -> None:
    report = citecheck.verify(article)
    for claim in _exempt(report):
        assert {d.code for d in claim.details} & EXEMPT_CODES, claim.text
