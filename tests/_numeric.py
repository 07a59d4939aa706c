"""An independent reference for the gradient tests: central differences, one entry at a time.

Deliberately naive (a Python loop over entries, no shared code with utils.gradcheck), so that
the library's gradients are tested against something that cannot share its mistakes.
"""

import numpy as np

STENCILS = {2: ((1, 1 / 2), (-1, -1 / 2)), 4: ((2, -1 / 12), (1, 8 / 12), (-1, -8 / 12), (-2, 1 / 12))}
"""Central differences of order 2 (error O(eps^2)) and 4 (error O(eps^4)): (step in eps, weight) pairs."""


def numerical_gradient(f, x, eps=1e-6, order=2):
    """d f(x) / dx by central differences of ``order`` 2 or 4; ``f`` maps an array like ``x`` to a float.

    Order 2 is (f(x + eps) - f(x - eps)) / (2 eps); order 4 is
    (-f(x + 2 eps) + 8 f(x + eps) - 8 f(x - eps) + f(x - 2 eps)) / (12 eps), whose truncation error is
    small enough at a larger eps that round-off stays far below it too. ``x`` is perturbed on a private
    copy, so the caller's array is never written.
    """
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        total = 0.0
        for step, weight in STENCILS[order]:
            x[index] = original + step * eps
            total += weight * f(x)
        x[index] = original
        grad[index] = total / eps
    return grad


def relative_error(a, b):
    """||a - b|| / max(||a|| + ||b||, tiny): 0 for identical arrays, 1 for opposite ones."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)
