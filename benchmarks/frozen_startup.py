"""Frozen startup benchmark: the bundled app against the app started from source.

Measures process start to first paint of the main window (the ``--smoke`` line
``RAKOR_FIRST_PAINT <time.time()>``, as ``benchmarks/startup.py`` does) for

* ``dist/rakor-desktop/rakor-desktop --db PATH --event ID --smoke`` (the bundle
  that ``packaging/build_bundle.py`` builds), and
* ``python -m ui.app --db PATH --event ID --smoke`` (from source),

with the same event of 20,000 invitees open, runs alternating (and swapping
order every round) so that both see the same machine conditions.

Target: the frozen median at most 1.5 times the source median.

Usage::

    python packaging/build_bundle.py              # build the bundle first
    python benchmarks/frozen_startup.py           # 10 runs of each after 1 warm-up
    python benchmarks/frozen_startup.py --runs 20 --json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.fixtures import make_large_event  # noqa: E402
from benchmarks.startup import Series, machine_summary, run_series  # noqa: E402

TARGET_RATIO = 1.5
BUNDLE = ROOT / "dist" / "rakor-desktop"


def frozen_executable(bundle: Path = BUNDLE) -> Path:
    """The bundle's executable (``.exe`` on Windows)."""
    name = "rakor-desktop.exe" if sys.platform == "win32" else "rakor-desktop"
    return bundle / name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Frozen start against start from source.")
    parser.add_argument("--runs", type=int, default=10, help="measured runs of each (10)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs first (1)")
    parser.add_argument("--invitees", type=int, default=20000, help="size of the event (20000)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run (120)")
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the one-folder bundle")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    executable = frozen_executable(args.bundle)
    if not executable.is_file():
        print(f"{executable} is missing: run python packaging/build_bundle.py first",
              file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="rakor-frozen-startup-") as tmp:
        home = Path(tmp) / "home"
        db_path = home / "data" / "rakor.sqlite3"
        built = time.perf_counter()
        event_id = make_large_event(db_path, invitees=args.invitees)
        build_seconds = time.perf_counter() - built
        print(
            f"fixture: {args.invitees} invitees, event {event_id}, built in {build_seconds:.1f} s",
            file=sys.stderr,
        )
        env = dict(os.environ)
        env["RAKOR_HOME"] = str(home)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        app_args = ["--db", str(db_path), "--event", str(event_id), "--smoke"]
        series = [
            Series("source", [sys.executable, "-m", "ui.app", *app_args]),
            Series("frozen", [str(executable), *app_args]),
        ]
        run_series(series, args.runs, args.warmup, env, args.timeout)

    source, frozen = series
    ratio = (
        frozen.median / source.median if source.seconds and frozen.seconds else None
    )
    today = datetime.now().strftime("%Y-%m-%d")
    result = {
        "date": today,
        "invitees": args.invitees,
        "runs": args.runs,
        "warmup": args.warmup,
        "machine": machine_summary(),
        "source": source.summary(),
        "frozen": frozen.summary(),
        "ratio": round(ratio, 3) if ratio else None,
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio is not None and ratio <= TARGET_RATIO,
    }

    def spread(one: Series) -> str:
        if not one.seconds:
            return "failed"
        return (
            f"{one.median * 1000:.0f} ms ({min(one.seconds) * 1000:.0f}–"
            f"{max(one.seconds) * 1000:.0f})"
        )

    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        machine = result["machine"]
        assert isinstance(machine, dict)
        print(
            f"machine     : {machine['cpus']} x {machine['cpu']}, {machine['ram_gib']} GiB, "
            f"{machine['os']}, Python {machine['python']}, PySide6 {machine['pyside6']}, "
            f"QPA {machine['qpa_platform']}"
        )
        print(f"from source : {spread(source)}  median (min–max) of {len(source.seconds)}")
        print(f"frozen      : {spread(frozen)}  median (min–max) of {len(frozen.seconds)}")
        if ratio is not None:
            verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
            print(f"ratio       : {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target)")
        print()
        print("| date | invitees | runs | source median (min–max) | frozen median (min–max) "
              "| ratio |")
        print("|---|---|---|---|---|---|")
        print(
            f"| {today} | {args.invitees} | {args.runs} | {spread(source)} | {spread(frozen)} | "
            f"{f'{ratio:.2f}x' if ratio is not None else '—'} |"
        )
    return 0 if source.seconds and frozen.seconds else 1


if __name__ == "__main__":
    sys.exit(main())
