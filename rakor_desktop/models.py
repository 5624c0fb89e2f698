"""The domain model: plain data, no behaviour that needs a database or a screen.

Times of day (``time``) are local to the event's time zone; moments that were
recorded (check-ins, actual start of an item) are aware UTC ``datetime`` values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import ClassVar

from rakor_desktop.text import (
    BLOCK,
    FLOOR_QUESTION,
    LONG,
    NAME,
    SHORT,
    TextField,
    clean_fields,
    line,
    lines,
)


class _CleanText:
    """Models whose text is cleaned when they are made (see :mod:`rakor_desktop.text`).

    Every operation builds a model (or ``dataclasses.replace`` one) before writing,
    so text from forms, the CLI and imported files is cleaned once, here.
    """

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {}

    def __post_init__(self) -> None:
        clean_fields(self, self.TEXT_FIELDS)


class Role(StrEnum):
    """The role of an invitee at one event."""

    PESERTA = "peserta"
    NARASUMBER = "narasumber"
    MODERATOR = "moderator"
    PANITIA = "panitia"


class OfficialRole(StrEnum):
    """The officials of an event named in the minutes."""

    KETUA = "ketua"
    SEKRETARIS = "sekretaris"
    PENCATAT = "pencatat"
    MODERATOR = "moderator"


class AttendanceKind(StrEnum):
    """What one attendance log entry records."""

    CHECKIN = "checkin"
    UNDO = "undo"
    SIGNATURE = "signature"


class RundownKind(StrEnum):
    """Kinds of rundown items (DOMAIN.md §2)."""

    REGISTRASI = "registrasi"
    PEMBUKAAN = "pembukaan"
    INDONESIA_RAYA = "indonesia_raya"
    DOA = "doa"
    LAPORAN = "laporan"
    SAMBUTAN = "sambutan"
    PAPARAN = "paparan"
    DISKUSI = "diskusi"
    KESIMPULAN = "kesimpulan"
    PENUTUP = "penutup"
    LAINNYA = "lainnya"


class SpeakerState(StrEnum):
    """States of a speaker in the speaker order."""

    WAITING = "waiting"
    SPEAKING = "speaking"
    PAUSED = "paused"
    FINISHED = "finished"


class QuestionStatus(StrEnum):
    """States of a question in the discussion log."""

    ANTRE = "antre"
    BERTANYA = "bertanya"
    DIJAWAB = "dijawab"
    DITUNDA = "ditunda"
    DIBATALKAN = "dibatalkan"


@dataclass
class Event(_CleanText):
    """One meeting."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {
        "title": line(), "venue": line(), "organizer_government": line(),
        "organizer_unit": line(), "organizer_address": lines(BLOCK),
        "invitation_number": line(), "description": lines(LONG),
    }

    title: str
    date: date
    start_time: time
    venue: str = ""
    end_time: time | None = None  # None: "s.d. selesai"
    end_date: dt.date | None = None  # multi-day events
    timezone: str = "WIB"
    call_time: time | None = None  # Waktu Panggilan
    organizer_government: str = ""  # "PEMERINTAH KOTA JAMBI"
    organizer_unit: str = ""  # "BADAN KESATUAN BANGSA DAN POLITIK"
    organizer_address: str = ""  # address, telephone, e-mail, website lines
    invitation_number: str = ""
    invitation_date: dt.date | None = None
    description: str = ""
    id: int | None = None
    uid: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass
