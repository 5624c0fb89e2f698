"""The venue network's wire format: what a desk and the host say to each other.

Both sides use only these functions to turn records into JSON objects and back, so
the two can never disagree on a field. Everything that arrives is checked here,
strictly: an unknown field, a wrong type, an over-long text or a malformed moment is a
:class:`ProtocolError` (the host answers 400 and changes nothing). Text is cleaned
once where it enters, by the record types' own ``TEXT_FIELDS`` (see
:mod:`rakor_desktop.text`) when the host builds them.

The HTTP API (all under :data:`API_PREFIX`, JSON bodies, UTF-8; ``docs/NETWORK.md``
describes it for people):

``POST /pair``
    ``{"pairing_code", "desk_name", "protocol"}`` → ``{"token", "desk_id",
    "event": <event>, "server_time"}``. The only request without a token.
``GET /snapshot``
    → ``{"event", "invitees": [...], "attendance": [...], "seq", "server_time"}``:
    the event's whole list and log (signatures left out), to start a desk's copy.
``GET /changes?since=N&wait=S``
    → ``{"seq", "event"|null, "invitees": [...], "deleted_invitees": [uid, ...],
    "attendance": [...], "more", "server_time"}``: what changed after sequence
    number N, waiting up to S seconds (at most :data:`MAX_WAIT_SECONDS`) for
    something to change when nothing has.
``POST /entries``
    ``{"sent_at", "entries": [<entry>, ...]}`` → ``{"acks": [{"uid", "status",
    "message"}], "seq", "server_time"}``; status ``stored`` (new), ``known`` (stored
    before: a replay) or ``rejected`` (never accepted; the message says why).
``GET /status``
    → ``{"desk_id", "desk_name", "event_uid", "server_time"}`` (a cheap "am I still
    paired" for the desk).

Every request but ``/pair`` carries ``Authorization: Bearer <token>`` and
``X-Rakor-Event: <event uid>``. A missing, unknown or revoked token is 401, a token
of another event (or an event uid that is not the network's) 409.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"
EVENT_HEADER = "X-Rakor-Event"
DEFAULT_PORT = 8765

MAX_BODY_BYTES = 4 * 1024 * 1024  # a batch with a few signatures fits
MAX_ENTRIES_PER_BATCH = 200
MAX_CHANGES_PER_ANSWER = 1000
MAX_WAIT_SECONDS = 25.0
MAX_TEXT = 2000  # any single text field on the wire
MAX_LONG_TEXT = 20_000  # but an event's description (text.LONG)
PAIRING_CODE_DIGITS = 6
#: The one-time code of a moderator's or projector's pairing link (issue 14).
ROLE_PAIRING_CODE_LENGTH = 10
#: What a paired device is: a desk (a laptop), the moderator's tablet, a projector PC.
ROLES = ("desk", "moderator", "projector")
MAX_SIGNATURE_BYTES = 2_000_000

ENTRY_KINDS = ("checkin", "undo", "signature")
ACK_STATUSES = ("stored", "known", "rejected")

_UID = re.compile(r"^[0-9A-Za-z-]{8,64}$")
_CODE = re.compile(r"^[0-9A-Z]{4,16}$")

#: The fields of a delegate (*mewakili*) on the wire, as in ``AttendanceEntry`` without
#: the ``on_behalf_`` prefix.
ON_BEHALF_FIELDS = (
    "name", "jabatan", "instansi", "front_titles", "back_titles", "nip", "pangkat",
    "golongan", "phone",
)
#: A person's fields on the wire (the directory row), besides its uid.
PERSON_FIELDS = (
    "name", "front_titles", "back_titles", "nip", "pangkat", "golongan", "jabatan",
    "instansi", "group_name", "phone", "gender",
)
#: An invitation's own fields on the wire, besides its uid.
INVITEE_FIELDS = ("role", "checkin_code", "jabatan", "instansi", "group_name", "position")
#: An event's fields on the wire (the ``events`` row without its local id and stamps).
EVENT_FIELDS = (
    "uid", "title", "date", "end_date", "start_time", "end_time", "timezone", "call_time",
    "venue", "organizer_government", "organizer_unit", "organizer_address",
    "invitation_number", "invitation_date", "description",
)


class ProtocolError(ValueError):
    """A request or answer that does not follow this format (the host answers 400)."""


# -- small checked readers -------------------------------------------------------------


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError(f"{where}: expected an object")
    return value


def _only(obj: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    unknown = sorted(set(obj) - set(allowed))
    if unknown:
        raise ProtocolError(f"{where}: unknown field {unknown[0][:40]!r}")


def _text(obj: Mapping[str, Any], name: str, where: str, *, required: bool = False,
          limit: int = MAX_TEXT) -> str:
    if name not in obj or obj[name] is None:
        if required:
            raise ProtocolError(f"{where}: {name} is missing")
        return ""
    value = obj[name]
    if not isinstance(value, str):
        raise ProtocolError(f"{where}: {name} must be text")
    if len(value) > limit:
        raise ProtocolError(f"{where}: {name} is longer than {limit} characters")
    if required and not value.strip():
        raise ProtocolError(f"{where}: {name} is empty")
    return value


def _uid(obj: Mapping[str, Any], name: str, where: str, *, required: bool = True) -> str:
    value = _text(obj, name, where, required=required, limit=64)
    if value and not _UID.match(value):
        raise ProtocolError(f"{where}: {name} is not a uid")
    return value


def _int(obj: Mapping[str, Any], name: str, where: str, *, default: int | None = None,
         low: int = 0, high: int = 2**62) -> int:
    value = obj.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProtocolError(f"{where}: {name} must be a whole number")
    if not low <= value <= high:
        raise ProtocolError(f"{where}: {name} is out of range")
    return value


def _bool(obj: Mapping[str, Any], name: str, where: str, *, default: bool = False) -> bool:
    value = obj.get(name, default)
    if not isinstance(value, bool):
        raise ProtocolError(f"{where}: {name} must be true or false")
    return value


def parse_moment(value: Any, where: str) -> datetime:
    """An aware moment from ISO 8601 text (with its offset); naive or odd text refused."""
    if not isinstance(value, str) or len(value) > 40:
        raise ProtocolError(f"{where}: expected a moment (ISO 8601)")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ProtocolError(f"{where}: {value[:40]!r} is not a moment (ISO 8601)") from None
    if moment.tzinfo is None:
        raise ProtocolError(f"{where}: the moment has no time zone")
    if not 2000 <= moment.year <= 2200:
        raise ProtocolError(f"{where}: the moment is out of range")
    return moment.astimezone(UTC)


def moment_text(moment: datetime) -> str:
    """A moment as sent: UTC, ISO 8601 with milliseconds."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


