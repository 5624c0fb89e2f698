"""Roles of the devices paired with the host (issue 14): a moderator's tablet and a projector
PC pair with one-time links; a desk's token cannot moderate, a moderator's cannot push a
desk's entries, a projector's only watches, and the public pages can do nothing else."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from rakor_desktop.network.protocol import EntriesRequest, WireEntry
from rakor_desktop.operations import discussion
from rakor_desktop.storage import Storage

from .conftest import ServedHost
from .web_client import Device, count_rows

MODERATOR_ACTIONS = ("next_asker", "answered", "termin_step", "cap", "speaker_minute",
                     "accept", "set_aside")


def _entries(served_host: ServedHost) -> dict[str, object]:
    entry = WireEntry(uid=str(uuid.uuid4()), kind="checkin",
                      invitee_uid=served_host.event.invitees[0].uid,
                      recorded_at=datetime.now(UTC))
    return EntriesRequest(datetime.now(UTC), (entry,)).to_json()


def _log(db: Path) -> int:
    return count_rows(db, "SELECT COUNT(*) FROM attendance_log")


def test_a_moderator_pairs_once_with_its_link_and_the_host_makes_a_new_one(
    served_host: ServedHost,
) -> None:
    first_link = served_host.pairing_link("moderator")
    assert "/m?pair=" in first_link and first_link.startswith(served_host.url)
    tablet = Device(served_host)
    reply = tablet.pair("moderator", "Tablet moderator")
    assert reply.status == 200, reply.text
    assert reply.json["event"]["uid"] == served_host.event_uid

    # The link paired one device: the same code again is refused, and a new link is shown.
    second = Device(served_host)
    code = first_link.rsplit("pair=", 1)[1]
    again = second.post("/pair", {"pairing_code": code, "desk_name": "Tablet 2",
                                  "protocol": 1, "role": "moderator"})
    assert again.status == 403 and again.json["error"] == "wrong_code"
    new_link = served_host.pairing_link("moderator", other_than=first_link)
    assert new_link != first_link
    assert second.pair("moderator", "Tablet 2").status == 200

    # The moderator's code does not pair a projector, nor a desk's code a moderator.
    projector = Device(served_host)
    moderator_code = served_host.pairing_link("moderator").rsplit("pair=", 1)[1]
    wrong = projector.post("/pair", {"pairing_code": moderator_code, "desk_name": "PC",
                                     "protocol": 1, "role": "projector"})
    assert wrong.status == 403
    desk_code = projector.post("/pair", {"pairing_code": served_host.code, "desk_name": "PC",
                                         "protocol": 1, "role": "moderator"})
    assert desk_code.status == 400  # a desk's 6 digits are not a role's code at all
    roles = count_rows(served_host.db,
                       "SELECT COUNT(*) FROM network_desks WHERE role = 'moderator'")
    assert roles == 2


def test_a_desk_token_cannot_moderate_or_watch_the_hall(served_host: ServedHost) -> None:
    desk = Device(served_host, token=served_host.pair("Meja 2"),
                  event_uid=served_host.event_uid)
    assert desk.get("/hall?since=&wait=0").status == 403
    for action in MODERATOR_ACTIONS:
        reply = desk.post(f"/moderator/{action}", {"termin": ""})
        assert reply.status == 403, action
        assert reply.json["error"] == "wrong_role"
        assert reply.json["message_en"] and reply.json["message_id"]
    assert count_rows(served_host.db, "SELECT COUNT(*) FROM termins") == 0
    # ... and it still works as a desk.
    assert desk.get("/status").status == 200


def test_a_moderator_token_cannot_push_desk_entries_or_read_the_list(
    served_host: ServedHost,
) -> None:
    tablet = Device(served_host)
    assert tablet.pair("moderator").status == 200
    before = _log(served_host.db)
    pushed = tablet.post("/entries", _entries(served_host))
    assert pushed.status == 403 and pushed.json["error"] == "wrong_role"
    assert _log(served_host.db) == before
    for endpoint in ("/snapshot", "/changes?since=0&wait=0", "/status"):
        reply = tablet.get(endpoint)
        assert reply.status == 403, endpoint
        for invitee in served_host.event.invitees:
            assert invitee.name not in reply.text
    # ... and it moderates: the first termin opens.
    opened = tablet.post("/moderator/termin_step", {"termin": ""})
    assert opened.status == 200, opened.text
    assert opened.json["hall"]["termin"]["number"] == 1


def test_a_projector_only_watches(served_host: ServedHost) -> None:
    screen = Device(served_host)
    assert screen.pair("projector", "PC proyektor").status == 200
    state = screen.hall()
    assert state["role"] == "projector" and "incoming" not in state
    for action in MODERATOR_ACTIONS:
        assert screen.post(f"/moderator/{action}", {"termin": ""}).status == 403, action
    assert screen.post("/entries", _entries(served_host)).status == 403
    assert screen.get("/snapshot").status == 403
    assert count_rows(served_host.db, "SELECT COUNT(*) FROM termins") == 0


def test_without_a_token_the_hall_and_the_moderator_are_closed(
    served_host: ServedHost,
) -> None:
    phone = Device(served_host)
    phone.open("/tanya")
    assert phone.get("/hall?since=&wait=0").status == 401
    for action in MODERATOR_ACTIONS:
        reply = phone.post(f"/moderator/{action}", {"termin": ""})
        assert reply.status == 401, action
    made_up = Device(served_host, token="x" * 43, event_uid=served_host.event_uid)
    assert made_up.get("/hall?since=&wait=0").status == 401
    assert made_up.post("/moderator/termin_step", {"termin": ""}).status == 401
    assert count_rows(served_host.db, "SELECT COUNT(*) FROM termins") == 0


def test_a_revoked_moderator_is_refused_at_once(served_host: ServedHost) -> None:
    tablet = Device(served_host)
    assert tablet.pair("moderator").status == 200
    assert tablet.hall()["role"] == "moderator"
    storage = Storage.open(served_host.db, backup=False)
    try:
        desk = next(d for d in storage.network_desks(served_host.event.event_id)
                if d.role == "moderator")
        with storage.transaction():
            storage.revoke_network_desk(desk.id, at=datetime.now(UTC))
    finally:
        storage.close()
    refused = tablet.get("/hall?since=&wait=0")
    assert refused.status == 401 and refused.json["error"] == "revoked"
    assert tablet.post("/moderator/termin_step", {"termin": ""}).status == 401
    storage = Storage.open(served_host.db, backup=False)
    try:
        assert discussion.current_termin(storage, served_host.event.event_id) is None
    finally:
        storage.close()
