"""The invitation list driven like a person: add, pick from the directory, edit, remove,
import, and print the QR invitations and name tags."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.models import Event, Person, Role
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations
from rakor_desktop.operations.checkin import Desk
from rakor_desktop.operations.invitations import InviteeDetails
from rakor_desktop.storage import Storage
from ui.mainwindow import MainWindow
from ui.participants.invitee_dialog import DirectorySuggestionModel, InviteeDialog, role_label
from ui.participants.participants_page import ParticipantsPage, ParticipantsTableModel
from ui.tasks import wait_for_background_tasks

MakeWindow = Callable[..., MainWindow]
NIP_SRI = "197703122003122007"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _tr(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def _event(storage: Storage, title: str = "Rakor Pemilu") -> int:
    return event_ops.create_event(
        storage,
        Event(title=title, date=date(2023, 12, 14), start_time=time(9),
              venue="Aula Griya Mayang", organizer_unit="Badan Kesatuan Bangsa dan Politik"),
    )


def _invite(storage: Storage, event_id: int, name: str, **fields: Any) -> int:
    invitee = invitations.add_invitee(
        storage, event_id, InviteeDetails(person=Person(name=name), **fields)
    )
    assert invitee.id is not None
    return invitee.id


def _page(window: MainWindow, qtbot: QtBot) -> ParticipantsPage:
    window.activateWindow()
    window.show_area(window.AREAS.index("participants"))
    page = window.participants_page
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus, timeout=2000)
    return page


_handler_errors: list[BaseException] = []


@pytest.fixture(autouse=True)
def _no_handler_errors() -> Any:
    """A failed assertion inside a dialog handler fails the test (and closes the dialog)."""
    _handler_errors.clear()
    yield
    if _handler_errors:
        raise _handler_errors[0]


def _press(qtbot: QtBot, widget: QWidget, key: Qt.Key, modifiers: Any = None) -> None:
    """A key press as a person makes it: into the active window (after a dialog closed,
    the offscreen platform does not give the activation back by itself)."""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    widget.setFocus()
    if modifiers is None:
        qtbot.keyClick(widget, key)
    else:
        qtbot.keyClick(widget, key, modifiers)


def when_shown(qtbot: QtBot, kind: type, handle: Callable[[Any], None]) -> None:
    """Run ``handle`` once a modal of ``kind`` is open (a progress dialog may come first)."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible() and widget.isActiveWindow():
            try:
                handle(widget)
            except BaseException as exc:
                _handler_errors.append(exc)
                widget.close()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _type(qtbot: QtBot, text: str) -> None:
    """Type into whatever has the keyboard focus, then Tab on."""
    focused = QApplication.focusWidget()
    assert focused is not None
    if text:
        qtbot.keyClicks(focused, text)
    qtbot.keyClick(focused, Qt.Key.Key_Tab)


def test_add_an_invitee_with_the_keyboard(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    _invite(ui_db, event_id, "Budi Santoso")
    window = make_window(ui_db)
    page = _page(window, qtbot)
    seen: dict[str, Any] = {}

    def fill(dialog: InviteeDialog) -> None:
        assert dialog.windowTitle() == dialog.tr("Add invitee")
        qtbot.waitUntil(dialog.name_edit.hasFocus, timeout=2000)  # the form opens on the name
        assert not dialog.ok_button.isEnabled()
        _type(qtbot, "Dr. H. Sri Purwaningsih, M.Si.")  # name, titles split on Tab
        seen["titles"] = (dialog.front_titles_edit.text(), dialog.name_edit.text(),
                          dialog.back_titles_edit.text())
        _type(qtbot, "")  # front titles
        _type(qtbot, "")  # back titles
        _type(qtbot, "19770312 200312 2 007")  # NIP
        _type(qtbot, "Pembina")
        _type(qtbot, "IV/a")
        _type(qtbot, "Kepala Badan Kesbangpol")
        _type(qtbot, "Pemerintah Kota Jambi")
        _type(qtbot, "Forkopimda")  # group: typed into the editable combo
        _type(qtbot, "0812 7400 1234")
        assert dialog.gender_combo.hasFocus()
        qtbot.keyClick(dialog.gender_combo, Qt.Key.Key_P)
        qtbot.keyClick(dialog.gender_combo, Qt.Key.Key_Tab)
        assert dialog.role_combo.hasFocus()
        qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Down)  # narasumber
        assert dialog.ok_button.isEnabled()
        qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Return)

    when_shown(qtbot, InviteeDialog, fill)
    _press(qtbot, page.table, Qt.Key.Key_N, CTRL_SHIFT)

    assert seen["titles"] == ("Dr. H.", "Sri Purwaningsih", "M.Si.")
    added = ui_db.list_invitees(event_id, "purwaningsih")
    assert len(added) == 1
    sri = added[0]
    person = sri.person
    assert (person.front_titles, person.name, person.back_titles) == (
        "Dr. H.", "Sri Purwaningsih", "M.Si.",
    )
    assert (person.nip, person.pangkat, person.golongan, person.phone, person.gender) == (
        NIP_SRI, "Pembina", "IV/a", "0812 7400 1234", "P",
    )
    assert (sri.jabatan, sri.instansi, sri.group_name, sri.role) == (
        "Kepala Badan Kesbangpol", "Pemerintah Kota Jambi", "Forkopimda", Role.NARASUMBER,
    )
    # The new row is selected and shows the name with titles and the role.
    row = page.table.currentIndex().row()
    assert page.model.index(row, 1).data() == "Dr. H. Sri Purwaningsih, M.Si."
    role_column = ParticipantsTableModel.COLUMNS.index("role")
    assert page.model.index(row, role_column).data() == role_label(Role.NARASUMBER)
    assert page.count_label.text() == page.tr(
        "{shown} shown · {invited} invited · {present} present"
    ).format(shown=2, invited=2, present=0)


