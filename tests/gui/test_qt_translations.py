"""Chinese mode loads Qt's own translations too (qtbase_zh_CN.qm): dialog
buttons, the text fields' context menus, the undo stack's texts."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo

from gui.shell import app as gapp


@pytest.fixture
def chinese(qapp):
    gapp.set_language("zh_CN")
    yield
    gapp.set_language("en")


def test_qtbase_translations_ship_with_pyside():
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()


@pytest.mark.parametrize("context, source, chinese_text", [
    ("QPlatformTheme", "Cancel", "取消"),         # dialog buttons
    ("QPlatformTheme", "&Yes", "是(&Y)"),
    ("QLineEdit", "Select All", "全选"),          # a text field's context menu
    ("QWidgetTextControl", "Select All", "全选"),
    ("QUndoStack", "Redo %1", "重做 %1"),
])
def test_qt_own_texts_are_chinese(chinese, context, source, chinese_text):
    assert QCoreApplication.translate(context, source) == chinese_text


def test_back_to_english_removes_qt_translations(qapp):
    gapp.set_language("zh_CN")
    gapp.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
