"""The "Susunan Acara" area: plan the rundown, run it live, speakers and the timer,
and the notetaker's notes per item.

Keys (from anywhere in the main window while the page is shown):

- F5 start the next item, F6 finish the item going on;
- F7 next speaker, Shift+F7 finish the speaker, F8 pause/resume, F9 one more minute;
- Insert add, F2/Enter edit, Delete remove, Ctrl+Up/Ctrl+Down move (in the table
  with the focus: items or speakers);
- Ctrl+Z undo, Ctrl+Shift+Z (or Ctrl+Y) redo.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import Any, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.formatting import (
    TimeZone,
    format_clock,
    format_date,
    format_date_span,
    format_time,
)
from rakor_desktop.messages import RakorError
from rakor_desktop.models import Event, Invitee, RundownItem, RundownKind
from rakor_desktop.operations import rundown as rd
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage

from ..widgets import ERROR_STYLE, OptionalTimeEdit, error_label, make_time_edit, ok_cancel_buttons
from .record_models import (
    InstansiTotalsModel,
    InviteeSearchModel,
    LiveMeeting,
    RecordTableModel,
    RundownModel,
    SpeakerModel,
    SpeakerTotalsModel,
    delay_text,
    kind_label,
)
from .timer_widget import TimerWidget, set_text

T = TypeVar("T")

MESSAGE_MS = 10_000
NOTES_SAVE_MS = 800


# -- shared pieces of the meeting pages ---------------------------------------------------


def make_table(model: RecordTableModel, widths: tuple[int, ...] = (),
               stretch: int | None = None) -> QTableView:
    """A table over a record model: whole rows, no inline editing, drag to reorder.

    ``stretch`` is the column that takes the width left (default: the last one).
    """
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if model.REORDERABLE:
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropOverwriteMode(False)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
    return table


class TableColumns(QObject):
    """Column widths for a small laptop screen (1366 px wide).

    One column (the title, the question) stretches; every other column is as wide
    as its content, up to a cap, and elided with the full text in its tooltip. When
    the stretching column would get narrower than ``min_stretch``, the columns in
    ``drop_order`` are hidden one by one (lowest priority first) and come back when
    there is room. A column the user resized keeps the user's width.
    """

    PADDING = 10

    def __init__(self, table: QTableView, stretch: int, *, min_stretch: int = 200,
                 caps: dict[int, int] | None = None, drop_order: tuple[int, ...] = (),
                 samples: dict[int, tuple[str, ...]] | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.min_stretch = min_stretch
        self.caps = caps or {}
        # Texts a column may come to show (every status, say): its width is kept for
        # them, so the columns do not jump while the meeting runs.
        self.samples = samples or {}
        self.drop_order = drop_order
        self._user_widths: dict[int, int] = {}
        self._fitting = False
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.sectionResized.connect(self._resized)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.dataChanged):
            signal.connect(self.fit)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column != self.stretch and new > 0:
            self._user_widths[column] = new

    def content_width(self, column: int) -> int:
        """What a column needs to show its header and cells in full (at most its cap)."""
        if column in self._user_widths:
            return self._user_widths[column]
        header = self.table.horizontalHeader()
        cells = self.table.sizeHintForColumn(column)
        metrics = self.table.fontMetrics()
        sample = max((metrics.horizontalAdvance(text) for text in self.samples.get(column, ())),
                     default=0)
        width = max(header.sectionSizeFromContents(column).width(), cells,
                    sample + 2 * self.table.style().pixelMetric(
                        QStyle.PixelMetric.PM_FocusFrameHMargin) + 6) + self.PADDING
        return min(width, self.caps.get(column, width))

    def fit(self, *_args: Any) -> None:
        """Size the columns to their content and the width there is."""
        model = self.table.model()
        if model is None or self._fitting:
            return
        self._fitting = True
        try:
            columns = [c for c in range(model.columnCount()) if c != self.stretch]
            widths = {c: self.content_width(c) for c in columns}
            room = self.table.viewport().width()
            hidden: set[int] = set()
            for column in self.drop_order:
                shown = sum(w for c, w in widths.items() if c not in hidden)
                if shown + self.min_stretch <= room:
                    break
                hidden.add(column)
            for column in columns:
                self.table.setColumnHidden(column, column in hidden)
                if column not in hidden:
                    self.table.horizontalHeader().resizeSection(column, widths[column])
        finally:
            self._fitting = False


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Keep where the user put a splitter (UI state, not a preference) across runs."""
    from ..mainwindow import ui_state

    splitter.setObjectName(key)
    saved = ui_state().value(f"splitters/{key}")
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        splitter.restoreState(saved)

    def save(_pos: int, _index: int) -> None:
        ui_state().setValue(f"splitters/{key}", splitter.saveState())

    splitter.splitterMoved.connect(save)


def selected_row(table: QTableView) -> int:
    """The row selected in a table, or -1."""
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    return rows[0].row() if rows else -1


def select_row(table: QTableView, row: int) -> None:
    """Select and show one row (nothing for -1)."""
    model = table.model()
    if row < 0 or model is None or row >= model.rowCount():
        table.clearSelection()
        return
    table.selectRow(row)
    table.scrollTo(model.index(row, 0))


def local_to_moment(event: Event, value: time, reference: datetime | None = None) -> datetime:
    """A time of day typed in the event's zone, as a UTC moment on the event's day
    (or the day of ``reference``, a moment recorded before)."""
    zone = TimeZone.parse(event.timezone).tzinfo
    day = reference.astimezone(zone).date() if reference else event.date
    return datetime.combine(day, value, tzinfo=zone).astimezone(UTC)


