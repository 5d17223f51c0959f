"""The contract every lab in the registry keeps (gui/labs/registry.py): a new lab
gets these tests by being listed there.

Save → load round trip; a bad saved state is refused and changes nothing; a
language switch leaves no English label; a theme switch recolours the whole lab;
a screenshot from the command line renders it."""
from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

from gui.labs import registry
from gui.labs.fields import StateError
from gui.shell.main_window import MainWindow
from tests.support import ROOT

# one change of each lab's saved state, in saved form (every top-level kind of value:
# text, numbers, objects, lists, a choice)
EXAMPLE_CHANGES = {
    "descent": {"function": "x^2 + 3y^2", "start": {"x": 1.5, "y": -0.5},
                "selected": ["gd", "adam"], "hyper": {"adam": {"lr": 0.02}},
                "stop": {"max_steps": 300}, "log_color": True},
    "regression": {"x": [1.0, 2.0, 3.0, 4.0], "y": [2.0, 4.5, 5.0, 8.0], "degree": 2,
                   "my_line": [1.5, 0.5], "view": {"squares": True},
                   "descent": {"lr": 0.01}},
    "chain": {"section": "vector", "single": {"x": 0.7, "f": "sin(u)"},
              "vector": {"dx": -0.1, "dy": 0.2}, "neuron": {"activation": "tanh"}},
}
# proper names and math that stay in Latin letters in Chinese
LATIN_OK = re.compile(
    r"Adam|RMSProp|AdaGrad|Nesterov|Momentum|Rosenbrock|Himmelblau|Anscombe|GradLab|"
    r"sigmoid|tanh|ReLU|relu|identity|exp|sqrt|CSV|SSE|MSE|Galton|Pearson|lr|"
    r"weight_decay|betas|eps|alpha|amsgrad|centered|dampening|lr_decay|momentum|nesterov|"
    r"initial_accumulator_value|beta1|beta2|maximize|sin|cos|log|ln")


def test_every_lab_has_an_example_change():
    assert set(EXAMPLE_CHANGES) == set(registry.NAMES)


def _expected(name: str) -> dict:
    module = registry.spec(name).state_module()
    state_cls = next(v for v in vars(module).values()
                     if isinstance(v, type) and v.__module__ == module.__name__
                     and hasattr(v, "apply") and hasattr(v, "field_names"))
    return state_cls.from_dict(module.validate({})).apply(EXAMPLE_CHANGES[name]).to_dict()


def _lab(win: MainWindow, name: str):
    from pytestqt.qtbot import QtBot

    win.show_lab(name)
    win.build_current_lab()
    lab = win.labs[name]
    QtBot(win).waitUntil(lab.isVisible)
    return lab


def _comparable(saved: dict, name: str) -> dict:
    """The fields of the saved state that the example change names."""
    return {k: saved[k] for k in EXAMPLE_CHANGES[name]}


@pytest.mark.parametrize("name", registry.NAMES)
def test_save_then_open_gives_the_same_state(qtbot, win, tmp_path, name):
    _lab(win, name)
    expected = _expected(name)
    win.session.restore({name: expected})
    assert _comparable(win.session.state()[name], name) == _comparable(expected, name)
    path = tmp_path / "contract.gradlab"
    assert win.save_session_as(str(path))
    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    _lab(other, name)
    assert other.open_session(str(path))
    assert _comparable(other.session.state()[name], name) == _comparable(expected, name)


@pytest.mark.parametrize("name", registry.NAMES)
def test_a_bad_state_is_refused_and_changes_nothing(win, name):
    _lab(win, name)
    win.session.restore({name: _expected(name)})
    before = win.session.state()
    first_field = next(iter(EXAMPLE_CHANGES[name]))
    with pytest.raises(StateError) as info:
        win.session.restore({name: {**_expected(name), first_field: {"not": "usable"}}})
    assert info.value.lab == name and info.value.field.startswith(first_field)
    assert win.session.state() == before


def _visible_texts(lab) -> list[str]:
    widgets = lab.findChildren(QLabel) + lab.findChildren(QAbstractButton)
    texts = [w.text() for w in widgets if w.isVisible() and w.text()]
    texts += [g.title() for g in lab.findChildren(QGroupBox) if g.isVisible() and g.title()]
    return [html.unescape(re.sub(r"<[^>]+>", " ", t)) for t in texts]


@pytest.mark.parametrize("name", registry.NAMES)
def test_a_language_switch_relabels_the_whole_lab(qtbot, win, name):
    lab = _lab(win, name)
    english_before = [t for t in _visible_texts(lab) if re.search(r"\b[A-Za-z]{4,}\b", t)]
    assert english_before  # the lab says something in English to begin with
    try:
        win.set_language("zh_CN")
        qtbot.wait(20)
        leftover = [t for t in _visible_texts(lab)
                    if re.search(r"\b[A-Za-z]{4,}\b", t)
                    and not re.search(r"[\u4e00-\u9fff]", t) and not LATIN_OK.search(t)]
        assert not leftover, leftover[:8]
    finally:
        win.set_language("en")
    qtbot.wait(20)
    english_after = [t for t in _visible_texts(lab) if re.search(r"\b[A-Za-z]{4,}\b", t)]
    assert sorted(english_after) == sorted(english_before)  # and back again


def _mean_lightness(widget) -> float:
    img = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    step = max(1, min(img.width(), img.height()) // 60)
    values = [img.pixelColor(x, y).lightness()
              for x in range(0, img.width(), step) for y in range(0, img.height(), step)]
    return sum(values) / len(values)


@pytest.mark.parametrize("name", registry.NAMES)
def test_a_theme_switch_recolours_the_whole_lab(qtbot, win, name):
    import pyqtgraph as pg

    lab = _lab(win, name)
    qtbot.wait(50)
    light = _mean_lightness(lab)
    try:
        win.set_theme("dark")
        qtbot.wait(50)
        dark = _mean_lightness(lab)
        plots = [p for p in lab.findChildren(pg.PlotWidget) if p.isVisible()]
        assert all(p.backgroundBrush().color().lightness() < 100 for p in plots), name
    finally:
        win.set_theme("light")
    # the whole picture darkens, not a few widgets: fonts do not matter at this scale
    assert light > 170 and dark < 0.6 * light, (light, dark)
    qtbot.wait(50)
    assert abs(_mean_lightness(lab) - light) < 15


@pytest.mark.gl
@pytest.mark.parametrize("name", registry.NAMES)
def test_a_screenshot_renders_the_lab(tmp_path, name):
    out = tmp_path / f"{name}.png"
    proc = subprocess.run([sys.executable, "main.py", "--screenshot", str(out), "--tab", name,
                           "--size", "1280x720"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1280, 720)
    # not blank: many distinct colours (plots, text, controls)
    colours = {img.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 720, 16)}
    assert len(colours) > 40
