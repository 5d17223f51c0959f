"""Lessons: one entry per chapter section (1.1–3.5).

Each lesson opens the right lab with the right preset and parameters and shows
a short explanation in the chapter's notation, in English or Chinese. The texts
go through ``QCoreApplication.translate("Lessons", ...)``; their Chinese lives in
``resources/translations/zh_CN.json`` like every other string.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("Lessons", text)


@dataclass(frozen=True)
class Lesson:
    id: str            # "1.2"
    lab: str           # a name in gui/labs/registry.py
    title: str         # English source text (translated on display)
    body: str          # English source text, simple HTML
    # the lesson's example as a change of the lab's saved state (the saved form of
    # gui/labs/<lab>/state.py); built when the lesson opens, so that the labs'
    # modules (and sympy) are imported only then
    change: Callable[[], dict[str, Any]]

    def tr_title(self) -> str:
        return _t(self.title)

    def tr_body(self) -> str:
        return _t(self.body)



def _descent(preset: str, eta: float | None = None, start: tuple[float, ...] | None = None,
             optimizers: list[str] | None = None) -> Callable[[], dict[str, Any]]:
    """A Descent Lab preset, with the lesson's η (plain GD) and start point."""
    def change() -> dict[str, Any]:
        from gui.labs.descent.state import PRESETS

        p = PRESETS[preset]
        names = list(p["start"])
        out: dict[str, Any] = {
            "preset": preset, "function": p["function"],
            "ranges": {k: list(v) for k, v in p["ranges"].items()},
            "start": dict(zip(names, start, strict=True)) if start is not None
            else dict(p["start"]),
            "hyper": {"gd": {"lr": float(p["eta"] if eta is None else eta)}},
            "cursor": 0,
        }
        if optimizers is not None:
            out["selected"] = list(optimizers)
        return out
    return change


def _regression(dataset: str = "chapter_heights", degree: int = 1,
                points: tuple[list[float], list[float]] | None = None
                ) -> Callable[[], dict[str, Any]]:
    """A built-in data set (or the lesson's own points) and the degree of the fit."""
    def change() -> dict[str, Any]:
        from core.datasets import load_dataset

        if points is not None:
            x, y, source = list(points[0]), list(points[1]), None
        else:
            ds = load_dataset(dataset)
            x, y, source = [float(v) for v in ds.x], [float(v) for v in ds.y], dataset
        return {"x": x, "y": y, "dataset": source, "degree": degree}
    return change


def _chain(section: str, single: tuple[str, str] | None = None
           ) -> Callable[[], dict[str, Any]]:
    """A Chain Rule Lab section, with the lesson's y = f(u), u = g(x) for 1.2."""
    def change() -> dict[str, Any]:
        out: dict[str, Any] = {"section": section}
        if single is not None:
            out["single"] = {"f": single[0], "g": single[1]}
        return out
    return change


