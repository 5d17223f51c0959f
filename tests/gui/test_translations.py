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

from gui import app as gapp  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402

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
