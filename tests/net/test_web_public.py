"""The public pages' APIs (issue 14), over HTTP against ``rakor serve``: the floor
question and self check-in pages search only with 3 letters or more, answer at most
five names with their instansi (never NIP or phone), are limited per device (429 and
nothing stored), keep every text as text, and the rotating code expires."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable
from datetime import date
from datetime import time as time_of_day
from pathlib import Path

import pytest

from rakor_desktop.models import Event, Person, Role
from rakor_desktop.network.web import (
    SEARCHES_PER_MINUTE,
    SUBMISSIONS_PER_MINUTE,
    RateLimiter,
)
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage

from .conftest import HostEvent, HostInvitee, Reply, ServedHost
from .web_client import Device, count_rows, rotating_code, signature_base64

XSS = '<img src=x onerror=alert(1)>'
XSS_NAME = '<script>alert("x")</script> Budi'

#: People with NIP and phone numbers (which must never be served).
LISTED = (
    ("Budi Hartono", "Dinas Kominfo", "197703122003122007", "0812-1111-4321"),
    ("Budi Setiawan", "Bappeda", "198001012005011001", "0813 2222 5555"),
    ("Budiman Saleh", "Kecamatan Kota Baru", "", "0814-3333-6666"),
    ("Budi Prasetyo", "Dinas PU", "", "0815-4444-7777"),
    ("Budi Rahardjo", "Satpol PP", "", "0816-5555-8888"),
    ("Budi Utomo", "BPBD", "", "0817-6666-9999"),
    ("Budi Wijaya", "Dinas Pendidikan", "", "0818-7777-1212"),
    ("Sri Purwaningsih", "Bawaslu Kota Jambi", "197703122003122008", "0819-8888-3434"),
)


@pytest.fixture
def listed_host(tmp_path: Path, start_host: Callable[..., ServedHost]) -> ServedHost:
    """A host whose list has seven Budis, NIPs and phone numbers."""
    db = tmp_path / "host" / "rakor.sqlite3"
    db.parent.mkdir(parents=True)
    storage = Storage.open(db, backup=False)
    try:
        event_id = event_ops.create_event(storage, Event(
            title="Rakor Persiapan Pemilu", date=date(2026, 12, 3),
            start_time=time_of_day(9, 0), venue="Aula Griya Mayang"))
        invitee_ops.import_invitees(storage, event_id, [
            (Person(name=n, instansi=i, nip=nip, phone=phone), Role.PESERTA)
            for n, i, nip, phone in LISTED
        ])
        invitees = storage.list_invitees(event_id)
        event = storage.get_event(event_id)
        assert event is not None
    finally:
        storage.close()
    return start_host(HostEvent(db=db, event_id=event_id, event_uid=event.uid, invitees=tuple(
        HostInvitee(uid=i.uid, code=i.checkin_code, name=i.person.name) for i in invitees)))


def _phone(host: ServedHost, page: str = "/tanya") -> Device:
    device = Device(host)
    assert device.open(page).status == 200
    assert device.cookie.startswith("rakor_device=")
    return device


def _floor_questions(db: Path) -> int:
    return count_rows(db, "SELECT COUNT(*) FROM floor_questions")


def _no_private_data(text: str) -> None:
    for _name, _instansi, nip, phone in LISTED:
        if nip:
            assert nip not in text
        assert phone not in text and phone[-4:] not in text


# -- search --------------------------------------------------------------------------------------


def test_search_needs_three_letters_and_answers_five_names_without_nip_or_phone(
    listed_host: ServedHost,
) -> None:
    phone = _phone(listed_host)
    for short in ("", "b", "bu", " b u ", "%%%", "**"):
        reply = phone.get(f"/public/search?q={urllib.parse.quote(short)}")
        assert reply.status == 400, short
        assert "3" in reply.json["message_id"] and reply.json["message_en"]
        for name, *_ in LISTED:
            assert name not in reply.text
    reply = phone.get("/public/search?q=bud")
    assert reply.status == 200
    results = reply.json["results"]
    assert len(results) == 5  # seven Budis on the list, five shown
    for result in results:
        assert set(result) == {"ref", "name", "instansi"}
        assert result["name"].startswith("Budi")
        assert str(result["ref"]) not in {i.uid for i in listed_host.event.invitees}
    _no_private_data(reply.text)
    assert "invitee" not in reply.text and '"id"' not in reply.text
    one = phone.get("/public/search?q=purwa").json["results"]
    assert [(r["name"], r["instansi"]) for r in one] == [
        ("Sri Purwaningsih", "Bawaslu Kota Jambi")]
    # a NIP or a phone number finds nobody
    assert phone.get("/public/search?q=197703122003122008").json["results"] == []
    assert phone.get("/public/search?q=0819-8888").status in (200, 400)


def test_a_flood_of_searches_is_refused_with_429(listed_host: ServedHost) -> None:
    phone = _phone(listed_host)
    for _ in range(SEARCHES_PER_MINUTE):
        assert phone.get("/public/search?q=budi").status == 200
    refused = phone.get("/public/search?q=budi")
    assert refused.status == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.json["error"] == "too_many_requests"
    assert "Budi" not in refused.text
    # another phone is not slowed by this one
    assert _phone(listed_host).get("/public/search?q=budi").status == 200
    # throwing the cookie away gains nothing: the address alone has its own allowance
    bare = Device(listed_host)
    statuses = [bare.get("/public/search?q=budi").status for _ in range(SEARCHES_PER_MINUTE + 1)]
    assert statuses[-1] == 429 and statuses.count(200) == SEARCHES_PER_MINUTE


# -- questions from the floor ------------------------------------------------------------------


def test_a_question_picked_by_name_or_typed_reaches_the_incoming_list(
    listed_host: ServedHost,
) -> None:
    phone = _phone(listed_host)
    ref = phone.get("/public/search?q=purwa").json["results"][0]["ref"]
    sent = phone.post("/public/questions", {"ref": ref, "addressed_to": "KPU",
                                            "question": "Kapan DPT final?"})
    assert sent.status == 200, sent.text
    assert sent.json["status"] == "received"
    typed = phone.post("/public/questions", {"asker_name": "Tamu Umum",
                                             "asker_instansi": "LSM", "question": "Apa?"})
    assert typed.status == 200
    storage = Storage.open(listed_host.db, backup=False)
    try:
        rows = storage.list_floor_questions(listed_host.event.event_id, None)
    finally:
        storage.close()
    assert [(f.asker_name, f.asker_instansi, f.addressed_to, f.question) for f in rows] == [
        ("Sri Purwaningsih", "Bawaslu Kota Jambi", "KPU", "Kapan DPT final?"),
        ("Tamu Umum", "LSM", "", "Apa?"),
    ]
    assert all(f.asker_invitee_id is None for f in rows[1:])
    # a made-up ref is refused, nothing kept
    forged = phone.post("/public/questions", {"ref": ref[:-2] + "xx", "question": "?"})
    assert forged.status == 404
    assert _floor_questions(listed_host.db) == 2


def test_a_resent_question_is_kept_once(listed_host: ServedHost) -> None:
    phone = _phone(listed_host)
    body = {"asker_name": "Budi", "question": "Satu kali saja",
            "uid": "3f1c3a44-3b6e-4c47-9a51-2d8c1f6b7e01"}
    first = phone.post("/public/questions", body)
    second = phone.post("/public/questions", body)
    assert first.status == second.status == 200
    assert first.json["uid"] == second.json["uid"]
    assert _floor_questions(listed_host.db) == 1


def test_a_flood_of_questions_is_slowed_and_nothing_beyond_is_stored(
    listed_host: ServedHost,
) -> None:
    phone = _phone(listed_host)
    statuses = [phone.post("/public/questions", {"asker_name": "Spam", "question": f"Q{n}"}).status
                for n in range(SUBMISSIONS_PER_MINUTE + 5)]
    assert statuses[:SUBMISSIONS_PER_MINUTE] == [200] * SUBMISSIONS_PER_MINUTE
    assert set(statuses[SUBMISSIONS_PER_MINUTE:]) == {429}
    assert _floor_questions(listed_host.db) == SUBMISSIONS_PER_MINUTE


def test_long_or_malformed_questions_are_refused_and_nothing_is_kept(
    listed_host: ServedHost,
) -> None:
    def send(body: object, **kwargs: object) -> Reply:
        return _phone(listed_host).call("POST", "/public/questions", body, **kwargs)

    too_long = send({"asker_name": "A", "question": "x" * 1001})
    assert too_long.status == 400 and "1000" in too_long.json["message_en"]
    assert send({"asker_name": "n" * 201, "question": "?"}).status == 400
    assert send({"asker_name": "A"}).status == 400  # no question
    assert send({"question": "Siapa?"}).status == 400  # no name
    assert send({"asker_name": "A", "question": "?", "status": "accepted"}).status == 400
    assert send({"asker_name": ["A"], "question": "?"}).status == 400
    assert send(None, raw=b"{not json",
                headers={"Content-Type": "application/json"}).status == 400
    assert send(None, raw=b'{"asker_name": "A", "question": "?"}',
                headers={"Content-Type": "text/plain"}).status == 400
    assert _floor_questions(listed_host.db) == 0
    # every refused attempt counted: the sixth of one phone is slowed
    phone = _phone(listed_host)
    for _ in range(SUBMISSIONS_PER_MINUTE):
        assert phone.post("/public/questions", {"question": ""}).status == 400
    assert phone.post("/public/questions", {"asker_name": "A", "question": "?"}).status == 429
    assert _floor_questions(listed_host.db) == 0


def test_html_sent_from_a_phone_comes_back_as_json_text(listed_host: ServedHost) -> None:
    phone = _phone(listed_host)
    sent = phone.post("/public/questions", {"asker_name": XSS_NAME, "asker_instansi": XSS,
                                            "addressed_to": XSS, "question": XSS})
    assert sent.status == 200
    tablet = Device(listed_host)
    assert tablet.pair("moderator").status == 200
    reply = tablet.get("/hall?since=&wait=0")
    assert reply.headers["content-type"].startswith("application/json")
    incoming = reply.json["incoming"]
    assert [(f["asker"], f["instansi"], f["addressed_to"], f["question"]) for f in incoming] == [
        (XSS_NAME, XSS, XSS, XSS)]
    # served pages are static: none carries what a phone sent
    for page in ("/m", "/p", "/tanya", "/hadir"):
        html = Device(listed_host).open(page)
        assert html.headers["content-type"].startswith("text/html")
        assert "onerror" not in html.text and "alert(" not in html.text
        assert "script-src 'self'" in html.headers["content-security-policy"]


# -- self check-in -------------------------------------------------------------------------------


def _attendance(db: Path, station: str = "ponsel") -> list[tuple[str, str]]:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [(str(r[0]), str(r[1])) for r in conn.execute(
            "SELECT kind, station FROM attendance_log WHERE station = ? "
            "ORDER BY recorded_at, kind",
            (station,))]
    finally:
        conn.close()


def test_self_checkin_by_invitation_code_with_a_signature(listed_host: ServedHost) -> None:
    phone = _phone(listed_host, "/hadir")
    sri = next(i for i in listed_host.event.invitees if i.name == "Sri Purwaningsih")
    found = phone.post("/public/checkin/lookup", {"k": rotating_code(), "code": sri.code})
    assert found.status == 200, found.text
    [match] = found.json["results"]
    assert match["name"] == "Sri Purwaningsih" and match["present"] is False
    _no_private_data(found.text)
    done = phone.post("/public/checkin", {"k": rotating_code(), "ref": match["ref"],
                                          "signature_png": signature_base64()})
    assert done.status == 200, done.text
    assert done.json["status"] == "recorded" and done.json["name"] == "Sri Purwaningsih"
    assert len(done.json["checked_in_time"]) == 5  # 09.12
    assert _attendance(listed_host.db) == [("checkin", "ponsel"), ("signature", "ponsel")]
    # again: told so, nothing added
    again = phone.post("/public/checkin", {"k": rotating_code(), "ref": match["ref"],
                                           "signature_png": signature_base64()})
    assert again.status == 200 and again.json["status"] == "already_present"
    assert len(_attendance(listed_host.db)) == 2
    present = phone.post("/public/checkin/lookup", {"k": rotating_code(), "code": sri.code})
    assert present.json["results"][0]["present"] is True


def test_self_checkin_by_name_needs_the_last_four_phone_digits(listed_host: ServedHost) -> None:
    phone = _phone(listed_host, "/hadir")
    wrong = phone.post("/public/checkin/lookup", {"k": rotating_code(), "name": "budi",
                                                  "phone_last4": "0000"})
    assert wrong.status == 200 and wrong.json["results"] == []
    right = phone.post("/public/checkin/lookup", {"k": rotating_code(), "name": "budi",
                                                  "phone_last4": "5555"})
    assert [r["name"] for r in right.json["results"]] == ["Budi Setiawan"]
    _no_private_data(right.text)
    short = phone.post("/public/checkin/lookup", {"k": rotating_code(), "name": "bu",
                                                  "phone_last4": "5555"})
    assert short.status == 400
    # a ref of the floor page does not check anyone in
    floor_ref = phone.get("/public/search?q=setiawan").json["results"][0]["ref"]
    refused = phone.post("/public/checkin", {"k": rotating_code(), "ref": floor_ref,
                                             "signature_png": signature_base64()})
    assert refused.status == 404
    assert _attendance(listed_host.db) == []


def test_the_rotating_code_expires(listed_host: ServedHost) -> None:
    phone = _phone(listed_host, "/hadir")
    sri = next(i for i in listed_host.event.invitees if i.name == "Sri Purwaningsih")
    assert phone.post("/public/checkin/lookup",
                      {"k": rotating_code(1), "code": sri.code}).status == 200  # last minute's
    for stale in (rotating_code(3), "ABCDEF", "", "x" * 6):
        expired = _phone(listed_host, "/hadir").post("/public/checkin/lookup",
                                                     {"k": stale, "code": sri.code})
        assert expired.status == 400 and expired.json["error"] == "code_expired", stale
        assert "Sri" not in expired.text
    ref = phone.post("/public/checkin/lookup",
                     {"k": rotating_code(), "code": sri.code}).json["results"][0]["ref"]
    too_old = _phone(listed_host, "/hadir").post("/public/checkin", {
        "k": rotating_code(8), "ref": ref,
                                             "signature_png": signature_base64()})
    assert too_old.status == 400 and too_old.json["error"] == "code_expired"
    assert _attendance(listed_host.db) == []
    # signing takes time: a code of four minutes ago is still good at submit
    signed = phone.post("/public/checkin", {"k": rotating_code(4), "ref": ref,
                                            "signature_png": signature_base64()})
    assert signed.status == 200, signed.text
    assert len(_attendance(listed_host.db)) == 2


def test_a_bad_signature_records_nothing(listed_host: ServedHost) -> None:
    phone = _phone(listed_host, "/hadir")
    sri = next(i for i in listed_host.event.invitees if i.name == "Sri Purwaningsih")
    ref = phone.post("/public/checkin/lookup",
                     {"k": rotating_code(), "code": sri.code}).json["results"][0]["ref"]
    for bad in ("not base64!", "aGVsbG8=", ""):
        reply = phone.post("/public/checkin", {"k": rotating_code(), "ref": ref,
                                               "signature_png": bad})
        assert reply.status == 400, bad
    assert _attendance(listed_host.db) == []


def test_someone_not_on_the_list_waits_for_a_desk(listed_host: ServedHost) -> None:
    phone = _phone(listed_host, "/hadir")
    sent = phone.post("/public/walkins", {
        "k": rotating_code(), "name": "Drs. Tamu Baru", "jabatan": "Staf", "instansi": XSS,
        "phone": "0821", "signature_png": signature_base64()})
    assert sent.status == 200, sent.text
    assert sent.json["status"] == "waiting"
    assert count_rows(listed_host.db,
                      "SELECT COUNT(*) FROM phone_walkins WHERE status = 'waiting' "
                      "AND instansi = ?", (XSS,)) == 1
    assert _attendance(listed_host.db) == []
    expired = phone.post("/public/walkins", {"k": rotating_code(9), "name": "X",
                                             "signature_png": signature_base64()})
    assert expired.status == 400 and expired.json["error"] == "code_expired"
    assert count_rows(listed_host.db, "SELECT COUNT(*) FROM phone_walkins") == 1


def test_a_flood_of_check_ins_is_slowed_and_nothing_beyond_is_stored(
    listed_host: ServedHost,
) -> None:
    phone = _phone(listed_host, "/hadir")
    body = {"k": rotating_code(), "name": "Spam", "signature_png": signature_base64()}
    statuses = [phone.post("/public/walkins", body).status
                for _ in range(SUBMISSIONS_PER_MINUTE + 3)]
    assert statuses == [200] * SUBMISSIONS_PER_MINUTE + [429] * 3
    assert count_rows(listed_host.db, "SELECT COUNT(*) FROM phone_walkins") == \
        SUBMISSIONS_PER_MINUTE


def test_the_info_of_the_public_pages_tells_nothing_of_the_list(
    listed_host: ServedHost,
) -> None:
    reply = _phone(listed_host).get("/public/info")
    assert reply.status == 200
    assert reply.json["event"]["title"] == "Rakor Persiapan Pemilu"
    for name, *_ in LISTED:
        assert name not in reply.text
    assert json.dumps(reply.json)  # plain JSON


def test_guessing_phone_digits_is_slowed(listed_host: ServedHost) -> None:
    phone = _phone(listed_host, "/hadir")
    replies = [phone.post("/public/checkin/lookup", {"k": rotating_code(), "name": "budi",
                                                     "phone_last4": f"{n:04d}"})
               for n in range(SUBMISSIONS_PER_MINUTE + 1)]
    assert [r.status for r in replies] == [200] * SUBMISSIONS_PER_MINUTE + [429]
    assert "Budi" not in replies[-1].text


def test_a_made_up_device_cookie_gets_no_allowance_of_its_own(listed_host: ServedHost) -> None:
    replies = [
        Device(listed_host, cookie=f"rakor_device=fake{n}.0123456789abcdef0123").post(
            "/public/questions", {"asker_name": "Spam", "question": f"Q{n}"})
        for n in range(SUBMISSIONS_PER_MINUTE + 2)
    ]  # every request another made-up cookie: all share the address's allowance
    assert [r.status for r in replies] == [200] * SUBMISSIONS_PER_MINUTE + [429] * 2
    assert _floor_questions(listed_host.db) == SUBMISSIONS_PER_MINUTE


def test_the_rate_limiter_is_a_sliding_window() -> None:
    now = [1000.0]
    limiter = RateLimiter(3, 60.0, clock=lambda: now[0])
    assert [limiter.hit("a") for _ in range(3)] == [0, 0, 0]
    assert limiter.hit("a") == 60 and limiter.hit("b") == 0
    now[0] += 30
    assert limiter.hit("a") == 30  # the refused one did not count
    now[0] += 30.5
    assert limiter.hit("a") == 0
    now[0] += 1000
    assert limiter.hit("c") == 0 and set(limiter._events) == {"c"}  # old keys swept
