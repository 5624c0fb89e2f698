"""Every single-file export goes through one writer (rakor_desktop.atomic_files.atomic_write):
files made like any new file (mode 0666 minus the umask), nothing left half-written."""

from __future__ import annotations

import os
import stat
from datetime import date, time
from pathlib import Path

import pytest

from rakor_desktop.atomic_files import TEMP_PREFIX, atomic_write
from rakor_desktop.exports import cards, eventfile
from rakor_desktop.exports.attendance import export_attendance_csv
from rakor_desktop.messages import RakorError
from rakor_desktop.models import Event, Person
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage


@pytest.fixture
def event_id(storage: Storage) -> int:
    event_id = event_ops.create_event(
        storage,
        Event(title="Rakor Inflasi", date=date(2024, 3, 5), start_time=time(9, 0), venue="Aula"),
    )
    invitee_ops.invite_person(storage, event_id, Person(name="Budi Santoso", instansi="BPS"))
    return event_id


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_every_export_is_readable_by_colleagues_like_any_new_file(
    storage: Storage, event_id: int, tmp_path: Path
) -> None:
    """The name tags were written with mkstemp's 0600: a colleague could not open them."""
    old = os.umask(0o022)
    try:
        written = [
            tmp_path / "tags.pdf",
            tmp_path / "hadir.csv",
            tmp_path / "acara.rakor",
        ]
        cards.render_name_tags(storage, event_id, written[0])
        export_attendance_csv(storage, event_id, written[1])
        eventfile.export_event(storage, event_id, written[2])
    finally:
        os.umask(old)
    assert [stat.S_IMODE(p.stat().st_mode) for p in written] == [0o644] * 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((TEMP_PREFIX, "."))]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "daftar.csv"
    target.write_text("old")

    def refuse(path: Path, exc: OSError) -> RakorError:
        return RakorError("tidak dapat ditulis {p}", "cannot write {p}", p=path.name)

    with pytest.raises(RuntimeError), atomic_write(target, "w", cannot_write=refuse) as out:
        out.write("half")
        raise RuntimeError("crash half-way")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["daftar.csv"]
