"""Render a :class:`~.model.Document` as a PDF with reportlab's platypus.

All user text is escaped before it becomes Paragraph markup (``PT A&B <Persero>``
stays as typed). The bundled Liberation Sans (Arial-compatible) is embedded; a
character it lacks is set in the bundled DejaVu Sans when that has it (Arabic
letters, many symbols and emoticons; see ``resources/fonts``). reportlab does not
shape or reorder right-to-left text without extra libraries, so Arabic appears
letter by letter, left to right, in the PDF; the DOCX leaves that to the word
processor, which does it right.

Tables repeat their header row on every page and never split a row, unless one
row alone is taller than a page (a pathological entry): then, and only then, the
document is laid out again letting such rows split, rather than failing.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from rakor_desktop import paths
from rakor_desktop.fonts import PdfFonts, register_pdf_fonts

from .docx_render import SIGNATURE_INDENT_CM, fit_box, signature_box
from .model import (
    Block,
    Cell,
    Column,
    Document,
    Heading,
    ImageGrid,
    KeyValueBlock,
    Letterhead,
    NumberedList,
    PageBreak,
    PageSetup,
    Paragraph,
    Run,
    SignatureBlocks,
    SignatureCell,
    Spacer,
    Table,
    numbering_groups,
    page_number_text,
)

FALLBACK_FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
FALLBACK_REGULAR = "RakorFallback"
FALLBACK_BOLD = "RakorFallback-Bold"
CM = 28.3464566929  # points per centimetre
CELL_PADDING_PT = 2.85  # 0.1 cm, as in the DOCX
LEADING = 1.15  # single line spacing of Arial in Word
FOOTER_FROM_BOTTOM_CM = 1.0
_HEADER_FILL = (0.906, 0.902, 0.902)  # E7E6E6, as in the DOCX
_ALIGNMENTS = {"left": 0, "center": 1, "right": 2, "justify": 4}


@dataclass(frozen=True)
class _FontSet:
    names: PdfFonts
    main: frozenset[int]
    fallback: frozenset[int]


@cache
def pdf_fonts() -> _FontSet:
    """Register the bundled fonts with reportlab once; their names and coverage."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = register_pdf_fonts()
    fallback_regular = TTFont(
        FALLBACK_REGULAR, str(paths.resource("fonts", FALLBACK_FONT_FILES["regular"]))
    )
    pdfmetrics.registerFont(fallback_regular)
    pdfmetrics.registerFont(
        TTFont(FALLBACK_BOLD, str(paths.resource("fonts", FALLBACK_FONT_FILES["bold"])))
    )
    addMapping(FALLBACK_REGULAR, 0, 0, FALLBACK_REGULAR)
    addMapping(FALLBACK_REGULAR, 1, 0, FALLBACK_BOLD)
    addMapping(FALLBACK_REGULAR, 0, 1, FALLBACK_REGULAR)
    addMapping(FALLBACK_REGULAR, 1, 1, FALLBACK_BOLD)
    main = pdfmetrics.getFont(names.regular)
    return _FontSet(
        names=names,
        main=frozenset(main.face.charToGlyph),
        fallback=frozenset(fallback_regular.face.charToGlyph),
    )


def text_markup(text: str, fonts: _FontSet) -> str:
    """Paragraph markup for plain text: escaped, line breaks kept, fallback font per run."""
    if text.isascii():
        return escape(text).replace("\n", "<br/>").replace("\t", " ")
    out: list[str] = []
    chunk: list[str] = []
    in_fallback = False

    def flush() -> None:
        if not chunk:
            return
        piece = escape("".join(chunk)).replace("\n", "<br/>").replace("\t", " ")
        out.append(f'<font name="{FALLBACK_REGULAR}">{piece}</font>' if in_fallback else piece)
        chunk.clear()

    main, fallback = fonts.main, fonts.fallback
    for char in text:
        code = ord(char)
        wants_fallback = code not in main and code in fallback and char not in "\n\t"
        if wants_fallback != in_fallback:
            flush()
            in_fallback = wants_fallback
        chunk.append(char)
    flush()
    return "".join(out)


