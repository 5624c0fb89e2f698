"""The import of an invitation list as the secretariat goes through it: a preview
(header, mapping, people, problems, duplicates with a proposed decision), decisions
changed, then one all-or-nothing write that never erases what the directory knows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from rakor_desktop import messages
from rakor_desktop.cli import main
from rakor_desktop.importers import Column
from rakor_desktop.importers.preview import (
    Decision,
    DuplicateKind,
    ImportPreview,
    MatchedBy,
    preview_import,
    preview_sheet,
)
from rakor_desktop.messages import FileFormatError, NotFoundError, ValidationError
from rakor_desktop.models import Event, Person, Role
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations.invitation_import import apply_import, import_file
from rakor_desktop.storage import Storage
from tests.core.test_xlsx_import import messy_workbook, table_counts

NIP_SRI = "197703122003122007"
NIP_BUDI = "196805121990031002"
NIP_RINA = "198512302010012015"
NOW = datetime(2023, 12, 10, 2, 0, tzinfo=UTC)


def clock() -> datetime:
    return NOW


def rakor(title: str = "Rakor Persiapan Pemilu 2024") -> Event:
    return Event(title=title, date=date(2023, 12, 14), start_time=time(9))


@pytest.fixture
def event_id(storage: Storage) -> int:
    """An event whose list already holds Andi (KPU); the directory knows Sri and Budi."""
    earlier = event_ops.create_event(storage, rakor("Rakor Bulan Lalu"), clock=clock)
    invitee_ops.invite_person(
        storage,
        earlier,
        Person(
            name="Sri Purwaningsih", front_titles="Dr.", nip=NIP_SRI, instansi="Bappeda",
            phone="0811 7400 123", pangkat="Pembina", golongan="IV/a",
        ),
        clock=clock,
    )  # fmt: skip
    invitee_ops.invite_person(
        storage, earlier, Person(name="Budi Santoso", instansi="Dinas Kominfo"), clock=clock
    )
    created = event_ops.create_event(storage, rakor(), clock=clock)
    invitee_ops.invite_person(
        storage, created, Person(name="Andi Wijaya", instansi="KPU Kota Jambi", phone="0812"),
        clock=clock,
    )  # fmt: skip
    return created


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Undangan"
    sheet.append(["DAFTAR UNDANGAN"])
    sheet.append(["No", "Nama", "NIP", "Jabatan", "Instansi", "No. HP", "Keterangan"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def invitation_list(tmp_path: Path) -> Path:
    """Rows 3-10: new people, known people, repeated rows and one problem (no name)."""
    return workbook(
        tmp_path / "undangan.xlsx",
        [
            [1, "Dr. H. Sri Purwaningsih, M.Si.", NIP_SRI, "Kepala Bidang", "Bappeda", None],
            [2, "BUDI SANTOSO", None, "Sekretaris", "dinas kominfo", "0813 1111 2222"],
            [3, "Andi Wijaya, S.E.", None, "Komisioner", "KPU Kota Jambi", None],
            [4, "Rina Marlina", NIP_RINA, "Analis", "Bawaslu Kota Jambi", None, "Forkopimda"],
            [5, "Rina Marlina, S.H.", "19851230 201001 2 015", None, None, "0812 555"],
            [6, "Yusuf Mansur", None, "Ketua", "FKUB", None],
            [7, "yusuf mansur", None, "Anggota", "FKUB", None],
            [8, None, "123", "Camat", "Kecamatan Telanaipura", None],
        ],
    )


def preview(storage: Storage, event_id: int, path: Path) -> ImportPreview:
    return preview_import(storage, event_id, path)


# -- the preview -------------------------------------------------------------------------


def test_preview_shows_header_mapping_people_problems_and_duplicates(
    storage: Storage, event_id: int, invitation_list: Path
) -> None:
    before = table_counts(storage)

    shown = preview(storage, event_id, invitation_list)

    assert table_counts(storage) == before  # a preview writes nothing
    assert (shown.source, shown.data.sheet, shown.header_row) == ("undangan.xlsx", "Undangan", 2)
    assert shown.header == ["No", "Nama", "NIP", "Jabatan", "Instansi", "No. HP", "Keterangan"]
    assert shown.mapping == {
        Column.NO: 0, Column.NAME: 1, Column.NIP: 2, Column.JABATAN: 3, Column.INSTANSI: 4,
        Column.PHONE: 5,
    }  # fmt: skip
    assert [(r.row, r.person.name) for r in shown.rows] == [
        (3, "Sri Purwaningsih"), (4, "BUDI SANTOSO"), (5, "Andi Wijaya"), (6, "Rina Marlina"),
        (7, "Rina Marlina"), (8, "Yusuf Mansur"), (9, "yusuf mansur"), (10, ""),
    ]  # fmt: skip
    found = {
        r.row: (
            r.duplicate.kind, r.duplicate.matched_by, r.duplicate.first_row, r.proposed
        ) if r.duplicate else (None, None, None, r.proposed)
        for r in shown.rows
    }
    assert found == {
        3: (DuplicateKind.DIRECTORY, MatchedBy.NIP, None, Decision.MERGE),
        4: (DuplicateKind.DIRECTORY, MatchedBy.NAME, None, Decision.MERGE),
        5: (DuplicateKind.INVITED, MatchedBy.NAME, None, Decision.SKIP),
        6: (None, None, None, Decision.ADD),
        7: (DuplicateKind.IN_FILE, MatchedBy.NIP, 6, Decision.SKIP),
        8: (None, None, None, Decision.ADD),
        9: (DuplicateKind.IN_FILE, MatchedBy.NAME, 8, Decision.SKIP),
        10: (None, None, None, Decision.ADD),
    }
    assert [p.row for p in shown.rows[7].problems] == [10]
    assert shown.rows[7].problem_text() == "kolom Nama kosong"
    assert shown.summary().describe() == "2 baru, 2 digabung, 3 dilewati, 1 bermasalah"
    messages.set_language("en")
    assert shown.summary().describe() == "2 new, 2 merged, 3 skipped, 1 with problems"
    assert shown.rows[0].duplicate is not None
    assert shown.rows[0].duplicate.describe() == (
        "in the directory: Dr. Sri Purwaningsih, Bappeda, 19770312 200312 2 007 (same NIP)"
    )
    assert shown.rows[4].duplicate is not None
    assert shown.rows[4].duplicate.describe() == "same as row 6 (same NIP)"


def test_allowed_decisions_never_let_a_known_nip_be_added_twice(
    storage: Storage, event_id: int, invitation_list: Path
) -> None:
    shown = preview(storage, event_id, invitation_list)

    assert shown.row(3).allowed == (Decision.MERGE, Decision.SKIP)  # same NIP
    assert shown.row(4).allowed == (Decision.MERGE, Decision.ADD, Decision.SKIP)  # same name
    assert shown.row(6).allowed == (Decision.ADD, Decision.SKIP)
    assert shown.row(7).allowed == (Decision.SKIP, Decision.MERGE)
    with pytest.raises(ValidationError) as refused:
        apply_import(storage, event_id, shown, {3: Decision.ADD, 10: Decision.SKIP})
    assert str(refused.value) == (
        "Baris 3: Sri Purwaningsih tidak dapat ditambahkan; pilih digabung atau dilewati."
    )


# -- applying it -------------------------------------------------------------------------


def test_problem_rows_block_the_import_until_excluded(
    storage: Storage, event_id: int, invitation_list: Path
) -> None:
    shown = preview(storage, event_id, invitation_list)
    before = table_counts(storage)

    with pytest.raises(FileFormatError) as refused:
        apply_import(storage, event_id, shown, clock=clock)

    assert str(refused.value).startswith(
        "Impor dari undangan.xlsx dibatalkan, tidak ada yang disimpan. 1 masalah: baris 10: "
        "kolom Nama kosong"
    )
    assert table_counts(storage) == before
    assert shown.blocking_problems({10: Decision.SKIP}) == []
    assert shown.summary({10: Decision.SKIP}).describe() == (
        "2 baru, 2 digabung, 4 dilewati, 0 bermasalah"
    )


def test_import_with_proposed_decisions_merges_without_erasing(
    storage: Storage, event_id: int, invitation_list: Path
) -> None:
    shown = preview(storage, event_id, invitation_list)
    persons_before = table_counts(storage)["persons"]

    report = apply_import(storage, event_id, shown, {10: Decision.SKIP}, clock=clock)

    assert (report.added, report.merged, report.skipped, report.from_directory) == (2, 2, 4, 2)
    assert report.describe() == (
        "4 orang masuk daftar undangan: 2 baru, 2 digabung, 4 dilewati."
    )
    assert report.skipped_names == ["Andi Wijaya", "Rina Marlina", "yusuf mansur", ""]
    assert table_counts(storage)["persons"] == persons_before + 2
    listed = storage.list_invitees(event_id)
    assert [(i.position, i.person.name, i.jabatan) for i in listed] == [
        (1, "Andi Wijaya", ""),
        (2, "Sri Purwaningsih", "Kepala Bidang"),
        (3, "Budi Santoso", "Sekretaris"),
        (4, "Rina Marlina", "Analis"),
        (5, "Yusuf Mansur", "Ketua"),
    ]
    assert [i.id for i in listed[1:]] == report.invitee_ids
    sri = listed[1].person
    # The file's titles and jabatan are newer; its blank phone and pangkat erase nothing.
    assert (sri.front_titles, sri.back_titles, sri.nip) == ("Dr. H.", "M.Si.", NIP_SRI)
    assert (sri.phone, sri.pangkat, sri.golongan) == ("0811 7400 123", "Pembina", "IV/a")
    # "BUDI SANTOSO" and "dinas kominfo" do not replace the directory's spelling.
    budi = listed[2].person
    assert (budi.name, budi.instansi, budi.phone) == (
        "Budi Santoso", "Dinas Kominfo", "0813 1111 2222"
    )
    assert listed[2].instansi == "Dinas Kominfo"
    assert len({i.checkin_code for i in listed}) == 5
    # The earlier event's list shows the same directory persons.
    earlier = storage.list_invitees(1)
    assert {i.person.id for i in earlier} == {sri.id, budi.id}


def test_changed_decisions_are_followed(
    storage: Storage, event_id: int, invitation_list: Path
) -> None:
    shown = preview(storage, event_id, invitation_list)
    decisions = {
        4: Decision.ADD,  # another Budi Santoso in the same office
        5: Decision.MERGE,  # already invited: complete his data
        7: Decision.MERGE,  # the repeated Rina row completes the first
        6: Decision.ADD,
        8: Decision.SKIP,
        9: Decision.ADD,  # two people named Yusuf Mansur at FKUB
        10: Decision.SKIP,
    }

    report = apply_import(storage, event_id, shown, decisions, clock=clock)

    assert (report.added, report.merged, report.skipped, report.from_directory) == (3, 3, 2, 1)
    assert report.invited == 4
    listed = storage.list_invitees(event_id)
    assert [(i.person.name, i.jabatan, i.instansi) for i in listed] == [
        ("Andi Wijaya", "Komisioner", "KPU Kota Jambi"),
        ("Sri Purwaningsih", "Kepala Bidang", "Bappeda"),
        ("BUDI SANTOSO", "Sekretaris", "dinas kominfo"),
        ("Rina Marlina", "Analis", "Bawaslu Kota Jambi"),
        ("yusuf mansur", "Anggota", "FKUB"),
    ]
    andi, _sri, budi, rina, _yusuf = (i.person for i in listed)
    assert (andi.back_titles, andi.phone) == ("S.E.", "0812")  # updated, phone kept
    assert budi.id not in {p.id for p in storage.find_persons_by_name("Budi Santoso")[:1]}
    assert (rina.back_titles, rina.phone, rina.jabatan) == ("S.H.", "0812 555", "Analis")


def test_a_row_merged_into_a_skipped_row_is_added_from_its_own_data(
    storage: Storage, event_id: int, invitation_list: Path
) -> None:
    shown = preview(storage, event_id, invitation_list)

    apply_import(
        storage, event_id, shown, {6: Decision.SKIP, 7: Decision.MERGE, 10: Decision.SKIP}
    )

    (rina,) = [i for i in storage.list_invitees(event_id) if i.person.name == "Rina Marlina"]
    assert (rina.person.nip, rina.person.back_titles, rina.jabatan) == (NIP_RINA, "S.H.", "")


def test_a_stale_preview_is_refused(
    storage: Storage, event_id: int, invitation_list: Path
) -> None:
    shown = preview(storage, event_id, invitation_list)
    # Meanwhile, at the other desk, Rina is invited by hand.
    invitee_ops.invite_person(
        storage, event_id, Person(name="Rina Marlina", nip=NIP_RINA, instansi="Bawaslu")
    )
    before = table_counts(storage)

    with pytest.raises(ValidationError) as refused:
        apply_import(storage, event_id, shown, {10: Decision.SKIP})

    assert str(refused.value).startswith(
        "Daftar undangan atau direktori berubah sejak pratinjau dibuat (baris 6: Rina Marlina)."
    )
    assert table_counts(storage) == before


def test_a_failure_halfway_writes_nothing(
    storage: Storage, event_id: int, invitation_list: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = preview(storage, event_id, invitation_list)
    before = table_counts(storage)

    def failing_insert(*args: object, **kwargs: object) -> list[int]:
        # The people are written by now: they must go too.
        assert table_counts(storage)["persons"] > before["persons"]
        raise OSError("disk full")

    monkeypatch.setattr(storage, "insert_invitations", failing_insert)

    with pytest.raises(OSError, match="disk full"):
        apply_import(storage, event_id, shown, {10: Decision.SKIP})

    assert table_counts(storage) == before


def test_an_event_that_does_not_exist_is_refused(storage: Storage, invitation_list: Path) -> None:
    with pytest.raises(NotFoundError, match="Acara dengan nomor 99 tidak ditemukan"):
        preview_import(storage, 99, invitation_list)


# -- correcting the mapping --------------------------------------------------------------


def test_a_corrected_mapping_is_previewed_again_without_reading_the_file(
    storage: Storage, event_id: int, invitation_list: Path
) -> None:
    shown = preview(storage, event_id, invitation_list)
    mapping = dict(shown.mapping)
    mapping[Column.GROUP] = 6  # "Keterangan" holds the group
    del mapping[Column.NIP]  # and the NIP column is not wanted
    invitation_list.unlink()

    again = preview_sheet(storage, event_id, shown.data, mapping=mapping)

    assert again.mapping == mapping
    assert again.guessed_mapping == shown.mapping
    assert again.row(6).person.group_name == "Forkopimda"
    assert again.row(10).warnings == []  # its NIP is no longer read
    assert shown.row(10).warnings != []
    assert again.row(3).duplicate is not None
    assert again.row(3).duplicate.matched_by is MatchedBy.NAME


def test_a_mapping_without_a_name_column_is_refused(
    storage: Storage, event_id: int, invitation_list: Path
) -> None:
    shown = preview(storage, event_id, invitation_list)

    with pytest.raises(ValidationError, match="Pilih kolom yang berisi nama peserta"):
        preview_sheet(storage, event_id, shown.data, mapping={Column.INSTANSI: 4})


# -- the command line ----------------------------------------------------------------------


def test_import_file_takes_the_proposed_decisions(
    storage: Storage, event_id: int, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "bersih.xlsx",
        [
            [1, "Budi Santoso", None, "Sekretaris", "Dinas Kominfo"],
            [2, "Lina", None, "Staf", "FKUB"],
        ],
    )

    report = import_file(storage, event_id, path, clock=clock)

    assert (report.added, report.merged, report.skipped) == (1, 1, 0)


def test_cli_imports_a_workbook_sheet_and_prints_the_summary(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = messy_workbook(tmp_path / "undangan.xlsx")
    storage = Storage.open(db_path)
    event_id = event_ops.create_event(storage, rakor())
    storage.close()

    code = main(["--db", str(db_path), "participants", "import", str(event_id), str(path),
                 "--sheet", "Narasumber"])  # fmt: skip

    assert (code, capsys.readouterr().out) == (0, (
        "Ditambahkan                : 3 peserta\n"
        "Dari direktori             : 0\n"
        "Dilewati (sudah terdaftar) : 0\n"
    ))  # fmt: skip
    storage = Storage.open(db_path, backup=False)
    try:
        roles = [(i.person.name, i.role) for i in storage.list_invitees(event_id)]
    finally:
        storage.close()
    assert roles == [
        ("Ahmad Yani", Role.NARASUMBER), ("Dewi Lestari", Role.NARASUMBER),
        ("Yusuf Mansur", Role.MODERATOR),
    ]  # fmt: skip


def test_cli_imports_a_rounded_nip_empty_and_prints_the_warning(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = messy_workbook(tmp_path / "undangan.xlsx")
    storage = Storage.open(db_path)
    event_id = event_ops.create_event(storage, rakor())
    storage.close()

    code = main(["--db", str(db_path), "participants", "import", str(event_id), str(path)])

    captured = capsys.readouterr()
    assert code == 0
    assert "5 peserta" in captured.out
    (warning,) = captured.err.splitlines()
    assert warning.startswith(
        "Peringatan: baris 13: NIP tidak valid: '1.97703122003122E+17' sudah diubah Excel"
    )
    assert warning.endswith("NIP dikosongkan")
    storage = Storage.open(db_path, backup=False)
    try:
        names = {i.person.name: i.person.nip for i in storage.list_invitees(event_id)}
    finally:
        storage.close()
    assert names["Rahmat Hidayat"] == ""
    assert len(names) == 5


def test_cli_refuses_a_workbook_with_a_row_without_name_and_writes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(
        tmp_path / "undangan.xlsx",
        [[1, "Budi Santoso", None, "Lurah", "Kelurahan"], [2, None, NIP_SRI, "Camat", "X"],
         [3, "Dewi Lestari", None, "Camat", "Y"]],
    )  # fmt: skip
    storage = Storage.open(db_path)
    event_id = event_ops.create_event(storage, rakor())
    before = table_counts(storage)
    storage.close()

    code = main(["--db", str(db_path), "participants", "import", str(event_id), str(path)])

    captured = capsys.readouterr()
    assert (code, captured.out) == (1, "")
    assert captured.err.startswith(
        "rakor: Impor dari undangan.xlsx dibatalkan, tidak ada yang disimpan. 1 masalah: "
        "baris 4: kolom Nama kosong"
    )
    assert len(captured.err.splitlines()) == 1
    storage = Storage.open(db_path, backup=False)
    try:
        assert table_counts(storage) == before
    finally:
        storage.close()


def test_a_nip_typed_in_the_preview_replaces_the_rounded_one(
    storage: Storage, event_id: int, tmp_path: Path
) -> None:
    shown = preview(storage, event_id, messy_workbook(tmp_path / "undangan.xlsx"))
    rahmat = shown.row(13)
    assert (rahmat.person.nip, rahmat.raw_nip, rahmat.proposed) == (
        "", "1.97703122003122E+17", Decision.ADD,
    )  # fmt: skip
    assert [w.row for w in shown.warnings()] == [13]
    assert shown.summary().problems == 0

    shown.data.set_cell(13, shown.mapping[Column.NIP], "19800101 200501 1 009")
    again = preview_sheet(storage, event_id, shown.data, mapping=shown.mapping)

    assert again.row(13).person.nip == "198001012005011009"
    assert again.warnings() == []
    report = apply_import(storage, event_id, again, clock=clock)
    assert report.warnings == []
    assert [p.nip for p in storage.search_persons("rahmat")] == ["198001012005011009"]


def test_rows_written_in_bulk_are_those_written_one_by_one(
    storage: Storage, tmp_path: Path
) -> None:
    # The import writes many rows per statement; the rows must not differ from what
    # invite_person writes, or the desk search would miss imported people.
    by_hand = event_ops.create_event(storage, rakor("Satu per satu"))
    imported = event_ops.create_event(storage, rakor("Diimpor"))
    typed = Person(
        name="Rahmat Hidayat", front_titles="Drs.", back_titles="M.Si.", nip=NIP_BUDI,
        pangkat="Pembina", golongan="IV/a", jabatan="Camat Telanaipura",
        instansi="Kecamatan Telanaipura", group_name="Camat", phone="0812 3456 7890", gender="L",
    )  # fmt: skip
    invitee_ops.invite_person(storage, by_hand, typed, clock=clock)
    storage.conn.execute("UPDATE persons SET nip = '' WHERE nip = ?", (NIP_BUDI,))
    book = openpyxl.Workbook()
    book.active.append(["Nama", "NIP", "Pangkat/Gol.", "Jabatan", "Instansi", "Kelompok",
                        "No. HP", "L/P"])  # fmt: skip
    book.active.append(["Drs. Rahmat Hidayat, M.Si.", NIP_BUDI, "Pembina, IV/a",
                        "Camat Telanaipura", "Kecamatan Telanaipura", "Camat", "0812 3456 7890",
                        "L"])  # fmt: skip
    book.save(tmp_path / "satu.xlsx")
    shown = preview_import(storage, imported, tmp_path / "satu.xlsx")
    # Not the same person for the import: the NIP now only in the file.
    assert shown.rows[0].duplicate is not None
    report = apply_import(storage, imported, shown, {2: Decision.ADD}, clock=clock)

    def row(table: str, row_id: int, ignore: set[str]) -> dict[str, object]:
        cursor = storage.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        names = [d[0] for d in cursor.description]
        return {k: v for k, v in zip(names, cursor.fetchone(), strict=True) if k not in ignore}

    (first,) = storage.list_invitees(by_hand)
    (second,) = storage.list_invitees(imported)
    assert second.id == report.invitee_ids[0]
    skip = {"id", "uid", "nip"}
    assert first.person.id is not None and second.person.id is not None
    assert row("persons", first.person.id, skip) == row("persons", second.person.id, skip)
    skip = {"id", "uid", "event_id", "person_id", "checkin_code"}
    assert first.id is not None and second.id is not None
    assert row("invitees", first.id, skip) == row("invitees", second.id, skip)
    assert [i.id for i in storage.list_invitees(imported, "rahmat telanai")] == [second.id]
