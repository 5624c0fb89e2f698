"""``HostNetwork`` on a real database without HTTP: pairing limits on the host's clock,
revoking, the SQL each request costs (one transaction per batch, one query each for the
changed invitees and entries), the change feed in windows, walk-ins, duplicates, and a
20,000-person snapshot."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from benchmarks.fixtures import make_large_event
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import Person
from rakor_desktop.network.host import (
    LOCKOUT,
    AuthError,
    HostNetwork,
    PairedDesk,
    PairingError,
    WrongEventError,
)
from rakor_desktop.network.protocol import (
    ChangesAnswer,
    EntriesRequest,
    WireEntry,
    WirePerson,
    WireWalkIn,
)
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage

from .conftest import HostEvent, make_host_event

START = datetime(2026, 12, 3, 1, 30, tzinfo=UTC)


class Clock:
    """The host's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def event(tmp_path: Path) -> HostEvent:
    return make_host_event(tmp_path / "host.sqlite3")


@pytest.fixture
def host_storage(event: HostEvent) -> Iterator[Storage]:
    storage = Storage.open(event.db, backup=False)
    yield storage
    storage.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def network(host_storage: Storage, event: HostEvent, clock: Clock) -> HostNetwork:
    return HostNetwork(host_storage, event.event_id, clock=clock, pairing_code="123456")


def _checkin(invitee_uid: str, at: datetime, **fields: object) -> WireEntry:
    return WireEntry(uid=str(uuid.uuid4()), kind="checkin", invitee_uid=invitee_uid,
                     recorded_at=at, **fields)  # type: ignore[arg-type]


def _send(network: HostNetwork, desk: PairedDesk, *entries: WireEntry) -> list[str]:
    acks = network.apply_entries(desk, EntriesRequest(network.clock(), entries))
    return [a.status for a in acks]


# -- pairing, tokens, revoking ----------------------------------------------------------------


def test_the_lockout_after_five_wrong_codes_ends_after_a_minute(
    network: HostNetwork, clock: Clock,
) -> None:
    for n in range(5):
        with pytest.raises(PairingError) as wrong:
            network.pair(f"00000{n}", "Meja 2", "10.0.0.7")
        assert wrong.value.retry_after == 0
    with pytest.raises(PairingError) as locked:
        network.pair("123456", "Meja 2", "10.0.0.7")
    assert locked.value.retry_after == 60

    clock.advance(seconds=LOCKOUT.total_seconds() - 1)
    with pytest.raises(PairingError) as still:
        network.pair("123456", "Meja 2", "10.0.0.7")
    assert still.value.retry_after == 1
    clock.advance(seconds=1)
    token, desk = network.pair("123456", "Meja 2", "10.0.0.7")

    assert network.authenticate(token, network.event_uid, "10.0.0.7") == desk


def test_wrong_codes_spread_over_minutes_never_lock(network: HostNetwork, clock: Clock) -> None:
    for n in range(12):
        with pytest.raises(PairingError) as wrong:
            network.pair(f"99999{n % 10}", "Meja 2", "10.0.0.8")
        assert wrong.value.retry_after == 0
        clock.advance(seconds=20)  # four tries a minute at most

    assert network.pair("123456", "Meja 2", "10.0.0.8")[1].name == "Meja 2"


def test_a_new_pairing_code_replaces_the_old_one(network: HostNetwork) -> None:
    new = network.new_pairing_code()

    assert new != "123456" and len(new) == 6 and new.isdigit()
    with pytest.raises(PairingError, match="salah atau sudah diganti"):
        network.pair("123456", "Meja 2", "10.0.0.9")
    assert network.pair(new, "Meja 2", "10.0.0.9")[1].id > 0


def test_desk_names_are_cleaned_and_required(network: HostNetwork) -> None:
    _token, desk = network.pair("123456", "  Meja\u202e 2\x00\n ", "10.0.0.1")

    assert desk.name == "Meja 2"
    with pytest.raises(ValidationError, match="nama meja"):
        network.pair("123456", " \t ", "10.0.0.1")


