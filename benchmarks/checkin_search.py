"""Check-in desk benchmark: a keystroke in the search field to the result rows shown.

Builds an event of 20,000 invitees (``fixtures.make_large_event``), shows the real
``CheckinPage`` (a real QTableView, offscreen) and types realistic queries into its
search field one key at a time with QTest: the start of a first name, a space, the
start of a family name; a jabatan; a code. Each keystroke is timed from just before
the key is sent until the view's model holds the rows for the new text (processing
events, as the app's event loop does: the target's definition), and, stricter, until
every paint the key caused (the table, its header, the field) is done.

Target: median at most 10 ms (key to rows in the view's model).

Usage::

    python benchmarks/checkin_search.py                 # 20,000 invitees, 40 queries
    python benchmarks/checkin_search.py --checked-in 5000 --json
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

from benchmarks.fixtures import make_large_event  # noqa: E402
from benchmarks.startup import machine_summary  # noqa: E402

TARGET_MS = 10.0


def keep_none_alive() -> None:
    """Work around PySide6 6.12.0 on Python 3.11 for the length of a benchmark.

    Every call of a Qt method that returns nothing takes one reference to ``None``
    away; after a few thousand calls Python frees ``None`` and aborts ("none_dealloc";
    ``True``/``False`` are seen too, at exit). Giving these a very large count of
    references keeps them alive (they are never freed anyway). Python 3.12 and later
    make them immortal; PySide6 6.11.3 does not have the bug.
    """
    import ctypes

    from PySide6 import __version__ as pyside_version

    if sys.version_info < (3, 12) and pyside_version.startswith("6.12."):
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def queries(storage: object, event_id: int, count: int, seed: int) -> list[str]:
    """What desk staff type: names as heard, a jabatan, an instansi, a code from a card."""
    from rakor_desktop.storage import Storage

    assert isinstance(storage, Storage)
    rng = random.Random(seed)
    invitees = storage.list_invitees(event_id)
    typed: list[str] = []
    for number in range(count):
        invitee = rng.choice(invitees)
        words = invitee.person.name.split()
        kind = number % 8
        if kind == 6:
            typed.append(" ".join(invitee.jabatan.lower().split()[:2]))
        elif kind == 7:
            typed.append(invitee.checkin_code.lower()[:6])
        else:
            first = words[0][: rng.randint(3, len(words[0]))]
            last = words[-1][: rng.randint(2, 4)] if len(words) > 1 else ""
            typed.append(f"{first} {last}".strip().lower())
    return typed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Keystroke to result rows at the desk.")
    parser.add_argument("--invitees", type=int, default=20000)
    parser.add_argument("--checked-in", type=int, default=0)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from rakor_desktop.settings import Settings
    from rakor_desktop.storage import Storage
    from ui.desk.checkin_page import CheckinPage

    keep_none_alive()
    with tempfile.TemporaryDirectory(prefix="rakor-checkin-search-") as tmp:
        os.environ["RAKOR_HOME"] = str(Path(tmp) / "home")
        db_path = Path(tmp) / "rakor.sqlite3"
        built = time.perf_counter()
        event_id = make_large_event(db_path, args.invitees, args.checked_in)
        print(f"fixture: {args.invitees} invitees ({args.checked_in} present) in "
              f"{time.perf_counter() - built:.1f} s", file=sys.stderr)

        app = QApplication.instance() or QApplication([])
        storage = Storage.open(db_path, backup=False)
        page = CheckinPage(storage, Settings(operator_name="Bench", station_name="meja-1"))
        page.resize(1280, 800)
        page.show()
        page.set_event(event_id)
        app.processEvents()
        field = page.search_edit
        typed = queries(storage, event_id, args.queries, args.seed)

        samples: list[float] = []
        painted: list[float] = []
        per_length: dict[int, list[float]] = {}
        rows_shown: list[int] = []
        for number, text in enumerate(typed):
            QTest.keyClick(field, Qt.Key.Key_Escape)  # a new person: empty field (not timed)
            app.processEvents()
            for length, char in enumerate(text, start=1):
                started = time.perf_counter()
                QTest.keyClick(field, char)
                while page.model.query != field.text():
                    app.processEvents()
                in_model = (time.perf_counter() - started) * 1000
                app.processEvents()  # the paints the new rows asked for
                elapsed = (time.perf_counter() - started) * 1000
                if number or length > 1:  # the very first key warms caches: not counted
                    samples.append(in_model)
                    painted.append(elapsed)
                    per_length.setdefault(min(length, 6), []).append(in_model)
                rows_shown.append(page.model.rowCount())
        page.close()
        storage.close()

    result = {
        "date": time.strftime("%Y-%m-%d"),
        "invitees": args.invitees,
        "checked_in": args.checked_in,
        "queries": len(typed),
        "keystrokes": len(samples),
        "median_ms": round(statistics.median(samples), 2),
        "p90_ms": round(percentile(samples, 0.9), 2),
        "max_ms": round(max(samples), 2),
        "painted_median_ms": round(statistics.median(painted), 2),
        "painted_p90_ms": round(percentile(painted, 0.9), 2),
        "median_by_length_ms": {
            (f"{k}+" if k == 6 else str(k)): round(statistics.median(v), 2)
            for k, v in sorted(per_length.items())
        },
        "median_rows_in_model": statistics.median(rows_shown),
        "target_ms": TARGET_MS,
        "meets_target": statistics.median(samples) <= TARGET_MS,
        "machine": machine_summary(),
    }
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(f"{result['keystrokes']} keystrokes in {result['queries']} queries, "
              f"{args.invitees} invitees ({args.checked_in} present)")
        print(f"keystroke to rows in the view's model: median {result['median_ms']} ms, "
              f"p90 {result['p90_ms']} ms, max {result['max_ms']} ms "
              f"({'meets' if result['meets_target'] else 'MISSES'} the {TARGET_MS:g} ms target)")
        print(f"keystroke to everything repainted: median {result['painted_median_ms']} ms, "
              f"p90 {result['painted_p90_ms']} ms")
        print(f"median by characters typed: {result['median_by_length_ms']}")
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
