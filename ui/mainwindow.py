"""The main window: the areas of the product around one open event."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop import APP_NAME, paths
from rakor_desktop.changes import Changes
from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.formatting import format_date, format_time_range
from rakor_desktop.messages import RakorError
from rakor_desktop.operations import events as event_ops
from rakor_desktop.settings import Settings, save_settings
from rakor_desktop.storage import Storage

from .dialogs import EventChooserDialog, NewEventDialog, SettingsDialog, show_about
from .event.event_page import EventDetailsPage
from .network.window import WindowNetwork
from .participants.participants_page import ParticipantsPage
from .runner import OperationRunner
from .translations import Translations

log = logging.getLogger("rakor.ui.main")

UI_STATE_FILE = "ui-state.ini"


def ui_state() -> QSettings:
    """Window geometry and other UI state, kept apart from the preferences."""
    return QSettings(str(paths.app_dirs().config / UI_STATE_FILE), QSettings.Format.IniFormat)


class _FirstPaintWatcher(QObject):
    """Reports the first paint of a widget once (for --smoke and the startup benchmark)."""

    painted = Signal(float)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.painted.emit(time.time())
        return False


class ParticipantsArea(QTabWidget):
    """The "Peserta & Kehadiran" area: the invitation list and the registration desk."""

    def __init__(self, storage: Storage, settings: Settings, parent: QWidget | None = None,
                 *, clock: Clock = utc_now):
        super().__init__(parent)
        from .desk.checkin_page import CheckinPage

        self.participants = ParticipantsPage(storage)
        self.desk = CheckinPage(storage, settings, clock=clock)
        self.addTab(self.participants, self.tr("Invitation list"))
        self.addTab(self.desk, self.tr("Registration desk"))

    def set_event(self, event_id: int | None) -> None:
        """Show another event in both tabs."""
        self.participants.set_event(event_id)
        self.desk.set_event(event_id)


class MainWindow(QMainWindow):
    """One window for the whole meeting.

    Signals:
        event_opened(int): another event is now open (its id).
        first_painted(float): the window was painted for the first time (epoch seconds).
    """

    event_opened = Signal(int)
    first_painted = Signal(float)

    AREAS = ("event", "participants", "rundown", "discussion", "documents")

    def __init__(
        self,
        storage: Storage,
        settings: Settings,
        translations: Translations,
        *,
        database_path: Path,
        log_file: str = "",
    ) -> None:
        super().__init__()
        self.storage = storage
        self.settings = settings
        self.translations = translations
        self.database_path = database_path
        self.log_file = log_file
        self.event_id: int | None = None
        self.setMinimumSize(QSize(760, 520))
        self._paint_watcher = _FirstPaintWatcher(self)
        self._paint_watcher.painted.connect(self.first_painted)
        self.installEventFilter(self._paint_watcher)
        #: Calls operations and announces every change (here or elsewhere): ``changed``.
        self.runner = OperationRunner(storage, self)
        self._connect_signals()
        self._build_status_bar()
        self._build_backups()
        #: The venue network: this window as its host, or working as a desk (issue 13).
        self.network = WindowNetwork(self)
        self._build_ui()
        self._restore_state()

    # -- building (again after a language switch) --------------------------------------

    def _build_status_bar(self) -> None:
        """The status bar's labels, once: a language switch only sets their text again."""
        self.event_label = QLabel()
        self.event_label.setMinimumWidth(0)
        self.counts_label = QLabel()
        self.desk_label = QLabel()
        status = self.statusBar()
        status.addWidget(self.event_label, 1)
        status.addPermanentWidget(self.counts_label)
        status.addPermanentWidget(self.desk_label)

    def _build_ui(self) -> None:
        self.menuBar().clear()
        self._build_actions()
        self._build_menus()
        self.area_list = QListWidget()
        self.area_list.setObjectName("areaList")
        self.area_list.setFixedWidth(190)
        self.area_list.setStyleSheet("QListWidget#areaList::item { padding: 9px 6px; }")
        area_names = self._area_names()
        for area in self.AREAS:
            self.area_list.addItem(area_names[area])
        # Pages are built when first shown: the start of the app waits only for the first.
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        self._loaded: dict[QWidget, int | None] = {}
        for _area in self.AREAS:
            self.stack.addWidget(QWidget())
        self.area_list.currentRowChanged.connect(self._show_page)

        self.welcome = self._build_welcome()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.area_list)
        layout.addWidget(self.stack, 1)
        self.body = QStackedWidget()
        self.body.addWidget(self.welcome)
        self.body.addWidget(central)
        old = self.centralWidget()
        self.setCentralWidget(self.body)
        if old is not None:
            old.deleteLater()

        self.area_list.setCurrentRow(0)
        self._update_titles()
        self.network.window_built()

    def _area_names(self) -> dict[str, str]:
        return {
            "event": self.tr("Event"),
            "participants": self.tr("Participants & Attendance"),
            "rundown": self.tr("Rundown"),
            "discussion": self.tr("Discussion"),
            "documents": self.tr("Minutes & Documents"),
        }

    def page(self, area: str) -> QWidget:
        """The page of one area, built on first use."""
        if area not in self._pages:
            widget = self._make_page(area)
            index = self.AREAS.index(area)
            current = self.stack.currentIndex()
            placeholder = self.stack.widget(index)
            assert placeholder is not None
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._pages[area] = widget
        return self._pages[area]

    def _make_page(self, area: str) -> QWidget:
        if area == "event":
            event_page = EventDetailsPage(self.storage)
            event_page.saved.connect(lambda _id: self._event_saved())
            return event_page
        if area == "participants":
            return self._make_participants_area()
        if area == "rundown":
            from .meeting.rundown_page import RundownPage

            return RundownPage(self.storage, self.settings)
        if area == "discussion":
            from .meeting.discussion_page import DiscussionPage

            return DiscussionPage(self.storage, self.settings)
        from .documents.documents_page import DocumentsPage

        return DocumentsPage(self.storage, self.settings)

    def _make_participants_area(self) -> ParticipantsArea:
        area = ParticipantsArea(self.storage, self.settings, clock=self.network.clock())

        def list_changed(_event_id: int) -> None:
            self._update_titles()
            self._reload_live_meeting()
            area.desk.model.refresh()
            area.desk.refresh_counts()

        area.participants.invitees_changed.connect(list_changed)
        area.desk.attendance_changed.connect(lambda _id: self._update_titles())
        area.desk.invitees_changed.connect(lambda _id: area.participants.refresh())
        area.desk.settings_changed.connect(self._update_titles)  # the operator's name
        area.desk.show_requested.connect(self.show_desk)
        for action in area.desk.actions_for_menu:
            self.desk_menu.addAction(action)
        self.network.desk_area_built(area)
        return area

    @property
    def event_page(self) -> EventDetailsPage:
        """The "Acara" area."""
        page = self.page("event")
        assert isinstance(page, EventDetailsPage)
        return page

    @property
    def participants_area(self) -> ParticipantsArea:
        """The "Peserta & Kehadiran" area: the invitation list and the registration desk."""
        page = self.page("participants")
        assert isinstance(page, ParticipantsArea)
        return page

    @property
    def participants_page(self) -> ParticipantsPage:
        """The invitation list."""
        return self.participants_area.participants

    @property
    def rundown_page(self) -> QWidget:
        """The "Susunan Acara" area."""
        return self.page("rundown")

    def live_meeting(self) -> Any:
        """The live state shared by the rundown, discussion, projector and moderator view."""
        from .meeting.record_models import LiveMeeting

        return LiveMeeting.shared(self.storage)

    def show_projector(self) -> None:
        """Open the hall's projector window (Ctrl+Shift+P)."""
        if self.event_id is None:
            return
        from .meeting.projector import show_projector

        show_projector(self.storage, settings=self.settings, event_id=self.event_id)

    def show_moderator_view(self) -> None:
        """Open the moderator's large-font window (Ctrl+Shift+M)."""
        if self.event_id is None:
            return
        from .meeting.moderator_view import show_moderator_view

        show_moderator_view(self.storage, settings=self.settings, event_id=self.event_id)

    def _connect_signals(self) -> None:
        """The window-wide signals, wired in one place (pages wire their own widgets).

        ``runner.changed`` is the one path by which a change reaches the screens:
        :meth:`_show_changes` hands it to the status bar, the pages that were built
        and the hall windows (projector, moderator view).
        """
        self.event_opened.connect(self._hall_windows_follow)
        self._connect_runner()

    def _connect_runner(self) -> None:
        self.runner.changed.connect(self._show_changes)
        self.runner.failed.connect(
            lambda message: QMessageBox.warning(self, APP_NAME, message)
        )

    def _show_changes(self, changes: Changes) -> None:
        """Refresh what ``changes`` concerns (see :mod:`rakor_desktop.changes`).

        A page refreshes itself after its own action; here every view hears of the
        others' actions and of changes from elsewhere (``everything``).
        """
        import sqlite3

        try:
            self._refresh_for(changes)
        except sqlite3.DatabaseError as exc:
            # Reading after a change found the file damaged (a failing disk): the same
            # message as a backup that finds it, with the restore, never the crash box.
            log.error("refresh after a change failed: %s", exc)
            self._backup_found_damage(exc)

    def _refresh_for(self, changes: Changes) -> None:
        if self.event_id is None or not changes.concerns(self.event_id):
            return
        if changes.everything and not self.storage.event_exists(self.event_id):
            self.open_event(None)  # deleted by another program
            return
        if changes.touched("attendance") or changes.touched("invitees") or changes.touched(
            "details"
        ):
            self._update_titles()
        area = self._pages.get("participants")
        if isinstance(area, ParticipantsArea):
            area.desk.apply_changes(changes)
            if changes.changed_elsewhere("invitees"):
                area.participants.refresh()
        if (changes.changed_elsewhere("rundown") or changes.changed_elsewhere("discussion")) and (
                "ui.meeting.record_models" in sys.modules):
            self.live_meeting().reload()  # the rundown, discussion and hall windows
        discussion = self._pages.get("discussion")
        if discussion is not None and hasattr(discussion, "apply_changes"):
            discussion.apply_changes(changes)  # questions sent from phones (issue 14)
        if changes.everything:
            # The forms are read again only when nothing typed there is waiting to be saved.
            event_page = self._pages.get("event")
            if isinstance(event_page, EventDetailsPage) and not event_page.has_pending_changes():
                event_page.set_event(self.event_id)
            documents = self._pages.get("documents")
            if documents is not None and not getattr(documents, "has_pending_changes", bool)():
                getattr(documents, "refresh", lambda: None)()

    def _hall_windows_follow(self, event_id: int) -> None:
        """The projector and the moderator's window (when open) show the event opened."""
        if "ui.meeting.record_models" in sys.modules:  # else no hall window was ever opened
            self.live_meeting().follow_event(event_id)

    def _event_saved(self) -> None:
        self._update_titles()
        self._reload_live_meeting()

    def _reload_live_meeting(self) -> None:
        if "rundown" in self._pages or "discussion" in self._pages:
            self.live_meeting().reload()

    def _save_pending(self) -> None:
        """Save what is typed in the forms that were shown (details, documents)."""
        for area in ("event", "documents", "rundown", "discussion"):
            page = self._pages.get(area)
            if page is not None and hasattr(page, "save_now"):
                page.save_now()

    def _build_welcome(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        heading = QLabel(f"<h1>{APP_NAME}</h1>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr("Open an event or create a new one. The demo event shows a whole "
                    "coordination meeting to explore.")
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for action in (self.new_event_action, self.open_event_action, self.demo_action):
            button = QPushButton(action.text().replace("&", ""))
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return page

    def _build_actions(self) -> None:
        def action(text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.new_event_action = action(self.tr("&New event…"), self.new_event,
                                       QKeySequence.StandardKey.New, name="new_event")
        self.open_event_action = action(self.tr("&Open event…"), self.choose_event,
                                        QKeySequence.StandardKey.Open, name="open_event")
        self.demo_action = action(self.tr("Create &demo event"), self.create_demo_event,
                                  name="demo")
        self.import_event_action = action(self.tr("&Import event file…"),
                                          self.import_event_file, name="import_event")
        self.export_event_action = action(self.tr("&Export event file…"),
                                          self.export_event_file, name="export_event")
        self.restore_backup_action = action(self.tr("&Restore from backup…"),
                                            self.restore_from_backup, name="restore_backup")
        self.settings_action = action(self.tr("&Preferences…"), self.edit_settings,
                                      QKeySequence.StandardKey.Preferences, name="settings")
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit,
                                  name="quit")
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.about_action = action(self.tr("&About Rakor Desktop"), self.show_about, name="about")
        self.area_actions: list[QAction] = []
        area_names = self._area_names()
        for number, area in enumerate(self.AREAS):
            act = action(
                area_names[area], lambda _checked=False, n=number: self.show_area(n),
                f"Ctrl+{number + 1}", name=f"area_{area}",
            )
            self.area_actions.append(act)
        self.search_action = action(self.tr("&Find participant"), self.focus_search,
                                    QKeySequence.StandardKey.Find, name="search")
        self.desk_action = action(self.tr("Open the &registration desk"), self.show_desk,
                                  "Ctrl+R", name="desk")
        self.projector_action = action(self.tr("&Projector window"), self.show_projector,
                                       "Ctrl+Shift+P", name="projector")
        self.moderator_action = action(self.tr("&Moderator view"), self.show_moderator_view,
                                       "Ctrl+Shift+M", name="moderator")
        self.network.build_actions()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_event_action)
        file_menu.addAction(self.open_event_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_event_action)
        file_menu.addAction(self.export_event_action)
        file_menu.addSeparator()
        file_menu.addAction(self.restore_backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.desk_menu = self.menuBar().addMenu(self.tr("&Desk"))
        self.desk_menu.addAction(self.desk_action)
        self.desk_menu.addSeparator()
        # The desk's own actions join the menu when the desk is first built.
        self.desk_menu.aboutToShow.connect(lambda: self._load_page(self.page("participants")))
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.search_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for act in self.area_actions:
            view_menu.addAction(act)
        view_menu.addSeparator()
        view_menu.addAction(self.projector_action)
        view_menu.addAction(self.moderator_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self.network.add_to_menus(file_menu, self.desk_menu)

    # -- events ----------------------------------------------------------------------

    def open_event(self, event_id: int | None) -> None:
        """Make ``event_id`` the open event (None: the welcome screen)."""
        if event_id is not None and not self.storage.event_exists(event_id):
            event_id = None
        self._save_pending()
        self.event_id = event_id
        self.runner.event_id = event_id
        self._loaded.clear()
        self._load_page(self.stack.currentWidget())
        self.body.setCurrentIndex(0 if event_id is None else 1)
        has_event = event_id is not None
        self.export_event_action.setEnabled(has_event)
        self.search_action.setEnabled(has_event)
        self.desk_action.setEnabled(has_event)
        self.projector_action.setEnabled(has_event)
        self.moderator_action.setEnabled(has_event)
        for act in self.area_actions:
            act.setEnabled(has_event)
        self._update_titles()
        if event_id is not None:
            if not self.network.is_desk:  # a desk's copy has ids of its own
                ui_state().setValue("last_event_id", event_id)
            log.info("event %s opened", event_id)
            self.event_opened.emit(event_id)

    def open_initial_event(self, event_id: int | None = None) -> None:
        """At start: the requested event, else the last one used, else the newest one;
        the welcome screen when the database has no event. A window that was a desk
        when it closed reopens as that desk."""
        if self.network.resume():
            return
        if event_id is None:
            last = ui_state().value("last_event_id")
            try:
                event_id = int(str(last)) if last is not None else None
            except ValueError:
                event_id = None
        if event_id is None or not self.storage.event_exists(event_id):
            events = self.storage.list_events()
            event_id = events[0].id if events else None
        self.open_event(event_id)

    def new_event(self) -> None:
        """Create an event through the dialog and open it."""
        dialog = NewEventDialog(self.storage, self)
        if dialog.exec() and dialog.event_id is not None:
            self.open_event(dialog.event_id)
            self.show_area(0)

    def choose_event(self) -> None:
        """Let the user pick the event to work on."""
        dialog = EventChooserDialog(self.storage, self.event_id, self)
        accepted = dialog.exec()
        if dialog.wants_new_event:
            self.new_event()
        elif accepted and dialog.event_id is not None:
            self.open_event(dialog.event_id)
        elif self.event_id is not None and not self.storage.event_exists(self.event_id):
            self.open_event(None)  # the open event was deleted in the chooser

    def create_demo_event(self) -> None:
        """Create the sample rakor and open it."""
        from rakor_desktop.demo import create_demo_event

        self.open_event(create_demo_event(self.storage))
        self.statusBar().showMessage(self.tr("Demo event created."), 5000)

    def import_event_file(self) -> None:
        """Import an exported event file as a new event."""
        from rakor_desktop.exports.eventfile import import_event

        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import event file"), str(Path.home()),
            self.tr("Rakor event files (*.rakor *.json);;All files (*)"),
        )
        if not path:
            return
        try:
            new_id = import_event(self.storage, Path(path))
        except (RakorError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Import failed"), str(exc))
            return
        self.open_event(new_id)

    def export_event_file(self) -> None:
        """Save the open event (everything recorded) as a file."""
        from rakor_desktop.exports.eventfile import export_event

        if self.event_id is None:
            return
        self._save_pending()
        event = event_ops.get_event(self.storage, self.event_id)
        suggested = Path.home() / f"{event.date.isoformat()} {_file_safe(event.title)}.rakor"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export event file"), str(suggested),
            self.tr("Rakor event files (*.rakor *.json)"),
        )
        if not path:
            return
        try:
            written = export_event(self.storage, self.event_id, Path(path))
        except (RakorError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Saved to {path}").format(path=written), 8000)

    # -- areas, settings, about ------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        if not 0 <= index < len(self.AREAS):
            return
        page = self.page(self.AREAS[index])
        self._load_page(page)
        self.stack.setCurrentIndex(index)

    def _load_page(self, page: QWidget | None) -> None:
        """Pages load the open event when first shown, not all at start."""
        if page is None or not hasattr(page, "set_event"):
            return
        if page in self._loaded and self._loaded[page] == self.event_id:
            return
        page.set_event(self.event_id)
        self._loaded[page] = self.event_id

    def start_maintenance(self) -> None:
        """Check the database and back it up, in the background, after the first paint."""
        from rakor_desktop.storage import check_and_back_up

        from .tasks import run_in_background

        path, keep = self.database_path, self.settings.backups_kept
        run_in_background(
            lambda: check_and_back_up(path, keep=keep),
            on_done=lambda backup: log.info("startup check done, backup %s", backup),
            on_error=self._maintenance_failed,
        )

    def _maintenance_failed(self, error: Exception) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("The database is damaged"),
            self.tr(
                "{error}\n\nStop working in this file: restore the latest backup (the "
                "damaged file is kept aside), or ask for help."
            ).format(error=error),
            QMessageBox.StandardButton.Close,
            self,
        )
        restore = box.addButton(self.tr("&Restore from backup…"),
                                QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restore_backup_button")
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is restore:
            self.restore_from_backup()

    # -- backups while working, the second copy, restoring ---------------------------------

    def _build_backups(self) -> None:
        """The backup timer and the status bar's label of the second copy, once."""
        from PySide6.QtCore import QTimer

        from rakor_desktop.storage.database import change_marker

        self.second_copy_label = QLabel()
        self.second_copy_label.setObjectName("second_copy_label")
        self.statusBar().addPermanentWidget(self.second_copy_label)
        self.last_backup: Any = None  # the newest BackupRun of this session
        self._backup_running = False
        self._second_copy_failed = False
        self._second_copy_at: Any = None
        self._event_file_at: float | None = None  # time.monotonic() of the last one
        self._damage_reported = False
        try:
            self._backup_marker: tuple[int, int] | None = change_marker(self.storage)
        except Exception:  # a damaged file: the next backup will say so
            self._backup_marker = None
        self.backup_timer = QTimer(self)
        self.backup_timer.setObjectName("backup_timer")
        self.backup_timer.setInterval(max(1, self.settings.backup_interval_minutes) * 60_000)
        self.backup_timer.timeout.connect(self.start_backup)
        self.backup_timer.start()
        self._show_second_copy_state()

    def _changed_since_backup(self) -> tuple[bool, tuple[int, int] | None]:
        from rakor_desktop.storage.database import change_marker

        try:
            marker = change_marker(self.storage)
        except Exception:
            return False, self._backup_marker
        return marker != self._backup_marker, marker

    def start_backup(self) -> None:
        """A backup in the background (the timer's slot) when something changed, or when
        the second copy is still owed."""
        from rakor_desktop.backup import back_up_while_working

        from .tasks import run_in_background

        changed, marker = self._changed_since_backup()
        owed = self._second_copy_failed and self.settings.second_place is not None
        if self._backup_running or not (changed or owed):
            return
        self._backup_running = True
        path, keep = self.database_path, self.settings.backups_kept
        place, event_id = self.settings.second_place, self.event_id
        from rakor_desktop.backup import EVENT_FILE_INTERVAL

        event_file_due = (self._event_file_at is None or time.monotonic() - self._event_file_at
                          >= EVENT_FILE_INTERVAL.total_seconds())

        def done(run: Any) -> None:
            self._backup_running = False
            self._backup_marker = marker
            self._backup_written(run)

        def failed(error: Exception) -> None:
            self._backup_running = False
            log.warning("backup while working failed: %s", error)
            self._backup_found_damage(error)

        run_in_background(
            lambda: back_up_while_working(path, keep_days=keep, second_place=place,
                                          event_id=event_id, with_event_file=event_file_due),
            on_done=done,
            on_error=failed,
        )

    def _backup_found_damage(self, error: Exception) -> None:
        """A backup that finds the database damaged says so at once (once a session),
        with the restore offered: the secretariat loses at most one interval."""
        import sqlite3

        from rakor_desktop.messages import DatabaseError

        damaged = isinstance(error, DatabaseError) or (
            isinstance(error, sqlite3.DatabaseError)
            and not isinstance(error, sqlite3.OperationalError)
        )
        if not damaged or self._damage_reported:
            return
        self._damage_reported = True
        self._maintenance_failed(error)

    def _backup_written(self, run: Any) -> None:
        self.last_backup = run
        if run.event_file is not None:
            self._event_file_at = time.monotonic()
        if run.second_copy_error:
            if not self._second_copy_failed:  # said once, not at every backup
                self.statusBar().showMessage(run.second_copy_error, 30000)
            self._second_copy_failed = True
        elif run.second_copy_at is not None:
            self._second_copy_failed = False
            self._second_copy_at = run.second_copy_at
        self._show_second_copy_state()

    def _show_second_copy_state(self) -> None:
        place = self.settings.second_place
        label = self.second_copy_label
        if place is None:
            label.clear()
            label.setToolTip("")
            label.setStyleSheet("")
        elif self._second_copy_failed:
            label.setText(self.tr("⚠ Second copy: folder not reachable"))
            label.setToolTip(str(place))
            label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            when = (self._second_copy_at.astimezone().strftime("%H.%M")
                    if self._second_copy_at is not None else self.tr("not yet"))
            label.setText(self.tr("Second copy: {time}").format(time=when))
            label.setToolTip(str(place))
            label.setStyleSheet("")

    def _backup_settings_changed(self) -> None:
        """A new interval or second place applies at once (the next backup goes there)."""
        self.backup_timer.setInterval(max(1, self.settings.backup_interval_minutes) * 60_000)
        self._second_copy_failed = False
        self._second_copy_at = None
        self._show_second_copy_state()
        if self.settings.second_place is not None:
            self._backup_marker = None  # the new place gets a copy at the next tick

    def _back_up_on_close(self) -> None:
        """The last backup of the session, when something changed since the previous one."""
        from rakor_desktop.backup import back_up_while_working

        self.backup_timer.stop()
        changed, _marker = self._changed_since_backup()
        if not changed:
            return
        try:
            back_up_while_working(self.database_path, keep_days=self.settings.backups_kept,
                                  second_place=self.settings.second_place,
                                  event_id=self.event_id)
        except Exception as exc:  # closing must never fail
            log.warning("no backup on close: %s", exc)

    def restore_from_backup(self) -> None:
        """File → Restore from backup…: choose a backup, put the current file aside, reopen."""
        from .backup_dialog import RestoreBackupDialog

        dialog = RestoreBackupDialog(self.database_path, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        self._restore(dialog.chosen)

    def _restore(self, backup: Path) -> None:
        from rakor_desktop.backup import restore_backup
        from rakor_desktop.storage.database import change_marker

        try:
            self._save_pending()
        except Exception as exc:  # a damaged file may refuse what was typed
            log.warning("pending changes not saved before restoring: %s", exc)
        self.backup_timer.stop()
        from .tasks import wait_for_background_tasks

        wait_for_background_tasks()
        if "ui.meeting.record_models" in sys.modules:
            self.live_meeting().close_windows()
        self.network.host.shut_down()  # desks reconnect once it is on again
        self.storage.close()
        aside: Path | None = None
        error: Exception | None = None
        try:
            aside = restore_backup(self.database_path, backup)
        except (RakorError, OSError) as exc:
            error = exc
        try:
            fresh = Storage.open(self.database_path, backup=False)
        except RakorError as exc:
            QMessageBox.critical(self, self.tr("The database cannot be opened"), str(exc))
            return
        # The same Storage object, so every page and window keeps working on it.
        self.storage.take_connection_of(fresh)
        self._backup_marker = change_marker(self.storage)
        self._damage_reported = False
        self.backup_timer.start()
        area = self.area_list.currentRow()
        self._build_ui()
        self.open_event(self.event_id)
        self.area_list.setCurrentRow(max(area, 0))
        self.activateWindow()
        if area == self.AREAS.index("participants") and self.event_id is not None:
            self.show_desk()  # the desk is ready for the next scan
        if error is not None:
            QMessageBox.warning(self, self.tr("Restore failed"), str(error))
            return
        log.info("restored %s; previous file put aside as %s", backup, aside)
        self.statusBar().showMessage(
            self.tr("Restored the backup {backup}. The previous file was kept as {aside}.")
            .format(backup=backup.name, aside=aside.name if aside else "-"),
            30000,
        )

    def use_storage(self, storage: Storage, database_path: Path) -> None:
        """Work on another database from now on (a desk's copy of the host's event, and
        back): the pages are built again on it; the caller opens an event."""
        from rakor_desktop.storage.database import change_marker

        from .tasks import wait_for_background_tasks

        self._save_pending()
        self.backup_timer.stop()
        wait_for_background_tasks()
        if "ui.meeting.record_models" in sys.modules:
            self.live_meeting().close_windows()
        self.runner.stop()
        self.runner.deleteLater()
        self.storage = storage
        self.database_path = database_path
        self.event_id = None
        self.runner = OperationRunner(storage, self)
        self._connect_runner()
        self._backup_marker = change_marker(storage)
        self.backup_timer.start()
        self._build_ui()

    def show_area(self, number: int) -> None:
        """Switch to one of the areas (Ctrl+1 … Ctrl+5)."""
        if self.event_id is not None and 0 <= number < len(self.AREAS):
            self.area_list.setCurrentRow(number)

    def show_desk(self) -> None:
        """Go to the registration desk, ready for the first name or scan (Ctrl+R)."""
        if self.event_id is None:
            return
        self.show_area(self.AREAS.index("participants"))
        area = self.participants_area
        area.setCurrentWidget(area.desk)
        area.desk.search_edit.setFocus()

    def focus_search(self) -> None:
        """Jump to the participant search (Ctrl+F)."""
        self.show_area(self.AREAS.index("participants"))
        self.participants_area.setCurrentWidget(self.participants_page)
        self.participants_page.search_edit.setFocus()
        self.participants_page.search_edit.selectAll()

    def edit_settings(self) -> None:
        """The preferences dialog; a new language applies at once."""
        dialog = SettingsDialog(self.settings, self)
        if not dialog.exec():
            return
        old_language = self.settings.language
        dialog.apply_to(self.settings)
        try:
            save_settings(self.settings)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Preferences not saved"),
                self.tr("The preferences could not be saved: {error}").format(error=exc),
            )
        if self.settings.language != old_language:
            self.switch_language(self.settings.language)
        self._backup_settings_changed()
        self._update_titles()

    def switch_language(self, language: str) -> None:
        """Apply another language to the whole window without losing anything typed."""
        self._save_pending()
        area = self.area_list.currentRow()
        self.translations.apply(language)
        self._build_ui()
        self.open_event(self.event_id)
        self.area_list.setCurrentRow(max(area, 0))

    def show_about(self) -> None:
        """The about box."""
        show_about(self, self.database_path, self.log_file)

    def _update_titles(self) -> None:
        event = self.storage.get_event(self.event_id) if self.event_id is not None else None
        if event is None:
            self.setWindowTitle(APP_NAME)
            self.event_label.setText(self.tr("No event open"))
            self.counts_label.clear()
        else:
            self.setWindowTitle(f"{event.title} — {APP_NAME}")
            self.event_label.setText(
                f"{event.title} · {format_date(event.date)} · "
                f"{format_time_range(event.start_time, event.end_time, event.timezone)}"
            )
            counts = self.storage.attendance_counts(event.id or 0)
            self.counts_label.setText(
                self.tr("Present {present} / {invited}").format(
                    present=counts.present, invited=counts.invited
                )
            )
        operator = self.settings.operator_name or self.tr("operator not set")
        self.desk_label.setText(f"{self.settings.effective_station} · {operator}")

    # -- window state --------------------------------------------------------------------

    def _restore_state(self) -> None:
        state = ui_state()
        geometry = state.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = self.screen()
            available = screen.availableGeometry() if screen is not None else None
            size = default_window_size(available.size() if available is not None else None)
            self.resize(size)
            if available is not None:
                frame = self.frameGeometry().size() - self.geometry().size()
                self.move(
                    available.x() + max(0, (available.width() - size.width() - frame.width()) // 2),
                    available.y() + max(0, (available.height() - size.height()
                                            - max(frame.height(), TITLE_BAR)) // 2),
                )
        window_state = state.value("main_window/state")
        if isinstance(window_state, QByteArray) and not window_state.isEmpty():
            self.restoreState(window_state)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is pending and remember the window before closing."""
        self._save_pending()
        self.runner.stop()
        self._back_up_on_close()
        self.network.shut_down()  # after the last backup: a desk's copy is closed here
        state = ui_state()
        state.setValue("main_window/geometry", self.saveGeometry())
        state.setValue("main_window/state", self.saveState())
        state.sync()
        if "ui.meeting.record_models" in sys.modules:  # projector / moderator windows close too
            self.live_meeting().close_windows()
        event.accept()


TITLE_BAR = 32  # what a window manager's title bar takes, before the window is shown
PREFERRED_SIZE = QSize(1280, 800)


def default_window_size(available: QSize | None) -> QSize:
    """The first size of the main window: roomy, but never beyond the screen.

    ``available`` is the screen without the task bar (1366x728 on a common Windows
    laptop); the window's title bar must fit too.
    """
    if available is None or available.isEmpty():
        return QSize(1200, 680)
    return QSize(
        min(PREFERRED_SIZE.width(), available.width() - 16),
        min(PREFERRED_SIZE.height(), available.height() - TITLE_BAR - 8),
    )


def _file_safe(text: str) -> str:
    kept = "".join(c if c.isalnum() or c in " -_." else "_" for c in text)
    return " ".join(kept.split())[:80] or "acara"
