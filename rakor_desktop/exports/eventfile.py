"""The event file: one whole event as versioned JSON, to carry it between computers.

The usual case: the secretariat prepares the event (invitation list, rundown,
printed QR cards) on an office PC, exports it, and imports it on the laptop at
the venue; afterwards the record goes back the same way. The format is described
in ``docs/event-format.md`` and, as JSON Schema, in ``docs/event-format.schema.json``
(generated from :func:`json_schema`; a test keeps the two equal).

The file contains no internal integer ids: rows refer to each other by uid, so an
event exported, imported into a fresh database and exported again gives the same
bytes. Importing validates the whole file before anything is written and then
writes the event in one transaction.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from rakor_desktop import APP_NAME, __version__
from rakor_desktop.atomic_files import atomic_write
from rakor_desktop.exports import eventfile_settings as settings_format
from rakor_desktop.images import (
    MAX_PHOTO_BYTES,
    MAX_PHOTO_PIXELS,
    ImageProblem,
    inspect_image,
    signature_for_document,
)
from rakor_desktop.messages import DatabaseError, FileFormatError, NotFoundError, RakorError
from rakor_desktop.models import (
    AttendanceEntry,
    AttendanceKind,
    Conclusion,
    Event,
    FollowUp,
    Invitee,
    OfficialRole,
    Person,
    Photo,
    Question,
    QuestionStatus,
    Role,
    RundownItem,
    RundownKind,
    Speaker,
    SpeakerState,
)
from rakor_desktop.operations.events import get_event, validate_event
from rakor_desktop.operations.invitations import new_checkin_code
from rakor_desktop.safe_files import read_user_file
from rakor_desktop.storage import Storage
from rakor_desktop.text import clean_changes

FORMAT_NAME = "rakor-desktop-event"
FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
SCHEMA_ID = "https://rakor-desktop.invalid/schema/event-format-3.json"

# Bounds of what an import reads (issue 10, item 4): the file, integers, nesting.
MAX_FILE_BYTES = 512 * 1024 * 1024  # an event with many photos is large, but not this
MAX_INT_DIGITS = 19  # every integer of the format fits SQLite's 64 bits
INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # positions, counts, seconds
MAX_NESTING = 64  # the format nests 3 levels; anything deeper is not an event file


class EventFileWriteError(RakorError):
    """The event file could not be written; no partial file was left behind."""


# -- the format, declared once --------------------------------------------------------
#
# The validator, the conversion to and from storage dumps and the JSON Schema in
# docs/ are all derived from the declarations below.


@dataclass(frozen=True)
class _Kind:
    """A kind of value: how to check it, how to name it in messages, its JSON Schema."""

    name: str
    indonesian: str
    english: str
    schema: dict[str, Any]
    check: Callable[[Any], bool]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and INT_MIN <= value <= INT_MAX


class _HugeNumber:
    """A JSON integer with too many digits to be one of ours (kept as text to name it)."""

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"{self.digits[:12]}… ({len(self.digits)} angka/digits)"


def _parse_int(digits: str) -> int | _HugeNumber:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        return _HugeNumber(digits)
    return int(digits)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _is_text(value: Any) -> bool:
    """A JSON string that is text: no lone surrogate (``"\\ud800"`` parses to one)."""
    return isinstance(value, str) and _SURROGATE.search(value) is None


def _matches(pattern: str, parse: Callable[[str], Any] | None = None) -> Callable[[Any], bool]:
    compiled = re.compile(pattern)

    def check(value: Any) -> bool:
        if not isinstance(value, str) or compiled.fullmatch(value) is None:
            return False
        if parse is not None:
            try:
                parse(value)
            except ValueError:
                return False
        return True

    return check


def _is_base64(value: Any) -> bool:
    if not isinstance(value, str) or len(value) % 4:
        return False
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


_UID = r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}"
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_TIME = r"[0-9]{2}:[0-9]{2}(:[0-9]{2})?"
_MOMENT = _DATE + r"T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
_NIP = r"([0-9]{18}|[0-9]{5,14}(/[A-Z]{1,4})?)?"
_CODE = r"[A-Z0-9][A-Z0-9_-]{0,63}"
_BASE64 = r"([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?"


def _pattern_kind(
    name: str, pattern: str, indonesian: str, english: str, parse: Callable[[str], Any] | None
) -> _Kind:
    schema = {"type": "string", "pattern": f"^{pattern}$"}
    return _Kind(name, indonesian, english, schema, _matches(pattern, parse))


def _aware_moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("naive moment")
    return moment


TEXT = _Kind("text", "teks", "a text", {"type": "string"}, _is_text)
NAME = _Kind(
    "name",
    "teks yang tidak kosong",
    "a non-empty text",
    {"type": "string", "pattern": r"\S"},
    lambda v: _is_text(v) and bool(v.strip()),
)
BOOL = _Kind("bool", "true atau false", "true or false", {"type": "boolean"},
             lambda v: isinstance(v, bool))
INT = _Kind(
    "int",
    "bilangan bulat (-2147483648 s.d. 2147483647)",
    "an integer (-2147483648 to 2147483647)",
    {"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX},
    _is_int,
)
COUNT = _Kind(
    "count",
    "bilangan bulat 0 s.d. 2147483647",
    "an integer from 0 to 2147483647",
    {"type": "integer", "minimum": 0, "maximum": INT_MAX},
    lambda v: _is_int(v) and v >= 0,
)
NUMBER = _Kind(
    "number",
    "bilangan bulat 1 s.d. 2147483647",
    "an integer from 1 to 2147483647",
    {"type": "integer", "minimum": 1, "maximum": INT_MAX},
    lambda v: _is_int(v) and v >= 1,
)
UID = _pattern_kind(
    "uid", _UID, "uid (huruf/angka, tanpa spasi)", "a uid (letters/digits, no spaces)", None
)
DATE = _pattern_kind("date", _DATE, "tanggal YYYY-MM-DD", "a date YYYY-MM-DD", date.fromisoformat)
TIME = _pattern_kind("time", _TIME, "jam HH:MM", "a time of day HH:MM", time.fromisoformat)
MOMENT = _pattern_kind(
    "moment",
    _MOMENT,
    "waktu ISO 8601 dengan zona, mis. 2023-12-14T02:00:00.000+00:00",
    "an ISO 8601 moment with offset, e.g. 2023-12-14T02:00:00.000+00:00",
    _aware_moment,
)
NIP = _pattern_kind(
    "nip",
    _NIP,
    "NIP 18 angka, NRP 5 s.d. 14 angka (boleh diakhiri /huruf), atau kosong",
    "an 18-digit NIP, an NRP of 5 to 14 digits (optionally /letters), or empty",
    None,
)
CODE = _pattern_kind(
    "checkin_code",
    _CODE,
    "kode check-in (huruf besar dan angka)",
    "a check-in code (capital letters and digits)",
    None,
)
BASE64 = _Kind(
    "base64",
    "data base64",
    "base64 data",
    {"type": "string", "contentEncoding": "base64", "pattern": f"^{_BASE64}$"},
    _is_base64,
)
_NAMED_KINDS: tuple[_Kind, ...] = (
    TEXT, NAME, BOOL, INT, COUNT, NUMBER, UID, DATE, TIME, MOMENT, NIP, CODE, BASE64
)


@dataclass(frozen=True)
class _Field:
    """One field of a row: its JSON name, kind, whether null is allowed, what it refers to."""

    name: str
    kind: _Kind | None
    description: str
    nullable: bool = False
    choices: tuple[str, ...] = ()  # an enumeration instead of a kind
    refers_to: str = ""  # the section whose uid this field holds
    column: str = ""  # the key in a storage dump when it differs from ``name``

    @property
    def dump_key(self) -> str:
        return self.column or self.name


def _f(name: str, kind: _Kind, description: str, **options: Any) -> _Field:
    return _Field(name, kind, description, **options)


def _enum(name: str, choices: Iterable[str], description: str) -> _Field:
    return _Field(name, None, description, choices=tuple(choices))


def _ref(name: str, section: str, description: str, *, nullable: bool = False) -> _Field:
    return _Field(name, UID, description, nullable=nullable, refers_to=section)


def _uid(description: str) -> _Field:
    return _f("uid", UID, description)


EVENT_FIELDS: tuple[_Field, ...] = (
    _uid("Identity of the event across databases."),
    _f("title", NAME, "Name of the meeting."),
    _f("date", DATE, "Day of the meeting (first day when it lasts several days)."),
    _f("end_date", DATE, "Last day of a multi-day meeting.", nullable=True),
    _f("start_time", TIME, "Start, local time in `timezone`."),
    _f("end_time", TIME, "Planned end; null means 's.d. selesai'.", nullable=True),
    _enum("timezone", ("WIB", "WITA", "WIT"), "Time zone of every time of day in the file."),
    _f("call_time", TIME, "Waktu Panggilan (call time) of the minutes.", nullable=True),
    _f("venue", TEXT, "Tempat."),
    _f("organizer_government", TEXT, "First letterhead line, e.g. PEMERINTAH KOTA JAMBI."),
    _f("organizer_unit", TEXT, "Organising office, e.g. BADAN KESATUAN BANGSA DAN POLITIK."),
    _f("organizer_address", TEXT, "Address, telephone, e-mail, website lines."),
    _f("invitation_number", TEXT, "Number of the invitation letter (Surat Undangan)."),
    _f("invitation_date", DATE, "Date of the invitation letter.", nullable=True),
    _f("description", TEXT, "Free description (Acara)."),
    _f("created_at", MOMENT, "When the event was created."),
    _f("updated_at", MOMENT, "When the event was last changed."),
)

PERSON_FIELDS: tuple[_Field, ...] = (
    _uid("Identity of the directory person across databases."),
    _f("name", NAME, "Name without academic titles."),
    _f("front_titles", TEXT, "Titles before the name, e.g. 'Dr. H.'."),
    _f("back_titles", TEXT, "Titles after the name, e.g. 'M.Si.'."),
    _f(
        "nip",
        NIP,
        "NIP of a civil servant (18 digits) or NRP of a Polri/TNI officer (5 to 14 digits, "
        "optionally /letters), or empty. 18 digits is a NIP, anything else an NRP.",
    ),
    _f("pangkat", TEXT, "Rank, e.g. Pembina."),
    _f("golongan", TEXT, "Grade, e.g. IV/a."),
    _f("jabatan", TEXT, "Position as kept in the directory."),
    _f("instansi", TEXT, "Office as kept in the directory."),
    _f("group_name", TEXT, "Default attendance group."),
    _f("phone", TEXT, "Telephone number."),
    _enum("gender", ("", "L", "P"), "L, P or empty."),
    _f("created_at", MOMENT, "When the directory entry was created."),
    _f("updated_at", MOMENT, "When the directory entry was last changed."),
)

INVITEE_FIELDS_V1: tuple[_Field, ...] = (
    _uid("Identity of the invitation."),
    _ref("person_uid", "persons", "The invited directory person."),
    _enum("role", [r.value for r in Role], "Role at this event."),
    _f("checkin_code", CODE, "Code printed on the invitation / QR card."),
    _f("jabatan", TEXT, "Position at the time of this event."),
    _f("instansi", TEXT, "Office at the time of this event."),
    _f("group_name", TEXT, "Attendance group (sheet) at this event."),
    _f("position", INT, "Order in the invitation list."),
    _f("created_at", MOMENT, "When the person was invited."),
)
INVITEE_FIELDS: tuple[_Field, ...] = (
    *INVITEE_FIELDS_V1,
    _f(
        "walk_in",
        BOOL,
        "true: not on the invitation list, registered at the desk on the day (walk-in).",
    ),
)

ATTENDANCE_FIELDS_V2: tuple[_Field, ...] = (
    _uid("Identity of the log entry (a replayed entry is recognised by it)."),
    _ref("invitee_uid", "invitees", "The invitation this entry is about."),
    _enum("kind", [k.value for k in AttendanceKind], "checkin, undo or signature."),
    _ref(
        "target_uid",
        "attendance_log",
        "The check-in entry an undo or a signature refers to.",
        nullable=True,
    ),
    _f("recorded_at", MOMENT, "When it happened at the desk (UTC)."),
    _f("station", TEXT, "The desk (computer) that recorded it."),
    _f("operator", TEXT, "Who operated the desk."),
    _f("on_behalf_name", TEXT, "Delegate who came instead of the invitee (mewakili)."),
    _f("on_behalf_jabatan", TEXT, "The delegate's position."),
    _f("on_behalf_instansi", TEXT, "The delegate's office."),
    _f("reason", TEXT, "Reason of an undo."),
    _f(
        "signature_png_base64",
        BASE64,
        "Signature image (PNG), base64.",
        nullable=True,
        column="signature_png",
    ),
    _f("received_at", MOMENT, "When the database received the entry."),
)
# Version 3 (issue 10, item 13): the delegate has the fields of an invitee.
ATTENDANCE_FIELDS: tuple[_Field, ...] = (
    *ATTENDANCE_FIELDS_V2,
    _f("on_behalf_front_titles", TEXT, "The delegate's front titles (Dr., H., a rank)."),
    _f("on_behalf_back_titles", TEXT, "The delegate's back titles (S.H., M.Si.)."),
    _f("on_behalf_nip", NIP, "The delegate's NIP or NRP (as persons[].nip), or empty."),
    _f("on_behalf_pangkat", TEXT, "The delegate's pangkat (rank)."),
    _f("on_behalf_golongan", TEXT, "The delegate's golongan (grade), e.g. IV/a."),
    _f("on_behalf_phone", TEXT, "The delegate's telephone number."),
)

RUNDOWN_FIELDS: tuple[_Field, ...] = (
    _uid("Identity of the rundown item."),
    _f("position", INT, "Order in the rundown."),
    _enum("kind", [k.value for k in RundownKind], "Kind of item (susunan acara)."),
    _f("title", TEXT, "Title of the item."),
    _ref(
        "responsible_invitee_uid",
        "invitees",
        "Invitee responsible for the item.",
        nullable=True,
    ),
    _f("responsible_text", TEXT, "Who is responsible, as written."),
    _f("planned_start", TIME, "Planned start, local time.", nullable=True),
    _f("planned_minutes", COUNT, "Planned duration in minutes."),
    _f("actual_start", MOMENT, "When it actually started.", nullable=True),
    _f("actual_end", MOMENT, "When it actually ended.", nullable=True),
    _f("notes", TEXT, "The notetaker's key points."),
)

SPEAKER_FIELDS: tuple[_Field, ...] = (
    _uid("Identity of the speaker entry."),
    _ref("rundown_item_uid", "rundown_items", "The rundown item the speaker belongs to."),
    _f("position", INT, "Order within the item."),
    _ref("invitee_uid", "invitees", "The speaker's invitation, if any.", nullable=True),
    _f("name", TEXT, "Name as shown."),
    _f("instansi", TEXT, "Office as shown."),
    _enum("state", [s.value for s in SpeakerState], "Timer state."),
    _f("allotted_seconds", COUNT, "Speaking time allotted."),
    _f("started_at", MOMENT, "When the speaker started.", nullable=True),
    _f("ended_at", MOMENT, "When the speaker finished.", nullable=True),
    _f("spoken_seconds", COUNT, "Speaking time used."),
)

TERMIN_FIELDS: tuple[_Field, ...] = (
    _uid("Identity of the round of questions."),
    _f("number", NUMBER, "Termin I, II, ... (unique within the event)."),
    _f("max_askers", COUNT, "How many askers the round takes."),
    _f("opened_at", MOMENT, "When the round was opened.", nullable=True),
    _f("closed_at", MOMENT, "When the round was closed.", nullable=True),
)

QUESTION_FIELDS: tuple[_Field, ...] = (
    _uid("Identity of the question."),
    _ref("termin_uid", "termins", "The round the question was asked in."),
    _f("position", INT, "Order within the round."),
    _ref("asker_invitee_uid", "invitees", "The asker's invitation, if any.", nullable=True),
    _f("asker_name", TEXT, "Asker's name as written."),
    _f("asker_instansi", TEXT, "Asker's office as written."),
    _f("question", TEXT, "The question."),
    _f("addressed_to", TEXT, "Whom it was addressed to."),
    _enum("status", [s.value for s in QuestionStatus], "State of the question."),
    _f("answer", TEXT, "The answer."),
    _f("answered_by", TEXT, "Who answered."),
    _f("created_at", MOMENT, "When the question was registered."),
)

FOLLOW_UP_FIELDS: tuple[_Field, ...] = (
    _uid("Identity of the follow-up."),
    _ref("question_uid", "questions", "The question it came from, if any.", nullable=True),
    _f("position", INT, "Order in the list."),
    _f("what", TEXT, "What is to be done."),
    _f("who", TEXT, "Who does it."),
    _f("due", TEXT, "By when, as written."),
)

CONCLUSION_FIELDS: tuple[_Field, ...] = (
    _uid("Identity of the conclusion."),
    _f("position", INT, "Order in the list."),
    _enum("kind", ("kesimpulan", "keputusan", "rekomendasi"), "Kind of conclusion."),
    _f("body", TEXT, "The text."),
)

PHOTO_FIELDS: tuple[_Field, ...] = (
    _uid("Identity of the photo."),
    _f("position", INT, "Order in the documentation."),
    _f("filename", TEXT, "Original file name."),
    _f("caption", TEXT, "Caption."),
    _f("mime", TEXT, "Media type, e.g. image/jpeg."),
    _f("data_base64", BASE64, "The image, base64.", column="data"),
)

# The sections that are lists of rows, in file order.
LIST_SECTIONS: tuple[tuple[str, tuple[_Field, ...], str], ...] = (
    ("persons", PERSON_FIELDS, "Every directory person the event refers to."),
    ("invitees", INVITEE_FIELDS, "The invitation list."),
    ("attendance_log", ATTENDANCE_FIELDS, "The complete, append-only attendance log."),
    ("rundown_items", RUNDOWN_FIELDS, "The susunan acara."),
    ("speakers", SPEAKER_FIELDS, "Speakers of the rundown items."),
    ("termins", TERMIN_FIELDS, "Rounds of questions."),
    ("questions", QUESTION_FIELDS, "The discussion log."),
    ("follow_ups", FOLLOW_UP_FIELDS, "Tindak lanjut."),
    ("conclusions", CONCLUSION_FIELDS, "Kesimpulan, keputusan, rekomendasi."),
    ("photos", PHOTO_FIELDS, "Documentation photos."),
)
_LIST_FIELDS = {name: fields for name, fields, _ in LIST_SECTIONS}


def _sections(version: int) -> tuple[tuple[str, tuple[_Field, ...], str], ...]:
    """The list sections of a format version.

    Version 1 has no ``invitees[].walk_in``; versions 1 and 2 have no delegate fields
    beyond name, jabatan and instansi in ``attendance_log``.
    """
    if version >= 3:
        return LIST_SECTIONS
    older = {
        "invitees": INVITEE_FIELDS if version >= 2 else INVITEE_FIELDS_V1,
        "attendance_log": ATTENDANCE_FIELDS_V2,
    }
    return tuple(
        (name, older.get(name, fields), description)
        for name, fields, description in LIST_SECTIONS
    )


# Which model's text rules (rakor_desktop.text) apply to the rows of each section.
_SECTION_MODELS: dict[str, type[Any]] = {
    "event": Event,
    "persons": Person,
    "invitees": Invitee,
    "attendance_log": AttendanceEntry,
    "rundown_items": RundownItem,
    "speakers": Speaker,
    "questions": Question,
    "follow_ups": FollowUp,
    "conclusions": Conclusion,
    "photos": Photo,
}
OFFICIAL_ROLES: tuple[str, ...] = tuple(r.value for r in OfficialRole)

TOP_LEVEL_KEYS: tuple[str, ...] = (
    "format",
    "version",
    "generator",
    "event",
    "persons",
    "officials",
    "invitees",
    "attendance_log",
    "rundown_items",
    "speakers",
    "termins",
    "questions",
    "follow_ups",
    "conclusions",
    "photos",
    "settings",
)

# Which table's uids each section's uids are (for keeping or regenerating them).
_SECTION_TABLES: dict[str, str] = {
    "invitees": "invitees",
    "attendance_log": "attendance_log",
    "rundown_items": "rundown_items",
    "speakers": "speakers",
    "termins": "termins",
    "questions": "questions",
    "follow_ups": "follow_ups",
    "conclusions": "conclusions",
    "photos": "photos",
}


# -- export -----------------------------------------------------------------------------


def export_event(storage: Storage, event_id: int, out: Path) -> Path:
    """Write the whole event to ``out`` as an event file (JSON, UTF-8).

    The file is written to a temporary file in the same folder, flushed to disk and
    then renamed over ``out``, so a failure never leaves half a file.

    Raises:
        NotFoundError: there is no such event.
        EventFileWriteError: the file cannot be written (folder missing and not
            creatable, no permission, disk full ...).
    """
    out = Path(out)
    with storage.transaction():  # one consistent snapshot of the event
        get_event(storage, event_id)
        dump = storage.dump_event(event_id)
    if dump is None:  # pragma: no cover - get_event() has already refused
        raise NotFoundError.of("event", event_id)
    document = document_from_dump(dump)
    try:
        validate_document(document)
    except FormatProblem as problem:
        # Never hand out a file this app would refuse to read back.
        raise EventFileWriteError(
            "Acara {id} tidak dapat diekspor: datanya tidak sesuai format berkas acara "
            "({problem_id}). Laporkan ini ke pengembang.",
            "Event {id} cannot be exported: its data does not fit the event file format "
            "({problem_en}). Please report this to the developers.",
            id=event_id,
            problem_id=problem.indonesian,
            problem_en=problem.english,
        ) from None
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    _write_atomically(out, data)
    return out


def document_from_dump(dump: dict[str, Any]) -> dict[str, Any]:
    """Turn a storage dump (:meth:`Storage.dump_event`) into the JSON document."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generator": f"{APP_NAME} {__version__}",
        "event": _json_row(dump["event"], EVENT_FIELDS),
    }
    for section, fields, _ in LIST_SECTIONS:
        document[section] = [_json_row(row, fields) for row in dump[section]]
    officials = dump["officials"]
    document["officials"] = {role: officials[role] for role in OFFICIAL_ROLES if role in officials}
    document["settings"] = settings_format.settings_to_file(dump["settings"])
    return {key: document[key] for key in TOP_LEVEL_KEYS}


