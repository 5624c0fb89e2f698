"""Build the notulen and the daftar hadir of an event as :class:`~.model.Document` objects.

Everything is read from the database once (:func:`load_record`); the builders only
arrange it. The generated text parts of the notulen (the opening, each
presentation, each termin of the discussion, the conclusions, the closing) are
plain text that the notetaker may edit (:func:`minutes_parts`,
:func:`~.settings.set_text_override`); an edited part replaces the generated one.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from rakor_desktop.clock import from_iso
from rakor_desktop.formatting import (
    format_clock,
    format_date_long,
    format_date_span,
    format_name,
    format_nip_nrp,
    format_place_date,
    format_time,
    format_time_range,
    signature_block,
    split_titles,
)
from rakor_desktop.images import logo_for_document, signature_for_document
from rakor_desktop.models import Event, RundownItem, RundownKind
from rakor_desktop.operations.events import get_event
from rakor_desktop.operations.rundown import TEMPLATE_ROLES
from rakor_desktop.storage import Storage

from .model import (
    Block,
    Cell,
    Column,
    Document,
    GridImage,
    Heading,
    ImageGrid,
    KeyValueBlock,
    KeyValueRow,
    Letterhead,
    NumberedList,
    Paragraph,
    Run,
    Section,
    Signature,
    SignatureBlocks,
    SignatureCell,
    Spacer,
    Table,
    TableCell,
    cell,
    image_size_px,
    list_label,
    paragraph,
)
from .settings import DocumentOptions, load_document_options, load_text_overrides

log = logging.getLogger("rakor.documents")

NOTULEN_TITLE = "NOTULA"
ATTENDANCE_TITLE = "DAFTAR HADIR"
PHOTOS_TITLE = "DOKUMENTASI"
NO_GROUP = "Lainnya"
BLANK_NAME = "(" + "." * 40 + ")"
CLOSING_SENTENCE = "Demikian notula ini dibuat untuk dipergunakan sebagaimana mestinya."

INDENT_CM = 0.75  # one level of the Kegiatan Sidang/Rapat outline
SIGNATURE_ROW_CM = 1.4
PHOTO_MAX_PX = 1600

_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """``number`` in Roman numerals (Termin I, II, ...)."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out or "0"


# -- everything read from the database ---------------------------------------------------


@dataclass
class Record:
    """What the documents of one event are made of (read in one go)."""

    event: Event
    options: DocumentOptions
    overrides: dict[str, str]
    officials: dict[str, dict[str, Any]]
    rundown: list[RundownItem]
    speakers: dict[int, list[dict[str, Any]]]
    questions: list[dict[str, Any]]
    follow_ups: list[dict[str, Any]]
    conclusions: list[dict[str, Any]]
    attendees: list[dict[str, Any]]
    signatures: dict[int, bytes] = field(default_factory=dict)
    photos: list[dict[str, Any]] = field(default_factory=list)

    @property
    def tz(self) -> str:
        """The event's time zone."""
        return self.event.timezone


def load_record(
    storage: Storage,
    event_id: int,
    options: DocumentOptions | None = None,
    *,
    with_minutes: bool = True,
    with_attendance: bool = True,
) -> Record:
    """Read what the documents of an event need (NotFoundError for an unknown event).

    All the reads see one state of the database (one read transaction): a check-in
    or an autosave committed meanwhile by another connection is either wholly in
    the document or wholly out of it.
    """
    with storage.read_transaction():
        event = get_event(storage, event_id)
        options = options if options is not None else load_document_options(storage, event_id)
        speakers: dict[int, list[dict[str, Any]]] = {}
        if with_minutes:
            for row in storage.document_speakers(event_id):
                speakers.setdefault(row["rundown_item_id"], []).append(row)
        want_attendees = with_attendance or with_minutes
        include_absent = options.attendance_rows == "semua"
        return Record(
            event=event,
            options=options,
            overrides=load_text_overrides(storage, event_id) if with_minutes else {},
            officials=storage.document_officials(event_id),
            rundown=storage.list_rundown_items(event_id) if with_minutes else [],
            speakers=speakers,
            questions=storage.document_questions(event_id) if with_minutes else [],
            follow_ups=storage.document_follow_ups(event_id) if with_minutes else [],
            conclusions=storage.document_conclusions(event_id) if with_minutes else [],
            attendees=(
                storage.document_attendees(event_id, include_absent=include_absent)
                if want_attendees else []
            ),
            signatures=(
                _usable_signatures(storage.document_signatures(event_id))
                if with_attendance or (with_minutes and options.attach_attendance) else {}
            ),
            photos=(
                storage.document_photos(event_id)
                if with_minutes and options.attach_photos else []
            ),
        )


# -- shared pieces -----------------------------------------------------------------------


