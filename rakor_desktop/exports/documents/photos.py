"""The documentation photos (dokumentasi) attached to an event.

Each operation validates and changes the data in one transaction. Photos are kept
in the database as they were given (JPEG or PNG); the documents scale them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from rakor_desktop.images import MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, ImageProblem, inspect_image
from rakor_desktop.messages import NotFoundError, ValidationError
from rakor_desktop.operations.events import get_event
from rakor_desktop.storage import Storage

_MIMES = {"JPEG": "image/jpeg", "PNG": "image/png"}


@dataclass(frozen=True)
class PhotoInfo:
    """A photo without its image bytes (for a list or grid of thumbnails)."""

    id: int
    event_id: int
    position: int
    filename: str
    caption: str
    mime: str
    size_bytes: int


def _info(row: dict[str, object]) -> PhotoInfo:
    return PhotoInfo(
        id=int(row["id"]),  # type: ignore[call-overload]
        event_id=int(row["event_id"]),  # type: ignore[call-overload]
        position=int(row["position"]),  # type: ignore[call-overload]
        filename=str(row["filename"]),
        caption=str(row["caption"]),
        mime=str(row["mime"]),
        size_bytes=int(row["size"] or 0),  # type: ignore[call-overload]
    )


def image_mime(data: bytes) -> str:
    """The MIME type of a JPEG or PNG image; ValidationError for anything else.

    The image is decoded whole, with its bytes and pixels bounded (see
    :func:`rakor_desktop.images.inspect_image`).
    """
    try:
        info = inspect_image(data, max_bytes=MAX_PHOTO_BYTES, max_pixels=MAX_PHOTO_PIXELS)
    except ImageProblem as problem:
        if problem.kind == "bytes":
            raise ValidationError(
                "Foto terlalu besar (maksimal 25 MB).", "The photo is too large (25 MB at most)."
            ) from None
        if problem.kind == "format":
            raise ValidationError(
                "Foto harus berformat JPEG atau PNG (berkas ini {fmt}).",
                "Photos must be JPEG or PNG (this file is {fmt}).",
                fmt=problem.found,
            ) from None
        if problem.kind == "unreadable":
            raise ValidationError(
                "Berkas ini bukan gambar yang dapat dibaca.", "This file is not a readable image."
            ) from None
        raise ValidationError(
            "Foto tidak dapat dipakai: {reason}.",
            "The photo cannot be used: {reason_en}.",
            reason=problem.indonesian,
            reason_en=problem.english,
        ) from None
    return _MIMES[info.format]


def add_photo(
    storage: Storage, event_id: int, data: bytes, *, filename: str = "", caption: str = ""
) -> PhotoInfo:
    """Attach a photo after the event's last one."""
    mime = image_mime(data)
    with storage.transaction():
        get_event(storage, event_id)
        photo_id = storage.insert_photo(
            event_id, uid=str(uuid.uuid4()), data=data, filename=Path(filename).name,
            caption=" ".join(caption.split()), mime=mime,
        )
    return get_photo(storage, photo_id)


def add_photo_file(storage: Storage, event_id: int, path: Path, *, caption: str = "") -> PhotoInfo:
    """Attach a photo from a file (chosen or dropped); clear errors for unreadable files."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(
            "Berkas {file} tidak dapat dibaca ({reason}).",
            "Cannot read the file {file} ({reason}).",
            file=path, reason=exc.strerror or exc,
        ) from exc
    return add_photo(storage, event_id, data, filename=Path(path).name, caption=caption)


def get_photo(storage: Storage, photo_id: int) -> PhotoInfo:
    """One photo (without its bytes)."""
    row = storage.get_photo_row(photo_id)
    if row is None:
        raise NotFoundError.of("photo", photo_id)
    return _info(row)


def list_photos(storage: Storage, event_id: int) -> list[PhotoInfo]:
    """The photos of an event in the order they appear in the notulen."""
    get_event(storage, event_id)
    return [_info(row) for row in storage.list_photo_rows(event_id)]


def photo_bytes(storage: Storage, photo_id: int) -> bytes:
    """The image of one photo (for a thumbnail or a preview)."""
    data = storage.photo_data(photo_id)
    if data is None:
        raise NotFoundError.of("photo", photo_id)
    return data


def set_photo_caption(storage: Storage, photo_id: int, caption: str) -> PhotoInfo:
    """Change the caption printed under a photo."""
    with storage.transaction():
        get_photo(storage, photo_id)
        storage.update_photo_caption(photo_id, " ".join(caption.split()))
    return get_photo(storage, photo_id)


def move_photo(storage: Storage, photo_id: int, new_index: int) -> list[PhotoInfo]:
    """Move a photo to place ``new_index`` (0 = first) of its event; returns the new order."""
    with storage.transaction():
        photo = get_photo(storage, photo_id)
        ids = [int(r["id"]) for r in storage.list_photo_rows(photo.event_id)]
        ids.remove(photo_id)
        ids.insert(max(0, min(new_index, len(ids))), photo_id)
        storage.set_photo_positions(ids)
    return list_photos(storage, photo.event_id)


def remove_photo(storage: Storage, photo_id: int) -> None:
    """Detach a photo from its event."""
    with storage.transaction():
        get_photo(storage, photo_id)
        storage.delete_photo(photo_id)
