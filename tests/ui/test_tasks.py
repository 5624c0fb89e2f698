"""The one background-task helper (ui/tasks.py): no leak, Cancel, errors as messages."""

from __future__ import annotations

import gc
import logging
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ui import tasks


def _objects_of_tasks_module() -> int:
    return sum(1 for o in gc.get_objects() if type(o).__module__ == "ui.tasks")


def test_fifty_tasks_leave_nothing_behind(qtbot: QtBot) -> None:
    results: list[int] = []
    tasks.run_in_background(lambda: 0, results.append)  # the one dispatcher is made
    qtbot.waitUntil(lambda: results == [0])
    before = _objects_of_tasks_module()

    for n in range(50):
        tasks.run_in_background(lambda n=n: n, results.append)
    qtbot.waitUntil(lambda: len(results) == 51, timeout=5000)
    assert tasks.wait_for_background_tasks(5000)
    for _ in range(3):
        gc.collect()
        qtbot.wait(50)

    assert sorted(results[1:]) == list(range(50))
    assert _objects_of_tasks_module() <= before  # no relay or task per run stays alive
    assert tasks.pending_tasks() == 0


PROGRESS_SHOWN_WITHIN_MS = tasks.PROGRESS_DELAY_MS + 300  # the desk's export took 4 s


def test_a_quick_task_never_flashes_a_progress_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    outcome: list[object] = []
    handle = tasks.run_with_progress(
        parent, title="Export", label="…", work=lambda _p: 7, on_done=outcome.append
    )
    qtbot.waitUntil(lambda: outcome == [7])
    qtbot.wait(tasks.PROGRESS_DELAY_MS + 100)
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]
    del handle


def test_progress_appears_after_half_a_second_and_cancel_is_not_a_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started = threading.Event()
    outcome: list[str] = []

    def work(progress: tasks.Progress) -> int:
        started.set()
        for step in range(200):
            progress.report(step, 200, f"page {step}")
            if progress.cancelled:
                raise RuntimeError("stopped half-way")  # whatever the work raises
            time.sleep(0.01)
        return 200

    handle = tasks.run_with_progress(
        parent, title="Export", label="Exporting…", work=work,
        on_done=lambda _r: outcome.append("done"), on_cancel=lambda _m: outcome.append("cancelled"),
    )  # fmt: skip
    assert started.wait(5)
    qtbot.waitUntil(handle.dialog.isVisible, timeout=PROGRESS_SHOWN_WITHIN_MS)
    with caplog.at_level(logging.INFO, logger="rakor.ui.tasks"):
        [button] = handle.dialog.findChildren(QPushButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the user presses Cancel
        qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5000)
    assert all(record.exc_info is None for record in caplog.records)
    assert not any(record.levelno >= logging.ERROR for record in caplog.records)


def test_a_failure_is_one_message_never_a_repr(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))

    def work(_progress: tasks.Progress) -> None:
        raise PermissionError(13, "Permission denied", "/media/usb/Daftar Hadir.docx")

    tasks.run_with_progress(parent, title="Export", label="…", work=work, on_done=print)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)

    assert len(shown) == 1
    assert "PermissionError" not in shown[0] and "(13," not in shown[0]
    assert "/media/usb/Daftar Hadir.docx" in shown[0] and "Permission denied" in shown[0]
