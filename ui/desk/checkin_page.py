"""The registration desk ("Meja Registrasi"): check people in by name or QR code.

Made for the half hour before the opening, when every second is a queue: one search
field that always has the focus; typing searches at once (in SQL, paged); Enter
checks in only an unambiguous match (the only one, or the row moved to with the
arrows or clicked; with several the panel asks to choose); a USB QR scanner (the code
and Enter, typed in a few milliseconds) checks in at once, even while someone signs.
A large panel says what happened. Walk-ins (F2, matching invitees offered first),
delegates (F3), signatures (F4), undo with a reason (F8) and a person's history (F9)
are one key away from anywhere in the window while the desk is shown; the live counts
and the arrivals per 10 minutes sit beside the list.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtCore import Signal as _Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.changes import Changes
from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.exports.attendance import export_attendance_csv, export_attendance_xlsx
from rakor_desktop.formatting import (
    format_clock,
    format_name,
    normalize_nip_nrp,
    nrp_warning,
    split_titles,
)
from rakor_desktop.messages import NotFoundError, RakorError
from rakor_desktop.models import CheckinResult
from rakor_desktop.operations import checkin as desk
from rakor_desktop.settings import Settings, save_settings
from rakor_desktop.storage import Storage

from ..tasks import Progress, run_with_progress
from ..widgets import ERROR_STYLE
from .checkin_models import FRACTION_ROLE, DeskResultsModel, GroupCountsModel, HistoryModel
from .signature_pad import SignatureDialog

log = logging.getLogger("rakor.ui.checkin")

Index = QModelIndex | QPersistentModelIndex
COUNTS_DELAY_MS = 250  # counts and chart wait until the desk is quiet for a moment
INSIDE_DELAY_MS = 300  # a query starting no word is looked for inside words after a pause

# Columns of the results: comfortable and narrowest width. When the list is narrow (a
# 1366 px laptop), the code goes first, then the group, then the position; name, time
# and institution stay, elided if need be (the full text is the tooltip).
COLUMN_WIDTHS = {
    "name": (300, 200), "present": (90, 64), "jabatan": (210, 130),
    "instansi": (260, 170), "group": (110, 80), "code": (100, 90),
}  # fmt: skip
HIDDEN_FIRST = ("code", "group", "jabatan")
SPLITTER_KEY = "checkin_desk/splitter"

SHORTCUTS = {
    "walk_in": "F2",
    "on_behalf": "F3",
    "signature": "F4",
    "undo": "F8",
    "history": "F9",
    "phone_walk_ins": "F7",
}

_STYLES = {
    "idle": ("palette(base)", "palette(mid)", "palette(text)"),
    "ok": ("#e3f4e8", "#2e8b57", "#14532d"),
    "already": ("#fff3cd", "#c58f00", "#5c4300"),
    "error": ("#fde8e8", "#c62828", "#8a1c1c"),
    "info": ("#e8f0fe", "#3b6fd8", "#1c3d7a"),
}


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _file_safe(text: str) -> str:
    kept = "".join(c if c.isalnum() or c in " -_." else "_" for c in text)
    return " ".join(kept.split())[:80] or "acara"


def _scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(8.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font


# -- the parts of the page -------------------------------------------------------------


class FeedbackPanel(QFrame):
    """The large panel saying what the last action did, coloured by outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinFeedback")
        self.kind = "idle"
        self.invitee_id: int | None = None
        self.headline = QLabel()
        self.name = QLabel()
        self.details = QLabel()
        self.headline.setFont(_scaled_font(self, 1.35, bold=True))
        self.name.setFont(_scaled_font(self, 2.0, bold=True))
        self.details.setFont(_scaled_font(self, 1.2))
        for label in (self.headline, self.name, self.details):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names typed on phones, too
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(2)
        layout.addWidget(self.headline)
        layout.addWidget(self.name)
        layout.addWidget(self.details)
        self.setMinimumHeight(112)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def show_message(
        self,
        kind: str,
        headline: str,
        name: str = "",
        details: str = "",
        invitee_id: int | None = None,
    ) -> None:
        """Show an outcome: "ok", "already", "error", "info" or "idle"."""
        if kind != self.kind or not self.styleSheet():  # restyling costs a millisecond
            background, border, ink = _STYLES[kind]
            self.setStyleSheet(
                f"QFrame#checkinFeedback {{ background: {background}; border: 2px solid"
                f" {border}; border-radius: 6px; }} QFrame#checkinFeedback QLabel"
                f" {{ color: {ink}; background: transparent; border: none; }}"
            )
        self.kind = kind
        self.invitee_id = invitee_id
        self.headline.setText(headline)
        self.name.setText(name)
        self.name.setVisible(bool(name))
        self.details.setText(details)
        self.details.setVisible(bool(details))

    def text(self) -> str:
        """Everything the panel says, one line per label (for tests and screen readers)."""
        return "\n".join(
            label.text() for label in (self.headline, self.name, self.details) if label.text()
        )


