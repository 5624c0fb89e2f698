"""SQL that reads everything the minutes and the attendance list are built from."""

from __future__ import annotations

from .database import StorageBase


class DocumentQueries(StorageBase):
    """Queries of this area (see the module docstring)."""
