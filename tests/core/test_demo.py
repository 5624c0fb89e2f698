"""The sample rakor: realistic, complete, deterministic and repeatable."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time

import pytest

from rakor_desktop.demo import (
    DEMO_GROUPS,
    DEMO_TITLE,
    KECAMATAN_KOTA_JAMBI,
    PANGKAT,
    create_demo_event,
    demo_people,
)
from rakor_desktop.formatting import format_date, format_name, split_titles
from rakor_desktop.models import OfficialRole, Role, RundownKind
from rakor_desktop.operations import events as event_ops
from rakor_desktop.storage import Storage

NOW = datetime(2023, 12, 10, 2, 0, tzinfo=UTC)

EXPECTED_GROUPS = {
    "Forkopimda": 6,
    "KPU": 7,
    "Bawaslu": 4,
    "FKUB": 6,
    "OPD": 30,
    "Camat": 11,
    "Lurah": 62,
    "Parpol": 18,
    "Panitia": 6,
}


@pytest.fixture
def demo_id(storage: Storage) -> int:
    return create_demo_event(storage, clock=lambda: NOW)


def test_the_event_is_a_thursday_rakor_of_the_city_kesbangpol(
    storage: Storage, demo_id: int
) -> None:
    event = event_ops.get_event(storage, demo_id)
    assert event.title == DEMO_TITLE
    assert format_date(event.date).startswith("Kamis, ")
    assert (event.start_time, event.end_time, event.call_time) == (time(9, 0), None, time(8, 30))
    assert event.timezone == "WIB"
    assert event.organizer_government == "PEMERINTAH KOTA JAMBI"
    assert event.organizer_unit == "BADAN KESATUAN BANGSA DAN POLITIK"
    assert len(event.organizer_address.splitlines()) >= 2
    assert "Griya Mayang" in event.venue
    assert event.invitation_number.startswith("005/")
    assert event.invitation_date is not None and event.invitation_date < event.date
    assert event.created_at == NOW


def test_about_150_invitees_in_every_group(storage: Storage, demo_id: int) -> None:
    invitees = storage.list_invitees(demo_id)
    assert len(invitees) == 150
    assert Counter(i.group_name for i in invitees) == EXPECTED_GROUPS
    assert set(EXPECTED_GROUPS) == set(DEMO_GROUPS)
    counts = storage.attendance_counts(demo_id)
    assert (counts.invited, counts.present) == (150, 0)  # the desk is left to try


def test_every_kecamatan_and_kelurahan_of_kota_jambi(storage: Storage, demo_id: int) -> None:
    invitees = storage.list_invitees(demo_id)
    camat = {i.jabatan for i in invitees if i.group_name == "Camat"}
    assert camat == {f"Camat {k}" for k in KECAMATAN_KOTA_JAMBI}
    assert "Camat Alam Barajo" in camat and "Camat Pelayangan" in camat
    lurah = [i for i in invitees if i.group_name == "Lurah"]
    assert len(lurah) == sum(len(v) for v in KECAMATAN_KOTA_JAMBI.values()) == 62


def test_forkopimda_and_roles(storage: Storage, demo_id: int) -> None:
    invitees = storage.list_invitees(demo_id)
    forkopimda = {i.jabatan for i in invitees if i.group_name == "Forkopimda"}
    assert {
        "Pj. Wali Kota Jambi",
        "Ketua DPRD Kota Jambi",
        "Kapolresta Jambi",
        "Komandan Kodim 0415/Jambi",
        "Kepala Kejaksaan Negeri Jambi",
    } <= forkopimda
    roles = Counter(i.role for i in invitees)
    assert roles == {Role.PESERTA: 139, Role.NARASUMBER: 4, Role.MODERATOR: 1, Role.PANITIA: 6}
    narasumber = {i.instansi for i in invitees if i.role == Role.NARASUMBER}
    assert narasumber == {
        "KPU Kota Jambi",
        "Bawaslu Kota Jambi",
        "Polresta Jambi",
        "Kodim 0415/Jambi",
    }


def test_officials_are_named(storage: Storage, demo_id: int) -> None:
    officials = storage.get_officials(demo_id)
    assert set(officials) == {OfficialRole.KETUA, OfficialRole.PENCATAT, OfficialRole.MODERATOR}
    ketua = storage.get_person(officials[OfficialRole.KETUA])
    assert ketua is not None
    assert ketua.jabatan == "Kepala Badan Kesatuan Bangsa dan Politik Kota Jambi"
    assert (ketua.pangkat, ketua.golongan) == ("Pembina Utama Muda", "IV/c")
    assert len(ketua.nip) == 18
    moderator = storage.get_person(officials[OfficialRole.MODERATOR])
    assert moderator is not None and moderator.jabatan.startswith("Staf Ahli Wali Kota")
    pencatat = storage.get_person(officials[OfficialRole.PENCATAT])
    assert pencatat is not None and pencatat.nip


def test_names_titles_and_phones_look_real(storage: Storage, demo_id: int) -> None:
    invitees = storage.list_invitees(demo_id)
    names = [i.person.name for i in invitees]
    assert len(set(names)) == len(names)
    for invitee in invitees:
        person = invitee.person
        # Titles are stored apart from the name, and a typed full name splits back.
        assert split_titles(format_name(person.name, person.front_titles, person.back_titles)) == (
            person.front_titles,
            person.name,
            person.back_titles,
        )
        assert person.gender in ("L", "P")
        if person.phone:
            assert len(person.phone) == 14 and person.phone.startswith("08")
            assert person.phone.replace("-", "").isdigit()
    with_titles = sum(1 for i in invitees if i.person.back_titles)
    assert with_titles > 120
    assert sum(1 for i in invitees if i.person.phone) > 140


def test_civil_servants_have_valid_nips_and_pangkat(storage: Storage, demo_id: int) -> None:
    invitees = storage.list_invitees(demo_id)
    civil_servants = [i.person for i in invitees if i.person.nip]
    assert len(civil_servants) >= 100
    for person in civil_servants:
        nip = person.nip
        assert len(nip) == 18 and nip.isdigit()
        born = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))  # a real date
        tmt_year, tmt_month = int(nip[8:12]), int(nip[12:14])
        assert 1 <= tmt_month <= 12
        assert born.year + 18 <= tmt_year <= 2023
        assert 2023 - born.year <= 58  # still in service
        assert nip[14] == ("1" if person.gender == "L" else "2")
        assert 1 <= int(nip[15:]) <= 999
        assert person.golongan
        assert person.pangkat in (PANGKAT[person.golongan], "Jaksa Utama Pratama")
    # Elected members, police and military officers carry no NIP.
    no_nip = {i.jabatan for i in invitees if not i.person.nip}
    assert {"Ketua DPRD Kota Jambi", "Kapolresta Jambi", "Ketua KPU Kota Jambi"} <= no_nip


def test_the_rundown_is_the_typical_one_with_people(storage: Storage, demo_id: int) -> None:
    items = storage.list_rundown_items(demo_id)
    kinds = [i.kind for i in items]
    assert kinds[:6] == [
        RundownKind.REGISTRASI,
        RundownKind.PEMBUKAAN,
        RundownKind.INDONESIA_RAYA,
        RundownKind.DOA,
        RundownKind.LAPORAN,
        RundownKind.SAMBUTAN,
    ]
    assert kinds.count(RundownKind.PAPARAN) == 4
    assert kinds[-3:] == [RundownKind.DISKUSI, RundownKind.KESIMPULAN, RundownKind.PENUTUP]
    assert items[0].planned_start == time(8, 30)
    assert items[1].planned_start == time(9, 0)
    invitee_ids = {i.id for i in storage.list_invitees(demo_id)}
    for item in items:
        assert item.responsible_text
        if item.kind != RundownKind.INDONESIA_RAYA:
            assert item.responsible_invitee_id in invitee_ids
    sambutan = items[5]
    wali_kota = storage.get_invitee(sambutan.responsible_invitee_id)  # type: ignore[arg-type]
    assert wali_kota is not None and wali_kota.jabatan == "Pj. Wali Kota Jambi"


def test_the_sample_is_deterministic() -> None:
    first = demo_people()
    again = demo_people()
    assert first == again
    other = demo_people(seed=7)
    assert [p.name for p, _ in other] != [p.name for p, _ in first]
    assert len(other) == len(first)


def test_twice_makes_two_independent_events(storage: Storage, demo_id: int) -> None:
    second = create_demo_event(storage, clock=lambda: NOW)
    assert second != demo_id
    for event_id in (demo_id, second):
        assert storage.count_invitees(event_id) == 150
        assert len(storage.list_rundown_items(event_id)) == 13
    # The invented people are reused from the directory, not duplicated.
    persons = storage.db.execute("SELECT COUNT(*) FROM persons").fetchone()[0]
    assert persons == 150
    event_ops.delete_event(storage, demo_id)
    assert storage.count_invitees(second) == 150
    assert len(storage.list_rundown_items(second)) == 13
    assert len(storage.get_officials(second)) == 3


def test_a_failed_demo_leaves_nothing(storage: Storage, monkeypatch: pytest.MonkeyPatch) -> None:
    from rakor_desktop import demo

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "add_rundown_item", broken)
    with pytest.raises(RuntimeError):
        create_demo_event(storage)
    assert storage.list_events() == []
    assert storage.db.execute("SELECT COUNT(*) FROM persons").fetchone()[0] == 0