def runs_markup(runs: Sequence[Run], fonts: _FontSet, *, bold: bool = False) -> str:
    """Markup of several runs with their bold/italic/underline."""
    parts = []
    for run in runs:
        piece = text_markup(run.text, fonts)
        if run.underline:
            piece = f"<u>{piece}</u>"
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold or bold:
            piece = f"<b>{piece}</b>"
        parts.append(piece)
    return "".join(parts)


class _Styles:
    """ParagraphStyles made once per combination of their parameters."""

    def __init__(self, fonts: _FontSet) -> None:
        self.fonts = fonts
        self.cache: dict[tuple[Any, ...], Any] = {}

    def get(
        self, size: float, *, align: str = "left", indent_cm: float = 0.0,
        label_cm: float = 0.0, before: float = 0.0, after: float = 0.0,
        keep_next: bool = False,
    ) -> Any:
        key = (size, align, indent_cm, label_cm, before, after, keep_next)
        style = self.cache.get(key)
        if style is None:
            from reportlab.lib.styles import ParagraphStyle

            names = self.fonts.names
            style = ParagraphStyle(
                f"s{len(self.cache)}",
                fontName=names.regular,
                fontSize=size,
                leading=size * LEADING,
                alignment=_ALIGNMENTS[align],
                leftIndent=indent_cm * CM,
                bulletIndent=max(indent_cm - label_cm, 0.0) * CM,
                bulletFontName=names.regular,
                bulletFontSize=size,
                spaceBefore=before,
                spaceAfter=after,
                keepWithNext=int(keep_next),
                splitLongWords=1,
            )
            self.cache[key] = style
        return style


def _mark_class() -> type:
    from reportlab.platypus import Flowable

    class SignatureMark(Flowable):  # type: ignore[misc]
        """The row number where the person signs, with their signature beside it."""

        def __init__(
            self, label: str, font: str, size: float, image: Any, image_size: tuple[float, float],
            height: float,
        ) -> None:
            super().__init__()
            self.label = label
            self.font = font
            self.size = size
            self.image = image
            self.image_size = image_size
            self.height = height

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, self.height

        def draw(self) -> None:
            canvas = self.canv
            canvas.setFont(self.font, self.size)
            line = self.size * LEADING
            canvas.drawString(0, self.height - self.size, self.label)
            if self.image is not None:
                width, height = self.image_size
                canvas.drawImage(self.image, SIGNATURE_INDENT_CM * CM,
                                 self.height - line - height, width, height, mask="auto")

    return SignatureMark


def _rule_class() -> type:
    from reportlab.platypus import Flowable

    class DoubleRule(Flowable):  # type: ignore[misc]
        """The thick and thin rule under the kop."""

        def __init__(self, after: float) -> None:
            super().__init__()
            self.height = 5.0
            self.spaceAfter = after

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, self.height

        def draw(self) -> None:
            canvas = self.canv
            canvas.setLineWidth(2.25)
            canvas.line(0, 3.9, self.width, 3.9)
            canvas.setLineWidth(0.75)
            canvas.line(0, 0.4, self.width, 0.4)

    return DoubleRule


@cache
def _group_mark() -> type:
    from reportlab.platypus import Flowable

    class GroupMark(Flowable):  # type: ignore[misc]
        """Takes no room; tells the canvas which page-numbering group its pages are in."""

        def __init__(self, group: int) -> None:
            super().__init__()
            self.group = group

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            self.canv._rakor_group = self.group

    return GroupMark


def _GroupMark(group: int) -> Any:
    return _group_mark()(group)


