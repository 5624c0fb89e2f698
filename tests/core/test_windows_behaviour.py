"""What a Windows laptop does differently, tested as far as it honestly can be on Linux.

* File names from event titles that Windows refuses (device names, trailing dots and
  spaces) and paths over Windows' 260 characters (Word cannot open such a document).
* Where the data lives: ``%LOCALAPPDATA%\\RakorDesktop`` through platformdirs' own Windows
  class, or everything on the USB stick in portable mode, whatever its drive letter.
* The attendance CSV as Excel with Indonesian regional settings opens it (``;``, UTF-8
  with BOM, CRLF), read back by the app's own import.

A document open in Word (a locked file: the message says to close it, nothing is
half-written) is tested in ``test_document_export.py`` (``test_a_locked_file_*``).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import platformdirs
import pytest
from platformdirs import windows

from rakor_desktop import paths
from rakor_desktop.exports.attendance import HEADERS, export_attendance_csv
from rakor_desktop.exports.documents.export import (
    WINDOWS_MAX_PATH,
    ExportError,
    default_output_dir,
    export_minutes,
    safe_file_name,
)
from rakor_desktop.importers.csv_import import read_csv_sheet
from rakor_desktop.messages import set_language
from rakor_desktop.storage import Storage

from .document_record import make_demo_record

# Python 3.13's ntpath.isreserved, which cannot be imported on 3.11: Microsoft's list
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            *(f"{p}{n}" for p in ("COM", "LPT") for n in "0123456789\u00b9\u00b2\u00b3")}


def reserved_on_windows(name: str) -> bool:
    """True when Windows cannot create a file of this name."""
    if name[-1:] in (".", " ") or any(c in name for c in '<>:"/\\|?*'):
        return True
    return name.partition(".")[0].rstrip(" ").upper() in _DEVICES


# -- file names and paths -------------------------------------------------------------


@pytest.mark.parametrize("title", [
    "CON", "aux.docx", "NUL .docx", "nul  .pdf", "COM1", "LPT1.xlsx", "COM0.docx", "LPT0",
    "COM\u00b9.pdf", "CONIN$", "conout$.csv", "Rapat Koordinasi. . .", "Rapat Koordinasi  ",
    "Notulen: Rapat/Evaluasi?", "..", " . ",
])  # fmt: skip
def test_names_windows_refuses_are_made_safe(title: str) -> None:
    name = safe_file_name(title)
    assert name and not reserved_on_windows(name), (title, name)


def test_a_deep_folder_gets_shortened_names_within_260_characters(
    storage: Storage, tmp_path: Path
) -> None:
    record = make_demo_record(storage, photos=0)
    # a OneDrive folder of an office, as deep as Windows users have them: 200 characters
    folder = tmp_path / "OneDrive - Pemerintah Kota Jambi" / "Sekretariat"
    folder = folder / ("Rakor " * 40)[: 200 - len(str(folder)) - 1].strip()
    assert len(str(folder)) in range(190, 201)
    written = export_minutes(storage, record.event_id, folder)
    assert sorted(p.suffix for p in written) == [".docx", ".pdf"]
    for path in written:
        assert len(str(path)) <= WINDOWS_MAX_PATH, path
        assert path.name.startswith("Notulen 2023-12-14 Rapat"), path.name
        assert path.is_file() and not path.stem.endswith((" ", "."))
    assert written[0].stem == written[1].stem  # both formats carry the same name


def test_a_folder_too_deep_for_windows_says_so_and_writes_nothing(
    storage: Storage, tmp_path: Path
) -> None:
    record = make_demo_record(storage, photos=0)
    folder = tmp_path / ("Arsip Sekretariat " * 20)[:250 - len(str(tmp_path))].strip()
    folder.mkdir()
    set_language("en")
    with pytest.raises(ExportError) as caught:
        export_minutes(storage, record.event_id, folder)
    assert "too long for Windows" in str(caught.value)
    assert "Choose a folder closer to the drive" in str(caught.value)
    assert list(folder.iterdir()) == []
    set_language("id")
    with pytest.raises(ExportError, match="terlalu panjang untuk Windows"):
        export_minutes(storage, record.event_id, folder)


# -- where the data lives -------------------------------------------------------------


@pytest.fixture
def on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs as on Windows: its Windows class, reading the user's folder variables
    (off Windows it cannot ask the shell, so its environment fallback answers)."""
    profile = tmp_path / "C" / "Users" / "Sekretariat"
    monkeypatch.setattr(platformdirs, "PlatformDirs", windows.Windows)
    monkeypatch.setattr(windows, "_RESOLVE_WIN_FOLDER", windows.get_win_folder_from_env_vars)
    monkeypatch.setenv("LOCALAPPDATA", str(profile / "AppData" / "Local"))
    monkeypatch.setenv("APPDATA", str(profile / "AppData" / "Roaming"))
    monkeypatch.setenv("USERPROFILE", str(profile))
    monkeypatch.delenv("RAKOR_HOME")
    monkeypatch.setattr(sys, "platform", "win32")
    return profile


