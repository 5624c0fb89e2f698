"""Self check-in with a phone (issue 14), and what the public pages may look up.

The QR code at the entrance and on the hall screen carries a code that changes every
minute (:class:`HallKeys`), proof of being in the hall. An official finds themselves
by the code printed on their invitation, or by name (three letters or more) plus the
last four digits of the phone number on the list; they are shown at most five names
with their institution and an opaque ``ref`` (never NIP, phone or ids), sign with a
finger, and are recorded like a check-in at a desk with station ``"ponsel"``
(:func:`phone_checkin`: the check-in and the signature in one transaction). Someone
not on the list is kept as a phone walk-in waiting for a desk to confirm
(:func:`confirm_phone_walk_in`: registered as a walk-in with the signature) or refuse.

The secret behind the codes and refs is random per :class:`HallKeys` (one per host
start, kept in memory): the web server and the host's screens share one instance.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.formatting import format_name
from rakor_desktop.images import check_signature
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.models import CheckinResult, PhoneWalkIn, PhoneWalkInStatus
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations.events import get_event
from rakor_desktop.operations.invitations import CODE_ALPHABET, CODE_LENGTH
from rakor_desktop.storage import Storage
from rakor_desktop.text import NAME, SHORT, clean_text

PHONE_STATION = "ponsel"
"""The station of every check-in and signature recorded from a phone."""

ROTATING_CODE_LENGTH = 6
SEARCH_CODE_MINUTES = 1
"""A rotating code is good for looking up while it is this minute's or the previous one's."""
SUBMIT_CODE_MINUTES = 5
"""… and for checking in if it was valid within the last five minutes (signing takes time)."""
MIN_NAME_LETTERS = 3
MAX_PUBLIC_RESULTS = 5
MAX_NAME_CHARS = NAME  # 200
MAX_PHONE_CHARS = SHORT  # 100

PURPOSE_ASKER = "tanya"  # a name picked on the floor-question page
PURPOSE_CHECKIN = "hadir"  # an invitee found (and proven) on the self check-in page


class HallKeys:
    """The secret of one host start: the rotating entrance code and the opaque refs.

    Args:
        secret: Random bytes (tests pass fixed ones); a new random secret when None.
        clock: The host's clock.
    """

    def __init__(self, secret: bytes | None = None, *, clock: Clock = utc_now) -> None:
        self._secret = secret if secret is not None else secrets.token_bytes(32)
        self.clock = clock
        self._mask = hmac.new(self._secret, b"ref-mask", hashlib.sha256).digest()[:16]

    # -- the rotating code -----------------------------------------------------------------

    def code_at(self, minute: int) -> str:
        """The code of one Unix minute: HMAC-SHA256(secret, str(minute)) → 6 characters
        of the check-in code alphabet."""
        digest = hmac.new(self._secret, str(minute).encode("ascii"), hashlib.sha256).digest()
        number = int.from_bytes(digest[:8], "big")
        chars = []
        for _ in range(ROTATING_CODE_LENGTH):
            number, index = divmod(number, len(CODE_ALPHABET))
            chars.append(CODE_ALPHABET[index])
        return "".join(chars)

    def current_minute(self) -> int:
        """The Unix minute now."""
        return int(self.clock().timestamp() // 60)

    def current_code(self) -> str:
        """The code of this minute (for the QR at the entrance and on the screen)."""
        return self.code_at(self.current_minute())

    def seconds_left(self) -> float:
        """Seconds until the code changes (for a screen that refreshes its QR)."""
        return 60.0 - self.clock().timestamp() % 60

    def code_is_valid(self, code: str, *, minutes: int = SEARCH_CODE_MINUTES) -> bool:
        """Whether ``code`` is this minute's or one of the ``minutes`` before."""
        typed = (code or "").strip().upper()
        if len(typed) != ROTATING_CODE_LENGTH:
            return False
        now = self.current_minute()
        return any(
            hmac.compare_digest(typed, self.code_at(minute))
            for minute in range(now - minutes, now + 1)
        )

    def check_code(self, code: str, *, minutes: int = SEARCH_CODE_MINUTES) -> None:
        """Refuse a code that is not (or no longer) valid, in the user's language."""
        if not self.code_is_valid(code, minutes=minutes):
            raise ValidationError(
                "Kode kehadiran sudah kedaluwarsa atau salah. Pindai lagi kode QR di pintu "
                "masuk atau di layar.",
                "The attendance code has expired or is wrong. Scan the QR code at the "
                "entrance or on the screen again.",
            )

    # -- opaque refs ---------------------------------------------------------------------------

    def ref(self, purpose: str, invitee_uid: str) -> str:
        """An opaque reference to an invitee for a public page, good for one purpose.

        The page learns no id: the invitee's uid is masked with the secret, and a tag
        binds it to ``purpose`` (a name picked on the question page cannot check
        anyone in).
        """
        raw = uuid.UUID(invitee_uid).bytes
        masked = bytes(a ^ b for a, b in zip(raw, self._mask, strict=True))
        tag = self._tag(purpose, masked)
        return _b64(masked) + "." + _b64(tag)

    def resolve(self, purpose: str, ref: str) -> str | None:
        """The invitee uid behind a ref of ``purpose``, or None (forged, other purpose,
        or of another host start)."""
        if not isinstance(ref, str) or len(ref) > 64 or ref.count(".") != 1:
            return None
        masked_text, tag_text = ref.split(".")
        try:
            masked, tag = _unb64(masked_text), _unb64(tag_text)
        except ValueError:
            return None
        if len(masked) != 16 or not hmac.compare_digest(tag, self._tag(purpose, masked)):
            return None
        raw = bytes(a ^ b for a, b in zip(masked, self._mask, strict=True))
        return str(uuid.UUID(bytes=raw))

    def _tag(self, purpose: str, masked: bytes) -> bytes:
        message = purpose.encode() + b":" + masked
        return hmac.new(self._secret, message, hashlib.sha256).digest()[:12]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    if not text.isascii():
        raise ValueError("not base64")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise ValueError("not base64") from exc