class Person(_CleanText):
    """An entry of the person directory, reused across events."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {
        "name": line(NAME), "front_titles": line(SHORT), "back_titles": line(SHORT),
        "nip": line(SHORT), "pangkat": line(SHORT), "golongan": line(SHORT),
        "jabatan": line(NAME), "instansi": line(NAME), "group_name": line(SHORT),
        "phone": line(SHORT), "gender": line(SHORT),
    }

    name: str
    front_titles: str = ""
    back_titles: str = ""
    nip: str = ""  # NIP (18 digits), NRP (Polri/TNI, fewer digits) or empty
    pangkat: str = ""
    golongan: str = ""
    jabatan: str = ""
    instansi: str = ""
    group_name: str = ""
    phone: str = ""
    gender: str = ""  # "L", "P" or ""
    id: int | None = None
    uid: str = ""


@dataclass
class Invitee(_CleanText):
    """A person invited to one event, with what is specific to that event."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {
        "checkin_code": line(SHORT), "jabatan": line(NAME), "instansi": line(NAME),
        "group_name": line(SHORT),
    }

    event_id: int
    person: Person
    role: Role = Role.PESERTA
    checkin_code: str = ""
    jabatan: str = ""
    instansi: str = ""
    group_name: str = ""
    position: int = 0
    id: int | None = None
    uid: str = ""
    first_checkin_at: datetime | None = None  # derived from the attendance log
    walk_in: bool = False  # registered at the desk, not on the invitation list


@dataclass
class AttendanceEntry(_CleanText):
    """One append-only entry of the attendance log."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {
        "station": line(SHORT), "operator": line(NAME), "on_behalf_name": line(NAME),
        "on_behalf_jabatan": line(NAME), "on_behalf_instansi": line(NAME), "reason": line(),
        "on_behalf_front_titles": line(SHORT), "on_behalf_back_titles": line(SHORT),
        "on_behalf_nip": line(SHORT), "on_behalf_pangkat": line(SHORT),
        "on_behalf_golongan": line(SHORT), "on_behalf_phone": line(SHORT),
    }

    uid: str
    event_id: int
    invitee_id: int
    kind: AttendanceKind
    recorded_at: datetime
    station: str
    operator: str = ""
    target_uid: str = ""  # the check-in an undo or a signature refers to
    on_behalf_name: str = ""  # the delegate who came instead of the invitee
    on_behalf_jabatan: str = ""
    on_behalf_instansi: str = ""
    on_behalf_front_titles: str = ""
    on_behalf_back_titles: str = ""
    on_behalf_nip: str = ""  # NIP (18 digits) or NRP, see formatting.id_kind
    on_behalf_pangkat: str = ""
    on_behalf_golongan: str = ""
    on_behalf_phone: str = ""
    reason: str = ""
    signature_png: bytes | None = None


@dataclass
class CheckinResult:
    """What a check-in did, for the desk's feedback."""

    invitee: Invitee
    checked_in_at: datetime  # the first (valid) check-in time
    already_present: bool
    entry_uid: str  # the new entry, or the earlier one when already present


@dataclass
class RundownItem(_CleanText):
    """One item of the susunan acara."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {
        "title": line(), "responsible_text": line(), "notes": lines(LONG),
    }

    event_id: int
    title: str
    kind: RundownKind = RundownKind.LAINNYA
    position: int = 0
    responsible_invitee_id: int | None = None
    responsible_text: str = ""
    planned_start: time | None = None
    planned_minutes: int = 0
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    notes: str = ""  # the notetaker's key points
    id: int | None = None
    uid: str = ""


@dataclass
class Speaker(_CleanText):
    """One speaker of a rundown item."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {"name": line(NAME), "instansi": line(NAME)}

    event_id: int
    rundown_item_id: int
    name: str
    instansi: str = ""
    invitee_id: int | None = None
    position: int = 0
    state: SpeakerState = SpeakerState.WAITING
    allotted_seconds: int = 0
    started_at: datetime | None = None
    ended_at: datetime | None = None
    spoken_seconds: int = 0
    id: int | None = None
    uid: str = ""


@dataclass
class Termin:
    """A round of questions."""

    event_id: int
    number: int
    max_askers: int = 3
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    id: int | None = None
    uid: str = ""


