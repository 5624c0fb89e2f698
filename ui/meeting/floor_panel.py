"""Questions from the floor on the Diskusi page: what phones in the hall sent, waiting
for the moderator (issue 14).

Nothing sent from a phone reaches the termin or the projector by itself: the
secretariat (or the moderator's tablet) accepts a question into the termin, where it
queues like one typed here (its source kept), or sets it aside. Both are the core's
operations (:mod:`rakor_desktop.operations.floor`), named with the version of the row
seen here: if someone acted on it first (the tablet), the page says so and nothing is
applied twice.

Keys (from anywhere in the main window while the Diskusi page is shown):
Ctrl+Shift+A accepts the selected question (the oldest when none is selected),
Ctrl+Shift+X sets it aside; in the list, Enter and Delete do the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.formatting import format_clock
from rakor_desktop.models import FloorQuestion

from .record_models import RecordTableModel
from .rundown_page import make_table, select_row, selected_row

Index = QModelIndex | QPersistentModelIndex


def _one_line(text: str) -> str:
    return " ".join(text.split())


class FloorQuestionModel(RecordTableModel):
    """The incoming questions: when, who (institution), to whom, the question."""

    COLUMNS = ("time", "asker", "instansi", "to", "question")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.timezone = "WIB"

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = {"time": self.tr("Sent"), "asker": self.tr("Asker"),
                   "instansi": self.tr("Institution"), "to": self.tr("To"),
                   "question": self.tr("Question")}
        return headers[self.COLUMNS[section]] if 0 <= section < len(self.COLUMNS) else None

    def display(self, obj: FloorQuestion, column: str, row: int) -> Any:
        if column == "time":  # in the event's zone (WIB, WITA, WIT), as everywhere
            moment = obj.submitted_at
            return format_clock(moment, self.timezone) if moment is not None else ""
        if column == "asker":
            return obj.asker_name
        if column == "instansi":
            return obj.asker_instansi
        if column == "to":
            return obj.addressed_to
        return _one_line(obj.question)

    def tooltip(self, obj: FloorQuestion, column: str, row: int) -> Any:
        if column == "question":
            return obj.question  # the whole question, as sent (a tooltip is plain text)
        return self.display(obj, column, row)


class SetAsideDialog(QDialog):
    """The questions from the floor that were set aside: one can go back to the
    incoming list (a set-aside by mistake)."""

    def __init__(self, panel: FloorPanel) -> None:
        super().__init__(panel.page)
        self.panel = panel
        self.setWindowTitle(self.tr("Questions set aside"))
        self.setMinimumWidth(640)
        self.resize(760, 420)
        self.model = FloorQuestionModel(self)
        self.table = make_table(self.model, stretch=4)
        self.table.setObjectName("set_aside_table")
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, width in ((1, 150), (2, 130), (3, 110)):
            self.table.setColumnWidth(column, width)
        self.message_label = QLabel()
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.back_button = QPushButton(self.tr("&Back to the incoming list"))
        self.back_button.setObjectName("floor_back")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(row)
        self.back_button.setDefault(True)
        self.back_button.clicked.connect(self.back_selected)
        self.table.activated.connect(lambda _index: self.back_selected())
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        """Read the set-aside questions again."""
        from rakor_desktop.operations.floor import set_aside_floor_questions

        page = self.panel.page
        rows = [] if page.event_id is None else set_aside_floor_questions(
            page.storage, page.event_id)
        self.model.timezone = page.live.timezone
        self.model.set_rows(rows)
        select_row(self.table, 0 if rows else -1)
        self.back_button.setEnabled(bool(rows))

    def back_selected(self) -> None:
        """The selected question waits in the incoming list again."""
        from rakor_desktop.messages import RakorError
        from rakor_desktop.operations.floor import return_floor_question

        chosen: FloorQuestion | None = self.model.row_object(selected_row(self.table))
        if chosen is None or chosen.id is None:
            return
        page = self.panel.page
        try:
            return_floor_question(page.storage, chosen.id, expected_version=chosen.version,
                                  event_id=page.event_id)
        except RakorError as exc:
            self.message_label.setText(str(exc))
        else:
            self.message_label.clear()
        self.refresh()
        self.panel.refresh()
        if self.model.rowCount() == 0:
            self.accept()


class FloorPanel(QFrame):
    """The list of incoming questions with Accept and Set aside.

    Args:
        page: The Diskusi page (its storage, live meeting, message line).

    Signals:
        count_changed(int): how many questions wait now.
    """

    count_changed = Signal(int)

    def __init__(self, page: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName("floorPanel")
        self.setStyleSheet(
            "QFrame#floorPanel { border: 2px solid #3b6fd8; border-radius: 6px;"
            " background: #eef3fd; }")
        self.title = QLabel()
        self.title.setObjectName("floor_title")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.model = FloorQuestionModel(self)
        self.table = make_table(self.model, stretch=4)
        self.table.setObjectName("floor_table")
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((1, 150), (2, 130), (3, 110)):
            self.table.setColumnWidth(column, width)
        # Room for four questions (more scroll): the termin's queue above keeps its room.
        row_height = self.table.verticalHeader().defaultSectionSize()
        header_height = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(header_height + 2 * row_height + 4)
        self.table.setMaximumHeight(header_height + 4 * row_height + 4)
        self.question_label = QLabel()
        self.question_label.setObjectName("floor_question")
        # Sent from a phone: shown as typed, never as markup.
        self.question_label.setTextFormat(Qt.TextFormat.PlainText)
        self.question_label.setWordWrap(True)
        self.question_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = QPushButton(self.tr("Acce&pt into the termin (Ctrl+Shift+A)"))
        self.accept_button.setObjectName("floor_accept")
        self.set_aside_button = QPushButton(self.tr("Set asi&de (Ctrl+Shift+X)"))
        self.set_aside_button.setObjectName("floor_set_aside")
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.set_aside_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.question_label)
        layout.addLayout(buttons)

        self.accept_button.clicked.connect(self.accept_selected)
        self.set_aside_button.clicked.connect(self.set_aside_selected)
        self.table.activated.connect(lambda _index: self.accept_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # Questions set aside can go back to the list (one set aside by mistake): the
        # button shows while there are some, on the page's row of keys.
        self.set_aside_list_button = QPushButton()
        self.set_aside_list_button.setObjectName("floor_set_aside_list")
        self.set_aside_list_button.clicked.connect(self.show_set_aside)
        self.set_aside_list_button.hide()
        self.hide()

    def build_actions(self, page_action: Callable[..., Any]) -> None:
        """The panel's keys, as page actions of the Diskusi page."""
        self.accept_action = page_action(
            self.tr("Accept the question from the floor"), self.accept_selected,
            "Ctrl+Shift+A")
        self.set_aside_action = page_action(
            self.tr("Set the question from the floor aside"), self.set_aside_selected,
            "Ctrl+Shift+X")
        page_action(self.tr("Accept the question from the floor"), self.accept_selected,
                    "Return", self.table)
        page_action(self.tr("Set the question from the floor aside"),
                    self.set_aside_selected, "Delete", self.table)

    # -- content -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the incoming questions again (after any change)."""
        from rakor_desktop.models import FloorQuestionStatus

        event_id = self.page.event_id
        rows = [] if event_id is None else self.page.storage.list_floor_questions(
            event_id, [FloorQuestionStatus.INCOMING])
        keep = self.model.row_object(selected_row(self.table))
        self.model.timezone = self.page.live.timezone
        self.model.set_rows(rows)
        if keep is not None:
            select_row(self.table, self.model.row_of_id(keep.id))
        self.title.setText(self.tr("From the floor: %n question(s) waiting", "", len(rows)))
        self.setVisible(bool(rows))
        aside = 0 if event_id is None else self.page.storage.count_floor_questions(
            event_id, FloorQuestionStatus.SET_ASIDE)
        self.set_aside_list_button.setText(
            self.tr("Set aside from the floor (%n)…", "", aside))
        self.set_aside_list_button.setVisible(aside > 0)
        self._selection_changed()
        self.count_changed.emit(len(rows))

    def questions(self) -> list[FloorQuestion]:
        """The incoming questions shown, oldest first."""
        return list(self.model.rows())

    def _chosen(self) -> FloorQuestion | None:
        """The selected question, else the oldest."""
        chosen: FloorQuestion | None = self.model.row_object(selected_row(self.table))
        return chosen if chosen is not None else self.model.row_object(0)

    def _selection_changed(self, *_args: Any) -> None:
        chosen = self._chosen()
        if chosen is None:
            self.question_label.clear()
        else:
            who = chosen.asker_name
            if chosen.asker_instansi:
                who = f"{who} ({chosen.asker_instansi})"
            if chosen.addressed_to:
                who = self.tr("{asker} to {addressee}").format(
                    asker=who, addressee=chosen.addressed_to)
            self.question_label.setText(f"{who}: {chosen.question}")
        for button in (self.accept_button, self.set_aside_button):
            button.setEnabled(chosen is not None)

    def show_set_aside(self) -> None:
        """The questions set aside, to bring one back."""
        dialog = SetAsideDialog(self)
        dialog.exec()
        dialog.deleteLater()
        self.refresh()

    # -- the moderator's decisions --------------------------------------------------------

    def accept_selected(self) -> None:
        """Accept the chosen question into the current termin (it queues there)."""
        from rakor_desktop.operations import floor

        chosen = self._chosen()
        if chosen is None or chosen.id is None:
            return
        floor_id, version = chosen.id, chosen.version
        question = self._decide(lambda: floor.accept_floor_question(
            self.page.storage, floor_id, expected_version=version, event_id=self.page.event_id,
            clock=self.page.live.clock))
        if question is not None:
            self.page.show_message(self.tr("{name} is in the queue (from the floor).").format(
                name=chosen.asker_name))

    def set_aside_selected(self) -> None:
        """Set the chosen question aside (it stays recorded, not in the termin)."""
        from rakor_desktop.operations import floor

        chosen = self._chosen()
        if chosen is None or chosen.id is None:
            return
        floor_id, version = chosen.id, chosen.version
        if self._decide(lambda: floor.set_aside_floor_question(
                self.page.storage, floor_id, expected_version=version,
                event_id=self.page.event_id)) is not None:
            self.page.show_message(self.tr("Set aside: the question of {name}.").format(
                name=chosen.asker_name))

    def _decide(self, operation: Callable[[], Any]) -> Any:
        """Run a decision; a refusal (a stale view, a full termin) is said on the page's
        message line, and the page shows the latest state."""
        from rakor_desktop.messages import RakorError

        try:
            result = operation()
        except RakorError as exc:
            self.page.show_message(str(exc), error=True)
            self.page.live.reload()
            self.refresh()
            return None
        self.page.live.reload()  # the termin's queue, the projector, the moderator view
        self.refresh()
        return result if result is not None else True
