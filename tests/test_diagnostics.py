"""layer_statistics: the variance rule of ReLU layers, measured."""

import numpy as np
import pytest

from utils import initialize_parameters
from utils.diagnostics import layer_statistics

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
    with pytest.raises(ValueError, match="X must have 200 rows"):
        layer_statistics(X[:3], Y, initialize_parameters(DIMS, "he", 0))
