"""The Regression Lab's sentences: data set names, axis labels and notes (by data
set id), CSV problems (by :class:`core.datasets.CsvError` code), the explanations
of a fit's status (by ``PolynomialFit.status``) and the fitted equation.

``core/`` returns ids, codes and numbers; every word a user reads about them is
here, translated with ``QCoreApplication.translate("RegressionMessages", …)``.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from core.datasets import CsvError, Dataset
from gui.text.format import fmt, superscript

CONTEXT = "RegressionMessages"
#: the lab's digits: the chapter's precision (y = 0.75141243x + 124.29802)
DIGITS = 8
#: at most this many bad lines are listed in a CSV error message
CSV_LINES_SHOWN = 12


# ------------------------------------------------------------------ data sets
def dataset_name(dataset_id: str) -> str:
    names = {
        "chapter_heights": QCoreApplication.translate(
            "RegressionMessages", "Heights and weights of 8 girls"),
        "anscombe_1": QCoreApplication.translate("RegressionMessages", "Anscombe's quartet I"),
        "anscombe_2": QCoreApplication.translate("RegressionMessages", "Anscombe's quartet II"),
        "anscombe_3": QCoreApplication.translate("RegressionMessages", "Anscombe's quartet III"),
        "anscombe_4": QCoreApplication.translate("RegressionMessages", "Anscombe's quartet IV"),
        "women_1975": QCoreApplication.translate(
            "RegressionMessages", "Average heights and weights of American women (1975)"),
        "cars_1920s": QCoreApplication.translate(
            "RegressionMessages", "Speed and stopping distance of cars (1920s)"),
    }
    return names.get(dataset_id, dataset_id)


def dataset_axes(dataset_id: str) -> tuple[str, str]:
    """The names of the data set's x and y (without units)."""
    weight = QCoreApplication.translate("RegressionMessages", "Weight")
    height = QCoreApplication.translate("RegressionMessages", "Height")
    axes = {
        "chapter_heights": (weight, height),
        "women_1975": (height, weight),
        "cars_1920s": (QCoreApplication.translate("RegressionMessages", "Speed"),
                       QCoreApplication.translate("RegressionMessages", "Stopping distance")),
    }
    return axes.get(dataset_id, ("x", "y"))


def dataset_note(dataset_id: str) -> str:
    anscombe = QCoreApplication.translate(
        "RegressionMessages",
        "All four sets of Anscombe's quartet have almost the same line y ≈ 3.00 + 0.500x "
        "and r ≈ 0.816, yet look completely different: always plot the data. {set}")
    notes = {
        "chapter_heights": QCoreApplication.translate(
            "RegressionMessages",
            "The chapter's example: fit height = k·weight + b by least squares."),
        "anscombe_1": anscombe.format(set=QCoreApplication.translate(
            "RegressionMessages", "Set I: a line is a fair model.")),
        "anscombe_2": anscombe.format(set=QCoreApplication.translate(
            "RegressionMessages", "Set II: a smooth curve — try degree 2.")),
        "anscombe_3": anscombe.format(set=QCoreApplication.translate(
            "RegressionMessages", "Set III: a perfect line except one outlier.")),
        "anscombe_4": anscombe.format(set=QCoreApplication.translate(
            "RegressionMessages",
            "Set IV: one point alone decides the slope — drag it and watch.")),
        "women_1975": QCoreApplication.translate(
            "RegressionMessages",
            "Almost a line (R² ≈ 0.991), but the residuals curve: a parabola fits "
            "noticeably better."),
        "cars_1920s": QCoreApplication.translate(
            "RegressionMessages", "50 noisy measurements: dist ≈ 3.93·speed − 17.6, R² ≈ 0.65."),
    }
    return notes.get(dataset_id, "")


def dataset_source(ds: Dataset) -> str:
    """The data set's source in the user's language: the descriptive words are
    translated, bibliographic titles stay as published (core keeps only English)."""
    described = {
        "chapter_heights": QCoreApplication.translate(
            "RegressionMessages",
            "The chapter 深度学习 | 掌握神经网络的法宝（一） (Deep learning: the tools "
            "for mastering neural networks, part 1), section 3.4, Python example."),
        "women_1975": QCoreApplication.translate(
            "RegressionMessages",
            "The World Almanac and Book of Facts, 1975: average weights for American "
            "women aged 30–39; as distributed in R's datasets package (data set "
            "'women')."),
        "cars_1920s": QCoreApplication.translate(
            "RegressionMessages",
            "M. Ezekiel, Methods of Correlation Analysis, Wiley (1930); recorded in "
            "the 1920s; as distributed in R's datasets package (data set 'cars')."),
    }
    return described.get(ds.id, ds.source)


