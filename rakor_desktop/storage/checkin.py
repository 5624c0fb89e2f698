"""SQL for the check-in desk: fast search, recent arrivals, live counts, the attendance list.

The desk searches with the full-text index ``invitees_fts`` (words matched from their
start, see MIGRATION_2) in tiers, each read in index order and only as far as the
screen needs: an exact or started check-in code first, then names starting with the
first word typed, then names with a later word starting with it, then matches in the
jabatan or instansi. No tier sorts the whole list, so a keystroke costs about the
same with 200 or 20,000 invitees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rakor_desktop.clock import from_iso
from rakor_desktop.models import Role

from .attendance import present_per_group
from .database import StorageBase
from .people import MIN_CODE_PREFIX, search_tokens

# Above every character: "abc" <= key < "abc" + _TOP holds for every key starting with "abc".
_TOP = "\U0010ffff"

# The tiers of a search, best first.
TIER_RECENT = 0  # empty query: the latest arrivals, newest first
TIER_CODE = 1  # the query is (the start of) a check-in code, 6 characters or more
TIER_NAME_START = 2  # the name (without titles) starts with the first word
TIER_NAME_WORD = 3  # a later word of the name starts with it
TIER_OTHER = 4  # the words start words of the jabatan or instansi
TIER_CODE_LATE = 5  # a code starting with 4 or 5 characters typed, after every name
TIER_INSIDE = 6  # only when nothing above matched: the words inside words ("wati")

# Four characters of a code are matched by 2 % of 20,000 random codes: typing "agus"
# must show the Aguses first. From six characters on, a name almost never is a code.
CODE_FIRST_LENGTH = 6

@dataclass(frozen=True)
class DeskRow:
    """One line of the desk's result list."""

    invitee_id: int
    name: str
    front_titles: str
    back_titles: str
    nip: str
    jabatan: str
    instansi: str
    group_name: str
    checkin_code: str
    role: Role
    position: int
    first_checkin_at: datetime | None = None
    checkin_uid: str = ""
    on_behalf_name: str = ""
    on_behalf_jabatan: str = ""
    on_behalf_instansi: str = ""


@dataclass(frozen=True)
class DeskCursor:
    """Where the next page of a search starts: a tier and how many of it were read."""

    tier: int
    offset: int


@dataclass(frozen=True)
class DeskPage:
    """A page of search results and where the next one starts (None: no more)."""

    rows: list[DeskRow]
    next: DeskCursor | None


@dataclass(frozen=True)
class GroupCount:
    """Present and invited of one group, in the order of the invitation list."""

    group_name: str
    present: int
    invited: int


@dataclass(frozen=True)
class AttendanceRow:
    """One arrival for the attendance export, with the invitee and the delegate."""

    invitee_id: int
    name: str
    front_titles: str
    back_titles: str
    nip: str
    jabatan: str
    instansi: str
    group_name: str
    checked_in_at: datetime
    station: str
    operator: str
    on_behalf_name: str
    on_behalf_jabatan: str
    on_behalf_instansi: str
    pangkat: str = ""
    golongan: str = ""
    phone: str = ""
    on_behalf_front_titles: str = ""
    on_behalf_back_titles: str = ""
    on_behalf_nip: str = ""
    on_behalf_pangkat: str = ""
    on_behalf_golongan: str = ""
    on_behalf_phone: str = ""


@dataclass(frozen=True)
class _Search:
    tokens: list[str]
    code: str  # the query as a code prefix (4 characters or more), or ""

    @property
    def code_first(self) -> bool:
        return len(self.code) >= CODE_FIRST_LENGTH

    @property
    def inside_worth_trying(self) -> bool:
        """Words of 3 letters or more (not a code being scanned, "K7", "K7Q", ...)."""
        return bool(self.tokens) and all(len(t) >= 3 and t.isalpha() for t in self.tokens)


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"*'


def _like_inside(token: str) -> str:
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _parse(query: str) -> _Search:
    code = query.strip().upper()
    usable_code = len(code) >= MIN_CODE_PREFIX and code.isascii() and code.isalnum()
    return _Search(tokens=search_tokens(query), code=code if usable_code else "")


