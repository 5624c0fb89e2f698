"""Qt models of the meeting record: the live meeting every screen watches, and the
table models of the rundown, speakers, termins, questions, follow-ups and conclusions.

:class:`LiveMeeting` is the one place the screens of the meeting (rundown page,
discussion page, projector, moderator view) run operations through: it keeps the
undo stack, reloads what the screens show after every change and ticks the
clocks. The models are small lists (a rundown has a dozen items, a termin a few
questions) reloaded from SQL when the record changes.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.formatting import format_clock, format_time
from rakor_desktop.models import (
    Conclusion,
    Event,
    FollowUp,
    Invitee,
    Question,
    QuestionStatus,
    Role,
    RundownItem,
    RundownKind,
    Speaker,
    SpeakerState,
    Termin,
)
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import rundown as rundown_ops
from rakor_desktop.operations.rundown import (
    LiveSpeaker,
    MeetingSettings,
    ScheduleStatus,
    add_minutes,
)
from rakor_desktop.storage import Storage
from rakor_desktop.timer import Countdown, TimerPhase, format_seconds
from rakor_desktop.undo import UndoStack

from ..widgets import plain_tooltip

log = logging.getLogger("rakor.ui.live")

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

ROW_MIME = "application/x-rakor-record-row"
RUNNING_BACKGROUND = QColor("#dcedc8")
FINISHED_FOREGROUND = QColor("#757575")
HIGHLIGHT_BACKGROUND = QColor("#fff59d")


def kind_label(kind: RundownKind | str) -> str:
    """The name of a kind of rundown item, in the current language."""
    labels = {
        RundownKind.REGISTRASI: QCoreApplication.translate("RecordModels", "Registration"),
        RundownKind.PEMBUKAAN: QCoreApplication.translate("RecordModels", "Opening"),
        RundownKind.INDONESIA_RAYA: QCoreApplication.translate("RecordModels", "Indonesia Raya"),
        RundownKind.DOA: QCoreApplication.translate("RecordModels", "Prayer"),
        RundownKind.LAPORAN: QCoreApplication.translate("RecordModels", "Report"),
        RundownKind.SAMBUTAN: QCoreApplication.translate("RecordModels", "Speech"),
        RundownKind.PAPARAN: QCoreApplication.translate("RecordModels", "Presentation"),
        RundownKind.DISKUSI: QCoreApplication.translate("RecordModels", "Discussion"),
        RundownKind.KESIMPULAN: QCoreApplication.translate("RecordModels", "Conclusions"),
        RundownKind.PENUTUP: QCoreApplication.translate("RecordModels", "Closing"),
        RundownKind.LAINNYA: QCoreApplication.translate("RecordModels", "Other"),
    }
    return labels.get(RundownKind(kind), str(kind))


def speaker_state_label(state: SpeakerState | str) -> str:
    """The name of a speaker's state, in the current language."""
    labels = {
        SpeakerState.WAITING: QCoreApplication.translate("RecordModels", "waiting"),
        SpeakerState.SPEAKING: QCoreApplication.translate("RecordModels", "speaking"),
        SpeakerState.PAUSED: QCoreApplication.translate("RecordModels", "paused"),
        SpeakerState.FINISHED: QCoreApplication.translate("RecordModels", "finished"),
    }
    return labels.get(SpeakerState(state), str(state))


def question_status_label(status: QuestionStatus | str) -> str:
    """The name of a question's status, in the current language."""
    labels = {
        QuestionStatus.ANTRE: QCoreApplication.translate("RecordModels", "queued"),
        QuestionStatus.BERTANYA: QCoreApplication.translate("RecordModels", "asking"),
        QuestionStatus.DIJAWAB: QCoreApplication.translate("RecordModels", "answered"),
        QuestionStatus.DITUNDA: QCoreApplication.translate("RecordModels", "deferred"),
        QuestionStatus.DIBATALKAN: QCoreApplication.translate("RecordModels", "cancelled"),
    }
    return labels.get(QuestionStatus(status), str(status))


