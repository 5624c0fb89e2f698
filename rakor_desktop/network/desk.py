"""A desk's side of the venue network (issue 13): joining, the copy, and the sync.

A desk joins a host with the join text the host shows (``http://<ip>:<port>/join?code=
123456``, typed or scanned) and a name; :func:`join` pairs, downloads the event's list
and log (``/snapshot``) and writes them into a new, normal Rakor database in the given
folder with the one ``desk_link`` row. The desk page and its operations work on that
copy unchanged; every entry they write also goes into the outbox
(``Storage.append_attendance``), recorded on :func:`desk_clock`.

:class:`DeskSync` keeps the copy and the host in step with two plain threads (no Qt, no
asyncio), each with its own SQLite connection and HTTP connection:

* the **pusher** uploads waiting outbox entries in batches (``POST /entries``) as soon
  as one is written (it notices another connection's commit, or :meth:`DeskSync.poke`),
  else every 2 s; on failure it waits 0.5 s, 1 s, 2 s … up to 5 s and tries again;
* the **puller** asks for what changed after the last sequence number it has
  (``GET /changes``, a long-poll of up to 25 s) and writes it into the copy.

A 401 means the host revoked this desk: both threads stop, and everything recorded
here stays (it can be promoted into a full event with :func:`promote`).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import math
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.messages import RakorError, text
from rakor_desktop.network.protocol import (
    API_PREFIX,
    DEFAULT_PORT,
    EVENT_HEADER,
    MAX_BODY_BYTES,
    MAX_ENTRIES_PER_BATCH,
    MAX_WAIT_SECONDS,
    PAIRING_CODE_DIGITS,
    ChangesAnswer,
    EntriesAnswer,
    EntriesRequest,
    ErrorAnswer,
    PairAnswer,
    PairRequest,
    ProtocolError,
    WireEntry,
    WirePerson,
    WireWalkIn,
)
from rakor_desktop.storage import Storage
from rakor_desktop.storage.replica import DeskLink, PendingEntry

log = logging.getLogger("rakor.network.desk")

#: Seconds between two looks at the outbox when nothing wakes the pusher.
PUSH_INTERVAL = 2.0
#: How often (seconds) the idle pusher checks whether another connection wrote.
PUSH_POLL = 0.05
BACKOFF_FIRST = 0.5
BACKOFF_MAX = 5.0
#: An upload's body stays this far below the host's limit.
_BODY_BUDGET = MAX_BODY_BYTES * 3 // 4
#: The largest answer read from a host (a snapshot of a very long list fits).
MAX_ANSWER_BYTES = 256 * 1024 * 1024
#: The longest desk name (it is shown in the host's list and on the daftar hadir).
MAX_DESK_NAME = 60
#: ``last_sync_at`` of the link is written at least this often (seconds) when idle.
_PERSIST_SYNC_EVERY = 60.0

_CODE = re.compile(rf"^[0-9]{{{PAIRING_CODE_DIGITS}}}$")


class JoinError(RakorError):
    """Joining (or syncing with) a host failed: unreachable, wrong code, not a Rakor
    host, revoked … The message says what to do; nothing half-made is left behind.

    ``retry_after``: seconds to wait before another pairing code may be tried (429).
    """

    def __init__(self, indonesian: str, english: str, *, retry_after: float | None = None,
                 **params: Any) -> None:
        super().__init__(indonesian, english, **params)
        self.retry_after = retry_after


# -- the join text ------------------------------------------------------------------------


def parse_join_text(join_text: str) -> tuple[str, str | None]:
    """The host's base URL and the pairing code (or None) in what was typed or scanned.

    Accepts the join URL of the host's QR code (``http://192.168.1.10:8765/join?code=
    123456``), an address with or without port (``192.168.1.10:8765``, ``laptop-
    sekretariat``; the port defaults to :data:`DEFAULT_PORT`), and an address followed by
    the code (``192.168.1.10:8765 123456``).

    Raises:
        JoinError: not an address, or a code that is not 6 digits.
    """
    words = join_text.split()
    code: str | None = None
    if len(words) == 2 and words[1].isdigit():
        code = words[1]
        words = words[:1]
    raw = "".join(words)
    if not raw:
        raise _bad_address(join_text)
    if "://" not in raw:
        raw = "http://" + raw
    try:
        parts = urllib.parse.urlsplit(raw)
        port = parts.port
    except ValueError:
        raise _bad_address(join_text) from None
    host = parts.hostname or ""
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host or parts.username or parts.password:
        raise _bad_address(join_text)
    if not re.fullmatch(r"[0-9A-Za-z._:-]+", host):
        raise _bad_address(join_text)
    query = urllib.parse.parse_qs(parts.query)
    if "code" in query:
        code = query["code"][0].strip()
    if code is not None and not _CODE.match(code):
        raise _bad_code()
    shown_host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown_host}:{port or DEFAULT_PORT}", code


def _bad_address(given: str) -> JoinError:
    return JoinError(
        "Alamat laptop utama tidak dikenali: \u201c{text}\u201d. Ketik alamat seperti "
        "192.168.1.10:8765 atau pindai kode QR di layar laptop utama.",
        "The host's address is not recognised: \u201c{text}\u201d. Type an address such as "
        "192.168.1.10:8765 or scan the QR code on the host's screen.",
        text=given.strip(),
    )


def _bad_code() -> JoinError:
    return JoinError(
        "Masukkan kode pairing {digits} angka yang tampil di layar laptop utama.",
        "Enter the {digits}-digit pairing code shown on the host's screen.",
        digits=PAIRING_CODE_DIGITS,
    )


# -- talking to the host ------------------------------------------------------------------


class _Unreachable(Exception):
    """No answer (refused, timed out, cut, the host busy): try again later."""


class _NotRakor(Exception):
    """An answer that is not the Rakor API's."""


