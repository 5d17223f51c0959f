"""Help → "What can I type?" and Help → "Keyboard shortcuts" (issue 12): the syntax
page's examples are accepted by the parser, the shortcut page lists the keys the
window's actions really have, and both are in Chinese in Chinese mode."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from core.expression import parse
from gui.shell.help import SYNTAX_EXAMPLES


@pytest.mark.parametrize("text", [src for src, _ in SYNTAX_EXAMPLES])
def test_every_syntax_example_parses(text):
    parse(text)  # raises ExpressionError if the help page promised too much


def _page(win, action):
    action.trigger()
    dlg = win.help_dialog
    assert dlg.isVisible()
    return dlg, dlg.browser.toPlainText()


def test_syntax_page_from_the_help_menu(win, qtbot):
    assert win.act_syntax_help in win.help_menu.actions()
    dlg, text = _page(win, win.act_syntax_help)
    assert dlg.windowTitle() == "What can I type?"
    assert "(x + y - 3)^2 + (x + 2y - 5)^2 + 2" in text
    assert "sigmoid" in text and "sqrt" in text
    qtbot.keyClick(dlg.browser, Qt.Key.Key_Escape)
    assert not dlg.isVisible()


def test_shortcut_page_lists_the_real_keys(win):
    native = QKeySequence.SequenceFormat.NativeText
    _dlg, text = _page(win, win.act_shortcuts_help)
    for act in (win.run_actions["step"], win.zoom_actions["in"], win.act_undo,
                win.act_presentation, win.act_shortcuts_help):
        keys = act.shortcuts()[0].toString(native)
        assert keys and keys in text, (act.text(), keys)
    assert win.act_shortcuts_help.shortcut().toString() == "Ctrl+/"
    assert "Ctrl+Shift+F" in text and "Ctrl+V" in text


def test_help_pages_in_chinese(win):
    try:
        win.set_language("zh_CN")
        assert win.act_syntax_help.text() == "可以输入什么(&W)?"
        _dlg, text = _page(win, win.act_syntax_help)
        assert "函数" in text and "What can I type" not in text
        _dlg, text = _page(win, win.act_shortcuts_help)
        assert "键盘快捷键" in text and "Keyboard shortcuts" not in text
        assert "运行" in text and "(R)" not in text  # the Run menu, without its mnemonic
    finally:
        win.set_language("en")
