"""The check-in desk on the day: check-in by code or name, undo, walk-ins, delegates,
signatures, history and counts.

Every user action is one function that changes the data in one transaction,
committed durably before it returns.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.formatting import (
    TimeZone,
    format_clock,
    format_name,
    normalize_nip_nrp,
    split_titles,
)
from rakor_desktop.images import check_signature
from rakor_desktop.messages import NotFoundError, ValidationError, text
from rakor_desktop.models import (
    AttendanceEntry,
    AttendanceKind,
    CheckinResult,
    Invitee,
    Person,
    Role,
)
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.people import clean_person, merge_person
from rakor_desktop.storage import Storage
from rakor_desktop.storage.checkin import (
    AttendanceRow,
    DeskCursor,
    DeskPage,
    DeskRow,
    GroupCount,
)

__all__ = [
    "MAX_SIGNATURE_BYTES",
    "ArrivalSlot",
    "AttendanceRow",
    "DeskCursor",
    "DeskPage",
    "DeskRow",
    "GroupCount",
    "WalkInResult",
    "add_signature",
    "arrivals_per_ten_minutes",
    "checkin_history",
    "checkin_on_behalf",
    "counts_per_group",
    "display_name",
    "extract_checkin_code",
    "latest_signature",
    "on_behalf_text",
    "register_walk_in",
    "search_desk",
    "with_arrival",
    "with_present",
]


@dataclass(frozen=True)
class Desk:
    """Who records at this station: written into every attendance entry."""

    station: str
    operator: str = ""


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
    event_ops.get_event(storage, event_id)
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

MAX_SIGNATURE_BYTES = 2_000_000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SLOT_MINUTES = 10
_MAX_FILLED_SLOTS = 6 * 24  # gaps are filled with empty slots within one day at most

_CODE_AT_END = re.compile(rf"(?:^|[^0-9A-Za-z])([0-9A-Za-z]{{{invitee_ops.CODE_LENGTH}}})\s*$")


# -- finding people -----------------------------------------------------------------


def extract_checkin_code(text: str) -> str | None:
    """The check-in code in what was typed or scanned, or None.

    A scanner types the code of the QR card ("K7QM2XPA"); a QR code holding a link or a
    prefix ("https://…/K7QM2XPA", "RAKOR:K7QM2XPA") ends with it. Only characters of the
    code alphabet count, so "Agustina" (with an "i") is never taken for a code.
    """
    match = _CODE_AT_END.search(text.strip())
    if match is None:
        return None
    code = match.group(1).upper()
    return code if all(c in invitee_ops.CODE_ALPHABET for c in code) else None


def search_desk(
    storage: Storage,
    event_id: int,
    query: str,
    *,
    limit: int = 50,
    cursor: DeskCursor | None = None,
    inside: bool = True,
) -> DeskPage:
    """One page of the desk's search (see ``Storage.desk_search``); empty: latest arrivals.

    With ``inside`` off, a query that starts no word finds nothing rather than scanning
    the list for it inside words (the desk does that scan only when the typing pauses).
    """
    return storage.desk_search(event_id, query, limit=limit, cursor=cursor, inside=inside)


# -- walk-ins and delegates ----------------------------------------------------------


@dataclass(frozen=True)
class WalkInResult:
    """What registering a walk-in did."""

    checkin: CheckinResult
    was_invited: bool  # the person was on this event's list after all: checked in as invited
    known_person: bool  # the directory knew the person from an earlier event


def register_walk_in(
    storage: Storage,
    event_id: int,
    typed_name: str,
    desk: Desk,
    *,
    jabatan: str = "",
    instansi: str = "",
    group_name: str = "",
    phone: str = "",
    clock: Clock = utc_now,
) -> WalkInResult:
    """Register someone who is not on the list and check them in, in one transaction.

    Titles typed with the name ("Drs. H. Ahmad Yani, M.Si.") are stored apart from it.
    A person of that name and instansi already in the directory is reused (and brought
    up to date); one already on this event's list is simply checked in. Afterwards the
    person is in the directory for the next event.
    """
    front, name, back = split_titles(typed_name)
    if not name.strip():
        raise ValidationError(
            "Tuliskan nama tamu (bukan hanya gelarnya).",
            "Type the guest's name (not only the titles).",
        )
    typed = clean_person(
        Person(
            name=name, front_titles=front, back_titles=back, jabatan=jabatan,
            instansi=instansi, group_name=group_name, phone=phone,
        )
    )  # fmt: skip
    with storage.transaction():
        event_ops.get_event(storage, event_id)
        now = clock()
        known = storage.find_persons_by_name(typed.name, typed.instansi)
        for person in known:
            assert person.id is not None
            invited = storage.find_invitee_of_person(event_id, person.id)
            if invited is not None and invited.id is not None:
                result = checkin_invitee(storage, invited.id, desk, clock=lambda: now)
                return WalkInResult(checkin=result, was_invited=True, known_person=True)
        person = typed
        if known:
            person = merge_person(known[0], typed)
            storage.update_person(person, now=now)
        invitee = invitee_ops.invite_person(
            storage, event_id, person, role=Role.PESERTA, clock=lambda: now, walk_in=True
        )
        assert invitee.id is not None
        result = checkin_invitee(storage, invitee.id, desk, clock=lambda: now)
    return WalkInResult(checkin=result, was_invited=False, known_person=bool(known))


def checkin_on_behalf(
    storage: Storage,
    invitee_id: int,
    desk: Desk,
    *,
    delegate_name: str,
    delegate_jabatan: str = "",
    delegate_instansi: str = "",
    delegate_front_titles: str = "",
    delegate_back_titles: str = "",
    delegate_nip: str = "",
    delegate_pangkat: str = "",
    delegate_golongan: str = "",
    delegate_phone: str = "",
    clock: Clock = utc_now,
) -> CheckinResult:
    """Check in a delegate who came in the invitee's place (*mewakili*).

    The delegate has the fields of an invitee (titles, NIP/NRP, pangkat/golongan,
    phone), kept with the check-in. The attendance list then shows "<delegate> mewakili
    <invitee>". An invitee already present is reported as such and nothing is recorded.

    Raises:
        ValidationError: no name, or a NIP/NRP that is neither (nothing is recorded).
    """
    if not " ".join(delegate_name.split()):
        raise ValidationError(
            "Tuliskan nama orang yang mewakili.", "Type the name of the person attending."
        )
    nip = normalize_nip_nrp(delegate_nip)  # raises ValidationError in the user's language
    return checkin_invitee(
        storage,
        invitee_id,
        desk,
        on_behalf_name=delegate_name,
        on_behalf_jabatan=delegate_jabatan,
        on_behalf_instansi=delegate_instansi,
        on_behalf_details={
            "front_titles": delegate_front_titles,
            "back_titles": delegate_back_titles,
            "nip": nip,
            "pangkat": delegate_pangkat,
            "golongan": delegate_golongan,
            "phone": delegate_phone,
        },
        clock=clock,
    )


def on_behalf_text(delegate_name: str, invitee: str) -> str:
    """The line of the attendance list for a delegate: "X mewakili Y" (always Indonesian)."""
    return f"{delegate_name} mewakili {invitee}"


# -- signatures and history ------------------------------------------------------------


def _require_invitee(storage: Storage, invitee_id: int) -> Invitee:
    invitee = storage.get_invitee(invitee_id)
    if invitee is None:
        raise NotFoundError.of("invitee", invitee_id)
    return invitee


def add_signature(
    storage: Storage, invitee_id: int, png: bytes, desk: Desk, *, clock: Clock = utc_now
) -> AttendanceEntry:
    """Store a signature (PNG) for the invitee's check-in; a later one replaces it.

    Nothing is overwritten: each signature is a new entry of the append-only log that
    refers to the check-in, and the newest one is the one shown and printed.
    """
    if not png.startswith(PNG_SIGNATURE):
        raise ValidationError(
            "Tanda tangan harus berupa gambar PNG.", "The signature must be a PNG image."
        )
    if len(png) > MAX_SIGNATURE_BYTES:
        raise ValidationError(
            "Gambar tanda tangan terlalu besar ({size} KB; paling besar {limit} KB).",
            "The signature image is too large ({size} KB; at most {limit} KB).",
            size=len(png) // 1000, limit=MAX_SIGNATURE_BYTES // 1000,
        )
    check_signature(png)  # decodes, bounded pixels (issue 10, item 5)
    with storage.transaction():
        invitee = _require_invitee(storage, invitee_id)
        active = storage.active_checkins(invitee_id)
        if not active:
            raise ValidationError(
                "{name} belum tercatat hadir; tanda tangan disimpan bersama kehadiran.",
                "{name} is not checked in; a signature is stored with the attendance.",
                name=invitee.person.name,
            )
        now = clock()
        entry = AttendanceEntry(
            uid=str(uuid.uuid4()),
            event_id=invitee.event_id,
            invitee_id=invitee_id,
            kind=AttendanceKind.SIGNATURE,
            recorded_at=now,
            station=desk.station,
            operator=desk.operator,
            target_uid=active[0].uid,
            signature_png=png,
        )
        storage.append_attendance(entry, received_at=now)
    return entry


def latest_signature(storage: Storage, invitee_id: int) -> bytes | None:
    """The signature given with the invitee's valid check-in (the newest), or None."""
    active = storage.active_checkins(invitee_id)
    return storage.latest_signature(active[0].uid) if active else None