class LivePage(QWidget):
    """What the rundown and discussion pages share: the live meeting, a message line,
    undo/redo, and running actions with their errors shown instead of raised."""

    def __init__(self, storage: Storage, settings: Settings | None,
                 live: LiveMeeting | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.storage = storage
        self.settings = settings or Settings()
        self.live = live or LiveMeeting.shared(storage)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        # Messages name askers, some of them typed on phones: never read as markup.
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message_label.clear)
        self.undo_action = self.page_action(self.tr("Undo"), self.undo, "Ctrl+Z")
        self.redo_action = self.page_action(self.tr("Redo"), self.redo, "Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.live.undo_changed.connect(self._update_undo)

    @property
    def event_id(self) -> int | None:
        """The open event."""
        return self.live.event_id

    def page_action(self, text: str, slot: Callable[[], Any], shortcut: str = "",
                    widget: QWidget | None = None) -> QAction:
        """An action with a key: a page key (no ``widget``) works from anywhere in the main
        window while the page is the one shown (Qt fires a window shortcut only for a
        visible widget, so the keys of a hidden page never clash); a ``widget`` key
        (Delete on a table, say) only while that widget has the focus."""
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut if widget is not None
            else Qt.ShortcutContext.WindowShortcut
        )
        action.triggered.connect(lambda _checked=False: slot())
        (widget or self).addAction(action)
        return action

    def act(self, label: str, operation: Callable[[], T]) -> T | None:
        """Run a user action (undoable); a refusal is shown on the message line."""
        try:
            result = self.live.run(label, operation)
        except RakorError as exc:
            self.show_message(str(exc), error=True)
            return None
        self.show_message("")
        return result

    def move_row(
        self, table: QTableView, model: Any, row: int, index: int, label: str,
        operation: Callable[[int, int], object],
    ) -> None:
        """Move the record shown in ``row`` to ``index`` (undoable) and keep it selected."""
        record = model.row_object(row)
        if record is None or not 0 <= index < model.rowCount():
            return
        record_id = record.id
        self.act(label, lambda: operation(record_id, index))
        select_row(table, model.row_of_id(record_id))

    def move_selected(
        self, table: QTableView, step: int, mover: Callable[[int, int], None]
    ) -> None:
        """Ctrl+Up/Ctrl+Down: move the selected row of ``table`` by ``step``."""
        row = selected_row(table)
        if row >= 0:
            mover(row, row + step)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """Say something on the message line (errors in red); it clears by itself."""
        self.message_label.setStyleSheet(ERROR_STYLE if error else "")
        self.message_label.setText(text)
        if text:
            self._message_timer.start()

    def undo(self) -> None:
        """Take the latest action back (Ctrl+Z)."""
        try:
            label = self.live.undo()
        except RakorError as exc:
            self.show_message(str(exc), error=True)
            return
        if label:
            self.show_message(self.tr("Undone: {action}").format(action=label))

    def redo(self) -> None:
        """Make the latest undone action again (Ctrl+Shift+Z)."""
        try:
            label = self.live.redo()
        except RakorError as exc:
            self.show_message(str(exc), error=True)
            return
        if label:
            self.show_message(self.tr("Redone: {action}").format(action=label))

    def _update_undo(self) -> None:
        stack = self.live.undo_stack
        can_undo = stack is not None and stack.can_undo
        can_redo = stack is not None and stack.can_redo
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(
            self.tr("Undo {action}").format(action=stack.undo_label)
            if stack is not None and can_undo else self.tr("Undo")
        )
        self.redo_action.setText(
            self.tr("Redo {action}").format(action=stack.redo_label)
            if stack is not None and can_redo else self.tr("Redo")
        )


