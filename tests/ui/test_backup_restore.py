"""Backups while working, the second copy and restoring, driven from the main window.

The demo rakor is open and people are checked in at the desk with a scanner; the
database is damaged under the running app; the secretariat restores the latest backup
through File → Restore from backup… (or the damaged-database message) and Enter.
"""

from __future__ import annotations

import gc
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop import backup as backups
from rakor_desktop.demo import create_demo_event
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage
from rakor_desktop.storage.database import check_copy
from ui.backup_dialog import RestoreBackupDialog
from ui.desk.checkin_page import CheckinPage
from ui.mainwindow import MainWindow

from .conftest import when_modal

MakeWindow = Callable[..., MainWindow]
GARBAGE = b"\xde\xad\xbe\xef" * 1024


def settle(qtbot: QtBot) -> None:
    gc.collect()
    qtbot.wait(50)


def open_desk(qtbot: QtBot, window: MainWindow) -> CheckinPage:
    window.resize(1340, 690)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    desk = window.participants_area.desk
    qtbot.waitUntil(desk.search_edit.hasFocus)
    return desk


def scan(qtbot: QtBot, code: str) -> None:
    keys = QApplication.focusWidget()
    assert keys is not None
    qtbot.keyClicks(keys, code)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    settle(qtbot)


def backup_tick(qtbot: QtBot, window: MainWindow) -> backups.BackupRun:
    """The backup timer fires (as it does every few minutes) and its backup completes."""
    before = window.last_backup
    window.backup_timer.timeout.emit()
    qtbot.waitUntil(lambda: window.last_backup is not before, timeout=10000)
    run = window.last_backup
    assert isinstance(run, backups.BackupRun)
    return run


def damage(database: Path) -> None:
    """A failing disk: every page after the first overwritten.

    The log is checkpointed first (SQLite does it every thousand pages), so the damage
    hits what was written and a checkpoint at close cannot paper over it.
    """
    other = sqlite3.connect(str(database))
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other.close()
    size = database.stat().st_size
    with open(database, "r+b") as handle:
        for offset in range(4096, size, len(GARBAGE)):
            handle.seek(offset)
            handle.write(GARBAGE[: size - offset])


@pytest.fixture
def event_id(ui_db: Storage) -> int:
    return create_demo_event(ui_db)


def codes(storage: Storage, event_id: int) -> list[str]:
    return [i.checkin_code for i in storage.list_invitees(event_id) if i.checkin_code]


def press_enter_on_restore_dialog(
    qtbot: QtBot, seen: dict[str, object]
) -> Callable[[QWidget], None]:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreBackupDialog)
        seen["rows"] = dialog.model.rowCount()
        seen["newest"] = [dialog.model.item(0, c).text() for c in range(4)]
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    return handle


def assert_screens_match(window: MainWindow, database: Path, event_id: int) -> int:
    summary = backups.summarise_database(database)
    present = window.storage.attendance_counts(event_id).present
    assert summary.checked_in == present
    invited = window.storage.attendance_counts(event_id).invited
    assert window.counts_label.text() == f"Hadir {present} / {invited}"
    desk = window.participants_area.desk
    desk.refresh_counts()
    assert desk.total_label.text().startswith(f"Hadir {present} dari {invited}")
    return present


def test_a_database_damaged_during_checkins_is_restored_from_the_menu(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage, event_id: int
) -> None:
    database = ui_db.path
    window = make_window(ui_db)
    open_desk(qtbot, window)
    all_codes = codes(ui_db, event_id)
    for code in all_codes[:4]:
        scan(qtbot, code)
    run = backup_tick(qtbot, window)  # the timer's backup, in the background
    for code in all_codes[4:6]:  # within the last interval: may be lost
        scan(qtbot, code)
    assert ui_db.attendance_counts(event_id).present == 6

    damage(database)
    seen: dict[str, object] = {}
    when_modal(qtbot, press_enter_on_restore_dialog(qtbot, seen))
    window.findChild(type(window.restore_backup_action), "restore_backup").trigger()
    settle(qtbot)

    assert seen["newest"][3] == "4"  # the newest backup's check-ins, as listed
    aside = [p for p in database.parent.iterdir() if ".before-restore-" in p.name
             and p.suffix == ".sqlite3"]
    assert len(aside) == 1
    assert GARBAGE[:64] in aside[0].read_bytes()  # the damaged file, kept aside
    assert check_copy(aside[0]) != ""
    assert database.read_bytes()[:16] == b"SQLite format 3\0"
    Storage.open(database, backup=False).close()  # sound again
    assert backups.summarise_database(database) == backups.summarise_database(run.backup.path)
    present = assert_screens_match(window, database, event_id)
    assert present == 4  # only what came after the last backup was lost
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(window.participants_area.desk.search_edit.hasFocus)  # ready to scan
    scan(qtbot, all_codes[4])  # and the desk works on the restored file
    assert window.storage.attendance_counts(event_id).present == 5


