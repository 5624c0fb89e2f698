"""SQL for the meeting record: rundown, speakers, discussion, notes, conclusions, photos."""

from __future__ import annotations

import uuid
from dataclasses import fields
from typing import Any

from rakor_desktop.clock import from_iso, time_from_text, time_to_text, to_iso
from rakor_desktop.models import RundownItem, RundownKind

from .database import StorageBase

# Attributes of RundownItem a user (or the live record) changes after creation.
EDITABLE_RUNDOWN_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(RundownItem) if f.name not in {"id", "uid", "event_id"}
)
_RUNDOWN_MOMENT_FIELDS = {"actual_start", "actual_end"}
_RUNDOWN_COLUMNS: tuple[str, ...] = ("id", "uid", "event_id", *EDITABLE_RUNDOWN_FIELDS)


def rundown_value_to_db(name: str, value: Any) -> Any:
    """Convert one RundownItem attribute to its column value."""
    if name == "planned_start":
        return time_to_text(value)
    if name in _RUNDOWN_MOMENT_FIELDS:
        return None if value is None else to_iso(value)
    if name == "kind":
        return RundownKind(value).value
    return value


def _rundown_item_from_row(row: dict[str, Any]) -> RundownItem:
    return RundownItem(
        event_id=row["event_id"],
        title=row["title"],
        kind=RundownKind(row["kind"]),
        position=row["position"],
        responsible_invitee_id=row["responsible_invitee_id"],
        responsible_text=row["responsible_text"],
        planned_start=time_from_text(row["planned_start"]),
        planned_minutes=row["planned_minutes"],
        actual_start=from_iso(row["actual_start"]),
        actual_end=from_iso(row["actual_end"]),
        notes=row["notes"],
        id=row["id"],
        uid=row["uid"],
    )


class RecordQueries(StorageBase):
    """The live record of a meeting (filled in by the rundown and discussion work)."""

    # -- rundown -------------------------------------------------------------------

    def insert_rundown_item(self, item: RundownItem) -> int:
        """Add an item to an event's rundown; returns its id.

        An item with ``position`` 0 goes after the last one.
        """
        position = item.position
        if position == 0:
            position = int(
                self._scalar(
                    "SELECT COALESCE(MAX(position), 0) + 1 FROM rundown_items WHERE event_id = ?",
                    (item.event_id,),
                )
            )
        row = {
            name: rundown_value_to_db(name, getattr(item, name)) for name in EDITABLE_RUNDOWN_FIELDS
        }
        row["position"] = position
        row["uid"] = item.uid or str(uuid.uuid4())
        row["event_id"] = item.event_id
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        cursor = self._write(f"INSERT INTO rundown_items ({columns}) VALUES ({marks})", row)
        return int(cursor.lastrowid or 0)

    def get_rundown_item(self, item_id: int) -> RundownItem | None:
        """One rundown item, or None."""
        row = self._row(
            f"SELECT {', '.join(_RUNDOWN_COLUMNS)} FROM rundown_items WHERE id = ?", (item_id,)
        )
        return None if row is None else _rundown_item_from_row(row)

    def list_rundown_items(self, event_id: int) -> list[RundownItem]:
        """The rundown of an event, in order."""
        rows = self._rows(
            f"SELECT {', '.join(_RUNDOWN_COLUMNS)} FROM rundown_items "
            "WHERE event_id = ? ORDER BY position, id",
            (event_id,),
        )
        return [_rundown_item_from_row(r) for r in rows]

    def count_rundown_items(self, event_id: int) -> int:
        """How many items the rundown of an event has."""
        return int(
            self._scalar("SELECT COUNT(*) FROM rundown_items WHERE event_id = ?", (event_id,))
        )

    def update_rundown_item_fields(self, item_id: int, changes: dict[str, Any]) -> None:
        """Change some fields of a rundown item (names as in :class:`RundownItem`)."""
        unknown = set(changes) - set(EDITABLE_RUNDOWN_FIELDS)
        if unknown:
            raise KeyError(f"not an editable rundown field: {sorted(unknown)}")
        if not changes:
            return
        row = {name: rundown_value_to_db(name, value) for name, value in changes.items()}
        assignments = ", ".join(f"{c} = :{c}" for c in row)
        row["id"] = item_id
        self._write(f"UPDATE rundown_items SET {assignments} WHERE id = :id", row)
