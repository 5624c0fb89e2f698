"""Printed material for the invitees: QR invitation cards and a sheet of name tags.

Both are PDFs drawn with reportlab in the bundled font. The QR code of a card holds
exactly the invitee's check-in code: a USB scanner at the desk types it, and the
code is printed under the QR for typing by hand. Every text of the user goes
through :func:`markup` (``PT A&B <Persero>`` prints as typed) and through
:func:`fit_paragraph`, which shrinks or, at last, shortens a text so it never runs
out of its box. Files are written to a temporary file and renamed: a crash or a
full disk never leaves half a PDF under the chosen name.

Layouts (margins 10 mm, printable on an ordinary office printer at 100 %):

* invitation cards: two per page, one above the other (A4: 190 × 133.5 mm,
  F4: 195 × 150 mm), each with cut marks at its corners;
* name tags: two columns, four rows on A4 (95 × 69 mm) or five on F4
  (97.5 × 62 mm), separated by thin cut lines.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from rakor_desktop.atomic_files import atomic_write
from rakor_desktop.fonts import PdfFonts, register_pdf_fonts
from rakor_desktop.formatting import format_date_span, format_name, format_time_range
from rakor_desktop.messages import RakorError, ValidationError
from rakor_desktop.models import Event, Invitee, Role
from rakor_desktop.operations.events import get_event
from rakor_desktop.storage import Storage

MM = 72 / 25.4
"""Points per millimetre."""

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210 * MM, 297 * MM),
    "F4": (215 * MM, 330 * MM),  # folio as used in Indonesian offices
}
MARGIN = 10 * MM
CARDS_PER_PAGE = 2
CARD_GAP = 10 * MM  # between the two cards, where the cut marks are
TAG_COLUMNS = 2
TAG_ROWS = {"A4": 4, "F4": 5}

ProgressCallback = Callable[[int, int], None]
"""Called with (done, total) after each card; raising from it stops the work."""

ROLE_LABELS: dict[Role, str] = {
    Role.PESERTA: "PESERTA",
    Role.NARASUMBER: "NARASUMBER",
    Role.MODERATOR: "MODERATOR",
    Role.PANITIA: "PANITIA",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INK = (0.13, 0.13, 0.13)
_GREY = (0.45, 0.45, 0.45)
_CUT = (0.55, 0.55, 0.55)


class PdfWriteError(RakorError):
    """A PDF could not be written where the user asked (nothing was left behind)."""


def paper_size(paper: str) -> tuple[float, float]:
    """Width and height in points of "A4" or "F4" (215 × 330 mm).

    Raises:
        ValidationError: another paper name.
    """
    key = paper.strip().upper()
    if key not in PAPER_SIZES:
        raise ValidationError(
            "Ukuran kertas {paper} tidak dikenal; pilih A4 atau F4.",
            "Unknown paper size {paper}; choose A4 or F4.",
            paper=paper,
        )
    return PAPER_SIZES[key]


# -- text that fits its box ----------------------------------------------------------


def markup(text: str) -> str:
    """User text as reportlab Paragraph markup: control characters dropped, ``<&>`` escaped."""
    return escape(" ".join(_CONTROL.sub("", text).split()))


def fit_paragraph(
    text: str, style: Any, width: float, max_height: float, *, min_size: float | None = None
) -> Any:
    """A Paragraph of ``text`` no taller than ``max_height`` at ``width``.

    The font shrinks step by step down to ``min_size`` (default: 70 % of the
    style's); a text still too long is cut at the end with "…".
    """
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    base_size = float(style.fontSize)
    ratio = float(style.leading) / base_size
    smallest = min_size if min_size is not None else base_size * 0.7
    size = base_size

    def make(content: str, font_size: float) -> tuple[Any, float]:
        sized = ParagraphStyle(
            f"{style.name}-{font_size}", parent=style, fontSize=font_size,
            leading=font_size * ratio,
        )
        paragraph = Paragraph(markup(content), sized)
        _w, height = paragraph.wrap(width, max_height)
        return paragraph, height

    while True:
        paragraph, height = make(text, size)
        if height <= max_height + 0.01:
            return paragraph
        if size - 0.5 < smallest:
            break
        size -= 0.5
    # Still too long at the smallest size: keep as much as fits, then "…".
    plain = " ".join(_CONTROL.sub("", text).split())
    low, high = 0, len(plain)
    best, _h = make("", size)
    while low <= high:
        middle = (low + high) // 2
        candidate, height = make(plain[:middle].rstrip() + "…", size)
        if height <= max_height + 0.01:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


class _Column:
    """Draws paragraphs top-down in a column of a page."""

    def __init__(self, canvas: Any, x: float, top: float, width: float, bottom: float) -> None:
        self.canvas = canvas
        self.x = x
        self.y = top
        self.width = width
        self.bottom = bottom

    def add(
        self,
        text: str,
        style: Any,
        *,
        max_lines: int = 1,
        min_size: float | None = None,
        space_before: float = 0.0,
    ) -> float:
        """Draw ``text`` below what is there; returns the height used."""
        if not text.strip():
            return 0.0
        top = self.y - space_before
        room = min(max_lines * float(style.leading), top - self.bottom)
        if room <= 0:
            return 0.0
        paragraph = fit_paragraph(text, style, self.width, room, min_size=min_size)
        _w, height = paragraph.wrap(self.width, room)
        paragraph.drawOn(self.canvas, self.x, top - height)
        self.y = top - height
        return float(space_before + height)


def _styles(fonts: PdfFonts) -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    def style(name: str, size: float, *, bold: bool = False, center: bool = False,
              leading: float = 1.22, grey: bool = False) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=fonts.bold if bold else fonts.regular,
            fontSize=size,
            leading=size * leading,
            alignment=TA_CENTER if center else TA_LEFT,
            textColor=_GREY if grey else _INK,
        )

    return {
        # invitation card
        "kop_government": style("kop-gov", 10, bold=True, center=True),
        "kop_unit": style("kop-unit", 12.5, bold=True, center=True),
        "heading": style("heading", 22, bold=True, leading=1.1),
        "number": style("number", 9, grey=True),
        "title": style("title", 12.5, bold=True),
        "to": style("to", 10.5),
        "name": style("name", 17, bold=True, leading=1.15),
        "position": style("position", 11),
        "detail": style("detail", 10.5),
        "note": style("note", 8, grey=True),
        "code": style("code", 14, bold=True, center=True),
        "code_label": style("code-label", 7.5, center=True, grey=True),
        "role": style("role", 9.5, bold=True, center=True),
        # name tag
        "tag_unit": style("tag-unit", 6.5, bold=True, center=True),
        "tag_event": style("tag-event", 6.5, center=True, grey=True),
        "tag_name": style("tag-name", 17, bold=True, center=True, leading=1.12),
        "tag_position": style("tag-position", 8.5),
        "tag_instansi": style("tag-instansi", 8.5, bold=True),
        "tag_code": style("tag-code", 6.5, center=True, grey=True),
        "tag_role": style("tag-role", 8, bold=True),
    }


# -- the QR code -----------------------------------------------------------------------


QR_BORDER = 4
"""The quiet zone around a QR code, in modules (what scanners need)."""


def qr_widget(code: str, size: float) -> Any:
    """reportlab's QR widget for ``code``, ``size`` points square.

    Error correction M and the standard quiet zone, so a cheap USB scanner reads
    it from paper. The widget holds exactly the code: the scanner types it.
    """
    from reportlab.graphics.barcode.qr import QrCodeWidget

    return QrCodeWidget(code, barLevel="M", barBorder=QR_BORDER, barWidth=size, barHeight=size)


def _draw_qr(canvas: Any, code: str, x: float, y: float, size: float) -> None:
    """Draw the QR of ``code`` with its lower left corner at (x, y).

    The widget's modules go into one filled path: drawing the widget itself (a
    shape per dark run) takes about four times as long for a page of cards.
    """
    import itertools

    widget = qr_widget(code, size)
    widget.qr.make()
    modules = widget.qr.modules
    box = size / (len(modules) + 2 * QR_BORDER)
    path = canvas.beginPath()
    for row_number, row in enumerate(modules):
        column = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            count = len(list(run))
            if dark:
                path.rect(
                    x + (column + QR_BORDER) * box,
                    y + size - (row_number + QR_BORDER + 1) * box,
                    count * box,
                    box,
                )
            column += count
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


# -- invitation cards ------------------------------------------------------------------


@dataclass(frozen=True)
class _EventTexts:
    """What every card of one event says about the event."""

    government: str
    unit: str
    title: str
    number: str
    date: str
    time: str
    venue: str


def _event_texts(event: Event) -> _EventTexts:
    return _EventTexts(
        government=event.organizer_government.upper(),
        unit=event.organizer_unit.upper(),
        title=event.title,
        number=event.invitation_number,
        date=format_date_span(event.date, event.end_date),
        time=format_time_range(event.start_time, event.end_time, event.timezone, pukul=True),
        venue=event.venue,
    )


def _invitee_name(invitee: Invitee) -> str:
    person = invitee.person
    return format_name(person.name, person.front_titles, person.back_titles)


def _cut_marks(canvas: Any, x: float, y: float, width: float, height: float) -> None:
    """Short lines outside the corners of a card, where the cutter lines up."""
    offset, length = 1 * MM, 3 * MM
    canvas.setStrokeColorRGB(*_CUT)
    canvas.setLineWidth(0.4)
    for cx, sx in ((x, -1), (x + width, 1)):
        for cy, sy in ((y, -1), (y + height, 1)):
            canvas.line(cx + sx * offset, cy, cx + sx * (offset + length), cy)
            canvas.line(cx, cy + sy * offset, cx, cy + sy * (offset + length))


def _draw_card(
    canvas: Any, styles: dict[str, Any], texts: _EventTexts, invitee: Invitee,
    x: float, y: float, width: float, height: float,
) -> None:
    _cut_marks(canvas, x, y, width, height)
    canvas.setStrokeColorRGB(*_INK)
    canvas.setLineWidth(0.8)
    frame = 3 * MM
    canvas.rect(x + frame, y + frame, width - 2 * frame, height - 2 * frame)

    pad = 8 * MM
    inner_x, inner_w = x + pad, width - 2 * pad
    top, bottom = y + height - pad, y + pad
    kop = _Column(canvas, inner_x, top, inner_w, bottom)
    if texts.government or texts.unit:
        kop.add(texts.government, styles["kop_government"], max_lines=1)
        kop.add(texts.unit, styles["kop_unit"], max_lines=2, min_size=9)
        rule = kop.y - 2.5
        canvas.setStrokeColorRGB(*_INK)
        canvas.setLineWidth(1.6)
        canvas.line(inner_x, rule, inner_x + inner_w, rule)
        canvas.setLineWidth(0.5)
        canvas.line(inner_x, rule - 2.6, inner_x + inner_w, rule - 2.6)
        top = rule - 2.6 - 4 * MM

    qr_column = 50 * MM
    text_w = inner_w - qr_column - 5 * MM
    note_h = float(styles["note"].leading) * 2
    left = _Column(canvas, inner_x, top, text_w, bottom + note_h + 2)
    left.add("UNDANGAN", styles["heading"])
    if texts.number:
        left.add(f"Nomor: {texts.number}", styles["number"], space_before=1)
    left.add(texts.title, styles["title"], max_lines=3, min_size=8, space_before=4)
    left.add("Kepada Yth.", styles["to"], space_before=6 * MM)
    left.add(_invitee_name(invitee), styles["name"], max_lines=2, min_size=10, space_before=2)
    left.add(invitee.jabatan, styles["position"], max_lines=2, min_size=8)
    left.add(invitee.instansi, styles["position"], max_lines=2, min_size=8)
    details = [
        ("Hari/Tanggal", texts.date, 2),
        ("Waktu", texts.time, 1),
        ("Tempat", texts.venue, 2),
    ]
    label_w = 27 * MM
    left.y -= 5 * MM
    detail_style = styles["detail"]
    for label, value, lines in details:
        if not value:
            continue
        row = _Column(canvas, inner_x + label_w, left.y, text_w - label_w, left.bottom)
        used = row.add(value, detail_style, max_lines=lines, min_size=8, space_before=2)
        if used:
            for text, label_x in ((label, inner_x), (":", inner_x + label_w - 3 * MM)):
                _Column(canvas, label_x, left.y, label_w, left.bottom).add(
                    text, detail_style, space_before=2
                )
        left.y = row.y
    note = _Column(canvas, inner_x, bottom + note_h, text_w, bottom)
    note.add(
        "Mohon kartu ini dibawa dan kode QR ditunjukkan di meja registrasi.",
        styles["note"], max_lines=2,
    )

    # The QR column: role (when not an ordinary participant), the QR, the code.
    column_x = x + width - pad - qr_column
    right = _Column(canvas, column_x, top, qr_column, bottom)
    role = Role(invitee.role)
    if role != Role.PESERTA:
        label_h = float(styles["role"].leading) + 4
        canvas.setFillColorRGB(*_INK)
        canvas.rect(column_x, top - label_h, qr_column, label_h, stroke=0, fill=1)
        role_style = styles["role"]
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont(role_style.fontName, role_style.fontSize)
        canvas.drawCentredString(
            column_x + qr_column / 2, top - label_h + 2 + 0.25 * role_style.fontSize,
            ROLE_LABELS[role],
        )
        right.y = top - label_h - 2 * MM
    code_h = float(styles["code"].leading) + float(styles["code_label"].leading) + 2
    size = min(qr_column, right.y - bottom - code_h)
    qr_x = column_x + (qr_column - size) / 2
    qr_y = bottom + code_h + max(0.0, (right.y - bottom - code_h - size) / 2)
    _draw_qr(canvas, invitee.checkin_code, qr_x, qr_y, size)
    under = _Column(canvas, column_x, qr_y, qr_column, bottom)
    under.add(invitee.checkin_code, styles["code"])
    under.add("kode registrasi", styles["code_label"])


def render_invitation_cards(
    storage: Storage,
    event_id: int,
    path: Path | str,
    *,
    paper: str = "A4",
    invitee_ids: list[int] | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """Write the QR invitation cards of an event (or of some invitees) as a PDF.

    Returns:
        How many cards were written.

    Raises:
        ValidationError: nobody to print, or an unknown paper size.
        PdfWriteError: the file cannot be written there (nothing is left behind).
    """
    page_w, page_h = paper_size(paper)
    event = get_event(storage, event_id)
    invitees = _invitees(storage, event_id, invitee_ids)
    texts = _event_texts(event)
    card_w = page_w - 2 * MARGIN
    card_h = (page_h - 2 * MARGIN - CARD_GAP * (CARDS_PER_PAGE - 1)) / CARDS_PER_PAGE

    def draw(output: IO[bytes]) -> None:
        fonts = register_pdf_fonts()
        styles = _styles(fonts)
        canvas = _new_canvas(output, (page_w, page_h), f"Undangan {event.title}", event)
        for index, invitee in enumerate(invitees):
            slot = index % CARDS_PER_PAGE
            if index and slot == 0:
                canvas.showPage()
            y = page_h - MARGIN - (slot + 1) * card_h - slot * CARD_GAP
            _draw_card(canvas, styles, texts, invitee, MARGIN, y, card_w, card_h)
            if progress is not None:
                progress(index + 1, len(invitees))
        canvas.showPage()
        canvas.save()

    write_pdf_atomically(Path(path), draw)
    return len(invitees)


# -- name tags -------------------------------------------------------------------------


def _draw_tag(
    canvas: Any, styles: dict[str, Any], texts: _EventTexts, invitee: Invitee,
    x: float, y: float, width: float, height: float,
) -> None:
    canvas.setStrokeColorRGB(*_CUT)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, width, height)

    pad = 4.5 * MM
    inner_x, inner_w = x + pad, width - 2 * pad
    top, bottom = y + height - pad, y + pad
    head = _Column(canvas, inner_x, top, inner_w, bottom)
    head.add(texts.unit or texts.government, styles["tag_unit"])
    head.add(texts.title, styles["tag_event"], max_lines=2, min_size=5.5)
    rule = head.y - 2
    canvas.setStrokeColorRGB(*_INK)
    canvas.setLineWidth(0.8)
    canvas.line(inner_x, rule, inner_x + inner_w, rule)

    qr_size = min(20 * MM, (rule - bottom) * 0.55)
    code_h = float(styles["tag_code"].leading)
    name_box_bottom = bottom + qr_size + code_h + 1.5 * MM
    name = _Column(canvas, inner_x, rule - 2.5 * MM, inner_w, name_box_bottom)
    name_style = styles["tag_name"]
    room = name.y - name_box_bottom
    paragraph = fit_paragraph(
        _invitee_name(invitee), name_style, inner_w, min(room, 2 * float(name_style.leading)),
        min_size=10,
    )
    _w, name_h = paragraph.wrap(inner_w, room)
    # The name sits in the middle of the space above the QR row.
    paragraph.drawOn(canvas, inner_x, name_box_bottom + (room - name_h) / 2)

    qr_x = x + width - pad - qr_size
    qr_y = bottom + code_h
    _draw_qr(canvas, invitee.checkin_code, qr_x, qr_y, qr_size)
    code = _Column(canvas, qr_x - 2 * MM, qr_y, qr_size + 4 * MM, bottom - 2)
    code.add(invitee.checkin_code, styles["tag_code"])

    text_w = inner_w - qr_size - 3 * MM
    role_style = styles["tag_role"]
    role_h = float(role_style.leading) + 3
    details = _Column(canvas, inner_x, bottom + qr_size + code_h, text_w, bottom + role_h + 2)
    details.add(invitee.jabatan, styles["tag_position"], max_lines=2, min_size=6.5)
    details.add(invitee.instansi, styles["tag_instansi"], max_lines=2, min_size=6.5,
                space_before=1)
    role = ROLE_LABELS[Role(invitee.role)]
    label_w = canvas.stringWidth(role, role_style.fontName, role_style.fontSize) + 4 * MM
    canvas.setFillColorRGB(*_INK)
    canvas.rect(inner_x, bottom, label_w, role_h, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont(role_style.fontName, role_style.fontSize)
    canvas.drawString(inner_x + 2 * MM, bottom + 1.5 + 0.25 * role_style.fontSize, role)


def render_name_tags(
    storage: Storage,
    event_id: int,
    path: Path | str,
    *,
    paper: str = "A4",
    invitee_ids: list[int] | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """Write a sheet of name tags (2 columns; 8 per A4 page, 10 per F4) as a PDF.

    Returns:
        How many tags were written.

    Raises:
        ValidationError: nobody to print, or an unknown paper size.
        PdfWriteError: the file cannot be written there (nothing is left behind).
    """
    page_w, page_h = paper_size(paper)
    rows = TAG_ROWS[paper.strip().upper()]
    per_page = rows * TAG_COLUMNS
    event = get_event(storage, event_id)
    invitees = _invitees(storage, event_id, invitee_ids)
    texts = _event_texts(event)
    tag_w = (page_w - 2 * MARGIN) / TAG_COLUMNS
    tag_h = (page_h - 2 * MARGIN) / rows

    def draw(output: IO[bytes]) -> None:
        fonts = register_pdf_fonts()
        styles = _styles(fonts)
        canvas = _new_canvas(output, (page_w, page_h), f"Tanda nama {event.title}", event)
        for index, invitee in enumerate(invitees):
            slot = index % per_page
            if index and slot == 0:
                canvas.showPage()
            row, column = divmod(slot, TAG_COLUMNS)
            x = MARGIN + column * tag_w
            y = page_h - MARGIN - (row + 1) * tag_h
            _draw_tag(canvas, styles, texts, invitee, x, y, tag_w, tag_h)
            if progress is not None:
                progress(index + 1, len(invitees))
        canvas.showPage()
        canvas.save()

    write_pdf_atomically(Path(path), draw)
    return len(invitees)


# -- shared ----------------------------------------------------------------------------


def _invitees(storage: Storage, event_id: int, invitee_ids: list[int] | None) -> list[Invitee]:
    if invitee_ids is None:
        invitees = storage.list_invitees(event_id)
    else:
        invitees = storage.list_invitees_by_id(event_id, list(invitee_ids))
    if not invitees:
        raise ValidationError(
            "Tidak ada peserta untuk dicetak: daftar undangan masih kosong.",
            "There is nobody to print: the invitation list is empty.",
        )
    return invitees


def _new_canvas(output: IO[bytes], size: tuple[float, float], title: str, event: Event) -> Any:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(output, pagesize=size, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(event.organizer_unit or event.organizer_government or "Rakor Desktop")
    canvas.setCreator("Rakor Desktop")
    return canvas


def write_pdf_atomically(path: Path, draw: Callable[[IO[bytes]], None]) -> None:
    """Run ``draw`` into a temporary file beside ``path``, then put it in place
    (:func:`rakor_desktop.atomic_files.atomic_write`).

    Raises:
        PdfWriteError: the folder cannot be written, or the file is held open by
            another program. The temporary file is removed in every case.
    """
    with atomic_write(path, "wb", cannot_write=_pdf_not_written) as output:
        draw(output)


def _pdf_not_written(path: Path, exc: OSError) -> PdfWriteError:
    if not path.parent.is_dir() or not os.access(path.parent, os.W_OK):
        return PdfWriteError(
            "Folder {folder} tidak dapat ditulisi ({error}). Pilih folder lain.",
            "Cannot write in the folder {folder} ({error}). Choose another folder.",
            folder=path.parent,
            error=exc.strerror or exc,
        )
    return PdfWriteError(
        "Berkas {path} tidak dapat disimpan ({error}). Bila berkas itu sedang terbuka "
        "di aplikasi lain, tutup dulu lalu coba lagi.",
        "Cannot save the file {path} ({error}). If it is open in another program, "
        "close it and try again.",
        path=path,
        error=exc.strerror or exc,
    )
