"""Table models over the storage. Search and paging happen in SQL: the view only
ever holds the rows it shows (STYLE.md §4)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from rakor_desktop.formatting import format_clock, format_date, format_name, format_nip
from rakor_desktop.models import EventSummary, Invitee
from rakor_desktop.storage import Storage

from .widgets import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200


def _headers() -> dict[str, str]:
    """Column titles of the tables, in the current language."""
    return {
        "no": QCoreApplication.translate("Models", "No."),
        "name": QCoreApplication.translate("Models", "Name"),
        "nip": QCoreApplication.translate("Models", "NIP/NRP"),
        "jabatan": QCoreApplication.translate("Models", "Position"),
        "instansi": QCoreApplication.translate("Models", "Institution"),
        "group": QCoreApplication.translate("Models", "Group"),
        "code": QCoreApplication.translate("Models", "Code"),
        "present": QCoreApplication.translate("Models", "Present"),
        "date": QCoreApplication.translate("Models", "Date"),
        "title": QCoreApplication.translate("Models", "Event"),
        "venue": QCoreApplication.translate("Models", "Venue"),
        "attendance": QCoreApplication.translate("Models", "Present / invited"),
    }


class ColumnTableModel(QAbstractTableModel):
    """A flat table whose columns are named in ``COLUMNS`` (titles from :func:`_headers`)."""

    COLUMNS: tuple[str, ...] = ()

    def row_count(self) -> int:
        """How many rows there are (subclasses)."""
        raise NotImplementedError

    def column_titles(self) -> dict[str, str]:
        """The title of each column name, in the language shown (subclasses may own theirs)."""
        return _headers()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return self.column_titles()[self.COLUMNS[section]]


class InviteeTableModel(ColumnTableModel):
    """The invitation list of one event, filtered by a search text, paged from SQL."""

    COLUMNS: tuple[str, ...] = (
        "no", "name", "nip", "jabatan", "instansi", "group", "code", "present"
    )

    def __init__(self, storage: Storage, parent: Any = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id: int | None = None
        self._timezone = "WIB"
        self._query = ""
        self._count = 0
        self._pages: dict[int, list[Invitee]] = {}

    # -- what to show --------------------------------------------------------------

    def set_event(self, event_id: int | None, timezone: str = "WIB") -> None:
        """Show the invitation list of another event (None: empty)."""
        self._event_id = event_id
        self._timezone = timezone
        self.refresh()

    def set_query(self, query: str) -> None:
        """Filter by what was typed (name without titles, jabatan, instansi, code)."""
        if query != self._query:
            self._query = query
            self.refresh()

    def refresh(self) -> None:
        """Reload from the database (after an import, a check-in, ...)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = (
            0 if self._event_id is None
            else self._storage.count_invitees(self._event_id, self._query)
        )
        self.endResetModel()

    def invitee(self, row: int) -> Invitee | None:
        """The invitee shown in ``row``."""
        if self._event_id is None or not 0 <= row < self._count:
            return None
        page_number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            page = self._storage.list_invitees(
                self._event_id, self._query, limit=PAGE_SIZE, offset=page_number * PAGE_SIZE
            )
            self._pages[page_number] = page
        return page[offset] if offset < len(page) else None

    # -- Qt model interface ----------------------------------------------------------

    def row_count(self) -> int:
        return self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._count:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("no", "present"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:  # a walk-in's name typed on a phone: text
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            return plain_tooltip(text) if isinstance(text, str) else text
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        invitee = self.invitee(index.row())
        if invitee is None:
            return None
        person = invitee.person
        if column == "no":
            return invitee.position
        if column == "name":
            return format_name(person.name, person.front_titles, person.back_titles)
        if column == "nip":
            return format_nip(person.nip)
        if column == "jabatan":
            return invitee.jabatan
        if column == "instansi":
            return invitee.instansi
        if column == "group":
            return invitee.group_name
        if column == "code":
            return invitee.checkin_code
        if invitee.first_checkin_at is None:
            return ""
        return format_clock(invitee.first_checkin_at, self._timezone)


class EventListModel(ColumnTableModel):
    """The events of the database, for the event chooser."""

    COLUMNS = ("date", "title", "venue", "attendance")

    def __init__(self, storage: Storage, parent: Any = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._events: list[EventSummary] = []
        self.refresh()

    def refresh(self) -> None:
        """Reload the list of events."""
        self.beginResetModel()
        self._events = self._storage.list_events()
        self.endResetModel()

    def event_id(self, row: int) -> int | None:
        """The id of the event in ``row``."""
        return self._events[row].id if 0 <= row < len(self._events) else None

    def row_of(self, event_id: int) -> int:
        """The row of an event, or -1."""
        return next((i for i, e in enumerate(self._events) if e.id == event_id), -1)

    def row_count(self) -> int:
        return len(self._events)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        ):
            return None
        event = self._events[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "date":
            return format_date(event.date)
        if column == "title":
            return event.title
        if column == "venue":
            return event.venue
        return f"{event.present} / {event.invited}"
