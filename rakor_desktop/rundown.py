"""Operations on the susunan acara (rundown) of an event.

Each operation validates, changes the data in one transaction and returns what
changed, like those in :mod:`rakor_desktop.operations`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import Event, RundownItem, RundownKind
from rakor_desktop.operations import get_event
from rakor_desktop.storage import Storage
from rakor_desktop.storage.record import EDITABLE_RUNDOWN_FIELDS

REGISTRATION_MINUTES = 30
"""Registration when the event has no call time (Waktu Panggilan) before its start."""

PRESENTATION_MINUTES = 20
"""One presentation per resource person."""

# The typical order of DOMAIN.md §2: (kind, title, planned minutes, who is responsible).
# The registration and the presentations are added by typical_rundown().
_OPENING: tuple[tuple[RundownKind, str, int, str], ...] = (
    (RundownKind.PEMBUKAAN, "Pembukaan oleh pembawa acara", 5, "Pembawa acara (MC)"),
    (RundownKind.INDONESIA_RAYA, "Menyanyikan lagu kebangsaan Indonesia Raya", 5, "Dirigen"),
    (RundownKind.DOA, "Pembacaan doa", 5, "Petugas doa"),
    (RundownKind.LAPORAN, "Laporan Ketua Panitia", 10, "Ketua Panitia"),
    (RundownKind.SAMBUTAN, "Sambutan dan pembukaan resmi", 15, "Wali Kota"),
)
_CLOSING: tuple[tuple[RundownKind, str, int, str], ...] = (
    (RundownKind.DISKUSI, "Diskusi / tanya jawab", 60, "Moderator"),
    (RundownKind.KESIMPULAN, "Kesimpulan / rumusan", 10, "Moderator"),
    (RundownKind.PENUTUP, "Penutup", 10, "Pembawa acara (MC)"),
)
_PAPARAN_TITLE = "Paparan narasumber"
_PRESENTATION_LEAD = "Moderator"  # who leads a presentation in the template (not its speaker)

TEMPLATE_ROLES: frozenset[str] = frozenset(
    {"Panitia", _PRESENTATION_LEAD} | {role for *_, role in (*_OPENING, *_CLOSING)}
)
"""The "responsible" texts the typical rundown fills in: roles, not named people."""
_PAPARAN_ALL_MINUTES = 60  # one item for all presentations when no presenter is named


def add_minutes(start: time, minutes: int) -> time:
    """``start`` plus ``minutes`` on the clock (past midnight wraps around)."""
    moment = datetime.combine(date(2000, 1, 1), start) + timedelta(minutes=minutes)
    return moment.time()


def _minutes_between(earlier: time, later: time) -> int:
    day = date(2000, 1, 1)
    delta = datetime.combine(day, later) - datetime.combine(day, earlier)
    return int(delta.total_seconds() // 60)


def typical_rundown(
    start: time,
    *,
    presenters: Sequence[str] = (),
    registration_minutes: int = REGISTRATION_MINUTES,
) -> list[RundownItem]:
    """The typical susunan acara of a rakor (DOMAIN.md §2), starting at ``start``.

    Args:
        start: When registration opens; every later item starts when the one
            before it is planned to end.
        presenters: One "Paparan narasumber" item per name given (e.g. "KPU Kota
            Jambi"); without names, one item for all presentations.
        registration_minutes: How long registration lasts.

    Returns:
        Unsaved items with ``event_id`` 0 and positions 1, 2, ...; the operations
        that save them set the event.
    """
    plan: list[tuple[RundownKind, str, int, str]] = [
        (RundownKind.REGISTRASI, "Registrasi peserta", registration_minutes, "Panitia"),
        *_OPENING,
    ]
    if presenters:
        plan.extend(
            (RundownKind.PAPARAN, f"{_PAPARAN_TITLE}: {name}", PRESENTATION_MINUTES,
             _PRESENTATION_LEAD)
            for name in presenters
        )
    else:
        plan.append((RundownKind.PAPARAN, _PAPARAN_TITLE, _PAPARAN_ALL_MINUTES, _PRESENTATION_LEAD))
    plan.extend(_CLOSING)

    items: list[RundownItem] = []
    planned = start
    for position, (kind, title, minutes, responsible) in enumerate(plan, start=1):
        items.append(
            RundownItem(
                event_id=0,
                title=title,
                kind=kind,
                position=position,
                responsible_text=responsible,
                planned_start=planned,
                planned_minutes=minutes,
            )
        )
        planned = add_minutes(planned, minutes)
    return items


def validate_rundown_item(item: RundownItem) -> None:
    """Raise :class:`ValidationError` (in the user's language) for an impossible item."""
    if not item.title.strip():
        raise ValidationError("Nama mata acara wajib diisi.", "The item title is required.")
    if item.planned_minutes < 0:
        raise ValidationError(
            "Durasi tidak boleh negatif ({minutes} menit).",
            "The duration cannot be negative ({minutes} minutes).",
            minutes=item.planned_minutes,
        )
    try:
        RundownKind(item.kind)
    except ValueError as exc:
        raise ValidationError(
            "Jenis mata acara tidak dikenal: {kind}.",
            "Unknown kind of item: {kind}.",
            kind=item.kind,
        ) from exc
    if item.actual_start and item.actual_end and item.actual_end < item.actual_start:
        raise ValidationError(
            "Waktu selesai tidak boleh sebelum waktu mulai.",
            "The end cannot be before the start.",
        )


def _clean(item: RundownItem) -> RundownItem:
    return replace(
        item,
        title=" ".join(item.title.split()),
        responsible_text=" ".join(item.responsible_text.split()),
    )


def _check_responsible(storage: Storage, event_id: int, invitee_id: int | None) -> None:
    if invitee_id is None:
        return
    invitee = storage.get_invitee(invitee_id)
    if invitee is None or invitee.event_id != event_id:
        raise NotFoundError.of("invitee_of_event", invitee_id)


def _insert(storage: Storage, event_id: int, item: RundownItem) -> int:
    item = _clean(replace(item, event_id=event_id, id=None))
    validate_rundown_item(item)
    _check_responsible(storage, event_id, item.responsible_invitee_id)
    return storage.insert_rundown_item(item)


def add_rundown_item(storage: Storage, event_id: int, item: RundownItem) -> int:
    """Add an item to the rundown of an event (at the end when its position is 0).

    Returns:
        The id of the new item.
    """
    with storage.transaction():
        get_event(storage, event_id)
        return _insert(storage, event_id, item)


def get_rundown_item(storage: Storage, item_id: int) -> RundownItem:
    """The rundown item, or :class:`NotFoundError` with a clear message."""
    item = storage.get_rundown_item(item_id)
    if item is None:
        raise NotFoundError.of("rundown_item", item_id)
    return item


def list_rundown(storage: Storage, event_id: int) -> list[RundownItem]:
    """The rundown of an event, in order."""
    get_event(storage, event_id)
    return storage.list_rundown_items(event_id)


def update_rundown_item(storage: Storage, item_id: int, changes: dict[str, Any]) -> RundownItem:
    """Change fields of a rundown item (validated as a whole); returns the saved item."""
    unknown = set(changes) - set(EDITABLE_RUNDOWN_FIELDS)
    if unknown:
        raise KeyError(f"not an editable rundown field: {sorted(unknown)}")
    with storage.transaction():
        current = get_rundown_item(storage, item_id)
        updated = _clean(replace(current, **changes))
        validate_rundown_item(updated)
        if "responsible_invitee_id" in changes:
            _check_responsible(storage, current.event_id, updated.responsible_invitee_id)
        storage.update_rundown_item_fields(
            item_id, {name: getattr(updated, name) for name in changes}
        )
    return get_rundown_item(storage, item_id)


def registration_window(event: Event) -> tuple[time, int]:
    """When registration opens and how long it lasts, so the opening is at the start time.

    Registration runs from the call time (Waktu Panggilan) when it is before the
    start, otherwise for :data:`REGISTRATION_MINUTES` before the start (never
    before midnight).
    """
    if event.call_time is not None and event.call_time < event.start_time:
        return event.call_time, _minutes_between(event.call_time, event.start_time)
    earliest = min(REGISTRATION_MINUTES, _minutes_between(time(0, 0), event.start_time))
    return add_minutes(event.start_time, -earliest), earliest


def apply_typical_rundown(
    storage: Storage, event_id: int, *, presenters: Sequence[str] = ()
) -> list[int]:
    """Fill an empty rundown with the typical susunan acara, timed from the event.

    The opening by the MC is planned at the event's start time, after registration
    (see :func:`registration_window`).

    Returns:
        The ids of the new items, in order.

    Raises:
        ValidationError: the event already has a rundown (it is never duplicated).
    """
    with storage.transaction():
        event = get_event(storage, event_id)
        existing = storage.count_rundown_items(event_id)
        if existing:
            raise ValidationError(
                "Susunan acara sudah berisi {count} mata acara; susunan acara umum hanya "
                "dapat dipakai untuk susunan acara yang masih kosong.",
                "The rundown already has {count} items; the typical rundown can only fill "
                "an empty one.",
                count=existing,
            )
        start, minutes = registration_window(event)
        items = typical_rundown(start, presenters=presenters, registration_minutes=minutes)
        return [_insert(storage, event_id, item) for item in items]


# -- reorder, delete, re-time ------------------------------------------------------------


def move_in_order(
    storage: Storage, table: str, scope_id: int, record_id: int, new_index: int
) -> list[int]:
    """Move one row of an ordered list (items, speakers, questions …) to ``new_index``.

    Positions are renumbered 1, 2, … ; an index past the end means the end.
    Call inside a transaction.

    Returns:
        The ids in their new order.
    """
    order = storage.ordered_ids(table, scope_id)
    if record_id not in order:
        raise NotFoundError.of("row", record_id)
    order.remove(record_id)
    order.insert(max(0, min(new_index, len(order))), record_id)
    storage.set_positions(table, order)
    return order


def move_rundown_item(storage: Storage, item_id: int, new_index: int) -> list[int]:
    """Move an item to ``new_index`` (0-based) in the rundown; returns the ids in order."""
    with storage.transaction():
        item = get_rundown_item(storage, item_id)
        return move_in_order(storage, "rundown_items", item.event_id, item_id, new_index)


def delete_rundown_item(storage: Storage, item_id: int) -> RundownItem:
    """Remove an item with its speakers; returns what was removed (undo restores it)."""
    with storage.transaction():
        item = get_rundown_item(storage, item_id)
        # The speaker now speaking goes with the item (meeting.KEY_SPEAKING).
        raw = storage.record_settings(item.event_id).get("live.speaking", "")
        speaking_uid = json.loads(raw).get("speaker") if raw.startswith("{") else None
        if speaking_uid in {s.uid for s in storage.list_speakers(item_id)}:
            storage.put_record_setting(item.event_id, "live.speaking", None)
        storage.delete_rundown_item(item_id)
        storage.set_positions("rundown_items", storage.ordered_ids("rundown_items", item.event_id))
        return item


def retime_rundown(
    storage: Storage, event_id: int, start: time | None = None
) -> list[RundownItem]:
    """Plan the items one after the other from ``start`` (default: the first item's
    planned start, else the event's start), each for its duration.

    Returns:
        The rundown with its new planned starts.
    """
    with storage.transaction():
        event = get_event(storage, event_id)
        items = storage.list_rundown_items(event_id)
        if not items:
            return []
        planned = start or items[0].planned_start or event.start_time
        for item in items:
            assert item.id is not None
            if item.planned_start != planned:
                storage.update_rundown_item_fields(item.id, {"planned_start": planned})
            planned = add_minutes(planned, item.planned_minutes)
        return storage.list_rundown_items(event_id)
