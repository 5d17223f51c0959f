"""Step, step back, Home and End on long descent runs (issue 18): the cost of showing
step k must not grow with the run's length.

Run:  xvfb-run -a -s "-screen 0 1600x1000x24" uv run python bench/bench_long_run.py

GD on f = x² + y² with η = 1e-5 and no gradient tolerance runs exactly ``max_steps``
steps (1k, 10k, 100k).  Each interaction is timed from the call until the window's
next paint pass is done and the 3D view has swapped its frame (as
bench_descent_gui.py), with the cursor in the middle of the run.
Target: p95 < 16.7 ms at every length.  Medians and 95th percentiles; not a test.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui.shell import app as gapp  # noqa: E402


def pct(a, q):
    return float(np.percentile(np.asarray(a), q))


def report(name, ms):
    print(f"{name:<48} median {statistics.median(ms):7.2f} ms   p95 {pct(ms, 95):7.2f} ms"
          f"   max {max(ms):7.2f} ms   (n={len(ms)})")


def main() -> int:
    app = gapp.make_app(sys.argv[:1])
    gapp.set_language("en")
    from gui.labs.descent.lab import DescentLab
    from gui.labs.model import EditCommand
    from gui.shell.session import Session

    session = Session()
    lab = DescentLab(session)
    lab.resize(1400, 900)
    lab.show()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    swapped = []
    lab.surface.gl.frameSwapped.connect(lambda: swapped.append(time.perf_counter()))

    def paint_all():
        n = len(swapped)
        app.processEvents()
        deadline = time.perf_counter() + 1.0
        while len(swapped) == n and time.perf_counter() < deadline:
            app.processEvents()

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
        cursor = lab.traj_cursor
        length = lab.trajectory("gd").points.shape[0] - 1
        mid = length // 2

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
