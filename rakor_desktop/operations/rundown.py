"""The susunan acara (rundown) of an event, planned and run live: items, the live
schedule, speakers and their timers, speaking statistics and the meeting settings.

Each operation validates, changes the data in one transaction and returns what
changed. Moments are taken from an injected ``clock`` (aware UTC datetimes).

Live state that is not a column of the record is kept in the event's settings,
so it survives a crash and travels in the event file: ``live.speaking`` (the
speaker now speaking and since when) and ``live.highlight`` (the question shown on
the projector, see :mod:`rakor_desktop.operations.discussion`). Settings of the
meeting (:class:`MeetingSettings`) are under ``meeting.*``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from rakor_desktop.clock import Clock, from_iso, to_iso, utc_now
from rakor_desktop.formatting import TimeZone, format_name
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import (
    Event,
    Invitee,
    Role,
    RundownItem,
    RundownKind,
    Speaker,
    SpeakerState,
)
from rakor_desktop.operations.events import get_event
from rakor_desktop.storage import Storage
from rakor_desktop.storage.record import EDITABLE_RUNDOWN_FIELDS
from rakor_desktop.timer import DEFAULT_WARNING_SECONDS, Countdown

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

# -- settings ------------------------------------------------------------------------

KEY_TERMIN_MAX_ASKERS = "meeting.termin_max_askers"
KEY_WARNING_SECONDS = "meeting.timer_warning_seconds"
KEY_SPEAKER_MINUTES = "meeting.speaker_default_minutes"
KEY_TIMER_SOUND = "meeting.timer_sound"
KEY_SPEAKING = "live.speaking"
KEY_HIGHLIGHT = "live.highlight"

# Items whose one speaker usually has the whole item: the default speaking time is
# the item's planned duration.
WHOLE_ITEM_KINDS = frozenset(
    {RundownKind.PAPARAN, RundownKind.SAMBUTAN, RundownKind.LAPORAN, RundownKind.KESIMPULAN}
)


@dataclass(frozen=True)
class MeetingSettings:
    """Settings of the live meeting, per event.

    Attributes:
        termin_max_askers: Askers per termin (e.g. three per round).
        warning_seconds: The last seconds of a speaking time shown as a warning.
        speaker_minutes: Speaking time of a new speaker (items other than a
            presentation, speech or report, which default to their duration).
        sound: Beep when the warning starts and when the time is up.
    """

    termin_max_askers: int = 3
    warning_seconds: int = DEFAULT_WARNING_SECONDS
    speaker_minutes: int = 5
    sound: bool = True


_LIMITS = {
    "termin_max_askers": (1, 50),
    "warning_seconds": (0, 900),
    "speaker_minutes": (1, 240),
}


def meeting_settings(storage: Storage, event_id: int) -> MeetingSettings:
    """The meeting settings of an event (defaults for what is unset or unreadable)."""
    stored = storage.record_settings(event_id)
    defaults = MeetingSettings()

    def number(key: str, name: str) -> int:
        low, high = _LIMITS[name]
        try:
            value = int(stored[key])
        except (KeyError, ValueError):
            return int(getattr(defaults, name))
        return value if low <= value <= high else int(getattr(defaults, name))

    return MeetingSettings(
        termin_max_askers=number(KEY_TERMIN_MAX_ASKERS, "termin_max_askers"),
        warning_seconds=number(KEY_WARNING_SECONDS, "warning_seconds"),
        speaker_minutes=number(KEY_SPEAKER_MINUTES, "speaker_minutes"),
        sound=stored.get(KEY_TIMER_SOUND, "1") != "0",
    )


def save_meeting_settings(
    storage: Storage, event_id: int, settings: MeetingSettings
) -> MeetingSettings:
    """Store the meeting settings of an event (validated); returns them."""
    labels = {
        "termin_max_askers": ("Jumlah penanya per termin", "Askers per termin"),
        "warning_seconds": ("Detik peringatan", "Warning seconds"),
        "speaker_minutes": ("Waktu bicara", "Speaking time"),
    }
    for name, (low, high) in _LIMITS.items():
        value = getattr(settings, name)
        if not low <= value <= high:
            raise ValidationError(
                "{label_id} harus antara {low} dan {high} (bukan {value}).",
                "{label_en} must be between {low} and {high} (not {value}).",
                label_id=labels[name][0], label_en=labels[name][1],
                low=low, high=high, value=value,
            )
    with storage.transaction():
        get_event(storage, event_id)
        storage.put_record_setting(event_id, KEY_TERMIN_MAX_ASKERS,
                                   str(settings.termin_max_askers))
        storage.put_record_setting(event_id, KEY_WARNING_SECONDS, str(settings.warning_seconds))
        storage.put_record_setting(event_id, KEY_SPEAKER_MINUTES, str(settings.speaker_minutes))
        storage.put_record_setting(event_id, KEY_TIMER_SOUND, "1" if settings.sound else "0")
    return meeting_settings(storage, event_id)


# -- the rundown run live --------------------------------------------------------------


MAX_TOLD_DELAY = timedelta(hours=12)


@dataclass(frozen=True)
class ScheduleStatus:
    """How the meeting runs against its rundown, at one moment.

    Attributes:
        delay_seconds: How late it runs (negative: ahead of time); None when it
            cannot be told (no planned times).
        projected_end: When the last item should end at this pace (None: unknown).
        planned_end: When the last item was planned to end.
        running: The item going on now.
        next_item: The next item not started yet.
        finished: Every item has been held.
        other_day: The rundown is run (or looked at) on another day than the
            event's (a rehearsal, the demo): lateness means nothing then, so
            ``delay_seconds`` is None.
    """

    delay_seconds: int | None
    projected_end: datetime | None
    planned_end: datetime | None
    running: RundownItem | None
    next_item: RundownItem | None
    finished: bool
    other_day: bool = False

    @property
    def delay_minutes(self) -> int:
        """Whole minutes late (negative: early); 0 is on time (under a minute off)."""
        if self.delay_seconds is None:
            return 0
        return int(self.delay_seconds / 60)


def planned_moments(event: Event, items: Iterable[RundownItem]) -> dict[int, datetime]:
    """The planned start of each item (by id) as an aware moment on the event's day.

    A planned time earlier than the one before it by more than twelve hours is
    taken as past midnight (the next day).
    """
    zone = TimeZone.parse(event.timezone).tzinfo
    day: date = event.date
    previous: datetime | None = None
    moments: dict[int, datetime] = {}
    for item in items:
        if item.planned_start is None or item.id is None:
            continue
        moment = datetime.combine(day, item.planned_start, tzinfo=zone)
        if previous is not None and moment < previous - timedelta(hours=12):
            day += timedelta(days=1)
            moment += timedelta(days=1)
        moments[item.id] = moment
        previous = moment
    return moments


def is_other_day(event: Event, now: datetime) -> bool:
    """Whether ``now`` falls on another day than the event's (in the event's zone).

    A multi-day event counts every day from its date to its end date.
    """
    today = local_moment(event, now).date()
    return not event.date <= today <= (event.end_date or event.date)


def local_moment(event: Event, value: datetime) -> datetime:
    """A moment seen in the event's time zone."""
    return value.astimezone(TimeZone.parse(event.timezone).tzinfo)


