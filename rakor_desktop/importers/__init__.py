"""Reading invitation lists from files people already have: Excel workbooks and CSV.

This module holds the part that does not depend on the file format: finding the
header row among title rows, recognising the column names a secretariat uses
(:func:`guess_mapping`), and turning the rows below it into people with their
role, with a problem list that names the row numbers as shown in the file
(:func:`participants_from_rows`). A format reader only has to produce the cells
as a list of rows of text: :mod:`rakor_desktop.importers.csv_import` does it for
CSV and :mod:`rakor_desktop.importers.xlsx_import` for workbooks (.xlsx,
.xlsm, .xls, .ods); :func:`read_sheet` chooses the reader by the content of the
file, read once with bounds (:func:`rakor_desktop.safe_files.read_user_file`).

A row's problems are of two kinds. An *error* (no name, a "name" of a thousand
characters) keeps the row out until the user excludes it or fixes the file. A
*warning* is about an optional field (a NIP that Excel rounded, ``#VALUE!`` in
the NIP column, an unknown role): the person is real and invited, so the row is
imported with that field left empty, and the warning names the row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from rakor_desktop.formatting import (
    format_name,
    normalize_for_search,
    normalize_nip_nrp,
    nrp_warning,
    split_titles,
)
from rakor_desktop.messages import (
    FileFormatError,
    RakorError,
    ValidationError,
    text,
)
from rakor_desktop.models import Person, Role
from rakor_desktop.safe_files import read_user_file

__all__ = [
    "EXCEL_SUFFIXES",
    "HEADER_SEARCH_ROWS",
    "MAX_FILE_BYTES",
    "MAX_NAME_LENGTH",
    "Column",
    "MergedRange",
    "ParticipantRow",
    "ParticipantTable",
    "RowProblem",
    "SheetData",
    "check_readable_file",
    "clean_phone",
    "damaged_workbook",
    "find_header_row",
    "guess_mapping",
    "participants_from_rows",
    "read_participants_file",
    "read_sheet",
    "refusal",
    "sniff_kind",
    "split_pangkat_golongan",
]

HEADER_SEARCH_ROWS = 15
"""The header row is looked for among this many rows at the top of the file."""

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
MAX_NAME_LENGTH = 200
"""A "name" longer than this is not a name (a paragraph pasted into the cell)."""
MAX_FIELD_LENGTH = 500
"""Other fields are cut to this length (with a warning)."""
EXCEL_ERRORS = frozenset({
    "#VALUE!", "#N/A", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
    "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
})  # fmt: skip
PROBLEMS_SHOWN = 5
"""How many row problems a refusal message lists."""


class Column(StrEnum):
    """What a column of an invitation list holds."""

    NO = "no"  # row number of the list: ignored
    NAME = "name"
    FRONT_TITLES = "front_titles"
    BACK_TITLES = "back_titles"
    TITLES = "titles"  # one "Gelar" column with front and back titles
    NIP = "nip"  # a NIP or an NRP ("NIP/NRP")
    NRP = "nrp"  # a column of its own for the NRP of Polri/TNI officers, beside a NIP column
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
    Column.NIP: frozenset({"nip", "nip baru", "nip nrp", "nrp nip"}),
    Column.NRP: frozenset({"nrp"}),
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
    """What is wrong with one row of the file.

    ``row`` is the row number as shown in the file (the first row is 1), as a
    spreadsheet program numbers it. An error keeps the row out of the import; a
    warning (``warning=True``) does not: the field it is about is left empty.
    """

    row: int
    indonesian: str
    english: str
    warning: bool = False

    def __str__(self) -> str:
        # Without format parameters: the problem is whole (a parameter would be cut).
        return f"{text('baris', 'row')} {self.row}: {text(self.indonesian, self.english)}"


@dataclass
class ParticipantRow:
    """One person read from the file.

    A row with problems is kept too (for a preview that shows what is wrong):
    its person then holds what could be read, with the NIP as typed.

    Attributes:
        row: The row number as shown in the file.
        person: The person read (titles split off the name).
        role: The role at the event (peserta when the file does not say).
        problems: Why the row cannot be imported as it is (errors); empty when it can.
        role_given: Whether the file named the role (an update then changes it).
        warnings: What was left out of an optional field, and why.
        raw_nip: The NIP cell as typed when it is not a valid NIP (the
            person's NIP is then empty).
    """

    row: int
    person: Person
    role: Role
    problems: list[RowProblem] = field(default_factory=list)
    role_given: bool = False
    warnings: list[RowProblem] = field(default_factory=list)
    raw_nip: str = ""


@dataclass
class ParticipantTable:
    """What was read from an invitation list, before anything is saved.

    Attributes:
        header_row: Row number (1-based, as in the file) of the column names.
        mapping: Which column index holds which field.
        ignored_columns: Names of the columns that were not recognised.
        entries: Every person row read, in file order, with its problems.
        notes: Warnings about the file rather than a person (rows left out
            because they look like a signature block).
    """

    header_row: int
    mapping: dict[Column, int]
    ignored_columns: list[str] = field(default_factory=list)
    entries: list[ParticipantRow] = field(default_factory=list)
    notes: list[RowProblem] = field(default_factory=list)

    @property
    def rows(self) -> list[ParticipantRow]:
        """The rows without problems, in file order."""
        return [r for r in self.entries if not r.problems]

    @property
    def problems(self) -> list[RowProblem]:
        """What is wrong, row by row; an import is refused when any."""
        return [p for r in self.entries for p in r.problems]

    @property
    def warnings(self) -> list[RowProblem]:
        """What was left out, row by row (the rows are imported): notes first."""
        return [*self.notes, *(w for r in self.entries for w in r.warnings)]

    @property
    def participants(self) -> list[tuple[Person, Role]]:
        """The people with their role, as :func:`operations.import_invitees` takes them."""
        return [(r.person, r.role) for r in self.rows]

    def raise_for_problems(self, source: str) -> None:
        """Refuse the whole file (all or nothing) when any row has a problem."""
        if self.problems:
            raise refusal(source, self.problems)


def refusal(source: str, problems: list[RowProblem]) -> FileFormatError:
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
    shown = _shorten(raw.strip(), 60)
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


_PHONE_WITHOUT_ZERO = re.compile(r"8[0-9]{8,11}")
_SECTION_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|[A-Za-z]|[0-9]{1,2})\s*[.)]\s+")
_COLUMN_NUMBER = re.compile(r"\(?[0-9]{1,2}\)?")


def clean_phone(value: str) -> str:
    """A phone number as the list gives it, with the 0 a spreadsheet dropped put back.

    A mobile number typed into a number cell (081234567890) is stored as
    81234567890; Indonesian mobile numbers start with 08, so the 0 is restored.
    """
    phone = " ".join(value.split()).lstrip("'\u2018\u2019").strip()
    if _PHONE_WITHOUT_ZERO.fullmatch(phone):
        return "0" + phone
    return phone


def _read_nip(raw: str, row_number: int) -> tuple[str, RowProblem | None]:
    """A NIP (18 digits) or an NRP; or "" with a warning (the field is left empty).

    An NRP of an unusual shape is kept, with a warning (the rule is uncertain).
    """
    try:
        value = normalize_nip_nrp(raw)
    except ValueError as exc:
        indonesian = exc.indonesian if isinstance(exc, RakorError) else str(exc)
        if isinstance(exc, RakorError) and exc.indonesian.startswith("NIP/NRP"):
            return "", RowProblem(
                row_number,
                f"{indonesian}; NIP/NRP dikosongkan",
                f"{exc.english}; the NIP/NRP is left empty",
                warning=True,
            )
        return "", RowProblem(
            row_number,
            f"{indonesian}; NIP dikosongkan",
            f"{_nip_problem_english(raw)}; the NIP is left empty",
            warning=True,
        )
    unusual = nrp_warning(value)
    if unusual is not None:
        return value, RowProblem(row_number, unusual.indonesian, unusual.english, warning=True)
    return value, None


def _shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


_FIELD_NAMES: dict[Column, tuple[str, str]] = {
    Column.NAME: ("Nama", "name"),
    Column.FRONT_TITLES: ("Gelar depan", "front titles"),
    Column.BACK_TITLES: ("Gelar belakang", "back titles"),
    Column.TITLES: ("Gelar", "titles"),
    Column.NIP: ("NIP/NRP", "NIP/NRP"),
    Column.NRP: ("NRP", "NRP"),
    Column.PANGKAT: ("Pangkat", "rank"),
    Column.GOLONGAN: ("Golongan", "grade"),
    Column.PANGKAT_GOLONGAN: ("Pangkat/Golongan", "rank/grade"),
    Column.JABATAN: ("Jabatan", "position"),
    Column.INSTANSI: ("Instansi", "institution"),
    Column.GROUP: ("Kelompok", "group"),
    Column.PHONE: ("No. HP", "phone"),
    Column.GENDER: ("L/P", "sex"),
    Column.ROLE: ("Peran", "role"),
}


def _parse_row(
    cells: Sequence[str], mapping: dict[Column, int], row_number: int, section: str = ""
) -> ParticipantRow:
    problems: list[RowProblem] = []
    warnings: list[RowProblem] = []

    def cell(column: Column) -> str:
        index = mapping.get(column)
        if index is None or index >= len(cells):
            return ""
        value = " ".join(cells[index].split())
        if value.startswith("#") and value.upper() in EXCEL_ERRORS:
            # A formula that failed in Excel: the field is left empty, and said so.
            field_id, field_en = _FIELD_NAMES.get(column, (column.value, column.value))
            warnings.append(
                RowProblem(
                    row_number,
                    f"kolom {field_id} berisi galat Excel {value}; dikosongkan",
                    f"the {field_en} cell holds the Excel error {value}; left empty",
                    warning=True,
                )
            )
            return ""
        if column is not Column.NAME and len(value) > MAX_FIELD_LENGTH:
            field_id, field_en = _FIELD_NAMES.get(column, (column.value, column.value))
            warnings.append(
                RowProblem(
                    row_number,
                    f"kolom {field_id} terlalu panjang ({len(value)} karakter); dipotong",
                    f"the {field_en} is too long ({len(value)} characters); cut short",
                    warning=True,
                )
            )
            return value[:MAX_FIELD_LENGTH]
        return value

    full_name = cell(Column.NAME)
    if len(full_name) > MAX_NAME_LENGTH:
        # Not a name: a paragraph pasted into the cell. Shown cut, never split into titles.
        problems.append(
            RowProblem(
                row_number,
                f"kolom Nama berisi {len(full_name)} karakter; itu bukan nama "
                f"(paling banyak {MAX_NAME_LENGTH})",
                f"the Nama (name) holds {len(full_name)} characters; that is not a name "
                f"(at most {MAX_NAME_LENGTH})",
            )
        )
        front, name, back = "", _shorten(full_name, 80), ""
    else:
        front, name, back = split_titles(full_name)
    if cell(Column.TITLES):
        front, back = _split_titles_cell(cell(Column.TITLES))
    front = cell(Column.FRONT_TITLES) or front
    back = cell(Column.BACK_TITLES) or back
    if not name:
        problems.append(RowProblem(row_number, "kolom Nama kosong", "the Nama (name) is empty"))

    raw_nip = cell(Column.NIP)
    raw_nrp = cell(Column.NRP)
    if not raw_nip.strip(" '\u2018\u2019-") and raw_nrp.strip(" '\u2018\u2019-"):
        # Beside a NIP column, the NRP column holds NRPs only; alone, it is read as
        # "NIP/NRP" (a list headed NRP may still carry a civil servant's NIP).
        labelled = Column.NIP not in mapping or raw_nrp.lstrip().upper().startswith("NRP")
        raw_nip = raw_nrp if labelled else f"NRP {raw_nrp}"
    nip = ""
    shown_nip = ""
    if raw_nip.strip(" '\u2018\u2019-"):
        nip, problem = _read_nip(raw_nip, row_number)
        if problem is not None:
            warnings.append(problem)
            if not nip:
                shown_nip = _shorten(raw_nip, 100)

    pangkat, golongan = split_pangkat_golongan(cell(Column.PANGKAT_GOLONGAN))
    pangkat = cell(Column.PANGKAT) or pangkat
    golongan = _normalize_golongan(cell(Column.GOLONGAN)) or golongan

    role = Role.PESERTA
    raw_role = cell(Column.ROLE)
    role_given = False
    if raw_role:
        found = _ROLE_WORDS.get(normalize_for_search(raw_role))
        if found is None:
            shown = _shorten(raw_role)
            warnings.append(
                RowProblem(
                    row_number,
                    f"peran {shown!r} tidak dikenal (peserta, narasumber, moderator atau "
                    "panitia); diimpor sebagai peserta",
                    f"unknown role {shown!r} (peserta, narasumber, moderator or panitia); "
                    "imported as peserta",
                    warning=True,
                )
            )
        else:
            role, role_given = found, True

    person = Person(
        name=name,
        front_titles=front,
        back_titles=back,
        nip=nip,
        pangkat=pangkat,
        golongan=golongan,
        jabatan=cell(Column.JABATAN),
        instansi=cell(Column.INSTANSI),
        group_name=cell(Column.GROUP) or section,
        phone=clean_phone(cell(Column.PHONE)),
        gender=_GENDER_WORDS.get(normalize_for_search(cell(Column.GENDER)), ""),
    )
    return ParticipantRow(
        row=row_number,
        person=person,
        role=role,
        problems=problems,
        role_given=role_given,
        warnings=warnings,
        raw_nip=shown_nip,
    )


@dataclass(frozen=True)
class MergedRange:
    """A block of merged cells, as indexes into the rows (0-based, both ends included)."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int


_SPREAD_BUDGET = 500_000
"""Cells a sheet's merged blocks may fill at most (a list has far fewer)."""


def _apply_merged_cells(
    rows: Sequence[Sequence[str]], merged: Sequence[MergedRange], header_index: int
) -> tuple[list[Sequence[str]], dict[int, str]]:
    """Spread merged data cells and find section headings below the header.

    A cell merged down over several rows (an instansi or kelompok written once
    for a block of people) holds its value only in its first row: it is copied
    into the rows below. A row whose only text is one cell merged across the
    table ("A. FORKOPIMDA") is a section heading, returned by row index.
    """
    spread: list[Sequence[str]] = list(rows)
    headings: dict[int, str] = {}
    copied: set[int] = set()  # rows already copied (the caller's rows stay as they are)
    # Overlapping blocks (no spreadsheet program writes them) must not multiply the work.
    budget = _SPREAD_BUDGET
    for block in merged:
        top = block.first_row
        if top <= header_index or top >= len(rows):
            continue
        first = rows[top]
        value = first[block.first_column] if block.first_column < len(first) else ""
        if not value.strip():
            continue
        if block.last_row > top:
            end = min(block.last_row, len(rows) - 1) + 1
            budget -= end - top
            if budget < 0:
                break
            for index in range(top + 1, end):
                if index not in copied:
                    spread[index] = list(spread[index])
                    copied.add(index)
                cells = spread[index]
                assert isinstance(cells, list)
                if len(cells) <= block.first_column:
                    cells.extend([""] * (block.first_column + 1 - len(cells)))
                if not cells[block.first_column].strip():
                    cells[block.first_column] = value
        elif block.last_column > block.first_column and len(_filled(first)) == 1:
            headings[top] = value
    return spread, headings


def _section_name(heading: str) -> str:
    """ "A. FORKOPIMDA" → "FORKOPIMDA": a section heading without its numbering."""
    return _SECTION_NUMBERING.sub("", " ".join(heading.split())).strip(" :")


def _is_column_numbering(cells: Sequence[str]) -> bool:
    """A row "1 2 3 4 ..." or "(1) (2) (3) ..." under the header, as official forms have."""
    filled = _filled(cells)
    return len(filled) >= 3 and all(_COLUMN_NUMBER.fullmatch(c.strip()) for c in filled)


def _drop_signature_block(entries: list[ParticipantRow], indexes: list[int]) -> None:
    """Drop the rows of a signature block under the table.

    "Jambi, 14 Desember 2023", "Kepala Badan", "NIP. ..." land in the columns of
    the table. Rows without a name after the last named person, below a blank
    row, are not people; a row without a name inside the table stays a problem.
    """
    last_named = max((i for i, e in enumerate(entries) if e.person.name), default=-1)
    if last_named < 0 or last_named == len(entries) - 1:
        return
    if indexes[last_named + 1] - indexes[last_named] > 1:
        del entries[last_named + 1 :]


_MONTH_WORDS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
    "|january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul"
    "|agu|agt|aug|sep|okt|oct|nov|des|dec"
)
_SIGNATURE_LINE = re.compile(
    rf"\b[0-9]{{1,2}}\s+(?:{_MONTH_WORDS})\.?\s+[0-9]{{4}}\b"  # "Jambi, 14 Desember 2023"
    r"|^\s*(?:nip|nrp)\b"  # "NIP. 19700101 199003 1 001"
    r"|^\s*(?:mengetahui|menyetujui|disahkan|ttd|a\.\s?n\.|u\.\s?b\.)",
    re.IGNORECASE,
)
SIGNATURE_BLOCK_ROWS = 8
"""A signature block under a list has at most this many rows."""


