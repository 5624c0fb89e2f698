"""SQL for the check-in desk: fast search, walk-ins, history, live counts, exports."""

from __future__ import annotations

from .database import StorageBase


class CheckinQueries(StorageBase):
    """Queries of this area (see the module docstring)."""
