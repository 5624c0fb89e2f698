"""The host's screens for the phones in the hall (issue 14), from the user's side.

Questions sent from the floor wait in the Diskusi page's panel until the secretariat
accepts one into the termin with the keyboard; a walk-in who checked in with a phone
waits on the desk page until a desk confirms (registered, present, with the phone's
signature) or refuses; the entrance screen's QR code reads back (zxing-cpp) as the
self check-in link with this minute's code and changes with the minute; the
projector shows the floor page's QR in a corner; the host's network dialog shows the
moderator's and the projector's pairing links and the hall pages. Whatever a phone
typed is shown as text (``<img src=x onerror=alert(1)>`` literally). Real SQLite
files, the real window, the host's server on Qt's loop.
"""

from __future__ import annotations

import base64
import gc
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.formatting import format_clock
from rakor_desktop.models import FloorQuestionStatus, PhoneWalkInStatus, QuestionStatus
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import floor
from rakor_desktop.operations.selfcheckin import HallKeys, submit_phone_walk_in
from rakor_desktop.storage import Storage
from tests.core.document_record import signature_png
from ui.desk.phone_walkins import PhoneWalkInsDialog
from ui.mainwindow import MainWindow
from ui.meeting.discussion_page import DiscussionPage
from ui.meeting.floor_panel import SetAsideDialog
from ui.network import event_loop
from ui.network.entrance import SelfCheckinWindow
from ui.network.host_dialog import HostNetworkDialog
from ui.network.status import host_status_text

from .conftest import when_modal

MakeWindow = Callable[..., MainWindow]
XSS = "<img src=x onerror=alert(1)>"


TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _as_shown(tooltip: str) -> str:
    """A tooltip's text as Qt shows it (it reads what looks like markup as HTML)."""
    document = QTextDocument()
    if QtGui.Qt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def _settle(qtbot: QtBot) -> None:
    gc.collect()
    qtbot.wait(50)


def _action(window: MainWindow, name: str) -> QAction:
    """The menu's action of that name (as the user finds it in the menu bar)."""
    menus = [m.menu() for m in window.menuBar().actions() if m.menu() is not None]
    found = [a for menu in menus for a in menu.actions() if a.objectName() == name]
    assert len(found) == 1, f"{len(found)} actions {name}"
    return found[0]


