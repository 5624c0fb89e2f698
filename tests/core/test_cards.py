"""QR invitation cards and name tags as PDF (rakor_desktop.exports.cards), read back with pypdf."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from rakor_desktop.exports import cards
from rakor_desktop.exports.cards import PdfWriteError
from rakor_desktop.messages import ValidationError
from rakor_desktop.models import Event, Invitee, Person, Role
from rakor_desktop.operations import events as event_ops
from rakor_desktop.operations import invitations as invitee_ops
from rakor_desktop.storage import Storage

HOSTILE_INSTANSI = "PT A&B <Persero> \"Kutip\" 'satu'"


def _event(storage: Storage) -> int:
    return event_ops.create_event(
        storage,
        Event(
            title="Rapat Koordinasi Kesiapan Pemilihan Umum Tahun 2024 di Kota Jambi",
            date=date(2023, 12, 14),
            start_time=time(9, 0),
            venue="Aula Griya Mayang",
            organizer_government="Pemerintah Kota Jambi",
            organizer_unit="Badan Kesatuan Bangsa dan Politik",
            invitation_number="005/412/Kesbangpol/2023",
        ),
    )


def _invite(storage: Storage, event_id: int, count: int) -> list[Invitee]:
    return [
        invitee_ops.invite_person(
            storage, event_id,
            Person(name=f"Peserta Nomor{i:03d}", front_titles="Drs.", back_titles="M.Si.",
                   jabatan=f"Kepala Bidang {i}", instansi="Dinas Kominfo Kota Jambi"),
        )
        for i in range(count)
    ]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the PDFs (the database lives elsewhere in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _text(path: Path) -> str:
    """All text of a PDF, whitespace collapsed (wrapped lines join with a space)."""
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def _pages(path: Path) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1))
        for p in PdfReader(path).pages
    ]


@pytest.mark.parametrize(
    ("paper", "size"), [("A4", (595.3, 841.9)), ("F4", (609.4, 935.4))]
)
def test_invitation_cards_two_per_page_with_every_name_code_and_the_event(
    storage: Storage, tmp_path: Path, paper: str, size: tuple[float, float]
) -> None:
    event_id = _event(storage)
    invitees = _invite(storage, event_id, 5)
    path = tmp_path / f"undangan-{paper}.pdf"
    steps: list[tuple[int, int]] = []

    written = cards.render_invitation_cards(
        storage, event_id, path, paper=paper, progress=lambda d, t: steps.append((d, t))
    )

    assert written == 5
    assert _pages(path) == [size] * 3
    assert steps == [(n, 5) for n in range(1, 6)]
    text = _text(path)
    for invitee in invitees:
        assert f"Drs. {invitee.person.name}, M.Si." in text
        assert invitee.checkin_code in text
        assert invitee.jabatan in text
    for expected in ("PEMERINTAH KOTA JAMBI", "BADAN KESATUAN BANGSA DAN POLITIK", "UNDANGAN",
                     "Kamis, 14 Desember 2023", "pukul 09.00 WIB s.d. selesai",
                     "Aula Griya Mayang", "Nomor: 005/412/Kesbangpol/2023",
                     "Rapat Koordinasi Kesiapan Pemilihan Umum Tahun 2024 di Kota Jambi"):
        assert expected in text
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(
    ("paper", "count", "pages"), [("A4", 9, 2), ("A4", 8, 1), ("F4", 10, 1), ("F4", 11, 2)]
)
def test_name_tags_eight_per_a4_and_ten_per_f4(
    storage: Storage, tmp_path: Path, paper: str, count: int, pages: int
) -> None:
    event_id = _event(storage)
    invitees = _invite(storage, event_id, count)
    path = tmp_path / "tags.pdf"
    assert cards.render_name_tags(storage, event_id, path, paper=paper) == count
    assert len(_pages(path)) == pages
    assert _pages(path)[0] == {"A4": (595.3, 841.9), "F4": (609.4, 935.4)}[paper]
    text = _text(path)
    for invitee in invitees:
        assert f"Drs. {invitee.person.name}, M.Si." in text
        assert invitee.checkin_code in text
    assert "PESERTA" in text


def test_only_the_chosen_invitees_are_printed(storage: Storage, tmp_path: Path) -> None:
    event_id = _event(storage)
    invitees = _invite(storage, event_id, 4)
    chosen = [invitees[3].id or 0, invitees[1].id or 0]
    path = tmp_path / "two.pdf"
    assert cards.render_invitation_cards(storage, event_id, path, invitee_ids=chosen) == 2
    text = _text(path)
    assert invitees[1].checkin_code in text and invitees[3].checkin_code in text
    assert invitees[0].checkin_code not in text
    assert text.index(invitees[1].checkin_code) < text.index(invitees[3].checkin_code)
    assert len(_pages(path)) == 1


def test_user_text_prints_as_typed_not_as_markup(storage: Storage, tmp_path: Path) -> None:
    event_id = _event(storage)
    names = ["O'Brien \"Kutip\" <b>Tebal</b> & Co", "عبد الله Ahmad", "Budi 😀 Santoso"]
    invitees = [
        invitee_ops.invite_person(storage, event_id, Person(name=name, instansi=HOSTILE_INSTANSI),
                                  role=Role.NARASUMBER)
        for name in names
    ]
    for render in (cards.render_invitation_cards, cards.render_name_tags):
        path = tmp_path / f"{render.__name__}.pdf"
        render(storage, event_id, path)
        text = _text(path)
        assert HOSTILE_INSTANSI in text
        assert names[0] in text  # the tags <b> were not taken as bold markup
        assert "&amp;" not in text and "&lt;" not in text and "&quot;" not in text
        # The bundled font has no Arabic or emoji: their Latin neighbours print.
        assert "Ahmad" in text and "Budi" in text and "Santoso" in text
        assert "NARASUMBER" in text
        for invitee in invitees:
            assert invitee.checkin_code in text


def test_long_texts_shrink_or_are_cut_but_never_leave_their_box(
    storage: Storage, tmp_path: Path
) -> None:
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("t", fontSize=15, leading=18)
    short = cards.fit_paragraph("Dr. H. Sri Purwaningsih, M.Si.", style, 300, 36)
    assert short.style.fontSize == 15
    longer = cards.fit_paragraph("Purwaningsih " * 8, style, 300, 36, min_size=10)
    assert 10 <= longer.style.fontSize < 15
    assert longer.wrap(300, 36)[1] <= 36
    endless = cards.fit_paragraph("Purwaningsih " * 200, style, 300, 36, min_size=10)
    assert endless.wrap(300, 36)[1] <= 36
    assert endless.text.endswith("…")
    unbroken = cards.fit_paragraph("A" * 400, style, 300, 36, min_size=10)
    _width, height = unbroken.wrap(300, 36)
    assert height <= 36
    # Each line leaves room at its end (reportlab's "extra space"): none is wider than 300.
    lines = unbroken.blPara.lines
    assert all((line[0] if isinstance(line, tuple) else line.extraSpace) >= 0 for line in lines)

    event_id = _event(storage)
    long_name = "Sri Purwaningsih " + "Wahyuningtyas " * 30
    invitee = invitee_ops.invite_person(
        storage, event_id,
        Person(name=long_name, front_titles="Prof. Dr. H.", back_titles="S.H., M.Si., Ph.D.",
               jabatan="Kepala " * 60, instansi="Dinas " * 60),
    )
    path = tmp_path / "long.pdf"
    cards.render_invitation_cards(storage, event_id, path)
    cards.render_name_tags(storage, event_id, tmp_path / "long-tags.pdf")
    text = _text(path)
    assert invitee.checkin_code in text
    assert "Prof. Dr. H. Sri Purwaningsih Wahyuningtyas" in text
    assert "…" in text


def test_each_qr_is_built_from_exactly_the_check_in_code(
    storage: Storage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    event_id = _event(storage)
    invitees = _invite(storage, event_id, 3)
    built: list[str] = []
    original = cards.qr_widget

    def spy(code: str, size: float) -> Any:
        built.append(code)
        return original(code, size)

    monkeypatch.setattr(cards, "qr_widget", spy)
    cards.render_invitation_cards(storage, event_id, tmp_path / "c.pdf")
    assert built == [i.checkin_code for i in invitees]
    built.clear()
    cards.render_name_tags(storage, event_id, tmp_path / "t.pdf")
    assert built == [i.checkin_code for i in invitees]
    widget = original("K7QM2XPA", 100)
    assert widget.value == "K7QM2XPA"
    assert (widget.barLevel, widget.barBorder) == ("M", 4)


def test_a_scanner_reads_the_printed_qr_codes(storage: Storage, tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    image_module = pytest.importorskip("PIL.Image")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    event_id = _event(storage)
    invitees = _invite(storage, event_id, 2)
    for render, name in ((cards.render_invitation_cards, "cards"),
                         (cards.render_name_tags, "tags")):
        pdf = tmp_path / f"{name}.pdf"
        render(storage, event_id, pdf)
        # 150 dpi: about what a phone photo or a cheap scanner sees.
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf),
                        str(tmp_path / name)], check=True, timeout=60)
        (png,) = tmp_path.glob(f"{name}-*.png")
        found = {r.text for r in zxingcpp.read_barcodes(image_module.open(png))}
        assert found == {i.checkin_code for i in invitees}


def test_nobody_to_print_and_unknown_paper_are_clear_errors(
    storage: Storage, out: Path
) -> None:
    event_id = _event(storage)
    with pytest.raises(ValidationError, match="daftar undangan masih kosong"):
        cards.render_invitation_cards(storage, event_id, out / "x.pdf")
    _invite(storage, event_id, 1)
    with pytest.raises(ValidationError, match="Letter"):
        cards.render_name_tags(storage, event_id, out / "x.pdf", paper="Letter")
    with pytest.raises(ValidationError):
        cards.render_name_tags(storage, event_id, out / "x.pdf", invitee_ids=[])
    assert not list(out.iterdir())


def test_a_folder_that_cannot_be_written_is_a_clear_error(
    storage: Storage, out: Path
) -> None:
    event_id = _event(storage)
    _invite(storage, event_id, 1)
    missing = out / "no such folder" / "undangan.pdf"
    with pytest.raises(PdfWriteError, match="tidak dapat ditulisi"):
        cards.render_invitation_cards(storage, event_id, missing)
    a_file = out / "file.txt"
    a_file.write_text("x")
    with pytest.raises(PdfWriteError):
        cards.render_name_tags(storage, event_id, a_file / "tags.pdf")
    # A folder where the name is taken by a folder: os.replace fails, nothing is left.
    (out / "taken.pdf").mkdir()
    with pytest.raises(PdfWriteError, match="tidak dapat disimpan"):
        cards.render_invitation_cards(storage, event_id, out / "taken.pdf")
    assert sorted(p.name for p in out.iterdir()) == ["file.txt", "taken.pdf"]


def test_a_failure_midway_leaves_the_earlier_file_intact(
    storage: Storage, out: Path
) -> None:
    event_id = _event(storage)
    _invite(storage, event_id, 4)
    path = out / "undangan.pdf"
    path.write_bytes(b"%PDF- the earlier file")

    class Stop(Exception):
        pass

    def stop_at_third(done: int, total: int) -> None:
        if done == 3:
            raise Stop

    with pytest.raises(Stop):
        cards.render_invitation_cards(storage, event_id, path, progress=stop_at_third)
    assert path.read_bytes() == b"%PDF- the earlier file"
    assert [p.name for p in out.iterdir()] == ["undangan.pdf"]


def test_markup_escapes_and_drops_control_characters() -> None:
    assert cards.markup("PT A&B <Persero>\x00\n baru") == "PT A&amp;B &lt;Persero&gt; baru"
