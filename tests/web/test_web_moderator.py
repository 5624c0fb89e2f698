"""The moderator's tablet and the projector page in a real browser (issue 14), against a
host started with ``rakor serve``; the host's own screens watched through a MainWindow on
the host's database file in this process.

- The moderator marks the question being asked answered (and by whom): the moderator
  page, the projector page and the host's Diskusi page show it.
- A question sent from the floor page appears in the moderator's incoming list (never on
  the projector); accepted, it joins the termin as a question from a phone.
- Text that looks like HTML or a script stays text on the moderator page, the projector
  page and in the notulen: no dialog opens, no element is injected.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rakor_desktop.models import QuestionSource, QuestionStatus
from rakor_desktop.operations import discussion as talk
from rakor_desktop.storage import Storage
from tests.net.conftest import HostEvent, ServedHost
from ui.mainwindow import MainWindow

from .conftest import (
    NARASUMBER,
    by_id,
    new_tab,
    no_alert,
    pair_page,
    shown,
    text_of,
    wait_for,
)

CTRL = Qt.KeyboardModifier.ControlModifier
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "<script>alert(1)</script>"

ASKERS = (
    ("Sri Purwaningsih", "Bawaslu Kota Jambi", "Bagaimana pengawasan distribusi logistik?"),
    ("Ahmad Yani", "KPU Kota Jambi", "Kapan bimtek KPPS dimulai?"),
)


def open_termin_with_askers(db: Path, event_id: int) -> list[str]:
    """Termin 1 with two askers queued, the first one asking (on the screen); returns
    the questions' uids. Done at the laptop before the host serves."""
    storage = Storage.open(db, backup=False)
    try:
        termin = talk.open_termin(storage, event_id)
        assert termin.id is not None
        uids = [talk.add_question(storage, termin.id, asker_name=name, asker_instansi=instansi,
                                  question=question, addressed_to=NARASUMBER[0]).uid
                for name, instansi, question in ASKERS]
        talk.next_asker(storage, event_id)
    finally:
        storage.close()
    return uids


@pytest.fixture
def host_storage(host_event: HostEvent) -> Iterator[Storage]:
    """The host's database file, opened by the app in this process (as the laptop's
    window has it open while ``rakor serve`` stands for the window's server)."""
    storage = Storage.open(host_event.db, backup=False)
    yield storage
    storage.close()


def diskusi_page(qtbot: QtBot, make_window: Callable[..., MainWindow],
                 storage: Storage) -> Any:
    """A MainWindow on the host's file, showing the Diskusi page (Ctrl+4)."""
    window = make_window(storage)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    gc.collect()
    qtbot.wait(50)
    page = window.page("discussion")
    assert page.isVisible()
    return page


def list_entry(driver: Any, list_id: str, text: str) -> str | None:
    """What an entry of the list ``list_id`` (``queue``, ``incoming``) holding ``text``
    says (its innerText: what is shown), or None. Read in one script: the pages redraw
    their lists on every new state."""
    found = driver.execute_script(
        "var items = document.querySelectorAll('#' + arguments[0] + ' > li');"
        "for (var i = 0; i < items.length; i++) {"
        "  if (items[i].textContent.indexOf(arguments[1]) >= 0) { return items[i].innerText; }"
        "}"
        "return null;", list_id, text)
    return None if found is None else str(found)


def queue_item(driver: Any, text: str) -> str | None:
    return list_entry(driver, "queue", text)


def incoming_item(driver: Any, text: str) -> str | None:
    return list_entry(driver, "incoming", text)


def in_entry(driver: Any, list_id: str, text: str, selector: str,
             act: Callable[[Any], None]) -> None:
    """Do ``act`` on the element ``selector`` of the entry holding ``text`` (tried again
    when the page redrew the list in between)."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    for _ in range(20):
        try:
            for item in driver.find_elements(By.CSS_SELECTOR, f"#{list_id} > li"):
                if text in str(item.get_attribute("textContent")):
                    act(item.find_element(By.CSS_SELECTOR, selector))
                    return
        except StaleElementReferenceException:
            continue
        wait_for(lambda: list_entry(driver, list_id, text), 5, f"{text!r} in #{list_id}")
    raise AssertionError(f"no stable entry {text!r} in #{list_id}")


def send_floor_question(driver: Any, host: ServedHost, *, name: str, instansi: str,
                        question: str, to: str = "") -> None:
    """A phone opens the floor-question QR's page, types who it is and the question."""
    new_tab(driver, f"{host.url}/tanya")
    wait_for(lambda: shown(driver, "type-instead"), 10, "the floor page")
    by_id(driver, "type-instead").click()
    by_id(driver, "name").send_keys(name)
    by_id(driver, "instansi").send_keys(instansi)
    if to:
        by_id(driver, "to").send_keys(to)
    by_id(driver, "question").send_keys(question)
    by_id(driver, "send").click()
    wait_for(lambda: shown(driver, "sent"), 10,
             f"the floor page to say the question was received ({text_of(driver, 'form-message')})")


