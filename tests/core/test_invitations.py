"""Adding, editing and removing invitees by hand (rakor_desktop.operations.invitations)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest

from rakor_desktop import messages
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import Event, Person, Role
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations
from rakor_desktop.operations.checkin import Desk
from rakor_desktop.operations.invitations import USUAL_GROUPS, InviteeDetails
from rakor_desktop.storage import Storage

DESK = Desk(station="meja-1", operator="Rina")
NIP_SRI = "197703122003122007"
NIP_BUDI = "198001012005011003"


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2023, 12, 14, 1, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def english() -> Iterator[None]:
    messages.set_language("en")
    yield
    messages.set_language("id")


def _event(storage: Storage, title: str = "Rakor Kesiapan Pemilu") -> int:
    return event_ops.create_event(
        storage, Event(title=title, date=date(2023, 12, 14), start_time=time(9, 0))
    )


def _sri(**changes: object) -> InviteeDetails:
    details = InviteeDetails(
        person=Person(name="Sri Purwaningsih", front_titles="Dr. H.", back_titles="M.Si.",
                      nip=NIP_SRI, pangkat="Pembina", golongan="IV/a", phone="0812 7400 1234",
                      gender="P"),
        jabatan="Kepala Badan Kesbangpol",
        instansi="Pemerintah Kota Jambi",
        group_name="OPD",
    )
    for name, value in changes.items():
        setattr(details, name, value)
    return details


def _person_count(storage: Storage) -> int:
    return int(storage.conn.execute("SELECT COUNT(*) FROM persons").fetchone()[0])


# -- adding -----------------------------------------------------------------------------


def test_add_puts_a_new_person_on_the_list_and_in_the_directory(
    storage: Storage, clock: FakeClock
) -> None:
    event_id = _event(storage)
    invitee = invitations.add_invitee(storage, event_id, _sri(), clock=clock)
    assert invitee.id is not None and invitee.person.id is not None
    saved = storage.get_invitee(invitee.id)
    assert saved is not None
    assert saved.person.name == "Sri Purwaningsih"
    assert (saved.person.front_titles, saved.person.back_titles) == ("Dr. H.", "M.Si.")
    assert (saved.jabatan, saved.instansi, saved.group_name) == (
        "Kepala Badan Kesbangpol", "Pemerintah Kota Jambi", "OPD",
    )
    assert saved.role == Role.PESERTA
    assert len(saved.checkin_code) == invitations.CODE_LENGTH
    directory = storage.get_person(invitee.person.id)
    assert directory is not None and directory.jabatan == "Kepala Badan Kesbangpol"
    assert [p.name for p in storage.search_persons("purwaningsih")] == ["Sri Purwaningsih"]


def test_the_directory_remembers_people_for_the_next_event(
    storage: Storage, clock: FakeClock
) -> None:
    first = _event(storage, "Rakor Pemilu")
    second = _event(storage, "Rakor Nataru")
    invitations.add_invitee(storage, first, _sri(), clock=clock)
    # At the next event she is chosen from the suggestions, with a new position.
    found = storage.search_persons("sri purw")
    assert len(found) == 1
    chosen = found[0]
    details = InviteeDetails(person=chosen, jabatan="Sekretaris Daerah",
                             instansi=chosen.instansi, group_name="Forkopimda",
                             role=Role.NARASUMBER)
    invitee = invitations.add_invitee(storage, second, details, clock=clock)
    assert invitee.person.id == chosen.id
    assert _person_count(storage) == 1
    assert invitee.role == Role.NARASUMBER
    directory = storage.get_person(chosen.id or 0)
    assert directory is not None and directory.jabatan == "Sekretaris Daerah"
    assert directory.phone == "0812 7400 1234"  # kept from the first event
    # The first event's list still says what it said then.
    (earlier,) = storage.list_invitees(first)
    assert earlier.jabatan == "Kepala Badan Kesbangpol"


def test_a_new_person_with_a_known_nip_is_that_directory_entry(
    storage: Storage, clock: FakeClock
) -> None:
    first, second = _event(storage), _event(storage, "Rakor 2")
    invitations.add_invitee(storage, first, _sri(), clock=clock)
    typed_again = _sri(person=Person(name="Sri Purwaningsih", nip="19770312 200312 2 007"))
    invitee = invitations.add_invitee(storage, second, typed_again, clock=clock)
    assert _person_count(storage) == 1
    assert invitee.person.front_titles == "Dr. H."  # not erased by a blank field


def test_a_new_person_with_the_same_name_and_instansi_is_that_entry(
    storage: Storage, clock: FakeClock
) -> None:
    first, second = _event(storage), _event(storage, "Rakor 2")
    plain = InviteeDetails(person=Person(name="Budi Santoso"), instansi="KPU Kota Jambi")
    invitations.add_invitee(storage, first, plain, clock=clock)
    again = InviteeDetails(person=Person(name="BUDI SANTOSO", nip=NIP_BUDI),
                           instansi="KPU Kota Jambi")
    invitee = invitations.add_invitee(storage, second, again, clock=clock)
    assert _person_count(storage) == 1
    assert invitee.person.nip == NIP_BUDI  # the directory entry was completed
    other_office = InviteeDetails(person=Person(name="Budi Santoso"), instansi="Bawaslu")
    invitations.add_invitee(storage, second, other_office, clock=clock)
    assert _person_count(storage) == 2  # same name, other office: another person


def test_adding_someone_twice_is_refused_and_changes_nothing(
    storage: Storage, clock: FakeClock
) -> None:
    event_id = _event(storage)
    first = invitations.add_invitee(storage, event_id, _sri(), clock=clock)
    person = storage.get_person(first.person.id or 0)
    assert person is not None
    changed = InviteeDetails(person=person, jabatan="Jabatan baru")
    with pytest.raises(ValidationError, match="sudah ada di daftar undangan"):
        invitations.add_invitee(storage, event_id, changed, clock=clock)
    after = storage.get_person(first.person.id or 0)
    assert after is not None and after.jabatan == "Kepala Badan Kesbangpol"  # rolled back
    assert storage.count_invitees(event_id) == 1


def test_invalid_forms_are_refused_in_the_users_language(
    storage: Storage, clock: FakeClock, english: None
) -> None:
    event_id = _event(storage)
    with pytest.raises(ValidationError, match="The name is required"):
        invitations.add_invitee(storage, event_id, InviteeDetails(person=Person(name="  ")))
    with pytest.raises(ValidationError, match="18 digits"):
        invitations.add_invitee(
            storage, event_id, InviteeDetails(person=Person(name="Budi", nip="1977"))
        )
    with pytest.raises(NotFoundError, match="no event number 99"):
        invitations.add_invitee(storage, 99, _sri())
    with pytest.raises(NotFoundError, match="no person number 42"):
        invitations.add_invitee(
            storage, event_id, InviteeDetails(person=Person(name="Budi", id=42))
        )
    assert storage.count_invitees(event_id) == 0
    assert _person_count(storage) == 0


# -- editing ----------------------------------------------------------------------------


def test_edit_keeps_code_position_and_attendance_and_updates_the_directory(
    storage: Storage, clock: FakeClock
) -> None:
    event_id = _event(storage)
    other = invitations.add_invitee(
        storage, event_id, InviteeDetails(person=Person(name="Budi Santoso")), clock=clock
    )
    sri = invitations.add_invitee(storage, event_id, _sri(), clock=clock)
    assert sri.id is not None and other.id is not None
    result = checkin_ops.checkin_invitee(storage, sri.id, DESK, clock=clock)
    details = InviteeDetails.of(storage.get_invitee(sri.id))  # type: ignore[arg-type]
    details.person.name = "Sri Purwaningsih Wahyuni"
    details.person.back_titles = "M.Si., M.H."
    details.jabatan = "Asisten Pemerintahan"
    details.instansi = "Sekretariat Daerah Kota Jambi"
    details.group_name = "Forkopimda"
    details.role = Role.NARASUMBER

    edited = invitations.update_invitee(storage, sri.id, details, clock=clock)

    assert edited.checkin_code == sri.checkin_code
    assert edited.position == sri.position
    assert edited.first_checkin_at == result.checked_in_at
    assert storage.attendance_history(sri.id)[0].uid == result.entry_uid
    assert (edited.jabatan, edited.instansi, edited.group_name, edited.role) == (
        "Asisten Pemerintahan", "Sekretariat Daerah Kota Jambi", "Forkopimda", Role.NARASUMBER,
    )
    person = storage.get_person(sri.person.id or 0)
    assert person is not None
    assert (person.name, person.back_titles, person.jabatan) == (
        "Sri Purwaningsih Wahyuni", "M.Si., M.H.", "Asisten Pemerintahan",
    )
    assert person.nip == NIP_SRI and person.phone == "0812 7400 1234"
    # Search follows the edit: new jabatan and instansi, new name.
    assert [i.id for i in storage.list_invitees(event_id, "asisten")] == [sri.id]
    assert [i.id for i in storage.list_invitees(event_id, "wahyuni")] == [sri.id]
    assert storage.list_invitees(event_id, "kesbangpol") == []
    assert storage.attendance_counts(event_id).per_group["Forkopimda"] == (1, 1)
    untouched = storage.get_invitee(other.id)
    assert untouched is not None and untouched.person.name == "Budi Santoso"


def test_edit_splits_the_directory_from_earlier_events(
    storage: Storage, clock: FakeClock
) -> None:
    first, second = _event(storage), _event(storage, "Rakor 2")
    old = invitations.add_invitee(storage, first, _sri(), clock=clock)
    new = invitations.add_invitee(
        storage, second, InviteeDetails(person=old.person, jabatan="Kepala Badan Kesbangpol"),
        clock=clock,
    )
    assert new.id is not None
    details = InviteeDetails.of(new)
    details.jabatan = "Penjabat Sekretaris Daerah"
    invitations.update_invitee(storage, new.id, details, clock=clock)
    (earlier,) = storage.list_invitees(first)
    assert earlier.jabatan == "Kepala Badan Kesbangpol"


def test_edit_refuses_the_nip_of_another_person_and_changes_nothing(
    storage: Storage, clock: FakeClock
) -> None:
    event_id = _event(storage)
    invitations.add_invitee(
        storage, event_id, InviteeDetails(person=Person(name="Budi Santoso", nip=NIP_BUDI)),
        clock=clock,
    )
    sri = invitations.add_invitee(storage, event_id, _sri(), clock=clock)
    assert sri.id is not None
    details = InviteeDetails.of(sri)
    details.person.nip = NIP_BUDI
    details.jabatan = "Should not be saved"
    with pytest.raises(ValidationError, match="Budi Santoso"):
        invitations.update_invitee(storage, sri.id, details, clock=clock)
    after = storage.get_invitee(sri.id)
    assert after is not None
    assert (after.person.nip, after.jabatan) == (NIP_SRI, "Kepala Badan Kesbangpol")


def test_edit_of_a_removed_invitee_is_a_clear_error(storage: Storage, english: None) -> None:
    with pytest.raises(NotFoundError, match="no invitee number 7"):
        invitations.update_invitee(storage, 7, _sri())


def test_change_role_and_group(storage: Storage, clock: FakeClock) -> None:
    event_id = _event(storage)
    sri = invitations.add_invitee(storage, event_id, _sri(), clock=clock)
    assert sri.id is not None
    assert invitations.change_invitee_role(storage, sri.id, Role.MODERATOR).role == (
        Role.MODERATOR
    )
    changed = invitations.change_invitee_group(storage, sri.id, "  Forkopimda \x00 ")
    assert changed.group_name == "Forkopimda"
    assert changed.role == Role.MODERATOR and changed.checkin_code == sri.checkin_code
    assert storage.list_invitee_groups(event_id) == ["Forkopimda"]


def test_group_choices_offer_the_usual_groups_then_this_events(
    storage: Storage, clock: FakeClock
) -> None:
    event_id = _event(storage)
    for name, group in [("A", "opd"), ("B", "Tokoh Masyarakat"), ("C", "Ormas")]:
        invitations.add_invitee(
            storage, event_id, InviteeDetails(person=Person(name=name), group_name=group),
            clock=clock,
        )
    choices = invitations.group_choices(storage, event_id)
    assert choices[: len(USUAL_GROUPS)] == list(USUAL_GROUPS)
    assert choices[len(USUAL_GROUPS):] == ["Tokoh Masyarakat", "Ormas"]  # "opd" is OPD
    assert invitations.group_choices(storage, None) == list(USUAL_GROUPS)


# -- removing ---------------------------------------------------------------------------


def test_remove_takes_invitees_off_the_list_but_keeps_the_directory(
    storage: Storage, clock: FakeClock
) -> None:
    event_id = _event(storage)
    sri = invitations.add_invitee(storage, event_id, _sri(), clock=clock)
    budi = invitations.add_invitee(
        storage, event_id, InviteeDetails(person=Person(name="Budi")), clock=clock
    )
    assert sri.id is not None and budi.id is not None
    removed = invitations.remove_invitees(storage, [sri.id, budi.id, sri.id])
    assert [r.person.name for r in removed] == ["Sri Purwaningsih", "Budi"]
    assert storage.count_invitees(event_id) == 0
    assert _person_count(storage) == 2


def test_remove_is_refused_after_a_checkin_even_undone_and_removes_nobody(
    storage: Storage, clock: FakeClock, english: None
) -> None:
    event_id = _event(storage)
    budi = invitations.add_invitee(
        storage, event_id, InviteeDetails(person=Person(name="Budi")), clock=clock
    )
    sri = invitations.add_invitee(storage, event_id, _sri(), clock=clock)
    assert sri.id is not None and budi.id is not None
    checkin_ops.checkin_invitee(storage, sri.id, DESK, clock=clock)
    checkin_ops.undo_checkin(storage, sri.id, "salah orang", DESK, clock=clock)
    with pytest.raises(ValidationError, match="Sri Purwaningsih cannot be removed"):
        invitations.remove_invitees(storage, [budi.id, sri.id])
    assert storage.count_invitees(event_id) == 2  # all or none: Budi is still there


# -- hostile text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "Robert'); DROP TABLE persons;--",
        "<script>alert('x')</script> & \"Co\"",
        "PT A&B <Persero>",
        "عبد الله",
        "Budi 😀 Santoso",
        "%_\\ wildcard",
    ],
)
def test_hostile_text_is_stored_as_typed_and_found(
    storage: Storage, clock: FakeClock, typed: str
) -> None:
    event_id = _event(storage)
    details = InviteeDetails(person=Person(name=typed), instansi=typed, jabatan=typed)
    invitee = invitations.add_invitee(storage, event_id, details, clock=clock)
    assert invitee.id is not None
    saved = storage.get_invitee(invitee.id)
    assert saved is not None
    assert (saved.person.name, saved.instansi, saved.jabatan) == (typed, typed, typed)
    assert [i.id for i in storage.list_invitees(event_id, typed)] == [invitee.id]
    edited = InviteeDetails.of(saved)
    edited.jabatan = typed + " \x00\x1b[31m"
    after = invitations.update_invitee(storage, invitee.id, edited, clock=clock)
    assert after.jabatan == typed + " [31m"  # control characters dropped
    assert storage.get_event(event_id) is not None
    assert _person_count(storage) == 1


def test_a_very_long_name_is_cut_to_a_name_length(storage: Storage, clock: FakeClock) -> None:
    # issue 10, item 5: a name of 1,000 characters is not a name
    event_id = _event(storage)
    name = "Sri " + "Purwaningsih " * 80
    invitee = invitations.add_invitee(
        storage, event_id, InviteeDetails(person=Person(name=name)), clock=clock
    )
    assert invitee.person.name.startswith("Sri Purwaningsih Purwaningsih")
    assert len(invitee.person.name) <= 200


# -- the storage queries behind it -----------------------------------------------------


def test_storage_rows_and_lookups_by_id(storage: Storage, clock: FakeClock) -> None:
    event_id = _event(storage)
    ids = []
    for name in ("Cici", "Ani", "Budi"):
        invitee = invitations.add_invitee(
            storage, event_id, InviteeDetails(person=Person(name=name)), clock=clock
        )
        assert invitee.id is not None
        ids.append(invitee.id)
    assert [storage.invitee_list_row(event_id, i) for i in ids] == [0, 1, 2]
    assert storage.invitee_list_row(event_id + 1, ids[0]) is None
    chosen = storage.list_invitees_by_id(event_id, [ids[2], ids[0], 999])
    assert [i.person.name for i in chosen] == ["Cici", "Budi"]  # in list order
    storage.update_invitee_fields(999, role=Role.PANITIA)  # nothing to change: no error


def test_the_desk_search_follows_an_edit(storage: Storage, clock: FakeClock) -> None:
    event_id = _event(storage)
    sri = invitations.add_invitee(storage, event_id, _sri(), clock=clock)
    assert sri.id is not None
    details = InviteeDetails.of(sri)
    details.person.name = "Sri Wahyuni"
    details.jabatan = "Asisten Pemerintahan"
    invitations.update_invitee(storage, sri.id, details, clock=clock)
    for query in ("wahyuni", "asisten"):
        assert [r.invitee_id for r in storage.desk_search(event_id, query).rows] == [sri.id]
    assert storage.desk_search(event_id, "purwaningsih", inside=False).rows == []
    invitations.remove_invitees(storage, [sri.id])
    assert storage.desk_search(event_id, "wahyuni").rows == []
