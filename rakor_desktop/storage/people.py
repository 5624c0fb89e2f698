"""SQL for the person directory and the invitation lists."""

from __future__ import annotations

import uuid
from dataclasses import fields
from datetime import datetime
from typing import Any

from rakor_desktop.clock import from_iso, to_iso
from rakor_desktop.formatting import name_search_key, normalize_for_search, split_titles
from rakor_desktop.models import Invitee, Person, Role

from .database import StorageBase

PERSON_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Person) if f.name not in {"id", "uid"}
)

_INVITEE_SELECT = """
SELECT i.id AS i_id, i.uid AS i_uid, i.event_id, i.role, i.checkin_code, i.jabatan AS i_jabatan,
       i.instansi AS i_instansi, i.group_name AS i_group_name, i.position, i.walk_in,
       p.*, pr.first_checkin_at
FROM invitees AS i
JOIN persons AS p ON p.id = i.person_id
LEFT JOIN presence AS pr ON pr.invitee_id = i.id
"""


def person_from_row(row: dict[str, Any]) -> Person:
    """Build a :class:`Person` from a row of ``persons``."""
    return Person(**{name: row[name] for name in PERSON_FIELDS}, id=row["id"], uid=row["uid"])


def _invitee_from_row(row: dict[str, Any]) -> Invitee:
    return Invitee(
        event_id=row["event_id"],
        person=person_from_row(row),
        role=Role(row["role"]),
        checkin_code=row["checkin_code"],
        jabatan=row["i_jabatan"],
        instansi=row["i_instansi"],
        group_name=row["i_group_name"],
        position=row["position"],
        id=row["i_id"],
        uid=row["i_uid"],
        first_checkin_at=from_iso(row["first_checkin_at"]),
        walk_in=bool(row["walk_in"]),
    )


def person_search_key(person: Person) -> str:
    """What directory search matches: the name without titles, normalised."""
    return name_search_key(person.name)


def invitee_search_text(name: str, jabatan: str, instansi: str, code: str = "") -> str:
    """What the check-in search matches inside words: name (no titles), jabatan, instansi.

    The check-in code is matched apart, from its start (see ``_invitee_filter``): a
    random code must not make "dr" find someone whose code happens to hold "DR".
    """
    del code
    parts = [name_search_key(name), *(normalize_for_search(x) for x in (jabatan, instansi))]
    return " ".join(part for part in parts if part)


def search_tokens(query: str) -> list[str]:
    """The words to look for. Titles typed with a name ("Dr. H. Sri Purwaningsih, M.Si.")
    are dropped, as names are stored without them; a query of titles alone is kept."""
    _front, bare, _back = split_titles(query)
    return normalize_for_search(bare if bare.strip() else query).split()


MIN_CODE_PREFIX = 4  # characters of a check-in code that find it