# -- desk → host: attendance entries -----------------------------------------------------


@dataclass(frozen=True)
class WirePerson:
    """A directory person on the wire (only the host's own rows: uid is the key)."""

    uid: str
    fields: Mapping[str, str]  # PERSON_FIELDS

    def to_json(self) -> dict[str, Any]:
        return {"uid": self.uid, **{k: self.fields.get(k, "") for k in PERSON_FIELDS}}

    @classmethod
    def from_json(cls, value: Any, where: str = "person") -> WirePerson:
        obj = _object(value, where)
        _only(obj, ("uid", *PERSON_FIELDS), where)
        values = {k: _text(obj, k, where) for k in PERSON_FIELDS}
        if not values["name"].strip():
            raise ProtocolError(f"{where}: name is empty")
        if values["gender"] not in ("", "L", "P"):
            raise ProtocolError(f"{where}: gender must be '', 'L' or 'P'")
        return cls(uid=_uid(obj, "uid", where), fields=values)


@dataclass(frozen=True)
class WireWalkIn:
    """Someone registered at a desk (not on the list): sent with their entries until the
    host knows the invitation ``invitee_uid`` (then the host ignores it)."""

    person: WirePerson
    checkin_code: str
    jabatan: str = ""
    instansi: str = ""
    group_name: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "person": self.person.to_json(), "checkin_code": self.checkin_code,
            "jabatan": self.jabatan, "instansi": self.instansi, "group_name": self.group_name,
        }

    @classmethod
    def from_json(cls, value: Any, where: str = "walk_in") -> WireWalkIn:
        obj = _object(value, where)
        _only(obj, ("person", "checkin_code", "jabatan", "instansi", "group_name"), where)
        code = _text(obj, "checkin_code", where, required=True, limit=16)
        if not _CODE.match(code):
            raise ProtocolError(f"{where}: checkin_code is not a code")
        return cls(
            person=WirePerson.from_json(obj.get("person"), f"{where}.person"),
            checkin_code=code,
            jabatan=_text(obj, "jabatan", where),
            instansi=_text(obj, "instansi", where),
            group_name=_text(obj, "group_name", where),
        )


