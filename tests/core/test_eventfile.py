"""The event file: export, import, identity rules, refusals, schema (real SQLite files)."""

from __future__ import annotations

import base64
import errno
import json
import os
import re
import stat
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rakor_desktop import messages
from rakor_desktop.exports import eventfile
from rakor_desktop.exports.eventfile import (
    FORMAT_NAME,
    FORMAT_VERSION,
    EventFileWriteError,
    export_event,
    import_event,
)
from rakor_desktop.messages import FileFormatError, NotFoundError, RakorError
from rakor_desktop.models import AttendanceEntry, AttendanceKind, Event, OfficialRole, Person, Role
from rakor_desktop.operations.checkin import Desk, checkin_invitee, undo_checkin
from rakor_desktop.operations.events import create_event, name_official, name_official_by_text
from rakor_desktop.operations.invitations import invite_person
from rakor_desktop.storage import EVENT_TABLES, Storage

from .document_record import photo_jpeg, signature_png

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "event-format.schema.json"

HOSTILE = 'PT A&B <Persero> "kutip" \'tunggal\' \\ 🎉👍🏽 بسم الله الرحمن الرحيم'
# Text as the app holds it: control characters are cleaned where text enters (issue 10).
MULTILINE = "Baris satu\nBaris dua\n  Baris tiga \n akhir \u00a0nul"
# Real images: signatures and photos are decoded where they enter (issue 10, item 5).
SIGNATURE = signature_png(3)
PHOTO = photo_jpeg((320, 240), "#7a9")


def make_clock(start: datetime) -> Callable[[], datetime]:
    """A clock that moves one second further on every call."""
    moments: Iterator[datetime] = (start + timedelta(seconds=n) for n in range(100_000))
    return lambda: next(moments)


def open_storage(path: Path) -> Storage:
    return Storage.open(path, backup=False)


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Storage]:
    """A second, empty database (the venue laptop)."""
    opened = open_storage(tmp_path / "target" / "rakor.sqlite3")
    yield opened
    opened.close()


def new_uid() -> str:
    return str(uuid.uuid4())


def populate(storage: Storage) -> int:
    """An event with a row in every event table, hostile text and blobs; returns its id."""
    clock = make_clock(datetime(2023, 12, 14, 1, 0, tzinfo=UTC))
    event_id = create_event(
        storage,
        Event(
            title=f"Rakor Persiapan Pemilu {HOSTILE}",
            date=date(2023, 12, 14),
            end_date=date(2023, 12, 15),
            start_time=time(9, 0),
            end_time=time(12, 0),
            timezone="WIB",
            call_time=time(8, 30),
            venue="Aula Griya Mayang",
            organizer_government="PEMERINTAH KOTA JAMBI",
            organizer_unit="BADAN KESATUAN BANGSA DAN POLITIK",
            organizer_address=MULTILINE,
            invitation_number="005/123/Kesbangpol",
            invitation_date=date(2023, 12, 7),
            description=MULTILINE,
        ),
        clock=clock,
    )
    people = [
        (Person(name="Sri Purwaningsih", front_titles="Dr. H.", back_titles="M.Si.",
                nip="197703122003122007", pangkat="Pembina", golongan="IV/a",
                jabatan="Kepala Badan", instansi="Kesbangpol", group_name="OPD",
                phone="0812-1111", gender="P"), Role.PANITIA),
        (Person(name="Ahmad Fauzi", nip="198001012005011002", jabatan=f"Direktur {HOSTILE}",
                instansi="PT A&B <Persero>", group_name="Narasumber", gender="L"),
         Role.NARASUMBER),
        (Person(name="محمد عبد الله 🎉", jabatan="Ketua FKUB", instansi="FKUB"), Role.PESERTA),
        (Person(name="Budi \"Bud\" O'Neil", instansi="KPU"), Role.MODERATOR),
    ]
    invitees = [invite_person(storage, event_id, p, role=r, clock=clock) for p, r in people]
    ids = [i.id for i in invitees]
    assert all(i is not None for i in ids)
    sri, ahmad, muhammad, budi = (int(i or 0) for i in ids)
    name_official(storage, event_id, OfficialRole.KETUA, invitees[0].person.id)
    name_official(storage, event_id, OfficialRole.MODERATOR, invitees[3].person.id)
    name_official_by_text(
        storage, event_id, OfficialRole.PENCATAT, "Rina Marlina, S.Sos.", clock=clock
    )

    desk = Desk(station="meja-1 <utama>", operator="Operator \"1\"")
    checkin_invitee(storage, sri, desk, clock=clock)
    first = checkin_invitee(storage, ahmad, desk, clock=clock)
    undo_checkin(storage, ahmad, f"salah orang {HOSTILE}", desk, clock=clock)
    second = checkin_invitee(
        storage, ahmad, desk, on_behalf_name="Citra", on_behalf_jabatan="Staf",
        on_behalf_instansi=HOSTILE, clock=clock,
    )
    assert first.entry_uid != second.entry_uid
    checkin_invitee(storage, muhammad, desk, clock=clock)
    now = clock()
    with storage.transaction():
        storage.append_attendance(
            AttendanceEntry(
                uid=new_uid(), event_id=event_id, invitee_id=ahmad,
                kind=AttendanceKind.SIGNATURE, recorded_at=now, station="tablet",
                target_uid=second.entry_uid, signature_png=SIGNATURE,
            ),
            received_at=now + timedelta(seconds=3),
        )
        write_record(storage, event_id, budi, ahmad, muhammad)
        storage.set_event_setting(event_id, "dokumen.third_field", '"surat_undangan"')
        storage.set_event_setting(event_id, "notulen.teks.pembukaan", MULTILINE)
    return event_id


