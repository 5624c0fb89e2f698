"""A desk's side of the venue network (issue 13) on real SQLite files, without a host.

The host's answers are built here from the wire dataclasses (what the host sends);
tests against a real ``rakor serve`` are in tests/net/test_desk_*.py.
"""

from __future__ import annotations

import http.server
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time as wall
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from rakor_desktop import messages
from rakor_desktop.models import AttendanceKind, Event, Person
from rakor_desktop.network.desk import (
    DeskSync,
    JoinError,
    desk_clock,
    join,
    open_desk_storage,
    parse_join_text,
    promote,
    wire_entry,
)
from rakor_desktop.network.protocol import (
    ChangesAnswer,
    WireAttendance,
    WireEntry,
    WireEvent,
    WireInvitee,
)
from rakor_desktop.operations import checkin as desk_ops
from rakor_desktop.storage import Storage
from rakor_desktop.storage.replica import DeskLink

DESK = desk_ops.Desk(station="Meja 2", operator="Rina")
T0 = datetime(2023, 12, 14, 1, 30, tzinfo=UTC)
EVENT_UID = "e0000000-0000-4000-8000-000000000001"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
    "0000000a49444154789c63f80f0001010100b138f6140000000049454e44ae426082"
)


def _uid(n: int, kind: str = "a") -> str:
    return f"{kind}{n:07d}-0000-4000-8000-000000000000"


def wire_event(title: str = "Rapat Koordinasi Kesiapan Pemilu 2024") -> WireEvent:
    return WireEvent.from_json({
        "uid": EVENT_UID, "title": title, "date": "2023-12-14", "start_time": "09:00",
        "timezone": "WIB", "venue": "Aula Griya Mayang",
    })


def wire_invitee(n: int, name: str, *, code: str | None = None, instansi: str = "",
                 nip: str = "") -> WireInvitee:
    return WireInvitee.from_json({
        "uid": _uid(n, "i"),
        "person": {"uid": _uid(n, "p"), "name": name, "instansi": instansi, "nip": nip},
        "role": "peserta", "checkin_code": code or f"CODE{n:04d}", "jabatan": "",
        "instansi": instansi, "group_name": "OPD", "position": n,
        "created_at": "2023-12-13T08:00:00.000+00:00",
    })


def host_entry(n: int, invitee: int, *, kind: str = "checkin", target: str = "",
               at: datetime = T0, station: str = "Meja 1") -> WireAttendance:
    entry = {"uid": _uid(n, "h"), "kind": kind, "invitee_uid": _uid(invitee, "i"),
             "recorded_at": at.isoformat(), "operator": "Yusuf"}
    if target:
        entry["target_uid"] = target
    if kind == "undo":
        entry["reason"] = "salah pindai"
    return WireAttendance.from_json({**entry, "station": station,
                                     "received_at": at.isoformat(), "has_signature": False})


def answer(seq: int, *, event: WireEvent | None = None, invitees: tuple[WireInvitee, ...] = (),
           deleted: tuple[str, ...] = (), attendance: tuple[WireAttendance, ...] = (),
           server_time: datetime = T0) -> ChangesAnswer:
    return ChangesAnswer(seq=seq, event=event, invitees=invitees, deleted_invitees=deleted,
                         attendance=attendance, more=False, server_time=server_time)


SNAPSHOT = answer(
    12,
    event=wire_event(),
    invitees=(wire_invitee(1, "Sri Purwaningsih", instansi="Badan Kesbangpol"),
              wire_invitee(2, "Ahmad Yani", instansi="KPU Kota Jambi"),
              wire_invitee(3, "Budi Santoso", instansi="Bawaslu")),
    attendance=(host_entry(1, 3),),
)


def make_copy(path: Path, *, host_url: str = "http://127.0.0.1:9", offset_ms: int = 0,
              snapshot: ChangesAnswer = SNAPSHOT) -> Path:
    """A desk's copy as :func:`join` writes it, from a snapshot built here."""
    storage = Storage.open(path)
    try:
        with storage.transaction():
            storage.create_desk_link(DeskLink(
                host_url=host_url, event_uid=EVENT_UID, desk_id=2, desk_name="Meja 2",
                token="t" * 43, last_seq=0, clock_offset_ms=offset_ms, last_sync_at=None,
                joined_at=T0,
            ))
            storage.apply_host_changes(snapshot, EVENT_UID, now=T0)
            storage.record_sync(at=T0, last_seq=snapshot.seq)
    finally:
        storage.close()
    return path


