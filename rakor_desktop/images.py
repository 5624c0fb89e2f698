"""Images as they may enter the core: signatures, documentation photos, the kop logo.

An image is checked where it comes in (the desk, the photo list, the document
settings, an event file): it must decode, and its bytes and pixels are bounded, so
that a 40,000 × 40,000 PNG of a few kilobytes or a file of garbage never reaches an
export. What is already stored (the attendance log is append-only) is checked again
when a document is made: :func:`signature_for_document` leaves a bad one out.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from rakor_desktop.messages import ValidationError

log = logging.getLogger("rakor.images")

MAX_SIGNATURE_BYTES = 2_000_000
MAX_SIGNATURE_PIXELS = 4_000_000  # e.g. 2,000 × 2,000; a signature pad gives far less
MAX_PHOTO_BYTES = 25_000_000
MAX_PHOTO_PIXELS = 64_000_000  # a 48-megapixel phone camera fits
MAX_LOGO_BYTES = 2_000_000
MAX_LOGO_PIXELS = 16_000_000


@dataclass(frozen=True)
class ImageInfo:
    """What a checked image is."""

    format: str  # "PNG" or "JPEG"
    width: int
    height: int


class ImageProblem(ValueError):
    """Why an image is refused, in both languages."""

    def __init__(self, indonesian: str, english: str, *, kind: str, found: str = "") -> None:
        super().__init__(english)
        self.indonesian = indonesian
        self.english = english
        self.kind = kind  # "bytes", "format", "pixels" or "unreadable"
        self.found = found  # the format found, for "format"


def inspect_image(
    data: bytes,
    *,
    max_bytes: int,
    max_pixels: int,
    formats: tuple[str, ...] = ("PNG", "JPEG"),
) -> ImageInfo:
    """Check that ``data`` is a whole image of an allowed format within the bounds.

    The size in pixels is read from the header before anything is decoded, then the
    image is decoded completely (a truncated or garbage file is found here, not in an
    export).

    Raises:
        ImageProblem: too many bytes or pixels, not an image, not an allowed format,
            or damaged.
    """
    if len(data) > max_bytes:
        raise ImageProblem(
            f"gambar terlalu besar ({len(data) // 1000:,} KB; paling besar "
            f"{max_bytes // 1000:,} KB)".replace(",", "."),
            f"the image is too large ({len(data) // 1000:,} KB; at most {max_bytes // 1000:,} KB)",
            kind="bytes",
        )
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = str(image.format or "?")
            width, height = int(image.width), int(image.height)
            if fmt not in formats:
                raise ImageProblem(
                    f"gambar harus berformat {' atau '.join(formats)} (berkas ini {fmt})",
                    f"the image must be {' or '.join(formats)} (this one is {fmt})",
                    kind="format",
                    found=fmt,
                )
            if width < 1 or height < 1 or width * height > max_pixels:
                raise _too_many_pixels(width, height, max_pixels)
            image.load()  # decode it all: damage shows now
    except Image.DecompressionBombError as exc:
        raise ImageProblem(
            "gambar terlalu besar (terlalu banyak piksel)",
            "the image is too large (too many pixels)",
            kind="pixels",
        ) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        if isinstance(exc, ImageProblem):
            raise
        raise ImageProblem(
            "berkas ini bukan gambar yang dapat dibaca",
            "this is not a readable image",
            kind="unreadable",
        ) from exc
    return ImageInfo(fmt, width, height)


def _too_many_pixels(width: int, height: int, max_pixels: int) -> ImageProblem:
    return ImageProblem(
        f"gambar {width} × {height} piksel terlalu besar (paling banyak "
        f"{max_pixels / 1e6:g} juta piksel)",
        f"the image of {width} × {height} pixels is too large (at most "
        f"{max_pixels / 1e6:g} million pixels)",
        kind="pixels",
    )


def check_signature(png: bytes) -> ImageInfo:
    """A signature as the desk stores it: a whole PNG within the bounds.

    Raises:
        ValidationError: with the reason, in the user's language.
    """
    try:
        return inspect_image(
            png, max_bytes=MAX_SIGNATURE_BYTES, max_pixels=MAX_SIGNATURE_PIXELS, formats=("PNG",)
        )
    except ImageProblem as problem:
        raise ValidationError(
            "Tanda tangan tidak dapat disimpan: {reason}.",
            "The signature cannot be stored: {reason_en}.",
            reason=problem.indonesian,
            reason_en=problem.english,
        ) from None


def signature_for_document(png: bytes | None, *, where: str = "") -> bytes | None:
    """A stored signature if a document can show it, else None (and a log line).

    The log is append-only: a signature stored by an older version or another
    program may be garbage or enormous. The daftar hadir then leaves the cell blank
    instead of failing.
    """
    if png is None:
        return None
    try:
        inspect_image(
            bytes(png),
            max_bytes=MAX_SIGNATURE_BYTES,
            max_pixels=MAX_SIGNATURE_PIXELS,
            formats=("PNG",),
        )
    except ImageProblem as problem:
        log.warning("signature %s left blank in the document: %s", where or "?", problem)
        return None
    return bytes(png)


def logo_for_document(data: bytes | None) -> bytes | None:
    """The stored kop logo if a document can show it, else None (and a log line)."""
    if not data:
        return None
    try:
        inspect_image(bytes(data), max_bytes=MAX_LOGO_BYTES, max_pixels=MAX_LOGO_PIXELS)
    except ImageProblem as problem:
        log.warning("kop logo left out of the document: %s", problem)
        return None
    return bytes(data)
