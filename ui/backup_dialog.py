"""File → Restore from backup…: choose one of the database's backups to restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop import backup as backups
from rakor_desktop import paths


class RestoreBackupDialog(QDialog):
    """The backups of a database (newest first) with what each holds.

    After ``exec()`` returned true, :attr:`chosen` is the backup to restore.
    """

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(560)
        self.chosen: Path | None = None
        self._backups = backups.list_backups(database, with_contents=True)

        intro = QLabel(
            self.tr(
                "Choose the backup to restore. The database in use now is put aside beside "
                "it (never deleted) and the backup takes its place; the app then reopens it."
            )
        )
        intro.setWordWrap(True)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Events"), self.tr("Invitees"), self.tr("Checked in")]
        )
        for backup in self._backups:
            summary = backup.summary
            assert summary is not None
            when = QStandardItem(backup.taken_at.astimezone().strftime("%d-%m-%Y %H.%M.%S"))
            when.setToolTip(str(backup.path))
            row = [when] + [
                QStandardItem(str(n))
                for n in (summary.events, summary.invitees, summary.checked_in)
            ]
            for item in row[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for item in row:
                item.setEditable(False)
            self.model.appendRow(row)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.accept())

        self.empty_label = QLabel(
            self.tr("There are no backups of this database yet in {folder}.").format(
                folder=paths.backups_dir(database)
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not self._backups)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.restore_button.setAutoDefault(True)
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(bool(self._backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        if self._backups:
            self.table.selectRow(0)
        self.table.setFocus()
        self.resize(640, 420)

    def showEvent(self, event: QShowEvent) -> None:
        """Enter restores (the button box would make Cancel the default on show)."""
        super().showEvent(event)
        self.restore_button.setDefault(True)

    def accept(self) -> None:
        """Restore the selected backup (the dialog's default button, or Enter)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self._backups[rows[0].row()].path
        super().accept()