class _Refused(Exception):
    """The host answered with an error status."""

    def __init__(self, status: int, error: str, message: str,
                 retry_after: float | None) -> None:
        super().__init__(f"HTTP {status} {error}: {message}")
        self.status = status
        self.error = error
        self.message = message
        self.retry_after = retry_after


class _HostClient:
    """One keep-alive HTTP connection to the host (used by one thread at a time)."""

    def __init__(self, base_url: str, *, token: str = "", event_uid: str = "",
                 timeout: float = 10.0) -> None:
        parts = urllib.parse.urlsplit(base_url)
        self.base_url = base_url
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port or DEFAULT_PORT
        self.token = token
        self.event_uid = event_uid
        self.timeout = timeout
        self._conn: http.client.HTTPConnection | None = None
        self._used = False
        self._aborted = False

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def abort(self) -> None:
        """Cut the connection from another thread (wakes a long-poll at once); every
        request after this fails at once."""
        self._aborted = True
        conn = self._conn
        sock = None if conn is None else conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _connection(self, timeout: float) -> http.client.HTTPConnection:
        if self._conn is None:
            kind = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
            self._conn = kind(self._host, self._port, timeout=timeout)
            self._used = False
        else:
            self._conn.timeout = timeout
            if self._conn.sock is not None:
                self._conn.sock.settimeout(timeout)
        return self._conn

    def call(self, method: str, path: str, body: dict[str, Any] | None = None, *,
             timeout: float | None = None) -> Any:
        """Send one request; the answer's JSON. Raises _Unreachable, _Refused, _NotRakor."""
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
            headers[EVENT_HEADER] = self.event_uid
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        wait = self.timeout if timeout is None else timeout
        for attempt in (1, 2):
            conn = self._connection(wait)
            reused = self._used
            try:
                if conn.sock is None:
                    conn.connect()
                if self._aborted:  # checked after the socket exists: abort() cuts it
                    raise ConnectionAbortedError("stopped")
                conn.request(method, API_PREFIX + path, body=data, headers=headers)
                response = conn.getresponse()
                length = response.getheader("Content-Length")
                if length is not None and length.isdigit() and int(length) > MAX_ANSWER_BYTES:
                    self.close()
                    raise _NotRakor(f"an answer of {length} bytes")
                raw = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                self.close()
                if reused and attempt == 1:
                    continue  # the host closed a kept-alive connection meanwhile: once more
                raise _Unreachable(_reason(exc)) from exc
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                raise _Unreachable(_reason(exc)) from exc
            self._used = True
            if response.will_close:
                self.close()
            return _answer(response.status, raw, response.getheader("Retry-After"))
        raise AssertionError("unreachable")  # pragma: no cover


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | socket.timeout):
        return text("tidak ada jawaban", "no answer")
    if isinstance(exc, ConnectionRefusedError):
        return text("koneksi ditolak", "connection refused")
    return str(exc) or type(exc).__name__


