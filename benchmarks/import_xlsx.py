"""Import benchmark: a 20,000-row invitation workbook, preview + apply.

Generates once (in a temporary folder) a realistic .xlsx of a city-wide election
briefing: title rows merged across the table, a row of column numbers, section
headings merged across the table, names with titles, NIPs as text with spaces,
phone numbers typed into number cells. Then measures, in this process:

- ``fresh``: :func:`preview_import` (read, parse, find duplicates) and
  :func:`apply_import` (one transaction) into a fresh database;
- ``others``: the same into a new event of a database whose directory already
  holds 20,000 other people (``make_large_event``): lookups that find nothing;
- ``same``: the same into a new event of a database whose directory already
  holds these 20,000 people from an earlier event (every row is matched and
  merged; most merges update the person, as the phones were text then).

Each run starts from a fresh copy of its database. Target: preview + apply at most
10 s (median, wall clock; the CPU time of this process is printed too, as the
machine may be shared).

Usage::

    python benchmarks/import_xlsx.py             # 3 runs of each, 20,000 rows
    python benchmarks/import_xlsx.py --runs 5 --rows 5000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from datetime import time as time_of_day
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from benchmarks.fixtures import _people, make_large_event  # noqa: E402
from benchmarks.startup import machine_summary  # noqa: E402
from rakor_desktop.formatting import format_name, format_nip  # noqa: E402
from rakor_desktop.importers.preview import Decision, preview_import  # noqa: E402
from rakor_desktop.models import Event  # noqa: E402
from rakor_desktop.operations import events as event_ops  # noqa: E402
from rakor_desktop.operations.invitation_import import apply_import  # noqa: E402
from rakor_desktop.storage import Storage  # noqa: E402

TARGET_SECONDS = 10.0
SEED = 1
HEADER = (
    "No.", "Nama", "NIP", "Pangkat/Gol.", "Jabatan", "Instansi/Unit Kerja", "Kelompok",
    "No. HP", "L/P", "Tanda Tangan",
)  # fmt: skip


def make_workbook(path: Path, rows: int, seed: int = SEED, *, phone_as_number: bool = True) -> Path:
    """A realistic invitation workbook of ``rows`` people.

    With ``phone_as_number``, phones are typed into number cells (81234567890);
    otherwise written as text ("0812-3456-7890").
    """
    rng = random.Random(seed)
    people = _people(rng)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Undangan"
    sheet.append(["DAFTAR UNDANGAN"])
    sheet.append(["BIMBINGAN TEKNIS DAN RAPAT KOORDINASI BADAN AD HOC PEMILU 2024 KOTA JAMBI"])
    sheet.merge_cells("A1:J1")
    sheet.merge_cells("A2:J2")
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(list(range(1, len(HEADER) + 1)))
    chosen = []
    nips: set[str] = set()
    while len(chosen) < rows:
        person, _role = next(people)
        if person.nip and person.nip in nips:
            continue
        nips.add(person.nip)
        chosen.append(person)
    # Lists are kept per group, each under a heading merged across the table.
    order = {group: n for n, group in enumerate(dict.fromkeys(p.group_name for p in chosen))}
    chosen.sort(key=lambda p: order[p.group_name])
    group = None
    for number, person in enumerate(chosen, start=1):
        if person.group_name != group:
            group = person.group_name
            sheet.append([f"{order[group] + 1}. {group.upper()}"])
            here = sheet.max_row
            sheet.merge_cells(start_row=here, start_column=1, end_row=here, end_column=10)
        phone: int | str | None = person.phone or None
        if phone_as_number and person.phone:
            phone = int(person.phone.replace("-", ""))
        sheet.append([
            number,
            format_name(person.name, person.front_titles, person.back_titles),
            format_nip(person.nip) or None,
            ", ".join(p for p in (person.pangkat, person.golongan) if p) or None,
            person.jabatan,
            person.instansi,
            person.group_name,
            phone,
            person.gender,
            None,
        ])  # fmt: skip
    book.save(path)
    return path


def new_event(db_path: Path) -> int:
    storage = Storage.open(db_path, backup=False)
    try:
        event = Event(title="Rakor Badan Ad Hoc", date=date(2024, 2, 1), start_time=time_of_day(9))
        return event_ops.create_event(storage, event)
    finally:
        storage.close()


def import_into(db_path: Path, workbook: Path) -> dict[str, float | int]:
    """Preview and apply the whole workbook into a new event of the database."""
    event_id = new_event(db_path)
    storage = Storage.open(db_path, backup=False, check=False)
    try:
        cpu_started = time.process_time()
        started = time.perf_counter()
        preview = preview_import(storage, event_id, workbook)
        previewed = time.perf_counter()
        # Rows with problems are excluded, as the user would (there are none here).
        decisions = {r.row: Decision.SKIP for r in preview.rows if r.problems}
        report = apply_import(storage, event_id, preview, decisions)
        applied = time.perf_counter()
        cpu = time.process_time() - cpu_started
    finally:
        storage.close()
    summary = preview.summary(decisions)
    return {
        "cpu_s": cpu,
        "preview_s": previewed - started,
        "apply_s": applied - previewed,
        "total_s": applied - started,
        "rows": len(preview.rows),
        "new": summary.new,
        "merged": summary.merged,
        "skipped": summary.skipped,
        "invited": report.invited,
    }


def measure(base_db: Path | None, workbook: Path, folder: Path) -> dict[str, float | int]:
    """One run on a fresh copy of ``base_db`` (or a new database)."""
    db_path = folder / "run.sqlite3"
    for stale in folder.glob("run.sqlite3*"):
        stale.unlink()
    if base_db is not None:
        shutil.copyfile(base_db, db_path)
    return import_into(db_path, workbook)


def _median(runs: list[dict[str, float | int]], key: str) -> float:
    return statistics.median(float(r[key]) for r in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Import of a 20,000-row workbook.")
    parser.add_argument("--rows", type=int, default=20000, help="people in the workbook (20000)")
    parser.add_argument("--runs", type=int, default=3, help="measured runs of each case (3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="rakor-import-bench-"))
    os.environ["RAKOR_HOME"] = str(folder / "home")  # logs and backups stay in the folder
    try:
        started = time.perf_counter()
        workbook = make_workbook(folder / "undangan-20000.xlsx", args.rows)
        print(
            f"workbook: {workbook.stat().st_size / 1e6:.1f} MB, {args.rows} people, "
            f"made in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        # 20,000 other people in the directory (an earlier event): lookups, no matches.
        others_db = folder / "others.sqlite3"
        make_large_event(others_db, invitees=args.rows, seed=SEED + 1)
        # The same 20,000 people already in the directory: every row merged; the phones
        # were written as text then, so most merges update the person.
        same_db = folder / "same.sqlite3"
        earlier = make_workbook(folder / "earlier.xlsx", args.rows, phone_as_number=False)
        import_into(same_db, earlier)
        print(f"databases ready after {time.perf_counter() - started:.1f} s", file=sys.stderr)
        cases: dict[str, Path | None] = {
            "fresh": None, "others": others_db, "same": same_db,
        }
        results: dict[str, list[dict[str, float | int]]] = {name: [] for name in cases}
        for run in range(args.runs):
            for name, base in cases.items():
                figures = measure(base, workbook, folder)
                results[name].append(figures)
                print(
                    f"  run {run + 1} {name:<9} preview {figures['preview_s']:5.2f} s  "
                    f"apply {figures['apply_s']:5.2f} s  total {figures['total_s']:5.2f} s "
                    f"(CPU {figures['cpu_s']:5.2f} s)  "
                    f"({figures['new']} new, {figures['merged']} merged, "
                    f"{figures['skipped']} skipped)",
                    file=sys.stderr,
                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    summary = {
        "rows": args.rows,
        "runs": args.runs,
        "target_s": TARGET_SECONDS,
        "cases": {
            name: {
                "median_preview_s": round(_median(runs, "preview_s"), 2),
                "median_apply_s": round(_median(runs, "apply_s"), 2),
                "median_total_s": round(_median(runs, "total_s"), 2),
                "median_cpu_s": round(_median(runs, "cpu_s"), 2),
                "new": runs[0]["new"],
                "merged": runs[0]["merged"],
                "skipped": runs[0]["skipped"],
                "totals_s": [round(float(r["total_s"]), 2) for r in runs],
            }
            for name, runs in results.items()
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "machine": machine_summary(),
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        machine = summary["machine"]
        print(f"machine: {machine['cpu']} ({machine['cpus']} CPUs), {machine['os']}, "
              f"Python {machine['python']}; load average {summary['load_average']}")
        for name, case in summary["cases"].items():
            verdict = "OK" if case["median_total_s"] <= TARGET_SECONDS else "TOO SLOW"
            print(
                f"{name:<9}: preview {case['median_preview_s']:.2f} s + apply "
                f"{case['median_apply_s']:.2f} s = {case['median_total_s']:.2f} s median, CPU "
                f"{case['median_cpu_s']:.2f} s (target {TARGET_SECONDS:.0f} s: {verdict}); "
                f"runs {case['totals_s']}"
            )
        print(f"peak RSS of this process: {summary['peak_rss_mb']} MB")
    worst = max(case["median_total_s"] for case in summary["cases"].values())
    return 0 if worst <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
