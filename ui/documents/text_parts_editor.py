"""The generated text parts of the notulen, editable before exporting.

The opening, each presentation, each termin of the discussion, the conclusions
and the closing are written from the live record; the notetaker can rewrite any
of them. An edit is saved as you type and replaces the generated text in every
later export until "Reset to the automatic text".
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.exports.documents.build import EditablePart, minutes_parts
from rakor_desktop.exports.documents.settings import set_text_override
from rakor_desktop.messages import RakorError
from rakor_desktop.storage import Storage

from ..widgets import ERROR_STYLE

log = logging.getLogger("rakor.ui.minutes_text")

Index = QModelIndex | QPersistentModelIndex
SAVE_DELAY_MS = 700
PART_KEY_ROLE = Qt.ItemDataRole.UserRole


def same_text(a: str, b: str) -> bool:
    """Whether two texts differ only in line ends and blanks at the ends of lines."""

    def tidy(text: str) -> str:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return "\n".join(line.rstrip() for line in lines).strip("\n")

    return tidy(a) == tidy(b)


class TextPartsModel(QAbstractListModel):
    """The editable parts of the notulen in document order; edited ones in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts: list[EditablePart] = []

    def set_parts(self, parts: Sequence[EditablePart]) -> None:
        """Show other parts."""
        self.beginResetModel()
        self._parts = list(parts)
        self.endResetModel()

    def part(self, row: int) -> EditablePart | None:
        """The part in ``row``."""
        return self._parts[row] if 0 <= row < len(self._parts) else None

    def row_of(self, key: str | None) -> int:
        """The row of the part stored under ``key``, or -1."""
        return next((r for r, p in enumerate(self._parts) if p.key == key), -1)

    def set_edited(self, key: str, edited: str | None) -> None:
        """Show that a part was edited (or reset)."""
        row = self.row_of(key)
        if row >= 0:
            self._parts[row] = replace(self._parts[row], edited=edited)
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._parts):
            return None
        part = self._parts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if part.edited is not None:
                return QCoreApplication.translate("TextPartsModel", "{title} (edited)").format(
                    title=part.title
                )
            return part.title
        if role == Qt.ItemDataRole.FontRole and part.edited is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate(
                    "TextPartsModel", "Edited by hand: kept until you reset it"
                )
                if part.edited is not None
                else QCoreApplication.translate("TextPartsModel", "Written from the live record")
            )
        if role == PART_KEY_ROLE:
            return part.key
        return None


