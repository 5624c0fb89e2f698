"""Venue network under load: six desks scanning a 2,000-person list as fast as they can.

Starts ``rakor serve`` on a 2,000-invitee event (``benchmarks.fixtures``) and six desk
processes joined over loopback. Every person is scanned once, and about half of them a
second time at another desk (the second scan is either "already present" when that desk
has heard of the first, or a duplicate the host lists). Each desk gets its share as one
``burst`` command and scans it back to back (no pause between scans: far faster than
people walk through a door).

Reported: how long the desks took to scan (scans per second, all desks together), the
outbox backlog over time (entries written at the desks and not yet acknowledged, summed
over the desks, sampled every 100 ms: the host keeps up when it does not grow without
bound), the time from the last scan until every outbox is empty and every desk holds the
host's whole log, the host's ingest rate, and the invariants of the fault tests.

``--pause S`` scans one code every S seconds at each desk instead (a steady queue at
the door): the backlog then shows whether the host keeps up at that pace.

Usage::

    python benchmarks/network_throughput.py                   # 2,000 people, six desks
    python benchmarks/network_throughput.py --pause 0.05      # 20 scans/s at each desk
    python benchmarks/network_throughput.py --invitees 500 --desks 3 --json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.startup import machine_summary  # noqa: E402
from tests.net.harness import (  # noqa: E402
    Venue,
    ask_all,
    outbox_state,
    read_only,
    venue,
    violations,
)


def plan(codes: list[str], desks: int, twice: float, seed: int) -> list[list[str]]:
    """Each code to one desk; a share ``twice`` of them also to another desk; shuffled."""
    rng = random.Random(seed)
    lists: list[list[str]] = [[] for _ in range(desks)]
    for code in codes:
        first = rng.randrange(desks)
        lists[first].append(code)
        if desks > 1 and rng.random() < twice:
            second = (first + rng.randrange(1, desks)) % desks
            lists[second].append(code)
    for share in lists:
        rng.shuffle(share)
    return lists


def sample_backlog(place: Venue, samples: list[tuple[float, int, int]],
                   stop: threading.Event, started: float) -> None:
    """(seconds since start, entries waiting over all desks, entries in the host's log)."""
    host = read_only(place.event.db)
    try:
        while not stop.is_set():
            waiting = 0
            for desk in place.desks:
                if desk.db is not None:
                    waiting += outbox_state(desk.db)[0]
            logged = host.execute("SELECT count(*) FROM attendance_log").fetchone()[0]
            samples.append((time.perf_counter() - started, waiting, int(logged)))
            stop.wait(0.1)
    finally:
        host.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Six desks scanning a large list at once.")
    parser.add_argument("--invitees", type=int, default=2000)
    parser.add_argument("--desks", type=int, default=6)
    parser.add_argument("--twice", type=float, default=0.5,
                        help="share of the people scanned a second time at another desk")
    parser.add_argument("--pause", type=float, default=0.0,
                        help="seconds between two scans at a desk (0: as fast as it can)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="rakor-net-load-") as tmp:
        os.environ["RAKOR_HOME"] = str(Path(tmp) / "home")
        built = time.perf_counter()
        with venue(Path(tmp) / "venue", invitees=args.invitees, direct=True) as place:
            desks = place.add_desks(args.desks)
            print(f"fixture + host + {args.desks} desks joined in "
                  f"{time.perf_counter() - built:.1f} s", file=sys.stderr)
            lists = plan(list(place.event.codes), args.desks, args.twice, args.seed)
            files = []
            for desk, share in zip(desks, lists, strict=True):
                assert desk.db is not None
                path = desk.db.parent / "burst.txt"
                path.write_text("\n".join(share) + "\n")
                files.append(path)

            samples: list[tuple[float, int, int]] = []
            stop = threading.Event()
            started = time.perf_counter()
            sampler = threading.Thread(target=sample_backlog,
                                       args=(place, samples, stop, started))
            sampler.start()
            for desk, path in zip(desks, files, strict=True):
                desk.send(f"burst {path} {args.pause:g}")
            bursts = []
            for desk in desks:
                answer = desk.read(timeout=600)
                assert answer.word == "BURST", answer.line
                bursts.append(answer)
            scanned_at = time.perf_counter() - started
            for desk, path in zip(desks, files, strict=True):
                place.ledger.note_burst_file(desk.name, Path(f"{path}.out"))
            for _ in range(2):  # the second round: every desk at the host's final sequence
                synced = ask_all(desks, "sync 300", timeout=400)
                assert all(a.parts == ["1"] for a in synced), [a.line for a in synced]
            drained_at = time.perf_counter() - started
            stop.set()
            sampler.join()
            broken = violations(place.event, [d.db for d in desks if d.db], place.ledger)
            with contextlib.closing(read_only(place.event.db)) as host:
                logged = host.execute("SELECT count(*) FROM attendance_log").fetchone()[0]
                present = host.execute("SELECT count(*) FROM presence").fetchone()[0]

    recorded = sum(int(b.parts[0]) for b in bursts)
    already = sum(int(b.parts[1]) for b in bursts)
    errors = sum(int(b.parts[2]) for b in bursts)
    scans = recorded + already + errors
    peak = max(samples, key=lambda s: s[1]) if samples else (0.0, 0, 0)
    timeline = []
    next_mark = 0.0
    for moment, waiting, host_count in samples:
        if moment >= next_mark:
            timeline.append({"s": round(moment, 1), "waiting": waiting, "host_log": host_count})
            next_mark += 1.0
    result = {
        "date": time.strftime("%Y-%m-%d"),
        "invitees": args.invitees,
        "desks": args.desks,
        "pause_between_scans_s": args.pause,
        "scans": scans,
        "recorded": recorded,
        "already_present_at_the_desk": already,
        "errors": errors,
        "duplicates_on_host": logged - present,
        "scan_seconds": round(scanned_at, 2),
        "scans_per_second": round(scans / scanned_at, 1),
        "slowest_desk_seconds": round(max(float(b.parts[3]) for b in bursts), 2),
        "max_backlog": peak[1],
        "max_backlog_at_s": round(peak[0], 1),
        "drain_seconds_after_last_scan": round(drained_at - scanned_at, 2),
        "host_entries_per_second": round(logged / drained_at, 1),
        "host_log": logged,
        "present": present,
        "invariants_broken": broken,
        "backlog_timeline": timeline,
        "machine": machine_summary(),
    }
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        pace = f"one every {args.pause:g} s per desk" if args.pause else "as fast as they can"
        print(f"{args.desks} desks, {args.invitees} people, {scans} scans {pace} "
              f"({recorded} recorded, {already} already present at that desk, {errors} errors)")
        print(f"scanning took {result['scan_seconds']} s: {result['scans_per_second']} scans/s "
              f"over all desks")
        print(f"outbox backlog: max {result['max_backlog']} entries (at "
              f"{result['max_backlog_at_s']} s); drained "
              f"{result['drain_seconds_after_last_scan']} s after the last scan")
        print(f"host: {logged} entries stored ({result['host_entries_per_second']} per s "
              f"until drained), {present} present, {result['duplicates_on_host']} duplicates")
        print("backlog over time (s: waiting / in host log): " + ", ".join(
            f"{t['s']}: {t['waiting']}/{t['host_log']}" for t in timeline))
        print("invariants: " + ("all hold" if not broken else "; ".join(broken)))
    return 0 if not broken and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
