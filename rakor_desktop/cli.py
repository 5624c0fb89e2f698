"""The command line of Rakor Desktop (``rakor``).

Every command goes through :mod:`rakor_desktop.operations` (one module per area) and the storage
layer, like the desktop app. Messages follow ``--lang`` (or the language
setting); help texts are in Bahasa Indonesia.

Exit codes:
    0  done (a second check-in of someone already present is not an error);
    1  the command was understood but could not be done (unknown event or code,
       unreadable file, database refused ...);
    2  the command line itself is wrong (unknown command, missing or malformed
       argument such as a date "2023-13-45" or a time "25:00").
    130  interrupted with Ctrl+C.

Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any, NoReturn

from rakor_desktop import __version__, logs, messages, paths
from rakor_desktop.clock import to_iso
from rakor_desktop.formatting import (
    TimeZone,
    format_clock,
    format_date,
    format_date_span,
    format_name,
    format_nip,
    format_time,
    format_time_range,
    parse_time,
)
from rakor_desktop.messages import NotFoundError, RakorError, ValidationError, text
from rakor_desktop.models import Event, Invitee
from rakor_desktop.operations import checkin as checkin_ops
from rakor_desktop.operations import events as event_ops
from rakor_desktop.settings import Settings, load_settings
from rakor_desktop.storage import Storage

log = logging.getLogger("rakor.cli")

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PROG = "rakor"


# -- argparse in Indonesian, failing with one line ----------------------------------------


class UsageError(Exception):
    """The command line cannot be parsed (exit code 2)."""

    def __init__(self, message: str, prog: str) -> None:
        super().__init__(message)
        self.prog = prog


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "Penggunaan: " if prefix is None else prefix)


class _ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser with Indonesian help whose errors raise :class:`UsageError`."""

    def __init__(self, **kwargs: Any) -> None:
        add_help = bool(kwargs.pop("add_help", True))  # replaced by an Indonesian -h
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="tampilkan bantuan ini lalu keluar",
            )

    def error(self, message: str) -> NoReturn:
        raise UsageError(_translate_argparse(message), self.prog)


# argparse's own messages (English) and their Indonesian wording.
_ARGPARSE_ID: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^the following arguments are required: (.*)$", r"argumen berikut wajib diisi: \1"),
        (r"^one of the arguments (.*) is required$", r"salah satu argumen \1 wajib diisi"),
        (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
        (
            r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$",
            r"argumen \1: pilihan \2 tidak dikenal (pilih salah satu: \3)",
        ),
        (r"^argument (\S+): expected one argument$", r"argumen \1 memerlukan satu nilai"),
        (
            r"^argument (\S+): not allowed with argument (\S+)$",
            r"argumen \1 tidak dapat dipakai bersama \2",
        ),
        (r"^argument (\S+): invalid \S+ value: (.*)$", r"argumen \1: nilai \2 tidak valid"),
        (r"^argument (\S+): (.*)$", r"argumen \1: \2"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"opsi \1 ambigu, bisa berarti \2"),
    )
)


def _translate_argparse(message: str) -> str:
    if messages.current_language() == "en":
        return message
    for pattern, replacement in _ARGPARSE_ID:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


# -- argument types (messages in the chosen language) -------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date_arg(value: str) -> date:
    try:
        if not _ISO_DATE.fullmatch(value.strip()):
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            text(
                "tanggal {value!r} tidak valid; gunakan format TTTT-BB-HH, mis. 2023-12-14",
                "invalid date {value!r}; use YYYY-MM-DD, e.g. 2023-12-14",
                value=value,
            )
        ) from None


def _time_arg(value: str) -> time:
    try:
        return parse_time(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            text(
                "jam {value!r} tidak valid; gunakan format JJ:MM (00:00 s.d. 23:59), mis. 09:00",
                "invalid time {value!r}; use HH:MM (00:00 to 23:59), e.g. 09:00",
                value=value,
            )
        ) from None


def _timezone_arg(value: str) -> str:
    try:
        return TimeZone.parse(value).value
    except ValueError:
        raise argparse.ArgumentTypeError(
            text(
                "zona waktu {value!r} tidak dikenal; gunakan WIB, WITA atau WIT",
                "unknown time zone {value!r}; use WIB, WITA or WIT",
                value=value,
            )
        ) from None


