"""One function per user action: write the notulen, the daftar hadir or the question log.

Files are written atomically: each is rendered into a temporary file in the target
folder and moved over the final name only when complete, so a crash, a full disk
or a cancelled export never leaves a half-written document. All files of one
action are rendered before the first is moved into place; a file that cannot be
replaced (open in Word on Windows) is reported before anything is moved when that
can be seen in advance.

Long work reports progress through an optional callback ``progress(done, total,
what)``; returning ``False`` from it cancels the export (nothing is written).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from rakor_desktop import paths
from rakor_desktop.atomic_files import TEMP_PREFIX as TEMP_PREFIX  # re-exported
from rakor_desktop.atomic_files import create_temporary, remove_stale_temporaries
from rakor_desktop.messages import RakorError, ValidationError, text
from rakor_desktop.operations.events import get_event
from rakor_desktop.storage import Storage

from .build import attendance_document, load_record, minutes_document
from .model import Document
from .settings import DocumentOptions

log = logging.getLogger("rakor.documents")

Progress = Callable[[int, int, str], bool | None]
"""``progress(done, total, what)``; return False to cancel."""

DOCUMENT_FORMATS = ("docx", "pdf")
MINUTES_NAME = "Notulen"
ATTENDANCE_NAME = "Daftar Hadir"
QUESTIONS_NAME = "Log Pertanyaan"
DOCUMENTS_FOLDER = paths.DOCUMENTS_FOLDER_NAME
_MAX_TITLE_CHARS = 60
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
# Windows' device names, also with an extension or spaces before it ("NUL .docx"): the
# file cannot be created (Microsoft's "Naming Files, Paths, and Namespaces" lists them)
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789\u00b9\u00b2\u00b3")}
WINDOWS_MAX_PATH = 259
"""Characters of a whole path that Windows programs accept (MAX_PATH, 260, less the NUL):
Word and Excel cannot open a document at a longer path, Explorer cannot copy it."""
_MIN_STEM_CHARS = 24  # "Notulen 2023-12-14 Rapat": shorter says too little
_TEMP_NAME_CHARS = 40  # the temporary file beside it (atomic_files: ".~rakor-<pid>-<hex>.docx")


class ExportError(RakorError):
    """A document could not be written (folder, open file, disk); nothing half-written."""


class ExportCancelled(RakorError):
    """The user cancelled an export; nothing was written."""


# -- names and folders ---------------------------------------------------------------


def safe_file_name(name: str) -> str:
    """A file name that Windows, macOS and Linux all accept."""
    cleaned = _FORBIDDEN.sub(" ", name)
    cleaned = " ".join(cleaned.split()).strip(" .")
    if cleaned.split(".")[0].rstrip(" ").upper() in _RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned or "dokumen"


def _windows_length(path: str) -> int:
    return len(path.encode("utf-16-le")) // 2  # Windows counts UTF-16 units


def fit_file_name(folder: Path, name: str) -> str:
    """:func:`safe_file_name`, shortened so that the document's whole path stays within
    :data:`WINDOWS_MAX_PATH` characters (the title is cut at a word, the extension kept).

    Raises:
        ExportError: the folder's own path leaves no room for a readable name.
    """
    safe = safe_file_name(name)
    room = WINDOWS_MAX_PATH - _windows_length(str(folder)) - 1  # the separator
    if _windows_length(safe) <= room and room >= _TEMP_NAME_CHARS:
        return safe
    stem, dot, extension = safe.rpartition(".") if "." in safe else (safe, "", "")
    keep = room - _windows_length(dot + extension)
    if keep < _MIN_STEM_CHARS or room < _TEMP_NAME_CHARS:
        raise ExportError(
            "Jalur folder {folder} terlalu panjang untuk Windows ({length} karakter; jalur "
            "dokumen paling banyak {limit}). Pilih folder yang lebih dekat ke drive, misalnya "
            "Documents.",
            "The folder path {folder} is too long for Windows ({length} characters; a "
            "document's path can have at most {limit}). Choose a folder closer to the drive, "
            "such as Documents.",
            folder=folder, length=_windows_length(str(folder)), limit=WINDOWS_MAX_PATH,
        )
    cut = stem
    while _windows_length(cut) > keep:
        cut = cut[:-1]
    if stem[len(cut)] != " " and " " in cut[_MIN_STEM_CHARS:]:
        cut = cut.rsplit(" ", 1)[0]  # end at a word
    return safe_file_name(cut.rstrip(" .") + dot + extension)


def file_stem(kind: str, storage: Storage, event_id: int) -> str:
    """"Notulen 2023-12-14 Rapat Koordinasi ..." (title shortened, safe characters)."""
    event = get_event(storage, event_id)
    return safe_file_name(f"{kind} {event.date.isoformat()} {_short_title(event.title)}")


def _short_title(title: str) -> str:
    """The title cut to a length file names can carry, at a word boundary."""
    title = " ".join(title.split())
    if len(title) > _MAX_TITLE_CHARS:
        cut = title[: _MAX_TITLE_CHARS + 1]
        title = cut.rsplit(" ", 1)[0] if " " in cut else cut[:_MAX_TITLE_CHARS]
    return title.strip()


def default_output_dir(storage: Storage, event_id: int) -> Path:
    """Where the documents of an event go unless the user picks another folder.

    ``Documents/Rakor Desktop/<date> <title>``; with ``RAKOR_HOME`` set (tests) or in
    portable mode, below that folder instead (:func:`rakor_desktop.paths.documents_root`).
    """
    event = get_event(storage, event_id)
    base = paths.documents_root()  # on the USB stick in portable mode
    return base / safe_file_name(f"{event.date.isoformat()} {_short_title(event.title)}")


# -- atomic writing ---------------------------------------------------------------------


Writer = Callable[[Path], None]


def _folder_error(folder: Path, exc: OSError) -> ExportError:
    return ExportError(
        "Folder {folder} tidak dapat ditulis ({reason}). Pilih folder lain atau periksa "
        "izinnya.",
        "Cannot write to the folder {folder} ({reason}). Choose another folder or check its "
        "permissions.",
        folder=folder, reason=exc.strerror or exc,
    )


def _open_elsewhere(target: Path) -> ExportError:
    return ExportError(
        "Berkas {file} sedang dibuka di program lain dan tidak dapat diganti. Tutup berkas di "
        "Word (atau program lain) lalu coba lagi.",
        "The file {file} is open in another program and cannot be replaced. Close it in Word "
        "(or the other program) and try again.",
        file=target,
    )


def prepare_folder(out_dir: Path) -> Path:
    """Create the target folder if needed; clear errors for a file or an unwritable place."""
    folder = Path(out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ExportError(
            "{folder} adalah berkas, bukan folder. Pilih folder tujuan.",
            "{folder} is a file, not a folder. Choose a folder to save into.",
            folder=folder,
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_error(folder, exc) from exc
    return folder


def _check_replaceable(target: Path) -> None:
    """Refuse early when an existing file cannot be replaced (a folder, or locked by Word)."""
    if target.is_dir():
        raise ExportError(
            "Sudah ada folder bernama {file}; berkas tidak dapat disimpan dengan nama itu.",
            "There is a folder named {file}; the file cannot be saved under that name.",
            file=target,
        )
    if not target.exists():
        return
    try:
        with target.open("r+b"):
            pass
    except PermissionError as exc:
        raise _open_elsewhere(target) from exc
    except OSError as exc:
        log.info("cannot open %s for writing before replacing it: %s", target, exc)


def write_files_atomically(
    out_dir: Path,
    files: Sequence[tuple[str, Writer]],
    *,
    progress: Progress | None = None,
    done_before: int = 0,
    total: int | None = None,
) -> list[Path]:
    """Write several files into ``out_dir``, each complete or not at all.

    Args:
        out_dir: The folder (created when missing).
        files: (file name, function writing the file at the path it is given).
        progress: Called after each file is rendered; False cancels.
        done_before: Steps already done (for the progress count).
        total: All steps of the action (default: the files plus one).

    Returns:
        The paths written, in the order given.

    Raises:
        ExportError: unwritable folder, a file that cannot be replaced, disk full.
        ExportCancelled: the progress callback asked to stop.
    """
    folder = prepare_folder(out_dir)
    remove_stale_temporaries(folder)  # left by an export that was killed
    targets = [folder / fit_file_name(folder, name) for name, _ in files]
    for target in targets:
        _check_replaceable(target)
    steps = total if total is not None else done_before + len(files) + 1
    temporaries: list[Path] = []
    try:
        for index, ((_name, write), target) in enumerate(zip(files, targets, strict=True)):
            try:
                # mode 0666 minus the umask, like any new file (not mkstemp's 0600)
                handle, temporary = create_temporary(folder, target.suffix)
            except OSError as exc:
                raise _folder_error(folder, exc) from exc
            os.close(handle)
            temporaries.append(temporary)
            try:
                write(temporary)
                with temporary.open("rb+") as written:
                    os.fsync(written.fileno())
            except OSError as exc:
                raise ExportError(
                    "Berkas {file} tidak dapat ditulis ({reason}). Periksa sisa ruang disk.",
                    "Cannot write the file {file} ({reason}). Check the free disk space.",
                    file=target, reason=exc.strerror or exc,
                ) from exc
            _report(progress, done_before + index + 1, steps, target.name)
        written_paths = []
        for temporary, target in zip(temporaries, targets, strict=True):
            try:
                os.replace(temporary, target)
            except PermissionError as exc:
                raise _open_elsewhere(target) from exc
            except OSError as exc:
                raise ExportError(
                    "Berkas {file} tidak dapat disimpan ({reason}).",
                    "Cannot save the file {file} ({reason}).",
                    file=target, reason=exc.strerror or exc,
                ) from exc
            written_paths.append(target)
        _report(progress, steps, steps, "")
        return written_paths
    finally:
        for temporary in temporaries:
            try:
                temporary.unlink(missing_ok=True)
            except OSError:  # pragma: no cover - nothing more can be done
                log.warning("temporary file %s left behind", temporary)


def _report(progress: Progress | None, done: int, total: int, what: str) -> None:
    if progress is not None and progress(done, total, what) is False:
        raise ExportCancelled("Ekspor dibatalkan; tidak ada berkas yang ditulis.",
                              "Export cancelled; no file was written.")


# -- the user actions -------------------------------------------------------------------


def _check_formats(formats: Sequence[str], allowed: Sequence[str]) -> list[str]:
    chosen = list(dict.fromkeys(f.lower() for f in formats))
    wrong = [f for f in chosen if f not in allowed]
    if wrong or not chosen:
        raise ValidationError(
            "Format {formats} tidak tersedia di sini; pilih {allowed}.",
            "The format {formats} is not available here; choose {allowed}.",
            formats=", ".join(wrong) or "-", allowed=", ".join(allowed),
        )
    return chosen


def _document_writers(document: Document, formats: Sequence[str], stem: str
                      ) -> list[tuple[str, Writer]]:
    writers: list[tuple[str, Writer]] = []
    for fmt in formats:
        if fmt == "docx":
            from .docx_render import render_docx

            writers.append((f"{stem}.docx", lambda path: render_docx(document, path)))
        else:
            from .pdf_render import render_pdf

            writers.append((f"{stem}.pdf", lambda path: render_pdf(document, path)))
    return writers


def export_minutes(
    storage: Storage,
    event_id: int,
    out_dir: Path,
    formats: Sequence[str] = DOCUMENT_FORMATS,
    *,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the notulen of an event (DOCX and/or PDF) into ``out_dir``.

    Both files come from one document model, so they say the same. ``options``
    None uses the event's stored document settings; edited text parts are used.

    Returns:
        The files written.
    """
    chosen = _check_formats(formats, DOCUMENT_FORMATS)
    total = len(chosen) + 2
    record = load_record(storage, event_id, options)
    document = minutes_document(record)
    _report(progress, 1, total, text("Data notulen dibaca", "Minutes data read"))
    stem = file_stem(MINUTES_NAME, storage, event_id)
    return write_files_atomically(
        out_dir, _document_writers(document, chosen, stem), progress=progress, done_before=1,
        total=total,
    )


