"""The dark theme is complete, and the same whether it is switched live (View →
Theme → Dark) or restored at start-up (the saved preference, a new window).

Every visible label, button, check box, field and table of every lab (each
section and tab shown in turn), every plot (its axes, title and legend, its
curves and points), every graph of the Chain Lab and every 3D view is checked for
contrast: the colour a text is drawn with (its palette, style sheet or rich-text
colour) against what is painted behind it (the most common colour of the grabbed
window under the widget, or the brush of the item behind a graph text).  Nothing
is compared with the app's own colour constants, and nothing depends on fonts.
"""
from __future__ import annotations

import re
from collections import Counter

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleOptionGroupBox,
    QTabWidget,
    QWidget,
)

from gui.shell import app as gapp

TEXT_CONTRAST = 3.0   # WCAG ratio for every text against what is behind it
LINE_CONTRAST = 3.0   # a curve or a point against its plot's background (WCAG 1.4.11)
SURFACE_DARK = 110    # the dark theme's surfaces are at most this light (0-255)


def luminance(c: QColor) -> float:
    def ch(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _over(fg: QColor, bg: QColor) -> QColor:
    """``fg`` (maybe translucent) painted on ``bg``."""
    a = fg.alphaF()
    return QColor.fromRgbF(fg.redF() * a + bg.redF() * (1 - a),
                           fg.greenF() * a + bg.greenF() * (1 - a),
                           fg.blueF() * a + bg.blueF() * (1 - a))


class Report:
    """The pairs measured: (what, text colour, background colour, ratio).  In the
    dark theme a text's surface (the window, a card, a graph node, a plot, a
    legend, a banner) must be dark too: SURFACE_DARK on the 0-255 lightness scale
    (a badge or a highlight with its own colour is not a surface)."""

    def __init__(self, dark: bool) -> None:
        self.dark = dark
        self.pairs: list[tuple[str, str, str, float]] = []
        self.lines: list[tuple[str, str, str, float]] = []
        self.light_surfaces: list[tuple[str, str, str, float]] = []
        self.plots = 0  # plots seen

    def text(self, what: str, fg: QColor, bg: QColor, surface: bool = True) -> None:
        fg = _over(fg, bg) if fg.alphaF() < 1 else fg
        pair = (what, fg.name(), bg.name(), contrast(fg, bg))
        self.pairs.append(pair)
        if self.dark and surface and bg.lightness() > SURFACE_DARK:
            self.light_surfaces.append((f"{what} [light surface L={bg.lightness()}]",
                                        *pair[1:]))

    def line(self, what: str, fg: QColor, bg: QColor) -> None:
        self.lines.append((what, fg.name(), bg.name(), contrast(_over(fg, bg), bg)))

    def failures(self) -> list[tuple[str, str, str, float]]:
        return ([p for p in self.pairs if p[3] < TEXT_CONTRAST]
                + [p for p in self.lines if p[3] < LINE_CONTRAST] + self.light_surfaces)

    def worst(self) -> tuple[str, str, str, float]:
        return min(self.pairs, key=lambda p: p[3])


# ----------------------------------------------------------------- colours read off
_STYLE = re.compile(r"""style\s*=\s*(["'])(.*?)\1""", re.S | re.I)
_COLOR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)")
_BACK = re.compile(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)")
_FONT = re.compile(r"""<font[^>]*color\s*=\s*["']?(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)""", re.I)


def rich_pairs(html: str, base: QColor, bg: QColor) -> list[tuple[QColor, QColor, bool]]:
    """(text colour, background, on the surface) of a rich text: its coloured spans
    (on their own background if they have one, a badge) and the base colour on a
    coloured background."""
    out = []
    for _q, style in _STYLE.findall(html):
        fg, back = _COLOR.search(style), _BACK.search(style)
        behind = QColor(back.group(1)) if back else bg
        out.append((QColor(fg.group(1)) if fg else base, behind, back is None))
    out += [(QColor(c), bg, True) for c in _FONT.findall(html)]
    return [(f, b, on) for f, b, on in out if f.isValid() and b.isValid()]