def test_the_host_refuses_a_code_that_is_not_six_digits_or_an_unknown_event(
    host_storage: Storage, event: HostEvent,
) -> None:
    with pytest.raises(ValidationError):
        HostNetwork(host_storage, event.event_id, pairing_code="12345")
    with pytest.raises(NotFoundError):
        HostNetwork(host_storage, 999)
    assert HostNetwork(host_storage, event.event_id).pairing_code.isdigit()


def test_revoking_refuses_the_token_and_keeps_the_desk_listed(
    network: HostNetwork, clock: Clock,
) -> None:
    token, desk = network.pair("123456", "Meja 2", "10.0.0.2")
    clock.advance(minutes=5)

    network.revoke(desk.id)

    with pytest.raises(AuthError) as refused:
        network.authenticate(token, network.event_uid, "10.0.0.2")
    assert refused.value.revoked and "dicabut" in str(refused.value)
    assert [(d.name, d.revoked_at) for d in network.desks()] == [("Meja 2", clock.now)]
    with pytest.raises(NotFoundError):
        network.revoke(desk.id + 100)


def test_a_desk_of_another_event_can_neither_be_used_nor_revoked_here(
    host_storage: Storage, network: HostNetwork, event: HostEvent,
) -> None:
    other_id = make_host_event(event.db, title="Rakor Lain", people=()).event_id
    other = HostNetwork(host_storage, other_id, pairing_code="654321")
    token, stranger = other.pair("654321", "Meja Lain", "10.0.0.3")

    with pytest.raises(WrongEventError):
        network.authenticate(token, network.event_uid, "10.0.0.3")
    with pytest.raises(WrongEventError):
        network.authenticate(token, other.event_uid, "10.0.0.3")
    with pytest.raises(NotFoundError):
        network.revoke(stranger.id)
    with pytest.raises(AuthError) as missing:
        network.authenticate("", network.event_uid, "10.0.0.3")
    assert not missing.value.revoked


def test_last_seen_is_shown_at_once_but_written_only_now_and_then(
    network: HostNetwork, host_storage: Storage, clock: Clock,
) -> None:
    token, desk = network.pair("123456", "Meja 2", "10.0.0.4")
    statements: list[str] = []
    host_storage.conn.set_trace_callback(statements.append)
    for _ in range(20):
        clock.advance(seconds=1)
        network.authenticate(token, network.event_uid, "10.0.0.4")
    network.authenticate(token, network.event_uid, "10.0.0.5")  # moved: written at once
    host_storage.conn.set_trace_callback(None)

    # (SQLite's trace repeats a statement for each trigger it runs: count distinct ones)
    updates = {s for s in statements if s.startswith("UPDATE network_desks")}
    assert len(updates) == 3  # after 10 s, after 20 s, and the new address
    assert [(d.last_seen_at, d.last_address) for d in network.desks()] == [
        (clock.now, "10.0.0.5")]
    assert host_storage.network_desk(desk.id) == network.desks()[0]


# -- entries ---------------------------------------------------------------------------------------


def test_a_batch_of_two_hundred_is_one_transaction(tmp_path: Path, clock: Clock) -> None:
    people = tuple((f"Peserta {n:03d}", "Dinas", "OPD") for n in range(200))
    event = make_host_event(tmp_path / "big.sqlite3", people=people)
    storage = Storage.open(event.db, backup=False)
    try:
        network = HostNetwork(storage, event.event_id, clock=clock, pairing_code="123456")
        _token, desk = network.pair("123456", "Meja 2", "10.0.0.1")
        batch = [_checkin(i.uid, START) for i in event.invitees]
        statements: list[str] = []
        storage.conn.set_trace_callback(statements.append)

        statuses = _send(network, desk, *batch)

        storage.conn.set_trace_callback(None)
        assert statuses == ["stored"] * 200
        assert sum(s.startswith("BEGIN") for s in statements) == 1
        assert sum(s == "COMMIT" for s in statements) == 1
        assert storage.attendance_counts(event.event_id).present == 200
    finally:
        storage.close()


