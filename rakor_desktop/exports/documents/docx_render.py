"""Render a :class:`~.model.Document` as a DOCX (python-docx for the package).

The body is written as WordprocessingML directly and parsed once per section:
python-docx's object API builds a 1,000-row table far too slowly (every cell
access walks the table). Tables use a fixed layout; header rows repeat on every
page (``w:tblHeader``) and rows never split (``w:cantSplit``). The font is named
(:data:`rakor_desktop.fonts.DOCX_FONT_NAME`), not embedded; Word and LibreOffice
substitute a metric-compatible face. Page numbers are PAGE/NUMPAGES fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from rakor_desktop.fonts import DOCX_FONT_NAME

from .model import (
    PAGE_NUMBER_WORDS,
    Align,
    Block,
    Cell,
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
    Section,
    SignatureBlocks,
    SignatureCell,
    Spacer,
    Table,
    image_size_px,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
TWIPS_PER_CM = 567.0
EMU_PER_CM = 360000
EMU_PER_PT = 12700
CELL_MARGIN_TWIPS = 57  # 0.1 cm left and right inside table cells
LINE_HEIGHT = 1.15  # single line spacing of Arial, as a factor of the font size
LANGUAGE = "id-ID"
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def _tw(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


def _esc(text: str) -> str:
    return text.translate(_ESCAPES)


class _Writer:
    """Turns blocks into WordprocessingML strings; adds images to the package once each."""

    def __init__(self, docx_document: Any, body_size_pt: float) -> None:
        self.docx = docx_document
        self.body_half_points = round(body_size_pt * 2)
        self.images: dict[bytes, str] = {}
        self.next_drawing_id = 1000

    # -- runs and paragraphs ---------------------------------------------------------

    def run_xml(self, run: Run, size_pt: float | None = None, *, bold: bool = False) -> str:
        props = []
        if run.bold or bold:
            props.append("<w:b/><w:bCs/>")
        if run.italic:
            props.append("<w:i/><w:iCs/>")
        if size_pt is not None:
            half = round(size_pt * 2)
            props.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
        if run.underline:
            props.append('<w:u w:val="single"/>')
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
        return f"<w:r>{rpr}{self._text_xml(run.text)}</w:r>"

    @staticmethod
    def _text_xml(text: str) -> str:
        if "\n" not in text and "\t" not in text:
            return f'<w:t xml:space="preserve">{_esc(text)}</w:t>'
        out = []
        for index, line in enumerate(text.split("\n")):
            if index:
                out.append("<w:br/>")
            for piece_index, piece in enumerate(line.split("\t")):
                if piece_index:
                    out.append("<w:tab/>")
                if piece:
                    out.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
        return "".join(out)

    def ppr_xml(
        self,
        *,
        align: Align = "left",
        indent_cm: float = 0.0,
        hanging_cm: float = 0.0,
        before_pt: float = 0.0,
        after_pt: float = 0.0,
        keep_next: bool = False,
        extra_tabs: Iterable[float] = (),
        border: str = "",
    ) -> str:
        parts = []
        if keep_next:
            parts.append("<w:keepNext/>")
        if border:
            parts.append(border)
        tabs = [*extra_tabs]
        if hanging_cm:
            tabs.append(indent_cm)
        if tabs:
            stops = "".join(f'<w:tab w:val="left" w:pos="{_tw(t)}"/>' for t in tabs)
            parts.append(f"<w:tabs>{stops}</w:tabs>")
        if before_pt or after_pt:
            parts.append(
                f'<w:spacing w:before="{round(before_pt * 20)}" w:after="{round(after_pt * 20)}"/>'
            )
        if indent_cm or hanging_cm:
            hanging = f' w:hanging="{_tw(hanging_cm)}"' if hanging_cm else ""
            parts.append(f'<w:ind w:left="{_tw(indent_cm)}"{hanging}/>')
        if align != "left":
            parts.append(f'<w:jc w:val="{_JC[align]}"/>')
        return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""

    def paragraph_xml(self, p: Paragraph, *, bold: bool = False) -> str:
        label = ""
        hanging = 0.0
        if p.label:
            hanging = p.label_cm
            label = self.run_xml(Run(p.label), p.size_pt, bold=bold) + "<w:r><w:tab/></w:r>"
        ppr = self.ppr_xml(
            align=p.align, indent_cm=p.indent_cm, hanging_cm=hanging,
            before_pt=p.space_before_pt, after_pt=p.space_after_pt, keep_next=p.keep_with_next,
        )
        runs = "".join(self.run_xml(r, p.size_pt, bold=bold) for r in p.runs)
        return f"<w:p>{ppr}{label}{runs}</w:p>"

    def simple_paragraph(
        self, text: str, *, size_pt: float | None = None, bold: bool = False,
        align: Align = "left", underline: bool = False, after_pt: float = 0.0,
        before_pt: float = 0.0, keep_next: bool = False,
    ) -> str:
        ppr = self.ppr_xml(align=align, after_pt=after_pt, before_pt=before_pt,
                           keep_next=keep_next)
        run = self.run_xml(Run(text, bold=bold, underline=underline), size_pt) if text else ""
        return f"<w:p>{ppr}{run}</w:p>"

    # -- images ----------------------------------------------------------------------

    def image_rid(self, data: bytes) -> str:
        """The relationship id of an image, adding it to the package the first time.

        python-docx's ``get_or_add_image`` compares every new image with all earlier
        ones and renumbers the media folder each time: quadratic, seconds for 500
        signatures. Each distinct image is added once here under its own names.
        """
        rid = self.images.get(data)
        if rid is None:
            from docx.image.image import Image as DocxImage
            from docx.opc.constants import RELATIONSHIP_TYPE
            from docx.opc.packuri import PackURI
            from docx.parts.image import ImagePart

            number = len(self.images) + 1
            image = DocxImage.from_blob(data)
            part = ImagePart.from_image(image, PackURI(f"/word/media/rakor{number}.{image.ext}"))
            rid = f"rIdRakor{number}"
            self.docx.part.rels.add_relationship(RELATIONSHIP_TYPE.IMAGE, part, rid)
            self.images[data] = rid
        return rid

    def image_run(self, data: bytes, width_cm: float, height_cm: float) -> str:
        rid = self.image_rid(data)
        self.next_drawing_id += 1
        number = self.next_drawing_id
        cx, cy = round(width_cm * EMU_PER_CM), round(height_cm * EMU_PER_CM)
        return (
            "<w:r><w:drawing>"
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{number}" name="Gambar {number}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="gambar{number}"/><pic:cNvPicPr/>'
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
            '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
            "</w:drawing></w:r>"
        )

    # -- tables ----------------------------------------------------------------------

    @staticmethod
    def table_start(widths_twips: list[int], *, borders: bool, indent_twips: int = 0) -> str:
        total = sum(widths_twips)
        if borders:
            edge = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
        else:
            edge = 'w:val="nil"'
        border_xml = "".join(
            f"<w:{side} {edge}/>" for side in ("top", "left", "bottom", "right", "insideH",
                                                 "insideV")
        )
        indent = f'<w:tblInd w:w="{indent_twips}" w:type="dxa"/>' if indent_twips else ""
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths_twips)
        return (
            f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/>{indent}'
            f"<w:tblBorders>{border_xml}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/>'
            f'<w:right w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        )

    @staticmethod
    def cell_xml(
        width_twips: int, content: str, *, span: int = 1, shade: bool = False,
        valign: str = "top", borders: str = "",
    ) -> str:
        grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        tc_borders = f"<w:tcBorders>{borders}</w:tcBorders>" if borders else ""
        fill = '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' if shade else ""
        v = f'<w:vAlign w:val="{valign}"/>' if valign != "top" else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width_twips}" w:type="dxa"/>{grid_span}{tc_borders}'
            f"{fill}{v}</w:tcPr>{content or '<w:p/>'}</w:tc>"
        )


def _section_xml(page: PageSetup, footer_rid: str = "", *, restart: bool = False) -> str:
    width_mm, height_mm = page.size_mm
    orient = ' w:orient="landscape"' if page.orientation == "landscape" else ""
    m = page.margins
    footer = f'<w:footerReference w:type="default" r:id="{footer_rid}"/>' if footer_rid else ""
    numbering = '<w:pgNumType w:start="1"/>' if restart else ""
    return (
        f"<w:sectPr>{footer}"
        f'<w:pgSz w:w="{_tw(width_mm / 10)}" w:h="{_tw(height_mm / 10)}"{orient}/>'
        f'<w:pgMar w:top="{_tw(m.top)}" w:right="{_tw(m.right)}" w:bottom="{_tw(m.bottom)}" '
        f'w:left="{_tw(m.left)}" w:header="709" w:footer="567" w:gutter="0"/>'
        f'{numbering}<w:cols w:space="708"/></w:sectPr>'
    )


class _SectionRenderer:
    """The blocks of one section as WordprocessingML."""

    def __init__(self, writer: _Writer, page: PageSetup, body_size_pt: float) -> None:
        self.w = writer
        self.page = page
        self.width_cm = page.text_width_cm
        self.body_size_pt = body_size_pt

    def render(self, blocks: Iterable[Block]) -> list[str]:
        out: list[str] = []
        items = list(blocks)
        for index, block in enumerate(items):
            after = items[index + 1] if index + 1 < len(items) else None
            if (
                isinstance(block, Table) and isinstance(after, SignatureBlocks)
                and after.keep_with_previous
            ):
                out.append(self.table(block, keep_last_with_next=True))
            else:
                out.append(self.block(block))
        return out

    def block(self, block: Block) -> str:
        w = self.w
        if isinstance(block, Paragraph):
            return w.paragraph_xml(block)
        if isinstance(block, Heading):
            size = self.body_size_pt + (3 if block.level == 1 else 1)
            return w.simple_paragraph(block.text, size_pt=size, bold=True, align=block.align,
                                      after_pt=block.space_after_pt, keep_next=True)
        if isinstance(block, NumberedList):
            return "".join(w.paragraph_xml(p) for p in block.paragraphs())
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
            return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
        if isinstance(block, Spacer):
            return self.spacer(block.height_pt)
        raise TypeError(f"unknown block {block!r}")

    def spacer(self, height_pt: float, *, keep_next: bool = False) -> str:
        twips = max(1, round(height_pt * 20))
        keep = "<w:keepNext/>" if keep_next else ""
        return (
            f'<w:p><w:pPr>{keep}<w:spacing w:before="0" w:after="0" w:line="{twips}" '
            'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
        )

    def key_values(self, block: KeyValueBlock) -> str:
        w = self.w
        widths = [
            _tw(block.label_cm), _tw(block.colon_cm),
            _tw(self.width_cm - block.label_cm - block.colon_cm),
        ]
        rows = [w.table_start(widths, borders=False, indent_twips=-CELL_MARGIN_TWIPS)]
        for row in block.rows:
            label = Paragraph(
                runs=(Run(row.label, bold=row.bold_label),), indent_cm=0.5 * row.level,
                space_after_pt=1,
            )
            value = "".join(
                w.paragraph_xml(Paragraph(
                    runs=p.runs, align=p.align, indent_cm=p.indent_cm, label=p.label,
                    label_cm=p.label_cm, size_pt=p.size_pt, space_after_pt=1,
                ))
                for p in row.value
            )
            rows.append(
                "<w:tr>"
                + w.cell_xml(widths[0], w.paragraph_xml(label))
                + w.cell_xml(widths[1], w.simple_paragraph(":" if row.colon else ""))
                + w.cell_xml(widths[2], value)
                + "</w:tr>"
            )
        rows.append("</w:tbl>")
        rows.append(self.spacer(block.space_after_pt))
        return "".join(rows)

    def table(self, table: Table, *, keep_last_with_next: bool = False) -> str:
        w = self.w
        widths_cm = table.widths_cm(self.width_cm)
        grid: list[int] = []
        for column, width in zip(table.columns, widths_cm, strict=True):
            if column.signature:
                half = _tw(width / 2)
                grid += [half, half]
            else:
                grid.append(_tw(width))
        size = table.size_pt
        header_size = table.header_size_pt or size
        out = [w.table_start(grid, borders=True)]
        header_cells = []
        for column, width in zip(table.columns, widths_cm, strict=True):
            content = w.simple_paragraph(column.title, size_pt=header_size, bold=True,
                                         align="center")
            header_cells.append(
                w.cell_xml(_tw(width), content, span=2 if column.signature else 1, shade=True,
                           valign="center")
            )
        out.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{''.join(header_cells)}"
                   "</w:tr>")
        height = (
            f'<w:trHeight w:val="{_tw(table.min_row_cm)}" w:hRule="atLeast"/>'
            if table.min_row_cm else ""
        )
        row_start = f"<w:tr><w:trPr><w:cantSplit/>{height}</w:trPr>"
        for row in table.rows:
            cells = []
            for column, width, item in zip(table.columns, widths_cm, row, strict=True):
                if isinstance(item, SignatureCell):
                    cells.append(self.signature_halves(item, width, size, table.min_row_cm))
                else:
                    cells.append(w.cell_xml(_tw(width), self.cell_content(item, size, column)))
            out.append(row_start + "".join(cells) + "</w:tr>")
        if keep_last_with_next:
            # Word keeps a row with what follows when all its paragraphs keep with next.
            out[-1] = _keep_with_next(out[-1])
        out.append("</w:tbl>")
        out.append(self.spacer(table.space_after_pt, keep_next=keep_last_with_next))
        return "".join(out)

    def cell_content(self, item: Cell, size_pt: float, column: Any) -> str:
        w = self.w
        align = item.align if item.align != "left" else column.align
        return "".join(
            w.paragraph_xml(Paragraph(runs=p.runs, align=align, size_pt=size_pt), bold=item.bold)
            for p in item.paragraphs
        )

    def signature_halves(
        self, item: SignatureCell, width_cm: float, size_pt: float, row_cm: float
    ) -> str:
        w = self.w
        half_cm = width_cm / 2
        signed = f"<w:p>{w.run_xml(Run(f'{item.number}.'), size_pt)}</w:p>"
        if item.png is not None:
            img_w, img_h = signature_box(item.png, half_cm, row_cm, size_pt)
            signed += (
                f'<w:p><w:pPr><w:ind w:left="{_tw(SIGNATURE_INDENT_CM)}"/></w:pPr>'
                f"{w.image_run(item.png, img_w, img_h)}</w:p>"
            )
        left_border = '<w:right w:val="nil"/>'
        right_border = '<w:left w:val="nil"/>'
        left = w.cell_xml(_tw(half_cm), signed if item.side == "left" else "",
                          borders=left_border)
        right = w.cell_xml(_tw(half_cm), signed if item.side == "right" else "",
                           borders=right_border)
        return left + right

    def signatures(self, block: SignatureBlocks) -> str:
        w = self.w
        count = max(2, len(block.blocks))
        column = self.width_cm / count
        widths = [_tw(column)] * count
        # Two rows: what stands above the signature (bottom-aligned), then the space
        # and the name, so the names line up however long each jabatan is.
        tops, bottoms = [], []
        signers = list(block.blocks)
        if len(signers) == 1:
            tops.append(w.cell_xml(widths[0], ""))
            bottoms.append(w.cell_xml(widths[0], ""))
        for signer in signers:
            lines = [
                w.simple_paragraph(line, align="center", keep_next=True)
                for line in (*signer.above, signer.jabatan)
            ]
            tops.append(w.cell_xml(widths[0], "".join(lines), valign="bottom"))
            lines = [self.spacer(signer.space_cm * 28.35, keep_next=True)]
            lines.append(w.simple_paragraph(signer.name, bold=True, underline=True,
                                            align="center", keep_next=True))
            for extra in (signer.rank_line, signer.nip_line):
                if extra:
                    lines.append(w.simple_paragraph(extra, align="center", keep_next=True))
            bottoms.append(w.cell_xml(widths[0], "".join(lines)))
        row = "<w:tr><w:trPr><w:cantSplit/></w:trPr>{}</w:tr>"
        return (
            self.spacer(block.space_before_pt, keep_next=True)
            + w.table_start(widths, borders=False)
            + row.format("".join(tops)) + row.format("".join(bottoms)) + "</w:tbl>"
            + self.spacer(2)
        )

    def letterhead(self, kop: Letterhead) -> str:
        w = self.w
        side_cm = 2.6
        widths = [_tw(side_cm), _tw(self.width_cm - 2 * side_cm), _tw(side_cm)]
        logo = ""
        if kop.logo is not None and kop.logo_size_px is not None:
            lw, lh = fit_box(kop.logo_size_px, side_cm - 0.3, 2.6)
            logo = f'<w:p><w:pPr><w:jc w:val="left"/></w:pPr>{w.image_run(kop.logo, lw, lh)}</w:p>'
        lines = []
        if kop.government:
            lines.append(w.simple_paragraph(kop.government, size_pt=13, bold=True,
                                            align="center"))
        if kop.unit:
            lines.append(w.simple_paragraph(kop.unit, size_pt=15, bold=True, align="center"))
        for line in kop.address_lines:
            lines.append(w.simple_paragraph(line, size_pt=9, align="center"))
        rule = (
            '<w:pBdr><w:bottom w:val="thickThinSmallGap" w:sz="24" w:space="1" '
            'w:color="000000"/></w:pBdr>'
        )
        return (
            w.table_start(widths, borders=False)
            + "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + w.cell_xml(widths[0], logo, valign="center")
            + w.cell_xml(widths[1], "".join(lines), valign="center")
            + w.cell_xml(widths[2], "")
            + "</w:tr></w:tbl>"
            + f'<w:p>{w.ppr_xml(border=rule, after_pt=10)}'
            '<w:r><w:rPr><w:sz w:val="4"/></w:rPr></w:r></w:p>'
        )

    def image_grid(self, grid: ImageGrid) -> str:
        w = self.w
        columns = max(1, grid.columns)
        column_cm = self.width_cm / columns
        widths = [_tw(column_cm)] * columns
        out = [w.table_start(widths, borders=False)]
        images = list(grid.images)
        for start in range(0, len(images), columns):
            cells = []
            for index in range(columns):
                if start + index >= len(images):
                    cells.append(w.cell_xml(widths[index], ""))
                    continue
                image = images[start + index]
                iw, ih = fit_box(image.size_px, column_cm - 0.6, grid.max_height_cm)
                picture = (
                    f'<w:p>{w.ppr_xml(align="center", before_pt=6)}'
                    f"{w.image_run(image.data, iw, ih)}</w:p>"
                )
                caption = w.paragraph_xml(Paragraph(
                    runs=(Run(image.caption, italic=True),), align="center", size_pt=9,
                    space_after_pt=8,
                )) if image.caption else ""
                cells.append(w.cell_xml(widths[index], picture + caption))
            out.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)


def fit_box(size_px: tuple[int, int], max_w_cm: float, max_h_cm: float) -> tuple[float, float]:
    """The largest (width, height) in cm with the image's aspect ratio inside the box."""
    px_w, px_h = max(1, size_px[0]), max(1, size_px[1])
    scale = min(max_w_cm / px_w, max_h_cm / px_h)
    return px_w * scale, px_h * scale


