"""The import dialog driven as the secretariat uses it: opened from the invitation list
with its Import button, choose a workbook, correct a column, type a NIP Excel rounded,
exclude a row without a name, change a duplicate's decision, press Enter to import; a
CSV file whose encoding is corrected; .xls and .ods workbooks; a file that cannot be
read, which changes nothing; and the dialog fits a 1366×728 laptop screen."""

from __future__ import annotations

import gc
import time as clock
import zipfile
from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.importers import Column
from rakor_desktop.importers.preview import Decision
from rakor_desktop.models import Event, Person
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage
from tests.core.test_xlsx_import import messy_workbook, table_counts
from tests.ui.conftest import when_modal
from ui.mainwindow import MainWindow
from ui.participants.import_dialog import (
    DuplicateTableModel,
    ImportDialog,
    PreviewTableModel,
    column_labels,
    decision_label,
)
from ui.tasks import wait_for_background_tasks
from ui.translations import Translations

MakeWindow = Callable[..., MainWindow]
SCREEN_HEIGHT = 728  # a 1366×768 laptop with its taskbar
TITLE_BAR = 32

NIP_SRI = "197703122003122007"


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


@pytest.fixture
def event_id(ui_db: Storage) -> int:
    """An event whose list holds Andi; the directory knows Sri from an earlier event."""
    earlier = event_ops.create_event(
        ui_db, Event(title="Rakor Bulan Lalu", date=date(2023, 11, 2), start_time=time(9))
    )
    invitee_ops.invite_person(
        ui_db, earlier,
        Person(name="Sri Purwaningsih", nip=NIP_SRI, instansi="Bappeda", phone="0811 7400 123"),
    )  # fmt: skip
    created = event_ops.create_event(
        ui_db, Event(title="Rakor Pemilu", date=date(2023, 12, 14), start_time=time(9))
    )
    invitee_ops.invite_person(ui_db, created, Person(name="Andi Wijaya", instansi="KPU"))
    return created


@pytest.fixture
def invitation_list(tmp_path: Path) -> Path:
    """Row 3: Sri (in the directory), 4: Andi (already invited), 5: a new person,
    6: a NIP Excel rounded, 7: no name. The instansi column is headed "Asal", which is
    not recognised."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Undangan"
    sheet["A1"] = "DAFTAR UNDANGAN RAKOR PEMILU"
    sheet.merge_cells("A1:E1")
    sheet.append(["No", "Nama", "NIP", "Jabatan", "Asal"])
    sheet.append([1, "Dr. Sri Purwaningsih, M.Si.", NIP_SRI, "Kepala Bappeda", "Bappeda"])
    sheet.append([2, "Andi Wijaya", None, "Komisioner", "KPU"])
    sheet.append([3, "Rahmat Hidayat", None, "Camat", "Kecamatan Telanaipura"])
    sheet.append([4, "Budi Santoso", 1.97703122003122e17, "Lurah", "Kelurahan Sungai Putri"])
    sheet.append([5, None, None, "Staf", "Kelurahan Sungai Putri"])
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


_handler_errors: list[BaseException] = []


@pytest.fixture(autouse=True)
def _no_handler_errors() -> Any:
    """A failed assertion inside a dialog handler fails the test (and closes the dialog)."""
    _handler_errors.clear()
    yield
    if _handler_errors:
        raise _handler_errors[0]


def when_shown(
    kind: type, handle: Callable[[Any], None], timeout: float = 20, *, required: bool = True
) -> list[bool]:
    """Run ``handle`` once a modal of ``kind`` is the active window (dialogs block in exec()).

    With ``required=False`` a modal that never comes is no failure (a guard that keeps an
    unexpected message box from blocking the test forever). Returns a flag: set its
    only item to False to stop waiting.
    """
    deadline = clock.monotonic() + timeout
    waiting = [True]

    def poll() -> None:
        if not waiting[0]:
            return
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            try:
                handle(widget)
            except BaseException as exc:
                _handler_errors.append(exc)
                widget.close()
        elif clock.monotonic() < deadline:
            QTimer.singleShot(20, poll)
        elif required:
            _handler_errors.append(AssertionError(f"no {kind.__name__} opened"))

    QTimer.singleShot(0, poll)
    return waiting


def open_from_the_list(
    window: MainWindow, qtbot: QtBot, drive: Callable[[ImportDialog], None]
) -> None:
    """Click the invitation list's Import button and run ``drive`` in the dialog it opens."""
    window.show_area(window.AREAS.index("participants"))
    page = window.participants_page
    qtbot.waitUntil(page.import_button.isVisible, timeout=2000)
    when_shown(ImportDialog, drive)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)  # exec() until closed
    gc.collect()
    qtbot.wait(50)


