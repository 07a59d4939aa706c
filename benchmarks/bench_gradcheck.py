"""Gradient-check speed: utils' checks against a minimal per-entry loop written here, as the course writes it.

The reference is the course's algorithm with nothing added: theta as one vector, and for each entry a
copy of theta moved by +-epsilon, unstacked into W1, b1, ... (views, as the course's
vector_to_dictionary does), then a plain forward pass of a few NumPy calls and the cost from the
logits. No argument checks, no report: the floor a per-entry loop can reach.

1. [2, 20, 3, 1] on 211 examples (the course's regularization network, 127 parameters): the minimal
   loop against the full check (``gradient_check_n``, report included), median of interleaved runs,
   and the agreement of the numerical gradients. Goal: at least 10x, agreement within 1e-10 from
   epsilon 1e-5 on.
2. [2, 128, 128, 64, 1] on 300 examples (25,217 parameters): the minimal loop (once; it takes a
   while) against the full check, fast mode on correct gradients, and fast mode naming and locating
   a tensor off by 5%. Goals: full check at least 30x; fast mode at most 1% of the loop; naming and
   locating an error costs no more than one full check.

Run: python benchmarks/bench_gradcheck.py [--repeats R] [--skip-big]
"""

import argparse
import time

from _timing import interleaved_medians  # first: it pins the thread pools before numpy loads

# isort: split

import numpy as np
from sklearn.datasets import make_moons

from utils import backward_propagation, forward_propagation, gradient_check_n, initialize_parameters, load_circles
from utils.gradcheck import numerical_gradients


def minimal_loop(parameters, X, Y, epsilon=1e-7):
    """The course's gradient_check_n numerics, minimal: two plain forward passes per entry of theta."""
    names = list(parameters)
    shapes = [parameters[name].shape for name in names]
    theta = np.concatenate([parameters[name].ravel() for name in names])
    offsets = np.cumsum([0] + [int(np.prod(shape)) for shape in shapes])
    m = X.shape[1]

    def cost(theta):
        blocks = [theta[offsets[k]:offsets[k + 1]].reshape(shape) for k, shape in enumerate(shapes)]
        A = X
        for W, b in zip(blocks[0:-2:2], blocks[1:-2:2], strict=True):
            A = np.maximum(W @ A + b, 0)
        Z = blocks[-2] @ A + blocks[-1]
        return (np.maximum(Z, 0) - Z * Y + np.log1p(np.exp(-np.abs(Z)))).sum() / m

    gradapprox = np.empty_like(theta)
    for i in range(theta.size):
        theta_plus, theta_minus = theta.copy(), theta.copy()
        theta_plus[i] += epsilon
        theta_minus[i] -= epsilon
        gradapprox[i] = (cost(theta_plus) - cost(theta_minus)) / (2 * epsilon)
    return {"d" + name: gradapprox[offsets[k]:offsets[k + 1]].reshape(shape)
            for k, (name, shape) in enumerate(zip(names, shapes, strict=True))}


def gradients(parameters, X, Y):
    _, cache = forward_propagation(X, parameters)
    return backward_propagation(X, Y, cache)


def largest_difference(a, b):
    return max(float(np.abs(a[key] - b[key]).max()) for key in a)


def small_network(repeats):
    X, y = make_moons(211, noise=0.3, random_state=0)
    X, Y = X.T, y.reshape(1, -1)
    parameters = initialize_parameters([2, 20, 3, 1], "xavier", np.random.RandomState(3))
    grads = gradients(parameters, X, Y)

    medians = interleaved_medians({
        "minimal per-entry loop (the course's)": lambda: minimal_loop(parameters, X, Y),
        "gradient_check_n (full check, report)": lambda: gradient_check_n(parameters, grads, X, Y),
        "numerical_gradients (no report)": lambda: numerical_gradients(parameters, X, Y),
    }, repeats, min_seconds=0.01)
    loop = medians["minimal per-entry loop (the course's)"]
    print(f"[2, 20, 3, 1] on 211 examples, 127 parameters, median of {repeats} interleaved runs, 1 thread")
    for name, seconds in medians.items():
        print(f"  {name:40s} {seconds * 1e3:8.2f} ms   {loop / seconds:6.1f}x the loop")
    print(f"  full check: {loop / medians['gradient_check_n (full check, report)']:.1f}x the minimal loop")

    print("  agreement of the numerical gradients, largest |difference| over the 127 entries:")
    for epsilon in (1e-7, 1e-6, 1e-5):
        by_loop, by_utils = minimal_loop(parameters, X, Y, epsilon), numerical_gradients(parameters, X, Y, epsilon)
        print(f"    epsilon {epsilon:.0e}: |loop - utils| {largest_difference(by_loop, by_utils):.1e}   |loop - "
              f"analytic| {largest_difference(by_loop, grads):.1e}   |utils - analytic| "
              f"{largest_difference(by_utils, grads):.1e}")
    print("  (below 1e-5 the loop's own round-off, u |J| / epsilon, bounds any agreement with it)")


def timed(function, repeats=1):
    """(result, median seconds) of ``repeats`` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return result, float(np.median(times))


def big_network():
    X, Y, _, _ = load_circles()
    parameters = initialize_parameters([2, 128, 128, 64, 1], "he", np.random.RandomState(0))
    grads = gradients(parameters, X, Y)
    wrong = dict(grads, dW2=1.05 * grads["dW2"])
    size = sum(value.size for value in parameters.values())

    full, t_full = timed(lambda: gradient_check_n(parameters, grads, X, Y), repeats=3)
    fast_ok, t_fast_ok = timed(lambda: gradient_check_n(parameters, grads, X, Y, fast=True), repeats=3)
    fast_bad, t_fast_bad = timed(lambda: gradient_check_n(parameters, wrong, X, Y, fast=True), repeats=3)
    by_loop, t_loop = timed(lambda: minimal_loop(parameters, X, Y))
    by_utils = numerical_gradients(parameters, X, Y)

    print(f"\n[2, 128, 128, 64, 1] on 300 examples, {size:,} parameters, 1 thread (loop once, checks median of 3)")
    loop_label = "minimal per-entry loop (the course's)"
    print(f"  {loop_label:46s} {t_loop:8.2f} s")
    print(f"  {'full check (gradient_check_n)':46s} {t_full:8.3f} s   {t_loop / t_full:6.1f}x the loop  "
          f"passed={full.passed}")
    print(f"  {'fast mode, correct gradients':46s} {t_fast_ok:8.3f} s   {t_fast_ok / t_loop:7.2%} of the loop  "
          f"failing={fast_ok.failing}")
    print(f"  {'fast mode, dW2 off by 5%, named and located':46s} {t_fast_bad:8.3f} s   "
          f"{t_fast_bad / t_full:5.2f} full checks  failing={fast_bad.failing}")
    located = next(row for row in fast_bad.rows if row.name == "W2")
    print(f"  {'':46s} W2 checked {located.method}, worst entry {located.worst_index}")
    gap = largest_difference(by_loop, by_utils)
    print(f"  largest |loop - utils| over {size:,} entries at epsilon 1e-7: {gap:.1e}")
    goals = {"full check >= 30x": t_loop / t_full >= 30, "fast mode <= 1% of the loop": t_fast_ok <= 0.01 * t_loop,
             "5% error named, located within one full check": fast_bad.failing == ["W2"] and t_fast_bad <= t_full
             and located.method == "element-wise" and located.worst_index is not None,
             "correct gradients pass": full.passed and fast_ok.passed}
    for goal, met in goals.items():
        print(f"  goal {goal}: {'met' if met else 'NOT met'}")


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
