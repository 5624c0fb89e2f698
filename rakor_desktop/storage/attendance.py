"""SQL for the append-only attendance log and what is derived from it."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from rakor_desktop.clock import from_iso, to_iso
from rakor_desktop.models import AttendanceCounts, AttendanceEntry, AttendanceKind

from .database import StorageBase

_ENTRY_COLUMNS = (
    "uid",
    "event_id",
    "invitee_id",
    "kind",
    "target_uid",
    "recorded_at",
    "station",
    "operator",
    "on_behalf_name",
    "on_behalf_jabatan",
    "on_behalf_instansi",
    "on_behalf_front_titles",
    "on_behalf_back_titles",
    "on_behalf_nip",
    "on_behalf_pangkat",
    "on_behalf_golongan",
    "on_behalf_phone",
    "reason",
    "signature_png",
)


def _entry_from_row(row: dict[str, Any]) -> AttendanceEntry:
    return AttendanceEntry(
        uid=row["uid"],
        event_id=row["event_id"],
        invitee_id=row["invitee_id"],
        kind=AttendanceKind(row["kind"]),
        recorded_at=from_iso(row["recorded_at"]),  # type: ignore[arg-type]
        station=row["station"],
        operator=row["operator"],
        target_uid=row["target_uid"] or "",
        on_behalf_name=row["on_behalf_name"],
        on_behalf_jabatan=row["on_behalf_jabatan"],
        on_behalf_instansi=row["on_behalf_instansi"],
        on_behalf_front_titles=row["on_behalf_front_titles"],
        on_behalf_back_titles=row["on_behalf_back_titles"],
        on_behalf_nip=row["on_behalf_nip"],
        on_behalf_pangkat=row["on_behalf_pangkat"],
        on_behalf_golongan=row["on_behalf_golongan"],
        on_behalf_phone=row["on_behalf_phone"],
        reason=row["reason"],
        signature_png=row["signature_png"],
    )


class AttendanceQueries(StorageBase):
    """The attendance log: entries are only ever appended."""

    #: Whether this database is a desk's copy (venue network, issue 13): then every
    #: entry written here also goes into ``sync_outbox``. None: not looked up yet (read
    #: once from ``desk_link``; :meth:`ReplicaQueries.set_desk_copy` sets it).
    _desk_copy: bool | None = None

    def append_attendance(
        self, entry: AttendanceEntry, *, received_at: datetime, from_host: bool = False
    ) -> bool:
        """Append one entry. A replayed entry (same uid) is ignored.

        On a desk's copy an entry written here (``from_host`` False) is also put into
        the outbox, in the same transaction: it is uploaded until the host has it.
        Entries pulled from the host come with ``from_host`` True.

        Returns:
            True when the entry is new, False when it was already there.
        """
        row: dict[str, Any] = {
            "uid": entry.uid,
            "event_id": entry.event_id,
            "invitee_id": entry.invitee_id,
            "kind": AttendanceKind(entry.kind).value,
            "target_uid": entry.target_uid or None,
            "recorded_at": to_iso(entry.recorded_at),
            "station": entry.station,
            "operator": entry.operator,
            "on_behalf_name": entry.on_behalf_name,
            "on_behalf_jabatan": entry.on_behalf_jabatan,
            "on_behalf_instansi": entry.on_behalf_instansi,
            "on_behalf_front_titles": entry.on_behalf_front_titles,
            "on_behalf_back_titles": entry.on_behalf_back_titles,
            "on_behalf_nip": entry.on_behalf_nip,
            "on_behalf_pangkat": entry.on_behalf_pangkat,
            "on_behalf_golongan": entry.on_behalf_golongan,
            "on_behalf_phone": entry.on_behalf_phone,
            "reason": entry.reason,
            "signature_png": entry.signature_png,
            "received_at": to_iso(received_at),
        }
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        sql = (
            f"INSERT INTO attendance_log ({columns}) VALUES ({marks}) "
            "ON CONFLICT (uid) DO NOTHING"
        )
        if from_host or not self._is_desk_copy():
            return self._write(sql, row).rowcount == 1
        with self.transaction():  # the entry and its outbox row: both or neither
            if self._write(sql, row).rowcount != 1:
                return False
            self._write(
                "INSERT INTO sync_outbox (uid, created_at) VALUES (?, ?) "
                "ON CONFLICT (uid) DO NOTHING",
                (entry.uid, row["received_at"]),
            )
        return True

    def _is_desk_copy(self) -> bool:
        """Whether this database is a desk's copy (a ``desk_link`` row that has not ended)."""
        if self._desk_copy is None:
            try:
                found = self._scalar(
                    "SELECT 1 FROM desk_link WHERE id = 1 AND token <> ''"
                ) is not None
            except sqlite3.OperationalError:  # a database older than the venue network
                found = False
            self._desk_copy = found
        return self._desk_copy

    def active_checkins(self, invitee_id: int) -> list[AttendanceEntry]:
        """The check-ins of an invitee that no undo refers to, earliest first."""
        rows = self._rows(
            f"""
            SELECT {", ".join("a." + c for c in _ENTRY_COLUMNS)}
            FROM attendance_log AS a
            WHERE a.invitee_id = ? AND a.kind = 'checkin'
              AND NOT EXISTS (SELECT 1 FROM attendance_log AS u
                              WHERE u.kind = 'undo' AND u.target_uid = a.uid)
            ORDER BY a.recorded_at, a.uid
            """,
            (invitee_id,),
        )
        return [_entry_from_row(r) for r in rows]

    def attendance_history(self, invitee_id: int) -> list[AttendanceEntry]:
        """Every entry about one invitee, in the order they were recorded."""
        rows = self._rows(
            f"SELECT {', '.join(_ENTRY_COLUMNS)} FROM attendance_log "
            "WHERE invitee_id = ? ORDER BY recorded_at, uid",
            (invitee_id,),
        )
        return [_entry_from_row(r) for r in rows]

    def attendance_log(self, event_id: int) -> list[AttendanceEntry]:
        """The whole log of an event, in recorded order (for sync and audit)."""
        rows = self._rows(
            f"SELECT {', '.join(_ENTRY_COLUMNS)} FROM attendance_log "
            "WHERE event_id = ? ORDER BY recorded_at, uid",
            (event_id,),
        )
        return [_entry_from_row(r) for r in rows]

    def latest_signature(self, checkin_uid: str) -> bytes | None:
        """The newest signature image given for a check-in, or None."""
        value = self._scalar(
            "SELECT signature_png FROM attendance_log WHERE kind = 'signature' AND target_uid = ? "
            "ORDER BY recorded_at DESC, uid DESC LIMIT 1",
            (checkin_uid,),
        )
        return None if value is None else bytes(value)

    def attendance_counts(self, event_id: int) -> AttendanceCounts:
        """Present and invited, in total and per group.

        Two small queries instead of joining every invitee to the ``presence`` view:
        the invited are counted in the (event, group) index alone, the present over
        the valid check-ins only.
        """
        invited = {
            r["group_name"]: r["n"]
            for r in self._rows(
                "SELECT group_name, COUNT(*) AS n FROM invitees WHERE event_id = ? "
                "GROUP BY group_name",
                (event_id,),
            )
        }
        present = present_per_group(self.conn, event_id)
        return AttendanceCounts(
            invited=sum(invited.values()),
            present=sum(present.values()),
            per_group={
                group: (present.get(group, 0), invited[group]) for group in sorted(invited)
            },
        )


def present_per_group(conn: sqlite3.Connection, event_id: int) -> dict[str, int]:
    """How many invitees of each group of an event have a valid check-in.

    Each invitee counts once however many valid check-ins they have (COUNT DISTINCT),
    without asking which came first: half the work of going through ``presence``.
    """
    return {
        row[0]: int(row[1])
        for row in conn.execute(
            "SELECT i.group_name, COUNT(DISTINCT a.invitee_id) FROM attendance_log AS a "
            "JOIN invitees AS i ON i.id = a.invitee_id "
            "WHERE a.event_id = ? AND a.kind = 'checkin' AND NOT EXISTS "
            "(SELECT 1 FROM attendance_log AS u WHERE u.kind = 'undo' AND u.target_uid = a.uid) "
            "GROUP BY i.group_name",
            (event_id,),
        )
    }
