"""Countdown logic for the speaker's timer, with an injected clock (no Qt, no sleeping).

A :class:`Countdown` counts a speaking time down from what was allotted; it can be
paused and resumed and given more time. It knows when the last seconds are
reached (:attr:`TimerPhase.WARNING`) and counts up past zero in overtime. The
screens only ask it what to show, at whatever rate they refresh.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from rakor_desktop.clock import Clock

DEFAULT_WARNING_SECONDS = 60
"""The last seconds shown in the warning colour, unless the event's setting says otherwise."""


class TimerPhase(StrEnum):
    """What a countdown shows now."""

    IDLE = "idle"  # nothing to count (no speaker)
    NORMAL = "normal"
    WARNING = "warning"  # in the last seconds
    OVERTIME = "overtime"  # past zero, counting up


def format_seconds(seconds: float) -> str:
    """``"04:59"``; with hours ``"1:02:03"``. Negative values count as zero."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


@dataclass
class Countdown:
    """A countdown of ``allotted_seconds`` read from ``clock``.

    Attributes:
        allotted_seconds: The time given (``add_time`` changes it).
        clock: Gives the current moment (aware datetime); tests pass a fake one.
        warning_seconds: The last seconds that show as a warning.
        elapsed_before: Seconds counted before the current run.
        running_since: When the current run began; None while paused or stopped.
    """

    allotted_seconds: int
    clock: Clock
    warning_seconds: int = DEFAULT_WARNING_SECONDS
    elapsed_before: float = 0.0
    running_since: datetime | None = None

    @property
    def running(self) -> bool:
        """Whether the time is running (not paused)."""
        return self.running_since is not None

    def start(self) -> None:
        """Start, or resume after a pause (no effect while running)."""
        if self.running_since is None:
            self.running_since = self.clock()

    resume = start

    def pause(self) -> None:
        """Stop the time, keeping what was counted (no effect while paused)."""
        if self.running_since is not None:
            self.elapsed_before = self.elapsed()
            self.running_since = None

    def toggle(self) -> None:
        """Pause when running, resume when paused."""
        if self.running:
            self.pause()
        else:
            self.start()

    def add_time(self, seconds: int = 60) -> None:
        """Give more time (``+1 menit``); a negative amount takes time away, down to zero."""
        self.allotted_seconds = max(0, self.allotted_seconds + seconds)

    def reset(self) -> None:
        """Back to the full time, stopped."""
        self.elapsed_before = 0.0
        self.running_since = None

    def elapsed(self) -> float:
        """Seconds counted so far."""
        running = 0.0
        if self.running_since is not None:
            running = max(0.0, (self.clock() - self.running_since).total_seconds())
        return self.elapsed_before + running

    def remaining(self) -> float:
        """Seconds left; negative in overtime."""
        return self.allotted_seconds - self.elapsed()

    def overtime(self) -> float:
        """Seconds past zero (0 when not in overtime)."""
        return max(0.0, -self.remaining())

    def phase(self) -> TimerPhase:
        """Normal, warning (the last ``warning_seconds``) or overtime."""
        remaining = self.remaining()
        if remaining < 0:
            return TimerPhase.OVERTIME
        if remaining <= self.warning_seconds:
            return TimerPhase.WARNING
        return TimerPhase.NORMAL

    def display(self) -> str:
        """What the clock face shows: ``"04:59"`` counting down, ``"+01:05"`` in overtime.

        Counting down, a started second shows as a whole one (4:59.2 left shows
        ``"05:00"``), so ``"00:00"`` is shown exactly when the time is up.
        """
        remaining = self.remaining()
        if remaining < 0:
            return "+" + format_seconds(math.floor(-remaining))
        return format_seconds(math.ceil(remaining))


class ManualClock:
    """A clock that only moves when told to: for tests, demos and benchmarks.

    Calling it gives the current moment, like :func:`rakor_desktop.clock.utc_now`.
    """

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("naive datetime: the clock gives aware moments")
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0, *, minutes: float = 0) -> datetime:
        """Move the clock forward; returns the new moment."""
        self.now += timedelta(seconds=seconds, minutes=minutes)
        return self.now
