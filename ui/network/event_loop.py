"""One asyncio loop on Qt's own event loop (qasync), made once, when first needed.

The host's API server (aiohttp) runs on it inside the window: no thread of its own,
and the one-laptop app never creates it (the network is off until turned on).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger("rakor.ui.network")

#: The loop, once made (module-level: it lives as long as the application).
_loop: asyncio.AbstractEventLoop | None = None


def qt_event_loop() -> asyncio.AbstractEventLoop:
    """The asyncio loop running on Qt's event loop (made on the first call)."""
    global _loop
    if _loop is None:
        import qasync
        from PySide6.QtWidgets import QApplication

        _loop = qasync.QEventLoop(QApplication.instance(), already_running=True)
        log.info("asyncio loop on Qt's event loop started")
    return _loop


def schedule(coroutine: Coroutine[Any, Any, Any]) -> asyncio.Future[Any]:
    """Run ``coroutine`` on the Qt event loop; its failure is logged, never lost."""
    future = asyncio.ensure_future(coroutine, loop=qt_event_loop())

    def done(task: asyncio.Future[Any]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("network task failed: %s", task.exception())

    future.add_done_callback(done)
    return future


def release() -> None:
    """Forget the loop (the application ends; tests that need plain asyncio again)."""
    global _loop
    if _loop is None:
        return
    asyncio.events._set_running_loop(None)
    _loop = None
