"""The storage layer: one SQLite file, all SQL of the app.

``Storage.open(path)`` gives a ready database (checked, backed up, migrated).
"""

from __future__ import annotations

from .attendance import AttendanceQueries
from .checkin import CheckinQueries
from .database import DEFAULT_BACKUPS_KEPT, StorageBase, check_and_back_up
from .documents import DocumentQueries
from .events import EventQueries
from .imports import ImportQueries
from .migrations import EVENT_TABLES, LATEST_VERSION
from .network import NetworkQueries
from .people import PeopleQueries
from .phones import PhoneQueries
from .record import RecordQueries
from .replica import ReplicaQueries
from .transfer import TransferQueries


class Storage(
    EventQueries,
    PeopleQueries,
    ReplicaQueries,  # before AttendanceQueries, which it extends
    AttendanceQueries,
    CheckinQueries,
    ImportQueries,
    RecordQueries,
    DocumentQueries,
    TransferQueries,
    NetworkQueries,
    PhoneQueries,
    StorageBase,
):
    """The database of Rakor Desktop (see the mixins for the queries)."""


__all__ = [
    "DEFAULT_BACKUPS_KEPT", "EVENT_TABLES", "LATEST_VERSION", "Storage", "check_and_back_up",
]
