"""Hostile and odd invitation files: each gets a one-line message or imports, quickly and
within a bounded memory; never a crash, a hang or a runaway process. And the data real
lists carry: other encodings, Excel errors, a signature block typed into the Nama column,
.xls and .ods workbooks."""

from __future__ import annotations

import codecs
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from rakor_desktop.importers import read_participants_file, read_sheet
from rakor_desktop.importers.csv_import import MIXED_UTF8_CP1252
from rakor_desktop.messages import FileFormatError, NotFoundError
from rakor_desktop.safe_files import read_user_file
from tests.core.import_sandbox import ROOT, read_in_sandbox

FIXTURES = Path(__file__).parent / "fixtures"


def far_cell_workbook(path: Path, cell: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["No", "Nama"])
    sheet.append([1, "Budi"])
    sheet[cell] = "x"
    book.save(path)
    return path


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods(path: Path, content_rows: str, *, name: str = "Undangan") -> Path:
    """An OpenDocument spreadsheet written by hand around rows of content.xml."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{name}">'
        f"{content_rows}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
    return path


def ods_row(*values: str, repeat_rows: int = 1) -> str:
    attribute = f' table:number-rows-repeated="{repeat_rows}"' if repeat_rows > 1 else ""
    cells = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
        for v in values
    )
    return f"<table:table-row{attribute}>{cells}</table:table-row>"


# -- the process never dies, hangs or runs away ------------------------------------------------


def test_a_far_away_cell_is_refused_naming_it_without_allocating(tmp_path: Path) -> None:
    files = [
        far_cell_workbook(tmp_path / "xfd.xlsx", "XFD1048576"),
        far_cell_workbook(tmp_path / "xfd5000.xlsx", "XFD5000"),
        far_cell_workbook(tmp_path / "z150000.xlsx", "Z150000"),
    ]
    # Before: "memory allocation of 549755813888 bytes failed" ended the process.
    found = read_in_sandbox(files, timeout=60)

    for path, cell in zip(files, ("XFD1048576", "XFD5000", "Z150000"), strict=True):
        outcome = found[path.name]
        assert outcome.outcome == "refused", outcome
        assert f"sel {cell}" in outcome.message or f"sampai {cell}" in outcome.message
        assert "\n" not in outcome.message
        assert outcome.seconds < 2


def test_far_cells_in_old_excel_and_opendocument_are_refused(tmp_path: Path) -> None:
    # An .xls whose first text cell is moved to the last row and column of a sheet.
    data = bytearray((FIXTURES / "undangan.xls").read_bytes())
    label = data.find(b"\xfd\x00\x0a\x00")  # LABELSST: row, column, format, string
    assert label > 0
    data[label + 4 : label + 8] = struct.pack("<HH", 65535, 255)
    far_xls = tmp_path / "jauh.xls"
    far_xls.write_bytes(bytes(data))
    # An .ods with a filled cell repeated across 16,384 columns and a million rows.
    repeated = (
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    far_ods = ods(tmp_path / "jauh.ods", ods_row("Nama") + repeated)

    found = read_in_sandbox([far_xls, far_ods], timeout=60)

    assert found["jauh.xls"].outcome == "refused"
    assert "IV65536" in found["jauh.xls"].message
    assert found["jauh.ods"].outcome == "refused"
    assert "XFD1048576" in found["jauh.ods"].message


def _zip_with_sheet(path: Path, sheet_xml: bytes | None = None, shared: int = 0) -> Path:
    """A workbook (openpyxl) whose sheet is replaced, or with ``shared`` MB of shared strings."""
    book = openpyxl.Workbook()
    book.active.append(["Nama"])
    book.active.append(["Budi"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename == "xl/sharedStrings.xml" and shared:
                continue  # replaced below
            if info.filename == "xl/worksheets/sheet1.xml" and sheet_xml is not None:
                target.writestr(info.filename, sheet_xml, zipfile.ZIP_DEFLATED)
            else:
                target.writestr(info, source.read(info.filename))
        if shared:
            with target.open("xl/sharedStrings.xml", "w") as stream:
                stream.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                             b'main">')  # fmt: skip
                chunk = b"<si><t>" + b"A" * 1000 + b"</t></si>"
                for _ in range(shared * 1024 * 1024 // len(chunk)):
                    stream.write(chunk)
                stream.write(b"</sst>")
    plain.unlink()
    return path


def _lie_about_size(path: Path, member: str, declared: int) -> None:
    """Make a ZIP member declare a smaller size than it expands to."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == member.encode():
            struct.pack_into("<I", data, central + 24, declared)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_compression_bombs_are_refused_before_anything_is_unpacked(tmp_path: Path) -> None:
    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n) for n in range(1, 300_001)
    )
    many_rows = _zip_with_sheet(
        tmp_path / "baris.xlsx",
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>" + rows + b"</sheetData></worksheet>",
    )
    shared = _zip_with_sheet(tmp_path / "teks.xlsx", shared=110)
    liar = _zip_with_sheet(tmp_path / "bohong.xlsx", shared=3)
    _lie_about_size(liar, "xl/sharedStrings.xml", 1000)
    assert shared.stat().st_size < 2 * 1024 * 1024

    found = read_in_sandbox([many_rows, shared, liar], timeout=60)

    assert found["baris.xlsx"].outcome == "refused"
    assert "300.000" in found["baris.xlsx"].message
    assert found["teks.xlsx"].outcome == "refused"
    assert "sharedStrings.xml: 110 MB" in found["teks.xlsx"].message
    assert found["bohong.xlsx"].outcome == "refused"
    assert "lebih besar daripada yang dinyatakan" in found["bohong.xlsx"].message
    assert all(o.seconds < 2 for o in found.values()), found