def running_item_of(items: Iterable[RundownItem]) -> RundownItem | None:
    """The item going on (started, not finished; the latest start if several)."""
    running = [i for i in items if i.actual_start is not None and i.actual_end is None]
    return max(running, key=lambda i: i.actual_start or datetime.min) if running else None


def schedule_status(event: Event, items: list[RundownItem], now: datetime) -> ScheduleStatus:
    """How late the meeting runs and when it should end (see :class:`ScheduleStatus`).

    Items not started are assumed to take their planned duration, one after the
    other from now (or from the end of the item going on, if later). Before the
    first item starts, the meeting is late once its planned start has passed.
    """
    planned = planned_moments(event, items)

    def planned_end(item: RundownItem) -> datetime | None:
        start = planned.get(item.id or 0)
        return None if start is None else start + timedelta(minutes=item.planned_minutes)

    last_planned = [planned_end(i) for i in items]
    planned_finish = max((m for m in last_planned if m is not None), default=None)
    pending = [i for i in items if i.actual_start is None]
    running = running_item_of(items)
    next_item = pending[0] if pending else None
    started = [i for i in items if i.actual_start is not None]
    delay: timedelta | None = None

    if running is not None:
        assert running.actual_start is not None
        cursor = max(running.actual_start + timedelta(minutes=running.planned_minutes), now)
        expected = planned_end(running)
        if expected is not None:
            delay = cursor - expected
    elif not started:
        if next_item is None:  # an empty rundown
            return ScheduleStatus(None, None, None, None, None, False)
        first_start = planned.get(next_item.id or 0)
        if first_start is None:
            cursor = now
        elif now.astimezone(first_start.tzinfo).date() != first_start.date():
            cursor = first_start  # another day: as planned (lateness means nothing yet)
            delay = timedelta(0) if now < first_start else None
        else:
            cursor = max(now, first_start)
            delay = cursor - first_start
    elif next_item is not None:  # between two items
        cursor = now
        expected_start = planned.get(next_item.id or 0)
        if expected_start is not None:
            delay = cursor - expected_start
    else:  # everything held
        ended = [i for i in items if i.actual_end is not None]
        last = max(ended, key=lambda i: i.actual_end or datetime.min)
        assert last.actual_end is not None
        expected = planned_end(last)
        if expected is not None:
            delay = last.actual_end - expected
        other_day = is_other_day(event, last.actual_end)
        return ScheduleStatus(
            _told_delay(delay, other_day), last.actual_end, planned_finish, None, None, True,
            other_day,
        )

    projected = cursor + timedelta(minutes=sum(i.planned_minutes for i in pending))
    held_at = running.actual_start if running is not None and running.actual_start else now
    other_day = is_other_day(event, held_at)
    return ScheduleStatus(
        _told_delay(delay, other_day), projected, planned_finish, running, next_item, False,
        other_day,
    )