def _json_row(row: dict[str, Any], fields: tuple[_Field, ...]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for field in fields:
        value = row[field.dump_key]
        if field.kind is BASE64 and value is not None:
            value = base64.b64encode(bytes(value)).decode("ascii")
        elif field.kind is BOOL:
            value = bool(value)
        result[field.name] = value
    return result


def _write_atomically(target: Path, data: bytes) -> None:
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise EventFileWriteError(
            "Berkas acara {path} tidak dapat ditulis: {folder} (atau folder di atasnya) "
            "adalah berkas, bukan folder.",
            "Cannot write the event file {path}: {folder} (or a folder above it) is a file, "
            "not a folder.",
            path=target,
            folder=folder,
        ) from exc
    except OSError as exc:
        raise _unwritable(target, exc) from exc
    with atomic_write(target, "wb", cannot_write=_unwritable, sync_folder=True) as stream:
        stream.write(data)


def _unwritable(target: Path, exc: OSError) -> EventFileWriteError:
    return EventFileWriteError(
        "Berkas acara {path} tidak dapat ditulis ({error}). Periksa bahwa foldernya ada, "
        "dapat ditulisi, dan disknya tidak penuh.",
        "Cannot write the event file {path} ({error}). Check that the folder exists, is "
        "writable and the disk is not full.",
        path=target,
        error=exc.strerror or exc,
    )


# -- import -----------------------------------------------------------------------------


def import_event(storage: Storage, source: Path) -> int:
    """Read an event file and add its event to the database as a new event.

    The whole file is checked before anything is written; then everything is
    written in one transaction. Persons already in the directory (same uid, else
    same NIP) are reused. Uids and check-in codes are kept unless this database
    already uses them, in which case new ones are made (so importing the same file
    twice gives two independent copies).

    Returns:
        The id of the new event.

    Raises:
        FileFormatError: the file is not an event file, of an unknown version, or
            damaged; nothing was written.
        NotFoundError: the file does not exist.
    """
    source = Path(source)
    document = read_document(source)
    try:
        validate_document(document)
        dump = dump_from_document(document)
    except FormatProblem as problem:
        raise _refused(source, problem) from None
    try:
        with storage.transaction():
            try:
                resolved = _resolve_identities(storage, dump)
            except FormatProblem as problem:
                raise _refused(source, problem) from None
            return storage.load_event(resolved)
    except sqlite3.IntegrityError as exc:
        raise FileFormatError(
            "Berkas {path} tidak dapat diimpor: isinya bertentangan dengan database ({error}). "
            "Tidak ada yang disimpan.",
            "The file {path} cannot be imported: it conflicts with the database ({error}). "
            "Nothing was saved.",
            path=source,
            error=exc,
        ) from exc
    except sqlite3.OperationalError as exc:
        raise DatabaseError(
            "Database tidak dapat ditulis saat mengimpor {path} ({error}). Tidak ada yang "
            "disimpan.",
            "The database could not be written while importing {path} ({error}). Nothing "
            "was saved.",
            path=source,
            error=exc,
        ) from exc


def read_document(source: Path) -> dict[str, Any]:
    """Read and parse an event file far enough to know it is one of a known version.

    Raises:
        FileFormatError: unreadable, not JSON, not an event file, unknown version.
        NotFoundError: the file does not exist.
    """
    # A regular file of bounded size only: not a FIFO, a device or /dev/zero behind a link.
    raw = read_user_file(source, max_bytes=MAX_FILE_BYTES)
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refused(
            source,
            FormatProblem(
                f"rusak: bukan teks UTF-8 (bita ke-{exc.start + 1})",
                f"damaged: not UTF-8 text (byte {exc.start + 1})",
            ),
        ) from None
    try:
        document = json.loads(
            content,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constants,
            parse_int=_parse_int,
        )
    except RecursionError:
        raise _refused(source, _too_deep(content)) from None
    except json.JSONDecodeError as exc:
        raise _refused(
            source,
            FormatProblem(
                f"rusak: JSON tidak valid di baris {exc.lineno}, kolom {exc.colno} ({exc.msg})",
                f"damaged: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})",
            ),
        ) from None
    except FormatProblem as problem:
        raise _refused(source, problem) from None
    try:
        _check_format_and_version(document)
    except FormatProblem as problem:
        raise _refused(source, problem) from None
    assert isinstance(document, dict)
    return document


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}:,]')


