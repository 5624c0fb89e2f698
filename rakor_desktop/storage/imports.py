"""SQL for importing invitation lists: duplicate detection against the list and the directory.

The lookups take a whole list at once (in chunks of bound parameters) and use the
indexes ``persons_nip`` and ``persons_search``: a list of 20,000 rows against a
directory of 20,000 people costs a few dozen indexed queries, not a scan per row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from rakor_desktop.clock import to_iso
from rakor_desktop.models import Invitee, Person, Role

from .database import StorageBase
from .people import PERSON_FIELDS, invitee_search_text, person_from_row, person_search_key

_CHUNK = 500
"""Values bound per query: well below SQLite's limit on bound parameters."""


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


class ImportQueries(StorageBase):
    """Queries of this area (see the module docstring)."""

    def persons_with_nips(self, nips: Iterable[str]) -> dict[str, Person]:
        """The directory persons holding these NIPs, by NIP (unknown NIPs are absent)."""
        found: dict[str, Person] = {}
        for chunk in _chunks(n for n in nips if n):
            marks = ", ".join("?" for _ in chunk)
            # "nip <> ''" lets SQLite use the partial index persons_nip.
            for row in self._rows(
                f"SELECT * FROM persons WHERE nip <> '' AND nip IN ({marks})", chunk
            ):
                found[row["nip"]] = person_from_row(row)
        return found

    def persons_with_name_keys(self, keys: Iterable[str]) -> dict[str, list[Person]]:
        """The directory persons whose name (without titles, folded) is one of ``keys``.

        Returns:
            For each key found, its persons, oldest first.
        """
        found: dict[str, list[Person]] = {}
        for chunk in _chunks(k for k in keys if k):
            marks = ", ".join("?" for _ in chunk)
            for row in self._rows(
                f"SELECT * FROM persons WHERE search_key IN ({marks}) ORDER BY id", chunk
            ):
                found.setdefault(row["search_key"], []).append(person_from_row(row))
        return found

    def invitations_by_person(self, event_id: int) -> dict[int, int]:
        """The invitation list of an event as ``{person id: invitee id}``."""
        return {
            int(person_id): int(invitee_id)
            for person_id, invitee_id in self.conn.execute(
                "SELECT person_id, id FROM invitees WHERE event_id = ?", (event_id,)
            )
        }

    def existing_checkin_codes(self, codes: Iterable[str]) -> set[str]:
        """Those of ``codes`` already used by an invitee (of any event)."""
        taken: set[str] = set()
        for chunk in _chunks(codes):
            marks = ", ".join("?" for _ in chunk)
            taken.update(
                row[0]
                for row in self.conn.execute(
                    f"SELECT checkin_code FROM invitees WHERE checkin_code IN ({marks})", chunk
                )
            )
        return taken

    def get_person_search_key(self, person_id: int) -> str | None:
        """The stored search key (folded name) of a directory person, or None."""
        value = self._scalar("SELECT search_key FROM persons WHERE id = ?", (person_id,))
        return None if value is None else str(value)

    def insert_persons(self, persons: Sequence[Person], *, now: datetime) -> None:
        """Add many people to the directory at once; sets the ``id`` (and ``uid``) of each.

        The rows are those :meth:`PeopleQueries.insert_person` writes.
        """
        if not persons:
            return
        stamp = to_iso(now)
        rows = []
        for person in persons:
            person.uid = person.uid or str(uuid.uuid4())
            row = {name: getattr(person, name) for name in PERSON_FIELDS}
            row.update(
                uid=person.uid, search_key=person_search_key(person),
                created_at=stamp, updated_at=stamp,
            )  # fmt: skip
            rows.append(row)
        columns = ", ".join(rows[0])
        marks = ", ".join(f":{c}" for c in rows[0])
        self.conn.executemany(f"INSERT INTO persons ({columns}) VALUES ({marks})", rows)
        ids = self._ids_by_uid("persons", [p.uid for p in persons])
        for person in persons:
            person.id = ids[person.uid]

    def update_person_rows(self, persons: Sequence[Person], *, now: datetime) -> None:
        """Save directory people whose name (search key) did not change.

        As :meth:`PeopleQueries.update_person` without rebuilding the search text of
        their invitations, which holds only the name (unchanged) and the invitations'
        own jabatan/instansi: merging a list of 20,000 people must not rewrite the
        invitations of earlier events.
        """
        if not persons:
            return
        stamp = to_iso(now)
        rows = []
        for person in persons:
            row: dict[str, Any] = {name: getattr(person, name) for name in PERSON_FIELDS}
            row.update(search_key=person_search_key(person), updated_at=stamp, id=person.id)
            rows.append(row)
        assignments = ", ".join(f"{c} = :{c}" for c in rows[0] if c != "id")
        self.conn.executemany(f"UPDATE persons SET {assignments} WHERE id = :id", rows)

    def insert_invitations(self, invitees: Sequence[Invitee], *, now: datetime) -> list[int]:
        """Put many directory people on invitation lists at once (positions and codes given).

        The rows are those :meth:`PeopleQueries.insert_invitee` writes.

        Returns:
            The ids of the invitations, in the order given.
        """
        if not invitees:
            return []
        stamp = to_iso(now)
        rows = []
        for invitee in invitees:
            invitee.uid = invitee.uid or str(uuid.uuid4())
            person = invitee.person
            rows.append({
                "uid": invitee.uid,
                "event_id": invitee.event_id,
                "person_id": person.id,
                "role": Role(invitee.role).value,
                "checkin_code": invitee.checkin_code,
                "jabatan": invitee.jabatan,
                "instansi": invitee.instansi,
                "group_name": invitee.group_name,
                "position": invitee.position,
                "search_text": invitee_search_text(
                    person.name, invitee.jabatan, invitee.instansi, invitee.checkin_code
                ),
                "sort_key": person_search_key(person),
                "created_at": stamp,
            })  # fmt: skip
        columns = ", ".join(rows[0])
        marks = ", ".join(f":{c}" for c in rows[0])
        self.conn.executemany(f"INSERT INTO invitees ({columns}) VALUES ({marks})", rows)
        ids = self._ids_by_uid("invitees", [i.uid for i in invitees])
        for invitee in invitees:
            invitee.id = ids[invitee.uid]
        return [ids[i.uid] for i in invitees]

    def _ids_by_uid(self, table: str, uids: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(uids):
            marks = ", ".join("?" for _ in chunk)
            for row_id, uid in self.conn.execute(
                f"SELECT id, uid FROM {table} WHERE uid IN ({marks})", chunk
            ):
                found[uid] = int(row_id)
        return found

    def next_invitee_position(self, event_id: int) -> int:
        """The position after the last one of an event's invitation list."""
        return int(
            self._scalar(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM invitees WHERE event_id = ?",
                (event_id,),
            )
        )

    def update_invitation_from_list(
        self,
        invitee_id: int,
        *,
        role: Role | None,
        jabatan: str,
        instansi: str,
        group_name: str,
    ) -> None:
        """Refresh one invitation from a list imported again; empty values keep what is there.

        The role changes only when given (the list named it). The check-in code,
        the position and the attendance are never touched.
        """
        current = self._row(
            "SELECT i.role, i.jabatan, i.instansi, i.group_name, i.checkin_code, p.name "
            "FROM invitees AS i JOIN persons AS p ON p.id = i.person_id WHERE i.id = ?",
            (invitee_id,),
        )
        if current is None:
            return
        row: dict[str, Any] = {
            "id": invitee_id,
            "role": current["role"] if role is None else Role(role).value,
            "jabatan": jabatan or current["jabatan"],
            "instansi": instansi or current["instansi"],
            "group_name": group_name or current["group_name"],
        }
        row["search_text"] = invitee_search_text(
            current["name"], row["jabatan"], row["instansi"], current["checkin_code"]
        )
        self._write(
            "UPDATE invitees SET role = :role, jabatan = :jabatan, instansi = :instansi, "
            "group_name = :group_name, search_text = :search_text WHERE id = :id",
            row,
        )
