"""Reading an invitation list from a CSV file as secretariats actually have them.

Handles UTF-8 with or without BOM, Excel's "Unicode Text" (UTF-16), Windows-1252
as a fallback, ``;`` (Excel with Indonesian regional settings), ``,``, tab or
``|`` as delimiter, title rows above the header and blank rows. Recognising the
columns and reading the rows is shared with the other formats
(:mod:`rakor_desktop.importers`).
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from pathlib import Path

from rakor_desktop.importers import (
    HEADER_SEARCH_ROWS,
    ParticipantTable,
    SheetData,
    check_readable_file,
    find_header_row,
    read_sheet,
)
from rakor_desktop.messages import FileFormatError
from rakor_desktop.models import Person, Role

__all__ = [
    "DELIMITERS",
    "decode_csv",
    "read_csv_sheet",
    "read_csv_table",
    "read_participants_csv",
    "split_csv",
]

DELIMITERS = (";", ",", "\t", "|")
"""Tried in this order; the one under which a header row is recognised wins."""

_ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .ods
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls, password-protected .xlsx
_CONTROL_SHARE = 0.01  # more control characters than this: not a text file


def _binary(source: str) -> FileFormatError:
    return FileFormatError(
        f"Berkas {source} bukan berkas teks CSV (isinya biner). Simpan daftar peserta "
        "sebagai CSV lalu impor lagi.",
        f"The file {source} is not a CSV text file (its content is binary). Save the list "
        "as CSV and import it again.",
    )


def _workbook(source: str) -> FileFormatError:
    return FileFormatError(
        f"Berkas {source} adalah buku kerja spreadsheet, bukan teks CSV. Impor berkas itu "
        "sebagai buku kerja Excel (.xlsx).",
        f"The file {source} is a spreadsheet workbook, not CSV text. Import it as an Excel "
        "workbook (.xlsx).",
    )


def _read_bytes(path: Path) -> bytes:
    check_readable_file(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FileFormatError(
            f"Berkas {path} tidak dapat dibaca ({reason}).",
            f"Cannot read the file {path} ({reason}).",
        ) from exc


def decode_csv(data: bytes, *, source: str) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252.

    Raises:
        FileFormatError: Empty, an Excel workbook, or binary content.
    """
    if not data.replace(codecs.BOM_UTF8, b"").strip():
        raise FileFormatError(f"Berkas {source} kosong.", f"The file {source} is empty.")
    if data.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        raise _workbook(source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _binary(source) from exc
    else:
        if b"\x00" in data:
            raise _binary(source)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise _binary(source) from exc
    controls = sum(1 for ch in text if ch not in "\t\r\n" and unicodedata.category(ch) == "Cc")
    if controls > len(text) * _CONTROL_SHARE:
        raise _binary(source)
    if not text.strip():
        raise FileFormatError(f"Berkas {source} kosong.", f"The file {source} is empty.")
    return text


def _parse(text: str, delimiter: str, source: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise FileFormatError(
            f"Berkas {source} tidak dapat dibaca sebagai CSV ({exc}).",
            f"The file {source} cannot be read as CSV ({exc}).",
        ) from exc


def split_csv(text: str, *, source: str) -> list[list[str]]:
    """Split CSV text into rows of cells, choosing the delimiter.

    Each candidate delimiter is tried; the one under which a header row with the
    most recognised columns is found wins. Without any header, the delimiter
    used most at the top of the file is taken (and the caller will refuse the
    file with the reason). Blank lines stay as empty rows so row numbers match
    the file.
    """
    best: tuple[int, int] | None = None
    best_rows: list[list[str]] = []
    top = "\n".join(text.splitlines()[: HEADER_SEARCH_ROWS * 2])
    for delimiter in DELIMITERS:
        rows = _parse(text, delimiter, source)
        try:
            _, mapping = find_header_row(rows, source=source)
        except FileFormatError:
            recognised = -1
        else:
            recognised = len(mapping)
        score = (recognised, top.count(delimiter))
        if best is None or score > best:
            best, best_rows = score, rows
    return best_rows


def read_csv_sheet(path: Path) -> SheetData:
    """The cells of a CSV file, decoded and split (see :func:`decode_csv`, :func:`split_csv`).

    Raises:
        NotFoundError: The file does not exist.
        FileFormatError: Unreadable, binary or empty.
    """
    source = path.name
    text = decode_csv(_read_bytes(path), source=source)
    return SheetData(path=path, kind="csv", rows=split_csv(text, source=source))


def read_csv_table(path: Path) -> ParticipantTable:
    """Read a CSV invitation list (problems per row are collected, not raised).

    Raises:
        NotFoundError: The file does not exist.
        FileFormatError: Unreadable, binary, empty, or without a header row with a
            "Nama" column.
    """
    return read_csv_sheet(path).table()


def read_participants_csv(path: Path) -> list[tuple[Person, Role]]:
    """The people (with their role) of an invitation list: all rows or nothing.

    A workbook given here (even renamed .csv) is read as a workbook.

    Raises:
        NotFoundError: The file does not exist.
        FileFormatError: The file cannot be read, or any row has a problem; the
            message lists the first problems with their row numbers in the file.
    """
    table = read_sheet(path).table()
    table.raise_for_problems(path.name)
    return table.participants
