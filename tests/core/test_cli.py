"""The ``rakor`` command line, run through ``main()`` on real temporary databases:
exact output of every command, and one clear line on stderr (never a traceback)
for every kind of bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import time
from pathlib import Path

import pytest

from rakor_desktop.cli import main
from rakor_desktop.formatting import format_clock
from rakor_desktop.models import AttendanceKind
from rakor_desktop.settings import Settings, save_settings
from rakor_desktop.storage import Storage

REPO = Path(__file__).resolve().parents[2]

PARTICIPANTS_CSV = "\r\n".join(
    [
        "DAFTAR UNDANGAN RAKOR PERSIAPAN PEMILU 2024;;;;;;",
        ";;;;;;",
        "No.;Nama;NIP;Jabatan;Instansi/Unit Kerja;Kelompok;Peran",
        "1;Dr. H. Sri Purwaningsih, M.Si.;'19770312 200312 2 007;Kepala Badan;"
        "Badan Kesbangpol;Panitia;panitia",
        "2;Budi Santoso, S.H.;;Camat Telanaipura;Kecamatan Telanaipura;Camat;",
        "3;Siti Aminah;;Kepala Bidang;Bappeda;OPD;",
        "",
    ]
)


@dataclass
class Run:
    """The outcome of one ``rakor`` command."""

    code: int
    out: str
    err: str


Cli = Callable[..., Run]


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``rakor --db <temporary database> ARGS...`` and capture its output."""

    def run(*args: str | Path) -> Run:
        code = main(["--db", str(db_path), *(str(a) for a in args)])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@contextmanager
def opened(db_path: Path) -> Iterator[Storage]:
    storage = Storage.open(db_path, backup=False)
    try:
        yield storage
    finally:
        storage.close()


def create_rakor(cli: Cli, *extra: str) -> int:
    result = cli(
        "event", "create",
        "--title", "Rakor Persiapan Pemilu 2024",
        "--date", "2023-12-14",
        "--start", "09:00",
        "--venue", "Aula Griya Mayang",
        "--organizer", "Badan Kesatuan Bangsa dan Politik",
        *extra,
    )  # fmt: skip
    assert result.code == 0, result.err
    return int(result.out)


@pytest.fixture
def participants_csv(tmp_path: Path) -> Path:
    path = tmp_path / "undangan.csv"
    path.write_text(PARTICIPANTS_CSV, encoding="utf-8-sig")
    return path


@pytest.fixture
def rakor(cli: Cli, participants_csv: Path) -> int:
    """An event with the three people of PARTICIPANTS_CSV invited."""
    event_id = create_rakor(cli)
    assert cli("participants", "import", str(event_id), participants_csv).code == 0
    return event_id


def codes(cli: Cli, event_id: int) -> dict[str, str]:
    listed = json.loads(cli("participants", "list", str(event_id), "--json").out)
    return {p["name"]: p["code"] for p in listed}


def arrival(db_path: Path, event_id: int, name: str) -> str:
    """The recorded check-in time of an invitee, as the desk shows it ("08.42")."""
    with opened(db_path) as storage:
        (invitee,) = [i for i in storage.list_invitees(event_id) if i.person.name == name]
    assert invitee.first_checkin_at is not None
    return format_clock(invitee.first_checkin_at, "WIB")


def assert_one_line_error(result: Run, code: int = 1) -> str:
    assert result.code == code
    assert result.out == ""
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("rakor: ")
    return lines[0]


# -- event ------------------------------------------------------------------------------------


def test_event_create_prints_only_the_new_id(cli: Cli, db_path: Path) -> None:
    first = cli(
        "event", "create", "--title", "Rakor Persiapan Pemilu 2024", "--date", "2023-12-14",
        "--start", "09:00", "--end", "12.00", "--tz", "wita", "--venue", "Aula Griya Mayang",
        "--organizer", "Badan Kesbangpol",
    )  # fmt: skip
    second = cli("event", "create", "--title", "Rakor Kedua", "--date", "2024-01-03",
                 "--start", "8", "--venue", "Ruang Rapat")  # fmt: skip

    assert (first.code, first.out, first.err) == (0, "1\n", "")
    assert (second.code, second.out, second.err) == (0, "2\n", "")
    with opened(db_path) as storage:
        event = storage.get_event(1)
    assert event is not None
    assert (event.title, event.venue, event.organizer_unit) == (
        "Rakor Persiapan Pemilu 2024",
        "Aula Griya Mayang",
        "Badan Kesbangpol",
    )
    assert (event.start_time, event.end_time, event.timezone) == (time(9), time(12), "WITA")