def _signature_text(entry: ParticipantRow) -> str:
    person = entry.person
    name = format_name(person.name, person.front_titles, person.back_titles)
    return " ".join(p for p in (name, entry.raw_nip) if p)


def _split_off_signature_block(
    entries: list[ParticipantRow], indexes: list[int]
) -> RowProblem | None:
    """Take a signature block typed into the Nama column off the end of the list.

    "Jambi, 14 Desember 2023", "Kepala Badan …", the signer's name and
    "NIP. …" under the table, each in the Nama column, are not people. A block
    of at most :data:`SIGNATURE_BLOCK_ROWS` rows at the end, after a blank row
    or starting with a place and date, with a line such as a date, "NIP." or
    "Mengetahui", is removed; the returned warning names its rows.
    """
    first_line = max(1, len(entries) - SIGNATURE_BLOCK_ROWS)
    for start in range(first_line, len(entries)):
        after_gap = indexes[start] - indexes[start - 1] > 1
        text_here = _signature_text(entries[start])
        opens_block = _SIGNATURE_LINE.search(text_here) is not None
        if not (after_gap or opens_block):
            continue
        tail = entries[start:]
        lines = [_signature_text(e) for e in tail]
        if not any(_SIGNATURE_LINE.search(line) for line in lines):
            continue
        first, last = tail[0].row, tail[-1].row
        shown = _shorten(next(line for line in lines if line), 40)
        rows_id = f"baris {first}\u2013{last}" if last != first else f"baris {first}"
        rows_en = f"rows {first}\u2013{last}" if last != first else f"row {first}"
        del entries[start:]
        del indexes[start:]
        return RowProblem(
            first,
            f"tampak seperti blok tanda tangan (\u201c{shown}\u201d, {rows_id}), bukan peserta; "
            "tidak diimpor",
            f"looks like a signature block (\u201c{shown}\u201d, {rows_en}), not participants; "
            "not imported",
            warning=True,
        )
    return None


