"""User-facing messages of the core, in Bahasa Indonesia (default) and English.

The core knows no Qt, so it cannot use Qt's translator. Every message the core
shows a person is written in both languages at the place it is raised; the
language in force is set once by the front end or the CLI.
"""

from __future__ import annotations

from typing import Any

SUPPORTED_LANGUAGES = ("id", "en")
_language = "id"


def set_language(language: str) -> None:
    """Choose the language of core messages ("id" or "en"); unknown falls back to "id"."""
    global _language
    _language = language if language in SUPPORTED_LANGUAGES else "id"


def current_language() -> str:
    """The language core messages are given in."""
    return _language


def text(indonesian: str, english: str, **params: Any) -> str:
    """Pick the message in the current language and fill in ``{name}`` parameters."""
    template = english if _language == "en" else indonesian
    return template.format(**params) if params else template


class RakorError(Exception):
    """An error a person can understand and act on; never shown as a traceback.

    Carries both languages so the message follows a language switch.
    """

    def __init__(self, indonesian: str, english: str, **params: Any) -> None:
        self.indonesian = indonesian.format(**params) if params else indonesian
        self.english = english.format(**params) if params else english
        super().__init__(self.indonesian)

    def __str__(self) -> str:
        return self.english if _language == "en" else self.indonesian


class NotFoundError(RakorError):
    """A record the user asked for does not exist."""


class ValidationError(RakorError, ValueError):
    """Input that cannot be accepted; nothing was written."""


class DatabaseError(RakorError):
    """The database cannot be opened or used (newer version, corrupt, not writable)."""


class FileFormatError(RakorError):
    """A file to import is unreadable, of an unknown version, or broken; nothing was written."""
