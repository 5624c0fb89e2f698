"""Time helpers: one clock for the core, replaceable in tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current moment as an aware UTC datetime."""
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    """A recorded moment as stored: UTC, ISO 8601 with milliseconds (sorts as text)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: recorded moments must be aware")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def from_iso(text: str | None) -> datetime | None:
    """The inverse of :func:`to_iso` (None stays None)."""
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def time_to_text(value: time | None) -> str | None:
    """A time of day as stored: ``HH:MM``."""
    return None if value is None else value.strftime("%H:%M")


def time_from_text(text: str | None) -> time | None:
    """The inverse of :func:`time_to_text`."""
    return None if not text else time.fromisoformat(text)


def date_to_text(value: date | None) -> str | None:
    """A date as stored: ISO ``YYYY-MM-DD``."""
    return None if value is None else value.isoformat()


def date_from_text(text: str | None) -> date | None:
    """The inverse of :func:`date_to_text`."""
    return None if not text else date.fromisoformat(text)
