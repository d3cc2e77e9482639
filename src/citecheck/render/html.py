"""The HTML report: one self-contained page an editor can open, share or print.

The article is shown as written with every claim highlighted by status; a claim
opens a panel with its evidence in the context of its source. Everything is
inline (no network), every piece of article or source text is escaped, and a
strict Content-Security-Policy allows only this page's own style and script
(by hash). The script reads its data from a JSON block and builds the panel with
`textContent` only. The output is a pure function of the report.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from citecheck.errors import InvalidOptionsError
from citecheck.render import RenderOptions
from citecheck.render.escape import html_text, json_guard
from citecheck.render.labels import LOOKS, look
from citecheck.render.names import Spans, claim_names
from citecheck.render.pageassets import asset as _asset
from citecheck.render.pageassets import csp_source, stylesheet
from citecheck.render.textmarks import (
    context_around,
    fallback_terms,
    mark_terms,
    showable,
    squash_spaces,
)
from citecheck.report import ClaimResult, Evidence, Report, Status

#: Characters of source text shown on each side of an evidence quote.
CONTEXT_CHARS = 160


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    """The renderer-registry entry point: one article's report as one HTML page; several
    articles as the archive page (`render/archive.py`)."""
    several = options.several if options.several is not None else len(reports) != 1
    if several or len(reports) != 1:
        from citecheck.render.archive import render_archive

        return render_archive(reports, tool_version=options.tool_version)
    return render_html(reports[0])


def render_html(report: Report, *, title: str | None = None) -> str:
    """Render `report` as one self-contained, offline HTML page (deterministic)."""
    if report.article_text is None:
        raise InvalidOptionsError(
            "the HTML report needs the article text (Report.article_text), which reports "
            "made by citecheck carry"
        )
    css, js = stylesheet("report.css"), _asset("report.js")
    page_title = title if title is not None else _default_title(report)
    texts = _Texts(report)
    views = [_claim_view(claim, texts) for claim in report.claims]
    csp = (
        "default-src 'none'; "
        f"style-src '{csp_source(css)}'; "
        f"script-src '{csp_source(js)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en" class="no-js">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="referrer" content="no-referrer">\n',
            '<meta name="color-scheme" content="light">\n',
            f"<title>{_text(page_title)}</title>\n",
            f"<style>{css}</style>\n</head>\n<body>\n",
            _render_header(report, page_title, texts.labels),
            '<main id="main">\n',
            _render_article(report, texts),
            _render_sources(report, texts.labels),
            _render_appendix(views),
            "</main>\n",
            _PANEL,
            '<script type="application/json" id="citecheck-data">',
            _json_for_script({"claims": views}),
            "</script>\n",
            f"<script>{js}</script>\n</body>\n</html>\n",
        ]
    )


_PANEL = (
    '<p class="visually-hidden" id="panel-announce" role="status" aria-live="polite"></p>\n'
    '<aside id="panel" class="panel" role="region" aria-label="Claim details" hidden>\n'
    '<div class="panel-bar"><span class="panel-heading" id="panel-heading"></span>'
    '<button type="button" class="panel-nav" data-step="-1" '
    'aria-label="Previous finding" title="Previous finding (p)">‹</button>'
    '<button type="button" class="panel-nav" data-step="1" '
    'aria-label="Next finding" title="Next finding (n)">›</button>'
    '<button type="button" class="panel-close" aria-label="Close details" '
    'title="Close (Esc)">×</button></div>\n'
    '<div class="panel-body" id="panel-body"></div>\n</aside>\n'
)


def _text(value: str) -> str:
    """Escape any text for element content or a quoted attribute (see `escape.html_text`)."""
    return html_text(value)


def _default_title(report: Report) -> str:
    """The article's own title (front matter) when it has one, else its path."""
    named = " ".join((report.title or "").split()) or report.article
    return f"Citation check: {named}" if named else "Citation check"


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its <script> block or be read as markup."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        json_guard(raw)
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _percent(score: float | None) -> str | None:
    return None if score is None else f"{round(score * 100)}%"