def default_place(government: str) -> str:
    """The place of the date line from the government line ("PEMERINTAH KOTA JAMBI": Jambi)."""
    match = re.match(
        r"\s*(?:PEMERINTAH\s+)?(?:KOTA|KABUPATEN|PROVINSI)\s+(.+)", government, re.IGNORECASE
    )
    if not match:
        return ""
    return " ".join(word.capitalize() for word in match.group(1).split())


def _place(record: Record) -> str:
    options = record.options
    return options.place or default_place(
        options.letterhead_government or record.event.organizer_government
    )


def letterhead(record: Record) -> Letterhead | None:
    """The kop of the event's organiser (settings first, then the event's fields)."""
    options, event = record.options, record.event
    government = options.letterhead_government or event.organizer_government
    unit = options.letterhead_unit or event.organizer_unit
    address = options.letterhead_address or event.organizer_address
    lines = tuple(" ".join(line.split()) for line in address.splitlines() if line.strip())
    logo = logo_for_document(options.logo)  # a stored logo that cannot be shown is left out
    kop = Letterhead(
        government=government.upper(),
        unit=unit.upper(),
        address_lines=lines,
        logo=logo,
        logo_size_px=image_size_px(logo) if logo else None,
    )
    return None if kop.is_empty else kop


def _event_time(event: Event) -> str:
    return format_time_range(event.start_time, event.end_time, event.timezone, pukul=True)


def _signer(
    official: dict[str, Any] | None, role_line: str, above: Sequence[str] = ()
) -> Signature:
    """A signature block for an official (Pj./Plt./Plh. rule of formatting.signature_block)."""
    if official is None:
        return Signature(above=(*above,), jabatan=f"{role_line},", name=BLANK_NAME)
    lines = signature_block(
        jabatan=official["jabatan"],
        name=official["name"],
        front_titles=official["front_titles"],
        back_titles=official["back_titles"],
        pangkat=official["pangkat"],
        golongan=official["golongan"],
        nip=official["nip"],
    )
    if lines.jabatan:
        return Signature(
            above=(*above, role_line), jabatan=f"{lines.jabatan},", name=lines.name,
            rank_line=lines.rank_line, nip_line=lines.nip_line,
        )
    return Signature(
        above=(*above,), jabatan=f"{role_line},", name=lines.name, rank_line=lines.rank_line,
        nip_line=lines.nip_line,
    )


def _official_name(official: dict[str, Any] | None) -> str:
    if official is None:
        return "-"
    return signature_block(
        jabatan=official["jabatan"], name=official["name"],
        front_titles=official["front_titles"], back_titles=official["back_titles"],
    ).name


def _pad_above(blocks: list[Signature]) -> tuple[Signature, ...]:
    """Give every block as many lines above as the longest, so their names line up."""
    height = max((len(b.above) for b in blocks), default=0)
    return tuple(
        Signature(
            above=("",) * (height - len(b.above)) + b.above, jabatan=b.jabatan, name=b.name,
            rank_line=b.rank_line, nip_line=b.nip_line, space_cm=b.space_cm,
        )
        for b in blocks
    )


def _value(text: str, **layout: Any) -> tuple[Paragraph, ...]:
    return (paragraph(text or "-", **layout),)


# -- editable text -------------------------------------------------------------------------

_NUMBERED = re.compile(r"(\d{1,3}|[a-z])\.\s+(.*)")
_BULLET = re.compile(r"[-\u2022*\u2013]\s+(.*)")


def text_to_paragraphs(text: str, indent_cm: float) -> list[Paragraph]:
    """Paragraphs from an editable text part.

    Each line is a paragraph; "1. ..." and "a. ..." start numbered items, "- ..."
    a bullet; an indented line continues the item above it (indented like its text).
    """
    out: list[Paragraph] = []
    in_item = False
    for raw in text.replace("\r\n", "\n").split("\n"):
        if not raw.strip():
            continue
        indented = raw[:1] in (" ", "\t")
        line = raw.strip()
        if indented and in_item:
            out.append(paragraph(line, indent_cm=indent_cm + INDENT_CM, space_after_pt=2))
            continue
        numbered = _NUMBERED.fullmatch(line)
        bullet = None if numbered else _BULLET.fullmatch(line)
        if numbered:
            out.append(paragraph(numbered.group(2), label=f"{numbered.group(1)}.",
                                 indent_cm=indent_cm + INDENT_CM, space_after_pt=2))
            in_item = True
        elif bullet:
            out.append(paragraph(bullet.group(1), label="-", indent_cm=indent_cm + INDENT_CM,
                                 space_after_pt=2))
            in_item = True
        else:
            out.append(paragraph(line, indent_cm=indent_cm, space_after_pt=2, align="justify"))
            in_item = False
    return out


