"""Loss surfaces of two parameters, to watch the optimizers move.

A network's cost has thousands of parameters; its hard parts can be seen in two. On a long narrow
valley, plain gradient descent zigzags across the valley, because the gradient points mostly
across it; momentum averages the zigzag away; RMSprop and Adam divide each coordinate's step by the
typical size of its gradient, so a steep direction no longer dictates the step of a flat one.

``optimizer_path`` runs the very update rules that train the networks (``optimizers.OPTIMIZERS``) on
such a surface and returns the points visited; ``plots.plot_optimizer_paths`` draws them.
"""

from typing import NamedTuple

import numpy as np

from ._validation import _describe, check_array, check_choice, check_count, check_positive, check_sequence
from .optimizers import OPTIMIZERS, optimizer_hyperparameters


class Surface(NamedTuple):
    """A function of two parameters (x, y), its gradient, and where to look at it.

    Attributes
    ----------
    name : str, with its formula
    value : callable f(x, y), elementwise on arrays of any shape
    gradient : callable (x, y) -> (df/dx, df/dy)
    minimum : (x, y), where f is smallest
    start : (x, y), a starting point that shows the optimizers' differences
    extent : (x_min, x_max, y_min, y_max), the window to draw
    """

    name: str
    value: object
    gradient: object
    minimum: tuple
    start: tuple
    extent: tuple


def elongated_bowl(condition=25.0):
    """f(x, y) = (x^2 + condition y^2) / 2: a quadratic valley ``condition`` times steeper across than along.

    Gradient descent is stable only for learning rates below 2 / condition (the steep direction), at
    which the flat direction moves ``condition`` times too slowly: the ill-conditioning that the
    other optimizers address.

    Parameters
    ----------
    condition : float >= 1, the ratio of the curvatures (the Hessian's condition number)

    Returns
    -------
    Surface
    """
    condition = check_positive("condition", condition)
    if condition < 1:
        raise ValueError(f"condition must be >= 1 (the steep direction over the flat one), got {condition:g}")
    return Surface(f"elongated bowl (x² + {condition:g} y²) / 2",
                   lambda x, y: (np.square(x) + condition * np.square(y)) / 2,
                   lambda x, y: (x, condition * y),
                   (0.0, 0.0), (-4.0, 1.0), (-4.5, 1.0, -1.25, 1.25))


def rosenbrock():
    """f(x, y) = (1 - x)^2 + 100 (y - x^2)^2: Rosenbrock's banana-shaped valley, minimum 0 at (1, 1).

    The valley floor y = x^2 curves, and its walls are a hundred times steeper than its floor slopes.

    Returns
    -------
    Surface
    """
    return Surface("Rosenbrock (1 − x)² + 100 (y − x²)²",
                   lambda x, y: np.square(1 - x) + 100 * np.square(y - np.square(x)),
                   lambda x, y: (-2 * (1 - x) - 400 * x * (y - np.square(x)), 200 * (y - np.square(x))),
                   (1.0, 1.0), (-1.2, 1.0), (-1.6, 1.6, -0.4, 1.6))


def optimizer_path(surface, optimizer, learning_rate, num_steps, start=None, beta=0.9, beta1=0.9, beta2=0.999,
                   epsilon=1e-8):
    """The points an optimizer visits on a surface: the same update rules that train the networks.

    Parameters
    ----------
    surface : Surface
    optimizer : {"gd", "momentum", "rmsprop", "adam"}
    learning_rate : float > 0
    num_steps : int >= 0
    start : (x, y), optional, the surface's own ``start`` by default
    beta, beta1, beta2, epsilon : the optimizers' hyperparameters, as in ``model``

    Returns
    -------
    path : ndarray, shape (num_steps + 1, 2), the start then the point after each step

    Raises
    ------
    ValueError
        When the steps grow without bound (the learning rate is too large for the surface).
    """
    if not isinstance(surface, Surface):
        raise TypeError(f"surface must be a Surface, such as elongated_bowl() or rosenbrock(), got "
                        f"{_describe(surface)}")
    step, state_names = OPTIMIZERS[check_choice("optimizer", optimizer, tuple(OPTIMIZERS))]
    learning_rate = check_positive("learning_rate", learning_rate)
    num_steps = check_count("num_steps", num_steps)
    hyper = optimizer_hyperparameters(beta, beta1, beta2, epsilon)
    point = check_array("start", surface.start if start is None else start, ndim=1).copy()
    if point.shape != (2,):
        raise ValueError(f"start must be a point (x, y), got shape {point.shape}")
    states = [[np.zeros(2)] for _ in state_names]
    path = [point.copy()]
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, num_steps + 1):
            step([point], [np.array(surface.gradient(*point), dtype=float)], states, learning_rate, t, hyper)
            if not np.isfinite(point).all():
                raise ValueError(f"the {optimizer} path left every bound at step {t}: learning_rate "
                                 f"{learning_rate:g} is too large for {surface.name}")
            path.append(point.copy())
    return np.array(path)


def best_paths(surface, optimizers, learning_rates, num_steps, **hyperparameters):
    """Each optimizer's path at the learning rate, of a grid, that ends lowest on the surface.

    Parameters
    ----------
    surface : Surface
    optimizers : sequence of names from "gd", "momentum", "rmsprop", "adam"
    learning_rates : sequence of floats > 0, the grid
    num_steps : int >= 0
    **hyperparameters : beta, beta1, beta2, epsilon, as in ``optimizer_path``

    Returns
    -------
    best : dict {optimizer: (learning_rate, path)}; rates whose path leaves every bound (or ends where the
        surface's value overflows) do not count
    """
    optimizers = [check_choice(f"optimizers[{k}]", name, tuple(OPTIMIZERS))
                  for k, name in enumerate(check_sequence("optimizers", optimizers, "optimizer names"))]
    learning_rates = [check_positive(f"learning_rates[{k}]", rate)
                      for k, rate in enumerate(check_sequence("learning_rates", learning_rates, "learning rates"))]
    best = {}
    for name in optimizers:
        candidates = []
        for rate in learning_rates:
            try:
                path = optimizer_path(surface, name, rate, num_steps, **hyperparameters)
            except ValueError as error:
                if "left every bound" not in str(error):
                    raise
                continue
            with np.errstate(over="ignore"):
                value = float(surface.value(*path[-1]))
            if np.isfinite(value):  # a point so far out that its value overflows has left every bound too
                candidates.append((value, rate, path))
        if not candidates:
            raise ValueError(f"learning_rates: every rate of the grid is too large for {name} on {surface.name}")
        _, rate, path = min(candidates, key=lambda candidate: candidate[0])
        best[name] = (rate, path)
    return best
