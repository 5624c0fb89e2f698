"""A small TCP proxy on loopback that misbehaves on request, for the venue network's tests.

It sits between the desks and the host (``desk → 127.0.0.1:<proxy port> → host``) and
runs its own asyncio loop in a background thread, so a plain (synchronous) test can
switch its behaviour at any moment::

    proxy = FaultProxy(upstream_port=8765)
    proxy.start()                 # listens on proxy.port (fixed with listen_port=)
    proxy.delay(200)              # every chunk, both ways, 200 ms late
    proxy.black_hole()            # connections stay open, nothing goes through
    proxy.refuse()                # new connections are closed at once, old ones kept
    proxy.drop()                  # every open connection reset, new ones refused
    proxy.cut_answers(3, "/api/v1/entries")  # the next 3 such requests reach the host,
                                  # their answers never reach the desk (connection reset)
    proxy.pass_through()          # back to normal (black-holed connections are reset)
    proxy.stop()

HTTP is understood only as far as the cut needs it: without pipelining (HTTP/1.1 as the
desks speak it), the first bytes a client sends after an answer began are a new request
whose request line names the path, and the first bytes coming back after it are its
answer. The host answers ``POST /entries`` only after its transaction committed, so a cut
at the answer's first byte is exactly "the host stored it, the desk never heard".

Run on its own (to watch a desk and a host by hand)::

    python tests/net/proxy.py --listen 9000 --upstream 8765
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

MODES = ("pass", "black_hole", "refuse", "drop")
CHUNK = 65536


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST (SO_LINGER 0): the peer sees 'connection reset', like a lost link."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


@dataclass
class _Connection:
    number: int
    client: asyncio.StreamWriter
    upstream: asyncio.StreamWriter | None = None
    held: bool = False  # black-holed: bytes were swallowed, the stream is spoilt
    awaiting_answer: bool = False
    request_line: bytes = b""
    partial_line: bytearray = field(default_factory=bytearray)
    path: str = ""

    def close(self) -> None:
        _reset(self.client)
        if self.upstream is not None:
            _reset(self.upstream)


@dataclass
class ProxyStats:
    """What the proxy saw (read it from the test)."""

    connections: int = 0
    refused: int = 0
    requests: Counter[str] = field(default_factory=Counter)  # "POST /api/v1/entries" → n
    cut: list[str] = field(default_factory=list)  # the requests whose answers were cut
    swallowed_bytes: int = 0


class FaultProxy:
    """A loopback TCP proxy with switchable faults (see the module docstring)."""

    def __init__(self, upstream_port: int, *, listen_port: int | None = None,
                 upstream_host: str = "127.0.0.1") -> None:
        self.upstream_host = upstream_host
        self.upstream_port = upstream_port
        self.port = listen_port or free_port()
        self.mode = "pass"
        self.delay_ms = 0.0
        self.stats = ProxyStats()
        self._cuts_left = 0
        self._cut_path = ""
        self._connections: dict[int, _Connection] = {}
        self._numbers = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- life --------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        """Listen on ``127.0.0.1:port`` in a background thread; returns self."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                self._server = loop.run_until_complete(
                    asyncio.start_server(self._serve, "127.0.0.1", self.port, reuse_address=True)
                )
            except BaseException as exc:  # handed to the starting thread
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._thread = threading.Thread(target=run, name=f"fault-proxy-{self.port}", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            raise failure[0]
        return self

    def stop(self) -> None:
        """Close every connection and stop listening."""
        if self._loop is None:
            return

        async def shut() -> None:
            if self._server is not None:
                self._server.close()
            for connection in list(self._connections.values()):
                connection.close()
            self._connections.clear()

        with contextlib.suppress(RuntimeError):
            self._call(shut())
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._loop = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- switching faults (from any thread) -------------------------------------------------

    def pass_through(self) -> None:
        """Normal service; connections that were black-holed are reset (their bytes are
        lost, so the desk must open new ones)."""
        self._set_mode("pass", reset_held=True)

    def black_hole(self) -> None:
        """Accept connections, keep them open, let nothing through either way (a link that
        is down without anybody saying so: the desk only sees its timeouts)."""
        self._set_mode("black_hole")

    def refuse(self) -> None:
        """Close new connections at once (reset); open connections keep working."""
        self._set_mode("refuse")

    def drop(self) -> None:
        """Reset every open connection and refuse new ones (until another mode is set)."""
        self._set_mode("drop", reset_all=True)

    def delay(self, milliseconds: float) -> None:
        """Forward every chunk, both ways, this much later (0: no delay). Keeps the mode."""
        self.delay_ms = float(milliseconds)

    def cut_answers(self, count: int = 1, path_prefix: str = "/api/v1/entries") -> None:
        """The next ``count`` requests whose path starts with ``path_prefix`` are forwarded
        whole; their answer is thrown away at its first byte and the desk's connection
        reset."""
        with self._lock:
            self._cuts_left = count
            self._cut_path = path_prefix

    @property
    def cuts_left(self) -> int:
        with self._lock:
            return self._cuts_left

    def wait_for_cuts(self, timeout: float) -> bool:
        """Wait until every cut asked for happened."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.cuts_left == 0:
                return True
            time.sleep(0.02)
        return self.cuts_left == 0

    def _set_mode(self, mode: str, *, reset_all: bool = False, reset_held: bool = False) -> None:
        assert mode in MODES, mode

        async def switch() -> None:
            self.mode = mode
            for number, connection in list(self._connections.items()):
                if reset_all or (reset_held and connection.held):
                    connection.close()
                    self._connections.pop(number, None)

        self._call(switch())

    def _call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        assert self._loop is not None, "the proxy is not started"
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)

    # -- the proxy itself ---------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.mode in ("refuse", "drop"):
            self.stats.refused += 1
            _reset(writer)
            return
        self._numbers += 1
        connection = _Connection(self._numbers, writer)
        self._connections[connection.number] = connection
        self.stats.connections += 1
        try:
            if self.mode == "black_hole":
                connection.held = True
                await self._swallow(reader)
                return
            try:
                up_reader, up_writer = await asyncio.open_connection(
                    self.upstream_host, self.upstream_port
                )
            except OSError:
                _reset(writer)  # the host is down: the desk sees a reset, as it would
                return
            connection.upstream = up_writer
            await asyncio.gather(
                self._pump(connection, reader, up_writer, to_host=True),
                self._pump(connection, up_reader, writer, to_host=False),
            )
        finally:
            self._connections.pop(connection.number, None)
            connection.close()

    async def _swallow(self, reader: asyncio.StreamReader) -> None:
        while True:
            data = await reader.read(CHUNK)
            if not data:
                return
            self.stats.swallowed_bytes += len(data)

    async def _pump(self, connection: _Connection, reader: asyncio.StreamReader,
                    writer: asyncio.StreamWriter, *, to_host: bool) -> None:
        try:
            while True:
                data = await reader.read(CHUNK)
                if not data:
                    # half-close: pass the end on, keep the other direction going
                    with contextlib.suppress(OSError, RuntimeError):
                        if writer.can_write_eof():
                            writer.write_eof()
                    return
                if self.mode == "black_hole" or connection.held:
                    connection.held = True
                    self.stats.swallowed_bytes += len(data)
                    continue
                if self.delay_ms:
                    await asyncio.sleep(self.delay_ms / 1000)
                if to_host:
                    self._saw_request_bytes(connection, data)
                elif connection.awaiting_answer:
                    connection.awaiting_answer = False
                    if self._take_cut(connection.path):
                        self.stats.cut.append(connection.request_line.decode("latin-1"))
                        connection.close()
                        return
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            connection.close()

    def _saw_request_bytes(self, connection: _Connection, data: bytes) -> None:
        """Keep track of where a request starts (its request line)."""
        if connection.awaiting_answer:
            return  # the rest of the current request (its body)
        connection.partial_line += data
        end = connection.partial_line.find(b"\r\n")
        if end < 0 and len(connection.partial_line) < 8192:
            return
        line = bytes(connection.partial_line[: max(end, 0)])
        connection.partial_line.clear()
        connection.request_line = line
        parts = line.split()
        connection.path = parts[1].decode("latin-1") if len(parts) >= 2 else ""
        connection.awaiting_answer = True
        key = f"{parts[0].decode('latin-1') if parts else '?'} {connection.path.split('?')[0]}"
        self.stats.requests[key] += 1

    def _take_cut(self, path: str) -> bool:
        with self._lock:
            if self._cuts_left > 0 and path.startswith(self._cut_path):
                self._cuts_left -= 1
                return True
            return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A loopback TCP proxy with faults.")
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--upstream", type=int, required=True)
    parser.add_argument("--delay-ms", type=float, default=0)
    args = parser.parse_args(argv)
    proxy = FaultProxy(args.upstream, listen_port=args.listen).start()
    proxy.delay(args.delay_ms)
    print(f"proxy {proxy.url} -> 127.0.0.1:{args.upstream}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        proxy.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