def injected(driver: Any) -> list[str]:
    """Elements a page did not write itself: any <img>, and any <script> beyond those
    of the page's own HTML (all with a src under /web/)."""
    return list(driver.execute_script(
        "var found = [];"
        "var imgs = document.getElementsByTagName('img');"
        "for (var i = 0; i < imgs.length; i++) { found.push(imgs[i].outerHTML); }"
        "var scripts = document.getElementsByTagName('script');"
        "for (var j = 0; j < scripts.length; j++) {"
        "  var src = scripts[j].getAttribute('src') || '';"
        "  if (src.indexOf('/web/') !== 0) { found.push(scripts[j].outerHTML); }"
        "}"
        "return found;"))


def test_the_moderator_marks_a_question_answered_and_the_diskusi_page_and_projector_show_it(
    browser: Any, host_event: HostEvent, start_host: Callable[..., ServedHost],
    host_storage: Storage, make_window: Callable[..., MainWindow], qtbot: QtBot,
) -> None:
    first, second = open_termin_with_askers(host_event.db, host_event.event_id)
    host = start_host(host_event)
    page = diskusi_page(qtbot, make_window, host_storage)
    statuses = {row.uid: row.status for row in page.question_model.rows()}
    assert statuses == {first: QuestionStatus.BERTANYA, second: QuestionStatus.ANTRE}

    projector = pair_page(browser, host, "projector")
    wait_for(lambda: text_of(browser, "qtext") == ASKERS[0][2], 10,
             "the projector to show the question being asked")
    assert by_id(browser, "qbox").is_displayed()
    moderator = pair_page(browser, host, "moderator", tab=True)
    wait_for(lambda: queue_item(browser, ASKERS[0][2]), 10, "the moderator's queue")
    item = queue_item(browser, ASKERS[0][2]) or ""
    assert ASKERS[0][0] in item and ASKERS[0][1] in item

    seen: list[str] = []
    in_entry(browser, "queue", ASKERS[0][2], "input[type=text]",
             lambda field: seen.append(str(field.get_attribute("value"))))
    assert seen == [NARASUMBER[0]]  # the answer is expected from whom it was asked
    in_entry(browser, "queue", ASKERS[0][2], "input[type=text]", lambda field: field.clear())
    in_entry(browser, "queue", ASKERS[0][2], "input[type=text]",
             lambda field: field.send_keys("Kasubbag Teknis KPU"))
    in_entry(browser, "queue", ASKERS[0][2], "button.ok", lambda button: button.click())

    wait_for(lambda: "Dijawab oleh Kasubbag Teknis KPU" in (
        queue_item(browser, ASKERS[0][2]) or ""), 10, "the moderator page to show the answer")
    assert "dijawab" in (queue_item(browser, ASKERS[0][2]) or "")
    assert no_alert(browser)

    # The host's Diskusi page, on the same file: answered, by whom; the next one shown.
    def diskusi_shows_answered() -> bool:
        qtbot.wait(50)
        rows = {row.uid: row for row in page.question_model.rows()}
        return (rows[first].status == QuestionStatus.DIJAWAB
                and rows[first].answered_by == "Kasubbag Teknis KPU")
    wait_for(diskusi_shows_answered, 10, "the Diskusi page to show the answer", step=0)
    row = [r.uid for r in page.question_model.rows()].index(first)
    status_cell = page.question_model.index(row, page.question_model.COLUMNS.index("status"))
    assert status_cell.data() == "dijawab"  # as the operator reads it in the queue

    # The answered question leaves the hall screen; the next asker's comes up on a tap.
    browser.switch_to.window(projector)
    wait_for(lambda: not by_id(browser, "qbox").is_displayed(), 10,
             "the projector to take the answered question off the screen")
    assert no_alert(browser)
    browser.switch_to.window(moderator)
    by_id(browser, "next-asker").click()
    browser.switch_to.window(projector)
    wait_for(lambda: text_of(browser, "qtext") == ASKERS[1][2], 10,
             "the projector to show the next asker's question")
    assert by_id(browser, "qbox").is_displayed()
    assert ASKERS[1][0] in text_of(browser, "qasker")


