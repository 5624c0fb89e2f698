"""The ``settings`` object of an event file: declared, typed, validated.

The database keeps per-event settings as text (``event_settings``: key → text). In
the event file they are written as what they mean:

* ``dokumen.<option>``: the document settings (:class:`DocumentOptions`) as JSON
  values of their own type: ``"dokumen.paper": "A4"``, ``"dokumen.show_tempat":
  false``, ``"dokumen.margin_left_cm": 3.0``; ``"dokumen.logo"`` is the kop logo as
  base64 (PNG or JPEG). Only settings that differ from the default are present.
* ``notulen.teks.<part>``: an edited text part of the notulen (text).
* ``meeting.<name>`` and ``live.<name>``: settings and state of the live meeting
  (text, as the app keeps them).

Format version 1 wrote the ``dokumen.*`` values as JSON *inside* a string
(``"dokumen.paper": "\\"A4\\""``); such files are still read. Its documentation gave
``"notulen_variant": "B"`` as an example, which the app never used: in a version-1
file it is read as ``dokumen.third_field`` (A: Waktu Panggilan, B: Surat Undangan).
Anything else is refused with the key named, never silently ignored.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import typing
from dataclasses import fields, replace
from typing import Any

from rakor_desktop.exports.documents.settings import (
    OVERRIDE_PREFIX,
    SETTINGS_PREFIX,
    DocumentOptions,
    check_logo,
    validate_options,
)
from rakor_desktop.messages import ValidationError

log = logging.getLogger("rakor.eventfile")

RECORD_PREFIXES = ("meeting.", "live.")
_PART_KEY = re.compile(r"[a-z0-9_.:-]{1,80}")
_LOGO = "logo"
_VARIANTS = {"A": "waktu_panggilan", "B": "surat_undangan"}


class SettingProblem(Exception):
    """What is wrong with one setting of a file, in both languages, naming it."""

    def __init__(self, indonesian: str, english: str) -> None:
        super().__init__(english)
        self.indonesian = indonesian
        self.english = english


def _problem(key: str, indonesian: str, english: str) -> SettingProblem:
    return SettingProblem(
        f"field settings.{key}: {indonesian}", f"the field settings.{key}: {english}"
    )


def _option_kinds() -> dict[str, tuple[str, tuple[Any, ...]]]:
    """Each document option: its JSON kind and, for a choice, the allowed values."""
    hints = typing.get_type_hints(DocumentOptions)
    kinds: dict[str, tuple[str, tuple[Any, ...]]] = {}
    for field in fields(DocumentOptions):
        hint = hints[field.name]
        choices = typing.get_args(hint) if typing.get_origin(hint) is typing.Literal else ()
        if field.name == _LOGO:
            kinds[field.name] = ("base64", ())
        elif field.name == "show_sekretaris":
            kinds[field.name] = ("boolean_or_null", ())
        elif hint is bool:
            kinds[field.name] = ("boolean", ())
        elif hint is float:
            kinds[field.name] = ("number", ())
        else:
            kinds[field.name] = ("string", tuple(choices))
    return kinds


OPTION_KINDS = _option_kinds()


def _check_option(key: str, name: str, value: Any) -> Any:
    kind, choices = OPTION_KINDS[name]
    ok = {
        "boolean": isinstance(value, bool),
        "boolean_or_null": value is None or isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "string": isinstance(value, str),
        "base64": isinstance(value, str),
    }[kind]
    if not ok:
        raise _problem(
            key,
            f"harus {_KIND_ID[kind]}, bukan {_show(value)}",
            f"expected {_KIND_EN[kind]}, got {_show(value)}",
        )
    if choices and value not in choices:
        allowed = ", ".join(_show(c) for c in choices)
        raise _problem(
            key,
            f"nilai {_show(value)} tidak dikenal; yang boleh: {allowed}",
            f"unknown value {_show(value)}; allowed: {allowed}",
        )
    if kind == "base64":
        try:
            return base64.b64decode(value, validate=True) if value else None
        except (binascii.Error, ValueError):
            raise _problem(key, "bukan data base64", "not base64 data") from None
    return float(value) if kind == "number" else value


_KIND_ID = {
    "boolean": "true atau false",
    "boolean_or_null": "true, false atau null",
    "number": "bilangan",
    "string": "teks",
    "base64": "gambar PNG/JPEG dalam base64",
}
_KIND_EN = {
    "boolean": "true or false",
    "boolean_or_null": "true, false or null",
    "number": "a number",
    "string": "a text",
    "base64": "a PNG/JPEG image in base64",
}


def _show(value: Any) -> str:
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        shown = "…"
    return shown if len(shown) <= 60 else shown[:57] + "..."


def settings_from_file(settings: dict[str, Any], version: int) -> dict[str, str]:
    """Check the ``settings`` of a file and return them as the database keeps them.

    Raises:
        SettingProblem: an unknown key, a value of the wrong kind or out of range,
            a logo that is no usable image; the key is named.
    """
    stored: dict[str, str] = {}
    options: dict[str, Any] = {}
    for key, value in settings.items():
        if version == 1 and key == "notulen_variant":
            if value not in _VARIANTS:
                raise _problem(key, f"harus \"A\" atau \"B\", bukan {_show(value)}",
                               f"expected \"A\" or \"B\", got {_show(value)}")
            key, value = SETTINGS_PREFIX + "third_field", json.dumps(_VARIANTS[value])
        if key.startswith(SETTINGS_PREFIX):
            name = key[len(SETTINGS_PREFIX):]
            if name not in OPTION_KINDS:
                known = ", ".join(SETTINGS_PREFIX + n for n in OPTION_KINDS)
                raise _problem(key, f"pengaturan dokumen tidak dikenal (yang ada: {known})",
                               f"unknown document setting (known: {known})")
            if version == 1 and name != _LOGO:
                if not isinstance(value, str):
                    raise _problem(key, "harus teks (format versi 1)", "expected a text (v1)")
                try:
                    value = json.loads(value)
                except ValueError:
                    raise _problem(key, f"bukan nilai JSON yang sah: {_show(value)}",
                                   f"not a valid JSON value: {_show(value)}") from None
            options[name] = _check_option(key, name, value)
            stored[key] = (
                (value or "") if name == _LOGO else json.dumps(options[name], ensure_ascii=False)
            )
        elif key.startswith(OVERRIDE_PREFIX):
            if not _PART_KEY.fullmatch(key[len(OVERRIDE_PREFIX):]):
                raise _problem(key, "nama bagian notulen tidak sah", "invalid notulen part name")
            if not isinstance(value, str):
                raise _problem(key, f"harus teks, bukan {_show(value)}",
                               f"expected a text, got {_show(value)}")
            stored[key] = value
        elif key.startswith(RECORD_PREFIXES) and len(key) > len(key.split(".")[0]) + 1:
            if not isinstance(value, str):
                raise _problem(key, f"harus teks, bukan {_show(value)}",
                               f"expected a text, got {_show(value)}")
            stored[key] = value
        else:
            raise _problem(
                key,
                "pengaturan tidak dikenal; yang ada: dokumen.*, notulen.teks.*, meeting.*, "
                "live.* (lihat docs/event-format.md)",
                "unknown setting; known: dokumen.*, notulen.teks.*, meeting.*, live.* (see "
                "docs/event-format.md)",
            )
    _check_options(options)
    return stored


def _check_options(values: dict[str, Any]) -> None:
    """The rules of the document settings form (choices, margins, the logo image)."""
    try:
        validate_options(replace(DocumentOptions(), **values))
    except ValidationError as error:
        raise SettingProblem(
            f"field settings.dokumen.*: {error.indonesian}",
            f"the field settings.dokumen.*: {error.english}",
        ) from None
    logo = values.get(_LOGO)
    if logo is not None:
        try:
            check_logo(logo)
        except ValidationError as error:
            key = SETTINGS_PREFIX + _LOGO
            raise _problem(key, error.indonesian.rstrip("."), error.english.rstrip(".")) from None


def settings_to_file(stored: dict[str, str]) -> dict[str, Any]:
    """The database's settings of an event as the file writes them (keys sorted).

    A stored value this app cannot read back (damaged, or of a kind it does not
    know) is left out and logged rather than making the export fail.
    """
    result: dict[str, Any] = {}
    for key, raw in sorted(stored.items()):
        if key.startswith(SETTINGS_PREFIX):
            name = key[len(SETTINGS_PREFIX):]
            if name not in OPTION_KINDS:
                log.warning("setting %s not exported: unknown document setting", key)
                continue
            if name == _LOGO:
                result[key] = raw
                continue
            try:
                value = json.loads(raw)
                _check_option(key, name, value)
            except (ValueError, SettingProblem) as exc:
                log.warning("setting %s not exported: unreadable (%s)", key, exc)
                continue
            result[key] = float(value) if OPTION_KINDS[name][0] == "number" else value
        elif key.startswith((OVERRIDE_PREFIX, *RECORD_PREFIXES)):
            result[key] = raw
        else:
            log.warning("setting %s not exported: unknown setting", key)
    return result


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``settings`` (format version 2)."""
    properties: dict[str, Any] = {}
    for name, (kind, choices) in OPTION_KINDS.items():
        schema: dict[str, Any]
        if kind == "boolean_or_null":
            schema = {"type": ["boolean", "null"]}
        elif kind == "base64":
            schema = {"$ref": "#/$defs/base64"}
        elif choices:
            schema = {"enum": list(choices)}
        else:
            schema = {"type": kind}
        default = getattr(DocumentOptions(), name)
        described = "PNG or JPEG of the kop logo" if name == _LOGO else f"default {default!r}"
        properties[SETTINGS_PREFIX + name] = {
            **schema,
            "description": f"Document setting {name} ({described}).",
        }
    return {
        "type": "object",
        "properties": properties,
        "patternProperties": {
            "^notulen\\.teks\\.[a-z0-9_.:-]{1,80}$": {
                "type": "string",
                "description": "An edited text part of the notulen.",
            },
            "^(meeting|live)\\..+$": {
                "type": "string",
                "description": "A setting or the state of the live meeting, as text.",
            },
        },
        "additionalProperties": False,
        "description": "Per-event settings (see docs/event-format.md, Settings).",
    }
