"""The check-in desk's core (operations.checkin, exports.attendance) on real databases.

Every check-in uses an injected clock: nothing sleeps.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rakor_desktop.exports.attendance import (
    HEADERS,
    ExportError,
    export_attendance_csv,
    export_attendance_xlsx,
)
from rakor_desktop.formatting import split_titles
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import AttendanceKind, Event, Invitee, Person
from rakor_desktop.operations import checkin as desk
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage

DESK = desk.Desk(station="meja-1", operator="Rina")
OTHER_DESK = desk.Desk(station="meja-2", operator="Yusuf")
# A whole (tiny) PNG: the desk decodes a signature before storing it (issue 10, item 5).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
    "0000000a49444154789c63f80f0001010100b138f6140000000049454e44ae426082"
)


class FakeClock:
    """A clock the test moves by hand (UTC; 01.30 UTC is 08.30 WIB)."""

    def __init__(self, start: datetime = datetime(2023, 12, 14, 1, 30, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def event_id(storage: Storage, clock: FakeClock) -> int:
    return event_ops.create_event(
        storage,
        Event(title="Rapat Koordinasi Kesiapan Pemilu 2024", date=date(2023, 12, 14),
              start_time=time(9, 0), venue="Aula Griya Mayang"),
        clock=clock,
    )


def invite(storage: Storage, event_id: int, typed: str, **fields: str) -> Invitee:
    front, name, back = split_titles(typed)
    person = Person(name=name, front_titles=front, back_titles=back, **fields)  # type: ignore[arg-type]
    return invitee_ops.invite_person(storage, event_id, person)


@pytest.fixture
def hall(storage: Storage, event_id: int) -> dict[str, Invitee]:
    """A small invitation list with the cases the search must order right."""
    people = {
        "sri": ("Dr. H. Sri Purwaningsih, M.Si.", "Kepala Badan", "Badan Kesbangpol", "OPD"),
        "srikandi": ("Srikandi Lubis", "Anggota", "KPU Kota Jambi", "KPU"),
        "dewi": ("Dewi Sriwahyuni", "Camat Telanaipura", "Kecamatan Telanaipura", "Camat"),
        "budi": ("Budi Sriyanto, S.H.", "Lurah Sungai Putri", "Kelurahan Sungai Putri", "Lurah"),
        "ahmad": ("Ahmad Rahmawati", "Sekretaris", "Sriwijaya Jaya Abadi", "Parpol"),
        "renee": ("Renée Rahmawati", "Staf Ahli", "Sekretariat Daerah", "OPD"),
        "drajat": ("Drajat Sutomo", "Kepala Dinas Kesehatan", "Dinas Kesehatan", "OPD"),
        "kapolresta": ("Kombes Pol. Eko Wahyudi, S.I.K.", "Kapolresta Jambi", "Polresta Jambi",
                       "Forkopimda"),
    }
    return {
        key: invite(storage, event_id, typed, jabatan=jab, instansi=inst, group_name=group)
        for key, (typed, jab, inst, group) in people.items()
    }


def names(page: desk.DeskPage) -> list[str]:
    return [row.name for row in page.rows]


# -- codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("K7QM2XPA", "K7QM2XPA"),
        ("k7qm2xpa", "K7QM2XPA"),
        ("  K7QM2XPA\n", "K7QM2XPA"),
        ("https://undangan.example/c/K7QM2XPA", "K7QM2XPA"),
        ("RAKOR:K7QM2XPA", "K7QM2XPA"),
        ("Agustina", None),  # an "i": not of the code alphabet
        ("K7QM2XP", None),
        ("K7QM2XPAB", None),
        ("", None),
    ],
)
def test_extract_checkin_code(typed: str, code: str | None) -> None:
    assert desk.extract_checkin_code(typed) == code


# -- search ---------------------------------------------------------------------------------


def test_search_orders_name_start_then_later_word_then_other_fields(
    storage: Storage, event_id: int, hall: dict[str, Invitee]
) -> None:
    page = desk.search_desk(storage, event_id, "sri")
    assert names(page) == [
        "Sri Purwaningsih",  # the name starts with it (titles ignored)
        "Srikandi Lubis",
        "Budi Sriyanto",  # a later word of the name starts with it
        "Dewi Sriwahyuni",
        "Ahmad Rahmawati",  # only the instansi ("Sriwijaya ...")
    ]
    assert page.next is None


def test_search_ignores_titles_case_and_accents(
    storage: Storage, event_id: int, hall: dict[str, Invitee]
) -> None:
    assert names(desk.search_desk(storage, event_id, "PURWANINGSIH")) == ["Sri Purwaningsih"]
    assert names(desk.search_desk(storage, event_id, "Dr. H. Sri Purwaningsih, M.Si.")) == [
        "Sri Purwaningsih"
    ]
    assert names(desk.search_desk(storage, event_id, "renee")) == ["Renée Rahmawati"]
    # "dr" finds Drajat, not every doctor; titles alone are not names.
    assert names(desk.search_desk(storage, event_id, "dr")) == ["Drajat Sutomo"]
    assert names(desk.search_desk(storage, event_id, "kombes")) == []
    assert names(desk.search_desk(storage, event_id, "eko")) == ["Eko Wahyudi"]


def test_search_every_word_must_match(
    storage: Storage, event_id: int, hall: dict[str, Invitee]
) -> None:
    assert names(desk.search_desk(storage, event_id, "sri kesbangpol")) == ["Sri Purwaningsih"]
    assert names(desk.search_desk(storage, event_id, "lurah sungai")) == ["Budi Sriyanto"]
    assert names(desk.search_desk(storage, event_id, "dinas kes")) == ["Drajat Sutomo"]


def test_search_inside_words_only_when_nothing_else_matches(
    storage: Storage, event_id: int, hall: dict[str, Invitee]
) -> None:
    assert names(desk.search_desk(storage, event_id, "wati")) == [
        "Ahmad Rahmawati", "Renée Rahmawati",
    ]  # fmt: skip
    assert names(desk.search_desk(storage, event_id, "zzz")) == []


def test_search_by_code_exact_first_and_short_code_after_the_names(
    storage: Storage, event_id: int, hall: dict[str, Invitee]
) -> None:
    sri = hall["sri"]
    assert names(desk.search_desk(storage, event_id, sri.checkin_code.lower())) == [
        "Sri Purwaningsih"
    ]
    assert names(desk.search_desk(storage, event_id, sri.checkin_code[:6])) == [
        "Sri Purwaningsih"
    ]
    # Four characters of a code find it too, but after anyone whose name matches.
    assert desk.search_desk(storage, event_id, sri.checkin_code[:4]).rows[-1].name == (
        "Sri Purwaningsih"
    )


def test_search_pages_cover_every_match_once(storage: Storage, event_id: int) -> None:
    people = [
        ("Andi Saputra", "Anggota KPPS", "KPPS TPS 001"),
        ("Saputra Andika", "Ketua KPPS", "KPPS TPS 002"),
        ("Rina Ananda", "Anggota KPPS", "KPPS TPS 003"),
        ("Budi Santoso", "Anggota Linmas", "Satlinmas Andalas"),
        ("Anto Wibowo", "Anggota KPPS", "KPPS TPS 004"),
        ("Citra Lestari", "Ketua RT 01", "Kelurahan Anggrek"),
        ("Anisa Putri", "Saksi", "Partai Amanat"),
    ]
    for typed, jabatan, instansi in people:
        invite(storage, event_id, typed, jabatan=jabatan, instansi=instansi)
    whole = desk.search_desk(storage, event_id, "an", limit=100)
    seen: list[int] = []
    cursor = None
    while True:
        page = desk.search_desk(storage, event_id, "an", limit=2, cursor=cursor)
        seen += [row.invitee_id for row in page.rows]
        cursor = page.next
        if cursor is None:
            break
    assert seen == [row.invitee_id for row in whole.rows]
    assert len(seen) == len(set(seen)) == 7  # everyone matches "an" somewhere
    assert [r.name for r in whole.rows][:4] == [
        "Andi Saputra", "Anisa Putri", "Anto Wibowo", "Rina Ananda",
    ]  # fmt: skip


def test_search_stays_in_step_with_the_list(
    storage: Storage, event_id: int, hall: dict[str, Invitee], clock: FakeClock
) -> None:
    budi = hall["budi"]
    person = budi.person
    person.name = "Budiman Sriyanto"
    storage.update_person(person, now=clock())
    assert names(desk.search_desk(storage, event_id, "budiman")) == ["Budiman Sriyanto"]
    assert budi.id is not None
    invitee_ops.remove_invitee(storage, budi.id)
    assert names(desk.search_desk(storage, event_id, "budiman")) == []
    event_ops.delete_event(storage, event_id)
    assert storage._scalar("SELECT COUNT(*) FROM invitees_fts") == 0


def test_empty_search_lists_the_latest_arrivals(
    storage: Storage, event_id: int, hall: dict[str, Invitee], clock: FakeClock
) -> None:
    assert desk.search_desk(storage, event_id, "").rows == []
    for key in ("sri", "budi", "dewi"):
        invitee_id = hall[key].id
        assert invitee_id is not None
        desk.checkin_invitee(storage, invitee_id, DESK, clock=clock)
        clock.advance(minutes=1)
    dewi_id = hall["dewi"].id
    assert dewi_id is not None
    desk.undo_checkin(storage, dewi_id, "salah pilih", DESK, clock=clock)
    page = desk.search_desk(storage, event_id, "")
    assert names(page) == ["Budi Sriyanto", "Sri Purwaningsih"]
    assert page.rows[0].first_checkin_at == datetime(2023, 12, 14, 1, 31, tzinfo=UTC)


def test_search_of_a_version_1_database_after_migration(db_path: Path) -> None:
    old = Storage.open(db_path, target_version=1)
    with old.transaction():
        event_id = event_ops.create_event(
            old, Event(title="Rakor", date=date(2023, 12, 14), start_time=time(9))
        )
        # as version 1 wrote it (today's code writes columns of later versions)
        old._write("INSERT INTO persons (id, uid, name, created_at, updated_at) VALUES "
                   "(1, 'p-1', 'Sri Purwaningsih', '2023-12-01T00:00:00Z', '2023-12-01T00:00:00Z')")
        old._write("INSERT INTO invitees (uid, event_id, person_id, checkin_code, sort_key, "
                   "search_text, created_at) VALUES ('i-1', ?, 1, 'ABCD2345', "
                   "'sri purwaningsih', 'sri purwaningsih', '2023-12-01T00:00:00Z')",
                   (event_id,))
    old.close()
    migrated = Storage.open(db_path)
    try:
        assert names(desk.search_desk(migrated, event_id, "purwa")) == ["Sri Purwaningsih"]
    finally:
        migrated.close()


# -- walk-ins -------------------------------------------------------------------------------


def test_walk_in_is_registered_checked_in_and_in_the_directory(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    result = desk.register_walk_in(
        storage, event_id, "Drs. H. Ahmad Yani, M.Si.", DESK,
        jabatan="Ketua DPD", instansi="Partai Hanura Kota Jambi", group_name="Parpol",
        phone="0812-7400-1234", clock=clock,
    )  # fmt: skip
    assert not result.was_invited and not result.known_person
    assert not result.checkin.already_present
    invitee = result.checkin.invitee
    assert (invitee.person.front_titles, invitee.person.name, invitee.person.back_titles) == (
        "Drs. H.", "Ahmad Yani", "M.Si.",
    )  # fmt: skip
    assert (invitee.jabatan, invitee.instansi, invitee.group_name) == (
        "Ketua DPD", "Partai Hanura Kota Jambi", "Parpol",
    )  # fmt: skip
    [found] = storage.find_persons_by_name("ahmad yani")
    assert found.phone == "0812-7400-1234"
    assert storage.attendance_counts(event_id).present == 1
    assert names(desk.search_desk(storage, event_id, "yani")) == ["Ahmad Yani"]
    [entry] = storage.attendance_log(event_id)
    assert (entry.station, entry.operator, entry.recorded_at) == ("meja-1", "Rina", clock.now)


def test_walk_in_twice_is_not_counted_twice(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    first = desk.register_walk_in(storage, event_id, "Ahmad Yani", DESK, instansi="Hanura",
                                  clock=clock)
    clock.advance(minutes=5)
    again = desk.register_walk_in(storage, event_id, "ahmad yani", DESK, instansi="Hanura",
                                  clock=clock)
    assert again.was_invited and again.checkin.already_present
    assert again.checkin.checked_in_at == first.checkin.checked_in_at
    assert storage.attendance_counts(event_id).present == 1
    assert storage.attendance_counts(event_id).invited == 1
    assert len(storage.attendance_log(event_id)) == 1


def test_walk_in_reuses_the_directory_of_an_earlier_event(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    earlier = event_ops.create_event(
        storage, Event(title="Rakor lama", date=date(2023, 11, 2), start_time=time(9))
    )
    invitee_ops.invite_person(storage, earlier, Person(name="Ahmad Yani", instansi="Hanura",
                                                  phone="0812"))
    result = desk.register_walk_in(
        storage, event_id, "Ahmad Yani", DESK, instansi="Hanura", jabatan="Ketua", clock=clock
    )
    assert result.known_person and not result.was_invited
    [person] = storage.find_persons_by_name("Ahmad Yani")
    assert (person.phone, person.jabatan) == ("0812", "Ketua")


def test_walk_in_without_a_name_writes_nothing(storage: Storage, event_id: int) -> None:
    for typed in ("", "   ", "Dr. H."):
        with pytest.raises(ValidationError):
            desk.register_walk_in(storage, event_id, typed, DESK)
    assert storage.attendance_counts(event_id).invited == 0
    assert storage._scalar("SELECT COUNT(*) FROM persons") == 0


def test_walk_in_for_an_unknown_event_writes_nothing(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    with pytest.raises(NotFoundError):
        desk.register_walk_in(storage, event_id + 99, "Ahmad Yani", DESK, clock=clock)
    assert storage._scalar("SELECT COUNT(*) FROM persons") == 0


# -- delegates, signatures, history ---------------------------------------------------------


def test_on_behalf_records_the_delegate(
    storage: Storage, event_id: int, hall: dict[str, Invitee], clock: FakeClock
) -> None:
    sri = hall["sri"]
    assert sri.id is not None
    with pytest.raises(ValidationError):
        desk.checkin_on_behalf(storage, sri.id, DESK, delegate_name="  ", clock=clock)
    result = desk.checkin_on_behalf(
        storage, sri.id, DESK, delegate_name="Yusuf  Hamdani, S.E.",
        delegate_jabatan="Kepala Bidang", delegate_instansi="Badan Kesbangpol", clock=clock,
    )  # fmt: skip
    assert not result.already_present
    [row] = storage.desk_rows([sri.id])
    assert (row.on_behalf_name, row.on_behalf_jabatan) == ("Yusuf Hamdani, S.E.", "Kepala Bidang")
    again = desk.checkin_on_behalf(storage, sri.id, DESK, delegate_name="Orang Lain", clock=clock)
    assert again.already_present
    assert storage.attendance_counts(event_id).present == 1
    assert desk.on_behalf_text("Yusuf Hamdani, S.E.", "Dr. H. Sri Purwaningsih, M.Si.") == (
        "Yusuf Hamdani, S.E. mewakili Dr. H. Sri Purwaningsih, M.Si."
    )


def test_signature_needs_a_checkin_and_a_png_and_the_latest_wins(
    storage: Storage, event_id: int, hall: dict[str, Invitee], clock: FakeClock
) -> None:
    budi = hall["budi"]
    assert budi.id is not None
    with pytest.raises(ValidationError):
        desk.add_signature(storage, budi.id, PNG, DESK, clock=clock)
    desk.checkin_invitee(storage, budi.id, DESK, clock=clock)
    with pytest.raises(ValidationError):
        desk.add_signature(storage, budi.id, b"GIF89a...", DESK, clock=clock)
    with pytest.raises(ValidationError):
        desk.add_signature(storage, budi.id, PNG + b"\x00" * desk.MAX_SIGNATURE_BYTES, DESK)
    clock.advance(seconds=20)
    first = desk.add_signature(storage, budi.id, PNG + b"first", DESK, clock=clock)
    clock.advance(seconds=20)
    desk.add_signature(storage, budi.id, PNG + b"second", OTHER_DESK, clock=clock)
    assert desk.latest_signature(storage, budi.id) == PNG + b"second"
    kinds = [e.kind for e in desk.checkin_history(storage, budi.id)]
    assert kinds == [AttendanceKind.CHECKIN, AttendanceKind.SIGNATURE, AttendanceKind.SIGNATURE]
    assert first.target_uid == storage.active_checkins(budi.id)[0].uid
    with pytest.raises(NotFoundError):
        desk.add_signature(storage, 999_999, PNG, DESK)


def test_history_shows_every_change_with_station_operator_and_reason(
    storage: Storage, event_id: int, hall: dict[str, Invitee], clock: FakeClock
) -> None:
    dewi = hall["dewi"]
    assert dewi.id is not None
    desk.checkin_invitee(storage, dewi.id, DESK, clock=clock)
    clock.advance(minutes=2)
    desk.undo_checkin(storage, dewi.id, "salah pilih orang", OTHER_DESK, clock=clock)
    clock.advance(minutes=1)
    desk.checkin_invitee(storage, dewi.id, OTHER_DESK, clock=clock)
    history = desk.checkin_history(storage, dewi.id)
    assert [(e.kind, e.station, e.operator, e.reason) for e in history] == [
        (AttendanceKind.CHECKIN, "meja-1", "Rina", ""),
        (AttendanceKind.UNDO, "meja-2", "Yusuf", "salah pilih orang"),
        (AttendanceKind.CHECKIN, "meja-2", "Yusuf", ""),
    ]
    assert history[1].target_uid == history[0].uid
    with pytest.raises(NotFoundError):
        desk.checkin_history(storage, 999_999)


# -- counts ---------------------------------------------------------------------------------


def test_counts_per_group_in_list_order(
    storage: Storage, event_id: int, hall: dict[str, Invitee], clock: FakeClock
) -> None:
    for key in ("sri", "drajat", "srikandi"):
        invitee_id = hall[key].id
        assert invitee_id is not None
        desk.checkin_invitee(storage, invitee_id, DESK, clock=clock)
        desk.checkin_invitee(storage, invitee_id, DESK, clock=clock)  # not twice
    counts = desk.counts_per_group(storage, event_id)
    assert [(g.group_name, g.present, g.invited) for g in counts] == [
        ("OPD", 2, 3), ("KPU", 1, 1), ("Camat", 0, 1), ("Lurah", 0, 1), ("Parpol", 0, 1),
        ("Forkopimda", 0, 1),
    ]  # fmt: skip
    total = storage.attendance_counts(event_id)
    assert (total.present, total.invited) == (3, 8)
    assert total.per_group["OPD"] == (2, 3)


def test_arrivals_per_ten_minutes_on_the_event_clock(
    storage: Storage, event_id: int, hall: dict[str, Invitee], clock: FakeClock
) -> None:
    assert desk.arrivals_per_ten_minutes(storage, event_id, "WIB") == []
    moments = [(1, 31), (1, 39), (1, 40), (2, 5), (2, 9)]  # UTC; WIB is 7 hours later
    undone = hall["ahmad"].id
    for (hour, minute), key in zip(moments, ("sri", "budi", "dewi", "drajat", "ahmad"),
                                   strict=True):
        clock.now = datetime(2023, 12, 14, hour, minute, tzinfo=UTC)
        invitee_id = hall[key].id
        assert invitee_id is not None
        desk.checkin_invitee(storage, invitee_id, DESK, clock=clock)
    assert undone is not None
    desk.undo_checkin(storage, undone, "keliru", DESK, clock=clock)
    slots = desk.arrivals_per_ten_minutes(storage, event_id, "WIB")
    assert [(s.label, s.count) for s in slots] == [
        ("08.30", 2), ("08.40", 1), ("08.50", 0), ("09.00", 1),
    ]
    assert slots[0].start == datetime(2023, 12, 14, 8, 30, tzinfo=slots[0].start.tzinfo)
    wita = desk.arrivals_per_ten_minutes(storage, event_id, "WITA")
    assert wita[0].label == "09.30"


# -- export ---------------------------------------------------------------------------------


@pytest.fixture
def arrived(storage: Storage, event_id: int, hall: dict[str, Invitee], clock: FakeClock) -> int:
    """Three arrivals: Budi, a delegate for Dr. Sri, and Eko; Dewi checked in and undone."""
    ids = {key: invitee.id for key, invitee in hall.items()}
    assert all(ids.values())
    desk.checkin_invitee(storage, ids["budi"] or 0, DESK, clock=clock)
    clock.advance(minutes=3)
    desk.checkin_on_behalf(
        storage, ids["sri"] or 0, OTHER_DESK, delegate_name="Yusuf Hamdani, S.E.",
        delegate_jabatan="Kepala Bidang", clock=clock,
    )  # fmt: skip
    clock.advance(minutes=4)
    desk.checkin_invitee(storage, ids["dewi"] or 0, DESK, clock=clock)
    desk.undo_checkin(storage, ids["dewi"] or 0, "salah", DESK, clock=clock)
    clock.advance(minutes=1)
    desk.checkin_invitee(storage, ids["kapolresta"] or 0, DESK, clock=clock)
    return event_id


EXPECTED_ROWS = [
    ["1", "Budi Sriyanto, S.H.", "", "Lurah Sungai Putri", "Kelurahan Sungai Putri", "Lurah",
     "08.30", "", "meja-1", "Rina", "", ""],
    ["2", "Yusuf Hamdani, S.E.", "", "Kepala Bidang", "Badan Kesbangpol", "OPD", "08.33",
     "Dr. H. Sri Purwaningsih, M.Si. (Kepala Badan)", "meja-2", "Yusuf", "", ""],
    ["3", "Kombes Pol. Eko Wahyudi, S.I.K.", "", "Kapolresta Jambi", "Polresta Jambi",
     "Forkopimda", "08.38", "", "meja-1", "Rina", "", ""],
]


def test_export_csv_reads_back(storage: Storage, arrived: int, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "daftar hadir.csv"
    assert export_attendance_csv(storage, arrived, target) == 3
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == list(HEADERS)
    assert rows[1:] == EXPECTED_ROWS
    assert [p.name for p in folder.iterdir()] == ["daftar hadir.csv"]  # no temp file left


def test_export_xlsx_reads_back_as_text(
    storage: Storage, arrived: int, hall: dict[str, Invitee], tmp_path: Path, clock: FakeClock
) -> None:
    # A name that looks like a formula and a NIP stay text.
    nip_person = invitee_ops.invite_person(
        storage, arrived, Person(name="=SUM(A1)", nip="197703122003122007", group_name="OPD")
    )
    assert nip_person.id is not None
    clock.advance(minutes=10)
    desk.checkin_invitee(storage, nip_person.id, DESK, clock=clock)
    target = tmp_path / "hadir.xlsx"
    assert export_attendance_xlsx(storage, arrived, target) == 4
    workbook = load_workbook(target)
    sheet = workbook["Daftar Hadir"]
    rows = [
        [("" if v is None else str(v)) for v in row] for row in sheet.iter_rows(values_only=True)
    ]
    assert rows[0] == list(HEADERS)
    assert rows[1:4] == EXPECTED_ROWS
    assert rows[4][1:4] == ["=SUM(A1)", "19770312 200312 2 007", ""]
    assert sheet.cell(5, 2).data_type == "s"
    summary = [list(r) for r in workbook["Rekap"].iter_rows(values_only=True)]
    assert ["OPD", 2, 4] in summary and ["Jumlah", 4, 9] in summary


def test_export_replaces_a_file_whole(storage: Storage, arrived: int, tmp_path: Path) -> None:
    target = tmp_path / "hadir.csv"
    target.write_text("old content that is longer than the new one " * 200)
    export_attendance_csv(storage, arrived, target)
    assert target.read_text(encoding="utf-8-sig").startswith("No;Nama;NIP")
    assert "old content" not in target.read_text(encoding="utf-8-sig")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_export_into_a_read_only_folder_says_so_and_changes_nothing(
    storage: Storage, arrived: int, tmp_path: Path
) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    existing = folder / "hadir.xlsx"
    existing.write_bytes(b"keep me")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        for export in (export_attendance_xlsx, export_attendance_csv):
            with pytest.raises(ExportError) as caught:
                export(storage, arrived, existing)
            assert "tidak dapat ditulis" in str(caught.value)
        assert existing.read_bytes() == b"keep me"
    finally:
        folder.chmod(stat.S_IRWXU)


def test_export_that_fails_at_the_last_step_leaves_no_temporary_file(
    storage: Storage, arrived: int, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    (folder / "hadir.xlsx").mkdir(parents=True)  # a folder where the file should go
    with pytest.raises(ExportError):
        export_attendance_xlsx(storage, arrived, folder / "hadir.xlsx")
    assert [p.name for p in folder.iterdir()] == ["hadir.xlsx"]
    assert (folder / "hadir.xlsx").is_dir()


def test_export_into_a_missing_folder_says_so(
    storage: Storage, arrived: int, tmp_path: Path
) -> None:
    with pytest.raises(ExportError) as caught:
        export_attendance_csv(storage, arrived, tmp_path / "no such folder" / "hadir.csv")
    assert "no such folder" in str(caught.value)


def test_export_of_an_event_without_arrivals(
    storage: Storage, event_id: int, tmp_path: Path
) -> None:
    assert export_attendance_xlsx(storage, event_id, tmp_path / "kosong.xlsx") == 0
    assert export_attendance_csv(storage, event_id, tmp_path / "kosong.csv") == 0
    with pytest.raises(ValidationError):
        export_attendance_csv(storage, event_id + 5, tmp_path / "x.csv")


def test_the_presence_view_is_looked_up_by_index(storage: Storage) -> None:
    """A scanned code must not read every check-in of the database (see MIGRATION_2)."""
    plan = " ".join(
        str(row[3])
        for row in storage.conn.execute(
            "EXPLAIN QUERY PLAN SELECT i.id, pr.first_checkin_at FROM invitees AS i "
            "LEFT JOIN presence AS pr ON pr.invitee_id = i.id WHERE i.checkin_code = ?",
            ("K7QM2XPA",),
        )
    )
    assert "MATERIALIZE" not in plan
    assert "attendance_invitee" in plan


def test_schema_objects_exist(db_path: Path) -> None:
    Storage.open(db_path).close()
    conn = sqlite3.connect(str(db_path))
    try:
        found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert {"invitees_fts", "invitees_fts_insert", "invitees_fts_delete",
            "invitees_fts_update", "presence"} <= found


def test_counting_arrivals_one_by_one_matches_the_database(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    """The desk adds each arrival to its counts and chart without a query: same result."""
    groups = desk.counts_per_group(storage, event_id)
    slots: list[desk.ArrivalSlot] = []
    offsets = [0, 1, 4, 9, 12, 35, 36, 80]  # minutes after 08.30 WIB, with empty slots
    for number, minutes in enumerate(offsets):
        group = "OPD" if number % 3 else "Camat"
        invitee = invitee_ops.invite_person(
            storage, event_id, Person(name=f"Peserta {number}", group_name=group)
        )
        groups = desk.counts_per_group(storage, event_id)  # the list grew: read again
        assert invitee.id is not None
        clock.now = datetime(2023, 12, 14, 1, 30, tzinfo=UTC) + timedelta(minutes=minutes)
        result = desk.checkin_invitee(storage, invitee.id, DESK, clock=clock)
        counted = desk.with_arrival(slots, result.checked_in_at, "WIB")
        bumped = desk.with_present(groups, group)
        assert counted is not None and bumped is not None
        slots, groups = counted, bumped
    assert slots == desk.arrivals_per_ten_minutes(storage, event_id, "WIB")
    assert desk.with_arrival(slots, datetime(2023, 12, 14, 1, 0, tzinfo=UTC), "WIB") is None

    before = [desk.GroupCount("OPD", 4, 5), desk.GroupCount("Camat", 3, 3)]
    assert desk.with_present(before, "OPD") == [
        desk.GroupCount("OPD", 5, 5), desk.GroupCount("Camat", 3, 3),
    ]  # fmt: skip
    assert desk.with_present(before, "KPU") is None
    assert groups == desk.counts_per_group(storage, event_id)
