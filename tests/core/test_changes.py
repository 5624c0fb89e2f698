"""Writes from several connections at once, and what each commit says it changed.

Real SQLite files; the "other program" is a second connection in a thread or the
real CLI in a subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date, time
from pathlib import Path

import pytest

from rakor_desktop import messages
from rakor_desktop.changes import Changes
from rakor_desktop.models import Event, Person, Role
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage
from rakor_desktop.storage.database import DatabaseBusyError

REPO = Path(__file__).resolve().parents[2]
DESK = checkin_ops.Desk(station="meja-1", operator="Rina")
OTHER_DESK = checkin_ops.Desk(station="meja-2", operator="Yusuf")


def _event_with(storage: Storage, names: list[str]) -> tuple[int, list[int]]:
    event_id = event_ops.create_event(
        storage,
        Event(title="Rakor Inflasi", date=date(2024, 3, 5), start_time=time(9, 0), venue="Aula"),
    )
    ids = [
        invitee_ops.invite_person(storage, event_id, Person(name=name, instansi=f"Dinas {n}")).id
        for n, name in enumerate(names)
    ]
    return event_id, [i for i in ids if i is not None]


def _present(db_path: Path, event_id: int) -> int:
    other = Storage.open(db_path, backup=False, check=False)
    try:
        return other.attendance_counts(event_id).present
    finally:
        other.close()


def _hold_write_lock(db_path: Path, event_id: int, invitee_id: int, *, seconds: float,
                     ready: threading.Event) -> threading.Thread:
    """Another desk that checks someone in and keeps its transaction open ``seconds``."""

    def run() -> None:
        other = Storage.open(db_path, backup=False, check=False)
        try:
            with other.transaction():
                checkin_ops.checkin_invitee(other, invitee_id, OTHER_DESK)
                ready.set()
                threading.Event().wait(seconds)
        finally:
            other.close()

    thread = threading.Thread(target=run)
    thread.start()
    assert ready.wait(10)
    return thread


def test_a_write_waits_for_another_desk_instead_of_failing(db_path: Path) -> None:
    """A deferred BEGIN read first and was refused at once ("database is locked")."""
    storage = Storage.open(db_path)
    event_id, (budi, ani) = _event_with(storage, ["Budi", "Ani"])
    ready = threading.Event()
    thread = _hold_write_lock(db_path, event_id, budi, seconds=0.4, ready=ready)

    result = checkin_ops.checkin_invitee(storage, ani, DESK)
    thread.join()

    assert not result.already_present
    assert storage.attendance_counts(event_id).present == 2
    storage.close()


def test_a_lock_that_outlasts_the_wait_is_a_clear_message(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = Storage.open(db_path)
    event_id, (budi, ani) = _event_with(storage, ["Budi", "Ani"])
    storage.conn.execute("PRAGMA busy_timeout=100")
    ready = threading.Event()
    thread = _hold_write_lock(db_path, event_id, budi, seconds=1.0, ready=ready)
    monkeypatch.setattr(messages, "_language", "en")

    with pytest.raises(DatabaseBusyError) as caught:
        checkin_ops.checkin_invitee(storage, ani, DESK)
    thread.join()

    assert isinstance(caught.value, messages.RakorError)
    assert "database is locked" not in str(caught.value)
    assert str(caught.value) == (
        f"The database {db_path.name} was kept busy by another program or desk for too long; "
        "this action was not saved. Try again in a moment."
    )
    assert caught.value.indonesian.startswith(f"Database {db_path.name} sedang dipakai")
    assert not storage.conn.in_transaction
    assert storage.attendance_counts(event_id).present == 1  # Budi only, Ani not half-written
    storage.close()


def test_desk_import_and_cli_write_at_once_with_exact_counts(db_path: Path) -> None:
    storage = Storage.open(db_path)
    names = [f"Peserta {n:02d}" for n in range(24)]
    event_id, ids = _event_with(storage, names)
    desk_ids, cli_names = ids[:12], names[12:]
    failures: list[BaseException] = []

    def background_import() -> None:
        worker = Storage.open(db_path, backup=False, check=False)
        try:
            for batch in range(6):
                people = [
                    (Person(name=f"Tamu {batch}-{n}", instansi="Bappeda"), Role.PESERTA)
                    for n in range(40)
                ]
                invitee_ops.import_invitees(worker, event_id, people)
        except BaseException as exc:
            failures.append(exc)
        finally:
            worker.close()

    importer = threading.Thread(target=background_import)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "rakor_desktop.cli", "--db", str(db_path), "checkin",
               str(event_id), "--name"]
    importer.start()
    clis = [
        subprocess.Popen([*command, name], cwd=REPO, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, encoding="utf-8")
        for name in cli_names[:6]
    ]
    for invitee_id in desk_ids:
        checkin_ops.checkin_invitee(storage, invitee_id, DESK)
    clis += [
        subprocess.Popen([*command, name], cwd=REPO, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, encoding="utf-8")
        for name in cli_names[6:]
    ]
    outputs = [process.communicate(timeout=120) for process in clis]
    importer.join(120)

    assert failures == []
    assert [(p.returncode, err) for p, (_out, err) in zip(clis, outputs, strict=True)] == [
        (0, "")
    ] * 12
    assert storage.attendance_counts(event_id).present == 24
    assert storage.attendance_counts(event_id).invited == 24 + 6 * 40
    assert _present(db_path, event_id) == 24
    storage.close()


# -- what a commit says it changed -------------------------------------------------------


def test_every_commit_tells_its_listeners_which_areas_of_which_event_changed(
    storage: Storage,
) -> None:
    heard: list[Changes] = []
    storage.add_change_listener(heard.append)
    event_id, (budi,) = _event_with(storage, ["Budi"])
    heard.clear()

    checkin_ops.checkin_invitee(storage, budi, DESK)
    assert heard == [Changes(event_id, attendance=True)]

    heard.clear()
    invitee_ops.invite_person(storage, event_id, Person(name="Ani", instansi="Bappeda"))
    assert heard == [Changes(None, invitees=True), Changes(event_id, invitees=True)]
    assert all(c.concerns(event_id) for c in heard)

    heard.clear()
    with pytest.raises(RuntimeError), storage.transaction():
        checkin_ops.checkin_invitee(storage, budi, OTHER_DESK)  # a nested savepoint
        raise RuntimeError("rolled back")
    event_ops.get_event(storage, event_id)  # reads announce nothing
    assert heard == []

    with storage.transaction():  # nested writes are announced once, with the outer commit
        citra = invitee_ops.invite_person(storage, event_id, Person(name="Citra", instansi="BPS"))
        assert citra.id is not None
        checkin_ops.checkin_invitee(storage, citra.id, OTHER_DESK)
    assert Changes(event_id, invitees=True, attendance=True) in heard
    assert len(heard) == 2

    storage.remove_change_listener(heard.append)
    heard.clear()
    invitee_ops.invite_person(storage, event_id, Person(name="Dewi", instansi="BPS"))
    assert heard == []


def test_changes_concern_their_event_and_merge() -> None:
    mine = Changes(1, attendance=True)
    assert mine.concerns(1) and not mine.concerns(2)
    assert Changes(None, invitees=True).concerns(2)
    assert Changes(1, everything=True).touched("photos")
    assert not mine.touched("photos") and mine.any and not Changes(1).any
    assert mine.merged(Changes(1, photos=True)) == Changes(1, attendance=True, photos=True)
    assert mine.merged(Changes(2, photos=True)).event_id is None


def test_a_document_reads_one_state_of_the_database(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bug 4: a check-in committed while the record was read made a mixed document."""
    from rakor_desktop.exports.documents.build import load_record

    storage = Storage.open(db_path)
    event_id, (budi, _ani) = _event_with(storage, ["Budi", "Ani"])
    real_officials = storage.document_officials

    def officials_then_a_checkin_elsewhere(event: int) -> list[dict[str, object]]:
        rows = real_officials(event)
        other = Storage.open(db_path, backup=False, check=False)  # the desk, meanwhile
        checkin_ops.checkin_invitee(other, budi, OTHER_DESK)
        other.close()
        return rows

    monkeypatch.setattr(storage, "document_officials", officials_then_a_checkin_elsewhere)
    record = load_record(storage, event_id)

    assert [row["present"] for row in record.attendees if row["present"]] == []  # as it began
    assert storage.attendance_counts(event_id).present == 1  # the check-in itself is kept
    assert not storage.conn.in_transaction
    storage.close()