def _told_delay(delay: timedelta | None, other_day: bool) -> int | None:
    """The lateness to show in seconds; None on another day than planned (a rehearsal,
    the demo) or beyond :data:`MAX_TOLD_DELAY`: not "late" then."""
    if delay is None or other_day or abs(delay) > MAX_TOLD_DELAY:
        return None
    return int(delay.total_seconds())


def item_countdown(
    item: RundownItem, clock: Clock, warning_seconds: int = DEFAULT_WARNING_SECONDS
) -> Countdown:
    """A countdown of an item's planned duration from its actual start."""
    countdown = Countdown(item.planned_minutes * 60, clock, warning_seconds)
    if item.actual_start is not None:
        end = item.actual_end
        if end is None:
            countdown.running_since = item.actual_start
        else:
            countdown.elapsed_before = (end - item.actual_start).total_seconds()
    return countdown


def _finish_speakers_of_item(storage: Storage, item: RundownItem, now: datetime) -> None:
    assert item.id is not None
    for speaker in storage.list_speakers(item.id):
        if speaker.state in (SpeakerState.SPEAKING, SpeakerState.PAUSED):
            _finish_speaker(storage, speaker, now)


def _finish_item(storage: Storage, item: RundownItem, now: datetime) -> None:
    assert item.id is not None
    _finish_speakers_of_item(storage, item, now)
    end = max(now, item.actual_start) if item.actual_start else now
    storage.update_rundown_item_fields(item.id, {"actual_end": end})


def _start_item(storage: Storage, item: RundownItem, now: datetime) -> None:
    """Start an item, finishing the one going on (one item at a time in the hall)."""
    assert item.id is not None
    if item.actual_end is not None:
        raise ValidationError(
            "Mata acara \"{title}\" sudah selesai.",
            "The item \"{title}\" has already finished.",
            title=item.title,
        )
    if item.actual_start is not None:
        raise ValidationError(
            "Mata acara \"{title}\" sedang berlangsung.",
            "The item \"{title}\" is already going on.",
            title=item.title,
        )
    for other in storage.running_rundown_items(item.event_id):
        _finish_item(storage, other, now)
    storage.update_rundown_item_fields(item.id, {"actual_start": now})


