"""Self check-in with a phone in a real browser (issue 14): the page opened from the
entrance's QR (``/hadir?k=<this minute's code>``), the official found by the code on their
invitation or by name and the last four digits of their phone number, a signature drawn
with a finger (touch pointer actions on the canvas), and the result in the record and in
the daftar hadir PDF the app writes (name, and the signature image on the page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rakor_desktop.storage import Storage
from tests.net.conftest import HostEvent, ServedHost

from .conftest import PHONES, by_id, no_alert, rotating_code, shown, text_of, wait_for

#: A signature as a finger writes it: strokes of (x, y) offsets from the pad's centre.
STROKES = (
    ((-120, 20), (-100, -30), (-80, 25), (-60, -35), (-40, 30), (-20, -25), (0, 20)),
    ((10, -10), (40, 30), (70, -20), (100, 25), (120, -5)),
)


def sign_with_a_finger(driver: Any, strokes: tuple[tuple[tuple[int, int], ...], ...] = STROKES
                       ) -> None:
    """Draw ``strokes`` on the signature pad with touch pointer actions (a finger)."""
    from selenium.webdriver.common.actions import interaction
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.actions.pointer_input import PointerInput

    pad = by_id(driver, "pad")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", pad)
    finger = PointerInput(interaction.POINTER_TOUCH, "finger")
    actions = ActionBuilder(driver, mouse=finger, duration=30)
    for stroke in strokes:
        (x, y), rest = stroke[0], stroke[1:]
        actions.pointer_action.move_to(pad, x, y).pointer_down()
        for x, y in rest:
            actions.pointer_action.move_to(pad, x, y)
        actions.pointer_action.pointer_up()
    actions.perform()


def open_entrance_page(driver: Any, host: ServedHost) -> None:
    """What the phone's camera app opens from the QR at the entrance."""
    driver.get(f"{host.url}/hadir?k={rotating_code()}")
    wait_for(lambda: shown(driver, "find-card"), 10, "the self check-in page")


def ink_pixels(png: bytes) -> int:
    """How many pixels of a PNG are drawn (not transparent and not white)."""
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 0 and colour.lightness() < 200:
                count += 1
    return count


def attendance_record(db: Path, event_id: int, code: str) -> dict[str, Any]:
    """The check-in of the invitation ``code``: its station and its signature."""
    storage = Storage.open(db, backup=False)
    try:
        row = storage.conn.execute(
            "SELECT a.station AS station, i.id AS invitee_id FROM attendance_log AS a "
            "JOIN invitees AS i ON i.id = a.invitee_id WHERE i.checkin_code = ? "
            "AND i.event_id = ? AND a.kind = 'checkin'", (code, event_id),
        ).fetchone()
        assert row is not None, "no check-in in the host's record"
        signature = storage.document_signatures(event_id).get(int(row[1]))
        return {"station": row[0], "signature": signature}
    finally:
        storage.close()


def daftar_hadir_pdf(db: Path, event_id: int, folder: Path) -> Path:
    """The daftar hadir PDF, written by the app's one click (notulen and daftar hadir)."""
    from rakor_desktop.exports.documents.export import export_minutes_and_attendance

    storage = Storage.open(db, backup=False)
    try:
        written = export_minutes_and_attendance(storage, event_id, folder)
    finally:
        storage.close()
    return next(p for p in written if p.suffix == ".pdf" and "hadir" in p.name.lower())


def signed_rows_on_pages(pdf: Path) -> list[tuple[str, int]]:
    """Each page's text (whitespace squeezed) and how many images are drawn on it."""
    from pypdf import PdfReader

    return [("".join((page.extract_text() or "").split()), len(page.images))
            for page in PdfReader(str(pdf)).pages]


