"""Text and images are cleaned once where they enter (issue 10, item 5), and the
exports survive what was stored before (the attendance log is append-only)."""

from __future__ import annotations

import logging
import struct
import subprocess
import sys
import uuid
import zlib
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from rakor_desktop.clock import to_iso
from rakor_desktop.exports.documents.export import (
    export_attendance_list,
    export_attendance_spreadsheet,
    export_question_log,
)
from rakor_desktop.messages import ValidationError
from rakor_desktop.models import Event, Person, Role, RundownItem
from rakor_desktop.operations import checkin, invitations
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations.discussion import add_question, open_termin, update_question
from rakor_desktop.operations.invitations import InviteeDetails
from rakor_desktop.operations.rundown import add_rundown_item, update_rundown_item
from rakor_desktop.storage import Storage
from rakor_desktop.text import LONG, NAME, clean_text

from .document_record import DESK, check_in, docx_text, pdf_text, signature_png, wib

# -- the one function -------------------------------------------------------------------------


def test_control_characters_and_nul_are_dropped() -> None:
    assert clean_text("Bu\x00di\x1b[31m Santoso\x7f\x9b") == "Budi[31m Santoso"


def test_line_breaks_are_kept_only_where_the_field_allows_them() -> None:
    typed = "Baris satu\x0bbaris dua\r\nbaris tiga\rempat\u2028lima\x0cenam"
    assert clean_text(typed, multiline=True) == (
        "Baris satu\nbaris dua\nbaris tiga\nempat\nlima\nenam"
    )
    assert clean_text(typed) == "Baris satu baris dua baris tiga empat lima enam"
    assert clean_text("a\tb") == "a b"


def test_bidi_overrides_and_isolates_are_neutralised() -> None:
    assert clean_text("Budi\u202egnp.exe\u202c") == "Budignp.exe"
    assert clean_text("\u2066x\u2067y\u2068z\u2069\u202a\u202b\u202d") == "xyz"
    assert clean_text("محمد") == "محمد"  # right-to-left letters themselves stay


def test_text_is_nfc_and_lone_surrogates_go() -> None:
    assert clean_text("Jose\u0301") == "Jos\u00e9"
    assert clean_text("A\ud800B") == "AB"


def test_length_is_capped_per_field_kind() -> None:
    assert len(clean_text("X" * 100_000, max_length=NAME)) == NAME
    assert len(clean_text("\u0301" * 50_000, max_length=NAME)) == NAME
    assert clean_text(None) == ""


# -- where text enters --------------------------------------------------------------------------


HOSTILE_TITLE = "Rakor\x00 Pemilu\x0b2024 \u202eKPU\u202c"


def _event(storage: Storage, title: str = HOSTILE_TITLE) -> int:
    return event_ops.create_event(
        storage, Event(title=title, date=date(2023, 12, 14), start_time=time(9), venue="Aula")
    )


def test_event_title_is_cleaned_when_the_event_is_created_and_changed(storage: Storage) -> None:
    event_id = _event(storage)
    assert storage.get_event(event_id).title == "Rakor Pemilu 2024 KPU"
    event_ops.update_event(
        storage, event_id, {"title": "Baru\x1b\u202e", "description": "satu\x0bdua\x00"}
    )
    saved = storage.get_event(event_id)
    assert (saved.title, saved.description) == ("Baru", "satu\ndua")


def test_invitee_walk_in_and_delegate_text_is_cleaned(storage: Storage) -> None:
    event_id = _event(storage, "Rakor")
    invitee = invitations.add_invitee(
        storage, event_id,
        InviteeDetails(person=Person(name="Siti\x00 Aminah\u202e"), jabatan="Kabid\x0bUmum",
                       instansi="KPU\x07"),
    )
    saved = storage.get_invitee(invitee.id)
    assert (saved.person.name, saved.person.jabatan, saved.instansi) == (
        "Siti Aminah", "Kabid Umum", "KPU"
    )
    walk_in = checkin.register_walk_in(
        storage, event_id, "Tamu\x1b[2J Baru\u202e", DESK, instansi="Ormas\x00\x0bIslam"
    )
    walker = storage.get_invitee(walk_in.checkin.invitee.id)
    assert (walker.person.name, walker.instansi) == ("Tamu[2J Baru", "Ormas Islam")
    checkin.checkin_invitee(
        storage, invitee.id, DESK, on_behalf_name="Wakil\x00\u202e Satu",
        on_behalf_jabatan="Staf\x0bAhli", on_behalf_instansi="KPU\x85Kota",
    )
    [entry] = storage.active_checkins(invitee.id)
    assert (entry.on_behalf_name, entry.on_behalf_jabatan, entry.on_behalf_instansi) == (
        "Wakil Satu", "Staf Ahli", "KPU Kota"
    )


