"""The host's side of the venue network: what the API does, without the HTTP (no Qt, no
asyncio).

:class:`HostNetwork` pairs desks (a 6-digit code shown on the host's screen, a random
token per desk stored only as its SHA-256), recognises them by their token, applies
the attendance entries they upload (one transaction per batch, a savepoint per entry,
the entry's uid as its idempotency key) and gives them the event's list and log (a
snapshot) and what changed after a sequence number of the change feed.

Every method runs short SQLite work on the storage's own connection, in the thread
that owns it: the server (:mod:`rakor_desktop.network.server`) calls them from its
event loop, which is Qt's in the window and plain asyncio in ``rakor serve``.
"""

from __future__ import annotations

import hashlib
import logging
import math
import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from rakor_desktop.clock import Clock, from_iso, utc_now
from rakor_desktop.images import check_signature
from rakor_desktop.messages import NotFoundError, RakorError, ValidationError
from rakor_desktop.models import AttendanceEntry, AttendanceKind, Invitee, Person, Role
from rakor_desktop.operations.invitations import CODE_ALPHABET, new_checkin_code
from rakor_desktop.operations.selfcheckin import HallKeys
from rakor_desktop.people import clean_person, merge_person
from rakor_desktop.storage import Storage
from rakor_desktop.storage.network import (
    ATTENDANCE_ROW_COLUMNS,
    INVITEE_ROW_COLUMNS,
    DuplicateScan,
    PairedDesk,
)
from rakor_desktop.text import SHORT, clean_text

from .protocol import (
    EVENT_FIELDS,
    INVITEE_FIELDS,
    MAX_CHANGES_PER_ANSWER,
    ON_BEHALF_FIELDS,
    PAIRING_CODE_DIGITS,
    PERSON_FIELDS,
    ROLE_PAIRING_CODE_LENGTH,
    ROLES,
    Ack,
    ChangesAnswer,
    EntriesRequest,
    WireAttendance,
    WireEntry,
    WireEvent,
    WireInvitee,
    WirePerson,
    WireWalkIn,
)

__all__ = [
    "AuthError",
    "DuplicateScan",
    "HostNetwork",
    "PairedDesk",
    "PairingError",
    "RoleError",
    "WrongEventError",
    "hash_token",
]

log = logging.getLogger("rakor.network")

#: Wrong pairing codes one address may try before it is refused for :data:`LOCKOUT`.
WRONG_CODES_ALLOWED = 5
LOCKOUT = timedelta(minutes=1)
#: How often a desk's "last seen" is written to the database (kept in memory between).
SEEN_WRITE_INTERVAL = timedelta(seconds=10)


class PairingError(RakorError):
    """A desk could not pair: a wrong code (``retry_after`` 0), or too many wrong codes
    from its address (``retry_after``: seconds until it may try again)."""

    def __init__(self, indonesian: str, english: str, *, retry_after: int = 0,
                 **params: Any) -> None:
        super().__init__(indonesian, english, **params)
        self.retry_after = retry_after

    @classmethod
    def wrong_code(cls) -> PairingError:
        """The code is not the one shown on the host's screen (or no longer)."""
        return cls(
            "Kode pairing salah atau sudah diganti. Periksa kode {digits} angka yang tampil "
            "di layar laptop sekretariat.",
            "The pairing code is wrong or was replaced. Check the {digits}-digit code shown "
            "on the secretariat laptop's screen.",
            digits=PAIRING_CODE_DIGITS,
        )

    @classmethod
    def link_used(cls) -> PairingError:
        """A moderator's or projector's one-time link that was used or replaced."""
        return cls(
            "Tautan pairing ini sudah dipakai atau diganti. Pindai kode QR yang tampil "
            "sekarang di laptop sekretariat (Jaringan acara).",
            "This pairing link was used or replaced. Scan the QR code shown now on the "
            "secretariat laptop (Event network).",
        )

    @classmethod
    def too_many_tries(cls, seconds: int) -> PairingError:
        """Too many wrong codes from one address: refused for a while."""
        return cls(
            "Terlalu banyak kode pairing yang salah dari perangkat ini. Coba lagi dalam "
            "{seconds} detik.",
            "Too many wrong pairing codes from this device. Try again in {seconds} seconds.",
            seconds=seconds, retry_after=seconds,
        )


