"""Storage faults told truthfully (issue 10, item 8): a read-only folder, a full disk,
long values in messages.

The read-only folder and the full disk are real: the commands run in a child process
in a user namespace (``unshare``), where a folder of mode 0555 cannot be written even
by root and where a small tmpfs can be mounted and filled. Where ``unshare`` is not
allowed the tests are skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rakor_desktop import messages
from rakor_desktop.messages import ValidationError, shorten, text
from rakor_desktop.storage import Storage

from .test_storage import _event


def _unshare_works(*options: str) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", *options, "true"], capture_output=True, check=False, timeout=10
    )
    return probe.returncode == 0


def _rakor(*args: str, home: Path, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "rakor_desktop.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "RAKOR_HOME": str(home)},
    )


@pytest.fixture
def event_database(tmp_path: Path) -> Path:
    folder = tmp_path / "rapat"
    path = folder / "rakor.sqlite3"
    storage = Storage.open(path)
    _event(storage, "Rakor Kesiapan Pemilu 2024")
    storage.close()
    return path


def _read_only_prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    if not _unshare_works("--user"):
        pytest.skip("running as root without user namespaces: cannot make a read-only folder")
    return ["unshare", "--user"]  # unmapped: root's files are checked by their mode bits


def test_read_only_folder_still_lists_events_and_names_the_folder(
    event_database: Path, tmp_path: Path
) -> None:
    prefix = _read_only_prefix()
    folder = event_database.parent
    folder.chmod(0o555)
    try:
        listing = _rakor("--db", str(event_database), "event", "list", home=tmp_path / "home",
                         prefix=prefix)
        create = _rakor(
            "--db", str(event_database), "event", "create", "--title", "Rakor Baru",
            "--date", "2023-12-15", "--start", "09:00", "--venue", "Aula",
            home=tmp_path / "home", prefix=prefix,
        )
    finally:
        folder.chmod(0o755)
    assert listing.returncode == 0, listing.stderr
    assert "Rakor Kesiapan Pemilu 2024" in listing.stdout
    assert create.returncode == 1
    assert "bukan database Rakor Desktop" not in create.stderr
    assert f"tidak dapat menulis di {folder}" in create.stderr
    assert "hanya dapat dibaca" in create.stderr


def test_full_disk_is_called_full_and_reading_still_works(
    event_database: Path, tmp_path: Path
) -> None:
    if not _unshare_works("--user", "--map-root-user", "--mount"):
        pytest.skip("user and mount namespaces are not allowed here")
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (
        'mount -t tmpfs -o size=1m tmpfs "$1" || exit 9; cp "$2" "$1/rakor.sqlite3"; '
        'dd if=/dev/zero of="$1/fill" bs=4k 2>/dev/null || true; '
        'shift 2; for command in list create; do '
        'if [ $command = list ]; then "$@" --db "$DISK/rakor.sqlite3" event list; '
        'else "$@" --db "$DISK/rakor.sqlite3" event create --title Baru --date 2023-12-15 '
        '--start 09:00 --venue Aula; fi; echo "exit=$?"; done'
    )
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh",
         str(disk), str(event_database), sys.executable, "-m", "rakor_desktop.cli"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "RAKOR_HOME": str(tmp_path / "home"), "DISK": str(disk)},
    )
    assert "Rakor Kesiapan Pemilu 2024" in result.stdout, result.stderr
    assert "exit=0" in result.stdout  # event list
    assert "exit=1" in result.stdout  # event create
    assert "bukan database Rakor Desktop" not in result.stderr
    assert "penuh" in result.stderr


@pytest.fixture
def english() -> None:
    messages.set_language("en")
    yield
    messages.set_language("id")


def test_long_values_are_cut_in_every_message() -> None:
    nip = "1" * 100_000
    error = ValidationError("NIP {nip} tidak valid.", "Invalid NIP {nip}.", nip=nip)
    assert len(str(error)) < 300
    assert str(error).startswith("NIP 1111")
    assert "…" in str(error)
    assert len(text("NIP {nip!r} salah", "NIP {nip!r} wrong", nip=nip)) < 300


def test_short_values_and_numbers_are_left_as_they_are() -> None:
    assert text("{n:d} orang", "{n:d} people", n=12) == "12 orang"
    assert shorten("Budi Santoso") == "Budi Santoso"
    assert len(str(shorten(10**5000))) < 20


def test_cli_error_line_of_a_huge_argument_is_short(tmp_path: Path) -> None:
    result = _rakor("--db", str(tmp_path / "db.sqlite3"), "event", "show", "9" * 100_000,
                    home=tmp_path / "home")
    assert result.returncode != 0
    assert len(result.stderr) < 600
