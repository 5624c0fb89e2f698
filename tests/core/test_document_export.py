"""Exports: atomic files, clear errors, cancelling, hostile text, the question log as XLSX."""

from __future__ import annotations

import os
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from rakor_desktop.exports.documents import export as documents
from rakor_desktop.exports.documents.export import (
    TEMP_PREFIX,
    ExportCancelled,
    ExportError,
    default_output_dir,
    export_attendance_list,
    export_minutes,
    export_minutes_and_attendance,
    export_question_log,
    safe_file_name,
)
from rakor_desktop.messages import ValidationError, set_language
from rakor_desktop.models import Event, Person, Role, RundownItem, RundownKind
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations.rundown import add_rundown_item
from rakor_desktop.storage import Storage

from .document_record import (
    Question,
    add_conclusion,
    add_follow_up,
    add_questions,
    check_in,
    docx_text,
    make_demo_record,
    pdf_text,
    signature_png,
    squeeze,
    wib,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


# -- files and folders -------------------------------------------------------------------


def test_one_click_writes_both_documents_in_both_formats(
    storage: Storage, tmp_path: Path
) -> None:
    record = make_demo_record(storage, photos=1)
    steps: list[tuple[int, int]] = []
    written = export_minutes_and_attendance(
        storage, record.event_id, tmp_path / "baru" / "folder",
        progress=lambda done, total, what: steps.append((done, total)) and None,
    )
    names = [p.name for p in written]
    stem = "2023-12-14 Rapat Koordinasi Kesiapan Pengamanan dan Penyelenggaraan"
    assert names == [
        f"Notulen {stem}.docx", f"Notulen {stem}.pdf",
        f"Daftar Hadir {stem}.docx", f"Daftar Hadir {stem}.pdf",
    ]
    assert all(p.stat().st_size > 1000 for p in written)
    assert steps[-1] == (6, 6) and [d for d, _ in steps] == sorted(d for d, _ in steps)
    assert _leftovers(written[0].parent) == []


def test_default_folder_per_event_below_rakor_home(storage: Storage, rakor_home: Path) -> None:
    event_id = event_ops.create_event(
        storage, Event(title="Rakor: Pemilu / 2024?", date=date(2024, 1, 3), start_time=time(9))
    )
    folder = default_output_dir(storage, event_id)
    assert folder == rakor_home / "dokumen" / "2024-01-03 Rakor Pemilu 2024"


def test_file_names_are_safe_everywhere() -> None:
    assert safe_file_name('a<b>c:d"e/f\\g|h?i*j') == "a b c d e f g h i j"
    assert safe_file_name("CON.docx") == "_CON.docx"
    assert safe_file_name("  ... ") == "dokumen"


def test_a_file_open_in_word_gets_a_clear_message_and_nothing_changes(
    storage: Storage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = make_demo_record(storage, photos=0)
    first = export_minutes(storage, record.event_id, tmp_path)
    before = {p: p.read_bytes() for p in first}

    def locked(source: object, target: object) -> None:
        raise PermissionError(13, "The process cannot access the file", str(target))

    monkeypatch.setattr(documents.os, "replace", locked)
    with pytest.raises(ExportError, match="Tutup berkas di Word") as caught:
        export_minutes(storage, record.event_id, tmp_path)
    assert first[0].name in str(caught.value)
    assert {p: p.read_bytes() for p in first} == before
    assert _leftovers(tmp_path) == []
    set_language("en")
    assert "Close it in Word" in str(caught.value)


def test_a_locked_file_is_found_before_anything_is_replaced(
    storage: Storage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = make_demo_record(storage, photos=0)
    docx_path, pdf_path = export_minutes(storage, record.event_id, tmp_path)
    old_docx = docx_path.read_bytes()
    real_open = Path.open

    def open_locked(self: Path, *args: object, **kwargs: object) -> object:
        if self == pdf_path and args and args[0] == "r+b":
            raise PermissionError(13, "locked", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", open_locked)
    with pytest.raises(ExportError, match="sedang dibuka"):
        export_minutes(storage, record.event_id, tmp_path)
    assert docx_path.read_bytes() == old_docx  # the DOCX was not replaced either
    assert _leftovers(tmp_path) == []


def test_a_folder_that_is_a_file_or_cannot_be_made(storage: Storage, tmp_path: Path) -> None:
    record = make_demo_record(storage, photos=0)
    blocker = tmp_path / "berkas.txt"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="bukan folder"):
        export_minutes(storage, record.event_id, blocker)
    with pytest.raises(ExportError, match="tidak dapat ditulis"):
        export_minutes(storage, record.event_id, blocker / "di dalam berkas")
    assert blocker.read_text() == "x"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a non-root POSIX user for folder permissions")
def test_an_unwritable_folder(storage: Storage, tmp_path: Path) -> None:
    record = make_demo_record(storage, photos=0)
    folder = tmp_path / "terkunci"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="tidak dapat ditulis"):
            export_minutes(storage, record.event_id, folder)
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_a_failing_write_leaves_nothing_behind(
    storage: Storage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = make_demo_record(storage, photos=0)
    from rakor_desktop.exports.documents import pdf_render

    def disk_full(document: object, target: object) -> None:
        Path(str(target)).write_bytes(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_render, "render_pdf", disk_full)
    with pytest.raises(ExportError, match="ruang disk"):
        export_minutes(storage, record.event_id, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_cancelling_writes_nothing(storage: Storage, tmp_path: Path) -> None:
    record = make_demo_record(storage, photos=0)
    with pytest.raises(ExportCancelled):
        export_attendance_list(storage, record.event_id, tmp_path / "out",
                               progress=lambda done, total, what: done < 2)
    assert list((tmp_path / "out").iterdir()) == []


def test_unknown_formats_are_refused(storage: Storage, tmp_path: Path) -> None:
    record = make_demo_record(storage, photos=0)
    with pytest.raises(ValidationError, match="xlsx"):
        export_minutes(storage, record.event_id, tmp_path, ("xlsx",))


# -- hostile text ----------------------------------------------------------------------------

LONG = " ".join(f"kata{n:03d}" for n in range(125))[:1000]  # 1,000 characters
HOSTILE_NAMES = [
    "PT A&B <Persero>",
    "O'Brien \"Bung\" Tomo",
    "Siti 😀 Aminah",
    "محمد عبد الله",
    "Nama" + "X" * 196,  # 200 characters without a space (the longest name kept)
]
HOSTILE_QUESTIONS = [
    "Apakah <script>alert('x')</script> & \"kutipan\" aman?",
    "Baris pertama\nbaris kedua\n\nbaris keempat",
    "Pertanyaan berbahasa Arab: السلام عليكم؟ dan emoji 👍🎉",
    LONG,
    "=SUM(A1:A9) bukan rumus",
]


def _hostile_event(storage: Storage) -> int:
    event_id = event_ops.create_event(storage, Event(
        title="Rakor <Khusus> & \"Uji\" 😀 محمد", date=date(2023, 12, 14), start_time=time(9),
        venue="Aula A&B <Lt. 2>", organizer_government="PEMERINTAH KOTA JAMBI",
        organizer_unit="BADAN <KESBANG> & POL",
    ))
    people = [(Person(name=name, jabatan=f"Jabatan {n} <&>", instansi="Instansi \"X\" & Y",
                      group_name="Grup <1>"), Role.PESERTA)
              for n, name in enumerate(HOSTILE_NAMES)]
    invitee_ops.import_invitees(storage, event_id, people)
    invitees = storage.list_invitees(event_id)
    for index, invitee in enumerate(invitees):
        check_in(storage, invitee, wib(8, 40) + timedelta(minutes=index),
                 delegate="Wakil <Delegasi> & Co" if index == 0 else "",
                 signature=signature_png(index))
    item = add_rundown_item(storage, event_id, RundownItem(
        event_id=event_id, title="Paparan <KPU> & Bawaslu", kind=RundownKind.PAPARAN,
        notes="Catatan & <poin>\n- butir \"satu\"\n" + LONG,
    ))
    assert item
    add_questions(storage, event_id, [
        Question(1, HOSTILE_NAMES[n % len(HOSTILE_NAMES)], "Instansi <Z>", q,
                 "Penjawab & <Co>", f"Jawaban {n}: {q}")
        for n, q in enumerate(HOSTILE_QUESTIONS)
    ])
    add_conclusion(storage, event_id, "Kesimpulan <penting> & mendesak\nbaris kedua")
    add_follow_up(storage, event_id, "Tindak <lanjut> & cek", "Dinas \"A\"", "H-7 <segera>")
    return event_id


def test_hostile_text_survives_in_both_documents(storage: Storage, tmp_path: Path) -> None:
    event_id = _hostile_event(storage)
    written = export_minutes_and_attendance(storage, event_id, tmp_path)
    texts = {
        path.name: squeeze(docx_text(path) if path.suffix == ".docx" else pdf_text(path))
        for path in written
    }
    expected = [
        "Rakor <Khusus> & \"Uji\" 😀 محمد", "Aula A&B <Lt. 2>", "BADAN <KESBANG> & POL",
        *HOSTILE_NAMES[1:], "Wakil <Delegasi> & Co mewakili PT A&B <Persero>",
        "Jabatan 3 <&>", "Instansi \"X\" & Y",
    ]
    minutes_only = [
        *HOSTILE_QUESTIONS, "Penjawab & <Co>", "Jawaban 4: =SUM(A1:A9) bukan rumus",
        "Paparan <KPU> & Bawaslu", "Catatan & <poin>", "butir \"satu\"",
        "Kesimpulan <penting> & mendesak", "baris kedua", "Tindak <lanjut> & cek",
        "Dinas \"A\"", "H-7 <segera>",
    ]
    for name, text in texts.items():
        wanted = expected + (minutes_only if name.startswith("Notulen") else [])
        for item in wanted:
            if item == HOSTILE_NAMES[-1] and name.endswith(".pdf"):
                # Broken over many lines of a table cell, interleaved with the cells beside it.
                assert text.count("X") >= 196
                continue
            if name.endswith(".pdf"):
                # The PDF draws Arabic unjoined, left to right, and emoji of DejaVu Sans
                # without a text layer (see pdf_render): the letters are there, not in order.
                arabic = {c for c in item if "\u0600" <= c <= "\u06ff"}
                assert arabic <= set(text), (name, item[:60])
                assert squeeze(_latin(item)) in _latin(text), (name, item[:60])
            else:
                assert squeeze(item) in text, (name, item[:60])


def _latin(text: str) -> str:
    """Text without Arabic letters and characters outside the BMP."""
    return "".join(c for c in text if not "\u0600" <= c <= "\u06ff" and ord(c) < 0x10000)


def test_a_row_taller_than_a_page_is_split_rather_than_failing(
    storage: Storage, tmp_path: Path
) -> None:
    event_id = event_ops.create_event(
        storage, Event(title="Rakor", date=date(2023, 12, 14), start_time=time(9))
    )
    huge = " ".join(["jabatan"] * 1500)  # far more than one page in a narrow column
    invitee_ops.import_invitees(storage, event_id, [
        (Person(name="Panjang Sekali", jabatan="Staf"), Role.PESERTA),
        (Person(name="Biasa Saja", jabatan="Staf"), Role.PESERTA),
    ])
    # Text is capped where it enters now; an earlier version may have stored more.
    with storage.transaction():
        storage._write("UPDATE invitees SET jabatan = ? WHERE event_id = ? AND sort_key LIKE ?",
                       (huge, event_id, "panjang%"))
    for index, invitee in enumerate(storage.list_invitees(event_id)):
        check_in(storage, invitee, wib(8, 0) + timedelta(minutes=index))
    docx_path, pdf_path = export_attendance_list(storage, event_id, tmp_path)
    text = pdf_text(pdf_path)
    assert text.count("jabatan") == 1500
    assert "Biasa Saja" in text and "Biasa Saja" in docx_text(docx_path)


# -- the question log -----------------------------------------------------------------------


def test_question_log_as_xlsx_keeps_text_as_text(storage: Storage, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    event_id = _hostile_event(storage)
    [path] = export_question_log(storage, event_id, tmp_path)
    assert path.name.startswith("Log Pertanyaan 2023-12-14 Rakor Khusus")
    workbook = load_workbook(path)
    sheet = workbook["Pertanyaan"]
    header = [c.value for c in sheet[4]]
    assert header == ["Termin", "No", "Nama Penanya", "Instansi", "Pertanyaan",
                      "Ditujukan kepada", "Status", "Dijawab oleh", "Jawaban", "Dicatat pukul"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert [r[4] for r in rows] == HOSTILE_QUESTIONS
    assert rows[0][:4] == ["I", "1", "PT A&B <Persero>", "Instansi <Z>"]
    assert rows[4][8] == "Jawaban 4: =SUM(A1:A9) bukan rumus"
    assert sheet.cell(row=9, column=5).data_type == "s"  # "=SUM(...)" is not a formula
    assert rows[0][6] == "Dijawab"
    assert rows[0][9] == "11.00"
    follow = workbook["Tindak Lanjut"]
    assert [c.value for c in follow[2]] == ["1", "Tindak <lanjut> & cek", "Dinas \"A\"",
                                            "H-7 <segera>"]


# -- photos (dokumentasi) -------------------------------------------------------------------


def test_photos_are_attached_captioned_ordered_and_removed(
    storage: Storage, tmp_path: Path
) -> None:
    from rakor_desktop.exports.documents import photos
    from rakor_desktop.messages import NotFoundError

    from .document_record import photo_jpeg

    event_id = event_ops.create_event(
        storage, Event(title="Rakor", date=date(2023, 12, 14), start_time=time(9))
    )
    first = photos.add_photo(storage, event_id, photo_jpeg(), filename="/x/a.jpg",
                             caption="  Pembukaan  rapat ")
    source = tmp_path / "b.jpg"
    source.write_bytes(photo_jpeg((600, 800), "#a55"))
    second = photos.add_photo_file(storage, event_id, source, caption="Foto bersama")
    assert (first.filename, first.caption, first.mime) == ("a.jpg", "Pembukaan rapat",
                                                          "image/jpeg")
    assert [p.id for p in photos.move_photo(storage, second.id, 0)] == [second.id, first.id]
    assert photos.set_photo_caption(storage, first.id, "Sambutan").caption == "Sambutan"
    assert photos.photo_bytes(storage, second.id) == source.read_bytes()
    with pytest.raises(ValidationError, match="bukan gambar"):
        photos.add_photo(storage, event_id, b"GIF89a nonsense")
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        photos.add_photo_file(storage, event_id, tmp_path / "hilang.jpg")
    [minutes_pdf] = export_minutes(storage, event_id, tmp_path / "out", ("pdf",))
    text = pdf_text(minutes_pdf)
    assert text.index("Foto bersama") < text.index("Sambutan")
    photos.remove_photo(storage, first.id)
    assert [p.id for p in photos.list_photos(storage, event_id)] == [second.id]
    with pytest.raises(NotFoundError):
        photos.get_photo(storage, first.id)


# -- temporary files and file modes (issue 10, item 16) ---------------------------------------


def test_temporary_files_of_a_killed_export_are_removed_by_the_next(
    storage: Storage, tmp_path: Path
) -> None:
    import subprocess
    import sys
    import time

    from rakor_desktop.atomic_files import STALE_AFTER_SECONDS

    record = make_demo_record(storage, photos=0)
    folder = tmp_path / "out"
    folder.mkdir()
    # an export process that was killed: its process id is gone
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    killed = folder / f"{TEMP_PREFIX}{dead.stdout.strip()}-0a1b2c3d4e5f.pdf"
    killed.write_bytes(b"%PDF- half")
    old_style = folder / f"{TEMP_PREFIX}k3j2h1g0.docx"  # an earlier version's name
    old_style.write_bytes(b"PK half")
    hours_ago = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(old_style, (hours_ago, hours_ago))
    running = folder / f"{TEMP_PREFIX}{os.getpid()}-ffffffffffff.docx"  # still being written
    running.write_bytes(b"PK busy")
    export_attendance_list(storage, record.event_id, folder)
    assert not killed.exists() and not old_style.exists()
    assert _leftovers(folder) == [running.name]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_exported_files_get_the_mode_of_any_new_file(
    storage: Storage, tmp_path: Path, umask: int
) -> None:
    from rakor_desktop.exports.attendance import export_attendance_csv, export_attendance_xlsx

    record = make_demo_record(storage, photos=0)
    previous = os.umask(umask)
    try:
        written = [
            *export_attendance_list(storage, record.event_id, tmp_path),
            *documents.export_question_log(storage, record.event_id, tmp_path),
        ]
        export_attendance_csv(storage, record.event_id, tmp_path / "hadir.csv")
        export_attendance_xlsx(storage, record.event_id, tmp_path / "hadir.xlsx")
        written += [tmp_path / "hadir.csv", tmp_path / "hadir.xlsx"]
    finally:
        os.umask(previous)
    for path in written:
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path.name
