"""The document model: what a notulen or a daftar hadir says, as plain data.

The builders in :mod:`rakor_desktop.exports.documents.build` make one :class:`Document`
from the database; :mod:`~rakor_desktop.exports.documents.docx_render` and
:mod:`~rakor_desktop.exports.documents.pdf_render` turn the same object into a DOCX and a
PDF, so the two files can never say different things. Nothing here knows a file
format: sizes are in centimetres and points, text is plain Unicode (never markup).
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right", "justify"]
Orientation = Literal["portrait", "landscape"]
Paper = Literal["F4", "A4"]
Side = Literal["left", "right"]

PAPER_SIZES_MM: dict[str, tuple[float, float]] = {"F4": (215.0, 330.0), "A4": (210.0, 297.0)}
"""Portrait (width, height) of each paper size in millimetres."""

# Characters XML 1.0 (DOCX) cannot hold and reportlab cannot draw: C0 controls other
# than tab and newline, lone surrogates, and the two non-characters U+FFFE/U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text as both renderers can hold it.

    Line ends become ``\\n``; control characters and lone surrogates (from a
    broken paste or import) are dropped. Everything else, including emoji and
    Arabic, is kept as it is.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    return _UNPRINTABLE.sub("", text)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting; ``\\n`` is a line break, ``\\t`` a tab."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text))


def runs_of(text: str | Run | Sequence[Run], *, bold: bool = False) -> tuple[Run, ...]:
    """Runs from plain text (one run) or from runs given as they are."""
    if isinstance(text, str):
        return (Run(text, bold=bold),) if text else ()
    if isinstance(text, Run):
        return (text,)
    return tuple(text)


def plain_text(runs: Sequence[Run]) -> str:
    """The text of some runs, without formatting."""
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs.

    Attributes:
        runs: The text.
        align: Alignment.
        indent_cm: Left indent of the text (of every line).
        label: A list number or bullet ("1.", "a.", "-") hanging left of the text,
            in the last ``label_cm`` of the indent.
        label_cm: Width reserved for the label.
        size_pt: Font size; None: the document's body size.
        space_before_pt: Space above.
        space_after_pt: Space below.
        keep_with_next: Never the last line on a page before the next block.
    """

    runs: tuple[Run, ...]
    align: Align = "left"
    indent_cm: float = 0.0
    label: str = ""
    label_cm: float = 0.75
    size_pt: float | None = None
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        """The plain text of the paragraph (without its label)."""
        return plain_text(self.runs)


def paragraph(
    text: str | Run | Sequence[Run], *, bold: bool = False, **layout: object
) -> Paragraph:
    """A :class:`Paragraph` from plain text or runs (layout as keyword arguments)."""
    return Paragraph(runs=runs_of(text, bold=bold), **layout)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Heading:
    """A title line: bold, centred by default (e.g. "NOTULA", "DAFTAR HADIR")."""

    text: str
    level: int = 1  # 1: the document title; 2: a subtitle
    align: Align = "center"
    space_after_pt: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text))


@dataclass(frozen=True)
class NumberedList:
    """Items numbered "1.", "2.", ... (or "a.", "b.", ... with ``style="a"``)."""

    items: tuple[tuple[Run, ...], ...]
    style: Literal["1", "a", "-"] = "1"
    indent_cm: float = 0.0
    label_cm: float = 0.75
    start: int = 1

    def labels(self) -> list[str]:
        """The printed label of each item."""
        return [list_label(self.style, self.start + i) for i in range(len(self.items))]

    def paragraphs(self) -> list[Paragraph]:
        """The list as labelled paragraphs (what both renderers draw)."""
        return [
            Paragraph(
                runs=item, label=label, indent_cm=self.indent_cm + self.label_cm,
                label_cm=self.label_cm,
            )
            for item, label in zip(self.items, self.labels(), strict=True)
        ]


def list_label(style: str, number: int) -> str:
    """The label of item ``number`` (from 1) of a list of ``style`` "1", "a" or "-"."""
    if style == "a":
        letters = ""
        n = number
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return f"{letters}."
    if style == "-":
        return "-"
    return f"{number}."


@dataclass(frozen=True)
class KeyValueRow:
    """One line of a header block: ``label : value``.

    ``value`` is a list of paragraphs; a paragraph with a ``label`` ("1.") is a list
    item inside the value column. ``level`` 1 indents the label (the "Ketua" under
    "Pimpinan Sidang/Rapat"). ``colon`` False prints no colon (a label on its own).
    """

    label: str
    value: tuple[Paragraph, ...] = ()
    level: int = 0
    colon: bool = True
    bold_label: bool = False


