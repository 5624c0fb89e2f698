"""The rundown (susunan acara): storage, operations and the typical template."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time

import pytest

from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import Event, Person, RundownItem, RundownKind
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations.rundown import (
    add_minutes,
    add_rundown_item,
    apply_typical_rundown,
    delete_rundown_item,
    list_rundown,
    move_rundown_item,
    retime_rundown,
    typical_rundown,
    update_rundown_item,
)
from rakor_desktop.storage import Storage

NOW = datetime(2023, 12, 14, 1, 0, tzinfo=UTC)


def _event(storage: Storage, **changes: object) -> int:
    values: dict[str, object] = {
        "title": "Rapat Koordinasi Kesiapan Pemilu",
        "date": date(2023, 12, 14),
        "start_time": time(9, 0),
        "venue": "Aula Griya Mayang",
    }
    values.update(changes)
    return event_ops.create_event(storage, Event(**values), clock=lambda: NOW)  # type: ignore[arg-type]


def _count(storage: Storage) -> int:
    return int(storage.db.execute("SELECT COUNT(*) FROM rundown_items").fetchone()[0])


# -- the template ------------------------------------------------------------------


def test_typical_rundown_follows_the_usual_order() -> None:
    items = typical_rundown(time(8, 30))
    assert [i.title for i in items] == [
        "Registrasi peserta",
        "Pembukaan oleh pembawa acara",
        "Menyanyikan lagu kebangsaan Indonesia Raya",
        "Pembacaan doa",
        "Laporan Ketua Panitia",
        "Sambutan dan pembukaan resmi",
        "Paparan narasumber",
        "Diskusi / tanya jawab",
        "Kesimpulan / rumusan",
        "Penutup",
    ]
    assert [i.kind for i in items] == [
        RundownKind.REGISTRASI,
        RundownKind.PEMBUKAAN,
        RundownKind.INDONESIA_RAYA,
        RundownKind.DOA,
        RundownKind.LAPORAN,
        RundownKind.SAMBUTAN,
        RundownKind.PAPARAN,
        RundownKind.DISKUSI,
        RundownKind.KESIMPULAN,
        RundownKind.PENUTUP,
    ]
    assert [i.position for i in items] == list(range(1, 11))


def test_typical_rundown_times_follow_from_durations() -> None:
    items = typical_rundown(time(8, 30))
    assert items[0].planned_start == time(8, 30)
    assert items[1].planned_start == time(9, 0)  # the MC opens after 30 minutes of registration
    for before, after in itertools.pairwise(items):
        assert before.planned_start is not None
        assert after.planned_start == add_minutes(before.planned_start, before.planned_minutes)
    assert all(i.planned_minutes > 0 for i in items)
    last = items[-1]
    assert last.planned_start is not None
    assert add_minutes(last.planned_start, last.planned_minutes) == time(12, 0)


def test_typical_rundown_has_one_presentation_per_presenter() -> None:
    items = typical_rundown(
        time(8, 0), presenters=["KPU Kota Jambi", "Bawaslu Kota Jambi"], registration_minutes=60
    )
    paparan = [i for i in items if i.kind == RundownKind.PAPARAN]
    assert [i.title for i in paparan] == [
        "Paparan narasumber: KPU Kota Jambi",
        "Paparan narasumber: Bawaslu Kota Jambi",
    ]
    assert items[0].planned_minutes == 60
    assert items[1].planned_start == time(9, 0)
    assert paparan[1].planned_start == add_minutes(paparan[0].planned_start, 20)  # type: ignore[arg-type]


def test_add_minutes_wraps_past_midnight() -> None:
    assert add_minutes(time(23, 50), 20) == time(0, 10)
    assert add_minutes(time(9, 0), -30) == time(8, 30)


# -- storage -----------------------------------------------------------------------


def test_rundown_item_round_trips_every_field(storage: Storage) -> None:
    event_id = _event(storage)
    invitee = invitee_ops.invite_person(
        storage, event_id, Person(name="Rahmat Hidayat", jabatan="Ketua KPU Kota Jambi")
    )
    item = RundownItem(
        event_id=event_id,
        title="Paparan narasumber: KPU Kota Jambi",
        kind=RundownKind.PAPARAN,
        responsible_invitee_id=invitee.id,
        responsible_text="Ketua KPU Kota Jambi",
        planned_start=time(9, 40),
        planned_minutes=20,
        actual_start=datetime(2023, 12, 14, 2, 47, 12, 345000, tzinfo=UTC),
        actual_end=datetime(2023, 12, 14, 3, 10, tzinfo=UTC),
        notes="Tahapan pemungutan suara 14 Februari 2024.",
        uid="rundown-uid-1",
    )
    item_id = add_rundown_item(storage, event_id, item)
    [saved] = storage.list_rundown_items(event_id)
    assert saved.id == item_id
    assert saved == RundownItem(**{**item.__dict__, "id": item_id, "position": 1})
    assert storage.get_rundown_item(item_id) == saved
    assert storage.get_rundown_item(item_id + 100) is None


def test_items_are_listed_by_position(storage: Storage) -> None:
    event_id = _event(storage)
    storage.insert_rundown_item(RundownItem(event_id=event_id, title="Ketiga", position=3))
    storage.insert_rundown_item(RundownItem(event_id=event_id, title="Pertama", position=1))
    storage.insert_rundown_item(RundownItem(event_id=event_id, title="Kedua", position=2))
    storage.insert_rundown_item(RundownItem(event_id=event_id, title="Keempat"))  # appended
    other = _event(storage, title="Acara lain")
    storage.insert_rundown_item(RundownItem(event_id=other, title="Lain"))
    items = storage.list_rundown_items(event_id)
    assert [i.title for i in items] == ["Pertama", "Kedua", "Ketiga", "Keempat"]
    assert items[-1].position == 4
    assert [i.title for i in storage.list_rundown_items(other)] == ["Lain"]


def test_update_fields_refuses_unknown_names(storage: Storage) -> None:
    event_id = _event(storage)
    item_id = storage.insert_rundown_item(RundownItem(event_id=event_id, title="Pembacaan doa"))
    with pytest.raises(KeyError):
        storage.update_rundown_item_fields(item_id, {"event_id": 5})
    storage.update_rundown_item_fields(item_id, {"planned_start": time(9, 10), "notes": "x"})
    saved = storage.get_rundown_item(item_id)
    assert saved is not None
    assert (saved.planned_start, saved.notes) == (time(9, 10), "x")


def test_rundown_goes_with_its_event(storage: Storage) -> None:
    event_id = _event(storage)
    apply_typical_rundown(storage, event_id)
    event_ops.delete_event(storage, event_id)
    assert _count(storage) == 0


# -- operations ----------------------------------------------------------------------


def test_add_rundown_item_trims_and_appends(storage: Storage) -> None:
    event_id = _event(storage)
    add_rundown_item(storage, event_id, RundownItem(event_id=0, title="Registrasi peserta"))
    item = RundownItem(event_id=0, title="  Pembukaan   oleh MC ", planned_minutes=5)
    second = add_rundown_item(storage, event_id, item)
    items = list_rundown(storage, event_id)
    assert [(i.id, i.title, i.position, i.event_id) for i in items][1] == (
        second,
        "Pembukaan oleh MC",
        2,
        event_id,
    )


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (RundownItem(event_id=0, title="   "), "wajib diisi"),
        (RundownItem(event_id=0, title="Doa", planned_minutes=-5), "negatif"),
        (RundownItem(event_id=0, title="Doa", kind="rapat"), "tidak dikenal"),  # type: ignore[arg-type]
        (
            RundownItem(
                event_id=0,
                title="Doa",
                actual_start=datetime(2023, 12, 14, 3, tzinfo=UTC),
                actual_end=datetime(2023, 12, 14, 2, tzinfo=UTC),
            ),
            "sebelum",
        ),
    ],
)
def test_add_rundown_item_refuses_bad_input(
    storage: Storage, item: RundownItem, message: str
) -> None:
    event_id = _event(storage)
    with pytest.raises(ValidationError, match=message):
        add_rundown_item(storage, event_id, item)
    assert _count(storage) == 0


def test_zero_minutes_are_allowed(storage: Storage) -> None:
    event_id = _event(storage)
    add_rundown_item(storage, event_id, RundownItem(event_id=0, title="Foto bersama"))
    assert list_rundown(storage, event_id)[0].planned_minutes == 0


def test_add_rundown_item_needs_an_event(storage: Storage) -> None:
    with pytest.raises(NotFoundError):
        add_rundown_item(storage, 42, RundownItem(event_id=42, title="Doa"))
    with pytest.raises(NotFoundError):
        list_rundown(storage, 42)


def test_responsible_must_be_invited_to_the_same_event(storage: Storage) -> None:
    event_id = _event(storage)
    other = _event(storage, title="Acara lain")
    stranger = invitee_ops.invite_person(storage, other, Person(name="Siti Aminah"))
    with pytest.raises(NotFoundError):
        add_rundown_item(
            storage,
            event_id,
            RundownItem(event_id=0, title="Doa", responsible_invitee_id=stranger.id),
        )
    assert _count(storage) == 0


def test_update_rundown_item(storage: Storage) -> None:
    event_id = _event(storage)
    [first, *_] = apply_typical_rundown(storage, event_id)
    started = datetime(2023, 12, 14, 1, 35, tzinfo=UTC)
    saved = update_rundown_item(
        storage, first, {"actual_start": started, "title": " Registrasi  ulang "}
    )
    assert (saved.actual_start, saved.title) == (started, "Registrasi ulang")
    with pytest.raises(ValidationError):
        update_rundown_item(storage, first, {"planned_minutes": -1})
    with pytest.raises(KeyError):
        update_rundown_item(storage, first, {"uid": "x"})
    with pytest.raises(NotFoundError):
        update_rundown_item(storage, first + 1000, {"notes": "x"})
    assert storage.get_rundown_item(first).planned_minutes == 30  # type: ignore[union-attr]


def test_apply_typical_rundown_opens_at_the_start_time(storage: Storage) -> None:
    event_id = _event(storage, call_time=time(8, 0))
    ids = apply_typical_rundown(storage, event_id, presenters=["KPU", "Bawaslu", "Polresta"])
    items = list_rundown(storage, event_id)
    assert [i.id for i in items] == ids
    assert (items[0].planned_start, items[0].planned_minutes) == (time(8, 0), 60)
    assert items[1].kind == RundownKind.PEMBUKAAN
    assert items[1].planned_start == time(9, 0)
    assert sum(i.kind == RundownKind.PAPARAN for i in items) == 3
    assert all(i.event_id == event_id for i in items)


def test_apply_typical_rundown_without_call_time(storage: Storage) -> None:
    event_id = _event(storage, start_time=time(13, 30))
    items = [storage.get_rundown_item(i) for i in apply_typical_rundown(storage, event_id)]
    assert items[0] is not None and items[1] is not None
    assert (items[0].planned_start, items[0].planned_minutes) == (time(13, 0), 30)
    assert items[1].planned_start == time(13, 30)


def test_apply_typical_rundown_never_duplicates(storage: Storage) -> None:
    event_id = _event(storage)
    apply_typical_rundown(storage, event_id)
    with pytest.raises(ValidationError, match="sudah berisi 10"):
        apply_typical_rundown(storage, event_id)
    assert _count(storage) == 10


# -- reorder, delete, re-time ------------------------------------------------------------


def test_move_rundown_item(storage: Storage) -> None:
    event_id = _event(storage)
    ids = apply_typical_rundown(storage, event_id)
    assert move_rundown_item(storage, ids[3], 1) == [ids[0], ids[3], ids[1], ids[2], *ids[4:]]
    items = list_rundown(storage, event_id)
    assert [i.position for i in items] == list(range(1, 11))
    assert items[1].title == "Pembacaan doa"
    assert move_rundown_item(storage, ids[0], 100)[-1] == ids[0]
    assert move_rundown_item(storage, ids[0], -3)[0] == ids[0]
    with pytest.raises(NotFoundError):
        move_rundown_item(storage, ids[0] + 100, 0)


def test_delete_rundown_item_renumbers(storage: Storage) -> None:
    event_id = _event(storage)
    ids = apply_typical_rundown(storage, event_id)
    removed = delete_rundown_item(storage, ids[2])
    assert removed.title == "Menyanyikan lagu kebangsaan Indonesia Raya"
    items = list_rundown(storage, event_id)
    assert [i.position for i in items] == list(range(1, 10))
    assert ids[2] not in [i.id for i in items]
    with pytest.raises(NotFoundError):
        delete_rundown_item(storage, ids[2])


def test_retime_rundown_plans_items_one_after_another(storage: Storage) -> None:
    event_id = _event(storage)
    ids = apply_typical_rundown(storage, event_id)
    update_rundown_item(storage, ids[1], {"planned_minutes": 15})  # the MC talks longer
    items = retime_rundown(storage, event_id)
    assert items[2].planned_start == time(9, 15)
    assert items[-1].planned_start == time(12, 0)  # ten minutes later than planned
    items = retime_rundown(storage, event_id, time(13, 0))
    assert [i.planned_start for i in items[:2]] == [time(13, 0), time(13, 30)]
    assert retime_rundown(storage, _event(storage, title="Kosong")) == []