class _Texts:
    """What claim views read from the report, looked up once per page.

    `article` is the text the page shows: an HTML article's visible text
    (`Report.display`), any other article as written; `spans` place each claim and
    its markers in it; `labels` name each claim for people (`line 3 · [2]`).
    """

    def __init__(self, report: Report) -> None:
        self.sources = report.source_texts or {}
        self.titles = {s.id: s.title for s in report.sources}
        self.article, self.spans = _shown(report)
        self.labels = claim_names(report.claims, self.article, self.spans)


def _shown(report: Report) -> tuple[str, dict[int, Spans]]:
    """The article text the page shows and where each claim and marker stands in it."""
    if report.display is not None:
        return report.display.text, {
            c.index: (c.start, c.end, [(m.start, m.end) for m in c.markers])
            for c in report.display.claims
        }
    return report.article_text or "", {
        c.index: (c.start, c.end, [(m.start, m.end) for m in c.markers]) for c in report.claims
    }


def _evidence_view(evidence: Evidence, claim: ClaimResult, texts: _Texts) -> dict[str, Any]:
    source = texts.sources.get(evidence.source_id)
    if source is not None and source[evidence.start : evidence.end] == evidence.quote:
        before, after = context_around(source, evidence.start, evidence.end, CONTEXT_CHARS)
    else:
        before, after = "", ""
    terms = evidence.matched_terms or fallback_terms(claim.text)
    quote = squash_spaces(showable(evidence.quote))
    return {
        "source": evidence.source_id,
        "title": texts.titles.get(evidence.source_id),
        "page": evidence.page,
        "score": _percent(evidence.score),
        "before": squash_spaces(showable(before)),
        "parts": [[piece, 1 if hit else 0] for piece, hit in mark_terms(quote, terms)],
        "after": squash_spaces(showable(after)),
    }


def _claim_as_shown(claim: ClaimResult, texts: _Texts) -> str:
    span = texts.spans.get(claim.index)
    written = texts.article[span[0] : span[1]] if span is not None else ""
    return squash_spaces(showable(written)).strip() or showable(claim.text)


def _claim_view(claim: ClaimResult, texts: _Texts) -> dict[str, Any]:
    """What a reader sees about one claim, for the panel (JSON) and the printed list."""
    status_look = look(claim.status)
    written = _claim_as_shown(claim, texts)
    return {
        "index": claim.index,
        "name": texts.labels[claim.index],
        "status": claim.status.value,
        "label": status_look.label,
        "glyph": status_look.glyph,
        "meaning": status_look.meaning,
        "finding": claim.severity is not None,
        "text": written,
        "text_parts": [
            [piece, 1 if hit else 0] for piece, hit in mark_terms(written, claim.missing_terms)
        ],
        "score": _percent(claim.score),
        "where": f"line {claim.line}, column {claim.column}",
        "kind": claim.kind.replace("_", " "),
        "markers": [showable(m.text) for m in claim.markers],
        "citations": [showable(c) for c in claim.citations],
        "suggested": [showable(c) for c in claim.suggested_citations],
        "reasons": [showable(r) for r in claim.reasons],
        "missing": [showable(t) for t in claim.missing_terms],
        "suppressed": None if claim.suppression is None else showable(claim.suppression.reason),
        "evidence": [_evidence_view(e, claim, texts) for e in claim.evidence],
    }


# --- header: title, verdict, counts, legend -------------------------------------------------


def _render_header(report: Report, page_title: str, labels: dict[int, str]) -> str:
    return "".join(
        [
            '<header class="top">\n',
            f"<h1>{_text(page_title)}</h1>\n",
            _render_verdict(report, labels),
            '<div class="overview">\n',
            _render_chart(report),
            _render_legend(),
            "</div>\n",
            '<p class="help no-print">Select a highlighted claim (click, or Tab then Enter) '
            "to see its evidence. <kbd>n</kbd>/<kbd>p</kbd>: next/previous finding; "
            "<kbd>Esc</kbd>: close.</p>\n",
            "</header>\n",
        ]
    )


