"""Issue 10, items 12 and 13: NIP or NRP in one field, and a delegate with an invitee's fields.

A PNS carries an 18-digit NIP (printed 8-6-1-3); an officer of Polri or TNI carries an
NRP (Polri 8 digits YYMM…, TNI of varying length). The delegate who comes *mewakili*
an invitee has titles, NIP/NRP, pangkat/golongan and phone like the invitee.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from rakor_desktop.exports.attendance import HEADERS, export_attendance_csv
from rakor_desktop.exports.documents.export import export_attendance_list, export_minutes
from rakor_desktop.exports.eventfile import export_event, import_event
from rakor_desktop.formatting import (
    IdKind,
    format_nip_nrp,
    id_kind,
    normalize_nip_nrp,
    nrp_warning,
    signature_block,
)
from rakor_desktop.importers.csv_import import read_csv_table
from rakor_desktop.messages import ValidationError
from rakor_desktop.models import Event, OfficialRole, Person
from rakor_desktop.operations import checkin as desk
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage

from .document_record import pdf_text, squeeze

DESK = desk.Desk(station="meja-1", operator="Rina")
MOMENT = datetime(2023, 12, 14, 1, 30, tzinfo=UTC)


def _event(storage: Storage) -> int:
    return event_ops.create_event(
        storage,
        Event(title="Rapat Koordinasi Kesiapan Pemilu 2024", date=date(2023, 12, 14),
              start_time=time(9, 0), venue="Aula Griya Mayang"),
        clock=lambda: MOMENT,
    )  # fmt: skip


# -- the rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored", "kind", "printed"),
    [
        ("19770312 200312 2 007", "197703122003122007", IdKind.NIP, "19770312 200312 2 007"),
        ("NIP. 197703122003122007", "197703122003122007", IdKind.NIP, "19770312 200312 2 007"),
        ("75060123", "75060123", IdKind.NRP, "75060123"),  # Polri: born June 1975
        ("NRP. 75060123", "75060123", IdKind.NRP, "75060123"),
        ("NRP 11950018630774", "11950018630774", IdKind.NRP, "11950018630774"),  # TNI
        ("522893/p", "522893/P", IdKind.NRP, "522893/P"),  # older register, corps suffix
        ("7506-0123", "75060123", IdKind.NRP, "75060123"),
    ],
)
def test_nip_and_nrp_each_by_its_rule(typed: str, stored: str, kind: IdKind, printed: str) -> None:
    assert normalize_nip_nrp(typed) == stored
    assert id_kind(stored) is kind
    assert format_nip_nrp(stored) == printed


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("NIP 75060123", "NIP harus 18 digit"),  # labelled a NIP: must be one
        ("1977031220031220", "NIP harus 18 digit"),  # 16 digits: a damaged NIP
        ("1.97703122003122E+17", "notasi ilmiah"),
        ("NRP 197703122003122007", "NRP 5 sampai 14 digit"),
        ("abc", "NIP/NRP tidak valid"),
    ],
)
def test_what_is_neither_is_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        normalize_nip_nrp(typed)


def test_an_unusual_nrp_is_kept_with_a_warning() -> None:
    """The TNI rule is uncertain: accepted, and the desk/import says what looks odd."""
    assert nrp_warning("75060123") is None
    assert nrp_warning("197703122003122007") is None
    month = nrp_warning(normalize_nip_nrp("75130123"))
    assert month is not None and "13 bukan bulan" in month.indonesian
    length = nrp_warning(normalize_nip_nrp("1234567"))
    assert length is not None and "7 digit tidak lazim" in length.indonesian
    assert "7 digits is unusual" in length.english


def test_signature_block_says_nip_or_nrp() -> None:
    police = signature_block(jabatan="Kapolresta Jambi", name="Eko Wahyudi",
                             front_titles="Kombes Pol.", nip="75060123")  # fmt: skip
    assert police.nip_line == "NRP. 75060123"
    civil = signature_block(jabatan="Kepala Badan", name="Sri", nip="197703122003122007")
    assert civil.nip_line == "NIP. 19770312 200312 2 007"


# -- the directory, the import ----------------------------------------------------------


def test_an_officer_with_an_nrp_is_invited_and_existing_nips_stay_nips(storage: Storage) -> None:
    event_id = _event(storage)
    officer = invitee_ops.invite_person(
        storage, event_id,
        Person(name="Eko Wahyudi", front_titles="Kombes Pol.", nip="NRP 75060123"),
    )
    civil = invitee_ops.invite_person(
        storage, event_id, Person(name="Sri", nip="19770312 200312 2 007"))
    assert officer.person.nip == "75060123"
    assert id_kind(officer.person.nip) is IdKind.NRP
    assert id_kind(civil.person.nip) is IdKind.NIP


def test_import_maps_nip_nrp_headers_and_reads_each(tmp_path: Path) -> None:
    for header in ("NIP/NRP", "NRP/NIP", "NRP", "NIP"):
        path = tmp_path / "undangan.csv"
        path.write_text(
            f"No;Nama;{header};Jabatan\n"
            "1;Kombes Pol. Eko Wahyudi;75060123;Kapolresta Jambi\n"
            "2;Sri Purwaningsih;19770312 200312 2 007;Kepala Badan\n"
            "3;Letkol Inf. Budi;1234567;Dandim 0415/Jambi\n",
            encoding="utf-8",
        )
        table = read_csv_table(path)
        assert [e.person.nip for e in table.entries] == [
            "75060123", "197703122003122007", "1234567",
        ], header
        # the unusual NRP is kept, with a warning on its row
        assert [w.row for w in table.warnings] == [4]
        assert "tidak lazim" in str(table.warnings[0])


# -- storage ------------------------------------------------------------------------------


def test_migration_5_keeps_an_old_delegate_and_adds_the_fields(db_path: Path) -> None:
    old = Storage.open(db_path, target_version=4)
    event_id = _event(old)
    invitee = invitee_ops.invite_person(old, event_id, Person(name="Sri Purwaningsih"))
    assert invitee.id is not None
    old.conn.execute(
        "INSERT INTO attendance_log (uid, event_id, invitee_id, kind, recorded_at, station, "
        "operator, on_behalf_name, on_behalf_jabatan, on_behalf_instansi, reason, received_at) "
        "VALUES ('c1', ?, ?, 'checkin', '2023-12-14T01:30:00.000+00:00', 'meja-1', 'Rina', "
        "'Yusuf', 'Kabid', 'Kesbangpol', '', '2023-12-14T01:30:00.000+00:00')",
        (event_id, invitee.id),
    )
    old.conn.commit()
    old.close()
    with pytest.raises(sqlite3.OperationalError):
        connection = sqlite3.connect(db_path)
        connection.execute("SELECT on_behalf_nip FROM attendance_log").fetchall()
    connection.close()

    storage = Storage.open(db_path)
    try:
        rows = storage.document_attendees(event_id, include_absent=False)
        assert rows[0]["on_behalf_name"] == "Yusuf"
        assert rows[0]["on_behalf_nip"] == "" and rows[0]["on_behalf_phone"] == ""
    finally:
        storage.close()


def _delegate_event(storage: Storage) -> tuple[int, int]:
    event_id = _event(storage)
    invitee = invitee_ops.invite_person(
        storage, event_id,
        Person(name="Sri Purwaningsih", front_titles="Dr. H.", back_titles="M.Si.",
               jabatan="Kepala Badan", instansi="Badan Kesbangpol"),
    )  # fmt: skip
    assert invitee.id is not None
    desk.checkin_on_behalf(
        storage, invitee.id, DESK,
        delegate_name="Yusuf Hamdani", delegate_front_titles="Drs.", delegate_back_titles="M.M.",
        delegate_nip="19800101 200501 1 003", delegate_pangkat="Penata Tk. I",
        delegate_golongan="III/d", delegate_jabatan="Kepala Bidang",
        delegate_instansi="Badan Kesbangpol", delegate_phone="0812-7400-1234",
        clock=lambda: MOMENT,
    )  # fmt: skip
    police = invitee_ops.invite_person(
        storage, event_id,
        Person(name="Eko Wahyudi", front_titles="Kombes Pol.", jabatan="Kapolresta Jambi",
               instansi="Polresta Jambi"),
    )  # fmt: skip
    assert police.id is not None
    desk.checkin_on_behalf(
        storage, police.id, DESK, delegate_name="Andi", delegate_front_titles="AKP",
        delegate_nip="NRP 85040321", delegate_jabatan="Kasat Intelkam",
        delegate_phone="0813-1111-2222", clock=lambda: MOMENT,
    )  # fmt: skip
    return event_id, invitee.id


def test_a_bad_delegate_nip_records_nothing(storage: Storage) -> None:
    event_id = _event(storage)
    invitee = invitee_ops.invite_person(storage, event_id, Person(name="Sri"))
    assert invitee.id is not None
    with pytest.raises(ValidationError, match="NIP"):
        desk.checkin_on_behalf(storage, invitee.id, DESK, delegate_name="Yusuf",
                               delegate_nip="1977031220031220")  # fmt: skip
    assert storage.document_attendees(event_id, include_absent=False) == []


def test_the_delegate_is_printed_with_nip_and_phone_in_the_daftar_hadir(
    storage: Storage, tmp_path: Path
) -> None:
    event_id, _ = _delegate_event(storage)
    paths = export_attendance_list(storage, event_id, tmp_path, formats=("pdf",))
    text = squeeze(pdf_text(paths[0]))
    assert squeeze("NIP/NRP") in text
    assert squeeze("Drs. Yusuf Hamdani, M.M. mewakili Dr. H. Sri Purwaningsih, M.Si.") in text
    assert squeeze("19800101 200501 1 003") in text
    assert squeeze("0812-7400-1234") in text
    assert squeeze("AKP Andi mewakili Kombes Pol. Eko Wahyudi") in text
    assert squeeze("85040321") in text and squeeze("0813-1111-2222") in text


def test_the_delegate_fields_are_in_the_attendance_export(
    storage: Storage, tmp_path: Path
) -> None:
    event_id, _ = _delegate_event(storage)
    target = tmp_path / "hadir.csv"
    export_attendance_csv(storage, event_id, target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == list(HEADERS)
    column = {name: index for index, name in enumerate(HEADERS)}
    yusuf = rows[1]
    assert yusuf[column["Nama"]] == "Drs. Yusuf Hamdani, M.M."
    assert yusuf[column["NIP/NRP"]] == "19800101 200501 1 003"
    assert yusuf[column["Pangkat/Golongan"]] == "Penata Tk. I, III/d"
    assert yusuf[column["No. HP"]] == "0812-7400-1234"
    assert rows[2][column["NIP/NRP"]] == "85040321"


def test_the_delegate_travels_in_the_event_file_and_older_files_still_read(
    storage: Storage, tmp_path: Path
) -> None:
    event_id, _ = _delegate_event(storage)
    exported = export_event(storage, event_id, tmp_path / "out")
    document = json.loads(exported.read_text("utf-8"))
    assert document["version"] == 3
    delegates = {(e["on_behalf_nip"], e["on_behalf_phone"]) for e in document["attendance_log"]}
    assert delegates == {
        ("198001012005011003", "0812-7400-1234"), ("85040321", "0813-1111-2222"),
    }
    target = Storage.open(tmp_path / "other.sqlite3")
    try:
        copy = import_event(target, exported)
        rows = target.document_attendees(copy, include_absent=False)
        assert {r["on_behalf_nip"] for r in rows} == {"198001012005011003", "85040321"}
        # a version-2 file (no delegate fields) still imports, the fields empty
        document["version"] = 2
        document["event"]["uid"] = "older-event"
        for row in document["attendance_log"]:
            for name in ("front_titles", "back_titles", "nip", "pangkat", "golongan", "phone"):
                del row[f"on_behalf_{name}"]
        older = tmp_path / "v2.json"
        older.write_text(json.dumps(document), encoding="utf-8")
        older_id = import_event(target, older)
        rows = target.document_attendees(older_id, include_absent=False)
        assert {r["on_behalf_name"] for r in rows} == {"Yusuf Hamdani", "Andi"}
        assert {r["on_behalf_nip"] for r in rows} == {""}
    finally:
        target.close()


def test_the_notulen_signs_with_nrp_for_a_police_officer(storage: Storage, tmp_path: Path) -> None:
    event_id = _event(storage)
    officer = invitee_ops.invite_person(
        storage, event_id,
        Person(name="Eko Wahyudi", front_titles="Kombes Pol.", nip="75060123",
               pangkat="Komisaris Besar Polisi", jabatan="Kapolresta Jambi"),
    )  # fmt: skip
    assert officer.person.id is not None
    event_ops.name_official(storage, event_id, OfficialRole.KETUA, officer.person.id)
    paths = export_minutes(storage, event_id, tmp_path, formats=("pdf",))
    text = pdf_text(paths[0])
    assert "NRP. 75060123" in text
    assert "NIP. 75060123" not in text


def test_a_list_with_a_nip_column_and_an_nrp_column_reads_both(tmp_path: Path) -> None:
    path = tmp_path / "forkopimda.csv"
    path.write_text(
        "No;Nama;NIP;NRP;Jabatan\n"
        "1;Sri Purwaningsih;19770312 200312 2 007;;Kepala Badan\n"
        "2;Kombes Pol. Eko Wahyudi;;75060123;Kapolresta Jambi\n"
        "3;Letkol Inf. Budi;;197703122003122007;Dandim 0415/Jambi\n",
        encoding="utf-8",
    )
    table = read_csv_table(path)
    assert [e.person.nip for e in table.entries] == ["197703122003122007", "75060123", ""]
    # 18 digits in the NRP column is no NRP: left empty, with a warning naming the row
    assert [w.row for w in table.warnings] == [4]
    assert "NRP 5 sampai 14 digit" in str(table.warnings[0])
