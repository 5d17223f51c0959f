"""View → Theme → Dark across the labs: the 3D views, the chain cards, the descent
banner and the Regression Lab's plots follow it and stay readable (every label of
every lab, in both start-up paths: tests/gui/test_dark_complete.py).

Colours are checked by what is painted (pixels of grabbed frames) and by the
palette's roles, never against the app's own colour constants."""
from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from gui.shell import app as gapp


@pytest.fixture
def descent(make_descent_lab):
    return make_descent_lab()


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


def _pixel_lightness(img, x: int, y: int) -> int:
    return img.pixelColor(x, y).lightness()


def _lightness(color) -> int:
    return QColor(color).lightness()


# ----------------------------------------------------------------- descent and chain
@pytest.mark.gl
def test_surface_view_follows_the_dark_theme(qtbot, descent, dark_theme):
    qtbot.wait(200)
    img = descent.surface.gl.grabFramebuffer()
    assert _pixel_lightness(img, 3, 3) > 200  # light background under the light theme
    dark_theme("dark")
    qtbot.wait(200)
    img = descent.surface.gl.grabFramebuffer()
    window = descent.palette().color(QPalette.ColorRole.Window)
    assert window.lightness() < 128
    assert _pixel_lightness(img, 3, 3) < 60  # the corner of the 3D view is dark too
    # the axis labels became light, so they stay readable on the dark background
    assert all(item.color.lightness() > 150 for item in descent.surface._labels.values())
    dark_theme("light")
    qtbot.wait(200)
    img = descent.surface.gl.grabFramebuffer()
    assert _pixel_lightness(img, 3, 3) > 200


@pytest.mark.gl
def test_chain_vector_view_follows_the_dark_theme(qtbot, make_chain_lab, dark_theme):
    chain = make_chain_lab()
    chain.show_section("vector")
    sec = chain.sections["vector"]
    qtbot.wait(200)
    assert _pixel_lightness(sec.gl_view.grabFramebuffer(), 3, 3) > 200
    dark_theme("dark")
    qtbot.wait(200)
    assert _pixel_lightness(sec.gl_view.grabFramebuffer(), 3, 3) < 60
    # and a chain lab built while the dark theme is on starts dark
    other = make_chain_lab(1200, 800)
    other.show_section("vector")
    qtbot.wait(200)
    assert _pixel_lightness(other.sections["vector"].gl_view.grabFramebuffer(), 3, 3) < 60


def _card_of(label):
    card = label.parentWidget()
    while card is not None and card.objectName() != "card":
        card = card.parentWidget()
    assert card is not None
    return card


