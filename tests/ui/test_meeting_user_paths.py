"""The rundown and discussion pages as the operator meets them in the main window (the
field trial of issue 9): page keys from anywhere in the window, the question form, a
rehearsal on another day, and the layout of a 1366-px laptop."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QSplitter, QTableView, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.models import QuestionStatus
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import rundown as rundown_ops
from rakor_desktop.storage import Storage
from rakor_desktop.timer import ManualClock
from ui.mainwindow import MainWindow
from ui.meeting.discussion_page import DiscussionPage
from ui.meeting.rundown_page import RundownPage

from .conftest import when_modal

MakeWindow = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


def tr(text: str, context: str = "RecordModels") -> str:
    """A text as the app shows it (the same translate call as the code)."""
    return QCoreApplication.translate(context, text)


def wib(hour: int, minute: int) -> datetime:
    """A moment on the day of the demo rakor (Thursday 14 December 2023), in WIB."""
    return datetime(2023, 12, 14, hour - 7, minute, tzinfo=UTC)


def open_demo(make_window: MakeWindow, ui_db: Storage, clock: ManualClock | None) -> MainWindow:
    """The demo rakor in a main window; the meeting's clock on the event day (or real)."""
    create_demo_event(ui_db)
    window = make_window(ui_db)
    if clock is not None:
        window.live_meeting().clock = clock
    return window


def click_area(qtbot: QtBot, window: MainWindow, area: str) -> QWidget:
    """Click an area in the list on the left (the focus stays in that list)."""
    item = window.area_list.item(window.AREAS.index(area))
    rect = window.area_list.visualItemRect(item)
    qtbot.mouseClick(window.area_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    window.area_list.setFocus()
    qtbot.wait(20)
    assert QApplication.focusWidget() is window.area_list
    return window.page(area)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    """A key pressed by the operator: it goes to whatever has the focus."""
    qtbot.wait(30)  # what the window system does in between (activation) arrives first
    reactivate(qtbot)
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    gc.collect()
    qtbot.wait(20)


def reactivate(qtbot: QtBot) -> None:
    """Give the activation back to the main window after a popup list or a dialog closed,
    as a window manager does (the offscreen platform leaves no window active)."""
    active = QApplication.activeWindow()
    if active is None or not active.isVisible():  # (a hidden popup list stays "active")
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def cell(table: QTableView, row: int, column: int) -> str:
    return str(table.model().index(row, column).data() or "")


# -- item 11: the page keys work from anywhere in the main window ---------------------------


def test_rundown_keys_work_after_a_click_on_the_area_list(
    make_window: MakeWindow, ui_db: Storage, qtbot: QtBot
) -> None:
    window = open_demo(make_window, ui_db, ManualClock(wib(8, 30)))
    page = click_area(qtbot, window, "rundown")
    assert isinstance(page, RundownPage)
    status = page.model.COLUMNS.index("status")
    press(qtbot, Qt.Key.Key_F5)  # start the registration
    assert cell(page.table, 0, status) == tr("now")
    press(qtbot, Qt.Key.Key_F6)  # finish it
    assert cell(page.table, 0, status) == tr("done")
    window.area_list.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)  # undo the finish
    assert cell(page.table, 0, status) == tr("now")
    # The discussion page shown, F5 is not the rundown's any more ...
    discussion = click_area(qtbot, window, "discussion")
    assert isinstance(discussion, DiscussionPage)
    press(qtbot, Qt.Key.Key_F5)
    assert cell(page.table, 1, status) == ""
    # ... and F6 is the discussion's: Termin 1 opens.
    window.area_list.setFocus()
    press(qtbot, Qt.Key.Key_F6)
    event_id = window.event_id
    assert event_id is not None
    assert [t.number for t in ui_db.list_termins(event_id)] == [1]
    assert discussion.message_label.text() == tr("Termin {number} opened.",
                                                 "DiscussionPage").format(number=1)
    assert cell(page.table, 0, status) == tr("now")  # the rundown's F6 did nothing


