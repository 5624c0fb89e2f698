"""The venue network from the user's side: two main windows in one process, each on
its own data folder, the host's API on Qt's loop and the desk's sync threads for real
(loopback HTTP, real SQLite files, no mocks).

The host turns *Jaringan acara* on through its menu; the desk joins through its menu
with the join link typed into the dialog and Enter; a scan at the desk shows on the
host's desk page and counts; the desk says waiting, then synced; revoking shows on the
desk; promoting makes the desk's copy a full event on the desk laptop; a desk window
opened again resumes as the desk.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.settings import Settings
from rakor_desktop.storage import Storage
from ui.mainwindow import MainWindow
from ui.network import event_loop
from ui.network.host_dialog import HostNetworkDialog
from ui.network.join_dialog import JoinDialog
from ui.network.status import desk_banner, desk_status, host_status_text

from .conftest import when_modal

MakeWindow = Callable[..., MainWindow]


def _settle(qtbot: QtBot) -> None:
    gc.collect()
    qtbot.wait(50)


def _when_message_box(qtbot: QtBot, handle: Callable[[QMessageBox], None]) -> None:
    """Run ``handle`` on the next question box (opened from inside another dialog)."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poll)
            return
        handle(box)

    QTimer.singleShot(0, poll)


def _action(window: MainWindow, name: str) -> QAction:
    """The menu's action of that name (as the user finds it in the menu bar)."""
    menus = [m.menu() for m in window.menuBar().actions() if m.menu() is not None]
    found = [a for menu in menus for a in menu.actions() if a.objectName() == name]
    assert len(found) == 1, f"{len(found)} actions {name}"
    return found[0]


@pytest.fixture
def two_homes(tmp_path: Path) -> Iterator[tuple[Storage, Storage]]:
    """The host laptop's database (the demo rakor) and the desk laptop's (empty)."""
    host = Storage.open(tmp_path / "host" / "rakor.sqlite3")
    desk = Storage.open(tmp_path / "desk" / "rakor.sqlite3")
    create_demo_event(host)
    yield host, desk
    desk.close()
    host.close()


@pytest.fixture(autouse=True)
def _network_off_afterwards(qtbot: QtBot) -> Iterator[None]:
    """Every window's network stops (server closed, sync threads joined); the asyncio
    loop on Qt's is given up so that other tests may run plain asyncio."""
    yield
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    for window in sorted(windows, key=lambda w: not w.network.is_desk):  # desks first
        window.network.shut_down()
        stopping = window.network.host.stopping
        if stopping is not None:
            qtbot.waitUntil(stopping.done, timeout=5000)
    event_loop.release()


def _turn_host_on(qtbot: QtBot, host: MainWindow) -> str:
    """Desk → Event network…, the switch on, read the join link, Enter closes."""
    seen: dict[str, str] = {}

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, HostNetworkDialog)
        qtbot.mouseClick(dialog.switch, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.controller.running, timeout=5000)
        qtbot.waitUntil(lambda: bool(dialog.qr.text()))
        seen["qr"] = dialog.qr.text()
        loopback = [u for u in dialog.controller.urls() if "127.0.0.1" in u]
        seen["join"] = dialog.controller.join_url(loopback[0])
        seen["code"] = dialog.code_label.text().replace(" ", "")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default button: Close

    when_modal(qtbot, handle)
    _action(host, "network_host").trigger()
    _settle(qtbot)
    assert QApplication.activeModalWidget() is None
    assert seen["qr"].endswith(f"/join?code={seen['code']}") and len(seen["code"]) == 6
    return seen["join"]


