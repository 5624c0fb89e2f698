"""Issue 14's "Done when", end to end in a real browser: the host is started (``rakor
serve``), a moderator page (Chromium) and a desk (a laptop's copy, joined and syncing)
are paired; a termin is run from the moderator's page (opened, a question from the floor
page accepted, the asker called, the answer marked, the termin closed) while a phone
checks someone in with a finger signature; the notulen and the daftar hadir the app
writes at the end show both, with the desk's check-in beside the phone's."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rakor_desktop.exports.documents.export import export_minutes_and_attendance
from rakor_desktop.network.desk import DeskSync, desk_clock, join, open_desk_storage
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.storage import Storage
from tests.core.document_record import docx_text, pdf_text, squeeze
from tests.net.conftest import HostEvent, ServedHost

from .conftest import (
    NARASUMBER,
    by_id,
    new_tab,
    no_alert,
    pair_page,
    rotating_code,
    shown,
    text_of,
    wait_for,
)
from .test_web_hadir import sign_with_a_finger
from .test_web_moderator import in_entry, incoming_item, queue_item

QUESTION = "Bagaimana pengamanan gudang logistik pemilu di kecamatan?"


@pytest.fixture
def desk_syncs() -> Iterator[list[DeskSync]]:
    started: list[DeskSync] = []
    yield started
    for sync in started:
        sync.stop()


def test_a_termin_run_from_the_moderators_page_while_a_phone_checks_in_ends_in_the_documents(
    browser: Any, served_host: ServedHost, host_event: HostEvent, tmp_path: Path,
    desk_syncs: list[DeskSync],
) -> None:
    from selenium.webdriver.common.by import By

    host = served_host
    sri, ahmad, budi = host_event.invitees[0], host_event.invitees[1], host_event.invitees[2]

    # A desk joins (the host's 6-digit code) and keeps syncing; the moderator's tablet
    # scans its QR.
    desk_path = join(f"{host.url}/join?code={host.code}", None, "Meja 2", tmp_path / "meja2")
    sync = DeskSync(desk_path)
    desk_syncs.append(sync)
    sync.start()
    moderator = pair_page(browser, host, "moderator")
    wait_for(lambda: shown(browser, "termin-step"), 10, "the moderator page")

    # Sri scans the entrance QR with her phone and finds herself by her invitation code.
    phone = new_tab(browser, f"{host.url}/hadir?k={rotating_code()}")
    by_id(browser, "code").send_keys(sri.code)
    by_id(browser, "code-go").click()
    wait_for(lambda: shown(browser, "sign-card"), 10, "Sri's signature pad")
    assert text_of(browser, "person-name") == sri.name

    # The moderator opens the first termin.
    browser.switch_to.window(moderator)
    by_id(browser, "termin-step").click()
    wait_for(lambda: "Termin 1" in text_of(browser, "termin-title"), 10, "termin 1 open")

    # Ahmad sends a question from the floor page, picking himself from the list.
    new_tab(browser, f"{host.url}/tanya")
    by_id(browser, "search").send_keys("ahmad")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#results li button"), 10,
             "Ahmad in the list")
    browser.find_element(By.CSS_SELECTOR, "#results li button").click()
    wait_for(lambda: shown(browser, "chosen-part"), 5, "Ahmad chosen")
    assert ahmad.name in text_of(browser, "chosen-name")
    by_id(browser, "to").send_keys(NARASUMBER[0])
    by_id(browser, "question").send_keys(QUESTION)
    by_id(browser, "send").click()
    wait_for(lambda: shown(browser, "sent"), 10, "the floor page's receipt")
    browser.close()

    # The moderator accepts it, calls the asker, marks the answer.
    browser.switch_to.window(moderator)
    wait_for(lambda: incoming_item(browser, QUESTION), 10, "the incoming question")
    in_entry(browser, "incoming", QUESTION, "button.ok", lambda b: b.click())
    wait_for(lambda: queue_item(browser, QUESTION), 10, "the question in the queue")
    wait_for(lambda: by_id(browser, "next-asker").is_enabled(), 10, "a queued asker")
    by_id(browser, "next-asker").click()
    wait_for(lambda: "bertanya" in (queue_item(browser, QUESTION) or ""), 10,
             "Ahmad asking")
    in_entry(browser, "queue", QUESTION, "button.ok", lambda b: b.click())  # by NARASUMBER
    wait_for(lambda: f"Dijawab oleh {NARASUMBER[0]}" in (queue_item(browser, QUESTION) or ""),
             10, "the answer marked")

    # Meanwhile Sri signs with her finger and sends; Budi is checked in at the desk.
    browser.switch_to.window(phone)
    sign_with_a_finger(browser)
    by_id(browser, "submit").click()
    wait_for(lambda: shown(browser, "done-card"), 15, "Sri's confirmation")
    assert "tercatat hadir" in text_of(browser, "done-text")
    desk_storage = open_desk_storage(desk_path, backup=False)
    try:
        desk_event = int(desk_storage.conn.execute("SELECT id FROM events").fetchone()[0])
        checkin_ops.checkin_by_code(desk_storage, desk_event, budi.code,
                                    checkin_ops.Desk("Meja 2"), clock=desk_clock(desk_storage))
        sync.poke()
        assert sync.wait_until_synced(20), sync.status().message
        # The phone's check-in has reached the desk's copy, too.
        wait_for(lambda: desk_storage.conn.execute(
            "SELECT 1 FROM presence AS p JOIN invitees AS i ON i.id = p.invitee_id "
            "WHERE i.uid = ?", (sri.uid,)).fetchone(), 10, "Sri present at the desk")
    finally:
        desk_storage.close()

    # The moderator closes the termin.
    browser.switch_to.window(moderator)
    by_id(browser, "termin-step").click()
    wait_for(lambda: "ditutup" in text_of(browser, "termin-title"), 10, "termin 1 closed")
    assert no_alert(browser)

    # The documents the app writes at the end show both.
    storage = Storage.open(host_event.db, backup=False)
    try:
        written = export_minutes_and_attendance(storage, host_event.event_id,
                                                tmp_path / "dokumen")
    finally:
        storage.close()
    notulen = [p for p in written if p.name.lower().startswith("notulen")]
    hadir = [p for p in written if "hadir" in p.name.lower()]
    assert {p.suffix for p in notulen} == {".docx", ".pdf"} == {p.suffix for p in hadir}
    for path in notulen:
        content = squeeze(pdf_text(path) if path.suffix == ".pdf" else docx_text(path))
        assert squeeze(f"{ahmad.name} (KPU Kota Jambi) menanyakan kepada {NARASUMBER[0]}") \
            in content, path.name
        assert squeeze(QUESTION) in content, path.name
    for path in hadir:
        content = squeeze(pdf_text(path) if path.suffix == ".pdf" else docx_text(path))
        assert squeeze(sri.name) in content and squeeze(budi.name) in content, path.name
        assert squeeze(host_event.invitees[4].name) not in content  # never came
    from pypdf import PdfReader

    pdf = next(p for p in hadir if p.suffix == ".pdf")
    signatures = sum(len(page.images) for page in PdfReader(str(pdf)).pages)
    assert signatures == 1  # Sri's, drawn on her phone (Budi signed nothing at the desk)
    conn = sqlite3.connect(f"file:{host_event.db}?mode=ro", uri=True)
    try:
        stations = dict(conn.execute(
            "SELECT i.uid, a.station FROM attendance_log AS a JOIN invitees AS i "
            "ON i.id = a.invitee_id WHERE a.kind = 'checkin'").fetchall())
    finally:
        conn.close()
    assert stations == {sri.uid: "ponsel", budi.uid: "Meja 2"}