def painted_background(img: QImage, rect: QRect, ratio: float) -> QColor:
    """The most common colour of ``img`` inside ``rect`` (window coordinates)."""
    counts: Counter[int] = Counter()
    x0, y0 = int(rect.left() * ratio), int(rect.top() * ratio)
    x1 = min(img.width() - 1, int(rect.right() * ratio))
    y1 = min(img.height() - 1, int(rect.bottom() * ratio))
    sx, sy = max(1, (x1 - x0) // 60), max(1, (y1 - y0) // 20)
    for x in range(max(0, x0), x1 + 1, sx):
        for y in range(max(0, y0), y1 + 1, sy):
            counts[img.pixel(x, y)] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0]) if counts else QColor("#808080")


def _visible_rect(w: QWidget, window: QWidget) -> QRect | None:
    """The part of ``w`` on screen, in window coordinates (None if hidden, scrolled
    away or too small).  A scroll area's (a plot's) own region is under its viewport."""
    if not w.isVisible() or w.window() is not window:
        return None
    if isinstance(w, QAbstractScrollArea):
        w = w.viewport()
    r = w.visibleRegion().boundingRect()
    if r.width() < 4 or r.height() < 4:
        return None
    return QRect(w.mapTo(window, r.topLeft()), r.size())


def _name(w: QWidget) -> str:
    text = ""
    for attr in ("text", "title"):
        fn = getattr(w, attr, None)
        if callable(fn):
            try:
                text = str(fn())
            except TypeError:
                continue
            break
    text = re.sub(r"<[^>]+>", "", text)[:40]
    return f"{type(w).__name__}({w.objectName() or ''}) {text!r}"


def check_widgets(window: QWidget, where: str, rep: Report) -> None:
    """Every visible text-bearing widget of ``window`` against its painted background."""
    QApplication.processEvents()
    img = window.grab().toImage()
    ratio = img.width() / max(window.width(), 1)
    for w in window.findChildren(QWidget):
        rect = _visible_rect(w, window)
        if rect is None or not w.isEnabled():  # disabled texts are dim on purpose
            continue
        pal = w.palette()
        if isinstance(w, QGroupBox) and w.title():
            opt = QStyleOptionGroupBox()
            w.initStyleOption(opt)
            r = w.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, opt,
                                         QStyle.SubControl.SC_GroupBoxLabel, w)
            r = QRect(w.mapTo(window, r.topLeft()), r.size())
            rep.text(f"{where}: {_name(w)}", pal.color(QPalette.ColorRole.WindowText),
                     painted_background(img, r, ratio))
            continue
        if isinstance(w, QLabel) and (w.text().strip() or w.pixmap().isNull() is False):
            if not w.text().strip():
                continue
            bg = painted_background(img, rect, ratio)
            base = pal.color(QPalette.ColorRole.WindowText)
            rep.text(f"{where}: {_name(w)}", base, bg)
            for fg, behind, on in rich_pairs(w.text(), base, bg):
                rep.text(f"{where}: {_name(w)} (rich text)", fg, behind, on)
        elif isinstance(w, (QCheckBox, QRadioButton)) and w.text():
            rep.text(f"{where}: {_name(w)}", pal.color(QPalette.ColorRole.WindowText),
                     painted_background(img, rect, ratio))
        elif isinstance(w, QAbstractButton) and w.text():
            rep.text(f"{where}: {_name(w)}", pal.color(QPalette.ColorRole.ButtonText),
                     painted_background(img, rect, ratio))
        elif isinstance(w, QLineEdit) and w.text() and w.isEnabled():
            rep.text(f"{where}: {_name(w)}", pal.color(QPalette.ColorRole.Text),
                     painted_background(img, rect, ratio))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            vp = _visible_rect(w.viewport(), window)
            if vp is None or w.model().rowCount(w.rootIndex()) == 0:
                continue
            bg = painted_background(img, vp, ratio)
            rep.text(f"{where}: {_name(w)}", pal.color(QPalette.ColorRole.Text), bg)
            check_items(w, where, bg, rep)


