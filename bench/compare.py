"""Run a bench script on two commits side by side and print the ratios.

    xvfb-run -a -s "-screen 0 1600x1000x24" uv run python bench/compare.py \
        --base 082926a --rounds 3 bench_descent_gui.py bench_regression_gui.py

Each commit gets its own git worktree and venv (``uv sync --frozen``) under a
temporary folder; the scripts of each commit run alternately (base, head, base,
head, …) so that the load of a shared machine falls on both alike. Every line a
script prints as ``<name>  median <m> ms  p95 <p> ms`` is collected; the table
gives, per line, the median over the rounds of each side's median and p95, and
the ratio head / base (below 1: head is faster).
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^(?P<name>\S.*?)\s+median\s+(?P<med>[\d.]+)\s*ms\s+p95\s+(?P<p95>[\d.]+)\s*ms")


def checkout(commit: str, where: Path) -> Path:
    path = where / commit
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(path),
                    commit], check=True, capture_output=True)
    subprocess.run(["uv", "sync", "--frozen", "--quiet"], cwd=path, check=True)
    return path


def run(tree: Path, script: str) -> dict[str, tuple[float, float]]:
    env = dict(os.environ, HOME=tempfile.mkdtemp(prefix="bench-home-"))
    out = subprocess.run(["uv", "run", "--frozen", "python", str(tree / "bench" / script)],
                         cwd=tree, env=env, capture_output=True, text=True, timeout=1800)
    found = {}
    for line in out.stdout.splitlines():
        m = LINE.match(line)
        if m:
            found[m["name"].strip()] = (float(m["med"]), float(m["p95"]))
    if out.returncode != 0 or not found:
        print(f"{tree.name} {script}: exit {out.returncode}\n{out.stderr[-2000:]}",
              file=sys.stderr)
    return found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True, help="the commit to compare against")
    ap.add_argument("--head", default="HEAD")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("scripts", nargs="+", help="file names in bench/")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        trees = {side: checkout(commit, Path(tmp))
                 for side, commit in (("base", args.base), ("head", args.head))}
        try:
            for script in args.scripts:
                seen: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(
                    lambda: defaultdict(list))
                for _ in range(args.rounds):
                    for side, tree in trees.items():
                        for name, value in run(tree, script).items():
                            seen[name][side].append(value)
                print(f"\n{script}: {args.base} (base) vs {args.head} (head), "
                      f"{args.rounds} rounds, medians of the rounds")
                print(f"{'':<52} {'base med':>9} {'head med':>9} {'ratio':>6}   "
                      f"{'base p95':>9} {'head p95':>9} {'ratio':>6}")
                for name, sides in seen.items():
                    if len(sides) < 2:
                        print(f"{name:<52} (only in {', '.join(sides)})")
                        continue
                    b = [statistics.median(v[i] for v in sides["base"]) for i in (0, 1)]
                    h = [statistics.median(v[i] for v in sides["head"]) for i in (0, 1)]
                    print(f"{name[:52]:<52} {b[0]:9.2f} {h[0]:9.2f} {h[0] / b[0]:6.2f}   "
                          f"{b[1]:9.2f} {h[1]:9.2f} {h[1] / b[1]:6.2f}")
        finally:
            for tree in trees.values():
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                str(tree)], capture_output=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
