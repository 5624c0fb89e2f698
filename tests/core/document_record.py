"""Helpers for the document tests: a demo rakor with a realistic live record.

Check-ins go through ``operations.checkin_invitee`` (with ``on_behalf_name`` for
delegates) and the rundown through the rundown operations; speakers, termins,
questions, follow-ups, conclusions, signatures and photos, whose operations are
written in other areas, are written with ``storage._write`` here.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from rakor_desktop.clock import to_iso
from rakor_desktop.demo import create_demo_event
from rakor_desktop.models import Invitee, RundownKind
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations.rundown import update_rundown_item
from rakor_desktop.storage import Storage

DESK = checkin_ops.Desk(station="meja-1", operator="Petugas")
MEETING_DAY = datetime(2023, 12, 14, tzinfo=UTC)


def wib(hour: int, minute: int) -> datetime:
    """A moment on the meeting day given in WIB (UTC+7)."""
    return MEETING_DAY + timedelta(hours=hour - 7, minutes=minute)


def signature_png(seed: int, size: tuple[int, int] = (300, 120)) -> bytes:
    """A small scribble as a PNG with transparency (like the signature pad gives)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    width, height = size
    points = [
        (int(10 + i * (width - 20) / 12), int(height / 2 + ((seed * 7 + i * 13) % 40) - 20))
        for i in range(13)
    ]
    draw.line(points, fill=(20, 20, 120, 255), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def photo_jpeg(size: tuple[int, int] = (800, 600), color: str = "#7a9") -> bytes:
    """A plain JPEG photo of the given size."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, color)
    ImageDraw.Draw(image).ellipse((50, 50, size[0] - 50, size[1] - 50), outline="white", width=8)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


@dataclass
class Question:
    termin: int
    asker: str
    instansi: str
    question: str
    answered_by: str = ""
    answer: str = ""
    status: str = "dijawab"
    addressed_to: str = ""


@dataclass
class DemoRecord:
    """What was recorded, to compare the documents against."""

    event_id: int
    invitees: list[Invitee]
    present: list[Invitee] = field(default_factory=list)
    delegates: dict[int, str] = field(default_factory=dict)  # invitee id: delegate name
    signed: set[int] = field(default_factory=set)
    questions: list[Question] = field(default_factory=list)


def check_in(
    storage: Storage, invitee: Invitee, at: datetime, *, delegate: str = "",
    delegate_jabatan: str = "", signature: bytes | None = None,
) -> str:
    """Check someone in (optionally a delegate) and store a signature for the check-in."""
    assert invitee.id is not None
    result = checkin_ops.checkin_invitee(
        storage, invitee.id, DESK, on_behalf_name=delegate, on_behalf_jabatan=delegate_jabatan,
        clock=lambda: at,
    )
    if signature is not None:
        add_signature(storage, invitee, result.entry_uid, signature, at + timedelta(seconds=20))
    return result.entry_uid


def add_signature(
    storage: Storage, invitee: Invitee, checkin_uid: str, png: bytes, at: datetime
) -> None:
    """Append a signature entry for a check-in (what the check-in desk records)."""
    with storage.transaction():
        storage._write(
            "INSERT INTO attendance_log (uid, event_id, invitee_id, kind, target_uid, recorded_at,"
            " station, signature_png, received_at) VALUES (?, ?, ?, 'signature', ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), invitee.event_id, invitee.id, checkin_uid, to_iso(at), "meja-1",
             png, to_iso(at)),
        )


def add_speaker(
    storage: Storage, event_id: int, item_id: int, name: str, instansi: str,
    start: datetime | None, end: datetime | None, position: int = 1,
) -> None:
    with storage.transaction():
        storage._write(
            "INSERT INTO speakers (uid, event_id, rundown_item_id, position, name, instansi, "
            "state, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, 'finished', ?, ?)",
            (str(uuid.uuid4()), event_id, item_id, position, name, instansi,
             None if start is None else to_iso(start), None if end is None else to_iso(end)),
        )


def add_questions(storage: Storage, event_id: int, questions: Iterable[Question]) -> None:
    with storage.transaction():
        termin_ids: dict[int, int] = {}
        for position, q in enumerate(questions, start=1):
            if q.termin not in termin_ids:
                cursor = storage._write(
                    "INSERT INTO termins (uid, event_id, number) VALUES (?, ?, ?)",
                    (str(uuid.uuid4()), event_id, q.termin),
                )
                termin_ids[q.termin] = int(cursor.lastrowid or 0)
            storage._write(
                "INSERT INTO questions (uid, event_id, termin_id, position, asker_name, "
                "asker_instansi, question, addressed_to, status, answer, answered_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), event_id, termin_ids[q.termin], position, q.asker, q.instansi,
                 q.question, q.addressed_to, q.status, q.answer, q.answered_by,
                 to_iso(wib(11, 0))),
            )


def add_follow_up(storage: Storage, event_id: int, what: str, who: str, due: str) -> None:
    with storage.transaction():
        storage._write(
            "INSERT INTO follow_ups (uid, event_id, position, what, who, due) "
            "VALUES (?, ?, (SELECT COUNT(*) + 1 FROM follow_ups WHERE event_id = ?), ?, ?, ?)",
            (str(uuid.uuid4()), event_id, event_id, what, who, due),
        )


def add_conclusion(storage: Storage, event_id: int, body: str, kind: str = "kesimpulan") -> None:
    with storage.transaction():
        storage._write(
            "INSERT INTO conclusions (uid, event_id, position, kind, body) "
            "VALUES (?, ?, (SELECT COUNT(*) + 1 FROM conclusions WHERE event_id = ?), ?, ?)",
            (str(uuid.uuid4()), event_id, event_id, kind, body),
        )


def add_photo(storage: Storage, event_id: int, data: bytes, caption: str) -> None:
    with storage.transaction():
        storage.insert_photo(event_id, uid=str(uuid.uuid4()), data=data, filename="foto.jpg",
                             caption=caption, mime="image/jpeg")


QUESTIONS = [
    Question(1, "Hendra Saputra", "Bawaslu Kota Jambi",
             "Bagaimana kesiapan logistik di TPS rawan banjir?", "Ketua KPU Kota Jambi",
             "Logistik untuk TPS rawan banjir disimpan di gudang kelurahan yang lebih tinggi."),
    Question(1, "Siti Rahmawati", "Kecamatan Pasar Jambi",
             "Apakah ada pengamanan tambahan pada malam hari?", "Kapolresta Jambi",
             "Patroli gabungan TNI-Polri dilaksanakan setiap malam sampai hari pemungutan suara."),
    Question(2, "Ahmad Yusuf", "DPC Partai Demokrat Kota Jambi",
             "Kapan daftar pemilih tetap final diumumkan?", "Ketua KPU Kota Jambi",
             "DPT final diumumkan di setiap kelurahan paling lambat H-30."),
]


def make_demo_record(storage: Storage, *, photos: int = 2) -> DemoRecord:
    """The demo rakor with arrivals, delegates, signatures, a timed rundown and a discussion."""
    event_id = create_demo_event(storage, clock=lambda: wib(7, 0))
    invitees = storage.list_invitees(event_id)
    record = DemoRecord(event_id=event_id, invitees=invitees)
    for index, invitee in enumerate(invitees[:40]):
        delegate = ""
        if index in (1, 7):
            delegate = f"Delegasi Nomor {index}"
            record.delegates[invitee.id or 0] = delegate
        png = signature_png(index) if index % 3 == 0 else None
        check_in(storage, invitee, wib(8, 30) + timedelta(minutes=index % 30), delegate=delegate,
                 delegate_jabatan="Kepala Bidang" if delegate else "", signature=png)
        if png is not None:
            record.signed.add(invitee.id or 0)
        record.present.append(invitee)

    items = storage.list_rundown_items(event_id)
    clock = wib(9, 0)
    for item in items[1:]:
        start, end = clock, clock + timedelta(minutes=max(item.planned_minutes, 5))
        changes: dict[str, object] = {"actual_start": start, "actual_end": end}
        if item.kind == RundownKind.LAPORAN:
            changes["notes"] = "Rakor diikuti 150 undangan.\nTujuan: menyamakan langkah pengamanan."
        if item.kind == RundownKind.SAMBUTAN:
            changes["notes"] = "Pj. Wali Kota menekankan netralitas ASN."
        if item.kind == RundownKind.PAPARAN:
            changes["notes"] = f"- Pokok paparan {item.title}\n- Kesiapan personel 100 persen"
        update_rundown_item(storage, item.id or 0, changes)
        if item.kind == RundownKind.PAPARAN:
            add_speaker(storage, event_id, item.id or 0, f"Narasumber {item.position}",
                        item.title.rsplit(": ", 1)[-1], start, end)
        clock = end
    add_questions(storage, event_id, QUESTIONS)
    record.questions = list(QUESTIONS)
    add_conclusion(storage, event_id, "Seluruh pihak siap mengamankan Pemilu 2024.")
    add_conclusion(storage, event_id, "Posko terpadu dibentuk di setiap kecamatan.")
    add_follow_up(storage, event_id, "Membentuk posko terpadu", "Kesbangpol", "31 Desember 2023")
    for number in range(photos):
        add_photo(storage, event_id, photo_jpeg(), f"Foto kegiatan {number + 1}")
    return record


# -- reading the documents back ------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_paragraphs(path: object) -> list[str]:
    """The text of every paragraph of a DOCX body in document order (table cells included)."""
    import docx

    document = docx.Document(str(path))
    texts = []
    for p in document.element.body.iter(f"{W}p"):
        pieces = []
        for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
            if node.tag == f"{W}t":
                pieces.append(node.text or "")
            elif node.tag == f"{W}tab":
                pieces.append(" ")
            else:
                pieces.append("\n")
        texts.append("".join(pieces))
    return texts


def docx_text(path: object) -> str:
    return "\n".join(docx_paragraphs(path))


def pdf_pages(path: object) -> list[str]:
    """The text of every page of a PDF (pypdf)."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text(path: object, *, footer: bool = False) -> str:
    """The text of a PDF; without the "Halaman X dari Y" footers unless asked."""
    import re

    text = "\n".join(pdf_pages(path))
    return text if footer else re.sub(r"Halaman \d+ dari \d+", " ", text)


def words(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text)


def squeeze(text: str) -> str:
    """The text without any whitespace (line breaks differ between the formats)."""
    return "".join(text.split())


_ATTENDANCE_HEADER = (
    r"No\s+Nama\s+(?:NIP/NRP\s+)?Jabatan\s+Instansi/Unit\s+Kerja\s+No\.\s+HP\s+Tanda\s+Tangan"
)


def without_table_headers(text: str) -> str:
    """The text without the header rows of the daftar hadir (the PDF repeats them per page)."""
    import re

    return re.sub(_ATTENDANCE_HEADER, " ", text)


def same_words(docx: str, pdf: str) -> tuple[dict[str, int], dict[str, int]]:
    """The words only one of the two documents has (with their surplus counts)."""
    from collections import Counter

    a = Counter(words(without_table_headers(docx)))
    b = Counter(words(without_table_headers(pdf)))
    return dict(a - b), dict(b - a)
