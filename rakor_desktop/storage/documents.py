"""SQL that reads everything the minutes and the attendance list are built from.

Also the per-event document settings (``event_settings`` rows under one key
prefix): paper, letterhead, the "Mengetahui" official, edited text parts.
"""

from __future__ import annotations

from typing import Any

from .database import StorageBase


class DocumentQueries(StorageBase):
    """Queries of this area (see the module docstring)."""

    # -- settings ------------------------------------------------------------------

    def event_settings_with_prefix(self, event_id: int, prefix: str) -> dict[str, str]:
        """Every per-event setting whose key starts with ``prefix`` (key: value)."""
        rows = self._rows(
            "SELECT key, value FROM event_settings WHERE event_id = ? AND substr(key, 1, ?) = ?",
            (event_id, len(prefix), prefix),
        )
        return {r["key"]: r["value"] for r in rows}

    def delete_event_setting(self, event_id: int, key: str) -> None:
        """Remove one per-event setting (it then has its default again)."""
        self._write("DELETE FROM event_settings WHERE event_id = ? AND key = ?", (event_id, key))

    # -- people --------------------------------------------------------------------

    def document_officials(self, event_id: int) -> dict[str, dict[str, Any]]:
        """The officials of an event by role, with their directory data.

        Jabatan and instansi come from the person's invitation to this event when
        there is one (what they are called at this meeting), else from the directory.
        """
        rows = self._rows(
            """
            SELECT o.role, p.name, p.front_titles, p.back_titles, p.nip, p.pangkat, p.golongan,
                   COALESCE(NULLIF(i.jabatan, ''), p.jabatan) AS jabatan,
                   COALESCE(NULLIF(i.instansi, ''), p.instansi) AS instansi
            FROM event_officials AS o
            JOIN persons AS p ON p.id = o.person_id
            LEFT JOIN invitees AS i ON i.event_id = o.event_id AND i.person_id = o.person_id
            WHERE o.event_id = ?
            """,
            (event_id,),
        )
        return {r["role"]: r for r in rows}

    def document_attendees(self, event_id: int, *, include_absent: bool) -> list[dict[str, Any]]:
        """The rows of the daftar hadir in the order of the invitation list.

        Each row has the person (name, titles, NIP, pangkat, phone), the jabatan,
        instansi and group of the invitation, ``present`` and, for a delegate, the
        ``on_behalf_*`` fields of the first valid check-in.
        """
        join = "LEFT JOIN" if include_absent else "JOIN"
        return self._rows(
            f"""
            SELECT i.id AS invitee_id, i.position, i.group_name, i.role, i.jabatan, i.instansi,
                   p.name, p.front_titles, p.back_titles, p.nip, p.pangkat, p.golongan, p.phone,
                   pr.checkin_uid IS NOT NULL AS present,
                   COALESCE(pr.on_behalf_name, '') AS on_behalf_name,
                   COALESCE(pr.on_behalf_jabatan, '') AS on_behalf_jabatan,
                   COALESCE(pr.on_behalf_instansi, '') AS on_behalf_instansi,
                   COALESCE(pr.on_behalf_front_titles, '') AS on_behalf_front_titles,
                   COALESCE(pr.on_behalf_back_titles, '') AS on_behalf_back_titles,
                   COALESCE(pr.on_behalf_nip, '') AS on_behalf_nip,
                   COALESCE(pr.on_behalf_pangkat, '') AS on_behalf_pangkat,
                   COALESCE(pr.on_behalf_golongan, '') AS on_behalf_golongan,
                   COALESCE(pr.on_behalf_phone, '') AS on_behalf_phone
            FROM invitees AS i
            JOIN persons AS p ON p.id = i.person_id
            {join} presence AS pr ON pr.invitee_id = i.id
            WHERE i.event_id = ?
            ORDER BY i.position, i.id
            """,
            (event_id,),
        )

    def document_signatures(self, event_id: int) -> dict[int, bytes]:
        """The signature image of each invitee who gave one (invitee id: PNG bytes).

        A signature belongs to a check-in; the newest one given for a check-in that
        was not undone wins.
        """
        rows = self.conn.execute(
            """
            SELECT s.invitee_id, s.signature_png
            FROM attendance_log AS s
            WHERE s.event_id = ? AND s.kind = 'signature' AND s.signature_png IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM attendance_log AS u
                              WHERE u.kind = 'undo' AND u.target_uid = s.target_uid)
            ORDER BY s.recorded_at, s.uid
            """,
            (event_id,),
        ).fetchall()
        return {int(invitee_id): bytes(png) for invitee_id, png in rows}

    # -- the record ------------------------------------------------------------------

    def document_speakers(self, event_id: int) -> list[dict[str, Any]]:
        """The speakers of an event, by rundown item and position."""
        return self._rows(
            """
            SELECT s.rundown_item_id, s.name, s.instansi, s.state, s.started_at, s.ended_at,
                   s.spoken_seconds,
                   COALESCE(NULLIF(i.jabatan, ''), '') AS jabatan
            FROM speakers AS s
            LEFT JOIN invitees AS i ON i.id = s.invitee_id
            WHERE s.event_id = ?
            ORDER BY s.rundown_item_id, s.position, s.id
            """,
            (event_id,),
        )

    def document_questions(self, event_id: int) -> list[dict[str, Any]]:
        """Every question with its termin number, in the order they were asked."""
        return self._rows(
            """
            SELECT t.number AS termin, q.position, q.asker_name, q.asker_instansi, q.question,
                   q.addressed_to, q.status, q.answer, q.answered_by, q.created_at
            FROM questions AS q
            JOIN termins AS t ON t.id = q.termin_id
            WHERE q.event_id = ?
            ORDER BY t.number, q.position, q.id
            """,
            (event_id,),
        )

    def document_follow_ups(self, event_id: int) -> list[dict[str, Any]]:
        """The tindak lanjut of an event, in order."""
        return self._rows(
            "SELECT what, who, due FROM follow_ups WHERE event_id = ? ORDER BY position, id",
            (event_id,),
        )

    def document_conclusions(self, event_id: int) -> list[dict[str, Any]]:
        """The conclusions, decisions and recommendations of an event, in order."""
        return self._rows(
            "SELECT kind, body FROM conclusions WHERE event_id = ? ORDER BY position, id",
            (event_id,),
        )

    def document_photos(self, event_id: int) -> list[dict[str, Any]]:
        """The documentation photos of an event with their data, in order."""
        return self._rows(
            "SELECT id, filename, caption, mime, data FROM photos WHERE event_id = ? "
            "ORDER BY position, id",
            (event_id,),
        )

    # -- photos (dokumentasi) ----------------------------------------------------------

    def insert_photo(
        self, event_id: int, *, uid: str, data: bytes, filename: str, caption: str, mime: str
    ) -> int:
        """Attach a photo after the event's last one; returns its id."""
        cursor = self._write(
            """
            INSERT INTO photos (uid, event_id, position, filename, caption, mime, data)
            VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM photos WHERE event_id = ?),
                    ?, ?, ?, ?)
            """,
            (uid, event_id, event_id, filename, caption, mime, data),
        )
        return int(cursor.lastrowid or 0)

    def get_photo_row(self, photo_id: int) -> dict[str, Any] | None:
        """One photo without its data (id, event_id, position, filename, caption, mime, size)."""
        return self._row(
            "SELECT id, uid, event_id, position, filename, caption, mime, length(data) AS size "
            "FROM photos WHERE id = ?",
            (photo_id,),
        )

    def list_photo_rows(self, event_id: int) -> list[dict[str, Any]]:
        """The photos of an event without their data, in order."""
        return self._rows(
            "SELECT id, uid, event_id, position, filename, caption, mime, length(data) AS size "
            "FROM photos WHERE event_id = ? ORDER BY position, id",
            (event_id,),
        )

    def photo_data(self, photo_id: int) -> bytes | None:
        """The image bytes of one photo."""
        value = self._scalar("SELECT data FROM photos WHERE id = ?", (photo_id,))
        return None if value is None else bytes(value)

    def update_photo_caption(self, photo_id: int, caption: str) -> None:
        """Change the caption of a photo."""
        self._write("UPDATE photos SET caption = ? WHERE id = ?", (caption, photo_id))

    def set_photo_positions(self, ordered_ids: list[int]) -> None:
        """Number the given photos 1, 2, ... in this order."""
        for position, photo_id in enumerate(ordered_ids, start=1):
            self._write("UPDATE photos SET position = ? WHERE id = ?", (position, photo_id))

    def delete_photo(self, photo_id: int) -> None:
        """Remove a photo."""
        self._write("DELETE FROM photos WHERE id = ?", (photo_id,))
