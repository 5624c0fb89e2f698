"""What the moderator's and the projector's pages show (issue 14), built from the record.

:func:`hall_state` gives one JSON-ready dict: the event, the rundown item going on, the
speaker with the floor (state, allotted, spoken, the moment the current stretch began:
the page counts down locally from ``server_time``), the current termin with its cap and
queue (each question with its id and version, which a moderator's action names), the
question on the screen, and, for the moderator only, the questions waiting from the
floor. :func:`hall_etag` is a cheap fingerprint of the same state: a page long-polls
with the etag it has, and the server answers when the etag changes.

Texts are returned as stored (the pages insert them with ``textContent``).
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any, Literal

from rakor_desktop.clock import Clock, to_iso, utc_now
from rakor_desktop.models import Question, QuestionStatus, SpeakerState
from rakor_desktop.operations import discussion
from rakor_desktop.operations import rundown as rundown_ops
from rakor_desktop.operations.floor import incoming_floor_questions
from rakor_desktop.storage import Storage

HallRole = Literal["moderator", "projector"]
HALL_ROLES: tuple[str, ...] = ("moderator", "projector")

#: The page's role changes what it is shown; the etag of a role changes when its state does.
_ETAG_VERSION = "1"


def _moment(value: datetime | None) -> str | None:
    return None if value is None else to_iso(value)


def _question_json(question: Question, version: int | None) -> dict[str, Any]:
    return {
        "id": question.id,
        "uid": question.uid,
        "position": question.position,
        "asker": question.asker_name,
        "instansi": question.asker_instansi,
        "addressed_to": question.addressed_to,
        "question": question.question,
        "status": QuestionStatus(question.status).value,
        "answered_by": question.answered_by,
        "source": question.source,
        "version": version,
    }


def hall_state(
    storage: Storage,
    event_id: int,
    *,
    role: HallRole = "projector",
    clock: Clock = utc_now,
) -> dict[str, Any]:
    """The hall as a page shows it (see the module docstring), read in one snapshot.

    ``role`` "moderator" adds the incoming questions from the floor; "projector" never
    gets them. Moments are UTC ISO 8601 with milliseconds; ``server_time_ms`` is the
    host's clock in milliseconds since the epoch (the page's countdown reference).
    """
    if role not in HALL_ROLES:
        raise ValueError(f"not a hall role: {role}")
    with storage.read_transaction():
        event = storage.get_event(event_id)
        now = clock()
        state: dict[str, Any] = {
            "role": role,
            "server_time": to_iso(now),
            "server_time_ms": int(now.timestamp() * 1000),
            "etag": _etag_of(storage, event_id, role),
            "event": None,
            "item": None,
            "speaker": None,
            "next_speakers": [],
            "termin": None,
            "queue": [],
            "highlight": None,
        }
        if role == "moderator":
            state["incoming"] = []
        if event is None:
            return state
        state["event"] = {
            "uid": event.uid, "title": event.title, "venue": event.venue,
            "timezone": event.timezone,
        }  # fmt: skip
        settings = rundown_ops.meeting_settings(storage, event_id)
        state["warning_seconds"] = settings.warning_seconds
        items = storage.list_rundown_items(event_id)
        running = rundown_ops.running_item_of(items)
        live = rundown_ops.live_speaker(storage, event_id)
        by_id = {i.id: i for i in items}
        item = by_id.get(live.speaker.rundown_item_id) if live else running
        if item is not None:
            state["item"] = {
                "id": item.id, "uid": item.uid, "title": item.title,
                "kind": str(item.kind), "actual_start": _moment(item.actual_start),
                "actual_end": _moment(item.actual_end),
                "planned_minutes": item.planned_minutes,
            }  # fmt: skip
            if item.id is not None:
                state["next_speakers"] = [
                    {"name": s.name, "instansi": s.instansi}
                    for s in storage.list_speakers(item.id)
                    if s.state == SpeakerState.WAITING
                ]
        if live is not None:
            speaker = live.speaker
            countdown = live.countdown(clock, settings.warning_seconds)
            state["speaker"] = {
                "id": speaker.id,
                "uid": speaker.uid,
                "name": speaker.name,
                "instansi": speaker.instansi,
                "state": SpeakerState(speaker.state).value,
                "allotted_seconds": speaker.allotted_seconds,
                "spoken_seconds": speaker.spoken_seconds,
                "started_at": _moment(speaker.started_at),
                "running_since": _moment(countdown.running_since),
                "running": countdown.running,
                "elapsed_seconds": round(countdown.elapsed(), 3),
                "remaining_seconds": round(countdown.remaining(), 3),
                "phase": countdown.phase().value,
            }
        termin = discussion.current_termin(storage, event_id)
        if termin is not None and termin.id is not None:
            versions = storage.question_versions(termin.id)
            questions = storage.list_questions(termin.id)
            state["termin"] = {
                "id": termin.id,
                "uid": termin.uid,
                "number": termin.number,
                "max_askers": termin.max_askers,
                "askers": storage.count_askers(termin.id),
                "open": termin.closed_at is None,
                "opened_at": _moment(termin.opened_at),
                "closed_at": _moment(termin.closed_at),
                "version": storage.termin_version(termin.id),
            }
            state["queue"] = [
                _question_json(q, versions.get(q.id or 0)) for q in questions
            ]
        highlighted = discussion.highlighted_question(storage, event_id)
        if highlighted is not None and highlighted.id is not None:
            shown = _question_json(highlighted, storage.question_version(highlighted.id))
            of_termin = storage.get_termin(highlighted.termin_id)
            shown["termin_number"] = None if of_termin is None else of_termin.number
            state["highlight"] = shown
        if role == "moderator":
            state["incoming"] = [
                {
                    "id": f.id,
                    "uid": f.uid,
                    "asker": f.asker_name,
                    "instansi": f.asker_instansi,
                    "addressed_to": f.addressed_to,
                    "question": f.question,
                    "submitted_at": _moment(f.submitted_at),
                    "version": f.version,
                }
                for f in incoming_floor_questions(storage, event_id)
            ]
        return state


def _etag_of(storage: Storage, event_id: int, role: str) -> str:
    fingerprint = storage.hall_fingerprint(event_id, with_floor=role == "moderator")
    digest = hashlib.sha256(repr((_ETAG_VERSION, role, fingerprint)).encode("utf-8"))
    return digest.hexdigest()[:20]


def hall_etag(storage: Storage, event_id: int, *, role: HallRole = "projector") -> str:
    """A short text that changes whenever :func:`hall_state` of ``role`` may change
    (other than the clock): one small query, cheap to run ten times a second."""
    return _etag_of(storage, event_id, role)
