"""The venue network's reliability harness: a host process, desk processes, a fault proxy
in between, and the invariants checked on the SQLite files themselves.

Everything runs on loopback: ``rakor serve`` on a test database at a fixed port (so a
host killed and restarted is found again at the same address), a :class:`FaultProxy`
in front of it (the desks only know the proxy's address), and desk workers
(``desk_worker.py``), each a process of its own with its own data folder, that join,
sync and record check-ins from commands.

:class:`Ledger` keeps what the desks *said*: every entry a desk printed as recorded,
every person scanned, every undo. :func:`check_invariants` then reads the host's and
the desks' files directly (``sqlite3``, read-only) and lists every broken promise:

1. every entry a desk reported as recorded is in the host's log exactly once, and the
   host's log holds nothing else (no entry made up or doubled on a replay);
2. the number present on the host is the number of distinct people scanned, minus the
   undone ones (and the present set is exactly those people);
3. every second (valid) scan of someone present is listed by
   ``HostNetwork.duplicates()``, and nothing else is;
4. every desk's outbox is fully acknowledged (none waiting, none rejected);
5. every desk's copy equals the host's: the same log, the same people present, the same
   invitation list.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.net.proxy import FaultProxy, free_port  # noqa: E402

PYTHON = sys.executable
WORKER = Path(__file__).with_name("desk_worker.py")
PAIRING_CODE = "246810"
HOST_STATION = "sekretariat"


# -- the host's database -----------------------------------------------------------------


@dataclass(frozen=True)
class HostEvent:
    """The host's database and its event."""

    db: Path
    event_id: int
    event_uid: str
    codes: tuple[str, ...]  # the invitation list's check-in codes, in list order


def make_host_event(db: Path, *, invitees: int | None = None) -> HostEvent:
    """The sample rakor (150 invitees, ``create_demo_event``), or with ``invitees`` a
    large list (``benchmarks.fixtures.make_large_event``), in a new file ``db``."""
    from rakor_desktop.storage import Storage

    db.parent.mkdir(parents=True, exist_ok=True)
    if invitees is None:
        from rakor_desktop.demo import create_demo_event

        storage = Storage.open(db, backup=False)
        try:
            event_id = create_demo_event(storage)
        finally:
            storage.close()
    else:
        from benchmarks.fixtures import make_large_event

        event_id = make_large_event(db, invitees)
    with contextlib.closing(read_only(db)) as conn:
        uid = conn.execute("SELECT uid FROM events WHERE id = ?", (event_id,)).fetchone()[0]
        codes = tuple(
            str(r[0]) for r in conn.execute(
                "SELECT checkin_code FROM invitees WHERE event_id = ? ORDER BY position, id",
                (event_id,),
            )
        )
    return HostEvent(db=db, event_id=event_id, event_uid=str(uid), codes=codes)


def read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a (live, WAL) database file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    conn.execute("PRAGMA query_only = 1")
    return conn


# -- the host process --------------------------------------------------------------------


class HostProcess:
    """``rakor serve`` on one database, always on the same port and pairing code."""

    def __init__(self, event: HostEvent, *, port: int | None = None,
                 code: str = PAIRING_CODE, log: Path | None = None) -> None:
        self.event = event
        self.port = port or free_port()
        self.code = code
        self.log = log or event.db.with_name("host.log")
        self.process: subprocess.Popen[str] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [
            PYTHON, "-m", "rakor_desktop.cli", "serve", "--db", str(self.event.db),
            "--event", str(self.event.event_id), "--bind", "127.0.0.1",
            "--port", str(self.port), "--code", self.code,
        ]

    def start(self, timeout: float = 30) -> None:
        """Start and wait for ``RAKOR_SERVING`` (the server listens)."""
        assert self.process is None or self.process.poll() is not None, "already running"
        self.starts += 1
        log = self.log.open("a", encoding="utf-8")
        log.write(f"--- start {self.starts} at {time.time():.3f}\n")
        log.flush()
        self.process = subprocess.Popen(
            self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log,
            text=True, cwd=ROOT, env=_child_env(),
        )
        log.close()
        lines: queue.Queue[str | None] = queue.Queue()
        process = self.process

        def drain() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=drain, daemon=True).start()
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                self.kill()
                raise RuntimeError(f"the host did not say RAKOR_SERVING in {timeout} s") from None
            if line is None:
                raise RuntimeError(
                    f"the host stopped (exit {process.wait()}): {self.log.read_text()[-2000:]}"
                )
            if line.startswith("RAKOR_SERVING"):
                if f":{self.port}" not in line.split()[1]:
                    raise RuntimeError(f"the host serves on another port: {line.strip()}")
                return

    def kill(self) -> None:
        """SIGKILL: no goodbye, no cleanup (a laptop whose battery died)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        """SIGTERM, as the CLI is stopped normally."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def restart(self) -> None:
        self.start()


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONUNBUFFERED"] = "1"
    return env