@pytest.fixture
def copy_path(tmp_path: Path) -> Path:
    return make_copy(tmp_path / "meja" / "meja-2.sqlite3")


@pytest.fixture
def desk(copy_path: Path) -> Iterator[Storage]:
    storage = open_desk_storage(copy_path)
    yield storage
    storage.close()


def invitee_id(storage: Storage, n: int) -> int:
    event_id = storage.desk_event_id()
    assert event_id is not None
    found = storage.get_invitee_by_code(event_id, f"CODE{n:04d}")
    assert found is not None and found.id is not None
    return found.id


# -- the join text -------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "expected"), [
    ("http://192.168.1.10:8765/join?code=123456", ("http://192.168.1.10:8765", "123456")),
    ("  http://192.168.1.10:8766/join?code=004321\n", ("http://192.168.1.10:8766", "004321")),
    ("HTTP://192.168.1.10:8765/join?code=123456", ("http://192.168.1.10:8765", "123456")),
    ("192.168.1.10:8765", ("http://192.168.1.10:8765", None)),
    ("192.168.1.10", ("http://192.168.1.10:8765", None)),
    ("192.168.1.10:8765 123456", ("http://192.168.1.10:8765", "123456")),
    ("laptop-sekretariat:9000/", ("http://laptop-sekretariat:9000", None)),
    ("http://[fe80::1]:8765/join?code=123456", ("http://[fe80::1]:8765", "123456")),
])
def test_parse_join_text_takes_the_qr_url_an_address_or_an_address_and_code(
    typed: str, expected: tuple[str, str | None]
) -> None:
    assert parse_join_text(typed) == expected


@pytest.mark.parametrize("typed", [
    "", "   ", "ftp://192.168.1.10", "http://", "192.168.1.10:99999",
    "http://user:pw@192.168.1.10:8765", "192.168.1.10:8765/join?code=12345",
    "192.168.1.10:8765/join?code=abcdef", "alamat <script>",
])
def test_parse_join_text_refuses_what_is_no_address_with_a_message(typed: str) -> None:
    with pytest.raises(JoinError) as raised:
        parse_join_text(typed)
    assert "laptop utama" in str(raised.value)
    messages.set_language("en")
    assert "host" in str(raised.value)


def test_join_asks_for_the_code_and_the_desk_name_before_calling_anyone(
    tmp_path: Path,
) -> None:
    with pytest.raises(JoinError, match="kode pairing 6 angka"):
        join("127.0.0.1:9", None, "Meja 2", tmp_path)
    with pytest.raises(JoinError, match="nama meja"):
        join("127.0.0.1:9/join?code=123456", None, "  ", tmp_path)
    with pytest.raises(JoinError, match="Nama meja terlalu panjang"):
        join("127.0.0.1:9/join?code=123456", None, "Meja " * 20, tmp_path)
    assert list(tmp_path.iterdir()) == []


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_join_of_a_host_that_does_not_answer_says_so_and_leaves_no_file(
    tmp_path: Path,
) -> None:
    port = _closed_port()
    with pytest.raises(JoinError) as raised:
        join(f"http://127.0.0.1:{port}/join?code=123456", None, "Meja 2", tmp_path / "data",
             timeout=2)
    assert "tidak dapat dihubungi" in str(raised.value)
    assert "koneksi ditolak" in str(raised.value)
    assert not (tmp_path / "data").exists() or list((tmp_path / "data").iterdir()) == []


@pytest.fixture
def web_server(tmp_path: Path) -> Iterator[str]:
    """A plain web server (not Rakor) on loopback."""
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "index.html").write_text("<html>halo</html>")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(tmp_path / "www"), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>bukan rakor</html>")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_join_of_another_web_server_says_it_is_no_rakor_host(
    web_server: str, tmp_path: Path
) -> None:
    with pytest.raises(JoinError) as raised:
        join(web_server, "123456", "Meja 2", tmp_path / "data", timeout=5)
    assert "bukan laptop utama Rakor Desktop" in str(raised.value)
    assert not (tmp_path / "data").exists() or list((tmp_path / "data").iterdir()) == []


# -- the outbox hook ---------------------------------------------------------------------------