SIGNATURE_INDENT_CM = 0.35  # the signature starts right of the row number


def signature_box(png: bytes, half_cm: float, row_cm: float, size_pt: float) -> tuple[float, float]:
    """The size (cm) of a signature image under its row number, in its half of the column."""
    number_cm = size_pt * LINE_HEIGHT / 28.3464566929
    max_w = max(half_cm - SIGNATURE_INDENT_CM - 0.25, 0.5)
    max_h = max(row_cm - number_cm - 0.1, 0.6)
    return fit_box(image_size_px(png), max_w, max_h)


def _keep_with_next(xml: str) -> str:
    """Every paragraph of an XML fragment (of ours) kept with the next one."""
    xml = xml.replace("<w:p/>", "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>")
    xml = re.sub(r"<w:p>(?!<w:pPr>)", "<w:p><w:pPr><w:keepNext/></w:pPr>", xml)
    return re.sub(r"<w:p><w:pPr>(?!<w:keepNext/>)", "<w:p><w:pPr><w:keepNext/>", xml)


def _set_defaults(docx_document: Any, body_size_pt: float) -> None:
    """Arial (named), the body size, Indonesian proofing, no paragraph spacing."""
    from docx.oxml import parse_xml

    styles = docx_document.styles.element
    defaults = styles.find(f"{{{W_NS}}}docDefaults")
    half = round(body_size_pt * 2)
    font = _esc(DOCX_FONT_NAME)
    new_defaults = parse_xml(
        f"<w:docDefaults {_NAMESPACES}><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
        f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    if defaults is not None:
        styles.replace(defaults, new_defaults)
    else:
        styles.insert(0, new_defaults)
    normal = docx_document.styles["Normal"]
    normal.font.name = DOCX_FONT_NAME
    normal.paragraph_format.space_after = 0


def _footer(docx_document: Any, writer: _Writer, total_field: str = "NUMPAGES") -> str:
    """Add the "Halaman X dari Y" footer; returns its relationship id.

    ``total_field``: NUMPAGES (the pages of the document) or SECTIONPAGES (of the
    section, when each section is numbered on its own).
    """
    from docx.oxml import parse_xml

    section = docx_document.sections[0]
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    p = paragraph._p

    def field(instruction: str) -> str:
        return (
            '<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:instrText xml:space="preserve"> '
            f"{instruction} </w:instrText></w:r>"
            '<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r>'
            '<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
        )

    words = PAGE_NUMBER_WORDS
    xml = (
        f"<w:p {_NAMESPACES}><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
        f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{words[0]} </w:t></w:r>'
        + field("PAGE")
        + f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {words[1]} </w:t>'
        "</w:r>"
        + field(total_field)
        + "</w:p>"
    )
    p.getparent().replace(p, parse_xml(xml))
    reference = section._sectPr.find(f"{{{W_NS}}}footerReference")
    return str(reference.get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    ))


