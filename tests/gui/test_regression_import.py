"""Data in and out of the Regression Lab (issue 11): files in any encoding through
the import button, the column chooser, paste and copy, CSV export, framing, the
table's keys and my line's handles.  Everything checked where a user sees it."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.gui.conftest import CH_X, CH_Y

NAMES_TABLE = "姓名,体重,身高,年龄\n小红,48,165,12\n小丽,57,165,13\n小芳,50,157,12\n"


@pytest.fixture
def lab(make_regression_lab):
    return make_regression_lab()


def _axis_titles(lab):
    pi = lab.plot.getPlotItem()
    return pi.getAxis("bottom").labelText, pi.getAxis("left").labelText


def _choose(monkeypatch, x_name: str, y_name: str, accept: bool = True):
    """Answer the column chooser as a user would (its exec would block the test)."""
    from PySide6.QtWidgets import QDialog

    from gui.labs.regression.import_dialog import ColumnChooser

    seen = {}

    def answer(dlg):
        dlg.show()
        seen["headers"] = [dlg.preview.horizontalHeaderItem(i).text()
                           for i in range(dlg.preview.columnCount())]
        seen["first_row"] = [dlg.preview.item(0, i).text()
                             for i in range(dlg.preview.columnCount())]
        seen["x_choices"] = [dlg.x_combo.itemText(i) for i in range(dlg.x_combo.count())]
        dlg.x_combo.setCurrentText(x_name)
        dlg.y_combo.setCurrentText(y_name)
        (dlg.accept if accept else dlg.reject)()
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(ColumnChooser, "exec", answer)
    return seen


def test_gbk_file_through_the_import_button(lab, tmp_path, monkeypatch, qtbot):
    """A CSV saved by Chinese Excel (GBK) with a name column: the chooser shows the
    Chinese header and the first rows; the chosen names become the axis titles."""
    path = tmp_path / "身高.csv"
    path.write_bytes(NAMES_TABLE.encode("gbk"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    seen = _choose(monkeypatch, "身高", "体重")
    qtbot.mouseClick(lab.import_button, Qt.MouseButton.LeftButton)
    assert seen["headers"] == ["姓名", "体重", "身高", "年龄"]
    assert seen["first_row"] == ["小红", "48", "165", "12"]
    assert seen["x_choices"] == ["体重", "身高", "年龄"]  # the name column is not numeric
    x, y = lab.points()
    np.testing.assert_array_equal(x, [165, 165, 157])
    np.testing.assert_array_equal(y, [48, 57, 50])
    assert _axis_titles(lab) == ("身高", "体重")
    assert lab.table_model.headerData(0, Qt.Orientation.Horizontal) == "身高"
    # one undo entry puts the chapter's points and titles back
    lab.session_ref.undo_stack.undo()
    np.testing.assert_array_equal(lab.points()[0], CH_X)
    assert "Weight" in _axis_titles(lab)[0]


def test_cancelled_chooser_and_bad_file_change_nothing(lab, tmp_path, monkeypatch):
    path = tmp_path / "t.csv"
    path.write_bytes(NAMES_TABLE.encode("utf-8"))
    _choose(monkeypatch, "体重", "身高", accept=False)
    assert lab.import_file(str(path)) is False
    np.testing.assert_array_equal(lab.points()[1], CH_Y)
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n1,2\n3,abc\n", encoding="utf-8")
    assert lab.import_file(str(bad)) is False
    box = lab.findChild(QMessageBox, "csvErrorBox")
    assert box is not None and "3" in box.text() and "Traceback" not in box.text()
    box.close()
    np.testing.assert_array_equal(lab.points()[1], CH_Y)
    assert lab.session_ref.undo_stack.count() == 0


def test_paste_tsv_from_a_spreadsheet_then_undo(lab, qtbot):
    """Rows copied from Excel (a header, tabs, CRLF) pasted into the table: appended
    in one undo entry; undo gives the chapter's 8 points back."""
    QApplication.clipboard().setText("weight\theight\r\n70\t180\r\n72.5\t183\r\n")
    lab.tabs.setCurrentIndex(0)
    lab.table.clearSelection()
    lab.table.setFocus()
    qtbot.keyClick(lab.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    x, y = lab.points()
    assert x.size == 10 and lab.table_model.rowCount() == 10
    np.testing.assert_array_equal(x[-2:], [70, 72.5])
    np.testing.assert_array_equal(y[-2:], [180, 183])
    assert _axis_titles(lab) == ("weight", "height")
    stack = lab.session_ref.undo_stack
    assert stack.count() == 1
    stack.undo()
    np.testing.assert_array_equal(lab.points()[0], CH_X)


def test_paste_replaces_the_selected_rows_and_copy_gives_tsv(lab, qtbot):
    lab.table.selectRow(1)
    qtbot.keyClick(lab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert lab.points_panel.selected_rows() == [1, 2]
    QApplication.clipboard().setText("1,2\n3,4\n5,6\n")  # CSV from a web page
    qtbot.keyClick(lab.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    x, y = lab.points()
    expect_x = [CH_X[0], 1, 3, 5, *CH_X[3:]]
    np.testing.assert_array_equal(x, expect_x)
    np.testing.assert_array_equal(y, [CH_Y[0], 2, 4, 6, *CH_Y[3:]])
    lab.table.selectRow(0)
    qtbot.keyClick(lab.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "48\t165\n"


def test_paste_on_the_plot(lab, qtbot):
    lab.load_dataset(None)
    QApplication.clipboard().setText("1\t10\n2\t20\n3\t31\n")
    lab.plot.setFocus()
    qtbot.keyClick(lab.plot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(lab.points()[1], [10, 20, 31])
    (x0, x1), (y0, y1) = lab.viewbox.viewRange()
    assert x0 < 1 and x1 > 3 and y0 < 10 and y1 > 31


def test_csv_export_has_bom_and_neutralised_formulas(lab, tmp_path, monkeypatch, qtbot):
    lab.data_io.import_text("=cmd|' /C calc'!A0,@SUM(1)\n1,2\n-3,4.5\n")
    out = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(lab.export_button, Qt.MouseButton.LeftButton)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "'=cmd|' /C calc'!A0,'@SUM(1)"
    assert lines[1:] == ["1,2", "-3,4.5"]  # numbers stay numbers, minus sign included


def test_typed_points_in_an_empty_table_are_framed(lab, qtbot):
    """Points typed into an empty table were drawn off-screen."""
    lab.load_dataset(None)
    for x, y in ((48, 165), (57, 165), (43, 155)):
        qtbot.mouseClick(lab.add_row_button, Qt.MouseButton.LeftButton)
        row = lab.table_model.rowCount() - 1
        lab.table_model.setData(lab.table_model.index(row, 0), str(x))
        lab.table_model.setData(lab.table_model.index(row, 1), str(y))
    (x0, x1), (y0, y1) = lab.viewbox.viewRange()
    assert all(np.isfinite([x0, x1, y0, y1]))
    assert x0 < 43 and x1 > 57 and y0 < 155 and y1 > 165
    assert x1 - x0 < 100 and y1 - y0 < 100  # framed, not zoomed out to 1e307


def test_fit_view_button_after_a_zoom(lab, qtbot):
    lab.viewbox.setRange(xRange=(1e6, 2e6), yRange=(-5, 5), padding=0)
    qtbot.mouseClick(lab.toolbar.fit_view_button, Qt.MouseButton.LeftButton)
    (x0, x1), (y0, y1) = lab.viewbox.viewRange()
    assert x0 < 43 and x1 > 64 and y0 < 155 and y1 > 175 and x1 - x0 < 60
    assert lab.plot.getPlotItem().autoBtn.isVisible() is False


def test_enter_in_the_last_cell_adds_a_row_and_tab_leaves(lab, qtbot):
    table = lab.table
    last = lab.table_model.index(7, 1)
    table.setCurrentIndex(last)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert lab.table_model.rowCount() == 9
    assert table.currentIndex().row() == 8 and table.currentIndex().column() == 0
    editor = table.indexWidget(table.currentIndex())
    assert editor is not None  # the new row's x is open for typing
    undo_index = lab.session.undo_stack.index()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # nothing typed: the new row goes again
    assert lab.table_model.rowCount() == 8
    assert lab.session.undo_stack.index() == undo_index - 1  # its undo entry with it
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)  # not editing: Tab leaves the table
    assert not table.hasFocus()
    assert lab.table_model.rowCount() == 8


def test_my_line_handles_start_away_from_the_points(lab):
    """The left handle sat exactly on the chapter's point (48, 165)."""
    (x0, x1), (y0, y1) = lab.viewbox.viewRange()
    for h in lab.handles:
        p = h.pos()
        d = np.hypot((CH_X - p.x()) / (x1 - x0), (CH_Y - p.y()) / (y1 - y0))
        assert d.min() > 0.04, (p.x(), p.y())


ROWS = {
    "teacher": ("姓名,体重,身高\n张三,50,160\n李四,57,176\n王五,45,150\n"
                "赵六,62,170\n钱七,53,165\n"),
    "rising": "x,y\n" + "".join(f"{i},{i}\n" for i in range(1, 11)),  # top right
}


@pytest.mark.parametrize("rows", sorted(ROWS))
@pytest.mark.parametrize("size", [(1300, 850), (1000, 600), (760, 600)])
def test_no_imported_point_hides_under_the_legend(make_regression_lab, size, rows,
                                                  tmp_path):
    """After framing an imported file, every point's marker is inside the plot and
    outside the top-right legend box (a rising data set's last point lay under it)."""
    lab = make_regression_lab(*size)
    path = tmp_path / "points.csv"
    path.write_bytes(ROWS[rows].encode("gbk"))
    assert lab.import_file(str(path), ask=False)
    QApplication.processEvents()
    box = lab.data_plot.legend.sceneBoundingRect()
    assert lab.data_plot.legend.isVisible() and not box.isEmpty()
    vb = lab.viewbox
    xs, ys = lab.data_plot.lab.results.x, lab.data_plot.lab.results.y
    assert len(xs) == ROWS[rows].count("\n") - 1
    for x, y in zip(xs, ys, strict=True):
        p = vb.mapViewToScene(pg.Point(float(x), float(y)))
        assert vb.sceneBoundingRect().contains(p), (x, y)
        assert not box.adjusted(-4, -4, 4, 4).contains(p), (x, y, box)