def conclusion_kind_label(kind: str) -> str:
    """Kesimpulan, keputusan or rekomendasi, in the current language."""
    labels = {
        "kesimpulan": QCoreApplication.translate("RecordModels", "Conclusion"),
        "keputusan": QCoreApplication.translate("RecordModels", "Decision"),
        "rekomendasi": QCoreApplication.translate("RecordModels", "Recommendation"),
    }
    return labels.get(kind, kind)


def delay_text(status: ScheduleStatus) -> str:
    """ "12 min late", "1 h 5 min late", "on time", "3 min early"; "another day than the
    event's" on a rehearsal day; empty when it cannot be told. Never minutes past an hour."""
    if status.delay_seconds is None:
        if status.other_day:
            return QCoreApplication.translate("RecordModels", "another day than the event's")
        return ""
    minutes = status.delay_minutes
    if abs(minutes) >= 24 * 60:  # never told (see meeting.MAX_TOLD_DELAY); never in minutes
        return QCoreApplication.translate("RecordModels", "another day than the event's")
    hours, rest = divmod(abs(minutes), 60)
    if minutes > 0:
        if not hours:
            text = QCoreApplication.translate("RecordModels", "{minutes} min late")
        elif not rest:
            text = QCoreApplication.translate("RecordModels", "{hours} h late")
        else:
            text = QCoreApplication.translate("RecordModels", "{hours} h {minutes} min late")
    elif minutes < 0:
        if not hours:
            text = QCoreApplication.translate("RecordModels", "{minutes} min early")
        elif not rest:
            text = QCoreApplication.translate("RecordModels", "{hours} h early")
        else:
            text = QCoreApplication.translate("RecordModels", "{hours} h {minutes} min early")
    else:
        return QCoreApplication.translate("RecordModels", "on time")
    return text.format(hours=hours, minutes=rest)


# -- the live meeting ------------------------------------------------------------------


@dataclass
class LiveState:
    """What the screens of the meeting show, read once after each change."""

    event: Event | None = None
    items: list[RundownItem] = field(default_factory=list)
    running: RundownItem | None = None
    live: LiveSpeaker | None = None
    live_item: RundownItem | None = None
    next_speakers: list[Speaker] = field(default_factory=list)
    highlighted: Question | None = None
    termin: Termin | None = None
    termin_questions: list[Question] = field(default_factory=list)
    settings: MeetingSettings = field(default_factory=MeetingSettings)


_shared: weakref.WeakKeyDictionary[Storage, LiveMeeting] = weakref.WeakKeyDictionary()


