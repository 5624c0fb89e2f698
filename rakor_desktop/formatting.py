"""Indonesian formatting of dates, times, names, titles and NIPs.

Qt-free and locale-free: day and month names are spelled out here, so the
output never depends on the operating system's locale. Conventions follow
DOMAIN.md §3 and §5 (Tata Naskah Dinas for regional government).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import StrEnum

from rakor_desktop.messages import RakorError, ValidationError

__all__ = [
    "DAY_NAMES",
    "MONTH_NAMES",
    "IdKind",
    "SignatureBlock",
    "TimeZone",
    "day_name",
    "format_clock",
    "format_clock_with_zone",
    "format_date",
    "format_date_long",
    "format_date_span",
    "format_name",
    "format_nip",
    "format_nip_nrp",
    "format_place_date",
    "format_time",
    "format_time_range",
    "id_kind",
    "id_label",
    "is_acting_head_of_region",
    "month_name",
    "name_search_key",
    "name_sort_key",
    "normalize_for_search",
    "normalize_nip",
    "normalize_nip_nrp",
    "nrp_warning",
    "parse_time",
    "signature_block",
    "split_titles",
]

DAY_NAMES: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
"""Indonesian day names, Monday first (index = ``date.weekday()``)."""

MONTH_NAMES: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
"""Indonesian month names, January first (index = ``month - 1``)."""

SD = "s.d."
"""The Indonesian range separator ("sampai dengan")."""


# --------------------------------------------------------------------------- time zones


class TimeZone(StrEnum):
    """Indonesian time zones (no daylight saving).

    A ``StrEnum`` (a subclass of both ``str`` and ``Enum``): members compare
    equal to their abbreviation and ``str()``/f-strings give ``"WIB"``.
    """

    WIB = "WIB"
    WITA = "WITA"
    WIT = "WIT"

    @property
    def utc_offset_hours(self) -> int:
        """Offset from UTC in whole hours: WIB 7, WITA 8, WIT 9."""
        return _UTC_OFFSETS[self.value]

    @property
    def tzinfo(self) -> timezone:
        """A fixed-offset ``datetime.timezone`` named after the zone."""
        return timezone(timedelta(hours=self.utc_offset_hours), self.value)

    @classmethod
    def parse(cls, text: str) -> TimeZone:
        """Parse a zone abbreviation, ignoring case and surrounding spaces.

        Args:
            text: ``"WIB"``, ``"wita"``, ``" Wit "`` ...

        Returns:
            The matching member.

        Raises:
            ValueError: For anything else (Indonesian message).
        """
        key = str(text).strip().upper()
        for member in cls:
            if member.value == key:
                return member
        raise ValueError(f"Zona waktu tidak dikenal: {text!r}; gunakan WIB, WITA, atau WIT")


_UTC_OFFSETS: dict[str, int] = {"WIB": 7, "WITA": 8, "WIT": 9}


def _coerce_tz(tz: TimeZone | str) -> TimeZone:
    """Return ``tz`` as a :class:`TimeZone`, parsing strings."""
    if isinstance(tz, TimeZone):
        return tz
    return TimeZone.parse(tz)


# --------------------------------------------------------------------------- dates


def _as_date(d: date) -> date:
    """Drop the time part of a ``datetime``; return plain dates unchanged."""
    if isinstance(d, datetime):
        return d.date()
    return d


def day_name(d: date) -> str:
    """Return the Indonesian day name of ``d``, e.g. ``"Kamis"``."""
    return DAY_NAMES[d.weekday()]


def month_name(month: int) -> str:
    """Return the Indonesian name of month 1..12, e.g. ``"Desember"``.

    Raises:
        ValueError: If ``month`` is outside 1..12.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"Bulan tidak valid: {month}; harus 1 sampai 12")
    return MONTH_NAMES[month - 1]


def format_date_long(d: date) -> str:
    """Format as ``"14 Desember 2023"`` (no weekday, no leading zero)."""
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def format_date(d: date) -> str:
    """Format as ``"Kamis, 14 Desember 2023"`` (no leading zero on the day)."""
    return f"{day_name(d)}, {format_date_long(d)}"


