"""The window's one path for changes: the runner (ui/runner.py) and its ``changed`` signal."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.changes import Changes
from rakor_desktop.messages import NotFoundError
from rakor_desktop.models import Event, Person
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage
from ui.mainwindow import MainWindow
from ui.runner import POLL_INTERVAL_MS, message_for

MakeWindow = Callable[..., MainWindow]


def page_tr(text: str) -> str:
    return QCoreApplication.translate("CheckinPage", text)


def _event(storage: Storage) -> tuple[int, int, int]:
    event_id = event_ops.create_event(
        storage,
        Event(title="Rakor Inflasi", date=date(2024, 3, 5), start_time=time(9, 0), venue="Aula"),
    )
    budi = invitee_ops.invite_person(storage, event_id, Person(name="Budi Santoso", instansi="BPS"))
    ani = invitee_ops.invite_person(
        storage, event_id, Person(name="Ani Lestari", instansi="Bappeda"))
    assert budi.id is not None and ani.id is not None
    return event_id, budi.id, ani.id


def _settle(qtbot: QtBot) -> None:
    gc.collect()
    qtbot.wait(50)


def _open_desk(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1340, 690)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot)
    assert window.participants_area.desk.isVisible()


def test_the_desk_counts_a_cli_checkin_made_just_before_its_own(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage
) -> None:
    """Bug 2: the desk re-read data_version after its own write and hid the CLI's."""
    event_id, budi, _ani = _event(ui_db)
    window = make_window(ui_db)
    _open_desk(qtbot, window)
    desk = window.participants_area.desk

    cli = Storage.open(ui_db.path, backup=False, check=False)  # the CLI, another program
    checkin_ops.checkin_invitee(cli, budi, checkin_ops.Desk(station="meja-cli"))
    cli.close()
    focus = QApplication.focusWidget()
    assert isinstance(focus, QWidget)
    qtbot.keyClicks(focus, "Ani Lestari")
    qtbot.keyClick(focus, Qt.Key.Key_Return)  # the desk checks Ani in
    assert ui_db.attendance_counts(event_id).present == 2

    qtbot.wait(2 * POLL_INTERVAL_MS + 600)
    assert desk.total_label.text() == page_tr("Present {present} of {invited} ({share} %)").format(
        present=2, invited=2, share=100
    )
    assert window.counts_label.text() == QCoreApplication.translate(
        "MainWindow", "Present {present} / {invited}"
    ).format(present=2, invited=2)


def test_one_signal_for_the_window_s_own_commits_and_everyone_else_s(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage
) -> None:
    event_id, budi, ani = _event(ui_db)
    window = make_window(ui_db)
    heard: list[Changes] = []
    window.runner.changed.connect(heard.append)

    checkin_ops.checkin_invitee(ui_db, budi, checkin_ops.Desk(station="meja-1"))
    _settle(qtbot)
    assert heard == [Changes(event_id, attendance=True)]
    assert window.counts_label.text().endswith("1 / 2")  # the status bar listens

    heard.clear()
    other = Storage.open(ui_db.path, backup=False, check=False)
    checkin_ops.checkin_invitee(other, ani, checkin_ops.Desk(station="meja-2"))
    other.close()
    qtbot.waitUntil(lambda: heard == [Changes(event_id, everything=True)], timeout=3000)
    assert window.counts_label.text().endswith("2 / 2")
    _settle(qtbot)
    assert heard == [Changes(event_id, everything=True)]  # announced once


def test_a_refused_operation_is_one_message_never_a_repr(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage
) -> None:
    _event(ui_db)
    window = make_window(ui_db)
    messages: list[str] = []
    window.runner.failed.disconnect()  # no dialog in this test: the signal is what matters
    window.runner.failed.connect(messages.append)

    assert window.runner.run(event_ops.get_event, ui_db, 999) is None
    assert len(messages) == 1
    assert "NotFoundError" not in messages[0]
    try:
        event_ops.get_event(ui_db, 999)
    except NotFoundError as error:
        assert messages == [str(error)]
    error = FileNotFoundError(2, "No such file or directory", "/media/usb/daftar.xlsx")
    assert "(/media/usb/daftar.xlsx)" in message_for(error)
    assert "FileNotFoundError" not in message_for(error)