class LiveMeeting(QObject):
    """The meeting going on in the open event, shared by every screen of it.

    Screens run each user action through :meth:`run` (one undoable command),
    read what to show from :attr:`state`, :meth:`countdown` and :meth:`schedule`,
    and refresh on the signals.

    It also owns the hall windows (the projector, the moderator's view) while they
    are open, one of each kind: a top-level window that nothing refers to is freed
    by Python at once, so :meth:`keep_window` holds it until Qt destroys it after
    it closes, and :meth:`close_windows` closes them with the main window.

    Signals:
        event_changed: another event (or none) is open.
        changed: the record changed (an action, an undo, a redo, a reload).
        tick: the clock moved on (twice a second); nothing is read from the database.
        phase_changed(str): the countdown entered another :class:`TimerPhase`.
        undo_changed: what undo/redo would do changed.
        windows_closing: the hall windows are being closed (the main window closes).
    """

    event_changed = Signal()
    windows_closing = Signal()
    changed = Signal()
    tick = Signal()
    phase_changed = Signal(str)
    undo_changed = Signal()

    TICK_MS = 500

    def __init__(
        self, storage: Storage, *, clock: Clock = utc_now, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.storage = storage
        self.clock: Clock = clock
        self.event_id: int | None = None
        self.state = LiveState()
        self.undo_stack: UndoStack | None = None
        self.beeps = 0  # how many times the timer sounded (for tests and the log)
        self._phase_key: tuple[str, TimerPhase] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self.tick_now)
        self._windows: dict[str, QWidget] = {}

    @classmethod
    def shared(cls, storage: Storage) -> LiveMeeting:
        """The live meeting of a database, made on first use (one per Storage)."""
        live = _shared.get(storage)
        if live is None:
            live = cls(storage)
            _shared[storage] = live
        return live

    # -- the hall windows ---------------------------------------------------------------

    def keep_window(self, kind: str, window: QWidget) -> None:
        """Hold the open window of a kind ("projector", "moderator") until it closes.

        The window is deleted when it closes and let go when Qt destroys it; a window
        of the same kind held before is replaced (open one per kind: see
        :meth:`open_window`).
        """
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._windows[kind] = window
        window_id = id(window)  # not the window: the connection must not hold it
        window.destroyed.connect(lambda: self._forget_window(kind, window_id))

    def _forget_window(self, kind: str, window_id: int) -> None:
        window = self._windows.get(kind)
        if window is not None and id(window) == window_id:
            del self._windows[kind]

    def open_window(self, kind: str) -> QWidget | None:
        """The window of a kind that is open now (None: none, or it is closing)."""
        window = self._windows.get(kind)
        if window is None:
            return None
        try:
            shown = window.isVisible()
        except RuntimeError:  # already deleted by Qt
            shown = False
        return window if shown else None

    def open_windows(self) -> list[QWidget]:
        """The hall windows open now."""
        return [w for kind in list(self._windows) if (w := self.open_window(kind)) is not None]

    def close_windows(self) -> None:
        """Close the projector and the moderator's window (when the main window closes)."""
        self.windows_closing.emit()
        for window in self.open_windows():
            window.close()

    def follow_event(self, event_id: int) -> None:
        """Another event was opened in the main window: the screens of the meeting (the
        open hall windows too) show it."""
        if event_id != self.event_id:
            self.set_event(event_id)

    # -- the open event ----------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Follow another event (None: none); the same event is read again."""
        if event_id == self.event_id:
            self.reload()
            return
        self.event_id = event_id
        self.undo_stack = None if event_id is None else UndoStack(self.storage, event_id)
        self._phase_key = None
        self.reload()
        if event_id is None:
            self._timer.stop()
        else:
            self._timer.start()
        self.event_changed.emit()
        self.undo_changed.emit()

    def reload(self) -> None:
        """Read the live state again and tell every screen."""
        self.state = self._read_state()
        self.changed.emit()
        self.tick_now()

    def _read_state(self) -> LiveState:
        event_id = self.event_id
        if event_id is None:
            return LiveState()
        storage = self.storage
        event = storage.get_event(event_id)
        if event is None:
            return LiveState()
        items = storage.list_rundown_items(event_id)
        running = rundown_ops.running_item_of(items)
        live = rundown_ops.live_speaker(storage, event_id)
        by_id = {i.id: i for i in items}
        live_item = by_id.get(live.speaker.rundown_item_id) if live else running
        next_speakers: list[Speaker] = []
        if live_item is not None and live_item.id is not None:
            next_speakers = [
                s for s in storage.list_speakers(live_item.id) if s.state == SpeakerState.WAITING
            ]
        termin = talk.current_termin(storage, event_id)
        questions = [] if termin is None or termin.id is None else storage.list_questions(termin.id)
        return LiveState(
            event=event,
            items=items,
            running=running,
            live=live,
            live_item=live_item,
            next_speakers=next_speakers,
            highlighted=talk.highlighted_question(storage, event_id),
            termin=termin,
            termin_questions=questions,
            settings=rundown_ops.meeting_settings(storage, event_id),
        )

    # -- actions -------------------------------------------------------------------------

    def run(self, label: str, operation: Callable[[], T]) -> T:
        """Run a user action as one undoable command, then refresh every screen.

        Raises:
            RakorError: the action was refused (nothing changed); the caller shows it.
        """
        if self.undo_stack is None:
            result = operation()
        else:
            result = self.undo_stack.run(label, operation)
        self.reload()
        self.undo_changed.emit()
        return result

    def undo(self) -> str:
        """Undo the latest action; returns its label ("" when there was none)."""
        if self.undo_stack is None:
            return ""
        command = self.undo_stack.undo()
        self.reload()
        self.undo_changed.emit()
        return "" if command is None else command.label

    def redo(self) -> str:
        """Redo the latest undone action; returns its label ("" when there was none)."""
        if self.undo_stack is None:
            return ""
        command = self.undo_stack.redo()
        self.reload()
        self.undo_changed.emit()
        return "" if command is None else command.label

    # -- what to show --------------------------------------------------------------------

    @property
    def timezone(self) -> str:
        """The event's time zone (WIB when none is open)."""
        return self.state.event.timezone if self.state.event else "WIB"

    def countdown(self) -> Countdown | None:
        """The countdown of the speaker with the floor, else of the item going on."""
        warning = self.state.settings.warning_seconds
        if self.state.live is not None:
            return self.state.live.countdown(self.clock, warning)
        if self.state.running is not None:
            return rundown_ops.item_countdown(self.state.running, self.clock, warning)
        return None

    def countdown_subject(self) -> str:
        """Whose time the countdown counts: the speaker, else the item."""
        if self.state.live is not None:
            speaker = self.state.live.speaker
            return f"{speaker.name} ({speaker.instansi})" if speaker.instansi else speaker.name
        if self.state.running is not None:
            return self.state.running.title
        return ""

    def schedule(self) -> ScheduleStatus | None:
        """How late the meeting runs now (None without an event)."""
        if self.state.event is None:
            return None
        return rundown_ops.schedule_status(self.state.event, self.state.items, self.clock())

    def clock_text(self) -> str:
        """The time of day in the event's zone: "09.42"."""
        return format_clock(self.clock(), self.timezone)

    def tick_now(self) -> None:
        """Move the clocks on (the timer calls this; tests call it after moving the clock)."""
        countdown = self.countdown()
        if countdown is None:
            key: tuple[str, TimerPhase] | None = None
        else:
            subject = (
                self.state.live.speaker.uid
                if self.state.live
                else (self.state.running.uid if self.state.running else "")
            )
            key = (subject, countdown.phase())
        if key != self._phase_key:
            previous = self._phase_key
            self._phase_key = key
            same_subject = previous is not None and key is not None and previous[0] == key[0]
            if (
                same_subject
                and key is not None
                and key[1] in (TimerPhase.WARNING, TimerPhase.OVERTIME)
                and self.state.settings.sound
            ):
                self.beeps += 1
                QApplication.beep()
            self.phase_changed.emit(str(key[1]) if key else str(TimerPhase.IDLE))
        self.tick.emit()


