"""The data sets: the course's recipe, the package's layout."""

import numpy as np
from sklearn.datasets import make_circles

from utils import load_circles


def test_load_circles_is_the_course_data():
    train_X, train_Y, test_X, test_Y = load_circles()
    assert train_X.shape == (2, 300) and train_Y.shape == (1, 300)
    assert test_X.shape == (2, 100) and test_Y.shape == (1, 100)
    assert train_Y.sum() == 150 and test_Y.sum() == 50
    X, y = make_circles(n_samples=300, noise=0.05, random_state=1)
    np.testing.assert_array_equal(train_X, X.T)
    np.testing.assert_array_equal(train_Y[0], y)
    # the course: np.random.seed(2) then an unseeded make_circles draws the same test set
    state = np.random.get_state()  # noqa: NPY002 (the course seeds the global generator)
    try:
        np.random.seed(2)  # noqa: NPY002
        X, y = make_circles(n_samples=100, noise=0.05)
    finally:
        np.random.set_state(state)  # noqa: NPY002  # leave the global generator as we found it
    np.testing.assert_array_equal(test_X, X.T)
    np.testing.assert_array_equal(test_Y[0], y)
