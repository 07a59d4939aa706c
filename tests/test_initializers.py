"""Initializers: the course's draws, the variance formulas, the fan convention, symmetry."""

import numpy as np
import pytest

from utils import (
    INITIALIZERS,
    glorot_normal,
    he_normal,
    initialize_parameters,
    load_circles,
    model,
    random_normal,
    xavier_normal,
    zeros,
)


def test_he_reproduces_the_course_draws():
    parameters = initialize_parameters([2, 4, 1], "he", np.random.RandomState(3))
    np.testing.assert_allclose(parameters["W1"], [[1.78862847, 0.43650985], [0.09649747, -1.8634927],
                                                  [-0.2773882, -0.35475898], [-0.08274148, -0.62700068]], atol=5e-9)
    np.testing.assert_allclose(parameters["W2"], [[-0.03098412, -0.33744411, -0.92904268, 0.62552248]], atol=5e-9)
    np.testing.assert_array_equal(parameters["b1"], np.zeros((4, 1)))
    np.testing.assert_array_equal(parameters["b2"], np.zeros((1, 1)))


def test_random_reproduces_the_course_draws():
    parameters = initialize_parameters([3, 2, 1], "random", np.random.RandomState(3))
    np.testing.assert_allclose(parameters["W1"], [[17.88628473, 4.36509851, 0.96497468],
                                                  [-18.63492703, -2.77388203, -3.54758979]], atol=5e-8)
    np.testing.assert_allclose(parameters["W2"], [[-0.82741481, -6.27000677]], atol=5e-9)


def test_an_int_seed_is_the_course_randomstate():
    a = initialize_parameters([2, 4, 1], "he", 3)
    b = initialize_parameters([2, 4, 1], "he", np.random.RandomState(3))
    assert all(np.array_equal(a[k], b[k]) for k in a)


# A wide, asymmetric matrix: fan_in = 2500, fan_out = 400, so a swapped fan convention shows at once.
SHAPE = (400, 2500)


@pytest.mark.parametrize("initializer, expected_std", [
    (he_normal, np.sqrt(2 / 2500)),
    (xavier_normal, np.sqrt(1 / 2500)),
    (glorot_normal, np.sqrt(2 / (2500 + 400))),
    (random_normal, 10.0),
])
def test_empirical_std_matches_the_formula(initializer, expected_std):
    W = initializer(SHAPE, np.random.default_rng(0))
    assert W.shape == SHAPE
    assert W.std() == pytest.approx(expected_std, rel=0.01)  # 1M draws: the standard error is 0.07%
    assert abs(W.mean()) < 0.01 * expected_std


def test_random_scale_and_zeros():
    assert random_normal(SHAPE, np.random.default_rng(0), scale=0.01).std() == pytest.approx(0.01, rel=0.01)
    assert initialize_parameters([5, 3, 1], "random", 0, scale=0.01)["W1"].std() < 0.05
    np.testing.assert_array_equal(zeros((3, 2)), np.zeros((3, 2)))


def test_every_scheme_gives_the_layer_shapes():
    for method in INITIALIZERS:
        parameters = initialize_parameters([4, 3, 2, 1], method, np.random.default_rng(0))
        assert {k: v.shape for k, v in parameters.items()} == {
            "W1": (3, 4), "b1": (3, 1), "W2": (2, 3), "b2": (2, 1), "W3": (1, 2), "b3": (1, 1)}


def test_zeros_initialization_never_breaks_symmetry():
    train_X, train_Y, _, _ = load_circles()
    parameters, costs = model(train_X, train_Y, [2, 10, 5, 1], num_iterations=2000, initialization="zeros")
    for l in (1, 2):  # every hidden unit of a layer is the same unit: identical rows
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        np.testing.assert_array_equal(W, np.broadcast_to(W[:1], W.shape))
        np.testing.assert_array_equal(b, np.broadcast_to(b[:1], b.shape))
    assert costs[-1] == pytest.approx(np.log(2), abs=1e-12)  # and the cost never moves from log 2


@pytest.mark.parametrize("call, error, message", [
    (lambda: initialize_parameters([2, 4, 1], "uniform", 0), ValueError,
     r"must be one of \['glorot', 'he', 'random', 'xavier', 'zeros'\], got 'uniform'"),
    (lambda: initialize_parameters([2], "he", 0), ValueError, r"at least 2 sizes .* got \[2\]"),
    (lambda: initialize_parameters([2, 0, 1], "he", 0), ValueError, r"positive sizes, got 0 in \[2, 0, 1\]"),
    (lambda: initialize_parameters([2, -3, 1], "he", 0), ValueError, "positive sizes, got -3"),
    (lambda: initialize_parameters([2, 4.5, 1], "he", 0), TypeError, "must hold integers"),
    (lambda: initialize_parameters(5, "he", 0), TypeError, "layer_dims must be a list"),
    (lambda: initialize_parameters([2, 4, 1], "he", 0, scale=2.0), ValueError, "scale applies only to method 'random'"),
    (lambda: initialize_parameters([2, 4, 1], "random", 0, scale=-1), ValueError, "scale must be > 0"),
    (lambda: initialize_parameters([2, 4, 1], "he", rng="3"), TypeError, "rng must be a numpy Generator"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