def test_the_damaged_database_message_offers_the_restore(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage, event_id: int
) -> None:
    database = ui_db.path
    window = make_window(ui_db)
    open_desk(qtbot, window)
    all_codes = codes(ui_db, event_id)
    scan(qtbot, all_codes[0])
    backup_tick(qtbot, window)
    damage(database)

    seen: dict[str, object] = {}

    def restore_button(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        button = box.findChild(QWidget, "restore_backup_button")
        assert button is box.defaultButton()
        when_modal(qtbot, press_enter_on_restore_dialog(qtbot, seen))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(qtbot, restore_button)
    window.start_maintenance()  # the background check finds the damage
    qtbot.waitUntil(lambda: "rows" in seen, timeout=10000)
    settle(qtbot)
    assert [p for p in database.parent.iterdir() if ".before-restore-" in p.name]
    window.show_desk()
    settle(qtbot)
    assert assert_screens_match(window, database, event_id) == 1


def test_the_second_copy_place_pulled_away_and_back(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage, event_id: int, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    window = make_window(ui_db, Settings(operator_name="Rina", second_copy_folder=str(stick)))
    messages: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and messages.append(text))
    label = window.second_copy_label
    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    assert label.text() == tr("Second copy: {time}").format(time=tr("not yet"))
    all_codes = codes(ui_db, event_id)
    open_desk(qtbot, window)

    scan(qtbot, all_codes[0])
    run = backup_tick(qtbot, window)
    assert (stick / run.backup.path.name).read_bytes() == run.backup.path.read_bytes()
    assert (stick / f"{ui_db.path.stem}-acara-{event_id}.rakor").is_file()
    shown = tr("Second copy: {time}").format(
        time=run.second_copy_at.astimezone().strftime("%H.%M"))
    assert label.text() == shown

    shutil.rmtree(stick)  # the stick is pulled out
    messages.clear()
    for code in all_codes[1:4]:  # three more backups while it is away
        scan(qtbot, code)
        backup_tick(qtbot, window)
    assert label.text() == tr("⚠ Second copy: folder not reachable")
    warnings = [m for m in messages if str(stick) in m]
    assert len(warnings) == 1  # said once, plainly
    assert "flashdisk" in warnings[0]
    assert not stick.exists()  # never made on the laptop in its place

    stick.mkdir()  # plugged back in
    run = backup_tick(qtbot, window)  # owed: goes even without a new change
    assert label.text() == tr("Second copy: {time}").format(
        time=run.second_copy_at.astimezone().strftime("%H.%M"))
    assert (stick / run.backup.path.name).is_file()


def test_the_second_copy_folder_is_chosen_in_preferences(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage, event_id: int, tmp_path: Path
) -> None:
    from rakor_desktop.settings import load_settings
    from ui.dialogs import SettingsDialog

    stick = tmp_path / "usb"
    stick.mkdir()
    window = make_window(ui_db)
    assert window.second_copy_label.text() == ""

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.second_copy_edit.setFocus()
        qtbot.keyClicks(dialog.second_copy_edit, str(stick))
        qtbot.keyClick(dialog.second_copy_edit, Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    window.findChild(type(window.settings_action), "settings").trigger()
    settle(qtbot)
    assert load_settings().second_copy_folder == str(stick)
    assert window.second_copy_label.text() == QCoreApplication.translate(
        "MainWindow", "Second copy: {time}"
    ).format(time=QCoreApplication.translate("MainWindow", "not yet"))
    run = backup_tick(qtbot, window)  # the new place receives the next backup
    assert (stick / run.backup.path.name).is_file()


def test_the_backup_timer_finds_the_damage_and_offers_the_restore(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage, event_id: int
) -> None:
    database = ui_db.path
    window = make_window(ui_db)
    open_desk(qtbot, window)
    all_codes = codes(ui_db, event_id)
    scan(qtbot, all_codes[0])
    scan(qtbot, all_codes[1])
    backup_tick(qtbot, window)
    scan(qtbot, all_codes[2])
    damage(database)

    seen: dict[str, object] = {}
    boxes: list[str] = []

    def enter_on_the_message(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        boxes.append(box.text())
        when_modal(qtbot, press_enter_on_restore_dialog(qtbot, seen))
        qtbot.keyClick(box, Qt.Key.Key_Return)  # its default button: restore

    when_modal(qtbot, enter_on_the_message)
    window.backup_timer.timeout.emit()  # the next backup, a few minutes later
    qtbot.waitUntil(lambda: "rows" in seen, timeout=10000)
    settle(qtbot)
    assert len(boxes) == 1 and str(database) in boxes[0]
    assert [p for p in database.parent.iterdir() if ".before-restore-" in p.name]
    assert assert_screens_match(window, database, event_id) == 2


def test_a_change_read_from_a_damaged_file_offers_the_restore_not_a_crash(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage, event_id: int
) -> None:
    """Another program's commit makes every screen read again; when that read finds
    the file damaged, the user gets the damaged-database message with the restore."""
    from rakor_desktop.changes import Changes

    window = make_window(ui_db)
    open_desk(qtbot, window)
    damage(ui_db.path)
    seen: list[str] = []

    def message(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().objectName())
        box.reject()

    when_modal(qtbot, message)
    window.runner.changed.emit(Changes(event_id, everything=True))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == ["restore_backup_button"]