def format_place_date(place: str, d: date) -> str:
    """Format a signing line such as ``"Jambi, 14 Desember 2023"``.

    An empty place gives just the long date.
    """
    place = _collapse(place).rstrip(",").strip()
    return f"{place}, {format_date_long(d)}" if place else format_date_long(d)


def format_date_span(start: date, end: date | None) -> str:
    """Format a one- or multi-day event date.

    Shapes:
        * ``end`` is None or the same day: ``"Kamis, 14 Desember 2023"``.
        * same month and year: ``"Kamis s.d. Jumat, 14 s.d. 15 Desember 2023"``.
        * different month or year: both dates in full, e.g.
          ``"Kamis, 30 November 2023 s.d. Jumat, 1 Desember 2023"``.

    ``datetime`` values are reduced to their date.

    Raises:
        ValueError: If ``end`` is before ``start``.
    """
    start = _as_date(start)
    if end is None:
        return format_date(start)
    end = _as_date(end)
    if end == start:
        return format_date(start)
    if end < start:
        raise ValueError(
            f"Tanggal selesai ({format_date(end)}) tidak boleh sebelum "
            f"tanggal mulai ({format_date(start)})"
        )
    if (start.year, start.month) == (end.year, end.month):
        return (
            f"{day_name(start)} {SD} {day_name(end)}, "
            f"{start.day} {SD} {end.day} {MONTH_NAMES[start.month - 1]} {start.year}"
        )
    return f"{format_date(start)} {SD} {format_date(end)}"


# --------------------------------------------------------------------------- times


def format_time(t: time) -> str:
    """Format as ``"09.00"``: two-digit hour, a dot, seconds dropped."""
    return f"{t.hour:02d}.{t.minute:02d}"


def format_time_range(
    start: time, end: time | None, tz: TimeZone | str, *, pukul: bool = False
) -> str:
    """Format a meeting time with its zone.

    Examples:
        ``"09.00 s.d. 12.00 WIB"``, ``"pukul 09.00 s.d. 12.00 WIB"``,
        ``"09.00 WIB s.d. selesai"``, ``"pukul 09.00 WIB s.d. selesai"``.

    Args:
        start: Start time.
        end: End time, or None for an open end ("s.d. selesai").
        tz: The event's zone, as a member or an abbreviation.
        pukul: Prefix ``"pukul "`` (as in the notula header).

    Raises:
        ValueError: If ``tz`` is not a known zone.
    """
    zone = _coerce_tz(tz).value
    prefix = "pukul " if pukul else ""
    if end is None:
        return f"{prefix}{format_time(start)} {zone} {SD} selesai"
    return f"{prefix}{format_time(start)} {SD} {format_time(end)} {zone}"


_TIME_SEPARATED = re.compile(r"([0-9]{1,2})[.:]([0-9]{2})(?:[.:]([0-9]{2}))?")
_TIME_COMPACT = re.compile(r"([0-9]{2})([0-9]{2})")
_TIME_HOUR_ONLY = re.compile(r"[0-9]{1,2}")


def parse_time(text: str) -> time:
    """Parse a clock time typed by a user.

    Accepts ``"9.00"``, ``"09.00"``, ``"09:00"``, ``"0900"``, an hour alone
    (``"9"``) and optional seconds (``"09.00.30"``). Surrounding spaces are
    ignored. Hours are 0..23, minutes and seconds 0..59.

    Raises:
        ValueError: ``"Jam tidak valid: '25.00'; gunakan format JJ.MM, mis. 09.00"``.
    """
    cleaned = text.strip()
    hour: int | None = None
    minute = 0
    second = 0
    if m := _TIME_SEPARATED.fullmatch(cleaned):
        hour, minute = int(m.group(1)), int(m.group(2))
        second = int(m.group(3)) if m.group(3) else 0
    elif m := _TIME_COMPACT.fullmatch(cleaned):
        hour, minute = int(m.group(1)), int(m.group(2))
    elif _TIME_HOUR_ONLY.fullmatch(cleaned):
        hour = int(cleaned)
    if hour is None or hour > 23 or minute > 59 or second > 59:
        raise ValidationError(
            "Jam tidak valid: {text!r}; gunakan format JJ.MM, mis. 09.00",
            "Invalid time: {text!r}; use HH.MM, e.g. 09.00",
            text=text,
        )
    return time(hour, minute, second)


