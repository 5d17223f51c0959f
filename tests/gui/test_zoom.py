"""View → Zoom in / Zoom out / Actual size and Presentation: one zoom for the
application font, the plots' ticks, axis titles and legends, pen widths and the
3D labels; 80 %–200 %, remembered in the settings."""
from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from gui.theme import zoom


@pytest.fixture(autouse=True)
def _actual_size_afterwards():
    yield
    zoom.notifier().set(1.0, False)
    from gui.shell import app as gapp
    gapp.apply_zoom()


def _tick_pt(pw: pg.PlotWidget) -> float:
    return pw.getPlotItem().getAxis("bottom").style["tickFont"].pointSizeF()


def test_zoom_menu_scales_fonts_and_plots_and_is_remembered(win, qtbot, settings_tmp):
    for key, seq in (("in", "Ctrl+="), ("out", "Ctrl+-"), ("reset", "Ctrl+0")):
        act = win.zoom_actions[key]
        assert act in win.view_menu.actions() and act.text()
        assert QKeySequence(seq) in act.shortcuts()
    base_pt = QApplication.font().pointSizeF()
    win.build_current_lab()
    lab = win.labs["descent"]
    pw = lab.loss_plot
    assert _tick_pt(pw) == pytest.approx(9.0)
    win.zoom_actions["in"].trigger()
    assert zoom.factor() == pytest.approx(1.1)
    assert QApplication.font().pointSizeF() == pytest.approx(base_pt * 1.1)
    assert _tick_pt(pw) == pytest.approx(9.0 * 1.1)
    for _ in range(20):  # stops at 200 %
        win.zoom_actions["in"].trigger()
    assert zoom.factor() == pytest.approx(2.0)
    assert not win.zoom_actions["in"].isEnabled()
    assert QApplication.font().pointSizeF() == pytest.approx(base_pt * 2.0)
    ax = pw.getPlotItem().getAxis("bottom")
    assert ax.labelStyle["font-size"] == "20.0pt"
    # the loss curves are drawn twice as thick (once the event loop has delivered
    # the font change to the panels)
    qtbot.waitUntil(lambda: lab.loss.loss_curves["gd"].opts["pen"].widthF() == 4.0)
    for _ in range(20):  # … and at 80 %
        win.zoom_actions["out"].trigger()
    assert zoom.factor() == pytest.approx(0.8)
    assert not win.zoom_actions["out"].isEnabled()
    win.zoom_actions["in"].trigger()
    win.zoom_actions["in"].trigger()
    assert zoom.factor() == pytest.approx(1.0)
    win.zoom_actions["in"].trigger()
    win.zoom_actions["in"].trigger()
    assert zoom.factor() == pytest.approx(1.25)  # 100 → 110 → 125 %
    # remembered: a new window starts at 125 %
    zoom.notifier().set(1.0)
    from gui.shell.main_window import MainWindow
    w2 = MainWindow()
    qtbot.addWidget(w2)
    assert zoom.factor() == pytest.approx(1.25)
    w2.zoom_actions["reset"].trigger()
    assert zoom.factor() == pytest.approx(1.0)
    assert QApplication.font().pointSizeF() == pytest.approx(base_pt)
    assert _tick_pt(pw) == pytest.approx(9.0)


def test_presentation_is_150_percent_with_thicker_lines(win, qtbot):
    win.build_current_lab()
    lab = win.labs["descent"]
    curve_pen = lab.views.curve.opts["pen"]
    assert curve_pen.widthF() == pytest.approx(2.5)
    win.act_presentation.trigger()
    assert win.act_presentation.isChecked()
    assert zoom.factor() == pytest.approx(1.5) and zoom.notifier().presentation
    # the descent curve: 2.5 px at 100 %, × 1.5 zoom × 1.5 thicker
    qtbot.waitUntil(lambda: lab.views.curve.opts["pen"].widthF() == pytest.approx(5.625))
    assert lab.contour.start_marker.pen.widthF() == pytest.approx(2 * 2.25)
    win.act_presentation.trigger()
    assert zoom.factor() == pytest.approx(1.0) and not zoom.notifier().presentation
    qtbot.waitUntil(lambda: lab.views.curve.opts["pen"].widthF() == pytest.approx(2.5))


def test_axis_titles_carry_no_untranslated_scale_suffix(win, qtbot):
    """pyqtgraph writes “(x0.001)” after an axis title when it rescales the ticks;
    the ticks show the values themselves instead."""
    win.build_current_lab()
    lab = win.labs["descent"]
    lab.step(3)
    for pw in lab.findChildren(pg.PlotWidget):
        for name in ("left", "bottom"):
            assert "(x" not in pw.getPlotItem().getAxis(name).labelString()


def test_first_window_fits_the_screen(win):
    avail = win.screen().availableGeometry()
    assert win.frameGeometry().width() <= avail.width()
    assert win.frameGeometry().height() <= avail.height()


def test_regression_lines_and_markers_follow_the_zoom(win, qtbot):
    """The Regression Lab's fit line, residuals and points were drawn at one size
    whatever the zoom; they follow it like the other labs'."""
    win.show_lab("regression")
    win.build_current_lab()
    lab = win.labs["regression"]
    fit_width = lab.data_plot.fit_curve.opts["pen"].widthF()
    size = lab.data_plot.scatter.opts["size"]
    win.set_zoom(2.0, False)
    qtbot.waitUntil(lambda: lab.data_plot.fit_curve.opts["pen"].widthF()
                    == pytest.approx(2 * fit_width))
    assert lab.data_plot.scatter.opts["size"] == pytest.approx(2 * size)
    assert lab.data_plot.residual_curve.opts["pen"].widthF() == pytest.approx(2.0)
    win.set_zoom(1.0, False)
    qtbot.waitUntil(lambda: lab.data_plot.fit_curve.opts["pen"].widthF()
                    == pytest.approx(fit_width))


DPR_PROBE = """
import sys
from gui.shell import app as gapp
gapp.prepare_qt()
app = gapp.make_app([])
import pyqtgraph as pg
from gui.theme import zoom
w = pg.PlotWidget(); w.resize(300, 200); w.setBackground("w"); w.show()
pi = w.getPlotItem(); pi.hideAxis("left"); pi.hideAxis("bottom")
w.plot([0, 10], [5, 5], pen=pg.mkPen("r", width=zoom.line(2)))
w.setRange(xRange=(0, 10), yRange=(0, 10))
for _ in range(5):
    app.processEvents()
img = w.grab().toImage()
col = img.width() // 3
rows = [y for y in range(img.height()) if img.pixelColor(col, y).red() > 150
        and img.pixelColor(col, y).green() < 110]
print("RATIO", w.devicePixelRatioF(), "ROWS", len(rows))
"""


@pytest.mark.parametrize("scale", ["1", "2"])
def test_lines_keep_their_thickness_on_a_2x_screen(scale):
    """pyqtgraph's pens are cosmetic (their width is in device pixels): at a device
    pixel ratio of 2 every line was half as thick.  A 2 px line is 2 device pixels
    at 1× and 4 at 2×, in a real window (QT_SCALE_FACTOR gives the ratio)."""
    import os

    from tests.support import run_python

    proc = run_python(DPR_PROBE, env={**os.environ, "QT_SCALE_FACTOR": scale})
    assert proc.returncode == 0, proc.stderr[-2000:]
    words = proc.stdout.split()
    ratio, rows = float(words[words.index("RATIO") + 1]), int(words[words.index("ROWS") + 1])
    assert ratio == float(scale)
    assert rows == 2 * int(scale)
