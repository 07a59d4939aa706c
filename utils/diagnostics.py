"""Diagnostics of a network and of its training: the signal through depth, and the shape of cost curves."""

import numpy as np

from ._validation import (
    check_array,
    check_count,
    check_finite_result,
    check_nonnegative,
    check_parameters,
    check_real,
    check_X,
    check_Y,
    depth,
)
from .network import _backward, _checked_forward, parameter_list
from .parallel import one_blas_thread


@one_blas_thread
def layer_statistics(X, Y, parameters):
    """Standard deviations of the activations and of the weight gradients, layer by layer.

    One forward and one backward pass (no dropout, no L2). For a healthy initialization both
    stay within an order of magnitude or two from the first layer to the last; when the weights
    are too small they shrink geometrically with depth (vanishing), too large and they grow
    (exploding): each ReLU layer multiplies Var(Z) by about fan_in * Var(W) / 2.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m) with labels 0 or 1, or (C, m) one-hot for a softmax output of C units
    parameters : dict "W1", "b1", ..., "WL", "bL"

    Returns
    -------
    statistics : dict
        "activation_std": list of L - 1 floats, std of A[l] over all units and examples, l = 1..L-1;
        "gradient_std": list of L floats, std of dW[l] over its entries, l = 1..L.
    """
    X = check_X(X)
    parameters = check_parameters(parameters, n_x=X.shape[0])
    L = depth(parameters)
    Y = check_Y(Y, X.shape[1], C=parameters[f"W{L}"].shape[0], source=f"parameters['W{L}']")
    AL, cache = _checked_forward(X, parameter_list(parameters))
    with np.errstate(over="ignore", invalid="ignore"):
        statistics = {"activation_std": [float(np.std(A_prev)) for A_prev, _ in cache.linear[1:]],
                      "gradient_std": [float(np.std(dW)) for dW, _ in _backward(Y, cache)]}
    for values in statistics.values():
        check_finite_result("layer_statistics", np.array(values), "X or the parameters are too large")
    return statistics


def iterations_to_reach(costs, target, every):
    """The first recorded iteration at which the cost is at most ``target``; None when it never gets there.

    Parameters
    ----------
    costs : sequence of floats, recorded at iterations 0, every, 2 every, ...
    target : float
    every : int >= 1, iterations between two recorded costs

    Returns
    -------
    iteration : int or None
    """
    costs = _cost_curve(costs)
    reached = np.flatnonzero(costs <= check_real("target", target))
    return int(reached[0]) * check_count("every", every, minimum=1) if reached.size else None


def rising_steps(costs, rtol=1e-9):
    """Where a recorded cost curve goes up: the k with costs[k + 1] > costs[k] (1 + rtol).

    Full-batch gradient descent with a small enough step lowers the cost at every step. A rise
    means the step overshot a direction of high curvature; a run that keeps doing so is at the edge
    of stability, where its outcome can depend on rounding (and so on the machine). ``rtol`` ignores
    round-off on a flat curve.

    Parameters
    ----------
    costs : sequence of floats, one recorded curve
    rtol : float >= 0

    Returns
    -------
    steps : list of int
    """
    costs = _cost_curve(costs)
    return [int(k) for k in np.flatnonzero(costs[1:] > costs[:-1] * (1 + check_nonnegative("rtol", rtol)))]


def _cost_curve(costs):
    """A non-empty 1-D finite float array of recorded costs."""
    costs = check_array("costs", costs, ndim=1)
    if costs.size == 0:
        raise ValueError("costs must hold at least one recorded cost, got an empty sequence")
    return costs