def _as_utc_aware(dt: datetime) -> datetime:
    """Treat a naive datetime as UTC (never as OS local time)."""
    if dt.tzinfo is None or dt.tzinfo.utcoffset(dt) is None:
        return dt.replace(tzinfo=UTC)
    return dt


def format_clock(dt: datetime, tz: TimeZone | str) -> str:
    """Format an instant as a wall-clock time in the event's zone, e.g. ``"08.42"``.

    Args:
        dt: An aware datetime (normally UTC). A naive value is taken as UTC,
            never as the computer's local time.
        tz: The event's zone.

    Raises:
        ValueError: If ``tz`` is not a known zone.
    """
    local = _as_utc_aware(dt).astimezone(_coerce_tz(tz).tzinfo)
    return format_time(local.time())


def format_clock_with_zone(dt: datetime, tz: TimeZone | str) -> str:
    """Like :func:`format_clock` with the zone appended: ``"08.42 WIB"``."""
    zone = _coerce_tz(tz)
    return f"{format_clock(dt, zone)} {zone.value}"


# --------------------------------------------------------------------------- NIP

_NIP_LENGTH = 18
_NIP_JUNK = str.maketrans(
    "", "", " \t\r\n\u00a0\u2007\u202f.-\u2010\u2011\u2012\u2013\u2014_'\"`\u2018\u2019\u201c\u201d"
)
_NIP_LABEL = re.compile(r"^\s*NIP\s*[.:]?\s*", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]*)?[eE][+-]?[0-9]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")
_EXCEL_HINT = (
    "format sel sebagai Teks di Excel dan ketik ulang NIP lengkap 18 digit "
    "(atau awali dengan tanda petik ')"
)
_EXCEL_HINT_EN = (
    "format the cell as Text in Excel and type the full 18-digit NIP again "
    "(or start it with an apostrophe ')"
)


def normalize_nip(raw: str) -> str:
    """Return the 18 bare digits of a NIP typed or imported from a spreadsheet.

    Removes spaces (incl. non-breaking), dots, dashes, underscores, quotes and
    a leading apostrophe, plus an optional ``"NIP."``/``"NIP:"`` label.

    Raises:
        ValueError: With an Indonesian message when the result is not exactly
            18 digits, and a specific one when Excel has mangled the number:
            scientific notation (``"1.97703122003122E+17"``) or a NIP ending
            in ``000`` (Excel keeps only 15 significant digits; the last three
            digits, the serial number, are never ``000``).
    """
    text = _NIP_LABEL.sub("", raw.strip().strip("'\"`\u2018\u2019\u201c\u201d"))
    text = text.strip()
    if _SCIENTIFIC.fullmatch(text.replace(" ", "")):
        raise ValidationError(
            "NIP tidak valid: {raw!r} sudah diubah Excel menjadi notasi ilmiah "
            "sehingga digit terakhirnya hilang; {hint}",
            "Invalid NIP: Excel turned {raw!r} into scientific notation and lost its last "
            "digits; {hint_en}",
            raw=raw.strip(), hint=_EXCEL_HINT, hint_en=_EXCEL_HINT_EN,
        )
    digits = text.translate(_NIP_JUNK)
    if not digits:
        raise ValidationError(
            "NIP kosong; NIP harus 18 digit angka", "Empty NIP; an NIP has 18 digits"
        )
    if not _ASCII_DIGITS.fullmatch(digits):
        raise ValidationError(
            "NIP tidak valid: {raw!r}; NIP hanya boleh berisi angka",
            "Invalid NIP: {raw!r}; an NIP has digits only",
            raw=raw.strip(),
        )
    if len(digits) != _NIP_LENGTH:
        raise ValidationError(
            "NIP tidak valid: {raw!r}; NIP harus 18 digit (yang terbaca {count} digit)",
            "Invalid NIP: {raw!r}; an NIP has 18 digits ({count} found)",
            raw=raw.strip(), count=len(digits),
        )
    if digits.endswith("000"):
        raise ValidationError(
            "NIP tidak valid: {raw!r} berakhiran 000, tanda bahwa angka terakhirnya "
            "dibulatkan oleh Excel; {hint}",
            "Invalid NIP: {raw!r} ends in 000, a sign that Excel rounded its last digits; "
            "{hint_en}",
            raw=raw.strip(), hint=_EXCEL_HINT, hint_en=_EXCEL_HINT_EN,
        )
    return digits


