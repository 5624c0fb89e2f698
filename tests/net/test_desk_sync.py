"""A desk against a real host: ``rakor serve`` on 127.0.0.1 (tests/net/conftest.py), the
desk's :func:`join`, its :class:`DeskSync` threads and the desk operations on its copy;
both SQLite files read back."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rakor_desktop.models import AttendanceEntry, AttendanceKind, Person
from rakor_desktop.network.desk import (
    DeskSync,
    JoinError,
    SyncStatus,
    desk_clock,
    join,
    open_desk_storage,
    promote,
)
from rakor_desktop.network.host import HostNetwork
from rakor_desktop.operations import checkin as desk_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage

from .conftest import HostEvent, ServedHost, make_host_event

DESK_2 = desk_ops.Desk(station="Meja 2", operator="Rina")
DESK_3 = desk_ops.Desk(station="Meja 3", operator="Yusuf")


def host_rows(db: Path, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def wait_for(condition: Callable[[], bool], timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


class Desk:
    """A joined desk: its copy, its sync threads and a connection like the window's."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        self.path = path
        self.statuses: list[SyncStatus] = []
        self.pulls = 0
        options: dict[str, Any] = {} if clock is None else {"clock": clock}
        self.sync = DeskSync(path, on_status=self.statuses.append, on_pulled=self._pulled,
                             timeout=5, **options)
        self.storage = open_desk_storage(path)
        self.clock = desk_clock(self.storage, **({} if clock is None else {"base": clock}))
        event_id = self.storage.desk_event_id()
        assert event_id is not None
        self.event_id = event_id

    def _pulled(self) -> None:
        self.pulls += 1

    def invitee_id(self, uid: str) -> int:
        for invitee in self.storage.list_invitees(self.event_id):
            if invitee.uid == uid:
                assert invitee.id is not None
                return invitee.id
        raise AssertionError(f"no invitee {uid} in the copy")

    def present(self) -> set[str]:
        return {i.uid for i in self.storage.list_invitees(self.event_id)
                if i.first_checkin_at is not None}

    def close(self) -> None:
        self.sync.stop()
        self.storage.close()


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[list[Desk]]:
    made: list[Desk] = []
    yield made
    for desk in made:
        desk.close()


def join_desk(host: ServedHost, folder: Path, name: str, desks: list[Desk], *,
              clock: Callable[[], datetime] | None = None, start: bool = True) -> Desk:
    options: dict[str, Any] = {} if clock is None else {"clock": clock}
    path = join(f"{host.url}/join?code={host.code}", None, name, folder, **options)
    desk = Desk(path, clock=clock)
    desks.append(desk)
    if start:
        desk.sync.start()
    return desk


def test_join_makes_a_copy_of_the_hosts_list(served_host: ServedHost, tmp_path: Path,
                                             desks: list[Desk]) -> None:
    desk = join_desk(served_host, tmp_path / "meja2", "Meja 2", desks, start=False)
    assert desk.path.parent == tmp_path / "meja2"
    invitees = desk.storage.list_invitees(desk.event_id)
    assert [(i.uid, i.checkin_code, i.person.name) for i in invitees] == [
        (i.uid, i.code, i.name) for i in served_host.event.invitees
    ]
    event = desk.storage.get_event(desk.event_id)
    assert event is not None and event.uid == served_host.event_uid
    link = desk.storage.desk_link()
    assert link is not None and link.desk_name == "Meja 2" and link.host_url == served_host.url
    assert host_rows(served_host.db, "SELECT name FROM network_desks") == [("Meja 2",)]
    found = desk_ops.search_desk(desk.storage, desk.event_id, "rahma")
    assert [r.name for r in found.rows] == ["Rahmawati"]


def test_a_checkin_at_the_desk_reaches_the_host(served_host: ServedHost, tmp_path: Path,
                                                desks: list[Desk]) -> None:
    desk = join_desk(served_host, tmp_path / "meja2", "Meja 2", desks)
    sri = served_host.event.invitees[0]
    result = desk_ops.checkin_invitee(desk.storage, desk.invitee_id(sri.uid), DESK_2,
                                      clock=desk.clock)
    assert desk.storage.outbox_status(result.entry_uid) == "waiting"
    desk.sync.poke()
    assert desk.sync.wait_until_synced(10)
    assert desk.storage.outbox_status(result.entry_uid) == "stored"
    rows = host_rows(served_host.db,
                     "SELECT a.uid, a.station, i.uid FROM attendance_log AS a "
                     "JOIN invitees AS i ON i.id = a.invitee_id")
    assert rows == [(result.entry_uid, "Meja 2", sri.uid)]
    status = desk.sync.status()
    assert status.connected and status.waiting == 0 and status.last_sync_at is not None
    assert "Terhubung" in status.message
    assert desk.statuses and desk.statuses[-1].connected


