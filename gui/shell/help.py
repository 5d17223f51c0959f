"""Help → "What can I type?" and Help → "Keyboard shortcuts".

Both pages are built when shown, in the current language. The syntax page's
examples are the parser's own inputs (a test parses every one of them); the
shortcut page is read off the window's actions, so it lists the keys that really
work, plus the keys that belong to one lab's widgets.
"""
from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.expression import FUNCTIONS
from gui.labs.regression.toolbar import FIT_VIEW_KEYS

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


#: (what is typed, what it means): every left-hand side is parsed by a test
SYNTAX_EXAMPLES = (
    ("(x + y - 3)^2 + (x + 2y - 5)^2 + 2",
      QT_TRANSLATE_NOOP("Help", "the chapter's example (section 2.7)")),
    ("x^2 + y^2", QT_TRANSLATE_NOOP("Help", "powers with ^ (or **)")),
    ("x² + y²", QT_TRANSLATE_NOOP("Help", "superscripts, as the app prints them")),
    ("2x + 3y", QT_TRANSLATE_NOOP("Help", "a number before a letter multiplies")),
    ("x*y", QT_TRANSLATE_NOOP("Help", "products with * (or · or ×), or a space: x y")),
    ("sin(x)*cos(y)", QT_TRANSLATE_NOOP("Help", "functions take their argument in brackets")),
    ("sqrt(x^2 + y^2)", QT_TRANSLATE_NOOP("Help", "square root, also √(…)")),
    ("|x| + |y|", QT_TRANSLATE_NOOP("Help", "absolute value, also abs(x)")),
    ("e^(-x^2 - y^2)", QT_TRANSLATE_NOOP("Help", "e and pi (π) are the constants")),
    ("log(x, 2)",
      QT_TRANSLATE_NOOP("Help", "log with a base; ln(x) and log(x) are natural logarithms")),
    ("sigmoid(x)",
      QT_TRANSLATE_NOOP("Help", "the neuron's activation 1/(1 + e^(−x)); also relu, tanh")),
    ("max(x, y)", QT_TRANSLATE_NOOP("Help", "two arguments, separated by a comma")),
    ("2.5e-3 x", QT_TRANSLATE_NOOP("Help", "numbers use a decimal point and may have an exponent")),
)

#: keys that belong to a lab's own widgets, not to a menu action: (where, keys, what)
_REG, _ALL = QT_TRANSLATE_NOOP("Help", "Regression"), QT_TRANSLATE_NOOP("Help", "All labs")
LAB_KEYS = (
    (_REG, "Ctrl+V",
      QT_TRANSLATE_NOOP("Help", "paste points copied from a spreadsheet (table or plot)")),
    (_REG, "Ctrl+C", QT_TRANSLATE_NOOP("Help", "copy the selected points as tab-separated text")),
    (_REG, "Del", QT_TRANSLATE_NOOP("Help", "delete the selected point (plot)")),
    (_REG, QT_TRANSLATE_NOOP("Help", "Enter or Tab"),
      QT_TRANSLATE_NOOP("Help", "in the table's last cell: a new row")),
    (_REG, QT_TRANSLATE_NOOP("Help", "Esc or Ctrl+Tab"),
      QT_TRANSLATE_NOOP("Help", "leave the points table")),
    (_REG, FIT_VIEW_KEYS, QT_TRANSLATE_NOOP("Help", "fit the view to the data")),
    (_ALL, QT_TRANSLATE_NOOP("Help", "Tab, Shift+Tab"),
      QT_TRANSLATE_NOOP("Help", "move between controls")),
    (_ALL, QT_TRANSLATE_NOOP("Help", "arrow keys on a slider"),
      QT_TRANSLATE_NOOP("Help", "change its value step by step")),
)


