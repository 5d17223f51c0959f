"""Session files through the real window: save, open, bad files lose nothing,
preferences remembered."""
from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from gui import app as gapp
from gui.main_window import MainWindow


@pytest.fixture
def win(qtbot, settings_tmp):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_save_then_open_restores_every_lab(win, tmp_path, qtbot):
    d, r = win.labs["descent"], win.labs["regression"]
    d.set_function_text("x^2 + 4y^2")
    d.set_start(1.5, -2.0)
    r.set_points([0.0, 1.0, 2.0], [1.0, 3.0, 2.0])
    path = tmp_path / "mine.gradlab"
    assert win.save_session_as(str(path))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "gradlab-session" and doc["version"] == 1
    assert "mine.gradlab" in win.windowTitle()

    d.set_function_text("sin(x) + y^2")
    r.set_points([5.0, 6.0], [1.0, 1.0])
    assert win.open_session(str(path))
    assert d.function_text() == "x^2 + 4y^2"
    assert d.start() == pytest.approx((1.5, -2.0))
    x, y = r.points()
    assert x.tolist() == [0.0, 1.0, 2.0] and y.tolist() == [1.0, 3.0, 2.0]
    assert str(path.resolve()) in win.recent_files()


@pytest.mark.parametrize("content", ["{broken", '{"format": "gradlab-session", "version": 42, '
                                     '"labs": {}}', '{"hello": 1}'])
def test_bad_file_gives_a_message_and_loses_nothing(win, tmp_path, monkeypatch, content):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    d = win.labs["descent"]
    d.set_function_text("x^2 + 2y^2")
    before = win.session.state()
    path = tmp_path / "bad.gradlab"
    path.write_text(content)
    assert not win.open_session(str(path))
    assert len(shown) == 1 and "Nothing was changed" in shown[0]
    if "42" in content:
        assert "newer version" in shown[0] and "42" in shown[0]
    assert win.session.state() == before
    assert d.function_text() == "x^2 + 2y^2"


def test_new_session_resets_and_undo_stack_is_cleared(win):
    d, r = win.labs["descent"], win.labs["regression"]
    first_f = d.function_text()
    first_x = r.points()[0].tolist()
    d.set_function_text("x^2 + 9y^2")
    r.set_points([1.0, 2.0], [3.0, 4.0])
    win.new_session()
    assert d.function_text() == first_f
    assert first_f.replace(" ", "") == "(x+y-3)^2+(x+2y-5)^2+2"  # the chapter's example
    assert r.points()[0].tolist() == first_x == [48, 57, 50, 54, 64, 61, 43, 59]
    assert win.session.undo_stack.count() == 0


def test_preferences_are_remembered(qtbot, settings_tmp):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_lab("chain")
    w.set_theme("dark")
    w.resize(1111, 777)
    w.close()
    assert gapp.settings().value("window/tab") == "chain"
    assert gapp.settings().value("theme") == "dark"
    w2 = MainWindow()
    qtbot.addWidget(w2)
    assert w2.current_lab_name() == "chain"
    assert w2.theme_actions["dark"].isChecked()
    w2.set_theme("light")


def test_surface_resolution_preference_changes_the_grid(win):
    d = win.labs["descent"]
    win.set_surface_resolution(50)
    xs, ys, Z = d.surface.surface_data()[:3]
    assert len(xs) == 50 and Z.shape == (50, 50)
    win.set_surface_resolution(200)
    xs, ys, Z = d.surface.surface_data()[:3]
    assert len(xs) == 200 and Z.shape == (200, 200)
    assert gapp.settings().value("surface/resolution") in (200, "200")


def test_window_fits_a_1366_pixel_screen_with_the_lesson_panel(win, qtbot):
    for name in ("descent", "regression", "chain"):
        win.labs[name]
    win.apply_lesson("1.2")
    assert win.lesson_dock.isVisible()
    assert win.minimumSizeHint().width() <= 1366
    win.resize(1300, 740)
    qtbot.wait(50)
    assert win.width() <= 1366
