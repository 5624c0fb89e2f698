"""The host's pages for phones and tablets in the hall (issue 14) and their APIs (aiohttp).

Mounted on the venue network's server (:meth:`NetworkServer.make_app`) next to the
desks' API. Pages (plain HTML/CSS/JS from ``resources/web``, every text put in with
``textContent``):

``/m``
    the moderator's tablet (paired with the one-time link ``/m?pair=CODE``);
``/p``
    the hall screen for a PC driving the projector (``/p?pair=CODE``);
``/tanya``
    a question from the floor (public);
``/hadir``
    self check-in with the rotating code of the entrance's QR (``/hadir?k=CODE``).

APIs, all under ``/api/v1``:

``GET /hall?since=<etag>&wait=S`` (moderator or projector token)
    the hall's state (:func:`rakor_desktop.network.hall.hall_state`), answered at once
    when its etag is not ``since``, else when it changes (looked at every
    :data:`HALL_POLL_SECONDS` while someone waits) or after S seconds (≤ 25).
``POST /moderator/<action>`` (moderator token)
    ``next_asker {question, version}``, ``answered {question, version, answered_by}``,
    ``termin_step {termin, version}`` (close the termin, or open the next),
    ``cap {termin, version, max_askers}``, ``highlight {question, version}`` (show it on
    the hall screen; ``question`` "": show none), ``speaker_minute {speaker,
    allotted_seconds}``, ``accept {floor_question, version}``, ``set_aside
    {floor_question, version}``. Rows are named by uid with the version the page saw;
    a stale one is 409 ``conflict`` (nothing applied) with the latest state.
    Every answer carries the new state (``hall``).
``GET /public/info``
    the event's title and the names a question may be addressed to.
``GET /public/search?q=`` → ``{results: [{ref, name, instansi}]}``
    the floor page's "who are you" (3 letters or more, at most 5, no NIP or phone).
``POST /public/questions {question, ref | asker_name + asker_instansi, addressed_to, uid}``
    a question from the floor into the moderator's incoming list.
``POST /public/checkin/lookup {k, code | name + phone_last4}`` → ``{results: [...]}``
``POST /public/checkin {k, ref, signature_png}`` → ``{status, name, checked_in_time}``
``POST /public/walkins {k, name, jabatan, instansi, phone, signature_png}``
    self check-in (``k``: the rotating code; signatures are PNG in base64).

The public pages are limited per device: a random HttpOnly cookie
(:data:`DEVICE_COOKIE`, signed by the server, given with every page) together with the
address. Searches :data:`SEARCHES_PER_MINUTE`, submissions :data:`SUBMISSIONS_PER_MINUTE`
a minute (a self check-in's lookup counts as a submission: it tries phone digits);
beyond that 429 and nothing is read or stored. Requests without a cookie the server
signed share their address's allowance, and one address is given at most
:data:`NEW_DEVICES_PER_MINUTE` new cookies a minute, so throwing cookies away gains
little. (A benchmark that plays many phones from one machine gives each its own loopback
address, 127.0.0.N, and keeps the cookie of its page.) Errors are JSON ``{error,
message, message_id, message_en}`` (the pages show the message in their own language).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import logging
import math
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiohttp import web

from rakor_desktop import paths
from rakor_desktop.formatting import format_clock, format_name
from rakor_desktop.messages import (
    ConflictError,
    NotFoundError,
    RakorError,
    ValidationError,
    text,
)
from rakor_desktop.operations import discussion, selfcheckin
from rakor_desktop.operations import floor as floor_ops
from rakor_desktop.operations import rundown as rundown_ops
from rakor_desktop.storage.database import DatabaseBusyError

from . import hall
from .host import AuthError, PairedDesk, RoleError, WrongEventError
from .protocol import API_PREFIX, EVENT_HEADER, MAX_WAIT_SECONDS, ProtocolError

if TYPE_CHECKING:
    from .server import NetworkServer

log = logging.getLogger("rakor.network.web")

#: The pages and the file each one is.
PAGES = {"/m": "m.html", "/p": "p.html", "/tanya": "tanya.html", "/hadir": "hadir.html"}
#: What may be served from ``resources/web`` under ``/web/<name>``, by suffix.
ASSET_TYPES = {
    ".js": "application/javascript", ".css": "text/css", ".png": "image/png",
    ".svg": "image/svg+xml", ".ico": "image/x-icon",
}
#: The security headers of every page: its own scripts and styles only, no frames.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

DEVICE_COOKIE = "rakor_device"
SEARCHES_PER_MINUTE = 30
SUBMISSIONS_PER_MINUTE = 5
#: New device cookies one address is given a minute (beyond: its requests share the
#: address's own allowance, so a flood that throws its cookie away gains nothing).
NEW_DEVICES_PER_MINUTE = 60
#: How often the hall's etag is looked at while a page waits.
HALL_POLL_SECONDS = 0.1
#: Bodies of the public requests without a signature.
MAX_PUBLIC_BODY = 16 * 1024
#: A signature in base64 (the PNG itself at most 2 MB).
MAX_SIGNATURE_BASE64 = 2_800_000

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


# -- errors ------------------------------------------------------------------------------------


class TooManyRequests(RakorError):
    """A device of a public page sent more than its allowance (429)."""

    def __init__(self, seconds: int) -> None:
        super().__init__(
            "Terlalu banyak permintaan dari perangkat ini. Coba lagi dalam {seconds} detik.",
            "Too many requests from this device. Try again in {seconds} seconds.",
            seconds=seconds,
        )
        self.retry_after = seconds


class CodeExpired(RakorError):
    """The rotating code of the self check-in page is wrong or too old."""

    def __init__(self) -> None:
        super().__init__(
            "Kode QR sudah kedaluwarsa atau salah. Pindai lagi kode QR di pintu masuk atau "
            "di layar aula.",
            "The QR code has expired or is wrong. Scan the QR code at the entrance or on "
            "the hall screen again.",
        )


def error_response(status: int, code: str, exc: RakorError | str,
                   headers: dict[str, str] | None = None,
                   extra: dict[str, Any] | None = None) -> web.Response:
    """``{error, message, message_id, message_en}`` with ``status``."""
    body: dict[str, Any] = {"error": code}
    if isinstance(exc, RakorError):
        body.update(message=str(exc), message_id=exc.indonesian, message_en=exc.english)
    else:
        body["message"] = exc
    body.update(extra or {})
    return web.json_response(body, status=status, headers=headers,
                             dumps=lambda v: json.dumps(v, ensure_ascii=False))


def _json(value: dict[str, Any], *, headers: dict[str, str] | None = None) -> web.Response:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return web.Response(body=body, content_type="application/json", charset="utf-8",
                        headers={"Cache-Control": "no-store", **(headers or {})})


def _bad(detail: str) -> ValidationError:
    return ValidationError(
        "Permintaan tidak dapat dipahami ({detail}); tidak ada yang diubah.",
        "The request cannot be understood ({detail}); nothing was changed.",
        detail=detail,
    )


# -- rate limiting -----------------------------------------------------------------------------


class RateLimiter:
    """At most ``limit`` events per key in any ``window`` seconds (a sliding window).

    Memory stays bounded: keys with nothing in the window are dropped now and then.
    """

    def __init__(self, limit: int, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._next_sweep = 0.0

    def hit(self, key: str) -> int:
        """Count one event of ``key``: 0 when allowed, else the seconds to wait (and the
        event is not counted)."""
        now = self._clock()
        if now >= self._next_sweep:
            self._sweep(now)
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) >= self.limit:
            return max(1, math.ceil(events[0] + self.window - now))
        events.append(now)
        return 0

    def _sweep(self, now: float) -> None:
        self._next_sweep = now + self.window
        for key in [k for k, v in self._events.items() if not v or v[-1] <= now - self.window]:
            del self._events[key]


# -- the routes ----------------------------------------------------------------------------------


def web_folder() -> Path:
    """Where the pages are (``resources/web``, bundled)."""
    return paths.resource("web")


class HallWeb:
    """The pages and their APIs on one :class:`NetworkServer` (see the module docstring)."""

    def __init__(self, server: NetworkServer, *, folder: Path | None = None) -> None:
        self.server = server
        self.network = server.network
        self.folder = folder or web_folder()
        self._files: dict[str, bytes] = {}
        self._secret = secrets.token_bytes(32)
        self.searches = RateLimiter(SEARCHES_PER_MINUTE)
        self.submissions = RateLimiter(SUBMISSIONS_PER_MINUTE)
        self.new_devices = RateLimiter(NEW_DEVICES_PER_MINUTE)
        self._hall_changed: asyncio.Event | None = None
        #: How many pages of each role wait, and the etag the watcher saw last.
        self._waiting: dict[hall.HallRole, int] = {}
        self._etags: dict[hall.HallRole, str] = {}
        self._watcher: asyncio.Task[None] | None = None

    # -- mounting ------------------------------------------------------------------------------

    def mount(self, app: web.Application) -> None:
        """Add the pages and the APIs to ``app``."""
        self._load_files()
        for path in PAGES:
            app.router.add_get(path, self._page)
        app.router.add_get("/web/{name}", self._asset)
        app.router.add_get("/favicon.ico", self._no_icon)
        api = API_PREFIX
        app.router.add_get(f"{api}/hall", self._guard(self._hall))
        app.router.add_post(f"{api}/moderator/{{action}}", self._guard(self._moderator))
        app.router.add_get(f"{api}/public/info", self._guard(self._info))
        app.router.add_get(f"{api}/public/search", self._guard(self._search))
        app.router.add_post(f"{api}/public/questions", self._guard(self._question))
        app.router.add_post(f"{api}/public/checkin/lookup", self._guard(self._checkin_lookup))
        app.router.add_post(f"{api}/public/checkin", self._guard(self._checkin))
        app.router.add_post(f"{api}/public/walkins", self._guard(self._walkin))
        app.on_shutdown.append(self._on_shutdown)

    def _load_files(self) -> None:
        """Read the pages and their assets once (a few tens of KB)."""
        self._files = {}
        if not self.folder.is_dir():
            log.warning("the web pages are missing: %s", self.folder)
            return
        for file in sorted(self.folder.iterdir()):
            if file.is_file() and (file.suffix in ASSET_TYPES or file.suffix == ".html"):
                self._files[file.name] = file.read_bytes()

    async def _on_shutdown(self, _app: web.Application) -> None:
        self._wake_hall()
        if self._watcher is not None:
            self._watcher.cancel()

    # -- errors of the pages' APIs --------------------------------------------------------------

    def _guard(self, handler: Handler) -> Handler:
        """Answer the pages' errors as JSON in both languages (the server's middleware
        still answers 413, 500 and the stopping server's 503)."""

        async def guarded(request: web.Request) -> web.StreamResponse:
            try:
                return await handler(request)
            except TooManyRequests as exc:
                return error_response(429, "too_many_requests", exc,
                                      headers={"Retry-After": str(exc.retry_after)})
            except CodeExpired as exc:
                return error_response(400, "code_expired", exc)
            except ConflictError as exc:
                return error_response(409, "conflict", exc,
                                      extra={"hall": self._state_or_none("moderator")})
            except AuthError as exc:
                return error_response(401, "revoked" if exc.revoked else "unauthorized", exc)
            except RoleError as exc:
                return error_response(403, "wrong_role", exc)
            except WrongEventError as exc:
                return error_response(409, "wrong_event", exc)
            except NotFoundError as exc:
                return error_response(404, "not_found", exc)
            except DatabaseBusyError as exc:
                return error_response(503, "unavailable", exc, headers={"Retry-After": "1"})
            except ProtocolError as exc:
                return error_response(400, "bad_request", _bad(str(exc)))
            except ValidationError as exc:
                return error_response(400, "bad_request", exc,
                                      extra=self._conflict_extra(request))
            except RakorError as exc:
                return error_response(400, "bad_request", exc)

        return guarded

    def _conflict_extra(self, request: web.Request) -> dict[str, Any]:
        """A refused moderator's action carries the latest state too (the page redraws)."""
        if request.path.startswith(f"{API_PREFIX}/moderator/"):
            return {"hall": self._state_or_none("moderator")}
        return {}

    def _state_or_none(self, role: hall.HallRole) -> dict[str, Any] | None:
        try:
            return self._state(role)
        except Exception:  # the refusal matters more than the state
            log.exception("the hall's state could not be read")
            return None

    # -- pages -------------------------------------------------------------------------------------

    async def _page(self, request: web.Request) -> web.StreamResponse:
        body = self._files.get(PAGES[request.path])
        if body is None:
            raise web.HTTPNotFound()
        response = web.Response(body=body, content_type="text/html", charset="utf-8",
                                headers={**PAGE_HEADERS, "Cache-Control": "no-store"})
        self._device(request, response)
        return response

    async def _no_icon(self, _request: web.Request) -> web.StreamResponse:
        """Browsers ask for it on every page; there is none (and no 404 in their logs)."""
        return web.Response(status=204)

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        suffix = Path(name).suffix
        body = self._files.get(name)
        if body is None or suffix not in ASSET_TYPES or "/" in name or name.startswith("."):
            raise web.HTTPNotFound()
        charset = "utf-8" if suffix in (".js", ".css", ".svg") else None
        return web.Response(body=body, content_type=ASSET_TYPES[suffix], charset=charset,
                            headers={"X-Content-Type-Options": "nosniff",
                                     "Cache-Control": "no-cache"})

    # -- devices and their allowance ------------------------------------------------------

    def _sign(self, value: str) -> str:
        return hmac.new(self._secret, value.encode("ascii"), hashlib.sha256).hexdigest()[:20]

    def _valid_cookie(self, cookie: str) -> bool:
        value, _, signature = cookie.partition(".")
        return (bool(value) and len(cookie) <= 80 and value.isascii()
                and hmac.compare_digest(signature, self._sign(value)))

    def _device(self, request: web.Request, response: web.StreamResponse | None = None) -> str:
        """The device key of a request: its address and its cookie when the server signed
        it (else the address alone). A device without one is given one on ``response``
        (at most :data:`NEW_DEVICES_PER_MINUTE` per address)."""
        address = request.remote or ""
        cookie = request.cookies.get(DEVICE_COOKIE, "")
        if self._valid_cookie(cookie):
            return f"{address}|{cookie}"
        if response is not None and not self.new_devices.hit(address):
            value = secrets.token_urlsafe(12)
            response.set_cookie(DEVICE_COOKIE, f"{value}.{self._sign(value)}", httponly=True,
                                samesite="Strict", path="/", max_age=7 * 24 * 3600)
        return f"{address}|"

    def _allow(self, limiter: RateLimiter, request: web.Request) -> str:
        """Count one request of the device against ``limiter``; returns the device key.

        Raises:
            TooManyRequests: over the allowance (nothing is read or stored).
        """
        device = self._device(request)
        wait = limiter.hit(device)
        if wait:
            log.info("%s: too many requests from a device at %s", request.path,
                     request.remote or "?")
            raise TooManyRequests(wait)
        return device

    async def _body(self, request: web.Request, allowed: tuple[str, ...],
                    limit: int = MAX_PUBLIC_BODY) -> dict[str, Any]:
        """The JSON object of a request: only ``allowed`` fields, text or numbers."""
        if request.content_type != "application/json":
            raise _bad(text("bukan JSON", "not JSON"))
        if request.content_length is not None and request.content_length > limit:
            raise _bad(text("terlalu besar", "too large"))
        raw = await request.read()
        if len(raw) > limit:
            raise _bad(text("terlalu besar", "too large"))
        try:
            value = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise _bad(text("bukan JSON", "not JSON")) from None
        if not isinstance(value, dict):
            raise _bad(text("bukan objek JSON", "not a JSON object"))
        unknown = sorted(set(value) - set(allowed))
        if unknown:
            raise _bad(f"{unknown[0][:40]!r}")
        for key, item in value.items():
            if isinstance(item, bool) or not isinstance(item, str | int | None):
                raise _bad(key)
        return value

    @staticmethod
    def _text(body: dict[str, Any], name: str, limit: int = 5000) -> str:
        value = body.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise _bad(name)
        if len(value) > limit:
            raise _bad(name)
        return value

    @staticmethod
    def _int(body: dict[str, Any], name: str) -> int:
        value = body.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**62:
            raise _bad(name)
        return value

    # -- the hall (moderator and projector) --------------------------------------------------

    def _token_device(self, request: web.Request, roles: tuple[str, ...]) -> PairedDesk:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            token = ""
        return self.network.authenticate(
            token.strip(), request.headers.get(EVENT_HEADER, "").strip(), request.remote or "",
            roles=roles,
        )

    def _state(self, role: hall.HallRole) -> dict[str, Any]:
        return hall.hall_state(self.network.storage, self.network.event_id, role=role,
                               clock=self.network.clock)

    def _etag(self, role: hall.HallRole) -> str:
        return hall.hall_etag(self.network.storage, self.network.event_id, role=role)

    def _wake_hall(self) -> None:
        if self._hall_changed is not None:
            changed, self._hall_changed = self._hall_changed, asyncio.Event()
            changed.set()

    def hall_changed(self) -> None:
        """Wake every page waiting for the hall's state (after a change made here)."""
        self._wake_hall()

    async def _watch_hall(self) -> None:
        """While a page waits: look at the etags every HALL_POLL_SECONDS (the host's
        screens and other programs change the record too)."""
        try:
            while any(self._waiting.values()):
                await asyncio.sleep(HALL_POLL_SECONDS)
                try:
                    seen = {role: self._etag(role)
                            for role, count in list(self._waiting.items()) if count}
                except Exception:  # a busy database: keep watching
                    log.exception("the hall's state could not be read")
                    await asyncio.sleep(1.0)
                    continue
                if any(self._etags.get(role) != etag for role, etag in seen.items()):
                    self._etags.update(seen)
                    self._wake_hall()
        finally:
            self._watcher = None

    async def _hall(self, request: web.Request) -> web.StreamResponse:
        device = self._token_device(request, ("moderator", "projector"))
        role: hall.HallRole = "moderator" if device.role == "moderator" else "projector"
        since = request.query.get("since", "")
        try:
            wait = min(float(request.query.get("wait", "0")), MAX_WAIT_SECONDS)
        except ValueError:
            raise _bad("wait") from None
        if not 0 <= wait < float("inf") or len(since) > 64:
            raise _bad("since, wait")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        etag = self._etag(role)
        if etag == since and wait > 0:
            if not self._waiting.get(role):
                self._etags[role] = etag
            if self._hall_changed is None:
                self._hall_changed = asyncio.Event()
            self._waiting[role] = self._waiting.get(role, 0) + 1
            if self._watcher is None:
                self._watcher = loop.create_task(self._watch_hall())
            try:
                while etag == since and not self.server.stopping:
                    remaining = deadline - loop.time()
                    if remaining <= 0:
                        break
                    changed = self._hall_changed
                    try:
                        await asyncio.wait_for(changed.wait(), remaining)
                    except TimeoutError:
                        break
                    etag = self._etag(role)
            finally:
                self._waiting[role] -= 1
        return _json(self._state(role))

    # -- the moderator's actions ---------------------------------------------------------------

    async def _moderator(self, request: web.Request) -> web.StreamResponse:
        self._token_device(request, ("moderator",))  # before reading the body
        action = request.match_info["action"]
        actions: dict[str, tuple[tuple[str, ...], Callable[[dict[str, Any]], None]]] = {
            "next_asker": (("question", "version"), self._next_asker),
            "answered": (("question", "version", "answered_by"), self._answered),
            "termin_step": (("termin", "version"), self._termin_step),
            "cap": (("termin", "version", "max_askers"), self._cap),
            "speaker_minute": (("speaker", "allotted_seconds"), self._speaker_minute),
            "highlight": (("question", "version"), self._highlight),
            "accept": (("floor_question", "version"), self._accept),
            "set_aside": (("floor_question", "version"), self._set_aside),
        }
        if action not in actions:
            raise web.HTTPNotFound()
        fields, run = actions[action]
        body = await self._body(request, fields)
        run(body)
        self.hall_changed()
        return _json({"ok": True, "hall": self._state("moderator")})

    def _question_id(self, body: dict[str, Any]) -> int:
        question = self.network.storage.get_question_by_uid(self._text(body, "question", 64))
        if question is None or question.id is None or question.event_id != self.network.event_id:
            raise ConflictError()  # gone since the page saw it
        return question.id

    def _next_asker(self, body: dict[str, Any]) -> None:
        discussion.next_asker(self.network.storage, self.network.event_id,
                              question_id=self._question_id(body),
                              expected_version=self._int(body, "version"))

    def _answered(self, body: dict[str, Any]) -> None:
        discussion.mark_answered(self.network.storage, self.network.event_id,
                                 self._question_id(body),
                                 expected_version=self._int(body, "version"),
                                 answered_by=self._text(body, "answered_by", 200))

    def _highlight(self, body: dict[str, Any]) -> None:
        """Show a question on the hall screen (``question`` "": show none)."""
        if not self._text(body, "question", 64):
            discussion.highlight_question(self.network.storage, self.network.event_id, None)
            return
        discussion.highlight_question(self.network.storage, self.network.event_id,
                                      self._question_id(body),
                                      expected_version=self._int(body, "version"))

    def _current_termin_id(self, body: dict[str, Any]) -> int | None:
        """The current termin, which the page names (its uid; "" when it saw none)."""
        named = self._text(body, "termin", 64)
        termin = discussion.current_termin(self.network.storage, self.network.event_id)
        if (termin.uid if termin is not None else "") != named:
            raise ConflictError()
        return None if termin is None else termin.id

    def _termin_step(self, body: dict[str, Any]) -> None:
        """Close the open termin (the answers), or open the next one; the page names the
        termin it saw (none: it opens the first) and its version."""
        storage = self.network.storage
        with storage.transaction():
            termin_id = self._current_termin_id(body)
            if termin_id is None:
                discussion.advance_termin(storage, self.network.event_id,
                                          clock=self.network.clock)
            else:
                discussion.advance_termin(
                    storage, self.network.event_id, clock=self.network.clock,
                    termin_id=termin_id, expected_version=self._int(body, "version"),
                )

    def _cap(self, body: dict[str, Any]) -> None:
        storage = self.network.storage
        with storage.transaction():
            termin_id = self._current_termin_id(body)
            if termin_id is None:
                raise ConflictError()
            if storage.termin_version(termin_id) != self._int(body, "version"):
                raise ConflictError()
            discussion.set_termin_max_askers(storage, termin_id, self._int(body, "max_askers"))

    def _speaker_minute(self, body: dict[str, Any]) -> None:
        """+1 minute for the speaker with the floor, if the page saw that speaker with the
        time allotted now (two taps on two tablets give one minute)."""
        storage = self.network.storage
        with storage.transaction():
            live = rundown_ops.live_speaker(storage, self.network.event_id)
            speaker = None if live is None else live.speaker
            if (speaker is None or speaker.id is None
                    or speaker.uid != self._text(body, "speaker", 64)
                    or speaker.allotted_seconds != self._int(body, "allotted_seconds")):
                raise ConflictError()
            rundown_ops.add_speaker_time(storage, speaker.id, 60)

    def _floor_id(self, body: dict[str, Any]) -> int:
        found = self.network.storage.get_floor_question_by_uid(
            self._text(body, "floor_question", 64))
        if found is None or found.id is None or found.event_id != self.network.event_id:
            raise ConflictError()
        return found.id

    def _accept(self, body: dict[str, Any]) -> None:
        floor_ops.accept_floor_question(
            self.network.storage, self._floor_id(body),
            expected_version=self._int(body, "version"), event_id=self.network.event_id,
            clock=self.network.clock,
        )

    def _set_aside(self, body: dict[str, Any]) -> None:
        floor_ops.set_aside_floor_question(
            self.network.storage, self._floor_id(body),
            expected_version=self._int(body, "version"), event_id=self.network.event_id,
        )

    # -- the public pages --------------------------------------------------------------------

    async def _info(self, request: web.Request) -> web.StreamResponse:
        self._allow(self.searches, request)
        storage = self.network.storage
        row = storage.public_event_row(self.network.event_id)
        if row is None:
            raise NotFoundError.of("event", self.network.event_id)
        names: list[str] = []
        for speaker in storage.list_event_speakers(self.network.event_id):
            if speaker.name and speaker.name not in names:
                names.append(speaker.name)
        return _json({
            "event": {"title": row["title"], "venue": row["venue"], "date": row["date"],
                      "timezone": row["timezone"]},
            "addressees": names[:30],
            "server_time": self.network.clock().isoformat(timespec="milliseconds"),
        })

    async def _search(self, request: web.Request) -> web.StreamResponse:
        self._allow(self.searches, request)
        query = request.query.get("q", "")
        if len(query) > selfcheckin.MAX_NAME_CHARS:
            raise _bad("q")
        matches = selfcheckin.search_askers(self.network.storage, self.network.event_id,
                                            self.network.hall_keys, query)
        return _json({"results": [{"ref": m.ref, "name": m.name, "instansi": m.instansi}
                                  for m in matches]})

    async def _question(self, request: web.Request) -> web.StreamResponse:
        device = self._allow(self.submissions, request)
        body = await self._body(request, ("question", "ref", "asker_name", "asker_instansi",
                                          "addressed_to", "uid"))
        storage, event_id = self.network.storage, self.network.event_id
        ref = self._text(body, "ref", 64)
        asker_id = (selfcheckin.asker_of_ref(storage, event_id, self.network.hall_keys, ref)
                    if ref else None)
        floor = floor_ops.submit_floor_question(
            storage, event_id, question=self._text(body, "question"),
            asker_name="" if ref else self._text(body, "asker_name"),
            asker_instansi="" if ref else self._text(body, "asker_instansi"),
            asker_invitee_id=asker_id, addressed_to=self._text(body, "addressed_to"),
            device=device, uid=self._text(body, "uid", 64), clock=self.network.clock,
        )
        self.hall_changed()
        return _json({"status": "received", "uid": floor.uid})

    def _check_k(self, body: dict[str, Any], minutes: int) -> str:
        code = self._text(body, "k", 16)
        if not self.network.hall_keys.code_is_valid(code, minutes=minutes):
            raise CodeExpired()
        return code

    async def _checkin_lookup(self, request: web.Request) -> web.StreamResponse:
        # Counted as a submission: a name with the last four digits of a phone number is
        # a guess worth slowing down (a person needs one or two).
        self._allow(self.submissions, request)
        body = await self._body(request, ("k", "code", "name", "phone_last4"))
        code = self._check_k(body, selfcheckin.SEARCH_CODE_MINUTES)
        matches = selfcheckin.find_for_checkin(
            self.network.storage, self.network.event_id, self.network.hall_keys,
            rotating_code=code, invitation_code=self._text(body, "code", 32),
            name=self._text(body, "name", 400), phone_last4=self._text(body, "phone_last4", 20),
        )
        return _json({"results": [m.as_json() for m in matches]})

    def _signature(self, body: dict[str, Any]) -> bytes:
        encoded = self._text(body, "signature_png", MAX_SIGNATURE_BASE64)
        try:
            return base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError(
                "Tanda tangan harus berupa gambar PNG.", "The signature must be a PNG image."
            ) from None

    def _clock_text(self, moment: Any) -> str:
        row = self.network.storage.public_event_row(self.network.event_id)
        zone = row["timezone"] if row is not None else "WIB"
        return format_clock(moment, zone) if moment is not None else ""

    async def _checkin(self, request: web.Request) -> web.StreamResponse:
        self._allow(self.submissions, request)
        body = await self._body(request, ("k", "ref", "signature_png"),
                                limit=MAX_SIGNATURE_BASE64 + 4096)
        code = self._check_k(body, selfcheckin.SUBMIT_CODE_MINUTES)
        result = selfcheckin.phone_checkin(
            self.network.storage, self.network.event_id, self.network.hall_keys,
            rotating_code=code, ref=self._text(body, "ref", 64),
            signature_png=self._signature(body), clock=self.network.clock,
        )
        self.server.look_at_feed()  # the desks' long-polls hear of it at once
        person = result.invitee.person
        return _json({
            "status": "already_present" if result.already_present else "recorded",
            "name": format_name(person.name, person.front_titles, person.back_titles),
            "checked_in_time": self._clock_text(result.checked_in_at),
        })

    async def _walkin(self, request: web.Request) -> web.StreamResponse:
        device = self._allow(self.submissions, request)
        body = await self._body(request, ("k", "name", "jabatan", "instansi", "phone",
                                          "signature_png"), limit=MAX_SIGNATURE_BASE64 + 4096)
        code = self._check_k(body, selfcheckin.SUBMIT_CODE_MINUTES)
        walkin = selfcheckin.submit_phone_walk_in(
            self.network.storage, self.network.event_id, self.network.hall_keys,
            rotating_code=code, name=self._text(body, "name", 2000),
            jabatan=self._text(body, "jabatan", 2000), instansi=self._text(body, "instansi", 2000),
            phone=self._text(body, "phone", 1000), signature_png=self._signature(body),
            device=device, clock=self.network.clock,
        )
        return _json({"status": "waiting", "name": walkin.name, "uid": walkin.uid})
