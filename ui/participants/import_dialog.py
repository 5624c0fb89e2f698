"""The import of an invitation list (a workbook or CSV): file, sheet, columns, preview, import.

The secretariat chooses a file (and a sheet; for CSV, the encoding detected can
be corrected); it is read in the background while a busy bar runs. The dialog
shows the row of column titles found and, per column of the file, a choice of
what it holds (correcting one previews again); a preview of every person row,
rows with errors (no name) in a warning colour with the problem, rows with
warnings (a NIP Excel rounded, left empty) in a lighter one, each with a check
box to exclude it; a NIP can be typed in the preview (double-click or F2); the
duplicates found with their decision, which can be changed; and a summary
("148 new, 2 merged, 3 skipped, 1 with problems"). Import stays disabled while
rows with errors are included; rows with warnings are imported. Enter presses
Import. The import itself runs in the background, all or nothing (see
:mod:`rakor_desktop.importers.preview` and
:mod:`rakor_desktop.operations.invitation_import`). The dialog fits a 1366×728 laptop
screen (about 640 pixels tall).

After ``exec()``, :attr:`ImportDialog.report` holds what was imported (None when
nothing was).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.formatting import format_name, format_nip
from rakor_desktop.importers import Column, SheetData
from rakor_desktop.importers.csv_import import ENCODINGS
from rakor_desktop.importers.preview import (
    Decision,
    ImportPreview,
    PreviewOutdatedError,
    PreviewRow,
    preview_import,
    preview_sheet,
)
from rakor_desktop.messages import RakorError
from rakor_desktop.models import Role
from rakor_desktop.operations.invitation_import import ImportReport, apply_import
from rakor_desktop.storage import Storage

from ..models import ColumnTableModel
from ..tasks import run_in_background
from ..widgets import ERROR_STYLE

log = logging.getLogger("rakor.ui.import")

Index = QModelIndex | QPersistentModelIndex
PROBLEM_BACKGROUND = QColor("#fde0d6")
PROBLEM_FOREGROUND = QColor("#8a1c00")
EXCLUDED_FOREGROUND = QColor("#8c8c8c")
WARNING_BACKGROUND = QColor("#fff4cc")
ALLOWED_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role of a decision cell: the decisions allowed for its row."""
FILE_FILTER_EXTENSIONS = "*.xlsx *.xlsm *.xls *.ods *.csv *.txt"
DIALOG_SIZE = (1100, 620)
"""The size the dialog opens at: with its title bar it fits a 1366×728 laptop screen."""
REMAP_DELAY_MS = 350


def decision_label(decision: Decision) -> str:
    """What a decision is called on screen."""
    return {
        Decision.ADD: QCoreApplication.translate("ImportDialog", "Add as new"),
        Decision.MERGE: QCoreApplication.translate("ImportDialog", "Merge"),
        Decision.SKIP: QCoreApplication.translate("ImportDialog", "Skip"),
    }[decision]


def column_labels() -> dict[Column, str]:
    """The fields a column of the file can hold, as offered in the column choices."""
    return {
        Column.NAME: QCoreApplication.translate("ImportDialog", "Name (Nama)"),
        Column.TITLES: QCoreApplication.translate("ImportDialog", "Titles (Gelar)"),
        Column.FRONT_TITLES: QCoreApplication.translate(
            "ImportDialog", "Front titles (Gelar depan)"
        ),
        Column.BACK_TITLES: QCoreApplication.translate(
            "ImportDialog", "Back titles (Gelar belakang)"
        ),
        Column.NIP: QCoreApplication.translate("ImportDialog", "NIP/NRP"),
        Column.NRP: QCoreApplication.translate("ImportDialog", "NRP (Polri/TNI)"),
        Column.PANGKAT_GOLONGAN: QCoreApplication.translate(
            "ImportDialog", "Rank and grade (Pangkat/Golongan)"
        ),
        Column.PANGKAT: QCoreApplication.translate("ImportDialog", "Rank (Pangkat)"),
        Column.GOLONGAN: QCoreApplication.translate("ImportDialog", "Grade (Golongan)"),
        Column.JABATAN: QCoreApplication.translate("ImportDialog", "Position (Jabatan)"),
        Column.INSTANSI: QCoreApplication.translate(
            "ImportDialog", "Institution (Instansi/Unit Kerja)"
        ),
        Column.GROUP: QCoreApplication.translate("ImportDialog", "Group (Kelompok/Kategori)"),
        Column.PHONE: QCoreApplication.translate("ImportDialog", "Phone (No. HP)"),
        Column.GENDER: QCoreApplication.translate("ImportDialog", "Sex (L/P)"),
        Column.ROLE: QCoreApplication.translate("ImportDialog", "Role (Peran)"),
        Column.NO: QCoreApplication.translate("ImportDialog", "Row number (No.)"),
    }