def check_items(view: QAbstractItemView, where: str, bg: QColor, rep: Report) -> None:
    """Cells with their own colours (a table's roles), the first rows and columns."""
    from PySide6.QtCore import QModelIndex

    model = view.model()
    text = view.palette().color(QPalette.ColorRole.Text)
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model's columnCount is private: one column
        columns = 1
    for row in range(min(model.rowCount(QModelIndex()), 6)):
        for col in range(min(columns, 8)):
            idx = model.index(row, col)
            fg = model.data(idx, Qt.ItemDataRole.ForegroundRole)
            back = model.data(idx, Qt.ItemDataRole.BackgroundRole)
            fgc = QColor(fg.color() if hasattr(fg, "color") else fg) if fg is not None else text
            bgc = QColor(back.color() if hasattr(back, "color") else back) \
                if back is not None else bg
            if fg is not None or back is not None:
                rep.text(f"{where}: {_name(view)} cell {row},{col}", fgc, bgc, back is None)


def check_plots(window: QWidget, where: str, rep: Report) -> None:
    """Every visible pyqtgraph view: axes, titles, legends and texts on its
    background, and its curves and points (not the colour map images)."""
    for gv in window.findChildren(pg.GraphicsView):
        if _visible_rect(gv, window) is None:
            continue
        rep.plots += 1
        bg = gv.backgroundBrush().color()
        name = f"{where}: {type(gv).__name__}"
        for item in gv.scene().items():
            if not item.isVisible():
                continue
            if isinstance(item, pg.AxisItem):
                if item.style.get("showValues", True):
                    rep.text(f"{name} axis {item.orientation}", item.textPen().color(), bg)
                if item.label.isVisible() and item.labelText:
                    rep.text(f"{name} axis title {item.labelText!r}",
                             QColor(item.labelStyle.get("color", item.textPen().color())), bg)
            elif isinstance(item, pg.LegendItem):
                brush = None if item.opts["brush"] is None else pg.mkBrush(item.opts["brush"])
                behind = bg if brush is None or brush.style() == Qt.BrushStyle.NoBrush \
                    else _over(brush.color(), bg)
                for sample, label in item.items:
                    if label.isVisible():
                        rep.text(f"{name} legend {label.text!r}", _drawn_colour(label),
                                 behind)
                        _sample_lines(sample.item, f"{name} legend sample {label.text!r}",
                                      behind, rep)
            elif isinstance(item, pg.LabelItem) and item.text and \
                    not isinstance(item.parentItem(), pg.LegendItem) and \
                    not isinstance(item.parentItem(), pg.AxisItem):
                legend = _legend_of(item)
                if legend is None:
                    rep.text(f"{name} title {item.text!r}", _drawn_colour(item), bg)
            elif isinstance(item, pg.TextItem) and item.toPlainText():
                fill = item.fill.color() if item.fill.style() else None
                rep.text(f"{name} text {item.toPlainText()!r}",
                         item.color, _over(fill, bg) if fill else bg)
            elif isinstance(item, (pg.PlotDataItem)) and _legend_of(item) is None \
                    and _on_plot_background(item):
                _sample_lines(item, f"{name} curve {item.name()!r}", bg, rep)


def _drawn_colour(label) -> QColor:
    """The colour a pyqtgraph LabelItem draws its text with: the one in the HTML
    of its text item (its ``opts`` may have changed without a redraw)."""
    found = _COLOR.findall(label.item.toHtml().split("<body", 1)[-1])
    return QColor(found[-1]) if found else QColor(label.item.defaultTextColor())


def _legend_of(item):
    p = item.parentItem()
    while p is not None:
        if isinstance(p, pg.LegendItem):
            return p
        p = p.parentItem()
    return None