def _join(qtbot: QtBot, desk: MainWindow, join_text: str, name: str = "") -> None:
    """File → Join as a desk…, the link typed (as the scanner types it) and Enter."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, JoinDialog)
        if name:
            dialog.name_edit.clear()
            qtbot.keyClicks(dialog.name_edit, name)
        qtbot.keyClicks(dialog.link_edit, join_text)
        assert dialog.code_edit.text() == join_text.rsplit("=", 1)[1]  # from the link
        qtbot.keyClick(dialog.link_edit, Qt.Key.Key_Return)

    when_modal(qtbot, handle)
    _action(desk, "network_join").trigger()
    _settle(qtbot)
    qtbot.waitUntil(lambda: desk.network.is_desk, timeout=10000)


def _scan(qtbot: QtBot, window: MainWindow, code: str) -> None:
    """The USB scanner at the desk: the code and Enter in the desk's search field."""
    search = window.participants_area.desk.search_edit
    assert search.isVisible()
    qtbot.keyClicks(search, code)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def _present_on_desk_page(host: MainWindow, invitee_id: int) -> bool:
    desk = host.participants_area.desk
    row = desk.model.row_of(invitee_id)
    found = desk.model.row_at(row) if row >= 0 else None
    return found is not None and found.first_checkin_at is not None


def _present_count(window: MainWindow) -> int:
    return sum(g.present for g in window.participants_area.desk.counts_model.groups)


