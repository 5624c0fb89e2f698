"""The moderator's view: large letters for a laptop or tablet at the moderator's seat.

The current termin and its queue, the question on the projector, the timer, and
one key per action:

- N: the next asker in the queue asks (and is shown on the projector);
- J: the question on the projector is answered (the next one to answer is shown);
- T: close the termin and turn to the answers; again: open the next termin;
- Space: pause/resume the speaker; +: one more minute;
- Ctrl+Z / Ctrl+Shift+Z: undo / redo; F11 full screen, Esc leaves it.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from rakor_desktop import meeting as mt
from rakor_desktop.models import QuestionStatus
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage

from .record_models import LiveMeeting, QuestionModel
from .rundown_page import LivePage, make_table
from .timer_widget import TimerWidget, set_text

BASE_POINT_SIZE = 18
_windows: weakref.WeakValueDictionary[int, ModeratorView] = weakref.WeakValueDictionary()


class ModeratorView(LivePage):
    """A separate window for the moderator (see the module docstring for the keys)."""

    def __init__(self, storage: Storage, settings: Settings | None = None, *,
                 live: LiveMeeting | None = None, parent: QWidget | None = None) -> None:
        super().__init__(storage, settings, live, parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Moderator — Rakor Desktop"))
        font = self.font()
        font.setPointSize(BASE_POINT_SIZE)
        self.setFont(font)
        self.resize(1100, 720)

        self.termin_label = QLabel()
        self.clock_label = QLabel()
        for label in (self.termin_label, self.clock_label):
            bold = label.font()
            bold.setBold(True)
            bold.setPointSize(BASE_POINT_SIZE + 6)
            label.setFont(bold)
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
        self.question_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.keys_label = QLabel(self.tr(
            "N next asker · J answered · T close termin / next termin · Space pause · "
            "+ one minute · Ctrl+Z undo"))
        small = self.keys_label.font()
        small.setPointSize(BASE_POINT_SIZE - 4)
        self.keys_label.setFont(small)
        self.message_label.setFont(small)

        header = QHBoxLayout()
        header.addWidget(self.termin_label, 1)
        header.addWidget(self.clock_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.timer_widget, 2)
        right_layout.addWidget(self.asker_label)
        right_layout.addWidget(self.question_label, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.queue_table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.keys_label)

        act = self.page_action
        self.next_asker_action = act(self.tr("Next asker"), self.next_asker, "N")
        self.answered_action = act(self.tr("Mark answered"), self.mark_answered, "J")
        self.termin_action = act(self.tr("Close termin / next termin"), self.termin_step, "T")
        self.pause_action = act(self.tr("Pause/resume speaker"), self.toggle_pause, "Space")
        self.minute_action = act(self.tr("One more minute"), self.add_minute, "+")
        self.minute_action.setShortcuts([QKeySequence("+"), QKeySequence("=")])
        self.full_screen_action = act(self.tr("Full screen"), self.toggle_full_screen, "F11")

        self.live.changed.connect(self.refresh)
        self.live.tick.connect(self._tick)
        self.live.windows_closing.connect(self.close)
        self.refresh()

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
        self._tick()

    def _tick(self) -> None:
        set_text(self.clock_label, f"{self.live.clock_text()} {self.live.timezone}")

    # -- the keys ----------------------------------------------------------------------------

    def next_asker(self) -> None:
        """N: the next asker in the queue asks."""
        event_id = self.event_id
        if event_id is not None:
            self.act(self.tr("Next asker"), lambda: mt.next_asker(self.storage, event_id))

    def mark_answered(self) -> None:
        """J: the highlighted question is answered."""
        event_id = self.event_id
        if event_id is not None:
            self.act(self.tr("Mark answered"), lambda: mt.mark_answered(self.storage, event_id))

    def termin_step(self) -> None:
        """T: close the termin (answers), or open the next one."""
        event_id = self.event_id
        if event_id is None:
            return
        step = self.act(self.tr("Close termin / next termin"), lambda: mt.advance_termin(
            self.storage, event_id, clock=self.live.clock))
        if step is not None:
            self.show_message(
                self.tr("Termin {number} opened.").format(number=step.termin.number)
                if step.opened else
                self.tr("Termin {number} closed: the answers.").format(number=step.termin.number)
            )

    def toggle_pause(self) -> None:
        """Space: pause or resume the speaker."""
        live = self.live.state.live
        if live is None or live.speaker.id is None:
            self.show_message(self.tr("Nobody is speaking."), error=True)
            return
        speaker_id = live.speaker.id
        self.act(self.tr("Pause/resume speaker"), lambda: mt.toggle_pause_speaker(
            self.storage, speaker_id, clock=self.live.clock))

    def add_minute(self) -> None:
        """+: one more minute for the speaker."""
        live = self.live.state.live
        if live is None or live.speaker.id is None:
            self.show_message(self.tr("Nobody is speaking."), error=True)
            return
        speaker_id = live.speaker.id
        self.act(self.tr("One more minute"), lambda: mt.add_speaker_time(
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


def show_moderator_view(storage: Storage, live: LiveMeeting | None = None,
                        settings: Settings | None = None, *,
                        event_id: int | None = None) -> ModeratorView:
    """Open the moderator's window (or bring the open one forward)."""
    live = live or LiveMeeting.shared(storage)
    if event_id is not None:
        live.set_event(event_id)
    window = _windows.get(id(live))
    if window is None:
        window = ModeratorView(storage, settings, live=live)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        _windows[id(live)] = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window
