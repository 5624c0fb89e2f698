"""One "not found" message per kind of record (rakor_desktop.messages.NOT_FOUND)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rakor_desktop import messages
from rakor_desktop.messages import NOT_FOUND, NotFoundError
from rakor_desktop.operations import events as event_ops
from rakor_desktop.storage import Storage

CORE = Path(messages.__file__).parent


def test_no_module_words_its_own_not_found_message() -> None:
    copies = [
        f"{path.relative_to(CORE)}:{number}"
        for path in sorted(CORE.rglob("*.py"))
        if path.name != "messages.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "nomor {id}" in line
    ]
    assert copies == []


def test_the_same_words_wherever_an_event_is_missing(
    storage: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "_language", "en")
    with pytest.raises(NotFoundError) as caught:
        event_ops.get_event(storage, 42)
    assert str(caught.value) == "There is no event number 42."
    assert str(NotFoundError.of("event", 42)) == str(caught.value)
    assert set(NOT_FOUND) >= {"event", "invitee", "person", "question", "photo"}
