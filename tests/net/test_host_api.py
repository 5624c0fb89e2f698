"""The host's API through real HTTP: ``rakor serve`` on a test database, requests as a desk
sends them (built with the wire format's own dataclasses), and the host's file read back."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import socket
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image

from rakor_desktop.models import Person
from rakor_desktop.network.host import HostNetwork
from rakor_desktop.network.protocol import (
    ChangesAnswer,
    EntriesAnswer,
    EntriesRequest,
    PairAnswer,
    StatusAnswer,
    WireEntry,
    WirePerson,
    WireWalkIn,
)
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage

from .conftest import ROOT, HostEvent, ServedHost, make_host_event, serve_command


def _now() -> datetime:
    return datetime.now(UTC)


def checkin(invitee_uid: str, *, at: datetime | None = None, **fields: Any) -> WireEntry:
    """A check-in as a desk writes it (a fresh uid)."""
    return WireEntry(uid=str(uuid.uuid4()), kind="checkin", invitee_uid=invitee_uid,
                     recorded_at=at or _now(), **fields)


def send(host: ServedHost, token: str, *entries: WireEntry,
         sent_at: datetime | None = None) -> EntriesAnswer:
    reply = host.post("/entries", EntriesRequest(sent_at or _now(), entries).to_json(),
                      token=token)
    assert reply.status == 200, reply.text
    return EntriesAnswer.from_json(reply.json)


def log_rows(db: Path, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def present_count(db: Path, event_id: int) -> int:
    return int(log_rows(db, "SELECT COUNT(*) FROM presence WHERE event_id = ?", (event_id,))[0][0])


def png(width: int = 40, height: int = 20) -> bytes:
    out = io.BytesIO()
    Image.new("L", (width, height), 255).save(out, "PNG")
    return out.getvalue()


# -- pairing and status -------------------------------------------------------------------


def test_pairing_with_the_code_gives_a_token_kept_only_hashed(served_host: ServedHost) -> None:
    reply = served_host.post("/pair", {"pairing_code": "123456", "desk_name": " Meja 2 ",
                                       "protocol": 1})

    assert reply.status == 200, reply.text
    paired = PairAnswer.from_json(reply.json)
    assert paired.event.uid == served_host.event_uid
    assert paired.event.fields["title"] == "Rakor Persiapan Pemilu"
    assert abs((paired.server_time - _now()).total_seconds()) < 5
    rows = log_rows(served_host.db, "SELECT id, name, token_hash, last_address FROM network_desks")
    assert rows == [(paired.desk_id, "Meja 2", rows[0][2], "127.0.0.1")]
    assert paired.token not in rows[0][2] and len(rows[0][2]) == 64  # SHA-256, hex

    status = served_host.get("/status", token=paired.token)
    assert status.status == 200, status.text
    said = StatusAnswer.from_json(status.json)
    assert (said.desk_id, said.desk_name, said.event_uid) == (
        paired.desk_id, "Meja 2", served_host.event_uid)


def test_each_desk_gets_its_own_token(served_host: ServedHost) -> None:
    first, second = served_host.pair("Meja 1"), served_host.pair("Meja 2")

    assert first != second
    names = [StatusAnswer.from_json(served_host.get("/status", token=t).json).desk_name
             for t in (first, second)]
    assert names == ["Meja 1", "Meja 2"]


def test_a_wrong_code_pairs_nothing(served_host: ServedHost) -> None:
    reply = served_host.post("/pair", {"pairing_code": "654321", "desk_name": "Meja 2"})

    assert reply.status == 403
    assert reply.json["error"] == "wrong_code"
    assert "Kode pairing salah" in reply.json["message"]
    assert log_rows(served_host.db, "SELECT COUNT(*) FROM network_desks") == [(0,)]


# -- the list and its changes ---------------------------------------------------------------


@contextlib.contextmanager
def opened(db: Path) -> Iterator[Storage]:
    """The host's database on a connection of the test (as another program would)."""
    storage = Storage.open(db, backup=False, check=False)
    try:
        yield storage
    finally:
        storage.close()


