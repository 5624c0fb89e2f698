"""A person of the directory: cleaning what was typed and merging what is known."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rakor_desktop.formatting import normalize_nip_nrp
from rakor_desktop.messages import ValidationError
from rakor_desktop.models import (
    Person,
)

PERSON_TEXT_FIELDS = (
    "name", "front_titles", "back_titles", "nip", "pangkat", "golongan", "jabatan",
    "instansi", "group_name", "phone", "gender",
)


def clean_person(person: Person) -> Person:
    """Trim every field and bring the NIP to its 18 digits (raises ValidationError)."""
    values: dict[str, Any] = {
        name: " ".join(str(getattr(person, name)).split()) for name in PERSON_TEXT_FIELDS
    }
    cleaned = replace(person, **values)
    if not cleaned.name:
        raise ValidationError("Nama wajib diisi.", "The name is required.")
    cleaned.gender = cleaned.gender.upper()[:1] if cleaned.gender else ""
    if cleaned.gender not in ("", "L", "P"):
        cleaned.gender = ""
    # normalize_nip_nrp raises a ValidationError in the user's language.
    cleaned.nip = normalize_nip_nrp(person.nip) if person.nip.strip() else ""
    return cleaned


def merge_person(known: Person, new: Person) -> Person:
    """A directory entry updated from a new list: what the new list leaves blank is kept.

    An invitation list without NIP or phone numbers must not erase them from the
    directory (and so from the daftar hadir of earlier events).
    """
    merged = replace(known)
    for name in PERSON_TEXT_FIELDS:
        value = getattr(new, name)
        if value:
            setattr(merged, name, value)
    return merged
