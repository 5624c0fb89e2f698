"""``rakor-desktop --self-test``: prove that an installed copy of the app works.

Run in the frozen bundle (CI runs it after every build) or from source
(``python -m ui.app --self-test``). In a temporary folder it goes through a
meeting as the secretariat would: a database, an event, an invitation list
imported from CSV and from Excel, check-ins by code, by name and on someone's
behalf, the notulen and the daftar hadir as DOCX and PDF, the QR invitation
cards, and the main window with each of its areas. Each step uses the
libraries the real work uses, so a data file missing from the bundle (a font,
reportlab's metrics, python-docx's template, a Qt plugin, a translation) makes
its step fail.

Prints one line per step, ``OK <step>: <detail>`` or ``FAIL <step>: <reason>``
(``SKIP <step>: <reason>`` for a step whose module does not exist yet), then
``Self-test: N passed, N failed, N skipped``, and exits 0 only if no step failed.
Nothing outside the temporary folder is touched: ``RAKOR_HOME`` points there for
the run, so the user's settings, logs and backups stay as they were. A windowed
app on Windows has no console: the lines then go to ``rakor-desktop-self-test.txt``
in the temporary-files folder (``%TEMP%``).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from datetime import time as time_of_day
from pathlib import Path
from typing import Any, TextIO

REPORT_FILE_NAME = "rakor-desktop-self-test.txt"
WINDOW_PAINT_TIMEOUT_MS = 20000

# A small invitation list as a secretariat types it: a title row above the header,
# ";" as Excel with Indonesian settings writes it, titles inside the names, a NIP.
CSV_LIST = (
    "DAFTAR UNDANGAN RAPAT KOORDINASI\n"
    "No;Nama;NIP;Jabatan;Instansi\n"
    "1;Dr. Hj. Siti Rahmawati, M.Si.;197304121998032005;Kepala Badan;Badan Kesbangpol\n"
    "2;Ir. Bambang Purnomo, M.T.;196811051994031007;Sekretaris Badan;Badan Kesbangpol\n"
    "3;Agus Salim, S.H.;;Kepala Bagian Hukum;Sekretariat Daerah\n"
    "4;Rina Marlina, S.Sos.;198902142015032002;Analis Kebijakan;Badan Kesbangpol\n"
    "5;Kompol Hendra Gunawan;;Kasat Intelkam;Polresta\n"
)
XLSX_ROWS = (
    ("No", "Nama", "Jabatan", "Instansi"),
    (1, "Yohanes Manurung, S.E.", "Ketua", "KPU Kota"),
    (2, "Nur Aisyah, S.Pd.", "Anggota", "Bawaslu Kota"),
    (3, "Letkol Inf. Dedi Kurniawan", "Dandim", "Kodim 0415"),
)


class Skipped(Exception):
    """A step that cannot run in this version of the app (its module is missing)."""


@dataclass
class Step:
    """The outcome of one step."""

    name: str
    ok: bool
    detail: str
    skipped: bool = False


@dataclass
class SelfTest:
    """The steps, run in order; later steps use what earlier ones made."""

    folder: Path
    emit: Callable[[str], None]
    steps: list[Step] = field(default_factory=list)
    storage: Any = None
    event_id: int | None = None
    app: Any = None
    translations: Any = None

    # -- running ---------------------------------------------------------------------

    def run(self) -> bool:
        """Run every step; True when all passed."""
        checks: list[tuple[str, Callable[[], str]]] = [
            ("bundled files", self.bundled_files),
            ("Qt", self.start_qt),
            ("translations", self.load_translations),
            ("fonts in Qt", self.qt_fonts),
            ("image formats", self.image_formats),
            ("collation (ICU)", self.collation),
            ("database", self.open_database),
            ("event", self.create_event),
            ("import CSV", self.import_csv),
            ("import XLSX", self.import_xlsx),
            ("check-in by code", self.checkin_by_code),
            ("check-in by name", self.checkin_by_name),
            ("check-in on behalf", self.checkin_on_behalf),
            ("check-in with signature", self.checkin_with_signature),
            ("notulen and daftar hadir", self.documents),
            ("daftar hadir XLSX", self.attendance_spreadsheet),
            ("QR cards", self.qr_cards),
            ("event file", self.event_file),
            ("venue network", self.venue_network),
            ("main window", self.main_window),
        ]
        for name, check in checks:
            self.step(name, check)
        self.close()
        failed = sum(not s.ok for s in self.steps)
        skipped = sum(s.skipped for s in self.steps)
        passed = len(self.steps) - failed - skipped
        self.emit(f"Self-test: {passed} passed, {failed} failed, {skipped} skipped")
        return not failed

    def step(self, name: str, check: Callable[[], str]) -> None:
        started = time.perf_counter()
        skipped = False
        try:
            detail = check()
            ok = True
        except Skipped as skip:
            ok, skipped, detail = True, True, str(skip)
        except Exception as exc:  # every failure is reported, then the next step runs
            ok = False
            detail = f"{type(exc).__name__}: {exc}"
            where = traceback.extract_tb(exc.__traceback__)[-1:]
            if where:
                detail += f" ({Path(where[0].filename).name}:{where[0].lineno})"
        seconds = time.perf_counter() - started
        self.steps.append(Step(name, ok, detail, skipped))
        verdict = "SKIP" if skipped else "OK" if ok else "FAIL"
        self.emit(f"{verdict} {name}: {detail} [{seconds:.2f} s]")

    def need_event(self) -> int:
        if self.storage is None or self.event_id is None:
            raise RuntimeError("no event (an earlier step failed)")
        return self.event_id

    def close(self) -> None:
        if self.app is not None:
            from .tasks import wait_for_background_tasks

            wait_for_background_tasks()
        if self.storage is not None:
            self.storage.close()
            self.storage = None

    # -- the steps ---------------------------------------------------------------------

    def bundled_files(self) -> str:
        from rakor_desktop import __version__, fonts, paths

        missing = [
            str(path)
            for path in (
                *(Path(fonts.font_path(style)) for style in fonts.FONT_FILES),
                paths.resource("translations", "rakor_id.qm"),
                paths.resource("translations", "qtbase_id.qm"),
            )
            if not path.is_file()
        ]
        if missing:
            raise FileNotFoundError(", ".join(missing))
        frozen = "frozen" if paths.is_frozen() else "from source"
        return f"Rakor Desktop {__version__} {frozen}, resources in {paths.resources_dir()}"

    def start_qt(self) -> str:
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        from rakor_desktop import APP_NAME

        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        self.app = app
        return f"platform {QGuiApplication.platformName()}"

    def load_translations(self) -> str:
        from PySide6.QtCore import QCoreApplication, QTranslator

        from rakor_desktop import paths

        from .translations import Translations

        folder = str(paths.resource("translations"))
        for name in ("rakor_id", "qtbase_id"):
            translator = QTranslator()
            if not translator.load(name, folder) or translator.isEmpty():
                raise RuntimeError(f"{name}.qm does not load from {folder}")
        self.translations = Translations(self.app)
        self.translations.apply("id")
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        return f"rakor_id and qtbase_id load; Qt's \u201cCancel\u201d reads \u201c{cancel}\u201d"

    def qt_fonts(self) -> str:
        from PySide6.QtGui import QFontDatabase

        from rakor_desktop import fonts

        families: set[str] = set()
        for style in fonts.FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(fonts.font_path(style))
            if font_id < 0:
                raise RuntimeError(f"Qt cannot load {fonts.font_path(style)}")
            families.update(QFontDatabase.applicationFontFamilies(font_id))
        return f"bundled font loads in Qt: {', '.join(sorted(families))}"

    def image_formats(self) -> str:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QColor, QImage, QImageReader

        from rakor_desktop import paths

        available = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        missing = {"png", "jpg", "ico"} - available
        if missing:
            raise RuntimeError(f"Qt cannot read {', '.join(sorted(missing))}")
        icon = QImageReader(str(paths.resource("icons", "rakor-desktop.ico")))
        if icon.imageCount() < 4 or icon.read().isNull():
            raise RuntimeError(f"the app icon does not load: {icon.errorString()}")
        image = QImage(32, 32, QImage.Format.Format_RGB32)
        image.fill(QColor("#1f5fa8"))
        for kind in ("PNG", "JPG", "ICO"):
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            # PySide6's stubs say bytes; the binding takes the format name as str.
            if not image.save(buffer, kind):  # type: ignore[call-overload]
                raise RuntimeError(f"Qt cannot write {kind}")
            if QImage.fromData(data, kind).isNull():  # type: ignore[arg-type]
                raise RuntimeError(f"Qt cannot read back {kind}")
        return f"PNG, JPEG and ICO written and read by Qt; app icon with {icon.imageCount()} sizes"

    def collation(self) -> str:
        from PySide6.QtCore import QCollator, QLocale

        collator = QCollator(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        names = ["Zainal", "budi", "Ahmad", "Élisa", "agus"]
        ordered = sorted(names, key=collator.sortKey)
        if ordered != ["agus", "Ahmad", "budi", "Élisa", "Zainal"]:
            raise RuntimeError(f"names sort as {ordered}")
        return "Indonesian names sort as people expect: " + ", ".join(ordered)

    def open_database(self) -> str:
        from rakor_desktop.storage import Storage

        path = self.folder / "data" / "rakor.sqlite3"
        self.storage = Storage.open(path)  # with the integrity check, as the CLI opens it
        backup = self.storage.backup()
        return (
            f"{path.name} created (schema {self.storage.schema_version}), "
            f"backup {backup.parent.name}/{backup.name}"
        )

    def create_event(self) -> str:
        from rakor_desktop.models import Event
        from rakor_desktop.operations import events as event_ops

        if self.storage is None:
            raise RuntimeError("no database (an earlier step failed)")
        event = Event(
            title="Rapat Koordinasi Kesiapan Pengamanan Pemilu",
            date=date(2023, 12, 14),
            start_time=time_of_day(9, 0),
            end_time=time_of_day(12, 0),
            venue="Aula Griya Mayang",
            organizer_government="PEMERINTAH KOTA JAMBI",
            organizer_unit="BADAN KESATUAN BANGSA DAN POLITIK",
        )
        self.event_id = event_ops.create_event(self.storage, event)
        return f"event {self.event_id}"

    def _import(self, path: Path) -> int:
        event_id = self.need_event()
        from rakor_desktop.operations.invitation_import import import_file

        return import_file(self.storage, event_id, path).added

    def import_csv(self) -> str:
        path = self.folder / "undangan.csv"
        path.write_text(CSV_LIST, encoding="utf-8-sig")
        added = self._import(path)
        if added != 5:
            raise RuntimeError(f"{added} of 5 people added")
        return "5 invitees from undangan.csv"

    def import_xlsx(self) -> str:
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Undangan"
        for row in XLSX_ROWS:
            sheet.append(list(row))
        path = self.folder / "undangan-tambahan.xlsx"
        workbook.save(path)
        added = self._import(path)
        if added != len(XLSX_ROWS) - 1:
            raise RuntimeError(f"{added} of {len(XLSX_ROWS) - 1} people added")
        total = len(self.storage.list_invitees(self.need_event()))
        return f"{added} invitees from {path.name}, {total} on the list"

    def _invitee(self, name_part: str) -> Any:
        matches = self.storage.list_invitees(self.need_event(), name_part)
        if len(matches) != 1:
            raise RuntimeError(f"{len(matches)} invitees match {name_part!r}")
        return matches[0]

    def _desk(self) -> Any:
        from rakor_desktop.operations.checkin import Desk

        return Desk(station="Uji Mandiri", operator="Self-test")

    def checkin_by_code(self) -> str:
        from rakor_desktop.operations import checkin as checkin_ops

        invitee = self._invitee("rahmawati")
        result = checkin_ops.checkin_by_code(
            self.storage, self.need_event(), invitee.checkin_code.lower(), self._desk()
        )
        if result.already_present:
            raise RuntimeError("counted as already present")
        return f"{result.invitee.person.name} by code {invitee.checkin_code}"

    def checkin_by_name(self) -> str:
        from rakor_desktop.operations import checkin as checkin_ops

        result = checkin_ops.checkin_by_name(
            self.storage, self.need_event(), "bambang purnomo", self._desk()
        )
        again = checkin_ops.checkin_by_name(
            self.storage, self.need_event(), "bambang purnomo", self._desk()
        )
        if result.already_present or not again.already_present:
            raise RuntimeError("a second check-in was counted again")
        return f"{result.invitee.person.name} by name, not counted twice"

    def checkin_on_behalf(self) -> str:
        from rakor_desktop.operations.checkin import checkin_on_behalf

        invitee = self._invitee("hendra")
        checkin_on_behalf(
            self.storage, invitee.id, self._desk(), delegate_name="Aiptu Joko Susilo",
            delegate_jabatan="Kanit Intelkam", delegate_instansi="Polresta",
        )  # fmt: skip
        counts = self.storage.attendance_counts(self.need_event())
        return f"Joko Susilo for {invitee.person.name}; counts {_counts_text(counts)}"

    def checkin_with_signature(self) -> str:
        from rakor_desktop.operations import checkin as checkin_ops
        from rakor_desktop.operations.checkin import add_signature, latest_signature

        invitee = self._invitee("marlina")
        checkin_ops.checkin_invitee(self.storage, invitee.id, self._desk())
        signature = _signature_png()
        add_signature(self.storage, invitee.id, signature, self._desk())
        if latest_signature(self.storage, invitee.id) != signature:
            raise RuntimeError("the signature did not come back")
        return f"{invitee.person.name} signed on the pad ({len(signature)} bytes PNG)"

    def documents(self) -> str:
        event_id = self.need_event()
        from rakor_desktop.models import OfficialRole
        from rakor_desktop.operations import events as event_ops

        chair = self._invitee("rahmawati").person.id
        notetaker = self._invitee("marlina").person.id
        event_ops.name_official(self.storage, event_id, OfficialRole.KETUA, chair)
        event_ops.name_official(self.storage, event_id, OfficialRole.PENCATAT, notetaker)
        from rakor_desktop.exports.documents.photos import add_photo

        add_photo(self.storage, event_id, _photo_jpeg(), filename="suasana-rapat.jpg",
                  caption="Suasana rapat")
        written = _write_documents(self.storage, event_id, self.folder / "dokumen")
        for path in written:
            _check_document(path)
        if len(written) != 4:
            raise RuntimeError(f"{len(written)} files written instead of 4")
        return ", ".join(f"{p.name} ({p.stat().st_size // 1024} kB)" for p in written)

    def attendance_spreadsheet(self) -> str:
        from openpyxl import load_workbook

        from rakor_desktop.exports.documents.export import export_attendance_spreadsheet

        written = export_attendance_spreadsheet(
            self.storage, self.need_event(), self.folder / "dokumen"
        )
        workbook = load_workbook(written[0], read_only=True)
        sheets = workbook.sheetnames
        workbook.close()
        return f"{written[0].name} with sheets {', '.join(sheets)}"

    def qr_cards(self) -> str:
        event_id = self.need_event()
        from rakor_desktop.exports.cards import render_invitation_cards

        path = self.folder / "dokumen" / "kartu-undangan.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        count = render_invitation_cards(self.storage, event_id, path)
        _check_document(path)
        return f"{count} cards in {path.name} ({path.stat().st_size // 1024} kB)"

    def event_file(self) -> str:
        from rakor_desktop.exports.eventfile import export_event, import_event

        event_id = self.need_event()
        path = self.folder / "rapat.rakor"
        export_event(self.storage, event_id, path)
        copy = import_event(self.storage, path)
        invitees = len(self.storage.list_invitees(copy))
        return f"exported to {path.name} and imported again as event {copy} ({invitees} invitees)"

    def venue_network(self) -> str:
        """The host's server on Qt's loop (as the window runs it), a desk joining it over
        loopback, a check-in at the desk reaching the host, and a phone page served."""
        import threading
        import urllib.request

        from rakor_desktop.network.desk import DeskSync, join, open_desk_storage
        from rakor_desktop.network.host import HostNetwork
        from rakor_desktop.network.server import NetworkServer
        from rakor_desktop.operations import checkin as checkin_ops
        from rakor_desktop.storage import Storage

        from .network.event_loop import schedule

        event_id = self.need_event()
        if self.app is None:
            raise RuntimeError("Qt did not start (an earlier step failed)")
        app = self.app

        def spin(done: Callable[[], bool], what: str, seconds: float = 20) -> None:
            deadline = time.monotonic() + seconds
            while not done():
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{what}: no answer within {seconds:.0f} s")
                app.processEvents()
                time.sleep(0.005)

        invitee = self._invitee("manurung")
        host_storage = Storage.open(self.storage.path, backup=False, check=False)
        network = HostNetwork(host_storage, event_id)
        server = NetworkServer(network, bind="127.0.0.1", port=0)
        sync: DeskSync | None = None
        desk_storage: Storage | None = None
        try:
            started = schedule(server.start())
            spin(started.done, "the server")
            started.result()
            url = server.urls()[-1]
            joined: dict[str, Any] = {}

            def as_desk() -> None:  # blocking calls: in a thread, the loop keeps serving
                try:
                    joined["path"] = join(server.join_url(url), None, "Meja Uji",
                                          self.storage.path.parent / "desk", timeout=10)
                    with urllib.request.urlopen(f"{url}/m", timeout=10) as page:
                        joined["page"] = page.read()
                except Exception as exc:  # reported below
                    joined["error"] = exc

            thread = threading.Thread(target=as_desk, daemon=True)
            thread.start()
            spin(lambda: not thread.is_alive(), "joining as a desk")
            if "error" in joined:
                raise joined["error"]
            if b"<html" not in joined["page"].lower():
                raise RuntimeError("the moderator's page was not served")
            desk_storage = open_desk_storage(joined["path"])
            (copy,) = [i for i in desk_storage.list_invitees(desk_storage.desk_event_id() or 0)
                       if i.uid == invitee.uid]
            assert copy.id is not None
            sync = DeskSync(joined["path"], timeout=10)
            sync.start()
            checkin_ops.checkin_invitee(desk_storage, copy.id, self._desk())
            sync.poke()
            assert invitee.id is not None
            spin(lambda: bool(host_storage.active_checkins(invitee.id or 0)),
                 "the desk's check-in reaching the host")
        finally:
            if sync is not None:
                sync.stop()
            if desk_storage is not None:
                desk_storage.close()
            stopped = schedule(server.stop())
            spin(stopped.done, "stopping the server", 10)
            host_storage.close()
        return (f"served on {url}; desk joined with {invitee.person.name} checked in there "
                f"and present on the host; moderator page served")

    def main_window(self) -> str:
        from PySide6.QtCore import QEventLoop, QTimer

        from rakor_desktop.settings import Settings

        from .mainwindow import MainWindow

        event_id = self.need_event()
        if self.app is None or self.translations is None:
            raise RuntimeError("Qt did not start (an earlier step failed)")
        window = MainWindow(
            self.storage, Settings(operator_name="Self-test"), self.translations,
            database_path=self.storage.path,
        )  # fmt: skip
        painted: list[float] = []
        loop = QEventLoop()

        def on_paint(at: float) -> None:
            painted.append(at)
            loop.quit()

        window.first_painted.connect(on_paint)
        QTimer.singleShot(WINDOW_PAINT_TIMEOUT_MS, loop.quit)
        window.open_initial_event(event_id)
        window.show()
        loop.exec()
        if not painted:
            raise RuntimeError(f"no paint within {WINDOW_PAINT_TIMEOUT_MS // 1000} s")
        shown = []
        for number, area in enumerate(window.AREAS):
            window.show_area(number)
            self.app.processEvents()
            if window.grab().isNull():
                raise RuntimeError(f"the {area} area cannot be drawn")
            shown.append(area)
        window.close()
        self.app.processEvents()
        window.deleteLater()
        self.app.processEvents()
        return f"painted; areas {', '.join(shown)} shown; title \u201c{window.windowTitle()}\u201d"


# -- helpers -------------------------------------------------------------------------------


def _counts_text(counts: Any) -> str:
    present = getattr(counts, "present", None)
    invited = getattr(counts, "invited", None)
    if present is not None and invited is not None:
        return f"{present} of {invited} present"
    return str(counts)


def _signature_png() -> bytes:
    """A small signature drawn with Qt, as the signature pad would give it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
    from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen

    image = QImage(240, 80, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.GlobalColor.black, 2.5))
    path = QPainterPath(QPointF(10, 60))
    path.cubicTo(QPointF(40, 0), QPointF(70, 90), QPointF(110, 30))
    path.cubicTo(QPointF(140, 0), QPointF(170, 80), QPointF(230, 20))
    painter.drawPath(path)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


