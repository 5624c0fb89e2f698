"""Self check-in with a phone (issue 14): the rotating code, the lookups of the public
pages (what they may show), the check-in with a signature as station "ponsel", and
walk-ins by phone confirmed or refused at a desk. Real SQLite files, a manual clock."""

from __future__ import annotations

import io
from dataclasses import fields
from datetime import UTC, date, datetime, time

import pytest
from PIL import Image

from rakor_desktop import messages
from rakor_desktop.changes import Changes
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import Event, Person, PhoneWalkInStatus
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations import selfcheckin as sc
from rakor_desktop.operations.invitations import CODE_ALPHABET
from rakor_desktop.storage import Storage
from rakor_desktop.storage.phones import _PHONE_LAST4
from rakor_desktop.timer import ManualClock
from tests.core.document_record import signature_png

T0 = datetime(2023, 12, 14, 1, 30, 10, tzinfo=UTC)  # 08.30.10 WIB
SECRET = b"s" * 32
DESK = checkin_ops.Desk("Meja 1", operator="Rina")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def keys(clock: ManualClock) -> sc.HallKeys:
    return sc.HallKeys(SECRET, clock=clock)


@pytest.fixture
def event_id(storage: Storage) -> int:
    return event_ops.create_event(
        storage,
        Event(title="Rakor Pemilu", date=date(2023, 12, 14), start_time=time(9, 0)),
        clock=lambda: T0,
    )


def _invite(storage: Storage, event_id: int, name: str, instansi: str = "",
            **person: str) -> int:
    invitee = invitee_ops.invite_person(
        storage, event_id, Person(name=name, instansi=instansi, **person), clock=lambda: T0
    )
    assert invitee.id is not None
    return invitee.id


@pytest.fixture
def people(storage: Storage, event_id: int) -> dict[str, int]:
    return {
        "sri": _invite(storage, event_id, "Sri Purwaningsih", "Bappeda", front_titles="Dr.",
                       back_titles="M.Si.", phone="0812-3456-7890",
                       nip="197703122003122007"),
        "budi": _invite(storage, event_id, "Budi Santoso", "Bawaslu", phone="+62 811 222 1234"),
        "budi2": _invite(storage, event_id, "Budiman Hadi", "KPU", phone="0813 9999 1234"),
        "nophone": _invite(storage, event_id, "Budi Tanpa Nomor", "Kodim"),
    }


def _canvas(colour: tuple[int, ...], mode: str = "RGBA") -> bytes:
    """An untouched signature pad: one colour, no stroke."""
    image = Image.new(mode, (300, 120), colour[: len(mode)])
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# -- the rotating code -----------------------------------------------------------------------