def _id_arg(value: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(
            text(
                "nomor acara harus bilangan bulat positif, bukan {value!r}",
                "the event number must be a positive whole number, not {value!r}",
                value=value,
            )
        )
    return number


# -- the parser -----------------------------------------------------------------------------

Handler = Callable[[argparse.Namespace, Storage, Settings], int]


@dataclass(frozen=True)
class _Command:
    """What a subcommand runs, whether to back the database up first, whether it writes.

    Bulk changes (imports) are preceded by a backup; a check-in, which appends one
    small entry, is not (the desk must answer at once). A command that only reads
    the database also works on one in a read-only folder or on a full disk.
    """

    handler: Handler
    backup_first: bool = False
    reads_only: bool = False


def build_parser() -> argparse.ArgumentParser:
    """The ``rakor`` argument parser (help in Bahasa Indonesia)."""
    # --db and --lang are accepted before and after the command; in the
    # subcommands they default to SUPPRESS so they never hide a value given earlier.
    common = _ArgumentParser(add_help=False)
    common._optionals.title = "opsi umum"
    _add_global_options(common, suppress=True)

    parser = _ArgumentParser(
        prog=PROG,
        description=(
            "Rakor Desktop lewat baris perintah: acara, daftar peserta dan check-in "
            "untuk rapat koordinasi, tanpa internet."
        ),
        epilog=(
            "contoh:\n"
            '  rakor event create --title "Rakor Persiapan Pemilu" --date 2023-12-14 \\\n'
            '      --start 09:00 --venue "Aula Griya Mayang"\n'
            "  rakor participants import 1 undangan.csv\n"
            "  rakor checkin 1 --name purwaningsih"
        ),
    )
    _add_global_options(parser, suppress=False)
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        help="tampilkan versi lalu keluar",
    )
    commands = parser.add_subparsers(
        title="perintah", metavar="PERINTAH", dest="command", required=True
    )

    # event ...
    event = commands.add_parser(
        "event", help="membuat, melihat, mengekspor dan mengimpor acara", parents=[common]
    )
    event_actions = event.add_subparsers(
        title="perintah", metavar="PERINTAH", dest="action", required=True
    )

    create = event_actions.add_parser(
        "create",
        help="buat acara baru (mencetak nomor acara)",
        description="Membuat acara baru dan mencetak nomornya.",
        parents=[common],
    )
    create.add_argument(
        "--title", required=True, metavar="JUDUL", help='nama acara, mis. "Rakor Pemilu 2024"'
    )
    create.add_argument(
        "--date",
        required=True,
        type=_date_arg,
        metavar="TANGGAL",
        help="tanggal acara, TTTT-BB-HH (2023-12-14)",
    )
    create.add_argument(
        "--start", required=True, type=_time_arg, metavar="JAM", help="jam mulai, JJ:MM (09:00)"
    )
    create.add_argument(
        "--end",
        type=_time_arg,
        metavar="JAM",
        help='jam selesai, JJ:MM; tanpa --end: "s.d. selesai"',
    )
    create.add_argument(
        "--tz",
        type=_timezone_arg,
        default="WIB",
        metavar="ZONA",
        help="zona waktu: WIB, WITA atau WIT (bawaan WIB)",
    )
    create.add_argument(
        "--venue", required=True, metavar="TEMPAT", help='tempat, mis. "Aula Griya Mayang"'
    )
    create.add_argument(
        "--organizer",
        default="",
        metavar="UNIT",
        help='unit penyelenggara, mis. "Badan Kesbangpol"',
    )
    create.set_defaults(command_spec=_Command(_event_create))

    listing = event_actions.add_parser(
        "list", help="daftar semua acara", description="Menampilkan semua acara.", parents=[common]
    )
    listing.set_defaults(command_spec=_Command(_event_list, reads_only=True))

    show = event_actions.add_parser(
        "show",
        help="rincian satu acara",
        description="Menampilkan rincian acara dengan penulisan resmi.",
        parents=[common],
    )
    show.add_argument("event_id", metavar="ID", type=_id_arg, help="nomor acara")
    show.set_defaults(command_spec=_Command(_event_show, reads_only=True))

    export = event_actions.add_parser(
        "export",
        help="ekspor acara ke berkas .json",
        description="Menyimpan acara beserta seluruh catatannya ke satu berkas.",
        parents=[common],
    )
    export.add_argument("event_id", metavar="ID", type=_id_arg, help="nomor acara")
    export.add_argument(
        "--out", required=True, type=Path, metavar="BERKAS", help="berkas tujuan (.json)"
    )
    export.set_defaults(command_spec=_Command(_event_export, reads_only=True))

    imported = event_actions.add_parser(
        "import",
        help="impor acara dari berkas .json (mencetak nomor acara baru)",
        description="Memasukkan acara dari berkas hasil ekspor; mencetak nomor acara baru.",
        parents=[common],
    )
    imported.add_argument(
        "file", metavar="BERKAS", type=Path, help="berkas acara (.rakor atau .json)"
    )
    imported.set_defaults(command_spec=_Command(_event_import, backup_first=True))

    # participants ...
    participants = commands.add_parser(
        "participants", help="daftar peserta (undangan) sebuah acara", parents=[common]
    )
    participant_actions = participants.add_subparsers(
        title="perintah", metavar="PERINTAH", dest="action", required=True
    )
    p_import = participant_actions.add_parser(
        "import",
        help="impor daftar peserta dari berkas Excel (.xlsx, .xls), OpenDocument (.ods) atau CSV",
        description=(
            "Mengimpor daftar peserta dari buku kerja Excel (.xlsx, .xls), OpenDocument (.ods) "
            "atau berkas CSV (pengodean dikenali otomatis). Baris "
            "judul di atas tabel, sel yang digabung, baris kosong, pemisah ; atau , dan kolom "
            "seperti No, Nama, NIP, Pangkat/Gol., Jabatan, Instansi/Unit Kerja, Kelompok, "
            "No. HP, L/P, Peran dikenali otomatis. Orang yang sudah ada di daftar atau muncul "
            "dua kali dilewati; orang yang sudah ada di direktori digabung tanpa menghapus "
            "datanya. Baris dengan NIP yang rusak diimpor dengan NIP kosong dan peringatan; bila "
            "ada baris tanpa nama, tidak ada yang disimpan."
        ),
        parents=[common],
    )
    p_import.add_argument("event_id", metavar="ID", type=_id_arg, help="nomor acara")
    p_import.add_argument(
        "file", metavar="BERKAS", type=Path,
        help="berkas daftar peserta (.xlsx, .xls, .ods atau .csv)",
    )
    p_import.add_argument(
        "--sheet",
        metavar="LEMBAR",
        help="nama lembar (sheet) buku kerja; bawaan: lembar pertama yang berisi daftar",
    )
    p_import.set_defaults(command_spec=_Command(_participants_import, backup_first=True))

    p_list = participant_actions.add_parser(
        "list",
        help="daftar peserta dengan kode dan jam hadir",
        description="Menampilkan daftar peserta sebuah acara.",
        parents=[common],
    )
    p_list.add_argument("event_id", metavar="ID", type=_id_arg, help="nomor acara")
    p_list.add_argument("--json", action="store_true", help="cetak sebagai JSON (untuk skrip lain)")
    p_list.set_defaults(command_spec=_Command(_participants_list, reads_only=True))

    # checkin
    checkin = commands.add_parser(
        "checkin",
        help="catat kehadiran peserta (dengan kode atau nama)",
        description=(
            "Mencatat kehadiran seorang peserta. Peserta yang sudah hadir tidak dihitung dua kali."
        ),
        parents=[common],
    )
    checkin.add_argument("event_id", metavar="ID", type=_id_arg, help="nomor acara")
    who = checkin.add_mutually_exclusive_group(required=True)
    who.add_argument("--code", metavar="KODE", help="kode check-in pada undangan")
    who.add_argument("--name", metavar="NAMA", help="nama (tanpa gelar), jabatan atau instansi")
    checkin.add_argument(
        "--station", metavar="MEJA", help="nama meja registrasi (bawaan: dari pengaturan)"
    )
    checkin.add_argument(
        "--operator", metavar="PETUGAS", help="nama petugas (bawaan: dari pengaturan)"
    )
    checkin.set_defaults(command_spec=_Command(_checkin))

    # export (documents)
    export_docs = commands.add_parser(
        "export",
        help="buat notulen, daftar hadir atau log pertanyaan (DOCX, PDF, XLSX)",
        description=(
            "Menulis dokumen sebuah acara ke folder tujuan dan mencetak berkas yang ditulis. "
            "Tanpa --format: notulen dan daftar hadir sebagai DOCX dan PDF, log pertanyaan "
            "sebagai XLSX. Berkas lama dengan nama yang sama diganti utuh."
        ),
        epilog=(
            "contoh:\n"
            "  rakor export 1 --what minutes --out ~/Dokumen/rakor\n"
            "  rakor export 1 --what attendance --format pdf --out .\n"
            "  rakor export 1 --what questions --format xlsx --out ."
        ),
        parents=[common],
    )
    export_docs.add_argument("event_id", metavar="ID", type=_id_arg, help="nomor acara")
    export_docs.add_argument(
        "--what",
        required=True,
        choices=EXPORT_KINDS,
        help="minutes (notulen), attendance (daftar hadir) atau questions (log pertanyaan)",
    )
    export_docs.add_argument(
        "--format",
        action="append",
        choices=("docx", "pdf", "xlsx"),
        dest="formats",
        help="docx, pdf atau xlsx (boleh diulang); bawaan: lihat di atas",
    )
    export_docs.add_argument(
        "--out",
        type=Path,
        metavar="FOLDER",
        help="folder tujuan (dibuat bila belum ada); bawaan: folder dokumen acara",
    )
    export_docs.set_defaults(command_spec=_Command(_export_documents, reads_only=True))
    _add_backup_commands(commands, common)
    _add_serve_command(commands, common)
    return parser