def participants_from_rows(
    rows: Sequence[Sequence[str]],
    *,
    source: str,
    first_row_number: int = 1,
    mapping: dict[Column, int] | None = None,
    merged: Sequence[MergedRange] = (),
) -> ParticipantTable:
    """Read the people of an invitation list given as rows of cell text.

    Title rows above the header, blank rows, the "No." column, unknown columns,
    a row of column numbers under the header, a repeated header row (lists
    pasted page by page) and a signature block under the table are skipped.
    Rows with problems are kept with their problems (see
    :attr:`ParticipantRow.problems`), not raised.

    Args:
        rows: Every row of the sheet, from its first row, as text cells.
        source: The file name, for messages.
        first_row_number: The row number of ``rows[0]`` as shown in the file.
        mapping: The columns as the user corrected them; None: as recognised.
        merged: Merged cell blocks of a spreadsheet (see :func:`_apply_merged_cells`).

    Raises:
        FileFormatError: No header row (see :func:`find_header_row`) or no
            participant below it.
        ValidationError: ``mapping`` has no column for the name.
    """
    header_index, guessed = find_header_row(rows, source=source)
    if mapping is None:
        mapping = guessed
    elif Column.NAME not in mapping:
        raise ValidationError(
            "Pilih kolom yang berisi nama peserta (Nama).",
            "Choose the column that holds the names (Nama).",
        )
    header = rows[header_index]
    used = set(mapping.values())
    ignored = [c.strip() for i, c in enumerate(header) if c.strip() and i not in used]
    table = ParticipantTable(
        header_row=header_index + first_row_number, mapping=dict(mapping), ignored_columns=ignored
    )
    rows, headings = _apply_merged_cells(rows, merged, header_index)
    data_columns = [i for column, i in mapping.items() if column is not Column.NO]
    header_name_column = guessed[Column.NAME]
    section = ""
    indexes: list[int] = []  # the index in ``rows`` of each entry
    for index in range(header_index + 1, len(rows)):
        if index in headings:
            section = _section_name(headings[index])
            continue
        cells = rows[index]
        if not any(i < len(cells) and cells[i].strip() for i in data_columns):
            continue  # blank row, or only a row number / signature space
        if (
            header_name_column < len(cells)
            and _fold_header(cells[header_name_column]) in _HEADER_NAMES[Column.NAME]
            and guess_mapping(cells) == guessed
        ):
            continue  # the header repeated (a list pasted page by page)
        if index <= header_index + 2 and _is_column_numbering(cells):
            continue
        table.entries.append(_parse_row(cells, mapping, index + first_row_number, section))
        indexes.append(index)
    _drop_signature_block(table.entries, indexes)
    if len(table.entries) > 1:
        note = _split_off_signature_block(table.entries, indexes)
        if note is not None:
            table.notes.append(note)
    if not table.entries:
        raise FileFormatError(
            f"Berkas {source} tidak berisi peserta: di bawah judul kolom (baris "
            f"{table.header_row}) tidak ada baris yang berisi nama.",
            f"The file {source} holds no participants: no row below the column names "
            f"(row {table.header_row}) has a name.",
        )
    return table


