"""QA regressions for the Regression Lab and the application shell.

Each test failed before its fix.  Numbers are checked against numpy.polyfit and the
chapter's values, never against the application's own output."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from gui import app as gapp

CH_X = np.array([48, 57, 50, 54, 64, 61, 43, 59], float)
CH_Y = np.array([165, 165, 157, 170, 175, 165, 155, 170], float)


@pytest.fixture
def lab(make_regression_lab):
    # window shortcuts only fire in the active window
    return make_regression_lab(activate=True)


def test_arrow_home_end_keys_stay_in_the_points_table(lab, qtbot):
    """The stepper's keys used to be window shortcuts over the whole lab: in the
    points table → / ← / Home / End stepped the gradient descent instead of moving
    the table's current cell."""
    lab.tabs.setCurrentIndex(0)
    table = lab.table
    table.setFocus()
    table.setCurrentIndex(lab.table_model.index(2, 0))
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 1 and table.currentIndex().row() == 2
    qtbot.keyClick(table, Qt.Key.Key_Left)
    assert table.currentIndex().column() == 0
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentIndex().column() == 1
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentIndex().column() == 0
    assert lab.descent_parameters() is None  # no descent was started by these keys
    # while editing a cell, the keys move the text cursor and the edit is committed
    table.edit(lab.table_model.index(2, 1))
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "158")
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert editor.cursorPosition() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert editor.cursorPosition() == 1
    qtbot.keyClick(editor, Qt.Key.Key_End)
    assert editor.cursorPosition() == 3
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lab.points()[1][2] == 158)  # the delegate commits queued
    x, y = lab.points()
    ref_y = CH_Y.copy()
    ref_y[2] = 158
    np.testing.assert_array_equal(y, ref_y)
    k_ref, b_ref = np.polyfit(CH_X, ref_y, 1)
    assert lab.fit().k == pytest.approx(k_ref, rel=1e-9)
    assert lab.descent_parameters() is None


def test_step_keys_still_drive_the_descent_from_the_lab(lab, qtbot):
    lab.tabs.setCurrentIndex(3)
    lab.setFocus()
    qtbot.keyClick(lab, Qt.Key.Key_Right)
    assert lab._cursor == 1
    qtbot.keyClick(lab, Qt.Key.Key_Space)
    assert lab._cursor == 2
    qtbot.keyClick(lab, Qt.Key.Key_Left)
    assert lab._cursor == 1
    qtbot.keyClick(lab, Qt.Key.Key_End)
    n = lab._trajectory.n_steps
    assert lab._cursor == n > 2
    # the run reaches the least-squares line of numpy.polyfit
    k_ref, b_ref = np.polyfit(CH_X, CH_Y, 1)
    k, b = lab.descent_parameters()
    assert k == pytest.approx(k_ref, rel=1e-4) and b == pytest.approx(b_ref, rel=1e-4)
    qtbot.keyClick(lab, Qt.Key.Key_Home)
    assert lab._cursor == 0
    # a click on the loss plot gives the keys back to the lab
    vp = lab.loss_plot.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=vp.rect().center())
    qtbot.keyClick(QApplication.focusWidget() or lab, Qt.Key.Key_Right)
    assert lab._cursor == 1
    # a spin box keeps its arrows: → moves its text cursor and does not step the run
    run = lab._trajectory
    spin = lab.steps_spin
    spin.setFocus()
    line = spin.lineEdit()
    line.setCursorPosition(0)
    qtbot.keyClick(spin, Qt.Key.Key_Right)
    assert line.cursorPosition() == 1
    assert lab._trajectory is run and lab._cursor == 1
    # ... and ↑ changes its value
    value = spin.value()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == value + spin.singleStep()