def _render_verdict(report: Report, labels: dict[int, str]) -> str:
    findings = len(report.findings())
    fail_on = ", ".join(look(s).label.lower() for s in report.fail_on) or "nothing"
    if report.ok:
        headline = "✓ Passes: no claim fails the check"
    else:
        noun = "claim fails" if findings == 1 else "claims fail"
        headline = f"✗ Fails: {findings} {noun} the check"
    extra = []
    if report.summary.contradicted and Status.CONTRADICTED not in report.fail_on:
        extra.append(f"{report.summary.contradicted} contradicted (warning)")
    if report.summary.partial:
        extra.append(f"{report.summary.partial} partly supported (warning)")
    if report.summary.suppressed:
        extra.append(f"{report.summary.suppressed} suppressed by citecheck: ignore")
    detail = f"The check fails on: {fail_on}." + (" " + "; ".join(extra) + "." if extra else "")
    state = "pass" if report.ok else "fail"
    return (
        f'<section class="verdict verdict-{state}" aria-label="Verdict" '
        f'data-ok="{"true" if report.ok else "false"}">\n'
        f'<p class="verdict-headline">{_text(headline)}</p>\n'
        f'<p class="verdict-detail">{_text(detail)} {report.summary.total} claims in all.</p>\n'
        f"{_render_jumps(report, labels)}</section>\n"
    )


#: Most findings linked from the verdict; the rest are reachable with `n`.
MAX_JUMPS = 40
#: More chips than this (findings, "cited by") collapse into a count with a toggle.
MAX_OPEN_CHIPS = 10


def _chip(claim: ClaimResult, labels: dict[int, str], classes: str) -> str:
    """A link to a claim, named by its line and marker (`line 3 · [2]`)."""
    status = look(claim.status)
    return (
        f'<a class="{classes} st-{claim.status.value}" href="#claim-{claim.index}" '
        f'data-claim="{claim.index}"><span class="glyph" aria-hidden="true">{status.glyph}'
        f'</span>{_text(labels[claim.index])}<span class="visually-hidden">, '
        f"{status.label.lower()}</span></a>"
    )


def _chips(chips: list[str], list_id: str, noun: str) -> str:
    """Chips in a row; more than `MAX_OPEN_CHIPS` collapse behind a toggle showing the count.

    Without scripts (and in print) the list is simply shown.
    """
    row = " ".join(chips)
    if len(chips) <= MAX_OPEN_CHIPS:
        return row
    return (
        f'<button type="button" class="chips-toggle" aria-expanded="false" '
        f'aria-controls="{list_id}">{len(chips)} {noun}</button> '
        f'<span class="chips" id="{list_id}" hidden>{row}</span>'
    )


def _render_jumps(report: Report, labels: dict[int, str]) -> str:
    """Links to every finding (failing or warning claims), in article order."""
    findings = report.problems()
    if not findings:
        return ""
    chips = [_chip(c, labels, "jump") for c in findings[:MAX_JUMPS]]
    more = len(findings) - MAX_JUMPS
    rest = f" and {more} more (press n)" if more > 0 else ""
    return (
        '<p class="verdict-jumps no-print">Findings: '
        f"{_chips(chips, 'finding-chips', 'findings')}{rest}</p>\n"
    )


_ROW, _LABEL_W, _BAR_W = 26, 170, 220


def _render_chart(report: Report) -> str:
    counts = [(status, report.summary.count(status)) for status in LOOKS]
    top = max((n for _, n in counts), default=0) or 1
    height = _ROW * len(counts)
    spoken = ", ".join(f"{n} {look(s).label.lower()}" for s, n in counts)
    rows = []
    for row, (status, n) in enumerate(counts):
        y = row * _ROW
        width = round(_BAR_W * n / top, 1)
        status_look = look(status)
        rows.append(
            f'<g class="bar-row st-{status.value}" data-status="{status.value}" data-count="{n}">'
            f'<text x="0" y="{y + 17}" class="bar-label">'
            f"{status_look.glyph} {_text(status_look.label)}</text>"
            f'<rect x="{_LABEL_W}" y="{y + 4}" width="{width}" height="{_ROW - 8}" rx="3" '
            f'class="bar"></rect>'
            f'<text x="{_LABEL_W + width + 6}" y="{y + 17}" class="bar-count">{n}</text></g>'
        )
    return (
        '<figure class="chart">\n'
        f'<figcaption id="chart-caption">Claims by status ({report.summary.total})</figcaption>\n'
        f'<svg class="counts" viewBox="0 0 {_LABEL_W + _BAR_W + 40} {height}" '
        f'role="img" aria-labelledby="chart-caption" aria-describedby="chart-spoken" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<desc id="chart-spoken">{_text(spoken)}</desc>' + "".join(rows) + "</svg>\n</figure>\n"
    )


