"""Backups of the database, a second copy off the laptop, and restoring one.

* A backup is a whole copy made with SQLite's backup API on a connection of its own
  (:func:`make_backup`), so it can run in a worker thread while the desk checks people
  in. It is written under a temporary name, checked (``PRAGMA quick_check``, our
  application id), flushed to disk and only then renamed to its final name: a backup
  killed half-way (power cut, kill -9) is never offered for restoring.
* Backups live in ``backups/`` beside the database (:func:`paths.backups_dir`) and are
  named ``<database stem>-<UTC time>.sqlite3``: they sort by time and two databases in
  one folder never prune each other's.
* They are kept by age (:func:`prune_backups`): everything of the last hour, then the
  newest of each day for a number of days.
* A second place (a USB stick, a network share) chosen by the secretariat receives a
  copy of each backup and the latest event file of the open event
  (:func:`copy_to_second_place`, :func:`write_event_file`).
* :func:`restore_backup` puts the current database aside (never deletes it) and puts
  the chosen backup in its place.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rakor_desktop import paths
from rakor_desktop.atomic_files import create_temporary, remove_stale_temporaries
from rakor_desktop.messages import DatabaseError, RakorError
from rakor_desktop.storage.database import (
    DatabaseSummary,
    check_copy,
    copy_database,
    summarise_database,
)

log = logging.getLogger("rakor.backup")

BACKUP_SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_STAMP = re.compile(r"\d{8}T\d{12}Z")
DENSE_PERIOD = timedelta(hours=1)  # every backup of the last hour is kept
DEFAULT_DAYS_KEPT = 10
DEFAULT_INTERVAL_MINUTES = 5
# Writing the event file of a 20,000-invitee event takes ~2 s of Python in the worker,
# which slows the desk's scans while it runs (docs/PERFORMANCE.md): the second place
# gets a fresh one at most this often, and on close, instead of with every backup.
EVENT_FILE_INTERVAL = timedelta(minutes=30)
SET_ASIDE_MARK = "before-restore"


class SecondPlaceError(RakorError):
    """The second place for copies is missing or cannot be written."""


@dataclass(frozen=True)
class Backup:
    """One backup file of a database.

    Attributes:
        path: the file.
        taken_at: when it was made (UTC, from its name).
        summary: what it holds (None until asked for, or when it cannot be read).
    """

    path: Path
    taken_at: datetime
    summary: DatabaseSummary | None = None


@dataclass(frozen=True)
class BackupRun:
    """The outcome of one backup while working.

    Attributes:
        backup: the backup written in the backups folder.
        second_copy_at: when the second place received it (None: no place chosen, or
            it failed, see ``second_copy_error``).
        second_copy_error: why the second place received nothing ("" when it did).
        event_file: the event file written in the second place (None: none this time).
    """

    backup: Backup
    second_copy_at: datetime | None = None
    second_copy_error: str = ""
    event_file: Path | None = None


def _prefix(database: Path) -> str:
    return f"{Path(database).stem}-"


def backup_name(database: Path, when: datetime) -> str:
    """The file name of a backup of ``database`` made at ``when``."""
    return f"{_prefix(database)}{when.astimezone(UTC).strftime(STAMP_FORMAT)}{BACKUP_SUFFIX}"


def _taken_at(prefix: str, name: str) -> datetime | None:
    if not (name.startswith(prefix) and name.endswith(BACKUP_SUFFIX)):
        return None
    stamp = name[len(prefix):-len(BACKUP_SUFFIX)]
    if not _STAMP.fullmatch(stamp):
        return None
    try:
        return datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def _backups_in(folder: Path, prefix: str) -> list[Backup]:
    """The backups named for ``prefix`` in ``folder``, newest first."""
    try:
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    except OSError as exc:
        log.warning("backups folder %s unreadable: %s", folder, exc)
        return []
    found = []
    for name in names:
        taken = _taken_at(prefix, name)
        if taken is not None:
            found.append(Backup(folder / name, taken))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def list_backups(database: Path, *, with_contents: bool = False) -> list[Backup]:
    """The backups of ``database``, newest first.

    With ``with_contents`` each is opened (read-only) and counted; one that cannot be
    read as a sound database of ours is left out (and logged): it cannot be restored.
    """
    database = Path(database)
    found = _backups_in(paths.backups_dir(database), _prefix(database))
    if not with_contents:
        return found
    listed = []
    for backup in found:
        try:
            summary = summarise_database(backup.path)
        except sqlite3.Error as exc:
            log.warning("backup %s left out of the list: %s", backup.path, exc)
            continue
        listed.append(Backup(backup.path, backup.taken_at, summary))
    return listed


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not possible, nor needed, on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_backup(
    database: Path, *, keep_days: int = DEFAULT_DAYS_KEPT, now: datetime | None = None
) -> Backup:
    """Back ``database`` up into its backups folder and prune the old backups by age.

    Safe in a worker thread: it uses connections of its own.

    Raises:
        DatabaseError: the copy failed its check (nothing is left behind).
        OSError, sqlite3.Error: the backup could not be written.
    """
    database = Path(database)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    folder = paths.backups_dir(database)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(folder)  # those of backups that were killed
    target = folder / backup_name(database, moment)
    handle, temporary = create_temporary(folder, ".partial")
    os.close(handle)
    try:
        copy_database(database, temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
        Path(f"{temporary}-journal").unlink(missing_ok=True)
    _fsync_folder(folder)
    prune_backups(folder, _prefix(database), keep_days=keep_days, now=moment)
    log.info("backup written: %s", target)
    return Backup(target, moment)


def backups_to_keep(
    backups: list[Backup], *, keep_days: int, now: datetime
) -> set[Path]:
    """Which backups the age rule keeps: all of the last hour, then the newest of each
    day (UTC) for ``keep_days`` days, and always the newest one."""
    kept: set[Path] = set()
    days_seen: set[str] = set()
    oldest_day = (now - timedelta(days=max(1, keep_days) - 1)).date()
    for backup in sorted(backups, key=lambda b: b.path.name, reverse=True):
        if not kept:
            kept.add(backup.path)  # the newest, whatever its age
        if now - backup.taken_at <= DENSE_PERIOD:
            kept.add(backup.path)
            continue
        day = backup.taken_at.date()
        if day >= oldest_day and day.isoformat() not in days_seen:
            kept.add(backup.path)
        days_seen.add(day.isoformat())
    return kept


def prune_backups(
    folder: Path, prefix: str, *, keep_days: int, now: datetime | None = None
) -> list[Path]:
    """Remove the backups named for ``prefix`` in ``folder`` that the age rule drops."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    backups = _backups_in(folder, prefix)
    kept = backups_to_keep(backups, keep_days=keep_days, now=moment)
    removed = []
    for backup in backups:
        if backup.path not in kept:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError as exc:
                log.warning("old backup %s not removed: %s", backup.path, exc)
    return removed


