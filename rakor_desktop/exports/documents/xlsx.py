"""The question log of an event as a spreadsheet (openpyxl).

Sheet "Pertanyaan": one row per question in the order asked; sheet "Tindak Lanjut":
the follow-ups. Text is written as text, never as a formula (a question starting
with "=" stays a question), without the control characters Excel refuses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rakor_desktop.clock import from_iso
from rakor_desktop.formatting import format_clock, format_date
from rakor_desktop.operations.events import get_event
from rakor_desktop.storage import Storage
from rakor_desktop.text import clean_text, spreadsheet_text

from .build import roman

STATUS_LABELS = {
    "antre": "Antre",
    "bertanya": "Bertanya",
    "dijawab": "Dijawab",
    "ditunda": "Ditunda",
    "dibatalkan": "Dibatalkan",
}
QUESTION_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Termin", 8),
    ("No", 5),
    ("Nama Penanya", 28),
    ("Instansi", 28),
    ("Pertanyaan", 60),
    ("Ditujukan kepada", 24),
    ("Status", 11),
    ("Dijawab oleh", 24),
    ("Jawaban", 60),
    ("Dicatat pukul", 12),
)
FOLLOW_UP_COLUMNS: tuple[tuple[str, int], ...] = (
    ("No", 5), ("Tindak Lanjut", 60), ("Penanggung Jawab", 28), ("Batas Waktu", 18),
)


def _text_cell(sheet: Any, row: int, column: int, value: str) -> None:
    target = sheet.cell(row=row, column=column, value=spreadsheet_text(value))
    target.data_type = "s"  # never a formula, whatever the text starts with


def _header(sheet: Any, columns: tuple[tuple[str, int], ...], row: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    fill = PatternFill("solid", fgColor="E7E6E6")
    for index, (title, width) in enumerate(columns, start=1):
        target = sheet.cell(row=row, column=index, value=title)
        target.font = Font(bold=True)
        target.fill = fill
        target.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)


def write_question_log(storage: Storage, event_id: int, path: Path) -> None:
    """Write the question log and the follow-ups of an event to ``path`` (XLSX)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    event = get_event(storage, event_id)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Pertanyaan"
    _text_cell(sheet, 1, 1, f"Log Pertanyaan: {' '.join(event.title.split())}")
    sheet.cell(row=1, column=1).font = Font(bold=True, size=12)
    _text_cell(sheet, 2, 1, format_date(event.date))
    _header(sheet, QUESTION_COLUMNS, 4)
    wrap = Alignment(vertical="top", wrap_text=True)
    row = 5
    for number, q in enumerate(storage.document_questions(event_id), start=1):
        recorded = from_iso(q["created_at"])
        values = [
            roman(int(q["termin"])),
            str(number),
            q["asker_name"],
            q["asker_instansi"],
            q["question"],
            q["addressed_to"],
            STATUS_LABELS.get(q["status"], q["status"]),
            q["answered_by"],
            q["answer"],
            format_clock(recorded, event.timezone) if recorded else "",
        ]
        for column, value in enumerate(values, start=1):
            _text_cell(sheet, row, column, value)
            sheet.cell(row=row, column=column).alignment = wrap
        row += 1
    sheet.auto_filter.ref = f"A4:J{max(row - 1, 4)}"

    follow = workbook.create_sheet("Tindak Lanjut")
    _header(follow, FOLLOW_UP_COLUMNS, 1)
    for number, item in enumerate(storage.document_follow_ups(event_id), start=1):
        for column, value in enumerate(
            (str(number), item["what"], item["who"], item["due"]), start=1
        ):
            _text_cell(follow, number + 1, column, value)
            follow.cell(row=number + 1, column=column).alignment = wrap
    workbook.properties.title = clean_text(f"Log Pertanyaan {event.title}", max_length=250)
    workbook.properties.creator = "Rakor Desktop"
    workbook.save(str(path))