@dataclass(frozen=True)
class WireEntry:
    """One attendance entry written at a desk (``AttendanceEntry`` referring to its
    invitation by uid). ``recorded_at`` is on the desk's clock; the host corrects it."""

    uid: str
    kind: str  # ENTRY_KINDS
    invitee_uid: str
    recorded_at: datetime
    operator: str = ""
    target_uid: str = ""
    on_behalf: Mapping[str, str] = field(default_factory=dict)  # ON_BEHALF_FIELDS
    reason: str = ""
    signature_png: bytes | None = None
    walk_in: WireWalkIn | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "uid": self.uid, "kind": self.kind, "invitee_uid": self.invitee_uid,
            "recorded_at": moment_text(self.recorded_at), "operator": self.operator,
        }
        if self.target_uid:
            out["target_uid"] = self.target_uid
        if any(self.on_behalf.values()):
            out["on_behalf"] = {k: self.on_behalf.get(k, "") for k in ON_BEHALF_FIELDS}
        if self.reason:
            out["reason"] = self.reason
        if self.signature_png is not None:
            out["signature_png"] = base64.b64encode(self.signature_png).decode("ascii")
        if self.walk_in is not None:
            out["walk_in"] = self.walk_in.to_json()
        return out

    @classmethod
    def from_json(cls, value: Any, where: str = "entry", *, image: bool = True) -> WireEntry:
        """Parse and check one entry; ``image`` False: a signature comes without its image
        (the host's log as sent to the desks)."""
        obj = _object(value, where)
        _only(obj, ("uid", "kind", "invitee_uid", "recorded_at", "operator", "target_uid",
                    "on_behalf", "reason", "signature_png", "walk_in"), where)
        kind = _text(obj, "kind", where, required=True, limit=16)
        if kind not in ENTRY_KINDS:
            raise ProtocolError(f"{where}: kind must be one of {', '.join(ENTRY_KINDS)}")
        target = _uid(obj, "target_uid", where, required=kind != "checkin")
        if kind == "checkin" and target:
            raise ProtocolError(f"{where}: a check-in refers to no other entry")
        on_behalf: dict[str, str] = {}
        if obj.get("on_behalf") is not None:
            if kind != "checkin":
                raise ProtocolError(f"{where}: only a check-in has a delegate")
            delegate = _object(obj["on_behalf"], f"{where}.on_behalf")
            _only(delegate, ON_BEHALF_FIELDS, f"{where}.on_behalf")
            on_behalf = {k: _text(delegate, k, f"{where}.on_behalf") for k in ON_BEHALF_FIELDS}
        reason = _text(obj, "reason", where)
        if kind == "undo" and not reason.strip():
            raise ProtocolError(f"{where}: an undo needs a reason")
        png: bytes | None = None
        if kind == "signature" and image:
            raw = _text(obj, "signature_png", where, required=True,
                        limit=(MAX_SIGNATURE_BYTES * 4) // 3 + 4)
            try:
                png = base64.b64decode(raw, validate=True)
            except (binascii.Error, ValueError):
                raise ProtocolError(f"{where}: signature_png is not base64") from None
        elif obj.get("signature_png") is not None:
            raise ProtocolError(f"{where}: only a signature entry has an image")
        walk_in = None
        if obj.get("walk_in") is not None:
            walk_in = WireWalkIn.from_json(obj["walk_in"], f"{where}.walk_in")
        return cls(
            uid=_uid(obj, "uid", where),
            kind=kind,
            invitee_uid=_uid(obj, "invitee_uid", where),
            recorded_at=parse_moment(obj.get("recorded_at"), f"{where}.recorded_at"),
            operator=_text(obj, "operator", where),
            target_uid=target,
            on_behalf=on_behalf,
            reason=reason,
            signature_png=png,
            walk_in=walk_in,
        )


@dataclass(frozen=True)
class EntriesRequest:
    """``POST /entries``: a batch of entries and the desk's clock when it sent them."""

    sent_at: datetime
    entries: tuple[WireEntry, ...]

    def to_json(self) -> dict[str, Any]:
        return {"sent_at": moment_text(self.sent_at),
                "entries": [e.to_json() for e in self.entries]}

    @classmethod
    def from_json(cls, value: Any) -> EntriesRequest:
        obj = _object(value, "request")
        _only(obj, ("sent_at", "entries"), "request")
        entries = obj.get("entries")
        if not isinstance(entries, list):
            raise ProtocolError("request: entries must be a list")
        if len(entries) > MAX_ENTRIES_PER_BATCH:
            raise ProtocolError(f"request: more than {MAX_ENTRIES_PER_BATCH} entries")
        parsed = tuple(WireEntry.from_json(e, f"entries[{n}]") for n, e in enumerate(entries))
        if len({e.uid for e in parsed}) != len(parsed):
            raise ProtocolError("request: the same entry twice in one batch")
        return cls(sent_at=parse_moment(obj.get("sent_at"), "request.sent_at"), entries=parsed)


@dataclass(frozen=True)
class Ack:
    """The host's answer about one entry."""

    uid: str
    status: str  # ACK_STATUSES
    message: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"uid": self.uid, "status": self.status, "message": self.message}

    @classmethod
    def from_json(cls, value: Any) -> Ack:
        obj = _object(value, "ack")
        _only(obj, ("uid", "status", "message"), "ack")
        status = _text(obj, "status", "ack", required=True, limit=16)
        if status not in ACK_STATUSES:
            raise ProtocolError("ack: unknown status")
        return cls(_uid(obj, "uid", "ack"), status, _text(obj, "message", "ack"))


