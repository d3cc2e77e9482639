"""Verdicts and need decisions -> statuses, typed reasons and the finished `Report`.

The one place that turns what the judge and the need decision said into a claim's
status: a cited claim takes its judge's verdict unless a source it cites is missing
(`unknown_source`); a claim that cites nothing is `uncited` when it needs a source
and `exempt` when it does not. Every status but `supported` gets at least one reason.

Precedence for a cited claim, strongest first:

1. `contradicted`: a cited source that was given states something incompatible with the
   claim. It wins even when another cited source is missing, since no other source can
   make the claim agree with this one; the missing source's reason is kept.
2. `unknown_source`: a cited source is missing; the verdict against the given ones is
   kept as a reason (`checked_against_given`).
3. the judge's verdict: `unsupported`, `partial` or `supported` (the judge itself ranks
   `contradicted` over `partial` and `unsupported`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from citecheck.config import Options
from citecheck.match.types import Suggestion, Verdict
from citecheck.need import NeedDecision
from citecheck.parse import ParsedArticle, ParsedClaim
from citecheck.parse.display import display_span
from citecheck.parse.scope import NO_SOURCE_KINDS
from citecheck.reasons import SUGGESTION_CHARS, reason, shorten
from citecheck.report import (
    ClaimDisplay,
    ClaimResult,
    Display,
    DisplaySpan,
    Evidence,
    Reason,
    Report,
    SourceInfo,
    Status,
    Suppression,
    UnusedSuppression,
)
from citecheck.sources.ids import source_sort_key
from citecheck.sources.model import Source


@dataclass(frozen=True, slots=True)
class LoadedSources:
    """The run's sources for one article: those loaded, and why others could not be."""

    loaded: Mapping[str, Source]
    errors: Mapping[str, str]  # source id -> why it could not be loaded
    origins: Mapping[str, str]  # source id -> where it was to come from
    sentences: Mapping[str, int]  # source id -> sentence count


@dataclass(frozen=True, slots=True)
class Findings:
    """What matching said about one article's claims, by claim index."""

    needs: Mapping[int, NeedDecision]
    verdicts: Mapping[int, Verdict]
    suggestions: Mapping[int, Sequence[Suggestion]]


def needs_citation(claim: ParsedClaim, need: NeedDecision | None) -> bool:
    """Whether an uncited claim needs a source: the need decision, or a [citation needed] tag."""
    if claim.kind in NO_SOURCE_KINDS:
        return False
    return claim.citation_needed or bool(need is not None and need.needs_citation)


def assemble(
    parsed: ParsedArticle,
    findings: Findings,
    sources: LoadedSources,
    options: Options,
    *,
    article_name: str | None = None,
    title: str | None = None,
) -> Report:
    """The report of one article."""
    fail_on = tuple(sorted(options.fail_on, key=str))
    claims = tuple(_claim(c, findings, sources) for c in parsed.claims)
    cited_by: dict[str, list[int]] = {}
    for claim in claims:
        for source_id in claim.citations:
            cited_by.setdefault(source_id, []).append(claim.index)
    ids = sorted({*sources.loaded, *sources.errors}, key=source_sort_key)
    infos = tuple(_source_info(sid, sources, cited_by.get(sid, [])) for sid in ids)
    return Report(
        article=article_name,
        title=title,
        article_chars=len(parsed.text),
        claims=claims,
        sources=infos,
        fail_on=fail_on,
        article_text=parsed.text,
        source_texts={sid: sources.loaded[sid].text for sid in ids if sid in sources.loaded},
        display=display_of(parsed),
        unused_suppressions=tuple(
            UnusedSuppression(
                action=u.action,
                reason=u.reason,
                text=parsed.text[u.start : u.end],
                start=u.start,
                end=u.end,
                line=u.line,
                column=u.column,
            )
            for u in parsed.unused_suppressions
        ),
    )


def display_of(parsed: ParsedArticle) -> Display | None:
    """Where each claim and marker of an HTML article stands in its visible text."""
    if parsed.display is None:
        return None
    offsets = parsed.display.offsets
    claims = []
    for claim in parsed.claims:
        span = display_span(offsets, claim.start, claim.end)
        if span is None:
            continue
        markers = [display_span(offsets, m.start, m.end) for m in claim.markers]
        claims.append(
            ClaimDisplay(
                index=claim.index,
                start=span[0],
                end=span[1],
                markers=tuple(DisplaySpan(start=a, end=b) for a, b in filter(None, markers)),
            )
        )
    return Display(text=parsed.display.text, claims=tuple(claims))


def _source_info(source_id: str, sources: LoadedSources, cited_by: list[int]) -> SourceInfo:
    source = sources.loaded.get(source_id)
    if source is None:
        return SourceInfo(
            id=source_id,
            origin=sources.origins.get(source_id, "inline"),
            error=sources.errors.get(source_id),
            cited_by=tuple(cited_by),
        )
    return SourceInfo(
        id=source_id,
        origin=source.origin,
        title=source.title,
        content_type=source.content_type,
        chars=len(source.text),
        sentences=sources.sentences.get(source_id, 0),
        warnings=tuple(source.warnings),
        cited_by=tuple(cited_by),
    )


