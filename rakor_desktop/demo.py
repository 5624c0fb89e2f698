"""A realistic sample rakor to explore the app with (``rakor-desktop --demo``).

The election-readiness meeting of a city Kesbangpol (DOMAIN.md §1): about 150
invitees across the Forkopimda, KPU, Bawaslu, FKUB, the city offices, every Camat
and Lurah of Kota Jambi and the political parties, with officials and a typical
rundown. The institutions and places are real; every person is invented (names,
NIPs and phone numbers come from a seeded random generator, so the sample is the
same every time). The attendance log is left empty so the desk can be tried.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, time

from rakor_desktop.clock import Clock, utc_now
from rakor_desktop.models import (
    Event,
    Invitee,
    OfficialRole,
    Person,
    Role,
    RundownItem,
    RundownKind,
)
from rakor_desktop.operations.events import create_event, name_official
from rakor_desktop.operations.invitations import import_invitees
from rakor_desktop.operations.rundown import add_rundown_item, registration_window, typical_rundown
from rakor_desktop.storage import Storage

DEMO_TITLE = (
    "Rapat Koordinasi Kesiapan Pengamanan dan Penyelenggaraan "
    "Pemilihan Umum Tahun 2024 di Kota Jambi"
)
DEMO_SEED = 2023

# -- the groups of the invitation list, in the order of the daftar hadir ---------------

FORKOPIMDA = "Forkopimda"
KPU = "KPU"
BAWASLU = "Bawaslu"
FKUB = "FKUB"
OPD = "OPD"
CAMAT = "Camat"
LURAH = "Lurah"
PARPOL = "Parpol"
PANITIA = "Panitia"
DEMO_GROUPS: tuple[str, ...] = (FORKOPIMDA, KPU, BAWASLU, FKUB, OPD, CAMAT, LURAH, PARPOL, PANITIA)

# The kecamatan of Kota Jambi with their kelurahan (62 in all).
KECAMATAN_KOTA_JAMBI: dict[str, tuple[str, ...]] = {
    "Alam Barajo": ("Bagan Pete", "Beliung", "Kenali Besar", "Mayang Mangurai", "Rawasari"),
    "Danau Sipin": ("Legok", "Murni", "Selamat", "Solok Sipin", "Sungai Putri"),
    "Danau Teluk": ("Olak Kemang", "Pasir Panjang", "Tanjung Pasir", "Tanjung Raden", "Ulu Gedong"),
    "Jambi Selatan": ("Pakuan Baru", "Pasir Putih", "Tambak Sari", "Thehok", "Wijaya Pura"),
    "Jambi Timur": (
        "Budiman", "Kasang", "Kasang Jaya", "Rajawali", "Sijenjang", "Sulanjana",
        "Talang Banjar", "Tanjung Pinang", "Tanjung Sari",
    ),
    "Jelutung": (
        "Cempaka Putih", "Handil Jaya", "Jelutung", "Kebun Handil", "Lebak Bandung",
        "Payo Lebar", "Talang Jauh",
    ),
    "Kota Baru": (
        "Kenali Asam Atas", "Kenali Asam Bawah", "Paal Lima", "Simpang III Sipin", "Suka Karya",
    ),
    "Paal Merah": ("Eka Jaya", "Lingkar Selatan", "Paal Merah", "Payo Selincah", "Talang Bakung"),
    "Pasar Jambi": ("Beringin", "Orang Kayo Hitam", "Pasar Jambi", "Sungai Asam"),
    "Pelayangan": (
        "Arab Melayu", "Jelmu", "Mudung Laut", "Tahtul Yaman", "Tanjung Johor", "Tengah",
    ),
    "Telanaipura": (
        "Buluran Kenali", "Pematang Sulur", "Penyengat Rendah", "Simpang IV Sipin", "Telanaipura",
        "Teluk Kenali",
    ),
}  # fmt: skip

_OPD_HEADS: tuple[tuple[str, str, str], ...] = (
    # (jabatan, instansi, golongan)
    ("Sekretaris Daerah Kota Jambi", "Sekretariat Daerah Kota Jambi", "IV/d"),
    ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Sekretariat Daerah Kota Jambi", "IV/c"),
    ("Kepala Bagian Pemerintahan", "Sekretariat Daerah Kota Jambi", "IV/a"),
    ("Kepala Bagian Hukum", "Sekretariat Daerah Kota Jambi", "IV/a"),
    ("Kepala Bagian Protokol dan Komunikasi Pimpinan", "Sekretariat Daerah Kota Jambi", "IV/a"),
    ("Sekretaris DPRD Kota Jambi", "Sekretariat DPRD Kota Jambi", "IV/c"),
    ("Inspektur Kota Jambi", "Inspektorat Kota Jambi", "IV/c"),
    ("Kepala Badan Perencanaan Pembangunan Daerah", "Bappeda Kota Jambi", "IV/c"),
    (
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
        "Badan Pengelolaan Keuangan dan Aset Daerah Kota Jambi",
        "IV/c",
    ),
    (
        "Kepala Badan Pengelolaan Pajak dan Retribusi Daerah",
        "Badan Pengelolaan Pajak dan Retribusi Daerah Kota Jambi",
        "IV/b",
    ),
    (
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Jambi",
        "IV/c",
    ),
    (
        "Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
        "Badan Penanggulangan Bencana Daerah Kota Jambi",
        "IV/b",
    ),
    ("Kepala Satuan Polisi Pamong Praja", "Satuan Polisi Pamong Praja Kota Jambi", "IV/b"),
    (
        "Kepala Dinas Pemadam Kebakaran dan Penyelamatan",
        "Dinas Pemadam Kebakaran dan Penyelamatan Kota Jambi",
        "IV/b",
    ),
    ("Kepala Dinas Pendidikan", "Dinas Pendidikan Kota Jambi", "IV/c"),
    ("Kepala Dinas Kesehatan", "Dinas Kesehatan Kota Jambi", "IV/c"),
    ("Direktur RSUD H. Abdul Manap", "RSUD H. Abdul Manap Kota Jambi", "IV/b"),
    (
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        "Dinas Pekerjaan Umum dan Penataan Ruang Kota Jambi",
        "IV/c",
    ),
    (
        "Kepala Dinas Perumahan dan Kawasan Permukiman",
        "Dinas Perumahan dan Kawasan Permukiman Kota Jambi",
        "IV/b",
    ),
    ("Kepala Dinas Sosial", "Dinas Sosial Kota Jambi", "IV/b"),
    (
        "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        "Dinas Kependudukan dan Pencatatan Sipil Kota Jambi",
        "IV/c",
    ),
    (
        "Kepala Dinas Komunikasi dan Informatika",
        "Dinas Komunikasi dan Informatika Kota Jambi",
        "IV/b",
    ),
    ("Kepala Dinas Perhubungan", "Dinas Perhubungan Kota Jambi", "IV/b"),
    ("Kepala Dinas Lingkungan Hidup", "Dinas Lingkungan Hidup Kota Jambi", "IV/b"),
    (
        "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Jambi",
        "IV/b",
    ),
    (
        "Kepala Dinas Perindustrian dan Perdagangan",
        "Dinas Perindustrian dan Perdagangan Kota Jambi",
        "IV/b",
    ),
    ("Kepala Dinas Pemuda dan Olahraga", "Dinas Pemuda dan Olahraga Kota Jambi", "IV/b"),
    (
        "Kepala Dinas Pariwisata dan Kebudayaan",
        "Dinas Pariwisata dan Kebudayaan Kota Jambi",
        "IV/b",
    ),
    (
        "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Jambi",
        "IV/b",
    ),
)
# Heads whose profession shows in their titles: jabatan -> (front, back).
_OPD_TITLES: dict[str, tuple[str | None, str | None]] = {
    "Kepala Dinas Kesehatan": ("dr.", "M.Kes."),
    "Direktur RSUD H. Abdul Manap": ("dr.", "Sp.PD."),
    "Kepala Dinas Pekerjaan Umum dan Penataan Ruang": ("Ir.", "M.T."),
    "Kepala Dinas Pendidikan": ("Drs.", "M.Pd."),
    "Kepala Bagian Hukum": ("", "S.H., M.H."),
}

# The 18 parties of the 2024 election, as their city boards are usually named.
PARTIES: tuple[str, ...] = (
    "DPC Partai Kebangkitan Bangsa Kota Jambi",
    "DPC Partai Gerindra Kota Jambi",
    "DPC PDI Perjuangan Kota Jambi",
    "DPD Partai Golkar Kota Jambi",
    "DPD Partai NasDem Kota Jambi",
    "Partai Buruh Kota Jambi",
    "DPD Partai Gelora Indonesia Kota Jambi",
    "DPD Partai Keadilan Sejahtera Kota Jambi",
    "Partai Kebangkitan Nusantara Kota Jambi",
    "DPC Partai Hanura Kota Jambi",
    "Partai Garda Republik Indonesia Kota Jambi",
    "DPD Partai Amanat Nasional Kota Jambi",
    "DPC Partai Bulan Bintang Kota Jambi",
    "DPC Partai Demokrat Kota Jambi",
    "DPD Partai Solidaritas Indonesia Kota Jambi",
    "DPD Partai Perindo Kota Jambi",
    "DPC Partai Persatuan Pembangunan Kota Jambi",
    "Partai Ummat Kota Jambi",
)
_PARTY_POSTS = ("Ketua", "Sekretaris", "Wakil Ketua", "Ketua", "Wakil Sekretaris", "Bendahara")

PANGKAT: dict[str, str] = {
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
"""Pangkat of each golongan of a civil servant (PNS)."""

# The latest plausible year of appointment (TMT CPNS) for someone of each golongan in 2023.
_LATEST_TMT: dict[str, int] = {
    "IV/d": 1996, "IV/c": 1999, "IV/b": 2003, "IV/a": 2006, "III/d": 2010,
    "III/c": 2013, "III/b": 2017, "III/a": 2019, "II/c": 2014,
}  # fmt: skip

# -- invented names (also used by the benchmark fixtures) ---------------------------------

MALE_FIRST_NAMES = (
    "Ahmad", "Muhammad", "Rahmat", "Hendra", "Agus", "Budi", "Dedi", "Eko", "Fajar", "Hasan",
    "Irwan", "Syahrial", "Zulkifli", "Arief", "Bambang", "Yusuf", "Firdaus", "Hamdani",
    "Herman", "Iskandar", "Syamsul", "Taufik", "Wahyu", "Andi", "Rudi", "Supriadi", "Darmawan",
    "Junaidi", "Azhar", "Amri", "Erwin", "Fauzi", "Nasrul", "Mukhlis", "Saipul", "Yuliansyah",
    "Rizal", "Sofyan", "Kemal", "Marzuki", "Novri", "Ilham", "Hafiz", "Dodi", "Januar",
)  # fmt: skip
FEMALE_FIRST_NAMES = (
    "Siti", "Nurhayati", "Dewi", "Rina", "Yuliana", "Fitri", "Ratna", "Nurul", "Dian",
    "Indah", "Mega", "Novita", "Yanti", "Erna", "Zuraidah", "Hasnah", "Rosmaini", "Maryam",
    "Suryani", "Lisnawati", "Desi", "Eka", "Rika", "Wiwik", "Ayu", "Melati", "Nining",
)  # fmt: skip
MALE_LAST_NAMES = (
    "Saputra", "Hidayat", "Santoso", "Pratama", "Syahputra", "Kurniawan", "Harahap",
    "Nasution", "Siregar", "Lubis", "Effendi", "Hakim", "Rahman", "Hamzah", "Ismail",
    "Sulaiman", "Darwis", "Mahmud", "Arifin", "Anwar", "Rusli", "Yunus", "Zainuddin",
    "Firmansyah", "Ramadhan", "Hasibuan", "Chaniago", "Sembiring", "Jamaluddin", "Aziz",
)  # fmt: skip
FEMALE_LAST_NAMES = (
    "Rahmawati", "Lestari", "Wulandari", "Handayani", "Susanti", "Anggraini", "Purnamasari",
    "Kartika", "Novianti", "Safitri", "Aminah", "Fatimah", "Marlina", "Yusnita", "Oktaviani",
    "Harahap", "Nasution", "Lubis", "Siregar", "Maharani",
)  # fmt: skip

# FKUB members from each religious community get a fitting invented name.
_FKUB_SEATS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    # (jabatan, front titles, back titles, names to pick from)
    ("Ketua FKUB Kota Jambi", "Dr. H.", "M.Ag.", ("Abdul Muthalib Hasyim", "Zainal Abidin Umar")),
    (
        "Wakil Ketua FKUB Kota Jambi (unsur Kristen)",
        "Pdt.",
        "M.Th.",
        ("Jonner Simanjuntak", "Robert Hutapea", "Daniel Sitompul"),
    ),
    (
        "Sekretaris FKUB Kota Jambi",
        "H.",
        "S.Ag., M.Pd.I.",
        ("Muhammad Nuh Ridha", "Amiruddin Salim"),
    ),
    (
        "Anggota FKUB Kota Jambi (unsur Katolik)",
        "Drs.",
        "",
        ("Antonius Manurung", "Yosef Situmorang", "Fransiskus Sinaga"),
    ),
    (
        "Anggota FKUB Kota Jambi (unsur Hindu)",
        "",
        "S.Ag.",
        ("I Wayan Sudarsana", "I Made Suarjana"),
    ),
    ("Anggota FKUB Kota Jambi (unsur Buddha)", "", "S.E.", ("Johan Tanuwijaya", "Suryadi Halim")),
)

PHONE_PREFIXES = (
    "0811", "0812", "0812", "0813", "0821", "0822", "0823", "0852", "0853",
    "0857", "0858", "0877", "0878", "0896",
)  # fmt: skip


@dataclass(frozen=True)
class _Seat:
    """One line of the sample invitation list, before a person is invented for it."""

    group: str
    jabatan: str
    instansi: str
    role: Role = Role.PESERTA
    golongan: str = ""  # set for a civil servant (PNS): NIP, pangkat and golongan
    pangkat: str = ""  # "" the pangkat of the golongan
    front: str | None = None  # None: chosen at random
    back: str | None = None
    gender: str = ""  # "" chosen at random
    names: tuple[str, ...] = ()  # pick the name from these
    key: str = ""  # to find the invitee again (officials, rundown)
    phone: bool = True


def _seats() -> list[_Seat]:
    seats = [
        _Seat(FORKOPIMDA, "Pj. Wali Kota Jambi", "Pemerintah Kota Jambi", golongan="IV/d",
              front="Dr. H.", back="M.Si.", gender="L", key="wali_kota"),
        _Seat(FORKOPIMDA, "Ketua DPRD Kota Jambi", "DPRD Kota Jambi", front="H.",
              back="S.E., M.M.", gender="L"),
        _Seat(FORKOPIMDA, "Kapolresta Jambi", "Polresta Jambi", Role.NARASUMBER,
              front="Kombes Pol.", back="S.I.K., M.H.", gender="L", key="kapolresta"),
        _Seat(FORKOPIMDA, "Komandan Kodim 0415/Jambi", "Kodim 0415/Jambi", Role.NARASUMBER,
              front="Letkol Inf.", back="S.Sos.", gender="L", key="dandim"),
        _Seat(FORKOPIMDA, "Kepala Kejaksaan Negeri Jambi", "Kejaksaan Negeri Jambi",
              golongan="IV/b", pangkat="Jaksa Utama Pratama", front="", back="S.H., M.H."),
        _Seat(FORKOPIMDA, "Ketua Pengadilan Negeri Jambi", "Pengadilan Negeri Jambi",
              golongan="IV/c", front="", back="S.H., M.H."),
        _Seat(KPU, "Ketua KPU Kota Jambi", "KPU Kota Jambi", Role.NARASUMBER, back="S.H., M.H.",
              key="ketua_kpu"),
        _Seat(KPU, "Anggota KPU Kota Jambi Divisi Teknis Penyelenggaraan", "KPU Kota Jambi"),
        _Seat(KPU, "Anggota KPU Kota Jambi Divisi Hukum dan Pengawasan", "KPU Kota Jambi",
              back="S.H."),
        _Seat(KPU, "Anggota KPU Kota Jambi Divisi Perencanaan, Data dan Informasi",
              "KPU Kota Jambi"),
        _Seat(KPU, "Anggota KPU Kota Jambi Divisi Sosialisasi, Pendidikan Pemilih, "
              "Partisipasi Masyarakat dan SDM", "KPU Kota Jambi"),
        _Seat(KPU, "Sekretaris KPU Kota Jambi", "KPU Kota Jambi", golongan="IV/a"),
        _Seat(KPU, "Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan "
              "Masyarakat", "KPU Kota Jambi", golongan="III/c"),
        _Seat(BAWASLU, "Ketua Bawaslu Kota Jambi", "Bawaslu Kota Jambi", Role.NARASUMBER,
              back="S.H., M.H.", key="ketua_bawaslu"),
        _Seat(BAWASLU, "Anggota Bawaslu Kota Jambi Koordinator Divisi Penanganan Pelanggaran "
              "dan Penyelesaian Sengketa", "Bawaslu Kota Jambi"),
        _Seat(BAWASLU, "Anggota Bawaslu Kota Jambi Koordinator Divisi Pencegahan, Partisipasi "
              "Masyarakat dan Hubungan Masyarakat", "Bawaslu Kota Jambi"),
        _Seat(BAWASLU, "Koordinator Sekretariat Bawaslu Kota Jambi", "Bawaslu Kota Jambi",
              golongan="III/d"),
    ]  # fmt: skip
    for index, (jabatan, front, back, names) in enumerate(_FKUB_SEATS):
        seats.append(
            _Seat(FKUB, jabatan, "FKUB Kota Jambi", front=front, back=back, gender="L",
                  names=names, key="ketua_fkub" if index == 0 else "")
        )  # fmt: skip
    seats.append(
        _Seat(OPD, "Staf Ahli Wali Kota Bidang Pemerintahan, Hukum dan Politik",
              "Sekretariat Daerah Kota Jambi", Role.MODERATOR, golongan="IV/c", front="Drs. H.",
              back="M.Si.", gender="L", key="moderator")
    )  # fmt: skip
    for jabatan, instansi, golongan in _OPD_HEADS:
        titles = _OPD_TITLES.get(jabatan, (None, None))
        seats.append(
            _Seat(OPD, jabatan, instansi, golongan=golongan, front=titles[0], back=titles[1])
        )
    for kecamatan in KECAMATAN_KOTA_JAMBI:
        seats.append(
            _Seat(CAMAT, f"Camat {kecamatan}", f"Kecamatan {kecamatan}",
                  golongan="IV/a" if len(kecamatan) % 2 else "III/d")
        )  # fmt: skip
    for kecamatan, kelurahan in KECAMATAN_KOTA_JAMBI.items():
        for index, name in enumerate(kelurahan):
            seats.append(
                _Seat(LURAH, f"Lurah {name}", f"Kelurahan {name}, Kecamatan {kecamatan}",
                      golongan=("III/d", "III/c", "III/b")[index % 3])
            )  # fmt: skip
    for index, party in enumerate(PARTIES):
        seats.append(
            _Seat(PARPOL, _PARTY_POSTS[index % len(_PARTY_POSTS)], party, phone=index % 4 != 3)
        )
    seats += [
        _Seat(PANITIA, "Kepala Badan Kesatuan Bangsa dan Politik Kota Jambi",
              "Badan Kesatuan Bangsa dan Politik Kota Jambi", Role.PANITIA, golongan="IV/c",
              front="H.", back="S.Sos., M.Si.", gender="L", key="ketua"),
        _Seat(PANITIA, "Sekretaris Badan Kesatuan Bangsa dan Politik Kota Jambi",
              "Badan Kesatuan Bangsa dan Politik Kota Jambi", Role.PANITIA, golongan="IV/b"),
        _Seat(PANITIA, "Kepala Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan",
              "Badan Kesatuan Bangsa dan Politik Kota Jambi", Role.PANITIA, golongan="IV/a"),
        _Seat(PANITIA, "Analis Kebijakan Ahli Muda",
              "Badan Kesatuan Bangsa dan Politik Kota Jambi", Role.PANITIA, golongan="III/d",
              front="", back="S.IP., M.Si.", gender="P", key="pencatat"),
        _Seat(PANITIA, "Pranata Hubungan Masyarakat Ahli Pertama",
              "Badan Kesatuan Bangsa dan Politik Kota Jambi", Role.PANITIA, golongan="III/b",
              front="", back="S.I.Kom.", gender="P", key="mc"),
        _Seat(PANITIA, "Pengadministrasi Perkantoran",
              "Badan Kesatuan Bangsa dan Politik Kota Jambi", Role.PANITIA, golongan="II/c",
              front="", back="A.Md.", key="registrasi"),
    ]  # fmt: skip
    return seats


class _PeopleMaker:
    """Invents people for the seats: names, titles, NIPs and phones, all from one seed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used_names: set[str] = set()
        self.used_nips: set[str] = set()

    def person(self, seat: _Seat) -> Person:
        rng = self.rng
        gender = seat.gender or ("P" if rng.random() < 0.3 else "L")
        name = self._name(gender, seat.names)
        front, back = self._titles(seat, gender)
        nip = self._nip(gender, seat.golongan) if seat.golongan else ""
        return Person(
            name=name,
            front_titles=front,
            back_titles=back,
            nip=nip,
            pangkat=seat.pangkat or PANGKAT.get(seat.golongan, ""),
            golongan=seat.golongan,
            jabatan=seat.jabatan,
            instansi=seat.instansi,
            group_name=seat.group,
            phone=self._phone() if seat.phone else "",
            gender=gender,
        )

    def _name(self, gender: str, choices: tuple[str, ...]) -> str:
        rng = self.rng
        for _ in range(1000):
            if choices:
                name = rng.choice(choices)
            elif gender == "P":
                name = f"{rng.choice(FEMALE_FIRST_NAMES)} {rng.choice(FEMALE_LAST_NAMES)}"
            else:
                first = rng.choice(MALE_FIRST_NAMES)
                if first in ("Ahmad", "Muhammad") or rng.random() < 0.15:
                    first = f"{first} {rng.choice([n for n in MALE_FIRST_NAMES if n != first])}"
                name = f"{first} {rng.choice(MALE_LAST_NAMES)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        raise RuntimeError("name pools exhausted")  # pragma: no cover

    def _titles(self, seat: _Seat, gender: str) -> tuple[str, str]:
        rng = self.rng
        senior = seat.golongan.startswith("IV") or seat.group in (FORKOPIMDA, PARPOL)
        if seat.back is None:
            if seat.golongan.startswith("IV"):
                back = rng.choice(
                    ("S.Sos., M.Si.", "S.STP., M.Si.", "S.E., M.M.", "S.H., M.H.", "S.T., M.T.",
                     "S.IP., M.Si.", "S.Pd., M.Pd.", "S.E., M.Si.", "S.Sos., M.M.")
                )  # fmt: skip
            elif seat.golongan.startswith("III"):
                back = rng.choice(
                    ("S.STP.", "S.Sos.", "S.E.", "S.H.", "S.IP.", "S.Kom.", "S.STP., M.Si.",
                     "S.Tr.IP.", "S.E., M.M.")
                )  # fmt: skip
            elif seat.golongan:
                back = rng.choice(("A.Md.", ""))
            else:
                back = rng.choice(
                    ("S.H.", "S.E.", "S.Pd.", "S.Sos.", "S.Ag.", "S.IP.", "M.Pd.", "")
                )
        else:
            back = seat.back
        if seat.front is not None:
            return seat.front, back
        front = ""
        if senior and rng.random() < 0.3:
            front = "Hj." if gender == "P" else "H."
        if seat.golongan in ("IV/c", "IV/d") and rng.random() < 0.15 and back.count(",") == 1:
            front = f"Dr. {front}".strip()
        return front, back

    def _nip(self, gender: str, golongan: str) -> str:
        """An 18-digit NIP: birth date, TMT (year and month), gender digit, serial number."""
        rng = self.rng
        latest = _LATEST_TMT[golongan]
        for _ in range(1000):
            tmt_year = rng.randint(latest - 8, latest)
            birth_year = max(tmt_year - rng.randint(22, 30), 1966)  # still in service in 2023
            tmt_year = max(tmt_year, birth_year + 21)
            birth = date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
            tmt_month = rng.choice((1, 3, 3, 4, 12, 12, 2, 10, 11))
            serial = rng.randint(1, 9) if rng.random() < 0.8 else rng.randint(10, 30)
            nip = (
                f"{birth:%Y%m%d}{tmt_year:04d}{tmt_month:02d}"
                f"{1 if gender == 'L' else 2}{serial:03d}"
            )
            if nip not in self.used_nips:
                self.used_nips.add(nip)
                return nip
        raise RuntimeError("no free NIP")  # pragma: no cover

    def _phone(self) -> str:
        rng = self.rng
        return f"{rng.choice(PHONE_PREFIXES)}-{rng.randint(1000, 9999)}-{rng.randint(0, 9999):04d}"


