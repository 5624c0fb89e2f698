"""The moderator's view: large letters for a laptop or tablet at the moderator's seat.

The current termin and its queue, the question on the projector, the timer, and
one key and one big button per action (the keys work while the window is active):

- N: the next asker in the queue asks (and is shown on the projector);
- J: the question on the projector is answered (the next one to answer is shown);
- T: close the termin and turn to the answers; again: open the next termin;
- Space: pause/resume the speaker (nobody holding the floor: the next one speaks);
- +: one more minute;
- Ctrl+Z / Ctrl+Shift+Z: undo / redo; F11 full screen, Esc leaves it.

Every action goes through the :class:`~ui.meeting.record_models.LiveMeeting` (the same core
operations and undo history as the discussion page), so the pages and the
projector follow. Open it with :func:`show_moderator_view`: the live meeting holds
the window while it is open and closes it with the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.models import QuestionStatus, SpeakerState
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import rundown as rundown_ops
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage

from .record_models import LiveMeeting, QuestionModel
from .rundown_page import LivePage, make_table, remember_splitter
from .timer_widget import TimerWidget, set_text

BASE_POINT_SIZE = 18
BUTTON_POINT_SIZE = 15
BUTTON_HEIGHT = 76  # a touch target for a finger, with the key under the name
WINDOW_KIND = "moderator"
OPEN_COLOUR = "#2e7d32"
CLOSED_COLOUR = "#b26a00"
DEFAULT_SIZE = QSize(1200, 640)  # fits 1366×728 with its title bar
# Room left for the title bar and the window frame.
_FRAME_ALLOWANCE = 48


class ElidedLabel(QLabel):
    """A one-line label that never pushes its neighbours: the text is cut with "…" to
    the width the label gets, and the whole text is in the tooltip when cut.

    :meth:`text` stays the whole text; :meth:`shown_text` is what is painted.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def shown_text(self) -> str:
        """The text as painted in the width the label has."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def setText(self, text: str) -> None:
        """Show a text (cut to the width)."""
        super().setText(text)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:
        """As narrow as a few letters."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 8),
                     hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The tooltip follows whether the text is cut."""
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the text cut to the width."""
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())

    def _update_tooltip(self) -> None:
        self.setToolTip(self.text() if self.shown_text() != self.text() else "")


