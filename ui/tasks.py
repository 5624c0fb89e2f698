"""Slow work off the GUI thread (STYLE.md §5), the one helper every slow action uses.

A task is a plain function run in Qt's global thread pool; its result or its
error comes back to the GUI thread through a signal. The function never touches
widgets, and opens its own SQLite connection when it needs one.

* :func:`run_in_background` runs a function and calls back on the GUI thread.
* :func:`run_with_progress` adds what a person sees: a progress dialog that appears
  only when the work takes more than :data:`PROGRESS_DELAY_MS`, a Cancel button,
  and a failure shown as one message in the user's language (never ``repr``).

Nothing is kept per task once it has reported: the outcome travels through one
dispatcher (a QObject of the GUI thread, made once) keyed by the task's number, so
no QObject is ever freed in a worker thread and none is left behind. A task that
fails after its Cancel was pressed counts as cancelled: it is logged as one line,
not as a traceback.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from rakor_desktop.messages import RakorError

from .runner import message_for

log = logging.getLogger("rakor.ui.tasks")

#: A progress dialog appears only for work that lasts longer than this.
PROGRESS_DELAY_MS = 500


class TaskCancelled(Exception):
    """Raised by :meth:`Progress.check` once the user pressed Cancel.

    A task that stops with its own error after the Cancel (the core's "export
    cancelled, nothing was written") reaches the GUI as this, with that error as
    :attr:`cause`.
    """

    def __init__(self, cause: BaseException | None = None) -> None:
        super().__init__()
        self.cause = cause

    @property
    def message(self) -> str:
        """The cause's words for the user when it has some ("" otherwise)."""
        return str(self.cause) if isinstance(self.cause, RakorError) else ""


@dataclass
class _Callbacks:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    cancel: threading.Event | None


class _Dispatcher(QObject):
    """Carries outcomes back to the GUI thread (one for the whole app)."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    step = Signal(int, int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self.callbacks: dict[int, _Callbacks] = {}
        self.steps: dict[int, Callable[[int, int, str], None]] = {}
        self.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.step.connect(self._step, Qt.ConnectionType.QueuedConnection)

    def _finished(self, number: int, result: Any) -> None:
        self.steps.pop(number, None)
        callbacks = self.callbacks.pop(number, None)
        if callbacks is not None and callbacks.on_done is not None:
            callbacks.on_done(result)

    def _failed(self, number: int, error: Any) -> None:
        self.steps.pop(number, None)
        callbacks = self.callbacks.pop(number, None)
        if callbacks is not None and callbacks.on_error is not None:
            callbacks.on_error(error)

    def _step(self, number: int, done: int, total: int, what: str) -> None:
        show = self.steps.get(number)
        if show is not None:
            show(done, total, what)


_dispatcher: _Dispatcher | None = None
_numbers = itertools.count(1)


def _the_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:  # first use, on the GUI thread
        _dispatcher = _Dispatcher()
    return _dispatcher


def pending_tasks() -> int:
    """How many tasks have not reported yet (0 once all are done: nothing leaks)."""
    return 0 if _dispatcher is None else len(_dispatcher.callbacks)


def _run_task(number: int, work: Callable[[], Any], dispatcher: _Dispatcher,
              cancel: threading.Event | None) -> None:
    """Runs in a pool thread; it reports through the dispatcher (which lives as long as
    the app, so no QObject is ever freed here) and keeps nothing afterwards."""
    try:
        result = work()
    except Exception as exc:  # reported to the GUI thread, which decides
        if isinstance(exc, TaskCancelled) or (cancel is not None and cancel.is_set()):
            log.info("background task cancelled")
            exc = exc if isinstance(exc, TaskCancelled) else TaskCancelled(exc)
        elif isinstance(exc, RakorError | OSError):  # the user is told what to do
            log.info("background task refused: %s", exc)
        else:
            log.exception("background task failed")
        _report(dispatcher.failed, number, exc)
    else:
        _report(dispatcher.finished, number, result)


def _report(signal: Any, number: int, value: object) -> None:
    try:
        signal.emit(number, value)
    except RuntimeError:  # the app has quit meanwhile: nobody is left to tell
        log.info("background task ended after the app quit")


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    *,
    cancel: threading.Event | None = None,
) -> int:
    """Run ``work()`` in the thread pool; call ``on_done``/``on_error`` in the GUI thread.

    With ``cancel``, an error raised once it is set reaches ``on_error`` as
    :class:`TaskCancelled`.

    Returns:
        The task's number.
    """
    dispatcher = _the_dispatcher()
    number = next(_numbers)
    dispatcher.callbacks[number] = _Callbacks(on_done, on_error, cancel)
    QThreadPool.globalInstance().start(partial(_run_task, number, work, dispatcher, cancel))
    return number


class Progress:
    """What a task's work may use, from its thread: report steps, notice a Cancel.

    Made by :func:`run_with_progress`; made alone (no dispatcher), it only carries the
    Cancel flag.
    """

    def __init__(
        self,
        cancel: threading.Event | None = None,
        *,
        number: int = 0,
        dispatcher: _Dispatcher | None = None,
    ) -> None:
        self._number = number
        self._cancel = cancel if cancel is not None else threading.Event()
        self._dispatcher = dispatcher
        #: The last step reported (done, total).
        self.done, self.total = 0, 0

    @property
    def cancelled(self) -> bool:
        """Whether the user pressed Cancel."""
        return self._cancel.is_set()

    def report(self, done: int, total: int, what: str = "") -> bool:
        """Show ``done`` of ``total``; returns False once the user cancelled."""
        self.done, self.total = done, total
        if self._dispatcher is not None:
            try:
                self._dispatcher.step.emit(self._number, done, total, what)
            except RuntimeError:  # the app has quit meanwhile
                self._cancel.set()
        return not self._cancel.is_set()

    def step(self, done: int, total: int) -> None:
        """A renderer's progress callback: report, and stop once the user cancelled."""
        self.check()
        self.report(done, total)

    def cancel(self) -> None:
        """What the Cancel button does."""
        self._cancel.set()

    def check(self, _done: int = 0, _total: int = 0) -> None:
        """Raise :class:`TaskCancelled` once the user cancelled (a progress callback)."""
        if self._cancel.is_set():
            raise TaskCancelled()


@dataclass
class TaskHandle:
    """A task under way with its progress dialog."""

    dialog: QProgressDialog
    cancel: threading.Event

def run_with_progress(
    parent: QWidget,
    *,
    title: str,
    label: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_cancel: Callable[[str], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> TaskHandle:
    """Run ``work(progress)`` in the background behind a progress dialog.

    The dialog appears only after :data:`PROGRESS_DELAY_MS` and its Cancel sets the
    flag ``work`` looks at; ``on_cancel(message)`` is told when the work stopped
    (``message``: the core's own words about it, or ""). A failure becomes one
    message in the user's language: given to ``on_error``, or shown in a warning box
    titled ``title``.
    """
    dispatcher = _the_dispatcher()
    cancel = threading.Event()
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(cancel.set)
    dialog.setValue(0)  # starts Qt's clock: shown after the minimum duration, not 4 s

    def finish() -> None:
        dialog.canceled.disconnect()
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(error: Exception) -> None:
        finish()
        if isinstance(error, TaskCancelled):
            if on_cancel is not None:
                on_cancel(error.message)
            return
        message = message_for(error)
        if on_error is not None:
            on_error(message)
        else:
            QMessageBox.warning(parent, title, message)

    def show_step(done_steps: int, total: int, what: str) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done_steps, total))
        if what:
            dialog.setLabelText(f"{label}\n{what}")

    number = next(_numbers)
    progress = Progress(cancel, number=number, dispatcher=dispatcher)
    dispatcher.steps[number] = show_step
    dispatcher.callbacks[number] = _Callbacks(done, failed, cancel)
    QThreadPool.globalInstance().start(
        partial(_run_task, number, partial(work, progress), dispatcher, cancel)
    )
    return TaskHandle(dialog, cancel)


def wait_for_background_tasks(msecs: int = 30000) -> bool:
    """Wait for running tasks (at exit, and in tests)."""
    return bool(QThreadPool.globalInstance().waitForDone(msecs))