def test_a_checkin_at_another_desk_shows_here(served_host: ServedHost, tmp_path: Path,
                                              desks: list[Desk]) -> None:
    two = join_desk(served_host, tmp_path / "meja2", "Meja 2", desks)
    three = join_desk(served_host, tmp_path / "meja3", "Meja 3", desks)
    budi = served_host.event.invitees[2]
    assert two.sync.wait_until_synced(10)
    desk_ops.checkin_invitee(three.storage, three.invitee_id(budi.uid), DESK_3,
                             clock=three.clock)
    three.sync.poke()
    assert three.sync.wait_until_synced(10)
    assert wait_for(lambda: budi.uid in two.present())
    assert two.pulls >= 1
    # The second scan of the same person at desk 2 is "already present", not a new entry.
    again = desk_ops.checkin_invitee(two.storage, two.invitee_id(budi.uid), DESK_2)
    assert again.already_present
    assert two.storage.outbox_summary().waiting == 0


def test_a_walk_in_at_a_desk_reaches_the_host_and_the_other_desks(
    served_host: ServedHost, tmp_path: Path, desks: list[Desk]
) -> None:
    two = join_desk(served_host, tmp_path / "meja2", "Meja 2", desks)
    three = join_desk(served_host, tmp_path / "meja3", "Meja 3", desks)
    made = desk_ops.register_walk_in(two.storage, two.event_id, "Drs. Tamu Baru, M.Si.",
                                     DESK_2, instansi="Dinas Pariwisata", clock=two.clock)
    invitee = made.checkin.invitee
    two.sync.poke()
    assert two.sync.wait_until_synced(10)
    rows = host_rows(served_host.db,
                     "SELECT i.uid, i.walk_in, i.checkin_code, p.name, p.front_titles "
                     "FROM invitees AS i JOIN persons AS p ON p.id = i.person_id "
                     "WHERE i.uid = ?", (invitee.uid,))
    assert rows == [(invitee.uid, 1, invitee.checkin_code, "Tamu Baru", "Drs.")]
    assert host_rows(served_host.db, "SELECT COUNT(*) FROM attendance_log "
                     "WHERE uid = ?", (made.checkin.entry_uid,)) == [(1,)]
    # Desk 3 learns of the new invitation and its arrival; desk 2 keeps one copy of it.
    assert wait_for(lambda: invitee.uid in three.present())
    assert len([i for i in two.storage.list_invitees(two.event_id)
                if i.person.name == "Tamu Baru"]) == 1


def test_changes_to_the_list_on_the_host_reach_the_desk(
    served_host: ServedHost, tmp_path: Path, desks: list[Desk]
) -> None:
    desk = join_desk(served_host, tmp_path / "meja2", "Meja 2", desks)
    host = Storage.open(served_host.db, backup=False)
    try:
        invitee_ops.invite_person(host, served_host.event.event_id,
                                  Person(name="Dewi Lestari", instansi="Bappeda"))
    finally:
        host.close()
    (uid,) = host_rows(served_host.db, "SELECT i.uid FROM invitees AS i JOIN persons AS p "
                       "ON p.id = i.person_id WHERE p.name = 'Dewi Lestari'")[0]
    assert wait_for(lambda: any(i.uid == uid
                                for i in desk.storage.list_invitees(desk.event_id)))
    found = desk_ops.search_desk(desk.storage, desk.event_id, "dewi")
    assert [r.name for r in found.rows] == ["Dewi Lestari"]