def _card_lightness(chain, qtbot) -> tuple[int, int, int]:
    """(the card's painted background, the label's text colour, the painted pixel
    of the table farthest from the background) in lightness (0-255)."""
    chain.show_section("neuron")
    qtbot.wait(100)
    label = chain.sections["neuron"].table_label
    card = _card_of(label)
    img = card.grab().toImage()
    background = img.pixelColor(img.width() // 2, img.height() - 6).lightness()
    at = label.mapTo(card, QPoint(0, 0))  # the table itself (the card title has its own colour)
    xs = range(at.x(), min(img.width(), at.x() + label.width()), 2)
    ys = range(at.y(), min(img.height(), at.y() + label.height()), 2)
    farthest = max((img.pixelColor(x, y).lightness() for x in xs for y in ys),
                   key=lambda v: abs(v - background))
    text = label.palette().color(QPalette.ColorRole.WindowText).lightness()
    return background, text, farthest


def test_chain_cards_are_dark_with_light_text_under_the_dark_theme(qtbot, make_chain_lab,
                                                                   dark_theme):
    """The cards were light boxes in the dark theme; now they are dark surfaces
    with light text, whether the lab is built under the dark theme (the main window
    builds a lab when its tab is first shown) or the theme is switched live."""
    dark_theme("dark")
    built_dark = make_chain_lab(1400, 860)
    background, text, farthest = _card_lightness(built_dark, qtbot)
    assert background < 80, background  # a dark card ...
    assert text > 180, text  # ... its text colour is light (whatever the fonts) ...
    assert farthest > background + 100, (farthest, background)  # ... and painted light
    dark_theme("light")
    switched = make_chain_lab(1400, 860)
    background, text, farthest = _card_lightness(switched, qtbot)
    assert background > 200 and text < 80 and farthest < background - 100
    dark_theme("dark")
    qtbot.wait(100)
    background, text, farthest = _card_lightness(switched, qtbot)
    assert background < 80 and text > 180 and farthest > background + 100, \
        (background, text, farthest)


def test_descent_banner_follows_a_live_switch_to_dark(qtbot, descent, dark_theme):
    dark_theme("dark")
    qtbot.wait(50)
    dark_theme("light")
    dark_theme("dark")
    qtbot.wait(50)
    # the banner is a dark panel now, with light text, on the dark window
    img = descent.banner.grab().toImage()
    background = img.pixelColor(img.width() - 4, img.height() // 2).lightness()
    assert background < 80, background
    text = descent.banner.palette().color(QPalette.ColorRole.WindowText)
    assert text.lightness() > 180, text.name()
    title = descent.loss_title.palette().color(QPalette.ColorRole.WindowText)
    assert title.lightness() > 150, title.name()  # on the dark window


# ----------------------------------------------------------------- regression lab
def _empty_plot_pixel(lab):
    """The colour of a pixel of the data plot where no item is drawn: of a grid of
    places inside the view box, the one farthest on screen from every point and
    curve, outside the legend and every other item (only the grid may pass there).
    Nothing depends on fonts or on where the fit line happens to run."""
    plot, vb = lab.plot, lab.viewbox
    img = plot.grab().toImage()
    ratio = img.width() / plot.width()
    offset = plot.viewport().pos()

    def to_px(scene_point) -> tuple[float, float]:
        p = plot.mapFromScene(scene_point) + offset
        return p.x(), p.y()

    segments, boxes = [], []  # (x0, y0, x1, y1) in widget pixels
    for item in list(vb.addedItems) + list(vb.childItems()):
        frame = (vb.childGroup, getattr(vb, "background", None), getattr(vb, "borderRect", None))
        if not item.isVisible() or item in frame:
            continue
        data = item.getData() if hasattr(item, "getData") else None
        if data is not None and data[0] is not None:
            pts = [to_px(vb.mapViewToScene(QPointF(float(x), float(y))))
                   for x, y in zip(*data, strict=True) if np.isfinite(x) and np.isfinite(y)]
            segments += [(*a, *b) for a, b in zip(pts, pts[1:], strict=False)]
            segments += [(*a, *a) for a in pts]  # single points, too
        else:
            r = item.sceneBoundingRect()
            (x0, y0), (x1, y1) = to_px(r.topLeft()), to_px(r.bottomRight())
            boxes.append((x0, y0, x1, y1))
    seg = np.array(segments, float).reshape(-1, 4)
    area = vb.sceneBoundingRect()
    (ax0, ay0), (ax1, ay1) = to_px(area.topLeft()), to_px(area.bottomRight())
    best, best_clear = None, -1.0
    for cx in np.linspace(ax0 + 8, ax1 - 8, 40):
        for cy in np.linspace(ay0 + 8, ay1 - 8, 30):
            if any(x0 - 8 <= cx <= x1 + 8 and y0 - 8 <= cy <= y1 + 8
                   for x0, y0, x1, y1 in boxes):
                continue
            d = seg[:, 2:] - seg[:, :2]
            t = np.clip(((cx - seg[:, 0]) * d[:, 0] + (cy - seg[:, 1]) * d[:, 1])
                        / np.maximum((d ** 2).sum(axis=1), 1e-12), 0, 1)
            dist = np.hypot(seg[:, 0] + t * d[:, 0] - cx, seg[:, 1] + t * d[:, 1] - cy)
            clear = float(dist.min()) if len(dist) else np.inf
            if clear > best_clear:
                best, best_clear = (cx, cy), clear
    assert best is not None and best_clear > 20, (best, best_clear)  # a truly empty place
    return img.pixelColor(int(best[0] * ratio), int(best[1] * ratio))


def test_dark_theme_keeps_the_regression_lab_readable(win, qtbot):
    """View → Theme → Dark left the lab's hard-coded light colours: a white plot grid
    and legend, and grey-on-dark text (#555 bound label, #333 plot titles)."""
    win.show_lab("regression")
    r = win.labs["regression"]
    r.tabs.setCurrentIndex(3)
    r.run_descent()
    try:
        win.set_theme("dark")
        QApplication.processEvents()
        bg = r.palette().color(QPalette.ColorRole.Window).lightness()
        assert bg < 100
        # texts set by style sheets are light on the dark window
        for label in (r.bound_label, r.hint_label, r.source_label):
            m = re.search(r"color:\s*(#[0-9a-fA-F]{3,6})", label.styleSheet())
            assert m and _lightness(m.group(1)) - bg > 80, label.styleSheet()
        # the grid is dim and the legend dark with light text
        assert _lightness(r.plot._major.color()) < 100
        assert r.legend.opts["brush"].color().lightness() < 100
        assert r.legend.items
        for _sample, text in r.legend.items:
            assert _lightness(text.opts["color"]) > 180, text.opts["color"]
        title = r.loss_plot.getPlotItem().titleLabel
        assert title.text == "Loss C per step" and _lightness(title.opts["color"]) > 180
        # the plot's background is dark, and so is what is painted where no item is
        assert r.plot.backgroundBrush().color().lightness() < 100
        assert _empty_plot_pixel(r).lightness() < 100
    finally:
        win.set_theme("light")
        QApplication.processEvents()
    assert _lightness(r.plot._major.color()) > 200
    assert r.legend.opts["brush"].color().lightness() > 240
    assert r.plot.backgroundBrush().color().lightness() > 240
    assert _empty_plot_pixel(r).lightness() > 200
