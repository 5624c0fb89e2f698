"""The one place where the window calls operations and hears what changed.

:class:`OperationRunner` belongs to the main window. It

* calls an operation and turns a :class:`~rakor_desktop.messages.RakorError` or an
  :class:`OSError` into one message in the user's language (:meth:`run`,
  :func:`message_for`);
* emits ONE signal, ``changed(Changes)``, for every commit of this window's
  connection (heard from the storage's change listeners, see
  :mod:`rakor_desktop.changes`) and for every commit of anyone else: another
  program (the CLI), a worker thread's own connection (photos, imports) or, later,
  another desk. Those are noticed here only, by polling ``PRAGMA data_version``
  (which changes only when *another* connection commits, so our own writes never
  hide theirs), and announced as ``Changes(event_id, everything=True)``.

Changes are gathered and emitted once per turn of the event loop, so a page that
is still handling its own action is never refreshed in the middle of it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from rakor_desktop.changes import Changes
from rakor_desktop.messages import RakorError
from rakor_desktop.storage import Storage

#: How often the database is asked whether someone else committed.
POLL_INTERVAL_MS = 1000

P = ParamSpec("P")
T = TypeVar("T")


def message_for(error: BaseException) -> str:
    """What the user is told about ``error``: its own words, never ``repr(error)``."""
    if isinstance(error, RakorError):
        return str(error)
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        reason = error.strerror or error.__class__.__name__
        return QCoreApplication.translate(
            "OperationRunner", "The file could not be read or written{where}: {reason}."
        ).format(where=where, reason=reason)
    return str(error) or error.__class__.__name__


class OperationRunner(QObject):
    """Runs operations for the window and announces every change on one signal.

    Signals:
        changed(Changes): something was committed (by this window or elsewhere).
        failed(str): an operation was refused; the message for the user.
    """

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, storage: Storage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self.event_id: int | None = None
        self._pending: dict[int | None, Changes] = {}
        self._data_version = storage.data_version()
        storage.add_change_listener(self._committed)
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(0)
        self._emit_timer.timeout.connect(self._emit_pending)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self.look_for_changes)
        self.poll_timer.start()
        self.destroyed.connect(lambda: storage.remove_change_listener(self._committed))

    def run(self, operation: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        """Call ``operation``; on a refusal emit :attr:`failed` and return None."""
        try:
            return operation(*args, **kwargs)
        except (RakorError, OSError) as error:
            self.failed.emit(message_for(error))
            return None

    def look_for_changes(self) -> bool:
        """Announce a commit made by another connection since the last look.

        Returns:
            Whether there was one.
        """
        try:
            version = self._storage.data_version()
        except sqlite3.Error:  # a closed database: nothing more to watch
            self.poll_timer.stop()
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        self._queue(Changes(self.event_id, everything=True))
        return True

    def heard(self, changes: Changes) -> None:
        """Announce ``changes`` committed by another connection of this program (the
        venue network's) that told exactly what it wrote: the window refreshes what
        they touched, not everything, and the next look does not count them again."""
        self._queue(dataclasses.replace(changes, external=True))
        with contextlib.suppress(sqlite3.Error):  # a closed database: nothing to watch
            self._data_version = self._storage.data_version()

    def stop(self) -> None:
        """Stop watching (the window closes)."""
        self.poll_timer.stop()
        self._emit_timer.stop()
        self._storage.remove_change_listener(self._committed)

    def _committed(self, changes: Changes) -> None:
        self._queue(changes)

    def _queue(self, changes: Changes) -> None:
        known = self._pending.get(changes.event_id)
        self._pending[changes.event_id] = changes if known is None else known.merged(changes)
        self._emit_timer.start()

    def _emit_pending(self) -> None:
        pending, self._pending = self._pending, {}
        for changes in pending.values():
            self.changed.emit(changes)