LESSONS: tuple[Lesson, ...] = (
    Lesson("1.1", "chain", QT_TRANSLATE_NOOP(
               "Lessons", "1.1 Neural network and composite function"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>If y = f(u) and u = g(x), then y = f(g(x)) is the <b>composite function</b> "
           "of f and g.</p><p>A neuron is one: y = a(w<sub>1</sub>x<sub>1</sub> + "
           "w<sub>2</sub>x<sub>2</sub> + b) is the composite of the linear function "
           "z = w·x + b (weights w, bias b) and the activation function a.</p>"
           "<p>Change the weights, the bias and the activation, and watch the values "
           "flow forward through the graph.</p>"),
           _chain("neuron")),
    Lesson("1.2", "chain", QT_TRANSLATE_NOOP(
               "Lessons", "1.2 Single-variable chain rule"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p><b>dy/dx = dy/du · du/dx</b></p><p>Here y = u² and u = 3x + 1, so "
           "dy/du = 2u, du/dx = 3 and dy/dx = 2u·3 = 6(3x + 1).</p><p>The approximation "
           "f(x + Δx) ≈ f(x) + f′(x)·Δx is the tangent line: make Δx small and the "
           "error shrinks faster than Δx.</p>"),
           _chain("single", ("u^2", "3x + 1"))),
    Lesson("1.3", "chain", QT_TRANSLATE_NOOP(
               "Lessons", "1.3 Multivariable chain rule"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>If z = f(u, v) with u = u(x, y) and v = v(x, y), then</p>"
           "<p><b>∂z/∂x = ∂z/∂u · ∂u/∂x + ∂z/∂v · ∂v/∂x</b><br>"
           "<b>∂z/∂y = ∂z/∂u · ∂u/∂y + ∂z/∂v · ∂v/∂y</b></p>"
           "<p>One product for each path from x to z, added up. Pick a derivative to "
           "see its paths.</p>"),
           _chain("multi")),
    Lesson("1.4", "chain", QT_TRANSLATE_NOOP(
               "Lessons", "1.4 Vector form of the approximation"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy = <b>∇z · Δx</b>, with the gradient "
           "∇z = (∂z/∂x, ∂z/∂y) and the displacement Δx = (Δx, Δy).</p>"
           "<p>The tangent plane at the point is this approximation; move Δx and Δy and "
           "compare the true Δz with ∇z·Δx.</p>"),
           _chain("vector")),
    Lesson("2.1", "descent", QT_TRANSLATE_NOOP(
               "Lessons", "2.1 The idea of gradient descent"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>Instead of solving ∂f/∂x = 0, ∂f/∂y = 0 directly, move a point little by "
           "little downhill until it reaches a minimum.</p><p>z = x² + y² from (3, 2) "
           "with η = 0.1: each step multiplies the point by 0.8, so it passes "
           "(2.4, 1.6), (1.92, 1.28), … towards (0, 0).</p>"),
           _descent("paraboloid", 0.1, (3.0, 2.0))),
    Lesson("2.3", "descent", QT_TRANSLATE_NOOP(
               "Lessons", "2.2–2.3 Why the gradient"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>Δz ≈ ∇f · Δx, and an inner product a · b = |a||b|cos θ is smallest when "
           "b points opposite to a (θ = 180°).</p><p>So for a step of fixed length, f "
           "falls fastest when Δx points opposite to ∇f. The arrow at the current point "
           "shows −η∇f; the contour lines cross it at right angles.</p>"),
           _descent("chapter", 0.1, (0.5, 0.5))),
    Lesson("2.4", "descent", QT_TRANSLATE_NOOP(
               "Lessons", "2.4 The basic formula for two variables"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p><b>(Δx, Δy) = −η · (∂f/∂x, ∂f/∂y)</b>, η > 0.</p><p>The chapter's example "
           "f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2 has ∂f/∂x = 2(x + y − 3) + "
           "2(x + 2y − 5) and ∂f/∂y = 2(x + y − 3) + 4(x + 2y − 5). With η = 0.1 the "
           "point reaches the minimum f = 2 at (x, y) = (1, 2). Step through it and "
           "read each update.</p>"),
           _descent("chapter", 0.1, (0.5, 0.5))),
    Lesson("2.5", "descent", QT_TRANSLATE_NOOP(
               "Lessons", "2.5 Three or more variables"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>(Δx, Δy, Δz) = −η · (∂f/∂x, ∂f/∂y, ∂f/∂z); for n variables "
           "<b>Δθ = −η · ∇f(θ)</b>. All coordinates are updated at the same time.</p>"
           "<p>With three variables there is no surface to draw, but the loss curve, the "
           "trace of each variable and the step table still show every update.</p>"),
           _descent("three_var", 0.1)),
    Lesson("2.6", "descent", QT_TRANSLATE_NOOP(
               "Lessons", "2.6 The learning rate η"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>η too small: slow, many iterations. η too large: the point jumps over "
           "the minimum, oscillates (来回震荡) or never converges.</p><p>For the chapter's "
           "f the Hessian has eigenvalues 7 ± √45, so plain gradient descent converges "
           "only for η &lt; 2/λ<sub>max</sub> ≈ 0.1459: η = 0.14 zig-zags but converges, "
           "η = 0.15 diverges. Try both.</p>"),
           _descent("chapter", 0.15, (0.5, 0.5))),
    Lesson("2.6b", "descent", QT_TRANSLATE_NOOP(
               "Lessons", "2.6 Different starts, different minima"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>Himmelblau's function has four minima. Which one gradient descent "
           "reaches depends on the start point: click the contour map to try starts, "
           "or turn on the basin map to colour every start by the minimum it "
           "reaches.</p>"),
           _descent("himmelblau", 0.01, (0.0, 0.0))),
    Lesson("2.7", "descent", QT_TRANSLATE_NOOP(
               "Lessons", "2.7 The chapter's Python example"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>Minimise f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2 with η = 0.1, at "
           "most 10000 iterations. The exact minimum is f = 2 at (1, 2).</p><p>The "
           "original code wrote its tolerance as −5 (meant 1e−5), so it always ran all "
           "10000 iterations. A stop rule on |Δf| &lt; 1e−5 stops early, near "
           "(1.028, 1.983); a rule on |∇f| is the better default. Compare the two stop "
           "rules.</p>"),
           _descent("chapter", 0.1, (0.5, 0.5))),
    Lesson("3.1", "regression", QT_TRANSLATE_NOOP(
               "Lessons", "3.1 Building a model is an optimisation problem"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>Choosing a model's parameters so that it fits data best is an "
           "<b>optimisation problem</b> (最优化问题); fitting a neural network's weights "
           "and biases is the same kind of problem.</p><p>Drag the points and watch the "
           "best line follow.</p>"),
           _regression()),
    Lesson("3.2", "regression", QT_TRANSLATE_NOOP(
               "Lessons", "3.2 Regression analysis"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>Regression analysis explains one variable by others. Simple linear "
           "regression fits <b>y = kx + b</b> (the textbook writes y = px + q).</p>"
           "<p>Here x is weight (kg) and y is height (cm) of 8 girls.</p>"),
           _regression()),
    Lesson("3.3", "regression", QT_TRANSLATE_NOOP(
               "Lessons", "3.3 The cost function"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>The cost function (误差函数/损失函数) is the sum of squared errors "
           "<b>C = Σ (y<sub>i</sub> − (k·x<sub>i</sub> + b))²</b> (the textbook puts ½ "
           "in front). Minimising it is the method of least squares.</p><p>Each "
           "residual's square is drawn: the best line makes their total area "
           "smallest. Set your own line and compare.</p>"),
           _regression()),
    Lesson("3.4", "regression", QT_TRANSLATE_NOOP(
               "Lessons", "3.4 The heights and weights example"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>The least-squares line for the 8 girls is k = 0.75141…, b = 124.298…, "
           "with r = 0.79847, R² = 0.63756 and SSE = 113.6243.</p><p>The chapter's "
           "iterative solver printed k = 0.7514124562779751, b = 124.29802113285037: "
           "the same to about 7 significant digits. Fit it by gradient descent too — "
           "and see why standardising x matters.</p>"),
           _regression()),
    Lesson("3.5", "regression", QT_TRANSLATE_NOOP(
               "Lessons", "3.5 The number of model parameters"),
           QT_TRANSLATE_NOOP("Lessons",
           "<p>To determine a model you need more data points than it has parameters: "
           "a line has 2, a degree-n polynomial n + 1.</p><p>Here a parabola (3 "
           "parameters) meets 3 points: it passes through all of them with zero error, "
           "and says nothing about the data. Add points, or lower the degree.</p>"),
           _regression("chapter_heights", 2, ([48.0, 54.0, 64.0], [165.0, 170.0, 175.0]))),
)

