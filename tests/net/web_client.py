"""A phone or tablet talking to a ``rakor serve`` host in the web pages' tests (issue 14):
it keeps the device cookie the host gives with a page, and the moderator's or projector's
token once paired."""

from __future__ import annotations

import base64
import io
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from rakor_desktop.network.protocol import API_PREFIX
from rakor_desktop.operations.selfcheckin import HallKeys

from .conftest import HALL_SECRET, Reply, ServedHost, http_call

KEYS = HallKeys(HALL_SECRET)
#: The last link each host's role paired with (the next pairing waits for a new one).
_USED: dict[tuple[int, str], str] = {}


def rotating_code(minutes_ago: int = 0) -> str:
    """The self check-in code of this minute (or of ``minutes_ago`` minutes before)."""
    return KEYS.code_at(KEYS.current_minute() - minutes_ago)


def signature_base64() -> str:
    """A finger-drawn signature as the page sends it: a PNG in base64."""
    image = Image.new("RGBA", (600, 220), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(40, 150), (120, 60), (200, 170), (300, 70), (420, 160)], fill="#0d1b5e", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


@dataclass
class Device:
    """One browser: its cookie (after a page) and, paired, its token and event uid."""

    host: ServedHost
    cookie: str = ""
    token: str | None = None
    event_uid: str | None = None
    replies: list[Reply] = field(default_factory=list)

    def _headers(self) -> dict[str, str]:
        return {"Cookie": self.cookie} if self.cookie else {}

    def open(self, path: str) -> Reply:
        """GET a page (``/tanya``): keeps the device cookie it sets."""
        reply = http_call(self.host.url, "GET", path, headers=self._headers())
        cookie = reply.headers.get("set-cookie", "")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return reply

    def call(self, method: str, endpoint: str, body: Any = None, **kwargs: Any) -> Reply:
        """``/api/v1<endpoint>`` with the cookie and, when paired, the token."""
        headers = {**self._headers(), **kwargs.pop("headers", {})}
        reply = http_call(self.host.url, method, API_PREFIX + endpoint, body=body,
                          token=self.token, event_uid=self.event_uid if self.token else None,
                          headers=headers, **kwargs)
        self.replies.append(reply)
        return reply

    def get(self, endpoint: str, **kwargs: Any) -> Reply:
        return self.call("GET", endpoint, **kwargs)

    def post(self, endpoint: str, body: Any = None, **kwargs: Any) -> Reply:
        return self.call("POST", endpoint, body, **kwargs)

    def pair(self, role: str, name: str = "") -> Reply:
        """Pair as the page does with the host's current one-time link of ``role``."""
        link = self.host.pairing_link(role, other_than=_USED.get((id(self.host), role), ""))
        code = link.rsplit("pair=", 1)[1]
        reply = self.post("/pair", {"pairing_code": code, "desk_name": name or role,
                                    "protocol": 1, "role": role})
        if reply.status == 200:
            _USED[(id(self.host), role)] = link
            self.token = reply.json["token"]
            self.event_uid = reply.json["event"]["uid"]
        return reply

    def hall(self, since: str = "", wait: float = 0) -> dict[str, Any]:
        reply = self.get(f"/hall?since={since}&wait={wait}")
        assert reply.status == 200, reply.text
        return dict(reply.json)


def count_rows(db: Path, sql: str, params: tuple[Any, ...] = ()) -> int:
    """One number read from the host's file (read-only, as another program would)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute(sql, params).fetchone()[0])
    finally:
        conn.close()
