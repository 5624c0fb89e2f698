"""The "Notulen & Dokumen" page driven like a person: settings saved as you go, photos
added by dropping files, a generated text edited, one click writes the documents,
clear messages for an unwritable folder, cancelling leaves nothing behind."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.exports.documents import export
from rakor_desktop.exports.documents.export import TEMP_PREFIX
from rakor_desktop.exports.documents.photos import list_photos
from rakor_desktop.exports.documents.settings import load_document_options, load_text_overrides
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage
from tests.core.document_record import docx_text, pdf_text, squeeze
from ui.documents.documents_page import DocumentsPage
from ui.documents.photos_widget import THUMBNAIL, PhotoListModel
from ui.documents.text_parts_editor import TextPartsModel
from ui.tasks import wait_for_background_tasks

from .conftest import when_modal

DESK = checkin_ops.Desk(station="meja-1", operator="Rina")
CTRL = Qt.KeyboardModifier.ControlModifier
EXPORT_TIMEOUT_MS = 30_000


def tr(text: str, context: str = "DocumentsPage", n: int = -1) -> str:
    """A text as the page shows it (the same translate call as the code)."""
    return QCoreApplication.translate(context, text, None, n)


@pytest.fixture
def event_id(ui_db: Storage) -> int:
    """The demo rakor with a few people checked in, one of them by a delegate."""
    event = create_demo_event(ui_db)
    invitees = ui_db.list_invitees(event)
    for invitee in invitees[:5]:
        assert invitee.id is not None
        checkin_ops.checkin_invitee(ui_db, invitee.id, DESK)
    delegate_for = invitees[6].id
    assert delegate_for is not None
    checkin_ops.checkin_invitee(ui_db, delegate_for, DESK, on_behalf_name="Yusuf Harahap, S.T.",
                                on_behalf_jabatan="Kasi Perencanaan")
    return event


class Opener:
    """Stands in for QDesktopServices.openUrl: records, launches nothing."""

    def __init__(self) -> None:
        self.opened: list[Path] = []

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(Path(url.toLocalFile()))
        return True


@pytest.fixture
def opener() -> Opener:
    return Opener()


@pytest.fixture
def page(qtbot: QtBot, ui_db: Storage, event_id: int, opener: Opener, translations: Any
         ) -> Iterator[DocumentsPage]:
    documents = DocumentsPage(ui_db, Settings(operator_name="Rina"), open_url=opener)
    qtbot.addWidget(documents)
    documents.resize(1200, 820)
    documents.show()
    qtbot.waitExposed(documents)
    documents.set_event(event_id)
    yield documents
    wait_for_background_tasks()


def png_file(path: Path, color: str = "#3a7", size: tuple[int, int] = (320, 240)) -> Path:
    """A small photo written with Qt, as a camera or phone would give one."""
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def replace_text(qtbot: QtBot, widget: QWidget, lines: list[str]) -> None:
    """Select everything in an editor and type ``lines`` (Enter between them)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def box_button(box: QMessageBox, text: str) -> QPushButton:
    for button in box.buttons():
        if button.text() == text:
            assert isinstance(button, QPushButton)
            return button
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


def export_and_wait(qtbot: QtBot, page: DocumentsPage, start: Callable[[], None]) -> list[Path]:
    with qtbot.waitSignal(page.export_finished, timeout=EXPORT_TIMEOUT_MS) as finished:
        start()
    return [Path(p) for p in finished.args[0]]


def drag_enter(target: QWidget, mime: QMimeData) -> QDragEnterEvent:
    """Something dragged over ``target``; the event tells whether it would accept it."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    point = QPointF(target.width() / 2, target.height() / 2)
    try:
        enter = QDragEnterEvent(point, *args)  # Qt 6.12 takes a QPointF
    except TypeError:  # pragma: no cover - older Qt 6: a QPoint
        enter = QDragEnterEvent(point.toPoint(), *args)
    QApplication.sendEvent(target, enter)
    return enter


def drop_files(qtbot: QtBot, target: QWidget, files: list[Path]) -> bool:
    """Drag files from a file manager onto ``target`` and let go; True if it accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    if not drag_enter(target, mime).isAccepted():
        return False
    point = QPointF(target.width() / 2, target.height() / 2)
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


