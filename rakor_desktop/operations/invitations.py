"""Adding, editing and removing invitees by hand (the form of the invitation list).

Each function is one user action in one transaction. What is specific to one
event (jabatan, instansi and group on that day, the role) lives on the
invitation; who the person is (name, titles, NIP, pangkat, phone ...) lives in the
directory, which remembers them for the next event. Editing an invitee changes
both: the directory keeps the latest jabatan and instansi, while the invitations
of earlier events keep what they said then.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import (
    Invitee,
    Person,
    Role,
)
from rakor_desktop.operations import events as event_ops
from rakor_desktop.people import PERSON_TEXT_FIELDS, clean_person, merge_person
from rakor_desktop.storage import Storage

USUAL_GROUPS: tuple[str, ...] = (
    "Forkopimda", "KPU", "Bawaslu", "FKUB", "OPD", "Camat", "Lurah", "Parpol",
    "Narasumber", "Panitia",
)  # fmt: skip
"""Groups offered for every event (DOMAIN.md §1), before those typed for this one."""

# C0/C1 control characters (tabs and line breaks become spaces in clean_person first).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class InviteeDetails:
    """What the add/edit form holds.

    ``person`` carries who the person is (its ``id`` when taken from the directory);
    ``jabatan``, ``instansi`` and ``group_name`` are those of this event. The
    directory entry takes them over too, as the person's latest.
    """

    person: Person
    jabatan: str = ""
    instansi: str = ""
    group_name: str = ""
    role: Role = Role.PESERTA

    @classmethod
    def of(cls, invitee: Invitee) -> InviteeDetails:
        """The form of an existing invitation (for editing it)."""
        return cls(
            person=replace(invitee.person),
            jabatan=invitee.jabatan,
            instansi=invitee.instansi,
            group_name=invitee.group_name,
            role=Role(invitee.role),
        )


def group_choices(storage: Storage, event_id: int | None) -> list[str]:
    """Groups to offer: the usual ones, then those already used in this event."""
    used = storage.list_invitee_groups(event_id) if event_id is not None else []
    seen = {g.casefold() for g in USUAL_GROUPS}
    extra = []
    for group in used:
        if group.casefold() not in seen:
            seen.add(group.casefold())
            extra.append(group)
    return [*USUAL_GROUPS, *extra]


def _person_of(details: InviteeDetails) -> Person:
    """The person of a form, with this event's jabatan/instansi/group, cleaned.

    Raises:
        ValidationError: no name, a name of titles only, or an invalid NIP.
    """
    person = replace(
        details.person,
        jabatan=details.jabatan,
        instansi=details.instansi,
        group_name=details.group_name,
    )
    for name in PERSON_TEXT_FIELDS:
        setattr(person, name, _CONTROL.sub("", str(getattr(person, name))))
    return clean_person(person)


def _refuse_nip_of_another(storage: Storage, person: Person) -> None:
    """Two people never share a NIP: refuse one that belongs to someone else."""
    if not person.nip:
        return
    holder = storage.find_person_by_nip(person.nip)
    if holder is not None and holder.id != person.id:
        raise ValidationError(
            "NIP {nip} sudah tercatat di direktori atas nama {holder}. "
            "Periksa kembali NIP, atau pilih {holder} dari saran nama.",
            "NIP {nip} is already in the directory as {holder}. "
            "Check the NIP, or choose {holder} from the name suggestions.",
            nip=person.nip,
            holder=holder.name,
        )


def add_invitee(
    storage: Storage, event_id: int, details: InviteeDetails, *, clock: Clock = utc_now
) -> Invitee:
    """Put someone on the invitation list from the form; returns the new invitee.

    A person chosen from the directory (``details.person.id``) is updated with what
    the form shows. A new person whose NIP is in the directory, or whose name and
    instansi match exactly one entry, is that entry: the directory holds each person
    once.

    Raises:
        ValidationError: invalid form, or the person is already on this list.
        NotFoundError: the event or the chosen directory person no longer exists.
    """
    with storage.transaction():
        event_ops.get_event(storage, event_id)
        person = _person_of(details)
        now = clock()
        if person.id is not None:
            known = storage.get_person(person.id)
            if known is None:
                raise NotFoundError.of("person", person.id)
            _refuse_nip_of_another(storage, person)
            person.uid = known.uid
            storage.update_person(person, now=now)
        elif not person.nip or storage.find_person_by_nip(person.nip) is None:
            same = storage.find_persons_by_name(person.name, person.instansi)
            if len(same) == 1 and (not person.nip or not same[0].nip):
                # The same person typed again: complete the directory entry.
                person = merge_person(same[0], person)
                storage.update_person(person, now=now)
        # invite_person reuses a directory entry with this NIP (and merges into it).
        return invite_person(storage, event_id, person, role=details.role, clock=clock)


def update_invitee(
    storage: Storage, invitee_id: int, details: InviteeDetails, *, clock: Clock = utc_now
) -> Invitee:
    """Save the edit form: the invitation and its directory person, in one transaction.

    The check-in code, the position on the list and the attendance stay as they are.

    Raises:
        ValidationError: invalid form, or a NIP that belongs to someone else.
        NotFoundError: the invitee no longer exists.
    """
    with storage.transaction():
        invitee = _get_invitee(storage, invitee_id)
        person = _person_of(details)
        person.id = invitee.person.id
        person.uid = invitee.person.uid
        _refuse_nip_of_another(storage, person)
        assert invitee.id is not None
        storage.update_invitee_fields(
            invitee.id,
            role=details.role,
            jabatan=person.jabatan,
            instansi=person.instansi,
            group_name=person.group_name,
        )
        # After the invitation: refreshing the person rebuilds the search text of all
        # its invitations, this one with its new jabatan and instansi.
        storage.update_person(person, now=clock())
        return _get_invitee(storage, invitee_id)


def change_invitee_role(storage: Storage, invitee_id: int, role: Role) -> Invitee:
    """Make an invitee peserta, narasumber, moderator or panitia of this event."""
    with storage.transaction():
        _get_invitee(storage, invitee_id)
        storage.update_invitee_fields(invitee_id, role=Role(role))
        return _get_invitee(storage, invitee_id)


def change_invitee_group(storage: Storage, invitee_id: int, group_name: str) -> Invitee:
    """Put an invitee in another group of this event (Forkopimda, OPD, ...)."""
    group = " ".join(_CONTROL.sub("", group_name).split())
    with storage.transaction():
        _get_invitee(storage, invitee_id)
        storage.update_invitee_fields(invitee_id, group_name=group)
        return _get_invitee(storage, invitee_id)


def remove_invitees(storage: Storage, invitee_ids: list[int]) -> list[Invitee]:
    """Take invitees off the list, all or none; returns those removed.

    Refused, with the name, when anyone's attendance was recorded.
    """
    removed: list[Invitee] = []
    with storage.transaction():
        for invitee_id in dict.fromkeys(invitee_ids):
            removed.append(_get_invitee(storage, invitee_id))
            remove_invitee(storage, invitee_id)
    return removed


def _get_invitee(storage: Storage, invitee_id: int) -> Invitee:
    invitee = storage.get_invitee(invitee_id)
    if invitee is None:
        raise NotFoundError.of("invitee", invitee_id)
    return invitee

# Check-in codes: no 0/O, 1/I/L, so they can be read aloud and typed from a card.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8  # 31**8 ≈ 8.5e11 codes: one code tells nothing about another


# -- people and invitations --------------------------------------------------------


def new_checkin_code(storage: Storage) -> str:
    """A fresh random check-in code not used by any invitee."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not storage.checkin_code_exists(code):
            return code


