"""Benchmark the Regression Lab's live refit during a point drag.

Run:  xvfb-run -a uv run python bench/bench_regression_gui.py  [--quick]

1. Drag → refit → repaint at degree 1 with 1,000 / 10,000 / 100,000 points: one
   ``drag_to`` (what a mouse move does: O(1) update of the sufficient statistics, the
   fit line, residual segments when shown, the equation and metrics), then the event
   loop, which paints the plot (pyqtgraph's GraphicsView.paintEvent runs once per
   move) and, when their tab is shown, refreshes the cost views.
   Targets (p95): < 8 ms at 1,000, < 16 ms at 10,000, < 100 ms at 100,000.
2. Cost-surface refresh during a drag at degree 1, 100 × 100 grid:
   ``SufficientStats.cost_grid`` alone, and with the contour and 3D views updated
   until the window's next paint pass has painted them (the 3D view's
   ``frameSwapped``, emitted by its paintEvent once the new frame is rendered).
   Target: < 16 ms.

Medians and 95th percentiles over repeats (time.perf_counter).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def pct(values, q):
    return float(np.percentile(np.asarray(values) * 1e3, q))


def report(label, times, target=None):
    med, p95 = pct(times, 50), pct(times, 95)
    verdict = "" if target is None else ("  OK" if p95 < target else f"  OVER {target} ms")
    print(f"{label:<52} median {med:7.2f} ms   p95 {p95:7.2f} ms{verdict}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    repeats = 30 if args.quick else 120

    from gui.shell import app as gapp

    app = gapp.make_app(["bench"])
    gapp.set_language("en")
    from PySide6.QtWidgets import QApplication

    from core.regression import SufficientStats
    from gui.labs.regression.lab import RegressionLab
    from gui.shell.session import Session

    session = Session()
    lab = RegressionLab(session, None)
    lab.resize(1400, 900)
    lab.show()
    for _ in range(5):
        QApplication.processEvents()
    print(f"Qt platform: {QApplication.platformName()}  (DISPLAY={os.environ.get('DISPLAY')})")
    # the floor: an event-loop pass that paints a 1-pixel change of an empty plot
    import pyqtgraph as pg
    probe = pg.PlotWidget()
    probe.resize(820, 620)
    probe.show()
    dot = probe.plot([0.0], [0.0], symbol="o")
    for _ in range(5):
        QApplication.processEvents()
    times = []
    for r in range(repeats):
        t0 = time.perf_counter()
        dot.setData([r % 7], [r % 5])
        QApplication.processEvents()
        times.append(time.perf_counter() - t0)
    probe.close()
    report("floor: repaint of a nearly empty pyqtgraph plot", times)

    rng = np.random.default_rng(0)
    targets = {1_000: 8.0, 10_000: 16.0, 100_000: 100.0}
    for n, target in targets.items():
        x = rng.uniform(40, 80, n)
        y = 0.75 * x + 124 + rng.normal(0, 5, n)
        lab.set_points(x, y)
        lab.viewbox.setRange(xRange=(35, 85), yRange=(130, 210), padding=0)
        lab.tabs.setCurrentIndex(0)
        QApplication.processEvents()
        i = int(n // 2)
        lab.begin_drag(i)
        times = []
        for r in range(repeats):
            t0 = time.perf_counter()
            lab.drag_to(i, 40 + 40 * (r % 50) / 50, 150 + 40 * ((r * 7) % 50) / 50)
            times.append(time.perf_counter() - t0)
        lab.end_drag(i)
        QApplication.processEvents()
        report(f"drag → refit, no paint,  {n:>7,} points", times)
        for tab in (0, 2):  # data-only tab, then with the cost surface visible
            lab.tabs.setCurrentIndex(tab)
            QApplication.processEvents()
            i = int(n // 2)
            lab.begin_drag(i)
            times = []
            for r in range(repeats):
                t0 = time.perf_counter()
                lab.drag_to(i, 40 + 40 * (r % 50) / 50, 150 + 40 * ((r * 7) % 50) / 50)
                QApplication.processEvents()  # scene update → paint (and the cost views)
                times.append(time.perf_counter() - t0)
            lab.end_drag(i)
            where = "points tab" if tab == 0 else "cost-surface tab"
            report(f"drag → refit → repaint, {n:>7,} points ({where})", times,
                   target if tab == 0 else None)

    # cost surface alone
    s = SufficientStats.from_points(*lab.points())
    ks = np.linspace(-1, 3, 100)
    bs = np.linspace(0, 250, 100)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        s.cost_grid(ks, bs)
        times.append(time.perf_counter() - t0)
    report("cost_grid 100×100 (sufficient statistics)", times, 16.0)
    from gui.views.contour import contour_segments
    Z = s.cost_grid(ks, bs)
    times = []
    for _ in range(max(10, repeats // 3)):
        t0 = time.perf_counter()
        contour_segments(ks, bs, Z, np.geomspace(Z.min() + 1, Z.max(), 16))
        times.append(time.perf_counter() - t0)
    report("  of which: iso-lines, 16 levels (shared ContourView)", times)
    lab.tabs.setCurrentIndex(2)
    QApplication.processEvents()
    swapped = []
    lab.surface.gl.frameSwapped.connect(lambda: swapped.append(1))
    times = []
    for _ in range(max(10, repeats // 3)):
        t0 = time.perf_counter()
        lab._refresh_cost(live=True)
        # one paint pass paints every dirty widget (contour included); wait until the
        # 3D view has rendered and painted its new frame in it
        n = len(swapped)
        QApplication.processEvents()
        deadline = time.perf_counter() + 1.0
        while len(swapped) == n and time.perf_counter() < deadline:
            QApplication.processEvents()
        times.append(time.perf_counter() - t0)
    report("cost surface + contours refresh 100×100 (+ repaint)", times, 16.0)
    lab.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
