"""The moderator's tablet over HTTP (issue 14): every action names the row and the version
the page saw; the later of two tablets acting on the same row on a stale view gets 409
with the bilingual message and the latest state, and nothing is applied twice. The hall
long-poll answers when something changes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from rakor_desktop.models import QuestionStatus, RundownItem, RundownKind
from rakor_desktop.operations import discussion
from rakor_desktop.operations import rundown as rundown_ops
from rakor_desktop.storage import Storage

from .conftest import HostEvent, ServedHost, make_host_event
from .web_client import Device, count_rows


@contextmanager
def _open(db: Path) -> Iterator[Storage]:
    storage = Storage.open(db, backup=False)
    try:
        yield storage
    finally:
        storage.close()


@pytest.fixture
def discussion_host(tmp_path: Path, start_host: Callable[..., ServedHost]) -> ServedHost:
    """A host in the middle of a discussion: a speaker talking (5 minutes), termin 1 open
    with three askers queued (cap 3)."""
    event: HostEvent = make_host_event(tmp_path / "host" / "rakor.sqlite3")
    with _open(event.db) as storage:
        item_id = rundown_ops.add_rundown_item(storage, event.event_id, RundownItem(
            event_id=event.event_id, title="Paparan KPU", kind=RundownKind.PAPARAN))
        speaker = rundown_ops.add_speaker(storage, item_id, name="Ketua KPU",
                                          instansi="KPU Kota Jambi", allotted_seconds=300)
        assert speaker.id is not None
        rundown_ops.start_speaker(storage, speaker.id)
        termin = discussion.open_termin(storage, event.event_id, max_askers=3)
        assert termin.id is not None
        for name, question in (("Ahmad Yani", "Soal DPT?"), ("Budi Santoso", "Soal TPS?"),
                               ("Rahmawati", "Soal logistik?")):
            discussion.add_question(storage, termin.id, asker_name=name, question=question,
                                    addressed_to="KPU")
    return start_host(event)


def _tablets(host: ServedHost) -> tuple[Device, Device]:
    first, second = Device(host), Device(host)
    assert first.pair("moderator", "Tablet 1").status == 200
    assert second.pair("moderator", "Tablet 2").status == 200
    return first, second


def _queue(state: dict[str, Any]) -> list[tuple[str, str]]:
    return [(q["asker"], q["status"]) for q in state["queue"]]


def _conflict(reply: Any) -> None:
    assert reply.status == 409, reply.text
    assert reply.json["error"] == "conflict"
    assert "lebih dulu" in reply.json["message_id"]
    assert "changed this first" in reply.json["message_en"]
    assert reply.json["hall"]["role"] == "moderator"  # the latest state, to redraw


def test_the_moderator_sees_the_termin_queue_speaker_and_countdown(
    discussion_host: ServedHost,
) -> None:
    tablet, _ = _tablets(discussion_host)
    state = tablet.hall()
    assert state["event"]["title"] == "Rakor Persiapan Pemilu"
    assert state["item"]["title"] == "Paparan KPU"
    speaker = state["speaker"]
    assert (speaker["name"], speaker["state"], speaker["allotted_seconds"]) == (
        "Ketua KPU", "speaking", 300)
    assert speaker["running_since"] and state["server_time"]
    assert state["termin"]["number"] == 1 and state["termin"]["open"] is True
    assert (state["termin"]["askers"], state["termin"]["max_askers"]) == (3, 3)
    assert _queue(state) == [("Ahmad Yani", "antre"), ("Budi Santoso", "antre"),
                             ("Rahmawati", "antre")]
    assert all(q["version"] >= 1 and q["uid"] for q in state["queue"])


def test_next_asker_twice_on_the_same_view_calls_one_asker(discussion_host: ServedHost) -> None:
    first, second = _tablets(discussion_host)
    seen = first.hall()
    head = seen["queue"][0]
    body = {"question": head["uid"], "version": head["version"]}
    done = first.post("/moderator/next_asker", body)
    assert done.status == 200, done.text
    assert _queue(done.json["hall"])[0] == ("Ahmad Yani", "bertanya")
    assert done.json["hall"]["highlight"]["asker"] == "Ahmad Yani"
    _conflict(second.post("/moderator/next_asker", body))
    assert count_rows(discussion_host.db,
                      "SELECT COUNT(*) FROM questions WHERE status = 'bertanya'") == 1
    assert _queue(second.hall())[1] == ("Budi Santoso", "antre")


def test_mark_answered_by_whom_once(discussion_host: ServedHost) -> None:
    first, second = _tablets(discussion_host)
    head = first.hall()["queue"][0]
    asked = first.post("/moderator/next_asker", {"question": head["uid"],
                                                 "version": head["version"]})
    asking = asked.json["hall"]["queue"][0]
    body = {"question": asking["uid"], "version": asking["version"],
            "answered_by": "Ketua KPU"}
    answered = first.post("/moderator/answered", body)
    assert answered.status == 200, answered.text
    row = answered.json["hall"]["queue"][0]
    assert (row["status"], row["answered_by"]) == ("dijawab", "Ketua KPU")
    _conflict(second.post("/moderator/answered", {**body, "answered_by": "Bawaslu"}))
    with _open(discussion_host.db) as storage:
        question = storage.get_question_by_uid(asking["uid"])
        assert question is not None
        assert (question.status, question.answered_by) == (QuestionStatus.DIJAWAB, "Ketua KPU")


def test_close_termin_and_open_the_next_once_each(discussion_host: ServedHost) -> None:
    first, second = _tablets(discussion_host)
    termin = first.hall()["termin"]
    body = {"termin": termin["uid"], "version": termin["version"]}
    closed = first.post("/moderator/termin_step", body)
    assert closed.status == 200 and closed.json["hall"]["termin"]["open"] is False
    _conflict(second.post("/moderator/termin_step", body))  # would have opened termin 2
    assert count_rows(discussion_host.db, "SELECT COUNT(*) FROM termins") == 1
    latest = second.hall()["termin"]
    opened = second.post("/moderator/termin_step",
                         {"termin": latest["uid"], "version": latest["version"]})
    assert opened.status == 200
    assert opened.json["hall"]["termin"]["number"] == 2
    assert opened.json["hall"]["termin"]["open"] is True
    _conflict(first.post("/moderator/termin_step",
                         {"termin": latest["uid"], "version": latest["version"]}))
    assert count_rows(discussion_host.db, "SELECT COUNT(*) FROM termins") == 2


def test_the_cap_changes_once_and_never_below_the_askers(discussion_host: ServedHost) -> None:
    first, second = _tablets(discussion_host)
    termin = first.hall()["termin"]
    raised = first.post("/moderator/cap", {"termin": termin["uid"],
                                           "version": termin["version"], "max_askers": 4})
    assert raised.status == 200 and raised.json["hall"]["termin"]["max_askers"] == 4
    _conflict(second.post("/moderator/cap", {"termin": termin["uid"],
                                             "version": termin["version"], "max_askers": 5}))
    now = second.hall()["termin"]
    below = second.post("/moderator/cap", {"termin": now["uid"], "version": now["version"],
                                           "max_askers": 2})
    assert below.status == 400 and "3" in below.json["message_en"]
    assert below.json["hall"]["termin"]["max_askers"] == 4


def test_one_more_minute_from_two_tablets_is_one_minute(discussion_host: ServedHost) -> None:
    first, second = _tablets(discussion_host)
    speaker = first.hall()["speaker"]
    body = {"speaker": speaker["uid"], "allotted_seconds": speaker["allotted_seconds"]}
    more = first.post("/moderator/speaker_minute", body)
    assert more.status == 200 and more.json["hall"]["speaker"]["allotted_seconds"] == 360
    _conflict(second.post("/moderator/speaker_minute", body))
    assert count_rows(discussion_host.db, "SELECT allotted_seconds FROM speakers") == 360


def test_a_floor_question_is_accepted_once_into_the_termin(discussion_host: ServedHost) -> None:
    first, second = _tablets(discussion_host)
    termin = first.hall()["termin"]
    assert first.post("/moderator/cap", {"termin": termin["uid"], "version": termin["version"],
                                         "max_askers": 4}).status == 200
    phone = Device(discussion_host)
    phone.open("/tanya")
    assert phone.post("/public/questions", {"asker_name": "Hendra", "asker_instansi": "Polresta",
                                            "question": "Pengamanan?"}).status == 200
    incoming = first.hall()["incoming"]
    assert [(f["asker"], f["question"]) for f in incoming] == [("Hendra", "Pengamanan?")]
    body = {"floor_question": incoming[0]["uid"], "version": incoming[0]["version"]}
    accepted = first.post("/moderator/accept", body)
    assert accepted.status == 200, accepted.text
    hall = accepted.json["hall"]
    assert hall["incoming"] == []
    assert (hall["queue"][-1]["asker"], hall["queue"][-1]["source"]) == ("Hendra", "ponsel")
    _conflict(second.post("/moderator/accept", body))
    _conflict(second.post("/moderator/set_aside", body))
    assert count_rows(discussion_host.db,
                      "SELECT COUNT(*) FROM questions WHERE source = 'ponsel'") == 1


def test_a_full_termin_refuses_a_floor_question_and_it_stays_incoming(
    discussion_host: ServedHost,
) -> None:
    tablet, _ = _tablets(discussion_host)
    phone = Device(discussion_host)
    phone.open("/tanya")
    phone.post("/public/questions", {"asker_name": "Hendra", "question": "Pengamanan?"})
    floor = tablet.hall()["incoming"][0]
    refused = tablet.post("/moderator/accept", {"floor_question": floor["uid"],
                                                "version": floor["version"]})
    assert refused.status == 400 and "penuh" in refused.json["message_id"]
    assert [f["uid"] for f in refused.json["hall"]["incoming"]] == [floor["uid"]]
    aside = tablet.post("/moderator/set_aside", {"floor_question": floor["uid"],
                                                 "version": floor["version"]})
    assert aside.status == 200 and aside.json["hall"]["incoming"] == []
    assert count_rows(discussion_host.db,
                      "SELECT COUNT(*) FROM floor_questions WHERE status = 'set_aside'") == 1


def test_malformed_actions_change_nothing(discussion_host: ServedHost) -> None:
    tablet, _ = _tablets(discussion_host)
    head = tablet.hall()["queue"][0]
    for action, body in (
        ("next_asker", {"question": head["uid"]}),  # no version
        ("next_asker", {"question": head["uid"], "version": "1"}),
        ("next_asker", {"question": head["uid"], "version": True}),
        ("next_asker", {"question": head["uid"], "version": 1, "extra": 1}),
        ("answered", {"question": "nope", "version": 1}),
        ("nothing", {"question": head["uid"], "version": 1}),
    ):
        reply = tablet.post(f"/moderator/{action}", body)
        assert reply.status in (400, 404, 409), (action, body, reply.status)
    assert count_rows(discussion_host.db,
                      "SELECT COUNT(*) FROM questions WHERE status <> 'antre'") == 0


def test_the_projector_hears_of_a_moderators_tap_at_once(discussion_host: ServedHost) -> None:
    tablet, _ = _tablets(discussion_host)
    screen = Device(discussion_host)
    assert screen.pair("projector").status == 200
    before = screen.hall()
    assert before["highlight"] is None
    answers: list[dict[str, Any]] = []

    def wait() -> None:
        answers.append(screen.hall(since=before["etag"], wait=20))

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.5)
    assert not answers  # nothing changed: the long-poll waits
    head = tablet.hall()["queue"][0]
    tapped = time.monotonic()
    assert tablet.post("/moderator/next_asker", {"question": head["uid"],
                                                 "version": head["version"]}).status == 200
    waiter.join(10)
    assert answers and answers[0]["etag"] != before["etag"]
    assert time.monotonic() - tapped < 2
    assert answers[0]["highlight"]["asker"] == "Ahmad Yani"


def test_a_change_at_the_laptop_reaches_a_waiting_page(discussion_host: ServedHost) -> None:
    screen = Device(discussion_host)
    assert screen.pair("projector").status == 200
    before = screen.hall()
    answers: list[dict[str, Any]] = []
    waiter = threading.Thread(target=lambda: answers.append(
        screen.hall(since=before["etag"], wait=20)))
    waiter.start()
    time.sleep(0.3)
    with _open(discussion_host.db) as storage:  # the secretariat's laptop, another program
        discussion.next_asker(storage, discussion_host.event.event_id)
    waiter.join(10)
    assert answers and answers[0]["highlight"]["asker"] == "Ahmad Yani"


def test_a_long_poll_without_change_answers_after_its_wait(discussion_host: ServedHost) -> None:
    screen = Device(discussion_host)
    assert screen.pair("projector").status == 200
    etag = screen.hall()["etag"]
    started = time.monotonic()
    again = screen.hall(since=etag, wait=1)
    assert 0.9 <= time.monotonic() - started < 5
    assert again["etag"] == etag
    assert screen.get("/hall?since=x&wait=abc").status == 400


def test_the_moderator_shows_a_question_on_the_screen_and_hides_it(
    discussion_host: ServedHost,
) -> None:
    first, second = _tablets(discussion_host)
    screen = Device(discussion_host)
    assert screen.pair("projector").status == 200
    third = first.hall()["queue"][2]
    body = {"question": third["uid"], "version": third["version"]}
    shown = first.post("/moderator/highlight", body)
    assert shown.status == 200 and shown.json["hall"]["highlight"]["asker"] == "Rahmawati"
    assert screen.hall()["highlight"]["question"] == "Soal logistik?"
    # the laptop edits the question meanwhile: the second tablet's view is stale
    with _open(discussion_host.db) as storage:
        question = storage.get_question_by_uid(third["uid"])
        assert question is not None and question.id is not None
        discussion.update_question(storage, question.id, {"question": "Soal logistik pemilu?"})
    _conflict(second.post("/moderator/highlight", body))
    hidden = second.post("/moderator/highlight", {"question": ""})
    assert hidden.status == 200 and hidden.json["hall"]["highlight"] is None
    assert screen.hall()["highlight"] is None
