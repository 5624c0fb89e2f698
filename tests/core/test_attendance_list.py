"""The daftar hadir: every attendee, delegates, the zig-zag signature column, sheets, pages."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from rakor_desktop.exports.documents.build import build_attendance_list
from rakor_desktop.exports.documents.export import export_attendance_list
from rakor_desktop.exports.documents.model import SignatureCell, Table
from rakor_desktop.exports.documents.settings import DocumentOptions, save_document_options
from rakor_desktop.formatting import format_name, format_nip
from rakor_desktop.models import Person
from rakor_desktop.storage import Storage

from .document_record import (
    DemoRecord,
    check_in,
    docx_text,
    make_demo_record,
    pdf_pages,
    pdf_text,
    same_words,
    signature_png,
    squeeze,
    wib,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def demo(storage: Storage) -> DemoRecord:
    return make_demo_record(storage, photos=0)


def _export(storage: Storage, event_id: int, folder: Path) -> tuple[Path, Path]:
    paths = export_attendance_list(storage, event_id, folder)
    return (next(p for p in paths if p.suffix == ".docx"),
            next(p for p in paths if p.suffix == ".pdf"))


def _full_name(invitee: object) -> str:
    person = invitee.person  # type: ignore[attr-defined]
    return format_name(person.name, person.front_titles, person.back_titles)


def test_every_attendee_with_delegates_in_both_formats(
    storage: Storage, demo: DemoRecord, tmp_path: Path
) -> None:
    docx_path, pdf_path = _export(storage, demo.event_id, tmp_path)
    docx_all, pdf_all = docx_text(docx_path), pdf_text(pdf_path)
    assert same_words(docx_all, pdf_all) == ({}, {})
    present_ids = {i.id for i in demo.present}
    for text in (squeeze(docx_all), squeeze(pdf_all)):
        for header in ("DAFTARHADIR", "Hari/Tanggal:Kamis,14Desember2023",
                       "Waktu:pukul09.00WIBs.d.selesai", "Tempat:AulaGriyaMayang",
                       "Acara:RapatKoordinasiKesiapan"):
            assert header in text
        for invitee in demo.present:
            delegate = demo.delegates.get(invitee.id or 0)
            if delegate:
                assert squeeze(f"{delegate} mewakili {_full_name(invitee)}") in text
            else:
                assert squeeze(_full_name(invitee)) in text
                if invitee.person.nip:
                    assert squeeze(format_nip(invitee.person.nip)) in text
        table = text[:text.index("Mengetahui,")]
        for invitee in demo.invitees:
            if invitee.id not in present_ids:
                assert squeeze(_full_name(invitee)) not in table  # only who came
        assert "Mengetahui," in text
        assert "Jambi,14Desember2023" in text


def test_the_signature_column_zig_zags_with_the_signatures_in_place(
    storage: Storage, demo: DemoRecord, tmp_path: Path
) -> None:
    document = build_attendance_list(storage, demo.event_id)
    table = next(b for b in document.blocks() if isinstance(b, Table))
    marks = [row[-1] for row in table.rows]
    assert all(isinstance(m, SignatureCell) for m in marks)
    assert [m.side for m in marks[:4]] == ["left", "right", "left", "right"]  # type: ignore[union-attr]
    assert [m.number for m in marks[:4]] == [1, 2, 3, 4]  # type: ignore[union-attr]
    signed = [m for m in marks if m.png is not None]  # type: ignore[union-attr]
    assert len(signed) == len(demo.signed)

    docx_path, pdf_path = _export(storage, demo.event_id, tmp_path)
    body = docx.Document(str(docx_path)).element.body
    table_xml = next(t for t in body.iter(f"{W}tbl") if "Tanda Tangan" in "".join(t.itertext()))
    rows = table_xml.findall(f"{W}tr")
    header, data = rows[0], rows[1:]
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    drawings = 0
    for number, row in enumerate(data[: len(marks)], start=1):
        cells = row.findall(f"{W}tc")
        left, right = cells[-2], cells[-1]
        signed_half, empty_half = (left, right) if number % 2 else (right, left)
        assert "".join(signed_half.itertext()).startswith(f"{number}.")
        assert "".join(empty_half.itertext()) == ""
        drawings += len(list(signed_half.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline"
        )))
    assert drawings == len(demo.signed)
    reader = PdfReader(str(pdf_path))
    images = {
        name
        for page in reader.pages
        for name, obj in (page["/Resources"].get("/XObject") or {}).items()
        if obj.get_object()["/Subtype"] == "/Image"
    }
    assert len(images) >= len(demo.signed)


def test_the_same_signature_image_is_stored_once(storage: Storage, tmp_path: Path) -> None:
    record = make_demo_record(storage, photos=0)
    # Ten more arrivals who all signed with the very same image.
    same = signature_png(999, size=(310, 125))  # unlike any other
    for index, invitee in enumerate(record.invitees[40:50]):
        check_in(storage, invitee, wib(9, 0) + timedelta(minutes=index), signature=same)
    docx_path, _pdf_path = _export(storage, record.event_id, tmp_path)
    package = docx.Document(str(docx_path)).part.package
    image_parts = {p.partname for p in package.iter_parts() if p.partname.startswith("/word/media")}
    assert len(image_parts) == len(record.signed) + 1


def test_header_repeats_and_rows_never_split_across_pages(
    storage: Storage, tmp_path: Path
) -> None:
    record = make_demo_record(storage, photos=0)
    for index, invitee in enumerate(record.invitees[40:]):
        check_in(storage, invitee, wib(9, 0) + timedelta(seconds=index),
                 signature=signature_png(index) if index % 2 else None)
    _docx, pdf_path = _export(storage, record.event_id, tmp_path)
    pages = pdf_pages(pdf_path)
    assert len(pages) > 5
    table_pages = [p for p in pages if "Mengetahui" not in p or "Jabatan" in p]
    for page in table_pages:
        assert re.search(r"No\s+Nama\s+NIP/NRP\s+Jabatan\s+Instansi/Unit\s+Kerja\s+No\. HP\s+Tanda",
                         page), page[:200]
    squeezed = [squeeze(p).split("Mengetahui,")[0] for p in pages]  # the table rows only
    names = [
        squeeze(record.delegates.get(i.id or 0) or _full_name(i))
        for i in storage.list_invitees(record.event_id)
    ]
    pages_seen: list[int] = []
    for number, name in enumerate(names, start=1):
        if any(name in other for other in names if other != name) or names.count(name) > 1:
            continue  # "Ahmad Lubis, S.H." is inside "Ahmad Lubis, S.H., M.H."
        holding = [i for i, text in enumerate(squeezed) if name in text]
        assert len(holding) == 1, (number, name)  # a row is on one page only
        pages_seen.append(holding[0])
    assert len(pages_seen) > 100
    assert pages_seen == sorted(pages_seen)
    # The "Mengetahui" block shares its page with the last person.
    last_page = squeeze(pages[-1])
    assert "Mengetahui," in last_page
    assert squeeze(_full_name(storage.list_invitees(record.event_id)[-1])) in last_page


def test_one_sheet_per_group_portrait(storage: Storage, demo: DemoRecord, tmp_path: Path) -> None:
    save_document_options(storage, demo.event_id, DocumentOptions(
        attendance_per_group=True, attendance_orientation="portrait",
        mengetahui_name="Drs. H. Ahmad Yani, M.Si.", mengetahui_jabatan="PPTK",
        mengetahui_pangkat="Pembina, IV/a", mengetahui_nip="197703122003122007",
    ))
    document = build_attendance_list(storage, demo.event_id)
    groups = list(dict.fromkeys(i.group_name for i in demo.present))
    assert len(document.sections) == len(groups)
    for section in document.sections:
        table = next(b for b in section.blocks if isinstance(b, Table))
        assert table.rows[0][0].text == "1."  # type: ignore[union-attr]
        assert section.page.orientation == "portrait"
    docx_path, pdf_path = _export(storage, demo.event_id, tmp_path)
    reader = PdfReader(str(pdf_path))
    box = reader.pages[0].mediabox
    assert float(box.width) < float(box.height)
    for text in (docx_text(docx_path), pdf_text(pdf_path)):
        for group in groups:
            assert "Kelompok" in text and group in text
        assert text.count("Mengetahui,") == len(groups)
        assert "Drs. H. Ahmad Yani, M.Si." in text
        assert "PPTK," in text
        assert "Pembina, IV/a" in text
        assert "NIP. 19770312 200312 2 007" in text
    word = docx.Document(str(docx_path))
    assert len(word.sections) == len(groups)
    assert all(s.page_width < s.page_height for s in word.sections)


def test_all_invitees_can_be_listed_for_signing_by_hand(
    storage: Storage, demo: DemoRecord
) -> None:
    save_document_options(storage, demo.event_id, DocumentOptions(attendance_rows="semua",
                                                                  attendance_show_nip=False))
    document = build_attendance_list(storage, demo.event_id)
    table = next(b for b in document.blocks() if isinstance(b, Table))
    assert len(table.rows) == len(demo.invitees)
    assert [c.title for c in table.columns] == [
        "No", "Nama", "Jabatan", "Instansi/Unit Kerja", "No. HP", "Tanda Tangan",
    ]


def test_an_empty_list_still_gives_a_document(storage: Storage, tmp_path: Path) -> None:
    from rakor_desktop.demo import create_demo_event

    event_id = create_demo_event(storage)
    docx_path, pdf_path = _export(storage, event_id, tmp_path)
    assert "Belum ada peserta yang tercatat hadir." in docx_text(docx_path)
    assert "Belum ada peserta yang tercatat hadir." in pdf_text(pdf_path)


def test_a_logo_in_the_letterhead(storage: Storage, demo: DemoRecord, tmp_path: Path) -> None:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (200, 240), "#036").save(out, "PNG")
    save_document_options(storage, demo.event_id, DocumentOptions(logo=out.getvalue()))
    docx_path, pdf_path = _export(storage, demo.event_id, tmp_path)
    package = docx.Document(str(docx_path)).part.package
    media = [p for p in package.iter_parts() if p.partname.startswith("/word/media")]
    assert any(p.blob == out.getvalue() for p in media)
    first = PdfReader(str(pdf_path)).pages[0]
    sizes = {
        (int(x.get_object()["/Width"]), int(x.get_object()["/Height"]))
        for x in first["/Resources"]["/XObject"].values()
    }
    assert (200, 240) in sizes


def _footers(pages: list[str]) -> list[tuple[int, int]]:
    found = []
    for page in pages:
        match = re.search(r"Halaman (\d+) dari (\d+)", page)
        assert match, page[-200:]
        found.append((int(match.group(1)), int(match.group(2))))
    return found


def test_each_group_sheet_numbers_its_own_pages(storage: Storage, tmp_path: Path) -> None:
    # issue 10, item 17: not "Halaman 2 dari 13" across all groups
    record = make_demo_record(storage, photos=0)
    for index, invitee in enumerate(record.invitees[40:]):
        check_in(storage, invitee, wib(9, 0) + timedelta(seconds=index))
    save_document_options(storage, record.event_id, DocumentOptions(attendance_per_group=True))
    docx_path, pdf_path = _export(storage, record.event_id, tmp_path)
    pages = pdf_pages(pdf_path)
    starts = [i for i, page in enumerate(pages) if "DAFTAR HADIR" in page]
    sheets = [pages[a:b] for a, b in zip(starts, [*starts[1:], len(pages)], strict=True)]
    assert len(sheets) > 2 and any(len(sheet) > 1 for sheet in sheets)
    for sheet in sheets:
        assert _footers(sheet) == [(n, len(sheet)) for n in range(1, len(sheet) + 1)]
    # DOCX: every sheet a section restarting at page 1, counting the pages of its section
    word = docx.Document(str(docx_path))
    assert len(word.sections) == len(sheets)
    for section in word.sections:
        restart = section._sectPr.find(f"{W}pgNumType")
        assert restart is not None and restart.get(f"{W}start") == "1"
    footer_xml = word.sections[0].footer._element.xml
    assert "SECTIONPAGES" in footer_xml and "NUMPAGES" not in footer_xml


def test_one_sheet_for_everyone_keeps_one_numbering(storage: Storage, tmp_path: Path) -> None:
    record = make_demo_record(storage, photos=0)
    for index, invitee in enumerate(record.invitees[40:]):
        check_in(storage, invitee, wib(9, 0) + timedelta(seconds=index))
    docx_path, pdf_path = _export(storage, record.event_id, tmp_path)
    pages = pdf_pages(pdf_path)
    assert _footers(pages) == [(n, len(pages)) for n in range(1, len(pages) + 1)]
    footer_xml = docx.Document(str(docx_path)).sections[0].footer._element.xml
    assert "NUMPAGES" in footer_xml


# -- who signs "Mengetahui" (issue 10, item 18) ------------------------------------------------


def _rakor_chaired_by_the_mayor(storage: Storage, *, people: list[Person]) -> int:
    from datetime import date, time

    from rakor_desktop.models import Event, OfficialRole, Role
    from rakor_desktop.operations import events as event_ops
    from rakor_desktop.operations import invitations as invitee_ops

    event_id = event_ops.create_event(storage, Event(
        title="Rakor Kesiapan Pemilu", date=date(2023, 12, 14), start_time=time(9),
        venue="Aula Griya Mayang", organizer_government="PEMERINTAH KOTA JAMBI",
        organizer_unit="BADAN KESATUAN BANGSA DAN POLITIK",
    ))
    mayor = Person(name="Sri Purwaningsih", front_titles="Dr. H.", back_titles="M.Si.",
                   jabatan="Pj. Wali Kota Jambi", instansi="Pemerintah Kota Jambi")
    invitee_ops.import_invitees(storage, event_id, [(p, Role.PESERTA) for p in [mayor, *people]])
    invitees = storage.list_invitees(event_id)
    for index, invitee in enumerate(invitees):
        check_in(storage, invitee, wib(8, 30) + timedelta(minutes=index))
    event_ops.name_official(storage, event_id, OfficialRole.KETUA, invitees[0].person.id)
    return event_id


def _mengetahui_text(storage: Storage, event_id: int) -> str:
    from rakor_desktop.exports.documents.model import SignatureBlocks

    section = build_attendance_list(storage, event_id).sections[0]
    [block] = [b for b in section.blocks if isinstance(b, SignatureBlocks)]
    signer = block.blocks[0]
    return " | ".join([*signer.above, signer.jabatan, signer.name, signer.nip_line])


HEAD = Person(name="Darmawan Darwis", front_titles="H.", back_titles="S.Sos., M.Si.",
              nip="196905081995101006", pangkat="Pembina Utama Muda", golongan="IV/c",
              jabatan="Kepala Badan Kesatuan Bangsa dan Politik Kota Jambi",
              instansi="Badan Kesatuan Bangsa dan Politik Kota Jambi")
PPTK = Person(name="Rina Marlina", back_titles="S.E.", nip="198203152006042011",
              jabatan="PPTK Rakor Pemilu", instansi="Badan Kesatuan Bangsa dan Politik")
HEAD_OF_SECTION = Person(name="Yusuf Hamdani", jabatan="Kepala Bidang Politik Dalam Negeri",
                         instansi="Badan Kesatuan Bangsa dan Politik Kota Jambi")


def test_mengetahui_defaults_to_the_head_of_the_organising_office_not_the_chair(
    storage: Storage, tmp_path: Path
) -> None:
    event_id = _rakor_chaired_by_the_mayor(storage, people=[HEAD_OF_SECTION, PPTK, HEAD])
    text = _mengetahui_text(storage, event_id)
    assert "Mengetahui," in text
    assert "Kepala Badan Kesatuan Bangsa dan Politik Kota Jambi," in text
    assert "H. Darmawan Darwis, S.Sos., M.Si." in text
    assert "NIP. 19690508 199510 1 006" in text
    assert "Purwaningsih" not in text
    _docx, pdf_path = _export(storage, event_id, tmp_path)
    after = squeeze(pdf_text(pdf_path)).split("Mengetahui,")[1]
    assert squeeze("H. Darmawan Darwis, S.Sos., M.Si.") in after


def test_mengetahui_defaults_to_the_pptk_when_the_head_is_not_known(storage: Storage) -> None:
    event_id = _rakor_chaired_by_the_mayor(storage, people=[HEAD_OF_SECTION, PPTK])
    text = _mengetahui_text(storage, event_id)
    assert "Rina Marlina, S.E." in text and "PPTK Rakor Pemilu," in text


def test_mengetahui_falls_back_to_the_chair_and_a_set_official_wins(storage: Storage) -> None:
    event_id = _rakor_chaired_by_the_mayor(storage, people=[HEAD_OF_SECTION])
    assert "Sri Purwaningsih" in _mengetahui_text(storage, event_id)
    save_document_options(storage, event_id, DocumentOptions(
        mengetahui_name="Drs. Ahmad Yani", mengetahui_jabatan="PPK",
    ))
    assert "Drs. Ahmad Yani" in _mengetahui_text(storage, event_id)