# -- models -----------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester: Any, qtbot: QtBot, ui_db: Storage,
                                      event_id: int, tmp_path: Path) -> None:
    from rakor_desktop.exports.documents.build import minutes_parts
    from rakor_desktop.exports.documents.photos import add_photo_file

    for number in range(2):
        add_photo_file(ui_db, event_id, png_file(tmp_path / f"{number}.png"),
                       caption=f"Foto {number}" if number else "")
    photos = PhotoListModel(ui_db)
    photos.set_photos(list_photos(ui_db, event_id))
    qtmodeltester.check(photos)
    assert photos.index(0, 0).data() == tr("(no caption)", "PhotoListModel")
    assert photos.index(1, 0).data() == "Foto 1"
    # The small pictures are decoded in the background; a grey box stands in meanwhile.
    with qtbot.waitSignal(photos.thumbnails_ready, timeout=10_000):
        waiting = photos.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    shown = photos.index(0, 0).data(Qt.ItemDataRole.DecorationRole).pixmap(THUMBNAIL).toImage()
    waiting = waiting.pixmap(THUMBNAIL).toImage()
    assert waiting.pixelColor(5, 5) != QColor("#3a7")
    assert (shown.width(), shown.height()) == (180, 135)
    assert shown.pixelColor(5, 5) == QColor("#3a7")
    parts = TextPartsModel()
    parts.set_parts(minutes_parts(ui_db, event_id))
    qtmodeltester.check(parts)
    assert parts.index(0, 0).data() == "Kata Pembukaan"


# -- settings ----------------------------------------------------------------------------------


def test_settings_are_saved_as_you_go_and_shown_again(
    qtbot: QtBot, page: DocumentsPage, ui_db: Storage, event_id: int, opener: Opener
) -> None:
    form = page.settings_form
    click(qtbot, page.tabs.tabBar())  # the user looks at the tabs
    page.tabs.setCurrentWidget(form)
    assert form.government_edit.placeholderText() == tr(
        "From the event: {value}", "DocumentSettingsForm"
    ).format(value="PEMERINTAH KOTA JAMBI")
    assert form.place_edit.placeholderText() == tr(
        "Empty: {place}", "DocumentSettingsForm").format(place="Jambi")

    form.paper_combo.setFocus()
    qtbot.keyClick(form.paper_combo, Qt.Key.Key_Down)  # F4 -> A4
    form.third_field_combo.setFocus()
    qtbot.keyClick(form.third_field_combo, Qt.Key.Key_Down)  # -> Surat Undangan
    form.sekretaris_combo.setFocus()
    qtbot.keyClick(form.sekretaris_combo, Qt.Key.Key_Down)  # -> always
    click(qtbot, form.per_group_box)
    form.unit_edit.setFocus()
    qtbot.keyClicks(form.unit_edit, "Badan Kesbangpol")
    assert "BADAN KESBANGPOL" in form.kop_preview.unit_label.text()  # the preview follows
    form.mengetahui_name_edit.setFocus()
    qtbot.keyClicks(form.mengetahui_name_edit, "Drs. H. Ahmad Yani, M.Si.")
    form.margin_spins["left"].setFocus()
    form.margin_spins["left"].selectAll()
    qtbot.keyClicks(form.margin_spins["left"], "2,5" if form.locale().decimalPoint() == ","
                    else "2.5")
    with qtbot.waitSignal(form.saved, timeout=5000):
        pass  # saved by itself a moment after the last key

    options = load_document_options(ui_db, event_id)
    assert options.paper == "A4"
    assert options.third_field == "surat_undangan"
    assert options.show_sekretaris is True
    assert options.attendance_per_group is True
    assert options.letterhead_unit == "Badan Kesbangpol"
    assert options.mengetahui_name == "Drs. H. Ahmad Yani, M.Si."
    assert options.margin_left_cm == 2.5
    assert form.status_label.text().startswith(
        tr("Saved at {time}.", "DocumentSettingsForm").split("{")[0])

    again = DocumentsPage(ui_db, Settings(), open_url=opener)
    qtbot.addWidget(again)
    again.set_event(event_id)
    shown = again.settings_form
    assert shown.paper_combo.currentData() == "A4"
    assert shown.sekretaris_combo.currentData() is True
    assert shown.per_group_box.isChecked()
    assert shown.unit_edit.text() == "Badan Kesbangpol"
    assert shown.margin_spins["left"].value() == 2.5


