"""The L-layer network: LINEAR -> RELU [-> DROPOUT] repeated L-1 times, then LINEAR -> SIGMOID.

``forward_propagation`` and ``backward_propagation`` only loop over layers and call the
primitives of ``layers.py``; the cost and its derivative come from ``cost.py``.
"""

from typing import NamedTuple

import numpy as np

from ._validation import (
    _describe,
    as_rng,
    check_finite_result,
    check_keep_prob,
    check_nonnegative,
    check_parameters,
    check_X,
    check_Y,
    depth,
)
from .cost import _cross_entropy_backward
from .layers import (
    dropout_backward,
    dropout_forward,
    dropout_mask,
    linear_backward,
    linear_forward,
    relu_backward,
    relu_forward,
    sigmoid,
)


class ForwardCache(NamedTuple):
    """What a forward pass keeps for the backward pass.

    Attributes
    ----------
    linear : tuple of (A_prev, W) per layer l = 1..L
        The caches of ``linear_forward``: the layer's input and its weights.
    Z : tuple of ndarray
        Pre-activations Z[1], ..., Z[L]; Z[l] has shape (n_l, m).
    masks : tuple of ndarray of bool
        Dropout masks D[1], ..., D[L-1] of the hidden layers; empty when keep_prob == 1.
    keep_prob : float
    AL : ndarray, shape (1, m)
        Output probabilities sigmoid(Z[L]).
    """

    linear: tuple
    Z: tuple
    masks: tuple
    keep_prob: float
    AL: np.ndarray

    @property
    def ZL(self):
        """Output logits Z[L], shape (1, m): what ``compute_cost`` takes."""
        return self.Z[-1]


def parameter_list(parameters):
    """[(W1, b1), ..., (WL, bL)] from a parameter dictionary of W1..WL, b1..bL, as float64 arrays.

    Arrays that are already float64 are passed through as they are (not copied).
    """
    return [(np.asarray(parameters[f"W{l}"], dtype=np.float64), np.asarray(parameters[f"b{l}"], dtype=np.float64))
            for l in range(1, depth(parameters) + 1)]


def _forward(X, layers, keep_prob=1.0, rng=None, masks=None):
    """Forward pass without argument checks; ``layers`` is [(W1, b1), ..., (WL, bL)].

    Dropout is applied when ``masks`` or ``rng`` is given: each hidden layer's mask is taken
    from ``masks``, or else drawn from ``rng``, layer 1 first. ``keep_prob`` may be an array
    that broadcasts against the activations (one value per network of a batch).
    """
    Z, linear_cache = linear_forward.unchecked(X, *layers[0])
    return _propagate(Z, 1, layers, keep_prob, rng, masks, linear_cache)


def _checked_forward(X, layers, keep_prob=1.0, rng=None, masks=None):
    """``_forward``, with an overflow turned into a clear error instead of inf or nan logits."""
    with np.errstate(over="ignore", invalid="ignore"):
        AL, cache = _forward(X, layers, keep_prob, rng, masks)
    culprits = "X or the parameters are too large" + (" (or keep_prob too small)" if masks or rng else "")
    for array in (*cache.Z, *(A_prev for A_prev, _ in cache.linear[1:])):  # a -inf may hide behind a ReLU
        check_finite_result("the forward pass", array, culprits)
    return AL, cache


def _propagate(Z, k, layers, keep_prob=1.0, rng=None, masks=None, linear_cache=None, probabilities=True):
    """Finish a forward pass from Z = Z[k], the pre-activation of layer k (no argument checks).

    Gradient checking enters here with perturbed copies of Z[k]. The returned cache holds
    layers k..L only (all of them when k = 1); ``masks`` is still indexed from layer 1.
    With ``probabilities=False`` the sigmoid is skipped (AL is None): the cost needs only ZL.
    """
    L = len(layers)
    linear_caches, Zs, Ds = [linear_cache], [Z], []
    for l in range(k + 1, L + 1):
        A, _ = relu_forward.unchecked(Z)
        if masks is not None or rng is not None:
            D = masks[l - 2] if masks is not None else dropout_mask.unchecked(A.shape, keep_prob, rng)
            A, _ = dropout_forward.unchecked(A, D, keep_prob)
            Ds.append(D)
        Z, linear_cache = linear_forward.unchecked(A, *layers[l - 1])
        linear_caches.append(linear_cache)
        Zs.append(Z)
    AL = sigmoid.unchecked(Z) if probabilities else None
    return AL, ForwardCache(tuple(linear_caches), tuple(Zs), tuple(Ds), keep_prob, AL)


def _backward(Y, cache, lambd=None):
    """Backward pass without argument checks: [(dW1, db1), ..., (dWL, dbL)] of the regularized cost.

    ``lambd`` None means no L2 term; it may be an array that broadcasts against the weights.
    """
    m = Y.shape[-1]
    L = len(cache.linear)
    gradients = [None] * L
    dZ = _cross_entropy_backward(cache.AL, Y)
    for l in range(L, 0, -1):
        dA_prev, dW, db = linear_backward.unchecked(dZ, cache.linear[l - 1], l > 1)
        if lambd is not None:
            dW = dW + (lambd / m) * cache.linear[l - 1][1]
        gradients[l - 1] = (dW, db)
        if l > 1:
            if cache.masks:
                dA_prev = dropout_backward.unchecked(dA_prev, (cache.masks[l - 2], cache.keep_prob))
            dZ = relu_backward.unchecked(dA_prev, cache.Z[l - 2])
    return gradients


def gradient_dict(gradients):
    """{"dW1": dW1, "db1": db1, ...} from [(dW1, db1), ...]."""
    named = {}
    for l, (dW, db) in enumerate(gradients, start=1):
        named[f"dW{l}"], named[f"db{l}"] = dW, db
    return named