def _answer(status: int, raw: bytes, retry_after: str | None) -> Any:
    try:
        value = json.loads(raw.decode("utf-8")) if raw else None
    except (UnicodeDecodeError, ValueError):
        value = None
        if status == 200:
            raise _NotRakor("an answer that is not JSON") from None
    if status == 200:
        return value
    if status in (502, 503, 504):
        raise _Unreachable(f"HTTP {status}")
    error, message = "", ""
    try:
        answer = ErrorAnswer.from_json(value)
        error, message = answer.error, answer.message
    except ProtocolError:
        message = raw[:200].decode("utf-8", "replace")
    seconds: float | None = None
    if retry_after is not None:
        try:
            seconds = max(0.0, float(retry_after))
        except ValueError:
            seconds = None
    raise _Refused(status, error, message, seconds)


# -- joining --------------------------------------------------------------------------------


def join(join_text: str, code: str | None, desk_name: str, folder: Path, *,
         clock: Clock = utc_now, timeout: float = 10) -> Path:
    """Pair with the host and make this desk's copy of its event in ``folder``.

    ``code`` (typed apart) wins over a code in ``join_text``. The copy is a new Rakor
    database file holding the host's event, list and log and the link; its path is
    returned. Nothing is left behind when joining fails.

    Raises:
        JoinError: bad address or code, no desk name, host unreachable, wrong code,
            too many tries, not a Rakor host, refused.
        DatabaseError: the copy cannot be written in ``folder``.
    """
    base_url, code_in_text = parse_join_text(join_text)
    code = (code or "").strip() or code_in_text
    if not code or not _CODE.match(code):
        raise _bad_code()
    name = " ".join(desk_name.split())
    if not name:
        raise JoinError(
            "Tuliskan nama meja ini (misalnya \u201cMeja 2\u201d).",
            "Give this desk a name (for example \u201cDesk 2\u201d).",
        )
    if len(name) > MAX_DESK_NAME:
        raise JoinError(
            "Nama meja terlalu panjang ({length} huruf; paling banyak {limit}).",
            "The desk's name is too long ({length} characters; at most {limit}).",
            length=len(name), limit=MAX_DESK_NAME,
        )
    client = _HostClient(base_url, timeout=timeout)
    try:
        try:
            paired = PairAnswer.from_json(client.call(
                "POST", "/pair", PairRequest(pairing_code=code, desk_name=name).to_json()))
            client.token, client.event_uid = paired.token, paired.event.uid
            sent = clock()
            snapshot = ChangesAnswer.from_json(client.call("GET", "/snapshot"))
            answered = clock()
        except (_Unreachable, _Refused, _NotRakor, ProtocolError) as exc:
            raise _join_error(base_url, exc) from exc
    finally:
        client.close()
    if snapshot.event is None or snapshot.event.uid != paired.event.uid:
        raise _join_error(base_url, _NotRakor("a snapshot of another event"))
    offset = _offset_ms(snapshot.server_time, sent + (answered - sent) / 2)
    path = _free_path(Path(folder), name, str(snapshot.event.fields.get("title") or ""))
    link = DeskLink(
        host_url=base_url, event_uid=paired.event.uid, desk_id=paired.desk_id,
        desk_name=name, token=paired.token, last_seq=0, clock_offset_ms=offset,
        last_sync_at=answered, joined_at=answered,
    )
    storage = Storage.open(path, backup=False)
    try:
        with storage.transaction():
            storage.create_desk_link(link)
            storage.apply_host_changes(snapshot, link.event_uid, now=answered)
            storage.record_sync(at=answered, clock_offset_ms=offset, last_seq=snapshot.seq)
    except BaseException:
        storage.close()
        _remove_database(path)
        raise
    storage.close()
    log.info("joined %s as desk %r (desk id %d): %s", base_url, name, paired.desk_id, path)
    return path


