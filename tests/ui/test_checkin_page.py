"""Drive the registration desk with the keyboard (and a pen) as the staff would."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.models import AttendanceKind, Event, Invitee, Person
from rakor_desktop.operations import checkin as desk
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage
from ui.desk.checkin_models import DeskResultsModel, GroupCountsModel, HistoryModel
from ui.desk.checkin_page import (
    CheckinPage,
    HistoryDialog,
    OnBehalfDialog,
    UndoDialog,
    WalkInDialog,
)
from ui.desk.signature_pad import SignatureDialog, SignaturePad
from ui.translations import Translations

from .conftest import when_modal


def page_tr(text: str) -> str:
    return QCoreApplication.translate("CheckinPage", text)


class FakeClock:
    """Moves one second per reading, from 01.30 UTC (08.30 WIB)."""

    def __init__(self) -> None:
        self.now = datetime(2023, 12, 14, 1, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def event_id(ui_db: Storage) -> int:
    return event_ops.create_event(
        ui_db,
        Event(title="Rapat Koordinasi Kesiapan Pemilu 2024", date=date(2023, 12, 14),
              start_time=time(9, 0), venue="Aula Griya Mayang"),
    )


@pytest.fixture
def hall(ui_db: Storage, event_id: int) -> dict[str, Invitee]:
    people = {
        "sri": Person(name="Sri Purwaningsih", front_titles="Dr. H.", back_titles="M.Si.",
                      jabatan="Kepala Badan", instansi="Badan Kesbangpol", group_name="OPD"),
        "srikandi": Person(name="Srikandi Lubis", jabatan="Anggota", instansi="KPU Kota Jambi",
                           group_name="KPU"),
        "budi": Person(name="Budi Sriyanto", back_titles="S.H.", jabatan="Lurah Sungai Putri",
                       instansi="Kelurahan Sungai Putri", group_name="Lurah"),
        "eko": Person(name="Eko Wahyudi", front_titles="Kombes Pol.", jabatan="Kapolresta Jambi",
                      instansi="Polresta Jambi", group_name="Forkopimda"),
    }
    return {key: invitee_ops.invite_person(ui_db, event_id, p) for key, p in people.items()}


@pytest.fixture
def page(
    qtbot: QtBot, ui_db: Storage, event_id: int, hall: dict[str, Invitee],
    translations: Translations,
) -> Iterator[CheckinPage]:
    widget = CheckinPage(ui_db, Settings(operator_name="Rina", station_name="meja-1"),
                         clock=FakeClock())
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_event(event_id)
    yield widget


def type_and_wait(qtbot: QtBot, page: CheckinPage, text: str) -> None:
    qtbot.keyClicks(page.search_edit, text)
    qtbot.waitUntil(lambda: page.model.query == page.search_edit.text())


def shown_names(page: CheckinPage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def present(storage: Storage, invitee: Invitee) -> bool:
    assert invitee.id is not None
    return bool(storage.active_checkins(invitee.id))


# -- typing and scanning ----------------------------------------------------------------


def test_typing_shows_best_matches_and_enter_checks_in_the_one_chosen(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee], event_id: int
) -> None:
    assert page.search_edit.hasFocus()
    type_and_wait(qtbot, page, "sri")
    assert shown_names(page) == [
        "Dr. H. Sri Purwaningsih, M.Si.", "Srikandi Lubis", "Budi Sriyanto, S.H.",
    ]  # fmt: skip
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # three match: nobody yet
    assert ui_db.attendance_log(event_id) == []
    assert page.feedback.kind == "info"
    assert page.search_edit.text() == "sri"
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)  # the top one, chosen
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)

    assert present(ui_db, hall["sri"]) and not present(ui_db, hall["srikandi"])
    assert page.feedback.kind == "ok"
    text = page.feedback.text()
    assert page_tr("Checked in at {time} {tz}").format(time="08.30", tz="WIB") in text
    assert "Dr. H. Sri Purwaningsih, M.Si." in text
    assert "Kepala Badan · Badan Kesbangpol" in text
    # Ready for the next person: field empty, the arrival on top of the latest arrivals.
    assert page.search_edit.text() == ""
    assert page.search_edit.hasFocus()
    assert shown_names(page) == ["Dr. H. Sri Purwaningsih, M.Si."]
    qtbot.waitUntil(lambda: page.counts_model.groups[0].present == 1)
    assert page.total_label.text() == page_tr("Present {present} of {invited} ({share} %)").format(
        present=1, invited=4, share=25
    )


def test_arrows_choose_another_match(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee]
) -> None:
    type_and_wait(qtbot, page, "sri")
    assert page.selected_row() is None  # three match: none chosen yet
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)  # the first ↓ chooses the top one
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Up)
    assert page.selected_row() is not None
    assert page.selected_row().name == "Srikandi Lubis"  # type: ignore[union-attr]
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert present(ui_db, hall["srikandi"])
    assert not present(ui_db, hall["sri"])


def test_scanner_bursts_check_in_at_once(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee], event_id: int
) -> None:
    # A scanner types the code and Enter within milliseconds: no waiting in between.
    for key in ("budi", "eko"):
        qtbot.keyClicks(page.search_edit, hall[key].checkin_code)
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert present(ui_db, hall["budi"]) and present(ui_db, hall["eko"])
    assert "Kombes Pol. Eko Wahyudi" in page.feedback.text()
    assert page.search_edit.text() == ""
    assert ui_db.attendance_counts(event_id).present == 2


def test_a_scanner_sending_two_enters_or_a_tab_is_fine(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee], event_id: int
) -> None:
    qtbot.keyClicks(page.search_edit, hall["budi"].checkin_code)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # CR and LF: the field is empty
    assert page.feedback.kind == "ok"
    assert "Budi Sriyanto, S.H." in page.feedback.text()
    qtbot.keyClicks(page.search_edit, hall["eko"].checkin_code)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Tab)  # a scanner set to end with Tab
    assert present(ui_db, hall["eko"])
    assert page.search_edit.hasFocus()
    qtbot.keyClicks(page.search_edit, "sri")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Tab)  # not a code: Tab does nothing
    assert page.search_edit.hasFocus() and page.search_edit.text() == "sri"
    assert ui_db.attendance_counts(event_id).present == 2


def test_a_scanned_link_with_the_code_checks_in(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee]
) -> None:
    qtbot.keyClicks(page.search_edit, f"https://undangan.example/c/{hall['eko'].checkin_code}")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert present(ui_db, hall["eko"])


def test_already_present_is_said_so_and_not_counted_twice(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee], event_id: int
) -> None:
    code = hall["budi"].checkin_code
    qtbot.keyClicks(page.search_edit, code)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.search_edit, code)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.feedback.kind == "already"
    assert page_tr("Already present since {time} {tz} — not counted again").format(
        time="08.30", tz="WIB"
    ) in page.feedback.text()
    # By name, too.
    type_and_wait(qtbot, page, "budi")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.feedback.kind == "already"
    assert len(ui_db.attendance_log(event_id)) == 1
    assert ui_db.attendance_counts(event_id).present == 1


def test_unknown_code_is_a_clear_red_message(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, event_id: int
) -> None:
    qtbot.keyClicks(page.search_edit, "ZZZZ2222")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.feedback.kind == "error"
    assert "Kode ZZZZ2222 tidak terdaftar untuk acara ini." in page.feedback.text()
    assert page_tr("Unknown code") in page.feedback.text()
    assert ui_db.attendance_log(event_id) == []
    # The text stays selected: the next scan replaces it.
    assert page.search_edit.selectedText() == "ZZZZ2222"
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""


def test_no_match_points_to_the_walk_in_key(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, event_id: int
) -> None:
    type_and_wait(qtbot, page, "Yani")
    assert shown_names(page) == []
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.feedback.kind == "error"
    assert "F2" in page.feedback.text()
    assert ui_db.attendance_log(event_id) == []


def test_a_piece_inside_a_name_is_found_once_the_typing_pauses(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee]
) -> None:
    type_and_wait(qtbot, page, "kandi")  # inside "Srikandi": no word starts with it
    assert shown_names(page) == []
    qtbot.waitUntil(lambda: shown_names(page) == ["Srikandi Lubis"])


def test_enter_does_not_wait_for_the_search_inside_names(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee]
) -> None:
    qtbot.keyClicks(page.search_edit, "kandi")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert present(ui_db, hall["srikandi"])


def test_escape_clears_the_field(qtbot: QtBot, page: CheckinPage) -> None:
    type_and_wait(qtbot, page, "sri")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""
    assert page.model.query == ""


def test_double_click_checks_in(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee]
) -> None:
    type_and_wait(qtbot, page, "sri")
    rect = page.table.visualRect(page.model.index(1, 0))
    # QTest's double click is only the second click: the view needs the first one too.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert present(ui_db, hall["srikandi"])
    assert page.search_edit.hasFocus()


# -- walk-ins and delegates ---------------------------------------------------------------


def test_walk_in_registers_and_checks_in(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, event_id: int
) -> None:
    type_and_wait(qtbot, page, "Drs. H. Ahmad Yani, M.Si.")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # not on the list

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, WalkInDialog)
        assert dialog.name_edit.text() == "Drs. H. Ahmad Yani, M.Si."  # what was typed
        assert "Ahmad Yani" in dialog.split_label.text()
        qtbot.keyClicks(dialog.jabatan_edit, "Ketua DPD")
        qtbot.keyClicks(dialog.instansi_edit, "Partai Hanura Kota Jambi")
        dialog.group_combo.setCurrentText("Parpol")
        qtbot.keyClicks(dialog.phone_edit, "0812-7400-1234")
        qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    with qtbot.waitSignal(page.invitees_changed):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_F2)

    [person] = ui_db.find_persons_by_name("Ahmad Yani")
    assert (person.front_titles, person.back_titles, person.phone) == (
        "Drs. H.", "M.Si.", "0812-7400-1234",
    )  # fmt: skip
    assert person.id is not None
    invitee = ui_db.find_invitee_of_person(event_id, person.id)
    assert invitee is not None and invitee.first_checkin_at is not None
    assert invitee.group_name == "Parpol"
    assert page.feedback.kind == "ok"
    assert "Drs. H. Ahmad Yani, M.Si." in page.feedback.text()
    qtbot.waitUntil(page.search_edit.hasFocus)  # back once the dialog's window is gone


def test_walk_in_cancelled_writes_nothing(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, event_id: int
) -> None:
    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, WalkInDialog)
        assert not dialog.ok_button.isEnabled()  # no name yet
        qtbot.keyClicks(dialog.name_edit, "Dr.")
        assert not dialog.ok_button.isEnabled()  # titles are not a name
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)

    when_modal(qtbot, cancel)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_F2)
    assert ui_db.attendance_counts(event_id).invited == 4
    qtbot.waitUntil(page.search_edit.hasFocus)  # back once the dialog's window is gone


def test_on_behalf_checks_in_the_delegate(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee]
) -> None:
    type_and_wait(qtbot, page, "purwaningsih")

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, OnBehalfDialog)
        assert dialog.instansi_edit.text() == "Badan Kesbangpol"
        qtbot.keyClicks(dialog.name_edit, "Yusuf Hamdani, S.E.")
        qtbot.keyClicks(dialog.jabatan_edit, "Kepala Bidang")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_F3)

    sri_id = hall["sri"].id
    assert sri_id is not None
    [row] = ui_db.desk_rows([sri_id])
    assert (row.on_behalf_name, row.on_behalf_jabatan) == ("Yusuf Hamdani, S.E.", "Kepala Bidang")
    text = page.feedback.text()
    assert "Yusuf Hamdani, S.E." in text
    assert page_tr("on behalf of {name}").format(name="Dr. H. Sri Purwaningsih, M.Si.") in text
    assert page.model.index(0, 1).data() == QCoreApplication.translate(
        "CheckinModels", "{time} (represented by {name})"
    ).format(time="08.30", name="Yusuf Hamdani, S.E.")


def test_keys_without_anyone_chosen_say_what_to_do(
    qtbot: QtBot, page: CheckinPage
) -> None:
    for key in (Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F8, Qt.Key.Key_F9):
        qtbot.keyClick(page.search_edit, key)
        assert page.feedback.kind == "error"
        assert page_tr("Nobody selected") in page.feedback.text()


# -- undo and history ---------------------------------------------------------------------


def test_undo_needs_a_reason_and_the_history_shows_it(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee], event_id: int
) -> None:
    qtbot.keyClicks(page.search_edit, hall["budi"].checkin_code)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, UndoDialog)
        assert not dialog.ok_button.isEnabled()
        line = dialog.reason_combo.lineEdit()
        assert line is not None
        qtbot.keyClick(line, Qt.Key.Key_Return)  # no reason: stays open
        assert dialog.isVisible()
        qtbot.keyClicks(line, "kartu tertukar dengan tamu lain")  # not one of the suggestions
        assert dialog.ok_button.isEnabled()
        qtbot.keyClick(line, Qt.Key.Key_Return)

    when_modal(qtbot, give_reason)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_F8)  # the person just checked in is chosen
    assert not present(ui_db, hall["budi"])
    assert page.feedback.kind == "info"
    assert page_tr("Check-in undone") in page.feedback.text()
    qtbot.waitUntil(lambda: ui_db.attendance_counts(event_id).present == 0
                    and page.counts_model.groups[2].present == 0)

    type_and_wait(qtbot, page, "budi")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # checked in again
    seen: dict[str, list[str]] = {}

    def read_history(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        model = dialog.model
        seen["rows"] = [
            " | ".join(str(model.index(r, c).data()) for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]
        dialog.reject()

    when_modal(qtbot, read_history)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_F9)
    rows = seen["rows"]
    assert len(rows) == 3
    models_tr = lambda text: QCoreApplication.translate("CheckinModels", text)  # noqa: E731
    assert rows[0].startswith("14 Desember 2023 08.30 | " + models_tr("Check-in"))
    assert models_tr(" (undone)") in rows[0]
    assert "meja-1 | Rina" in rows[0]
    assert models_tr("Check-in undone") in rows[1]
    reason = models_tr("Reason: {reason}").format(reason="kartu tertukar dengan tamu lain")
    assert reason in rows[1]
    assert models_tr(" (undone)") not in rows[2]
    qtbot.waitUntil(page.search_edit.hasFocus)  # back once the dialog's window is gone


# -- signatures ----------------------------------------------------------------------------


def draw(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    """A stroke with the mouse: press, move through the points, release."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_signature_after_checkin_is_stored_with_the_attendance(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee]
) -> None:
    page.ask_signature_check.setChecked(True)

    def sign(dialog: QWidget) -> None:
        assert isinstance(dialog, SignatureDialog)
        assert not dialog.save_button.isEnabled()
        draw(qtbot, dialog.pad, [(40, 100), (80, 60), (120, 120), (160, 70)])
        assert dialog.pad.stroke_count() == 1
        qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)  # clear and redo
        assert dialog.pad.is_empty() and not dialog.save_button.isEnabled()
        draw(qtbot, dialog.pad, [(30, 90), (90, 40), (150, 110), (220, 50), (260, 100)])
        draw(qtbot, dialog.pad, [(60, 130), (240, 128)])
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, sign)
    qtbot.keyClicks(page.search_edit, hall["eko"].checkin_code)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)

    eko_id = hall["eko"].id
    assert eko_id is not None
    png = desk.latest_signature(ui_db, eko_id)
    assert png is not None and png.startswith(b"\x89PNG")
    image = QImage.fromData(png, "PNG")
    assert not image.isNull() and image.width() > 200 and image.height() > 80
    dark = sum(
        1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
        if QImage.pixelColor(image, x, y).lightness() < 128
    )
    assert dark > 50  # ink, not a blank picture
    kinds = [e.kind for e in ui_db.attendance_history(eko_id)]
    assert kinds == [AttendanceKind.CHECKIN, AttendanceKind.SIGNATURE]
    qtbot.waitUntil(page.search_edit.hasFocus)  # back once the dialog's window is gone