def test_a_checkin_at_a_desk_is_written_with_its_outbox_row(desk: Storage) -> None:
    result = desk_ops.checkin_invitee(desk, invitee_id(desk, 1), DESK, clock=lambda: T0)
    pending = desk.pending_entries(10)
    assert [p.entry.uid for p in pending] == [result.entry_uid]
    assert pending[0].invitee_uid == _uid(1, "i")
    assert pending[0].walk_in is None
    assert desk.outbox_status(result.entry_uid) == "waiting"
    summary = desk.outbox_summary()
    assert (summary.waiting, summary.oldest_waiting_at) == (1, T0)


def test_a_copy_opened_the_ordinary_way_fills_the_outbox_too(copy_path: Path) -> None:
    storage = Storage.open(copy_path)  # how the window opens its database
    try:
        desk_ops.checkin_invitee(storage, invitee_id(storage, 2), DESK)
        assert storage.outbox_summary().waiting == 1
    finally:
        storage.close()


def test_entries_from_the_host_and_on_an_ordinary_database_get_no_outbox_row(
    desk: Storage, storage: Storage
) -> None:
    assert desk.outbox_summary().waiting == 0  # the snapshot's entry came from the host
    assert len(desk.attendance_log(desk.desk_event_id() or 0)) == 1
    from rakor_desktop.operations import events as event_ops
    from rakor_desktop.operations import invitations as invitee_ops

    event_id = event_ops.create_event(
        storage, Event(title="Rakor", date=date(2023, 12, 14), start_time=time(9, 0)))
    invitee = invitee_ops.invite_person(storage, event_id, Person(name="Budi"))
    assert invitee.id is not None
    desk_ops.checkin_invitee(storage, invitee.id, DESK)
    assert storage.outbox_summary().waiting == 0
    assert storage.desk_link() is None


def test_a_failed_outbox_write_leaves_no_entry_either(desk: Storage) -> None:
    desk.conn.execute(
        "CREATE TEMP TRIGGER refuse_outbox BEFORE INSERT ON sync_outbox "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(Exception, match="disk full"):
        desk_ops.checkin_invitee(desk, invitee_id(desk, 1), DESK)
    assert desk.active_checkins(invitee_id(desk, 1)) == []
    assert desk.outbox_summary().waiting == 0


def test_every_desk_action_reaches_the_outbox_in_the_order_written(desk: Storage) -> None:
    event_id = desk.desk_event_id()
    assert event_id is not None
    clock = [T0]
    first = desk_ops.checkin_invitee(desk, invitee_id(desk, 1), DESK, clock=lambda: clock[0])
    desk_ops.add_signature(desk, invitee_id(desk, 1), PNG, DESK, clock=lambda: clock[0])
    desk_ops.checkin_on_behalf(desk, invitee_id(desk, 2), DESK, delegate_name="Dedi Kurnia",
                               delegate_jabatan="Sekretaris", clock=lambda: clock[0])
    # The undo written in the same millisecond as the check-in still follows it.
    desk_ops.undo_checkin(desk, invitee_id(desk, 1), "salah orang", DESK,
                          clock=lambda: clock[0])
    walk_in = desk_ops.register_walk_in(desk, event_id, "Drs. Hendra Gunawan, M.Si.", DESK,
                                        instansi="Dinas Kominfo", clock=lambda: clock[0])
    pending = desk.pending_entries(10)
    kinds = [p.entry.kind for p in pending]
    assert kinds == [AttendanceKind.CHECKIN, AttendanceKind.SIGNATURE, AttendanceKind.CHECKIN,
                     AttendanceKind.UNDO, AttendanceKind.CHECKIN]
    assert pending[0].entry.uid == first.entry_uid
    wires = [wire_entry(p) for p in pending]
    # What is uploaded passes the host's strict parser unchanged.
    for wire in wires:
        assert WireEntry.from_json(wire.to_json()) == wire
    assert wires[1].signature_png == PNG and wires[1].target_uid == first.entry_uid
    assert wires[2].on_behalf["name"] == "Dedi Kurnia"
    assert wires[3].target_uid == first.entry_uid and wires[3].reason == "salah orang"
    made = wires[4].walk_in
    assert made is not None and wires[4].invitee_uid == walk_in.checkin.invitee.uid
    assert made.person.fields["name"] == "Hendra Gunawan"
    assert made.person.fields["front_titles"] == "Drs."
    assert made.checkin_code == walk_in.checkin.invitee.checkin_code
    assert all(p.walk_in is None for p in pending[:4])


def test_acknowledged_entries_leave_the_queue_and_rejected_ones_are_counted(
    desk: Storage,
) -> None:
    one = desk_ops.checkin_invitee(desk, invitee_id(desk, 1), DESK).entry_uid
    two = desk_ops.checkin_invitee(desk, invitee_id(desk, 2), DESK).entry_uid
    with desk.transaction():
        desk.mark_acknowledged([(one, "stored", ""), (two, "rejected", "rusak")], at=T0)
    summary = desk.outbox_summary()
    assert (summary.waiting, summary.rejected) == (0, 1)
    assert desk.outbox_status(one) == "stored"
    assert desk.rejected_entries() == [(two, "rusak")]
    with desk.transaction():  # an answer that comes twice changes nothing
        assert desk.mark_acknowledged([(one, "known", "")], at=T0) == 0
    assert desk.outbox_status(one) == "stored"


_KILL_SCRIPT = """
import sys, time
from rakor_desktop.network.desk import open_desk_storage
from rakor_desktop.operations import checkin as desk_ops
storage = open_desk_storage(sys.argv[1], backup=False)
code = sys.argv[2]
invitee = storage.get_invitee_by_code(storage.desk_event_id(), code)
result = desk_ops.checkin_invitee(storage, invitee.id, desk_ops.Desk("Meja 2"))
print(result.entry_uid, flush=True)
time.sleep(60)
"""


def test_an_entry_reported_recorded_survives_a_sigkill_in_the_outbox(copy_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _KILL_SCRIPT, str(copy_path), "CODE0002"],
        stdout=subprocess.PIPE, text=True, env={**os.environ},
    )
    try:
        assert process.stdout is not None
        uid = process.stdout.readline().strip()
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert uid
    storage = open_desk_storage(copy_path)
    try:
        assert storage.outbox_status(uid) == "waiting"
        assert [p.entry.uid for p in storage.pending_entries(10)] == [uid]
    finally:
        storage.close()