def _render_legend() -> str:
    items = "".join(
        f'<li class="legend-item" data-status="{status.value}">'
        f'<span class="claim-sample st-{status.value}">'
        f'<span class="glyph" aria-hidden="true">{status_look.glyph}</span>'
        f"{_text(status_look.label)}</span> "
        f'<span class="legend-meaning">{_text(status_look.meaning)}</span></li>\n'
        for status, status_look in LOOKS.items()
    )
    return f'<section class="legend" aria-label="Legend">\n<ul>\n{items}</ul>\n</section>\n'


# --- the article ----------------------------------------------------------------------------


def _render_article(report: Report, texts: _Texts) -> str:
    """The article as shown (an HTML article's visible text, any other as written), each
    claim's span wrapped in a focusable highlight."""
    text = texts.article
    out: list[str] = []
    pos = 0
    placed = sorted(
        (span[0], claim.index, claim, span)
        for claim in report.claims
        if (span := texts.spans.get(claim.index)) is not None
    )
    for _, _, claim, (start, end, markers) in placed:
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue  # no span left to show (overlap or out of range); still in the details
        out.append(_text(text[pos:start]))
        out.append(_render_claim(claim, texts.labels[claim.index], text, start, end, markers))
        pos = end
    out.append(_text(text[pos:]))
    name = f'<p class="article-name">{_text(report.article)}</p>\n' if report.article else ""
    note = (
        '<p class="article-note">Shown as a reader sees it (tags, scripts, styles and '
        "navigation left out); lines and columns refer to the HTML as written.</p>\n"
        if report.display is not None
        else ""
    )
    return (
        '<section class="article-wrap" aria-labelledby="article-heading">\n'
        '<h2 id="article-heading">Article</h2>\n'
        f'{name}{note}<div class="article" id="article">{"".join(out)}</div>\n</section>\n'
    )


def _render_claim(
    claim: ClaimResult,
    name: str,
    text: str,
    start: int,
    end: int,
    markers: list[tuple[int, int]],
) -> str:
    status_look = look(claim.status)
    label = f"{name}, {status_look.label.lower()}"
    if claim.suppression is not None:
        label += " (suppressed)"
    label += ": " + squash_spaces(claim.text).strip()
    classes = f"claim st-{claim.status.value}" + (
        " suppressed" if claim.suppression is not None else ""
    )
    inner: list[str] = []
    pos = start
    for m_start, m_end in sorted(markers):
        m_start, m_end = max(m_start, pos), min(m_end, end)
        if m_end <= m_start:
            continue
        inner.append(_text(text[pos:m_start]))
        inner.append(f'<span class="marker">{_text(text[m_start:m_end])}</span>')
        pos = m_end
    inner.append(_text(text[pos:end]))
    return (
        f'<span class="{classes}" id="claim-{claim.index}" data-claim="{claim.index}" '
        f'data-status="{claim.status.value}" role="button" tabindex="0" '
        f'aria-label="{_text(label)}" aria-controls="panel" aria-expanded="false">'
        f'<span class="glyph" aria-hidden="true">{status_look.glyph}</span>'
        f"{''.join(inner)}</span>"
    )


# --- sources and the printable list of claims --------------------------------------------------


def _origin_html(origin: str) -> str:
    if origin.lower().startswith(("http://", "https://")):
        return (
            f'<a class="origin" href="{_text(origin)}" rel="noopener noreferrer" '
            f'target="_blank">{_text(origin)}</a>'
        )
    if origin == "inline":
        return '<span class="origin">given inline</span>'
    return f'<code class="origin">{_text(origin)}</code>'