def write_record(storage: Storage, event_id: int, budi: int, ahmad: int, muhammad: int) -> None:
    """Rundown, speakers, discussion, conclusions and a photo (no operations for them yet)."""
    item = storage._write(
        "INSERT INTO rundown_items (uid, event_id, position, kind, title, "
        "responsible_invitee_id, responsible_text, planned_start, planned_minutes, "
        "actual_start, actual_end, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (new_uid(), event_id, 1, "paparan", f"Paparan {HOSTILE}", budi, "Moderator",
         "09:30", 45, "2023-12-14T02:31:00.000+00:00", "2023-12-14T03:20:00.000+00:00",
         MULTILINE),
    ).lastrowid
    storage._write(
        "INSERT INTO rundown_items (uid, event_id, position, kind, title, planned_minutes) "
        "VALUES (?,?,?,?,?,?)",
        (new_uid(), event_id, 2, "penutup", "Penutup", 10),
    )
    storage._write(
        "INSERT INTO speakers (uid, event_id, rundown_item_id, position, invitee_id, name, "
        "instansi, state, allotted_seconds, started_at, ended_at, spoken_seconds) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (new_uid(), event_id, item, 1, ahmad, "Ahmad Fauzi", HOSTILE, "finished", 900,
         "2023-12-14T02:32:00.000+00:00", "2023-12-14T02:48:10.500+00:00", 970),
    )
    storage._write(
        "INSERT INTO speakers (uid, event_id, rundown_item_id, position, name, state) "
        "VALUES (?,?,?,?,?,?)",
        (new_uid(), event_id, item, 2, "Narasumber tamu", "waiting"),
    )
    termin = storage._write(
        "INSERT INTO termins (uid, event_id, number, max_askers, opened_at, closed_at) "
        "VALUES (?,?,?,?,?,?)",
        (new_uid(), event_id, 1, 3, "2023-12-14T03:00:00.000+00:00",
         "2023-12-14T03:15:00.000+00:00"),
    ).lastrowid
    storage._write(
        "INSERT INTO termins (uid, event_id, number) VALUES (?,?,?)", (new_uid(), event_id, 2)
    )
    question = storage._write(
        "INSERT INTO questions (uid, event_id, termin_id, position, asker_invitee_id, "
        "asker_name, asker_instansi, question, addressed_to, status, answer, answered_by, "
        "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (new_uid(), event_id, termin, 1, muhammad, "محمد عبد الله", "FKUB", MULTILINE,
         "KPU", "dijawab", f"Jawaban {HOSTILE}", "Ahmad Fauzi",
         "2023-12-14T03:01:00.000+00:00"),
    ).lastrowid
    storage._write(
        "INSERT INTO questions (uid, event_id, termin_id, position, asker_name, status, "
        "created_at) VALUES (?,?,?,?,?,?,?)",
        (new_uid(), event_id, termin, 2, "Penanya tanpa undangan", "antre",
         "2023-12-14T03:02:00.000+00:00"),
    )
    storage._write(
        "INSERT INTO follow_ups (uid, event_id, question_id, position, what, who, due) "
        "VALUES (?,?,?,?,?,?,?)",
        (new_uid(), event_id, question, 1, MULTILINE, HOSTILE, "Januari 2024"),
    )
    storage._write(
        "INSERT INTO follow_ups (uid, event_id, position, what) VALUES (?,?,?,?)",
        (new_uid(), event_id, 2, "Rapat lanjutan"),
    )
    storage._write(
        "INSERT INTO conclusions (uid, event_id, position, kind, body) VALUES (?,?,?,?,?)",
        (new_uid(), event_id, 1, "rekomendasi", MULTILINE),
    )
    storage._write(
        "INSERT INTO photos (uid, event_id, position, filename, caption, mime, data) "
        "VALUES (?,?,?,?,?,?,?)",
        (new_uid(), event_id, 1, "foto bersama 🎉.jpg", HOSTILE, "image/jpeg", PHOTO),
    )


def event_row_counts(storage: Storage, event_id: int) -> dict[str, int]:
    return {
        table: int(storage._scalar(f"SELECT COUNT(*) FROM {table} WHERE event_id = ?", (event_id,)))
        for table in EVENT_TABLES
    }


def snapshot(storage: Storage) -> dict[str, Any]:
    """The whole content of the database: every row of every table."""
    tables = [
        r[0]
        for r in storage.db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        table: sorted(repr(row) for row in storage.db.conn.execute(f"SELECT * FROM {table}"))
        for table in tables
    }


def table_counts(storage: Storage) -> dict[str, int]:
    return {table: len(rows) for table, rows in snapshot(storage).items()}


def code_of(storage: Storage, event_id: int) -> list[str]:
    return [i.checkin_code for i in storage.list_invitees(event_id)]


@pytest.fixture
def source_event(storage: Storage) -> int:
    return populate(storage)