@dataclass(frozen=True)
class KeyValueBlock:
    """Aligned header fields ("Sidang/Rapat : ...")."""

    rows: tuple[KeyValueRow, ...]
    label_cm: float = 5.0
    colon_cm: float = 0.5
    space_after_pt: float = 6.0


@dataclass(frozen=True)
class SignatureCell:
    """A cell of the zig-zag signature column.

    The column is split in two halves; the row number is printed in the half
    where the person signs (``side``), with the captured signature image there.
    """

    number: int
    side: Side
    png: bytes | None = None


@dataclass(frozen=True)
class Cell:
    """A table cell: paragraphs of runs."""

    paragraphs: tuple[Paragraph, ...]
    align: Align = "left"
    bold: bool = False

    @property
    def text(self) -> str:
        """The plain text of the cell (paragraphs joined by newlines)."""
        return "\n".join(p.text for p in self.paragraphs)


TableCell = Cell | SignatureCell


def cell(text: str | Run | Sequence[Run], *, align: Align = "left", bold: bool = False) -> Cell:
    """A cell from plain text (newlines start new lines) or runs."""
    return Cell(paragraphs=(paragraph(text, bold=bold, align=align),), align=align, bold=bold)


@dataclass(frozen=True)
class Column:
    """A table column: its header text and its share of the width.

    ``signature`` marks the zig-zag signature column (split in two halves).
    """

    title: str
    weight: float
    align: Align = "left"
    signature: bool = False