def start_item(storage: Storage, item_id: int, *, clock: Clock = utc_now) -> RundownItem:
    """Start a rundown item now (the item going on is finished at the same moment)."""
    with storage.transaction():
        _start_item(storage, get_rundown_item(storage, item_id), clock())
    return get_rundown_item(storage, item_id)


def finish_item(storage: Storage, item_id: int, *, clock: Clock = utc_now) -> RundownItem:
    """Finish a rundown item now (its speaker still speaking finishes too)."""
    with storage.transaction():
        item = get_rundown_item(storage, item_id)
        if item.actual_start is None:
            raise ValidationError(
                "Mata acara \"{title}\" belum dimulai.",
                "The item \"{title}\" has not started.",
                title=item.title,
            )
        if item.actual_end is not None:
            raise ValidationError(
                "Mata acara \"{title}\" sudah selesai.",
                "The item \"{title}\" has already finished.",
                title=item.title,
            )
        _finish_item(storage, item, clock())
    return get_rundown_item(storage, item_id)


def start_next_item(storage: Storage, event_id: int, *, clock: Clock = utc_now) -> RundownItem:
    """Start the first item not started yet (finishing the one going on): the F5 key."""
    with storage.transaction():
        get_event(storage, event_id)
        pending = [i for i in storage.list_rundown_items(event_id) if i.actual_start is None]
        if not pending:
            raise ValidationError(
                "Semua mata acara sudah dimulai; tidak ada mata acara berikutnya.",
                "Every item has started; there is no next item.",
            )
        _start_item(storage, pending[0], clock())
        assert pending[0].id is not None
        return get_rundown_item(storage, pending[0].id)


def finish_running_item(
    storage: Storage, event_id: int, *, clock: Clock = utc_now
) -> RundownItem:
    """Finish the item going on: the F6 key."""
    with storage.transaction():
        get_event(storage, event_id)
        running = storage.running_rundown_items(event_id)
        if not running:
            raise ValidationError(
                "Tidak ada mata acara yang sedang berlangsung.", "No item is going on."
            )
        _finish_item(storage, running[0], clock())
        assert running[0].id is not None
        return get_rundown_item(storage, running[0].id)


def set_item_notes(storage: Storage, item_id: int, notes: str) -> RundownItem:
    """Save the notetaker's key points of a rundown item."""
    with storage.transaction():
        get_rundown_item(storage, item_id)
        storage.update_rundown_item_fields(item_id, {"notes": notes.strip()})
    return get_rundown_item(storage, item_id)


# -- speakers -------------------------------------------------------------------------


def get_speaker(storage: Storage, speaker_id: int) -> Speaker:
    """The speaker, or :class:`NotFoundError`."""
    speaker = storage.get_speaker(speaker_id)
    if speaker is None:
        raise NotFoundError.of("speaker", speaker_id)
    return speaker


def invitee_display_name(invitee: Invitee) -> str:
    """An invitee's name as spoken of in the hall and the minutes: with titles."""
    person = invitee.person
    return format_name(person.name, person.front_titles, person.back_titles)


def _invitee_of_event(storage: Storage, event_id: int, invitee_id: int | None) -> Invitee | None:
    if invitee_id is None:
        return None
    invitee = storage.get_invitee(invitee_id)
    if invitee is None or invitee.event_id != event_id:
        raise NotFoundError.of("invitee_of_event", invitee_id)
    return invitee


def default_allotted_seconds(item: RundownItem, settings: MeetingSettings) -> int:
    """Speaking time of a new speaker of ``item``.

    A presentation, speech, report or conclusion: the item's planned duration
    shared by its speakers (the first one gets it all). Otherwise the setting.
    """
    if item.kind in WHOLE_ITEM_KINDS and item.planned_minutes > 0:
        return item.planned_minutes * 60
    return settings.speaker_minutes * 60


