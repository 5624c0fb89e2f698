"""Dialogs of the shell: new event, event chooser, preferences, about."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop import APP_NAME, __version__
from rakor_desktop.messages import RakorError
from rakor_desktop.models import Event
from rakor_desktop.operations import events as event_ops
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage

from .models import EventListModel
from .translations import LANGUAGES
from .widgets import (
    OptionalTimeEdit,
    error_label,
    from_qdate,
    make_date_edit,
    make_time_edit,
    make_timezone_combo,
    ok_cancel_buttons,
)


class NewEventDialog(QDialog):
    """Create an event: the fields needed to start, validated before it is saved."""

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self.event_id: int | None = None
        self.setWindowTitle(self.tr("New event"))
        self.setMinimumWidth(560)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(
            self.tr("e.g. Rapat Koordinasi Kesiapan Pemilu 2024")
        )
        self.date_edit = make_date_edit(date.today())
        self.start_edit = make_time_edit(time(9, 0))
        self.end_edit = OptionalTimeEdit(self.tr("until finished (s.d. selesai)"), None)
        self.timezone_combo = make_timezone_combo("WIB")
        self.venue_edit = QLineEdit()
        self.venue_edit.setPlaceholderText(self.tr("e.g. Aula Griya Mayang"))
        self.government_edit = QLineEdit()
        self.government_edit.setPlaceholderText(self.tr("e.g. PEMERINTAH KOTA JAMBI"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(self.tr("e.g. BADAN KESATUAN BANGSA DAN POLITIK"))

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("&Start:"), self.start_edit)
        form.addRow(self.tr("&End:"), self.end_edit)
        form.addRow(self.tr("Time &zone:"), self.timezone_combo)
        form.addRow(self.tr("&Venue:"), self.venue_edit)
        form.addRow(self.tr("&Government:"), self.government_edit)
        form.addRow(self.tr("&Organising unit:"), self.unit_edit)

        self.error_label = error_label()
        self.buttons, self.ok_button = ok_cancel_buttons(self)
        self.ok_button.setText(self.tr("Create event"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        for signal in (
            self.title_edit.textChanged,
            self.date_edit.dateChanged,
            self.start_edit.timeChanged,
            self.end_edit.changed,
            self.timezone_combo.currentTextChanged,
        ):
            signal.connect(self._validate)
        self._validate()

    def draft(self) -> Event:
        """The event as filled in so far."""
        return Event(
            title=self.title_edit.text().strip(),
            date=from_qdate(self.date_edit.date()),
            start_time=time(self.start_edit.time().hour(), self.start_edit.time().minute()),
            end_time=self.end_edit.value(),
            timezone=self.timezone_combo.currentText(),
            venue=self.venue_edit.text().strip(),
            organizer_government=self.government_edit.text().strip(),
            organizer_unit=self.unit_edit.text().strip(),
        )

    def _validate(self) -> bool:
        try:
            event_ops.validate_event(self.draft())
        except RakorError as exc:
            # An empty title is not an error yet while the user has not typed.
            self.error_label.setText("" if not self.title_edit.text().strip() else str(exc))
            self.ok_button.setEnabled(False)
            return False
        self.error_label.setText("")
        self.ok_button.setEnabled(True)
        return True

    def accept(self) -> None:
        """Save the event; stay open with the message when it cannot be saved."""
        if not self._validate():
            return
        try:
            self.event_id = event_ops.create_event(self._storage, self.draft())
        except RakorError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


class EventChooserDialog(QDialog):
    """Choose the event to work on; or create, or delete one."""

    def __init__(
        self, storage: Storage, current_event_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._storage = storage
        self.event_id: int | None = None
        self.wants_new_event = False
        self.setWindowTitle(self.tr("Open event"))
        self.resize(820, 420)

        self.model = EventListModel(storage, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.accept())

        self.empty_label = QLabel(
            self.tr("There are no events yet. Create a new event, or try the demo event "
                    "from the File menu.")
        )
        self.empty_label.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.new_button = QPushButton(self.tr("&New event…"))
        self.buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.new_button.clicked.connect(self._new_event)
        self.delete_button.clicked.connect(self._delete_event)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self._delete_event)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        row = self.model.row_of(current_event_id) if current_event_id is not None else -1
        self.table.selectRow(row if row >= 0 else 0)
        self.table.setFocus()
        self._update_buttons()

    def selected_event_id(self) -> int | None:
        """The id of the selected event."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.event_id(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has_events = self.model.rowCount() > 0
        self.empty_label.setVisible(not has_events)
        self.table.setVisible(has_events)
        selected = self.selected_event_id() is not None
        self.open_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _new_event(self) -> None:
        self.wants_new_event = True
        self.done(QDialog.DialogCode.Accepted)

    def _delete_event(self) -> None:
        event_id = self.selected_event_id()
        if event_id is None:
            return
        event = event_ops.get_event(self._storage, event_id)
        answer = QMessageBox.warning(
            self,
            self.tr("Delete event"),
            self.tr(
                "Delete “{title}” with its invitation list, attendance and minutes record? "
                "This cannot be undone (the automatic backups keep earlier copies)."
            ).format(title=event.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        event_ops.delete_event(self._storage, event_id)
        self.model.refresh()
        self.table.selectRow(0)
        self._update_buttons()

    def accept(self) -> None:
        """Open the selected event."""
        self.event_id = self.selected_event_id()
        if self.event_id is not None:
            super().accept()


class SettingsDialog(QDialog):
    """Preferences: language, this desk's station and operator names, backups."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(480)
        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, list(LANGUAGES).index(settings.language)
                                                if settings.language in LANGUAGES else 0))
        self.station_edit = QLineEdit(settings.station_name)
        self.station_edit.setPlaceholderText(settings.effective_station)
        self.operator_edit = QLineEdit(settings.operator_name)
        self.operator_edit.setPlaceholderText(self.tr("your name"))
        self.backups_spin = QSpinBox()
        self.backups_spin.setRange(1, 100)
        self.backups_spin.setValue(settings.backups_kept)
        self.backup_interval_spin = QSpinBox()
        self.backup_interval_spin.setRange(1, 240)
        self.backup_interval_spin.setSuffix(self.tr(" min"))
        self.backup_interval_spin.setValue(settings.backup_interval_minutes)
        self.second_copy_edit = QLineEdit(settings.second_copy_folder)
        self.second_copy_edit.setObjectName("second_copy_folder")
        self.second_copy_edit.setPlaceholderText(self.tr("none (e.g. a USB stick)"))
        choose_folder = QPushButton(self.tr("C&hoose…"))
        choose_folder.setAutoDefault(False)
        choose_folder.clicked.connect(self._choose_second_copy_folder)
        second_copy_row = QHBoxLayout()
        second_copy_row.addWidget(self.second_copy_edit, 1)
        second_copy_row.addWidget(choose_folder)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow(self.tr("&Station name:"), self.station_edit)
        form.addRow(self.tr("&Operator:"), self.operator_edit)
        form.addRow(self.tr("&Days of backups kept:"), self.backups_spin)
        form.addRow(self.tr("Back up &every:"), self.backup_interval_spin)
        second_copy_label = QLabel(self.tr("Second &copy in:"))
        second_copy_label.setBuddy(self.second_copy_edit)
        form.addRow(second_copy_label, second_copy_row)
        note = QLabel(
            self.tr("The station and operator names are recorded with every check-in. "
                    "A backup is made every few minutes while something changes (all of "
                    "the last hour are kept, then one a day); the second copy folder "
                    "receives each one and the open event's file.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def apply_to(self, settings: Settings) -> None:
        """Copy what was chosen into ``settings``."""
        settings.language = str(self.language_combo.currentData())
        settings.station_name = " ".join(self.station_edit.text().split())
        settings.operator_name = " ".join(self.operator_edit.text().split())
        settings.backups_kept = self.backups_spin.value()
        settings.backup_interval_minutes = self.backup_interval_spin.value()
        settings.second_copy_folder = self.second_copy_edit.text().strip()

    def _choose_second_copy_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the second copy"),
            self.second_copy_edit.text() or str(Path.home()),
        )
        if folder:
            self.second_copy_edit.setText(folder)


def show_about(parent: QWidget, database: Path, log_file: str) -> None:
    """The about box: version, where the data lives, the libraries."""
    import platform

    QMessageBox.about(
        parent,
        QCoreApplication.translate("AboutDialog", "About {app}").format(app=APP_NAME),
        "<h3>{app} {version}</h3><p>{blurb}</p><p>{db_label}<br><code>{db}</code></p>"
        "<p>{log_label}<br><code>{log}</code></p><p><small>Python {py} · Qt {qt} · "
        "PySide6 {pyside}</small></p>".format(
            app=APP_NAME,
            version=__version__,
            blurb=QCoreApplication.translate(
                "AboutDialog",
                "Check-in, rundown, discussion log and minutes for coordination meetings, "
                "offline on one laptop."
            ),
            db_label=QCoreApplication.translate("AboutDialog", "Database:"),
            db=_html(str(database)),
            log_label=QCoreApplication.translate("AboutDialog", "Log file:"),
            log=_html(log_file),
            py=platform.python_version(),
            qt=qVersion(),
            pyside=pyside_version,
        ),
    )


def _html(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
