"""Every text cell the app writes to XLSX or CSV is text, never a formula (issue 10, item 6)."""

from __future__ import annotations

import csv
import zipfile
from datetime import date, time
from pathlib import Path

from openpyxl import load_workbook

from rakor_desktop.exports.attendance import export_attendance_csv, export_attendance_xlsx
from rakor_desktop.exports.documents.export import export_question_log
from rakor_desktop.models import Event, Person, Role
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations.discussion import add_question, open_termin
from rakor_desktop.storage import Storage

from .document_record import DESK

FORMULAS = ["=HYPERLINK(\"http://x.invalid\",\"klik\")", "+1+2", "-2+3", "@SUM(A1:A2)"]


def _formulas_in(path: Path) -> list[str]:
    """The <f> (formula) elements of every sheet of a workbook, read from its XML."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                if "<f>" in xml or "<f " in xml:
                    found.append(name)
    return found


def _event(storage: Storage) -> int:
    event_id = event_ops.create_event(storage, Event(
        title=FORMULAS[0], date=date(2023, 12, 14), start_time=time(9), venue="Aula",
    ))
    invitee_ops.import_invitees(storage, event_id, [
        (Person(name=name, jabatan=name, instansi=name, group_name="=Grup"), Role.PESERTA)
        for name in FORMULAS
    ])
    for invitee in storage.list_invitees(event_id):
        checkin_ops.checkin_invitee(storage, invitee.id, DESK)
    return event_id


def test_attendance_xlsx_title_and_groups_in_rekap_are_text(
    storage: Storage, tmp_path: Path
) -> None:
    event_id = _event(storage)
    target = tmp_path / "hadir.xlsx"
    export_attendance_xlsx(storage, event_id, target)
    assert _formulas_in(target) == []
    workbook = load_workbook(target)
    rekap = workbook["Rekap"]
    assert rekap["B1"].value == FORMULAS[0]
    assert rekap["B1"].data_type == "s"
    assert rekap["A5"].value == "=Grup"
    names = [row[1] for row in workbook["Daftar Hadir"].iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(FORMULAS)


def test_attendance_csv_cells_that_start_like_a_formula_get_an_apostrophe(
    storage: Storage, tmp_path: Path
) -> None:
    event_id = _event(storage)
    target = tmp_path / "hadir.csv"
    export_attendance_csv(storage, event_id, target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    names = sorted(row[1] for row in rows[1:])
    assert names == sorted("'" + f for f in FORMULAS)
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert {row[5] for row in rows[1:]} == {"'=Grup"}


def test_question_log_writes_no_formula(storage: Storage, tmp_path: Path) -> None:
    event_id = _event(storage)
    termin = open_termin(storage, event_id, max_askers=10)
    for text in FORMULAS:
        add_question(storage, termin.id, asker_name=text, asker_instansi=text, question=text,
                     addressed_to=text)
    [path] = export_question_log(storage, event_id, tmp_path)
    assert _formulas_in(path) == []
    sheet = load_workbook(path)["Pertanyaan"]
    assert [row[4] for row in sheet.iter_rows(min_row=5, values_only=True)] == FORMULAS