def test_speaker_keys_work_after_a_click_on_the_area_list(
    make_window: MakeWindow, ui_db: Storage, qtbot: QtBot
) -> None:
    clock = ManualClock(wib(9, 40))
    window = open_demo(make_window, ui_db, clock)
    event_id = window.event_id
    assert event_id is not None
    paparan = next(i for i in ui_db.list_rundown_items(event_id)
                   if i.title.endswith("KPU Kota Jambi"))
    assert paparan.id is not None
    rundown_ops.add_speaker(ui_db, paparan.id, name="Ketua KPU Kota Jambi", allotted_seconds=600)
    rundown_ops.start_item(ui_db, paparan.id, clock=clock)
    page = click_area(qtbot, window, "rundown")
    assert isinstance(page, RundownPage)
    page.live.reload()
    press(qtbot, Qt.Key.Key_F7)  # the speaker gets the floor
    [speaker] = ui_db.list_speakers(paparan.id)
    assert speaker.state == "speaking"
    window.area_list.setFocus()
    press(qtbot, Qt.Key.Key_F9)  # one more minute
    assert ui_db.list_speakers(paparan.id)[0].allotted_seconds == 660
    window.area_list.setFocus()
    press(qtbot, Qt.Key.Key_F8)  # pause
    assert ui_db.list_speakers(paparan.id)[0].state == "paused"


# -- item 11: the question form ----------------------------------------------------------------


