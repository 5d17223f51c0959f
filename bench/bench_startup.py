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


def launch() -> float:
    t0 = time.time()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--first-paint-time"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("FIRST_PAINT"):
            return float(line.split()[1]) - t0
    raise RuntimeError(out.stderr[-2000:])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    times = []
    for i in range(n):
        t = launch()
        times.append(t)
        print(f"launch {i + 1}: first paint after {t * 1000:.0f} ms")
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"median {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
          f"(target: median < 1000 ms)")


if __name__ == "__main__":
    main()
