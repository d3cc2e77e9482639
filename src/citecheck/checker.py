"""`Checker`: the engine. Language, judge and caches built once; articles checked many times.

    checker = citecheck.Checker(citecheck.Options(marker_scope="sentence"))
    report = checker.verify(Path("story.md"))          # its reference list names its sources
    report = checker.verify(text, {1: Path("wire.txt")})
    for outcome in checker.verify_many(jobs, executor=ProcessPoolExecutor(2)): ...

One engine holds one language (word lists, spaCy pipeline, bounded word caches), one
judge (selected by name) and a cache of prepared source texts, so a source cited by
many articles is indexed once. `citecheck.verify()` and `citecheck.parse()` are a few
lines over a shared engine; the command line and archive runs use the same one.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from citecheck.assemble import Findings, LoadedSources, assemble, needs_citation
from citecheck.config import Options
from citecheck.errors import CitecheckError, InternalError, InvalidInputError, SourceError
from citecheck.filetypes import ARTICLE_FORMATS
from citecheck.lang import Language, get_language
from citecheck.match.lexical.index import SourceIndex
from citecheck.match.lexical.judge import LexicalJudge
from citecheck.match.matcher import Matcher
from citecheck.match.protocol import Judge
from citecheck.match.registry import get_judge
from citecheck.match.types import ClaimQuery, Suggestion, Verdict
from citecheck.need import CitationNeed, NeedDecision
from citecheck.parse import ParsedArticle, ParsedClaim, read_claims, scoped
from citecheck.report import Report
from citecheck.sources.decode import read_article
from citecheck.sources.ids import normalize_source_id
from citecheck.sources.load import Progress, origin_of
from citecheck.sources.model import GivenSource, Source, SourceLike
from citecheck.sources.references import (
    cap_sources,
    cited_ids,
    merge_sources,
    resolve_references,
)
from citecheck.sources.store import PreparedCache, SourceStore
from citecheck.steps import out_of_memory, step
from citecheck.surrogates import first_lone_surrogate

if TYPE_CHECKING:
    from citecheck.batch import BatchStats, Job, Outcome

T = TypeVar("T")

#: What `verify` takes as an article: its text, or the path of a file holding it.
ArticleLike = str | Path

#: Article formats by file suffix: a file's extension is a surer sign than its content.
FORMAT_BY_SUFFIX: dict[str, str] = ARTICLE_FORMATS


@dataclass(frozen=True, slots=True)
class Resolved:
    """An article read and its sources loaded: everything `Checker.check` needs."""

    parsed: ParsedArticle  # its claims with their own markers (scope not yet applied)
    options: Options
    name: str | None
    sources: dict[str, Source]  # source id -> the loaded source
    errors: dict[str, str]  # source id -> why it could not be loaded
    origins: dict[str, str]  # source id -> where it was to come from


@dataclass(frozen=True, slots=True)
class Wanted:
    """An article read and parsed, with the sources it wants (not loaded yet)."""

    parsed: ParsedArticle
    options: Options
    name: str | None
    sources: dict[str, SourceLike]  # source id -> what to load
    errors: dict[str, str]  # source id -> why it cannot be loaded (refused, over the cap, …)
    origins: dict[str, str]  # source id -> where it comes from, as reports show it
    shown: dict[str, str]  # source id -> a reference file as the article wrote it


class Checker:
    """Checks articles against their sources; build once, use for many articles."""

    def __init__(self, options: Options | None = None, **overrides: Any) -> None:
        self.options = Options.build(options, **overrides) if overrides else (options or Options())
        self.language: Language = get_language(self.options.language)
        self.judge: Judge = get_judge(self.options.judge, self.language, self.options)
        # Lexical analysis serves every judge: shortlists, candidate windows, need cues.
        self.indexer = (
            self.judge if isinstance(self.judge, LexicalJudge) else LexicalJudge(self.language)
        )
        self.need = CitationNeed(self.language, self.indexer.lexicon)
        self.prepared = PreparedCache()
        self._lock = threading.Lock()

    # -- the public operations ---------------------------------------------------------

    def parse(self, article: ArticleLike) -> ParsedArticle:
        """Split an article into claims with their markers, spans and (scoped) citations."""

        def run() -> ParsedArticle:
            text, options, _ = self._read(article, self.options)
            with step("parsing the article into claims", options):
                parsed = read_claims(text, options, self.language)
            with step("deciding which claims need a source", options):
                return self._scoped(parsed, options, {})

        return _guarded(run)

    def verify(
        self,
        article: ArticleLike,
        sources: Mapping[str | int, GivenSource] | None = None,
        *,
        article_name: str | None = None,
        progress: Progress | None = None,
        store: SourceStore | None = None,
    ) -> Report:
        """Check every claim of `article` against the sources its markers cite.

        `sources` maps ids (as the markers write them: `1`, `"note"`) to text, a
        `pathlib.Path`, an http(s) URL or a `citecheck.Source`; they win over the
        article's own reference list, id by id. Raises only `CitecheckError`s.
        """
        return _guarded(lambda: self._verify(article, sources, article_name, progress, store))

    def verify_many(
        self,
        jobs: Iterable[Job],
        *,
        executor: Executor | None = None,
        on_done: Callable[[Outcome], None] | None = None,
        stats: BatchStats | None = None,
        skip: Container[str] | None = None,
        ordered: bool = True,
        chunk_size: int | None = None,
    ) -> Iterator[Outcome]:
        """Check many articles, sharing their sources; outcomes in input order (`batch.py`)."""
        from citecheck.batch import DEFAULT_CHUNK_SIZE, verify_many

        return verify_many(
            jobs,
            executor=executor,
            checker=self,
            on_done=on_done,
            stats=stats,
            skip=skip,
            ordered=ordered,
            chunk_size=chunk_size or DEFAULT_CHUNK_SIZE,
        )

    def new_store(self) -> SourceStore:
        """A run's source store, preparing into this engine's cache."""
        return SourceStore(self.options, self.prepared)

    # -- the steps ---------------------------------------------------------------------

    @staticmethod
    def _read(article: ArticleLike, options: Options) -> tuple[str, Options, Path | None]:
        """The article's text, its options (format from a file's suffix), its folder.

        The size is checked here, before any parsing, whatever the article came as.
        """
        if isinstance(article, Path):
            with step("reading the article", options):
                text = read_article(article, options.max_article_chars)
            by_suffix = FORMAT_BY_SUFFIX.get(article.suffix.lower())
            if options.format == "auto" and by_suffix is not None:
                options = Options.build(options, format=by_suffix)
            return text, options, article.parent
        return check_article(article, options), options, None

    def _scoped(
        self, parsed: ParsedArticle, options: Options, needs: dict[int, NeedDecision]
    ) -> ParsedArticle:
        """Marker scope applied, with the need decision saying which claims are statements.

        The decisions of every claim without markers land in `needs`, for the report.
        """

        def statements(unmarked: Sequence[ParsedClaim]) -> set[int]:
            decided = self.need.decide_many(
                [(c.text, c.context) for c in unmarked], profile=options.profile
            )
            needs.update(zip((c.index for c in unmarked), decided, strict=True))
            return {c.index for c, d in zip(unmarked, decided, strict=True) if d.statement}

        result = scoped(parsed, options, statements)
        missing = [c for c in result.claims if not c.marker_ids and c.index not in needs]
        if missing:  # sentence scope: the need of unmarked claims was not asked yet
            statements(missing)
        return result

    def _verify(
        self,
        article: ArticleLike,
        sources: Mapping[str | int, GivenSource] | None,
        article_name: str | None,
        progress: Progress | None,
        store: SourceStore | None,
    ) -> Report:
        run = store if store is not None else self.new_store()
        resolved = self.resolve(article, sources, run, article_name=article_name, progress=progress)
        return self.check(resolved, run)

    def resolve(
        self,
        article: ArticleLike,
        sources: Mapping[str | int, GivenSource] | None,
        store: SourceStore,
        *,
        article_name: str | None = None,
        options: Options | None = None,
        progress: Progress | None = None,
    ) -> Resolved:
        """Read an article and load its sources: its reference list, then `sources`.

        Only reference-list entries some claim cites are loaded (files confined to the
        source root); given sources are loaded whether cited or not (they can back
        uncited claims); at most `max_sources_per_article` distinct origins in all.
        Loading goes through `store`, so an origin several articles cite is loaded once.
        """
        wanted = self.wanted(article, sources, article_name=article_name, options=options)
        return self.load_wanted(wanted, store, progress)

    def wanted(
        self,
        article: ArticleLike,
        sources: Mapping[str | int, GivenSource] | None,
        *,
        article_name: str | None = None,
        options: Options | None = None,
    ) -> Wanted:
        """Read and parse an article, and say which sources it wants (nothing loaded yet).

        Only reference-list entries some claim cites are wanted (files confined to the
        source root); given sources are wanted whether cited or not (they can back
        uncited claims); at most `max_sources_per_article` distinct ids in all. An
        archive run asks this of several articles, then loads all their sources at once
        (`SourceStore.prefetch`), so their URLs are fetched concurrently.
        """
        text, opts, folder = self._read(article, options or self.options)
        if article_name is None and isinstance(article, Path):
            article_name = str(article)
        with step("parsing the article into claims", opts):
            parsed = read_claims(text, opts, self.language)
        given, refused = _given_sources(sources)
        cited = cited_ids([m.ids for claim in parsed.claims for m in claim.markers])
        references = resolve_references(
            parsed.references,
            folder if folder is not None else Path.cwd(),
            opts.source_root,
            cited=cited - given.keys() - refused.keys(),
        )
        merged = merge_sources(references.sources, given)
        wanted, over_cap = cap_sources(merged, opts.max_sources_per_article, first=given.keys())
        errors = {**references.errors, **refused, **over_cap}
        shown = references.shown
        origins = {sid: shown.get(sid) or origin_of(v) for sid, v in merged.items()}
        origins.update({sid: shown[sid] for sid in errors if sid in shown})
        origins.update(dict.fromkeys(refused, "refused"))
        return Wanted(parsed, opts, article_name, wanted, errors, origins, dict(shown))

    @staticmethod
    def load_wanted(
        wanted: Wanted, store: SourceStore, progress: Progress | None = None
    ) -> Resolved:
        """Load what `wanted` names through `store`: the article resolved."""
        with step("loading the sources", wanted.options):
            loaded = store.load(wanted.sources, progress)
        errors = dict(wanted.errors)
        errors.update({sid: str(r) for sid, r in loaded.items() if isinstance(r, SourceError)})
        return Resolved(
            parsed=wanted.parsed,
            options=wanted.options,
            name=wanted.name,
            sources={
                sid: _as_shown(r, wanted.shown.get(sid))
                for sid, r in loaded.items()
                if isinstance(r, Source)
            },
            errors=errors,
            origins=wanted.origins,
        )

    def check(self, resolved: Resolved, store: SourceStore | None = None) -> Report:
        """Check an article whose sources are loaded (see `resolve`)."""
        run = store if store is not None else self.new_store()
        options = resolved.options
        needs: dict[int, NeedDecision] = {}
        with step("deciding which claims need a source", options):
            parsed = self._scoped(resolved.parsed, options, needs)
        with step("indexing the sources", options):
            matcher = self._matcher(run, resolved.sources, options)
        with step("checking the claims against their sources", options):
            findings = self._findings(parsed, needs, matcher, options)
        with step("building the report", options):
            return assemble(
                parsed,
                findings,
                LoadedSources(
                    loaded=resolved.sources,
                    errors=resolved.errors,
                    origins=resolved.origins,
                    sentences={sid: matcher.sentence_count(sid) for sid in resolved.sources},
                ),
                options,
                article_name=resolved.name,
                title=parsed.title,
            )

    def _matcher(
        self, store: SourceStore, sources: Mapping[str, Source], options: Options
    ) -> Matcher:
        judge, indexer = self.judge, self.indexer
        indexes = {
            sid: cast(SourceIndex, store.prepare(indexer.name, s.text, indexer.prepare))
            for sid, s in sources.items()
        }
        prepared = (
            dict(indexes)
            if judge is indexer
            else {
                sid: store.prepare(judge.name, s.text, judge.prepare) for sid, s in sources.items()
            }
        )
        return Matcher(judge, indexer, prepared, indexes, options.max_evidence)

    def _findings(
        self,
        parsed: ParsedArticle,
        needs: Mapping[int, NeedDecision],
        matcher: Matcher,
        options: Options,
    ) -> Findings:
        cited = [c for c in parsed.claims if c.citations]
        queries = [
            ClaimQuery(
                text=c.text,
                source_ids=tuple(s for s in c.citations if s in matcher.prepared),
                context=c.context,
            )
            for c in cited
        ]
        verdicts: dict[int, Verdict] = dict(
            zip((c.index for c in cited), matcher.check(queries), strict=True)
        )
        wanting = [
            c for c in parsed.claims if not c.citations and needs_citation(c, needs.get(c.index))
        ]
        suggestions: dict[int, list[Suggestion]] = {}
        if options.suggest_citations and matcher.prepared and wanting:
            found = matcher.suggest_many([(c.text, c.context) for c in wanting])
            suggestions = dict(zip((c.index for c in wanting), found, strict=True))
        return Findings(needs=needs, verdicts=verdicts, suggestions=suggestions)


def _guarded(run: Callable[[], T]) -> T:
    """Run one public operation: only `CitecheckError`s leave it, a bug chained inside one."""
    try:
        return run()
    except CitecheckError:
        raise
    except RecursionError:
        raise InvalidInputError("the article is nested too deeply to check") from None
    except MemoryError:  # outside the steps (`steps.py`), which name their own limits
        raise out_of_memory(None, None) from None
    except Exception as exc:  # a bug: keep it typed and chained, never a bare traceback
        raise InternalError(
            f"citecheck failed on this input ({type(exc).__name__}: {exc}); please report it"
        ) from exc


def check_article(article: object, options: Options) -> str:
    """The article as text within the size limit, or an `InvalidInputError` saying why not."""
    if isinstance(article, bytes | bytearray):
        raise InvalidInputError("the article must be text (str), not bytes; decode it first")
    if not isinstance(article, str):
        raise InvalidInputError(
            f"the article must be text (str) or a pathlib.Path, got {type(article).__name__}"
        )
    if len(article) > options.max_article_chars:
        raise InvalidInputError(
            f"the article has {len(article):,} characters, over the limit of "
            f"{options.max_article_chars:,} (option max_article_chars)"
        )
    bad = first_lone_surrogate(article)
    if bad is not None:
        lines = re.split(r"\r\n?|\n", article[:bad])  # line ends as the parser counts them
        line, column = len(lines), len(lines[-1]) + 1
        raise InvalidInputError(
            f"the article holds a lone surrogate (U+{ord(article[bad]):04X}) at character "
            f"{bad:,} (line {line}, column {column}), which is not text; fix the string, or "
            "decode its bytes with errors='replace'"
        )
    return article


def _given_sources(
    sources: Mapping[Any, GivenSource] | None,
) -> tuple[dict[str, SourceLike], dict[str, str]]:
    """The caller's sources by normalised id, and the ids given as a `SourceError`
    (a source the caller could not give, e.g. a link out of `--sources-dir`) with why.

    Two keys naming one id is an error.
    """
    if sources is None:
        return {}, {}
    if not isinstance(sources, Mapping):
        raise InvalidInputError(
            f"sources must be a mapping of id to source, got {type(sources).__name__}"
        )
    given: dict[str, SourceLike] = {}
    refused: dict[str, str] = {}
    for raw_id, value in sources.items():
        source_id = normalize_source_id(raw_id)
        if source_id in given or source_id in refused:
            raise InvalidInputError(
                f"source id {source_id!r} is given twice (ids {raw_id!r} and the earlier one "
                "name the same source)"
            )
        if isinstance(value, SourceError):
            refused[source_id] = str(value)
            continue
        if not isinstance(value, Source | Path | str):
            raise InvalidInputError(
                f"source {source_id!r}: expected text, a URL, a pathlib.Path or a "
                f"citecheck.Source, got {type(value).__name__}"
            )
        given[source_id] = value
    return given, refused


def _as_shown(source: Source, shown: str | None) -> Source:
    """A source read from a file the article named, its origin as the article wrote it."""
    if shown is None or source.origin == shown:
        return source
    return source.model_copy(update={"origin": shown})