def test_logo_chosen_checked_and_removed(
    qtbot: QtBot, page: DocumentsPage, ui_db: Storage, event_id: int, tmp_path: Path
) -> None:
    form = page.settings_form
    page.tabs.setCurrentWidget(form)
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("bukan gambar")
    form.choose_logo_file = lambda: not_an_image
    click(qtbot, form.logo_button)
    assert form.status_label.text() == "Logo tidak dapat dibaca sebagai gambar."
    assert load_document_options(ui_db, event_id).logo is None

    logo = png_file(tmp_path / "pemkot.png", "#c00", (120, 150))
    form.choose_logo_file = lambda: logo
    click(qtbot, form.logo_button)
    assert load_document_options(ui_db, event_id).logo == logo.read_bytes()
    assert not form.logo_preview.pixmap().isNull()
    assert form.logo_info.text().startswith("120 × 150")
    assert form.logo_remove_button.isEnabled()

    click(qtbot, form.logo_remove_button)
    assert load_document_options(ui_db, event_id).logo is None
    assert form.logo_preview.pixmap().isNull()


# -- photos --------------------------------------------------------------------------------------


def test_photos_dropped_captioned_ordered_and_removed(
    qtbot: QtBot, page: DocumentsPage, ui_db: Storage, event_id: int, tmp_path: Path
) -> None:
    photos = page.photos_widget
    page.tabs.setCurrentWidget(photos)
    first = png_file(tmp_path / "pembukaan.png", "#3a7")
    text_file = tmp_path / "catatan.txt"
    text_file.write_text("bukan foto")
    with qtbot.waitSignal(photos.photos_added, timeout=10_000) as added:
        assert drop_files(qtbot, photos, [first, text_file])
    assert added.args == [1]
    assert photos.model.rowCount() == 1
    status = photos.status_label.text()
    assert tr("Not added: {file}: {reason}", "PhotosWidget").format(
        file="catatan.txt", reason="Berkas ini bukan gambar yang dapat dibaca.") in status

    # The new photo is selected with the caption field ready.
    assert photos.caption_edit.hasFocus()
    qtbot.keyClicks(photos.caption_edit, "Pj. Wali Kota membuka rapat <Aula> & \"sambutan\"")
    qtbot.keyClick(photos.caption_edit, Qt.Key.Key_Return)
    stored = list_photos(ui_db, event_id)
    assert [p.caption for p in stored] == ["Pj. Wali Kota membuka rapat <Aula> & \"sambutan\""]
    assert photos.model.index(0, 0).data() == stored[0].caption

    # A second photo through the file chooser.
    second = png_file(tmp_path / "paparan.png", "#a73")
    photos.choose_files = lambda: [second]
    with qtbot.waitSignal(photos.photos_added, timeout=10_000):
        click(qtbot, photos.add_button)
    assert photos.model.rowCount() == 2
    assert photos.selected_id() == list_photos(ui_db, event_id)[1].id
    qtbot.keyClicks(photos.caption_edit, "Paparan KPU")
    click(qtbot, photos.earlier_button)  # saves the caption, then moves the photo
    assert [p.caption for p in list_photos(ui_db, event_id)] == [
        "Paparan KPU", "Pj. Wali Kota membuka rapat <Aula> & \"sambutan\""
    ]

    # Removing asks first; "No" keeps the photo.
    when_modal(qtbot, lambda box: box.reject())
    photos.list_view.setFocus()
    qtbot.keyClick(photos.list_view, Qt.Key.Key_Delete)
    assert len(list_photos(ui_db, event_id)) == 2
    when_modal(qtbot, lambda box: click(
        qtbot, box.button(QMessageBox.StandardButton.Yes)))  # type: ignore[attr-defined]
    click(qtbot, photos.remove_button)
    assert [p.caption for p in list_photos(ui_db, event_id)] == [
        "Pj. Wali Kota membuka rapat <Aula> & \"sambutan\""
    ]
    assert photos.model.rowCount() == 1


