"""The "Peserta & Kehadiran" area: the invitation list with search; add, edit and
remove invitees; import a list; print the QR invitation cards and the name tags."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.messages import RakorError
from rakor_desktop.models import Invitee
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations
from rakor_desktop.storage import Storage
from rakor_desktop.storage.people import search_tokens

from ..models import PAGE_SIZE, Index, InviteeTableModel
from ..tasks import Progress, run_with_progress
from .invitee_dialog import InviteeDialog, role_label

PAPERS = ("A4", "F4")


class ParticipantsTableModel(InviteeTableModel):
    """The invitation list with each invitee's role (paged from SQL like its base)."""

    # Role and arrival before the long NIP, so they show without scrolling on a laptop.
    COLUMNS = ("no", "name", "jabatan", "instansi", "group", "role", "present", "code", "nip")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
            and self.COLUMNS[section] == "role"
        ):
            return QCoreApplication.translate("ParticipantsTableModel", "Role")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and 0 <= index.column() < len(self.COLUMNS)
            and self.COLUMNS[index.column()] == "role"
        ):
            if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return None
            invitee = self.invitee(index.row())
            return None if invitee is None else role_label(invitee.role)
        return super().data(index, role)

    def row_of(self, invitee_id: int) -> int:
        """The row showing an invitee, or -1.

        Unfiltered, the row is counted in SQL (any page); with a search, the invitee is
        looked for on the first page, where a fresh match normally is.
        """
        if self._event_id is None:
            return -1
        if not search_tokens(self._query):
            row = self._storage.invitee_list_row(self._event_id, invitee_id)
            return -1 if row is None or row >= self.rowCount() else row
        for row in range(min(self.rowCount(), PAGE_SIZE)):
            invitee = self.invitee(row)
            if invitee is not None and invitee.id == invitee_id:
                return row
        return -1


