"""The "Notulen & Dokumen" area: one click after the meeting gives the paperwork.

The page holds the export bar (the folder and the big "Create minutes &
attendance list" button, Ctrl+E) above three tabs: the text of the minutes
(generated parts the notetaker may edit), the photos (dokumentasi), and the
letterhead and page settings. Everything typed is saved as you go.

Exports run in the background on a connection of their own behind a progress
dialog that appears only when the work takes longer than half a second and can be
cancelled; the core writes every file completely or not at all.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.exports.documents import export
from rakor_desktop.exports.documents.export import Progress
from rakor_desktop.operations import events as event_ops
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage

from ..tasks import Progress as TaskProgress
from ..tasks import run_with_progress
from ..widgets import ERROR_STYLE
from .letterhead_dialog import DocumentSettingsForm
from .photos_widget import PhotosWidget
from .text_parts_editor import TextPartsEditor

log = logging.getLogger("rakor.ui.documents")

OK_STYLE = "color: #2e7d32;"
FOLDER_KEY = "documents/folder/{event}"

ExportWork = Callable[[Storage, Path, Progress], list[Path]]
"""An export in the worker: (its own storage, the folder, the progress callback) -> files."""


class DocumentsPage(QWidget):
    """Create the notulen and the daftar hadir (DOCX and PDF), and the XLSX exports.

    Args:
        storage: The database (the worker opens its own connection on ``storage.path``).
        settings: The app's preferences.
        open_url: Opens a folder or a file in the system's program (tests pass a fake).

    Signals:
        export_finished(list): files were written (their paths as strings).
        export_failed(str): an export failed or was cancelled (the message shown).
    """

    export_finished = Signal(list)
    export_failed = Signal(str)

    def __init__(
        self,
        storage: Storage,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._storage = storage
        self._settings = settings
        self._open_url = open_url or QDesktopServices.openUrl
        self._event_id: int | None = None
        self._event_key = ""
        self._running = False
        self._cancel: threading.Event | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.choose_folder: Callable[[Path], Path | None] = self._choose_folder_dialog
        self._build()
        self.set_event(None)

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading_label = QLabel()
        self.heading_label.setWordWrap(True)
        self.heading_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading_label.setFont(font)

        self.folder_edit = QLineEdit()
        self.folder_edit.setClearButtonEnabled(True)
        self.folder_edit.editingFinished.connect(self._remember_folder)
        folder_label = QLabel(self.tr("Save &in:"))
        folder_label.setBuddy(self.folder_edit)
        self.choose_folder_button = QPushButton(self.tr("C&hoose…"))
        self.choose_folder_button.clicked.connect(self.pick_folder)
        self.default_folder_button = QPushButton(self.tr("Default folder"))
        self.default_folder_button.clicked.connect(self.use_default_folder)

        self.create_button = QPushButton(self.tr("Create minutes && attendance list"))
        self.create_button.setToolTip(self.tr(
            "The notulen and the daftar hadir as DOCX (editable) and PDF, in the folder "
            "above (Ctrl+E)"
        ))
        font = self.create_button.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.create_button.setFont(font)
        self.create_button.setMinimumHeight(44)
        self.create_button.clicked.connect(self.create_documents)
        self.create_action = QAction(self.tr("Create minutes & attendance list"), self)
        self.create_action.setShortcut(QKeySequence.fromString(
            "Ctrl+E", QKeySequence.SequenceFormat.PortableText))
        self.create_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.create_action.triggered.connect(lambda _checked=False: self.create_documents())
        self.addAction(self.create_action)
        self.shortcut_label = QLabel(self.tr("Ctrl+E"))
        self.shortcut_label.setStyleSheet("color: #555;")

        self.questions_button = QPushButton(self.tr("&Question log (XLSX)"))
        self.questions_button.clicked.connect(self.export_questions)
        self.attendance_button = QPushButton(self.tr("&Attendance (XLSX)"))
        self.attendance_button.clicked.connect(self.export_attendance)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        box = QGroupBox(self.tr("Create the documents"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_folder_button)
        folder_row.addWidget(self.default_folder_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button, 2)
        buttons.addWidget(self.shortcut_label)
        buttons.addSpacing(16)
        buttons.addWidget(self.questions_button)
        buttons.addWidget(self.attendance_button)
        column = QVBoxLayout(box)
        column.addLayout(folder_row)
        column.addLayout(buttons)
        column.addWidget(self.status_label)

        self.text_editor = TextPartsEditor(self._storage)
        self.photos_widget = PhotosWidget(self._storage)
        self.settings_form = DocumentSettingsForm(self._storage)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.text_editor, self.tr("&Text of the minutes"))
        self.tabs.addTab(self.photos_widget, self.tr("&Photos"))
        self.tabs.addTab(self.settings_form, self.tr("&Letterhead && page"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addWidget(box)
        layout.addWidget(self.tabs, 1)

    # -- the event -----------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the documents of another event (what is pending is saved first)."""
        self.save_now()
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        self.status_label.clear()
        if event_id is None:
            self._event_key = ""
            self.heading_label.setText(self.tr("Minutes & Documents"))
            self.folder_edit.clear()
        else:
            event = event_ops.get_event(self._storage, event_id)
            self._event_key = event.uid or str(event_id)
            self.heading_label.setText(
                self.tr("Minutes & documents: {title}").format(title=event.title)
            )
            self.folder_edit.setText(str(self._remembered_folder() or self.default_folder()))
        self.text_editor.set_event(event_id)
        self.photos_widget.set_event(event_id)
        self.settings_form.set_event(event_id)
        self._update_buttons()

    def refresh(self) -> None:
        """Read everything again (the record may have changed in other areas)."""
        if self._event_id is None:
            return
        self.save_now()
        event = event_ops.get_event(self._storage, self._event_id)
        self.heading_label.setText(
            self.tr("Minutes & documents: {title}").format(title=event.title)
        )
        if self._remembered_folder() is None and not self.folder_edit.isModified():
            self.folder_edit.setText(str(self.default_folder()))  # the title may have changed
        self.text_editor.refresh()
        self.photos_widget.refresh()
        self.settings_form.reload()

    def save_now(self) -> bool:
        """Save what is typed in every tab; False when something was refused."""
        results = [
            self.text_editor.save_now(),
            self.settings_form.save_now(),
        ]
        self.photos_widget.save_caption()
        return all(results)

    def has_pending_changes(self) -> bool:
        """Whether something typed is not saved yet."""
        return (self.text_editor.has_pending_changes()
                or self.settings_form.has_pending_changes()
                or self.photos_widget.has_pending_changes())

    def showEvent(self, event: Any) -> None:
        """Coming back to the page shows what was recorded meanwhile."""
        super().showEvent(event)
        if self._event_id is not None and not self._running:
            self.refresh()

    def _update_buttons(self) -> None:
        idle = self._event_id is not None and not self._running
        for widget in (self.create_button, self.questions_button, self.attendance_button,
                       self.choose_folder_button, self.default_folder_button, self.folder_edit):
            widget.setEnabled(idle)
        self.create_action.setEnabled(idle)

    # -- the folder ------------------------------------------------------------------------------

    def default_folder(self) -> Path:
        """Where the documents of the open event go unless the user picks another folder."""
        assert self._event_id is not None
        return export.default_output_dir(self._storage, self._event_id)

    def output_folder(self) -> Path:
        """The folder in the field (the default when it is empty)."""
        typed = self.folder_edit.text().strip()
        if not typed:
            return self.default_folder()
        folder = Path(typed).expanduser()
        return folder if folder.is_absolute() else Path.home() / folder

    def set_output_folder(self, folder: Path) -> None:
        """Save the next documents into ``folder`` (remembered for this event)."""
        self.folder_edit.setText(str(folder))
        self._remember_folder()

    def use_default_folder(self) -> None:
        """Go back to the default folder of the event."""
        if self._event_id is None:
            return
        self.folder_edit.setText(str(self.default_folder()))
        self._remember_folder()

    def _choose_folder_dialog(self, start: Path) -> Path | None:
        existing = start
        while not existing.is_dir() and existing != existing.parent:
            existing = existing.parent
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Save the documents in"), str(existing)
        )
        return Path(chosen) if chosen else None

    def pick_folder(self) -> None:
        """Let the user choose the folder."""
        if self._event_id is None:
            return
        chosen = self.choose_folder(self.output_folder())
        if chosen is not None:
            self.set_output_folder(chosen)

    def _state(self) -> Any:
        from ..mainwindow import ui_state  # the one place UI state lives

        return ui_state()

    def _remembered_folder(self) -> Path | None:
        value = self._state().value(FOLDER_KEY.format(event=self._event_key), "")
        return Path(str(value)) if value else None

    def _remember_folder(self) -> None:
        """The folder is this computer's, not the event's: kept with the UI state."""
        if not self._event_key:
            return
        folder = self.output_folder()
        state = self._state()
        key = FOLDER_KEY.format(event=self._event_key)
        if folder == self.default_folder():
            state.remove(key)  # follows the event's title
        else:
            state.setValue(key, str(folder))
        state.sync()
        self.folder_edit.setModified(False)

    # -- exports -------------------------------------------------------------------------------

    def create_documents(self) -> None:
        """The one click: notulen and daftar hadir, DOCX and PDF, into the folder."""
        event_id = self._event_id
        if event_id is None:
            return

        def work(storage: Storage, folder: Path, progress: Progress) -> list[Path]:
            return export.export_minutes_and_attendance(
                storage, event_id, folder, progress=progress
            )

        self._start(work, self.tr("Writing the minutes and the attendance list…"),
                    kind="documents")

    def export_questions(self) -> None:
        """The question log (and follow-ups) as a spreadsheet."""
        event_id = self._event_id
        if event_id is None:
            return

        def work(storage: Storage, folder: Path, progress: Progress) -> list[Path]:
            return export.export_question_log(storage, event_id, folder, progress=progress)

        self._start(work, self.tr("Writing the question log…"), kind="spreadsheet")

    def export_attendance(self) -> None:
        """The attendance as a spreadsheet."""
        event_id = self._event_id
        if event_id is None:
            return

        def work(storage: Storage, folder: Path, progress: Progress) -> list[Path]:
            return export.export_attendance_spreadsheet(
                storage, event_id, folder, progress=progress
            )

        self._start(work, self.tr("Writing the attendance…"), kind="spreadsheet")

    def _start(self, work: ExportWork, label: str, *, kind: str) -> None:
        if self._event_id is None or self._running:
            return
        if not self.save_now():
            self.tabs.setCurrentWidget(
                self.settings_form if self.settings_form.has_pending_changes()
                else self.text_editor
            )
            return
        self._remember_folder()
        folder = self.output_folder()
        database = self._storage.path
        self._running = True
        self._update_buttons()
        self.status_label.setStyleSheet("")
        self.status_label.setText(label)

        def run(progress: TaskProgress) -> list[Path]:
            def report(done: int, total: int, what: str) -> bool:
                # The last step comes after the files are in place: too late to cancel.
                return progress.report(done, total, what) or done >= total

            # A worker has its own connection: SQLite connections belong to one thread.
            storage = Storage.open(database, backup=False, check=False)
            try:
                return work(storage, folder, report)
            finally:
                storage.close()

        def finish() -> None:
            self._running = False
            self._cancel = None
            self.progress_dialog = None
            self._update_buttons()

        def done(paths: list[Path]) -> None:
            finish()
            self._finished(folder, paths, kind)

        def cancelled(message: str) -> None:
            finish()
            self._cancelled(message or self.tr("Export cancelled."))

        def failed(message: str) -> None:
            finish()
            self._failed(message)

        handle = run_with_progress(
            self, title=self.tr("Creating documents"), label=label, work=run, on_done=done,
            on_cancel=cancelled, on_error=failed,
        )  # fmt: skip
        self.progress_dialog = handle.dialog
        self._cancel = handle.cancel

    def _finished(self, folder: Path, paths: Sequence[Path], kind: str) -> None:
        names = "\n".join(f"• {path.name}" for path in paths)
        self.status_label.setStyleSheet(OK_STYLE)
        self.status_label.setText(
            self.tr("Saved in {folder}:\n{files}").format(folder=folder, files=names)
        )
        self.export_finished.emit([str(p) for p in paths])
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Documents created"))
        box.setText(self.tr("%n file(s) saved in {folder}:", "", len(paths)).format(folder=folder))
        box.setInformativeText(names)
        # Long file names read better on one line each than wrapped into a narrow box.
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 700px; }")
        folder_button = box.addButton(self.tr("Open &folder"), QMessageBox.ButtonRole.ActionRole)
        folder_button.clicked.connect(lambda: self._open(folder))
        main_file = self._main_file(paths, kind)
        if main_file is not None:
            file_button = box.addButton(
                self.tr("Open the &minutes") if kind == "documents" else self.tr("Open the f&ile"),
                QMessageBox.ButtonRole.ActionRole,
            )
            file_button.clicked.connect(lambda: self._open(main_file))
            box.setDefaultButton(file_button)
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._result_closed)
        self.result_box = box
        box.open()

    def _result_closed(self, _result: int) -> None:
        self.result_box = None

    @staticmethod
    def _main_file(paths: Sequence[Path], kind: str) -> Path | None:
        """The file to offer: the minutes PDF (else its DOCX), or the one spreadsheet."""
        if kind != "documents":
            return paths[0] if paths else None
        minutes = [p for p in paths if p.name.startswith(export.MINUTES_NAME)]
        pdf = [p for p in minutes if p.suffix.lower() == ".pdf"]
        offered = pdf or minutes or list(paths)
        return offered[0] if offered else None

    def _open(self, path: Path) -> None:
        if not self._open_url(QUrl.fromLocalFile(str(path))):
            log.warning("could not open %s", path)

    def _cancelled(self, message: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(message)
        self.export_failed.emit(message)

    def _failed(self, message: str) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(message)
        self.export_failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Documents not created"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._result_closed)
        self.result_box = box
        box.open()

    def hideEvent(self, event: Any) -> None:
        """Nothing typed is lost when the user moves to another area."""
        self.save_now()
        super().hideEvent(event)
