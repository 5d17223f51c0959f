"""Step, step back, Home and End, and a drag of θ₀, on long descent runs (issue 18):
the cost of showing step k, or of a move of θ₀, must not grow with the run's length.

Run:  xvfb-run -a -s "-screen 0 1600x1000x24" uv run python bench/bench_long_run.py

GD on f = x² + y² with η = 1e-5 and no gradient tolerance runs exactly ``max_steps``
steps (1k, 10k, 100k).  Each interaction is timed from the call until the window's
next paint pass is done and the 3D view has swapped its frame (as
bench_descent_gui.py), with the cursor in the middle of the run.
Target: p95 < 16.7 ms at every length.  Medians and 95th percentiles; not a test.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_descent_gui import open_descent_lab, report  # noqa: E402

from gui.shell import app as gapp  # noqa: E402


def bench_length(lab, length: int, timed, paint_all) -> None:
    cursor, mid = lab.traj_cursor, length // 2

    def step():
        if cursor.index >= length:
            cursor.set_index(mid)
        lab.step(1)

    def back():
        if cursor.index <= 0:
            cursor.set_index(mid)
        lab.step(-1)

    cursor.set_index(mid)
    paint_all()
    report(f"{length:>6} steps: step", timed(step))
    cursor.set_index(mid)
    paint_all()
    report(f"{length:>6} steps: step back", timed(back))
    report(f"{length:>6} steps: Home / End", timed(
        lambda: cursor.reset() if cursor.index else cursor.to_end(), 20))
    moves = iter(range(10_000))

    def drag():  # θ₀ dragged on the map: each move re-runs (as the view does)
        i = next(moves)
        lab.range_box.drag_start(0.4 + 0.01 * (i % 20), 0.6 - 0.01 * (i % 20))

    report(f"{length:>6} steps: drag start, per move", timed(drag, 25))
    lab.range_box.end_start_drag()
    lab.contour.startDragFinished.emit(0.0, 0.0)
    paint_all()


def main() -> int:
    app = gapp.make_app(sys.argv[:1])
    gapp.set_language("en")
    from gui.labs.model import EditCommand

    session, lab, paint_all = open_descent_lab(app)

    def timed(fn, n=40):
        ts = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            paint_all()
            ts.append((time.perf_counter() - t0) * 1000)
        return ts[3:]

    session.push(EditCommand(lab.model, {"function": "x^2 + y^2",
                                         "hyper": {"gd": {"lr": 1e-5}}}, "bench"))
    for steps in (1_000, 10_000, 100_000):
        session.push(EditCommand(lab.model, {"stop": {"grad_tol": 0.0, "value_tol": None,
                                                      "max_steps": steps}}, "bench"))
        paint_all()
        bench_length(lab, lab.trajectory("gd").points.shape[0] - 1, timed, paint_all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