def test_desk_background_import_and_cli_at_once_show_exact_counts_on_every_screen(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage
) -> None:
    import os
    import subprocess
    import sys
    import threading
    from pathlib import Path

    from rakor_desktop.models import Role

    event_id = event_ops.create_event(
        ui_db,
        Event(title="Rakor Inflasi", date=date(2024, 3, 5), start_time=time(9, 0), venue="Aula"),
    )
    names = [f"Peserta Nomor {n:02d}" for n in range(12)]
    for n, name in enumerate(names):
        invitee_ops.invite_person(ui_db, event_id, Person(name=name, instansi=f"Dinas {n}"))
    window = make_window(ui_db)
    _open_desk(qtbot, window)
    desk = window.participants_area.desk
    failures: list[BaseException] = []

    def background_import() -> None:  # what the import dialog's worker does
        worker = Storage.open(ui_db.path, backup=False, check=False)
        try:
            for batch in range(4):
                people = [(Person(name=f"Tamu {batch}-{n}", instansi="Bappeda"), Role.PESERTA)
                          for n in range(25)]
                invitee_ops.import_invitees(worker, event_id, people)
        except BaseException as exc:
            failures.append(exc)
        finally:
            worker.close()

    repo = Path(__file__).resolve().parents[2]
    command = [sys.executable, "-m", "rakor_desktop.cli", "--db", str(ui_db.path), "checkin",
               str(event_id), "--name"]
    importer = threading.Thread(target=background_import)
    importer.start()
    clis = [subprocess.Popen([*command, name], cwd=repo, env=dict(os.environ),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name in names[6:]]
    for name in names[:6]:  # the desk, typing at the same time
        focus = QApplication.focusWidget()
        assert isinstance(focus, QWidget)
        qtbot.keyClicks(focus, name)
        qtbot.keyClick(focus, Qt.Key.Key_Return)
        qtbot.wait(20)
    outputs = [p.communicate(timeout=120) for p in clis]
    importer.join(120)

    assert failures == []
    assert [(p.returncode, err) for p, (_o, err) in zip(clis, outputs, strict=True)] == [
        (0, "")
    ] * 6
    counts = ui_db.attendance_counts(event_id)
    assert (counts.present, counts.invited) == (12, 12 + 100)
    qtbot.wait(2 * POLL_INTERVAL_MS + 600)
    assert desk.total_label.text() == page_tr("Present {present} of {invited} ({share} %)").format(
        present=12, invited=112, share=round(100 * 12 / 112)
    )
    assert window.counts_label.text() == QCoreApplication.translate(
        "MainWindow", "Present {present} / {invited}"
    ).format(present=12, invited=112)


def test_the_event_form_and_the_title_follow_a_change_made_by_another_program(
    qtbot: QtBot, make_window: MakeWindow, ui_db: Storage
) -> None:
    event_id, _budi, _ani = _event(ui_db)
    window = make_window(ui_db)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the Event area
    _settle(qtbot)
    page = window.event_page
    assert page.isVisible() and page.title_edit.text() == "Rakor Inflasi"

    other = Storage.open(ui_db.path, backup=False, check=False)  # the CLI, another desk
    event_ops.update_event(other, event_id, {"title": "Rakor Pengendalian Inflasi"})
    other.close()

    qtbot.waitUntil(lambda: page.title_edit.text() == "Rakor Pengendalian Inflasi",
                    timeout=2 * POLL_INTERVAL_MS + 600)
    assert window.windowTitle().startswith("Rakor Pengendalian Inflasi")
