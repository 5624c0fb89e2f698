"""A few hundred malformed invitation files fed to the importers, each batch in a child
process with a time and a memory bound: every file gives a one-line message (a
RakorError) or imports; none crashes, hangs or runs away with memory.

The files are generated here, deterministically (a fixed seed): truncated and
bit-flipped workbooks of every kind, random bytes under every name, compression
bombs and parts that lie about their size, far-away and nonsense cell references,
deep and broken XML, repeated OpenDocument rows and cells, damaged compound files,
and CSV text in broken or unusual encodings.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.core.import_sandbox import Outcome, read_in_sandbox
from tests.core.test_hostile_imports import FIXTURES, MANIFEST, ods, ods_row

SEED = 20231214
PER_FILE_SECONDS = 3.0
MAIN_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _plain_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["No", "Nama", "NIP", "Jabatan", "Instansi"])
    for n in range(1, 21):
        sheet.append([n, f"Peserta {n}", f"1977031220031210{n:02d}", "Staf", "Dinas"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _replace_member(base: bytes, member: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info.filename, source.read(info.filename))
        target.writestr(member, content)
    return out.getvalue()


def _sheet(body: bytes) -> bytes:
    return b"<worksheet " + MAIN_NS + b"><sheetData>" + body + b"</sheetData></worksheet>"


def _lie(data: bytes, member: str, declared: int) -> bytes:
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", raw, info.header_offset + 22, declared)
    central = raw.find(b"PK\x01\x02")
    while central >= 0:
        length = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46 : central + 46 + length] == member.encode():
            struct.pack_into("<I", raw, central + 24, declared)
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def _files(rng: random.Random, folder: Path) -> Iterator[Path]:
    xlsx = _plain_xlsx()
    xls = (FIXTURES / "undangan.xls").read_bytes()
    ods_file = ods(
        folder / "base.ods", ods_row("No", "Nama", "Instansi") + ods_row("1", "Dewi", "FKUB")
    )
    ods_bytes = ods_file.read_bytes()
    ods_file.unlink()
    csv = b"No;Nama;NIP;Instansi\r\n1;Budi Santoso;197703122003122007;KPU\r\n"
    count = 0

    def emit(name: str, data: bytes) -> Path:
        nonlocal count
        count += 1
        path = folder / f"{count:03d}-{name}"
        path.write_bytes(data)
        return path

    suffixes = (".xlsx", ".xls", ".ods", ".csv", ".txt", "")
    # Random bytes under every name, some with a spreadsheet's magic at the start.
    for n in range(60):
        head = rng.choice([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe"])
        yield emit(f"acak{n}{suffixes[n % 6]}", head + rng.randbytes(rng.choice([0, 7, 600, 9000])))
    # Truncated and bit-flipped workbooks of each kind.
    for base, suffix in ((xlsx, ".xlsx"), (xls, ".xls"), (ods_bytes, ".ods")):
        for n in range(25):
            yield emit(f"potong{n}{suffix}", base[: rng.randrange(1, len(base))])
        for n in range(25):
            flipped = bytearray(base)
            for _ in range(rng.choice([1, 4, 40])):
                flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
            yield emit(f"balik{n}{suffix}", bytes(flipped))
    # Cell references: far away, nonsense, without references, huge numbers.
    refs = [b"XFD1048576", b"A1048576", b"ZZZZ1", b"A99999999999", b"A0", b"$B$2", b"a1", b""]
    for n, ref in enumerate(refs * 2):
        attribute = b' r="' + ref + b'"' if ref else b""
        body = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c></row>'
        body += b"<row><c" + attribute + b' t="inlineStr"><is><t>Budi</t></is></c></row>'
        if n >= len(refs):
            body = body * 50
        yield emit(f"ref{n}.xlsx", _replace_member(xlsx, "xl/worksheets/sheet1.xml", _sheet(body)))
    # Broken and deep XML in each part calamine reads.
    for n, member in enumerate(
        ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"]
    ):
        yield emit(f"xmlrusak{n}.xlsx", _replace_member(xlsx, member, b"<a><b></a"))
        yield emit(f"dalam{n}.xlsx", _replace_member(xlsx, member, b"<a>" * 100_000))
        entity = b'<!DOCTYPE a [<!ENTITY x "' + b"x" * 1000 + b'">]><a>' + b"&x;" * 10_000 + b"</a>"
        yield emit(f"entitas{n}.xlsx", _replace_member(xlsx, member, entity))
    # Compression bombs: large declared parts, and parts larger than they declare.
    for n, megabytes in enumerate((101, 150)):
        stream = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(
            stream, "w", zipfile.ZIP_DEFLATED
        ) as target:
            for info in source.infolist():
                target.writestr(info.filename, source.read(info.filename))
            with target.open("xl/media/extra.xml", "w") as big:
                block = b"<x>" + b"A" * (1024 * 1024 - 7) + b"</x>"
                for _ in range(megabytes):
                    big.write(block)
        yield emit(f"bom{n}.xlsx", stream.getvalue())
    for n, member in enumerate(["xl/worksheets/sheet1.xml", "xl/styles.xml"]):
        yield emit(f"bohong{n}.xlsx", _lie(xlsx, member, 10))
    many = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, 210_001)
    )
    yield emit("barisbanyak.xlsx", _replace_member(xlsx, "xl/worksheets/sheet1.xml", _sheet(many)))
    # OpenDocument: repeated rows and cells, far and near.
    for n, (rows, columns) in enumerate(
        [(1_048_575, 1), (1, 16_384), (5_000, 1_024), (10, 10), (2**31, 2**31)]
    ):
        repeated = (
            f'<table:table-row table:number-rows-repeated="{rows}">'
            f'<table:table-cell table:number-columns-repeated="{columns}" '
            'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
        )
        made = ods(folder / "tmp.ods", ods_row("Nama") + repeated)
        yield emit(f"ulang{n}.ods", made.read_bytes())
    (folder / "tmp.ods").unlink()
    no_content = io.BytesIO()
    with zipfile.ZipFile(no_content, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    yield emit("tanpaisi.ods", no_content.getvalue())
    # Compound files with damaged headers (sector sizes, chains, counts).
    for n in range(16):
        damaged = bytearray(xls)
        offset = rng.choice([30, 32, 44, 48, 60, 64, 68, 72, 76, 80, 116])
        damaged[offset : offset + 4] = struct.pack("<I", rng.choice([0, 1, 0xFFFFFFFE, 2**31]))
        yield emit(f"ole{n}.xls", bytes(damaged))
    # CSV text in broken or unusual encodings.
    texts: list[Callable[[], bytes]] = [
        lambda: csv.decode().encode("utf-16-le")[:-1],  # odd length
        lambda: csv + rng.randbytes(200),
        lambda: csv.replace(b"Budi", b"Bu\x00di"),
        lambda: csv.replace(b"Budi", b"Bu\xc3di"),  # a broken UTF-8 sequence
        lambda: csv * 2 + "Renée;café\r\n".encode("cp1252"),
        lambda: b"Nama;Instansi\r\n" + "Budi;KPU\r\n".encode("utf-32"),
        lambda: b"\xef\xbb\xbf" + b";" * 100_000,
        lambda: b"\n" * 300_000,
        lambda: b"\r" * 300_000,
        lambda: b'Nama\r\n"' + b"x" * 200_000,  # an open quote to the end
        lambda: b"Nama;NIP\r\n" + ("Budi;" + "9" * 5000 + "\r\n").encode(),
        lambda: b"Nama\r\n" + ("A" * 100_000).encode() + b"\r\n",
        lambda: b"Nama\r\n" + ("\u0301" * 20_000).encode() + b"\r\n",
        lambda: b"Nama;Peran\r\nBudi;" + "\u202e".encode() * 3 + b"\r\n",
    ]  # fmt: skip
    for n, make in enumerate(texts * 2):
        yield emit(f"teks{n}{('.csv', '.txt', '.xlsx')[n % 3]}", make())


@pytest.mark.slow
def test_malformed_files_get_a_message_or_import_never_a_crash(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    files = list(_files(rng, tmp_path))
    assert len(files) >= 250

    outcomes: dict[str, Outcome] = {}
    batch = 100
    for start in range(0, len(files), batch):
        outcomes.update(read_in_sandbox(files[start : start + batch], timeout=120))

    crashed = {name: o.message for name, o in outcomes.items() if o.outcome == "crash"}
    assert crashed == {}
    slow = {name: o.seconds for name, o in outcomes.items() if o.seconds > PER_FILE_SECONDS}
    assert slow == {}
    for name, outcome in outcomes.items():
        if outcome.outcome == "refused":
            assert outcome.message and "\n" not in outcome.message, name
            assert len(outcome.message) < 600, name
    kinds = {o.outcome for o in outcomes.values()}
    assert kinds == {"ok", "refused"}  # some malformed files still hold a readable list
