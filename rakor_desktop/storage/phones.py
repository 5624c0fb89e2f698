"""SQL of the phones and tablets in the hall (issue 14): questions from the floor, walk-ins
who checked in with a phone, the lookups of the public pages, row versions and the
fingerprint of the hall's state.

Rows the moderator acts on carry a ``version`` bumped by a trigger on every change
(MIGRATION_7); the conditional updates here apply only to the version the caller saw
and say whether they did.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from rakor_desktop.clock import from_iso, to_iso
from rakor_desktop.models import (
    FloorQuestion,
    FloorQuestionStatus,
    PhoneWalkIn,
    PhoneWalkInStatus,
)

from .checkin import _glob_literal
from .database import StorageBase
from .people import search_tokens

_FLOOR_COLUMNS: tuple[str, ...] = (
    "id", "uid", "event_id", "asker_invitee_id", "asker_name", "asker_instansi",
    "addressed_to", "question", "submitted_at", "device_hash", "status", "question_id",
    "version",
)
_WALKIN_COLUMNS: tuple[str, ...] = (
    "id", "uid", "event_id", "name", "jabatan", "instansi", "phone", "signature_png",
    "submitted_at", "device_hash", "status", "decided_at", "decided_by", "invitee_id",
)
# Above every character: "abc" <= key < "abc" + _TOP holds for every key starting with "abc".
_TOP = "\U0010ffff"
# What the public pages may be told of an invitee (with ``present`` for self check-in).
_PUBLIC_SELECT = (
    "SELECT i.id, i.uid, p.name, p.front_titles, p.back_titles, i.instansi, "
    "EXISTS (SELECT 1 FROM presence AS pr WHERE pr.invitee_id = i.id) AS present"
)
# The last four digits of the phone number on the list, with its usual separators taken
# out ("0812-3456 7890", "+62 (812) 3456.7890"): the expression of the index
# persons_phone_last4 (MIGRATION_7), which SQLite uses only for this very expression.
_PHONE_LAST4 = (
    "substr(replace(replace(replace(replace(replace(replace(p.phone, ' ', ''), '-', ''), "
    "'.', ''), '(', ''), ')', ''), '+', ''), -4)"
)


def _floor_from_row(row: dict[str, Any]) -> FloorQuestion:
    return FloorQuestion(
        id=row["id"], uid=row["uid"], event_id=row["event_id"],
        asker_invitee_id=row["asker_invitee_id"], asker_name=row["asker_name"],
        asker_instansi=row["asker_instansi"], addressed_to=row["addressed_to"],
        question=row["question"], submitted_at=from_iso(row["submitted_at"]),
        device_hash=row["device_hash"], status=FloorQuestionStatus(row["status"]),
        question_id=row["question_id"], version=int(row["version"]),
    )  # fmt: skip


def _walkin_from_row(row: dict[str, Any]) -> PhoneWalkIn:
    return PhoneWalkIn(
        id=row["id"], uid=row["uid"], event_id=row["event_id"], name=row["name"],
        jabatan=row["jabatan"], instansi=row["instansi"], phone=row["phone"],
        signature_png=row["signature_png"], submitted_at=from_iso(row["submitted_at"]),
        device_hash=row["device_hash"], status=PhoneWalkInStatus(row["status"]),
        decided_at=from_iso(row["decided_at"]), decided_by=row["decided_by"],
        invitee_id=row["invitee_id"],
    )  # fmt: skip


class PhoneQueries(StorageBase):
    """Floor questions, phone walk-ins, the public lookups and row versions."""

    # -- questions from the floor ---------------------------------------------------------

    def insert_floor_question(self, question: FloorQuestion) -> int:
        """Store a question sent from a phone (status incoming); returns its id."""
        assert question.submitted_at is not None
        row = {
            "uid": question.uid or str(uuid.uuid4()),
            "event_id": question.event_id,
            "asker_invitee_id": question.asker_invitee_id,
            "asker_name": question.asker_name,
            "asker_instansi": question.asker_instansi,
            "addressed_to": question.addressed_to,
            "question": question.question,
            "submitted_at": to_iso(question.submitted_at),
            "device_hash": question.device_hash,
            "status": FloorQuestionStatus(question.status).value,
        }
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        cursor = self._write(f"INSERT INTO floor_questions ({columns}) VALUES ({marks})", row)
        return int(cursor.lastrowid or 0)

    def get_floor_question(self, floor_id: int) -> FloorQuestion | None:
        """One floor question, or None."""
        row = self._row(
            f"SELECT {', '.join(_FLOOR_COLUMNS)} FROM floor_questions WHERE id = ?", (floor_id,)
        )
        return None if row is None else _floor_from_row(row)

    def get_floor_question_by_uid(self, uid: str) -> FloorQuestion | None:
        """The floor question with this uid, or None."""
        row = self._row(
            f"SELECT {', '.join(_FLOOR_COLUMNS)} FROM floor_questions WHERE uid = ?", (uid,)
        )
        return None if row is None else _floor_from_row(row)

    def list_floor_questions(
        self, event_id: int, statuses: Sequence[FloorQuestionStatus] | None = None
    ) -> list[FloorQuestion]:
        """The floor questions of an event, oldest first (optionally of some statuses)."""
        where = "event_id = ?"
        params: list[Any] = [event_id]
        if statuses is not None:
            wanted = [FloorQuestionStatus(s).value for s in statuses]
            if not wanted:
                return []
            where += f" AND status IN ({', '.join('?' for _ in wanted)})"
            params += wanted
        rows = self._rows(
            f"SELECT {', '.join(_FLOOR_COLUMNS)} FROM floor_questions WHERE {where} "
            "ORDER BY submitted_at, id",
            params,
        )
        return [_floor_from_row(r) for r in rows]

    def count_floor_questions(self, event_id: int, status: FloorQuestionStatus) -> int:
        """How many floor questions of an event have this status."""
        return int(
            self._scalar(
                "SELECT COUNT(*) FROM floor_questions WHERE event_id = ? AND status = ?",
                (event_id, FloorQuestionStatus(status).value),
            )
        )

    def set_floor_question_status(
        self,
        floor_id: int,
        status: FloorQuestionStatus,
        *,
        question_id: int | None = None,
        expected_version: int | None = None,
    ) -> bool:
        """Change a floor question's status (and the question it became).

        With ``expected_version`` only that version is changed. Returns whether the row
        was changed.
        """
        sql = "UPDATE floor_questions SET status = ?, question_id = ? WHERE id = ?"
        params: list[Any] = [FloorQuestionStatus(status).value, question_id, floor_id]
        if expected_version is not None:
            sql += " AND version = ?"
            params.append(expected_version)
        return self._write(sql, params).rowcount == 1

    # -- walk-ins by phone ------------------------------------------------------------------

    def insert_phone_walkin(self, walkin: PhoneWalkIn) -> int:
        """Store someone not on the list who checked in with a phone; returns the id."""
        assert walkin.submitted_at is not None
        row = {
            "uid": walkin.uid or str(uuid.uuid4()),
            "event_id": walkin.event_id,
            "name": walkin.name,
            "jabatan": walkin.jabatan,
            "instansi": walkin.instansi,
            "phone": walkin.phone,
            "signature_png": walkin.signature_png,
            "submitted_at": to_iso(walkin.submitted_at),
            "device_hash": walkin.device_hash,
            "status": PhoneWalkInStatus(walkin.status).value,
        }
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        cursor = self._write(f"INSERT INTO phone_walkins ({columns}) VALUES ({marks})", row)
        return int(cursor.lastrowid or 0)

    def get_phone_walkin(self, walkin_id: int) -> PhoneWalkIn | None:
        """One phone walk-in, or None."""
        row = self._row(
            f"SELECT {', '.join(_WALKIN_COLUMNS)} FROM phone_walkins WHERE id = ?", (walkin_id,)
        )
        return None if row is None else _walkin_from_row(row)

    def list_phone_walkins(
        self, event_id: int, statuses: Sequence[PhoneWalkInStatus] | None = None
    ) -> list[PhoneWalkIn]:
        """The phone walk-ins of an event, oldest first (optionally of some statuses)."""
        where = "event_id = ?"
        params: list[Any] = [event_id]
        if statuses is not None:
            wanted = [PhoneWalkInStatus(s).value for s in statuses]
            if not wanted:
                return []
            where += f" AND status IN ({', '.join('?' for _ in wanted)})"
            params += wanted
        rows = self._rows(
            f"SELECT {', '.join(_WALKIN_COLUMNS)} FROM phone_walkins WHERE {where} "
            "ORDER BY submitted_at, id",
            params,
        )
        return [_walkin_from_row(r) for r in rows]

    def count_phone_walkins(self, event_id: int, status: PhoneWalkInStatus) -> int:
        """How many phone walk-ins of an event have this status."""
        return int(
            self._scalar(
                "SELECT COUNT(*) FROM phone_walkins WHERE event_id = ? AND status = ?",
                (event_id, PhoneWalkInStatus(status).value),
            )
        )

    def decide_phone_walkin(
        self,
        walkin_id: int,
        status: PhoneWalkInStatus,
        *,
        at: datetime,
        by: str,
        invitee_id: int | None = None,
    ) -> bool:
        """Confirm or refuse a waiting phone walk-in; False when it was no longer waiting."""
        cursor = self._write(
            "UPDATE phone_walkins SET status = ?, decided_at = ?, decided_by = ?, "
            "invitee_id = ? WHERE id = ? AND status = 'waiting'",
            (PhoneWalkInStatus(status).value, to_iso(at), by, invitee_id, walkin_id),
        )
        return cursor.rowcount == 1

    # -- the public pages' lookups -----------------------------------------------------------

    def public_name_matches(
        self, event_id: int, query: str, *, limit: int, phone_last4: str = ""
    ) -> list[dict[str, Any]]:
        """Invitees whose name (without titles) has a word starting with every word typed:
        those whose name starts with the first word first (by name), then the others;
        with ``phone_last4``, only those whose phone on the list ends with these digits.

        Rows: ``id``, ``uid``, ``name``, ``front_titles``, ``back_titles``, ``instansi``,
        ``present`` (nothing else of the list: no NIP, no phone).

        Each step stops after ``limit`` rows (the (event, name) index walked in order,
        then the full-text matches in index order, no sort of every match); with the
        digits, the few people whose phone ends with them are looked up by index first.
        So a three-letter query costs about the same with 20,000 invitees.
        """
        tokens = search_tokens(query)
        if not tokens:
            return []
        first, rest = tokens[0], tokens[1:]
        if phone_last4:
            words = " AND ".join("(' ' || i.sort_key) GLOB ?" for _ in tokens)
            return self._rows(
                f"{_PUBLIC_SELECT} FROM persons AS p CROSS JOIN invitees AS i "
                "ON i.person_id = p.id "
                f"WHERE p.phone <> '' AND {_PHONE_LAST4} = ? AND i.event_id = ? AND {words} "
                "ORDER BY (i.sort_key >= ? AND i.sort_key < ?) DESC, i.sort_key, i.id LIMIT ?",
                [phone_last4, event_id, *(f"* {_glob_literal(t)}*" for t in tokens),
                 first, first + _TOP, limit],
            )
        others = "".join(" AND (' ' || i.sort_key) GLOB ?" for _ in rest)
        rows = self._rows(
            f"{_PUBLIC_SELECT} FROM invitees AS i JOIN persons AS p ON p.id = i.person_id "
            f"WHERE i.event_id = ? AND i.sort_key >= ? AND i.sort_key < ?{others} "
            "ORDER BY i.sort_key, i.id LIMIT ?",
            [event_id, first, first + _TOP, *(f"* {_glob_literal(t)}*" for t in rest), limit],
        )
        if len(rows) >= limit:
            return rows
        match = " AND ".join(
            "sort_key : " + '"' + token.replace('"', '""') + '"*' for token in tokens
        )
        rows += self._rows(
            f"{_PUBLIC_SELECT} FROM invitees_fts AS f CROSS JOIN invitees AS i ON i.id = f.rowid "
            "JOIN persons AS p ON p.id = i.person_id "
            "WHERE invitees_fts MATCH ? AND i.event_id = ? "
            "AND NOT (i.sort_key >= ? AND i.sort_key < ?) "
            "ORDER BY f.rowid LIMIT ?",
            [match, event_id, first, first + _TOP, limit - len(rows)],
        )
        return rows

    def public_invitee_by_code(self, event_id: int, code: str) -> dict[str, Any] | None:
        """The invitee whose invitation carries exactly ``code`` (rows as
        :meth:`public_name_matches`), or None."""
        return self._row(
            f"{_PUBLIC_SELECT} FROM invitees AS i JOIN persons AS p ON p.id = i.person_id "
            "WHERE i.checkin_code = ? AND +i.event_id = ?",
            (code, event_id),
        )

    def public_invitee_by_uid(self, event_id: int, uid: str) -> dict[str, Any] | None:
        """The invitee of this event with this uid (rows as :meth:`public_name_matches`)."""
        return self._row(
            f"{_PUBLIC_SELECT} FROM invitees AS i JOIN persons AS p ON p.id = i.person_id "
            "WHERE i.uid = ? AND i.event_id = ?",
            (uid, event_id),
        )

    # -- row versions ---------------------------------------------------------------------

    def question_version(self, question_id: int) -> int | None:
        """The version of a question (None: no such question)."""
        value = self._scalar("SELECT version FROM questions WHERE id = ?", (question_id,))
        return None if value is None else int(value)

    def termin_version(self, termin_id: int) -> int | None:
        """The version of a termin (None: no such termin)."""
        value = self._scalar("SELECT version FROM termins WHERE id = ?", (termin_id,))
        return None if value is None else int(value)

    def question_versions(self, termin_id: int) -> dict[int, int]:
        """The versions of a termin's questions, by question id."""
        rows = self.conn.execute(
            "SELECT id, version FROM questions WHERE termin_id = ?", (termin_id,)
        ).fetchall()
        return {int(r[0]): int(r[1]) for r in rows}

    # -- the hall's state ---------------------------------------------------------------------

    def hall_fingerprint(self, event_id: int, *, with_floor: bool = True) -> tuple[Any, ...]:
        """Something that changes whenever what the hall pages show may have changed.

        One query over small parts of the record (versions, counts, the meeting's
        settings, the rundown's moments and the speakers' states): cheap enough to run
        ten times a second while a page waits. ``with_floor``: the questions from the
        floor count too (the moderator's page shows them).
        """
        row = self.conn.execute(
            """
            SELECT
              (SELECT title FROM events WHERE id = :e),
              (SELECT group_concat(id || ':' || version, ',') FROM termins WHERE event_id = :e),
              (SELECT COUNT(*) || ':' || TOTAL(version) || ':' || TOTAL(id)
                 FROM questions WHERE event_id = :e),
              (SELECT COUNT(*) || ':' || TOTAL(version) || ':' || TOTAL(id)
                 FROM floor_questions WHERE event_id = :e AND :floor),
              (SELECT group_concat(key || '=' || value, ';') FROM event_settings
                 WHERE event_id = :e
                   AND (substr(key, 1, 5) = 'live.' OR substr(key, 1, 8) = 'meeting.')),
              (SELECT group_concat(id || ':' || position || ':' || title || ':'
                   || IFNULL(actual_start, '') || ':' || IFNULL(actual_end, ''), ',')
                 FROM rundown_items WHERE event_id = :e),
              (SELECT group_concat(id || ':' || rundown_item_id || ':' || position || ':'
                   || name || ':' || instansi || ':' || state || ':' || allotted_seconds || ':'
                   || IFNULL(started_at, '') || ':' || spoken_seconds, ',')
                 FROM speakers WHERE event_id = :e)
            """,
            {"e": event_id, "floor": 1 if with_floor else 0},
        ).fetchone()
        return tuple(row)

    def public_event_row(self, event_id: int) -> dict[str, Any] | None:
        """The event's title, venue, date and time zone, for the public pages."""
        return self._row(
            "SELECT uid, title, venue, date, timezone FROM events WHERE id = ?", (event_id,)
        )
