"""Data sets, generated with scikit-learn: no data files are shipped.

Every loader returns ``(train_X, train_Y, test_X, test_Y)`` in the package's layout:
X of shape (2, m) (one example per column) and Y of shape (1, m) holding 0/1 integers.
"""

import numpy as np
from sklearn.datasets import make_circles, make_moons

from ._validation import check_count, check_seed, check_X, check_Y


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


def load_2D_dataset(seed=0):
    """A 2-D data set on which the course's regularization network overfits: noisy moons, 15% of labels flipped.

    The course's regularization data is a .mat file from another course, not ours to ship. This
    one is generated: 400 points of two interleaved half-moons (``sklearn.datasets.make_moons``,
    Gaussian noise 0.15), then 15% of the labels flipped at random, then the first 200 points for
    training and the other 200 for test. Everything is drawn from ``np.random.RandomState(seed)``.

    Why it overfits: the flipped points sit inside the other class's region. A network with enough
    capacity (the course's [2, 20, 3, 1] trained for 30,000 iterations) bends its boundary around
    them to push the training accuracy up, and those detours are wrong for the test points, whose
    flips fall elsewhere. No classifier can expect much above 85% on test, since 15% of its labels
    are flipped. L2 and dropout keep the boundary smooth: lower training accuracy, higher test
    accuracy. tests/test_data.py checks both at the Regularization notebook's settings (learning
    rate 0.15, 8,000 iterations, seeds 0-4): the unregularized training accuracy is more than 4
    points above the test accuracy in the mean, and L2 raises the mean test accuracy by more than 2.

    Parameters
    ----------
    seed : int, 0 <= seed <= 2**32 - 1

    Returns
    -------
    train_X : ndarray, shape (2, 200)
    train_Y : ndarray of int, shape (1, 200)
    test_X : ndarray, shape (2, 200)
    test_Y : ndarray of int, shape (1, 200)
    """
    rng = np.random.RandomState(check_seed("seed", seed))
    X, y = make_moons(n_samples=400, noise=0.15, random_state=rng)
    flipped = rng.random_sample(400) < 0.15
    y = np.where(flipped, 1 - y, y)
    return (*_columns(X[:200], y[:200]), *_columns(X[200:], y[200:]))


def load_moons(seed=3, n_test=300):
    """The course's optimization data: 300 points of two noisy interleaved half-moons, and a held-out test set.

    Training: ``make_moons(n_samples=300, noise=0.2)`` drawn from ``np.random.RandomState(seed)``. For
    seed 3 this is the course's ``load_dataset()`` bit for bit (the course seeds numpy's global
    generator with 3 and lets scikit-learn draw from it; here nothing global is touched). Test (the
    course has none): ``n_test`` more points drawn the same way from a generator spawned from the seed
    (numpy's ``SeedSequence``), independent of the training draws for every seed.

    Parameters
    ----------
    seed : int, 0 <= seed <= 2**32 - 1
    n_test : int >= 1

    Returns
    -------
    train_X : ndarray, shape (2, 300)
    train_Y : ndarray of int, shape (1, 300), 150 of each class
    test_X : ndarray, shape (2, n_test)
    test_Y : ndarray of int, shape (1, n_test)
    """
    seed, n_test = check_seed("seed", seed), check_count("n_test", n_test, minimum=1)
    test_rng = np.random.RandomState(np.random.SeedSequence(seed).spawn(1)[0].generate_state(4))
    train = make_moons(n_samples=300, noise=0.2, random_state=np.random.RandomState(seed))
    return (*_columns(*train), *_columns(*make_moons(n_samples=n_test, noise=0.2, random_state=test_rng)))


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the examples, then cut them into mini-batches: the course's ``random_mini_batches``.

    The columns of X and Y are permuted together by ``np.random.RandomState(seed).permutation(m)``
    (the course's ``np.random.seed(seed)`` then ``np.random.permutation(m)``), then cut into
    floor(m / mini_batch_size) batches of ``mini_batch_size`` examples and, when m is not a
    multiple of it, a last one of the m mod mini_batch_size examples left.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : array, shape (1, m), labels 0 or 1 (or False and True); the batches keep its type
    mini_batch_size : int >= 1
    seed : int, 0 <= seed <= 2**32 - 1

    Returns
    -------
    mini_batches : list of (mini_batch_X (n_x, size), mini_batch_Y (1, size)), new arrays (not views of X, Y)
    """
    X = check_X(X)
    check_Y(Y, X.shape[1])
    mini_batch_size = check_count("mini_batch_size", mini_batch_size, minimum=1)
    permutation = np.random.RandomState(check_seed("seed", seed)).permutation(X.shape[1])
    shuffled_X, shuffled_Y = X[:, permutation], np.asarray(Y)[:, permutation]  # Y keeps its type (0/1 or bool)
    return [(shuffled_X[:, k:k + mini_batch_size], shuffled_Y[:, k:k + mini_batch_size])
            for k in range(0, X.shape[1], mini_batch_size)]


def load_gradient_check_case():
    """The course's N-D gradient-checking test case: 3 examples, a [4, 5, 3, 1] network, 47 parameters.

    Drawn from ``np.random.RandomState(1)`` in the course's order: X = randn(4, 3), then W1 (5, 4),
    b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1); Y = [[1, 1, 0]].

    Returns
    -------
    X : ndarray, shape (4, 3)
    Y : ndarray of int, shape (1, 3)
    parameters : dict "W1", "b1", "W2", "b2", "W3", "b3"
    """
    rng = np.random.RandomState(1)
    X = rng.standard_normal((4, 3))
    Y = np.array([[1, 1, 0]])
    shapes = {"W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}
    return X, Y, {name: rng.standard_normal(shape) for name, shape in shapes.items()}