def _join_error(url: str, exc: Exception) -> JoinError:
    if isinstance(exc, _Unreachable):
        return JoinError(
            "Laptop utama di {url} tidak dapat dihubungi ({error}). Pastikan laptop ini "
            "tersambung ke Wi-Fi atau hotspot yang sama dan Jaringan acara di laptop utama "
            "sedang aktif.",
            "Cannot reach the host at {url} ({error}). Make sure this laptop is on the same "
            "Wi-Fi or hotspot and the host has its event network turned on.",
            url=url, error=str(exc),
        )
    if isinstance(exc, _Refused):
        if exc.status == 403 or exc.error == "wrong_code":
            return JoinError(
                "Kode pairing salah. Periksa {digits} angka yang tampil di layar laptop "
                "utama (kodenya berganti setiap kali Jaringan acara dinyalakan).",
                "Wrong pairing code. Check the {digits} digits shown on the host's screen "
                "(the code changes whenever the event network is turned on).",
                digits=PAIRING_CODE_DIGITS,
            )
        if exc.status == 429:
            seconds = math.ceil(exc.retry_after) if exc.retry_after is not None else 60
            return JoinError(
                "Terlalu banyak kode pairing yang salah dari laptop ini. Coba lagi dalam "
                "{seconds} detik.",
                "Too many wrong pairing codes from this laptop. Try again in {seconds} "
                "seconds.",
                retry_after=float(seconds), seconds=seconds,
            )
        if exc.status == 401:
            return _revoked_error()
        if exc.status == 404:
            return _not_rakor(url)
        return JoinError(
            "Laptop utama menolak permintaan ini (HTTP {status}: {message}).",
            "The host refused the request (HTTP {status}: {message}).",
            status=exc.status, message=exc.message or exc.error,
        )
    return _not_rakor(url)


def _not_rakor(url: str) -> JoinError:
    return JoinError(
        "{url} bukan laptop utama Rakor Desktop (jawabannya tidak dikenali). Periksa "
        "alamat dan port yang tampil di layar laptop utama.",
        "{url} is not a Rakor Desktop host (its answer was not understood). Check the "
        "address and port shown on the host's screen.",
        url=url,
    )


def _revoked_error() -> JoinError:
    return JoinError(
        "Laptop utama mencabut izin meja ini. Semua yang dicatat di meja ini tetap "
        "tersimpan; gabung lagi dengan kode pairing yang baru.",
        "The host revoked this desk. Everything recorded at this desk stays saved; join "
        "again with a new pairing code.",
    )


def _slug(value: str, limit: int) -> str:
    words = re.findall(r"[0-9a-z]+", value.lower())
    return "-".join(words)[:limit].strip("-")


def _free_path(folder: Path, desk_name: str, title: str) -> Path:
    stem = "-".join(p for p in ("meja", _slug(desk_name, 24), _slug(title, 32)) if p)
    path = folder / f"{stem}.sqlite3"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.sqlite3"
        number += 1
    return path


def _remove_database(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"),
                     path.with_name(path.name + "-shm")):
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("could not remove %s: %s", leftover, exc)


def _offset_ms(host_time: datetime, desk_time: datetime) -> int:
    return round((host_time - desk_time) / timedelta(milliseconds=1))


# -- the copy and its clock -------------------------------------------------------------------


def open_desk_storage(path: Path, **options: Any) -> Storage:
    """Open a desk's copy (``Storage.open`` ``options``); what is written goes to the outbox.

    Raises:
        JoinError: the file is no desk's copy.
        DatabaseError: the file cannot be opened.
    """
    storage = Storage.open(path, **options)
    if storage.desk_link() is None:
        storage.close()
        raise JoinError(
            "Berkas {path} bukan salinan meja dari Jaringan acara.",
            "The file {path} is not a desk's copy of an event network.",
            path=Path(path).name,
        )
    storage.set_desk_copy(True)
    return storage


def desk_clock(storage: Storage, *, base: Clock = utc_now) -> Clock:
    """The clock a desk records on: ``base`` plus the offset last measured to the host.

    Entries written on it are on the host's time even when this laptop's clock is wrong;
    the offset is read from the copy each time (the puller updates it).
    """
    last = [0]

    def now() -> datetime:
        with contextlib.suppress(Exception):  # a closed or busy connection: the last one
            last[0] = storage.clock_offset_ms()
        return base() + timedelta(milliseconds=last[0])

    return now


# -- the sync -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncStatus:
    """What a desk shows about the network at a glance."""

    connected: bool
    waiting: int  # entries not yet acknowledged by the host
    oldest_waiting_at: datetime | None
    last_sync_at: datetime | None  # the last answer of the host (this laptop's clock)
    offline_since: datetime | None
    rejected: int  # entries the host refused (bad data; never blocks the outbox)
    revoked: bool  # the host revoked this desk: syncing stopped, everything kept
    message: str  # one line for a person, in the language of core messages