class AuthError(RakorError):
    """A request without a token, with an unknown one, or with a revoked desk's (401)."""

    def __init__(self, indonesian: str, english: str, *, revoked: bool = False,
                 **params: Any) -> None:
        super().__init__(indonesian, english, **params)
        self.revoked = revoked

    @classmethod
    def not_paired(cls) -> AuthError:
        """No token, or one the host does not know."""
        return cls(
            "Perangkat ini belum terdaftar sebagai meja di laptop sekretariat. Gabung dulu "
            "dengan kode pairing.",
            "This device is not paired as a desk with the secretariat laptop. Join first "
            "with the pairing code.",
        )

    @classmethod
    def revoked_desk(cls, name: str) -> AuthError:
        """The secretariat revoked this desk."""
        return cls(
            "Meja {name} sudah dicabut oleh sekretariat dan tidak dapat lagi mengirim atau "
            "menerima data. Gabung lagi dengan kode pairing bila perlu.",
            "The desk {name} was revoked by the secretariat and can no longer send or "
            "receive data. Join again with the pairing code if needed.",
            name=name, revoked=True,
        )


class RoleError(RakorError):
    """A paired device's token used for what its role may not do (403): a desk's token on
    the moderator's API, a moderator's or projector's token on a desk's."""

    @classmethod
    def not_for(cls, role: str) -> RoleError:
        """The token belongs to a device of ``role``, which may not do this."""
        roles = {"desk": ("meja registrasi", "registration desk"),
                 "moderator": ("tablet moderator", "moderator's tablet"),
                 "projector": ("layar proyektor", "projector screen")}
        indonesian, english = roles.get(role, (role, role))
        return cls(
            "Perangkat ini terdaftar sebagai {role} dan tidak dapat melakukan ini.",
            "This device is paired as a {role_en} and cannot do this.",
            role=indonesian, role_en=english,
        )


class WrongEventError(RakorError):
    """A desk of another event (or an event uid that is not the network's): 409."""

    @classmethod
    def other_event(cls, title: str) -> WrongEventError:
        """The desk was paired for another event than the one this host serves."""
        return cls(
            "Meja ini terdaftar untuk acara lain, bukan untuk \u201c{title}\u201d yang "
            "sedang dilayani laptop sekretariat. Gabung lagi untuk acara ini.",
            "This desk was paired for another event, not for \u201c{title}\u201d served by "
            "the secretariat laptop now. Join again for this event.",
            title=title,
        )


class _Rejected(RakorError):
    """An entry the host cannot accept (bad data): acknowledged as rejected, never stored."""


