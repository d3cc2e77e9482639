"""The one hierarchy of errors citecheck raises.

Callers catch :class:`CitecheckError`; nothing else should escape the public API.
The command line turns any of these into exit code 2 and a one-line message.
"""

from __future__ import annotations


class CitecheckError(Exception):
    """Base class of every error citecheck raises on purpose."""


class InvalidInputError(CitecheckError, ValueError):
    """The article or a source cannot be checked as given (wrong type, too large, not text)."""


class InvalidOptionsError(CitecheckError, ValueError):
    """An option or configuration value is unknown or out of range."""


class SourceError(CitecheckError):
    """A source could not be loaded (missing file, HTTP failure, refused address, ...).

    `verify()` never raises this for a single source: the claims citing it are
    reported as `unknown_source` with this message as the reason.
    """


class ConfigError(InvalidOptionsError):
    """A configuration file is malformed or names an unknown key."""


class InternalError(CitecheckError):
    """citecheck itself failed on this input: a bug, to be reported with the input.

    The original exception is chained as `__cause__`, so its traceback is kept.
    """
