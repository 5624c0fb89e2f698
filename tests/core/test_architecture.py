"""The core knows no screen: importing all of ``rakor_desktop`` never loads Qt or ``ui``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import rakor_desktop

PROJECT_ROOT = Path(rakor_desktop.__file__).resolve().parent.parent

_PROBE = r"""
import importlib, json, pkgutil, sys

import rakor_desktop

imported = []
for info in pkgutil.walk_packages(rakor_desktop.__path__, prefix="rakor_desktop."):
    if info.name.rsplit(".", 1)[-1] == "__main__":
        continue  # running the CLI is not importing it
    importlib.import_module(info.name)
    imported.append(info.name)

forbidden = sorted(
    name for name in sys.modules
    if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "ui"}
)
print(json.dumps({"imported": imported, "forbidden": forbidden}))
"""


@pytest.fixture(scope="module")
def probe() -> dict[str, list[str]]:
    """Import every module of the core in a fresh interpreter and report what loaded."""
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, list[str]] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def test_importing_every_core_module_loads_no_qt_and_no_ui(
    probe: dict[str, list[str]],
) -> None:
    assert probe["forbidden"] == []


def test_the_probe_really_imported_the_core(probe: dict[str, list[str]]) -> None:
    imported = set(probe["imported"])
    expected = {
        "rakor_desktop.operations.events",
        "rakor_desktop.models",
        "rakor_desktop.settings",
        "rakor_desktop.paths",
        "rakor_desktop.messages",
        "rakor_desktop.storage",
        "rakor_desktop.storage.database",
        "rakor_desktop.storage.migrations",
        "rakor_desktop.storage.attendance",
    }
    assert expected <= imported
    on_disk = {
        ".".join(p.relative_to(PROJECT_ROOT).with_suffix("").parts)
        for p in (PROJECT_ROOT / "rakor_desktop").rglob("*.py")
        if p.name not in {"__init__.py", "__main__.py"}
    }
    assert on_disk <= imported  # no module was skipped
