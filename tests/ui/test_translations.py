"""The Indonesian translation is complete, consistent and compiled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> list[tuple[str, str, str, str]]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            # Plural messages ("%n file(s)") keep their text in <numerusform> children.
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = " | ".join(forms) if forms else translation.text or ""
            found.append(
                (name, message.findtext("source") or "", text, translation.get("type", ""))
            )
    return found


@pytest.mark.parametrize("catalogue", ["rakor_id.ts", "qtbase_id.ts"])
def test_every_string_is_translated_with_the_same_placeholders(catalogue: str) -> None:
    messages = _messages(TRANSLATIONS / catalogue)
    assert messages
    for context, source, translation, kind in messages:
        assert kind not in ("unfinished", "vanished", "obsolete"), (context, source)
        assert translation.strip(), (context, source)
        placeholders = set(re.findall(r"\{\w+\}|%\d", source))
        assert placeholders == set(re.findall(r"\{\w+\}|%\d", translation)), (context, source)


def test_sources_match_the_code(tmp_path: Path) -> None:
    """Every tr() string of ui/ is in rakor_id.ts (run tools/update_translations.sh)."""
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    copy = tmp_path / "rakor_id.ts"
    shutil.copy(TRANSLATIONS / "rakor_id.ts", copy)
    subprocess.run(
        [str(lupdate), *map(str, sorted((ROOT / "ui").rglob("*.py"))), "-ts", str(copy),
         "-no-obsolete", "-locations", "none", "-silent"],
        check=True, capture_output=True,
    )
    before = {(c, s) for c, s, _t, _k in _messages(TRANSLATIONS / "rakor_id.ts")}
    after = {(c, s) for c, s, _t, _k in _messages(copy)}
    assert after - before == set(), "new strings to translate"
    assert before - after == set(), "strings no longer in the code"


@pytest.mark.parametrize("catalogue", ["rakor_id", "qtbase_id"])
def test_compiled_catalogue_is_up_to_date(catalogue: str, tmp_path: Path) -> None:
    lrelease = BIN / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / f"{catalogue}.qm"
    subprocess.run(
        [str(lrelease), "-silent", str(TRANSLATIONS / f"{catalogue}.ts"), "-qm", str(fresh)],
        check=True, capture_output=True,
    )
    assert fresh.read_bytes() == (TRANSLATIONS / f"{catalogue}.qm").read_bytes()