def _too_deep(content: str) -> FormatProblem:
    """Name the field where the JSON nests deeper than any event file does."""
    kinds: list[str] = []
    path: list[str | int | None] = []
    last_string = ""
    for match in _TOKEN.finditer(content):
        token = match.group()
        if token[0] == '"':
            last_string = token
        elif token == ":":
            if kinds and kinds[-1] == "{":
                try:
                    path[-1] = json.loads(last_string)
                except ValueError:
                    path[-1] = "?"
        elif token == ",":
            if kinds and kinds[-1] == "[":
                path[-1] = int(path[-1] or 0) + 1
        elif token in "{[":
            kinds.append(token)
            path.append(None if token == "{" else 0)
            if len(kinds) > MAX_NESTING:
                break
        elif kinds:
            kinds.pop()
            path.pop()
    where = _path_text(path[:6]) + ("…" if len(path) > 6 else "")
    return FormatProblem(
        f"rusak: field {where or 'berkas'} bersarang terlalu dalam (lebih dari "
        f"{MAX_NESTING} tingkat)",
        f"damaged: the field {where or 'file'} is nested too deeply (more than "
        f"{MAX_NESTING} levels)",
    )


def _path_text(path: list[str | int | None]) -> str:
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        elif step is not None:
            shown = step if len(step) <= 40 else step[:39] + "…"
            text += f".{shown}" if text else shown
    return text


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise FormatProblem(
                f"rusak: kunci {_show(key)} muncul dua kali dalam satu objek",
                f"damaged: the key {_show(key)} appears twice in one object",
            )
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise FormatProblem(
        f"rusak: {name} bukan nilai JSON yang sah", f"damaged: {name} is not a valid JSON value"
    )


