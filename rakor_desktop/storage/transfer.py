"""SQL for moving a whole event in and out (the event file).

A *dump* is plain data without any internal integer id: every row carries its
``uid`` and refers to other rows by their uid (``person_uid``, ``invitee_uid``,
``termin_uid`` …). :meth:`TransferQueries.dump_event` produces one from the
database and :meth:`TransferQueries.load_event` writes one back as a new event.
What the rows look like is described in ``docs/event-format.md``; deciding
which uids and check-in codes to keep is up to the caller
(:mod:`rakor_desktop.exports.eventfile`).
"""

from __future__ import annotations

from typing import Any

from rakor_desktop.models import Person

from .database import StorageBase
from .people import PERSON_FIELDS, invitee_search_text, person_from_row, person_search_key

# Tables whose rows carry a uid, for :meth:`TransferQueries.taken_uids`.
UID_TABLES: tuple[str, ...] = (
    "events",
    "persons",
    "invitees",
    "attendance_log",
    "rundown_items",
    "speakers",
    "termins",
    "questions",
    "follow_ups",
    "conclusions",
    "photos",
)

_EVENT_SQL = """
SELECT uid, title, date, end_date, start_time, end_time, timezone, call_time, venue,
       organizer_government, organizer_unit, organizer_address, invitation_number,
       invitation_date, description, created_at, updated_at
FROM events WHERE id = :event
"""

_PERSONS_SQL = """
SELECT p.uid, p.name, p.front_titles, p.back_titles, p.nip, p.pangkat, p.golongan, p.jabatan,
       p.instansi, p.group_name, p.phone, p.gender, p.created_at, p.updated_at
FROM persons AS p
WHERE p.id IN (SELECT person_id FROM invitees WHERE event_id = :event
               UNION SELECT person_id FROM event_officials WHERE event_id = :event)
ORDER BY p.id
"""

_OFFICIALS_SQL = """
SELECT o.role, p.uid AS person_uid
FROM event_officials AS o JOIN persons AS p ON p.id = o.person_id
WHERE o.event_id = :event
ORDER BY o.role
"""

_INVITEES_SQL = """
SELECT i.uid, p.uid AS person_uid, i.role, i.checkin_code, i.jabatan, i.instansi,
       i.group_name, i.position, i.created_at, i.walk_in
FROM invitees AS i JOIN persons AS p ON p.id = i.person_id
WHERE i.event_id = :event
ORDER BY i.position, i.id
"""

_ATTENDANCE_SQL = """
SELECT a.uid, i.uid AS invitee_uid, a.kind, a.target_uid, a.recorded_at, a.station, a.operator,
       a.on_behalf_name, a.on_behalf_jabatan, a.on_behalf_instansi, a.on_behalf_front_titles,
       a.on_behalf_back_titles, a.on_behalf_nip, a.on_behalf_pangkat, a.on_behalf_golongan,
       a.on_behalf_phone, a.reason, a.signature_png, a.received_at
FROM attendance_log AS a JOIN invitees AS i ON i.id = a.invitee_id
WHERE a.event_id = :event
ORDER BY a.recorded_at, a.uid
"""

_RUNDOWN_SQL = """
SELECT r.uid, r.position, r.kind, r.title, i.uid AS responsible_invitee_uid, r.responsible_text,
       r.planned_start, r.planned_minutes, r.actual_start, r.actual_end, r.notes
FROM rundown_items AS r LEFT JOIN invitees AS i ON i.id = r.responsible_invitee_id
WHERE r.event_id = :event
ORDER BY r.position, r.id
"""

_SPEAKERS_SQL = """
SELECT s.uid, r.uid AS rundown_item_uid, s.position, i.uid AS invitee_uid, s.name, s.instansi,
       s.state, s.allotted_seconds, s.started_at, s.ended_at, s.spoken_seconds
FROM speakers AS s
JOIN rundown_items AS r ON r.id = s.rundown_item_id
LEFT JOIN invitees AS i ON i.id = s.invitee_id
WHERE s.event_id = :event
ORDER BY r.position, r.id, s.position, s.id
"""

_TERMINS_SQL = """
SELECT uid, number, max_askers, opened_at, closed_at
FROM termins WHERE event_id = :event
ORDER BY number
"""