def _indented(text: str, prefix: str = "   ") -> str:
    """Continuation lines of a multi-line entry, indented so they stay in their item."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    return "\n".join(prefix + line for line in lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def _moment(value: datetime | str | None) -> datetime | None:
    if isinstance(value, str):
        return from_iso(value)
    return value


def _times(start: datetime | str | None, end: datetime | str | None, tz: str) -> str:
    """"pukul 09.40 s.d. 10.05 WIB" from recorded moments ("" when none)."""
    begin, finish = _moment(start), _moment(end)
    if begin is None:
        return ""
    if finish is None:
        return f"pukul {format_clock(begin, tz)} {tz}"
    return f"pukul {format_clock(begin, tz)} s.d. {format_clock(finish, tz)} {tz}"


@dataclass(frozen=True)
class EditablePart:
    """A generated text part of the notulen that the notetaker may edit.

    Attributes:
        key: Where an edit is stored (see :func:`~.settings.set_text_override`).
        title: What the part is, for the editor ("Kata Pembukaan", "Termin I").
        generated: The text made from the live record.
        edited: The notetaker's text, or None when the part was never edited.
    """

    key: str
    title: str
    generated: str
    edited: str | None = None

    @property
    def text(self) -> str:
        """What the notulen prints: the edit, else the generated text."""
        return self.edited if self.edited is not None else self.generated


def _opening_text(record: Record) -> str:
    items = [i for i in record.rundown if i.kind in (RundownKind.LAPORAN, RundownKind.SAMBUTAN)]
    lines: list[str] = []
    started = next(
        (i.actual_start for i in record.rundown
         if i.actual_start is not None and i.kind != RundownKind.REGISTRASI),
        None,
    )
    if started is not None:
        lines.append(f"Rapat dibuka pukul {format_clock(started, record.tz)} {record.tz}.")
    for number, item in enumerate(items, start=1):
        speakers = record.speakers.get(item.id or 0, [])
        who = "; ".join(_speaker_name(s) for s in speakers) or item.responsible_text
        head = _one_line(item.title)
        if who and who.casefold() not in head.casefold():
            head += f", disampaikan oleh {_one_line(who)}"
        when = _times(item.actual_start, item.actual_end, record.tz)
        if when:
            head += f", {when}"
        lines.append(f"{_label('a', number)} {head}.")
        if item.notes.strip():
            lines.append(_indented(item.notes))
    if not lines:
        lines.append("-")
    return "\n".join(lines)


def _label(style: str, number: int) -> str:
    return list_label(style, number)


def _speaker_name(speaker: dict[str, Any]) -> str:
    name = _one_line(speaker["name"])
    where = _one_line(speaker["instansi"] or speaker.get("jabatan") or "")
    return f"{name} ({where})" if where and where.casefold() not in name.casefold() else name


def _named_person(record: Record, responsible: str) -> str:
    """Who an item's "responsible" text names as its speaker ("" for a role of the
    typical rundown such as "Moderator", or the moderator, who leads but does not speak)."""
    who = _one_line(responsible)
    if not who or who.casefold() in {role.casefold() for role in TEMPLATE_ROLES}:
        return ""
    moderator = record.officials.get("moderator")
    if moderator is not None:
        known = {_official_name(moderator), _one_line(moderator["name"]),
                 _one_line(moderator["jabatan"] or "")}
        if who.casefold() in {k.casefold() for k in known if k}:
            return ""
    return who


def _moderator_line(record: Record) -> str:
    """"Tanya jawab dipandu oleh <moderator> (<jabatan>), pukul ... ." ("" when nobody is
    named: the event's moderator, else a person named on the discussion item)."""
    moderator = record.officials.get("moderator")
    discussion = next((i for i in record.rundown if i.kind == RundownKind.DISKUSI), None)
    if moderator is not None:
        who = _official_name(moderator)
        where = _one_line(moderator["jabatan"] or moderator["instansi"] or "")
        if where and where.casefold() not in who.casefold():
            who += f" ({where})"
    elif discussion is not None:
        who = _named_person(record, discussion.responsible_text)
    else:
        who = ""
    if not who:
        return ""
    line = f"Tanya jawab dipandu oleh {who}"
    if discussion is not None:
        when = _times(discussion.actual_start, discussion.actual_end, record.tz)
        if when:
            line += f", {when}"
    return line + "."


def _presentation_text(record: Record, item: RundownItem) -> str:
    lines: list[str] = []
    speakers = record.speakers.get(item.id or 0, [])
    if speakers:
        for speaker in speakers:
            when = _times(speaker["started_at"], speaker["ended_at"], record.tz)
            if not when and len(speakers) == 1:
                when = _times(item.actual_start, item.actual_end, record.tz)
            line = f"{_speaker_name(speaker)} menyampaikan paparan"
            lines.append(f"{line} {when}." if when else f"{line}.")
    else:
        who = _named_person(record, item.responsible_text)
        when = _times(item.actual_start, item.actual_end, record.tz)
        if who:
            lines.append(f"Narasumber: {who}, {when}." if when else f"Narasumber: {who}.")
        else:
            lines.append(f"Paparan disampaikan {when}." if when else "Paparan disampaikan.")
    if item.notes.strip():
        lines.append("Pokok-pokok paparan:")
        lines.extend(_lines(item.notes))
    return "\n".join(lines)


def _termin_text(record: Record, questions: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    for number, q in enumerate(questions, start=1):
        asker = _one_line(q["asker_name"])
        who = f"Sdr. {asker}" if asker else "Peserta"
        if q["asker_instansi"].strip():
            who += f" ({_one_line(q['asker_instansi'])})"
        to = f" kepada {_one_line(q['addressed_to'])}" if q["addressed_to"].strip() else ""
        question = q["question"].strip()
        first, _, rest = question.partition("\n")
        lines.append(f"{number}. {who} menanyakan{to}: {first.strip() or '-'}")
        if rest.strip():
            lines.append(_indented(rest))
        answer = q["answer"].strip()
        by = _one_line(q["answered_by"])
        if answer:
            head = f"Tanggapan {by}" if by else "Tanggapan"
            first, _, rest = answer.partition("\n")
            lines.append(f"   {head}: {first.strip()}")
            if rest.strip():
                lines.append(_indented(rest))
        elif q["status"] == "ditunda":
            lines.append("   Tanggapan: ditunda.")
        elif by:
            lines.append(f"   Ditanggapi oleh {by}.")
    return "\n".join(lines) or "-"


def _conclusions_text(record: Record) -> str:
    rows = [c for c in record.conclusions if c["body"].strip()]
    if not rows:
        notes = [i.notes for i in record.rundown if i.kind == RundownKind.KESIMPULAN and i.notes]
        return "\n".join(_lines("\n".join(notes))) or "-"
    kinds = list(dict.fromkeys(c["kind"] for c in rows))
    lines: list[str] = []
    for kind in kinds:
        if len(kinds) > 1:
            lines.append(f"{kind.capitalize()}:")
        for number, row in enumerate((c for c in rows if c["kind"] == kind), start=1):
            first, _, rest = row["body"].strip().partition("\n")
            lines.append(f"{number}. {first.strip()}")
            if rest.strip():
                lines.append(_indented(rest))
    return "\n".join(lines)


def _closing_text(record: Record) -> str:
    lines: list[str] = []
    closing = [i for i in record.rundown if i.kind == RundownKind.PENUTUP]
    # The meeting closed when its closing item finished (without one: when the last
    # item of the rundown finished); before that no closing time is told. A time
    # known otherwise is typed into this part by the notetaker.
    last = closing[-1] if closing else (record.rundown[-1] if record.rundown else None)
    ended = last.actual_end if last is not None else None
    if ended is not None:
        lines.append(f"Rapat ditutup pukul {format_clock(ended, record.tz)} {record.tz}.")
    for item in closing:
        lines.extend(_lines(item.notes))
    lines.append(CLOSING_SENTENCE)
    return "\n".join(lines)


def _termins(record: Record) -> list[tuple[int, list[dict[str, Any]]]]:
    by_termin: dict[int, list[dict[str, Any]]] = {}
    for q in record.questions:
        if q["status"] == "dibatalkan":
            continue
        by_termin.setdefault(int(q["termin"]), []).append(q)
    return sorted(by_termin.items())


def _presentations(record: Record) -> list[RundownItem]:
    return [i for i in record.rundown if i.kind == RundownKind.PAPARAN]


def generated_parts(record: Record) -> list[EditablePart]:
    """The editable text parts of the notulen in document order, with any edits."""
    parts = [EditablePart("kata_pembukaan", "Kata Pembukaan", _opening_text(record))]
    for item in _presentations(record):
        parts.append(
            EditablePart(f"pembahasan.{item.uid}", _one_line(item.title),
                         _presentation_text(record, item))
        )
    for number, questions in _termins(record):
        parts.append(
            EditablePart(f"tanya_jawab.{number}", f"Tanya Jawab Termin {roman(number)}",
                         _termin_text(record, questions))
        )
    parts.append(EditablePart("kesimpulan", "Kesimpulan/Keputusan", _conclusions_text(record)))
    parts.append(EditablePart("penutup", "Penutup", _closing_text(record)))
    return [
        EditablePart(p.key, p.title, p.generated, record.overrides.get(p.key)) for p in parts
    ]


def minutes_parts(storage: Storage, event_id: int) -> list[EditablePart]:
    """The editable text parts of an event's notulen, for the editor in the app.

    Show ``part.text``; save an edit with
    :func:`~rakor_desktop.exports.documents.settings.set_text_override` (``None`` resets it).
    """
    record = load_record(storage, event_id, with_attendance=False)
    return generated_parts(record)


# -- the notulen ---------------------------------------------------------------------------


def _header(record: Record) -> KeyValueBlock:
    event, options = record.event, record.options
    rows: list[KeyValueRow] = [
        KeyValueRow("Sidang/Rapat", _value(_one_line(event.title))),
        KeyValueRow("Hari/Tanggal", _value(format_date_span(event.date, event.end_date))),
    ]
    # The third field (DOMAIN.md §3, variant A or B) is left out when the event has no
    # value for it, as the model leaves out the Sekretaris: a "-" in an official
    # header reads as if something were missing.
    if options.third_field == "surat_undangan":
        parts = []
        if event.invitation_number.strip():
            parts.append(f"Nomor {_one_line(event.invitation_number)}")
        if event.invitation_date is not None:
            parts.append(f"tanggal {format_date_long(event.invitation_date)}")
        if parts:
            rows.append(KeyValueRow("Surat Undangan", _value(" ".join(parts))))
    elif event.call_time is not None:
        call = f"pukul {format_time(event.call_time)} {event.timezone}"
        rows.append(KeyValueRow("Waktu Panggilan", _value(call)))
    rows.append(KeyValueRow("Waktu Sidang/Rapat", _value(_event_time(event))))
    if options.show_tempat:
        rows.append(KeyValueRow("Tempat", _value(_one_line(event.venue))))
    label_cm = _label_cm(len(record.rundown))
    agenda = tuple(
        paragraph(_one_line(item.title), label=f"{n}.", indent_cm=label_cm, label_cm=label_cm)
        for n, item in enumerate(record.rundown, start=1)
    )
    rows.append(KeyValueRow("Acara", agenda or _value("")))
    rows.append(KeyValueRow("Pimpinan Sidang/Rapat", (), colon=False))
    officials = record.officials
    rows.append(KeyValueRow("Ketua", _value(_official_name(officials.get("ketua"))), level=1))
    show_secretary = options.show_sekretaris
    if show_secretary is None:
        show_secretary = "sekretaris" in officials
    if show_secretary:
        rows.append(
            KeyValueRow("Sekretaris", _value(_official_name(officials.get("sekretaris"))), level=1)
        )
    rows.append(KeyValueRow("Pencatat", _value(_official_name(officials.get("pencatat"))), level=1))
    rows.append(KeyValueRow("Peserta Sidang/Rapat", _participants(record)))
    rows.append(KeyValueRow("Kegiatan Sidang/Rapat", ()))
    return KeyValueBlock(rows=tuple(rows))


def _label_cm(count: int) -> float:
    """Room for the labels of a list of ``count`` items ("10." needs more than "9.")."""
    return 0.35 + 0.25 * max(1, len(str(count)))


def _present(record: Record) -> list[dict[str, Any]]:
    return [a for a in record.attendees if a["present"]]


def _participants(record: Record) -> tuple[Paragraph, ...]:
    present = _present(record)
    attached = record.options.attach_attendance
    if record.options.peserta_mode == "daftar":
        width = _label_cm(len(present))
        items = tuple(
            paragraph(_attendee_line(a), label=f"{n}.", indent_cm=width, label_cm=width)
            for n, a in enumerate(present, start=1)
        )
        return items or _value("")
    counts: dict[str, int] = {}
    for attendee in present:
        group = attendee["group_name"].strip() or NO_GROUP
        counts[group] = counts.get(group, 0) + 1
    total = f"{len(present)} orang"
    if attached:
        total += " (daftar hadir terlampir)"
    if len(counts) <= 1:
        return _value(total)
    lines = [
        paragraph(f"{group}: {count} orang", label=f"{n}.", indent_cm=0.6, label_cm=0.6)
        for n, (group, count) in enumerate(counts.items(), start=1)
    ]
    lines.append(paragraph(f"Jumlah: {total}"))
    return tuple(lines)


def _attendee_line(attendee: dict[str, Any]) -> str:
    name = format_name(attendee["name"], attendee["front_titles"], attendee["back_titles"])
    if attendee["on_behalf_name"].strip():
        delegate = format_name(
            _one_line(attendee["on_behalf_name"]),
            attendee.get("on_behalf_front_titles") or "",
            attendee.get("on_behalf_back_titles") or "",
        )
        where = _one_line(attendee["on_behalf_instansi"] or attendee["instansi"])
        line = f"{delegate} mewakili {name}"
        return f"{line} ({where})" if where else line
    where = _one_line(attendee["jabatan"] or attendee["instansi"])
    return f"{name} ({where})" if where else name


def _part_blocks(part: EditablePart, indent_cm: float) -> list[Block]:
    return list(text_to_paragraphs(part.text, indent_cm))


def _outline(label: str, text: str, indent_cm: float, *, bold: bool = True) -> Paragraph:
    return paragraph(
        text, bold=bold, label=label, indent_cm=indent_cm + INDENT_CM, keep_with_next=True,
        space_before_pt=4, space_after_pt=2,
    )


def _activities(record: Record) -> list[Block]:
    parts = {p.key: p for p in generated_parts(record)}
    blocks: list[Block] = [_outline("1.", "Kata Pembukaan", 0)]
    blocks += _part_blocks(parts["kata_pembukaan"], INDENT_CM)

    blocks.append(_outline("2.", "Pembahasan", 0))
    sub = 0
    for item in _presentations(record):
        sub += 1
        blocks.append(_outline(_label("a", sub), _one_line(item.title), INDENT_CM))
        blocks += _part_blocks(parts[f"pembahasan.{item.uid}"], 2 * INDENT_CM)
    termins = _termins(record)
    if termins:
        sub += 1
        blocks.append(_outline(_label("a", sub), "Tanya Jawab", INDENT_CM))
        led_by = _moderator_line(record)
        if led_by:
            blocks.append(paragraph(led_by, indent_cm=2 * INDENT_CM, space_after_pt=2,
                                    align="justify", keep_with_next=True))
        for number, _questions in termins:
            blocks.append(
                paragraph(f"Termin {roman(number)}", bold=True, indent_cm=2 * INDENT_CM,
                          keep_with_next=True, space_before_pt=2, space_after_pt=2)
            )
            blocks += _part_blocks(parts[f"tanya_jawab.{number}"], 2 * INDENT_CM)
    if sub == 0:
        blocks.append(paragraph("-", indent_cm=INDENT_CM))

    blocks.append(_outline("3.", "Kesimpulan/Keputusan", 0))
    blocks += _part_blocks(parts["kesimpulan"], INDENT_CM)
    blocks.append(_outline("4.", "Tindak Lanjut", 0))
    blocks.append(_follow_up_table(record))
    closing = _part_blocks(parts["penutup"], 0)
    if closing and isinstance(closing[-1], Paragraph):
        closing[-1] = replace(closing[-1], keep_with_next=True)  # with the signatures
    return blocks + closing


def _follow_up_table(record: Record) -> Block:
    rows = [r for r in record.follow_ups if r["what"].strip()]
    if not rows:
        return paragraph("Tidak ada tindak lanjut yang dicatat.", indent_cm=INDENT_CM,
                         space_after_pt=4)
    return Table(
        columns=(
            Column("No", 0.9, align="center"),
            Column("Tindak Lanjut", 8.0),
            Column("Penanggung Jawab", 4.0),
            Column("Batas Waktu", 3.0),
        ),
        rows=tuple(
            (cell(f"{n}.", align="center"), cell(r["what"].strip()), cell(r["who"].strip()),
             cell(r["due"].strip()))
            for n, r in enumerate(rows, start=1)
        ),
        size_pt=10,
    )


def _minutes_signatures(record: Record) -> SignatureBlocks:
    place_date = format_place_date(_place(record), record.event.date)
    left = _signer(record.officials.get("ketua"), "Pimpinan Sidang/Rapat")
    right = _signer(record.officials.get("pencatat"), "Pencatat", above=(place_date,))
    return SignatureBlocks(blocks=_pad_above([left, right]))


def _photo_grid(record: Record) -> ImageGrid | None:
    images = []
    for photo in record.photos:
        image = prepare_photo(bytes(photo["data"]))
        if image is None:
            log.warning("photo %s (%s) unreadable: left out", photo["id"], photo["filename"])
            continue
        data, size = image
        images.append(GridImage(data=data, size_px=size, caption=_one_line(photo["caption"])))
    return ImageGrid(images=tuple(images)) if images else None


def prepare_photo(data: bytes) -> tuple[bytes, tuple[int, int]] | None:
    """A photo ready for both documents: upright (EXIF), at most 1600 px, PNG or JPEG.

    Returns None for data that is not a readable image.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            fmt = opened.format
            orientation = opened.getexif().get(0x0112, 1)
            if fmt in ("JPEG", "PNG") and orientation == 1 and max(opened.size) <= PHOTO_MAX_PX:
                return data, (int(opened.width), int(opened.height))
            image = ImageOps.exif_transpose(opened)
            image.thumbnail((PHOTO_MAX_PX, PHOTO_MAX_PX))
            out = io.BytesIO()
            if image.mode in ("RGBA", "LA", "P"):
                image.save(out, "PNG")
            else:
                image.convert("RGB").save(out, "JPEG", quality=88)
            return out.getvalue(), (int(image.width), int(image.height))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def build_minutes(
    storage: Storage, event_id: int, options: DocumentOptions | None = None
) -> Document:
    """The notulen of an event (DOMAIN.md §3), with its attachments.

    Args:
        storage: The database.
        event_id: The event.
        options: How it looks; None: the event's stored document settings.
    """
    return minutes_document(load_record(storage, event_id, options))


def minutes_document(record: Record) -> Document:
    """The notulen from a :class:`Record` already read."""
    options = record.options
    blocks: list[Block] = []
    kop = letterhead(record)
    if kop is not None:
        blocks.append(kop)
    blocks.append(Heading(NOTULEN_TITLE, space_after_pt=10))
    blocks.append(_header(record))
    blocks += _activities(record)
    blocks.append(_minutes_signatures(record))

    grid = _photo_grid(record) if options.attach_photos else None
    attachments = []
    if options.attach_attendance:
        attachments.append("Daftar hadir")
    if grid is not None:
        attachments.append("Dokumentasi")
    if attachments:
        blocks.append(Spacer(12))
        blocks.append(paragraph("Lampiran:", bold=True, keep_with_next=True))
        blocks.append(NumberedList(items=tuple((Run(a),) for a in attachments)))
    sections = [Section(page=options.minutes_page(), blocks=tuple(blocks))]
    if options.attach_attendance:
        sections += _attendance_sections(record, appendix="Lampiran I")
    if grid is not None:
        label = "Lampiran II" if options.attach_attendance else "Lampiran"
        sections.append(
            Section(
                page=options.minutes_page(),
                blocks=(
                    paragraph(f"{label} Notula", align="right", size_pt=9),
                    Heading(PHOTOS_TITLE),
                    Heading(_one_line(record.event.title), level=2, space_after_pt=10),
                    grid,
                ),
            )
        )
    return Document(
        title=f"Notula {_one_line(record.event.title)}",
        sections=tuple(sections),
        body_size_pt=options.font_size_pt,
    )


# -- the daftar hadir ------------------------------------------------------------------------


def build_attendance_list(
    storage: Storage, event_id: int, options: DocumentOptions | None = None
) -> Document:
    """The daftar hadir of an event (DOMAIN.md §4): one sheet, or one per group."""
    record = load_record(storage, event_id, options, with_minutes=False)
    return attendance_document(record)


def attendance_document(record: Record) -> Document:
    """The daftar hadir from a :class:`Record` already read."""
    return Document(
        title=f"Daftar Hadir {_one_line(record.event.title)}",
        sections=tuple(_attendance_sections(record)),
        body_size_pt=record.options.font_size_pt,
    )


def _groups(attendees: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for attendee in attendees:
        groups.setdefault(attendee["group_name"].strip() or NO_GROUP, []).append(attendee)
    return list(groups.items())


def _attendance_sections(record: Record, appendix: str = "") -> list[Section]:
    options = record.options
    rows = record.attendees if options.attendance_rows == "semua" else _present(record)
    sheets: list[tuple[str, list[dict[str, Any]]]]
    if options.attendance_per_group and rows:
        sheets = _groups(rows)
    else:
        sheets = [("", rows)]
    kop = letterhead(record)
    columns = _attendance_columns(options)
    mengetahui = _mengetahui(record)
    event = record.event
    sections = []
    for group, people in sheets:
        blocks: list[Block] = []
        if appendix:
            blocks.append(paragraph(f"{appendix} Notula", align="right", size_pt=9))
        if kop is not None:
            blocks.append(kop)
        blocks.append(Heading(ATTENDANCE_TITLE, space_after_pt=8))
        fields = [
            KeyValueRow("Hari/Tanggal", _value(format_date_span(event.date, event.end_date))),
            KeyValueRow("Waktu", _value(_event_time(event))),
            KeyValueRow("Tempat", _value(_one_line(event.venue))),
            KeyValueRow("Acara", _value(_one_line(event.title))),
        ]
        if group:
            fields.append(KeyValueRow("Kelompok", _value(group)))
        blocks.append(KeyValueBlock(rows=tuple(fields), label_cm=3.0, space_after_pt=8))
        blocks.append(
            Table(
                columns=columns,
                rows=tuple(
                    _attendance_row(n, a, record.signatures, options)
                    for n, a in enumerate(people, start=1)
                ),
                size_pt=9,
                min_row_cm=SIGNATURE_ROW_CM,
                space_after_pt=10,
            )
        )
        if not people:
            blocks.append(paragraph("Belum ada peserta yang tercatat hadir.", align="center"))
        blocks.append(mengetahui)
        # each group's sheet is numbered on its own ("Halaman 1 dari 2" of that sheet)
        sections.append(Section(page=options.attendance_page(), blocks=tuple(blocks),
                                numbered_alone=options.attendance_per_group))
    return sections


def _usable_signatures(stored: dict[int, bytes]) -> dict[int, bytes]:
    """The stored signatures a document can show; a bad one is left blank (and logged)."""
    usable: dict[int, bytes] = {}
    for invitee_id, png in stored.items():
        checked = signature_for_document(png, where=f"of invitee {invitee_id}")
        if checked is not None:
            usable[invitee_id] = checked
    return usable


def _attendance_columns(options: DocumentOptions) -> tuple[Column, ...]:
    columns = [Column("No", 0.9, align="center"), Column("Nama", 4.6)]
    if options.attendance_show_nip:
        columns.append(Column("NIP/NRP", 3.3))
    columns += [
        Column("Jabatan", 4.4),
        Column("Instansi/Unit Kerja", 4.4),
        Column("No. HP", 2.6),
        Column("Tanda Tangan", 5.0, signature=True),
    ]
    return tuple(columns)


def _attendance_row(
    number: int, attendee: dict[str, Any], signatures: dict[int, bytes], options: DocumentOptions
) -> tuple[TableCell, ...]:
    name = format_name(attendee["name"], attendee["front_titles"], attendee["back_titles"])
    delegate = _one_line(attendee["on_behalf_name"])
    if delegate:
        delegate = format_name(
            delegate,
            attendee.get("on_behalf_front_titles") or "",
            attendee.get("on_behalf_back_titles") or "",
        )
        name_cell: Cell = cell(
            (Run(delegate), Run(" mewakili ", italic=True), Run(name))
        )
        nip = format_nip_nrp(attendee.get("on_behalf_nip") or "")
        jabatan = attendee["on_behalf_jabatan"] or ""
        instansi = attendee["on_behalf_instansi"] or attendee["instansi"]
        phone = attendee.get("on_behalf_phone") or ""
    else:
        name_cell = cell(name)
        nip = format_nip_nrp(attendee["nip"])
        jabatan = attendee["jabatan"]
        instansi = attendee["instansi"]
        phone = attendee["phone"]
    cells: list[TableCell] = [cell(f"{number}.", align="center"), name_cell]
    if options.attendance_show_nip:
        cells.append(cell(nip))
    cells += [
        cell(jabatan.strip()),
        cell(instansi.strip()),
        cell(phone.strip()),
        SignatureCell(
            number=number,
            side="left" if number % 2 else "right",
            png=signatures.get(int(attendee["invitee_id"])),
        ),
    ]
    return tuple(cells)


def _mengetahui(record: Record) -> SignatureBlocks:
    options = record.options
    place_date = format_place_date(_place(record), record.event.date)
    above = (place_date, "Mengetahui,")
    if options.mengetahui_name or options.mengetahui_jabatan:
        front, name, back = split_titles(options.mengetahui_name)
        lines = signature_block(
            jabatan=options.mengetahui_jabatan, name=name, front_titles=front, back_titles=back,
            pangkat=options.mengetahui_pangkat, nip=options.mengetahui_nip,
        )
        signer = Signature(
            above=above, jabatan=f"{lines.jabatan}," if lines.jabatan else "",
            name=lines.name or BLANK_NAME, rank_line=lines.rank_line, nip_line=lines.nip_line,
        )
    else:
        # The daftar hadir is validated by the head of the organising office (or the
        # PPTK), not by the chair (often the Pj. Wali Kota): that official when known.
        official = mengetahui_official(record) or record.officials.get("ketua")
        signer = _signer(official, "Ketua Sidang/Rapat", above=above)
        if official is not None and signer.above[-1] == "Ketua Sidang/Rapat":
            signer = Signature(above=above, jabatan=signer.jabatan, name=signer.name,
                               rank_line=signer.rank_line, nip_line=signer.nip_line)
    return SignatureBlocks(blocks=(signer,), keep_with_previous=True)


_ACTING = re.compile(r"^(?:pj|plt|plh)\.?\s+")
_PPTK = re.compile(r"\bpptk\b|pejabat pelaksana teknis kegiatan")


def _plain(text: str) -> str:
    return " ".join(text.casefold().replace(",", " ").split())


def _heads_office(person: dict[str, Any], units: list[str]) -> bool:
    """Whether the person's jabatan is the head of one of ``units`` ("Kepala Badan …")."""
    jabatan = _ACTING.sub("", _plain(person.get("jabatan") or ""))
    if not jabatan.startswith("kepala"):
        return False
    rest = jabatan.removeprefix("kepala").strip()
    instansi = _plain(person.get("instansi") or "")
    for unit in units:
        if rest.startswith(unit):
            return True
        # "Kepala" or "Kepala Badan" of an instansi that is the organising office
        if (not rest or unit.startswith(rest)) and instansi.startswith(unit):
            return True
    return False


def mengetahui_official(record: Record) -> dict[str, Any] | None:
    """The official who validates the daftar hadir when none is set: the head of the
    organising office (its name from the kop or the event), else the PPTK, among the
    officials and the people on the list; None when neither is known."""
    units = [
        unit for unit in dict.fromkeys(
            _plain(text) for text in (
                record.options.letterhead_unit, record.event.organizer_unit,
            )
        )
        if unit
    ]
    people = [*record.officials.values(), *record.attendees]
    if units:
        for person in people:
            if _heads_office(person, units):
                return person
    for person in people:
        if _PPTK.search(_plain(person.get("jabatan") or "")):
            return person
    return None


