"""The desk's scan latency while a backup of the database runs in the background.

Builds an event of 20,000 invitees (``benchmarks/fixtures.py``), shows the real
``CheckinPage`` offscreen and plays a USB scanner as ``checkin_scan.py`` does: each
scan is timed from just before the first character until the check-in is committed
(WAL, ``synchronous=FULL``) and the feedback panel shows the person. The scans are
played twice: once with nothing else running, once while backups run back to back in
Qt's thread pool exactly as the main window starts them
(``ui.tasks.run_in_background`` of ``rakor_desktop.backup.back_up_while_working``:
SQLite's backup API on a connection of its own, ``quick_check`` of the copy, fsync,
rename), so every scan of the second round overlaps a backup.

Target: median at most 20 ms (the check-in target), also during a backup.

Usage::

    python benchmarks/backup_during_scans.py             # 20,000 invitees, 150 scans a round
    python benchmarks/backup_during_scans.py --json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.checkin_search import keep_none_alive, percentile  # noqa: E402
from benchmarks.fixtures import make_large_event  # noqa: E402
from benchmarks.startup import machine_summary  # noqa: E402

TARGET_MS = 20.0


def _summary(samples: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples), 2),
        "p90_ms": round(percentile(samples, 0.9), 2),
        "max_ms": round(max(samples), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scan latency during a backup.")
    parser.add_argument("--invitees", type=int, default=20000)
    parser.add_argument("--scans", type=int, default=150, help="scans in each round")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--second-place", action="store_true",
        help="each backup is also copied to a second folder, as with a second copy "
             "folder chosen in Preferences",
    )
    parser.add_argument(
        "--event-file", action="store_true",
        help="with --second-place: each backup also writes the event file there (the "
             "app does it at most every 30 minutes and on close)",
    )
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from rakor_desktop.backup import back_up_while_working
    from rakor_desktop.settings import Settings
    from rakor_desktop.storage import Storage
    from ui.desk.checkin_page import CheckinPage
    from ui.tasks import run_in_background, wait_for_background_tasks

    keep_none_alive()
    with tempfile.TemporaryDirectory(prefix="rakor-backup-scans-") as tmp:
        os.environ["RAKOR_HOME"] = str(Path(tmp) / "home")
        db_path = Path(tmp) / "rakor.sqlite3"
        event_id = make_large_event(db_path, args.invitees, 0)

        app = QApplication.instance() or QApplication([])
        storage = Storage.open(db_path, backup=False)
        absent = [
            (invitee.id, invitee.checkin_code)
            for invitee in storage.list_invitees(event_id)
            if invitee.first_checkin_at is None
        ]
        scans = random.Random(args.seed).sample(absent, 2 * args.scans + 2)
        page = CheckinPage(storage, Settings(operator_name="Bench", station_name="meja-1"))
        page.resize(1280, 800)
        page.show()
        page.set_event(event_id)
        app.processEvents()
        field = page.search_edit

        def scan_round(batch: list[tuple[int | None, str]]) -> list[float]:
            samples = []
            for number, (invitee_id, code) in enumerate(batch):
                started = time.perf_counter()
                QTest.keyClicks(field, code)
                QTest.keyClick(field, Qt.Key.Key_Return)
                app.processEvents()
                elapsed = (time.perf_counter() - started) * 1000
                assert page.feedback.kind == "ok" and page.feedback.invitee_id == invitee_id
                if number:  # the first scan warms caches: not counted
                    samples.append(elapsed)
            return samples

        quiet = scan_round(scans[: args.scans + 1])
        place = Path(tmp) / "usb" if args.second_place else None
        if place is not None:
            place.mkdir()

        backups: list[float] = []
        running = {"on": True, "started": 0.0}

        def start_backup() -> None:
            running["started"] = time.perf_counter()
            run_in_background(
                lambda: back_up_while_working(
                    db_path, second_place=place, event_id=event_id,
                    with_event_file=args.event_file,
                ),
                on_done=backup_done,
                on_error=lambda error: print(f"backup failed: {error}", file=sys.stderr),
            )

        def backup_done(_run: object) -> None:
            backups.append((time.perf_counter() - running["started"]) * 1000)
            if running["on"]:
                start_backup()

        start_backup()
        time.sleep(0.02)  # the backup's read transaction is open before the first scan
        during = scan_round(scans[args.scans + 1:])
        running["on"] = False
        wait_for_background_tasks()
        app.processEvents()
        size_mb = db_path.stat().st_size / 1e6
        page.close()
        storage.close()

    result = {
        "date": time.strftime("%Y-%m-%d"),
        "invitees": args.invitees,
        "database_mb": round(size_mb, 1),
        "scans_per_round": len(quiet),
        "second_place": args.second_place,
        "event_file": args.second_place and args.event_file,
        "without_backup": _summary(quiet),
        "during_backups": _summary(during),
        "backups_completed_during_round": len(backups),
        "backup_median_ms": round(statistics.median(backups), 1) if backups else None,
        "target_ms": TARGET_MS,
        "meets_target": statistics.median(during) <= TARGET_MS,
        "machine": machine_summary(),
    }
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        q, d = result["without_backup"], result["during_backups"]
        print(f"{args.invitees} invitees ({result['database_mb']} MB), "
              f"{result['scans_per_round']} scans a round, WAL + synchronous=FULL"
              f"{', second copy' if args.second_place else ''}"
              f"{' + event file' if args.second_place and args.event_file else ''}")
        print(f"without a backup:   median {q['median_ms']} ms, p90 {q['p90_ms']} ms, "
              f"max {q['max_ms']} ms")
        print(f"during backups:     median {d['median_ms']} ms, p90 {d['p90_ms']} ms, "
              f"max {d['max_ms']} ms ({'meets' if result['meets_target'] else 'MISSES'} "
              f"the {TARGET_MS:g} ms target)")
        print(f"{len(backups)} backups back to back during the round, median "
              f"{result['backup_median_ms']} ms each")
        print(f"machine: {result['machine']}")
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
