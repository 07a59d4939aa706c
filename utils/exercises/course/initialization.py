"""The course's initialization functions, with its signatures: ``initialize_parameters_zeros(layers_dims)``,
``initialize_parameters_random(layers_dims)`` and ``initialize_parameters_he(layers_dims)``.

The course's random and He functions seed numpy's global generator themselves (``np.random.seed(3)``) and
draw ``np.random.randn(n[l], n[l-1])`` layer after layer: the references draw the same numbers from
``np.random.RandomState(3)``. Before each call the checker seeds the global generator with another seed,
``GLOBAL_SEED``: a function that forgot ``np.random.seed(3)`` draws from it, which is how that mistake is named.
No case has n[0] = 2: there sqrt(2 / n[0]) = 2 / n[0] = 1, and several wrong scales would look right.
"""

import numpy as np

from ...initializers import initialize_parameters
from .._checker import Case, Exercise, Mistake, raises
from ..initialization import biases_not_zero

GLOBAL_SEED = 11
"""The seed of numpy's global generator before each call: not the course's 3."""

LAYERS = ([3, 2, 1], [4, 5, 3, 1], [5, 4, 4, 2, 3])


def _cases():
    return tuple(Case(f"layers_dims={dims}", lambda dims=dims: (list(dims),), global_seed=GLOBAL_SEED)
                 for dims in LAYERS)


def _draws(layers_dims, draw=None, scale=lambda n, n_prev: 1.0, transposed=False, biases=None, stop=0, start=1,
           seed=3, reseed=False):
    """The course's loop over the layers, with its draws (``draw(rng, shape)``) scaled, or one of its mistakes.

    ``stop`` layers left out at the end; ``transposed`` weights; ``biases(rng, n)`` drawn after each weight;
    ``seed`` None draws from the global seed, ``reseed`` restarts the generator at every layer.
    """
    rng = np.random.RandomState(GLOBAL_SEED if seed is None else seed)
    parameters = {}
    for l in range(start, len(layers_dims) - stop):
        if reseed:
            rng = np.random.RandomState(seed)
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        shape = (n_prev, n) if transposed else (n, n_prev)
        parameters[f"W{l}"] = np.zeros(shape) if draw is None else draw(rng, shape) * scale(n, n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1)) if biases is None else biases(rng, n)
    return parameters


def _normal(rng, shape):
    return rng.randn(*shape)


def _uniform(rng, shape):
    return rng.rand(*shape)


ZEROS = Exercise(
    name="initialize_parameters_zeros",
    signature="initialize_parameters_zeros(layers_dims) -> {'W1': ..., 'b1': ..., ...}",
    reference=lambda layers_dims: initialize_parameters(layers_dims, "zeros"),
    cases=_cases(),
    mistakes=(
        Mistake("W transposed", "W[l] has shape (n[l], n[l-1]): np.zeros((layers_dims[l], layers_dims[l-1]))",
                lambda dims: _draws(dims, transposed=True)),
        Mistake("b a 1-D array", "b[l] is a column of shape (n[l], 1): np.zeros((layers_dims[l], 1)), with both "
                "numbers in the tuple", lambda dims: {key: value[:, 0] if key[0] == "b" else value
                                                      for key, value in _draws(dims).items()}),
        Mistake("the last layer left out", "the loop runs over l = 1, ..., L where L = len(layers_dims) - 1: "
                "range(1, len(layers_dims))", lambda dims: _draws(dims, stop=1)),
        Mistake("the shape given as two arguments", "np.zeros takes the shape as one tuple: "
                "np.zeros((layers_dims[l], layers_dims[l-1])); its second argument is the dtype",
                detect=raises(TypeError, containing="data type")),
    ),
)

