"""The countdown of the speaker's timer, driven by a manual clock (nothing sleeps)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from rakor_desktop.timer import Countdown, ManualClock, TimerPhase, format_seconds

START = datetime(2023, 12, 14, 2, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def test_counts_down_while_running(clock: ManualClock) -> None:
    countdown = Countdown(300, clock, warning_seconds=60)
    assert countdown.display() == "05:00"
    assert not countdown.running
    clock.advance(10)
    assert countdown.remaining() == 300  # not started yet
    countdown.start()
    clock.advance(0.4)
    assert countdown.display() == "05:00"  # a started second shows as a whole one
    clock.advance(59.6)
    assert countdown.display() == "04:00"
    assert countdown.elapsed() == 60
    assert countdown.phase() == TimerPhase.NORMAL


def test_warning_in_the_last_seconds(clock: ManualClock) -> None:
    countdown = Countdown(120, clock, warning_seconds=30)
    countdown.start()
    clock.advance(89)
    assert countdown.phase() == TimerPhase.NORMAL
    clock.advance(1)
    assert countdown.display() == "00:30"
    assert countdown.phase() == TimerPhase.WARNING
    clock.advance(30)
    assert countdown.display() == "00:00"
    assert countdown.phase() == TimerPhase.WARNING  # exactly at zero: time is up, not over


def test_overtime_counts_up(clock: ManualClock) -> None:
    countdown = Countdown(60, clock)
    countdown.start()
    clock.advance(60.5)
    assert countdown.phase() == TimerPhase.OVERTIME
    assert countdown.display() == "+00:00"
    clock.advance(65)
    assert countdown.display() == "+01:05"
    assert countdown.overtime() == pytest.approx(65.5)
    assert countdown.remaining() == pytest.approx(-65.5)


def test_pause_keeps_the_time(clock: ManualClock) -> None:
    countdown = Countdown(300, clock)
    countdown.start()
    clock.advance(100)
    countdown.pause()
    assert not countdown.running
    clock.advance(1000)  # a long pause counts nothing
    assert countdown.display() == "03:20"
    countdown.pause()  # pausing twice changes nothing
    countdown.resume()
    clock.advance(20)
    assert countdown.display() == "03:00"
    countdown.toggle()
    assert not countdown.running
    countdown.toggle()
    assert countdown.running


def test_add_a_minute_and_reset(clock: ManualClock) -> None:
    countdown = Countdown(60, clock)
    countdown.start()
    clock.advance(70)
    assert countdown.phase() == TimerPhase.OVERTIME
    countdown.add_time(60)
    assert countdown.display() == "00:50"
    assert countdown.phase() == TimerPhase.WARNING
    countdown.add_time(-500)
    assert countdown.allotted_seconds == 0
    countdown.reset()
    assert (countdown.elapsed(), countdown.running) == (0, False)


def test_format_seconds() -> None:
    assert format_seconds(0) == "00:00"
    assert format_seconds(59.9) == "00:59"
    assert format_seconds(600) == "10:00"
    assert format_seconds(3723) == "1:02:03"
    assert format_seconds(-5) == "00:00"


def test_manual_clock_needs_an_aware_start() -> None:
    with pytest.raises(ValueError):
        ManualClock(datetime(2023, 12, 14, 9, 0))
    clock = ManualClock(START)
    assert clock.advance(minutes=2) == clock() == datetime(2023, 12, 14, 2, 2, tzinfo=UTC)
