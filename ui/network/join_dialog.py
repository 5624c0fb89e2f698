"""File → Join as a desk…: pair this laptop with the host and copy the list.

One field takes what the host shows: the whole join link (typed, or scanned from the
host's QR code by the USB scanner, which types it and Enter) or just the address; the
code field is filled from the link when it carries one. The copy is downloaded in the
background with a busy bar; a refusal (wrong code, host unreachable …) is said in the
dialog and nothing typed is lost.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rakor_desktop.messages import RakorError

from ..runner import message_for
from ..widgets import error_label

log = logging.getLogger("rakor.ui.network")


class JoinDialog(QDialog):
    """Join the host's network as a desk. After ``exec()`` returned true, :attr:`path`
    is the desk's copy of the event (a database file in ``folder``)."""

    def __init__(self, folder: Path, desk_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.path: Path | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Join as a desk"))
        self.setMinimumWidth(560)

        intro = QLabel(self.tr(
            "On the host laptop, open Desk → Event network… and turn the network on. Scan "
            "its QR code into the first field (or type the link or the address), then the "
            "pairing code."))
        intro.setWordWrap(True)
        self.link_edit = QLineEdit()
        self.link_edit.setObjectName("join_link")
        self.link_edit.setPlaceholderText("http://192.168.1.10:8765/join?code=123456")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("join_code")
        self.code_edit.setMaxLength(6)
        self.code_edit.setPlaceholderText("123456")
        self.name_edit = QLineEdit(desk_name)
        self.name_edit.setObjectName("join_desk_name")
        self.name_edit.setMaxLength(60)
        form = QFormLayout()
        form.addRow(self.tr("Join &link or address:"), self.link_edit)
        form.addRow(self.tr("Pairing &code:"), self.code_edit)
        form.addRow(self.tr("&Name of this desk:"), self.name_edit)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the size of the list is not known beforehand
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.hide()
        self.error_label = error_label()
        self.error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = QPushButton(self.tr("&Join"))
        self.join_button.setObjectName("join_button")
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.join_button.setDefault(True)  # Enter joins (set once it is in the dialog)

        self.link_edit.textChanged.connect(self._link_typed)
        for edit in (self.link_edit, self.code_edit, self.name_edit):
            edit.textChanged.connect(lambda _text: self._update())
        self._update()

    def _link_typed(self, text: str) -> None:
        """A scanned or pasted link brings its code: fill the code field with it."""
        from rakor_desktop.network.desk import parse_join_text

        try:
            _url, code = parse_join_text(text)
        except (RakorError, ValueError):
            return
        if code:
            self.code_edit.setText(code)

    def _update(self) -> None:
        ready = bool(self.link_edit.text().strip() and self.name_edit.text().strip())
        self.join_button.setEnabled(ready and not self.busy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A scanner ends the link with Enter: go on to the code when it is still missing.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self.link_edit.hasFocus() and not self.code_edit.text().strip()
        ):
            self.code_edit.setFocus()
            return
        if event.key() == Qt.Key.Key_Escape and self.busy:
            return  # the copy is on its way; Cancel is back once it arrived or failed
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    def accept(self) -> None:
        """Join: pair and download the list in the background; close when it is here."""
        if self.busy:
            return
        if not self.join_button.isEnabled():
            self.error_label.setText(self.tr("Type the host's join link or address and a "
                                             "name for this desk."))
            self.error_label.show()
            return
        from rakor_desktop.network.desk import join

        from ..tasks import run_in_background

        text = self.link_edit.text().strip()
        code = self.code_edit.text().strip() or None
        name = self.name_edit.text().strip()
        folder = self.folder
        self._set_busy(True)
        run_in_background(lambda: join(text, code, name, folder),
                          on_done=self._joined, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.link_edit, self.code_edit, self.name_edit):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.progress_label.setText(self.tr("Pairing with the host and downloading the "
                                            "invitation list…"))
        if busy:
            self.error_label.hide()
        self._update()

    def _joined(self, path: Any) -> None:
        self._set_busy(False)
        self.path = Path(path)
        log.info("joined as a desk: %s", self.path)
        super().accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        log.info("joining failed: %s", error)
        self.error_label.setText(message_for(error))
        self.error_label.show()
        self.link_edit.setFocus()