def render_docx(document: Document, target: Path | IO[bytes]) -> None:
    """Write ``document`` as a DOCX file (a path or a binary stream)."""
    import docx
    from docx.oxml import parse_xml

    out = docx.Document()
    _set_defaults(out, document.body_size_pt)
    out.core_properties.title = document.title
    out.core_properties.author = "Rakor Desktop"
    out.core_properties.language = LANGUAGE
    writer = _Writer(out, document.body_size_pt)
    sections: list[Section] = list(document.sections)
    # Sheets numbered on their own (Section.numbered_alone): every section restarts at
    # page 1 and counts the pages of its section (SECTIONPAGES); the groups of such a
    # document are single sections (see numbering_groups).
    per_section = any(section.numbered_alone for section in sections)
    footer_rid = (
        _footer(out, writer, "SECTIONPAGES" if per_section else "NUMPAGES")
        if document.page_numbers else ""
    )

    pieces: list[str] = []
    for index, section in enumerate(sections):
        pieces += _SectionRenderer(writer, section.page, document.body_size_pt).render(
            section.blocks
        )
        properties = _section_xml(section.page, footer_rid, restart=per_section)
        if index == len(sections) - 1:
            pieces.append(properties)
        else:
            pieces.append(f"<w:p><w:pPr>{properties}</w:pPr></w:p>")
    # The whole body is parsed once into a new document element: appending thousands
    # of rows into python-docx's tree one by one (or moving a parsed table across
    # documents) costs seconds.
    body = "".join(pieces)
    out.part._element = parse_xml(f"<w:document {_NAMESPACES}><w:body>{body}</w:body></w:document>")
    out.save(str(target) if isinstance(target, Path) else target)
