"""The `citecheck` command: `citecheck check ARTICLE...` for terminals and CI.

`app.py` defines the commands; `articles.py` finds and reads articles;
`settings.py` loads `[tool.citecheck]` / `citecheck.toml`; `sourcing.py` decides
where each article's sources come from; `runner.py` checks articles in parallel;
`baseline.py` records and filters known findings; `output.py` writes reports,
notes, errors and the progress bar. See docs/cli.md.
"""

from citecheck.cli.app import app, main

__all__ = ["app", "main"]
