"""Letterhead (kop) and page settings of an event's documents, saved as you go.

Shown as a section of the "Notulen & Dokumen" page. Everything here is stored
per event (:func:`rakor_desktop.exports.documents.settings.save_document_options`), so
the settings travel with the event file. Empty letterhead fields print the
organiser fields of the event; the placeholders show what will be printed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.exports.documents.build import default_place
from rakor_desktop.exports.documents.settings import (
    MAX_MARGIN_CM,
    MIN_MARGIN_CM,
    DocumentOptions,
    check_logo,
    load_document_options,
    save_document_options,
)
from rakor_desktop.formatting import format_name
from rakor_desktop.messages import RakorError
from rakor_desktop.models import Event, OfficialRole
from rakor_desktop.operations import events as event_ops
from rakor_desktop.storage import Storage

from ..widgets import ERROR_STYLE

log = logging.getLogger("rakor.ui.document_settings")

AUTOSAVE_DELAY_MS = 600
LOGO_PREVIEW_PX = 64
OK_STYLE = "color: #2e7d32;"

Field = tuple[Callable[[], Any], Callable[[Any], None], tuple[Any, ...]]


def _combo(items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _combo_field(combo: QComboBox) -> Field:
    def set_value(value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    return (combo.currentData, set_value, (combo.currentIndexChanged,))


def _line_field(edit: QLineEdit) -> Field:
    return (edit.text, edit.setText, (edit.textEdited,))


def _check_field(box: QCheckBox) -> Field:
    return (box.isChecked, box.setChecked, (box.toggled,))


def _spin_field(spin: QDoubleSpinBox) -> Field:
    return (spin.value, spin.setValue, (spin.valueChanged,))


class KopPreview(QFrame):
    """A small picture of the letterhead as it will be printed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("KopPreview { background: white; }")
        self.logo_label = QLabel()
        self.logo_label.setFixedSize(LOGO_PREVIEW_PX, LOGO_PREVIEW_PX)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.government_label = QLabel()
        self.unit_label = QLabel()
        self.address_label = QLabel()
        for label in (self.government_label, self.unit_label, self.address_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet("color: black;")
        font = self.unit_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.unit_label.setFont(font)
        small = self.address_label.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.address_label.setFont(small)
        lines = QVBoxLayout()
        lines.setSpacing(1)
        lines.addWidget(self.government_label)
        lines.addWidget(self.unit_label)
        lines.addWidget(self.address_label)
        top = QHBoxLayout()
        top.addWidget(self.logo_label)
        top.addLayout(lines, 1)
        top.addSpacing(LOGO_PREVIEW_PX)
        thick, thin = QFrame(), QFrame()
        thick.setFixedHeight(3)
        thin.setFixedHeight(1)
        for rule in (thick, thin):
            rule.setStyleSheet("background: black;")
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addSpacing(4)
        layout.addWidget(thick)
        layout.addWidget(thin)

    def show_kop(self, government: str, unit: str, address: str, logo: QPixmap | None) -> None:
        """Show these lines (capitals as printed) and logo."""
        self.government_label.setText(government.upper())
        self.unit_label.setText(unit.upper())
        lines = [" ".join(line.split()) for line in address.splitlines() if line.strip()]
        self.address_label.setText("\n".join(lines))
        self.address_label.setVisible(bool(lines))
        self.logo_label.setPixmap(logo if logo is not None else QPixmap())


class DocumentSettingsForm(QWidget):
    """Letterhead, paper, margins and the variants of the notulen and the daftar hadir.

    Signals:
        saved(int): the settings of the event were saved (its id).
    """

    saved = Signal(int)

    def __init__(self, storage: Storage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._storage = storage
        self._event_id: int | None = None
        self._event: Event | None = None
        self._options = DocumentOptions()
        self._logo: bytes | None = None
        self._loading = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.choose_logo_file: Callable[[], Path | None] = self._choose_logo_dialog
        self._build()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        # Letterhead
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(LOGO_PREVIEW_PX, LOGO_PREVIEW_PX)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("QLabel { border: 1px solid #bbb; background: white; }")
        self.logo_button = QPushButton(self.tr("Choose &logo…"))
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_remove_button = QPushButton(self.tr("Remove logo"))
        self.logo_remove_button.clicked.connect(self.remove_logo)
        self.logo_info = QLabel()
        self.logo_info.setWordWrap(True)
        self.government_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(78)
        self.kop_preview = KopPreview()

        # Page
        self.paper_combo = _combo([
            (self.tr("F4 (215 × 330 mm)"), "F4"), (self.tr("A4 (210 × 297 mm)"), "A4"),
        ])
        orientations = [(self.tr("Portrait"), "portrait"), (self.tr("Landscape"), "landscape")]
        self.minutes_orientation_combo = _combo(orientations)
        self.attendance_orientation_combo = _combo(orientations)
        self.margin_spins: dict[str, QDoubleSpinBox] = {}
        for name in ("top", "bottom", "left", "right"):
            spin = QDoubleSpinBox()
            spin.setRange(MIN_MARGIN_CM, MAX_MARGIN_CM)
            spin.setDecimals(1)
            spin.setSingleStep(0.1)
            spin.setSuffix(" cm")
            self.margin_spins[name] = spin
        self.font_size_spin = QDoubleSpinBox()
        self.font_size_spin.setRange(9.0, 14.0)
        self.font_size_spin.setDecimals(1)
        self.font_size_spin.setSingleStep(0.5)
        self.font_size_spin.setSuffix(" pt")

        # Notulen
        self.third_field_combo = _combo([
            (self.tr("Waktu Panggilan (the call time)"), "waktu_panggilan"),
            (self.tr("Surat Undangan (the invitation letter)"), "surat_undangan"),
        ])
        self.show_tempat_box = QCheckBox(self.tr("Show the venue (Tempat)"))
        self.sekretaris_combo = _combo([
            (self.tr("When a secretary is named"), None),
            (self.tr("Always (blank when none)"), True),
            (self.tr("Never"), False),
        ])
        self.peserta_combo = _combo([
            (self.tr("Count per group, \"daftar hadir terlampir\""), "per_kelompok"),
            (self.tr("Full list of the participants"), "daftar"),
        ])
        self.attach_attendance_box = QCheckBox(
            self.tr("Attach the attendance list (Lampiran)")
        )
        self.attach_photos_box = QCheckBox(self.tr("Attach the photos (dokumentasi)"))

        # Daftar hadir
        self.attendance_rows_combo = _combo([
            (self.tr("Those present"), "hadir"),
            (self.tr("Everyone invited (absent rows left blank)"), "semua"),
        ])
        self.per_group_box = QCheckBox(self.tr("One sheet per group (narasumber, OPD, …)"))
        self.show_nip_box = QCheckBox(self.tr("NIP/NRP column"))
        self.place_edit = QLineEdit()
        self.mengetahui_name_edit = QLineEdit()
        self.mengetahui_jabatan_edit = QLineEdit()
        self.mengetahui_jabatan_edit.setPlaceholderText(self.tr("e.g. Kepala Badan Kesbangpol"))
        self.mengetahui_pangkat_edit = QLineEdit()
        self.mengetahui_pangkat_edit.setPlaceholderText(self.tr("e.g. Pembina Utama Muda, IV/c"))
        self.mengetahui_nip_edit = QLineEdit()
        self.mengetahui_nip_edit.setPlaceholderText(self.tr("18 digits"))

        self._fields: dict[str, Field] = {
            "letterhead_government": _line_field(self.government_edit),
            "letterhead_unit": _line_field(self.unit_edit),
            "letterhead_address": (
                self.address_edit.toPlainText, self.address_edit.setPlainText,
                (self.address_edit.textChanged,),
            ),
            "paper": _combo_field(self.paper_combo),
            "minutes_orientation": _combo_field(self.minutes_orientation_combo),
            "attendance_orientation": _combo_field(self.attendance_orientation_combo),
            **{f"margin_{name}_cm": _spin_field(spin) for name, spin in self.margin_spins.items()},
            "font_size_pt": _spin_field(self.font_size_spin),
            "third_field": _combo_field(self.third_field_combo),
            "show_tempat": _check_field(self.show_tempat_box),
            "show_sekretaris": _combo_field(self.sekretaris_combo),
            "peserta_mode": _combo_field(self.peserta_combo),
            "attach_attendance": _check_field(self.attach_attendance_box),
            "attach_photos": _check_field(self.attach_photos_box),
            "attendance_rows": _combo_field(self.attendance_rows_combo),
            "attendance_per_group": _check_field(self.per_group_box),
            "attendance_show_nip": _check_field(self.show_nip_box),
            "place": _line_field(self.place_edit),
            "mengetahui_name": _line_field(self.mengetahui_name_edit),
            "mengetahui_jabatan": _line_field(self.mengetahui_jabatan_edit),
            "mengetahui_pangkat": _line_field(self.mengetahui_pangkat_edit),
            "mengetahui_nip": _line_field(self.mengetahui_nip_edit),
        }
        for name, (_get, _set, signals) in self._fields.items():
            for signal in signals:
                signal.connect(lambda *_args, field=name: self._changed(field))

        kop = QGroupBox(self.tr("Letterhead (kop)"))
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.logo_remove_button)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_buttons)
        logo_row.addWidget(self.logo_info, 1)
        form = QFormLayout(kop)
        form.addRow(self.tr("Logo:"), logo_row)
        form.addRow(self.tr("&Government line:"), self.government_edit)
        form.addRow(self.tr("&Unit name:"), self.unit_edit)
        form.addRow(self.tr("Address lines:"), self.address_edit)
        form.addRow(self.tr("Preview:"), self.kop_preview)

        page = QGroupBox(self.tr("Paper and margins"))
        form = QFormLayout(page)
        form.addRow(self.tr("&Paper:"), self.paper_combo)
        form.addRow(self.tr("Minutes:"), self.minutes_orientation_combo)
        form.addRow(self.tr("Attendance list:"), self.attendance_orientation_combo)
        margins = QGridLayout()
        labels = {"top": self.tr("top"), "bottom": self.tr("bottom"), "left": self.tr("left"),
                  "right": self.tr("right")}
        for index, (name, spin) in enumerate(self.margin_spins.items()):
            margins.addWidget(QLabel(labels[name]), index // 2, (index % 2) * 2)
            margins.addWidget(spin, index // 2, (index % 2) * 2 + 1)
        form.addRow(self.tr("Margins:"), margins)
        form.addRow(self.tr("Font size:"), self.font_size_spin)
        font_note = QLabel(self.tr(
            "Font: Liberation Sans (same widths as Arial), embedded in the PDF; the DOCX "
            "names Arial."
        ))
        font_note.setWordWrap(True)
        font_note.setStyleSheet("color: #555;")
        form.addRow("", font_note)

        minutes = QGroupBox(self.tr("Minutes (notulen)"))
        form = QFormLayout(minutes)
        form.addRow(self.tr("Third header line:"), self.third_field_combo)
        form.addRow("", self.show_tempat_box)
        form.addRow(self.tr("Secretary (Sekretaris):"), self.sekretaris_combo)
        form.addRow(self.tr("Participants (Peserta):"), self.peserta_combo)
        form.addRow("", self.attach_attendance_box)
        form.addRow("", self.attach_photos_box)

        attendance = QGroupBox(self.tr("Attendance list (daftar hadir)"))
        form = QFormLayout(attendance)
        form.addRow(self.tr("List:"), self.attendance_rows_combo)
        form.addRow("", self.per_group_box)
        form.addRow("", self.show_nip_box)
        form.addRow(self.tr("Place of the date line:"), self.place_edit)
        note = QLabel(self.tr("Validated by (\"Mengetahui\"):"))
        note.setStyleSheet("font-weight: bold;")
        form.addRow(note)
        form.addRow(self.tr("Name with titles:"), self.mengetahui_name_edit)
        form.addRow(self.tr("Position (jabatan):"), self.mengetahui_jabatan_edit)
        form.addRow(self.tr("Rank (pangkat, golongan):"), self.mengetahui_pangkat_edit)
        form.addRow(self.tr("NIP/NRP:"), self.mengetahui_nip_edit)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(kop)
        left.addWidget(page)
        left.addStretch(1)
        right.addWidget(minutes)
        right.addWidget(attendance)
        right.addStretch(1)
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status_label)

    # -- loading -----------------------------------------------------------------------------

    def set_event(self, event_id: int | None) -> None:
        """Show the settings of another event (saving what is pending first)."""
        self.save_now()
        self._event_id = event_id
        self.setEnabled(event_id is not None)
        self.status_label.clear()
        self.reload()

    def reload(self) -> None:
        """Read the settings and the event's organiser fields again."""
        self.save_now()
        if self._event_id is None:
            self._event, self._options, self._logo = None, DocumentOptions(), None
        else:
            self._event = event_ops.get_event(self._storage, self._event_id)
            self._options = load_document_options(self._storage, self._event_id)
            self._logo = self._options.logo
        self._loading = True
        try:
            for name, (_get, setter, _signals) in self._fields.items():
                setter(getattr(self._options, name))
        finally:
            self._loading = False
        self._dirty = False
        self._show_fallbacks()
        self._show_logo()
        self._update_preview()

    def _show_fallbacks(self) -> None:
        """Placeholders: what is printed when a field is left empty."""
        event = self._event
        from_event = self.tr("From the event: {value}")
        for edit, value in (
            (self.government_edit, event.organizer_government if event else ""),
            (self.unit_edit, event.organizer_unit if event else ""),
        ):
            edit.setPlaceholderText(from_event.format(value=value.upper()) if value.strip()
                                    else self.tr("e.g. PEMERINTAH KOTA JAMBI")
                                    if edit is self.government_edit
                                    else self.tr("e.g. BADAN KESATUAN BANGSA DAN POLITIK"))
        address = event.organizer_address.strip() if event else ""
        self.address_edit.setPlaceholderText(
            from_event.format(value=" / ".join(address.splitlines())) if address
            else self.tr("Address, telephone, e-mail, website (one line each)")
        )
        self._update_place_placeholder()
        chair = self._chair_name()
        self.mengetahui_name_edit.setPlaceholderText(
            self.tr("Empty: the chair, {name}").format(name=chair) if chair
            else self.tr("e.g. Drs. H. Ahmad Yani, M.Si.")
        )

    def _update_place_placeholder(self) -> None:
        government = self.government_edit.text().strip() or (
            self._event.organizer_government if self._event else ""
        )
        place = default_place(government)
        self.place_edit.setPlaceholderText(
            self.tr("Empty: {place}").format(place=place) if place else self.tr("e.g. Jambi")
        )

    def _chair_name(self) -> str:
        if self._event_id is None:
            return ""
        person_id = self._storage.get_officials(self._event_id).get(OfficialRole.KETUA)
        person = self._storage.get_person(person_id) if person_id else None
        return format_name(person.name, person.front_titles, person.back_titles) if person else ""

    # -- the logo ------------------------------------------------------------------------------

    def _choose_logo_dialog(self) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)"),
        )
        return Path(chosen) if chosen else None

    def choose_logo(self) -> None:
        """Let the user pick the logo image."""
        path = self.choose_logo_file()
        if path is not None:
            self.load_logo(path)

    def load_logo(self, path: Path) -> bool:
        """Use the image at ``path`` as the logo (checked first); False when refused."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self._show_error(self.tr("Cannot read {file}: {reason}").format(
                file=path, reason=exc.strerror or exc))
            return False
        try:
            check_logo(data)
        except RakorError as exc:
            self._show_error(str(exc))
            return False
        self._logo = data
        self._show_logo()
        self._changed("logo")
        return self.save_now()

    def remove_logo(self) -> None:
        """Print the kop without a logo."""
        if self._logo is None:
            return
        self._logo = None
        self._show_logo()
        self._changed("logo")
        self.save_now()

    def _logo_pixmap(self) -> QPixmap | None:
        if not self._logo:
            return None
        pixmap = QPixmap()
        if not pixmap.loadFromData(self._logo):
            return None
        return pixmap.scaled(LOGO_PREVIEW_PX - 4, LOGO_PREVIEW_PX - 4,
                             Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)

    def _show_logo(self) -> None:
        pixmap = self._logo_pixmap()
        self.logo_preview.setPixmap(pixmap if pixmap is not None else QPixmap())
        self.logo_remove_button.setEnabled(self._logo is not None)
        if self._logo is None:
            self.logo_info.setText(self.tr("No logo. PNG or JPEG, at most 2 MB."))
            return
        try:
            width, height = check_logo(self._logo)
        except RakorError as exc:
            self.logo_info.setText(str(exc))
            return
        self.logo_info.setText(self.tr("{width} × {height} pixels, {size} KB").format(
            width=width, height=height, size=max(1, round(len(self._logo) / 1024))))

    def _update_preview(self) -> None:
        event = self._event
        government = self.government_edit.text().strip() or (
            event.organizer_government if event else "")
        unit = self.unit_edit.text().strip() or (event.organizer_unit if event else "")
        address = self.address_edit.toPlainText().strip() or (
            event.organizer_address if event else "")
        self.kop_preview.show_kop(government, unit, address, self._logo_pixmap())

    # -- saving --------------------------------------------------------------------------------

    def _changed(self, field: str) -> None:
        if self._loading or self._event_id is None:
            return
        if field in ("letterhead_government", "letterhead_unit", "letterhead_address"):
            self._update_preview()
            if field == "letterhead_government":
                self._update_place_placeholder()
        self._dirty = True
        self._timer.start()

    def current_options(self) -> DocumentOptions:
        """The settings as shown in the form."""
        values = {name: getter() for name, (getter, _set, _signals) in self._fields.items()}
        return replace(self._options, **values, logo=self._logo)

    def save_now(self) -> bool:
        """Save pending changes at once; False when they were refused (message shown)."""
        self._timer.stop()
        if self._event_id is None or not self._dirty:
            return True
        try:
            self._options = save_document_options(
                self._storage, self._event_id, self.current_options()
            )
        except RakorError as exc:
            self._show_error(str(exc))
            return False
        self._dirty = False
        self.status_label.setStyleSheet(OK_STYLE)
        self.status_label.setText(
            self.tr("Saved at {time}.").format(time=datetime.now().strftime("%H.%M.%S"))
        )
        self.saved.emit(self._event_id)
        return True

    def has_pending_changes(self) -> bool:
        """Whether something changed is not saved yet."""
        return self._dirty

    def _show_error(self, message: str) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(message)

    def hideEvent(self, event: Any) -> None:
        """Nothing typed is lost when the user moves elsewhere."""
        self.save_now()
        super().hideEvent(event)
