"""The import dialog driven as the secretariat uses it: choose a workbook, correct a
column, exclude a problem row, change a duplicate's decision, import; and a file that
cannot be read, which changes nothing."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop import operations
from rakor_desktop.importers import Column
from rakor_desktop.invitation_import import Decision
from rakor_desktop.models import Event, Person
from rakor_desktop.storage import Storage
from tests.core.test_xlsx_import import messy_workbook, table_counts
from tests.ui.conftest import when_modal
from ui.import_dialog import (
    DuplicateTableModel,
    ImportDialog,
    PreviewTableModel,
    column_labels,
    decision_label,
)
from ui.tasks import wait_for_background_tasks
from ui.translations import Translations

NIP_SRI = "197703122003122007"


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


@pytest.fixture
def event_id(ui_db: Storage) -> int:
    """An event whose list holds Andi; the directory knows Sri from an earlier event."""
    earlier = operations.create_event(
        ui_db, Event(title="Rakor Bulan Lalu", date=date(2023, 11, 2), start_time=time(9))
    )
    operations.invite_person(
        ui_db, earlier,
        Person(name="Sri Purwaningsih", nip=NIP_SRI, instansi="Bappeda", phone="0811 7400 123"),
    )  # fmt: skip
    created = operations.create_event(
        ui_db, Event(title="Rakor Pemilu", date=date(2023, 12, 14), start_time=time(9))
    )
    operations.invite_person(ui_db, created, Person(name="Andi Wijaya", instansi="KPU"))
    return created


@pytest.fixture
def invitation_list(tmp_path: Path) -> Path:
    """Row 3: Sri (in the directory), 4: Andi (already invited), 5: a new person,
    6: a NIP of 13 digits. The instansi column is headed "Asal", which is not recognised."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Undangan"
    sheet["A1"] = "DAFTAR UNDANGAN RAKOR PEMILU"
    sheet.merge_cells("A1:E1")
    sheet.append(["No", "Nama", "NIP", "Jabatan", "Asal"])
    sheet.append([1, "Dr. Sri Purwaningsih, M.Si.", NIP_SRI, "Kepala Bappeda", "Bappeda"])
    sheet.append([2, "Andi Wijaya", None, "Komisioner", "KPU"])
    sheet.append([3, "Rahmat Hidayat", None, "Camat", "Kecamatan Telanaipura"])
    sheet.append([4, "Budi Santoso", "1977031220031", "Lurah", "Kelurahan Sungai Putri"])
    path = tmp_path / "undangan.xlsx"
    book.save(path)
    return path


@pytest.fixture
def dialog(
    qtbot: QtBot, ui_db: Storage, event_id: int, translations: Translations
) -> ImportDialog:
    opened = ImportDialog(ui_db, event_id)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    return opened


