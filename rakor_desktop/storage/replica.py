"""SQL of a desk's copy of the host's event (the venue network, issue 13).

A desk's database is a normal Rakor database holding a copy of one event of the
host (the same uids for the event, persons, invitations and attendance entries;
local integer ids may differ) and the one ``desk_link`` row. Everything written at
the desk also goes into ``sync_outbox`` (see ``AttendanceQueries.append_attendance``)
until the host acknowledged it. What the host sends back is written here by uid.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rakor_desktop.clock import from_iso, to_iso
from rakor_desktop.models import AttendanceEntry, AttendanceKind, Person
from rakor_desktop.network.protocol import (
    EVENT_FIELDS,
    ON_BEHALF_FIELDS,
    PERSON_FIELDS,
    ChangesAnswer,
    WireAttendance,
    WireEvent,
    WireInvitee,
)

from .attendance import AttendanceQueries
from .people import invitee_search_text, person_search_key

log = logging.getLogger("rakor.network.desk")

# Columns of ``events`` that may be NULL (the others are NOT NULL text, '' when absent).
_NULLABLE_EVENT_COLUMNS = frozenset({"end_date", "end_time", "call_time", "invitation_date"})
# The alphabet of check-in codes (as rakor_desktop.operations.invitations.CODE_ALPHABET).
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass(frozen=True)
class DeskLink:
    """A desk's link to its host (the ``desk_link`` row)."""

    host_url: str
    event_uid: str
    desk_id: int
    desk_name: str
    token: str
    last_seq: int
    clock_offset_ms: int  # host clock minus desk clock
    last_sync_at: datetime | None
    joined_at: datetime

    @property
    def ended(self) -> bool:
        """The copy was promoted into a full event (or left): it syncs no more."""
        return not self.token


@dataclass(frozen=True)
class WalkInPerson:
    """The invitation of a walk-in registered at a desk, as the host needs it."""

    person_uid: str
    person: Mapping[str, str]  # PERSON_FIELDS
    checkin_code: str
    jabatan: str
    instansi: str
    group_name: str


@dataclass(frozen=True)
class PendingEntry:
    """An outbox entry not yet acknowledged, with what the upload needs."""

    entry: AttendanceEntry
    invitee_uid: str
    walk_in: WalkInPerson | None  # set for invitations made at a desk (walk_in = 1)
    created_at: datetime
    attempts: int


@dataclass(frozen=True)
class OutboxSummary:
    """How the outbox stands (for the status bar)."""

    waiting: int
    oldest_waiting_at: datetime | None
    rejected: int


@dataclass(frozen=True)
class AppliedChanges:
    """What one answer of the host changed in the copy."""

    invitees: int  # inserted or updated
    deleted: int
    entries: int  # new attendance entries
    skipped: int  # rows that could not be applied (logged)

    @property
    def anything(self) -> bool:
        return bool(self.invitees or self.deleted or self.entries)


_LINK_COLUMNS = (
    "host_url, event_uid, desk_id, desk_name, token, last_seq, clock_offset_ms, "
    "last_sync_at, joined_at"
)

_PENDING_SQL = """
SELECT o.uid AS o_uid, o.created_at AS o_created_at, o.attempts AS o_attempts,
       a.uid, a.event_id, a.invitee_id, a.kind, a.target_uid, a.recorded_at, a.station,
       a.operator, a.on_behalf_name, a.on_behalf_jabatan, a.on_behalf_instansi,
       a.on_behalf_front_titles, a.on_behalf_back_titles, a.on_behalf_nip,
       a.on_behalf_pangkat, a.on_behalf_golongan, a.on_behalf_phone, a.reason,
       a.signature_png,
       i.uid AS i_uid, i.walk_in AS i_walk_in, i.checkin_code AS i_code,
       i.jabatan AS i_jabatan, i.instansi AS i_instansi, i.group_name AS i_group_name,
       p.uid AS p_uid, p.name AS p_name, p.front_titles AS p_front_titles,
       p.back_titles AS p_back_titles, p.nip AS p_nip, p.pangkat AS p_pangkat,
       p.golongan AS p_golongan, p.jabatan AS p_jabatan, p.instansi AS p_instansi,
       p.group_name AS p_group_name, p.phone AS p_phone, p.gender AS p_gender
FROM sync_outbox AS o
JOIN attendance_log AS a ON a.uid = o.uid
JOIN invitees AS i ON i.id = a.invitee_id
JOIN persons AS p ON p.id = i.person_id
WHERE o.acked_at IS NULL
ORDER BY o.rowid
LIMIT ?
"""


