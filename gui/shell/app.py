"""QApplication creation: GL context sharing, fonts with CJK fallback, language."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from gui.theme import zoom

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = ("en", "zh_CN")
#: real UI families (Latin, Greek, math symbols, a proper "½"), best first; the CJK
#: family only comes after one of these (WenQuanYi Micro Hei draws ½ as ¹⁄)
UI_FAMILIES = ("Noto Sans", "Segoe UI", "Cantarell", "Ubuntu", "DejaVu Sans",
               "Liberation Sans", "Helvetica Neue", "Arial")
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei",
                "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei")

_translator: QTranslator | None = None
_qt_translator: QTranslator | None = None
_base_point_size: float | None = None
_language = "en"


def prepare_qt() -> None:
    """Call before any QApplication exists (GL views after the first draw black
    without shared contexts)."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    QCoreApplication.setOrganizationName("GradLab")
    QCoreApplication.setApplicationName("GradLab")


def make_app(argv: list[str] | None = None) -> QApplication:
    prepare_qt()
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv if argv is not None else sys.argv))
    setup_fonts(app)
    icon = RESOURCES / "icons" / "gradlab.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def font_families(available: set[str] | None = None) -> list[str]:
    """The application's font families, in order: the first real UI family that is
    installed (else the system's default), then every installed CJK family."""
    families = set(QFontDatabase.families()) if available is None else available
    ui = [f for f in UI_FAMILIES if f in families][:1]
    if not ui:
        ui = [QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()]
    return ui + [f for f in CJK_FAMILIES if f in families and f not in ui]


def has_cjk_font() -> bool:
    families = set(QFontDatabase.families())
    return any(f in families for f in CJK_FAMILIES)


def setup_fonts(app: QApplication) -> None:
    global _base_point_size
    font = QFont(app.font())
    font.setFamilies(font_families())
    if _base_point_size is None:
        _base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    font.setPointSizeF(_base_point_size * zoom.factor())
    app.setFont(font)


def apply_zoom(app: QApplication | None = None) -> None:
    """The application font at the current zoom (every widget gets a FontChange
    and an ApplicationFontChange event)."""
    app = app or QApplication.instance()
    if app is not None:
        setup_fonts(app)  # QApplication.setFont sends the events to every widget now


_private_settings: str | None = None


def use_private_settings(path: str | None) -> None:
    """Keep the preferences in the INI file ``path`` instead of the user's
    (``--screenshot`` and timing runs must not read or change them); None undoes it."""
    global _private_settings
    _private_settings = path


def settings() -> QSettings:
    """The preferences.  Native storage (registry, plist, ~/.config), unless the
    default format was switched to INI (tests isolate their settings that way: the
    organisation/application constructor would ignore it and write the real file)."""
    if _private_settings is not None:
        return QSettings(_private_settings, QSettings.Format.IniFormat)
    if QSettings.defaultFormat() == QSettings.Format.IniFormat:
        return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                         "GradLab", "GradLab")
    return QSettings("GradLab", "GradLab")


def system_language() -> str:
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def current_language() -> str:
    return _language


def set_language(lang: str) -> bool:
    """Install the translator for ``lang`` ('en' or 'zh_CN'); widgets get a
    LanguageChange event and retranslate themselves."""
    global _translator, _language
    app = QCoreApplication.instance()
    if lang not in LANGUAGES:
        lang = "en"
    global _qt_translator
    for old in (_translator, _qt_translator):
        if old is not None:
            app.removeTranslator(old)
    _translator = _qt_translator = None
    ok = True
    if lang != "en":
        # Qt's own texts (dialog buttons, context menus, the Undo/Redo prefix)
        qt_tr = QTranslator(app)
        if qt_tr.load(f"qtbase_{lang}",
                      QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_tr)
            _qt_translator = qt_tr
        tr = QTranslator(app)
        ok = tr.load(str(TRANSLATIONS / f"gradlab_{lang}.qm"))
        if ok:
            app.installTranslator(tr)
            _translator = tr
    _language = lang
    return ok


def apply_theme(app: QApplication, theme: str) -> None:
    """'light' or 'dark': Fusion style with a matching palette; pyqtgraph widgets
    that exist are recoloured by the main window."""
    from gui import theme as colours

    app.setStyle("Fusion")
    if theme != "dark":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(colours.dark_palette())
    # Qt tells a new palette to child widgets and to the windows already on screen,
    # not to a window not yet shown (the main window restoring the theme in its
    # constructor): it would keep the old palette, and so would its children
    for window in app.topLevelWidgets():
        if window.windowHandle() is None:
            QCoreApplication.sendEvent(window, QEvent(QEvent.Type.ApplicationPaletteChange))
    # and a widget under a style sheet that sets no colour keeps the palette it was
    # polished with (black text on the dark theme) unless it is polished again
    # (walked window by window: QApplication.allWidgets() also lists widgets in the
    # middle of their destructor, and wrapping one of those crashed PySide6 6.7)
    for window in app.topLevelWidgets():
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.testAttribute(Qt.WidgetAttribute.WA_StyleSheet):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
