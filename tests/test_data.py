"""The data sets: the course's recipe, the package's layout."""

import numpy as np
import pytest
from sklearn.datasets import make_circles, make_moons

from utils import accuracy, load_2D_dataset, load_circles, load_moons, random_mini_batches, sweep


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


def moons_by_hand(rng, m=300, noise=0.2):
    """The course's make_moons draws written out: two half circles, one shuffle, then Gaussian noise."""
    t = np.linspace(0, np.pi, m // 2)
    X = np.vstack([np.column_stack([np.cos(t), np.sin(t)]), np.column_stack([1 - np.cos(t), 1 - np.sin(t) - 0.5])])
    y = np.repeat([0, 1], m // 2)
    order = np.arange(m)
    rng.shuffle(order)
    return (X[order] + rng.normal(scale=noise, size=X.shape)).T, y[order]


def test_load_moons_is_the_course_data_bit_for_bit():
    state = np.random.get_state()  # noqa: NPY002
    train_X, train_Y, test_X, test_Y = load_moons()
    assert all(np.array_equal(a, b) for a, b in zip(np.random.get_state(), state, strict=True))  # noqa: NPY002
    np.testing.assert_array_equal(train_X[:, :3], [[-0.21687013460912397, 0.8050501531955674, 0.7112745129750352],
                                                   [1.0154493742029873, -0.5579733951321297, -0.4100602407591063]])
    assert train_Y[0, :10].tolist() == [0, 1, 1, 1, 0, 0, 1, 1, 0, 1] and train_Y.sum() == 150
    assert train_X.sum() == 229.31214774688254
    X, y = moons_by_hand(np.random.RandomState(3))
    np.testing.assert_array_equal(train_X, X)
    np.testing.assert_array_equal(train_Y[0], y)
    assert test_X.shape == (2, 300) and test_Y.sum() == 150


def test_the_test_set_is_new_data_for_every_seed():
    sets = {seed: load_moons(seed, n_test=100) for seed in range(6)}
    train = [tuple(np.round(x, 12)) for d in sets.values() for x in d[0].T]
    test = [tuple(np.round(x, 12)) for d in sets.values() for x in d[2].T]
    assert len(set(train) | set(test)) == len(train) + len(test)  # no point twice, within or across seeds
    again = load_moons(4, n_test=100)
    assert all(np.array_equal(a, b) for a, b in zip(again, sets[4], strict=True))
    assert sets[4][2].shape == (2, 100)


def test_random_mini_batches_reproduces_the_course():
    rng = np.random.RandomState(1)
    X, Y = rng.randn(5, 7), rng.randn(1, 7) < 0.5
    batches = random_mini_batches(X, Y, mini_batch_size=2, seed=0)
    assert [b[0].shape for b in batches] == [(5, 2), (5, 2), (5, 2), (5, 1)]
    np.testing.assert_allclose(batches[0][0], [[1.74481176, -0.52817175], [-0.38405435, -0.24937038],
                                               [-1.10061918, -0.17242821], [-0.93576943, 0.50249434],
                                               [-0.67124613, -0.69166075]], atol=5e-9)
    assert batches[0][1].tolist() == [[True, True]] and batches[-1][1].tolist() == [[False]]  # Y keeps its type
    np.testing.assert_allclose(batches[-1][0][:, 0], [0.86540763, -2.06014071, 0.04221375, -0.68372786, -0.6871727],
                               atol=5e-9)
    rng = np.random.RandomState(1)
    X, Y = rng.randn(12288, 148), rng.randn(1, 148) < 0.5
    batches = random_mini_batches(X, Y, mini_batch_size=64, seed=0)
    assert [b[0].shape[1] for b in batches] == [64, 64, 20]
    np.testing.assert_allclose(batches[0][0][0][0:3], [0.90085595, -0.7612069, 0.2344157], atol=5e-9)


def test_mini_batches_are_a_permutation_of_the_examples_in_new_arrays():
    X, Y, _, _ = load_moons()
    batches = random_mini_batches(X, Y, 64, seed=11)
    assert [b[0].shape[1] for b in batches] == [64, 64, 64, 64, 44]
    joined_X, joined_Y = np.hstack([b[0] for b in batches]), np.hstack([b[1] for b in batches])
    order = np.random.RandomState(11).permutation(300)
    np.testing.assert_array_equal(joined_X, X[:, order])
    np.testing.assert_array_equal(joined_Y, Y[:, order])
    assert not any(np.shares_memory(b[0], X) or np.shares_memory(b[1], Y) for b in batches)
    assert len(random_mini_batches(X, Y, 1000, seed=0)) == 1


@pytest.mark.parametrize("call, error, message", [
    (lambda: load_moons(seed=-1), ValueError, "seed must be >= 0"),
    (lambda: load_moons(n_test=0), ValueError, "n_test must be >= 1"),
    (lambda: random_mini_batches(np.ones((2, 3)), np.ones((1, 3)), 0), ValueError, "mini_batch_size must be >= 1"),
    (lambda: random_mini_batches(np.ones((2, 3)), np.ones((1, 4)), 2), ValueError, r"Y must have shape \(1, 3\)"),
    (lambda: random_mini_batches(np.ones((2, 3)), np.ones((1, 3)), 2.5), TypeError, "mini_batch_size must be an "
                                                                                    "integer"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