def test_rundown_notes_and_answers_keep_their_lines_and_lose_the_rest(storage: Storage) -> None:
    event_id = _event(storage, "Rakor")
    item_id = add_rundown_item(
        storage, event_id, RundownItem(event_id=event_id, title="Paparan\x0bKPU\u202e")
    )
    assert storage.get_rundown_item(item_id).title == "Paparan KPU"
    update_rundown_item(storage, item_id, {"notes": "poin 1\x0bpoin 2\x00" + "x" * 30_000})
    notes = storage.get_rundown_item(item_id).notes
    assert notes.startswith("poin 1\npoin 2x")
    assert len(notes) == LONG
    termin = open_termin(storage, event_id)
    question = add_question(storage, termin.id, asker_name="Budi\x1b", question="Apa\x0bitu?")
    assert (question.asker_name, question.question) == ("Budi", "Apa\nitu?")
    answered = update_question(storage, question.id, {"answer": "Jawab\x0bdua\x00\u2066"})
    assert answered.answer == "Jawab\ndua"


def test_cli_cleans_what_is_typed(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "rakor_desktop.cli", "--db", str(db), "event", "create",
         "--title", "Rakor \u202eKPU\u202c\x1b[31m", "--date", "2023-12-14", "--start", "09:00",
         "--venue", "Aula\x07"],
        capture_output=True, text=True, timeout=60, check=False,
        env={"RAKOR_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    storage = Storage.open(db)
    try:
        event = storage.get_event(int(result.stdout.strip()))
        assert (event.title, event.venue) == ("Rakor KPU[31m", "Aula")
    finally:
        storage.close()


# -- text already stored: the exports still work ------------------------------------------------


def _store_raw(storage: Storage, sql: str, params: tuple[object, ...]) -> None:
    """What an older version or another program left in the database."""
    with storage.transaction():
        storage._write(sql, params)


def test_exports_survive_control_characters_already_stored(
    storage: Storage, tmp_path: Path
) -> None:
    event_id = _event(storage, "Rakor")
    invitations.import_invitees(storage, event_id, [(Person(name="Budi"), Role.PESERTA)])
    [invitee] = storage.list_invitees(event_id)
    check_in(storage, invitee, wib(8, 30))
    termin = open_termin(storage, event_id)
    add_question(storage, termin.id, asker_name="Siti", question="Apa?")
    _store_raw(storage, "UPDATE events SET title = ? WHERE id = ?",
               ("Rakor\x00 \x0bPemilu\x1b", event_id))
    _store_raw(storage, "UPDATE persons SET name = ?", ("Budi\x0b\x01Santoso",))
    _store_raw(storage, "UPDATE questions SET question = ?", ("Apa\x0b\x02itu?",))
    written = [
        *export_attendance_list(storage, event_id, tmp_path),
        *export_attendance_spreadsheet(storage, event_id, tmp_path),
        *export_question_log(storage, event_id, tmp_path),
    ]
    assert len(written) == 4
    pdf = next(p for p in written if p.suffix == ".pdf")
    assert "Budi Santoso" in pdf_text(pdf)


# -- images ------------------------------------------------------------------------------------


def _png_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes of PNG whose header claims ``width`` × ``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


GARBAGE_PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


@pytest.mark.parametrize(
    "png", [_png_claiming(40_000, 40_000), GARBAGE_PNG], ids=["40000x40000", "garbage"]
)
def test_the_desk_refuses_a_signature_that_is_no_usable_image(
    storage: Storage, png: bytes
) -> None:
    event_id = _event(storage, "Rakor")
    invitations.import_invitees(storage, event_id, [(Person(name="Budi"), Role.PESERTA)])
    [invitee] = storage.list_invitees(event_id)
    checkin.checkin_invitee(storage, invitee.id, DESK)
    with pytest.raises(ValidationError, match="Tanda tangan tidak dapat disimpan"):
        checkin.add_signature(storage, invitee.id, png, DESK)
    assert checkin.latest_signature(storage, invitee.id) is None


def _stored_signature(storage: Storage, invitee_id: int, event_id: int, png: bytes) -> None:
    """A signature entry written as an older version or another program did."""
    [active] = storage.active_checkins(invitee_id)
    moment = to_iso(wib(8, 45))
    _store_raw(
        storage,
        "INSERT INTO attendance_log (uid, event_id, invitee_id, kind, target_uid, recorded_at,"
        " station, signature_png, received_at) VALUES (?, ?, ?, 'signature', ?, ?, 'meja-9', ?,"
        " ?)",
        (str(uuid.uuid4()), event_id, invitee_id, active.uid, moment, png, moment),
    )


def test_a_bad_stored_signature_is_left_blank_and_logged_never_a_failed_export(
    storage: Storage, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    event_id = _event(storage, "Rakor")
    invitations.import_invitees(storage, event_id, [
        (Person(name=f"Peserta {n}"), Role.PESERTA) for n in range(3)
    ])
    invitees = storage.list_invitees(event_id)
    for index, invitee in enumerate(invitees):
        check_in(storage, invitee, wib(8, 30) + timedelta(minutes=index),
                 signature=signature_png(index) if index == 2 else None)
    _stored_signature(storage, invitees[0].id, event_id, _png_claiming(40_000, 40_000))
    _stored_signature(storage, invitees[1].id, event_id, GARBAGE_PNG)
    with caplog.at_level(logging.WARNING, logger="rakor.images"):
        written = export_attendance_list(storage, event_id, tmp_path)
    assert sorted(p.suffix for p in written) == [".docx", ".pdf"]
    docx_path = next(p for p in written if p.suffix == ".docx")
    assert "Peserta 0" in docx_text(docx_path)
    import docx

    pictures = docx.Document(str(docx_path)).inline_shapes
    assert len(pictures) == 1  # only the good signature
    assert sum("left blank" in r.getMessage() for r in caplog.records) == 2


def test_a_photo_of_too_many_pixels_is_refused_where_it_enters(storage: Storage) -> None:
    from rakor_desktop.exports.documents import photos

    event_id = _event(storage, "Rakor")
    with pytest.raises(ValidationError, match="terlalu besar"):
        photos.add_photo(storage, event_id, _png_claiming(40_000, 40_000))


def test_a_logo_of_too_many_pixels_is_refused(storage: Storage) -> None:
    from rakor_desktop.exports.documents.settings import check_logo

    with pytest.raises(ValidationError):
        check_logo(_png_claiming(40_000, 40_000))


def test_document_text_parts_and_settings_are_cleaned(storage: Storage) -> None:
    from rakor_desktop.exports.documents.settings import (
        DocumentOptions,
        load_document_options,
        load_text_overrides,
        save_document_options,
        set_text_override,
    )

    event_id = _event(storage, "Rakor")
    set_text_override(storage, event_id, "pembukaan", "Baris\x0bdua\x00\u202e")
    assert load_text_overrides(storage, event_id) == {"pembukaan": "Baris\ndua"}
    save_document_options(storage, event_id, DocumentOptions(
        mengetahui_name="Drs. Ahmad\x00 Yani\u202e", letterhead_address="Jl. A\x0bTelp. 1\x07",
    ))
    options = load_document_options(storage, event_id)
    assert (options.mengetahui_name, options.letterhead_address) == (
        "Drs. Ahmad Yani", "Jl. A\nTelp. 1"
    )


def test_a_bad_stored_logo_is_left_out_never_a_failed_export(
    storage: Storage, tmp_path: Path
) -> None:
    import base64

    from rakor_desktop.exports.documents.export import export_minutes

    event_id = _event(storage, "Rakor")
    with storage.transaction():
        storage.set_event_setting(event_id, "dokumen.logo",
                                  base64.b64encode(_png_claiming(40_000, 40_000)).decode())
    written = [*export_attendance_list(storage, event_id, tmp_path),
               *export_minutes(storage, event_id, tmp_path)]
    assert len(written) == 4
