"""The "Susunan Acara" page driven like a person: plan, reorder, run with the keys,
speakers and the timer (a manual clock: nothing sleeps), notes, undo."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.models import Event, Person, Role, RundownItem, RundownKind, SpeakerState
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations import rundown as rd
from rakor_desktop.operations.rundown import add_rundown_item, apply_typical_rundown, list_rundown
from rakor_desktop.storage import Storage
from rakor_desktop.timer import ManualClock, TimerPhase
from ui.meeting.record_models import (
    ROW_MIME,
    InstansiTotalsModel,
    LiveMeeting,
    RundownModel,
    SpeakerModel,
    SpeakerTotalsModel,
)
from ui.meeting.rundown_page import (
    MeetingSettingsDialog,
    RundownItemDialog,
    RundownPage,
    SpeakerDialog,
)
from ui.meeting.timer_widget import PHASE_COLOURS

from .conftest import when_modal

# 08.25 WIB on the day of the demo rakor.
T0 = datetime(2023, 12, 14, 1, 25, tzinfo=UTC)


def tr(text: str, context: str = "RecordModels") -> str:
    """A text as the app shows it (the same translate call as the code)."""
    return QCoreApplication.translate(context, text)


def wib(hour: int, minute: int, second: int = 0) -> datetime:
    """A moment on the day of the meeting, given in WIB."""
    return datetime(2023, 12, 14, hour - 7, minute, second, tzinfo=UTC)


def live_meeting(storage: Storage, clock: ManualClock) -> Iterator[LiveMeeting]:
    """A live meeting on a manual clock, stopped afterwards (for the ``live`` fixtures)."""
    meeting = LiveMeeting(storage, clock=clock)
    yield meeting
    meeting.set_event(None)  # stops its timer
    meeting.deleteLater()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def live(ui_db: Storage, clock: ManualClock, qapp: QApplication) -> Iterator[LiveMeeting]:
    yield from live_meeting(ui_db, clock)


def make_event(storage: Storage) -> int:
    return event_ops.create_event(
        storage,
        Event(title="Rapat Koordinasi Kesiapan Pemilu", date=date(2023, 12, 14),
              start_time=time(9, 0), call_time=time(8, 30), venue="Aula Griya Mayang"),
    )


def focus(qtbot: QtBot, widget: QWidget) -> None:
    """Give a widget the keyboard focus in its active window (shortcuts need it)."""
    window = widget.window()
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def show_page(qtbot: QtBot, page: QWidget) -> None:
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)


def key(qtbot: QtBot, widget: QWidget, key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where a person would: with the focus in ``widget``."""
    focus(qtbot, widget)
    qtbot.keyClick(widget, key, modifier)