def _port_arg(value: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(
            text("port harus 0 s.d. 65535, bukan {value!r}",
                 "the port must be 0 to 65535, not {value!r}", value=value)
        )
    return number


def _pairing_code_arg(value: str) -> str:
    if not (len(value.strip()) == 6 and value.strip().isdigit()):
        raise argparse.ArgumentTypeError(
            text("kode pairing harus 6 angka, bukan {value!r}",
                 "the pairing code must be 6 digits, not {value!r}", value=value)
        )
    return value.strip()


def _add_serve_command(commands: Any, common: argparse.ArgumentParser) -> None:
    """``rakor serve``: the venue network's host without a window (issue 13)."""
    from rakor_desktop.network.protocol import DEFAULT_PORT

    serve = commands.add_parser(
        "serve",
        help="layani jaringan acara (meja registrasi lain bergabung ke laptop ini)",
        description=(
            "Menjalankan laptop ini sebagai tuan rumah jaringan acara tanpa jendela: meja "
            "lain bergabung dengan alamat dan kode pairing yang dicetak, lalu mengirim "
            "check-in ke database ini. Berhenti dengan Ctrl+C."
        ),
        parents=[common],
    )
    serve.add_argument("--event", metavar="ID", type=_id_arg,
                       help="nomor acara (bawaan: satu-satunya acara di database)")
    serve.add_argument("--bind", metavar="ALAMAT", default="0.0.0.0",
                       help="alamat yang didengarkan (bawaan: 0.0.0.0, semua jaringan)")
    serve.add_argument("--port", metavar="PORT", type=_port_arg, default=DEFAULT_PORT,
                       help=f"port (bawaan: {DEFAULT_PORT}; bila terpakai, port berikutnya)")
    serve.add_argument("--code", metavar="KODE", type=_pairing_code_arg,
                       help="kode pairing 6 angka (bawaan: acak)")
    serve.set_defaults(command_spec=_Command(_serve))


def _add_backup_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """``rakor backup``, ``rakor backup list`` and ``rakor restore FILE``.

    They work on the database file itself, without opening it for use: a damaged
    database can still be restored.
    """
    backup = commands.add_parser(
        "backup",
        help="buat cadangan database sekarang (atau: backup list)",
        description=(
            "Tanpa perintah: membuat cadangan database sekarang dan mencetak berkasnya. "
            "backup list: menampilkan cadangan yang ada beserta isinya."
        ),
        parents=[common],
    )
    backup.set_defaults(command_spec=_FileCommand(_backup_now))
    backup_actions = backup.add_subparsers(
        title="perintah", metavar="PERINTAH", dest="action", required=False
    )
    backup_list = backup_actions.add_parser(
        "list",
        help="daftar cadangan: waktu, jumlah acara, undangan dan yang hadir",
        description="Menampilkan cadangan database, yang terbaru lebih dulu.",
        parents=[common],
    )
    backup_list.add_argument(
        "--json", action="store_true", help="cetak sebagai JSON (untuk skrip lain)"
    )
    backup_list.set_defaults(command_spec=_FileCommand(_backup_list))

    restore = commands.add_parser(
        "restore",
        help="pulihkan database dari sebuah cadangan",
        description=(
            "Mengganti database dengan cadangan BERKAS (jalur, atau nama dari 'backup list'). "
            "Database yang sekarang disisihkan di sebelahnya, tidak dihapus. Tutup aplikasi "
            "lebih dulu."
        ),
        parents=[common],
    )
    restore.add_argument("file", metavar="BERKAS", help="berkas cadangan")
    restore.set_defaults(command_spec=_FileCommand(_restore))


FileHandler = Callable[[argparse.Namespace, Path, Settings], int]


@dataclass(frozen=True)
class _FileCommand:
    """A subcommand that works on the database file without opening it for use."""

    handler: FileHandler


def _add_global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="BERKAS",
        default=argparse.SUPPRESS if suppress else None,
        # argparse %-formats help texts: a "%" in the path must be doubled.
        help=f"berkas database (bawaan: {paths.default_database_path()})".replace("%", "%%"),
    )
    parser.add_argument(
        "--lang",
        choices=messages.SUPPORTED_LANGUAGES,
        default=argparse.SUPPRESS if suppress else None,
        help="bahasa pesan: id (Bahasa Indonesia) atau en (English); bawaan dari pengaturan",
    )


