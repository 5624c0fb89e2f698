"""Qt's own dialogs speak Indonesian too: the file dialog a user meets on every import."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QToolButton, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from rakor_desktop.demo import create_demo_event
from rakor_desktop.storage import Storage
from ui.mainwindow import MainWindow

from .conftest import when_modal

MakeWindow = Callable[..., MainWindow]

ENGLISH = {"Look in:", "Files of type:", "File name:", "Computer", "Back", "Forward",
           "Parent Directory", "Create New Folder", "List View", "Detail View", "Open",
           "Cancel", "Name", "Size", "Type", "Date Modified"}


def test_the_file_dialog_of_an_import_is_in_indonesian(
    ui_db: Storage, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(ui_db)
    window.open_event(create_demo_event(ui_db))
    seen: dict[str, list[str]] = {}

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        qtbot.wait(50)  # the places and the folder are filled in
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel)
                          if label.isVisible() and label.text()]
        seen["tips"] = [button.toolTip() for button in dialog.findChildren(QToolButton)
                        if button.isVisible() and button.toolTip()]
        view = dialog.findChild(QTreeView, "treeView")
        assert view is not None
        model = view.model()
        seen["columns"] = [
            model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())
        ]
        dialog.reject()

    when_modal(qtbot, read)
    window.import_event_action.trigger()

    assert sorted(seen["labels"]) == ["&Jenis berkas:", "&Lihat di:", "&Nama berkas:"]
    assert seen["tips"] and all(tip.replace("&", "") not in ENGLISH for tip in seen["tips"])
    assert seen["columns"] == ["Nama", "Ukuran", "Jenis", "Tanggal Diubah"]
