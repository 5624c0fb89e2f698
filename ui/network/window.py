"""The venue network in one main window: its menu actions, its status bar label, the
host's controller, and the desk mode.

Desk mode: after joining (or at start, when this laptop was a desk when it closed) the
window works on the desk's copy of the host's event instead of its own database (the
way a restore swaps the file): only the registration desk is shown, the host's business
(the other areas, the invitation list, other events, the projector) is hidden, check-ins
are stamped with the desk's corrected clock, every local write wakes the sync, and the
sync's pulls are announced to the window at once. Leaving the network or promoting the
copy into an event of this laptop goes back to this laptop's own database.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QSizePolicy

from rakor_desktop.changes import Changes
from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.messages import RakorError

from .host_dialog import HostController, HostNetworkDialog, host_shortcut
from .status import desk_banner, desk_status, style_label

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

log = logging.getLogger("rakor.ui.network")

#: The key (in the window's UI state) remembering the desk copy a database's window
#: was working on, so that the next start resumes as a desk.
DESK_STATE_KEY = "network/desk_{key}"
#: How long closing the window waits for the host's server to stop.
SHUT_DOWN_MS = 3000


class _SyncRelay(QObject):
    """Carries the sync threads' reports to the GUI thread (queued signals)."""

    status = Signal(object)
    pulled = Signal()


