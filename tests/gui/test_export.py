"""Pictures for slides: a whole lab or one plot, PNG at 1×, 2× and 3×, SVG whose
text is outlines (other renderers need none of our fonts), no Matplotlib entry."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from gui.views import export

SVG = "{http://www.w3.org/2000/svg}"


def _svg_tags(path) -> list[str]:
    return [e.tag for e in ET.parse(path).getroot().iter()]


@pytest.mark.parametrize("scale", [2, 3])
def test_a_lab_at_2x_and_3x_is_that_many_times_larger(win, tmp_path, scale):
    win.show_lab("regression")
    win.build_current_lab()
    one, many = tmp_path / "one.png", tmp_path / "many.png"
    assert win.export_picture(str(one), scale=1)
    assert win.export_picture(str(many), scale=scale)
    a, b = QImage(str(one)), QImage(str(many))
    lab = win.tabs.currentWidget()
    assert (a.width(), a.height()) == (lab.width(), lab.height())
    assert (b.width(), b.height()) == (scale * a.width(), scale * a.height())


def test_one_plot_alone_png_and_svg(win, tmp_path, qtbot):
    """A single plot (a pyqtgraph view, whose own render() takes other arguments)
    exports on its own, at 2× its size."""
    win.show_lab("regression")
    win.build_current_lab()
    plot = win.labs["regression"].plot
    qtbot.waitUntil(lambda: plot.isVisible() and plot.width() > 640)  # laid out
    png = tmp_path / "plot.png"
    assert export.save_picture(plot, str(png), 2)
    img = QImage(str(png))
    assert (img.width(), img.height()) == (2 * plot.width(), 2 * plot.height())
    svg = tmp_path / "plot.svg"
    assert export.save_picture(plot, str(svg))
    assert QSvgRenderer(str(svg)).isValid()


def test_svg_text_is_outlines_and_chinese_survives(qtbot, tmp_path):
    w = pg.PlotWidget()
    qtbot.addWidget(w)
    w.resize(400, 300)
    w.setTitle("等高线图 9.92×10⁻⁷")
    w.setLabel("bottom", "步")
    w.plot([1, 2, 3], [3, 1, 2])
    w.show()
    qtbot.waitExposed(w)
    path = tmp_path / "t.svg"
    assert export.save_svg(w, str(path))
    tags = _svg_tags(path)
    assert f"{SVG}text" not in tags
    # the title's outline: a filled path in the top band of the picture, as wide as
    # the text drawn on screen would be (at least a few glyphs)
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    img = QImage(400, 300, QImage.Format.Format_ARGB32)
    img.fill(0)
    from PySide6.QtGui import QPainter

    p = QPainter(img)
    renderer.render(p, QRectF(0, 0, 400, 300))
    p.end()
    lit = [x for x in range(400) for y in range(0, 28) if img.pixelColor(x, y).alpha() > 0]
    assert lit, "the title left no ink in the SVG"
    assert max(lit) - min(lit) > 60  # 「等高线图 9.92×10⁻⁷」 is wider than a glyph or two


def test_text_to_paths_keeps_the_fill_and_transform():
    src = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 50 20">'
           b'<g transform="matrix(1,0,0,1,5,3)" font-family="DejaVu Sans" font-size="9">'
           b'<text fill="#ff0000" x="1" y="12">x\xc2\xb2</text></g></svg>')
    out = ET.fromstring(export.text_to_paths(src))
    paths = list(out.iter(f"{SVG}path"))
    assert len(paths) == 1 and not list(out.iter(f"{SVG}text"))
    d = paths[0].get("d")
    assert paths[0].get("fill") == "#ff0000"
    assert d.startswith("M") and len(d) > 40
    xs = [float(t) for t in d.replace("M", " ").replace("L", " ").replace("C", " ").split()[::2]]
    assert 1 <= min(xs) < 3 and max(xs) < 1 + 9 * 96 / 72 * 2  # "x²" at 9 pt, from x = 1


def test_contour_map_has_a_picture_menu(win):
    win.show_lab("descent")
    win.build_current_lab()
    from gui.views.contour import ContourView

    maps = win.tabs.currentWidget().findChildren(ContourView)
    assert maps
    menu = export.picture_menu(maps[0])
    keys = [a.data() for a in menu.actions()]
    assert keys == ["png1", "png2", "png3", "svg"]


def test_no_matplotlib_entry_in_pyqtgraphs_export_dialog(win):
    from pyqtgraph.exporters import Exporter

    names = [getattr(e, "Name", "") for e in Exporter.Exporters]
    assert "Matplotlib Window" not in names
    assert "Image File (PNG, TIF, JPG, ...)" in names


@pytest.mark.parametrize("lab", ["descent", "regression"])
def test_pyqtgraphs_english_menu_is_replaced_by_ours(win, lab):
    """Every plot that had pyqtgraph's own right-click menu (English, "ViewBox
    options", "Mouse Mode", …) has the app's: View all, pictures, data as CSV."""
    win.show_lab(lab)
    win.build_current_lab()
    plots = win.labs[lab].findChildren(pg.PlotWidget)
    with_data_menu = [p for p in plots if p.property("gradlabDataMenu")]
    assert with_data_menu, "no plot got the app's menu"
    for p in plots:
        assert not p.getPlotItem().menuEnabled()  # pyqtgraph's menu never opens
    for p in with_data_menu:
        keys = [a.data() for a in export.picture_menu(p).actions() if not a.isSeparator()]
        assert keys == ["view_all", "png1", "png2", "png3", "svg", "csv"]


def test_menu_in_chinese_and_csv_holds_the_curve(win, tmp_path):
    from gui.shell import app as gapp

    win.show_lab("descent")
    win.build_current_lab()
    loss = win.labs["descent"].loss_plot
    win.set_language("zh_CN")
    try:
        texts = [a.text() for a in export.picture_menu(loss).actions() if not a.isSeparator()]
        assert texts[0] == "显示全部" and texts[-1] == "导出数据（CSV）…"
        assert all("导出" in t for t in texts[1:]), texts
    finally:
        win.set_language("en")
    assert gapp.current_language() == "en"
    path = tmp_path / "loss.csv"
    assert export.ask_and_save_csv(loss, str(path))
    curve = next(c for c in loss.getPlotItem().listDataItems() if c.isVisible()
                 and c.getData()[0] is not None and len(c.getData()[0]) > 1)
    rows = [r.split(",") for r in path.read_text().splitlines()[1:] if r.strip()]
    xs, ys = curve.getData()
    assert len(rows) >= len(xs) // 2  # pyqtgraph may thin the curve, not drop it
    first = [float(v) for v in rows[0][:2]]
    assert first == pytest.approx([xs[0], ys[0]])