def test_editing_a_cell_keeps_the_tables_place(lab, qtbot):
    """Every cell edit used to reset the whole table model: the current cell was lost
    and a long table jumped back to its first row."""
    xs = np.arange(2000, dtype=float)
    ys = 3.0 * xs + 1.0 + np.sin(xs)
    lab.set_points(xs, ys)
    table = lab.table
    table.setFocus()
    target = lab.table_model.index(1500, 1)
    table.setCurrentIndex(target)
    table.scrollTo(target)
    QApplication.processEvents()
    scroll = table.verticalScrollBar().value()
    assert scroll > 0
    table.edit(target)
    editor = table.findChild(QLineEdit)
    editor.selectAll()
    editor.insert("−7.5")  # the minus sign the app itself displays
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    ref = ys.copy()
    ref[1500] = -7.5
    qtbot.waitUntil(lambda: lab.points()[1][1500] == -7.5)
    np.testing.assert_array_equal(lab.points()[1], ref)
    assert lab.fit().k == pytest.approx(np.polyfit(xs, ref, 1)[0], rel=1e-9)
    QApplication.processEvents()
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1500, 1)
    assert table.verticalScrollBar().value() == scroll
    # ↓ goes on to the next row, as in any table
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1501
    # undo restores the value and still keeps the place
    lab.session_ref.undo_stack.undo()
    np.testing.assert_array_equal(lab.points()[1], ys)
    assert table.currentIndex().row() == 1501
    # adding a row still shows the new row count
    lab._add_row()
    assert lab.table_model.rowCount() == 2001 == table.model().rowCount()


@pytest.mark.parametrize("degree, pts, expected", [
    (0, [], "A constant has 1 parameter, so it needs more than 1 point"),
    (0, [(1, 2)], "1 point and 1 parameter: the constant passes through the point"),
    (2, [(1, 2)], "1 point cannot determine a parabola (3 parameters)"),
    (1, [(1, 1), (1, 2), (1, 3)], "3 points all at the same x cannot determine a line"),
])
def test_too_few_points_messages_are_grammatical(lab, degree, pts, expected):
    """'1 points', '1 parameters' and 'only 1 different x values' were shown."""
    lab.set_points([p[0] for p in pts], [p[1] for p in pts])
    lab.set_degree(degree)
    text = lab.status_label.text()
    assert lab.status_label.isVisible()
    assert expected in text
    assert not any(s in text for s in ("1 points", "1 parameters", "1 different x values"))


def test_data_set_source_is_chinese_where_it_is_prose(lab, qtbot):
    from PySide6.QtGui import QTextDocument

    from core.datasets import load_dataset

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


def _close_csv_box(lab):
    box = getattr(lab, "_csv_box", None)
    if box is not None:
        box.close()


@pytest.mark.parametrize("text, line, en, zh", [
    ("x,y\n1,2\n3\n4,5", 3, "expected 2 columns (x and y), found 1", "应为 2 列"),
    ("1;2\n3;abc\n", 2, "y value 'abc' is not a number", "不是数字"),
    ("1,2\n3,inf\n", 2, "y value 'inf' is not a finite number", "不是有限的数"),
    ("a,b,c\n1,2\n", 1, "the header has 3 columns", "表头有 3 列"),
])
def test_csv_errors_name_the_line_in_the_users_language(lab, text, line, en, zh):
    """The problem of each bad line came from core in English, also in Chinese."""
    x0, y0 = lab.points()
    assert not lab.import_csv_text(text)
    _close_csv_box(lab)
    assert f"Line {line}: {en}" in lab.last_error_text
    try:
        assert gapp.set_language("zh_CN")
        assert not lab.import_csv_text(text)
        _close_csv_box(lab)
        msg = lab.last_error_text
        assert f"第 {line} 行" in msg and zh in msg
        assert "expected" not in msg and "is not a" not in msg and "header" not in msg
    finally:
        gapp.set_language("en")
    x, y = lab.points()
    np.testing.assert_array_equal(x, CH_X)
    np.testing.assert_array_equal(y, CH_Y)


