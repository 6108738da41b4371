"""Languages of the desktop: French by default, English available.

Source strings in the code are English, wrapped in `tr()`; French comes from the Qt Linguist
sources `resources/translations/<area>_fr.ts`, compiled to `.qm` when the package is built or
installed. English needs only the two forms of its plurals (`<area>_en.ts`: "%Ln project",
"%Ln projects" for the code's "%Ln project(s)"). Qt's own strings (standard buttons, file
dialogs) come from Qt's translations.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

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
    remove_translators()
    os.environ["PORTFOLIO_DESKTOP_LANG"] = (
        lang  # `messages` (codes → words) follows the same choice
    )
    locale = QLocale(
        QLocale.Language.French if lang == "fr" else QLocale.Language.English,
        QLocale.Country.France if lang == "fr" else QLocale.Country.UnitedKingdom,
    )
    QLocale.setDefault(locale)
    folder = resources_dir() / "translations"
    if lang != "en":  # Qt's own words are English already
        # Qt's own words (file dialogs: "Look in:", "Files of type:"; standard buttons) first.
        qt_translator = QTranslator(app)
        qt_folder = next(
            (f for f in qt_translation_folders() if qt_translator.load(f"qtbase_{lang}", str(f))),
            None,
        )
        if qt_folder is not None:
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
        else:
            log.warning(
                "Qt's translation qtbase_%s not found in %s", lang, qt_translation_folders()
            )
    for qm in sorted(folder.glob(f"*_{lang}.qm")):
        translator = QTranslator(app)
        if translator.load(qm.stem, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found in %s", qm.stem, folder)


def remove_translators() -> None:
    """Takes every translator of ours away: the code's own (English source) strings again."""
    app = QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
    _installed.clear()


def qt_translation_folders() -> list[Path]:
    """Where Qt's own translations may be: Qt's library path, PySide6's own folder (a qt.conf or
    a bundle can point the library path elsewhere), a PyInstaller bundle's copy."""
    import PySide6

    found = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
        Path(PySide6.__file__).parent / "translations",
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found += [Path(bundle) / "PySide6" / "Qt" / "translations", Path(bundle) / "translations"]
    return list(dict.fromkeys(found))


def current() -> str:
    return messages.current_language()