class WindowNetwork(QObject):
    """The network of one main window (host or desk); see the module's docstring."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.home_storage = window.storage
        self.home_path = window.database_path
        self.home_event_id: int | None = None
        self.desk_path: Path | None = None
        self.desk_storage: Any = None
        self.sync: Any = None  # rakor_desktop.network.desk.DeskSync while a desk
        self.last_status: Any = None
        self.banner: QLabel | None = None
        self._clock: Clock = utc_now
        self.status_label = QLabel()
        self.status_label.setObjectName("network_status")
        # Never squeezed: the state of the network is read at a glance (the event's
        # title on the left gives way first).
        self.status_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.status_label.hide()
        window.statusBar().addPermanentWidget(self.status_label)
        self.host = HostController(lambda: self.window.database_path, self)
        self.host.state_changed.connect(self._show_status)
        self.host.state_changed.connect(self._network_changed)
        #: The clock of the self check-in screen (its code follows its minute).
        self.screen_clock: Clock = utc_now
        self._entrance: Any = None
        self.floor_qr_on = False
        self.host.look_for_changes.connect(lambda: self.window.runner.look_for_changes())
        self.host.wrote.connect(lambda changes: self.window.runner.heard(changes))
        self._relay = _SyncRelay(self)
        self._relay.status.connect(self._sync_reported, Qt.ConnectionType.QueuedConnection)
        self._relay.pulled.connect(self._pulled, Qt.ConnectionType.QueuedConnection)

    @property
    def is_desk(self) -> bool:
        """The window works on a desk's copy."""
        return self.desk_path is not None

    def clock(self) -> Clock:
        """The clock the desk page stamps check-ins with (the host's, at a desk)."""
        return self._clock

    # -- the window's hooks --------------------------------------------------------------

    def build_actions(self) -> None:
        """The network's menu actions (again after a language switch)."""
        window = self.window

        def action(text: str, slot: Any, name: str) -> QAction:
            act = QAction(text, window)
            act.setObjectName(name)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.host_action = action(self.tr("Event &network…"), self.show_host_dialog,
                                  "network_host")
        self.host_action.setShortcut(host_shortcut())
        self.host_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.join_action = action(self.tr("&Join as a desk…"), self.join, "network_join")
        self.leave_action = action(self.tr("&Leave the network…"), self.leave,
                                   "network_leave")
        self.promote_action = action(self.tr("Make it an &event on this laptop…"),
                                     self.promote, "network_promote")
        # Issue 14: the phones' pages shown in the hall.
        self.entrance_action = action(self.tr("&Self check-in screen…"),
                                      self.show_self_checkin, "network_self_checkin")
        self.entrance_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.entrance_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.floor_qr_action = QAction(self.tr("&Question QR on the projector"), window)
        self.floor_qr_action.setObjectName("projector_floor_qr")
        self.floor_qr_action.setCheckable(True)
        self.floor_qr_action.setChecked(self.floor_qr_on)
        self.floor_qr_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.floor_qr_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.floor_qr_action.triggered.connect(self.toggle_floor_qr)

    def add_to_menus(self, file_menu: QMenu, desk_menu: QMenu) -> None:
        """Join (or, at a desk, leave and promote) in File; the host's dialog in Desk."""
        before = self.window.restore_backup_action
        if self.is_desk:
            file_menu.insertActions(before, [self.leave_action, self.promote_action])
        else:
            file_menu.insertAction(before, self.join_action)
            desk_menu.insertAction(desk_menu.actions()[1], self.host_action)
            desk_menu.insertAction(desk_menu.actions()[2], self.entrance_action)
            view_menu = self._menu_of(self.window.projector_action)
            if view_menu is not None:
                after = self.window.moderator_action
                actions = view_menu.actions()
                index = actions.index(after) + 1 if after in actions else len(actions)
                if index < len(actions):
                    view_menu.insertAction(actions[index], self.floor_qr_action)
                else:
                    view_menu.addAction(self.floor_qr_action)
            # The projector opened (again): it gets the QR when it is wanted.
            self.window.projector_action.triggered.connect(self._apply_floor_qr)
            self._apply_floor_qr()  # an open projector's menu gets this action (a new
            # language makes the actions again)
        file_menu.insertSeparator(before)

    def _menu_of(self, action: QAction) -> QMenu | None:
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu) and action in menu.actions():
                return menu
        return None

    def window_built(self) -> None:
        """After the window (re)built its areas and menus: a desk shows only the desk."""
        if not self.is_desk:
            return
        window = self.window
        keep = window.AREAS.index("participants")
        for row in range(window.area_list.count()):
            item = window.area_list.item(row)
            if item is not None:
                item.setHidden(row != keep)
        for number, act in enumerate(window.area_actions):
            act.setVisible(number == keep)
        for act in (window.new_event_action, window.open_event_action, window.demo_action,
                    window.import_event_action, window.export_event_action,
                    window.restore_backup_action, window.search_action,
                    window.projector_action, window.moderator_action,
                    self.entrance_action, self.floor_qr_action):
            act.setVisible(False)

    def desk_area_built(self, area: Any) -> None:
        """The participants area was built: at a desk, the invitation list (the host's
        business) is hidden and a banner says whether check-ins reached the host."""
        if not self.is_desk:
            self.banner = None
            return
        area.setTabVisible(area.indexOf(area.participants), False)
        area.setCurrentWidget(area.desk)
        banner = QLabel()
        banner.setObjectName("network_banner")
        banner.setWordWrap(True)
        banner.hide()
        layout = area.desk.layout()
        layout.insertWidget(layout.indexOf(area.desk.feedback) + 1, banner)
        self.banner = banner
        if self.last_status is not None:
            self._show_sync_status(self.last_status)

    def resume(self) -> bool:
        """At start: reopen as the desk this database's window was when it closed."""
        remembered = self._remembered_desk()
        if remembered is None:
            return False
        try:
            self.enter_desk_mode(remembered)
        except FileNotFoundError:
            log.warning("the remembered desk copy %s is gone or ended", remembered)
            self._remember_desk(None)
            return False
        except (RakorError, OSError) as exc:
            log.warning("cannot reopen the desk copy %s: %s", remembered, exc)
            QMessageBox.warning(self.window, self.tr("Desk copy not opened"), str(exc))
            return False
        return True

    def _network_changed(self) -> None:
        """On or off: the projector's QR follows (off: it goes, and is not wanted)."""
        if not self.host.running and not self.host.starting and self.floor_qr_on:
            self.floor_qr_on = False
            self.floor_qr_action.setChecked(False)
        self._apply_floor_qr()

    def shut_down(self) -> None:
        """The window closes: stop serving, stop syncing (the outbox stays on disk)."""
        entrance = self.entrance
        if entrance is not None:
            entrance.close()
        self.host.shut_down()
        stopping = self.host.stopping
        if stopping is not None and not stopping.done():
            # Qt's loop ends with the last window: let the server close its connections
            # first (desks then see a closed host at once, not a hanging request).
            from PySide6.QtCore import QDeadlineTimer, QEventLoop

            deadline = QDeadlineTimer(SHUT_DOWN_MS)
            loop = QEventLoop()
            while not stopping.done() and not deadline.hasExpired():
                loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        self._stop_sync()
        if self.desk_storage is not None:
            self.desk_storage.close()
            self.desk_storage = None

    # -- host ------------------------------------------------------------------------

    def show_host_dialog(self) -> None:
        """Desk → Event network… (Ctrl+Shift+J)."""
        window = self.window
        event_id = self.host.event_id if self.host.running else window.event_id
        event = window.storage.get_event(event_id) if event_id is not None else None
        dialog = HostNetworkDialog(self.host, event_id, event.title if event else "", window)
        dialog.use_hall_actions(self.entrance_action, self.floor_qr_action)
        dialog.exec()
        self._show_status()

    # -- the phones' pages in the hall (issue 14) -------------------------------------------

    def show_self_checkin(self) -> None:
        """Desk → Self check-in screen… (Ctrl+Shift+H): the rotating QR code full screen,
        on the hall's screen when there is a second one (or brought forward)."""
        from .entrance import SelfCheckinWindow

        window = self.window
        open_window = self.entrance
        if open_window is not None:
            open_window.setWindowState(open_window.windowState()
                                       & ~Qt.WindowState.WindowMinimized)
            open_window.show()
            open_window.raise_()
            open_window.activateWindow()
            return
        event_id = self.host.event_id if self.host.running else window.event_id
        event = window.storage.get_event(event_id) if event_id is not None else None
        entrance = SelfCheckinWindow(self.host, event.title if event else "",
                                     clock=self.screen_clock)
        entrance.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._entrance = entrance
        entrance.destroyed.connect(self._entrance_closed)
        several = len(SelfCheckinWindow.screens()) > 1
        entrance.show_on_screen(full_screen=several)

    @property
    def entrance(self) -> Any:
        """The self check-in screen while it is open (None: closed)."""
        entrance = self._entrance
        try:
            return entrance if entrance is not None and entrance.isVisible() else None
        except RuntimeError:  # deleted by Qt
            return None

    def _entrance_closed(self) -> None:
        self._entrance = None

    def toggle_floor_qr(self, checked: bool) -> None:
        """View → Question QR on the projector (Ctrl+Shift+T): the floor page's QR code
        in a corner of the hall screen, or not. The network must be on."""
        window = self.window
        if checked and not self.host.running:
            self.floor_qr_action.setChecked(False)
            QMessageBox.information(
                window, self.tr("Question QR on the projector"),
                self.tr("The event network is off. Turn it on first (Desk → Event network…, "
                        "Ctrl+Shift+J): phones reach the question page through it."))
            return
        self.floor_qr_on = checked
        if checked and window.event_id is not None:
            window.show_projector()  # opened, or brought forward
        self._apply_floor_qr()

    def _apply_floor_qr(self) -> None:
        """Give the open projector the floor page's link (or "" to hide the QR)."""
        import sys

        if "ui.meeting.record_models" not in sys.modules:
            return  # no hall window was ever opened
        projector = self.window.live_meeting().open_window("projector")
        if projector is None or not hasattr(projector, "set_floor_qr"):
            return
        link = self.host.page_link("/tanya") if self.floor_qr_on and self.host.running else ""
        projector.set_floor_qr(link)
        projector.add_menu_action(self.floor_qr_action)

    # -- desk ------------------------------------------------------------------------

    def desk_folder(self) -> Path:
        """Where this laptop keeps its desk copies (beside its own database)."""
        return self.home_path.parent / "desks"

    def join(self) -> None:
        """File → Join as a desk…: pair, copy the list, then work as that desk."""
        from .join_dialog import JoinDialog

        window = self.window
        dialog = JoinDialog(self.desk_folder(), window.settings.effective_station, window)
        if not dialog.exec() or dialog.path is None:
            return
        self.home_event_id = window.event_id
        self._use_desk_name(dialog.name_edit.text().strip())
        try:
            self.enter_desk_mode(dialog.path)
        except (RakorError, OSError) as exc:
            QMessageBox.warning(window, self.tr("Desk copy not opened"), str(exc))
            return
        self._remember_desk(dialog.path)
        window.statusBar().showMessage(self.tr("Joined the host as a desk."), 8000)

    def _use_desk_name(self, name: str) -> None:
        """The name the desk joined with is the station its check-ins are recorded at."""
        from rakor_desktop.settings import save_settings

        settings = self.window.settings
        if not name or name == settings.effective_station:
            return
        settings.station_name = name
        try:
            save_settings(settings)
        except OSError as exc:  # kept for this session; said in the log
            log.warning("the desk's name was not saved in the preferences: %s", exc)

    def enter_desk_mode(self, path: Path) -> None:
        """Work on the desk copy at ``path`` and keep it in sync with the host."""
        from rakor_desktop.network.desk import DeskSync, desk_clock, open_desk_storage

        if not path.exists():
            raise FileNotFoundError(path)
        storage = open_desk_storage(path, check=False, backup=False)
        link = storage.desk_link()
        if link is not None and link.ended:  # made into an event: no desk any more
            storage.close()
            raise FileNotFoundError(path)
        if self.host.server is not None:
            self.host.turn_off()  # a laptop is a host or a desk, not both
        self.desk_path = path
        self.desk_storage = storage
        self._clock = desk_clock(storage)
        self.window.use_storage(storage, path)
        events = storage.list_events()
        self.window.open_event(events[0].id if events else None)
        self.window.show_desk()
        self.sync = DeskSync(path, on_status=self._relay.status.emit,
                             on_pulled=self._relay.pulled.emit)
        storage.add_change_listener(self._local_write)
        self.sync.start()
        self._sync_reported(self.sync.status())
        log.info("working as a desk on %s", path)

    def _local_write(self, _changes: Changes) -> None:
        """A check-in (or any write) at this desk: send it now, say it is waiting."""
        if self.sync is None:
            return
        self.sync.poke()
        self._sync_reported(self.sync.status())

    def _pulled(self) -> None:
        """The sync brought the host's changes: the screens show them at once."""
        self.window.runner.look_for_changes()

    def _sync_reported(self, status: Any) -> None:
        if self.sync is None:
            return
        if self.desk_storage is not None:
            # The sync threads count the outbox only when they look (not while they wait
            # for the host): the screen counts it itself, at once after each check-in.
            summary = self.desk_storage.outbox_summary()
            status = replace(status, waiting=summary.waiting,
                             oldest_waiting_at=summary.oldest_waiting_at,
                             rejected=summary.rejected)
        self.last_status = status
        self._show_sync_status(status)

    def _show_sync_status(self, status: Any) -> None:
        text, style = desk_status(status)
        self.status_label.setText(text)
        self.status_label.setToolTip(status.message or text)
        style_label(self.status_label, style)
        self.status_label.show()
        if self.banner is not None:
            banner_text, banner_style = desk_banner(status)
            self.banner.setText(banner_text)
            style_label(self.banner, banner_style)
            self.banner.show()

    def _stop_sync(self) -> None:
        if self.sync is not None:
            if self.desk_storage is not None:
                self.desk_storage.remove_change_listener(self._local_write)
            self.sync.stop()
            self.sync = None

    def waiting(self) -> int:
        """Check-ins of this desk the host has not acknowledged yet."""
        return int(self.sync.status().waiting) if self.sync is not None else 0

    def leave(self) -> None:
        """File → Leave the network…: back to this laptop's own database."""
        window = self.window
        waiting = self.waiting()
        if waiting:
            text = self.tr(
                "%n check-in(s) of this desk have not reached the host yet. They stay in the "
                "desk's copy; to keep them as an event on this laptop, use “Make it an event "
                "on this laptop…” instead.", "", waiting)
        else:
            text = self.tr("Leave the host's network? This laptop works on its own database "
                             "again; the desk's copy is kept.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Leave the network"), text,
                          QMessageBox.StandardButton.Cancel, window)
        leave = box.addButton(self.tr("&Leave"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel if waiting else leave)
        box.exec()
        if box.clickedButton() is not leave:
            return
        self._back_home(self.home_event_id)

    def promote(self) -> None:
        """File → Make it an event on this laptop…: the host is gone for good; the copy
        and every check-in not yet sent become a full event here, nothing lost."""
        from rakor_desktop.network.desk import promote

        window = self.window
        assert self.desk_path is not None
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Make it an event on this laptop"),
            self.tr("Use this when the host laptop is gone for good. The desk's copy of the "
                      "list and every check-in recorded here (also those not yet sent) become "
                      "a new event on this laptop, which then stops being a desk."),
            QMessageBox.StandardButton.Cancel, window)
        make = box.addButton(self.tr("&Make it an event"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(make)
        box.exec()
        if box.clickedButton() is not make:
            return
        path = self.desk_path
        self._stop_sync()
        try:
            event_id = promote(path, self.home_storage)
        except (RakorError, OSError) as exc:
            QMessageBox.warning(window, self.tr("Make it an event on this laptop"), str(exc))
            self._restart_sync()
            return
        self._back_home(event_id)
        window.show_desk()
        window.statusBar().showMessage(
            self.tr("The desk's copy is now an event on this laptop."), 15000)

    def _restart_sync(self) -> None:
        from rakor_desktop.network.desk import DeskSync

        if self.desk_path is None or self.desk_storage is None:
            return
        self.sync = DeskSync(self.desk_path, on_status=self._relay.status.emit,
                             on_pulled=self._relay.pulled.emit)
        self.desk_storage.add_change_listener(self._local_write)
        self.sync.start()

    def _back_home(self, event_id: int | None) -> None:
        self._stop_sync()
        desk_storage = self.desk_storage
        self.desk_path = None
        self.desk_storage = None
        self.last_status = None
        self._clock = utc_now
        self._remember_desk(None)
        self.window.use_storage(self.home_storage, self.home_path)
        if desk_storage is not None:
            desk_storage.close()
        self.window.open_initial_event(event_id)
        self._show_status()

    # -- the status bar ------------------------------------------------------------------

    def _show_status(self) -> None:
        if self.is_desk:
            if self.last_status is not None:
                self._show_sync_status(self.last_status)
            return
        text = self.host.status_text()
        self.status_label.setText(text)
        self.status_label.setToolTip(", ".join(self.host.urls()))
        style_label(self.status_label, "ok" if text else "off")
        self.status_label.setVisible(bool(text))

    # -- remembering the desk ------------------------------------------------------------

    def _state_key(self) -> str:
        digest = hashlib.sha1(str(self.home_path.resolve()).encode("utf-8")).hexdigest()
        return DESK_STATE_KEY.format(key=digest[:16])

    def _remembered_desk(self) -> Path | None:
        from ..mainwindow import ui_state

        value = ui_state().value(self._state_key())
        return Path(str(value)) if value else None

    def _remember_desk(self, path: Path | None) -> None:
        from ..mainwindow import ui_state

        state = ui_state()
        if path is None:
            state.remove(self._state_key())
        else:
            state.setValue(self._state_key(), str(path))
        state.sync()

