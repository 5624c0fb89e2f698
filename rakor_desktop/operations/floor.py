"""Questions from the floor (issue 14): sent from a phone, taken up by the moderator.

A question sent from the floor page never goes straight to the screen: it waits in
the moderator's incoming list (:func:`incoming_floor_questions`) until it is accepted
into the current termin (:func:`accept_floor_question`: a question of the termin like
one typed at the laptop, through ``discussion.add_question`` with its cap, with source
``ponsel``) or set aside (:func:`set_aside_floor_question`). Each floor question has a
version; a page names the one it saw, and a stale one is refused with
:class:`~rakor_desktop.messages.ConflictError` (nothing applied twice).
"""

from __future__ import annotations

import uuid

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.messages import ConflictError, NotFoundError, ValidationError
from rakor_desktop.models import (
    FloorQuestion,
    FloorQuestionStatus,
    Question,
    QuestionSource,
)
from rakor_desktop.operations import discussion
from rakor_desktop.operations.events import get_event
from rakor_desktop.operations.rundown import _invitee_of_event, invitee_display_name
from rakor_desktop.operations.selfcheckin import MAX_NAME_CHARS, bounded_text, device_hash
from rakor_desktop.storage import Storage
from rakor_desktop.text import FLOOR_QUESTION, clean_text

MAX_QUESTION_CHARS = FLOOR_QUESTION  # 1,000


def get_floor_question(storage: Storage, floor_id: int) -> FloorQuestion:
    """The floor question, or :class:`NotFoundError`."""
    floor = storage.get_floor_question(floor_id)
    if floor is None:
        raise NotFoundError.of("floor_question", floor_id)
    return floor