def _decode(widget: QWidget, path: Path) -> set[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    image_module = pytest.importorskip("PIL.Image")
    assert widget.grab().save(str(path))
    return {r.text for r in zxingcpp.read_barcodes(image_module.open(path))}


@pytest.fixture
def demo(ui_db: Storage, make_window: MakeWindow) -> Iterator[tuple[MainWindow, int]]:
    event_id = create_demo_event(ui_db)
    window = make_window(ui_db)
    window.open_event(event_id)
    yield window, event_id


@pytest.fixture(autouse=True)
def _network_off_afterwards(qtbot: QtBot) -> Iterator[None]:
    """Every window's network stops; the asyncio loop on Qt's is given up."""
    yield
    for window in [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]:
        window.network.shut_down()
        stopping = window.network.host.stopping
        if stopping is not None:
            qtbot.waitUntil(stopping.done, timeout=5000)
    event_loop.release()


# -- questions from the floor on the Diskusi page ----------------------------------------


def test_a_floor_question_waits_on_the_diskusi_page_and_ctrl_shift_a_puts_it_in_the_termin(
    demo: tuple[MainWindow, int], ui_db: Storage, qtbot: QtBot
) -> None:
    window, event_id = demo
    termin = talk.open_termin(ui_db, event_id)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Diskusi
    _settle(qtbot)
    page = window.page("discussion")
    assert isinstance(page, DiscussionPage)
    assert not page.floor_panel.isVisible()  # nothing from the floor yet: no room taken

    # A phone sends a question (the server calls the core the same way).
    floor.submit_floor_question(
        ui_db, event_id, question=XSS, asker_name="Budi <b>Santoso</b>",
        asker_instansi="Kecamatan Telanaipura", addressed_to="KPU Kota Jambi")
    qtbot.waitUntil(page.floor_panel.isVisible, timeout=3000)
    panel = page.floor_panel
    assert [q.question for q in panel.questions()] == [XSS]
    assert "1" in page.tabs.tabText(0)  # the tab says a question waits
    # Sent from a phone: shown literally, never as markup.
    assert panel.question_label.textFormat() == Qt.TextFormat.PlainText
    assert XSS in panel.question_label.text()
    assert panel.model.data(panel.model.index(0, 4)) == XSS
    assert _as_shown(panel.model.data(panel.model.index(0, 4), TOOLTIP)) == XSS
    sent = panel.questions()[0].submitted_at
    assert sent is not None  # shown in the event's zone, as every time in the app
    assert panel.model.data(panel.model.index(0, 0)) == format_clock(sent, "WIB")

    # The area list has the focus (a click there): the page's key still works.
    window.area_list.setFocus()
    qtbot.keyClick(window.area_list, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _settle(qtbot)
    queued = ui_db.list_questions(termin.id or 0)
    assert [(q.asker_name, q.question, q.source, q.status) for q in queued] == [
        ("Budi <b>Santoso</b>", XSS, "ponsel", QuestionStatus.ANTRE)]
    assert ui_db.list_floor_questions(event_id)[0].status == FloorQuestionStatus.ACCEPTED
    assert not panel.isVisible()
    assert page.question_model.rowCount() == 1  # in the termin's queue on the page
    model = page.question_model
    cell = next(model.index(0, c) for c in range(model.columnCount())
                if model.data(model.index(0, c)) == XSS)
    shown = _as_shown(model.data(cell, TOOLTIP)).splitlines()
    assert "Budi <b>Santoso</b> (Kecamatan Telanaipura)" in shown  # literally, no markup
    assert f"{XSS} → KPU Kota Jambi" in shown
    assert "Budi <b>Santoso</b>" in page.message_label.text()
    assert page.message_label.textFormat() == Qt.TextFormat.PlainText


def test_set_aside_with_the_keyboard_and_a_stale_view_is_told(
    demo: tuple[MainWindow, int], ui_db: Storage, qtbot: QtBot
) -> None:
    window, event_id = demo
    termin = talk.open_termin(ui_db, event_id)
    first = floor.submit_floor_question(ui_db, event_id, question="Bagaimana logistik TPS?",
                                        asker_name="Ani")
    floor.submit_floor_question(ui_db, event_id, question="Kapan rapat berikutnya?",
                                asker_name="Dedi")
    window.show_area(window.AREAS.index("discussion"))
    page = window.page("discussion")
    assert isinstance(page, DiscussionPage)
    qtbot.waitUntil(lambda: len(page.floor_panel.questions()) == 2, timeout=3000)
    # The oldest first; Ctrl+Shift+X sets it aside.
    qtbot.keyClick(window, Qt.Key.Key_X,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _settle(qtbot)
    assert ui_db.get_floor_question(first.id or 0).status == FloorQuestionStatus.SET_ASIDE
    assert [q.asker_name for q in page.floor_panel.questions()] == ["Dedi"]

    # Set aside by mistake: the button on the keys' row lists it; Enter brings it back.
    back = page.floor_panel.set_aside_list_button
    assert back.isVisible() and "1" in back.text()

    def bring_back(dialog: QWidget) -> None:
        assert isinstance(dialog, SetAsideDialog)
        assert [q.asker_name for q in dialog.model.rows()] == ["Ani"]
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default: back to the list

    when_modal(qtbot, bring_back)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert ui_db.get_floor_question(first.id or 0).status == FloorQuestionStatus.INCOMING
    assert [q.asker_name for q in page.floor_panel.questions()] == ["Ani", "Dedi"]
    assert not back.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page.floor_panel.table.setFocus()
    page.floor_panel.table.selectRow(0)
    qtbot.keyClick(page.floor_panel.table, Qt.Key.Key_Delete)  # aside again, from the list
    _settle(qtbot)
    assert ui_db.get_floor_question(first.id or 0).status == FloorQuestionStatus.SET_ASIDE

    # The moderator's tablet accepts Dedi's question while the laptop still shows it:
    # the laptop's Enter in the list is refused with the reason, nothing twice.
    seen = page.floor_panel.questions()[0]
    floor.accept_floor_question(ui_db, seen.id or 0, expected_version=seen.version)
    page.floor_panel.model.set_rows([seen])  # the view as it was a moment ago
    page.floor_panel.table.setFocus()
    page.floor_panel.table.selectRow(0)
    qtbot.keyClick(page.floor_panel.table, Qt.Key.Key_Return)
    _settle(qtbot)
    assert len(ui_db.list_questions(termin.id or 0)) == 1
    assert page.message_label.text()  # why not
    assert not page.floor_panel.isVisible()  # the latest state: nothing waits


# -- walk-ins from phones at the desk ------------------------------------------------------


def test_a_phone_walk_in_confirmed_at_the_desk_is_present_with_the_signature(
    demo: tuple[MainWindow, int], ui_db: Storage, qtbot: QtBot
) -> None:
    window, event_id = demo
    keys = HallKeys()
    png = signature_png(7)
    submit_phone_walk_in(
        ui_db, event_id, keys, rotating_code=keys.current_code(), name=XSS,
        jabatan="Staf", instansi="Dinas Kominfo", phone="0812 1111 2222", signature_png=png)
    refused = submit_phone_walk_in(
        ui_db, event_id, keys, rotating_code=keys.current_code(), name="Orang Lewat",
        signature_png=png)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # the desk
    _settle(qtbot)
    desk = window.participants_area.desk
    assert desk.phone_banner.isVisible() and "2" in desk.phone_banner.text()
    invited_before = len(ui_db.list_invitees(event_id))

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, PhoneWalkInsDialog)
        assert [w.name for w in dialog.walk_ins()] == [XSS, "Orang Lewat"]
        assert dialog.who_label.textFormat() == Qt.TextFormat.PlainText
        assert dialog.who_label.text() == XSS
        assert _as_shown(dialog.table.item(0, 0).toolTip()) == XSS  # type: ignore[union-attr]
        assert not dialog.signature_label.pixmap().isNull()  # the phone's signature
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default button: Confirm
        _settle(qtbot)
        assert [w.name for w in dialog.walk_ins()] == ["Orang Lewat"]
        dialog.reject()

    when_modal(qtbot, confirm)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    _settle(qtbot)
    assert QApplication.activeModalWidget() is None
    invitees = ui_db.list_invitees(event_id)
    assert len(invitees) == invited_before + 1
    walk_in = next(i for i in invitees if i.person.name == XSS)
    row = ui_db.desk_rows([walk_in.id or 0])[0]
    assert row.first_checkin_at is not None
    checkin = ui_db.active_checkins(walk_in.id or 0)[0]
    assert checkin.station == "ponsel"
    assert ui_db.latest_signature(checkin.uid) == png
    desk.search_edit.setText("onerror")
    desk.run_search()
    row = desk.model.row_of(walk_in.id or 0)
    assert _as_shown(desk.model.data(desk.model.index(row, 0), TOOLTIP)) == XSS
    # The desk says so, as text; one still waits.
    assert desk.feedback.name.text() == XSS
    assert desk.feedback.name.textFormat() == Qt.TextFormat.PlainText
    assert desk.phone_banner.isVisible() and "1" in desk.phone_banner.text()

    # The other one is refused from the Desk menu (its item opens the same list).
    def refuse(dialog: QWidget) -> None:
        assert isinstance(dialog, PhoneWalkInsDialog)

        def sure() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, sure)
                return
            assert "Orang Lewat" in box.text()
            qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: Refuse

        QTimer.singleShot(0, sure)
        qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, refuse)
    _action(window, "desk_menu_phone_walk_ins").trigger()
    _settle(qtbot)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
    assert ui_db.get_phone_walkin(refused.id or 0).status == PhoneWalkInStatus.REFUSED
    assert len(ui_db.list_invitees(event_id)) == invited_before + 1
    assert not desk.phone_banner.isVisible()

    # On the invitation list (Ctrl+F) the walk-in's name is text, its tooltip too.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "onerror")
    participants = window.participants_page
    qtbot.waitUntil(lambda: participants.model.row_of(walk_in.id or 0) >= 0, timeout=3000)
    index = participants.model.index(participants.model.row_of(walk_in.id or 0), 1)
    assert participants.model.data(index) == XSS
    assert _as_shown(participants.model.data(index, TOOLTIP)) == XSS


