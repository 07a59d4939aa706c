"""Loss surfaces of two parameters and the optimizers' paths on them: closed forms and independent references."""

import numpy as np
import pytest

from tests._numeric import numerical_gradient
from utils.surfaces import Surface, best_paths, elongated_bowl, optimizer_path, rosenbrock


@pytest.mark.parametrize("surface", [elongated_bowl(), elongated_bowl(condition=4.0), rosenbrock()],
                         ids=lambda s: s.name)
def test_gradients_match_central_differences_and_the_minimum_is_flat(surface):
    for point in ([0.3, -0.7], [-1.2, 1.0], [2.0, 0.5]):
        analytic = np.array(surface.gradient(*point), dtype=float)
        numeric = numerical_gradient(lambda p: float(surface.value(*p)), np.array(point), eps=1e-6)
        np.testing.assert_allclose(analytic, numeric, rtol=1e-7, atol=1e-6)
    assert surface.value(*surface.minimum) == 0 and not np.any(surface.gradient(*surface.minimum))


def test_gradient_descent_on_the_bowl_is_the_closed_form():
    """Each coordinate of a quadratic shrinks by its own factor: x (1 - alpha), y (1 - alpha condition) per step."""
    path = optimizer_path(elongated_bowl(condition=25), "gd", 0.05, 30)
    t = np.arange(31)
    np.testing.assert_allclose(path, np.column_stack([-4 * 0.95**t, 1 * (1 - 0.05 * 25) ** t]), rtol=1e-12)


def test_momentum_and_adam_follow_their_formulas():
    surface, steps = rosenbrock(), 25
    point, v = np.array(surface.start), np.zeros(2)
    for _ in range(steps):
        v = 0.8 * v + 0.2 * np.array(surface.gradient(*point))
        point = point - 0.001 * v
    np.testing.assert_allclose(optimizer_path(surface, "momentum", 0.001, steps, beta=0.8)[-1], point, rtol=1e-13)
    first = optimizer_path(surface, "adam", 0.01, 1)  # a bias-corrected first step: alpha per coordinate
    np.testing.assert_allclose(first[1] - first[0], -0.01 * np.sign(surface.gradient(*surface.start)), rtol=1e-6)


def test_a_learning_rate_beyond_stability_is_named():
    with pytest.raises(ValueError, match=r"the gd path left every bound at step \d+: learning_rate 0.1 is too large"):
        optimizer_path(elongated_bowl(condition=25), "gd", 0.1, 5000)  # stable only below 2 / 25


def test_best_paths_keeps_the_rate_that_ends_lowest_and_skips_those_that_diverge():
    surface = elongated_bowl(condition=25)
    best = best_paths(surface, ["gd", "adam"], [0.001, 0.05, 0.5], 20)
    assert best["gd"][0] == 0.05  # 0.5 diverges, 0.001 crawls
    for name, (rate, path) in best.items():
        np.testing.assert_array_equal(path, optimizer_path(surface, name, rate, 20))


@pytest.mark.parametrize("call, error, message", [
    (lambda: optimizer_path("bowl", "gd", 0.1, 3), TypeError, "surface must be a Surface"),
    (lambda: optimizer_path(rosenbrock(), "gd", 0.1, 3, start=[1.0, 2.0, 3.0]), ValueError, r"start must be a point"),
    (lambda: optimizer_path(rosenbrock(), "sgd", 0.1, 3), ValueError, "optimizer must be one of"),
    (lambda: elongated_bowl(condition=0.5), ValueError, "condition must be >= 1"),
    (lambda: best_paths(rosenbrock(), ["gd"], [1e200], 3), ValueError, "learning_rates: every rate of the grid"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_a_surface_is_a_plain_named_tuple():
    surface = rosenbrock()
    assert isinstance(surface, Surface) and surface.extent[0] < surface.start[0] < surface.extent[1]
