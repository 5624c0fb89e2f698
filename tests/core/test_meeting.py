"""The meeting run live: rundown times, speakers, termins, questions, follow-ups,
conclusions and notes (core operations, real SQLite, a manual clock)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from rakor_desktop.demo import create_demo_event
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import (
    Event,
    Person,
    QuestionStatus,
    Role,
    RundownItem,
    RundownKind,
    SpeakerState,
)
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations import rundown as rd
from rakor_desktop.operations.rundown import add_rundown_item, apply_typical_rundown, list_rundown
from rakor_desktop.storage import Storage
from rakor_desktop.timer import ManualClock, TimerPhase

# 08.25 WIB on the day of the meeting (the typical rundown opens registration at 08.30).
T0 = datetime(2023, 12, 14, 1, 25, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


def _event(storage: Storage, **changes: object) -> int:
    values: dict[str, object] = {
        "title": "Rapat Koordinasi Kesiapan Pemilu",
        "date": date(2023, 12, 14),
        "start_time": time(9, 0),
        "call_time": time(8, 30),
        "venue": "Aula Griya Mayang",
    }
    values.update(changes)
    return event_ops.create_event(storage, Event(**values), clock=lambda: T0)  # type: ignore[arg-type]


def _item(storage: Storage, event_id: int, title: str = "Paparan KPU", **changes: object) -> int:
    values: dict[str, object] = {"kind": RundownKind.PAPARAN, "planned_minutes": 20,
                                 "planned_start": time(9, 0)}
    values.update(changes)
    return add_rundown_item(storage, event_id, RundownItem(event_id=0, title=title, **values))  # type: ignore[arg-type]


def _wib(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2023, 12, 14, hour - 7, minute, second, tzinfo=UTC)


# -- settings ----------------------------------------------------------------------


def test_meeting_settings_default_and_round_trip(storage: Storage) -> None:
    event_id = _event(storage)
    assert rd.meeting_settings(storage, event_id) == rd.MeetingSettings(3, 60, 5, True)
    saved = rd.save_meeting_settings(storage, event_id, rd.MeetingSettings(4, 30, 7, False))
    assert saved == rd.MeetingSettings(4, 30, 7, False)
    assert storage.get_event_setting(event_id, rd.KEY_TERMIN_MAX_ASKERS) == "4"
    with pytest.raises(ValidationError, match="penanya per termin"):
        rd.save_meeting_settings(storage, event_id, rd.MeetingSettings(0, 30, 7, False))
    assert rd.meeting_settings(storage, event_id).termin_max_askers == 4


def test_unreadable_settings_fall_back_to_defaults(storage: Storage) -> None:
    event_id = _event(storage)
    storage.set_event_setting(event_id, rd.KEY_WARNING_SECONDS, "banyak")
    storage.set_event_setting(event_id, rd.KEY_SPEAKER_MINUTES, "100000")
    settings = rd.meeting_settings(storage, event_id)
    assert (settings.warning_seconds, settings.speaker_minutes) == (60, 5)


# -- the rundown live --------------------------------------------------------------


def test_start_next_and_finish_record_the_actual_times(
    storage: Storage, clock: ManualClock
) -> None:
    event_id = _event(storage)
    ids = apply_typical_rundown(storage, event_id)
    clock.now = _wib(8, 31)
    first = rd.start_next_item(storage, event_id, clock=clock)
    assert (first.id, first.actual_start, first.actual_end) == (ids[0], _wib(8, 31), None)
    clock.now = _wib(9, 2)
    second = rd.start_next_item(storage, event_id, clock=clock)  # finishes registration
    assert second.id == ids[1]
    assert storage.get_rundown_item(ids[0]).actual_end == _wib(9, 2)  # type: ignore[union-attr]
    clock.now = _wib(9, 6)
    finished = rd.finish_running_item(storage, event_id, clock=clock)
    assert (finished.id, finished.actual_end) == (ids[1], _wib(9, 6))
    with pytest.raises(ValidationError, match="Tidak ada mata acara yang sedang berlangsung"):
        rd.finish_running_item(storage, event_id, clock=clock)
    with pytest.raises(ValidationError, match="sudah selesai"):
        rd.start_item(storage, ids[1], clock=clock)
    with pytest.raises(ValidationError, match="belum dimulai"):
        rd.finish_item(storage, ids[3], clock=clock)
    rd.start_item(storage, ids[3], clock=clock)  # out of order is allowed
    with pytest.raises(ValidationError, match="sedang berlangsung"):
        rd.start_item(storage, ids[3], clock=clock)
    assert rd.start_next_item(storage, event_id, clock=clock).id == ids[2]
    for _ in ids[4:]:
        rd.start_next_item(storage, event_id, clock=clock)
    with pytest.raises(ValidationError, match="Semua mata acara sudah dimulai"):
        rd.start_next_item(storage, event_id, clock=clock)
    running = storage.running_rundown_items(event_id)
    assert [i.id for i in running] == [ids[-1]]


def test_schedule_before_the_start(storage: Storage) -> None:
    event_id = _event(storage)
    apply_typical_rundown(storage, event_id)
    event = event_ops.get_event(storage, event_id)
    items = list_rundown(storage, event_id)
    early = rd.schedule_status(event, items, _wib(8, 0))
    assert (early.delay_seconds, early.delay_minutes) == (0, 0)
    assert early.projected_end == early.planned_end == _wib(12, 0)
    assert early.next_item is not None and early.next_item.id == items[0].id
    late = rd.schedule_status(event, items, _wib(8, 42, 30))
    assert late.delay_minutes == 12
    assert late.projected_end == _wib(12, 12, 30)
    assert late.running is None and not late.finished


def test_schedule_while_items_run(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    ids = apply_typical_rundown(storage, event_id)
    event = event_ops.get_event(storage, event_id)
    clock.now = _wib(8, 30)
    rd.start_next_item(storage, event_id, clock=clock)  # registration 08.30-09.00
    clock.now = _wib(9, 12)  # still registering: 12 minutes late
    status = rd.schedule_status(event, list_rundown(storage, event_id), clock())
    assert status.running is not None and status.running.id == ids[0]
    assert status.delay_minutes == 12
    assert status.projected_end == _wib(12, 12)
    rd.start_next_item(storage, event_id, clock=clock)  # the MC opens (5 minutes planned)
    clock.advance(minutes=2)  # the opening may still end in time
    status = rd.schedule_status(event, list_rundown(storage, event_id), clock())
    assert status.delay_minutes == 12
    assert status.next_item is not None and status.next_item.id == ids[2]


def test_schedule_ahead_of_time_and_finished(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    apply_typical_rundown(storage, event_id)
    event = event_ops.get_event(storage, event_id)
    clock.now = _wib(8, 30)
    rd.start_next_item(storage, event_id, clock=clock)
    clock.now = _wib(8, 57)
    rd.finish_running_item(storage, event_id, clock=clock)  # three minutes early
    status = rd.schedule_status(event, list_rundown(storage, event_id), clock())
    assert status.delay_minutes == -3
    assert status.projected_end == _wib(11, 57)
    for _ in range(9):
        rd.start_next_item(storage, event_id, clock=clock)
        clock.advance(minutes=10)
    rd.finish_running_item(storage, event_id, clock=clock)
    status = rd.schedule_status(event, list_rundown(storage, event_id), clock())
    assert status.finished
    assert status.projected_end == clock()
    assert status.delay_seconds == int((clock() - _wib(12, 0)).total_seconds())


def test_schedule_of_an_empty_rundown_and_without_planned_times(storage: Storage) -> None:
    event_id = _event(storage)
    event = event_ops.get_event(storage, event_id)
    assert rd.schedule_status(event, [], T0).delay_seconds is None
    _item(storage, event_id, planned_start=None)
    status = rd.schedule_status(event, list_rundown(storage, event_id), T0)
    assert status.delay_seconds is None
    assert status.projected_end == T0 + timedelta(minutes=20)


def test_planned_times_past_midnight(storage: Storage) -> None:
    event_id = _event(storage, start_time=time(23, 0), call_time=None)
    first = _item(storage, event_id, "Malam", planned_start=time(23, 50))
    second = _item(storage, event_id, "Dini hari", planned_start=time(0, 10))
    moments = rd.planned_moments(event_ops.get_event(storage, event_id),
                                 list_rundown(storage, event_id))
    assert moments[second] - moments[first] == timedelta(minutes=20)


def test_item_countdown(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    item_id = _item(storage, event_id, planned_minutes=2)
    rd.start_item(storage, item_id, clock=clock)
    clock.advance(90)
    countdown = rd.item_countdown(rd.get_rundown_item(storage, item_id), clock, 30)
    assert (countdown.display(), countdown.phase()) == ("00:30", TimerPhase.WARNING)
    rd.finish_item(storage, item_id, clock=clock)
    clock.advance(100)
    assert rd.item_countdown(rd.get_rundown_item(storage, item_id), clock).display() == "00:30"


def test_notes_per_item(storage: Storage) -> None:
    event_id = _event(storage)
    item_id = _item(storage, event_id)
    saved = rd.set_item_notes(storage, item_id, "  DPT Kota Jambi 432.118 pemilih.\n- 1.204 TPS \n")
    assert saved.notes == "DPT Kota Jambi 432.118 pemilih.\n- 1.204 TPS"
    with pytest.raises(NotFoundError):
        rd.set_item_notes(storage, item_id + 99, "x")


# -- speakers ----------------------------------------------------------------------


def _invite(storage: Storage, event_id: int, name: str, role: Role = Role.PESERTA,
            **person: str) -> int:
    invitee = invitee_ops.invite_person(storage, event_id, Person(name=name, **person), role=role)
    assert invitee.id is not None
    return invitee.id


def test_add_speakers_from_invitees_and_free_names(storage: Storage) -> None:
    event_id = _event(storage)
    rd.save_meeting_settings(storage, event_id, rd.MeetingSettings(speaker_minutes=4))
    paparan = _item(storage, event_id, planned_minutes=25)
    ketua = _invite(storage, event_id, "Rahmat Hidayat", Role.NARASUMBER, back_titles="S.H., M.H.",
                    jabatan="Ketua KPU Kota Jambi", instansi="KPU Kota Jambi")
    first = rd.add_speaker(storage, paparan, invitee_id=ketua)
    assert (first.name, first.instansi, first.invitee_id) == (
        "Rahmat Hidayat, S.H., M.H.", "KPU Kota Jambi", ketua)
    assert (first.position, first.state, first.allotted_seconds) == (1, SpeakerState.WAITING, 1500)
    second = rd.add_speaker(storage, paparan, name="  Siti  Aminah ", instansi="Bawaslu")
    assert (second.name, second.position, second.allotted_seconds) == ("Siti Aminah", 2, 240)
    diskusi = _item(storage, event_id, "Diskusi", kind=RundownKind.DISKUSI, planned_minutes=60)
    assert rd.add_speaker(storage, diskusi, name="Moderator").allotted_seconds == 240
    assert rd.add_speaker(storage, diskusi, name="X", allotted_seconds=90).allotted_seconds == 90
    with pytest.raises(ValidationError, match="Nama pembicara wajib"):
        rd.add_speaker(storage, paparan, name="   ")
    with pytest.raises(ValidationError, match="antara 0 dan 24 jam"):
        rd.add_speaker(storage, paparan, name="Y", allotted_seconds=-1)
    other = _event(storage, title="Acara lain")
    stranger = _invite(storage, other, "Orang Lain")
    with pytest.raises(NotFoundError):
        rd.add_speaker(storage, paparan, invitee_id=stranger)
    assert [s.name for s in storage.list_speakers(paparan)] == [
        "Rahmat Hidayat, S.H., M.H.", "Siti Aminah"]


def test_update_move_and_delete_speakers(storage: Storage) -> None:
    event_id = _event(storage)
    item_id = _item(storage, event_id)
    a, b, c = (rd.add_speaker(storage, item_id, name=n).id for n in ("A", "B", "C"))
    assert a is not None and b is not None and c is not None
    assert rd.move_speaker(storage, c, 0) == [c, a, b]
    assert [s.position for s in storage.list_speakers(item_id)] == [1, 2, 3]
    assert rd.move_speaker(storage, c, 99) == [a, b, c]
    updated = rd.update_speaker(storage, b, {"name": " Budi ", "allotted_seconds": 600})
    assert (updated.name, updated.allotted_seconds) == ("Budi", 600)
    with pytest.raises(ValidationError):
        rd.update_speaker(storage, b, {"name": ""})
    with pytest.raises(KeyError):
        rd.update_speaker(storage, b, {"state": "speaking"})
    removed = rd.delete_speaker(storage, a)
    assert removed.name == "A"
    assert [(s.name, s.position) for s in storage.list_speakers(item_id)] == [("Budi", 1), ("C", 2)]


def test_speaking_pausing_and_finishing_record_the_time(
    storage: Storage, clock: ManualClock
) -> None:
    event_id = _event(storage)
    item_id = _item(storage, event_id)
    speaker = rd.add_speaker(storage, item_id, name="Rahmat Hidayat", allotted_seconds=600)
    assert speaker.id is not None
    started = rd.start_speaker(storage, speaker.id, clock=clock)
    assert (started.state, started.started_at) == (SpeakerState.SPEAKING, T0)
    assert rd.get_rundown_item(storage, item_id).actual_start == T0  # the item started too
    clock.advance(100)
    live = rd.live_speaker(storage, event_id)
    assert live is not None and live.speaker.id == speaker.id
    assert live.countdown(clock).display() == "08:20"
    paused = rd.pause_speaker(storage, speaker.id, clock=clock)
    assert (paused.state, paused.spoken_seconds) == (SpeakerState.PAUSED, 100)
    clock.advance(300)
    live = rd.live_speaker(storage, event_id)
    assert live is not None and live.countdown(clock).display() == "08:20"
    rd.toggle_pause_speaker(storage, speaker.id, clock=clock)  # resume
    clock.advance(560)
    live = rd.live_speaker(storage, event_id)
    assert live is not None
    assert (live.countdown(clock).display(), live.countdown(clock).phase()) == (
        "+01:00", TimerPhase.OVERTIME)
    rd.add_speaker_time(storage, speaker.id, 60)
    finished = rd.finish_speaker(storage, speaker.id, clock=clock)
    assert finished.state == SpeakerState.FINISHED
    assert (finished.started_at, finished.ended_at) == (T0, T0 + timedelta(seconds=960))
    assert (finished.spoken_seconds, finished.allotted_seconds) == (660, 660)
    assert rd.live_speaker(storage, event_id) is None
    assert storage.get_event_setting(event_id, rd.KEY_SPEAKING) is None
    with pytest.raises(ValidationError, match="sudah selesai berbicara"):
        rd.start_speaker(storage, speaker.id, clock=clock)
    with pytest.raises(ValidationError, match="tidak sedang berbicara"):
        rd.pause_speaker(storage, speaker.id, clock=clock)
    with pytest.raises(ValidationError, match="belum mulai berbicara atau sudah selesai"):
        rd.finish_speaker(storage, speaker.id, clock=clock)


def test_only_one_speaks_at_a_time(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    first_item = _item(storage, event_id, "Paparan KPU")
    second_item = _item(storage, event_id, "Paparan Bawaslu")
    a = rd.add_speaker(storage, first_item, name="A").id
    b = rd.add_speaker(storage, first_item, name="B").id
    c = rd.add_speaker(storage, second_item, name="C").id
    assert a is not None and b is not None and c is not None
    rd.start_speaker(storage, a, clock=clock)
    for other in (b, c):
        with pytest.raises(ValidationError, match="A masih berbicara"):
            rd.start_speaker(storage, other, clock=clock)
    with pytest.raises(ValidationError, match="sedang berbicara"):
        rd.start_speaker(storage, a, clock=clock)
    rd.pause_speaker(storage, a, clock=clock)
    rd.start_speaker(storage, b, clock=clock)  # a paused speaker does not hold the floor
    with pytest.raises(ValidationError, match="B masih berbicara"):
        rd.start_speaker(storage, a, clock=clock)
    assert [s.name for s in storage.list_event_speakers(event_id, [SpeakerState.SPEAKING])] == ["B"]


def test_next_speaker_moves_the_floor_along(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    item_id = _item(storage, event_id)
    a, b = (rd.add_speaker(storage, item_id, name=n).id for n in ("A", "B"))
    first = rd.next_speaker(storage, item_id, clock=clock)
    assert first is not None and first.id == a
    clock.advance(120)
    second = rd.next_speaker(storage, item_id, clock=clock)
    assert second is not None and second.id == b
    assert rd.get_speaker(storage, a or 0).spoken_seconds == 120  # type: ignore[arg-type]
    clock.advance(30)
    assert rd.next_speaker(storage, item_id, clock=clock) is None  # B finished, nobody left
    with pytest.raises(ValidationError, match="Tidak ada pembicara berikutnya"):
        rd.next_speaker(storage, item_id, clock=clock)
    assert [(s.state, s.spoken_seconds) for s in storage.list_speakers(item_id)] == [
        (SpeakerState.FINISHED, 120), (SpeakerState.FINISHED, 30)]


def test_finishing_an_item_finishes_its_speaker(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    first_item = _item(storage, event_id, "Paparan KPU")
    second_item = _item(storage, event_id, "Paparan Bawaslu")
    speaker = rd.add_speaker(storage, first_item, name="A")
    assert speaker.id is not None
    rd.start_speaker(storage, speaker.id, clock=clock)
    clock.advance(45)
    rd.start_item(storage, second_item, clock=clock)  # the next item ends the first
    done = rd.get_speaker(storage, speaker.id)
    assert (done.state, done.spoken_seconds, done.ended_at) == (
        SpeakerState.FINISHED, 45, clock())
    assert rd.get_rundown_item(storage, first_item).actual_end == clock()
    starter = rd.add_speaker(storage, first_item, name="Late")
    with pytest.raises(ValidationError, match="sudah selesai"):
        rd.start_speaker(storage, starter.id or 0, clock=clock)


def test_deleting_the_speaker_speaking_frees_the_floor(
    storage: Storage, clock: ManualClock
) -> None:
    event_id = _event(storage)
    item_id = _item(storage, event_id)
    speaker = rd.add_speaker(storage, item_id, name="A")
    rd.start_speaker(storage, speaker.id or 0, clock=clock)
    rd.delete_speaker(storage, speaker.id or 0)
    assert storage.get_event_setting(event_id, rd.KEY_SPEAKING) is None
    assert rd.live_speaker(storage, event_id) is None


def test_speaker_statistics(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    item_id = _item(storage, event_id)
    other_item = _item(storage, event_id, "Diskusi", kind=RundownKind.DISKUSI)
    for name, instansi, seconds in (("A", "KPU", 300), ("B", "KPU", 120), ("C", "Bawaslu", 200)):
        speaker = rd.add_speaker(storage, item_id, name=name, instansi=instansi)
        rd.start_speaker(storage, speaker.id or 0, clock=clock)
        clock.advance(seconds)
        rd.finish_speaker(storage, speaker.id or 0, clock=clock)
    again = rd.add_speaker(storage, other_item, name="A", instansi="KPU")
    rd.start_speaker(storage, again.id or 0, clock=clock)
    clock.advance(50)  # still speaking: counted live
    rd.add_speaker(storage, other_item, name="D", instansi="Polresta")  # never spoke
    stats = rd.speaker_statistics(storage, event_id, clock=clock)
    assert [(t.name, t.turns, t.spoken_seconds) for t in stats.per_speaker] == [
        ("A", 2, 350), ("C", 1, 200), ("B", 1, 120)]
    assert [(t.instansi, t.speakers, t.turns, t.spoken_seconds) for t in stats.per_instansi] == [
        ("KPU", 2, 3, 470), ("Bawaslu", 1, 1, 200)]


def test_candidates_and_addressees_on_the_demo(storage: Storage) -> None:
    event_id = create_demo_event(storage, clock=lambda: T0)
    narasumber = rd.narasumber_invitees(storage, event_id)
    assert len(narasumber) == 4  # KPU, Bawaslu, Polresta, Kodim
    candidates = rd.speaker_candidates(storage, event_id, "kota jambi", limit=30)
    roles = [c.role for c in candidates]
    assert roles[0] == Role.NARASUMBER
    assert roles == sorted(roles, key=lambda r: r != Role.NARASUMBER)
    choices = rd.addressee_choices(storage, event_id)
    assert "Ketua KPU Kota Jambi" in choices
    assert "Ketua Bawaslu Kota Jambi" in choices
    assert all("NIP" not in c for c in choices)


# -- termins and questions -----------------------------------------------------------


def test_termins_open_close_and_cap(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    assert talk.current_termin(storage, event_id) is None
    first = talk.open_termin(storage, event_id, clock=clock)
    assert (first.number, first.max_askers, first.opened_at, first.closed_at) == (1, 3, T0, None)
    clock.advance(600)
    second = talk.open_termin(storage, event_id, clock=clock, max_askers=2)
    assert (second.number, second.max_askers) == (2, 2)
    assert talk.get_termin(storage, first.id or 0).closed_at == clock()  # the open one closed
    closed = talk.close_termin(storage, second.id or 0, clock=clock)
    assert closed.closed_at == clock()
    with pytest.raises(ValidationError, match="sudah ditutup"):
        talk.close_termin(storage, second.id or 0, clock=clock)
    with pytest.raises(ValidationError, match="antara 1 dan 50"):
        talk.open_termin(storage, event_id, clock=clock, max_askers=0)
    rd.save_meeting_settings(storage, event_id, rd.MeetingSettings(termin_max_askers=5))
    assert talk.open_termin(storage, event_id, clock=clock).max_askers == 5
    assert [t.number for t in storage.list_termins(event_id)] == [1, 2, 3]


def test_questions_respect_the_termin_cap(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    asker = _invite(storage, event_id, "Hendra Saputra", front_titles="H.", back_titles="S.E.",
                    jabatan="Camat Jelutung", instansi="Kecamatan Jelutung")
    termin = talk.open_termin(storage, event_id, clock=clock)
    assert termin.id is not None
    q1 = talk.add_question(storage, termin.id, asker_invitee_id=asker, clock=clock,
                           question=" Bagaimana logistik ke TPS terpencil? ",
                           addressed_to="Ketua KPU Kota Jambi")
    assert (q1.asker_name, q1.asker_instansi, q1.status, q1.position) == (
        "H. Hendra Saputra, S.E.", "Kecamatan Jelutung", QuestionStatus.ANTRE, 1)
    assert (q1.question, q1.created_at) == ("Bagaimana logistik ke TPS terpencil?", T0)
    q2 = talk.add_question(storage, termin.id, asker_name="Siti Aminah", asker_instansi="PKK",
                           clock=clock)
    talk.add_question(storage, termin.id, asker_name="Ketiga", clock=clock)
    with pytest.raises(ValidationError, match=r"Termin 1 sudah penuh \(3 dari 3 penanya\)"):
        talk.add_question(storage, termin.id, asker_name="Keempat", clock=clock)
    talk.set_question_status(storage, q2.id or 0, QuestionStatus.DIBATALKAN)
    fourth = talk.add_question(storage, termin.id, asker_name="Keempat", clock=clock)
    with pytest.raises(ValidationError, match="sudah penuh"):
        talk.set_question_status(storage, q2.id or 0, QuestionStatus.ANTRE)
    with pytest.raises(ValidationError, match="sudah memiliki 3 penanya"):
        talk.set_termin_max_askers(storage, termin.id, 2)
    assert talk.set_termin_max_askers(storage, termin.id, 4).max_askers == 4
    talk.set_question_status(storage, q2.id or 0, QuestionStatus.ANTRE)
    assert fourth.position == 4
    with pytest.raises(ValidationError, match="Nama penanya wajib"):
        talk.add_question(storage, termin.id, asker_name=" ", clock=clock)


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ([QuestionStatus.BERTANYA, QuestionStatus.DIJAWAB], True),
        ([QuestionStatus.DITUNDA, QuestionStatus.DIJAWAB], True),
        ([QuestionStatus.BERTANYA, QuestionStatus.ANTRE], True),
        ([QuestionStatus.DIBATALKAN, QuestionStatus.ANTRE], True),
        ([QuestionStatus.DIJAWAB], False),
        ([QuestionStatus.DIBATALKAN, QuestionStatus.DIJAWAB], False),
        ([QuestionStatus.BERTANYA, QuestionStatus.DIJAWAB, QuestionStatus.DIBATALKAN], False),
    ],
)
def test_status_transitions(
    storage: Storage, clock: ManualClock, path: list[QuestionStatus], allowed: bool
) -> None:
    event_id = _event(storage)
    termin = talk.open_termin(storage, event_id, clock=clock)
    question = talk.add_question(storage, termin.id or 0, asker_name="A", clock=clock)
    *before, last = path
    for status in before:
        talk.set_question_status(storage, question.id or 0, status)
    if allowed:
        assert talk.set_question_status(storage, question.id or 0, last).status == last
    else:
        with pytest.raises(ValidationError, match="tidak dapat diubah"):
            talk.set_question_status(storage, question.id or 0, last)


def test_update_question_saves_answer_and_status_together(
    storage: Storage, clock: ManualClock
) -> None:
    event_id = _event(storage)
    termin = talk.open_termin(storage, event_id, clock=clock)
    question = talk.add_question(storage, termin.id or 0, asker_name="A", clock=clock)
    talk.set_question_status(storage, question.id or 0, QuestionStatus.BERTANYA)
    saved = talk.update_question(storage, question.id or 0, {
        "answer": " Logistik dikirim H-3 dengan pengawalan Polresta. ",
        "answered_by": " Ketua KPU  Kota Jambi ",
        "status": QuestionStatus.DIJAWAB,
    })
    assert (saved.answer, saved.answered_by, saved.status) == (
        "Logistik dikirim H-3 dengan pengawalan Polresta.", "Ketua KPU Kota Jambi",
        QuestionStatus.DIJAWAB)
    with pytest.raises(ValidationError):  # nothing is written when one change is invalid
        talk.update_question(storage, question.id or 0,
                             {"answer": "lain", "status": QuestionStatus.ANTRE})
    assert talk.get_question(storage, question.id or 0).answer.startswith("Logistik")
    with pytest.raises(KeyError):
        talk.update_question(storage, question.id or 0, {"termin_id": 5})


def test_moderator_keys_next_asker_answered_and_termin_steps(
    storage: Storage, clock: ManualClock
) -> None:
    event_id = _event(storage)
    with pytest.raises(ValidationError, match="Belum ada termin"):
        talk.next_asker(storage, event_id)
    step = talk.advance_termin(storage, event_id, clock=clock)  # T: opens termin I
    assert step.opened and step.termin.number == 1
    termin_id = step.termin.id or 0
    names = ["A", "B", "C"]
    ids = [talk.add_question(storage, termin_id, asker_name=n, clock=clock).id for n in names]
    for expected in ids:  # N three times: each asks in turn and is highlighted
        asked = talk.next_asker(storage, event_id)
        assert (asked.id, asked.status) == (expected, QuestionStatus.BERTANYA)
        assert talk.highlighted_question(storage, event_id).id == expected  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="Tidak ada penanya dalam antrean termin 1"):
        talk.next_asker(storage, event_id)
    clock.advance(300)
    step = talk.advance_termin(storage, event_id, clock=clock)  # T: close, answers now
    assert not step.opened and step.termin.closed_at == clock()
    assert talk.highlighted_question(storage, event_id).id == ids[0]  # type: ignore[union-attr]
    for index, expected in enumerate(ids):  # J three times
        answered = talk.mark_answered(storage, event_id)
        assert (answered.id, answered.status) == (expected, QuestionStatus.DIJAWAB)
        highlighted = talk.highlighted_question(storage, event_id)
        following = ids[index + 1] if index + 1 < len(ids) else None
        assert (highlighted.id if highlighted else None) == following
    with pytest.raises(ValidationError, match="menunggu jawaban"):
        talk.mark_answered(storage, event_id)
    step = talk.advance_termin(storage, event_id, clock=clock)  # T: termin II
    assert step.opened and step.termin.number == 2


def test_highlight_and_delete_question(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    termin = talk.open_termin(storage, event_id, clock=clock)
    a, b, c = (talk.add_question(storage, termin.id or 0, asker_name=n, clock=clock).id
               for n in "ABC")
    talk.highlight_question(storage, event_id, b)
    assert talk.highlighted_question(storage, event_id).asker_name == "B"  # type: ignore[union-attr]
    assert talk.move_question(storage, c or 0, 0) == [c, a, b]
    talk.delete_question(storage, b or 0)
    assert talk.highlighted_question(storage, event_id) is None
    assert [(q.asker_name, q.position) for q in storage.list_questions(termin.id or 0)] == [
        ("C", 1), ("A", 2)]
    talk.highlight_question(storage, event_id, a)
    talk.highlight_question(storage, event_id, None)
    assert talk.highlighted_question(storage, event_id) is None
    other = _event(storage, title="Lain")
    with pytest.raises(NotFoundError):
        talk.highlight_question(storage, other, a)


# -- follow-ups and conclusions ------------------------------------------------------


def test_follow_ups(storage: Storage, clock: ManualClock) -> None:
    event_id = _event(storage)
    termin = talk.open_termin(storage, event_id, clock=clock)
    question = talk.add_question(storage, termin.id or 0, asker_name="A", clock=clock)
    follow_up = talk.add_follow_up(
        storage, event_id, " Pemetaan TPS rawan banjir ", who=" BPBD  Kota Jambi ",
        due="Januari 2024", question_id=question.id,
    )
    assert (follow_up.what, follow_up.who, follow_up.due, follow_up.question_id) == (
        "Pemetaan TPS rawan banjir", "BPBD Kota Jambi", "Januari 2024", question.id)
    second = talk.add_follow_up(storage, event_id, "Patroli gabungan", who="Polresta, Kodim")
    assert second.position == 2
    assert talk.move_follow_up(storage, second.id or 0, 0) == [second.id, follow_up.id]
    assert talk.update_follow_up(storage, second.id or 0, {"due": "H-7"}).due == "H-7"
    with pytest.raises(ValidationError, match="Isi tindak lanjut wajib"):
        talk.update_follow_up(storage, second.id or 0, {"what": "  "})
    other = _event(storage, title="Lain")
    with pytest.raises(NotFoundError):
        talk.add_follow_up(storage, other, "x", question_id=question.id)
    talk.delete_question(storage, question.id or 0)  # the follow-up stays, untied
    assert talk.get_follow_up(storage, follow_up.id or 0).question_id is None
    talk.delete_follow_up(storage, second.id or 0)
    assert [f.what for f in storage.list_follow_ups(event_id)] == ["Pemetaan TPS rawan banjir"]


def test_conclusions(storage: Storage) -> None:
    event_id = _event(storage)
    first = talk.add_conclusion(storage, event_id, " Seluruh unsur siap mengamankan Pemilu. ")
    second = talk.add_conclusion(storage, event_id, "Posko terpadu dibuka H-7.", "keputusan")
    assert (first.body, first.kind, second.position) == (
        "Seluruh unsur siap mengamankan Pemilu.", "kesimpulan", 2)
    with pytest.raises(ValidationError, match="Jenis harus"):
        talk.add_conclusion(storage, event_id, "x", "usul")
    with pytest.raises(ValidationError, match="wajib"):
        talk.update_conclusion(storage, first.id or 0, {"body": " "})
    assert talk.update_conclusion(storage, first.id or 0, {"kind": "rekomendasi"}).kind == (
        "rekomendasi")
    assert talk.move_conclusion(storage, second.id or 0, 0) == [second.id, first.id]
    talk.delete_conclusion(storage, second.id or 0)
    assert [c.position for c in storage.list_conclusions(event_id)] == [2]
    with pytest.raises(NotFoundError):
        talk.delete_conclusion(storage, second.id or 0)


def test_schedule_on_another_day_is_as_planned(storage: Storage) -> None:
    event_id = _event(storage)
    apply_typical_rundown(storage, event_id)
    event = event_ops.get_event(storage, event_id)
    items = list_rundown(storage, event_id)
    later = rd.schedule_status(event, items, datetime(2024, 3, 1, 3, 0, tzinfo=UTC))
    assert (later.delay_seconds, later.projected_end) == (None, _wib(12, 0))
    before = rd.schedule_status(event, items, datetime(2023, 12, 1, 3, 0, tzinfo=UTC))
    assert (before.delay_minutes, before.projected_end) == (0, _wib(12, 0))


# -- the field trial (issue 9): a rehearsal on another day, answers typed for the queue -------


def test_a_rundown_run_on_another_day_tells_no_lateness(storage: Storage) -> None:
    event_id = _event(storage)
    apply_typical_rundown(storage, event_id)
    event = event_ops.get_event(storage, event_id)
    rehearsal = ManualClock(datetime(2026, 12, 3, 2, 0, tzinfo=UTC))  # 09.00 WIB, 3 years on
    assert rd.is_other_day(event, rehearsal()) and not rd.is_other_day(event, _wib(23, 59))
    rd.start_next_item(storage, event_id, clock=rehearsal)
    running = rd.schedule_status(event, list_rundown(storage, event_id), rehearsal())
    assert (running.delay_seconds, running.other_day) == (None, True)
    while any(i.actual_start is None for i in list_rundown(storage, event_id)):
        rehearsal.advance(60)
        rd.start_next_item(storage, event_id, clock=rehearsal)
    rd.finish_running_item(storage, event_id, clock=rehearsal)
    done = rd.schedule_status(event, list_rundown(storage, event_id), rehearsal())
    assert done.finished
    assert (done.delay_seconds, done.delay_minutes, done.other_day) == (None, 0, True)
    # On the day itself the lateness is told as before.
    today = rd.schedule_status(event, list_rundown(storage, _event(storage)), _wib(9, 0))
    assert today.other_day is False


def test_an_answer_typed_for_a_queued_asker_marks_it_answered(
    storage: Storage, clock: ManualClock
) -> None:
    event_id = _event(storage)
    termin = talk.open_termin(storage, event_id, clock=clock)
    first = talk.add_question(storage, termin.id or 0, asker_name="A", clock=clock)
    second = talk.add_question(storage, termin.id or 0, asker_name="B", clock=clock)
    talk.highlight_question(storage, event_id, first.id)
    answered = talk.update_question(storage, first.id or 0, {
        "answer": "Sudah disiapkan.", "answered_by": "Ketua KPU", "status": QuestionStatus.ANTRE,
    })
    assert answered.status == QuestionStatus.DIJAWAB
    assert talk.highlighted_question(storage, event_id) is None  # nobody else asks yet
    # J/F8 now: nobody waits for an answer, and the message says B is still queued.
    with pytest.raises(ValidationError) as refused:
        talk.mark_answered(storage, event_id)
    assert str(refused.value) == (
        "Tidak ada pertanyaan yang menunggu jawaban: 1 penanya di termin 1 masih antre dan "
        "belum dipersilakan bertanya.")
    # An answer typed while the asker is asking leaves the J key to the moderator.
    talk.next_asker(storage, event_id)
    asking = talk.update_question(storage, second.id or 0, {"answer": "Ya."})
    assert asking.status == QuestionStatus.BERTANYA
    assert talk.mark_answered(storage, event_id).id == second.id
