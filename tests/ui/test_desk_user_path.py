"""The registration desk driven the way the operator uses it: from the main window.

The demo rakor is open, the desk comes up with Ctrl+R, names are typed into whatever
has the keys, a scanner is a burst of characters and Enter, F-keys are pressed after a
click elsewhere in the window, dialogs are answered with the keyboard. The assertions
are what the operator sees: who is present in the database and on screen, the panel's
words, the counts.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.formatting import format_name
from rakor_desktop.models import AttendanceKind, Invitee
from rakor_desktop.settings import Settings, load_settings
from rakor_desktop.storage import Storage
from ui.desk.checkin_page import (
    CheckinPage,
    DeskOperatorDialog,
    HistoryDialog,
    UndoDialog,
    WalkInDialog,
)
from ui.desk.signature_pad import SignatureDialog, SignaturePad
from ui.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]
MODAL_WAIT_S = 5.0


def page_tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("CheckinPage", text, None, n)


def pad_tr(text: str) -> str:
    return QCoreApplication.translate("SignatureDialog", text)


_test_generation = [0]


@pytest.fixture(autouse=True)
def _new_generation() -> None:
    _test_generation[0] += 1


def on_modal(
    qtbot: QtBot,
    handle: Callable[[QWidget], None],
    *,
    not_this: QWidget | None = None,
    wait_s: float = MODAL_WAIT_S,
) -> dict[str, bool]:
    """Run ``handle`` on the next modal dialog (not ``not_this``); report whether it ran.

    A dialog that is still open after ``handle`` (an assertion failed in it) is closed,
    so a failing test fails instead of hanging in ``exec()``; polling stops after a while.
    """
    seen = {"ran": False}
    deadline = time.monotonic() + wait_s
    generation = _test_generation[0]

    def poll() -> None:
        if generation != _test_generation[0]:
            return  # left over from an earlier test: never touch this test's dialogs
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is not_this or not dialog.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(20, poll)
            return
        seen["ran"] = True
        try:
            # The operator types once the dialog has the keys (the window is activated).
            qtbot.waitUntil(lambda: _has_keys(dialog), timeout=2000)
            handle(dialog)
        finally:
            if dialog.isVisible() and hasattr(dialog, "reject"):
                dialog.reject()

    QTimer.singleShot(0, poll)
    return seen


def _has_keys(dialog: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is dialog or dialog.isAncestorOf(focus))


def keys() -> QWidget:
    """The widget that has the keyboard now (where the operator's keys go)."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_keys(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(keys(), text)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(keys(), key)


def scan(qtbot: QtBot, code: str) -> None:
    """A USB scanner: the code and Enter within milliseconds, into whatever has the keys."""
    qtbot.keyClicks(keys(), code)
    qtbot.keyClick(keys(), Qt.Key.Key_Return)


def draw(qtbot: QtBot, pad: SignaturePad) -> None:
    points = [(40, 100), (90, 50), (150, 120), (220, 60), (280, 110)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def settle(qtbot: QtBot) -> None:
    gc.collect()
    qtbot.wait(50)


@pytest.fixture
def event_id(ui_db: Storage) -> int:
    return create_demo_event(ui_db)


def invitee(storage: Storage, event_id: int, name: str) -> Invitee:
    [found] = [i for i in storage.list_invitees(event_id) if i.person.name == name]
    return found


def present(storage: Storage, who: Invitee) -> bool:
    assert who.id is not None
    return bool(storage.active_checkins(who.id))


def open_desk(qtbot: QtBot, window: MainWindow) -> CheckinPage:
    window.resize(1340, 690)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    desk = window.participants_area.desk
    assert desk.isVisible()
    qtbot.waitUntil(desk.search_edit.hasFocus)
    return desk


@pytest.fixture
def window(make_window: MakeWindow, ui_db: Storage, event_id: int) -> MainWindow:
    return make_window(ui_db)


# -- item 3: Enter checks in only an unambiguous match ---------------------------------------


def test_a_partial_name_and_enter_asks_which_one_and_checks_in_nobody(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int
) -> None:
    desk = open_desk(qtbot, window)
    type_keys(qtbot, "andi")
    press(qtbot, Qt.Key.Key_Return)
    assert ui_db.attendance_counts(event_id).present == 0  # not Andi Aziz, the top one
    assert desk.feedback.kind == "info"
    assert page_tr("%n people match — choose one with ↑↓, then press Enter", 7) in (
        desk.feedback.text()
    )
    assert desk.search_edit.text() == "andi"  # nothing typed is lost
    press(qtbot, Qt.Key.Key_Return)  # a second Enter does not pick one either
    assert ui_db.attendance_counts(event_id).present == 0

    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)  # the operator moves to the second one
    press(qtbot, Qt.Key.Key_Return)
    fajar = invitee(ui_db, event_id, "Andi Fajar Zainuddin")
    assert present(ui_db, fajar)
    assert not present(ui_db, invitee(ui_db, event_id, "Andi Aziz"))
    assert "Kombes Pol. Andi Fajar Zainuddin, S.I.K., M.H." in desk.feedback.text()
    assert desk.search_edit.text() == ""

    # A row clicked with the mouse is chosen too.
    type_keys(qtbot, "andi")
    settle(qtbot)
    rect = desk.table.visualRect(desk.model.index(3, 0))
    qtbot.mouseClick(desk.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    press(qtbot, Qt.Key.Key_Return)
    assert present(ui_db, invitee(ui_db, event_id, "Andi Mahmud"))

    # One match: Enter checks in at once.
    type_keys(qtbot, "aziz andi")
    press(qtbot, Qt.Key.Key_Return)
    assert present(ui_db, invitee(ui_db, event_id, "Andi Aziz"))

    # Scanner bursts still check in at once, one after the other.
    first, second = ui_db.list_invitees(event_id)[40:42]
    scan(qtbot, first.checkin_code)
    scan(qtbot, second.checkin_code)
    assert present(ui_db, first) and present(ui_db, second)
    assert ui_db.attendance_counts(event_id).present == 5
    settle(qtbot)
    assert window.counts_label.text().endswith("5 / 150")


def test_f_keys_act_on_a_chosen_match_only(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int
) -> None:
    desk = open_desk(qtbot, window)
    aziz = invitee(ui_db, event_id, "Andi Aziz")
    scan(qtbot, aziz.checkin_code)
    type_keys(qtbot, "andi")  # seven match; the panel still shows Andi Aziz
    window.area_list.setFocus()
    qtbot.keyClick(window.area_list, Qt.Key.Key_F8)  # not "undo Andi Aziz" by accident
    settle(qtbot)
    assert QApplication.activeModalWidget() is None
    assert desk.feedback.kind == "error"
    assert page_tr("Nobody selected") in desk.feedback.text()
    assert present(ui_db, aziz)


# -- item 4: a walk-in who is on the list is checked in, not added ---------------------------


def test_walk_in_offers_the_matching_invitees_first(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int
) -> None:
    desk = open_desk(qtbot, window)
    rusli = invitee(ui_db, event_id, "Andi Rusli")

    def invited_after_all(dialog: QWidget) -> None:
        assert isinstance(dialog, WalkInDialog)
        type_keys(qtbot, "H. Andi Rusli")  # typed as the guest says it, titles and all
        assert dialog.match_count() == 1
        assert dialog.matches_model.index(0, 0).data() == "Andi Rusli, S.E."
        press(qtbot, Qt.Key.Key_Return)  # Enter alone never adds a second Andi Rusli
        assert dialog.isVisible()
        assert dialog.hint_label.text()
        press(qtbot, Qt.Key.Key_Down)  # choose him
        press(qtbot, Qt.Key.Key_Return)

    window.area_list.setFocus()  # F2 works from anywhere in the window
    ran = on_modal(qtbot, invited_after_all)
    qtbot.keyClick(window.area_list, Qt.Key.Key_F2)
    settle(qtbot)
    assert ran["ran"]
    assert ui_db.attendance_counts(event_id).invited == 150  # nobody new
    assert present(ui_db, rusli)
    assert desk.feedback.kind == "ok"
    assert "Andi Rusli, S.E." in desk.feedback.text()
    assert page_tr("On the invitation list: checked in as invited.") in desk.feedback.text()

    def new_guest(dialog: QWidget) -> None:
        assert isinstance(dialog, WalkInDialog)
        type_keys(qtbot, "Yusuf Hamdani, S.E.")
        assert dialog.match_count() == 0
        press(qtbot, Qt.Key.Key_Return)

    on_modal(qtbot, new_guest)
    qtbot.keyClick(keys(), Qt.Key.Key_F2)
    settle(qtbot)
    assert ui_db.attendance_counts(event_id).invited == 151
    assert ui_db.attendance_counts(event_id).present == 2
    assert "Yusuf Hamdani, S.E." in desk.feedback.text()


# -- item 5: signatures --------------------------------------------------------------------


def test_enter_after_drawing_saves_and_the_panel_names_the_signer(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int
) -> None:
    desk = open_desk(qtbot, window)
    qtbot.mouseClick(desk.ask_signature_check, Qt.MouseButton.LeftButton)
    assert desk.ask_signature_check.isChecked()
    aziz = invitee(ui_db, event_id, "Andi Aziz")
    mahmud = invitee(ui_db, event_id, "Andi Mahmud")

    def sign(dialog: QWidget) -> None:
        assert isinstance(dialog, SignatureDialog)
        assert dialog.who == "Andi Aziz, S.H., M.H."
        press(qtbot, Qt.Key.Key_Return)  # nothing drawn: Enter does not skip
        assert dialog.isVisible()
        draw(qtbot, dialog.pad)
        press(qtbot, Qt.Key.Key_Return)  # drawn: Enter saves

    ran = on_modal(qtbot, sign)
    scan(qtbot, aziz.checkin_code)
    settle(qtbot)
    assert ran["ran"]
    assert aziz.id is not None
    kinds = [e.kind for e in ui_db.attendance_history(aziz.id)]
    assert kinds == [AttendanceKind.CHECKIN, AttendanceKind.SIGNATURE]
    assert "Andi Aziz, S.H., M.H." in desk.feedback.text()
    assert page_tr("Signature saved.") in desk.feedback.text()

    # Andi Mahmud arrives and skips (Esc); then Andi Aziz signs again with F4: the panel
    # must name Andi Aziz, not Andi Mahmud whose check-in it showed.
    on_modal(qtbot, lambda dialog: press(qtbot, Qt.Key.Key_Escape))
    scan(qtbot, mahmud.checkin_code)
    settle(qtbot)
    assert mahmud.id is not None
    assert [e.kind for e in ui_db.attendance_history(mahmud.id)] == [AttendanceKind.CHECKIN]
    assert "Andi Mahmud" in desk.feedback.text()

    def sign_again(dialog: QWidget) -> None:
        assert isinstance(dialog, SignatureDialog)
        draw(qtbot, dialog.pad)
        press(qtbot, Qt.Key.Key_Return)

    type_keys(qtbot, "aziz andi")
    settle(qtbot)
    window.area_list.setFocus()
    on_modal(qtbot, sign_again)
    qtbot.keyClick(window.area_list, Qt.Key.Key_F4)
    settle(qtbot)
    assert len(ui_db.attendance_history(aziz.id)) == 3
    text = desk.feedback.text()
    assert "Andi Aziz, S.H., M.H." in text and "Andi Mahmud" not in text


def test_a_scan_while_someone_signs_checks_the_next_guest_in_and_loses_nothing(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int
) -> None:
    desk = open_desk(qtbot, window)
    qtbot.mouseClick(desk.ask_signature_check, Qt.MouseButton.LeftButton)
    first, second, third = ui_db.list_invitees(event_id)[10:13]
    pads: list[str] = []

    def first_signs(dialog: QWidget) -> None:
        assert isinstance(dialog, SignatureDialog)
        pads.append(dialog.who)
        draw(qtbot, dialog.pad)  # signing …
        scan(qtbot, second.checkin_code)  # … while the queue moves on
        assert present(ui_db, second)
        assert dialog.isVisible()  # the pad stays for the one signing
        type_keys(qtbot, third.checkin_code)  # a scanner set to end its codes with Tab
        press(qtbot, Qt.Key.Key_Tab)
        assert present(ui_db, third)
        assert second.person.name in dialog.waiting_label.text()
        assert third.person.name in dialog.waiting_label.text()
        on_modal(qtbot, second_signs, not_this=dialog)
        press(qtbot, Qt.Key.Key_Return)  # the first signature is saved

    def second_signs(dialog: QWidget) -> None:
        assert isinstance(dialog, SignatureDialog)
        pads.append(dialog.who)
        draw(qtbot, dialog.pad)
        on_modal(qtbot, third_skips, not_this=dialog)
        press(qtbot, Qt.Key.Key_Return)

    def third_skips(dialog: QWidget) -> None:
        assert isinstance(dialog, SignatureDialog)
        pads.append(dialog.who)
        press(qtbot, Qt.Key.Key_Escape)  # skipping is a deliberate Esc

    on_modal(qtbot, first_signs)
    scan(qtbot, first.checkin_code)
    settle(qtbot)
    assert pads == [
        format_name(p.person.name, p.person.front_titles, p.person.back_titles)
        for p in (first, second, third)
    ]
    for who, kinds in (
        (first, [AttendanceKind.CHECKIN, AttendanceKind.SIGNATURE]),
        (second, [AttendanceKind.CHECKIN, AttendanceKind.SIGNATURE]),
        (third, [AttendanceKind.CHECKIN]),
    ):
        assert who.id is not None
        assert [e.kind for e in ui_db.attendance_history(who.id)] == kinds
    assert ui_db.attendance_counts(event_id).present == 3
    qtbot.waitUntil(desk.search_edit.hasFocus)  # ready for the next scan


# -- item 10: the desk at 1366 x 728 -------------------------------------------------------


def test_the_desk_fits_a_laptop_screen(
    qtbot: QtBot, window: MainWindow, make_window: MakeWindow, ui_db: Storage, event_id: int
) -> None:
    desk = open_desk(qtbot, window)
    type_keys(qtbot, "andi")
    settle(qtbot)
    table = desk.table
    instansi = desk.model.COLUMNS.index("instansi")
    name = desk.model.COLUMNS.index("name")
    assert not table.isColumnHidden(instansi) and not table.isColumnHidden(name)
    right_edge = table.columnViewportPosition(instansi) + table.columnWidth(instansi)
    assert right_edge <= table.viewport().width()  # the Instansi column is not cut
    assert table.columnWidth(name) >= 200 and table.columnWidth(instansi) >= 170
    # Long texts are elided; the whole text is the tooltip.
    assert desk.model.index(0, instansi).data(Qt.ItemDataRole.ToolTipRole)
    groups = desk.groups_table
    assert groups.model().rowCount() == 9
    for row in range(9):  # every group's count is on screen
        bottom = groups.rowViewportPosition(row) + groups.rowHeight(row)
        assert groups.rowViewportPosition(row) >= 0 and bottom <= groups.viewport().height()


    # The operator widens the counts: the columns follow, and the next window remembers it.
    handle = desk.splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start - QPoint(120, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start - QPoint(120, 0))
    settle(qtbot)
    widened = desk.splitter.sizes()
    assert widened[1] > 400
    right_edge = table.columnViewportPosition(instansi) + table.columnWidth(instansi)
    assert right_edge <= table.viewport().width() and not table.isColumnHidden(instansi)
    window.close()
    again = make_window(ui_db)
    assert open_desk(qtbot, again).splitter.sizes() == widened


# -- items 12 and 13: the undo dialog, the operator's name ----------------------------------


def test_undo_and_history_from_anywhere_in_the_window_with_clear_buttons(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int
) -> None:
    desk = open_desk(qtbot, window)
    aziz = invitee(ui_db, event_id, "Andi Aziz")
    scan(qtbot, aziz.checkin_code)
    window.area_list.setFocus()
    seen: dict[str, str] = {}

    def remove(dialog: QWidget) -> None:
        assert isinstance(dialog, UndoDialog)
        seen["ok"], seen["close"] = dialog.ok_button.text(), dialog.close_button.text()
        type_keys(qtbot, "Salah orang")
        press(qtbot, Qt.Key.Key_Return)

    ran = on_modal(qtbot, remove)
    qtbot.keyClick(window.area_list, Qt.Key.Key_F8)
    settle(qtbot)
    assert ran["ran"]
    assert not present(ui_db, aziz)
    assert seen == {"ok": "Hapus kehadiran", "close": "Tutup"}  # not "Batalkan" and "Batal"
    assert seen["ok"].split()[0].rstrip("&") != seen["close"].split()[0].rstrip("&")
    assert page_tr("Check-in undone") in desk.feedback.text()

    def history(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        seen["rows"] = str(dialog.model.rowCount())
        dialog.reject()

    window.area_list.setFocus()
    on_modal(qtbot, history)
    qtbot.keyClick(window.area_list, Qt.Key.Key_F9)
    settle(qtbot)
    assert seen["rows"] == "2"

    # On the invitation list tab the desk's keys are asleep (F2 there is not a walk-in).
    window.participants_area.setCurrentIndex(0)
    settle(qtbot)
    window.area_list.setFocus()
    opened: list[str] = []
    on_modal(qtbot, lambda dialog: opened.append(type(dialog).__name__), wait_s=0.5)
    qtbot.keyClick(window.area_list, Qt.Key.Key_F2)
    settle(qtbot)
    assert opened == []


def test_the_desk_asks_for_the_operator_and_desk_names_the_first_time(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage, event_id: int
) -> None:
    window = make_window(ui_db, Settings())
    default_station = Settings().effective_station

    def names(dialog: QWidget) -> None:
        assert isinstance(dialog, DeskOperatorDialog)
        assert dialog.station_edit.text() == default_station
        type_keys(qtbot, "Rina Marlina")  # the operator's name has the keys
        dialog.station_edit.setText("Meja 2")
        press(qtbot, Qt.Key.Key_Return)

    ran = on_modal(qtbot, names)
    desk = open_desk(qtbot, window)
    qtbot.waitUntil(lambda: ran["ran"] and QApplication.activeModalWidget() is None)
    saved = load_settings()
    assert (saved.operator_name, saved.station_name) == ("Rina Marlina", "Meja 2")
    assert window.desk_label.text() == "Meja 2 · Rina Marlina"

    qtbot.waitUntil(desk.search_edit.hasFocus)
    aziz = invitee(ui_db, event_id, "Andi Aziz")
    scan(qtbot, aziz.checkin_code)
    assert aziz.id is not None
    [entry] = ui_db.attendance_history(aziz.id)
    assert (entry.station, entry.operator) == ("Meja 2", "Rina Marlina")

    # Not asked again: away and back.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert QApplication.activeModalWidget() is None
