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
   knows (:func:`rakor_desktop.people.merge_person`).

:func:`import_file` does both with the proposed decisions (the command line).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from rakor_desktop.formatting import format_name, format_nip, name_search_key, normalize_for_search
from rakor_desktop.importers import (
    Column,
    ParticipantRow,
    RowProblem,
    SheetData,
    read_sheet,
)
from rakor_desktop.messages import ValidationError, text
from rakor_desktop.models import Person, Role
from rakor_desktop.operations.events import get_event
from rakor_desktop.storage import Storage


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