class InviteeLineEdit(QLineEdit):
    """A name field that finds invitees as you type (the check-in desk's search) and
    still takes any name typed.

    Signals:
        invitee_chosen(object): an invitee was picked from the list, or None when
            the text no longer is that invitee's name.
    """

    invitee_chosen = Signal(object)

    def __init__(self, storage: Storage, *, narasumber_first: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self.invitee: Invitee | None = None
        self.search_model = InviteeSearchModel(storage, self, narasumber_first=narasumber_first)
        self.completer_popup = QCompleter(self.search_model, self)
        self.completer_popup.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_popup.setCompletionRole(Qt.ItemDataRole.EditRole)
        self.completer_popup.setWidget(self)
        self.completer_popup.setMaxVisibleItems(10)
        self.completer_popup.activated[QModelIndex].connect(  # type: ignore[index]
            self._activated
        )
        self.textEdited.connect(self._search)
        self.setClearButtonEnabled(True)

    def set_event(self, event_id: int | None) -> None:
        """Search another event's invitees."""
        self.search_model.set_event(event_id)

    def _search(self, text: str) -> None:
        if self.invitee is not None and text != rd.invitee_display_name(self.invitee):
            self.invitee = None
            self.invitee_chosen.emit(None)
        self.search_model.set_query(text)
        if self.search_model.rowCount() and text.strip():
            self.completer_popup.complete()
        else:
            _hide(self.completer_popup.popup())

    def _activated(self, index: QModelIndex) -> None:
        invitee_id = index.data(Qt.ItemDataRole.UserRole)
        invitee = None if invitee_id is None else self._storage.get_invitee(int(invitee_id))
        if invitee is not None:
            self.choose(invitee)

    def choose(self, invitee: Invitee | None) -> None:
        """Take an invitee (None: forget the one taken, keep the text)."""
        self.invitee = invitee
        if invitee is not None:
            self.setText(rd.invitee_display_name(invitee))
        _hide(self.completer_popup.popup())
        self.invitee_chosen.emit(invitee)

def _kind_combo(value: RundownKind = RundownKind.LAINNYA) -> QComboBox:
    combo = QComboBox()
    for kind in RundownKind:
        combo.addItem(kind_label(kind), kind.value)
    combo.setCurrentIndex(max(0, combo.findData(RundownKind(value).value)))
    return combo


# -- dialogs ---------------------------------------------------------------------------------


class RundownItemDialog(QDialog):
    """Add or edit an item: kind, title, responsible person, planned start and duration
    (the end is computed), and the recorded times for corrections."""

    def __init__(self, page: RundownPage, item: RundownItem | None = None,
                 after: RundownItem | None = None, insert_index: int | None = None) -> None:
        super().__init__(page)
        self._page = page
        self.item = item
        self._insert_index = insert_index
        self.item_id: int | None = None
        event = page.live.state.event
        assert event is not None
        self._event = event
        self.setWindowTitle(self.tr("Edit item") if item else self.tr("New item"))
        self.setMinimumWidth(560)
        start = (item.planned_start if item else None) or (
            rd.add_minutes(after.planned_start, after.planned_minutes)
            if after is not None and after.planned_start else event.start_time
        )
        self.kind_combo = _kind_combo(item.kind if item else RundownKind.LAINNYA)
        self.title_edit = QLineEdit(item.title if item else "")
        self.responsible_edit = InviteeLineEdit(page.storage)
        self.responsible_edit.set_event(event.id)
        self.responsible_edit.setText(item.responsible_text if item else "")
        self.responsible_edit.setPlaceholderText(
            self.tr("Type a name to search the invitees, or any text")
        )
        self._responsible_id = item.responsible_invitee_id if item else None
        self.responsible_edit.invitee_chosen.connect(self._responsible_chosen)
        self.responsible_edit.textEdited.connect(self._responsible_typed)
        self.start_edit = make_time_edit(start)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 24 * 60)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setValue(item.planned_minutes if item else 10)
        self.end_label = QLabel()
        tz = event.timezone
        self.actual_start_edit = OptionalTimeEdit(self.tr("not recorded"), self._local(
            item.actual_start if item else None))
        self.actual_end_edit = OptionalTimeEdit(self.tr("not recorded"), self._local(
            item.actual_end if item else None))
        self.error_label = error_label()

        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Responsible:"), self.responsible_edit)
        form.addRow(self.tr("Planned &start:"), self.start_edit)
        form.addRow(self.tr("&Duration:"), self.minutes_spin)
        form.addRow(self.tr("Planned end:"), self.end_label)
        form.addRow(self.tr("Actual start ({tz}):").format(tz=tz), self.actual_start_edit)
        form.addRow(self.tr("Actual end ({tz}):").format(tz=tz), self.actual_end_edit)
        buttons, self.ok_button = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.start_edit.timeChanged.connect(self._update_end)
        self.minutes_spin.valueChanged.connect(self._update_end)
        self._update_end()
        self.title_edit.setFocus()

    def _local(self, moment: datetime | None) -> time | None:
        if moment is None:
            return None
        local = moment.astimezone(TimeZone.parse(self._event.timezone).tzinfo)
        return time(local.hour, local.minute)

    def _responsible_chosen(self, invitee: Invitee | None) -> None:
        if invitee is None:
            return
        self._responsible_id = invitee.id
        # The rundown names the office ("Ketua KPU Kota Jambi"); the name is kept too.
        self.responsible_edit.setText(invitee.jabatan or rd.invitee_display_name(invitee))

    def _responsible_typed(self, _text: str) -> None:
        self._responsible_id = None

    def _update_end(self) -> None:
        start = self.start_edit.time()
        end = rd.add_minutes(time(start.hour(), start.minute()), self.minutes_spin.value())
        self.end_label.setText(format_time(end))

    def _moment(self, edit: OptionalTimeEdit, old: datetime | None) -> datetime | None:
        value = edit.value()
        if value is None:
            return None
        if old is not None and self._local(old) == value:
            return old  # unchanged: keep the seconds recorded
        return local_to_moment(self._event, value, old)

    def values(self) -> dict[str, Any]:
        """The item as typed."""
        start = self.start_edit.time()
        return {
            "kind": RundownKind(self.kind_combo.currentData()),
            "title": self.title_edit.text(),
            "responsible_text": self.responsible_edit.text(),
            "responsible_invitee_id": self._responsible_id,
            "planned_start": time(start.hour(), start.minute()),
            "planned_minutes": self.minutes_spin.value(),
            "actual_start": self._moment(self.actual_start_edit,
                                         self.item.actual_start if self.item else None),
            "actual_end": self._moment(self.actual_end_edit,
                                       self.item.actual_end if self.item else None),
        }

    def accept(self) -> None:
        """Save through the operations; a refusal stays in the dialog."""
        values = self.values()
        live = self._page.live
        event_id = self._event.id
        assert event_id is not None
        try:
            if self.item is None:
                new_item = RundownItem(event_id=event_id, **values)
                index = self._insert_index

                def add() -> int:
                    item_id = rd.add_rundown_item(live.storage, event_id, new_item)
                    if index is not None:
                        rd.move_rundown_item(live.storage, item_id, index)
                    return item_id

                self.item_id = live.run(self.tr("Add item"), add)
            else:
                item_id = self.item.id
                assert item_id is not None
                changes = {k: v for k, v in values.items() if getattr(self.item, k) != v}
                live.run(self.tr("Edit item"), lambda: rd.update_rundown_item(
                    live.storage, item_id, changes))
                self.item_id = item_id
        except RakorError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


