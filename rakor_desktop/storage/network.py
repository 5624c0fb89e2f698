"""SQL of the venue network on the host (issue 13): paired desks, the change feed, what
the desks are sent, and the duplicate scans.

The desks are told about rows by uid (``sync_feed`` is filled by triggers, see
MIGRATION_6); the rows are read here as plain dicts and turned into the wire format by
:mod:`rakor_desktop.network.host`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rakor_desktop.clock import from_iso, to_iso

from .database import StorageBase


@dataclass(frozen=True)
class PairedDesk:
    """A desk paired with the host for one event (its token is stored only hashed)."""

    id: int
    event_id: int
    name: str
    paired_at: datetime
    last_seen_at: datetime | None
    last_address: str
    revoked_at: datetime | None
    role: str = "desk"  # "desk", "moderator" (a tablet) or "projector" (a PC), issue 14

    @property
    def revoked(self) -> bool:
        """Whether the secretariat revoked this desk (its token is refused)."""
        return self.revoked_at is not None


@dataclass(frozen=True)
class DuplicateScan:
    """A second (or later) valid check-in of someone already present: kept, not counted."""

    invitee_uid: str
    name: str
    instansi: str
    first_station: str
    first_at: datetime
    station: str
    recorded_at: datetime


_DESK_COLUMNS = "id, event_id, name, paired_at, last_seen_at, last_address, revoked_at, role"

#: The columns of :meth:`NetworkQueries.network_invitee_rows`, in order: the invitation
#: and its person (``p_*``) as a desk's copy keeps them.
INVITEE_ROW_COLUMNS: tuple[str, ...] = (
    "uid", "role", "checkin_code", "jabatan", "instansi", "group_name", "position",
    "walk_in", "created_at", "p_uid", "p_name", "p_front_titles", "p_back_titles", "p_nip",
    "p_pangkat", "p_golongan", "p_jabatan", "p_instansi", "p_group_name", "p_phone",
    "p_gender",
)
_INVITEE_SELECT = ", ".join(
    f"p.{c[2:]} AS {c}" if c.startswith("p_") else f"i.{c}" for c in INVITEE_ROW_COLUMNS
)

#: The columns of :meth:`NetworkQueries.network_attendance_rows`, in order: an entry as
#: the desks are sent it (no image, only whether there is one).
ATTENDANCE_ROW_COLUMNS: tuple[str, ...] = (
    "uid", "kind", "invitee_uid", "recorded_at", "operator", "target_uid",
    "on_behalf_name", "on_behalf_jabatan", "on_behalf_instansi", "on_behalf_front_titles",
    "on_behalf_back_titles", "on_behalf_nip", "on_behalf_pangkat", "on_behalf_golongan",
    "on_behalf_phone", "reason", "station", "received_at", "has_signature",
)
_ATTENDANCE_SELECT = ", ".join(
    "i.uid AS invitee_uid" if c == "invitee_uid"
    else "a.signature_png IS NOT NULL AS has_signature" if c == "has_signature"
    else f"a.{c}"
    for c in ATTENDANCE_ROW_COLUMNS
)

#: An event's row as sent (its local id and stamps left out).
_EVENT_COLUMNS = (
    "uid, title, date, end_date, start_time, end_time, timezone, call_time, venue, "
    "organizer_government, organizer_unit, organizer_address, invitation_number, "
    "invitation_date, description"
)

# The feed rows of one window of one event, of one kind (the parameters: event id,
# after seq, up to seq).
_FEED_WINDOW = (
    "SELECT uid FROM sync_feed WHERE event_id = ? AND seq > ? AND seq <= ? AND kind = ?"
)


def _desk_from_row(row: dict[str, Any]) -> PairedDesk:
    paired_at = from_iso(row["paired_at"])
    assert paired_at is not None
    return PairedDesk(
        id=int(row["id"]),
        event_id=int(row["event_id"]),
        name=str(row["name"]),
        paired_at=paired_at,
        last_seen_at=from_iso(row["last_seen_at"]),
        last_address=str(row["last_address"]),
        revoked_at=from_iso(row["revoked_at"]),
        role=str(row["role"]),
    )


@dataclass(frozen=True)
class FeedWindow:
    """What changed in an event after a sequence number, up to ``until`` (inclusive)."""

    since: int
    until: int
    more: bool  # the feed holds changes after ``until``
    event_changed: bool
    deleted_invitees: tuple[str, ...]  # uids deleted in the window and not back since


class NetworkQueries(StorageBase):
    """Paired desks, the change feed and the rows the desks are sent (the host's side)."""

    # -- paired desks ----------------------------------------------------------------

    def add_network_desk(
        self, event_id: int, name: str, token_hash: str, *, now: datetime, address: str,
        role: str = "desk",
    ) -> PairedDesk:
        """Pair a device (a desk, the moderator's tablet, a projector PC): its name, role
        and the SHA-256 of its token (never the token)."""
        cursor = self._write(
            "INSERT INTO network_desks (event_id, name, token_hash, paired_at, last_seen_at, "
            "last_address, role) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event_id, name, token_hash, to_iso(now), to_iso(now), address, role),
        )
        desk = self.network_desk(int(cursor.lastrowid or 0))
        assert desk is not None
        return desk

    def network_desk(self, desk_id: int) -> PairedDesk | None:
        """The paired desk with this id, or None."""
        row = self._row(f"SELECT {_DESK_COLUMNS} FROM network_desks WHERE id = ?", (desk_id,))
        return None if row is None else _desk_from_row(row)

    def network_desk_by_token_hash(self, token_hash: str) -> PairedDesk | None:
        """The desk whose token hashes to ``token_hash`` (revoked ones too), or None."""
        row = self._row(
            f"SELECT {_DESK_COLUMNS} FROM network_desks WHERE token_hash = ?", (token_hash,)
        )
        return None if row is None else _desk_from_row(row)

    def network_desks(self, event_id: int) -> list[PairedDesk]:
        """The desks paired for an event, in the order they were paired (revoked too)."""
        rows = self._rows(
            f"SELECT {_DESK_COLUMNS} FROM network_desks WHERE event_id = ? ORDER BY id",
            (event_id,),
        )
        return [_desk_from_row(r) for r in rows]

    def mark_network_desk_seen(self, desk_id: int, *, at: datetime, address: str) -> None:
        """Note when and from where a desk was last heard from."""
        self._write(
            "UPDATE network_desks SET last_seen_at = ?, last_address = ? WHERE id = ?",
            (to_iso(at), address, desk_id),
        )

    def revoke_network_desk(self, desk_id: int, *, at: datetime) -> None:
        """Refuse a desk's token from now on (its row and its entries stay)."""
        self._write(
            "UPDATE network_desks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            (to_iso(at), desk_id),
        )

    # -- the change feed --------------------------------------------------------------

    def sync_seq(self, event_id: int) -> int:
        """The number of the latest change of an event (0: none yet). One index lookup."""
        value = self._scalar("SELECT MAX(seq) FROM sync_feed WHERE event_id = ?", (event_id,))
        return int(value or 0)

    def feed_window(self, event_id: int, since: int, limit: int) -> FeedWindow:
        """Which changes of an event come after ``since``: at most ``limit`` feed rows."""
        rows = self.conn.execute(
            "SELECT seq, kind, uid FROM sync_feed WHERE event_id = ? AND seq > ? "
            "ORDER BY seq LIMIT ?",
            (event_id, since, limit + 1),
        ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        until = int(rows[-1][0]) if rows else since
        last_kind: dict[str, str] = {}
        event_changed = False
        for _seq, kind, uid in rows:
            if kind == "event":
                event_changed = True
            elif kind in ("invitee", "invitee_deleted"):
                last_kind[str(uid)] = str(kind)
        deleted = [uid for uid, kind in last_kind.items() if kind == "invitee_deleted"]
        if deleted:
            marks = ", ".join("?" for _ in deleted)
            back = {
                str(r[0]) for r in self.conn.execute(
                    f"SELECT uid FROM invitees WHERE uid IN ({marks})", deleted
                )
            }  # fmt: skip
            deleted = [uid for uid in deleted if uid not in back]
        return FeedWindow(since, until, more, event_changed, tuple(deleted))

    # -- what the desks are sent -------------------------------------------------------

    def network_event_row(self, event_id: int) -> dict[str, Any] | None:
        """The event's row as sent to the desks (``protocol.EVENT_FIELDS``), or None."""
        return self._row(f"SELECT {_EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,))

    def network_invitee_rows(
        self, event_id: int, window: FeedWindow | None = None
    ) -> list[tuple[Any, ...]]:
        """The invitations of an event with their persons (:data:`INVITEE_ROW_COLUMNS`):
        all of them, or those changed in ``window`` (one query, through the feed's index)."""
        sql = f"SELECT {_INVITEE_SELECT} FROM invitees AS i JOIN persons AS p ON p.id = i.person_id"
        params: list[Any] = [event_id]
        if window is None:
            sql += " WHERE i.event_id = ?"
        else:
            # "+": the uids of the window are looked up one by one in their index; through
            # the event's index SQLite would go over the whole list (20 ms for 20,000).
            sql += f" WHERE +i.event_id = ? AND i.uid IN ({_FEED_WINDOW})"
            params += [event_id, window.since, window.until, "invitee"]
        # In no order (a desk keys them by uid), as tuples: a 20,000-person list is read
        # in a fraction of the time dicts take.
        return self.conn.execute(sql, params).fetchall()

    def network_attendance_rows(
        self, event_id: int, window: FeedWindow | None = None
    ) -> list[tuple[Any, ...]]:
        """The attendance log of an event without images (:data:`ATTENDANCE_ROW_COLUMNS`):
        all of it, or the entries added in ``window`` (one query, through the feed's
        index)."""
        sql = (
            f"SELECT {_ATTENDANCE_SELECT} FROM attendance_log AS a "
            "JOIN invitees AS i ON i.id = a.invitee_id"
        )
        params: list[Any] = [event_id]
        if window is None:
            sql += " WHERE a.event_id = ?"
        else:  # by primary key, not through the whole log of the event (see above)
            sql += f" WHERE +a.event_id = ? AND a.uid IN ({_FEED_WINDOW})"
            params += [event_id, window.since, window.until, "attendance"]
        return self.conn.execute(sql + " ORDER BY a.recorded_at, a.uid", params).fetchall()

    # -- applying a desk's entries --------------------------------------------------------

    def attendance_entry_brief(self, uid: str) -> dict[str, Any] | None:
        """``event_id``, ``invitee_id`` and ``kind`` of the log entry ``uid``, or None."""
        return self._row(
            "SELECT event_id, invitee_id, kind FROM attendance_log WHERE uid = ?", (uid,)
        )

    def invitee_id_by_uid(self, event_id: int, uid: str) -> int | None:
        """The local id of the invitation ``uid`` of this event, or None."""
        value = self._scalar(
            "SELECT id FROM invitees WHERE uid = ? AND event_id = ?", (uid, event_id)
        )
        return None if value is None else int(value)

    def invitee_uid_taken(self, uid: str) -> bool:
        """Whether any event has an invitation with this uid."""
        return self._scalar("SELECT 1 FROM invitees WHERE uid = ?", (uid,)) is not None

    def person_id_by_uid(self, uid: str) -> int | None:
        """The local id of the directory person ``uid``, or None."""
        value = self._scalar("SELECT id FROM persons WHERE uid = ?", (uid,))
        return None if value is None else int(value)

    # -- duplicate scans ------------------------------------------------------------------

    def duplicate_scans(self, event_id: int) -> list[DuplicateScan]:
        """Every valid check-in of someone that is not their first one, in recorded order."""
        rows = self._rows(
            # Only those scanned more than once are looked at (one pass over the index).
            "WITH twice AS (SELECT invitee_id FROM attendance_log "
            "               WHERE event_id = ? AND kind = 'checkin' "
            "               GROUP BY invitee_id HAVING COUNT(*) > 1) "
            "SELECT i.uid AS invitee_uid, p.name, i.instansi, pr.station AS first_station, "
            "pr.first_checkin_at AS first_at, a.station, a.recorded_at "
            "FROM twice CROSS JOIN attendance_log AS a ON a.invitee_id = twice.invitee_id "
            "JOIN presence AS pr ON pr.invitee_id = a.invitee_id "
            "JOIN invitees AS i ON i.id = a.invitee_id "
            "JOIN persons AS p ON p.id = i.person_id "
            "WHERE a.kind = 'checkin' AND a.uid <> pr.checkin_uid "
            "AND NOT EXISTS (SELECT 1 FROM attendance_log AS u "
            "                WHERE u.kind = 'undo' AND u.target_uid = a.uid) "
            "ORDER BY a.recorded_at, a.uid",
            (event_id,),
        )
        scans: list[DuplicateScan] = []
        for row in rows:
            first_at, recorded_at = from_iso(row["first_at"]), from_iso(row["recorded_at"])
            assert first_at is not None and recorded_at is not None
            scans.append(DuplicateScan(
                invitee_uid=row["invitee_uid"], name=row["name"], instansi=row["instansi"],
                first_station=row["first_station"], first_at=first_at,
                station=row["station"], recorded_at=recorded_at,
            ))  # fmt: skip
        return scans
