"""SQL for importing invitation lists: duplicate detection against the list and the directory."""

from __future__ import annotations

from .database import StorageBase


class ImportQueries(StorageBase):
    """Queries of this area (see the module docstring)."""
