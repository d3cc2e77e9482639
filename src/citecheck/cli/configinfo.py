"""Which configuration files a run used: `-v` lines, and the reports' `config_files`.

A reviewer of a CI run should be able to tell which settings applied without
reproducing the discovery: with `-v` the command says so on stderr, and every JSON
report (and the SARIF run's properties) records the files, the root's first.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.cli.articles import ArticleFile
from citecheck.report import Report


def shown_path(path: Path) -> str:
    """A configuration file as reports name it: relative to the current folder when inside."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (OSError, ValueError):
        return str(path)


def config_files(article: ArticleFile) -> tuple[str, ...]:
    return tuple(shown_path(path) for path in article.settings.files)


def configuration_lines(articles: list[ArticleFile], *, explicit: bool) -> list[str]:
    """One line per distinct configuration, naming its files and how many articles use it."""
    users: dict[tuple[str, ...], int] = {}
    for article in articles:
        files = config_files(article)
        users[files] = users.get(files, 0) + 1
    lines = []
    for files, count in users.items():
        which = f"{count} article{'s' if count != 1 else ''}"
        if not files:
            lines.append(f"configuration for {which}: none found, the defaults")
        elif explicit:
            lines.append(f"configuration for {which}: {files[0]} (--config)")
        else:
            shown = [f"{files[0]} (root)" if len(files) > 1 else files[0], *files[1:]]
            lines.append(f"configuration for {which}: {', '.join(shown)}")
    return lines


def with_config_files(report: Report, files: tuple[str, ...]) -> Report:
    """`report` recording the configuration files the command line applied to its article."""
    if not files or report.config_files == files:
        return report
    return Report.model_validate({**dict(report), "config_files": files})