def test_a_self_check_in_by_invitation_code_with_a_finger_signature_ends_in_the_daftar_hadir(
    browser: Any, served_host: ServedHost, host_event: HostEvent, tmp_path: Path,
) -> None:
    person = host_event.invitees[2]  # Budi Santoso, Dinas Kominfo
    open_entrance_page(browser, served_host)
    by_id(browser, "code").send_keys(person.code.lower())  # typed as it comes
    by_id(browser, "code-go").click()
    wait_for(lambda: shown(browser, "sign-card"), 10,
             f"the signature pad ({text_of(browser, 'find-message')})")
    assert text_of(browser, "person-name") == person.name
    assert text_of(browser, "person-instansi") == "Dinas Kominfo"

    by_id(browser, "submit").click()  # nothing drawn yet: asked to sign, nothing sent
    wait_for(lambda: shown(browser, "sign-message"), 5, "the request to sign first")
    assert "Tanda tangani" in text_of(browser, "sign-message")
    assert not shown(browser, "done-card")

    sign_with_a_finger(browser)
    by_id(browser, "submit").click()
    wait_for(lambda: shown(browser, "done-card"), 15,
             f"the page to confirm ({text_of(browser, 'sign-message')})")
    assert f"Terima kasih, {person.name}. Anda tercatat hadir pukul" in text_of(
        browser, "done-text")
    assert no_alert(browser)

    record = attendance_record(host_event.db, host_event.event_id, person.code)
    assert record["station"] == "ponsel"
    assert record["signature"] is not None and ink_pixels(record["signature"]) > 100

    pages = signed_rows_on_pages(daftar_hadir_pdf(host_event.db, host_event.event_id,
                                                  tmp_path / "dokumen"))
    page_text, images = next(p for p in pages if "BudiSantoso" in p[0])
    assert "DinasKominfo" in page_text
    assert images == 1  # the only signature of the event: the one drawn on the phone
    assert sum(count for _, count in pages) == 1


def test_a_self_check_in_by_name_and_phone_digits_and_a_second_try_adds_nothing(
    browser: Any, served_host: ServedHost, host_event: HostEvent,
) -> None:
    from selenium.webdriver.common.by import By

    person = host_event.invitees[3]  # Rahmawati, Kecamatan Telanaipura
    open_entrance_page(browser, served_host)
    by_id(browser, "name").send_keys("rahma")
    by_id(browser, "phone4").send_keys("9999")  # not her number: nobody is found
    by_id(browser, "name-go").click()
    wait_for(lambda: shown(browser, "find-message"), 10, "the answer")
    assert not shown(browser, "sign-card")
    assert not browser.find_elements(By.CSS_SELECTOR, "#results li")  # nothing listed
    by_id(browser, "phone4").clear()
    by_id(browser, "phone4").send_keys(PHONES[3][-4:])
    by_id(browser, "name-go").click()
    wait_for(lambda: shown(browser, "sign-card"), 10,
             f"the signature pad ({text_of(browser, 'find-message')})")
    assert text_of(browser, "person-name") == person.name
    sign_with_a_finger(browser)
    by_id(browser, "submit").click()
    wait_for(lambda: shown(browser, "done-card"), 15, "the confirmation")
    assert "tercatat hadir" in text_of(browser, "done-text")
    assert attendance_record(host_event.db, host_event.event_id,
                             person.code)["station"] == "ponsel"

    # The same person scans again: told so, nothing added.
    open_entrance_page(browser, served_host)
    by_id(browser, "code").send_keys(person.code)
    by_id(browser, "code-go").click()
    wait_for(lambda: shown(browser, "done-card"), 10, "the page to say so")
    assert "sudah tercatat hadir" in text_of(browser, "done-text")
    storage = Storage.open(host_event.db, backup=False)
    try:
        count = storage.conn.execute(
            "SELECT COUNT(*) FROM attendance_log AS a JOIN invitees AS i ON i.id = "
            "a.invitee_id WHERE i.checkin_code = ? AND a.kind = 'checkin'",
            (person.code,)).fetchone()[0]
    finally:
        storage.close()
    assert count == 1
