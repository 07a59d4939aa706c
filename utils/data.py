"""Data sets, generated or shipped with scikit-learn: no data files of our own; labels as the course lays them out.

Every loader returns ``(train_X, train_Y, test_X, test_Y)`` in the package's layout: X of shape (n_x, m) (one
example per column); Y of shape (1, m) holding 0/1 integers for two classes, or one-hot of shape (C, m) for
C >= 2 classes (``one_hot_matrix`` turns class indices into that layout).
"""

import numbers

import numpy as np
from sklearn.datasets import load_digits as _sklearn_digits
from sklearn.datasets import make_circles, make_moons

from ._validation import _describe, check_count, check_seed, check_X, check_Y


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


# ----------------------------------------------------------------------------- several classes


def one_hot_matrix(labels, C):
    """One-hot labels of shape (C, m): column j is 1 in row labels[j] and 0 elsewhere (the course's layout).

        one_hot_matrix([1, 2, 3, 0, 2, 1], 4) = [[0, 0, 0, 1, 0, 0],
                                                 [1, 0, 0, 0, 0, 1],
                                                 [0, 1, 0, 0, 1, 0],
                                                 [0, 0, 1, 0, 0, 0]]

    Parameters
    ----------
    labels : array of m class indices, shape (m,) or (1, m): integers from 0 to C - 1 (whole floats such as 2.0
        are accepted)
    C : int >= 2, the number of classes

    Returns
    -------
    Y : ndarray of float64, shape (C, m)
    """
    return _one_hot("labels", labels, C)


def _one_hot(name, labels, C):
    """``one_hot_matrix``, with errors that call the labels ``name``."""
    if isinstance(C, (bool, np.bool_)) or not isinstance(C, numbers.Integral):
        raise TypeError(f"C must be an integer number of classes (2 or more), got {_describe(C)}")
    if C < 2:
        raise ValueError(f"C must be at least 2: one-hot labels are for two classes or more (a single sigmoid "
                         f"output takes 0/1 labels of shape (1, m) instead), got {C}")
    indices = _class_indices(name, labels, int(C))
    Y = np.zeros((int(C), indices.size))
    Y[indices, np.arange(indices.size)] = 1.0
    return Y


def convert_to_one_hot(Y, C):
    """The course's ``convert_to_one_hot``: class indices of shape (1, m) to one-hot labels of shape (C, m).

    ``np.eye(C)[Y.reshape(-1)].T`` in the course's helpers; here ``one_hot_matrix`` with the course's argument
    names, and a clear error for labels outside 0..C-1 (NumPy's indexing would wrap -1 around to C - 1).

    Parameters
    ----------
    Y : array of class indices, shape (1, m) (or (m,)), integers from 0 to C - 1
    C : int >= 2

    Returns
    -------
    ndarray of float64, shape (C, m)
    """
    return _one_hot("Y", Y, C)


def _class_indices(name, labels, C):
    """``labels`` as a 1-D int array of class indices in 0..C-1, from shape (m,) or (1, m); a clear error else."""
    if isinstance(labels, (str, bytes, dict)) or labels is None:
        raise TypeError(f"{name} must be an array of class indices (integers from 0 to {C - 1}), got "
                        f"{_describe(labels)}")
    try:
        array = np.asarray(labels)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} must be an array of class indices, got {_describe(labels)}") from error
    if array.dtype == np.bool_ or not (np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype,
                                                                                               np.floating)):
        raise TypeError(f"{name} must hold integer class indices from 0 to {C - 1}, got dtype {array.dtype}")
    if array.ndim == 2 and array.shape[0] == 1:
        array = array[0]
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must have shape (m,) or (1, m) with m >= 1 (one class index per example), got "
                         f"shape {array.shape}")
    if np.issubdtype(array.dtype, np.floating):
        whole = np.isfinite(array) & (array == np.round(array))
        if not whole.all():
            raise ValueError(f"{name} must hold whole numbers (class indices), found {array[~whole][0].item()!r} at "
                             f"index {int(np.argmin(whole))}")
    outside = (array < 0) | (array >= C)
    if outside.any():
        index = int(np.argmax(outside))
        hint = " (labels from 1 to C? subtract 1)" if array.min() >= 1 and array.max() == C else ""
        raise ValueError(f"{name} must hold class indices from 0 to {C - 1} (C = {C}), found "
                         f"{array[index].item()!r} at index {index}{hint}")
    return array.astype(np.int64)