@dataclass(frozen=True)
class Table:
    """A table whose header row repeats on every page and whose rows never split.

    Attributes:
        columns: Column titles and relative widths (they fill the text width).
        rows: Cells per row, one per column.
        size_pt: Font size of the table text.
        min_row_cm: Minimum row height (room for a signature).
        signature_numbers: Print the row number where the person signs.
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    size_pt: float = 10.0
    header_size_pt: float | None = None
    min_row_cm: float = 0.0
    space_after_pt: float = 6.0

    def widths_cm(self, available_cm: float) -> list[float]:
        """Column widths that fill ``available_cm`` in proportion to the weights."""
        total = sum(c.weight for c in self.columns) or 1.0
        return [available_cm * c.weight / total for c in self.columns]


@dataclass(frozen=True)
class Signature:
    """One signature block: the lines above, a space to sign, the signer's lines.

    ``above`` holds the lines before the jabatan ("Jambi, 14 Desember 2023",
    "Mengetahui,"); the jabatan gets its trailing comma here already.
    """

    above: tuple[str, ...]
    jabatan: str
    name: str
    rank_line: str = ""
    nip_line: str = ""
    space_cm: float = 2.2


@dataclass(frozen=True)
class SignatureBlocks:
    """Signature blocks side by side (one: placed on the right half)."""

    blocks: tuple[Signature, ...]
    space_before_pt: float = 12.0
    keep_with_previous: bool = False  # never alone at the top of a page after a table


@dataclass(frozen=True)
class Letterhead:
    """The kop: logo on the left, the government line, the unit in bold capitals,
    address lines, then a thick and a thin rule."""

    government: str
    unit: str
    address_lines: tuple[str, ...] = ()
    logo: bytes | None = None  # PNG or JPEG
    logo_size_px: tuple[int, int] | None = None  # width, height of the logo image

    @property
    def is_empty(self) -> bool:
        """True when the kop has nothing to show."""
        return not (self.government or self.unit or self.address_lines or self.logo)


@dataclass(frozen=True)
class Margins:
    """Page margins in centimetres."""

    top: float = 2.0
    bottom: float = 2.5
    left: float = 3.0
    right: float = 2.0


@dataclass(frozen=True)
class PageSetup:
    """Paper, orientation and margins of a section."""

    paper: Paper = "F4"
    orientation: Orientation = "portrait"
    margins: Margins = field(default_factory=Margins)

    @property
    def size_mm(self) -> tuple[float, float]:
        """(width, height) of the page as it is used, in millimetres."""
        width, height = PAPER_SIZES_MM[self.paper]
        return (height, width) if self.orientation == "landscape" else (width, height)

    @property
    def text_width_cm(self) -> float:
        """Width between the left and right margins."""
        return self.size_mm[0] / 10 - self.margins.left - self.margins.right

    @property
    def text_height_cm(self) -> float:
        """Height between the top and bottom margins."""
        return self.size_mm[1] / 10 - self.margins.top - self.margins.bottom


@dataclass(frozen=True)
class GridImage:
    """A photo with its caption; ``size_px`` gives the aspect ratio."""

    data: bytes
    size_px: tuple[int, int]
    caption: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "caption", clean_text(self.caption))


@dataclass(frozen=True)
class ImageGrid:
    """Photos two per row, each scaled into its cell with its caption below."""

    images: tuple[GridImage, ...]
    columns: int = 2
    max_height_cm: float = 7.0


@dataclass(frozen=True)
class PageBreak:
    """Continue on a new page."""


@dataclass(frozen=True)
class Spacer:
    """Vertical space."""

    height_pt: float


Block = (
    Paragraph | Heading | NumberedList | KeyValueBlock | Table | SignatureBlocks | Letterhead
    | ImageGrid | PageBreak | Spacer
)


@dataclass(frozen=True)
class Section:
    """Blocks on pages of one setup; every section starts on a new page.

    ``numbered_alone``: the section's pages are numbered on their own ("Halaman 1 dari
    2" of this sheet), like each daftar hadir sheet of one group. Sections without it
    are numbered together with the sections next to them that are without it too.
    """

    page: PageSetup
    blocks: tuple[Block, ...]
    numbered_alone: bool = False


@dataclass(frozen=True)
class Document:
    """A whole document: sections, the body font size, page numbers in the footer."""

    title: str
    sections: tuple[Section, ...]
    body_size_pt: float = 11.0
    page_numbers: bool = True

    def blocks(self) -> Iterator[Block]:
        """Every block of every section, in order."""
        for section in self.sections:
            yield from section.blocks


PAGE_NUMBER_WORDS = ("Halaman", "dari")
"""The footer reads "Halaman 2 dari 5"."""


def numbering_groups(sections: tuple[Section, ...] | list[Section]) -> list[int]:
    """The page-numbering group of each section (see :attr:`Section.numbered_alone`).

    Consecutive sections without ``numbered_alone`` share a group; a section with it is
    a group of its own.
    """
    groups: list[int] = []
    group = -1
    for index, section in enumerate(sections):
        if index == 0 or section.numbered_alone or sections[index - 1].numbered_alone:
            group += 1
        groups.append(group)
    return groups


def page_number_text(page: int, pages: int) -> str:
    """The footer text of one page."""
    return f"{PAGE_NUMBER_WORDS[0]} {page} {PAGE_NUMBER_WORDS[1]} {pages}"


def document_text(document: Document) -> list[str]:
    """Every piece of text of a document in reading order (for tests and search).

    Labels come before their paragraph; table headers before their rows; the
    signature column gives its row numbers.
    """
    out: list[str] = []
    for block in document.blocks():
        out.extend(block_text(block))
    return out


def block_text(block: Block) -> list[str]:
    """The text pieces of one block, in reading order."""
    if isinstance(block, Paragraph):
        return [x for x in (block.label, block.text) if x]
    if isinstance(block, Heading):
        return [block.text]
    if isinstance(block, NumberedList):
        return [x for p in block.paragraphs() for x in block_text(p)]
    if isinstance(block, KeyValueBlock):
        pieces: list[str] = []
        for row in block.rows:
            pieces.append(row.label)
            if row.colon:
                pieces.append(":")
            for value in row.value:
                pieces.extend(block_text(value))
        return pieces
    if isinstance(block, Table):
        pieces = [c.title for c in block.columns]
        for cells in block.rows:
            for item in cells:
                if isinstance(item, SignatureCell):
                    pieces.append(f"{item.number}.")
                else:
                    pieces.extend(p.text for p in item.paragraphs)
        return pieces
    if isinstance(block, SignatureBlocks):
        return [
            line
            for sig in block.blocks
            for line in (*sig.above, sig.jabatan, sig.name, sig.rank_line, sig.nip_line)
            if line
        ]
    if isinstance(block, Letterhead):
        return [x for x in (block.government, block.unit, *block.address_lines) if x]
    if isinstance(block, ImageGrid):
        return [image.caption for image in block.images if image.caption]
    return []


def image_size_px(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG or JPEG (PNG read from its header, others with Pillow)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return int(image.width), int(image.height)
