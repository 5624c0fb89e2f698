"""Qt translations: Bahasa Indonesia by default, English selectable, switchable live.

The app's own strings are written in English in the source (the Qt convention) and
translated to Indonesian in ``resources/translations/rakor_id.ts``. Qt ships no
``qtbase_id`` catalogue, so ours (``qtbase_id.ts``: the buttons and context menus
of Qt's own widgets) is used unless Qt's translations folder has one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rakor_desktop import messages, paths

log = logging.getLogger("rakor.ui.translations")

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}


class Translations:
    """Owns the installed translators of the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> None:
        """Switch every translation (Qt, the app, the core's messages) to ``language``."""
        language = language if language in LANGUAGES else "id"
        self.remove()
        messages.set_language(language)
        self.language = language
        if language == "id":
            QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
            self._load(f"qtbase_{language}", [
                QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                str(paths.resource("translations")),
            ])
            self._load(f"rakor_{language}", [str(paths.resource("translations"))])
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))

    def remove(self) -> None:
        """Uninstall the translators this object installed."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators.clear()

    def _load(self, name: str, folders: list[str]) -> None:
        for folder in folders:
            translator = QTranslator(self._app)
            if translator.load(name, folder):
                self._app.installTranslator(translator)
                self._translators.append(translator)
                return
        log.warning("translation %s not found in %s", name, folders)