def _like_pattern(token: str) -> str:
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class PeopleQueries(StorageBase):
    """Persons (the directory, across events) and invitees (per event)."""

    # -- persons -------------------------------------------------------------------

    def insert_person(self, person: Person, *, now: datetime) -> int:
        """Add a person to the directory; returns the id."""
        row = {name: getattr(person, name) for name in PERSON_FIELDS}
        row["uid"] = person.uid or str(uuid.uuid4())
        row["search_key"] = person_search_key(person)
        row["created_at"] = row["updated_at"] = to_iso(now)
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        return int(
            self._write(f"INSERT INTO persons ({columns}) VALUES ({marks})", row).lastrowid or 0
        )

    def update_person(self, person: Person, *, now: datetime) -> None:
        """Save a changed person (and refresh the search text of their invitations)."""
        row: dict[str, Any] = {name: getattr(person, name) for name in PERSON_FIELDS}
        row["search_key"] = person_search_key(person)
        row["updated_at"] = to_iso(now)
        row["id"] = person.id
        assignments = ", ".join(f"{c} = :{c}" for c in row if c != "id")
        self._write(f"UPDATE persons SET {assignments} WHERE id = :id", row)
        for invitation in self._rows(
            "SELECT id, jabatan, instansi, checkin_code FROM invitees WHERE person_id = ?",
            (person.id,),
        ):
            self._write(
                "UPDATE invitees SET search_text = ?, sort_key = ? WHERE id = ?",
                (
                    invitee_search_text(
                        person.name,
                        invitation["jabatan"],
                        invitation["instansi"],
                        invitation["checkin_code"],
                    ),
                    row["search_key"],
                    invitation["id"],
                ),
            )

    def get_person(self, person_id: int) -> Person | None:
        """The person with this id, or None."""
        row = self._row("SELECT * FROM persons WHERE id = ?", (person_id,))
        return None if row is None else person_from_row(row)

    def find_person_by_nip(self, nip: str) -> Person | None:
        """The person with this NIP (18 digits) or NRP, or None."""
        if not nip:
            return None
        # "nip <> ''" lets SQLite use the partial index persons_nip.
        row = self._row("SELECT * FROM persons WHERE nip = ? AND nip <> ''", (nip,))
        return None if row is None else person_from_row(row)

    def find_persons_by_name(self, name: str, instansi: str | None = None) -> list[Person]:
        """Persons with exactly this name (titles and case ignored).

        With ``instansi`` (even empty), only those of that same instansi: two people
        of one name in different offices are different people.
        """
        key = name_search_key(name)
        rows = self._rows("SELECT * FROM persons WHERE search_key = ? ORDER BY id", (key,))
        persons = [person_from_row(r) for r in rows]
        if instansi is not None:
            wanted = normalize_for_search(instansi)
            persons = [p for p in persons if normalize_for_search(p.instansi) == wanted]
        return persons

    def search_persons(self, query: str, *, limit: int = 20) -> list[Person]:
        """Directory search: every word of the query appears in the name; prefix matches first."""
        tokens = search_tokens(query)
        if not tokens:
            return []
        where = " AND ".join("search_key LIKE ? ESCAPE '\\'" for _ in tokens)
        params: list[Any] = [_like_pattern(t) for t in tokens]
        rows = self._rows(
            f"SELECT * FROM persons WHERE {where} "
            "ORDER BY (search_key LIKE ? ESCAPE '\\') DESC, search_key LIMIT ?",
            [*params, tokens[0].replace("%", "") + "%", limit],
        )
        return [person_from_row(r) for r in rows]

    # -- invitees ------------------------------------------------------------------

    def checkin_code_exists(self, code: str) -> bool:
        """Whether a check-in code is taken (codes are unique across all events)."""
        return self._scalar("SELECT 1 FROM invitees WHERE checkin_code = ?", (code,)) is not None

    def insert_invitee(self, invitee: Invitee, *, now: datetime) -> int:
        """Invite a directory person to an event; returns the invitee id."""
        person = invitee.person
        if invitee.position == 0:
            invitee.position = int(
                self._scalar(
                    "SELECT COALESCE(MAX(position), 0) + 1 FROM invitees WHERE event_id = ?",
                    (invitee.event_id,),
                )
            )
        row = {
            "uid": invitee.uid or str(uuid.uuid4()),
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
            "created_at": to_iso(now),
            "walk_in": int(invitee.walk_in),
        }
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        return int(
            self._write(f"INSERT INTO invitees ({columns}) VALUES ({marks})", row).lastrowid or 0
        )

    def get_invitee(self, invitee_id: int) -> Invitee | None:
        """One invitee with person and presence, or None."""
        row = self._row(_INVITEE_SELECT + " WHERE i.id = ?", (invitee_id,))
        return None if row is None else _invitee_from_row(row)

    def get_invitee_by_code(self, event_id: int, code: str) -> Invitee | None:
        """The invitee of this event with this check-in code (case-insensitive), or None."""
        row = self._row(
            _INVITEE_SELECT + " WHERE i.event_id = ? AND i.checkin_code = ?",
            (event_id, code.strip().upper()),
        )
        return None if row is None else _invitee_from_row(row)

    def find_invitee_of_person(self, event_id: int, person_id: int) -> Invitee | None:
        """The invitation of a directory person to an event, or None."""
        row = self._row(
            _INVITEE_SELECT + " WHERE i.event_id = ? AND i.person_id = ?", (event_id, person_id)
        )
        return None if row is None else _invitee_from_row(row)

    def count_invitees(self, event_id: int, query: str = "") -> int:
        """How many invitees match ``query`` (all when empty)."""
        where, params = self._invitee_filter(event_id, query)
        return int(self._scalar(f"SELECT COUNT(*) FROM invitees AS i WHERE {where}", params))

    def list_invitees(
        self, event_id: int, query: str = "", *, limit: int = -1, offset: int = 0
    ) -> list[Invitee]:
        """Invitees of an event matching ``query``, best matches first.

        Every word of the query must appear in the name (without titles), jabatan,
        instansi or code. An exact code comes first, then names starting with the
        query, then names with a word starting with it, then the rest; each by name.
        Without a query, the list is in the order of the invitation list.
        """
        where, params = self._invitee_filter(event_id, query)
        tokens = search_tokens(query)
        if tokens:
            first = tokens[0].replace("%", "").replace("_", "")
            order = (
                "CASE WHEN i.checkin_code = ? THEN 0 WHEN i.sort_key LIKE ? THEN 1 "
                "WHEN (' ' || i.sort_key) LIKE ? THEN 2 ELSE 3 END, i.sort_key, i.id"
            )
            params = [*params, query.strip().upper(), first + "%", "% " + first + "%"]
        else:
            order = "i.position, i.id"
        rows = self._rows(
            f"{_INVITEE_SELECT} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [_invitee_from_row(r) for r in rows]

    def _invitee_filter(self, event_id: int, query: str) -> tuple[str, list[Any]]:
        tokens = search_tokens(query)
        if not tokens:
            return "i.event_id = ?", [event_id]
        words = " AND ".join("i.search_text LIKE ? ESCAPE '\\'" for _ in tokens)
        params: list[Any] = [event_id, *(_like_pattern(t) for t in tokens)]
        code = query.strip().upper()
        if len(code) >= MIN_CODE_PREFIX and code.isalnum():
            # A code typed (or scanned) from a card: matched from its start.
            return f"i.event_id = ? AND (({words}) OR i.checkin_code LIKE ?)", [*params, code + "%"]
        return f"i.event_id = ? AND {words}", params

    def invitee_has_attendance(self, invitee_id: int) -> bool:
        """Whether anything was ever recorded in the attendance log for this invitee."""
        return (
            self._scalar("SELECT 1 FROM attendance_log WHERE invitee_id = ? LIMIT 1", (invitee_id,))
            is not None
        )

    def delete_invitee(self, invitee_id: int) -> None:
        """Remove an invitation (callers refuse this once attendance was recorded)."""
        self._write("DELETE FROM invitees WHERE id = ?", (invitee_id,))

    # -- editing invitations by hand (issue 3, item 2) -------------------------------

    def update_invitee_fields(
        self,
        invitee_id: int,
        *,
        role: Role | None = None,
        jabatan: str | None = None,
        instansi: str | None = None,
        group_name: str | None = None,
    ) -> None:
        """Change what is specific to one invitation (None keeps a field as it is).

        The search text is rebuilt from the person's name and the new jabatan/instansi;
        the check-in code, the position and the attendance are never touched.
        """
        current = self._row(
            "SELECT i.role, i.jabatan, i.instansi, i.group_name, i.checkin_code, p.name "
            "FROM invitees AS i JOIN persons AS p ON p.id = i.person_id WHERE i.id = ?",
            (invitee_id,),
        )
        if current is None:
            return
        row: dict[str, Any] = {
            "role": Role(role).value if role is not None else current["role"],
            "jabatan": current["jabatan"] if jabatan is None else jabatan,
            "instansi": current["instansi"] if instansi is None else instansi,
            "group_name": current["group_name"] if group_name is None else group_name,
            "id": invitee_id,
        }
        row["search_text"] = invitee_search_text(
            current["name"], row["jabatan"], row["instansi"], current["checkin_code"]
        )
        self._write(
            "UPDATE invitees SET role = :role, jabatan = :jabatan, instansi = :instansi, "
            "group_name = :group_name, search_text = :search_text WHERE id = :id",
            row,
        )

    def list_invitee_groups(self, event_id: int) -> list[str]:
        """The groups used on an event's invitation list (not empty), in list order."""
        rows = self._rows(
            "SELECT group_name FROM invitees WHERE event_id = ? AND group_name <> '' "
            "GROUP BY group_name ORDER BY MIN(position), group_name",
            (event_id,),
        )
        return [r["group_name"] for r in rows]

    def list_invitees_by_id(self, event_id: int, invitee_ids: list[int]) -> list[Invitee]:
        """These invitees of an event, in the order of the invitation list."""
        found: list[Invitee] = []
        chunk = 500  # well below SQLite's limit on bound parameters
        for start in range(0, len(invitee_ids), chunk):
            ids = invitee_ids[start:start + chunk]
            marks = ", ".join("?" for _ in ids)
            rows = self._rows(
                f"{_INVITEE_SELECT} WHERE i.event_id = ? AND i.id IN ({marks})",
                [event_id, *ids],
            )
            found.extend(_invitee_from_row(r) for r in rows)
        return sorted(found, key=lambda invitee: (invitee.position, invitee.id or 0))

    def invitee_list_row(self, event_id: int, invitee_id: int) -> int | None:
        """The row of an invitee in the unfiltered list (position order), or None."""
        row = self._row(
            "SELECT position, id FROM invitees WHERE id = ? AND event_id = ?",
            (invitee_id, event_id),
        )
        if row is None:
            return None
        return int(
            self._scalar(
                "SELECT COUNT(*) FROM invitees WHERE event_id = ? "
                "AND (position < ? OR (position = ? AND id < ?))",
                (event_id, row["position"], row["position"], row["id"]),
            )
        )
