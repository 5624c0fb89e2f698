"""Reading invitation lists from the Excel workbooks secretariats really have: title
rows merged across the table, a row of column numbers, section headings, cells
merged down over a block of people, numbers typed into number cells (a phone that
lost its 0, a NIP that Excel rounded), several sheets, and files that must be
refused with nothing written.

``messy_workbook`` is also used by the preview and dialog tests.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from rakor_desktop import messages
from rakor_desktop.importers import Column, read_participants_file, read_sheet
from rakor_desktop.importers.xlsx_import import cell_text, list_sheets, read_xlsx
from rakor_desktop.messages import FileFormatError, NotFoundError
from rakor_desktop.models import Event, Person, Role
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations.invitation_import import import_file
from rakor_desktop.storage import Storage

HEADER = [
    "No.", "Nama", "NIP", "Pangkat/Gol.", "Jabatan", "Instansi/Unit Kerja", "Kelompok",
    "No. HP", "L/P", "Keterangan",
]  # fmt: skip
ROUNDED_NIP = 1.97703122003122e17  # 197703122003122007 typed into a number cell


def messy_workbook(path: Path) -> Path:
    """A workbook as a Kesbangpol secretariat sends it.

    Sheets: "Sheet1" (empty), "Undangan" (the list), "Narasumber" (three speakers).
    "Undangan": two title rows merged across the table, a blank row, the header in
    row 4, a row of column numbers, section headings merged across the table, the
    instansi of rows 11-12 written once in a cell merged down, blank rows, a phone
    typed as a number, a NIP with spaces, a NIP rounded by Excel (row 13), and a
    signature block under the table in the columns of the table.
    """
    workbook = openpyxl.Workbook()
    workbook.active.title = "Sheet1"
    sheet = workbook.create_sheet("Undangan")
    sheet["A1"] = "DAFTAR UNDANGAN"
    sheet.merge_cells("A1:J1")
    sheet["A2"] = "RAPAT KOORDINASI PERSIAPAN PEMILU 2024 KOTA JAMBI"
    sheet.merge_cells("A2:J2")
    sheet.append([])
    sheet.append(HEADER)  # row 4
    sheet.append(list(range(1, 11)))  # row 5: column numbers
    sheet.append(["A. FORKOPIMDA"])  # row 6: section heading
    sheet.merge_cells("A6:J6")
    sheet.append([
        1, "Dr. H. Sri Purwaningsih, M.Si.", "19770312 200312 2 007", "Pembina Tk. I (IV/b)",
        "Kepala Badan", "Badan Kesbangpol Kota Jambi", None, 81234567890, "P",
    ])  # row 7  # fmt: skip
    sheet.append([
        2, "Kombes Pol. Eko Prasetyo, S.I.K.", None, None, "Kapolresta Jambi",
        "Polresta Jambi", None, "0812-7777-1111", "L", "hadir sendiri",
    ])  # row 8  # fmt: skip
    sheet.append([])  # row 9
    sheet.append(["B. PERANGKAT DAERAH"])  # row 10
    sheet.merge_cells("A10:J10")
    sheet.append([
        3, "Muhammad Ridwan, S.T.", " 19700101 199503 1 004 ", "Pembina, IV/a", "Kepala Dinas",
        "Dinas PUPR Kota Jambi", "OPD", None, "L",
    ])  # row 11  # fmt: skip
    sheet.append([4, "Siti Aminah", None, None, "Sekretaris", None, "OPD", None, "P"])  # row 12
    sheet.merge_cells("F11:F12")
    sheet.append([
        5, "Rahmat Hidayat", ROUNDED_NIP, "Penata, III/c", "Kepala Bidang", "Bappeda", "OPD",
    ])  # row 13  # fmt: skip
    sheet.append([])
    sheet.append([])
    sheet["H16"] = "Jambi, 4 Desember 2023"  # the signature block, in the columns of the table
    sheet["H17"] = "Kepala Badan,"
    sheet["H20"] = "NIP. 19770312 200312 2 007"
    speakers = workbook.create_sheet("Narasumber")
    speakers.append(["Nama", "Instansi", "Peran"])
    speakers.append(["Ahmad Yani, S.H.", "KPU Kota Jambi", "Narasumber"])
    speakers.append(["Dewi Lestari", "Bawaslu Kota Jambi", "narasumber"])
    speakers.append(["Yusuf Mansur", "Kodim 0415/Jambi", "Moderator"])
    workbook.save(path)
    return path


def table_counts(storage: Storage) -> dict[str, int]:
    """The number of rows of every table: a refusal must leave them all as they were."""
    names = [
        r[0]
        for r in storage.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    return {n: storage.conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}


@pytest.fixture
def event_id(storage: Storage) -> int:
    event = Event(title="Rakor Pemilu", date=date(2023, 12, 14), start_time=time(9))
    created = event_ops.create_event(storage, event)
    invitee_ops.invite_person(storage, created, Person(name="Budi Santoso", instansi="KPU"))
    return created


# -- the messy workbook ------------------------------------------------------------------


def test_the_messy_workbook_is_read_as_a_person_reads_it(tmp_path: Path) -> None:
    data = read_sheet(messy_workbook(tmp_path / "undangan.xlsx"))

    assert (data.kind, data.sheet, data.sheets) == ("xlsx", "Undangan", [
        "Sheet1", "Undangan", "Narasumber",
    ])  # fmt: skip
    table = data.table()
    assert table.header_row == 4
    assert table.ignored_columns == ["Keterangan"]
    assert [r.row for r in table.entries] == [7, 8, 11, 12, 13]
    sri, eko, ridwan, siti, rahmat = (r.person for r in table.entries)
    assert sri == Person(
        name="Sri Purwaningsih",
        front_titles="Dr. H.",
        back_titles="M.Si.",
        nip="197703122003122007",
        pangkat="Pembina Tk. I",
        golongan="IV/b",
        jabatan="Kepala Badan",
        instansi="Badan Kesbangpol Kota Jambi",
        group_name="FORKOPIMDA",  # from the section heading
        phone="081234567890",  # a number cell lost the 0
        gender="P",
    )
    assert (eko.front_titles, eko.name, eko.back_titles) == (
        "Kombes Pol.", "Eko Prasetyo", "S.I.K."
    )
    assert (eko.group_name, eko.phone) == ("FORKOPIMDA", "0812-7777-1111")
    assert ridwan.nip == "197001011995031004"  # spaces around and inside
    assert ridwan.group_name == "OPD"  # the Kelompok column wins over the heading
    assert siti.instansi == "Dinas PUPR Kota Jambi"  # written once, merged down
    # The rounded NIP is left empty with a warning: Rahmat is real and invited.
    assert table.entries[4].warnings and not table.entries[4].problems
    assert not table.entries[3].warnings
    assert (rahmat.name, rahmat.nip) == ("Rahmat Hidayat", "")
    assert table.entries[4].raw_nip == "1.97703122003122E+17"


def test_a_nip_excel_rounded_is_a_row_warning_with_the_excel_hint(tmp_path: Path) -> None:
    table = read_participants_file(messy_workbook(tmp_path / "undangan.xlsx"))

    assert table.problems == []
    (problem,) = table.warnings
    assert problem.row == 13 and problem.warning
    assert "1.97703122003122E+17" in str(problem)
    assert "notasi ilmiah" in problem.indonesian
    assert "format sel sebagai Teks" in problem.indonesian
    messages.set_language("en")
    assert "row 13: the NIP '1.97703122003122E+17' was turned into scientific notation" in str(
        problem
    )


def test_another_sheet_is_read_when_asked(tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "undangan.xlsx")

    table = read_participants_file(path, sheet="Narasumber")

    assert table.participants == [
        (Person(name="Ahmad Yani", back_titles="S.H.", instansi="KPU Kota Jambi"), Role.NARASUMBER),
        (Person(name="Dewi Lestari", instansi="Bawaslu Kota Jambi"), Role.NARASUMBER),
        (Person(name="Yusuf Mansur", instansi="Kodim 0415/Jambi"), Role.MODERATOR),
    ]
    assert list_sheets(path) == ["Sheet1", "Undangan", "Narasumber"]


def test_an_unknown_sheet_names_the_sheets_there_are(tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "undangan.xlsx")

    with pytest.raises(NotFoundError) as missing:
        read_xlsx(path, sheet="Peserta")

    assert str(missing.value) == (
        "Lembar \u201cPeserta\u201d tidak ada di undangan.xlsx "
        "(yang ada: Sheet1, Undangan, Narasumber)."
    )


def test_an_instructions_sheet_before_the_list_is_passed_over(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Petunjuk"
    workbook.active["A1"] = "Isi daftar undangan di lembar berikutnya. Jangan ubah judul kolom."
    data = workbook.create_sheet("Daftar")
    data.append(["NAMA LENGKAP", "UNIT KERJA"])
    data.append(["Andi Wijaya", "Bawaslu"])
    workbook.save(tmp_path / "dua.xlsx")

    sheet = read_sheet(tmp_path / "dua.xlsx")

    assert sheet.sheet == "Daftar"
    assert sheet.table().participants == [
        (Person(name="Andi Wijaya", instansi="Bawaslu"), Role.PESERTA)
    ]


def test_a_wrong_dimension_record_does_not_hide_rows(tmp_path: Path) -> None:
    # Some programs write <dimension ref="A1"/>; a reader trusting it would see one cell.
    path = tmp_path / "dimensi.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Nama", "Instansi"])
    workbook.active.append(["Andi", "FKUB"])
    workbook.active.append(["Rina", "KPU"])
    workbook.save(path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b'<dimension ref="A1:B3"/>', b'<dimension ref="A1"/>')
                assert b'<dimension ref="A1"/>' in content
            target.writestr(item, content)
    path.write_bytes(buffer.getvalue())

    names = [p.name for p, _ in read_participants_file(path).participants]

    assert names == ["Andi", "Rina"]


def test_a_list_that_starts_further_down_and_right_keeps_its_row_numbers(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active["C3"] = "Nama"
    workbook.active["D3"] = "Jabatan"
    workbook.active["C5"] = "Andi Wijaya"
    workbook.active["D5"] = "Camat"
    workbook.save(tmp_path / "geser.xlsx")

    table = read_participants_file(tmp_path / "geser.xlsx")

    assert (table.header_row, [r.row for r in table.entries]) == (3, [5])
    assert table.mapping == {Column.NAME: 2, Column.JABATAN: 3}


def test_a_workbook_renamed_csv_is_still_read_as_a_workbook(tmp_path: Path) -> None:
    path = messy_workbook(tmp_path / "undangan.xlsx").rename(tmp_path / "undangan.csv")
    assert read_sheet(path).kind == "xlsx"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("  Teks  ", "  Teks  "),
        (7, "7"),
        (7.0, "7"),
        (3.5, "3.5"),
        (81234567890, "81234567890"),
        (81234567890.0, "81234567890"),
        (ROUNDED_NIP, "1.97703122003122E+17"),
        (197703122003122007, "197703122003122007"),
        (True, "TRUE"),
        (datetime(2023, 12, 14), "2023-12-14"),
        (datetime(2023, 12, 14, 9, 30), "2023-12-14 09:30"),
        (date(2023, 12, 14), "2023-12-14"),
    ],
)
def test_cell_text_is_what_excel_shows(value: object, expected: str) -> None:
    assert cell_text(value) == expected


# -- files that must be refused, with nothing written --------------------------------------


def _corrupt_zip(path: Path) -> Path:
    good = messy_workbook(path.with_name("good.xlsx")).read_bytes()
    path.write_bytes(good[: len(good) // 2])
    return path


def _text_named_xlsx(path: Path) -> Path:
    path.write_text("Nama;Instansi\r\nAndi;KPU\r\n", encoding="utf-8")
    return path


def _empty_workbook(path: Path) -> Path:
    openpyxl.Workbook().save(path)
    return path


def _no_name_column(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.active.append(["DAFTAR HADIR"])
    workbook.active.append(["No", "NIP", "Jabatan", "Instansi"])
    workbook.active.append([1, None, "Camat", "Kecamatan Telanaipura"])
    workbook.save(path)
    return path


def _header_only(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.active.append(["No", "Nama", "Instansi"])
    workbook.active.append([1])
    workbook.save(path)
    return path


def _ole(path: Path, *, encrypted: bool) -> Path:
    # An OLE2 compound file, as Excel writes .xls and password-protected .xlsx.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    body = "EncryptedPackage".encode("utf-16-le") if encrypted else "Workbook".encode("utf-16-le")
    path.write_bytes(header + body + bytes(1024))
    return path


def _ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    return path


REFUSED = [
    ("rusak.xlsx", _corrupt_zip, "bukan buku kerja Excel (.xlsx) yang utuh"),
    ("kosong.xlsx", _empty_workbook, "Buku kerja kosong.xlsx kosong"),
    ("tanpa-nama.xlsx", _no_name_column, "tidak punya kolom Nama (kolom yang dikenali: No, NIP"),
    ("judul-saja.xlsx", _header_only, "tidak berisi peserta"),
    ("rahasia.xlsx", lambda p: _ole(p, encrypted=True), "dilindungi kata sandi"),
    ("lama.xls", lambda p: _ole(p, encrypted=False), "lama.xls bukan buku kerja yang utuh"),
    ("calc.ods", _ods, "calc.ods bukan buku kerja yang utuh (tanpa content.xml)"),
]


@pytest.mark.parametrize(("name", "make", "expected"), REFUSED, ids=[r[0] for r in REFUSED])
def test_files_that_cannot_be_read_are_refused_and_nothing_changes(
    storage: Storage, event_id: int, tmp_path: Path, name: str, make: object, expected: str
) -> None:
    path = make(tmp_path / name)  # type: ignore[operator]
    before = table_counts(storage)

    with pytest.raises(FileFormatError) as refused:
        import_file(storage, event_id, path)

    assert expected in str(refused.value)
    assert "\n" not in str(refused.value)
    assert table_counts(storage) == before
    messages.set_language("en")
    assert "Excel" in str(refused.value) or "Nama" in str(refused.value) or "no" in str(
        refused.value
    )


def test_a_rounded_nip_is_imported_empty_and_a_row_without_name_refuses_the_file(
    storage: Storage, event_id: int, tmp_path: Path
) -> None:
    report = import_file(storage, event_id, messy_workbook(tmp_path / "undangan.xlsx"))
    assert report.invited == 5
    assert [(w.row, w.warning) for w in report.warnings] == [(13, True)]
    rahmat = next(p for p in storage.search_persons("rahmat"))
    assert rahmat.nip == ""

    book = openpyxl.Workbook()
    book.active.append(["Nama", "NIP", "Instansi"])
    book.active.append(["Budi", None, "KPU"])
    book.active.append([None, "197703122003122007", "Bawaslu"])
    book.active.append(["Dewi", None, "FKUB"])
    book.save(tmp_path / "tanpa-nama.xlsx")
    before = table_counts(storage)
    with pytest.raises(FileFormatError) as refused:
        import_file(storage, event_id, tmp_path / "tanpa-nama.xlsx")
    assert str(refused.value).startswith(
        "Impor dari tanpa-nama.xlsx dibatalkan, tidak ada yang disimpan. 1 masalah: baris 3: "
        "kolom Nama kosong"
    )
    assert table_counts(storage) == before


def test_csv_text_named_xlsx_is_read_as_csv(tmp_path: Path) -> None:
    table = read_participants_file(_text_named_xlsx(tmp_path / "teks.xlsx"))
    assert [(r.person.name, r.person.instansi) for r in table.entries] == [("Andi", "KPU")]


def test_a_missing_file_is_a_clear_not_found(
    storage: Storage, event_id: int, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError, match="tidak ditemukan"):
        import_file(storage, event_id, tmp_path / "tidak-ada.xlsx")


def test_the_mapping_names_the_columns_found(tmp_path: Path) -> None:
    table = read_participants_file(messy_workbook(tmp_path / "undangan.xlsx"))
    assert table.mapping == {
        Column.NO: 0, Column.NAME: 1, Column.NIP: 2, Column.PANGKAT_GOLONGAN: 3,
        Column.JABATAN: 4, Column.INSTANSI: 5, Column.GROUP: 6, Column.PHONE: 7,
        Column.GENDER: 8,
    }  # fmt: skip
