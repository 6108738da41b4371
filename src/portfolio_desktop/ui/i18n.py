"""Languages of the desktop: French by default, English available.

Source strings in the code are English, wrapped in `tr()`; French comes from the Qt Linguist
sources `resources/translations/<area>_fr.ts`, compiled to `.qm` when the package is built or
installed. Qt's own strings (standard buttons, file dialogs) come from Qt's translations.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import messages
from ..paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = {"fr": "Français", "en": "English"}
_installed: list[QTranslator] = []


def install_language(lang: str) -> None:
    """Replaces the application's translators by those of `lang` and sets the default locale."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    os.environ["PORTFOLIO_DESKTOP_LANG"] = (
        lang  # `messages` (codes → words) follows the same choice
    )
    locale = QLocale(
        QLocale.Language.French if lang == "fr" else QLocale.Language.English,
        QLocale.Country.France if lang == "fr" else QLocale.Country.UnitedKingdom,
    )
    QLocale.setDefault(locale)
    if lang == "en":
        return  # the source strings are English
    folder = resources_dir() / "translations"
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(qt_folder, f"qtbase_{lang}")] + [
        (str(folder), qm.stem) for qm in sorted(folder.glob(f"*_{lang}.qm"))
    ]
    for directory, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, directory)


def current() -> str:
    return messages.current_language()
