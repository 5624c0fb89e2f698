"""The hall's state for the moderator's and the projector's pages (issue 14), its etag,
and the moderator's versioned actions (a stale page is refused, nothing applied twice).
Real SQLite files, a manual clock."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

import pytest

from rakor_desktop.messages import ConflictError
from rakor_desktop.models import Event, QuestionStatus, RundownItem, RundownKind
from rakor_desktop.network.hall import hall_etag, hall_state
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import floor
from rakor_desktop.operations import rundown as rd
from rakor_desktop.storage import Storage
from rakor_desktop.timer import ManualClock

T0 = datetime(2023, 12, 14, 2, 0, tzinfo=UTC)  # 09.00 WIB
XSS = "<img src=x onerror=alert(1)>"


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


def _termin_with_questions(storage: Storage, event_id: int, *names: str) -> int:
    termin = talk.open_termin(storage, event_id, clock=lambda: T0)
    assert termin.id is not None
    for name in names:
        talk.add_question(storage, termin.id, asker_name=name, asker_instansi=f"Dinas {name}",
                          question=f"Pertanyaan {name}", addressed_to="KPU")
    return termin.id


def test_an_event_with_nothing_going_on(storage: Storage, event_id: int,
                                        clock: ManualClock) -> None:
    state = hall_state(storage, event_id, role="moderator", clock=clock)
    assert state["event"]["title"] == "Rakor Pemilu"
    assert state["server_time_ms"] == int(T0.timestamp() * 1000)
    assert (state["item"], state["speaker"], state["termin"], state["highlight"]) == (
        None, None, None, None)
    assert state["queue"] == [] and state["incoming"] == []
    json.dumps(state)  # JSON-ready
    assert hall_state(storage, 999, clock=clock)["event"] is None


def test_item_speaker_and_countdown(storage: Storage, event_id: int, clock: ManualClock) -> None:
    item_id = rd.add_rundown_item(storage, event_id, RundownItem(
        event_id=event_id, title="Paparan KPU", kind=RundownKind.PAPARAN, planned_minutes=10))
    speaker = rd.add_speaker(storage, item_id, name="Ketua KPU", instansi="KPU Kota Jambi")
    assert speaker.id is not None
    rd.start_speaker(storage, speaker.id, clock=clock)
    clock.advance(65)
    state = hall_state(storage, event_id, clock=clock)
    assert state["item"]["title"] == "Paparan KPU"
    shown = state["speaker"]
    assert (shown["name"], shown["instansi"], shown["state"]) == (
        "Ketua KPU", "KPU Kota Jambi", "speaking")
    assert shown["allotted_seconds"] == 600 and shown["running"]
    assert shown["elapsed_seconds"] == 65 and shown["remaining_seconds"] == 535
    assert shown["running_since"] == "2023-12-14T02:00:00.000+00:00"
    etag = hall_etag(storage, event_id)
    clock.advance(5)  # time alone changes no etag: the page counts down itself
    assert hall_etag(storage, event_id) == etag
    rd.add_speaker_time(storage, speaker.id, 60)  # +1 minute
    assert hall_etag(storage, event_id) != etag
    assert hall_state(storage, event_id, clock=clock)["speaker"]["allotted_seconds"] == 660
    rd.pause_speaker(storage, speaker.id, clock=clock)
    paused = hall_state(storage, event_id, clock=clock)["speaker"]
    assert paused["state"] == "paused" and not paused["running"]


def test_termin_queue_highlight_and_incoming(storage: Storage, event_id: int,
                                            clock: ManualClock) -> None:
    termin_id = _termin_with_questions(storage, event_id, "Ani", "Budi")
    sent = floor.submit_floor_question(storage, event_id, question=XSS, asker_name="Citra",
                                       clock=clock)
    talk.next_asker(storage, event_id)
    state = hall_state(storage, event_id, role="moderator", clock=clock)
    termin = state["termin"]
    assert (termin["id"], termin["number"], termin["max_askers"], termin["askers"],
            termin["open"], termin["version"]) == (termin_id, 1, 3, 2, True, 1)
    assert [(q["asker"], q["instansi"], q["status"], q["version"], q["source"])
            for q in state["queue"]] == [("Ani", "Dinas Ani", "bertanya", 2, "laptop"),
                                         ("Budi", "Dinas Budi", "antre", 1, "laptop")]
    assert state["highlight"]["asker"] == "Ani" and state["highlight"]["termin_number"] == 1
    assert [(f["id"], f["question"], f["version"]) for f in state["incoming"]] == [
        (sent.id, XSS, 1)]
    # The projector never gets the questions waiting from the floor.
    projector = hall_state(storage, event_id, role="projector", clock=clock)
    assert "incoming" not in projector and XSS not in json.dumps(projector)
    with pytest.raises(ValueError):
        hall_state(storage, event_id, role="desk", clock=clock)  # type: ignore[arg-type]


def test_the_etag_changes_with_what_the_pages_show(storage: Storage, event_id: int,
                                                  clock: ManualClock) -> None:
    def etags() -> tuple[str, str]:
        return (hall_etag(storage, event_id, role="moderator"),
                hall_etag(storage, event_id, role="projector"))

    before = etags()
    assert etags() == before and before[0] != before[1]
    termin_id = _termin_with_questions(storage, event_id, "Ani")
    after_termin = etags()
    assert after_termin[0] != before[0] and after_termin[1] != before[1]
    (question,) = storage.list_questions(termin_id)
    assert question.id is not None
    talk.update_question(storage, question.id, {"question": "Diubah"})
    edited = etags()
    assert edited[0] != after_termin[0] and edited[1] != after_termin[1]
    # A question from the floor wakes the moderator's page only.
    floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="Budi")
    sent = etags()
    assert sent[0] != edited[0] and sent[1] == edited[1]
    talk.highlight_question(storage, event_id, question.id)
    assert etags()[1] != sent[1]
    # The etag answers what the state says.
    assert hall_state(storage, event_id, role="moderator", clock=clock)["etag"] == etags()[0]


# -- the moderator's versioned actions --------------------------------------------------------


def test_next_asker_names_the_question_and_version_it_saw(storage: Storage,
                                                        event_id: int) -> None:
    termin_id = _termin_with_questions(storage, event_id, "Ani", "Budi")
    ani, budi = storage.list_questions(termin_id)
    assert ani.id is not None and budi.id is not None
    called = talk.next_asker(storage, event_id, question_id=ani.id, expected_version=1)
    assert called.id == ani.id and called.status == QuestionStatus.BERTANYA
    # A second moderator on the same view: Ani is no longer first in the queue.
    with pytest.raises(ConflictError):
        talk.next_asker(storage, event_id, question_id=ani.id, expected_version=1)
    assert storage.get_question(budi.id).status == QuestionStatus.ANTRE  # type: ignore[union-attr]
    # Budi changed meanwhile (his question edited at the laptop): the stale page is refused.
    talk.update_question(storage, budi.id, {"question": "Diubah"})
    with pytest.raises(ConflictError):
        talk.next_asker(storage, event_id, question_id=budi.id, expected_version=1)
    assert talk.next_asker(storage, event_id, question_id=budi.id,
                           expected_version=2).id == budi.id
    # Without a version (the laptop's N key) it works as before.
    with pytest.raises(ValueError):
        talk.next_asker(storage, event_id, expected_version=1)


def test_mark_answered_by_whom_once(storage: Storage, event_id: int) -> None:
    termin_id = _termin_with_questions(storage, event_id, "Ani", "Budi")
    talk.next_asker(storage, event_id)
    talk.next_asker(storage, event_id)
    ani, budi = storage.list_questions(termin_id)
    assert ani.id is not None and budi.id is not None
    version = storage.question_version(ani.id)
    answered = talk.mark_answered(storage, event_id, ani.id, expected_version=version,
                                  answered_by="Ketua KPU")
    assert answered.status == QuestionStatus.DIJAWAB and answered.answered_by == "Ketua KPU"
    assert talk.highlighted_question(storage, event_id).id == budi.id  # type: ignore[union-attr]
    with pytest.raises(ConflictError):
        talk.mark_answered(storage, event_id, ani.id, expected_version=version,
                           answered_by="Kapolresta")
    assert storage.get_question(ani.id).answered_by == "Ketua KPU"  # type: ignore[union-attr]
    # A page that names nobody keeps who answered.
    again = talk.mark_answered(storage, event_id, ani.id,
                               expected_version=storage.question_version(ani.id),
                               answered_by="  ")
    assert again.answered_by == "Ketua KPU"
    # The laptop's J key is unchanged.
    assert talk.mark_answered(storage, event_id).id == budi.id


def test_close_and_advance_termin_with_versions(storage: Storage, event_id: int,
                                               clock: ManualClock) -> None:
    # Two pages that saw no termin: the first opens one, the second is refused.
    first = talk.advance_termin(storage, event_id, clock=clock, termin_id=None,
                                expected_version=0)
    assert first.opened and first.termin.number == 1
    with pytest.raises(ConflictError):
        talk.advance_termin(storage, event_id, clock=clock, termin_id=None, expected_version=0)
    termin_id = first.termin.id
    assert termin_id is not None
    step = talk.advance_termin(storage, event_id, clock=clock, termin_id=termin_id,
                               expected_version=1)
    assert not step.opened and step.termin.closed_at is not None
    with pytest.raises(ConflictError):  # the same tap again on the stale view
        talk.advance_termin(storage, event_id, clock=clock, termin_id=termin_id,
                            expected_version=1)
    second = talk.advance_termin(storage, event_id, clock=clock, termin_id=termin_id,
                                 expected_version=2)
    assert second.opened and second.termin.number == 2
    with pytest.raises(ConflictError):  # a page still showing termin 1
        talk.advance_termin(storage, event_id, clock=clock, termin_id=termin_id,
                            expected_version=2)
    assert len(storage.list_termins(event_id)) == 2
    assert second.termin.id is not None
    with pytest.raises(ConflictError):
        talk.close_termin(storage, second.termin.id, clock=clock, expected_version=5)
    closed = talk.close_termin(storage, second.termin.id, clock=clock, expected_version=1)
    assert closed.closed_at is not None


def test_highlight_with_a_stale_version_is_refused(storage: Storage, event_id: int) -> None:
    termin_id = _termin_with_questions(storage, event_id, "Ani")
    (ani,) = storage.list_questions(termin_id)
    assert ani.id is not None
    talk.update_question(storage, ani.id, {"question": "Diubah"})
    with pytest.raises(ConflictError):
        talk.highlight_question(storage, event_id, ani.id, expected_version=1)
    assert talk.highlighted_question(storage, event_id) is None
    talk.highlight_question(storage, event_id, ani.id, expected_version=2)
    assert talk.highlighted_question(storage, event_id).id == ani.id  # type: ignore[union-attr]