LESSONS_BY_ID = {lesson.id: lesson for lesson in LESSONS}


class LessonPanel(QWidget):
    """The explanation of the current lesson, with previous/next."""

    lessonRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lesson: Lesson | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        f.setBold(True)
        self.title.setFont(f)
        self.body = QTextBrowser()
        self.body.setOpenExternalLinks(False)
        self.prev_btn = QPushButton()
        self.next_btn = QPushButton()
        self.prev_btn.clicked.connect(lambda: self._go(-1))
        self.next_btn.clicked.connect(lambda: self._go(+1))
        row = QHBoxLayout()
        row.addWidget(self.prev_btn)
        row.addStretch(1)
        row.addWidget(self.next_btn)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.body, 1)
        lay.addLayout(row)
        self.retranslate()

    def set_lesson(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.retranslate()

    def _go(self, delta: int) -> None:
        if self.lesson is None:
            return
        i = LESSONS.index(self.lesson) + delta
        if 0 <= i < len(LESSONS):
            self.lessonRequested.emit(LESSONS[i].id)

    def retranslate(self) -> None:
        self.prev_btn.setText(QCoreApplication.translate("Lessons", "◀ Previous"))
        self.next_btn.setText(QCoreApplication.translate("Lessons", "Next ▶"))
        self.prev_btn.setAccessibleName(QCoreApplication.translate("Lessons", "Previous lesson"))
        self.next_btn.setAccessibleName(QCoreApplication.translate("Lessons", "Next lesson"))
        self.body.setAccessibleName(QCoreApplication.translate("Lessons", "Lesson text"))
        if self.lesson is None:
            self.title.setText(QCoreApplication.translate("Lessons", "Lessons"))
            self.body.setHtml(QCoreApplication.translate(
                "Lessons", "<p>Choose a lesson from the Lessons menu: each one opens the "
                "right lab with the chapter's example.</p>"))
            self.prev_btn.setEnabled(False)
            self.next_btn.setEnabled(False)
            return
        self.title.setText(self.lesson.tr_title())
        self.body.setHtml(self.lesson.tr_body())
        i = LESSONS.index(self.lesson)
        self.prev_btn.setEnabled(i > 0)
        self.next_btn.setEnabled(i < len(LESSONS) - 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