@pytest.fixture
def exported(storage: Storage, source_event: int, tmp_path: Path) -> Path:
    return export_event(storage, source_event, tmp_path / "out" / "acara.json")


# -- export --------------------------------------------------------------------------


def test_every_event_table_is_populated(storage: Storage, source_event: int) -> None:
    counts = event_row_counts(storage, source_event)
    assert all(counts.values()), counts


def test_export_writes_the_whole_event(storage: Storage, source_event: int, exported: Path) -> None:
    text = exported.read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["format"] == FORMAT_NAME
    assert document["version"] == FORMAT_VERSION
    assert "🎉" in text and "بسم" in text  # UTF-8, not \u escapes
    assert text.startswith("{\n  ")  # indented
    assert document["event"]["title"] == f"Rakor Persiapan Pemilu {HOSTILE}"
    assert document["event"]["description"] == MULTILINE
    assert len(document["persons"]) == 5  # four invitees and the pencatat
    assert set(document["officials"]) == {"ketua", "moderator", "pencatat"}
    counts = event_row_counts(storage, source_event)
    for section in ("invitees", "attendance_log", "rundown_items", "speakers", "termins",
                    "questions", "follow_ups", "conclusions", "photos"):
        assert len(document[section]) == counts[section], section
    assert len(document["settings"]) == counts["event_settings"]
    signatures = [
        base64.b64decode(e["signature_png_base64"])
        for e in document["attendance_log"]
        if e["signature_png_base64"] is not None
    ]
    assert signatures == [SIGNATURE]
    assert base64.b64decode(document["photos"][0]["data_base64"]) == PHOTO
    assert {e["kind"] for e in document["attendance_log"]} == {"checkin", "undo", "signature"}


def test_export_contains_no_internal_ids(exported: Path) -> None:
    def keys(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from keys(item)
        elif isinstance(value, list):
            for item in value:
                yield from keys(item)

    found = [k for k in keys(json.loads(exported.read_text("utf-8"))) if re.search(r"(^|_)id$", k)]
    assert found == []


def test_export_validates_against_the_published_schema(exported: Path) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(exported.read_text("utf-8")))


def test_published_schema_is_the_one_the_code_declares() -> None:
    on_disk = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert on_disk == eventfile.json_schema(), (
        "docs/event-format.schema.json is out of date; regenerate it with: python -c "
        "'import json; from rakor_desktop.exports.eventfile import json_schema; "
        "print(json.dumps(json_schema(), ensure_ascii=False, indent=2))' "
        "> docs/event-format.schema.json"
    )


