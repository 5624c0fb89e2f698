"""Qt's own messages into Python logging, and an excepthook that logs and tells the user."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("rakor.ui")
qt_log = logging.getLogger("rakor.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_LEVELS.get(kind, logging.WARNING), "%s (%s)", message, context.category)


def install_qt_message_handler() -> None:
    """Route qDebug/qWarning & co. into the ``rakor.qt`` logger."""
    qInstallMessageHandler(_qt_message)


def install_excepthook(log_file: str) -> None:
    """Log unexpected errors and show a friendly dialog instead of vanishing."""

    def hook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        log.critical("unexpected error", exc_info=(kind, value, tb))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "Rakor Desktop", "")
        box.setText(
            QCoreApplication.translate(
                "ErrorDialog",
                "Something went wrong. Your data is safe: everything saved before this "
                "moment is in the database.",
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ErrorDialog", "The details were written to the log file:\n{path}"
            ).format(path=log_file)
        )
        box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
        box.exec()

    sys.excepthook = hook
