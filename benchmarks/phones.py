"""Phones in the hall (issue 14): hundreds of phones against the host's window, a tap on
the moderator's page to the change on the projector page, and the pages' weight.

The host is the app's own window: a ``MainWindow`` (offscreen) on an event of 2,000
invitees, its event network turned on through the window's ``HostController`` (the
aiohttp server on Qt's event loop through qasync, exactly as the window serves), the
Diskusi page shown. A ``QTimer`` firing every 10 ms measures how late Qt's event loop
runs (its lateness is what a user feels as a window that does not respond); each stall
over 50 ms is listed with when it came and the GUI thread's CPU time over it (working, or
waiting), and full garbage collections are timed. ``--bare`` runs the server alone on
Qt's loop in a QApplication without a window (the server's own cost).

1. **Load** (``--phones 300 --questions 100 --minutes 5``): a client process (aiohttp,
   its own loop; each phone its own connection, cookie jar and loopback address
   127.1.x.y, as phones have their own) starts the phones evenly over the minutes, in a
   shuffled order, while a moderator page and a projector page long-poll the hall:

   - a **check-in** phone loads ``/hadir?k=<this minute's code>`` and its assets (as a
     browser with an empty cache), ``/public/info``, looks itself up by the code on its
     invitation, signs (a pause of 2-4 s) and sends a 600 x 220 signature PNG;
   - a **question** phone loads ``/tanya`` and its assets, ``/public/info``, searches
     its name as it is typed (two searches), writes (2-4 s) and sends a question.

   Reported: every request answered (status 200) or not, median / p95 / max latency of
   each kind of request and of all, the Qt event-loop lateness (median, p99, max) while
   serving and idle before, and the record checked at the end (each check-in once at
   station "ponsel" with its signature, each question in the incoming list).

2. **Tap → projector** (``--taps 30``): a termin with queued askers; the moderator calls
   the next asker (the projector shows the question) or marks it answered (the
   projector takes it off), alternately. Timed from just before the moderator's request
   is sent to the moment the projector's long-poll answer with the change arrives: by
   HTTP clients, and (``--browser``, when Debian's chromium is installed) between two
   headless Chromium pages (the click on the moderator page to the DOM change on the
   projector page, and to the next frame painted after it).

3. **Page weight**: the bytes of each page's first load (HTML and every asset it
   references), as served.

Usage::

    python benchmarks/phones.py                        # 300 + 100 phones over 5 minutes
    python benchmarks/phones.py --minutes 1            # the same crowd in one minute
    python benchmarks/phones.py --browser --json       # also Chromium's taps; JSON result
    python benchmarks/phones.py --bare                 # the server alone on Qt's loop

Exits 1 when a request was not answered or the record is not as sent. Figures and
their reading: docs/PERFORMANCE.md, "Phones in the hall".
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.checkin_search import percentile  # noqa: E402

MEDIAN_TARGET_MS = 200.0
LATENESS_P99_TARGET_MS = 50.0
TAP_TARGET_MS = 300.0
PAGE_LIMIT = 300_000
TIMER_MS = 10
HALL_SECRET = bytes(range(100, 132))  # the rotating code the clients compute
TAP_QUESTIONS = 40
PAGES = {
    "/m": ("style.css", "common.js", "m.js"),
    "/p": ("style.css", "common.js", "p.js"),
    "/tanya": ("style.css", "common.js", "people.js", "tanya.js"),
    "/hadir": ("style.css", "common.js", "people.js", "pad.js", "hadir.js"),
}


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0, "median": 0.0, "p95": 0.0, "p99": 0.0, "max": 0.0}
    return {"n": len(values), "median": round(statistics.median(values), 1),
            "p95": round(percentile(values, 0.95), 1), "p99": round(percentile(values, 0.99), 1),
            "max": round(max(values), 1)}


# -- the clients (a process of their own) ------------------------------------------------------


def page_assets(html: str) -> list[str]:
    """The scripts and style sheets a page's HTML refers to."""
    return re.findall(r'(?:src|href)="(/web/[^"]+)"', html)