class SpeakerDialog(QDialog):
    """Add or edit a speaker: an invitee (narasumber first) or any name, the instansi
    and the speaking time."""

    def __init__(self, page: RundownPage, item: RundownItem, speaker_id: int | None = None
                 ) -> None:
        super().__init__(page)
        self._page = page
        self._item = item
        self.speaker = None if speaker_id is None else rd.get_speaker(page.storage, speaker_id)
        self.speaker_id = speaker_id
        self.setWindowTitle(self.tr("Edit speaker") if self.speaker else self.tr("Add speaker"))
        self.setMinimumWidth(520)
        self.name_edit = InviteeLineEdit(page.storage, narasumber_first=True)
        self.name_edit.set_event(item.event_id)
        self.name_edit.setPlaceholderText(self.tr("Type to search the invitees (narasumber "
                                                  "first), or any name"))
        self.instansi_edit = QLineEdit()
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 24 * 60)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self._invitee_id: int | None = None
        if self.speaker is not None:
            self.name_edit.setText(self.speaker.name)
            self.instansi_edit.setText(self.speaker.instansi)
            self.minutes_spin.setValue(self.speaker.allotted_seconds // 60)
            self._invitee_id = self.speaker.invitee_id
        else:
            settings = page.live.state.settings
            allotted = rd.default_allotted_seconds(item, settings)
            if page.storage.list_speakers(item.id or 0):
                allotted = settings.speaker_minutes * 60
            self.minutes_spin.setValue(allotted // 60)
            responsible = (
                page.storage.get_invitee(item.responsible_invitee_id)
                if item.responsible_invitee_id and not page.storage.list_speakers(item.id or 0)
                else None
            )
            if responsible is not None:  # the person responsible usually speaks first
                self.name_edit.choose(responsible)
                self._chosen(responsible)
        self.name_edit.invitee_chosen.connect(self._chosen)
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Institution:"), self.instansi_edit)
        form.addRow(self.tr("Speaking &time:"), self.minutes_spin)
        buttons, self.ok_button = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Item: {title}").format(title=item.title)))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _chosen(self, invitee: Invitee | None) -> None:
        self._invitee_id = None if invitee is None else invitee.id
        if invitee is not None:
            self.instansi_edit.setText(invitee.instansi)

    def accept(self) -> None:
        """Save through the operations; a refusal stays in the dialog."""
        live = self._page.live
        values: dict[str, Any] = {
            "name": self.name_edit.text(),
            "instansi": self.instansi_edit.text(),
            "invitee_id": self._invitee_id,
            "allotted_seconds": self.minutes_spin.value() * 60,
        }
        try:
            if self.speaker_id is None:
                item_id = self._item.id
                assert item_id is not None
                speaker = live.run(self.tr("Add speaker"), lambda: rd.add_speaker(
                    live.storage, item_id, **values))
                self.speaker_id = speaker.id
            else:
                speaker_id = self.speaker_id
                live.run(self.tr("Edit speaker"), lambda: rd.update_speaker(
                    live.storage, speaker_id, values))
        except RakorError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


class MeetingSettingsDialog(QDialog):
    """The meeting's settings: askers per termin, warning seconds, speaking time, sound."""

    def __init__(self, live: LiveMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._live = live
        current = live.state.settings
        self.setWindowTitle(self.tr("Meeting settings"))
        self.cap_spin = QSpinBox()
        self.cap_spin.setRange(1, 50)
        self.cap_spin.setValue(current.termin_max_askers)
        self.warning_spin = QSpinBox()
        self.warning_spin.setRange(0, 900)
        self.warning_spin.setSuffix(self.tr(" s"))
        self.warning_spin.setValue(current.warning_seconds)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(1, 240)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setValue(current.speaker_minutes)
        self.sound_check = QCheckBox(self.tr("Beep when the warning starts and when time is up"))
        self.sound_check.setChecked(current.sound)
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Askers per &termin:"), self.cap_spin)
        form.addRow(self.tr("&Warning in the last:"), self.warning_spin)
        form.addRow(self.tr("Default speaking &time:"), self.minutes_spin)
        form.addRow("", self.sound_check)
        buttons, _ok = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr(
            "Presentations, speeches and reports give their first speaker the item's duration."
        )))
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Save the settings of the open event."""
        live = self._live
        event_id = live.event_id
        if event_id is None:
            return
        settings = rd.MeetingSettings(
            termin_max_askers=self.cap_spin.value(),
            warning_seconds=self.warning_spin.value(),
            speaker_minutes=self.minutes_spin.value(),
            sound=self.sound_check.isChecked(),
        )
        try:
            live.run(self.tr("Meeting settings"), lambda: rd.save_meeting_settings(
                live.storage, event_id, settings))
        except RakorError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


# -- the page --------------------------------------------------------------------------------


class RundownPage(LivePage):
    """Plan the rundown, run it live with the keys, give the floor to speakers, time
    them, and keep the notes of each item.

    Signals:
        projector_requested: the user asked for the projector window.
    """

    projector_requested = Signal()

    def __init__(self, storage: Storage, settings: Settings | None = None, *,
                 live: LiveMeeting | None = None, parent: QWidget | None = None) -> None:
        super().__init__(storage, settings, live, parent)
        self._notes_item_id: int | None = None
        self._selected_item_id: int | None = None
        self._delay_colour = ""
        self._can_start: bool | None = None
        self._can_finish: bool | None = None
        self._rehearsal_told: set[int | None] = set()  # events warned of another day

        # -- the status strip, always visible
        self.now_label = QLabel()
        self.now_label.setWordWrap(True)
        self.delay_label = QLabel()
        self.end_label = QLabel()
        self.clock_label = QLabel()
        for label in (self.delay_label, self.end_label, self.clock_label):
            font = label.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            label.setFont(font)
        self.start_next_button = QPushButton(self.tr("Start next item (F5)"))
        self.finish_button = QPushButton(self.tr("Finish item (F6)"))
        self.projector_button = QPushButton(self.tr("Projector…"))
        self.settings_button = QPushButton(self.tr("Settings…"))
        strip = QHBoxLayout()
        strip.addWidget(self.now_label, 1)
        strip.addWidget(self.delay_label)
        strip.addSpacing(12)
        strip.addWidget(self.end_label)
        strip.addSpacing(12)
        strip.addWidget(self.clock_label)
        strip_buttons = QHBoxLayout()
        for button in (self.start_next_button, self.finish_button):
            strip_buttons.addWidget(button)
        strip_buttons.addStretch(1)
        strip_buttons.addWidget(self.projector_button)
        strip_buttons.addWidget(self.settings_button)

        # -- the rundown
        self.model = RundownModel(self)
        self.table = make_table(self.model, stretch=4)
        # The title stretches; when it gets too narrow the kind, the minutes and the one
        # responsible give way (in that order, shown in the title's tooltip); the times
        # and the status always show.
        self.columns = TableColumns(
            self.table, 4, min_stretch=220, caps={3: 120, 5: 180}, drop_order=(3, 2, 5),
            samples={6: ("00.00–00.00",), 7: (
                QCoreApplication.translate("RecordModels", "now"),
                QCoreApplication.translate("RecordModels", "done"))})
        self.template_button = QPushButton(self.tr("Use the typical rundown"))
        self.template_label = QLabel(self.tr(
            "The rundown is empty. Start from the typical rakor (registration, opening, "
            "Indonesia Raya, prayer, report, speech, one presentation per narasumber, "
            "discussion, conclusions, closing) and adjust it."
        ))
        self.template_label.setWordWrap(True)
        self.template_box = QWidget()
        template_layout = QHBoxLayout(self.template_box)
        template_layout.setContentsMargins(0, 0, 0, 0)
        template_layout.addWidget(self.template_label, 1)
        template_layout.addWidget(self.template_button)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.retime_button = QPushButton(self.tr("Re-time"))
        self.retime_button.setToolTip(self.tr(
            "Plan every item right after the one before it, from the first item's start"))
        item_buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.up_button,
                       self.down_button, self.retime_button):
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.template_box)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(item_buttons)

        # -- speakers and the timer
        self.timer_widget = TimerWidget(self.live)
        self.speakers_title = QLabel()
        self.speaker_model = SpeakerModel(self)
        self.speaker_table = make_table(self.speaker_model, stretch=1)
        self.speaker_columns = TableColumns(self.speaker_table, 1, min_stretch=120,
                                            caps={2: 140}, drop_order=(2,))
        self.add_speaker_button = QPushButton(self.tr("Add speaker…"))
        self.next_speaker_button = QPushButton(self.tr("Next speaker (F7)"))
        self.pause_button = QPushButton(self.tr("Pause/resume (F8)"))
        self.minute_button = QPushButton(self.tr("+1 min (F9)"))
        self.finish_speaker_button = QPushButton(self.tr("Finish speaker"))
        self.speaker_up_button = QPushButton(self.tr("Up"))
        self.speaker_down_button = QPushButton(self.tr("Down"))
        self.speaker_delete_button = QPushButton(self.tr("Delete"))
        live_buttons = QGridLayout()  # two rows: the panel stays narrow on a laptop
        for number, button in enumerate((self.next_speaker_button, self.pause_button,
                                         self.minute_button, self.finish_speaker_button)):
            live_buttons.addWidget(button, number // 2, number % 2)
        list_buttons = QHBoxLayout()
        for button in (self.add_speaker_button, self.speaker_up_button, self.speaker_down_button,
                       self.speaker_delete_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        speakers_tab = QWidget()
        speakers_layout = QVBoxLayout(speakers_tab)
        speakers_layout.addWidget(self.timer_widget)
        speakers_layout.addLayout(live_buttons)
        speakers_layout.addWidget(self.speakers_title)
        speakers_layout.addWidget(self.speaker_table, 1)
        speakers_layout.addLayout(list_buttons)

        # -- notes
        self.notes_title = QLabel()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr(
            "Key points of this item for the minutes (who said what, figures, agreements)…"))
        self.notes_status = QLabel()
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_SAVE_MS)
        self._notes_timer.timeout.connect(self.save_notes)
        notes_tab = QWidget()
        notes_layout = QVBoxLayout(notes_tab)
        notes_layout.addWidget(self.notes_title)
        notes_layout.addWidget(self.notes_edit, 1)
        notes_layout.addWidget(self.notes_status)

        # -- statistics
        self.speaker_totals_model = SpeakerTotalsModel(self)
        self.instansi_totals_model = InstansiTotalsModel(self)
        self.speaker_totals_table = make_table(self.speaker_totals_model, stretch=0)
        self.instansi_totals_table = make_table(self.instansi_totals_model, stretch=0)
        # The names stretch; the counts and the times are always shown in full.
        self.statistics_columns = (
            TableColumns(self.speaker_totals_table, 0, min_stretch=110, caps={1: 140},
                         drop_order=(1,)),
            TableColumns(self.instansi_totals_table, 0, min_stretch=110),
        )
        stats_tab = QWidget()
        stats_layout = QVBoxLayout(stats_tab)
        stats_layout.addWidget(QLabel(self.tr("Per speaker")))
        stats_layout.addWidget(self.speaker_totals_table, 1)
        stats_layout.addWidget(QLabel(self.tr("Per institution")))
        stats_layout.addWidget(self.instansi_totals_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(speakers_tab, self.tr("Speakers && timer"))
        self.tabs.addTab(notes_tab, self.tr("Notes"))
        self.tabs.addTab(stats_tab, self.tr("Statistics"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 380])  # the rundown's titles need the room
        remember_splitter(splitter, "rundown")
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(strip)
        layout.addLayout(strip_buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

        self._build_actions()
        self._connect()
        self.set_event(self.live.event_id)

    # -- wiring ------------------------------------------------------------------------

    def _build_actions(self) -> None:
        act = self.page_action
        self.start_next_action = act(self.tr("Start next item"), self.start_next_item, "F5")
        self.finish_action = act(self.tr("Finish item"), self.finish_item, "F6")
        self.next_speaker_action = act(self.tr("Next speaker"), self.next_speaker, "F7")
        self.finish_speaker_action = act(self.tr("Finish speaker"), self.finish_speaker,
                                         "Shift+F7")
        self.pause_action = act(self.tr("Pause/resume speaker"), self.toggle_pause, "F8")
        self.minute_action = act(self.tr("One more minute"), self.add_minute, "F9")
        table = self.table
        self.add_action = act(self.tr("Add item"), self.add_item, "Insert", table)
        self.edit_action = act(self.tr("Edit item"), self.edit_item, "F2", table)
        self.delete_action = act(self.tr("Delete item"), self.delete_item, "Delete", table)
        self.up_action = act(self.tr("Move item up"), lambda: self.move_item(-1), "Ctrl+Up",
                             table)
        self.down_action = act(self.tr("Move item down"), lambda: self.move_item(1),
                               "Ctrl+Down", table)
        speakers = self.speaker_table
        act(self.tr("Add speaker"), self.add_speaker, "Insert", speakers)
        act(self.tr("Edit speaker"), self.edit_speaker, "F2", speakers)
        act(self.tr("Delete speaker"), self.delete_speaker, "Delete", speakers)
        act(self.tr("Move speaker up"), lambda: self.move_speaker(-1), "Ctrl+Up", speakers)
        act(self.tr("Move speaker down"), lambda: self.move_speaker(1), "Ctrl+Down", speakers)

    def _connect(self) -> None:
        self.live.changed.connect(self.refresh)
        self.live.tick.connect(self._update_status)
        self.start_next_button.clicked.connect(self.start_next_item)
        self.finish_button.clicked.connect(self.finish_item)
        self.projector_button.clicked.connect(self.projector_requested)
        self.projector_button.clicked.connect(self.open_projector)
        self.settings_button.clicked.connect(self.edit_settings)
        self.template_button.clicked.connect(self.apply_template)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.delete_button.clicked.connect(self.delete_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.retime_button.clicked.connect(self.retime)
        self.table.activated.connect(lambda _index: self.edit_item())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.move_requested.connect(self._move_item_to)
        self.add_speaker_button.clicked.connect(self.add_speaker)
        self.next_speaker_button.clicked.connect(self.next_speaker)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.minute_button.clicked.connect(self.add_minute)
        self.finish_speaker_button.clicked.connect(self.finish_speaker)
        self.speaker_up_button.clicked.connect(lambda: self.move_speaker(-1))
        self.speaker_down_button.clicked.connect(lambda: self.move_speaker(1))
        self.speaker_delete_button.clicked.connect(self.delete_speaker)
        self.speaker_table.activated.connect(lambda _index: self.edit_speaker())
        self.speaker_model.move_requested.connect(self._move_speaker_to)
        self.notes_edit.textChanged.connect(self._notes_typed)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_statistics())

    # -- the event -----------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the rundown of another event (None: nothing)."""
        self.save_notes()
        self._selected_item_id = None
        self.setEnabled(event_id is not None)
        self.live.set_event(event_id)
        self.refresh()

    def refresh(self) -> None:
        """Show the record as it is now (after any change)."""
        state = self.live.state
        self.model.timezone = self.live.timezone
        keep = self._selected_item_id
        blocker = QSignalBlocker(self.table.selectionModel())
        self.model.set_rows(state.items)
        select_row(self.table, self.model.row_of_id(keep))
        del blocker
        self.template_box.setVisible(state.event is not None and not state.items)
        self._show_item(self.current_item())
        self._update_status()
        self._refresh_statistics()

    def _selection_changed(self) -> None:
        item = self.selected_item()
        self._selected_item_id = None if item is None else item.id
        self._show_item(self.current_item())

    def selected_item(self) -> RundownItem | None:
        """The item selected in the table."""
        obj: RundownItem | None = self.model.row_object(selected_row(self.table))
        return obj

    def current_item(self) -> RundownItem | None:
        """The item the side panel is about: the selected one, else the one going on."""
        return self.selected_item() or self.live.state.running

    def _show_item(self, item: RundownItem | None) -> None:
        if item is None or item.id is None:
            self.speakers_title.setText(self.tr("Select an item to see its speakers."))
            self.speaker_model.set_rows([])
        else:
            self.speakers_title.setText(self.tr("Speakers of: {title}").format(title=item.title))
            keep = self._selected_speaker_id()
            self.speaker_model.set_rows(self.storage.list_speakers(item.id))
            select_row(self.speaker_table, self.speaker_model.row_of_id(keep))
        self._load_notes(item)
        # What needs an item is offered only when there is one (a click did nothing).
        self.edit_button.setEnabled(self.selected_item() is not None)
        self.add_speaker_button.setEnabled(item is not None and item.id is not None)

    def _update_status(self) -> None:
        """The status strip: what is going on, how late, the projected end, the clock."""
        status = self.live.schedule()
        state = self.live.state
        tz = self.live.timezone
        set_text(self.clock_label, f"{self.live.clock_text()} {tz}")
        if status is None:
            for label in (self.now_label, self.delay_label, self.end_label):
                set_text(label, "")
            return
        if status.running is not None and status.running.actual_start is not None:
            now = self.tr("Now: {title} (since {time})").format(
                title=status.running.title, time=format_clock(status.running.actual_start, tz))
        elif status.finished:
            now = self.tr("The rundown is finished.")
        elif status.next_item is not None:
            now = self.tr("Next: {title}").format(title=status.next_item.title)
        else:
            now = self.tr("The rundown is empty.")
        set_text(self.now_label, now)
        set_text(self.delay_label, delay_text(status))
        minutes = status.delay_minutes
        colour = "#b00020" if minutes >= 5 else "#e65100" if minutes > 0 else "#2e7d32"
        if self._delay_colour != colour:
            self._delay_colour = colour
            self.delay_label.setStyleSheet(f"color: {colour};")
        if status.projected_end is not None:
            key = (self.tr("Ended at {time} {tz}") if status.finished
                   else self.tr("Projected end {time} {tz}"))
            set_text(self.end_label, key.format(time=format_clock(status.projected_end, tz),
                                                tz=tz))
        else:
            set_text(self.end_label, "")
        can_start = bool(state.items) and status.next_item is not None
        if self._can_start != can_start:
            self._can_start = can_start
            self.start_next_button.setEnabled(can_start)
        can_finish = state.running is not None
        if self._can_finish != can_finish:
            self._can_finish = can_finish
            self.finish_button.setEnabled(can_finish)

    # -- rundown actions -------------------------------------------------------------------

    def apply_template(self) -> None:
        """Fill the empty rundown with the typical rakor (one presentation per narasumber)."""
        event_id = self.event_id
        if event_id is None:
            return
        presenters = []
        for invitee in rd.narasumber_invitees(self.storage, event_id):
            label = invitee.instansi or rd.invitee_display_name(invitee)
            if label not in presenters:
                presenters.append(label)
        self.act(self.tr("Typical rundown"), lambda: rd.apply_typical_rundown(
            self.storage, event_id, presenters=presenters))

    def start_next_item(self) -> None:
        """F5: start the next item (the one going on finishes)."""
        event_id = self.event_id
        if event_id is None or not self._rehearsal_confirmed():
            return
        item = self.act(self.tr("Start next item"), lambda: rd.start_next_item(
            self.storage, event_id, clock=self.live.clock))
        if item is not None:
            self._select_item(item.id)

    def _rehearsal_confirmed(self) -> bool:
        """Before the rundown runs on another day than the event's (a rehearsal, the demo):
        say so once per event, and what happens to the times. False: not started."""
        event = self.live.state.event
        now = self.live.clock()
        if event is None or event.id in self._rehearsal_told or not rd.is_other_day(event, now):
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not the day of the event"),
                          self.tr("Today is {today}, but the event is on {date}.").format(
                              today=format_date(rd.local_moment(event, now).date()),
                              date=format_date_span(event.date, event.end_date)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr(
            "Run the rundown as a rehearsal? The times are recorded as usual and appear in "
            "the minutes; how late it runs is not shown. Afterwards, Ctrl+Z takes each step "
            "back, and Edit… corrects the times of an item. If the meeting really is today, "
            "change its date on the Event page."))
        start = box.addButton(self.tr("Start (rehearsal)"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(start)
        box.exec()
        if box.clickedButton() is not start:
            return False
        self._rehearsal_told.add(event.id)
        return True

    def finish_item(self) -> None:
        """F6: finish the item going on."""
        event_id = self.event_id
        if event_id is not None:
            self.act(self.tr("Finish item"), lambda: rd.finish_running_item(
                self.storage, event_id, clock=self.live.clock))

    def _select_item(self, item_id: int | None) -> None:
        self._selected_item_id = item_id
        select_row(self.table, self.model.row_of_id(item_id))

    def add_item(self) -> None:
        """Insert: a new item after the selected one (or at the end)."""
        if self.live.state.event is None:
            return
        selected = self.selected_item()
        items = self.live.state.items
        after = selected or (items[-1] if items else None)
        index = None if selected is None else self.model.row_of_id(selected.id) + 1
        dialog = RundownItemDialog(self, None, after, index)
        if dialog.exec() and dialog.item_id is not None:
            self._select_item(dialog.item_id)

    def edit_item(self) -> None:
        """F2/Enter: edit the selected item."""
        item = self.selected_item()
        if item is not None:
            RundownItemDialog(self, item).exec()

    def delete_item(self) -> None:
        """Delete: remove the selected item with its speakers (Ctrl+Z brings it back)."""
        item = self.selected_item()
        if item is None or item.id is None:
            return
        item_id = item.id
        row = self.model.row_of_id(item_id)
        if self.act(self.tr("Delete item"), lambda: rd.delete_rundown_item(
                self.storage, item_id)) is not None:
            self.show_message(self.tr("\"{title}\" deleted. Ctrl+Z brings it back.").format(
                title=item.title))
            select_row(self.table, min(row, self.model.rowCount() - 1))

    def move_item(self, step: int) -> None:
        """Ctrl+Up/Ctrl+Down: move the selected item."""
        self.move_selected(self.table, step, self._move_item_to)

    def _move_item_to(self, row: int, index: int) -> None:
        item = self.model.row_object(row)
        if item is None or not 0 <= index < self.model.rowCount():
            return
        item_id = item.id
        self.act(self.tr("Move item"), lambda: rd.move_rundown_item(
            self.storage, item_id, index))
        self._select_item(item_id)

    def retime(self) -> None:
        """Plan the items one after the other from the first item's start."""
        event_id = self.event_id
        if event_id is not None:
            self.act(self.tr("Re-time rundown"), lambda: rd.retime_rundown(
                self.storage, event_id))

    def edit_settings(self) -> None:
        """The meeting's settings (termin cap, warning, speaking time, sound)."""
        if self.event_id is not None:
            MeetingSettingsDialog(self.live, self).exec()

    def open_projector(self) -> None:
        """Show the projector window on the chosen screen."""
        from .projector import show_projector

        show_projector(self.storage, self.live, self.settings)

    # -- speakers ----------------------------------------------------------------------------

    def _selected_speaker_id(self) -> int | None:
        speaker = self.speaker_model.row_object(selected_row(self.speaker_table))
        return None if speaker is None else speaker.id

    def _speaker_item(self) -> RundownItem | None:
        """The item whose speakers are shown."""
        return self.current_item()

    def add_speaker(self) -> None:
        """Add a speaker to the item shown."""
        item = self._speaker_item()
        if item is None:
            self.show_message(self.tr("Select an item first."), error=True)
            return
        dialog = SpeakerDialog(self, item)
        if dialog.exec():
            select_row(self.speaker_table, self.speaker_model.row_of_id(dialog.speaker_id))

    def edit_speaker(self) -> None:
        """Edit the selected speaker."""
        item = self._speaker_item()
        speaker_id = self._selected_speaker_id()
        if item is not None and speaker_id is not None:
            SpeakerDialog(self, item, speaker_id).exec()

    def delete_speaker(self) -> None:
        """Remove the selected speaker (Ctrl+Z brings them back)."""
        speaker_id = self._selected_speaker_id()
        if speaker_id is not None:
            self.act(self.tr("Delete speaker"), lambda: rd.delete_speaker(
                self.storage, speaker_id))

    def move_speaker(self, step: int) -> None:
        """Move the selected speaker up or down."""
        self.move_selected(self.speaker_table, step, self._move_speaker_to)

    def _move_speaker_to(self, row: int, index: int) -> None:
        self.move_row(self.speaker_table, self.speaker_model, row, index,
                      self.tr("Move speaker"),
                      lambda speaker_id, to: rd.move_speaker(self.storage, speaker_id, to))

    def _live_item_id(self) -> int | None:
        """The item F7 works on: the one going on, else the one shown."""
        state = self.live.state
        if state.live is not None:
            return state.live.speaker.rundown_item_id
        item = state.running or self.current_item()
        return None if item is None else item.id

    def next_speaker(self) -> None:
        """F7: the current speaker finishes, the next waiting one speaks."""
        item_id = self._live_item_id()
        if item_id is None:
            self.show_message(self.tr("Select an item first."), error=True)
            return
        self.act(self.tr("Next speaker"), lambda: rd.next_speaker(
            self.storage, item_id, clock=self.live.clock))

    def _floor_speaker_id(self) -> int | None:
        live = self.live.state.live
        if live is not None:
            return live.speaker.id
        self.show_message(self.tr("Nobody is speaking."), error=True)
        return None

    def toggle_pause(self) -> None:
        """F8: pause the speaker, or resume."""
        speaker_id = self._floor_speaker_id()
        if speaker_id is not None:
            self.act(self.tr("Pause/resume speaker"), lambda: rd.toggle_pause_speaker(
                self.storage, speaker_id, clock=self.live.clock))

    def add_minute(self) -> None:
        """F9: one more minute for the speaker."""
        speaker_id = self._floor_speaker_id()
        if speaker_id is not None:
            self.act(self.tr("One more minute"), lambda: rd.add_speaker_time(
                self.storage, speaker_id, 60))

    def finish_speaker(self) -> None:
        """Shift+F7: the speaker finishes (nobody else is given the floor)."""
        live = self.live.state.live
        speaker_id = live.speaker.id if live else self._selected_speaker_id()
        if speaker_id is None:
            self.show_message(self.tr("Nobody is speaking."), error=True)
            return
        self.act(self.tr("Finish speaker"), lambda: rd.finish_speaker(
            self.storage, speaker_id, clock=self.live.clock))

    # -- notes ---------------------------------------------------------------------------------

    def _load_notes(self, item: RundownItem | None) -> None:
        item_id = None if item is None else item.id
        if item_id == self._notes_item_id:
            return
        self.save_notes()
        self._notes_item_id = item_id
        stored = None if item_id is None else self.storage.get_rundown_item(item_id)
        blocker = QSignalBlocker(self.notes_edit)
        self.notes_edit.setPlainText("" if stored is None else stored.notes)
        self.notes_edit.document().setModified(False)
        del blocker
        self.notes_edit.setEnabled(stored is not None)
        self.notes_title.setText(
            self.tr("Notes of: {title}").format(title=stored.title) if stored
            else self.tr("Select an item to take its notes.")
        )
        self.notes_status.clear()

    def _notes_typed(self) -> None:
        self.notes_status.setText(self.tr("Not saved yet…"))
        self._notes_timer.start()

    def save_notes(self) -> None:
        """Save the notes typed (also done by itself shortly after typing stops)."""
        self._notes_timer.stop()
        item_id = self._notes_item_id
        if item_id is None or not self.notes_edit.document().isModified():
            return
        try:
            rd.set_item_notes(self.storage, item_id, self.notes_edit.toPlainText())
        except RakorError as exc:
            self.notes_status.setText(str(exc))
            return
        self.notes_edit.document().setModified(False)
        self.notes_status.setText(self.tr("Saved."))

    def save_now(self) -> None:
        """Save what is typed (the notes), e.g. before the app closes."""
        self.save_notes()

    def hideEvent(self, event: Any) -> None:
        """Nothing typed is lost when the page is left."""
        self.save_notes()
        super().hideEvent(event)

    # -- statistics -------------------------------------------------------------------------

    def _refresh_statistics(self) -> None:
        if self.tabs.currentIndex() != 2 or self.event_id is None:
            return
        stats = rd.speaker_statistics(self.storage, self.event_id, clock=self.live.clock)
        self.speaker_totals_model.set_rows(stats.per_speaker)
        self.instansi_totals_model.set_rows(stats.per_instansi)


def _hide(popup: QWidget | None) -> None:
    """Hide a completer's popup (Qt types it as optional; it exists once set up)."""
    if popup is not None:
        popup.hide()
