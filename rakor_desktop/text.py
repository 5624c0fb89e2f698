"""Text as it may enter the core: cleaned once, where it comes in.

Names, titles, notes and answers reach the app from forms, the CLI, invitation
lists and event files. Whatever they carry must not break a later export (the
attendance log is append-only, so a bad value stays for ever): control characters
(openpyxl refuses them, Word reads ``\\x0b`` as a line break), NUL, bidirectional
override characters (U+202E makes a DOCX cell read backwards and ends up in file
names), text in decomposed form, and values of 100,000 characters.

:func:`clean_text` is the one function that does it. The models in
:mod:`rakor_desktop.models` call :func:`clean_fields` when they are made, so every
operation that creates or changes a record gets clean text whichever way it came.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

# Lengths per kind of field (characters, after cleaning).
SHORT = 100  # NIP, phone, pangkat, golongan, group, station, codes
NAME = 200  # names, titles, jabatan, instansi, venue
LINE = 500  # event and rundown titles, file names, addressees, other one-line fields
BLOCK = 2_000  # a few lines: an address, a caption
LONG = 20_000  # notes, questions, answers, descriptions, conclusions
DOCUMENT = 100_000  # an edited text part of the notulen
FLOOR_QUESTION = 1_000  # a question sent from a phone in the hall

# Control characters (C0 without tab/line breaks, DEL, C1), lone surrogates, the
# bidirectional embedding/override/isolate controls, and the two noncharacters XML
# refuses. Line breaks and tabs are handled separately.
_DROPPED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)
# What Word, Windows and Unicode use as line or paragraph breaks.
_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_BREAK_CHARS = frozenset("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def clean_text(value: Any, *, multiline: bool = False, max_length: int = LINE) -> str:
    """Clean one text value as it enters the core.

    Drops control characters and NUL, lone surrogates and the bidi override,
    embedding and isolate characters (U+202A–U+202E, U+2066–U+2069); turns line
    breaks (CR LF, CR, vertical tab, form feed, U+2028 …) into ``\\n`` where the
    field allows several lines and into a space where it does not; a tab becomes a
    space; normalises to NFC; cuts to ``max_length`` characters.

    ``None`` gives ``""``; other non-text values are converted with ``str``.
    """
    if value is None:
        return ""
    value = value if isinstance(value, str) else str(value)
    return _clean(value, multiline, max_length)


def _clean(value: str, multiline: bool, max_length: int) -> str:
    if value.isascii() and value.isprintable() and len(value) <= max_length:
        return value  # the usual case, kept fast (lists of 20,000 people)
    if _BREAK_CHARS.intersection(value):
        value = _BREAKS.sub("\n" if multiline else " ", value)
    value = _DROPPED.sub("", value.replace("\t", " "))
    if not value.isascii():
        value = unicodedata.normalize("NFC", value)
    if len(value) > max_length:
        value = value[:max_length]
    return value


MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
FORMULA_STARTS = ("=", "+", "-", "@")  # what a spreadsheet may read as a formula


def spreadsheet_text(value: Any) -> str:
    """A text cell for a spreadsheet: cleaned, line breaks kept, at most Excel's length.

    Writers of XLSX must still mark the cell as text (``cell.data_type = "s"``) so
    that a value starting with ``=`` is never a formula.
    """
    return clean_text(value, multiline=True, max_length=MAX_CELL_CHARS)


def csv_text(value: Any) -> str:
    """A CSV cell that no spreadsheet runs as a formula (OWASP, CSV injection).

    A cell starting with ``= + - @`` gets a leading apostrophe, which Excel and
    LibreOffice show as text and do not display.
    """
    cleaned = spreadsheet_text(value)
    return "'" + cleaned if cleaned.startswith(FORMULA_STARTS) else cleaned


@dataclasses.dataclass(frozen=True)
class TextField:
    """How one field of a model is cleaned."""

    max_length: int = LINE
    multiline: bool = False


def line(max_length: int = LINE) -> TextField:
    """A one-line field."""
    return TextField(max_length)


def lines(max_length: int = LONG) -> TextField:
    """A field of several lines."""
    return TextField(max_length, multiline=True)


def clean_fields(obj: Any, kinds: Mapping[str, TextField]) -> None:
    """Clean the text fields of a (mutable) dataclass instance in place."""
    values = obj.__dict__
    for name, kind in kinds.items():
        value = values[name]
        # inline fast path: reading 20,000 invitees builds 20,000 models
        if value.__class__ is str and len(value) <= kind.max_length and value.isascii() \
                and value.isprintable():
            continue
        if isinstance(value, str):
            values[name] = _clean(value, kind.multiline, kind.max_length)


def clean_changes(changes: Mapping[str, Any], kinds: Mapping[str, TextField]) -> dict[str, Any]:
    """The same for a dictionary of field changes (values that are not text are kept)."""
    result = dict(changes)
    for name, value in changes.items():
        kind = kinds.get(name)
        if kind is not None and isinstance(value, str):
            result[name] = clean_text(value, multiline=kind.multiline, max_length=kind.max_length)
    return result