_QUESTIONS_SQL = """
SELECT q.uid, t.uid AS termin_uid, q.position, i.uid AS asker_invitee_uid, q.asker_name,
       q.asker_instansi, q.question, q.addressed_to, q.status, q.answer, q.answered_by,
       q.created_at
FROM questions AS q
JOIN termins AS t ON t.id = q.termin_id
LEFT JOIN invitees AS i ON i.id = q.asker_invitee_id
WHERE q.event_id = :event
ORDER BY t.number, q.position, q.id
"""

_FOLLOW_UPS_SQL = """
SELECT f.uid, q.uid AS question_uid, f.position, f.what, f.who, f.due
FROM follow_ups AS f LEFT JOIN questions AS q ON q.id = f.question_id
WHERE f.event_id = :event
ORDER BY f.position, f.id
"""

_CONCLUSIONS_SQL = """
SELECT uid, position, kind, body
FROM conclusions WHERE event_id = :event
ORDER BY position, id
"""

_PHOTOS_SQL = """
SELECT uid, position, filename, caption, mime, data
FROM photos WHERE event_id = :event
ORDER BY position, id
"""

_SETTINGS_SQL = "SELECT key, value FROM event_settings WHERE event_id = :event ORDER BY key"


class TransferQueries(StorageBase):
    """Dump an event with everything recorded for it, and load such a dump."""

    def dump_event(self, event_id: int) -> dict[str, Any] | None:
        """Everything recorded for one event, as rows referring to each other by uid.

        Returns:
            None when there is no such event; otherwise a dict with ``event`` (one
            row), ``persons`` (every directory person the event refers to),
            ``officials`` (role to person uid), ``invitees``, ``attendance_log``,
            ``rundown_items``, ``speakers``, ``termins``, ``questions``,
            ``follow_ups``, ``conclusions``, ``photos`` (lists of rows, in a stable
            order) and ``settings`` (key to value). Blobs are ``bytes``.
        """
        params = {"event": event_id}
        event = self._row(_EVENT_SQL, params)
        if event is None:
            return None
        officials = {r["role"]: r["person_uid"] for r in self._rows(_OFFICIALS_SQL, params)}
        attendance = self._rows(_ATTENDANCE_SQL, params)
        for row in attendance:
            if row["signature_png"] is not None:
                row["signature_png"] = bytes(row["signature_png"])
        photos = self._rows(_PHOTOS_SQL, params)
        for row in photos:
            row["data"] = bytes(row["data"])
        return {
            "event": event,
            "persons": self._rows(_PERSONS_SQL, params),
            "officials": officials,
            "invitees": self._rows(_INVITEES_SQL, params),
            "attendance_log": attendance,
            "rundown_items": self._rows(_RUNDOWN_SQL, params),
            "speakers": self._rows(_SPEAKERS_SQL, params),
            "termins": self._rows(_TERMINS_SQL, params),
            "questions": self._rows(_QUESTIONS_SQL, params),
            "follow_ups": self._rows(_FOLLOW_UPS_SQL, params),
            "conclusions": self._rows(_CONCLUSIONS_SQL, params),
            "photos": photos,
            "settings": {r["key"]: r["value"] for r in self._rows(_SETTINGS_SQL, params)},
        }

    def taken_uids(self, table: str, uids: list[str]) -> set[str]:
        """Which of ``uids`` are already used by rows of ``table`` (one of ``UID_TABLES``)."""
        if table not in UID_TABLES:
            raise ValueError(f"not a table with uids: {table}")
        taken: set[str] = set()
        for chunk in _chunks(uids):
            marks = ", ".join("?" for _ in chunk)
            rows = self.conn.execute(
                f"SELECT uid FROM {table} WHERE uid IN ({marks})", chunk
            ).fetchall()
            taken.update(r[0] for r in rows)
        return taken

    def taken_checkin_codes(self, codes: list[str]) -> set[str]:
        """Which of ``codes`` are already on an invitation (of any event)."""
        taken: set[str] = set()
        for chunk in _chunks(codes):
            marks = ", ".join("?" for _ in chunk)
            rows = self.conn.execute(
                f"SELECT checkin_code FROM invitees WHERE checkin_code IN ({marks})", chunk
            ).fetchall()
            taken.update(r[0] for r in rows)
        return taken

    def load_event(self, dump: dict[str, Any]) -> int:
        """Write a dump (the shape :meth:`dump_event` returns) as a new event.

        ``dump["persons"]`` holds only the persons to add to the directory; every
        person uid referred to must be in the database afterwards. Uids and check-in
        codes are written as given: the caller has made them free. Run inside
        :meth:`transaction`; returns the id of the new event.
        """
        event_id = self._insert("events", dump["event"])
        for person in dump["persons"]:
            fields = Person(**{name: person[name] for name in PERSON_FIELDS})
            self._insert("persons", {**person, "search_key": person_search_key(fields)})

        persons: dict[str, Person] = {}
        wanted = {i["person_uid"] for i in dump["invitees"]} | set(dump["officials"].values())
        for chunk in _chunks(sorted(wanted)):
            marks = ", ".join("?" for _ in chunk)
            for row in self._rows(f"SELECT * FROM persons WHERE uid IN ({marks})", chunk):
                persons[row["uid"]] = person_from_row(row)

        for role, person_uid in dump["officials"].items():
            self._write(
                "INSERT INTO event_officials (event_id, role, person_id) VALUES (?, ?, ?)",
                (event_id, role, persons[person_uid].id),
            )

        invitee_ids: dict[str, int] = {}
        for invitee in dump["invitees"]:
            row = dict(invitee)
            person = persons[row.pop("person_uid")]
            row.update(
                event_id=event_id,
                person_id=person.id,
                search_text=invitee_search_text(
                    person.name, row["jabatan"], row["instansi"], row["checkin_code"]
                ),
                sort_key=person_search_key(person),
            )
            invitee_ids[row["uid"]] = self._insert("invitees", row)

        for entry in dump["attendance_log"]:
            row = dict(entry)
            row.update(event_id=event_id, invitee_id=invitee_ids[row.pop("invitee_uid")])
            self._insert("attendance_log", row)

        item_ids: dict[str, int] = {}
        for item in dump["rundown_items"]:
            row = dict(item)
            row.update(
                event_id=event_id,
                responsible_invitee_id=_id_of(invitee_ids, row.pop("responsible_invitee_uid")),
            )
            item_ids[row["uid"]] = self._insert("rundown_items", row)

        for speaker in dump["speakers"]:
            row = dict(speaker)
            row.update(
                event_id=event_id,
                rundown_item_id=item_ids[row.pop("rundown_item_uid")],
                invitee_id=_id_of(invitee_ids, row.pop("invitee_uid")),
            )
            self._insert("speakers", row)

        termin_ids: dict[str, int] = {}
        for termin in dump["termins"]:
            termin_ids[termin["uid"]] = self._insert("termins", {**termin, "event_id": event_id})

        question_ids: dict[str, int] = {}
        for question in dump["questions"]:
            row = dict(question)
            row.update(
                event_id=event_id,
                termin_id=termin_ids[row.pop("termin_uid")],
                asker_invitee_id=_id_of(invitee_ids, row.pop("asker_invitee_uid")),
            )
            question_ids[row["uid"]] = self._insert("questions", row)

        for follow_up in dump["follow_ups"]:
            row = dict(follow_up)
            row.update(
                event_id=event_id, question_id=_id_of(question_ids, row.pop("question_uid"))
            )
            self._insert("follow_ups", row)

        for conclusion in dump["conclusions"]:
            self._insert("conclusions", {**conclusion, "event_id": event_id})
        for photo in dump["photos"]:
            self._insert("photos", {**photo, "event_id": event_id})
        for key, value in dump["settings"].items():
            self._write(
                "INSERT INTO event_settings (event_id, key, value) VALUES (?, ?, ?)",
                (event_id, key, value),
            )
        return event_id

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        cursor = self._write(f"INSERT INTO {table} ({columns}) VALUES ({marks})", row)
        return int(cursor.lastrowid or 0)


def _id_of(ids: dict[str, int], uid: str | None) -> int | None:
    return None if uid is None else ids[uid]


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    """Split a list for ``IN (...)`` (SQLite limits the number of parameters)."""
    return [values[i : i + size] for i in range(0, len(values), size)]
