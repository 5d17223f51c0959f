"""Benchmark core.descent against the chapter's own pure-Python gradient descent.

Run:  uv run python bench/bench_core_descent.py  [--quick]

1. One trajectory of 10,000 steps on f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2,
   η = 0.1, from (0.5, 0.5): the chapter's loop (copied below; its tolerance slip
   fixed, and called with tolerance=0 so that it runs every step) versus
   ``descend(..., grad_tol=0)``, which also records every point, value and gradient.
   Target: descend within 2× of the chapter's loop.
2. 200 × 200 starts × 500 steps: ``descend_batch(..., grad_tol=0)`` versus the
   chapter's loop run start by start (timed on a sample of starts and extrapolated).
   Target: the batch at least 100× faster.

Timings are medians and 95th percentiles over repeats (time.perf_counter).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.descent import descend, descend_batch  # noqa: E402
from core.expression import parse  # noqa: E402
from core.optimizers import make_optimizer  # noqa: E402

CHAPTER = "(x + y - 3)**2 + (x + 2*y - 5)**2 + 2"


# ---- the chapter's code (section 2.7), faithfully, with two changes: the start is
# ---- passed in instead of drawn with random(), and tolerance is a real number.
def gradient_decent(fn, partial_derivatives, n_variables, lr=0.1, max_iter=10000,
                    tolerance=1e-5, theta=None):
    theta = list(theta)  # chapter: [random() for _ in range(n_variables)]
    y_cur = fn(*theta)
    for i in range(max_iter):  # noqa: B007 - the chapter's code, as printed
        # calculate gradient of current theta
        gradient = [f(*theta) for f in partial_derivatives]
        # update the theta by the gradient
        for j in range(n_variables):
            theta[j] -= gradient[j] * lr
        # check if converged or not
        y_cur, y_pre = fn(*theta), y_cur
        if abs(y_pre - y_cur) < tolerance:
            break
    return theta, y_cur


def f(x, y):
    return (x + y - 3) ** 2 + (x + 2 * y - 5) ** 2 + 2


def df_dx(x, y):
    return 2 * (x + y - 3) + 2 * (x + 2 * y - 5)


def df_dy(x, y):
    return 2 * (x + y - 3) + 4 * (x + 2 * y - 5)


# ---- helpers
def timed(fn, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def fmt(xs: list[float], unit: float = 1e-3, name: str = "ms") -> str:
    return (f"median {statistics.median(xs) / unit:9.3f} {name}   "
            f"p95 {p95(xs) / unit:9.3f} {name}   (n={len(xs)})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    args = ap.parse_args()
    rep1 = 7 if args.quick else 21
    rep2 = 3 if args.quick else 7

    obj = parse(CHAPTER)
    gd = make_optimizer("gd", lr=0.1)
    ok = True

    # ---------------------------------------------------------------- 1. single run
    print("1. one trajectory, 10,000 steps, eta = 0.1, start (0.5, 0.5)")
    theta, _ = gradient_decent(f, [df_dx, df_dy], 2, tolerance=0.0, theta=[0.5, 0.5])
    traj = descend(obj, gd, [0.5, 0.5], max_steps=10_000, grad_tol=0)
    assert traj.n_steps == 10_000, traj.stop_reason
    diff = float(np.max(np.abs(traj.final_point - theta)))
    chapter_t, ours_t = [], []
    for _ in range(rep1):  # interleaved, so drifts in machine load hit both alike
        chapter_t += timed(lambda: gradient_decent(f, [df_dx, df_dy], 2, tolerance=0.0,
                                                   theta=[0.5, 0.5]), 1)
        ours_t += timed(lambda: descend(obj, gd, [0.5, 0.5], max_steps=10_000, grad_tol=0), 1)
    ratio = statistics.median(ours_t) / statistics.median(chapter_t)
    print(f"   chapter pure-Python loop : {fmt(chapter_t)}")
    print(f"   core.descent.descend     : {fmt(ours_t)}  (records all points, values, "
          f"gradients)")
    print(f"   ratio descend / chapter  : {ratio:.2f}x   (target <= 2x)  "
          f"{'OK' if ratio <= 2 else 'MISSED'}")
    print(f"   same end point           : max |difference| = {diff:.2e}")
    ok &= ratio <= 2

    # ---------------------------------------------------------------- 2. batch
    print("\n2. 200 x 200 starts on [-5, 5]^2, 500 steps each (grad_tol = 0: every step)")
    g = np.linspace(-5, 5, 200)
    X, Y = np.meshgrid(g, g)
    starts = np.stack([X.ravel(), Y.ravel()], axis=1)
    m = len(starts)
    batch_t = timed(lambda: descend_batch(obj, gd, starts, max_steps=500, grad_tol=0), rep2)
    res = descend_batch(obj, gd, starts, max_steps=500, grad_tol=0)
    sample = starts[np.random.default_rng(0).choice(m, size=400, replace=False)]

    def loop_sample():
        for s in sample:
            gradient_decent(f, [df_dx, df_dy], 2, max_iter=500, tolerance=0.0, theta=s.tolist())

    sample_t = timed(loop_sample, rep2)
    scale = m / len(sample)
    loop_t = [t * scale for t in sample_t]
    speedup = statistics.median(loop_t) / statistics.median(batch_t)
    # spot check: the sampled runs end where the batch says
    s0 = sample[0]
    th, _ = gradient_decent(f, [df_dx, df_dy], 2, max_iter=500, tolerance=0.0, theta=s0.tolist())
    i0 = int(np.flatnonzero((starts == s0).all(axis=1))[0])
    print(f"   descend_batch ({m} starts)      : {fmt(batch_t, 1.0, 's ')}")
    print(f"   chapter loop, {len(sample)} sampled starts : {fmt(sample_t, 1.0, 's ')}")
    print(f"   chapter loop, all {m} starts   : {fmt(loop_t, 1.0, 's ')}  "
          f"(EXTRAPOLATED x{scale:.0f} from the {len(sample)}-start sample)")
    print(f"   speed-up batch vs loop          : {speedup:.0f}x   (target >= 100x)  "
          f"{'OK' if speedup >= 100 else 'MISSED'}")
    print(f"   batch under 2 s                 : "
          f"{'OK' if statistics.median(batch_t) < 2 else 'MISSED'}")
    print(f"   spot check vs chapter loop      : max |difference| = "
          f"{np.max(np.abs(res.final_points[i0] - th)):.2e}")
    ok &= speedup >= 100 and statistics.median(batch_t) < 2

    # default stop rule, for information
    tb = timed(lambda: descend_batch(obj, gd, starts, max_steps=500), rep2)
    print(f"   (with the default grad_tol=1e-6, finished starts frozen: {fmt(tb, 1.0, 's ')})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