# -- commands -----------------------------------------------------------------------------


def _event_create(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    event = Event(
        title=args.title,
        date=args.date,
        start_time=args.start,
        end_time=args.end,
        timezone=args.tz,
        venue=" ".join(args.venue.split()),
        organizer_unit=" ".join(args.organizer.split()),
    )
    print(event_ops.create_event(storage, event))
    return EXIT_OK


def _event_list(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    events = storage.list_events()
    if not events:
        print(text("Belum ada acara.", "No events yet."))
        return EXIT_OK
    headers = (
        "ID",
        text("Hari/Tanggal", "Date"),
        text("Acara", "Event"),
        text("Tempat", "Venue"),
        text("Hadir/Undangan", "Present/Invited"),
    )
    rows = [
        (str(e.id), format_date(e.date), e.title, e.venue or "-", f"{e.present}/{e.invited}")
        for e in events
    ]
    print(_table(headers, rows))
    return EXIT_OK


def _event_show(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    event = event_ops.get_event(storage, args.event_id)
    counts = storage.attendance_counts(args.event_id)
    organizer = ", ".join(p for p in (event.organizer_unit, event.organizer_government) if p)
    fields: list[tuple[str, str]] = [
        (text("Nomor", "Number"), str(event.id)),
        (text("Acara", "Event"), event.title),
        (text("Hari/Tanggal", "Day/Date"), format_date_span(event.date, event.end_date)),
        (
            text("Waktu", "Time"),
            format_time_range(event.start_time, event.end_time, event.timezone, pukul=True),
        ),
    ]
    if event.call_time is not None:
        fields.append(
            (
                text("Waktu Panggilan", "Call time"),
                f"pukul {format_time(event.call_time)} {event.timezone}",
            )
        )
    fields += [
        (text("Tempat", "Venue"), event.venue or "-"),
        (text("Penyelenggara", "Organizer"), organizer or "-"),
        (text("Undangan", "Invited"), text("{n} orang", "{n}", n=counts.invited)),
        (text("Hadir", "Present"), text("{n} orang", "{n}", n=counts.present)),
    ]
    if any(counts.per_group):
        per_group = "; ".join(
            f"{group or text('(tanpa kelompok)', '(no group)')} {present}/{invited}"
            for group, (present, invited) in counts.per_group.items()
        )
        fields.append((text("Per kelompok", "Per group"), per_group))
    width = max(len(label) for label, _ in fields)
    for label, value in fields:
        print(f"{label.ljust(width)} : {value}")
    return EXIT_OK


def _require_file(path: Path) -> None:
    if not path.exists():
        raise NotFoundError(
            "Berkas {path} tidak ditemukan.", "The file {path} does not exist.", path=path
        )
    if path.is_dir():
        raise ValidationError(
            "{path} adalah folder, bukan berkas.", "{path} is a folder, not a file.", path=path
        )


def _event_export(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    from rakor_desktop.exports.eventfile import export_event

    event_ops.get_event(storage, args.event_id)
    written = export_event(storage, args.event_id, args.out)
    print(written)
    return EXIT_OK


def _event_import(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    from rakor_desktop.exports.eventfile import import_event

    _require_file(args.file)
    print(import_event(storage, args.file))
    return EXIT_OK


def _participants_import(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    from rakor_desktop.operations.invitation_import import import_file

    event_ops.get_event(storage, args.event_id)
    _require_file(args.file)
    report = import_file(storage, args.event_id, args.file, sheet=args.sheet)
    skipped = report.skipped_names
    skipped_text = str(len(skipped))
    if skipped:
        names = "; ".join(skipped[:10])
        more = text(" dan {n} lainnya", " and {n} more", n=len(skipped) - 10)
        skipped_text += f" ({names}{more if len(skipped) > 10 else ''})"
    lines = [
        (text("Ditambahkan", "Added"), text("{n} peserta", "{n} participants", n=report.invited)),
        (text("Dari direktori", "From the directory"), str(report.from_directory)),
        (text("Dilewati (sudah terdaftar)", "Skipped (already listed)"), skipped_text),
    ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label.ljust(width)} : {value}")
    # Imported all the same: what was left empty, row by row (on stderr, like any notice).
    shown_warnings = report.warnings[:_WARNINGS_SHOWN]
    for warning in shown_warnings:
        print(f"{text('Peringatan', 'Warning')}: {warning}", file=sys.stderr)
    if len(report.warnings) > len(shown_warnings):
        rest = len(report.warnings) - len(shown_warnings)
        print(
            text("Peringatan: dan {n} lainnya", "Warning: and {n} more", n=rest), file=sys.stderr
        )
    return EXIT_OK


_WARNINGS_SHOWN = 20
"""How many warnings of an import the command prints."""


def _invitee_json(invitee: Invitee) -> dict[str, Any]:
    person = invitee.person
    return {
        "name": person.name,
        "front_titles": person.front_titles,
        "back_titles": person.back_titles,
        "full_name": format_name(person.name, person.front_titles, person.back_titles),
        "nip": person.nip,
        "jabatan": invitee.jabatan,
        "instansi": invitee.instansi,
        "group": invitee.group_name,
        "role": invitee.role.value,
        "code": invitee.checkin_code,
        "present": invitee.first_checkin_at is not None,
        "checked_in_at": None
        if invitee.first_checkin_at is None
        else to_iso(invitee.first_checkin_at),
    }


def _participants_list(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    event = event_ops.get_event(storage, args.event_id)
    invitees = storage.list_invitees(args.event_id)
    if args.json:
        print(json.dumps([_invitee_json(i) for i in invitees], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not invitees:
        print(text("Belum ada peserta di acara ini.", "This event has no participants yet."))
        return EXIT_OK
    headers = (
        "No",
        text("Nama", "Name"),
        "NIP",
        text("Jabatan", "Position"),
        text("Instansi", "Institution"),
        text("Kelompok", "Group"),
        text("Kode", "Code"),
        text("Hadir", "Present"),
    )
    rows = []
    for number, invitee in enumerate(invitees, start=1):
        person = invitee.person
        arrived = invitee.first_checkin_at
        rows.append(
            tuple(
                cell or "-"
                for cell in (
                    str(number),
                    format_name(person.name, person.front_titles, person.back_titles),
                    format_nip(person.nip),
                    invitee.jabatan,
                    invitee.instansi,
                    invitee.group_name,
                    invitee.checkin_code,
                    "" if arrived is None else format_clock(arrived, event.timezone),
                )
            )
        )
    print(_table(headers, rows))
    return EXIT_OK


def _checkin(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    event = event_ops.get_event(storage, args.event_id)
    station = args.station.strip() if args.station and args.station.strip() else None
    desk = checkin_ops.Desk(
        station=station or settings.effective_station,
        operator=(settings.operator_name if args.operator is None else args.operator).strip(),
    )
    if args.code is not None:
        if not args.code.strip():
            raise ValidationError("Ketik kode check-in.", "Type a check-in code.")
        result = checkin_ops.checkin_by_code(storage, args.event_id, args.code, desk)
    else:
        result = checkin_ops.checkin_by_name(storage, args.event_id, args.name, desk)
    print(checkin_ops.describe_checkin(result, event.timezone))
    return EXIT_OK


def _serve(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    import asyncio

    from rakor_desktop.network.host import HostNetwork
    from rakor_desktop.network.server import serve_until_stopped

    event_id = args.event
    if event_id is None:
        events = storage.list_events()
        if len(events) != 1:
            raise ValidationError(
                "Database ini berisi {count} acara; pilih satu dengan --event ID "
                "(lihat: rakor event list).",
                "This database holds {count} events; choose one with --event ID "
                "(see: rakor event list).",
                count=len(events),
            )
        event_id = events[0].id
    event_ops.get_event(storage, event_id)
    # RAKOR_HALL_SECRET (hex): a fixed secret for the rotating self check-in code, for
    # tests that need to know the code of a given minute (random otherwise).
    secret = os.environ.get("RAKOR_HALL_SECRET", "").strip()
    network = HostNetwork(storage, event_id, pairing_code=args.code,
                          hall_secret=bytes.fromhex(secret) if secret else None)
    served: list[str] = []

    def role_link(role: str) -> None:
        if served:  # the moderator's and projector's one-time links (a new one after use)
            print(f"RAKOR_PAIRING {role} {served[0]}{network.role_pairing_path(role)}",
                  flush=True)

    def listening(url: str) -> None:
        served.append(url)
        print(f"RAKOR_SERVING {url} code={network.pairing_code}", flush=True)
        for role in ("moderator", "projector"):
            role_link(role)

    network.role_link_listeners.append(role_link)

    asyncio.run(serve_until_stopped(network, bind=args.bind, port=args.port,
                                    on_listening=listening))
    return EXIT_OK


EXPORT_KINDS = ("minutes", "attendance", "questions")
_EXPORT_FORMATS = {
    "minutes": ("docx", "pdf"),
    "attendance": ("docx", "pdf", "xlsx"),
    "questions": ("xlsx",),
}
_EXPORT_DEFAULTS = {"minutes": ("docx", "pdf"), "attendance": ("docx", "pdf"),
                    "questions": ("xlsx",)}


def _export_documents(args: argparse.Namespace, storage: Storage, settings: Settings) -> int:
    from rakor_desktop.exports.documents import export as documents  # loaded only for this command

    event_ops.get_event(storage, args.event_id)
    formats = list(dict.fromkeys(args.formats or _EXPORT_DEFAULTS[args.what]))
    allowed = _EXPORT_FORMATS[args.what]
    wrong = [f for f in formats if f not in allowed]
    if wrong:
        _error(
            text(
                "format {wrong} tidak tersedia untuk --what {what}; pilih {allowed} "
                "(lihat: {prog} export -h)",
                "format {wrong} is not available for --what {what}; choose {allowed} "
                "(see: {prog} export -h)",
                wrong=", ".join(wrong), what=args.what, allowed=", ".join(allowed), prog=PROG,
            )
        )
        return EXIT_USAGE
    out = args.out if args.out is not None else documents.default_output_dir(
        storage, args.event_id
    )
    written: list[Path] = []
    if args.what == "minutes":
        written = documents.export_minutes(storage, args.event_id, out, formats)
    elif args.what == "questions":
        written = documents.export_question_log(storage, args.event_id, out)
    else:
        document_formats = [f for f in formats if f != "xlsx"]
        if document_formats:
            written += documents.export_attendance_list(
                storage, args.event_id, out, document_formats
            )
        if "xlsx" in formats:
            written += documents.export_attendance_spreadsheet(storage, args.event_id, out)
    for path in written:
        print(path)
    return EXIT_OK


def _backup_now(args: argparse.Namespace, database: Path, settings: Settings) -> int:
    from rakor_desktop import backup as backups

    if not database.is_file():
        raise NotFoundError(
            "Database {path} tidak ada.", "The database {path} does not exist.", path=database
        )
    made = backups.make_backup(database, keep_days=settings.backups_kept)
    print(made.path)
    place = settings.second_place
    if place is not None:
        try:
            print(backups.copy_to_second_place(
                made.path, place, database=database, keep_days=settings.backups_kept
            ))
        except backups.SecondPlaceError as exc:
            _error(str(exc))
            return EXIT_FAILURE
    return EXIT_OK


def _backup_time(moment: Any) -> str:
    return str(moment.astimezone().strftime("%Y-%m-%d %H.%M.%S"))


def _backup_list(args: argparse.Namespace, database: Path, settings: Settings) -> int:
    from rakor_desktop import backup as backups

    found = backups.list_backups(database, with_contents=True)
    if args.json:
        print(json.dumps([
            {
                "file": str(b.path),
                "taken_at": b.taken_at.isoformat(),
                "events": b.summary.events if b.summary else None,
                "invitees": b.summary.invitees if b.summary else None,
                "checked_in": b.summary.checked_in if b.summary else None,
            }
            for b in found
        ], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print(text("Belum ada cadangan di {folder}.", "No backups yet in {folder}.",
                   folder=paths.backups_dir(database)))
        return EXIT_OK
    headers = (
        text("Waktu", "Time"),
        text("Acara", "Events"),
        text("Undangan", "Invitees"),
        text("Hadir", "Checked in"),
        text("Berkas", "File"),
    )
    rows = [
        (_backup_time(b.taken_at), str(b.summary.events), str(b.summary.invitees),
         str(b.summary.checked_in), b.path.name)
        for b in found if b.summary is not None
    ]
    print(_table(headers, rows))
    return EXIT_OK


def _restore(args: argparse.Namespace, database: Path, settings: Settings) -> int:
    from rakor_desktop import backup as backups

    chosen = Path(args.file).expanduser()
    if not chosen.exists() and chosen.name == str(args.file):
        chosen = paths.backups_dir(database) / chosen.name  # a name from "backup list"
    _require_file(chosen)
    aside = backups.restore_backup(database, chosen)
    print(text("Dipulihkan dari {backup}.", "Restored from {backup}.", backup=chosen))
    if aside is not None:
        print(text("Database sebelumnya disisihkan: {aside}",
                   "The previous database was put aside: {aside}", aside=aside))
    return EXIT_OK


# -- output helpers -------------------------------------------------------------------------


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain text table: columns padded to their widest cell, a rule under the header."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def _error(message: str) -> None:
    """One line on stderr."""
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)


def _make_streams_safe() -> None:
    """A console that cannot show a character ("é", "—") must not crash the command."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and encoding != "utf8":
            stream.reconfigure(errors="replace")


def _language_in(argv: Sequence[str]) -> str | None:
    """The --lang value of a command line, known before parsing (for parse errors)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        if value in messages.SUPPORTED_LANGUAGES:
            return value
    return None


def _setup_logging() -> Path | None:
    """Log to the rotating file; without a writable log folder, log nowhere (never stderr)."""
    log_file = logs.setup_logging()
    if log_file is None:
        root = logging.getLogger("rakor")
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        root.addHandler(logging.NullHandler())
    return log_file


def _describe_os_error(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if exc.filename:
        return text(
            "Berkas {file} tidak dapat diakses: {reason}.",
            "Cannot access the file {file}: {reason}.",
            file=exc.filename,
            reason=reason,
        )
    return text("Kesalahan berkas: {reason}.", "File error: {reason}.", reason=reason)


# -- entry point ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``rakor`` with ``argv`` (default: the process arguments); returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    _make_streams_safe()
    settings = load_settings()
    messages.set_language(_language_in(arguments) or settings.language)
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except UsageError as exc:
        hint = text("lihat: {prog} -h", "see: {prog} -h", prog=exc.prog)
        _error(f"{exc} ({hint})")
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version exit through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    if args.lang is not None:
        messages.set_language(args.lang)
    log_file = _setup_logging()
    command: _Command | _FileCommand = args.command_spec
    database = args.db if args.db is not None else paths.default_database_path()
    try:
        if isinstance(command, _FileCommand):
            return command.handler(args, Path(database).expanduser(), settings)
        storage = Storage.open(
            database,
            backup=command.backup_first,
            backups_kept=settings.backups_kept,
            read_only_fallback=command.reads_only,
        )
        try:
            return command.handler(args, storage, settings)
        finally:
            storage.close()
    except RakorError as exc:
        _error(str(exc))
    except sqlite3.Error as exc:
        _error(
            text(
                "Database {path} tidak dapat dipakai ({error}).",
                "Cannot use the database {path} ({error}).",
                path=database,
                error=exc,
            )
        )
    except OSError as exc:
        _error(_describe_os_error(exc))
    except KeyboardInterrupt:
        _error(text("Dibatalkan.", "Cancelled."))
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: logged in full, shown as one line
        log.exception("unexpected error running %s", arguments)
        where = log_file if log_file is not None else "-"
        _error(
            text(
                "Terjadi kesalahan tak terduga ({kind}: {error}). Rincian ada di log: {log}",
                "Unexpected error ({kind}: {error}). Details are in the log: {log}",
                kind=type(exc).__name__,
                error=exc,
                log=where,
            )
        )
    return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
