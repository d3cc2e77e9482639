"""`verify()`, `parse()` and `verify_many()`: a few lines each over a `Checker`.

The functions share engines (one per set of options, a few kept), so repeated calls
reuse the language pipeline, the judge and its prepared sources.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from concurrent.futures import Executor
from typing import Any

from citecheck.batch import BatchStats, Job, Outcome
from citecheck.checker import ArticleLike, Checker
from citecheck.config import Options
from citecheck.parse import ParsedArticle
from citecheck.report import Report
from citecheck.sources.load import Progress
from citecheck.sources.model import SourceLike

#: Engines kept for the module-level functions, one per distinct set of options.
_KEPT_ENGINES = 4
_engines: OrderedDict[Options, Checker] = OrderedDict()
_lock = threading.Lock()


def checker_for(options: Options) -> Checker:
    """A shared engine for `options` (built on first use)."""
    with _lock:
        engine = _engines.get(options)
        if engine is None:
            engine = Checker(options)
            _engines[options] = engine
            while len(_engines) > _KEPT_ENGINES:
                _engines.popitem(last=False)
        else:
            _engines.move_to_end(options)
        return engine


def _options(options: Options | None, overrides: Mapping[str, Any]) -> Options:
    return Options.build(options, **overrides) if overrides else (options or Options())


def verify(
    article: ArticleLike,
    sources: Mapping[str | int, SourceLike] | None = None,
    *,
    options: Options | None = None,
    article_name: str | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> Report:
    """Check every claim of `article` against the sources its markers cite.

    `article` is the text, or a `pathlib.Path` to read (its reference list's relative
    paths start from its folder). `sources` maps ids (as the markers write them: `1`,
    `"note"`) to text, a `pathlib.Path`, an http(s) URL or a `citecheck.Source`; they win
    over the article's own reference list. Keyword options (see `citecheck.Options`)
    tune policies and limits. `progress(id, result)` is called as each source loads.
    Raises only `citecheck.CitecheckError` subclasses.
    """
    engine = checker_for(_options(options, overrides))
    return engine.verify(article, sources, article_name=article_name, progress=progress)


def parse(
    article: ArticleLike, *, options: Options | None = None, **overrides: Any
) -> ParsedArticle:
    """Split an article into claims with their markers, spans and citations (scope applied)."""
    return checker_for(_options(options, overrides)).parse(article)


def verify_many(
    jobs: Iterable[Job],
    *,
    executor: Executor | None = None,
    options: Options | None = None,
    on_done: Callable[[Outcome], None] | None = None,
    stats: BatchStats | None = None,
    skip: Container[str] | None = None,
    ordered: bool = True,
    **overrides: Any,
) -> Iterator[Outcome]:
    """Check many articles, each origin loaded once and each source text prepared once
    per worker; outcomes in input order (see `citecheck.batch`)."""
    engine = checker_for(_options(options, overrides))
    return engine.verify_many(
        jobs, executor=executor, on_done=on_done, stats=stats, skip=skip, ordered=ordered
    )
