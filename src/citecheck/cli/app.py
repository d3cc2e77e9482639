"""The commands: `citecheck check`, `citecheck schema`, `citecheck --version`.

Exit codes, as in ruff and Vale: 0 no finding at or above the fail level,
1 findings, 2 a usage, configuration or input error (one line on stderr,
never a traceback).
"""

from __future__ import annotations

import io
import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from citecheck import __version__
from citecheck.batch import Failure, Job
from citecheck.checker import Checker
from citecheck.cli import baseline as baselines
from citecheck.cli.articles import ArticleFile, discover, read_article
from citecheck.cli.audit import AuditWriter, read_audit
from citecheck.cli.configinfo import config_files, configuration_lines, with_config_files
from citecheck.cli.output import PROG, emit, error, note
from citecheck.cli.runner import InterruptedRunError, RunPlan, default_workers, run
from citecheck.cli.settings import SettingsCache, parse_fail_on
from citecheck.cli.sourcing import parse_source_flags, sources_in_directory
from citecheck.errors import CitecheckError, InvalidInputError, InvalidOptionsError
from citecheck.render import available, takes_several
from citecheck.report import Report, ReportSet
from citecheck.sources.model import GivenSource

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # as shells report a command ended by Ctrl-C
STREAM_FORMATS = ("jsonl",)  # written line by line as articles finish, not rendered

