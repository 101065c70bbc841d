"""One exception tree. Every message says what was wrong and what to do about it."""

from __future__ import annotations


class CorroborateError(Exception):
    """Base of every error corroborate raises on purpose."""


class UsageError(CorroborateError):
    """The command was called wrongly (exit status 2)."""


class ConfigError(UsageError):
    """A configuration file or value is invalid."""


class InputError(CorroborateError):
    """One input item could not be read. `item` names it; the message gives the reason."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class FetchError(InputError):
    """A URL could not be fetched (HTTP error, timeout, refused address, too large)."""


class OutputError(CorroborateError):
    """A report could not be written where the user asked (exit status 1)."""


class StoreError(CorroborateError):
    """The store could not be opened or written."""


class ModelError(CorroborateError):
    """A shipped language model is missing or cannot be loaded."""
