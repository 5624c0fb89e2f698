"""A QR code painted with QPainter (the modules come from reportlab's encoder)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

#: The quiet zone around the code, in modules (what a camera or scanner needs).
QUIET_ZONE = 4


def qr_modules(text: str) -> list[list[bool]]:
    """The dark (True) and light modules of ``text``'s QR code, error correction M.

    The smallest version that holds the text is chosen; an empty text has no code.
    """
    if not text:
        return []
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return [[bool(module) for module in row] for row in code.modules]


class QrCodeView(QWidget):
    """Shows one text as a square QR code, as large as the widget allows.

    Each module is a whole number of pixels (a camera reads sharp edges best) and the
    code is centred on white with its quiet zone.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._modules: list[list[bool]] = []
        self.setMinimumSize(QSize(150, 150))
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        """The text the code holds ("" when none)."""
        return self._text

    def set_text(self, text: str) -> None:
        """Show the code of ``text`` (an empty text shows nothing)."""
        if text == self._text:
            return
        self._text = text
        self._modules = qr_modules(text)
        self.setToolTip(text)
        self.update()

    def modules(self) -> list[list[bool]]:
        """The modules shown (rows of dark/light)."""
        return [list(row) for row in self._modules]

    def heightForWidth(self, width: int) -> int:
        return width

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def paint_code(self, painter: QPainter, area: QRect) -> None:
        """Paint the code (white square, quiet zone, dark modules) centred in ``area``."""
        side = min(area.width(), area.height())
        if side <= 0:
            return
        count = len(self._modules)
        if count == 0:
            return
        box = max(1, side // (count + 2 * QUIET_ZONE))
        full = box * (count + 2 * QUIET_ZONE)
        left = area.x() + (area.width() - full) // 2
        top = area.y() + (area.height() - full) // 2
        painter.fillRect(QRect(left, top, full, full), QColor("white"))
        ink = QColor("black")
        origin_x = left + QUIET_ZONE * box
        origin_y = top + QUIET_ZONE * box
        for row_number, row in enumerate(self._modules):
            column = 0
            while column < count:
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < count and row[column]:
                    column += 1
                painter.fillRect(
                    QRect(origin_x + start * box, origin_y + row_number * box,
                          (column - start) * box, box),
                    ink,
                )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.paint_code(painter, self.rect())
        painter.end()

    def to_image(self, side: int = 400) -> QImage:
        """The code as an image ``side`` pixels square (for saving, printing, checks)."""
        image = QImage(side, side, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        self.paint_code(painter, QRect(0, 0, side, side))
        painter.end()
        return image