def timer_colour(page: Any) -> QColor:
    """The background colour of the timer as painted (what the secretariat sees)."""
    image = page.timer_widget.grab().toImage()
    return image.pixelColor(image.width() // 2, 4)


@pytest.fixture
def page(qtbot: QtBot, ui_db: Storage, live: LiveMeeting, translations: Any) -> RundownPage:
    rundown = RundownPage(ui_db, live=live)
    show_page(qtbot, rundown)
    rundown.set_event(make_event(ui_db))
    return rundown


def test_the_qt_bindings_keep_their_references(qapp: QApplication) -> None:
    """The clocks update labels twice a second for hours. A binding that drops a
    reference to None at every call (PySide6 6.12.0 on Python 3.11 does) aborts the
    app ("Fatal Python error: none_dealloc") after some thousand calls: in the
    middle of the meeting. PySide6 6.11 keeps them."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(100):
        label.setText("09.42")
    lost = before - sys.getrefcount(None)
    assert lost < 50, f"this PySide6 loses a reference to None per call ({lost} in 100)"


def test_models_pass_the_model_tester(qtmodeltester: Any, ui_db: Storage, clock: ManualClock
                                      ) -> None:
    event_id = make_event(ui_db)
    ids = apply_typical_rundown(ui_db, event_id)
    rd.start_next_item(ui_db, event_id, clock=clock)
    model = RundownModel()
    model.set_rows(list_rundown(ui_db, event_id))
    qtmodeltester.check(model)
    speakers = SpeakerModel()
    for name in ("A", "B"):
        rd.add_speaker(ui_db, ids[6], name=name, instansi="KPU")
    rd.next_speaker(ui_db, ids[6], clock=clock)
    speakers.set_rows(ui_db.list_speakers(ids[6]))
    qtmodeltester.check(speakers)
    stats = rd.speaker_statistics(ui_db, event_id, clock=clock)
    totals, per_instansi = SpeakerTotalsModel(), InstansiTotalsModel()
    totals.set_rows(stats.per_speaker)
    per_instansi.set_rows(stats.per_instansi)
    qtmodeltester.check(totals)
    qtmodeltester.check(per_instansi)


def test_template_offered_on_an_empty_rundown(
    qtbot: QtBot, page: RundownPage, ui_db: Storage
) -> None:
    assert page.template_box.isVisible()
    qtbot.mouseClick(page.template_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 10
    assert not page.template_box.isVisible()
    assert page.model.index(1, 4).data() == "Pembukaan oleh pembawa acara"
    assert page.model.index(1, 1).data() == "09.00–09.05"  # planned end computed
    key(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 0 and page.template_box.isVisible()
    key(qtbot, page.table, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.model.rowCount() == 10


def test_reorder_with_the_keyboard_and_by_dragging(
    qtbot: QtBot, page: RundownPage, ui_db: Storage
) -> None:
    assert page.event_id is not None
    apply_typical_rundown(ui_db, page.event_id)
    page.live.reload()
    page.table.selectRow(3)  # Pembacaan doa
    key(qtbot, page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    titles = [i.title for i in list_rundown(ui_db, page.event_id)]
    assert titles[2] == "Pembacaan doa"
    assert page.selected_item().title == "Pembacaan doa"  # type: ignore[union-attr]
    key(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_rundown(ui_db, page.event_id)[3].title == "Pembacaan doa"
    # Dragging "Penutup" (row 9) onto the top: what the view hands the model on a drop.
    data = page.model.mimeData([page.model.index(9, 0)])
    assert data.hasFormat(ROW_MIME)
    page.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert list_rundown(ui_db, page.event_id)[0].title == "Penutup"
    assert page.model.index(0, 4).data() == "Penutup"
    empty = QMimeData()
    assert not page.model.dropMimeData(empty, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_add_edit_and_delete_items(qtbot: QtBot, page: RundownPage, ui_db: Storage) -> None:
    event_id = page.event_id
    assert event_id is not None
    invitee = invitee_ops.invite_person(
        ui_db, event_id, Person(name="Sri Purwaningsih", front_titles="Dr. Hj.",
                                back_titles="M.Si.", jabatan="Kepala Badan Kesbangpol",
                                instansi="Badan Kesbangpol Kota Jambi"))
    seen: dict[str, Any] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, RundownItemDialog)
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("laporan"))
        qtbot.keyClicks(dialog.title_edit, "Laporan Ketua Panitia")
        qtbot.keyClicks(dialog.responsible_edit, "purwa")
        popup = dialog.responsible_edit.completer_popup.popup()
        qtbot.waitUntil(popup.isVisible, timeout=2000)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        seen["responsible"] = dialog.responsible_edit.text()
        dialog.start_edit.setTime(dialog.start_edit.time().fromString("09.15", "HH.mm"))
        dialog.minutes_spin.setValue(12)
        seen["end"] = dialog.end_label.text()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, fill)
    key(qtbot, page.table, Qt.Key.Key_Insert)
    assert seen == {"responsible": "Kepala Badan Kesbangpol", "end": "09.27"}
    [item] = list_rundown(ui_db, event_id)
    assert (item.kind, item.title, item.planned_start, item.planned_minutes) == (
        RundownKind.LAPORAN, "Laporan Ketua Panitia", time(9, 15), 12)
    assert (item.responsible_invitee_id, item.responsible_text) == (
        invitee.id, "Kepala Badan Kesbangpol")

    def bad_edit(dialog: QWidget) -> None:
        assert isinstance(dialog, RundownItemDialog)
        dialog.title_edit.clear()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["error"] = dialog.error_label.text()  # the dialog stays open
        qtbot.keyClicks(dialog.title_edit, "Laporan Kepala Badan")
        dialog.actual_start_edit.open_end.setChecked(False)
        dialog.actual_start_edit.time_edit.setTime(
            dialog.actual_start_edit.time_edit.time().fromString("09.20", "HH.mm"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    page.table.selectRow(0)
    when_modal(qtbot, bad_edit)
    key(qtbot, page.table, Qt.Key.Key_F2)
    assert seen["error"] == "Nama mata acara wajib diisi."
    [item] = list_rundown(ui_db, event_id)
    assert (item.title, item.actual_start) == ("Laporan Kepala Badan", wib(9, 20))
    assert page.model.index(0, 6).data() == "09.20–"
    key(qtbot, page.table, Qt.Key.Key_Delete)
    assert list_rundown(ui_db, event_id) == []
    assert "Ctrl+Z" in page.message_label.text()
    key(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [i.title for i in list_rundown(ui_db, event_id)] == ["Laporan Kepala Badan"]


def test_run_the_rundown_with_f5_and_f6(
    qtbot: QtBot, page: RundownPage, ui_db: Storage, clock: ManualClock
) -> None:
    event_id = page.event_id
    assert event_id is not None
    ids = apply_typical_rundown(ui_db, event_id)
    page.live.reload()
    key(qtbot, page.table, Qt.Key.Key_F6)  # nothing going on yet
    assert page.message_label.text() == "Tidak ada mata acara yang sedang berlangsung."
    clock.now = wib(8, 42)
    page.live.tick_now()
    assert page.delay_label.text() == tr("{minutes} min late").format(minutes=12)
    assert "12.12" in page.end_label.text()
    key(qtbot, page.table, Qt.Key.Key_F5)
    assert rd.get_rundown_item(ui_db, ids[0]).actual_start == wib(8, 42)
    assert page.selected_item().id == ids[0]  # type: ignore[union-attr]
    assert "Registrasi peserta" in page.now_label.text()
    clock.now = wib(9, 5)
    key(qtbot, page.table, Qt.Key.Key_F5)
    assert rd.get_rundown_item(ui_db, ids[0]).actual_end == wib(9, 5)
    assert rd.get_rundown_item(ui_db, ids[1]).actual_start == wib(9, 5)
    clock.now = wib(9, 8)
    key(qtbot, page.table, Qt.Key.Key_F6)
    assert rd.get_rundown_item(ui_db, ids[1]).actual_end == wib(9, 8)
    page.live.tick_now()
    assert page.delay_label.text() == tr("{minutes} min late").format(minutes=3)
    clock.now = wib(9, 5, 30)  # (as if it were 09.05.30) under a minute off is on time
    page.live.tick_now()
    assert page.delay_label.text() == tr("on time")
    assert page.model.index(1, 7).data() == tr("done")
    assert page.model.index(0, 6).data() == "08.42–09.05"


def test_speakers_and_the_timer(
    qtbot: QtBot, page: RundownPage, ui_db: Storage, clock: ManualClock
) -> None:
    event_id = page.event_id
    assert event_id is not None
    rd.save_meeting_settings(ui_db, event_id, rd.MeetingSettings(warning_seconds=60))
    narasumber = invitee_ops.invite_person(
        ui_db, event_id, Person(name="Rahmat Hidayat", back_titles="S.H., M.H.",
                                jabatan="Ketua KPU Kota Jambi", instansi="KPU Kota Jambi"),
        role=Role.NARASUMBER)
    invitee_ops.invite_person(ui_db, event_id, Person(name="Rahmawati Lubis", jabatan="Lurah Legok",
                                                      instansi="Kelurahan Legok"))
    item_id = add_rundown_item(ui_db, event_id, RundownItem(
        event_id=0, title="Paparan KPU", kind=RundownKind.PAPARAN, planned_start=time(9, 0),
        planned_minutes=5, responsible_invitee_id=narasumber.id,
        responsible_text="Ketua KPU Kota Jambi"))
    page.live.reload()
    page.table.selectRow(0)
    seen: dict[str, Any] = {}

    def first(dialog: QWidget) -> None:
        assert isinstance(dialog, SpeakerDialog)
        seen["prefilled"] = (dialog.name_edit.text(), dialog.instansi_edit.text(),
                             dialog.minutes_spin.value())
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, first)
    qtbot.mouseClick(page.add_speaker_button, Qt.MouseButton.LeftButton)
    assert seen["prefilled"] == ("Rahmat Hidayat, S.H., M.H.", "KPU Kota Jambi", 5)

    def second(dialog: QWidget) -> None:
        assert isinstance(dialog, SpeakerDialog)
        qtbot.keyClicks(dialog.name_edit, "rahma")
        popup = dialog.name_edit.completer_popup.popup()
        qtbot.waitUntil(popup.isVisible, timeout=2000)
        seen["first suggestion"] = dialog.name_edit.search_model.index(0).data()
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "Tamu Undangan")
        qtbot.keyClicks(dialog.instansi_edit, "Dinas Kominfo")
        dialog.minutes_spin.setValue(3)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, second)
    key(qtbot, page.speaker_table, Qt.Key.Key_Insert)
    assert seen["first suggestion"].startswith("★ Rahmat Hidayat")  # narasumber first
    assert [(s.name, s.allotted_seconds) for s in ui_db.list_speakers(item_id)] == [
        ("Rahmat Hidayat, S.H., M.H.", 300), ("Tamu Undangan", 180)]

    assert page.timer_widget.phase == TimerPhase.IDLE
    key(qtbot, page.table, Qt.Key.Key_F7)  # the first speaker has the floor
    assert page.timer_widget.time_label.text() == "05:00"
    assert timer_colour(page) == QColor(PHASE_COLOURS[TimerPhase.NORMAL][0])
    clock.advance(240)
    page.live.tick_now()
    assert page.timer_widget.time_label.text() == "01:00"
    assert page.timer_widget.phase == TimerPhase.WARNING
    assert timer_colour(page) == QColor(PHASE_COLOURS[TimerPhase.WARNING][0])
    assert page.live.beeps == 1
    key(qtbot, page.table, Qt.Key.Key_F8)  # pause
    clock.advance(120)
    page.live.tick_now()
    assert page.timer_widget.time_label.text() == "01:00"
    assert page.timer_widget.state_label.text() == page.timer_widget.tr("paused")
    key(qtbot, page.table, Qt.Key.Key_F8)  # resume
    clock.advance(75)
    page.live.tick_now()
    assert page.timer_widget.time_label.text() == "+00:15"
    assert timer_colour(page) == QColor(PHASE_COLOURS[TimerPhase.OVERTIME][0])
    assert page.live.beeps == 2
    key(qtbot, page.table, Qt.Key.Key_F9)  # one more minute
    assert page.timer_widget.time_label.text() == "00:45"
    key(qtbot, page.table, Qt.Key.Key_F7)  # the next speaker
    first_speaker, second_speaker = ui_db.list_speakers(item_id)
    assert (first_speaker.state, first_speaker.spoken_seconds, first_speaker.allotted_seconds) == (
        SpeakerState.FINISHED, 315, 360)
    assert second_speaker.state == SpeakerState.SPEAKING
    assert page.speaker_model.index(1, 3).data() == tr("speaking")
    clock.advance(100)
    key(qtbot, page.table, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)  # finish
    assert ui_db.list_speakers(item_id)[1].spoken_seconds == 100
    assert page.timer_widget.subject_label.text() == "Paparan KPU"  # the item's own time
    page.tabs.setCurrentIndex(2)
    assert page.speaker_totals_model.rowCount() == 2
    assert page.instansi_totals_model.index(0, 0).data() == "KPU Kota Jambi"
    assert page.instansi_totals_model.index(0, 3).data() == "05:15"


def test_notes_are_saved_when_typing_stops_and_when_leaving(
    qtbot: QtBot, page: RundownPage, ui_db: Storage
) -> None:
    event_id = page.event_id
    assert event_id is not None
    ids = apply_typical_rundown(ui_db, event_id)
    page.live.reload()
    page.table.selectRow(6)
    page.tabs.setCurrentIndex(1)
    focus(qtbot, page.notes_edit)
    qtbot.keyClicks(page.notes_edit, "DPT Kota Jambi 432.118 pemilih")
    qtbot.waitUntil(lambda: rd.get_rundown_item(ui_db, ids[6]).notes != "", timeout=3000)
    assert rd.get_rundown_item(ui_db, ids[6]).notes == "DPT Kota Jambi 432.118 pemilih"
    qtbot.keyClicks(page.notes_edit, "; 1.204 TPS")
    page.table.selectRow(7)  # another item: the notes so far are kept
    assert rd.get_rundown_item(ui_db, ids[6]).notes.endswith("1.204 TPS")
    assert page.notes_edit.toPlainText() == ""
    qtbot.keyClicks(page.notes_edit, "Bawaslu: 3 TPS rawan")
    page.hide()
    assert rd.get_rundown_item(ui_db, ids[7]).notes == "Bawaslu: 3 TPS rawan"


def test_settings_dialog(qtbot: QtBot, page: RundownPage, ui_db: Storage) -> None:
    def change(dialog: QWidget) -> None:
        assert isinstance(dialog, MeetingSettingsDialog)
        dialog.cap_spin.setValue(4)
        dialog.warning_spin.setValue(30)
        dialog.sound_check.setChecked(False)
        dialog.accept()

    when_modal(qtbot, change)
    qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)
    settings = rd.meeting_settings(ui_db, page.event_id or 0)
    assert (settings.termin_max_askers, settings.warning_seconds, settings.sound) == (
        4, 30, False)
    assert page.live.state.settings == settings