def forward_propagation(X, parameters, keep_prob=1.0, rng=None, masks=None):
    """Forward pass: [LINEAR -> RELU -> DROPOUT] x (L-1) -> LINEAR -> SIGMOID.

    For l = 1..L-1:  Z[l] = W[l] A[l-1] + b[l],  A[l] = relu(Z[l]) * D[l] / keep_prob,
    with A[0] = X and D[l] = (U < keep_prob), U ~ Uniform[0, 1) (no dropout when keep_prob == 1).
    Output: Z[L] = W[L] A[L-1] + b[L],  A[L] = sigmoid(Z[L]).

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    parameters : dict
        "W1" (n_1, n_x), "b1" (n_1, 1), ..., "WL" (1, n_{L-1}), "bL" (1, 1).
    keep_prob : float in (0, 1]
        Probability of keeping a hidden unit. 1.0 (the default) is an exact identity.
    rng : numpy Generator, RandomState, int seed or None
        Source of the dropout masks, drawn as ``rng.random(A.shape) < keep_prob``, hidden layer
        by hidden layer: ``np.random.RandomState(1)`` gives the course's masks. None: unseeded.
    masks : sequence of L-1 bool arrays, optional
        Reuse these masks (for example ``cache.masks`` of an earlier pass) instead of drawing;
        this is how gradient checking keeps dropout fixed. Give either ``rng`` or ``masks``.

    Returns
    -------
    AL : ndarray, shape (1, m)
        Output probabilities.
    cache : ForwardCache
        For ``backward_propagation``; ``cache.ZL`` holds the logits for ``compute_cost``.
    """
    X = check_X(X)
    parameters = check_parameters(parameters, n_x=X.shape[0])
    keep_prob = check_keep_prob(keep_prob)
    rng, masks = _dropout_source(masks, keep_prob, rng, parameters, X.shape[1])
    return _checked_forward(X, parameter_list(parameters), keep_prob, rng, masks)


def _dropout_source(masks, keep_prob, rng, parameters, m):
    """Where the dropout masks come from: (None, checked masks), (generator, None), or (None, None).

    Without dropout (keep_prob 1) ``rng`` is not needed, but it is still checked: a wrong one is an error.
    """
    if masks is not None:
        return None, _check_masks(masks, keep_prob, rng, parameters, m)
    generator = as_rng(rng) if rng is not None or keep_prob < 1.0 else None
    return (generator if keep_prob < 1.0 else None), None


def _check_masks(masks, keep_prob, rng, parameters, m):
    L = depth(parameters)
    if keep_prob == 1.0:
        raise ValueError("masks were given but keep_prob == 1.0 applies no dropout; pass keep_prob < 1")
    if rng is not None:
        raise ValueError("give either rng (to draw fresh masks) or masks (to reuse them), not both")
    if not isinstance(masks, (list, tuple)):
        raise TypeError(f"masks must be a list of {L - 1} bool arrays, one per hidden layer (cache.masks), "
                        f"got {_describe(masks)}")
    if len(masks) != L - 1:
        raise ValueError(f"masks must hold {L - 1} arrays, one per hidden layer, got {len(masks)}")
    checked = []
    for l, D in enumerate(masks, start=1):
        expected = (parameters[f"W{l}"].shape[0], m)
        if not isinstance(D, np.ndarray | list | tuple):
            raise TypeError(f"masks[{l - 1}] must be a bool array of shape {expected}, got {_describe(D)}")
        D = np.asarray(D)
        if D.shape != expected or D.dtype != np.bool_:
            raise ValueError(f"masks[{l - 1}] must be a bool array of shape {expected}, "
                             f"got dtype {D.dtype} and shape {D.shape}")
        checked.append(D)
    return checked


def backward_propagation(X, Y, cache, lambd=0.0):
    """Backward pass: the exact gradients of the cost that ``compute_cost`` computes.

        dZ[L] = (A[L] - Y) / m
        dW[l] = dZ[l] A[l-1]^T + (lambd / m) W[l],   db[l] = sum_j dZ[l][:, j]
        dA[l-1] = W[l]^T dZ[l],   then through dropout: dA[l-1] * D[l-1] / keep_prob,
        and through relu: dZ[l-1] = dA[l-1] * 1[Z[l-1] > 0].

    Dropout masks and keep_prob are taken from the cache, so L2 and dropout combine freely.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
        The inputs given to ``forward_propagation`` (checked against the cache).
    Y : ndarray, shape (1, m)
        Labels 0 or 1.
    cache : ForwardCache
        From ``forward_propagation``.
    lambd : float >= 0
        L2 regularization strength.

    Returns
    -------
    gradients : dict
        "dW1" (n_1, n_x), "db1" (n_1, 1), ..., "dWL", "dbL": the shapes of the parameters.
    """
    if not isinstance(cache, ForwardCache):
        raise TypeError(f"cache must be the ForwardCache returned by forward_propagation, got {type(cache).__name__}")
    X = check_X(X)
    if X.shape != cache.linear[0][0].shape or not np.array_equal(X, cache.linear[0][0]):
        raise ValueError(f"X must be the input of the forward pass that made cache (shape {cache.linear[0][0].shape}), "
                         f"got {'other values' if X.shape == cache.linear[0][0].shape else f'shape {X.shape}'}")
    Y = check_Y(Y, X.shape[1])
    lambd = check_nonnegative("lambd", lambd)
    with np.errstate(over="ignore", invalid="ignore"):
        gradients = gradient_dict(_backward(Y, cache, lambd if lambd > 0 else None))
    for gradient in gradients.values():
        check_finite_result("the backward pass", gradient, "the forward pass's parameters, or lambd, are too large")
    return gradients
