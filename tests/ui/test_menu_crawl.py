"""The menu crawl: with the demo rakor open, everything a user can open opens.

Every action in the menus is triggered the way the menu does it, and every button
on every page whose text ends in "…" (the promise that it opens something) is
clicked. What opens must be a visible window or dialog that fits a 1366x728 laptop
screen with its title bar; an action that opens nothing must do what its name says
(each has a check below). Nothing may write an error into the log.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMenu,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage
from ui.mainwindow import TITLE_BAR, MainWindow
from ui.meeting.rundown_page import RundownPage

MakeWindow = Callable[..., MainWindow]


@dataclass
class Opened:
    """What one click opened: modal dialogs (closed by the watcher) and windows."""

    dialogs: list[str] = field(default_factory=list)
    windows: list[str] = field(default_factory=list)
    misfits: list[str] = field(default_factory=list)

    @property
    def anything(self) -> bool:
        return bool(self.dialogs or self.windows)


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} '{widget.windowTitle()}'"


def _check_fits(widget: QWidget, opened: Opened) -> None:
    """A window or dialog fits the laptop's screen, title bar included."""
    screen = widget.screen().availableGeometry()
    frame = widget.frameGeometry()
    minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    too_big = (
        frame.width() > screen.width()
        or frame.height() + TITLE_BAR > screen.height()
        or minimum.width() > screen.width()
        or minimum.height() + TITLE_BAR > screen.height()
    )
    if too_big:
        opened.misfits.append(
            f"{_describe(widget)}: {frame.width()}x{frame.height()} "
            f"(at least {minimum.width()}x{minimum.height()})"
        )


def _top_levels() -> set[QWidget]:
    """The visible windows and dialogs (not menus, pop-ups or tool tips)."""
    return {
        w for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
    }


def _open(qtbot: QtBot, window: MainWindow, act: Callable[[], None]) -> Opened:
    """Do ``act`` as the user; close whatever it opened and say what that was."""
    opened = Opened()
    before = _top_levels()
    watching = True

    def close_modal() -> None:
        if not watching:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            gc.collect()
            opened.dialogs.append(_describe(dialog))
            _check_fits(dialog, opened)
            dialog.close()
        QTimer.singleShot(20, close_modal)

    QTimer.singleShot(20, close_modal)
    act()
    gc.collect()
    qtbot.wait(60)
    watching = False
    for widget in _top_levels() - before - {window}:
        if widget.isVisible():
            opened.windows.append(_describe(widget))
            _check_fits(widget, opened)
            widget.close()
    qtbot.wait(20)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return opened


@pytest.fixture
def demo_window(ui_db: Storage, make_window: MakeWindow) -> Iterator[MainWindow]:
    event_id = create_demo_event(ui_db)
    window = make_window(ui_db)
    window.open_event(event_id)
    yield window


def _effects(window: MainWindow, storage: Storage) -> dict[str, Callable[[], bool]]:
    """What each menu action that opens nothing must have done, by its object name."""

    def area(name: str) -> Callable[[], bool]:
        return lambda: window.stack.currentWidget() is window.page(name)

    events_before = len(storage.list_events())

    def demo_created() -> bool:
        return len(storage.list_events()) == events_before + 1 and window.event_id == max(
            e.id for e in storage.list_events()
        )

    def desk_ready() -> bool:
        desk = window.participants_area.desk
        return desk.isVisible() and QApplication.focusWidget() is desk.search_edit

    def search_ready() -> bool:
        page = window.participants_page
        return page.isVisible() and QApplication.focusWidget() is page.search_edit

    def desk_answered() -> bool:
        """Nothing to open for this person (e.g. already present): the desk says why."""
        desk = window.participants_area.desk
        return desk.isVisible() and desk.feedback.kind in ("error", "already", "info") and bool(
            desk.feedback.headline.text()
        )

    return {
        "desk_menu_on_behalf": desk_answered,
        "desk_menu_signature": desk_answered,
        "desk_menu_undo": desk_answered,
        "area_event": area("event"),
        "area_participants": area("participants"),
        "area_rundown": area("rundown"),
        "area_discussion": area("discussion"),
        "area_documents": area("documents"),
        "desk": desk_ready,
        "search": search_ready,
        "demo": demo_created,
    }


def _choose_someone_at_the_desk(
    window: MainWindow, storage: Storage, qtbot: QtBot, *, check_in: bool
) -> None:
    """The desk's person actions act on someone chosen: type a whole name (and press
    Enter to check them in: F4 to F9 then act on the person just registered)."""
    window.show_desk()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # "Esc hapus"
    event_id = window.event_id or 0
    invitee = next(
        i for i in storage.list_invitees(event_id)
        if len(storage.list_invitees(event_id, i.person.name)) == 1
        and (check_in or storage.desk_rows([i.id or 0])[0].first_checkin_at is None)
    )
    qtbot.keyClicks(QApplication.focusWidget(), invitee.person.name)
    qtbot.wait(50)
    assert window.participants_area.desk.selected_row() is not None
    if check_in:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.wait(50)


