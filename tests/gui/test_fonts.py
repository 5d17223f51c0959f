"""Fonts: a real UI family first and the CJK family as its fallback, so "½" and
the app's math symbols are drawn from a font that has them (WenQuanYi Micro Hei
draws ½ as ¹⁄: it must not be first when a Latin UI family is installed).

Glyphs are checked with QRawFont.supportsCharacter over the application font's
families in their fallback order, so the test holds whichever fonts are installed."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from gui.shell import app as gapp

#: every math symbol the app's texts use (formulas, step panels, the chapter)
MATH = "½−∂∇ηθΔ≈·×²³⁻⁶₀₁₂ₖ₊→←↑↓∞√∑λ′≤≥±∈ΣÅé—…●▶◀"
CHINESE = "梯度下降法链式法则回归分析，。（）"


def _first_with(ch: str, families: list[str]) -> str | None:
    for fam in families:
        if QRawFont.fromFont(QFont(fam)).supportsCharacter(ord(ch)):
            return fam
    return None


def test_a_real_ui_family_comes_first(qapp):
    families = QApplication.font().families()
    installed = set(QFontDatabase.families())
    assert families, "the application font names its families"
    assert families[0] != "Sans Serif"
    assert families[0] in installed
    latin = [f for f in gapp.UI_FAMILIES if f in installed]
    if latin:
        assert families[0] == latin[0]
        assert families[0] not in gapp.CJK_FAMILIES
    cjk = [f for f in gapp.CJK_FAMILIES if f in installed]
    assert [f for f in families if f in gapp.CJK_FAMILIES] == cjk


def test_font_families_order_is_ui_then_cjk(qapp):
    got = gapp.font_families({"WenQuanYi Micro Hei", "DejaVu Sans", "Noto Sans"})
    assert got == ["Noto Sans", "WenQuanYi Micro Hei"]
    got = gapp.font_families({"WenQuanYi Micro Hei", "DejaVu Sans"})
    assert got == ["DejaVu Sans", "WenQuanYi Micro Hei"]


@pytest.mark.parametrize("ch", list(MATH + CHINESE))
def test_every_symbol_has_a_glyph_in_the_app_fonts(qapp, ch):
    families = QApplication.font().families()
    fam = _first_with(ch, families)
    if fam is None:
        if _first_with(ch, QFontDatabase.families()) is None:
            pytest.skip(f"no installed font has a glyph for U+{ord(ch):04X}")
        pytest.fail(f"U+{ord(ch):04X} {ch!r}: no glyph in {families}")
    if ch == "½" and any(f in QFontDatabase.families() for f in gapp.UI_FAMILIES):
        # drawn by the UI family, never by WenQuanYi's broken ½
        assert fam not in gapp.CJK_FAMILIES


def _no_cjk_window(qtbot, monkeypatch, language: str):
    from gui.shell.main_window import MainWindow

    monkeypatch.setattr(gapp, "has_cjk_font", lambda: False)
    gapp.set_language(language)
    w = MainWindow(persistent=False)
    qtbot.addWidget(w)
    return w


def test_no_chinese_font_is_said_once_in_english_too(qtbot, monkeypatch, settings_tmp):
    """Chinese chosen with no CJK font: the status bar says so once, naming the package,
    in English as well (its Chinese words would be boxes)."""
    w = _no_cjk_window(qtbot, monkeypatch, "en")
    try:
        assert "fonts-noto-cjk" not in w.statusBar().currentMessage()
        w.set_language("zh_CN")
        said = w.statusBar().currentMessage()
        assert "No Chinese font is installed" in said and "fonts-noto-cjk" in said
        assert "中文字体" in said
        w.statusBar().clearMessage()
        w.set_language("en")
        w.set_language("zh_CN")
        assert w.statusBar().currentMessage() == ""  # once
    finally:
        gapp.set_language("en")


def test_no_chinese_font_at_start_up(qtbot, monkeypatch, settings_tmp):
    """Chinese restored from the settings (or --lang zh_CN) at start-up says it too."""
    try:
        w = _no_cjk_window(qtbot, monkeypatch, "zh_CN")
        assert "fonts-wqy-microhei" in w.statusBar().currentMessage()
    finally:
        gapp.set_language("en")
