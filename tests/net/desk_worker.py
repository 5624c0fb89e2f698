"""One registration desk as a process, driven line by line on stdin (tests and benchmarks).

It joins the host (through the fault proxy) the way the app does, keeps a ``DeskSync``
running, and records check-ins with the core operations, as the desk page does. Every
answer is one line on stdout, written and flushed after the operation returned (so after
its transaction committed: what was printed as recorded is on disk).

Start::

    python tests/net/desk_worker.py --folder DIR --name meja-1 --join "http://127.0.0.1:9000/join?code=123456"
    python tests/net/desk_worker.py --folder DIR --name meja-1 --db DIR/<file>   # after a kill

Commands (one per line) and their answers:

``scan <code>``      ``RECORDED <uid> <ms>`` (new check-in) / ``ALREADY <uid> <ms>``
``walkin <name>``    ``RECORDED <uid> <ms> <code>`` (registered and checked in)
``undo <code>``      ``UNDONE <uid>[,<uid>…] <ms>`` (the undo entries written)
``burst <file> [s]`` scans every code in the file as fast as it can (or one every
                     ``s`` seconds), writes
                     ``<file>.out`` (one answer line per scan) and answers
                     ``BURST <recorded> <already> <errors> <seconds>``
``watch <code>``     ``WATCHING <code>`` at once; later, from another thread,
                     ``PRESENT <code> <unix time>`` when the person is present here
``hold``             stop syncing (nothing uploaded, nothing pulled) → ``HELD``
``release``          sync again → ``RELEASED``
``sync <seconds>``   wait until the outbox is empty and the copy is at the host's
                     sequence → ``SYNCED 1`` / ``SYNCED 0``
``status``           ``STATUS <json>`` (the sync status, outbox and presence counts)
``time``             ``TIME <unix time>``
``quit``             stop syncing, close → ``BYE``

Anything that goes wrong with one command is ``ERROR <message>`` and the desk goes on.
``--clock-offset-minutes M`` makes this desk's clock M minutes wrong (the computer's
clock as the desk sees it), for the clock test.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from rakor_desktop.clock import utc_now  # noqa: E402
from rakor_desktop.network import desk as desk_net  # noqa: E402
from rakor_desktop.operations import checkin as checkin_ops  # noqa: E402
from rakor_desktop.storage import Storage  # noqa: E402

_print_lock = threading.Lock()


def say(line: str) -> None:
    with _print_lock:
        sys.stdout.write(line.rstrip("\n") + "\n")
        sys.stdout.flush()


class Worker:
    """The desk: its storage, its sync and the commands."""

    def __init__(self, path: Path, name: str, os_clock: Callable[[], datetime]) -> None:
        self.path = path
        self.name = name
        self.os_clock = os_clock
        self.storage: Storage = desk_net.open_desk_storage(path)
        row = self.storage.conn.execute(
            "SELECT e.id FROM desk_link AS l JOIN events AS e ON e.uid = l.event_uid"
        ).fetchone()
        if row is None:
            raise SystemExit("this file is not a desk's copy (no desk_link row)")
        self.event_id = int(row[0])
        self.desk = checkin_ops.Desk(station=name, operator="uji")
        # The clock the desk records with, as the app's desk page does: the computer's
        # clock (here perhaps made wrong) plus the offset last measured to the host.
        self.clock = desk_net.desk_clock(self.storage, base=os_clock)
        self.sync: desk_net.DeskSync | None = None

    # -- sync ----------------------------------------------------------------------------

    def start_sync(self) -> None:
        self.sync = desk_net.DeskSync(self.path, clock=self.os_clock)
        self.sync.start()

    def stop_sync(self) -> None:
        if self.sync is not None:
            self.sync.stop()
            self.sync = None

    def hold(self, _argument: str = "") -> str:
        self.stop_sync()
        return "HELD"

    def release(self, _argument: str = "") -> str:
        self.start_sync()
        return "RELEASED"

    def poke(self) -> None:
        if self.sync is not None:
            self.sync.poke()

    # -- commands ------------------------------------------------------------------------

    def scan(self, code: str) -> str:
        started = time.perf_counter()
        result = checkin_ops.checkin_by_code(
            self.storage, self.event_id, code, self.desk, clock=self.clock
        )
        elapsed = (time.perf_counter() - started) * 1000
        self.poke()
        word = "ALREADY" if result.already_present else "RECORDED"
        return f"{word} {result.entry_uid} {elapsed:.3f}"

    def walk_in(self, name: str) -> str:
        started = time.perf_counter()
        result = checkin_ops.register_walk_in(
            self.storage, self.event_id, name, self.desk, instansi="Tamu " + self.name,
            clock=self.clock,
        )
        elapsed = (time.perf_counter() - started) * 1000
        self.poke()
        checkin = result.checkin
        word = "ALREADY" if checkin.already_present else "RECORDED"
        return f"{word} {checkin.entry_uid} {elapsed:.3f} {checkin.invitee.checkin_code}"

    def undo(self, code: str) -> str:
        invitee = self.storage.get_invitee_by_code(self.event_id, code)
        if invitee is None or invitee.id is None:
            return f"ERROR no invitee with code {code}"
        before = self._undo_uids(invitee.id)
        started = time.perf_counter()
        checkin_ops.undo_checkin(self.storage, invitee.id, "salah pindai (uji)", self.desk,
                                 clock=self.clock)
        elapsed = (time.perf_counter() - started) * 1000
        self.poke()
        written = sorted(self._undo_uids(invitee.id) - before)
        return f"UNDONE {','.join(written)} {elapsed:.3f}"

    def _undo_uids(self, invitee_id: int) -> set[str]:
        return {
            str(row[0]) for row in self.storage.conn.execute(
                "SELECT uid FROM attendance_log WHERE invitee_id = ? AND kind = 'undo'",
                (invitee_id,),
            )
        }

    def burst(self, argument: str) -> str:
        file, _, pause_text = argument.partition(" ")
        pause = float(pause_text or 0)
        codes = [c.strip() for c in Path(file).read_text().split() if c.strip()]
        recorded = already = errors = 0
        lines: list[str] = []
        started = time.perf_counter()
        for code in codes:
            try:
                line = self.scan(code)
            except Exception as exc:  # counted and reported
                errors += 1
                line = f"ERROR {code} {exc}"
            else:
                if line.startswith("RECORDED"):
                    recorded += 1
                else:
                    already += 1
            lines.append(f"{code} {line}")
            if pause:
                time.sleep(pause)
        seconds = time.perf_counter() - started
        Path(file + ".out").write_text("\n".join(lines) + "\n")
        return f"BURST {recorded} {already} {errors} {seconds:.3f}"

    def watch(self, code: str) -> str:
        def poll() -> None:
            conn = sqlite3.connect(self.path, check_same_thread=False)
            conn.execute("PRAGMA query_only = 1")
            try:
                version = None
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    now_version = conn.execute("PRAGMA data_version").fetchone()[0]
                    if now_version != version:
                        version = now_version
                        seen = conn.execute(
                            "SELECT 1 FROM presence AS p JOIN invitees AS i "
                            "ON i.id = p.invitee_id WHERE i.checkin_code = ?",
                            (code,),
                        ).fetchone()
                        if seen:
                            say(f"PRESENT {code} {time.time():.6f}")
                            return
                    time.sleep(0.002)
                say(f"PRESENT {code} never")
            finally:
                conn.close()

        threading.Thread(target=poll, daemon=True).start()
        return f"WATCHING {code}"

    def status(self) -> str:
        conn = self.storage.conn
        waiting = conn.execute(
            "SELECT count(*) FROM sync_outbox WHERE acked_at IS NULL"
        ).fetchone()[0]
        present = conn.execute(
            "SELECT count(*) FROM presence WHERE event_id = ?", (self.event_id,)
        ).fetchone()[0]
        info: dict[str, object] = {"waiting_rows": waiting, "present": present,
                                   "syncing": self.sync is not None}
        if self.sync is not None:
            status = self.sync.status()
            info.update(connected=status.connected, waiting=status.waiting,
                        offline_since=str(status.offline_since or ""),
                        rejected=status.rejected, message=status.message)
        return "STATUS " + json.dumps(info)

    def wait_synced(self, seconds: float) -> str:
        if self.sync is None:
            return "ERROR not syncing (hold)"
        return f"SYNCED {int(self.sync.wait_until_synced(seconds))}"

    def close(self) -> None:
        self.stop_sync()
        self.storage.close()

    def run(self) -> None:
        handlers: dict[str, Callable[[str], str]] = {
            "scan": self.scan,
            "walkin": self.walk_in,
            "undo": self.undo,
            "burst": self.burst,
            "watch": self.watch,
            "sync": lambda arg: self.wait_synced(float(arg or 30)),
            "status": lambda _arg: self.status(),
            "time": lambda _arg: f"TIME {time.time():.6f}",
            "hold": self.hold,
            "release": self.release,
        }
        for raw in sys.stdin:
            command, _, argument = raw.strip().partition(" ")
            if not command:
                continue
            if command == "quit":
                break
            handler = handlers.get(command)
            if handler is None:
                say(f"ERROR unknown command {command}")
                continue
            try:
                say(handler(argument.strip()))
            except Exception as exc:  # the desk goes on; the test reads it
                say(f"ERROR {type(exc).__name__}: {' '.join(str(exc).split())}")
        self.close()
        say("BYE")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A registration desk driven on stdin.")
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--join", help="the join text (URL with ?code=)")
    parser.add_argument("--db", type=Path, help="reopen this desk copy (no join)")
    parser.add_argument("--clock-offset-minutes", type=float, default=0.0)
    parser.add_argument("--no-sync", action="store_true", help="start held")
    args = parser.parse_args(argv)

    shift = timedelta(minutes=args.clock_offset_minutes)

    def os_clock() -> datetime:
        return utc_now() + shift

    if args.db is not None:
        path = args.db
    elif args.join:
        args.folder.mkdir(parents=True, exist_ok=True)
        path = desk_net.join(args.join, None, args.name, args.folder, clock=os_clock)
    else:
        parser.error("give --join or --db")
    worker = Worker(path, args.name, os_clock)
    if not args.no_sync:
        worker.start_sync()
    say(f"READY {path} {worker.event_id}")
    worker.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