def axis_titles(ds: Dataset | None) -> tuple[str, str]:
    """'Weight x (kg)', 'Height y (cm)'; 'x', 'y' for the user's own data."""
    if ds is None:
        return "x", "y"
    (xl, yl), (xu, yu) = dataset_axes(ds.id), ds.units
    return (f"{xl} x ({xu})" if xu else xl), (f"{yl} y ({yu})" if yu else yl)


# ------------------------------------------------------------------ CSV problems
def _column_name(column: object, axis: object = None) -> str:
    """A column as the file names it: its header; 'x' or 'y' for the first two columns of
    a file without a header when they are x and y; else 'column 3'."""
    if isinstance(column, int) and (column, axis) in ((1, "x"), (2, "y")):
        return str(axis)
    if isinstance(column, int):
        return QCoreApplication.translate("RegressionMessages", "column {n}").format(n=column)
    return str(column)


def csv_problem(problem: CsvError) -> str:
    """One problem of a CSV text, without its line number."""
    p = problem.params
    code = problem.code
    if code == "wrong_columns" and "expected" in p:
        return QCoreApplication.translate(
            "RegressionMessages", "expected {m} columns like the rows above, found {n}").format(
            m=p["expected"], n=p["found"])
    if code == "wrong_columns":
        return QCoreApplication.translate(
            "RegressionMessages", "expected 2 columns (x and y), found {n}").format(n=p["found"])
    if code == "header_columns":
        return QCoreApplication.translate(
            "RegressionMessages",
            "the header has {n} columns, expected 2 (x and y)").format(n=p["found"])
    if code == "bad_row":
        return QCoreApplication.translate(
            "RegressionMessages", "a quotation mark \" is opened and never closed")
    if code == "binary":
        return QCoreApplication.translate(
            "RegressionMessages", "this is not a text file (CSV, TSV or TXT); "
            "in Excel or WPS, use Save As → CSV")
    if code == "no_such_column":
        return QCoreApplication.translate(
            "RegressionMessages", "there is no column {name}; the file has {n} columns").format(
            name=_column_name(p["column"]), n=p["found"])
    if code == "too_few_columns":
        return QCoreApplication.translate(
            "RegressionMessages", "two columns of numbers are needed (x and y), "
            "the file has {n}").format(n=p["found"])
    if code in ("not_a_number", "not_finite"):
        value = p.get("value", "")
        shown = repr(value) if value else QCoreApplication.translate(
            "RegressionMessages", "(empty)")
        name = _column_name(p["column"], p.get("axis"))
        if code == "not_finite":
            return QCoreApplication.translate(
                "RegressionMessages", "{name} value {value} is not a finite number").format(
                name=name, value=shown)
        return QCoreApplication.translate(
            "RegressionMessages", "{name} value {value} is not a number").format(
            name=name, value=shown)
    return code


def csv_error_text(exc: CsvError) -> str:
    """Why an import changed nothing, naming each bad line (at most 12)."""
    problems = exc.problems
    if [p.code for p in problems] == ["no_rows"]:
        return QCoreApplication.translate(
            "RegressionMessages", "The points were not changed: the text has no rows with two "
            "numbers x and y.")
    if len(problems) == 1 and not problems[0].line:
        return QCoreApplication.translate(
            "RegressionMessages", "The points were not changed: {problem}.").format(
            problem=csv_problem(problems[0]))
    lines = []
    for p in problems[:CSV_LINES_SHOWN]:
        problem = csv_problem(p)
        if p.line:
            lines.append(QCoreApplication.translate(
                "RegressionMessages", "Line {line}: {problem}").format(
                line=p.line, problem=problem))
        else:
            lines.append(problem)
    total = max(getattr(exc, "total", len(problems)), len(problems))
    if total > CSV_LINES_SHOWN:
        lines.append(QCoreApplication.translate("RegressionMessages", "… and {n} more").format(
            n=total - min(len(problems), CSV_LINES_SHOWN)))
    return (QCoreApplication.translate(
        "RegressionMessages", "The points were not changed. These rows could not be read:")
        + "\n" + "\n".join(lines))