@pytest.mark.parametrize("text", ["", "x,y\n", "\n\n  \n", "# only a comment\n"])
def test_csv_without_data_rows_says_so_plainly(lab, text):
    """'These rows could not be read: no data rows found' named no row at all."""
    assert not lab.import_csv_text(text)
    _close_csv_box(lab)
    msg = lab.last_error_text
    assert "no rows with two numbers" in msg and "These rows could not be read" not in msg
    np.testing.assert_array_equal(lab.points()[0], CH_X)


# ------------------------------------------------------------------ the shell
@pytest.fixture
def win(qtbot, settings_tmp):
    from gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_export_picture_as_svg(win, tmp_path):
    """File → Export picture as SVG raised TypeError (QWidget.render(painter))."""
    win.show_lab("regression")
    win.build_current_lab()
    path = tmp_path / "lab.svg"
    assert win.export_picture(str(path))
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "</svg>" in text
    png = tmp_path / "lab.png"
    assert win.export_picture(str(png))
    from PySide6.QtGui import QImage
    img = QImage(str(png))
    assert img.width() > 400 and img.height() > 300


def test_settings_stay_in_the_test_folder(win, settings_tmp):
    """gapp.settings() ignored the INI default format the tests set, so every test
    wrote recent files, geometry, tab and theme into the real ~/.config file."""
    from pathlib import Path

    path = Path(gapp.settings().fileName()).resolve()
    assert settings_tmp.resolve() in path.parents
    win.save_preferences()
    assert path.exists()


@pytest.mark.parametrize("bad", [
    {"degree": "zz"},
    {"my_line": [1]},
    {"my_line": "kb"},
    {"descent": {"optimizer": "sgd!", "lr": "fast", "max_steps": None, "start": 3}},
    {"view": [1, 2]},
    {"dataset": ["x"]},
])
def test_session_file_with_bad_regression_values_is_refused_whole(win, tmp_path, bad,
                                                                  monkeypatch):
    """A hand-edited or damaged value (degree "zz", my line [1]) raised from
    set_state halfway through opening the file.  Now the whole file is refused with
    a message naming the lab and the field, and the current work stays as it was."""
    import json

    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    r = win.labs["regression"]
    r.set_points([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 8.0])
    path = tmp_path / "s.gradlab"
    assert win.save_session_as(str(path))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["labs"]["regression"].update(bad)
    path.write_text(json.dumps(doc), encoding="utf-8")
    r.set_points([0.0, 1.0, 2.0], [0.0, 1.0, 1.5])
    assert not win.open_session(str(path))
    assert len(shown) == 1 and "Regression" in shown[0]
    assert f"“{next(iter(bad))}" in shown[0]  # the field (or a part of it) is named
    x, y = r.points()
    assert x.tolist() == [0.0, 1.0, 2.0] and y.tolist() == [0.0, 1.0, 1.5]
    k_ref, b_ref = np.polyfit(x, y, 1)
    assert r.fit().k == pytest.approx(k_ref, rel=1e-12)
    # the lab still works: a descent run reaches numpy's line
    traj = r.run_descent(optimizer="gd", lr=0.1, standardize=True, max_steps=5000)
    assert traj.n_steps > 0
    assert r.descent_parameters() == pytest.approx([k_ref, b_ref], rel=1e-4)


def _lightness(color) -> int:
    from PySide6.QtGui import QColor
    return QColor(color).lightness()


def _empty_plot_pixel(lab):
    """The colour of a pixel of the data plot where no item is drawn: of a grid of
    places inside the view box, the one farthest on screen from every point and
    curve, outside the legend and every other item (only the grid may pass there).
    Nothing depends on fonts or on where the fit line happens to run."""
    from PySide6.QtCore import QPointF

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
    import re as _re

    from PySide6.QtGui import QPalette

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
            m = _re.search(r"color:\s*(#[0-9a-fA-F]{3,6})", label.styleSheet())
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


