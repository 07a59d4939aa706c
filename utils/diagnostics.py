"""How the signal travels through depth: per-layer statistics of one forward and backward pass."""

import numpy as np

from ._validation import check_parameters, check_X, check_Y
from .network import _backward, _forward, parameter_list


def layer_statistics(X, Y, parameters):
    """Standard deviations of the activations and of the weight gradients, layer by layer.

    One forward and one backward pass (no dropout, no L2). For a healthy initialization both
    stay within an order of magnitude or two from the first layer to the last; when the weights
    are too small they shrink geometrically with depth (vanishing), too large and they grow
    (exploding): each ReLU layer multiplies Var(Z) by about fan_in * Var(W) / 2.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m), labels 0 or 1
    parameters : dict "W1", "b1", ..., "WL", "bL"

    Returns
    -------
    statistics : dict
        "activation_std": list of L - 1 floats, std of A[l] over all units and examples, l = 1..L-1;
        "gradient_std": list of L floats, std of dW[l] over its entries, l = 1..L.
    """
    X = check_X(X)
    L = check_parameters(parameters, n_x=X.shape[0])
    Y = check_Y(Y, X.shape[1])
    AL, cache = _forward(X, parameter_list(parameters, L))
    return {
        "activation_std": [float(np.std(A_prev)) for A_prev, _ in cache.linear[1:]],
        "gradient_std": [float(np.std(dW)) for dW, _ in _backward(Y, cache)],
    }
