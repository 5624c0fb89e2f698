"""The document settings of one event and the edited text parts of its notulen.

Stored in ``event_settings`` (one row per field, key ``dokumen.<field>``, value
JSON), so they travel with the event. Edited text parts live under
``notulen.teks.<part key>``: an edit replaces the generated text of that part in
every later export until it is reset.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import logging
import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

from rakor_desktop.images import MAX_LOGO_PIXELS, ImageProblem, inspect_image
from rakor_desktop.messages import ValidationError
from rakor_desktop.operations.events import get_event
from rakor_desktop.storage import Storage
from rakor_desktop.text import BLOCK, DOCUMENT, clean_text

from .model import Margins, PageSetup

log = logging.getLogger("rakor.documents")

SETTINGS_PREFIX = "dokumen."
OVERRIDE_PREFIX = "notulen.teks."

ThirdField = Literal["waktu_panggilan", "surat_undangan"]
PesertaMode = Literal["per_kelompok", "daftar"]
AttendanceRows = Literal["hadir", "semua"]

MIN_MARGIN_CM = 0.5
MAX_MARGIN_CM = 6.0
MAX_LOGO_BYTES = 2_000_000
_PART_KEY = re.compile(r"[a-z0-9_.:-]{1,80}")


@dataclass
class DocumentOptions:
    """How the notulen and the daftar hadir of an event look (defaults: DOMAIN.md §3–§4).

    Empty letterhead fields fall back to the event's organizer fields; an empty
    ``place`` to the city or regency of the government line ("PEMERINTAH KOTA
    JAMBI" gives "Jambi"); an empty "Mengetahui" official to the Ketua of the event.
    """

    # notulen
    third_field: ThirdField = "waktu_panggilan"  # Waktu Panggilan or Surat Undangan
    show_tempat: bool = True
    show_sekretaris: bool | None = None  # None: only when a Sekretaris is named
    peserta_mode: PesertaMode = "per_kelompok"  # counts per group, or the full list
    attach_attendance: bool = True  # the daftar hadir as Lampiran of the notulen
    attach_photos: bool = True
    # page
    paper: Literal["F4", "A4"] = "F4"
    minutes_orientation: Literal["portrait", "landscape"] = "portrait"
    attendance_orientation: Literal["portrait", "landscape"] = "landscape"
    margin_top_cm: float = 2.0
    margin_bottom_cm: float = 2.5
    margin_left_cm: float = 3.0
    margin_right_cm: float = 2.0
    font_size_pt: float = 11.0
    # daftar hadir
    attendance_per_group: bool = False  # one sheet per group
    attendance_rows: AttendanceRows = "hadir"  # who is listed: present, or all invited
    attendance_show_nip: bool = True
    # the "Mengetahui" official under the daftar hadir
    mengetahui_name: str = ""  # with titles, as typed: "Drs. H. Ahmad Yani, M.Si."
    mengetahui_jabatan: str = ""
    mengetahui_pangkat: str = ""  # "Pembina Utama Muda, IV/c"
    mengetahui_nip: str = ""
    place: str = ""  # of the date line, e.g. "Jambi"
    # letterhead (kop)
    letterhead_government: str = ""
    letterhead_unit: str = ""
    letterhead_address: str = ""  # one line per line
    logo: bytes | None = field(default=None, repr=False)  # PNG or JPEG

    def minutes_page(self) -> PageSetup:
        """Page setup of the notulen."""
        return PageSetup(self.paper, self.minutes_orientation, self.margins())

    def attendance_page(self) -> PageSetup:
        """Page setup of the daftar hadir."""
        return PageSetup(self.paper, self.attendance_orientation, self.margins())

    def margins(self) -> Margins:
        """The margins as a :class:`Margins`."""
        return Margins(
            self.margin_top_cm, self.margin_bottom_cm, self.margin_left_cm, self.margin_right_cm
        )


_CHOICES: dict[str, tuple[Any, ...]] = {
    "third_field": ("waktu_panggilan", "surat_undangan"),
    "peserta_mode": ("per_kelompok", "daftar"),
    "paper": ("F4", "A4"),
    "minutes_orientation": ("portrait", "landscape"),
    "attendance_orientation": ("portrait", "landscape"),
    "attendance_rows": ("hadir", "semua"),
}
_FIELD_TYPES = {f.name: f.type for f in fields(DocumentOptions)}


def validate_options(options: DocumentOptions) -> DocumentOptions:
    """Check and tidy the options; raises :class:`ValidationError` in the user's language."""
    for name, allowed in _CHOICES.items():
        if getattr(options, name) not in allowed:
            raise ValidationError(
                "Nilai {value!r} tidak dikenal untuk {name}; pilih salah satu: {allowed}.",
                "Unknown value {value!r} for {name}; choose one of: {allowed}.",
                value=getattr(options, name), name=name, allowed=", ".join(map(str, allowed)),
            )
    for name in ("margin_top_cm", "margin_bottom_cm", "margin_left_cm", "margin_right_cm"):
        value = float(getattr(options, name))
        if not MIN_MARGIN_CM <= value <= MAX_MARGIN_CM:
            raise ValidationError(
                "Margin harus antara {low} dan {high} cm (bukan {value} cm).",
                "Margins must be between {low} and {high} cm (not {value} cm).",
                low=MIN_MARGIN_CM, high=MAX_MARGIN_CM, value=value,
            )
    if not 9 <= float(options.font_size_pt) <= 14:
        raise ValidationError(
            "Ukuran huruf harus antara 9 dan 14 pt.", "The font size must be between 9 and 14 pt."
        )
    if options.logo is not None:
        check_logo(options.logo)
    texts: dict[str, Any] = {
        f.name: " ".join(clean_text(getattr(options, f.name)).split())
        for f in fields(options)
        if _FIELD_TYPES[f.name] == "str" and f.name != "letterhead_address"
    }
    address = "\n".join(
        " ".join(line.split())
        for line in clean_text(options.letterhead_address, multiline=True, max_length=BLOCK)
        .splitlines()
        if line.strip()
    )
    return replace(options, **texts, letterhead_address=address)


def check_logo(data: bytes) -> tuple[int, int]:
    """The size in pixels of a logo image; refuses what is not a PNG or JPEG."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            "Berkas logo terlalu besar (maksimal 2 MB).",
            "The logo file is too large (2 MB at most).",
        )
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ("PNG", "JPEG"):
                raise ValidationError(
                    "Logo harus berupa gambar PNG atau JPEG.", "The logo must be a PNG or JPEG."
                )
            size = int(image.width), int(image.height)
        inspect_image(data, max_bytes=MAX_LOGO_BYTES, max_pixels=MAX_LOGO_PIXELS)  # issue 10/5
        return size
    except (UnidentifiedImageError, OSError, ImageProblem, Image.DecompressionBombError) as exc:
        raise ValidationError(
            "Logo tidak dapat dibaca sebagai gambar.", "The logo cannot be read as an image."
        ) from exc


def _encode(name: str, value: Any) -> str:
    if name == "logo":
        return "" if value is None else base64.b64encode(value).decode("ascii")
    return json.dumps(value, ensure_ascii=False)


def _decode(name: str, raw: str, default: Any) -> Any:
    if name == "logo":
        return base64.b64decode(raw.encode("ascii"), validate=True) if raw else None
    value = json.loads(raw)
    kind = _FIELD_TYPES[name]
    if kind == "bool" and not isinstance(value, bool):
        raise ValueError(name)
    if kind == "float" and not isinstance(value, int | float):
        raise ValueError(name)
    if kind == "str" and not isinstance(value, str):
        raise ValueError(name)
    if name == "show_sekretaris" and value is not None and not isinstance(value, bool):
        raise ValueError(name)
    if name in _CHOICES and value not in _CHOICES[name]:
        raise ValueError(name)
    del default
    return value


def load_document_options(storage: Storage, event_id: int) -> DocumentOptions:
    """The document settings of an event (defaults for what was never set)."""
    stored = storage.event_settings_with_prefix(event_id, SETTINGS_PREFIX)
    defaults = DocumentOptions()
    values: dict[str, Any] = {}
    for f in fields(DocumentOptions):
        raw = stored.get(SETTINGS_PREFIX + f.name)
        if raw is None:
            continue
        try:
            values[f.name] = _decode(f.name, raw, getattr(defaults, f.name))
        except (ValueError, TypeError, binascii.Error) as exc:
            log.warning("document setting %s of event %s unreadable (%s): default used",
                        f.name, event_id, exc)
    return replace(defaults, **values)


def save_document_options(
    storage: Storage, event_id: int, options: DocumentOptions
) -> DocumentOptions:
    """Store the document settings of an event (validated, in one transaction).

    Returns:
        The options as stored (trimmed).
    """
    cleaned = validate_options(options)
    defaults = DocumentOptions()
    with storage.transaction():
        get_event(storage, event_id)
        for name, value in asdict(cleaned).items():
            key = SETTINGS_PREFIX + name
            if value == getattr(defaults, name):
                storage.delete_event_setting(event_id, key)
            else:
                storage.set_event_setting(event_id, key, _encode(name, value))
    return cleaned


# -- edited text parts ---------------------------------------------------------------


def _check_part_key(key: str) -> None:
    if not _PART_KEY.fullmatch(key):
        raise ValidationError(
            "Bagian notulen {key!r} tidak dikenal.", "Unknown part of the minutes: {key!r}.",
            key=key,
        )


def load_text_overrides(storage: Storage, event_id: int) -> dict[str, str]:
    """The edited text parts of an event's notulen (part key: text)."""
    stored = storage.event_settings_with_prefix(event_id, OVERRIDE_PREFIX)
    return {key[len(OVERRIDE_PREFIX):]: value for key, value in stored.items()}


def set_text_override(storage: Storage, event_id: int, key: str, text: str | None) -> None:
    """Replace the generated text of one part of the notulen, or (None) go back to it.

    The text is kept as typed (line ends normalised, trailing blanks removed); a
    line "1. ..." or "a. ..." starts a numbered item, "- ..." a bullet, an
    indented line continues the item above. Exporting again uses the edit.
    """
    _check_part_key(key)
    with storage.transaction():
        get_event(storage, event_id)
        if text is None:
            storage.delete_event_setting(event_id, OVERRIDE_PREFIX + key)
            return
        text = clean_text(text, multiline=True, max_length=DOCUMENT)  # issue 10, item 5
        normalized = "\n".join(
            line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        ).strip("\n")
        storage.set_event_setting(event_id, OVERRIDE_PREFIX + key, normalized)


def clear_text_overrides(storage: Storage, event_id: int) -> int:
    """Forget every edit of the notulen text; returns how many there were."""
    with storage.transaction():
        get_event(storage, event_id)
        keys = list(storage.event_settings_with_prefix(event_id, OVERRIDE_PREFIX))
        for key in keys:
            storage.delete_event_setting(event_id, key)
    return len(keys)
