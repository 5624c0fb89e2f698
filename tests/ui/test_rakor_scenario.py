"""A whole rakor on the demo event, run with the keys like the secretariat would:
the rundown from registration to the closing, speakers with the timer, two termins
of questions with answers and a follow-up, the conclusions. The clock is a manual
one (nothing sleeps). Afterwards everything the minutes need is in the database,
and the projector showed the speaker, the countdown and the question."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.models import QuestionStatus, RundownKind, SpeakerState
from rakor_desktop.operations.rundown import invitee_display_name
from rakor_desktop.storage import Storage
from rakor_desktop.timer import ManualClock, TimerPhase
from ui.meeting.discussion_page import DiscussionPage, FollowUpDialog
from ui.meeting.moderator_view import ModeratorView
from ui.meeting.projector import DIGITS, ProjectorWindow
from ui.meeting.record_models import LiveMeeting, delay_text
from ui.meeting.rundown_page import RundownPage, SpeakerDialog

from .conftest import when_modal
from .test_discussion_page import ask
from .test_rundown_page import T0, focus, key, live_meeting, show_page, tr, wib

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def live(ui_db: Storage, clock: ManualClock, qapp: QApplication) -> Iterator[LiveMeeting]:
    yield from live_meeting(ui_db, clock)


def test_a_whole_rakor(qtbot: QtBot, ui_db: Storage, live: LiveMeeting, clock: ManualClock,
                       translations: Any) -> None:
    event_id = create_demo_event(ui_db)
    rundown = RundownPage(ui_db, live=live)
    discussion = DiscussionPage(ui_db, live=live)
    projector = ProjectorWindow(ui_db, live=live)
    moderator = ModeratorView(ui_db, live=live)
    for widget in (rundown, discussion, projector, moderator):
        show_page(qtbot, widget)
    rundown.set_event(event_id)
    discussion.set_event(event_id)
    items = ui_db.list_rundown_items(event_id)
    assert len(items) == 13
    kinds = [i.kind for i in items]
    seen: dict[str, Any] = {}

    def f5(at: Any) -> None:
        clock.now = at
        key(qtbot, rundown.table, Qt.Key.Key_F5)

    def add_speaker(item_index: int, *, name: str = "", instansi: str = "") -> None:
        rundown.table.selectRow(item_index)

        def accept(dialog: QWidget) -> None:
            assert isinstance(dialog, SpeakerDialog)
            if name:
                dialog.name_edit.clear()
                qtbot.keyClicks(dialog.name_edit, name)
                qtbot.keyClicks(dialog.instansi_edit, instansi)
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

        when_modal(qtbot, accept)
        key(qtbot, rundown.speaker_table, Qt.Key.Key_Insert)

    def run_for(seconds: int) -> None:
        clock.advance(seconds)
        live.tick_now()

    # -- the opening: registration from 08.30, the MC three minutes late -----------------
    f5(wib(8, 30))
    assert projector.item_label.text() == "Registrasi peserta"
    f5(wib(9, 3))
    assert rundown.delay_label.text() == delay_text(live.schedule())  # type: ignore[arg-type]
    assert rundown.delay_label.text() == tr("{minutes} min late").format(minutes=3)
    f5(wib(9, 8))  # Indonesia Raya
    f5(wib(9, 13))  # doa
    f5(wib(9, 18))  # the report: its speaker is the person responsible (prefilled)
    add_speaker(4)
    key(qtbot, rundown.table, Qt.Key.Key_F7)
    ketua = ui_db.list_speakers(items[4].id or 0)[0]
    assert projector.speaker_label.text() == ketua.name
    assert projector.countdown_label.text() == "10:00"
    run_for(9 * 60)
    key(qtbot, rundown.table, Qt.Key.Key_F7)  # finished, nobody else waiting

    # -- the speech runs over: warning colour, overtime, one more minute --------------------
    f5(wib(9, 28))
    add_speaker(5)
    key(qtbot, rundown.table, Qt.Key.Key_F7)
    wali_kota = ui_db.list_speakers(items[5].id or 0)[0]
    run_for(14 * 60 + 10)
    assert projector.countdown_label.text() == "00:50"
    assert projector.phase == TimerPhase.WARNING
    assert DIGITS[TimerPhase.WARNING] in projector.countdown_label.styleSheet()
    assert rundown.timer_widget.phase == TimerPhase.WARNING
    run_for(80)
    assert projector.countdown_label.text() == "+00:30"
    assert moderator.timer_widget.time_label.text() == "+00:30"
    assert DIGITS[TimerPhase.OVERTIME] in projector.countdown_label.styleSheet()
    key(qtbot, rundown.table, Qt.Key.Key_F9)  # +1 minute
    assert projector.countdown_label.text() == "00:30"
    run_for(20)
    key(qtbot, rundown.table, Qt.Key.Key_F7)

    # -- four presentations; two speakers for the KPU, a pause, the notes -----------------
    start = wib(9, 45)
    for index in range(6, 10):
        f5(start)
        add_speaker(index)
        if index == 6:
            add_speaker(index, name="Tim Teknis KPU", instansi="KPU Kota Jambi")
            rundown.table.selectRow(index)
            key(qtbot, rundown.table, Qt.Key.Key_F7)
            narasumber = ui_db.list_speakers(items[6].id or 0)[0]
            seen["projector speaker"] = projector.speaker_label.text()
            seen["projector instansi"] = projector.instansi_label.text()
            seen["projector next"] = projector.next_label.text()
            run_for(10 * 60)
            key(qtbot, rundown.table, Qt.Key.Key_F8)  # the projector cable comes loose
            run_for(3 * 60)
            seen["paused"] = projector.countdown_label.text()
            key(qtbot, rundown.table, Qt.Key.Key_F8)
            run_for(8 * 60)
            key(qtbot, rundown.table, Qt.Key.Key_F7)  # the technical team
            run_for(2 * 60)
            key(qtbot, rundown.table, Qt.Key.Key_F7)
            rundown.table.selectRow(index)
            rundown.tabs.setCurrentIndex(1)
            focus(qtbot, rundown.notes_edit)
            qtbot.keyClicks(rundown.notes_edit, "DPT Kota Jambi 432.118 pemilih di 1.204 TPS.")
            rundown.save_notes()
            rundown.tabs.setCurrentIndex(0)
        else:
            key(qtbot, rundown.table, Qt.Key.Key_F7)
            run_for(18 * 60)
            key(qtbot, rundown.table, Qt.Key.Key_F7)
        start = clock()
    assert seen["projector speaker"] == narasumber.name
    assert seen["projector instansi"] == "KPU Kota Jambi"
    assert seen["projector next"] == projector.tr("Next: {names}").format(
        names="Tim Teknis KPU")
    assert seen["paused"] == "❚❚ 10:00"

    # -- the discussion: Termin I on the discussion page -----------------------------------
    f5(clock())
    assert kinds[10] == RundownKind.DISKUSI
    key(qtbot, discussion.question_table, Qt.Key.Key_F6)  # opens Termin 1
    camat = ui_db.list_invitees(event_id, "Camat Jelutung")[0]
    ask(qtbot, discussion, "", "Bagaimana distribusi logistik ke TPS di pinggir sungai?",
        search="camat jelutung")
    discussion.question_table.selectRow(0)
    discussion.addressee_combo.setCurrentText("Ketua KPU Kota Jambi")
    qtbot.keyClick(discussion.question_edit, Qt.Key.Key_Return, CTRL)
    focus(qtbot, discussion.asker_edit)
    qtbot.mouseClick(discussion.new_question_button, Qt.MouseButton.LeftButton)
    ask(qtbot, discussion, "Siti Aminah", "Apakah pemilih di lapas dapat memilih?")
    ask(qtbot, discussion, "Budi Santoso", "Bagaimana pengamanan gudang logistik?")
    ask(qtbot, discussion, "Penanya Keempat", "Satu lagi")
    assert "sudah penuh" in discussion.message_label.text()
    qtbot.mouseClick(discussion.asker_edit, Qt.MouseButton.LeftButton)
    discussion.asker_edit.clear()
    discussion.question_edit.clear()
    termin_one = ui_db.list_termins(event_id)[0]
    for _ in range(3):
        key(qtbot, discussion.question_table, Qt.Key.Key_F7)  # the next asker
        run_for(90)
    highlighted = live.state.highlighted
    assert highlighted is not None and highlighted.asker_name == "Budi Santoso"
    seen["projector asker"] = projector.asker_label.text()
    seen["projector question"] = projector.question_label.text()
    key(qtbot, discussion.question_table, Qt.Key.Key_F6)  # close: the answers
    answers = [
        ("Ketua KPU Kota Jambi", "Logistik dikirim H-3 dengan perahu dan pengawalan Polresta."),
        ("Ketua KPU Kota Jambi", "Ya, KPU membuka TPS khusus di Lapas Kelas IIA Jambi."),
        ("Kapolresta Jambi", "Gudang dijaga 24 jam oleh personel gabungan."),
    ]
    for answered_by, answer in answers:
        discussion.answered_by_combo.setCurrentText(answered_by)
        focus(qtbot, discussion.answer_edit)
        qtbot.keyClicks(discussion.answer_edit, answer)
        key(qtbot, discussion.answer_edit, Qt.Key.Key_F8)  # saves the answer, then answered
        run_for(120)
    questions_one = ui_db.list_questions(termin_one.id or 0)
    discussion.question_table.selectRow(2)

    def follow_up(dialog: QWidget) -> None:
        assert isinstance(dialog, FollowUpDialog)
        qtbot.keyClicks(dialog.what_edit, "Patroli gabungan di gudang logistik")
        qtbot.keyClicks(dialog.who_edit, "Polresta Jambi dan Kodim 0415/Jambi")
        qtbot.keyClicks(dialog.due_edit, "sampai rekapitulasi selesai")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, follow_up)
    qtbot.mouseClick(discussion.follow_up_button, Qt.MouseButton.LeftButton)

    # -- Termin II with the moderator's keys ---------------------------------------------
    key(qtbot, moderator, Qt.Key.Key_T)  # Termin 2
    termin_two = ui_db.list_termins(event_id)[1]
    ask(qtbot, discussion, "Rahmat Saputra", "Bagaimana netralitas ASN dijaga?")
    ask(qtbot, discussion, "Dewi Lestari", "Berapa TPS rawan banjir?")
    key(qtbot, moderator, Qt.Key.Key_N)
    assert moderator.asker_label.text() == "Rahmat Saputra"
    key(qtbot, moderator, Qt.Key.Key_N)
    key(qtbot, moderator, Qt.Key.Key_T)  # the answers
    assert projector.asker_label.text() == "Rahmat Saputra"
    key(qtbot, moderator, Qt.Key.Key_J)
    assert projector.asker_label.text() == "Dewi Lestari"
    key(qtbot, moderator, Qt.Key.Key_J)
    assert not projector.question_box.isVisible()
    run_for(600)

    # -- conclusions, closing ------------------------------------------------------------
    f5(clock())  # kesimpulan
    discussion.tabs.setCurrentIndex(2)
    for kind, body in (
        ("kesimpulan", "Seluruh unsur Forkopimda siap mengamankan Pemilu 2024."),
        ("keputusan", "Posko pengamanan terpadu dibuka mulai H-7."),
        ("rekomendasi", "KPU memetakan TPS rawan banjir bersama BPBD."),
    ):
        discussion.conclusion_kind_combo.setCurrentIndex(
            discussion.conclusion_kind_combo.findData(kind))
        focus(qtbot, discussion.conclusion_edit)
        qtbot.keyClicks(discussion.conclusion_edit, body)
        qtbot.keyClick(discussion.conclusion_edit, Qt.Key.Key_Return, CTRL)
    run_for(8 * 60)
    f5(clock())  # penutup
    run_for(10 * 60)
    key(qtbot, rundown.table, Qt.Key.Key_F6)
    finished_at = clock()
    assert rundown.end_label.text().startswith(rundown.tr("Ended at {time} {tz}").split("{")[0])

    # -- everything is on record ---------------------------------------------------------
    held = ui_db.list_rundown_items(event_id)
    assert all(i.actual_start and i.actual_end for i in held)
    for before, after in itertools.pairwise(held):
        assert before.actual_end == after.actual_start  # F5 ends one and starts the next
    assert held[0].actual_start == wib(8, 30)
    assert held[-1].actual_end == finished_at
    assert held[6].notes == "DPT Kota Jambi 432.118 pemilih di 1.204 TPS."

    speakers = ui_db.list_event_speakers(event_id)
    assert len(speakers) == 7  # report, speech, two for the KPU, three presenters
    assert all(s.state == SpeakerState.FINISHED and s.started_at and s.ended_at
               for s in speakers)
    by_name = {s.name: s for s in speakers}
    assert by_name[ketua.name].spoken_seconds == 9 * 60
    assert by_name[wali_kota.name].spoken_seconds == 14 * 60 + 10 + 80 + 20
    assert by_name[wali_kota.name].allotted_seconds == 16 * 60
    assert by_name[narasumber.name].spoken_seconds == 18 * 60  # the pause does not count
    assert by_name["Tim Teknis KPU"].spoken_seconds == 2 * 60
    assert by_name["Tim Teknis KPU"].instansi == "KPU Kota Jambi"

    termins = ui_db.list_termins(event_id)
    assert [(t.number, t.opened_at is not None, t.closed_at is not None) for t in termins] == [
        (1, True, True), (2, True, True)]
    questions = ui_db.list_event_questions(event_id)
    assert [(q.termin_id, q.status) for q in questions] == [
        (termin_one.id, QuestionStatus.DIJAWAB)] * 3 + [
        (termin_two.id, QuestionStatus.DIJAWAB)] * 2
    first = questions[0]
    assert (first.asker_name, first.asker_instansi, first.asker_invitee_id) == (
        invitee_display_name(camat), camat.instansi, camat.id)
    assert first.addressed_to == "Ketua KPU Kota Jambi"
    assert [(q.answered_by, q.answer) for q in questions[:3]] == answers
    assert [q.question for q in questions_one][1] == "Apakah pemilih di lapas dapat memilih?"
    [follow] = ui_db.list_follow_ups(event_id)
    assert (follow.what, follow.who, follow.due, follow.question_id) == (
        "Patroli gabungan di gudang logistik", "Polresta Jambi dan Kodim 0415/Jambi",
        "sampai rekapitulasi selesai", questions[2].id)
    assert [(c.kind, c.position) for c in ui_db.list_conclusions(event_id)] == [
        ("kesimpulan", 1), ("keputusan", 2), ("rekomendasi", 3)]

    # The projector showed the asker (no NIP, no phone) and the question.
    assert seen["projector asker"] == "Budi Santoso"
    assert seen["projector question"] == "Bagaimana pengamanan gudang logistik?"
    shown = " ".join(label.text() for label in projector.findChildren(type(projector.title_label)))
    assert camat.person.nip not in shown and "08" not in shown.replace("08.", "")


def test_projector_window_screens_keys_and_scaling(
    qtbot: QtBot, ui_db: Storage, live: LiveMeeting, translations: Any
) -> None:
    event_id = create_demo_event(ui_db)
    window = ProjectorWindow(ui_db, live=live)
    qtbot.addWidget(window)
    window.set_event(event_id)
    assert window.title_label.text().startswith("Rapat Koordinasi Kesiapan Pengamanan")
    assert window.isWindow()
    window.show_on_screen(0, full_screen=False)
    qtbot.waitExposed(window)
    window.resize(960, 540)
    small = window.countdown_label.font().pixelSize()
    window.resize(1920, 1080)
    assert window.countdown_label.font().pixelSize() > small  # letters grow with the wall
    menu = window.screens_menu()
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels[0].startswith(window.tr("Screen {number}: {name} ({width}×{height})")
                                .split("{")[0])
    assert window.full_screen_action in menu.actions()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)


def test_pages_share_one_live_meeting(qtbot: QtBot, ui_db: Storage, translations: Any) -> None:
    from rakor_desktop.settings import Settings
    from ui.meeting.moderator_view import show_moderator_view
    from ui.meeting.projector import show_projector

    event_id = create_demo_event(ui_db)
    rundown = RundownPage(ui_db, Settings())
    discussion = DiscussionPage(ui_db, Settings())
    for page in (rundown, discussion):
        qtbot.addWidget(page)
    assert rundown.live is discussion.live is LiveMeeting.shared(ui_db)
    projector = show_projector(ui_db, settings=Settings(), event_id=event_id)
    moderator = show_moderator_view(ui_db, event_id=event_id)
    qtbot.addWidget(projector)
    qtbot.addWidget(moderator)
    assert show_projector(ui_db) is projector  # one projector window, brought forward
    assert show_moderator_view(ui_db) is moderator
    assert projector.live is rundown.live and projector.title_label.text()
    rundown.set_event(event_id)
    rundown.template_button.click()  # no template: the demo has a rundown already
    assert rundown.model.rowCount() == 13
    rundown.live.set_event(None)