HOST_DESK = checkin_ops.Desk(station="sekretariat", operator="Rina")


def test_snapshot_holds_the_whole_list_and_log_without_images(served_host: ServedHost) -> None:
    token = served_host.pair()
    first = served_host.event.invitees[0]
    sent = send(served_host, token, checkin(first.uid))
    signature = WireEntry(uid=str(uuid.uuid4()), kind="signature", invitee_uid=first.uid,
                          recorded_at=_now(), target_uid=sent.acks[0].uid, signature_png=png())
    assert send(served_host, token, signature).acks[0].status == "stored"
    with opened(served_host.db) as storage:
        second = storage.get_invitee_by_code(served_host.event.event_id,
                                             served_host.event.invitees[1].code)
        assert second is not None and second.id is not None
        checkin_ops.checkin_invitee(storage, second.id, HOST_DESK)

    reply = served_host.get("/snapshot", token=token)

    assert reply.status == 200, reply.text
    assert "signature_png" not in reply.text
    snapshot = ChangesAnswer.from_json(reply.json)  # strict: what a desk accepts
    assert snapshot.event is not None and snapshot.event.uid == served_host.event_uid
    assert sorted((i.uid, i.fields["checkin_code"], i.person.fields["name"])
                  for i in snapshot.invitees) == sorted(
        (i.uid, i.code, i.name) for i in served_host.event.invitees)
    by_uid = {i.uid: i for i in snapshot.invitees}
    assert by_uid[first.uid].person.fields["instansi"] == "Bawaslu Kota Jambi"
    assert by_uid[first.uid].fields["group_name"] == "Bawaslu"
    kinds = sorted((a.entry.kind, a.station, a.has_signature) for a in snapshot.attendance)
    assert kinds == [("checkin", "Meja 2", False), ("checkin", "sekretariat", False),
                     ("signature", "Meja 2", True)]
    assert snapshot.seq == log_rows(served_host.db, "SELECT MAX(seq) FROM sync_feed")[0][0]
    assert snapshot.more is False


def test_changes_after_a_number_give_only_what_changed(served_host: ServedHost) -> None:
    token, other = served_host.pair("Meja 1"), served_host.pair("Meja 2")
    start = ChangesAnswer.from_json(served_host.get("/snapshot", token=token).json).seq
    people = served_host.event.invitees
    entry = checkin(people[2].uid)
    send(served_host, other, entry)
    with opened(served_host.db) as storage:
        renamed = storage.get_invitee_by_code(served_host.event.event_id, people[3].code)
        removed = storage.get_invitee_by_code(served_host.event.event_id, people[4].code)
        assert renamed is not None and removed is not None
        assert renamed.id is not None and removed.id is not None
        details = invitee_ops.InviteeDetails.of(renamed)
        details.person.name = "Rahmawati Putri"
        invitee_ops.update_invitee(storage, renamed.id, details)
        invitee_ops.remove_invitee(storage, removed.id)

    reply = served_host.get(f"/changes?since={start}&wait=0", token=token)

    assert reply.status == 200, reply.text
    changes = ChangesAnswer.from_json(reply.json)
    assert [(a.entry.uid, a.station) for a in changes.attendance] == [(entry.uid, "Meja 2")]
    assert [(i.uid, i.person.fields["name"]) for i in changes.invitees] == [
        (people[3].uid, "Rahmawati Putri")]
    assert changes.deleted_invitees == (people[4].uid,)
    assert changes.event is None and changes.more is False
    assert changes.seq > start
    again = ChangesAnswer.from_json(
        served_host.get(f"/changes?since={changes.seq}&wait=0", token=token).json)
    assert (again.seq, again.attendance, again.invitees, again.deleted_invitees) == (
        changes.seq, (), (), ())


# -- entries from a desk --------------------------------------------------------------------