def _clean_text(value: str) -> str:
    return " ".join(value.split())


def add_speaker(
    storage: Storage,
    item_id: int,
    *,
    name: str = "",
    instansi: str = "",
    invitee_id: int | None = None,
    allotted_seconds: int | None = None,
) -> Speaker:
    """Add a speaker at the end of a rundown item's list.

    An invitee gives the name (with titles) and instansi unless they are typed.
    Without ``allotted_seconds``, the default of :func:`default_allotted_seconds`.
    """
    with storage.transaction():
        item = get_rundown_item(storage, item_id)
        invitee = _invitee_of_event(storage, item.event_id, invitee_id)
        name, instansi = _clean_text(name), _clean_text(instansi)
        if invitee is not None:
            name = name or invitee_display_name(invitee)
            instansi = instansi or invitee.instansi
        if not name:
            raise ValidationError("Nama pembicara wajib diisi.", "The speaker's name is required.")
        if allotted_seconds is None:
            already = len(storage.list_speakers(item_id))
            allotted_seconds = default_allotted_seconds(
                item, meeting_settings(storage, item.event_id)
            )
            if item.kind in WHOLE_ITEM_KINDS and already:
                allotted_seconds = meeting_settings(storage, item.event_id).speaker_minutes * 60
        _check_allotted(allotted_seconds)
        speaker_id = storage.insert_speaker(
            Speaker(
                event_id=item.event_id,
                rundown_item_id=item_id,
                name=name,
                instansi=instansi,
                invitee_id=invitee_id,
                allotted_seconds=allotted_seconds,
            )
        )
        return get_speaker(storage, speaker_id)


def _check_allotted(seconds: int) -> None:
    if not 0 <= seconds <= 24 * 3600:
        raise ValidationError(
            "Waktu bicara harus antara 0 dan 24 jam.",
            "The speaking time must be between 0 and 24 hours.",
        )


EDITABLE_SPEAKER_FIELDS = ("name", "instansi", "invitee_id", "allotted_seconds")


def update_speaker(storage: Storage, speaker_id: int, changes: dict[str, Any]) -> Speaker:
    """Change a speaker's name, instansi, invitee or speaking time."""
    unknown = set(changes) - set(EDITABLE_SPEAKER_FIELDS)
    if unknown:
        raise KeyError(f"not an editable speaker field: {sorted(unknown)}")
    with storage.transaction():
        speaker = get_speaker(storage, speaker_id)
        cleaned = dict(changes)
        for key in ("name", "instansi"):
            if key in cleaned:
                cleaned[key] = _clean_text(str(cleaned[key]))
        if "name" in cleaned and not cleaned["name"]:
            raise ValidationError("Nama pembicara wajib diisi.", "The speaker's name is required.")
        if "allotted_seconds" in cleaned:
            _check_allotted(int(cleaned["allotted_seconds"]))
        if "invitee_id" in cleaned:
            _invitee_of_event(storage, speaker.event_id, cleaned["invitee_id"])
        storage.update_speaker_fields(speaker_id, cleaned)
        return get_speaker(storage, speaker_id)


def delete_speaker(storage: Storage, speaker_id: int) -> Speaker:
    """Remove a speaker from the list; returns what was removed."""
    with storage.transaction():
        speaker = get_speaker(storage, speaker_id)
        if _speaking_entry(storage, speaker.event_id)[0] == speaker.uid:
            storage.put_record_setting(speaker.event_id, KEY_SPEAKING, None)
        storage.delete_speaker(speaker_id)
        storage.set_positions("speakers", storage.ordered_ids("speakers", speaker.rundown_item_id))
        return speaker


def move_speaker(storage: Storage, speaker_id: int, new_index: int) -> list[int]:
    """Move a speaker to ``new_index`` (0-based) in the item's order; returns the order."""
    with storage.transaction():
        speaker = get_speaker(storage, speaker_id)
        return move_in_order(storage, "speakers", speaker.rundown_item_id, speaker_id, new_index)


