"""The archive page: one self-contained HTML summary of an audit of many articles.

What a desk editor wants to see first: how many claims of each status the archive
holds (a table and a chart), which articles have the most findings (sorted, each
linked to its own section), which sources most often fail to support the claims
citing them or fail to load, and which articles could not be checked at all. Each
article's section lists its findings with line, status, claim, reason and the best
evidence quote. Everything is inline and escaped under a Content-Security-Policy that
allows only this page's own style (there is no script); the page is a pure function
of the reports, so the same audit gives the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from citecheck.render import RenderOptions
from citecheck.render.escape import html_text
from citecheck.render.labels import LOOKS, article_name, look, reason, shorten
from citecheck.render.pageassets import csp_source, stylesheet
from citecheck.report import ClaimResult, Report, Status

#: Sources listed in the "sources that fail most" table.
MAX_SOURCES = 25
#: Characters of claim text and evidence quoted per finding.
CLAIM_CHARS, QUOTE_CHARS = 220, 200


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    """The renderer-registry entry point: the archive page for `reports`."""
    return render_archive(reports, tool_version=options.tool_version)


def render_archive(
    reports: Sequence[Report],
    *,
    failures: Sequence[tuple[str, str]] = (),
    tool_version: str = "0.0.0",
    title: str | None = None,
) -> str:
    """One page for an archive: totals, chart, articles by findings, failing sources.

    `failures` are (article, why) pairs for articles that could not be checked.
    """
    css = stylesheet("archive.css")
    page_title = title if title is not None else f"Citation audit of {len(reports)} articles"
    order = sorted(range(len(reports)), key=lambda i: _rank(reports[i], i))
    csp = f"default-src 'none'; style-src '{csp_source(css)}'; base-uri 'none'; form-action 'none'"
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="referrer" content="no-referrer">\n',
            f"<title>{_text(page_title)}</title>\n",
            f"<style>{css}</style>\n</head>\n<body>\n",
            '<header class="top">\n',
            f"<h1>{_text(page_title)}</h1>\n",
            _verdict(reports, failures),
            "</header>\n<main>\n",
            _totals(reports),
            _articles_table(reports, order),
            _sources_table(reports),
            _failures(failures),
            _article_sections(reports, order),
            "</main>\n",
            f'<footer class="foot">citecheck {_text(tool_version)}</footer>\n',
            "</body>\n</html>\n",
        ]
    )


def _text(value: str) -> str:
    """Escape any text for element content or a quoted attribute (see `escape.html_text`)."""
    return html_text(value)


def _rank(report: Report, position: int) -> tuple[int, int, str, int]:
    """Most findings first, then most warnings, then by name (then input order)."""
    return (-len(report.findings()), -len(report.problems()), article_name(report), position)


def _anchor(position: int) -> str:
    return f"article-{position + 1}"


# --- verdict and totals ------------------------------------------------------------------


def _verdict(reports: Sequence[Report], failures: Sequence[tuple[str, str]]) -> str:
    failing = sum(not r.ok for r in reports)
    findings = sum(len(r.findings()) for r in reports)
    claims = sum(r.summary.total for r in reports)
    ok = failing == 0 and not failures
    headline = (
        f"✓ All {len(reports)} articles pass the check"
        if ok
        else f"✗ {failing} of {len(reports)} articles fail the check"
    )
    parts = [f"{_plural(findings, 'failing claim')} among {_plural(claims, 'claim')}"]
    if failures:
        verb = "was" if len(failures) == 1 else "were"
        parts.append(f"{_plural(len(failures), 'article')} {verb} not checked (see below)")
    state = "pass" if ok else "fail"
    return (
        f'<section class="verdict verdict-{state}" aria-label="Verdict">'
        f'<p class="verdict-headline">{_text(headline)}</p>'
        f'<p class="verdict-detail">{_text("; ".join(parts))}.</p></section>\n'
    )


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _totals(reports: Sequence[Report]) -> str:
    counts = {status: sum(r.summary.count(status) for r in reports) for status in LOOKS}
    articles = {status: sum(r.summary.count(status) > 0 for r in reports) for status in LOOKS}
    total = sum(counts.values()) or 1
    rows = "".join(
        f'<tr class="st-{s.value}" data-status="{s.value}">'
        f'<th scope="row"><span class="glyph" aria-hidden="true">{look(s).glyph}</span> '
        f"{_text(look(s).label)}</th>"
        f'<td class="num" data-count="{counts[s]}">{counts[s]:,}</td>'
        f'<td class="num">{100 * counts[s] / total:.1f}%</td>'
        f'<td class="num">{articles[s]:,}</td></tr>'
        for s in LOOKS
    )
    return (
        '<section class="totals" aria-labelledby="totals-title">\n'
        '<h2 id="totals-title">Claims by status</h2>\n<div class="overview">\n'
        '<table class="status-table"><thead><tr><th scope="col">Status</th>'
        '<th scope="col" class="num">Claims</th><th scope="col" class="num">Share</th>'
        '<th scope="col" class="num">Articles</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>\n"
        f"{_chart(counts)}</div>\n</section>\n"
    )


_ROW, _LABEL_W, _BAR_W = 26, 170, 260


def _chart(counts: dict[Status, int]) -> str:
    """Claims per status as an inline SVG bar chart (no script, no fonts to fetch)."""
    top = max(counts.values(), default=0) or 1
    spoken = ", ".join(f"{n} {look(s).label.lower()}" for s, n in counts.items())
    rows = []
    for row, (status, n) in enumerate(counts.items()):
        y = row * _ROW
        width = round(_BAR_W * n / top, 1)
        rows.append(
            f'<g class="bar-row st-{status.value}" data-status="{status.value}" data-count="{n}">'
            f'<text x="0" y="{y + 17}" class="bar-label">'
            f"{look(status).glyph} {_text(look(status).label)}</text>"
            f'<rect x="{_LABEL_W}" y="{y + 4}" width="{width}" height="{_ROW - 8}" rx="3" '
            f'class="bar"></rect>'
            f'<text x="{_LABEL_W + width + 6}" y="{y + 17}" class="bar-count">{n:,}</text></g>'
        )
    return (
        '<figure class="chart">'
        '<figcaption id="chart-caption">Claims by status, all articles</figcaption>'
        f'<svg class="counts" viewBox="0 0 {_LABEL_W + _BAR_W + 70} {_ROW * len(counts)}" '
        'role="img" aria-labelledby="chart-caption" aria-describedby="chart-spoken" '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<desc id="chart-spoken">{_text(spoken)}</desc>{"".join(rows)}</svg></figure>\n'
    )


# --- articles --------------------------------------------------------------------------------


def _articles_table(reports: Sequence[Report], order: list[int]) -> str:
    problem_statuses = [s for s in LOOKS if s not in (Status.SUPPORTED, Status.EXEMPT)]
    head = "".join(
        f'<th scope="col" class="num st-{s.value}" title="{_text(look(s).label)}">'
        f'<span class="glyph" aria-hidden="true">{look(s).glyph}</span>'
        f'<span class="visually-hidden">{_text(look(s).label)}</span></th>'
        for s in problem_statuses
    )
    rows = []
    for position in order:
        report = reports[position]
        cells = "".join(
            f'<td class="num">{report.summary.count(s) or ""}</td>' for s in problem_statuses
        )
        state = "pass" if report.ok else "fail"
        rows.append(
            f'<tr class="row-{state}" data-findings="{len(report.findings())}">'
            f'<td><a href="#{_anchor(position)}">{_text(article_name(report))}</a></td>'
            f'<td class="num">{len(report.findings())}</td>'
            f'<td class="num">{report.summary.total}</td>{cells}</tr>'
        )
    return (
        '<section class="articles" aria-labelledby="articles-title">\n'
        '<h2 id="articles-title">Articles, most findings first</h2>\n'
        '<div class="scroll"><table class="article-table"><thead><tr>'
        '<th scope="col">Article</th><th scope="col" class="num">Findings</th>'
        f'<th scope="col" class="num">Claims</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>\n</section>\n"
    )


def _article_sections(reports: Sequence[Report], order: list[int]) -> str:
    sections = [_article_section(reports[position], position) for position in order]
    return (
        '<section class="details" aria-labelledby="details-title">\n'
        '<h2 id="details-title">Findings by article</h2>\n' + "".join(sections) + "</section>\n"
    )


def _article_section(report: Report, position: int) -> str:
    problems = report.problems()
    state = "pass" if report.ok else "fail"
    summary = f"{len(report.findings())} findings, {len(problems)} problems in all, "
    summary += f"{report.summary.total} claims"
    if not problems:
        body = '<p class="clear">No findings.</p>'
    else:
        body = '<ol class="findings">' + "".join(_finding(c, report) for c in problems) + "</ol>"
    return (
        f'<article class="report report-{state}" id="{_anchor(position)}">'
        f"<h3>{_text(article_name(report))}</h3>"
        f'<p class="report-summary">{_text(summary)}</p>{body}'
        '<p class="back"><a href="#articles-title">Back to the articles</a></p></article>\n'
    )


def _finding(claim: ClaimResult, report: Report) -> str:
    status_look = look(claim.status)
    quote = ""
    if claim.evidence:
        best = claim.evidence[0]
        quote = (
            f'<blockquote class="evidence">source {_text(best.source_id)}: '
            f"“{_text(shorten(best.quote, QUOTE_CHARS))}”</blockquote>"
        )
    suppressed = ' <span class="suppressed">(suppressed)</span>' if claim.suppression else ""
    return (
        f'<li class="finding st-{claim.status.value}" data-status="{claim.status.value}">'
        f'<span class="where">line {claim.line}</span> '
        f'<span class="status"><span class="glyph" aria-hidden="true">{status_look.glyph}</span> '
        f"{_text(status_look.label)}</span>{suppressed}"
        f'<p class="claim">{_text(shorten(claim.text, CLAIM_CHARS))}</p>'
        f'<p class="reason">{_text(reason(claim))}</p>{quote}</li>'
    )


# --- sources ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _SourceTally:
    """How one source fared across the archive."""

    label: str
    title: str | None = None
    articles: set[int] = field(default_factory=set)
    claims: int = 0
    contradicted: int = 0
    unsupported: int = 0
    partial: int = 0
    load_errors: int = 0
    error: str | None = None

    @property
    def failing(self) -> int:
        return self.contradicted + self.unsupported + self.load_errors


def _source_key(origin: str, text: str | None) -> str:
    """A file or URL is itself; inline text is known by its content."""
    if origin != "inline" or text is None:
        return origin
    return "inline:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def tally_sources(reports: Sequence[Report]) -> list[_SourceTally]:
    """Every source of the archive, those that fail most first."""
    tallies: dict[str, _SourceTally] = {}
    for position, report in enumerate(reports):
        texts = report.source_texts or {}
        keys: dict[str, str] = {}
        for info in report.sources:
            key = _source_key(info.origin, texts.get(info.id))
            keys[info.id] = key
            label = info.origin if info.origin != "inline" else f"inline text ({key[7:]})"
            tally = tallies.setdefault(key, _SourceTally(label=label, title=info.title))
            tally.articles.add(position)
            if info.error is not None:
                tally.load_errors += 1
                tally.error = tally.error or info.error
        for claim in report.claims:
            for sid in claim.citations:
                if sid not in keys:
                    continue
                tally = tallies[keys[sid]]
                tally.claims += 1
                tally.contradicted += claim.status == Status.CONTRADICTED
                tally.unsupported += claim.status == Status.UNSUPPORTED
                tally.partial += claim.status == Status.PARTIAL
    return sorted(tallies.values(), key=lambda t: (-t.failing, -t.partial, -t.claims, t.label))


def _sources_table(reports: Sequence[Report]) -> str:
    failing = [t for t in tally_sources(reports) if t.failing or t.partial][:MAX_SOURCES]
    if not failing:
        return (
            '<section class="sources" aria-labelledby="sources-title">'
            '<h2 id="sources-title">Sources that fail most</h2>'
            '<p class="clear">Every source loaded and backed the claims citing it.</p></section>\n'
        )
    rows = "".join(
        "<tr>"
        f'<td class="origin">{_text(t.label)}'
        + (f'<div class="source-title">{_text(t.title)}</div>' if t.title else "")
        + (f'<div class="source-error">{_text(shorten(t.error, 160))}</div>' if t.error else "")
        + "</td>"
        f'<td class="num">{len(t.articles)}</td><td class="num">{t.claims}</td>'
        f'<td class="num">{t.contradicted}</td>'
        f'<td class="num">{t.unsupported}</td><td class="num">{t.partial}</td>'
        f'<td class="num">{t.load_errors}</td></tr>'
        for t in failing
    )
    return (
        '<section class="sources" aria-labelledby="sources-title">\n'
        '<h2 id="sources-title">Sources that fail most</h2>\n'
        '<p class="hint">Sources cited by contradicted or unsupported claims, or that could '
        "not be loaded, most often first.</p>\n"
        '<div class="scroll"><table class="source-table"><thead><tr>'
        '<th scope="col">Source</th><th scope="col" class="num">Articles</th>'
        '<th scope="col" class="num">Claims citing it</th>'
        '<th scope="col" class="num">Contradicted</th>'
        '<th scope="col" class="num">Unsupported</th><th scope="col" class="num">Partial</th>'
        '<th scope="col" class="num">Failed to load</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>\n</section>\n"
    )


def _failures(failures: Sequence[tuple[str, str]]) -> str:
    if not failures:
        return ""
    items = "".join(
        f'<li><span class="origin">{_text(name)}</span>: {_text(why)}</li>'
        for name, why in sorted(failures)
    )
    return (
        '<section class="failures" aria-labelledby="failures-title">\n'
        f'<h2 id="failures-title">Articles that could not be checked ({len(failures)})</h2>\n'
        f'<ul class="failure-list">{items}</ul>\n</section>\n'
    )
