"""Pictures of widgets for slides: PNG at 1×, 2× or 3× and SVG.

:func:`render_image` paints a widget (a whole lab or one plot; OpenGL views
included, through ``grab``) into an image ``scale`` times its size on screen.
:func:`save_svg` writes SVG with Qt's generator.  :func:`remove_matplotlib_exporter`
takes pyqtgraph's "Matplotlib Window" entry out of its export dialog (it fails
silently without matplotlib, which GradLab does not need).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    import pyqtgraph as pg

SCALES = (1, 2, 3)


def render_image(widget: QWidget, scale: int = 1) -> QImage:
    """``widget`` drawn at ``scale`` × its size (vector parts sharp, not resampled)."""
    scale = int(scale) if int(scale) in SCALES else 1
    size = widget.size()
    image = QImage(size.width() * scale, size.height() * scale,
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    QWidget.render(widget, painter, QPoint(0, 0))  # not QGraphicsView.render
    painter.end()
    _paint_gl_children(widget, image, scale)
    return image


def _paint_gl_children(widget: QWidget, image: QImage, scale: int) -> None:
    """render() leaves OpenGL views blank: draw their own frame buffer over them."""
    from PySide6.QtOpenGLWidgets import QOpenGLWidget

    gls = [w for w in widget.findChildren(QOpenGLWidget) if w.isVisible()]
    if isinstance(widget, QOpenGLWidget):
        gls.append(widget)
    if not gls:
        return
    painter = QPainter(image)
    for gl in gls:
        frame = gl.grabFramebuffer()
        top_left = gl.mapTo(widget, QPoint(0, 0)) if gl is not widget else QPoint(0, 0)
        painter.drawImage(QRect(top_left, gl.size()), frame)
    painter.end()


def save_png(widget: QWidget, path: str, scale: int = 1) -> bool:
    return render_image(widget, scale).save(str(path), "PNG")


def save_svg(widget: QWidget, path: str) -> bool:
    """``widget`` as SVG, its text drawn as outlines (:func:`text_to_paths`)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(widget.width(), widget.height()))
    gen.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    gen.setTitle("GradLab")
    painter = QPainter(gen)
    if not painter.isActive():
        return False
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    QWidget.render(widget, painter, QPoint(0, 0))  # the offset; QWidget's, for plots too
    if not painter.end():
        return False
    try:
        with open(path, "wb") as f:
            f.write(text_to_paths(bytes(data.data()), widget.logicalDpiY() / 72))
    except OSError:
        return False
    return True


_SVG = "http://www.w3.org/2000/svg"
_OUTLINE_SCALE = 16  # text laid out at 16 × its size, then scaled down: no rounding


