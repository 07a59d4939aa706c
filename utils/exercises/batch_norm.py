"""Exercise: batch normalization's forward pass in train mode (the Hyperparameter_Tuning notebook).

Write ``batchnorm_forward(Z, gamma, beta, epsilon)`` for Z (n, m), one column per example: for each unit
(row), mu = the mean over the m examples, var = the mean of (Z - mu)^2 (the biased variance),
Z_hat = (Z - mu) / sqrt(var + epsilon), and return gamma * Z_hat + beta.

One unit of each case is nearly constant (its variance about 1e-8), so a missing or misplaced epsilon shows.
"""

import numpy as np

from ..layers import batchnorm_forward
from ._checker import Case, Exercise, Mistake, run


def _case(n, m, seed):
    rng = np.random.default_rng(seed)
    Z = 3 * rng.standard_normal((n, m)) + rng.standard_normal((n, 1))
    Z[-1] = 1.0 + 1e-4 * rng.standard_normal(m)  # a nearly constant unit
    return Z, 1 + 0.5 * rng.standard_normal((n, 1)), rng.standard_normal((n, 1)), 1e-5


def _normalize(Z, gamma, beta, epsilon, axis=1, ddof=0, where="inside", swap=False):
    """The reference, or a classic mistake: another axis, the unbiased variance, epsilon moved, gamma/beta swapped."""
    mean = Z.mean(axis=axis, keepdims=True)
    var = Z.var(axis=axis, keepdims=True, ddof=ddof)
    std = {"inside": np.sqrt(var + epsilon), "outside": np.sqrt(var) + epsilon, "missing": np.sqrt(var)}[where]
    Z_hat = (Z - mean) / std
    return beta * Z_hat + gamma if swap else gamma * Z_hat + beta


EXERCISE = Exercise(
    name="Batch normalization, train mode",
    signature="batchnorm_forward(Z, gamma, beta, epsilon) -> Z_tilde",
    reference=lambda Z, gamma, beta, epsilon: batchnorm_forward(Z, gamma, beta, epsilon=epsilon)[0],
    cases=tuple(Case(f"Z {n}x{m}, its last unit nearly constant", lambda n=n, m=m, seed=seed: _case(n, m, seed))
                for n, m, seed in ((3, 8, 1), (4, 5, 2), (2, 16, 3))),
    mistakes=(
        Mistake("statistics over the units instead of the examples", "each unit (row of Z) is normalized over "
                "the m examples of the batch: mean and variance along axis=1, with keepdims=True",
                lambda *args: _normalize(*args, axis=0)),
        Mistake("the unbiased variance", "batch normalization divides by m, not m - 1: np.var(Z, axis=1) (ddof=0), "
                "or the mean of (Z - mu)^2", lambda *args: _normalize(*args, ddof=1)),
        Mistake("epsilon missing", "divide by sqrt(var + epsilon): without epsilon a nearly constant unit is "
                "blown up (and a constant one divides by zero)", lambda *args: _normalize(*args, where="missing")),
        Mistake("epsilon outside the square root", "epsilon is added to the variance, inside the root: "
                "sqrt(var + epsilon)", lambda *args: _normalize(*args, where="outside")),
        Mistake("gamma and beta swapped", "gamma scales and beta shifts: gamma * Z_hat + beta",
                lambda *args: _normalize(*args, swap=True)),
    ),
)


def check_batchnorm_forward(batchnorm_forward):
    """Check a learner's ``batchnorm_forward(Z, gamma, beta, epsilon)`` and name its mistake; an ``ExerciseReport``."""
    return run(EXERCISE, batchnorm_forward)
