"""Reading invitation lists from the CSV files secretariats really have: title rows,
blank rows, BOMs, Windows-1252, ``;`` delimiters, names typed with titles, NIPs
mangled by spreadsheets, and files that must be refused."""

from __future__ import annotations

import codecs
from datetime import date, time
from pathlib import Path

import pytest

from rakor_desktop import messages
from rakor_desktop.importers import (
    Column,
    guess_mapping,
    participants_from_rows,
    read_participants_file,
    split_pangkat_golongan,
)
from rakor_desktop.importers.csv_import import (
    decode_csv,
    read_csv_table,
    read_participants_csv,
)
from rakor_desktop.messages import FileFormatError, NotFoundError
from rakor_desktop.models import Event, Person, Role
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage


def _write(path: Path, lines: list[str], *, encoding: str = "utf-8", bom: bool = False) -> Path:
    data = "\r\n".join(lines).encode(encoding)
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data + b"\r\n")
    return path


# -- the messy files -----------------------------------------------------------------------


def test_cp1252_semicolon_file_with_title_rows_no_column_titles_and_nips(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "undangan.csv",
        [
            "DAFTAR UNDANGAN;;;;;;",
            "RAPAT KOORDINASI PERSIAPAN PEMILU 2024;;;;;;",
            "Hari/Tanggal: Kamis, 14 Desember 2023;;;;;;",
            ";;;;;;",
            "No.;Nama;NIP;Pangkat/Gol.;Jabatan;Instansi/Unit Kerja;Tanda Tangan",
            "1;Dr. H. Sri Purwaningsih, M.Si.;'19770312 200312 2 007;Pembina Tk. I (IV/b);"
            "Kepala Badan;Badan Kesbangpol Kota Jambi;",
            "",
            "2;Hj. Renée Siregar, S.E.;198103152006042011;Penata, III/c;Sekretaris;"
            "Dinas Komunikasi dan Informatika;",
            ";;;;;;",
            "3;Budi Santoso S.H.;;;Camat Telanaipura;Kecamatan Telanaipura;",
            "4;;;;;;",
        ],
        encoding="cp1252",
    )
    assert "é".encode("cp1252") in path.read_bytes()  # really Windows-1252, not UTF-8

    table = read_csv_table(path)

    assert table.header_row == 5
    assert table.ignored_columns == ["Tanda Tangan"]
    assert table.problems == []
    assert [r.row for r in table.rows] == [6, 8, 10]
    assert read_participants_csv(path) == [
        (
            Person(
                name="Sri Purwaningsih",
                front_titles="Dr. H.",
                back_titles="M.Si.",
                nip="197703122003122007",
                pangkat="Pembina Tk. I",
                golongan="IV/b",
                jabatan="Kepala Badan",
                instansi="Badan Kesbangpol Kota Jambi",
            ),
            Role.PESERTA,
        ),
        (
            Person(
                name="Renée Siregar",
                front_titles="Hj.",
                back_titles="S.E.",
                nip="198103152006042011",
                pangkat="Penata",
                golongan="III/c",
                jabatan="Sekretaris",
                instansi="Dinas Komunikasi dan Informatika",
            ),
            Role.PESERTA,
        ),
        (
            Person(
                name="Budi Santoso",
                back_titles="S.H.",
                jabatan="Camat Telanaipura",
                instansi="Kecamatan Telanaipura",
            ),
            Role.PESERTA,
        ),
    ]


