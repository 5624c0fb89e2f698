"""Walk-ins by phone waiting for a desk (issue 14).

Someone not on the invitation list who used the self check-in page is kept with
their name, position, institution, phone number and signature until a desk looks at
them: *Confirm* registers them as a walk-in, checked in at the moment they sent the
form with their signature (station "ponsel"); *Refuse* keeps the entry, marked
refused, and nobody is checked in. Both are the core's operations
(:mod:`rakor_desktop.operations.selfcheckin`); when another desk decided first, the
dialog says so and shows the list as it is now.

Everything shown was typed on a phone: it is plain text everywhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.formatting import format_clock
from rakor_desktop.messages import RakorError
from rakor_desktop.models import PhoneWalkIn

from ..widgets import plain_tooltip

Index = QModelIndex | QPersistentModelIndex


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # typed on a phone: never markup
    label.setWordWrap(True)
    return label


class PhoneWalkInsDialog(QDialog):
    """Desk → Walk-ins from phones… (F7): confirm or refuse each one.

    Args:
        page: The desk page (its storage, event, desk and clock).

    Signals:
        confirmed(object): a walk-in was confirmed (the core's ``WalkInDecision``).
    """

    confirmed = Signal(object)

    def __init__(self, page: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or page)
        self.page = page
        self.setWindowTitle(self.tr("Walk-ins from phones"))
        self.setMinimumWidth(760)
        self.resize(900, 520)
        intro = QLabel(self.tr(
            "These people are not on the invitation list and checked in with their phone. "
            "Look at them at the desk: confirm registers them as walk-ins (present, with "
            "their signature); refuse records nobody."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("phone_walkins_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Position"), self.tr("Institution"), self.tr("Phone"),
             self.tr("Sent")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((1, 150), (2, 170), (3, 120)):
            self.table.setColumnWidth(column, width)
        self.empty_label = QLabel(self.tr("No walk-in from a phone is waiting."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who_label = _plain_label()
        bold = self.who_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.who_label.setFont(bold)
        self.details_label = _plain_label()
        self.signature_label = QLabel()
        self.signature_label.setObjectName("phone_walkin_signature")
        self.signature_label.setFixedSize(300, 130)
        self.signature_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signature_label.setStyleSheet(
            "QLabel { background: white; border: 1px solid palette(mid); }")
        self.message_label = _plain_label()
        self.message_label.setStyleSheet("color: #b00020;")
        self.confirm_button = QPushButton(self.tr("&Confirm and check in"))
        self.confirm_button.setObjectName("phone_walkin_confirm")
        self.refuse_button = QPushButton(self.tr("&Refuse…"))
        self.refuse_button.setObjectName("phone_walkin_refuse")
        self.refuse_button.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)

        person = QVBoxLayout()
        person.addWidget(self.who_label)
        person.addWidget(self.details_label)
        person.addStretch(1)
        decide = QHBoxLayout()
        decide.addWidget(self.confirm_button)
        decide.addWidget(self.refuse_button)
        decide.addStretch(1)
        person.addLayout(decide)
        below = QHBoxLayout()
        below.addLayout(person, 1)
        below.addWidget(self.signature_label)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(below)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)

        self._walk_ins: list[PhoneWalkIn] = []
        self.table.itemSelectionChanged.connect(self._show_chosen)
        self.confirm_button.clicked.connect(self.confirm_chosen)
        self.refuse_button.clicked.connect(self.refuse_chosen)
        self.refresh()
        self.table.setFocus()

    # -- content -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the waiting walk-ins again (keeps the one chosen when still waiting)."""
        from rakor_desktop.operations.selfcheckin import waiting_phone_walk_ins

        chosen = self.chosen()
        event_id = self.page.event_id
        self._walk_ins = [] if event_id is None else waiting_phone_walk_ins(
            self.page.storage, event_id)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._walk_ins))
        for row, walk_in in enumerate(self._walk_ins):
            sent = (format_clock(walk_in.submitted_at, self.page.timezone)
                    if walk_in.submitted_at is not None else "")
            for column, text in enumerate(
                    (walk_in.name, walk_in.jabatan, walk_in.instansi, walk_in.phone, sent)):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(text))
                self.table.setItem(row, column, item)
        ids = [w.id for w in self._walk_ins]
        row = ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0
        if self._walk_ins:
            self.table.selectRow(row)
        self.table.blockSignals(False)
        empty = not self._walk_ins
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self._show_chosen()

    def walk_ins(self) -> list[PhoneWalkIn]:
        """The walk-ins waiting, as shown."""
        return list(self._walk_ins)

    def chosen(self) -> PhoneWalkIn | None:
        """The walk-in selected in the list."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(getattr(self, "_walk_ins", [])):
            return None
        return self._walk_ins[rows[0].row()]

    def _show_chosen(self) -> None:
        walk_in = self.chosen()
        has = walk_in is not None
        self.confirm_button.setEnabled(has)
        self.refuse_button.setEnabled(has)
        if self.confirm_button.isEnabled():
            self.confirm_button.setDefault(True)
        else:
            self.close_button.setDefault(True)
        if walk_in is None:
            self.who_label.clear()
            self.details_label.clear()
            self.signature_label.clear()
            return
        self.who_label.setText(walk_in.name)
        details = [walk_in.jabatan, walk_in.instansi, walk_in.phone]
        self.details_label.setText("\n".join(d for d in details if d))
        pixmap = QPixmap()
        if walk_in.signature_png and pixmap.loadFromData(walk_in.signature_png):
            self.signature_label.setPixmap(pixmap.scaled(
                self.signature_label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.signature_label.setText(self.tr("(no signature)"))

    # -- decisions -----------------------------------------------------------------------

    def confirm_chosen(self) -> None:
        """Confirm the chosen walk-in: registered, present, with the signature."""
        from rakor_desktop.operations.selfcheckin import confirm_phone_walk_in

        walk_in = self.chosen()
        if walk_in is None or walk_in.id is None:
            return
        walkin_id = walk_in.id
        decision = self._decide(lambda: confirm_phone_walk_in(
            self.page.storage, walkin_id, self.page.desk_identity(), clock=self.page.clock))
        if decision is not None:
            self.confirmed.emit(decision)

    def refuse_chosen(self) -> None:
        """Refuse the chosen walk-in, after asking (nobody is checked in)."""
        from rakor_desktop.operations.selfcheckin import refuse_phone_walk_in

        walk_in = self.chosen()
        if walk_in is None or walk_in.id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Refuse the walk-in"),
            self.tr("Refuse “{name}”? They are not recorded as present; the entry is kept "
                    "as refused.").format(name=walk_in.name),
            QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        refuse = box.addButton(self.tr("&Refuse"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(refuse)
        box.exec()
        if box.clickedButton() is not refuse:
            return
        walkin_id = walk_in.id
        self._decide(lambda: refuse_phone_walk_in(
            self.page.storage, walkin_id, self.page.desk_identity(), clock=self.page.clock))

    def _decide(self, operation: Any) -> Any:
        self.message_label.clear()
        try:
            result = operation()
        except RakorError as exc:  # another desk decided first: the list as it is now
            self.message_label.setText(str(exc))
            self.refresh()
            return None
        self.refresh()
        self.page.phone_walk_ins_changed()
        if not self._walk_ins:
            self.accept()  # nobody waits any more: back to the desk
        return result