def test_insert_key_also_adds_and_cancel_changes_nothing(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    window = make_window(ui_db)
    page = _page(window, qtbot)

    def cancel(dialog: InviteeDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "Tidak Jadi")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)

    when_shown(qtbot, InviteeDialog, cancel)
    _press(qtbot, page.table, Qt.Key.Key_Insert)
    assert ui_db.count_invitees(event_id) == 0


def test_pick_a_person_from_the_directory_suggestions(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    earlier = _event(ui_db, "Rakor Nataru")
    invitations.add_invitee(
        ui_db, earlier,
        InviteeDetails(person=Person(name="Sri Purwaningsih", front_titles="Dr. H.",
                                     back_titles="M.Si.", nip=NIP_SRI, phone="0812 1"),
                       jabatan="Kepala Badan Kesbangpol", instansi="Pemerintah Kota Jambi",
                       group_name="OPD"),
    )
    event_id = _event(ui_db, "Rakor Pemilu")
    window = make_window(ui_db)
    window.open_event(event_id)
    page = _page(window, qtbot)
    seen: dict[str, Any] = {}

    def pick(dialog: InviteeDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "purwa")
        popup = dialog.completer.popup()
        qtbot.waitUntil(popup.isVisible, timeout=2000)
        seen["suggested"] = dialog.suggestions.index(0, 0).data()
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.name_edit.text() == "Sri Purwaningsih", timeout=2000)
        seen["filled"] = (dialog.name_edit.text(), dialog.front_titles_edit.text(),
                          dialog.nip_edit.text(), dialog.jabatan_edit.text(),
                          dialog.group_combo.currentText())
        seen["hint"] = dialog.directory_label.isVisibleTo(dialog)
        # The directory remembers her; her new position is typed over the old one.
        qtbot.waitUntil(dialog.jabatan_edit.hasFocus, timeout=2000)
        dialog.jabatan_edit.selectAll()
        qtbot.keyClicks(dialog.jabatan_edit, "Sekretaris Daerah")
        qtbot.keyClick(dialog.jabatan_edit, Qt.Key.Key_Return)

    when_shown(qtbot, InviteeDialog, pick)
    page.add_action.trigger()

    assert "Sri Purwaningsih" in seen["suggested"]
    assert "Kepala Badan Kesbangpol" in seen["suggested"]
    assert seen["filled"] == (
        "Sri Purwaningsih", "Dr. H.", NIP_SRI, "Kepala Badan Kesbangpol", "OPD",
    )
    assert seen["hint"] is True
    (invitee,) = ui_db.list_invitees(event_id)
    assert invitee.jabatan == "Sekretaris Daerah"
    assert ui_db.conn.execute("SELECT COUNT(*) FROM persons").fetchone()[0] == 1
    person = ui_db.get_person(invitee.person.id or 0)
    assert person is not None and person.jabatan == "Sekretaris Daerah"
    assert person.phone == "0812 1"
    (old,) = ui_db.list_invitees(earlier)
    assert old.jabatan == "Kepala Badan Kesbangpol"


