"""Security of the host's API (issue 13): no token, nothing of the list; huge, malformed
or unknown requests refused with a 4xx and nothing changed; another event's desk
refused; a revoked desk refused; tokens never in a log; wrong pairing codes limited."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, datetime
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

import pytest

from rakor_desktop.network.host import HostNetwork
from rakor_desktop.network.protocol import MAX_BODY_BYTES, EntriesRequest, WireEntry
from rakor_desktop.storage import Storage

from .conftest import PEOPLE, HostEvent, Reply, ServedHost, make_host_event

ENDPOINTS = (("GET", "/snapshot"), ("GET", "/changes?since=0&wait=0"),
             ("POST", "/entries"), ("GET", "/status"))


def _entry(invitee_uid: str) -> WireEntry:
    return WireEntry(uid=str(uuid.uuid4()), kind="checkin", invitee_uid=invitee_uid,
                     recorded_at=datetime.now(UTC))


def _batch(*invitee_uids: str) -> dict[str, Any]:
    return EntriesRequest(datetime.now(UTC), tuple(_entry(u) for u in invitee_uids)).to_json()


def _entries_in_log(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM attendance_log").fetchone()[0])
    finally:
        conn.close()


def _nothing_of_the_list(reply: Reply) -> None:
    for name, instansi, _group in PEOPLE:
        assert name not in reply.text and instansi not in reply.text


def test_without_a_valid_token_every_endpoint_is_401_and_shows_nothing(
    served_host: ServedHost,
) -> None:
    real = served_host.pair()
    body = _batch(served_host.event.invitees[0].uid)
    attempts: list[Reply] = []
    for method, endpoint in ENDPOINTS:
        payload = body if method == "POST" else None
        attempts.append(served_host.call(method, endpoint, body=payload))  # no token
        attempts.append(served_host.call(method, endpoint, body=payload,
                                         token="x" * 43))  # made up
        attempts.append(served_host.call(
            method, endpoint, body=payload, event_uid=served_host.event_uid,
            headers={"Authorization": f"Basic {real}"}))  # not a bearer token

    for reply in attempts:
        assert reply.status == 401, reply.text
        assert reply.json["error"] == "unauthorized"
        assert "belum terdaftar" in reply.json["message"]
        _nothing_of_the_list(reply)
    assert _entries_in_log(served_host.db) == 0
    assert served_host.get("/snapshot", token=real).status == 200  # the real one works


def test_a_body_over_the_limit_is_413_and_changes_nothing(served_host: ServedHost) -> None:
    token = served_host.pair()
    padding = "x" * (MAX_BODY_BYTES + 1000)
    body = _batch(served_host.event.invitees[0].uid)
    body["entries"][0]["operator"] = padding

    reply = served_host.post("/entries", body, token=token)

    assert reply.status == 413
    assert reply.json["error"] == "too_large" and "terlalu besar" in reply.json["message"]
    assert _entries_in_log(served_host.db) == 0
    assert served_host.get("/status", token=token).status == 200  # still serving


@pytest.mark.parametrize("raw", [
    b"{not json", b"\xff\xfe\x00", b"[]", b'{"sent_at": "2026-12-03T09:00:00+00:00"}',
    b"[" * 200_000, b'{"sent_at": "2026-12-03T09:00:00+00:00", "entries": [1, "x"]}',
])
def test_malformed_bodies_are_400_and_change_nothing(served_host: ServedHost,
                                                     raw: bytes) -> None:
    token = served_host.pair()

    reply = served_host.call("POST", "/entries", raw=raw, token=token)

    assert reply.status == 400, reply.text
    assert reply.json["error"] == "bad_request" and reply.json["message"]
    assert _entries_in_log(served_host.db) == 0


def test_an_unknown_field_anywhere_refuses_the_whole_batch(served_host: ServedHost) -> None:
    token = served_host.pair()
    people = served_host.event.invitees
    body = _batch(people[0].uid, people[1].uid)
    body["entries"][1]["is_admin"] = True
    extra_top = _batch(people[2].uid) | {"debug": 1}
    pair_extra = {"pairing_code": served_host.code, "desk_name": "Meja 9", "role": "host"}

    replies = [served_host.post("/entries", body, token=token),
               served_host.post("/entries", extra_top, token=token),
               served_host.post("/pair", pair_extra)]

    assert [r.status for r in replies] == [400, 400, 400]
    assert "is_admin" in replies[0].json["message"]
    assert _entries_in_log(served_host.db) == 0  # not even the good first entry
    assert len(_desks(served_host.db)) == 1


@pytest.mark.parametrize("query", ["since=abc&wait=0", "since=-1&wait=0", "wait=5",
                                   "since=0&wait=nan", "since=0&wait=inf"])
def test_bad_change_requests_are_400(served_host: ServedHost, query: str) -> None:
    token = served_host.pair()

    reply = served_host.get(f"/changes?{query}", token=token)

    assert reply.status == 400 and reply.json["error"] == "bad_request"


def test_unknown_paths_and_methods_get_json_errors(served_host: ServedHost) -> None:
    token = served_host.pair()

    missing = served_host.get("/invitees", token=token)
    wrong_method = served_host.call("DELETE", "/entries", token=token)

    assert missing.status == 404 and missing.json["error"] == "not_found"
    assert wrong_method.status == 405 and wrong_method.json["error"]


def _desks(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, event_id, revoked_at FROM network_desks").fetchall()
    finally:
        conn.close()


def test_a_desk_of_another_event_is_409(host_event: HostEvent, start_host: Any) -> None:
    other_event = make_host_event(host_event.db, title="Rakor Lain",
                                  people=(("Orang Lain", "Instansi Lain", "OPD"),))
    host = start_host(host_event)
    other_host = start_host(other_event, code="999999")
    stranger = other_host.pair("Meja Lain")
    mine = host.pair("Meja 2")

    replies = [host.get("/snapshot", token=stranger, event_uid=other_event.event_uid),
               host.get("/snapshot", token=stranger),
               host.get("/snapshot", token=mine, event_uid=other_event.event_uid),
               host.get("/snapshot", token=mine, event_uid=""),
               host.post("/entries", _batch(host_event.invitees[0].uid), token=stranger)]

    assert [r.status for r in replies] == [409] * 5
    assert all(r.json["error"] == "wrong_event" for r in replies)
    assert "Rakor Persiapan Pemilu" in replies[0].json["message"]
    for reply in replies:
        _nothing_of_the_list(reply)
    assert _entries_in_log(host_event.db) == 0


def test_a_revoked_desk_is_refused_at_once_and_its_entries_stay(
    served_host: ServedHost,
) -> None:
    token, other = served_host.pair("Meja 2"), served_host.pair("Meja 3")
    person = served_host.event.invitees[0]
    assert served_host.post("/entries", _batch(person.uid), token=token).status == 200
    desk_id = next(d for d in _desks(served_host.db))[0]
    storage = Storage.open(served_host.db, backup=False, check=False)
    try:
        HostNetwork(storage, served_host.event.event_id).revoke(desk_id)
    finally:
        storage.close()

    replies = [served_host.call(method, endpoint, token=token,
                                body=_batch(person.uid) if method == "POST" else None)
               for method, endpoint in ENDPOINTS]

    assert [r.status for r in replies] == [401] * 4
    assert {r.json["error"] for r in replies} == {"revoked"}
    assert "Meja 2" in replies[0].json["message"] and "dicabut" in replies[0].json["message"]
    for reply in replies:
        _nothing_of_the_list(reply)
    assert _entries_in_log(served_host.db) == 1  # what it sent before stays
    assert served_host.get("/status", token=other).status == 200  # the others go on


def test_tokens_and_the_pairing_code_never_reach_the_log(served_host: ServedHost) -> None:
    token = served_host.pair("Meja 2")
    served_host.get("/snapshot", token=token)
    served_host.get("/changes?since=0&wait=0", token=token)
    served_host.post("/entries", _batch(served_host.event.invitees[0].uid), token=token)
    served_host.get("/status", token=token[:-1] + "A")  # a wrong token is logged neither
    served_host.post("/pair", {"pairing_code": "000000", "desk_name": "Meja X"})
    served_host.post("/pair", {"pairing_code": served_host.code, "desk_name": "Meja 3"})
    served_host.call("GET", "/../join?code=" + served_host.code)
    assert served_host.stop() == 0

    logged = served_host.log_file.read_text(encoding="utf-8")
    logged += served_host.stderr_file.read_text(encoding="utf-8")

    assert "paired from 127.0.0.1" in logged and "serving event" in logged  # the right log
    for secret in [*served_host.tokens.values(), token[:-1] + "A", served_host.code]:
        assert secret not in logged
    assert token[:12] not in logged


def _pair_from(host: ServedHost, source: str, code: str) -> Reply:
    """Pair from another loopback address (Linux answers on all of 127.0.0.0/8)."""
    port = int(host.url.rsplit(":", 1)[1])
    conn = HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        conn.request("POST", "/api/v1/pair", body=json.dumps(
            {"pairing_code": code, "desk_name": "Meja"}).encode())
        response = conn.getresponse()
        payload = response.read()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()},
                     payload, json.loads(payload))
    finally:
        conn.close()


def test_five_wrong_codes_from_one_address_lock_it_out_for_a_minute(
    served_host: ServedHost,
) -> None:
    wrong = [_pair_from(served_host, "127.0.0.1", f"{n:06d}") for n in range(5)]
    locked_right = _pair_from(served_host, "127.0.0.1", served_host.code)
    elsewhere = _pair_from(served_host, "127.0.0.2", served_host.code)

    assert [r.status for r in wrong] == [403] * 5
    assert locked_right.status == 429 and locked_right.json["error"] == "too_many_tries"
    assert 50 <= int(locked_right.headers["retry-after"]) <= 60
    assert "detik" in locked_right.json["message"]
    assert elsewhere.status == 200  # another device is not punished
    assert len(_desks(served_host.db)) == 1