def _pending_from_row(row: dict[str, Any]) -> PendingEntry:
    png = row["signature_png"]
    entry = AttendanceEntry(
        uid=row["uid"],
        event_id=row["event_id"],
        invitee_id=row["invitee_id"],
        kind=AttendanceKind(row["kind"]),
        recorded_at=from_iso(row["recorded_at"]),  # type: ignore[arg-type]
        station=row["station"],
        operator=row["operator"],
        target_uid=row["target_uid"] or "",
        reason=row["reason"],
        signature_png=None if png is None else bytes(png),
        **{f"on_behalf_{name}": row[f"on_behalf_{name}"] for name in ON_BEHALF_FIELDS},
    )
    walk_in = None
    if row["i_walk_in"]:
        walk_in = WalkInPerson(
            person_uid=row["p_uid"],
            person={name: row[f"p_{name}"] for name in PERSON_FIELDS},
            checkin_code=row["i_code"],
            jabatan=row["i_jabatan"],
            instansi=row["i_instansi"],
            group_name=row["i_group_name"],
        )
    return PendingEntry(
        entry=entry,
        invitee_uid=row["i_uid"],
        walk_in=walk_in,
        created_at=from_iso(row["o_created_at"]),  # type: ignore[arg-type]
        attempts=int(row["o_attempts"]),
    )


def _new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))