def _speaking_entry(storage: Storage, event_id: int) -> tuple[str, datetime | None]:
    raw = storage.record_settings(event_id).get(KEY_SPEAKING)
    if not raw:
        return "", None
    try:
        data = json.loads(raw)
        return str(data["speaker"]), from_iso(str(data["since"]))
    except (ValueError, KeyError, TypeError):
        return "", None


def _stretch_seconds(storage: Storage, speaker: Speaker, now: datetime) -> int:
    """Seconds of the speaker's current stretch (0 when not speaking)."""
    if speaker.state != SpeakerState.SPEAKING:
        return 0
    uid, since = _speaking_entry(storage, speaker.event_id)
    if uid != speaker.uid or since is None:
        since = speaker.started_at if speaker.spoken_seconds == 0 else None
    if since is None:
        return 0
    return max(0, round((now - since).total_seconds()))


def _finish_speaker(storage: Storage, speaker: Speaker, now: datetime) -> None:
    assert speaker.id is not None
    spoken = speaker.spoken_seconds + _stretch_seconds(storage, speaker, now)
    storage.update_speaker_fields(
        speaker.id,
        {"state": SpeakerState.FINISHED, "ended_at": now, "spoken_seconds": spoken},
    )
    if _speaking_entry(storage, speaker.event_id)[0] == speaker.uid:
        storage.put_record_setting(speaker.event_id, KEY_SPEAKING, None)


def _start_speaker(storage: Storage, speaker: Speaker, now: datetime) -> None:
    assert speaker.id is not None
    if speaker.state == SpeakerState.SPEAKING:
        raise ValidationError(
            "{name} sedang berbicara.", "{name} is speaking already.", name=speaker.name
        )
    if speaker.state == SpeakerState.FINISHED:
        raise ValidationError(
            "{name} sudah selesai berbicara. Tambahkan lagi sebagai pembicara baru bila perlu.",
            "{name} has finished speaking. Add them again as a new speaker if needed.",
            name=speaker.name,
        )
    speaking = [
        s for s in storage.list_event_speakers(speaker.event_id, [SpeakerState.SPEAKING])
        if s.id != speaker.id
    ]
    if speaking:
        raise ValidationError(
            "{name} masih berbicara. Jeda atau selesaikan dulu; hanya satu orang yang "
            "berbicara pada satu waktu.",
            "{name} is still speaking. Pause or finish them first; only one person speaks "
            "at a time.",
            name=speaking[0].name,
        )
    item = get_rundown_item(storage, speaker.rundown_item_id)
    if item.actual_end is not None:
        raise ValidationError(
            "Mata acara \"{title}\" sudah selesai.",
            "The item \"{title}\" has already finished.",
            title=item.title,
        )
    if item.actual_start is None:
        _start_item(storage, item, now)
    changes: dict[str, Any] = {"state": SpeakerState.SPEAKING}
    if speaker.started_at is None:
        changes["started_at"] = now
    storage.update_speaker_fields(speaker.id, changes)
    storage.put_record_setting(
        speaker.event_id, KEY_SPEAKING,
        json.dumps({"speaker": speaker.uid, "since": to_iso(now)}),
    )


def start_speaker(storage: Storage, speaker_id: int, *, clock: Clock = utc_now) -> Speaker:
    """Give a waiting or paused speaker the floor (their item starts if it has not).

    Only one person speaks at a time in the whole meeting.
    """
    with storage.transaction():
        _start_speaker(storage, get_speaker(storage, speaker_id), clock())
        return get_speaker(storage, speaker_id)


resume_speaker = start_speaker


def pause_speaker(storage: Storage, speaker_id: int, *, clock: Clock = utc_now) -> Speaker:
    """Pause the speaker (the time spoken so far is kept)."""
    with storage.transaction():
        speaker = get_speaker(storage, speaker_id)
        if speaker.state != SpeakerState.SPEAKING:
            raise ValidationError(
                "{name} tidak sedang berbicara.", "{name} is not speaking.", name=speaker.name
            )
        now = clock()
        assert speaker.id is not None
        storage.update_speaker_fields(
            speaker.id,
            {
                "state": SpeakerState.PAUSED,
                "spoken_seconds": speaker.spoken_seconds + _stretch_seconds(storage, speaker, now),
            },
        )
        storage.put_record_setting(speaker.event_id, KEY_SPEAKING, None)
        return get_speaker(storage, speaker_id)


