"""Drive the shell like a person: create an event, edit it, switch language, reopen."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.models import Event, OfficialRole, Person
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.settings import Settings, load_settings
from rakor_desktop.storage import Storage
from ui.dialogs import EventChooserDialog, NewEventDialog, SettingsDialog
from ui.mainwindow import MainWindow

from .conftest import when_modal

MakeWindow = Callable[..., MainWindow]


def _event(storage: Storage, title: str = "Rakor Pemilu", day: date = date(2023, 12, 14)) -> int:
    return event_ops.create_event(
        storage, Event(title=title, date=day, start_time=time(9), venue="Aula Griya Mayang")
    )


def test_first_start_shows_welcome_in_indonesian(ui_db: Storage, make_window: MakeWindow) -> None:
    window = make_window(ui_db)
    assert window.body.currentWidget() is window.welcome
    menus = [a.text() for a in window.menuBar().actions()]
    assert (menus[0], menus[1], menus[-1]) == ("&Berkas", "&Meja", "Ba&ntuan")
    assert window.event_label.text() == "Belum ada acara yang dibuka"


def test_create_event_through_the_dialog(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(ui_db)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, NewEventDialog)
        assert not dialog.ok_button.isEnabled()  # nothing typed yet
        qtbot.keyClicks(dialog.title_edit, "Rapat Koordinasi Kesiapan Pemilu 2024")
        dialog.date_edit.setDate(QDate(2023, 12, 14))
        dialog.start_edit.setTime(QTime(9, 0))
        qtbot.keyClicks(dialog.venue_edit, "Aula Griya Mayang")
        qtbot.keyClicks(dialog.unit_edit, "BADAN KESATUAN BANGSA DAN POLITIK")
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, fill)
    window.new_event_action.trigger()

    [summary] = ui_db.list_events()
    event = event_ops.get_event(ui_db, summary.id)
    assert event.title == "Rapat Koordinasi Kesiapan Pemilu 2024"
    assert event.date == date(2023, 12, 14)
    assert event.start_time == time(9, 0)
    assert event.end_time is None  # "s.d. selesai" is the default
    assert event.venue == "Aula Griya Mayang"
    assert window.event_id == summary.id
    assert "Kamis, 14 Desember 2023" in window.event_label.text()
    assert "09.00 WIB s.d. selesai" in window.event_label.text()
    assert window.windowTitle().startswith("Rapat Koordinasi Kesiapan Pemilu 2024")


def test_new_event_dialog_refuses_end_before_start(ui_db: Storage, qtbot: QtBot,
                                                   translations: object) -> None:
    dialog = NewEventDialog(ui_db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.title_edit, "Rakor")
    dialog.start_edit.setTime(QTime(10, 0))
    dialog.end_edit.open_end.setChecked(False)
    dialog.end_edit.time_edit.setTime(QTime(9, 0))
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == "Jam selesai (09.00) harus setelah jam mulai (10.00)."
    dialog.end_edit.time_edit.setTime(QTime(12, 0))
    assert dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == ""
    assert ui_db.list_events() == []  # nothing saved until the user confirms


def test_details_form_saves_as_you_type(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    window = make_window(ui_db)
    window.open_event(event_id)
    page = window.event_page
    page.venue_edit.clear()
    qtbot.keyClicks(page.venue_edit, "Ruang Pola Kantor Wali Kota")
    qtbot.keyClicks(page.invitation_number_edit, "005/123/Kesbangpol/2023")
    page.invitation_date_edit.enabled_box.setChecked(True)
    page.invitation_date_edit.date_edit.setDate(QDate(2023, 12, 8))
    page.end_edit.open_end.setChecked(False)
    page.end_edit.time_edit.setTime(QTime(12, 0))
    qtbot.keyClicks(page.address_edit, "Jl. Jend. Basuki Rahmat No. 1, Jambi")
    # No button: the form saves by itself shortly after typing stops.
    qtbot.waitUntil(
        lambda: event_ops.get_event(ui_db, event_id).venue == "Ruang Pola Kantor Wali Kota",
                    timeout=3000)
    qtbot.waitUntil(lambda: not page.has_pending_changes(), timeout=3000)
    event = event_ops.get_event(ui_db, event_id)
    assert event.invitation_number == "005/123/Kesbangpol/2023"
    assert event.invitation_date == date(2023, 12, 8)
    assert event.end_time == time(12, 0)
    assert event.organizer_address == "Jl. Jend. Basuki Rahmat No. 1, Jambi"
    assert page.status_label.text().startswith("Tersimpan pukul")
    assert "09.00 s.d. 12.00 WIB" in window.event_label.text()


def test_details_form_refuses_an_invalid_change_and_says_why(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    window = make_window(ui_db)
    page = window.event_page
    page.title_edit.selectAll()
    qtbot.keyClick(page.title_edit, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.status_label.text() == "Nama acara wajib diisi.", timeout=3000)
    assert event_ops.get_event(ui_db, event_id).title == "Rakor Pemilu"  # the old title is kept
    qtbot.keyClicks(page.title_edit, "Rakor Pilkada")
    qtbot.waitUntil(lambda: event_ops.get_event(ui_db, event_id).title == "Rakor Pilkada",
                    timeout=3000)


def test_officials_are_named_from_typed_text_and_the_directory(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    invitee_ops.invite_person(ui_db, event_id, Person(
        name="Sri Purwaningsih", front_titles="Dr. H.", back_titles="M.Si.",
        nip="197703122003122007"))
    window = make_window(ui_db)
    chair = window.event_page.official_edits[OfficialRole.KETUA]
    qtbot.keyClicks(chair, "Dr. H. Sri Purwaningsih, M.Si.")
    qtbot.keyClick(chair, Qt.Key.Key_Return)
    notetaker = window.event_page.official_edits[OfficialRole.PENCATAT]
    qtbot.keyClicks(notetaker, "Rina Marlina, S.Sos.")
    qtbot.keyClick(notetaker, Qt.Key.Key_Return)
    officials = ui_db.get_officials(event_id)
    chair_person = ui_db.get_person(officials[OfficialRole.KETUA])
    assert chair_person is not None and chair_person.nip == "197703122003122007"  # reused
    notetaker_person = ui_db.get_person(officials[OfficialRole.PENCATAT])
    assert notetaker_person is not None
    assert (notetaker_person.name, notetaker_person.back_titles) == ("Rina Marlina", "S.Sos.")


def test_switch_language_then_reopen_finds_the_data(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    window = make_window(ui_db)
    assert window.event_id == event_id  # the last event is opened again ...
    window.show_area(2)
    qtbot.keyClicks(window.event_page.venue_edit, " Lt. 2")  # typed, not yet autosaved

    def choose_english(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        dialog.operator_edit.setText("Rina")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(qtbot, choose_english)
    window.settings_action.trigger()

    menus = [a.text() for a in window.menuBar().actions()]
    assert (menus[0], menus[1], menus[-1]) == ("&File", "&Desk", "&Help")
    assert window.area_list.item(1).text() == "Participants & Attendance"
    assert window.area_list.currentRow() == 2  # still where the user was
    assert event_ops.get_event(ui_db, event_id).venue == "Aula Griya Mayang Lt. 2"  # nothing lost
    assert load_settings().language == "en"  # remembered
    window.close()

    reopened = make_window(ui_db, load_settings())
    assert reopened.event_id == event_id
    assert reopened.event_page.venue_edit.text() == "Aula Griya Mayang Lt. 2"


def test_event_chooser_opens_and_deletes(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    first = _event(ui_db, "Rakor Pertama", date(2023, 1, 5))
    second = _event(ui_db, "Rakor Kedua", date(2023, 2, 9))
    window = make_window(ui_db)
    window.open_event(first)

    def choose_second(dialog: QWidget) -> None:
        assert isinstance(dialog, EventChooserDialog)
        assert dialog.model.rowCount() == 2
        # Newest first; the open event is preselected.
        assert dialog.model.index(0, 1).data() == "Rakor Kedua"
        assert dialog.model.index(1, 0).data() == "Kamis, 5 Januari 2023"
        assert dialog.selected_event_id() == first
        dialog.table.selectRow(0)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        dialog.accept()

    when_modal(qtbot, choose_second)
    window.open_event_action.trigger()
    assert window.event_id == second

    def delete_first(dialog: QWidget) -> None:
        assert isinstance(dialog, EventChooserDialog)
        dialog.table.selectRow(1)

        def confirm(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            assert "Rakor Pertama" in box.text()
            box.button(QMessageBox.StandardButton.Yes).click()

        _confirm_next_box(qtbot, confirm)
        dialog.delete_button.click()
        assert dialog.model.rowCount() == 1
        dialog.reject()

    when_modal(qtbot, delete_first)
    window.open_event_action.trigger()
    assert [e.title for e in ui_db.list_events()] == ["Rakor Kedua"]


def _confirm_next_box(qtbot: QtBot, handle: Callable[[QWidget], None]) -> None:
    from PySide6.QtCore import QTimer

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            handle(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_area_shortcuts_and_find(ui_db: Storage, make_window: MakeWindow, qtbot: QtBot) -> None:
    _event(ui_db)
    window = make_window(ui_db)
    window.activateWindow()
    for number in (3, 2, 5, 1):
        window.area_actions[number - 1].trigger()
        assert window.stack.currentIndex() == number - 1
    window.search_action.trigger()
    assert window.stack.currentWidget() is window.participants_area
    assert window.participants_area.currentWidget() is window.participants_page
    assert isinstance(QApplication.focusWidget(), QLineEdit) or window.participants_page.isVisible()


def test_participants_page_searches_in_sql(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    event_id = _event(ui_db)
    for name, instansi in [("Sri Purwaningsih", "Kesbangpol"), ("Budi Santoso", "KPU Kota"),
                           ("Ahmad Yani", "Bawaslu Kota")]:
        invitee_ops.invite_person(ui_db, event_id, Person(name=name, front_titles="Dr.",
                                                  instansi=instansi))
    window = make_window(ui_db)
    window.focus_search()
    page = window.participants_page
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search_edit, "bawaslu")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.index(0, 1).data() == "Dr. Ahmad Yani"
    assert page.count_label.text() == "1 ditampilkan · 3 diundang · 0 hadir"


def test_models_pass_qt_model_tester(ui_db: Storage, qtmodeltester: object) -> None:
    from ui.models import EventListModel, InviteeTableModel

    event_id = _event(ui_db)
    for i in range(250):  # more than one page
        invitee_ops.invite_person(ui_db, event_id, Person(name=f"Peserta {i:03d}", instansi="OPD"))
    invitees = InviteeTableModel(ui_db)
    invitees.set_event(event_id)
    qtmodeltester.check(invitees)  # type: ignore[attr-defined]
    assert invitees.index(249, 1).data() == "Peserta 249"
    invitees.set_query("peserta 01")
    qtmodeltester.check(invitees)  # type: ignore[attr-defined]
    assert invitees.rowCount() == 13  # 001, 010-019, 101, 201: every word is a substring
    events = EventListModel(ui_db)
    qtmodeltester.check(events)  # type: ignore[attr-defined]


def test_smoke_start_of_the_real_app(tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", "RAKOR_HOME": str(tmp_path / "home"),
           "PATH": "/usr/bin:/bin"}
    db = tmp_path / "smoke.sqlite3"
    storage = Storage.open(db)
    event_id = _event(storage)
    storage.close()
    result = subprocess.run(
        [sys.executable, "-m", "ui.app", "--db", str(db), "--event", str(event_id), "--smoke"],
        capture_output=True, text=True, timeout=120, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("RAKOR_FIRST_PAINT ")
    assert "Traceback" not in result.stderr
    log_text = (tmp_path / "home" / "logs" / "rakor-desktop.log").read_text(encoding="utf-8")
    assert "starting, database" in log_text
    assert list((tmp_path / "backups").glob("smoke-*.sqlite3"))  # backed up when opened


def test_database_newer_than_the_app_is_refused_with_a_message(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "newer.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA application_id = 1380010820")  # a Rakor Desktop file (0x52414B44)
        conn.execute("PRAGMA user_version = 999")
    env = {"QT_QPA_PLATFORM": "offscreen", "RAKOR_HOME": str(tmp_path / "home"),
           "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "ui.app", "--db", str(db), "--smoke"],
        capture_output=True, text=True, timeout=120, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 1
    assert "versi Rakor Desktop yang lebih baru" in result.stderr
    assert "Traceback" not in result.stderr


def test_settings_dialog_keeps_station_and_operator(qtbot: QtBot, translations: object) -> None:
    settings = Settings(station_name="meja-1", operator_name="Rina")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.station_edit.setText("  meja  2 ")
    dialog.apply_to(settings)
    assert settings.station_name == "meja 2"
    assert settings.operator_name == "Rina"


def test_window_size_and_place_are_remembered(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(ui_db)
    window.resize(790, 580)  # within the 800x600 offscreen screen
    window.close()
    again = make_window(ui_db)
    assert (again.width(), again.height()) == (790, 580)


def test_unexpected_error_is_logged_and_explained(
    qtbot: QtBot, tmp_path: Path, caplog: object, translations: object
) -> None:
    import logging

    from ui.qt_logging import install_excepthook

    shown: list[QMessageBox] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box)
        assert "Data Anda aman" in box.text()
        assert "ZeroDivisionError" in box.detailedText()
        box.close()

    old_hook = sys.excepthook
    install_excepthook(str(tmp_path / "rakor-desktop.log"))
    try:
        with caplog.at_level(logging.CRITICAL, logger="rakor.ui"):  # type: ignore[attr-defined]
            when_modal(qtbot, read_and_close)
            try:
                1 / 0  # noqa: B018
            except ZeroDivisionError:
                sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        assert shown
        assert "unexpected error" in caplog.text  # type: ignore[attr-defined]
    finally:
        sys.excepthook = old_hook