class Phones:
    """The crowd of one load run (in the client process)."""

    def __init__(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self.base = plan["url"]
        self.samples: list[tuple[str, int, float]] = []  # (kind, status, ms)
        self.errors: list[str] = []
        self.signature = plan["signature_b64"]
        from rakor_desktop.operations.selfcheckin import HallKeys

        self.keys = HallKeys(bytes.fromhex(plan["secret"]))

    async def request(self, session: Any, kind: str, method: str, path: str,
                      body: Any = None) -> Any:
        import aiohttp

        started = time.perf_counter()
        try:
            async with session.request(method, self.base + path, json=body,
                                       timeout=aiohttp.ClientTimeout(total=60)) as response:
                raw = await response.read()
                status = response.status
        except Exception as exc:
            self.samples.append((kind, 0, (time.perf_counter() - started) * 1000))
            self.errors.append(f"{kind}: {type(exc).__name__}: {exc}")
            return None
        self.samples.append((kind, status, (time.perf_counter() - started) * 1000))
        if status != 200:
            self.errors.append(f"{kind}: {status} {raw[:200]!r}")
            return None
        if raw[:1] == b"{":
            return json.loads(raw.decode("utf-8"))
        return raw.decode("utf-8")

    async def load_page(self, session: Any, path: str) -> None:
        """A page and its assets, as a browser with an empty cache loads them."""
        html = await self.request(session, "page", "GET", path)
        if isinstance(html, str):
            await asyncio.gather(*(self.request(session, "asset", "GET", asset)
                                   for asset in page_assets(html)))
        await self.request(session, "info", "GET", "/api/v1/public/info")

    def session(self, number: int) -> Any:
        import aiohttp

        address = f"127.1.{number // 250}.{number % 250 + 1}"
        connector = aiohttp.TCPConnector(local_addr=(address, 0), limit=6)
        return aiohttp.ClientSession(connector=connector,
                                     cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def checkin(self, number: int, code: str, rng: random.Random) -> None:
        async with self.session(number) as session:
            k = self.keys.current_code()
            await self.load_page(session, f"/hadir?k={k}")
            found = await self.request(session, "lookup", "POST",
                                       "/api/v1/public/checkin/lookup", {"k": k, "code": code})
            if not found or not found.get("results"):
                self.errors.append(f"lookup of {code}: nothing found")
                return
            await asyncio.sleep(rng.uniform(2, 4) * self.plan["think"])
            await self.request(session, "checkin", "POST", "/api/v1/public/checkin",
                               {"k": k, "ref": found["results"][0]["ref"],
                                "signature_png": self.signature})

    async def question(self, number: int, name: str, rng: random.Random) -> None:
        async with self.session(number) as session:
            await self.load_page(session, "/tanya")
            word = max(re.findall(r"[A-Za-z]+", name), key=len)  # as it is typed
            await self.request(session, "search", "GET",
                               f"/api/v1/public/search?q={word[:3]}")
            found = await self.request(session, "search", "GET",
                                       f"/api/v1/public/search?q={quote(name)}")
            await asyncio.sleep(rng.uniform(2, 4) * self.plan["think"])
            body: dict[str, Any] = {
                "question": f"Pertanyaan nomor {number}: bagaimana kesiapan logistik di "
                            f"wilayah kami menjelang hari pemungutan suara?",
                "addressed_to": "Ketua KPU Kota Jambi",
            }
            results = (found or {}).get("results") or []
            if results:
                body["ref"] = results[0]["ref"]
            else:
                body.update(asker_name=name, asker_instansi="Kelurahan")
            await self.request(session, "question", "POST", "/api/v1/public/questions", body)

    async def hall_poller(self, token: str, stop: asyncio.Event) -> None:
        """A moderator's or projector's page waiting for the hall's changes."""
        import aiohttp

        headers = {"Authorization": f"Bearer {token}", "X-Rakor-Event": self.plan["event_uid"]}
        etag = ""
        async with aiohttp.ClientSession(headers=headers) as session:
            while not stop.is_set():
                got = await self.request(session, "hall", "GET",
                                         f"/api/v1/hall?since={etag}&wait=25")
                if got is None:
                    await asyncio.sleep(0.5)
                    continue
                etag = got["etag"]

    async def run(self) -> dict[str, Any]:
        plan = self.plan
        rng = random.Random(7)
        jobs: list[tuple[str, Any]] = [("checkin", c) for c in plan["codes"]]
        jobs += [("question", n) for n in plan["names"]]
        rng.shuffle(jobs)
        spread = plan["minutes"] * 60 * 0.9  # the last phones start a little before the end
        stop = asyncio.Event()
        pollers = [asyncio.ensure_future(self.hall_poller(t, stop)) for t in plan["tokens"]]
        started = time.perf_counter()
        tasks = []
        for number, (kind, what) in enumerate(jobs):
            wait = started + spread * number / max(1, len(jobs)) - time.perf_counter()
            if wait > 0:
                await asyncio.sleep(wait)
            run = self.checkin if kind == "checkin" else self.question
            tasks.append(asyncio.ensure_future(run(number, what, random.Random(number))))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - started
        stop.set()
        for poller in pollers:
            poller.cancel()
        await asyncio.gather(*pollers, return_exceptions=True)
        return {"samples": self.samples, "errors": self.errors[:20],
                "error_count": len(self.errors), "seconds": round(elapsed, 1),
                "phones": len(jobs)}


async def http_taps(plan: dict[str, Any]) -> dict[str, Any]:
    """The moderator's taps and the projector's long-poll, by HTTP (client process)."""
    import aiohttp

    base = plan["url"]

    def headers(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", "X-Rakor-Event": plan["event_uid"]}

    moderator_token, projector_token = plan["tokens"]
    samples: list[float] = []
    async with aiohttp.ClientSession(headers=headers(moderator_token)) as moderator, \
            aiohttp.ClientSession(headers=headers(projector_token)) as projector:
        async def hall(session: Any, since: str = "", wait: float = 0) -> dict[str, Any]:
            async with session.get(f"{base}/api/v1/hall?since={since}&wait={wait}") as r:
                assert r.status == 200, await r.text()
                return dict(await r.json())

        shown = await hall(projector)
        for number in range(plan["taps"]):
            state = await hall(moderator)
            bertanya = [q for q in state["queue"] if q["status"] == "bertanya"]
            if bertanya:
                action = "answered"
                body = {"question": bertanya[0]["uid"], "version": bertanya[0]["version"],
                        "answered_by": "Narasumber"}
            else:
                queued = [q for q in state["queue"] if q["status"] == "antre"]
                action = "next_asker"
                body = {"question": queued[0]["uid"], "version": queued[0]["version"]}
            waiting = asyncio.ensure_future(hall(projector, shown["etag"], 25))
            await asyncio.sleep(0.05)  # the projector's request is waiting at the host
            sent = time.perf_counter()
            async with moderator.post(f"{base}/api/v1/moderator/{action}", json=body) as r:
                assert r.status == 200, await r.text()
            shown = await waiting
            arrived = time.perf_counter()
            highlight = shown.get("highlight")
            if action == "next_asker":
                assert highlight and highlight["uid"] == body["question"], highlight
            else:
                assert highlight is None, highlight
            samples.append((arrived - sent) * 1000)
            await asyncio.sleep(0.2 if number % 2 else 0.35)
    return {"samples": samples}


def client_main(plan_file: Path) -> None:
    plan = json.loads(plan_file.read_text())
    if plan["mode"] == "load":
        result = asyncio.run(Phones(plan).run())
    else:
        result = asyncio.run(http_taps(plan))
    print("RESULT " + json.dumps(result), flush=True)


def run_client(plan: dict[str, Any], folder: Path) -> dict[str, Any]:
    plan_file = folder / f"plan-{plan['mode']}.json"
    plan_file.write_text(json.dumps(plan))
    done = subprocess.run([sys.executable, __file__, "--client", str(plan_file)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line[7:]))
    raise RuntimeError(f"the client failed: {done.stderr[-3000:]}")


# -- the host (this process) ---------------------------------------------------------------------


def make_database(folder: Path, invitees: int) -> tuple[Path, int]:
    """An event of ``invitees`` people, its first termin open with three askers queued
    (the record of a rakor under way)."""
    from benchmarks.fixtures import make_large_event
    from rakor_desktop.operations import discussion
    from rakor_desktop.storage import Storage

    db = folder / "host.sqlite3"
    event_id = make_large_event(db, invitees=invitees)
    storage = Storage.open(db, backup=False)
    try:
        termin = discussion.open_termin(storage, event_id)
        assert termin.id is not None
        for number in range(3):
            discussion.add_question(storage, termin.id, asker_name=f"Penanya {number + 1}",
                                    asker_instansi="Kecamatan Kotabaru",
                                    question=f"Pertanyaan {number + 1} tentang logistik?")
    finally:
        storage.close()
    return db, event_id


def open_tap_termin(db: Path, event_id: int) -> None:
    """A termin of TAP_QUESTIONS queued askers for the taps (its own connection: the
    window hears of it as of any change made elsewhere)."""
    from rakor_desktop.operations import discussion
    from rakor_desktop.storage import Storage

    storage = Storage.open(db, backup=False, check=False)
    try:
        termin = discussion.open_termin(storage, event_id, max_askers=TAP_QUESTIONS)
        assert termin.id is not None
        for number in range(TAP_QUESTIONS):
            discussion.add_question(storage, termin.id, asker_name=f"Penanya {number + 1}",
                                    asker_instansi="Kecamatan Kotabaru",
                                    question=f"Pertanyaan {number + 1} tentang logistik?")
    finally:
        storage.close()


def signature_png() -> bytes:
    """A signature as the pad sends it: 600 x 220 px (a phone's 300 x 110 at 2x), a few
    strokes in dark blue on a transparent background."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

    image = QImage(600, 220, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#0d1b5e"), 5.2))
    rng = random.Random(3)
    for stroke in range(3):
        path = QPainterPath(QPointF(60 + stroke * 160, 120))
        for step in range(12):
            path.lineTo(QPointF(60 + stroke * 160 + step * 12, 60 + rng.random() * 100))
        painter.drawPath(path)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def pair_role(url: str, network: Any, role: str) -> str:
    """Pair a moderator or projector page as its one-time link does; returns the token."""
    import urllib.request

    code = network.role_pairing_path(role).split("pair=", 1)[1]
    body = json.dumps({"pairing_code": code, "desk_name": f"bench {role}", "protocol": 1,
                       "role": role}).encode()
    request = urllib.request.Request(f"{url}/api/v1/pair", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return str(json.loads(answer.read())["token"])


def page_weights(url: str) -> dict[str, int]:
    """Bytes of each page's first load: the HTML and every asset it refers to."""
    import urllib.request

    weights: dict[str, int] = {}
    for page in PAGES:
        with urllib.request.urlopen(url + page, timeout=10) as answer:
            html = answer.read()
        total = len(html)
        for asset in page_assets(html.decode("utf-8")):
            with urllib.request.urlopen(url + asset, timeout=10) as answer:
                total += len(answer.read())
        weights[page] = total
    return weights


def browser_taps(url: str, network: Any, taps: int, folder: Path) -> dict[str, Any]:
    """The moderator's taps in one headless Chromium, the projector page in another."""
    from tests.web.conftest import browser_missing, start_chromium

    why = browser_missing()
    if why is not None:
        return {"skipped": why}
    moderator = start_chromium(folder / "chromium-m")
    projector = start_chromium(folder / "chromium-p")
    try:
        from selenium.webdriver.common.by import By

        projector.get(url + network.role_pairing_path("projector"))
        moderator.get(url + network.role_pairing_path("moderator"))
        time.sleep(2)
        projector.execute_script(
            "window.__changes = [];"
            "var note = function () { var t = performance.timeOrigin + performance.now();"
            "  requestAnimationFrame(function () {"
            "    window.__changes.push([t, performance.timeOrigin + performance.now()]); }); };"
            "new MutationObserver(note).observe(document.getElementById('body'),"
            "  {attributes: true, attributeFilter: ['class']});"
            "new MutationObserver(note).observe(document.getElementById('qtext'),"
            "  {childList: true, characterData: true, subtree: true});")
        dom: list[float] = []
        painted: list[float] = []
        for _ in range(taps):
            seen = projector.execute_script("return window.__changes.length;")
            answering = moderator.find_elements(By.CSS_SELECTOR,
                                                "#queue li.status-bertanya button.ok")
            target = answering[0] if answering else moderator.find_element(By.ID, "next-asker")
            tapped = moderator.execute_script(
                "var t = performance.timeOrigin + performance.now(); arguments[0].click();"
                "return t;", target)
            deadline = time.monotonic() + 10
            change = None
            while time.monotonic() < deadline:
                changes = projector.execute_script("return window.__changes;")
                if len(changes) > seen:
                    change = changes[seen]
                    break
                time.sleep(0.005)
            if change is None:
                raise RuntimeError("the projector page did not change after a tap")
            dom.append(change[0] - tapped)
            painted.append(change[1] - tapped)
            time.sleep(0.4)  # the moderator page has its new state; the next tap
        return {"dom": dom, "painted": painted}
    finally:
        moderator.quit()
        projector.quit()


def check_record(db: Path, event_id: int, codes: list[str], questions: int) -> dict[str, Any]:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        marks = ",".join("?" * len(codes))
        checkins = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT a.invitee_id) FROM attendance_log AS a "
            f"JOIN invitees AS i ON i.id = a.invitee_id WHERE i.checkin_code IN ({marks}) "
            "AND a.kind = 'checkin' AND a.station = 'ponsel'", codes).fetchone()
        signatures = conn.execute(
            "SELECT COUNT(*) FROM attendance_log AS a JOIN invitees AS i ON "
            f"i.id = a.invitee_id WHERE i.checkin_code IN ({marks}) AND a.kind = 'signature' "
            "AND a.signature_png IS NOT NULL", codes).fetchone()[0]
        floor = conn.execute("SELECT COUNT(*) FROM floor_questions WHERE event_id = ? AND "
                             "status = 'incoming'", (event_id,)).fetchone()[0]
    finally:
        conn.close()
    return {"checkins": checkins[0], "people": checkins[1], "signatures": signatures,
            "floor_questions": floor,
            "ok": checkins[0] == checkins[1] == signatures == len(codes) and floor == questions}


class GcPauses:
    """Python's garbage collections of the oldest generation and how long each took."""

    def __init__(self) -> None:
        import gc

        self.pauses: list[float] = []
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append(round((time.perf_counter() - self._started) * 1000, 1))


class Lateness:
    """How late a 10 ms QTimer fires, sample by sample (ms)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.samples: list[float] = []
        #: Stalls over the target: (seconds since the phase began, ms late, ms of CPU the
        #: GUI thread used meanwhile: far less than the stall means it was waiting).
        self.stalls: list[tuple[float, float, float]] = []
        self.recording = False
        self._phase = time.perf_counter()
        self._cpu = time.thread_time()
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TIMER_MS)
        self.timer.timeout.connect(self._fired)
        self.timer.start()

    def _fired(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if self.recording:
            late = max(0.0, (now - self._last) * 1000 - TIMER_MS)
            self.samples.append(late)
            if late > LATENESS_P99_TARGET_MS:
                self.stalls.append((round(now - self._phase, 1), round(late, 1),
                                    round((cpu - self._cpu) * 1000, 1)))
        self._last, self._cpu = now, cpu

    def take(self) -> list[float]:
        samples, self.samples = self.samples, []
        self._phase = time.perf_counter()
        return samples

    def take_stalls(self) -> list[tuple[float, float, float]]:
        stalls, self.stalls = self.stalls, []
        return stalls


class WindowHost:
    """The app's window serving: a MainWindow on the event, the Diskusi page shown, its
    event network turned on (``HostController``, as the menu does)."""

    def __init__(self, app: Any, db: Path, event_id: int) -> None:
        from rakor_desktop.operations.selfcheckin import HallKeys
        from rakor_desktop.settings import Settings
        from rakor_desktop.storage import Storage
        from ui.mainwindow import MainWindow
        from ui.translations import Translations

        self.app = app
        translations = Translations(app)
        translations.apply("id")
        self.storage = Storage.open(db, backup=False)
        self.window = MainWindow(self.storage, Settings(operator_name="Rina"), translations,
                                 database_path=db)
        self.window.open_initial_event(event_id)
        self.window.resize(1340, 690)
        self.window.show()
        self.window.show_area(self.window.AREAS.index("discussion"))
        self.controller = self.window.network.host
        self.controller.turn_on(event_id, port=0)
        self.network = self.controller.network
        self.network.hall_keys = HallKeys(HALL_SECRET, clock=self.network.clock)

    @property
    def server(self) -> Any:
        return self.controller.server

    def stop(self) -> None:
        self.controller.turn_off()  # the server stops first (pages waiting are answered)
        wait_for_future(self.app, self.controller.stopping)
        self.window.close()
        self.storage.close()


class BareHost:
    """The server alone on Qt's loop (qasync) in a QApplication without a window."""

    def __init__(self, app: Any, db: Path, event_id: int) -> None:
        from rakor_desktop.network.host import HostNetwork
        from rakor_desktop.network.server import NetworkServer
        from rakor_desktop.storage import Storage
        from ui.network.event_loop import schedule

        self.app = app
        self.storage = Storage.open(db, backup=False)
        self.network = HostNetwork(self.storage, event_id, hall_secret=HALL_SECRET)
        self.server = NetworkServer(self.network, bind="127.0.0.1", port=0)
        schedule(self.server.start())

    def stop(self) -> None:
        from ui.network.event_loop import schedule

        wait_for_future(self.app, schedule(self.server.stop()))
        self.storage.close()


def wait_for_future(app: Any, future: Any, timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while future is not None and not future.done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def run(args: argparse.Namespace) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.startup import machine_summary
    from rakor_desktop.storage import Storage

    folder = Path(tempfile.mkdtemp(prefix="rakor-phones-"))
    os.environ["RAKOR_HOME"] = str(folder / "home")
    db, event_id = make_database(folder, args.invitees)
    app = QApplication.instance() or QApplication([])
    host: WindowHost | BareHost = (BareHost if args.bare else WindowHost)(app, db, event_id)
    storage = Storage.open(db, backup=False)
    event = storage.get_event(event_id)
    storage.close()
    assert event is not None
    event_uid = event.uid
    lateness = Lateness()
    collections = GcPauses()
    result: dict[str, Any] = {"machine": machine_summary(), "invitees": args.invitees,
                              "host": "bare" if args.bare else "window"}
    failure: list[BaseException] = []

    def orchestrate() -> None:
        try:
            deadline = time.monotonic() + 20
            while not (host.server is not None and host.server.running):
                if time.monotonic() > deadline:
                    raise RuntimeError("the window's network did not start")
                time.sleep(0.05)
            url = f"http://127.0.0.1:{host.server.port}"
            network = host.network
            result["pages"] = page_weights(url)
            lateness.recording = True
            time.sleep(args.idle)
            result["lateness_idle"] = summary(lateness.take())
            lateness.take_stalls()
            if args.phones or args.questions:
                import sqlite3

                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                people = conn.execute(
                    "SELECT i.checkin_code, p.name FROM invitees AS i JOIN persons AS p ON "
                    "p.id = i.person_id WHERE i.event_id = ? ORDER BY random()",
                    (event_id,)).fetchall()
                conn.close()
                codes = [c for c, _ in people[:args.phones]]
                names = [n for _, n in people[args.phones:args.phones + args.questions]]
                tokens = [pair_role(url, network, "moderator"),
                          pair_role(url, network, "projector")]
                plan = {"mode": "load", "url": url, "event_uid": event_uid,
                        "secret": HALL_SECRET.hex(), "codes": codes, "names": names,
                        "minutes": args.minutes, "think": 1.0, "tokens": tokens,
                        "signature_b64": base64.b64encode(signature_png()).decode()}
                lateness.take()
                lateness.take_stalls()
                load = run_client(plan, folder)
                result["lateness_serving"] = summary(lateness.take())
                result["stalls_serving"] = lateness.take_stalls()
                result["gc_full_ms"] = list(collections.pauses)
                samples = load.pop("samples")
                by_kind: dict[str, list[float]] = {}
                statuses: dict[str, int] = {}
                for kind, status, ms in samples:
                    statuses[str(status)] = statuses.get(str(status), 0) + 1
                    if kind != "hall":
                        by_kind.setdefault(kind, []).append(ms)
                result["load"] = {
                    **load, "statuses": statuses,
                    "requests": sum(1 for k, _, _ in samples if k != "hall"),
                    "answered": sum(1 for k, s, _ in samples if k != "hall" and s == 200),
                    "all": summary([ms for k, _, ms in samples if k != "hall"]),
                    "by_kind": {k: summary(v) for k, v in sorted(by_kind.items())},
                }
                result["record"] = check_record(db, event_id, codes, len(names))
            if args.taps:
                open_tap_termin(db, event_id)
                time.sleep(1)
                tokens = [pair_role(url, network, "moderator"),
                          pair_role(url, network, "projector")]
                taps = run_client({"mode": "taps", "url": url, "event_uid": event_uid,
                                   "tokens": tokens, "taps": args.taps}, folder)
                result["taps_http"] = summary(taps["samples"])
                result["lateness_taps"] = summary(lateness.take())
                result["stalls_taps"] = lateness.take_stalls()
                if args.browser:
                    chromium = browser_taps(url, network, args.taps, folder)
                    if "skipped" in chromium:
                        result["taps_browser"] = chromium
                    else:
                        result["taps_browser"] = {"dom": summary(chromium["dom"]),
                                                  "painted": summary(chromium["painted"])}
        except BaseException as exc:  # reported by the main thread
            failure.append(exc)
        finally:
            finished.set()

    finished = threading.Event()
    worker = threading.Thread(target=orchestrate, daemon=True)
    watcher = QTimer()
    watcher.setInterval(100)
    watcher.timeout.connect(lambda: app.quit() if finished.is_set() else None)
    watcher.start()
    worker.start()
    app.exec()
    watcher.stop()
    lateness.timer.stop()
    host.stop()
    if failure:
        raise failure[0]
    return result


def report(result: dict[str, Any]) -> None:
    machine = result["machine"]
    print(f"host: {result['host']}")
    print(f"machine: {machine.get('cpu')} x{machine.get('cpus')}, {machine.get('os')}, "
          f"Python {machine.get('python')}, PySide6 {machine.get('pyside6')}")
    print("page weights (first load, bytes):",
          ", ".join(f"{p} {w:,}" for p, w in result["pages"].items()))
    print(f"Qt lateness idle: {result['lateness_idle']}")
    if "load" in result:
        load = result["load"]
        print(f"load: {load['phones']} phones in {load['seconds']} s; requests "
              f"{load['requests']}, answered 200: {load['answered']}; statuses "
              f"{load['statuses']}; errors {load['error_count']} {load['errors'][:3]}")
        print(f"  all requests: {load['all']} (target median <= {MEDIAN_TARGET_MS} ms)")
        for kind, figures in load["by_kind"].items():
            print(f"  {kind}: {figures}")
        print(f"  Qt lateness while serving: {result['lateness_serving']} "
              f"(target p99 <= {LATENESS_P99_TARGET_MS} ms)")
        print(f"  stalls over {LATENESS_P99_TARGET_MS} ms (s, ms late, GUI thread's CPU ms): "
              f"{result['stalls_serving']}")
        print(f"  full garbage collections (ms): {result['gc_full_ms']}")
        print(f"  record: {result['record']}")
    if "taps_http" in result:
        print(f"tap -> projector (HTTP long-poll): {result['taps_http']} "
              f"(target median <= {TAP_TARGET_MS} ms)")
        print(f"  Qt lateness during the taps: {result['lateness_taps']}, stalls "
              f"{result['stalls_taps']}")
    if "taps_browser" in result:
        print(f"tap -> projector (two Chromium pages): {result['taps_browser']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Phones in the hall against the host's window.")
    parser.add_argument("--phones", type=int, default=300, help="phones checking in")
    parser.add_argument("--questions", type=int, default=100, help="phones sending questions")
    parser.add_argument("--minutes", type=float, default=5.0, help="over how many minutes")
    parser.add_argument("--invitees", type=int, default=2000)
    parser.add_argument("--taps", type=int, default=30, help="moderator taps timed")
    parser.add_argument("--idle", type=float, default=5.0, help="seconds of idle lateness")
    parser.add_argument("--browser", action="store_true", help="taps in two Chromium pages")
    parser.add_argument("--bare", action="store_true",
                        help="the server alone on Qt's loop (no window)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--client", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.client is not None:
        client_main(args.client)
        return 0
    if args.phones + args.questions > args.invitees:
        parser.error("more phones than invitees")
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        report(result)
    load_ok = "load" not in result or (
        result["load"]["answered"] == result["load"]["requests"] and result["record"]["ok"])
    return 0 if load_ok else 1


if __name__ == "__main__":
    sys.exit(main())