def demo_event() -> Event:
    """The sample event itself (without invitees, officials or rundown)."""
    return Event(
        title=DEMO_TITLE,
        date=date(2023, 12, 14),  # a Thursday
        start_time=time(9, 0),
        end_time=None,  # s.d. selesai
        timezone="WIB",
        call_time=time(8, 30),
        venue="Aula Griya Mayang, Rumah Dinas Wali Kota Jambi",
        organizer_government="PEMERINTAH KOTA JAMBI",
        organizer_unit="BADAN KESATUAN BANGSA DAN POLITIK",
        organizer_address=(
            "Jalan Jenderal Basuki Rahmat Nomor 1, Kotabaru, Jambi 36129\n"
            "Telepon (0741) 7553219\n"
            "Pos-el kesbangpol@jambikota.go.id, Laman kesbangpol.jambikota.go.id"
        ),
        invitation_number="005/412/Kesbangpol/2023",
        invitation_date=date(2023, 12, 8),
        description=(
            "Koordinasi lintas sektor tentang kesiapan pengamanan, logistik dan penyelenggaraan "
            "pemungutan serta penghitungan suara Pemilihan Umum 14 Februari 2024 di Kota Jambi."
        ),
    )


def demo_people(seed: int = DEMO_SEED) -> list[tuple[Person, Role]]:
    """The sample invitation list, in the order of the daftar hadir."""
    maker = _PeopleMaker(random.Random(seed))
    return [(maker.person(seat), seat.role) for seat in _seats()]


