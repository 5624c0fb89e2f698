"""User actions of the core (rakor_desktop.operations) on a real database.

Every check-in test uses an injected clock: nothing sleeps.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from rakor_desktop import messages
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import AttendanceKind, Event, Invitee, OfficialRole, Person, Role
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations.checkin import Desk
from rakor_desktop.operations.invitations import CODE_ALPHABET, CODE_LENGTH
from rakor_desktop.storage import Storage

DESK = Desk(station="meja-1", operator="Rina")
NIP_SRI = "197703122003122007"
NIP_BUDI = "198001012005011003"


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = datetime(2023, 12, 14, 1, 30, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def english() -> Iterator[None]:
    messages.set_language("en")
    yield
    messages.set_language("id")


def rakor(**changes: object) -> Event:
    values: dict[str, object] = {
        "title": "Rapat Koordinasi Kesiapan Pemilu 2024",
        "date": date(2023, 12, 14),
        "start_time": time(9, 0),
        "venue": "Aula Griya Mayang",
        "timezone": "WIB",
    }
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


@pytest.fixture
def event_id(storage: Storage, clock: FakeClock) -> int:
    return event_ops.create_event(storage, rakor(), clock=clock)


def invite(
    storage: Storage, event_id: int, name: str, clock: FakeClock | None = None, **fields: str
) -> Invitee:
    person = Person(name=name, **fields)  # type: ignore[arg-type]
    return invitee_ops.invite_person(storage, event_id, person, clock=clock or FakeClock())


def present_count(storage: Storage, event_id: int) -> int:
    return storage.attendance_counts(event_id).present


def names(invitees: list[Invitee]) -> list[str]:
    return [i.person.name for i in invitees]


# -- events --------------------------------------------------------------------------------


def test_create_event_stores_what_was_given(storage: Storage, clock: FakeClock) -> None:
    new_id = event_ops.create_event(
        storage,
        rakor(title="  Rakor Pilkada  ", timezone="wita", end_time=time(12, 0)),
        clock=clock,
    )
    event = event_ops.get_event(storage, new_id)
    assert event.title == "Rakor Pilkada"
    assert event.timezone == "WITA"
    assert (event.date, event.start_time, event.end_time) == (
        date(2023, 12, 14),
        time(9, 0),
        time(12, 0),
    )
    assert event.venue == "Aula Griya Mayang"
    assert event.created_at == clock.now
    assert event.uid


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "Nama acara wajib diisi."),
        (
            {"end_time": time(8, 30)},
            "Jam selesai (08.30) harus setelah jam mulai (09.00).",
        ),
        (
            {"end_time": time(9, 0)},
            "Jam selesai (09.00) harus setelah jam mulai (09.00).",
        ),
        ({"timezone": "WITT"}, "Zona waktu harus WIB, WITA atau WIT (bukan WITT)."),
        ({"timezone": "UTC+7"}, "Zona waktu harus WIB, WITA atau WIT (bukan UTC+7)."),
        (
            {"end_date": date(2023, 12, 13)},
            "Tanggal selesai tidak boleh sebelum tanggal mulai.",
        ),
    ],
    ids=[
        "empty-title",
        "end-before-start",
        "end-equals-start",
        "bad-tz",
        "offset-tz",
        "end-date-before-date",
    ],
)
def test_create_event_refuses_impossible_events(
    storage: Storage, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        event_ops.create_event(storage, rakor(**changes))
    assert str(caught.value) == message
    assert storage.list_events() == []


@pytest.mark.usefixtures("english")
def test_create_event_refusal_in_english(storage: Storage) -> None:
    with pytest.raises(ValidationError) as caught:
        event_ops.create_event(storage, rakor(end_time=time(8, 0)))
    assert str(caught.value) == "The end time (08.00) must be after the start time (09.00)."


def test_multi_day_event_may_end_earlier_in_the_day(storage: Storage) -> None:
    new_id = event_ops.create_event(
        storage, rakor(end_date=date(2023, 12, 15), start_time=time(13, 0), end_time=time(11, 0))
    )
    assert event_ops.get_event(storage, new_id).end_date == date(2023, 12, 15)


def test_single_day_with_end_date_set_still_needs_end_after_start(storage: Storage) -> None:
    with pytest.raises(ValidationError):
        event_ops.create_event(
            storage, rakor(end_date=date(2023, 12, 14), start_time=time(9), end_time=time(8))
        )


def test_update_event_changes_fields_and_timestamp(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    created = event_ops.get_event(storage, event_id)
    later = clock.advance(minutes=5)
    saved = event_ops.update_event(
        storage,
        event_id,
        {"venue": "Ruang Pola", "end_time": time(12, 0), "timezone": "wit"},
        clock=clock,
    )
    assert (saved.venue, saved.end_time, saved.timezone) == ("Ruang Pola", time(12, 0), "WIT")
    assert saved.updated_at == later
    assert saved.created_at == created.created_at
    assert event_ops.get_event(storage, event_id) == saved


def test_update_event_refused_change_writes_nothing(storage: Storage, event_id: int) -> None:
    before = event_ops.get_event(storage, event_id)
    with pytest.raises(ValidationError) as caught:
        event_ops.update_event(storage, event_id, {"venue": "Ruang Pola", "end_time": time(7, 0)})
    assert str(caught.value) == "Jam selesai (07.00) harus setelah jam mulai (09.00)."
    assert event_ops.get_event(storage, event_id) == before


def test_update_event_validates_the_event_as_a_whole(storage: Storage, event_id: int) -> None:
    event_ops.update_event(storage, event_id, {"end_time": time(12, 0)})
    with pytest.raises(ValidationError):
        event_ops.update_event(storage, event_id, {"start_time": time(13, 0)})


def test_update_event_unknown_field_and_unknown_event(storage: Storage, event_id: int) -> None:
    with pytest.raises(KeyError):
        event_ops.update_event(storage, event_id, {"id": 5})
    with pytest.raises(NotFoundError) as caught:
        event_ops.update_event(storage, 999, {"venue": "X"})
    assert str(caught.value) == "Acara dengan nomor 999 tidak ditemukan."


def test_delete_event_removes_everything_but_the_directory(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    other = event_ops.create_event(storage, rakor(title="Rakor Lain"), clock=clock)
    budi = invite(storage, event_id, "Budi Santoso", nip=NIP_BUDI)
    invite(storage, other, "Sri Purwaningsih")
    assert budi.id is not None
    checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)

    event_ops.delete_event(storage, event_id)

    assert [e.title for e in storage.list_events()] == ["Rakor Lain"]
    assert storage.get_invitee(budi.id) is None
    assert storage.attendance_log(event_id) == []
    assert storage.find_person_by_nip(NIP_BUDI) is not None  # the directory keeps Budi
    assert storage.count_invitees(other) == 1
    with pytest.raises(NotFoundError):
        event_ops.delete_event(storage, event_id)


# -- invitations and check-in codes ------------------------------------------------------


def test_invite_person_gives_a_code_from_the_readable_alphabet(
    storage: Storage, event_id: int
) -> None:
    invitee = invite(storage, event_id, "Budi Santoso", instansi="KPU Kota Jambi")
    assert len(invitee.checkin_code) == CODE_LENGTH == 8
    assert set(invitee.checkin_code) <= set(CODE_ALPHABET)
    assert not set("01OIL") & set(CODE_ALPHABET)
    stored = storage.get_invitee(invitee.id or 0)
    assert stored is not None
    assert stored.checkin_code == invitee.checkin_code
    assert stored.instansi == "KPU Kota Jambi"


def test_inviting_the_same_person_twice_is_refused(storage: Storage, event_id: int) -> None:
    invite(storage, event_id, "Budi Santoso", nip=NIP_BUDI)
    with pytest.raises(ValidationError) as caught:
        invite(storage, event_id, "Budi Santoso", nip="19800101 200501 1 003")
    assert str(caught.value) == "Budi Santoso sudah ada di daftar undangan acara ini."
    assert storage.count_invitees(event_id) == 1


def test_invite_person_refuses_an_empty_name_and_a_bad_nip(storage: Storage, event_id: int) -> None:
    with pytest.raises(ValidationError, match="Nama wajib diisi"):
        invite(storage, event_id, "   ")
    with pytest.raises(ValidationError, match="NIP"):
        invite(storage, event_id, "Budi", nip="1977031220031220")
    assert storage.count_invitees(event_id) == 0


def test_invite_person_cleans_the_nip_and_spaces(storage: Storage, event_id: int) -> None:
    invitee = invite(storage, event_id, "  Sri   Purwaningsih ", nip="NIP. 19770312 200312 2 007")
    stored = storage.get_invitee(invitee.id or 0)
    assert stored is not None
    assert stored.person.name == "Sri Purwaningsih"
    assert stored.person.nip == NIP_SRI


@pytest.mark.usefixtures("english")
def test_bad_nip_message_follows_the_language(storage: Storage, event_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        invite(storage, event_id, "Budi", nip="123")
    assert "NIP" in str(caught.value)
    assert "tidak valid" not in str(caught.value)


@pytest.fixture
def many_codes(storage: Storage, event_id: int, clock: FakeClock) -> list[str]:
    people = [(Person(name=f"Peserta {n:04d}"), Role.PESERTA) for n in range(2000)]
    report = invitee_ops.import_invitees(storage, event_id, people, clock=clock)
    assert report.added == 2000
    return [i.checkin_code for i in storage.list_invitees(event_id)]  # invitation order


def test_codes_are_unique_and_readable(many_codes: list[str]) -> None:
    assert len(many_codes) == 2000
    assert len(set(many_codes)) == 2000
    for code in many_codes:
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET), code


def test_codes_are_not_sequential(many_codes: list[str]) -> None:
    # A counter (or anything derived from the invitation order) keeps the leading
    # characters of neighbouring codes equal; random codes share 5 leading characters
    # with the next one about once in 14 million pairs.
    def common_prefix(a: str, b: str) -> int:
        return next((n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y), len(a))

    assert max(common_prefix(a, b) for a, b in itertools.pairwise(many_codes)) < 5
    # Among all 2,000 codes, no two share 7 of 8 characters at the start.
    ordered = sorted(many_codes)
    assert max(common_prefix(a, b) for a, b in itertools.pairwise(ordered)) < 7
    # Every position uses the whole alphabet: no position is fixed or counts slowly.
    for position in range(CODE_LENGTH):
        assert {code[position] for code in many_codes} == set(CODE_ALPHABET), position


def test_codes_differ_between_events_for_the_same_person(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    other = event_ops.create_event(storage, rakor(title="Rakor Lain"), clock=clock)
    first = invite(storage, event_id, "Budi", nip=NIP_BUDI)
    second = invite(storage, other, "Budi", nip=NIP_BUDI)
    assert first.person.id == second.person.id
    assert first.checkin_code != second.checkin_code


# -- importing an invitation list ---------------------------------------------------------


def test_import_is_all_or_nothing(storage: Storage, event_id: int) -> None:
    people = [
        (Person(name="Budi Santoso", nip=NIP_BUDI), Role.PESERTA),
        (Person(name="Sri Purwaningsih", nip=NIP_SRI), Role.NARASUMBER),
        (Person(name="Andi", nip="1.97703122003122E+17"), Role.PESERTA),
        (Person(name="Dewi"), Role.PESERTA),
    ]
    with pytest.raises(ValidationError) as caught:
        invitee_ops.import_invitees(storage, event_id, people)
    assert str(caught.value).startswith("Baris 3: NIP tidak valid")
    assert storage.count_invitees(event_id) == 0
    assert storage.find_person_by_nip(NIP_BUDI) is None
    assert storage.search_persons("budi") == []


def test_import_skips_and_reports_duplicates(storage: Storage, event_id: int) -> None:
    people = [
        (
            Person(name="Sri Purwaningsih", front_titles="Dr. H.", instansi="Bappeda", nip=NIP_SRI),
            Role.NARASUMBER,
        ),
        (Person(name="Budi Santoso", instansi="KPU Kota Jambi"), Role.PESERTA),
        # Same NIP, written differently: the same person.
        (Person(name="Sri Purwaningsih", nip="19770312 200312 2 007"), Role.PESERTA),
        # Same name (case, spacing, titles aside) in the same instansi.
        (
            Person(name="BUDI  SANTOSO", front_titles="Drs.", instansi="kpu kota jambi"),
            Role.PESERTA,
        ),
        # Same name in another instansi: another person.
        (Person(name="Budi Santoso", instansi="Bawaslu Kota Jambi"), Role.PESERTA),
    ]
    report = invitee_ops.import_invitees(storage, event_id, people)
    assert report.added == 3
    assert report.skipped_duplicates == ["Sri Purwaningsih", "BUDI SANTOSO"]
    listed = storage.list_invitees(event_id)
    assert [(i.person.name, i.instansi, i.role) for i in listed] == [
        ("Sri Purwaningsih", "Bappeda", Role.NARASUMBER),
        ("Budi Santoso", "KPU Kota Jambi", Role.PESERTA),
        ("Budi Santoso", "Bawaslu Kota Jambi", Role.PESERTA),
    ]


def test_import_skips_someone_already_on_the_list(storage: Storage, event_id: int) -> None:
    invite(storage, event_id, "Budi Santoso", instansi="KPU")
    report = invitee_ops.import_invitees(
        storage, event_id, [(Person(name="budi santoso", instansi="KPU"), Role.PESERTA)]
    )
    assert (report.added, report.skipped_duplicates) == (0, ["budi santoso"])
    assert storage.count_invitees(event_id) == 1


def test_import_reuses_the_directory_across_events(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    first = [
        (Person(name="Sri Purwaningsih", nip=NIP_SRI, instansi="Bappeda"), Role.NARASUMBER),
        (Person(name="Budi Santoso", instansi="KPU Kota Jambi"), Role.PESERTA),
    ]
    invitee_ops.import_invitees(storage, event_id, first, clock=clock)
    directory_before = storage._scalar("SELECT COUNT(*) FROM persons")

    second_event = event_ops.create_event(storage, rakor(title="Rakor Kedua"), clock=clock)
    second = [
        (Person(name="Sri Purwaningsih", nip=NIP_SRI, instansi="Bappeda"), Role.PESERTA),
        (Person(name="Budi Santoso", instansi="KPU Kota Jambi"), Role.PESERTA),
        (Person(name="Dewi Lestari", instansi="FKUB"), Role.PESERTA),
    ]
    report = invitee_ops.import_invitees(storage, second_event, second, clock=clock)

    assert (report.added, report.reused_from_directory, report.skipped_duplicates) == (3, 2, [])
    assert storage._scalar("SELECT COUNT(*) FROM persons") == directory_before + 1
    ids_first = {i.person.name: i.person.id for i in storage.list_invitees(event_id)}
    ids_second = {i.person.name: i.person.id for i in storage.list_invitees(second_event)}
    assert ids_second["Sri Purwaningsih"] == ids_first["Sri Purwaningsih"]
    assert ids_second["Budi Santoso"] == ids_first["Budi Santoso"]


def test_reusing_a_directory_person_keeps_what_the_new_list_leaves_out(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    full = Person(
        name="Budi Santoso",
        instansi="KPU Kota Jambi",
        nip=NIP_BUDI,
        pangkat="Pembina",
        golongan="IV/a",
        phone="0812 7000 1234",
        front_titles="Drs.",
    )
    invitee_ops.import_invitees(storage, event_id, [(full, Role.PESERTA)], clock=clock)
    second_event = event_ops.create_event(storage, rakor(title="Rakor Kedua"), clock=clock)
    sparse = Person(name="Budi Santoso", instansi="KPU Kota Jambi")
    invitee_ops.import_invitees(storage, second_event, [(sparse, Role.PESERTA)], clock=clock)

    first_list = storage.list_invitees(event_id)
    assert first_list[0].person.nip == NIP_BUDI  # the first daftar hadir keeps its NIP
    assert first_list[0].person.phone == "0812 7000 1234"
    assert first_list[0].person.front_titles == "Drs."


# -- check-in ------------------------------------------------------------------------------


@pytest.fixture
def budi(storage: Storage, event_id: int) -> Invitee:
    return invite(storage, event_id, "Budi Santoso", instansi="KPU Kota Jambi")


def test_checkin_records_the_arrival(
    storage: Storage, event_id: int, budi: Invitee, clock: FakeClock
) -> None:
    assert budi.id is not None
    result = checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)
    assert result.already_present is False
    assert result.checked_in_at == clock.now
    assert result.invitee.person.name == "Budi Santoso"
    assert present_count(storage, event_id) == 1
    stored = storage.get_invitee(budi.id)
    assert stored is not None and stored.first_checkin_at == clock.now
    assert (checkin_ops.describe_checkin(result, "WIB")
            == "Budi Santoso tercatat hadir pukul 08.30 WIB.")


def test_second_checkin_reports_the_first_time_and_counts_once(
    storage: Storage, event_id: int, budi: Invitee, clock: FakeClock
) -> None:
    assert budi.id is not None
    first = checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)
    first_time = clock.now
    clock.advance(minutes=25)
    again = checkin_ops.checkin_invitee(storage, budi.id, Desk("meja-2", "Ani"), clock=clock)

    assert again.already_present is True
    assert again.checked_in_at == first_time
    assert again.entry_uid == first.entry_uid
    assert present_count(storage, event_id) == 1
    assert len(storage.attendance_history(budi.id)) == 1
    assert checkin_ops.describe_checkin(again, "WIB") == "Budi Santoso sudah hadir pukul 08.30 WIB."


@pytest.mark.usefixtures("english")
def test_checkin_description_in_english_uses_the_event_zone(
    storage: Storage, budi: Invitee, clock: FakeClock
) -> None:
    assert budi.id is not None
    result = checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)
    assert checkin_ops.describe_checkin(result, "WITA") == "Budi Santoso checked in at 09.30 WITA."


def test_checkin_records_station_operator_and_on_behalf(
    storage: Storage, event_id: int, budi: Invitee, clock: FakeClock
) -> None:
    assert budi.id is not None
    checkin_ops.checkin_invitee(
        storage,
        budi.id,
        Desk(station="meja-2", operator="Ani Rahmawati"),
        on_behalf_name="  Andi   Wijaya ",
        on_behalf_jabatan="Sekretaris",
        on_behalf_instansi="KPU Kota Jambi",
        clock=clock,
    )
    [entry] = storage.attendance_history(budi.id)
    assert entry.kind == AttendanceKind.CHECKIN
    assert (entry.station, entry.operator) == ("meja-2", "Ani Rahmawati")
    assert (entry.on_behalf_name, entry.on_behalf_jabatan, entry.on_behalf_instansi) == (
        "Andi Wijaya",
        "Sekretaris",
        "KPU Kota Jambi",
    )
    assert entry.recorded_at == clock.now
    presence = storage._row("SELECT * FROM presence WHERE invitee_id = ?", (budi.id,))
    assert presence is not None and presence["on_behalf_name"] == "Andi Wijaya"


def test_checkin_is_on_disk_when_it_returns(
    storage: Storage, budi: Invitee, db_path: Path, clock: FakeClock
) -> None:
    assert budi.id is not None
    result = checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)
    reopened = Storage.open(db_path, backup=False)  # a second desk on the same file
    try:
        assert [e.uid for e in reopened.attendance_history(budi.id)] == [result.entry_uid]
    finally:
        reopened.close()


def test_checkin_unknown_invitee(storage: Storage) -> None:
    with pytest.raises(NotFoundError) as caught:
        checkin_ops.checkin_invitee(storage, 4242, DESK)
    assert str(caught.value) == "Peserta dengan nomor 4242 tidak ditemukan."


def test_checkin_by_code_ignores_case_and_spaces(
    storage: Storage, event_id: int, budi: Invitee, clock: FakeClock
) -> None:
    typed = f"  {budi.checkin_code.lower()} "
    result = checkin_ops.checkin_by_code(storage, event_id, typed, DESK, clock=clock)
    assert result.invitee.id == budi.id
    assert result.already_present is False
    assert present_count(storage, event_id) == 1


def test_checkin_by_code_unknown_or_of_another_event(
    storage: Storage, event_id: int, budi: Invitee, clock: FakeClock
) -> None:
    with pytest.raises(NotFoundError) as caught:
        checkin_ops.checkin_by_code(storage, event_id, "zzzz2222", DESK)
    assert str(caught.value) == "Kode zzzz2222 tidak terdaftar untuk acara ini."
    other = event_ops.create_event(storage, rakor(title="Rakor Lain"), clock=clock)
    with pytest.raises(NotFoundError):
        checkin_ops.checkin_by_code(storage, other, budi.checkin_code, DESK)
    assert present_count(storage, event_id) == 0


def test_checkin_by_name_checks_in_the_one_match(
    storage: Storage, event_id: int, budi: Invitee, clock: FakeClock
) -> None:
    invite(storage, event_id, "Sri Purwaningsih", front_titles="Dr. H.", back_titles="M.Si.")
    result = checkin_ops.checkin_by_name(storage, event_id, "purwaningsih", DESK, clock=clock)
    assert result.invitee.person.name == "Sri Purwaningsih"
    assert present_count(storage, event_id) == 1


def test_checkin_by_name_without_a_match(storage: Storage, event_id: int, budi: Invitee) -> None:
    with pytest.raises(NotFoundError) as caught:
        checkin_ops.checkin_by_name(storage, event_id, "  Zulkifli ", DESK)
    assert str(caught.value) == "Tidak ada peserta yang cocok dengan \u201cZulkifli\u201d."
    with pytest.raises(ValidationError, match="Ketik nama"):
        checkin_ops.checkin_by_name(storage, event_id, "   ", DESK)
    assert present_count(storage, event_id) == 0


def test_checkin_by_name_with_several_matches_names_them(
    storage: Storage, event_id: int, budi: Invitee
) -> None:
    invite(storage, event_id, "Budi Hartono", instansi="Bawaslu Kota Jambi")
    with pytest.raises(ValidationError) as caught:
        checkin_ops.checkin_by_name(storage, event_id, "budi", DESK)
    message = str(caught.value)
    assert message.startswith("Lebih dari satu peserta cocok dengan \u201cbudi\u201d:")
    assert "Budi Hartono (Bawaslu Kota Jambi)" in message
    assert "Budi Santoso (KPU Kota Jambi)" in message
    assert "dan lainnya" not in message
    assert present_count(storage, event_id) == 0


def test_checkin_by_name_with_many_matches_says_there_are_more(
    storage: Storage, event_id: int
) -> None:
    for n in range(8):
        invite(storage, event_id, f"Lurah {n}", instansi=f"Kelurahan {n}")
    with pytest.raises(ValidationError, match="dan lainnya"):
        checkin_ops.checkin_by_name(storage, event_id, "lurah", DESK)


# -- undo and history ------------------------------------------------------------------


def test_undo_needs_a_reason(storage: Storage, budi: Invitee, clock: FakeClock) -> None:
    assert budi.id is not None
    checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)
    for reason in ("", "   \n "):
        with pytest.raises(ValidationError) as caught:
            checkin_ops.undo_checkin(storage, budi.id, reason, DESK, clock=clock)
        assert str(caught.value) == "Tuliskan alasan pembatalan check-in."
    assert len(storage.attendance_history(budi.id)) == 1


def test_undo_makes_the_person_absent_and_keeps_the_history(
    storage: Storage, event_id: int, budi: Invitee, clock: FakeClock
) -> None:
    assert budi.id is not None
    checkin = checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)
    undo_time = clock.advance(minutes=3)
    undone = checkin_ops.undo_checkin(
        storage, budi.id, "  salah   pilih orang ", Desk("meja-2", "Ani"), clock=clock
    )

    assert undone == 1
    assert present_count(storage, event_id) == 0
    stored = storage.get_invitee(budi.id)
    assert stored is not None and stored.first_checkin_at is None
    history = storage.attendance_history(budi.id)
    assert [e.kind for e in history] == [AttendanceKind.CHECKIN, AttendanceKind.UNDO]
    undo = history[1]
    assert undo.target_uid == checkin.entry_uid
    assert undo.reason == "salah pilih orang"
    assert (undo.station, undo.operator, undo.recorded_at) == ("meja-2", "Ani", undo_time)


def test_undo_when_not_checked_in(storage: Storage, budi: Invitee) -> None:
    assert budi.id is not None
    with pytest.raises(ValidationError) as caught:
        checkin_ops.undo_checkin(storage, budi.id, "salah", DESK)
    assert str(caught.value) == "Peserta ini belum tercatat hadir."
    assert storage.attendance_history(budi.id) == []


def test_checkin_again_after_undo_gives_the_new_time(
    storage: Storage, event_id: int, budi: Invitee, clock: FakeClock
) -> None:
    assert budi.id is not None
    checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)
    clock.advance(minutes=2)
    checkin_ops.undo_checkin(storage, budi.id, "salah orang", DESK, clock=clock)
    again_time = clock.advance(minutes=40)
    again = checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)

    assert again.already_present is False
    assert again.checked_in_at == again_time
    stored = storage.get_invitee(budi.id)
    assert stored is not None and stored.first_checkin_at == again_time
    assert present_count(storage, event_id) == 1


def test_history_lists_every_entry_in_order(
    storage: Storage, budi: Invitee, clock: FakeClock
) -> None:
    assert budi.id is not None
    checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)
    clock.advance(minutes=1)
    checkin_ops.undo_checkin(storage, budi.id, "keliru", DESK, clock=clock)
    clock.advance(minutes=1)
    checkin_ops.checkin_invitee(storage, budi.id, Desk("meja-2"), clock=clock)
    clock.advance(minutes=1)
    checkin_ops.undo_checkin(storage, budi.id, "keliru lagi", DESK, clock=clock)
    clock.advance(minutes=1)
    checkin_ops.checkin_invitee(storage, budi.id, Desk("meja-3"), clock=clock)

    history = storage.attendance_history(budi.id)
    assert [(e.kind.value, e.station) for e in history] == [
        ("checkin", "meja-1"),
        ("undo", "meja-1"),
        ("checkin", "meja-2"),
        ("undo", "meja-1"),
        ("checkin", "meja-3"),
    ]
    times = [e.recorded_at for e in history]
    assert times == sorted(times)
    assert history[1].target_uid == history[0].uid
    assert history[3].target_uid == history[2].uid


# -- removing an invitee ------------------------------------------------------------------


def test_remove_invitee_without_attendance(storage: Storage, event_id: int, budi: Invitee) -> None:
    assert budi.id is not None
    invitee_ops.remove_invitee(storage, budi.id)
    assert storage.count_invitees(event_id) == 0
    assert storage.search_persons("budi")  # still in the directory


def test_remove_invitee_refused_once_attendance_is_recorded(
    storage: Storage, event_id: int, budi: Invitee, clock: FakeClock
) -> None:
    assert budi.id is not None
    checkin_ops.checkin_invitee(storage, budi.id, DESK, clock=clock)
    clock.advance(minutes=1)
    checkin_ops.undo_checkin(storage, budi.id, "salah", DESK, clock=clock)
    with pytest.raises(ValidationError) as caught:
        invitee_ops.remove_invitee(storage, budi.id)
    assert str(caught.value).startswith(
        "Budi Santoso tidak dapat dihapus: kehadirannya sudah tercatat."
    )
    assert storage.count_invitees(event_id) == 1
    assert len(storage.attendance_history(budi.id)) == 2


# -- officials --------------------------------------------------------------------------


def test_name_official_by_text_splits_titles(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    person = event_ops.name_official_by_text(
        storage, event_id, OfficialRole.KETUA, "Dr. H.  Sri Purwaningsih, M.Si.", clock=clock
    )
    assert person is not None
    assert (person.front_titles, person.name, person.back_titles) == (
        "Dr. H.",
        "Sri Purwaningsih",
        "M.Si.",
    )
    officials = storage.get_officials(event_id)
    assert officials == {OfficialRole.KETUA: person.id}
    stored = storage.get_person(officials[OfficialRole.KETUA])
    assert stored is not None and stored.front_titles == "Dr. H."


def test_name_official_by_text_reuses_the_directory(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    sri = invite(storage, event_id, "Sri Purwaningsih", front_titles="Dr. H.", nip=NIP_SRI)
    directory_before = storage._scalar("SELECT COUNT(*) FROM persons")
    person = event_ops.name_official_by_text(
        storage, event_id, OfficialRole.MODERATOR, "sri purwaningsih", clock=clock
    )
    assert person is not None and person.id == sri.person.id
    assert person.nip == NIP_SRI
    assert storage._scalar("SELECT COUNT(*) FROM persons") == directory_before


def test_name_official_by_empty_text_clears_the_role(
    storage: Storage, event_id: int, clock: FakeClock
) -> None:
    event_ops.name_official_by_text(storage, event_id, OfficialRole.PENCATAT, "Rina", clock=clock)
    assert event_ops.name_official_by_text(storage, event_id, OfficialRole.PENCATAT, "  ") is None
    assert storage.get_officials(event_id) == {}


def test_name_official_by_id(storage: Storage, event_id: int) -> None:
    sri = invite(storage, event_id, "Sri Purwaningsih")
    assert sri.person.id is not None
    event_ops.name_official(storage, event_id, OfficialRole.SEKRETARIS, sri.person.id)
    assert storage.get_officials(event_id) == {OfficialRole.SEKRETARIS: sri.person.id}
    with pytest.raises(NotFoundError) as caught:
        event_ops.name_official(storage, event_id, OfficialRole.KETUA, 777)
    assert str(caught.value) == "Orang dengan nomor 777 tidak ada di direktori."
    event_ops.name_official(storage, event_id, OfficialRole.SEKRETARIS, None)
    assert storage.get_officials(event_id) == {}


def test_name_official_by_text_of_titles_only_is_refused(storage: Storage, event_id: int) -> None:
    with pytest.raises(ValidationError):
        event_ops.name_official_by_text(storage, event_id, OfficialRole.KETUA, "Dr.")
    assert storage._scalar("SELECT COUNT(*) FROM persons WHERE name = ''") == 0


# -- search ---------------------------------------------------------------------------------


@pytest.fixture
def hall(storage: Storage, event_id: int) -> int:
    """An invitation list with titles, accents, look-alike names."""
    people = [
        Person(
            name="Sri Purwaningsih",
            front_titles="Dr. H.",
            back_titles="M.Si.",
            jabatan="Kepala Bappeda",
            instansi="Bappeda Kota Jambi",
        ),
        Person(
            name="Budi",
            front_titles="Dr.",
            jabatan="Kepala Dinas Kesehatan",
            instansi="Dinkes Kota Jambi",
        ),
        Person(
            name="Ani Suryani",
            front_titles="dr.",
            back_titles="Sp.PD.",
            instansi="RSUD Abdul Manap",
        ),
        Person(name="Wati", front_titles="Dra.", instansi="Disdik Kota Jambi"),
        Person(name="Drajat Santoso", jabatan="Ketua", instansi="Bawaslu Kota Jambi"),
        Person(name="Siti Dradjat", instansi="FKUB Kota Jambi"),
        Person(
            name="Hendra Gunawan", jabatan="Camat Telanaipura", instansi="Kecamatan Telanaipura"
        ),
        Person(name="Chandra Wijaya", instansi="KPU Kota Jambi"),
        Person(name="Renée Situmorang", instansi="Kesbangpol"),
        Person(name="Ma'ruf Amin", instansi="MUI Kota Jambi"),
        Person(name="Agus Budiman", instansi="Polresta Jambi", jabatan="Kapolresta"),
        Person(name="Ahmad Subudi", instansi="Kodim 0415/Jambi"),
        Person(name="Budi Santoso", instansi="Kecamatan Kotabaru", jabatan="Camat Kotabaru"),
    ]
    for person in people:
        invitee_ops.invite_person(storage, event_id, person)
    return event_id


def _search(storage: Storage, event_id: int, query: str) -> list[str]:
    found = checkin_ops.find_invitees(storage, event_id, query)
    assert storage.count_invitees(event_id, query) == len(found)
    return names(found)


def test_search_ignores_titles(storage: Storage, hall: int) -> None:
    assert _search(storage, hall, "purwaningsih") == ["Sri Purwaningsih"]
    assert _search(storage, hall, "sri purw") == ["Sri Purwaningsih"]
    assert _search(storage, hall, "msi") == []  # back titles are not searched either


def test_search_for_dr_finds_names_not_every_doctor(storage: Storage, hall: int) -> None:
    # Names starting with the query come first, then a later word starting with it,
    # then the query inside a word; titles ("Dr.", "dr.", "Dra.") never match.
    assert _search(storage, hall, "dra") == [
        "Drajat Santoso",
        "Siti Dradjat",
        "Chandra Wijaya",
        "Hendra Gunawan",
    ]
    found = _search(storage, hall, "dr")
    assert found[:2] == ["Drajat Santoso", "Siti Dradjat"]
    assert "Budi" not in found  # Dr. Budi
    assert "Ani Suryani" not in found  # dr. Ani
    assert "Wati" not in found  # Dra. Wati


def test_search_best_match_first(storage: Storage, hall: int) -> None:
    assert _search(storage, hall, "budi") == [
        "Budi",  # the name is the query
        "Budi Santoso",  # the name starts with it
        "Agus Budiman",  # a later word starts with it
        "Ahmad Subudi",  # inside a word
    ]


def test_search_ignores_accents_case_and_apostrophes(storage: Storage, hall: int) -> None:
    assert _search(storage, hall, "renee") == ["Renée Situmorang"]
    assert _search(storage, hall, "RENÉE") == ["Renée Situmorang"]
    assert _search(storage, hall, "maruf") == ["Ma'ruf Amin"]
    assert _search(storage, hall, "ma'ruf") == ["Ma'ruf Amin"]


def test_search_by_instansi_jabatan_and_code(storage: Storage, hall: int) -> None:
    assert _search(storage, hall, "bawaslu") == ["Drajat Santoso"]
    assert _search(storage, hall, "kapolresta") == ["Agus Budiman"]
    assert _search(storage, hall, "camat") == ["Budi Santoso", "Hendra Gunawan"]
    assert _search(storage, hall, "kodim 0415") == ["Ahmad Subudi"]
    assert _search(storage, hall, "budi camat") == ["Budi Santoso"]
    target = storage.list_invitees(hall)[6]
    assert _search(storage, hall, target.checkin_code.lower()) == [target.person.name]


def test_search_with_wildcards_matches_literally(storage: Storage, hall: int) -> None:
    assert _search(storage, hall, "100%") == []
    assert _search(storage, hall, "zzz_") == []
    assert len(_search(storage, hall, "")) == 13


def test_search_with_the_name_as_printed_finds_the_person(storage: Storage, hall: int) -> None:
    assert _search(storage, hall, "Dr. H. Sri Purwaningsih, M.Si.") == ["Sri Purwaningsih"]


def test_titles_typed_into_the_name_field_are_not_searched(storage: Storage, event_id: int) -> None:
    invite(storage, event_id, "dr. Bambang Irawan")
    assert _search(storage, event_id, "dr") == []