def _render_sources(report: Report, labels: dict[int, str]) -> str:
    if not report.sources:
        return (
            '<section class="sources" aria-labelledby="sources-heading">\n'
            '<h2 id="sources-heading">Sources</h2>\n<p>No sources were given.</p>\n</section>\n'
        )
    items = []
    by_index = {c.index: c for c in report.claims}
    for source in report.sources:
        title = f'<span class="source-title">{_text(source.title)}</span> ' if source.title else ""
        chips = [_chip(by_index[i], labels, "cited") for i in source.cited_by if i in by_index]
        cited = _chips(chips, f"cited-{_text(source.id)}", "claims") if chips else ""
        facts = []
        if source.content_type:
            facts.append(_text(source.content_type))
        if source.chars:
            facts.append(f"{source.chars:,} characters")
        if source.sentences:
            facts.append(f"{source.sentences:,} sentences")
        error = (
            f'<p class="source-error" role="note">⚠ Could not be used: {_text(source.error)}</p>'
            if source.error
            else ""
        )
        items.append(
            f'<li class="source{" source-failed" if source.error else ""}" '
            f'id="source-{_text(source.id)}" data-source="{_text(source.id)}">'
            f'<span class="source-id">[{_text(source.id)}]</span> '
            f"{title}{_origin_html(source.origin)}"
            + (f'<span class="source-facts"> · {" · ".join(facts)}</span>' if facts else "")
            + (f'<p class="source-cited">Cited by {cited}.</p>' if cited else "")
            + f"{error}</li>\n"
        )
    return (
        '<section class="sources" aria-labelledby="sources-heading">\n'
        '<h2 id="sources-heading">Sources</h2>\n'
        f'<ul class="source-list">\n{"".join(items)}</ul>\n</section>\n'
    )


def _render_appendix(views: list[dict[str, Any]]) -> str:
    """Every non-exempt claim's details, for print (and readers without scripts)."""
    blocks = [_render_details(v) for v in views if v["status"] != "exempt"]
    body = "".join(blocks) if blocks else "<p>No claim needs a source.</p>\n"
    return (
        '<section class="appendix" aria-labelledby="appendix-heading">\n'
        '<h2 id="appendix-heading">Claims in detail</h2>\n'
        f"{body}</section>\n"
    )


def _render_details(view: dict[str, Any]) -> str:
    facts = [f"status: {view['label'].lower()}"]
    if view["score"] is not None:
        facts.append(f"score {view['score']}")
    if view["markers"]:
        facts.append("markers " + " ".join(view["markers"]))
    if view["suggested"]:
        facts.append("could cite " + ", ".join(f"[{s}]" for s in view["suggested"]))
    facts.append(view["where"])
    if view["suppressed"] is not None:
        facts.append(f"suppressed: {view['suppressed']}")
    parts = [
        f'<article class="detail st-{view["status"]}" data-claim="{view["index"]}">',
        f'<h3><span class="glyph" aria-hidden="true">{view["glyph"]}</span>'
        f"{_text(view['name'])}: {_text(view['label'])}</h3>",
        f'<p class="detail-claim">{_marked(view["text_parts"], "miss")}</p>',
        f'<p class="detail-facts">{_text("; ".join(facts))}</p>',
    ]
    if view["reasons"]:
        parts.append(
            '<ul class="reasons">'
            + "".join(f"<li>{_text(r)}</li>" for r in view["reasons"])
            + "</ul>"
        )
    if view["missing"]:
        parts.append(
            '<p class="missing">Not backed: '
            + " ".join(f'<span class="term-missing">{_text(t)}</span>' for t in view["missing"])
            + "</p>"
        )
    for ev in view["evidence"]:
        parts.append(_render_evidence(ev))
    parts.append("</article>\n")
    return "".join(parts)


def _render_evidence(ev: dict[str, Any]) -> str:
    where = f" {ev['title']}" if ev["title"] else ""
    if ev["page"] is not None:
        where += f", page {ev['page']}"
    quote = _marked(ev["parts"], "term")
    source = _text(ev["source"])
    return (
        f'<figure class="evidence" data-source="{source}">'
        f'<figcaption><a href="#source-{source}">[{source}]</a>'
        f"{_text(where)} · covers {_text(ev['score'] or '')}</figcaption>"
        f'<blockquote class="context">{_text(ev["before"])}'
        f'<mark class="quote">{quote}</mark>{_text(ev["after"])}</blockquote></figure>'
    )


def _marked(parts: list[list[Any]], mark_class: str) -> str:
    """Escaped text with the marked pieces wrapped in `<mark class=...>`."""
    return "".join(
        f'<mark class="{mark_class}">{_text(piece)}</mark>' if hit else _text(piece)
        for piece, hit in parts
    )