def test_a_checkin_is_stored_once_and_a_replay_is_known(served_host: ServedHost) -> None:
    token = served_host.pair("Meja 2")
    person = served_host.event.invitees[0]
    entry = checkin(person.uid, operator="Dewi")

    first = send(served_host, token, entry)
    replay = send(served_host, token, entry)

    assert [(a.uid, a.status) for a in first.acks] == [(entry.uid, "stored")]
    assert [(a.uid, a.status) for a in replay.acks] == [(entry.uid, "known")]
    rows = log_rows(served_host.db, "SELECT station, operator, kind FROM attendance_log")
    assert rows == [("Meja 2", "Dewi", "checkin")]  # the paired desk's name is the station
    assert present_count(served_host.db, served_host.event.event_id) == 1
    assert first.seq == log_rows(served_host.db, "SELECT MAX(seq) FROM sync_feed")[0][0]


def test_a_second_scan_at_another_desk_is_kept_listed_and_not_counted(
    served_host: ServedHost,
) -> None:
    one, two = served_host.pair("Meja 1"), served_host.pair("Meja 2")
    person = served_host.event.invitees[1]
    earlier = _now() - timedelta(seconds=3)

    send(served_host, one, checkin(person.uid, at=earlier))
    answer = send(served_host, two, checkin(person.uid))

    assert answer.acks[0].status == "stored"
    assert present_count(served_host.db, served_host.event.event_id) == 1
    with opened(served_host.db) as storage:
        scans = HostNetwork(storage, served_host.event.event_id).duplicates()
    assert [(s.invitee_uid, s.name, s.first_station, s.station) for s in scans] == [
        (person.uid, person.name, "Meja 1", "Meja 2")]
    assert scans[0].first_at < scans[0].recorded_at


def test_arrival_times_from_a_desk_with_a_wrong_clock_come_out_right(
    served_host: ServedHost,
) -> None:
    token = served_host.pair()
    people = served_host.event.invitees
    slow = _now() - timedelta(minutes=10)  # the desk's clock is ten minutes behind
    fast = _now() + timedelta(minutes=10)

    send(served_host, token, checkin(people[0].uid, at=slow - timedelta(seconds=30)),
         sent_at=slow)
    send(served_host, token, checkin(people[1].uid, at=fast - timedelta(seconds=30)),
         sent_at=fast)
    send(served_host, token, checkin(people[2].uid, at=fast + timedelta(hours=1)),
         sent_at=fast)  # "recorded" after it was sent: never later than its arrival

    rows = log_rows(served_host.db, "SELECT i.uid, a.recorded_at, a.received_at "
                    "FROM attendance_log AS a JOIN invitees AS i ON i.id = a.invitee_id")
    times = {uid: (datetime.fromisoformat(rec), datetime.fromisoformat(got))
             for uid, rec, got in rows}
    for uid in (people[0].uid, people[1].uid):
        recorded, received = times[uid]
        assert abs((received - recorded).total_seconds() - 30) < 3
        assert abs((_now() - recorded).total_seconds()) < 60
    recorded, received = times[people[2].uid]
    assert recorded == received


def test_a_walk_in_registered_at_a_desk_joins_the_list_with_the_desks_uids(
    served_host: ServedHost,
) -> None:
    token = served_host.pair("Meja 3")
    taken = served_host.event.invitees[0].code
    guests = []
    for name, code in (("Drs. Yusuf Maulana", "W4LK1NAA"), ("Lina Marlina", taken)):
        person = WirePerson(uid=str(uuid.uuid4()), fields={"name": name, "instansi": "LSM"})
        guests.append((str(uuid.uuid4()), person,
                       WireWalkIn(person=person, checkin_code=code, instansi="LSM",
                                  group_name="Tamu")))
    entries = [checkin(invitee, walk_in=walk_in) for invitee, _person, walk_in in guests]
    again = checkin(guests[0][0], walk_in=guests[0][2])  # sent again with the walk-in

    answer = send(served_host, token, *entries, again)

    assert [a.status for a in answer.acks] == ["stored", "stored", "stored"]
    rows = log_rows(
        served_host.db,
        "SELECT i.uid, p.uid, p.name, i.checkin_code, i.instansi, i.group_name, i.walk_in "
        "FROM invitees AS i JOIN persons AS p ON p.id = i.person_id WHERE i.walk_in = 1 "
        "ORDER BY i.id")
    assert [r[:2] for r in rows] == [(g[0], g[1].uid) for g in guests]
    assert rows[0][2:] == ("Drs. Yusuf Maulana", "W4LK1NAA", "LSM", "Tamu", 1)
    assert rows[1][3] != taken  # the desk's code was taken here: a new one
    assert present_count(served_host.db, served_host.event.event_id) == 2


