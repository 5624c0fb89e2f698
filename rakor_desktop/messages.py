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


MAX_VALUE_LENGTH = 200  # characters of one value shown in a message


def shorten(value: Any, limit: int = MAX_VALUE_LENGTH) -> Any:
    """A value as it may appear in a message: long texts are cut in the middle.

    A 100,000-digit NIP or a whole paragraph pasted into a name must not make a
    100 KB error line. Short values, numbers and other objects whose text is short
    are returned unchanged (so format specs such as ``{count:d}`` keep working).
    Every core message goes through this (see :func:`text` and :class:`RakorError`).
    """
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        if value.bit_length() <= 3 * limit:  # at most ~limit decimal digits
            return value
        return f"{'-' if value < 0 else ''}~10^{int(value.bit_length() * 0.30103)}"
    shown = value if isinstance(value, str) else str(value)
    if len(shown) <= limit:
        return value
    keep = max(limit - 3, 2)
    head = keep * 2 // 3
    return f"{shown[:head]} … {shown[len(shown) - (keep - head):]}"


def _fill(template: str, params: dict[str, Any]) -> str:
    if not params:
        return template
    return template.format(**{name: shorten(value) for name, value in params.items()})


def text(indonesian: str, english: str, **params: Any) -> str:
    """Pick the message in the current language and fill in ``{name}`` parameters.

    Long values are cut (:func:`shorten`).
    """
    template = english if _language == "en" else indonesian
    return _fill(template, params)


class RakorError(Exception):
    """An error a person can understand and act on; never shown as a traceback.

    Carries both languages so the message follows a language switch.
    """

    def __init__(self, indonesian: str, english: str, **params: Any) -> None:
        self.indonesian = _fill(indonesian, params)
        self.english = _fill(english, params)
        super().__init__(self.indonesian)

    def __str__(self) -> str:
        return self.english if _language == "en" else self.indonesian


class NotFoundError(RakorError):
    """A record the user asked for does not exist.

    Use :meth:`of` for a record asked for by its number: one message per kind of
    record, the same wherever it is raised.
    """

    @classmethod
    def of(cls, kind: str, record_id: object) -> NotFoundError:
        """"There is no <kind> number <id>" (``kind``: a key of :data:`NOT_FOUND`)."""
        indonesian, english = NOT_FOUND[kind]
        return cls(indonesian, english, id=record_id)


#: The "not found" message of each kind of record (Indonesian, English).
NOT_FOUND: dict[str, tuple[str, str]] = {
    "network_desk": (
        "Meja nomor {id} tidak terdaftar di jaringan acara ini.",
        "There is no desk number {id} in this event's network.",
    ),
    "floor_question": (
        "Pertanyaan dari peserta nomor {id} tidak ditemukan.",
        "There is no question from the floor number {id}.",
    ),
    "phone_walkin": (
        "Pendaftaran lewat ponsel nomor {id} tidak ditemukan.",
        "There is no phone registration number {id}.",
    ),
    "invitee_of_event": (
        "Peserta dengan nomor {id} tidak ada di daftar undangan acara ini.",
        "There is no invitee number {id} on this event's list.",
    ),
    "rundown_item": (
        "Mata acara nomor {id} tidak ditemukan.",
        "There is no rundown item number {id}.",
    ),
    "row": (
        "Baris nomor {id} tidak ditemukan.",
        "There is no row number {id}.",
    ),
    "speaker": (
        "Pembicara nomor {id} tidak ditemukan.",
        "There is no speaker number {id}.",
    ),
    "termin": (
        "Termin nomor {id} tidak ditemukan.",
        "There is no termin number {id}.",
    ),
    "question": (
        "Pertanyaan nomor {id} tidak ditemukan.",
        "There is no question number {id}.",
    ),
    "follow_up": (
        "Tindak lanjut nomor {id} tidak ditemukan.",
        "There is no follow-up number {id}.",
    ),
    "conclusion": (
        "Kesimpulan nomor {id} tidak ditemukan.",
        "There is no conclusion number {id}.",
    ),
    "person": (
        "Orang dengan nomor {id} tidak ada di direktori.",
        "There is no person number {id} in the directory.",
    ),
    "invitee": (
        "Peserta dengan nomor {id} tidak ditemukan.",
        "There is no invitee number {id}.",
    ),
    "event": (
        "Acara dengan nomor {id} tidak ditemukan.",
        "There is no event number {id}.",
    ),
    "photo": (
        "Foto nomor {id} tidak ditemukan.",
        "There is no photo number {id}.",
    ),
}


class ValidationError(RakorError, ValueError):
    """Input that cannot be accepted; nothing was written."""


class DatabaseError(RakorError):
    """The database cannot be opened or used (newer version, corrupt, not writable)."""


class FileFormatError(RakorError):
    """A file to import is unreadable, of an unknown version, or broken; nothing was written."""


class ConflictError(RakorError):
    """Someone changed the row first: the action named a version that is no longer the
    current one (a moderator's page on a stale view). Nothing was applied."""

    def __init__(self) -> None:
        super().__init__(
            "Orang lain sudah mengubahnya lebih dulu; tindakan ini tidak dijalankan. "
            "Halaman menampilkan keadaan terbaru.",
            "Someone changed this first; this action was not applied. "
            "The page shows the latest state.",
        )