@dataclass
class _State:
    connected: bool = False
    waiting: int = 0
    oldest_waiting_at: datetime | None = None
    last_sync_at: datetime | None = None
    offline_since: datetime | None = None
    rejected: int = 0
    revoked: bool = False
    halted: str = ""  # "revoked", "wrong_event", "ended": the threads stopped for good
    error: str = ""
    host_seq: int = 0  # the highest sequence number the host has told of
    pulled_seq: int = 0  # what the copy holds
    push_cycles: int = 0  # looks at the outbox so far


class DeskSync:
    """The two threads that keep a desk's copy and the host in step (see the module).

    ``on_status`` is called (from a sync thread) with the new :class:`SyncStatus`
    whenever it changes; ``on_pulled`` after the puller wrote the host's changes into
    the copy. Neither may block for long. :meth:`status` never touches the network or
    the database.
    """

    def __init__(self, path: Path, *, clock: Clock = utc_now,
                 on_status: Callable[[SyncStatus], None] | None = None,
                 on_pulled: Callable[[], None] | None = None,
                 timeout: float = 10.0) -> None:
        self.path = Path(path)
        self._clock = clock
        self._on_status = on_status
        self._on_pulled = on_pulled
        self._timeout = timeout
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._clients: list[_HostClient] = []
        storage = open_desk_storage(self.path, backup=False, check=False)
        try:
            link = storage.desk_link()
            summary = storage.outbox_summary()
        finally:
            storage.close()
        assert link is not None
        self._link = link
        self._state = _State(
            waiting=summary.waiting, oldest_waiting_at=summary.oldest_waiting_at,
            rejected=summary.rejected, last_sync_at=link.last_sync_at,
            pulled_seq=link.last_seq, host_seq=link.last_seq,
            halted="ended" if link.ended else "",
        )
        self._last_status = self._build_status()
        self._telling = threading.Lock()
        self._last_told: SyncStatus | None = None

    # -- the public side ---------------------------------------------------------------

    def start(self) -> None:
        """Start the pusher and the puller (once)."""
        if self._threads:
            return
        for name, loop in (("push", self._push_loop), ("pull", self._pull_loop)):
            thread = threading.Thread(target=self._run, args=(loop,),
                                      name=f"rakor-desk-{name}", daemon=True)
            self._threads.append(thread)
            thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop both threads (a long-poll is cut); waits up to ``timeout`` for them."""
        self._stop.set()
        self._wake.set()
        for client in list(self._clients):
            client.abort()
        for thread in self._threads:
            thread.join(timeout)
        with self._cond:
            self._cond.notify_all()

    def poke(self) -> None:
        """Something was written: upload it now (the pusher notices commits anyway)."""
        self._wake.set()

    def status(self) -> SyncStatus:
        """The state at a glance (from memory: no network, no database)."""
        with self._cond:
            return self._build_status()

    def wait_until_synced(self, timeout: float) -> bool:
        """Wait until the outbox is empty and the copy has every change the host told of.

        Returns:
            False when ``timeout`` seconds passed first, or syncing stopped.
        """
        self.poke()
        deadline = time.monotonic() + timeout
        with self._cond:
            first = self._state.push_cycles
            while True:
                state = self._state
                if (state.push_cycles >= first + 2 and state.waiting == 0
                        and state.pulled_seq >= state.host_seq):
                    return True
                remaining = deadline - time.monotonic()
                if remaining <= 0 or state.halted or self._stop.is_set():
                    return False
                self._cond.wait(min(remaining, 0.5))
                self._wake.set()

    # -- state ---------------------------------------------------------------------------

    def _build_status(self) -> SyncStatus:
        state = self._state
        return SyncStatus(
            connected=state.connected and not state.halted,
            waiting=state.waiting,
            oldest_waiting_at=state.oldest_waiting_at,
            last_sync_at=state.last_sync_at,
            offline_since=state.offline_since,
            rejected=state.rejected,
            revoked=state.revoked,
            message=self._message(),
        )

    def _message(self) -> str:
        state = self._state
        host = urllib.parse.urlsplit(self._link.host_url).netloc
        if state.halted == "revoked":
            return text(
                "Laptop utama mencabut izin meja ini; sinkron berhenti. Semua yang dicatat "
                "di meja ini tetap tersimpan.",
                "The host revoked this desk; syncing stopped. Everything recorded at this "
                "desk stays saved.",
            )
        if state.halted == "wrong_event":
            return text(
                "Laptop utama {host} kini menjalankan acara lain; sinkron berhenti. Semua "
                "yang dicatat di meja ini tetap tersimpan.",
                "The host {host} now runs another event; syncing stopped. Everything "
                "recorded at this desk stays saved.",
                host=host,
            )
        if state.halted == "ended":
            return text(
                "Salinan ini sudah dijadikan acara sendiri; tidak sinkron lagi.",
                "This copy was made into an event of its own; it no longer syncs.",
            )
        if state.connected:
            return text("Terhubung ke laptop utama {host}.", "Connected to the host {host}.",
                        host=host)
        if state.offline_since is not None:
            return text(
                "Tidak terhubung ke laptop utama {host} ({error}). Pencatatan jalan terus; "
                "data dikirim begitu tersambung lagi.",
                "Not connected to the host {host} ({error}). Recording goes on; entries are "
                "sent as soon as it is back.",
                host=host, error=state.error,
            )
        return text("Menghubungi laptop utama {host}\u2026", "Contacting the host {host}\u2026",
                    host=host)

    def _update(self, **changes: Any) -> None:
        """Change the state; tell ``on_status`` when what it shows changed."""
        with self._cond:
            for name, value in changes.items():
                setattr(self._state, name, value)
            status = self._build_status()
            changed = status != self._last_status
            self._last_status = status
            self._cond.notify_all()
        if changed and self._on_status is not None:
            # One listener call at a time, always with the newest state: two threads
            # never leave the listener with the older of their two states.
            with self._telling:
                status = self.status()
                if status == self._last_told:
                    return
                self._last_told = status
                try:
                    self._on_status(status)
                except Exception:  # a listener's bug must not stop the sync
                    log.exception("on_status failed")

    def _succeeded(self, *, host_seq: int | None = None, **more: Any) -> None:
        now = self._clock()
        with self._cond:
            seq = self._state.host_seq if host_seq is None else max(self._state.host_seq,
                                                                     host_seq)
        self._update(connected=True, offline_since=None, last_sync_at=now, error="",
                     host_seq=seq, **more)

    def _failed(self, error: str) -> None:
        with self._cond:
            since = self._state.offline_since or self._clock()
        self._update(connected=False, offline_since=since, error=error)

    def _halt(self, why: str, error: str = "") -> None:
        log.warning("desk sync with %s stopped: %s %s", self._link.host_url, why, error)
        self._update(halted=why, revoked=why == "revoked", connected=False, error=error)
        self._wake.set()

    def _halted(self) -> bool:
        return bool(self._state.halted) or self._stop.is_set()

    # -- the threads ----------------------------------------------------------------------

    def _run(self, loop: Callable[[], None]) -> None:
        """Run a thread's loop; after an unexpected failure (a database kept busy too
        long, a full disk …) start it again a little later, on a fresh connection."""
        while not self._halted():
            try:
                loop()
            except Exception as exc:
                log.exception("desk sync thread failed; starting it again")
                self._failed(str(exc) or type(exc).__name__)
                self._stop.wait(BACKOFF_MAX)
            else:
                return

    def _client(self) -> _HostClient:
        client = _HostClient(self._link.host_url, token=self._link.token,
                             event_uid=self._link.event_uid, timeout=self._timeout)
        self._clients.append(client)
        return client

    def _refused(self, exc: _Refused) -> bool:
        """Stop for good on 401 (revoked) and 409 (another event); True when stopped."""
        if exc.status == 401:
            self._halt("revoked", exc.message)
            return True
        if exc.status == 409:
            self._halt("wrong_event", exc.message)
            return True
        return False

    def _push_loop(self) -> None:
        if self._halted():
            return
        storage = open_desk_storage(self.path, backup=False, check=False)
        client = self._client()
        backoff = 0.0
        try:
            while not self._halted():
                summary = storage.outbox_summary()
                with self._cond:
                    cycles = self._state.push_cycles + 1
                self._update(waiting=summary.waiting, push_cycles=cycles,
                             oldest_waiting_at=summary.oldest_waiting_at,
                             rejected=summary.rejected)
                batch = storage.pending_entries(MAX_ENTRIES_PER_BATCH) if summary.waiting else []
                if not batch:
                    self._idle(storage)
                    continue
                try:
                    self._upload(storage, client, batch)
                    backoff = 0.0
                except _Refused as exc:
                    if self._refused(exc):
                        return
                    self._failed(str(exc))
                    backoff = self._back_off(backoff)
                except (_Unreachable, _NotRakor, ProtocolError) as exc:
                    with storage.transaction():
                        storage.count_attempt(p.entry.uid for p in batch)
                    self._failed(str(exc))
                    backoff = self._back_off(backoff)
        finally:
            client.close()
            storage.close()

    def _back_off(self, backoff: float) -> float:
        backoff = min(BACKOFF_MAX, max(BACKOFF_FIRST, backoff * 2))
        self._stop.wait(backoff)
        return backoff

    def _idle(self, storage: Storage) -> None:
        """Wait for a poke, another connection's commit, :data:`PUSH_INTERVAL` or stop."""
        marker = storage.data_version()
        waited = 0.0
        while waited < PUSH_INTERVAL and not self._halted():
            if self._wake.wait(PUSH_POLL):
                self._wake.clear()
                return
            waited += PUSH_POLL
            if storage.data_version() != marker:
                return

    def _upload(self, storage: Storage, client: _HostClient, batch: list[PendingEntry]) -> None:
        """Send ``batch`` (cut to fit a body) and record the host's acks."""
        entries: list[WireEntry] = []
        size = 0
        for pending in batch:
            wire = wire_entry(pending)
            cost = len(json.dumps(wire.to_json(), ensure_ascii=False)) + 1
            if entries and size + cost > _BODY_BUDGET:
                break
            entries.append(wire)
            size += cost
        try:
            answer = self._send(storage, client, entries)
        except _Refused as exc:
            if exc.status not in (400, 413):
                raise
            if len(entries) > 1:  # find the entry the host cannot take: one by one
                for wire in entries:
                    self._upload_one(storage, client, wire)
                return
            self._reject_locally(storage, entries[0], exc)
            return
        self._record_acks(storage, answer)

    def _upload_one(self, storage: Storage, client: _HostClient, wire: WireEntry) -> None:
        try:
            answer = self._send(storage, client, [wire])
        except _Refused as exc:
            if exc.status not in (400, 413):
                raise
            self._reject_locally(storage, wire, exc)
            return
        self._record_acks(storage, answer)

    def _send(self, storage: Storage, client: _HostClient,
              entries: list[WireEntry]) -> EntriesAnswer:
        offset = storage.clock_offset_ms()
        sent = self._clock()
        request = EntriesRequest(sent_at=sent + timedelta(milliseconds=offset),
                                 entries=tuple(entries))
        return EntriesAnswer.from_json(client.call("POST", "/entries", request.to_json()))

    def _record_acks(self, storage: Storage, answer: EntriesAnswer) -> None:
        now = self._clock()
        with storage.transaction():
            storage.mark_acknowledged(((a.uid, a.status, a.message) for a in answer.acks),
                                      at=now)
        for ack in answer.acks:
            if ack.status == "rejected":
                log.warning("the host refused entry %s: %s", ack.uid, ack.message)
        self._succeeded(host_seq=answer.seq)

    def _reject_locally(self, storage: Storage, wire: WireEntry, exc: _Refused) -> None:
        log.warning("the host cannot take entry %s: %s", wire.uid, exc)
        with storage.transaction():
            storage.mark_acknowledged([(wire.uid, "rejected", exc.message or str(exc))],
                                      at=self._clock())
        self._succeeded()

    def _pull_loop(self) -> None:
        if self._halted():
            return
        storage = open_desk_storage(self.path, backup=False, check=False)
        client = self._client()
        backoff = 0.0
        persisted_at = self._clock()
        # The first question after starting or after a failure does not wait: the status
        # says "connected" (or "revoked") at once, and what was missed arrives at once.
        answered = False
        try:
            while not self._halted():
                link = storage.desk_link()
                assert link is not None
                wait = MAX_WAIT_SECONDS if answered else 0.0
                try:
                    raw = client.call("GET", f"/changes?since={link.last_seq}&wait={wait:g}",
                                      timeout=wait + self._timeout)
                    answer = ChangesAnswer.from_json(raw)
                except _Refused as exc:
                    if self._refused(exc):
                        return
                    self._failed(str(exc))
                    answered = False
                    backoff = self._back_off(backoff)
                    continue
                except (_Unreachable, _NotRakor, ProtocolError) as exc:
                    if self._stop.is_set():
                        return
                    self._failed(str(exc))
                    answered = False
                    backoff = self._back_off(backoff)
                    continue
                answered = True
                backoff = 0.0
                now = self._clock()
                # The answer left the host just now: its time against ours is the offset.
                offset = _offset_ms(answer.server_time, now)
                with storage.transaction():
                    applied = storage.apply_host_changes(answer, link.event_uid, now=now)
                    if (applied.anything or answer.seq > link.last_seq
                            or abs(offset - link.clock_offset_ms) > 1000
                            or (now - persisted_at).total_seconds() > _PERSIST_SYNC_EVERY):
                        storage.record_sync(at=now, clock_offset_ms=offset, last_seq=answer.seq)
                        persisted_at = now
                self._succeeded(host_seq=answer.seq, pulled_seq=max(answer.seq, link.last_seq))
                if applied.anything and self._on_pulled is not None:
                    try:
                        self._on_pulled()
                    except Exception:  # a listener's bug must not stop the sync
                        log.exception("on_pulled failed")
        finally:
            client.close()
            storage.close()


