"""The "Acara" area: every detail of the event, saved as you type."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.formatting import format_name
from rakor_desktop.messages import RakorError
from rakor_desktop.models import Event, OfficialRole
from rakor_desktop.operations import events as event_ops
from rakor_desktop.storage import Storage

from ..widgets import (
    OptionalTimeEdit,
    from_qdate,
    make_date_edit,
    make_time_edit,
    make_timezone_combo,
    to_qdate,
)

log = logging.getLogger("rakor.ui.event")

AUTOSAVE_DELAY_MS = 600


class OptionalDateEdit(QWidget):
    """A date that may be absent: a check box enables the date field."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled_box = QCheckBox(label)
        self.date_edit = make_date_edit()
        self.date_edit.setEnabled(False)
        self.enabled_box.toggled.connect(self.date_edit.setEnabled)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)

    def set_value(self, value: date | None) -> None:
        """Show a date, or none."""
        self.enabled_box.setChecked(value is not None)
        if value is not None:
            self.date_edit.setDate(to_qdate(value))

    def value(self) -> date | None:
        """The date, or None when switched off."""
        return from_qdate(self.date_edit.date()) if self.enabled_box.isChecked() else None


class OptionalTimeField(QWidget):
    """A time that may be absent (Waktu Panggilan)."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled_box = QCheckBox(label)
        self.time_edit = make_time_edit(time(8, 30))
        self.time_edit.setEnabled(False)
        self.enabled_box.toggled.connect(self.time_edit.setEnabled)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.time_edit)
        layout.addStretch(1)

    def set_value(self, value: time | None) -> None:
        """Show a time, or none."""
        self.enabled_box.setChecked(value is not None)
        if value is not None:
            self.time_edit.setTime(make_time_edit(value).time())

    def value(self) -> time | None:
        """The time, or None when switched off."""
        if not self.enabled_box.isChecked():
            return None
        qt = self.time_edit.time()
        return time(qt.hour(), qt.minute())


class EventDetailsPage(QWidget):
    """The event's header data, officials and description; saves as you go.

    Signals:
        saved(int): the event was saved (its id).
    """

    saved = Signal(int)

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id: int | None = None
        self._loading = False
        self._dirty: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._build()

    # -- building ------------------------------------------------------------------

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.date_edit = make_date_edit()
        self.end_date_edit = OptionalDateEdit(self.tr("several days, until"))
        self.start_edit = make_time_edit()
        self.end_edit = OptionalTimeEdit(self.tr("until finished (s.d. selesai)"))
        self.timezone_combo = make_timezone_combo()
        self.call_time_edit = OptionalTimeField(self.tr("call time (Waktu Panggilan)"))
        self.venue_edit = QLineEdit()
        self.government_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.address_edit = QPlainTextEdit()
        self.address_edit.setPlaceholderText(
            self.tr("Address, telephone, e-mail, website (one line each)")
        )
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(80)
        self.invitation_number_edit = QLineEdit()
        self.invitation_number_edit.setPlaceholderText(self.tr("e.g. 005/123/Kesbangpol/2023"))
        self.invitation_date_edit = OptionalDateEdit(self.tr("dated"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(90)

        # Field name in Event -> (getter, setter, change signal)
        self._fields: dict[str, tuple[Callable[[], Any], Callable[[Any], None], Any]] = {
            "title": (
                lambda: self.title_edit.text().strip(),
                self.title_edit.setText,
                self.title_edit.textEdited,
            ),
            "date": (
                lambda: from_qdate(self.date_edit.date()),
                lambda v: self.date_edit.setDate(to_qdate(v)),
                self.date_edit.dateChanged,
            ),
            "end_date": (
                self.end_date_edit.value,
                self.end_date_edit.set_value,
                (self.end_date_edit.enabled_box.toggled, self.end_date_edit.date_edit.dateChanged),
            ),
            "start_time": (
                lambda: time(self.start_edit.time().hour(), self.start_edit.time().minute()),
                lambda v: self.start_edit.setTime(make_time_edit(v).time()),
                self.start_edit.timeChanged,
            ),
            "end_time": (self.end_edit.value, self.end_edit.set_value, self.end_edit.changed),
            "timezone": (
                self.timezone_combo.currentText,
                self.timezone_combo.setCurrentText,
                self.timezone_combo.currentTextChanged,
            ),
            "call_time": (
                self.call_time_edit.value,
                self.call_time_edit.set_value,
                (
                    self.call_time_edit.enabled_box.toggled,
                    self.call_time_edit.time_edit.timeChanged,
                ),
            ),
            "venue": self._line(self.venue_edit),
            "organizer_government": self._line(self.government_edit),
            "organizer_unit": self._line(self.unit_edit),
            "organizer_address": (
                lambda: self.address_edit.toPlainText().strip(),
                self.address_edit.setPlainText,
                self.address_edit.textChanged,
            ),
            "invitation_number": self._line(self.invitation_number_edit),
            "invitation_date": (
                self.invitation_date_edit.value,
                self.invitation_date_edit.set_value,
                (
                    self.invitation_date_edit.enabled_box.toggled,
                    self.invitation_date_edit.date_edit.dateChanged,
                ),
            ),
            "description": (
                lambda: self.description_edit.toPlainText().strip(),
                self.description_edit.setPlainText,
                self.description_edit.textChanged,
            ),
        }
        for name, (_get, _set, signals) in self._fields.items():
            for signal in signals if isinstance(signals, tuple) else (signals,):
                signal.connect(lambda *_args, field=name: self._changed(field))

        self.official_edits: dict[OfficialRole, QLineEdit] = {}
        self._completer_model = QStringListModel(self)
        for role in OfficialRole:
            edit = QLineEdit()
            edit.setPlaceholderText(
                self.tr("Name with titles, e.g. Dr. H. Sri Purwaningsih, M.Si.")
            )
            completer = QCompleter(self._completer_model, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
            edit.textEdited.connect(self._suggest_people)
            edit.editingFinished.connect(lambda r=role: self._save_official(r))
            self.official_edits[role] = edit

        when = QGroupBox(self.tr("Event"))
        form = QFormLayout(when)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow("", self.end_date_edit)
        form.addRow(self.tr("&Start:"), self.start_edit)
        form.addRow(self.tr("&End:"), self.end_edit)
        form.addRow(self.tr("Time &zone:"), self.timezone_combo)
        form.addRow("", self.call_time_edit)
        form.addRow(self.tr("&Venue:"), self.venue_edit)
        form.addRow(self.tr("Invitation letter no.:"), self.invitation_number_edit)
        form.addRow("", self.invitation_date_edit)
        form.addRow(self.tr("Description:"), self.description_edit)

        organiser = QGroupBox(self.tr("Organiser (letterhead)"))
        form = QFormLayout(organiser)
        form.addRow(self.tr("&Government:"), self.government_edit)
        form.addRow(self.tr("&Organising unit:"), self.unit_edit)
        form.addRow(self.tr("Address:"), self.address_edit)

        officials = QGroupBox(self.tr("Officials"))
        form = QFormLayout(officials)
        labels = {
            OfficialRole.KETUA: self.tr("Chair (Ketua):"),
            OfficialRole.SEKRETARIS: self.tr("Secretary:"),
            OfficialRole.PENCATAT: self.tr("Notetaker (Pencatat):"),
            OfficialRole.MODERATOR: self.tr("Moderator:"),
        }
        for role, edit in self.official_edits.items():
            form.addRow(labels[role], edit)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(when)
        column.addWidget(organiser)
        column.addWidget(officials)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.status_label)

    @staticmethod
    def _line(edit: QLineEdit) -> tuple[Callable[[], Any], Callable[[Any], None], Any]:
        return (lambda: edit.text().strip(), edit.setText, edit.textEdited)

    # -- loading and saving ----------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show another event (saving what is pending for the current one first)."""
        self.save_now()
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        self.status_label.clear()
        if event_id is None:
            return
        event = event_ops.get_event(self._storage, event_id)
        self._loading = True
        try:
            for name, (_get, setter, _signal) in self._fields.items():
                value = getattr(event, name)
                if value is not None or name in {"end_time", "end_date", "call_time",
                                                 "invitation_date"}:
                    setter(value)
            officials = self._storage.get_officials(event_id)
            for role, edit in self.official_edits.items():
                person_id = officials.get(role)
                person = self._storage.get_person(person_id) if person_id else None
                edit.setText(
                    format_name(person.name, person.front_titles, person.back_titles)
                    if person else ""
                )
        finally:
            self._loading = False
        self._dirty.clear()

    def _changed(self, field: str) -> None:
        if self._loading or self._event_id is None:
            return
        self._dirty.add(field)
        self._timer.start()

    def save_now(self) -> bool:
        """Save pending changes at once; False when they were refused (message shown)."""
        self._timer.stop()
        if self._event_id is None or not self._dirty:
            return True
        changes: dict[str, Any] = {name: self._fields[name][0]() for name in self._dirty}
        try:
            event: Event = event_ops.update_event(self._storage, self._event_id, changes)
        except RakorError as exc:
            self.status_label.setStyleSheet("color: #b00020;")
            self.status_label.setText(str(exc))
            return False
        self._dirty.clear()
        self.status_label.setStyleSheet("color: #2e7d32;")
        self.status_label.setText(
            self.tr("Saved at {time}.").format(time=datetime.now().strftime("%H.%M.%S"))
        )
        log.debug("event %s saved: %s", event.id, sorted(changes))
        self.saved.emit(self._event_id)
        return True

    def has_pending_changes(self) -> bool:
        """Whether something typed is not saved yet."""
        return bool(self._dirty)

    def _suggest_people(self, typed: str) -> None:
        people = self._storage.search_persons(typed, limit=12) if len(typed.strip()) >= 2 else []
        self._completer_model.setStringList(
            [format_name(p.name, p.front_titles, p.back_titles) for p in people]
        )

    def _save_official(self, role: OfficialRole) -> None:
        if self._event_id is None or self._loading:
            return
        typed = self.official_edits[role].text()
        try:
            event_ops.name_official_by_text(self._storage, self._event_id, role, typed)
        except RakorError as exc:
            self.status_label.setStyleSheet("color: #b00020;")
            self.status_label.setText(str(exc))
            return
        self.saved.emit(self._event_id)

    def hideEvent(self, event: Any) -> None:
        """Nothing typed is lost when the user moves to another area."""
        self.save_now()
        super().hideEvent(event)
