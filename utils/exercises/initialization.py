"""Exercise: He initialization (the Weight_Initialization notebook).

Write ``initialize_parameters_he(layer_dims, rng)``: for l = 1..L, W[l] = rng.standard_normal((n_l, n_{l-1}))
* sqrt(2 / n_{l-1}) and b[l] = zeros((n_l, 1)), drawn layer by layer from ``rng`` (``rng.randn(n_l, n_{l-1})``
draws the same numbers from a RandomState).
"""

import numpy as np

from ..initializers import initialize_parameters
from ._checker import Case, Exercise, Mistake, ignores_its_generator, run, same_result


def _scaled(scale, transpose=False, bias=None):
    """He's draws with another scale factor, or transposed shapes, or biases drawn too: the faulty versions."""
    def initialize(layer_dims, rng):
        parameters = {}
        for l in range(1, len(layer_dims)):
            n, n_prev = layer_dims[l], layer_dims[l - 1]
            shape = (n_prev, n) if transpose else (n, n_prev)
            parameters[f"W{l}"] = rng.standard_normal(shape) * scale(n, n_prev)
            parameters[f"b{l}"] = np.zeros((n, 1)) if bias is None else bias(rng, n)
        return parameters
    return initialize


def biases_not_zero(call, expected):
    """Every W as the reference draws it, but some b not zero."""
    result = call.result
    if not isinstance(result, dict) or set(result) != set(expected):
        return False
    weights_right = all(same_result(expected[key], result[key]) for key in expected if key.startswith("W"))
    return weights_right and any(np.any(np.asarray(result[key]) != 0) for key in expected if key.startswith("b"))


EXERCISE = Exercise(
    name="He initialization",
    signature="initialize_parameters_he(layer_dims, rng) -> {'W1': ..., 'b1': ..., ...}",
    reference=lambda layer_dims, rng: initialize_parameters(layer_dims, "he", rng),
    cases=tuple(Case(f"layer_dims={dims}, rng=np.random.RandomState({seed})",
                     lambda dims=dims, seed=seed: (list(dims), np.random.RandomState(seed)))
                for dims, seed in (([3, 2, 1], 1), ([5, 4, 3, 1], 2), ([2, 10, 5, 1], 3))),
    mistakes=(
        Mistake("Xavier's scale, sqrt(1 / n[l-1])",
                "He's initialization multiplies by sqrt(2 / n[l-1]): a ReLU zeroes half of its inputs, and the "
                "factor 2 makes up for it. sqrt(1 / n[l-1]) is Xavier's initialization",
                _scaled(lambda n, n_prev: np.sqrt(1 / n_prev))),
        Mistake("fan-out instead of fan-in",
                "the scale uses the number of units of the layer, n[l]; He's initialization uses its number of "
                "inputs, n[l-1] (the second dimension of W[l])",
                _scaled(lambda n, n_prev: np.sqrt(2 / n))),
        Mistake("the variance used as the standard deviation",
                "rng.standard_normal(...) has standard deviation 1: multiply it by the standard deviation "
                "sqrt(2 / n[l-1]), not by the variance 2 / n[l-1]",
                _scaled(lambda n, n_prev: 2 / n_prev)),
        Mistake("W transposed",
                "W[l] has shape (n[l], n[l-1]): one row per unit of layer l, one column per input",
                _scaled(lambda n, n_prev: np.sqrt(2 / n_prev), transpose=True)),
        Mistake("biases not zero",
                "the biases start at zero: b[l] = np.zeros((n[l], 1)); the random weights already break the "
                "symmetry between units", detect=biases_not_zero),
        Mistake("the global np.random used instead of rng",
                "the function must draw from the generator it is given (rng.standard_normal or rng.randn), not "
                "from np.random: otherwise the same rng does not give the same weights",
                detect=ignores_its_generator),
    ),
)


def check_he_initialization(initialize_parameters_he):
    """Check a learner's ``initialize_parameters_he(layer_dims, rng)`` and name its mistake; an ``ExerciseReport``."""
    return run(EXERCISE, initialize_parameters_he)