# -- the desks ---------------------------------------------------------------------------


@dataclass
class Answer:
    """A desk's one-line answer, split."""

    word: str
    parts: list[str]
    line: str

    @property
    def uid(self) -> str:
        return self.parts[0] if self.parts else ""

    @property
    def ms(self) -> float:
        return float(self.parts[1])


class DeskError(AssertionError):
    """A desk answered ERROR or not at all."""


class DeskProcess:
    """One desk worker process, driven line by line."""

    def __init__(self, name: str, folder: Path, *, join_text: str | None = None,
                 db: Path | None = None, clock_offset_minutes: float = 0.0,
                 held: bool = False) -> None:
        self.name = name
        self.folder = folder
        self.join_text = join_text
        self.db = db
        self.clock_offset_minutes = clock_offset_minutes
        self.held = held
        self.process: subprocess.Popen[str] | None = None
        self.answers: queue.Queue[str | None] = queue.Queue()
        self.present: queue.Queue[tuple[str, float | None]] = queue.Queue()
        self.event_id = 0

    def launch(self) -> None:
        """Start the process (joining when it has no copy yet); see :meth:`ready`."""
        self.folder.mkdir(parents=True, exist_ok=True)
        command = [PYTHON, str(WORKER), "--folder", str(self.folder), "--name", self.name]
        if self.db is not None:
            command += ["--db", str(self.db)]
        else:
            assert self.join_text, "a desk without a copy needs the join text"
            command += ["--join", self.join_text]
        if self.clock_offset_minutes:
            command += ["--clock-offset-minutes", str(self.clock_offset_minutes)]
        if self.held:
            command.append("--no-sync")
        stderr = (self.folder / "worker.log").open("a", encoding="utf-8")
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True,
            bufsize=1, cwd=ROOT, env=_child_env(),
        )
        stderr.close()
        self.answers = queue.Queue()
        process = self.process

        def drain() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith("PRESENT "):
                    _, code, moment = line.split()
                    self.present.put((code, None if moment == "never" else float(moment)))
                else:
                    self.answers.put(line.rstrip("\n"))
            self.answers.put(None)

        threading.Thread(target=drain, daemon=True, name=f"desk-{self.name}").start()

    def ready(self, timeout: float = 60) -> None:
        answer = self.read(timeout)
        if answer.word != "READY":
            raise DeskError(f"{self.name} did not start: {answer.line}")
        self.db = Path(answer.parts[0])
        self.event_id = int(answer.parts[1])

    def start(self, timeout: float = 60) -> DeskProcess:
        self.launch()
        self.ready(timeout)
        return self

    def send(self, command: str) -> None:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def read(self, timeout: float = 60) -> Answer:
        try:
            line = self.answers.get(timeout=timeout)
        except queue.Empty:
            raise DeskError(f"{self.name}: no answer in {timeout} s; {self.log_tail()}") from None
        if line is None:
            code = self.process.wait() if self.process else None
            raise DeskError(f"{self.name} ended (exit {code}); {self.log_tail()}")
        word, *parts = line.split()
        if word == "ERROR":
            raise DeskError(f"{self.name}: {line}")
        return Answer(word, parts, line)

    def ask(self, command: str, timeout: float = 60) -> Answer:
        self.send(command)
        return self.read(timeout)

    def log_tail(self) -> str:
        path = self.folder / "worker.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def kill(self) -> None:
        """SIGKILL the desk (its copy stays in its folder; :meth:`start` again reopens it)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        self.held = False

    def quit(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            with contextlib.suppress(OSError):
                self.send("quit")  # a second quit is harmless: the first ends the loop
            self.process.wait(20)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()


def start_desks(desks: Sequence[DeskProcess], timeout: float = 90) -> None:
    """Start several desks at once (they join in parallel)."""
    for desk in desks:
        desk.launch()
    for desk in desks:
        desk.ready(timeout)


def ask_all(desks: Iterable[DeskProcess], command: str, timeout: float = 60) -> list[Answer]:
    """Send one command to every desk at once, then read every answer."""
    desks = list(desks)
    for desk in desks:
        desk.send(command)
    return [desk.read(timeout) for desk in desks]


# -- what the desks said -------------------------------------------------------------------


@dataclass
class Ledger:
    """What the desks (and the host's own secretariat) reported, in the order it happened.

    ``present`` follows the people by check-in code (walk-ins by the uid of their
    check-in entry until the host's file tells their invitation).
    """

    recorded: Counter[str] = field(default_factory=Counter)  # entry uid → times printed
    scanned_codes: set[str] = field(default_factory=set)
    undone_codes: set[str] = field(default_factory=set)
    walk_in_entries: set[str] = field(default_factory=set)
    by_desk: dict[str, list[str]] = field(default_factory=dict)
    recorded_ms: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, desk: str, command: str, answer: Answer) -> None:
        """Take one desk answer to ``scan``/``walkin``/``undo`` into account."""
        verb, _, argument = command.partition(" ")
        with self.lock:
            if answer.word == "RECORDED":
                self.recorded[answer.uid] += 1
                self.by_desk.setdefault(desk, []).append(answer.uid)
                self.recorded_ms.append(answer.ms)
                if verb == "walkin":
                    self.walk_in_entries.add(answer.uid)
                else:
                    self.scanned_codes.add(argument)
                    self.undone_codes.discard(argument)
            elif answer.word == "ALREADY":
                self.scanned_codes.add(argument)
            elif answer.word == "UNDONE":
                for uid in answer.uid.split(","):
                    if uid:
                        self.recorded[uid] += 1
                        self.by_desk.setdefault(desk, []).append(uid)
                self.undone_codes.add(argument)
            else:
                raise AssertionError(f"{desk}: unexpected answer to {command!r}: {answer.line}")

    def note_burst_file(self, desk: str, out_file: Path) -> None:
        """Take the answers a ``burst`` wrote (``<code> RECORDED <uid> <ms>`` lines)."""
        for line in out_file.read_text().splitlines():
            code, word, *parts = line.split()
            if word == "ERROR":
                raise AssertionError(f"{desk}: {line}")
            self.note(desk, f"scan {code}", Answer(word, parts, " ".join([word, *parts])))

    def note_host(self, code: str, uid: str, *, new: bool) -> None:
        """A check-in made on the host itself (the secretariat's own desk)."""
        with self.lock:
            if new:
                self.recorded[uid] += 1
                self.by_desk.setdefault(HOST_STATION, []).append(uid)
            self.scanned_codes.add(code)
            self.undone_codes.discard(code)


def do(desk: DeskProcess, ledger: Ledger, command: str, timeout: float = 60) -> Answer:
    """One scan/walkin/undo at a desk, noted in the ledger."""
    answer = desk.ask(command, timeout)
    ledger.note(desk.name, command, answer)
    return answer


# -- the invariants ------------------------------------------------------------------------


@dataclass(frozen=True)
class FileView:
    """What one database file holds of the event, by uid."""

    log: frozenset[str]
    present: frozenset[str]  # invitee uids
    invitees: frozenset[str]
    code_of: dict[str, str]  # invitee uid → check-in code
    checkins: dict[str, list[tuple[str, str, str]]]  # invitee uid → (recorded_at, uid, station)
    undone: frozenset[str]  # check-in uids an undo refers to
    invitee_of_entry: dict[str, str]


def read_view(path: Path, event_uid: str) -> FileView:
    with contextlib.closing(read_only(path)) as conn:
        row = conn.execute("SELECT id FROM events WHERE uid = ?", (event_uid,)).fetchone()
        assert row is not None, f"{path}: no event {event_uid}"
        event_id = row[0]
        invitees = {
            str(r[0]): str(r[1]) for r in conn.execute(
                "SELECT uid, checkin_code FROM invitees WHERE event_id = ?", (event_id,)
            )
        }
        entries = conn.execute(
            "SELECT a.uid, a.kind, a.target_uid, a.recorded_at, a.station, i.uid "
            "FROM attendance_log AS a JOIN invitees AS i ON i.id = a.invitee_id "
            "WHERE a.event_id = ?",
            (event_id,),
        ).fetchall()
        present = {
            str(r[0]) for r in conn.execute(
                "SELECT i.uid FROM presence AS p JOIN invitees AS i ON i.id = p.invitee_id "
                "WHERE p.event_id = ?",
                (event_id,),
            )
        }
    checkins: dict[str, list[tuple[str, str, str]]] = {}
    undone: set[str] = set()
    for uid, kind, target, recorded_at, station, invitee_uid in entries:
        if kind == "checkin":
            checkins.setdefault(invitee_uid, []).append((recorded_at, uid, station))
        elif kind == "undo":
            undone.add(target)
    return FileView(
        log=frozenset(str(e[0]) for e in entries),
        present=frozenset(present),
        invitees=frozenset(invitees),
        code_of=invitees,
        checkins={k: sorted(v) for k, v in checkins.items()},
        undone=frozenset(undone),
        invitee_of_entry={str(e[0]): str(e[5]) for e in entries},
    )


def outbox_state(path: Path) -> tuple[int, int, int]:
    """(waiting, rejected, total) of a desk's outbox."""
    with contextlib.closing(read_only(path)) as conn:
        waiting = conn.execute(
            "SELECT count(*) FROM sync_outbox WHERE acked_at IS NULL"
        ).fetchone()[0]
        rejected = conn.execute(
            "SELECT count(*) FROM sync_outbox WHERE status = 'rejected'"
        ).fetchone()[0]
        total = conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
    return int(waiting), int(rejected), int(total)


def outbox_statuses(path: Path) -> Counter[str]:
    with contextlib.closing(read_only(path)) as conn:
        return Counter(
            {str(s): int(n) for s, n in
             conn.execute("SELECT status, count(*) FROM sync_outbox GROUP BY status")}
        )


def host_duplicates(event: HostEvent) -> list[tuple[str, str]]:
    """``HostNetwork.duplicates()`` of the host's file: (invitee uid, station) each."""
    from rakor_desktop.network.host import HostNetwork
    from rakor_desktop.storage import Storage

    storage = Storage.open(event.db, backup=False, check=False)
    try:
        return [(d.invitee_uid, d.station)
                for d in HostNetwork(storage, event.event_id).duplicates()]
    finally:
        storage.close()


def violations(event: HostEvent, desk_dbs: Sequence[Path], ledger: Ledger) -> list[str]:
    """Every invariant broken right now, in words (empty: all hold)."""
    broken: list[str] = []
    host = read_view(event.db, event.event_uid)
    host_uid_of_code = {code: uid for uid, code in host.code_of.items()}

    # 1. every recorded entry on the host, once; nothing else there
    twice = sorted(uid for uid, n in ledger.recorded.items() if n > 1)
    if twice:
        broken.append(f"a desk printed the same entry uid twice: {twice[:5]}")
    missing = sorted(set(ledger.recorded) - host.log)
    if missing:
        broken.append(f"{len(missing)} recorded entries are not in the host's log: {missing[:5]}")
    extra = sorted(host.log - set(ledger.recorded))
    if extra:
        broken.append(f"{len(extra)} entries in the host's log nobody recorded: {extra[:5]}")

    # 2. present = distinct people scanned minus the undone ones
    expected: set[str] = set()
    for code in ledger.scanned_codes - ledger.undone_codes:
        if code not in host_uid_of_code:
            broken.append(f"scanned code {code} is not on the host's list")
        else:
            expected.add(host_uid_of_code[code])
    for entry_uid in ledger.walk_in_entries:
        if entry_uid in host.invitee_of_entry:
            expected.add(host.invitee_of_entry[entry_uid])
    if len(host.present) != len(expected):
        broken.append(f"the host counts {len(host.present)} present, the desks scanned "
                      f"{len(expected)} distinct people (not undone)")
    if host.present != expected:
        broken.append(
            f"present on the host but not expected: {sorted(host.present - expected)[:5]}; "
            f"expected but not present: {sorted(expected - host.present)[:5]}"
        )

    # 3. every second scan listed as a duplicate (and only those)
    wanted: Counter[tuple[str, str]] = Counter()
    for invitee_uid, checkins in host.checkins.items():
        valid = [c for c in checkins if c[1] not in host.undone]
        if invitee_uid in host.present and len(valid) > 1:
            first = min(valid)
            for checkin in valid:
                if checkin != first:
                    wanted[(invitee_uid, checkin[2])] += 1
    listed = Counter(host_duplicates(event))
    if wanted - listed:
        broken.append(f"duplicate scans not listed: {sorted((wanted - listed).elements())[:5]}")
    if listed - wanted:
        broken.append(f"listed as duplicates but not second scans of someone present: "
                      f"{sorted((listed - wanted).elements())[:5]}")

    # 4. every outbox acknowledged;  5. every copy equal to the host's
    for path in desk_dbs:
        waiting, rejected, total = outbox_state(path)
        if waiting or rejected:
            broken.append(f"{path.parent.name}: outbox has {waiting} waiting, "
                          f"{rejected} rejected (of {total})")
        desk = read_view(path, event.event_uid)
        if desk.log != host.log:
            broken.append(
                f"{path.parent.name}: log differs from the host's (missing "
                f"{len(host.log - desk.log)}, not on the host {len(desk.log - host.log)})"
            )
        if desk.present != host.present:
            broken.append(
                f"{path.parent.name}: present set differs (desk {len(desk.present)}, host "
                f"{len(host.present)}; only on the desk {sorted(desk.present - host.present)[:3]},"
                f" only on the host {sorted(host.present - desk.present)[:3]})"
            )
        if desk.invitees != host.invitees:
            broken.append(
                f"{path.parent.name}: invitation list differs (desk {len(desk.invitees)}, "
                f"host {len(host.invitees)})"
            )
    return broken


def check_invariants(event: HostEvent, desks: Sequence[DeskProcess], ledger: Ledger, *,
                     settle: float = 60) -> None:
    """Let every desk sync, then assert every invariant (retrying while the copies still
    catch up, for at most ``settle`` seconds); the message lists all that are broken."""
    deadline = time.monotonic() + settle
    broken: list[str] = []
    while True:
        left = max(1.0, deadline - time.monotonic())
        answers = ask_all(desks, f"sync {left:.1f}", timeout=left + 30)
        if all(a.parts == ["1"] for a in answers):
            broken = violations(event, [d.db for d in desks if d.db], ledger)
            if not broken:
                return
        else:
            broken = [f"{d.name} did not sync in time" for d, a in zip(desks, answers, strict=True)
                      if a.parts != ["1"]]
        if time.monotonic() >= deadline:
            break
        time.sleep(0.3)
    raise AssertionError("invariants broken:\n  " + "\n  ".join(broken))


# -- a whole venue ---------------------------------------------------------------------


class Venue:
    """A host, a proxy in front of it and desks behind it, in one folder."""

    def __init__(self, folder: Path, *, invitees: int | None = None,
                 direct: bool = False) -> None:
        self.folder = folder
        self.direct = direct  # desks talk to the host itself, not through the proxy
        self.event = make_host_event(folder / "host" / "rakor.sqlite3", invitees=invitees)
        self.host = HostProcess(self.event)
        self.proxy = FaultProxy(self.host.port)
        self.desks: list[DeskProcess] = []
        self.ledger = Ledger()

    def start(self) -> Venue:
        self.host.start()
        self.proxy.start()
        return self

    @property
    def join_text(self) -> str:
        url = self.host.url if self.direct else self.proxy.url
        return f"{url}/join?code={self.host.code}"

    def add_desks(self, count: int, *, clock_offsets: Sequence[float] = ()) -> list[DeskProcess]:
        new = []
        for n in range(count):
            number = len(self.desks) + 1
            offset = clock_offsets[n] if n < len(clock_offsets) else 0.0
            desk = DeskProcess(f"meja-{number}", self.folder / f"desk-{number}",
                               join_text=self.join_text, clock_offset_minutes=offset)
            self.desks.append(desk)
            new.append(desk)
        start_desks(new)
        return new

    def host_checkin(self, code: str) -> tuple[str, bool]:
        """Check someone in on the host itself (the secretariat's own desk, another
        program on the host's file); returns (entry uid, new)."""
        from rakor_desktop.operations.checkin import Desk, checkin_by_code
        from rakor_desktop.storage import Storage

        storage = Storage.open(self.event.db, backup=False, check=False)
        try:
            result = checkin_by_code(storage, self.event.event_id, code, Desk(HOST_STATION))
        finally:
            storage.close()
        self.ledger.note_host(code, result.entry_uid, new=not result.already_present)
        return result.entry_uid, not result.already_present

    def check(self, settle: float = 60) -> None:
        check_invariants(self.event, self.desks, self.ledger, settle=settle)

    def close(self) -> None:
        for desk in self.desks:  # all at once: each may wait for its sync threads
            with contextlib.suppress(Exception):
                desk.send("quit")
        for desk in self.desks:
            with contextlib.suppress(Exception):
                desk.quit()
        with contextlib.suppress(Exception):
            self.proxy.stop()
        with contextlib.suppress(Exception):
            self.host.stop()


@contextlib.contextmanager
def venue(folder: Path, *, invitees: int | None = None,
          direct: bool = False) -> Iterator[Venue]:
    place = Venue(folder, invitees=invitees, direct=direct).start()
    try:
        yield place
    finally:
        place.close()
