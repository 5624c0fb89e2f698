"""Large, realistic databases for the benchmarks.

``make_large_event`` writes one event with tens of thousands of invitees (the
election ad hoc bodies of a whole city: KPPS, PPS, PPK, Linmas, RT heads, city
offices, parties) in a single transaction through the storage layer. It skips the
per-row checks of the operations for speed, but uses the same storage methods, so
the rows are exactly what the app writes.

Run it directly to make a database to look at::

    python benchmarks/fixtures.py /tmp/rakor-20k.sqlite3 --invitees 20000 --checked-in 5000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path

from rakor_desktop.demo import (
    FEMALE_FIRST_NAMES,
    FEMALE_LAST_NAMES,
    KECAMATAN_KOTA_JAMBI,
    MALE_FIRST_NAMES,
    MALE_LAST_NAMES,
    PANGKAT,
    PARTIES,
    PHONE_PREFIXES,
)
from rakor_desktop.models import (
    AttendanceEntry,
    AttendanceKind,
    Event,
    Invitee,
    Person,
    Role,
)
from rakor_desktop.operations.invitations import CODE_ALPHABET, CODE_LENGTH
from rakor_desktop.storage import Storage

LARGE_EVENT_TITLE = "Bimbingan Teknis dan Rapat Koordinasi Badan Ad Hoc Pemilu 2024 Kota Jambi"
_EVENT_DATE = date(2024, 1, 25)
_CREATED = datetime(2024, 1, 10, 2, 0, tzinfo=UTC)
_WIB = timedelta(hours=7)
_STATIONS = ("meja-1", "meja-2", "meja-3", "meja-4")

_KELURAHAN: tuple[tuple[str, str], ...] = tuple(
    (kecamatan, kelurahan)
    for kecamatan, names in KECAMATAN_KOTA_JAMBI.items()
    for kelurahan in names
)
_OFFICES = (
    "Dinas Kependudukan dan Pencatatan Sipil Kota Jambi",
    "Dinas Komunikasi dan Informatika Kota Jambi",
    "Satuan Polisi Pamong Praja Kota Jambi",
    "Dinas Perhubungan Kota Jambi",
    "Dinas Kesehatan Kota Jambi",
    "Badan Kesatuan Bangsa dan Politik Kota Jambi",
    "Sekretariat Daerah Kota Jambi",
    "Badan Penanggulangan Bencana Daerah Kota Jambi",
)
_OFFICE_POSTS = (
    ("Kepala Bidang", "IV/a"),
    ("Kepala Seksi", "III/d"),
    ("Analis Kebijakan Ahli Muda", "III/d"),
    ("Penata Kelola Pemilu", "III/c"),
    ("Pranata Komputer Ahli Pertama", "III/b"),
    ("Pengadministrasi Perkantoran", "II/c"),
)
_BACK_TITLES = ("", "", "", "S.Pd.", "S.E.", "S.H.", "S.Sos.", "S.Kom.", "A.Md.", "S.IP.", "S.T.")


def _name(rng: random.Random, gender: str) -> str:
    if gender == "P":
        first, last = FEMALE_FIRST_NAMES, FEMALE_LAST_NAMES
    else:
        first, last = MALE_FIRST_NAMES, MALE_LAST_NAMES
    if rng.random() < 0.3:
        return f"{rng.choice(first)} {rng.choice(MALE_FIRST_NAMES)} {rng.choice(last)}"
    return f"{rng.choice(first)} {rng.choice(last)}"


def _phone(rng: random.Random) -> str:
    return f"{rng.choice(PHONE_PREFIXES)}-{rng.randint(1000, 9999)}-{rng.randint(0, 9999):04d}"


def _nip(rng: random.Random, gender: str, golongan: str) -> str:
    tmt_year = {"IV/a": 2003, "III/d": 2008, "III/c": 2012, "III/b": 2017, "II/c": 2012}[golongan]
    tmt_year -= rng.randint(0, 6)
    birth = date(tmt_year - rng.randint(22, 28), rng.randint(1, 12), rng.randint(1, 28))
    tmt_month = rng.choice((1, 3, 12))
    sex = 1 if gender == "L" else 2
    return f"{birth:%Y%m%d}{tmt_year}{tmt_month:02d}{sex}{rng.randint(1, 999):03d}"


def _people(rng: random.Random) -> Iterator[tuple[Person, Role]]:
    """An endless, realistic mix of the people of a city-wide election briefing."""
    while True:
        gender = "P" if rng.random() < 0.42 else "L"
        kecamatan, kelurahan = rng.choice(_KELURAHAN)
        draw = rng.random()
        person = Person(
            name=_name(rng, gender), gender=gender, back_titles=rng.choice(_BACK_TITLES)
        )
        role = Role.PESERTA
        if draw < 0.58:
            tps = rng.randint(1, 60)
            person.group_name = "KPPS"
            person.jabatan = "Ketua KPPS" if rng.random() < 1 / 7 else "Anggota KPPS"
            person.instansi = f"KPPS TPS {tps:03d} Kelurahan {kelurahan}"
        elif draw < 0.70:
            person.group_name = "RT"
            person.jabatan = f"Ketua RT {rng.randint(1, 45):02d}"
            person.instansi = f"Kelurahan {kelurahan}, Kecamatan {kecamatan}"
        elif draw < 0.80:
            person.group_name = "Linmas"
            person.jabatan = "Anggota Satlinmas"
            person.instansi = f"Satlinmas Kelurahan {kelurahan}"
        elif draw < 0.85:
            person.group_name = "PPS"
            person.jabatan = rng.choice(("Ketua PPS", "Anggota PPS", "Sekretaris PPS"))
            person.instansi = f"PPS Kelurahan {kelurahan}"
        elif draw < 0.87:
            person.group_name = "PPK"
            person.jabatan = rng.choice(("Ketua PPK", "Anggota PPK"))
            person.instansi = f"PPK Kecamatan {kecamatan}"
        elif draw < 0.91:
            person.group_name = "Bawaslu"
            person.jabatan = rng.choice(("Pengawas TPS", "Anggota Panwaslu Kelurahan"))
            person.instansi = f"Panwaslu Kelurahan {kelurahan}"
        elif draw < 0.96:
            post, golongan = rng.choice(_OFFICE_POSTS)
            person.group_name = "OPD"
            person.jabatan = post
            person.instansi = rng.choice(_OFFICES)
            person.golongan = golongan
            person.pangkat = PANGKAT[golongan]
            person.nip = _nip(rng, gender, golongan)
            if rng.random() < 0.05:
                role = Role.PANITIA
        else:
            person.group_name = "Parpol"
            person.jabatan = rng.choice(("Saksi", "Saksi", "Ketua", "Sekretaris"))
            person.instansi = rng.choice(PARTIES)
        if rng.random() < 0.9:
            person.phone = _phone(rng)
        yield person, role


def _code(rng: random.Random) -> str:
    return "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def make_large_event(
    db_path: Path, invitees: int = 20000, checked_in: int = 0, seed: int = 1
) -> int:
    """Create (or add to) the database at ``db_path`` one event with many invitees.

    Args:
        db_path: The database file; created and migrated when missing.
        invitees: How many people are on the invitation list.
        checked_in: How many of them have checked in (random ones, 08.00-09.30 WIB).
        seed: Same seed, same people.

    Returns:
        The id of the new event.
    """
    if not 0 <= checked_in <= invitees:
        raise ValueError("checked_in must be between 0 and invitees")
    rng = random.Random(seed)
    storage = Storage.open(db_path, backup=False)
    try:
        # In a new database only this run's NIPs can clash (a NIP lookup scans the table).
        fresh = not storage.list_events()
        with storage.transaction():
            event_id = storage.insert_event(
                Event(
                    title=LARGE_EVENT_TITLE,
                    date=_EVENT_DATE,
                    start_time=time_of_day(9, 0),
                    call_time=time_of_day(8, 0),
                    venue="GOR Kota Baru, Kota Jambi",
                    organizer_government="PEMERINTAH KOTA JAMBI",
                    organizer_unit="BADAN KESATUAN BANGSA DAN POLITIK",
                    invitation_number="005/077/Kesbangpol/2024",
                    invitation_date=date(2024, 1, 18),
                ),
                now=_CREATED,
            )
            people = _people(rng)
            codes: set[str] = set()
            nips: set[str] = set()
            ids: list[int] = []
            for position in range(1, invitees + 1):
                person, role = next(people)
                while person.nip and (
                    person.nip in nips
                    or (not fresh and storage.find_person_by_nip(person.nip) is not None)
                ):
                    person.nip = _nip(rng, person.gender, person.golongan)
                nips.add(person.nip)
                person.id = storage.insert_person(person, now=_CREATED)
                code = _code(rng)
                while code in codes or storage.checkin_code_exists(code):
                    code = _code(rng)
                codes.add(code)
                ids.append(
                    storage.insert_invitee(
                        Invitee(
                            event_id=event_id,
                            person=person,
                            role=role,
                            checkin_code=code,
                            jabatan=person.jabatan,
                            instansi=person.instansi,
                            group_name=person.group_name,
                            position=position,
                        ),
                        now=_CREATED,
                    )
                )
            opening = datetime.combine(_EVENT_DATE, time_of_day(8, 0), UTC) - _WIB
            for invitee_id in rng.sample(ids, checked_in):
                moment = opening + timedelta(seconds=rng.randint(0, 90 * 60))
                storage.append_attendance(
                    AttendanceEntry(
                        uid=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        event_id=event_id,
                        invitee_id=invitee_id,
                        kind=AttendanceKind.CHECKIN,
                        recorded_at=moment,
                        station=rng.choice(_STATIONS),
                        operator="Panitia",
                    ),
                    received_at=moment,
                )
    finally:
        storage.close()
    return event_id


def main(argv: list[str] | None = None) -> int:
    """Command line: make a large event and print its id."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="database file (created when missing)")
    parser.add_argument("--invitees", type=int, default=20000)
    parser.add_argument("--checked-in", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    event_id = make_large_event(args.db, args.invitees, args.checked_in, args.seed)
    seconds = time.perf_counter() - started
    print(f"event {event_id}: {args.invitees} invitees in {seconds:.2f} s", file=sys.stderr)
    print(event_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
