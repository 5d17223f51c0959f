"""QA regressions for the Descent Lab, the Chain Rule Lab and the shared views.

Each test drives real widgets and checks what a user sees against independent
references (the known minima of Rosenbrock and Himmelblau, one-sided slopes of ReLU,
the colours of the dark palette), never against the app's own numbers.
"""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from gui import app as gapp
from gui.chain_lab import ChainLab
from gui.session import Session

# Himmelblau's four minima (f = 0), from the literature
HIMMELBLAU_MINIMA = [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186),
                     (3.584428, -1.848126)]


@pytest.fixture
def descent(make_descent_lab):
    return make_descent_lab()


@pytest.fixture
def chain(make_chain_lab):
    return make_chain_lab()


@pytest.fixture
def dark_theme(qapp):
    """View → Theme → Dark for one test (the palette the main window applies)."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())

    def switch(theme: str) -> None:
        gapp.apply_theme(qapp, theme)
        qapp.processEvents()

    yield switch
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.processEvents()


def _lightness(img, x: int, y: int) -> int:
    return img.pixelColor(x, y).lightness()


def _wait_basin(qtbot, lab) -> None:
    qtbot.waitUntil(lambda: not lab.basin_running(), timeout=20000)


# ----------------------------------------------------------------- dark theme
@pytest.mark.gl
def test_surface_view_follows_the_dark_theme(qtbot, descent, dark_theme):
    qtbot.wait(200)
    img = descent.surface.gl.grabFramebuffer()
    assert _lightness(img, 3, 3) > 200  # light background under the light theme
    dark_theme("dark")
    qtbot.wait(200)
    img = descent.surface.gl.grabFramebuffer()
    window = descent.palette().color(QPalette.ColorRole.Window)
    assert window.lightness() < 128
    assert _lightness(img, 3, 3) < 60  # the corner of the 3D view is dark too
    # the axis labels became light, so they stay readable on the dark background
    assert all(item.color.lightness() > 150 for item in descent.surface._labels.values())
    dark_theme("light")
    qtbot.wait(200)
    img = descent.surface.gl.grabFramebuffer()
    assert _lightness(img, 3, 3) > 200


@pytest.mark.gl
def test_chain_vector_view_follows_the_dark_theme(qtbot, chain, dark_theme):
    chain.show_section("vector")
    sec = chain.sections["vector"]
    qtbot.wait(200)
    assert _lightness(sec.gl_view.grabFramebuffer(), 3, 3) > 200
    dark_theme("dark")
    qtbot.wait(200)
    assert _lightness(sec.gl_view.grabFramebuffer(), 3, 3) < 60
    # and a chain lab built while the dark theme is on starts dark
    other = ChainLab(Session())
    qtbot.addWidget(other)
    other.resize(1200, 800)
    other.show()
    other.show_section("vector")
    qtbot.waitExposed(other)
    qtbot.wait(200)
    assert _lightness(other.sections["vector"].gl_view.grabFramebuffer(), 3, 3) < 60


def test_chain_cards_keep_dark_text_under_the_dark_theme(qtbot, qapp, settings_tmp,
                                                        dark_theme):
    """The cards keep their light background in the dark theme: their text must not
    take the dark palette's light text colour (it was unreadable).  The main window
    builds a lab when its tab is first shown, so the lab is made under the theme."""
    dark_theme("dark")
    chain = ChainLab(Session())
    qtbot.addWidget(chain)
    chain.resize(1400, 860)
    chain.show()
    qtbot.waitExposed(chain)
    chain.show_section("neuron")
    qtbot.wait(100)
    label = chain.sections["neuron"].table_label
    card = label.parentWidget()
    while card is not None and card.objectName() != "card":
        card = card.parentWidget()
    assert card is not None
    # the colour the label draws its text with (whatever the fonts) is dark ...
    assert label.palette().color(QPalette.ColorRole.WindowText).lightness() < 80
    # ... and what is painted: the darkest pixel of the label is its text, clearly
    # darker than the card's light background (how dark depends on the font's stems)
    img = card.grab().toImage()
    at = label.mapTo(card, QPoint(0, 0))  # the table itself (the card title has its own colour)
    xs = range(at.x(), min(img.width(), at.x() + label.width()), 2)
    ys = range(at.y(), min(img.height(), at.y() + label.height()), 2)
    darkest = min(img.pixelColor(x, y).lightness() for x in xs for y in ys)
    background = img.pixelColor(img.width() // 2, img.height() - 6).lightness()
    assert background > 200
    assert darkest < background - 100, (darkest, background)


def test_descent_banner_readable_after_switching_to_dark(qtbot, descent, dark_theme):
    dark_theme("dark")
    qtbot.wait(50)
    dark_theme("light")
    dark_theme("dark")
    qtbot.wait(50)
    # the banner stays a light panel; its text must stay dark
    text = descent.banner.palette().color(QPalette.ColorRole.WindowText)
    assert text.lightness() < 100, text.name()
    title = descent.loss_title.palette().color(QPalette.ColorRole.WindowText)
    assert title.lightness() > 150, title.name()  # on the dark window


# ----------------------------------------------------------------- basin map
def test_basin_map_does_not_call_unconverged_end_points_minima(qtbot, descent):
    descent.apply_preset("rosenbrock")
    descent.basin_check.setChecked(True)
    _wait_basin(qtbot, descent)
    # Rosenbrock has exactly one minimum, (1, 1); every "minimum" shown must be it
    for m in descent.basin_minima:
        assert np.allclose(m, [1.0, 1.0], atol=1e-2), m
    assert len(descent.basin_minima) <= 1
    assert "not converged" in descent.basin_status.text()


def test_basin_map_still_finds_himmelblaus_four_minima(qtbot, descent):
    descent.apply_preset("himmelblau")
    descent.basin_check.setChecked(True)
    _wait_basin(qtbot, descent)
    found = np.asarray(descent.basin_minima)
    assert len(found) == 4
    for ref in HIMMELBLAU_MINIMA:
        assert np.min(np.linalg.norm(found - np.asarray(ref), axis=1)) < 1e-3, ref


# ----------------------------------------------------------------- plot range
def test_inverted_plot_range_says_why(qtbot, descent):
    messages = []
    descent._session_ref.status.connect(messages.append)
    lo, hi, _ = descent._range_edits["x"]
    before = list(descent.state["ranges"]["x"])
    hi.setFocus()
    hi.selectAll()
    qtbot.keyClicks(hi, "-5")  # 'to' below 'from'
    hi.editingFinished.emit()
    assert descent.state["ranges"]["x"] == before
    assert hi.text() == f"{before[1]:g}"  # the field shows the range in force again
    assert messages and "'from' < 'to'" in messages[-1]


# ----------------------------------------------------------------- ReLU kink
def _cost(nr_params, **change):
    p = dict(nr_params, **change)
    z = p["w1"] * p["x1"] + p["w2"] * p["x2"] + p["b"]
    return 0.5 * (p["t"] - max(0.0, z)) ** 2


def test_relu_at_z_zero_explains_why_the_columns_disagree(qtbot, chain):
    chain.show_section("neuron")
    params = dict(w1=0.5, w2=-0.25, b=0.0, x1=1.0, x2=2.0, t=1.0)
    chain.set_neuron(activation="relu", **params)
    # independent check that this is the kink: the one-sided slopes in b differ
    h = 1e-7
    right = (_cost(params, b=h) - _cost(params)) / h
    left = (_cost(params) - _cost(params, b=-h)) / h
    assert right == pytest.approx(-1.0, abs=1e-6) and left == pytest.approx(0.0, abs=1e-6)
    text = chain.sections["neuron"].table_label.text()
    assert "kink" in text
    # away from the kink the note goes away
    chain.set_neuron(b=0.3)
    assert "kink" not in chain.sections["neuron"].table_label.text()
    assert isinstance(chain.sections["neuron"].table_label, QLabel)


# ----------------------------------------------------------------- start off the plot
def test_start_outside_the_plot_range_is_said(qtbot, descent):
    x_start, y_start = descent._range_edits["x"][2], descent._range_edits["y"][2]
    for field, text in ((x_start, "100"), (y_start, "-50")):
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
        field.editingFinished.emit()
    lo, hi = descent.state["ranges"]["x"]
    assert not lo <= 100 <= hi  # the chapter's plot is x, y ∈ [−1, 4]
    assert "outside the plotted range of x, y" in descent.status_text()
    # the run itself is fine: the chapter's minimum (1, 2) is still reached
    assert np.allclose(descent.trajectory("gd").final_point, [1.0, 2.0], atol=1e-5)
    x_start.setFocus()
    x_start.selectAll()
    qtbot.keyClicks(x_start, "0.5")
    x_start.editingFinished.emit()
    assert "outside the plotted range of y" in descent.status_text()
