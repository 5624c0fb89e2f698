"""Start the desktop app: ``rakor-desktop [--db PATH] [--event ID] [--demo] [--smoke]``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from rakor_desktop import APP_NAME, __version__, messages, paths
from rakor_desktop.logs import setup_logging
from rakor_desktop.messages import RakorError
from rakor_desktop.settings import load_settings

log = logging.getLogger("rakor.ui.app")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line of the desktop app."""
    parser = argparse.ArgumentParser(prog="rakor-desktop", description=APP_NAME)
    parser.add_argument("--db", type=Path, help="database file (default: the user data folder)")
    parser.add_argument("--event", type=int, help="open this event")
    parser.add_argument("--demo", action="store_true", help="create the demo rakor and open it")
    parser.add_argument("--lang", choices=("id", "en"), help="language of the interface")
    parser.add_argument(
        "--smoke", action="store_true",
        help="open the main window, wait for its first paint, exit 0 (for CI and benchmarks)",
    )
    parser.add_argument(
        "--self-test", action="store_true",
        help="check that this installation works (in a temporary folder), exit 0 if it does",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "file", nargs="?", type=Path,
        help="an exported event file (.rakor) to import and open (a double-click does this)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the app; returns the exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test()
    log_file = setup_logging()
    settings = load_settings()
    if args.lang:
        settings.language = args.lang
    messages.set_language(settings.language)

    # Qt is imported here, after argument parsing: --help and --version stay instant.
    from PySide6.QtWidgets import QApplication

    from rakor_desktop.storage import Storage

    from .mainwindow import MainWindow
    from .qt_logging import install_excepthook, install_qt_message_handler
    from .translations import Translations

    install_qt_message_handler()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("RakorDesktop")
    app.setDesktopFileName("rakor-desktop")
    _set_icon_and_fonts(app)
    translations = Translations(app)
    translations.apply(settings.language)
    install_excepthook(str(log_file or ""))

    database = (args.db or paths.default_database_path()).expanduser()
    log.info("%s %s starting, database %s", APP_NAME, __version__, database)
    try:
        # The integrity check and the backup run in the background once the window
        # is up (see MainWindow.start_maintenance): the desk must not wait for them.
        storage = Storage.open(database, check=False, backup=False,
                               backups_kept=settings.backups_kept)
    except RakorError as exc:
        log.error("database refused: %s", exc)
        if args.smoke:
            print(str(exc), file=sys.stderr)
            return 1
        restored = open_after_restore(database, exc, settings.backups_kept)
        if restored is None:
            return 1
        storage = restored

    event_id = args.event
    if args.file is not None:
        event_id = _import_opened_file(app, storage, args.file) or event_id
    if args.demo:
        from rakor_desktop.demo import create_demo_event

        event_id = create_demo_event(storage)

    window = MainWindow(
        storage, settings, translations, database_path=database, log_file=str(log_file or "")
    )
    window.first_painted.connect(lambda _t: window.start_maintenance())
    if args.smoke:
        def report(painted_at: float) -> None:
            print(f"RAKOR_FIRST_PAINT {painted_at:.6f}", flush=True)
            window.close()
            app.quit()

        window.first_painted.connect(report)
    window.open_initial_event(event_id)
    window.show()
    code = app.exec()
    from .tasks import wait_for_background_tasks

    wait_for_background_tasks()
    storage.close()
    log.info("exit %s", code)
    return int(code)


def open_after_restore(database: Path, error: Exception, backups_kept: int) -> Any:
    """The database cannot be opened at start: say why and, when there are backups,
    offer to restore one (the damaged file is put aside). Returns the opened Storage,
    or None when the user closes instead."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from rakor_desktop import backup
    from rakor_desktop.storage import Storage

    from .backup_dialog import RestoreBackupDialog

    message = str(error)
    while True:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "The database cannot be opened"),
            message,
        )
        restore = None
        if backup.list_backups(database):
            restore = box.addButton(
                QCoreApplication.translate("App", "Restore from backup…"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.setDefaultButton(restore)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if restore is None or box.clickedButton() is not restore:
            return None
        dialog = RestoreBackupDialog(database)
        if not dialog.exec() or dialog.chosen is None:
            continue
        try:
            aside = backup.restore_backup(database, dialog.chosen)
            storage = Storage.open(database, check=False, backup=False, backups_kept=backups_kept)
        except (RakorError, OSError) as exc:
            log.error("restore at start failed: %s", exc)
            message = str(exc)
            continue
        log.info("restored %s at start; the damaged file is kept as %s", dialog.chosen, aside)
        return storage


def _set_icon_and_fonts(app: Any) -> None:
    """The window icon; the bundled font when the machine has no usable one."""
    from PySide6.QtGui import QFontDatabase, QFontInfo, QIcon

    from rakor_desktop import fonts

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(paths.resource("icons", f"rakor-desktop-{size}.png")))
    app.setWindowIcon(icon)
    if not QFontInfo(app.font()).family():  # no system font at all: text must still render
        for style in fonts.FONT_FILES:
            QFontDatabase.addApplicationFont(fonts.font_path(style))


def _import_opened_file(app: Any, storage: Any, path: Path) -> int | None:
    """An event file opened with the app (double-click): import it after asking."""
    from PySide6.QtWidgets import QMessageBox

    from rakor_desktop.exports.eventfile import import_event

    answer = QMessageBox.question(
        None,
        app.translate("App", "Import event file"),
        app.translate("App", "Import {name} as a new event?").format(name=path.name),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        return int(import_event(storage, path.expanduser()))
    except (RakorError, OSError) as exc:
        QMessageBox.warning(None, app.translate("App", "Import failed"), str(exc))
        return None


if __name__ == "__main__":
    raise SystemExit(main())