def test_a_walk_in_of_someone_in_the_directory_reuses_the_person(
    host_event: HostEvent, start_host: Any,
) -> None:
    with opened(host_event.db) as storage:
        invitee_ops.add_invitee(storage, host_event.event_id, invitee_ops.InviteeDetails(
            person=Person(name="Joko Widodo", phone="0812"), instansi="Bappeda"))
        known = storage.find_persons_by_name("Joko Widodo", "Bappeda")[0]
        removed = storage.find_invitee_of_person(host_event.event_id, known.id or 0)
        assert removed is not None and removed.id is not None
        invitee_ops.remove_invitee(storage, removed.id)  # in the directory, not invited
    host = start_host(host_event)
    token = host.pair()
    person = WirePerson(uid=str(uuid.uuid4()), fields={"name": "Joko Widodo",
                                                       "instansi": "Bappeda"})
    walk_in = WireWalkIn(person=person, checkin_code="JOKO2345", instansi="Bappeda")

    assert send(host, token, checkin(str(uuid.uuid4()), walk_in=walk_in)).acks[0].status == (
        "stored")

    rows = log_rows(host_event.db, "SELECT uid, phone FROM persons WHERE name = 'Joko Widodo'")
    assert rows == [(known.uid, "0812")]  # one person, the directory's, its phone kept


def test_undo_and_signature_from_a_desk(served_host: ServedHost) -> None:
    token = served_host.pair()
    person = served_host.event.invitees[0]
    arrival = checkin(person.uid)
    send(served_host, token, arrival)
    signed = WireEntry(uid=str(uuid.uuid4()), kind="signature", invitee_uid=person.uid,
                       recorded_at=_now(), target_uid=arrival.uid, signature_png=png())
    undo = WireEntry(uid=str(uuid.uuid4()), kind="undo", invitee_uid=person.uid,
                     recorded_at=_now(), target_uid=arrival.uid, reason="salah orang")

    answer = send(served_host, token, signed, undo)

    assert [a.status for a in answer.acks] == ["stored", "stored"]
    assert present_count(served_host.db, served_host.event.event_id) == 0
    stored = log_rows(served_host.db, "SELECT signature_png FROM attendance_log "
                      "WHERE kind = 'signature'")
    assert stored == [(png(),)]


def test_bad_entries_are_rejected_alone_and_leave_nothing(served_host: ServedHost) -> None:
    token = served_host.pair()
    people = served_host.event.invitees
    good = checkin(people[0].uid)
    other = checkin(people[1].uid)
    unknown = checkin(str(uuid.uuid4()))  # nobody on this list, no walk-in
    not_a_png = WireEntry(uid=str(uuid.uuid4()), kind="signature", invitee_uid=people[0].uid,
                          recorded_at=_now(), target_uid=good.uid,
                          signature_png=b"\x89PNG\r\n\x1a\nnot really")
    wrong_target = WireEntry(uid=str(uuid.uuid4()), kind="undo", invitee_uid=people[0].uid,
                             recorded_at=_now(), target_uid=other.uid, reason="keliru")
    later = checkin(people[2].uid)

    answer = send(served_host, token, good, other, unknown, not_a_png, wrong_target, later)

    assert [a.status for a in answer.acks] == [
        "stored", "stored", "rejected", "rejected", "rejected", "stored"]
    assert all(a.message for a in answer.acks if a.status == "rejected")
    assert "tidak ada di daftar undangan" in answer.acks[2].message
    uids = {r[0] for r in log_rows(served_host.db, "SELECT uid FROM attendance_log")}
    assert uids == {good.uid, other.uid, later.uid}
    # A rejected entry sent again is judged again (it was never stored), not "known".
    assert send(served_host, token, unknown).acks[0].status == "rejected"


