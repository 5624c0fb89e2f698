"""The entrance screen "Registrasi mandiri": the self check-in QR code, full screen.

A monitor or TV at the entrance (or the hall's second screen) shows a QR code that
phones open with their own camera app: ``http://<host>:<port>/hadir?k=<code>``, where
the code changes every minute (proof of being in the hall; the core makes it, see
:mod:`rakor_desktop.operations.selfcheckin`). The window renews the code at each new
minute of its clock, says how long the code shown lasts, and shows the steps in
letters read from three metres.

Open it with :func:`show_self_checkin` (Desk → Self check-in screen…, Ctrl+Shift+H,
or the button in the host's network dialog). Like the projector it goes full screen
on a second screen when there is one; F11 toggles full screen, Esc leaves it,
right-click chooses the screen.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QVBoxLayout, QWidget

from rakor_desktop.clock import Clock, utc_now

from .qr_widget import QrCodeView

BACKGROUND = "#ffffff"
INK = "#0d1b2a"
DIM = "#455a64"
ACCENT = "#1565c0"
#: How often the window looks at its clock (the code changes at each new minute).
LOOK_MS = 500
# Pixel sizes of the texts on a 1920×1080 screen; scaled to the window.
_SIZES = {"title": 92, "event": 40, "steps": 42, "link": 34, "code": 56, "renew": 30,
          "off": 44}


def _label(name: str, colour: str = INK, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {colour}; background: transparent;")
    font = label.font()
    font.setBold(bold)
    label.setFont(font)
    return label


def unix_minute(moment: Any) -> int:
    """The minute since the epoch of an aware datetime (what the code is made of)."""
    return int(moment.timestamp() // 60)


class SelfCheckinWindow(QWidget):
    """The entrance screen (see the module's docstring).

    Args:
        controller: The window's :class:`~ui.network.host_dialog.HostController`: the
            address and the code come from the network while it is on.
        event_title: The event's title, shown under the heading.
        clock: The moment now (replaceable in tests: the code follows its minute).
    """

    def __init__(self, controller: Any, event_title: str = "", *, clock: Clock = utc_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.clock = clock
        self.setObjectName("self_checkin_window")
        self.setWindowTitle(self.tr("Self check-in — Rakor Desktop"))
        self.setStyleSheet(f"QWidget#self_checkin_window {{ background: {BACKGROUND}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.resize(1280, 720)
        self._minute: int | None = None

        self.qr = QrCodeView()
        self.qr.setObjectName("self_checkin_qr")
        self.title_label = _label("title", INK, bold=True)
        self.title_label.setText(self.tr("Self check-in"))
        self.event_label = _label("event", DIM)
        self.event_label.setText(event_title)
        self.steps_label = _label("steps", INK)
        self.steps_label.setText(self.tr(
            "1. Scan the code with your phone's camera.\n"
            "2. Find your name: the code on your invitation, or your name and the last "
            "four digits of your phone number.\n"
            "3. Sign with your finger. Done.\n"
            "Not on the list? Fill in your details on the same page: a desk confirms them."))
        self.link_label = _label("link", ACCENT)
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label = _label("code", INK, bold=True, wrap=False)
        self.code_label.setObjectName("self_checkin_code")
        self.renew_label = _label("renew", DIM)
        self.off_label = _label("off", "#8a1c1c", bold=True)
        self.off_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.off_label.setText(self.tr(
            "The event network is off.\nTurn it on in Desk → Event network… (Ctrl+Shift+J): "
            "the code appears here."))
        self.hint_label = _label("hint", DIM)
        self.hint_label.setText(self.tr(
            "F11: full screen · Esc: leave full screen · right-click: choose the screen"))

        text = QVBoxLayout()
        text.addWidget(self.title_label)
        text.addWidget(self.event_label)
        text.addSpacing(12)
        text.addWidget(self.steps_label)
        text.addStretch(1)
        text.addWidget(self.link_label)
        text.addWidget(self.code_label)
        text.addWidget(self.renew_label)
        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.qr, 5)
        body.addSpacing(32)
        body.addLayout(text, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 20)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.off_label, 1)
        layout.addWidget(self.hint_label)

        self.full_screen_action = QAction(self.tr("Full screen"), self)
        self.full_screen_action.setShortcut(QKeySequence("F11"))
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.triggered.connect(self.toggle_full_screen)
        self.addAction(self.full_screen_action)
        QTimer.singleShot(8000, self.hint_label.hide)

        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_MS)
        self._timer.timeout.connect(self.renew)
        self._timer.start()
        controller.state_changed.connect(self.renew)
        self.renew()

    # -- content -------------------------------------------------------------------------

    def url(self) -> str:
        """The address in the QR code now ("" while the network is off)."""
        return self.qr.text()

    def renew(self) -> None:
        """Show this minute's code (and the address the network has now)."""
        now = self.clock()
        link = self.controller.self_checkin_link(now) if self.controller.running else ""
        on = bool(link)
        self.body.setVisible(on)
        self.off_label.setVisible(not on)
        self.qr.set_text(link)
        if not on:
            self._minute = None
            return
        self._minute = unix_minute(now)
        self.link_label.setText(link.split("?", 1)[0])
        code = link.rsplit("k=", 1)[-1]
        self.code_label.setText(self.tr("Code: {code}").format(code=code))
        seconds = 60 - int(now.timestamp()) % 60
        self.renew_label.setText(
            self.tr("A new code in %n second(s)", "", seconds))

    # -- screens ---------------------------------------------------------------------------

    @staticmethod
    def screens() -> list[QScreen]:
        """The screens connected now."""
        return list(QGuiApplication.screens())

    def show_on_screen(self, screen: QScreen | int | None = None, *,
                       full_screen: bool = True) -> None:
        """Show the window on a screen (default: the hall's, as the projector's), full
        screen or as a window that fits in the screen's free area."""
        from ..meeting.projector import place_on_screen

        place_on_screen(self, screen, full_screen=full_screen,
                        full_screen_action=self.full_screen_action)

    def toggle_full_screen(self) -> None:
        """F11: full screen on the window's screen, or back to a window."""
        from ..meeting.projector import toggle_full_screen

        toggle_full_screen(self, self.full_screen_action)

    def screens_menu(self, parent: QWidget | None = None) -> QMenu:
        """A menu to choose the screen (and full screen)."""
        menu = QMenu(self.tr("Self check-in screen"), parent or self)
        for index, screen in enumerate(self.screens()):
            size = screen.geometry()
            action = menu.addAction(self.tr("Screen {number}: {name} ({width}×{height})").format(
                number=index + 1, name=screen.name(), width=size.width(), height=size.height()))
            action.setCheckable(True)
            action.setChecked(self.screen() is screen)
            action.triggered.connect(
                lambda _checked=False, i=index: self.show_on_screen(i, full_screen=True))
        menu.addSeparator()
        menu.addAction(self.full_screen_action)
        close = menu.addAction(self.tr("Close the self check-in screen"))
        close.triggered.connect(self.close)
        return menu

    # -- events ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """No mouse pointer over the code when full screen."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            if self.isFullScreen():
                self.setCursor(Qt.CursorShape.BlankCursor)
            else:
                self.unsetCursor()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc leaves full screen."""
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            self.full_screen_action.setChecked(False)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click: choose the screen."""
        self.screens_menu(self).exec(event.globalPos())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale every text to the window."""
        super().resizeEvent(event)
        self._apply_fonts()

    def closeEvent(self, event: Any) -> None:
        self._timer.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            self.controller.state_changed.disconnect(self.renew)
        super().closeEvent(event)

    def _apply_fonts(self) -> None:
        scale = max(0.35, min(self.width() / 1920, self.height() / 1080))
        labels = {"title": self.title_label, "event": self.event_label,
                  "steps": self.steps_label, "link": self.link_label, "code": self.code_label,
                  "renew": self.renew_label, "off": self.off_label}
        for name, label in labels.items():
            font = label.font()
            font.setPixelSize(max(12, int(_SIZES[name] * scale)))
            label.setFont(font)