def test_export_of_an_unknown_event_is_refused(storage: Storage, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        export_event(storage, 999, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


def test_export_replaces_an_existing_file(
    storage: Storage, source_event: int, tmp_path: Path
) -> None:
    out = tmp_path / "acara.json"
    out.write_text("lama", encoding="utf-8")
    export_event(storage, source_event, out)
    assert json.loads(out.read_text("utf-8"))["format"] == FORMAT_NAME
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_into_a_path_below_a_regular_file_is_a_clear_error(
    storage: Storage, source_event: int, tmp_path: Path
) -> None:
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(EventFileWriteError) as caught:
        export_event(storage, source_event, blocker / "acara.json")
    assert isinstance(caught.value, RakorError)
    assert "tidak dapat ditulis" in caught.value.indonesian
    assert "bukan folder" in caught.value.indonesian
    assert "Cannot write the event file" in caught.value.english
    assert "is a file, not a folder" in caught.value.english
    assert str(blocker / "acara.json") in caught.value.english
    assert blocker.read_text(encoding="utf-8") == "x"


def test_export_onto_a_folder_leaves_no_temporary_file(
    storage: Storage, source_event: int, tmp_path: Path
) -> None:
    folder = tmp_path / "exports" / "acara.json"
    folder.mkdir(parents=True)
    with pytest.raises(EventFileWriteError):
        export_event(storage, source_event, folder)
    assert [p.name for p in folder.parent.iterdir()] == ["acara.json"]


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_half_file(
    storage: Storage, source_event: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "acara.json"
    out.write_text("versi lama", encoding="utf-8")

    def disk_full(handle: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(EventFileWriteError) as caught:
        export_event(storage, source_event, out)
    assert "No space left on device" in caught.value.english
    assert out.read_text(encoding="utf-8") == "versi lama"
    assert [p.name for p in folder.iterdir()] == ["acara.json"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere"
)
def test_export_into_a_read_only_folder_is_a_clear_error(
    storage: Storage, source_event: int, tmp_path: Path
) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(EventFileWriteError) as caught:
            export_event(storage, source_event, folder / "acara.json")
        assert "tidak dapat ditulis" in caught.value.indonesian
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


# -- round trip and identity rules ---------------------------------------------------


def test_round_trip_into_a_fresh_database_is_byte_identical(
    storage: Storage, source_event: int, exported: Path, target: Storage, tmp_path: Path
) -> None:
    new_id = import_event(target, exported)
    again = export_event(target, new_id, tmp_path / "again.json")
    assert again.read_bytes() == exported.read_bytes()
    assert event_row_counts(target, new_id) == event_row_counts(storage, source_event)
    assert code_of(target, new_id) == code_of(storage, source_event)


def test_imported_event_works_like_the_original(
    storage: Storage, source_event: int, exported: Path, target: Storage
) -> None:
    new_id = import_event(target, exported)
    assert target.attendance_counts(new_id) == storage.attendance_counts(source_event)
    ahmad = next(i for i in target.list_invitees(new_id) if i.person.name == "Ahmad Fauzi")
    assert ahmad.id is not None
    active = target.active_checkins(ahmad.id)
    assert len(active) == 1 and active[0].on_behalf_instansi == HOSTILE
    assert target.latest_signature(active[0].uid) == SIGNATURE
    # Search texts are rebuilt: the check-in search finds people in the copy.
    assert [i.person.name for i in target.list_invitees(new_id, "purwaningsih")] == [
        "Sri Purwaningsih"
    ]
    assert target.search_persons("fauzi")[0].name == "Ahmad Fauzi"
    photo = target._scalar("SELECT data FROM photos WHERE event_id = ?", (new_id,))
    assert bytes(photo) == PHOTO


def test_importing_the_same_file_twice_gives_two_independent_copies(
    storage: Storage, source_event: int, exported: Path, target: Storage
) -> None:
    first = import_event(target, exported)
    persons_after_first = table_counts(target)["persons"]
    second = import_event(target, exported)
    assert first != second
    assert table_counts(target)["persons"] == persons_after_first  # reused by uid
    assert code_of(target, first) == code_of(storage, source_event)  # the printed cards
    second_codes = code_of(target, second)
    assert len(second_codes) == 4 and not set(second_codes) & set(code_of(target, first))
    assert event_row_counts(target, second) == event_row_counts(target, first)
    for copy in (first, second):
        assert target.attendance_counts(copy) == storage.attendance_counts(source_event)

    # Independent: undoing in the second copy leaves the first alone.
    sri = target.get_invitee_by_code(second, second_codes[0])
    assert sri is not None and sri.id is not None
    undo_checkin(target, sri.id, "uji", Desk("meja"))
    assert target.attendance_counts(second).present == 2
    assert target.attendance_counts(first).present == 3

    # Every reference of the second copy points inside the second copy.
    uids = {
        r[0] for r in target.db.conn.execute(
            "SELECT uid FROM attendance_log WHERE event_id = ?", (second,)
        )
    }
    targets = {
        r[0] for r in target.db.conn.execute(
            "SELECT target_uid FROM attendance_log WHERE event_id = ? AND target_uid IS NOT NULL",
            (second,),
        )
    }
    assert targets and targets <= uids
    for table, column, other in (
        ("rundown_items", "responsible_invitee_id", "invitees"),
        ("speakers", "rundown_item_id", "rundown_items"),
        ("speakers", "invitee_id", "invitees"),
        ("questions", "termin_id", "termins"),
        ("questions", "asker_invitee_id", "invitees"),
        ("follow_ups", "question_id", "questions"),
        ("attendance_log", "invitee_id", "invitees"),
    ):
        outside = target._scalar(
            f"SELECT COUNT(*) FROM {table} AS t JOIN {other} AS o ON o.id = t.{column} "
            f"WHERE t.event_id = ? AND o.event_id <> ?",
            (second, second),
        )
        assert outside == 0, (table, column)


def test_importing_back_into_the_same_database_regenerates_codes_and_uids(
    storage: Storage, source_event: int, exported: Path, tmp_path: Path
) -> None:
    persons_before = table_counts(storage)["persons"]
    copy = import_event(storage, exported)
    assert table_counts(storage)["persons"] == persons_before
    assert not set(code_of(storage, copy)) & set(code_of(storage, source_event))
    original = json.loads(exported.read_text("utf-8"))
    duplicate = json.loads(export_event(storage, copy, tmp_path / "copy.json").read_text("utf-8"))
    assert duplicate["event"]["uid"] != original["event"]["uid"]
    assert duplicate["persons"] == original["persons"]
    for section in ("invitees", "attendance_log", "rundown_items", "photos"):
        assert not {r["uid"] for r in duplicate[section]} & {r["uid"] for r in original[section]}

    def without_identity(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: without_identity(v)
                for k, v in value.items()
                if not (k == "checkin_code" or k == "uid" or k.endswith("_uid"))
            }
        if isinstance(value, list):
            return [without_identity(v) for v in value]
        return value

    # Apart from identities the copy is the same (attendance order may differ on equal times).
    for key in ("event", "persons", "officials", "rundown_items", "speakers", "termins",
                "questions", "follow_ups", "conclusions", "photos", "settings"):
        assert without_identity(duplicate[key]) == without_identity(original[key]), key


def test_persons_are_reused_by_nip(exported: Path, target: Storage) -> None:
    # The venue laptop already knows Ahmad Fauzi (another uid, older data).
    known = Person(name="Ahmad Fauzi", nip="198001012005011002", jabatan="Kepala Seksi",
                   phone="0813-9999")
    clock = make_clock(datetime(2023, 1, 1, tzinfo=UTC))
    with target.transaction():
        known_id = target.insert_person(known, now=clock())
    new_id = import_event(target, exported)
    document = json.loads(exported.read_text("utf-8"))
    assert table_counts(target)["persons"] == len(document["persons"])  # not duplicated
    ahmad = next(i for i in target.list_invitees(new_id) if i.person.name == "Ahmad Fauzi")
    assert ahmad.person.id == known_id
    assert ahmad.person.phone == "0813-9999"  # the directory entry is left as it was
    assert ahmad.jabatan == f"Direktur {HOSTILE}"  # the invitation keeps the file's data
    assert ahmad.checkin_code == next(
        i["checkin_code"] for i in document["invitees"] if i["jabatan"] == ahmad.jabatan
    )


def test_two_file_persons_matching_one_directory_person_are_refused(
    exported: Path, target: Storage, tmp_path: Path
) -> None:
    document = json.loads(exported.read_text("utf-8"))
    sri, ahmad = document["persons"][0], document["persons"][1]
    clock = make_clock(datetime(2023, 1, 1, tzinfo=UTC))
    with target.transaction():  # one directory entry with Sri's uid and Ahmad's NIP
        target.insert_person(Person(name="X", nip=ahmad["nip"], uid=sri["uid"]), now=clock())
    before = snapshot(target)
    with pytest.raises(FileFormatError) as caught:
        import_event(target, exported)
    assert "sama-sama cocok" in str(caught.value)
    assert snapshot(target) == before


# -- refusals ------------------------------------------------------------------------


def mutate(change: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], str]:
    def apply(document: dict[str, Any]) -> str:
        change(document)
        return json.dumps(document, ensure_ascii=False, indent=2)

    return apply


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], str]:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return mutate(change)


def _delete(path: str) -> Callable[[dict[str, Any]], str]:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return mutate(change)


def _duplicate_first(section: str, key: str) -> Callable[[dict[str, Any]], str]:
    def change(document: dict[str, Any]) -> None:
        document[section][1][key] = document[section][0][key]

    return mutate(change)


def _undo_of_an_undo(document: dict[str, Any]) -> None:
    undo = next(e for e in document["attendance_log"] if e["kind"] == "undo")
    undo["target_uid"] = undo["uid"]  # must refer to a check-in entry


REFUSALS: list[tuple[str, Callable[[dict[str, Any]], str | bytes], str]] = [
    ("not-json", lambda d: "ini bukan JSON", "JSON tidak valid di baris 1"),
    ("broken-line-3", lambda d: '{\n  "format": "rakor-desktop-event",\n  "version": 1,,\n}',
     "JSON tidak valid di baris 3"),
    ("truncated", lambda d: json.dumps(d, indent=2)[:500], "JSON tidak valid di baris"),
    ("not-utf8", lambda d: b'{"format": "\xff\xfe"}', "bukan teks UTF-8"),
    ("empty", lambda d: "", "JSON tidak valid di baris 1"),
    ("array", lambda d: "[1, 2]", "bukan berkas acara Rakor Desktop"),
    ("other-format", _set("format", "rakor-desktop-backup"), "bukan berkas acara Rakor Desktop"),
    ("no-format", _delete("format"), "bukan berkas acara Rakor Desktop"),
    ("newer-version", _set("version", 7),
     "versi format 7 tidak dikenal; aplikasi ini membaca versi 1"),
    ("version-zero", _set("version", 0), "versi format 0 tidak dikenal"),
    ("version-text", _set("version", "1"), "field version salah jenis"),
    ("version-float", _set("version", 1.0), "field version salah jenis"),
    ("no-version", _delete("version"), "field version hilang"),
    ("no-section", _delete("photos"), "field photos hilang"),
    ("section-not-list", _set("invitees", {}), "field invitees salah jenis"),
    ("unknown-top-field", _set("extra", 1), "field extra tidak dikenal"),
    ("no-event-title", _delete("event.title"), "field event.title hilang"),
    ("empty-title", _set("event.title", "  "), "field event.title salah jenis"),
    ("missing-code", _delete("invitees.0.checkin_code"), "field invitees[0].checkin_code hilang"),
    ("position-text", _set("invitees.1.position", "2"), "field invitees[1].position salah jenis"),
    ("position-bool", _set("invitees.1.position", True), "field invitees[1].position salah jenis"),
    ("unknown-row-field", _set("persons.0.email", "a@b"), "field persons[0].email tidak dikenal"),
    ("row-not-object", _set("photos.0", "foto"), "field photos[0] salah jenis"),
    ("bad-role", _set("invitees.0.role", "tamu"), "invitees[0].role berisi nilai \"tamu\""),
    ("bad-timezone", _set("event.timezone", "UTC"), "event.timezone berisi nilai \"UTC\""),
    ("bad-kind", _set("attendance_log.0.kind", "hadir"), "attendance_log[0].kind berisi nilai"),
    ("bad-state", _set("speakers.0.state", "selesai"), "speakers[0].state berisi nilai"),
    ("bad-status", _set("questions.0.status", "open"), "questions[0].status berisi nilai"),
    ("bad-conclusion", _set("conclusions.0.kind", "ringkasan"), "conclusions[0].kind berisi"),
    ("bad-gender", _set("persons.0.gender", "X"), "persons[0].gender berisi nilai"),
    ("bad-official-role", _set("officials.bendahara", "x"), "peran \"bendahara\""),
    ("bad-date", _set("event.date", "14-12-2023"), "field event.date salah jenis"),
    ("impossible-date", _set("event.date", "2023-02-30"), "field event.date salah jenis"),
    ("bad-time", _set("event.start_time", "9.00"), "field event.start_time salah jenis"),
    ("naive-moment", _set("invitees.0.created_at", "2023-12-14T01:00:00"),
     "field invitees[0].created_at salah jenis"),
    ("bad-nip", _set("persons.0.nip", "1977 0312"), "field persons[0].nip salah jenis"),
    ("lowercase-code", _set("invitees.0.checkin_code", "abc"),
     "field invitees[0].checkin_code salah jenis"),
    ("bad-base64", _set("photos.0.data_base64", "bukan base64!"),
     "field photos[0].data_base64 salah jenis"),
    ("null-photo", _set("photos.0.data_base64", None), "field photos[0].data_base64 salah jenis"),
    ("negative-seconds", _set("speakers.0.allotted_seconds", -5),
     "field speakers[0].allotted_seconds salah jenis"),
    ("setting-number", _set("settings.notulen_variant", 2), "field settings.notulen_variant"),
    ("dangling-invitee", _set("attendance_log.0.invitee_uid", "tidak-ada"),
     "field attendance_log[0].invitee_uid merujuk ke \"tidak-ada\""),
    ("dangling-target", _set("attendance_log.2.target_uid", "tidak-ada"),
     "field attendance_log[2].target_uid merujuk"),
    ("target-not-a-checkin", mutate(_undo_of_an_undo), "target_uid merujuk"),
    ("dangling-person", _set("invitees.0.person_uid", "tidak-ada"), "person_uid merujuk"),
    ("dangling-official", _set("officials.ketua", "tidak-ada"), "field officials.ketua merujuk"),
    ("dangling-rundown", _set("speakers.0.rundown_item_uid", "tidak-ada"),
     "speakers[0].rundown_item_uid merujuk"),
    ("dangling-termin", _set("questions.0.termin_uid", "tidak-ada"), "termin_uid merujuk"),
    ("dangling-question", _set("follow_ups.0.question_uid", "tidak-ada"), "question_uid merujuk"),
    ("dangling-responsible", _set("rundown_items.0.responsible_invitee_uid", "tidak-ada"),
     "responsible_invitee_uid merujuk"),
    ("duplicate-uid", _duplicate_first("invitees", "uid"), "muncul lebih dari sekali"),
    ("duplicate-code", _duplicate_first("invitees", "checkin_code"), "muncul lebih dari sekali"),
    ("invited-twice", _duplicate_first("invitees", "person_uid"), "muncul lebih dari sekali"),
    ("duplicate-nip", _duplicate_first("persons", "nip"), "muncul lebih dari sekali"),
    ("duplicate-termin", _duplicate_first("termins", "number"), "muncul lebih dari sekali"),
    ("duplicate-key", lambda d: json.dumps(d)[:-1] + ', "settings": {}}', "muncul dua kali"),
    ("nan", lambda d: json.dumps(d).replace('"max_askers": 3', '"max_askers": NaN'),
     "NaN bukan nilai JSON"),
    # issue 10, item 4: bounds, and the checks of the event form
    ("int-beyond-64-bits", _set("invitees.1.position", 2**63),
     "field invitees[1].position di luar batas"),
    ("impossible-5000-digits",
     lambda d: _set("invitees.1.position", "HUGE")(d).replace('"HUGE"', "9" * 5000),
     "field invitees[1].position di luar batas"),
    ("impossible-deep-nesting",
     lambda d: _set("event.title", "DEEP")(d).replace('"DEEP"', "[" * 100_000 + "]" * 100_000),
     "field event.title[0][0][0][0]… bersarang terlalu dalam"),
    ("impossible-lone-surrogate",
     lambda d: json.dumps({**d, "event": {**d["event"], "title": "Rakor \ud800 Pemilu"}}),
     "field event.title berisi karakter yang tidak sah"),
    ("impossible-end-before-start",
     mutate(lambda d: d["event"].update(end_date=None, end_time="08:00")),
     "field event.end_time: Jam selesai (08.00) harus setelah jam mulai (09.00)"),
    ("impossible-call-after-start", _set("event.call_time", "09:30"),
     "field event.call_time: Waktu panggilan"),
    # items 14 and 15: the walk-in mark and the settings are checked
    ("walk-in-text", _set("invitees.0.walk_in", "ya"), "field invitees[0].walk_in salah jenis"),
    ("no-walk-in", _delete("invitees.0.walk_in"), "field invitees[0].walk_in hilang"),
    ("unknown-setting", _set("settings", {"notulen_variant": "B"}),
     "field settings.notulen_variant: pengaturan tidak dikenal"),
    ("bad-paper", _set("settings", {"dokumen.paper": "Letter"}),
     "field settings.dokumen.paper: nilai \"Letter\" tidak dikenal"),
    ("setting-as-json-string", _set("settings", {"dokumen.show_tempat": "false"}),
     "field settings.dokumen.show_tempat: harus true atau false"),
    ("impossible-margin", _set("settings", {"dokumen.margin_left_cm": 60}),
     "field settings.dokumen.*"),
]


@pytest.mark.parametrize(
    ("build", "expected"),
    [pytest.param(build, expected, id=name) for name, build, expected in REFUSALS],
)
def test_refused_files_change_nothing(
    exported: Path,
    target: Storage,
    tmp_path: Path,
    build: Callable[[dict[str, Any]], str | bytes],
    expected: str,
) -> None:
    import_event(target, exported)  # the database is not empty
    before, counts = snapshot(target), table_counts(target)
    content = build(json.loads(exported.read_text("utf-8")))
    broken = tmp_path / "rusak.json"
    if isinstance(content, bytes):
        broken.write_bytes(content)
    else:
        broken.write_text(content, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        import_event(target, broken)
    message = str(caught.value)
    assert expected in message
    assert str(broken) in message and "Tidak ada yang disimpan" in message
    assert caught.value.english.startswith(f"The file {broken} cannot be imported: ")
    assert table_counts(target) == counts
    assert snapshot(target) == before


def test_refusals_that_a_schema_can_express_are_refused_by_the_schema_too(exported: Path) -> None:
    validator = jsonschema.Draft202012Validator(
        json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    )
    document = json.loads(exported.read_text("utf-8"))
    assert validator.is_valid(document)
    # Not expressible in JSON Schema: references, uniqueness, impossible dates, NaN, floats.
    inexpressible = ("dangling", "duplicate", "target-not", "invited-twice", "impossible",
                     "version-float", "nan")
    for name, build, _ in REFUSALS:
        if name.startswith(inexpressible):
            continue
        try:
            broken = json.loads(build(json.loads(exported.read_text("utf-8"))))
        except (json.JSONDecodeError, UnicodeDecodeError, TypeError):
            continue  # not JSON at all
        assert not validator.is_valid(broken), name


def test_refusal_message_in_english(exported: Path, target: Storage, tmp_path: Path) -> None:
    document = json.loads(exported.read_text("utf-8"))
    document["version"] = 7
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(document), encoding="utf-8")
    messages.set_language("en")
    with pytest.raises(FileFormatError) as caught:
        import_event(target, newer)
    assert "unknown format version 7; this app reads versions 1 to 3" in str(caught.value)
    assert "versi format 7" in caught.value.indonesian


def test_a_missing_file_is_not_found(target: Storage, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        import_event(target, tmp_path / "tidak-ada.json")


def test_a_byte_order_mark_is_accepted(exported: Path, target: Storage, tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + exported.read_bytes())
    assert target.get_event(import_event(target, with_bom)) is not None


# -- walk-ins and settings (issue 10, items 14 and 15) --------------------------------------


def _event_with_a_walk_in(storage: Storage) -> int:
    from rakor_desktop.operations import checkin as desk

    event_id = create_event(
        storage, Event(title="Rakor", date=date(2023, 12, 14), start_time=time(9, 0))
    )
    invite_person(storage, event_id, Person(name="Budi Santoso", instansi="KPU"))
    desk.register_walk_in(
        storage, event_id, "Drs. Tamu Baru", Desk(station="meja-1", operator="Rina"),
        instansi="Ormas",
    )
    return event_id


def test_a_walk_in_is_marked_in_the_file_and_after_import(
    storage: Storage, target: Storage, tmp_path: Path
) -> None:
    event_id = _event_with_a_walk_in(storage)
    path = eventfile.export_event(storage, event_id, tmp_path / "acara.rakor")
    document = json.loads(path.read_text("utf-8"))
    marks = {i["jabatan"] or i["instansi"]: i["walk_in"] for i in document["invitees"]}
    assert marks == {"KPU": False, "Ormas": True}
    copy = import_event(target, path)
    walk_ins = {i.instansi: i.walk_in for i in target.list_invitees(copy)}
    assert walk_ins == {"KPU": False, "Ormas": True}


DELEGATE_FIELDS_V3 = (
    "on_behalf_front_titles", "on_behalf_back_titles", "on_behalf_nip", "on_behalf_pangkat",
    "on_behalf_golongan", "on_behalf_phone",
)


def _as_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """What a version-1 export of the same event looked like."""
    document["version"] = 1
    for invitee in document["invitees"]:
        del invitee["walk_in"]
    for entry in document["attendance_log"]:  # the delegate's fields came in version 3
        for field in DELEGATE_FIELDS_V3:
            del entry[field]
    document["settings"] = {
        key: (value if key.endswith(".logo") or not key.startswith("dokumen.")
              else json.dumps(value))
        for key, value in document["settings"].items()
    }
    return document


def test_a_version_1_file_still_imports_walk_ins_by_their_time(
    storage: Storage, target: Storage, tmp_path: Path
) -> None:
    event_id = _event_with_a_walk_in(storage)
    path = eventfile.export_event(storage, event_id, tmp_path / "acara.rakor")
    old = tmp_path / "versi1.rakor"
    old.write_text(json.dumps(_as_version_1(json.loads(path.read_text("utf-8")))), "utf-8")
    copy = import_event(target, old)
    walk_ins = {i.instansi: i.walk_in for i in target.list_invitees(copy)}
    assert walk_ins == {"KPU": False, "Ormas": True}


def test_document_settings_are_typed_values_and_version_1_strings_still_read(
    storage: Storage, target: Storage, tmp_path: Path
) -> None:
    from rakor_desktop.exports.documents.settings import (
        DocumentOptions,
        load_document_options,
        save_document_options,
    )

    event_id = _event_with_a_walk_in(storage)
    save_document_options(storage, event_id, DocumentOptions(
        paper="A4", show_tempat=False, margin_left_cm=2.5, third_field="surat_undangan",
        mengetahui_name="Drs. H. Ahmad Yani, M.Si.",
    ))
    path = eventfile.export_event(storage, event_id, tmp_path / "acara.rakor")
    settings = json.loads(path.read_text("utf-8"))["settings"]
    assert settings == {
        "dokumen.margin_left_cm": 2.5,
        "dokumen.mengetahui_name": "Drs. H. Ahmad Yani, M.Si.",
        "dokumen.paper": "A4",
        "dokumen.show_tempat": False,
        "dokumen.third_field": "surat_undangan",
    }
    old = _as_version_1(json.loads(path.read_text("utf-8")))
    assert old["settings"]["dokumen.paper"] == '"A4"'  # JSON inside a string, as v1 wrote
    for document in (json.loads(path.read_text("utf-8")), old):
        source = tmp_path / f"v{document['version']}.rakor"
        source.write_text(json.dumps(document), "utf-8")
        options = load_document_options(target, import_event(target, source))
        assert (options.paper, options.show_tempat, options.margin_left_cm) == ("A4", False, 2.5)
        assert options.third_field == "surat_undangan"


def test_the_documented_notulen_variant_of_version_1_is_understood(
    storage: Storage, target: Storage, tmp_path: Path
) -> None:
    from rakor_desktop.exports.documents.settings import load_document_options

    event_id = _event_with_a_walk_in(storage)
    path = eventfile.export_event(storage, event_id, tmp_path / "acara.rakor")
    document = _as_version_1(json.loads(path.read_text("utf-8")))
    document["settings"] = {"notulen_variant": "B"}
    path.write_text(json.dumps(document), "utf-8")
    options = load_document_options(target, import_event(target, path))
    assert options.third_field == "surat_undangan"


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"dokumen.paper": '"A4'}, "field settings.dokumen.paper: bukan nilai JSON yang sah"),
        ({"dokumen.paper": '"Letter"'}, "field settings.dokumen.paper: nilai \"Letter\""),
        ({"notulen_variant": "C"}, "field settings.notulen_variant: harus \"A\" atau \"B\""),
        ({"catatan": "x"}, "field settings.catatan: pengaturan tidak dikenal"),
    ],
)
def test_a_malformed_version_1_setting_is_refused_naming_it(
    storage: Storage, target: Storage, tmp_path: Path, settings: dict[str, str], expected: str
) -> None:
    event_id = _event_with_a_walk_in(storage)
    path = eventfile.export_event(storage, event_id, tmp_path / "acara.rakor")
    document = _as_version_1(json.loads(path.read_text("utf-8")))
    document["settings"] = settings
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(FileFormatError) as caught:
        import_event(target, path)
    assert expected in str(caught.value)
    assert target.list_events() == []