def test_a_walk_in_of_someone_already_on_the_list_is_that_invitation(
    network: HostNetwork, host_storage: Storage, event: HostEvent,
) -> None:
    _token, desk = network.pair("123456", "Meja 2", "10.0.0.1")
    listed = host_storage.get_invitee_by_code(event.event_id, event.invitees[0].code)
    assert listed is not None
    same = WirePerson(uid=listed.person.uid, fields={"name": listed.person.name})
    walk_in = WireWalkIn(person=same, checkin_code="ABCD2345")
    bad_nip = WireWalkIn(person=WirePerson(uid=str(uuid.uuid4()),
                                           fields={"name": "Tamu Baru", "nip": "12"}),
                         checkin_code="EFGH2345")

    statuses = _send(network, desk, _checkin(str(uuid.uuid4()), START, walk_in=walk_in),
                     _checkin(str(uuid.uuid4()), START, walk_in=bad_nip))

    assert statuses == ["stored", "stored"]
    assert host_storage.count_invitees(event.event_id) == len(event.invitees) + 1
    assert host_storage.active_checkins(listed.id or 0)[0].station == "Meja 2"
    guest = host_storage.find_persons_by_name("Tamu Baru")
    assert [p.nip for p in guest] == [""]  # a NIP that is none is dropped, the guest kept


def test_duplicates_list_only_valid_later_scans(
    network: HostNetwork, host_storage: Storage, event: HostEvent, clock: Clock,
) -> None:
    _token, one = network.pair("123456", "Meja 1", "10.0.0.1")
    _token, two = network.pair("123456", "Meja 2", "10.0.0.2")
    first, second, third = event.invitees[:3]
    a = _checkin(first.uid, START - timedelta(seconds=30))
    b = _checkin(first.uid, START - timedelta(seconds=20))
    c = _checkin(second.uid, START - timedelta(seconds=30))
    d = _checkin(second.uid, START - timedelta(seconds=10))
    e = _checkin(third.uid, START - timedelta(seconds=5))
    undo_c = WireEntry(uid=str(uuid.uuid4()), kind="undo", invitee_uid=second.uid,
                       recorded_at=START, target_uid=c.uid, reason="salah scan")
    assert _send(network, one, a, c, e) == ["stored"] * 3
    assert _send(network, two, b, d, undo_c) == ["stored"] * 3

    scans = network.duplicates()

    assert [(s.name, s.first_station, s.station, s.first_at, s.recorded_at) for s in scans] == [
        (first.name, "Meja 1", "Meja 2", START - timedelta(seconds=30),
         START - timedelta(seconds=20))]  # the second person's first scan was undone
    assert host_storage.attendance_counts(event.event_id).present == 3


# -- what the desks are sent -----------------------------------------------------------------


def test_changes_come_in_windows_that_cover_the_feed_once(
    network: HostNetwork, event: HostEvent,
) -> None:
    _token, desk = network.pair("123456", "Meja 2", "10.0.0.1")
    start = network.current_seq()
    entries = [_checkin(i.uid, START) for i in event.invitees]
    _send(network, desk, *entries)

    seen: list[str] = []
    answers: list[ChangesAnswer] = []
    since = start
    while True:
        answer = network.changes_since(since, limit=2)
        answers.append(answer)
        seen += [a.entry.uid for a in answer.attendance]
        since = answer.seq
        if not answer.more:
            break

    assert [a.more for a in answers] == [True, True, False]
    assert sorted(seen) == sorted(e.uid for e in entries)
    assert since == network.current_seq()