@dataclass(slots=True)
class _Fields:
    """What a claim's verdict or need decision contributes to its result."""

    status: Status
    needs_citation: bool
    details: list[Reason]
    score: float | None = None
    evidence: tuple[Evidence, ...] = ()
    missing_terms: tuple[str, ...] = ()
    suggested: tuple[str, ...] = ()


def _claim(claim: ParsedClaim, findings: Findings, sources: LoadedSources) -> ClaimResult:
    verdict = findings.verdicts.get(claim.index)
    if verdict is not None:
        fields = _cited(claim, verdict, sources)
    else:
        need = findings.needs.get(claim.index)
        fields = _uncited(claim, need, findings.suggestions.get(claim.index, ()), sources)
    notes = [reason("marker_problem", note=note) for note in claim.notes]
    suppression = (
        Suppression(kind="inline", reason=claim.suppressed)
        if claim.suppressed is not None
        else None
    )
    return ClaimResult(
        index=claim.index,
        text=claim.text,
        start=claim.start,
        end=claim.end,
        line=claim.line,
        column=claim.column,
        end_line=claim.end_line,
        end_column=claim.end_column,
        paragraph=claim.paragraph,
        kind=claim.kind,
        markers=claim.markers,
        citations=tuple(claim.citations),
        status=fields.status,
        score=fields.score,
        needs_citation=fields.needs_citation,
        suggested_citations=fields.suggested,
        evidence=fields.evidence,
        details=(*notes, *fields.details),
        missing_terms=fields.missing_terms,
        suppression=suppression,
    )


def _cited(claim: ParsedClaim, verdict: Verdict, sources: LoadedSources) -> _Fields:
    cited = claim.citations
    missing = [s for s in cited if s not in sources.loaded]
    checked = [s for s in cited if s in sources.loaded]
    details: list[Reason] = []
    if not claim.marker_ids:
        details.append(reason("covered_by_later_marker", markers="".join(f"[{s}]" for s in cited)))
    for source_id in missing:
        if source_id in sources.errors:
            details.append(
                reason("source_unloadable", source=source_id, error=sources.errors[source_id])
            )
        else:
            details.append(reason("source_not_given", source=source_id))
    if missing and checked and verdict.status is Status.CONTRADICTED:
        status = Status.CONTRADICTED
        details.extend(verdict.reasons)
    elif missing:
        status = Status.UNKNOWN_SOURCE
        if checked:
            details.append(
                reason("checked_against_given", sources=checked, status=verdict.status.value)
            )
            details.extend(verdict.reasons)
    else:
        status = verdict.status
        details.extend(verdict.reasons)
        if status is not Status.SUPPORTED and not verdict.reasons:
            details.append(reason("no_backing_passage", sources=checked))
    if not checked:
        return _Fields(status=status, needs_citation=True, details=details)
    return _Fields(
        status=status,
        needs_citation=True,
        details=details,
        score=_clamp(verdict.score),
        evidence=tuple(_with_page(e, sources.loaded) for e in verdict.evidence),
        missing_terms=tuple(verdict.missing_terms),
    )


def _uncited(
    claim: ParsedClaim,
    need: NeedDecision | None,
    suggestions: Sequence[Suggestion],
    sources: LoadedSources,
) -> _Fields:
    if claim.kind in NO_SOURCE_KINDS:
        code = "exempt_heading" if claim.kind == "heading" else "exempt_code"
        return _Fields(status=Status.EXEMPT, needs_citation=False, details=[reason(code)])
    details: list[Reason] = []
    if claim.citation_needed:
        details.append(reason("citation_needed_tag"))
    if not needs_citation(claim, need):
        if need is not None and need.reason is not None:
            details.append(need.reason)
        return _Fields(status=Status.EXEMPT, needs_citation=False, details=details)
    if not claim.citation_needed:
        given = need.reason if need is not None else None
        details.append(given if given is not None else reason("claim_uncited"))
    suggested = tuple(s.source_id for s in suggestions)
    evidence = tuple(
        _with_page(s.evidence, sources.loaded) for s in suggestions if s.evidence is not None
    )
    if suggested:
        best = evidence[0].quote if evidence else ""
        quote = shorten(best, SUGGESTION_CHARS) if best else ""
        details.append(reason("suggested_source", source=suggested[0], quote=quote))
    return _Fields(
        status=Status.UNCITED,
        needs_citation=True,
        details=details,
        evidence=evidence,
        suggested=suggested,
    )


def _with_page(evidence: Evidence, loaded: Mapping[str, Source]) -> Evidence:
    """Evidence with the page it stands on, for paged sources (PDF)."""
    page = loaded[evidence.source_id].page_of(evidence.start)
    return evidence if page is None else evidence.model_copy(update={"page": page})


def _clamp(score: float) -> float:
    if score != score:  # NaN never reaches a report
        return 0.0
    return min(1.0, max(0.0, float(score)))