def test_a_garbage_signature_in_a_file_is_left_out_not_the_whole_import(
    exported: Path, target: Storage, tmp_path: Path
) -> None:
    document = json.loads(exported.read_text("utf-8"))
    entry = next(e for e in document["attendance_log"] if e["signature_png_base64"])
    entry["signature_png_base64"] = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"x" * 99).decode()
    broken = tmp_path / "tanda-tangan-rusak.rakor"
    broken.write_text(json.dumps(document), "utf-8")
    copy = import_event(target, broken)
    assert target.get_event(copy) is not None
    assert target.document_signatures(copy) == {}


def test_event_files_that_are_not_regular_files_are_refused(
    target: Storage, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipa.rakor"
    os.mkfifo(fifo)
    link = tmp_path / "nol.rakor"
    link.symlink_to("/dev/zero")
    for source in (fifo, link):
        with pytest.raises(FileFormatError, match="bukan berkas biasa"):
            import_event(target, source)


def test_walk_ins_of_an_earlier_version_are_marked_by_the_migration(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "lama.sqlite3"
    Storage.open(path, target_version=3).close()
    at = "2023-12-14T01:40:00.000+00:00"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO events (id, uid, title, date, start_time, created_at, updated_at)"
                     " VALUES (1, 'e', 'Rakor', '2023-12-14', '09:00', ?, ?)", (at, at))
        for number, created in ((1, "2023-12-10T02:00:00.000+00:00"), (2, at)):
            conn.execute("INSERT INTO persons (id, uid, name, created_at, updated_at)"
                         " VALUES (?, ?, ?, ?, ?)", (number, f"p{number}", f"P{number}", at, at))
            conn.execute("INSERT INTO invitees (id, uid, event_id, person_id, checkin_code,"
                         " created_at) VALUES (?, ?, 1, ?, ?, ?)",
                         (number, f"i{number}", number, f"CODE{number}", created))
            conn.execute("INSERT INTO attendance_log (uid, event_id, invitee_id, kind,"
                         " recorded_at, station, received_at) VALUES (?, 1, ?, 'checkin', ?,"
                         " 'meja-1', ?)", (f"a{number}", number, at, at))
    conn.close()
    storage = Storage.open(path)
    try:
        assert {i.uid: i.walk_in for i in storage.list_invitees(1)} == {"i1": False, "i2": True}
    finally:
        storage.close()