def test_utf8_bom_comma_file_with_synonym_headers_and_quoted_titles(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "peserta.csv",
        [
            "No,Nama Lengkap,Gelar Depan,Gelar Belakang,NIP,Pangkat,Gol.,Unit Kerja,Kategori,"
            "No. Telp,Jenis Kelamin,Peran",
            '1,"Dr. H. Sri Purwaningsih, M.Si.",,,"19770312 200312 2 007",Pembina,IV/a,'
            "Kesbangpol,Panitia,'081234567890,Perempuan,panitia",
            "2,Eko Prasetyo,Letkol Inf.,,,,,Kodim 0415/Jambi,Forkopimda,0812 7777 1111,L,"
            "Narasumber",
            "3,Ahmad Yani,Drs.,M.Si.,,,,KPU Kota Jambi,Narasumber,,Pria,",
        ],
        bom=True,
    )

    people = read_participants_csv(path)

    assert people == [
        (
            Person(
                name="Sri Purwaningsih",
                front_titles="Dr. H.",
                back_titles="M.Si.",
                nip="197703122003122007",
                pangkat="Pembina",
                golongan="IV/a",
                instansi="Kesbangpol",
                group_name="Panitia",
                phone="081234567890",
                gender="P",
            ),
            Role.PANITIA,
        ),
        (
            Person(
                name="Eko Prasetyo",
                front_titles="Letkol Inf.",
                instansi="Kodim 0415/Jambi",
                group_name="Forkopimda",
                phone="0812 7777 1111",
                gender="L",
            ),
            Role.NARASUMBER,
        ),
        (
            Person(
                name="Ahmad Yani",
                front_titles="Drs.",
                back_titles="M.Si.",
                instansi="KPU Kota Jambi",
                group_name="Narasumber",
                gender="L",
            ),
            Role.PESERTA,
        ),
    ]


def test_tab_delimited_file_with_one_gelar_column_and_opd(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "opd.csv",
        [
            "Daftar Kepala OPD",
            "",
            "No\tNama\tGelar\tNIP\tJabatan\tOPD\tKelompok\tHP",
            "1\tMuhammad Ridwan\tIr., M.T.\t 19700101 199503 1 004 \t"
            "Kepala Dinas\tDinas PUPR\tOPD\t",
            "2\tSiti Aminah\tS.Sos.\t\tKepala Bidang\tBappeda\tOPD\t0813-1111-2222",
        ],
    )

    people = [person for person, _ in read_participants_csv(path)]

    assert [(p.front_titles, p.name, p.back_titles, p.nip) for p in people] == [
        ("Ir.", "Muhammad Ridwan", "M.T.", "197001011995031004"),
        ("", "Siti Aminah", "S.Sos.", ""),
    ]
    assert [(p.instansi, p.group_name, p.phone) for p in people] == [
        ("Dinas PUPR", "OPD", ""),
        ("Bappeda", "OPD", "0813-1111-2222"),
    ]


def test_excel_unicode_text_export_utf16_is_read(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes(
        codecs.BOM_UTF16_LE + "Nama\tInstansi\r\nRenée Siregar\tBappeda\r\n".encode("utf-16-le")
    )

    assert read_participants_csv(path) == [
        (Person(name="Renée Siregar", instansi="Bappeda"), Role.PESERTA)
    ]


def test_repeated_header_and_rows_with_only_a_number_are_skipped(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "pages.csv",
        [
            "No;Nama;Instansi",
            "1;Andi;Bawaslu",
            "2;;",
            "No;Nama;Instansi",
            "3;Rahmat;FKUB",
        ],
    )

    table = read_csv_table(path)

    assert [(r.row, r.person.name) for r in table.rows] == [(2, "Andi"), (5, "Rahmat")]


# -- recognising columns --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Nama", Column.NAME),
        ("Nama Lengkap", Column.NAME),
        ("NAMA LENGKAP *", Column.NAME),
        ("Gelar Depan", Column.FRONT_TITLES),
        ("Gelar Belakang", Column.BACK_TITLES),
        ("Gelar", Column.TITLES),
        ("NIP", Column.NIP),
        ("Pangkat/Golongan", Column.PANGKAT_GOLONGAN),
        ("Pangkat / Gol.", Column.PANGKAT_GOLONGAN),
        ("Pangkat", Column.PANGKAT),
        ("Gol.", Column.GOLONGAN),
        ("Golongan", Column.GOLONGAN),
        ("Jabatan", Column.JABATAN),
        ("Instansi", Column.INSTANSI),
        ("Unit Kerja", Column.INSTANSI),
        ("Instansi/Unit Kerja", Column.INSTANSI),
        ("OPD", Column.INSTANSI),
        ("Kelompok", Column.GROUP),
        ("Kategori", Column.GROUP),
        ("Group", Column.GROUP),
        ("No. HP", Column.PHONE),
        ("HP", Column.PHONE),
        ("Telepon", Column.PHONE),
        ("No. Telp", Column.PHONE),
        ("L/P", Column.GENDER),
        ("Jenis Kelamin", Column.GENDER),
        ("Peran", Column.ROLE),
        ("Role", Column.ROLE),
        ("No.", Column.NO),
        ("No", Column.NO),
    ],
)
def test_guess_mapping_recognises_header_synonyms(header: str, column: Column) -> None:
    assert guess_mapping(["Keterangan", header]) == {column: 1}


