"""Shared fixtures. Qt runs offscreen; every test gets its own RAKOR_HOME."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from rakor_desktop import messages
from rakor_desktop.storage import Storage

# Offscreen, on a screen the size of a common Windows laptop's desktop without its task
# bar (1366x768 less about 40 px): windows are laid out and checked at the size users have.
LAPTOP_SCREEN = Path(__file__).with_name("offscreen-laptop.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"


@pytest.fixture(autouse=True)
def rakor_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Redirect every folder of the app (data, config, logs) to a temporary one."""
    home = tmp_path / "rakor-home"
    monkeypatch.setenv("RAKOR_HOME", str(home))
    messages.set_language("id")
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a fresh database file (not created yet)."""
    return tmp_path / "data" / "rakor.sqlite3"


@pytest.fixture
def storage(db_path: Path) -> Iterator[Storage]:
    """A real, migrated SQLite database in a temporary folder."""
    opened = Storage.open(db_path)
    yield opened
    opened.close()