def test_event_list_shows_a_table_with_indonesian_dates(cli: Cli, rakor: int) -> None:
    create_rakor(cli, "--date", "2024-01-03")
    alice = codes(cli, rakor)["Sri Purwaningsih"]
    assert cli("checkin", str(rakor), "--code", alice).code == 0

    result = cli("event", "list")

    assert result.code == 0
    assert result.out == (
        "ID  Hari/Tanggal             Acara                        Tempat             "
        "Hadir/Undangan\n"
        "--  -----------------------  ---------------------------  -----------------  "
        "--------------\n"
        "2   Rabu, 3 Januari 2024     Rakor Persiapan Pemilu 2024  Aula Griya Mayang  0/0\n"
        "1   Kamis, 14 Desember 2023  Rakor Persiapan Pemilu 2024  Aula Griya Mayang  1/3\n"
    )


def test_event_list_of_an_empty_database(cli: Cli) -> None:
    assert cli("event", "list").out == "Belum ada acara.\n"


def test_event_show_writes_the_header_the_indonesian_way(cli: Cli, rakor: int) -> None:
    budi = codes(cli, rakor)["Budi Santoso"]
    cli("checkin", str(rakor), "--code", budi)

    result = cli("event", "show", str(rakor))

    assert result.code == 0
    assert result.out == (
        "Nomor         : 1\n"
        "Acara         : Rakor Persiapan Pemilu 2024\n"
        "Hari/Tanggal  : Kamis, 14 Desember 2023\n"
        "Waktu         : pukul 09.00 WIB s.d. selesai\n"
        "Tempat        : Aula Griya Mayang\n"
        "Penyelenggara : Badan Kesatuan Bangsa dan Politik\n"
        "Undangan      : 3 orang\n"
        "Hadir         : 1 orang\n"
        "Per kelompok  : Camat 1/1; OPD 0/1; Panitia 0/1\n"
    )


def test_event_show_with_an_end_time(cli: Cli) -> None:
    event_id = create_rakor(cli, "--end", "12:00")

    assert "Waktu         : pukul 09.00 s.d. 12.00 WIB\n" in cli("event", "show", str(event_id)).out


def test_event_export_and_import_round_trip(cli: Cli, rakor: int, tmp_path: Path) -> None:
    sri = codes(cli, rakor)["Sri Purwaningsih"]
    cli("checkin", str(rakor), "--code", sri)
    out = tmp_path / "ekspor" / "rakor.json"

    exported = cli("event", "export", str(rakor), "--out", out)

    assert (exported.code, exported.out, exported.err) == (0, f"{out}\n", "")
    assert json.loads(out.read_text(encoding="utf-8"))["event"]["title"] == (
        "Rakor Persiapan Pemilu 2024"
    )

    imported = cli("event", "import", out)

    assert (imported.code, imported.out, imported.err) == (0, "2\n", "")
    copy = json.loads(cli("participants", "list", "2", "--json").out)
    assert [(p["full_name"], p["present"]) for p in copy] == [
        ("Dr. H. Sri Purwaningsih, M.Si.", True),
        ("Budi Santoso, S.H.", False),
        ("Siti Aminah", False),
    ]


# -- participants -------------------------------------------------------------------------------


