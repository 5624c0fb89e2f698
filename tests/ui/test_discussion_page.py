"""The "Diskusi" page and the moderator view driven like a person: termins with a cap,
askers found by search, statuses, answers, follow-ups, conclusions, undo."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.models import Person, QuestionStatus, Role
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage
from rakor_desktop.timer import ManualClock
from ui.meeting.discussion_page import DiscussionPage, FollowUpDialog
from ui.meeting.moderator_view import ModeratorView
from ui.meeting.record_models import (
    ROW_MIME,
    ConclusionModel,
    FollowUpModel,
    InviteeSearchModel,
    LiveMeeting,
    QuestionModel,
    TerminListModel,
)

from .conftest import when_modal
from .test_rundown_page import T0, focus, key, live_meeting, make_event, show_page, tr

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def live(ui_db: Storage, clock: ManualClock, qapp: QApplication) -> Iterator[LiveMeeting]:
    yield from live_meeting(ui_db, clock)


def _invite(storage: Storage, event_id: int, name: str, role: Role = Role.PESERTA,
            **person: str) -> int:
    invitee = invitee_ops.invite_person(storage, event_id, Person(name=name, **person), role=role)
    assert invitee.id is not None
    return invitee.id


@pytest.fixture
def event_id(ui_db: Storage) -> int:
    event_id = make_event(ui_db)
    _invite(ui_db, event_id, "Rahmat Hidayat", Role.NARASUMBER, back_titles="S.H., M.H.",
            jabatan="Ketua KPU Kota Jambi", instansi="KPU Kota Jambi")
    _invite(ui_db, event_id, "Hendra Saputra", front_titles="H.", back_titles="S.E.",
            jabatan="Camat Jelutung", instansi="Kecamatan Jelutung", nip="197703122003121007",
            phone="0812-1111-2222")
    return event_id


@pytest.fixture
def page(qtbot: QtBot, ui_db: Storage, live: LiveMeeting, event_id: int,
         translations: Any) -> DiscussionPage:
    discussion = DiscussionPage(ui_db, live=live)
    show_page(qtbot, discussion)
    discussion.set_event(event_id)
    return discussion


def ask(qtbot: QtBot, page: DiscussionPage, name: str, question: str = "",
        *, search: str = "") -> None:
    """Type an asker into the form (picking an invitee found by ``search``) and save."""
    focus(qtbot, page.asker_edit)
    if search:
        qtbot.keyClicks(page.asker_edit, search)
        popup = page.asker_edit.completer_popup.popup()
        qtbot.waitUntil(popup.isVisible, timeout=2000)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    else:
        qtbot.keyClicks(page.asker_edit, name)
    if question:
        qtbot.keyClicks(page.question_edit, question)
    qtbot.keyClick(page.question_edit, Qt.Key.Key_Return, CTRL)


def test_models_pass_the_model_tester(
    qtmodeltester: Any, ui_db: Storage, event_id: int, clock: ManualClock
) -> None:
    termin = talk.open_termin(ui_db, event_id, clock=clock)
    for name in ("A", "B"):
        talk.add_question(ui_db, termin.id or 0, asker_name=name, question="Bagaimana?",
                          clock=clock)
    questions = QuestionModel()
    questions.set_rows(ui_db.list_questions(termin.id or 0))
    questions.highlighted_uid = questions.rows()[0].uid
    qtmodeltester.check(questions)
    termins = TerminListModel()
    termins.set_termins(ui_db.list_termins(event_id))
    qtmodeltester.check(termins)
    talk.add_follow_up(ui_db, event_id, "Pemetaan TPS", who="BPBD", due="H-7",
                       question_id=questions.rows()[0].id)
    follow_ups = FollowUpModel()
    follow_ups.askers = {questions.rows()[0].id: "A"}
    follow_ups.set_rows(ui_db.list_follow_ups(event_id))
    qtmodeltester.check(follow_ups)
    talk.add_conclusion(ui_db, event_id, "Siap", "keputusan")
    conclusions = ConclusionModel()
    conclusions.set_rows(ui_db.list_conclusions(event_id))
    qtmodeltester.check(conclusions)
    search = InviteeSearchModel(ui_db, narasumber_first=True)
    search.set_event(event_id)
    search.set_query("a")
    assert search.rowCount() == 2
    qtmodeltester.check(search)


def test_questions_with_search_cap_statuses_and_answers(
    qtbot: QtBot, page: DiscussionPage, ui_db: Storage, event_id: int
) -> None:
    ask(qtbot, page, "", "Bagaimana logistik ke TPS terpencil?", search="jelutung")
    [termin] = ui_db.list_termins(event_id)  # Termin 1 opened with the first question
    [question] = ui_db.list_questions(termin.id or 0)
    assert (question.asker_name, question.asker_instansi, question.status) == (
        "H. Hendra Saputra, S.E.", "Kecamatan Jelutung", QuestionStatus.ANTRE)
    assert question.asker_invitee_id is not None
    assert page.question_model.index(0, 1).data() == "H. Hendra Saputra, S.E."
    assert page.asker_edit.text() == ""  # ready for the next asker
    ask(qtbot, page, "Siti Aminah", "Apakah ada TPS khusus di lapas?")
    ask(qtbot, page, "Budi Santoso")
    ask(qtbot, page, "Orang Keempat")
    assert page.message_label.text().startswith("Termin 1 sudah penuh (3 dari 3 penanya)")
    assert page.asker_edit.text() == "Orang Keempat"  # nothing typed is lost
    assert page.termin_status.text().endswith(tr("{state} · {askers} of {cap} askers",
                                                 "DiscussionPage").format(
        state=tr("open", "DiscussionPage"), askers=3, cap=3))

    key(qtbot, page.question_table, Qt.Key.Key_F7)  # the first asker asks
    assert ui_db.list_questions(termin.id or 0)[0].status == QuestionStatus.BERTANYA
    assert page.question_model.index(0, 1).data() == "▶ H. Hendra Saputra, S.E."
    assert page.asker_edit.text() == "H. Hendra Saputra, S.E."  # the form follows the asker
    # The moderator gives the answer; it is typed into the form and saved at once.
    page.addressee_combo.setCurrentText("Ketua KPU Kota Jambi")
    page.answered_by_combo.setCurrentText("Ketua KPU Kota Jambi")
    qtbot.keyClicks(page.answer_edit, "Logistik dikirim H-3 dengan pengawalan Polresta.")
    qtbot.keyClick(page.answer_edit, Qt.Key.Key_Return, CTRL)
    key(qtbot, page.question_table, Qt.Key.Key_F8)  # answered
    first = ui_db.list_questions(termin.id or 0)[0]
    assert (first.status, first.addressed_to, first.answered_by, first.answer) == (
        QuestionStatus.DIJAWAB, "Ketua KPU Kota Jambi", "Ketua KPU Kota Jambi",
        "Logistik dikirim H-3 dengan pengawalan Polresta.")
    # An impossible status from the form is refused with the reason, nothing changes.
    page.question_table.selectRow(0)
    page.status_combo.setCurrentIndex(page.status_combo.findData("antre"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "tidak dapat diubah" in page.message_label.text()
    assert ui_db.list_questions(termin.id or 0)[0].status == QuestionStatus.DIJAWAB
    page.status_combo.setCurrentIndex(page.status_combo.findData("dijawab"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    # The fourth asker typed earlier waits in the form for the next termin.
    qtbot.mouseClick(page.new_question_button, Qt.MouseButton.LeftButton)
    assert page.asker_edit.text() == "Orang Keempat"

    # Reorder by keyboard and by dragging, delete, undo.
    page.question_table.selectRow(2)
    key(qtbot, page.question_table, Qt.Key.Key_Up, CTRL)
    assert [q.asker_name for q in ui_db.list_questions(termin.id or 0)] == [
        "H. Hendra Saputra, S.E.", "Budi Santoso", "Siti Aminah"]
    data = page.question_model.mimeData([page.question_model.index(2, 0)])
    assert data.hasFormat(ROW_MIME)
    page.question_model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert ui_db.list_questions(termin.id or 0)[0].asker_name == "Siti Aminah"
    page.question_table.selectRow(0)
    key(qtbot, page.question_table, Qt.Key.Key_Delete)
    assert len(ui_db.list_questions(termin.id or 0)) == 2
    key(qtbot, page.question_table, Qt.Key.Key_Z, CTRL)
    assert ui_db.list_questions(termin.id or 0)[0].asker_name == "Siti Aminah"

    # F9 shows the selected question on the projector; again hides it.
    page.question_table.selectRow(1)
    key(qtbot, page.question_table, Qt.Key.Key_F9)
    assert talk.highlighted_question(ui_db, event_id).asker_name == "H. Hendra Saputra, S.E."  # type: ignore[union-attr]
    key(qtbot, page.question_table, Qt.Key.Key_F9)
    assert talk.highlighted_question(ui_db, event_id) is None


def test_termin_steps_and_cap(qtbot: QtBot, page: DiscussionPage, ui_db: Storage,
                              event_id: int) -> None:
    key(qtbot, page.question_table, Qt.Key.Key_F6)  # opens Termin 1
    [first] = ui_db.list_termins(event_id)
    assert first.closed_at is None
    page.cap_spin.setValue(2)
    page.cap_spin.editingFinished.emit()
    assert ui_db.list_termins(event_id)[0].max_askers == 2
    ask(qtbot, page, "A")
    key(qtbot, page.question_table, Qt.Key.Key_F6)  # closes it: the answers
    assert ui_db.list_termins(event_id)[0].closed_at is not None
    key(qtbot, page.question_table, Qt.Key.Key_F6)  # Termin 2
    assert [t.number for t in ui_db.list_termins(event_id)] == [1, 2]
    assert page.termin_combo.currentText() == tr("Termin {number} ({state})").format(
        number=2, state=tr("open"))
    ask(qtbot, page, "B")
    assert [q.asker_name for q in ui_db.list_questions(ui_db.list_termins(event_id)[1].id or 0)
            ] == ["B"]
    page.termin_combo.setCurrentIndex(0)
    page.termin_combo.activated.emit(0)
    assert page.question_model.rowCount() == 1
    assert page.question_model.index(0, 1).data() == "A"


def test_follow_ups_and_conclusions(qtbot: QtBot, page: DiscussionPage, ui_db: Storage,
                                    event_id: int) -> None:
    ask(qtbot, page, "Hendra", "Bagaimana TPS rawan banjir?")
    page.question_table.selectRow(0)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, FollowUpDialog)
        assert dialog.question_combo.currentText().startswith("Hendra: ")
        qtbot.keyClicks(dialog.what_edit, "Pemetaan TPS rawan banjir")
        qtbot.keyClicks(dialog.who_edit, "BPBD Kota Jambi")
        qtbot.keyClicks(dialog.due_edit, "Januari 2024")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, fill)
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    [follow_up] = ui_db.list_follow_ups(event_id)
    question = ui_db.list_event_questions(event_id)[0]
    assert (follow_up.what, follow_up.who, follow_up.due, follow_up.question_id) == (
        "Pemetaan TPS rawan banjir", "BPBD Kota Jambi", "Januari 2024", question.id)
    assert page.follow_up_model.index(0, 4).data() == "Hendra"
    assert "Pemetaan TPS rawan banjir" in page.follow_ups_label.text()
    # A second follow-up, then Ctrl+Up puts it first; Ctrl+Z puts it back.
    def fill_second(dialog: QWidget) -> None:
        assert isinstance(dialog, FollowUpDialog)
        qtbot.keyClicks(dialog.what_edit, "Apel siaga")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    page.question_table.selectRow(0)
    when_modal(qtbot, fill_second)
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    assert page.follow_up_model.rowCount() == 2
    page.tabs.setCurrentWidget(page.follow_up_table.parentWidget())
    page.follow_up_table.selectRow(1)
    key(qtbot, page.follow_up_table, Qt.Key.Key_Up, CTRL)
    assert [f.what for f in ui_db.list_follow_ups(event_id)] == [
        "Apel siaga", "Pemetaan TPS rawan banjir"]
    key(qtbot, page.follow_up_table, Qt.Key.Key_Z, CTRL)
    assert [f.what for f in ui_db.list_follow_ups(event_id)] == [
        "Pemetaan TPS rawan banjir", "Apel siaga"]

    page.tabs.setCurrentIndex(2)
    page.conclusion_kind_combo.setCurrentIndex(page.conclusion_kind_combo.findData("keputusan"))
    focus(qtbot, page.conclusion_edit)
    qtbot.keyClicks(page.conclusion_edit, "Posko terpadu dibuka H-7.")
    qtbot.keyClick(page.conclusion_edit, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(page.conclusion_edit, "Seluruh unsur siap.")
    qtbot.keyClick(page.conclusion_edit, Qt.Key.Key_Return, CTRL)
    assert [(c.kind, c.body) for c in ui_db.list_conclusions(event_id)] == [
        ("keputusan", "Posko terpadu dibuka H-7."), ("keputusan", "Seluruh unsur siap.")]
    page.conclusion_table.selectRow(1)
    qtbot.mouseClick(page.edit_conclusion_button, Qt.MouseButton.LeftButton)
    page.conclusion_kind_combo.setCurrentIndex(page.conclusion_kind_combo.findData("kesimpulan"))
    qtbot.keyClick(page.conclusion_edit, Qt.Key.Key_Return, CTRL)
    assert ui_db.list_conclusions(event_id)[1].kind == "kesimpulan"
    page.conclusion_table.selectRow(1)
    key(qtbot, page.conclusion_table, Qt.Key.Key_Up, CTRL)
    assert ui_db.list_conclusions(event_id)[0].body == "Seluruh unsur siap."
    key(qtbot, page.conclusion_table, Qt.Key.Key_Delete)
    assert len(ui_db.list_conclusions(event_id)) == 1
    key(qtbot, page.conclusion_table, Qt.Key.Key_Z, CTRL)
    assert len(ui_db.list_conclusions(event_id)) == 2


def test_moderator_view_one_key_actions(
    qtbot: QtBot, ui_db: Storage, live: LiveMeeting, event_id: int, clock: ManualClock,
    translations: Any,
) -> None:
    view = ModeratorView(ui_db, live=live)
    show_page(qtbot, view)
    view.set_event(event_id)
    assert view.termin_label.text() == view.tr("No termin yet — press T to open Termin 1")
    key(qtbot, view, Qt.Key.Key_T)
    termin = ui_db.list_termins(event_id)[0]
    for name in ("A", "B"):
        live.run("tambah", lambda n=name: talk.add_question(
            ui_db, termin.id or 0, asker_name=n, asker_instansi="KPU", question=f"Tanya {n}",
            clock=clock))
    assert view.model.rowCount() == 2
    key(qtbot, view, Qt.Key.Key_N)
    assert view.asker_label.text() == "A (KPU)"
    assert view.question_label.text() == "Tanya A"
    key(qtbot, view, Qt.Key.Key_N)
    key(qtbot, view, Qt.Key.Key_N)  # nobody left: said, not raised
    assert "Tidak ada penanya dalam antrean termin 1" in view.message_label.text()
    key(qtbot, view, Qt.Key.Key_T)  # close: the answers, starting with A
    assert view.asker_label.text() == "A (KPU)"
    key(qtbot, view, Qt.Key.Key_J)
    assert view.asker_label.text() == "B (KPU)"
    key(qtbot, view, Qt.Key.Key_J)
    assert [q.status for q in ui_db.list_questions(termin.id or 0)] == [
        QuestionStatus.DIJAWAB, QuestionStatus.DIJAWAB]
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert ui_db.list_questions(termin.id or 0)[1].status == QuestionStatus.BERTANYA
    key(qtbot, view, Qt.Key.Key_T)  # closed: opens Termin 2
    assert view.termin_label.text().startswith(view.tr(
        "Termin {number} · {status} · {askers} of {cap} askers").format(
        number=2, status=view.tr("open"), askers=0, cap=3))
    assert clock() == T0  # nothing here needed time to pass