def test_signature_is_off_by_default_and_skipping_stores_nothing(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee]
) -> None:
    assert not page.ask_signature_check.isChecked()
    qtbot.keyClicks(page.search_edit, hall["eko"].checkin_code)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # no dialog: the queue moves

    def skip(dialog: QWidget) -> None:
        assert isinstance(dialog, SignatureDialog)
        qtbot.keyClick(dialog.pad, Qt.Key.Key_Escape)

    when_modal(qtbot, skip)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_F4)  # sign later for the one just shown
    eko_id = hall["eko"].id
    assert eko_id is not None
    assert [e.kind for e in ui_db.attendance_history(eko_id)] == [AttendanceKind.CHECKIN]


def test_signature_pad_alone(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    assert pad.to_png() == b""
    with qtbot.waitSignal(pad.changed):
        draw(qtbot, pad, [(10, 10), (100, 100)])
    assert QImage.fromData(pad.to_png(), "PNG").width() >= 90
    pad.clear()
    assert pad.is_empty()


# -- counts, chart, changes from elsewhere ---------------------------------------------------


def test_counts_and_chart_follow_the_checkins(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee]
) -> None:
    assert page.chart.slots == []
    for key in ("sri", "budi", "eko"):
        qtbot.keyClicks(page.search_edit, hall[key].checkin_code)
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sum(g.present for g in page.counts_model.groups) == 3)
    assert [(g.group_name, g.present, g.invited) for g in page.counts_model.groups] == [
        ("OPD", 1, 1), ("KPU", 0, 1), ("Lurah", 1, 1), ("Forkopimda", 1, 1),
    ]  # fmt: skip
    assert page.counts_model.index(1, 2).data() == "0 %"
    assert [(s.label, s.count) for s in page.chart.slots] == [("08.30", 3)]
    page.chart.grab()  # paints without warnings