def test_a_question_from_the_floor_page_reaches_the_moderators_incoming_list(
    browser: Any, host_event: HostEvent, start_host: Callable[..., ServedHost],
    host_storage: Storage, make_window: Callable[..., MainWindow], qtbot: QtBot,
) -> None:
    open_termin_with_askers(host_event.db, host_event.event_id)
    host = start_host(host_event)
    page = diskusi_page(qtbot, make_window, host_storage)
    projector = pair_page(browser, host, "projector")
    wait_for(lambda: text_of(browser, "qtext") == ASKERS[0][2], 10, "the projector")
    moderator = pair_page(browser, host, "moderator", tab=True)
    wait_for(lambda: shown(browser, "incoming-empty"), 10, "the empty incoming list")

    question = "Apakah TPS di kelurahan rawan banjir dipindahkan?"
    send_floor_question(browser, host, name="Lurah Legok", instansi="Kelurahan Legok",
                        question=question, to=NARASUMBER[0])
    phone = browser.current_window_handle

    browser.switch_to.window(moderator)
    item = wait_for(lambda: incoming_item(browser, question), 10,
                    "the question in the moderator's incoming list")
    assert "Lurah Legok" in item and "Kelurahan Legok" in item
    assert NARASUMBER[0] in item
    assert not shown(browser, "incoming-empty")
    assert queue_item(browser, question) is None  # not in the termin by itself
    # The host's Diskusi page lists it with the incoming questions, too.
    wait_for(lambda: (qtbot.wait(50), page.floor_panel.model.rowCount() == 1)[1], 10,
             "the Diskusi page's questions from the floor", step=0)

    browser.switch_to.window(projector)
    assert question not in text_of(browser, "body")  # never straight to the screen

    browser.switch_to.window(moderator)
    in_entry(browser, "incoming", question, "button.ok", lambda b: b.click())  # accept
    wait_for(lambda: queue_item(browser, question), 10, "the accepted question in the queue")
    assert incoming_item(browser, question) is None
    assert "ponsel" in (queue_item(browser, question) or "")

    def in_the_record() -> bool:
        qtbot.wait(50)
        return any(r.question == question and r.source == QuestionSource.PONSEL
                   for r in page.question_model.rows())
    wait_for(in_the_record, 10, "the Diskusi page's queue", step=0)
    browser.switch_to.window(phone)
    assert no_alert(browser)


def test_script_like_text_stays_text_on_the_moderator_and_projector_pages_and_in_the_notulen(
    browser: Any, host_event: HostEvent, start_host: Callable[..., ServedHost],
    tmp_path: Path,
) -> None:
    host = start_host(host_event)
    moderator = pair_page(browser, host, "moderator")
    wait_for(lambda: shown(browser, "termin-step"), 10, "the moderator page")
    by_id(browser, "termin-step").click()  # open the first termin
    wait_for(lambda: "Termin 1" in text_of(browser, "termin-title"), 10, "termin 1")

    for number, xss in enumerate((XSS_IMG, XSS_SCRIPT)):
        send_floor_question(browser, host, name=f"Penanya {xss}", instansi=xss,
                            question=f"Pertanyaan {number + 1}: {xss}", to=xss)
        browser.close()
        browser.switch_to.window(moderator)
        question = f"Pertanyaan {number + 1}: {xss}"
        item = wait_for(lambda q=question: incoming_item(browser, q), 10,
                        "the question in the incoming list")
        assert f"Penanya {xss}" in item
        assert no_alert(browser) and injected(browser) == []
        in_entry(browser, "incoming", question, "button.ok", lambda b: b.click())
        wait_for(lambda q=f"Pertanyaan {number + 1}: {xss}": queue_item(browser, q), 10,
                 "the accepted question in the queue")
        assert no_alert(browser) and injected(browser) == []

    projector = pair_page(browser, host, "projector", tab=True)
    for number, xss in enumerate((XSS_IMG, XSS_SCRIPT)):
        browser.switch_to.window(moderator)
        wait_for(lambda: by_id(browser, "next-asker").is_enabled(), 10, "a queued asker")
        by_id(browser, "next-asker").click()
        browser.switch_to.window(projector)
        wait_for(lambda q=f"Pertanyaan {number + 1}: {xss}": text_of(browser, "qtext") == q,
                 10, "the projector to show the question as typed")
        assert f"Penanya {xss}" in text_of(browser, "qasker")
        assert no_alert(browser) and injected(browser) == []
    browser.switch_to.window(moderator)
    assert no_alert(browser) and injected(browser) == []
    for xss in (XSS_IMG, XSS_SCRIPT):
        assert xss in text_of(browser, "queue")

    # The notulen, written by the app's one click, prints the text as it was typed.
    from rakor_desktop.exports.documents.export import export_minutes_and_attendance
    from tests.core.document_record import docx_text, pdf_text, squeeze

    storage = Storage.open(host_event.db, backup=False)
    try:
        written = export_minutes_and_attendance(storage, host_event.event_id,
                                                tmp_path / "dokumen")
    finally:
        storage.close()
    notulen = [p for p in written if p.name.lower().startswith("notulen")]
    assert {p.suffix for p in notulen} == {".docx", ".pdf"}, written
    for path in notulen:
        content = squeeze(pdf_text(path) if path.suffix == ".pdf" else docx_text(path))
        for number, xss in enumerate((XSS_IMG, XSS_SCRIPT)):
            assert squeeze(f"Pertanyaan {number + 1}: {xss}") in content, path.name
            assert squeeze(f"Penanya {xss}") in content, path.name