def format_nip(nip: str) -> str:
    """Print a NIP in groups 8-6-1-3: ``"19770312 200312 2 007"``.

    Never raises: empty input gives ``""`` and input that is not a valid NIP
    is returned stripped but otherwise unchanged (documents must still print).
    """
    stripped = nip.strip()
    if not stripped:
        return ""
    try:
        d = normalize_nip(stripped)
    except ValueError:
        return stripped
    return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"


# --------------------------------------------------------------------------- NRP (Polri, TNI)
#
# One field holds either number; its kind is derived from the stored value, never
# guessed twice: a NIP is stored as its 18 digits, an NRP never has 15 digits or
# more (so every NIP stored before NRPs existed stays a NIP).
#
# * PNS NIP: 18 digits, printed 8-6-1-3 (birth date, TMT, gender, serial).
# * Polri NRP: 8 digits, the first four the year and month of birth (YYMM),
#   printed as they are (Perkap 3/2018; earlier Skep/834/XI/2004).
# * TNI NRP: varies by branch, rank and year of entry: 5 digits for officers and
#   6 for NCOs in the old registers, longer (often 11 to 14) digits since, the
#   navy sometimes adds a corps suffix ("/P"). The rule is uncertain, so any 5 to 14
#   digits (with an optional "/letters" suffix) are accepted; an unusual length or
#   an 8-digit number whose YYMM is not a month is accepted with a warning.


class IdKind(StrEnum):
    """Which number a person's ``nip`` field holds."""

    NIP = "NIP"
    NRP = "NRP"


_ID_LABEL = re.compile(r"^\s*(NIP|NRP)\s*[.:]?\s*", re.IGNORECASE)
_NRP_SHAPE = re.compile(r"([0-9]{5,14})(?:/([A-Za-z]{1,4}))?")
_NRP_SEPARATORS = str.maketrans("", "", " \t\u00a0\u2007\u202f.-\u2010\u2011\u2012\u2013_")
_NRP_USUAL_LENGTHS = frozenset({5, 6, 8, 11, 14})
_NRP_LONGEST = 14


def normalize_nip_nrp(raw: str) -> str:
    """Return a NIP (18 digits) or an NRP (5-14 digits, optional ``/P`` suffix).

    A value labelled ``"NIP"`` must be a NIP (see :func:`normalize_nip`); one
    labelled ``"NRP"`` must be an NRP; without a label, 18 digits (or anything
    that looks like a number Excel mangled, or 15 or more digits) is read as a
    NIP, fewer digits as an NRP. Empty input gives ``""``.

    Raises:
        ValidationError: With a message in the user's language.
    """
    stripped = raw.strip().strip("'\"`\u2018\u2019\u201c\u201d").strip()
    if not stripped:
        return ""
    label_match = _ID_LABEL.match(stripped)
    label = label_match.group(1).upper() if label_match else ""
    body = stripped[label_match.end():] if label_match else stripped
    if label == "NIP":
        return normalize_nip(body)
    compact = body.translate(_NRP_SEPARATORS)
    looks_like_nip = _SCIENTIFIC.fullmatch(body.replace(" ", "")) is not None or (
        _ASCII_DIGITS.fullmatch(compact) is not None and len(compact) > _NRP_LONGEST
    )
    if label != "NRP" and looks_like_nip:
        return normalize_nip(body)
    match = _NRP_SHAPE.fullmatch(compact)
    if match is None:
        digits = sum(ch.isdigit() for ch in compact)
        raise ValidationError(
            "NIP/NRP tidak valid: {raw!r}; NIP harus 18 digit angka, NRP 5 sampai 14 "
            "digit angka (yang terbaca {count} digit)",
            "Invalid NIP/NRP: {raw!r}; an NIP has 18 digits, an NRP 5 to 14 digits "
            "({count} found)",
            raw=raw.strip(), count=digits,
        )
    suffix = match.group(2)
    return f"{match.group(1)}/{suffix.upper()}" if suffix else match.group(1)


