"""Benchmark: the notulen and the daftar hadir of a large rakor, against a plain baseline.

The event: 1,000 attendees (500 with signature images), 12 rundown items, 30
speakers, 60 questions. Measured, in the same run and alternating:

* **app**: ``build_minutes`` + DOCX + PDF and ``build_attendance_list`` + DOCX + PDF
  (the notulen carries the daftar hadir as its Lampiran, so the table is written
  twice per format), through the document model and both renderers;
* **baseline**: a script writing the same tables and paragraphs directly with
  python-docx (``add_table``/``add_row``/``cell.text``/``add_picture``) and
  reportlab (``Paragraph``/``Table``/``Image``), from the same queries.

Target: app ≤ 1.3 × baseline (ratio of the medians). Run::

    .venv/bin/python benchmarks/documents.py            # 3 rounds after a warm-up
    .venv/bin/python benchmarks/documents.py --rounds 5 --json
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rakor_desktop.clock import to_iso
from rakor_desktop.demo import (
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    MALE_LAST_NAMES,
    PANGKAT,
)
from rakor_desktop.formatting import format_name, format_nip
from rakor_desktop.models import (
    AttendanceEntry,
    AttendanceKind,
    Event,
    Invitee,
    OfficialRole,
    Person,
    Role,
    RundownItem,
    RundownKind,
)
from rakor_desktop.storage import Storage

ATTENDEES = 1000
SIGNED = 500
SPEAKERS = 30
QUESTIONS = 60
_DAY = datetime(2023, 12, 14, 2, 0, tzinfo=UTC)  # 09.00 WIB
_GROUPS = ("Forkopimda", "KPU", "Bawaslu", "OPD", "Camat", "Lurah", "Parpol", "Panitia")


def _signature(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(10 + i * 23, rng.randint(20, 100)) for i in range(13)]
    draw.line(points, fill=(20, 20, 120, 255), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def make_event(storage: Storage, seed: int = 5) -> int:
    """The large rakor, written in one transaction through the storage layer."""
    rng = random.Random(seed)
    with storage.transaction():
        event_id = storage.insert_event(
            Event(
                title="Rapat Koordinasi Kesiapan Pengamanan Pemilihan Umum Tahun 2024",
                date=date(2023, 12, 14), start_time=time_of_day(9, 0),
                call_time=time_of_day(8, 30), venue="Aula Griya Mayang",
                organizer_government="PEMERINTAH KOTA JAMBI",
                organizer_unit="BADAN KESATUAN BANGSA DAN POLITIK",
                organizer_address="Jalan Jenderal Basuki Rahmat Nomor 1, Jambi\nTelepon (0741) 1",
            ),
            now=_DAY,
        )
        invitee_ids = []
        for n in range(ATTENDEES):
            first = rng.choice(MALE_FIRST_NAMES + FEMALE_FIRST_NAMES)
            golongan = rng.choice(("III/a", "III/b", "III/c", "III/d", "IV/a"))
            person = Person(
                name=f"{first} {rng.choice(MALE_LAST_NAMES)} {n}", back_titles="S.Sos.",
                nip=f"19{rng.randint(60, 99)}0{rng.randint(1, 9)}1{rng.randint(0, 2)}"
                    f"20{rng.randint(10, 20)}0{rng.randint(1, 9)}1{rng.randint(1, 999):03d}",
                pangkat=PANGKAT[golongan], golongan=golongan,
                jabatan="Kepala Seksi Pemerintahan", instansi=f"Kelurahan Nomor {n % 62}",
                group_name=_GROUPS[n * len(_GROUPS) // ATTENDEES], phone="0812-3456-7890",
            )
            person.id = storage.insert_person(person, now=_DAY)
            invitee = Invitee(
                event_id=event_id, person=person, role=Role.PESERTA, checkin_code=f"B{n:07d}",
                jabatan=person.jabatan, instansi=person.instansi, group_name=person.group_name,
                position=n + 1,
            )
            invitee_ids.append(storage.insert_invitee(invitee, now=_DAY))
        storage.set_official(event_id, OfficialRole.KETUA, 1)
        storage.set_official(event_id, OfficialRole.PENCATAT, 2)
        for n, invitee_id in enumerate(invitee_ids):
            at = _DAY - timedelta(minutes=60) + timedelta(seconds=3 * n)
            uid = str(uuid.uuid4())
            storage.append_attendance(
                AttendanceEntry(uid=uid, event_id=event_id, invitee_id=invitee_id,
                                kind=AttendanceKind.CHECKIN, recorded_at=at, station="meja-1",
                                on_behalf_name="Wakil Delegasi" if n % 50 == 7 else ""),
                received_at=at,
            )
            if n % 2 == 0:
                storage.append_attendance(
                    AttendanceEntry(uid=str(uuid.uuid4()), event_id=event_id,
                                    invitee_id=invitee_id, kind=AttendanceKind.SIGNATURE,
                                    recorded_at=at, station="meja-1", target_uid=uid,
                                    signature_png=_signature(rng)),
                    received_at=at,
                )
        kinds = [RundownKind.REGISTRASI, RundownKind.PEMBUKAAN, RundownKind.DOA,
                 RundownKind.LAPORAN, RundownKind.SAMBUTAN, *[RundownKind.PAPARAN] * 4,
                 RundownKind.DISKUSI, RundownKind.KESIMPULAN, RundownKind.PENUTUP]
        clock = _DAY
        item_ids = []
        for position, kind in enumerate(kinds, start=1):
            end = clock + timedelta(minutes=12)
            item_ids.append(storage.insert_rundown_item(RundownItem(
                event_id=event_id, title=f"Mata acara {position} ({kind.value})", kind=kind,
                position=position, actual_start=clock, actual_end=end,
                notes="Catatan pokok pertama.\n- Butir kedua dari notulis.\n- Butir ketiga.",
            )))
            clock = end
        for n in range(SPEAKERS):
            storage._write(
                "INSERT INTO speakers (uid, event_id, rundown_item_id, position, name, instansi,"
                " state, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, 'finished', ?, ?)",
                (str(uuid.uuid4()), event_id, item_ids[3 + n % 6], n, f"Pembicara {n}",
                 "KPU Kota Jambi", to_iso(_DAY), to_iso(_DAY + timedelta(minutes=5))),
            )
        termins = []
        for number in (1, 2, 3):
            cursor = storage._write("INSERT INTO termins (uid, event_id, number) VALUES (?, ?, ?)",
                                    (str(uuid.uuid4()), event_id, number))
            termins.append(int(cursor.lastrowid or 0))
        for n in range(QUESTIONS):
            storage._write(
                "INSERT INTO questions (uid, event_id, termin_id, position, asker_name, "
                "asker_instansi, question, status, answer, answered_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 'dijawab', ?, ?, ?)",
                (str(uuid.uuid4()), event_id, termins[n % 3], n, f"Penanya {n}", "Bawaslu",
                 f"Pertanyaan nomor {n} tentang kesiapan logistik & pengamanan <TPS>?",
                 f"Jawaban nomor {n}: logistik siap dan pengamanan dilaksanakan bersama.",
                 "Ketua KPU Kota Jambi", to_iso(_DAY)),
            )
        for n in range(5):
            storage._write("INSERT INTO conclusions (uid, event_id, position, body) "
                           "VALUES (?, ?, ?, ?)",
                           (str(uuid.uuid4()), event_id, n, f"Kesimpulan nomor {n}."))
            storage._write("INSERT INTO follow_ups (uid, event_id, position, what, who, due) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (str(uuid.uuid4()), event_id, n, f"Tindak lanjut {n}", "Kesbangpol",
                            "31 Desember 2023"))
    return event_id


# -- the app ------------------------------------------------------------------------------


def run_app(storage: Storage, event_id: int, folder: Path) -> None:
    from rakor_desktop.exports.documents.build import build_attendance_list, build_minutes
    from rakor_desktop.exports.documents.docx_render import render_docx
    from rakor_desktop.exports.documents.pdf_render import render_pdf

    minutes = build_minutes(storage, event_id)
    render_docx(minutes, folder / "app-notulen.docx")
    render_pdf(minutes, folder / "app-notulen.pdf")
    attendance = build_attendance_list(storage, event_id)
    render_docx(attendance, folder / "app-hadir.docx")
    render_pdf(attendance, folder / "app-hadir.pdf")


# -- the baseline: the same content written directly -------------------------------------


def _baseline_data(storage: Storage, event_id: int) -> dict[str, Any]:
    return {
        "event": storage.get_event(event_id),
        "rundown": storage.list_rundown_items(event_id),
        "speakers": storage.document_speakers(event_id),
        "questions": storage.document_questions(event_id),
        "conclusions": storage.document_conclusions(event_id),
        "follow_ups": storage.document_follow_ups(event_id),
        "attendees": storage.document_attendees(event_id, include_absent=False),
        "signatures": storage.document_signatures(event_id),
        "officials": storage.document_officials(event_id),
    }


def _baseline_paragraphs(data: dict[str, Any]) -> list[str]:
    lines = ["NOTULA"]
    event = data["event"]
    lines += [f"Sidang/Rapat : {event.title}", "Hari/Tanggal : Kamis, 14 Desember 2023",
              "Waktu Panggilan : pukul 08.30 WIB", "Waktu Sidang/Rapat : pukul 09.00 WIB",
              f"Tempat : {event.venue}"]
    lines += [f"{n}. {item.title}" for n, item in enumerate(data["rundown"], start=1)]
    for item in data["rundown"]:
        lines.append(f"{item.title}, pukul 09.00 s.d. 09.12 WIB.")
        lines += item.notes.splitlines()
    lines += [f"{s['name']} ({s['instansi']}) menyampaikan paparan." for s in data["speakers"]]
    for q in data["questions"]:
        lines.append(f"Sdr. {q['asker_name']} ({q['asker_instansi']}) menanyakan: {q['question']}")
        lines.append(f"Tanggapan {q['answered_by']}: {q['answer']}")
    lines += [c["body"] for c in data["conclusions"]]
    return lines


def _rows(data: dict[str, Any]) -> list[tuple[list[str], bytes | None]]:
    rows = []
    for n, a in enumerate(data["attendees"], start=1):
        name = format_name(a["name"], a["front_titles"], a["back_titles"])
        if a["on_behalf_name"]:
            name = f"{a['on_behalf_name']} mewakili {name}"
        rows.append(([f"{n}.", name, format_nip(a["nip"]), a["jabatan"], a["instansi"],
                      a["phone"]], data["signatures"].get(a["invitee_id"])))
    return rows


def _baseline_docx(data: dict[str, Any], path: Path, *, with_text: bool) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("Halaman ")
    for instruction in ("PAGE", "NUMPAGES"):
        run = footer.add_run()
        for kind in ("begin", "end"):
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "end":
                text = OxmlElement("w:instrText")
                text.text = instruction
                run._r.append(text)
            run._r.append(element)
    document.add_paragraph("PEMERINTAH KOTA JAMBI")
    document.add_paragraph("BADAN KESATUAN BANGSA DAN POLITIK")
    if with_text:
        for line in _baseline_paragraphs(data):
            document.add_paragraph(line)
        follow = document.add_table(rows=1, cols=4)
        for n, f in enumerate(data["follow_ups"], start=1):
            cells = follow.add_row().cells
            for cell, value in zip(cells, (str(n), f["what"], f["who"], f["due"]), strict=True):
                cell.text = value
        signatures = document.add_table(rows=1, cols=2)
        signatures.rows[0].cells[0].text = "Pimpinan Sidang/Rapat\n\n\n\nNama\nNIP."
        signatures.rows[0].cells[1].text = "Pencatat\n\n\n\nNama\nNIP."
        document.add_section()
    document.add_paragraph("DAFTAR HADIR")
    table = document.add_table(rows=1, cols=8)
    table.style = "Table Grid"
    header = table.rows[0]
    for cell, title in zip(header.cells, ("No", "Nama", "NIP", "Jabatan", "Instansi",
                                          "No. HP", "Tanda Tangan", ""), strict=True):
        cell.text = title
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for values, png in _rows(data):
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        cells = row.cells
        for cell, value in zip(cells, values, strict=False):
            cell.text = value
        half = cells[6] if values[0][:-1].isdigit() and int(values[0][:-1]) % 2 else cells[7]
        paragraph = half.paragraphs[0]
        paragraph.add_run(values[0])
        if png is not None:
            paragraph.add_run().add_picture(io.BytesIO(png), height=Cm(0.9))
    document.add_paragraph("Mengetahui,")
    document.save(str(path))


def _baseline_pdf(data: dict[str, Any], path: Path, *, with_text: bool) -> None:
    from reportlab.lib.pagesizes import landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Table

    from rakor_desktop.fonts import register_pdf_fonts

    fonts = register_pdf_fonts()
    style = ParagraphStyle("body", fontName=fonts.regular, fontSize=11, leading=12.65)
    small = ParagraphStyle("small", fontName=fonts.regular, fontSize=9, leading=10.35)

    class Numbered(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self.pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for n, state in enumerate(self.pages, start=1):
                self.__dict__.update(state)
                self.setFont(fonts.regular, 9)
                self.drawCentredString(300, 28, f"Halaman {n} dari {len(self.pages)}")
                Canvas.showPage(self)
            Canvas.save(self)

    story: list[Any] = [Paragraph("PEMERINTAH KOTA JAMBI", style),
                        Paragraph("BADAN KESATUAN BANGSA DAN POLITIK", style)]
    if with_text:
        story += [Paragraph(escape(line), style) for line in _baseline_paragraphs(data)]
        story.append(Table([[Paragraph(escape(v), small) for v in (str(n), f["what"], f["who"],
                                                                     f["due"])]
                            for n, f in enumerate(data["follow_ups"], start=1)]))
        story.append(Table([[Paragraph("Pimpinan Sidang/Rapat", style),
                             Paragraph("Pencatat", style)]]))
        story.append(PageBreak())
    story.append(Paragraph("DAFTAR HADIR", style))
    rows: list[list[Any]] = [[Paragraph(t, small) for t in ("No", "Nama", "NIP", "Jabatan",
                                                             "Instansi", "No. HP",
                                                             "Tanda Tangan")] + [""]]
    for values, png in _rows(data):
        cells: list[Any] = [Paragraph(escape(v), small) for v in values]
        mark: list[Any] = [Paragraph(values[0], small)]
        if png is not None:
            mark.append(Image(io.BytesIO(png), width=2.2 * cm, height=0.88 * cm))
        odd = int(values[0][:-1]) % 2
        cells += [mark, ""] if odd else ["", mark]
        rows.append(cells)
    story.append(Table(rows, repeatRows=1, colWidths=[0.9 * cm, 5 * cm, 3.6 * cm, 4.8 * cm,
                                                        4.8 * cm, 2.8 * cm, 2.7 * cm, 2.7 * cm],
                       style=[("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    story.append(Paragraph("Mengetahui,", style))
    doc = SimpleDocTemplate(str(path), pagesize=landscape((21.5 * cm, 33 * cm)))
    doc.build(story, canvasmaker=Numbered)


def run_baseline(storage: Storage, event_id: int, folder: Path) -> None:
    from reportlab import rl_config

    data = _baseline_data(storage, event_id)
    _baseline_docx(data, folder / "base-notulen.docx", with_text=True)
    _baseline_docx(data, folder / "base-hadir.docx", with_text=False)
    a85, rl_config.useA85 = rl_config.useA85, 0  # the same stream encoding as the app's
    try:
        _baseline_pdf(data, folder / "base-notulen.pdf", with_text=True)
        _baseline_pdf(data, folder / "base-hadir.pdf", with_text=False)
    finally:
        rl_config.useA85 = a85


# -- measuring ---------------------------------------------------------------------------


def _time(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds (after a warm-up)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rakor-documents-") as raw:
        folder = Path(raw)
        os.environ["RAKOR_HOME"] = str(folder / "home")
        storage = Storage.open(folder / "bench.sqlite3", backup=False)
        start = time.perf_counter()
        event_id = make_event(storage)
        made = time.perf_counter() - start
        run_app(storage, event_id, folder)  # warm-up: imports, font registration
        run_baseline(storage, event_id, folder)
        app: list[float] = []
        base: list[float] = []
        for round_number in range(args.rounds):
            order = [("app", run_app), ("base", run_baseline)]
            if round_number % 2:
                order.reverse()
            for name, run in order:
                elapsed = _time(lambda run=run: run(storage, event_id, folder))  # type: ignore[misc]
                (app if name == "app" else base).append(elapsed)
        sizes = {p.name: p.stat().st_size for p in sorted(folder.glob("*.*")) if p.suffix in
                 (".docx", ".pdf")}
        storage.close()
    app_median, base_median = statistics.median(app), statistics.median(base)
    result = {
        "attendees": ATTENDEES, "signed": SIGNED, "speakers": SPEAKERS, "questions": QUESTIONS,
        "rounds": args.rounds, "fixture_seconds": round(made, 2),
        "app_seconds": [round(x, 3) for x in app], "baseline_seconds": [round(x, 3) for x in base],
        "app_median": round(app_median, 3), "baseline_median": round(base_median, 3),
        "ratio": round(app_median / base_median, 2), "target": 1.3, "file_bytes": sizes,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"fixture: {made:.1f} s; rounds: {args.rounds}")
        print(f"app      median {app_median:.2f} s  ({', '.join(f'{x:.2f}' for x in app)})")
        print(f"baseline median {base_median:.2f} s  ({', '.join(f'{x:.2f}' for x in base)})")
        print(f"ratio {app_median / base_median:.2f}x (target <= 1.3x)")
        print(f"| {date.today()} | {ATTENDEES} | {SIGNED} | {args.rounds} | "
              f"{base_median:.2f} s | {app_median:.2f} s | {app_median / base_median:.2f}x |")
    return 0 if app_median <= 1.3 * base_median else 1


if __name__ == "__main__":
    raise SystemExit(main())