def test_counts_announced_in_a_workbook_are_not_trusted(tmp_path: Path) -> None:
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    cells = (
        b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        b'<row r="2"><c r="A2" t="s"><v>1</v></c></row>'
    )
    claims = _zip_with_sheet(
        tmp_path / "klaim.xlsx",
        b"<worksheet " + main + b"><sheetData>" + cells + b"</sheetData></worksheet>",
    )
    with zipfile.ZipFile(claims, "a") as archive:
        archive.writestr(
            "xl/sharedStrings.xml",
            b"<sst " + main + b' count="2" uniqueCount="4000000000"><si><t>Nama</t></si>'
            b"<si><t>Budi</t></si></sst>",
        )
    # 4,000 blocks merged over the same 4,000 rows: no spreadsheet program writes them.
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c>'
        b'<c r="B%d" t="inlineStr"><is><t>%s</t></is></c></row>'
        % (n, n, b"Nama" if n == 1 else b"Orang %d" % n, n, b"Instansi" if n == 1 else b"D%d" % n)
        for n in range(1, 4002)
    )
    merges = b"".join(b'<mergeCell ref="B%d:B4001"/>' % n for n in range(2, 4002))
    overlapping = _zip_with_sheet(
        tmp_path / "gabung.xlsx",
        b"<worksheet " + main + b"><sheetData>" + rows + b"</sheetData><mergeCells>" + merges
        + b"</mergeCells></worksheet>",
    )  # fmt: skip

    found = read_in_sandbox([claims, overlapping], timeout=60)

    # Before: calamine reserved room for four billion strings and the process ended.
    assert found["klaim.xlsx"].outcome == "refused"
    assert "mengaku berisi 4.000.000.000 teks" in found["klaim.xlsx"].message
    assert (found["gabung.xlsx"].outcome, found["gabung.xlsx"].rows) == ("ok", 4000)
    assert found["gabung.xlsx"].seconds < 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_and_a_link_to_dev_zero_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "undangan.csv"
    os.mkfifo(fifo)
    zero = tmp_path / "nol.rakor.csv"
    zero.symlink_to("/dev/zero")

    found = read_in_sandbox([fifo, zero], timeout=20)

    assert found["undangan.csv"].outcome == "refused"
    assert "bukan berkas biasa (pipa FIFO)" in found["undangan.csv"].message
    assert found["nol.rakor.csv"].outcome == "refused"
    assert "bukan berkas biasa (sebuah perangkat)" in found["nol.rakor.csv"].message
    with pytest.raises(FileFormatError, match="sebuah folder"):
        read_user_file(tmp_path)
    with pytest.raises(NotFoundError):
        read_user_file(tmp_path / "tidak-ada.csv")