class ArrivalsChart(QWidget):
    """Arrivals per 10 minutes as bars, painted directly (no chart library)."""

    BAR_MIN_WIDTH = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots: list[desk.ArrivalSlot] = []
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_slots(self, slots: list[desk.ArrivalSlot]) -> None:
        """Show these slots (the latest that fit the width)."""
        self.slots = list(slots)
        self.setToolTip(
            "\n".join(f"{s.label}: {s.count}" for s in self.slots[-36:])
        )
        self.update()

    def visible_slots(self) -> list[desk.ArrivalSlot]:
        """The slots that fit the current width, the latest ones."""
        fit = max(1, (self.width() - 40) // self.BAR_MIN_WIDTH)
        return self.slots[-fit:]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text_colour = palette.text().color()
        slots = self.visible_slots()
        if not slots:
            painter.setPen(palette.placeholderText().color())
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No arrivals yet")
            )
            painter.end()
            return
        metrics = painter.fontMetrics()
        left, right, top = 34, 8, metrics.height() + 4
        bottom = metrics.height() + 8
        plot = QRect(left, top, self.width() - left - right, self.height() - top - bottom)
        highest = max(1, max(s.count for s in slots))
        painter.setPen(QColor("#c7cbd3"))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(text_colour)
        painter.drawText(
            QRect(0, plot.top() - metrics.height() // 2, left - 6, metrics.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(highest),
        )  # fmt: skip
        painter.drawText(
            QRect(0, plot.bottom() - metrics.height() // 2, left - 6, metrics.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), "0",
        )  # fmt: skip
        step = plot.width() / len(slots)
        label_every = max(1, int((metrics.horizontalAdvance("00.00") + 8) // step) + 1)
        bar_colour = QColor("#2e8b57")
        for number, slot in enumerate(slots):
            x = plot.left() + number * step
            height = plot.height() * slot.count / highest
            bar = QRect(
                round(x + step * 0.15), round(plot.bottom() - height),
                max(1, round(step * 0.7)), round(height),
            )  # fmt: skip
            painter.fillRect(bar, bar_colour)
            if slot.count and step >= metrics.horizontalAdvance(str(slot.count)) + 2:
                painter.setPen(text_colour)
                painter.drawText(
                    QRect(round(x), bar.top() - metrics.height(), round(step), metrics.height()),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                    str(slot.count),
                )
            if number % label_every == 0:
                painter.setPen(text_colour)
                painter.drawText(
                    QRect(round(x) - 20, plot.bottom() + 3, round(step) + 40, metrics.height()),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    slot.label,
                )
        painter.end()


class GroupBarDelegate(QStyledItemDelegate):
    """Paints the share present of a group as a bar with the percentage on it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        fraction = index.data(FRACTION_ROLE)
        if not isinstance(fraction, float):
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect.adjusted(4, 5, -4, -5)
        painter.fillRect(rect, QColor("#e6e9ef"))
        filled = QRect(rect.left(), rect.top(), round(rect.width() * min(1.0, fraction)),
                       rect.height())
        painter.fillRect(filled, QColor("#86c99f"))
        painter.setPen(QColor("#10321d"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data()))
        painter.restore()


# -- dialogs -----------------------------------------------------------------------------


class WalkInDialog(QDialog):
    """Register a guest who is not on the list: name (with titles), jabatan, instansi, …

    Many "walk-ins" are invited after all (a name spelt differently, another instansi
    written): as the name is typed, the invitees that match it are shown first.
    Choosing one (↓ then Enter, or a double click) checks that invitee in; only the
    *Register as a new guest* button (or Enter when nobody on the list matches) adds a
    person. Enter never picks one of several matches by itself.
    """

    MATCH_ROWS = 5  # rows of matches shown without scrolling

    def __init__(
        self,
        storage: Storage,
        event_id: int,
        groups: list[str],
        name: str = "",
        parent: QWidget | None = None,
        *,
        timezone: str = "WIB",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Walk-in guest"))
        self.chosen_invitee_id: int | None = None
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(self.tr("e.g. Drs. H. Ahmad Yani, M.Si."))
        self.name_edit.installEventFilter(self)
        self.split_label = QLabel()
        self.split_label.setStyleSheet("color: palette(placeholder-text);")

        self.matches_model = DeskResultsModel(storage, self)
        self.matches_model.set_event(event_id, timezone)
        self.matches_label = QLabel()
        self.matches_label.setWordWrap(True)
        self.matches_table = QTableView()
        self.matches_table.setObjectName("walkInMatches")
        self.matches_table.setModel(self.matches_model)
        self.matches_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.matches_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matches_table.setWordWrap(False)
        self.matches_table.setShowGrid(False)
        self.matches_table.setTabKeyNavigation(False)
        self.matches_table.verticalHeader().hide()
        self.matches_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for column, width in ((0, 230), (1, 70), (2, 150)):
            self.matches_table.setColumnWidth(column, width)
        self.matches_table.hideColumn(DeskResultsModel.COLUMNS.index("group"))
        self.matches_table.hideColumn(DeskResultsModel.COLUMNS.index("code"))
        self.matches_table.horizontalHeader().setStretchLastSection(True)
        self.matches_table.setFixedHeight(
            self.matches_table.horizontalHeader().sizeHint().height()
            + self.MATCH_ROWS * self.matches_table.verticalHeader().defaultSectionSize() + 4
        )
        self.matches_table.doubleClicked.connect(lambda _index: self.choose_match())
        self.matches_box = QWidget()
        matches_layout = QVBoxLayout(self.matches_box)
        matches_layout.setContentsMargins(0, 0, 0, 0)
        matches_layout.addWidget(self.matches_label)
        matches_layout.addWidget(self.matches_table)

        self.jabatan_edit = QLineEdit()
        self.instansi_edit = QLineEdit()
        self.group_combo = QComboBox()
        self.group_combo.setEditable(True)
        self.group_combo.addItems(["", *groups])
        self.phone_edit = QLineEdit()
        self.new_box = QWidget()
        form = QFormLayout(self.new_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Position"), self.jabatan_edit)
        form.addRow(self.tr("&Institution"), self.instansi_edit)
        form.addRow(self.tr("&Group"), self.group_combo)
        form.addRow(self.tr("P&hone"), self.phone_edit)
        name_form = QFormLayout()
        name_form.addRow(self.tr("&Name"), self.name_edit)
        name_form.addRow("", self.split_label)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose_button = self.buttons.addButton(
            self.tr("Check in the &chosen invitee"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.ok_button = self.buttons.addButton(
            self.tr("&Register as a new guest"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter is decided in keyPressEvent
        self.choose_button.clicked.connect(self.choose_match)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Not on the invitation list? Look for the name first.")))
        layout.addLayout(name_form)
        layout.addWidget(self.matches_box)
        layout.addWidget(self.new_box)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update)
        self.matches_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update()
        self.resize(640, self.sizeHint().height())

    # -- matches -----------------------------------------------------------------------

    def match_count(self) -> int:
        """How many invitees on the list match the name typed (0: none, or no name)."""
        return self.matches_model.rowCount() if self._name_typed() else 0

    def _name_typed(self) -> str:
        return " ".join(split_titles(self.name_edit.text())[1].split())

    def chosen_row(self) -> desk.DeskRow | None:
        """The invitee chosen in the matches (with the arrows or the mouse)."""
        rows = self.matches_table.selectionModel().selectedRows()
        return self.matches_model.row_at(rows[0].row()) if rows and self.match_count() else None

    def _update(self) -> None:
        front, name, back = split_titles(self.name_edit.text())
        if front or back:
            self.split_label.setText(
                self.tr("Name: {name} · titles: {front} … {back}").format(
                    name=name, front=front or "–", back=back or "–"
                )
            )
        else:
            self.split_label.clear()
        typed = self._name_typed()
        if typed:
            self.matches_model.set_query(typed)
            if self.matches_model.rowCount() == 0:
                self.matches_model.search_inside()
        count = self.match_count()
        self.matches_table.clearSelection()
        self.matches_box.setVisible(count > 0)
        if self.matches_model.canFetchMore():
            self.matches_label.setText(
                self.tr("Already invited? Many invitees match this name — type more of it, "
                        "or choose with ↓ and press Enter to check them in:")
            )
        else:
            self.matches_label.setText(
                self.tr("Already invited? %n invitee(s) match this name — choose with ↓ and "
                        "press Enter to check them in:", "", count)
            )
        self.hint_label.clear()
        self.hint_label.setStyleSheet("")
        self.hint_label.hide()
        self._update_buttons()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the matches and the hint shown need (the width stays)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), self.sizeHint().height())

    def _update_buttons(self) -> None:
        chosen = self.chosen_row() is not None
        matches = self.match_count()
        self.ok_button.setEnabled(bool(self._name_typed()))
        self.choose_button.setEnabled(chosen)
        self.choose_button.setVisible(matches > 0)
        # The button drawn as the default is the one Enter presses (see _enter).
        self.choose_button.setDefault(chosen)
        self.ok_button.setDefault(not matches and self.ok_button.isEnabled())

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # the button box makes its first button the default …
        self._update_buttons()  # … which is not what Enter does here

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.name_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.match_count():
                self.matches_table.setFocus(Qt.FocusReason.OtherFocusReason)
                self.matches_table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter()
            return
        super().keyPressEvent(event)

    def _enter(self) -> None:
        """Enter: the chosen invitee; a new guest only when nobody on the list matches."""
        if self.chosen_row() is not None:
            self.choose_match()
        elif self.match_count():
            self.hint_label.setText(
                self.tr("This name is on the invitation list: choose the invitee with ↓ and "
                        "press Enter, or click “Register as a new guest” if it is someone "
                        "else.")
            )
            self.hint_label.setStyleSheet(ERROR_STYLE)
            self.hint_label.show()
            self._fit_height()
        else:
            self.accept()

    def choose_match(self) -> None:
        """Check in the chosen invitee instead of registering anyone."""
        row = self.chosen_row()
        if row is None:
            return
        self.chosen_invitee_id = row.invitee_id
        super().accept()

    def accept(self) -> None:
        """Register a new guest: only with a name."""
        if self._name_typed():
            self.chosen_invitee_id = None
            super().accept()


class OnBehalfDialog(QDialog):
    """Who came in the invitee's place (*mewakili*): the fields of an invitee.

    Name, titles, NIP/NRP, pangkat/golongan, jabatan, instansi and phone. A NIP/NRP
    that is neither is shown under its field and the dialog stays open (nothing typed
    is lost); an NRP of an unusual shape is accepted with a note.
    """

    def __init__(self, invitee: str, instansi: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("On behalf of"))
        heading = QLabel(
            self.tr("Attending on behalf of <b>{name}</b>").format(name=_html(invitee))
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.front_titles_edit = QLineEdit()
        self.front_titles_edit.setPlaceholderText(self.tr("e.g. Dr. H."))
        self.back_titles_edit = QLineEdit()
        self.back_titles_edit.setPlaceholderText(self.tr("e.g. S.H., M.Si."))
        self.nip_edit = QLineEdit()
        self.nip_edit.setPlaceholderText(self.tr("NIP 18 digits, or NRP (Polri/TNI)"))
        self.nip_note = QLabel()
        self.nip_note.setWordWrap(True)
        self.nip_note.setVisible(False)
        self.pangkat_edit = QLineEdit()
        self.golongan_edit = QLineEdit()
        self.golongan_edit.setPlaceholderText(self.tr("e.g. IV/a"))
        self.jabatan_edit = QLineEdit()
        self.instansi_edit = QLineEdit(instansi)
        self.phone_edit = QLineEdit()
        titles = QHBoxLayout()
        titles.addWidget(self.front_titles_edit)
        titles.addWidget(QLabel(self.tr("back")))
        titles.addWidget(self.back_titles_edit)
        rank = QHBoxLayout()
        rank.addWidget(self.pangkat_edit, 3)
        rank.addWidget(QLabel(self.tr("grade")))
        rank.addWidget(self.golongan_edit, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        titles_label = QLabel(self.tr("&Titles (front)"))
        titles_label.setBuddy(self.front_titles_edit)  # a layout row has no buddy of its own
        rank_label = QLabel(self.tr("P&angkat"))
        rank_label.setBuddy(self.pangkat_edit)
        form.addRow(titles_label, titles)
        form.addRow(self.tr("NIP/N&RP"), self.nip_edit)
        form.addRow("", self.nip_note)
        form.addRow(rank_label, rank)
        form.addRow(self.tr("&Position"), self.jabatan_edit)
        form.addRow(self.tr("&Institution"), self.instansi_edit)
        form.addRow(self.tr("P&hone"), self.phone_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Check in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )
        self.nip_edit.editingFinished.connect(self._check_nip)
        self.ok_button.setEnabled(False)
        self.resize(520, self.sizeHint().height())

    def _check_nip(self) -> bool:
        """Show what is wrong with the NIP/NRP (False) or a note on an unusual NRP."""
        try:
            value = normalize_nip_nrp(self.nip_edit.text())
        except RakorError as exc:
            self.nip_note.setStyleSheet(ERROR_STYLE)
            self.nip_note.setText(str(exc))
            self.nip_note.setVisible(True)
            return False
        warning = nrp_warning(value)
        self.nip_note.setStyleSheet("")
        self.nip_note.setText(str(warning) if warning is not None else "")
        self.nip_note.setVisible(warning is not None)
        return True

    def accept(self) -> None:
        """Only with the delegate's name and a NIP/NRP that is one (or none)."""
        if not self.ok_button.isEnabled():
            return
        if not self._check_nip():
            self.nip_edit.setFocus()
            self.nip_edit.selectAll()
            return
        super().accept()


class UndoDialog(QDialog):
    """Undo a check-in: the reason is required and kept in the log."""

    def __init__(self, who: str, when: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo check-in"))
        heading = QLabel(
            self.tr("Undo the check-in of <b>{name}</b> at {time}?").format(
                name=_html(who), time=when
            )
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self.reason_combo = QComboBox()
        self.reason_combo.setEditable(True)
        self.reason_combo.addItems([
            "",
            self.tr("Wrong person selected"),
            self.tr("Checked in by mistake"),
            self.tr("Left before the meeting started"),
        ])
        self.reason_combo.setCurrentIndex(0)
        line_edit = self.reason_combo.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText(self.tr("Why? (required, kept in the history)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Two buttons that cannot be mistaken for each other ("Batalkan …" / "Batal" were).
        self.ok_button.setText(self.tr("Remove check-in"))
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setText(self.tr("Close"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason_combo.currentTextChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )
        self.ok_button.setEnabled(False)
        self.resize(480, self.sizeHint().height())

    @property
    def reason(self) -> str:
        """The reason given."""
        return self.reason_combo.currentText().strip()

    def accept(self) -> None:
        """Only with a reason."""
        if self.reason:
            super().accept()


class HistoryDialog(QDialog):
    """Every log entry about one invitee, and the signature given."""

    def __init__(
        self,
        who: str,
        model: HistoryModel,
        signature: bytes | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of {name}").format(name=who))
        self.model = model
        self.table = QTableView()
        self.table.setModel(model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in enumerate((180, 140, 100, 100)):
            self.table.setColumnWidth(column, width)
        self.signature_label = QLabel()
        self.signature_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if signature:
            pixmap = QPixmap()
            pixmap.loadFromData(signature, "PNG")
            self.signature_label.setPixmap(
                pixmap.scaledToHeight(min(120, pixmap.height()),
                                      Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.signature_label.setText(self.tr("No signature."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.signature_label)
        layout.addWidget(buttons)
        self.resize(820, 380)


class DeskOperatorDialog(QDialog):
    """Who works at this desk: asked the first time the desk opens without a name.

    Both names are recorded with every check-in (the history's *Station* and *Operator*
    columns); they are the same preferences as in *Edit → Preferences*.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is at this desk?"))
        note = QLabel(
            self.tr("Your name and the desk's name are recorded with every check-in, so "
                    "the history shows who registered whom and where.")
        )
        note.setWordWrap(True)
        self.operator_edit = QLineEdit(settings.operator_name)
        self.operator_edit.setPlaceholderText(self.tr("your name"))
        self.station_edit = QLineEdit(settings.effective_station)
        form = QFormLayout()
        form.addRow(self.tr("&Operator:"), self.operator_edit)
        form.addRow(self.tr("&Desk name:"), self.station_edit)
        later = QLabel(self.tr("You can change both later under Edit → Preferences."))
        later.setWordWrap(True)
        later.setStyleSheet("color: palette(placeholder-text);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(later)
        layout.addWidget(self.buttons)
        self.operator_edit.textChanged.connect(self._update)
        self.station_edit.textChanged.connect(self._update)
        self._update()
        self.resize(460, self.sizeHint().height())
        self.operator_edit.setFocus()

    def _update(self) -> None:
        self.ok_button.setEnabled(
            bool(self.operator_edit.text().strip() and self.station_edit.text().strip())
        )

    def accept(self) -> None:
        """Only with both names."""
        if self.ok_button.isEnabled():
            super().accept()

    def apply_to(self, settings: Settings) -> None:
        """Copy the names into ``settings``."""
        settings.operator_name = " ".join(self.operator_edit.text().split())
        settings.station_name = " ".join(self.station_edit.text().split())


# -- the page ------------------------------------------------------------------------------


class CheckinPage(QWidget):
    """The registration desk of one event.

    Signals:
        checked_in(int): an invitee was checked in (their id).
        attendance_changed(int): the attendance of the event changed (its id).
        invitees_changed(int): a walk-in was added to the event's list (the event's id).
        export_finished(str): the attendance was exported (the file written).
        export_failed(str): an export failed (the message shown).
        settings_changed(): the operator or station name was set (and saved).
        show_requested(): a menu item of the desk was chosen: the window shows the desk
            first, so that its answer is seen.
    """

    checked_in = _Signal(int)
    attendance_changed = _Signal(int)
    invitees_changed = _Signal(int)
    export_finished = _Signal(str)
    export_failed = _Signal(str)
    settings_changed = _Signal()
    show_requested = _Signal()

    def __init__(
        self,
        storage: Storage,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self._storage = storage
        self._settings = settings
        self._clock = clock
        self._event_id: int | None = None
        self._timezone = "WIB"
        self._export_cancel: threading.Event | None = None
        # Enter checks in only an unambiguous match: the only one, or a row the operator
        # moved to (arrows, mouse). True once they did.
        self._row_chosen = False
        # Signatures wait their turn: a scan while someone signs checks the next guest in
        # at once and queues their signature (invitee id, name shown).
        self._signature_queue: list[tuple[int, str]] = []
        self.signature_dialog: SignatureDialog | None = None
        self._asked_operator = False
        self.model = DeskResultsModel(storage, self)
        self.counts_model = GroupCountsModel(self)
        self._build()
        self._build_actions()
        self._connect()
        self.feedback.show_message("idle", self.tr("Type a name or scan a QR code."))

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("checkinSearch")
        self.search_edit.setFont(_scaled_font(self, 1.6))
        self.search_edit.setMinimumHeight(46)
        self.search_edit.setPlaceholderText(
            self.tr("Name, position, institution or code — or scan the QR code")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.ask_signature_check = QCheckBox(self.tr("Ask for a &signature after check-in"))
        self.ask_signature_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.feedback = FeedbackPanel()

        self.results_label = QLabel()
        self.table = QTableView()
        self.table.setObjectName("checkinResults")
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search field keeps the keys
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)  # a third of the repaint after each key
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setFont(_scaled_font(self, 1.1))
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # the full text as tooltip
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.viewport().installEventFilter(self)  # the columns follow its width

        self.key_buttons: dict[str, QPushButton] = {}
        keys = QHBoxLayout()
        for name, label in (
            ("walk_in", self.tr("Walk-in")),
            ("on_behalf", self.tr("On behalf of")),
            ("signature", self.tr("Signature")),
            ("undo", self.tr("Undo")),
            ("history", self.tr("History")),
        ):
            button = QPushButton(f"{SHORTCUTS[name]}  {label}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            keys.addWidget(button)
            self.key_buttons[name] = button
        esc_hint = QLabel(self.tr("Esc clears · ↑↓ choose · Enter checks in"))
        esc_hint.setStyleSheet("color: palette(placeholder-text);")
        esc_hint.setToolTip(esc_hint.text())
        # A hint, not a reason to keep the list wide: it is cut first when space is short.
        esc_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        esc_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        keys.addWidget(esc_hint, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results_label)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(keys)

        self.total_label = QLabel()
        self.total_label.setFont(_scaled_font(self, 1.5, bold=True))
        self.groups_table = QTableView()
        self.groups_table.setModel(self.counts_model)
        self.groups_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.groups_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.groups_table.verticalHeader().hide()
        self.groups_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.groups_table.horizontalHeader().hide()  # the rows say what they are
        self.groups_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.groups_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.groups_table.setShowGrid(False)
        self.groups_table.setItemDelegateForColumn(2, GroupBarDelegate(self.groups_table))
        groups_header = self.groups_table.horizontalHeader()
        groups_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        groups_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        groups_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.groups_table.setColumnWidth(2, 90)
        self.chart = ArrivalsChart()
        chart_title = QLabel(self.tr("Arrivals per 10 minutes"))
        chart_title.setFont(_scaled_font(self, 1.0, bold=True))
        self.export_xlsx_button = QPushButton(self.tr("Export &XLSX…"))
        self.export_csv_button = QPushButton(self.tr("Export &CSV…"))
        for button in (self.export_xlsx_button, self.export_csv_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        exports = QHBoxLayout()
        exports.addWidget(QLabel(self.tr("Attendance:")))
        exports.addWidget(self.export_xlsx_button)
        exports.addWidget(self.export_csv_button)
        exports.addStretch(1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.total_label)
        right_layout.addWidget(self.groups_table, 3)
        right_layout.addWidget(chart_title)
        right_layout.addWidget(self.chart, 1)
        right_layout.addLayout(exports)
        right_layout.addWidget(self.status_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([800, 320])
        self._restore_splitter()

        # Walk-ins who checked in with a phone wait for a desk (issue 14): one line,
        # shown only while someone waits; F7 (or a click) opens the list.
        self.phone_banner = QPushButton()
        self.phone_banner.setObjectName("phone_walkins_banner")
        self.phone_banner.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        background, border, ink = _STYLES["already"]
        self.phone_banner.setStyleSheet(
            f"QPushButton {{ background: {background}; border: 2px solid {border};"
            f" color: {ink}; border-radius: 6px; padding: 4px 10px; text-align: left;"
            f" font-weight: bold; }}")
        self.phone_banner.hide()
        self.key_buttons["phone_walk_ins"] = self.phone_banner

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.ask_signature_check)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(self.phone_banner)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)  # coalesces a burst of keys into one search
        self._inside_timer = QTimer(self)
        self._inside_timer.setSingleShot(True)
        self._inside_timer.setInterval(INSIDE_DELAY_MS)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(COUNTS_DELAY_MS)

    def _build_actions(self) -> None:
        self._menu_actions: list[QAction] = []

        def action(name: str, text: str, slot: Callable[[], None]) -> QAction:
            act = QAction(text, self)
            act.setObjectName(f"desk_{name}")
            act.setShortcut(QKeySequence(SHORTCUTS[name]))
            # From anywhere in the window while the desk is shown (a click on the area
            # list must not disable F2); Qt ignores the keys of a hidden desk, so F8 can
            # mean something else on another page.
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(lambda _checked=False: slot())
            self.addAction(act)
            self.key_buttons[name].clicked.connect(act.trigger)
            # The menu gets a twin without a shortcut of its own: an action in the menu
            # bar would make its key work on every page. The key is shown after the tab.
            twin = QAction(
                f"{text}\t{act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}",
                self,
            )
            twin.setObjectName(f"desk_menu_{name}")
            twin.triggered.connect(self.show_requested)
            twin.triggered.connect(act.trigger)
            self._menu_actions.append(twin)
            return act

        self.walk_in_action = action("walk_in", self.tr("Register a &walk-in…"), self.walk_in)
        self.on_behalf_action = action(
            "on_behalf", self.tr("Check in on &behalf of…"), self.check_in_on_behalf
        )
        self.signature_action = action("signature", self.tr("&Signature…"), self.sign)
        self.undo_action = action("undo", self.tr("&Undo check-in…"), self.undo)
        self.history_action = action("history", self.tr("&History…"), self.show_history)
        self.phone_walk_ins_action = action(
            "phone_walk_ins", self.tr("Walk-ins from &phones…"), self.show_phone_walk_ins)
        self.export_xlsx_action = QAction(self.tr("Export attendance as &XLSX…"), self)
        self.export_xlsx_action.triggered.connect(lambda: self.export_attendance("xlsx"))
        self.export_csv_action = QAction(self.tr("Export attendance as &CSV…"), self)
        self.export_csv_action.triggered.connect(lambda: self.export_attendance("csv"))
        self.export_xlsx_button.clicked.connect(self.export_xlsx_action.trigger)
        self.export_csv_button.clicked.connect(self.export_csv_action.trigger)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self.run_search)
        self._inside_timer.timeout.connect(self.search_inside)
        self._counts_timer.timeout.connect(self.refresh_counts)
        self.table.doubleClicked.connect(lambda index: self._check_in_row(index.row()))
        self.table.clicked.connect(lambda _index: self._row_clicked())
        self.model.modelReset.connect(self._update_results_label)
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._save_splitter())

    @property
    def actions_for_menu(self) -> list[QAction]:
        """The desk's actions, for a menu of the main window (their keys work on the desk)."""
        return [*self._menu_actions, self.export_xlsx_action, self.export_csv_action]

    # -- layout ------------------------------------------------------------------------


    def _fit_columns(self) -> None:
        """Give the result columns the list's width, by priority: nothing cut off."""
        available = self.table.viewport().width()
        if available <= 0:
            return
        columns = list(DeskResultsModel.COLUMNS)
        shown = list(columns)
        for name in HIDDEN_FIRST:
            comfortable = sum(COLUMN_WIDTHS[c][0] for c in shown)
            narrowest = sum(COLUMN_WIDTHS[c][1] for c in shown)
            must = narrowest > available
            if comfortable > available and (name != "jabatan" or must):
                shown.remove(name)
        comfortable = sum(COLUMN_WIDTHS[c][0] for c in shown)
        narrowest = sum(COLUMN_WIDTHS[c][1] for c in shown)
        if comfortable <= available:
            extra = available - comfortable
            widths = {c: COLUMN_WIDTHS[c][0] for c in shown}
            widths["name"] += extra * 6 // 10
            widths["instansi"] += extra - extra * 6 // 10
        else:
            share = max(0.0, (available - narrowest) / max(1, comfortable - narrowest))
            widths = {
                c: int(COLUMN_WIDTHS[c][1]
                       + share * (COLUMN_WIDTHS[c][0] - COLUMN_WIDTHS[c][1]))
                for c in shown
            }  # fmt: skip
            widths["name"] += max(0, available - sum(widths.values()))
        for number, name in enumerate(columns):
            self.table.setColumnHidden(number, name not in shown)
            if name in shown:
                self.table.setColumnWidth(number, widths[name])

    def _ui_state(self) -> Any:
        from ..mainwindow import ui_state  # the one place UI state lives

        return ui_state()

    def _restore_splitter(self) -> None:
        state = self._ui_state().value(SPLITTER_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)

    def _save_splitter(self) -> None:
        self._ui_state().setValue(SPLITTER_KEY, self.splitter.saveState())

    # -- the event -----------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Work on another event's list (None: nothing)."""
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        event = self._storage.get_event(event_id) if event_id is not None else None
        self._timezone = event.timezone if event is not None else "WIB"
        self._search_timer.stop()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.model.set_event(event_id, self._timezone)
        self._select_row(0)
        self.feedback.show_message("idle", self.tr("Type a name or scan a QR code."))
        self.refresh_counts()
        self.refresh_phone_walk_ins()
        self.focus_search()

    @property
    def event_id(self) -> int | None:
        """The event at the desk."""
        return self._event_id

    def _desk(self) -> desk.Desk:
        return desk.Desk(
            station=self._settings.effective_station, operator=self._settings.operator_name
        )

    def focus_search(self) -> None:
        """Give the keys back to the search field (after every action)."""
        if self.signature_dialog is not None:
            return  # the pad keeps the keys (a scanner's next code among them)
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _back_from_dialog(self) -> None:
        """After one of the desk's dialogs: this window and the search field get the keys."""
        window = self.window()
        if not window.isActiveWindow():
            window.activateWindow()
        self.focus_search()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._event_id is not None:
            self._look_for_changes()  # what changed while another area was shown
            if not self._settings.operator_name.strip() and not self._asked_operator:
                QTimer.singleShot(0, self.ask_operator)  # once the desk is on screen
        self.focus_search()

    def ask_operator(self) -> None:
        """Ask for the operator's and the desk's names (once, when the operator is unset).

        Both go into the preferences, as *Edit → Preferences* would save them; "Later"
        opens the desk without them (and it does not ask again in this session).
        """
        if self._asked_operator or not self.isVisible():
            return
        self._asked_operator = True
        dialog = DeskOperatorDialog(self._settings, self)
        accepted = dialog.exec()
        self._back_from_dialog()
        if not accepted:
            return
        dialog.apply_to(self._settings)
        try:
            save_settings(self._settings)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Preferences not saved"),
                self.tr("The names are used until the app closes, but could not be saved: "
                        "{error}").format(error=exc),
            )  # fmt: skip
            self._back_from_dialog()
        self.settings_changed.emit()

    def hideEvent(self, event: Any) -> None:
        # Nothing runs behind another area's back (or after the window closed).
        self._inside_timer.stop()
        self._counts_timer.stop()  # counted again when shown (_look_for_changes)
        super().hideEvent(event)

    # -- search ------------------------------------------------------------------------

    def run_search(self) -> None:
        """Search for what is typed now (normally right after a key, coalesced)."""
        self._search_timer.stop()
        self._inside_timer.stop()
        if self._event_id is None:
            return
        self.model.set_query(self.search_edit.text())
        self._select_unambiguous()
        if self.model.rowCount() == 0 and self.model.query.strip():
            self._inside_timer.start()

    def search_inside(self) -> None:
        """Nothing starts with what was typed: look for it inside words ("wati")."""
        self._inside_timer.stop()
        if self._event_id is None or self.model.query != self.search_edit.text():
            return
        self.model.search_inside()
        self._select_unambiguous()

    def match_count(self) -> int:
        """How many people the typed text matches as far as read (see ``matches_complete``)."""
        return self.model.rowCount() if self.model.query.strip() else 0

    def matches_complete(self) -> bool:
        """Whether every match of the typed text is read (not only the first page)."""
        return not self.model.canFetchMore()

    def _select_unambiguous(self) -> None:
        """Select what Enter may check in without asking: the only match, nothing else.

        With several matches nothing is selected until the operator moves to a row
        (the first ↓ selects the top one). With nothing typed the latest arrival is
        selected, for F4/F8/F9 after a check-in.
        """
        self._row_chosen = False
        if not self.model.query.strip() or (
            self.model.rowCount() == 1 and self.matches_complete()
        ):
            self._select_row(0)
        else:
            self.table.selectionModel().clearSelection()
            self.table.scrollToTop()

    def _update_results_label(self) -> None:
        query = self.model.query.strip()
        if not query:
            self.results_label.setText(self.tr("Latest arrivals"))
        elif self.model.rowCount() == 0:
            self.results_label.setText(
                self.tr("No match for “{query}”").format(query=query)
            )
        elif self.model.rowCount() == 1:
            self.results_label.setText(
                self.tr("One match for “{query}”: Enter checks in").format(query=query)
            )
        else:
            self.results_label.setText(
                self.tr("Matches for “{query}”: choose with ↑↓, then Enter").format(query=query)
            )

    def _select_row(self, row: int) -> None:
        count = self.model.rowCount()
        selection = self.table.selectionModel()
        if count == 0:
            selection.clearSelection()
            return
        row = max(0, min(row, count - 1))
        index = self.model.index(row, 0)
        selection.setCurrentIndex(
            index,
            selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def selected_row(self) -> desk.DeskRow | None:
        """The invitee chosen in the list: the only match, or the row moved to."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _move_selection(self, delta: int) -> None:
        if self.model.query != self.search_edit.text():
            self.run_search()
        current = self.table.selectionModel().selectedRows()
        row = current[0].row() if current else -1
        target = row + delta
        while target >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        self._select_row(max(0, target))
        self._row_chosen = self.selected_row() is not None

    def _row_clicked(self) -> None:
        """A click on a row chooses it: Enter (or a double click) checks it in."""
        self._row_chosen = self.selected_row() is not None
        self.focus_search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
            return False
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            page = max(1, self.table.viewport().height() // max(1, self.table.rowHeight(0) or 1))
            moves = {
                Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: page, Qt.Key.Key_PageUp: -page,
            }  # fmt: skip
            if key in moves:
                self._move_selection(moves[Qt.Key(key)])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commit_entry()
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                # Some scanners end a code with Tab: the same as Enter. Otherwise Tab
                # stays here: the field is the only place that takes keys.
                if desk.extract_checkin_code(self.search_edit.text()):
                    self.commit_entry()
                return True
            if key == Qt.Key.Key_Escape:
                self.clear_entry()
                return True
        return super().eventFilter(watched, event)

    def clear_entry(self) -> None:
        """Esc: empty the field (a second Esc also clears the message)."""
        if not self.search_edit.text():
            self.feedback.show_message("idle", self.tr("Type a name or scan a QR code."))
        self.search_edit.clear()
        self.run_search()

    # -- checking in -------------------------------------------------------------------

    def commit_entry(self) -> None:
        """Enter: check in the scanned or typed code, else an unambiguous match.

        Unambiguous: the only match, or the row the operator moved to with the arrows
        or clicked. With several matches and none chosen, nobody is checked in: the
        panel asks to choose (a partial name must never check in the top match).
        """
        if self._event_id is None:
            return
        text = self.search_edit.text()
        self._search_timer.stop()
        code_error: RakorError | None = None
        code = desk.extract_checkin_code(text)
        if code is not None:
            try:
                result = desk.checkin_by_code(
                    self._storage, self._event_id, code, self._desk(), clock=self._clock
                )
            except NotFoundError as exc:
                code_error = exc  # perhaps a name after all: search below
            except RakorError as exc:
                self._show_error(str(exc))
                return
            else:
                self._after_checkin(result)
                return
        if not text.strip():
            # Nothing typed: a second Enter (scanners sending CR and LF) does nothing,
            # rather than checking in the latest arrival again.
            return
        if self.model.query != text:
            self.run_search()
        if self.model.rowCount() == 0:
            self.search_inside()
        row = self.selected_row()
        if row is None and self.model.rowCount() > 0:
            self._ask_to_choose()
            return
        if row is None:
            if code_error is not None:
                self._show_error(str(code_error), self.tr("Unknown code"))
            else:
                self._show_error(
                    self.tr("Nobody on the list matches “{query}”. Press {key} to register "
                            "a walk-in.").format(query=text.strip(), key=SHORTCUTS["walk_in"]),
                    self.tr("Not found"),
                )
            self.search_edit.selectAll()
            return
        self._check_in(row.invitee_id)

    def _choose_text(self) -> str:
        count = self.model.rowCount()
        if self.matches_complete():
            return self.tr("%n people match — choose one with ↑↓, then press Enter", "", count)
        return self.tr("More than %n people match — type more of the name, or choose one "
                       "with ↑↓ and press Enter", "", count)

    def _ask_to_choose(self) -> None:
        """Several matches and none chosen: say so, check in nobody, keep what was typed."""
        self.feedback.show_message(
            "info",
            self._choose_text(),
            "",
            self.tr("Nobody was checked in. Or type more of the name, or click the person."),
        )
        self.focus_search()

    def _check_in_row(self, row_number: int) -> None:
        row = self.model.row_at(row_number)
        if row is not None:
            self._check_in(row.invitee_id)

    def _check_in(self, invitee_id: int, *, note: str = "") -> None:
        try:
            result = desk.checkin_invitee(self._storage, invitee_id, self._desk(),
                                          clock=self._clock)
        except RakorError as exc:
            self._show_error(str(exc))
            return
        self._after_checkin(result, note=note)

    def _after_checkin(self, result: CheckinResult, *, note: str = "",
                       ask_signature: bool = True) -> None:
        """Say what happened, clear the field for the next person, refresh soon."""
        invitee = result.invitee
        assert invitee.id is not None
        clock_text = format_clock(result.checked_in_at, self._timezone)
        row = next(iter(self._storage.desk_rows([invitee.id])), None)
        person = invitee.person
        name = format_name(person.name, person.front_titles, person.back_titles)
        details = " · ".join(x for x in (invitee.jabatan, invitee.instansi) if x)
        if row is not None and row.on_behalf_name:
            delegate = " · ".join(
                x for x in (row.on_behalf_jabatan, row.on_behalf_instansi) if x
            )
            details = self.tr("on behalf of {name}").format(name=name) + (
                f"\n{delegate}" if delegate else ""
            )
            name = row.on_behalf_name
        if note:
            details = f"{details}\n{note}" if details else note
        if result.already_present:
            headline = self.tr("Already present since {time} {tz} — not counted again").format(
                time=clock_text, tz=self._timezone
            )
            kind = "already"
        else:
            headline = self.tr("Checked in at {time} {tz}").format(
                time=clock_text, tz=self._timezone
            )
            kind = "ok"
        self.feedback.show_message(kind, headline, name, details, invitee_id=invitee.id)
        self._reset_field()
        row_number = self.model.row_of(invitee.id)
        self._select_row(max(0, row_number))
        if not result.already_present:
            self._count_arrival(invitee.group_name, result.checked_in_at)
            self._attendance_changed(recount=bool(note))
            self.checked_in.emit(invitee.id)
            if ask_signature and self.ask_signature_check.isChecked():
                self._ask_signature(invitee.id, name)
        self.focus_search()

    def _reset_field(self) -> None:
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._search_timer.stop()
        self._row_chosen = False
        if self.model.query:
            self.model.set_query("")
        else:
            self.model.refresh()

    def _count_arrival(self, group_name: str, moment: datetime) -> None:
        """One more arrival in the counts and the chart, at once and without a query."""
        groups = desk.with_present(self.counts_model.groups, group_name)
        slots = desk.with_arrival(self.chart.slots, moment, self._timezone)
        if groups is None or slots is None:
            self._counts_timer.start()  # a new group, an earlier clock: count again
            return
        self.counts_model.set_counts(groups)
        self._show_total(groups)
        self.chart.set_slots(slots)

    def _show_total(self, groups: list[desk.GroupCount]) -> None:
        present = sum(g.present for g in groups)
        invited = sum(g.invited for g in groups)
        share = round(100 * present / invited) if invited else 0
        self.total_label.setText(
            self.tr("Present {present} of {invited} ({share} %)").format(
                present=present, invited=invited, share=share
            )
        )

    def _attendance_changed(self, *, recount: bool = True) -> None:
        if recount:
            self._counts_timer.start()
        if self._event_id is not None:
            self.attendance_changed.emit(self._event_id)

    def _show_error(self, message: str, headline: str = "") -> None:
        self.feedback.show_message("error", headline or self.tr("Not checked in"), message)
        self.focus_search()

    def _target(self) -> desk.DeskRow | None:
        """The invitee F3/F4/F8/F9 act on: the selected one, else the last one shown.

        While a name is typed only the selected match counts (the only one, or the row
        moved to): never the person of the last message, nor the top of several.
        """
        row = self.selected_row()
        if row is None and self.feedback.invitee_id is not None and not (
            self.search_edit.text().strip()
        ):
            row = next(iter(self._storage.desk_rows([self.feedback.invitee_id])), None)
        return row

    def _need_target(self) -> desk.DeskRow | None:
        if self.model.query != self.search_edit.text():
            self.run_search()
        row = self._target()
        if row is None:
            message = (
                self._choose_text() if self.match_count() > 1
                else self.tr("Choose the person first: type the name, then press the key "
                             "again.")
            )
            self._show_error(message, self.tr("Nobody selected"))
        return row

    # -- walk-ins and delegates --------------------------------------------------------

    def walk_in(self) -> None:
        """F2: register someone not on the list and check them in."""
        if self._event_id is None:
            return
        typed = self.search_edit.text().strip()
        prefill = "" if desk.extract_checkin_code(typed) else typed
        dialog = WalkInDialog(
            self._storage, self._event_id, self._storage.event_group_names(self._event_id),
            prefill, self, timezone=self._timezone,
        )  # fmt: skip
        accepted = dialog.exec()
        self._back_from_dialog()
        if not accepted:
            return
        if dialog.chosen_invitee_id is not None:  # on the list after all: no new person
            chosen = next(iter(self._storage.desk_rows([dialog.chosen_invitee_id])), None)
            already = chosen is not None and chosen.first_checkin_at is not None
            self._check_in(
                dialog.chosen_invitee_id,
                note="" if already else self.tr("On the invitation list: checked in as invited."),
            )
            return
        try:
            walk_in = desk.register_walk_in(
                self._storage,
                self._event_id,
                dialog.name_edit.text(),
                self._desk(),
                jabatan=dialog.jabatan_edit.text(),
                instansi=dialog.instansi_edit.text(),
                group_name=dialog.group_combo.currentText(),
                phone=dialog.phone_edit.text(),
                clock=self._clock,
            )
        except RakorError as exc:
            self._show_error(str(exc))
            return
        note = (
            self.tr("Was on the invitation list already.")
            if walk_in.was_invited
            else self.tr("Registered as a walk-in.")
        )
        self._after_checkin(walk_in.checkin, note=note)
        if not walk_in.was_invited:
            self.invitees_changed.emit(self._event_id)

    def check_in_on_behalf(self) -> None:
        """F3: a delegate came in the selected invitee's place (*mewakili*)."""
        if self._event_id is None:
            return
        if self.model.query != self.search_edit.text():
            self.run_search()
        row = self._need_target()
        if row is None:
            return
        if row.first_checkin_at is not None:
            self._check_in(row.invitee_id)  # says "already present since …"
            return
        dialog = OnBehalfDialog(desk.display_name(row), row.instansi, self)
        accepted = dialog.exec()
        self._back_from_dialog()
        if not accepted:
            return
        try:
            result = desk.checkin_on_behalf(
                self._storage,
                row.invitee_id,
                self._desk(),
                delegate_name=dialog.name_edit.text(),
                delegate_jabatan=dialog.jabatan_edit.text(),
                delegate_instansi=dialog.instansi_edit.text(),
                delegate_front_titles=dialog.front_titles_edit.text(),
                delegate_back_titles=dialog.back_titles_edit.text(),
                delegate_nip=dialog.nip_edit.text(),
                delegate_pangkat=dialog.pangkat_edit.text(),
                delegate_golongan=dialog.golongan_edit.text(),
                delegate_phone=dialog.phone_edit.text(),
                clock=self._clock,
            )
        except RakorError as exc:
            self._show_error(str(exc))
            return
        self._after_checkin(result)

    # -- signature, undo, history ------------------------------------------------------

    def sign(self) -> None:
        """F4: give (or give again) the signature of the selected, present invitee."""
        row = self._need_target()
        if row is None:
            return
        if row.first_checkin_at is None:
            self._show_error(
                self.tr("{name} is not checked in yet.").format(name=desk.display_name(row))
            )
            return
        self._ask_signature(row.invitee_id, row.on_behalf_name or desk.display_name(row))

    def _ask_signature(self, invitee_id: int, who: str) -> None:
        """Open the pad for this person; while someone else is signing, they sign next.

        A busy desk keeps scanning while a guest signs: each scan checks the next guest
        in at once (see ``_scanned_while_signing``) and their pad opens when the current
        one is saved or skipped. Nothing typed or drawn is lost.
        """
        if any(queued == invitee_id for queued, _who in self._signature_queue):
            return
        self._signature_queue.append((invitee_id, who))
        if self.signature_dialog is not None:  # someone is signing: this one waits
            self.signature_dialog.show_waiting(self._waiting_names())
            return
        while self._signature_queue:
            signer_id, signer = self._signature_queue.pop(0)
            dialog = SignatureDialog(signer, self)
            dialog.show_waiting(self._waiting_names())
            dialog.scanned.connect(self._scanned_while_signing)
            self.signature_dialog = dialog
            try:
                accepted = dialog.exec()
            finally:
                self.signature_dialog = None
            png = dialog.png if accepted else b""
            dialog.deleteLater()
            if png:
                self._save_signature(signer_id, signer, png)
        self._back_from_dialog()

    def _waiting_names(self) -> list[str]:
        return [who for _id, who in self._signature_queue]

    def _save_signature(self, invitee_id: int, who: str, png: bytes) -> None:
        """Store the signature; the panel names the person who signed."""
        try:
            desk.add_signature(self._storage, invitee_id, png, self._desk(), clock=self._clock)
        except RakorError as exc:
            self._show_error(str(exc), self.tr("Signature not saved"))
            return
        if self.feedback.invitee_id == invitee_id and self.feedback.kind in ("ok", "already"):
            # Still the message about this person's check-in: add to it.
            self.feedback.show_message(
                self.feedback.kind, self.feedback.headline.text(), self.feedback.name.text(),
                self.tr("Signature saved."), invitee_id=invitee_id,
            )  # fmt: skip
        else:
            self.feedback.show_message(
                "ok", self.tr("Signature saved"), who, invitee_id=invitee_id
            )

    # -- walk-ins from phones (issue 14) ---------------------------------------------------

    @property
    def clock(self) -> Clock:
        """The clock the desk stamps with."""
        return self._clock

    @property
    def storage(self) -> Storage:
        """The database the desk works on."""
        return self._storage

    @property
    def timezone(self) -> str:
        """The event's time zone (WIB, WITA, WIT)."""
        return self._timezone

    def desk_identity(self) -> desk.Desk:
        """This desk (station and operator), as the operations record it."""
        return self._desk()

    def phone_walk_ins_waiting(self) -> int:
        """How many walk-ins from phones wait for a desk."""
        from rakor_desktop.models import PhoneWalkInStatus

        if self._event_id is None:
            return 0
        return self._storage.count_phone_walkins(self._event_id, PhoneWalkInStatus.WAITING)

    def refresh_phone_walk_ins(self) -> None:
        """The banner says how many walk-ins from phones wait (hidden when none)."""
        waiting = self.phone_walk_ins_waiting()
        self.phone_banner.setText(self.tr(
            "F7  %n walk-in(s) from phones waiting for a desk: confirm or refuse", "",
            waiting))
        self.phone_banner.setVisible(waiting > 0)

    def show_phone_walk_ins(self) -> None:
        """F7: the walk-ins from phones, to confirm (registered, present) or refuse."""
        from .phone_walkins import PhoneWalkInsDialog

        if self._event_id is None:
            return
        dialog = PhoneWalkInsDialog(self)
        dialog.confirmed.connect(self._phone_walk_in_confirmed)
        dialog.exec()
        dialog.deleteLater()
        self.refresh_phone_walk_ins()
        self._back_from_dialog()

    def _phone_walk_in_confirmed(self, decision: Any) -> None:
        if decision.checkin is None:
            return
        self._after_checkin(decision.checkin, note=self.tr(
            "Registered as a walk-in from a phone, with their signature."),
            ask_signature=False)
        if self._event_id is not None:
            self.invitees_changed.emit(self._event_id)

    def phone_walk_ins_changed(self) -> None:
        """A walk-in from a phone was confirmed or refused here: the list and counts."""
        self.refresh_phone_walk_ins()
        self.model.refresh()
        self._attendance_changed()

    def _scanned_while_signing(self, text: str) -> None:
        """A scan arrived while the pad is open: check that guest in now, sign later."""
        dialog = self.signature_dialog
        code = desk.extract_checkin_code(text)
        if self._event_id is None or dialog is None:
            return
        if code is None:
            note = self.tr("“{text}” is not a check-in code: nobody was checked in.").format(
                text=text.strip()
            )
            dialog.show_waiting(self._waiting_names(), note, error=True)
            return
        try:
            result = desk.checkin_by_code(
                self._storage, self._event_id, code, self._desk(), clock=self._clock
            )
        except RakorError as exc:
            self._show_error(str(exc))
            dialog.show_waiting(self._waiting_names(), str(exc), error=True)
            return
        self._after_checkin(result)  # the panel behind says it; their pad is queued
        person = result.invitee.person
        name = format_name(person.name, person.front_titles, person.back_titles)
        clock_text = format_clock(result.checked_in_at, self._timezone)
        if result.already_present:
            note = self.tr("Scanned: {name} — already present since {time}.")
        else:
            note = self.tr("Scanned: {name} — checked in at {time}.")
        dialog.show_waiting(self._waiting_names(), note.format(name=name, time=clock_text))

    def undo(self) -> None:
        """F8: undo the selected invitee's check-in, with a reason."""
        if self._event_id is None:
            return
        row = self._need_target()
        if row is None:
            return
        if row.first_checkin_at is None:
            self._show_error(
                self.tr("{name} is not checked in.").format(name=desk.display_name(row))
            )
            return
        dialog = UndoDialog(
            desk.display_name(row), format_clock(row.first_checkin_at, self._timezone), self
        )
        accepted = dialog.exec()
        self._back_from_dialog()
        if not accepted:
            return
        try:
            desk.undo_checkin(
                self._storage, row.invitee_id, dialog.reason, self._desk(), clock=self._clock
            )
        except RakorError as exc:
            self._show_error(str(exc), self.tr("Not undone"))
            return
        self.feedback.show_message(
            "info",
            self.tr("Check-in undone"),
            desk.display_name(row),
            self.tr("Reason: {reason}").format(reason=dialog.reason),
            invitee_id=row.invitee_id,
        )
        chosen = self._row_chosen
        self.model.refresh()
        if self.model.row_of(row.invitee_id) >= 0:
            self._select_row(self.model.row_of(row.invitee_id))
            self._row_chosen = chosen
        else:
            self._select_unambiguous()
        self._attendance_changed()

    def show_history(self) -> None:
        """F9: every entry of the log about the selected invitee."""
        row = self._need_target()
        if row is None:
            return
        try:
            entries = desk.checkin_history(self._storage, row.invitee_id)
        except RakorError as exc:
            self._show_error(str(exc))
            return
        model = HistoryModel(entries, self._timezone)
        dialog = HistoryDialog(
            desk.display_name(row), model, desk.latest_signature(self._storage, row.invitee_id),
            self,
        )
        dialog.exec()
        self._back_from_dialog()

    # -- counts and changes from elsewhere ------------------------------------------------

    def refresh_counts(self) -> None:
        """Present / invited in total and per group, and the arrivals chart."""
        self._counts_timer.stop()
        if self._event_id is None:
            self.counts_model.set_counts([])
            self.chart.set_slots([])
            self.total_label.clear()
            return
        groups = desk.counts_per_group(self._storage, self._event_id)
        self.counts_model.set_counts(groups)
        self._show_total(groups)
        self.chart.set_slots(
            desk.arrivals_per_ten_minutes(self._storage, self._event_id, self._timezone)
        )

    def apply_changes(self, changes: Changes) -> None:
        """The window's runner announced a commit (``changed``): show what concerns the desk.

        The desk refreshes itself after its own check-ins; here it catches up with
        the others' (another program, another desk, an import): ``everything``.
        A hidden desk catches up when it is shown again.
        """
        if changes.touched("attendance") and changes.concerns(self._event_id):
            self.refresh_phone_walk_ins()  # one count: cheap, also while hidden
        elsewhere = changes.changed_elsewhere("attendance") or changes.changed_elsewhere(
            "invitees")
        if elsewhere and changes.concerns(self._event_id) and self.isVisible():
            self._look_for_changes()

    def _look_for_changes(self) -> None:
        """Read the list and the counts again (someone else may have written)."""
        if self._event_id is None:
            return
        if not self._storage.event_exists(self._event_id):
            self.set_event(None)
            return
        selected = self.selected_row()
        chosen = self._row_chosen
        self.model.refresh()
        row = self.model.row_of(selected.invitee_id) if selected else -1
        if row >= 0:
            self._select_row(row)
            self._row_chosen = chosen
        else:
            self._select_unambiguous()  # never the top of several by itself
        self.refresh_counts()

    # -- export ------------------------------------------------------------------------

    def export_attendance(self, kind: str) -> None:
        """Ask where, then write the attendance as XLSX or CSV in the background."""
        if self._event_id is None or self._export_cancel is not None:
            return
        event = self._storage.get_event(self._event_id)
        if event is None:
            return
        suggested = Path.home() / (
            f"Daftar Hadir {event.date.isoformat()} {_file_safe(event.title)}.{kind}"
        )
        filters = (
            self.tr("Excel workbooks (*.xlsx)") if kind == "xlsx" else self.tr("CSV files (*.csv)")
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export attendance"), str(suggested), filters
        )
        self._back_from_dialog()
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        self.start_export(kind, target)

    def start_export(self, kind: str, target: Path) -> None:
        """Write the attendance to ``target`` in the background (no dialog)."""
        if self._event_id is None or self._export_cancel is not None:
            return
        database, event_id = self._storage.path, self._event_id
        self.status_label.setText(self.tr("Exporting to {path}…").format(path=target))

        def finish() -> None:
            self._export_cancel = None
            self.focus_search()

        def done(count: Any) -> None:
            finish()
            self.status_label.setText(
                self.tr("{count} arrivals saved to {path}").format(count=count, path=target)
            )
            self.export_finished.emit(str(target))

        def cancelled(_message: str) -> None:
            finish()
            self.status_label.setText(self.tr("Export cancelled."))

        def failed(message: str) -> None:
            finish()
            self.status_label.setText(message)
            self.export_failed.emit(message)
            QMessageBox.warning(self, self.tr("Export failed"), message)
            self._back_from_dialog()

        handle = run_with_progress(
            self, title=self.tr("Export attendance"), label=self.tr("Exporting the attendance…"),
            work=lambda progress: _export_in_worker(database, event_id, kind, target, progress),
            on_done=done, on_cancel=cancelled, on_error=failed,
        )  # fmt: skip
        self._export_cancel = handle.cancel


def _export_in_worker(
    database: Path, event_id: int, kind: str, target: Path, progress: Progress
) -> int:
    """Runs in a worker thread, on a connection of its own."""
    check = progress.check
    storage = Storage.open(database, backup=False, check=False)
    try:
        if kind == "xlsx":
            return export_attendance_xlsx(storage, event_id, target, progress=check)
        return export_attendance_csv(storage, event_id, target)
    finally:
        storage.close()

