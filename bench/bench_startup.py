"""Start-up time: launch → first painted window, cold-ish, several launches.

    xvfb-run -a uv run python bench/bench_startup.py [N]

Target (issue 6): median under 1.0 s on a 2-core machine without a GPU.
Prints each launch, the median and p95.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def launch() -> tuple[float, float]:
    """(first painted window, visible lab built and painted), seconds from launch."""
    t0 = time.time()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--first-paint-time"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    marks = {}
    for line in out.stdout.splitlines():
        if line.startswith(("FIRST_PAINT", "LAB_READY")):
            key, value = line.split()
            marks[key] = float(value) - t0
    if "FIRST_PAINT" not in marks:
        raise RuntimeError(out.stderr[-2000:])
    return marks["FIRST_PAINT"], marks.get("LAB_READY", float("nan"))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    times, ready = [], []
    for i in range(n):
        t, r = launch()
        times.append(t)
        ready.append(r)
        print(f"launch {i + 1}: first paint after {t * 1000:.0f} ms, "
              f"Descent Lab ready after {r * 1000:.0f} ms")
    for name, xs in (("first paint", times), ("lab ready", ready)):
        xs = sorted(xs)
        p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
        print(f"{name}: median {statistics.median(xs) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print("target: first paint median < 1000 ms")


if __name__ == "__main__":
    main()