RANDOM = Exercise(
    name="initialize_parameters_random",
    signature="initialize_parameters_random(layers_dims) -> {'W1': ..., 'b1': ..., ...}",
    reference=lambda layers_dims: initialize_parameters(layers_dims, "random", np.random.RandomState(3), 10.0),
    cases=_cases(),
    mistakes=(
        Mistake("rand instead of randn", "np.random.rand draws uniformly from [0, 1), every weight positive: "
                "np.random.randn draws from the standard normal distribution",
                lambda dims: _draws(dims, _uniform, lambda n, n_prev: 10.0)),
        Mistake("scaled by 0.01 instead of 10", "this exercise shows what too large weights do: "
                "np.random.randn(...) * 10 (the 0.01 of the first course is the small scale)",
                lambda dims: _draws(dims, _normal, lambda n, n_prev: 0.01)),
        Mistake("np.random.seed(3) missing", "the course's function seeds numpy's generator itself, "
                "np.random.seed(3) before the loop, so that everyone draws the same weights",
                lambda dims: _draws(dims, _normal, lambda n, n_prev: 10.0, seed=None)),
        Mistake("the generator seeded again at every layer", "np.random.seed(3) goes once, before the loop: "
                "inside it, every layer starts the same stream again",
                lambda dims: _draws(dims, _normal, lambda n, n_prev: 10.0, reseed=True)),
        Mistake("W transposed", "W[l] has shape (n[l], n[l-1]): np.random.randn(layers_dims[l], layers_dims[l-1])",
                lambda dims: _draws(dims, _normal, lambda n, n_prev: 10.0, transposed=True)),
        Mistake("biases not zero", "the biases start at zero, np.zeros((layers_dims[l], 1)): the random weights "
                "already break the symmetry",
                tuple(lambda dims, draw=draw, scale=scale: _draws(dims, _normal, lambda n, n_prev: 10.0,
                                                                  biases=lambda rng, n: draw(rng, (n, 1)) * scale)
                      for draw, scale in ((_normal, 10.0), (_normal, 1.0), (_normal, 0.01), (_uniform, 1.0))),
                detect=biases_not_zero),
    ),
)


def _he(dims, **mistake):
    return _draws(dims, _normal, mistake.pop("scale", lambda n, n_prev: np.sqrt(2 / n_prev)), **mistake)


HE = Exercise(
    name="initialize_parameters_he",
    signature="initialize_parameters_he(layers_dims) -> {'W1': ..., 'b1': ..., ...}",
    reference=lambda layers_dims: initialize_parameters(layers_dims, "he", np.random.RandomState(3)),
    cases=_cases(),
    mistakes=(
        Mistake("Xavier's scale, sqrt(1 / n[l-1])", "He's initialization multiplies by sqrt(2 / n[l-1]): a ReLU "
                "zeroes half of its inputs, and the factor 2 makes up for it",
                lambda dims: _he(dims, scale=lambda n, n_prev: np.sqrt(1 / n_prev))),
        Mistake("fan-out instead of fan-in", "the scale uses the number of inputs of layer l, "
                "layers_dims[l-1], not its number of units, layers_dims[l]",
                lambda dims: _he(dims, scale=lambda n, n_prev: np.sqrt(2 / n))),
        Mistake("the variance used as the standard deviation", "np.random.randn has standard deviation 1: "
                "multiply by the standard deviation sqrt(2 / n[l-1]), not by the variance 2 / n[l-1]",
                lambda dims: _he(dims, scale=lambda n, n_prev: 2 / n_prev)),
        Mistake("2 / sqrt(n[l-1]) instead of sqrt(2 / n[l-1])", "the square root covers the whole fraction: "
                "np.sqrt(2 / layers_dims[l-1])", lambda dims: _he(dims, scale=lambda n, n_prev: 2 / np.sqrt(n_prev))),
        Mistake("integer division in 2 / n[l-1]", "2 // n rounds down to 0 (as 2 / n did in Python 2): "
                "np.sqrt(2 / layers_dims[l-1]) with true division",
                lambda dims: _he(dims, scale=lambda n, n_prev: np.sqrt(2 // n_prev))),
        Mistake("rand instead of randn", "np.random.rand draws uniformly from [0, 1), every weight positive: "
                "np.random.randn draws from the standard normal distribution",
                lambda dims: _draws(dims, _uniform, lambda n, n_prev: np.sqrt(2 / n_prev))),
        Mistake("np.random.seed(3) missing", "the course's function seeds numpy's generator itself, "
                "np.random.seed(3) before the loop", lambda dims: _he(dims, seed=None)),
        Mistake("the last layer left out", "He's loop runs over l = 1, ..., L with L = len(layers_dims) - 1: "
                "range(1, L + 1), the other skeletons' range(1, len(layers_dims))", lambda dims: _he(dims, stop=1)),
    ),
)

