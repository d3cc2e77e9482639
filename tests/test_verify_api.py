"""The `verify()` façade: inputs, ids, statuses it assigns itself, and the report contract."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import citecheck
from citecheck import InvalidInputError, InvalidOptionsError, Status

SOURCE = "The International Labour Organization met in Geneva on Friday to discuss wages."


def test_int_and_str_ids_name_the_same_source() -> None:
    article = "The International Labour Organization met in Geneva on Friday [1]."
    by_int = citecheck.verify(article, {1: SOURCE})
    by_str = citecheck.verify(article, {" 1 ": SOURCE})
    assert by_int.claims[0].citations == ("1",)
    assert by_int.model_dump_json() == by_str.model_dump_json()


def test_duplicate_ids_after_normalisation_are_an_error() -> None:
    with pytest.raises(InvalidInputError, match="given twice"):
        citecheck.verify("Text [1].", {1: SOURCE, "1": SOURCE})


@pytest.mark.parametrize("bad_id", [None, 1.5, (1,), True, "   "])
def test_bad_source_ids_are_typed_errors(bad_id: object) -> None:
    with pytest.raises(InvalidInputError):
        citecheck.verify("Text [1].", {bad_id: SOURCE})  # type: ignore[dict-item]


def test_marker_naming_a_missing_source_is_unknown_source() -> None:
    report = citecheck.verify("The ILO met in Geneva on Friday [3].", {1: SOURCE})
    claim = report.claims[0]
    assert claim.status is Status.UNKNOWN_SOURCE
    assert claim.score is None
    assert any("[3]" in r and "not given" in r for r in claim.reasons)
    assert not report.ok


def test_source_that_cannot_be_loaded_is_unknown_source_with_reason(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    report = citecheck.verify("The ILO met in Geneva on Friday [1].", {1: missing})
    claim = report.claims[0]
    assert claim.status is Status.UNKNOWN_SOURCE
    assert report.sources[0].error
    assert any("could not be loaded" in r for r in claim.reasons)


def test_empty_source_is_reported_not_checked() -> None:
    report = citecheck.verify("The ILO met in Geneva on Friday [1].", {1: "   \n"})
    assert report.claims[0].status is Status.UNKNOWN_SOURCE
    assert report.sources[0].error == "the source is empty"


@pytest.mark.parametrize("article", [b"bytes", None, 42, ["a list"]])
def test_article_that_is_not_text_is_a_typed_error(article: object) -> None:
    with pytest.raises(InvalidInputError, match="article must be text"):
        citecheck.verify(article, {})  # type: ignore[arg-type]


def test_sources_that_are_not_a_mapping_are_a_typed_error() -> None:
    with pytest.raises(InvalidInputError, match="mapping"):
        citecheck.verify("Text [1].", ["not", "a", "mapping"])  # type: ignore[arg-type]


def test_source_of_wrong_type_is_a_typed_error() -> None:
    with pytest.raises(InvalidInputError, match="source '1'"):
        citecheck.verify("Text [1].", {1: 12345})  # type: ignore[dict-item]


@pytest.mark.parametrize("article", ["", "   \n\t  \n", "\n\n\n"])
def test_empty_articles_give_an_empty_passing_report(article: str) -> None:
    report = citecheck.verify(article, {1: SOURCE})
    assert report.claims == ()
    assert report.summary.total == 0
    assert report.ok


def test_article_over_the_size_limit_is_a_clear_error() -> None:
    with pytest.raises(InvalidInputError, match="max_article_chars"):
        citecheck.verify("x" * 101, {}, max_article_chars=100)


def test_unknown_option_is_named() -> None:
    with pytest.raises(InvalidOptionsError, match="'treshold'"):
        citecheck.verify("Text.", {}, treshold=0.5)


def test_bad_option_value_is_a_typed_error() -> None:
    with pytest.raises(InvalidOptionsError, match="fail_on"):
        citecheck.verify("Text.", {}, fail_on="supported,bogus")


def test_fail_on_decides_ok() -> None:
    article = "The ILO met in Geneva on Friday [3]."
    assert not citecheck.verify(article, {1: SOURCE}).ok
    assert citecheck.verify(article, {1: SOURCE}, fail_on="uncited").ok


def test_paragraph_scope_lets_a_later_marker_cover_earlier_sentences() -> None:
    article = (
        "The Organization met in Geneva on Friday. It discussed wages [1].\n\n"
        "The Organization met in Geneva on Friday."
    )
    report = citecheck.verify(article, {1: SOURCE})
    first, second, third = report.claims
    assert first.citations == ("1",)
    assert first.markers == ()
    assert any("later in its paragraph" in r for r in first.reasons)
    assert second.citations == ("1",)
    assert third.citations == ()  # another paragraph: nothing to inherit

    sentence_scope = citecheck.verify(article, {1: SOURCE}, marker_scope="sentence")
    assert sentence_scope.claims[0].citations == ()
    assert sentence_scope.claims[0].status in (Status.UNCITED, Status.EXEMPT)


def test_claim_spans_and_evidence_offsets_point_into_the_inputs(
    example_article: str, example_sources: dict[str, str]
) -> None:
    report = citecheck.verify(example_article, example_sources)
    assert report.claims
    for claim in report.claims:
        span = example_article[claim.start : claim.end]
        assert claim.text.split()[0] in span
        assert claim.text.split()[-1].rstrip(".") in span
        line_start = example_article.rfind("\n", 0, claim.start) + 1
        assert claim.line == example_article.count("\n", 0, claim.start) + 1
        assert claim.column == claim.start - line_start + 1
        for evidence in claim.evidence:
            text = example_sources[evidence.source_id]
            assert text[evidence.start : evidence.end] == evidence.quote


def test_report_is_byte_identical_across_runs(
    example_article: str, example_sources: dict[str, str]
) -> None:
    first = citecheck.verify(example_article, example_sources).model_dump_json()
    second = citecheck.verify(example_article, dict(reversed(example_sources.items())))
    assert first == second.model_dump_json()


def test_report_round_trips_through_json(
    example_article: str, example_sources: dict[str, str]
) -> None:
    report = citecheck.verify(example_article, example_sources)
    again = citecheck.Report.model_validate_json(report.model_dump_json())
    assert again.claims == report.claims
    assert again.summary == report.summary


def test_summary_counts_every_claim(example_article: str, example_sources: dict[str, str]) -> None:
    report = citecheck.verify(example_article, example_sources)
    counted = sum(report.summary.count(s) for s in Status)
    assert counted == report.summary.total == len(report.claims)
    assert [c.index for c in report.claims] == list(range(len(report.claims)))


def test_sources_list_who_cites_them(example_article: str, example_sources: dict[str, str]) -> None:
    report = citecheck.verify(example_article, example_sources)
    by_id = {s.id: s for s in report.sources}
    assert set(by_id) == {"1", "2"}
    for claim in report.claims:
        for source_id in claim.citations:
            assert claim.index in by_id[source_id].cited_by


def test_a_bug_inside_is_an_internal_error_with_its_cause(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(sys.modules["citecheck.checker"], "assemble", broken)
    with pytest.raises(citecheck.InternalError, match="KeyError") as caught:
        citecheck.verify("The ILO met in Geneva.", {})
    assert isinstance(caught.value.__cause__, KeyError)
    assert isinstance(caught.value, citecheck.CitecheckError)


def test_progress_is_called_once_per_source() -> None:
    seen: list[tuple[str, bool]] = []
    citecheck.verify(
        "The ILO met [1][2].",
        {1: SOURCE, 2: "   "},
        progress=lambda sid, result: seen.append((sid, isinstance(result, citecheck.Source))),
    )
    assert sorted(seen) == [("1", True), ("2", False)]  # an empty source is an error


def test_report_json_does_not_depend_on_the_hash_seed() -> None:
    """Byte-identical across processes, not only within one (sets never leak into output)."""
    import os
    import subprocess

    script = (
        "import sys, citecheck; from tests.conftest import EXAMPLE\n"
        "a = (EXAMPLE / 'article.txt').read_text(encoding='utf-8')\n"
        "s = {p.stem: p for p in (EXAMPLE / 'sources').glob('*.txt')}\n"
        "sys.stdout.write(citecheck.verify(a, s).model_dump_json())\n"
    )
    root = Path(__file__).resolve().parent.parent
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert '"claims"' in outputs.pop()


def test_a_question_does_not_inherit_the_paragraphs_marker() -> None:
    article = "Did the Organization meet? It met in Geneva on Friday [1]."
    question, statement = citecheck.verify(article, {1: SOURCE}).claims
    assert question.citations == ()
    assert question.status is Status.EXEMPT
    assert statement.citations == ("1",)


@pytest.mark.parametrize("scope", ["paragraph", "sentence"])
def test_parse_and_verify_give_every_claim_the_same_citations(scope: str) -> None:
    article = (
        "Unemployment fell to 3 percent in March. Did prices rise? Prices rose 2 percent "
        "last year [2].\n\nThe ILO met on Friday [1]. Nothing else happened."
    )
    parsed = citecheck.parse(article, marker_scope=scope)
    checked = citecheck.verify(article, {1: SOURCE, 2: SOURCE}, marker_scope=scope)
    assert [tuple(c.citations) for c in parsed.claims] == [c.citations for c in checked.claims]
    if scope == "paragraph":  # the question inherits nothing; the statements do
        assert [tuple(c.citations) for c in parsed.claims][:3] == [("2",), (), ("2",)]


def test_front_matter_gives_the_report_its_title() -> None:
    article = '---\ntitle: "Geneva talks"\ndate: 2026-01-02\n---\n\nThe ILO met on Friday [1].\n'
    report = citecheck.verify(article, {1: "The ILO met on Friday."})
    assert report.title == "Geneva talks"
    assert [c.text for c in report.claims] == ["The ILO met on Friday."]
    assert citecheck.verify("No title here.").title is None
