"""Small reusable widgets and helpers for forms."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QWidget,
)

TIMEZONES = ("WIB", "WITA", "WIT")
ERROR_STYLE = "color: #b00020;"  # messages that say why something cannot be saved


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as typed: Qt reads a tooltip that looks like
    markup as HTML (a name or question sent from a phone, ``<img src=x …>``), so such
    a text is escaped into a paragraph that shows it literally."""
    from html import escape

    from PySide6.QtGui import Qt as QtGui

    if not text or not QtGui.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def error_label() -> QLabel:
    """The red, wrapping line of a form that says why it cannot be saved."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def ok_cancel_buttons(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel wired to the dialog's accept/reject; returns the box and OK."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, buttons.button(QDialogButtonBox.StandardButton.Ok)


def to_qdate(value: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    """A QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


def make_date_edit(value: date | None = None) -> QDateEdit:
    """A date field with a calendar: "14/12/2023 (Kamis)" in Indonesian.

    Day, month and year come first so that the date can be typed (14122023); the
    day of the week follows on its own. A weekday first (the old "Kamis, 14 Desember
    2023") took the typed digits into the weekday and nothing changed.
    """
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy (dddd)")
    edit.setDate(to_qdate(value or date.today()))
    return edit


def make_time_edit(value: time | None = None) -> QTimeEdit:
    """A time field in the Indonesian style (09.00)."""
    edit = QTimeEdit()
    edit.setDisplayFormat("HH.mm")
    edit.setTime(QTime(value.hour, value.minute) if value else QTime(9, 0))
    return edit


def make_timezone_combo(value: str = "WIB") -> QComboBox:
    """WIB, WITA or WIT."""
    combo = QComboBox()
    combo.addItems(TIMEZONES)
    combo.setCurrentText(value if value in TIMEZONES else "WIB")
    return combo


class OptionalTimeEdit(QWidget):
    """A time that may be open ("selesai"): a check box enables the time field.

    Signals:
        changed: the value changed (time or open end).
    """

    changed = Signal()

    def __init__(self, label: str, value: time | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.open_end = QCheckBox(label)
        self.time_edit = make_time_edit(value or time(12, 0))
        layout.addWidget(self.time_edit)
        layout.addWidget(self.open_end)
        layout.addStretch(1)
        self.set_value(value)
        self.open_end.toggled.connect(self._on_toggled)
        self.time_edit.timeChanged.connect(lambda _t: self.changed.emit())

    def _on_toggled(self, checked: bool) -> None:
        self.time_edit.setEnabled(not checked)
        self.changed.emit()

    def set_value(self, value: time | None) -> None:
        """Show a time, or the open end when None."""
        blocked = self.blockSignals(True)
        self.open_end.setChecked(value is None)
        self.time_edit.setEnabled(value is not None)
        if value is not None:
            self.time_edit.setTime(QTime(value.hour, value.minute))
        self.blockSignals(blocked)

    def value(self) -> time | None:
        """The time, or None for "s.d. selesai"."""
        if self.open_end.isChecked():
            return None
        qt = self.time_edit.time()
        return time(qt.hour(), qt.minute())


def enable_with_selection(table: QAbstractItemView, *buttons: QAbstractButton) -> None:
    """Offer ``buttons`` only while a row of ``table`` is selected.

    A button that needs a row and does nothing without one looks broken; disabled, it
    says what it needs.
    """

    def update() -> None:
        selection = table.selectionModel()
        chosen = selection is not None and selection.hasSelection()
        for button in buttons:
            button.setEnabled(chosen)

    model = table.model()
    selection = table.selectionModel()
    if selection is not None:
        selection.selectionChanged.connect(update)
    if model is not None:
        model.modelReset.connect(update)
        model.rowsRemoved.connect(update)
    update()
