"""Undo and redo for the meeting record (reorder, status changes, deletions …).

A :class:`Command` is what one operation changed in the record of an event: the
rows it inserted, the rows it deleted, and for the rows it changed only the
columns that changed, before and after. It is captured by running the
operation between two snapshots of the record
(:meth:`~rakor_desktop.storage.record.RecordQueries.record_snapshot`), so every
operation of :mod:`rakor_desktop.operations.rundown` and
:mod:`rakor_desktop.operations.discussion` is undoable without writing its inverse by hand:

- ``revert`` writes the "before" values back, ``apply`` the "after" values;
- rows are found by uid, so a row deleted and restored is the same row again
  (its foreign keys inside the record are kept as the parents' uids);
- only the columns the command changed are written, so a later edit of another
  column (notes typed after a reorder) is never undone with it.

Redo re-applies the recorded result, it does not run the operation again: a
speaker started at 09.42 and redone at 09.50 started at 09.42.

:class:`UndoStack` keeps the commands of one event. It knows no screen; the
front end calls :meth:`UndoStack.run` with each operation and a label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from rakor_desktop.storage import Storage
from rakor_desktop.storage.record import RECORD_TABLES, SETTINGS_TABLE

T = TypeVar("T")

Snapshot = Mapping[str, Mapping[str, Mapping[str, Any]]]

# Parents before children: inserts in this order, deletions in the reverse one.
_TABLE_ORDER: tuple[str, ...] = (*(t.name for t in RECORD_TABLES), SETTINGS_TABLE)

DEFAULT_LIMIT = 200
"""Commands kept; the oldest are forgotten beyond this."""


@dataclass(frozen=True)
class RowChange:
    """One row changed by a command.

    ``before`` None: the command inserted the row (``after`` is the whole row).
    ``after`` None: the command deleted it (``before`` is the whole row).
    Both given: the columns that changed, with their old and new values.
    """

    table: str
    key: str  # the row's uid (the setting's key for event_settings)
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None


def diff_snapshots(before: Snapshot, after: Snapshot) -> tuple[RowChange, ...]:
    """What changed between two snapshots of an event's record, parents first."""
    changes: list[RowChange] = []
    for table in _TABLE_ORDER:
        old_rows = before.get(table, {})
        new_rows = after.get(table, {})
        for key in sorted(old_rows.keys() | new_rows.keys()):
            old, new = old_rows.get(key), new_rows.get(key)
            if old is None and new is not None:
                changes.append(RowChange(table, key, None, dict(new)))
            elif new is None and old is not None:
                changes.append(RowChange(table, key, dict(old), None))
            elif old is not None and new is not None:
                changed = [c for c in new if old.get(c) != new[c]]
                if changed:
                    changes.append(
                        RowChange(
                            table, key,
                            {c: old.get(c) for c in changed},
                            {c: new[c] for c in changed},
                        )
                    )
    return tuple(changes)


def _write(storage: Storage, event_id: int, changes: tuple[RowChange, ...], forward: bool) -> None:
    """Write one side of the changes: deletions children first, then the rest parents first."""
    deletions: list[RowChange] = []
    writes: list[RowChange] = []
    for change in changes:
        target = change.after if forward else change.before
        (deletions if target is None else writes).append(change)
    with storage.transaction():
        for change in reversed(deletions):
            storage.restore_record_row(event_id, change.table, change.key, None)
        for change in writes:
            target = change.after if forward else change.before
            storage.restore_record_row(
                event_id, change.table, change.key, target,
                partial=change.before is not None and change.after is not None,
            )


@dataclass(frozen=True)
class Command:
    """One undoable step: what an operation changed in the record of one event."""

    label: str
    event_id: int
    changes: tuple[RowChange, ...]

    def apply(self, storage: Storage) -> None:
        """Make the change (again): the redo."""
        _write(storage, self.event_id, self.changes, forward=True)

    def revert(self, storage: Storage) -> None:
        """Take the change back: the undo."""
        _write(storage, self.event_id, self.changes, forward=False)

    def tables(self) -> set[str]:
        """The tables this command touches."""
        return {c.table for c in self.changes}


class UndoStack:
    """Undo and redo of the record of one event.

    Args:
        storage: The database.
        event_id: The event whose record the commands change.
        limit: How many commands are kept.
    """

    def __init__(self, storage: Storage, event_id: int, *, limit: int = DEFAULT_LIMIT) -> None:
        self.storage = storage
        self.event_id = event_id
        self.limit = max(1, limit)
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def run(self, label: str, operation: Callable[[], T]) -> T:
        """Run an operation as one undoable command named ``label``.

        The operation and both snapshots run in one transaction: when it raises,
        nothing is written and nothing is pushed. An operation that changes
        nothing leaves the stack as it was.
        """
        with self.storage.transaction():
            before = self.storage.record_snapshot(self.event_id)
            result = operation()
            after = self.storage.record_snapshot(self.event_id)
        changes = diff_snapshots(before, after)
        if changes:
            self._done.append(Command(label, self.event_id, changes))
            del self._done[: -self.limit]
            self._undone.clear()
        return result

    @property
    def can_undo(self) -> bool:
        """Whether there is something to undo."""
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        """Whether there is something to redo."""
        return bool(self._undone)

    @property
    def undo_label(self) -> str:
        """The label of the command undo would take back ("" when none)."""
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        """The label of the command redo would make again ("" when none)."""
        return self._undone[-1].label if self._undone else ""

    def undo(self) -> Command | None:
        """Take the latest command back; returns it (None when there was none)."""
        if not self._done:
            return None
        command = self._done[-1]
        command.revert(self.storage)  # on an error the command stays where it was
        self._done.pop()
        self._undone.append(command)
        return command

    def redo(self) -> Command | None:
        """Make the latest undone command again; returns it (None when there was none)."""
        if not self._undone:
            return None
        command = self._undone[-1]
        command.apply(self.storage)
        self._undone.pop()
        self._done.append(command)
        return command

    def clear(self) -> None:
        """Forget every command (e.g. when another event is opened)."""
        self._done.clear()
        self._undone.clear()

    def __len__(self) -> int:
        return len(self._done)
