"""The notulen: built from the live record, the same in DOCX and PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from rakor_desktop.exports.documents.build import build_minutes, minutes_parts
from rakor_desktop.exports.documents.export import export_minutes
from rakor_desktop.exports.documents.model import KeyValueBlock, Paragraph
from rakor_desktop.exports.documents.settings import (
    DocumentOptions,
    save_document_options,
    set_text_override,
)
from rakor_desktop.formatting import format_nip
from rakor_desktop.models import OfficialRole, RundownKind
from rakor_desktop.operations import events as event_ops
from rakor_desktop.storage import Storage

from .document_record import (
    DemoRecord,
    docx_paragraphs,
    docx_text,
    make_demo_record,
    pdf_pages,
    pdf_text,
    same_words,
    squeeze,
    words,
)


@pytest.fixture
def demo(storage: Storage) -> DemoRecord:
    return make_demo_record(storage)


def _render(storage: Storage, event_id: int, folder: Path) -> tuple[str, str]:
    paths = export_minutes(storage, event_id, folder)
    docx_path = next(p for p in paths if p.suffix == ".docx")
    pdf_path = next(p for p in paths if p.suffix == ".pdf")
    return docx_text(docx_path), pdf_text(pdf_path)


def _header_rows(storage: Storage, event_id: int) -> list[tuple[str, str]]:
    document = build_minutes(storage, event_id)
    block = next(b for b in document.blocks() if isinstance(b, KeyValueBlock))
    return [(row.label, " | ".join(p.text for p in row.value)) for row in block.rows]


def test_header_fields_in_the_official_order(storage: Storage, demo: DemoRecord) -> None:
    rows = _header_rows(storage, demo.event_id)
    assert [label for label, _ in rows] == [
        "Sidang/Rapat", "Hari/Tanggal", "Waktu Panggilan", "Waktu Sidang/Rapat", "Tempat",
        "Acara", "Pimpinan Sidang/Rapat", "Ketua", "Pencatat", "Peserta Sidang/Rapat",
        "Kegiatan Sidang/Rapat",
    ]
    values = dict(rows)
    assert values["Hari/Tanggal"] == "Kamis, 14 Desember 2023"
    assert values["Waktu Panggilan"] == "pukul 08.30 WIB"
    assert values["Waktu Sidang/Rapat"] == "pukul 09.00 WIB s.d. selesai"
    assert values["Tempat"] == "Aula Griya Mayang, Rumah Dinas Wali Kota Jambi"
    titles = [item.title for item in storage.list_rundown_items(demo.event_id)]
    assert values["Acara"].split(" | ") == titles
    assert values["Ketua"] == "H. Darmawan Darwis, S.Sos., M.Si."
    assert values["Peserta Sidang/Rapat"].endswith("Jumlah: 40 orang (daftar hadir terlampir)")


def test_third_field_tempat_and_sekretaris_follow_the_settings(
    storage: Storage, demo: DemoRecord
) -> None:
    save_document_options(storage, demo.event_id, DocumentOptions(
        third_field="surat_undangan", show_tempat=False, show_sekretaris=True,
    ))
    rows = dict(_header_rows(storage, demo.event_id))
    assert rows["Surat Undangan"] == "Nomor 005/412/Kesbangpol/2023 tanggal 8 Desember 2023"
    assert "Waktu Panggilan" not in rows
    assert "Tempat" not in rows
    assert rows["Sekretaris"] == "-"
    # A named Sekretaris is shown without asking.
    save_document_options(storage, demo.event_id, DocumentOptions())
    event_ops.name_official_by_text(storage, demo.event_id, OfficialRole.SEKRETARIS,
                                    "Dra. Hj. Nurul Aini, M.Si.")
    assert dict(_header_rows(storage, demo.event_id))["Sekretaris"] == (
        "Dra. Hj. Nurul Aini, M.Si."
    )


def test_participants_as_a_full_list_with_delegates(storage: Storage, demo: DemoRecord) -> None:
    save_document_options(storage, demo.event_id, DocumentOptions(peserta_mode="daftar"))
    value = dict(_header_rows(storage, demo.event_id))["Peserta Sidang/Rapat"].split(" | ")
    assert len(value) == len(demo.present)
    assert value[1].startswith("Delegasi Nomor 1 mewakili ")


def test_the_minutes_say_the_same_in_docx_and_pdf(
    storage: Storage, demo: DemoRecord, tmp_path: Path
) -> None:
    docx, pdf = _render(storage, demo.event_id, tmp_path)
    assert same_words(docx, pdf) == ({}, {})
    assert len(words(docx)) > 500


def test_the_content_of_the_minutes(storage: Storage, demo: DemoRecord, tmp_path: Path) -> None:
    docx, pdf = _render(storage, demo.event_id, tmp_path)
    for text in (squeeze(docx), squeeze(pdf)):
        for expected in (
            "NOTULA", "PEMERINTAHKOTAJAMBI", "BADANKESATUANBANGSADANPOLITIK",
            "Hari/Tanggal:Kamis,14Desember2023", "KataPembukaan", "Pembahasan",
            "TanyaJawab", "TerminI", "TerminII", "Kesimpulan/Keputusan", "TindakLanjut",
            "Rapatdibukapukul09.00WIB.", "Rapatditutuppukul",
            # the notes of the laporan and the sambutan
            "Rakordiikuti150undangan.", "Pj.WaliKotamenekankannetralitasASN.",
            # one part per presentation with its actual time
            "Narasumber7(KPUKotaJambi)menyampaikanpaparanpukul09.40s.d.10.00WIB.",
            "Membentukposkoterpadu", "Kesbangpol", "31Desember2023",
            "Seluruhpihaksiapmengamankanpemilu2024.".replace("pemilu", "Pemilu"),
            "Lampiran:", "Daftarhadir", "Dokumentasi", "DAFTARHADIR", "DOKUMENTASI",
            "Fotokegiatan1", "Jambi,14Desember2023",
        ):
            assert expected in text, expected
        for q in demo.questions:
            asked = squeeze(f"Sdr. {q.asker} ({q.instansi}) menanyakan: {q.question}")
            answered = squeeze(f"Tanggapan {q.answered_by}: {q.answer}")
            assert asked in text
            assert answered in text
            assert text.index(asked) < text.index(answered)


def test_the_rundown_appears_in_order(storage: Storage, demo: DemoRecord, tmp_path: Path) -> None:
    docx, pdf = _render(storage, demo.event_id, tmp_path)
    titles = [squeeze(i.title) for i in storage.list_rundown_items(demo.event_id)]
    for text in (squeeze(docx), squeeze(pdf)):
        agenda = text[text.index("Acara:"):text.index("PimpinanSidang/Rapat")]
        positions = [agenda.index(f"{n}.{title}") for n, title in enumerate(titles, start=1)]
        assert positions == sorted(positions)


def test_signatures_follow_the_acting_head_rule(
    storage: Storage, demo: DemoRecord, tmp_path: Path
) -> None:
    wali_kota = demo.invitees[0]  # Pj. Wali Kota Jambi, with titles and a NIP
    event_ops.name_official(storage, demo.event_id, OfficialRole.KETUA, wali_kota.person.id)
    pencatat = storage.document_officials(demo.event_id)["pencatat"]
    docx, pdf = _render(storage, demo.event_id, tmp_path)
    for text in (docx, pdf):
        minutes = text[:text.index("Lampiran:")]  # before the attached daftar hadir
        signatures = minutes[minutes.rindex("Pimpinan Sidang/Rapat"):]
        assert "Pj. Wali Kota Jambi," in signatures
        assert wali_kota.person.name in signatures
        assert wali_kota.person.front_titles not in signatures  # no titles,
        assert format_nip(wali_kota.person.nip) not in signatures  # no NIP for a Pj.
        assert f"NIP. {format_nip(pencatat['nip'])}" in signatures


def test_edited_text_is_used_when_exporting_again(
    storage: Storage, demo: DemoRecord, tmp_path: Path
) -> None:
    parts = {p.key: p for p in minutes_parts(storage, demo.event_id)}
    assert next(iter(parts)) == "kata_pembukaan"
    assert "tanya_jawab.1" in parts and "tanya_jawab.2" in parts
    assert parts["kesimpulan"].generated.startswith("1. Seluruh pihak")
    assert parts["kesimpulan"].edited is None

    set_text_override(storage, demo.event_id, "kesimpulan",
                      "1. Kesimpulan yang disunting notulis.\n2. Butir & <kedua>.")
    edited = {p.key: p for p in minutes_parts(storage, demo.event_id)}["kesimpulan"]
    assert edited.text.startswith("1. Kesimpulan yang disunting")
    docx, pdf = _render(storage, demo.event_id, tmp_path)
    for text in (docx, pdf):
        assert "Kesimpulan yang disunting notulis." in text
        assert "Butir & <kedua>." in text
        assert "Seluruh pihak siap" not in text
    set_text_override(storage, demo.event_id, "kesimpulan", None)
    docx, pdf = _render(storage, demo.event_id, tmp_path)
    assert "Seluruh pihak siap" in docx and "Seluruh pihak siap" in pdf


def test_a_meeting_with_nothing_recorded_still_gives_minutes(
    storage: Storage, tmp_path: Path
) -> None:
    from rakor_desktop.demo import create_demo_event

    event_id = create_demo_event(storage)
    docx, pdf = _render(storage, event_id, tmp_path)
    assert same_words(docx, pdf) == ({}, {})
    assert "0 orang (daftar hadir terlampir)" in docx
    assert "Tidak ada tindak lanjut yang dicatat." in pdf


def test_page_numbers_in_both_formats(storage: Storage, demo: DemoRecord, tmp_path: Path) -> None:
    paths = export_minutes(storage, demo.event_id, tmp_path)
    pages = pdf_pages(next(p for p in paths if p.suffix == ".pdf"))
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page
    import docx

    document = docx.Document(str(next(p for p in paths if p.suffix == ".docx")))
    footer_xml = document.sections[0].footer._element.xml
    assert "Halaman" in footer_xml and " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    # every section (notulen, lampiran pages) refers to the footer
    assert all(s.footer.is_linked_to_previous is False for s in document.sections)


def test_pages_and_font_follow_the_settings(
    storage: Storage, demo: DemoRecord, tmp_path: Path
) -> None:
    import docx
    from pypdf import PdfReader

    save_document_options(storage, demo.event_id, DocumentOptions(paper="A4", margin_left_cm=4))
    paths = export_minutes(storage, demo.event_id, tmp_path)
    document = docx.Document(str(next(p for p in paths if p.suffix == ".docx")))
    first = document.sections[0]
    assert round(first.page_width.cm, 1) == 21.0 and round(first.page_height.cm, 1) == 29.7
    assert round(first.left_margin.cm, 1) == 4.0
    assert document.styles["Normal"].font.name == "Arial"
    attendance = document.sections[1]
    assert attendance.page_width > attendance.page_height  # the daftar hadir is landscape
    reader = PdfReader(str(next(p for p in paths if p.suffix == ".pdf")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 2.54, 1), round(float(box.height) / 72 * 2.54, 1)) == (
        21.0, 29.7,
    )
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert "/AAAAAA+LiberationSans" in fonts
    assert all(re.fullmatch(r"/[A-Z]{6}\+.+", name) for name in fonts), fonts  # all embedded


def test_no_paragraph_is_empty_of_meaning(storage: Storage, demo: DemoRecord) -> None:
    document = build_minutes(storage, demo.event_id)
    for block in document.blocks():
        if isinstance(block, Paragraph) and block.label:
            assert block.text.strip(), block


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_docx_files(
    storage: Storage, demo: DemoRecord, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from rakor_desktop.exports.documents.export import export_attendance_list

    written = export_minutes(storage, demo.event_id, tmp_path / "out", ("docx",))
    written += export_attendance_list(storage, demo.event_id, tmp_path / "out", ("docx",))
    converted = tmp_path / "lo"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(converted), *map(str, written)],
        capture_output=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr
    for source in written:
        pdf = converted / f"{source.stem}.pdf"
        assert pdf.exists(), result.stdout
        reader = PdfReader(str(pdf))
        assert len(reader.pages) >= 1
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        assert "DAFTAR HADIR" in text
        assert re.search(r"Halaman 1 dari \d+", text)


def test_paragraph_text_of_the_docx_is_not_split_by_markup(
    storage: Storage, demo: DemoRecord, tmp_path: Path
) -> None:
    paths = export_minutes(storage, demo.event_id, tmp_path, ("docx",))
    paragraphs = docx_paragraphs(paths[0])
    assert "NOTULA" in paragraphs
    assert "Pokok-pokok paparan:" in paragraphs


def test_minutes_with_rundown_kinds_missing(storage: Storage, tmp_path: Path) -> None:
    from datetime import date, time

    from rakor_desktop.models import Event, RundownItem
    from rakor_desktop.operations.rundown import add_rundown_item

    event_id = event_ops.create_event(
        storage, Event(title="Rapat kecil", date=date(2024, 1, 3), start_time=time(13, 30),
                       end_time=time(15, 0), timezone="WITA"),
    )
    add_rundown_item(storage, event_id, RundownItem(event_id=event_id, title="Diskusi",
                                                    kind=RundownKind.DISKUSI))
    options = replace(DocumentOptions(), attach_attendance=False, attach_photos=False)
    save_document_options(storage, event_id, options)
    docx, pdf = _render(storage, event_id, tmp_path)
    for text in (docx, pdf):
        assert "Rabu, 3 Januari 2024" in text
        assert "pukul 13.30 s.d. 15.00 WITA" in text
        assert "DAFTAR HADIR" not in text
        assert "Lampiran" not in text


# -- the field trial (issue 9, item 8): what the notulen must not say -----------------------


def _small_event(storage: Storage, **fields: object) -> int:
    from datetime import date, time

    from rakor_desktop.models import Event

    event = Event(title="Rapat kecil", date=date(2023, 12, 14), start_time=time(9, 0),
                  venue="Aula Griya Mayang")
    event_id = event_ops.create_event(storage, replace(event, **fields))  # type: ignore[arg-type]
    save_document_options(storage, event_id, replace(
        DocumentOptions(), attach_attendance=False, attach_photos=False))
    return event_id


def _part(storage: Storage, event_id: int, prefix: str) -> str:
    return next(p.text for p in minutes_parts(storage, event_id) if p.key.startswith(prefix))


def test_no_call_time_leaves_the_line_out(storage: Storage, tmp_path: Path) -> None:
    event_id = _small_event(storage)  # no Waktu Panggilan set
    labels = [label for label, _ in _header_rows(storage, event_id)]
    assert labels[:4] == ["Sidang/Rapat", "Hari/Tanggal", "Waktu Sidang/Rapat", "Tempat"]
    docx, pdf = _render(storage, event_id, tmp_path)
    assert "Waktu Panggilan" not in docx and "Waktu Panggilan" not in pdf
    # Variant B without a number or a date of the invitation: left out as well.
    save_document_options(storage, event_id, replace(
        DocumentOptions(), third_field="surat_undangan", attach_attendance=False))
    assert "Surat Undangan" not in dict(_header_rows(storage, event_id))


def test_a_presentation_without_a_speaker_names_nobody(storage: Storage) -> None:
    from rakor_desktop.operations import events as event_ops
    from rakor_desktop.operations import rundown as rundown_ops
    from rakor_desktop.operations.rundown import apply_typical_rundown, update_rundown_item

    from .document_record import wib

    event_id = _small_event(storage)
    apply_typical_rundown(storage, event_id)  # one "Paparan narasumber", led by "Moderator"
    paparan = next(i for i in storage.list_rundown_items(event_id)
                   if i.kind == RundownKind.PAPARAN)
    assert paparan.responsible_text == "Moderator" and paparan.id is not None
    rundown_ops.start_item(storage, paparan.id, clock=lambda: wib(9, 40))
    rundown_ops.finish_item(storage, paparan.id, clock=lambda: wib(10, 35))
    assert _part(storage, event_id, "pembahasan.") == (
        "Paparan disampaikan pukul 09.40 s.d. 10.35 WIB.")
    # The event's moderator leads the presentation; he is not its speaker either.
    event_ops.name_official_by_text(storage, event_id, OfficialRole.MODERATOR,
                                    "Drs. H. Nasrul Rahman, M.Si.")
    update_rundown_item(storage, paparan.id, {"responsible_text": "Drs. H. Nasrul Rahman, M.Si."})
    assert _part(storage, event_id, "pembahasan.") == (
        "Paparan disampaikan pukul 09.40 s.d. 10.35 WIB.")
    # A speaker typed as the one responsible is named.
    update_rundown_item(storage, paparan.id, {"responsible_text": "Ketua KPU Kota Jambi"})
    assert _part(storage, event_id, "pembahasan.") == (
        "Narasumber: Ketua KPU Kota Jambi, pukul 09.40 s.d. 10.35 WIB.")


def test_no_closing_time_until_the_closing_item_is_finished(
    storage: Storage, tmp_path: Path
) -> None:
    from rakor_desktop.demo import create_demo_event
    from rakor_desktop.operations import rundown as rundown_ops

    from .document_record import wib

    event_id = create_demo_event(storage)
    for minute in range(5):  # the rundown is on item 5, the laporan
        rundown_ops.start_next_item(storage, event_id, clock=lambda m=minute: wib(9, m))
    closing = "Demikian notula ini dibuat untuk dipergunakan sebagaimana mestinya."
    assert _part(storage, event_id, "penutup") == closing
    docx, pdf = _render(storage, event_id, tmp_path)
    assert "Rapat ditutup" not in docx and "Rapat ditutup" not in pdf
    for minute in range(5, 13):  # ... to the closing item, which goes on
        rundown_ops.start_next_item(storage, event_id, clock=lambda m=minute: wib(10, m))
    assert _part(storage, event_id, "penutup") == closing
    rundown_ops.finish_running_item(storage, event_id, clock=lambda: wib(12, 25))
    assert _part(storage, event_id, "penutup") == f"Rapat ditutup pukul 12.25 WIB.\n{closing}"


def test_the_moderator_leads_the_discussion(
    storage: Storage, demo: DemoRecord, tmp_path: Path
) -> None:
    line = ("Tanya jawab dipandu oleh Drs. H. Nasrul Rahman, M.Si. (Staf Ahli Wali Kota Bidang "
            "Pemerintahan, Hukum dan Politik), pukul 11.00 s.d. 12.00 WIB.")
    paragraphs = [b.text for b in build_minutes(storage, demo.event_id).blocks()
                  if isinstance(b, Paragraph)]
    assert paragraphs[paragraphs.index("Tanya Jawab") + 1] == line
    assert paragraphs[paragraphs.index("Tanya Jawab") + 2] == "Termin I"
    docx, pdf = _render(storage, demo.event_id, tmp_path)
    assert squeeze(line) in squeeze(docx) and squeeze(line) in squeeze(pdf)