def _save_person(storage: Storage, person: Person, now: datetime) -> Person:
    """Reuse the directory entry with the same NIP (updating it), or add the person."""
    if person.id is not None:
        return person
    existing = storage.find_person_by_nip(person.nip) if person.nip else None
    if existing is not None:
        merged = merge_person(existing, person)
        storage.update_person(merged, now=now)
        return merged
    person.id = storage.insert_person(person, now=now)
    return person


def _invite(
    storage: Storage,
    event_id: int,
    person: Person,
    role: Role,
    now: datetime,
    *,
    walk_in: bool = False,
) -> Invitee:
    person = _save_person(storage, clean_person(person), now)
    assert person.id is not None
    if storage.find_invitee_of_person(event_id, person.id) is not None:
        raise ValidationError(
            "{name} sudah ada di daftar undangan acara ini.",
            "{name} is already on the invitation list of this event.",
            name=person.name,
        )
    invitee = Invitee(
        event_id=event_id,
        person=person,
        role=role,
        checkin_code=new_checkin_code(storage),
        jabatan=person.jabatan,
        instansi=person.instansi,
        group_name=person.group_name,
        walk_in=walk_in,
    )
    invitee.id = storage.insert_invitee(invitee, now=now)
    return invitee


def invite_person(
    storage: Storage,
    event_id: int,
    person: Person,
    *,
    role: Role = Role.PESERTA,
    clock: Clock = utc_now,
    walk_in: bool = False,
) -> Invitee:
    """Put a person (new, or from the directory) on an event's invitation list.

    ``walk_in``: the person was not invited and registers at the desk (kept, so the
    list and the event file can tell walk-ins apart).
    """
    with storage.transaction():
        event_ops.get_event(storage, event_id)
        return _invite(storage, event_id, person, role, clock(), walk_in=walk_in)