app = typer.Typer(
    name=PROG,
    help="Check an article's inline citations against its sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Check an article's inline citations against its sources."""


@app.command()
def check(
    articles: Annotated[
        list[str],
        typer.Argument(
            metavar="ARTICLE",
            help="Article files, directories of articles, or - for standard input.",
            show_default=False,
        ),
    ],
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            "-s",
            rich_help_panel="Sources",
            metavar="ID=PATH_OR_URL",
            help="A source for marker ID (repeatable); overrides --sources-dir and the "
            "article's reference list.",
        ),
    ] = None,
    sources_dir: Annotated[
        Path | None,
        typer.Option(
            "--sources-dir",
            rich_help_panel="Sources",
            metavar="DIR",
            help="A directory of sources named by id: 1.txt, 2.html, 3.pdf, note.md.",
        ),
    ] = None,
    source_root: Annotated[
        Path | None,
        typer.Option(
            "--source-root",
            rich_help_panel="Sources",
            metavar="DIR",
            help="Files an article names must be inside this folder (default: the "
            "article's git work tree, else the current directory).",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--output-format",
            rich_help_panel="Output",
            metavar="FORMAT",
            help="text, json, sarif, github, junit, markdown, html (one page for several "
            "articles: the archive summary) or jsonl (one line per article as it finishes).",
        ),
    ] = "text",
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            rich_help_panel="Output",
            metavar="FILE",
            help="Write the output here.",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            rich_help_panel="Checking",
            metavar="STATUSES",
            help="Comma-separated statuses that fail the check (default: contradicted, "
            "uncited, unsupported, unknown_source), or 'none'.",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            rich_help_panel="Configuration",
            metavar="FILE",
            help="Use this citecheck.toml or pyproject.toml instead of searching for one.",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            rich_help_panel="Checking",
            min=0,
            help="Worker processes; 0 means one per core.",
        ),
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            rich_help_panel="Checking",
            metavar="ADDRESS",
            help="Check on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), "
            "or 'local' for a LocalCluster of --jobs workers (default one per core). "
            "Needs: pip install 'citecheck-news[dask]'.",
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(
            "--resume",
            rich_help_panel="Output",
            metavar="FILE",
            help="Continue an audit: skip the articles already in this jsonl file and append "
            "the others (implies --output-format jsonl -o FILE).",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            rich_help_panel="Output",
            help="Only findings: no progress, notes or summary.",
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            rich_help_panel="Output",
            help="Also say which configuration files were used.",
        ),
    ] = False,
    article_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            rich_help_panel="Checking",
            metavar="FORMAT",
            help="Article format: auto, text, markdown, html.",
        ),
    ] = None,
    judge: Annotated[
        str | None,
        typer.Option(
            "--judge",
            rich_help_panel="Checking",
            metavar="NAME",
            help="The judge that decides support: lexical (built in) or one installed by "
            "another package.",
        ),
    ] = None,
    marker_scope: Annotated[
        str | None,
        typer.Option(
            "--marker-scope",
            rich_help_panel="Checking",
            metavar="SCOPE",
            help="sentence or paragraph.",
        ),
    ] = None,
    allow_private_urls: Annotated[
        bool | None,
        typer.Option(
            "--allow-private-urls/--no-allow-private-urls",
            rich_help_panel="Sources",
            help="Allow source URLs on private or loopback addresses.",
            show_default=False,
        ),
    ] = None,
    offline: Annotated[
        bool | None,
        typer.Option(
            "--offline/--online",
            rich_help_panel="Sources",
            help="Never download URL sources.",
            show_default=False,
        ),
    ] = None,
    cache: Annotated[
        bool | None,
        typer.Option(
            "--cache/--no-cache",
            rich_help_panel="Sources",
            help="Keep downloaded sources in the on-disk cache.",
            show_default=False,
        ),
    ] = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir", rich_help_panel="Sources", metavar="DIR", help="Download cache folder."
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            rich_help_panel="Configuration",
            metavar="FILE",
            help="Report only findings not in this file.",
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            rich_help_panel="Checking",
            help="Exit 0 even when there are findings (errors still exit 2).",
        ),
    ] = False,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            rich_help_panel="Configuration",
            metavar="FILE",
            help="Record today's findings in this file.",
        ),
    ] = None,
    force_exclude: Annotated[
        bool | None,
        typer.Option(
            "--force-exclude/--no-force-exclude",
            rich_help_panel="Configuration",
            help="Skip files named on the command line too when 'exclude' matches them or "
            "they lie in --sources-dir (for pre-commit; default: the force-exclude key).",
            show_default=False,
        ),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            rich_help_panel="Checking",
            metavar="PROFILE",
            help="What kind of prose: news (default) or docs (definitions, procedure steps, "
            "version numbers and plans need no source).",
        ),
    ] = None,
) -> None:
    """Check articles and report claims their sources do not support."""
    err = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)
    try:
        code = _check(
            articles=articles,
            flag_sources=source or [],
            sources_dir=sources_dir,
            output_format=output_format,
            output_file=output_file,
            overrides=_overrides(
                fail_on=fail_on,
                format=article_format,
                judge=judge,
                marker_scope=marker_scope,
                profile=profile,
                allow_private_urls=allow_private_urls,
                offline=offline,
                use_cache=cache,
                cache_dir=cache_dir,
                source_root=source_root,
            ),
            config=config,
            jobs=jobs,
            dask=dask,
            resume=resume,
            quiet=quiet,
            verbose=verbose,
            baseline=baseline,
            write_baseline=write_baseline,
            force_exclude=force_exclude,
            err=err,
        )
        if exit_zero and code == EXIT_FINDINGS:
            code = EXIT_OK
    except CitecheckError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_ERROR) from None
    except InterruptedRunError as exc:
        error(str(exc), level="interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    raise typer.Exit(code)


@app.command()
def schema(
    report_set: Annotated[
        bool,
        typer.Option(
            "--report-set", help="The schema of JSON output for several articles instead."
        ),
    ] = False,
) -> None:
    """Print the JSON Schema of the JSON output (one article's Report)."""
    model = ReportSet if report_set else Report
    typer.echo(json.dumps(model.model_json_schema(), indent=2))


def _usage(message: str) -> NoReturn:
    """A usage error: one line on stderr, exit code 2."""
    raise InvalidOptionsError(message)


def _overrides(**flags: Any) -> dict[str, Any]:
    """Command-line options that were given, ready to override the configuration."""
    given = {key: value for key, value in flags.items() if value is not None}
    if "fail_on" in given:
        given["fail_on"] = parse_fail_on(given["fail_on"], origin="--fail-on")
    for key, allowed in (
        ("format", ("auto", "text", "markdown", "html")),
        ("marker_scope", ("sentence", "paragraph")),
        ("profile", ("news", "docs")),
    ):
        if key in given and given[key] not in allowed:
            flag = "--" + key.replace("_", "-")
            _usage(f"{flag}: {given[key]!r} is not one of {', '.join(allowed)}")
    return given


def _check(
    *,
    articles: list[str],
    flag_sources: list[str],
    sources_dir: Path | None,
    output_format: str,
    output_file: Path | None,
    overrides: dict[str, Any],
    config: Path | None,
    jobs: int,
    dask: str | None,
    resume: Path | None,
    quiet: bool,
    verbose: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    force_exclude: bool | None,
    err: Console,
) -> int:
    output_format, output_file = _output(output_format, output_file, resume)
    if resume is not None and write_baseline is not None:
        _usage("--write-baseline records every finding; run it without --resume")
    explicit = parse_source_flags(flag_sources)
    if sources_dir is not None and not sources_dir.is_dir():
        _usage(f"--sources-dir {sources_dir}: no such directory")
    known = baselines.read_baseline(baseline) if baseline is not None else None
    skip = (sources_dir,) if sources_dir is not None else ()
    files = discover(articles, SettingsCache(config), skip=skip, force_exclude=force_exclude)
    if verbose and not quiet:
        for line in configuration_lines(files, explicit=config is not None):
            note(err, line)
    if len(files) > 1 and not _takes_several(output_format):
        _usage(
            f"--output-format {output_format} shows one article at a time; {len(files)} were given"
        )
    dask = dask if dask is not None else (files[0].settings.dask if files else None)
    if dask is not None:
        from citecheck.cluster import require_dask

        require_dask()
    # An article that cannot be read fails alone; the others are still checked.
    from_dir = sources_in_directory(sources_dir) if sources_dir is not None else {}
    given: dict[str | int, GivenSource] = {}
    given.update(from_dir)
    given.update(explicit)
    entries: list[Job | Failure] = []
    for article in files:
        try:
            entries.append(_job(article, overrides, given, err, quiet))
        except InvalidInputError as exc:
            message = str(exc).removeprefix(f"{article.name}: ")
            entries.append(Failure(article.name, message))
    job_list = [e for e in entries if isinstance(e, Job)]

    done = read_audit(resume) if resume is not None else None
    if done is not None and done.cut and not quiet:
        note(err, f"{resume}: removed a partial last line ({done.cut} bytes) left by a crash")
    engine = Checker(job_list[0].options) if job_list and job_list[0].options else Checker()
    streaming = output_format in STREAM_FORMATS
    used = {article.name: config_files(article) for article in files}
    filter_baseline = (
        baselines.BaselineFilter(known, baseline)
        if known is not None and baseline is not None
        else None
    )

    def adjust(report: Report) -> Report:
        """Each report as it finishes: the configuration files it used, then the baseline."""
        report = with_config_files(report, used.get(report.article or "", ()))
        return filter_baseline(report) if filter_baseline is not None else report

    with ExitStack() as stack:
        audit = (
            stack.enter_context(AuditWriter(output_file, append=resume is not None))
            if streaming
            else None
        )
        plan = RunPlan(
            workers=_workers(jobs, dask, len(job_list)),
            dask=dask,
            skip=done.done if done is not None else {},
            audit=audit,
            collect=not streaming or write_baseline is not None,
            adjust=adjust,
            progress=len(job_list) > 1 and not quiet and err.is_terminal,
        )
        result = run(job_list, engine, plan, err)

    failures = [e for e in entries if isinstance(e, Failure)] + result.failures
    reports = result.reports
    for failure in failures:
        error(f"{failure.name}: {failure.message}")

    if write_baseline is not None and failures:
        error(f"not writing the baseline {write_baseline}: some articles could not be checked")
    elif write_baseline is not None:
        count = baselines.write_baseline(write_baseline, reports)
        if not quiet:
            noun = "finding" if count == 1 else "findings"
            note(err, f"wrote {count} {noun} to {write_baseline}")

    if not streaming and (reports or not failures):  # nothing to show when every article failed
        emit(
            reports,
            output_format,
            output_file,
            quiet=quiet,
            several=len(files) > 1,
            failures=[(f.name, f.message) for f in failures],
        )
    if failures:
        return EXIT_ERROR
    if write_baseline is not None:
        return EXIT_OK
    return EXIT_FINDINGS if result.not_ok else EXIT_OK


def _output(
    output_format: str, output_file: Path | None, resume: Path | None
) -> tuple[str, Path | None]:
    """The output format and file, with `--resume FILE` meaning jsonl into FILE."""
    formats = [*available(), *STREAM_FORMATS]
    if output_format not in formats:
        _usage(
            f"--output-format: unknown format {output_format!r}; choose from {', '.join(formats)}"
        )
    if resume is None:
        return output_format, output_file
    if output_format not in ("text", *STREAM_FORMATS):  # text: the default, not asked for
        _usage(f"--resume writes jsonl; it cannot be combined with --output-format {output_format}")
    if output_file is not None and output_file.resolve() != resume.resolve():
        _usage(f"--resume {resume} appends to that file; --output-file {output_file} differs")
    return STREAM_FORMATS[0], resume


def _takes_several(output_format: str) -> bool:
    return output_format in STREAM_FORMATS or takes_several(output_format)


def _workers(jobs: int, dask: str | None, count: int) -> int:
    """Worker processes: --jobs, or one per core for a local Dask cluster left at 1."""
    if dask is not None and jobs == 1:
        return default_workers(0, count)
    return default_workers(jobs, count)


def _job(
    article: ArticleFile,
    overrides: dict[str, Any],
    given: dict[str | int, GivenSource],
    err: Console,
    quiet: bool,
) -> Job:
    options = article.settings.build_options(overrides)
    if article.path is None:
        text: str | Path = read_article(article, options.max_article_chars)
        empty = not str(text).strip()
    else:
        text = article.path
        empty = _blank_file(article.path)
    if empty and not quiet:
        note(err, f"{article.name}: the article is empty; nothing to check")
    return Job(article=text, sources=given, name=article.name, options=options)


def _blank_file(path: Path) -> bool:
    """A file with nothing but whitespace in its first bytes (cheap: no decoding)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return not head.strip() and len(head) < 4096


def _tolerate_narrow_encodings() -> None:
    """On an ASCII or Latin-1 terminal, print `?` for what it cannot show, never crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> NoReturn:
    """The console entry point: usage errors from option parsing also become one line."""
    _tolerate_narrow_encodings()
    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name=PROG, standalone_mode=False)
    except typer.TyperException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `citecheck`: the help, exit 2
            sys.stderr.write(exc.format_message() + "\n")
        else:
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            error(exc.format_message() + hint)
        code = EXIT_ERROR
    except typer.Abort:
        error("aborted")
        code = 130
    sys.exit(code if isinstance(code, int) else EXIT_OK)
