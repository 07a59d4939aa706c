"""The output layer and its loss: sigmoid for one unit, softmax for C >= 2 classes, in one place.

The last layer of a network computes the logits Z[L] = W[L] A[L-1] + b[L], shape (n_L, m). Its output kind
turns them into probabilities A[L] and, with the labels Y, into the loss; the number of output units decides
which kind a network has (``output_layer``):

- n_L = 1, **sigmoid** (weeks 1 and 2): a = sigmoid(z) is the probability of class 1, Y (1, m) holds 0/1, and
      loss(z, y) = -[y log a + (1 - y) log(1 - a)] = max(z, 0) - z y + log(1 + exp(-|z|)).
- n_L = C >= 2, **softmax** (week 3): a = softmax(z) holds one probability per class, Y (C, m) is one-hot, and
      loss(z, y) = -sum_k y_k log a_k = log sum_k exp(z_k) - sum_k y_k z_k.

Both losses are computed from the logits, never from probabilities that may round to 0 or 1: the course
computes log(1 - a) and prints ``inf`` when a sigmoid saturates, and log(softmax) is log(0) = -inf for a class
whose probability underflows. From the logits both are finite for any finite z (logits of +-1e4 included).
And both have the same gradient with respect to the logits,

    dJ/dZ[L] = (A[L] - Y) / m   for the mean cost J = (1/m) sum_j loss(z_j, y_j),

which is why the backward pass has one code path for both kinds. ``sigmoid_loss`` and ``softmax_loss`` return
the cost and this gradient together, as CS231n's ``softmax_loss(x, y)`` does; the network, ``compute_cost``,
training and gradient checking ask the output kind of the network they handle for what they need.

Gradient checking also needs loss(z + d) - loss(z - d) for tiny moves d of the logits; subtracting two losses
would cancel almost every digit, so each kind has a ``central_difference`` that subtracts no nearly equal
numbers.
"""

import numpy as np

from ._validation import check_array, check_finite_result, check_Y
from .layers import sigmoid, softmax

# ----------------------------------------------------------------------------- the sigmoid's loss and its differences


def _cross_entropy_losses(ZL, Y):
    """Per-example binary losses, loss(z, y) = max(z, 0) - z y + log(1 + exp(-|z|)); the shape of ZL, (..., 1, m)."""
    return np.maximum(ZL, 0.0) - ZL * Y + np.log1p(np.exp(-np.abs(ZL)))


