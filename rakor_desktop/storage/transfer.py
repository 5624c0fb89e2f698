"""SQL for moving a whole event in and out (the event file)."""

from __future__ import annotations

from .database import StorageBase


class TransferQueries(StorageBase):
    """Dump an event with everything recorded for it, and load such a dump."""
