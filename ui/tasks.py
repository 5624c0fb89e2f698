"""Slow work off the GUI thread (STYLE.md §5).

A task is a plain function run in Qt's global thread pool; its result or its
error comes back to the GUI thread through a signal. The function never touches
widgets, and opens its own SQLite connection when it needs one.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from rakor_desktop.messages import RakorError

log = logging.getLogger("rakor.ui.tasks")


class _Relay(QObject):
    """Carries the outcome of a task back to the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    """Runs in a pool thread. It holds only a weak reference to its relay: the relay
    (a QObject of the GUI thread) must never be freed in the worker, or the worker may
    wait for the GIL while holding a Qt lock the GUI thread waits for."""

    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = weakref.ref(relay)

    def _emit(self, signal_name: str, value: Any) -> None:
        relay = self._relay()
        if relay is not None:
            getattr(relay, signal_name).emit(value)
        del relay

    def run(self) -> None:
        try:
            result = self._work()
        except RakorError as exc:  # expected (unwritable folder, cancelled): the user is told
            log.info("background task refused: %s", exc)
            self._emit("failed", exc)
        except Exception as exc:  # reported to the GUI thread, which decides
            log.exception("background task failed")
            self._emit("failed", exc)
        else:
            self._emit("finished", result)


_running: set[_Relay] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """Run ``work()`` in the thread pool; call ``on_done``/``on_error`` in the GUI thread."""
    relay = _Relay()
    _running.add(relay)

    def release() -> None:
        # Later, on the GUI thread: the worker has long dropped its brief reference.
        QTimer.singleShot(1000, lambda: _running.discard(relay))

    def done(result: Any) -> None:
        release()
        if on_done is not None:
            on_done(result)

    def failed(error: Any) -> None:
        release()
        if on_error is not None:
            on_error(error)

    relay.finished.connect(done)
    relay.failed.connect(failed)
    QThreadPool.globalInstance().start(_Task(work, relay))


def wait_for_background_tasks(msecs: int = 30000) -> bool:
    """Wait for running tasks (at exit, and in tests)."""
    return bool(QThreadPool.globalInstance().waitForDone(msecs))
