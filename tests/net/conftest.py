"""Shared fixtures of the network tests: a host database, ``rakor serve`` started on it as
a real process on 127.0.0.1, and a tiny HTTP client to talk to it.

Use them from any test under ``tests/net``::

    def test_something(served_host: ServedHost) -> None:
        token = served_host.pair("Meja 2")
        answer = served_host.get("/snapshot", token=token)
        assert answer.status == 200

``start_host`` starts another server (on any database, e.g. after a kill); every
server a test started is stopped (SIGTERM) when it ends.
"""

from __future__ import annotations

import gzip
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from datetime import time as time_of_day
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

import pytest

from rakor_desktop import paths
from rakor_desktop.logs import LOG_FILE_NAME
from rakor_desktop.models import Event, Person, Role
from rakor_desktop.network.protocol import API_PREFIX, EVENT_HEADER
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage

ROOT = Path(__file__).resolve().parents[2]
PAIRING_CODE = "123456"
#: The secret of the hosts' rotating self check-in codes (RAKOR_HALL_SECRET): a test
#: computes the code of any minute with ``HallKeys(HALL_SECRET).code_at(minute)``.
HALL_SECRET = bytes(range(32))

#: The people of the test event (name, instansi, group), in list order.
PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("Sri Purwaningsih", "Bawaslu Kota Jambi", "Bawaslu"),
    ("Ahmad Yani", "KPU Kota Jambi", "KPU"),
    ("Budi Santoso", "Dinas Kominfo", "OPD"),
    ("Rahmawati", "Kecamatan Telanaipura", "Camat"),
    ("Hendra Gunawan", "Polresta Jambi", "Forkopimda"),
)


@dataclass(frozen=True)
class HostInvitee:
    """One invitation of the test event, as a desk refers to it."""

    uid: str
    code: str
    name: str


@dataclass(frozen=True)
class HostEvent:
    """A host database with one event and its invitation list."""

    db: Path
    event_id: int
    event_uid: str
    invitees: tuple[HostInvitee, ...]


def make_host_event(db: Path, *, title: str = "Rakor Persiapan Pemilu",
                    people: tuple[tuple[str, str, str], ...] = PEOPLE) -> HostEvent:
    """An event with ``people`` invited, in the database ``db`` (created when missing)."""
    storage = Storage.open(db, backup=False)
    try:
        event_id = event_ops.create_event(
            storage, Event(title=title, date=date(2026, 12, 3), start_time=time_of_day(9, 0),
                           venue="Aula Griya Mayang"),
        )
        invitee_ops.import_invitees(
            storage, event_id,
            [(Person(name=n, instansi=i, group_name=g), Role.PESERTA) for n, i, g in people],
        )
        event = storage.get_event(event_id)
        assert event is not None
        invitees = tuple(
            HostInvitee(uid=i.uid, code=i.checkin_code, name=i.person.name)
            for i in storage.list_invitees(event_id)
        )
    finally:
        storage.close()
    return HostEvent(db=db, event_id=event_id, event_uid=event.uid, invitees=invitees)


@dataclass
class Reply:
    """An HTTP answer: status, headers and the body (JSON decoded when it is JSON)."""

    status: int
    headers: dict[str, str]
    body: bytes
    json: Any = None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def http_call(
    url: str, method: str, path: str, *, body: Any = None, raw: bytes | None = None,
    token: str | None = None, event_uid: str | None = None,
    headers: dict[str, str] | None = None, timeout: float = 40,
) -> Reply:
    """One request to a server at ``url`` (``path`` below it, e.g. ``/api/v1/pair``)."""
    parts = urllib.parse.urlsplit(url)
    conn = HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
    sent = dict(headers or {})
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    if event_uid is not None:
        sent[EVENT_HEADER] = event_uid
    data = raw
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        sent.setdefault("Content-Type", "application/json")
    try:
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        payload = response.read()
        reply = Reply(response.status, {k.lower(): v for k, v in response.getheaders()},
                      payload)
    finally:
        conn.close()
    if reply.headers.get("content-type", "").startswith("application/json"):
        if reply.headers.get("content-encoding") == "gzip":
            payload = gzip.decompress(payload)
        reply.json = json.loads(payload.decode("utf-8"))
    return reply