def test_participants_import_prints_a_summary(cli: Cli, participants_csv: Path) -> None:
    first, second = create_rakor(cli), create_rakor(cli)

    result = cli("participants", "import", str(first), participants_csv)

    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Ditambahkan                : 3 peserta\n"
        "Dari direktori             : 0\n"
        "Dilewati (sudah terdaftar) : 0\n"
    )
    again = cli("participants", "import", str(first), participants_csv)
    assert again.out == (
        "Ditambahkan                : 0 peserta\n"
        "Dari direktori             : 0\n"
        "Dilewati (sudah terdaftar) : 3 (Sri Purwaningsih; Budi Santoso; Siti Aminah)\n"
    )
    other_event = cli("participants", "import", str(second), participants_csv)
    assert other_event.out == (
        "Ditambahkan                : 3 peserta\n"
        "Dari direktori             : 3\n"
        "Dilewati (sudah terdaftar) : 0\n"
    )


def test_participants_list_table(cli: Cli, rakor: int, db_path: Path) -> None:
    code = codes(cli, rakor)
    cli("checkin", str(rakor), "--name", "purwaningsih")
    at = arrival(db_path, rakor, "Sri Purwaningsih")

    result = cli("participants", "list", str(rakor))

    assert result.code == 0
    assert result.out == (
        "No  Nama                            NIP                    Jabatan            "
        "Instansi               Kelompok  Kode      Hadir\n"
        "--  ------------------------------  ---------------------  -----------------  "
        "---------------------  --------  --------  -----\n"
        "1   Dr. H. Sri Purwaningsih, M.Si.  19770312 200312 2 007  Kepala Badan       "
        f"Badan Kesbangpol       Panitia   {code['Sri Purwaningsih']}  {at}\n"
        "2   Budi Santoso, S.H.              -                      Camat Telanaipura  "
        f"Kecamatan Telanaipura  Camat     {code['Budi Santoso']}  -\n"
        "3   Siti Aminah                     -                      Kepala Bidang      "
        f"Bappeda                OPD       {code['Siti Aminah']}  -\n"
    )


def test_participants_list_json_has_stable_keys(cli: Cli, rakor: int, db_path: Path) -> None:
    cli("checkin", str(rakor), "--name", "budi")
    with opened(db_path) as storage:
        budi = next(i for i in storage.list_invitees(rakor) if i.person.name == "Budi Santoso")
    assert budi.first_checkin_at is not None

    listed = json.loads(cli("participants", "list", str(rakor), "--json").out)

    assert [list(p) for p in listed] == [
        [
            "name", "front_titles", "back_titles", "full_name", "nip", "jabatan", "instansi",
            "group", "role", "code", "present", "checked_in_at",
        ]
    ] * 3  # fmt: skip
    assert listed[0] | {"code": "-"} == {
        "name": "Sri Purwaningsih",
        "front_titles": "Dr. H.",
        "back_titles": "M.Si.",
        "full_name": "Dr. H. Sri Purwaningsih, M.Si.",
        "nip": "197703122003122007",
        "jabatan": "Kepala Badan",
        "instansi": "Badan Kesbangpol",
        "group": "Panitia",
        "role": "panitia",
        "code": "-",
        "present": False,
        "checked_in_at": None,
    }
    assert listed[1]["present"] is True
    assert listed[1]["checked_in_at"] == budi.first_checkin_at.isoformat(timespec="milliseconds")
    assert listed[1]["code"] == budi.checkin_code


def test_participants_list_of_an_event_without_participants(cli: Cli) -> None:
    event_id = create_rakor(cli)

    assert cli("participants", "list", str(event_id)).out == "Belum ada peserta di acara ini.\n"
    assert cli("participants", "list", str(event_id), "--json").out == "[]\n"


# -- check-in ---------------------------------------------------------------------------------


def test_checkin_by_code_twice_is_counted_once(cli: Cli, rakor: int, db_path: Path) -> None:
    code = codes(cli, rakor)["Siti Aminah"]

    first = cli("checkin", str(rakor), "--code", code.lower())
    at = arrival(db_path, rakor, "Siti Aminah")
    second = cli("checkin", str(rakor), "--code", code)

    assert (first.code, first.out, first.err) == (
        0,
        f"Siti Aminah tercatat hadir pukul {at} WIB.\n",
        "",
    )
    assert (second.code, second.out, second.err) == (
        0,
        f"Siti Aminah sudah hadir pukul {at} WIB.\n",
        "",
    )
    assert "Hadir         : 1 orang\n" in cli("event", "show", str(rakor)).out
    assert "0/3" not in cli("event", "list").out and "1/3" in cli("event", "list").out
    with opened(db_path) as storage:
        kinds = [entry.kind for entry in storage.attendance_log(rakor)]
    assert kinds == [AttendanceKind.CHECKIN]