class ModeratorView(LivePage):
    """A separate window for the moderator (see the module docstring for the keys)."""

    def __init__(self, storage: Storage, settings: Settings | None = None, *,
                 live: LiveMeeting | None = None, parent: QWidget | None = None) -> None:
        super().__init__(storage, settings, live, parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("moderatorView")
        self.setWindowTitle(self.tr("Moderator — Rakor Desktop"))
        font = self.font()
        font.setPointSize(BASE_POINT_SIZE)
        self.setFont(font)
        self.resize(DEFAULT_SIZE)

        # The header: the termin (cut to its room) and, apart from it, the clock.
        self.termin_label = ElidedLabel()
        self.termin_label.setObjectName("terminLabel")
        self._termin_colour = ""
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clockLabel")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.termin_label, self.clock_label):
            bold = label.font()
            bold.setBold(True)
            bold.setPointSize(BASE_POINT_SIZE + 6)
            label.setFont(bold)
        # Room for the widest clock ("23.59 WITA") so the termin never pushes it.
        self.clock_label.setMinimumWidth(
            self.clock_label.fontMetrics().horizontalAdvance("88.88 WITA") + 32)
        self.clock_label.setStyleSheet(
            "QLabel#clockLabel { background: #263238; color: #ffffff; border-radius: 6px;"
            " padding: 2px 12px; }")
        header = QHBoxLayout()
        header.setSpacing(24)
        header.addWidget(self.termin_label, 1)
        header.addWidget(self.clock_label)

        self.model = QuestionModel(self)
        self.queue_table = make_table(self.model, (50, 0, 0, 0, 0, 170), stretch=1)
        self.queue_table.setFont(font)
        self.queue_table.horizontalHeader().setFont(font)
        for column in ("instansi", "question", "to", "answered_by", "answer"):
            self.queue_table.setColumnHidden(self.model.COLUMNS.index(column), True)
        self.queue_table.setDragEnabled(False)
        self.queue_table.verticalHeader().setDefaultSectionSize(
            self.queue_table.fontMetrics().height() + 16)
        self.queue_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.timer_widget = TimerWidget(self.live, big=True)
        self.asker_label = QLabel()
        self.asker_label.setWordWrap(True)
        bold = self.asker_label.font()
        bold.setBold(True)
        self.asker_label.setFont(bold)
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        # Askers and questions may come from phones: shown as typed, never as markup.
        self.asker_label.setTextFormat(Qt.TextFormat.PlainText)
        self.question_label.setTextFormat(Qt.TextFormat.PlainText)
        self.question_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.question_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                          QSizePolicy.Policy.Ignored)
        small = self.font()
        small.setPointSize(BASE_POINT_SIZE - 6)
        self.keys_label = QLabel(self.tr(
            "Ctrl+Shift+Z redo · F11 full screen · Esc leaves full screen"))
        self.keys_label.setFont(small)
        self.message_label.setFont(small)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.timer_widget, 3)
        right_layout.addWidget(self.asker_label)
        right_layout.addWidget(self.question_label, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.queue_table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 660])
        remember_splitter(self.splitter, "moderator")

        act = self.page_action
        self.next_asker_action = act(self.tr("Next asker"), self.next_asker, "N")
        self.answered_action = act(self.tr("Mark answered"), self.mark_answered, "J")
        self.termin_action = act(self.tr("Close termin / next termin"), self.termin_step, "T")
        self.pause_action = act(self.tr("Pause/resume speaker"), self.toggle_pause, "Space")
        self.minute_action = act(self.tr("One more minute"), self.add_minute, "+")
        # "+" as typed: with Shift on most layouts, alone on the keypad; "=" unshifted.
        self.minute_action.setShortcuts([
            QKeySequence("+"), QKeySequence("="),
            QKeySequence(Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Plus),
            QKeySequence(Qt.KeyboardModifier.KeypadModifier | Qt.Key.Key_Plus),
        ])
        self.full_screen_action = act(self.tr("Full screen"), self.toggle_full_screen, "F11")
        # The keys work while this window is the active one, wherever the focus is (the
        # window has no field to type in; often nothing has the focus at all).
        for action in self.actions():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        self.next_asker_button = self._button(self.next_asker_action, "nextAskerButton")
        self.answered_button = self._button(self.answered_action, "answeredButton")
        self.termin_button = self._button(self.termin_action, "terminButton")
        self.pause_button = self._button(self.pause_action, "pauseButton")
        self.minute_button = self._button(self.minute_action, "minuteButton")
        self.undo_button = self._button(self.undo_action, "undoButton")
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (self.next_asker_button, self.answered_button, self.termin_button,
                       self.pause_button, self.minute_button, self.undo_button):
            buttons.addWidget(button, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.keys_label)

        self.live.changed.connect(self.refresh)
        self.live.tick.connect(self._tick)
        self.live.undo_changed.connect(self._update_buttons)
        self.live.windows_closing.connect(self.close)
        self.refresh()

    def _button(self, action: QAction, name: str) -> QPushButton:
        """A big button for an action; it takes no focus, so Space and the letters stay
        the window's keys."""
        button = QPushButton()
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(BUTTON_HEIGHT)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = button.font()
        font.setPointSize(BUTTON_POINT_SIZE)
        font.setBold(True)
        button.setFont(font)
        button.clicked.connect(lambda _checked=False: action.trigger())
        return button

    def _key_name(self, action: QAction) -> str:
        if action is self.pause_action:
            return self.tr("Space")
        return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    def _set_button(self, button: QPushButton, action: QAction, text: str) -> None:
        """What the button does now, with its key on a second line."""
        key = self._key_name(action)
        if button.text() != f"{text}\n{key}":
            button.setText(f"{text}\n{key}")
            button.setToolTip(f"{text} ({key})")
        button.setEnabled(action.isEnabled())

    def set_event(self, event_id: int | None) -> None:
        """Follow another event."""
        self.live.set_event(event_id)

    def refresh(self) -> None:
        """Show the termin, its queue and the highlighted question."""
        state = self.live.state
        termin = state.termin
        highlighted = state.highlighted
        self.model.highlighted_uid = highlighted.uid if highlighted else ""
        self.model.set_rows(state.termin_questions)
        if termin is None:
            self.termin_label.setText(self.tr("No termin yet — press T to open Termin 1"))
        else:
            askers = sum(
                1 for q in state.termin_questions if q.status != QuestionStatus.DIBATALKAN
            )
            status = (self.tr("open") if termin.closed_at is None
                      else self.tr("closed — answers"))
            self.termin_label.setText(
                self.tr("Termin {number} · {status} · {askers} of {cap} askers").format(
                    number=termin.number, status=status, askers=askers, cap=termin.max_askers))
        # Open for askers: green; closed, the narasumber answer: amber.
        colour = "" if termin is None else (
            OPEN_COLOUR if termin.closed_at is None else CLOSED_COLOUR)
        if colour != self._termin_colour:
            self._termin_colour = colour
            self.termin_label.setStyleSheet(f"color: {colour};" if colour else "")
        if highlighted is None:
            self.asker_label.setText(self.tr("No question on the projector"))
            self.question_label.clear()
        else:
            asker = highlighted.asker_name
            if highlighted.asker_instansi:
                asker += f" ({highlighted.asker_instansi})"
            if highlighted.addressed_to:
                asker += " → " + highlighted.addressed_to
            self.asker_label.setText(asker)
            self.question_label.setText(highlighted.question)
        self._update_buttons()
        self._tick()

    def _update_buttons(self) -> None:
        """The buttons say what pressing them does now."""
        state = self.live.state
        termin = state.termin
        self._set_button(self.next_asker_button, self.next_asker_action, self.tr("Next asker"))
        self._set_button(self.answered_button, self.answered_action, self.tr("Answered"))
        if termin is None:
            termin_text = self.tr("Open Termin {number}").format(number=1)
        elif termin.closed_at is None:
            termin_text = self.tr("Close termin")
        else:
            termin_text = self.tr("Open Termin {number}").format(number=termin.number + 1)
        self._set_button(self.termin_button, self.termin_action, termin_text)
        live = state.live
        if live is not None and live.speaker.state == SpeakerState.PAUSED:
            pause_text = self.tr("Resume")
        elif live is not None:
            pause_text = self.tr("Pause")
        else:
            pause_text = self.tr("Start speaker")
        self._set_button(self.pause_button, self.pause_action, pause_text)
        self._set_button(self.minute_button, self.minute_action, self.tr("+1 minute"))
        self._set_button(self.undo_button, self.undo_action, self.tr("Undo"))

    def _tick(self) -> None:
        set_text(self.clock_label, f"{self.live.clock_text()} {self.live.timezone}")

    # -- the keys ----------------------------------------------------------------------------

    def next_asker(self) -> None:
        """N: the next asker in the queue asks."""
        event_id = self.event_id
        if event_id is not None:
            self.act(self.tr("Next asker"), lambda: talk.next_asker(self.storage, event_id))

    def mark_answered(self) -> None:
        """J: the highlighted question is answered."""
        event_id = self.event_id
        if event_id is not None:
            self.act(self.tr("Mark answered"), lambda: talk.mark_answered(self.storage, event_id))

    def termin_step(self) -> None:
        """T: close the termin (answers), or open the next one."""
        event_id = self.event_id
        if event_id is None:
            return
        step = self.act(self.tr("Close termin / next termin"), lambda: talk.advance_termin(
            self.storage, event_id, clock=self.live.clock))
        if step is not None:
            self.show_message(
                self.tr("Termin {number} opened.").format(number=step.termin.number)
                if step.opened else
                self.tr("Termin {number} closed: the answers.").format(number=step.termin.number)
            )

    def toggle_pause(self) -> None:
        """Space: pause or resume the speaker; with nobody holding the floor, the next
        speaker of the item going on speaks."""
        state = self.live.state
        if state.live is not None and state.live.speaker.id is not None:
            speaker_id = state.live.speaker.id
            self.act(self.tr("Pause/resume speaker"), lambda: rundown_ops.toggle_pause_speaker(
                self.storage, speaker_id, clock=self.live.clock))
            return
        waiting = state.next_speakers[0].id if state.next_speakers else None
        if waiting is None:
            self.show_message(self.tr("Nobody is speaking."), error=True)
            return
        self.act(self.tr("Start speaker"), lambda: rundown_ops.start_speaker(
            self.storage, waiting, clock=self.live.clock))

    def add_minute(self) -> None:
        """+: one more minute for the speaker."""
        live = self.live.state.live
        if live is None or live.speaker.id is None:
            self.show_message(self.tr("Nobody is speaking."), error=True)
            return
        speaker_id = live.speaker.id
        self.act(self.tr("One more minute"), lambda: rundown_ops.add_speaker_time(
            self.storage, speaker_id, 60))

    def toggle_full_screen(self) -> None:
        """F11: full screen or a window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc leaves full screen."""
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    def fit_to_screen(self) -> None:
        """The default size, made smaller to fit the free area of the window's screen
        (a 1366×768 laptop with its taskbar leaves about 1366×728)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        width = min(DEFAULT_SIZE.width(), free.width())
        height = min(DEFAULT_SIZE.height(), free.height() - _FRAME_ALLOWANCE)
        self.resize(max(width, self.minimumSizeHint().width()),
                    max(height, self.minimumSizeHint().height()))
        self.move(free.left() + max(0, (free.width() - self.width()) // 2),
                  free.top() + max(0, (free.height() - self.height() - _FRAME_ALLOWANCE) // 2))


def show_moderator_view(storage: Storage, live: LiveMeeting | None = None,
                        settings: Settings | None = None, *,
                        event_id: int | None = None) -> ModeratorView:
    """Open the moderator's window (or bring the open one forward); the live meeting
    holds it while it is open."""
    live = live or LiveMeeting.shared(storage)
    if event_id is not None:
        live.follow_event(event_id)
    window = live.open_window(WINDOW_KIND)
    if not isinstance(window, ModeratorView):
        window = ModeratorView(storage, settings, live=live)
        live.keep_window(WINDOW_KIND, window)
        window.fit_to_screen()
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