def syntax_html() -> str:
    title = QCoreApplication.translate("Help", "What can I type?")
    intro = QCoreApplication.translate(
        "Help", "The Gradient Descent Lab takes a function of x and y; the Chain Rule Lab "
        "takes y = f(u) and u = g(x). Type them as on a calculator:")
    functions = QCoreApplication.translate("Help", "Functions:")
    safe = QCoreApplication.translate(
        "Help", "A mistake is marked where it is, with what to change; nothing you typed "
        "is lost. Text is never run as a program.")
    rows = "".join(f"<tr><td><code>{escape(src)}</code></td>"
                   f"<td>{escape(_tr(meaning))}</td></tr>" for src, meaning in SYNTAX_EXAMPLES)
    names = ", ".join(sorted(f for f in FUNCTIONS if not f.startswith("arc")))
    return (f"<h3>{escape(title)}</h3><p>{escape(intro)}</p>"
            f"<table cellpadding='4'>{rows}</table>"
            f"<p><b>{escape(functions)}</b> {escape(names)}</p><p>{escape(safe)}</p>")


def _plain(text: str) -> str:
    """A menu text without its mnemonic: "&File" → "File", "文件(&F)" → "文件"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def _menu_actions(window: MainWindow) -> list[tuple[str, QAction]]:
    """(menu title, action) for every action with a shortcut in the menu bar's menus,
    submenus included.  Menus are found as children (QAction.menu() is not called:
    under PySide6 6.7 its wrapper could take the menu with it when collected)."""
    out = []
    bar = window.menuBar()
    for top in bar.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
        title = _plain(top.title())
        for menu in [top, *top.findChildren(QMenu)]:
            out += [(title, act) for act in menu.actions()
                    if act.shortcuts() and not act.isSeparator()]
    return out


def shortcuts_html(window: MainWindow) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    rows = []
    for title, act in _menu_actions(window):
        keys = " / ".join(s.toString(native) for s in act.shortcuts())
        rows.append((title, keys, _plain(act.text())))
    for where, keys, what in LAB_KEYS:
        plain = " " not in keys and keys.isascii()  # a key sequence, not words
        rows.append((_tr(where), QKeySequence(keys).toString(native) if plain else _tr(keys),
                     _tr(what)))
    body = "".join(f"<tr><td>{escape(a)}</td><td><b>{escape(b)}</b></td>"
                   f"<td>{escape(c)}</td></tr>" for a, b, c in rows)
    title = QCoreApplication.translate("Help", "Keyboard shortcuts")
    note = QCoreApplication.translate(
        "Help", "The Run keys (→ ← Space P End Home) work wherever the focus is, except "
        "in text fields, where they edit the text.")
    return (f"<h3>{escape(title)}</h3>"
            f"<table cellpadding='4'>{body}</table><p>{escape(note)}</p>")


class HelpDialog(QDialog):
    """A page of help; Esc or Close shuts it.  ``show_page`` fills it anew."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setMinimumSize(520, 420)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def show_page(self, title: str, html: str) -> None:
        self.setWindowTitle(title)
        self.browser.setAccessibleName(title)
        self.browser.setHtml(html)
        self.show()
        self.raise_()
        self.activateWindow()
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)


def build_help_menu(window: MainWindow) -> None:
    window.act_syntax_help = QAction(window)
    window.act_syntax_help.triggered.connect(lambda: show_help(window, "syntax"))
    window.act_shortcuts_help = QAction(window, shortcut=QKeySequence("Ctrl+/"))
    window.act_shortcuts_help.triggered.connect(lambda: show_help(window, "keys"))
    window.help_menu.addAction(window.act_syntax_help)
    window.help_menu.addAction(window.act_shortcuts_help)
    window.help_menu.addSeparator()


def retranslate_help_menu(window: MainWindow) -> None:
    window.act_syntax_help.setText(QCoreApplication.translate("Help", "&What can I type?"))
    window.act_shortcuts_help.setText(QCoreApplication.translate("Help", "&Keyboard shortcuts"))


def show_help(window: MainWindow, page: str) -> HelpDialog:
    dlg = getattr(window, "help_dialog", None)
    if dlg is None:
        dlg = window.help_dialog = HelpDialog(window)
    if page == "syntax":
        dlg.show_page(QCoreApplication.translate("Help", "What can I type?"), syntax_html())
    else:
        dlg.show_page(QCoreApplication.translate("Help", "Keyboard shortcuts"),
                      shortcuts_html(window))
    return dlg
