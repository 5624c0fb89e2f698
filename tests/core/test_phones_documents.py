"""What phones add to the documents (issue 14): a question accepted from the floor is in
the notulen like one typed at the laptop, a check-in by phone (and a phone walk-in
confirmed at a desk) is in the daftar hadir with its signature, and text that looks like
a script is printed as it was typed. Undoing an accepted question keeps the floor's
question (set aside). Real SQLite files, real DOCX and PDF files."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from rakor_desktop.exports.documents.build import build_attendance_list, build_minutes
from rakor_desktop.exports.documents.export import export_attendance_list, export_minutes
from rakor_desktop.exports.documents.model import SignatureCell, Table
from rakor_desktop.models import Event, FloorQuestionStatus, Person
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import discussion as talk
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import floor
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.operations import selfcheckin as sc
from rakor_desktop.storage import Storage
from rakor_desktop.timer import ManualClock
from rakor_desktop.undo import UndoStack

from .document_record import docx_text, pdf_text, signature_png, squeeze

T0 = datetime(2023, 12, 14, 1, 40, tzinfo=UTC)  # 08.40 WIB
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def event_id(storage: Storage) -> int:
    return event_ops.create_event(
        storage,
        Event(title="Rakor Pemilu", date=date(2023, 12, 14), start_time=time(9, 0),
              venue="Aula Griya Mayang", organizer_government="PEMERINTAH KOTA JAMBI"),
        clock=lambda: T0,
    )


def _invite(storage: Storage, event_id: int, name: str, instansi: str, phone: str) -> int:
    invitee = invitee_ops.invite_person(
        storage, event_id, Person(name=name, instansi=instansi, phone=phone), clock=lambda: T0
    )
    assert invitee.id is not None
    return invitee.id


def test_a_question_from_the_floor_is_in_the_notulen_like_the_others(
    storage: Storage, event_id: int, clock: ManualClock, tmp_path: Path
) -> None:
    termin = talk.open_termin(storage, event_id, clock=clock)
    assert termin.id is not None
    talk.add_question(storage, termin.id, asker_name="Ani Laptop", asker_instansi="KPU",
                      question="Kapan distribusi logistik?", addressed_to="Bawaslu")
    sent = floor.submit_floor_question(
        storage, event_id, question=f"Apakah {XSS} aman?", asker_name="Budi Ponsel",
        asker_instansi="Kecamatan Kotabaru", addressed_to="KPU", clock=clock,
    )
    assert sent.id is not None
    accepted = floor.accept_floor_question(storage, sent.id, expected_version=1, clock=clock)
    assert accepted.id is not None
    talk.update_question(storage, accepted.id, {"answer": "Aman.", "answered_by": "KPU"})
    document = build_minutes(storage, event_id)
    text = "\n".join(
        str(getattr(run, "text", ""))
        for block in document.blocks()
        for run in getattr(block, "runs", ())
    )
    assert "Sdr. Ani Laptop (KPU) menanyakan kepada Bawaslu" in text
    assert f"Sdr. Budi Ponsel (Kecamatan Kotabaru) menanyakan kepada KPU: Apakah {XSS} aman?" \
        in text
    assert "Tanggapan KPU: Aman." in text
    paths = export_minutes(storage, event_id, tmp_path)
    for path in paths:
        content = docx_text(path) if path.suffix == ".docx" else pdf_text(path)
        assert squeeze(f"Sdr. Budi Ponsel (Kecamatan Kotabaru) menanyakan kepada KPU: "
                       f"Apakah {XSS} aman?") in squeeze(content), path.suffix


def test_check_ins_by_phone_are_in_the_daftar_hadir_with_their_signatures(
    storage: Storage, event_id: int, clock: ManualClock, tmp_path: Path
) -> None:
    keys = sc.HallKeys(b"k" * 32, clock=clock)
    at_desk = _invite(storage, event_id, "Citra Meja", "Bappeda", "0811 0000 1111")
    by_phone = _invite(storage, event_id, "Dewi Ponsel", "Dinas Kominfo", "0812 3333 4444")
    desk = checkin_ops.Desk("Meja 1")
    checkin_ops.checkin_invitee(storage, at_desk, desk, clock=clock)
    desk_png = signature_png(1)
    checkin_ops.add_signature(storage, at_desk, desk_png, desk, clock=clock)
    code = keys.current_code()
    (match,) = sc.find_for_checkin(storage, event_id, keys, rotating_code=code, name="dewi",
                                   phone_last4="4444")
    phone_png = signature_png(2)
    sc.phone_checkin(storage, event_id, keys, rotating_code=code, ref=match.ref,
                     signature_png=phone_png, clock=clock)
    walkin = sc.submit_phone_walk_in(
        storage, event_id, keys, rotating_code=code, name=XSS, instansi="Tamu",
        signature_png=signature_png(3), clock=clock,
    )
    assert walkin.id is not None
    confirmed = sc.confirm_phone_walk_in(storage, walkin.id, desk, clock=clock)
    assert confirmed.checkin is not None
    refused = sc.submit_phone_walk_in(
        storage, event_id, keys, rotating_code=code, name="Tidak Dikenal",
        signature_png=signature_png(4), clock=clock,
    )
    assert refused.id is not None
    sc.refuse_phone_walk_in(storage, refused.id, desk, clock=clock)

    document = build_attendance_list(storage, event_id)
    table = next(b for b in document.blocks() if isinstance(b, Table))
    by_name = {str(row[1]): row[-1] for row in table.rows}
    signed = {
        name: cell.png for name, cell in by_name.items() if isinstance(cell, SignatureCell)
    }
    names = " ".join(by_name)
    assert "Citra Meja" in names and "Dewi Ponsel" in names and XSS in names
    assert "Tidak Dikenal" not in names
    pngs = [png for png in signed.values() if png is not None]
    assert desk_png in pngs and phone_png in pngs and len(pngs) == 3
    assert storage.document_signatures(event_id)[by_phone] == phone_png
    paths = export_attendance_list(storage, event_id, tmp_path)
    pdf = next(p for p in paths if p.suffix == ".pdf")
    content = squeeze(pdf_text(pdf))
    assert "DewiPonsel" in content and squeeze(XSS) in content
    assert "TidakDikenal" not in content


def test_undoing_an_accepted_question_sets_the_floors_question_aside(
    storage: Storage, event_id: int, clock: ManualClock
) -> None:
    talk.open_termin(storage, event_id, clock=clock)
    sent = floor.submit_floor_question(storage, event_id, question="Apa?", asker_name="Budi")
    assert sent.id is not None
    stack = UndoStack(storage, event_id)
    question = stack.run("Terima pertanyaan",
                         lambda: floor.accept_floor_question(storage, sent.id or 0, clock=clock))
    assert floor.get_floor_question(storage, sent.id).status == FloorQuestionStatus.ACCEPTED
    stack.undo()
    assert storage.get_question_by_uid(question.uid) is None
    aside = floor.get_floor_question(storage, sent.id)
    assert aside.status == FloorQuestionStatus.SET_ASIDE and aside.question_id is None
    # Taken up again: one question in the termin.
    again = floor.accept_floor_question(storage, sent.id, expected_version=aside.version)
    assert [q.uid for q in storage.list_event_questions(event_id)] == [again.uid]
    # Deleted from the termin at the laptop: set aside as well, not lost.
    assert again.id is not None
    talk.delete_question(storage, again.id)
    assert floor.get_floor_question(storage, sent.id).status == FloorQuestionStatus.SET_ASIDE
