"""The discussion: termins and questions, follow-ups and conclusions.

Every user action is one function that validates, changes the data in one
transaction and returns what changed. Moments come from an injected ``clock``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, NoReturn

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.messages import ConflictError, NotFoundError, ValidationError
from rakor_desktop.models import (
    Conclusion,
    FollowUp,
    Question,
    QuestionSource,
    QuestionStatus,
    Termin,
)
from rakor_desktop.operations.events import get_event
from rakor_desktop.operations.rundown import (
    _LIMITS,
    KEY_HIGHLIGHT,
    _clean_text,
    _invitee_of_event,
    invitee_display_name,
    meeting_settings,
    move_in_order,
)
from rakor_desktop.storage import Storage

# -- termins --------------------------------------------------------------------------


def get_termin(storage: Storage, termin_id: int) -> Termin:
    """The termin, or :class:`NotFoundError`."""
    termin = storage.get_termin(termin_id)
    if termin is None:
        raise NotFoundError.of("termin", termin_id)
    return termin


def _check_termin_version(storage: Storage, termin_id: int, expected_version: int | None) -> None:
    """Refuse an action on a termin whose version is not the one the page saw."""
    if expected_version is not None and storage.termin_version(termin_id) != expected_version:
        raise ConflictError()


def _check_question_version(
    storage: Storage, question_id: int, expected_version: int | None
) -> None:
    """Refuse an action on a question whose version is not the one the page saw."""
    if expected_version is not None and storage.question_version(question_id) != expected_version:
        raise ConflictError()


def _needs_id(expected_version: int | None, record_id: int | None, what: str) -> None:
    if expected_version is not None and record_id is None:
        raise ValueError(f"expected_version names the version of a {what}: give its id too")


def current_termin(storage: Storage, event_id: int) -> Termin | None:
    """The latest termin of an event (open or closed), or None."""
    termins = storage.list_termins(event_id)
    return termins[-1] if termins else None


def _close_termin(storage: Storage, termin: Termin, now: datetime) -> None:
    assert termin.id is not None
    storage.update_termin_fields(termin.id, {"closed_at": now})


def open_termin(
    storage: Storage, event_id: int, *, clock: Clock = utc_now, max_askers: int | None = None
) -> Termin:
    """Open the next round of questions (the open one closes); the cap from the settings."""
    with storage.transaction():
        get_event(storage, event_id)
        now = clock()
        if max_askers is None:
            max_askers = meeting_settings(storage, event_id).termin_max_askers
        _check_cap(max_askers)
        latest = current_termin(storage, event_id)
        if latest is not None and latest.closed_at is None:
            _close_termin(storage, latest, now)
        termin_id = storage.insert_termin(
            Termin(
                event_id=event_id,
                number=storage.next_termin_number(event_id),
                max_askers=max_askers,
                opened_at=now,
            )
        )
        return get_termin(storage, termin_id)


def _check_cap(max_askers: int) -> None:
    low, high = _LIMITS["termin_max_askers"]
    if not low <= max_askers <= high:
        raise ValidationError(
            "Jumlah penanya per termin harus antara {low} dan {high}.",
            "Askers per termin must be between {low} and {high}.",
            low=low, high=high,
        )


def close_termin(
    storage: Storage,
    termin_id: int,
    *,
    clock: Clock = utc_now,
    expected_version: int | None = None,
) -> Termin:
    """Close a termin to askers: the narasumber answer.

    With ``expected_version`` (a moderator's page), a termin changed since is refused
    with :class:`ConflictError`.
    """
    with storage.transaction():
        termin = get_termin(storage, termin_id)
        _check_termin_version(storage, termin_id, expected_version)
        if termin.closed_at is not None:
            raise ValidationError(
                "Termin {number} sudah ditutup.", "Termin {number} is already closed.",
                number=termin.number,
            )
        _close_termin(storage, termin, clock())
        return get_termin(storage, termin_id)


def set_termin_max_askers(storage: Storage, termin_id: int, max_askers: int) -> Termin:
    """Change the cap of a termin (never below the askers it has)."""
    with storage.transaction():
        termin = get_termin(storage, termin_id)
        _check_cap(max_askers)
        askers = storage.count_askers(termin_id)
        if max_askers < askers:
            raise ValidationError(
                "Termin {number} sudah memiliki {askers} penanya.",
                "Termin {number} already has {askers} askers.",
                number=termin.number, askers=askers,
            )
        storage.update_termin_fields(termin_id, {"max_askers": max_askers})
        return get_termin(storage, termin_id)


@dataclass(frozen=True)
class TerminStep:
    """What the T key did: closed the termin (answers now) or opened a new one."""

    opened: bool
    termin: Termin


def advance_termin(
    storage: Storage,
    event_id: int,
    *,
    clock: Clock = utc_now,
    termin_id: int | None = None,
    expected_version: int | None = None,
) -> TerminStep:
    """The moderator's T key: close the open termin and turn to the answers (the first
    question to answer is highlighted), or, when it is closed, open the next termin.

    With ``expected_version`` (a moderator's page), the latest termin must still be
    ``termin_id`` at that version (``termin_id`` None: the page saw no termin yet);
    otherwise :class:`ConflictError` and nothing changes.
    """
    with storage.transaction():
        latest = current_termin(storage, event_id)
        if expected_version is not None:
            if (None if latest is None else latest.id) != termin_id:
                raise ConflictError()
            if latest is not None and latest.id is not None:
                _check_termin_version(storage, latest.id, expected_version)
        if latest is None or latest.closed_at is not None:
            return TerminStep(True, open_termin(storage, event_id, clock=clock))
        _close_termin(storage, latest, clock())
        assert latest.id is not None
        to_answer = _unanswered(storage, latest.id)
        _set_highlight(storage, event_id, to_answer[0] if to_answer else None)
        return TerminStep(False, get_termin(storage, latest.id))


# -- questions ------------------------------------------------------------------------

QUESTION_TRANSITIONS: dict[QuestionStatus, frozenset[QuestionStatus]] = {
    QuestionStatus.ANTRE: frozenset(
        {QuestionStatus.BERTANYA, QuestionStatus.DITUNDA, QuestionStatus.DIBATALKAN}
    ),
    QuestionStatus.BERTANYA: frozenset(
        {QuestionStatus.DIJAWAB, QuestionStatus.DITUNDA, QuestionStatus.DIBATALKAN,
         QuestionStatus.ANTRE}
    ),
    QuestionStatus.DITUNDA: frozenset(
        {QuestionStatus.ANTRE, QuestionStatus.BERTANYA, QuestionStatus.DIJAWAB,
         QuestionStatus.DIBATALKAN}
    ),
    QuestionStatus.DIJAWAB: frozenset({QuestionStatus.BERTANYA, QuestionStatus.DITUNDA}),
    QuestionStatus.DIBATALKAN: frozenset({QuestionStatus.ANTRE}),
}
"""Which status a question can go to from each status (undo restores anything)."""

_STATUS_WORDS = {
    QuestionStatus.ANTRE: ("antre", "queued"),
    QuestionStatus.BERTANYA: ("bertanya", "asking"),
    QuestionStatus.DIJAWAB: ("dijawab", "answered"),
    QuestionStatus.DITUNDA: ("ditunda", "deferred"),
    QuestionStatus.DIBATALKAN: ("dibatalkan", "cancelled"),
}


def get_question(storage: Storage, question_id: int) -> Question:
    """The question, or :class:`NotFoundError`."""
    question = storage.get_question(question_id)
    if question is None:
        raise NotFoundError.of("question", question_id)
    return question


def _check_room(storage: Storage, termin: Termin) -> None:
    assert termin.id is not None
    askers = storage.count_askers(termin.id)
    if askers >= termin.max_askers:
        raise ValidationError(
            "Termin {number} sudah penuh ({askers} dari {cap} penanya). Buka termin berikutnya "
            "atau naikkan batasnya.",
            "Termin {number} is full ({askers} of {cap} askers). Open the next termin or raise "
            "its cap.",
            number=termin.number, askers=askers, cap=termin.max_askers,
        )


def add_question(
    storage: Storage,
    termin_id: int,
    *,
    asker_name: str = "",
    asker_instansi: str = "",
    asker_invitee_id: int | None = None,
    question: str = "",
    addressed_to: str = "",
    clock: Clock = utc_now,
    source: QuestionSource = QuestionSource.LAPTOP,
) -> Question:
    """Put an asker in the termin's queue (status antre).

    An invitee gives the name (with titles) and instansi unless they are typed.
    The termin's cap of askers is never exceeded. ``source`` says where the question
    was registered (a phone's question accepted by the moderator: ``ponsel``).
    """
    with storage.transaction():
        termin = get_termin(storage, termin_id)
        invitee = _invitee_of_event(storage, termin.event_id, asker_invitee_id)
        name, instansi = _clean_text(asker_name), _clean_text(asker_instansi)
        if invitee is not None:
            name = name or invitee_display_name(invitee)
            instansi = instansi or invitee.instansi
        if not name:
            raise ValidationError("Nama penanya wajib diisi.", "The asker's name is required.")
        _check_room(storage, termin)
        question_id = storage.insert_question(
            Question(
                event_id=termin.event_id,
                termin_id=termin_id,
                asker_name=name,
                asker_instansi=instansi,
                asker_invitee_id=asker_invitee_id,
                question=question.strip(),
                addressed_to=_clean_text(addressed_to),
                created_at=clock(),
                source=QuestionSource(source).value,
            )
        )
        return get_question(storage, question_id)


def _check_transition(
    storage: Storage, question: Question, status: QuestionStatus
) -> None:
    if status == question.status:
        return
    if status not in QUESTION_TRANSITIONS[question.status]:
        old, new = _STATUS_WORDS[question.status], _STATUS_WORDS[status]
        raise ValidationError(
            "Status pertanyaan {name} tidak dapat diubah dari \"{old}\" menjadi \"{new}\".",
            "The question of {name} cannot go from \"{old_en}\" to \"{new_en}\".",
            name=question.asker_name, old=old[0], new=new[0], old_en=old[1], new_en=new[1],
        )
    if question.status == QuestionStatus.DIBATALKAN:
        _check_room(storage, get_termin(storage, question.termin_id))


EDITABLE_QUESTION_FIELDS = (
    "asker_name", "asker_instansi", "asker_invitee_id", "question", "addressed_to",
    "status", "answer", "answered_by",
)


def update_question(storage: Storage, question_id: int, changes: dict[str, Any]) -> Question:
    """Change a question (text, asker, addressee, answer, status) in one step.

    A status change follows :data:`QUESTION_TRANSITIONS`. An answer typed for an asker
    still queued (antre) marks the question answered (dijawab): it was asked and
    answered without the N/F7 step, and must not wait in the queue any more.
    """
    unknown = set(changes) - set(EDITABLE_QUESTION_FIELDS)
    if unknown:
        raise KeyError(f"not an editable question field: {sorted(unknown)}")
    with storage.transaction():
        current = get_question(storage, question_id)
        cleaned: dict[str, Any] = {}
        for key, value in changes.items():
            if key in ("asker_name", "asker_instansi", "addressed_to", "answered_by"):
                value = _clean_text(str(value))
            elif key in ("question", "answer"):
                value = str(value).strip()
            elif key == "status":
                value = QuestionStatus(value)
                _check_transition(storage, current, value)
            elif key == "asker_invitee_id":
                _invitee_of_event(storage, current.event_id, value)
            if getattr(current, key) != value:
                cleaned[key] = value
        if "asker_name" in cleaned and not cleaned["asker_name"]:
            raise ValidationError("Nama penanya wajib diisi.", "The asker's name is required.")
        if (
            cleaned.get("answer")
            and "status" not in cleaned
            and current.status == QuestionStatus.ANTRE
        ):
            # An answer typed for a queued asker: the question was asked and answered
            # (the N/F7 step was skipped), so it no longer waits in the queue.
            cleaned["status"] = QuestionStatus.DIJAWAB
        storage.update_question_fields(question_id, cleaned)
        if cleaned.get("status") == QuestionStatus.DIJAWAB:
            _move_highlight_after(storage, current)
        return get_question(storage, question_id)


def set_question_status(
    storage: Storage, question_id: int, status: QuestionStatus
) -> Question:
    """Move a question to another status (see :data:`QUESTION_TRANSITIONS`)."""
    return update_question(storage, question_id, {"status": status})


def delete_question(storage: Storage, question_id: int) -> Question:
    """Remove a question (its follow-ups stay, untied); returns what was removed."""
    with storage.transaction():
        question = get_question(storage, question_id)
        if storage.record_settings(question.event_id).get(KEY_HIGHLIGHT) == question.uid:
            storage.put_record_setting(question.event_id, KEY_HIGHLIGHT, None)
        storage.delete_question(question_id)
        storage.set_positions("questions", storage.ordered_ids("questions", question.termin_id))
        return question


def move_question(storage: Storage, question_id: int, new_index: int) -> list[int]:
    """Move a question to ``new_index`` (0-based) within its termin; returns the order."""
    with storage.transaction():
        question = get_question(storage, question_id)
        return move_in_order(storage, "questions", question.termin_id, question_id, new_index)


def _set_highlight(storage: Storage, event_id: int, question: Question | None) -> None:
    storage.put_record_setting(event_id, KEY_HIGHLIGHT, None if question is None else question.uid)


def highlight_question(
    storage: Storage,
    event_id: int,
    question_id: int | None,
    *,
    expected_version: int | None = None,
) -> None:
    """Show a question on the projector (None: show none).

    With ``expected_version`` (a moderator's page), a question changed since is refused
    with :class:`ConflictError`.
    """
    with storage.transaction():
        get_event(storage, event_id)
        question = None if question_id is None else get_question(storage, question_id)
        if question is not None and question.event_id != event_id:
            raise NotFoundError.of("question", question_id)
        if question is not None and question.id is not None:
            _check_question_version(storage, question.id, expected_version)
        _set_highlight(storage, event_id, question)


def highlighted_question(storage: Storage, event_id: int) -> Question | None:
    """The question shown on the projector, or None."""
    uid = storage.record_settings(event_id).get(KEY_HIGHLIGHT)
    return None if not uid else storage.get_question_by_uid(uid)


def _unanswered(storage: Storage, termin_id: int) -> list[Question]:
    return [q for q in storage.list_questions(termin_id) if q.status == QuestionStatus.BERTANYA]


def next_asker(
    storage: Storage,
    event_id: int,
    *,
    question_id: int | None = None,
    expected_version: int | None = None,
) -> Question:
    """The moderator's N key: the first asker queued in the current termin asks now
    (and is shown on the projector).

    A moderator's page names the question it showed first in the queue and its version
    (``question_id``, ``expected_version``): when that is no longer the first one queued,
    or it changed since, :class:`ConflictError` is raised and nothing changes.
    """
    _needs_id(expected_version, question_id, "question")
    with storage.transaction():
        get_event(storage, event_id)
        termin = current_termin(storage, event_id)
        if termin is None:
            raise ValidationError(
                "Belum ada termin. Buka termin pertama dulu.",
                "There is no termin yet. Open the first termin.",
            )
        assert termin.id is not None
        queued = [q for q in storage.list_questions(termin.id) if q.status == QuestionStatus.ANTRE]
        if not queued:
            raise ValidationError(
                "Tidak ada penanya dalam antrean termin {number}.",
                "No asker is queued in termin {number}.",
                number=termin.number,
            )
        question = queued[0]
        assert question.id is not None
        if question_id is not None and question.id != question_id:
            raise ConflictError()
        _check_question_version(storage, question.id, expected_version)
        storage.update_question_fields(question.id, {"status": QuestionStatus.BERTANYA})
        _set_highlight(storage, event_id, question)
        return get_question(storage, question.id)


def mark_answered(
    storage: Storage,
    event_id: int,
    question_id: int | None = None,
    *,
    expected_version: int | None = None,
    answered_by: str | None = None,
) -> Question:
    """The moderator's J key: a question (the highlighted one, else the first waiting for
    its answer in the current termin) is answered; the next one to answer is highlighted.

    ``answered_by`` names who answered (kept when None or empty). A moderator's page names the
    question and the version it saw (``expected_version``): a question changed since is
    refused with :class:`ConflictError` and nothing changes.
    """
    _needs_id(expected_version, question_id, "question")
    with storage.transaction():
        get_event(storage, event_id)
        if question_id is None:
            question = highlighted_question(storage, event_id)
            if question is None or question.status not in (
                QuestionStatus.BERTANYA, QuestionStatus.DITUNDA
            ):
                termin = current_termin(storage, event_id)
                waiting = [] if termin is None or termin.id is None else _unanswered(
                    storage, termin.id
                )
                if not waiting:
                    _nothing_waiting(storage, termin)
                question = waiting[0]
        else:
            question = get_question(storage, question_id)
        assert question.id is not None
        if question.event_id != event_id:
            raise NotFoundError.of("question", question.id)
        _check_question_version(storage, question.id, expected_version)
        _check_transition(storage, question, QuestionStatus.DIJAWAB)
        answered: dict[str, Any] = {"status": QuestionStatus.DIJAWAB}
        if answered_by is not None and _clean_text(answered_by):
            answered["answered_by"] = _clean_text(answered_by)
        storage.update_question_fields(question.id, answered)
        remaining = _unanswered(storage, question.termin_id)
        later = [q for q in remaining if q.position > question.position]
        next_up = later or remaining
        _set_highlight(storage, event_id, next_up[0] if next_up else None)
        return get_question(storage, question.id)


def _nothing_waiting(storage: Storage, termin: Termin | None) -> NoReturn:
    """Refuse the J/F8 key: nobody waits for an answer (saying who is still queued)."""
    queued = [] if termin is None or termin.id is None else [
        q for q in storage.list_questions(termin.id) if q.status == QuestionStatus.ANTRE
    ]
    if queued:
        assert termin is not None
        raise ValidationError(
            "Tidak ada pertanyaan yang menunggu jawaban: {count} penanya di termin {number} "
            "masih antre dan belum dipersilakan bertanya.",
            "No question is waiting for an answer: {count} asker(s) in termin {number} are "
            "still queued and have not been called yet.",
            count=len(queued), number=termin.number,
        )
    raise ValidationError(
        "Tidak ada pertanyaan yang menunggu jawaban.",
        "No question is waiting for an answer.",
    )


def _move_highlight_after(storage: Storage, question: Question) -> None:
    """A question answered by typing its answer: when it was on the projector, the next
    one waiting for its answer is shown instead (as the J key does)."""
    highlighted = highlighted_question(storage, question.event_id)
    if highlighted is None or highlighted.id != question.id:
        return
    remaining = _unanswered(storage, question.termin_id)
    later = [q for q in remaining if q.position > question.position]
    next_up = later or remaining
    _set_highlight(storage, question.event_id, next_up[0] if next_up else None)


# -- follow-ups -----------------------------------------------------------------------


def get_follow_up(storage: Storage, follow_up_id: int) -> FollowUp:
    """The follow-up, or :class:`NotFoundError`."""
    follow_up = storage.get_follow_up(follow_up_id)
    if follow_up is None:
        raise NotFoundError.of("follow_up", follow_up_id)
    return follow_up


def _check_follow_up(storage: Storage, follow_up: FollowUp) -> FollowUp:
    cleaned = replace(
        follow_up, what=follow_up.what.strip(), who=_clean_text(follow_up.who),
        due=_clean_text(follow_up.due),
    )
    if not cleaned.what:
        raise ValidationError(
            "Isi tindak lanjut wajib diisi.", "Say what is to be followed up."
        )
    if cleaned.question_id is not None:
        question = get_question(storage, cleaned.question_id)
        if question.event_id != cleaned.event_id:
            raise NotFoundError.of("question", cleaned.question_id)
    return cleaned


def add_follow_up(
    storage: Storage,
    event_id: int,
    what: str,
    *,
    who: str = "",
    due: str = "",
    question_id: int | None = None,
) -> FollowUp:
    """Record a tindak lanjut: what, who, by when (free text, e.g. "Januari 2024")."""
    with storage.transaction():
        get_event(storage, event_id)
        follow_up = _check_follow_up(
            storage,
            FollowUp(event_id=event_id, what=what, who=who, due=due, question_id=question_id),
        )
        return get_follow_up(storage, storage.insert_follow_up(follow_up))


def update_follow_up(storage: Storage, follow_up_id: int, changes: dict[str, Any]) -> FollowUp:
    """Change a follow-up's what, who, due or question."""
    unknown = set(changes) - {"what", "who", "due", "question_id"}
    if unknown:
        raise KeyError(f"not an editable follow-up field: {sorted(unknown)}")
    with storage.transaction():
        current = get_follow_up(storage, follow_up_id)
        updated = _check_follow_up(storage, replace(current, **changes))
        storage.update_follow_up_fields(
            follow_up_id, {name: getattr(updated, name) for name in changes}
        )
        return get_follow_up(storage, follow_up_id)


def delete_follow_up(storage: Storage, follow_up_id: int) -> FollowUp:
    """Remove a follow-up; returns what was removed."""
    with storage.transaction():
        follow_up = get_follow_up(storage, follow_up_id)
        storage.delete_follow_up(follow_up_id)
        return follow_up


def move_follow_up(storage: Storage, follow_up_id: int, new_index: int) -> list[int]:
    """Move a follow-up to ``new_index`` (0-based); returns the order."""
    with storage.transaction():
        follow_up = get_follow_up(storage, follow_up_id)
        return move_in_order(storage, "follow_ups", follow_up.event_id, follow_up_id, new_index)


# -- conclusions ----------------------------------------------------------------------

CONCLUSION_KINDS: tuple[str, ...] = ("kesimpulan", "keputusan", "rekomendasi")


def get_conclusion(storage: Storage, conclusion_id: int) -> Conclusion:
    """The conclusion, or :class:`NotFoundError`."""
    conclusion = storage.get_conclusion(conclusion_id)
    if conclusion is None:
        raise NotFoundError.of("conclusion", conclusion_id)
    return conclusion


def _check_conclusion(body: str, kind: str) -> None:
    if not body.strip():
        raise ValidationError("Isi kesimpulan wajib diisi.", "The text is required.")
    if kind not in CONCLUSION_KINDS:
        raise ValidationError(
            "Jenis harus kesimpulan, keputusan atau rekomendasi (bukan {kind}).",
            "The kind must be kesimpulan, keputusan or rekomendasi (not {kind}).",
            kind=kind,
        )


def add_conclusion(
    storage: Storage, event_id: int, body: str, kind: str = "kesimpulan"
) -> Conclusion:
    """Record a conclusion, decision (keputusan) or recommendation of the meeting."""
    _check_conclusion(body, kind)
    with storage.transaction():
        get_event(storage, event_id)
        conclusion_id = storage.insert_conclusion(
            Conclusion(event_id=event_id, body=body.strip(), kind=kind)
        )
        return get_conclusion(storage, conclusion_id)


def update_conclusion(storage: Storage, conclusion_id: int, changes: dict[str, Any]) -> Conclusion:
    """Change a conclusion's text or kind."""
    unknown = set(changes) - {"body", "kind"}
    if unknown:
        raise KeyError(f"not an editable conclusion field: {sorted(unknown)}")
    with storage.transaction():
        current = get_conclusion(storage, conclusion_id)
        updated = replace(current, **changes)
        updated.body = updated.body.strip()
        _check_conclusion(updated.body, updated.kind)
        storage.update_conclusion_fields(
            conclusion_id, {name: getattr(updated, name) for name in changes}
        )
        return get_conclusion(storage, conclusion_id)


def delete_conclusion(storage: Storage, conclusion_id: int) -> Conclusion:
    """Remove a conclusion; returns what was removed."""
    with storage.transaction():
        conclusion = get_conclusion(storage, conclusion_id)
        storage.delete_conclusion(conclusion_id)
        return conclusion


def move_conclusion(storage: Storage, conclusion_id: int, new_index: int) -> list[int]:
    """Move a conclusion to ``new_index`` (0-based); returns the order."""
    with storage.transaction():
        conclusion = get_conclusion(storage, conclusion_id)
        return move_in_order(
            storage, "conclusions", conclusion.event_id, conclusion_id, new_index
        )