def test_a_drag_without_files_is_refused(qtbot: QtBot, page: DocumentsPage) -> None:
    mime = QMimeData()
    mime.setText("teks biasa")
    assert not drag_enter(page.photos_widget, mime).isAccepted()
    mime.setUrls([QUrl("https://example.org/foto.jpg")])  # a web link is no file
    assert not drag_enter(page.photos_widget, mime).isAccepted()


# -- the text of the minutes and the one click ---------------------------------------------


def test_edited_conclusions_are_in_both_documents_and_reset_brings_the_automatic_text(
    qtbot: QtBot, page: DocumentsPage, ui_db: Storage, event_id: int, tmp_path: Path,
    opener: Opener,
) -> None:
    editor = page.text_editor
    row = editor.model.row_of("kesimpulan")
    click_row(qtbot, editor.list_view, row)
    assert editor.title_label.text() == "Kesimpulan/Keputusan"
    assert not editor.reset_button.isEnabled()
    replace_text(qtbot, editor.text_edit, [
        "1. Seluruh OPD siap mendukung pengamanan Pemilu 2024.",
        "2. PT A&B <Persero> menyediakan \"genset\" cadangan.",
    ])
    # Saved by itself after a moment; the list marks the part as edited.
    qtbot.waitUntil(lambda: "kesimpulan" in load_text_overrides(ui_db, event_id), timeout=5000)
    assert editor.model.index(row, 0).data() == tr(
        "{title} (edited)", "TextPartsModel").format(title="Kesimpulan/Keputusan")
    assert editor.reset_button.isEnabled() and editor.automatic_view.isVisible()

    folder = tmp_path / "hasil rapat"
    page.set_output_folder(folder)
    written = export_and_wait(qtbot, page, lambda: click(qtbot, page.create_button))
    names = sorted(p.name for p in written)
    assert len(names) == 4 and all(p.parent == folder for p in written)
    assert sorted(p.name for p in folder.iterdir()) == names  # no temporary files left
    minutes_docx = next(p for p in written if p.name.startswith("Notulen") and p.suffix == ".docx")
    minutes_pdf = minutes_docx.with_suffix(".pdf")
    for text in (docx_text(minutes_docx), pdf_text(minutes_pdf)):
        assert squeeze("Seluruh OPD siap mendukung pengamanan Pemilu 2024.") in squeeze(text)
        assert squeeze("PT A&B <Persero> menyediakan \"genset\" cadangan.") in squeeze(text)
    assert "Yusuf Harahap" in docx_text(minutes_docx.with_name(
        minutes_docx.name.replace("Notulen", "Daftar Hadir")))

    # The message lists the files and opens what the user asks for.
    box = page.result_box
    assert box is not None and box.isVisible()
    assert minutes_pdf.name in box.informativeText()
    click(qtbot, box_button(box, tr("Open the &minutes")))
    assert opener.opened == [minutes_pdf]
    assert page.status_label.text().startswith(
        tr("Saved in {folder}:\n{files}").format(folder=folder, files="")[:10])

    # Edit again, export again: the new text is in the files.
    click_row(qtbot, editor.list_view, row)
    replace_text(qtbot, editor.text_edit, ["Rapat menyepakati jadwal apel siaga."])
    written = export_and_wait(qtbot, page, page.create_documents)  # saves what is typed first
    assert "Rapat menyepakati jadwal apel siaga." in docx_text(minutes_docx)
    assert "Seluruh OPD" not in docx_text(minutes_docx)
    assert squeeze("Rapat menyepakati jadwal apel siaga.") in squeeze(pdf_text(minutes_pdf))
    box = page.result_box
    assert box is not None
    click(qtbot, box_button(box, tr("Open &folder")))
    assert opener.opened[-1] == folder

    # Back to the automatic text.
    click(qtbot, editor.reset_button)
    assert "kesimpulan" not in load_text_overrides(ui_db, event_id)
    assert editor.model.index(row, 0).data() == "Kesimpulan/Keputusan"
    assert editor.text_edit.toPlainText() == editor.current_part().generated  # type: ignore


