"""Parsing: article text → claims with markers and exact spans.

One concern per module:
- `sentences`: the linear sentence splitter (also used on source texts);
- `markers`: the citation-marker grammar (`[1]`, `[1-3]`, `[^note]`, `[citation needed]`);
- `formats` / `html`: plain text, Markdown and HTML → blocks of plain text that map
  every character back to its offset in the article (`textmap`, `blocks`);
- `references`: reference lists and footnote/link definitions;
- `claims`: a block → sentences and clauses, with the markers that cover them;
- `suppressions`: `<!-- citecheck: ignore -->`, `off` … `on`;
- `article`: `parse_article`, which runs the steps above.
"""

from citecheck.parse.article import parse_article, read_claims, scoped
from citecheck.parse.model import ParsedArticle, ParsedClaim, Reference
from citecheck.parse.sentences import sentence_spans

__all__ = [
    "ParsedArticle",
    "ParsedClaim",
    "Reference",
    "parse_article",
    "read_claims",
    "scoped",
    "sentence_spans",
]