def load_spiral(seed=0, points_per_class=100, classes=3, n_test=None):
    """CS231n's spiral: ``classes`` arms of ``points_per_class`` points each, which no straight line separates.

    Arm j (class j) has radii r = linspace(0, 1, N) and angles t = linspace(4j, 4(j + 1), N) + 0.2 noise,
    noise ~ N(0, 1), at the points (r sin t, r cos t): CS231n's generator ("Minimal Neural Network Case Study"),
    drawn from ``np.random.RandomState(seed)`` instead of numpy's global generator. The held-out points are
    drawn the same way from a generator spawned from the seed (numpy's ``SeedSequence``).

    Parameters
    ----------
    seed : int, 0 <= seed <= 2**32 - 1
    points_per_class : int >= 1, N
    classes : int >= 2, K
    n_test : int >= 1, points per class of the held-out set (default: as many as for training)

    Returns
    -------
    train_X : ndarray, shape (2, N K)
    train_Y : ndarray, shape (K, N K), one-hot
    test_X : ndarray, shape (2, n_test K)
    test_Y : ndarray, shape (K, n_test K), one-hot
    """
    seed = check_seed("seed", seed)
    N = check_count("points_per_class", points_per_class, minimum=1)
    K = check_count("classes", classes, minimum=2)
    n_test = N if n_test is None else check_count("n_test", n_test, minimum=1)
    test_rng = np.random.RandomState(np.random.SeedSequence(seed).spawn(1)[0].generate_state(4))
    return (*_spiral(np.random.RandomState(seed), N, K), *_spiral(test_rng, n_test, K))


def _spiral(rng, N, K):
    """CS231n's draws: for each arm j in turn, N angles' noise from ``rng``; X (2, N K), one-hot Y (K, N K)."""
    r = np.linspace(0.0, 1.0, N)
    angles = np.concatenate([np.linspace(4.0 * j, 4.0 * (j + 1), N) + 0.2 * rng.standard_normal(N)
                             for j in range(K)])
    radii = np.tile(r, K)
    X = np.vstack([radii * np.sin(angles), radii * np.cos(angles)])
    return X, one_hot_matrix(np.repeat(np.arange(K), N), K)


def load_digits():
    """scikit-learn's handwritten digits, split as its own example does: the first half to train, the rest to test.

    1,797 images of 8 x 8 pixels, each pixel an intensity from 0 to 16, ten classes (the digits 0-9, about 180
    of each), shipped inside scikit-learn (``sklearn.datasets.load_digits``: no download). The example
    "Recognizing hand-written digits" trains on the first 898 images and tests on the other 899
    (``train_test_split(..., test_size=0.5, shuffle=False)``); so does this split, so that the example's published
    accuracy is a peer. Pixels are returned as they are (0 to 16): dividing by 16 is the course's normalization
    step (it divides its images by 255).

    Returns
    -------
    train_X : ndarray, shape (64, 898), one flattened image per column (row-major: pixel (i, j) is row 8 i + j)
    train_Y : ndarray, shape (10, 898), one-hot
    test_X : ndarray, shape (64, 899)
    test_Y : ndarray, shape (10, 899), one-hot
    """
    digits = _sklearn_digits()
    split = digits.data.shape[0] - (digits.data.shape[0] + 1) // 2  # 898: test_size=0.5 rounds the test part up
    X, labels = np.ascontiguousarray(digits.data.T), digits.target
    return (X[:, :split].copy(), one_hot_matrix(labels[:split], 10), X[:, split:].copy(),
            one_hot_matrix(labels[split:], 10))