class ReplicaQueries(AttendanceQueries):
    """A desk's copy: the link, the outbox, and what the host sends."""

    # -- the link ----------------------------------------------------------------------

    def desk_link(self) -> DeskLink | None:
        """The link to the host, or None when this database is no desk's copy."""
        try:
            row = self._row(f"SELECT {_LINK_COLUMNS} FROM desk_link WHERE id = 1")
        except sqlite3.OperationalError:  # a database older than the venue network
            return None
        if row is None:
            return None
        return DeskLink(
            host_url=row["host_url"],
            event_uid=row["event_uid"],
            desk_id=int(row["desk_id"]),
            desk_name=row["desk_name"],
            token=row["token"],
            last_seq=int(row["last_seq"]),
            clock_offset_ms=int(row["clock_offset_ms"]),
            last_sync_at=from_iso(row["last_sync_at"]),
            joined_at=from_iso(row["joined_at"]),  # type: ignore[arg-type]
        )

    def set_desk_copy(self, on: bool = True) -> None:
        """Say whether entries written on this connection go into the outbox."""
        self._desk_copy = on

    def create_desk_link(self, link: DeskLink) -> None:
        """Write the one ``desk_link`` row (at join); this database becomes a desk's copy."""
        self._write(
            f"INSERT INTO desk_link (id, {_LINK_COLUMNS}) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                link.host_url, link.event_uid, link.desk_id, link.desk_name, link.token,
                link.last_seq, link.clock_offset_ms,
                None if link.last_sync_at is None else to_iso(link.last_sync_at),
                to_iso(link.joined_at),
            ),
        )
        self._desk_copy = True

    def record_sync(
        self, *, at: datetime, clock_offset_ms: int | None = None, last_seq: int | None = None
    ) -> None:
        """Note a successful exchange with the host (and what was measured)."""
        self._write(
            "UPDATE desk_link SET last_sync_at = ?, "
            "clock_offset_ms = COALESCE(?, clock_offset_ms), "
            "last_seq = MAX(last_seq, COALESCE(?, last_seq)) WHERE id = 1",
            (to_iso(at), clock_offset_ms, last_seq),
        )

    def end_desk_link(self) -> None:
        """Mark the link ended (the copy was promoted): the token is forgotten."""
        self._write("UPDATE desk_link SET token = '' WHERE id = 1")

    def desk_event_id(self) -> int | None:
        """The local id of the host's event in this copy, or None."""
        value = self._scalar(
            "SELECT e.id FROM events AS e JOIN desk_link AS l ON l.event_uid = e.uid "
            "WHERE l.id = 1"
        )
        return None if value is None else int(value)

    def clock_offset_ms(self) -> int:
        """The last measured offset of the host's clock to this desk's (0 if none)."""
        try:
            value = self._scalar("SELECT clock_offset_ms FROM desk_link WHERE id = 1")
        except sqlite3.OperationalError:  # a database older than the venue network
            return 0
        return 0 if value is None else int(value)

    # -- the outbox ---------------------------------------------------------------------

    def pending_entries(self, limit: int) -> list[PendingEntry]:
        """The oldest entries the host has not acknowledged yet, in the order written."""
        return [_pending_from_row(r) for r in self._rows(_PENDING_SQL, (limit,))]

    def outbox_summary(self) -> OutboxSummary:
        """How many entries wait (and since when) and how many the host refused."""
        row = self._row(
            "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM sync_outbox "
            "WHERE acked_at IS NULL"
        )
        rejected = self._scalar("SELECT COUNT(*) FROM sync_outbox WHERE status = 'rejected'")
        assert row is not None
        return OutboxSummary(
            waiting=int(row["n"]),
            oldest_waiting_at=from_iso(row["oldest"]),
            rejected=int(rejected or 0),
        )

    def outbox_status(self, uid: str) -> str | None:
        """The outbox state of one entry: waiting, stored, known, rejected (None: none)."""
        value = self._scalar("SELECT status FROM sync_outbox WHERE uid = ?", (uid,))
        return None if value is None else str(value)

    def rejected_entries(self) -> list[tuple[str, str]]:
        """(uid, the host's reason) of every entry the host refused."""
        return [
            (str(r["uid"]), str(r["message"]))
            for r in self._rows(
                "SELECT uid, message FROM sync_outbox WHERE status = 'rejected' ORDER BY rowid"
            )
        ]

    def mark_acknowledged(self, acks: Iterable[tuple[str, str, str]], *, at: datetime) -> int:
        """Record the host's answers ``(uid, status, message)``; returns how many were new."""
        marked = 0
        for uid, status, message in acks:
            marked += self._write(
                "UPDATE sync_outbox SET acked_at = ?, status = ?, message = ?, "
                "attempts = attempts + 1 WHERE uid = ? AND acked_at IS NULL",
                (to_iso(at), status, message[:2000], uid),
            ).rowcount
        return marked

    def count_attempt(self, uids: Iterable[str]) -> None:
        """One more upload of these entries failed."""
        self.conn.executemany(
            "UPDATE sync_outbox SET attempts = attempts + 1 WHERE uid = ? AND acked_at IS NULL",
            [(uid,) for uid in uids],
        )

    # -- what the host sends --------------------------------------------------------------

    def apply_host_changes(self, answer: ChangesAnswer, event_uid: str, *,
                           now: datetime) -> AppliedChanges:
        """Write the host's event, invitations and entries into this copy, by uid.

        Run inside :meth:`transaction` together with :meth:`record_sync` (so
        ``last_seq`` moves only with the rows). Invitations the host removed are
        removed here only when nothing was recorded for them at this desk.
        """
        skipped = 0
        if answer.event is not None and answer.event.uid == event_uid:
            self._upsert_event(answer.event, now=now)
        event_id = self._scalar("SELECT id FROM events WHERE uid = ?", (event_uid,))
        if event_id is None:
            raise ValueError("the host's event is not in this copy")
        invitees = 0
        for invitee in answer.invitees:
            if self._upsert_invitee(int(event_id), invitee, now=now):
                invitees += 1
            else:
                skipped += 1
        deleted = 0
        for uid in answer.deleted_invitees:
            deleted += self._delete_invitee_of_host(uid)
        entries = 0
        ids = self._invitee_ids([a.entry.invitee_uid for a in answer.attendance])
        for attendance in answer.attendance:
            invitee_id = ids.get(attendance.entry.invitee_uid)
            if invitee_id is None:
                log.warning("entry %s: its invitation %s is not in this copy",
                            attendance.entry.uid, attendance.entry.invitee_uid)
                skipped += 1
                continue
            if self.append_attendance(
                _entry_of_host(attendance, int(event_id), invitee_id),
                received_at=attendance.received_at,
                from_host=True,
            ):
                entries += 1
        return AppliedChanges(invitees=invitees, deleted=deleted, entries=entries,
                              skipped=skipped)

    def _invitee_ids(self, uids: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        unique = sorted(set(uids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for uid, invitee_id in self.conn.execute(
                f"SELECT uid, id FROM invitees WHERE uid IN ({marks})", chunk
            ):
                found[str(uid)] = int(invitee_id)
        return found

    def _upsert_event(self, event: WireEvent, *, now: datetime) -> None:
        values = {
            name: (value if value is not None or name in _NULLABLE_EVENT_COLUMNS else "")
            for name, value in ((n, event.fields.get(n)) for n in EVENT_FIELDS)
        }
        stamp = to_iso(now)
        columns = ", ".join(values)
        marks = ", ".join(f":{c}" for c in values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "uid")
        self._write(
            f"INSERT INTO events ({columns}, created_at, updated_at) "
            f"VALUES ({marks}, :stamp, :stamp) "
            f"ON CONFLICT (uid) DO UPDATE SET {updates}, updated_at = :stamp",
            {**values, "stamp": stamp},
        )

    def _upsert_person(self, uid: str, fields: Mapping[str, str], *, now: datetime) -> int:
        values = {name: fields.get(name, "") for name in PERSON_FIELDS}
        if values["nip"]:
            # The host is the truth: a NIP it gives this person belongs to no other here.
            self._write("UPDATE persons SET nip = '' WHERE nip = ? AND uid <> ?",
                        (values["nip"], uid))
        person = Person(**values)  # type: ignore[arg-type]
        stamp = to_iso(now)
        columns = ", ".join(values)
        marks = ", ".join(f":{c}" for c in values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values)
        self._write(
            f"INSERT INTO persons (uid, {columns}, search_key, created_at, updated_at) "
            f"VALUES (:uid, {marks}, :search_key, :stamp, :stamp) "
            f"ON CONFLICT (uid) DO UPDATE SET {updates}, search_key = excluded.search_key, "
            "updated_at = :stamp",
            {**values, "uid": uid, "search_key": person_search_key(person), "stamp": stamp},
        )
        return int(self._scalar("SELECT id FROM persons WHERE uid = ?", (uid,)))

    def _upsert_invitee(self, event_id: int, invitee: WireInvitee, *, now: datetime) -> bool:
        """Insert or update one invitation (and its person); False when it cannot be."""
        try:
            with self.transaction():  # a savepoint: a refused row leaves nothing behind
                person_id = self._upsert_person(invitee.person.uid, invitee.person.fields,
                                                now=now)
                fields = invitee.fields
                code = str(fields.get("checkin_code", ""))
                # Codes are unique over the file: a code the host gave this invitation
                # moves away from a local walk-in that happened to draw it.
                for (other,) in self.conn.execute(
                    "SELECT id FROM invitees WHERE checkin_code = ? AND uid <> ?",
                    (code, invitee.uid),
                ).fetchall():
                    replacement = _new_code()
                    while self._scalar("SELECT 1 FROM invitees WHERE checkin_code = ?",
                                       (replacement,)) is not None:
                        replacement = _new_code()
                    self._write("UPDATE invitees SET checkin_code = ? WHERE id = ?",
                                (replacement, other))
                name = invitee.person.fields.get("name", "")
                jabatan = str(fields.get("jabatan", ""))
                instansi = str(fields.get("instansi", ""))
                row = {
                    "uid": invitee.uid,
                    "event_id": event_id,
                    "person_id": person_id,
                    "role": str(fields.get("role", "")) or "peserta",
                    "checkin_code": code,
                    "jabatan": jabatan,
                    "instansi": instansi,
                    "group_name": str(fields.get("group_name", "")),
                    "position": int(fields.get("position", 0)),
                    "search_text": invitee_search_text(name, jabatan, instansi, code),
                    "sort_key": person_search_key(Person(name=name)),
                    "created_at": invitee.created_at or to_iso(now),
                    "walk_in": int(invitee.walk_in),
                }
                columns = ", ".join(row)
                marks = ", ".join(f":{c}" for c in row)
                updates = ", ".join(
                    f"{c} = excluded.{c}" for c in row if c not in ("uid", "created_at")
                )
                self._write(
                    f"INSERT INTO invitees ({columns}) VALUES ({marks}) "
                    f"ON CONFLICT (uid) DO UPDATE SET {updates}",
                    row,
                )
        except (sqlite3.IntegrityError, ValueError) as exc:  # one odd row must not stop the sync
            log.warning("invitation %s from the host not applied: %s", invitee.uid, exc)
            return False
        return True

    def _delete_invitee_of_host(self, uid: str) -> int:
        """Remove an invitation the host removed, unless something was recorded for it here."""
        row = self._row("SELECT id FROM invitees WHERE uid = ?", (uid,))
        if row is None:
            return 0
        if self._scalar("SELECT 1 FROM attendance_log WHERE invitee_id = ? LIMIT 1",
                        (row["id"],)) is not None:
            log.warning("invitation %s removed on the host kept: entries refer to it", uid)
            return 0
        return self._write("DELETE FROM invitees WHERE id = ?", (row["id"],)).rowcount


def _entry_of_host(attendance: WireAttendance, event_id: int, invitee_id: int) -> AttendanceEntry:
    entry = attendance.entry
    return AttendanceEntry(
        uid=entry.uid,
        event_id=event_id,
        invitee_id=invitee_id,
        kind=AttendanceKind(entry.kind),
        recorded_at=entry.recorded_at,
        station=attendance.station,
        operator=entry.operator,
        target_uid=entry.target_uid,
        reason=entry.reason,
        signature_png=None,  # images stay on the host
        **{f"on_behalf_{name}": entry.on_behalf.get(name, "") for name in ON_BEHALF_FIELDS},
    )