def hash_token(token: str) -> str:
    """What the host keeps of a desk's token: its SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _new_pairing_code() -> str:
    return f"{secrets.randbelow(10**PAIRING_CODE_DIGITS):0{PAIRING_CODE_DIGITS}d}"


def _new_role_pairing_code() -> str:
    """A one-time code for a moderator's or projector's link (carried by a QR code, so
    longer than a desk's typed code)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(ROLE_PAIRING_CODE_LENGTH))


#: The page each role's one-time link opens.
ROLE_PAGES = {"moderator": "/m", "projector": "/p"}


class HostNetwork:
    """The venue network of one event on the host (see the module docstring)."""

    def __init__(self, storage: Storage, event_id: int, *, clock: Clock = utc_now,
                 pairing_code: str | None = None, hall_secret: bytes | None = None) -> None:
        event = storage.get_event(event_id)
        if event is None:
            raise NotFoundError.of("event", event_id)
        self.storage = storage
        self.event_id = event_id
        self.event_uid = event.uid
        self.event_title = event.title
        self._clock = clock
        if pairing_code is not None and not (
            len(pairing_code) == PAIRING_CODE_DIGITS and pairing_code.isdigit()
        ):
            raise ValidationError(
                "Kode pairing harus {digits} angka.", "The pairing code must be {digits} digits.",
                digits=PAIRING_CODE_DIGITS,
            )
        self.pairing_code: str = pairing_code or _new_pairing_code()
        self._wrong_codes: dict[str, list[datetime]] = {}
        self._locked_until: dict[str, datetime] = {}
        self._seen: dict[int, tuple[datetime, str]] = {}
        self._seen_written: dict[int, tuple[datetime, str]] = {}
        #: One-time pairing codes of the moderator's and projector's links (issue 14).
        self._role_codes: dict[str, str] = {r: _new_role_pairing_code() for r in ROLE_PAGES}
        #: The secret of the rotating self check-in code and of the public pages' refs,
        #: shared by the web pages and the host's screens (one per host start).
        self.hall_keys = HallKeys(hall_secret, clock=clock)
        #: Called with the role ("moderator", "projector") whenever its one-time link is
        #: replaced (used, or made anew): a screen showing the QR code shows the new one.
        self.role_link_listeners: list[Callable[[str], None]] = []
        #: Called after a device was revoked: the server ends the waits of long-polls, so
        #: a revoked desk hears it at once, not when its wait is over.
        self.revoke_listeners: list[Callable[[], None]] = []

    @property
    def clock(self) -> Clock:
        """The host's clock (``server_time`` of every answer)."""
        return self._clock

    # -- pairing ---------------------------------------------------------------------

    def new_pairing_code(self) -> str:
        """Replace the pairing code (the old one no longer pairs); returns the new one."""
        self.pairing_code = _new_pairing_code()
        log.info("a new pairing code was made for event %d", self.event_id)
        return self.pairing_code

    def role_pairing_code(self, role: str) -> str:
        """The one-time pairing code of ``role`` ("moderator" or "projector")."""
        return self._role_codes[role]

    def new_role_pairing_code(self, role: str) -> str:
        """Replace the one-time code of ``role`` (the old link no longer pairs)."""
        self._role_codes[role] = _new_role_pairing_code()
        log.info("a new %s pairing link was made for event %d", role, self.event_id)
        self._role_link_changed(role)
        return self._role_codes[role]

    def _role_link_changed(self, role: str) -> None:
        for listener in list(self.role_link_listeners):
            listener(role)

    def role_pairing_path(self, role: str) -> str:
        """The path of the one-time link that pairs a device of ``role``:
        ``/m?pair=CODE`` (moderator) or ``/p?pair=CODE`` (projector)."""
        return f"{ROLE_PAGES[role]}?pair={self._role_codes[role]}"

    def moderator_pairing_link(self, url: str) -> str:
        """The moderator's one-time link on ``url`` (``http://<ip>:<port>``): a QR code."""
        return url + self.role_pairing_path("moderator")

    def projector_pairing_link(self, url: str) -> str:
        """The projector page's one-time link on ``url``: a QR code."""
        return url + self.role_pairing_path("projector")

    def pair(self, code: str, desk_name: str, address: str,
             role: str = "desk") -> tuple[str, PairedDesk]:
        """Pair a device that gave the right code; returns its new token and its record.

        A desk gives the code shown on the host's screen; a moderator's tablet or a
        projector PC the one-time code of its role's link, which is then replaced (a
        link pairs one device).

        Raises:
            PairingError: a wrong code, or too many wrong ones from ``address`` (then
                even the right code is refused until ``retry_after`` seconds passed).
            ValidationError: no desk name, or an unknown role.
        """
        if role not in ROLES:
            raise ValidationError("Peran perangkat tidak dikenal.", "Unknown device role.")
        now = self._clock()
        self._forget_old_tries(now)
        locked = self._locked_until.get(address)
        if locked is not None and locked > now:
            raise PairingError.too_many_tries(math.ceil((locked - now).total_seconds()))
        expected = self.pairing_code if role == "desk" else self._role_codes[role]
        if not secrets.compare_digest(code.strip().upper().encode(), expected.encode()):
            tries = [*self._wrong_codes.get(address, []), now]
            self._wrong_codes[address] = tries
            if len(tries) >= WRONG_CODES_ALLOWED:
                self._locked_until[address] = now + LOCKOUT
                del self._wrong_codes[address]
                log.warning("pairing: %d wrong codes from %s, refused for %d s",
                            len(tries), address, LOCKOUT.total_seconds())
            else:
                log.info("pairing: a wrong code from %s", address)
            raise PairingError.wrong_code() if role == "desk" else PairingError.link_used()
        name = clean_text(desk_name, max_length=SHORT).strip()
        if not name:
            raise ValidationError("Tuliskan nama meja.", "Type the desk's name.")
        token = secrets.token_urlsafe(32)
        with self.storage.transaction():
            desk = self.storage.add_network_desk(
                self.event_id, name, hash_token(token), now=now, address=address, role=role
            )
        self._wrong_codes.pop(address, None)
        log.info("%s %d (%s) paired from %s", role, desk.id, desk.name, address)
        if role != "desk":
            self._role_codes[role] = _new_role_pairing_code()  # one device per link
            self._role_link_changed(role)
        return token, desk

    def _forget_old_tries(self, now: datetime) -> None:
        for address, until in list(self._locked_until.items()):
            if until <= now:
                del self._locked_until[address]
        for address, tries in list(self._wrong_codes.items()):
            recent = [t for t in tries if now - t < LOCKOUT]
            if recent:
                self._wrong_codes[address] = recent
            else:
                del self._wrong_codes[address]

    def authenticate(self, token: str, event_uid: str, address: str,
                     roles: tuple[str, ...] = ("desk",)) -> PairedDesk:
        """The paired device a request's token belongs to (noted as seen now, from
        ``address``), if its role is one of ``roles``.

        Raises:
            AuthError: no token, an unknown one, or a revoked device's.
            WrongEventError: a device of another event, or another event's uid.
            RoleError: a device of another role (a moderator's token at a desk's
                endpoint, a desk's on the moderator's).
        """
        if not token:
            raise AuthError.not_paired()
        desk = self.storage.network_desk_by_token_hash(hash_token(token))
        if desk is None:
            raise AuthError.not_paired()
        if desk.revoked:
            raise AuthError.revoked_desk(desk.name)
        if desk.event_id != self.event_id or event_uid != self.event_uid:
            raise WrongEventError.other_event(self.event_title)
        if desk.role not in roles:
            raise RoleError.not_for(desk.role)
        self._note_seen(desk, address)
        return desk

    def _note_seen(self, desk: PairedDesk, address: str) -> None:
        """Remember when a desk was heard from; written now and then, not per request."""
        now = self._clock()
        self._seen[desk.id] = (now, address)
        written = self._seen_written.get(desk.id)
        if written is None:
            written = (desk.last_seen_at or desk.paired_at, desk.last_address)
        if written[1] != address or now - written[0] >= SEEN_WRITE_INTERVAL:
            with self.storage.transaction():
                self.storage.mark_network_desk_seen(desk.id, at=now, address=address)
            self._seen_written[desk.id] = (now, address)

    def revoke(self, desk_id: int) -> None:
        """Refuse a desk's token from now on; what it recorded stays in the record.

        Raises:
            NotFoundError: no desk with this id in this event.
        """
        desk = self.storage.network_desk(desk_id)
        if desk is None or desk.event_id != self.event_id:
            raise NotFoundError.of("network_desk", desk_id)
        with self.storage.transaction():
            self.storage.revoke_network_desk(desk_id, at=self._clock())
        log.info("desk %d (%s) revoked", desk.id, desk.name)
        for listener in list(self.revoke_listeners):
            listener()

    def desks(self) -> list[PairedDesk]:
        """The desks paired for this event (revoked too), with when each was last seen."""
        desks = self.storage.network_desks(self.event_id)
        result: list[PairedDesk] = []
        for desk in desks:
            seen = self._seen.get(desk.id)
            if seen is not None and (desk.last_seen_at is None or seen[0] > desk.last_seen_at):
                desk = replace(desk, last_seen_at=seen[0], last_address=seen[1])
            result.append(desk)
        return result

    # -- what the desks send ----------------------------------------------------------

    def apply_entries(self, desk: PairedDesk, request: EntriesRequest) -> list[Ack]:
        """Store a desk's batch of entries in one transaction; one ack per entry, in order.

        Each entry is applied in a savepoint: ``stored`` (new), ``known`` (its uid is in
        the log already: a replay) or ``rejected`` with the reason (bad data, nothing of
        it stored). Times are moved onto the host's clock by ``host_now - sent_at`` and
        never put after ``host_now``. The station is the paired desk's name.
        """
        now = self._clock()
        shift = now - request.sent_at
        acks: list[Ack] = []
        with self.storage.transaction():
            for entry in request.entries:
                acks.append(self._apply_entry(desk, entry, shift, now))
        counts = {s: sum(1 for a in acks if a.status == s) for s in ("stored", "known", "rejected")}
        log.info("desk %d (%s): %d entries, %d stored, %d known, %d rejected", desk.id,
                 desk.name, len(acks), counts["stored"], counts["known"], counts["rejected"])
        return acks

    def _apply_entry(
        self, desk: PairedDesk, entry: WireEntry, shift: timedelta, now: datetime
    ) -> Ack:
        if self.storage.attendance_entry_brief(entry.uid) is not None:
            return Ack(entry.uid, "known")
        try:
            with self.storage.transaction():  # a savepoint: a rejected entry leaves nothing
                stored = self._store_entry(desk, entry, shift, now)
        except (_Rejected, ValidationError, NotFoundError) as exc:
            log.info("desk %d: entry %s rejected: %s", desk.id, entry.uid, exc.english)
            return Ack(entry.uid, "rejected", str(exc))
        return Ack(entry.uid, "stored" if stored else "known")

    def _store_entry(
        self, desk: PairedDesk, entry: WireEntry, shift: timedelta, now: datetime
    ) -> bool:
        invitee_id = self.storage.invitee_id_by_uid(self.event_id, entry.invitee_uid)
        if invitee_id is None:
            if entry.kind != "checkin" or entry.walk_in is None:
                raise _Rejected(
                    "Peserta {uid} tidak ada di daftar undangan acara ini (mungkin sudah "
                    "dihapus); entri tidak disimpan.",
                    "The invitee {uid} is not on this event's list (removed, perhaps); the "
                    "entry was not stored.",
                    uid=entry.invitee_uid,
                )
            invitee_id = self._register_walk_in(entry.invitee_uid, entry.walk_in, now)
        if entry.kind != "checkin":
            target = self.storage.attendance_entry_brief(entry.target_uid)
            if target is None or target["kind"] != "checkin" or target["invitee_id"] != invitee_id:
                raise _Rejected(
                    "Entri {uid} merujuk ke check-in yang tidak ada untuk peserta ini; entri "
                    "tidak disimpan.",
                    "The entry {uid} refers to a check-in this invitee does not have; the "
                    "entry was not stored.",
                    uid=entry.uid,
                )
        if entry.kind == "signature":
            if entry.signature_png is None:
                raise _Rejected("Tanda tangan tanpa gambar.", "A signature without an image.")
            check_signature(entry.signature_png)
        recorded_at = min(entry.recorded_at + shift, now)
        delegate = {f"on_behalf_{k}": entry.on_behalf.get(k, "") for k in ON_BEHALF_FIELDS}
        stored = AttendanceEntry(
            uid=entry.uid,
            event_id=self.event_id,
            invitee_id=invitee_id,
            kind=AttendanceKind(entry.kind),
            recorded_at=recorded_at,
            station=desk.name,
            operator=entry.operator,
            target_uid=entry.target_uid,
            reason=entry.reason,
            signature_png=entry.signature_png,
            **delegate,
        )
        return self.storage.append_attendance(stored, received_at=now)

    def _register_walk_in(self, invitee_uid: str, walk_in: WireWalkIn, now: datetime) -> int:
        """Put a desk's walk-in on the list with the desk's uids; returns the invitee id.

        The person is the directory's person of that uid, else a directory person of
        the same NIP, or of the same name and instansi not invited yet, else new. A
        person already on the list is simply that invitation (the same person twice).
        """
        if self.storage.invitee_uid_taken(invitee_uid):
            raise _Rejected(
                "Pendaftaran di tempat {uid} bertabrakan dengan peserta acara lain; entri "
                "tidak disimpan.",
                "The walk-in {uid} clashes with an invitee of another event; the entry was "
                "not stored.",
                uid=invitee_uid,
            )
        typed = _walk_in_person(walk_in.person)
        person: Person | None = None
        person_id = self.storage.person_id_by_uid(walk_in.person.uid)
        if person_id is None and typed.nip:
            holder = self.storage.find_person_by_nip(typed.nip)
            person_id = None if holder is None else holder.id
        if person_id is not None:
            invited = self.storage.find_invitee_of_person(self.event_id, person_id)
            if invited is not None and invited.id is not None:
                return invited.id
            known = self.storage.get_person(person_id)
            assert known is not None
            person = merge_person(known, typed)
            self.storage.update_person(person, now=now)
        else:
            for known in self.storage.find_persons_by_name(typed.name, typed.instansi):
                assert known.id is not None
                if self.storage.find_invitee_of_person(self.event_id, known.id) is None:
                    person = merge_person(known, typed)
                    self.storage.update_person(person, now=now)
                    break
            if person is None:
                person = typed
                person.id = self.storage.insert_person(person, now=now)
        code = walk_in.checkin_code
        if self.storage.checkin_code_exists(code):
            code = new_checkin_code(self.storage)
        invitee = Invitee(
            event_id=self.event_id, person=person, role=Role.PESERTA, checkin_code=code,
            jabatan=walk_in.jabatan, instansi=walk_in.instansi,
            group_name=walk_in.group_name, uid=invitee_uid, walk_in=True,
        )
        return self.storage.insert_invitee(invitee, now=now)

    # -- what the desks are sent --------------------------------------------------------

    def current_seq(self) -> int:
        """The number of the latest change of this event (one index lookup)."""
        return self.storage.sync_seq(self.event_id)

    def event(self) -> WireEvent:
        """The event's details as the desks show them."""
        row = self.storage.network_event_row(self.event_id)
        if row is None:
            raise NotFoundError.of("event", self.event_id)
        return _wire_event(row)

    def snapshot(self) -> ChangesAnswer:
        """The event, its whole list and its whole log (no images), and the current seq:
        what a desk starts its copy from. Read in one transaction (one state)."""
        with self.storage.read_transaction():
            seq = self.storage.sync_seq(self.event_id)
            event = self.event()
            invitees = self.storage.network_invitee_rows(self.event_id)
            attendance = self.storage.network_attendance_rows(self.event_id)
        return ChangesAnswer(
            seq=seq, event=event,
            invitees=tuple(_wire_invitee(r) for r in invitees),
            deleted_invitees=(),
            attendance=tuple(_wire_attendance(r) for r in attendance),
            more=False, server_time=self._clock(),
        )

    def changes_since(self, seq: int, *, limit: int = MAX_CHANGES_PER_ANSWER) -> ChangesAnswer:
        """What changed after ``seq``: at most ``limit`` changes (``more`` says there are
        others); the answer's ``seq`` is the last change it covers.

        A ``seq`` beyond the feed's last number (the host's file was restored from a
        backup since) is answered with that last number: the desk follows from there
        instead of waiting for numbers the feed will give to other changes.
        """
        with self.storage.read_transaction():
            window = self.storage.feed_window(self.event_id, seq, limit)
            if window.until == seq:
                window = replace(window, until=min(seq, self.storage.sync_seq(self.event_id)))
            event = None
            invitees: list[tuple[Any, ...]] = []
            attendance: list[tuple[Any, ...]] = []
            if window.until > seq:  # (not when nothing changed, or seq was beyond the feed)
                event = self.event() if window.event_changed else None
                invitees = self.storage.network_invitee_rows(self.event_id, window)
                attendance = self.storage.network_attendance_rows(self.event_id, window)
        return ChangesAnswer(
            seq=window.until, event=event,
            invitees=tuple(_wire_invitee(r) for r in invitees),
            deleted_invitees=window.deleted_invitees,
            attendance=tuple(_wire_attendance(r) for r in attendance),
            more=window.more, server_time=self._clock(),
        )

    def duplicates(self) -> list[DuplicateScan]:
        """Second (and later) valid scans of people already present, in recorded order."""
        return self.storage.duplicate_scans(self.event_id)


# -- rows to the wire ----------------------------------------------------------------------


def _walk_in_person(wire: WirePerson) -> Person:
    """The person a desk registered, cleaned (a NIP that is none is dropped, not fatal)."""
    values: dict[str, Any] = {k: wire.fields.get(k, "") for k in PERSON_FIELDS}
    person = Person(uid=wire.uid, **values)
    try:
        return clean_person(person)
    except ValidationError:
        return clean_person(replace(person, nip=""))


def _wire_event(row: dict[str, Any]) -> WireEvent:
    return WireEvent({k: row[k] for k in EVENT_FIELDS})


# Where each wire field is in storage.network's rows.
_I = {name: n for n, name in enumerate(INVITEE_ROW_COLUMNS)}
_A = {name: n for n, name in enumerate(ATTENDANCE_ROW_COLUMNS)}
_PERSON_AT = tuple((k, _I[f"p_{k}"]) for k in PERSON_FIELDS)
_INVITEE_AT = tuple((k, _I[k]) for k in INVITEE_FIELDS)
_DELEGATE_AT = tuple((k, _A[f"on_behalf_{k}"]) for k in ON_BEHALF_FIELDS)


def _wire_invitee(row: tuple[Any, ...]) -> WireInvitee:
    person = WirePerson(uid=row[_I["p_uid"]], fields={k: row[n] for k, n in _PERSON_AT})
    return WireInvitee(
        uid=row[_I["uid"]], person=person, fields={k: row[n] for k, n in _INVITEE_AT},
        walk_in=bool(row[_I["walk_in"]]), created_at=row[_I["created_at"]],
    )


def _wire_attendance(row: tuple[Any, ...]) -> WireAttendance:
    recorded_at, received_at = from_iso(row[_A["recorded_at"]]), from_iso(row[_A["received_at"]])
    assert recorded_at is not None and received_at is not None
    entry = WireEntry(
        uid=row[_A["uid"]], kind=row[_A["kind"]], invitee_uid=row[_A["invitee_uid"]],
        recorded_at=recorded_at, operator=row[_A["operator"]],
        target_uid=row[_A["target_uid"]] or "",
        on_behalf={k: row[n] for k, n in _DELEGATE_AT}, reason=row[_A["reason"]],
    )
    return WireAttendance(entry=entry, station=row[_A["station"]], received_at=received_at,
                          has_signature=bool(row[_A["has_signature"]]))