# -- what the host sends ------------------------------------------------------------------------


def test_the_snapshot_makes_a_searchable_copy_with_the_hosts_uids(desk: Storage) -> None:
    event_id = desk.desk_event_id()
    assert event_id is not None
    event = desk.get_event(event_id)
    assert event is not None and event.uid == EVENT_UID and event.venue == "Aula Griya Mayang"
    found = desk_ops.search_desk(desk, event_id, "purwa")
    assert [row.name for row in found.rows] == ["Sri Purwaningsih"]
    budi = desk.get_invitee(invitee_id(desk, 3))
    assert budi is not None and budi.uid == _uid(3, "i") and budi.first_checkin_at == T0
    link = desk.desk_link()
    assert link is not None and link.last_seq == 12 and link.desk_name == "Meja 2"


def test_the_pull_keeps_the_desks_waiting_entries(desk: Storage) -> None:
    mine = desk_ops.checkin_invitee(desk, invitee_id(desk, 1), DESK,
                                    clock=lambda: T0 + timedelta(minutes=1))
    changed = wire_invitee(1, "Dr. Sri Purwaningsih", instansi="Kesbangpol Kota Jambi")
    later = T0 + timedelta(minutes=2)
    update = answer(
        20,
        invitees=(changed, wire_invitee(4, "Dewi Lestari")),
        # The host removed invitee 1 (checked in here, not yet uploaded) and invitee 2.
        deleted=(_uid(1, "i"), _uid(2, "i")),
        attendance=(host_entry(2, 4, at=later), host_entry(3, 3, kind="undo",
                                                         target=_uid(1, "h"), at=later)),
    )
    with desk.transaction():
        applied = desk.apply_host_changes(update, EVENT_UID, now=later)
        desk.record_sync(at=later, last_seq=update.seq)
    assert (applied.invitees, applied.deleted, applied.entries) == (2, 1, 2)
    sri = desk.get_invitee(invitee_id(desk, 1))
    assert sri is not None and sri.instansi == "Kesbangpol Kota Jambi"
    assert [e.uid for e in desk.active_checkins(invitee_id(desk, 1))] == [mine.entry_uid]
    assert desk.outbox_status(mine.entry_uid) == "waiting"
    assert desk.get_invitee_by_code(desk.desk_event_id() or 0, "CODE0002") is None
    assert desk.active_checkins(invitee_id(desk, 3)) == []  # undone on the host
    assert desk.active_checkins(invitee_id(desk, 4))[0].station == "Meja 1"
    assert desk.outbox_summary().waiting == 1  # nothing of the host's went into it
    # The same answer again (a replay after a lost commit) changes nothing.
    with desk.transaction():
        again = desk.apply_host_changes(update, EVENT_UID, now=later)
    assert (again.entries, again.deleted) == (0, 0)
    link = desk.desk_link()
    assert link is not None and link.last_seq == 20


