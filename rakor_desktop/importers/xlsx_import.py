"""Reading an invitation list from a workbook (.xlsx, .xlsm, .xls, .ods) with python-calamine.

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

Before calamine sees the file, :mod:`rakor_desktop.importers.bounds` measures
what it would build (a far-away cell, a compression bomb) and refuses what is
far beyond a list: calamine cannot be stopped once it allocates. Cells that
Excel shows as an error (``#VALUE!``), which calamine gives as empty text, get
their error text back so that the row reader can say so.
"""

from __future__ import annotations

import io
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
from rakor_desktop.importers.bounds import MAX_ROWS, SheetBounds, WorkbookBounds, check_area
from rakor_desktop.importers.bounds import workbook_bounds as measure_workbook
from rakor_desktop.messages import FileFormatError, NotFoundError, RakorError
from rakor_desktop.safe_files import read_user_file

if TYPE_CHECKING:
    from python_calamine import CalamineSheet, CalamineWorkbook

__all__ = ["MAX_ROWS", "cell_text", "list_sheets", "read_workbook", "read_xlsx"]

log = logging.getLogger("rakor.importers.xlsx")


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


def _open_workbook(path: Path, data: bytes) -> CalamineWorkbook:
    """The workbook in ``data``, read by content (a workbook renamed .csv is still read)."""
    from python_calamine import CalamineError, CalamineWorkbook  # loaded on first use

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except CalamineError as exc:
        log.warning("cannot open workbook %s: %s", path, exc)
        raise damaged_workbook(
            path, "isinya rusak atau bukan format Excel", "damaged, or not an Excel format"
        ) from exc
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's other kinds, and its panics (not Exceptions)
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
    from rakor_desktop.importers import MAX_FILE_BYTES, sniff_kind

    data = read_user_file(path, max_bytes=MAX_FILE_BYTES)
    measure_workbook(data, sniff_kind(data, path), source=path.name)
    workbook = _open_workbook(path, data)
    try:
        return [name for name, _visible in _worksheets(workbook)]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine panics on some damaged parts
        raise damaged_workbook(path, type(exc).__name__, type(exc).__name__) from exc
    finally:
        workbook.close()


def _sheet(
    workbook: CalamineWorkbook, name: str, path: Path, bounds: WorkbookBounds
) -> CalamineSheet:
    # Measured before calamine builds it: a far-away cell would end the process.
    check_area(bounds.of(name), source=path.name, sheet=name)
    try:
        return workbook.get_sheet_by_name(name)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a damaged sheet part (calamine may panic on one)
        log.warning("cannot read sheet %s of %s: %r", name, path, exc)
        raise damaged_workbook(
            path, f"lembar {name} rusak", f"the sheet {name} is damaged"
        ) from exc


def _text_rows(
    sheet: CalamineSheet, limit: int | None = None, errors: SheetBounds | None = None
) -> list[list[str]]:
    """The rows of a sheet from its first row (A1), as text, without trailing blanks.

    Cells that hold an Excel error (calamine gives ""), as found by the measuring
    of the sheet, hold their error text ("#VALUE!").
    """
    rows: list[list[str]] = []
    for values in sheet.to_python(skip_empty_area=False, nrows=limit):
        row = [cell_text(v) for v in values]
        while row and not row[-1].strip():
            row.pop()
        rows.append(row)
    if errors is not None and errors.errors:
        for (row_index, column), error in errors.errors.items():
            if row_index >= len(rows) or (limit is not None and row_index >= limit):
                continue
            cells = rows[row_index]
            if len(cells) <= column:
                cells.extend([""] * (column + 1 - len(cells)))
            if not cells[column]:
                cells[column] = error
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _merged_ranges(sheet: CalamineSheet) -> list[MergedRange]:
    return [
        MergedRange(first_row=top, first_column=left, last_row=bottom, last_column=right)
        for (top, left), (bottom, right) in (sheet.merged_cell_ranges or [])
    ]


def _default_sheet(
    workbook: CalamineWorkbook,
    worksheets: list[tuple[str, bool]],
    path: Path,
    bounds: WorkbookBounds,
) -> CalamineSheet:
    """The first visible sheet with a header row; else the first one with any text."""
    ordered = [name for name, visible in worksheets if visible]
    ordered += [name for name, visible in worksheets if not visible]
    first_filled: CalamineSheet | None = None
    for name in ordered:
        if bounds.of(name).cells == 0 and name in bounds.by_name:
            continue  # an empty sheet
        sheet = _sheet(workbook, name, path, bounds)
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
    """The cells of one sheet of a workbook file as text (see :func:`read_workbook`)."""
    from rakor_desktop.importers import MAX_FILE_BYTES, sniff_kind

    data = read_user_file(path, max_bytes=MAX_FILE_BYTES)
    return read_workbook(path, data, sniff_kind(data, path), sheet=sheet)


def read_workbook(path: Path, data: bytes, kind: str, *, sheet: str | None = None) -> SheetData:
    """The cells of one sheet of a workbook as text.

    Args:
        path: The file (for messages).
        data: Its content.
        kind: "xlsx" (also .xlsm), "xls" or "ods".
        sheet: The name of the sheet; None: the first visible sheet with a
            header row, else the first that holds any text.

    Raises:
        NotFoundError: No sheet of that name.
        FileFormatError: The workbook is damaged, empty or far too large.
    """
    bounds = measure_workbook(data, kind, source=path.name)
    workbook = _open_workbook(path, data)
    try:
        worksheets = _worksheets(workbook)
        names = [name for name, _visible in worksheets]
        if not worksheets:
            raise FileFormatError(
                f"Buku kerja {path.name} tidak punya lembar kerja yang berisi sel.",
                f"The workbook {path.name} has no worksheet with cells.",
            )
        if sheet is None:
            chosen = _default_sheet(workbook, worksheets, path, bounds)
        elif sheet in names:
            chosen = _sheet(workbook, sheet, path, bounds)
        else:
            listed = ", ".join(names)
            raise NotFoundError(
                f"Lembar \u201c{sheet}\u201d tidak ada di {path.name} (yang ada: {listed}).",
                f"There is no sheet \u201c{sheet}\u201d in {path.name} (there are: {listed}).",
            )
        check_area(
            SheetBounds(rows=chosen.total_height, columns=chosen.total_width),
            source=path.name,
            sheet=chosen.name,
        )
        rows = _text_rows(chosen, errors=bounds.of(chosen.name))
        merged = _merged_ranges(chosen)
    except (RakorError, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine panics on some damaged parts
        log.warning("cannot read workbook %s: %r", path, exc)
        raise damaged_workbook(path, type(exc).__name__, type(exc).__name__) from exc
    finally:
        workbook.close()
    if not any(any(c.strip() for c in row) for row in rows):
        raise FileFormatError(
            f"Lembar \u201c{chosen.name}\u201d di {path.name} kosong.",
            f"The sheet \u201c{chosen.name}\u201d of {path.name} is empty.",
        )
    return SheetData(
        path=path, kind=kind, rows=rows, sheet=chosen.name, sheets=names, merged=merged
    )
