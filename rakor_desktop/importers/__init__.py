"""Reading invitation lists from files people already have (CSV now, Excel later).

This module holds the part that does not depend on the file format: finding the
header row among title rows, recognising the column names a secretariat uses
(:func:`guess_mapping`), and turning the rows below it into people with their
role, with a problem list that names the row numbers as shown in the file
(:func:`participants_from_rows`). A format reader only has to produce the cells
as a list of rows of text: :mod:`rakor_desktop.importers.csv_import` does it for
CSV, and an Excel reader can reuse everything here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from rakor_desktop.formatting import normalize_for_search, normalize_nip, split_titles
from rakor_desktop.messages import FileFormatError, text
from rakor_desktop.models import Person, Role

__all__ = [
    "EXCEL_SUFFIXES",
    "HEADER_SEARCH_ROWS",
    "Column",
    "ParticipantRow",
    "ParticipantTable",
    "RowProblem",
    "excel_not_supported",
    "find_header_row",
    "guess_mapping",
    "participants_from_rows",
    "read_participants_file",
    "split_pangkat_golongan",
]

HEADER_SEARCH_ROWS = 15
"""The header row is looked for among this many rows at the top of the file."""

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
PROBLEMS_SHOWN = 5
"""How many row problems a refusal message lists."""


class Column(StrEnum):
    """What a column of an invitation list holds."""

    NO = "no"  # row number of the list: ignored
    NAME = "name"
    FRONT_TITLES = "front_titles"
    BACK_TITLES = "back_titles"
    TITLES = "titles"  # one "Gelar" column with front and back titles
    NIP = "nip"
    PANGKAT = "pangkat"
    GOLONGAN = "golongan"
    PANGKAT_GOLONGAN = "pangkat_golongan"  # "Pembina, IV/a" in one column
    JABATAN = "jabatan"
    INSTANSI = "instansi"
    GROUP = "group"
    PHONE = "phone"
    GENDER = "gender"
    ROLE = "role"


# Column names as folded by normalize_for_search ("Instansi/Unit Kerja" →
# "instansi unit kerja", "No. HP" → "no hp", "L/P" → "l p").
_HEADER_NAMES: dict[Column, frozenset[str]] = {
    Column.NO: frozenset({"no", "nomor", "no urut", "nomor urut", "urut"}),
    Column.NAME: frozenset({
        "nama", "nama lengkap", "nama peserta", "nama undangan", "nama dan gelar",
        "nama gelar", "nama lengkap dan gelar", "nama lengkap gelar", "nama lengkap beserta gelar",
        "name", "full name",
    }),
    Column.FRONT_TITLES: frozenset({"gelar depan"}),
    Column.BACK_TITLES: frozenset({"gelar belakang"}),
    Column.TITLES: frozenset({"gelar", "gelar akademik"}),
    Column.NIP: frozenset({"nip", "nip baru"}),
    Column.PANGKAT: frozenset({"pangkat"}),
    Column.GOLONGAN: frozenset({"gol", "golongan", "gol ruang", "golongan ruang"}),
    Column.PANGKAT_GOLONGAN: frozenset({
        "pangkat golongan", "pangkat gol", "pangkat gol ruang", "pangkat golongan ruang",
    }),
    Column.JABATAN: frozenset({"jabatan", "position"}),
    Column.INSTANSI: frozenset({
        "instansi", "unit kerja", "instansi unit kerja", "opd", "satuan kerja", "satker",
        "asal instansi", "perangkat daerah", "lembaga", "instansi lembaga", "instansi opd",
        "nama instansi", "nama opd", "nama unit kerja", "institution", "organization",
        "organisation",
    }),
    Column.GROUP: frozenset({"kelompok", "kategori", "group", "grup", "kelompok peserta"}),
    Column.PHONE: frozenset({
        "no hp", "hp", "nomor hp", "no hp wa", "hp wa", "no wa", "wa", "whatsapp", "telepon",
        "no telp", "telp", "no telepon", "nomor telepon", "telepon hp", "phone",
    }),
    Column.GENDER: frozenset({"l p", "jenis kelamin", "jk", "gender"}),
    Column.ROLE: frozenset({"peran", "role", "sebagai"}),
}  # fmt: skip
_COLUMN_BY_HEADER: dict[str, Column] = {
    name: column for column, names in _HEADER_NAMES.items() for name in names
}

_ROLE_WORDS: dict[str, Role] = {
    "peserta": Role.PESERTA,
    "participant": Role.PESERTA,
    "undangan": Role.PESERTA,
    "narasumber": Role.NARASUMBER,
    "nara sumber": Role.NARASUMBER,
    "pemateri": Role.NARASUMBER,
    "pembicara": Role.NARASUMBER,
    "speaker": Role.NARASUMBER,
    "moderator": Role.MODERATOR,
    "panitia": Role.PANITIA,
    "committee": Role.PANITIA,
}
_GENDER_WORDS: dict[str, str] = {
    "l": "L", "laki laki": "L", "lakilaki": "L", "laki": "L", "pria": "L", "m": "L", "male": "L",
    "p": "P", "perempuan": "P", "wanita": "P", "w": "P", "f": "P", "female": "P",
}  # fmt: skip

# "IV/a", "III/d", "IV.b", "II / c": a golongan inside a pangkat text.
_GOLONGAN = re.compile(r"(?<![\w/])(IV|III|II|I)\s*[/.]\s*([a-eA-E])(?![\w/])")


@dataclass(frozen=True)
class RowProblem:
    """Why one row of the file cannot be imported.

    ``row`` is the row number as shown in the file (the first row is 1), as a
    spreadsheet program numbers it.
    """

    row: int
    indonesian: str
    english: str

    def __str__(self) -> str:
        return text(
            "baris {row}: {problem}",
            "row {row}: {problem}",
            row=self.row,
            problem=text(self.indonesian, self.english),
        )


@dataclass
class ParticipantRow:
    """One person read from the file."""

    row: int
    person: Person
    role: Role


@dataclass
class ParticipantTable:
    """What was read from an invitation list, before anything is saved.

    Attributes:
        header_row: Row number (1-based, as in the file) of the column names.
        mapping: Which column index holds which field.
        ignored_columns: Names of the columns that were not recognised.
        rows: The people read, in file order (rows with problems left out).
        problems: What is wrong, row by row; an import is refused when any.
    """

    header_row: int
    mapping: dict[Column, int]
    ignored_columns: list[str] = field(default_factory=list)
    rows: list[ParticipantRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def participants(self) -> list[tuple[Person, Role]]:
        """The people with their role, as :func:`operations.import_invitees` takes them."""
        return [(r.person, r.role) for r in self.rows]

    def raise_for_problems(self, source: str) -> None:
        """Refuse the whole file (all or nothing) when any row has a problem."""
        if self.problems:
            raise _refusal(source, self.problems)


def _refusal(source: str, problems: list[RowProblem]) -> FileFormatError:
    """One message listing the first problems with their row numbers, in both languages."""
    shown = problems[:PROBLEMS_SHOWN]
    rest = len(problems) - len(shown)
    listed_id = "; ".join(f"baris {p.row}: {p.indonesian}" for p in shown)
    listed_en = "; ".join(f"row {p.row}: {p.english}" for p in shown)
    more_id = f"; dan {rest} masalah lainnya" if rest else ""
    more_en = f"; and {rest} more" if rest else ""
    # Built here without format parameters: file names and cell text may contain braces.
    return FileFormatError(
        f"Impor dari {source} dibatalkan, tidak ada yang disimpan. "
        f"{len(problems)} masalah: {listed_id}{more_id}. Perbaiki berkasnya lalu impor lagi.",
        f"Import from {source} refused, nothing was saved. "
        f"{len(problems)} problem(s): {listed_en}{more_en}. Fix the file and import it again.",
    )


# -- recognising the columns ----------------------------------------------------------


def _fold_header(cell: str) -> str:
    """A column name folded for matching: "Instansi/Unit Kerja*" → "instansi unit kerja"."""
    return normalize_for_search(cell)


def guess_mapping(header_cells: Sequence[str]) -> dict[Column, int]:
    """Recognise the column names of a header row.

    Args:
        header_cells: The cells of one row, as text.

    Returns:
        The column index of every field recognised (the first column wins when a
        field appears twice). Unknown columns ("Tanda Tangan", "Keterangan") are
        left out.
    """
    mapping: dict[Column, int] = {}
    for index, cell in enumerate(header_cells):
        column = _COLUMN_BY_HEADER.get(_fold_header(cell))
        if column is not None and column not in mapping:
            mapping[column] = index
    return mapping


def _filled(cells: Sequence[str]) -> list[str]:
    return [c for c in cells if c.strip()]


def find_header_row(
    rows: Sequence[Sequence[str]], *, source: str, search_rows: int = HEADER_SEARCH_ROWS
) -> tuple[int, dict[Column, int]]:
    """Find the row with the column names among the title rows at the top.

    A header row has a "Nama" column and at least half of its filled cells are
    recognised column names (so a title such as "DAFTAR HADIR" never qualifies).

    Returns:
        The 0-based index of the header row in ``rows`` and its mapping.

    Raises:
        FileFormatError: The file is empty, or no header row is found, or the
            header found has no "Nama" column.
    """
    if not any(_filled(row) for row in rows):
        raise FileFormatError(
            f"Berkas {source} kosong: tidak ada baris yang berisi data.",
            f"The file {source} is empty: no row holds any data.",
        )
    without_name: list[str] | None = None
    for index, row in enumerate(rows[:search_rows]):
        filled = _filled(row)
        if not filled:
            continue
        mapping = guess_mapping(row)
        if Column.NAME in mapping and 2 * len(mapping) >= len(filled):
            return index, mapping
        if without_name is None and len(mapping) >= 2 and 2 * len(mapping) >= len(filled):
            without_name = [row[i].strip() for i in sorted(mapping.values())]
    if without_name is not None:
        found = ", ".join(without_name)
        raise FileFormatError(
            f"Berkas {source} tidak punya kolom Nama (kolom yang dikenali: {found}). "
            "Beri judul \u201cNama\u201d pada kolom nama peserta.",
            f"The file {source} has no Nama (name) column (columns recognised: {found}). "
            "Head the column of names \u201cNama\u201d.",
        )
    raise FileFormatError(
        f"Judul kolom tidak ditemukan di {search_rows} baris pertama berkas {source}. "
        "Daftar harus punya baris judul kolom dengan kolom \u201cNama\u201d "
        "(mis. No, Nama, NIP, Jabatan, Instansi).",
        f"No row of column names found in the first {search_rows} rows of {source}. "
        "The list needs a header row with a \u201cNama\u201d column "
        "(e.g. No, Nama, NIP, Jabatan, Instansi).",
    )


# -- reading the rows -----------------------------------------------------------------


def split_pangkat_golongan(value: str) -> tuple[str, str]:
    """Split "Pembina, IV/a" or "Pembina Tk. I (IV/b)" into pangkat and golongan.

    A value without a recognisable golongan is all pangkat; a golongan alone
    ("III/d") gives an empty pangkat. The golongan is written "IV/a".
    """
    value = " ".join(value.split())
    match = _GOLONGAN.search(value)
    if match is None:
        return value, ""
    golongan = f"{match.group(1)}/{match.group(2).lower()}"
    rest = value[: match.start()] + value[match.end() :]
    rest = re.sub(r"\(\s*\)", "", rest)
    pangkat = " ".join(rest.split()).strip(" ,;/-")
    return pangkat, golongan


def _normalize_golongan(value: str) -> str:
    value = " ".join(value.split())
    match = _GOLONGAN.fullmatch(value)
    return f"{match.group(1)}/{match.group(2).lower()}" if match else value


def _split_titles_cell(value: str) -> tuple[str, str]:
    """Front and back titles of a single "Gelar" column ("Dr., M.Si.")."""
    front, rest, back = split_titles(value)
    return front, ", ".join(part for part in (rest, back) if part)


def _nip_problem_english(raw: str) -> str:
    shown = raw.strip()
    digits = re.sub(r"[^0-9]", "", shown)
    if re.search(r"[eE][+-]?[0-9]+$", shown.replace(" ", "")):
        return (
            f"the NIP {shown!r} was turned into scientific notation by Excel and lost its last "
            "digits; format the cell as Text and type the full 18-digit NIP"
        )
    if len(digits) == 18 and digits.endswith("000"):
        return (
            f"the NIP {shown!r} ends in 000, a sign Excel rounded it; format the cell as Text "
            "and type the full 18-digit NIP"
        )
    return f"invalid NIP {shown!r}: a NIP has exactly 18 digits (found {len(digits)})"


def _parse_row(
    cells: Sequence[str], mapping: dict[Column, int], row_number: int
) -> tuple[ParticipantRow | None, list[RowProblem]]:
    def cell(column: Column) -> str:
        index = mapping.get(column)
        if index is None or index >= len(cells):
            return ""
        return " ".join(cells[index].split())

    problems: list[RowProblem] = []
    front, name, back = split_titles(cell(Column.NAME))
    if cell(Column.TITLES):
        front, back = _split_titles_cell(cell(Column.TITLES))
    front = cell(Column.FRONT_TITLES) or front
    back = cell(Column.BACK_TITLES) or back
    if not name:
        problems.append(RowProblem(row_number, "kolom Nama kosong", "the Nama (name) is empty"))

    nip = ""
    raw_nip = cell(Column.NIP)
    if raw_nip.strip(" '\u2018\u2019-"):
        try:
            nip = normalize_nip(raw_nip)
        except ValueError as exc:
            problems.append(RowProblem(row_number, str(exc), _nip_problem_english(raw_nip)))

    pangkat, golongan = split_pangkat_golongan(cell(Column.PANGKAT_GOLONGAN))
    pangkat = cell(Column.PANGKAT) or pangkat
    golongan = _normalize_golongan(cell(Column.GOLONGAN)) or golongan

    role = Role.PESERTA
    raw_role = cell(Column.ROLE)
    if raw_role:
        found = _ROLE_WORDS.get(normalize_for_search(raw_role))
        if found is None:
            problems.append(
                RowProblem(
                    row_number,
                    f"peran {raw_role!r} tidak dikenal (gunakan peserta, narasumber, "
                    "moderator atau panitia)",
                    f"unknown role {raw_role!r} (use peserta, narasumber, moderator or panitia)",
                )
            )
        else:
            role = found

    if problems:
        return None, problems
    person = Person(
        name=name,
        front_titles=front,
        back_titles=back,
        nip=nip,
        pangkat=pangkat,
        golongan=golongan,
        jabatan=cell(Column.JABATAN),
        instansi=cell(Column.INSTANSI),
        group_name=cell(Column.GROUP),
        phone=cell(Column.PHONE).lstrip("'\u2018\u2019").strip(),
        gender=_GENDER_WORDS.get(normalize_for_search(cell(Column.GENDER)), ""),
    )
    return ParticipantRow(row=row_number, person=person, role=role), []


def participants_from_rows(
    rows: Sequence[Sequence[str]], *, source: str, first_row_number: int = 1
) -> ParticipantTable:
    """Read the people of an invitation list given as rows of cell text.

    Title rows above the header, blank rows, the "No." column, unknown columns
    and a repeated header row (lists pasted page by page) are skipped. Rows with
    problems are collected in :attr:`ParticipantTable.problems`, not raised.

    Args:
        rows: Every row of the sheet, from its first row, as text cells.
        source: The file name, for messages.
        first_row_number: The row number of ``rows[0]`` as shown in the file.

    Raises:
        FileFormatError: No header row (see :func:`find_header_row`) or no
            participant below it.
    """
    header_index, mapping = find_header_row(rows, source=source)
    header = rows[header_index]
    ignored = [c.strip() for i, c in enumerate(header) if c.strip() and i not in mapping.values()]
    table = ParticipantTable(
        header_row=header_index + first_row_number, mapping=mapping, ignored_columns=ignored
    )
    data_columns = [i for column, i in mapping.items() if column is not Column.NO]
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        if not any(i < len(cells) and cells[i].strip() for i in data_columns):
            continue  # blank row, or only a row number / signature space
        if guess_mapping(cells) == mapping:
            continue  # the header repeated (a list pasted page by page)
        parsed, problems = _parse_row(cells, mapping, index + first_row_number)
        table.problems.extend(problems)
        if parsed is not None:
            table.rows.append(parsed)
    if not table.rows and not table.problems:
        raise FileFormatError(
            f"Berkas {source} tidak berisi peserta: di bawah judul kolom (baris "
            f"{table.header_row}) tidak ada baris yang berisi nama.",
            f"The file {source} holds no participants: no row below the column names "
            f"(row {table.header_row}) has a name.",
        )
    return table


def read_participants_file(path: Path) -> ParticipantTable:
    """Read an invitation list from a file, choosing the reader by its kind.

    Raises:
        FileFormatError: An unsupported kind of file (Excel, for now) or an
            unreadable one.
        NotFoundError: The file does not exist.
    """
    if path.suffix.lower() in EXCEL_SUFFIXES:
        raise excel_not_supported(path)
    # Imported here: csv_import builds on this module.
    from rakor_desktop.importers.csv_import import read_csv_table

    return read_csv_table(path)


def excel_not_supported(path: Path) -> FileFormatError:
    """The refusal of an Excel workbook until the Excel reader exists."""
    return FileFormatError(
        f"Berkas Excel ({path.name}) belum didukung. Buka di Excel, simpan sebagai "
        "\u201cCSV UTF-8\u201d (File > Save As), lalu impor berkas CSV itu.",
        f"Excel workbooks ({path.name}) are not supported yet. Open it in Excel, save it as "
        "\u201cCSV UTF-8\u201d (File > Save As), then import that CSV file.",
    )