def checkin_history(storage: Storage, invitee_id: int) -> list[AttendanceEntry]:
    """Every log entry about one invitee (check-ins, undos, signatures), oldest first."""
    _require_invitee(storage, invitee_id)
    return storage.attendance_history(invitee_id)


# -- live counts -------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrivalSlot:
    """Arrivals in one 10-minute slot; ``start`` is on the event's wall clock."""

    start: datetime
    count: int

    @property
    def label(self) -> str:
        """The slot's start as printed: "08.40"."""
        return f"{self.start.hour:02d}.{self.start.minute:02d}"


def arrivals_per_ten_minutes(storage: Storage, event_id: int, timezone: str) -> list[ArrivalSlot]:
    """First arrivals per 10 minutes on the event's clock, from the first to the last slot.

    Slots without arrivals between them are included (with 0) so a chart shows the
    quiet minutes too, up to one day of slots.
    """
    zone = TimeZone.parse(timezone).tzinfo
    counted = storage.arrivals_per_ten_minutes(event_id)
    if not counted:
        return []
    step = timedelta(minutes=SLOT_MINUTES)
    first, last = counted[0][0], counted[-1][0]
    if (last - first) // step >= _MAX_FILLED_SLOTS:
        return [ArrivalSlot(start.astimezone(zone), n) for start, n in counted]
    by_start = dict(counted)
    slots: list[ArrivalSlot] = []
    moment = first
    while moment <= last:
        slots.append(ArrivalSlot(moment.astimezone(zone), by_start.get(moment, 0)))
        moment += step
    return slots


