"""Reading invitation files in a child process with a time and a memory bound.

A file that makes the reader allocate without end, abort the process (calamine
does on a far-away cell) or hang (a FIFO) must fail one test, not the whole run:
each batch of files is read by a fresh Python with ``RLIMIT_AS`` set, and the
parent gives up on it after a timeout. The child prints one JSON line per file:
``{"file", "outcome": "ok" | "refused" | "crash", "message", "seconds", "rows"}``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1536 * 1024 * 1024
"""Address space of the child: Python, calamine and a bounded file fit well below it."""

_CHILD = r"""
import json, resource, sys, time
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from pathlib import Path
from rakor_desktop.importers import read_sheet
from rakor_desktop.messages import RakorError
for name in sys.stdin.read().splitlines():
    start = time.monotonic()
    try:
        data = read_sheet(Path(name))
        table = data.table()
        outcome, message, rows = "ok", "", len(table.entries)
    except RakorError as exc:
        outcome, message, rows = "refused", str(exc), 0
    except MemoryError:
        outcome, message, rows = "crash", "MemoryError", 0
    except Exception as exc:
        outcome, message, rows = "crash", repr(exc)[:500], 0
    print(json.dumps({"file": name, "outcome": outcome, "message": message, "rows": rows,
                      "seconds": round(time.monotonic() - start, 3)}), flush=True)
"""


@dataclass(frozen=True)
class Outcome:
    """What reading one file gave."""

    file: str
    outcome: str
    message: str
    rows: int
    seconds: float


class SandboxError(AssertionError):
    """The child died, hung or printed nothing for some files."""


def read_in_sandbox(
    paths: list[Path], *, timeout: float = 60, memory: int = MEMORY_LIMIT
) -> dict[str, Outcome]:
    """Read each file as the importer does, in one child process; outcomes by file name.

    Raises:
        SandboxError: The child was killed (memory, abort), timed out, or left
            files without an outcome; the message names the first file left.
    """
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(memory)],
            input="\n".join(str(p) for p in paths),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
            check=False,
        )
        stdout, stderr, code = done.stdout, done.stderr, done.returncode
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        stdout, stderr, code = out, "timeout", None
    outcomes = {}
    for line in stdout.splitlines():
        record = json.loads(line)
        outcomes[Path(record["file"]).name] = Outcome(**record)
    left = [p.name for p in paths if p.name not in outcomes]
    if left or code != 0:
        raise SandboxError(
            f"the reader died or hung on {left[:1] or '?'} (exit {code}): {stderr[-800:]}"
        )
    return outcomes
