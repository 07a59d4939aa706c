"""layer_statistics: the variance rule of ReLU layers, measured."""

import numpy as np
import pytest

from utils import initialize_parameters
from utils.diagnostics import iterations_to_reach, layer_statistics, rising_steps

rng = np.random.default_rng(0)
X = rng.standard_normal((200, 2000))
Y = (rng.random((1, 2000)) < 0.5).astype(int)
DIMS = [200] * 21 + [1]  # 20 hidden ReLU layers of 200 units


def test_he_preserves_the_activation_scale_through_depth():
    stats = layer_statistics(X, Y, initialize_parameters(DIMS, "he", 0))
    assert len(stats["activation_std"]) == 20 and len(stats["gradient_std"]) == 21
    ratio = stats["activation_std"][-1] / stats["activation_std"][0]
    assert 0.3 < ratio < 3


@pytest.mark.parametrize("method, scale, factor", [
    ("xavier", None, 0.5 ** 0.5),                  # fan_in Var(W) / 2 = 1/2 per layer
    ("random", 0.01, (200 * 1e-4 / 2) ** 0.5),     # = 0.01 per layer
])
def test_other_scales_shrink_by_the_predicted_factor_per_layer(method, scale, factor):
    stats = layer_statistics(X, Y, initialize_parameters(DIMS, method, 0, scale))
    measured = (stats["activation_std"][-1] / stats["activation_std"][4]) ** (1 / 15)
    assert measured == pytest.approx(factor, rel=0.1)


def test_bad_arguments_get_clear_errors():
    with pytest.raises(ValueError, match=r"parameters\['W1'\] has 200 columns but X has 3 rows"):
        layer_statistics(X[:3], Y, initialize_parameters(DIMS, "he", 0))


def test_iterations_to_reach_gives_the_first_recorded_iteration_at_or_below_the_target():
    assert iterations_to_reach([0.69, 0.65, 0.6, 0.3], 0.6, every=100) == 200
    assert iterations_to_reach([0.5], 0.6, every=100) == 0
    assert iterations_to_reach([0.69, 0.68], 0.6, every=100) is None


def test_rising_steps_finds_rises_but_ignores_round_off_on_a_flat_curve():
    assert rising_steps([3.0, 2.0, 2.5, 1.0, 1.0]) == [1]
    up = np.nextafter(np.log(2), 1.0)  # one unit in the last place above log 2
    flat = np.array([np.log(2), up, np.log(2), up])
    assert rising_steps(flat) == []
    assert rising_steps(flat, rtol=0.0) == [0, 2]


@pytest.mark.parametrize("call, error, message", [
    (lambda: iterations_to_reach([], 0.6, every=1), ValueError, "costs must hold at least one recorded cost"),
    (lambda: iterations_to_reach([[0.6]], 0.6, every=1), ValueError, "costs must be a 1-D array"),
    (lambda: iterations_to_reach([0.6, np.nan], 0.6, every=1), ValueError, "costs must contain only finite values"),
    (lambda: iterations_to_reach([0.6], "low", every=1), TypeError, "target must be a real number"),
    (lambda: iterations_to_reach([0.6], 0.6, every=0), ValueError, "every must be >= 1"),
    (lambda: rising_steps([1.0, 2.0], rtol=-1), ValueError, "rtol must be >= 0"),
])
def test_bad_cost_curves_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
