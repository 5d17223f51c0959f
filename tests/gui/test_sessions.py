"""Session files through the real window: save, open, bad files lose nothing,
preferences remembered."""
from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from gui.shell import app as gapp
from gui.shell.main_window import MainWindow


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


# --- all or nothing (issue 9) -------------------------------------------------------
from core import sessionfile  # noqa: E402
from gui.shell.main_window import autosave_path  # noqa: E402


def _doc(labs: dict) -> str:
    return json.dumps({"format": "gradlab-session", "version": 1, "labs": labs})


@pytest.mark.parametrize(("labs", "lab_title", "field"), [
    ({"descent": {"function": "x^2 + 5y^2", "start": None}}, "Gradient Descent", "start"),
    ({"descent": {"function": "x^2 + 5y^2", "ranges": "abc"}}, "Gradient Descent", "ranges"),
    ({"descent": {"function": "x^2 + 5y^2", "stop": {"max_steps": 1e400}}},
     "Gradient Descent", "stop.max_steps"),
    # a good descent lab and a bad chain lab: the descent lab must not change either
    ({"descent": {"function": "x^2 + 5y^2"}, "chain": {"neuron": {"eta": "fast"}}},
     "Chain Rule", "neuron.eta"),
    ({"descent": {"function": "x^2 + 5y^2"}, "regression": {"x": [1, 2], "y": [1, None]}},
     "Regression", "y[1]"),
])
def test_a_bad_value_refuses_the_whole_file(win, tmp_path, monkeypatch, labs, lab_title,
                                            field):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    d, r = win.labs["descent"], win.labs["regression"]
    win.labs["chain"]
    d.set_function_text("x^2 + 2y^2")
    r.set_points([0.0, 1.0, 2.0], [1.0, 3.0, 2.0])
    before = win.session.state()
    undo_count = win.session.undo_stack.count()
    path = tmp_path / "bad.gradlab"
    path.write_text(_doc(labs))
    assert not win.open_session(str(path))
    assert len(shown) == 1
    assert lab_title in shown[0] and f"“{field}”" in shown[0]
    assert "Nothing was changed" in shown[0]
    assert win.session.state() == before
    assert d.function_text() == "x^2 + 2y^2"
    assert win.session.undo_stack.count() == undo_count  # undo history kept too
    assert win.file_path is None


def test_a_file_for_labs_not_built_yet_is_checked_too(win, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    assert "chain" not in win.labs.built
    path = tmp_path / "bad.gradlab"
    path.write_text(_doc({"chain": {"single": {"x": float("nan")}}}))  # JSON's NaN
    assert not win.open_session(str(path))
    assert "Chain Rule" in shown[0] and "single.x" in shown[0]
    assert "chain" not in win.session.state()  # nothing waits for the lab
    assert win.labs["chain"].get_state()["single"]["x"] == 0.5


def test_a_good_file_is_still_loaded_after_a_refused_one(win, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    bad, good = tmp_path / "bad.gradlab", tmp_path / "good.gradlab"
    bad.write_text(_doc({"descent": {"start": {"x": "far"}}}))
    good.write_text(_doc({"descent": {"function": "x^2 + 7y^2", "start": {"x": 1, "y": 2}}}))
    assert not win.open_session(str(bad))
    assert win.open_session(str(good))
    d = win.labs["descent"]
    assert d.function_text() == "x^2 + 7y^2" and d.start() == (1.0, 2.0)


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


# --- recent files -------------------------------------------------------------------
def test_recent_file_that_was_deleted_is_explained_and_forgotten(win, tmp_path, monkeypatch):
    """Opening a recent file that no longer exists said only 'The file could not be
    read.' and kept the dead entry in File → Open recent."""
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


# --- autosave -----------------------------------------------------------------------
def _autosave_window(qtbot):
    from gui.shell.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("content", [
    "{broken",
    _doc({"descent": {"function": "x^2 + 5y^2", "start": None}}),
    _doc({"regression": {"x": "abc"}}),
    _doc({"chain": {"section": 42}}),
])
def test_a_bad_autosave_starts_with_defaults_and_is_kept_aside(qtbot, settings_tmp,
                                                                content):
    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    w = _autosave_window(qtbot)
    assert w.restore_autosave() is False
    assert w.labs["descent"].function_text().replace(" ", "") == "(x+y-3)^2+(x+2y-5)^2+2"
    kept = sorted(path.parent.glob("autosave-broken-*.gradlab"))
    assert len(kept) == 1 and kept[0].read_text() == content  # kept, byte for byte
    assert not path.exists()
    message = w.statusBar().currentMessage()
    assert "could not be restored" in message and kept[0].name in message
    # said once: the next start finds no broken autosave to talk about
    w2 = _autosave_window(qtbot)
    assert w2.restore_autosave() is False
    assert len(list(path.parent.glob("autosave-broken-*.gradlab"))) == 1


def test_a_good_autosave_restores_and_counts_as_unsaved(qtbot, settings_tmp):
    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": "gradlab-session", "version": 1,
                                "app": {"tab": "chain", "modified": True},
                                "labs": {"descent": {"function": "x^2 + 8y^2"}}}))
    w = _autosave_window(qtbot)
    assert w.restore_autosave() is True
    assert w.labs["descent"].function_text() == "x^2 + 8y^2"
    assert w.current_lab_name() == "chain"
    assert w.is_modified()  # restored work is in no file yet: New asks first


