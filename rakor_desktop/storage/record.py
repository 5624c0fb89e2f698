"""SQL for the meeting record: rundown, speakers, discussion, notes, conclusions.

Each table of the record is described once by a :class:`RecordTable` (its model
class and how values convert between the model and a row); the generic methods
of :class:`RecordQueries` insert, read, change, delete and reorder rows of any of
them, and the named methods (``insert_speaker``, ``list_questions`` …) are the
interface the operations use.

For undo/redo, :meth:`RecordQueries.record_snapshot` reads the whole record of an
event as plain rows keyed by uid (foreign keys inside the record as the parent's
uid, so a row deleted and restored under a new id is still found), and
:meth:`RecordQueries.restore_record_row` writes one such row back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from rakor_desktop.clock import from_iso, time_from_text, time_to_text, to_iso
from rakor_desktop.models import (
    Conclusion,
    FollowUp,
    Question,
    QuestionStatus,
    RundownItem,
    RundownKind,
    Speaker,
    SpeakerState,
    Termin,
)
from rakor_desktop.text import clean_text

from .database import StorageBase


@dataclass(frozen=True)
class RecordTable:
    """How one model class of the record is stored.

    Attributes:
        name: The SQL table.
        model: The dataclass of :mod:`rakor_desktop.models` it holds.
        scope: The column whose rows share one order of ``position`` (e.g. the
            speakers of one rundown item), or "" when the table has no position.
        moments: Attributes holding recorded moments (aware UTC datetimes).
        times: Attributes holding times of day.
        enums: Attributes holding a StrEnum value.
        parents: Foreign keys inside the record: column → parent table.
    """

    name: str
    model: type[Any]
    scope: str = "event_id"
    moments: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    enums: Mapping[str, type[StrEnum]] = field(default_factory=dict)
    parents: Mapping[str, str] = field(default_factory=dict)

    @property
    def editable(self) -> tuple[str, ...]:
        """Attributes that change after creation (all but id, uid and event_id)."""
        return tuple(f.name for f in fields(self.model) if f.name not in {"id", "uid", "event_id"})

    @property
    def columns(self) -> tuple[str, ...]:
        """Every stored column, as named in the model."""
        return ("id", "uid", "event_id", *self.editable)

    def to_db(self, name: str, value: Any) -> Any:
        """One model attribute as its column value."""
        if name in self.times:
            return time_to_text(value)
        if name in self.moments:
            return None if value is None else to_iso(value)
        if name in self.enums:
            return self.enums[name](value).value
        kind = getattr(self.model, "TEXT_FIELDS", {}).get(name)  # dict updates: clean too
        if kind is not None and isinstance(value, str):
            return clean_text(value, multiline=kind.multiline, max_length=kind.max_length)
        return value

    def from_row(self, row: Mapping[str, Any]) -> Any:
        """A model object from a row."""
        values: dict[str, Any] = {}
        for name in self.columns:
            raw = row[name]
            if name in self.times:
                values[name] = time_from_text(raw)
            elif name in self.moments:
                values[name] = from_iso(raw)
            elif name in self.enums:
                values[name] = self.enums[name](raw)
            else:
                values[name] = raw
        return self.model(**values)


RUNDOWN = RecordTable(
    "rundown_items",
    RundownItem,
    moments=frozenset({"actual_start", "actual_end"}),
    times=frozenset({"planned_start"}),
    enums={"kind": RundownKind},
)
SPEAKERS = RecordTable(
    "speakers",
    Speaker,
    scope="rundown_item_id",
    moments=frozenset({"started_at", "ended_at"}),
    enums={"state": SpeakerState},
    parents={"rundown_item_id": "rundown_items"},
)
TERMINS = RecordTable("termins", Termin, scope="", moments=frozenset({"opened_at", "closed_at"}))
QUESTIONS = RecordTable(
    "questions",
    Question,
    scope="termin_id",
    moments=frozenset({"created_at"}),
    enums={"status": QuestionStatus},
    parents={"termin_id": "termins"},
)
FOLLOW_UPS = RecordTable("follow_ups", FollowUp, parents={"question_id": "questions"})
CONCLUSIONS = RecordTable("conclusions", Conclusion)

RECORD_TABLES: tuple[RecordTable, ...] = (RUNDOWN, SPEAKERS, TERMINS, QUESTIONS, FOLLOW_UPS,
                                          CONCLUSIONS)
"""The tables of the record, parents before children."""
_BY_NAME = {t.name: t for t in RECORD_TABLES}

SETTINGS_TABLE = "event_settings"
"""Pseudo table of a record snapshot: per-event settings under RECORD_SETTING_PREFIXES."""
RECORD_SETTING_PREFIXES: tuple[str, ...] = ("meeting.", "live.")
"""Keys of ``event_settings`` that belong to the meeting record (undo covers them)."""

# Attributes of RundownItem a user (or the live record) changes after creation.
EDITABLE_RUNDOWN_FIELDS: tuple[str, ...] = RUNDOWN.editable


def _parent_uid_column(column: str) -> str:
    """``rundown_item_id`` → ``rundown_item_uid`` (how a snapshot names a parent)."""
    return column.removesuffix("_id") + "_uid"


class RecordQueries(StorageBase):
    """The live record of a meeting: rundown, speakers, termins, questions, follow-ups,
    conclusions, and the per-event settings of the meeting (``meeting.*``, ``live.*``)."""

    # -- generic -------------------------------------------------------------------

    def _insert_record(self, table: RecordTable, obj: Any) -> int:
        """Insert a model object; position 0 puts it after the last one of its scope."""
        row = {name: table.to_db(name, getattr(obj, name)) for name in table.editable}
        if table.scope and row.get("position", 0) == 0:
            scope_value = getattr(obj, table.scope)
            row["position"] = int(
                self._scalar(
                    f"SELECT COALESCE(MAX(position), 0) + 1 FROM {table.name} "
                    f"WHERE {table.scope} = ?",
                    (scope_value,),
                )
            )
        row["uid"] = obj.uid or str(uuid.uuid4())
        row["event_id"] = obj.event_id
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        cursor = self._write(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", row)
        return int(cursor.lastrowid or 0)

    def _get_record(self, table: RecordTable, record_id: int) -> Any:
        row = self._row(
            f"SELECT {', '.join(table.columns)} FROM {table.name} WHERE id = ?", (record_id,)
        )
        return None if row is None else table.from_row(row)

    def _list_records(
        self, table: RecordTable, where: str, params: Sequence[Any], order: str = "position, id"
    ) -> list[Any]:
        rows = self._rows(
            f"SELECT {', '.join(table.columns)} FROM {table.name} WHERE {where} ORDER BY {order}",
            params,
        )
        return [table.from_row(r) for r in rows]

    def _update_record(self, table: RecordTable, record_id: int, changes: dict[str, Any]) -> None:
        unknown = set(changes) - set(table.editable)
        if unknown:
            raise KeyError(f"not an editable field of {table.name}: {sorted(unknown)}")
        if not changes:
            return
        row = {name: table.to_db(name, value) for name, value in changes.items()}
        assignments = ", ".join(f"{c} = :{c}" for c in row)
        row["id"] = record_id
        self._write(f"UPDATE {table.name} SET {assignments} WHERE id = :id", row)

    def _delete_record(self, table: RecordTable, record_id: int) -> None:
        self._write(f"DELETE FROM {table.name} WHERE id = ?", (record_id,))

    def ordered_ids(self, table_name: str, scope_id: int) -> list[int]:
        """Ids of the rows sharing one order (e.g. the speakers of an item), in order."""
        table = _BY_NAME[table_name]
        rows = self.conn.execute(
            f"SELECT id FROM {table.name} WHERE {table.scope} = ? ORDER BY position, id",
            (scope_id,),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def set_positions(self, table_name: str, ordered: Sequence[int]) -> None:
        """Number the rows 1, 2, … in the order given."""
        table = _BY_NAME[table_name]
        for position, record_id in enumerate(ordered, start=1):
            self._write(
                f"UPDATE {table.name} SET position = ? WHERE id = ? AND position <> ?",
                (position, record_id, position),
            )

    # -- rundown -------------------------------------------------------------------

    def insert_rundown_item(self, item: RundownItem) -> int:
        """Add an item to an event's rundown; returns its id.

        An item with ``position`` 0 goes after the last one.
        """
        return self._insert_record(RUNDOWN, item)

    def get_rundown_item(self, item_id: int) -> RundownItem | None:
        """One rundown item, or None."""
        item: RundownItem | None = self._get_record(RUNDOWN, item_id)
        return item

    def list_rundown_items(self, event_id: int) -> list[RundownItem]:
        """The rundown of an event, in order."""
        return self._list_records(RUNDOWN, "event_id = ?", (event_id,))

    def count_rundown_items(self, event_id: int) -> int:
        """How many items the rundown of an event has."""
        return int(
            self._scalar("SELECT COUNT(*) FROM rundown_items WHERE event_id = ?", (event_id,))
        )

    def update_rundown_item_fields(self, item_id: int, changes: dict[str, Any]) -> None:
        """Change some fields of a rundown item (names as in :class:`RundownItem`)."""
        self._update_record(RUNDOWN, item_id, changes)

    def delete_rundown_item(self, item_id: int) -> None:
        """Remove a rundown item with its speakers."""
        self._delete_record(RUNDOWN, item_id)

    def running_rundown_items(self, event_id: int) -> list[RundownItem]:
        """Items started and not finished, the latest start first."""
        return self._list_records(
            RUNDOWN,
            "event_id = ? AND actual_start IS NOT NULL AND actual_end IS NULL",
            (event_id,),
            order="actual_start DESC, position DESC",
        )

    # -- speakers ------------------------------------------------------------------

    def insert_speaker(self, speaker: Speaker) -> int:
        """Add a speaker to a rundown item (after the last when ``position`` is 0)."""
        return self._insert_record(SPEAKERS, speaker)

    def get_speaker(self, speaker_id: int) -> Speaker | None:
        """One speaker, or None."""
        speaker: Speaker | None = self._get_record(SPEAKERS, speaker_id)
        return speaker

    def list_speakers(self, item_id: int) -> list[Speaker]:
        """The speakers of a rundown item, in order."""
        return self._list_records(SPEAKERS, "rundown_item_id = ?", (item_id,))

    def list_event_speakers(
        self, event_id: int, states: Iterable[SpeakerState] | None = None
    ) -> list[Speaker]:
        """Speakers of every item of an event (in the rundown's order), optionally by state."""
        where = "s.event_id = ?"
        params: list[Any] = [event_id]
        if states is not None:
            wanted = [SpeakerState(s).value for s in states]
            where += f" AND s.state IN ({', '.join('?' for _ in wanted)})"
            params.extend(wanted)
        rows = self._rows(
            f"SELECT {', '.join('s.' + c for c in SPEAKERS.columns)} FROM speakers AS s "
            "JOIN rundown_items AS r ON r.id = s.rundown_item_id "
            f"WHERE {where} ORDER BY r.position, r.id, s.position, s.id",
            params,
        )
        return [SPEAKERS.from_row(r) for r in rows]

    def update_speaker_fields(self, speaker_id: int, changes: dict[str, Any]) -> None:
        """Change some fields of a speaker (names as in :class:`Speaker`)."""
        self._update_record(SPEAKERS, speaker_id, changes)

    def delete_speaker(self, speaker_id: int) -> None:
        """Remove a speaker."""
        self._delete_record(SPEAKERS, speaker_id)

    def invitee_ids_with_role(self, event_id: int, role: str) -> list[int]:
        """Ids of an event's invitees with one role (e.g. the narasumber), in list order."""
        rows = self.conn.execute(
            "SELECT id FROM invitees WHERE event_id = ? AND role = ? ORDER BY position, id",
            (event_id, role),
        ).fetchall()
        return [int(r[0]) for r in rows]

    # -- termins -------------------------------------------------------------------

    def insert_termin(self, termin: Termin) -> int:
        """Add a round of questions."""
        return self._insert_record(TERMINS, termin)

    def get_termin(self, termin_id: int) -> Termin | None:
        """One termin, or None."""
        termin: Termin | None = self._get_record(TERMINS, termin_id)
        return termin

    def list_termins(self, event_id: int) -> list[Termin]:
        """The termins of an event, by number."""
        return self._list_records(TERMINS, "event_id = ?", (event_id,), order="number")

    def next_termin_number(self, event_id: int) -> int:
        """The number the next termin of an event gets."""
        return int(
            self._scalar(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM termins WHERE event_id = ?", (event_id,)
            )
        )

    def update_termin_fields(self, termin_id: int, changes: dict[str, Any]) -> None:
        """Change some fields of a termin."""
        self._update_record(TERMINS, termin_id, changes)

    # -- questions -----------------------------------------------------------------

    def insert_question(self, question: Question) -> int:
        """Add a question to a termin (after the last when ``position`` is 0)."""
        return self._insert_record(QUESTIONS, question)

    def get_question(self, question_id: int) -> Question | None:
        """One question, or None."""
        question: Question | None = self._get_record(QUESTIONS, question_id)
        return question

    def list_questions(self, termin_id: int) -> list[Question]:
        """The questions of a termin, in order."""
        return self._list_records(QUESTIONS, "termin_id = ?", (termin_id,))

    def list_event_questions(self, event_id: int) -> list[Question]:
        """Every question of an event, by termin and order."""
        rows = self._rows(
            f"SELECT {', '.join('q.' + c for c in QUESTIONS.columns)} FROM questions AS q "
            "JOIN termins AS t ON t.id = q.termin_id "
            "WHERE q.event_id = ? ORDER BY t.number, q.position, q.id",
            (event_id,),
        )
        return [QUESTIONS.from_row(r) for r in rows]

    def count_askers(self, termin_id: int) -> int:
        """Questions of a termin that count towards its cap (all but the cancelled ones)."""
        return int(
            self._scalar(
                "SELECT COUNT(*) FROM questions WHERE termin_id = ? AND status <> ?",
                (termin_id, QuestionStatus.DIBATALKAN.value),
            )
        )

    def get_question_by_uid(self, uid: str) -> Question | None:
        """The question with this uid, or None."""
        rows = self._list_records(QUESTIONS, "uid = ?", (uid,))
        return rows[0] if rows else None

    def update_question_fields(self, question_id: int, changes: dict[str, Any]) -> None:
        """Change some fields of a question."""
        self._update_record(QUESTIONS, question_id, changes)

    def delete_question(self, question_id: int) -> None:
        """Remove a question (its follow-ups stay, no longer tied to it)."""
        self._delete_record(QUESTIONS, question_id)

    # -- follow-ups ----------------------------------------------------------------

    def insert_follow_up(self, follow_up: FollowUp) -> int:
        """Add a tindak lanjut (after the last when ``position`` is 0)."""
        return self._insert_record(FOLLOW_UPS, follow_up)

    def get_follow_up(self, follow_up_id: int) -> FollowUp | None:
        """One follow-up, or None."""
        follow_up: FollowUp | None = self._get_record(FOLLOW_UPS, follow_up_id)
        return follow_up

    def list_follow_ups(self, event_id: int) -> list[FollowUp]:
        """The follow-ups of an event, in order."""
        return self._list_records(FOLLOW_UPS, "event_id = ?", (event_id,))

    def update_follow_up_fields(self, follow_up_id: int, changes: dict[str, Any]) -> None:
        """Change some fields of a follow-up."""
        self._update_record(FOLLOW_UPS, follow_up_id, changes)

    def delete_follow_up(self, follow_up_id: int) -> None:
        """Remove a follow-up."""
        self._delete_record(FOLLOW_UPS, follow_up_id)

    # -- conclusions ---------------------------------------------------------------

    def insert_conclusion(self, conclusion: Conclusion) -> int:
        """Add a conclusion, decision or recommendation (after the last at position 0)."""
        return self._insert_record(CONCLUSIONS, conclusion)

    def get_conclusion(self, conclusion_id: int) -> Conclusion | None:
        """One conclusion, or None."""
        conclusion: Conclusion | None = self._get_record(CONCLUSIONS, conclusion_id)
        return conclusion

    def list_conclusions(self, event_id: int) -> list[Conclusion]:
        """The conclusions of an event, in order."""
        return self._list_records(CONCLUSIONS, "event_id = ?", (event_id,))

    def update_conclusion_fields(self, conclusion_id: int, changes: dict[str, Any]) -> None:
        """Change some fields of a conclusion."""
        self._update_record(CONCLUSIONS, conclusion_id, changes)

    def delete_conclusion(self, conclusion_id: int) -> None:
        """Remove a conclusion."""
        self._delete_record(CONCLUSIONS, conclusion_id)

    # -- meeting settings and live state -------------------------------------------

    def record_settings(self, event_id: int) -> dict[str, str]:
        """The per-event settings of the meeting record (keys ``meeting.*`` and ``live.*``)."""
        rows = self._rows(
            "SELECT key, value FROM event_settings WHERE event_id = ? "
            "AND (substr(key, 1, 8) = 'meeting.' OR substr(key, 1, 5) = 'live.')",
            (event_id,),
        )
        return {r["key"]: r["value"] for r in rows}

    def put_record_setting(self, event_id: int, key: str, value: str | None) -> None:
        """Set one ``meeting.*``/``live.*`` setting; None removes it."""
        if not key.startswith(RECORD_SETTING_PREFIXES):
            raise KeyError(f"not a setting of the meeting record: {key}")
        if value is None:
            self._write(
                "DELETE FROM event_settings WHERE event_id = ? AND key = ?", (event_id, key)
            )
        else:
            self._write(
                "INSERT INTO event_settings (event_id, key, value) VALUES (?, ?, ?) "
                "ON CONFLICT (event_id, key) DO UPDATE SET value = excluded.value",
                (event_id, key, value),
            )

    # -- snapshots for undo/redo ---------------------------------------------------

    def record_snapshot(self, event_id: int) -> dict[str, dict[str, dict[str, Any]]]:
        """The whole record of an event as plain rows: table → uid → column → value.

        Ids are left out; a foreign key inside the record is given as the parent's
        uid (``rundown_item_uid``, ``termin_uid``, ``question_uid``). The settings
        of the record are under :data:`SETTINGS_TABLE`, keyed by their key.
        """
        snapshot: dict[str, dict[str, dict[str, Any]]] = {}
        for table in RECORD_TABLES:
            selected = []
            for column in table.columns:
                if column in ("id", "event_id"):
                    continue
                if column in table.parents:
                    parent = table.parents[column]
                    selected.append(
                        f"(SELECT p.uid FROM {parent} AS p WHERE p.id = t.{column}) "
                        f"AS {_parent_uid_column(column)}"
                    )
                else:
                    selected.append(f"t.{column}")
            rows = self._rows(
                f"SELECT {', '.join(selected)} FROM {table.name} AS t WHERE t.event_id = ?",
                (event_id,),
            )
            snapshot[table.name] = {r["uid"]: r for r in rows}
        snapshot[SETTINGS_TABLE] = {
            key: {"value": value} for key, value in self.record_settings(event_id).items()
        }
        return snapshot

    def restore_record_row(
        self,
        event_id: int,
        table_name: str,
        key: str,
        values: Mapping[str, Any] | None,
        *,
        partial: bool = False,
    ) -> None:
        """Write one snapshot row back (as given by :meth:`record_snapshot`).

        ``values`` None deletes the row. A row that exists is updated with the
        columns given (all or some); one that does not is inserted from a whole
        row, and left alone when ``partial`` (some columns of a row deleted since).
        Parent uids are resolved to today's ids; an invitee that no longer exists
        becomes NULL.
        """
        if table_name == SETTINGS_TABLE:
            self.put_record_setting(event_id, key, None if values is None else values["value"])
            return
        table = _BY_NAME[table_name]
        existing = self._scalar(f"SELECT id FROM {table.name} WHERE uid = ?", (key,))
        if values is None:
            if existing is not None:
                self._write(f"DELETE FROM {table.name} WHERE id = ?", (existing,))
            return
        if existing is None and partial:
            return
        row: dict[str, Any] = {}
        for name, value in values.items():
            if name == "uid":
                continue
            column = next(
                (c for c in table.parents if _parent_uid_column(c) == name), name
            )
            if column in table.parents:
                value = None if value is None else self._scalar(
                    f"SELECT id FROM {table.parents[column]} WHERE uid = ?", (value,)
                )
            elif (
                column.endswith("invitee_id")
                and value is not None
                and self._scalar("SELECT 1 FROM invitees WHERE id = ?", (value,)) is None
            ):
                value = None
            if column not in table.editable:
                raise KeyError(f"not a column of {table.name}: {name}")
            row[column] = value
        if existing is not None:
            if row:
                assignments = ", ".join(f"{c} = :{c}" for c in row)
                self._write(
                    f"UPDATE {table.name} SET {assignments} WHERE id = :id", {**row, "id": existing}
                )
            return
        row["uid"] = key
        row["event_id"] = event_id
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        self._write(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", row)
