"""Parsing: article text → claims with markers and exact spans."""

from citecheck.parse.article import parse_article
from citecheck.parse.model import ParsedArticle, ParsedClaim, Reference

__all__ = ["ParsedArticle", "ParsedClaim", "Reference", "parse_article"]
