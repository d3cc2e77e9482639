"""`verify()`: the thin façade over parse → match → report.

It validates what the caller gave, loads each source once, parses the article,
asks the matcher about every claim in one batch, and assembles the `Report`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from citecheck.config import Options
from citecheck.errors import CitecheckError, InternalError, InvalidInputError, SourceError
from citecheck.match import ClaimQuery, Matcher, NeedDecision, Suggestion, Verdict
from citecheck.parse import ParsedArticle, ParsedClaim, parse_article
from citecheck.report import ClaimResult, Evidence, Report, SourceInfo, Status, Summary
from citecheck.sources import Source, SourceLike, load_sources, origin_of
from citecheck.sources.load import Progress

_NO_SOURCE_KINDS = frozenset({"heading", "code"})


def normalize_source_id(raw: object) -> str:
    """Source ids given as ints or strings are the same ids: `1`, `"1"` and `" 1 "` match."""
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise InvalidInputError(
            f"source ids must be strings or integers, got {type(raw).__name__}: {raw!r}"
        )
    text = str(raw).strip()
    if text.startswith("^"):  # a footnote id given with its caret
        text = text[1:]
    if not text:
        raise InvalidInputError(f"source id {raw!r} is empty")
    return text


def _check_article(article: object, options: Options) -> str:
    if isinstance(article, bytes | bytearray):
        raise InvalidInputError("the article must be text (str), not bytes; decode it first")
    if not isinstance(article, str):
        raise InvalidInputError(f"the article must be text (str), got {type(article).__name__}")
    if len(article) > options.max_article_chars:
        raise InvalidInputError(
            f"the article has {len(article):,} characters, over the limit of "
            f"{options.max_article_chars:,} (option max_article_chars)"
        )
    return article


def _load_sources(
    sources: Mapping[Any, SourceLike] | None,
    options: Options,
    progress: Progress | None = None,
) -> tuple[dict[str, Source], dict[str, SourceInfo]]:
    """Load every source once; a source that fails is kept as an error, never raised."""
    if sources is None:
        return {}, {}
    if not isinstance(sources, Mapping):
        raise InvalidInputError(
            f"sources must be a mapping of id to source, got {type(sources).__name__}"
        )
    given: dict[str, SourceLike] = {}
    for raw_id, value in sources.items():
        source_id = normalize_source_id(raw_id)
        if source_id in given:
            raise InvalidInputError(
                f"source id {source_id!r} is given twice (ids {raw_id!r} and the earlier one "
                "name the same source)"
            )
        given[source_id] = value
    loaded: dict[str, Source] = {}
    infos: dict[str, SourceInfo] = {}
    for source_id, result in load_sources(given, options, progress=progress).items():
        if isinstance(result, SourceError):
            origin = origin_of(given[source_id])
            infos[source_id] = SourceInfo(id=source_id, origin=origin, error=str(result))
            continue
        loaded[source_id] = result
        infos[source_id] = SourceInfo(
            id=source_id,
            origin=result.origin,
            title=result.title,
            content_type=result.content_type,
            chars=len(result.text),
            warnings=list(result.warnings),
        )
    return loaded, infos


def verify(
    article: str,
    sources: Mapping[str | int, SourceLike] | None = None,
    *,
    options: Options | None = None,
    article_name: str | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> Report:
    """Check every claim of `article` against the `sources` its markers cite.

    `sources` maps ids (as the markers write them: `1`, `"note"`) to text, a
    `pathlib.Path`, an http(s) URL or a `citecheck.Source`. Keyword options (see
    `citecheck.Options`) tune thresholds and limits. `progress(id, result)` is called
    as each source finishes loading (for progress bars). Raises only
    `citecheck.CitecheckError` subclasses: a failure of citecheck itself is an
    `InternalError` carrying the original exception as its cause.
    """
    opts = Options.build(options, **overrides) if overrides else (options or Options())
    text = _check_article(article, opts)
    try:
        return _verify(text, sources, opts, article_name, progress)
    except CitecheckError:
        raise
    except RecursionError:
        raise InvalidInputError("the article is nested too deeply to check") from None
    except MemoryError:
        raise InvalidInputError(
            "out of memory checking this article; lower max_article_chars/max_source_chars"
        ) from None
    except Exception as exc:  # a bug: keep it typed and chained, never a bare traceback
        raise InternalError(
            f"citecheck failed on this input ({type(exc).__name__}: {exc}); please report it"
        ) from exc


def _verify(
    text: str,
    sources: Mapping[Any, SourceLike] | None,
    opts: Options,
    article_name: str | None,
    progress: Progress | None,
) -> Report:
    loaded, infos = _load_sources(sources, opts, progress)
    parsed = parse_article(text, opts)
    matcher = Matcher({sid: s.text for sid, s in loaded.items()}, opts)
    results = _judge_claims(parsed, loaded, infos, matcher, opts)

    for result in results:
        for source_id in result.citations:
            if source_id in infos:
                infos[source_id].cited_by.append(result.index)
    for source_id in loaded:
        infos[source_id].sentences = matcher.sentence_count(source_id)

    report = Report(
        article=article_name,
        article_chars=len(text),
        claims=results,
        sources=[infos[k] for k in sorted(infos, key=_id_sort_key)],
        summary=_summarize(results),
        fail_on=sorted(opts.fail_on, key=str),
    )
    return report.attach_texts(text, {sid: s.text for sid, s in loaded.items()})


def _id_sort_key(source_id: str) -> tuple[int, int, str]:
    return (0, int(source_id), "") if source_id.isdigit() else (1, 0, source_id)


def _judge_claims(
    parsed: ParsedArticle,
    loaded: Mapping[str, Source],
    infos: Mapping[str, SourceInfo],
    matcher: Matcher,
    opts: Options,
) -> list[ClaimResult]:
    claims = parsed.claims
    unmarked = [c for c in claims if not c.citations]
    needs = dict(
        zip(
            (c.index for c in unmarked),
            matcher.need([(c.text, c.context) for c in unmarked]),
            strict=True,
        )
    )
    statements = {i for i, need in needs.items() if need.statement}
    citations = effective_citations(claims, opts.marker_scope, statements)
    cited = [c for c in claims if citations[c.index]]
    queries = [
        ClaimQuery(
            text=c.text,
            source_ids=tuple(s for s in citations[c.index] if s in loaded),
            context=c.context,
        )
        for c in cited
    ]
    verdicts = dict(zip((c.index for c in cited), matcher.check(queries), strict=True))
    uncited = [c for c in claims if not citations[c.index]]
    # Uncited claims that need a source: which given source would back them (one batch).
    wanting = [c for c in uncited if _needs_citation(c, needs[c.index])]
    suggestions: dict[int, list[Suggestion]] = {}
    if opts.suggest_citations and loaded and wanting:
        found = matcher.suggest_many([(c.text, c.context) for c in wanting])
        suggestions = dict(zip((c.index for c in wanting), found, strict=True))

    results: list[ClaimResult] = []
    for claim in claims:
        fields: dict[str, Any] = {}
        if claim.index in verdicts:
            fields = _cited_fields(
                claim, citations[claim.index], verdicts[claim.index], loaded, infos
            )
            if not claim.citations:
                marks = "".join(f"[{s}]" for s in citations[claim.index])
                fields["reasons"].insert(0, f"covered by {marks} later in its paragraph")
        else:
            fields = _uncited_fields(
                claim, needs[claim.index], suggestions.get(claim.index, []), loaded
            )
        fields["reasons"] = [*claim.notes, *fields.get("reasons", [])]
        results.append(
            ClaimResult(
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
                markers=list(claim.markers),
                citations=citations[claim.index],
                suppressed=claim.suppressed,
                **fields,
            )
        )
    return results


def _cited_fields(
    claim: ParsedClaim,
    cited_ids: list[str],
    verdict: Verdict,
    loaded: Mapping[str, Source],
    infos: Mapping[str, SourceInfo],
) -> dict[str, Any]:
    missing = [s for s in cited_ids if s not in loaded]
    reasons: list[str] = []
    for source_id in missing:
        info = infos.get(source_id)
        if info is None:
            reasons.append(f"[{source_id}] names a source that was not given")
        else:
            reasons.append(f"source {source_id} could not be loaded: {info.error}")
    checked = [s for s in cited_ids if s in loaded]
    evidence = [_with_page(e, loaded) for e in verdict.evidence]
    if missing:
        status = Status.UNKNOWN_SOURCE
        if checked:
            reasons.append(
                f"against the source(s) that were given ({', '.join(checked)}), the claim is "
                f"{verdict.status.value}"
            )
            reasons.extend(verdict.reasons)
    else:
        status = verdict.status
        reasons.extend(verdict.reasons)
        if status is not Status.SUPPORTED and not verdict.reasons:
            cited = ", ".join(checked)
            reasons.append(f"no passage of source {cited} backs this claim")
    return {
        "status": status,
        "score": _clamp(verdict.score) if checked else None,
        "needs_citation": True,
        "evidence": evidence if checked else [],
        "reasons": reasons,
        "missing_terms": list(verdict.missing_terms) if checked else [],
    }


def _needs_citation(claim: ParsedClaim, need: NeedDecision) -> bool:
    if claim.kind in _NO_SOURCE_KINDS:
        return False
    return bool(need.needs_citation) or claim.citation_needed


def _uncited_fields(
    claim: ParsedClaim,
    need: NeedDecision,
    suggestions: list[Suggestion],
    loaded: Mapping[str, Source],
) -> dict[str, Any]:
    if claim.kind in _NO_SOURCE_KINDS:
        return {
            "status": Status.EXEMPT,
            "needs_citation": False,
            "reasons": [f"a {claim.kind.replace('_', ' ')} needs no source"],
        }
    reasons: list[str] = []
    if claim.citation_needed:
        reasons.append("the article itself marks this claim [citation needed]")
    if not _needs_citation(claim, need):
        return {"status": Status.EXEMPT, "needs_citation": False, "reasons": reasons}
    if not claim.citation_needed:
        reasons.append(need.reason or "states a fact but cites no source")
    suggested = [s.source_id for s in suggestions]
    evidence = [_with_page(s.evidence, loaded) for s in suggestions if s.evidence is not None]
    if suggested:
        best = evidence[0].quote if evidence else ""
        reasons.append(
            f"source {suggested[0]} supports it; cite [{suggested[0]}]"
            + (f": '{_shorten(best)}'" if best else "")
        )
    return {
        "status": Status.UNCITED,
        "needs_citation": True,
        "suggested_citations": suggested,
        "evidence": evidence,
        "reasons": reasons,
    }


def _with_page(evidence: Evidence, loaded: Mapping[str, Source]) -> Evidence:
    """Evidence with the page it stands on, for paged sources (PDF)."""
    return evidence.model_copy(update={"page": loaded[evidence.source_id].page_of(evidence.start)})


def effective_citations(
    claims: list[ParsedClaim], scope: str, statements: set[int] | None = None
) -> dict[int, list[str]]:
    """Source ids each claim cites, after applying the marker scope.

    With scope "paragraph" (the default, as in news and encyclopedia writing), a
    claim without markers is covered by the next marker in its paragraph: in
    "A. B [2]." both A and B cite [2]. Claims after a paragraph's last marker,
    claims tagged [citation needed], headings and code inherit nothing, and neither
    do claims outside `statements` (questions, fragments and transitions).
    """
    result = {c.index: c.citations for c in claims}
    if scope != "paragraph":
        return result
    carry: list[str] = []
    paragraph = None
    for claim in reversed(claims):
        if claim.paragraph != paragraph:
            paragraph, carry = claim.paragraph, []
        if claim.citations:
            carry = claim.citations
        elif (
            carry
            and not claim.citation_needed
            and claim.kind not in _NO_SOURCE_KINDS
            and (statements is None or claim.index in statements)
        ):
            result[claim.index] = list(carry)
    return result


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _clamp(score: float) -> float:
    if score != score:  # NaN never reaches a report
        return 0.0
    return min(1.0, max(0.0, float(score)))


def _summarize(results: list[ClaimResult]) -> Summary:
    summary = Summary(total=len(results))
    for result in results:
        name = result.status.value
        setattr(summary, name, getattr(summary, name) + 1)
        if result.suppressed is not None:
            summary.suppressed += 1
    return summary
