"""The storage layer: the only place that speaks SQL.

One SQLite file through sqlite-utils, in WAL mode with foreign keys and
``synchronous=FULL`` (a check-in that was reported as done survives a power cut).
Opening a database checks it, backs it up and migrates it; a database made by a
newer version of the app is refused before anything is written.

Methods never commit on their own when called inside :meth:`Storage.transaction`;
the operations in :mod:`rakor_desktop.operations` wrap each user action in one.
A transaction that writes starts with ``BEGIN IMMEDIATE`` (it waits for another
writer up to ``busy_timeout`` and then fails with :class:`DatabaseBusyError`,
never half-way through); reads that must agree with each other run in one
:meth:`StorageBase.read_transaction`. What each commit changed is announced to
the listeners of :meth:`StorageBase.add_change_listener` (see
:mod:`rakor_desktop.changes`).
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from rakor_desktop import paths
from rakor_desktop.changes import Changes, from_tables
from rakor_desktop.messages import DatabaseError, text

from .migrations import APPLICATION_ID, LATEST_VERSION, MIGRATIONS, tables_created_by

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger("rakor.storage")

DEFAULT_BACKUPS_KEPT = 10
# Files of schema versions below this one were made before the application id
# existed; they are recognised by their tables.
FIRST_STAMPED_VERSION = 3
#: Milliseconds a write waits for another program's or desk's write to finish.
BUSY_TIMEOUT_MS = 10000

ChangeListener = Callable[[Changes], None]


class DatabaseBusyError(DatabaseError):
    """Another program or desk kept the database busy longer than a write may wait.

    Nothing of the refused action was written; trying again usually works.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            "Database {path} sedang dipakai program atau meja lain terlalu lama; tindakan "
            "ini belum disimpan. Coba lagi sebentar lagi.",
            "The database {path} was kept busy by another program or desk for too long; "
            "this action was not saved. Try again in a moment.",
            path=path.name,
        )


def _is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's "database is locked" (or busy) refusal."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc)


