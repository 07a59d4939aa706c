"""An independent reference for the gradient tests: central differences, one entry at a time.

Deliberately naive (a Python loop over entries, no shared code with utils.gradcheck), so that
the library's gradients are tested against something that cannot share its mistakes.
"""

import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    """d f(x) / dx by central differences; ``f`` maps an array like ``x`` to a float.

    ``x`` is perturbed on a private copy, so the caller's array is never written.
    """
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + eps
        f_plus = f(x)
        x[index] = original - eps
        f_minus = f(x)
        x[index] = original
        grad[index] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(a, b):
    """||a - b|| / max(||a|| + ||b||, tiny): 0 for identical arrays, 1 for opposite ones."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)