def id_kind(value: str) -> IdKind | None:
    """The kind of a number: a NIP (18 digits) or an NRP; None if empty.

    Read as :func:`normalize_nip_nrp` reads it; a value that is neither (an old or
    damaged entry) counts as a NIP, as every number did before NRPs were known.
    """
    if not value.strip():
        return None
    try:
        normalized = normalize_nip_nrp(value)
    except ValueError:
        return IdKind.NIP
    if len(normalized) == _NIP_LENGTH and _ASCII_DIGITS.fullmatch(normalized):
        return IdKind.NIP
    return IdKind.NRP


def id_label(value: str) -> str:
    """``"NIP."`` or ``"NRP."`` for a stored number (``"NIP."`` when empty)."""
    return f"{id_kind(value) or IdKind.NIP}."


def nrp_warning(value: str) -> RakorError | None:
    """A warning for an NRP of an unusual shape (accepted all the same), else None.

    ``str()`` of the warning is in the user's language; it carries both
    (``.indonesian``, ``.english``). A NIP or an empty value gives None.
    """
    if id_kind(value) is not IdKind.NRP:
        return None
    digits = normalize_nip_nrp(value).split("/", 1)[0]
    if len(digits) == 8 and not 1 <= int(digits[2:4]) <= 12:
        return RakorError(
            "NRP {nrp}: NRP Polri 8 digit biasanya diawali tahun dan bulan lahir (TTBB), "
            "tetapi {month} bukan bulan; periksa kembali (NRP tetap disimpan)",
            "NRP {nrp}: an 8-digit Polri NRP normally starts with the year and month of "
            "birth (YYMM), but {month} is not a month; check it (the NRP is kept)",
            nrp=value, month=digits[2:4],
        )
    if len(digits) not in _NRP_USUAL_LENGTHS:
        return RakorError(
            "NRP {nrp}: panjang {count} digit tidak lazim (Polri 8 digit; TNI biasanya "
            "5, 6, 11 atau 14 digit); periksa kembali (NRP tetap disimpan)",
            "NRP {nrp}: {count} digits is unusual (Polri 8 digits; TNI usually 5, 6, 11 "
            "or 14); check it (the NRP is kept)",
            nrp=value, count=len(digits),
        )
    return None


def format_nip_nrp(value: str) -> str:
    """Print a NIP in groups 8-6-1-3 and an NRP as it is stored. Never raises."""
    stripped = value.strip()
    if id_kind(stripped) is not IdKind.NRP:
        return format_nip(stripped)
    return normalize_nip_nrp(stripped)


# --------------------------------------------------------------------------- names and titles


def _collapse(text: str) -> str:
    """Collapse runs of whitespace (incl. non-breaking) to one space and strip."""
    return " ".join(text.split())


def _clean_back_titles(text: str) -> str:
    """Normalise back titles to ``"S.T., M.T."``: comma-separated, one space."""
    parts = (_collapse(p) for p in text.split(","))
    return ", ".join(p for p in parts if p)


def _clean_front_titles(text: str) -> str:
    """Collapse whitespace and drop stray commas around front titles."""
    return _collapse(text).strip(",").strip()


def format_name(name: str, front_titles: str = "", back_titles: str = "") -> str:
    """Join a name with its titles: ``"Dr. H. Sri Purwaningsih, M.Si."``.

    Front titles are joined with a space (no comma), back titles follow after
    ``", "``. Whitespace is collapsed and empty parts are skipped.
    """
    head = " ".join(p for p in (_clean_front_titles(front_titles), _collapse(name)) if p)
    back = _clean_back_titles(back_titles)
    if head and back:
        return f"{head}, {back}"
    return head or back


# Matching keys: token casefolded, one trailing dot removed.
_FRONT_TITLES: frozenset[str] = frozenset(
    {
        "prof",  # professor
        "dr",  # doktor (Dr.) and dokter (dr.)
        "drg",  # dokter gigi
        "drh",  # dokter hewan
        "ir",  # insinyur
        "drs",
        "dra",
        "hj",  # hajah
        "kh",
        "k.h",  # kiai haji
        "ny",  # nyonya (kept: "Ny. Hj. ..." is an official form)
        "tn",  # tuan
        "apt",  # apoteker
        "ns",  # ners
        "pdt",  # pendeta
        "ust",  # ustaz
    }
)
# Titles recognised only when written with their dot (a bare "H" may be an initial).
_FRONT_TITLES_DOTTED_ONLY: frozenset[str] = frozenset({"h"})

