"""Screenshots of every page and hall window at a laptop's size, to look at before a
screen is called done.

    .venv/bin/python tools/screenshots.py [OUT_FOLDER] [--lang id|en]

Runs offscreen on a 1366x728 screen (the desktop of a 1366x768 Windows laptop less
its task bar) with the demo rakor in a temporary folder; writes one PNG per page, tab
and window into OUT_FOLDER (default: screenshots/).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={ROOT / 'tests' / 'offscreen-laptop.json'}"
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", type=Path, default=Path("screenshots"))
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["RAKOR_HOME"] = tempfile.mkdtemp(prefix="rakor-shots-")

    from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

    from rakor_desktop import messages
    from rakor_desktop.demo import create_demo_event
    from rakor_desktop.settings import Settings
    from rakor_desktop.storage import Storage
    from ui.mainwindow import MainWindow
    from ui.translations import Translations

    app = QApplication([])
    translations = Translations(app)
    translations.apply(args.lang)
    messages.set_language(args.lang)
    storage = Storage.open(Path(os.environ["RAKOR_HOME"]) / "shots.sqlite3")
    event_id = create_demo_event(storage)
    window = MainWindow(storage, Settings(operator_name="Rina", station_name="Meja 1"),
                        translations, database_path=storage.path)
    window.open_event(event_id)
    window.show()

    def save(widget: QWidget, name: str) -> None:
        app.processEvents()
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        print(f"{path}  {widget.width()}x{widget.height()}")

    for number, area in enumerate(window.AREAS):
        window.show_area(number)
        page = window.page(area)
        save(window, f"{number + 1}-{area}")
        own = [page] if isinstance(page, QTabWidget) else []
        for tabs in own + page.findChildren(QTabWidget):
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                save(window, f"{number + 1}-{area}-tab{index}")
            tabs.setCurrentIndex(0)
    window.projector_action.trigger()
    window.moderator_action.trigger()
    for hall_window in window.live_meeting().open_windows():
        save(hall_window, f"hall-{type(hall_window).__name__}")
    window.close()
    storage.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