def test_the_desks_own_entry_coming_back_from_the_host_is_not_doubled(desk: Storage) -> None:
    mine = desk_ops.checkin_invitee(desk, invitee_id(desk, 2), DESK, clock=lambda: T0)
    back = WireAttendance.from_json({
        "uid": mine.entry_uid, "kind": "checkin", "invitee_uid": _uid(2, "i"),
        "recorded_at": (T0 + timedelta(seconds=3)).isoformat(), "operator": "Rina",
        "station": "Meja 2", "received_at": T0.isoformat(), "has_signature": False,
    })
    with desk.transaction():
        applied = desk.apply_host_changes(answer(13, attendance=(back,)), EVENT_UID, now=T0)
    assert applied.entries == 0
    assert len(desk.attendance_history(invitee_id(desk, 2))) == 1


def test_a_code_or_nip_the_host_gives_moves_away_from_a_local_row(desk: Storage) -> None:
    event_id = desk.desk_event_id()
    assert event_id is not None
    walk_in = desk_ops.register_walk_in(desk, event_id, "Rudi Hartono", DESK)
    local_code = walk_in.checkin.invitee.checkin_code
    newcomer = wire_invitee(7, "Rina Marlina", code=local_code)
    with desk.transaction():
        applied = desk.apply_host_changes(answer(14, invitees=(newcomer,)), EVENT_UID, now=T0)
    assert applied.invitees == 1
    assert desk.get_invitee_by_code(event_id, local_code).person.name == "Rina Marlina"  # type: ignore[union-attr]
    moved = desk.get_invitee(walk_in.checkin.invitee.id or 0)
    assert moved is not None and moved.checkin_code != local_code
    # The walk-in's entry still waits, with the invitation's new code.
    pending = desk.pending_entries(10)
    assert pending[0].walk_in is not None
    assert pending[0].walk_in.checkin_code == moved.checkin_code


# -- the clock --------------------------------------------------------------------------------


def test_the_desk_clock_adds_the_offset_last_measured_to_the_host(tmp_path: Path) -> None:
    path = make_copy(tmp_path / "slow.sqlite3", offset_ms=600_000)  # 10 minutes behind
    storage = open_desk_storage(path)
    try:
        clock = desk_clock(storage, base=lambda: T0)
        assert clock() == T0 + timedelta(minutes=10)
        result = desk_ops.checkin_invitee(storage, invitee_id(storage, 1), DESK, clock=clock)
        assert result.checked_in_at == T0 + timedelta(minutes=10)
        with storage.transaction():
            storage.record_sync(at=T0, clock_offset_ms=-1500)
        assert clock() == T0 - timedelta(milliseconds=1500)
    finally:
        storage.close()


# -- the sync without a host ---------------------------------------------------------------------


def test_a_desk_without_its_host_keeps_recording_and_says_so(tmp_path: Path) -> None:
    port = _closed_port()
    path = make_copy(tmp_path / "offline.sqlite3", host_url=f"http://127.0.0.1:{port}")
    seen: list[object] = []
    sync = DeskSync(path, on_status=seen.append, timeout=2)
    before = sync.status()
    assert not before.connected and before.waiting == 0 and before.last_sync_at == T0
    sync.start()
    storage = open_desk_storage(path)
    try:
        desk_ops.checkin_invitee(storage, invitee_id(storage, 1), DESK)
        sync.poke()
        deadline = wall.monotonic() + 10
        while wall.monotonic() < deadline:
            status = sync.status()
            if status.waiting == 1 and status.offline_since is not None:
                break
            wall.sleep(0.05)
        assert status.waiting == 1 and not status.connected
        assert status.oldest_waiting_at is not None and not status.revoked
        assert "Tidak terhubung" in status.message and "koneksi ditolak" in status.message
        assert sync.wait_until_synced(0.3) is False
    finally:
        started = wall.monotonic()
        sync.stop()
        assert wall.monotonic() - started < 5
        storage.close()
    assert seen and seen[-1] == sync.status()
    storage = open_desk_storage(path)
    try:
        assert storage.outbox_summary().waiting == 1  # kept for later
    finally:
        storage.close()


