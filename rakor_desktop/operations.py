"""User actions: each one a function that validates, changes the data in one
transaction and returns what changed. The GUI, the CLI and the tests all call these.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.formatting import TimeZone, format_clock, normalize_nip_nrp, split_titles
from rakor_desktop.messages import NotFoundError, ValidationError, text
from rakor_desktop.models import (
    AttendanceEntry,
    AttendanceKind,
    CheckinResult,
    Event,
    Invitee,
    OfficialRole,
    Person,
    Role,
)
from rakor_desktop.storage import Storage
from rakor_desktop.storage.events import EDITABLE_EVENT_FIELDS

# Check-in codes: no 0/O, 1/I/L, so they can be read aloud and typed from a card.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8  # 31**8 ≈ 8.5e11 codes: one code tells nothing about another


PERSON_TEXT_FIELDS = (
    "name", "front_titles", "back_titles", "nip", "pangkat", "golongan", "jabatan",
    "instansi", "group_name", "phone", "gender",
)


@dataclass(frozen=True)
class Desk:
    """Who records at this station: written into every attendance entry."""

    station: str
    operator: str = ""


# -- events ------------------------------------------------------------------------


def validate_event(event: Event) -> None:
    """Raise :class:`ValidationError` (in the user's language) for an impossible event."""
    if not event.title.strip():
        raise ValidationError("Nama acara wajib diisi.", "The event title is required.")
    try:
        TimeZone.parse(event.timezone)
    except ValueError as exc:
        raise ValidationError(
            "Zona waktu harus WIB, WITA atau WIT (bukan {tz}).",
            "The time zone must be WIB, WITA or WIT (not {tz}).",
            tz=event.timezone,
        ) from exc
    single_day = event.end_date is None or event.end_date == event.date
    if event.end_time is not None and single_day and event.end_time <= event.start_time:
        raise ValidationError(
            "Jam selesai ({end}) harus setelah jam mulai ({start}).",
            "The end time ({end}) must be after the start time ({start}).",
            end=event.end_time.strftime("%H.%M"),
            start=event.start_time.strftime("%H.%M"),
        )
    if event.call_time is not None and event.call_time > event.start_time:
        raise ValidationError(
            "Waktu panggilan ({call}) harus sebelum jam mulai ({start}).",
            "The call time ({call}) must be before the start time ({start}).",
            call=event.call_time.strftime("%H.%M"),
            start=event.start_time.strftime("%H.%M"),
        )
    if event.end_date is not None and event.end_date < event.date:
        raise ValidationError(
            "Tanggal selesai tidak boleh sebelum tanggal mulai.",
            "The end date cannot be before the start date.",
        )


def create_event(storage: Storage, event: Event, *, clock: Clock = utc_now) -> int:
    """Create an event; returns its id."""
    event = replace(event, title=event.title.strip(), timezone=event.timezone.upper())
    validate_event(event)
    with storage.transaction():
        return storage.insert_event(event, now=clock())


def get_event(storage: Storage, event_id: int) -> Event:
    """The event, or :class:`NotFoundError` with a clear message."""
    event = storage.get_event(event_id)
    if event is None:
        raise NotFoundError.of("event", event_id)
    return event


def update_event(
    storage: Storage, event_id: int, changes: dict[str, Any], *, clock: Clock = utc_now
) -> Event:
    """Change fields of an event (validated as a whole); returns the saved event."""
    unknown = set(changes) - set(EDITABLE_EVENT_FIELDS)
    if unknown:
        raise KeyError(f"not an editable event field: {sorted(unknown)}")
    with storage.transaction():
        current = get_event(storage, event_id)
        updated = replace(current, **changes)
        updated.title = updated.title.strip()
        if "timezone" in changes:
            updated.timezone = updated.timezone.upper()
        validate_event(updated)
        storage.update_event_fields(
            event_id, {name: getattr(updated, name) for name in changes}, now=clock()
        )
    return get_event(storage, event_id)


def delete_event(storage: Storage, event_id: int) -> None:
    """Remove an event with its invitation list, attendance and record."""
    with storage.transaction():
        get_event(storage, event_id)
        storage.delete_event(event_id)


def name_official(
    storage: Storage,
    event_id: int,
    role: OfficialRole,
    person_id: int | None,
) -> None:
    """Name a directory person (or nobody) as ketua, sekretaris, pencatat or moderator."""
    with storage.transaction():
        get_event(storage, event_id)
        if person_id is not None and storage.get_person(person_id) is None:
            raise NotFoundError.of("person", person_id)
        storage.set_official(event_id, role, person_id)


def name_official_by_text(
    storage: Storage, event_id: int, role: OfficialRole, typed: str, *, clock: Clock = utc_now
) -> Person | None:
    """Name an official from what was typed ("Dr. H. Sri Purwaningsih, M.Si.").

    A directory person of that name is reused; otherwise one is added. Empty text
    clears the role. Returns the person named.
    """
    typed = " ".join(typed.split())
    with storage.transaction():
        get_event(storage, event_id)
        if not typed:
            storage.set_official(event_id, role, None)
            return None
        front, name, back = split_titles(typed)
        if not name.strip():
            raise ValidationError(
                "Tuliskan nama {role}, bukan hanya gelarnya.",
                "Type the name of the {role}, not only the titles.",
                role=role.value,
            )
        found = storage.find_persons_by_name(name)
        if found:
            # Titles typed now (e.g. a new degree) update the directory entry.
            person = merge_person(found[0], Person(name=name, front_titles=front,
                                                   back_titles=back))
            storage.update_person(person, now=clock())
        else:
            person = Person(name=name, front_titles=front, back_titles=back)
            person.id = storage.insert_person(person, now=clock())
        assert person.id is not None
        storage.set_official(event_id, role, person.id)
        return person


# -- people and invitations --------------------------------------------------------


def clean_person(person: Person) -> Person:
    """Trim every field and bring the NIP to its 18 digits (raises ValidationError)."""
    values: dict[str, Any] = {
        name: " ".join(str(getattr(person, name)).split()) for name in PERSON_TEXT_FIELDS
    }
    cleaned = replace(person, **values)
    if not cleaned.name:
        raise ValidationError("Nama wajib diisi.", "The name is required.")
    cleaned.gender = cleaned.gender.upper()[:1] if cleaned.gender else ""
    if cleaned.gender not in ("", "L", "P"):
        cleaned.gender = ""
    # normalize_nip_nrp raises a ValidationError in the user's language.
    cleaned.nip = normalize_nip_nrp(person.nip) if person.nip.strip() else ""
    return cleaned


def merge_person(known: Person, new: Person) -> Person:
    """A directory entry updated from a new list: what the new list leaves blank is kept.

    An invitation list without NIP or phone numbers must not erase them from the
    directory (and so from the daftar hadir of earlier events).
    """
    merged = replace(known)
    for name in PERSON_TEXT_FIELDS:
        value = getattr(new, name)
        if value:
            setattr(merged, name, value)
    return merged


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
        get_event(storage, event_id)
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
        get_event(storage, event_id)
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


def _get_invitee(storage: Storage, invitee_id: int) -> Invitee:
    invitee = storage.get_invitee(invitee_id)
    if invitee is None:
        raise NotFoundError.of("invitee", invitee_id)
    return invitee


# -- check-in ----------------------------------------------------------------------


def checkin_invitee(
    storage: Storage,
    invitee_id: int,
    desk: Desk,
    *,
    on_behalf_name: str = "",
    on_behalf_jabatan: str = "",
    on_behalf_instansi: str = "",
    on_behalf_details: Mapping[str, str] | None = None,
    clock: Clock = utc_now,
) -> CheckinResult:
    """Record an arrival. Someone already present is reported as such, not counted twice.

    With ``on_behalf_name``, a delegate came in the invitee's place (*mewakili*);
    ``on_behalf_details`` holds the delegate's other fields by their name without the
    ``on_behalf_`` prefix (``front_titles``, ``nip``, ``phone`` ...).
    The entry is committed durably before this returns.
    """
    with storage.transaction():
        invitee = _get_invitee(storage, invitee_id)
        active = storage.active_checkins(invitee_id)
        if active:
            return CheckinResult(
                invitee=invitee,
                checked_in_at=active[0].recorded_at,
                already_present=True,
                entry_uid=active[0].uid,
            )
        now = clock()
        details = on_behalf_details or {}

        def detail(name: str) -> str:
            return " ".join(details.get(name, "").split())

        entry = AttendanceEntry(
            uid=str(uuid.uuid4()),
            event_id=invitee.event_id,
            invitee_id=invitee_id,
            kind=AttendanceKind.CHECKIN,
            recorded_at=now,
            station=desk.station,
            operator=desk.operator,
            on_behalf_name=" ".join(on_behalf_name.split()),
            on_behalf_jabatan=" ".join(on_behalf_jabatan.split()),
            on_behalf_instansi=" ".join(on_behalf_instansi.split()),
            on_behalf_front_titles=detail("front_titles"),
            on_behalf_back_titles=detail("back_titles"),
            on_behalf_nip=detail("nip"),
            on_behalf_pangkat=detail("pangkat"),
            on_behalf_golongan=detail("golongan"),
            on_behalf_phone=detail("phone"),
        )
        storage.append_attendance(entry, received_at=now)
        invitee.first_checkin_at = now
    return CheckinResult(
        invitee=invitee, checked_in_at=now, already_present=False, entry_uid=entry.uid
    )


def checkin_by_code(
    storage: Storage, event_id: int, code: str, desk: Desk, *, clock: Clock = utc_now
) -> CheckinResult:
    """Check in the invitee whose invitation carries ``code`` (typed or scanned)."""
    invitee = storage.get_invitee_by_code(event_id, code)
    if invitee is None or invitee.id is None:
        raise NotFoundError(
            "Kode {code} tidak terdaftar untuk acara ini.",
            "Code {code} is not on this event's list.",
            code=code.strip(),
        )
    return checkin_invitee(storage, invitee.id, desk, clock=clock)


def find_invitees(storage: Storage, event_id: int, query: str, *, limit: int = 50) -> list[Invitee]:
    """Search the invitation list (name without titles, jabatan, instansi, code)."""
    return storage.list_invitees(event_id, query, limit=limit)


def checkin_by_name(
    storage: Storage, event_id: int, query: str, desk: Desk, *, clock: Clock = utc_now
) -> CheckinResult:
    """Check in the one invitee matching ``query``; refuse when none or several match."""
    get_event(storage, event_id)
    if not query.strip():
        raise ValidationError("Ketik nama yang dicari.", "Type a name to search for.")
    matches = storage.list_invitees(event_id, query, limit=6)
    if not matches:
        raise NotFoundError(
            "Tidak ada peserta yang cocok dengan \u201c{query}\u201d.",
            "No invitee matches \u201c{query}\u201d.",
            query=query.strip(),
        )
    if len(matches) > 1:
        names = "; ".join(
            f"{m.person.name} ({m.instansi or m.jabatan or m.checkin_code})" for m in matches[:5]
        )
        more = text(" dan lainnya", " and more") if len(matches) > 5 else ""
        raise ValidationError(
            "Lebih dari satu peserta cocok dengan \u201c{query}\u201d: {names}{more}. "
            "Perjelas nama atau gunakan kode.",
            "More than one invitee matches \u201c{query}\u201d: {names}{more}. "
            "Be more specific or use the code.",
            query=query.strip(),
            names=names,
            more=more,
        )
    assert matches[0].id is not None
    return checkin_invitee(storage, matches[0].id, desk, clock=clock)


def undo_checkin(
    storage: Storage, invitee_id: int, reason: str, desk: Desk, *, clock: Clock = utc_now
) -> int:
    """Undo every valid check-in of an invitee, with a reason; returns how many.

    Nothing is deleted: undo entries are appended to the log.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(
            "Tuliskan alasan pembatalan check-in.", "Give a reason for undoing the check-in."
        )
    with storage.transaction():
        _get_invitee(storage, invitee_id)
        active = storage.active_checkins(invitee_id)
        if not active:
            raise ValidationError(
                "Peserta ini belum tercatat hadir.", "This invitee is not checked in."
            )
        now = clock()
        for checkin in active:
            storage.append_attendance(
                AttendanceEntry(
                    uid=str(uuid.uuid4()),
                    event_id=checkin.event_id,
                    invitee_id=invitee_id,
                    kind=AttendanceKind.UNDO,
                    recorded_at=now,
                    station=desk.station,
                    operator=desk.operator,
                    target_uid=checkin.uid,
                    reason=reason,
                ),
                received_at=now,
            )
    return len(active)


def describe_checkin(result: CheckinResult, timezone: str) -> str:
    """One line for the desk or the CLI: who, and when (in the event's time zone)."""
    name = result.invitee.person.name
    clock_text = format_clock(result.checked_in_at, timezone)
    if result.already_present:
        return text(
            "{name} sudah hadir pukul {time} {tz}.",
            "{name} was already checked in at {time} {tz}.",
            name=name, time=clock_text, tz=timezone,
        )
    return text(
        "{name} tercatat hadir pukul {time} {tz}.",
        "{name} checked in at {time} {tz}.",
        name=name, time=clock_text, tz=timezone,
    )