def test_checkin_by_name_ignores_titles(cli: Cli, rakor: int, db_path: Path) -> None:
    result = cli("checkin", str(rakor), "--name", "Purwaningsih")

    at = arrival(db_path, rakor, "Sri Purwaningsih")
    assert (result.code, result.out) == (0, f"Sri Purwaningsih tercatat hadir pukul {at} WIB.\n")


def test_checkin_records_station_and_operator_from_settings_or_options(
    cli: Cli, rakor: int, db_path: Path
) -> None:
    save_settings(Settings(station_name="Meja 2", operator_name="Rina"))

    cli("checkin", str(rakor), "--name", "siti")
    cli("checkin", str(rakor), "--name", "budi", "--station", "Meja VIP", "--operator", "Andi")

    with opened(db_path) as storage:
        entries = [(e.station, e.operator) for e in storage.attendance_log(rakor)]
    assert sorted(entries) == [("Meja 2", "Rina"), ("Meja VIP", "Andi")]


def test_ambiguous_name_lists_the_candidates(cli: Cli, rakor: int) -> None:
    line = assert_one_line_error(cli("checkin", str(rakor), "--name", "si"))

    assert "Lebih dari satu peserta cocok dengan \u201csi\u201d" in line
    assert "Siti Aminah (Bappeda)" in line
    assert "Sri Purwaningsih (Badan Kesbangpol)" in line
    assert "Hadir         : 0 orang\n" in cli("event", "show", str(rakor)).out


# -- bad input: one clear line, the right exit code --------------------------------------------