# -- reading a file of any supported kind ----------------------------------------------


@dataclass
class SheetData:
    """The cells of one sheet of a workbook (or of a CSV file) as text.

    Attributes:
        path: The file read.
        kind: "xlsx", "xls", "ods" or "csv".
        rows: Every row from the first one of the sheet, as text cells (a row
            may be shorter than others; a blank row is an empty list).
        sheet: The name of the sheet read ("" for CSV).
        sheets: The names of the sheets of the workbook (empty for CSV).
        merged: The merged cell blocks of the sheet.
        encoding: The text encoding of a CSV file ("" for a workbook), as
            detected or as chosen (see :func:`rakor_desktop.importers.csv_import.decode_csv`).
        encoding_detected: Whether the encoding was detected (not chosen).
    """

    path: Path
    kind: str
    rows: list[list[str]]
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    merged: list[MergedRange] = field(default_factory=list)
    encoding: str = ""
    encoding_detected: bool = True

    @property
    def source(self) -> str:
        """The file name (and sheet) as messages name it."""
        return self.path.name

    def table(self, mapping: dict[Column, int] | None = None) -> ParticipantTable:
        """The people of the sheet (see :func:`participants_from_rows`)."""
        return participants_from_rows(
            self.rows, source=self.source, mapping=mapping, merged=self.merged
        )

    def set_cell(self, row_number: int, column: int, value: str) -> None:
        """Correct one cell (a NIP typed in the preview); ``row_number`` as in the file."""
        index = row_number - 1
        if not 0 <= index < len(self.rows) or column < 0:
            raise IndexError(f"no cell at row {row_number}, column {column}")
        cells = self.rows[index]
        if len(cells) <= column:
            cells.extend([""] * (column + 1 - len(cells)))
        cells[column] = value