def test_changes_cost_one_query_for_invitees_and_one_for_entries(
    network: HostNetwork, host_storage: Storage, event: HostEvent,
) -> None:
    _token, desk = network.pair("123456", "Meja 2", "10.0.0.1")
    start = network.current_seq()
    _send(network, desk, *[_checkin(i.uid, START) for i in event.invitees])
    event_ops.update_event(host_storage, event.event_id, {"venue": "Aula Baru"})
    statements: list[str] = []
    host_storage.conn.set_trace_callback(statements.append)

    answer = network.changes_since(start)

    host_storage.conn.set_trace_callback(None)
    assert len(answer.attendance) == 5 and answer.event is not None
    assert answer.event.fields["venue"] == "Aula Baru"
    selects = [s for s in dict.fromkeys(statements)
               if s.lstrip().startswith("SELECT") and "rakor_written" not in s]
    assert sum("FROM attendance_log" in s for s in selects) == 1
    assert sum("FROM invitees AS i" in s for s in selects) == 1
    assert len(selects) <= 4  # the feed window, the event, the invitees, the entries
    plans = {
        row[3]
        for sql in selects
        for row in host_storage.conn.execute("EXPLAIN QUERY PLAN " + sql)
    }
    # The changed rows are looked up by uid: never a walk over the event's whole list or log.
    assert "SEARCH i USING INDEX sqlite_autoindex_invitees_1 (uid=?)" in plans
    assert "SEARCH a USING PRIMARY KEY (uid=?)" in plans
    assert not any("invitees_event" in p or "attendance_event" in p for p in plans)


def test_a_long_event_description_reaches_the_desks(
    network: HostNetwork, host_storage: Storage, event: HostEvent,
) -> None:
    event_ops.update_event(host_storage, event.event_id, {"description": "Latar. " * 1000})

    parsed = ChangesAnswer.from_json(json.loads(json.dumps(network.snapshot().to_json())))

    assert parsed.event is not None
    assert len(parsed.event.fields["description"]) > 5000


def test_a_desk_joining_a_big_event_gets_everything_quickly(tmp_path: Path) -> None:
    db = tmp_path / "large.sqlite3"
    event_id = make_large_event(db, 20_000, checked_in=3_000)
    storage = Storage.open(db, backup=False)
    try:
        network = HostNetwork(storage, event_id)
        invitee = storage.list_invitees(event_id, limit=1)[0]
        assert invitee.id is not None
        checkin_ops.add_signature(
            storage, invitee.id, _tiny_png(), checkin_ops.Desk("sekretariat"),
        ) if invitee.first_checkin_at else None
        started = time.perf_counter()
        body = json.dumps(network.snapshot().to_json(), ensure_ascii=False,
                          separators=(",", ":"))
        seconds = time.perf_counter() - started
    finally:
        storage.close()

    print(f"snapshot of 20,000 invitees and 3,000 entries: {seconds * 1000:.0f} ms, "
          f"{len(body) / 1e6:.1f} MB")
    parsed = ChangesAnswer.from_json(json.loads(body))
    assert len(parsed.invitees) == 20_000 and len(parsed.attendance) == 3_000
    assert seconds < 5  # about 0.3 s here; minutes would mean a query per row


def _tiny_png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (8, 8), 255).save(out, "PNG")
    return out.getvalue()


def test_a_person_edited_on_the_host_reaches_the_desks(
    network: HostNetwork, host_storage: Storage, event: HostEvent,
) -> None:
    start = network.current_seq()
    listed = host_storage.get_invitee_by_code(event.event_id, event.invitees[2].code)
    assert listed is not None and listed.id is not None
    details = invitee_ops.InviteeDetails.of(listed)
    details.person = Person(name=listed.person.name, id=listed.person.id,
                            uid=listed.person.uid, phone="081234567890")
    invitee_ops.update_invitee(host_storage, listed.id, details)

    answer = network.changes_since(start)

    assert [(i.uid, i.person.fields["phone"]) for i in answer.invitees] == [
        (listed.uid, "081234567890")]


def test_the_hosts_refusals_speak_both_languages(network: HostNetwork) -> None:
    from rakor_desktop import messages

    refusals = [PairingError.wrong_code(), PairingError.too_many_tries(42),
                AuthError.not_paired(), AuthError.revoked_desk("Meja 2"),
                WrongEventError.other_event("Rakor Persiapan Pemilu")]
    try:
        messages.set_language("en")
        english = [str(e) for e in refusals]
    finally:
        messages.set_language("id")
    indonesian = [str(e) for e in refusals]

    assert english[0].startswith("The pairing code is wrong")
    assert "42 seconds" in english[1] and "42 detik" in indonesian[1]
    assert "not paired" in english[2] and "revoked" in english[3]
    assert "another event" in english[4] and "acara lain" in indonesian[4]
    assert all(e != i for e, i in zip(english, indonesian, strict=True))
