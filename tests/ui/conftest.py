"""Fixtures for driving the real windows with pytest-qt."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage
from ui.mainwindow import MainWindow
from ui.translations import Translations


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """The app's translators, Bahasa Indonesia as by default; reset afterwards."""
    tr = Translations(qapp)
    tr.apply("id")
    yield tr
    tr.remove()


@pytest.fixture
def make_window(
    qtbot: QtBot, translations: Translations
) -> Callable[[Storage, Settings | None], MainWindow]:
    """Open a main window on a database, as the app does at start."""

    def make(storage: Storage, settings: Settings | None = None) -> MainWindow:
        window = MainWindow(
            storage, settings or Settings(operator_name="Rina"), translations,
            database_path=storage.path,
        )
        qtbot.addWidget(window)
        window.open_initial_event()
        window.show()
        qtbot.waitExposed(window)
        # The user's window is the active one: shortcuts and F-keys reach it.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        return window

    return make


def when_modal(qtbot: QtBot, handle: Callable[[QWidget], None]) -> None:
    """Run ``handle`` on the next modal dialog, once it is open (dialogs block in exec())."""

    deadline = time.monotonic() + 5

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            # A dialog that never opens fails the test (pytest-qt reports exceptions
            # raised in the event loop) instead of polling into the next test.
            assert time.monotonic() < deadline, "no modal dialog opened"
            QTimer.singleShot(20, poll)
            return
        if QApplication.activeWindow() is not dialog and time.monotonic() < deadline:
            # A window manager gives a new dialog the focus; offscreen, ask for it.
            dialog.activateWindow()
            QTimer.singleShot(20, poll)
            return
        try:
            handle(dialog)
        except BaseException:
            dialog.close()  # a failed check must not leave exec() waiting forever
            raise

    QTimer.singleShot(0, poll)


@pytest.fixture
def ui_db(tmp_path: Path) -> Iterator[Storage]:
    """A fresh database for a window."""
    storage = Storage.open(tmp_path / "ui.sqlite3")
    yield storage
    storage.close()