def role_label(role: Role) -> str:
    """An invitee's role as shown in the preview."""
    return {
        Role.PESERTA: QCoreApplication.translate("ImportDialog", "participant"),
        Role.NARASUMBER: QCoreApplication.translate("ImportDialog", "speaker"),
        Role.MODERATOR: QCoreApplication.translate("ImportDialog", "moderator"),
        Role.PANITIA: QCoreApplication.translate("ImportDialog", "committee"),
    }[role]


def column_letter(index: int) -> str:
    """A column as a spreadsheet names it: 0 → "A", 26 → "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# -- the preview of the rows ------------------------------------------------------------------


class PreviewTableModel(ColumnTableModel):
    """The person rows of an import preview with the decision of each.

    The first column is a check box: unticking it excludes the row (decision
    "skip"); ticking it again restores the decision proposed (or merge for a
    duplicate proposed to be skipped). The model keeps the user's decisions.

    The NIP column is editable where the file has a NIP column: what is typed
    is handed to the dialog (:attr:`nip_typed`), which corrects the cell and
    previews again.

    Signals:
        decisions_changed: a decision changed (from here or from the duplicates).
        nip_typed(int, str): a NIP was typed for the row with this row number.
    """

    COLUMNS = (
        "include", "row", "name", "status", "nip", "pangkat", "jabatan", "instansi", "group",
        "phone", "gender", "role",
    )  # fmt: skip
    ALL, PROBLEMS, DUPLICATES = range(3)

    decisions_changed = Signal()
    nip_typed = Signal(int, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self.decisions: dict[int, Decision] = {}
        self._filter = self.ALL
        self._shown: list[PreviewRow] = []

    # -- what to show ---------------------------------------------------------------------

    def set_preview(
        self, preview: ImportPreview | None, keep: dict[int, Decision] | None = None
    ) -> None:
        """Show another preview; the decisions start as proposed.

        Args:
            preview: The preview, or None for none.
            keep: Earlier decisions to keep where they still fit their row (the
                same rows read again with corrected columns).
        """
        self.beginResetModel()
        self.preview = preview
        self.decisions = {}
        if preview is not None and keep:
            rows = {r.row: r for r in preview.rows}
            self.decisions = {
                number: decision
                for number, decision in keep.items()
                if number in rows
                and decision in rows[number].allowed
                and decision != rows[number].proposed
            }
        self._shown = self._rows_shown()
        self.endResetModel()
        self.decisions_changed.emit()

    def set_filter(self, which: int) -> None:
        """Show all rows, only the rows with problems, or only the duplicates."""
        if which != self._filter:
            self.beginResetModel()
            self._filter = which
            self._shown = self._rows_shown()
            self.endResetModel()

    def _rows_shown(self) -> list[PreviewRow]:
        if self.preview is None:
            return []
        if self._filter == self.PROBLEMS:
            return [r for r in self.preview.rows if r.problems or r.warnings]
        if self._filter == self.DUPLICATES:
            return [r for r in self.preview.rows if r.duplicate is not None]
        return list(self.preview.rows)

    def preview_row(self, row: int) -> PreviewRow | None:
        """The preview row shown in table row ``row``."""
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def table_row_of(self, row_number: int) -> int:
        """The table row showing file row ``row_number``, or -1."""
        return next((i for i, r in enumerate(self._shown) if r.row == row_number), -1)

    # -- decisions ------------------------------------------------------------------------

    def decision(self, row: PreviewRow) -> Decision:
        """The decision in force for a row."""
        return self.decisions.get(row.row, row.proposed)

    def set_decision(self, row_number: int, decision: Decision) -> None:
        """Decide what to do with a row of the file."""
        assert self.preview is not None
        row = self.preview.row(row_number)
        if decision not in row.allowed:
            return
        if decision == row.proposed:
            self.decisions.pop(row_number, None)
        else:
            self.decisions[row_number] = decision
        shown = self.table_row_of(row_number)
        if shown >= 0:
            self.dataChanged.emit(self.index(shown, 0), self.index(shown, len(self.COLUMNS) - 1))
        self.decisions_changed.emit()

    # -- Qt model interface ---------------------------------------------------------------

    def row_count(self) -> int:
        return len(self._shown)

    def column_titles(self) -> dict[str, str]:
        return {
            "include": QCoreApplication.translate("ImportDialog", "Import"),
            "row": QCoreApplication.translate("ImportDialog", "Row"),
            "name": QCoreApplication.translate("ImportDialog", "Name"),
            "nip": QCoreApplication.translate("ImportDialog", "NIP/NRP"),
            "pangkat": QCoreApplication.translate("ImportDialog", "Rank/grade"),
            "jabatan": QCoreApplication.translate("ImportDialog", "Position"),
            "instansi": QCoreApplication.translate("ImportDialog", "Institution"),
            "group": QCoreApplication.translate("ImportDialog", "Group"),
            "phone": QCoreApplication.translate("ImportDialog", "Phone"),
            "gender": QCoreApplication.translate("ImportDialog", "L/P"),
            "role": QCoreApplication.translate("ImportDialog", "Role"),
            "status": QCoreApplication.translate("ImportDialog", "Status"),
        }

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.COLUMNS[index.column()]
        if column == "include":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif (
            column == "nip" and self.preview is not None and Column.NIP in self.preview.mapping
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.preview_row(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        decision = self.decision(row)
        blocking = bool(row.problems) and decision is not Decision.SKIP
        if role == Qt.ItemDataRole.CheckStateRole and column == "include":
            skipped = decision is Decision.SKIP
            return Qt.CheckState.Unchecked if skipped else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.BackgroundRole and blocking:
            return QBrush(PROBLEM_BACKGROUND)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and row.warnings
            and decision is not Decision.SKIP
        ):
            return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.EditRole and column == "nip":
            return row.raw_nip or format_nip(row.person.nip)
        if role == Qt.ItemDataRole.ForegroundRole:
            if blocking:
                return QBrush(PROBLEM_FOREGROUND)
            if decision is Decision.SKIP:
                return QBrush(EXCLUDED_FOREGROUND)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "nip" and Qt.ItemFlag.ItemIsEditable in self.flags(index):
                return "\n".join(
                    t
                    for t in (
                        row.warning_text(),
                        QCoreApplication.translate(
                            "ImportDialog", "Double-click (or F2) to type the NIP."
                        ),
                    )
                    if t
                )
            return self._status_text(row, decision) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "row":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        person = row.person
        if column == "include":
            return None
        if column == "row":
            return row.row
        if column == "name":
            return format_name(person.name, person.front_titles, person.back_titles)
        if column == "nip":
            return row.raw_nip or format_nip(person.nip)
        if column == "pangkat":
            return ", ".join(p for p in (person.pangkat, person.golongan) if p)
        if column == "jabatan":
            return person.jabatan
        if column == "instansi":
            return person.instansi
        if column == "group":
            return person.group_name
        if column == "phone":
            return person.phone
        if column == "gender":
            return person.gender
        if column == "role":
            return role_label(row.role)
        return self._status_text(row, decision)

    def _status_text(self, row: PreviewRow, decision: Decision) -> str:
        """Errors first; else the decision, then the warnings."""
        if row.problems:
            return row.problem_text()
        status = self._status(row, decision)
        return f"{status}; {row.warning_text()}" if row.warnings else status

    def _status(self, row: PreviewRow, decision: Decision) -> str:
        if row.duplicate is None:
            return decision_label(decision)
        return f"{decision_label(decision)}: {row.duplicate.describe()}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.preview_row(index.row()) if index.isValid() else None
        if row is None:
            return False
        if role == Qt.ItemDataRole.EditRole and self.COLUMNS[index.column()] == "nip":
            if Qt.ItemFlag.ItemIsEditable not in self.flags(index):
                return False
            typed = str(value or "").strip()
            if typed != (row.raw_nip or format_nip(row.person.nip)):
                self.nip_typed.emit(row.row, typed)
            return True
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        if self.COLUMNS[index.column()] != "include":
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        decision: Decision = (
            next(d for d in row.allowed if d is not Decision.SKIP) if checked else Decision.SKIP
        )
        self.set_decision(row.row, decision)
        return True


class DuplicateTableModel(ColumnTableModel):
    """The duplicates of a preview and their decisions (kept by the preview model)."""

    COLUMNS = ("row", "name", "found", "decision")

    def __init__(self, rows: PreviewTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows_model = rows
        self._duplicates: list[PreviewRow] = []
        rows.modelReset.connect(self._reload)
        rows.decisions_changed.connect(self._decisions_changed)
        self._reload()

    def _reload(self) -> None:
        preview = self._rows_model.preview
        self.beginResetModel()
        self._duplicates = (
            []
            if preview is None
            else [r for r in preview.rows if r.duplicate is not None and not r.problems]
        )
        self.endResetModel()

    def _decisions_changed(self) -> None:
        if self._duplicates:
            column = self.COLUMNS.index("decision")
            self.dataChanged.emit(
                self.index(0, column), self.index(len(self._duplicates) - 1, column)
            )

    def preview_row(self, row: int) -> PreviewRow | None:
        """The preview row shown in ``row``."""
        return self._duplicates[row] if 0 <= row < len(self._duplicates) else None

    def row_count(self) -> int:
        return len(self._duplicates)

    def column_titles(self) -> dict[str, str]:
        return {
            "row": QCoreApplication.translate("ImportDialog", "Row"),
            "name": QCoreApplication.translate("ImportDialog", "Name in the file"),
            "found": QCoreApplication.translate("ImportDialog", "Same person found"),
            "decision": QCoreApplication.translate("ImportDialog", "Decision"),
        }

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.COLUMNS[index.column()] == "decision":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.preview_row(index.row()) if index.isValid() else None
        if row is None or row.duplicate is None:
            return None
        column = self.COLUMNS[index.column()]
        if column == "decision":
            decision = self._rows_model.decision(row)
            if role == Qt.ItemDataRole.EditRole:
                return decision.value
            if role == ALLOWED_ROLE:
                return [d.value for d in row.allowed]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "row":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == "row":
            return row.row
        if column == "name":
            person = row.person
            return format_name(person.name, person.front_titles, person.back_titles)
        if column == "found":
            return row.duplicate.describe()
        return decision_label(self._rows_model.decision(row))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.preview_row(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.EditRole:
            return False
        if self.COLUMNS[index.column()] != "decision":
            return False
        try:
            decision = Decision(value)
        except ValueError:
            return False
        if decision not in row.allowed:
            return False
        self._rows_model.set_decision(row.row, decision)
        return True


class DecisionDelegate(QStyledItemDelegate):
    """A drop-down of the decisions allowed for a duplicate."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        for value in index.data(ALLOWED_ROLE) or []:
            editor.addItem(decision_label(Decision(value)), value)
        # A choice is a decision at once: the summary follows without leaving the cell.
        where = QPersistentModelIndex(index)
        editor.activated.connect(
            lambda _i: (
                where.isValid() and where.model().setData(where, editor.currentData())
            )
        )
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(0, found))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: Index,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


