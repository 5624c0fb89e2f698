"""How large a workbook's sheets really are, found before calamine reads them.

calamine (the Rust reader behind python-calamine) makes each sheet a dense
rectangle of 32-byte cells from its first to its last used cell, and reads the
cells of .xls and .ods workbooks when the workbook is opened. One cell at
XFD1048576 in a 5 KB .xlsx asks for 512 GB and ends the process; 1 GB of
shared strings in a 3 MB file takes gigabytes. Neither can be caught once
calamine runs, so the parts of the file are measured first, without building
anything large:

* ZIP workbooks (.xlsx, .xlsm, .ods): the declared size of each part, their
  total and compression ratio (:func:`rakor_desktop.safe_files.check_zip_members`);
  then each part calamine will read is decompressed in a stream that stops as
  soon as it gives more than it declared, and the sheets are scanned for their
  last cell (cell references of .xlsx, repeated rows and cells of .ods).
* Old Excel (.xls): the compound-file container is walked and every cell record
  of the BIFF stream gives its row and column.

:func:`workbook_bounds` returns the used area of every sheet (and the cells
Excel shows as errors such as ``#VALUE!``, which calamine turns into empty
text); :func:`check_area` refuses a sheet beyond :data:`MAX_ROWS` rows or
:data:`MAX_CELLS` cells with a message that names its farthest cell.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from rakor_desktop.messages import FileFormatError
from rakor_desktop.safe_files import ZipLimits, check_zip_members, shown_name

__all__ = [
    "MAX_CELLS",
    "MAX_ROWS",
    "SheetBounds",
    "WorkbookBounds",
    "check_area",
    "column_name",
    "workbook_bounds",
]

MAX_ROWS = 200_000
"""A sheet with more rows than this is refused (an invitation list has at most thousands)."""

MAX_CELLS = 3_000_000
"""The largest rectangle of cells (rows × columns up to the last used cell) read:
about 100 MB in calamine. A list of 20,000 people in 12 columns has 240,000."""

ZIP_LIMITS = ZipLimits(max_member_bytes=100 * 1024 * 1024, max_total_bytes=200 * 1024 * 1024)
_CHUNK = 256 * 1024
_MAX_ERRORS = 10_000
_XML_PART = re.compile(r"\.(xml|rels)$", re.IGNORECASE)


@dataclass
class SheetBounds:
    """The used area of one sheet.

    Attributes:
        rows: The number of the last used row (1-based; 0 when empty).
        columns: The number of the last used column (1-based).
        errors: Cells holding an Excel error, by (row, column) 0-based: "#VALUE!".
    """

    rows: int = 0
    columns: int = 0
    errors: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def cells(self) -> int:
        """The size of the rectangle calamine builds."""
        return self.rows * self.columns

    @property
    def last_cell(self) -> str:
        """The farthest cell as a spreadsheet names it: "XFD1048576"."""
        return f"{column_name(max(self.columns, 1) - 1)}{max(self.rows, 1)}"


@dataclass
class WorkbookBounds:
    """The used area of each sheet, by sheet name (or by order when names are unknown).

    Attributes:
        by_name: The bounds of the sheets whose name is known.
        in_order: The bounds of every sheet, in the order of the workbook.
        opened_at_once: The reader builds every sheet when the workbook is
            opened (.xls, .ods): the total must fit too.
    """

    by_name: dict[str, SheetBounds] = field(default_factory=dict)
    in_order: list[SheetBounds] = field(default_factory=list)
    opened_at_once: bool = False

    def of(self, name: str) -> SheetBounds:
        """The bounds of a sheet; the largest of all when its name is not known."""
        found = self.by_name.get(name)
        if found is not None:
            return found
        return max(self.in_order, key=lambda b: b.cells, default=SheetBounds())


def column_name(index: int) -> str:
    """A column as a spreadsheet names it: 0 → "A", 16383 → "XFD"."""
    letters = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_index(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + (letter - ord("A") + 1)
    return number


def _damaged(source: str, detail_id: str, detail_en: str) -> FileFormatError:
    return FileFormatError(
        f"Berkas {source} bukan buku kerja yang utuh ({detail_id}). Buka di program "
        "spreadsheet lalu simpan ulang sebagai \u201cExcel Workbook (.xlsx)\u201d.",
        f"The file {source} is not an intact workbook ({detail_en}). Open it in a "
        "spreadsheet program and save it again as \u201cExcel Workbook (.xlsx)\u201d.",
    )


def _dotted(number: int) -> str:
    """1048576 → "1.048.576", as Indonesian writes thousands."""
    return f"{number:,}".replace(",", ".")


def check_area(bounds: SheetBounds, *, source: str, sheet: str) -> None:
    """Refuse a sheet whose used area is far beyond an invitation list.

    Raises:
        FileFormatError: More than :data:`MAX_ROWS` rows or :data:`MAX_CELLS` cells.
    """
    where_id = f"Lembar \u201c{sheet}\u201d di {source}" if sheet else f"Berkas {source}"
    where_en = f"The sheet \u201c{sheet}\u201d of {source}" if sheet else f"The file {source}"
    hint_id = (
        "Hapus isi sel yang jauh itu (Ctrl+End di Excel menuju ke sana) atau salin daftarnya "
        "ke buku kerja baru, lalu impor lagi."
    )
    hint_en = (
        "Delete what is in that far cell (Ctrl+End in Excel goes there) or copy the list into "
        "a new workbook, then import it again."
    )
    cell = bounds.last_cell
    if bounds.rows > MAX_ROWS:
        raise FileFormatError(
            f"{where_id} memakai baris sampai {_dotted(bounds.rows)} (sel {cell}), lebih dari "
            f"{_dotted(MAX_ROWS)} baris; terlalu banyak untuk sebuah daftar undangan. {hint_id}",
            f"{where_en} uses rows up to {bounds.rows:,} (cell {cell}), more than "
            f"{MAX_ROWS:,} rows; too many for an invitation list. {hint_en}",
        )
    if bounds.cells > MAX_CELLS:
        raise FileFormatError(
            f"{where_id} memakai sel sampai {cell}, jauh di luar sebuah daftar undangan. "
            + hint_id,
            f"{where_en} uses cells up to {cell}, far beyond an invitation list. {hint_en}",
        )


# -- ZIP workbooks ------------------------------------------------------------------------


def _inflate(data: bytes, info: object, source: str) -> Iterator[bytes]:
    """The content of a ZIP member in chunks, never more than the size it declares."""
    import zipfile

    assert isinstance(info, zipfile.ZipInfo)
    name = shown_name(info.filename)
    header = data[info.header_offset : info.header_offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise _damaged(source, f"bagian {name} tidak ditemukan", f"part {name} is missing")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = info.header_offset + 30 + name_length + extra_length
    declared = info.file_size
    if info.compress_type == zipfile.ZIP_STORED:
        content = data[start : start + declared]
        for offset in range(0, len(content), _CHUNK):
            yield content[offset : offset + _CHUNK]
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise _damaged(
            source,
            f"bagian {name} dipadatkan dengan cara yang tidak dikenal",
            f"part {name} is compressed in an unknown way",
        )
    inflater = zlib.decompressobj(-15)
    position = start
    produced = 0
    pending = b""
    try:
        while not inflater.eof:
            if pending:
                feed = pending
            else:
                feed = data[position : position + _CHUNK]
                position += len(feed)
                if not feed:
                    break
            out = inflater.decompress(feed, _CHUNK)
            pending = inflater.unconsumed_tail
            produced += len(out)
            if produced > declared:
                raise _damaged(
                    source,
                    f"bagian {name} lebih besar daripada yang dinyatakan",
                    f"part {name} is larger than it declares",
                )
            if out:
                yield out
    except zlib.error as exc:
        raise _damaged(source, f"bagian {name} rusak", f"part {name} is damaged") from exc
    if produced != declared:
        raise _damaged(source, f"bagian {name} terpotong", f"part {name} is cut short")


def _tags(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """XML text cut only after a ">": no tag is split between two pieces."""
    carry = b""
    for chunk in chunks:
        text = carry + chunk
        cut = text.rfind(b">") + 1
        if cut == 0:
            carry = text[-4096:]
            continue
        yield text[:cut]
        carry = text[cut:]
        if len(carry) > 1024 * 1024:
            carry = carry[-4096:]
    if carry:
        yield carry


_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix ("x:c")
_CELL = re.compile(rb"<" + _P + rb"c[\s>/]")
_CELL_REF = re.compile(rb"<" + _P + rb"c\s[^>]*?\br=\"\$?([A-Za-z]+)\$?([0-9]+)\"")
_PLAIN_CELL_REF = re.compile(rb'<c r="([A-Z]+)([0-9]+)"')
_ROW_OR_CELL = re.compile(rb"<" + _P + rb"(row|c)[\s>/]([^>]*)")
_ROW_NUMBER = re.compile(rb"\br=\"([0-9]{1,9})\"")
_ERROR_CELL = re.compile(
    rb"<" + _P + rb"c\s([^>]*?\bt=\"e\"[^>]*)>(?:<" + _P + rb"f\b[^>]*?(?:/>|>[^<]*</"
    + _P + rb"f>))?<" + _P + rb"v>([^<]{1,40})</"
)  # fmt: skip
_REF = re.compile(rb"\br=\"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})\"")  # of an error cell


def _scan_xlsx_sheet(chunks: Iterator[bytes]) -> SheetBounds:
    """The last used row and column of a worksheet part, and its error cells."""
    bounds = SheetBounds()
    cells = referenced = rows_seen = widest = in_row = 0
    last_row_number = 0
    for text in _tags(chunks):
        # In bulk (a list has hundreds of thousands of cells, in a few distinct columns).
        # A reference that is not letters and digits counts as a cell without one.
        # Excel and LibreOffice write <c r="A1" ...> without a prefix: counted with
        # bytes.count and one plain pattern; anything else takes the general patterns.
        refs: list[tuple[bytes, bytes]] = []
        if b":c " not in text and b":c>" not in text:
            plain = text.count(b"<c ") + text.count(b"<c>") + text.count(b"<c/")
            refs = _PLAIN_CELL_REF.findall(text)
            if len(refs) != plain:
                refs = _CELL_REF.findall(text)
            cells += plain
        else:
            cells += len(_CELL.findall(text))
            refs = _CELL_REF.findall(text)
        if refs:
            referenced += len(refs)
            letters = {column for column, _row in refs}
            bounds.columns = max(bounds.columns, *map(_column_index, letters))
            bounds.rows = max(bounds.rows, *map(int, {row for _column, row in refs}))
        if cells != referenced:
            # Cells without a reference are placed one after the other (rare writers).
            for match in _ROW_OR_CELL.finditer(text):
                if match.group(1) == b"row":
                    rows_seen += 1
                    number = _ROW_NUMBER.search(match.group(2))
                    last_row_number = int(number.group(1)) if number else last_row_number + 1
                    bounds.rows = max(bounds.rows, last_row_number, rows_seen)
                    in_row = 0
                else:
                    in_row += 1
                    widest = max(widest, in_row)
            bounds.columns = max(bounds.columns, widest)
            bounds.rows = max(bounds.rows, 1 if cells else 0)
        if b't="e"' in text and len(bounds.errors) < _MAX_ERRORS:
            for match in _ERROR_CELL.finditer(text):
                ref = _REF.search(match.group(1))
                if ref is not None:
                    row = int(ref.group(2)) - 1
                    column = _column_index(ref.group(1)) - 1
                    bounds.errors[(row, column)] = match.group(2).decode("ascii", "replace")
        if bounds.cells > MAX_CELLS * 4 or bounds.rows > MAX_ROWS * 4:
            break  # refused anyway: no need to read on
    return bounds


_SHEET_ENTRY = re.compile(rb"<" + _P + rb"sheet\s([^>]*)>")
_ATTRIBUTE = re.compile(rb"([\w:.-]+)=\"([^\"]*)\"")
_RELATIONSHIP = re.compile(rb"<" + _P + rb"Relationship\s([^>]*)>")


def _unescape(value: bytes) -> str:
    text = value.decode("utf-8", "replace")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return text.replace("&amp;", "&")


def _xlsx_sheet_parts(parts: dict[str, bytes]) -> list[tuple[str, str]]:
    """(sheet name, part path) of each sheet of workbook.xml, in order."""
    targets: dict[str, str] = {}
    for match in _RELATIONSHIP.finditer(parts.get("xl/_rels/workbook.xml.rels", b"")):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        target = _unescape(attributes.get(b"Target", b"")).lstrip("/")
        if target and not target.startswith("xl/"):
            target = "xl/" + target
        targets[_unescape(attributes.get(b"Id", b""))] = target
    found: list[tuple[str, str]] = []
    for match in _SHEET_ENTRY.finditer(parts.get("xl/workbook.xml", b"")):
        attributes = {
            key.split(b":")[-1]: value for key, value in _ATTRIBUTE.findall(match.group(1))
        }
        name = _unescape(attributes.get(b"name", b""))
        found.append((name, targets.get(_unescape(attributes.get(b"id", b"")), "")))
    return found


_SHARED_STRINGS = re.compile(rb"<" + _P + rb"sst\b([^>]*)>")
_UNIQUE_COUNT = re.compile(rb"\buniqueCount=\"\s*([0-9]+)")


def _check_shared_strings(chunks: Iterator[bytes], size: int, source: str) -> None:
    """Refuse a shared-string table that announces more strings than it can hold.

    calamine reserves room for ``uniqueCount`` strings before reading them: four
    billion end the process. Each string takes at least a few bytes of the part,
    and a list has fewer strings than cells.
    """
    head = b""
    checked = False
    for chunk in chunks:  # all of it: the part must expand to what it declares
        if checked:
            continue
        head += chunk
        match = _SHARED_STRINGS.search(head, 0, 65536)
        if match is None and len(head) < 65536:
            continue
        checked = True
        count = _UNIQUE_COUNT.search(match.group(1)) if match is not None else None
        claimed = int(count.group(1)[:30]) if count is not None else 0
        if claimed > min(MAX_CELLS, size // 4 + 1000):
            raise _damaged(
                source,
                f"daftar teksnya mengaku berisi {_dotted(claimed)} teks",
                f"its string table claims {claimed:,} strings",
            )


def _xlsx_bounds(data: bytes, source: str) -> WorkbookBounds:
    archive = check_zip_members(data, source=source, limits=ZIP_LIMITS)
    by_path: dict[str, SheetBounds] = {}
    small: dict[str, bytes] = {}
    for info in archive.infolist():
        if not _XML_PART.search(info.filename):
            continue  # pictures and the like: calamine does not read them
        chunks = _inflate(data, info, source)
        if info.filename.startswith("xl/worksheets/"):
            by_path[info.filename] = _scan_xlsx_sheet(chunks)
        elif info.filename in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            small[info.filename] = b"".join(chunks)
        elif info.filename == "xl/sharedStrings.xml":
            _check_shared_strings(chunks, info.file_size, source)
        else:
            for _chunk in chunks:  # checked to expand to what it declares, then dropped
                pass
    bounds = WorkbookBounds(in_order=list(by_path.values()))
    for name, part in _xlsx_sheet_parts(small):
        if part in by_path:
            bounds.by_name[name] = by_path[part]
    return bounds


# -- OpenDocument spreadsheets ----------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


class _OdsScanner:
    """Counts rows and cells of content.xml as calamine expands their repetitions."""

    def __init__(self) -> None:
        self.sheets: list[tuple[str, SheetBounds]] = []
        self._row = 0  # rows so far in the current table
        self._row_repeat = 1
        self._column = 0  # cells so far in the current row
        self._cell_repeat = 1
        self._cell_filled = False
        self._row_width = 0
        self._depth_in_cell = 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self._depth_in_cell:
            self._depth_in_cell += 1
            self._cell_filled = True  # text or other content inside a cell
            return
        if tag == f"{_TABLE} table":
            self.sheets.append((attributes.get(f"{_TABLE} name", ""), SheetBounds()))
            self._row = 0
        elif tag == f"{_TABLE} table-row":
            self._row_repeat = _repeat(attributes.get(f"{_TABLE} number-rows-repeated"))
            self._column = 0
            self._row_width = 0
        elif tag in (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell"):
            self._cell_repeat = _repeat(attributes.get(f"{_TABLE} number-columns-repeated"))
            self._cell_filled = f"{_OFFICE} value-type" in attributes
            self._depth_in_cell = 1

    def end(self, tag: str) -> None:
        if self._depth_in_cell > 1:
            self._depth_in_cell -= 1
            return
        if self._depth_in_cell == 1:
            self._depth_in_cell = 0
            self._column += self._cell_repeat
            if self._cell_filled:
                self._row_width = self._column
            return
        if tag == f"{_TABLE} table-row" and self.sheets:
            bounds = self.sheets[-1][1]
            self._row += self._row_repeat
            if self._row_width:
                bounds.rows = self._row
                bounds.columns = max(bounds.columns, self._row_width)


def _repeat(value: str | None) -> int:
    if not value:
        return 1
    try:
        return max(1, min(int(value), 10**9))
    except ValueError:
        return 1


def _ods_bounds(data: bytes, source: str) -> WorkbookBounds:
    archive = check_zip_members(data, source=source, limits=ZIP_LIMITS)
    scanner = _OdsScanner()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = scanner.start
    parser.EndElementHandler = scanner.end

    def no_entities(*_args: object) -> None:
        raise _damaged(source, "berisi deklarasi entitas", "it declares entities")

    parser.EntityDeclHandler = no_entities
    found_content = False
    for info in archive.infolist():
        if not _XML_PART.search(info.filename):
            continue
        chunks = _inflate(data, info, source)
        if info.filename != "content.xml":
            for _chunk in chunks:
                pass
            continue
        found_content = True
        try:
            for chunk in chunks:
                parser.Parse(chunk, False)
                total = sum(b.cells for _n, b in scanner.sheets)
                if total > MAX_CELLS * 4:
                    break
            else:
                parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise _damaged(source, "content.xml rusak", "content.xml is damaged") from exc
    if not found_content:
        raise _damaged(source, "tanpa content.xml", "no content.xml")
    return WorkbookBounds(
        by_name=dict(scanner.sheets),
        in_order=[b for _n, b in scanner.sheets],
        opened_at_once=True,
    )


# -- old Excel (.xls): the compound file and its BIFF records -----------------------------

_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_BIFF_BOF, _BIFF_DIMENSIONS = 0x0809, 0x0200
_BIFF_CELLS = frozenset({0x0006, 0x00FD, 0x0203, 0x0204, 0x027E, 0x0205, 0x00D6, 0x0201})
_BIFF_MULTI = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: row, first column … last column


def _chain(table: list[int], start: int, limit: int) -> list[int]:
    chain: list[int] = []
    sector = start
    while sector < len(table) and sector not in (_FREE, _END) and len(chain) <= limit:
        chain.append(sector)
        sector = table[sector]
    return chain


def _xls_stream(data: bytes, source: str) -> bytes:
    """The Workbook (BIFF8) or Book (BIFF5) stream of a compound file."""
    bad = _damaged(source, "wadah berkas Excel lama rusak", "its old-Excel container is damaged")
    if len(data) < 512:
        raise bad
    shift, mini_shift = struct.unpack("<HH", data[30:34])
    if not 7 <= shift <= 16 or not 2 <= mini_shift <= shift:
        raise bad
    size = 1 << shift
    count = max(0, (len(data) - 512) // size)

    def sector(number: int) -> bytes:
        offset = 512 + number * size
        return data[offset : offset + size]

    (first_dir,) = struct.unpack("<I", data[48:52])
    mini_cutoff, first_minifat, minifat_count, first_difat, difat_count = struct.unpack(
        "<IIIII", data[56:76]
    )
    fat_sectors = [s for s in struct.unpack("<109I", data[76:512]) if s < count]
    next_difat, seen = first_difat, 0
    while next_difat < count and seen < min(difat_count, count):
        difat = struct.unpack(f"<{size // 4}I", sector(next_difat))
        fat_sectors += [s for s in difat[:-1] if s < count]
        next_difat, seen = difat[-1], seen + 1
    fat: list[int] = []
    for number in fat_sectors[:count]:
        fat += struct.unpack(f"<{size // 4}I", sector(number))
    directory = b"".join(sector(s) for s in _chain(fat, first_dir, count))
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    if not entries:
        raise bad
    root_start, _root_size = struct.unpack("<II", entries[0][116:124])
    wanted = None
    for entry in entries:
        name_length = min(struct.unpack("<H", entry[64:66])[0], 64)
        name = entry[: max(0, name_length - 2)].decode("utf-16-le", "replace")
        if entry[66] == 2 and name in ("Workbook", "Book"):
            wanted = entry
            break
    if wanted is None:
        raise bad
    start, length = struct.unpack("<II", wanted[116:124])
    if length >= mini_cutoff:
        stream = b"".join(sector(s) for s in _chain(fat, start, count))
    else:
        mini_size = 1 << mini_shift
        minifat: list[int] = []
        for number in _chain(fat, first_minifat, min(minifat_count, count) or count):
            minifat += struct.unpack(f"<{size // 4}I", sector(number))
        container = b"".join(sector(s) for s in _chain(fat, root_start, count))
        limit = len(container) // mini_size
        stream = b"".join(
            container[s * mini_size : (s + 1) * mini_size] for s in _chain(minifat, start, limit)
        )
    return stream[:length]


def _xls_bounds(data: bytes, source: str) -> WorkbookBounds:
    stream = _xls_stream(data, source)
    sheets: list[SheetBounds] = []
    current: SheetBounds | None = None
    position = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack("<HH", stream[position : position + 4])
        body = stream[position + 4 : position + 4 + length]
        position += 4 + length
        if kind == _BIFF_BOF and len(body) >= 4:
            (substream,) = struct.unpack("<H", body[2:4])
            current = SheetBounds() if substream == 0x0010 else None  # a worksheet
            if current is not None:
                sheets.append(current)
        elif current is None:
            continue
        elif kind in _BIFF_CELLS and len(body) >= 4:
            row, column = struct.unpack("<HH", body[:4])
            current.rows = max(current.rows, row + 1)
            current.columns = max(current.columns, column + 1)
        elif kind in _BIFF_MULTI and len(body) >= 6:
            row = struct.unpack("<H", body[:2])[0]
            (last,) = struct.unpack("<H", body[-2:])
            current.rows = max(current.rows, row + 1)
            current.columns = max(current.columns, last + 1)
        elif kind == _BIFF_DIMENSIONS and len(body) >= 12:
            rows_after, _first_col, columns_after = struct.unpack("<I H H", body[4:12])[0:3]
            current.rows = max(current.rows, min(rows_after, 1 << 20))
            current.columns = max(current.columns, columns_after)
    return WorkbookBounds(in_order=sheets, opened_at_once=True)


# -- all kinds -------------------------------------------------------------------------------


def workbook_bounds(data: bytes, kind: str, *, source: str) -> WorkbookBounds:
    """The used area of every sheet of a workbook given as bytes.

    Args:
        data: The whole file.
        kind: "xlsx" (also .xlsm), "ods" or "xls".
        source: The file name, for messages.

    Raises:
        FileFormatError: The container is damaged or expands beyond its limits
            (a compression bomb); nothing was built.
    """
    try:
        if kind == "xls":
            bounds = _xls_bounds(data, source)
        elif kind == "ods":
            bounds = _ods_bounds(data, source)
        else:
            bounds = _xlsx_bounds(data, source)
    except FileFormatError:
        raise
    except (ValueError, LookupError, struct.error, NotImplementedError, OSError) as exc:
        # A container damaged in a way the checks above do not name.
        raise _damaged(source, type(exc).__name__, type(exc).__name__) from exc
    if bounds.opened_at_once:
        whole = SheetBounds(
            rows=sum(b.rows for b in bounds.in_order),
            columns=max((b.columns for b in bounds.in_order), default=0),
        )
        for sheet in bounds.in_order:
            check_area(sheet, source=source, sheet="")
        if sum(b.cells for b in bounds.in_order) > MAX_CELLS:
            check_area(whole, source=source, sheet="")
    return bounds