def _write_documents(storage: Any, event_id: int, folder: Path) -> list[Path]:
    """The notulen and the daftar hadir as DOCX and PDF: the one click after the meeting."""
    from rakor_desktop.exports.documents.export import export_minutes_and_attendance

    return list(export_minutes_and_attendance(storage, event_id, folder, ("docx", "pdf")))


def _photo_jpeg() -> bytes:
    """A documentation photo (a JPEG drawn with Qt: a room, a table, people)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(640, 427, QImage.Format.Format_RGB32)
    image.fill(QColor("#d8cbb0"))
    painter = QPainter(image)
    painter.fillRect(QRectF(0, 300, 640, 127), QColor("#7a5a3a"))
    painter.fillRect(QRectF(120, 220, 400, 80), QColor("#f4f1ea"))
    for index in range(6):
        painter.setBrush(QColor("#2b4f81" if index % 2 else "#8c2f39"))
        painter.drawEllipse(QRectF(130 + index * 66, 160, 44, 44))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 85)  # type: ignore[call-overload]
    return bytes(data.data())


def _check_document(path: Path) -> None:
    """A written DOCX opens with python-docx; a PDF starts and ends like one."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
            raise RuntimeError(f"{path.name} is not a complete PDF")
        return
    import docx

    paragraphs = docx.Document(str(path)).paragraphs
    if not any(p.text.strip() for p in paragraphs):
        raise RuntimeError(f"{path.name} has no text")