def _demo_rundown(event: Event, invitee_by_key: dict[str, Invitee]) -> list[RundownItem]:
    presenters = [
        ("ketua_kpu", "KPU Kota Jambi"),
        ("ketua_bawaslu", "Bawaslu Kota Jambi"),
        ("kapolresta", "Polresta Jambi"),
        ("dandim", "Kodim 0415/Jambi"),
    ]
    start, minutes = registration_window(event)
    items = typical_rundown(
        start, presenters=[label for _, label in presenters], registration_minutes=minutes
    )
    presenter_keys = iter(key for key, _ in presenters)
    responsible_by_kind = {
        RundownKind.REGISTRASI: "registrasi",
        RundownKind.PEMBUKAAN: "mc",
        RundownKind.DOA: "ketua_fkub",
        RundownKind.LAPORAN: "ketua",
        RundownKind.SAMBUTAN: "wali_kota",
        RundownKind.DISKUSI: "moderator",
        RundownKind.KESIMPULAN: "moderator",
        RundownKind.PENUTUP: "mc",
    }
    result: list[RundownItem] = []
    for item in items:
        if item.kind == RundownKind.PAPARAN:
            key: str | None = next(presenter_keys)
        else:
            key = responsible_by_kind.get(item.kind)
        if key is not None:
            invitee = invitee_by_key[key]
            item = replace(
                item, responsible_invitee_id=invitee.id, responsible_text=invitee.jabatan
            )
        if item.kind == RundownKind.INDONESIA_RAYA:
            item = replace(item, responsible_text="Seluruh peserta")
        elif item.kind == RundownKind.LAPORAN:
            item = replace(item, title="Laporan Ketua Panitia (Kepala Badan Kesbangpol Kota Jambi)")
        elif item.kind == RundownKind.SAMBUTAN:
            item = replace(item, title="Sambutan dan pembukaan resmi oleh Pj. Wali Kota Jambi")
        elif item.kind == RundownKind.PENUTUP:
            item = replace(item, title="Penutup, doa dan foto bersama")
        result.append(item)
    return result


def create_demo_event(storage: Storage, *, clock: Clock = utc_now, seed: int = DEMO_SEED) -> int:
    """Create the sample rakor (all or nothing); returns the id of the new event.

    Creating it again makes another, independent event; the invented people are
    reused from the directory.
    """
    seats = _seats()
    people = demo_people(seed)
    with storage.transaction():
        event = demo_event()
        event_id = create_event(storage, event, clock=clock)
        report = import_invitees(storage, event_id, people, clock=clock)
        if report.added != len(people):  # pragma: no cover - the names are unique
            raise RuntimeError(f"demo invitation list incomplete: {report.skipped_duplicates}")
        invitees = storage.list_invitees(event_id)  # in the order of the list
        invitee_by_key = {
            seat.key: invitee for seat, invitee in zip(seats, invitees, strict=True) if seat.key
        }
        for role, key in (
            (OfficialRole.KETUA, "ketua"),
            (OfficialRole.PENCATAT, "pencatat"),
            (OfficialRole.MODERATOR, "moderator"),
        ):
            name_official(storage, event_id, role, invitee_by_key[key].person.id)
        for item in _demo_rundown(event, invitee_by_key):
            add_rundown_item(storage, event_id, item)
    return event_id