def _second_place_error(folder: Path, error: object) -> SecondPlaceError:
    return SecondPlaceError(
        "Tempat salinan kedua {folder} tidak dapat ditulisi ({error}). Pasang kembali "
        "flashdisk atau periksa folder bersama, atau pilih tempat lain di Preferensi.",
        "The second copy place {folder} cannot be written ({error}). Plug the USB stick "
        "back in or check the network share, or choose another place in Preferences.",
        folder=folder,
        error=error,
    )


def _write_copy(source: Path, handle: int) -> None:
    """Copy ``source`` into the open file ``handle`` (closed after), flushed to disk."""
    with os.fdopen(handle, "wb") as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out, 1024 * 1024)
        out.flush()
        os.fsync(out.fileno())


def _copy_file_atomically(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    handle, temporary = create_temporary(folder, ".partial")
    try:
        _write_copy(source, handle)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def copy_to_second_place(
    backup: Path,
    folder: Path,
    *,
    database: Path,
    keep_days: int = DEFAULT_DAYS_KEPT,
    now: datetime | None = None,
) -> Path:
    """Copy one backup into the second place ``folder`` and prune the old ones there.

    The folder is never created: a missing one is a USB stick pulled out or a share
    gone away, to be told, not papered over with a folder on the laptop.

    Raises:
        SecondPlaceError: the folder is missing or cannot be written.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise _second_place_error(folder, "folder tidak ada / folder not found")
    try:
        remove_stale_temporaries(folder)
        target = _copy_file_atomically(backup, folder, backup.name)
        _fsync_folder(folder)
    except OSError as exc:
        raise _second_place_error(folder, exc.strerror or exc) from exc
    prune_backups(folder, _prefix(database), keep_days=keep_days, now=now)
    return target


def write_event_file(database: Path, event_id: int, folder: Path) -> Path:
    """Write the latest event file of ``event_id`` into the second place ``folder``.

    One file per event, replaced each time (atomically). Uses a connection of its own.

    Raises:
        SecondPlaceError: the folder is missing or cannot be written.
        RakorError: the event cannot be exported.
    """
    from rakor_desktop.exports.eventfile import export_event
    from rakor_desktop.storage import Storage

    folder = Path(folder)
    if not folder.is_dir():
        raise _second_place_error(folder, "folder tidak ada / folder not found")
    storage = Storage.open(database, backup=False, check=False, migrate=False)
    storage.only_read()  # the export never holds the write lock the desk needs
    try:
        name = f"{Path(database).stem}-acara-{event_id}.rakor"
        try:
            return export_event(storage, event_id, folder / name)
        except RakorError as exc:
            if not os.access(folder, os.W_OK):
                raise _second_place_error(folder, exc) from exc
            raise
    finally:
        storage.close()


def back_up_while_working(
    database: Path,
    *,
    keep_days: int = DEFAULT_DAYS_KEPT,
    second_place: Path | None = None,
    event_id: int | None = None,
    with_event_file: bool = True,
) -> BackupRun:
    """One backup while the app works: the local copy, then the second place (and,
    ``with_event_file``, the event file of ``event_id`` there).

    A second place that cannot be written does not fail the run: its reason is in
    :attr:`BackupRun.second_copy_error`.

    Raises:
        DatabaseError, OSError, sqlite3.Error: no local backup could be written.
    """
    backup = make_backup(database, keep_days=keep_days)
    if second_place is None:
        return BackupRun(backup)
    try:
        copy_to_second_place(backup.path, second_place, database=database, keep_days=keep_days)
        event_file = None
        if event_id is not None and with_event_file:
            event_file = write_event_file(database, event_id, second_place)
    except RakorError as exc:
        log.warning("second copy not written: %s", exc)
        return BackupRun(backup, second_copy_error=str(exc))
    except OSError as exc:  # anything the checks above did not foresee
        log.warning("second copy not written: %s", exc)
        return BackupRun(backup, second_copy_error=str(_second_place_error(second_place, exc)))
    return BackupRun(backup, second_copy_at=datetime.now(UTC), event_file=event_file)


def set_aside_name(database: Path, when: datetime) -> Path:
    """Where the current database is put when a backup is restored over it."""
    database = Path(database)
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = f"{database.stem}.{SET_ASIDE_MARK}-{stamp}"
    candidate = database.with_name(f"{name}{database.suffix}")
    number = 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():  # never overwrite one
        number += 1
        candidate = database.with_name(f"{name}-{number}{database.suffix}")
    return candidate


def restore_backup(database: Path, backup: Path, *, now: datetime | None = None) -> Path | None:
    """Put ``backup`` in the place of ``database``; the current file is put aside.

    Every connection to ``database`` must be closed first. The current file and its
    ``-wal``/``-shm`` companions are renamed (never deleted) to
    :func:`set_aside_name`; the backup is copied under a temporary name, flushed and
    renamed into place.

    Returns:
        Where the current database was put aside (None when there was none).

    Raises:
        DatabaseError: the backup is not a sound database of ours (nothing changed).
        OSError: the files could not be moved or written.
    """
    database, backup = Path(database), Path(backup)
    if not backup.is_file():
        raise DatabaseError(
            "Cadangan {path} tidak ditemukan.", "The backup {path} was not found.", path=backup
        )
    problem = check_copy(backup)
    if problem:
        raise DatabaseError(
            "Cadangan {path} tidak dapat dipulihkan: {detail}.",
            "The backup {path} cannot be restored: {detail}.",
            path=backup,
            detail=problem,
        )
    folder = database.parent
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(folder)
    # The copy is made first: a full disk fails here, with the current file untouched.
    handle, temporary = create_temporary(folder, ".partial")
    aside: Path | None = None
    try:
        _write_copy(backup, handle)
        if database.exists():
            aside = set_aside_name(database, now or datetime.now(UTC))
            os.replace(database, aside)
        for companion in ("-wal", "-shm", "-journal"):
            extra = Path(f"{database}{companion}")
            if extra.exists():
                if aside is not None:
                    os.replace(extra, Path(f"{aside}{companion}"))
                else:
                    extra.unlink()
        os.replace(temporary, database)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_folder(folder)
    log.warning("backup %s restored over %s; the previous file is %s", backup, database, aside)
    return aside
