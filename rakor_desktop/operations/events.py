"""Events: creating, editing and deleting an event and naming its officials.

Each function is one user action that validates, changes the data in one transaction
and returns what changed. The GUI, the CLI and the tests all call these.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.formatting import TimeZone, split_titles
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import (
    Event,
    OfficialRole,
    Person,
)
from rakor_desktop.people import merge_person
from rakor_desktop.storage import Storage
from rakor_desktop.storage.events import EDITABLE_EVENT_FIELDS

# -- events ------------------------------------------------------------------------


def validate_event(event: Event) -> None:
    """Raise :class:`ValidationError` (in the user's language) for an impossible event."""
    if not event.title.strip():
        raise ValidationError("Nama acara wajib diisi.", "The event title is required.")
    try:
        TimeZone.parse(event.timezone)
    except ValueError as exc:
        raise ValidationError(
            "Zona waktu harus WIB, WITA atau WIT (bukan {tz}).",
            "The time zone must be WIB, WITA or WIT (not {tz}).",
            tz=event.timezone,
        ) from exc
    single_day = event.end_date is None or event.end_date == event.date
    if event.end_time is not None and single_day and event.end_time <= event.start_time:
        raise ValidationError(
            "Jam selesai ({end}) harus setelah jam mulai ({start}).",
            "The end time ({end}) must be after the start time ({start}).",
            end=event.end_time.strftime("%H.%M"),
            start=event.start_time.strftime("%H.%M"),
        )
    if event.call_time is not None and event.call_time > event.start_time:
        raise ValidationError(
            "Waktu panggilan ({call}) harus sebelum jam mulai ({start}).",
            "The call time ({call}) must be before the start time ({start}).",
            call=event.call_time.strftime("%H.%M"),
            start=event.start_time.strftime("%H.%M"),
        )
    if event.end_date is not None and event.end_date < event.date:
        raise ValidationError(
            "Tanggal selesai tidak boleh sebelum tanggal mulai.",
            "The end date cannot be before the start date.",
        )


def create_event(storage: Storage, event: Event, *, clock: Clock = utc_now) -> int:
    """Create an event; returns its id."""
    event = replace(event, title=event.title.strip(), timezone=event.timezone.upper())
    validate_event(event)
    with storage.transaction():
        return storage.insert_event(event, now=clock())


def get_event(storage: Storage, event_id: int) -> Event:
    """The event, or :class:`NotFoundError` with a clear message."""
    event = storage.get_event(event_id)
    if event is None:
        raise NotFoundError.of("event", event_id)
    return event


def update_event(
    storage: Storage, event_id: int, changes: dict[str, Any], *, clock: Clock = utc_now
) -> Event:
    """Change fields of an event (validated as a whole); returns the saved event."""
    unknown = set(changes) - set(EDITABLE_EVENT_FIELDS)
    if unknown:
        raise KeyError(f"not an editable event field: {sorted(unknown)}")
    with storage.transaction():
        current = get_event(storage, event_id)
        updated = replace(current, **changes)
        updated.title = updated.title.strip()
        if "timezone" in changes:
            updated.timezone = updated.timezone.upper()
        validate_event(updated)
        storage.update_event_fields(
            event_id, {name: getattr(updated, name) for name in changes}, now=clock()
        )
    return get_event(storage, event_id)


def delete_event(storage: Storage, event_id: int) -> None:
    """Remove an event with its invitation list, attendance and record."""
    with storage.transaction():
        get_event(storage, event_id)
        storage.delete_event(event_id)


def name_official(
    storage: Storage,
    event_id: int,
    role: OfficialRole,
    person_id: int | None,
) -> None:
    """Name a directory person (or nobody) as ketua, sekretaris, pencatat or moderator."""
    with storage.transaction():
        get_event(storage, event_id)
        if person_id is not None and storage.get_person(person_id) is None:
            raise NotFoundError.of("person", person_id)
        storage.set_official(event_id, role, person_id)


def name_official_by_text(
    storage: Storage, event_id: int, role: OfficialRole, typed: str, *, clock: Clock = utc_now
) -> Person | None:
    """Name an official from what was typed ("Dr. H. Sri Purwaningsih, M.Si.").

    A directory person of that name is reused; otherwise one is added. Empty text
    clears the role. Returns the person named.
    """
    typed = " ".join(typed.split())
    with storage.transaction():
        get_event(storage, event_id)
        if not typed:
            storage.set_official(event_id, role, None)
            return None
        front, name, back = split_titles(typed)
        if not name.strip():
            raise ValidationError(
                "Tuliskan nama {role}, bukan hanya gelarnya.",
                "Type the name of the {role}, not only the titles.",
                role=role.value,
            )
        found = storage.find_persons_by_name(name)
        if found:
            # Titles typed now (e.g. a new degree) update the directory entry.
            person = merge_person(found[0], Person(name=name, front_titles=front,
                                                   back_titles=back))
            storage.update_person(person, now=clock())
        else:
            person = Person(name=name, front_titles=front, back_titles=back)
            person.id = storage.insert_person(person, now=clock())
        assert person.id is not None
        storage.set_official(event_id, role, person.id)
        return person