# Police (Polri) and military (TNI) ranks, treated as front titles.
_RANKS: frozenset[str] = frozenset(
    {
        # Polri
        "jenderal", "komjen", "irjen", "brigjen", "kombes", "akbp", "kompol", "akp",
        "iptu", "ipda", "aiptu", "aipda", "bripka", "brigpol", "brigadir", "briptu",
        "bripda", "abrippol", "abriptu", "abripda", "bharaka", "bharatu", "bharada",
        # TNI AD / AL / AU
        "jend", "letjen", "mayjen", "kolonel", "kol", "letkol", "mayor", "kapten",
        "kapt", "lettu", "letda", "peltu", "pelda", "serma", "serka", "sertu", "serda",
        "kopka", "koptu", "kopda", "praka", "pratu", "prada", "laksamana", "laksdya",
        "laksda", "laksma", "marsekal", "marsdya", "marsda", "marsma",
    }
)  # fmt: skip
# Corps/branch suffixes allowed right after a rank: "Letkol Inf.", "Kombes Pol.",
# "Mayjen TNI (Purn.)", "Kolonel Laut (P)".
_RANK_SUFFIXES: frozenset[str] = frozenset(
    {
        "pol", "tni", "inf", "kav", "arh", "art", "arm", "czi", "chk", "kes", "cpl",
        "ckm", "cba", "cke", "ctp", "cku", "cpn", "caj", "mar", "pnb", "nav", "tek",
        "adm", "lek", "sus", "kal", "pas", "laut", "purn",
        "(p)", "(t)", "(e)", "(s)", "(k)", "(kh)", "(m)", "(purn)", "(purn.)",
    }
)  # fmt: skip
# Salutations, dropped entirely by split_titles (they are not part of a signature).
_SALUTATIONS: frozenset[str] = frozenset(
    {"yth", "bapak", "bpk", "bp", "ibu", "bu", "sdr", "sdri", "saudara", "saudari"}
)
# Degrees recognised at the end of a name typed WITHOUT a comma
# ("Budi Santoso S.H."). Exact spelling; after a comma anything is accepted.
_BACK_TITLES_NO_COMMA: frozenset[str] = frozenset(
    {
        "S.H.", "M.H.", "S.E.", "M.E.", "M.M.", "M.Si.", "S.Si.", "S.Sos.", "M.Sos.",
        "S.Kom.", "M.Kom.", "S.T.", "M.T.", "S.Pd.", "M.Pd.", "S.Ag.", "M.Ag.",
        "S.Kes.", "M.Kes.", "S.Kep.", "S.Farm.", "S.Psi.", "M.Psi.", "S.Hum.", "M.Hum.",
        "S.I.K.", "S.IP.", "S.I.P.", "M.IP.", "M.A.P.", "M.A.", "M.Sc.", "B.Sc.",
        "Ph.D.", "S.Ked.", "S.Pi.", "S.P.", "M.P.", "S.Hut.", "S.STP.", "M.Ak.",
        "A.Md.", "S.Th.", "M.Th.", "Lc.", "Ak.", "M.Kn.", "S.AP.", "S.Stat.",
    }
)  # fmt: skip

_LONGEST_GLUED_TITLES = 40
"""Longer words are not glued titles such as "Prof.Dr.H." (checked without a regex)."""


def _key(token: str) -> str:
    """Matching key of a token: casefolded, one trailing dot removed."""
    folded = token.casefold()
    return folded[:-1] if folded.endswith(".") else folded


def _is_front_title(token: str) -> bool:
    """True for a known front title (academic, religious), any case."""
    key = _key(token)
    if key in _FRONT_TITLES:
        return True
    return token.endswith(".") and key in _FRONT_TITLES_DOTTED_ONLY


