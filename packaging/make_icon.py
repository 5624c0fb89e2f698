"""Draw the app icon with QPainter and write it to resources/icons/.

    .venv/bin/python packaging/make_icon.py

The icon: a meeting table seen from above (a white rounded table with eight
seats around it) on a rounded square in deep blue, with a red-and-white band at
the top (the colours of the flag that stands at the front of every rakor).
Simple shapes, so that it still reads at 16 pixels.

Writes ``rakor-desktop-<size>.png`` for the sizes of the Linux icon theme and
the Windows shell, and ``rakor-desktop.ico`` holding 16 to 256 pixels (PNG
images inside the ICO container, as Windows Vista and later read them; written
here because Qt's ICO writer stores one size only). The files are committed; run
this again only after changing the drawing.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAME = "rakor-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

NAVY_TOP = QColor("#24508f")
NAVY_BOTTOM = QColor("#14305c")
FLAG_RED = QColor("#d22630")
TABLE = QColor("#ffffff")
SEAT = QColor("#f2c14e")
OUTLINE = QColor(0, 0, 0, 60)


def draw_icon(size: int) -> QImage:
    """The icon at ``size`` × ``size`` pixels (drawn in a 256 unit square, scaled)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)

    # the tile
    tile = QRectF(8, 8, 240, 240)
    radius = 48
    gradient = QLinearGradient(QPointF(0, 8), QPointF(0, 248))
    gradient.setColorAt(0, NAVY_TOP)
    gradient.setColorAt(1, NAVY_BOTTOM)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(tile, radius, radius)

    # the red-and-white band at the top, clipped to the tile's rounded corners
    clip = QPainterPath()
    clip.addRoundedRect(tile, radius, radius)
    painter.save()
    painter.setClipPath(clip)
    painter.setBrush(FLAG_RED)
    painter.drawRect(QRectF(8, 8, 240, 26))
    painter.setBrush(TABLE)
    painter.drawRect(QRectF(8, 34, 240, 22))
    painter.restore()

    # the table: a white rounded rectangle, long side across
    table = QRectF(70, 108, 116, 88)
    painter.setPen(QPen(OUTLINE, 3))
    painter.setBrush(TABLE)
    painter.drawRoundedRect(table, 30, 30)

    # eight seats: three along each long side, one at each end
    painter.setBrush(SEAT)
    seat_radius = 15.0
    centre = table.center()
    seats = [QPointF(x, table.top() - 24) for x in (92, 128, 164)]
    seats += [QPointF(x, table.bottom() + 24) for x in (92, 128, 164)]
    seats += [QPointF(table.left() - 24, centre.y()), QPointF(table.right() + 24, centre.y())]
    for seat in seats:
        painter.drawEllipse(seat, seat_radius, seat_radius)

    # a check mark on the table: the attendance the app keeps
    check = QPainterPath(QPointF(104, 152))
    check.lineTo(QPointF(122, 170))
    check.lineTo(QPointF(154, 134))
    pen = QPen(FLAG_RED, 14 if size >= 32 else 18)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(check)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError("PNG encoding failed")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file with one PNG image per size (ICONDIR, ICONDIRENTRY × n, images)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = images[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def write_icons(folder: Path = ICONS) -> list[Path]:
    """Write every PNG size and the ICO; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    encoded = {size: png_bytes(draw_icon(size)) for size in PNG_SIZES}
    for size, data in encoded.items():
        path = folder / f"{NAME}-{size}.png"
        path.write_bytes(data)
        written.append(path)
    ico = folder / f"{NAME}.ico"
    ico.write_bytes(ico_bytes({size: encoded[size] for size in ICO_SIZES}))
    written.append(ico)
    return written


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_icons():
        print(f"{path.relative_to(ICONS.parent.parent)} ({path.stat().st_size} bytes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