class ParticipantsPage(QWidget):
    """Search and edit the invitation list; import it; print cards and name tags.

    Signals:
        invitees_changed(int): the invitation list of the event changed (its id).
        document_written(str): a PDF was written (its path).
    """

    invitees_changed = Signal(int)
    document_written = Signal(str)

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id: int | None = None
        self._last_folder = Path.home()
        self.model = ParticipantsTableModel(storage, self)

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
        self.search_edit.returnPressed.connect(self._go_to_table)
        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((45, 250, 210, 200, 100, 100, 60, 90, 150)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())

        self._build_actions()
        self.paper_combo = QComboBox()
        self.paper_combo.addItems(PAPERS)
        self.paper_combo.setToolTip(self.tr("Paper for the invitation cards and name tags"))
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.add_action, self.edit_action, self.remove_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.import_action)
        self.import_button = self.toolbar.widgetForAction(self.import_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.print_cards_action)
        self.toolbar.addAction(self.print_tags_action)
        self.toolbar.addWidget(QLabel(" " + self.tr("Paper:") + " "))
        self.toolbar.addWidget(self.paper_combo)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

    def _build_actions(self) -> None:
        def action(text: str, tip: str, slot: Callable[[], Any], keys: list[str]) -> QAction:
            act = QAction(text, self)
            sequences = [_keys(k) for k in keys]
            act.setShortcuts(sequences)
            shown = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences
            )
            act.setToolTip(f"{tip} ({shown})" if shown else tip)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _checked=False: slot())
            self.addAction(act)
            return act

        self.add_action = action(
            self.tr("&Add…"), self.tr("Add an invitee"), self.add_invitee,
            ["Ctrl+Shift+N", "Ins"],
        )
        self.edit_action = action(
            self.tr("&Edit…"), self.tr("Edit the selected invitee"), self.edit_current,
            ["F2"],
        )
        self.remove_action = action(
            self.tr("&Remove…"), self.tr("Remove the selected invitees from the list"),
            self.remove_selected, ["Del"],
        )
        # Delete, Enter and Return act on the table only: in the search field they edit text.
        self.removeAction(self.remove_action)
        self.table.addAction(self.remove_action)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for key in ("Return", "Enter"):
            shortcut = QShortcut(_keys(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit_current)
        self.import_action = action(
            self.tr("&Import invitation list…"),
            self.tr("Import the invitation list from a spreadsheet"),
            self.choose_import_file, [],
        )
        self.print_cards_action = action(
            self.tr("Print QR &invitations…"),
            self.tr("Save the QR invitation cards as a PDF to print"),
            self.print_invitation_cards, [],
        )
        self.print_tags_action = action(
            self.tr("Print name &tags…"), self.tr("Save a sheet of name tags as a PDF to print"),
            self.print_name_tags, [],
        )

    # -- the list ----------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the invitation list of another event."""
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        timezone = event_ops.get_event(self._storage, event_id).timezone if event_id else "WIB"
        self.model.set_event(event_id, timezone)
        if event_id is not None:
            # The paper chosen for this event's documents (Notulen & Dokumen), F4 or A4.
            from rakor_desktop.exports.documents.settings import load_document_options

            self.paper_combo.setCurrentText(load_document_options(self._storage, event_id).paper)

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

    def _update_actions(self) -> None:
        has_event = self._event_id is not None
        selected = bool(self.selected_invitees())
        self.add_action.setEnabled(has_event)
        self.edit_action.setEnabled(selected)
        self.remove_action.setEnabled(selected)
        self.print_cards_action.setEnabled(has_event)
        self.print_tags_action.setEnabled(has_event)

    def _go_to_table(self) -> None:
        """Enter in the search field: on to the matches, the first one selected."""
        self._search_timer.stop()
        self.model.set_query(self.search_edit.text())
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def selected_invitees(self) -> list[Invitee]:
        """The invitees of the selected rows (the current one when none is selected)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = [self.model.invitee(row) for row in rows]
        return [invitee for invitee in found if invitee is not None]

    def _after_change(self, select_id: int | None = None) -> None:
        assert self._event_id is not None
        self.model.refresh()
        self.invitees_changed.emit(self._event_id)
        if select_id is not None:
            row = self.model.row_of(select_id)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self.table.setFocus()

    # -- add, edit, remove -------------------------------------------------------------------

    def add_invitee(self) -> Invitee | None:
        """Open the form for a new invitee (Ctrl+Shift+N or Insert)."""
        if self._event_id is None or _busy():
            return None
        dialog = InviteeDialog(self._storage, self._event_id, None, self)
        try:
            if dialog.exec() and dialog.invitee is not None:
                self._after_change(dialog.invitee.id)
                return dialog.invitee
            return None
        finally:
            dialog.deleteLater()

    def edit_current(self) -> Invitee | None:
        """Open the form of the selected invitee (Enter, F2 or a double click)."""
        if self._event_id is None or _busy():
            return None
        index = self.table.currentIndex()
        invitee = self.model.invitee(index.row()) if index.isValid() else None
        if invitee is None:
            chosen = self.selected_invitees()
            invitee = chosen[0] if chosen else None
        if invitee is None or invitee.id is None:
            return None
        dialog = InviteeDialog(self._storage, self._event_id, invitee.id, self)
        try:
            if dialog.exec() and dialog.invitee is not None:
                self._after_change(dialog.invitee.id)
                return dialog.invitee
            return None
        finally:
            dialog.deleteLater()

    def remove_selected(self) -> bool:
        """Remove the selected invitees after a confirmation (Delete).

        Someone whose attendance was recorded cannot be removed: the core says so.
        """
        if self._event_id is None or _busy():
            return False
        chosen = self.selected_invitees()
        ids = [invitee.id for invitee in chosen if invitee.id is not None]
        if not ids:
            return False
        first_row = min(index.row() for index in self.table.selectionModel().selectedRows())
        present = [i for i in ids if self._storage.invitee_has_attendance(i)]
        if not present:
            if len(chosen) == 1:
                question = self.tr(
                    "Remove {name} from the invitation list?\n"
                    "The person stays in the directory for later events."
                ).format(name=chosen[0].person.name)
            else:
                question = self.tr(
                    "Remove {count} invitees from the invitation list?\n"
                    "They stay in the directory for later events."
                ).format(count=len(chosen))
            answer = QMessageBox.question(
                self, self.tr("Remove invitee"), question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            invitations.remove_invitees(self._storage, ids)
        except RakorError as exc:
            QMessageBox.warning(self, self.tr("Cannot remove"), str(exc))
            return False
        self._after_change()
        if self.model.rowCount():
            self.table.selectRow(min(first_row, self.model.rowCount() - 1))
        return True

    # -- import ----------------------------------------------------------------------------

    def choose_import_file(self) -> None:
        """Import an invitation list through the import dialog (preview, then apply)."""
        if self._event_id is None:
            return
        from .import_dialog import ImportDialog

        dialog = ImportDialog(self._storage, self._event_id, self)
        try:
            dialog.exec()
            if dialog.report is not None:
                self._after_change()
        finally:
            dialog.deleteLater()

    # -- printing --------------------------------------------------------------------------

    def print_invitation_cards(self) -> None:
        """Save the QR invitation cards as a PDF (in the background), then offer to open it."""
        self._print(
            "cards",
            self.tr("Save QR invitations"),
            "Undangan QR",
        )

    def print_name_tags(self) -> None:
        """Save a sheet of name tags as a PDF (in the background), then offer to open it."""
        self._print("tags", self.tr("Save name tags"), "Tanda nama")

    def _who_to_print(self) -> tuple[bool, list[int] | None]:
        """(go on?, the selected invitees' ids or None for everybody)."""
        assert self._event_id is not None
        chosen = self.selected_invitees()
        invited = self._storage.count_invitees(self._event_id)
        if not chosen or len(chosen) >= invited:
            return True, None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Print"))
        box.setText(self.tr("Print for the selected invitees or for everybody on the list?"))
        selected_button = box.addButton(
            self.tr("&Selected ({count})").format(count=len(chosen)),
            QMessageBox.ButtonRole.AcceptRole,
        )
        all_button = box.addButton(
            self.tr("&Everybody ({count})").format(count=invited),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(all_button)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is selected_button:
            return True, [invitee.id for invitee in chosen if invitee.id is not None]
        return clicked is all_button, None

    def _print(self, kind: str, caption: str, file_stem: str) -> None:
        if self._event_id is None:
            return
        event_id = self._event_id
        if not self._storage.count_invitees(event_id):
            QMessageBox.information(
                self, caption, self.tr("The invitation list is empty: nothing to print yet.")
            )
            return
        go_on, invitee_ids = self._who_to_print()
        if not go_on:
            return
        paper = self.paper_combo.currentText()
        title = event_ops.get_event(self._storage, event_id).title
        suggested = self._last_folder / _file_name(f"{file_stem} {paper} - {title}")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, caption, str(suggested), self.tr("PDF documents (*.pdf)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._last_folder = path.parent
        self._render_in_background(kind, event_id, path, paper, invitee_ids)

    def _render_in_background(
        self, kind: str, event_id: int, path: Path, paper: str, invitee_ids: list[int] | None
    ) -> None:
        from rakor_desktop.exports import cards

        render = cards.render_invitation_cards if kind == "cards" else cards.render_name_tags
        database = self._storage.path

        def work(progress: Progress) -> int:
            # A worker has its own connection: SQLite connections belong to one thread.
            storage = Storage.open(database, backup=False, check=False)
            try:
                return int(render(
                    storage, event_id, path, paper=paper, invitee_ids=invitee_ids,
                    progress=progress.step,
                ))
            finally:
                storage.close()

        def done(count: int) -> None:
            self.document_written.emit(str(path))
            if kind == "cards":
                message = self.tr("{count} invitation cards saved in {path}.")
            else:
                message = self.tr("{count} name tags saved in {path}.")
            answer = QMessageBox.question(
                self, self.tr("Printing"),
                message.format(count=count, path=path) + "\n\n" + self.tr("Open the file now?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        run_with_progress(
            self, title=self.tr("Printing"),
            label=self.tr("Writing {name}…").format(name=path.name), work=work, on_done=done,
            on_error=lambda message: _warn(self, self.tr("Printing failed"), message),
        )  # fmt: skip


def _warn(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def _busy() -> bool:
    """A dialog is open already: a second key press must not open another one."""
    return QApplication.activeModalWidget() is not None


def _keys(portable: str) -> QKeySequence:
    """A key sequence from its English name ("Ctrl+Shift+N", "Ins", "Enter").

    Read as portable text: the native reading follows the installed translation, and
    Qt's Indonesian catalogue names Enter and Return alike.
    """
    return QKeySequence.fromString(portable, QKeySequence.SequenceFormat.PortableText)


def _file_name(text: str) -> str:
    """A file name from an event title: no characters Windows refuses, not too long."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return " ".join(cleaned.split())[:90].rstrip(" .") + ".pdf"