# -- table models --------------------------------------------------------------------------


def _headers() -> dict[str, str]:
    return {
        "no": QCoreApplication.translate("RecordModels", "No."),
        "planned": QCoreApplication.translate("RecordModels", "Planned"),
        "minutes": QCoreApplication.translate("RecordModels", "Min."),
        "kind": QCoreApplication.translate("RecordModels", "Kind"),
        "title": QCoreApplication.translate("RecordModels", "Item"),
        "responsible": QCoreApplication.translate("RecordModels", "Responsible"),
        "actual": QCoreApplication.translate("RecordModels", "Actual"),
        "status": QCoreApplication.translate("RecordModels", "Status"),
        "name": QCoreApplication.translate("RecordModels", "Name"),
        "instansi": QCoreApplication.translate("RecordModels", "Institution"),
        "state": QCoreApplication.translate("RecordModels", "State"),
        "allotted": QCoreApplication.translate("RecordModels", "Time"),
        "spoken": QCoreApplication.translate("RecordModels", "Spoken"),
        "asker": QCoreApplication.translate("RecordModels", "Asker"),
        "question": QCoreApplication.translate("RecordModels", "Question"),
        "to": QCoreApplication.translate("RecordModels", "To"),
        "answered_by": QCoreApplication.translate("RecordModels", "Answered by"),
        "answer": QCoreApplication.translate("RecordModels", "Answer"),
        "what": QCoreApplication.translate("RecordModels", "Follow-up"),
        "who": QCoreApplication.translate("RecordModels", "Who"),
        "due": QCoreApplication.translate("RecordModels", "By when"),
        "body": QCoreApplication.translate("RecordModels", "Text"),
        "turns": QCoreApplication.translate("RecordModels", "Turns"),
        "speakers": QCoreApplication.translate("RecordModels", "Speakers"),
    }