# -- host → desk: the list and the log -------------------------------------------------


@dataclass(frozen=True)
class WireInvitee:
    """An invitation with its person, as a desk's copy keeps it (keyed by uid)."""

    uid: str
    person: WirePerson
    fields: Mapping[str, Any]  # INVITEE_FIELDS (position is an int)
    walk_in: bool = False
    created_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid, "person": self.person.to_json(),
            **{k: self.fields.get(k, 0 if k == "position" else "") for k in INVITEE_FIELDS},
            "walk_in": self.walk_in, "created_at": self.created_at,
        }

    @classmethod
    def from_json(cls, value: Any, where: str = "invitee") -> WireInvitee:
        obj = _object(value, where)
        _only(obj, ("uid", "person", *INVITEE_FIELDS, "walk_in", "created_at"), where)
        values: dict[str, Any] = {
            k: _text(obj, k, where) for k in INVITEE_FIELDS if k != "position"
        }
        values["position"] = _int(obj, "position", where, default=0, low=-(2**31),
                                  high=2**31)
        if not _CODE.match(values["checkin_code"]):
            raise ProtocolError(f"{where}: checkin_code is not a code")
        created = _text(obj, "created_at", where, limit=40)
        if created:
            parse_moment(created, f"{where}.created_at")
        return cls(
            uid=_uid(obj, "uid", where),
            person=WirePerson.from_json(obj.get("person"), f"{where}.person"),
            fields=values,
            walk_in=_bool(obj, "walk_in", where),
            created_at=created,
        )


@dataclass(frozen=True)
class WireAttendance:
    """An entry of the host's attendance log as sent to the desks (no signature image:
    ``has_signature`` says there is one). ``recorded_at`` is on the host's clock."""

    entry: WireEntry
    station: str
    received_at: datetime
    has_signature: bool = False

    def to_json(self) -> dict[str, Any]:
        out = self.entry.to_json()
        out.pop("signature_png", None)
        out.pop("walk_in", None)
        out.update(station=self.station, received_at=moment_text(self.received_at),
                   has_signature=self.has_signature)
        return out

    @classmethod
    def from_json(cls, value: Any, where: str = "attendance") -> WireAttendance:
        obj = dict(_object(value, where))
        station = _text(obj, "station", where, limit=200)
        received = parse_moment(obj.pop("received_at", None), f"{where}.received_at")
        has_signature = _bool(obj, "has_signature", where)
        obj.pop("station", None)
        obj.pop("has_signature", None)
        entry = WireEntry.from_json(obj, where, image=False)  # the image stays on the host
        return cls(entry=entry, station=station, received_at=received,
                   has_signature=has_signature)


@dataclass(frozen=True)
class WireEvent:
    """The event's details as a desk shows them (``EVENT_FIELDS``, dates as text)."""

    fields: Mapping[str, Any]

    @property
    def uid(self) -> str:
        return str(self.fields["uid"])

    def to_json(self) -> dict[str, Any]:
        return {k: self.fields.get(k) for k in EVENT_FIELDS}

    @classmethod
    def from_json(cls, value: Any, where: str = "event") -> WireEvent:
        obj = _object(value, where)
        _only(obj, EVENT_FIELDS, where)
        values: dict[str, Any] = {}
        for name in EVENT_FIELDS:
            limit = MAX_LONG_TEXT if name == "description" else MAX_TEXT
            values[name] = (_text(obj, name, where, limit=limit)
                            if obj.get(name) is not None else None)
        _uid(obj, "uid", where)
        if not values["title"] or not values["date"] or not values["start_time"]:
            raise ProtocolError(f"{where}: title, date and start_time are required")
        if values["timezone"] not in ("WIB", "WITA", "WIT"):
            raise ProtocolError(f"{where}: timezone must be WIB, WITA or WIT")
        return cls(values)