def toggle_pause_speaker(storage: Storage, speaker_id: int, *, clock: Clock = utc_now) -> Speaker:
    """Pause a speaking speaker, resume a paused one."""
    speaker = get_speaker(storage, speaker_id)
    if speaker.state == SpeakerState.SPEAKING:
        return pause_speaker(storage, speaker_id, clock=clock)
    if speaker.state == SpeakerState.PAUSED:
        return start_speaker(storage, speaker_id, clock=clock)
    raise ValidationError(
        "{name} tidak sedang berbicara.", "{name} is not speaking.", name=speaker.name
    )


def finish_speaker(storage: Storage, speaker_id: int, *, clock: Clock = utc_now) -> Speaker:
    """End a speaker's turn (speaking or paused); their time is recorded."""
    with storage.transaction():
        speaker = get_speaker(storage, speaker_id)
        if speaker.state not in (SpeakerState.SPEAKING, SpeakerState.PAUSED):
            raise ValidationError(
                "{name} belum mulai berbicara atau sudah selesai.",
                "{name} has not started speaking or has finished.",
                name=speaker.name,
            )
        _finish_speaker(storage, speaker, clock())
        return get_speaker(storage, speaker_id)


def next_speaker(storage: Storage, item_id: int, *, clock: Clock = utc_now) -> Speaker | None:
    """Finish the item's current speaker and give the floor to the next waiting one.

    Returns:
        The speaker now speaking, or None when nobody was waiting (the current
        one was finished).

    Raises:
        ValidationError: nobody to finish and nobody waiting.
    """
    with storage.transaction():
        item = get_rundown_item(storage, item_id)
        speakers = storage.list_speakers(item_id)
        now = clock()
        current = [s for s in speakers if s.state in (SpeakerState.SPEAKING,
                                                      SpeakerState.PAUSED)]
        waiting = [s for s in speakers if s.state == SpeakerState.WAITING]
        if not current and not waiting:
            raise ValidationError(
                "Tidak ada pembicara berikutnya pada \"{title}\".",
                "There is no next speaker for \"{title}\".",
                title=item.title,
            )
        for speaker in current:
            _finish_speaker(storage, speaker, now)
        if not waiting:
            return None
        _start_speaker(storage, waiting[0], now)
        assert waiting[0].id is not None
        return get_speaker(storage, waiting[0].id)


def add_speaker_time(
    storage: Storage, speaker_id: int, seconds: int = 60
) -> Speaker:
    """Give a speaker more time (+1 minute), or less with a negative amount."""
    with storage.transaction():
        speaker = get_speaker(storage, speaker_id)
        allotted = max(0, speaker.allotted_seconds + seconds)
        _check_allotted(allotted)
        storage.update_speaker_fields(speaker_id, {"allotted_seconds": allotted})
        return get_speaker(storage, speaker_id)


@dataclass(frozen=True)
class LiveSpeaker:
    """The speaker with the floor (speaking) or holding it (paused)."""

    speaker: Speaker
    since: datetime | None  # start of the current stretch while speaking

    def countdown(
        self, clock: Clock, warning_seconds: int = DEFAULT_WARNING_SECONDS
    ) -> Countdown:
        """The speaker's countdown, running while they speak."""
        return Countdown(
            self.speaker.allotted_seconds, clock, warning_seconds,
            elapsed_before=float(self.speaker.spoken_seconds),
            running_since=self.since if self.speaker.state == SpeakerState.SPEAKING else None,
        )


