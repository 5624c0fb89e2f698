"""SQL for events and their officials."""

from __future__ import annotations

import uuid
from dataclasses import fields
from datetime import datetime
from typing import Any

from rakor_desktop.clock import (
    date_from_text,
    date_to_text,
    from_iso,
    time_from_text,
    time_to_text,
    to_iso,
)
from rakor_desktop.models import Event, EventSummary, OfficialRole

from .database import StorageBase

# Columns of ``events`` the user edits, with the converters between model and row.
_DATE_FIELDS = {"date", "end_date", "invitation_date"}
_TIME_FIELDS = {"start_time", "end_time", "call_time"}
EDITABLE_EVENT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Event) if f.name not in {"id", "uid", "created_at", "updated_at"}
)


def event_value_to_db(name: str, value: Any) -> Any:
    """Convert one Event attribute to its column value."""
    if name in _DATE_FIELDS:
        return date_to_text(value)
    if name in _TIME_FIELDS:
        return time_to_text(value)
    return value


def event_from_row(row: dict[str, Any]) -> Event:
    """Build an :class:`Event` from a row of ``events``."""
    values: dict[str, Any] = {}
    for name in EDITABLE_EVENT_FIELDS:
        raw = row[name]
        if name in _DATE_FIELDS:
            values[name] = date_from_text(raw)
        elif name in _TIME_FIELDS:
            values[name] = time_from_text(raw)
        else:
            values[name] = raw
    return Event(
        **values,
        id=row["id"],
        uid=row["uid"],
        created_at=from_iso(row["created_at"]),
        updated_at=from_iso(row["updated_at"]),
    )


class EventQueries(StorageBase):
    """Events, their officials and their per-event settings."""

    def insert_event(self, event: Event, *, now: datetime) -> int:
        """Insert a new event; returns its id."""
        row = {
            name: event_value_to_db(name, getattr(event, name)) for name in EDITABLE_EVENT_FIELDS
        }
        row["uid"] = event.uid or str(uuid.uuid4())
        row["created_at"] = row["updated_at"] = to_iso(now)
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        cursor = self._write(f"INSERT INTO events ({columns}) VALUES ({marks})", row)
        return int(cursor.lastrowid or 0)

    def update_event_fields(self, event_id: int, changes: dict[str, Any], *, now: datetime) -> None:
        """Change some fields of an event (names as in :class:`Event`)."""
        unknown = set(changes) - set(EDITABLE_EVENT_FIELDS)
        if unknown:
            raise KeyError(f"not an editable event field: {sorted(unknown)}")
        row = {name: event_value_to_db(name, value) for name, value in changes.items()}
        row["updated_at"] = to_iso(now)
        row["id"] = event_id
        assignments = ", ".join(f"{c} = :{c}" for c in row if c != "id")
        self._write(f"UPDATE events SET {assignments} WHERE id = :id", row)

    def get_event(self, event_id: int) -> Event | None:
        """The event with this id, or None."""
        row = self._row("SELECT * FROM events WHERE id = ?", (event_id,))
        return None if row is None else event_from_row(row)

    def event_exists(self, event_id: int) -> bool:
        """Whether an event with this id exists."""
        return self._scalar("SELECT 1 FROM events WHERE id = ?", (event_id,)) is not None

    def list_events(self) -> list[EventSummary]:
        """All events, newest date first, with invited and present counts."""
        rows = self._rows(
            """
            SELECT e.id, e.title, e.date, e.venue,
                   (SELECT COUNT(*) FROM invitees i WHERE i.event_id = e.id) AS invited,
                   (SELECT COUNT(*) FROM presence p WHERE p.event_id = e.id) AS present
            FROM events e
            ORDER BY e.date DESC, e.id DESC
            """
        )
        return [
            EventSummary(
                id=r["id"],
                title=r["title"],
                date=date_from_text(r["date"]),  # type: ignore[arg-type]
                venue=r["venue"],
                invited=r["invited"],
                present=r["present"],
            )
            for r in rows
        ]

    def delete_event(self, event_id: int) -> None:
        """Remove an event with everything recorded for it."""
        self._write("DELETE FROM events WHERE id = ?", (event_id,))

    def set_official(self, event_id: int, role: OfficialRole, person_id: int | None) -> None:
        """Name (or clear) the person holding an official role of the event."""
        if person_id is None:
            self._write(
                "DELETE FROM event_officials WHERE event_id = ? AND role = ?",
                (event_id, role.value),
            )
        else:
            self._write(
                "INSERT INTO event_officials (event_id, role, person_id) VALUES (?, ?, ?) "
                "ON CONFLICT (event_id, role) DO UPDATE SET person_id = excluded.person_id",
                (event_id, role.value, person_id),
            )

    def get_officials(self, event_id: int) -> dict[OfficialRole, int]:
        """Person ids of the officials of the event, by role."""
        rows = self._rows(
            "SELECT role, person_id FROM event_officials WHERE event_id = ?", (event_id,)
        )
        return {OfficialRole(r["role"]): r["person_id"] for r in rows}

    def get_event_setting(self, event_id: int, key: str) -> str | None:
        """One per-event setting, or None when unset."""
        value = self._scalar(
            "SELECT value FROM event_settings WHERE event_id = ? AND key = ?", (event_id, key)
        )
        return None if value is None else str(value)

    def set_event_setting(self, event_id: int, key: str, value: str) -> None:
        """Set one per-event setting."""
        self._write(
            "INSERT INTO event_settings (event_id, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT (event_id, key) DO UPDATE SET value = excluded.value",
            (event_id, key, value),
        )