def test_a_sync_thread_that_fails_starts_again_and_catches_up(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = make_copy(tmp_path / "broken.sqlite3", host_url=f"http://127.0.0.1:{_closed_port()}")
    sync = DeskSync(path, timeout=2)
    outside = sqlite3.connect(path)
    outside.execute("ALTER TABLE sync_outbox RENAME TO sync_outbox_away")  # the queue is gone
    outside.commit()
    sync.start()
    try:
        assert _eventually(lambda: "desk sync thread failed" in caplog.text)
        outside.execute("ALTER TABLE sync_outbox_away RENAME TO sync_outbox")
        outside.commit()
        storage = open_desk_storage(path)
        try:
            desk_ops.checkin_invitee(storage, invitee_id(storage, 1), DESK)
        finally:
            storage.close()
        assert _eventually(lambda: sync.status().waiting == 1, timeout=15)
        assert not sync.status().revoked
    finally:
        sync.stop()
        outside.close()


def _eventually(condition: Callable[[], bool], timeout: float = 10) -> bool:
    deadline = wall.monotonic() + timeout
    while wall.monotonic() < deadline:
        if condition():
            return True
        wall.sleep(0.05)
    return condition()


def test_open_desk_storage_refuses_an_ordinary_database(db_path: Path) -> None:
    Storage.open(db_path).close()
    with pytest.raises(JoinError, match="bukan salinan meja"):
        open_desk_storage(db_path)


# -- promote ------------------------------------------------------------------------------------


def test_promote_makes_the_copy_a_full_event_with_every_entry(
    desk: Storage, copy_path: Path, storage: Storage
) -> None:
    event_id = desk.desk_event_id()
    assert event_id is not None
    acked = desk_ops.checkin_invitee(desk, invitee_id(desk, 1), DESK).entry_uid
    waiting = desk_ops.register_walk_in(desk, event_id, "Hendra Gunawan", DESK,
                                        instansi="Dinas Kominfo").checkin.entry_uid
    with desk.transaction():
        desk.mark_acknowledged([(acked, "stored", "")], at=T0)
    new_id = promote(copy_path, storage)
    event = storage.get_event(new_id)
    assert event is not None and event.uid == EVENT_UID and event.title.startswith("Rapat")
    log = {e.uid for e in storage.attendance_log(new_id)}
    assert {acked, waiting, _uid(1, "h")} <= log and len(log) == 3
    assert storage.attendance_counts(new_id).present == 3
    assert storage.attendance_counts(new_id).invited == 4
    assert storage.outbox_summary().waiting == 0  # the target is no desk
    link = desk.desk_link()
    assert link is not None and link.ended
    # Promoting into a database that has the event already keeps both, apart.
    second = promote(copy_path, storage)
    assert second != new_id and len(storage.attendance_log(second)) == 3
    assert storage.get_event(second).uid != EVENT_UID  # type: ignore[union-attr]


def test_promote_into_the_copy_itself_ends_the_link_and_keeps_it_all(
    copy_path: Path,
) -> None:
    storage = Storage.open(copy_path)
    try:
        desk_ops.checkin_invitee(storage, invitee_id(storage, 1), DESK)
        event_id = promote(copy_path, storage)
        assert event_id == storage.desk_event_id()
        desk_ops.checkin_invitee(storage, invitee_id(storage, 2), DESK)
        assert storage.outbox_summary().waiting == 1  # the one before; none after
        sync = DeskSync(copy_path)
        assert "tidak sinkron lagi" in sync.status().message
    finally:
        storage.close()
    reopened = Storage.open(copy_path)
    try:
        desk_ops.undo_checkin(reopened, invitee_id(reopened, 2), "salah orang", DESK)
        assert reopened.outbox_summary().waiting == 1  # an ended link fills no outbox
        assert len(reopened.attendance_log(event_id)) == 4
    finally:
        reopened.close()
