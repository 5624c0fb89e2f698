"""A database that cannot be opened at start: the app offers its backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop import backup
from rakor_desktop.demo import create_demo_event
from rakor_desktop.messages import RakorError
from rakor_desktop.storage import Storage
from ui.app import open_after_restore
from ui.backup_dialog import RestoreBackupDialog

from .conftest import when_modal


def _broken_database_with_a_backup(path: Path) -> int:
    storage = Storage.open(path)
    event_id = create_demo_event(storage)
    storage.close()
    backup.make_backup(path)
    with open(path, "r+b") as handle:  # a failing disk: the header is gone
        handle.write(b"\0" * 100)
    return event_id


def test_a_database_that_cannot_be_opened_is_restored_at_start(
    tmp_path: Path, qtbot: QtBot, translations: object
) -> None:
    database = tmp_path / "rakor.sqlite3"
    event_id = _broken_database_with_a_backup(database)
    try:
        Storage.open(database, check=False, backup=False)
    except RakorError as exc:
        error = exc
    else:
        raise AssertionError("the damaged file opened")

    seen: list[str] = []

    def choose_backup(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreBackupDialog)
        seen.append(dialog.model.item(0, 1).text())  # events in the newest backup
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    def offer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert box.defaultButton().text() == "Pulihkan dari cadangan…"
        when_modal(qtbot, choose_backup)
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(qtbot, offer)
    storage = open_after_restore(database, error, 7)
    assert storage is not None
    try:
        assert seen == ["1"]
        assert storage.event_exists(event_id)
        assert storage.attendance_counts(event_id).invited > 100
        assert [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    finally:
        storage.close()


def test_without_backups_the_message_only_closes(
    tmp_path: Path, qtbot: QtBot, translations: object
) -> None:
    database = tmp_path / "rakor.sqlite3"
    database.write_bytes(b"not a database at all" * 50)
    buttons: list[int] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        buttons.append(len(box.buttons()))
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    when_modal(qtbot, close)
    assert open_after_restore(database, RakorError("rusak", "damaged"), 7) is None
    assert buttons == [1]
