"""The folder and file names of exported documents: whole words, safe characters."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from rakor_desktop.exports.documents.export import default_output_dir, file_stem
from rakor_desktop.models import Event
from rakor_desktop.operations import events as event_ops
from rakor_desktop.storage import Storage

LONG_TITLE = (
    "Rapat Koordinasi Kesiapan Pengamanan dan Penyelenggaraan Pemilihan Umum Tahun 2024 "
    "di Kota Jambi"
)


def test_the_default_folder_name_ends_on_a_whole_word(
    storage: Storage, rakor_home: Path
) -> None:
    event_id = event_ops.create_event(
        storage, Event(title=LONG_TITLE, date=date(2023, 12, 14), start_time=time(9))
    )
    folder = default_output_dir(storage, event_id).name
    # The field once showed "... Penyelenggaraan Pemil": cut inside a word.
    assert folder == "2023-12-14 Rapat Koordinasi Kesiapan Pengamanan dan Penyelenggaraan"
    assert file_stem("Notulen", storage, event_id) == f"Notulen {folder}"


def test_a_title_of_one_long_word_is_still_cut(storage: Storage, rakor_home: Path) -> None:
    event_id = event_ops.create_event(
        storage, Event(title="X" * 200, date=date(2023, 12, 14), start_time=time(9))
    )
    assert default_output_dir(storage, event_id).name == "2023-12-14 " + "X" * 60
