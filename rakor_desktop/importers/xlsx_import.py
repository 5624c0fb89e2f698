"""Reading an invitation list from an Excel workbook (.xlsx, .xlsm) with python-calamine.

calamine (Rust) reads a list of 20,000 people in about 0.3 s where openpyxl's
read-only mode took 2.7 s on the same machine, which made the 10 s budget of a
20,000-row import (preview and write) too tight; openpyxl stays for writing
workbooks. Every cell becomes the text a person sees in Excel: a number typed
into a cell ("No." 1, a phone 81234567890) loses its ".0", and a NIP that Excel
stored as a number (and so rounded to 15 digits) comes out in scientific
notation, which the row reader reports with the Excel hint. Merged cells are
reported so that a value written once for a block of rows, or a section heading
merged across the table, is read as a person means it (see
:func:`rakor_desktop.importers.participants_from_rows`).

Which sheet: the one asked for, or else the first visible sheet with a header
row (a "Petunjuk" sheet before the list is passed over).
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakor_desktop.importers import (
    HEADER_SEARCH_ROWS,
    MergedRange,
    SheetData,
    damaged_workbook,
    find_header_row,
)
from rakor_desktop.messages import FileFormatError, NotFoundError

if TYPE_CHECKING:
    from python_calamine import CalamineSheet, CalamineWorkbook

__all__ = ["MAX_ROWS", "cell_text", "list_sheets", "read_xlsx"]

log = logging.getLogger("rakor.importers.xlsx")

MAX_ROWS = 200_000
"""A sheet with more rows than this is refused (an invitation list has at most thousands)."""


def cell_text(value: Any) -> str:
    """The text of a cell value as Excel shows it in a General-format cell.

    Whole numbers lose their ".0"; numbers of 15 digits and more are written as
    Excel writes them (``1.97703122003122E+17``): their last digits are gone,
    and saying so beats importing a wrong NIP.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15G")
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def _open_workbook(path: Path) -> CalamineWorkbook:
    """The whole workbook, read by content (a workbook renamed .csv is still read)."""
    from python_calamine import CalamineError, CalamineWorkbook  # loaded on first use

    try:
        with path.open("rb") as handle:
            return CalamineWorkbook.from_filelike(handle)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise FileFormatError(
            f"Berkas {path} tidak dapat dibaca ({reason}).",
            f"Cannot read the file {path} ({reason}).",
        ) from exc
    except CalamineError as exc:
        log.warning("cannot open workbook %s: %s", path, exc)
        raise damaged_workbook(
            path, "isinya rusak atau bukan format Excel", "damaged, or not an Excel format"
        ) from exc
    except Exception as exc:  # a damaged part raises calamine's other kinds
        log.warning("cannot open workbook %s: %r", path, exc)
        raise damaged_workbook(path, type(exc).__name__, type(exc).__name__) from exc


def _worksheets(workbook: CalamineWorkbook) -> list[tuple[str, bool]]:
    """The sheets that hold cells (not chart sheets), with whether each is visible."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    return [
        (sheet.name, sheet.visible == SheetVisibleEnum.Visible)
        for sheet in workbook.sheets_metadata
        if sheet.typ == SheetTypeEnum.WorkSheet
    ]


def list_sheets(path: Path) -> list[str]:
    """The names of the sheets of a workbook, in their order.

    Raises:
        FileFormatError: The workbook cannot be opened.
    """
    workbook = _open_workbook(path)
    try:
        return [name for name, _visible in _worksheets(workbook)]
    finally:
        workbook.close()


def _sheet(workbook: CalamineWorkbook, name: str, path: Path) -> CalamineSheet:
    try:
        return workbook.get_sheet_by_name(name)
    except Exception as exc:  # a damaged sheet part
        log.warning("cannot read sheet %s of %s: %r", name, path, exc)
        raise damaged_workbook(
            path, f"lembar {name} rusak", f"the sheet {name} is damaged"
        ) from exc


def _text_rows(sheet: CalamineSheet, limit: int | None = None) -> list[list[str]]:
    """The rows of a sheet from its first row (A1), as text, without trailing blanks."""
    rows: list[list[str]] = []
    for values in sheet.to_python(skip_empty_area=False, nrows=limit):
        row = [cell_text(v) for v in values]
        while row and not row[-1].strip():
            row.pop()
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _merged_ranges(sheet: CalamineSheet) -> list[MergedRange]:
    return [
        MergedRange(first_row=top, first_column=left, last_row=bottom, last_column=right)
        for (top, left), (bottom, right) in (sheet.merged_cell_ranges or [])
    ]


def _default_sheet(
    workbook: CalamineWorkbook, worksheets: list[tuple[str, bool]], path: Path
) -> CalamineSheet:
    """The first visible sheet with a header row; else the first one with any text."""
    ordered = [name for name, visible in worksheets if visible]
    ordered += [name for name, visible in worksheets if not visible]
    first_filled: CalamineSheet | None = None
    for name in ordered:
        sheet = _sheet(workbook, name, path)
        top = _text_rows(sheet, HEADER_SEARCH_ROWS)
        if not any(any(c.strip() for c in row) for row in top):
            continue
        if first_filled is None:
            first_filled = sheet
        try:
            find_header_row(top, source=path.name)
        except FileFormatError:
            continue
        return sheet
    if first_filled is None:
        raise FileFormatError(
            f"Buku kerja {path.name} kosong: tidak ada lembar yang berisi data.",
            f"The workbook {path.name} is empty: no sheet holds any data.",
        )
    return first_filled


def read_xlsx(path: Path, *, sheet: str | None = None) -> SheetData:
    """The cells of one sheet of a workbook as text.

    Args:
        path: The .xlsx (or .xlsm) file.
        sheet: The name of the sheet; None: the first visible sheet with a
            header row, else the first that holds any text.

    Raises:
        NotFoundError: No sheet of that name.
        FileFormatError: The workbook is damaged, empty or far too large.
    """
    workbook = _open_workbook(path)
    try:
        worksheets = _worksheets(workbook)
        names = [name for name, _visible in worksheets]
        if not worksheets:
            raise FileFormatError(
                f"Buku kerja {path.name} tidak punya lembar kerja yang berisi sel.",
                f"The workbook {path.name} has no worksheet with cells.",
            )
        if sheet is None:
            chosen = _default_sheet(workbook, worksheets, path)
        elif sheet in names:
            chosen = _sheet(workbook, sheet, path)
        else:
            listed = ", ".join(names)
            raise NotFoundError(
                f"Lembar \u201c{sheet}\u201d tidak ada di {path.name} (yang ada: {listed}).",
                f"There is no sheet \u201c{sheet}\u201d in {path.name} (there are: {listed}).",
            )
        if chosen.total_height > MAX_ROWS:
            raise FileFormatError(
                f"Lembar \u201c{chosen.name}\u201d di {path.name} punya lebih dari "
                f"{MAX_ROWS // 1000}.000 baris; terlalu banyak untuk sebuah daftar undangan.",
                f"The sheet \u201c{chosen.name}\u201d of {path.name} has more than "
                f"{MAX_ROWS:,} rows; too many for an invitation list.",
            )
        rows = _text_rows(chosen)
        merged = _merged_ranges(chosen)
    finally:
        workbook.close()
    if not any(any(c.strip() for c in row) for row in rows):
        raise FileFormatError(
            f"Lembar \u201c{chosen.name}\u201d di {path.name} kosong.",
            f"The sheet \u201c{chosen.name}\u201d of {path.name} is empty.",
        )
    return SheetData(
        path=path, kind="xlsx", rows=rows, sheet=chosen.name, sheets=names, merged=merged
    )