# -- the host's network dialog, the entrance screen, the projector's QR --------------------


def _turn_host_on(qtbot: QtBot, window: MainWindow,
                  look: Callable[[HostNetworkDialog], None] | None = None) -> None:
    """Desk → Event network…, the switch on (then ``look`` at the dialog), Enter closes."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, HostNetworkDialog)
        qtbot.mouseClick(dialog.switch, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.controller.running, timeout=5000)
        if look is not None:
            look(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default button: Close

    when_modal(qtbot, handle)
    _action(window, "network_host").trigger()
    _settle(qtbot)
    assert QApplication.activeModalWidget() is None
    assert window.network.host.running
    window.activateWindow()  # a window manager gives the window back its keys
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_the_network_dialog_shows_the_moderator_and_projector_links_and_the_hall_pages(
    demo: tuple[MainWindow, int], qtbot: QtBot, tmp_path: Path
) -> None:
    window, _event_id = demo
    seen: dict[str, str] = {}

    def look(dialog: HostNetworkDialog) -> None:
        base = dialog.controller.base_url()
        assert base == dialog.address_combo.currentText()
        network = dialog.controller.network
        # Alt+M: the moderator's and the projector's one-time links as QR codes.
        qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
        assert dialog.left_tabs.currentIndex() == 1
        moderator = dialog.role_qrs["moderator"]
        qtbot.waitUntil(moderator.isVisible)
        expected = f"{base}/m?pair={network.role_pairing_code('moderator')}"
        assert moderator.text() == expected
        assert dialog.role_labels["moderator"].text() == expected
        projector = f"{base}/p?pair={network.role_pairing_code('projector')}"
        assert dialog.role_qrs["projector"].text() == projector
        moderator.resize(220, 220)
        assert _decode(moderator, tmp_path / "moderator.png") == {expected}
        # A new link (someone saw it who should not): the old one stops working.
        qtbot.mouseClick(dialog.role_buttons["moderator"], Qt.MouseButton.LeftButton)
        assert moderator.text() != expected
        assert moderator.text().endswith(network.role_pairing_code("moderator"))
        # The tablet pairs with the link: it is listed with its role, and the QR code
        # shows the next link (each link pairs one device).
        used = moderator.text()
        network.pair(network.role_pairing_code("moderator"), "Tablet podium", "192.0.2.9",
                     role="moderator")
        qtbot.waitUntil(lambda: moderator.text() != used, timeout=3000)
        qtbot.waitUntil(lambda: dialog.desks_table.rowCount() == 1, timeout=3000)
        listed = dialog.desks_table.item(0, 0).text()
        assert listed.startswith("Tablet podium (") and listed != "Tablet podium (desk)"
        # Alt+H: the public pages.
        qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
        assert dialog.floor_link_label.text() == f"{base}/tanya"
        assert dialog.floor_qr.text() == f"{base}/tanya"
        assert dialog.checkin_link_label.text() == f"{base}/hadir"
        assert dialog.entrance_button.isVisible() and dialog.floor_qr_button.isVisible()
        seen["base"] = base

    _turn_host_on(qtbot, window, look)
    assert seen["base"].startswith("http://")


def test_the_self_checkin_screen_shows_this_minutes_code_and_renews_it(
    demo: tuple[MainWindow, int], qtbot: QtBot, tmp_path: Path
) -> None:
    window, _event_id = demo
    now = [datetime.now(UTC).replace(second=10, microsecond=0)]
    window.network.screen_clock = lambda: now[0]

    # Before the network is on, the screen says how to turn it on.
    qtbot.keyClick(window, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _settle(qtbot)
    screen = window.network.entrance
    assert isinstance(screen, SelfCheckinWindow) and screen.isVisible()
    assert screen.off_label.isVisible() and screen.url() == ""

    _turn_host_on(qtbot, window)
    qtbot.waitUntil(lambda: screen.url() != "", timeout=3000)
    host = window.network.host
    keys = host.network.hall_keys
    minute = int(now[0].timestamp() // 60)
    first = f"{host.base_url()}/hadir?k={keys.code_at(minute)}"
    assert screen.url() == first
    assert _decode(screen.qr, tmp_path / "entrance.png") == {first}
    assert keys.code_at(minute) in screen.code_label.text()
    assert "50" in screen.renew_label.text()  # 10 s into the minute: 50 s left

    # A minute later the code is another one, and the QR carries it.
    now[0] += timedelta(minutes=1)
    qtbot.waitUntil(lambda: screen.url() != first, timeout=3000)
    second = f"{host.base_url()}/hadir?k={keys.code_at(minute + 1)}"
    assert screen.url() == second and keys.code_at(minute + 1) != keys.code_at(minute)
    assert _decode(screen.qr, tmp_path / "entrance2.png") == {second}

    # The menu item brings the open screen forward (one screen, not two).
    _action(window, "network_self_checkin").trigger()
    _settle(qtbot)
    assert window.network.entrance is screen
    assert len([w for w in QApplication.topLevelWidgets()
                if isinstance(w, SelfCheckinWindow) and w.isVisible()]) == 1
    # The network off: the screen says so instead of a code that would not work.
    host.turn_off()
    qtbot.waitUntil(screen.off_label.isVisible, timeout=3000)
    assert screen.url() == ""


def test_the_projector_shows_the_floor_question_qr_in_a_corner(
    demo: tuple[MainWindow, int], qtbot: QtBot, tmp_path: Path
) -> None:
    window, _event_id = demo
    chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    action = _action(window, "projector_floor_qr")

    # Network off: told to turn it on; nothing is shown.
    def told(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert "Ctrl+Shift+J" in dialog.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_modal(qtbot, told)
    qtbot.keyClick(window, Qt.Key.Key_T, chord)
    _settle(qtbot)
    assert not action.isChecked()

    _turn_host_on(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_T, chord)
    _settle(qtbot)
    assert action.isChecked()
    from ui.meeting.projector import ProjectorWindow

    projector = window.live_meeting().open_window("projector")
    assert isinstance(projector, ProjectorWindow) and projector.isVisible()
    link = f"{window.network.host.base_url()}/tanya"
    assert action.isChecked() and projector.floor_qr_link() == link
    assert projector.floor_box.isVisible()
    assert _decode(projector.floor_qr, tmp_path / "floor.png") == {link}
    # In the projector's own right-click menu too.
    assert action in projector.screens_menu().actions()

    # Closed and opened again (Ctrl+Shift+P): the QR is still wanted, so it is there.
    projector.close()
    _settle(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_P, chord)
    _settle(qtbot)
    projector = window.live_meeting().open_window("projector")
    assert isinstance(projector, ProjectorWindow) and projector.floor_qr_link() == link

    # Another language makes the window's actions again: still on, one item, the new one.
    window.switch_language("en")
    _settle(qtbot)
    action = _action(window, "projector_floor_qr")
    assert action.isChecked() and projector.floor_qr_link() == link
    floor_items = [a for a in projector.screens_menu().actions()
                   if a.objectName() == "projector_floor_qr"]
    assert floor_items == [action]

    # Ctrl+Shift+T again: gone.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_T, chord)
    _settle(qtbot)
    assert not action.isChecked() and projector.floor_qr_link() == ""
    assert not projector.floor_box.isVisible()


def _post_from_a_phone(url: str, body: dict[str, object]) -> dict[str, object]:
    """What a phone's page sends (in a thread: the host serves on this thread's loop)."""
    answer: dict[str, object] = {}

    def send() -> None:
        request = urllib.request.Request(
            url, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                answer.update(status=response.status, body=json.loads(response.read()))
        except urllib.error.HTTPError as error:
            answer.update(status=error.code, body=json.loads(error.read()))

    thread = threading.Thread(target=send)
    answer["thread"] = thread
    thread.start()
    return answer


def test_what_phones_send_over_the_network_reaches_the_diskusi_page_and_the_desk(
    demo: tuple[MainWindow, int], ui_db: Storage, qtbot: QtBot
) -> None:
    """The floor page and the self check-in page post to the host's server; the host's
    screens show it (the server writes on its own connection: the window hears it as a
    change made elsewhere). Accepted and shown on the projector, the question is text."""
    window, event_id = demo
    termin = talk.open_termin(ui_db, event_id)
    _turn_host_on(qtbot, window)
    host = window.network.host
    base = next(u for u in host.urls() if "127.0.0.1" in u) + "/api/v1/public"
    window.show_area(window.AREAS.index("discussion"))
    page = window.page("discussion")
    assert isinstance(page, DiscussionPage)

    sent = _post_from_a_phone(f"{base}/questions", {
        "question": XSS, "asker_name": "Rahmat", "asker_instansi": "<i>Bawaslu</i>",
        "addressed_to": "KPU", "uid": "5e0c8a52-1d6f-4a3e-9d1b-2f0d3c4b5a69"})
    qtbot.waitUntil(lambda: not sent["thread"].is_alive(), timeout=10000)  # type: ignore[attr-defined]
    assert sent["status"] == 200, sent
    qtbot.waitUntil(page.floor_panel.isVisible, timeout=5000)
    assert [q.question for q in page.floor_panel.questions()] == [XSS]
    assert ui_db.list_questions(termin.id or 0) == []  # never straight to the termin
    # The status bar says so on every page.
    status = window.network.status_label
    qtbot.waitUntil(lambda: status.text() == host_status_text(True, 0, 1, 0), timeout=3000)

    # Enter in the list accepts it; F9 shows it on the projector: literally.
    page.floor_panel.table.setFocus()
    page.floor_panel.table.selectRow(0)
    qtbot.keyClick(page.floor_panel.table, Qt.Key.Key_Return)
    _settle(qtbot)
    question = ui_db.list_questions(termin.id or 0)[0]
    assert question.question == XSS and question.source == "ponsel"
    from ui.meeting.moderator_view import show_moderator_view
    from ui.meeting.projector import show_projector

    projector = show_projector(ui_db, event_id=event_id)
    moderator = show_moderator_view(ui_db, event_id=event_id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page.question_table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    _settle(qtbot)
    assert projector.question_label.text() == XSS
    assert projector.question_label.textFormat() == Qt.TextFormat.PlainText
    assert "<i>Bawaslu</i>" in projector.asker_label.text()
    assert projector.asker_label.textFormat() == Qt.TextFormat.PlainText
    assert moderator.question_label.text() == XSS
    assert moderator.question_label.textFormat() == Qt.TextFormat.PlainText

    # Someone not on the list checks in with a phone: the desk is told at once.
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot)
    desk = window.participants_area.desk
    assert not desk.phone_banner.isVisible()
    keys = host.network.hall_keys
    png = signature_png(11)
    sent = _post_from_a_phone(f"{base}/walkins", {
        "k": keys.current_code(), "name": "Tamu Baru", "instansi": "Warga",
        "phone": "0813 0000 1111", "signature_png": base64.b64encode(png).decode()})
    qtbot.waitUntil(lambda: not sent["thread"].is_alive(), timeout=10000)  # type: ignore[attr-defined]
    assert sent["status"] == 200, sent
    qtbot.waitUntil(desk.phone_banner.isVisible, timeout=5000)
    assert "1" in desk.phone_banner.text()
    qtbot.waitUntil(lambda: status.text() == host_status_text(True, 0, 0, 1), timeout=3000)


def test_the_network_dialog_puts_the_qr_codes_on_the_screens(
    demo: tuple[MainWindow, int], qtbot: QtBot
) -> None:
    """From the dialog's Hall pages tab: Alt+P the question QR on the projector, Alt+S
    the self check-in screen (the dialog closes so that the screen gets the keys)."""
    window, _event_id = demo

    def look(dialog: HostNetworkDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(dialog.floor_qr_button.isChecked)  # a mnemonic clicks animated
        dialog.activateWindow()  # the projector opened: the dialog is still the modal one
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    _turn_host_on(qtbot, window, look)
    _settle(qtbot)
    assert _action(window, "projector_floor_qr").isChecked()
    projector = window.live_meeting().open_window("projector")
    assert projector is not None
    assert projector.floor_qr_link() == f"{window.network.host.base_url()}/tanya"
    qtbot.waitUntil(lambda: window.network.entrance is not None, timeout=2000)
    assert window.network.entrance.url().startswith(
        f"{window.network.host.base_url()}/hadir?k=")