class StorageBase:
    """Connection, pragmas, migrations, integrity check, backups, transactions."""

    def __init__(self, path: Path | str, *, conn: sqlite3.Connection) -> None:
        self.path = Path(path)
        self.conn = conn
        self._db: sqlite_utils.Database | None = None
        #: Opened read-only because its folder cannot be written (see :meth:`open`).
        self.read_only = False
        self._change_listeners: list[ChangeListener] = []
        self._watching_writes = False

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the connection (transactions, writes).

        Made on first use: importing sqlite-utils costs about 70 ms, which the app's
        start (only reads until the first paint) need not wait for.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        backup: bool = True,
        check: bool = True,
        backups_kept: int = DEFAULT_BACKUPS_KEPT,
        migrate: bool = True,
        target_version: int = LATEST_VERSION,
        read_only_fallback: bool = False,
    ) -> Self:
        """Open (or create) the database at ``path``, ready for use.

        With ``check`` and ``backup`` off, the integrity check and the rolling backup
        are left to the caller, who runs :func:`check_and_back_up` soon after (the
        desktop app does it in the background once its window is up). A database that
        needs a migration is always backed up first.

        The file is recognised as ours (``PRAGMA application_id``, or for files of
        earlier versions their tables) before anything is written to it: another
        program's SQLite file is never switched to WAL, backed up or migrated.

        With ``read_only_fallback`` (commands that only read), a database in a folder
        that cannot be written (read-only folder or medium, full disk) is opened
        read-only when SQLite allows it; :attr:`read_only` then says so.

        Raises:
            DatabaseError: the file is newer than this app, damaged, not a database,
                or its folder cannot be written.
        """
        path = Path(path).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                "Folder database tidak dapat dibuat: {folder} ({error}).",
                "Cannot create the database folder: {folder} ({error}).",
                folder=path.parent,
                error=exc.strerror or exc,
            ) from exc
        existed = path.exists() and path.stat().st_size > 0
        try:
            return cls._open_writable(
                path,
                existed=existed,
                backup=backup,
                check=check,
                backups_kept=backups_kept,
                migrate=migrate,
                target_version=target_version,
            )
        except _FolderProblem as problem:
            if not (read_only_fallback and existed):
                raise problem.error from problem.__cause__
            log.warning("%s: %s; opening it read-only", path, problem.error)
            return cls._open_read_only(
                path, problem.error, check=check, target_version=target_version
            )

    @classmethod
    def _open_writable(
        cls,
        path: Path,
        *,
        existed: bool,
        backup: bool,
        check: bool,
        backups_kept: int,
        migrate: bool,
        target_version: int,
    ) -> Self:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(str(path), timeout=10)
            storage = cls(path, conn=conn)
            version = storage._recognise(existed)
            if existed and check:
                storage.check_integrity()
            storage._apply_pragmas()
            needs_migration = migrate and version < target_version
            if existed and version > 0 and (backup or needs_migration):
                storage._backup_at_open(backups_kept)
            if migrate:
                storage.migrate(target_version)
            storage._watch_writes()
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise _failure(path, exc) from exc
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        return storage

    @classmethod
    def _open_read_only(
        cls, path: Path, why: DatabaseError, *, check: bool, target_version: int
    ) -> Self:
        """Open ``path`` for reading only, in a folder that cannot be written."""
        import urllib.parse  # only for this rare case, kept off the start of the app

        conn: sqlite3.Connection | None = None
        location = urllib.parse.quote(str(path.resolve()))
        modes = ["mode=ro"]
        wal = path.with_name(path.name + "-wal")
        if not (wal.exists() and wal.stat().st_size > 0):
            # Without a -shm file (a cleanly closed WAL database) SQLite can read the
            # file only as immutable; safe, as nothing can write in this folder.
            modes.append("immutable=1")
        last: sqlite3.Error | None = None
        for mode in modes:
            try:
                conn = sqlite3.connect(f"file:{location}?{mode}", uri=True, timeout=10)
                storage = cls(path, conn=conn)
                version = storage._recognise(True)
                if version < target_version:
                    raise DatabaseError(
                        "{why} Database ini perlu diperbarui ke versi skema {latest} dan tidak "
                        "dapat dibuka sebelum foldernya dapat ditulisi.",
                        "{why} This database needs an upgrade to schema version {latest} and "
                        "cannot be opened until its folder can be written.",
                        why=why,
                        latest=target_version,
                    )
                if check:
                    storage.check_integrity()
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS:d}")
                storage.read_only = True
                return storage
            except sqlite3.Error as exc:
                if conn is not None:
                    conn.close()
                last = exc
            except BaseException:
                if conn is not None:
                    conn.close()
                raise
        raise why from last

    def _recognise(self, existed: bool) -> int:
        """Check that the file is a Rakor Desktop database this app can use.

        Reads the header and the table names only (nothing is written).

        Returns:
            The schema version (0 for a new, empty file).

        Raises:
            DatabaseError: another program's file, a newer version, or a schema
                version that does not match the tables.
        """
        version = _user_version(self.conn)
        application_id = int(self.conn.execute("PRAGMA application_id").fetchone()[0])
        tables = {
            str(row[0]).lower()
            for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not existed and not tables and version == 0 and application_id == 0:
            return 0
        ours = application_id == APPLICATION_ID or (
            application_id == 0
            and version < FIRST_STAMPED_VERSION
            and tables_created_by(1) <= tables
        )
        if not ours:
            if application_id == 0 and version == 0 and not tables:
                return 0  # an empty SQLite file: becomes a new database
            raise _not_a_database(
                self.path,
                text(
                    "tidak ada skema Rakor Desktop",
                    "no Rakor Desktop schema",
                ),
            )
        if version > LATEST_VERSION:
            raise DatabaseError(
                "Database {path} dibuat oleh versi Rakor Desktop yang lebih baru "
                "(skema versi {found}; aplikasi ini mendukung sampai versi {latest}). "
                "Perbarui Rakor Desktop untuk membukanya.",
                "Database {path} was made by a newer version of Rakor Desktop "
                "(schema version {found}; this app supports up to {latest}). "
                "Update Rakor Desktop to open it.",
                path=self.path,
                found=version,
                latest=LATEST_VERSION,
            )
        expected: set[str] = set()
        for number in range(1, max(version, 0) + 1):
            expected |= tables_created_by(number)
        later: set[str] = set()
        for number in range(max(version, 0) + 1, LATEST_VERSION + 1):
            later |= tables_created_by(number)
        if version < 1 or not expected <= tables or later & tables:
            raise DatabaseError(
                "Database {path} rusak: versi skemanya ({found}) tidak cocok dengan "
                "tabel-tabelnya. Cadangan terakhir ada di folder {backups}; pulihkan dengan "
                "Berkas → Pulihkan dari cadangan… atau 'rakor restore'.",
                "Database {path} is damaged: its schema version ({found}) does not match "
                "its tables. The latest backups are in {backups}; restore one with "
                "File → Restore from backup… or 'rakor restore'.",
                path=self.path,
                found=version,
                backups=paths.backups_dir(self.path),
            )
        return version

    def _apply_pragmas(self) -> None:
        mode = self.conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("journal_mode is %s, not WAL (file system without shared memory?)", mode)
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS:d}")
        # The append-only triggers must also fire for rows removed by REPLACE.
        self.conn.execute("PRAGMA recursive_triggers=ON")

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.conn.close()

    # -- schema ------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """The ``user_version`` of the open database."""
        return _user_version(self.conn)

    def migrate(self, target_version: int = LATEST_VERSION) -> int:
        """Bring the schema up to ``target_version``, each step in its own transaction.

        Returns:
            The number of migrations applied.
        """
        current = self.schema_version
        applied = 0
        for number in range(current + 1, target_version + 1):
            log.info("migrating %s to schema version %d", self.path, number)
            # executescript would commit on its own; run the statements one by one
            # inside a single transaction so a failed step leaves the old version.
            with self.db.atomic():
                for statement in _split_sql(MIGRATIONS[number - 1]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number:d}")
            applied += 1
        return applied

    def check_integrity(self) -> None:
        """Run SQLite's integrity check; raise a clear :class:`DatabaseError` on damage."""
        try:
            rows = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.DatabaseError as exc:  # damage so bad the check itself fails
            rows = [str(exc)]
        if rows != ["ok"]:
            log.error("integrity check of %s failed: %s", self.path, "\n".join(rows[:50]))
            first = rows[0].splitlines()[0] if rows and rows[0] else "?"
            raise DatabaseError(
                "Database {path} rusak (pemeriksaan integritas gagal: {detail}). "
                "Cadangan terakhir ada di folder {backups}; pulihkan dengan "
                "Berkas → Pulihkan dari cadangan… atau 'rakor restore'.",
                "Database {path} is damaged (integrity check failed: {detail}). "
                "The latest backups are in {backups}; restore one with "
                "File → Restore from backup… or 'rakor restore'.",
                path=self.path,
                detail=first[:200],
                backups=paths.backups_dir(self.path),
            )

    # -- backups -----------------------------------------------------------------

    def backup(self, *, keep: int = DEFAULT_BACKUPS_KEPT, now: datetime | None = None) -> Path:
        """Back the database up (see :func:`rakor_desktop.backup.make_backup`).

        ``keep`` is the number of days of which the newest backup is kept (all of
        the last hour are).
        """
        from rakor_desktop import backup as backups  # the core module above this layer

        return backups.make_backup(self.path, keep_days=keep, now=now).path

    def _backup_at_open(self, keep: int) -> None:
        """A backup that cannot be written is logged, not fatal: the user can still work."""
        try:
            self.backup(keep=keep)
        except (OSError, sqlite3.Error, DatabaseError) as exc:
            log.warning("no backup of %s could be written to %s: %s",
                        self.path, paths.backups_dir(self.path), exc)

    def only_read(self) -> None:
        """Use this connection for reading only (a worker's export during the event).

        Marked read-only, its transactions begin as a plain ``BEGIN`` (a snapshot in
        WAL mode) instead of ``BEGIN IMMEDIATE``: it never takes the write lock that
        the desk needs for its next check-in. SQLite refuses any write on it.
        """
        self.conn.execute("PRAGMA query_only=ON")
        self.read_only = True

    def take_connection_of(self, other: StorageBase) -> None:
        """Work on ``other``'s connection from now on (after a restore reopened the file).

        Everything holding this Storage keeps working; this object's old connection
        must already be closed. ``other`` is not to be used afterwards.
        """
        self.conn = other.conn
        self._db = None
        self.read_only = other.read_only
        self._watching_writes = other._watching_writes  # its temporary triggers came along

    def list_backups(self) -> list[Path]:
        """The backups of this database, newest first."""
        from rakor_desktop import backup as backups

        return [b.path for b in backups.list_backups(self.path)]

    # -- transactions --------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One user action: everything inside commits together or not at all.

        The outermost transaction starts with ``BEGIN IMMEDIATE``: it takes the write
        lock before the first read, so another connection's commit can never make
        the write fail half-way (a deferred ``BEGIN`` would be refused at once with
        "database is locked", which ``busy_timeout`` does not cover). A nested
        transaction is a savepoint. After the commit the listeners hear what changed.

        Raises:
            DatabaseBusyError: another writer held the database for longer than
                ``busy_timeout``; nothing was written.
        """
        if self.conn.in_transaction:
            with self._busy_as_error(), self.db.atomic():  # a savepoint
                yield
            return
        with self._outermost("BEGIN" if self.read_only else "BEGIN IMMEDIATE"):
            yield

    @contextmanager
    def read_transaction(self) -> Iterator[None]:
        """Reads that must agree with each other: all of them see one state of the file.

        In WAL mode a deferred transaction reads one snapshot from its first read to
        its end, whatever other connections commit meanwhile. Inside another
        transaction it simply joins it.
        """
        if self.conn.in_transaction:
            yield
            return
        with self._outermost("BEGIN"):
            yield

    @contextmanager
    def _outermost(self, begin: str) -> Iterator[None]:
        """``begin``, then COMMIT (or ROLLBACK on any error); announce what was written."""
        with self._busy_as_error():
            self.conn.execute(begin)
        try:
            with self._busy_as_error():
                yield
                written = self._take_written()
                self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self._announce(written)

    @contextmanager
    def _busy_as_error(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                log.warning("%s: %s", self.path, exc)
                raise DatabaseBusyError(self.path) from exc
            raise

    # -- what changed ----------------------------------------------------------------

    def add_change_listener(self, listener: ChangeListener) -> None:
        """Call ``listener(changes)`` after every commit of this connection that wrote."""
        self._change_listeners.append(listener)

    def remove_change_listener(self, listener: ChangeListener) -> None:
        """Stop calling ``listener`` (no error when it was not registered)."""
        if listener in self._change_listeners:
            self._change_listeners.remove(listener)

    def _watch_writes(self) -> None:
        """Note every written row's table and event (see :mod:`rakor_desktop.changes`).

        Temporary triggers live on this connection only: the file is not changed and
        other programs are not slowed down.
        """
        conn = self.conn
        conn.execute(
            # No UNIQUE constraint: a trigger's OR IGNORE gives way to the conflict
            # clause of the statement that fired it (an UPDATE OR ABORT would fail).
            "CREATE TEMP TABLE IF NOT EXISTS rakor_written (tbl TEXT NOT NULL, event_id INTEGER)"
        )
        tables = [
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%fts%'"
            )
        ]
        for table in tables:
            columns = {str(row[1]) for row in conn.execute(f'PRAGMA main.table_info("{table}")')}
            key = "event_id" if "event_id" in columns else "id" if table == "events" else None
            for kind, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
                event = f"{row}.{key}" if key else "NULL"
                conn.execute(
                    f'CREATE TEMP TRIGGER IF NOT EXISTS "rakor_written_{table}_{kind.lower()}" '
                    f'AFTER {kind} ON main."{table}" BEGIN '
                    f"INSERT INTO rakor_written SELECT '{table}', {event} WHERE NOT EXISTS "
                    f"(SELECT 1 FROM rakor_written WHERE tbl = '{table}' "
                    f"AND event_id IS {event}); END"
                )
        if conn.in_transaction:  # the DDL above opened none, but be sure
            conn.execute("COMMIT")
        self._watching_writes = True

    def _take_written(self) -> list[tuple[str, int | None]]:
        """The notes of the open transaction, removed (inside it, so a rollback keeps none)."""
        if not self._watching_writes:
            return []
        query = "SELECT tbl, event_id FROM temp.rakor_written"
        rows = [(str(table), event_id) for table, event_id in self.conn.execute(query)]
        if rows:
            self.conn.execute("DELETE FROM temp.rakor_written")
        return rows

    def _announce(self, written: list[tuple[str, int | None]]) -> None:
        if not written or not self._change_listeners:
            return
        for changes in from_tables(written):
            for listener in list(self._change_listeners):
                listener(changes)

    # -- small helpers for the query mixins ----------------------------------------

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]

    def _row(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def _write(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.db.execute(sql, params)


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (triggers contain ``;`` inside BEGIN…END)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def _not_a_database(path: Path, exc: object) -> DatabaseError:
    return DatabaseError(
        "Berkas {path} bukan database Rakor Desktop atau rusak ({error}).",
        "The file {path} is not a Rakor Desktop database or is damaged ({error}).",
        path=path,
        error=exc,
    )


class _FolderProblem(Exception):
    """The database's folder or disk cannot be written (read-only, full): a read-only
    opening may still work."""

    def __init__(self, error: DatabaseError) -> None:
        super().__init__(str(error))
        self.error = error


_DAMAGE_CODES = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


def _failure(path: Path, exc: sqlite3.Error) -> Exception:
    """The true reason a database could not be opened, as a message a person can act on."""
    code = str(getattr(exc, "sqlite_errorname", "") or "")
    base_code = code.split("_", 2)
    family = "_".join(base_code[:2])
    if family in _DAMAGE_CODES:
        return _not_a_database(path, exc)
    if path.is_dir():
        return DatabaseError(
            "{path} adalah folder, bukan berkas database. Pilih berkas database.",
            "{path} is a folder, not a database file. Choose a database file.",
            path=path,
        )
    problem = _folder_problem(path)
    if problem is not None:
        return _FolderProblem(problem)
    if family == "SQLITE_FULL":
        return _FolderProblem(_disk_full(path))
    if family == "SQLITE_READONLY":
        return _FolderProblem(_read_only(path, path, exc))
    if isinstance(exc, sqlite3.OperationalError) or family in {"SQLITE_IOERR", "SQLITE_CANTOPEN"}:
        return DatabaseError(
            "Database {path} tidak dapat dipakai ({error}). Periksa izin folder dan sisa "
            "ruang disk.",
            "Cannot use the database {path} ({error}). Check the folder permissions and free "
            "disk space.",
            path=path,
            error=exc,
        )
    return _not_a_database(path, exc)


def _folder_problem(path: Path) -> DatabaseError | None:
    """Find out whether the database file or its folder cannot be written, and why.

    Called only after SQLite failed: tries to write a small temporary file in the
    folder (a full disk refuses it) and to open the database file for writing.
    """
    import tempfile  # only after a failure, kept off the start of the app

    folder = path.parent
    try:
        with tempfile.TemporaryFile(dir=folder) as probe:
            probe.write(b"\0" * 65536)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return _disk_full(path)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return _read_only(path, folder, exc.strerror or exc)
        return None
    if path.exists():
        try:
            with open(path, "r+b"):
                pass
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                return _read_only(path, path, exc.strerror or exc)
    return None


def _read_only(path: Path, where: Path, error: object) -> DatabaseError:
    return DatabaseError(
        "Rakor Desktop tidak dapat menulis di {where} ({error}): database {path} hanya dapat "
        "dibaca. Pindahkan database ke folder yang dapat ditulisi atau periksa izin foldernya.",
        "Rakor Desktop cannot write in {where} ({error}): the database {path} can only be "
        "read. Move the database to a folder that can be written or check the folder's "
        "permissions.",
        where=where,
        error=error,
        path=path,
    )


def _disk_full(path: Path) -> DatabaseError:
    return DatabaseError(
        "Disk tempat database {path} penuh. Kosongkan sebagian ruang disk lalu coba lagi.",
        "The disk of the database {path} is full. Free some disk space and try again.",
        path=path,
    )


# -- whole-file copies (the SQL of rakor_desktop.backup) ---------------------------------


def copy_database(source: Path, dest: Path) -> None:
    """Copy the database ``source`` into the new file ``dest`` with SQLite's backup API.

    Runs on a connection of its own (safe in a worker thread while the app writes on
    another: in WAL mode the copy is one read transaction and blocks no writer). The
    copy is checked (``PRAGMA quick_check`` and our application id) and its pages are
    on disk when this returns.

    Raises:
        DatabaseError: the source is not ours or the copy failed its check.
        sqlite3.Error, OSError: the copy could not be written.
    """
    # mode=rw: never creates a missing source; the copy only reads it.
    src = sqlite3.connect(f"file:{quote_path(source)}?mode=rw", uri=True, timeout=10)
    try:
        src.execute("PRAGMA busy_timeout=10000")
        dst = sqlite3.connect(str(dest))
        try:
            # One step (pages=-1): a stepwise copy restarts whenever the desk commits.
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                problem = _copy_problem(dst)
            except sqlite3.OperationalError:  # locked, disk full ...: not damage
                raise
            except sqlite3.DatabaseError as exc:  # "database disk image is malformed"
                problem = str(exc)
        finally:
            dst.close()
    finally:
        src.close()
    if problem:
        raise DatabaseError(
            "Database {source} tampaknya rusak: salinan cadangannya gagal diperiksa "
            "({detail}). Cadangan yang lebih lama ada di folder {backups}.",
            "The database {source} seems damaged: its backup copy failed the check "
            "({detail}). The earlier backups are in {backups}.",
            source=source,
            detail=problem,
            backups=paths.backups_dir(source),
        )
    with open(dest, "rb+") as handle:
        os.fsync(handle.fileno())


def _copy_problem(conn: sqlite3.Connection) -> str:
    """Why a copy cannot be offered as a backup ("" when it is sound and ours)."""
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        ours = _is_ours(conn, application_id)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows != ["ok"]:
        return rows[0][:200] if rows else "?"
    if not ours:
        return text("bukan database Rakor Desktop", "not a Rakor Desktop database")
    return ""


def _is_ours(conn: sqlite3.Connection, application_id: int) -> bool:
    """Our application id, or a file of a version made before it existed."""
    if application_id == APPLICATION_ID:
        return True
    tables = {
        str(row[0]).lower()
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    return (
        application_id == 0
        and 0 < _user_version(conn) < FIRST_STAMPED_VERSION
        and tables_created_by(1) <= tables
    )


def check_copy(path: Path) -> str:
    """Why the file ``path`` cannot be restored ("" when it is a sound database of ours)."""
    try:
        conn = sqlite3.connect(f"file:{quote_path(path)}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        return _copy_problem(conn)
    finally:
        conn.close()


@dataclass(frozen=True)
class DatabaseSummary:
    """What a database (a backup) holds, to choose the one to restore."""

    events: int
    invitees: int
    checked_in: int


def summarise_database(path: Path) -> DatabaseSummary:
    """Count the events, invitees and invitees checked in of the database file ``path``.

    Reads only (the file is opened read-only).

    Raises:
        sqlite3.Error: the file cannot be read as a database of ours.
    """
    conn = sqlite3.connect(f"file:{quote_path(path)}?mode=ro", uri=True, timeout=10)
    try:
        if not _is_ours(conn, int(conn.execute("PRAGMA application_id").fetchone()[0])):
            raise sqlite3.DatabaseError("not a Rakor Desktop database")
        events = int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
        invitees = int(conn.execute("SELECT COUNT(*) FROM invitees").fetchone()[0])
        checked_in = int(conn.execute(
            "SELECT COUNT(DISTINCT a.invitee_id) FROM attendance_log AS a "
            "WHERE a.kind = 'checkin' AND NOT EXISTS (SELECT 1 FROM attendance_log AS u "
            "WHERE u.kind = 'undo' AND u.target_uid = a.uid)"
        ).fetchone()[0])
    finally:
        conn.close()
    return DatabaseSummary(events=events, invitees=invitees, checked_in=checked_in)


def change_marker(storage: StorageBase) -> tuple[int, int]:
    """Something that changes whenever the database changes (on this connection or another).

    ``total_changes`` counts this connection's writes, ``data_version`` the commits of
    other connections (another desk, a command).
    """
    data_version = int(storage.conn.execute("PRAGMA data_version").fetchone()[0])
    return storage.conn.total_changes, data_version


def quote_path(path: Path) -> str:
    """``path`` for a ``file:`` URI."""
    import urllib.parse

    return urllib.parse.quote(str(Path(path).resolve()))


def check_and_back_up(path: Path, *, keep: int = DEFAULT_BACKUPS_KEPT) -> Path | None:
    """Integrity check and rolling backup of a database in use, on a connection of its own.

    Safe to run in a worker thread while the app works on its own connection (WAL).

    Returns:
        The backup written, or None when none could be written (logged).

    Raises:
        DatabaseError: the database is damaged.
    """
    storage = StorageBase(path, conn=sqlite3.connect(str(path), timeout=10))
    storage.db  # noqa: B018 - imports sqlite-utils here, off the GUI thread, before it is needed
    try:
        storage.check_integrity()
        from rakor_desktop import backup as backups  # the core module above this layer

        try:
            return backups.make_backup(path, keep_days=keep).path
        except (OSError, sqlite3.Error, DatabaseError) as exc:
            log.warning("no backup of %s could be written: %s", path, exc)
            return None
    finally:
        storage.close()
