"""Add or edit one invitee by hand, with suggestions from the person directory."""

from __future__ import annotations

import itertools
import re
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.formatting import (
    format_clock,
    format_name,
    normalize_nip_nrp,
    nrp_warning,
    split_titles,
)
from rakor_desktop.messages import RakorError
from rakor_desktop.models import Invitee, Person, Role
from rakor_desktop.operations import invitations
from rakor_desktop.operations.invitations import InviteeDetails
from rakor_desktop.storage import Storage

from ..widgets import ERROR_STYLE, error_label, ok_cancel_buttons

Index = QModelIndex | QPersistentModelIndex
HINT_STYLE = "color: #555555;"
MIN_SUGGEST_CHARS = 2
SUGGESTION_LIMIT = 12
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
INVITED_ROLE = Qt.ItemDataRole.UserRole + 2
_PHONE = re.compile(r"[0-9+()\-\s./]*")


def role_label(role: Role | str) -> str:
    """The name of an invitee's role, in the current language."""
    labels = {
        Role.PESERTA: QCoreApplication.translate("Roles", "Participant"),
        Role.NARASUMBER: QCoreApplication.translate("Roles", "Resource person"),
        Role.MODERATOR: QCoreApplication.translate("Roles", "Moderator"),
        Role.PANITIA: QCoreApplication.translate("Roles", "Committee"),
    }
    return labels[Role(role)]