# --- unsaved work is never thrown away silently -----------------------------------
def test_new_asks_when_there_are_unsaved_changes(win, unsaved_changes_answer):
    d = win.labs["descent"]
    d.set_function_text("x^2 + 9y^2")
    unsaved_changes_answer.reply = "cancel"
    assert win.new_session() is False
    assert unsaved_changes_answer.asked == ["new"]
    assert d.function_text() == "x^2 + 9y^2"
    assert win.session.undo_stack.canUndo()
    unsaved_changes_answer.reply = "discard"
    assert win.new_session() is True
    assert d.function_text() != "x^2 + 9y^2"
    assert not win.is_modified()
    assert win.new_session() is True  # nothing unsaved now: no question
    assert unsaved_changes_answer.asked == ["new", "new"]


def test_open_asks_and_save_keeps_the_work_in_a_file(win, tmp_path, unsaved_changes_answer,
                                                     monkeypatch):
    other = tmp_path / "other.gradlab"
    sessionfile.save(other, {"descent": {"function": "x^2 + y^4"}})
    d = win.labs["descent"]
    d.set_function_text("x^2 + 6y^2")
    saved_to = tmp_path / "mine.gradlab"
    monkeypatch.setattr("gui.shell.files.QFileDialog.getSaveFileName",
                        staticmethod(lambda *a, **k: (str(saved_to), "")))
    unsaved_changes_answer.reply = "save"
    assert win.open_session(str(other))
    assert unsaved_changes_answer.asked == ["open"]
    assert sessionfile.load(saved_to)["labs"]["descent"]["function"] == "x^2 + 6y^2"
    assert d.function_text() == "x^2 + y^4"


def test_quit_asks_and_cancel_keeps_the_window(win, qtbot, unsaved_changes_answer):
    win.labs["descent"].set_function_text("x^2 + 4y^2")
    unsaved_changes_answer.reply = "cancel"
    assert win.close() is False
    assert win.isVisible()
    assert unsaved_changes_answer.asked == ["quit"]
    unsaved_changes_answer.reply = "discard"  # "Quit without saving": kept in the autosave
    assert win.close() is True
    doc = sessionfile.load(autosave_path())
    assert doc["labs"]["descent"]["function"] == "x^2 + 4y^2"
    assert doc["app"]["modified"] is True


def test_quit_while_the_autosave_fails_warns(win, monkeypatch, unsaved_changes_answer):
    win.labs["descent"].set_function_text("x^2 + 3y^2")

    def disk_full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sessionfile, "atomic_write_text", disk_full)
    unsaved_changes_answer.reply = "cancel"
    assert win.close() is False
    assert unsaved_changes_answer.asked == ["quit"]
    assert "No space left" in win.autosave_error
    assert "Autosave failed" in win.statusBar().currentMessage()


def test_two_windows_never_share_an_autosave(qtbot, settings_tmp):
    w1 = _autosave_window(qtbot)
    w2 = _autosave_window(qtbot)
    assert w1.autosave_file() != w2.autosave_file()
    assert w2.autosave_file().name == "autosave-2.gradlab"
    w1.labs["descent"].set_function_text("x^2 + 11y^2")
    w2.labs["descent"].set_function_text("x^2 + 22y^2")
    assert w1.autosave() and w2.autosave()
    assert "11y" in w1.autosave_file().read_text()
    assert "22y" in w2.autosave_file().read_text()
    assert w2.close() and w1.close()
    # both closed: the next window takes the first slot again
    w3 = _autosave_window(qtbot)
    assert w3.autosave_file() == autosave_path()


def test_steady_editing_does_not_starve_the_autosave(win, qtbot):
    d = win.labs["descent"]
    path = autosave_path()
    written = []
    for i in range(16):  # one edit every 300 ms for about 5 s: the debounce never ends
        d.set_start(0.1 * i, 0.5)
        qtbot.wait(300)
        if path.exists():
            written.append(i)
    assert written and written[0] < 15
    assert win._autosave_deadline.interval() <= 5000