def test_long_best_fit_equation_is_shown_whole(lab):
    """A degree-6 equation ran past the right edge of the results card (cut off at
    '… + 301'); it now shrinks to fit and is also the label's tooltip."""
    import re as _re

    from PySide6.QtGui import QFontMetricsF

    lab.resize(1400, 900)
    QApplication.processEvents()
    lab.set_degree(6)
    QApplication.processEvents()
    label = lab.equation_label
    text = label.text()
    assert label.toolTip() == text
    fm = QFontMetricsF(label.font())
    assert fm.horizontalAdvance(text) <= label.width()
    # the numbers on screen are numpy.polyfit's, to the 8 digits shown
    ref = np.polyfit(CH_X, CH_Y, 6)
    t = text.replace("−", "-").replace(" ", "")
    sup = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
    t = _re.sub(r"×10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)", lambda m: "e" + m.group(1).translate(sup), t)
    coeffs = [float(v) for v in _re.findall(r"[-+]?\d+(?:\.\d+)?(?:e-?\d+)?(?=x|$)", t[2:])]
    assert len(coeffs) == 7
    np.testing.assert_allclose(coeffs, ref, rtol=1e-6)
    # a line keeps the large font
    lab.set_degree(1)
    QApplication.processEvents()
    assert "15pt" in label.styleSheet()


def test_residual_and_square_limits_are_explained(lab):
    """With many points the residuals/squares silently vanished while their boxes
    stayed checked."""
    rng = np.random.default_rng(7)
    lab.squares_check.setChecked(True)
    assert lab.residuals_check.isChecked()
    assert lab.squares_item.isVisible() and not lab.limit_label.isVisible()
    xs = rng.uniform(0, 10, 1500)
    lab.set_points(xs, 2 * xs + rng.normal(0, 1, xs.size))
    assert not lab.squares_item.isVisible() and lab.residual_curve.isVisible()
    assert lab.limit_label.isVisible() and "1,000" in lab.limit_label.text()
    xs = rng.uniform(0, 10, 6000)
    lab.set_points(xs, 2 * xs + rng.normal(0, 1, xs.size))
    assert not lab.residual_curve.isVisible()
    assert "5,000" in lab.limit_label.text() and "1,000" in lab.limit_label.text()
    lab.squares_check.setChecked(False)
    assert lab.limit_label.text() == "(residuals are drawn for up to 5,000 points)"
    lab.residuals_check.setChecked(False)
    assert not lab.limit_label.isVisible()


def test_recent_file_that_was_deleted_is_explained_and_forgotten(win, tmp_path, monkeypatch):
    """Opening a recent file that no longer exists said only 'The file could not be
    read.' and kept the dead entry in File → Open recent."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    path = tmp_path / "gone.gradlab"
    assert win.save_session_as(str(path))
    assert [a.text() for a in win.recent_menu.actions()] == ["gone.gradlab"]
    path.unlink()
    before = win.session.state()
    win.recent_menu.actions()[0].trigger()
    assert len(shown) == 1 and "no longer exists" in shown[0] and "Nothing was changed" in shown[0]
    assert win.recent_files() == [] and not win.recent_menu.isEnabled()
    assert win.session.state() == before


def test_a_dense_cloud_of_points_stays_visible(lab):
    """With thousands of points the markers' white outlines painted over the cloud:
    6,000 points along a curve showed as an almost white smear."""
    from PySide6.QtCore import QPointF

    xs = np.linspace(0, 10, 6000)
    ys = 2 * xs + np.sin(7 * xs)
    lab.set_points(xs, ys)
    QApplication.processEvents()
    img = lab.plot.grab().toImage()
    ratio = img.width() / lab.plot.width()
    blue = 0
    probes = range(200, 5800, 400)
    for i in probes:
        p = lab.plot.mapFromScene(lab.viewbox.mapViewToScene(QPointF(xs[i], ys[i])))
        c = img.pixelColor(int(p.x() * ratio), int(p.y() * ratio))
        blue += c.blue() > c.red() + 60 and c.lightness() < 200
    assert blue >= 0.8 * len(probes)
    # a few points keep the large outlined markers
    lab.load_dataset("chapter_heights")
    assert lab.scatter.opts["size"] == 10
