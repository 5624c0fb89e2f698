"""Opening a file a user chose, with bounds: one place for every reader of user files.

An invitation list, an event file or an image comes from anywhere: a symlink to
``/dev/zero``, a named pipe (FIFO) that never ends, a folder, a 4 GB video
renamed ``.csv``. :func:`read_user_file` reads such a file only when it is a
regular file (after following symlinks) of at most ``max_bytes``, never blocks
on a pipe or a device, and refuses anything else with one clear message in the
user's language. Readers then work on the bytes in memory, so the file cannot
change between the checks and the reading.

:func:`check_zip_members` bounds what a ZIP container (xlsx, ods, docx) expands
to before any library decompresses it: the size of each member after
decompression, their total, and the compression ratio (a "zip bomb").
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from rakor_desktop.messages import FileFormatError, NotFoundError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ZipLimits",
    "check_zip_members",
    "read_user_file",
    "shown_name",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""A user file larger than this is refused unless the caller allows more."""

_READ_CHUNK = 1024 * 1024
_NAME_SHOWN = 80


def shown_name(path: Path | str) -> str:
    """A file name as a message shows it: cut when very long, control characters removed."""
    name = Path(path).name or str(path)
    name = "".join(ch if ch.isprintable() else "?" for ch in name)
    if len(name) > _NAME_SHOWN:
        name = name[: _NAME_SHOWN - 1] + "\u2026"
    return name


def _megabytes(value: int) -> str:
    return f"{value / (1024 * 1024):.0f}"


def _not_regular(name: str, what_id: str, what_en: str) -> FileFormatError:
    return FileFormatError(
        f"{name} bukan berkas biasa ({what_id}); tidak dibaca. Pilih berkas yang tersimpan "
        "di disk.",
        f"{name} is not a regular file ({what_en}); it was not read. Choose a file saved on "
        "a disk.",
    )


def _kind_of(mode: int) -> tuple[str, str]:
    if stat.S_ISDIR(mode):
        return "sebuah folder", "a folder"
    if stat.S_ISFIFO(mode):
        return "pipa FIFO", "a FIFO pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "sebuah perangkat", "a device"
    if stat.S_ISSOCK(mode):
        return "sebuah soket", "a socket"
    return "jenis khusus", "a special file"


def _too_large(name: str, max_bytes: int) -> FileFormatError:
    limit = _megabytes(max_bytes)
    return FileFormatError(
        f"Berkas {name} terlalu besar (lebih dari {limit} MB); tidak dibaca.",
        f"The file {name} is too large (more than {limit} MB); it was not read.",
    )


def _unreadable(name: str, exc: OSError) -> FileFormatError:
    reason = exc.strerror or type(exc).__name__
    return FileFormatError(
        f"Berkas {name} tidak dapat dibaca ({reason}).",
        f"Cannot read the file {name} ({reason}).",
    )


def read_user_file(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The whole content of a regular file a user chose, at most ``max_bytes`` long.

    Symlinks are followed; what they lead to must be a regular file. A pipe, a
    device, a socket or a folder is refused without being opened for reading
    (a FIFO would block), and the file is checked again on the open handle (it
    may have been swapped in between). Reading stops after ``max_bytes`` + 1
    bytes whatever the size the file system reports.

    Raises:
        NotFoundError: Nothing at ``path`` (or a symlink to nothing).
        FileFormatError: Not a regular file, too large, or unreadable (the
            reason, in one line).
    """
    target = Path(path)
    name = shown_name(target)
    try:
        info = os.stat(target)  # follows symlinks
    except FileNotFoundError as exc:
        raise NotFoundError(
            f"Berkas {name} tidak ditemukan.", f"The file {name} does not exist."
        ) from exc
    except OSError as exc:
        raise _unreadable(name, exc) from exc
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(name, *_kind_of(info.st_mode))
    if info.st_size > max_bytes:
        raise _too_large(name, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(target, flags)
    except FileNotFoundError as exc:
        raise NotFoundError(
            f"Berkas {name} tidak ditemukan.", f"The file {name} does not exist."
        ) from exc
    except OSError as exc:
        if exc.errno in (errno.ENXIO, errno.EISDIR):
            raise _not_regular(name, "bukan berkas biasa", "not a regular file") from exc
        raise _unreadable(name, exc) from exc
    try:
        opened = os.fstat(handle)
        if not stat.S_ISREG(opened.st_mode):
            raise _not_regular(name, *_kind_of(opened.st_mode))
        if opened.st_size > max_bytes:
            raise _too_large(name, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(handle, min(_READ_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise _too_large(name, max_bytes)
        return b"".join(chunks)
    except OSError as exc:
        raise _unreadable(name, exc) from exc
    finally:
        os.close(handle)


@dataclass(frozen=True)
class ZipLimits:
    """What a ZIP container may expand to.

    Attributes:
        max_members: How many members (files) it may hold.
        max_member_bytes: The size of one member after decompression.
        max_total_bytes: The size of all members together after decompression.
        max_ratio: The largest compression ratio of a member larger than
            ``ratio_floor`` (XML compresses 5-30 times; a bomb 1000 times).
        ratio_floor: Members smaller than this are not checked for their ratio.
    """

    max_members: int = 10_000
    max_member_bytes: int = 200 * 1024 * 1024
    max_total_bytes: int = 300 * 1024 * 1024
    max_ratio: int = 500
    ratio_floor: int = 2 * 1024 * 1024


def _bomb(name: str, detail_id: str, detail_en: str) -> FileFormatError:
    return FileFormatError(
        f"Berkas {name} ditolak: isinya setelah diekstrak tidak wajar ({detail_id}). "
        "Buka di program spreadsheet lalu simpan ulang.",
        f"The file {name} was refused: what it unpacks to is not plausible ({detail_en}). "
        "Open it in a spreadsheet program and save it again.",
    )


def check_zip_members(
    data: bytes, *, source: str, limits: ZipLimits = ZipLimits()
) -> zipfile.ZipFile:
    """Open ZIP bytes after checking what the members expand to (nothing is decompressed).

    The sizes are those the archive declares; a member that expands to more
    than it declares is cut off by :mod:`zipfile` and fails its checksum, so a
    caller decompressing with :mod:`zipfile` can trust them.

    Returns:
        The archive, open on ``data``.

    Raises:
        FileFormatError: Not a ZIP archive, or beyond ``limits``.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (
        zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
        NotImplementedError, LookupError,
    ) as exc:  # fmt: skip
        raise FileFormatError(
            f"Berkas {source} bukan arsip ZIP yang utuh ({type(exc).__name__}).",
            f"The file {source} is not an intact ZIP archive ({type(exc).__name__}).",
        ) from exc
    if len(members) > limits.max_members:
        raise _bomb(source, f"{len(members)} bagian", f"{len(members)} parts")
    total = 0
    for member in members:
        size = member.file_size
        total += size
        member_name = shown_name(member.filename)
        if size > limits.max_member_bytes:
            raise _bomb(
                source,
                f"{member_name}: {_megabytes(size)} MB",
                f"{member_name}: {_megabytes(size)} MB",
            )
        if size > limits.ratio_floor and size > limits.max_ratio * max(member.compress_size, 1):
            ratio = size // max(member.compress_size, 1)
            raise _bomb(
                source,
                f"{member_name} dipadatkan {ratio} kali",
                f"{member_name} compressed {ratio} times",
            )
    if total > limits.max_total_bytes:
        raise _bomb(source, f"total {_megabytes(total)} MB", f"{_megabytes(total)} MB in all")
    return archive
