"""Backups: made complete or not at all, listed with their contents, restored with the
current file put aside, and the ``rakor backup`` / ``rakor restore`` commands."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rakor_desktop import backup as backups
from rakor_desktop.atomic_files import TEMP_PREFIX
from rakor_desktop.cli import main
from rakor_desktop.demo import create_demo_event
from rakor_desktop.messages import DatabaseError
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.storage import Storage
from rakor_desktop.storage.database import check_copy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "rakor.sqlite3"
    storage = Storage.open(path)
    try:
        create_demo_event(storage)
    finally:
        storage.close()
    return path


def _checkin_count(path: Path) -> int:
    return backups.summarise_database(path).checked_in


def _fill(path: Path, megabytes: int) -> None:
    """Make the database large, so a copy of it takes a while."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS padding (data BLOB)")
        blob = os.urandom(1024 * 1024)
        conn.executemany("INSERT INTO padding VALUES (?)", [(blob,)] * megabytes)
        conn.commit()
    finally:
        conn.close()


_BACKUP_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from rakor_desktop import backup
print("started", flush=True)
backup.make_backup(Path(sys.argv[1]))
print("done", flush=True)
"""


def test_a_backup_killed_half_way_is_never_offered(db_path: Path) -> None:
    _fill(db_path, 120)
    complete = backups.make_backup(db_path)
    partial_left = 0
    for delay in (0.05, 0.15, 0.3, 0.5):
        process = subprocess.Popen(
            [sys.executable, "-c", _BACKUP_SCRIPT, str(db_path), str(ROOT)],
            stdout=subprocess.PIPE, text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "started"
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        folder = db_path.parent / "backups"
        partial_left += len([p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)])
        listed = backups.list_backups(db_path, with_contents=True)
        assert complete.path in [b.path for b in listed]
        for backup in listed:  # each offered backup is whole and sound
            assert check_copy(backup.path) == ""
            assert backup.summary is not None and backup.summary.events == 1
    assert partial_left > 0, "no kill landed during a copy: make the database larger"
    backups.make_backup(db_path)  # the next backup removes what the killed ones left
    assert not [p for p in (db_path.parent / "backups").iterdir()
                if p.name.startswith(TEMP_PREFIX)]


def test_a_copy_that_fails_its_check_is_not_kept(db_path: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(str(foreign))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError):
        backups.make_backup(foreign)
    assert list((tmp_path / "backups").iterdir()) == []


def test_backups_are_listed_newest_first_with_what_they_hold(db_path: Path) -> None:
    first = backups.make_backup(db_path, now=datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    storage = Storage.open(db_path, backup=False)
    try:
        [event] = storage.list_events()
        absent = [i for i in storage.list_invitees(event.id or 0)
                  if not storage.active_checkins(i.id or 0)]
        checkin_ops.checkin_invitee(
            storage, absent[0].id or 0, checkin_ops.Desk(station="meja-1", operator="Rina"))
    finally:
        storage.close()
    second = backups.make_backup(db_path, now=datetime(2026, 12, 3, 9, 5, tzinfo=UTC))
    listed = backups.list_backups(db_path, with_contents=True)
    assert [b.path for b in listed] == [second.path, first.path]
    assert listed[0].summary is not None and listed[1].summary is not None
    assert listed[0].summary.checked_in == listed[1].summary.checked_in + 1
    assert listed[0].summary.invitees == listed[1].summary.invitees > 0


def test_restore_puts_the_current_file_aside_with_its_log(db_path: Path) -> None:
    backup = backups.make_backup(db_path)
    Path(f"{db_path}-wal").write_bytes(b"not really a log")
    current = db_path.read_bytes()
    aside = backups.restore_backup(db_path, backup.path)
    assert aside is not None and aside.read_bytes() == current
    assert Path(f"{aside}-wal").read_bytes() == b"not really a log"
    assert not Path(f"{db_path}-wal").exists()
    assert db_path.read_bytes() == backup.path.read_bytes()
    again = backups.restore_backup(db_path, backup.path)  # a second one never overwrites
    assert again is not None and again != aside and aside.exists()


def test_restoring_a_damaged_backup_changes_nothing(db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(db_path.read_bytes()[:8192])
    current = db_path.read_bytes()
    with pytest.raises(DatabaseError):
        backups.restore_backup(db_path, bad)
    assert db_path.read_bytes() == current
    assert not [p for p in tmp_path.iterdir() if "before-restore" in p.name]


# -- the commands ----------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "--lang", "en", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_backup_then_list(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, db_path, "backup")
    assert code == 0, err
    made = Path(out.strip())
    assert made.parent == db_path.parent / "backups" and check_copy(made) == ""
    code, out, err = _run(capsys, db_path, "backup", "list", "--json")
    assert code == 0, err
    [listed] = json.loads(out)
    assert listed["file"] == str(made)
    assert listed["events"] == 1 and listed["invitees"] > 0
    assert listed["checked_in"] == _checkin_count(db_path)
    code, out, _err = _run(capsys, db_path, "backup", "list")
    assert code == 0 and made.name in out and "Invitees" in out


def test_cli_restore_a_damaged_database(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(capsys, db_path, "backup")
    made = Path(out.strip())
    db_path.write_bytes(b"SQLite format 3\0" + b"\xff" * 8192)  # damaged beyond opening
    code, _out, err = _run(capsys, db_path, "event", "list")
    assert code == 1 and "damaged" in err
    code, out, err = _run(capsys, db_path, "restore", made.name)  # a name from the list
    assert code == 0, err
    assert "put aside" in out
    aside = [p for p in db_path.parent.iterdir() if ".before-restore-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().endswith(b"\xff" * 64)
    code, out, err = _run(capsys, db_path, "event", "list")
    assert code == 0, err


def test_cli_restore_of_a_missing_file_says_so(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    current = db_path.read_bytes()
    code, _out, err = _run(capsys, db_path, "restore", "nothing-here.sqlite3")
    assert code == 1 and "does not exist" in err
    assert db_path.read_bytes() == current
