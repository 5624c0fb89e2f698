"""The attendance of an event as a spreadsheet (XLSX) or a CSV file.

One table, built once (:func:`attendance_table`), written by two writers. Columns:
No, Nama (with titles), NIP/NRP, Jabatan, Instansi, Kelompok, Hadir pukul, Mewakili, Meja,
Operator, Pangkat/Golongan, No. HP; everyone present, in the order they arrived. A
delegate is listed under their own name, titles, NIP/NRP, pangkat and phone, with the
invitee they stand in for under "Mewakili".

Files are written beside their target and moved into place only when complete
(``os.replace``): a crash or a full disk never leaves half a file, and an existing
file is either replaced whole or left as it was.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rakor_desktop.atomic_files import atomic_write
from rakor_desktop.formatting import format_clock, format_date, format_name, format_nip_nrp
from rakor_desktop.messages import NOT_FOUND, RakorError, ValidationError
from rakor_desktop.storage import Storage
from rakor_desktop.text import clean_text, csv_text, spreadsheet_text

HEADERS: tuple[str, ...] = (
    "No", "Nama", "NIP/NRP", "Jabatan", "Instansi", "Kelompok", "Hadir pukul", "Mewakili",
    "Meja", "Operator", "Pangkat/Golongan", "No. HP",
)  # fmt: skip
_WIDTHS = (5, 34, 22, 30, 34, 14, 11, 34, 14, 16, 20, 16)


def _rank(pangkat: str, golongan: str) -> str:
    return ", ".join(part for part in (pangkat.strip(), golongan.strip()) if part)
NO_GROUP = "(tanpa kelompok)"


class ExportError(RakorError):
    """The file could not be written; nothing was changed on disk."""


@dataclass(frozen=True)
class AttendanceTable:
    """The attendance as text cells, ready to write."""

    title: str
    date_text: str
    timezone: str
    rows: list[tuple[str, ...]]  # one per arrival, the columns of HEADERS ("No" as text)
    groups: list[tuple[str, int, int]]  # (group, present, invited) in list order


def attendance_table(storage: Storage, event_id: int) -> AttendanceTable:
    """The attendance of an event, as it is exported."""
    event = storage.get_event(event_id)
    if event is None:
        raise ValidationError(*NOT_FOUND["event"], id=event_id)  # the one wording
    rows: list[tuple[str, ...]] = []
    for number, arrival in enumerate(storage.attendance_rows(event_id), start=1):
        invitee = format_name(arrival.name, arrival.front_titles, arrival.back_titles)
        if arrival.on_behalf_name:
            name = format_name(
                arrival.on_behalf_name, arrival.on_behalf_front_titles,
                arrival.on_behalf_back_titles,
            )  # fmt: skip
            nip = format_nip_nrp(arrival.on_behalf_nip)
            jabatan = arrival.on_behalf_jabatan
            instansi = arrival.on_behalf_instansi or arrival.instansi
            represented = invitee + (f" ({arrival.jabatan})" if arrival.jabatan else "")
            rank = _rank(arrival.on_behalf_pangkat, arrival.on_behalf_golongan)
            phone = arrival.on_behalf_phone
        else:
            name, nip = invitee, format_nip_nrp(arrival.nip)
            jabatan, instansi, represented = arrival.jabatan, arrival.instansi, ""
            rank, phone = _rank(arrival.pangkat, arrival.golongan), arrival.phone
        rows.append(
            (
                str(number), name, nip, jabatan, instansi, arrival.group_name,
                format_clock(arrival.checked_in_at, event.timezone), represented,
                arrival.station, arrival.operator, rank, phone,
            )
        )  # fmt: skip
    groups = [(g.group_name, g.present, g.invited) for g in storage.group_counts(event_id)]
    return AttendanceTable(
        title=event.title, date_text=format_date(event.date), timezone=event.timezone,
        rows=rows, groups=groups,
    )  # fmt: skip


# -- writing ---------------------------------------------------------------------------


def _cannot_write(path: Path, exc: OSError) -> ExportError:
    return ExportError(
        "Berkas {path} tidak dapat ditulis ({error}). Pilih folder lain, atau tutup berkas "
        "itu bila sedang dibuka di program lain.",
        "Cannot write {path} ({error}). Choose another folder, or close the file if another "
        "program has it open.",
        path=path,
        error=exc.strerror or exc,
    )


CSV_DELIMITER = ";"
"""What Excel expects in a CSV it opens with a double click under Indonesian regional
settings, whose list separator is ``;`` (the decimal separator being ``,``): with ``,``
it would show every row in column A. LibreOffice asks and finds ``;`` by itself, and the
app's own CSV import reads either. (A ``sep=;`` first line would also tell Excel, but
then Excel ignores the BOM and spoils the accents.) The XLSX export opens right
everywhere."""


def export_attendance_csv(
    storage: Storage, event_id: int, path: Path | str, *, delimiter: str = CSV_DELIMITER
) -> int:
    """Write the attendance as CSV as Excel on an Indonesian Windows opens it: ``;``
    between cells (:data:`CSV_DELIMITER`), UTF-8 with BOM (so Excel reads the accents),
    CRLF line ends.

    A cell starting with ``= + - @`` gets a leading apostrophe (:func:`csv_text`), so a
    spreadsheet opening the file never runs it as a formula.

    Returns:
        How many arrivals were written.
    """
    table = attendance_table(storage, event_id)
    with atomic_write(
        Path(path), "w", cannot_write=_cannot_write, encoding="utf-8-sig", newline=""
    ) as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(HEADERS)
        writer.writerows([csv_text(cell) for cell in row] for row in table.rows)
    return len(table.rows)


def export_attendance_xlsx(
    storage: Storage,
    event_id: int,
    path: Path | str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the attendance as an Excel workbook: sheet "Daftar Hadir" and "Rekap".

    Every cell is text as shown (a name or title starting with "=" is not a formula, a
    NIP keeps its digits). Returns how many arrivals were written.
    """
    from openpyxl import Workbook  # loaded only when exporting
    from openpyxl.styles import Alignment, Font, PatternFill

    table = attendance_table(storage, event_id)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Daftar Hadir"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F0")
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center")
    total = len(table.rows)
    for index, row in enumerate(table.rows, start=1):
        values: list[Any] = [index, *(spreadsheet_text(cell) for cell in row[1:])]
        sheet.append(values)
        for cell in sheet[sheet.max_row][1:]:
            cell.data_type = "s"  # text as typed: never a formula, never a number
        if progress is not None and index % 500 == 0:
            progress(index, total)
    for column, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[chr(ord("A") + column - 1)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{chr(ord('A') + len(HEADERS) - 1)}{max(total + 1, 1)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"

    summary = workbook.create_sheet("Rekap")
    summary.append(["Acara", spreadsheet_text(table.title)])
    summary["B1"].data_type = "s"  # a title starting with "=" is not a formula
    summary.append(["Tanggal", table.date_text])
    summary.append([])
    summary.append(["Kelompok", "Hadir", "Diundang"])
    for cell in summary[4]:
        cell.font = bold
        cell.fill = fill
    for group, present, invited in table.groups:
        summary.append([spreadsheet_text(group) or NO_GROUP, present, invited])
        summary.cell(summary.max_row, 1).data_type = "s"
    summary.append(
        ["Jumlah", sum(g[1] for g in table.groups), sum(g[2] for g in table.groups)]
    )
    for cell in summary[summary.max_row]:
        cell.font = bold
    summary.column_dimensions["A"].width = 30
    summary.column_dimensions["B"].width = 12
    summary.column_dimensions["C"].width = 12
    workbook.properties.title = clean_text(f"Daftar Hadir — {table.title}", max_length=250)

    with atomic_write(Path(path), "wb", cannot_write=_cannot_write) as out:
        workbook.save(out)
    if progress is not None:
        progress(total, total)
    return total
