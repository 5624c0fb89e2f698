"""The app's preferences, declared once with their types and defaults.

Stored as JSON in the config folder (see :mod:`rakor_desktop.paths`). Window
geometry and other UI state are kept apart, by the front end.
"""

from __future__ import annotations

import json
import logging
import os
import platform
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rakor_desktop import paths
from rakor_desktop.messages import SUPPORTED_LANGUAGES

log = logging.getLogger("rakor.settings")

SETTINGS_FILE_NAME = "settings.json"
MAX_BACKUPS_KEPT = 100
MAX_BACKUP_INTERVAL_MINUTES = 240


def _default_station() -> str:
    return platform.node() or "meja-1"


@dataclass
class Settings:
    """Preferences of this installation."""

    language: str = "id"  # "id" (Bahasa Indonesia) or "en"
    station_name: str = ""  # recorded with every check-in; the host name when empty
    operator_name: str = ""  # the person at this desk, recorded with every check-in
    backups_kept: int = 10  # days of which the newest backup is kept (the last hour: all)
    backup_interval_minutes: int = 5  # a backup while working, when something changed
    second_copy_folder: str = ""  # a USB stick or network share receiving copies ("": none)

    @property
    def effective_station(self) -> str:
        """The station name to record: the setting, or this computer's name."""
        return self.station_name.strip() or _default_station()

    @property
    def second_place(self) -> Path | None:
        """The folder receiving a second copy of each backup, or None."""
        folder = self.second_copy_folder.strip()
        return Path(folder).expanduser() if folder else None


def settings_path() -> Path:
    """Where the settings file lives."""
    return paths.app_dirs().config / SETTINGS_FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; a missing or broken file gives the defaults.

    A broken file (not JSON, not an object) is said once: it is kept beside as
    ``settings.json.broken-<time>`` and replaced by the defaults, so the next start
    (or the next command) is quiet again.
    """
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except OSError as exc:  # unreadable (permissions ...): left as it is
        log.warning("settings file %s unreadable, using defaults: %s", path, exc)
        return Settings()
    except ValueError as exc:
        _set_aside_broken(path, str(exc))
        return Settings()
    settings = Settings()
    if not isinstance(raw, dict):
        _set_aside_broken(path, f"a JSON {type(raw).__name__}, not an object")
        return settings
    for field in fields(Settings):
        value: Any = raw.get(field.name)
        default = getattr(settings, field.name)
        if value is None or isinstance(value, bool) or not isinstance(value, type(default)):
            continue
        if field.name == "language" and value not in SUPPORTED_LANGUAGES:
            continue
        if field.name == "backups_kept" and not 1 <= value <= MAX_BACKUPS_KEPT:
            continue
        if (field.name == "backup_interval_minutes"
                and not 1 <= value <= MAX_BACKUP_INTERVAL_MINUTES):
            continue
        setattr(settings, field.name, value)
    return settings


def _set_aside_broken(path: Path, reason: str) -> None:
    """Keep a copy of a broken settings file and write the defaults in its place."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    copy = path.with_name(f"{path.name}.broken-{stamp}")
    try:
        os.replace(path, copy)
        save_settings(Settings(), path)
    except OSError as exc:
        log.warning("settings file %s is broken (%s), using defaults; it could not be "
                    "replaced: %s", path, reason, exc)
        return
    log.warning("settings file %s was broken (%s): kept as %s, defaults written",
                path, reason, copy.name)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (a crash never leaves half a file)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only needed when saving; kept off the start of the app

    handle, temp = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(asdict(settings), out, ensure_ascii=False, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