MAX_FILE_BYTES = 50 * 1024 * 1024
"""Larger files are refused: an invitation list of 20,000 people is about 1.5 MB."""

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def sniff_kind(data: bytes, path: Path) -> str:
    """What a file holds, told by its content and never by its name.

    Returns:
        "xlsx" (also .xlsm), "ods", "xls" or "csv" (any text).

    Raises:
        FileFormatError: A password-protected workbook, or a ZIP archive that
            is no spreadsheet (a Word document, a folder zipped).
    """
    if data.startswith(_ZIP_MAGIC):
        # The first member of an OpenDocument file is its uncompressed "mimetype".
        if _ODS_MIMETYPE in data[:200]:
            return "ods"
        if b"xl/workbook.bin" in data:
            # Excel's binary format: its sheets cannot be measured before calamine reads them.
            raise FileFormatError(
                f"Berkas {path.name} berformat Excel Binary (.xlsb) yang tidak didukung. Buka di "
                "Excel, simpan sebagai \u201cExcel Workbook (.xlsx)\u201d, lalu impor berkas itu.",
                f"The file {path.name} is an Excel Binary workbook (.xlsb), which is not "
                "supported. Open it in Excel, save it as \u201cExcel Workbook (.xlsx)\u201d, then "
                "import that file.",
            )
        if b"xl/workbook" in data or b"[Content_Types].xml" in data[:4096]:
            return "xlsx"
        if b"content.xml" in data:
            return "ods"
        raise damaged_workbook(path, "arsip ZIP tanpa lembar kerja", "a ZIP archive with no sheet")
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_MARK in data:
            raise FileFormatError(
                f"Berkas {path.name} dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
                "(File > Info > Protect Workbook > Encrypt with Password, kosongkan), simpan, "
                "lalu impor lagi.",
                f"The file {path.name} is password-protected. Open it in Excel, remove the "
                "password (File > Info > Protect Workbook > Encrypt with Password, leave it "
                "empty), save it, then import it again.",
            )
        return "xls"
    return "csv"