def _frozen_at(monkeypatch: pytest.MonkeyPatch, exe: Path) -> None:
    exe.parent.mkdir(parents=True, exist_ok=True)
    exe.write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))


def test_on_windows_the_data_is_in_localappdata_and_portable_mode_keeps_all_on_the_stick(
    on_windows: Path, storage: Storage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = on_windows / "AppData" / "Local" / "RakorDesktop"
    installed = on_windows / "AppData" / "Local" / "Programs" / "Rakor Desktop"
    _frozen_at(monkeypatch, installed / "rakor-desktop.exe")
    dirs = paths.app_dirs()
    # not roaming: a database in a roaming profile is copied at every log-off
    assert (dirs.data, dirs.config, dirs.logs) == (local, local, local / "Logs")
    assert dirs.database == local / "rakor.sqlite3"
    assert dirs.backups == local.resolve() / "backups"
    assert paths.documents_root() == on_windows / "Documents" / "Rakor Desktop"

    stick = tmp_path / "E"  # E:\ on the laptop
    _frozen_at(monkeypatch, stick / "RakorDesktop" / "rakor-desktop.exe")
    (stick / "RakorDesktop" / paths.PORTABLE_MARKER).write_text("")
    dirs = paths.app_dirs()
    home = (stick / "RakorDesktop").resolve()
    assert (dirs.data, dirs.config, dirs.logs) == (home / "data", home / "config", home / "logs")
    assert dirs.backups == home / "data" / "backups"
    # the documents go on the stick too, not into this laptop's Documents folder
    record = make_demo_record(storage, photos=0)
    folder = default_output_dir(storage, record.event_id)
    assert folder.parent == home / "dokumen"
    written = export_minutes(storage, record.event_id, folder, ["docx"])
    assert home in written[0].parents
    assert not (on_windows / "Documents").exists() and not local.exists()


def test_the_stick_under_another_drive_letter_finds_its_own_data(
    on_windows: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for letter in ("E", "F"):  # the same stick in another laptop
        program = tmp_path / letter / "RakorDesktop"
        _frozen_at(monkeypatch, program / "rakor-desktop.exe")
        (program / paths.PORTABLE_MARKER).write_text("")
        assert paths.default_database_path() == program.resolve() / "data" / "rakor.sqlite3"
        assert paths.documents_root() == program.resolve() / "dokumen"


# -- CSV as Excel on Windows writes and reads it -----------------------------------------


def test_the_attendance_csv_opens_in_columns_in_indonesian_excel_and_imports_back(
    storage: Storage, tmp_path: Path
) -> None:
    record = make_demo_record(storage, photos=0)
    target = tmp_path / "Daftar Hadir.csv"
    count = export_attendance_csv(storage, record.event_id, target)
    raw = target.read_bytes()
    # Excel (id-ID) splits on its list separator ";" and reads UTF-8 only after a BOM
    assert raw.startswith(b"\xef\xbb\xbfNo;Nama;NIP/NRP;")
    assert raw.count(b"\r\n") >= count + 1  # CRLF, as Excel writes its own CSV
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[0] == list(HEADERS) and len(rows) == count + 1
    assert {len(row) for row in rows} == {len(HEADERS)}
    names = [row[1] for row in rows[1:]]
    assert any("," in name for name in names)  # "Dr. H. ..., M.Si." stays one cell
    # the app's own import reads what it wrote (as an invitation list)
    sheet = read_csv_sheet(target)
    assert sheet.encoding == "utf-8-sig"
    assert [row[1] for row in sheet.rows[1 : count + 1]] == names