class DirectorySuggestionModel(QAbstractListModel):
    """People of the directory whose name matches what is typed (searched in SQL)."""

    def __init__(self, storage: Storage, event_id: int | None, parent: Any = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id = event_id
        self._people: list[Person] = []
        self._invited: set[int] = set()

    def set_query(self, typed: str) -> None:
        """Suggest the people matching ``typed`` (nobody for fewer than two characters)."""
        self.beginResetModel()
        typed = typed.strip()
        self._people = (
            self._storage.search_persons(typed, limit=SUGGESTION_LIMIT)
            if len(typed) >= MIN_SUGGEST_CHARS else []
        )
        self._invited = set()
        if self._event_id is not None:
            for person in self._people:
                if person.id is not None and self._storage.find_invitee_of_person(
                    self._event_id, person.id
                ) is not None:
                    self._invited.add(person.id)
        self.endResetModel()

    def person(self, row: int) -> Person | None:
        """The person suggested in ``row``."""
        return self._people[row] if 0 <= row < len(self._people) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        full_name = format_name(person.name, person.front_titles, person.back_titles)
        if role == Qt.ItemDataRole.EditRole:
            return full_name  # what the completer puts into the name field
        if role == PERSON_ROLE:
            return person
        if role == INVITED_ROLE:
            return person.id in self._invited
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            where = " · ".join(p for p in (person.jabatan, person.instansi) if p)
            text = f"{full_name} — {where}" if where else full_name
            if person.id in self._invited:
                text += " " + QCoreApplication.translate(
                    "DirectorySuggestionModel", "(already on this list)"
                )
            return text
        return None


class InviteeDialog(QDialog):
    """The form of one invitee: add (``invitee_id`` None) or edit.

    The name may be typed with its titles ("Dr. H. Sri Purwaningsih, M.Si."): they
    move to the title fields when the name field is left. While a new name is typed,
    people from the directory are suggested; choosing one fills the form, and saving
    updates that directory entry. After ``exec()``, ``invitee`` is what was saved.
    """

    def __init__(
        self,
        storage: Storage,
        event_id: int,
        invitee_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id = event_id
        self._invitee_id = invitee_id
        self._person_id: int | None = None
        self._name_touched = False
        self._filling = False
        self.invitee: Invitee | None = None
        editing = invitee_id is not None
        self.setWindowTitle(self.tr("Edit invitee") if editing else self.tr("Add invitee"))
        self.setMinimumWidth(620)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(
            self.tr("Name, titles may be typed with it: Dr. H. Sri Purwaningsih, M.Si.")
        )
        self.front_titles_edit = QLineEdit()
        self.front_titles_edit.setPlaceholderText(self.tr("e.g. Dr. H."))
        self.back_titles_edit = QLineEdit()
        self.back_titles_edit.setPlaceholderText(self.tr("e.g. S.H., M.Si."))
        self.directory_label = QLabel()
        self.directory_label.setStyleSheet(HINT_STYLE)
        self.directory_label.setWordWrap(True)
        self.detach_button = QPushButton(self.tr("Not this &person"))
        self.detach_button.setToolTip(
            self.tr("Save as a new person instead of the one from the directory")
        )
        self.detach_button.clicked.connect(self._detach_person)
        self.nip_edit = QLineEdit()
        self.nip_edit.setPlaceholderText(self.tr("NIP 18 digits, or NRP (Polri/TNI)"))
        self.nip_error = QLabel()
        self.nip_error.setStyleSheet(ERROR_STYLE)
        self.nip_error.setWordWrap(True)
        self.pangkat_edit = QLineEdit()
        self.pangkat_edit.setPlaceholderText(self.tr("e.g. Pembina"))
        self.golongan_edit = QLineEdit()
        self.golongan_edit.setPlaceholderText(self.tr("e.g. IV/a"))
        self.golongan_edit.setMaximumWidth(110)
        self.jabatan_edit = QLineEdit()
        self.jabatan_edit.setPlaceholderText(self.tr("e.g. Kepala Badan Kesbangpol"))
        self.instansi_edit = QLineEdit()
        self.instansi_edit.setPlaceholderText(self.tr("e.g. Pemerintah Kota Jambi"))
        self.group_combo = QComboBox()
        self.group_combo.setEditable(True)
        self.group_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.group_combo.addItems(invitations.group_choices(storage, event_id))
        self.group_combo.setCurrentIndex(-1)
        self.group_combo.setEditText("")
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("e.g. 0812 7400 1234"))
        self.gender_combo = QComboBox()
        self.gender_combo.addItem("—", "")
        self.gender_combo.addItem(self.tr("L (male)"), "L")
        self.gender_combo.addItem(self.tr("P (female)"), "P")
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(role_label(role), role.value)
        self.status_label = QLabel()
        self.status_label.setStyleSheet(HINT_STYLE)
        self.error_label = error_label()

        self.suggestions = DirectorySuggestionModel(storage, event_id, self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(SUGGESTION_LIMIT)
        self.completer.activated[QModelIndex].connect(  # type: ignore[index]
            self._choose_suggestion
        )
        if not editing:
            self.name_edit.setCompleter(self.completer)
            self.name_edit.textEdited.connect(self._suggest)

        titles = QHBoxLayout()
        titles.addWidget(QLabel(self.tr("Front:")))
        titles.addWidget(self.front_titles_edit, 1)
        titles.addWidget(QLabel(self.tr("Back:")))
        titles.addWidget(self.back_titles_edit, 1)
        rank = QHBoxLayout()
        rank.addWidget(self.pangkat_edit, 1)
        rank.addWidget(QLabel(self.tr("Grade:")))
        rank.addWidget(self.golongan_edit)
        directory = QHBoxLayout()
        directory.addWidget(self.directory_label, 1)
        directory.addWidget(self.detach_button)
        self._directory_row = QWidget()
        self._directory_row.setLayout(directory)
        directory.setContentsMargins(0, 0, 0, 0)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow("", self._directory_row)
        titles_label = QLabel(self.tr("&Titles:"))
        titles_label.setBuddy(self.front_titles_edit)
        form.addRow(titles_label, titles)
        form.addRow(self.tr("N&IP/NRP:"), self.nip_edit)
        form.addRow("", self.nip_error)
        rank_label = QLabel(self.tr("&Rank:"))
        rank_label.setBuddy(self.pangkat_edit)
        form.addRow(rank_label, rank)
        form.addRow(self.tr("Position (&jabatan):"), self.jabatan_edit)
        form.addRow(self.tr("Instit&ution:"), self.instansi_edit)
        form.addRow(self.tr("&Group:"), self.group_combo)
        form.addRow(self.tr("P&hone:"), self.phone_edit)
        form.addRow(self.tr("&Sex:"), self.gender_combo)
        form.addRow(self.tr("R&ole:"), self.role_combo)

        self.buttons, self.ok_button = ok_cancel_buttons(self)
        self.ok_button.setText(self.tr("Save") if editing else self.tr("Add to the list"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.name_edit.editingFinished.connect(self._split_name_field)
        for edit in (self.name_edit, self.front_titles_edit, self.back_titles_edit,
                     self.nip_edit, self.phone_edit):
            edit.textChanged.connect(lambda _t: self._validate())
        self.name_edit.textChanged.connect(self._on_name_changed)

        chain = (
            self.name_edit, self.front_titles_edit, self.back_titles_edit, self.nip_edit,
            self.pangkat_edit, self.golongan_edit, self.jabatan_edit, self.instansi_edit,
            self.group_combo, self.phone_edit, self.gender_combo, self.role_combo,
            self.detach_button,
        )
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

        if editing:
            self._load(invitee_id)
        self._show_directory_state()
        self._validate()
        self.name_edit.setFocus()

    # -- filling the form ------------------------------------------------------------

    def _load(self, invitee_id: int | None) -> None:
        invitee = self._storage.get_invitee(invitee_id) if invitee_id is not None else None
        if invitee is None:
            self.error_label.setText(self.tr("This invitee no longer exists."))
            return
        details = InviteeDetails.of(invitee)
        self._fill(details.person, details.jabatan, details.instansi, details.group_name)
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role(details.role).value))
        self._person_id = invitee.person.id
        status = self.tr("Check-in code: {code}").format(code=invitee.checkin_code)
        if invitee.first_checkin_at is not None:
            event = self._storage.get_event(invitee.event_id)
            timezone = event.timezone if event is not None else "WIB"
            status += " · " + self.tr("present since {time} {tz}").format(
                time=format_clock(invitee.first_checkin_at, timezone), tz=timezone
            )
        self.status_label.setText(status)

    def _fill(self, person: Person, jabatan: str, instansi: str, group_name: str) -> None:
        self._filling = True
        try:
            self.name_edit.setText(person.name)
            self.front_titles_edit.setText(person.front_titles)
            self.back_titles_edit.setText(person.back_titles)
            self.nip_edit.setText(person.nip)
            self.pangkat_edit.setText(person.pangkat)
            self.golongan_edit.setText(person.golongan)
            self.jabatan_edit.setText(jabatan)
            self.instansi_edit.setText(instansi)
            self.group_combo.setEditText(group_name)
            self.phone_edit.setText(person.phone)
            self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(person.gender)))
        finally:
            self._filling = False

    def _suggest(self, typed: str) -> None:
        """Look up the directory as the name is typed (textEdited: only the user's typing)."""
        self.suggestions.set_query(typed)
        if self.suggestions.rowCount() and self.name_edit.hasFocus():
            self.completer.complete()
        else:
            popup = self.completer.popup()
            if popup is not None:
                popup.hide()

    def _choose_suggestion(self, index: QModelIndex) -> None:
        person = self.suggestions.person(index.row())
        if person is not None:
            # After the completer has put its text in the field and closed its popup.
            QTimer.singleShot(0, lambda: self._take_person(person))

    def _take_person(self, person: Person) -> None:
        self._fill(person, person.jabatan, person.instansi, person.group_name)
        self._person_id = person.id
        self._name_touched = True
        self._show_directory_state()
        self._validate()
        self.jabatan_edit.setFocus()

    def _detach_person(self) -> None:
        self._person_id = None
        self._show_directory_state()
        self._validate()
        self.name_edit.setFocus()

    def _show_directory_state(self) -> None:
        from_directory = self._invitee_id is None and self._person_id is not None
        self._directory_row.setVisible(from_directory)
        if from_directory:
            self.directory_label.setText(
                self.tr("From the directory: changes here also update the directory entry.")
            )

    def _on_name_changed(self, text: str) -> None:
        if not self._filling and text.strip():
            self._name_touched = True

    def _split_name_field(self) -> None:
        """Move titles typed with the name into their own fields."""
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            return
        front, bare, back = split_titles(self.name_edit.text())
        if not bare or (not front and not back):
            return
        self._filling = True
        try:
            self.name_edit.setText(bare)
            if front:
                self.front_titles_edit.setText(front)
            if back:
                self.back_titles_edit.setText(back)
        finally:
            self._filling = False
        self._validate()

    # -- validation and saving -----------------------------------------------------------

    def details(self) -> InviteeDetails:
        """What the form holds now (titles typed with the name are split off)."""
        front, bare, back = split_titles(self.name_edit.text())
        if bare and (front or back):
            front = front or self.front_titles_edit.text()
            back = back or self.back_titles_edit.text()
        else:
            bare = self.name_edit.text()
            front, back = self.front_titles_edit.text(), self.back_titles_edit.text()
        person = Person(
            name=bare,
            front_titles=front,
            back_titles=back,
            nip=self.nip_edit.text(),
            pangkat=self.pangkat_edit.text(),
            golongan=self.golongan_edit.text(),
            phone=self.phone_edit.text(),
            gender=str(self.gender_combo.currentData() or ""),
            id=self._person_id,
        )
        return InviteeDetails(
            person=person,
            jabatan=self.jabatan_edit.text(),
            instansi=self.instansi_edit.text(),
            group_name=self.group_combo.currentText(),
            role=Role(self.role_combo.currentData()),
        )

    def _validate(self) -> bool:
        """Show what is wrong next to the fields; OK only when all is well."""
        problems: list[str] = []
        name_text = self.name_edit.text().strip()
        if not name_text:
            if self._name_touched:
                problems.append(self.tr("The name is required."))
            valid = False
        else:
            valid = True
            if not split_titles(name_text)[1]:
                problems.append(self.tr("Type the name, not only the titles."))
                valid = False
        nip_message = self._nip_problem()
        # An NRP of an unusual shape is accepted, with a note (the TNI rule varies).
        note = "" if nip_message else self._nrp_note()
        self.nip_error.setStyleSheet(ERROR_STYLE if nip_message else HINT_STYLE)
        self.nip_error.setText(nip_message or note)
        self.nip_error.setVisible(bool(nip_message or note))
        if nip_message:
            valid = False
        if not _PHONE.fullmatch(self.phone_edit.text()):
            problems.append(
                self.tr("A phone number has digits only (spaces, + and - are allowed).")
            )
            valid = False
        if (
            self._invitee_id is None
            and self._person_id is not None
            and self._storage.find_invitee_of_person(self._event_id, self._person_id)
        ):
            problems.append(
                self.tr("{name} is already on the invitation list of this event.").format(
                    name=self.name_edit.text().strip()
                )
            )
            valid = False
        self.error_label.setText("\n".join(problems))
        self.ok_button.setEnabled(valid)
        return valid

    def _nrp_note(self) -> str:
        """What looks unusual about a valid NRP ("" for a NIP, an ordinary NRP or none)."""
        try:
            warning = nrp_warning(normalize_nip_nrp(self.nip_edit.text()))
        except ValueError:
            return ""
        return "" if warning is None else str(warning)

    def _nip_problem(self) -> str:
        if self._invitee_id is None:
            self.status_label.clear()
        typed = self.nip_edit.text()
        if not typed.strip():
            return ""
        try:
            nip = normalize_nip_nrp(typed)
        except ValueError as exc:  # the core's ValidationError, in the user's language
            return str(exc)
        holder = self._storage.find_person_by_nip(nip)
        if holder is None or holder.id == self._person_id:
            return ""
        if self._invitee_id is None and self._person_id is None:
            # A new person with a known NIP: the directory entry is used (and completed).
            self.status_label.setText(
                self.tr("This NIP is in the directory as {name}: that entry will be used.")
                .format(name=holder.name)
            )
            return ""
        return self.tr("This NIP belongs to {name} in the directory.").format(name=holder.name)

    def accept(self) -> None:
        """Save; stay open with the message when the core refuses."""
        self._split_name_field()
        if not self._validate():
            return
        try:
            if self._invitee_id is None:
                self.invitee = invitations.add_invitee(
                    self._storage, self._event_id, self.details()
                )
            else:
                self.invitee = invitations.update_invitee(
                    self._storage, self._invitee_id, self.details()
                )
        except RakorError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()
