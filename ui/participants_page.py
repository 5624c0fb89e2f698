"""The "Peserta & Kehadiran" area: the invitation list with search, and its import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop import operations as ops
from rakor_desktop.messages import RakorError
from rakor_desktop.storage import Storage

from .models import InviteeTableModel


class ParticipantsPage(QWidget):
    """Search the invitation list; import it from a spreadsheet file.

    Signals:
        invitees_changed(int): the invitation list of the event changed (its id).
    """

    invitees_changed = Signal(int)

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id: int | None = None
        self.model = InviteeTableModel(storage, self)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search name, position, institution or code…")
        )
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(
            lambda: self.model.set_query(self.search_edit.text())
        )
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.import_button = QPushButton(self.tr("&Import invitation list…"))
        self.import_button.clicked.connect(self.choose_import_file)
        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((50, 260, 170, 220, 220, 110, 100, 70)):
            self.table.setColumnWidth(column, width)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.model.modelReset.connect(self._update_count)

    def set_event(self, event_id: int | None) -> None:
        """Show the invitation list of another event."""
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        timezone = ops.get_event(self._storage, event_id).timezone if event_id else "WIB"
        self.model.set_event(event_id, timezone)

    def refresh(self) -> None:
        """Reload after a change made elsewhere."""
        self.model.refresh()

    def _update_count(self) -> None:
        if self._event_id is None:
            self.count_label.clear()
            return
        counts = self._storage.attendance_counts(self._event_id)
        shown = self.model.rowCount()
        self.count_label.setText(
            self.tr("{shown} shown · {invited} invited · {present} present").format(
                shown=shown, invited=counts.invited, present=counts.present
            )
        )

    def choose_import_file(self) -> None:
        """Ask for a CSV file and import it as the invitation list (all or nothing)."""
        if self._event_id is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import invitation list"),
            str(Path.home()),
            self.tr("Invitation lists (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        """Import one file; shows the outcome. Returns True when something was imported."""
        from rakor_desktop.importers.csv_import import read_participants_csv

        assert self._event_id is not None
        try:
            people = read_participants_csv(path)
            report = ops.import_invitees(self._storage, self._event_id, people)
        except (RakorError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Import failed"), str(exc))
            return False
        message = self.tr("{added} invitees imported.").format(added=report.added)
        if report.skipped_duplicates:
            message += "\n" + self.tr("Already on the list, skipped: {names}").format(
                names=", ".join(report.skipped_duplicates[:10])
            )
        QMessageBox.information(self, self.tr("Import finished"), message)
        self.model.refresh()
        self.invitees_changed.emit(self._event_id)
        return report.added > 0