def test_guess_mapping_keeps_the_first_of_two_columns_and_ignores_unknown_ones() -> None:
    mapping = guess_mapping(["No.", "Nama", "Instansi", "OPD", "Tanda Tangan", ""])
    assert mapping == {Column.NO: 0, Column.NAME: 1, Column.INSTANSI: 2}


def test_the_shared_row_reader_works_on_plain_cell_rows() -> None:
    # What an Excel reader will hand over: cells as text, a title row first.
    table = participants_from_rows(
        [["DAFTAR HADIR", ""], ["Nama", "Jabatan"], ["Sri Purwaningsih", "Kepala Badan"]],
        source="daftar.xlsx",
    )
    assert table.header_row == 2
    assert table.participants == [
        (Person(name="Sri Purwaningsih", jabatan="Kepala Badan"), Role.PESERTA)
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Pembina, IV/a", ("Pembina", "IV/a")),
        ("Pembina Tk. I (IV/b)", ("Pembina Tk. I", "IV/b")),
        ("Penata Muda / III.a", ("Penata Muda", "III/a")),
        ("III/d", ("", "III/d")),
        ("Pembina Utama Muda", ("Pembina Utama Muda", "")),
        ("", ("", "")),
    ],
)
def test_split_pangkat_golongan(value: str, expected: tuple[str, str]) -> None:
    assert split_pangkat_golongan(value) == expected


# -- refusals ---------------------------------------------------------------------------------


def test_file_without_nama_column_is_refused_naming_what_was_found(tmp_path: Path) -> None:
    path = _write(tmp_path / "tanpa-nama.csv", ["No;NIP;Jabatan;Instansi", "1;;Camat;Kecamatan"])

    with pytest.raises(FileFormatError) as refused:
        read_participants_csv(path)

    message = str(refused.value)
    assert "tidak punya kolom Nama" in message
    assert "NIP, Jabatan, Instansi" in message
    messages.set_language("en")
    assert "has no Nama (name) column" in str(refused.value)


def test_file_without_any_header_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "acak.csv", ["foo;bar", "1;2", "3;4"])

    with pytest.raises(FileFormatError, match="Judul kolom tidak ditemukan di 15 baris pertama"):
        read_participants_csv(path)


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "foto.csv"
    path.write_bytes(bytes(range(256)) * 8)

    with pytest.raises(FileFormatError, match="bukan berkas teks CSV"):
        read_participants_csv(path)


def test_binary_without_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rusak.csv"
    path.write_bytes(bytes(b for b in range(1, 256) if b not in b"\t\r\n") * 4)

    with pytest.raises(FileFormatError, match="bukan berkas teks CSV"):
        read_participants_csv(path)


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n  \r\n", codecs.BOM_UTF8, b";;;\r\n;;\r\n"])
def test_empty_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kosong.csv"
    path.write_bytes(content)

    with pytest.raises(FileFormatError, match="kosong"):
        read_participants_csv(path)


def test_header_without_rows_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "judul-saja.csv", ["No;Nama;Instansi", ";;", ""])

    with pytest.raises(FileFormatError, match="tidak berisi peserta"):
        read_participants_csv(path)


def test_workbooks_go_to_the_excel_reader_whatever_their_name(tmp_path: Path) -> None:
    workbook = tmp_path / "daftar.xlsx"
    workbook.write_bytes(b"PK\x03\x04 not really a workbook")
    renamed = tmp_path / "daftar.csv"
    renamed.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")

    with pytest.raises(FileFormatError, match="bukan buku kerja Excel"):
        read_participants_file(workbook)
    with pytest.raises(FileFormatError, match="bukan buku kerja Excel"):
        read_participants_csv(renamed)


