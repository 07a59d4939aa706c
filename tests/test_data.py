"""The data sets: the course's recipe, the package's layout."""

import numpy as np
import pytest
from sklearn.datasets import make_circles, make_moons

from utils import accuracy, load_2D_dataset, load_circles, sweep


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


def test_load_2D_dataset_is_deterministic_with_the_documented_recipe():
    train_X, train_Y, test_X, test_Y = load_2D_dataset(seed=3)
    assert train_X.shape == test_X.shape == (2, 200) and train_Y.shape == test_Y.shape == (1, 200)
    rng = np.random.RandomState(3)
    X, y = make_moons(n_samples=400, noise=0.15, random_state=rng)
    flipped = rng.random_sample(400) < 0.15
    np.testing.assert_array_equal(np.hstack([train_X, test_X]), X.T)
    np.testing.assert_array_equal(np.hstack([train_Y, test_Y])[0], np.where(flipped, 1 - y, y))
    assert 0.10 < flipped.mean() < 0.20
    again = load_2D_dataset(seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(again, (train_X, train_Y, test_X, test_Y), strict=True))
    assert not np.array_equal(load_2D_dataset(seed=4)[0], train_X)


def test_the_course_network_overfits_load_2D_dataset_and_l2_helps():
    """The acceptance of the data set, at the Regularization notebook's settings: the course's [2, 20, 3, 1] network,
    xavier, learning rate 0.15, 8,000 iterations, data and network seeds 0-4. Without regularization the mean
    training accuracy is well above the mean test accuracy, and L2 (lambd 0.7) raises the mean test accuracy.
    These runs are stable (the notebook prints the same table on every machine), and the margins are wide."""
    data = [load_2D_dataset(seed) for seed in range(5)]
    X, Y = np.stack([d[0] for d in data]), np.stack([d[1] for d in data])
    networks, _ = sweep(X, Y, [2, 20, 3, 1], list(range(5)), "lambd", [0.0, 0.7], learning_rate=0.15,
                        num_iterations=8000, initialization="xavier", n_jobs=2)

    def mean_accuracy(k, part):  # networks of the k-th lambd, on the training (part 0) or test (part 2) sets
        return np.mean([accuracy(d[part], d[part + 1], row[k]) for d, row in zip(data, networks, strict=True)])

    train, test, test_l2 = mean_accuracy(0, 0), mean_accuracy(0, 2), mean_accuracy(1, 2)
    assert train - test > 0.04, (train, test)
    assert test_l2 - test > 0.02, (test, test_l2)


def test_bad_seed_gets_a_clear_error():
    with pytest.raises(ValueError, match="seed must be >= 0"):
        load_2D_dataset(seed=-1)