def test_every_menu_action_opens_or_does_what_it_says(
    demo_window: MainWindow, ui_db: Storage, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    window = demo_window
    caplog.set_level(logging.WARNING)
    effects = _effects(window, ui_db)
    crawled: list[str] = []
    dialogs: set[str] = set()
    windows: set[str] = set()
    problems: list[str] = []

    def crawl(menu: QMenu) -> None:
        nonlocal effects
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            name = action.objectName() or action.text()
            if name == "quit":
                continue  # last, below
            assert action.isEnabled(), f"{name} is disabled with an event open"
            effects = _effects(window, ui_db) if name == "demo" else effects
            opened = _open(qtbot, window, action.trigger)
            crawled.append(name)
            dialogs.update(d.split(" ", 1)[0] for d in opened.dialogs)
            windows.update(w.split(" ", 1)[0] for w in opened.windows)
            problems.extend(opened.misfits)
            if opened.anything:
                continue
            if name in effects:
                if not effects[name]():
                    problems.append(f"{name}: did not do what it says")
            else:
                problems.append(f"{name} ({action.text()}): opened nothing")

    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        menu.aboutToShow.emit()  # menus that fill themselves when opened
        if window.desk_menu is menu:
            # someone not yet present (F3 asks on whose behalf), then someone present
            # (F4 signature, F8 undo); each time every item of the menu
            _choose_someone_at_the_desk(window, ui_db, qtbot, check_in=False)
            crawl(menu)
            _choose_someone_at_the_desk(window, ui_db, qtbot, check_in=True)
        crawl(menu)
    assert not problems, problems
    assert {"new_event", "projector", "moderator", "about", "desk_menu_walk_in",
            "network_host", "network_join", "network_self_checkin", "projector_floor_qr",
            "desk_menu_phone_walk_ins"} <= set(crawled)
    assert {"OnBehalfDialog", "SignatureDialog", "UndoDialog", "HistoryDialog",
            "WalkInDialog", "SettingsDialog", "NewEventDialog", "HostNetworkDialog",
            "JoinDialog", "PhoneWalkInsDialog"} <= dialogs, dialogs
    assert "SelfCheckinWindow" in windows, windows
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]

    quit_action = next(a for a in window.findChildren(type(menu_action))
                       if a.objectName() == "quit")
    quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def _tabs_shown(page: QWidget) -> Iterator[None]:
    """Show each tab of each tab widget of a page in turn (the page itself first)."""
    yield
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield


def _promise(button: QAbstractButton) -> str:
    """A button's text as the user reads it: a tool button shows its action's text
    without the "…", so the action's own text says what it promises."""
    action = button.defaultAction() if isinstance(button, QToolButton) else None
    return (action.text() if action is not None else button.text()).replace("&", "")


def test_every_button_that_promises_a_dialog_opens_one(
    demo_window: MainWindow, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    window = demo_window
    caplog.set_level(logging.WARNING)
    clicked: list[str] = []
    dialogs: set[str] = set()
    problems: list[str] = []
    for number, area in enumerate(window.AREAS):
        window.show_area(number)
        page = window.page(area)
        if isinstance(page, RundownPage):
            page.table.selectRow(6)  # a paparan: Edit… and Add speaker… act on it
        seen: set[QAbstractButton] = set()
        for _shown in _tabs_shown(page):
            qtbot.wait(10)
            for button in page.findChildren(QAbstractButton):
                text = _promise(button)
                if button in seen or not text.rstrip().endswith("…"):
                    continue
                if not (button.isVisible() and button.isEnabled()):
                    continue
                seen.add(button)
                opened = _open(qtbot, window, button.click)
                clicked.append(f"{area}: {text}")
                dialogs.update(d.split(" ", 1)[0] for d in opened.dialogs)
                problems += opened.misfits
                if not opened.anything:
                    problems.append(f"{area}: '{text}' opened nothing")
                window.show_area(number)
    assert not problems, problems
    assert len(clicked) >= 10, clicked
    assert {"InviteeDialog", "ImportDialog", "RundownItemDialog", "SpeakerDialog",
            "MeetingSettingsDialog", "FollowUpDialog"} <= dialogs, dialogs
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


def test_the_desks_first_question_fits_the_screen(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    """With no operator name yet, Ctrl+R asks for it: that dialog fits too."""
    window = make_window(ui_db, Settings())
    window.open_event(create_demo_event(ui_db))
    opened = _open(qtbot, window, lambda: qtbot.keyClick(
        window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier))
    assert [d.split(" ", 1)[0] for d in opened.dialogs] == ["DeskOperatorDialog"]
    assert not opened.misfits, opened.misfits
