"""Applying a previewed invitation list import: all or nothing in one transaction.

The preview (reading the file, duplicates, decisions) is in
:mod:`rakor_desktop.importers.preview`.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.formatting import format_nip, name_search_key, normalize_for_search
from rakor_desktop.importers import (
    ParticipantRow,
    RowProblem,
    refusal,
)
from rakor_desktop.importers.preview import (
    Decision,
    Decisions,
    DuplicateKind,
    ImportPreview,
    PreviewOutdatedError,
    PreviewRow,
    find_duplicates,
    preview_import,
)
from rakor_desktop.messages import ValidationError, text
from rakor_desktop.models import Invitee, Person, Role
from rakor_desktop.operations.events import get_event
from rakor_desktop.operations.invitations import CODE_ALPHABET, CODE_LENGTH
from rakor_desktop.people import PERSON_TEXT_FIELDS, clean_person, merge_person
from rakor_desktop.storage import Storage


@dataclass
class ImportReport:
    """What an import did.

    Attributes:
        added: Rows added as new persons (to the directory and the list).
        merged: Rows merged into a person already known (in the directory, on
            the list, or an earlier row of the file).
        skipped: Rows not imported (duplicates, excluded rows).
        from_directory: Directory persons put on the list by this import.
        skipped_names: The names of the skipped rows, in file order.
        invitee_ids: The invitations created, in file order.
        warnings: What was left out of the rows imported (and of the file).
    """

    added: int = 0
    merged: int = 0
    skipped: int = 0
    from_directory: int = 0
    skipped_names: list[str] = field(default_factory=list)
    invitee_ids: list[int] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)

    @property
    def invited(self) -> int:
        """How many people were put on the list."""
        return len(self.invitee_ids)

    def describe(self) -> str:
        """One sentence for the user."""
        return text(
            "{invited} orang masuk daftar undangan: {added} baru, {merged} digabung, "
            "{skipped} dilewati.",
            "{invited} people put on the invitation list: {added} new, {merged} merged, "
            "{skipped} skipped.",
            invited=self.invited, added=self.added, merged=self.merged, skipped=self.skipped,
        )


# -- applying it ------------------------------------------------------------------------


def _check_decisions(preview: ImportPreview, decisions: Decisions) -> None:
    for number, decision in decisions.items():
        try:
            row = preview.row(number)
        except KeyError:
            raise ValueError(f"row {number} is not a person row of the preview") from None
        if Decision(decision) not in row.allowed:
            raise ValidationError(
                "Baris {row}: {name} tidak dapat {what}; pilih {choices}.",
                "Row {row}: {name} cannot be {what_en}; choose {choices_en}.",
                row=number,
                name=row.person.name,
                what=_DECISION_ID[Decision(decision)],
                what_en=_DECISION_EN[Decision(decision)],
                choices=" atau ".join(_DECISION_ID[c] for c in row.allowed),
                choices_en=" or ".join(_DECISION_EN[c] for c in row.allowed),
            )


_DECISION_ID = {Decision.ADD: "ditambahkan", Decision.MERGE: "digabung", Decision.SKIP: "dilewati"}
_DECISION_EN = {Decision.ADD: "added", Decision.MERGE: "merged", Decision.SKIP: "skipped"}


def _check_unchanged(storage: Storage, preview: ImportPreview) -> None:
    """Refuse when the list or the directory changed since the preview was made."""
    entries = [
        ParticipantRow(row=r.row, person=r.person, role=r.role, problems=r.problems)
        for r in preview.rows
    ]
    now = find_duplicates(storage, preview.event_id, entries)
    for row, duplicate in zip(preview.rows, now, strict=True):
        before = row.duplicate.signature() if row.duplicate is not None else None
        after = duplicate.signature() if duplicate is not None else None
        if before != after:
            raise PreviewOutdatedError(
                "Daftar undangan atau direktori berubah sejak pratinjau dibuat (baris {row}: "
                "{name}). Tidak ada yang disimpan; buat pratinjau lagi lalu impor.",
                "The invitation list or the directory changed since the preview was made "
                "(row {row}: {name}). Nothing was saved; preview again, then import.",
                row=row.row,
                name=row.person.name,
            )


def apply_import(
    storage: Storage,
    event_id: int,
    preview: ImportPreview,
    decisions: Decisions | None = None,
    *,
    clock: Clock = utc_now,
) -> ImportReport:
    """Write a previewed import as decided: all or nothing, in one transaction.

    Args:
        storage: The database.
        event_id: The event (the one the preview was made for).
        preview: From :func:`preview_import` or :func:`preview_sheet`.
        decisions: The user's decisions by row number; other rows as proposed.
            A row with problems must be decided :attr:`Decision.SKIP`.
        clock: Time of the writes.

    Returns:
        What was written.

    Raises:
        NotFoundError: The event no longer exists.
        FileFormatError: Rows with problems are not excluded (listed with their
            row numbers); nothing was written.
        ValidationError: A decision that does not fit its row; nothing was written.
        PreviewOutdatedError: The list or the directory changed since the
            preview; nothing was written.
    """
    if event_id != preview.event_id:
        raise ValueError("the preview was made for another event")
    decisions = dict(decisions or {})
    _check_decisions(preview, decisions)
    blocking = preview.blocking_problems(decisions)
    if blocking:
        raise refusal(preview.source, blocking)
    now = clock()
    with storage.transaction():
        get_event(storage, event_id)
        _check_unchanged(storage, preview)
        plan = _plan(storage, preview, decisions)
        _write(storage, event_id, plan, now)
    plan.report.warnings = preview.warnings(decisions)
    return plan.report


@dataclass
class _Invitation:
    """An invitation to create: the person (as finally merged) and the role."""

    person: Person
    role: Role


@dataclass
class _InvitationUpdate:
    """What a list imported again changes in an existing invitation."""

    role: Role | None = None
    jabatan: str = ""
    instansi: str = ""
    group_name: str = ""


@dataclass
class _Plan:
    """The writes of an import, decided row by row before any is made."""

    report: ImportReport = field(default_factory=ImportReport)
    new_people: list[Person] = field(default_factory=list)
    changed_people: dict[int, Person] = field(default_factory=dict)  # id: as merged
    invitations: list[_Invitation] = field(default_factory=list)
    updates: dict[int, _InvitationUpdate] = field(default_factory=dict)  # invitee id


def _plan(storage: Storage, preview: ImportPreview, decisions: Decisions) -> _Plan:
    """Decide every write: rows merged into people added or merged earlier stay consistent."""
    plan = _Plan()
    report = plan.report
    invited = storage.invitations_by_person(preview.event_id)
    by_row: dict[int, Person] = {}  # row number: the person it became (new or known)
    current: dict[int, Person] = {}  # person id: as merged so far
    # The invitations planned, of people added by this import (by object) and of
    # directory people (by id).
    new_invitation: dict[int, _Invitation] = {}
    known_invitation: dict[int, _Invitation] = {}
    known_nips = storage.persons_with_nips(
        r.person.nip
        for r in preview.rows
        if r.person.nip and not r.problems and preview.decision(r, decisions) is Decision.ADD
    )
    added_nips: set[str] = set()
    for row in preview.rows:
        decision = preview.decision(row, decisions)
        if decision is Decision.SKIP:
            report.skipped += 1
            report.skipped_names.append(row.person.name)
            continue
        person = clean_person(row.person)
        target = _merge_target(row, decision, by_row, current)
        if target is None:
            if person.nip and (person.nip in known_nips or person.nip in added_nips):
                raise ValidationError(
                    "Baris {row}: NIP {nip} sudah dimiliki orang lain; pilih digabung atau "
                    "dilewati.",
                    "Row {row}: the NIP {nip} already belongs to someone else; choose merge "
                    "or skip.",
                    row=row.row, nip=format_nip(person.nip),
                )
            if person.nip:
                added_nips.add(person.nip)
            plan.new_people.append(person)
            by_row[row.row] = person
            invitation = _Invitation(person, row.role)
            new_invitation[id(person)] = invitation
            plan.invitations.append(invitation)
            report.added += 1
            continue
        report.merged += 1
        merged = _keep_better_spelling(target, merge_person(target, person))
        if target.id is None:
            # An earlier row of this import, not written yet: complete it in place.
            for name in PERSON_TEXT_FIELDS:
                setattr(target, name, getattr(merged, name))
            by_row[row.row] = target
            if row.role_given:
                new_invitation[id(target)].role = row.role
            continue
        by_row[row.row] = current[target.id] = merged
        if merged != target:
            plan.changed_people[target.id] = merged
        invitee_id = invited.get(target.id)
        planned = known_invitation.get(target.id)
        if invitee_id is not None:
            update = plan.updates.setdefault(invitee_id, _InvitationUpdate())
            update.role = row.role if row.role_given else update.role
            update.jabatan = merged.jabatan if person.jabatan else update.jabatan
            update.instansi = merged.instansi if person.instansi else update.instansi
            update.group_name = merged.group_name if person.group_name else update.group_name
        elif planned is not None:  # invited by an earlier row of this import
            planned.person = merged
            planned.role = row.role if row.role_given else planned.role
        else:
            invitation = _Invitation(merged, row.role)
            known_invitation[target.id] = invitation
            plan.invitations.append(invitation)
            report.from_directory += 1
    return plan


def _write(storage: Storage, event_id: int, plan: _Plan, now: datetime) -> None:
    """Make the planned writes, a statement per table where the list is long."""
    storage.insert_persons(plan.new_people, now=now)
    renamed: list[Person] = []
    unchanged_names: list[Person] = []
    for person_id, merged in plan.changed_people.items():
        before = storage.get_person_search_key(person_id)
        (unchanged_names if before == name_search_key(merged.name) else renamed).append(merged)
    storage.update_person_rows(unchanged_names, now=now)
    for person in renamed:
        storage.update_person(person, now=now)  # also the search text of their invitations
    for invitee_id, update in plan.updates.items():
        storage.update_invitation_from_list(
            invitee_id,
            role=update.role,
            jabatan=update.jabatan,
            instansi=update.instansi,
            group_name=update.group_name,
        )
    position = storage.next_invitee_position(event_id)
    codes = _fresh_codes(storage, len(plan.invitations))
    invitees = [
        Invitee(
            event_id=event_id,
            person=invitation.person,
            role=invitation.role,
            checkin_code=next(codes),
            jabatan=invitation.person.jabatan,
            instansi=invitation.person.instansi,
            group_name=invitation.person.group_name,
            position=position + offset,
        )
        for offset, invitation in enumerate(plan.invitations)
    ]
    plan.report.invitee_ids = storage.insert_invitations(invitees, now=now)


def _fresh_codes(storage: Storage, count: int) -> Iterator[str]:
    """``count`` random check-in codes used by no invitee, checked in a few queries."""
    codes: list[str] = []
    tried: set[str] = set()
    while len(codes) < count:
        batch = {
            "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            for _ in range(count - len(codes))
        } - tried
        tried |= batch
        taken = storage.existing_checkin_codes(batch)
        codes.extend(code for code in batch if code not in taken)
    return iter(codes)


_SPELLED_FIELDS = ("name", "jabatan", "instansi", "group_name")


def _keep_better_spelling(known: Person, merged: Person) -> Person:
    """Keep "Budi Santoso" when a list writes "BUDI SANTOSO" (or "dinas kominfo").

    Where the two differ only in case, accents or punctuation, a spelling in
    capitals or in small letters does not replace a mixed-case one.
    """
    for name in _SPELLED_FIELDS:
        old, new = getattr(known, name), getattr(merged, name)
        if old == new or normalize_for_search(old) != normalize_for_search(new):
            continue
        if _mixed_case(old) and not _mixed_case(new):
            setattr(merged, name, old)
    return merged


def _mixed_case(value: str) -> bool:
    return value != value.upper() and value != value.lower()


def _merge_target(
    row: PreviewRow, decision: Decision, by_row: dict[int, Person], current: dict[int, Person]
) -> Person | None:
    """The person a merged row goes into, as it is now; None: the row is added as new."""
    if decision is not Decision.MERGE or row.duplicate is None:
        return None
    duplicate = row.duplicate
    if duplicate.kind is DuplicateKind.IN_FILE and duplicate.first_row in by_row:
        return by_row[duplicate.first_row]
    existing = duplicate.existing
    if existing is not None and existing.id is not None:
        # As checked against the database at the start, or as an earlier row left it.
        return current.get(existing.id, existing)
    return None  # merged into an earlier row that was skipped: this row is the person


def import_file(
    storage: Storage,
    event_id: int,
    path: Path,
    *,
    sheet: str | None = None,
    clock: Clock = utc_now,
) -> ImportReport:
    """Import an invitation list with the proposed decisions (the command line).

    Someone already on the list is skipped, a directory person is merged, a
    repeated row is skipped; any row with an error (no name) refuses the whole
    file. Rows with warnings are imported; the report lists the warnings.

    Raises:
        NotFoundError: No such event, file or sheet.
        FileFormatError: The file cannot be read, or rows have problems (the
            message lists the first ones with their row numbers); nothing written.
    """
    preview = preview_import(storage, event_id, path, sheet=sheet)
    return apply_import(storage, event_id, preview, clock=clock)