def _glued_front_titles(token: str) -> list[str] | None:
    """Split glued titles such as ``"Dr.H."`` into ``["Dr.", "H."]``, else None."""
    # str.split, not a regular expression: findall over a long word without dots
    # retried at every position (quadratic: 14 s for 100,000 letters).
    if not token.endswith(".") or len(token) > _LONGEST_GLUED_TITLES:
        return None
    pieces = [f"{piece}." for piece in token[:-1].split(".")]
    if len(pieces) < 2 or any(piece == "." for piece in pieces):
        return None
    if all(_is_front_title(p) for p in pieces):
        return pieces
    return None


def _take_front(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split leading titles/ranks off ``tokens``; salutations are dropped."""
    front: list[str] = []
    i = 0
    after_rank = False
    while i < len(tokens):
        tok = tokens[i]
        key = _key(tok)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if key in _SALUTATIONS:
            after_rank = False
        elif tok.casefold() == "k." and nxt.casefold() == "h.":
            front.append(f"{tok} {nxt}")
            i += 1
            after_rank = False
        elif _is_front_title(tok):
            front.append(tok)
            after_rank = False
        elif key in _RANKS:
            front.append(tok)
            after_rank = True
        elif after_rank and (key in _RANK_SUFFIXES or tok.casefold() in _RANK_SUFFIXES):
            front.append(tok)
        elif (glued := _glued_front_titles(tok)) is not None:
            front.extend(glued)
            after_rank = False
        else:
            break
        i += 1
    return front, tokens[i:]


def split_titles(full: str) -> tuple[str, str, str]:
    """Split a name as typed in a spreadsheet into (front titles, name, back titles).

    Rules:
        * Everything after the first comma is back titles, normalised to
          ``"S.T., M.T."``. Without a comma, trailing well-known degrees
          (``S.H.``, ``M.Si.`` ...) written with their dots are taken too.
        * Leading front titles are recognised in any case: Prof., Dr., dr.,
          drg., drh., Ir., Drs., Dra., H. (with dot), Hj., K.H./KH., Ny., Tn.,
          apt., Ns., Pdt., Ust.; glued forms like ``"Dr.H."`` are split.
        * Police and military ranks are front titles: AKBP, AKP, Kompol,
          Kombes, Iptu, Ipda, Aiptu, Aipda, Bripka, Brigpol, Briptu, Bripda,
          Brigjen, Irjen, Komjen, Jenderal, Kolonel, Letkol, Mayor, Kapten,
          Lettu, Letda, Mayjen, Letjen, NCO ranks (Serma ... Prada), navy and
          air-force flag ranks; each may be followed by a corps suffix such as
          ``Pol.``, ``TNI``, ``Inf.``, ``Kav.``, ``Arh.``, ``Czi.``, ``Laut (P)``
          or ``(Purn.)``.
        * Salutations (Yth., Bapak, Bpk., Ibu, Bu, Sdr., Sdri., Saudara,
          Saudari) are dropped entirely.
        * Whitespace is collapsed; missing parts are ``""``. If every word is a
          title, the name is ``""``.

    Examples:
        ``"Dr. H. Sri Purwaningsih, M.Si."`` → ``("Dr. H.", "Sri Purwaningsih", "M.Si.")``;
        ``"Letkol Inf. Eko, S.I.P."`` → ``("Letkol Inf.", "Eko", "S.I.P.")``.
    """
    text = _collapse(full)
    head, comma, tail = text.partition(",")
    back_parts = [_clean_back_titles(tail)] if comma else []
    front, rest = _take_front(head.split())
    trailing: list[str] = []
    while len(rest) > 1 and rest[-1] in _BACK_TITLES_NO_COMMA:
        trailing.append(rest.pop())
    trailing.reverse()
    back = ", ".join(p for p in [*trailing, *back_parts] if p)
    return " ".join(front), " ".join(rest), back


# --------------------------------------------------------------------------- acting heads

_ACTING_HEAD_OF_REGION = re.compile(
    r"(?:(?:pjs?|plt|plh|penjabat(?: sementara)?|pejabat sementara"
    r"|pelaksana (?:tugas|harian)) )+"
    r"(?:wakil )?(?:gubernur|bupati|wali ?kota)\b"
)


def is_acting_head_of_region(jabatan: str) -> bool:
    """True if ``jabatan`` is an acting (deputy) head of region.

    Matches Pj./Pjs./Plt./Plh. (with or without period) and the spelled-out
    forms Penjabat, Penjabat Sementara, Pelaksana Tugas, Pelaksana Harian, in
    front of Gubernur, Bupati, Wali Kota/Walikota or their Wakil. Acting heads
    of offices ("Plt. Kepala Dinas ..."), villages ("Pj. Kepala Desa") and
    jabatan starting with "a.n." are not heads of region and give False.
    """
    normalized = _collapse(re.sub(r"[.,:;()]", " ", jabatan.casefold()))
    return _ACTING_HEAD_OF_REGION.match(normalized) is not None


# --------------------------------------------------------------------------- signatures


@dataclass(frozen=True)
class SignatureBlock:
    """The printed lines under a signature space.

    Attributes:
        jabatan: Position line (the renderer adds the trailing comma).
        name: Name, with titles unless the signer is an acting head of region.
        rank_line: ``"Pembina, IV/a"`` or ``""``.
        nip_line: ``"NIP. 19770312 200312 2 007"``, ``"NRP. 75060123"`` or ``""``.
    """

    jabatan: str
    name: str
    rank_line: str
    nip_line: str


def _rank_line(pangkat: str, golongan: str) -> str:
    """Combine pangkat and golongan as ``"Pembina, IV/a"``; either may be empty."""
    pangkat = _collapse(pangkat).strip(",").strip()
    golongan = _collapse(golongan).strip(",").strip()
    if golongan and re.search(rf"(?<![\w/]){re.escape(golongan)}(?![\w/])", pangkat, re.IGNORECASE):
        return pangkat  # pangkat already carries the golongan: "Pembina (IV/a)"
    return ", ".join(p for p in (pangkat, golongan) if p)


def signature_block(
    *,
    jabatan: str,
    name: str,
    front_titles: str = "",
    back_titles: str = "",
    pangkat: str = "",
    golongan: str = "",
    nip: str = "",
) -> SignatureBlock:
    """Build the signature lines for a signer (DOMAIN.md §3).

    A normal official signs with titles, ``"pangkat, golongan"`` and
    ``"NIP. ..."`` (lines empty when the data is missing). A Pj./Plt./Plh.
    head of region (see :func:`is_acting_head_of_region`) signs with the bare
    name only: no titles, pangkat/golongan or NIP.
    """
    jabatan = _collapse(jabatan)
    if is_acting_head_of_region(jabatan):
        return SignatureBlock(jabatan=jabatan, name=_collapse(name), rank_line="", nip_line="")
    formatted_nip = format_nip_nrp(nip)
    return SignatureBlock(
        jabatan=jabatan,
        name=format_name(name, front_titles, back_titles),
        rank_line=_rank_line(pangkat, golongan),
        nip_line=f"{id_label(nip)} {formatted_nip}" if formatted_nip else "",
    )


# --------------------------------------------------------------------------- search and sort

_APOSTROPHES = str.maketrans("", "", "'`\u2018\u2019\u02bc")


def normalize_for_search(text: str) -> str:
    """Fold text for matching: casefold, strip accents, punctuation to spaces.

    Apostrophes are removed without a space (``"Ma'ruf"`` → ``"maruf"``);
    other non-alphanumeric characters become spaces; whitespace is collapsed.
    ``"Renée"`` → ``"renee"``.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES))
    kept = (ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch))
    return _collapse("".join(kept))


def _bare_name(name: str) -> str:
    """The name without titles, ranks or salutations typed into it."""
    bare = split_titles(name)[1]
    return bare or _collapse(name)


def name_search_key(name: str) -> str:
    """Search key of a bare name (titles stored separately are not included).

    Titles accidentally typed into ``name`` are stripped defensively, so
    "dr" never matches every doctor.
    """
    return normalize_for_search(_bare_name(name))


def name_sort_key(name: str, front_titles: str = "", back_titles: str = "") -> str:
    """Sort key that ignores titles: ``"Dr. H. Sri ..."`` sorts under "sri".

    ``front_titles`` and ``back_titles`` are accepted for call-site symmetry
    with :func:`format_name` and deliberately ignored.
    """
    del front_titles, back_titles
    return normalize_for_search(_bare_name(name))
