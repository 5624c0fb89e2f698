"""The one module that knows where files live.

* ``RAKOR_HOME`` (environment variable) puts everything below one folder: used by
  tests and for portable use.
* A file named ``portable.txt`` beside the executable of a frozen app does the same
  with the folder of the executable (portable mode, for a USB stick that moves
  between laptops): ``data/`` (the database, and its ``backups/``), ``config/``
  (settings and window state), ``logs/`` and ``dokumen/`` (exported documents) are
  created beside the executable, whatever drive letter the stick gets.
* Otherwise the user folders of the platform (platformdirs).

Bundled, read-only files come from ``resources/`` (in the source tree, or in the
PyInstaller bundle).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "RakorDesktop"
DATABASE_FILE_NAME = "rakor.sqlite3"
PORTABLE_MARKER = "portable.txt"
DOCUMENTS_DIR_NAME = "dokumen"  # below RAKOR_HOME or the portable folder
DOCUMENTS_FOLDER_NAME = "Rakor Desktop"  # below the user's Documents


@dataclass(frozen=True)
class AppDirs:
    """The writable folders of the app."""

    data: Path
    config: Path
    logs: Path

    @property
    def database(self) -> Path:
        """The default database file."""
        return self.data / DATABASE_FILE_NAME

    @property
    def backups(self) -> Path:
        """Where the backups of the default database go (see :func:`backups_dir`)."""
        return backups_dir(self.database)


def is_frozen() -> bool:
    """True inside the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def portable_root() -> Path | None:
    """The folder of the frozen app's executable when :data:`PORTABLE_MARKER` is beside it."""
    if not is_frozen():
        return None
    exe_dir = Path(sys.executable).resolve().parent
    return exe_dir if (exe_dir / PORTABLE_MARKER).is_file() else None


def app_dirs() -> AppDirs:
    """Where data, settings, logs and backups live now (see the module docstring)."""
    home = os.environ.get("RAKOR_HOME")
    root = Path(home).expanduser() if home else portable_root()
    if root is not None:
        return AppDirs(data=root / "data", config=root / "config", logs=root / "logs")
    return AppDirs(
        data=Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
    )


def documents_root() -> Path:
    """Where exported documents go by default: beside the data when ``RAKOR_HOME`` is set or
    in portable mode (``dokumen/``, so they travel on the USB stick with the database),
    otherwise ``Documents/Rakor Desktop`` of the user (platformdirs)."""
    home = os.environ.get("RAKOR_HOME")
    root = Path(home).expanduser() if home else portable_root()
    if root is not None:
        return root / DOCUMENTS_DIR_NAME
    return Path(platformdirs.user_documents_dir()) / DOCUMENTS_FOLDER_NAME


def default_database_path() -> Path:
    """The database used when no ``--db`` is given."""
    return app_dirs().database


def backups_dir(database: Path) -> Path:
    """Rolling backups of a database live in a ``backups`` folder beside it.

    So they move with the database: the default one's are in ``data/backups``,
    below ``RAKOR_HOME`` or, in portable mode, beside the executable.
    """
    return database.resolve().parent / "backups"


def resources_dir() -> Path:
    """The folder of bundled read-only files (fonts, translations, icons, samples)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one bundled file, e.g. ``resource("translations", "rakor_id.qm")``."""
    return resources_dir().joinpath(*parts)