# -- background work (its own connection to the database) ---------------------------------


def _with_storage(db_path: Path, work: Callable[[Storage], Any]) -> Any:
    storage = Storage.open(db_path, backup=False, check=False)
    try:
        return work(storage)
    finally:
        storage.close()


# -- the dialog -------------------------------------------------------------------------------


class ImportDialog(QDialog):
    """Import an invitation list into one event (see the module docstring).

    Signals:
        preview_ready: a preview (of a file, a sheet or a corrected mapping) is shown.
        import_failed(str): reading or importing failed; the message shown.
    """

    preview_ready = Signal()
    import_failed = Signal(str)

    def __init__(self, storage: Storage, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id = event_id
        self._db_path = storage.path
        self._generation = 0  # results of superseded background work are dropped
        self._busy = False
        self._importing = False
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import invitation list"))
        self.setSizeGripEnabled(True)
        self.resize(*DIALOG_SIZE)

        # The file and the sheet (or, for CSV, the encoding).
        self.file_label = QLabel(
            self.tr(
                "Choose an Excel workbook (.xlsx, .xls), an OpenDocument sheet (.ods) "
                "or a CSV file."
            )
        )
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Open).toString())
        self.choose_button.clicked.connect(self.choose_file)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, self.choose_file)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumWidth(160)
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        sheet_label = QLabel(self.tr("&Sheet:"))
        sheet_label.setBuddy(self.sheet_combo)
        self.encoding_combo = QComboBox()
        for codec, name in ENCODINGS.items():
            self.encoding_combo.addItem(name, codec)
        self.encoding_combo.setToolTip(
            self.tr("The text encoding of the CSV file: choose another if letters look wrong.")
        )
        self.encoding_combo.activated.connect(self._encoding_chosen)
        self.encoding_label = QLabel(self.tr("&Encoding:"))
        self.encoding_label.setBuddy(self.encoding_combo)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(sheet_label)
        top.addWidget(self.sheet_combo)
        top.addWidget(self.encoding_label)
        top.addWidget(self.encoding_combo)
        top.addWidget(self.choose_button)
        self._sheet_widgets = (sheet_label, self.sheet_combo)
        self._encoding_widgets = (self.encoding_label, self.encoding_combo)
        for widget in self._encoding_widgets:
            widget.hide()

        # Busy while reading or importing.
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # The columns of the file and what each holds.
        self.header_label = QLabel()
        self.mapping_grid = QGridLayout()
        self.mapping_grid.setHorizontalSpacing(12)
        self.mapping_grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        mapping_widget = QWidget()
        mapping_widget.setLayout(self.mapping_grid)
        mapping_scroll = QScrollArea()
        mapping_scroll.setWidgetResizable(True)
        mapping_scroll.setWidget(mapping_widget)
        self.mapping_grid.setVerticalSpacing(3)
        self.mapping_grid.setContentsMargins(4, 3, 4, 3)
        mapping_scroll.setMinimumHeight(self.fontMetrics().height() * 5)
        mapping_scroll.setMaximumHeight(self.fontMetrics().height() * 7)
        self.mapping_combos: list[QComboBox] = []
        # Arrowing through a column's choices previews once, when the choice settles.
        self._remap_timer = QTimer(self)
        self._remap_timer.setSingleShot(True)
        self._remap_timer.setInterval(REMAP_DELAY_MS)
        self._remap_timer.timeout.connect(self._mapping_settled)
        self._last_mapped = -1
        self._mapping_refused = False  # the columns on screen do not give a preview
        columns_box = QGroupBox(self.tr("Columns of the file"))
        columns_layout = QVBoxLayout(columns_box)
        columns_layout.setContentsMargins(6, 2, 6, 4)
        columns_layout.setSpacing(2)
        self.header_label.setWordWrap(True)
        columns_layout.addWidget(self.header_label)
        columns_layout.addWidget(mapping_scroll)

        # The rows.
        self.rows_model = PreviewTableModel(self)
        self.rows_view = QTableView()
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows_view.verticalHeader().hide()
        self.rows_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.rows_view.setWordWrap(False)
        rows_header = self.rows_view.horizontalHeader()
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rows_header.setStretchLastSection(True)
        # Readable at 1100 pixels: who, what is wrong, NIP first; the rest after a scroll.
        # Long text is elided; its tooltip (and the line under the table) shows it whole.
        self.rows_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        widths = {
            "include": 48, "row": 44, "name": 210, "status": 250, "nip": 160, "pangkat": 110,
            "jabatan": 150, "instansi": 170, "group": 100, "phone": 110, "gender": 36,
        }  # fmt: skip
        for name, width in widths.items():
            self.rows_view.setColumnWidth(PreviewTableModel.COLUMNS.index(name), width)
        self.rows_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.rows_model.nip_typed.connect(self._nip_typed)
        self.filter_combo = QComboBox()
        self.filter_combo.addItems(
            [self.tr("All rows"), self.tr("Rows with problems"), self.tr("Duplicates")]
        )
        self.filter_combo.currentIndexChanged.connect(self.rows_model.set_filter)
        rows_box = QGroupBox(self.tr("Preview"))
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(6, 2, 6, 4)
        rows_layout.setSpacing(2)
        filter_line = QHBoxLayout()
        filter_label = QLabel(self.tr("Sho&w:"))
        filter_label.setBuddy(self.filter_combo)
        filter_line.addWidget(filter_label)
        filter_line.addWidget(self.filter_combo)
        # What the file says beside its rows: warnings, a signature block left out.
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        filter_line.addWidget(self.notes_label, 1)
        rows_layout.addLayout(filter_line)
        rows_layout.addWidget(self.rows_view, 1)
        # The whole status of the current row (problems can be long).
        self.row_detail_label = QLabel()
        self.row_detail_label.setWordWrap(True)
        self.row_detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows_layout.addWidget(self.row_detail_label)
        self.rows_view.selectionModel().currentRowChanged.connect(self._show_row_detail)
        self.rows_model.dataChanged.connect(lambda *_a: self._show_row_detail())
        self.rows_model.modelReset.connect(self._show_row_detail)

        # The duplicates.
        self.duplicates_model = DuplicateTableModel(self.rows_model, self)
        self.duplicates_view = QTableView()
        self.duplicates_view.setModel(self.duplicates_model)
        self.duplicates_view.setItemDelegateForColumn(
            DuplicateTableModel.COLUMNS.index("decision"), DecisionDelegate(self.duplicates_view)
        )
        self.duplicates_view.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.duplicates_view.verticalHeader().hide()
        self.duplicates_view.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 12
        )
        duplicates_header = self.duplicates_view.horizontalHeader()
        duplicates_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        duplicates_header.setStretchLastSection(True)
        for column, width in enumerate((52, 230, 520)):
            self.duplicates_view.setColumnWidth(column, width)
        self.duplicates_box = QGroupBox(self.tr("Duplicates"))
        duplicates_layout = QVBoxLayout(self.duplicates_box)
        duplicates_layout.setContentsMargins(6, 2, 6, 4)
        duplicates_layout.addWidget(self.duplicates_view)
        self.duplicates_view.setMinimumHeight(self.fontMetrics().height() * 3)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(rows_box)
        splitter.addWidget(self.duplicates_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        # The summary and the buttons.
        self.summary_label = QLabel()
        summary_font = self.summary_label.font()
        summary_font.setBold(True)
        self.summary_label.setFont(summary_font)
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet(ERROR_STYLE)
        self.hint_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        # Enter presses Import once the preview is shown and current: while a column
        # choice is settling (or anything is being read) Import is disabled.
        for button in (*self.buttons.buttons(), self.choose_button):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # no button takes Enter over by having the focus
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        summary_column = QVBoxLayout()
        summary_column.addWidget(self.summary_label)
        summary_column.addWidget(self.hint_label)
        bottom.addLayout(summary_column, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 6, 9, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(columns_box)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.rows_model.decisions_changed.connect(self._update_summary)
        self._show_preview(None)
        self.choose_button.setFocus()

    # -- the file -----------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for the file to import."""
        if self._busy:
            return
        start = str(self.path.parent if self.path else Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import invitation list"),
            start,
            self.tr("Invitation lists ({patterns});;All files (*)").format(
                patterns=FILE_FILTER_EXTENSIONS
            ),
        )
        if path:
            self.open_file(Path(path))

    def open_file(
        self, path: Path, sheet: str | None = None, encoding: str | None = None
    ) -> None:
        """Read a file (in the background) and preview it.

        Args:
            path: The file.
            sheet: The sheet of a workbook; None: the first holding a list.
            encoding: The encoding of a CSV file as chosen; None: detected.
        """
        self.path = path
        self.file_label.setText(self.tr("File: {name}").format(name=path.name))
        self.file_label.setToolTip(str(path))
        event_id = self._event_id

        def work(storage: Storage) -> ImportPreview:
            return preview_import(storage, event_id, path, sheet=sheet, encoding=encoding)

        self._run(
            self.tr("Reading {name}…").format(name=path.name),
            work,
            self._preview_done,
            self._reading_failed,
        )

    def _sheet_chosen(self, index: int) -> None:
        preview = self.rows_model.preview
        name = self.sheet_combo.itemText(index)
        if self.path is not None and preview is not None and name != preview.data.sheet:
            self.open_file(self.path, name)

    def _encoding_chosen(self, index: int) -> None:
        preview = self.rows_model.preview
        codec = self.encoding_combo.itemData(index)
        if self.path is not None and preview is not None and codec != preview.data.encoding:
            self.open_file(self.path, encoding=codec)

    def _nip_typed(self, row_number: int, typed: str) -> None:
        """Correct the NIP cell of a row as typed in the preview, then preview again."""
        preview = self.rows_model.preview
        if preview is None or Column.NIP not in preview.mapping or self._busy:
            return
        preview.data.set_cell(row_number, preview.mapping[Column.NIP], typed)
        self.set_mapping(dict(preview.mapping))

    def set_mapping(self, mapping: dict[Column, int]) -> None:
        """Preview the rows again with the columns as corrected."""
        preview = self.rows_model.preview
        if preview is None:
            return
        data: SheetData = preview.data
        event_id = self._event_id

        def work(storage: Storage) -> ImportPreview:
            return preview_sheet(storage, event_id, data, mapping=mapping)

        self._run(self.tr("Reading the rows again…"), work, self._preview_done, self._remap_failed)

    # -- background work ----------------------------------------------------------------

    def _run(
        self,
        message: str,
        work: Callable[[Storage], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        self._generation += 1
        generation = self._generation
        self._set_busy(True, message)
        db_path = self._db_path

        def on_done(result: Any) -> None:
            if generation == self._generation:
                self._set_busy(False)
                done(result)

        def on_error(error: Exception) -> None:
            if generation == self._generation:
                self._set_busy(False)
                failed(error)

        run_in_background(lambda: _with_storage(db_path, work), on_done, on_error)

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.status_label.setStyleSheet("")
        self.status_label.setText(message)
        self.choose_button.setEnabled(not busy)
        self.sheet_combo.setEnabled(not busy and self.sheet_combo.count() > 1)
        self._update_summary()

    @staticmethod
    def _describe(error: Exception) -> str:
        if isinstance(error, RakorError):
            return str(error)
        if isinstance(error, OSError):
            return QCoreApplication.translate(
                "ImportDialog", "The file cannot be read: {reason}"
            ).format(reason=error.strerror or str(error))
        return QCoreApplication.translate(
            "ImportDialog", "Unexpected error ({kind}: {error}). Details are in the log."
        ).format(kind=type(error).__name__, error=error)

    def _show_error(self, title: str, message: str) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(message)
        self.import_failed.emit(message)
        QMessageBox.warning(self, title, message)

    # -- showing a preview ----------------------------------------------------------------

    def _preview_done(self, preview: ImportPreview) -> None:
        self._mapping_refused = False
        shown = self.rows_model.preview
        same_sheet = (
            shown is not None and shown.data is preview.data  # the same cells, with other columns
        )
        self._show_preview(preview, keep=self.rows_model.decisions if same_sheet else None)
        self.status_label.setText(
            self.tr("{count} rows read from {name}.").format(
                count=len(preview.rows), name=preview.source
            )
        )
        self.preview_ready.emit()

    def _reading_failed(self, error: Exception) -> None:
        self._mapping_refused = False
        self._show_preview(None)
        self._show_error(self.tr("The file cannot be imported"), self._describe(error))

    def _remap_failed(self, error: Exception) -> None:
        # Said in place, not in a message box: the user is choosing columns. The previous
        # preview stays on screen but no longer matches the columns: no import.
        self._mapping_refused = True
        message = self._describe(error)
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(message)
        self.import_failed.emit(message)
        self._update_summary()

    def _show_preview(
        self, preview: ImportPreview | None, keep: dict[int, Decision] | None = None
    ) -> None:
        self.rows_model.set_preview(preview, keep)
        self._fill_sheets(preview)
        self._fill_encoding(preview)
        self._fill_mapping(preview)
        self._fill_notes(preview)
        self.duplicates_box.setTitle(
            self.tr("Duplicates ({count})").format(count=self.duplicates_model.rowCount())
        )
        if preview is None:
            self.header_label.setText(self.tr("The columns are shown once a file is read."))
        elif preview.data.sheet:
            self.header_label.setText(
                self.tr(
                    "Column titles found in row {row} of sheet \u201c{sheet}\u201d. "
                    "Correct what a column holds if it was not recognised."
                ).format(row=preview.header_row, sheet=preview.data.sheet)
            )
        else:
            self.header_label.setText(
                self.tr(
                    "Column titles found in row {row}. "
                    "Correct what a column holds if it was not recognised."
                ).format(row=preview.header_row)
            )
        self._update_summary()

    def _fill_sheets(self, preview: ImportPreview | None) -> None:
        self.sheet_combo.clear()
        if preview is not None and preview.data.sheets:
            self.sheet_combo.addItems(preview.data.sheets)
            self.sheet_combo.setCurrentText(preview.data.sheet)
        self.sheet_combo.setEnabled(not self._busy and self.sheet_combo.count() > 1)

    def _fill_encoding(self, preview: ImportPreview | None) -> None:
        is_csv = preview is not None and preview.data.kind == "csv"
        for widget in self._sheet_widgets:
            widget.setVisible(not is_csv)
        for widget in self._encoding_widgets:
            widget.setVisible(is_csv)
        if preview is None or not is_csv:
            return
        codec = preview.data.encoding
        found = self.encoding_combo.findData(codec)
        if found < 0:
            self.encoding_combo.addItem(codec, codec)
            found = self.encoding_combo.count() - 1
        self.encoding_combo.setCurrentIndex(found)
        detected = (
            self.tr("detected") if preview.data.encoding_detected else self.tr("as chosen")
        )
        self.encoding_label.setText(self.tr("&Encoding ({how}):").format(how=detected))

    def _fill_notes(self, preview: ImportPreview | None) -> None:
        notes = [] if preview is None else preview.notes
        warned = 0 if preview is None else sum(1 for r in preview.rows if r.warnings)
        parts = [str(note) for note in notes]
        if warned:
            parts.append(
                self.tr(
                    "%n row(s) with warnings: imported with the field left empty "
                    "(type a NIP in its cell).",
                    "",
                    warned,
                )
            )
        self.notes_label.setText(" ".join(parts))
        warnings = preview.warnings() if preview is not None else []
        self.notes_label.setToolTip("\n".join(str(w) for w in warnings))

    def _fill_mapping(self, preview: ImportPreview | None) -> None:
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.mapping_combos = []
        if preview is None:
            return
        labels = column_labels()
        by_index = {index: column for column, index in preview.mapping.items()}
        header = preview.header
        width = max(len(header), max(preview.mapping.values(), default=-1) + 1)
        per_line = 4
        for index in range(width):
            title = header[index].strip() if index < len(header) else ""
            caption = QLabel(f"{column_letter(index)}: {title or '—'}")
            caption.setToolTip(title)
            combo = QComboBox()
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
            combo.addItem(self.tr("— not imported —"), None)
            for column, label in labels.items():
                combo.addItem(label, column.value)
            current = by_index.get(index)
            combo.setCurrentIndex(combo.findData(current.value) if current is not None else 0)
            combo.setAccessibleName(caption.text())
            combo.currentIndexChanged.connect(lambda _i, at=index: self._mapping_changed(at))
            caption.setBuddy(combo)
            line, place = divmod(index, per_line)
            self.mapping_grid.addWidget(caption, line, place * 2)
            self.mapping_grid.addWidget(combo, line, place * 2 + 1)
            self.mapping_combos.append(combo)

    def _mapping_changed(self, changed: int) -> None:
        self._last_mapped = changed
        self._remap_timer.start()
        self._update_summary()  # no import (nor Enter) until the preview follows

    def _mapping_settled(self) -> None:
        changed = self._last_mapped
        chosen = self.mapping_combos[changed].currentData() if changed >= 0 else None
        if chosen is not None:
            # A field comes from one column: the column that held it before gives it up.
            for index, combo in enumerate(self.mapping_combos):
                if index != changed and combo.currentData() == chosen:
                    blocked = combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(blocked)
        self.set_mapping(self.current_mapping())

    def current_mapping(self) -> dict[Column, int]:
        """The columns as chosen on screen."""
        return {
            Column(combo.currentData()): index
            for index, combo in enumerate(self.mapping_combos)
            if combo.currentData() is not None
        }

    def _show_row_detail(self, *_args: Any) -> None:
        current = self.rows_view.currentIndex()
        row = self.rows_model.preview_row(current.row()) if current.isValid() else None
        if row is None:
            self.row_detail_label.clear()
            return
        status = self.rows_model.data(
            self.rows_model.index(current.row(), PreviewTableModel.COLUMNS.index("status"))
        )
        self.row_detail_label.setStyleSheet(ERROR_STYLE if row.problems else "")
        self.row_detail_label.setText(
            self.tr("Row {row}: {status}").format(row=row.row, status=status)
        )

    # -- summary and import ----------------------------------------------------------------

    def _update_summary(self) -> None:
        preview = self.rows_model.preview
        if preview is None:
            self.summary_label.clear()
            self.hint_label.clear()
            self.import_button.setEnabled(False)
            return
        decisions = self.rows_model.decisions
        summary = preview.summary(decisions)
        self.summary_label.setText(
            self.tr(
                "{new} new, {merged} merged, {skipped} skipped, {problems} with problems"
            ).format(
                new=summary.new,
                merged=summary.merged,
                skipped=summary.skipped,
                problems=summary.problems,
            )
        )
        if summary.problems:
            self.hint_label.setText(
                self.tr(
                    "Rows with problems are not imported: exclude them (untick the row) "
                    "or fix the file and read it again."
                )
            )
        elif summary.new + summary.merged == 0:
            self.hint_label.setText(self.tr("Nothing to import: every row is skipped."))
        else:
            self.hint_label.clear()
        self.import_button.setEnabled(
            not self._busy
            and not self._mapping_refused
            and not self._remap_timer.isActive()
            and summary.problems == 0
            and summary.new + summary.merged > 0
        )

    def start_import(self) -> None:
        """Write the previewed list as decided (in the background), all or nothing."""
        preview = self.rows_model.preview
        if preview is None or self._busy or not self.import_button.isEnabled():
            return
        decisions = dict(self.rows_model.decisions)
        event_id = self._event_id

        def work(storage: Storage) -> ImportReport:
            return apply_import(storage, event_id, preview, decisions)

        self._importing = True
        self._run(self.tr("Importing…"), work, self._import_done, self._import_failed)

    def _import_done(self, report: ImportReport) -> None:
        self._importing = False
        self.report = report
        self.status_label.setText(report.describe())
        QMessageBox.information(self, self.tr("Import finished"), report.describe())
        self.accept()

    def _import_failed(self, error: Exception) -> None:
        self._importing = False
        self._show_error(self.tr("Import refused"), self._describe(error))
        preview = self.rows_model.preview
        if isinstance(error, PreviewOutdatedError) and preview is not None:
            self.set_mapping(preview.mapping)  # preview again against the list as it is now

    def reject(self) -> None:
        """Close without importing (not while an import is being written)."""
        if self._importing:
            return
        self._generation += 1  # a reading still running is dropped
        super().reject()
