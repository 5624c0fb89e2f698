"""The hall windows (the projector and the moderator's view) opened the way the user
opens them: the View menu, Ctrl+Shift+P / Ctrl+Shift+M sent to the main window, the
buttons on the rundown and discussion pages. Each is looked for after a garbage
collection and a spin of the event loop, as a window nothing holds would be gone.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.models import QuestionStatus, SpeakerState
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import rundown as rundown_ops
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage
from ui.dialogs import EventChooserDialog
from ui.mainwindow import MainWindow
from ui.meeting.moderator_view import ModeratorView
from ui.meeting.projector import ProjectorWindow
from ui.meeting.record_models import LiveMeeting

from .conftest import when_modal
from .test_rundown_page import make_event

MakeWindow = Callable[[Storage, Settings | None], MainWindow]
W = TypeVar("W", bound=QWidget)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LAPTOP_WIDTH, LAPTOP_HEIGHT = 1366, 728
TITLE_BAR = 32


def settle(qtbot: QtBot) -> None:
    """What the user waits for: Python frees what nothing holds, Qt paints."""
    gc.collect()
    qtbot.wait(50)


def shown(kind: type[W]) -> list[W]:
    """The visible top-level windows of a kind."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def the_one(kind: type[W]) -> W:
    windows = shown(kind)
    assert len(windows) == 1, f"{len(windows)} visible {kind.__name__}"
    return windows[0]


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


@pytest.fixture
def demo(ui_db: Storage) -> int:
    """The demo rakor with its first item (registration) going on."""
    event_id = create_demo_event(ui_db)
    rundown_ops.start_next_item(ui_db, event_id)
    return event_id


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow, ui_db: Storage, demo: int) -> MainWindow:
    """The main window on the demo rakor, active."""
    window = make_window(ui_db, None)
    assert window.event_id == demo
    activate(qtbot, window)
    return window


def live_of(storage: Storage) -> LiveMeeting:
    return LiveMeeting.shared(storage)


# -- opening the projector ------------------------------------------------------------------


def open_projector_by_menu(qtbot: QtBot, window: MainWindow) -> None:
    window.projector_action.trigger()


def open_projector_by_key(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)