def _check_format_and_version(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise FormatProblem(
            f"bukan berkas acara Rakor Desktop (field \"format\" harus \"{FORMAT_NAME}\")",
            f"not a Rakor Desktop event file (the field \"format\" must be \"{FORMAT_NAME}\")",
        )
    if "version" not in document:
        raise _missing("version")
    version = document["version"]
    if not _is_int(version):
        raise _wrong_kind("version", version, INT)
    if version not in READABLE_VERSIONS:
        newer_id = " (dibuat oleh Rakor Desktop yang lebih baru: perbarui aplikasi ini)"
        newer_en = " (made by a newer Rakor Desktop: update this app)"
        newer = version > FORMAT_VERSION
        known = f"{READABLE_VERSIONS[0]} s.d. {READABLE_VERSIONS[-1]}"
        known_en = f"{READABLE_VERSIONS[0]} to {READABLE_VERSIONS[-1]}"
        raise FormatProblem(
            f"versi format {version} tidak dikenal; aplikasi ini membaca versi "
            f"{known}{newer_id if newer else ''}",
            f"unknown format version {version}; this app reads versions "
            f"{known_en}{newer_en if newer else ''}",
        )


class FormatProblem(Exception):
    """What is wrong with a document, in both languages.

    :func:`import_event` turns it into a :class:`FileFormatError` naming the file.
    """

    def __init__(self, indonesian: str, english: str) -> None:
        super().__init__(english)
        self.indonesian = indonesian
        self.english = english


def _refused(source: Path, problem: FormatProblem) -> FileFormatError:
    return FileFormatError(
        "Berkas {path} tidak dapat diimpor: {problem_id}. Tidak ada yang disimpan.",
        "The file {path} cannot be imported: {problem_en}. Nothing was saved.",
        path=source,
        problem_id=problem.indonesian,
        problem_en=problem.english,
    )


def _show(value: Any) -> str:
    if isinstance(value, _HugeNumber):
        return repr(value)
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (RecursionError, ValueError, TypeError):
        shown = "…"
    # A lone surrogate cannot be printed or stored: show it escaped.
    shown = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", shown)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _missing(where: str) -> FormatProblem:
    return FormatProblem(f"field {where} hilang", f"the field {where} is missing")


def _wrong_kind(where: str, value: Any, kind: _Kind, *, nullable: bool = False) -> FormatProblem:
    or_null_id = " atau null" if nullable else ""
    or_null_en = " or null" if nullable else ""
    if isinstance(value, str) and _SURROGATE.search(value):
        return FormatProblem(
            f"field {where} berisi karakter yang tidak sah (surrogate tanpa pasangan, "
            f"{_show(value)})",
            f"the field {where} holds an invalid character (a lone surrogate, {_show(value)})",
        )
    out_of_range = isinstance(value, _HugeNumber) or (
        _is_int_like(value) and not INT_MIN <= value <= INT_MAX
    )
    if out_of_range and kind in (INT, COUNT, NUMBER):
        return FormatProblem(
            f"field {where} di luar batas: harus {kind.indonesian}, bukan {_show(value)}",
            f"the field {where} is out of range: expected {kind.english}, got {_show(value)}",
        )
    return FormatProblem(
        f"field {where} salah jenis: harus {kind.indonesian}{or_null_id}, "
        f"bukan {_show(value)}",
        f"the field {where} has the wrong type: expected {kind.english}{or_null_en}, "
        f"got {_show(value)}",
    )


def _is_int_like(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# -- validation -------------------------------------------------------------------------


def validate_document(document: Any) -> None:
    """Check a parsed event file completely: structure, kinds, uniqueness, references.

    Raises:
        FormatProblem: the first thing found wrong (import turns it into FileFormatError).
    """
    _check_format_and_version(document)
    _check_keys(document, TOP_LEVEL_KEYS, "")
    version = int(document["version"])
    if not _is_text(document["generator"]):
        raise _wrong_kind("generator", document["generator"], TEXT)
    _check_row(document["event"], EVENT_FIELDS, "event")
    _check_event_rules(document["event"])
    for section, fields, _ in _sections(version):
        rows = document[section]
        if not isinstance(rows, list):
            raise FormatProblem(
                f"field {section} salah jenis: harus daftar (list)",
                f"the field {section} has the wrong type: expected a list",
            )
        for index, row in enumerate(rows):
            _check_row(row, fields, f"{section}[{index}]")
    _check_officials(document["officials"])
    _check_settings(document["settings"], version)
    _check_unique(document)
    _check_references(document)
    _check_photos(document["photos"])


def _check_event_rules(row: dict[str, Any]) -> None:
    """The checks of the event form (end after start, call time before start …)."""

    def time_of_day(text: str | None) -> time | None:
        return None if text is None else time.fromisoformat(text)

    event = Event(
        title=row["title"],
        date=date.fromisoformat(row["date"]),
        start_time=time.fromisoformat(row["start_time"]),
        end_time=time_of_day(row["end_time"]),
        end_date=None if row["end_date"] is None else date.fromisoformat(row["end_date"]),
        timezone=row["timezone"],
        call_time=time_of_day(row["call_time"]),
    )
    try:
        validate_event(event)
    except RakorError as error:
        indonesian = error.indonesian.rstrip(".")
        english = error.english.rstrip(".")
        field = "event.end_time"
        if "call time" in english:
            field = "event.call_time"
        elif "end date" in english:
            field = "event.end_date"
        elif "title" in english:
            field = "event.title"
        raise FormatProblem(
            f"field {field}: {indonesian}", f"the field {field}: {english}"
        ) from None


def _check_photos(rows: list[dict[str, Any]]) -> None:
    """A photo must be an image the documents can show (bounded bytes and pixels)."""
    for index, row in enumerate(rows):
        try:
            inspect_image(
                base64.b64decode(row["data_base64"]),
                max_bytes=MAX_PHOTO_BYTES,
                max_pixels=MAX_PHOTO_PIXELS,
            )
        except ImageProblem as problem:
            where = f"photos[{index}].data_base64"
            raise FormatProblem(
                f"field {where}: {problem.indonesian}", f"the field {where}: {problem.english}"
            ) from None


def _check_keys(row: Any, expected: Iterable[str], where: str) -> None:
    label = where or "berkas"
    if not isinstance(row, dict):
        raise FormatProblem(
            f"field {label} salah jenis: harus objek", f"the field {where} must be an object"
        )
    expected = tuple(expected)
    prefix = f"{where}." if where else ""
    for key in expected:
        if key not in row:
            raise _missing(prefix + key)
    for key in row:
        if key not in expected:
            raise FormatProblem(
                f"field {prefix}{key} tidak dikenal dalam format versi {FORMAT_VERSION}",
                f"the field {prefix}{key} is unknown in format version {FORMAT_VERSION}",
            )


def _check_row(row: Any, fields: tuple[_Field, ...], where: str) -> None:
    _check_keys(row, (f.name for f in fields), where)
    for field in fields:
        _check_value(row[field.name], field, f"{where}.{field.name}")


def _check_value(value: Any, field: _Field, where: str) -> None:
    if value is None and field.nullable:
        return
    if field.choices:
        if value not in field.choices or not isinstance(value, str):
            allowed = ", ".join(_show(c) for c in field.choices)
            raise FormatProblem(
                f"field {where} berisi nilai {_show(value)} yang tidak dikenal; "
                f"yang boleh: {allowed}",
                f"the field {where} holds the unknown value {_show(value)}; allowed: {allowed}",
            )
        return
    assert field.kind is not None
    if not field.kind.check(value):
        raise _wrong_kind(where, value, field.kind, nullable=field.nullable)


def _check_officials(officials: Any) -> None:
    if not isinstance(officials, dict):
        raise FormatProblem(
            "field officials salah jenis: harus objek", "the field officials must be an object"
        )
    for role, person_uid in officials.items():
        if role not in OFFICIAL_ROLES:
            allowed = ", ".join(OFFICIAL_ROLES)
            raise FormatProblem(
                f"field officials berisi peran {_show(role)} yang tidak dikenal; "
                f"yang boleh: {allowed}",
                f"the field officials holds the unknown role {_show(role)}; allowed: {allowed}",
            )
        if not UID.check(person_uid):
            raise _wrong_kind(f"officials.{role}", person_uid, UID)


def _check_settings(settings: Any, version: int) -> None:
    if not isinstance(settings, dict):
        raise FormatProblem(
            "field settings salah jenis: harus objek", "the field settings must be an object"
        )
    for key, value in settings.items():
        if not _is_text(key):
            raise FormatProblem(
                f"field settings berisi kunci yang tidak sah {_show(key)}",
                f"the field settings holds an invalid key {_show(key)}",
            )
        if isinstance(value, str) and not _is_text(value):
            raise _wrong_kind(f"settings.{key}", value, TEXT)
    try:
        settings_format.settings_from_file(settings, version)
    except settings_format.SettingProblem as problem:
        raise FormatProblem(problem.indonesian, problem.english) from None


def _check_unique(document: dict[str, Any]) -> None:
    for section, _fields, _ in LIST_SECTIONS:
        _check_unique_values(document[section], section, "uid")
    _check_unique_values(document["invitees"], "invitees", "checkin_code")
    _check_unique_values(document["invitees"], "invitees", "person_uid")
    _check_unique_values(document["termins"], "termins", "number")
    _check_unique_values([p for p in document["persons"] if p["nip"]], "persons", "nip")


def _check_unique_values(rows: list[dict[str, Any]], section: str, key: str) -> None:
    seen: set[Any] = set()
    for index, row in enumerate(rows):
        value = row[key]
        if value in seen:
            raise FormatProblem(
                f"field {section}[{index}].{key}: nilai {_show(value)} muncul lebih dari sekali "
                f"di {section}",
                f"the field {section}[{index}].{key}: the value {_show(value)} appears more "
                f"than once in {section}",
            )
        seen.add(value)


def _check_references(document: dict[str, Any]) -> None:
    uids = {
        section: {row["uid"] for row in document[section]} for section, _, _ in LIST_SECTIONS
    }
    checkins = {e["uid"] for e in document["attendance_log"] if e["kind"] == AttendanceKind.CHECKIN}
    for role, person_uid in document["officials"].items():
        if person_uid not in uids["persons"]:
            raise _dangling(f"officials.{role}", person_uid, "persons")
    for section, fields, _ in LIST_SECTIONS:
        for field in fields:
            if not field.refers_to:
                continue
            targets = checkins if field.name == "target_uid" else uids[field.refers_to]
            for index, row in enumerate(document[section]):
                value = row[field.name]
                if value is not None and value not in targets:
                    raise _dangling(f"{section}[{index}].{field.name}", value, field.refers_to)


def _dangling(where: str, value: Any, section: str) -> FormatProblem:
    what_id = "entri check-in di attendance_log" if section == "attendance_log" else section
    what_en = "check-in entries of attendance_log" if section == "attendance_log" else section
    return FormatProblem(
        f"field {where} merujuk ke {_show(value)} yang tidak ada di {what_id} berkas ini",
        f"the field {where} refers to {_show(value)}, which is not among the {what_en} "
        "of this file",
    )


# -- from a valid document to what the storage writes -----------------------------------


def dump_from_document(document: dict[str, Any]) -> dict[str, Any]:
    """Turn a validated document into a storage dump (blobs decoded, storage keys).

    Text is cleaned here as anywhere text enters (:mod:`rakor_desktop.text`); a
    signature image the documents could not show is left out (logged); a file of
    format version 1 is converted (walk-ins recognised by their time, settings).
    """
    version = int(document["version"])
    dump: dict[str, Any] = {"event": _dump_row(document["event"], EVENT_FIELDS, "event")}
    for section, fields, _ in _sections(version):
        dump[section] = [_dump_row(row, fields, section) for row in document[section]]
    if version == 1:
        _mark_walk_ins(dump)
    for entry in dump["attendance_log"]:
        if entry["signature_png"] is not None:
            entry["signature_png"] = signature_for_document(
                entry["signature_png"], where=f"of the event file entry {entry['uid']}"
            )
    dump["officials"] = dict(document["officials"])
    dump["settings"] = settings_format.settings_from_file(document["settings"], version)
    return dump


def _mark_walk_ins(dump: dict[str, Any]) -> None:
    """Version 1 files do not mark walk-ins: the desk invites a walk-in and checks them in
    at one moment, so an invitation made at the moment of its check-in is one."""
    checked_in: dict[str, set[datetime]] = {}
    for entry in dump["attendance_log"]:
        if entry["kind"] == AttendanceKind.CHECKIN:
            checked_in.setdefault(entry["invitee_uid"], set()).add(
                datetime.fromisoformat(entry["recorded_at"])
            )
    for invitee in dump["invitees"]:
        created = datetime.fromisoformat(invitee["created_at"])
        invitee["walk_in"] = int(created in checked_in.get(invitee["uid"], set()))


def _dump_row(row: dict[str, Any], fields: tuple[_Field, ...], section: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for field in fields:
        value = row[field.name]
        if field.kind is BASE64 and value is not None:
            value = base64.b64decode(value, validate=True)
        elif field.kind is BOOL:
            value = int(value)
        result[field.dump_key] = value
    model = _SECTION_MODELS.get(section)
    if model is not None:
        result = clean_changes(result, model.TEXT_FIELDS)
    return result


def _resolve_identities(storage: Storage, dump: dict[str, Any]) -> dict[str, Any]:
    """Decide the uids and check-in codes the new copy gets in this database.

    Persons: an existing directory person with the same uid, else the same NIP, is
    reused (and left unchanged); otherwise the person is added with their uid.
    Everything else keeps its uid, and invitees their check-in code, unless this
    database already uses it.
    """
    person_uids: dict[str, str] = {}
    claimed: dict[str, str] = {}
    new_persons: list[dict[str, Any]] = []
    existing = storage.taken_uids("persons", [p["uid"] for p in dump["persons"]])
    for person in dump["persons"]:
        uid = person["uid"]
        if uid not in existing:
            match = storage.find_person_by_nip(person["nip"]) if person["nip"] else None
            if match is not None:
                uid = match.uid
            else:
                new_persons.append(person)
        if uid in claimed:
            raise FormatProblem(
                f"orang {_show(person['uid'])} dan {_show(claimed[uid])} di berkas sama-sama "
                f"cocok dengan orang {_show(uid)} di direktori database ini",
                f"the persons {_show(person['uid'])} and {_show(claimed[uid])} of the file both "
                f"match the person {_show(uid)} in this database's directory",
            )
        claimed[uid] = person["uid"]
        person_uids[person["uid"]] = uid

    new_uids = {
        section: _kept_or_new_uids(storage, table, dump[section])
        for section, table in _SECTION_TABLES.items()
    }
    event_uid = dump["event"]["uid"]
    if storage.taken_uids("events", [event_uid]):
        event_uid = str(uuid.uuid4())
    codes = _kept_or_new_codes(storage, [i["checkin_code"] for i in dump["invitees"]])

    def remap(section: str, uid: str | None) -> str | None:
        return None if uid is None else new_uids[section][uid]

    resolved: dict[str, Any] = {
        "event": {**dump["event"], "uid": event_uid},
        "persons": new_persons,
        "officials": {role: person_uids[uid] for role, uid in dump["officials"].items()},
        "settings": dump["settings"],
    }
    resolved["invitees"] = [
        {
            **row,
            "uid": new_uids["invitees"][row["uid"]],
            "person_uid": person_uids[row["person_uid"]],
            "checkin_code": codes[row["checkin_code"]],
        }
        for row in dump["invitees"]
    ]
    resolved["attendance_log"] = [
        {
            **row,
            "uid": new_uids["attendance_log"][row["uid"]],
            "invitee_uid": remap("invitees", row["invitee_uid"]),
            "target_uid": remap("attendance_log", row["target_uid"]),
        }
        for row in dump["attendance_log"]
    ]
    resolved["rundown_items"] = [
        {
            **row,
            "uid": new_uids["rundown_items"][row["uid"]],
            "responsible_invitee_uid": remap("invitees", row["responsible_invitee_uid"]),
        }
        for row in dump["rundown_items"]
    ]
    resolved["speakers"] = [
        {
            **row,
            "uid": new_uids["speakers"][row["uid"]],
            "rundown_item_uid": remap("rundown_items", row["rundown_item_uid"]),
            "invitee_uid": remap("invitees", row["invitee_uid"]),
        }
        for row in dump["speakers"]
    ]
    resolved["termins"] = [
        {**row, "uid": new_uids["termins"][row["uid"]]} for row in dump["termins"]
    ]
    resolved["questions"] = [
        {
            **row,
            "uid": new_uids["questions"][row["uid"]],
            "termin_uid": remap("termins", row["termin_uid"]),
            "asker_invitee_uid": remap("invitees", row["asker_invitee_uid"]),
        }
        for row in dump["questions"]
    ]
    resolved["follow_ups"] = [
        {
            **row,
            "uid": new_uids["follow_ups"][row["uid"]],
            "question_uid": remap("questions", row["question_uid"]),
        }
        for row in dump["follow_ups"]
    ]
    for section in ("conclusions", "photos"):
        resolved[section] = [
            {**row, "uid": new_uids[section][row["uid"]]} for row in dump[section]
        ]
    return resolved


def _kept_or_new_uids(storage: Storage, table: str, rows: list[dict[str, Any]]) -> dict[str, str]:
    uids = [row["uid"] for row in rows]
    taken = storage.taken_uids(table, uids)
    return {uid: (str(uuid.uuid4()) if uid in taken else uid) for uid in uids}


def _kept_or_new_codes(storage: Storage, codes: list[str]) -> dict[str, str]:
    """Keep each check-in code (the cards are printed) unless this database uses it."""
    taken = storage.taken_checkin_codes(codes)
    reserved = set(codes)
    result: dict[str, str] = {}
    for code in codes:
        if code in taken:
            replacement = new_checkin_code(storage)
            while replacement in reserved:
                replacement = new_checkin_code(storage)
            reserved.add(replacement)
            result[code] = replacement
        else:
            result[code] = code
    return result


# -- JSON Schema ------------------------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the current format version.

    ``docs/event-format.schema.json`` is this, written out; references between
    sections and uniqueness cannot be expressed in it and are checked by
    :func:`validate_document` only.
    """

    def field_schema(field: _Field) -> dict[str, Any]:
        if field.choices:
            schema: dict[str, Any] = {"enum": list(field.choices)}
        else:
            assert field.kind is not None
            schema = {"$ref": f"#/$defs/{field.kind.name}"}
        if field.nullable:
            schema = {"anyOf": [schema, {"type": "null"}]}
        if field.refers_to:
            target = "check-in entry" if field.name == "target_uid" else field.refers_to
            return {**schema, "description": f"{field.description} (uid in {target})"}
        return {**schema, "description": field.description}

    def row_schema(fields: tuple[_Field, ...]) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {f.name: field_schema(f) for f in fields},
            "required": [f.name for f in fields],
            "additionalProperties": False,
        }

    properties: dict[str, Any] = {
        "format": {"const": FORMAT_NAME, "description": "Always this name."},
        "version": {"const": FORMAT_VERSION, "description": "Format version of the file."},
        "generator": {"type": "string", "description": "The app that wrote the file."},
        "event": {**row_schema(EVENT_FIELDS), "description": "The event itself."},
    }
    for section, fields, description in LIST_SECTIONS:
        properties[section] = {
            "type": "array",
            "items": row_schema(fields),
            "description": description,
        }
    properties["officials"] = {
        "type": "object",
        "properties": {role: {"$ref": "#/$defs/uid"} for role in OFFICIAL_ROLES},
        "additionalProperties": False,
        "description": "Pimpinan rapat: role to person uid (in persons).",
    }
    properties["settings"] = settings_format.json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"Rakor Desktop event file, format version {FORMAT_VERSION}",
        "type": "object",
        "properties": {key: properties[key] for key in TOP_LEVEL_KEYS},
        "required": list(TOP_LEVEL_KEYS),
        "additionalProperties": False,
        "$defs": {kind.name: {**kind.schema, "description": kind.english} for kind in _NAMED_KINDS},
    }
