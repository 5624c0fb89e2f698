"""The storage layer on real SQLite files: opening, migrations, refusals, backups,
the append-only attendance log and the presence derived from it."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from rakor_desktop import messages
from rakor_desktop.messages import DatabaseError
from rakor_desktop.models import (
    AttendanceEntry,
    AttendanceKind,
    Event,
    Invitee,
    Person,
)
from rakor_desktop.storage import LATEST_VERSION, Storage
from rakor_desktop.storage.migrations import APPLICATION_ID

T0 = datetime(2023, 12, 14, 1, 30, tzinfo=UTC)  # 08.30 WIB


# -- helpers ---------------------------------------------------------------------------


def _pragma(storage: Storage, name: str) -> object:
    return storage.db.execute(f"PRAGMA {name}").fetchone()[0]


def _plain(path: Path) -> sqlite3.Connection:
    """A connection of "another program" (no app code), foreign keys on."""
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _event(storage: Storage, title: str = "Rakor Kesiapan Pemilu 2024") -> int:
    with storage.transaction():
        return storage.insert_event(
            Event(title=title, date=date(2023, 12, 14), start_time=time(9, 0), venue="Aula"),
            now=T0,
        )


def _invitee(storage: Storage, event_id: int, name: str, code: str) -> int:
    with storage.transaction():
        person = Person(name=name, instansi="KPU Kota Jambi")
        person.id = storage.insert_person(person, now=T0)
        return storage.insert_invitee(
            Invitee(event_id=event_id, person=person, checkin_code=code), now=T0
        )


def _checkin(
    event_id: int, invitee_id: int, at: datetime, station: str = "meja-1", uid: str = ""
) -> AttendanceEntry:
    return AttendanceEntry(
        uid=uid or str(uuid.uuid4()),
        event_id=event_id,
        invitee_id=invitee_id,
        kind=AttendanceKind.CHECKIN,
        recorded_at=at,
        station=station,
        operator="Rina",
    )


def _undo(event_id: int, invitee_id: int, target: AttendanceEntry, at: datetime) -> AttendanceEntry:
    return AttendanceEntry(
        uid=str(uuid.uuid4()),
        event_id=event_id,
        invitee_id=invitee_id,
        kind=AttendanceKind.UNDO,
        recorded_at=at,
        station="meja-1",
        target_uid=target.uid,
        reason="salah orang",
    )


def _presence(storage: Storage, invitee_id: int) -> dict[str, object] | None:
    return storage._row("SELECT * FROM presence WHERE invitee_id = ?", (invitee_id,))


def _make_database(path: Path, *, invitees: int = 3) -> None:
    """A closed database file with one event and a few invitees."""
    storage = Storage.open(path)
    event_id = _event(storage)
    for n in range(invitees):
        _invitee(storage, event_id, f"Peserta {n}", f"CODE{n:04d}")
    storage.close()


@pytest.fixture
def english() -> Iterator[None]:
    messages.set_language("en")
    yield
    messages.set_language("id")


# -- a new database ----------------------------------------------------------------------


def test_new_database_is_at_the_latest_version(db_path: Path) -> None:
    storage = Storage.open(db_path)
    try:
        assert storage.schema_version == LATEST_VERSION
        assert db_path.is_file()
    finally:
        storage.close()


def test_connection_uses_wal_foreign_keys_and_full_sync(storage: Storage) -> None:
    assert str(_pragma(storage, "journal_mode")).lower() == "wal"
    assert _pragma(storage, "foreign_keys") == 1
    assert _pragma(storage, "synchronous") == 2  # FULL


def test_pragmas_also_hold_after_reopening(db_path: Path) -> None:
    _make_database(db_path)
    storage = Storage.open(db_path)
    try:
        assert str(_pragma(storage, "journal_mode")).lower() == "wal"
        assert _pragma(storage, "foreign_keys") == 1
        assert _pragma(storage, "synchronous") == 2
    finally:
        storage.close()


def test_foreign_keys_are_enforced(storage: Storage) -> None:
    person = Person(name="Budi")
    person.id = storage.insert_person(person, now=T0)
    with pytest.raises(sqlite3.IntegrityError):
        storage.insert_invitee(
            Invitee(event_id=999, person=person, checkin_code="ZZZZ2222"), now=T0
        )


def test_committed_data_is_visible_to_another_connection_at_once(
    storage: Storage, db_path: Path
) -> None:
    event_id = _event(storage, "Dilihat dari proses lain")
    other = _plain(db_path)
    try:
        row = other.execute("SELECT title FROM events WHERE id = ?", (event_id,)).fetchone()
    finally:
        other.close()
    assert row == ("Dilihat dari proses lain",)


# -- migrations ---------------------------------------------------------------------------


def _version_1_file_with_attendance(path: Path) -> None:
    old = Storage.open(path, target_version=1)
    assert old.schema_version == 1
    old.close()
    conn = _plain(path)
    with conn:
        conn.execute(
            "INSERT INTO events (id, uid, title, date, start_time, created_at, updated_at) "
            "VALUES (1, 'ev-1', 'Rakor Lama', '2023-12-14', '09:00', "
            "'2023-12-01T00:00:00.000+00:00', '2023-12-01T00:00:00.000+00:00')"
        )
        conn.execute(
            "INSERT INTO persons (id, uid, name, front_titles, created_at, updated_at) "
            "VALUES (1, 'p-1', 'Sri Purwaningsih', 'Dr. H.', "
            "'2023-12-01T00:00:00.000+00:00', '2023-12-01T00:00:00.000+00:00')"
        )
        conn.execute(
            "INSERT INTO invitees (id, uid, event_id, person_id, checkin_code, sort_key, "
            "search_text, created_at) VALUES (1, 'i-1', 1, 1, 'ABCD2345', 'sri purwaningsih', "
            "'sri purwaningsih abcd2345', '2023-12-01T00:00:00.000+00:00')"
        )
        conn.execute(
            "INSERT INTO attendance_log (uid, event_id, invitee_id, kind, recorded_at, station, "
            "received_at) VALUES ('a-1', 1, 1, 'checkin', '2023-12-14T01:45:00.000+00:00', "
            "'meja-1', '2023-12-14T01:45:00.000+00:00')"
        )
    conn.close()


def test_version_1_file_is_upgraded_with_its_data_intact(db_path: Path) -> None:
    _version_1_file_with_attendance(db_path)

    storage = Storage.open(db_path)
    try:
        assert storage.schema_version == LATEST_VERSION
        event = storage.get_event(1)
        assert event is not None and event.title == "Rakor Lama"
        invitee = storage.get_invitee(1)
        assert invitee is not None
        assert invitee.person.front_titles == "Dr. H."
        assert invitee.first_checkin_at == datetime(2023, 12, 14, 1, 45, tzinfo=UTC)
        assert storage.attendance_counts(1).present == 1
        # The tables of the later migrations are there and usable.
        storage.set_event_setting(1, "notulen_variant", "B")
        assert storage.get_event_setting(1, "notulen_variant") == "B"
        with storage.transaction():
            storage._write(
                "INSERT INTO rundown_items (uid, event_id, title) VALUES ('r-1', 1, 'Pembukaan')"
            )
        assert storage._scalar("SELECT title FROM rundown_items WHERE event_id = 1") == "Pembukaan"
    finally:
        storage.close()


def test_upgrade_is_preceded_by_a_backup_of_the_old_version(db_path: Path) -> None:
    _version_1_file_with_attendance(db_path)
    storage = Storage.open(db_path)
    try:
        backups = storage.list_backups()
    finally:
        storage.close()
    assert len(backups) == 1
    copy = sqlite3.connect(str(backups[0]))
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT title FROM events").fetchall() == [("Rakor Lama",)]
    finally:
        copy.close()


def test_failed_migration_leaves_the_previous_version(db_path: Path) -> None:
    _version_1_file_with_attendance(db_path)
    conn = _plain(db_path)
    with conn:  # a table in the way of migration 2
        conn.execute("CREATE TABLE rundown_items (x)")
    conn.close()

    with pytest.raises(DatabaseError):
        Storage.open(db_path)

    conn = _plain(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "speakers" not in tables  # nothing of migration 2 was kept
        assert conn.execute("SELECT COUNT(*) FROM attendance_log").fetchone()[0] == 1
    finally:
        conn.close()


# -- refusals ------------------------------------------------------------------------------


def _newer_database(path: Path) -> bytes:
    _make_database(path)
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_newer_database_is_refused_in_indonesian(db_path: Path) -> None:
    before = _newer_database(db_path)
    with pytest.raises(DatabaseError) as caught:
        Storage.open(db_path)
    message = str(caught.value)
    assert "versi Rakor Desktop yang lebih baru" in message
    assert f"skema versi {LATEST_VERSION + 1}" in message
    assert "Perbarui Rakor Desktop" in message
    assert db_path.read_bytes() == before


@pytest.mark.usefixtures("english")
def test_newer_database_is_refused_in_english(db_path: Path) -> None:
    before = _newer_database(db_path)
    with pytest.raises(DatabaseError) as caught:
        Storage.open(db_path)
    message = str(caught.value)
    assert "made by a newer version of Rakor Desktop" in message
    assert "Update Rakor Desktop" in message
    assert db_path.read_bytes() == before


def test_newer_database_gets_no_backup_and_no_leftover_files(db_path: Path) -> None:
    _newer_database(db_path)
    with pytest.raises(DatabaseError):
        Storage.open(db_path)
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


@pytest.mark.parametrize(
    "content",
    [
        random.Random(7).randbytes(16384),
        b"No,Nama,Instansi\n1,Budi Santoso,KPU\n2,Sri Purwaningsih,Bawaslu\n",
    ],
    ids=["random-bytes", "csv-text"],
)
def test_file_that_is_not_a_database_is_refused_unchanged(db_path: Path, content: bytes) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(DatabaseError) as caught:
        Storage.open(db_path)
    assert "bukan database Rakor Desktop" in str(caught.value)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == content


@pytest.mark.usefixtures("english")
def test_file_that_is_not_a_database_is_refused_in_english(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("hello, this is a letter\n", encoding="utf-8")
    with pytest.raises(DatabaseError, match="is not a Rakor Desktop database"):
        Storage.open(db_path)


def test_sqlite_file_of_another_program_is_refused_unchanged(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(str(db_path))
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('daftar belanja')")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="bukan database Rakor Desktop"):
        Storage.open(db_path)
    assert db_path.read_bytes() == before


def test_sqlite_file_with_a_clashing_table_is_called_not_ours(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(str(db_path))
    conn.execute("CREATE TABLE events (what TEXT)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        Storage.open(db_path)
    assert "bukan database Rakor Desktop" in str(caught.value)
    assert "izin folder" not in str(caught.value)
    assert db_path.read_bytes() == before


# -- whose file is it (issue 10, item 7) -----------------------------------------------


def _foreign_sqlite_file(path: Path, user_version: int) -> bytes:
    """Another program's SQLite file, e.g. Firefox's places.sqlite (user_version 74)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://kotajambi.go.id')")
    conn.execute(f"PRAGMA user_version = {user_version:d}")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("user_version", [74, 1, 2, -1])