def test_someone_already_on_the_list_is_marked_and_cannot_be_added_again(
    ui_db: Storage, qtbot: QtBot, translations: object
) -> None:
    event_id = _event(ui_db)
    _invite(ui_db, event_id, "Sri Purwaningsih")
    dialog = InviteeDialog(ui_db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, "sri")
    suggestion = dialog.suggestions.index(0, 0)
    assert _tr("DirectorySuggestionModel", "(already on this list)") in suggestion.data()
    dialog.completer.activated[type(suggestion)].emit(suggestion)  # type: ignore[index]
    qtbot.waitUntil(lambda: not dialog.ok_button.isEnabled(), timeout=2000)
    assert "Sri Purwaningsih" in dialog.error_label.text()


def test_the_form_validates_as_you_type(
    ui_db: Storage, qtbot: QtBot, translations: object
) -> None:
    event_id = _event(ui_db)
    _invite(ui_db, event_id, "Budi Santoso", group_name="Tokoh Agama")
    dialog = InviteeDialog(ui_db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    groups = [dialog.group_combo.itemText(i) for i in range(dialog.group_combo.count())]
    assert groups[:3] == ["Forkopimda", "KPU", "Bawaslu"] and "Tokoh Agama" in groups
    roles = [dialog.role_combo.itemData(i) for i in range(dialog.role_combo.count())]
    assert roles == ["peserta", "narasumber", "moderator", "panitia"]

    qtbot.keyClicks(dialog.name_edit, "Dr. H., M.Si.")  # titles only
    assert not dialog.ok_button.isEnabled()
    assert dialog.tr("Type the name, not only the titles.") in dialog.error_label.text()
    dialog.name_edit.clear()
    assert dialog.tr("The name is required.") in dialog.error_label.text()
    qtbot.keyClicks(dialog.name_edit, "Andi")
    assert dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.nip_edit, "1977 0312")
    # 8 digits could be a Polri NRP (YYMM...), but 77 is no month: accepted with a note
    assert dialog.ok_button.isEnabled()
    assert "bukan bulan" in dialog.nip_error.text()
    qtbot.keyClicks(dialog.nip_edit, " 200312 2")  # 15 digits: neither NRP nor NIP
    assert not dialog.ok_button.isEnabled()
    assert dialog.nip_error.isVisible()
    assert "18 digit" in dialog.nip_error.text()  # the core's message, in Indonesian
    qtbot.keyClicks(dialog.nip_edit, " 007")
    assert not dialog.nip_error.isVisible()
    assert dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.phone_edit, "nomor saya")
    assert not dialog.ok_button.isEnabled()
    dialog.phone_edit.setText("+62 812-7400-1234")
    assert dialog.ok_button.isEnabled()


