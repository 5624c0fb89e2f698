"""Temporary files beside an export, made the way any new file is made.

Exports write into a hidden temporary file in the target folder and move it over the
final name when complete. Two details matter to the people who use the folder:

* The temporary file is created with mode 0666 minus the umask, like any new file
  (``tempfile.mkstemp`` gives 0600, so every exported document could be read by its
  owner only: a colleague on a shared folder could not open the daftar hadir).
* An export killed half-way (power cut, kill -9) leaves its temporary file. Its name
  carries the process id, and the next export into that folder removes those of
  processes that are gone, and any older than :data:`STALE_AFTER_SECONDS`.

:func:`atomic_write` is the one writer of single-file exports (the attendance, the
cards and name tags, the event file): the file is written in full, flushed to disk,
and only then moved over its name, so a crash or a full disk never leaves half a
file and an existing file is either replaced whole or left as it was. (A set of
documents that must appear together, :mod:`rakor_desktop.exports.documents.export`, uses
:func:`create_temporary` for each and moves them in place at the end.)
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

log = logging.getLogger("rakor.files")

TEMP_PREFIX = ".~rakor-"
STALE_AFTER_SECONDS = 6 * 3600  # no export takes this long
_PID = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)-")


def create_temporary(folder: Path, suffix: str) -> tuple[int, Path]:
    """Create a new, empty hidden temporary file in ``folder``; returns (descriptor, path).

    Raises:
        OSError: the folder cannot be written.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        path = folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}{suffix}"
        try:
            return os.open(path, flags, 0o666), path  # the umask applies, as to any new file
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # cannot tell safely: the age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def remove_stale_temporaries(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove temporary files of exports that were killed; returns those removed.

    A file is stale when the process that made it is gone, or when it is older than
    :data:`STALE_AFTER_SECONDS` (also names of earlier versions, without a process id).
    Files of exports still running (in this process or another) are left alone.
    """
    removed: list[Path] = []
    moment = time.time() if now is None else now
    try:
        candidates = list(Path(folder).glob(f"{TEMP_PREFIX}*"))
    except OSError:
        return removed
    for path in candidates:
        try:
            if not path.is_file() or path.is_symlink():
                continue
            age = moment - path.stat().st_mtime
            match = _PID.match(path.name)
            pid = int(match.group(1)) if match else None
            gone = pid is not None and pid != os.getpid() and not _alive(pid)
            if gone or age > STALE_AFTER_SECONDS:
                path.unlink()
                removed.append(path)
        except OSError as exc:
            log.warning("stale temporary file %s not removed: %s", path, exc)
    if removed:
        log.info("removed %d temporary file(s) of killed exports in %s", len(removed), folder)
    return removed


@contextmanager
def atomic_write(
    path: Path,
    mode: str = "wb",
    *,
    cannot_write: Callable[[Path, OSError], Exception],
    sync_folder: bool = False,
    **options: Any,
) -> Iterator[IO[Any]]:
    """A temporary file beside ``path`` (opened with ``mode``), moved over it when complete.

    ``cannot_write(path, error)`` makes the exception a person is shown when the
    folder or the file cannot be written (the temporary file is removed in every
    case). With ``sync_folder`` the rename itself is made durable (POSIX).
    """
    path = Path(path)
    remove_stale_temporaries(path.parent)  # left by an export that was killed
    try:
        handle, temporary = create_temporary(path.parent, ".tmp")  # the umask applies
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        with os.fdopen(handle, mode, **options) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise cannot_write(path, exc) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if sync_folder and os.name == "posix":
        try:
            folder = os.open(path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(folder)
        except OSError:
            pass
        finally:
            os.close(folder)