def _output() -> tuple[Callable[[str], None], TextIO | None]:
    """Where the lines go: stdout, or a file when the app has no console (Windows)."""
    stream: TextIO | None = sys.stdout
    report: TextIO | None = None
    if stream is None:
        report = open(  # noqa: SIM115 - closed by run_self_test
            Path(tempfile.gettempdir()) / REPORT_FILE_NAME, "w", encoding="utf-8"
        )
        stream = report

    def emit(line: str) -> None:
        assert stream is not None
        try:
            stream.write(line + "\n")
        except UnicodeEncodeError:  # a console that cannot show “” or é
            stream.write(line.encode("ascii", "replace").decode("ascii") + "\n")
        stream.flush()

    return emit, report


def run_self_test() -> int:
    """Run the self-test; returns the exit code (0: every step passed)."""
    emit, report = _output()
    with tempfile.TemporaryDirectory(prefix="rakor-self-test-") as tmp:
        folder = Path(tmp)
        os.environ["RAKOR_HOME"] = str(folder / "home")  # settings, logs: not the user's
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from rakor_desktop import messages
        from rakor_desktop.logs import setup_logging

        setup_logging()
        messages.set_language("en")
        try:
            passed = SelfTest(folder=folder, emit=emit).run()
        finally:
            import logging

            logging.shutdown()  # the log file lives in the folder about to be deleted
    if report is not None:
        report.close()
    return 0 if passed else 1
