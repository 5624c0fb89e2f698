"""Table models of the check-in desk, over the storage.

The result list is paged from SQL (``Storage.desk_search``): the view holds the first
page and asks for more (``fetchMore``) only when scrolled, never the whole list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from rakor_desktop.formatting import (
    TimeZone,
    format_clock,
    format_date_long,
    format_name,
    format_time,
)
from rakor_desktop.models import AttendanceEntry, AttendanceKind
from rakor_desktop.operations import checkin as desk
from rakor_desktop.storage import Storage

from ..widgets import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
FIRST_PAGE = 40  # enough to fill a tall window
MORE_PAGE = 100

PRESENT_COLOUR = QColor("#1b6e34")
UNDONE_COLOUR = QColor("#8a1c1c")

# Custom roles: what the page and the tests read without going through the display text.
INVITEE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FRACTION_ROLE = Qt.ItemDataRole.UserRole + 2


def _header(section: int, orientation: Qt.Orientation, role: int, titles: list[str]) -> Any:
    if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
        return None
    return titles[section] if 0 <= section < len(titles) else None


class DeskResultsModel(QAbstractTableModel):
    """What the desk's search found (or, with nothing typed, the latest arrivals).

    The texts of a row are made once when its page is read: a repaint after each
    keystroke asks ``data()`` hundreds of times and must not format names each time.
    """

    COLUMNS = ("name", "present", "jabatan", "instansi", "group", "code")

    def __init__(self, storage: Storage, parent: Any = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id: int | None = None
        self._timezone = "WIB"
        self._query = ""
        self._rows: list[desk.DeskRow] = []
        self._texts: list[tuple[str, ...]] = []
        self._next: desk.DeskCursor | None = None
        self._inside = False
        self._bold = QFont()
        self._bold.setBold(True)

    # -- what to show ------------------------------------------------------------------

    @property
    def query(self) -> str:
        """The text the rows were found for."""
        return self._query

    def set_event(self, event_id: int | None, timezone: str = "WIB") -> None:
        """Search in another event's list (None: nothing)."""
        self._event_id = event_id
        self._timezone = timezone
        self._query = ""
        self.refresh()

    def set_query(self, query: str) -> None:
        """Search for what was typed (the first page; more when scrolled).

        Only words starting with what was typed are found: fast enough for every key.
        """
        if query != self._query or self._inside:
            self._query = query
            self._inside = False
            self.refresh()

    def search_inside(self) -> None:
        """Look for the words inside words too, when nothing starts with them ("wati")."""
        if not self._inside:
            self._inside = True
            self.refresh()

    def refresh(self) -> None:
        """Search again (after a check-in, an undo, a change made elsewhere)."""
        if self._event_id is None:
            rows, self._next = [], None
        else:
            page = desk.search_desk(
                self._storage, self._event_id, self._query, limit=FIRST_PAGE,
                inside=self._inside,
            )  # fmt: skip
            rows, self._next = page.rows, page.next
        texts = [self._row_texts(row) for row in rows]
        self.beginResetModel()
        self._rows, self._texts = rows, texts
        self.endResetModel()

    def row_at(self, row: int) -> desk.DeskRow | None:
        """The invitee shown in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, invitee_id: int) -> int:
        """The row showing an invitee, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.invitee_id == invitee_id), -1)

    def _row_texts(self, row: desk.DeskRow) -> tuple[str, ...]:
        present = ""
        if row.first_checkin_at is not None:
            present = format_clock(row.first_checkin_at, self._timezone)
            if row.on_behalf_name:
                present = translate("CheckinModels", "{time} (represented by {name})").format(
                    time=present, name=row.on_behalf_name
                )
        return (
            desk.display_name(row), present, row.jabatan, row.instansi, row.group_name,
            row.checkin_code,
        )  # fmt: skip

    # -- paging ------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None and self._event_id is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._event_id is None:
            return
        page = desk.search_desk(
            self._storage, self._event_id, self._query, limit=MORE_PAGE, cursor=self._next,
            inside=self._inside,
        )  # fmt: skip
        self._next = page.next
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._texts.extend(self._row_texts(row) for row in page.rows)
            self.endInsertRows()

    # -- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            translate("CheckinModels", "Name"),
            translate("CheckinModels", "Present"),
            translate("CheckinModels", "Position"),
            translate("CheckinModels", "Institution"),
            translate("CheckinModels", "Group"),
            translate("CheckinModels", "Code"),
        ]
        return _header(section, orientation, role, titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The roles a repaint asks for most come first; everything else is None at once.
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            row = index.row()
            if index.isValid() and 0 <= row < len(self._texts):
                text = self._texts[row][index.column()]
                # a name typed on a phone stays text in its tooltip too
                return text if role == Qt.ItemDataRole.DisplayRole else plain_tooltip(text)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            row = index.row()
            if index.isValid() and 0 <= row < len(self._rows):
                return PRESENT_COLOUR if self._rows[row].first_checkin_at else None
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if index.isValid() and index.column() == 0 else None
        if role == INVITEE_ID_ROLE and index.isValid() and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()].invitee_id
        return None


