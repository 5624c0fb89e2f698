"""The host's HTTP API (aiohttp; no Qt): the endpoints of :mod:`.protocol` over a
:class:`~rakor_desktop.network.host.HostNetwork`.

The server runs on whatever asyncio loop starts it: Qt's through qasync in the window,
a plain one in ``rakor serve``. Handlers call the network's methods directly: they are
short SQLite work on the storage's connection, which belongs to the loop's thread.

``GET /changes`` is a long-poll: a request that finds nothing new waits until the
change feed grows (a task looks at its last number every :data:`POLL_SECONDS` while
someone waits, and the server looks at once after its own ``/entries`` commit) or
until the wait it asked for is over.

Errors are JSON ``{"error": <code>, "message": <text>}`` with a 4xx status (see
``protocol.ERROR_CODES``). Nothing of the request's headers is logged (tokens travel
in ``Authorization``), and only the path of a request, never its query.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import html
import ipaddress
import json
import logging
import socket
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiohttp import web

from rakor_desktop.messages import RakorError, ValidationError, text
from rakor_desktop.storage.database import DatabaseBusyError

from .host import AuthError, HostNetwork, PairedDesk, PairingError, RoleError, WrongEventError
from .protocol import (
    API_PREFIX,
    DEFAULT_PORT,
    EVENT_HEADER,
    MAX_BODY_BYTES,
    MAX_WAIT_SECONDS,
    PROTOCOL_VERSION,
    EntriesAnswer,
    EntriesRequest,
    ErrorAnswer,
    PairAnswer,
    PairRequest,
    ProtocolError,
    StatusAnswer,
)
from .web import HallWeb

log = logging.getLogger("rakor.network")

#: How often the change feed is looked at while a desk waits for changes.
POLL_SECONDS = 0.05
#: Ports tried after the one asked for before any free port is taken.
NEXT_PORTS_TRIED = 10

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_ERROR_OF_STATUS = {
    400: "bad_request", 401: "unauthorized", 403: "wrong_code", 404: "not_found",
    405: "bad_request", 409: "wrong_event", 413: "too_large", 429: "too_many_tries",
    503: "unavailable",
}


def _error(status: int, message: str, code: str | None = None,
           headers: dict[str, str] | None = None) -> web.Response:
    body = ErrorAnswer(code or _ERROR_OF_STATUS.get(status, "bad_request"), message)
    return web.json_response(body.to_json(), status=status, headers=headers)


#: Answers larger than this are gzipped for a client that accepts it (a snapshot of
#: 20,000 people is about 12 MB of JSON and 1.5 MB gzipped: seconds less on a venue's Wi-Fi).
GZIP_FROM_BYTES = 64 * 1024


def _json_response(value: dict[str, Any], request: web.Request | None = None) -> web.Response:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers: dict[str, str] = {}
    if (request is not None and len(body) > GZIP_FROM_BYTES
            and "gzip" in request.headers.get("Accept-Encoding", "").lower()):
        body = gzip.compress(body, compresslevel=1, mtime=0)
        headers = {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
    return web.Response(body=body, content_type="application/json", charset="utf-8",
                        headers=headers)


class ServerStartError(RakorError):
    """The server could not listen on any port of the address asked for."""


class _Stopping(Exception):
    """The server is stopping: a request is answered 503 without touching the database."""


def _bad_request(detail: str) -> ValidationError:
    return ValidationError(
        "Permintaan tidak dapat dipahami ({detail}); tidak ada yang diubah.",
        "The request cannot be understood ({detail}); nothing was changed.",
        detail=detail,
    )


class NetworkServer:
    """The HTTP API of one :class:`HostNetwork` (see the module docstring)."""

    def __init__(self, network: HostNetwork, *, bind: str = "0.0.0.0",
                 port: int = DEFAULT_PORT) -> None:
        self.network = network
        self.bind = bind
        self.wanted_port = port
        self.port = 0
        self.running = False
        #: When the last request came (host's clock), and how many were answered.
        self.last_request_at: datetime | None = None
        self.requests_served = 0
        self._runner: web.AppRunner | None = None
        self._watcher: asyncio.Task[None] | None = None
        self._changed: asyncio.Event | None = None
        self._seq = 0
        self._waiting = 0
        self._revocations = 0  # how many devices were revoked while serving
        self._stopping = False
        self.web: HallWeb | None = None  # the pages and their APIs, made with the app
        network.revoke_listeners.append(self._revoked)

    @property
    def stopping(self) -> bool:
        """Whether the server is stopping (waiting requests are answered at once)."""
        return self._stopping

    # -- starting and stopping --------------------------------------------------------

    def make_app(self) -> web.Application:
        """The aiohttp application (bodies over ``MAX_BODY_BYTES`` refused with 413)."""
        app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[self._middleware])
        app.router.add_post(f"{API_PREFIX}/pair", self._pair)
        app.router.add_get(f"{API_PREFIX}/snapshot", self._snapshot)
        app.router.add_get(f"{API_PREFIX}/changes", self._changes)
        app.router.add_post(f"{API_PREFIX}/entries", self._entries)
        app.router.add_get(f"{API_PREFIX}/status", self._status)
        app.router.add_get("/join", self._join)
        self.web = HallWeb(self)  # the phones' and tablets' pages (issue 14)
        self.web.mount(app)
        return app

    async def start(self) -> None:
        """Listen: on the port asked for, else one of the next ten, else any free port.

        Raises:
            ServerStartError: no port could be bound at all (the address is not this
                machine's, or the system refuses).
        """
        if self.running:
            return
        self._stopping = False
        self._changed = asyncio.Event()
        self._seq = self.network.current_seq()
        runner = web.AppRunner(self.make_app(), access_log=None, handle_signals=False,
                               shutdown_timeout=2.0)
        await runner.setup()
        candidates = [0]
        if self.wanted_port:
            candidates = [self.wanted_port + n for n in range(NEXT_PORTS_TRIED + 1)
                          if self.wanted_port + n < 65536] + [0]
        problem: OSError | None = None
        for candidate in candidates:
            site = web.TCPSite(runner, self.bind, candidate)
            try:
                await site.start()
            except OSError as exc:
                problem = exc
                continue
            break
        else:
            await runner.cleanup()
            assert problem is not None
            log.warning("cannot listen on %s: %s", self.bind, problem)
            raise ServerStartError(
                "Jaringan acara tidak dapat dinyalakan: laptop ini tidak dapat mendengarkan "
                "di alamat {address} ({error}).",
                "The event network cannot be turned on: this laptop cannot listen on the "
                "address {address} ({error}).",
                address=self.bind, error=problem.strerror or problem,
            ) from problem
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        self._watcher = asyncio.get_running_loop().create_task(self._watch_feed())
        self.running = True
        log.info("serving event %d on %s", self.network.event_id, ", ".join(self.urls()))

    async def stop(self) -> None:
        """Stop listening; desks waiting for changes are answered at once."""
        if not self.running:
            return
        self.running = False
        self._stopping = True
        self._wake()
        if self.web is not None:
            self.web.hall_changed()
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
            self._watcher = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        log.info("stopped serving event %d", self.network.event_id)

    # -- addresses ----------------------------------------------------------------------

    def urls(self) -> list[str]:
        """``http://<address>:<port>`` for each IPv4 address it listens on, loopback last."""
        if self.bind not in ("0.0.0.0", "", "::"):
            return [f"http://{self.bind}:{self.port}"]
        return [f"http://{address}:{self.port}" for address in local_ipv4_addresses()]

    def join_url(self, url: str) -> str:
        """The text a desk joins with (also the QR code's content)."""
        return f"{url}/join?code={self.network.pairing_code}"

    # -- the change feed -------------------------------------------------------------------

    def _wake(self) -> None:
        """Wake every request waiting for changes (they look at the feed again)."""
        if self._changed is not None:
            changed, self._changed = self._changed, asyncio.Event()
            changed.set()

    def look_at_feed(self) -> int:
        """Read the feed's last number; wake the waiting requests when it grew."""
        seq = self.network.current_seq()
        if seq != self._seq:
            self._seq = seq
            self._wake()
        return seq

    async def _watch_feed(self) -> None:
        """While someone waits: look at the feed every POLL_SECONDS (other programs and
        the host's own screens write to it too)."""
        while True:
            await asyncio.sleep(POLL_SECONDS)
            if not self._waiting:
                continue
            try:
                self.look_at_feed()
            except Exception:  # a busy or closed database: keep watching, say it once
                log.exception("the change feed could not be read")
                await asyncio.sleep(1.0)

    def _revoked(self) -> None:
        """A device was revoked: the waiting long-polls look again at who asks."""
        self._revocations += 1
        self._wake()

    async def _wait_for_change(self, since: int, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        revocations = self._revocations
        self._waiting += 1
        try:
            while not self._stopping and self._seq <= since and (
                    self._revocations == revocations):
                remaining = deadline - loop.time()
                changed = self._changed
                if remaining <= 0 or changed is None:
                    return
                try:
                    await asyncio.wait_for(changed.wait(), remaining)
                except TimeoutError:
                    return
        finally:
            self._waiting -= 1

    # -- requests ----------------------------------------------------------------------------

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        self.requests_served += 1
        self.last_request_at = self.network.clock()
        try:
            if self._stopping:
                raise _Stopping
            response = await handler(request)
        except _Stopping:
            response = self._stopping_answer()
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            message = exc.reason
            if exc.status == 413:
                message = text(
                    "Permintaan terlalu besar (lebih dari {limit} MB); tidak ada yang diubah.",
                    "The request is too large (over {limit} MB); nothing was changed.",
                    limit=MAX_BODY_BYTES // (1024 * 1024),
                )
            response = _error(exc.status, message)
        except PairingError as exc:
            if exc.retry_after:
                response = _error(429, str(exc), headers={"Retry-After": str(exc.retry_after)})
            else:
                response = _error(403, str(exc))
        except AuthError as exc:
            response = _error(401, str(exc), "revoked" if exc.revoked else "unauthorized")
        except RoleError as exc:
            response = _error(403, str(exc), "wrong_role")
        except WrongEventError as exc:
            response = _error(409, str(exc))
        except DatabaseBusyError as exc:
            response = _error(503, str(exc), headers={"Retry-After": "1"})
        except (ProtocolError, ValidationError) as exc:
            response = _error(400, str(exc))
        except RakorError as exc:
            response = _error(400, str(exc))
        except Exception:  # a fault of the host: logged in full, the desk tries again later
            if self._stopping:  # turned off under a running request (its database closed)
                log.info("%s %s ended by the network turned off", request.method, request.path)
                return self._stopping_answer()
            log.exception("%s %s failed", request.method, request.path)
            response = _error(500, text(
                "Laptop sekretariat mengalami kesalahan; meja akan mencoba lagi.",
                "The secretariat laptop met an error; the desk will try again.",
            ), "internal")
        log.debug("%s %s %d", request.method, request.path, response.status)
        return response

    def _stopping_answer(self) -> web.Response:
        """503 while the network is being turned off: the desk or page tries again."""
        return _error(503, text(
            "Jaringan acara sedang dimatikan di laptop sekretariat; meja akan mencoba lagi.",
            "The event network is being turned off on the secretariat laptop; the desk "
            "will try again.",
        ), headers={"Retry-After": "1"})

    def _desk(self, request: web.Request) -> PairedDesk:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            token = ""
        return self.network.authenticate(
            token.strip(), request.headers.get(EVENT_HEADER, "").strip(), request.remote or ""
        )

    async def _body(self, request: web.Request) -> Any:
        raw = await request.read()  # over client_max_size: 413
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):  # [[[[… nested too deep
            raise _bad_request(text("bukan JSON", "not JSON")) from None

    async def _pair(self, request: web.Request) -> web.StreamResponse:
        pairing = PairRequest.from_json(await self._body(request))
        if pairing.protocol != PROTOCOL_VERSION:
            raise ValidationError(
                "Versi Rakor Desktop di meja ini tidak cocok dengan laptop sekretariat "
                "(protokol {theirs}, di sini {ours}). Pasang versi yang sama di keduanya.",
                "The Rakor Desktop version of this desk does not match the secretariat "
                "laptop's (protocol {theirs}, here {ours}). Install the same version on both.",
                theirs=pairing.protocol, ours=PROTOCOL_VERSION,
            )
        token, desk = self.network.pair(pairing.pairing_code, pairing.desk_name,
                                        request.remote or "", pairing.role)
        answer = PairAnswer(token=token, desk_id=desk.id, event=self.network.event(),
                            server_time=self.network.clock())
        return _json_response(answer.to_json())

    async def _snapshot(self, request: web.Request) -> web.StreamResponse:
        self._desk(request)
        return _json_response(self.network.snapshot().to_json(), request)

    async def _changes(self, request: web.Request) -> web.StreamResponse:
        self._desk(request)
        try:
            since = int(request.query.get("since", ""))
            wait = float(request.query.get("wait", "0"))
        except ValueError:
            raise _bad_request("since, wait") from None
        if not 0 <= since <= 2**62 or not 0 <= wait < float("inf"):
            raise _bad_request("since, wait")
        wait = min(wait, MAX_WAIT_SECONDS)
        if self.look_at_feed() == since and wait > 0:  # (beyond the feed: answered now)
            await self._wait_for_change(since, wait)
            if self._stopping:
                raise _Stopping
            self._desk(request)  # revoked while it waited: 401 now
        return _json_response(self.network.changes_since(since).to_json(), request)

    async def _entries(self, request: web.Request) -> web.StreamResponse:
        desk = self._desk(request)  # before reading the body: no token, nothing read
        batch = EntriesRequest.from_json(await self._body(request))
        acks = self.network.apply_entries(desk, batch)
        seq = self.look_at_feed()  # wakes the other desks' long-polls at once
        answer = EntriesAnswer(acks=tuple(acks), seq=seq, server_time=self.network.clock())
        return _json_response(answer.to_json())

    async def _status(self, request: web.Request) -> web.StreamResponse:
        desk = self._desk(request)
        answer = StatusAnswer(desk_id=desk.id, desk_name=desk.name,
                              event_uid=self.network.event_uid,
                              server_time=self.network.clock())
        return _json_response(answer.to_json())

    async def _join(self, request: web.Request) -> web.StreamResponse:
        """A page for someone who opened the join link in a browser: how to join."""
        code = request.query.get("code", "")
        return web.Response(text=join_page(code), content_type="text/html", charset="utf-8")


def join_page(code: str) -> str:
    """The little page of ``/join``: open Rakor Desktop and join as a desk (both languages).

    It shows the code of the link that was opened (6 digits, else none), never the
    host's own: the page needs no token and tells nothing of the event.
    """
    shown = code if len(code) == 6 and code.isdigit() else ""
    code_id = f", kode <b>{html.escape(shown)}</b>" if shown else ""
    code_en = f", code <b>{html.escape(shown)}</b>" if shown else ""
    menu_id = html.escape("Berkas → Gabung sebagai meja…")
    return (
        "<!doctype html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Rakor Desktop</title></head><body style=\"font-family:sans-serif\">"
        f"<p lang=\"id\">Buka Rakor Desktop di laptop lalu pilih <b>{menu_id}</b>{code_id}.</p>"
        f"<p lang=\"en\">Open Rakor Desktop on a laptop and choose <b>{menu_id}</b>{code_en}.</p>"
        "</body></html>\n"
    )


# -- this machine's addresses ------------------------------------------------------------------


def local_ipv4_addresses() -> list[str]:
    """The IPv4 addresses of this machine, those of a local network first, loopback last.

    Only the standard library: the host name's addresses (all interfaces on Windows) and
    the address the system would send from towards a few destinations (no packet is
    sent: a UDP socket is only connected).
    """
    found: list[str] = []
    with contextlib.suppress(OSError):
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    for probe in ("10.255.255.255", "172.16.255.255", "192.168.255.255", "192.0.2.1"):
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect((probe, 9))
            found.append(str(s.getsockname()[0]))
    addresses: list[ipaddress.IPv4Address] = []
    for value in found:
        with contextlib.suppress(ValueError):
            address = ipaddress.IPv4Address(value)
            if not address.is_unspecified and not address.is_loopback and address not in addresses:
                addresses.append(address)
    addresses.sort(key=lambda a: (not a.is_private, a.is_link_local, a.packed))
    return [str(a) for a in addresses] + ["127.0.0.1"]


# -- serving without a window (rakor serve) ------------------------------------------------------


async def serve_until_stopped(network: HostNetwork, *, bind: str = "0.0.0.0",
                              port: int = DEFAULT_PORT,
                              on_listening: Callable[[str], None] | None = None) -> None:
    """Serve ``network`` until SIGTERM or SIGINT (Ctrl+C), then stop cleanly.

    ``on_listening`` hears the first address once the server listens.
    """
    import signal

    server = NetworkServer(network, bind=bind, port=port)
    await server.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    handled: list[signal.Signals] = []
    for number in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(number, stop.set)
            handled.append(number)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows: Ctrl+C raises
            pass
    try:
        if on_listening is not None:
            on_listening(server.urls()[0])
        await stop.wait()
    finally:
        for number in handled:
            loop.remove_signal_handler(number)
        await server.stop()
