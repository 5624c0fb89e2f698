"""The projector window: the hall screen of the meeting.

Event title and clock, the item going on, the speaker with the floor and their
countdown, the next speakers, and the question the moderator highlights. Large
letters scaled to the window, dark background, no personal data (names and
institutions only: never a NIP or a phone number). It follows the
:class:`~ui.meeting.record_models.LiveMeeting`, so it changes as the pages act.

F11 toggles full screen, Esc leaves it; right-click chooses the screen.
Open it with :func:`show_projector`: the live meeting holds the window while it is
open (one per meeting, brought forward when asked again) and closes it with the
main window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.models import SpeakerState
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage
from rakor_desktop.timer import TimerPhase

from ..network.qr_widget import QrCodeView
from .record_models import LiveMeeting
from .timer_widget import set_text

BACKGROUND = "#0d1b2a"
TEXT = "#ffffff"
DIM = "#b0bec5"
DIGITS = {
    TimerPhase.IDLE: "#78909c",
    TimerPhase.NORMAL: "#81c784",
    TimerPhase.WARNING: "#ffca28",
    TimerPhase.OVERTIME: "#ef5350",
}
# Pixel sizes of the texts on a 1920×1080 screen; scaled to the window.
_SIZES = {
    "title": 46, "clock": 58, "item": 40, "speaker": 84, "instansi": 46, "countdown": 230,
    "next": 36, "question_head": 34, "asker": 46, "question": 50, "hint": 22,
    "floor_title": 30, "floor_link": 20,
}
# With a question on screen, these shrink by the factor given.
_YIELDING = {"item": 0.7, "speaker": 0.55, "instansi": 0.7, "countdown": 0.4, "next": 0.8}
WINDOW_KIND = "projector"
# Room left for the title bar and the window frame when the projector opens as a window.
_FRAME_ALLOWANCE = 48


def _label(name: str, colour: str = TEXT, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    # Names and questions may come from phones: shown as typed, never as markup.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(f"color: {colour}; background: transparent;")
    font = label.font()
    font.setBold(bold)
    label.setFont(font)
    return label


class ProjectorWindow(QWidget):
    """A separate top-level window for the hall's projector.

    Args:
        storage: The database.
        settings: The app's preferences (unused for now; kept for symmetry).
        live: The live meeting to show (default: the one shared for ``storage``).
    """

    def __init__(self, storage: Storage, settings: Settings | None = None, *,
                 live: LiveMeeting | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.storage = storage
        self.settings = settings or Settings()
        self.live = live or LiveMeeting.shared(storage)
        self.setObjectName("projector")
        self.setWindowTitle(self.tr("Projector — Rakor Desktop"))
        self.setStyleSheet(f"QWidget#projector {{ background: {BACKGROUND}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.resize(1280, 720)

        self.title_label = _label("title", DIM, bold=True)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.clock_label = _label("clock", TEXT, bold=True, wrap=False)
        self.item_label = _label("item", DIM)
        self.speaker_label = _label("speaker", TEXT, bold=True)
        self.instansi_label = _label("instansi", DIM)
        self.countdown_label = _label("countdown", DIGITS[TimerPhase.IDLE], bold=True,
                                      wrap=False)
        self.next_label = _label("next", DIM)
        self.question_head = _label("question_head", "#ffca28", bold=True)
        self.asker_label = _label("asker", TEXT, bold=True)
        self.question_label = _label("question", TEXT)
        self.hint_label = _label("hint", DIM)
        self.hint_label.setText(self.tr(
            "F11: full screen · Esc: leave full screen · right-click: choose the screen"))
        self.phase = TimerPhase.IDLE

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.clock_label)
        self.question_box = QFrame()
        self.question_box.setObjectName("questionBox")
        self.question_box.setStyleSheet(
            "QFrame#questionBox { border: 3px solid #ffca28; border-radius: 12px; }")
        box = QVBoxLayout(self.question_box)
        box.addWidget(self.question_head)
        box.addWidget(self.asker_label)
        box.addWidget(self.question_label)
        # The floor page's QR code (issue 14), in the bottom right corner when asked for
        # (View → Question QR on the projector): the content gives it room, never covered.
        self.floor_box = QFrame()
        self.floor_box.setObjectName("floorBox")
        self.floor_box.setStyleSheet(
            "QFrame#floorBox { background: #ffffff; border-radius: 10px; }")
        self.floor_qr = QrCodeView()
        self.floor_qr.setObjectName("floor_qr")
        self.floor_qr.setMinimumSize(120, 120)
        self.floor_title = _label("floor_title", BACKGROUND, bold=True)
        self.floor_title.setText(self.tr("Questions? Scan"))
        self.floor_link = _label("floor_link", BACKGROUND)
        floor = QVBoxLayout(self.floor_box)
        floor.setContentsMargins(10, 8, 10, 8)
        floor.addWidget(self.floor_title)
        floor.addWidget(self.floor_qr, 1)
        floor.addWidget(self.floor_link)
        self.floor_box.hide()
        self._menu_actions: list[QAction] = []

        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(top)
        content.addStretch(1)
        content.addWidget(self.item_label)
        content.addWidget(self.speaker_label)
        content.addWidget(self.instansi_label)
        content.addWidget(self.countdown_label)
        content.addWidget(self.next_label)
        content.addStretch(1)
        content.addWidget(self.question_box, 2)
        content.addWidget(self.hint_label)
        corner = QVBoxLayout()
        corner.setContentsMargins(0, 0, 0, 0)
        corner.addStretch(1)
        corner.addWidget(self.floor_box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addLayout(content, 1)
        layout.addLayout(corner)

        self.full_screen_action = QAction(self.tr("Full screen"), self)
        self.full_screen_action.setShortcut(QKeySequence("F11"))
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.triggered.connect(self.toggle_full_screen)
        self.addAction(self.full_screen_action)
        QTimer.singleShot(8000, self.hint_label.hide)

        self.live.changed.connect(self.refresh)
        self.live.tick.connect(self._tick)
        self.live.windows_closing.connect(self.close)
        self.refresh()

    # -- content -------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show another event."""
        self.live.set_event(event_id)

    def refresh(self) -> None:
        """Show the meeting as it is now."""
        state = self.live.state
        self.title_label.setText(state.event.title if state.event else "")
        item = state.live_item or state.running
        self.item_label.setText(item.title if item else "")
        if state.live is not None:
            speaker = state.live.speaker
            self.speaker_label.setText(speaker.name)
            self.instansi_label.setText(speaker.instansi)
        else:
            self.speaker_label.setText(
                "" if item is not None or state.event is None else self.tr("Welcome")
            )
            self.instansi_label.clear()
        upcoming = [s.name for s in state.next_speakers[:3]]
        self.next_label.setText(
            self.tr("Next: {names}").format(names=" · ".join(upcoming)) if upcoming else ""
        )
        question = state.highlighted
        if self.question_box.isVisibleTo(self) != (question is not None):
            self.question_box.setVisible(question is not None)
            self._apply_fonts()
        if question is not None:
            termin = next((t for t in self.storage.list_termins(question.event_id)
                           if t.id == question.termin_id), None)
            self.question_head.setText(
                self.tr("Question · Termin {number}").format(number=termin.number)
                if termin else self.tr("Question")
            )
            asker = question.asker_name
            if question.asker_instansi:
                asker = f"{asker} ({question.asker_instansi})"
            if question.addressed_to:
                asker = self.tr("{asker} to {addressee}").format(
                    asker=asker, addressee=question.addressed_to)
            self.asker_label.setText(asker)
            self.question_label.setText(question.question)
        self._tick()

    def _tick(self) -> None:
        set_text(self.clock_label, self.live.clock_text())
        countdown = self.live.countdown()
        if countdown is None:
            phase = TimerPhase.IDLE
            set_text(self.countdown_label, "")
        else:
            phase = countdown.phase()
            text = countdown.display()
            live = self.live.state.live
            if live is not None and live.speaker.state == SpeakerState.PAUSED:
                text = f"❚❚ {text}"
            set_text(self.countdown_label, text)
        if phase != self.phase:
            self.phase = phase
            self.countdown_label.setStyleSheet(f"color: {DIGITS[phase]}; background: transparent;")

    # -- the floor page's QR code ---------------------------------------------------------

    def set_floor_qr(self, link: str) -> None:
        """Show the QR code of the floor question page (``…/tanya``) in the corner;
        "" takes it away."""
        self.floor_qr.set_text(link)
        self.floor_link.setText(link.removeprefix("http://"))
        if self.floor_box.isVisibleTo(self) != bool(link):
            self.floor_box.setVisible(bool(link))
            self._apply_fonts()

    def floor_qr_link(self) -> str:
        """The link in the corner's QR code ("" when none is shown)."""
        return self.floor_qr.text() if self.floor_box.isVisibleTo(self) else ""

    def add_menu_action(self, action: QAction) -> None:
        """An action of the main window for the right-click menu (and its key here)."""
        for old in [a for a in self._menu_actions if a.objectName() == action.objectName()]:
            # the window's actions are made again after a language switch
            self._menu_actions.remove(old)
            self.removeAction(old)
        self._menu_actions.append(action)
        self.addAction(action)

    # -- screens ---------------------------------------------------------------------------

    @staticmethod
    def screens() -> list[QScreen]:
        """The screens connected now."""
        return list(QGuiApplication.screens())

    @classmethod
    def hall_screen(cls) -> QScreen | None:
        """The screen for the hall: one that is not the desk's (the screen of the window
        the operator works in, else the primary one); the desk's when it is alone."""
        desk_window = QApplication.activeWindow() or next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)
             and w.isVisible()), None)
        desk = desk_window.screen() if desk_window is not None else None
        desk = desk or QGuiApplication.primaryScreen()
        others = [s for s in cls.screens() if s is not desk]
        return others[0] if others else desk

    def show_on_screen(self, screen: QScreen | int | None = None, *,
                       full_screen: bool = True) -> None:
        """Show the window on a screen (default: :meth:`hall_screen`), full screen or as a
        window that fits in the screen's free area."""
        place_on_screen(self, screen, full_screen=full_screen,
                        full_screen_action=self.full_screen_action)

    def toggle_full_screen(self) -> None:
        """F11: full screen on the window's screen, or back to a window."""
        toggle_full_screen(self, self.full_screen_action)

    def screens_menu(self, parent: QWidget | None = None) -> QMenu:
        """A menu to choose the screen (and full screen), for a context or menu bar."""
        menu = QMenu(self.tr("Projector screen"), parent or self)
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
        for action in self._menu_actions:
            menu.addAction(action)
        close = menu.addAction(self.tr("Close the projector"))
        close.triggered.connect(self.close)
        return menu

    # -- events ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """No mouse pointer on the hall's screen; as a window on the desk's screen the
        pointer stays (the operator moves over it)."""
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

    def _apply_fonts(self) -> None:
        """Text sizes for a 1920×1080 design, scaled to the window; with a question on
        screen the speaker and the countdown give it room."""
        scale = max(0.3, min(self.width() / 1920, self.height() / 1080))
        with_question = self.live.state.highlighted is not None
        labels: dict[str, Any] = {
            "title": self.title_label, "clock": self.clock_label, "item": self.item_label,
            "speaker": self.speaker_label, "instansi": self.instansi_label,
            "countdown": self.countdown_label, "next": self.next_label,
            "question_head": self.question_head, "asker": self.asker_label,
            "question": self.question_label, "hint": self.hint_label,
        }
        if self.floor_box.isVisibleTo(self):
            side = max(120, int(min(self.width(), self.height()) * 0.3))
            self.floor_qr.setFixedSize(side, side)
            labels["floor_title"] = self.floor_title
            labels["floor_link"] = self.floor_link
        for name, label in labels.items():
            size = _SIZES[name] * scale
            if with_question and name in _YIELDING:
                size *= _YIELDING[name]
            font = label.font()
            font.setPixelSize(max(10, int(size)))
            label.setFont(font)


def show_projector(storage: Storage, live: LiveMeeting | None = None,
                   settings: Settings | None = None, *, event_id: int | None = None,
                   screen: int | None = None) -> ProjectorWindow:
    """Open the projector window (or bring the open one forward).

    The live meeting holds the window while it is open. With a second screen it goes
    full screen there (the projector, usually); on a laptop alone it opens as a
    window that fits the screen, so the desk is not covered.
    """
    live = live or LiveMeeting.shared(storage)
    if event_id is not None:
        live.follow_event(event_id)
    window = live.open_window(WINDOW_KIND)
    if isinstance(window, ProjectorWindow):
        if screen is not None:
            window.show_on_screen(screen, full_screen=True)
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        return window
    window = ProjectorWindow(storage, settings, live=live)
    live.keep_window(WINDOW_KIND, window)
    several = len(ProjectorWindow.screens()) > 1
    window.show_on_screen(screen, full_screen=several or screen is not None)
    return window


def place_on_screen(window: QWidget, screen: QScreen | int | None, *, full_screen: bool,
                    full_screen_action: QAction) -> None:
    """Show a hall window (the projector, the self check-in screen) on ``screen`` (an
    index of the screens, or None: :meth:`ProjectorWindow.hall_screen`), full screen or
    as a window that fits in the screen's free area."""
    screens = list(QGuiApplication.screens())
    if isinstance(screen, int):
        screen = screens[screen] if 0 <= screen < len(screens) else None
    if screen is None:
        screen = ProjectorWindow.hall_screen()
    if window.isFullScreen():
        window.showNormal()
    if screen is not None:
        window.setScreen(screen)
        free: QRect = screen.availableGeometry()
        if full_screen:
            window.move(screen.geometry().topLeft())
        else:
            width = min(1280, free.width())
            height = min(720, free.height() - _FRAME_ALLOWANCE)
            window.resize(width, height)
            window.move(free.left() + (free.width() - width) // 2,
                        free.top() + max(0, (free.height() - height - _FRAME_ALLOWANCE) // 2))
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    full_screen_action.setChecked(full_screen)
    window.raise_()


def toggle_full_screen(window: QWidget, full_screen_action: QAction) -> None:
    """F11 in a hall window: full screen on its screen, or back to a window."""
    if window.isFullScreen():
        window.showNormal()
        full_screen_action.setChecked(False)
    else:
        window.showFullScreen()
        full_screen_action.setChecked(True)
