"""Both languages are complete: every user-visible string has Chinese, the
compiled .qm is current, placeholders survive, and switching at run time
relabels the window."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import translations as T  # noqa: E402

from gui.shell import app as gapp  # noqa: E402
from gui.shell.main_window import MainWindow  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d")


def test_every_source_string_has_a_chinese_translation():
    missing = T.untranslated()
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"


def test_ts_file_is_complete_and_placeholders_match():
    msgs = T.messages(T.TS)
    assert len(msgs) > 300
    bad = []
    for ctx, src, msg in msgs:
        tr = msg.find("translation")
        if tr is None or not (tr.text or "").strip() or tr.get("type") == "unfinished":
            bad.append((ctx, src, "untranslated"))
            continue
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(tr.text)):
            bad.append((ctx, src, tr.text))
        if ("<" in src) != ("<" in tr.text) and re.search(r"</?\w+>", src):
            bad.append((ctx, src, "html lost"))
    assert not bad, bad[:5]


def test_qm_is_compiled_from_the_current_ts():
    """The .qm the app loads says what the .ts says, for every message (compared by
    content, not by file times, which a checkout or copy does not keep)."""
    from PySide6.QtCore import QTranslator

    assert T.QM.exists()
    qm = QTranslator()
    assert qm.load(str(T.QM))
    msgs = T.messages(T.TS)
    stale = [(ctx, src) for ctx, src, msg in msgs
             if qm.translate(ctx, src) != (msg.findtext("translation") or "")]
    assert len(msgs) > 300 and not stale, f"{len(stale)} stale, e.g. {stale[:5]}"


def test_switching_language_at_run_time(qtbot, settings_tmp):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    try:
        w.set_language("zh_CN")
        assert QCoreApplication.translate("MainWindow", "Gradient Descent") == "梯度下降法"
        assert [w.tabs.tabText(i) for i in range(3)] == ["梯度下降法", "回归分析", "链式法则"]
        assert "梯度实验室" in w.windowTitle()
        w.set_language("en")
        assert [w.tabs.tabText(i) for i in range(3)] == ["Gradient Descent", "Regression",
                                                         "Chain Rule"]
    finally:
        gapp.set_language("en")


@pytest.mark.parametrize("tab", ["descent", "regression", "chain"])
def test_no_english_left_on_screen_in_chinese(qtbot, settings_tmp, tab):
    """Visible labels and buttons of each lab are Chinese after switching."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_lab(tab)
    try:
        w.set_language("zh_CN")
        qtbot.wait(50)
        lab = w.labs[tab]
        texts = [x.text() for x in lab.findChildren(QLabel) + lab.findChildren(QAbstractButton)
                 if x.isVisible() and x.text()]
        plain = [re.sub(r"<[^>]+>", " ", t) for t in texts]
        english = [t for t in plain
                   if re.search(r"\b[A-Za-z]{4,}\b", t)
                   and not re.search(r"[\u4e00-\u9fff]", t)]
        # proper names and math are allowed in Latin letters
        allowed = re.compile(r"Adam|RMSProp|AdaGrad|Nesterov|Momentum|Rosenbrock|Himmelblau|"
                             r"Anscombe|GradLab|sigmoid|tanh|ReLU|relu|identity|exp|sqrt|"
                             r"CSV|SSE|MSE|Galton|Pearson|lr|weight_decay|betas|eps|alpha|"
                             r"amsgrad|centered|dampening|lr_decay|momentum|nesterov|"
                             r"initial_accumulator_value|beta1|beta2|maximize|sin|cos|log|ln")
        leftover = [t for t in english if not allowed.search(t)]
        assert not leftover, leftover[:8]
    finally:
        gapp.set_language("en")


def test_data_set_source_is_chinese_where_it_is_prose(make_regression_lab):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    from core.datasets import load_dataset

    lab = make_regression_lab()

    def shown(label) -> str:  # the rich text as a user reads it
        doc = QTextDocument()
        doc.setHtml(label.text())
        return doc.toPlainText()

    for did in ("chapter_heights", "women_1975", "cars_1920s", "anscombe_1"):
        lab.load_dataset(did)
        # in English the source is exactly the core's citation
        assert load_dataset(did).source in shown(lab.source_label)
    try:
        assert gapp.set_language("zh_CN")
        QApplication.processEvents()
        lab.load_dataset("chapter_heights")
        text = lab.source_label.text()
        assert "来源" in text and "第 3.4 节" in text
        assert "section 3.4" not in text and "Python example" not in text
        lab.load_dataset("women_1975")
        text = lab.source_label.text()
        assert "The World Almanac and Book of Facts" in text  # the title stays as published
        assert "美国女性" in text and "American women" not in text
        lab.load_dataset("anscombe_1")
        assert "Graphs in Statistical Analysis" in lab.source_label.text()  # a citation
    finally:
        gapp.set_language("en")