def wire_entry(pending: PendingEntry) -> WireEntry:
    """The outbox entry as uploaded (with its walk-in when the invitation was made here)."""
    entry = pending.entry
    walk_in = None
    if pending.walk_in is not None:
        made = pending.walk_in
        walk_in = WireWalkIn(
            person=WirePerson(uid=made.person_uid, fields=dict(made.person)),
            checkin_code=made.checkin_code, jabatan=made.jabatan, instansi=made.instansi,
            group_name=made.group_name,
        )
    on_behalf = {
        "name": entry.on_behalf_name, "jabatan": entry.on_behalf_jabatan,
        "instansi": entry.on_behalf_instansi, "front_titles": entry.on_behalf_front_titles,
        "back_titles": entry.on_behalf_back_titles, "nip": entry.on_behalf_nip,
        "pangkat": entry.on_behalf_pangkat, "golongan": entry.on_behalf_golongan,
        "phone": entry.on_behalf_phone,
    }
    return WireEntry(
        uid=entry.uid, kind=str(entry.kind), invitee_uid=pending.invitee_uid,
        recorded_at=entry.recorded_at, operator=entry.operator, target_uid=entry.target_uid,
        on_behalf=on_behalf if any(on_behalf.values()) else {}, reason=entry.reason,
        signature_png=entry.signature_png, walk_in=walk_in,
    )