def text_to_paths(svg: bytes, px_per_pt: float = 96 / 72) -> bytes:
    """Qt's SVG with each ``<text>`` replaced by its glyph outlines (a ``<path>``);
    Qt writes font sizes in points, laid out at the widget's ``px_per_pt``.

    Other renderers (Inkscape, browsers, ImageMagick) then need none of our fonts:
    Chinese text and superscripts (9.92×10⁻⁷) look as they do in the app."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", _SVG)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)
    for parent in root.iter():
        for i, node in enumerate(list(parent)):
            if node.tag == f"{{{_SVG}}}text":
                parent.remove(node)
                parent.insert(i, _outline(node, parent, px_per_pt))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _outline(node, parent, px_per_pt: float):
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QPainterPath, QTransform

    def attr(name: str, default: str) -> str:
        return node.get(name) or parent.get(name) or default

    font = QFont(attr("font-family", ""))
    size = float(attr("font-size", "9") or 9) * px_per_pt
    font.setPixelSize(max(1, round(size * _OUTLINE_SCALE)))
    font.setWeight(QFont.Weight(min(1000, max(1, int(float(attr("font-weight", "400")))))))
    font.setItalic(attr("font-style", "normal") == "italic")
    path = QPainterPath()
    x, y = float(node.get("x", 0)), float(node.get("y", 0))
    path.addText(QPointF(0, 0), font, "".join(node.itertext()))
    k = 1 / _OUTLINE_SCALE
    path = QTransform(k, 0, 0, k, x, y).map(path)
    out = ET.Element(f"{{{_SVG}}}path", {
        "d": _path_data(path), "fill-opacity": node.get("fill-opacity") or "1",
        "stroke": "none", "fill-rule": "nonzero"})
    if node.get("fill"):  # else SVG's initial fill, black, as for the text itself
        out.set("fill", node.get("fill") or "")
    if node.get("transform"):
        out.set("transform", node.get("transform"))
    return out


def _path_data(path) -> str:
    """SVG path data of a QPainterPath (moves, lines and cubic curves)."""
    from PySide6.QtGui import QPainterPath

    kinds = QPainterPath.ElementType
    parts: list[str] = []
    i, n = 0, path.elementCount()
    while i < n:
        e = path.elementAt(i)
        if e.type == kinds.MoveToElement:
            parts.append(f"M{e.x:.2f} {e.y:.2f}")
            i += 1
        elif e.type == kinds.LineToElement:
            parts.append(f"L{e.x:.2f} {e.y:.2f}")
            i += 1
        else:  # a curve: this element and the two CurveToData after it
            c = [path.elementAt(j) for j in (i, i + 1, i + 2) if j < n]
            parts.append("C" + " ".join(f"{q.x:.2f} {q.y:.2f}" for q in c))
            i += 3
    return "".join(parts)


def save_picture(widget: QWidget, path: str, scale: int = 1) -> bool:
    """PNG (``scale`` 1, 2 or 3) or SVG (by the file's suffix)."""
    if str(path).lower().endswith(".svg"):
        return save_svg(widget, path)
    return save_png(widget, path, scale)


def remove_matplotlib_exporter() -> None:
    """pyqtgraph's export dialog without its "Matplotlib Window" entry."""
    from pyqtgraph.exporters import Exporter

    Exporter.Exporters[:] = [e for e in Exporter.Exporters
                             if getattr(e, "Name", "") != "Matplotlib Window"]


def picture_menu_texts() -> dict[str, str]:

    return {"png1": QCoreApplication.translate("Export", "Export picture (PNG 1×)…"),
            "png2": QCoreApplication.translate("Export", "Export picture (PNG 2×)…"),
            "png3": QCoreApplication.translate("Export", "Export picture (PNG 3×)…"),
            "svg": QCoreApplication.translate("Export", "Export picture (SVG)…")}


def install_picture_menu(widget: QWidget) -> None:
    """A right-click menu on ``widget`` (a plot) to export just that plot."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    widget.customContextMenuRequested.connect(lambda pos: picture_menu(widget).popup(
        widget.mapToGlobal(pos)))


def install_plot_menu(pw: pg.PlotWidget) -> None:
    """pyqtgraph's own right-click menu (English, built once, with options a student
    does not need) replaced by ours, in the user's language: View all, the picture
    exports, and the plotted data as CSV.  Called again, it does nothing."""
    if pw.property("gradlabDataMenu"):
        return
    pw.getPlotItem().setMenuEnabled(False)
    pw.setProperty("gradlabDataMenu", True)
    install_picture_menu(pw)


def picture_menu(widget: QWidget):
    from PySide6.QtWidgets import QMenu

    data_menu = bool(widget.property("gradlabDataMenu"))
    menu = QMenu(widget)
    menu.setObjectName("pictureMenu")
    if data_menu:
        act = menu.addAction(QCoreApplication.translate("Export", "View all"))
        act.setData("view_all")
        act.triggered.connect(lambda: widget.getPlotItem().getViewBox().autoRange())
        menu.addSeparator()
    for key, text in picture_menu_texts().items():
        act = menu.addAction(text)
        act.setData(key)
        act.triggered.connect(lambda _c=False, k=key: ask_and_save(widget, k))
    if data_menu:
        act = menu.addAction(QCoreApplication.translate("Export", "Export data (CSV)…"))
        act.setData("csv")
        act.triggered.connect(lambda: ask_and_save_csv(widget))
    return menu


def ask_and_save_csv(pw: pg.PlotWidget, path: str | None = None) -> bool:
    """The plot's curves as CSV columns (x, y of each), pyqtgraph's CSV exporter."""
    from pyqtgraph.exporters import CSVExporter
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    if not path:
        title = QCoreApplication.translate("Export", "Export data (CSV)…")
        path, _f = QFileDialog.getSaveFileName(pw, title, "plot.csv", "CSV (*.csv)")
        if not path:
            return False
    try:
        CSVExporter(pw.getPlotItem()).export(fileName=path)
    except (OSError, ValueError, TypeError):
        QMessageBox.warning(pw, QCoreApplication.translate("Export", "Export data (CSV)…"),
                            QCoreApplication.translate("Export", "The file could not be saved."))
        return False
    return True


def ask_and_save(widget: QWidget, key: str, path: str | None = None) -> bool:
    """Ask for a file name (unless ``path``) and save the picture ``key`` names."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    svg = key == "svg"
    if not path:
        path, _f = QFileDialog.getSaveFileName(
            widget, QCoreApplication.translate("Export", "Export picture"),
            "plot.svg" if svg else "plot.png", "SVG (*.svg)" if svg else "PNG (*.png)")
        if not path:
            return False
    ok = save_picture(widget, path, 1 if svg else int(key[-1]))
    if not ok:
        QMessageBox.warning(widget, QCoreApplication.translate("Export", "Export picture"),
                            QCoreApplication.translate("Export", "The picture could not be saved."))
    return ok


__all__ = ["SCALES", "render_image", "save_png", "save_svg", "save_picture",
           "remove_matplotlib_exporter", "text_to_paths", "picture_menu_texts",
           "install_picture_menu", "install_plot_menu",
           "picture_menu", "ask_and_save", "ask_and_save_csv"]
