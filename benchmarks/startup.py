"""Startup benchmark: process start to first paint of the main window.

Measures ``python -m ui.app --db PATH --event ID --smoke`` with an event of
20,000 invitees open against a bare PySide6 QMainWindow process
(``benchmarks/bare_qt.py``) in the same run. Both print
``RAKOR_FIRST_PAINT <time.time()>`` on their first paint; the time counted is from
just before the process is started to that moment. Runs of the two alternate
(and swap order every round) so that both see the same machine conditions.

Target: the app's median at most 1.5 times the bare median.

Usage::

    python benchmarks/startup.py                # 10 runs of each, 20,000 invitees
    python benchmarks/startup.py --runs 20 --json
    python benchmarks/startup.py --bare-only    # check the harness without the app
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.fixtures import make_large_event  # noqa: E402

PAINT_MARKER = "RAKOR_FIRST_PAINT"
TARGET_RATIO = 1.5


@dataclass
class Series:
    """The measurements of one kind of process."""

    name: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    def summary(self) -> dict[str, object]:
        return {
            "name": self.name,
            "runs": len(self.seconds),
            "median_s": round(self.median, 4),
            "min_s": round(min(self.seconds), 4) if self.seconds else None,
            "max_s": round(max(self.seconds), 4) if self.seconds else None,
            "seconds": [round(s, 4) for s in self.seconds],
            "failures": self.failures,
        }


def time_to_first_paint(command: list[str], env: dict[str, str], timeout: float) -> float:
    """Start ``command``; seconds from just before the start to its reported first paint.

    Raises:
        RuntimeError: the process failed, timed out or never reported a paint.
    """
    started = time.time()
    try:
        done = subprocess.run(
            command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"timed out after {timeout:.0f} s") from exc
    painted = None
    for line in done.stdout.splitlines():
        if line.startswith(PAINT_MARKER):
            painted = float(line.split()[1])
            break
    if done.returncode != 0 or painted is None:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise RuntimeError(
            f"exit code {done.returncode}, paint line {'found' if painted else 'missing'}: "
            + " | ".join(tail)
        )
    return painted - started


def run_series(
    series: list[Series], runs: int, warmup: int, env: dict[str, str], timeout: float
) -> None:
    """Alternate the series run by run (order reversed every other round)."""
    for round_number in range(warmup + runs):
        order = series if round_number % 2 == 0 else list(reversed(series))
        for one in order:
            try:
                seconds = time_to_first_paint(one.command, env, timeout)
            except RuntimeError as exc:
                one.failures.append(str(exc))
                print(f"  {one.name}: FAILED ({exc})", file=sys.stderr)
                continue
            if round_number >= warmup:
                one.seconds.append(seconds)
            label = "warm-up" if round_number < warmup else f"run {round_number - warmup + 1}"
            print(f"  {label:>8} {one.name:<5} {seconds * 1000:7.0f} ms", file=sys.stderr)


def machine_summary() -> dict[str, object]:
    """The facts about this machine that matter for the figures."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                pretty = line.split("=", 1)[1].strip().strip('"')
                os_name = f"{pretty}, kernel {platform.release()}"
    except OSError:
        pass
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover
        pyside_version = "?"
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": ram_gib,
        "os": os_name,
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "qpa_platform": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Startup: process start to first paint.")
    parser.add_argument("--runs", type=int, default=10, help="measured runs of each (10)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs first (1)")
    parser.add_argument("--invitees", type=int, default=20000, help="size of the event (20000)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run (120)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--bare-only", action="store_true", help="measure only the bare Qt")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="rakor-startup-") as tmp:
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
        series = [Series("bare", [sys.executable, str(ROOT / "benchmarks" / "bare_qt.py")])]
        if not args.bare_only:
            app_command = [
                sys.executable, "-m", "ui.app",
                "--db", str(db_path), "--event", str(event_id), "--smoke",
            ]  # fmt: skip
            series.append(Series("app", app_command))
        run_series(series, args.runs, args.warmup, env, args.timeout)

    bare = series[0]
    app = series[1] if len(series) > 1 else None
    ratio = app.median / bare.median if app and app.seconds and bare.seconds else None
    today = datetime.now().strftime("%Y-%m-%d")
    result = {
        "date": today,
        "invitees": args.invitees,
        "runs": args.runs,
        "warmup": args.warmup,
        "fixture_build_s": round(build_seconds, 2),
        "machine": machine_summary(),
        "bare": bare.summary(),
        "app": app.summary() if app else None,
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
            f"machine          : {machine['cpus']} x {machine['cpu']}, {machine['ram_gib']} GiB, "
            f"{machine['os']}, Python {machine['python']}, PySide6 {machine['pyside6']}, "
            f"QPA {machine['qpa_platform']}"
        )
        print(f"bare QMainWindow : {spread(bare)}  median (min–max) of {len(bare.seconds)}")
        if app:
            print(f"rakor app ({args.invitees}): {spread(app)}  median (min–max)")
            if ratio is not None:
                verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
                print(f"ratio app/bare   : {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target)")
        print()
        print("| date | invitees | runs | bare median (min–max) | app median (min–max) | ratio |")
        print("|---|---|---|---|---|---|")
        print(
            f"| {today} | {args.invitees} | {args.runs} | {spread(bare)} | "
            f"{spread(app) if app else 'not run'} | "
            f"{f'{ratio:.2f}x' if ratio is not None else '—'} |"
        )
    failed = bool(bare.failures) or (app is not None and not app.seconds)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
