"""Gradient-check speed: the course's per-entry loop against the batched and the fast (directional) checks.

1. [2, 20, 3, 1] on 211 examples (the course's regularization network): the course's loop (two
   full forward passes per parameter) against ``method="batched"``, median of interleaved runs,
   and how closely the two numerical gradients agree. Goal: >= 10x, same gradient within 1e-10.
2. [2, 128, 128, 64, 1] on 300 examples (25,217 parameters): ``fast=True`` against the loop, on
   correct gradients and on gradients with one tensor off by 5%. Goal: <= 1% of the loop's time,
   the 5% tensor named, nothing flagged when correct. The loop runs once here (about a minute).

Run: python benchmarks/bench_gradcheck.py [--skip-big]
"""

import argparse
import time

from _timing import interleaved_medians  # first: it pins the thread pools before numpy loads

# isort: split

import numpy as np
from sklearn.datasets import make_moons

from utils import backward_propagation, forward_propagation, initialize_parameters, load_circles
from utils.gradcheck import gradient_check_n, numerical_gradients


def max_difference(a, b):
    return max(float(np.abs(a[k] - b[k]).max()) for k in a)


def small_network(repeats):
    X, y = make_moons(211, noise=0.3, random_state=0)
    X, Y = X.T, y.reshape(1, -1)
    parameters = initialize_parameters([2, 20, 3, 1], "xavier", np.random.RandomState(3))
    _, cache = forward_propagation(X, parameters)
    analytic = backward_propagation(X, Y, cache)

    medians = interleaved_medians({
        "course's per-entry loop": lambda: numerical_gradients(parameters, X, Y, method="loop"),
        "batched (method='batched')": lambda: numerical_gradients(parameters, X, Y),
    }, repeats)
    loop, batched = medians.values()
    print(f"[2, 20, 3, 1] on 211 examples, 127 parameters, median of {repeats} interleaved runs, 1 thread")
    for name, seconds in medians.items():
        print(f"  {name:30s} {seconds * 1e3:8.2f} ms")
    print(f"  speed-up: {loop / batched:.1f}x (goal >= 10x): {'met' if loop / batched >= 10 else 'NOT met'}")

    print("  agreement of the numerical gradients (max absolute difference over all 127 entries):")
    for epsilon in (1e-7, 1e-6, 1e-5):
        by_loop = numerical_gradients(parameters, X, Y, epsilon, method="loop")
        by_batch = numerical_gradients(parameters, X, Y, epsilon)
        print(f"    epsilon {epsilon:.0e}: |loop - batched| {max_difference(by_loop, by_batch):.1e}   "
              f"|loop - analytic| {max_difference(by_loop, analytic):.1e}   "
              f"|batched - analytic| {max_difference(by_batch, analytic):.1e}")
    print("  (at 1e-7 the loop's own round-off, u |J| / epsilon ~ 1e-9, bounds any agreement with it)")


def big_network():
    X, Y, _, _ = load_circles()
    parameters = initialize_parameters([2, 128, 128, 64, 1], "he", np.random.RandomState(0))
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(X, Y, cache)
    wrong = dict(grads, dW2=1.05 * grads["dW2"])
    size = sum(v.size for v in parameters.values())

    def timed(function):
        start = time.perf_counter()
        result = function()
        return result, time.perf_counter() - start

    fast_ok, t_fast_ok = timed(lambda: gradient_check_n(parameters, grads, X, Y, fast=True))
    fast_bad, t_fast_bad = timed(lambda: gradient_check_n(parameters, wrong, X, Y, fast=True))
    full, t_full = timed(lambda: gradient_check_n(parameters, grads, X, Y))
    _, t_loop = timed(lambda: numerical_gradients(parameters, X, Y, method="loop"))

    print(f"\n[2, 128, 128, 64, 1] on 300 examples, {size} parameters, one run each, 1 thread")
    print(f"  {'course per-entry loop':44s} {t_loop:8.2f} s")
    print(f"  {'full batched check':44s} {t_full:8.2f} s   {t_full / t_loop:7.2%} of the loop  passed={full.passed}")
    print(f"  {'fast check, correct gradients':44s} {t_fast_ok:8.2f} s   {t_fast_ok / t_loop:7.2%} of the loop  "
          f"failing={fast_ok.failing}")
    print(f"  {'fast check, dW2 off by 5% (then located)':44s} {t_fast_bad:8.2f} s   {t_fast_bad / t_loop:7.2%} of "
          f"the loop  failing={fast_bad.failing}")
    ok = t_fast_ok / t_loop <= 0.01 and fast_ok.passed and fast_bad.failing == ["W2"]
    print(f"  goal (fast <= 1% of the loop, W2 named, nothing flagged when correct): {'met' if ok else 'NOT met'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--skip-big", action="store_true", help="skip the 25k-parameter network (its loop is slow)")
    args = parser.parse_args()
    small_network(args.repeats)
    if not args.skip_big:
        big_network()


if __name__ == "__main__":
    main()