def ask(qtbot: QtBot, page: DiscussionPage, asker: str, question: str, to: str) -> None:
    """Type an asker, the question and the addressee, and save with Ctrl+Enter in *Kepada*."""
    if QApplication.focusWidget() is not page.asker_edit:
        qtbot.mouseClick(page.asker_edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is page.asker_edit
    qtbot.keyClicks(page.asker_edit, asker)
    press(qtbot, Qt.Key.Key_Tab)  # Instansi (from the invitee, or left empty)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.question_edit
    qtbot.keyClicks(page.question_edit, question)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.addressee_combo
    qtbot.keyClicks(page.addressee_combo.lineEdit(), to)
    assert page.addressee_combo.currentText() == to
    press(qtbot, Qt.Key.Key_Return, CTRL)  # saved from *Kepada*


def test_after_saving_a_question_the_focus_is_back_in_the_asker(
    make_window: MakeWindow, ui_db: Storage, qtbot: QtBot
) -> None:
    window = open_demo(make_window, ui_db, ManualClock(wib(11, 0)))
    page = click_area(qtbot, window, "discussion")
    assert isinstance(page, DiscussionPage)
    ask(qtbot, page, "Siti Aminah", "Apakah ada TPS khusus di lapas?", "Ketua KPU Kota Jambi")
    assert cell(page.question_table, 0, 1) == "Siti Aminah"
    assert QApplication.focusWidget() is page.asker_edit  # the next asker's name comes next
    qtbot.keyClicks(QApplication.focusWidget(), "Budi Santoso")
    assert page.asker_edit.text() == "Budi Santoso"


def test_an_answer_typed_on_a_queued_question_marks_it_answered(
    make_window: MakeWindow, ui_db: Storage, qtbot: QtBot
) -> None:
    window = open_demo(make_window, ui_db, ManualClock(wib(11, 0)))
    page = click_area(qtbot, window, "discussion")
    assert isinstance(page, DiscussionPage)
    status = page.question_model.COLUMNS.index("status")
    ask(qtbot, page, "Siti Aminah", "Apakah ada TPS khusus di lapas?", "Ketua KPU Kota Jambi")
    ask(qtbot, page, "Budi Santoso", "Pengamanan malam hari?", "Kapolresta Jambi")
    assert [cell(page.question_table, r, status) for r in (0, 1)] == [tr("queued")] * 2
    # The first asker was answered without F7: the answer is typed into the form, saved.
    rect = page.question_table.visualRect(page.question_model.index(0, 1))
    qtbot.mouseClick(page.question_table.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    qtbot.keyClicks(page.answer_edit, "Ada, TPS khusus di Lapas Kelas IIA Jambi.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert cell(page.question_table, 0, status) == tr("answered")
    assert cell(page.question_table, 1, status) == tr("queued")
    # F8 now: nobody waits for an answer, and the message says who is still queued.
    window.area_list.setFocus()
    press(qtbot, Qt.Key.Key_F8)
    assert page.message_label.text() == (
        "Tidak ada pertanyaan yang menunggu jawaban: 1 penanya di termin 1 masih antre dan "
        "belum dipersilakan bertanya.")
    # Ctrl+Z takes the answer back: the question is queued again, without its answer.
    window.area_list.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert cell(page.question_table, 0, status) == tr("queued")
    event_id = window.event_id
    assert event_id is not None
    first = ui_db.list_event_questions(event_id)[0]
    assert (first.status, first.answer) == (QuestionStatus.ANTRE, "")
    # An answer typed and F8 pressed at once: answered too, and F8 says so.
    page.question_table.selectRow(1)
    qtbot.keyClicks(page.answer_edit, "Patroli gabungan setiap malam.")
    press(qtbot, Qt.Key.Key_F8)
    assert cell(page.question_table, 1, status) == tr("answered")
    assert page.message_label.text() == tr("Answered: {name}.", "DiscussionPage").format(
        name="Budi Santoso")


# -- item 9: a rehearsal on another day ----------------------------------------------------------


def test_running_the_rundown_on_another_day_is_a_rehearsal_told_once(
    make_window: MakeWindow, ui_db: Storage, qtbot: QtBot
) -> None:
    window = open_demo(make_window, ui_db, ManualClock(datetime(2026, 12, 3, 2, 0, tzinfo=UTC)))
    page = click_area(qtbot, window, "rundown")
    assert isinstance(page, RundownPage)
    status = page.model.COLUMNS.index("status")
    told: list[str] = []

    def answer(button: QMessageBox.StandardButton | None) -> Callable[[QWidget], None]:
        def handle(dialog: QWidget) -> None:
            assert isinstance(dialog, QMessageBox)
            told.append(f"{dialog.text()} {dialog.informativeText()}")
            if button is None:
                qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default: start
            else:
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        return handle

    when_modal(qtbot, answer(QMessageBox.StandardButton.Cancel))
    press(qtbot, Qt.Key.Key_F5)
    assert told and "Kamis, 3 Desember 2026" in told[0] and "Kamis, 14 Desember 2023" in told[0]
    assert cell(page.table, 0, status) == ""  # cancelled: nothing started
    when_modal(qtbot, answer(None))
    window.area_list.setFocus()
    press(qtbot, Qt.Key.Key_F5)
    assert cell(page.table, 0, status) == tr("now")
    assert page.delay_label.text() == tr("another day than the event's")
    # Once told, F5 runs on without asking again.
    window.area_list.setFocus()
    press(qtbot, Qt.Key.Key_F5)
    assert len(told) == 2 and QApplication.activeModalWidget() is None
    assert [cell(page.table, r, status) for r in (0, 1)] == [tr("done"), tr("now")]
    assert "menit" not in page.delay_label.text() and "min" not in page.delay_label.text()


def test_a_delay_over_an_hour_is_told_in_hours(
    make_window: MakeWindow, ui_db: Storage, qtbot: QtBot
) -> None:
    clock = ManualClock(wib(8, 30))
    window = open_demo(make_window, ui_db, clock)
    page = click_area(qtbot, window, "rundown")
    assert isinstance(page, RundownPage)
    clock.now = wib(9, 35)  # registration planned at 08.30, nothing started
    page.live.tick_now()
    assert page.delay_label.text() == tr("{hours} h {minutes} min late").format(
        hours=1, minutes=5)
    clock.now = wib(10, 30)
    page.live.tick_now()
    assert page.delay_label.text() == tr("{hours} h late").format(hours=2)


# -- item 10: a 1366-px laptop ---------------------------------------------------------------


def fully_shown(table: QTableView, column: int) -> bool:
    """Whether every cell of a column shows its whole text (no elision)."""
    if table.isColumnHidden(column):
        return False
    metrics = table.fontMetrics()
    width = table.columnWidth(column)
    return all(
        metrics.horizontalAdvance(cell(table, row, column)) + 8 <= width
        for row in range(table.model().rowCount())
    )


def test_the_meeting_pages_fit_a_laptop_screen(
    make_window: MakeWindow, ui_db: Storage, qtbot: QtBot
) -> None:
    clock = ManualClock(wib(9, 20))
    window = open_demo(make_window, ui_db, clock)
    window.resize(1340, 690)
    event_id = window.event_id
    assert event_id is not None
    for _ in range(6):
        rundown_ops.start_next_item(ui_db, event_id, clock=clock)
    termin = talk.open_termin(ui_db, event_id, clock=clock)
    assert termin.id is not None
    talk.add_question(ui_db, termin.id, asker_name="H. Hendra Saputra, S.E.",
                      asker_instansi="Bawaslu Kota Jambi",
                      question="Bagaimana kesiapan logistik di TPS rawan banjir?",
                      addressed_to="Ketua KPU Kota Jambi")
    asked = talk.next_asker(ui_db, event_id)
    talk.update_question(ui_db, asked.id or 0, {
        "answer": "Logistik disimpan di gudang kelurahan yang lebih tinggi.",
        "answered_by": "Ketua KPU Kota Jambi"})
    rundown = click_area(qtbot, window, "rundown")
    assert isinstance(rundown, RundownPage)
    rundown.live.reload()
    qtbot.wait(50)
    columns = rundown.model.COLUMNS
    table = rundown.table
    assert table.horizontalScrollBar().maximum() == 0
    for name in ("planned", "actual", "status"):
        assert fully_shown(table, columns.index(name)), name
    assert table.columnWidth(columns.index("title")) >= 220
    tooltip = table.model().index(5, columns.index("title")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Pj. Wali Kota Jambi" in tooltip  # the one responsible, when the column gave way
    rundown.tabs.setCurrentIndex(2)  # Statistik
    qtbot.wait(20)
    for stats in (rundown.speaker_totals_table, rundown.instansi_totals_table):
        count = stats.model().columnCount()
        assert stats.horizontalScrollBar().maximum() == 0
        for column in (count - 2, count - 1):  # turns and the time spoken
            assert fully_shown(stats, column)

    discussion = click_area(qtbot, window, "discussion")
    assert isinstance(discussion, DiscussionPage)
    qtbot.wait(50)
    questions = discussion.question_table
    names = discussion.question_model.COLUMNS
    assert questions.horizontalScrollBar().maximum() == 0
    assert fully_shown(questions, names.index("status"))
    assert questions.columnWidth(names.index("answer")) >= 120
    assert questions.columnWidth(names.index("question")) >= 160


def test_the_splitters_are_remembered(
    make_window: MakeWindow, ui_db: Storage, qtbot: QtBot
) -> None:
    window = open_demo(make_window, ui_db, None)
    sizes = {}
    for area in ("rundown", "discussion"):
        page = click_area(qtbot, window, area)
        splitter = page.findChild(QSplitter)
        total = sum(splitter.sizes())
        splitter.moveSplitter(total - 450, 1)  # the user drags the handle
        sizes[area] = splitter.sizes()
    window.close()
    again = make_window(ui_db)
    again.resize(window.size())
    for area in ("rundown", "discussion"):
        page = click_area(qtbot, again, area)
        assert page.findChild(QSplitter).sizes() == sizes[area], area