def _on_plot_background(item) -> bool:
    """A curve drawn on the plot's own background (not over a colour map image)."""
    vb = item.getViewBox()
    if vb is None:
        return True
    return not any(isinstance(other, pg.ImageItem) and other.isVisible()
                   and other.image is not None for other in vb.addedItems)


def _sample_lines(item, what: str, bg: QColor, rep: Report) -> None:
    if not isinstance(item, pg.PlotDataItem):
        return
    x, _y = item.getData()
    if x is None or len(x) == 0:
        return
    pen = item.opts.get("pen")
    if pen is not None and item.opts.get("symbol") is None:
        p = pg.mkPen(pen)
        if p.style() != 0:
            rep.line(what, p.color(), bg)
    if item.opts.get("symbol") is not None:
        brush = item.opts.get("symbolBrush")
        pen = item.opts.get("symbolPen")
        colours = [pg.mkBrush(brush).color()] if brush is not None else []
        if pen is not None:
            colours.append(pg.mkPen(pen).color())
        if colours:
            rep.line(what, max(colours, key=lambda c: contrast(_over(c, bg), bg)), bg)


def check_graphs(window: QWidget, where: str, rep: Report) -> None:
    """The Chain Lab's computational graphs: each text on the node or label box
    behind it (or on the view's background)."""
    for gv in window.findChildren(QGraphicsView):
        if isinstance(gv, pg.GraphicsView) or _visible_rect(gv, window) is None:
            continue
        bg = gv.backgroundBrush().color()
        for item in gv.scene().items():
            if not isinstance(item, QGraphicsTextItem) or not item.isVisible() or \
                    not item.toPlainText().strip():
                continue
            centre = item.sceneBoundingRect().center()
            behind = bg
            for other in gv.scene().items(centre):  # topmost first
                if other is item or other.zValue() > item.zValue() and \
                        other is not item.parentItem():
                    continue
                brush = getattr(other, "brush", None)
                if brush is not None and other.isVisible() and brush().style() and \
                        brush().color().alpha() > 0:
                    behind = _over(brush().color(), bg)
                    break
            what = f"{where}: graph text {item.toPlainText()[:30]!r}"
            base = item.defaultTextColor()
            rep.text(what, base, behind)
            for fg, b, on in rich_pairs(item.toHtml().split("<body", 1)[-1], base, behind):
                rep.text(what + " (rich text)", fg, b, on)


def check_gl(window: QWidget, where: str, dark: bool, rep: Report) -> None:
    """The 3D views: their painted background follows the theme, and their labels
    stand out from it."""
    from gui.views.glview import OffscreenGLView

    for v in window.findChildren(OffscreenGLView):
        if _visible_rect(v, window) is None:
            continue
        img = v.grabFramebuffer()
        corner = img.pixelColor(3, 3)
        if dark and corner.lightness() > SURFACE_DARK:
            rep.light_surfaces.append((f"{where}: 3D view [light surface]", corner.name(),
                                       "", 0.0))
        for item in v.items:
            if type(item).__name__ == "GLTextItem" and item.text:
                rep.text(f"{where}: 3D label {item.text!r}", QColor(item.color), corner)


def check_everything(window: QWidget, where: str, dark: bool, rep: Report) -> None:
    check_widgets(window, where, rep)
    check_plots(window, where, rep)
    check_graphs(window, where, rep)
    check_gl(window, where, dark, rep)


def walk_labs(win, qtbot, dark: bool, rep: Report) -> None:
    """Each lab, each of its sections and tabs, shown in turn and checked."""
    for name in ("descent", "regression", "chain"):
        win.show_lab(name)
        lab = win.labs[name]
        qtbot.wait(150)
        if name == "chain":
            for key in lab.sections:
                lab.show_section(key)
                qtbot.wait(150)
                check_everything(win, f"chain/{key}", dark, rep)
            continue
        if name == "regression":
            lab.run_descent()
        tabs = [t for t in lab.findChildren(QTabWidget) if t.isVisible()]
        check_everything(win, name, dark, rep)
        for t in tabs:
            for i in range(1, t.count()):
                t.setCurrentIndex(i)
                qtbot.wait(100)
                check_everything(win, f"{name} tab {t.tabText(i)!r}", dark, rep)
            t.setCurrentIndex(0)