# -- when the host is gone for good -----------------------------------------------------------


def promote(desk_path: Path, target: Storage) -> int:
    """Make a desk's copy a full event in ``target``: the list and every entry recorded
    (uploaded or not) are kept; the copy's link is marked ended. Returns the new event id.

    Uids and check-in codes are kept unless ``target`` already uses them (as for an
    event file). ``target`` may be the copy itself: then the copy simply stops being a
    desk's.

    Raises:
        JoinError: the file is no desk's copy.
        RakorError: the copy cannot be written into ``target``.
    """
    from rakor_desktop.exports.eventfile import FormatProblem, _resolve_identities

    desk_path = Path(desk_path)
    if target.path.resolve() == desk_path.resolve():
        event_id = target.desk_event_id()
        if event_id is None:
            raise _no_copy(desk_path)
        with target.transaction():
            target.end_desk_link()
        target.set_desk_copy(False)
        return event_id
    copy = open_desk_storage(desk_path, backup=False)
    try:
        event_id = copy.desk_event_id()
        dump = None if event_id is None else copy.dump_event(event_id)
        if dump is None:
            raise _no_copy(desk_path)
        try:
            with target.transaction():
                new_id = target.load_event(_resolve_identities(target, dump))
        except FormatProblem as problem:
            raise RakorError(
                "Salinan meja tidak dapat dijadikan acara: {problem_id}. Tidak ada yang "
                "disimpan.",
                "The desk's copy cannot be made into an event: {problem_en}. Nothing was "
                "saved.",
                problem_id=problem.indonesian, problem_en=problem.english,
            ) from None
        with copy.transaction():
            copy.end_desk_link()
    finally:
        copy.close()
    log.info("desk copy %s promoted into event %d of %s", desk_path, new_id, target.path)
    return new_id


def _no_copy(path: Path) -> JoinError:
    return JoinError(
        "Berkas {path} tidak memuat acara dari Jaringan acara.",
        "The file {path} holds no event of an event network.",
        path=path.name,
    )


__all__ = [
    "DeskSync",
    "JoinError",
    "SyncStatus",
    "desk_clock",
    "join",
    "open_desk_storage",
    "parse_join_text",
    "promote",
    "wire_entry",
]