def _central_difference_terms(z, y):
    """Per-example constants of the binary loss's central difference: slope, sign and t, each shaped like z.

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


# ----------------------------------------------------------------------------- the softmax's loss and its differences


def _softmax_losses(ZL, Y):
    """Per-example categorical losses, log sum_k exp(z_k) - sum_k y_k z_k, shape (..., 1, m), for ZL (..., C, m).

    With M = max_k z_k subtracted first (Y one-hot sums to 1, so it cancels), every exp is at most 1 and the
    sum at least 1: finite for any finite logits, exact to rounding.
    """
    shifted = ZL - ZL.max(axis=-2, keepdims=True)
    return np.log(np.exp(shifted).sum(axis=-2, keepdims=True)) - (Y * shifted).sum(axis=-2, keepdims=True)


def _softmax_central_difference(ZL, P, Y, D):
    """loss(z + d) - loss(z - d) per example, for logits ZL (C, m), P = softmax(ZL), one-hot Y and moves D (..., C, m).

    Moving every logit by the move of the true class's logit changes no loss, so with delta = d - d_y,
        loss(z + d) - loss(z - d) = lse(z + delta) - lse(z - delta) = log1p(2 sum_k p_k sinh(delta_k)
                                                                             / (1 + sum_k p_k expm1(-delta_k))),
    since lse(z + delta) - lse(z) = log(sum_k p_k exp(delta_k)). The true class's term is 0, sinh and expm1 keep
    full precision for tiny moves, and for |delta| <= 1 the denominator is more than 0.36: nothing cancels.
    Examples with a larger move (not a gradient check's regime) have their two losses evaluated and subtracted.
    Returns shape (..., m).
    """
    delta = D - (Y * D).sum(axis=-2, keepdims=True)
    large = (np.abs(delta) > 1.0).any(axis=-2)
    if large.any():
        delta = np.where(large[..., None, :], 0.0, delta)
    numerator = 2.0 * (P * np.sinh(delta)).sum(axis=-2)
    denominator = 1.0 + (P * np.expm1(-delta)).sum(axis=-2)
    difference = np.log1p(numerator / denominator)
    if large.any():
        exact = _softmax_losses(ZL + D, Y)[..., 0, :] - _softmax_losses(ZL - D, Y)[..., 0, :]
        difference = np.where(large, exact, difference)
    return difference


# ----------------------------------------------------------------------------- the two output kinds


class OutputLayer:
    """An output kind: what the network, the cost, training and gradient checking ask of the last layer.

    Arrays may carry leading batch axes (a stack of networks): Z[L] and A[L] are (..., n_L, m), Y is (n_L, m) or
    (..., n_L, m), and per-example results are (..., 1, m).
    """

    name = ""

    def probabilities(self, ZL, out=None):
        """A[L] from the logits Z[L] (written into ``out`` when given)."""
        raise NotImplementedError

    def losses(self, ZL, Y):
        """The loss of each example, shape (..., 1, m)."""
        raise NotImplementedError

    def cost(self, ZL, Y):
        """The mean loss J = (1/m) sum_j loss(z_j, y_j): a float, or one cost per leading batch index."""
        return self.losses(ZL, Y).sum(axis=(-2, -1)) / ZL.shape[-1]

    @staticmethod
    def gradient(AL, Y, out=None):
        """dJ/dZ[L] = (A[L] - Y) / m, the gradient of the mean loss with respect to the logits, for both kinds
        (written into ``out`` when given)."""
        dZ = AL - Y if out is None else np.subtract(AL, Y, out=out)
        dZ /= Y.shape[-1]  # into the difference: one temporary, not two
        return dZ

    def predict(self, AL):
        """The predicted class of each example, shape (..., 1, m), integers."""
        raise NotImplementedError

    def classes(self, Y):
        """The class of each example from its labels, shape (..., 1, m): what ``predict`` is compared with."""
        raise NotImplementedError

    def central_difference(self, ZL, Y, D):
        """loss(z + d) - loss(z - d) for each example, moves D (..., n_L, m): shape (..., m), without cancellation."""
        raise NotImplementedError


class Sigmoid(OutputLayer):
    """One output unit, binary labels: A[L] = sigmoid(Z[L]) is the probability of class 1; Y (1, m) holds 0/1."""

    name = "sigmoid"

    def probabilities(self, ZL, out=None):
        return sigmoid.in_place(ZL, out)

    def losses(self, ZL, Y):
        return _cross_entropy_losses(ZL, Y)

    def predict(self, AL):
        """1 where A[L] > 0.5, else 0."""
        return (AL > 0.5).astype(int)

    def classes(self, Y):
        return Y

    def central_difference(self, ZL, Y, D):
        return _cross_entropy_central_difference(ZL[0], Y[0], D[..., 0, :])


class Softmax(OutputLayer):
    """C >= 2 output units, one per class: A[L] = softmax(Z[L]) column by column; Y (C, m) is one-hot."""

    name = "softmax"

    def probabilities(self, ZL, out=None):
        return softmax.in_place(ZL, out)

    def losses(self, ZL, Y):
        return _softmax_losses(ZL, Y)

    def predict(self, AL):
        """The class of the largest probability (the lowest index on a tie)."""
        return AL.argmax(axis=-2)[..., np.newaxis, :]

    def classes(self, Y):
        return Y.argmax(axis=-2)[..., np.newaxis, :]

    def central_difference(self, ZL, Y, D):
        return _softmax_central_difference(ZL, softmax.unchecked(ZL), Y, D)


SIGMOID, SOFTMAX = Sigmoid(), Softmax()


def output_layer(units):
    """The output kind of a network with ``units`` output units: ``SIGMOID`` for 1, ``SOFTMAX`` for 2 or more."""
    return SIGMOID if units == 1 else SOFTMAX


def class_indices(Y):
    """The class of each example, integers (m,), from 0/1 labels (1, m) or one-hot labels (C, m)."""
    return output_layer(Y.shape[0]).classes(Y)[0].astype(int)


# ----------------------------------------------------------------------------- the losses, with their gradients


def _loss_and_gradient(ZL, Y, kind, shape):
    """The checked (cost, dZL) of ``sigmoid_loss`` and ``softmax_loss``; ``shape`` describes the ZL expected."""
    ZL = check_array("ZL", ZL)
    if ZL.shape[1] == 0 or (ZL.shape[0] == 1) != (kind is SIGMOID):
        raise ValueError(f"ZL must have shape {shape} with m >= 1 for {kind.name}_loss, got {ZL.shape}")
    Y = check_Y(Y, ZL.shape[1], C=ZL.shape[0], against="ZL")
    with np.errstate(over="ignore", invalid="ignore"):
        cost = kind.cost(ZL, Y)
    cost = float(check_finite_result("the cost", cost, "ZL is too large"))
    return cost, kind.gradient(kind.probabilities(ZL), Y)


def sigmoid_loss(ZL, Y):
    """The mean binary cross-entropy of one sigmoid output unit and its gradient, both from the logits.

        J = (1/m) sum_j [max(z_j, 0) - z_j y_j + log(1 + exp(-|z_j|))],   dJ/dZL = (sigmoid(ZL) - Y) / m

    Parameters
    ----------
    ZL : ndarray, shape (1, m), the logits
    Y : ndarray, shape (1, m), labels 0 or 1

    Returns
    -------
    cost : float
    dZL : ndarray, shape (1, m)
    """
    return _loss_and_gradient(ZL, Y, SIGMOID, "(1, m)")


def softmax_loss(ZL, Y):
    """The mean categorical cross-entropy of a softmax output layer and its gradient, both from the logits.

        J = (1/m) sum_j [log sum_k exp(ZL[k, j]) - sum_k Y[k, j] ZL[k, j]],   dJ/dZL = (softmax(ZL) - Y) / m

    (CS231n's ``softmax_loss``, with the package's layout: classes by examples.) Finite for any finite logits.

    Parameters
    ----------
    ZL : ndarray, shape (C, m), C >= 2: the logits
    Y : ndarray, shape (C, m), one-hot labels (``one_hot_matrix``)

    Returns
    -------
    cost : float
    dZL : ndarray, shape (C, m)
    """
    return _loss_and_gradient(ZL, Y, SOFTMAX, "(C, m) with C >= 2")