def _summary(rep: Report) -> str:
    bad = rep.failures()
    return f"{len(bad)} of {len(rep.pairs) + len(rep.lines)}, worst {rep.worst()}:\n" + "\n".join(
        f"  {w}: {fg} on {bg}: {r:.2f}" for w, fg, bg, r in bad[:60])


@pytest.fixture
def restore_theme(qapp):
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    pg.setConfigOption("background", "w")
    pg.setConfigOption("foreground", "k")
    qapp.processEvents()


def _all_optimizers(win, qtbot) -> None:
    """Tick every optimizer of the Descent Lab, as a user would."""
    lab = win.labs["descent"]
    for cb in lab.findChildren(QCheckBox):
        if cb.text() in ("GD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam") \
                and not cb.isChecked():
            cb.click()
    qtbot.waitUntil(lambda: len(lab.loss_legend.items) == 6)


def _window(qtbot):
    from gui.shell.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1600, 960)  # the labs whole, without a scroll bar
    w.show()
    qtbot.waitExposed(w)
    w.build_current_lab()
    qtbot.waitUntil(lambda: w.labs[w.current_lab_name()].isVisible())
    return w


def _dark_window(qtbot, path: str):
    """(a) "live": View → Theme → Dark on a window whose labs were all built light;
    (b) "restored": the dark theme saved, then a new window (as at the next start),
    whose labs are built when shown."""
    if path == "restored":
        gapp.settings().setValue("theme", "dark")
        gapp.settings().sync()
    win = _window(qtbot)
    _all_optimizers(win, qtbot)  # every optimizer's line in the banner and the legend
    if path == "live":
        for name in ("descent", "regression", "chain"):
            win.show_lab(name)
            win.labs[name]
        for key in win.labs["chain"].sections:  # every section built in the light
            win.labs["chain"].show_section(key)
            qtbot.wait(50)
        win.show_lab("descent")
        qtbot.wait(100)
        win.theme_actions["dark"].trigger()
        qtbot.wait(100)
    assert win.palette().color(QPalette.ColorRole.Window).lightness() < 100
    return win


@pytest.mark.gl
@pytest.mark.parametrize("path", ["live", "restored"])
def test_every_text_and_plot_stands_out_in_the_dark_theme(qtbot, settings_tmp,
                                                          restore_theme, path):
    win = _dark_window(qtbot, path)
    rep = Report(dark=True)
    walk_labs(win, qtbot, True, rep)
    assert len(rep.pairs) > 200 and rep.plots >= 12  # the walk saw the texts and plots
    assert not rep.failures(), _summary(rep)


@pytest.mark.gl
def test_the_dark_theme_is_the_same_switched_live_or_restored(qtbot, settings_tmp, tmp_path,
                                                              monkeypatch, restore_theme):
    """Every text, background, curve and plot of the two paths has the same colours."""
    from PySide6.QtCore import QSettings

    seen = []
    for path in ("live", "restored"):
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(tmp_path / path))
        monkeypatch.setenv("GRADLAB_DATA_DIR", str(tmp_path / path / "data"))
        win = _dark_window(qtbot, path)
        rep = Report(dark=True)
        walk_labs(win, qtbot, True, rep)
        seen.append({what: (fg, bg) for what, fg, bg, _r in rep.pairs + rep.lines})
        win.close()
    live, restored = seen
    assert len(live) > 200
    differ = {k: (live[k], restored.get(k)) for k in live if live[k] != restored.get(k)}
    assert not differ, differ