def check_readable_file(path: Path) -> bytes:
    """The whole content of a file to import, read with bounds (kept for older callers).

    Raises:
        NotFoundError: It does not exist.
        FileFormatError: Not a regular file, too large, or unreadable.
    """
    return read_user_file(path, max_bytes=MAX_FILE_BYTES)


def read_sheet(
    path: Path, *, sheet: str | None = None, encoding: str | None = None
) -> SheetData:
    """Read the cells of an invitation list: a workbook (.xlsx, .xlsm, .xls, .ods) or CSV.

    The file is read once, with bounds (a FIFO, a device or a file over
    :data:`MAX_FILE_BYTES` is refused), and its kind is told by the content, not
    the name: a workbook renamed .csv is read as a workbook, CSV text named
    .xlsx as CSV. Password-protected workbooks are refused with what to do.

    Args:
        path: The file.
        sheet: The sheet of a workbook to read; None: the first sheet that holds
            a list (see :func:`rakor_desktop.importers.xlsx_import.read_workbook`).
        encoding: The text encoding of a CSV file; None: detected.

    Raises:
        NotFoundError: The file (or the sheet) does not exist.
        FileFormatError: The file cannot be read; nothing was changed.
    """
    data = read_user_file(path, max_bytes=MAX_FILE_BYTES)
    kind = sniff_kind(data, path)
    # Imported here: both readers build on this module.
    if kind == "csv":
        from rakor_desktop.importers.csv_import import sheet_from_bytes

        return sheet_from_bytes(path, data, encoding=encoding)
    from rakor_desktop.importers.xlsx_import import read_workbook

    return read_workbook(path, data, kind, sheet=sheet)


def read_participants_file(path: Path, *, sheet: str | None = None) -> ParticipantTable:
    """Read an invitation list from a workbook or a CSV file (problems per row collected).

    Raises:
        FileFormatError: An unsupported kind of file or an unreadable one.
        NotFoundError: The file does not exist.
    """
    return read_sheet(path, sheet=sheet).table()


def damaged_workbook(path: Path, reason_id: str, reason_en: str) -> FileFormatError:
    """The refusal of a workbook that cannot be opened."""
    return FileFormatError(
        f"Berkas {path.name} bukan buku kerja Excel (.xlsx) yang utuh ({reason_id}). "
        "Buka di Excel lalu simpan ulang sebagai \u201cExcel Workbook (.xlsx)\u201d, atau "
        "simpan sebagai \u201cCSV UTF-8\u201d.",
        f"The file {path.name} is not an intact Excel workbook (.xlsx) ({reason_en}). Open it "
        "in Excel and save it again as \u201cExcel Workbook (.xlsx)\u201d, or save it as "
        "\u201cCSV UTF-8\u201d.",
    )
