"""Questions from the floor (issue 14): sent from a phone, taken up by the moderator into
the current termin (with source "ponsel") or set aside; versions refuse a stale page.
Real SQLite files, a manual clock."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from rakor_desktop import messages
from rakor_desktop.changes import Changes
from rakor_desktop.messages import ConflictError, NotFoundError, ValidationError
from rakor_desktop.models import Event, FloorQuestionStatus, Person, QuestionStatus
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import floor
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import LATEST_VERSION, Storage
from rakor_desktop.timer import ManualClock

T0 = datetime(2023, 12, 14, 3, 0, tzinfo=UTC)  # 10.00 WIB
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


def _invite(storage: Storage, event_id: int, name: str, instansi: str, **person: str) -> int:
    invitee = invitee_ops.invite_person(
        storage, event_id, Person(name=name, instansi=instansi, **person), clock=lambda: T0
    )
    assert invitee.id is not None
    return invitee.id


# -- the schema ---------------------------------------------------------------------------


def test_migration_7_adds_roles_sources_versions_and_the_phone_tables(
    storage: Storage, event_id: int
) -> None:
    assert storage.schema_version == LATEST_VERSION == 7
    conn = storage.conn
    assert {r[1] for r in conn.execute("PRAGMA table_info(network_desks)")} >= {"role"}
    assert {r[1] for r in conn.execute("PRAGMA table_info(questions)")} >= {"source", "version"}
    assert {r[1] for r in conn.execute("PRAGMA table_info(termins)")} >= {"version"}
    termin = talk.open_termin(storage, event_id, clock=lambda: T0)
    assert termin.id is not None
    question = talk.add_question(storage, termin.id, asker_name="Budi", question="Kapan?")
    assert question.source == "laptop"
    assert question.id is not None
    assert storage.question_version(question.id) == 1
    talk.update_question(storage, question.id, {"question": "Kapan dimulai?"})
    assert storage.question_version(question.id) == 2
    talk.update_question(storage, question.id, {"answer": "Besok."})
    assert storage.question_version(question.id) == 3
    assert storage.termin_version(termin.id) == 1
    talk.close_termin(storage, termin.id, clock=lambda: T0)
    assert storage.termin_version(termin.id) == 2
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE questions SET source = 'fax' WHERE id = ?", (question.id,))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO network_desks (event_id, name, token_hash, paired_at, role) "
            "VALUES (?, 'x', 'h', '2023-12-14T03:00:00.000+00:00', 'boss')",
            (event_id,),
        )
    conn.rollback()


def test_a_database_of_version_6_is_migrated_with_its_rows(db_path: Path) -> None:
    old = Storage.open(db_path, target_version=6)
    event_id = event_ops.create_event(
        old, Event(title="Lama", date=date(2023, 12, 14), start_time=time(9, 0)),
        clock=lambda: T0,
    )
    termin = talk.open_termin(old, event_id, clock=lambda: T0)
    assert termin.id is not None
    old._write(
        "INSERT INTO questions (uid, event_id, termin_id, asker_name, created_at) "
        "VALUES (?, ?, ?, 'Ani', '2023-12-14T03:00:00.000+00:00')",
        (str(uuid.uuid4()), event_id, termin.id),
    )
    old.conn.commit()
    old.close()
    new = Storage.open(db_path)
    try:
        (question,) = new.list_event_questions(event_id)
        assert (question.asker_name, question.source) == ("Ani", "laptop")
        assert question.id is not None and new.question_version(question.id) == 1
        assert new.list_floor_questions(event_id) == []
    finally:
        new.close()


# -- submitting ---------------------------------------------------------------------------


def test_a_question_from_the_floor_waits_in_the_incoming_list(
    storage: Storage, event_id: int, clock: ManualClock
) -> None:
    heard: list[Changes] = []
    storage.add_change_listener(heard.append)
    sent = floor.submit_floor_question(
        storage, event_id, question="  Bagaimana\r\nlogistik?  ", asker_name="Sdr.  Budi ",
        asker_instansi="Bawaslu", addressed_to="KPU", device="cookie|10.0.0.7", clock=clock,
    )
    assert sent.status == FloorQuestionStatus.INCOMING
    assert (sent.asker_name, sent.asker_instansi, sent.addressed_to) == ("Sdr. Budi", "Bawaslu",
                                                                         "KPU")
    assert sent.question == "Bagaimana\nlogistik?"
    assert sent.submitted_at == T0 and sent.version == 1
    assert sent.device_hash and "10.0.0.7" not in sent.device_hash
    assert [f.uid for f in floor.incoming_floor_questions(storage, event_id)] == [sent.uid]
    # Never straight into a termin or onto the screen.
    assert storage.list_event_questions(event_id) == []
    assert talk.highlighted_question(storage, event_id) is None
    assert heard and heard[-1].discussion and not heard[-1].attendance


def test_the_asker_picked_from_the_list_gives_name_with_titles_and_instansi(
    storage: Storage, event_id: int
) -> None:
    invitee_id = _invite(storage, event_id, "Sri Purwaningsih", "Bappeda",
                         front_titles="Dr.", back_titles="M.Si.")
    sent = floor.submit_floor_question(
        storage, event_id, question="Soal anggaran?", asker_invitee_id=invitee_id
    )
    assert sent.asker_name == "Dr. Sri Purwaningsih, M.Si."
    assert sent.asker_instansi == "Bappeda"
    assert sent.asker_invitee_id == invitee_id


def test_bad_submissions_are_refused_and_nothing_is_kept(
    storage: Storage, event_id: int
) -> None:
    other = event_ops.create_event(
        storage, Event(title="Lain", date=date(2023, 12, 14), start_time=time(9, 0)),
        clock=lambda: T0,
    )
    stranger = _invite(storage, other, "Orang Lain", "Dinas X")
    with pytest.raises(ValidationError, match="Tuliskan pertanyaan"):
        floor.submit_floor_question(storage, event_id, question=" \n ", asker_name="Budi")
    with pytest.raises(ValidationError, match="Tuliskan nama"):
        floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="  ")
    with pytest.raises(ValidationError, match="terlalu panjang"):
        floor.submit_floor_question(storage, event_id, question="x" * 1001, asker_name="Budi")
    with pytest.raises(ValidationError, match="terlalu panjang"):
        floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="B" * 201)
    with pytest.raises(NotFoundError):
        floor.submit_floor_question(storage, event_id, question="Apa?",
                                    asker_invitee_id=stranger)
    with pytest.raises(NotFoundError):
        floor.submit_floor_question(storage, 999, question="Apa?", asker_name="Budi")
    messages.set_language("en")
    with pytest.raises(ValidationError, match="The question is too long"):
        floor.submit_floor_question(storage, event_id, question="x" * 1001, asker_name="Budi")
    assert storage.list_floor_questions(event_id) == []
    # Exactly the cap is kept whole.
    kept = floor.submit_floor_question(storage, event_id, question="y" * 1000, asker_name="Budi")
    assert len(kept.question) == 1000


def test_a_repeated_submission_is_kept_once(storage: Storage, event_id: int) -> None:
    uid = str(uuid.uuid4())
    first = floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="Budi",
                                        uid=uid)
    again = floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="Budi",
                                        uid=uid)
    assert again.id == first.id and first.uid == uid
    assert len(storage.list_floor_questions(event_id)) == 1
    with pytest.raises(ValidationError):
        floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="Budi",
                                    uid="not-a-uuid")


def test_script_looking_text_is_stored_literally(storage: Storage, event_id: int) -> None:
    sent = floor.submit_floor_question(storage, event_id, question=XSS, asker_name=XSS,
                                       asker_instansi=XSS, addressed_to=XSS)
    talk.open_termin(storage, event_id, clock=lambda: T0)
    assert sent.id is not None
    question = floor.accept_floor_question(storage, sent.id)
    assert (question.question, question.asker_name, question.asker_instansi,
            question.addressed_to) == (XSS, XSS, XSS, XSS)


# -- the moderator takes them up ------------------------------------------------------------


def test_accepting_puts_it_in_the_current_termin_with_source_ponsel(
    storage: Storage, event_id: int, clock: ManualClock
) -> None:
    termin = talk.open_termin(storage, event_id, clock=clock)
    talk.add_question(storage, termin.id or 0, asker_name="Penanya Laptop")
    sent = floor.submit_floor_question(storage, event_id, question="Bagaimana logistik?",
                                       asker_name="Budi", asker_instansi="Bawaslu",
                                       addressed_to="KPU", clock=clock)
    assert sent.id is not None
    clock.advance(30)
    question = floor.accept_floor_question(storage, sent.id, expected_version=sent.version,
                                           event_id=event_id, clock=clock)
    assert question.termin_id == termin.id
    assert (question.asker_name, question.asker_instansi, question.addressed_to,
            question.question) == ("Budi", "Bawaslu", "KPU", "Bagaimana logistik?")
    assert question.source == "ponsel" and question.status == QuestionStatus.ANTRE
    assert question.position == 2
    after = floor.get_floor_question(storage, sent.id)
    assert after.status == FloorQuestionStatus.ACCEPTED and after.question_id == question.id
    assert after.version == 2
    assert floor.incoming_floor_questions(storage, event_id) == []
    # The laptop's questions keep their source.
    assert [q.source for q in storage.list_questions(termin.id or 0)] == ["laptop", "ponsel"]


def test_a_stale_page_is_told_and_nothing_is_applied_twice(
    storage: Storage, event_id: int
) -> None:
    termin = talk.open_termin(storage, event_id, clock=lambda: T0)
    sent = floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="Budi")
    assert sent.id is not None and termin.id is not None
    floor.accept_floor_question(storage, sent.id, expected_version=1)
    with pytest.raises(ConflictError) as refused:
        floor.accept_floor_question(storage, sent.id, expected_version=1)
    assert "lebih dulu" in str(refused.value)
    messages.set_language("en")
    assert "Someone changed this first" in str(refused.value)
    with pytest.raises(ConflictError):
        floor.set_aside_floor_question(storage, sent.id, expected_version=1)
    assert len(storage.list_questions(termin.id)) == 1
    # Without a version (the laptop's panel) a decided one is refused plainly.
    with pytest.raises(ValidationError, match="already accepted"):
        floor.accept_floor_question(storage, sent.id)


def test_set_aside_and_back(storage: Storage, event_id: int) -> None:
    sent = floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="Budi")
    assert sent.id is not None
    aside = floor.set_aside_floor_question(storage, sent.id, expected_version=1)
    assert aside.status == FloorQuestionStatus.SET_ASIDE and aside.version == 2
    assert floor.incoming_floor_questions(storage, event_id) == []
    assert [f.id for f in floor.set_aside_floor_questions(storage, event_id)] == [sent.id]
    with pytest.raises(ValidationError, match="disisihkan"):
        floor.set_aside_floor_question(storage, sent.id)
    back = floor.return_floor_question(storage, sent.id, expected_version=2)
    assert back.status == FloorQuestionStatus.INCOMING and back.version == 3
    # A question set aside can still be accepted later.
    floor.set_aside_floor_question(storage, sent.id)
    talk.open_termin(storage, event_id, clock=lambda: T0)
    assert floor.accept_floor_question(storage, sent.id).source == "ponsel"


def test_accepting_needs_an_open_termin_with_room(storage: Storage, event_id: int) -> None:
    sent = floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="Budi")
    assert sent.id is not None
    with pytest.raises(ValidationError, match="Belum ada termin"):
        floor.accept_floor_question(storage, sent.id)
    termin = talk.open_termin(storage, event_id, clock=lambda: T0, max_askers=1)
    assert termin.id is not None
    talk.add_question(storage, termin.id, asker_name="Ani")
    with pytest.raises(ValidationError, match="penuh"):
        floor.accept_floor_question(storage, sent.id)
    talk.close_termin(storage, termin.id, clock=lambda: T0)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        floor.accept_floor_question(storage, sent.id)
    # Nothing half done: still incoming, version unchanged.
    still = floor.get_floor_question(storage, sent.id)
    assert still.status == FloorQuestionStatus.INCOMING and still.version == 1


def test_a_floor_question_of_another_event_is_not_found(
    storage: Storage, event_id: int
) -> None:
    other = event_ops.create_event(
        storage, Event(title="Lain", date=date(2023, 12, 14), start_time=time(9, 0)),
        clock=lambda: T0,
    )
    sent = floor.submit_floor_question(storage, other, question="Apa?", asker_name="Budi")
    assert sent.id is not None
    with pytest.raises(NotFoundError):
        floor.set_aside_floor_question(storage, sent.id, event_id=event_id)