@pytest.mark.gl
def test_every_text_and_plot_stands_out_in_the_light_theme(qtbot, settings_tmp,
                                                           restore_theme):
    win = _window(qtbot)
    rep = Report(dark=False)
    walk_labs(win, qtbot, False, rep)
    assert len(rep.pairs) > 200 and rep.plots >= 12
    assert not rep.failures(), _summary(rep)


def test_contrast_measure_is_the_wcag_ratio():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    pairs = rich_pairs("<span style='background:#000; color:#fff'>a</span>"
                       "<b style=\"color:#123456\">b</b>", QColor("#111"), QColor("#eee"))
    assert [(f.name(), b.name(), on) for f, b, on in pairs] == [
        ("#ffffff", "#000000", False), ("#123456", "#eeeeee", True)]
    assert painted_background(_filled("#2d3036"), QRect(0, 0, 10, 10), 1.0).name() == "#2d3036"


def _filled(colour: str) -> QImage:
    img = QImage(20, 20, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    return img


# ----------------------------------------------------------------- optimizer colours
def _lab(c: QColor) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of a colour, for the colour difference ΔE76."""
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = lin(c.redF()), lin(c.greenF()), lin(c.blueF())
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: QColor, b: QColor) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5


@pytest.mark.gl
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_optimizer_colour_stands_out_on_the_map_and_the_panel(
        qtbot, settings_tmp, restore_theme, theme):
    """All six optimizers on: each path stands out from every colour of the map
    (ΔE ≥ 30) and, by lightness, from its lowest colour, where every path ends
    (contrast ≥ 3); each swatch in the optimizer list from the panel (ΔE ≥ 25),
    and each loss curve from the plot (contrast ≥ 3; checked in the walk too).
    Adam's path was black: invisible on the dark panel and the map's dark purple."""
    gapp.settings().setValue("theme", theme)
    win = _window(qtbot)
    lab = win.labs["descent"]
    _all_optimizers(win, qtbot)
    contour = lab.contour
    lut = contour.image.lut
    lut = lut(None) if callable(lut) else lut
    cmap = [QColor(int(r), int(g), int(b)) for r, g, b, *_a in lut[::4]]
    lowest = QColor(*(int(v) for v in lut[0][:3]))
    paths = [i for i in contour.listDataItems() if isinstance(i, pg.PlotDataItem)
             and i.isVisible() and i.getData()[0] is not None and i.zValue() == 10
             and pg.mkPen(i.opts["pen"]).color().alpha() == 255]  # not the faint rest
    assert len(paths) == 6
    bad = []
    for item in paths:
        c = pg.mkPen(item.opts["pen"]).color()
        far = min(delta_e(c, m) for m in cmap)
        low = contrast(c, lowest)
        if far < 30 or low < 3:
            bad.append(f"path {c.name()}: ΔE {far:.0f} from the map, {low:.2f} on its minimum")
    img = win.grab().toImage()
    ratio = img.width() / win.width()
    swatches = [w for w in lab.findChildren(QLabel) if w.width() == w.height() == 14
                and not w.text() and w.isVisible()]
    assert len(swatches) == 6
    for sw in swatches:
        centre = sw.mapTo(win, sw.rect().center())
        fill = img.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio))
        left = sw.mapTo(win, QPoint(-4, sw.height() // 2))
        panel = img.pixelColor(int(left.x() * ratio), int(left.y() * ratio))
        if delta_e(fill, panel) < 25:
            bad.append(f"swatch {fill.name()} on {panel.name()}: ΔE {delta_e(fill, panel):.0f}")
    plot = lab.loss_plot if hasattr(lab, "loss_plot") else None
    if plot is not None:
        bg = plot.backgroundBrush().color()
        for item in plot.getPlotItem().listDataItems():
            if item.isVisible() and item.opts.get("pen") is not None:
                c = pg.mkPen(item.opts["pen"]).color()
                if contrast(c, bg) < LINE_CONTRAST:
                    bad.append(f"loss curve {c.name()} on {bg.name()}: {contrast(c, bg):.2f}")
    assert not bad, bad
