"""``NetworkServer`` in this process, on a plain asyncio loop as the window runs it on Qt's:
the addresses it says it listens on, the join text, what it counts for the host's
status, and stopping (twice is harmless; nothing listens afterwards)."""

from __future__ import annotations

import asyncio
import ipaddress
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rakor_desktop.network.host import HostNetwork
from rakor_desktop.network.server import NetworkServer, local_ipv4_addresses
from rakor_desktop.storage import Storage

from .conftest import HostEvent, http_call, make_host_event

MOMENT = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


@pytest.fixture
def event(tmp_path: Path) -> HostEvent:
    return make_host_event(tmp_path / "host.sqlite3")


def test_the_server_says_where_it_listens_and_counts_its_requests(event: HostEvent) -> None:
    storage = Storage.open(event.db, backup=False)
    network = HostNetwork(storage, event.event_id, clock=lambda: MOMENT,
                          pairing_code="135790")
    server = NetworkServer(network, port=0)  # every network of this machine

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        assert not server.running and server.requests_served == 0
        await server.start()
        assert server.running and server.port > 0
        urls = server.urls()
        assert urls[-1] == f"http://127.0.0.1:{server.port}"  # loopback last
        for url in urls[:-1]:
            address = ipaddress.IPv4Address(url.removeprefix("http://").rsplit(":", 1)[0])
            assert not address.is_loopback
        assert server.join_url(urls[0]) == f"{urls[0]}/join?code=135790"
        page = await loop.run_in_executor(None, lambda: http_call(urls[-1], "GET", "/join"))
        paired = await loop.run_in_executor(None, lambda: http_call(
            urls[-1], "POST", "/api/v1/pair",
            body={"pairing_code": "135790", "desk_name": "Meja 2"}))
        assert (page.status, paired.status) == (200, 200)
        assert (server.requests_served, server.last_request_at) == (2, MOMENT)
        await server.stop()
        await server.stop()  # harmless
        assert not server.running
        with pytest.raises(OSError):
            await loop.run_in_executor(None, lambda: http_call(urls[-1], "GET", "/join",
                                                               timeout=5))

    try:
        asyncio.run(scenario())
        assert [d.name for d in network.desks()] == ["Meja 2"]
    finally:
        storage.close()


def test_a_server_bound_to_one_address_names_only_that_one(event: HostEvent) -> None:
    storage = Storage.open(event.db, backup=False)
    server = NetworkServer(HostNetwork(storage, event.event_id), bind="127.0.0.1", port=0)

    async def scenario() -> list[str]:
        await server.start()
        try:
            return server.urls()
        finally:
            await server.stop()

    try:
        assert asyncio.run(scenario()) == [f"http://127.0.0.1:{server.port}"]
    finally:
        storage.close()


def test_this_machines_addresses_end_with_loopback() -> None:
    addresses = local_ipv4_addresses()

    assert addresses[-1] == "127.0.0.1"
    assert len(addresses) == len(set(addresses))
    assert all(not ipaddress.IPv4Address(a).is_unspecified for a in addresses)


def test_revoking_a_desk_ends_its_waiting_long_poll_at_once(event: HostEvent) -> None:
    """The secretariat revokes a desk in the window while the desk waits for changes:
    the desk hears "revoked" now, not when its 20-s wait runs out."""
    storage = Storage.open(event.db, backup=False)
    network = HostNetwork(storage, event.event_id, pairing_code="135790")
    server = NetworkServer(network, bind="127.0.0.1", port=0)

    async def scenario() -> tuple[int, str, float]:
        loop = asyncio.get_running_loop()
        await server.start()
        url = server.urls()[-1]
        paired = await loop.run_in_executor(None, lambda: http_call(
            url, "POST", "/api/v1/pair", body={"pairing_code": "135790", "desk_name": "Meja 2"}))
        token = paired.json["token"]
        headers = {"Authorization": f"Bearer {token}", "X-Rakor-Event": network.event_uid}
        seq = network.current_seq()
        started = loop.time()
        waiting = loop.run_in_executor(None, lambda: http_call(
            url, "GET", f"/api/v1/changes?since={seq}&wait=20", headers=headers, timeout=30))
        await asyncio.sleep(0.5)
        (desk,) = network.desks()
        network.revoke(desk.id)
        reply = await waiting
        await server.stop()
        return reply.status, reply.json.get("error", ""), loop.time() - started

    try:
        status, error, took = asyncio.run(scenario())
    finally:
        storage.close()
    assert (status, error) == (401, "revoked")
    assert took < 5


def test_turning_the_network_off_under_a_waiting_hall_page_answers_503_not_a_traceback(
    event: HostEvent, caplog: pytest.LogCaptureFixture
) -> None:
    """A restore closes the network's database at once, while the moderator's page waits
    for the hall to change: the page gets 503 (it tries again), the log no traceback."""
    storage = Storage.open(event.db, backup=False)
    network = HostNetwork(storage, event.event_id, pairing_code="135790")
    server = NetworkServer(network, bind="127.0.0.1", port=0)

    async def scenario() -> int:
        loop = asyncio.get_running_loop()
        await server.start()
        url = server.urls()[-1]
        code = network.role_pairing_code("moderator")
        paired = await loop.run_in_executor(None, lambda: http_call(
            url, "POST", "/api/v1/pair",
            body={"pairing_code": code, "desk_name": "Tablet", "role": "moderator"}))
        token = paired.json["token"]
        first = await loop.run_in_executor(None, lambda: http_call(
            url, "GET", "/api/v1/hall", token=token, event_uid=network.event_uid))
        etag = first.json["etag"]
        waiting = loop.run_in_executor(None, lambda: http_call(
            url, "GET", f"/api/v1/hall?since={etag}&wait=20", token=token,
            event_uid=network.event_uid, timeout=30))
        await asyncio.sleep(0.5)
        storage.close()  # as HostController.turn_off(close_now=True) does before a restore
        await server.stop()
        return (await waiting).status

    with caplog.at_level("INFO", logger="rakor"):
        assert asyncio.run(scenario()) == 503
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