def test_sqlite_file_of_another_program_with_a_user_version_is_refused_untouched(
    db_path: Path, user_version: int
) -> None:
    before = _foreign_sqlite_file(db_path, user_version)
    with pytest.raises(DatabaseError) as caught:
        Storage.open(db_path)
    message = str(caught.value)
    assert "bukan database Rakor Desktop" in message
    assert "lebih baru" not in message
    assert "izin folder" not in message
    assert db_path.read_bytes() == before
    # not switched to WAL, not backed up
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


@pytest.mark.usefixtures("english")
def test_firefox_places_file_is_not_called_a_newer_rakor_database(db_path: Path) -> None:
    _foreign_sqlite_file(db_path, 74)
    with pytest.raises(DatabaseError, match="is not a Rakor Desktop database"):
        Storage.open(db_path)


def test_new_database_carries_the_rakor_application_id(db_path: Path) -> None:
    Storage.open(db_path).close()
    conn = _plain(db_path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        conn.close()


@pytest.mark.parametrize("version", [1, 2])
def test_database_of_an_earlier_version_without_the_id_opens_and_is_stamped(
    db_path: Path, version: int
) -> None:
    old = Storage.open(db_path, target_version=version)
    event_id = _event(old, "Rakor Lama")
    old.close()
    conn = _plain(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
    conn.close()

    storage = Storage.open(db_path)
    try:
        assert storage.schema_version == LATEST_VERSION
        assert _pragma(storage, "application_id") == APPLICATION_ID
        assert storage.get_event(event_id).title == "Rakor Lama"
    finally:
        storage.close()


# -- odd schema versions (issue 10, item 8) ------------------------------------------------


def _set_user_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA user_version = {version:d}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("made_at", "claimed"), [(LATEST_VERSION, -1), (2, 1), (LATEST_VERSION, 1), (2, -1)]
)
def test_schema_version_that_does_not_match_the_tables_is_called_damaged(
    db_path: Path, made_at: int, claimed: int
) -> None:
    Storage.open(db_path, target_version=made_at).close()
    _set_user_version(db_path, claimed)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        Storage.open(db_path)
    message = str(caught.value)
    assert f"versi skemanya ({claimed})" in message
    assert "tidak cocok" in message
    assert "already exists" not in message
    assert "izin folder" not in message
    assert db_path.read_bytes() == before


PAGE_SIZE = 4096


@pytest.fixture(scope="module")
def large_database_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real file of several MB: one event with a few thousand invitees."""
    path = tmp_path_factory.mktemp("large") / "rakor.sqlite3"
    storage = Storage.open(path)
    event_id = _event(storage)
    with storage.transaction():
        for n in range(4000):
            person = Person(
                name=f"Peserta Nomor {n} " + "Purwaningsih " * 8,
                jabatan=f"Kepala Seksi {n} " + "Pemerintahan " * 6,
                instansi=f"Kelurahan {n}",
            )
            person.id = storage.insert_person(person, now=T0)
            storage.insert_invitee(
                Invitee(event_id=event_id, person=person, checkin_code=f"C{n:07d}"), now=T0
            )
    assert storage.db.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    storage.close()
    data = path.read_bytes()
    assert len(data) > 3_000_000
    return data


def _write_with_random_middle_pages(path: Path, data: bytes, *, pages: int) -> None:
    """Overwrite whole pages in the middle of the file with noise."""
    damaged = bytearray(data)
    middle = len(damaged) // PAGE_SIZE // 2
    rng = random.Random(2023)
    for page in range(middle, middle + pages):
        damaged[page * PAGE_SIZE : (page + 1) * PAGE_SIZE] = rng.randbytes(PAGE_SIZE)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(damaged))


def _write_with_blanked_cells(path: Path, data: bytes) -> None:
    """Blank the cell area (not the page header) of leaf pages near the end of the file:
    SQLite can still read the file, and the integrity check lists the damage."""
    damaged = bytearray(data)
    last = len(damaged) // PAGE_SIZE
    for page in range(last - 30, last - 5):
        start = page * PAGE_SIZE
        damaged[start + 8 : start + PAGE_SIZE] = bytes(PAGE_SIZE - 8)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(damaged))


def test_large_database_reopens_intact(db_path: Path, large_database_bytes: bytes) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(large_database_bytes)
    storage = Storage.open(db_path)
    try:
        assert storage.count_invitees(1) == 4000
    finally:
        storage.close()


def test_damaged_database_is_refused_pointing_to_the_backups(
    db_path: Path, large_database_bytes: bytes
) -> None:
    _write_with_random_middle_pages(db_path, large_database_bytes, pages=20)
    with pytest.raises(DatabaseError) as caught:
        Storage.open(db_path)
    message = str(caught.value)
    assert "rusak" in message
    assert "Cadangan" in message
    assert str(db_path.parent / "backups") in message


def test_damaged_database_is_refused_with_a_clear_error(
    db_path: Path, large_database_bytes: bytes
) -> None:
    _write_with_random_middle_pages(db_path, large_database_bytes, pages=20)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="rusak"):
        Storage.open(db_path)
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()  # a damaged file is not backed up


def test_damaged_database_found_by_integrity_check_points_to_the_backups(
    db_path: Path, large_database_bytes: bytes
) -> None:
    _write_with_blanked_cells(db_path, large_database_bytes)
    with pytest.raises(DatabaseError) as caught:
        Storage.open(db_path)
    message = str(caught.value)
    assert "rusak" in message
    assert str(db_path.parent / "backups") in message
    assert not (db_path.parent / "backups").exists()  # a damaged file is not backed up


def test_damage_message_is_short_enough_for_a_dialog(
    db_path: Path, large_database_bytes: bytes
) -> None:
    _write_with_blanked_cells(db_path, large_database_bytes)
    with pytest.raises(DatabaseError) as caught:
        Storage.open(db_path)
    assert len(str(caught.value).splitlines()) <= 5
    assert len(str(caught.value)) < 600


def test_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("I am a file", encoding="utf-8")
    with pytest.raises(DatabaseError) as caught:
        Storage.open(blocker / "sub" / "rakor.sqlite3")
    assert "Folder database tidak dapat dibuat" in str(caught.value)
    assert str(blocker / "sub") in str(caught.value)


@pytest.mark.usefixtures("english")
def test_folder_that_cannot_be_created_in_english(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("I am a file", encoding="utf-8")
    with pytest.raises(DatabaseError, match="Cannot create the database folder"):
        Storage.open(blocker / "rakor.sqlite3")


def test_database_path_that_is_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "rakor.sqlite3"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="adalah folder, bukan berkas database"):
        Storage.open(folder)


# -- backups ---------------------------------------------------------------------------


def test_brand_new_database_makes_no_backup(db_path: Path) -> None:
    storage = Storage.open(db_path)
    try:
        assert storage.list_backups() == []
    finally:
        storage.close()
    assert not (db_path.parent / "backups").exists()


def test_opening_an_existing_database_backs_it_up_beside_it(db_path: Path) -> None:
    _make_database(db_path, invitees=5)
    storage = Storage.open(db_path)
    try:
        backups = storage.list_backups()
    finally:
        storage.close()
    assert len(backups) == 1
    assert backups[0].parent == db_path.parent / "backups"
    copy = sqlite3.connect(str(backups[0]))
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT title FROM events").fetchall() == [
            ("Rakor Kesiapan Pemilu 2024",)
        ]
        assert copy.execute("SELECT COUNT(*) FROM invitees").fetchone()[0] == 5
    finally:
        copy.close()


def test_backup_can_be_opened_by_the_app(db_path: Path, tmp_path: Path) -> None:
    _make_database(db_path, invitees=2)
    Storage.open(db_path).close()
    backup = next((db_path.parent / "backups").iterdir())
    restored = tmp_path / "restored.sqlite3"
    restored.write_bytes(backup.read_bytes())
    storage = Storage.open(restored)
    try:
        assert [e.title for e in storage.list_events()] == ["Rakor Kesiapan Pemilu 2024"]
        assert storage.list_events()[0].invited == 2
    finally:
        storage.close()


def test_no_backup_when_asked_not_to(db_path: Path) -> None:
    _make_database(db_path)
    Storage.open(db_path, backup=False).close()
    assert not (db_path.parent / "backups").exists()


def test_every_opening_makes_its_own_backup_and_the_last_hour_is_kept(db_path: Path) -> None:
    _make_database(db_path)
    made: list[Path] = []
    for _ in range(12):
        storage = Storage.open(db_path, backups_kept=3)
        made.append(storage.list_backups()[0])
        storage.close()
    kept = sorted((db_path.parent / "backups").iterdir())
    assert kept == sorted(made)  # all within the last hour
    assert len(set(made)) == 12  # every opening made its own copy


def test_backups_are_kept_by_age_the_last_hour_then_one_per_day(storage: Storage) -> None:
    _event(storage)
    now = datetime(2023, 12, 14, 10, 30, tzinfo=UTC)
    older_days = [
        storage.backup(keep=3, now=datetime(2023, 12, day, hour, tzinfo=UTC))
        for day in (9, 10, 11, 12, 13) for hour in (8, 12)
    ]
    this_morning = [
        storage.backup(keep=3, now=datetime(2023, 12, 14, 8, minute, tzinfo=UTC))
        for minute in range(0, 50, 10)
    ]
    last_hour = [
        storage.backup(keep=3, now=datetime(2023, 12, 14, 9, 35 + minute, tzinfo=UTC))
        for minute in range(0, 25, 5)
    ]
    newest = storage.backup(keep=3, now=now)
    assert storage.list_backups() == [newest, *reversed(last_hour), this_morning[-1],
                                      older_days[-1], older_days[-3]]
    assert all(not p.exists() for p in older_days[:-3] + this_morning[:-1])
    assert not [p for p in storage.list_backups()[0].parent.iterdir()
                if not p.name.endswith(".sqlite3")]


def test_backups_of_two_databases_in_one_folder_do_not_rotate_each_other(
    tmp_path: Path,
) -> None:
    main, training = tmp_path / "rakor.sqlite3", tmp_path / "latihan.sqlite3"
    _make_database(main)
    _make_database(training)
    Storage.open(main).close()
    main_backup = next((tmp_path / "backups").iterdir())
    for _ in range(4):
        storage = Storage.open(training, backups_kept=2)
        assert main_backup not in storage.list_backups()
        storage.close()
    assert main_backup.exists()


def test_backup_folder_that_cannot_be_made_is_not_a_traceback(db_path: Path) -> None:
    _make_database(db_path)
    (db_path.parent / "backups").write_text("in the way", encoding="utf-8")
    try:
        Storage.open(db_path).close()  # opening anyway (with a logged warning) is fine
    except DatabaseError as exc:
        assert "backups" in str(exc)


# -- the append-only attendance log -----------------------------------------------------


@pytest.fixture
def one_checkin(storage: Storage) -> tuple[int, int, AttendanceEntry]:
    event_id = _event(storage)
    invitee_id = _invitee(storage, event_id, "Budi Santoso", "ABCD2345")
    entry = _checkin(event_id, invitee_id, T0)
    with storage.transaction():
        assert storage.append_attendance(entry, received_at=T0)
    return event_id, invitee_id, entry


def test_attendance_entry_cannot_be_changed(
    one_checkin: tuple[int, int, AttendanceEntry], db_path: Path
) -> None:
    conn = _plain(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE attendance_log SET station = 'palsu'")
        conn.rollback()
        assert conn.execute("SELECT station FROM attendance_log").fetchall() == [("meja-1",)]
    finally:
        conn.close()


def test_attendance_entry_cannot_be_deleted(
    one_checkin: tuple[int, int, AttendanceEntry], db_path: Path
) -> None:
    conn = _plain(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM attendance_log")
        conn.rollback()
        assert conn.execute("SELECT COUNT(*) FROM attendance_log").fetchone()[0] == 1
    finally:
        conn.close()


_REPLACE_SQL = (
    "INSERT OR REPLACE INTO attendance_log (uid, event_id, invitee_id, kind, recorded_at, "
    "station, received_at) VALUES (?, ?, ?, 'checkin', '2000-01-01T00:00:00.000+00:00', "
    "'palsu', 'x')"
)


def test_app_connection_cannot_overwrite_an_entry_with_insert_or_replace(
    storage: Storage, one_checkin: tuple[int, int, AttendanceEntry]
) -> None:
    event_id, invitee_id, entry = one_checkin
    with storage.transaction():  # a replay of a known uid is ignored, never stored over
        storage._write(_REPLACE_SQL, (entry.uid, event_id, invitee_id))
    assert [e.station for e in storage.attendance_log(event_id)] == ["meja-1"]


def test_other_program_cannot_overwrite_an_entry_with_insert_or_replace(
    one_checkin: tuple[int, int, AttendanceEntry], db_path: Path
) -> None:
    event_id, invitee_id, entry = one_checkin
    conn = _plain(db_path)
    try:
        with contextlib.suppress(sqlite3.DatabaseError):  # refusing is fine, too
            conn.execute(_REPLACE_SQL, (entry.uid, event_id, invitee_id))
        conn.commit()
        assert conn.execute("SELECT station FROM attendance_log").fetchall() == [("meja-1",)]
    finally:
        conn.close()


def test_invitee_with_attendance_cannot_be_deleted_behind_the_apps_back(
    one_checkin: tuple[int, int, AttendanceEntry], db_path: Path
) -> None:
    _, invitee_id, _ = one_checkin
    conn = _plain(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM invitees WHERE id = ?", (invitee_id,))
        conn.rollback()
    finally:
        conn.close()


def test_deleting_the_event_removes_its_log(
    storage: Storage, one_checkin: tuple[int, int, AttendanceEntry]
) -> None:
    event_id, _, _ = one_checkin
    other_event = _event(storage, "Rakor Lain")
    other_invitee = _invitee(storage, other_event, "Sri", "WXYZ6789")
    storage.append_attendance(_checkin(other_event, other_invitee, T0), received_at=T0)

    with storage.transaction():
        storage.delete_event(event_id)

    assert storage.attendance_log(event_id) == []
    assert storage._scalar("SELECT COUNT(*) FROM attendance_log") == 1  # the other event's
    assert len(storage.attendance_log(other_event)) == 1


def test_replayed_entry_is_stored_once(
    storage: Storage, one_checkin: tuple[int, int, AttendanceEntry]
) -> None:
    event_id, invitee_id, entry = one_checkin
    later = T0 + timedelta(minutes=5)
    with storage.transaction():
        assert storage.append_attendance(entry, received_at=later) is False
    # Even a replay that differs (another station relaying it) changes nothing.
    relayed = _checkin(event_id, invitee_id, later, station="meja-2", uid=entry.uid)
    with storage.transaction():
        assert storage.append_attendance(relayed, received_at=later) is False
    log = storage.attendance_log(event_id)
    assert [(e.uid, e.station, e.recorded_at) for e in log] == [(entry.uid, "meja-1", T0)]
    assert storage.attendance_counts(event_id).present == 1


def test_attendance_entry_round_trips_every_field(storage: Storage) -> None:
    event_id = _event(storage)
    invitee_id = _invitee(storage, event_id, "Budi", "ABCD2345")
    entry = AttendanceEntry(
        uid=str(uuid.uuid4()),
        event_id=event_id,
        invitee_id=invitee_id,
        kind=AttendanceKind.CHECKIN,
        recorded_at=datetime(2023, 12, 14, 1, 42, 7, 123000, tzinfo=UTC),
        station="meja-2",
        operator="Rina",
        on_behalf_name="Andi",
        on_behalf_jabatan="Sekretaris",
        on_behalf_instansi="KPU Kota Jambi",
    )
    signature = AttendanceEntry(
        uid=str(uuid.uuid4()),
        event_id=event_id,
        invitee_id=invitee_id,
        kind=AttendanceKind.SIGNATURE,
        recorded_at=entry.recorded_at + timedelta(seconds=3),
        station="meja-2",
        target_uid=entry.uid,
        signature_png=b"\x89PNG fake",
    )
    storage.append_attendance(entry, received_at=T0)
    storage.append_attendance(signature, received_at=T0)
    assert storage.attendance_history(invitee_id) == [entry, signature]
    assert storage.latest_signature(entry.uid) == b"\x89PNG fake"


# -- presence, derived from the log ---------------------------------------------------------


def test_earliest_checkin_wins(storage: Storage) -> None:
    event_id = _event(storage)
    invitee_id = _invitee(storage, event_id, "Budi", "ABCD2345")
    late = _checkin(event_id, invitee_id, T0 + timedelta(minutes=9), station="meja-1")
    early = _checkin(event_id, invitee_id, T0 + timedelta(minutes=2), station="meja-2")
    storage.append_attendance(late, received_at=T0 + timedelta(minutes=9))
    storage.append_attendance(early, received_at=T0 + timedelta(minutes=10))  # synced later

    presence = _presence(storage, invitee_id)
    assert presence is not None
    assert presence["first_checkin_at"] == "2023-12-14T01:32:00.000+00:00"
    assert presence["checkin_uid"] == early.uid
    assert presence["station"] == "meja-2"
    invitee = storage.get_invitee(invitee_id)
    assert invitee is not None and invitee.first_checkin_at == T0 + timedelta(minutes=2)


def test_two_stations_checking_in_one_person_count_once(storage: Storage) -> None:
    event_id = _event(storage)
    budi = _invitee(storage, event_id, "Budi", "ABCD2345")
    _invitee(storage, event_id, "Sri", "WXYZ6789")
    storage.append_attendance(_checkin(event_id, budi, T0, "meja-1"), received_at=T0)
    storage.append_attendance(_checkin(event_id, budi, T0, "meja-2"), received_at=T0)

    counts = storage.attendance_counts(event_id)
    assert (counts.present, counts.invited) == (1, 2)
    assert storage.list_events()[0].present == 1
    assert len(storage.attendance_log(event_id)) == 2  # both entries are kept


def test_undone_checkin_does_not_count(storage: Storage) -> None:
    event_id = _event(storage)
    invitee_id = _invitee(storage, event_id, "Budi", "ABCD2345")
    first = _checkin(event_id, invitee_id, T0)
    storage.append_attendance(first, received_at=T0)
    storage.append_attendance(
        _undo(event_id, invitee_id, first, T0 + timedelta(minutes=1)), received_at=T0
    )

    assert _presence(storage, invitee_id) is None
    assert storage.attendance_counts(event_id).present == 0
    invitee = storage.get_invitee(invitee_id)
    assert invitee is not None and invitee.first_checkin_at is None


def test_when_the_earliest_checkin_is_undone_the_next_one_counts(storage: Storage) -> None:
    event_id = _event(storage)
    invitee_id = _invitee(storage, event_id, "Budi", "ABCD2345")
    first = _checkin(event_id, invitee_id, T0, "meja-1")
    second = _checkin(event_id, invitee_id, T0 + timedelta(minutes=20), "meja-2")
    for entry in (first, second):
        storage.append_attendance(entry, received_at=T0)
    storage.append_attendance(
        _undo(event_id, invitee_id, first, T0 + timedelta(minutes=30)), received_at=T0
    )

    presence = _presence(storage, invitee_id)
    assert presence is not None
    assert presence["checkin_uid"] == second.uid
    assert presence["station"] == "meja-2"
    assert storage.attendance_counts(event_id).present == 1


def test_counts_per_group(storage: Storage) -> None:
    event_id = _event(storage)
    with storage.transaction():
        ids = []
        for name, group in [("A", "KPU"), ("B", "KPU"), ("C", "Camat")]:
            person = Person(name=name)
            person.id = storage.insert_person(person, now=T0)
            ids.append(
                storage.insert_invitee(
                    Invitee(
                        event_id=event_id,
                        person=person,
                        checkin_code=f"CODE{name}234",
                        group_name=group,
                    ),
                    now=T0,
                )
            )
    storage.append_attendance(_checkin(event_id, ids[0], T0), received_at=T0)
    storage.append_attendance(_checkin(event_id, ids[2], T0), received_at=T0)
    counts = storage.attendance_counts(event_id)
    assert counts.per_group == {"Camat": (1, 1), "KPU": (1, 2)}
    assert (counts.present, counts.invited) == (2, 3)
