"""The baseline of the startup benchmark: a bare PySide6 QMainWindow process.

It shows an empty main window of the app's default size and, on the window's first
paint, prints ``RAKOR_FIRST_PAINT <time.time()>`` (the same line as
``python -m ui.app --smoke``) and exits 0.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

WINDOW_SIZE = (1280, 800)


class FirstPaintReporter(QObject):
    """Prints the paint line once, on the first paint event of the watched widget."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._reported = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if not self._reported and event.type() == QEvent.Type.Paint:
            self._reported = True
            print(f"RAKOR_FIRST_PAINT {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def main() -> int:
    """Show the window, report its first paint, quit."""
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Rakor Desktop (bare)")
    window.resize(*WINDOW_SIZE)
    reporter = FirstPaintReporter(app)
    window.installEventFilter(reporter)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