def test_edit_with_enter_keeps_code_and_attendance(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    first = _invite(ui_db, event_id, "Budi Santoso")
    sri = _invite(ui_db, event_id, "Sri Purwaningsih", jabatan="Kepala Badan")
    checkin_ops.checkin_invitee(ui_db, sri, Desk(station="meja-1"))
    code = ui_db.get_invitee(sri).checkin_code  # type: ignore[union-attr]
    window = make_window(ui_db)
    page = _page(window, qtbot)
    present_column = ParticipantsTableModel.COLUMNS.index("present")
    assert page.model.index(1, present_column).data()  # the time she came
    assert page.model.index(0, present_column).data() == ""
    seen: dict[str, Any] = {}

    def edit(dialog: InviteeDialog) -> None:
        seen["title"] = (dialog.windowTitle(), dialog.tr("Edit invitee"))
        seen["status"] = dialog.status_label.text()
        seen["completer"] = dialog.name_edit.completer()
        dialog.jabatan_edit.setFocus()
        dialog.jabatan_edit.selectAll()
        qtbot.keyClicks(dialog.jabatan_edit, "Sekretaris Daerah")
        qtbot.keyClick(dialog.jabatan_edit, Qt.Key.Key_Return)

    _press(qtbot, page.table, Qt.Key.Key_Down)
    _press(qtbot, page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1
    when_shown(qtbot, InviteeDialog, edit)
    _press(qtbot, page.table, Qt.Key.Key_Return)

    assert seen["title"][0] == seen["title"][1]
    assert code in seen["status"]
    assert seen["completer"] is None  # no directory suggestions while editing
    edited = ui_db.get_invitee(sri)
    assert edited is not None
    assert (edited.jabatan, edited.checkin_code) == ("Sekretaris Daerah", code)
    assert edited.first_checkin_at is not None
    jabatan_column = ParticipantsTableModel.COLUMNS.index("jabatan")
    assert page.model.index(1, jabatan_column).data() == "Sekretaris Daerah"
    assert page.table.currentIndex().row() == 1
    assert ui_db.get_invitee(first) is not None

    # F2 and a double click open the same form.
    for open_form in (
        lambda: _press(qtbot, page.table, Qt.Key.Key_F2),
        lambda: page.table.doubleClicked.emit(page.model.index(0, 1)),
    ):
        opened: list[str] = []

        def close(dialog: InviteeDialog, opened: list[str] = opened) -> None:
            opened.append(dialog.name_edit.text())
            dialog.reject()

        when_shown(qtbot, InviteeDialog, close)
        open_form()
        assert opened


def test_remove_asks_first_and_keeps_the_person_in_the_directory(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    _invite(ui_db, event_id, "Budi Santoso")
    _invite(ui_db, event_id, "Sri Purwaningsih")
    window = make_window(ui_db)
    page = _page(window, qtbot)
    page.table.selectRow(0)
    questions: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QMessageBox], None]:
        def handle(box: QMessageBox) -> None:
            questions.append(box.text())
            box.button(button).click()
        return handle

    when_shown(qtbot, QMessageBox, answer(QMessageBox.StandardButton.No))
    _press(qtbot, page.table, Qt.Key.Key_Delete)
    assert ui_db.count_invitees(event_id) == 2
    assert "Budi Santoso" in questions[0]

    when_shown(qtbot, QMessageBox, answer(QMessageBox.StandardButton.Yes))
    _press(qtbot, page.table, Qt.Key.Key_Delete)
    assert [i.person.name for i in ui_db.list_invitees(event_id)] == ["Sri Purwaningsih"]
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "Sri Purwaningsih"
    assert ui_db.search_persons("budi")  # still in the directory
    # Delete in the search field deletes text, not invitees.
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "sri")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Home)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Delete)
    assert page.search_edit.text() == "ri"
    assert ui_db.count_invitees(event_id) == 1


def test_remove_is_refused_with_the_cores_message_once_attendance_exists(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    sri = _invite(ui_db, event_id, "Sri Purwaningsih")
    checkin_ops.checkin_invitee(ui_db, sri, Desk(station="meja-1"))
    window = make_window(ui_db)
    page = _page(window, qtbot)
    page.table.selectRow(0)
    shown: list[tuple[str, str]] = []

    def read(box: QMessageBox) -> None:
        shown.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()

    when_shown(qtbot, QMessageBox, read)
    _press(qtbot, page.table, Qt.Key.Key_Delete)

    assert shown == [(
        page.tr("Cannot remove"),
        "Sri Purwaningsih tidak dapat dihapus: kehadirannya sudah tercatat. "
        "Batalkan check-in bila perlu; riwayatnya tetap tersimpan.",
    )]  # no "are you sure?" first: straight to the reason
    assert ui_db.count_invitees(event_id) == 1


def test_print_invitations_and_name_tags_in_the_background_then_open(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    event_id = _event(ui_db)
    ids = [_invite(ui_db, event_id, f"Peserta {n}", instansi="PT A&B <Persero>")
           for n in range(3)]
    window = make_window(ui_db)
    page = _page(window, qtbot)
    target: dict[str, Path] = {}
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(target["path"]), "PDF")),
    )
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(QUrl(url).toLocalFile())))

    def say_yes(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Yes).click()

    # Everybody, on F4: the name typed without ".pdf" gets it.
    page.table.clearSelection()
    assert page.paper_combo.currentText() == "F4"  # the event's document paper by default
    target["path"] = tmp_path / "undangan"
    when_shown(qtbot, QMessageBox, say_yes)
    with qtbot.waitSignal(page.document_written, timeout=20000):
        page.print_cards_action.trigger()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    assert opened == [str(tmp_path / "undangan.pdf")]
    reader = PdfReader(tmp_path / "undangan.pdf")
    assert len(reader.pages) == 2
    assert round(float(reader.pages[0].mediabox.height), 1) == 935.4
    assert "PT A&B <Persero>" in reader.pages[0].extract_text()

    # Only the selected invitee's name tag, on A4; the file is not opened this time.
    page.paper_combo.setCurrentText("A4")
    page.table.selectRow(1)
    target["path"] = tmp_path / "tanda-nama.pdf"
    choices: list[str] = []

    def selected_only(box: QMessageBox) -> None:
        buttons = {b.text(): b for b in box.buttons()}
        choices.extend(buttons)
        wanted = page.tr("&Selected ({count})").format(count=1)
        buttons[wanted].click()
        when_shown(qtbot, QMessageBox,
                   lambda done: done.button(QMessageBox.StandardButton.No).click())

    when_shown(qtbot, QMessageBox, selected_only)
    with qtbot.waitSignal(page.document_written, timeout=20000):
        page.print_tags_action.trigger()
    wait_for_background_tasks()
    assert page.tr("&Everybody ({count})").format(count=3) in choices
    text = PdfReader(tmp_path / "tanda-nama.pdf").pages[0].extract_text()
    codes = [ui_db.get_invitee(i).checkin_code for i in ids]  # type: ignore[union-attr]
    assert codes[1] in text and codes[0] not in text and codes[2] not in text
    assert len(opened) == 1


