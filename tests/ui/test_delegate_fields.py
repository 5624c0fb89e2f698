"""Issue 10, items 12 and 13, from the operator's side.

The desk comes up with Ctrl+R, a name is typed, F3 opens the *mewakili* dialog, its
fields are filled and Enter checks the delegate in; the daftar hadir then prints the
delegate's NIP/NRP and phone. An officer's NRP is typed into the invitee form's one
NIP/NRP field.
"""

from __future__ import annotations

import gc
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.exports.documents.export import export_attendance_list
from rakor_desktop.models import Invitee
from rakor_desktop.storage import Storage
from ui.desk.checkin_page import CheckinPage, OnBehalfDialog
from ui.mainwindow import MainWindow
from ui.participants.invitee_dialog import InviteeDialog

from ..core.document_record import pdf_text, squeeze
from .conftest import when_modal

MakeWindow = Callable[..., MainWindow]


def settle(qtbot: QtBot) -> None:
    gc.collect()
    qtbot.wait(50)


def keys() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.fixture
def event_id(ui_db: Storage) -> int:
    return create_demo_event(ui_db)


@pytest.fixture
def window(make_window: MakeWindow, ui_db: Storage, event_id: int) -> MainWindow:
    return make_window(ui_db)


def _invitee(storage: Storage, event_id: int, name: str) -> Invitee:
    [found] = [i for i in storage.list_invitees(event_id) if i.person.name == name]
    return found


def _open_desk_on(qtbot: QtBot, window: MainWindow, typed: str) -> CheckinPage:
    window.resize(1340, 690)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    desk = window.participants_area.desk
    qtbot.waitUntil(desk.search_edit.hasFocus)
    qtbot.keyClicks(keys(), typed)
    qtbot.waitUntil(lambda: desk.model.rowCount() == 1)
    return desk


def _fill(qtbot: QtBot, edit: QWidget, text: str) -> None:
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def test_f3_takes_the_delegates_titles_nrp_pangkat_and_phone_into_the_daftar_hadir(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int, tmp_path: Path
) -> None:
    _open_desk_on(qtbot, window, "Hasan Jamaluddin")  # Komandan Kodim 0415/Jambi
    seen: dict[str, str] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, OnBehalfDialog)
        _fill(qtbot, dialog.name_edit, "Slamet Riyadi")
        _fill(qtbot, dialog.front_titles_edit, "Mayor Inf.")
        _fill(qtbot, dialog.back_titles_edit, "S.Sos.")
        _fill(qtbot, dialog.nip_edit, "NRP 11950018630774")
        _fill(qtbot, dialog.pangkat_edit, "Mayor")
        _fill(qtbot, dialog.jabatan_edit, "Kasdim 0415/Jambi")
        _fill(qtbot, dialog.phone_edit, "0812-7400-5555")
        dialog.grab().save(str(tmp_path / "on_behalf.png"))
        seen["size"] = f"{dialog.width()}x{dialog.height()}"
        qtbot.keyClick(keys(), Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    settle(qtbot)
    assert seen, "the F3 dialog did not open"

    hasan = _invitee(ui_db, event_id, "Hasan Jamaluddin")
    [row] = ui_db.document_attendees(event_id, include_absent=False)
    assert row["invitee_id"] == hasan.id
    assert (row["on_behalf_name"], row["on_behalf_front_titles"], row["on_behalf_back_titles"]) == (
        "Slamet Riyadi", "Mayor Inf.", "S.Sos.",
    )
    assert (row["on_behalf_nip"], row["on_behalf_pangkat"], row["on_behalf_phone"]) == (
        "11950018630774", "Mayor", "0812-7400-5555",
    )

    [pdf] = export_attendance_list(ui_db, event_id, tmp_path, formats=("pdf",))
    text = squeeze(pdf_text(pdf))
    assert squeeze("NIP/NRP") in text
    assert squeeze("Mayor Inf. Slamet Riyadi, S.Sos. mewakili Letkol Inf. Hasan Jamaluddin") in text
    assert squeeze("11950018630774") in text
    assert squeeze("0812-7400-5555") in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                        str(tmp_path / "daftar_hadir")], check=True)  # fmt: skip


def test_a_wrong_nip_keeps_the_f3_dialog_open_with_everything_typed(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int
) -> None:
    _open_desk_on(qtbot, window, "Agus Ismail")
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, OnBehalfDialog)
        _fill(qtbot, dialog.name_edit, "Rahmat Hidayat")
        _fill(qtbot, dialog.phone_edit, "0813-1234-5678")
        _fill(qtbot, dialog.nip_edit, "1980 0101 2005 0110")  # 16 digits: a NIP missing two
        qtbot.keyClick(keys(), Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()
        seen["note"] = dialog.nip_note.text()
        seen["kept"] = (dialog.name_edit.text(), dialog.phone_edit.text())
        dialog.nip_edit.clear()
        qtbot.keyClicks(dialog.nip_edit, "19800101 200501 1 003")
        qtbot.keyClick(keys(), Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    settle(qtbot)

    assert seen["open"] is True
    assert "18 digit" in str(seen["note"])
    assert seen["kept"] == ("Rahmat Hidayat", "0813-1234-5678")
    [row] = ui_db.document_attendees(event_id, include_absent=False)
    assert (row["on_behalf_nip"], row["on_behalf_phone"]) == (
        "198001012005011003", "0813-1234-5678",
    )


def test_the_invitee_form_takes_an_officers_nrp(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, InviteeDialog)
        _fill(qtbot, dialog.name_edit, "AKP Dedi Kurniawan")
        _fill(qtbot, dialog.nip_edit, "85040321")  # Polri NRP: born April 1985
        seen["ok"] = dialog.ok_button.isEnabled()
        seen["error"] = dialog.nip_error.isVisible()
        qtbot.keyClick(keys(), Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_N, control_shift)
    settle(qtbot)

    assert seen == {"ok": True, "error": False}
    added = _invitee(ui_db, event_id, "Dedi Kurniawan")
    assert (added.person.front_titles, added.person.nip) == ("AKP", "85040321")


def test_an_unusual_nrp_is_noted_in_the_f3_dialog_and_accepted(
    qtbot: QtBot, window: MainWindow, ui_db: Storage, event_id: int
) -> None:
    _open_desk_on(qtbot, window, "Andi Fajar Zainuddin")  # Kapolresta Jambi
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, OnBehalfDialog)
        _fill(qtbot, dialog.name_edit, "Dedi Kurniawan")
        _fill(qtbot, dialog.nip_edit, "75130123")  # 13 is no month of birth
        qtbot.keyClick(keys(), Qt.Key.Key_Tab)  # on to the next field
        seen["note"] = dialog.nip_note.text() if dialog.nip_note.isVisible() else ""
        qtbot.keyClick(keys(), Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    settle(qtbot)

    assert "13 bukan bulan" in str(seen["note"])
    [row] = ui_db.document_attendees(event_id, include_absent=False)
    assert (row["on_behalf_name"], row["on_behalf_nip"]) == ("Dedi Kurniawan", "75130123")