def _tiers(search: _Search) -> list[int]:
    if not search.tokens and not search.code:
        return [TIER_RECENT]
    tiers = [TIER_CODE] if search.code_first else []
    if search.tokens:
        tiers += [TIER_NAME_START, TIER_NAME_WORD, TIER_OTHER]
    if search.code and not search.code_first:
        tiers.append(TIER_CODE_LATE)
    return tiers


def _glob_literal(token: str) -> str:
    """A token made safe inside a GLOB pattern (tokens are letters and digits, but still)."""
    return "".join(f"[{c}]" if c in "*?[]" else c for c in token)


def _in_list(values: list[int]) -> str:
    return ", ".join("?" for _ in values)


class CheckinQueries(StorageBase):
    """Queries of the check-in desk (see the module docstring)."""

    # -- search --------------------------------------------------------------------

    def desk_search(
        self,
        event_id: int,
        query: str,
        *,
        limit: int = 50,
        cursor: DeskCursor | None = None,
        inside: bool = True,
    ) -> DeskPage:
        """A page of the desk's results for what was typed, best matches first.

        An empty query gives the latest arrivals (newest first). Otherwise: a check-in
        code starting with the query (from 6 characters), names starting with its first
        word, names with a later word starting with it, invitees whose jabatan or instansi
        have words starting with the words typed, then codes starting with 4 or 5
        characters typed. Every word typed must start a word of the name (without
        titles), jabatan or instansi; case and accents are ignored. Only when nothing
        matches so, and with ``inside``, are words of three letters or more looked for
        inside words ("wati" finds Rahmawati): a scan of the whole list, about 25 ms
        for 20,000 invitees, which the desk runs only once the typing pauses.
        """
        search = _parse(query)
        tiers = _tiers(search)
        if cursor is not None and cursor.tier == TIER_INSIDE:
            tiers = [TIER_INSIDE]
        cursor = cursor or DeskCursor(tiers[0], 0)
        ids: list[int] = []
        position = tiers.index(cursor.tier) if cursor.tier in tiers else len(tiers)
        offset = cursor.offset
        next_cursor: DeskCursor | None = None
        while position < len(tiers) and len(ids) < limit:
            tier = tiers[position]
            wanted = limit - len(ids)
            found = self._tier_ids(event_id, tier, search, wanted, offset)
            ids += found
            if len(found) == wanted:
                next_cursor = DeskCursor(tier, offset + wanted)
                break
            position += 1
            offset = 0
        first_page = cursor.offset == 0 and cursor.tier == tiers[0]
        if (
            inside and not ids and first_page and search.inside_worth_trying
            and tiers != [TIER_INSIDE]
        ):
            ids = self._tier_ids(event_id, TIER_INSIDE, search, limit, 0)
            next_cursor = DeskCursor(TIER_INSIDE, limit) if len(ids) == limit else None
        return DeskPage(rows=self.desk_rows(ids), next=next_cursor)

    def _tier_ids(
        self, event_id: int, tier: int, search: _Search, limit: int, offset: int
    ) -> list[int]:
        if tier == TIER_RECENT:
            sql = (
                "SELECT invitee_id FROM presence WHERE event_id = ? "
                "ORDER BY first_checkin_at DESC, invitee_id DESC LIMIT ? OFFSET ?"
            )
            return [r[0] for r in self.conn.execute(sql, (event_id, limit, offset))]
        all_words = " AND ".join(_fts_phrase(t) for t in search.tokens)
        if tier in (TIER_CODE, TIER_CODE_LATE):
            # "+event_id": look the code up in its own index, not through the event's.
            sql = (
                "SELECT id FROM invitees WHERE checkin_code >= ? AND checkin_code < ? "
                "AND +event_id = ?"
            )
            params: list[Any] = [search.code, search.code + _TOP, event_id]
            if tier == TIER_CODE_LATE and search.tokens:  # shown already as a name
                sql += " AND id NOT IN (SELECT rowid FROM invitees_fts WHERE invitees_fts MATCH ?)"
                params.append(all_words)
            sql += " ORDER BY checkin_code LIMIT ? OFFSET ?"
            return [r[0] for r in self.conn.execute(sql, [*params, limit, offset])]
        first, rest = search.tokens[0], search.tokens[1:]
        not_code = ""
        code_params: list[Any] = []
        if search.code_first:
            not_code = " AND NOT (i.checkin_code >= ? AND i.checkin_code < ?)"
            code_params = [search.code, search.code + _TOP]
        if tier == TIER_NAME_START:
            # In the order of the (event_id, sort_key) index: stops after ``limit`` rows.
            others = "".join(" AND (' ' || i.search_text) GLOB ?" for _ in rest)
            sql = (
                "SELECT i.id FROM invitees AS i WHERE i.event_id = ? "
                f"AND i.sort_key >= ? AND i.sort_key < ?{others}{not_code} "
                "ORDER BY i.sort_key, i.id LIMIT ? OFFSET ?"
            )
            params = [
                event_id, first, first + _TOP, *(f"* {_glob_literal(t)}*" for t in rest),
                *code_params, limit, offset,
            ]  # fmt: skip
            return [r[0] for r in self.conn.execute(sql, params)]
        if tier == TIER_NAME_WORD:
            match = " AND ".join(
                [f"(sort_key : {_fts_phrase(first)})", *(_fts_phrase(t) for t in rest)]
            )
            sql = (
                # CROSS JOIN: the matches first, then sorted (the planner would otherwise
                # walk the name index and ask the full-text index once per row: seconds).
                "SELECT i.id FROM invitees_fts AS f CROSS JOIN invitees AS i ON i.id = f.rowid "
                "WHERE invitees_fts MATCH ? AND i.event_id = ? "
                f"AND NOT (i.sort_key >= ? AND i.sort_key < ?){not_code} "
                "ORDER BY i.sort_key, i.id LIMIT ? OFFSET ?"
            )
            params = [match, event_id, first, first + _TOP, *code_params, limit, offset]
            return [r[0] for r in self.conn.execute(sql, params)]
        if tier == TIER_OTHER:
            # In the order of the list (the index's own order: nothing to sort).
            match = f"({all_words}) NOT (sort_key : {_fts_phrase(first)})"
            sql = (
                "SELECT i.id FROM invitees_fts AS f CROSS JOIN invitees AS i ON i.id = f.rowid "
                f"WHERE invitees_fts MATCH ? AND i.event_id = ?{not_code} "
                "ORDER BY f.rowid LIMIT ? OFFSET ?"
            )
            params = [match, event_id, *code_params, limit, offset]
            return [r[0] for r in self.conn.execute(sql, params)]
        # TIER_INSIDE: every word somewhere inside the search text (a scan of the list).
        inside = " AND ".join("i.search_text LIKE ? ESCAPE '\\'" for _ in search.tokens)
        sql = (
            f"SELECT i.id FROM invitees AS i WHERE i.event_id = ? AND {inside} "
            "ORDER BY i.sort_key, i.id LIMIT ? OFFSET ?"
        )
        params = [event_id, *(_like_inside(t) for t in search.tokens), limit, offset]
        return [r[0] for r in self.conn.execute(sql, params)]

    def desk_rows(self, invitee_ids: list[int]) -> list[DeskRow]:
        """The desk's lines for these invitees, in the order given (unknown ids left out)."""
        if not invitee_ids:
            return []
        marks = _in_list(invitee_ids)
        people = {
            r["id"]: r
            for r in self._rows(
                "SELECT i.id, i.checkin_code, i.jabatan, i.instansi, i.group_name, i.role, "
                "i.position, p.name, p.front_titles, p.back_titles, p.nip "
                "FROM invitees AS i JOIN persons AS p ON p.id = i.person_id "
                f"WHERE i.id IN ({marks})",
                invitee_ids,
            )
        }
        present = {
            r["invitee_id"]: r
            for r in self._rows(
                "SELECT invitee_id, first_checkin_at, checkin_uid, on_behalf_name, "
                "on_behalf_jabatan, on_behalf_instansi FROM presence "
                f"WHERE invitee_id IN ({marks})",
                invitee_ids,
            )
        }
        rows: list[DeskRow] = []
        for invitee_id in invitee_ids:
            row = people.get(invitee_id)
            if row is None:
                continue
            arrival = present.get(invitee_id)
            rows.append(
                DeskRow(
                    invitee_id=invitee_id,
                    name=row["name"],
                    front_titles=row["front_titles"],
                    back_titles=row["back_titles"],
                    nip=row["nip"],
                    jabatan=row["jabatan"],
                    instansi=row["instansi"],
                    group_name=row["group_name"],
                    checkin_code=row["checkin_code"],
                    role=Role(row["role"]),
                    position=row["position"],
                    first_checkin_at=from_iso(arrival["first_checkin_at"]) if arrival else None,
                    checkin_uid=arrival["checkin_uid"] if arrival else "",
                    on_behalf_name=arrival["on_behalf_name"] if arrival else "",
                    on_behalf_jabatan=arrival["on_behalf_jabatan"] if arrival else "",
                    on_behalf_instansi=arrival["on_behalf_instansi"] if arrival else "",
                )
            )
        return rows

    # -- live counts -----------------------------------------------------------------

    def group_counts(self, event_id: int) -> list[GroupCount]:
        """Present and invited per group, groups in the order they first appear in the list."""
        # MIN(id) is in the (event_id, group_name) index: no row of the table is read.
        invited = self._rows(
            "SELECT group_name, COUNT(*) AS n, MIN(id) AS first FROM invitees "
            "WHERE event_id = ? GROUP BY group_name ORDER BY first",
            (event_id,),
        )
        present = present_per_group(self.conn, event_id)
        return [
            GroupCount(r["group_name"], present.get(r["group_name"], 0), r["n"]) for r in invited
        ]

    def arrivals_per_ten_minutes(self, event_id: int) -> list[tuple[datetime, int]]:
        """First arrivals per 10 minutes (UTC start of each slot), only slots with arrivals.

        Every time zone of Indonesia is a whole number of hours from UTC, so a slot in
        UTC is the same slot on the wall clock of the event.
        """
        rows = self.conn.execute(
            "SELECT substr(first_checkin_at, 1, 15) AS slot, COUNT(*) FROM presence "
            "WHERE event_id = ? GROUP BY slot ORDER BY slot",
            (event_id,),
        ).fetchall()
        return [
            (datetime.fromisoformat(slot + "0").replace(tzinfo=UTC), int(count))
            for slot, count in rows
        ]

    # -- the attendance list ----------------------------------------------------------

    def attendance_rows(self, event_id: int) -> list[AttendanceRow]:
        """Everyone present, in the order they arrived, with who recorded them and where."""
        rows = self._rows(
            "SELECT i.id AS invitee_id, p.name, p.front_titles, p.back_titles, p.nip, i.jabatan, "
            "i.instansi, i.group_name, pr.first_checkin_at, pr.station, a.operator, "
            "p.pangkat, p.golongan, p.phone, "
            "pr.on_behalf_name, pr.on_behalf_jabatan, pr.on_behalf_instansi, "
            "pr.on_behalf_front_titles, pr.on_behalf_back_titles, pr.on_behalf_nip, "
            "pr.on_behalf_pangkat, pr.on_behalf_golongan, pr.on_behalf_phone "
            "FROM presence AS pr JOIN attendance_log AS a ON a.uid = pr.checkin_uid "
            "JOIN invitees AS i ON i.id = pr.invitee_id JOIN persons AS p ON p.id = i.person_id "
            "WHERE pr.event_id = ? ORDER BY pr.first_checkin_at, i.id",
            (event_id,),
        )
        result: list[AttendanceRow] = []
        for r in rows:
            moment = from_iso(r.pop("first_checkin_at"))
            assert moment is not None
            result.append(AttendanceRow(checked_in_at=moment, **r))
        return result

    def event_group_names(self, event_id: int) -> list[str]:
        """The groups used in an event's list (for the walk-in form), in list order."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT group_name, MIN(id) AS first FROM invitees "
                "WHERE event_id = ? AND group_name <> '' GROUP BY group_name ORDER BY first",
                (event_id,),
            )
        ]

    def data_version(self) -> int:
        """Changes when another connection (the CLI, a worker) wrote to the database."""
        return int(self._scalar("PRAGMA data_version"))
