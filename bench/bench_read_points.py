"""Benchmark core.datasets.read_points on a 1,000,000-row point file.

Run:  uv run python bench/bench_read_points.py  [--quick] [--rows N]

Two files made here: a UTF-8 ``x,y`` table, and a GBK table with a name column
first (姓名,体重,身高) as Chinese Excel saves it.  For each: the median and 95th
percentile of the read time over repeats (time.perf_counter), and the peak memory
of one read traced with tracemalloc, against the file's size.
Targets: peak memory well under 10× the file size; the numbers read back exactly.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.datasets import read_points  # noqa: E402


def make_files(rows: int) -> dict[str, tuple[bytes, np.ndarray, np.ndarray]]:
    """name -> (file bytes, x written, y written)."""
    rng = np.random.default_rng(11)
    x = np.round(rng.uniform(40, 80, rows), 3)
    y = np.round(0.75 * x + 124.3 + rng.normal(0, 3, rows), 3)
    xs, ys = [repr(float(v)) for v in x], [repr(float(v)) for v in y]
    plain = "x,y\n" + "".join(f"{a},{b}\n" for a, b in zip(xs, ys, strict=True))
    named = "姓名,体重,身高\r\n" + "".join(
        f"学生{i},{a},{b}\r\n" for i, (a, b) in enumerate(zip(xs, ys, strict=True)))
    return {"utf-8 x,y": (plain.encode("utf-8"), x, y),
            "gbk 姓名,体重,身高": (named.encode("gbk"), x, y)}


def bench(name: str, data: bytes, x: np.ndarray, y: np.ndarray, repeats: int) -> bool:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        table = read_points(data)
        times.append(time.perf_counter() - t0)
    exact = bool(np.array_equal(table.x, x) and np.array_equal(table.y, y))
    del table
    tracemalloc.start()
    read_points(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    ratio = peak / len(data)
    print(f"{name:20s} {len(x):>9,d} rows {len(data) / 1e6:6.1f} MB: "
          f"median {statistics.median(times):.3f} s, p95 {p95:.3f} s, "
          f"peak memory {peak / 1e6:.1f} MB = {ratio:.2f}× the file, exact: {exact}")
    return exact and ratio < 10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 rows, 3 repeats")
    parser.add_argument("--rows", type=int, default=None)
    args = parser.parse_args()
    rows = args.rows or (100_000 if args.quick else 1_000_000)
    repeats = 3 if args.quick else 7
    ok = all(bench(name, *made, repeats=repeats) for name, made in make_files(rows).items())
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
