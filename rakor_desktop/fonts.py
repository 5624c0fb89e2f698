"""The bundled font (Liberation Sans, metric-compatible with Arial, SIL OFL) for PDFs.

Every PDF the app writes embeds it, so documents look the same on every machine
and cover Indonesian text. ``register_pdf_fonts()`` registers it with reportlab
once and returns the family's names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rakor_desktop import paths

FONT_DIR = ("fonts",)
DOCX_FONT_NAME = "Arial"  # what a DOCX names; Word and LibreOffice substitute metrically


@dataclass(frozen=True)
class PdfFonts:
    """reportlab names of the registered family."""

    regular: str = "RakorSans"
    bold: str = "RakorSans-Bold"
    italic: str = "RakorSans-Italic"
    bold_italic: str = "RakorSans-BoldItalic"


FONT_FILES = {
    "regular": "LiberationSans-Regular.ttf",
    "bold": "LiberationSans-Bold.ttf",
    "italic": "LiberationSans-Italic.ttf",
    "bold_italic": "LiberationSans-BoldItalic.ttf",
}


def font_path(style: str) -> str:
    """Path of one bundled font file ("regular", "bold", "italic", "bold_italic")."""
    return str(paths.resource(*FONT_DIR, FONT_FILES[style]))


@cache
def register_pdf_fonts() -> PdfFonts:
    """Register the bundled family with reportlab (once per process)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = PdfFonts()
    for style in FONT_FILES:
        pdfmetrics.registerFont(TTFont(getattr(names, style), font_path(style)))
    addMapping(names.regular, 0, 0, names.regular)
    addMapping(names.regular, 1, 0, names.bold)
    addMapping(names.regular, 0, 1, names.italic)
    addMapping(names.regular, 1, 1, names.bold_italic)
    return names