BAD_INPUT: list[tuple[list[str], int, str]] = [
    # event create
    (["event", "create", "--title", "R", "--date", "2023-13-45", "--start", "09:00",
      "--venue", "Aula"], 2, "argumen --date: tanggal '2023-13-45' tidak valid"),
    (["event", "create", "--title", "R", "--date", "14-12-2023", "--start", "09:00",
      "--venue", "Aula"], 2, "gunakan format TTTT-BB-HH"),
    (["event", "create", "--title", "R", "--date", "2023-12-14", "--start", "25:00",
      "--venue", "Aula"], 2, "argumen --start: jam '25:00' tidak valid"),
    (["event", "create", "--title", "R", "--date", "2023-12-14", "--start", "09:00",
      "--end", "9:75", "--venue", "Aula"], 2, "argumen --end: jam '9:75' tidak valid"),
    (["event", "create", "--title", "R", "--date", "2023-12-14", "--start", "09:00",
      "--tz", "GMT", "--venue", "Aula"], 2, "zona waktu 'GMT' tidak dikenal"),
    (["event", "create", "--title", "R", "--date", "2023-12-14", "--start", "10:00",
      "--end", "09:00", "--venue", "Aula"], 1, "Jam selesai (09.00) harus setelah jam mulai"),
    (["event", "create", "--title", "  ", "--date", "2023-12-14", "--start", "10:00",
      "--venue", "Aula"], 1, "Nama acara wajib diisi."),
    (["event", "create", "--title", "R"], 2,
     "argumen berikut wajib diisi: --date, --start, --venue"),
    # event show / export / import
    (["event", "show", "99"], 1, "Acara dengan nomor 99 tidak ditemukan."),
    (["event", "show", "satu"], 2, "nomor acara harus bilangan bulat positif, bukan 'satu'"),
    (["event", "export", "99", "--out", "{tmp}/x.json"], 1, "nomor 99 tidak ditemukan"),
    (["event", "export", "1", "--out", "{tmp}/biasa.txt/x.json"], 1, "tidak dapat ditulis"),
    (["event", "import", "{tmp}/tidak-ada.json"], 1, "tidak-ada.json tidak ditemukan."),
    (["event", "import", "{tmp}/rusak.json"], 1, "rusak.json tidak dapat diimpor"),
    # participants
    (["participants", "import", "99", "{csv}"], 1, "Acara dengan nomor 99 tidak ditemukan."),
    (["participants", "import", "1", "{tmp}/tidak-ada.csv"], 1, "tidak-ada.csv tidak ditemukan."),
    (["participants", "import", "1", "{tmp}/daftar.xlsx"], 1,
     "Berkas daftar.xlsx bukan buku kerja Excel (.xlsx) yang utuh"),
    (["participants", "import", "1", "{tmp}/rusak.csv"], 1,
     "Judul kolom tidak ditemukan di 15 baris pertama berkas rusak.csv"),
    (["participants", "import", "1", "{tmp}/salah.csv"], 1,
     "Impor dari salah.csv dibatalkan, tidak ada yang disimpan. 1 masalah: baris 3: "
     "kolom Nama kosong"),
    (["participants", "list", "99"], 1, "Acara dengan nomor 99 tidak ditemukan."),
    (["participants", "list"], 2, "argumen berikut wajib diisi: ID"),
    # checkin
    (["checkin", "99", "--code", "ABCDEFGH"], 1, "Acara dengan nomor 99 tidak ditemukan."),
    (["checkin", "1", "--code", "ZZZZZZZZ"], 1, "Kode ZZZZZZZZ tidak terdaftar untuk acara ini."),
    (["checkin", "1", "--code", " "], 1, "Ketik kode check-in."),
    (["checkin", "1", "--name", ""], 1, "Ketik nama yang dicari."),
    (["checkin", "1", "--name", "Wali Kota Bandung"], 1, "Tidak ada peserta yang cocok"),
    (["checkin", "1"], 2, "salah satu argumen --code --name wajib diisi"),
    (["checkin", "1", "--code", "A", "--name", "B"], 2,
     "argumen --name tidak dapat dipakai bersama --code"),
    # the command itself
    ([], 2, "argumen berikut wajib diisi: PERINTAH"),
    (["event"], 2, "argumen berikut wajib diisi: PERINTAH"),
    (["rapat"], 2, "argumen PERINTAH: pilihan 'rapat' tidak dikenal"),
    (["event", "list", "--lang", "jv"], 2, "argumen --lang: pilihan 'jv' tidak dikenal"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "code", "expected"), BAD_INPUT)
