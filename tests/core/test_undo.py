"""Undo and redo of the meeting record: reorder, status changes, deletions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from rakor_desktop.messages import ValidationError
from rakor_desktop.models import Event, QuestionStatus, RundownItem, SpeakerState
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import rundown as rd
from rakor_desktop.operations.rundown import (
    add_rundown_item,
    apply_typical_rundown,
    delete_rundown_item,
    list_rundown,
    move_rundown_item,
    retime_rundown,
)
from rakor_desktop.storage import Storage
from rakor_desktop.timer import ManualClock
from rakor_desktop.undo import RowChange, UndoStack, diff_snapshots

T0 = datetime(2023, 12, 14, 2, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def event_id(storage: Storage) -> int:
    return event_ops.create_event(
        storage,
        Event(title="Rakor Pemilu", date=date(2023, 12, 14), start_time=time(9, 0)),
        clock=lambda: T0,
    )


@pytest.fixture
def stack(storage: Storage, event_id: int) -> UndoStack:
    return UndoStack(storage, event_id)


def _titles(storage: Storage, event_id: int) -> list[str]:
    return [i.title for i in list_rundown(storage, event_id)]


def test_diff_snapshots_keeps_only_what_changed() -> None:
    before = {"speakers": {"a": {"uid": "a", "name": "A", "position": 1},
                           "b": {"uid": "b", "name": "B", "position": 2}}}
    after = {"speakers": {"a": {"uid": "a", "name": "A", "position": 2},
                          "c": {"uid": "c", "name": "C", "position": 1}}}
    assert diff_snapshots(before, after) == (
        RowChange("speakers", "a", {"position": 1}, {"position": 2}),
        RowChange("speakers", "b", {"uid": "b", "name": "B", "position": 2}, None),
        RowChange("speakers", "c", None, {"uid": "c", "name": "C", "position": 1}),
    )
    assert diff_snapshots(before, before) == ()


def test_undo_and_redo_a_reorder(storage: Storage, event_id: int, stack: UndoStack) -> None:
    ids = apply_typical_rundown(storage, event_id)
    original = _titles(storage, event_id)
    assert not stack.can_undo
    stack.run("Pindahkan mata acara", lambda: move_rundown_item(storage, ids[-1], 0))
    assert _titles(storage, event_id)[0] == "Penutup"
    assert (stack.can_undo, stack.undo_label) == (True, "Pindahkan mata acara")
    command = stack.undo()
    assert command is not None and command.tables() == {"rundown_items"}
    assert _titles(storage, event_id) == original
    assert (stack.can_redo, stack.redo_label, stack.can_undo) == (True, "Pindahkan mata acara",
                                                                  False)
    stack.redo()
    assert _titles(storage, event_id)[0] == "Penutup"
    assert stack.undo() is not None and stack.undo() is None
    assert stack.redo() is not None and stack.redo() is None


def test_undo_reverts_only_the_columns_it_changed(
    storage: Storage, event_id: int, stack: UndoStack
) -> None:
    ids = apply_typical_rundown(storage, event_id)
    stack.run("Pindahkan", lambda: move_rundown_item(storage, ids[2], 0))
    rd.set_item_notes(storage, ids[2], "Dipimpin dirigen dari Kodim.")  # not on the stack
    stack.undo()
    item = rd.get_rundown_item(storage, ids[2])
    assert (item.position, item.notes) == (3, "Dipimpin dirigen dari Kodim.")


def test_undo_a_deletion_restores_the_item_with_its_speakers(
    storage: Storage, event_id: int, stack: UndoStack, clock: ManualClock
) -> None:
    ids = apply_typical_rundown(storage, event_id)
    paparan = ids[6]
    speakers = [rd.add_speaker(storage, paparan, name=n, instansi="KPU") for n in ("A", "B")]
    rd.start_speaker(storage, speakers[0].id or 0, clock=clock)
    before = storage.record_snapshot(event_id)
    removed = stack.run("Hapus", lambda: delete_rundown_item(storage, paparan))
    assert removed.title == "Paparan narasumber"
    assert storage.list_event_speakers(event_id) == []
    assert rd.live_speaker(storage, event_id) is None
    # A new item takes the freed id: the restored one must not be confused with it.
    newcomer = add_rundown_item(storage, event_id, RundownItem(event_id=0, title="Foto bersama"))
    stack.undo()
    restored = [i for i in list_rundown(storage, event_id) if i.title == "Paparan narasumber"]
    assert len(restored) == 1 and restored[0].uid == removed.uid
    assert restored[0].position == 7
    assert [s.uid for s in storage.list_speakers(restored[0].id or 0)] == [s.uid for s in speakers]
    assert storage.list_speakers(newcomer) == []
    live = rd.live_speaker(storage, event_id)
    assert live is not None and live.speaker.name == "A" and live.since == T0
    after = storage.record_snapshot(event_id)
    del after["rundown_items"][storage.get_rundown_item(newcomer).uid]  # type: ignore[union-attr]
    assert after == before
    stack.redo()
    assert "Paparan narasumber" not in _titles(storage, event_id)
    assert storage.list_event_speakers(event_id) == []


def test_undo_a_speaker_status_change(
    storage: Storage, event_id: int, stack: UndoStack, clock: ManualClock
) -> None:
    ids = apply_typical_rundown(storage, event_id)
    speaker = rd.add_speaker(storage, ids[6], name="A", allotted_seconds=600)
    stack.run("Mulai", lambda: rd.start_speaker(storage, speaker.id or 0, clock=clock))
    clock.advance(200)
    stack.run("Jeda", lambda: rd.pause_speaker(storage, speaker.id or 0, clock=clock))
    assert rd.get_speaker(storage, speaker.id or 0).spoken_seconds == 200
    stack.undo()  # the pause never happened: the time runs on from the start
    live = rd.live_speaker(storage, event_id)
    assert live is not None and live.speaker.state == SpeakerState.SPEAKING
    assert live.countdown(clock).display() == "06:40"
    stack.undo()  # nor the start: waiting, and the item not started
    assert rd.get_speaker(storage, speaker.id or 0).state == SpeakerState.WAITING
    assert rd.get_speaker(storage, speaker.id or 0).started_at is None
    assert rd.get_rundown_item(storage, ids[6]).actual_start is None
    assert rd.live_speaker(storage, event_id) is None
    clock.advance(500)
    stack.redo()  # redo gives back the recorded result, not a new start
    assert rd.get_speaker(storage, speaker.id or 0).started_at == T0
    assert rd.get_rundown_item(storage, ids[6]).actual_start == T0


def test_undo_question_status_deletion_and_termin(
    storage: Storage, event_id: int, stack: UndoStack, clock: ManualClock
) -> None:
    step = stack.run("T", lambda: talk.advance_termin(storage, event_id, clock=clock))
    termin_id = step.termin.id or 0
    question = stack.run("Tambah", lambda: talk.add_question(
        storage, termin_id, asker_name="Hendra", clock=clock))
    follow_up = talk.add_follow_up(storage, event_id, "Pemetaan TPS", question_id=question.id)
    stack.run("N", lambda: talk.next_asker(storage, event_id))
    stack.run("J", lambda: talk.mark_answered(storage, event_id))
    assert talk.get_question(storage, question.id or 0).status == QuestionStatus.DIJAWAB
    stack.run("Hapus", lambda: talk.delete_question(storage, question.id or 0))
    assert talk.get_follow_up(storage, follow_up.id or 0).question_id is None
    stack.undo()
    [restored] = storage.list_questions(termin_id)
    assert (restored.uid, restored.status) == (question.uid, QuestionStatus.DIJAWAB)
    assert talk.get_follow_up(storage, follow_up.id or 0).question_id == restored.id
    stack.undo()  # J
    assert storage.list_questions(termin_id)[0].status == QuestionStatus.BERTANYA
    assert talk.highlighted_question(storage, event_id).uid == question.uid  # type: ignore[union-attr]
    stack.undo()  # N
    assert storage.list_questions(termin_id)[0].status == QuestionStatus.ANTRE
    assert talk.highlighted_question(storage, event_id) is None
    stack.undo()  # the question
    stack.undo()  # the termin
    assert storage.list_termins(event_id) == []
    assert not stack.can_undo
    for _ in range(5):
        stack.redo()
    assert storage.list_questions(termin_id) == []
    assert storage.list_termins(event_id)[0].number == 1


def test_failed_or_empty_operations_push_nothing(
    storage: Storage, event_id: int, stack: UndoStack
) -> None:
    ids = apply_typical_rundown(storage, event_id)
    with pytest.raises(ValidationError):
        stack.run("Gagal", lambda: rd.finish_running_item(storage, event_id))
    assert not stack.can_undo
    stack.run("Tetap", lambda: move_rundown_item(storage, ids[0], 0))  # already first
    stack.run("Jam", lambda: retime_rundown(storage, event_id))  # already timed
    assert len(stack) == 0


def test_a_new_command_clears_redo_and_the_limit_holds(storage: Storage, event_id: int) -> None:
    ids = apply_typical_rundown(storage, event_id)
    stack = UndoStack(storage, event_id, limit=3)
    for index in range(5):
        stack.run(f"Pindah {index}", lambda i=index: move_rundown_item(storage, ids[i], 9))
    assert len(stack) == 3 and stack.undo_label == "Pindah 4"
    stack.undo()
    assert stack.can_redo
    stack.run("Baru", lambda: move_rundown_item(storage, ids[0], 0))
    assert not stack.can_redo
    stack.clear()
    assert not stack.can_undo and not stack.can_redo
