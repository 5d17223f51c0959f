"""Regenerate ``torch_reference.json``: trajectories computed by real torch.optim.

NEEDS torch (not a project dependency; the test suite only reads the JSON).  Run it
from a throwaway environment outside the repository, e.g.

    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install torch numpy
    /tmp/torchenv/bin/python tests/core/data/make_torch_reference.py

Every optimiser runs 50 steps in float64 on the chapter's
f(x, y) = (x + y - 3)^2 + (x + 2y - 5)^2 + 2 from (0.5, 0.5); the gradient comes from
torch autograd, the update from torch.optim's single-tensor code path (foreach=False).
The CASES table is also imported by tests/core/test_optimizers.py for the live
comparison, so keep it importable without torch.
"""

from __future__ import annotations

import json
from pathlib import Path

START = (0.5, 0.5)
N_STEPS = 50

# (our name, our hyperparameters, torch class name, torch kwargs)
CASES: list[tuple[str, dict, str, dict]] = [
    ("gd", {"lr": 0.1}, "SGD", {"lr": 0.1}),
    ("gd", {"lr": 0.14}, "SGD", {"lr": 0.14}),
    ("gd", {"lr": 0.05, "weight_decay": 0.3}, "SGD", {"lr": 0.05, "weight_decay": 0.3}),
    ("momentum", {"lr": 0.05}, "SGD", {"lr": 0.05, "momentum": 0.9}),
    ("momentum", {"lr": 0.02, "momentum": 0.5, "dampening": 0.3, "weight_decay": 0.1},
     "SGD", {"lr": 0.02, "momentum": 0.5, "dampening": 0.3, "weight_decay": 0.1}),
    ("momentum", {}, "SGD", {"momentum": 0.9}),
    ("nesterov", {"lr": 0.05}, "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("nesterov", {"lr": 0.03, "momentum": 0.7, "weight_decay": 0.2},
     "SGD", {"lr": 0.03, "momentum": 0.7, "weight_decay": 0.2, "nesterov": True}),
    ("adagrad", {}, "Adagrad", {}),
    ("adagrad", {"lr": 0.5, "lr_decay": 0.01, "weight_decay": 0.1,
                 "initial_accumulator_value": 0.2, "eps": 1e-6},
     "Adagrad", {"lr": 0.5, "lr_decay": 0.01, "weight_decay": 0.1,
                 "initial_accumulator_value": 0.2, "eps": 1e-6}),
    ("rmsprop", {}, "RMSprop", {}),
    ("rmsprop", {"lr": 0.05, "alpha": 0.9, "centered": True, "momentum": 0.5},
     "RMSprop", {"lr": 0.05, "alpha": 0.9, "centered": True, "momentum": 0.5}),
    ("rmsprop", {"lr": 0.02, "weight_decay": 0.1, "eps": 1e-4, "momentum": 0.3},
     "RMSprop", {"lr": 0.02, "weight_decay": 0.1, "eps": 1e-4, "momentum": 0.3}),
    ("adam", {}, "Adam", {}),
    ("adam", {"lr": 0.1}, "Adam", {"lr": 0.1}),
    ("adam", {"lr": 0.1, "betas": (0.8, 0.99), "amsgrad": True, "weight_decay": 0.05},
     "Adam", {"lr": 0.1, "betas": (0.8, 0.99), "amsgrad": True, "weight_decay": 0.05}),
    ("adam", {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True, "eps": 1e-3},
     "Adam", {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True, "eps": 1e-3}),
    ("adam", {"lr": 0.2, "maximize": True}, "Adam", {"lr": 0.2, "maximize": True}),
]


def chapter_f(theta):
    x, y = theta[0], theta[1]
    return (x + y - 3) ** 2 + (x + 2 * y - 5) ** 2 + 2


def torch_trajectory(torch_name: str, kwargs: dict, start=START, n_steps=N_STEPS):
    """Points (n_steps + 1, 2) visited by torch.optim.<torch_name>(**kwargs)."""
    import torch

    theta = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, torch_name)([theta], foreach=False, **kwargs)
    points = [theta.detach().clone().tolist()]
    for _ in range(n_steps):
        opt.zero_grad()
        chapter_f(theta).backward()
        opt.step()
        points.append(theta.detach().clone().tolist())
    return points


def main() -> None:
    import torch

    cases = []
    for name, hyper, torch_name, kwargs in CASES:
        cases.append(
            {
                "name": name,
                "hyper": {k: list(v) if isinstance(v, tuple) else v for k, v in hyper.items()},
                "torch": torch_name,
                "torch_kwargs": {k: list(v) if isinstance(v, tuple) else v
                                 for k, v in kwargs.items()},
                "points": torch_trajectory(torch_name, kwargs),
            }
        )
    out = {
        "generator": "tests/core/data/make_torch_reference.py",
        "torch_version": torch.__version__,
        "function": "(x + y - 3)**2 + (x + 2*y - 5)**2 + 2",
        "start": list(START),
        "n_steps": N_STEPS,
        "dtype": "float64",
        "cases": cases,
    }
    path = Path(__file__).with_name("torch_reference.json")
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(cases)} trajectories to {path}")


if __name__ == "__main__":
    main()
