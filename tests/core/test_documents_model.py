"""The document model, the editable text, the PDF markup and the document settings."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from rakor_desktop.exports.documents.build import default_place, roman, text_to_paragraphs
from rakor_desktop.exports.documents.model import (
    Document,
    KeyValueBlock,
    KeyValueRow,
    NumberedList,
    PageSetup,
    Run,
    Section,
    clean_text,
    document_text,
    list_label,
    paragraph,
)
from rakor_desktop.exports.documents.pdf_render import (
    FALLBACK_REGULAR,
    pdf_fonts,
    render_pdf,
    runs_markup,
    text_markup,
)
from rakor_desktop.exports.documents.settings import (
    DocumentOptions,
    clear_text_overrides,
    load_document_options,
    load_text_overrides,
    save_document_options,
    set_text_override,
)
from rakor_desktop.messages import ValidationError
from rakor_desktop.models import Event
from rakor_desktop.operations import events as event_ops
from rakor_desktop.storage import Storage

from .document_record import pdf_text


def _event(storage: Storage) -> int:
    return event_ops.create_event(
        storage, Event(title="Rakor", date=date(2023, 12, 14), start_time=time(9, 0))
    )


# -- the model -----------------------------------------------------------------------------


def test_text_is_cleaned_of_what_no_format_can_hold() -> None:
    assert clean_text("a\r\nb\rc\x00d\x1be\ud800f\tg") == "a\nb\ncdef\tg"
    hostile = "PT A&B <Persero> \U0001f600 \u0627\u0644"
    assert Run(hostile).text == hostile


def test_list_labels() -> None:
    assert [list_label("1", n) for n in (1, 2, 10)] == ["1.", "2.", "10."]
    assert [list_label("a", n) for n in (1, 2, 26, 27)] == ["a.", "b.", "z.", "aa."]
    assert list_label("-", 3) == "-"
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14)] == ["I", "II", "III", "IV", "IX", "XIV"]


def test_page_setup_sizes() -> None:
    f4 = PageSetup("F4", "portrait")
    assert f4.size_mm == (215.0, 330.0)
    assert f4.text_width_cm == pytest.approx(21.5 - 3 - 2)
    landscape = PageSetup("A4", "landscape")
    assert landscape.size_mm == (297.0, 210.0)
    assert landscape.text_height_cm == pytest.approx(21.0 - 2 - 2.5)


def test_document_text_in_reading_order() -> None:
    doc = Document(
        title="x",
        sections=(Section(page=PageSetup(), blocks=(
            KeyValueBlock(rows=(KeyValueRow("Tempat", (paragraph("Aula"),)),)),
            NumberedList(items=((Run("satu"),), (Run("dua"),))),
        )),),
    )
    assert document_text(doc) == ["Tempat", ":", "Aula", "1.", "satu", "2.", "dua"]


def test_editable_text_becomes_numbered_items_bullets_and_continuations() -> None:
    paragraphs = text_to_paragraphs(
        "Pembuka.\n1. Pertama\n   lanjutan pertama\n2. Kedua\n- butir\n\nPenutup 1.000 orang.",
        indent_cm=1.0,
    )
    assert [(p.label, p.text, p.indent_cm) for p in paragraphs] == [
        ("", "Pembuka.", 1.0),
        ("1.", "Pertama", 1.75),
        ("", "lanjutan pertama", 1.75),
        ("2.", "Kedua", 1.75),
        ("-", "butir", 1.75),
        ("", "Penutup 1.000 orang.", 1.0),
    ]


def test_place_of_the_date_line_from_the_government_line() -> None:
    assert default_place("PEMERINTAH KOTA JAMBI") == "Jambi"
    assert default_place("Pemerintah Kabupaten Tanjung Jabung Barat") == "Tanjung Jabung Barat"
    assert default_place("KEMENTERIAN DALAM NEGERI") == ""


# -- PDF markup ------------------------------------------------------------------------------


def test_user_text_is_escaped_for_reportlab_markup() -> None:
    fonts = pdf_fonts()
    assert text_markup("PT A&B <Persero>", fonts) == "PT A&amp;B &lt;Persero&gt;"
    assert text_markup("baris 1\nbaris 2", fonts) == "baris 1<br/>baris 2"
    markup = runs_markup((Run("<b>tebal?</b>", bold=True), Run(" & miring", italic=True)), fonts)
    assert markup == "<b>&lt;b&gt;tebal?&lt;/b&gt;</b><i> &amp; miring</i>"


def test_characters_missing_from_liberation_sans_use_the_fallback_font() -> None:
    fonts = pdf_fonts()
    markup = text_markup("Ali \u0639\u0644\u064a \U0001f600 é", fonts)
    assert markup == (
        f'Ali <font name="{FALLBACK_REGULAR}">\u0639\u0644\u064a</font> '
        f'<font name="{FALLBACK_REGULAR}">\U0001f600</font> é'
    )


def test_escaped_text_survives_into_the_pdf(tmp_path: Path) -> None:
    doc = Document(
        title="x",
        sections=(Section(page=PageSetup(), blocks=(
            paragraph("PT A&B <Persero> \"kutip\" 'tunggal'"),
            paragraph((Run("<i>bukan miring</i>", bold=True),)),
        )),),
    )
    target = tmp_path / "escaped.pdf"
    render_pdf(doc, target)
    text = pdf_text(target)
    assert "PT A&B <Persero> \"kutip\" 'tunggal'" in text
    assert "<i>bukan miring</i>" in text


# -- settings and edits ---------------------------------------------------------------------


def test_document_options_default_and_round_trip(storage: Storage) -> None:
    event_id = _event(storage)
    assert load_document_options(storage, event_id) == DocumentOptions()
    logo = _png()
    chosen = DocumentOptions(
        third_field="surat_undangan", show_tempat=False, show_sekretaris=True,
        peserta_mode="daftar", paper="A4", attendance_orientation="portrait",
        margin_left_cm=2.5, attendance_per_group=True, mengetahui_name="  Drs.  Ahmad  ",
        place="Jambi", letterhead_address="Jalan A\n\n  Telepon 1 ", logo=logo,
    )
    saved = save_document_options(storage, event_id, chosen)
    assert saved.mengetahui_name == "Drs. Ahmad"
    assert saved.letterhead_address == "Jalan A\nTelepon 1"
    assert load_document_options(storage, event_id) == saved
    # Defaults are not stored: going back to them leaves no rows behind.
    save_document_options(storage, event_id, DocumentOptions())
    assert storage.event_settings_with_prefix(event_id, "dokumen.") == {}


def test_invalid_options_are_refused_with_a_clear_message(storage: Storage) -> None:
    event_id = _event(storage)
    with pytest.raises(ValidationError, match="Margin harus antara"):
        save_document_options(storage, event_id, DocumentOptions(margin_top_cm=0.1))
    with pytest.raises(ValidationError, match="tidak dikenal"):
        save_document_options(storage, event_id, DocumentOptions(paper="Letter"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="Logo"):
        save_document_options(storage, event_id, DocumentOptions(logo=b"not an image"))
    assert load_document_options(storage, event_id) == DocumentOptions()


def test_a_damaged_stored_setting_falls_back_to_its_default(storage: Storage) -> None:
    event_id = _event(storage)
    with storage.transaction():
        storage.set_event_setting(event_id, "dokumen.paper", '"Letter"')
        storage.set_event_setting(event_id, "dokumen.show_tempat", "not json")
        storage.set_event_setting(event_id, "dokumen.place", '"Muara Bungo"')
    options = load_document_options(storage, event_id)
    assert options.paper == "F4"
    assert options.show_tempat is True
    assert options.place == "Muara Bungo"


def test_text_overrides_are_stored_reset_and_cleared(storage: Storage) -> None:
    event_id = _event(storage)
    set_text_override(storage, event_id, "kesimpulan", "1. Satu\r\n2. Dua  \n")
    set_text_override(storage, event_id, "penutup", "Selesai.")
    assert load_text_overrides(storage, event_id) == {
        "kesimpulan": "1. Satu\n2. Dua", "penutup": "Selesai.",
    }
    set_text_override(storage, event_id, "penutup", None)
    assert load_text_overrides(storage, event_id) == {"kesimpulan": "1. Satu\n2. Dua"}
    assert clear_text_overrides(storage, event_id) == 1
    assert load_text_overrides(storage, event_id) == {}
    with pytest.raises(ValidationError):
        set_text_override(storage, event_id, "bukan kunci!", "x")


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 140), "#c00").save(out, "PNG")
    return out.getvalue()