def with_arrival(
    slots: list[ArrivalSlot], moment: datetime, timezone: str
) -> list[ArrivalSlot] | None:
    """The slots with one more first arrival at ``moment``, without asking the database.

    None when the arrival does not fall in or after the last slot (then read them again).
    """
    zone = TimeZone.parse(timezone).tzinfo
    local = moment.astimezone(zone)
    start = local.replace(minute=local.minute - local.minute % SLOT_MINUTES, second=0,
                          microsecond=0)
    if not slots:
        return [ArrivalSlot(start, 1)]
    last = slots[-1].start
    if start < last:
        return None
    step = timedelta(minutes=SLOT_MINUTES)
    if start == last:
        return [*slots[:-1], ArrivalSlot(last, slots[-1].count + 1)]
    if (start - last) // step >= _MAX_FILLED_SLOTS:
        return [*slots, ArrivalSlot(start, 1)]
    gap = [ArrivalSlot(last + step * n, 0) for n in range(1, (start - last) // step)]
    return [*slots, *gap, ArrivalSlot(start, 1)]


def with_present(groups: list[GroupCount], group_name: str) -> list[GroupCount] | None:
    """The counts with one more invitee of ``group_name`` present (None: unknown group)."""
    for number, group in enumerate(groups):
        if group.group_name == group_name:
            bumped = GroupCount(group.group_name, min(group.invited, group.present + 1),
                                group.invited)
            return [*groups[:number], bumped, *groups[number + 1:]]
    return None


def counts_per_group(storage: Storage, event_id: int) -> list[GroupCount]:
    """Present / invited per group, in the order the groups first appear in the list."""
    return storage.group_counts(event_id)


def display_name(row: DeskRow | AttendanceRow) -> str:
    """The invitee's name with titles."""
    return format_name(row.name, row.front_titles, row.back_titles)
