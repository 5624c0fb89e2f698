"""Tests for rakor_desktop.formatting (Qt-free, locale-free)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from rakor_desktop.formatting import (
    DAY_NAMES,
    MONTH_NAMES,
    SignatureBlock,
    TimeZone,
    day_name,
    format_clock,
    format_clock_with_zone,
    format_date,
    format_date_long,
    format_date_span,
    format_name,
    format_nip,
    format_place_date,
    format_time,
    format_time_range,
    is_acting_head_of_region,
    month_name,
    name_search_key,
    name_sort_key,
    normalize_for_search,
    normalize_nip,
    parse_time,
    signature_block,
    split_titles,
)

# --------------------------------------------------------------------------- names of days/months


def test_day_names_monday_first() -> None:
    assert DAY_NAMES == ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def test_month_names() -> None:
    assert MONTH_NAMES == (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    )


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2023, 12, 11), "Senin, 11 Desember 2023"),
        (date(2023, 12, 12), "Selasa, 12 Desember 2023"),
        (date(2023, 12, 13), "Rabu, 13 Desember 2023"),
        (date(2023, 12, 14), "Kamis, 14 Desember 2023"),
        (date(2023, 12, 15), "Jumat, 15 Desember 2023"),
        (date(2023, 12, 16), "Sabtu, 16 Desember 2023"),
        (date(2023, 12, 17), "Minggu, 17 Desember 2023"),
    ],
)
def test_format_date_every_weekday(d: date, expected: str) -> None:
    assert format_date(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2024, 1, 1), "Senin, 1 Januari 2024"),
        (date(2024, 2, 1), "Kamis, 1 Februari 2024"),
        (date(2024, 3, 1), "Jumat, 1 Maret 2024"),
        (date(2024, 4, 1), "Senin, 1 April 2024"),
        (date(2024, 5, 1), "Rabu, 1 Mei 2024"),
        (date(2024, 6, 1), "Sabtu, 1 Juni 2024"),
        (date(2024, 7, 1), "Senin, 1 Juli 2024"),
        (date(2024, 8, 1), "Kamis, 1 Agustus 2024"),
        (date(2024, 9, 1), "Minggu, 1 September 2024"),
        (date(2024, 10, 1), "Selasa, 1 Oktober 2024"),
        (date(2024, 11, 1), "Jumat, 1 November 2024"),
        (date(2024, 12, 1), "Minggu, 1 Desember 2024"),
    ],
)
def test_format_date_every_month(d: date, expected: str) -> None:
    assert format_date(d) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2025, 1, 1), "Rabu, 1 Januari 2025"),
        (date(2025, 1, 2), "Kamis, 2 Januari 2025"),
        (date(2025, 1, 3), "Jumat, 3 Januari 2025"),
        (date(2025, 1, 4), "Sabtu, 4 Januari 2025"),
        (date(2025, 1, 5), "Minggu, 5 Januari 2025"),
        (date(2025, 1, 6), "Senin, 6 Januari 2025"),
        (date(2025, 1, 7), "Selasa, 7 Januari 2025"),
        (date(2025, 1, 8), "Rabu, 8 Januari 2025"),
        (date(2025, 1, 9), "Kamis, 9 Januari 2025"),
        (date(2025, 1, 10), "Jumat, 10 Januari 2025"),
    ],
)
def test_format_date_no_leading_zero(d: date, expected: str) -> None:
    assert format_date(d) == expected


def test_format_date_leap_day() -> None:
    assert format_date(date(2024, 2, 29)) == "Kamis, 29 Februari 2024"
    assert format_date_long(date(2024, 2, 29)) == "29 Februari 2024"


def test_format_date_accepts_datetime() -> None:
    assert format_date(datetime(2023, 12, 14, 23, 59)) == "Kamis, 14 Desember 2023"


def test_format_date_long() -> None:
    assert format_date_long(date(2023, 12, 14)) == "14 Desember 2023"
    assert format_date_long(date(2025, 1, 3)) == "3 Januari 2025"


def test_format_place_date() -> None:
    assert format_place_date("Jambi", date(2023, 12, 14)) == "Jambi, 14 Desember 2023"
    assert format_place_date("  Kota  Jambi, ", date(2025, 1, 3)) == "Kota Jambi, 3 Januari 2025"
    assert format_place_date("", date(2025, 1, 3)) == "3 Januari 2025"


def test_day_name_and_month_name() -> None:
    assert day_name(date(2023, 12, 14)) == "Kamis"
    assert month_name(1) == "Januari"
    assert month_name(12) == "Desember"
    with pytest.raises(ValueError) as info:
        month_name(13)
    assert str(info.value) == "Bulan tidak valid: 13; harus 1 sampai 12"
    with pytest.raises(ValueError) as info:
        month_name(0)
    assert str(info.value) == "Bulan tidak valid: 0; harus 1 sampai 12"


# --------------------------------------------------------------------------- date spans


def test_date_span_single_day() -> None:
    assert format_date_span(date(2023, 12, 14), None) == "Kamis, 14 Desember 2023"
    assert format_date_span(date(2023, 12, 14), date(2023, 12, 14)) == "Kamis, 14 Desember 2023"


def test_date_span_same_month() -> None:
    assert (
        format_date_span(date(2023, 12, 14), date(2023, 12, 15))
        == "Kamis s.d. Jumat, 14 s.d. 15 Desember 2023"
    )
    assert (
        format_date_span(date(2025, 1, 1), date(2025, 1, 3))
        == "Rabu s.d. Jumat, 1 s.d. 3 Januari 2025"
    )


def test_date_span_different_month() -> None:
    assert (
        format_date_span(date(2023, 11, 30), date(2023, 12, 1))
        == "Kamis, 30 November 2023 s.d. Jumat, 1 Desember 2023"
    )


def test_date_span_different_year() -> None:
    assert (
        format_date_span(date(2023, 12, 31), date(2024, 1, 2))
        == "Minggu, 31 Desember 2023 s.d. Selasa, 2 Januari 2024"
    )


def test_date_span_same_month_different_year() -> None:
    assert (
        format_date_span(date(2023, 12, 14), date(2024, 12, 14))
        == "Kamis, 14 Desember 2023 s.d. Sabtu, 14 Desember 2024"
    )


def test_date_span_datetimes_same_day() -> None:
    start = datetime(2023, 12, 14, 9, 0)
    end = datetime(2023, 12, 14, 12, 0)
    assert format_date_span(start, end) == "Kamis, 14 Desember 2023"


def test_date_span_end_before_start() -> None:
    with pytest.raises(ValueError) as info:
        format_date_span(date(2023, 12, 15), date(2023, 12, 14))
    assert str(info.value) == (
        "Tanggal selesai (Kamis, 14 Desember 2023) tidak boleh sebelum "
        "tanggal mulai (Jumat, 15 Desember 2023)"
    )


# --------------------------------------------------------------------------- times


def test_format_time() -> None:
    assert format_time(time(9, 0)) == "09.00"
    assert format_time(time(0, 5)) == "00.05"
    assert format_time(time(23, 59, 59)) == "23.59"


def test_time_range_open_end_with_pukul() -> None:
    assert format_time_range(time(9), None, "WIB", pukul=True) == "pukul 09.00 WIB s.d. selesai"


def test_time_range_open_end_without_pukul() -> None:
    assert format_time_range(time(9), None, "WIB") == "09.00 WIB s.d. selesai"


def test_time_range_closed_without_pukul() -> None:
    assert format_time_range(time(9), time(12), "WIB") == "09.00 s.d. 12.00 WIB"


def test_time_range_closed_with_pukul() -> None:
    assert format_time_range(time(9), time(12), "WIB", pukul=True) == "pukul 09.00 s.d. 12.00 WIB"


def test_time_range_accepts_enum_and_lowercase() -> None:
    assert format_time_range(time(8, 30), time(10), TimeZone.WITA) == "08.30 s.d. 10.00 WITA"
    assert format_time_range(time(8, 30), None, " wit ") == "08.30 WIT s.d. selesai"


def test_time_range_unknown_zone() -> None:
    with pytest.raises(ValueError) as info:
        format_time_range(time(9), None, "UTC")
    assert str(info.value) == "Zona waktu tidak dikenal: 'UTC'; gunakan WIB, WITA, atau WIT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9.00", time(9, 0)),
        ("09.00", time(9, 0)),
        ("09:00", time(9, 0)),
        ("0900", time(9, 0)),
        (" 13.45 ", time(13, 45)),
        ("0.00", time(0, 0)),
        ("23.59", time(23, 59)),
        ("9", time(9, 0)),
        ("09.00.30", time(9, 0, 30)),
    ],
)
def test_parse_time_good(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "  ", "24.00", "09.60", "9.5", "9.000", "abc", "09-00", "900", "09.00 WIB", "１０.00"],
)
def test_parse_time_bad(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_time(text)
    assert str(info.value) == f"Jam tidak valid: {text!r}; gunakan format JJ.MM, mis. 09.00"


# --------------------------------------------------------------------------- time zones and clocks


def test_time_zone_offsets() -> None:
    assert TimeZone.WIB.utc_offset_hours == 7
    assert TimeZone.WITA.utc_offset_hours == 8
    assert TimeZone.WIT.utc_offset_hours == 9
    assert TimeZone.WIB.tzinfo.utcoffset(None) == timedelta(hours=7)
    assert TimeZone.WITA.tzinfo.utcoffset(None) == timedelta(hours=8)
    assert TimeZone.WIT.tzinfo.utcoffset(None) == timedelta(hours=9)


def test_time_zone_is_a_string() -> None:
    assert TimeZone.WIB == "WIB"
    assert str(TimeZone.WITA) == "WITA"
    assert f"{TimeZone.WIT}" == "WIT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WIB", TimeZone.WIB),
        ("wib", TimeZone.WIB),
        (" Wita ", TimeZone.WITA),
        ("wit", TimeZone.WIT),
    ],
)
def test_time_zone_parse(text: str, expected: TimeZone) -> None:
    assert TimeZone.parse(text) is expected


@pytest.mark.parametrize("text", ["", "UTC", "WIBB", "GMT+7"])
def test_time_zone_parse_unknown(text: str) -> None:
    with pytest.raises(ValueError) as info:
        TimeZone.parse(text)
    assert str(info.value) == f"Zona waktu tidak dikenal: {text!r}; gunakan WIB, WITA, atau WIT"


def test_format_clock_converts_utc() -> None:
    instant = datetime(2023, 12, 14, 1, 42, 59, tzinfo=UTC)
    assert format_clock(instant, TimeZone.WIB) == "08.42"
    assert format_clock(instant, "WITA") == "09.42"
    assert format_clock(instant, "wit") == "10.42"


def test_format_clock_crosses_midnight() -> None:
    instant = datetime(2023, 12, 14, 17, 5, tzinfo=UTC)
    assert format_clock(instant, "WIB") == "00.05"
    assert format_clock(instant, "WIT") == "02.05"


def test_format_clock_other_aware_zone() -> None:
    # 08.42 WIB expressed in UTC+8 is 09.42; back in WIB it is 08.42 again.
    instant = datetime(2023, 12, 14, 9, 42, tzinfo=timezone(timedelta(hours=8)))
    assert format_clock(instant, "WIB") == "08.42"


def test_format_clock_naive_is_utc() -> None:
    assert format_clock(datetime(2023, 12, 14, 1, 42), "WIB") == "08.42"


def test_format_clock_with_zone() -> None:
    instant = datetime(2023, 12, 14, 1, 42, tzinfo=UTC)
    assert format_clock_with_zone(instant, "WIB") == "08.42 WIB"
    assert format_clock_with_zone(instant, TimeZone.WITA) == "09.42 WITA"
    assert format_clock_with_zone(instant, "wit") == "10.42 WIT"


# --------------------------------------------------------------------------- NIP


@pytest.mark.parametrize(
    "raw",
    [
        "197703122003122007",
        "19770312 200312 2 007",
        "  19770312  200312 2 007  ",
        "'197703122003122007",
        "'19770312 200312 2 007",
        '"197703122003122007"',
        "19770312.200312.2.007",
        "19770312-200312-2-007",
        "19770312\u00a0200312\u00a02\u00a0007",
        "NIP. 19770312 200312 2 007",
        "nip: 197703122003122007",
    ],
)
def test_normalize_nip_good(raw: str) -> None:
    assert normalize_nip(raw) == "197703122003122007"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "NIP kosong; NIP harus 18 digit angka"),
        ("  '  ", "NIP kosong; NIP harus 18 digit angka"),
        (
            "19770312 200312 2 00",
            "NIP tidak valid: '19770312 200312 2 00'; NIP harus 18 digit (yang terbaca 17 digit)",
        ),
        (
            "1977031220031220071",
            "NIP tidak valid: '1977031220031220071'; NIP harus 18 digit (yang terbaca 19 digit)",
        ),
        (
            "19770312 2003I2 2 007",
            "NIP tidak valid: '19770312 2003I2 2 007'; NIP hanya boleh berisi angka",
        ),
        (
            "197703122003122007.0",
            "NIP tidak valid: '197703122003122007.0'; NIP harus 18 digit (yang terbaca 19 digit)",
        ),
    ],
)
def test_normalize_nip_bad(raw: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        normalize_nip(raw)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "raw", ["1.97703122003122E+17", "1,97703E+17", "1.97703e17", " 1.97703122003122E+17 "]
)
def test_normalize_nip_scientific_notation(raw: str) -> None:
    with pytest.raises(ValueError) as info:
        normalize_nip(raw)
    message = str(info.value)
    assert message == (
        f"NIP tidak valid: {raw.strip()!r} sudah diubah Excel menjadi notasi ilmiah "
        "sehingga digit terakhirnya hilang; format sel sebagai Teks di Excel dan ketik "
        "ulang NIP lengkap 18 digit (atau awali dengan tanda petik ')"
    )


def test_normalize_nip_rounded_by_excel() -> None:
    with pytest.raises(ValueError) as info:
        normalize_nip("197703122003122000")
    assert str(info.value) == (
        "NIP tidak valid: '197703122003122000' berakhiran 000, tanda bahwa angka terakhirnya "
        "dibulatkan oleh Excel; format sel sebagai Teks di Excel dan ketik ulang NIP lengkap "
        "18 digit (atau awali dengan tanda petik ')"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("197703122003122007", "19770312 200312 2 007"),
        ("19770312 200312 2 007", "19770312 200312 2 007"),
        ("'198501012010011001", "19850101 201001 1 001"),
        ("  19770312200312 2007 ", "19770312 200312 2 007"),
        ("", ""),
        ("   ", ""),
        ("12345", "12345"),
        ("  12345  ", "12345"),
        ("1.97703122003122E+17", "1.97703122003122E+17"),
        ("belum ada", "belum ada"),
    ],
)
def test_format_nip(raw: str, expected: str) -> None:
    assert format_nip(raw) == expected


# --------------------------------------------------------------------------- names and titles


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("Sri Purwaningsih", "Dr. H.", "M.Si."), "Dr. H. Sri Purwaningsih, M.Si."),
        (("Budi Santoso", "Ir.", "S.T., M.T."), "Ir. Budi Santoso, S.T., M.T."),
        (("Budi Santoso", "Ir.", "S.T.,M.T."), "Ir. Budi Santoso, S.T., M.T."),
        (("Ani", "Prof. Dr. Ir. Hj.", ""), "Prof. Dr. Ir. Hj. Ani"),
        (("Eko Mulyadi", "", "S.I.K."), "Eko Mulyadi, S.I.K."),
        (("Eko Mulyadi", "", ""), "Eko Mulyadi"),
        (("  Sri   Purwaningsih ", "  Dr.   H. ", "  M.Si. "), "Dr. H. Sri Purwaningsih, M.Si."),
        (("Sri Purwaningsih", "", ", M.Si.,"), "Sri Purwaningsih, M.Si."),
        (("", "", ""), ""),
        (("", "Dr.", ""), "Dr."),
    ],
)
def test_format_name(args: tuple[str, str, str], expected: str) -> None:
    assert format_name(*args) == expected


def test_format_name_default_titles() -> None:
    assert format_name("Sri Purwaningsih") == "Sri Purwaningsih"


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Dr. H. Sri Purwaningsih, M.Si.", ("Dr. H.", "Sri Purwaningsih", "M.Si.")),
        ("Ir. Budi Santoso, S.T., M.T.", ("Ir.", "Budi Santoso", "S.T., M.T.")),
        ("Prof. Dr. Ir. Hj. Ani", ("Prof. Dr. Ir. Hj.", "Ani", "")),
        ("AKBP Eko Mulyadi, S.I.K.", ("AKBP", "Eko Mulyadi", "S.I.K.")),
        ("Kombes Pol. Drs. H. Budi Hartono", ("Kombes Pol. Drs. H.", "Budi Hartono", "")),
        ("Letkol Inf. Rahmat Hidayat", ("Letkol Inf.", "Rahmat Hidayat", "")),
        ("Kolonel Kav. Agus Salim, S.E.", ("Kolonel Kav.", "Agus Salim", "S.E.")),
        ("Brigjen TNI (Purn.) Ahmad", ("Brigjen TNI (Purn.)", "Ahmad", "")),
        ("Kolonel Laut (P) Yudi", ("Kolonel Laut (P)", "Yudi", "")),
        ("Kompol Sari, S.H., M.H.", ("Kompol", "Sari", "S.H., M.H.")),
        ("Iptu Dedi", ("Iptu", "Dedi", "")),
        ("Ipda Rina", ("Ipda", "Rina", "")),
        ("AKP Joko", ("AKP", "Joko", "")),
        ("Mayor Czi. Harun", ("Mayor Czi.", "Harun", "")),
        ("Kapten Arh. Tono", ("Kapten Arh.", "Tono", "")),
        ("K.H. Ahmad Dahlan", ("K.H.", "Ahmad Dahlan", "")),
        ("KH. Ahmad Dahlan", ("KH.", "Ahmad Dahlan", "")),
        ("K. H. Ahmad Dahlan", ("K. H.", "Ahmad Dahlan", "")),
        ("drg. Maya, Sp.KG", ("drg.", "Maya", "Sp.KG")),
        ("Drs. Ahmad, M.M.", ("Drs.", "Ahmad", "M.M.")),
        ("Dra. Hj. Nurhayati", ("Dra. Hj.", "Nurhayati", "")),
        ("Ny. Hj. Ratna Dewi", ("Ny. Hj.", "Ratna Dewi", "")),
        ("Pdt. Yohanes Sitompul, M.Th.", ("Pdt.", "Yohanes Sitompul", "M.Th.")),
        ("apt. Lina, S.Farm.", ("apt.", "Lina", "S.Farm.")),
        ("H. M. Yusuf", ("H.", "M. Yusuf", "")),
        ("M. Yusuf", ("", "M. Yusuf", "")),
    ],
)
def test_split_titles(full: str, expected: tuple[str, str, str]) -> None:
    assert split_titles(full) == expected


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("", ("", "", "")),
        ("   ", ("", "", "")),
        ("Budi", ("", "Budi", "")),
        ("Sri Purwaningsih", ("", "Sri Purwaningsih", "")),
        ("  Dr.   H.  Sri    Purwaningsih ,   M.Si. ", ("Dr. H.", "Sri Purwaningsih", "M.Si.")),
        ("dr. Andi Wijaya, Sp.PD", ("dr.", "Andi Wijaya", "Sp.PD")),
        ("DR. IR. BUDI", ("DR. IR.", "BUDI", "")),
        ("Dr Budi", ("Dr", "Budi", "")),
        ("Dr.H. Sri Purwaningsih,M.Si.", ("Dr. H.", "Sri Purwaningsih", "M.Si.")),
        ("Ir. Budi Santoso, S.T.,M.T.", ("Ir.", "Budi Santoso", "S.T., M.T.")),
        ("Budi Santoso S.H.", ("", "Budi Santoso", "S.H.")),
        ("Budi Santoso S.T., M.T.", ("", "Budi Santoso", "S.T., M.T.")),
        ("Budi Santoso, ", ("", "Budi Santoso", "")),
        (", M.Si.", ("", "", "M.Si.")),
        ("Dr. H.", ("Dr. H.", "", "")),
        ("S.H.", ("", "S.H.", "")),
        # Names that merely start like a title are kept whole.
        ("Hendra Irawan", ("", "Hendra Irawan", "")),
        ("H Budi", ("", "H Budi", "")),
        ("Mayora Putri", ("", "Mayora Putri", "")),
    ],
)
def test_split_titles_edge_cases(full: str, expected: tuple[str, str, str]) -> None:
    assert split_titles(full) == expected


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Bapak Budi Santoso", ("", "Budi Santoso", "")),
        ("Bpk. Dr. Budi", ("Dr.", "Budi", "")),
        ("Ibu Hj. Ratna, S.Sos.", ("Hj.", "Ratna", "S.Sos.")),
        ("Sdr. Andi", ("", "Andi", "")),
        ("Sdri. Rina", ("", "Rina", "")),
        ("Yth. Bapak Ir. Joko", ("Ir.", "Joko", "")),
    ],
)
def test_split_titles_drops_salutations(full: str, expected: tuple[str, str, str]) -> None:
    assert split_titles(full) == expected


def test_split_then_format_round_trip() -> None:
    for full in [
        "Dr. H. Sri Purwaningsih, M.Si.",
        "Ir. Budi Santoso, S.T., M.T.",
        "Prof. Dr. Ir. Hj. Ani",
        "AKBP Eko Mulyadi, S.I.K.",
        "Budi",
    ]:
        front, name, back = split_titles(full)
        assert format_name(name, front, back) == full


# --------------------------------------------------------------------------- acting heads


@pytest.mark.parametrize(
    "jabatan",
    [
        "Pj. Wali Kota Jambi",
        "Plt. Bupati Sleman",
        "Plh. Gubernur Jambi",
        "Pj Wali Kota",
        "Pj. Walikota Jambi",
        "PJ. WALI KOTA JAMBI",
        "Pj.Wali Kota Jambi",
        "Penjabat Wali Kota Jambi",
        "Penjabat Sementara Bupati Kerinci",
        "Pjs. Bupati Kerinci",
        "Pelaksana Tugas Bupati",
        "Pelaksana Harian Gubernur Jambi",
        "Plh. Wakil Wali Kota",
        "Plt. Wakil Bupati Muaro Jambi",
        "Pj. Gubernur",
        "  Pj.   Wali  Kota   Jambi  ",
        "Penjabat (Pj.) Wali Kota Jambi",
    ],
)
def test_is_acting_head_of_region_true(jabatan: str) -> None:
    assert is_acting_head_of_region(jabatan) is True


@pytest.mark.parametrize(
    "jabatan",
    [
        "Wali Kota Jambi",
        "Bupati Sleman",
        "Gubernur Jambi",
        "Wakil Wali Kota Jambi",
        "Plt. Kepala Dinas Pendidikan",
        "Plh. Kepala Badan Kesbangpol",
        "Kepala Badan Kesbangpol",
        "Pj. Sekretaris Daerah",
        "Pj. Kepala Desa Sukamaju",
        "Staf Ahli Wali Kota Bidang Pemerintahan",
        "a.n. Pj. Wali Kota Jambi",
        "Pj.",
        "Pjabat Bupati",
        "",
    ],
)
def test_is_acting_head_of_region_false(jabatan: str) -> None:
    assert is_acting_head_of_region(jabatan) is False


# --------------------------------------------------------------------------- signature blocks


def test_signature_block_official() -> None:
    block = signature_block(
        jabatan="Kepala Badan Kesbangpol",
        name="Sri Purwaningsih",
        front_titles="Dr. H.",
        back_titles="M.Si.",
        pangkat="Pembina",
        golongan="IV/a",
        nip="197703122003122007",
    )
    assert block == SignatureBlock(
        jabatan="Kepala Badan Kesbangpol",
        name="Dr. H. Sri Purwaningsih, M.Si.",
        rank_line="Pembina, IV/a",
        nip_line="NIP. 19770312 200312 2 007",
    )


def test_signature_block_official_partial_data() -> None:
    block = signature_block(
        jabatan="  Pencatat ",
        name="Andi",
        pangkat="Penata Muda Tk. I",
        nip="",
    )
    assert block == SignatureBlock(
        jabatan="Pencatat", name="Andi", rank_line="Penata Muda Tk. I", nip_line=""
    )


@pytest.mark.parametrize(
    ("pangkat", "golongan", "expected"),
    [
        ("Pembina", "IV/a", "Pembina, IV/a"),
        ("Pembina Tk. I", "IV/b", "Pembina Tk. I, IV/b"),
        ("Pembina", "", "Pembina"),
        ("", "IV/a", "IV/a"),
        ("", "", ""),
        ("Pembina (IV/a)", "IV/a", "Pembina (IV/a)"),
        ("Penata Tk. I", "III/d", "Penata Tk. I, III/d"),
    ],
)
def test_signature_block_rank_line(pangkat: str, golongan: str, expected: str) -> None:
    block = signature_block(jabatan="Kepala", name="Budi", pangkat=pangkat, golongan=golongan)
    assert block.rank_line == expected


def test_signature_block_nip_unparseable_is_printed_as_is() -> None:
    block = signature_block(jabatan="Kepala", name="Budi", nip="1.97703122003122E+17")
    assert block.nip_line == "NIP. 1.97703122003122E+17"


def test_signature_block_acting_head_of_region() -> None:
    block = signature_block(
        jabatan="Pj. Wali Kota Jambi",
        name="Sri Purwaningsih",
        front_titles="Dr. H.",
        back_titles="M.Si.",
        pangkat="Pembina Utama Muda",
        golongan="IV/c",
        nip="197703122003122007",
    )
    assert block == SignatureBlock(
        jabatan="Pj. Wali Kota Jambi", name="Sri Purwaningsih", rank_line="", nip_line=""
    )


def test_signature_block_acting_office_head_keeps_titles() -> None:
    block = signature_block(
        jabatan="Plt. Kepala Dinas Pendidikan",
        name="Budi Santoso",
        front_titles="Ir.",
        back_titles="S.T., M.T.",
        pangkat="Pembina",
        golongan="IV/a",
        nip="19770312 200312 2 007",
    )
    assert block == SignatureBlock(
        jabatan="Plt. Kepala Dinas Pendidikan",
        name="Ir. Budi Santoso, S.T., M.T.",
        rank_line="Pembina, IV/a",
        nip_line="NIP. 19770312 200312 2 007",
    )


def test_signature_block_is_frozen() -> None:
    block = signature_block(jabatan="Kepala", name="Budi")
    with pytest.raises(AttributeError):
        block.name = "Andi"  # type: ignore[misc]


# --------------------------------------------------------------------------- search and sort


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Renée", "renee"),
        ("RENÉE", "renee"),
        ("François Müller", "francois muller"),
        ("Sri  Purwaningsih", "sri purwaningsih"),
        ("Dr. H. Sri Purwaningsih, M.Si.", "dr h sri purwaningsih m si"),
        ("Ma'ruf Amin", "maruf amin"),
        ("Ma\u2019ruf", "maruf"),
        ("Abdul-Rahman", "abdul rahman"),
        ("  \t ", ""),
        ("Kodim 0415/Jambi", "kodim 0415 jambi"),
        ("Straße", "strasse"),
    ],
)
def test_normalize_for_search(text: str, expected: str) -> None:
    assert normalize_for_search(text) == expected


def test_name_search_key() -> None:
    assert name_search_key("Sri Purwaningsih") == "sri purwaningsih"
    assert name_search_key("Renée Siregar") == "renee siregar"
    # Titles typed into the name by mistake are ignored.
    assert name_search_key("Dr. H. Sri Purwaningsih, M.Si.") == "sri purwaningsih"
    assert "purwaningsih" in name_search_key("Sri Purwaningsih")
    assert not name_search_key("Sri Purwaningsih").startswith("dr")


def test_name_sort_key_ignores_titles() -> None:
    assert name_sort_key("Sri Purwaningsih", "Dr. H.", "M.Si.") == "sri purwaningsih"
    assert name_sort_key("Sri Purwaningsih") == "sri purwaningsih"
    assert name_sort_key("Prof. Dr. Ani") == "ani"


def test_sorting_by_name_sort_key() -> None:
    people = [
        ("Sri Purwaningsih", "Dr. H.", "M.Si."),
        ("Ani", "Prof. Dr. Ir. Hj.", ""),
        ("Budi Santoso", "Ir.", "S.T., M.T."),
        ("Élodie", "", ""),
    ]
    ordered = sorted(people, key=lambda p: name_sort_key(*p))
    assert [p[0] for p in ordered] == ["Ani", "Budi Santoso", "Élodie", "Sri Purwaningsih"]