@dataclass
class ImportReport:
    """What an import of an invitation list did."""

    added: int
    reused_from_directory: int
    skipped_duplicates: list[str]


def import_invitees(
    storage: Storage,
    event_id: int,
    people: list[tuple[Person, Role]],
    *,
    clock: Clock = utc_now,
) -> ImportReport:
    """Add many invitees at once: all or nothing.

    A person already on this event's list (same NIP, or same name within the same
    instansi) is skipped and reported; a person found in the directory by NIP is
    reused.
    """
    now = clock()
    added = reused = 0
    skipped: list[str] = []
    with storage.transaction():
        event_ops.get_event(storage, event_id)
        for index, (raw, role) in enumerate(people, start=1):
            try:
                person = clean_person(raw)
            except ValidationError as exc:
                raise ValidationError(
                    "Baris {row}: {problem}", "Row {row}: {problem_en}",
                    row=index, problem=exc.indonesian, problem_en=exc.english,
                ) from exc
            match = storage.find_person_by_nip(person.nip) if person.nip else None
            if match is None:
                same_name = storage.find_persons_by_name(person.name, person.instansi)
                match = same_name[0] if same_name else None
            if match is not None and match.id is not None:
                if storage.find_invitee_of_person(event_id, match.id) is not None:
                    skipped.append(person.name)
                    continue
                person = merge_person(match, person)
                storage.update_person(person, now=now)
                reused += 1
            _invite(storage, event_id, person, role, now)
            added += 1
    return ImportReport(added=added, reused_from_directory=reused, skipped_duplicates=skipped)


def remove_invitee(storage: Storage, invitee_id: int) -> None:
    """Take someone off an invitation list; refused once their attendance was recorded."""
    with storage.transaction():
        invitee = _get_invitee(storage, invitee_id)
        if storage.invitee_has_attendance(invitee_id):
            raise ValidationError(
                "{name} tidak dapat dihapus: kehadirannya sudah tercatat. "
                "Batalkan check-in bila perlu; riwayatnya tetap tersimpan.",
                "{name} cannot be removed: their attendance is on record. "
                "Undo the check-in if needed; the history is kept.",
                name=invitee.person.name,
            )
        storage.delete_invitee(invitee_id)