def test_arrival_times_are_right_from_a_desk_whose_clock_is_ten_minutes_slow(
    served_host: ServedHost, tmp_path: Path, desks: list[Desk]
) -> None:
    def slow() -> datetime:
        return datetime.now(UTC) - timedelta(minutes=10)

    desk = join_desk(served_host, tmp_path / "meja2", "Meja 2", desks, clock=slow)
    link = desk.storage.desk_link()
    assert link is not None and abs(link.clock_offset_ms - 600_000) < 2_000
    yani = served_host.event.invitees[1]
    result = desk_ops.checkin_invitee(desk.storage, desk.invitee_id(yani.uid), DESK_2,
                                      clock=desk.clock)
    assert abs((result.checked_in_at - datetime.now(UTC)).total_seconds()) < 2
    desk.sync.poke()
    assert desk.sync.wait_until_synced(10)
    (recorded,) = host_rows(served_host.db, "SELECT recorded_at FROM attendance_log")[0]
    arrival = datetime.fromisoformat(recorded)
    assert abs((arrival - datetime.now(UTC)).total_seconds()) < 5


def test_a_revoked_desk_stops_syncing_and_keeps_everything(
    served_host: ServedHost, tmp_path: Path, desks: list[Desk]
) -> None:
    desk = join_desk(served_host, tmp_path / "meja2", "Meja 2", desks)
    first, second = served_host.event.invitees[:2]
    desk_ops.checkin_invitee(desk.storage, desk.invitee_id(first.uid), DESK_2)
    assert desk.sync.wait_until_synced(10)
    host = Storage.open(served_host.db, backup=False)
    try:
        network = HostNetwork(host, served_host.event.event_id)
        (paired,) = network.desks()
        network.revoke(paired.id)
    finally:
        host.close()
    late = desk_ops.checkin_invitee(desk.storage, desk.invitee_id(second.uid), DESK_2)
    desk.sync.poke()
    assert wait_for(lambda: desk.sync.status().revoked)
    status = desk.sync.status()
    assert not status.connected and status.waiting == 1
    assert "mencabut" in status.message
    assert desk.sync.wait_until_synced(0.5) is False
    # Nothing deleted: the late entry waits in the outbox, the copy is whole.
    assert desk.storage.outbox_status(late.entry_uid) == "waiting"
    assert desk.present() == {first.uid, second.uid}
    assert host_rows(served_host.db, "SELECT COUNT(*) FROM attendance_log WHERE uid = ?",
                     (late.entry_uid,)) == [(0,)]
    # A sync started again on the revoked copy says so at once and stops again.
    desk.sync.stop()
    again = DeskSync(desk.path, timeout=5)
    again.start()
    try:
        assert wait_for(lambda: again.status().revoked)
    finally:
        again.stop()


def test_a_wrong_pairing_code_is_refused_with_a_message(
    served_host: ServedHost, tmp_path: Path
) -> None:
    with pytest.raises(JoinError, match="Kode pairing salah"):
        join(served_host.url, "654321", "Meja 2", tmp_path / "meja2")
    for _ in range(4):
        with pytest.raises(JoinError):
            join(served_host.url, "654321", "Meja 2", tmp_path / "meja2")
    with pytest.raises(JoinError, match="Terlalu banyak") as raised:
        join(served_host.url, served_host.code, "Meja 2", tmp_path / "meja2")
    assert raised.value.retry_after is not None and raised.value.retry_after > 0
    assert not (tmp_path / "meja2").exists() or not any((tmp_path / "meja2").iterdir())
    assert host_rows(served_host.db, "SELECT COUNT(*) FROM network_desks") == [(0,)]


def test_entries_written_while_the_host_is_down_are_sent_when_it_is_back(
    host_event: HostEvent, start_host: Callable[..., ServedHost], tmp_path: Path,
    desks: list[Desk]
) -> None:
    host = start_host(host_event)
    port = int(host.url.rsplit(":", 1)[1])
    desk = join_desk(host, tmp_path / "meja2", "Meja 2", desks)
    assert desk.sync.wait_until_synced(10)
    host.kill()
    uids = [desk_ops.checkin_invitee(desk.storage, desk.invitee_id(i.uid), DESK_2).entry_uid
            for i in host_event.invitees[:3]]
    desk.sync.poke()
    assert wait_for(lambda: not desk.sync.status().connected
                    and desk.sync.status().waiting == 3)
    down = desk.sync.status()
    assert down.waiting == 3 and down.offline_since is not None
    assert "Tidak terhubung" in down.message
    start_host(host_event, port=port)
    assert desk.sync.wait_until_synced(20)
    assert sorted(r[0] for r in host_rows(host_event.db, "SELECT uid FROM attendance_log")) \
        == sorted(uids)
    back = desk.sync.status()
    assert back.connected and back.offline_since is None and back.waiting == 0