def test_bad_input_gives_one_clear_line_and_an_exit_code(
    cli: Cli, rakor: int, tmp_path: Path, participants_csv: Path,
    args: list[str], code: int, expected: str,
) -> None:  # fmt: skip
    (tmp_path / "biasa.txt").write_text("bukan folder", encoding="utf-8")
    (tmp_path / "rusak.json").write_text("{ bukan json", encoding="utf-8")
    (tmp_path / "daftar.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "rusak.csv").write_bytes(b"foo;bar\r\n1;2\r\n")
    (tmp_path / "salah.csv").write_text("Nama;NIP\r\nAndi;\r\n;12345\r\nRahmat;\r\n",
                                        encoding="utf-8")  # row 3: no name
    filled = [a.format(tmp=tmp_path, csv=participants_csv) for a in args]

    line = assert_one_line_error(cli(*filled), code)

    assert expected in line
    if code == 2:
        assert line.endswith("-h)")  # points to the help of the command


def test_a_refused_import_leaves_the_database_unchanged(
    cli: Cli, rakor: int, tmp_path: Path
) -> None:
    before = cli("participants", "list", str(rakor), "--json").out
    broken = tmp_path / "sebagian.csv"
    broken.write_text(
        "Nama;NIP;Instansi\r\nAndi;;KPU\r\n;19770312 2003;Bawaslu\r\nDewi;;FKUB\r\n",
        encoding="utf-8",
    )

    assert_one_line_error(cli("participants", "import", str(rakor), broken))

    assert cli("participants", "list", str(rakor), "--json").out == before
    assert "Hadir/Undangan" in cli("event", "list").out and "0/3" in cli("event", "list").out


@pytest.mark.parametrize(
    "args",
    [
        ["event", "list"],
        ["event", "show", "1"],
        ["event", "create", "--title", "R", "--date", "2023-12-14", "--start", "9",
         "--venue", "Aula"],
        ["participants", "list", "1"],
        ["checkin", "1", "--name", "sri"],
    ],
)  # fmt: skip
def test_a_database_path_inside_a_regular_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x", encoding="utf-8")

    code = main(["--db", str(blocker / "rakor.sqlite3"), *args])
    captured = capsys.readouterr()

    line = assert_one_line_error(Run(code, captured.out, captured.err))
    assert f"Folder database tidak dapat dibuat: {blocker}" in line


def test_a_file_that_is_not_a_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_db = tmp_path / "catatan.sqlite3"
    not_a_db.write_text("ini catatan rapat, bukan database\n" * 200, encoding="utf-8")

    code = main(["--db", str(not_a_db), "event", "list"])
    captured = capsys.readouterr()

    line = assert_one_line_error(Run(code, captured.out, captured.err))
    assert "bukan database Rakor Desktop" in line


# -- language ---------------------------------------------------------------------------------


def test_lang_en_gives_english_messages(cli: Cli, rakor: int) -> None:
    assert "There is no event number 99." in cli("--lang", "en", "event", "show", "99").err
    usage = assert_one_line_error(cli("event", "create", "--date", "2023-13-45", "--lang=en"), 2)
    assert "argument --date: invalid date '2023-13-45'; use YYYY-MM-DD" in usage
    assert "see: rakor event create -h" in usage
    checked = cli("checkin", str(rakor), "--name", "siti", "--lang", "en")
    assert checked.out.startswith("Siti Aminah checked in at ")
    shown = cli("event", "show", str(rakor), "--lang", "en").out
    assert "Day/Date  : Kamis, 14 Desember 2023\n" in shown  # dates stay Indonesian
    assert "Present   : 1\n" in shown


def test_language_defaults_to_the_setting(cli: Cli) -> None:
    save_settings(Settings(language="en"))

    assert cli("event", "show", "5").err == "rakor: There is no event number 5.\n"
    assert cli("--lang", "id", "event", "show", "5").err == (
        "rakor: Acara dengan nomor 5 tidak ditemukan.\n"
    )


def test_help_is_indonesian_and_exits_zero(cli: Cli) -> None:
    result = cli("--help")

    assert result.code == 0
    assert result.out.startswith("Penggunaan: rakor ")
    assert "catat kehadiran peserta" in result.out
    assert cli("checkin", "-h").out.startswith("Penggunaan: rakor checkin ")


# -- the installed entry point ------------------------------------------------------------------


@pytest.mark.slow
def test_running_the_module_as_a_program(tmp_path: Path) -> None:
    db = tmp_path / "proses" / "rakor.sqlite3"
    command = [sys.executable, "-m", "rakor_desktop.cli", "--db", str(db)]
    env = dict(os.environ)  # RAKOR_HOME points at this test's folder

    created = subprocess.run(
        [*command, "event", "create", "--title", "Rakor", "--date", "2023-12-14",
         "--start", "09:00", "--venue", "Aula Griya Mayang"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO, timeout=60,
        check=False,
    )  # fmt: skip
    failed = subprocess.run(
        [*command, "checkin", "1", "--code", "ZZZZZZZZ"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO, timeout=60,
        check=False,
    )  # fmt: skip

    assert (created.returncode, created.stdout, created.stderr) == (0, "1\n", "")
    assert failed.returncode == 1
    assert failed.stdout == ""
    assert failed.stderr == "rakor: Kode ZZZZZZZZ tidak terdaftar untuk acara ini.\n"


def test_bulk_imports_back_the_database_up_first_but_a_checkin_does_not(
    cli: Cli, db_path: Path, participants_csv: Path
) -> None:
    event_id = create_rakor(cli)
    with opened(db_path) as storage:
        assert storage.list_backups() == []

    cli("participants", "import", str(event_id), participants_csv)
    with opened(db_path) as storage:
        backups = storage.list_backups()
    assert len(backups) == 1
    cli("checkin", str(event_id), "--name", "siti")

    with opened(db_path) as storage:
        assert storage.list_backups() == backups