def export_attendance_list(
    storage: Storage,
    event_id: int,
    out_dir: Path,
    formats: Sequence[str] = DOCUMENT_FORMATS,
    *,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the daftar hadir of an event (DOCX and/or PDF) into ``out_dir``."""
    chosen = _check_formats(formats, DOCUMENT_FORMATS)
    total = len(chosen) + 2
    record = load_record(storage, event_id, options, with_minutes=False)
    document = attendance_document(record)
    _report(progress, 1, total, text("Data daftar hadir dibaca", "Attendance data read"))
    stem = file_stem(ATTENDANCE_NAME, storage, event_id)
    return write_files_atomically(
        out_dir, _document_writers(document, chosen, stem), progress=progress, done_before=1,
        total=total,
    )


def export_question_log(
    storage: Storage, event_id: int, out_dir: Path, *, progress: Progress | None = None
) -> list[Path]:
    """Write the question log (and the tindak lanjut) of an event as XLSX."""
    from .xlsx import write_question_log

    get_event(storage, event_id)
    stem = file_stem(QUESTIONS_NAME, storage, event_id)
    return write_files_atomically(
        out_dir,
        [(f"{stem}.xlsx", lambda path: write_question_log(storage, event_id, path))],
        progress=progress,
    )


def export_attendance_spreadsheet(
    storage: Storage, event_id: int, out_dir: Path, *, progress: Progress | None = None
) -> list[Path]:
    """Write the attendance as XLSX (made by :mod:`rakor_desktop.exports.attendance`)."""
    from rakor_desktop.exports.attendance import export_attendance_xlsx

    get_event(storage, event_id)
    stem = file_stem(ATTENDANCE_NAME, storage, event_id)

    def write(path: Path) -> None:
        export_attendance_xlsx(storage, event_id, path)

    return write_files_atomically(out_dir, [(f"{stem}.xlsx", write)], progress=progress)


def export_minutes_and_attendance(
    storage: Storage,
    event_id: int,
    out_dir: Path,
    formats: Sequence[str] = DOCUMENT_FORMATS,
    *,
    options: DocumentOptions | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """The one click after the meeting: notulen and daftar hadir, DOCX and PDF.

    Everything is read once and rendered before the first file is moved into place.
    """
    chosen = _check_formats(formats, DOCUMENT_FORMATS)
    total = 2 * len(chosen) + 2
    record = load_record(storage, event_id, options)
    minutes = minutes_document(record)
    attendance = attendance_document(record)
    _report(progress, 1, total, text("Data acara dibaca", "Event data read"))
    writers = _document_writers(minutes, chosen, file_stem(MINUTES_NAME, storage, event_id))
    writers += _document_writers(
        attendance, chosen, file_stem(ATTENDANCE_NAME, storage, event_id)
    )
    return write_files_atomically(out_dir, writers, progress=progress, done_before=1,
                                  total=total)