def test_printing_into_a_folder_that_cannot_be_written_says_so(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    event_id = _event(ui_db)
    _invite(ui_db, event_id, "Sri Purwaningsih")
    window = make_window(ui_db)
    page = _page(window, qtbot)
    page.table.clearSelection()
    missing = tmp_path / "tidak ada" / "undangan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(missing), "PDF")))
    warnings: list[str] = []

    def read(box: QMessageBox) -> None:
        warnings.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    when_shown(qtbot, QMessageBox, read)
    page.print_cards_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert "tidak dapat ditulisi" in warnings[0]
    assert not missing.parent.exists()


def test_search_then_enter_goes_to_the_matches(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    for name in ("Budi Santoso", "Sri Purwaningsih", "Ahmad Yani"):
        _invite(ui_db, event_id, name)
    window = make_window(ui_db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.search_action.trigger()  # Ctrl+F
    page = window.participants_page
    qtbot.keyClicks(page.search_edit, "ahmad")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.table.hasFocus()
    assert page.model.rowCount() == 1
    assert page.selected_invitees()[0].person.name == "Ahmad Yani"
    assert page.edit_action.isEnabled() and page.remove_action.isEnabled()


def test_models_pass_the_qt_model_tester(
    ui_db: Storage, qtmodeltester: Any, translations: object
) -> None:
    event_id = _event(ui_db)
    for n in range(230):  # more than one page of the SQL paging
        _invite(ui_db, event_id, f"Peserta {n:03d}", group_name="OPD")
    invitations.change_invitee_role(ui_db, 1, Role.PANITIA)
    model = ParticipantsTableModel(ui_db)
    model.set_event(event_id)
    qtmodeltester.check(model)
    role_column = ParticipantsTableModel.COLUMNS.index("role")
    assert model.headerData(role_column, Qt.Orientation.Horizontal) == _tr(
        "ParticipantsTableModel", "Role"
    )
    assert model.index(0, role_column).data() == role_label(Role.PANITIA)
    assert model.index(229, 1).data() == "Peserta 229"
    assert model.row_of(200) == 199
    model.set_query("peserta 20")
    qtmodeltester.check(model)
    assert model.invitee(model.row_of(201)).id == 201  # type: ignore[union-attr]
    assert model.row_of(5) == -1  # not among the matches

    suggestions = DirectorySuggestionModel(ui_db, event_id)
    suggestions.set_query("peserta 1")
    qtmodeltester.check(suggestions)
    assert suggestions.rowCount() == 12
    assert suggestions.person(0) is not None
    suggestions.set_query("p")  # too short to look up
    assert suggestions.rowCount() == 0
    qtmodeltester.check(suggestions)


def test_cancelling_the_printing_stops_the_worker_and_leaves_no_file(
    ui_db: Storage, tmp_path: Path
) -> None:
    from rakor_desktop.exports import cards
    from ui.tasks import Progress, TaskCancelled

    event_id = _event(ui_db)
    for n in range(3):
        _invite(ui_db, event_id, f"Peserta {n}")
    state = Progress()
    cards.render_name_tags(ui_db, event_id, tmp_path / "a.pdf", progress=state.step)
    assert (state.done, state.total) == (3, 3)
    state.cancel()
    with pytest.raises(TaskCancelled):
        cards.render_invitation_cards(ui_db, event_id, tmp_path / "b.pdf", progress=state.step)
    assert sorted(p.name for p in tmp_path.iterdir() if "pdf" in p.name) == ["a.pdf"]
