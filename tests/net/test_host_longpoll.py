"""``GET /changes`` as a long-poll: a desk waiting for changes hears of a check-in at another
desk, or one written by another program on the host's file, at once (not when its wait
runs out); without changes it waits as long as it asked; a stopping host answers it."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from rakor_desktop.network.protocol import (
    ChangesAnswer,
    EntriesRequest,
    WireEntry,
)
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.storage import Storage

from .conftest import Reply, ServedHost

LONG_WAIT = 20  # seconds a desk asks to wait: far longer than any wake-up may take


class Waiting:
    """A long-poll running in a thread; ``answered_at`` is when its answer arrived."""

    def __init__(self, call: Callable[[], Reply]) -> None:
        self.reply: Reply | None = None
        self.answered_at = 0.0
        self._thread = threading.Thread(target=self._run, args=(call,), daemon=True)
        self._thread.start()

    def _run(self, call: Callable[[], Reply]) -> None:
        self.reply = call()
        self.answered_at = time.monotonic()

    def join(self, timeout: float = LONG_WAIT + 10) -> Reply:
        self._thread.join(timeout)
        assert self.reply is not None, "the long-poll got no answer"
        return self.reply


def _current_seq(host: ServedHost, token: str) -> int:
    return ChangesAnswer.from_json(host.get("/snapshot", token=token).json).seq


def _wait_for_changes(host: ServedHost, token: str, since: int) -> Waiting:
    waiting = Waiting(lambda: host.get(f"/changes?since={since}&wait={LONG_WAIT}",
                                       token=token))
    time.sleep(0.3)  # the request is in and waiting
    assert waiting.reply is None, "the long-poll answered before anything changed"
    return waiting


def test_a_waiting_desk_hears_of_another_desks_checkin_at_once(
    served_host: ServedHost,
) -> None:
    watcher, scanner = served_host.pair("Meja 1"), served_host.pair("Meja 2")
    since = _current_seq(served_host, watcher)
    waiting = _wait_for_changes(served_host, watcher, since)
    entry = WireEntry(uid=str(uuid.uuid4()), kind="checkin",
                      invitee_uid=served_host.event.invitees[0].uid,
                      recorded_at=datetime.now(UTC))

    sent = served_host.post("/entries", EntriesRequest(datetime.now(UTC), (entry,)).to_json(),
                            token=scanner)
    acked_at = time.monotonic()
    reply = waiting.join()

    assert sent.status == 200
    latency = waiting.answered_at - acked_at
    print(f"long-poll answered {latency * 1000:.0f} ms after the other desk's ack")
    assert latency < 0.5  # woken by the commit itself, not by the end of the 20 s wait
    changes = ChangesAnswer.from_json(reply.json)
    assert [(a.entry.uid, a.station) for a in changes.attendance] == [(entry.uid, "Meja 2")]
    assert changes.seq > since


def test_a_waiting_desk_hears_of_a_checkin_made_by_another_program(
    served_host: ServedHost,
) -> None:
    token = served_host.pair()
    since = _current_seq(served_host, token)
    waiting = _wait_for_changes(served_host, token, since)
    storage = Storage.open(served_host.db, backup=False, check=False)
    try:
        result = checkin_ops.checkin_by_code(
            storage, served_host.event.event_id, served_host.event.invitees[1].code,
            checkin_ops.Desk(station="sekretariat"))
        committed_at = time.monotonic()
    finally:
        storage.close()
    reply = waiting.join()

    latency = waiting.answered_at - committed_at
    print(f"long-poll answered {latency * 1000:.0f} ms after another program's commit")
    assert latency < 0.5  # the feed is looked at every 50 ms while someone waits
    changes = ChangesAnswer.from_json(reply.json)
    assert [(a.entry.uid, a.station) for a in changes.attendance] == [
        (result.entry_uid, "sekretariat")]


def test_without_changes_the_answer_comes_when_the_wait_is_over(
    served_host: ServedHost,
) -> None:
    token = served_host.pair()
    since = _current_seq(served_host, token)

    started = time.monotonic()
    reply = served_host.get(f"/changes?since={since}&wait=1.0", token=token)
    waited = time.monotonic() - started

    assert reply.status == 200
    changes = ChangesAnswer.from_json(reply.json)
    assert (changes.seq, changes.attendance, changes.invitees) == (since, (), ())
    assert 0.9 <= waited < 5


def test_a_desk_behind_gets_its_changes_without_waiting(served_host: ServedHost) -> None:
    token = served_host.pair()

    started = time.monotonic()
    reply = served_host.get(f"/changes?since=0&wait={LONG_WAIT}", token=token)

    assert time.monotonic() - started < 5
    changes = ChangesAnswer.from_json(reply.json)
    assert len(changes.invitees) == len(served_host.event.invitees)  # the import's changes


def test_a_stopping_host_answers_the_waiting_desks(served_host: ServedHost) -> None:
    token = served_host.pair()
    since = _current_seq(served_host, token)
    waiting = _wait_for_changes(served_host, token, since)

    stopped_at = time.monotonic()
    assert served_host.stop() == 0
    reply = waiting.join()

    assert waiting.answered_at - stopped_at < 5
    assert reply.status == 503  # "try again": the database may be closed already
    assert reply.json["error"] == "unavailable" and reply.headers["retry-after"] == "1"


def test_a_desk_beyond_the_feed_is_told_the_last_number_at_once(
    served_host: ServedHost,
) -> None:
    """The host's file was restored from a backup: its feed ends before the desk's number."""
    token = served_host.pair()
    last = _current_seq(served_host, token)

    started = time.monotonic()
    reply = served_host.get(f"/changes?since={last + 500}&wait={LONG_WAIT}", token=token)

    assert time.monotonic() - started < 5
    changes = ChangesAnswer.from_json(reply.json)
    assert (changes.seq, changes.attendance, changes.more) == (last, (), False)