def _numbered_canvas(font: str) -> type:
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds the pages back until the end to print "Halaman X dari Y" on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            # Pages are numbered within their numbering group (Section.numbered_alone):
            # each daftar hadir sheet of a group counts its own pages.
            groups = [state.get("_rakor_group", 0) for state in self._held_pages]
            totals = Counter(groups)
            seen: Counter[int] = Counter()
            for state, group in zip(self._held_pages, groups, strict=True):
                seen[group] += 1
                self.__dict__.update(state)
                self.setFont(font, 9)
                self.drawCentredString(
                    self._pagesize[0] / 2, FOOTER_FROM_BOTTOM_CM * CM,
                    page_number_text(seen[group], totals[group]),
                )
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class _Story:
    """Flowables for the blocks of one section."""

    def __init__(
        self, fonts: _FontSet, styles: _Styles, page: PageSetup, body_size: float,
        images: dict[bytes, Any], *, split_rows: bool,
    ) -> None:
        self.fonts = fonts
        self.styles = styles
        self.width = page.text_width_cm * CM
        self.body_size = body_size
        self.images = images
        self.split_rows = split_rows

    def image(self, data: bytes) -> Any:
        reader = self.images.get(data)
        if reader is None:
            from reportlab.lib.utils import ImageReader

            reader = ImageReader(io.BytesIO(data))
            self.images[data] = reader
        return reader

    def para(self, p: Paragraph, *, size: float | None = None, bold: bool = False,
             align: str | None = None) -> Any:
        from reportlab.platypus import Paragraph as RLParagraph

        size = p.size_pt or size or self.body_size
        style = self.styles.get(
            size, align=align or p.align, indent_cm=p.indent_cm,
            label_cm=p.label_cm if p.label else 0.0, before=p.space_before_pt,
            after=p.space_after_pt, keep_next=p.keep_with_next,
        )
        return RLParagraph(runs_markup(p.runs, self.fonts, bold=bold), style,
                           bulletText=escape(p.label) if p.label else None)

    def line(self, text: str, *, size: float | None = None, bold: bool = False,
             align: str = "left", underline: bool = False, after: float = 0.0,
             keep_next: bool = False) -> Any:
        from reportlab.platypus import Paragraph as RLParagraph

        style = self.styles.get(size or self.body_size, align=align, after=after,
                                keep_next=keep_next)
        return RLParagraph(
            runs_markup((Run(text, bold=bold, underline=underline),), self.fonts), style
        )

    def flowables(self, block: Block) -> list[Any]:
        from reportlab.platypus import PageBreak as RLPageBreak
        from reportlab.platypus import Spacer as RLSpacer

        if isinstance(block, Paragraph):
            return [self.para(block)]
        if isinstance(block, Heading):
            size = self.body_size + (3 if block.level == 1 else 1)
            return [self.line(block.text, size=size, bold=True, align=block.align,
                              after=block.space_after_pt, keep_next=True)]
        if isinstance(block, NumberedList):
            return [self.para(p) for p in block.paragraphs()]
        if isinstance(block, KeyValueBlock):
            return self.key_values(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, SignatureBlocks):
            return self.signatures(block)
        if isinstance(block, Letterhead):
            return self.letterhead(block)
        if isinstance(block, ImageGrid):
            return self.image_grid(block)
        if isinstance(block, PageBreak):
            return [RLPageBreak()]
        if isinstance(block, Spacer):
            return [RLSpacer(1, block.height_pt)]
        raise TypeError(f"unknown block {block!r}")

    def _table(self, data: list[list[Any]], widths: list[float], commands: list[Any],
               *, repeat: int = 0) -> Any:
        from reportlab.platypus import Table as RLTable
        from reportlab.platypus import TableStyle

        # Plain-string cells ("", ":") in the bundled font too, not reportlab's Helvetica.
        font = ("FONT", (0, 0), (-1, -1), self.fonts.names.regular, self.body_size)
        return RLTable(
            data, colWidths=widths, repeatRows=repeat, style=TableStyle([font, *commands]),
            splitInRow=1 if self.split_rows else 0, hAlign="LEFT",
        )

    def key_values(self, block: KeyValueBlock) -> list[Any]:
        from reportlab.platypus import Spacer as RLSpacer

        widths = [block.label_cm * CM, block.colon_cm * CM,
                  self.width - (block.label_cm + block.colon_cm) * CM]
        data: list[list[Any]] = []
        for row in block.rows:
            label = self.para(Paragraph(runs=(Run(row.label, bold=row.bold_label),),
                                        indent_cm=0.5 * row.level))
            colon = ":" if row.colon else ""
            values = [self.para(p) for p in row.value] or [""]
            for index, value in enumerate(values):
                data.append([label if index == 0 else "", colon if index == 0 else "", value])
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        return [self._table(data, widths, commands), RLSpacer(1, block.space_after_pt)]

    def table(self, table: Table, tail: SignatureBlocks | None = None) -> list[Any]:
        """A table; ``tail`` signatures become its last rows, kept with the last person."""
        from reportlab.platypus import Spacer as RLSpacer
        from reportlab.platypus import Table as RLTable
        from reportlab.platypus import TableStyle

        widths_cm = table.widths_cm(self.width / CM)
        widths: list[float] = []
        signature_at = -1
        for column, width in zip(table.columns, widths_cm, strict=True):
            if column.signature:
                signature_at = len(widths)
                widths += [width * CM / 2, width * CM / 2]
            else:
                widths.append(width * CM)
        size = table.size_pt
        header_size = table.header_size_pt or size
        header: list[Any] = []
        for column in table.columns:
            header.append(self.line(column.title, size=header_size, bold=True, align="center"))
            if column.signature:
                header.append("")
        data: list[list[Any]] = [header]
        mark = _mark_class()
        min_height = max(table.min_row_cm * CM - 2 * 1.5, 0.0)
        font = self.fonts.names.regular
        for row in table.rows:
            cells: list[Any] = []
            for column, width, item in zip(table.columns, widths_cm, row, strict=True):
                if isinstance(item, SignatureCell):
                    cells += self.signature_halves(item, width, size, min_height, mark, font,
                                                   table.min_row_cm)
                else:
                    cells.append(self.cell(item, size, column))
            data.append(cells)
        last = len(data) - 1  # the last row with lines
        if tail is not None:
            tops, bottoms = self.signature_rows(tail)
            inner = RLTable(
                [tops, bottoms], colWidths=[sum(widths) / len(tops)] * len(tops),
                style=TableStyle([
                    ("FONT", (0, 0), (-1, -1), self.fonts.names.regular, self.body_size),
                    ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                    ("VALIGN", (0, 1), (-1, 1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
                    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]),
            )
            data.append([inner] + [""] * (len(widths) - 1))
        black = (0, 0, 0)
        commands: list[Any] = [
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LINEABOVE", (0, 0), (-1, 0), 0.5, black),
            ("LINEBELOW", (0, 0), (-1, last), 0.5, black),
            ("LINEAFTER", (-1, 0), (-1, last), 0.5, black),
        ]
        for index in range(len(widths)):
            if index != signature_at + 1 or signature_at < 0:
                commands.append(("LINEBEFORE", (index, 0), (index, last), 0.5, black))
        if signature_at >= 0:
            commands.append(("SPAN", (signature_at, 0), (signature_at + 1, 0)))
        if tail is not None:
            commands += [
                ("SPAN", (0, last + 1), (-1, last + 1)),
                ("TOPPADDING", (0, last + 1), (-1, last + 1), tail.space_before_pt),
                ("LEFTPADDING", (0, last + 1), (-1, last + 1), 0),
                ("RIGHTPADDING", (0, last + 1), (-1, last + 1), 0),
                # The signatures never start a page alone: the last person comes along.
                ("NOSPLIT", (0, max(last, 1)), (-1, last + 1)),
            ]
        return [self._table(data, widths, commands, repeat=1), RLSpacer(1, table.space_after_pt)]

    def cell(self, item: Cell, size: float, column: Column) -> Any:
        align = item.align if item.align != "left" else column.align
        if len(item.paragraphs) == 1:
            only = item.paragraphs[0]
            if not only.runs:
                return ""
            return self.para(only, size=size, bold=item.bold, align=align)
        return [self.para(p, size=size, bold=item.bold, align=align) for p in item.paragraphs]

    def signature_halves(
        self, item: SignatureCell, width_cm: float, size: float, height: float, mark: type,
        font: str, row_cm: float,
    ) -> list[Any]:
        image = None
        image_size = (0.0, 0.0)
        if item.png is not None:
            w_cm, h_cm = signature_box(item.png, width_cm / 2, row_cm, size)
            image = self.image(item.png)
            image_size = (w_cm * CM, h_cm * CM)
        signed = mark(f"{item.number}.", font, size, image, image_size, max(height, size * 1.3))
        return [signed, ""] if item.side == "left" else ["", signed]

    def signature_rows(self, block: SignatureBlocks) -> tuple[list[Any], list[Any]]:
        """The cells above the signatures and those with the names, one per column."""
        from reportlab.platypus import Spacer as RLSpacer

        signers = list(block.blocks)
        tops: list[Any] = [""] if len(signers) == 1 else []
        bottoms: list[Any] = [""] if len(signers) == 1 else []
        for signer in signers:
            tops.append([self.line(text, align="center")
                         for text in (*signer.above, signer.jabatan)])
            lines = [RLSpacer(1, signer.space_cm * CM)]
            lines.append(self.line(signer.name, bold=True, underline=True, align="center"))
            lines += [self.line(x, align="center") for x in (signer.rank_line, signer.nip_line)
                      if x]
            bottoms.append(lines)
        return tops, bottoms

    def signatures(self, block: SignatureBlocks) -> list[Any]:
        from reportlab.platypus import Spacer as RLSpacer

        tops, bottoms = self.signature_rows(block)
        count = len(tops)
        widths = [self.width / count] * count
        commands = [
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("VALIGN", (0, 1), (-1, 1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("NOSPLIT", (0, 0), (-1, -1)),
        ]
        spacer = RLSpacer(1, block.space_before_pt)
        spacer.keepWithNext = 1
        return [spacer, self._table([tops, bottoms], widths, commands)]

    def letterhead(self, kop: Letterhead) -> list[Any]:
        from reportlab.platypus import Image as RLImage

        side = 2.6 * CM
        logo: Any = ""
        if kop.logo is not None and kop.logo_size_px is not None:
            w_cm, h_cm = fit_box(kop.logo_size_px, 2.3, 2.6)
            logo = RLImage(io.BytesIO(kop.logo), width=w_cm * CM, height=h_cm * CM)
        lines = []
        if kop.government:
            lines.append(self.line(kop.government, size=13, bold=True, align="center"))
        if kop.unit:
            lines.append(self.line(kop.unit, size=15, bold=True, align="center"))
        lines += [self.line(x, size=9, align="center") for x in kop.address_lines]
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        table = self._table([[logo, lines, ""]], [side, self.width - 2 * side, side], commands)
        return [table, _rule_class()(10)]

    def image_grid(self, grid: ImageGrid) -> list[Any]:
        from reportlab.platypus import Image as RLImage

        columns = max(1, grid.columns)
        column_cm = self.width / CM / columns
        data: list[list[Any]] = []
        images = list(grid.images)
        for start in range(0, len(images), columns):
            row: list[Any] = []
            for index in range(columns):
                if start + index >= len(images):
                    row.append("")
                    continue
                image = images[start + index]
                w_cm, h_cm = fit_box(image.size_px, column_cm - 0.6, grid.max_height_cm)
                content: list[Any] = [
                    RLImage(io.BytesIO(image.data), width=w_cm * CM, height=h_cm * CM)
                ]
                if image.caption:
                    content.append(self.para(Paragraph(
                        runs=(Run(image.caption, italic=True),), align="center", size_pt=9,
                        space_before_pt=3,
                    )))
                row.append(content)
            data.append(row)
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]
        return [self._table(data, [column_cm * CM] * columns, commands)]


def _build(
    document: Document, target: Path | IO[bytes], *, split_rows: bool, keep_signatures: bool
) -> None:
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate
    from reportlab.platypus import PageBreak as RLPageBreak

    fonts = pdf_fonts()
    styles = _Styles(fonts)
    images: dict[bytes, Any] = {}
    templates: dict[PageSetup, str] = {}
    page_templates = []
    for section in document.sections:
        if section.page in templates:
            continue
        page = section.page
        width, height = (d / 10 * CM for d in page.size_mm)
        m = page.margins
        template_id = f"halaman{len(templates) + 1}"
        templates[page] = template_id
        frame = Frame(
            m.left * CM, m.bottom * CM, width - (m.left + m.right) * CM,
            height - (m.top + m.bottom) * CM, leftPadding=0, rightPadding=0, topPadding=0,
            bottomPadding=0, id=f"{template_id}-isi",
        )
        page_templates.append(PageTemplate(id=template_id, frames=[frame],
                                           pagesize=(width, height)))
    story: list[Any] = []
    groups = numbering_groups(document.sections)
    for index, section in enumerate(document.sections):
        if index:
            story += [NextPageTemplate(templates[section.page]), RLPageBreak()]
        story.append(_GroupMark(groups[index]))
        builder = _Story(fonts, styles, section.page, document.body_size_pt, images,
                         split_rows=split_rows)
        blocks = list(section.blocks)
        skip = False
        for position, block in enumerate(blocks):
            if skip:
                skip = False
                continue
            after = blocks[position + 1] if position + 1 < len(blocks) else None
            if (
                keep_signatures and isinstance(block, Table)
                and isinstance(after, SignatureBlocks) and after.keep_with_previous
            ):
                story += builder.table(block, tail=after)
                skip = True
            else:
                story += builder.flowables(block)
    first = document.sections[0].page
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=tuple(d / 10 * CM for d in first.size_mm),
        pageTemplates=page_templates,
        title=document.title,
        author="Rakor Desktop",
        creator="Rakor Desktop",
        lang="id-ID",
        invariant=1,
        initialFontName=fonts.names.regular,  # no reference to an unembedded Helvetica
    )
    canvas = _numbered_canvas(fonts.names.regular) if document.page_numbers else None
    if canvas is None:
        doc.build(story)
    else:
        doc.build(story, canvasmaker=canvas)


def render_pdf(document: Document, target: Path | IO[bytes]) -> None:
    """Write ``document`` as a PDF (a path or a binary stream)."""
    from reportlab import rl_config
    from reportlab.platypus.doctemplate import LayoutError

    # Binary (Flate only) streams: ASCII85 makes them a quarter larger and, without
    # reportlab's C accelerator, costs seconds for hundreds of signature images.
    a85, rl_config.useA85 = rl_config.useA85, 0
    # A last row too tall to share a page with the signatures, or a row taller than a
    # page (an entry thousands of characters long): lay the document out again, first
    # letting the signatures go alone, then letting such rows continue on the next page.
    attempts = ((False, True), (False, False), (True, False))
    try:
        for number, (split_rows, keep_signatures) in enumerate(attempts, start=1):
            try:
                _build(document, target, split_rows=split_rows, keep_signatures=keep_signatures)
                return
            except LayoutError:
                if number == len(attempts):
                    raise
                if not isinstance(target, Path | str):
                    target.seek(0)
                    target.truncate()
    finally:
        rl_config.useA85 = a85