@dataclass
class Question(_CleanText):
    """One question of the discussion log."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {
        "asker_name": line(NAME), "asker_instansi": line(NAME), "question": lines(LONG),
        "addressed_to": line(), "answer": lines(LONG), "answered_by": line(),
    }

    event_id: int
    termin_id: int
    asker_name: str
    question: str = ""
    asker_instansi: str = ""
    asker_invitee_id: int | None = None
    addressed_to: str = ""
    status: QuestionStatus = QuestionStatus.ANTRE
    answer: str = ""
    answered_by: str = ""
    position: int = 0
    created_at: datetime | None = None
    source: str = "laptop"  # where it was registered: "laptop" or "ponsel" (a phone)
    id: int | None = None
    uid: str = ""


class QuestionSource(StrEnum):
    """Where a question was registered."""

    LAPTOP = "laptop"
    PONSEL = "ponsel"  # sent from a phone in the hall and accepted by the moderator


class FloorQuestionStatus(StrEnum):
    """States of a question sent from the floor (a phone)."""

    INCOMING = "incoming"  # waits in the moderator's incoming list
    ACCEPTED = "accepted"  # became a question of a termin
    SET_ASIDE = "set_aside"


@dataclass
class FloorQuestion(_CleanText):
    """A question sent from a phone in the hall, before the moderator takes it up."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {
        "asker_name": line(NAME), "asker_instansi": line(NAME), "addressed_to": line(NAME),
        "question": lines(FLOOR_QUESTION),
    }

    event_id: int
    asker_name: str
    question: str
    asker_instansi: str = ""
    addressed_to: str = ""
    asker_invitee_id: int | None = None
    submitted_at: datetime | None = None
    device_hash: str = ""
    status: FloorQuestionStatus = FloorQuestionStatus.INCOMING
    question_id: int | None = None  # the question of a termin it became
    version: int = 1
    id: int | None = None
    uid: str = ""


class PhoneWalkInStatus(StrEnum):
    """States of someone not on the list who checked in with a phone."""

    WAITING = "waiting"  # for a desk to confirm or refuse
    CONFIRMED = "confirmed"  # registered as a walk-in and checked in
    REFUSED = "refused"


@dataclass
class PhoneWalkIn(_CleanText):
    """Someone not on the list who checked in with a phone, until a desk decides."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {
        "name": line(NAME), "jabatan": line(NAME), "instansi": line(NAME),
        "phone": line(SHORT), "decided_by": line(NAME),
    }

    event_id: int
    name: str
    jabatan: str = ""
    instansi: str = ""
    phone: str = ""
    signature_png: bytes | None = None
    submitted_at: datetime | None = None
    device_hash: str = ""
    status: PhoneWalkInStatus = PhoneWalkInStatus.WAITING
    decided_at: datetime | None = None
    decided_by: str = ""  # the desk (station) that confirmed or refused
    invitee_id: int | None = None  # the walk-in registered on confirmation
    id: int | None = None
    uid: str = ""


@dataclass
class FollowUp(_CleanText):
    """A tindak lanjut: what, who, by when."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {
        "what": lines(BLOCK), "who": line(), "due": line(),
    }

    event_id: int
    what: str
    who: str = ""
    due: str = ""
    question_id: int | None = None
    position: int = 0
    id: int | None = None
    uid: str = ""


@dataclass
class Conclusion(_CleanText):
    """A conclusion, decision or recommendation of the meeting."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {"body": lines(LONG)}

    event_id: int
    body: str
    kind: str = "kesimpulan"
    position: int = 0
    id: int | None = None
    uid: str = ""


@dataclass
class Photo(_CleanText):
    """A documentation photo attached to an event."""

    TEXT_FIELDS: ClassVar[Mapping[str, TextField]] = {"filename": line(), "caption": line(BLOCK)}

    event_id: int
    data: bytes
    filename: str = ""
    caption: str = ""
    mime: str = "image/jpeg"
    position: int = 0
    id: int | None = None
    uid: str = ""


@dataclass
class EventSummary:
    """One line of the event chooser."""

    id: int
    title: str
    date: date
    venue: str
    invited: int
    present: int


@dataclass
class AttendanceCounts:
    """Live counts of one event."""

    invited: int
    present: int
    per_group: dict[str, tuple[int, int]] = field(default_factory=dict)  # group: (present, invited)
