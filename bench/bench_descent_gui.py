"""Benchmark the Descent Lab's interactive paths under Xvfb + software OpenGL.

Run:  xvfb-run -a -s "-screen 0 1600x1000x24" uv run python bench/bench_descent_gui.py

1. Step → every view repainted (150×150 surface, GD on the chapter's f): time from
   ``lab.step(1)`` until the window's next paint pass is done: the 3D view
   (``OffscreenGLView``) emits ``frameSwapped`` from its paintEvent after the scene
   was rendered and read back, in the same backing-store pass that paints every
   other dirty widget (contour, plots, step panel) and flushes them.
   Target p95 < 16 ms.
2. Function edit → new surface on screen, 200×200 grid: ``set_function_text`` plus
   a synchronous repaint.  Target < 100 ms.
3. Play at 60 steps/s: frames per second actually achieved over 3 s.
4. Basin map, 200×200 starts × 500 steps (Himmelblau): wall time, and event-loop
   latency (a 5 ms QTimer's lateness) meanwhile.  Target < 2 s, latency p99 < 100 ms.

Medians and 95th / 99th percentiles; not a timed test.
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


def open_descent_lab(app):
    """A shown Descent Lab on its own session, and ``paint_all()``: let Qt paint
    everything that is dirty in one pass (what a user sees) and wait until the GL
    surface has swapped its new frame."""
    from gui.labs.descent.lab import DescentLab
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

    paint_all.swapped = swapped  # the frames' times, for the play test
    return session, lab, paint_all


def main() -> int:
    app = gapp.make_app(sys.argv[:1])
    gapp.set_language("en")
    from PySide6.QtCore import QElapsedTimer, QTimer

    session, lab, paint_all = open_descent_lab(app)

    # 1. step -> repaint
    paint_all()
    times = []
    for _i in range(200):
        if lab.current_index() >= lab.traj_cursor.length - 1:
            lab.traj_cursor.reset()
        t0 = time.perf_counter()
        lab.step(1)
        paint_all()
        times.append((time.perf_counter() - t0) * 1000)
    report("step -> all views repainted (150x150)", times[10:])
    for name, w in (("  of which: GL surface alone", lab.surface.gl),
                    ("  of which: contour alone", lab.contour.viewport()),
                    ("  of which: loss plot alone", lab.loss_plot.viewport()),
                    ("  of which: step panel alone", lab.step_panel.viewport())):
        ts = []
        for _ in range(30):
            t0 = time.perf_counter()
            w.update()
            if w is lab.surface.gl:
                paint_all()
            else:
                app.processEvents()
            ts.append((time.perf_counter() - t0) * 1000)
        report(name, ts)

    # 2. function edit -> new surface, 200x200
    lab.grid_n = 200
    funcs = ["x^2 + 3y^2", "(x + y - 3)^2 + (x + 2y - 5)^2 + 2", "sin(x) + cos(y) + 0.1x^2",
             "(1 - x)^2 + 100(y - x^2)^2", "x^2 - y^2 + 0.1x^4"]
    times = []
    for i in range(25):
        text = funcs[i % len(funcs)] + (" " * (i // len(funcs)))  # new text, cache-cold parse
        t0 = time.perf_counter()
        lab.set_function_text(text)
        paint_all()
        times.append((time.perf_counter() - t0) * 1000)
    report("function edit -> new 200x200 surface on screen", times)
    lab.grid_n = 150
    lab.apply_preset("chapter")

    # 3. play at 60 steps/s
    frames = paint_all.swapped
    lab.set_stop_rules(grad_tol=0.0, max_steps=5000)
    lab.controls.sps.setValue(60)
    lab.traj_cursor.reset()
    lab.traj_cursor.play()
    t_end = time.perf_counter() + 3.0
    while time.perf_counter() < t_end:
        app.processEvents()
        time.sleep(0.001)
    lab.traj_cursor.pause()
    fr = [f for f in frames if f > t_end - 3.0]
    fps = (len(fr) - 1) / (fr[-1] - fr[0]) if len(fr) > 2 else 0.0
    print(f"{'play at 60 steps/s: GL frames per second':<48} {fps:7.1f} fps"
          f"   (cursor advanced {lab.current_index()} steps)")
    lab.set_stop_rules(grad_tol=1e-6, max_steps=5000)

    # 4. basin map 200x200 x 500 steps with event-loop latency
    for preset in ("himmelblau", "rosenbrock"):  # rosenbrock: every start runs all 500
        lab.basin_check.setChecked(False)
        lab.apply_preset(preset)
        lab.set_stop_rules(grad_tol=1e-6, max_steps=500)
        lab.basin_size.setValue(200)
        lat = []
        probe = QTimer()
        probe.setInterval(5)
        clock = QElapsedTimer()

        def tick(clock=clock, lat=lat):
            if clock.isValid():
                lat.append(max(0.0, clock.nsecsElapsed() / 1e6 - 5.0))
            clock.restart()

        probe.timeout.connect(tick)
        probe.start()
        t0 = time.perf_counter()
        lab.basin_check.setChecked(True)
        while lab.basin_running():
            app.processEvents()
        t_basin = time.perf_counter() - t0
        probe.stop()
        print(f"{'basin map 200x200 x 500 steps, ' + preset:<48} {t_basin:7.2f} s    "
              f"minima {len(lab.basin.minima)}")
        if lat:
            print(f"{'  event-loop latency meanwhile':<48} median {statistics.median(lat):6.2f}"
                  f" ms   p99 {pct(lat, 99):6.2f} ms   max {max(lat):6.2f} ms  (n={len(lat)})")
    session.undo_stack.blockSignals(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