@dataclass(frozen=True)
class ChangesAnswer:
    """``GET /changes`` (and, with everything, ``GET /snapshot``)."""

    seq: int
    event: WireEvent | None
    invitees: tuple[WireInvitee, ...]
    deleted_invitees: tuple[str, ...]
    attendance: tuple[WireAttendance, ...]
    more: bool
    server_time: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "event": None if self.event is None else self.event.to_json(),
            "invitees": [i.to_json() for i in self.invitees],
            "deleted_invitees": list(self.deleted_invitees),
            "attendance": [a.to_json() for a in self.attendance],
            "more": self.more,
            "server_time": moment_text(self.server_time),
        }

    @classmethod
    def from_json(cls, value: Any) -> ChangesAnswer:
        obj = _object(value, "changes")
        _only(obj, ("seq", "event", "invitees", "deleted_invitees", "attendance", "more",
                    "server_time"), "changes")
        for name in ("invitees", "deleted_invitees", "attendance"):
            if not isinstance(obj.get(name, []), list):
                raise ProtocolError(f"changes: {name} must be a list")
        deleted = tuple(str(u) for u in obj.get("deleted_invitees", []))
        if not all(_UID.match(u) for u in deleted):
            raise ProtocolError("changes: deleted_invitees holds something that is no uid")
        return cls(
            seq=_int(obj, "seq", "changes"),
            event=None if obj.get("event") is None else WireEvent.from_json(obj["event"]),
            invitees=tuple(WireInvitee.from_json(i) for i in obj.get("invitees", [])),
            deleted_invitees=deleted,
            attendance=tuple(WireAttendance.from_json(a) for a in obj.get("attendance", [])),
            more=_bool(obj, "more", "changes"),
            server_time=parse_moment(obj.get("server_time"), "changes.server_time"),
        )


# -- pairing, the answer to /entries, /status and errors -------------------------------

_PAIRING_CODE = re.compile(rf"^[0-9]{{{PAIRING_CODE_DIGITS}}}$")
_ROLE_PAIRING_CODE = re.compile(rf"^[0-9A-Z]{{{ROLE_PAIRING_CODE_LENGTH}}}$")
_TOKEN = re.compile(r"^[0-9A-Za-z_-]{20,128}$")

#: The ``error`` codes of an error answer (``{"error", "message"}``, with a 4xx status).
ERROR_CODES = (
    "bad_request",      # 400: malformed JSON, unknown field, wrong type ...
    "unauthorized",     # 401: no token, or one the host does not know
    "revoked",          # 401: the token of a desk the secretariat revoked
    "wrong_code",       # 403: wrong pairing code
    "not_found",        # 404
    "wrong_event",      # 409: a token or event uid of another event
    "too_large",        # 413: body over MAX_BODY_BYTES
    "too_many_tries",   # 429: too many wrong pairing codes (Retry-After says when)
    "wrong_role",       # 403: a device's token used for what its role may not do
    "conflict",         # 409: a moderator's action on a row changed since (stale version)
    "code_expired",     # 400: the self check-in page's rotating code is no longer valid
    "too_many_requests",  # 429: a public page's device sent too much (Retry-After)
    "unavailable",      # 503: the host is busy or stopping; try again
    "internal",         # 500: a fault of the host (logged there)
)


