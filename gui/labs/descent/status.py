"""The status banner: one line per run (its colour, name, a badge converges /
oscillates / slow / diverges, why it stopped and what that means), and a warning
when θ₀ is off the plot.  The banner grows with its text up to
:attr:`StatusBanner.BANNER_MAX_LINES` lines, then scrolls (it never clips a row).

It is a light panel in the light theme and a dark one in the dark theme; a
palette change draws it again in the new colours.
"""
from __future__ import annotations

import html
import math
import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy

from gui import theme
from gui.labs.descent.common import LABELS, Panel, line_colour, restyle
from gui.labs.descent.results import Results
from gui.text.format import fmt, fmt_point


class StatusBanner(Panel, QScrollArea):
    BANNER_MAX_LINES = 9

    def __init__(self, parent=None):
        super().__init__(parent)
        self._last: tuple | None = None  # what is shown, to redo it in new words/colours
        self.banner = QLabel(self)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(28)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setWidget(self.banner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.viewport().installEventFilter(self)
        self._ready = True

    # ------------------------------------------------------------------ texts
    def kind_text(self, kind: str) -> str:
        return {"converges": self.tr("converges"), "oscillates": self.tr("oscillates"),
                "slow": self.tr("slow"), "diverges": self.tr("diverges")}.get(kind, kind)

    def legend_text(self, results: Results, name: str) -> str:
        t = results.runs[name]
        return self.tr("{opt}: {k} steps · {status}").format(
            opt=LABELS[name], k=t.n_steps, status=self.kind_text(results.classes[name].kind))

    def stop_reason_text(self, t) -> str:
        k = t.n_steps
        g = float(t.gradient_norms[-1]) if len(t.gradients) else math.nan
        p = fmt_point(t.points[-1], 5)
        f = fmt(t.values[-1], 6)
        r = t.stop_reason
        if r == "gradient_tolerance":
            return self.tr("Converged after {k} steps at {p}, f = {f}: ‖∇f‖ = {g} is below "
                           "the tolerance {tol}.").format(k=k, p=p, f=f, g=fmt(g, 3),
                                                           tol=fmt(t.grad_tol))
        if r == "value_tolerance":
            return self.tr("Stopped after {k} steps at {p}, f = {f}: f changed by less than "
                           "{tol} in the last step, but ‖∇f‖ is still {g} — maybe not the "
                           "exact minimum yet.").format(k=k, p=p, f=f, tol=fmt(t.value_tol),
                                                        g=fmt(g, 3))
        if r == "max_steps":
            return self.tr("Stopped at the maximum of {k} steps at {p}, f = {f}: not "
                           "converged yet (‖∇f‖ = {g}).").format(k=k, p=p, f=f, g=fmt(g, 3))
        if r == "diverged":
            return self.tr("Diverged after {k} steps: the point or f blew up.").format(k=k)
        if k == 0:
            return self.tr("f or its gradient is undefined at the start point {p}: choose "
                           "another start.").format(p=p)
        return self.tr("After {k} steps the point {p} left the region where f is "
                       "defined.").format(k=k, p=p)

    def explanation(self, results: Results, name: str) -> str:
        t = results.runs[name]
        kind = results.classes[name].kind
        eta = float(t.optimizer.hyper["lr"])
        b = results.bound
        if kind == "diverges" and t.stop_reason != "undefined":
            if name == "gd" and math.isfinite(b) and eta > b:
                return self.tr("η = {eta} is above 2/λmax ≈ {bound} here: each step "
                               "overshoots further.").format(eta=fmt(eta), bound=fmt(b, 4))
            if len(t.values) > 1 and t.values[-1] < t.values[0]:
                return self.tr("f fell without bound: it has no minimum in the direction "
                               "the point went.")
            return self.tr("Each step overshoots more than the last: use a smaller "
                           "learning rate.")
        if kind == "oscillates":
            return self.tr("The point jumps back and forth across the valley: η is near "
                           "its upper limit.")
        if kind == "slow":
            return self.tr("Progress is slow: a larger learning rate would get there "
                           "faster.")
        return ""

    # ------------------------------------------------------------------ the banner
    def show_results(self, results: Results, outside: list[str]) -> None:
        """One line per run; ``outside``: the plotted variables whose start value is
        off the plot."""
        self._last = (results, list(outside))
        rows = []
        worst = "ok"
        for name, t in results.runs.items():
            kind = results.classes[name].kind
            col = line_colour(name)
            badge = theme.colour(f"descent.badge.{kind}" if kind in (
                "converges", "oscillates", "slow", "diverges") else "descent.badge.other")
            expl = self.explanation(results, name)
            line = (f"<span style='color:{col}; font-size:13pt'>●</span> <b>{LABELS[name]}</b> "
                    f"<span style='background:{badge}; color:{theme.colour('descent.badge.text')}; "
                    f"padding:1px 6px'>&nbsp;{html.escape(self.kind_text(kind))}&nbsp;</span> "
                    f"{html.escape(self.stop_reason_text(t))}")
            if expl:
                line += f" <b style='color:{badge}'>{html.escape(expl)}</b>"
            rows.append(line)
            if kind == "diverges":
                worst = "bad"
        if outside:
            rows.append(f"<b style='color:{theme.colour('descent.banner.warning')}'>" + html.escape(
                self.tr("The start point lies outside the plotted range of {v}: widen the "
                        "range (or click the plot) to see it and its path.").format(
                    v=", ".join(outside))) + "</b>")
        self.banner.setText("<br>".join(rows))
        bg = theme.colour("descent.banner.bad" if worst == "bad" else "descent.banner.ok")
        restyle(self.banner, f"QLabel {{ background: {bg}; "
                             f"color: {theme.colour('descent.banner.text')}; "
                             f"border-radius: 5px; padding: 4px 8px; }}")
        self.fit()

    def retranslate(self) -> None:
        if self._last is not None:
            self.show_results(*self._last)

    recolour = retranslate

    def text(self) -> str:
        """The banner as a user reads it (plain text)."""
        return html.unescape(re.sub(r"<[^>]+>", " ", self.banner.text()))

    def fit(self) -> None:
        """Give the banner the height its wrapped text needs (all optimizers' lines),
        up to BANNER_MAX_LINES lines; beyond that it scrolls."""
        w = self.viewport().width()
        if w < 50:
            w = max(self.width(), 400)
        need = max(self.banner.heightForWidth(w), self.banner.minimumHeight())
        cap = self.banner.fontMetrics().lineSpacing() * self.BANNER_MAX_LINES + 12
        h = min(need, cap)
        if self.height() != h or self.minimumHeight() != h:
            self.setFixedHeight(h)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if need > cap
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # ------------------------------------------------------------------ events
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.viewport() and event.type() == QEvent.Type.Resize and \
                event.oldSize().width() != event.size().width():
            self.fit()
        return False