def test_typing_the_automatic_text_back_is_no_edit(
    qtbot: QtBot, page: DocumentsPage, ui_db: Storage, event_id: int
) -> None:
    editor = page.text_editor
    part = editor.current_part()
    assert part is not None and part.key == "kata_pembukaan"
    editor.text_edit.setFocus()
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(editor.text_edit, "x")
    editor.save_now()
    assert load_text_overrides(ui_db, event_id) == {"kata_pembukaan": part.generated + "x"}
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Backspace)
    editor.save_now()
    assert load_text_overrides(ui_db, event_id) == {}


def test_ctrl_e_creates_the_documents_in_the_default_folder(
    qtbot: QtBot, page: DocumentsPage, ui_db: Storage, event_id: int, rakor_home: Path
) -> None:
    default = export.default_output_dir(ui_db, event_id)
    assert page.folder_edit.text() == str(default)
    assert str(default).startswith(str(rakor_home))
    page.text_editor.list_view.setFocus()
    page.activateWindow()
    written = export_and_wait(
        qtbot, page, lambda: qtbot.keyClick(page.text_editor.list_view, Qt.Key.Key_E, CTRL)
    )
    assert {p.parent for p in written} == {default}
    assert {p.suffix for p in written} == {".docx", ".pdf"}


def test_an_unwritable_folder_gets_a_clear_message_and_no_files(
    qtbot: QtBot, page: DocumentsPage, tmp_path: Path
) -> None:
    blocker = tmp_path / "bukan-folder.txt"
    blocker.write_text("sebuah berkas")
    page.folder_edit.setFocus()
    page.folder_edit.selectAll()
    qtbot.keyClicks(page.folder_edit, str(blocker / "notulen"))
    qtbot.keyClick(page.folder_edit, Qt.Key.Key_Return)
    before = sorted(tmp_path.iterdir())
    with qtbot.waitSignal(page.export_failed, timeout=EXPORT_TIMEOUT_MS) as failed:
        click(qtbot, page.create_button)
    message = failed.args[0]
    assert message.startswith("Folder ") and "tidak dapat ditulis" in message
    assert str(blocker / "notulen") in message
    box = page.result_box
    assert box is not None and box.isVisible() and box.text() == message
    assert page.status_label.text() == message
    assert sorted(tmp_path.iterdir()) == before  # nothing created, nothing half-written
    assert blocker.read_text() == "sebuah berkas"
    box.accept()
    assert page.create_button.isEnabled()  # ready for another try


def test_cancelling_leaves_nothing_behind(
    qtbot: QtBot, page: DocumentsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = export.export_minutes_and_attendance
    reached, go_on = threading.Event(), threading.Event()

    def slow_export(*args: Any, progress: Any, **kwargs: Any) -> list[Path]:
        def held(done: int, total: int, what: str) -> bool | None:
            if done == 2:  # the first file is rendered: wait for the user
                reached.set()
                go_on.wait(EXPORT_TIMEOUT_MS / 1000)
            return progress(done, total, what)

        return real(*args, progress=held, **kwargs)

    monkeypatch.setattr(export, "export_minutes_and_attendance", slow_export)
    folder = tmp_path / "keluar"
    page.set_output_folder(folder)
    with qtbot.waitSignal(page.export_failed, timeout=EXPORT_TIMEOUT_MS) as failed:
        click(qtbot, page.create_button)
        assert not page.create_button.isEnabled()  # one export at a time
        qtbot.waitUntil(reached.is_set, timeout=EXPORT_TIMEOUT_MS)
        dialog = page.progress_dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible, timeout=5000)  # after half a second
        cancel_button = dialog.findChild(QPushButton)
        assert cancel_button is not None and cancel_button.text() == "Batal"
        click(qtbot, cancel_button)
        go_on.set()
    assert failed.args[0] == "Ekspor dibatalkan; tidak ada berkas yang ditulis."
    assert page.status_label.text() == failed.args[0]
    assert page.result_box is None  # no dialog for what the user asked for
    assert not folder.exists() or [p.name for p in folder.iterdir()] == []
    assert page.create_button.isEnabled() and page.progress_dialog is None