def test_promote_after_the_host_is_gone_keeps_every_entry(
    host_event: HostEvent, start_host: Callable[..., ServedHost], tmp_path: Path,
    desks: list[Desk]
) -> None:
    host = start_host(host_event)
    desk = join_desk(host, tmp_path / "meja2", "Meja 2", desks)
    sent = desk_ops.checkin_invitee(desk.storage, desk.invitee_id(host_event.invitees[0].uid),
                                    DESK_2).entry_uid
    assert desk.sync.wait_until_synced(10)
    host.kill()
    unsent = desk_ops.register_walk_in(desk.storage, desk.event_id, "Tamu Terakhir",
                                       DESK_2).checkin.entry_uid
    desk.sync.stop()
    laptop = Storage.open(tmp_path / "laptop" / "rakor.sqlite3")
    try:
        event_id = promote(desk.path, laptop)
        assert {e.uid for e in laptop.attendance_log(event_id)} == {sent, unsent}
        assert laptop.attendance_counts(event_id).invited == len(host_event.invitees) + 1
    finally:
        laptop.close()
    assert desk.storage.desk_link().ended  # type: ignore[union-attr]


def test_joining_a_second_event_host_from_the_same_folder_makes_a_second_copy(
    tmp_path: Path, start_host: Callable[..., ServedHost], desks: list[Desk]
) -> None:
    first = start_host(make_host_event(tmp_path / "a" / "rakor.sqlite3", title="Rakor A"))
    second = start_host(make_host_event(tmp_path / "b" / "rakor.sqlite3", title="Rakor A"))
    one = join_desk(first, tmp_path / "meja", "Meja 2", desks, start=False)
    two = join_desk(second, tmp_path / "meja", "Meja 2", desks, start=False)
    assert one.path != two.path and one.path.parent == two.path.parent


def test_an_entry_the_host_cannot_read_is_set_aside_and_blocks_nothing(
    served_host: ServedHost, tmp_path: Path, desks: list[Desk]
) -> None:
    desk = join_desk(served_host, tmp_path / "meja2", "Meja 2", desks, start=False)
    first, second = served_host.event.invitees[:2]
    good = desk_ops.checkin_invitee(desk.storage, desk.invitee_id(first.uid), DESK_2)
    # An entry no desk operation makes (its target is no uid): the host answers 400.
    with desk.storage.transaction():
        desk.storage.append_attendance(
            AttendanceEntry(uid="b0000000-0000-4000-8000-000000000001",
                            event_id=desk.event_id, invitee_id=desk.invitee_id(second.uid),
                            kind=AttendanceKind.UNDO, recorded_at=datetime.now(UTC),
                            station="Meja 2", target_uid="not a uid!", reason="uji"),
            received_at=datetime.now(UTC),
        )
    after = desk_ops.checkin_invitee(desk.storage, desk.invitee_id(second.uid), DESK_2)
    desk.sync.start()
    assert desk.sync.wait_until_synced(10)
    assert desk.storage.outbox_status(good.entry_uid) == "stored"
    assert desk.storage.outbox_status(after.entry_uid) == "stored"
    ((uid, message),) = desk.storage.rejected_entries()
    assert uid == "b0000000-0000-4000-8000-000000000001" and message
    assert desk.sync.status().rejected == 1
    assert sorted(r[0] for r in host_rows(served_host.db, "SELECT uid FROM attendance_log")) \
        == sorted([good.entry_uid, after.entry_uid])


def test_a_desk_says_connected_as_soon_as_it_starts_without_waiting_for_a_change(
    served_host: ServedHost, tmp_path: Path, desks: list[Desk]
) -> None:
    desk = join_desk(served_host, tmp_path / "meja2", "Meja 2", desks)
    # Nothing is recorded anywhere: the first question to the host answers at once
    # (the long-poll would otherwise keep the status at "connecting" for 25 s).
    assert wait_for(lambda: desk.sync.status().connected, timeout=3)
    assert desk.sync.status().last_sync_at is not None
