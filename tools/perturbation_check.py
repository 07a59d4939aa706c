"""Would another machine print the same? Re-run the notebooks with every matrix product nudged, under strict nbval.

A developer's check, run by hand before committing notebook outputs (it is not part of `make test`).
For each noise seed it runs pytest on the given targets (default: every notebook folder) with
``tools/ulp_noise.py`` enabled in every Python process of the run (the tests, the notebook kernels, the
processes of ``model_batch``: a ``sitecustomize`` module on PYTHONPATH enables it at start-up), so that
each matrix product of ``utils`` is off by up to ``--scale`` relative, as if another BLAS kernel had
summed it. nbval then compares the outputs with the committed ones, with the
project's sanitizer, exactly as `make test` does. A cell that fails here prints digits that depend on
rounding: print fewer digits, fix the experiment, or show it without comparing it next to a checked
statement (see "Same numbers on every machine" in the README).

Run from the repository root, in the project's environment:
    .venv/bin/python tools/perturbation_check.py                      # every notebook, seeds 1 2 3
    .venv/bin/python tools/perturbation_check.py --seeds 4 5 Regularization
    .venv/bin/python tools/perturbation_check.py --scale 1e-12 Weight_Initialization   # with margin
    .venv/bin/python tools/perturbation_check.py tests/test_data.py   # unit tests too (those that assert
                                                                      # bitwise equality of two runs will fail)
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_FOLDERS = sorted({p.parent.name for p in ROOT.glob("*/*.ipynb") if ".ipynb_checkpoints" not in p.parts})
SITECUSTOMIZE = "import ulp_noise\n\nulp_noise.enable_from_environment()\n"


def run(seed, scale, targets):
    """pytest on ``targets`` with the noise of ``seed`` in every Python process it starts; its exit status."""
    with tempfile.TemporaryDirectory() as startup:
        Path(startup, "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        path = [startup, str(ROOT / "tools"), os.environ.get("PYTHONPATH")]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, path)), ULP_NOISE_SEED=str(seed),
                   ULP_NOISE_SCALE=str(scale))
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *targets]
        return subprocess.run(command, cwd=ROOT, env=env).returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3], help="one run per noise seed")
    parser.add_argument("--scale", type=float, default=1e-15,
                        help="relative size of the noise (default 1e-15, a few units in the last place; "
                             "1e-12 for margin)")
    parser.add_argument("targets", nargs="*", help="pytest targets (default: every notebook folder)")
    args = parser.parse_args()
    failed = []
    for seed in args.seeds:
        print(f"== noise seed {seed}, scale {args.scale:g}", flush=True)
        if run(seed, args.scale, args.targets or NOTEBOOK_FOLDERS) != 0:
            failed.append(seed)
    print("perturbation check: " + (f"FAILED with seeds {failed}" if failed else "every run passed"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
