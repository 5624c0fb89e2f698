"""Logging to a rotating file in the user log folder, with named loggers per subsystem."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from rakor_desktop import paths

LOG_FILE_NAME = "rakor-desktop.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO, *, console: bool = False) -> Path | None:
    """Send the ``rakor`` loggers to a rotating file (1 MB x 5); returns its path.

    A log folder that cannot be written is not fatal: logging then goes to stderr.
    """
    root = logging.getLogger("rakor")
    root.setLevel(level)
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    log_file: Path | None = paths.app_dirs().logs / LOG_FILE_NAME
    assert log_file is not None
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
        log_file = None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(stream)
    return log_file