@dataclass(frozen=True)
class PairRequest:
    """``POST /pair``: the code shown on the host's screen and the desk's name; or, with
    ``role`` "moderator"/"projector" (a page of issue 14), the one-time code of that
    role's link and the device's name."""

    pairing_code: str
    desk_name: str
    protocol: int = PROTOCOL_VERSION
    role: str = "desk"

    def to_json(self) -> dict[str, Any]:
        value: dict[str, Any] = {"pairing_code": self.pairing_code,
                                 "desk_name": self.desk_name, "protocol": self.protocol}
        if self.role != "desk":
            value["role"] = self.role
        return value

    @classmethod
    def from_json(cls, value: Any) -> PairRequest:
        obj = _object(value, "pair")
        _only(obj, ("pairing_code", "desk_name", "protocol", "role"), "pair")
        role = _text(obj, "role", "pair", limit=20) or "desk"
        if role not in ROLES:
            raise ProtocolError("pair: role must be desk, moderator or projector")
        code = _text(obj, "pairing_code", "pair", required=True, limit=16).strip()
        if role == "desk" and not _PAIRING_CODE.match(code):
            raise ProtocolError(f"pair: pairing_code must be {PAIRING_CODE_DIGITS} digits")
        if role != "desk" and not _ROLE_PAIRING_CODE.match(code.upper()):
            raise ProtocolError(
                f"pair: pairing_code must be {ROLE_PAIRING_CODE_LENGTH} letters and digits")
        name = _text(obj, "desk_name", "pair", required=True, limit=200)
        return cls(code, name, _int(obj, "protocol", "pair", default=PROTOCOL_VERSION,
                                    low=1, high=1000), role)


@dataclass(frozen=True)
class PairAnswer:
    """The answer to ``POST /pair``: the desk's token (kept only by the desk)."""

    token: str
    desk_id: int
    event: WireEvent
    server_time: datetime

    def to_json(self) -> dict[str, Any]:
        return {"token": self.token, "desk_id": self.desk_id, "event": self.event.to_json(),
                "server_time": moment_text(self.server_time)}

    @classmethod
    def from_json(cls, value: Any) -> PairAnswer:
        obj = _object(value, "paired")
        _only(obj, ("token", "desk_id", "event", "server_time"), "paired")
        token = _text(obj, "token", "paired", required=True, limit=128)
        if not _TOKEN.match(token):
            raise ProtocolError("paired: token is not a token")
        return cls(
            token=token,
            desk_id=_int(obj, "desk_id", "paired", low=1),
            event=WireEvent.from_json(obj.get("event"), "paired.event"),
            server_time=parse_moment(obj.get("server_time"), "paired.server_time"),
        )


@dataclass(frozen=True)
class EntriesAnswer:
    """The answer to ``POST /entries``: one ack per entry, in the order sent."""

    acks: tuple[Ack, ...]
    seq: int
    server_time: datetime

    def to_json(self) -> dict[str, Any]:
        return {"acks": [a.to_json() for a in self.acks], "seq": self.seq,
                "server_time": moment_text(self.server_time)}

    @classmethod
    def from_json(cls, value: Any) -> EntriesAnswer:
        obj = _object(value, "acks")
        _only(obj, ("acks", "seq", "server_time"), "acks")
        acks = obj.get("acks")
        if not isinstance(acks, list) or len(acks) > MAX_ENTRIES_PER_BATCH:
            raise ProtocolError("acks: acks must be a list of at most one batch")
        return cls(
            acks=tuple(Ack.from_json(a) for a in acks),
            seq=_int(obj, "seq", "acks"),
            server_time=parse_moment(obj.get("server_time"), "acks.server_time"),
        )


@dataclass(frozen=True)
class StatusAnswer:
    """``GET /status``: who the host takes the desk for (a cheap "am I still paired")."""

    desk_id: int
    desk_name: str
    event_uid: str
    server_time: datetime

    def to_json(self) -> dict[str, Any]:
        return {"desk_id": self.desk_id, "desk_name": self.desk_name,
                "event_uid": self.event_uid, "server_time": moment_text(self.server_time)}

    @classmethod
    def from_json(cls, value: Any) -> StatusAnswer:
        obj = _object(value, "status")
        _only(obj, ("desk_id", "desk_name", "event_uid", "server_time"), "status")
        return cls(
            desk_id=_int(obj, "desk_id", "status", low=1),
            desk_name=_text(obj, "desk_name", "status", limit=200),
            event_uid=_uid(obj, "event_uid", "status"),
            server_time=parse_moment(obj.get("server_time"), "status.server_time"),
        )


@dataclass(frozen=True)
class ErrorAnswer:
    """What the host says with a 4xx/5xx status: a code of :data:`ERROR_CODES` and a
    message in the host's language, for a person."""

    error: str
    message: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"error": self.error, "message": self.message}

    @classmethod
    def from_json(cls, value: Any) -> ErrorAnswer:
        obj = _object(value, "error")
        _only(obj, ("error", "message"), "error")
        return cls(_text(obj, "error", "error", required=True, limit=40),
                   _text(obj, "message", "error"))