# ------------------------------------------------------------------ the fit
def polynomial_text(coefficients: Sequence[float], digits: int = DIGITS) -> str:
    """'y = 0.75141243x + 124.29802' for highest-power-first coefficients."""
    c = [float(v) for v in coefficients]
    d = len(c) - 1
    parts: list[str] = []
    for i, a in enumerate(c):
        power = d - i
        var = "" if power == 0 else ("x" if power == 1 else "x" + superscript(power))
        mag = fmt(abs(a), digits)
        sign = ("−" if a < 0 else "") if not parts else (" − " if a < 0 else " + ")
        parts.append(sign + mag + var)
    return "y = " + "".join(parts)


def model_name(degree: int) -> str:
    names = {0: QCoreApplication.translate("RegressionMessages", "constant"),
             1: QCoreApplication.translate("RegressionMessages", "line"),
             2: QCoreApplication.translate("RegressionMessages", "parabola"),
             3: QCoreApplication.translate("RegressionMessages", "cubic")}
    return names.get(degree, QCoreApplication.translate(
        "RegressionMessages", "degree-{d} polynomial").format(d=degree))


def count_text(p: int, n: int) -> str:
    """'2 parameters, 8 points'."""
    ptxt = QCoreApplication.translate("RegressionMessages", "1 parameter") if p == 1 else \
        QCoreApplication.translate("RegressionMessages", "{p} parameters").format(p=p)
    ntxt = QCoreApplication.translate("RegressionMessages", "1 point") if n == 1 else \
        QCoreApplication.translate("RegressionMessages", "{n} points").format(n=n)
    return QCoreApplication.translate("RegressionMessages", "{params}, {points}").format(
        params=ptxt, points=ntxt)


def status_text(args: dict) -> str:
    """Explanation of a fit's status from ``PolynomialFit.message_args`` ("" when ok)."""
    n, p, d = args["n_points"], args["n_params"], args["n_distinct_x"]
    degree, status = args["degree"], args["status"]
    model = model_name(degree)
    if status == "ok":
        return ""
    if status == "empty":
        if p == 1:
            return QCoreApplication.translate(
                "RegressionMessages",
                "No points yet: click in the plot to add some. A constant has 1 parameter, so "
                "it needs more than 1 point to be determined (chapter 3.5).")
        return QCoreApplication.translate(
            "RegressionMessages",
            "No points yet: click in the plot to add some. A {model} has {p} parameters, so "
            "it needs more than {p} points to be determined (chapter 3.5).").format(
            model=model, p=p)
    if status == "exact":
        if n == 1:
            return QCoreApplication.translate(
                "RegressionMessages",
                "1 point and 1 parameter: the constant passes through the point exactly, so "
                "the error is zero — nothing was really fitted. To determine a model you need "
                "more points than parameters (chapter 3.5).")
        return QCoreApplication.translate(
            "RegressionMessages",
            "{n} points and {p} parameters: the {model} passes through every point exactly, "
            "so the error is zero — nothing was really fitted. To determine a model you need "
            "more points than parameters (chapter 3.5).").format(n=n, p=p, model=model)
    if n == d:
        if n == 1 and degree == 1:
            return QCoreApplication.translate(
                "RegressionMessages",
                "1 point cannot determine a line (2 parameters): every line through it has "
                "zero error (grey lines). The cost surface is a flat valley with no single "
                "lowest point; the horizontal line is shown.")
        if n == 1:
            return QCoreApplication.translate(
                "RegressionMessages",
                "1 point cannot determine a {model} ({p} parameters): infinitely many of them "
                "pass through it with zero error (grey curves); the simplest one is "
                "shown.").format(model=model, p=p)
        return QCoreApplication.translate(
            "RegressionMessages",
            "{n} points cannot determine a {model} ({p} parameters): infinitely many of them "
            "pass through all the points with zero error (grey curves); the simplest one is "
            "shown.").format(n=n, model=model, p=p)
    if d == 1:
        return QCoreApplication.translate(
            "RegressionMessages",
            "{n} points all at the same x cannot determine a {model} ({p} parameters): "
            "infinitely many share the same smallest error (grey curves); the simplest one "
            "is shown.").format(n=n, model=model, p=p)
    return QCoreApplication.translate(
        "RegressionMessages",
        "{n} points with only {d} different x values cannot determine a {model} ({p} "
        "parameters): infinitely many share the same smallest error (grey curves); the "
        "simplest one is shown.").format(n=n, d=d, model=model, p=p)