def choose(
    qtbot: QtBot, dialog: ImportDialog, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Click "Choose file…" and pick ``path`` in the file dialog; wait for the preview."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose an entry of a drop-down with the keyboard, as a person would."""
    combo.setFocus()
    start = combo.currentIndex()
    wanted = combo.findText(text)
    assert wanted >= 0, text
    key = Qt.Key.Key_Down if wanted > start else Qt.Key.Key_Up
    for _ in range(abs(wanted - start)):
        qtbot.keyClick(combo, key)
    assert combo.currentText() == text


def shown_names(model: PreviewTableModel) -> list[str]:
    column = PreviewTableModel.COLUMNS.index("name")
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_import_a_workbook_correcting_a_column_and_excluding_a_problem_row(
    qtbot: QtBot,
    dialog: ImportDialog,
    ui_db: Storage,
    event_id: int,
    invitation_list: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose(qtbot, dialog, invitation_list, monkeypatch)

    model = dialog.rows_model
    assert shown_names(model) == [
        "Dr. Sri Purwaningsih, M.Si.", "Andi Wijaya", "Rahmat Hidayat", "Budi Santoso",
    ]  # fmt: skip
    assert dialog.sheet_combo.currentText() == "Undangan"
    assert dialog.header_label.text() == dialog.tr(
        "Column titles found in row {row} of sheet \u201c{sheet}\u201d. "
        "Correct what a column holds if it was not recognised."
    ).format(row=2, sheet="Undangan")
    assert [c.currentData() for c in dialog.mapping_combos] == [
        "no", "name", "nip", "jabatan", None,
    ]
    summary = tr("{new} new, {merged} merged, {skipped} skipped, {problems} with problems")
    # Without the instansi, Andi is not recognised as the Andi of KPU on the list.
    assert dialog.summary_label.text() == summary.format(new=2, merged=1, skipped=0, problems=1)
    assert not dialog.import_button.isEnabled()
    problem = model.index(3, PreviewTableModel.COLUMNS.index("status"))
    assert "NIP harus 18 digit" in problem.data()
    assert problem.data(Qt.ItemDataRole.BackgroundRole) is not None

    # Column E ("Asal") holds the institution.
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        pick(qtbot, dialog.mapping_combos[4], column_labels()[Column.INSTANSI])
    instansi = PreviewTableModel.COLUMNS.index("instansi")
    assert model.index(2, instansi).data() == "Kecamatan Telanaipura"
    assert dialog.rows_model.preview is not None
    assert dialog.rows_model.preview.mapping[Column.INSTANSI] == 4
    assert dialog.summary_label.text() == summary.format(new=1, merged=1, skipped=1, problems=1)

    # Exclude Budi's row: select its check box cell and press Space.
    dialog.rows_view.setFocus()
    dialog.rows_view.setCurrentIndex(model.index(3, 0))
    qtbot.keyClick(dialog.rows_view.viewport(), Qt.Key.Key_Space)
    assert model.index(3, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.summary_label.text() == summary.format(new=1, merged=1, skipped=2, problems=0)
    assert dialog.import_button.isEnabled()

    # Andi is on the list already: merge the file's data into him instead of skipping.
    duplicates = dialog.duplicates_model
    decision = DuplicateTableModel.COLUMNS.index("decision")
    names = [duplicates.index(r, 1).data() for r in range(duplicates.rowCount())]
    cell = duplicates.index(names.index("Andi Wijaya"), decision)
    assert cell.data() == decision_label(Decision.SKIP)
    dialog.duplicates_view.setFocus()
    dialog.duplicates_view.setCurrentIndex(cell)  # the decision's drop-down opens
    editor = dialog.duplicates_view.indexWidget(cell)
    assert isinstance(editor, QComboBox)
    pick(qtbot, editor, decision_label(Decision.MERGE))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.duplicates_view.indexWidget(cell) is None)
    assert cell.data() == decision_label(Decision.MERGE)
    assert dialog.summary_label.text() == summary.format(new=1, merged=2, skipped=1, problems=0)

    finished: list[str] = []

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        finished.append(box.text())
        box.accept()

    when_modal(qtbot, confirm)
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert dialog.report is not None
    assert (dialog.report.added, dialog.report.merged, dialog.report.skipped) == (1, 2, 1)
    assert finished == [dialog.report.describe()]
    listed = ui_db.list_invitees(event_id)
    assert [(i.person.name, i.jabatan, i.instansi) for i in listed] == [
        ("Andi Wijaya", "Komisioner", "KPU"),
        ("Sri Purwaningsih", "Kepala Bappeda", "Bappeda"),
        ("Rahmat Hidayat", "Camat", "Kecamatan Telanaipura"),
    ]
    sri = listed[1].person
    assert (sri.nip, sri.phone, sri.front_titles) == (NIP_SRI, "0811 7400 123", "Dr.")
    assert ui_db.search_persons("budi") == []


def test_an_unreadable_file_gets_a_clear_message_and_changes_nothing(
    qtbot: QtBot,
    dialog: ImportDialog,
    ui_db: Storage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 bukan buku kerja")
    before = table_counts(ui_db)
    shown: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), ""))
    )
    when_modal(qtbot, close)
    with qtbot.waitSignal(dialog.import_failed, timeout=20000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))

    assert "rusak.xlsx bukan buku kerja Excel (.xlsx) yang utuh" in shown[0]
    assert shown[0] == dialog.status_label.text()
    assert dialog.rows_model.rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert table_counts(ui_db) == before


def test_another_sheet_and_the_problem_filter(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(qtbot, dialog, messy_workbook(tmp_path / "undangan.xlsx"), monkeypatch)
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == [
        "Sheet1", "Undangan", "Narasumber",
    ]  # fmt: skip
    assert dialog.rows_model.rowCount() == 5

    pick(qtbot, dialog.filter_combo, dialog.tr("Rows with problems"))
    assert shown_names(dialog.rows_model) == ["Rahmat Hidayat"]

    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        pick(qtbot, dialog.sheet_combo, "Narasumber")
    pick(qtbot, dialog.filter_combo, dialog.tr("All rows"))
    assert shown_names(dialog.rows_model) == ["Ahmad Yani, S.H.", "Dewi Lestari", "Yusuf Mansur"]
    assert dialog.import_button.isEnabled()


def test_closing_while_reading_drops_the_result(
    qtbot: QtBot, dialog: ImportDialog, ui_db: Storage, invitation_list: Path
) -> None:
    before = table_counts(ui_db)
    dialog.open_file(invitation_list)
    assert dialog.busy_bar.isVisible()
    assert not dialog.choose_button.isEnabled()

    dialog.reject()
    assert wait_for_background_tasks()
    qtbot.wait(10)

    assert dialog.report is None
    assert table_counts(ui_db) == before


def test_the_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, dialog: ImportDialog, invitation_list: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    choose(qtbot, dialog, invitation_list, monkeypatch)
    qtmodeltester.check(dialog.rows_model)  # type: ignore[attr-defined]
    qtmodeltester.check(dialog.duplicates_model)  # type: ignore[attr-defined]
    # A decision changed through the check box keeps both models consistent.
    dialog.rows_model.setData(
        dialog.rows_model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    dialog.rows_model.set_filter(PreviewTableModel.DUPLICATES)
    qtmodeltester.check(dialog.rows_model)  # type: ignore[attr-defined]
    qtmodeltester.check(dialog.duplicates_model)  # type: ignore[attr-defined]