class GroupCountsModel(QAbstractTableModel):
    """Present / invited per group, with the share present for a bar."""

    COLUMNS = ("group", "count", "bar")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[desk.GroupCount] = []

    def set_counts(self, groups: list[desk.GroupCount]) -> None:
        """Show new counts (same groups: only the numbers change, no reset)."""
        same_groups = [g.group_name for g in groups] == [g.group_name for g in self._groups]
        if same_groups and groups:
            self._groups = list(groups)
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(groups) - 1, len(self.COLUMNS) - 1)
            )
            return
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    @property
    def groups(self) -> list[desk.GroupCount]:
        """The counts shown."""
        return list(self._groups)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return _header(
            section,
            orientation,
            role,
            [translate("CheckinModels", "Group"), translate("CheckinModels", "Present"), ""],
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        group = self._groups[index.row()]
        column = self.COLUMNS[index.column()]
        fraction = group.present / group.invited if group.invited else 0.0
        if role == FRACTION_ROLE:
            return fraction
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "group":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == "group":
            return group.group_name or translate("CheckinModels", "(no group)")
        if column == "count":
            return f"{group.present} / {group.invited}"
        return f"{round(fraction * 100)} %"


class HistoryModel(QAbstractTableModel):
    """Every log entry about one invitee: when, what, where, who, why."""

    COLUMNS = ("time", "what", "station", "operator", "details")

    def __init__(self, entries: list[AttendanceEntry], timezone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._timezone = timezone
        undone = {e.target_uid for e in entries if e.kind == AttendanceKind.UNDO}
        self._undone = undone

    def entry(self, row: int) -> AttendanceEntry | None:
        """The entry shown in ``row``."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        titles = [
            translate("CheckinModels", "Time"),
            translate("CheckinModels", "What"),
            translate("CheckinModels", "Station"),
            translate("CheckinModels", "Operator"),
            translate("CheckinModels", "Details"),
        ]
        return _header(section, orientation, role, titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = self.COLUMNS[index.column()]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and entry.kind == AttendanceKind.CHECKIN
            and entry.uid in self._undone
        ):
            return UNDONE_COLOUR
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == "time":
            local = entry.recorded_at.astimezone(TimeZone.parse(self._timezone).tzinfo)
            return f"{format_date_long(local.date())} {format_time(local.time())}"
        if column == "what":
            if entry.kind == AttendanceKind.CHECKIN:
                text = translate("CheckinModels", "Check-in")
                return text + (
                    translate("CheckinModels", " (undone)") if entry.uid in self._undone else ""
                )
            if entry.kind == AttendanceKind.UNDO:
                return translate("CheckinModels", "Check-in undone")
            return translate("CheckinModels", "Signature")
        if column == "station":
            return entry.station
        if column == "operator":
            return entry.operator
        return self._details(entry)

    @staticmethod
    def _details(entry: AttendanceEntry) -> str:
        if entry.kind == AttendanceKind.UNDO:
            return translate("CheckinModels", "Reason: {reason}").format(reason=entry.reason)
        if entry.kind == AttendanceKind.SIGNATURE:
            return translate("CheckinModels", "Signature image ({size} KB)").format(
                size=max(1, len(entry.signature_png or b"") // 1000)
            )
        if entry.on_behalf_name:
            who = format_name(entry.on_behalf_name)
            extra = ", ".join(x for x in (entry.on_behalf_jabatan, entry.on_behalf_instansi) if x)
            return translate("CheckinModels", "Represented by {name}").format(
                name=f"{who} ({extra})" if extra else who
            )
        return ""