def test_the_csv_decoder_alone_refuses_a_workbook() -> None:
    with pytest.raises(FileFormatError, match="buku kerja spreadsheet, bukan teks CSV"):
        decode_csv(b"PK\x03\x04\x14\x00\x06\x00", source="daftar.csv")


def test_missing_file_is_a_clear_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="tidak ditemukan"):
        read_participants_csv(tmp_path / "tidak-ada.csv")


def test_rows_with_problems_refuse_the_whole_file_with_row_numbers_as_in_the_file(
    tmp_path: Path,
) -> None:
    path = _write(
        tmp_path / "salah.csv",
        [
            "DAFTAR UNDANGAN",
            "",
            "No;Nama;NIP;Peran",
            "1;Sri Purwaningsih;19770312 200312 2 007;peserta",
            "2;Budi;1977031220031220;peserta",  # 16 digits: a NIP, not an NRP
            "",
            "3;;19770312 200312 2 007;",
            "4;Rahmat;1.97703122003122E+17;",
            "5;Andi;;tamu",
        ],
    )

    table = read_csv_table(path)
    # Only the row without a name is an error; the others are real people whose
    # optional fields were wrong: warnings, and the field is left empty.
    assert [p.row for p in table.problems] == [7]
    assert [w.row for w in table.warnings] == [5, 8, 9]
    assert all(w.warning for w in table.warnings)
    by_row = {e.row: e for e in table.entries}
    assert (by_row[5].person.nip, by_row[5].raw_nip) == ("", "1977031220031220")
    assert by_row[9].role is Role.PESERTA

    with pytest.raises(FileFormatError) as refused:
        read_participants_csv(path)

    message = str(refused.value)
    assert message == (
        "Impor dari salah.csv dibatalkan, tidak ada yang disimpan. 1 masalah: "
        "baris 7: kolom Nama kosong. Perbaiki berkasnya lalu impor lagi."
    )
    warnings = [str(w) for w in table.warnings]
    assert "baris 5: NIP tidak valid: '1977031220031220'; NIP harus 18 digit" in warnings[0]
    assert warnings[0].endswith("; NIP dikosongkan")
    assert "baris 8: NIP tidak valid: '1.97703122003122E+17' sudah diubah Excel" in warnings[1]
    assert "baris 9: peran 'tamu' tidak dikenal" in warnings[2]
    messages.set_language("en")
    english = [str(w) for w in table.warnings]
    assert "row 5: invalid NIP '1977031220031220': a NIP has exactly 18 digits (found 16)" in (
        english[0]
    )
    assert "row 8: the NIP '1.97703122003122E+17' was turned into scientific notation" in (
        english[1]
    )


def test_only_the_first_problems_are_listed(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "banyak.csv",
        ["Nama;NIP;Instansi", *(f";12345;Dinas {i}" for i in range(8)), "Budi;;KPU"],
    )

    with pytest.raises(FileFormatError) as refused:
        read_participants_csv(path)

    message = str(refused.value)
    assert "8 masalah" in message
    assert "baris 6:" in message
    assert "baris 7:" not in message
    assert "dan 3 masalah lainnya" in message


def test_a_refused_file_leaves_the_database_unchanged(storage: Storage, tmp_path: Path) -> None:
    event_id = event_ops.create_event(
        storage, Event(title="Rakor", date=date(2023, 12, 14), start_time=time(9))
    )
    invitee_ops.invite_person(storage, event_id, Person(name="Sri Purwaningsih"))
    before = [(i.person.name, i.checkin_code) for i in storage.list_invitees(event_id)]
    path = _write(
        tmp_path / "sebagian-salah.csv",
        ["Nama;NIP", "Budi Santoso;", ";19770312 200312 2 007", "Andi;"],
    )

    with pytest.raises(FileFormatError):
        invitee_ops.import_invitees(storage, event_id, read_participants_csv(path))

    assert [(i.person.name, i.checkin_code) for i in storage.list_invitees(event_id)] == before
    assert storage.search_persons("budi") == []
    assert storage.search_persons("andi") == []