def live_speaker(storage: Storage, event_id: int) -> LiveSpeaker | None:
    """Who has the floor: the speaker speaking, else a paused one (of the item going on
    first), else None."""
    speakers = storage.list_event_speakers(
        event_id, [SpeakerState.SPEAKING, SpeakerState.PAUSED]
    )
    speaking = [s for s in speakers if s.state == SpeakerState.SPEAKING]
    if speaking:
        speaker = speaking[0]
        uid, since = _speaking_entry(storage, event_id)
        if uid != speaker.uid or since is None:
            since = speaker.started_at if speaker.spoken_seconds == 0 else None
        return LiveSpeaker(speaker, since)
    if not speakers:
        return None
    running = storage.running_rundown_items(event_id)
    running_id = running[0].id if running else None
    speakers.sort(key=lambda s: s.rundown_item_id != running_id)
    return LiveSpeaker(speakers[0], None)


@dataclass(frozen=True)
class SpeakerTotal:
    """Speaking time of one speaker (turns of the same name and instansi together)."""

    name: str
    instansi: str
    turns: int
    spoken_seconds: int
    allotted_seconds: int


@dataclass(frozen=True)
class InstansiTotal:
    """Speaking time of one instansi."""

    instansi: str
    speakers: int
    turns: int
    spoken_seconds: int


@dataclass(frozen=True)
class SpeakerStatistics:
    """Speaking time per speaker and per instansi, longest first."""

    per_speaker: list[SpeakerTotal]
    per_instansi: list[InstansiTotal]


def speaker_statistics(
    storage: Storage, event_id: int, *, clock: Clock = utc_now
) -> SpeakerStatistics:
    """Who spoke how long (the current stretch of the speaker speaking included).

    Only speakers who have started count.
    """
    now = clock()
    per_speaker: dict[tuple[str, str], list[int]] = {}
    per_instansi: dict[str, tuple[set[str], list[int]]] = {}
    for speaker in storage.list_event_speakers(event_id):
        if speaker.started_at is None:
            continue
        spoken = speaker.spoken_seconds + _stretch_seconds(storage, speaker, now)
        totals = per_speaker.setdefault((speaker.name, speaker.instansi), [0, 0, 0])
        totals[0] += 1
        totals[1] += spoken
        totals[2] += speaker.allotted_seconds
        names, sums = per_instansi.setdefault(speaker.instansi, (set(), [0, 0]))
        names.add(speaker.name)
        sums[0] += 1
        sums[1] += spoken
    speakers = [SpeakerTotal(name, inst, *values) for (name, inst), values in per_speaker.items()]
    speakers.sort(key=lambda t: (-t.spoken_seconds, t.name))
    instansi = [
        InstansiTotal(inst, len(names), sums[0], sums[1])
        for inst, (names, sums) in per_instansi.items()
    ]
    instansi.sort(key=lambda t: (-t.spoken_seconds, t.instansi))
    return SpeakerStatistics(speakers, instansi)


# -- choosing people ------------------------------------------------------------------


def narasumber_invitees(storage: Storage, event_id: int) -> list[Invitee]:
    """The resource persons of an event, in the order of the invitation list."""
    found = (storage.get_invitee(i) for i in storage.invitee_ids_with_role(
        event_id, Role.NARASUMBER.value))
    return [i for i in found if i is not None]


def speaker_candidates(storage: Storage, event_id: int, query: str = "", limit: int = 20
                       ) -> list[Invitee]:
    """Invitees to pick a speaker from: the narasumber first, then the best matches."""
    found = storage.list_invitees(event_id, query, limit=limit)
    found.sort(key=lambda i: i.role != Role.NARASUMBER)  # stable: keeps the ranking
    return found


def addressee_choices(storage: Storage, event_id: int) -> list[str]:
    """Whom a question can be addressed to: each narasumber's jabatan (or name), then
    the presenters on the rundown who are not invitees."""
    choices: list[str] = []
    for invitee in narasumber_invitees(storage, event_id):
        label = invitee.jabatan or invitee_display_name(invitee)
        if label not in choices:
            choices.append(label)
    for item in storage.list_rundown_items(event_id):
        if item.kind != RundownKind.PAPARAN or item.id is None:
            continue
        for speaker in storage.list_speakers(item.id):
            if speaker.invitee_id is None and speaker.name not in choices:
                choices.append(speaker.name)
    return choices