def test_the_code_changes_every_minute_and_is_good_for_a_while(
    keys: sc.HallKeys, clock: ManualClock
) -> None:
    code = keys.current_code()
    assert len(code) == sc.ROTATING_CODE_LENGTH and all(c in CODE_ALPHABET for c in code)
    assert keys.code_at(int(T0.timestamp() // 60)) == code
    assert sc.HallKeys(SECRET, clock=clock).current_code() == code  # HMAC of the minute
    assert sc.HallKeys(b"t" * 32, clock=clock).current_code() != code  # per host start
    assert keys.code_is_valid(code) and keys.code_is_valid(code.lower())
    assert 49 < keys.seconds_left() <= 50
    clock.advance(60)
    assert keys.current_code() != code
    assert keys.code_is_valid(code)  # the previous minute's, for searching
    clock.advance(60)
    assert not keys.code_is_valid(code)
    assert keys.code_is_valid(code, minutes=sc.SUBMIT_CODE_MINUTES)  # still for submitting
    clock.advance(4 * 60)
    assert not keys.code_is_valid(code, minutes=sc.SUBMIT_CODE_MINUTES)
    assert not keys.code_is_valid("") and not keys.code_is_valid("AAAAAAA")
    with pytest.raises(ValidationError, match="kedaluwarsa"):
        keys.check_code(code)


def test_refs_are_opaque_per_purpose_and_per_start(keys: sc.HallKeys, clock: ManualClock) -> None:
    uid = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    ref = keys.ref(sc.PURPOSE_CHECKIN, uid)
    assert uid.replace("-", "") not in ref and keys.resolve(sc.PURPOSE_CHECKIN, ref) == uid
    assert keys.resolve(sc.PURPOSE_ASKER, ref) is None  # a name picked to ask cannot check in
    assert sc.HallKeys(b"t" * 32, clock=clock).resolve(sc.PURPOSE_CHECKIN, ref) is None
    for forged in ("", "x", "a.b", ref + "A", "é." + ref, ref.replace(".", "..")):
        assert keys.resolve(sc.PURPOSE_CHECKIN, forged) is None


# -- lookups ------------------------------------------------------------------------------------


def test_by_invitation_code_exactly(
    storage: Storage, event_id: int, keys: sc.HallKeys, people: dict[str, int]
) -> None:
    invitee = storage.get_invitee(people["sri"])
    assert invitee is not None
    code = keys.current_code()
    (match,) = sc.find_for_checkin(storage, event_id, keys, rotating_code=code,
                                   invitation_code=f" {invitee.checkin_code.lower()} ")
    assert (match.name, match.instansi, match.present) == (
        "Dr. Sri Purwaningsih, M.Si.", "Bappeda", False)
    assert set(match.as_json()) == {"ref", "name", "instansi", "present"}
    # A prefix of the code, or another event's code, finds nobody.
    assert sc.find_for_checkin(storage, event_id, keys, rotating_code=code,
                               invitation_code=invitee.checkin_code[:6]) == []
    other = event_ops.create_event(
        storage, Event(title="Lain", date=date(2023, 12, 14), start_time=time(9, 0)),
        clock=lambda: T0)
    assert sc.find_for_checkin(storage, other, keys, rotating_code=code,
                               invitation_code=invitee.checkin_code) == []


def test_by_name_and_the_last_four_digits_of_the_phone(
    storage: Storage, event_id: int, keys: sc.HallKeys, people: dict[str, int]
) -> None:
    code = keys.current_code()

    def find(name: str, digits: str) -> list[str]:
        return [m.name for m in sc.find_for_checkin(storage, event_id, keys, rotating_code=code,
                                                    name=name, phone_last4=digits)]

    assert find("purwa", "7890") == ["Dr. Sri Purwaningsih, M.Si."]
    assert find("PURWANINGSIH", "7890") == ["Dr. Sri Purwaningsih, M.Si."]
    assert find("purwa", "7891") == []  # both must match
    assert find("budi", "1234") == ["Budi Santoso", "Budiman Hadi"]
    assert find("budi sant", "1234") == ["Budi Santoso"]
    assert find("bawaslu", "1234") == []  # by name, not instansi
    assert find("Dr. purwa", "7890") == ["Dr. Sri Purwaningsih, M.Si."]  # titles dropped
    assert find("drs", "7890") == []  # titles are no name
    with pytest.raises(ValidationError, match="paling sedikit 3 huruf"):
        find("bu", "1234")
    with pytest.raises(ValidationError, match="empat angka terakhir"):
        find("budi", "123")
    with pytest.raises(ValidationError, match="empat angka terakhir"):
        find("budi", "")


def test_at_most_five_names_and_nothing_more_of_the_list(
    storage: Storage, event_id: int, keys: sc.HallKeys
) -> None:
    for number in range(8):
        _invite(storage, event_id, f"Agus Nomor{number}", "Dinas", phone="0811 0000 5555",
                nip=f"19770312200312{1001 + number}")
    code = keys.current_code()
    found = sc.find_for_checkin(storage, event_id, keys, rotating_code=code, name="agus",
                                phone_last4="5555")
    assert len(found) == sc.MAX_PUBLIC_RESULTS == 5
    assert [f.name for f in fields(sc.PublicMatch)] == ["ref", "name", "instansi", "present"]
    shown = repr([m.as_json() for m in found])
    assert "1977" not in shown and "0811" not in shown and "5555" not in shown
    askers = sc.search_askers(storage, event_id, keys, "agus")
    assert len(askers) == 5 and not any(a.present for a in askers)


def test_lookups_need_this_minutes_code(
    storage: Storage, event_id: int, keys: sc.HallKeys, clock: ManualClock,
    people: dict[str, int],
) -> None:
    code = keys.current_code()
    clock.advance(120)
    with pytest.raises(ValidationError, match="kedaluwarsa"):
        sc.find_for_checkin(storage, event_id, keys, rotating_code=code, name="budi",
                            phone_last4="1234")
    messages.set_language("en")
    with pytest.raises(ValidationError, match="expired"):
        sc.find_for_checkin(storage, event_id, keys, rotating_code="", name="budi",
                            phone_last4="1234")


def test_the_floor_page_search_finds_askers_by_name(
    storage: Storage, event_id: int, keys: sc.HallKeys, people: dict[str, int]
) -> None:
    found = sc.search_askers(storage, event_id, keys, "budi")
    assert [(m.name, m.instansi) for m in found] == [
        ("Budi Santoso", "Bawaslu"), ("Budi Tanpa Nomor", "Kodim"), ("Budiman Hadi", "KPU")]
    assert sc.asker_of_ref(storage, event_id, keys, found[0].ref) == people["budi"]
    with pytest.raises(ValidationError):
        sc.search_askers(storage, event_id, keys, " b u ")
    # A ref of the floor page checks nobody in.
    with pytest.raises(NotFoundError):
        sc.phone_checkin(storage, event_id, keys, rotating_code=keys.current_code(),
                         ref=found[0].ref, signature_png=signature_png(1))


# -- checking in ------------------------------------------------------------------------------


def test_a_phone_check_in_is_a_check_in_with_signature_at_station_ponsel(
    storage: Storage, event_id: int, keys: sc.HallKeys, clock: ManualClock,
    people: dict[str, int],
) -> None:
    code = keys.current_code()
    (match,) = sc.find_for_checkin(storage, event_id, keys, rotating_code=code, name="purwa",
                                   phone_last4="7890")
    clock.advance(200)  # signing took a while: the code is three minutes old
    heard: list[Changes] = []
    storage.add_change_listener(heard.append)
    png = signature_png(4)
    result = sc.phone_checkin(storage, event_id, keys, rotating_code=code, ref=match.ref,
                              signature_png=png, clock=clock)
    assert not result.already_present and result.checked_in_at == clock.now
    assert len(heard) == 1 and heard[0].attendance  # one transaction
    history = checkin_ops.checkin_history(storage, people["sri"])
    assert sorted((e.kind.value, e.station) for e in history) == [
        ("checkin", "ponsel"), ("signature", "ponsel")]
    assert checkin_ops.latest_signature(storage, people["sri"]) == png
    # Found again: shown as present; checking in again adds nothing.
    (again,) = sc.find_for_checkin(storage, event_id, keys, rotating_code=keys.current_code(),
                                   name="purwa", phone_last4="7890")
    assert again.present
    repeat = sc.phone_checkin(storage, event_id, keys, rotating_code=keys.current_code(),
                              ref=again.ref, signature_png=signature_png(5), clock=clock)
    assert repeat.already_present
    assert len(checkin_ops.checkin_history(storage, people["sri"])) == 2
    assert checkin_ops.latest_signature(storage, people["sri"]) == png


def test_a_phone_check_in_is_refused_whole(
    storage: Storage, event_id: int, keys: sc.HallKeys, clock: ManualClock,
    people: dict[str, int],
) -> None:
    code = keys.current_code()
    (match,) = sc.find_for_checkin(storage, event_id, keys, rotating_code=code, name="purwa",
                                   phone_last4="7890")
    with pytest.raises(ValidationError, match="PNG"):
        sc.phone_checkin(storage, event_id, keys, rotating_code=code, ref=match.ref,
                         signature_png=b"GIF89a....")
    with pytest.raises(ValidationError):
        sc.phone_checkin(storage, event_id, keys, rotating_code=code, ref=match.ref,
                         signature_png=b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(NotFoundError):
        sc.phone_checkin(storage, event_id, keys, rotating_code=code, ref="forged.ref",
                         signature_png=signature_png(1))
    for blank in (_canvas((0, 0, 0, 0)), _canvas((255, 255, 255, 255)),
                  _canvas((250, 250, 250, 255), mode="RGB")):
        with pytest.raises(ValidationError, match="masih kosong"):
            sc.phone_checkin(storage, event_id, keys, rotating_code=code, ref=match.ref,
                             signature_png=blank)
    clock.advance(6 * 60)
    with pytest.raises(ValidationError, match="kedaluwarsa"):
        sc.phone_checkin(storage, event_id, keys, rotating_code=code, ref=match.ref,
                         signature_png=signature_png(1))
    assert checkin_ops.checkin_history(storage, people["sri"]) == []


# -- walk-ins by phone ---------------------------------------------------------------------------


def _walk_in(storage: Storage, event_id: int, keys: sc.HallKeys, clock: ManualClock,
             name: str = "Drs. Ahmad Yani, M.Si.", png: bytes | None = None) -> int:
    walkin = sc.submit_phone_walk_in(
        storage, event_id, keys, rotating_code=keys.current_code(), name=name,
        jabatan="Kepala Seksi", instansi="Kecamatan Telanaipura", phone="0812 1111 2222",
        signature_png=png or signature_png(7), device="cookie|10.0.0.9", clock=clock,
    )
    assert walkin.status == PhoneWalkInStatus.WAITING and walkin.id is not None
    return walkin.id


def test_someone_not_on_the_list_waits_for_a_desk(
    storage: Storage, event_id: int, keys: sc.HallKeys, clock: ManualClock
) -> None:
    heard: list[Changes] = []
    storage.add_change_listener(heard.append)
    walkin_id = _walk_in(storage, event_id, keys, clock)
    assert heard[-1].attendance
    (waiting,) = sc.waiting_phone_walk_ins(storage, event_id)
    assert waiting.id == walkin_id and waiting.name == "Drs. Ahmad Yani, M.Si."
    assert waiting.submitted_at == T0 and "10.0.0.9" not in waiting.device_hash
    # Not on the list, not present, until a desk confirms.
    assert storage.count_invitees(event_id) == 0


def test_a_desk_confirms_a_phone_walk_in_with_the_signature(
    storage: Storage, event_id: int, keys: sc.HallKeys, clock: ManualClock
) -> None:
    png = signature_png(9)
    walkin_id = _walk_in(storage, event_id, keys, clock, png=png)
    clock.advance(90)
    decision = sc.confirm_phone_walk_in(storage, walkin_id, DESK, clock=clock)
    assert decision.walk_in.status == PhoneWalkInStatus.CONFIRMED
    assert decision.walk_in.decided_by == "Meja 1" and decision.walk_in.decided_at == clock.now
    assert decision.checkin is not None
    invitee = decision.checkin.invitee
    assert invitee.walk_in and invitee.person.name == "Ahmad Yani"
    assert (invitee.person.front_titles, invitee.person.back_titles) == ("Drs.", "M.Si.")
    assert invitee.instansi == "Kecamatan Telanaipura"
    assert decision.checkin.checked_in_at == T0  # when they came, not when the desk looked
    assert invitee.id is not None and decision.walk_in.invitee_id == invitee.id
    history = checkin_ops.checkin_history(storage, invitee.id)
    assert sorted((e.kind.value, e.station, e.operator) for e in history) == [
        ("checkin", "ponsel", "Meja 1"), ("signature", "ponsel", "Meja 1")]
    assert checkin_ops.latest_signature(storage, invitee.id) == png
    assert sc.waiting_phone_walk_ins(storage, event_id) == []
    # A second desk acting on the same one is told, nothing is recorded twice.
    with pytest.raises(ValidationError, match="sudah dikonfirmasi oleh Meja 1"):
        sc.confirm_phone_walk_in(storage, walkin_id, checkin_ops.Desk("Meja 2"))
    with pytest.raises(ValidationError):
        sc.refuse_phone_walk_in(storage, walkin_id, checkin_ops.Desk("Meja 2"))
    assert storage.count_invitees(event_id) == 1


def test_a_desk_refuses_a_phone_walk_in(
    storage: Storage, event_id: int, keys: sc.HallKeys, clock: ManualClock
) -> None:
    walkin_id = _walk_in(storage, event_id, keys, clock)
    decision = sc.refuse_phone_walk_in(storage, walkin_id, DESK, clock=clock)
    assert decision.walk_in.status == PhoneWalkInStatus.REFUSED and decision.checkin is None
    assert storage.count_invitees(event_id) == 0
    assert sc.waiting_phone_walk_ins(storage, event_id) == []
    with pytest.raises(NotFoundError):
        sc.refuse_phone_walk_in(storage, 999, DESK)


def test_a_phone_walk_in_who_was_invited_after_all_is_checked_in_as_invited(
    storage: Storage, event_id: int, keys: sc.HallKeys, clock: ManualClock
) -> None:
    invited = _invite(storage, event_id, "Ahmad Yani", "Kecamatan Telanaipura")
    walkin_id = _walk_in(storage, event_id, keys, clock)
    decision = sc.confirm_phone_walk_in(storage, walkin_id, DESK, clock=clock)
    assert decision.checkin is not None and decision.checkin.invitee.id == invited
    assert decision.walk_in.invitee_id == invited
    assert storage.count_invitees(event_id) == 1
    assert checkin_ops.latest_signature(storage, invited) is not None


def test_bad_phone_walk_ins_are_refused(
    storage: Storage, event_id: int, keys: sc.HallKeys, clock: ManualClock
) -> None:
    def submit(**changes: object) -> None:
        values: dict[str, object] = {"rotating_code": keys.current_code(), "name": "Ahmad",
                                     "signature_png": signature_png(1)}
        values.update(changes)
        sc.submit_phone_walk_in(storage, event_id, keys, **values)  # type: ignore[arg-type]

    with pytest.raises(ValidationError, match="Tuliskan nama"):
        submit(name="  ")
    with pytest.raises(ValidationError, match="Nama terlalu panjang"):
        submit(name="A" * 201)
    with pytest.raises(ValidationError, match="Instansi terlalu panjang"):
        submit(instansi="I" * 201)
    with pytest.raises(ValidationError, match="Nomor HP terlalu panjang"):
        submit(phone="1" * 101)
    with pytest.raises(ValidationError, match="PNG"):
        submit(signature_png=b"no")
    with pytest.raises(ValidationError, match="kedaluwarsa"):
        submit(rotating_code="AAAAAA")
    messages.set_language("en")
    with pytest.raises(ValidationError, match="The name is too long"):
        submit(name="A" * 201)
    assert storage.list_phone_walkins(event_id) == []
    xss = "<img src=x onerror=alert(1)>"
    submit(name=xss, instansi=xss)
    (kept,) = storage.list_phone_walkins(event_id)
    assert kept.name == xss and kept.instansi == xss


def test_the_digits_are_looked_up_by_index(storage: Storage, event_id: int) -> None:
    plan = " ".join(
        str(row[3]) for row in storage.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT p.id FROM persons AS p WHERE p.phone <> '' "
            f"AND {_PHONE_LAST4} = ?", ("1234",))
    )
    assert "persons_phone_last4" in plan, plan
