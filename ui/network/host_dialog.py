"""The host's side in the window: *Jaringan acara* on and off, the QR code and the
pairing code desks join with, the paired desks (revocable) and duplicate scans.

:class:`HostController` belongs to the main window and runs the API server on Qt's
event loop (:mod:`.event_loop`) while the network is on; :class:`HostNetworkDialog`
is what the secretariat sees (Desk → Event network…, Ctrl+Shift+J).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.messages import RakorError
from rakor_desktop.storage import Storage

from ..widgets import error_label, plain_tooltip
from .event_loop import schedule
from .qr_widget import QrCodeView
from .status import clock_text, host_status_text

log = logging.getLogger("rakor.ui.network")

#: How often the host's view of its desks is read again while the network is on.
HOST_REFRESH_MS = 1000
#: How often the window asks whether a desk wrote something, while the network is on
#: (a scan at a desk shows on the host within a second; at most five refreshes a second).
LOOK_MS = 200


class HostController(QObject):
    """The event network of one window: off, starting, on (serving), stopping.

    The network works on a connection of its own to the window's database (opened when
    turned on, on the GUI thread where the server runs): what desks send is committed
    there, and ``look_for_changes`` (every :data:`LOOK_MS` while on) tells the window
    at once, as a change made elsewhere.

    Signals:
        state_changed(): turned on or off, a desk paired or was revoked, a start failed.
        failed(str): the network could not be turned on (the message for the user).
        look_for_changes(): time to ask the database whether a desk wrote something.
        wrote(Changes): the network's connection committed these changes.
    """

    state_changed = Signal()
    failed = Signal(str)
    look_for_changes = Signal()
    wrote = Signal(object)  # Changes: what a commit on the network's connection wrote

    def __init__(self, database_path: Callable[[], Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database_path = database_path
        self._storage: Storage | None = None
        self.network: Any = None  # rakor_desktop.network.host.HostNetwork while on
        self.server: Any = None  # rakor_desktop.network.server.NetworkServer while on
        self.event_id: int | None = None
        self.starting = False
        self.stopping: Any = None  # the future of the last stop, while it runs
        #: The address chosen in the network dialog (phones' QR codes use it too).
        self.preferred_url = ""
        self._desk_count = 0
        #: What phones sent that waits: (questions from the floor, walk-ins).
        self._waiting = (0, 0)
        self._timer = QTimer(self)
        self._timer.setInterval(HOST_REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self._look_timer = QTimer(self)
        self._look_timer.setInterval(LOOK_MS)
        self._look_timer.timeout.connect(self.look_for_changes)

    @property
    def running(self) -> bool:
        """Serving desks now."""
        return self.server is not None and bool(getattr(self.server, "running", False))

    def status_text(self) -> str:
        """The status bar's words ("" while off)."""
        return host_status_text(self.running, self._desk_count, *self._waiting)

    def turn_on(self, event_id: int, *, port: int | None = None) -> None:
        """Start serving ``event_id`` to desks (on Qt's loop; ``state_changed`` follows)."""
        if self.running or self.starting:
            return
        from rakor_desktop.network.host import HostNetwork
        from rakor_desktop.network.server import NetworkServer

        try:
            self._storage = Storage.open(self._database_path(), check=False, backup=False)
            # Its commits tell exactly what they wrote (a check-in: attendance), so the
            # window refreshes that, not everything, for each desk's or phone's entry.
            self._storage.add_change_listener(self.wrote.emit)
            self.network = HostNetwork(self._storage, event_id)
        except RakorError as exc:
            self._close_storage()
            self.failed.emit(str(exc))
            return
        # A one-time link used (a tablet paired) or renewed: the dialog shows the next.
        listeners = getattr(self.network, "role_link_listeners", None)
        if listeners is not None:
            listeners.append(lambda _role: self.state_changed.emit())
        options: dict[str, Any] = {} if port is None else {"port": port}
        self.server = NetworkServer(self.network, **options)
        self.event_id = event_id
        self.starting = True
        self.state_changed.emit()
        schedule(self._start())

    async def _start(self) -> None:
        try:
            await self.server.start()
        except Exception as exc:  # no port, no address: said, the network stays off
            log.warning("network could not start: %s", exc)
            self.starting = False
            self.server = None
            self.network = None
            self._close_storage()
            self.failed.emit(str(exc))
            self.state_changed.emit()
            return
        self.starting = False
        log.info("event network on: %s", ", ".join(self.server.urls()))
        self._timer.start()
        self._look_timer.start()
        self._tick()
        self.state_changed.emit()

    def turn_off(self, *, close_now: bool = False) -> None:
        """Stop serving (desks keep their copies and catch up when it is on again).

        The network's connection closes once the server stopped, or at once with
        ``close_now``.
        """
        server = self.server
        self._timer.stop()
        self._look_timer.stop()
        self.server = None
        self.network = None
        self.event_id = None
        self._desk_count = 0
        self._waiting = (0, 0)
        self.starting = False
        storage, self._storage = self._storage, None
        if close_now and storage is not None:
            # A restore replaces the file next: nothing may be written to the old one
            # after that (a request still in flight fails; the desk sends it again).
            storage.close()
            storage = None
        if server is not None:
            self.stopping = schedule(self._stop(server, storage))
            log.info("event network off")
        elif storage is not None:
            storage.close()
        self.state_changed.emit()

    async def _stop(self, server: Any, storage: Storage | None) -> None:
        try:
            await server.stop()
        finally:
            if storage is not None:
                storage.close()

    def _close_storage(self) -> None:
        if self._storage is not None:
            self._storage.close()
            self._storage = None

    def urls(self) -> list[str]:
        """The addresses desks can reach (each network of this laptop, loopback last)."""
        return list(self.server.urls()) if self.running else []

    def join_url(self, url: str) -> str:
        """What a desk types or scans to join through ``url``."""
        return str(self.server.join_url(url)) if self.running else ""

    def pairing_code(self) -> str:
        """The code desks need now ("" while off)."""
        return str(self.network.pairing_code) if self.network is not None else ""

    def new_pairing_code(self) -> str:
        """Make a new code (the old one stops working): someone saw it who should not."""
        if self.network is None:
            return ""
        code = str(self.network.new_pairing_code())
        self.state_changed.emit()
        return code

    # -- the phones' pages (issue 14) ---------------------------------------------------

    def base_url(self) -> str:
        """The address phones are sent to: the one chosen in the network dialog, else the
        first of this laptop's networks ("" while off)."""
        urls = self.urls()
        if not urls:
            return ""
        return self.preferred_url if self.preferred_url in urls else urls[0]

    def page_link(self, path: str) -> str:
        """A public page's address (``/tanya``, ``/hadir``) on :meth:`base_url`."""
        base = self.base_url()
        return f"{base}{path}" if base else ""

    def self_checkin_code(self, moment: datetime) -> str:
        """The self check-in code of ``moment``'s minute ("" while off)."""
        keys = getattr(self.network, "hall_keys", None)
        if keys is None:
            return ""
        return str(keys.code_at(int(moment.timestamp() // 60)))

    def self_checkin_link(self, moment: datetime) -> str:
        """What the entrance's QR code carries at ``moment``: ``…/hadir?k=<code>``."""
        base = self.base_url()
        code = self.self_checkin_code(moment) if base else ""
        return f"{base}/hadir?k={code}" if code else ""

    def role_link(self, role: str) -> str:
        """The one-time link that pairs a moderator's tablet or a projector PC
        (``role``: "moderator" or "projector"; "" while off)."""
        base = self.base_url()
        if not base or self.network is None:
            return ""
        return f"{base}{self.network.role_pairing_path(role)}"

    def new_role_link(self, role: str) -> str:
        """A new one-time link for ``role`` (the old one stops working)."""
        if self.network is None:
            return ""
        self.network.new_role_pairing_code(role)
        self.state_changed.emit()
        return self.role_link(role)

    def desks(self) -> list[Any]:
        """The paired desks (``PairedDesk``), revoked ones included."""
        return list(self.network.desks()) if self.network is not None else []

    def duplicates(self) -> list[Any]:
        """Second scans of people already present (``DuplicateScan``)."""
        return list(self.network.duplicates()) if self.network is not None else []

    def revoke(self, desk_id: int) -> None:
        """Refuse that desk from now on (its token stops working)."""
        if self.network is None:
            return
        self.network.revoke(desk_id)
        self._tick()
        self.state_changed.emit()

    def waiting_from_phones(self) -> tuple[int, int]:
        """Questions from the floor and walk-ins from phones that wait (0, 0 while off)."""
        from rakor_desktop.models import FloorQuestionStatus, PhoneWalkInStatus

        storage, event_id = self._storage, self.event_id
        if storage is None or event_id is None or self.network is None:
            return (0, 0)
        return (storage.count_floor_questions(event_id, FloorQuestionStatus.INCOMING),
                storage.count_phone_walkins(event_id, PhoneWalkInStatus.WAITING))

    def _tick(self) -> None:
        count = sum(1 for d in self.desks() if d.revoked_at is None)
        try:
            waiting = self.waiting_from_phones()
        except (sqlite3.Error, RakorError) as exc:  # busy or closing: the next tick looks
            log.debug("phones' waiting count not read: %s", exc)
            waiting = self._waiting
        if count != self._desk_count or waiting != self._waiting:
            self._desk_count = count
            self._waiting = waiting
            self.state_changed.emit()

    def shut_down(self) -> None:
        """The window closes or its file is restored: stop serving, close the file now."""
        if self.server is not None or self._storage is not None:
            self.turn_off(close_now=True)


def _big_font(widget: QWidget, factor: float, *, bold: bool = True) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def _moment(value: datetime | None) -> str:
    return clock_text(value) if value is not None else "–"


class HostNetworkDialog(QDialog):
    """Desk → Event network…: turn the network on, show desks how to join, manage them."""

    def __init__(self, controller: HostController, event_id: int | None, event_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.event_id = event_id
        self.setWindowTitle(self.tr("Event network"))
        self.setMinimumWidth(820)
        self.resize(1020, 620)

        intro = QLabel(self.tr(
            "Other laptops join this one as registration desks over the venue's Wi-Fi or a "
            "phone hotspot (no internet needed). Every check-in at a desk comes here."))
        intro.setWordWrap(True)
        self.event_label = QLabel(
            self.tr("Event: {title}").format(title=event_title) if event_id is not None
            else self.tr("Open an event first: the network serves the event that is open."))
        self.event_label.setToolTip(event_title)
        self.event_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.switch = QCheckBox(self.tr("&Network on"))
        self.switch.setObjectName("network_switch")
        self.switch.setFont(_big_font(self, 1.2))
        self.switch.setStyleSheet("QCheckBox::indicator { width: 22px; height: 22px; }")
        self.switch.setEnabled(event_id is not None)
        self.state_label = QLabel()
        self.state_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error_label = error_label()
        self.error_label.hide()
        self.alone_label = error_label()
        self.alone_label.setText(self.tr(
            "This laptop is on no network: connect it to the venue's Wi-Fi or a phone hotspot, "
            "then the desks can reach it."))
        self.alone_label.hide()

        # Left: how a desk joins.
        self.qr = QrCodeView()
        self.address_combo = QComboBox()
        self.address_combo.setObjectName("network_address")
        self.address_combo.setToolTip(self.tr("The address of this laptop in the network the "
                                              "desks use"))
        self.join_label = QLabel()
        self.join_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.join_label.setWordWrap(True)
        code_title = QLabel(self.tr("Pairing code"))
        self.code_label = QLabel()
        self.code_label.setObjectName("network_code")
        self.code_label.setFont(_big_font(self, 3.0))
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_code_button = QPushButton(self.tr("New &code"))
        self.new_code_button.setToolTip(self.tr("The old code stops working; paired desks "
                                                "stay paired"))
        self.new_code_button.setAutoDefault(False)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label)
        code_row.addStretch(1)
        code_row.addWidget(self.new_code_button)
        self.off_hint = QLabel(self.tr(
            "Turn the network on: a QR code and a pairing code appear here for the desks "
            "(File → Join as a desk… on the desk laptop)."))
        self.off_hint.setWordWrap(True)
        self.off_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.off_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.join_box = QWidget()
        join_layout = QVBoxLayout(self.join_box)
        join_layout.setContentsMargins(0, 0, 0, 0)
        join_layout.addWidget(self.qr, 1)
        address_row = QHBoxLayout()
        address_label = QLabel(self.tr("&Address:"))
        address_label.setBuddy(self.address_combo)
        address_row.addWidget(address_label)
        address_row.addWidget(self.address_combo, 1)
        join_layout.addLayout(address_row)
        join_layout.addWidget(self.join_label)
        join_layout.addWidget(code_title)
        join_layout.addLayout(code_row)
        desks_tab = QWidget()
        desks_layout = QVBoxLayout(desks_tab)
        desks_layout.addWidget(self.off_hint, 1)
        desks_layout.addWidget(self.join_box, 1)
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("network_tabs")
        self.left_tabs.addTab(desks_tab, self.tr("&Desks"))
        self.left_tabs.addTab(self._build_roles_tab(), self.tr("&Moderator && projector"))
        self.left_tabs.addTab(self._build_hall_tab(), self.tr("&Hall pages"))
        left = QVBoxLayout()
        left.addWidget(self.left_tabs, 1)

        # Right: the desks and the duplicate scans.
        self.desks_table = QTableWidget(0, 4)
        self.desks_table.setObjectName("network_desks")
        self.desks_table.setHorizontalHeaderLabels(
            [self.tr("Desk"), self.tr("Address"), self.tr("Last seen"), self.tr("State")])
        self.duplicates_table = QTableWidget(0, 4)
        self.duplicates_table.setObjectName("network_duplicates")
        self.duplicates_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Institution"), self.tr("First scan"),
             self.tr("Scanned again")])
        for table in (self.desks_table, self.duplicates_table):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().hide()
            table.setWordWrap(False)
            table.setTextElideMode(Qt.TextElideMode.ElideRight)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the institution gives way (elided, the whole text as tool tip)
        self.duplicates_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive)
        self.duplicates_table.setColumnWidth(1, 150)
        self.revoke_button = QPushButton(self.tr("&Revoke desk…"))
        self.revoke_button.setObjectName("network_revoke")
        self.revoke_button.setAutoDefault(False)
        self.revoke_button.setEnabled(False)
        self.desks_title = QLabel()
        self.duplicates_title = QLabel()
        for title in (self.desks_title, self.duplicates_title):
            title.setFont(_big_font(self, 1.0))
        right = QVBoxLayout()
        right.addWidget(self.desks_title)
        right.addWidget(self.desks_table, 3)
        revoke_row = QHBoxLayout()
        revoke_row.addStretch(1)
        revoke_row.addWidget(self.revoke_button)
        right.addLayout(revoke_row)
        right.addWidget(self.duplicates_title)
        right.addWidget(self.duplicates_table, 2)

        body = QGridLayout()
        body.addLayout(left, 0, 0)
        body.addLayout(right, 0, 1)
        body.setColumnStretch(0, 2)
        body.setColumnStretch(1, 3)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.event_label)
        switch_row = QHBoxLayout()
        switch_row.addWidget(self.switch)
        switch_row.addWidget(self.state_label, 1)
        layout.addLayout(switch_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.alone_label)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)

        self.switch.toggled.connect(self._switched)
        self.address_combo.currentIndexChanged.connect(lambda _i: self._show_join())
        self.new_code_button.clicked.connect(self._new_code)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.desks_table.itemSelectionChanged.connect(self._update_revoke)
        controller.state_changed.connect(self.refresh)
        controller.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setInterval(HOST_REFRESH_MS)
        self._timer.timeout.connect(self._refresh_lists)
        self.refresh()

    # -- the phones' pages (issue 14) ------------------------------------------------------

    def _off_hint(self) -> QLabel:
        hint = QLabel(self.tr("Turn the network on: the QR codes appear here."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        return hint

    def _build_roles_tab(self) -> QWidget:
        """The moderator's tablet and the projector PC pair by scanning their QR code."""
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.roles_off_hint = self._off_hint()
        intro = QLabel(self.tr(
            "Scan with the tablet's or the PC's camera (or type the link in its browser): "
            "the page opens and pairs itself. Each link works once; then a new one "
            "appears. Revoke a paired tablet in the list on the right."))
        intro.setWordWrap(True)
        self.roles_box = QWidget()
        row = QHBoxLayout(self.roles_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.role_qrs: dict[str, QrCodeView] = {}
        self.role_labels: dict[str, QLabel] = {}
        self.role_buttons: dict[str, QPushButton] = {}
        titles = {"moderator": self.tr("Moderator's tablet"),
                  "projector": self.tr("Projector PC")}
        buttons = {"moderator": self.tr("New moderator &link"),
                   "projector": self.tr("New projector l&ink")}
        for role in ("moderator", "projector"):
            column = QVBoxLayout()
            title = QLabel(titles[role])
            title.setFont(_big_font(self, 1.1))
            qr = QrCodeView()
            qr.setObjectName(f"network_{role}_qr")
            qr.setMinimumSize(140, 140)
            link = QLabel()
            link.setObjectName(f"network_{role}_link")
            link.setTextFormat(Qt.TextFormat.PlainText)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            link.setWordWrap(True)
            button = QPushButton(buttons[role])
            button.setAutoDefault(False)
            button.setToolTip(self.tr("The link shown stops working"))
            button.clicked.connect(lambda _checked=False, r=role: self._new_role_link(r))
            column.addWidget(title)
            column.addWidget(qr, 1)
            column.addWidget(link)
            column.addWidget(button)
            row.addLayout(column, 1)
            self.role_qrs[role] = qr
            self.role_labels[role] = link
            self.role_buttons[role] = button
        layout.addWidget(intro)
        layout.addWidget(self.roles_off_hint, 1)
        layout.addWidget(self.roles_box, 1)
        return tab

    def _build_hall_tab(self) -> QWidget:
        """The public pages: questions from the floor and the self check-in."""
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.hall_off_hint = self._off_hint()
        self.hall_box = QWidget()
        box = QVBoxLayout(self.hall_box)
        box.setContentsMargins(0, 0, 0, 0)
        floor_title = QLabel(self.tr("Questions from the floor"))
        floor_title.setFont(_big_font(self, 1.1))
        self.floor_link_label = QLabel()
        self.floor_link_label.setObjectName("network_floor_link")
        self.floor_link_label.setTextFormat(Qt.TextFormat.PlainText)
        self.floor_link_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.floor_qr = QrCodeView()
        self.floor_qr.setObjectName("network_floor_qr")
        self.floor_qr.setMinimumSize(120, 120)
        floor_hint = QLabel(self.tr(
            "Questions sent from phones wait in Discussion → Questions until you accept them "
            "into the termin."))
        floor_hint.setWordWrap(True)
        self.floor_qr_button = QPushButton(self.tr("Question QR on the &projector"))
        self.floor_qr_button.setObjectName("network_floor_qr_button")
        self.floor_qr_button.setCheckable(True)
        self.floor_qr_button.setAutoDefault(False)
        self.floor_qr_button.hide()  # shown when the window gives its action
        checkin_title = QLabel(self.tr("Self check-in"))
        checkin_title.setFont(_big_font(self, 1.1))
        self.checkin_link_label = QLabel()
        self.checkin_link_label.setObjectName("network_checkin_link")
        self.checkin_link_label.setTextFormat(Qt.TextFormat.PlainText)
        self.checkin_link_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        checkin_hint = QLabel(self.tr(
            "The code in this link changes every minute: show it on the self check-in "
            "screen at the entrance, not on paper."))
        checkin_hint.setWordWrap(True)
        self.entrance_button = QPushButton(self.tr("&Self check-in screen…"))
        self.entrance_button.setObjectName("network_entrance_button")
        self.entrance_button.setAutoDefault(False)
        self.entrance_button.hide()  # shown when the window gives its action
        floor_row = QHBoxLayout()
        floor_text = QVBoxLayout()
        floor_text.addWidget(floor_title)
        floor_text.addWidget(self.floor_link_label)
        floor_text.addWidget(floor_hint)
        floor_text.addWidget(self.floor_qr_button)
        floor_text.addStretch(1)
        floor_row.addLayout(floor_text, 3)
        floor_row.addWidget(self.floor_qr, 2)
        box.addLayout(floor_row, 1)
        box.addWidget(checkin_title)
        box.addWidget(self.checkin_link_label)
        box.addWidget(checkin_hint)
        entrance_row = QHBoxLayout()
        entrance_row.addWidget(self.entrance_button)
        entrance_row.addStretch(1)
        box.addLayout(entrance_row)
        layout.addWidget(self.hall_off_hint, 1)
        layout.addWidget(self.hall_box, 1)
        return tab

    def use_hall_actions(self, entrance: Any, floor_qr: Any) -> None:
        """The window's actions for the self check-in screen and the projector's QR:
        their buttons appear (the screen opens once this dialog is closed)."""
        def open_entrance() -> None:
            self.accept()
            QTimer.singleShot(0, entrance.trigger)

        self.entrance_button.clicked.connect(open_entrance)
        self.entrance_button.show()
        self.floor_qr_button.setChecked(floor_qr.isChecked())
        self.floor_qr_button.clicked.connect(lambda _checked: floor_qr.trigger())
        floor_qr.toggled.connect(self.floor_qr_button.setChecked)
        self.floor_qr_button.show()

    def _show_phones(self) -> None:
        running = self.controller.running
        for hint, box in ((self.roles_off_hint, self.roles_box),
                          (self.hall_off_hint, self.hall_box)):
            hint.setVisible(not running)
            box.setVisible(running)
        for role, qr in self.role_qrs.items():
            link = self.controller.role_link(role) if running else ""
            qr.set_text(link)
            self.role_labels[role].setText(link)
            self.role_buttons[role].setEnabled(bool(link))
        floor = self.controller.page_link("/tanya") if running else ""
        self.floor_qr.set_text(floor)
        self.floor_link_label.setText(floor)
        checkin = self.controller.page_link("/hadir") if running else ""
        self.checkin_link_label.setText(checkin)

    def _new_role_link(self, role: str) -> None:
        self.controller.new_role_link(role)
        self._show_phones()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def done(self, result: int) -> None:
        self._timer.stop()
        try:
            self.controller.state_changed.disconnect(self.refresh)
            self.controller.failed.disconnect(self._failed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    # -- on and off ------------------------------------------------------------------

    def _switched(self, on: bool) -> None:
        self.error_label.hide()
        if on and not (self.controller.running or self.controller.starting):
            if self.event_id is not None:
                self.controller.turn_on(self.event_id)
        elif not on and (self.controller.running or self.controller.starting):
            self.controller.turn_off()
        self.refresh()

    def _failed(self, message: str) -> None:
        self.error_label.setText(
            self.tr("The network could not be turned on: {error}").format(error=message))
        self.error_label.show()
        self.refresh()

    def refresh(self) -> None:
        """Show the controller's state: on/off, addresses, the codes, the lists."""
        running = self.controller.running
        on = running or self.controller.starting
        self.switch.blockSignals(True)
        self.switch.setChecked(on)
        self.switch.blockSignals(False)
        if self.controller.starting:
            self.state_label.setText(self.tr("Starting…"))
        elif running:
            listening = ", ".join(u.removeprefix("http://") for u in self.controller.urls())
            self.state_label.setText(self.tr("On: listening on {addresses}").format(
                addresses=listening))
            self.state_label.setToolTip(listening)
        else:
            self.state_label.setText(self.tr("Off: no desk can connect to this laptop."))
        self.off_hint.setVisible(not running)
        self.join_box.setVisible(running)
        urls = self.controller.urls()
        self.alone_label.setVisible(running and all("//127." in url for url in urls))
        if [self.address_combo.itemText(i) for i in range(self.address_combo.count())] != urls:
            self.address_combo.blockSignals(True)
            self.address_combo.clear()
            self.address_combo.addItems(urls)
            self.address_combo.blockSignals(False)
        self._show_join()
        self._refresh_lists()

    def _show_join(self) -> None:
        url = self.address_combo.currentText()
        self.controller.preferred_url = url
        self._show_phones()
        join = self.controller.join_url(url) if url else ""
        self.qr.set_text(join)
        self.join_label.setText(join)
        code = self.controller.pairing_code()
        self.code_label.setText(f"{code[:3]} {code[3:]}" if code else "")
        self.code_label.setToolTip(code)

    def _new_code(self) -> None:
        self.controller.new_pairing_code()
        self._show_join()

    # -- desks and duplicates -----------------------------------------------------------

    def _role_names(self) -> dict[str, str]:
        return {"moderator": self.tr("moderator"), "projector": self.tr("projector")}

    def _refresh_lists(self) -> None:
        if self.controller.running:
            self._show_phones()  # a one-time link used: the next one shows
        desks = self.controller.desks()
        selected = self.selected_desk_id()
        self.desks_table.setRowCount(len(desks))
        self._desk_ids = [d.id for d in desks]
        for row, desk in enumerate(desks):
            state = (self.tr("revoked {time}").format(time=clock_text(desk.revoked_at))
                     if desk.revoked_at is not None else self.tr("paired"))
            role = getattr(desk, "role", "desk")
            name = desk.name if role == "desk" else self.tr("{name} ({role})").format(
                name=desk.name, role=self._role_names().get(role, role))
            for column, text in enumerate(
                (name, desk.last_address, _moment(desk.last_seen_at), state)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(text))  # a tablet's name is typed on it
                self.desks_table.setItem(row, column, item)
            if desk.id == selected:
                self.desks_table.selectRow(row)
        active = sum(1 for d in desks if d.revoked_at is None)
        self.desks_title.setText(self.tr("Desks ({count})").format(count=active))
        duplicates = self.controller.duplicates()
        self.duplicates_table.setRowCount(len(duplicates))
        for row, scan in enumerate(duplicates):
            first = f"{scan.first_station} {clock_text(scan.first_at)}"
            again = f"{scan.station} {clock_text(scan.recorded_at)}"
            for column, text in enumerate((scan.name, scan.instansi, first, again)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.duplicates_table.setItem(row, column, item)
        self.duplicates_title.setText(
            self.tr("Scanned twice, counted once ({count})").format(count=len(duplicates)))
        self._update_revoke()

    def selected_desk_id(self) -> int | None:
        """The desk chosen in the list."""
        rows = self.desks_table.selectionModel().selectedRows()
        ids = getattr(self, "_desk_ids", [])
        if not rows or rows[0].row() >= len(ids):
            return None
        return int(ids[rows[0].row()])

    def _update_revoke(self) -> None:
        desk_id = self.selected_desk_id()
        desk = next((d for d in self.controller.desks() if d.id == desk_id), None)
        self.revoke_button.setEnabled(desk is not None and desk.revoked_at is None)

    def revoke_selected(self) -> None:
        """Revoke the chosen desk, after asking."""
        desk_id = self.selected_desk_id()
        desk = next((d for d in self.controller.desks() if d.id == desk_id), None)
        if desk is None or desk.revoked_at is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Revoke desk"),
            self.tr("Revoke the desk “{name}”? It can no longer send check-ins or receive "
                    "the list; what it already sent stays recorded.").format(name=desk.name),
            QMessageBox.StandardButton.Cancel, self)
        revoke = box.addButton(self.tr("&Revoke"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(revoke)
        box.exec()
        if box.clickedButton() is not revoke:
            return
        try:
            self.controller.revoke(desk.id)
        except RakorError as exc:
            QMessageBox.warning(self, self.tr("Revoke desk"), str(exc))
        self._refresh_lists()


def host_shortcut() -> QKeySequence:
    """The key that opens the host's dialog from anywhere in the window."""
    return QKeySequence("Ctrl+Shift+J")