# ------------------------------------------------------------------ tooltips
def test_speed_tooltip_says_steps_per_second(qtbot, qapp):
    from gui.views.stepper import StepControls

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
def test_every_visible_control_has_a_tooltip_in_both_languages(qtbot, win, tab):
    from PySide6.QtWidgets import QTabWidget

    win.show_lab(tab)
    lab = win.labs[tab]
    pages = [None]
    if tab == "chain":
        pages = ["single", "multi", "vector", "neuron"]
    try:
        for lang in ("en", "zh_CN"):
            win.set_language(lang)
            qtbot.wait(20)
            for page in pages:
                if page:
                    lab.show_section(page)
                    qtbot.wait(20)
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


def test_messages_about_refused_sessions_are_translated(qapp):
    from core.sessionfile import SessionFileError
    from gui.labs.fields import StateError
    from gui.text.state_messages import session_error_message, state_error_message

    err = StateError("start.x", "not_finite")
    err.lab = "descent"
    try:
        gapp.set_language("zh_CN")
        text = state_error_message(err)
        assert "梯度下降法" in text and "start.x" in text and "有限" in text
        assert "JSON" in session_error_message(SessionFileError("damaged", "not_json"))
        assert re.search(r"[\u4e00-\u9fff]",
                         session_error_message(SessionFileError("damaged", "not_json")))
    finally:
        gapp.set_language("en")
    assert "Gradient Descent" in state_error_message(err)


def test_optimizer_settings_are_labelled_in_chinese(make_descent_lab):
    """「η (lr)」 and 「weight_decay」 stayed English: each row now names the setting in
    the user's language, with torch.optim's name after it."""
    lab = make_descent_lab()
    gapp.set_language("zh_CN")
    try:
        from gui.labs.descent.controls import OptimizerBox

        box = lab.findChild(OptimizerBox)
        index = box.hyper_combo.findData("adam")
        box.hyper_combo.setCurrentIndex(index)
        labels = {k: box.hyper_form.labelForField(e).text() for k, e in box.hyper_edits.items()}
        assert labels["lr"] == "学习率 η（lr）"
        assert labels["weight_decay"] == "权重衰减 λ（weight_decay）"
        box.hyper_combo.setCurrentIndex(box.hyper_combo.findData("momentum"))
        labels = {k: box.hyper_form.labelForField(e).text() for k, e in box.hyper_edits.items()}
        assert labels["momentum"] == "动量 μ（momentum）"
        assert labels["dampening"] == "阻尼（dampening）"
    finally:
        gapp.set_language("en")
    QCoreApplication.processEvents()  # the LanguageChange events
    labels = {k: box.hyper_form.labelForField(e).text() for k, e in box.hyper_edits.items()}
    assert labels["lr"] == "Learning rate η (lr)"  # relabelled on the way back


def test_no_translate_alias_hides_texts_from_lupdate():
    """pyside6-lupdate finds tr(), translate() and QT_TRANSLATE_NOOP() calls by name:
    ``t = QCoreApplication.translate; t("Export", …)`` kept the picture menu out of
    the catalogue, so it stayed English in Chinese mode."""
    import ast

    root = Path(__file__).resolve().parents[2]
    bad = []
    for path in [root / "main.py", *sorted((root / "gui").rglob("*.py"))]:
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.ImportFrom):
                bad += [f"{path.name}: import {a.name} as {a.asname}" for a in node.names
                        if a.asname and a.name in ("translate", "QT_TRANSLATE_NOOP", "tr")]
                continue
            else:
                continue
            if isinstance(value, ast.Attribute) and value.attr == "translate":
                bad += [f"{path.name}:{node.lineno}" for t in targets
                        if isinstance(t, ast.Name) and t.id != "translate"]
    assert not bad, bad
