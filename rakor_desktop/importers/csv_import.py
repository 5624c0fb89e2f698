"""Reading an invitation list from a CSV file as secretariats actually have them.

The encoding is detected (:func:`detect_encoding`): UTF-8 with or without BOM,
Excel's "Unicode Text" (UTF-16, with or without BOM), a file where some lines
were saved in UTF-8 and others in Windows-1252 (lists pasted together), and
otherwise whatever charset-normalizer finds (Windows-1252, GB18030, Shift-JIS
…), never silently Windows-1252 for text that is not. The user can choose
another encoding in the preview (:data:`ENCODINGS`). ``;`` (Excel with
Indonesian regional settings), ``,``, tab or ``|`` as delimiter, title rows
above the header and blank rows are handled. Recognising the columns and
reading the rows is shared with the other formats (:mod:`rakor_desktop.importers`).
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from pathlib import Path

from rakor_desktop.importers import (
    HEADER_SEARCH_ROWS,
    MAX_FILE_BYTES,
    ParticipantTable,
    SheetData,
    find_header_row,
    read_sheet,
)
from rakor_desktop.importers.bounds import MAX_CELLS, MAX_ROWS, SheetBounds, check_area
from rakor_desktop.messages import FileFormatError
from rakor_desktop.models import Person, Role
from rakor_desktop.safe_files import read_user_file

__all__ = [
    "DELIMITERS",
    "ENCODINGS",
    "MIXED_UTF8_CP1252",
    "decode_csv",
    "decode_text",
    "decode_with_encoding",
    "detect_encoding",
    "read_csv_sheet",
    "read_csv_table",
    "read_participants_csv",
    "sheet_from_bytes",
    "split_csv",
]

DELIMITERS = (";", ",", "\t", "|")
"""Tried in this order; the one under which a header row is recognised wins."""

_ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .ods
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls, password-protected .xlsx
_CONTROL_SHARE = 0.01  # more control characters than this: not a text file

MIXED_UTF8_CP1252 = "utf-8+cp1252"
"""Lines in UTF-8 and lines in Windows-1252 in one file (two lists pasted together)."""

ENCODINGS: dict[str, str] = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    MIXED_UTF8_CP1252: "UTF-8 + Windows-1252",
    "cp1252": "Windows-1252",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "iso8859-1": "ISO-8859-1 (Latin-1)",
    "gb18030": "GB18030 (Chinese)",
    "big5": "Big5 (Chinese)",
    "shift_jis": "Shift-JIS (Japanese)",
    "cp932": "Windows-932 (Japanese)",
    "euc_kr": "EUC-KR (Korean)",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp874": "Windows-874 (Thai)",
}
"""The encodings a user can choose for a CSV file, with their names on screen."""

# Single-byte Western encodings charset-normalizer may name for the same Latin text:
# Windows-1252 is what an Indonesian Windows writes.
_WESTERN = frozenset({
    "cp1252", "cp1250", "cp1254", "cp1257", "latin_1", "iso8859_15", "iso8859_2", "iso8859_9",
    "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_16",
    "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "cp850", "cp437", "cp858",
})  # fmt: skip
_DETECTION_SAMPLE = 512 * 1024


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


# -- the encoding ---------------------------------------------------------------------------


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the bytes look like UTF-16 text without a BOM."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    half = len(sample) // 2
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if odd_zeros > 0.3 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.3 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _mixed_utf8(data: bytes) -> bool:
    """Some lines are UTF-8 with letters beyond ASCII, others are not UTF-8 at all."""
    utf8_lines = other_lines = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other_lines += 1
        else:
            utf8_lines += 1
        if utf8_lines and other_lines:
            return True
    return False


def detect_encoding(data: bytes, *, source: str) -> str:
    """The encoding of CSV bytes (a key of :data:`ENCODINGS`, or another codec name).

    Raises:
        FileFormatError: Binary content (no text encoding fits).
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise _binary(source)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if _mixed_utf8(data):
        return MIXED_UTF8_CP1252
    from charset_normalizer import from_bytes  # loaded on first use

    best = from_bytes(data[:_DETECTION_SAMPLE]).best()
    if best is None:
        raise _binary(source)
    found = str(best.encoding).lower().replace("-", "_")
    if found in _WESTERN:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "iso8859-1"
        return "cp1252"
    return {"utf_8": "utf-8", "utf_16": "utf-16"}.get(found, found)


