"""What a committed write changed: the contract between the core and the screens.

A :class:`Changes` names the event and the areas of the window a write touched
(attendance, invitees, event details, rundown and speakers, discussion, document
settings, photos). The screens refresh only what concerns them (Anki's
``OpChanges``); ``everything`` says "anything of this event may have changed",
which is what a change committed by another program (the CLI, another desk) is,
as only SQLite's ``data_version`` tells us about those.

How the areas are collected, and why this way: nothing has to remember to report
a change. When the storage opens a database it adds one temporary trigger per
table and kind of write (``AFTER INSERT/UPDATE/DELETE``, on this connection only,
never stored in the file) that notes the table and the row's event in a temporary
table. :meth:`rakor_desktop.storage.database.StorageBase.transaction` reads the notes
just before it commits, turns them into one :class:`Changes` per event
(:func:`from_tables`) and hands them to the listeners registered with
:meth:`~rakor_desktop.storage.database.StorageBase.add_change_listener` after the
commit. A rolled-back transaction or savepoint rolls its notes back with it, so
listeners hear only of what is really in the database. Every write counts — the
storage methods, bulk imports with ``executemany`` and writes a future helper adds
— without a list of call sites to keep up to date. Listeners are plain callables;
the GUI's runner (``ui/runner.py``) turns them into one Qt signal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

#: The area of the window each table belongs to (a field of :class:`Changes`).
TABLE_AREAS: dict[str, str] = {
    "events": "details",
    "event_officials": "details",
    "persons": "invitees",
    "invitees": "invitees",
    "attendance_log": "attendance",
    "rundown_items": "rundown",
    "speakers": "rundown",
    "termins": "discussion",
    "questions": "discussion",
    "follow_ups": "discussion",
    "conclusions": "discussion",
    "photos": "photos",
    "event_settings": "documents",
    # The venue network (issue 13): paired desks, a desk's link and outbox.
    "network_desks": "network",
    "desk_link": "network",
    "sync_outbox": "network",
    # Phones in the hall (issue 14): questions from the floor, walk-ins by phone.
    "floor_questions": "discussion",
    "phone_walkins": "attendance",
    # Bookkeeping written along with another table's write: no area of its own.
    "sync_feed": "",
}


@dataclass(frozen=True)
class Changes:
    """The areas of one event that a committed write changed.

    ``event_id`` None means "not tied to one event" (a person's name, shown in
    every event they are invited to, or a change from elsewhere whose event is not
    known): every event's views treat it as theirs.
    """

    event_id: int | None
    attendance: bool = False
    invitees: bool = False
    details: bool = False
    rundown: bool = False
    discussion: bool = False
    documents: bool = False
    photos: bool = False
    network: bool = False
    everything: bool = False
    #: Committed by another connection of this program that said what it wrote (the
    #: venue network's): the views of those areas read them again, as for
    #: ``everything``, where a page's own action needs no re-read.
    external: bool = False

    def concerns(self, event_id: int | None) -> bool:
        """Whether a view showing ``event_id`` must look at this change."""
        return self.event_id is None or event_id is None or self.event_id == event_id

    def touched(self, area: str) -> bool:
        """Whether ``area`` (a field name such as ``"attendance"``) may have changed."""
        return self.everything or bool(getattr(self, area))

    def changed_elsewhere(self, area: str) -> bool:
        """Whether ``area`` was changed by someone else than this window's pages (another
        program, a desk, a phone): then a view of it must read it again."""
        return self.everything or (self.external and bool(getattr(self, area)))

    @property
    def any(self) -> bool:
        """Whether anything at all changed."""
        return any(getattr(self, f.name) for f in fields(self)
                   if f.name not in ("event_id", "external"))

    def merged(self, other: Changes) -> Changes:
        """Both changes together (the event kept only when both name the same)."""
        event_id = self.event_id if self.event_id == other.event_id else None
        flags = {
            f.name: bool(getattr(self, f.name) or getattr(other, f.name))
            for f in fields(self)
            if f.name != "event_id"
        }
        return Changes(event_id, **flags)


AREAS = tuple(f.name for f in fields(Changes)
              if f.name not in ("event_id", "everything", "external"))


def from_tables(rows: Iterable[tuple[str, int | None]]) -> list[Changes]:
    """One :class:`Changes` per event from ``(table, event_id)`` notes.

    A table this module does not know (added by a later migration) makes
    ``everything`` of its event changed, so no view misses it.
    """
    per_event: dict[int | None, dict[str, bool]] = {}
    for table, event_id in rows:
        area = TABLE_AREAS.get(table, "everything")
        flags = per_event.setdefault(event_id, {})
        if area:
            flags[area] = True
    return [Changes(event_id, **flags) for event_id, flags in per_event.items() if flags]