def device_hash(device: str) -> str:
    """What is kept of a device's cookie and address: a short SHA-256, never the value."""
    return hashlib.sha256(device.encode("utf-8", "replace")).hexdigest()[:16]


# -- what the public pages are shown ----------------------------------------------------------


@dataclass(frozen=True)
class PublicMatch:
    """One name a public page may show: the name (with titles), the institution and an
    opaque ref. ``present`` only on the self check-in page (the person proved who they
    are)."""

    ref: str
    name: str
    instansi: str
    present: bool = False

    def as_json(self) -> dict[str, Any]:
        """The match as the page receives it."""
        return {"ref": self.ref, "name": self.name, "instansi": self.instansi,
                "present": self.present}


def _letters(query: str) -> int:
    return sum(1 for c in query if c.isalnum())


def _check_name_query(query: str) -> str:
    query = clean_text(query, max_length=MAX_NAME_CHARS).strip()
    if _letters(query) < MIN_NAME_LETTERS:
        raise ValidationError(
            "Ketik paling sedikit {count} huruf nama.",
            "Type at least {count} letters of the name.",
            count=MIN_NAME_LETTERS,
        )
    return query


def _match(keys: HallKeys, purpose: str, row: dict[str, Any], *, present: bool) -> PublicMatch:
    return PublicMatch(
        ref=keys.ref(purpose, str(row["uid"])),
        name=format_name(row["name"], row["front_titles"], row["back_titles"]),
        instansi=str(row["instansi"]),
        present=present and bool(row["present"]),
    )


def search_askers(
    storage: Storage, event_id: int, keys: HallKeys, query: str
) -> list[PublicMatch]:
    """The floor-question page's "who are you": at most five invitees whose name has a
    word starting with every word typed (three letters or more), name and instansi."""
    query = _check_name_query(query)
    rows = storage.public_name_matches(event_id, query, limit=MAX_PUBLIC_RESULTS)
    return [_match(keys, PURPOSE_ASKER, row, present=False) for row in rows]


def asker_of_ref(storage: Storage, event_id: int, keys: HallKeys, ref: str) -> int:
    """The invitee id behind a ref of the floor-question page, or :class:`NotFoundError`."""
    return _invitee_of_ref(storage, event_id, keys, PURPOSE_ASKER, ref)


def _invitee_of_ref(
    storage: Storage, event_id: int, keys: HallKeys, purpose: str, ref: str
) -> int:
    uid = keys.resolve(purpose, ref)
    row = None if uid is None else storage.public_invitee_by_uid(event_id, uid)
    if row is None:
        raise NotFoundError(
            "Nama yang dipilih tidak ditemukan lagi. Cari nama Anda sekali lagi.",
            "The name picked is no longer found. Look your name up again.",
        )
    return int(row["id"])


def _phone_digits(value: str) -> str:
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) != 4 or not digits.isascii():
        raise ValidationError(
            "Tuliskan empat angka terakhir nomor HP Anda.",
            "Type the last four digits of your phone number.",
        )
    return digits


