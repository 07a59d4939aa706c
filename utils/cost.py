"""The cost: the output layer's cross-entropy, computed from the logits, plus the L2 penalty.

    J = (1/m) sum_j loss(z_j, y_j) + lambd / (2m) sum_l ||W[l]||_F^2

The loss is the one of the network's output kind (``output.py``): binary cross-entropy for one sigmoid unit,
categorical cross-entropy for a softmax over C >= 2 classes, both from the logits Z[L], so that the cost is
finite and exact where the course's formula from the probabilities prints ``inf`` (a saturated sigmoid makes
log(1 - a) = log(0)).
"""

import numpy as np

from ._validation import check_array, check_finite_result, check_nonnegative, check_parameters, check_Y
from .output import output_layer


def _l2_penalty(weights, lambd, m):
    """(lambd / (2 m)) * sum_l ||W[l]||_F^2 over the weight matrices (biases are not penalized).

    Weights (..., n_l, n_{l-1}) and ``lambd`` a float or an array broadcasting as (..., 1, 1);
    returns a float, or one penalty per leading batch index.
    """
    squares = sum(np.square(W).sum(axis=(-2, -1), keepdims=True) for W in weights)
    return (lambd / (2 * m) * squares)[..., 0, 0]


def compute_cost(ZL, Y, parameters=None, lambd=0.0):
    """Cross-entropy cost from the output logits, with an optional L2 penalty.

    One sigmoid output (ZL of shape (1, m), Y of 0/1 labels):
        J = (1/m) sum_j [max(z_j, 0) - z_j y_j + log(1 + exp(-|z_j|))] + lambd / (2 m) * sum_l ||W[l]||_F^2
    A softmax over C >= 2 classes (ZL of shape (C, m), Y one-hot):
        J = (1/m) sum_j [log sum_k exp(z_kj) - sum_k y_kj z_kj] + lambd / (2 m) * sum_l ||W[l]||_F^2

    Parameters
    ----------
    ZL : ndarray, shape (1, m) or (C, m)
        Output logits (before the sigmoid or the softmax), ``cache.ZL`` of ``forward_propagation``.
    Y : ndarray, shape (1, m) with labels 0 or 1, or (C, m) one-hot
    parameters : dict, optional
        Needed when lambd > 0: the weights "W1", ..., "WL" are penalized (biases are not). Checked
        whenever it is given.
    lambd : float >= 0
        L2 regularization strength.

    Returns
    -------
    cost : float
    """
    ZL = check_array("ZL", ZL)
    if ZL.shape[1] == 0:
        raise ValueError(f"ZL must have shape (1, m) or (C, m) with m >= 1: the output logits of each example, got "
                         f"{ZL.shape}")
    Y = check_Y(Y, ZL.shape[1], C=ZL.shape[0], against="ZL")
    lambd = check_nonnegative("lambd", lambd)
    if parameters is not None:
        parameters = check_parameters(parameters)
    elif lambd > 0:
        raise ValueError("parameters are needed to compute the L2 penalty when lambd > 0, got None")
    with np.errstate(over="ignore", invalid="ignore"):
        cost = output_layer(ZL.shape[0]).cost(ZL, Y)
        if lambd > 0:
            cost += _l2_penalty([W for key, W in parameters.items() if key[0] == "W"], lambd, ZL.shape[1])
    return float(check_finite_result("the cost", cost, "ZL, parameters or lambd are too large"))
