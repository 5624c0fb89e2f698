"""A signature pad: sign with a mouse, a pen or a finger; clear and sign again.

Strokes are kept as lists of points (with the pen's pressure when there is one) and
painted with QPainter; :meth:`SignaturePad.to_png` renders them on white, cropped to
what was drawn, as the PNG stored with the attendance.
"""

from __future__ import annotations

import time
from itertools import pairwise

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..widgets import ERROR_STYLE

INK = QColor("#10206b")
BASE_WIDTH = 2.6  # pixels at normal pressure
MARGIN = 12  # white around the signature in the PNG
SCAN_GAP_SECONDS = 1.0  # keys further apart than this are not one scanner burst


class SignaturePad(QWidget):
    """Draw strokes with the left mouse button, a pen (pressure-sensitive) or touch.

    Touch arrives as mouse events (Qt synthesises them for unhandled touches).

    Signals:
        changed(): a stroke was added or the pad cleared.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[tuple[QPointF, float]]] = []
        self._drawing = False
        self.setMinimumSize(QSize(420, 170))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- content ---------------------------------------------------------------------

    def is_empty(self) -> bool:
        """True when nothing was drawn."""
        return not self._strokes

    def stroke_count(self) -> int:
        """How many strokes were drawn."""
        return len(self._strokes)

    def clear(self) -> None:
        """Wipe the pad to sign again."""
        self._strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    def to_png(self) -> bytes:
        """The signature as PNG bytes (ink on white, cropped); empty bytes when blank."""
        if not self._strokes:
            return b""
        bounds = self._bounds().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        image = QImage(
            max(1, round(bounds.width())), max(1, round(bounds.height())),
            QImage.Format.Format_RGB32,
        )  # fmt: skip
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.translate(-bounds.topLeft())
        self._paint_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())

    def _bounds(self) -> QRectF:
        xs = [p.x() for stroke in self._strokes for p, _w in stroke]
        ys = [p.y() for stroke in self._strokes for p, _w in stroke]
        return QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)

    # -- drawing ---------------------------------------------------------------------

    def _begin(self, point: QPointF, pressure: float) -> None:
        self._drawing = True
        self._strokes.append([(point, pressure)])
        self.update()

    def _extend(self, point: QPointF, pressure: float) -> None:
        if self._drawing and self._strokes:
            self._strokes[-1].append((point, pressure))
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), 1.0)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), 1.0)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), 1.0)
            self._end()
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt does not also send the same stroke as mouse events.
        pressure = 0.4 + 1.2 * max(0.0, min(1.0, event.pressure()))
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._extend(event.position(), pressure)
            self._end()
        event.accept()

    # -- painting --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        baseline_y = self.height() - 36
        painter.setPen(QPen(QColor("#b8bcc6"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(24, baseline_y, self.width() - 24, baseline_y)
        painter.setPen(QColor("#9aa0ab"))
        painter.drawText(28, baseline_y - 6, "×")
        painter.setPen(QPen(QColor("#c7cbd3"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._paint_strokes(painter)
        painter.end()

    def _paint_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self._strokes:
            if len(stroke) == 1:
                point, pressure = stroke[0]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(INK)
                radius = BASE_WIDTH * pressure / 2 + 0.5
                painter.drawEllipse(point, radius, radius)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                continue
            for (start, p1), (end, p2) in pairwise(stroke):
                pen = QPen(INK, BASE_WIDTH * (p1 + p2) / 2)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawLine(start, end)


class SignatureDialog(QDialog):
    """Ask the person who just checked in to sign: Enter saves, Esc skips.

    Nothing drawn yet: Enter does nothing (a hint says so), so a signature is never
    thrown away by the key that usually means "done"; skipping is a deliberate Esc (or
    the *Skip* button). The buttons take no focus: the keys always reach the dialog.

    A QR scanner types into whatever has the keys. Characters typed and then Enter (or
    Tab) are not taken for "save": they are passed on with :attr:`scanned` (the desk
    checks the code in) and the pad stays open for the person signing.

    Signals:
        scanned(str): characters were typed (by a scanner) and then Enter or Tab.
    """

    scanned = Signal(str)

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature"))
        self.png = b""
        self.who = who
        self._typed = ""
        self._typed_at = 0.0
        heading = QLabel(self.tr("Please sign: <b>{name}</b>").format(name=_html(who)))
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self.pad = SignaturePad()
        self.pad.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pad.installEventFilter(self)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.waiting_label = QLabel()
        self.waiting_label.setWordWrap(True)
        self.waiting_label.hide()
        self.clear_button = QPushButton(self.tr("&Clear"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Save signature"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button = self.buttons.addButton(
            self.tr("S&kip (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        for button in (self.save_button, self.skip_button, self.clear_button):
            button.setAutoDefault(False)  # a focused Skip must never take the Enter
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.pad.changed.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(620, 360)
        self.pad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update(self) -> None:
        drawn = not self.pad.is_empty()
        self.save_button.setEnabled(drawn)
        self.save_button.setDefault(drawn)
        self.hint_label.setStyleSheet("")
        self.hint_label.setText(
            self.tr("Enter saves the signature · Esc skips") if drawn
            else self.tr("Sign in the box above · Esc skips")
        )

    def show_waiting(self, names: list[str], note: str = "", *, error: bool = False) -> None:
        """Say what a scan did meanwhile and who signs after this person."""
        lines = [note] if note else []
        if names:
            lines.append(self.tr("Next to sign: {names}").format(names=", ".join(names)))
        self.waiting_label.setText("\n".join(lines))
        self.waiting_label.setStyleSheet(ERROR_STYLE if error else "")
        self.waiting_label.setVisible(bool(lines))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The pad has the keys; Tab must not move the focus (some scanners end with it).
        if watched is self.pad and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        """Handle a key: Enter saves (or ends a scan), Esc skips, characters may be a scan."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            typed, self._typed = self._typed, ""
            if typed.strip():
                self.scanned.emit(typed)  # a scan (or stray keys): never "save" or "skip"
            elif key != Qt.Key.Key_Tab:
                self.accept()
            return True
        if key == Qt.Key.Key_Escape:
            self._typed = ""
            self.reject()
            return True
        text = event.text()
        modifiers = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if text and text.isprintable() and not modifiers:
            now = time.monotonic()
            if now - self._typed_at > SCAN_GAP_SECONDS:
                self._typed = ""  # a stray key long ago is not the start of this scan
            self._typed += text
            self._typed_at = now
            return True
        return False

    def accept(self) -> None:
        """Keep the drawing as PNG (nothing to keep: stay open and say how to skip)."""
        if self.pad.is_empty():
            self.hint_label.setText(
                self.tr("Nothing drawn yet: sign in the box, or press Esc to skip.")
            )
            self.hint_label.setStyleSheet(ERROR_STYLE)
            return
        self.png = self.pad.to_png()
        super().accept()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