def find_for_checkin(
    storage: Storage,
    event_id: int,
    keys: HallKeys,
    *,
    rotating_code: str,
    invitation_code: str = "",
    name: str = "",
    phone_last4: str = "",
) -> list[PublicMatch]:
    """The self check-in page's lookup: by the code on the invitation (exact), or by
    name (three letters or more) with the last four digits of the phone number on the
    list (both must match). At most five matches; an empty list when none.

    Raises:
        ValidationError: the rotating code is not this minute's or the previous one's,
            or the name or digits are missing.
    """
    keys.check_code(rotating_code, minutes=SEARCH_CODE_MINUTES)
    code = clean_text(invitation_code, max_length=SHORT).strip().upper()
    if code:
        if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
            return []
        row = storage.public_invitee_by_code(event_id, code)
        return [] if row is None else [_match(keys, PURPOSE_CHECKIN, row, present=True)]
    query = _check_name_query(name)
    digits = _phone_digits(phone_last4)
    rows = storage.public_name_matches(
        event_id, query, limit=MAX_PUBLIC_RESULTS, phone_last4=digits
    )
    return [_match(keys, PURPOSE_CHECKIN, row, present=True) for row in rows]


def _check_png(png: bytes) -> None:
    if not isinstance(png, bytes | bytearray) or not bytes(png).startswith(
        checkin_ops.PNG_SIGNATURE
    ):
        raise ValidationError(
            "Tanda tangan harus berupa gambar PNG.", "The signature must be a PNG image."
        )
    if len(png) > checkin_ops.MAX_SIGNATURE_BYTES:
        raise ValidationError(
            "Gambar tanda tangan terlalu besar ({size} KB; paling besar {limit} KB).",
            "The signature image is too large ({size} KB; at most {limit} KB).",
            size=len(png) // 1000, limit=checkin_ops.MAX_SIGNATURE_BYTES // 1000,
        )
    check_signature(bytes(png))
    if _is_blank(bytes(png)):
        raise ValidationError(
            "Tanda tangan masih kosong. Bubuhkan tanda tangan dengan jari pada kotak.",
            "The signature is empty. Sign with a finger in the box.",
        )


def _is_blank(png: bytes) -> bool:
    """Whether a (checked) signature image shows no stroke: nothing darker than near
    white once laid on white paper (an untouched pad sends a blank canvas)."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(png)) as image:
        rgba = image.convert("RGBA")
    paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    paper.alpha_composite(rgba)
    ink = ImageOps.invert(paper.convert("L")).point(lambda v: 255 if v > 32 else 0)
    return ink.getbbox() is None


def phone_checkin(
    storage: Storage,
    event_id: int,
    keys: HallKeys,
    *,
    rotating_code: str,
    ref: str,
    signature_png: bytes,
    clock: Clock = utc_now,
) -> CheckinResult:
    """Check in the invitee found on the self check-in page, with their signature, as a
    desk does (station ``"ponsel"``), in one transaction.

    Someone already present is told so (``already_present``) and nothing is added.

    Raises:
        ValidationError: the rotating code was not valid within the last five minutes,
            or the signature is not a usable PNG (nothing recorded).
        NotFoundError: the ref is not one of this page (forged, or of an earlier start).
    """
    keys.check_code(rotating_code, minutes=SUBMIT_CODE_MINUTES)
    _check_png(signature_png)
    desk = checkin_ops.Desk(PHONE_STATION)
    with storage.transaction():
        get_event(storage, event_id)
        invitee_id = _invitee_of_ref(storage, event_id, keys, PURPOSE_CHECKIN, ref)
        now = clock()
        result = checkin_ops.checkin_invitee(storage, invitee_id, desk, clock=lambda: now)
        if not result.already_present:
            checkin_ops.add_signature(
                storage, invitee_id, bytes(signature_png), desk, clock=lambda: now
            )
    return result


# -- walk-ins by phone ------------------------------------------------------------------------


def bounded_text(value: str, max_length: int, indonesian: str, english: str) -> str:
    """One line of text from a public page, cleaned; refused when longer than
    ``max_length`` (rather than cut: the person is told and can shorten it).

    ``indonesian``/``english`` name the field in the message ("Nama", "The name").
    """
    cleaned = " ".join(clean_text(value, max_length=10 * max_length).split())
    if len(cleaned) > max_length:
        raise ValidationError(
            "{field} terlalu panjang ({length} karakter; paling banyak {limit}).",
            "{field_en} is too long ({length} characters; at most {limit}).",
            field=indonesian, field_en=english, length=len(cleaned), limit=max_length,
        )
    return cleaned


def submit_phone_walk_in(
    storage: Storage,
    event_id: int,
    keys: HallKeys,
    *,
    rotating_code: str,
    name: str,
    jabatan: str = "",
    instansi: str = "",
    phone: str = "",
    signature_png: bytes,
    device: str = "",
    clock: Clock = utc_now,
) -> PhoneWalkIn:
    """Someone not on the list checks in with a phone: kept (with the signature) as a
    walk-in waiting for a desk to confirm or refuse.

    Raises:
        ValidationError: the rotating code expired, no name, a text too long, or a
            signature that is not a usable PNG (nothing stored).
    """
    keys.check_code(rotating_code, minutes=SUBMIT_CODE_MINUTES)
    name = bounded_text(name, MAX_NAME_CHARS, "Nama", "The name")
    if not name:
        raise ValidationError("Tuliskan nama Anda.", "Type your name.")
    jabatan = bounded_text(jabatan, MAX_NAME_CHARS, "Jabatan", "The position")
    instansi = bounded_text(instansi, MAX_NAME_CHARS, "Instansi", "The institution")
    phone = bounded_text(phone, MAX_PHONE_CHARS, "Nomor HP", "The phone number")
    _check_png(signature_png)
    with storage.transaction():
        get_event(storage, event_id)
        walkin_id = storage.insert_phone_walkin(
            PhoneWalkIn(
                event_id=event_id, name=name, jabatan=jabatan, instansi=instansi,
                phone=phone, signature_png=bytes(signature_png), submitted_at=clock(),
                device_hash=device_hash(device) if device else "",
            )
        )  # fmt: skip
        return get_phone_walk_in(storage, walkin_id)


def get_phone_walk_in(storage: Storage, walkin_id: int) -> PhoneWalkIn:
    """The phone walk-in, or :class:`NotFoundError`."""
    walkin = storage.get_phone_walkin(walkin_id)
    if walkin is None:
        raise NotFoundError.of("phone_walkin", walkin_id)
    return walkin


def waiting_phone_walk_ins(storage: Storage, event_id: int) -> list[PhoneWalkIn]:
    """Walk-ins by phone waiting for a desk, oldest first."""
    return storage.list_phone_walkins(event_id, [PhoneWalkInStatus.WAITING])


def _check_waiting(walkin: PhoneWalkIn) -> None:
    if walkin.status != PhoneWalkInStatus.WAITING:
        done = ("dikonfirmasi", "confirmed") if walkin.status == PhoneWalkInStatus.CONFIRMED \
            else ("ditolak", "refused")
        raise ValidationError(
            "Pendaftaran {name} sudah {done} oleh {by}.",
            "The registration of {name} was already {done_en} by {by}.",
            name=walkin.name, done=done[0], done_en=done[1], by=walkin.decided_by or "-",
        )


@dataclass(frozen=True)
class WalkInDecision:
    """What a desk's confirmation of a phone walk-in did."""

    walk_in: PhoneWalkIn
    checkin: CheckinResult | None  # None when refused


