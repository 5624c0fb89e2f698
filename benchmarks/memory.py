"""Memory benchmark: resident memory of the app with a 20,000-invitee event at the desk.

Builds the event (``fixtures.make_large_event``), then starts a fresh Python process
(so that building the fixture is not counted) that opens the real main window on the
event, shows the registration desk (``CheckinPage``) with it, and reads ``VmRSS`` and
``VmHWM`` (the peak) from ``/proc/self/status``:

1. when the window and the desk are up;
2. after typing searches at the desk and checking 50 people in by code;
3. after scrolling the desk's list through every match of "a" (about 15,000 rows
   fetched page by page into the model: the worst a user can do);
4. after showing the invitation list of the "Peserta & Kehadiran" area too.

Target: at most 200 MB.

Usage::

    python benchmarks/memory.py
    python benchmarks/memory.py --invitees 20000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(ROOT))

TARGET_MB = 200.0


def memory_mb() -> dict[str, float]:
    """Resident memory now and at its peak, in MB (10^6 bytes), from /proc/self/status."""
    values: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = round(int(rest.split()[0]) * 1024 / 1e6, 1)
    return values


def child(db_path: Path, event_id: int) -> dict[str, object]:
    """Runs in the fresh process: open the app on the event and measure."""
    from benchmarks.checkin_search import keep_none_alive

    keep_none_alive()
    stages: dict[str, object] = {"python_started": memory_mb()}
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from rakor_desktop.settings import Settings
    from rakor_desktop.storage import Storage
    from ui.desk.checkin_page import CheckinPage
    from ui.mainwindow import MainWindow
    from ui.translations import Translations

    app = QApplication.instance() or QApplication([])
    translations = Translations(app)
    translations.apply("id")
    settings = Settings(operator_name="Bench", station_name="meja-1")
    storage = Storage.open(db_path, backup=False)
    window = MainWindow(storage, settings, translations, database_path=db_path)
    window.resize(1280, 800)
    window.open_event(event_id)
    window.show()
    page = getattr(window, "checkin_page", None)
    if isinstance(page, CheckinPage):  # once the desk is a tab of the main window
        window.show_area(window.AREAS.index("participants"))
    else:
        page = CheckinPage(storage, settings)
        page.resize(1280, 800)
        page.show()
    page.set_event(event_id)
    for _ in range(5):
        app.processEvents()
    stages["desk_shown"] = memory_mb()

    field = page.search_edit
    for text in ("agus sa", "siti", "ketua rt", "kpps tps 01", "dewi lu"):
        QTest.keyClick(field, Qt.Key.Key_Escape)
        for char in text:
            QTest.keyClick(field, char)
            app.processEvents()
    codes = [i.checkin_code for i in storage.list_invitees(event_id, limit=50)]
    for code in codes:
        QTest.keyClicks(field, code)
        QTest.keyClick(field, Qt.Key.Key_Return)
        app.processEvents()
    stages["after_searches_and_50_checkins"] = memory_mb()

    QTest.keyClick(field, Qt.Key.Key_Escape)
    QTest.keyClicks(field, "a")
    page.run_search()
    while page.model.canFetchMore():
        page.model.fetchMore()
        page.table.scrollToBottom()
        app.processEvents()
    stages["rows_in_desk_model"] = page.model.rowCount()
    stages["after_scrolling_all_matches_of_a"] = memory_mb()

    window.show_area(window.AREAS.index("participants"))
    for _ in range(5):
        app.processEvents()
    stages["after_invitation_list_shown"] = memory_mb()
    return stages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="RSS of the app with a large event.")
    parser.add_argument("--invitees", type=int, default=20000)
    parser.add_argument("--checked-in", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--child", nargs=2, metavar=("DB", "EVENT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        result = child(Path(args.child[0]), int(args.child[1]))
        print(json.dumps(result))
        sys.stdout.flush()
        os._exit(0)  # measured; skip tearing the windows down

    from benchmarks.fixtures import make_large_event
    from benchmarks.startup import machine_summary

    with tempfile.TemporaryDirectory(prefix="rakor-memory-") as tmp:
        home = Path(tmp) / "home"
        db_path = home / "data" / "rakor.sqlite3"
        built = time.perf_counter()
        event_id = make_large_event(db_path, args.invitees, args.checked_in)
        print(f"fixture: {args.invitees} invitees in {time.perf_counter() - built:.1f} s",
              file=sys.stderr)
        env = dict(os.environ, RAKOR_HOME=str(home), PYTHONPATH=str(ROOT))
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child", str(db_path),
             str(event_id)],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 2
        stages = json.loads(done.stdout.strip().splitlines()[-1])

    peak = max(v["VmHWM"] for v in stages.values() if isinstance(v, dict))
    result = {
        "date": time.strftime("%Y-%m-%d"),
        "invitees": args.invitees,
        "stages_mb": stages,
        "peak_rss_mb": peak,
        "target_mb": TARGET_MB,
        "meets_target": peak <= TARGET_MB,
        "machine": machine_summary(),
    }
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        for name, value in stages.items():
            if isinstance(value, dict):
                print(f"{name:34} RSS {value['VmRSS']:6.1f} MB   peak {value['VmHWM']:6.1f} MB")
            else:
                print(f"{name:34} {value}")
        verdict = "meets" if result["meets_target"] else "MISSES"
        print(f"peak RSS {peak:.1f} MB ({verdict} the {TARGET_MB:g} MB target)")
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
