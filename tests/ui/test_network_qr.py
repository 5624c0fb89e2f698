"""The host's QR code: painted by the window, read back by a real decoder."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.network.qr_widget import QUIET_ZONE, QrCodeView, qr_modules

JOIN_URL = "http://192.168.43.117:8765/join?code=482913"


def _decode(path: Path) -> set[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    image_module = pytest.importorskip("PIL.Image")
    return {r.text for r in zxingcpp.read_barcodes(image_module.open(path))}


def test_the_join_qr_on_screen_reads_back_as_the_join_url(
    qtbot: QtBot, tmp_path: Path
) -> None:
    view = QrCodeView()
    qtbot.addWidget(view)
    view.set_text(JOIN_URL)
    view.resize(260, 260)
    view.show()
    qtbot.waitExposed(view)
    shot = tmp_path / "qr.png"
    assert view.grab().save(str(shot))
    assert _decode(shot) == {JOIN_URL}
    # also small (a dialog on a crowded screen) and as an image to print
    view.resize(150, 150)
    small = tmp_path / "small.png"
    assert view.grab().save(str(small))
    assert _decode(small) == {JOIN_URL}
    image = tmp_path / "image.png"
    assert view.to_image(300).save(str(image))
    assert _decode(image) == {JOIN_URL}


def test_modules_are_whole_pixels_with_the_quiet_zone(qtbot: QtBot) -> None:
    view = QrCodeView()
    qtbot.addWidget(view)
    view.set_text(JOIN_URL)
    count = len(view.modules())
    assert count == len(qr_modules(JOIN_URL)) and count >= 21
    side = 3 * (count + 2 * QUIET_ZONE) + 2  # 3 px a module, 1 px spare each side
    image = view.to_image(side)
    assert image.pixelColor(1 + QUIET_ZONE * 3 - 1, 1 + QUIET_ZONE * 3).name() == "#ffffff"
    # the top-left finder pattern starts exactly at the quiet zone's edge
    assert image.pixelColor(1 + QUIET_ZONE * 3, 1 + QUIET_ZONE * 3).name() == "#000000"


def test_no_text_no_code(qtbot: QtBot) -> None:
    view = QrCodeView()
    qtbot.addWidget(view)
    view.set_text(JOIN_URL)
    view.set_text("")
    assert view.modules() == [] and view.text() == ""
