"""The countdown of the speaker with the floor (else of the item going on).

Green while there is time, amber in the last seconds (the event's setting),
red and counting up in overtime. The logic is :class:`rakor_desktop.timer.Countdown`;
this widget only shows it at each tick of the :class:`~ui.meeting.record_models.LiveMeeting`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from rakor_desktop.models import SpeakerState
from rakor_desktop.timer import TimerPhase

from .record_models import LiveMeeting

# Background and text colour of each phase (legible on a laptop and a wall).
PHASE_COLOURS: dict[TimerPhase, tuple[str, str]] = {
    TimerPhase.IDLE: ("#eceff1", "#607d8b"),
    TimerPhase.NORMAL: ("#2e7d32", "#ffffff"),
    TimerPhase.WARNING: ("#ffb300", "#000000"),
    TimerPhase.OVERTIME: ("#c62828", "#ffffff"),
}


def set_text(label: QLabel, text: str) -> None:
    """Change a label only when its text differs: the clocks tick twice a second and
    most of what they show has not changed."""
    if label.text() != text:
        label.setText(text)


class TimerWidget(QFrame):
    """A clock face for the live countdown.

    Args:
        live: The live meeting to follow.
        big: Fill the space given with the digits (moderator view, projector).
    """

    def __init__(self, live: LiveMeeting, *, big: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self.big = big
        self.phase = TimerPhase.IDLE
        self._digits = 0
        self.setObjectName("timerWidget")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.subject_label = QLabel()
        self.subject_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subject_label.setWordWrap(True)
        self.time_label = QLabel("--:--")
        self.time_label.setObjectName("timerDigits")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_label.setSizePolicy(QSizePolicy.Policy.Expanding,
                                      QSizePolicy.Policy.Expanding)
        self.state_label = QLabel()
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        digits = QFont()
        digits.setBold(True)
        digits.setPointSize(40 if big else 28)
        digits.setStyleHint(QFont.StyleHint.Monospace)
        self.time_label.setFont(digits)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.time_label, 1)
        layout.addWidget(self.state_label)
        self.setMinimumHeight(110)
        live.tick.connect(self.refresh)
        live.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the countdown as it is now."""
        countdown = self.live.countdown()
        if countdown is None:
            phase = TimerPhase.IDLE
            set_text(self.time_label, "--:--")
            set_text(self.subject_label, self.tr("No speaker"))
            set_text(self.state_label, "")
        else:
            phase = countdown.phase()
            set_text(self.time_label, countdown.display())
            set_text(self.subject_label, self.live.countdown_subject())
            live = self.live.state.live
            if live is not None and live.speaker.state == SpeakerState.PAUSED:
                state = self.tr("paused")
            elif live is None:
                state = self.tr("item time")
            elif phase == TimerPhase.OVERTIME:
                state = self.tr("overtime")
            else:
                state = self.tr("remaining")
            set_text(self.state_label, state)
        if len(self.time_label.text()) != self._digits:
            self._digits = len(self.time_label.text())
            self._fit_digits()
        if phase != self.phase or not self.styleSheet():
            self.phase = phase
            background, text = PHASE_COLOURS[phase]
            self.setStyleSheet(
                f"QFrame#timerWidget {{ background: {background}; border-radius: 6px; }}"
                f" QFrame#timerWidget QLabel {{ color: {text}; background: transparent; }}"
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Big digits fill the space they are given."""
        super().resizeEvent(event)
        self._fit_digits()

    def _fit_digits(self) -> None:
        if not self.big:
            return
        characters = max(5, len(self.time_label.text()))
        size = max(24, min(int(self.height() * 0.45), int(self.width() / (0.68 * characters))))
        font = self.time_label.font()
        if font.pixelSize() != size:
            font.setPixelSize(size)
            self.time_label.setFont(font)
        # Whose time it is and its state, legible from a seat away (not the 9-point default).
        words = max(14, min(28, size // 5))
        for label in (self.subject_label, self.state_label):
            font = label.font()
            if font.pixelSize() != words:
                font.setPixelSize(words)
                label.setFont(font)