def open_projector_by_rundown_button(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # Susunan Acara
    page: Any = window.rundown_page
    assert page.isVisible()
    qtbot.mouseClick(page.projector_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("open_it", [
    open_projector_by_menu, open_projector_by_key, open_projector_by_rundown_button,
], ids=["menu", "ctrl-shift-p", "rundown-button"])
def test_the_projector_opens_and_stays_open(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, demo: int,
    open_it: Callable[[QtBot, MainWindow], None],
) -> None:
    open_it(qtbot, window)
    settle(qtbot)
    projector = the_one(ProjectorWindow)
    event = ui_db.get_event(demo)
    assert event is not None
    assert projector.title_label.text() == event.title
    assert projector.item_label.text() == "Registrasi peserta"
    assert not projector.isFullScreen()  # one screen: a window, the desk stays visible
    assert projector.cursor().shape() != Qt.CursorShape.BlankCursor  # the pointer stays
    frame = projector.frameGeometry()
    assert projector.width() <= LAPTOP_WIDTH
    assert projector.height() + TITLE_BAR <= LAPTOP_HEIGHT
    assert frame.top() >= 0 and frame.left() >= 0

    # Asked again (another way): the same window, brought forward; never a second one.
    activate(qtbot, window)
    open_projector_by_key(qtbot, window)
    window.projector_action.trigger()
    settle(qtbot)
    assert the_one(ProjectorWindow) is projector
    assert QApplication.activeWindow() is projector


def test_a_closed_projector_is_let_go_and_opens_again(
    qtbot: QtBot, window: MainWindow, ui_db: Storage
) -> None:
    window.projector_action.trigger()
    settle(qtbot)
    first = the_one(ProjectorWindow)
    first.close()
    settle(qtbot)
    assert shown(ProjectorWindow) == []
    assert live_of(ui_db).open_windows() == []
    window.projector_action.trigger()
    settle(qtbot)
    again = the_one(ProjectorWindow)
    assert again.item_label.text() == "Registrasi peserta"


SECOND_SCREEN_SCRIPT = """
import gc, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from rakor_desktop.demo import create_demo_event
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage
from ui.mainwindow import MainWindow
from ui.meeting.projector import ProjectorWindow
from ui.translations import Translations
storage = Storage.open(Path(sys.argv[1]))
create_demo_event(storage)
window = MainWindow(storage, Settings(operator_name="Rina"), Translations(app),
                    database_path=storage.path)
window.open_initial_event()
window.show()
window.projector_action.trigger()
gc.collect()
app.processEvents()
shown = [w for w in app.topLevelWidgets() if isinstance(w, ProjectorWindow) and w.isVisible()]
from PySide6.QtCore import Qt
blank = shown[0].cursor().shape() == Qt.CursorShape.BlankCursor
print(len(shown), shown[0].screen().name(), shown[0].isFullScreen(), window.screen().name(),
      blank)
window.close()
"""


def test_with_a_second_screen_the_projector_fills_it(tmp_path: Path) -> None:
    """A laptop with the hall's projector as a second screen (its own Qt, in a process
    with two screens): the projector goes full screen on the screen the main window is
    not on."""
    screens = {"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "hall", "x": 1366, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]}
    config = tmp_path / "two-screens.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", SECOND_SCREEN_SCRIPT, str(tmp_path / "two.sqlite3")],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    count, projector_screen, full_screen, desk_screen, no_pointer = result.stdout.split()
    assert (count, full_screen, no_pointer) == ("1", "True", "True")
    assert projector_screen != desk_screen
    assert {projector_screen, desk_screen} == {"hall", "laptop"}


# -- opening the moderator's view ---------------------------------------------------------------


def open_moderator_by_menu(qtbot: QtBot, window: MainWindow) -> None:
    window.moderator_action.trigger()


def open_moderator_by_key(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)


def open_moderator_by_discussion_button(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # Diskusi
    page: Any = window.page("discussion")
    assert page.isVisible()
    qtbot.mouseClick(page.moderator_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("open_it", [
    open_moderator_by_menu, open_moderator_by_key, open_moderator_by_discussion_button,
], ids=["menu", "ctrl-shift-m", "discussion-button"])
def test_the_moderator_view_opens_and_stays_open(
    qtbot: QtBot, window: MainWindow, open_it: Callable[[QtBot, MainWindow], None],
) -> None:
    open_it(qtbot, window)
    settle(qtbot)
    view = the_one(ModeratorView)
    assert view.termin_label.text() == view.tr("No termin yet — press T to open Termin 1")
    assert view.timer_widget.subject_label.text() == "Registrasi peserta"
    assert view.height() + TITLE_BAR <= LAPTOP_HEIGHT and view.width() <= LAPTOP_WIDTH
    # It is the active window, ready for the moderator's keys without a click into it.
    assert QApplication.activeWindow() is view
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert view.termin_label.text().startswith("Termin 1")
    activate(qtbot, window)
    window.moderator_action.trigger()
    settle(qtbot)
    assert the_one(ModeratorView) is view
    assert QApplication.activeWindow() is view


# -- the moderator's keys and buttons ----------------------------------------------------------


def _add_waiting_speaker(storage: Storage, event_id: int) -> None:
    """A speaker waits on the item going on (for Space and +)."""
    item = rundown_ops.running_item_of(storage.list_rundown_items(event_id))
    assert item is not None and item.id is not None
    live_of(storage).run("Tambah pembicara", lambda: rundown_ops.add_speaker(
        storage, item.id or 0, name="Drs. H. Ahmad Fauzi", instansi="Kesbangpol",
        allotted_seconds=300))


def _add_questions(storage: Storage, event_id: int) -> int:
    """Two askers queued in the open termin (the secretariat types them on the
    discussion page); returns the termin's id."""
    termin = talk.current_termin(storage, event_id)
    assert termin is not None and termin.id is not None
    termin_id = termin.id
    for name in ("Rahmat Saputra", "Siti Aminah"):
        live_of(storage).run("Tambah pertanyaan", lambda n=name: talk.add_question(
            storage, termin_id, asker_name=n, asker_instansi="Bawaslu Kota Jambi",
            question=f"Pertanyaan {n}"))
    return termin_id


def _statuses(storage: Storage, termin_id: int) -> list[QuestionStatus]:
    return [q.status for q in storage.list_questions(termin_id)]


def _speaker(storage: Storage, event_id: int) -> Any:
    item = rundown_ops.running_item_of(storage.list_rundown_items(event_id))
    assert item is not None and item.id is not None
    return storage.list_speakers(item.id)[0]


def test_the_moderators_keys_work_while_the_view_is_active(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, demo: int
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # the discussion page, to see it follow
    discussion: Any = window.page("discussion")
    window.projector_action.trigger()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)
    settle(qtbot)
    view = the_one(ModeratorView)
    projector = the_one(ProjectorWindow)
    activate(qtbot, view)
    assert QApplication.focusWidget() is None or QApplication.focusWidget().window() is view

    qtbot.keyClick(view, Qt.Key.Key_T)  # Termin 1 opens
    termins = ui_db.list_termins(demo)
    assert [t.number for t in termins] == [1]
    assert termins[0].closed_at is None
    assert view.termin_label.text().startswith("Termin 1")
    assert discussion.termin_model.rowCount() == 1
    termin_id = _add_questions(ui_db, demo)

    qtbot.keyClick(view, Qt.Key.Key_N)  # the first asker asks, on the projector too
    assert _statuses(ui_db, termin_id) == [QuestionStatus.BERTANYA, QuestionStatus.ANTRE]
    assert view.asker_label.text() == "Rahmat Saputra (Bawaslu Kota Jambi)"
    assert projector.asker_label.text() == "Rahmat Saputra (Bawaslu Kota Jambi)"
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert _statuses(ui_db, termin_id) == [QuestionStatus.BERTANYA, QuestionStatus.BERTANYA]

    qtbot.keyClick(view, Qt.Key.Key_T)  # closed: the answers, from the first asker
    assert ui_db.list_termins(demo)[0].closed_at is not None
    assert projector.asker_label.text() == "Rahmat Saputra (Bawaslu Kota Jambi)"
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert _statuses(ui_db, termin_id) == [QuestionStatus.DIJAWAB, QuestionStatus.BERTANYA]
    assert projector.asker_label.text() == "Siti Aminah (Bawaslu Kota Jambi)"
    statuses = [discussion.question_model.row_object(r).status
                for r in range(discussion.question_model.rowCount())]
    assert statuses == [QuestionStatus.DIJAWAB, QuestionStatus.BERTANYA]

    # The same undo history as the discussion page: Ctrl+Z here takes the J back.
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert _statuses(ui_db, termin_id) == [QuestionStatus.BERTANYA, QuestionStatus.BERTANYA]
    stack = live_of(ui_db).undo_stack
    assert stack is not None and stack.redo_label == view.tr("Mark answered")

    # The timer: Space gives the floor to the waiting speaker, pauses, resumes; + adds.
    _add_waiting_speaker(ui_db, demo)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert _speaker(ui_db, demo).state == SpeakerState.SPEAKING
    assert projector.speaker_label.text() == "Drs. H. Ahmad Fauzi"
    assert view.timer_widget.time_label.text() == "05:00"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert _speaker(ui_db, demo).state == SpeakerState.PAUSED
    assert view.timer_widget.state_label.text() == view.timer_widget.tr("paused")
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert _speaker(ui_db, demo).state == SpeakerState.SPEAKING
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert _speaker(ui_db, demo).allotted_seconds == 360
    assert view.timer_widget.time_label.text() == "06:00"
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)  # Shift+=
    assert _speaker(ui_db, demo).allotted_seconds == 420

    qtbot.keyClick(view, Qt.Key.Key_T)  # closed: opens Termin 2
    assert [t.number for t in ui_db.list_termins(demo)] == [1, 2]
    assert view.termin_label.text().startswith("Termin 2")
    assert discussion.termin_model.rowCount() == 2


def test_the_moderators_buttons(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, demo: int
) -> None:
    window.moderator_action.trigger()
    settle(qtbot)
    view = the_one(ModeratorView)

    def click(button: Any) -> None:
        assert button.isVisible() and button.isEnabled()
        assert button.height() >= 60 and button.width() >= 120  # a finger's target
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert view.termin_button.text().startswith(view.tr("Open Termin {number}").format(number=1))
    click(view.termin_button)
    assert [t.number for t in ui_db.list_termins(demo)] == [1]
    assert view.termin_button.text().startswith(view.tr("Close termin"))
    termin_id = _add_questions(ui_db, demo)
    click(view.next_asker_button)
    assert _statuses(ui_db, termin_id) == [QuestionStatus.BERTANYA, QuestionStatus.ANTRE]
    click(view.termin_button)
    assert view.termin_button.text().startswith(view.tr("Open Termin {number}").format(number=2))
    click(view.answered_button)
    assert _statuses(ui_db, termin_id) == [QuestionStatus.DIJAWAB, QuestionStatus.ANTRE]
    click(view.undo_button)
    assert _statuses(ui_db, termin_id) == [QuestionStatus.BERTANYA, QuestionStatus.ANTRE]

    _add_waiting_speaker(ui_db, demo)
    assert view.pause_button.text().startswith(view.tr("Start speaker"))
    click(view.pause_button)
    assert _speaker(ui_db, demo).state == SpeakerState.SPEAKING
    assert view.pause_button.text().startswith(view.tr("Pause"))
    click(view.pause_button)
    assert _speaker(ui_db, demo).state == SpeakerState.PAUSED
    assert view.pause_button.text().startswith(view.tr("Resume"))
    click(view.minute_button)
    assert _speaker(ui_db, demo).allotted_seconds == 360
    # The buttons never take the focus from the keys.
    assert QApplication.focusWidget() is None or not isinstance(
        QApplication.focusWidget(), type(view.minute_button))


def test_nobody_to_time_is_said_not_raised(
    qtbot: QtBot, window: MainWindow, ui_db: Storage
) -> None:
    window.moderator_action.trigger()
    settle(qtbot)
    view = the_one(ModeratorView)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.message_label.text() == view.tr("Nobody is speaking.")
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert "Belum ada termin" in view.message_label.text()


# -- the header and the size -------------------------------------------------------------------


def _header_apart(view: ModeratorView) -> None:
    termin = view.termin_label
    clock = view.clock_label
    right_of_termin = termin.mapTo(view, QPoint(termin.width(), 0)).x()
    left_of_clock = clock.mapTo(view, QPoint(0, 0)).x()
    assert right_of_termin + 12 <= left_of_clock
    shown_text = termin.shown_text()
    assert termin.fontMetrics().horizontalAdvance(shown_text) <= termin.contentsRect().width()
    assert clock.fontMetrics().horizontalAdvance(clock.text()) <= clock.contentsRect().width()
    if shown_text != termin.text():
        assert shown_text.endswith("…")
        assert termin.toolTip() == termin.text()


def test_the_header_keeps_the_termin_and_the_clock_apart(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, demo: int
) -> None:
    window.moderator_action.trigger()
    settle(qtbot)
    view = the_one(ModeratorView)
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert view.termin_label.text() == "Termin 1 · dibuka · 0 dari 3 penanya"
    assert view.clock_label.text().endswith(" WIB")
    _header_apart(view)
    assert view.termin_label.shown_text() == view.termin_label.text()
    view.resize(view.minimumSizeHint().width(), view.height())  # as narrow as it goes
    settle(qtbot)
    _header_apart(view)


def test_both_windows_fit_the_laptop_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.projector_action.trigger()
    activate(qtbot, window)
    window.moderator_action.trigger()
    settle(qtbot)
    for hall_window in (the_one(ProjectorWindow), the_one(ModeratorView)):
        assert hall_window.width() <= LAPTOP_WIDTH
        assert hall_window.height() + TITLE_BAR <= LAPTOP_HEIGHT
        hint = hall_window.minimumSizeHint()
        assert hint.width() <= LAPTOP_WIDTH and hint.height() + TITLE_BAR <= LAPTOP_HEIGHT
    view = the_one(ModeratorView)
    for button in (view.next_asker_button, view.answered_button, view.termin_button,
                   view.pause_button, view.minute_button, view.undo_button):
        text_width = max(button.fontMetrics().horizontalAdvance(line)
                         for line in button.text().splitlines())
        assert text_width <= button.width(), button.text()


# -- following the main window -------------------------------------------------------------------


def test_another_event_opened_shows_in_the_open_windows(
    qtbot: QtBot, window: MainWindow, ui_db: Storage
) -> None:
    other = make_event(ui_db)  # "Rapat Koordinasi Kesiapan Pemilu", nothing going on
    window.projector_action.trigger()
    activate(qtbot, window)
    window.moderator_action.trigger()
    settle(qtbot)
    projector = the_one(ProjectorWindow)
    view = the_one(ModeratorView)
    assert projector.item_label.text() == "Registrasi peserta"

    def choose_other(dialog: QWidget) -> None:
        assert isinstance(dialog, EventChooserDialog)
        titles = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
        dialog.table.selectRow(titles.index("Rapat Koordinasi Kesiapan Pemilu"))
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    activate(qtbot, window)
    when_modal(qtbot, choose_other)
    window.open_event_action.trigger()
    settle(qtbot)
    assert window.event_id == other
    assert projector.title_label.text() == "Rapat Koordinasi Kesiapan Pemilu"
    assert projector.item_label.text() == ""
    assert view.timer_widget.subject_label.text() == view.timer_widget.tr("No speaker")
    assert the_one(ProjectorWindow) is projector and the_one(ModeratorView) is view


def test_closing_the_main_window_closes_them(
    qtbot: QtBot, window: MainWindow, ui_db: Storage
) -> None:
    window.projector_action.trigger()
    activate(qtbot, window)
    window.moderator_action.trigger()
    settle(qtbot)
    assert len(shown(ProjectorWindow)) == 1 and len(shown(ModeratorView)) == 1
    window.close()
    settle(qtbot)
    assert shown(ProjectorWindow) == [] and shown(ModeratorView) == []
    assert live_of(ui_db).open_windows() == []


def test_the_moderators_splitter_is_remembered(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.moderator_action.trigger()
    settle(qtbot)
    view = the_one(ModeratorView)
    before = view.splitter.sizes()[0]
    handle = view.splitter.handle(1)
    middle = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, QPoint(middle.x() - 120, middle.y()))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(middle.x() - 120,
                                                                      middle.y()))
    moved = view.splitter.sizes()[0]
    assert moved < before - 60
    view.close()
    settle(qtbot)
    activate(qtbot, window)
    window.moderator_action.trigger()
    settle(qtbot)
    reopened = the_one(ModeratorView)
    assert reopened is not view
    assert reopened.splitter.sizes()[0] == moved
