"""Fixes from review: the status banner shows every optimizer, presets always
replace the editor text, every ExpressionError key has a translated message, and
the play-speed tooltip says what it sets."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from core.expression import ExpressionError, parse
from core.optimizers import OPTIMIZER_NAMES
from gui import app as gapp
from gui.descent_lab import LABELS, PRESETS
from gui.expr_messages import _templates, expression_error_message
from gui.session import Session
from gui.views.stepper import StepControls
from tests.gui.conftest import type_function  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def lab(make_descent_lab):
    return make_descent_lab(1100, 700)


def test_banner_shows_a_readable_line_for_all_six_optimizers(qtbot, lab):
    lab.set_learning_rate(0.15)  # plain GD diverges: the longest explanations
    for name in OPTIMIZER_NAMES:
        if not lab.opt_checks[name].isChecked():
            qtbot.mouseClick(lab.opt_checks[name], Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert lab.state["selected"] == list(OPTIMIZER_NAMES)
    text = lab.status_text()
    for name in OPTIMIZER_NAMES:
        assert LABELS[name] in text
    banner, scroll = lab.banner, lab.banner_scroll
    # the label is laid out at its full wrapped height (nothing clipped) ...
    assert banner.height() >= banner.heightForWidth(banner.width()) - 1
    # ... the scroll area is as tall as the text, up to BANNER_MAX_LINES lines ...
    cap = banner.fontMetrics().lineSpacing() * lab.BANNER_MAX_LINES + 12
    view = scroll.viewport().height()
    assert view >= min(banner.height(), cap) - 1, (view, banner.height(), cap)
    # ... and what does not fit is reached with a scroll bar that is shown
    hidden = banner.height() - view
    bar = scroll.verticalScrollBar()
    assert bar.maximum() >= hidden
    assert bar.isVisible() == (hidden > 1), (hidden, bar.isVisible())
    assert scroll.height() > 4 * banner.fontMetrics().lineSpacing()
    # back to one optimizer: the banner shrinks again
    lab.set_optimizers(["gd"])
    qtbot.wait(50)
    assert scroll.height() < 4 * banner.fontMetrics().lineSpacing() + 20


def test_preset_replaces_invalid_text_even_if_function_is_unchanged(qtbot, lab):
    assert lab.state["preset"] == "chapter"
    type_function(qtbot, lab, "x^2 + (y")
    assert lab.error_label.isVisible()
    assert lab.state["function"] == PRESETS["chapter"]["function"]
    idx = lab.preset_combo.findData("chapter")
    lab.preset_combo.activated.emit(idx)
    assert lab.editor.text() == PRESETS["chapter"]["function"]
    assert not lab.error_label.isVisible() and lab.error_text() == ""
    # also through apply_preset (what lessons call) with an equal function
    type_function(qtbot, lab, "x^^2")
    assert lab.error_label.isVisible()
    lab.apply_preset("chapter")
    assert lab.editor.text() == PRESETS["chapter"]["function"]
    assert not lab.error_label.isVisible()


def _core_keys() -> set[str]:
    src = (ROOT / "core" / "expression.py").read_text(encoding="utf-8")
    keys = set()
    for m in re.finditer(r"ExpressionError\(", src):
        i, depth = m.end(), 1
        while depth:
            depth += {"(": 1, ")": -1}.get(src[i], 0)
            i += 1
        call = " ".join(src[m.end():i - 1].split())
        keys.update(re.findall(r'(?<=,)\s*"([a-z_]+)"', call))
    return keys


def test_every_core_error_key_has_a_message():
    keys = _core_keys()
    assert {"keyword", "bad_name", "subscript", "comparison", "mismatched", "sqrt",
            "unclosed", "unmatched_close"} <= keys
    missing = keys - set(_templates())
    assert not missing, missing


@pytest.mark.parametrize("text, key, needle", [
    ("x^2 + [y", "unclosed", "'['"),
    ("x^2 + (y", "unclosed", "'('"),
    ("x + y]", "unmatched_close", "'['"),
    ("x < y", "comparison", "'<'"),
    ("lambda + x", "keyword", "lambda"),
    ("x[1] + y", "subscript", "x1"),
])
def test_messages_use_the_error_params(qapp, text, key, needle):
    with pytest.raises(ExpressionError) as info:
        parse(text)
    exc = info.value
    if exc.key != key:
        pytest.skip(f"the core reports {exc.key!r} for {text!r}")
    assert needle in expression_error_message(exc)


def test_error_messages_are_translated_in_both_labs(qtbot, lab, settings_tmp):
    from gui.chain_lab import ChainLab
    chain = ChainLab(Session())
    qtbot.addWidget(chain)
    try:
        gapp.set_language("zh_CN")
        with pytest.raises(ExpressionError) as info:
            parse("x^2 + [y")
        zh = expression_error_message(info.value)
        assert "“[”" in zh and "闭合" in zh
        type_function(qtbot, lab, "x^2 + [y")
        assert zh in lab.error_text()
        fld = chain.sections["single"].f_field
        fld.edit.setText("u^2 + [u")
        fld._on_edited(fld.edit.text())
        with pytest.raises(ExpressionError) as info:
            parse("u^2 + [u", ("u",))
        assert expression_error_message(info.value) in fld.error.text()
        assert "闭合" in fld.error.text()
    finally:
        gapp.set_language("en")


def test_speed_tooltip_says_steps_per_second(qtbot, qapp):
    c = StepControls()
    qtbot.addWidget(c)
    tip = c.sps.toolTip()
    assert "steps per second" in tip and "frames per second" not in tip
    assert QCoreApplication.translate("StepControls", tip) != ""


def _controls(lab):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QSlider,
        QTabBar,
    )
    out = []
    for cls in (QLineEdit, QAbstractSpinBox, QSlider, QComboBox, QAbstractButton):
        for w in lab.findChildren(cls):
            parent = w.parentWidget()
            if isinstance(w, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
                continue  # the editor inside a spin/combo box
            # Qt's own parts (named qt_* only in newer Qt versions)
            if isinstance(parent, QTabBar) or w.objectName().startswith("qt_") \
                    or w.metaObject().className() in ("QLineEditIconButton",
                                                      "QTableCornerButton"):
                continue
            if w.isVisibleTo(lab):
                out.append(w)
    return out


@pytest.mark.parametrize("tab", ["descent", "regression", "chain"])
def test_every_visible_control_has_a_tooltip_in_both_languages(qtbot, settings_tmp, tab):
    from gui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_lab(tab)
    lab = w.labs[tab]
    pages = [None]
    if tab == "chain":
        pages = ["single", "multi", "vector", "neuron"]
    try:
        for lang in ("en", "zh_CN"):
            w.set_language(lang)
            qtbot.wait(20)
            for page in pages:
                if page:
                    lab.show_section(page)
                    qtbot.wait(20)
                from PySide6.QtWidgets import QTabWidget
                tabs = [t for t in lab.findChildren(QTabWidget) if t.isVisibleTo(lab)]
                for tw in tabs or [None]:
                    for i in range(tw.count() if tw else 1):
                        if tw:
                            tw.setCurrentIndex(i)
                            qtbot.wait(10)
                        ctl = _controls(lab)
                        missing = [f"{type(c).__name__} {getattr(c, 'text', str)()}"
                                   for c in ctl if not c.toolTip().strip()]
                        assert not missing, (lang, page, i, missing)
                        if lang == "zh_CN":
                            english = [c.toolTip() for c in ctl
                                       if not re.search(r"[\u4e00-\u9fff]", c.toolTip())]
                            assert not english, (page, i, english[:5])
    finally:
        gapp.set_language("en")


def test_ctrl_digit_switches_labs_from_the_view_menu(qtbot, settings_tmp):
    from PySide6.QtGui import QKeySequence

    from gui.main_window import LABS, MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    for i, (name, _m, _c) in enumerate(LABS):
        act = w.lab_actions[name]
        assert act.shortcut() == QKeySequence(f"Ctrl+{i + 1}")
        assert act in w.view_menu.actions() and act.text() == w.tabs.tabText(i)
    w.lab_actions["regression"].trigger()
    assert w.tabs.currentIndex() == [n for n, _m, _c in LABS].index("regression")
    w.lab_actions["descent"].trigger()
    assert w.tabs.currentIndex() == [n for n, _m, _c in LABS].index("descent")


def test_home_end_p_keys_drive_the_stepper_but_not_text_fields(qtbot, lab):
    n = lab.traj_cursor.length - 1
    assert n > 2
    lab.setFocus()
    qtbot.keyClick(lab, Qt.Key.Key_End)
    assert lab.current_index() == n
    qtbot.keyClick(lab, Qt.Key.Key_Home)
    assert lab.current_index() == 0
    qtbot.keyClick(lab, Qt.Key.Key_P)
    assert lab.controls.play_button.isChecked()
    qtbot.keyClick(lab, Qt.Key.Key_P)
    assert not lab.controls.play_button.isChecked()
    # in the function editor the keys edit text; the run stays where it is
    lab.step(2)
    lab.editor.setFocus()
    lab.editor.setCursorPosition(3)
    qtbot.keyClick(lab.editor, Qt.Key.Key_Home)
    qtbot.keyClick(lab.editor, Qt.Key.Key_End)
    assert lab.editor.cursorPosition() == len(lab.editor.text())
    assert lab.current_index() == 2 and not lab.controls.play_button.isChecked()
    for w in (lab.controls.reset_button, lab.controls.run_button, lab.controls.play_button):
        assert re.search(r"\((Home|End|P)\)", w.toolTip())