def test_checkins_made_elsewhere_appear(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee], event_id: int
) -> None:
    other = Storage.open(ui_db.path, backup=False)
    try:
        eko_id = hall["eko"].id
        assert eko_id is not None
        desk.checkin_invitee(other, eko_id, desk.Desk(station="meja-2"))
    finally:
        other.close()
    page._look_for_changes()  # what the window's runner has the desk do after a commit elsewhere
    assert shown_names(page) == ["Kombes Pol. Eko Wahyudi"]
    assert sum(g.present for g in page.counts_model.groups) == 1


# -- export ---------------------------------------------------------------------------------


def test_export_xlsx_and_csv_through_the_buttons(
    qtbot: QtBot, page: CheckinPage, ui_db: Storage, hall: dict[str, Invitee],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    for key in ("budi", "sri"):
        qtbot.keyClicks(page.search_edit, hall[key].checkin_code)
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    chosen = {"path": str(tmp_path / "hadir")}  # no suffix typed: added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (chosen["path"], "")
    )
    with qtbot.waitSignal(page.export_finished, timeout=20000) as done:
        qtbot.mouseClick(page.export_xlsx_button, Qt.MouseButton.LeftButton)
    assert done.args == [str(tmp_path / "hadir.xlsx")]
    sheet = load_workbook(tmp_path / "hadir.xlsx")["Daftar Hadir"]
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Budi Sriyanto, S.H.", "Dr. H. Sri Purwaningsih, M.Si."]

    chosen["path"] = str(tmp_path / "hadir.csv")
    with qtbot.waitSignal(page.export_finished, timeout=20000):
        qtbot.mouseClick(page.export_csv_button, Qt.MouseButton.LeftButton)
    with (tmp_path / "hadir.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert [r[1] for r in rows[1:]] == names
    assert page.status_label.text().startswith("2")


def test_export_to_an_impossible_place_says_why(
    qtbot: QtBot, page: CheckinPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing folder" / "hadir.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen: dict[str, str] = {}

    def close(dialog: QWidget) -> None:
        if not isinstance(dialog, QMessageBox):  # the progress dialog of a slow machine
            when_modal(qtbot, close)
            return
        seen["text"] = dialog.text()
        dialog.accept()

    when_modal(qtbot, close)
    with qtbot.waitSignal(page.export_failed, timeout=20000) as failed:
        page.export_csv_action.trigger()
    qtbot.waitUntil(lambda: "text" in seen)
    assert "tidak dapat ditulis" in failed.args[0]
    assert seen["text"] == failed.args[0]
    assert not target.parent.exists()


# -- models ---------------------------------------------------------------------------------


def test_models_pass_the_model_tester(
    qtmodeltester: object, ui_db: Storage, event_id: int, hall: dict[str, Invitee],
    translations: Translations,
) -> None:
    for n in range(120):  # more than one page
        invitee_ops.invite_person(ui_db, event_id, Person(name=f"Andi {n:03d}", group_name="Camat"))
    results = DeskResultsModel(ui_db)
    results.set_event(event_id)
    results.set_query("andi")
    assert results.rowCount() == 40 and results.canFetchMore()
    qtmodeltester.check(results)  # type: ignore[attr-defined]
    while results.canFetchMore():
        results.fetchMore()
    assert results.rowCount() == 120
    sri_id = hall["sri"].id
    assert sri_id is not None
    desk.checkin_invitee(ui_db, sri_id, desk.Desk(station="meja-1"))
    results.set_query("")
    qtmodeltester.check(results)  # type: ignore[attr-defined]

    counts = GroupCountsModel()
    counts.set_counts(desk.counts_per_group(ui_db, event_id))
    qtmodeltester.check(counts)  # type: ignore[attr-defined]

    desk.undo_checkin(ui_db, sri_id, "keliru", desk.Desk(station="meja-1"))
    history = HistoryModel(desk.checkin_history(ui_db, sri_id), "WIB")
    assert history.rowCount() == 2
    qtmodeltester.check(history)  # type: ignore[attr-defined]


def test_page_without_an_event(qtbot: QtBot, ui_db: Storage, translations: Translations) -> None:
    widget = CheckinPage(ui_db, Settings())
    qtbot.addWidget(widget)
    widget.set_event(None)
    assert not widget.isEnabled()
    widget.commit_entry()
    widget.refresh_counts()
    assert widget.model.rowCount() == 0
