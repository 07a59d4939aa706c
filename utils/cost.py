"""The cost: binary cross-entropy computed from the logits, plus the L2 penalty.

The course computes -[y log(a) + (1 - y) log(1 - a)] from the probabilities a = sigmoid(z).
When the sigmoid saturates, a rounds to exactly 1.0 (or 0.0) in float64 and log(1 - a) is
log(0) = -inf: the course prints ``inf`` for its x10 random initialization. Written with the
logit z instead, the same loss is

    loss(z, y) = max(z, 0) - z y + log(1 + exp(-|z|)),

which never overflows and stays exact for any z (it equals -log(sigmoid(z)) for y = 1 and
-log(1 - sigmoid(z)) for y = 0). Its derivative with respect to z is sigmoid(z) - y.

Gradient checking needs loss(z + d) - loss(z - d) for tiny steps d; subtracting the two losses would
cancel almost every digit, so ``_cross_entropy_central_difference`` computes it through an identity
that subtracts no nearly equal numbers.
"""

import numpy as np

from ._validation import check_array, check_finite_result, check_nonnegative, check_parameters, check_Y


def _cross_entropy_losses(ZL, Y):
    """Per-example losses, loss(z, y) = max(z, 0) - z y + log(1 + exp(-|z|)); shape of ZL."""
    return np.maximum(ZL, 0.0) - ZL * Y + np.log1p(np.exp(-np.abs(ZL)))


def _central_difference_terms(z, y):
    """Per-example constants of the loss's central difference: slope, sign and t, each shaped like z.

    With softplus(x) = log(1 + exp(x)) = x + softplus(-x), the loss is softplus(z) - z y, and for any step d
        loss(z + d, y) - loss(z - d, y) = slope d + sign F(t, d),
        slope = 2 (1[z > 0] - y),   sign = -1 if z > 0 else +1,   t = exp(-|z|) <= 1,
    where F(t, d) = softplus(w + d) - softplus(w - d) at w = -|z| (see ``_softplus_central_difference``).
    The piecewise-linear part is exact; F is evaluated on the side where exp(w) = t is at most 1, so no
    two nearly equal numbers are ever subtracted, whatever z, y and d.
    """
    return 2.0 * ((z > 0) - y), np.where(z > 0, -1.0, 1.0), np.exp(-np.abs(z))


def _softplus_central_difference(t, d):
    """F = softplus(w + d) - softplus(w - d) from t = exp(w) <= 1 and steps |d| <= 1; d is overwritten.

    With g = expm1(d), so that exp(w + d) = t (1 + g) and exp(w - d) = t / (1 + g),
        F = log((1 + t (1 + g)) / (1 + t / (1 + g))) = log1p(t g (g + 2) / (g + 1 + t)),
    accurate to a few ulps: for |d| <= 1, g > -0.64 and the denominator is more than 0.36, and the
    argument of log1p stays away from -1. ``t`` (m,) broadcasts against d (..., m); returns an array
    like d (its memory reused).
    """
    g = np.expm1(d, out=d)
    ratio = g + 2.0
    ratio *= g
    ratio *= t
    g += 1.0 + t
    ratio /= g
    return np.log1p(ratio, out=ratio)


def _cross_entropy_central_difference(z, y, d):
    """loss(z + d, y) - loss(z - d, y), entry by entry, for z, y (m,) and steps d (..., m), without cancellation.

    ``slope d + sign F(t, d)`` (``_central_difference_terms``) where |d| <= 1; a larger step (not a
    gradient check's regime, and no cancellation there) has the two losses evaluated and subtracted.
    """
    slope, sign, t = _central_difference_terms(z, y)
    large = np.abs(d) > 1.0
    difference = slope * d + sign * _softplus_central_difference(t, np.where(large, 0.0, d))
    if large.any():
        difference = np.where(large, _cross_entropy_losses(z + d, y) - _cross_entropy_losses(z - d, y), difference)
    return difference


def _cross_entropy(ZL, Y):
    """Mean cross-entropy from the logits, J = (1/m) sum_j loss(ZL_j, Y_j).

    ZL (..., 1, m), Y (1, m); returns a float, or one cost per leading batch index.
    """
    return _cross_entropy_losses(ZL, Y).sum(axis=(-2, -1)) / ZL.shape[-1]


def _l2_penalty(weights, lambd, m):
    """(lambd / (2 m)) * sum_l ||W[l]||_F^2 over the weight matrices (biases are not penalized).

    Weights (..., n_l, n_{l-1}) and ``lambd`` a float or an array broadcasting as (..., 1, 1);
    returns a float, or one penalty per leading batch index.
    """
    squares = sum(np.square(W).sum(axis=(-2, -1), keepdims=True) for W in weights)
    return (lambd / (2 * m) * squares)[..., 0, 0]


def _cross_entropy_backward(AL, Y):
    """dJ/dZL = (AL - Y) / m, the gradient of the mean cross-entropy with respect to the logits."""
    return (AL - Y) / Y.shape[-1]


def compute_cost(ZL, Y, parameters=None, lambd=0.0):
    """Cross-entropy cost from the output logits, with an optional L2 penalty.

        J = (1/m) sum_j [max(z_j, 0) - z_j y_j + log(1 + exp(-|z_j|))]
            + lambd / (2 m) * sum_l ||W[l]||_F^2

    Parameters
    ----------
    ZL : ndarray, shape (1, m)
        Output logits (pre-sigmoid), ``cache.ZL`` of ``forward_propagation``.
    Y : ndarray, shape (1, m)
        Labels 0 or 1.
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
    if ZL.shape[0] != 1 or ZL.shape[1] == 0:
        raise ValueError(f"ZL must have shape (1, m) with m >= 1: one output logit per example, got {ZL.shape}")
    Y = check_Y(Y, ZL.shape[1], against="ZL")
    lambd = check_nonnegative("lambd", lambd)
    if parameters is not None:
        parameters = check_parameters(parameters)
    elif lambd > 0:
        raise ValueError("parameters are needed to compute the L2 penalty when lambd > 0, got None")
    with np.errstate(over="ignore", invalid="ignore"):
        cost = _cross_entropy(ZL, Y)
        if lambd > 0:
            cost += _l2_penalty([W for key, W in parameters.items() if key[0] == "W"], lambd, ZL.shape[1])
    return float(check_finite_result("the cost", cost, "ZL, parameters or lambd are too large"))