def submit_floor_question(
    storage: Storage,
    event_id: int,
    *,
    question: str,
    asker_name: str = "",
    asker_instansi: str = "",
    asker_invitee_id: int | None = None,
    addressed_to: str = "",
    device: str = "",
    uid: str = "",
    clock: Clock = utc_now,
) -> FloorQuestion:
    """Keep a question sent from the floor page in the moderator's incoming list.

    The asker picked themselves from the list (``asker_invitee_id``, their name with
    titles and instansi taken from it unless typed) or typed their name. ``uid``, made
    by the page, makes a repeated submission (a double tap, a resend after a lost
    answer) a no-op that returns the question kept the first time. ``device`` (the
    page's cookie and address) is kept only as a short hash.

    Raises:
        ValidationError: no question or no name, or a text too long (nothing kept).
    """
    text = clean_text(question, multiline=True, max_length=10 * MAX_QUESTION_CHARS).strip()
    if not text:
        raise ValidationError("Tuliskan pertanyaan Anda.", "Type your question.")
    if len(text) > MAX_QUESTION_CHARS:
        raise ValidationError(
            "Pertanyaan terlalu panjang ({length} karakter; paling banyak {limit}).",
            "The question is too long ({length} characters; at most {limit}).",
            length=len(text), limit=MAX_QUESTION_CHARS,
        )
    name = bounded_text(asker_name, MAX_NAME_CHARS, "Nama", "The name")
    instansi = bounded_text(asker_instansi, MAX_NAME_CHARS, "Instansi", "The institution")
    addressee = bounded_text(addressed_to, MAX_NAME_CHARS, "Ditujukan kepada", "The addressee")
    if uid:
        try:
            uid = str(uuid.UUID(uid))
        except (ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(
                "Kiriman tidak dikenali; muat ulang halaman.",
                "The submission is not recognised; reload the page.",
            ) from exc
    with storage.transaction():
        get_event(storage, event_id)
        if uid:
            earlier = storage.get_floor_question_by_uid(uid)
            if earlier is not None:
                if earlier.event_id != event_id:
                    raise ConflictError()
                return earlier
        invitee = _invitee_of_event(storage, event_id, asker_invitee_id)
        if invitee is not None:
            name = name or invitee_display_name(invitee)
            instansi = instansi or invitee.instansi
        if not name:
            raise ValidationError(
                "Tuliskan nama Anda atau pilih nama Anda dari daftar.",
                "Type your name or pick it from the list.",
            )
        floor_id = storage.insert_floor_question(
            FloorQuestion(
                event_id=event_id, asker_name=name, asker_instansi=instansi,
                asker_invitee_id=asker_invitee_id, addressed_to=addressee, question=text,
                submitted_at=clock(), device_hash=device_hash(device) if device else "",
                uid=uid,
            )
        )  # fmt: skip
        return get_floor_question(storage, floor_id)


def incoming_floor_questions(storage: Storage, event_id: int) -> list[FloorQuestion]:
    """The questions from the floor waiting for the moderator, oldest first."""
    return storage.list_floor_questions(event_id, [FloorQuestionStatus.INCOMING])


def set_aside_floor_questions(storage: Storage, event_id: int) -> list[FloorQuestion]:
    """The questions from the floor the moderator set aside, oldest first."""
    return storage.list_floor_questions(event_id, [FloorQuestionStatus.SET_ASIDE])


def _take_up(
    storage: Storage, floor_id: int, expected_version: int | None, event_id: int | None
) -> FloorQuestion:
    """The floor question to act on: of this event, at the version the page saw."""
    floor = get_floor_question(storage, floor_id)
    if event_id is not None and floor.event_id != event_id:
        raise NotFoundError.of("floor_question", floor_id)
    if expected_version is not None and floor.version != expected_version:
        raise ConflictError()
    return floor


def _already_decided(floor: FloorQuestion) -> ValidationError:
    if floor.status == FloorQuestionStatus.ACCEPTED:
        return ValidationError(
            "Pertanyaan {name} sudah diterima ke termin.",
            "The question of {name} was already accepted into a termin.",
            name=floor.asker_name,
        )
    return ValidationError(
        "Pertanyaan {name} sudah disisihkan.",
        "The question of {name} was already set aside.",
        name=floor.asker_name,
    )


def accept_floor_question(
    storage: Storage,
    floor_id: int,
    *,
    expected_version: int | None = None,
    event_id: int | None = None,
    clock: Clock = utc_now,
) -> Question:
    """Accept a question from the floor (incoming or set aside) into the current termin:
    it joins the termin's queue like one typed at the laptop, with source ``ponsel``.

    Raises:
        ConflictError: the floor question changed since the page saw
            ``expected_version`` (nothing applied).
        ValidationError: already accepted, no termin or the termin closed, or the
            termin is full (its cap applies).
    """
    with storage.transaction():
        floor = _take_up(storage, floor_id, expected_version, event_id)
        if floor.status == FloorQuestionStatus.ACCEPTED:
            raise _already_decided(floor)
        termin = discussion.current_termin(storage, floor.event_id)
        if termin is None or termin.id is None:
            raise ValidationError(
                "Belum ada termin. Buka termin pertama dulu.",
                "There is no termin yet. Open the first termin.",
            )
        if termin.closed_at is not None:
            raise ValidationError(
                "Termin {number} sudah ditutup. Buka termin berikutnya dulu.",
                "Termin {number} is closed. Open the next termin first.",
                number=termin.number,
            )
        question = discussion.add_question(
            storage, termin.id, asker_name=floor.asker_name,
            asker_instansi=floor.asker_instansi, asker_invitee_id=floor.asker_invitee_id,
            question=floor.question, addressed_to=floor.addressed_to, clock=clock,
            source=QuestionSource.PONSEL,
        )  # fmt: skip
        assert floor.id is not None
        if not storage.set_floor_question_status(
            floor.id, FloorQuestionStatus.ACCEPTED, question_id=question.id,
            expected_version=floor.version,
        ):  # fmt: skip
            raise ConflictError()
        return question


def set_aside_floor_question(
    storage: Storage,
    floor_id: int,
    *,
    expected_version: int | None = None,
    event_id: int | None = None,
) -> FloorQuestion:
    """Set a question from the floor aside (kept, out of the incoming list).

    Raises:
        ConflictError: it changed since the page saw ``expected_version``.
        ValidationError: it was already accepted or set aside.
    """
    with storage.transaction():
        floor = _take_up(storage, floor_id, expected_version, event_id)
        if floor.status != FloorQuestionStatus.INCOMING:
            raise _already_decided(floor)
        assert floor.id is not None
        if not storage.set_floor_question_status(
            floor.id, FloorQuestionStatus.SET_ASIDE, expected_version=floor.version
        ):
            raise ConflictError()
        return get_floor_question(storage, floor.id)


def return_floor_question(
    storage: Storage,
    floor_id: int,
    *,
    expected_version: int | None = None,
    event_id: int | None = None,
) -> FloorQuestion:
    """Put a question set aside back into the incoming list.

    Raises:
        ConflictError: it changed since the page saw ``expected_version``.
        ValidationError: it is not set aside.
    """
    with storage.transaction():
        floor = _take_up(storage, floor_id, expected_version, event_id)
        if floor.status != FloorQuestionStatus.SET_ASIDE:
            if floor.status == FloorQuestionStatus.ACCEPTED:
                raise _already_decided(floor)
            return floor
        assert floor.id is not None
        if not storage.set_floor_question_status(
            floor.id, FloorQuestionStatus.INCOMING, expected_version=floor.version
        ):
            raise ConflictError()
        return get_floor_question(storage, floor.id)
