"""The shell as a new operator meets it: the first window, a typed date, the status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.models import Event, Person
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations.checkin import Desk
from rakor_desktop.storage import Storage
from ui.dialogs import NewEventDialog, SettingsDialog
from ui.mainwindow import TITLE_BAR, MainWindow

from .conftest import when_modal

MakeWindow = Callable[..., MainWindow]


def test_the_first_window_fits_a_1366x728_laptop_screen(
    ui_db: Storage, make_window: MakeWindow
) -> None:
    window = make_window(ui_db)  # no window state remembered yet
    screen = window.screen().availableGeometry()
    assert (screen.width(), screen.height()) == (1366, 728)  # tests/offscreen-laptop.json
    frame = window.frameGeometry()
    assert screen.contains(frame)
    # with the window manager's title bar above the client area
    assert frame.height() + TITLE_BAR <= screen.height()
    assert window.width() >= 1200  # and it still uses the room there is


def test_the_date_of_a_new_event_can_be_typed(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(ui_db)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, NewEventDialog)
        qtbot.keyClicks(dialog.title_edit, "Rakor Pemilu")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Tab)  # into the date, day selected
        assert QApplication.focusWidget() is dialog.date_edit
        qtbot.keyClicks(dialog.date_edit, "14122023")
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)  # the default button

    when_modal(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    [summary] = ui_db.list_events()
    assert event_ops.get_event(ui_db, summary.id).date == date(2023, 12, 14)
    assert "Kamis, 14 Desember 2023" in window.event_label.text()


def _status_labels(window: MainWindow) -> list[str]:
    return [
        label.text() for label in window.statusBar().findChildren(QLabel)
        if label.isVisibleTo(window.statusBar()) and label.text()
    ]


def _switch_language(window: MainWindow, qtbot: QtBot, language: str) -> None:
    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))
        dialog.accept()

    when_modal(qtbot, choose)
    window.settings_action.trigger()
    qtbot.wait(20)


def test_language_switches_keep_one_status_bar_with_the_open_events_counts(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    first = event_ops.create_event(
        ui_db, Event(title="Rakor Satu", date=date(2023, 12, 14), start_time=time(9))
    )
    second = event_ops.create_event(
        ui_db, Event(title="Rakor Dua", date=date(2023, 12, 15), start_time=time(9))
    )
    budi = invitee_ops.invite_person(ui_db, first, Person(name="Budi Santoso"))
    invitee_ops.invite_person(ui_db, first, Person(name="Ani Lestari"))
    checkin_ops.checkin_invitee(ui_db, budi.id or 0, Desk(station="Meja 1", operator="Rina"))
    window = make_window(ui_db)
    window.open_event(first)
    assert "Hadir 1 / 2" in _status_labels(window)

    _switch_language(window, qtbot, "en")
    _switch_language(window, qtbot, "id")
    labels = _status_labels(window)
    assert labels.count("Hadir 1 / 2") == 1, labels
    assert len(labels) == 3  # the event, the counts, the desk and operator

    window.open_event(second)
    labels = _status_labels(window)
    assert "Hadir 0 / 0" in labels and "Hadir 1 / 2" not in labels, labels