def confirm_phone_walk_in(
    storage: Storage, walkin_id: int, desk: checkin_ops.Desk, *, clock: Clock = utc_now
) -> WalkInDecision:
    """A desk confirms a phone walk-in: registered as a walk-in (``register_walk_in``)
    and checked in at the moment they sent the form, with their signature, station
    ``"ponsel"`` (the desk that confirmed is the operator), in one transaction.

    Raises:
        ValidationError: another desk decided first (nothing changes).
    """
    with storage.transaction():
        walkin = get_phone_walk_in(storage, walkin_id)
        _check_waiting(walkin)
        arrived = walkin.submitted_at or clock()
        phone_desk = checkin_ops.Desk(PHONE_STATION, operator=desk.station)
        registered = checkin_ops.register_walk_in(
            storage, walkin.event_id, walkin.name, phone_desk, jabatan=walkin.jabatan,
            instansi=walkin.instansi, phone=walkin.phone, clock=lambda: arrived,
        )  # fmt: skip
        result = registered.checkin
        invitee_id = result.invitee.id
        assert invitee_id is not None
        if not result.already_present and walkin.signature_png:
            checkin_ops.add_signature(
                storage, invitee_id, walkin.signature_png, phone_desk, clock=lambda: arrived
            )
        storage.decide_phone_walkin(
            walkin_id, PhoneWalkInStatus.CONFIRMED, at=clock(), by=desk.station,
            invitee_id=invitee_id,
        )  # fmt: skip
        return WalkInDecision(get_phone_walk_in(storage, walkin_id), result)


def refuse_phone_walk_in(
    storage: Storage, walkin_id: int, desk: checkin_ops.Desk, *, clock: Clock = utc_now
) -> WalkInDecision:
    """A desk refuses a phone walk-in (kept, marked refused; nobody is checked in).

    Raises:
        ValidationError: another desk decided first (nothing changes).
    """
    with storage.transaction():
        walkin = get_phone_walk_in(storage, walkin_id)
        _check_waiting(walkin)
        storage.decide_phone_walkin(
            walkin_id, PhoneWalkInStatus.REFUSED, at=clock(), by=desk.station
        )
        return WalkInDecision(get_phone_walk_in(storage, walkin_id), None)