class TextPartsEditor(QWidget):
    """Pick a part of the notulen on the left, edit its text on the right.

    Signals:
        part_saved(str): the text of a part was saved or reset (its key).
    """

    part_saved = Signal(str)

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id: int | None = None
        self._shown_key: str | None = None
        self._loading = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._build()

    def _build(self) -> None:
        self.hint_label = QLabel(
            self.tr(
                "These parts of the minutes are written from what was recorded live. Edit them "
                "here before creating the documents: an edited part is used in every export until "
                'you reset it. A line starting with "1.", "a." or "-" becomes a list item.'
            )
        )
        self.hint_label.setWordWrap(True)

        self.model = TextPartsModel(self)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setWordWrap(True)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setSpacing(2)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)

        self.title_label = QLabel()
        title_font = self.title_label.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title_label.setFont(title_font)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.textChanged.connect(self._text_changed)
        self.reset_button = QPushButton(self.tr("&Reset to the automatic text"))
        self.reset_button.clicked.connect(self.reset_current)
        self.automatic_label = QLabel(self.tr("The automatic text, for comparison:"))
        self.automatic_view = QPlainTextEdit()
        self.automatic_view.setReadOnly(True)
        self.automatic_view.setTabChangesFocus(True)
        self.automatic_view.setStyleSheet("QPlainTextEdit { background: #f4f4f4; }")

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.reset_button)
        column.addLayout(header)
        column.addWidget(self.state_label)
        column.addWidget(self.text_edit, 3)
        column.addWidget(self.automatic_label)
        column.addWidget(self.automatic_view, 2)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.splitter, 1)
        self._show_part(None)

    # -- loading ---------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the parts of another event (saving an edit being typed first)."""
        self.save_now()
        self._event_id = event_id
        self._shown_key = None
        self.refresh()

    def refresh(self) -> None:
        """Write the parts again from the record (after it changed); keep the selected one."""
        self.save_now()
        keep = self._shown_key
        parts: list[EditablePart] = []
        if self._event_id is not None:
            try:
                parts = minutes_parts(self._storage, self._event_id)
            except RakorError as exc:
                self.state_label.setStyleSheet(ERROR_STYLE)
                self.state_label.setText(str(exc))
        self.model.set_parts(parts)
        row = self.model.row_of(keep)
        if row < 0 and parts:
            row = 0
        if row >= 0:
            self.list_view.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self._show_part(self.model.part(row))  # also when the row stayed the same
        else:
            self._show_part(None)

    def current_part(self) -> EditablePart | None:
        """The part shown in the editor."""
        return self.model.part(self.model.row_of(self._shown_key))

    def _current_changed(self, current: QModelIndex, _previous: Any = None) -> None:
        self.save_now()
        self._show_part(self.model.part(current.row()) if current.isValid() else None)

    def _show_part(self, part: EditablePart | None) -> None:
        self._loading = True
        try:
            self._shown_key = part.key if part is not None else None
            self.text_edit.setEnabled(part is not None)
            self.text_edit.setPlainText(part.text if part is not None else "")
            self.title_label.setText(part.title if part is not None else "")
            self._show_state(part)
        finally:
            self._loading = False

    def _show_state(self, part: EditablePart | None) -> None:
        edited = part is not None and part.edited is not None
        self.reset_button.setEnabled(edited)
        self.automatic_label.setVisible(edited)
        self.automatic_view.setVisible(edited)
        self.automatic_view.setPlainText(part.generated if edited and part else "")
        self.state_label.setStyleSheet("")
        if part is None:
            self.state_label.setText(
                self.tr("Open an event to see the text of its minutes.")
                if self._event_id is None
                else ""
            )
        elif edited:
            self.state_label.setText(
                self.tr(
                    "Edited by hand. Later changes to the record do not appear in this part until "
                    "you reset it."
                )
            )
        else:
            self.state_label.setText(
                self.tr("Written from the live record. Type to change it; your text is kept.")
            )

    # -- saving ------------------------------------------------------------------------------

    def _text_changed(self) -> None:
        if self._loading or self._shown_key is None:
            return
        self._dirty = True
        self._timer.start()

    def save_now(self) -> bool:
        """Save the text being typed at once; False when it was refused (message shown)."""
        self._timer.stop()
        if not self._dirty or self._event_id is None or self._shown_key is None:
            self._dirty = False
            return True
        self._dirty = False
        part = self.current_part()
        if part is None:
            return True
        typed = self.text_edit.toPlainText()
        # Typing the automatic text back is no edit: later changes of the record then show.
        edited = None if same_text(typed, part.generated) else typed
        try:
            set_text_override(self._storage, self._event_id, part.key, edited)
        except RakorError as exc:
            self.state_label.setStyleSheet(ERROR_STYLE)
            self.state_label.setText(str(exc))
            return False
        self.model.set_edited(part.key, edited)
        self._show_state(self.current_part())
        self.part_saved.emit(part.key)
        return True

    def has_pending_changes(self) -> bool:
        """Whether typed text is not saved yet."""
        return self._dirty

    def reset_current(self) -> None:
        """Forget the edit of the shown part: the automatic text is printed again."""
        part = self.current_part()
        if part is None or self._event_id is None:
            return
        self._timer.stop()
        self._dirty = False
        try:
            set_text_override(self._storage, self._event_id, part.key, None)
        except RakorError as exc:
            self.state_label.setStyleSheet(ERROR_STYLE)
            self.state_label.setText(str(exc))
            return
        self.model.set_edited(part.key, None)
        self._show_part(self.current_part())
        self.part_saved.emit(part.key)

    def hideEvent(self, event: Any) -> None:
        """Nothing typed is lost when the user looks elsewhere."""
        self.save_now()
        super().hideEvent(event)