def decode_text(data: bytes, encoding: str, *, strict: bool = True) -> str:
    """Bytes as text in ``encoding`` (see :data:`ENCODINGS`); ``strict=False`` replaces.

    Raises:
        UnicodeDecodeError: ``strict`` and the bytes are not in that encoding.
        LookupError: An unknown encoding.
    """
    if encoding == MIXED_UTF8_CP1252:
        lines = []
        for line in data.splitlines(keepends=True):
            try:
                lines.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                lines.append(line.decode("cp1252", errors="replace"))
        return "".join(lines).removeprefix("\ufeff")
    errors = "strict" if strict else "replace"
    return data.decode(encoding, errors=errors).removeprefix("\ufeff")


def decode_csv(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """The text of a CSV file (see :func:`decode_with_encoding`)."""
    return decode_with_encoding(data, source=source, encoding=encoding)[0]


def decode_with_encoding(
    data: bytes, *, source: str, encoding: str | None = None
) -> tuple[str, str]:
    """The text of a CSV file and its encoding, detected or as chosen.

    Args:
        data: The bytes of the file.
        source: The file name, for messages.
        encoding: The encoding chosen by the user (characters that do not fit
            it are replaced); None: detected (:func:`detect_encoding`).

    Raises:
        FileFormatError: Empty, a spreadsheet workbook, or binary content.
    """
    if not data.replace(codecs.BOM_UTF8, b"").strip():
        raise FileFormatError(f"Berkas {source} kosong.", f"The file {source} is empty.")
    if data.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        raise _workbook(source)
    strict = encoding is None
    if encoding is None:
        encoding = detect_encoding(data, source=source)
    try:
        text = decode_text(data, encoding, strict=strict)
    except UnicodeDecodeError as exc:
        raise _binary(source) from exc
    except LookupError as exc:
        raise FileFormatError(
            f"Pengodean {encoding!r} tidak dikenal.", f"Unknown encoding {encoding!r}."
        ) from exc
    controls = sum(1 for ch in text if ch not in "\t\r\n" and unicodedata.category(ch) == "Cc")
    if controls > len(text) * _CONTROL_SHARE:
        raise _binary(source)
    if not text.strip():
        raise FileFormatError(f"Berkas {source} kosong.", f"The file {source} is empty.")
    return text, encoding


# -- the cells ------------------------------------------------------------------------------


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
    the file. A delimiter that would make more than
    :data:`~rakor_desktop.importers.bounds.MAX_CELLS` cells is not tried.

    Raises:
        FileFormatError: More lines than a list has, or not CSV.
    """
    lines = max(text.count("\n"), text.count("\r")) + 1
    if lines > MAX_ROWS:
        check_area(SheetBounds(rows=lines, columns=1), source=source, sheet="")
    counts = {d: text.count(d) for d in DELIMITERS}
    candidates = [d for d in DELIMITERS if counts[d] + lines <= MAX_CELLS]
    if not candidates:  # millions of cells whichever the delimiter
        fewest = min(counts.values())
        check_area(
            SheetBounds(rows=lines, columns=fewest // lines + 2), source=source, sheet=""
        )
    best: tuple[int, int] | None = None
    best_rows: list[list[str]] = []
    top = "\n".join(text.splitlines()[: HEADER_SEARCH_ROWS * 2])
    for delimiter in candidates:
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


def read_csv_sheet(path: Path, *, encoding: str | None = None) -> SheetData:
    """The cells of a CSV file, decoded and split (see :func:`decode_csv`, :func:`split_csv`).

    Raises:
        NotFoundError: The file does not exist.
        FileFormatError: Unreadable, not a regular file, binary or empty.
    """
    data = read_user_file(path, max_bytes=MAX_FILE_BYTES)
    return sheet_from_bytes(path, data, encoding=encoding)


def sheet_from_bytes(path: Path, data: bytes, *, encoding: str | None = None) -> SheetData:
    """The cells of CSV content already read (see :func:`read_csv_sheet`)."""
    source = path.name
    text, used = decode_with_encoding(data, source=source, encoding=encoding)
    return SheetData(
        path=path,
        kind="csv",
        rows=split_csv(text, source=source),
        encoding=used,
        encoding_detected=encoding is None,
    )


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

    A workbook given here (even renamed .csv) is read as a workbook. Rows with
    warnings (a NIP Excel rounded) are imported with that field left empty.

    Raises:
        NotFoundError: The file does not exist.
        FileFormatError: The file cannot be read, or any row has an error; the
            message lists the first problems with their row numbers in the file.
    """
    table = read_sheet(path).table()
    table.raise_for_problems(path.name)
    return table.participants