def test_a_desk_joins_through_its_menu_and_its_scan_shows_on_the_host_within_a_second(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    host_db, desk_db = two_homes
    host = make_window(host_db)
    host.show_desk()
    event_id = host.event_id
    assert event_id is not None
    join_text = _turn_host_on(qtbot, host)
    status = host.network.status_label
    assert status.isVisible() and status.text() == host_status_text(True, 0)

    desk = make_window(desk_db, Settings(operator_name="Sari", station_name="Meja 2"))
    _join(qtbot, desk, join_text, name="Meja Pintu Utara")
    # the desk's name is the station its check-ins are recorded at
    assert desk.settings.station_name == "Meja Pintu Utara"
    assert desk.desk_label.text().startswith("Meja Pintu Utara")
    # the desk window now works on its copy of the host's event, the desk page shown
    assert desk.storage is not desk_db and desk.event_id is not None
    assert desk.participants_area.desk.isVisible()
    assert desk.area_list.item(desk.AREAS.index("rundown")).isHidden()
    assert not _action(desk, "new_event").isVisible()
    qtbot.waitUntil(lambda: host.network.status_label.text() == host_status_text(True, 1),
                    timeout=3000)

    invitee = next(i for i in host_db.list_invitees(event_id) if i.person.name)
    assert invitee.id is not None
    assert desk.network.status_label.isVisible()
    _scan(qtbot, desk, invitee.checkin_code)
    # recorded at the desk at once, waiting for the host
    assert desk.participants_area.desk.feedback.kind == "ok"
    waiting = desk.network.last_status
    assert waiting.waiting == 1
    assert desk.network.status_label.text() == desk_status(waiting)[0]
    assert desk.network.banner is not None and desk.network.banner.isVisible()
    assert desk.network.banner.text() == desk_banner(waiting)[0]

    # within a second: present on the host's desk page and in its counts
    qtbot.waitUntil(lambda: _present_on_desk_page(host, invitee.id or 0), timeout=1000)
    qtbot.waitUntil(lambda: _present_count(host) == 1, timeout=1000)
    invited = len(host_db.list_invitees(event_id))
    assert f"1 / {invited}" in host.counts_label.text()

    # the desk: synced (nothing waiting), said in the status bar and the banner
    qtbot.waitUntil(lambda: desk.network.last_status.waiting == 0, timeout=3000)
    synced = desk.network.last_status
    assert synced.connected and synced.last_sync_at is not None
    assert desk.network.status_label.text() == desk_status(synced)[0]
    assert desk.network.banner.text() == desk_banner(synced)[0]
    assert desk.network.status_label.text() != desk_status(waiting)[0]

    # a check-in at the host reaches the desk's screen
    second = next(i for i in host_db.list_invitees(event_id)
                  if i.id != invitee.id and i.person.name)
    _scan(qtbot, host, second.checkin_code)
    desk_ids = {i.checkin_code: i.id for i in desk.storage.list_invitees(desk.event_id or 0)}
    qtbot.waitUntil(lambda: _present_on_desk_page(desk, desk_ids[second.checkin_code] or 0),
                    timeout=3000)
    qtbot.waitUntil(lambda: _present_count(desk) == 2, timeout=3000)


def _host_and_desk(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> tuple[MainWindow, MainWindow]:
    host_db, desk_db = two_homes
    host = make_window(host_db)
    host.show_desk()
    join_text = _turn_host_on(qtbot, host)
    desk = make_window(desk_db, Settings(operator_name="Sari", station_name="Meja 2"))
    _join(qtbot, desk, join_text)
    return host, desk


def _codes(storage: Storage, event_id: int, count: int) -> list[str]:
    return [i.checkin_code for i in storage.list_invitees(event_id)[:count]]


def test_revoking_the_desk_on_the_host_shows_on_the_desk(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    host, desk = _host_and_desk(qtbot, make_window, two_homes)
    first, second = _codes(two_homes[0], host.event_id or 0, 2)
    _scan(qtbot, desk, first)
    qtbot.waitUntil(lambda: desk.network.last_status.waiting == 0, timeout=3000)
    seen: dict[str, object] = {}

    def confirm(box: QMessageBox) -> None:
        seen["question"] = box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default button: Revoke

    def revoke(dialog: QWidget) -> None:
        assert isinstance(dialog, HostNetworkDialog)
        qtbot.waitUntil(lambda: dialog.desks_table.rowCount() == 1)
        assert dialog.desks_table.item(0, 0).text() == "Meja 2"
        rect = dialog.desks_table.visualRect(dialog.desks_table.model().index(0, 0))
        qtbot.mouseClick(dialog.desks_table.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        assert dialog.revoke_button.isEnabled()
        _when_message_box(qtbot, confirm)
        qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
        seen["state"] = dialog.desks_table.item(0, 3).text()
        seen["revoke_enabled"] = dialog.revoke_button.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    host.activateWindow()  # the secretariat at the host laptop
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    when_modal(qtbot, revoke)
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(host, Qt.Key.Key_J, control_shift)  # Desk → Event network…
    _settle(qtbot)
    assert QApplication.activeModalWidget() is None
    assert "Meja 2" in str(seen["question"])
    assert seen["state"] != "" and seen["revoke_enabled"] is False
    assert host.network.status_label.text() == host_status_text(True, 0)

    # The desk learns it at its next contact: a scan is still recorded there, and the
    # status bar and the banner say the desk was revoked.
    _scan(qtbot, desk, second)
    assert desk.participants_area.desk.feedback.kind == "ok"
    qtbot.waitUntil(lambda: desk.network.last_status.revoked, timeout=5000)
    revoked = desk.network.last_status
    assert desk.network.status_label.text() == desk_status(revoked)[0]
    assert desk.network.banner is not None
    assert desk.network.banner.text() == desk_banner(revoked)[0]
    assert revoked.waiting == 1  # kept, never lost
    assert two_homes[0].attendance_counts(host.event_id or 0).present == 1


def test_promote_makes_the_copy_a_full_event_on_the_desk_laptop_with_every_checkin(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    host_db, desk_db = two_homes
    host, desk = _host_and_desk(qtbot, make_window, two_homes)
    codes = _codes(host_db, host.event_id or 0, 3)
    _scan(qtbot, desk, codes[0])
    qtbot.waitUntil(lambda: desk.network.last_status.waiting == 0, timeout=3000)
    host.network.host.turn_off()  # the host laptop is gone
    qtbot.waitUntil(host.network.host.stopping.done, timeout=5000)
    _scan(qtbot, desk, codes[1])
    _scan(qtbot, desk, codes[2])
    qtbot.waitUntil(lambda: desk.network.last_status.offline_since is not None, timeout=5000)
    assert desk.network.last_status.waiting == 2
    events_before = {e.id for e in desk_db.list_events()}

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default button: Make it an event

    when_modal(qtbot, confirm)
    _action(desk, "network_promote").trigger()
    _settle(qtbot)

    assert not desk.network.is_desk and desk.storage is desk_db
    (new_event,) = [e for e in desk_db.list_events() if e.id not in events_before]
    assert desk.event_id == new_event.id
    assert desk_db.attendance_counts(new_event.id or 0).present == 3
    assert len(desk_db.list_invitees(new_event.id or 0)) == len(
        host_db.list_invitees(host.event_id or 0))
    # the whole app again: every area, the network's join, the desk page on the event
    assert not desk.area_list.item(desk.AREAS.index("rundown")).isHidden()
    assert _action(desk, "network_join").isVisible()
    assert desk.participants_area.desk.isVisible()
    assert _present_count(desk) == 3
    assert not desk.network.status_label.isVisible()


def test_a_desk_window_opened_again_resumes_as_the_desk_and_syncs(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    host_db, desk_db = two_homes
    host, desk = _host_and_desk(qtbot, make_window, two_homes)
    first, second, third = _codes(host_db, host.event_id or 0, 3)
    copy = desk.network.desk_path
    controller = host.network.host
    controller.turn_off()  # the host is away for a while …
    qtbot.waitUntil(controller.stopping.done, timeout=5000)
    _scan(qtbot, desk, first)  # … the desk records on …
    assert desk.network.last_status.waiting == 1
    desk.close()  # … and its app is closed (the entry waits in its outbox)
    _settle(qtbot)
    controller.turn_on(host.event_id or 0)  # the host is back, and scans someone
    qtbot.waitUntil(lambda: controller.running, timeout=5000)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    _scan(qtbot, host, second)

    again = make_window(desk_db, Settings(operator_name="Sari", station_name="Meja 2"))
    assert again.network.is_desk and again.network.desk_path == copy
    assert again.participants_area.desk.isVisible()
    # the waiting entry reaches the host, the host's scan reaches the desk
    qtbot.waitUntil(lambda: _present_count(host) == 2, timeout=5000)
    qtbot.waitUntil(lambda: _present_count(again) == 2, timeout=5000)
    qtbot.waitUntil(lambda: again.network.last_status.waiting == 0, timeout=3000)
    _scan(qtbot, again, third)
    qtbot.waitUntil(lambda: _present_count(host) == 3, timeout=3000)


def test_leaving_the_network_goes_back_to_this_laptops_own_events(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    _host, desk = _host_and_desk(qtbot, make_window, two_homes)
    qtbot.waitUntil(lambda: desk.network.last_status is not None)

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Return)  # nothing waiting: Leave is the default

    when_modal(qtbot, confirm)
    _action(desk, "network_leave").trigger()
    _settle(qtbot)
    assert not desk.network.is_desk and desk.storage is two_homes[1]
    assert desk.event_id is None  # this laptop has no event of its own
    assert _action(desk, "new_event").isVisible()
    assert not desk.network.status_label.isVisible()


def test_a_wrong_pairing_code_is_said_in_the_dialog_and_nothing_typed_is_lost(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    host_db, desk_db = two_homes
    host = make_window(host_db)
    join_text = _turn_host_on(qtbot, host)
    address = join_text.split("/join")[0]
    desk = make_window(desk_db)
    seen: dict[str, object] = {}

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, JoinDialog)
        qtbot.keyClicks(dialog.link_edit, address)
        qtbot.keyClick(dialog.link_edit, Qt.Key.Key_Return)  # no code yet: on to the code
        assert dialog.code_edit.hasFocus()
        qtbot.keyClicks(dialog.code_edit, "000000")
        qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=5000)
        seen["error"] = dialog.error_label.text()
        seen["kept"] = (dialog.link_edit.text(), dialog.code_edit.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(qtbot, handle)
    _action(desk, "network_join").trigger()
    _settle(qtbot)
    assert QApplication.activeModalWidget() is None
    assert seen["error"] and "000000" not in str(seen["error"])
    assert seen["kept"] == (address, "000000")
    assert not desk.network.is_desk and desk.storage is desk_db
    assert not list((desk_db.path.parent / "desks").glob("*.sqlite3"))


def test_the_same_person_scanned_at_both_while_the_link_was_down_is_listed_once_counted_once(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    host_db, _desk_db = two_homes
    host, desk = _host_and_desk(qtbot, make_window, two_homes)
    event_id = host.event_id or 0
    invitee = host_db.list_invitees(event_id)[0]
    controller = host.network.host
    controller.turn_off()  # the Wi-Fi drops
    qtbot.waitUntil(controller.stopping.done, timeout=5000)
    _scan(qtbot, desk, invitee.checkin_code)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    host.show_desk()
    _scan(qtbot, host, invitee.checkin_code)  # the same guest at the host's own desk
    seen: dict[str, object] = {}

    def back_on(dialog: QWidget) -> None:
        assert isinstance(dialog, HostNetworkDialog)
        qtbot.mouseClick(dialog.switch, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.controller.running, timeout=5000)
        # the desk's waiting scan arrives and is listed as scanned twice
        qtbot.waitUntil(lambda: dialog.duplicates_table.rowCount() == 1, timeout=8000)
        seen["first"] = dialog.duplicates_table.item(0, 2).text()
        seen["again"] = dialog.duplicates_table.item(0, 3).text()
        seen["name"] = dialog.duplicates_table.item(0, 0).text()
        dialog.grab().save(str(host_db.path.parent / "host-dialog.png"))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_modal(qtbot, back_on)
    _action(host, "network_host").trigger()
    _settle(qtbot)
    # the desk scanned first (it counts); the host's own scan is the second one
    assert str(seen["first"]).startswith("Meja 2")
    assert str(seen["again"]).startswith(host.settings.effective_station)
    assert seen["name"] == invitee.person.name
    assert host_db.attendance_counts(event_id).present == 1
    qtbot.waitUntil(lambda: desk.network.last_status.waiting == 0, timeout=5000)
    qtbot.waitUntil(lambda: _present_count(host) == 1, timeout=3000)


def test_a_desks_menus_offer_what_a_desk_does_and_each_question_fits_the_screen(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    from .test_menu_crawl import _open

    _host, desk = _host_and_desk(qtbot, make_window, two_homes)
    menus = [m.menu() for m in desk.menuBar().actions() if m.menu() is not None]
    shown = {a.objectName() for menu in menus for a in menu.actions() if a.isVisible()}
    assert {"network_leave", "network_promote", "desk", "area_participants"} <= shown
    assert not {"network_join", "network_host", "new_event", "open_event", "demo",
                "import_event", "export_event", "restore_backup", "projector",
                "area_rundown", "search"} & shown
    for name in ("network_leave", "network_promote"):
        opened = _open(qtbot, desk, _action(desk, name).trigger)
        assert [d.split(" ", 1)[0] for d in opened.dialogs] == ["QMessageBox"], name
        assert not opened.misfits, opened.misfits
        assert desk.network.is_desk  # closing the question changes nothing
    _scan(qtbot, desk, two_homes[0].list_invitees(desk.event_id or 0)[0].checkin_code)
    assert desk.participants_area.desk.feedback.kind == "ok"


def test_a_new_pairing_code_replaces_the_old_one_in_the_qr_and_for_joining(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage], tmp_path: Path
) -> None:
    from rakor_desktop.network.desk import JoinError, join

    host_db, _desk_db = two_homes
    host = make_window(host_db)
    old_link = _turn_host_on(qtbot, host)
    seen: dict[str, str] = {}

    def new_code(dialog: QWidget) -> None:
        assert isinstance(dialog, HostNetworkDialog)
        qtbot.mouseClick(dialog.new_code_button, Qt.MouseButton.LeftButton)
        seen["code"] = dialog.code_label.text().replace(" ", "")
        seen["qr"] = dialog.qr.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(qtbot, new_code)
    _action(host, "network_host").trigger()
    _settle(qtbot)
    old_code = old_link.rsplit("=", 1)[1]
    assert seen["code"] != old_code and seen["qr"].endswith(f"code={seen['code']}")
    # a laptop that tries the old code is refused (the join runs off the GUI thread,
    # where the host answers)
    from ui.tasks import run_in_background

    outcome: dict[str, object] = {}
    run_in_background(lambda: join(old_link, None, "Meja 9", tmp_path / "desks"),
                      on_done=lambda path: outcome.update(done=path),
                      on_error=lambda error: outcome.update(error=error))
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome.get("error"), JoinError)


def test_the_desk_page_stamps_check_ins_with_the_hosts_time(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    """The desk measured its clock 10 minutes behind the host's: its check-ins carry the
    host's time, and the host's record has the right arrival time."""
    from datetime import timedelta

    from rakor_desktop.clock import utc_now

    host_db, _desk_db = two_homes
    host, desk = _host_and_desk(qtbot, make_window, two_homes)
    ten_minutes = timedelta(minutes=10)
    with desk.storage.transaction():
        desk.storage.record_sync(at=utc_now(), clock_offset_ms=600_000)
    invitee = host_db.list_invitees(host.event_id or 0)[0]
    before = utc_now()
    _scan(qtbot, desk, invitee.checkin_code)
    after = utc_now()
    local = next(i for i in desk.storage.list_invitees(desk.event_id or 0)
                 if i.uid == invitee.uid)
    (entry,) = desk.storage.active_checkins(local.id or 0)
    assert before + ten_minutes <= entry.recorded_at <= after + ten_minutes
    qtbot.waitUntil(lambda: bool(host_db.active_checkins(invitee.id or 0)), timeout=3000)
    (recorded,) = host_db.active_checkins(invitee.id or 0)
    assert abs(recorded.recorded_at - before) < timedelta(seconds=5)


def test_a_desks_check_in_tells_the_host_window_what_changed_not_everything(
    qtbot: QtBot, make_window: MakeWindow, two_homes: tuple[Storage, Storage]
) -> None:
    """Each entry from a desk (or a phone) refreshes the host's attendance views only:
    the Diskusi page is not reloaded for every check-in at the door (issue 14's loop
    delay), and the window's own look at the file does not count the entry again."""
    host_db, desk_db = two_homes
    host = make_window(host_db)
    host.show_desk()
    event_id = host.event_id
    assert event_id is not None
    join_text = _turn_host_on(qtbot, host)
    desk = make_window(desk_db, Settings(operator_name="Sari", station_name="Meja 2"))
    _join(qtbot, desk, join_text)
    _settle(qtbot)
    heard: list[object] = []
    host.runner.changed.connect(heard.append)
    invitee = next(i for i in host_db.list_invitees(event_id) if i.person.name)
    _scan(qtbot, desk, invitee.checkin_code)
    qtbot.waitUntil(lambda: _present_on_desk_page(host, invitee.id or 0), timeout=2000)
    qtbot.wait(1500)  # the window's own look at the file (every second) has come by
    assert heard, "the host window heard nothing"
    assert all(not c.everything for c in heard), heard  # type: ignore[attr-defined]
    assert any(c.attendance and c.event_id == event_id for c in heard)  # type: ignore[attr-defined]
    assert not any(c.discussion or c.rundown for c in heard)  # type: ignore[attr-defined]