@dataclass
class ServedHost:
    """A ``rakor serve`` process and what a test needs to talk to it."""

    url: str
    code: str
    db: Path
    event: HostEvent
    process: subprocess.Popen[str]
    log_file: Path  # the rotating log of the server (RAKOR_HOME/logs)
    stderr_file: Path
    tokens: dict[str, str] = field(default_factory=dict)  # desk name -> token
    #: The moderator's and projector's one-time pairing links the host printed last
    #: (RAKOR_PAIRING lines; a new one after each use).
    links: dict[str, str] = field(default_factory=dict)

    @property
    def event_uid(self) -> str:
        return self.event.event_uid

    def call(self, method: str, endpoint: str, *, token: str | None = None,
             event_uid: str | None = None, **kwargs: Any) -> Reply:
        """A request to ``/api/v1<endpoint>``; with a token, the event header is sent too
        (this host's event unless ``event_uid`` says otherwise)."""
        if token is not None and event_uid is None:
            event_uid = self.event_uid
        return http_call(self.url, method, API_PREFIX + endpoint, token=token,
                         event_uid=event_uid, **kwargs)

    def get(self, endpoint: str, **kwargs: Any) -> Reply:
        return self.call("GET", endpoint, **kwargs)

    def post(self, endpoint: str, body: Any = None, **kwargs: Any) -> Reply:
        return self.call("POST", endpoint, body=body, **kwargs)

    def pair(self, desk_name: str = "Meja 2") -> str:
        """Pair a desk with the right code; returns its token."""
        reply = self.post("/pair", {"pairing_code": self.code, "desk_name": desk_name,
                                    "protocol": 1})
        assert reply.status == 200, reply.text
        token = str(reply.json["token"])
        self.tokens[desk_name] = token
        return token

    def pairing_link(self, role: str, *, other_than: str = "", timeout: float = 10) -> str:
        """The one-time link of ``role`` ("moderator" or "projector") the host shows now
        (waiting for one that is not ``other_than``: the link after a pairing)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            link = self.links.get(role, "")
            if link and link != other_than:
                return link
            time.sleep(0.02)
        raise AssertionError(f"the host printed no new {role} link")

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM and wait; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return int(self.process.returncode)

    def kill(self) -> None:
        """SIGKILL: no cleanup at all."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


def serve_command(db: Path, *, event_id: int | None, code: str, bind: str = "127.0.0.1",
                  port: int = 0) -> list[str]:
    """The command line of ``rakor serve`` as the tests run it."""
    command = [sys.executable, "-m", "rakor_desktop.cli", "serve", "--db", str(db),
               "--bind", bind, "--port", str(port), "--code", code]
    if event_id is not None:
        command += ["--event", str(event_id)]
    return command


def launch_host(event: HostEvent, *, code: str = PAIRING_CODE, port: int = 0,
                timeout: float = 30, work: Path | None = None) -> ServedHost:
    """Start ``rakor serve`` on ``event``'s database and wait for its RAKOR_SERVING line.

    The child inherits the environment (RAKOR_HOME of the test: its log file is
    ``<RAKOR_HOME>/logs/rakor-desktop.log``).
    """
    work = work or event.db.parent
    stderr_file = work / f"serve-{time.monotonic_ns()}.err"
    env = dict(os.environ, PYTHONUNBUFFERED="1", RAKOR_HALL_SECRET=HALL_SECRET.hex())
    with stderr_file.open("w", encoding="utf-8") as err:
        process = subprocess.Popen(
            serve_command(event.db, event_id=event.event_id, code=code, port=port),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, text=True,
            cwd=ROOT, env=env,
        )
    lines: queue.Queue[str | None] = queue.Queue()
    links: dict[str, str] = {}

    def drain() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("RAKOR_PAIRING "):
                _, role, link = line.split()
                links[role] = link
            lines.put(line)
        lines.put(None)

    threading.Thread(target=drain, daemon=True).start()
    deadline = time.monotonic() + timeout
    while True:
        try:
            line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            process.kill()
            raise RuntimeError(f"rakor serve said nothing in {timeout} s") from None
        if line is None:
            raise RuntimeError(f"rakor serve stopped (exit {process.wait()}): "
                               f"{stderr_file.read_text()[-2000:]}")
        if line.startswith("RAKOR_SERVING "):
            words = line.split()
            url, shown = words[1], words[2].removeprefix("code=")
            break
    return ServedHost(url=url, code=shown, db=event.db, event=event, process=process,
                      log_file=paths.app_dirs().logs / LOG_FILE_NAME, stderr_file=stderr_file,
                      links=links)


@pytest.fixture
def host_event(tmp_path: Path) -> HostEvent:
    """A host database (``tmp_path/host/rakor.sqlite3``) with one event of five invitees."""
    return make_host_event(tmp_path / "host" / "rakor.sqlite3")


@pytest.fixture
def start_host() -> Iterator[Callable[..., ServedHost]]:
    """``start_host(event, code=..., port=...)``: start ``rakor serve``; all stopped at the
    end of the test."""
    started: list[ServedHost] = []

    def start(event: HostEvent, **kwargs: Any) -> ServedHost:
        host = launch_host(event, **kwargs)
        started.append(host)
        return host

    yield start
    for host in started:
        host.stop()


@pytest.fixture
def served_host(host_event: HostEvent, start_host: Callable[..., ServedHost]) -> ServedHost:
    """``rakor serve --bind 127.0.0.1 --port 0 --code 123456`` on :func:`host_event`."""
    return start_host(host_event)


__all__ = [
    "HALL_SECRET", "PAIRING_CODE", "PEOPLE", "HostEvent", "HostInvitee", "Reply",
    "ServedHost", "http_call", "launch_host", "make_host_event", "serve_command",
]