class RecordTableModel(QAbstractTableModel):
    """A small list of record objects shown as a table; reorderable by drag and drop.

    Signals:
        move_requested(int, int): the user dragged row ``from`` to index ``to`` (the
            index it should have afterwards); the page runs the move.
    """

    move_requested = Signal(int, int)

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    REORDERABLE: ClassVar[bool] = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show other rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int) -> Any:
        """The object shown in ``row`` (None outside)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, record_id: int | None) -> int:
        """The row of the object with this id, or -1."""
        return next((r for r, o in enumerate(self._rows) if o.id == record_id), -1)

    def rows(self) -> list[Any]:
        """Every object shown, in order."""
        return list(self._rows)

    # -- Qt interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return _headers()[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        obj = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(obj, column, index.row())
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of an elided cell
            tip = self.tooltip(obj, column, index.row())
            return plain_tooltip(tip) if isinstance(tip, str) else tip  # phones' text
        if role == Qt.ItemDataRole.UserRole:
            return obj.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            "no",
            "minutes",
            "allotted",
            "spoken",
            "turns",
            "speakers",
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.background(obj)
            return None if colour is None else QBrush(colour)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.foreground(obj)
            return None if colour is None else QBrush(colour)
        if role == Qt.ItemDataRole.FontRole and self.bold(obj):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def display(self, obj: Any, column: str, row: int) -> Any:
        """The text of one cell."""
        raise NotImplementedError

    def tooltip(self, obj: Any, column: str, row: int) -> Any:
        """The tooltip of one cell: its whole text (models add what hidden columns say)."""
        return self.display(obj, column, row)

    def background(self, obj: Any) -> QColor | None:
        """A row's background colour (None: the default)."""
        return None

    def foreground(self, obj: Any) -> QColor | None:
        """A row's text colour (None: the default)."""
        return None

    def bold(self, obj: Any) -> bool:
        """Whether a row is in bold."""
        return False

    # -- drag and drop -----------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not self.REORDERABLE:
            return base
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(ROW_MIME, QByteArray(str(rows[0]).encode("ascii")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.REORDERABLE and data.hasFormat(ROW_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            source = int(bytes(data.data(ROW_MIME).data()).decode("ascii"))
        except ValueError:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        target = row - 1 if source < row else row  # the index after taking the row out
        if 0 <= source < len(self._rows) and target != source:
            self.move_requested.emit(source, max(0, target))
        return False  # the move itself goes through an operation, never removeRows


class RundownModel(RecordTableModel):
    """The susunan acara with planned and actual times; the item going on stands out."""

    COLUMNS = ("no", "planned", "minutes", "kind", "title", "responsible", "actual", "status")
    REORDERABLE = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timezone = "WIB"

    def display(self, obj: Any, column: str, row: int) -> Any:
        item: RundownItem = obj
        if column == "no":
            return row + 1
        if column == "planned":
            if item.planned_start is None:
                return ""
            end = add_minutes(item.planned_start, item.planned_minutes)
            return f"{format_time(item.planned_start)}–{format_time(end)}"
        if column == "minutes":
            return item.planned_minutes
        if column == "kind":
            return kind_label(item.kind)
        if column == "title":
            return item.title
        if column == "responsible":
            return item.responsible_text
        if column == "actual":
            parts = [
                format_clock(m, self.timezone) if m else ""
                for m in (item.actual_start, item.actual_end)
            ]
            return "" if not parts[0] else f"{parts[0]}–{parts[1]}"
        if item.actual_end is not None:
            return QCoreApplication.translate("RecordModels", "done")
        if item.actual_start is not None:
            return QCoreApplication.translate("RecordModels", "now")
        return ""

    def tooltip(self, obj: Any, column: str, row: int) -> Any:
        item: RundownItem = obj
        if column != "title":
            return self.display(obj, column, row)
        # The kind, the minutes and the one responsible give way on a narrow screen.
        details = QCoreApplication.translate(
            "RecordModels", "{kind} · {minutes} min · {responsible}"
        ).format(kind=kind_label(item.kind), minutes=item.planned_minutes,
                 responsible=item.responsible_text or "—")
        return f"{item.title}\n{details}"

    def background(self, obj: Any) -> QColor | None:
        item: RundownItem = obj
        return RUNNING_BACKGROUND if item.actual_start and not item.actual_end else None

    def foreground(self, obj: Any) -> QColor | None:
        return FINISHED_FOREGROUND if obj.actual_end is not None else None

    def bold(self, obj: Any) -> bool:
        return bool(obj.actual_start and not obj.actual_end)


class SpeakerModel(RecordTableModel):
    """The speakers of one rundown item."""

    COLUMNS = ("no", "name", "instansi", "state", "allotted", "spoken")
    REORDERABLE = True

    def display(self, obj: Any, column: str, row: int) -> Any:
        speaker: Speaker = obj
        if column == "no":
            return row + 1
        if column == "name":
            return speaker.name
        if column == "instansi":
            return speaker.instansi
        if column == "state":
            return speaker_state_label(speaker.state)
        if column == "allotted":
            return format_seconds(speaker.allotted_seconds)
        if speaker.state == SpeakerState.SPEAKING:
            return "▶"  # counting on the timer
        return format_seconds(speaker.spoken_seconds) if speaker.started_at else ""

    def background(self, obj: Any) -> QColor | None:
        return RUNNING_BACKGROUND if obj.state == SpeakerState.SPEAKING else None

    def foreground(self, obj: Any) -> QColor | None:
        return FINISHED_FOREGROUND if obj.state == SpeakerState.FINISHED else None

    def bold(self, obj: Any) -> bool:
        return bool(obj.state in (SpeakerState.SPEAKING, SpeakerState.PAUSED))


class QuestionModel(RecordTableModel):
    """The questions of one termin; the one on the projector is highlighted."""

    COLUMNS = ("no", "asker", "instansi", "question", "to", "status", "answered_by", "answer")
    REORDERABLE = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.highlighted_uid = ""

    def display(self, obj: Any, column: str, row: int) -> Any:
        question: Question = obj
        if column == "no":
            return row + 1
        if column == "asker":
            marker = "▶ " if question.uid == self.highlighted_uid else ""
            return marker + question.asker_name
        if column == "status":
            return question_status_label(question.status)
        values = {
            "instansi": question.asker_instansi,
            "question": question.question,
            "to": question.addressed_to,
            "answered_by": question.answered_by,
            "answer": question.answer,
        }
        return values[column]

    def tooltip(self, obj: Any, column: str, row: int) -> Any:
        question: Question = obj
        if column not in ("asker", "question", "answer"):
            return self.display(obj, column, row)
        # The whole question and answer (the institution, the addressee and who
        # answered give way on a narrow screen).
        lines = [f"{question.asker_name} ({question.asker_instansi})"
                 if question.asker_instansi else question.asker_name]
        if question.question:
            to = f" → {question.addressed_to}" if question.addressed_to else ""
            lines.append(f"{question.question}{to}")
        if question.answer:
            by = f"{question.answered_by}: " if question.answered_by else ""
            lines.append(f"{by}{question.answer}")
        return "\n".join(lines)

    def background(self, obj: Any) -> QColor | None:
        return HIGHLIGHT_BACKGROUND if obj.uid == self.highlighted_uid else None

    def foreground(self, obj: Any) -> QColor | None:
        status = obj.status
        done = (QuestionStatus.DIJAWAB, QuestionStatus.DIBATALKAN)
        return FINISHED_FOREGROUND if status in done else None

    def bold(self, obj: Any) -> bool:
        return bool(obj.status == QuestionStatus.BERTANYA)


class FollowUpModel(RecordTableModel):
    """The follow-ups (tindak lanjut) of an event."""

    COLUMNS = ("no", "what", "who", "due", "asker")
    REORDERABLE = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.askers: dict[int, str] = {}  # question id → asker

    def display(self, obj: Any, column: str, row: int) -> Any:
        follow_up: FollowUp = obj
        if column == "no":
            return row + 1
        if column == "asker":
            return self.askers.get(follow_up.question_id or 0, "")
        return {"what": follow_up.what, "who": follow_up.who, "due": follow_up.due}[column]


class ConclusionModel(RecordTableModel):
    """The conclusions, decisions and recommendations of an event."""

    COLUMNS = ("no", "kind", "body")
    REORDERABLE = True

    def display(self, obj: Any, column: str, row: int) -> Any:
        conclusion: Conclusion = obj
        if column == "no":
            return row + 1
        if column == "kind":
            return conclusion_kind_label(conclusion.kind)
        return conclusion.body


class SpeakerTotalsModel(RecordTableModel):
    """Speaking time per speaker."""

    COLUMNS = ("name", "instansi", "turns", "spoken")

    def display(self, obj: Any, column: str, row: int) -> Any:
        total: rundown_ops.SpeakerTotal = obj
        values = {
            "name": total.name,
            "instansi": total.instansi,
            "turns": total.turns,
            "spoken": format_seconds(total.spoken_seconds),
        }
        return values[column]

    def row_of_id(self, record_id: int | None) -> int:
        return -1


class InstansiTotalsModel(RecordTableModel):
    """Speaking time per instansi."""

    COLUMNS = ("instansi", "speakers", "turns", "spoken")

    def display(self, obj: Any, column: str, row: int) -> Any:
        total: rundown_ops.InstansiTotal = obj
        values = {
            "instansi": total.instansi or "—",
            "speakers": total.speakers,
            "turns": total.turns,
            "spoken": format_seconds(total.spoken_seconds),
        }
        return values[column]

    def row_of_id(self, record_id: int | None) -> int:
        return -1


class TerminListModel(QAbstractListModel):
    """The termins of an event, for a combo box: "Termin 2 (open)"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._termins: list[Termin] = []

    def set_termins(self, termins: Sequence[Termin]) -> None:
        """Show other termins."""
        self.beginResetModel()
        self._termins = list(termins)
        self.endResetModel()

    def termin(self, row: int) -> Termin | None:
        """The termin in ``row``."""
        return self._termins[row] if 0 <= row < len(self._termins) else None

    def row_of_id(self, termin_id: int | None) -> int:
        """The row of a termin, or -1."""
        return next((r for r, t in enumerate(self._termins) if t.id == termin_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._termins)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._termins):
            return None
        termin = self._termins[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            state = (
                QCoreApplication.translate("RecordModels", "open")
                if termin.closed_at is None
                else QCoreApplication.translate("RecordModels", "closed")
            )
            return QCoreApplication.translate("RecordModels", "Termin {number} ({state})").format(
                number=termin.number, state=state
            )
        if role == Qt.ItemDataRole.UserRole:
            return termin.id
        return None


class InviteeSearchModel(QAbstractListModel):
    """Invitees matching what was typed, ranked by the check-in desk's SQL search.

    The display text is "Name — Jabatan, Instansi"; the edit text (what a
    completer puts into the field) is the name with titles.
    """

    def __init__(
        self,
        storage: Storage,
        parent: QObject | None = None,
        *,
        narasumber_first: bool = False,
        limit: int = 12,
    ) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id: int | None = None
        self._invitees: list[Invitee] = []
        self.narasumber_first = narasumber_first
        self.limit = limit

    def set_event(self, event_id: int | None) -> None:
        """Search another event's invitation list."""
        self._event_id = event_id
        self.set_query("")

    def set_query(self, query: str) -> None:
        """Search again for what was typed (nothing shown for an empty query)."""
        self.beginResetModel()
        if self._event_id is None or not query.strip():
            self._invitees = []
        elif self.narasumber_first:
            self._invitees = rundown_ops.speaker_candidates(
                self._storage, self._event_id, query, limit=self.limit
            )
        else:
            self._invitees = self._storage.list_invitees(self._event_id, query, limit=self.limit)
        self.endResetModel()

    def invitee(self, row: int) -> Invitee | None:
        """The invitee in ``row``."""
        return self._invitees[row] if 0 <= row < len(self._invitees) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._invitees)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._invitees):
            return None
        invitee = self._invitees[index.row()]
        name = rundown_ops.invitee_display_name(invitee)
        if role == Qt.ItemDataRole.EditRole:
            return name
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            details = ", ".join(p for p in (invitee.jabatan, invitee.instansi) if p)
            star = "★ " if invitee.role == Role.NARASUMBER else ""
            return f"{star}{name} — {details}" if details else f"{star}{name}"
        if role == Qt.ItemDataRole.UserRole:
            return invitee.id
        return None
