"""Importing an invitation list from a workbook or a CSV file: preview, then apply.

Two steps, as the secretariat works:

1. :func:`preview_import` reads the file (no database write): the header row
   found, the column mapping guessed, each row as a person with its problems,
   and each duplicate with a proposed decision. A duplicate is the same person
   (same NIP, or the same name, titles and case aside, in the same instansi)
   earlier in the file, already on this event's list, or in the directory.
   :func:`preview_sheet` previews the same cells again with a corrected mapping.
2. :func:`apply_import` writes the rows as decided, all or nothing in one
   transaction. Rows with errors (no name) block the import unless they are
   excluded (decided :attr:`Decision.SKIP`); rows with warnings (a NIP Excel
   rounded, left empty) are imported. Merging never erases what the directory
   knows (:func:`rakor_desktop.operations.merge_person`).

:func:`import_file` does both with the proposed decisions (the command line).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.formatting import format_name, format_nip, name_search_key, normalize_for_search
from rakor_desktop.importers import (
    Column,
    ParticipantRow,
    RowProblem,
    SheetData,
    read_sheet,
    refusal,
)
from rakor_desktop.messages import ValidationError, text
from rakor_desktop.models import Invitee, Person, Role
from rakor_desktop.operations import (
    CODE_ALPHABET,
    CODE_LENGTH,
    PERSON_TEXT_FIELDS,
    clean_person,
    get_event,
    merge_person,
)
from rakor_desktop.storage import Storage

__all__ = [
    "Decision",
    "Duplicate",
    "DuplicateKind",
    "ImportPreview",
    "ImportReport",
    "ImportSummary",
    "MatchedBy",
    "PreviewOutdatedError",
    "PreviewRow",
    "apply_import",
    "import_file",
    "preview_import",
    "preview_sheet",
]


class PreviewOutdatedError(ValidationError):
    """The invitation list or the directory changed since the preview: preview again."""


class Decision(StrEnum):
    """What to do with one row of the file."""

    ADD = "add"  # a new person in the directory, invited
    MERGE = "merge"  # the person already known: completed from the row (and invited)
    SKIP = "skip"  # not imported


class DuplicateKind(StrEnum):
    """Where the same person was found."""

    IN_FILE = "in_file"  # an earlier row of the same file
    INVITED = "invited"  # already on this event's invitation list
    DIRECTORY = "directory"  # in the directory (from earlier events), not invited yet


class MatchedBy(StrEnum):
    """Why two entries are taken for the same person."""

    NIP = "nip"
    NAME = "name"  # same name (titles and case aside) in the same instansi


@dataclass(frozen=True)
class Duplicate:
    """The same person found elsewhere.

    Attributes:
        kind: Where.
        matched_by: Same NIP, or same name in the same instansi.
        existing: The directory person (for an in-file duplicate: the one the
            earlier row matched, if any).
        first_row: For an in-file duplicate, the earlier row of the file.
    """

    kind: DuplicateKind
    matched_by: MatchedBy
    existing: Person | None = None
    first_row: int | None = None

    def signature(self) -> tuple[str, str, Person | None, int | None]:
        """What must not change between the preview and the import (the person's data too)."""
        return (self.kind.value, self.matched_by.value, self.existing, self.first_row)

    def describe(self) -> str:
        """One line for the preview: where the same person is, and why."""
        why = (
            text("NIP sama", "same NIP")
            if self.matched_by is MatchedBy.NIP
            else text("nama dan instansi sama", "same name and instansi")
        )
        if self.kind is DuplicateKind.IN_FILE:
            return text(
                "sama dengan baris {row} ({why})", "same as row {row} ({why})",
                row=self.first_row, why=why,
            )
        who = _describe_person(self.existing) if self.existing is not None else ""
        if self.kind is DuplicateKind.INVITED:
            return text(
                "sudah ada di daftar undangan: {who} ({why})",
                "already on the invitation list: {who} ({why})",
                who=who, why=why,
            )
        return text(
            "ada di direktori: {who} ({why})", "in the directory: {who} ({why})", who=who, why=why
        )


def _describe_person(person: Person) -> str:
    parts = [format_name(person.name, person.front_titles, person.back_titles)]
    parts += [p for p in (person.instansi, format_nip(person.nip)) if p]
    return ", ".join(parts)


@dataclass
class PreviewRow:
    """One row of the file as it would be imported.

    Attributes:
        row: The row number as shown in the file.
        person: The person read (with problems: what could be read).
        role: The role at the event.
        problems: Why the row cannot be imported (errors); it blocks the import
            unless skipped.
        duplicate: The same person found elsewhere, or None.
        proposed: The decision proposed (see :func:`proposed_decision`).
        role_given: Whether the file named the role.
        warnings: What was left out of an optional field (the row is imported).
        raw_nip: The NIP cell as typed when it is not a valid NIP.
    """

    row: int
    person: Person
    role: Role
    problems: list[RowProblem]
    duplicate: Duplicate | None
    proposed: Decision
    role_given: bool = False
    warnings: list[RowProblem] = field(default_factory=list)
    raw_nip: str = ""

    @property
    def allowed(self) -> tuple[Decision, ...]:
        """The decisions that make sense for this row (the proposed one first)."""
        dup = self.duplicate
        choices: tuple[Decision, ...]
        if dup is None:
            choices = (Decision.ADD, Decision.SKIP)
        elif dup.matched_by is MatchedBy.NIP:
            # A second person with a known NIP cannot exist: merge or skip.
            choices = (Decision.MERGE, Decision.SKIP)
        else:
            choices = (Decision.MERGE, Decision.ADD, Decision.SKIP)
        return (self.proposed, *(c for c in choices if c is not self.proposed))

    def problem_text(self) -> str:
        """The problems of the row in the user's language, "" when none."""
        return "; ".join(text(p.indonesian, p.english) for p in self.problems)

    def warning_text(self) -> str:
        """The warnings of the row in the user's language, "" when none."""
        return "; ".join(text(p.indonesian, p.english) for p in self.warnings)


def proposed_decision(problems: list[RowProblem], duplicate: Duplicate | None) -> Decision:
    """A new person is added, a directory person merged, someone already listed skipped.

    A row with problems is proposed like any other: it then blocks the import
    until the user excludes it (or fixes the file).
    """
    del problems
    if duplicate is None:
        return Decision.ADD
    if duplicate.kind is DuplicateKind.DIRECTORY:
        return Decision.MERGE
    return Decision.SKIP


@dataclass(frozen=True)
class ImportSummary:
    """Counts of a preview under some decisions."""

    new: int
    merged: int
    skipped: int
    problems: int

    def describe(self) -> str:
        """ "148 baru, 2 digabung, 3 dilewati, 1 bermasalah"."""
        return text(
            "{new} baru, {merged} digabung, {skipped} dilewati, {problems} bermasalah",
            "{new} new, {merged} merged, {skipped} skipped, {problems} with problems",
            new=self.new, merged=self.merged, skipped=self.skipped, problems=self.problems,
        )


Decisions = Mapping[int, Decision]
"""The user's decisions by row number; rows not in it keep their proposed decision."""


@dataclass
class ImportPreview:
    """What an import would do, before anything is written.

    Attributes:
        event_id: The event whose list is imported into.
        data: The cells read (kept to preview again with another mapping).
        header_row: The row number of the column names.
        mapping: The columns used (as guessed, or as corrected).
        guessed_mapping: The columns as recognised from their names.
        rows: Every person row, in file order.
        notes: Warnings about the file rather than a row (a signature block
            left out).
    """

    event_id: int
    data: SheetData
    header_row: int
    mapping: dict[Column, int]
    guessed_mapping: dict[Column, int]
    rows: list[PreviewRow]
    notes: list[RowProblem] = field(default_factory=list)
    _by_row: dict[int, PreviewRow] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_row = {r.row: r for r in self.rows}

    @property
    def source(self) -> str:
        """The file name."""
        return self.data.source

    @property
    def header(self) -> list[str]:
        """The cells of the header row."""
        return self.data.rows[self.header_row - 1]

    def row(self, number: int) -> PreviewRow:
        """The row with this row number (KeyError when none)."""
        return self._by_row[number]

    def decision(self, row: PreviewRow, decisions: Decisions | None = None) -> Decision:
        """The decision in force for a row."""
        if decisions is None:
            return row.proposed
        return decisions.get(row.row, row.proposed)

    def warnings(self, decisions: Decisions | None = None) -> list[RowProblem]:
        """The notes on the file, then the warnings of the rows that are imported."""
        return [
            *self.notes,
            *(
                warning
                for row in self.rows
                if not row.problems and self.decision(row, decisions) is not Decision.SKIP
                for warning in row.warnings
            ),
        ]

    def blocking_problems(self, decisions: Decisions | None = None) -> list[RowProblem]:
        """The problems of the rows not excluded: the import is refused while any."""
        return [
            problem
            for row in self.rows
            if row.problems and self.decision(row, decisions) is not Decision.SKIP
            for problem in row.problems
        ]

    def summary(self, decisions: Decisions | None = None) -> ImportSummary:
        """How many rows would be added, merged, skipped; how many block the import."""
        new = merged = skipped = problems = 0
        for row in self.rows:
            decision = self.decision(row, decisions)
            if decision is Decision.SKIP:
                skipped += 1
            elif row.problems:
                problems += 1
            elif decision is Decision.MERGE:
                merged += 1
            else:
                new += 1
        return ImportSummary(new=new, merged=merged, skipped=skipped, problems=problems)


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


# -- finding the same person ------------------------------------------------------------


class _Folds:
    """Folded names and instansi, each computed once (a list repeats its instansi)."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._texts: dict[str, str] = {}

    def name(self, name: str) -> str:
        key = self._names.get(name)
        if key is None:
            key = self._names[name] = name_search_key(name)
        return key

    def text(self, value: str) -> str:
        key = self._texts.get(value)
        if key is None:
            key = self._texts[value] = normalize_for_search(value)
        return key


def find_duplicates(
    storage: Storage, event_id: int, rows: list[ParticipantRow]
) -> list[Duplicate | None]:
    """The duplicate of each row (None when it is a new person), in the order of ``rows``.

    Rows with problems are neither checked nor matched by later rows: they may be
    excluded. The directory is looked up in a few indexed queries for all rows.
    """
    fold = _Folds()
    valid = [r for r in rows if not r.problems]
    by_nip = storage.persons_with_nips(r.person.nip for r in valid if r.person.nip)
    name_keys = {r.row: fold.name(r.person.name) for r in valid}
    by_name: dict[tuple[str, str], list[Person]] = {}
    for name_key, persons in storage.persons_with_name_keys(name_keys.values()).items():
        for known in persons:
            by_name.setdefault((name_key, fold.text(known.instansi)), []).append(known)
    invited = storage.invitations_by_person(event_id)

    first_with_nip: dict[str, int] = {}
    earlier_with_name: dict[tuple[str, str], list[tuple[int, str]]] = {}
    matched: dict[int, Person | None] = {}
    found: list[Duplicate | None] = []
    for entry in rows:
        if entry.problems:
            found.append(None)
            continue
        person = entry.person
        key = (name_keys[entry.row], fold.text(person.instansi))
        duplicate: Duplicate | None = None
        if person.nip and person.nip in first_with_nip:
            first = first_with_nip[person.nip]
            duplicate = Duplicate(DuplicateKind.IN_FILE, MatchedBy.NIP, matched[first], first)
        else:
            same_name = [
                row for row, nip in earlier_with_name.get(key, ()) if not nip or not person.nip
            ]
            if same_name:
                first = same_name[0]
                duplicate = Duplicate(
                    DuplicateKind.IN_FILE, MatchedBy.NAME, matched[first], first
                )
        if duplicate is None:
            match = by_nip.get(person.nip) if person.nip else None
            matched_by = MatchedBy.NIP
            if match is None:
                matched_by = MatchedBy.NAME
                match = next(
                    (
                        known
                        for known in by_name.get(key, ())
                        if not known.nip or not person.nip or known.nip == person.nip
                    ),
                    None,
                )
            if match is not None:
                kind = DuplicateKind.INVITED if match.id in invited else DuplicateKind.DIRECTORY
                duplicate = Duplicate(kind, matched_by, match)
        matched[entry.row] = duplicate.existing if duplicate is not None else None
        if person.nip:
            first_with_nip.setdefault(person.nip, entry.row)
        earlier_with_name.setdefault(key, []).append((entry.row, person.nip))
        found.append(duplicate)
    return found


# -- the preview ------------------------------------------------------------------------


def preview_sheet(
    storage: Storage,
    event_id: int,
    data: SheetData,
    *,
    mapping: dict[Column, int] | None = None,
) -> ImportPreview:
    """Preview the import of cells already read (again, after a mapping was corrected).

    Raises:
        NotFoundError: No such event.
        FileFormatError: No header row, or no person below it.
        ValidationError: ``mapping`` has no name column.
    """
    get_event(storage, event_id)
    guessed = data.table()
    table = guessed if mapping is None else data.table(mapping)
    duplicates = find_duplicates(storage, event_id, table.entries)
    rows = [
        PreviewRow(
            row=entry.row,
            person=entry.person,
            role=entry.role,
            problems=entry.problems,
            duplicate=duplicate,
            proposed=proposed_decision(entry.problems, duplicate),
            role_given=entry.role_given,
            warnings=entry.warnings,
            raw_nip=entry.raw_nip,
        )
        for entry, duplicate in zip(table.entries, duplicates, strict=True)
    ]
    return ImportPreview(
        event_id=event_id,
        data=data,
        header_row=table.header_row,
        mapping=dict(table.mapping),
        guessed_mapping=dict(guessed.mapping),
        rows=rows,
        notes=list(table.notes),
    )


def preview_import(
    storage: Storage,
    event_id: int,
    path: Path,
    *,
    sheet: str | None = None,
    mapping: dict[Column, int] | None = None,
    encoding: str | None = None,
) -> ImportPreview:
    """Read an invitation list (a workbook or CSV) and show what importing it would do.

    Nothing is written.

    Args:
        storage: The database (read only here).
        event_id: The event to import into.
        path: The file.
        sheet: The sheet of a workbook; None: the first one holding a list.
        mapping: The columns as corrected by the user; None: as recognised.
        encoding: The encoding of a CSV file as chosen by the user; None: detected.

    Raises:
        NotFoundError: No such event, file or sheet.
        FileFormatError: The file cannot be read as an invitation list.
        ValidationError: ``mapping`` has no name column.
    """
    get_event(storage, event_id)
    data = read_sheet(path, sheet=sheet, encoding=encoding)
    return preview_sheet(storage, event_id, data, mapping=mapping)


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
