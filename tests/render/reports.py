"""Hand-built reports for the HTML renderer tests: every status pinned, hostile text included."""

from __future__ import annotations

from citecheck.report import (
    ClaimResult,
    Evidence,
    Marker,
    Reason,
    Report,
    SourceInfo,
    Status,
)

SOURCE_1 = (
    "Opening remarks were brief. The International Labour Organization met in Geneva on "
    "Friday to discuss wages. Delegates approved a convention on platform work after long "
    "talks. Closing remarks followed."
)
SOURCE_2 = "Unemployment fell to 3 percent last year, the ministry said. Wages rose slowly."

#: One claim per status, in article order; the article is assembled from these pieces.
PIECES: list[tuple[str, Status, list[str]]] = [
    ("# Wages & work <b>news</b>", Status.EXEMPT, []),
    ("The ILO met in Geneva on Friday [1].", Status.SUPPORTED, ["1"]),
    ("Delegates approved a treaty on gig work and pensions [1].", Status.PARTIAL, ["1"]),
    ("The moon is made of cheese [2].", Status.UNSUPPORTED, ["2"]),
    ("Unemployment fell to 3 percent last year.", Status.UNCITED, []),
    ("The treaty was signed by 120 countries [3].", Status.UNKNOWN_SOURCE, ["3"]),
]

HOSTILE = (
    "\n\nA reader wrote <script>window.__pwned = 1; document.title = 'pwned'</script> "
    '<img src="x" onerror="window.__pwned = 2"> and "quotes" & \'apostrophes\', '
    "a bidi override \u202eevil\u202c, a NUL \x00, an emoji 🧪 and </div></span> end tags."
)


def _article() -> tuple[str, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    text = ""
    for i, (piece, _, _) in enumerate(PIECES):
        if i:
            text += "\n\n" if i in (1, 4) else " "
        spans.append((len(text), len(text) + len(piece)))
        text += piece
    return text + HOSTILE, spans


def make_report() -> Report:
    """A report with one claim of each status, evidence with matched terms and a failed source."""
    article, spans = _article()
    claims: list[ClaimResult] = []
    for index, ((piece, status, ids), (start, end)) in enumerate(zip(PIECES, spans, strict=True)):
        markers = []
        if ids:
            m_start = start + piece.rindex("[")
            markers = [Marker(text=f"[{ids[0]}]", start=m_start, end=m_start + 3, ids=ids)]
        evidence: list[Evidence] = []
        missing: list[str] = []
        score: float | None = None
        reasons: list[str] = []
        suggested: list[str] = []
        if status is Status.SUPPORTED:
            evidence = [
                _evidence(
                    SOURCE_1,
                    "1",
                    "The International Labour Organization met",
                    0.9,
                    ["met", "Geneva", "Friday"],
                )
            ]
            score = 0.9
        elif status is Status.PARTIAL:
            evidence = [
                _evidence(
                    SOURCE_1,
                    "1",
                    "Delegates approved a convention",
                    0.5,
                    ["delegates", "approve", "work"],
                )
            ]
            missing = ["treaty", "pensions"]
            score = 0.5
            reasons = ["the source does not mention pensions <or> a treaty"]
        elif status is Status.UNSUPPORTED:
            score = 0.0
            reasons = ["no passage of source 2 backs the claim"]
            missing = ["moon", "cheese"]
        elif status is Status.UNCITED:
            evidence = [
                _evidence(
                    SOURCE_2,
                    "2",
                    "Unemployment fell to 3 percent last year",
                    1.0,
                    ["unemployment", "3", "percent"],
                )
            ]
            suggested = ["2"]
            reasons = ["states a fact but cites no source"]
        elif status is Status.UNKNOWN_SOURCE:
            reasons = ["source 3 could not be loaded: connection refused"]
        claims.append(
            ClaimResult(
                index=index,
                text=piece,
                start=start,
                end=end,
                line=1,
                column=1,
                end_line=1,
                end_column=1,
                paragraph=0,
                markers=markers,
                citations=ids,
                status=status,
                score=score,
                needs_citation=status is not Status.EXEMPT,
                suggested_citations=suggested,
                evidence=evidence,
                details=[Reason(code="test_note", message=r) for r in reasons],
                missing_terms=missing,
            )
        )
    sources = [
        SourceInfo(
            id="1",
            origin="https://example.org/ilo?a=1&b=<2>",
            title='ILO "press" note',
            chars=len(SOURCE_1),
            cited_by=[1, 2],
        ),
        SourceInfo(
            id="2", origin="sources/ministry.txt", title=None, chars=len(SOURCE_2), cited_by=[3]
        ),
        SourceInfo(
            id="3", origin="https://example.org/gone", error="connection refused", cited_by=[5]
        ),
    ]
    return Report(
        article="news/<wages>.md",
        article_chars=len(article),
        claims=claims,
        sources=sources,
        article_text=article,
        source_texts={"1": SOURCE_1, "2": SOURCE_2},
    )


def _evidence(source: str, source_id: str, starts: str, score: float, terms: list[str]) -> Evidence:
    start = source.index(starts)
    end = source.index(".", start) + 1
    return Evidence(
        source_id=source_id,
        quote=source[start:end],
        start=start,
        end=end,
        score=score,
        matched_terms=terms,
    )
