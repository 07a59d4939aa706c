"""Data sets, generated with scikit-learn: no data files are shipped.

Every loader returns ``(train_X, train_Y, test_X, test_Y)`` in the package's layout:
X of shape (2, m) (one example per column) and Y of shape (1, m) holding 0/1 integers.
"""

import numpy as np
from sklearn.datasets import make_circles


def _columns(X, y):
    """scikit-learn's (m, n_x) and (m,) arrays as the course's (n_x, m) and (1, m)."""
    return np.ascontiguousarray(X.T), y.reshape(1, -1).astype(np.int64)


def load_circles():
    """The course's initialization data: two noisy concentric circles.

    Training: ``make_circles(n_samples=300, noise=0.05, random_state=1)``; test:
    ``make_circles(n_samples=100, noise=0.05, random_state=2)``. These are the course's
    ``np.random.seed(1)`` / ``np.random.seed(2)`` draws exactly. Classes are balanced
    (150/150 and 50/50); label 1 is the inner circle.

    Returns
    -------
    train_X : ndarray, shape (2, 300)
    train_Y : ndarray of int, shape (1, 300)
    test_X : ndarray, shape (2, 100)
    test_Y : ndarray of int, shape (1, 100)
    """
    train_X, train_Y = _columns(*make_circles(n_samples=300, noise=0.05, random_state=1))
    test_X, test_Y = _columns(*make_circles(n_samples=100, noise=0.05, random_state=2))
    return train_X, train_Y, test_X, test_Y