def test_import_from_the_invitation_list_typing_a_rounded_nip_and_pressing_enter(
    qtbot: QtBot,
    make_window: MakeWindow,
    ui_db: Storage,
    event_id: int,
    invitation_list: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(ui_db)
    finished: list[str] = []

    def drive(dialog: ImportDialog) -> None:
        # It fits the laptop screen, title bar included, with Import on screen.
        assert dialog.isVisible()
        assert dialog.frameGeometry().height() + TITLE_BAR <= 680
        assert dialog.minimumSizeHint().height() + TITLE_BAR <= SCREEN_HEIGHT
        assert dialog.rect().contains(dialog.import_button.geometry().translated(
            dialog.import_button.parentWidget().mapTo(dialog, dialog.import_button.pos())
            - dialog.import_button.pos()
        ))  # fmt: skip
        choose(qtbot, dialog, invitation_list, monkeypatch)
        model = dialog.rows_model
        assert shown_names(model) == [
            "Dr. Sri Purwaningsih, M.Si.", "Andi Wijaya", "Rahmat Hidayat", "Budi Santoso", "",
        ]  # fmt: skip
        summary = tr("{new} new, {merged} merged, {skipped} skipped, {problems} with problems")
        assert dialog.summary_label.text() == summary.format(
            new=3, merged=1, skipped=0, problems=1
        )
        # Budi's NIP, rounded by Excel, does not block him: it is shown with the warning.
        nip = PreviewTableModel.COLUMNS.index("nip")
        budi_nip = model.index(3, nip)
        assert budi_nip.data() == "1.97703122003122E+17"
        assert budi_nip.data(Qt.ItemDataRole.BackgroundRole) is not None
        status = model.index(3, PreviewTableModel.COLUMNS.index("status")).data()
        assert "NIP dikosongkan" in status
        assert dialog.notes_label.text() == dialog.tr(
            "%n row(s) with warnings: imported with the field left empty "
            "(type a NIP in its cell).",
            "",
            1,
        )
        # The row without a name blocks the import until it is unticked.
        assert not dialog.import_button.isEnabled()
        dialog.rows_view.setFocus()
        dialog.rows_view.setCurrentIndex(model.index(4, 0))
        qtbot.keyClick(dialog.rows_view.viewport(), Qt.Key.Key_Space)
        assert dialog.summary_label.text() == summary.format(
            new=3, merged=1, skipped=1, problems=0
        )
        assert dialog.import_button.isEnabled()

        # Type Budi's whole NIP: F2 on the cell, type, Enter; the preview follows.
        dialog.rows_view.setCurrentIndex(budi_nip)
        qtbot.keyClick(dialog.rows_view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert editor is not None and editor is not dialog.rows_view
        editor.selectAll()  # type: ignore[attr-defined]
        qtbot.keyClicks(editor, "19770312 200312 1 003")
        with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert model.index(3, nip).data() == "19770312 200312 1 003"
        assert model.index(3, nip).data(Qt.ItemDataRole.BackgroundRole) is None
        assert model.index(4, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

        def confirm(box: QMessageBox) -> None:
            finished.append(box.text())
            box.accept()

        when_shown(QMessageBox, confirm)
        # Enter presses the default button: Import.
        assert dialog.import_button.isDefault()
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)

    open_from_the_list(window, qtbot, drive)

    assert finished and "4 orang masuk daftar undangan" in finished[0]
    listed = {i.person.name: i.person.nip for i in ui_db.list_invitees(event_id)}
    assert listed["Budi Santoso"] == "197703122003121003"
    assert "Rahmat Hidayat" in listed
    page = window.participants_page
    names = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert any("Budi Santoso" in (n or "") for n in names)


def test_import_a_workbook_correcting_a_column_and_a_duplicate(
    qtbot: QtBot,
    dialog: ImportDialog,
    ui_db: Storage,
    event_id: int,
    invitation_list: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose(qtbot, dialog, invitation_list, monkeypatch)

    model = dialog.rows_model
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
    assert dialog.summary_label.text() == summary.format(new=3, merged=1, skipped=0, problems=1)
    problem = model.index(4, PreviewTableModel.COLUMNS.index("status"))
    assert problem.data() == "kolom Nama kosong"
    assert problem.data(Qt.ItemDataRole.BackgroundRole) is not None

    # Column E ("Asal") holds the institution.
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        pick(qtbot, dialog.mapping_combos[4], column_labels()[Column.INSTANSI])
    instansi = PreviewTableModel.COLUMNS.index("instansi")
    assert model.index(2, instansi).data() == "Kecamatan Telanaipura"
    assert dialog.rows_model.preview is not None
    assert dialog.rows_model.preview.mapping[Column.INSTANSI] == 4
    assert dialog.summary_label.text() == summary.format(new=2, merged=1, skipped=1, problems=1)

    # Exclude the row without a name: select its check box cell and press Space.
    dialog.rows_view.setFocus()
    dialog.rows_view.setCurrentIndex(model.index(4, 0))
    qtbot.keyClick(dialog.rows_view.viewport(), Qt.Key.Key_Space)
    assert model.index(4, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.summary_label.text() == summary.format(new=2, merged=1, skipped=2, problems=0)
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
    assert dialog.summary_label.text() == summary.format(new=2, merged=2, skipped=1, problems=0)

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
    assert (dialog.report.added, dialog.report.merged, dialog.report.skipped) == (2, 2, 1)
    assert finished == [dialog.report.describe()]
    listed = ui_db.list_invitees(event_id)
    assert [(i.person.name, i.jabatan, i.instansi, i.person.nip) for i in listed] == [
        ("Andi Wijaya", "Komisioner", "KPU", ""),
        ("Sri Purwaningsih", "Kepala Bappeda", "Bappeda", NIP_SRI),
        ("Rahmat Hidayat", "Camat", "Kecamatan Telanaipura", ""),
        ("Budi Santoso", "Lurah", "Kelurahan Sungai Putri", ""),  # the rounded NIP left out
    ]
    sri = listed[1].person
    assert (sri.nip, sri.phone, sri.front_titles) == (NIP_SRI, "0811 7400 123", "Dr.")


def test_a_csv_in_another_encoding_is_shown_with_it_and_can_be_corrected(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "undangan.csv"
    path.write_bytes(
        "Nama;Jabatan;Instansi\r\n王小明;经理;中国银行\r\n李华;主任;北京大学\r\n"
        "Budi Santoso;Lurah;Kelurahan Sungai Putri\r\n".encode("gb18030")
    )
    choose(qtbot, dialog, path, monkeypatch)

    assert dialog.encoding_combo.isVisible() and not dialog.sheet_combo.isVisible()
    assert dialog.encoding_combo.currentData() == "gb18030"
    assert shown_names(dialog.rows_model) == ["王小明", "李华", "Budi Santoso"]

    # The user says it is Windows-1252: read again so; the names follow.
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        pick(qtbot, dialog.encoding_combo, "Windows-1252")
    assert dialog.rows_model.preview is not None
    assert dialog.rows_model.preview.data.encoding == "cp1252"
    as_cp1252 = "王小明".encode("gb18030").decode("cp1252", errors="replace")
    assert shown_names(dialog.rows_model)[0] == as_cp1252


def _ods(path: Path, rows: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice writes one (by hand)."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
            "</table:table-cell>"
            for value in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Undangan">'
        f"{cells}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def test_old_excel_and_opendocument_workbooks_are_offered_and_read(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []
    ods = _ods(
        tmp_path / "undangan.ods", [["No", "Nama", "Instansi"], ["1", "Dewi Lestari", "FKUB"]]
    )

    def ask(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        offered.append(args[3])
        return str(ods), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(ask))
    refused: list[str] = []
    guard = when_shown(QMessageBox, lambda box: (refused.append(box.text()), box.accept()),
                       timeout=5, required=False)  # fmt: skip
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    guard[0] = False
    assert refused == []
    assert "*.xls " in offered[0] and "*.ods" in offered[0]
    assert shown_names(dialog.rows_model) == ["Dewi Lestari"]
    assert dialog.import_button.isEnabled()

    xls = Path(__file__).parent.parent / "core" / "fixtures" / "undangan.xls"
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(xls), ""))
    )
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert shown_names(dialog.rows_model)[:1] == ["Dr. H. Sri Purwaningsih, M.Si."]


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