def test_the_progress_dialog_appears_when_it_takes_long(
    qtbot: QtBot, page: DocumentsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = export.export_minutes_and_attendance
    reached, go_on = threading.Event(), threading.Event()

    def slow_export(*args: Any, progress: Any, **kwargs: Any) -> list[Path]:
        def held(done: int, total: int, what: str) -> bool | None:
            result = progress(done, total, what)
            if done == 1:
                reached.set()
                go_on.wait(EXPORT_TIMEOUT_MS / 1000)
            return result

        return real(*args, progress=held, **kwargs)

    monkeypatch.setattr(export, "export_minutes_and_attendance", slow_export)
    page.set_output_folder(tmp_path / "lambat")
    with qtbot.waitSignal(page.export_finished, timeout=EXPORT_TIMEOUT_MS):
        click(qtbot, page.create_button)
        qtbot.waitUntil(reached.is_set, timeout=EXPORT_TIMEOUT_MS)
        dialog = page.progress_dialog
        assert dialog is not None
        # Qt shows it by itself after the minimum duration (half a second).
        assert dialog.minimumDuration() == 500
        qtbot.waitUntil(dialog.isVisible, timeout=5000)
        assert dialog.labelText().startswith(tr("Writing the minutes and the attendance list…"))
        go_on.set()
    assert page.progress_dialog is None
    box = page.result_box
    assert box is not None
    click(qtbot, box_button(box, tr("Close")))


def test_question_log_and_attendance_as_spreadsheets(
    qtbot: QtBot, page: DocumentsPage, ui_db: Storage, event_id: int, tmp_path: Path,
    opener: Opener,
) -> None:
    import openpyxl

    folder = tmp_path / "xlsx"
    page.set_output_folder(folder)
    written = export_and_wait(qtbot, page, lambda: click(qtbot, page.questions_button))
    assert [p.suffix for p in written] == [".xlsx"] and written[0].name.startswith("Log Pertanyaan")
    openpyxl.load_workbook(written[0]).close()
    box = page.result_box
    assert box is not None
    click(qtbot, box_button(box, tr("Open the f&ile")))
    assert opener.opened == [written[0]]

    written = export_and_wait(qtbot, page, lambda: click(qtbot, page.attendance_button))
    assert written[0].name.startswith("Daftar Hadir") and written[0].suffix == ".xlsx"
    book = openpyxl.load_workbook(written[0], read_only=True)
    cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row if c]
    book.close()
    first = ui_db.list_invitees(event_id)[0].person.name
    assert any(first in c for c in cells)
    assert any("Yusuf Harahap" in c for c in cells)
    assert not [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_the_chosen_folder_is_remembered_for_the_event(
    qtbot: QtBot, page: DocumentsPage, ui_db: Storage, event_id: int, tmp_path: Path,
    opener: Opener,
) -> None:
    chosen = tmp_path / "arsip" / "rakor"
    page.choose_folder = lambda start: chosen
    click(qtbot, page.choose_folder_button)
    assert page.folder_edit.text() == str(chosen)

    again = DocumentsPage(ui_db, Settings(), open_url=opener)
    qtbot.addWidget(again)
    again.set_event(event_id)
    assert again.folder_edit.text() == str(chosen)
    other = create_demo_event(ui_db)
    again.set_event(other)
    assert again.folder_edit.text() == str(export.default_output_dir(ui_db, other))
    again.set_event(event_id)
    click(qtbot, again.default_folder_button)
    assert again.folder_edit.text() == str(export.default_output_dir(ui_db, event_id))
    again.set_event(None)
    assert not again.isEnabled()


def test_coming_back_shows_what_changed_elsewhere(
    qtbot: QtBot, page: DocumentsPage, ui_db: Storage, event_id: int, tmp_path: Path
) -> None:
    from rakor_desktop.exports.documents.photos import add_photo_file

    page.hide()
    event_ops.update_event(ui_db, event_id, {"title": "Rakor Kesiapan Pilkada"})
    add_photo_file(ui_db, event_id, png_file(tmp_path / "baru.png"), caption="Foto bersama")
    page.show()
    assert page.folder_edit.text() == str(export.default_output_dir(ui_db, event_id))
    assert "Pilkada" in page.folder_edit.text()
    assert page.photos_widget.model.index(0, 0).data() == "Foto bersama"