def test_a_batch_of_two_hundred_is_stored_in_one_answer(tmp_path: Path, start_host: Any) -> None:
    people = tuple((f"Peserta {n:03d}", "Dinas", "OPD") for n in range(200))
    event = make_host_event(tmp_path / "big" / "rakor.sqlite3", people=people)
    host = start_host(event)
    token = host.pair()
    batch = [checkin(i.uid) for i in event.invitees]

    answer = send(host, token, *batch)

    assert [a.uid for a in answer.acks] == [e.uid for e in batch]
    assert {a.status for a in answer.acks} == {"stored"}
    assert present_count(event.db, event.event_id) == 200


# -- the join page and the command line -------------------------------------------------------


def test_the_join_page_says_how_to_join_and_escapes_what_it_shows(
    served_host: ServedHost,
) -> None:
    from .conftest import http_call

    page = http_call(served_host.url, "GET", "/join?code=123456")
    hostile = http_call(served_host.url, "GET", "/join?code=%3Cscript%3Ealert(1)%3C/script%3E")
    bare = http_call(served_host.url, "GET", "/join")

    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    assert "Gabung sebagai meja" in page.text and "Open Rakor Desktop" in page.text
    assert "123456" in page.text
    assert "<script>" not in hostile.text and "alert" not in hostile.text
    assert served_host.code not in bare.text  # the host's own code is never shown
    for name in (i.name for i in served_host.event.invitees):
        assert name not in page.text


def test_serve_takes_the_next_port_when_the_one_asked_for_is_taken(
    host_event: HostEvent, start_host: Any,
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        host = start_host(host_event, port=port)

        assert host.url != f"http://127.0.0.1:{port}"
        assert host.get("/status").status == 401  # it answers there
    assert host.stop() == 0


def test_serve_needs_an_event_when_the_file_holds_several(host_event: HostEvent) -> None:
    make_host_event(host_event.db, title="Rakor Kedua")

    done = subprocess.run(
        serve_command(host_event.db, event_id=None, code="123456"), cwd=ROOT,
        capture_output=True, text=True, timeout=60, check=False,
    )
    wrong_code = subprocess.run(
        [*serve_command(host_event.db, event_id=1, code="12ab"), "--lang", "en"], cwd=ROOT,
        capture_output=True, text=True, timeout=60, check=False,
    )

    assert done.returncode == 1 and "--event" in done.stderr and "2 acara" in done.stderr
    assert wrong_code.returncode == 2 and "6 digits" in wrong_code.stderr
    assert sys.executable  # the same interpreter ran both


def test_a_large_answer_is_gzipped_for_a_desk_that_accepts_it(
    tmp_path: Path, start_host: Any,
) -> None:
    people = tuple((f"Peserta Nomor {n:03d}", "Dinas Pendidikan", "OPD") for n in range(300))
    host = start_host(make_host_event(tmp_path / "big" / "rakor.sqlite3", people=people))
    token = host.pair()

    plain = host.get("/snapshot", token=token)
    packed = host.get("/snapshot", token=token, headers={"Accept-Encoding": "gzip"})

    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert len(packed.body) * 4 < len(plain.body)
    unpacked = json.loads(gzip.decompress(packed.body))
    del unpacked["server_time"], plain.json["server_time"]
    assert unpacked == plain.json


def test_serve_on_an_address_this_machine_does_not_have_says_so(host_event: HostEvent) -> None:
    done = subprocess.run(
        [*serve_command(host_event.db, event_id=host_event.event_id, code="123456",
                        bind="203.0.113.7"), "--lang", "en"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )

    assert done.returncode == 1
    assert "cannot listen on the address 203.0.113.7" in done.stderr
    assert "Traceback" not in done.stderr and "RAKOR_SERVING" not in done.stdout