def test_a_file_larger_than_allowed_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "besar.csv"
    big.write_bytes(b"Nama\n" + b"x" * 2000)
    with pytest.raises(FileFormatError, match=r"besar.csv terlalu besar \(lebih dari 0 MB\)"):
        read_user_file(big, max_bytes=1000)
    assert read_user_file(big, max_bytes=5000).startswith(b"Nama")


def test_a_long_name_without_a_dot_is_split_in_linear_time() -> None:
    # Before: a regular expression retried at every position took 14 s.
    code = (
        "from rakor_desktop.formatting import split_titles\n"
        "for text in ('A' * 100000, 'A.' + 'A' * 100000, '\\u0301' * 50000, 'S.H. ' * 50000):\n"
        "    split_titles(text)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=5)


def test_a_name_of_a_thousand_characters_is_not_a_name(tmp_path: Path) -> None:
    path = tmp_path / "panjang.csv"
    path.write_text(f"Nama;Instansi\nBudi;KPU\n{'Wayan ' * 200};Bawaslu\n", encoding="utf-8")

    table = read_participants_file(path)

    (problem,) = table.problems
    assert problem.row == 3
    assert "kolom Nama berisi 1199 karakter; itu bukan nama" in str(problem)
    assert len(table.entries[1].person.name) <= 80


# -- what real lists carry --------------------------------------------------------------------

LIST = "No;Nama;Jabatan;Instansi\r\n1;{a};Kepala;{b}\r\n2;Budi Santoso;Lurah;Kelurahan\r\n"


@pytest.mark.parametrize(
    ("name", "data", "encoding", "first", "instansi"),
    [
        (
            "campur.csv",
            LIST.format(a="José Ramos", b="Dinas").encode("utf-8")
            + "3;René Siregar;Camat;Café Lama\r\n".encode("cp1252"),
            MIXED_UTF8_CP1252, "José Ramos", "Dinas",
        ),
        (
            "utf16.csv",
            LIST.format(a="Renée Siregar", b="Bappeda").encode("utf-16-le"),
            "utf-16-le", "Renée Siregar", "Bappeda",
        ),
        (
            "utf16be.txt",
            LIST.format(a="Renée Siregar", b="Bappeda").encode("utf-16-be"),
            "utf-16-be", "Renée Siregar", "Bappeda",
        ),
        (
            "cina.csv",
            LIST.format(a="王小明", b="中国银行").encode("gb18030")
            + "3;李华;主任;北京大学\r\n".encode("gb18030"),
            "gb18030", "王小明", "中国银行",
        ),
        (
            "jepang.csv",
            LIST.format(a="山田太郎", b="東京銀行").encode("shift_jis")
            + "3;佐藤花子;課長;大阪市役所\r\n".encode("shift_jis"),
            ("shift_jis", "cp932"), "山田太郎", "東京銀行",
        ),
        (
            "barat.csv",
            LIST.format(a="Dr. José Café", b="Dinas “Pariwisata”").encode("cp1252"),
            "cp1252", "José Café", "Dinas “Pariwisata”",
        ),
    ],
)  # fmt: skip
def test_encodings_are_detected_not_guessed_as_windows_1252(
    tmp_path: Path,
    name: str,
    data: bytes,
    encoding: str | tuple[str, ...],
    first: str,
    instansi: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    sheet = read_sheet(path)
    table = sheet.table()

    wanted = encoding if isinstance(encoding, tuple) else (encoding,)
    assert sheet.encoding in wanted
    assert (table.entries[0].person.name, table.entries[0].person.instansi) == (first, instansi)
    assert table.entries[1].person.name == "Budi Santoso"
    assert not table.problems


def test_the_user_can_read_a_csv_again_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cina.csv"
    path.write_bytes(LIST.format(a="王小明", b="中国银行").encode("gb18030"))

    chosen = read_sheet(path, encoding="cp1252")

    assert (chosen.encoding, chosen.encoding_detected) == ("cp1252", False)
    assert chosen.table().entries[0].person.name != "王小明"
    assert read_sheet(path).table().entries[0].person.name == "王小明"


def test_an_excel_error_in_the_nip_column_is_a_warning_naming_the_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["No", "Nama", "NIP", "No. HP"])
    book.active.append([1, "Budi Santoso", "#VALUE!", "#N/A"])
    book.active.append([2, "Dewi Lestari", "197703122003122007", None])
    assert book.active["C2"].data_type == "e"  # written as an error cell, as Excel does
    book.save(tmp_path / "galat.xlsx")
    csv = tmp_path / "galat.csv"
    csv.write_text("Nama;NIP\nBudi Santoso;#VALUE!\n", encoding="utf-8")

    table = read_participants_file(tmp_path / "galat.xlsx")

    assert table.problems == []
    assert [str(w) for w in table.warnings] == [
        "baris 2: kolom NIP/NRP berisi galat Excel #VALUE!; dikosongkan",
        "baris 2: kolom No. HP berisi galat Excel #N/A; dikosongkan",
    ]
    assert (table.entries[0].person.nip, table.entries[0].person.phone) == ("", "")
    assert [str(w) for w in read_participants_file(csv).warnings] == [
        "baris 2: kolom NIP/NRP berisi galat Excel #VALUE!; dikosongkan"
    ]


def test_a_signature_block_typed_into_the_nama_column_is_not_two_people(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["No", "Nama", "Jabatan", "Instansi"])
    sheet.append([1, "Budi Santoso", "Lurah", "Kelurahan Sungai Putri"])
    sheet.append([2, "Dewi Lestari", "Ketua", "FKUB"])
    sheet.append([])
    sheet.append([None, "Jambi, 14 Desember 2023"])
    sheet.append([None, "Kepala Badan Kesbangpol"])
    sheet.append([])
    sheet.append([None, "Drs. H. Ahmad Yani, M.Si."])
    sheet.append([None, "NIP. 19700101 199003 1 001"])
    book.save(tmp_path / "ttd.xlsx")

    table = read_participants_file(tmp_path / "ttd.xlsx")

    assert [e.person.name for e in table.entries] == ["Budi Santoso", "Dewi Lestari"]
    (note,) = table.warnings
    assert str(note) == (
        "baris 5: tampak seperti blok tanda tangan (\u201cJambi, 14 Desember 2023\u201d, "
        "baris 5\u20139), bukan peserta; tidak diimpor"
    )


def test_old_excel_and_opendocument_workbooks_are_read(tmp_path: Path) -> None:
    xls = read_sheet(FIXTURES / "undangan.xls")
    table = xls.table()
    assert xls.kind == "xls" and xls.sheet == "Undangan"
    assert [e.person.name for e in table.entries] == [
        "Sri Purwaningsih", "Budi Santoso", "Dewi Lestari",
    ]  # fmt: skip
    assert table.entries[0].person.nip == "197703122003122007"
    assert [w.row for w in table.warnings] == [4]  # the NIP Excel rounded

    path = ods(
        tmp_path / "undangan.ods",
        ods_row("DAFTAR UNDANGAN")
        + ods_row("No", "Nama", "Instansi")
        + ods_row("1", "Dewi Lestari", "FKUB")
        + '<table:table-row table:number-rows-repeated="1048573"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row>',  # as LibreOffice ends a sheet
    )
    sheet = read_sheet(path)
    assert (sheet.kind, sheet.sheet) == ("ods", "Undangan")
    assert [(e.row, e.person.name) for e in sheet.table().entries] == [(3, "Dewi Lestari")]


def test_a_workbook_named_csv_and_csv_named_xls_are_read_by_content(tmp_path: Path) -> None:
    workbook = far_cell_workbook(tmp_path / "a.xlsx", "B2")
    renamed = tmp_path / "daftar.csv"
    renamed.write_bytes(workbook.read_bytes())
    text = tmp_path / "daftar.xls"
    text.write_bytes(codecs.BOM_UTF8 + b"Nama;Instansi\nAndi;KPU\n")

    xlsb = tmp_path / "biner.xlsb"
    with zipfile.ZipFile(xlsb, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    with pytest.raises(FileFormatError, match=r"Excel Binary \(.xlsb\) yang tidak didukung"):
        read_sheet(xlsb)
    assert read_sheet(renamed).kind == "xlsx"
    assert read_sheet(text).kind == "csv"
    assert read_participants_file(text).entries[0].person.name == "Andi"
