"""The L-layer network: [LINEAR [-> BATCHNORM] -> RELU [-> DROPOUT]] x (L-1), then LINEAR -> SIGMOID or SOFTMAX.

``forward_propagation`` and ``backward_propagation`` only loop over layers and call the
primitives of ``layers.py``; the output layer (one sigmoid unit, or a softmax over C >= 2 units), its loss
and the loss's derivative come from ``output.py``.

Inside, a network is a list of layers, each a tuple of float64 arrays: (W, b) for a plain layer,
(W, gamma, beta) for a batch-normalized hidden layer (no bias: beta plays its part). The running
averages of batch normalization are not parameters: they travel separately, as ``statistics``,
a list with (mean, var) per normalized hidden layer and None elsewhere.
"""

from typing import NamedTuple

import numpy as np

from ._validation import (
    _describe,
    as_rng,
    check_between,
    check_choice,
    check_finite_result,
    check_keep_prob,
    check_nonnegative,
    check_parameters,
    check_X,
    check_Y,
    depth,
    layer_keys,
    layer_kinds,
)
from .layers import (
    BATCHNORM_MOMENTUM,
    batchnorm_backward,
    batchnorm_forward,
    dropout_backward,
    dropout_forward,
    dropout_mask,
    linear_backward,
    linear_forward,
    relu_backward,
    relu_forward,
    update_running_average,
)
from .output import output_layer
from .parallel import one_blas_thread


class ForwardCache(NamedTuple):
    """What a forward pass keeps for the backward pass.

    Attributes
    ----------
    linear : tuple of (A_prev, W) per layer l = 1..L
        The caches of ``linear_forward``: the layer's input and its weights.
    Z : tuple of ndarray
        Pre-activations Z[1], ..., Z[L], the inputs of the activations; Z[l] has shape (n_l, m).
        For a batch-normalized layer this is Z_tilde[l] = gamma[l] * Z_hat[l] + beta[l].
    masks : tuple of ndarray of bool
        Dropout masks D[1], ..., D[L-1] of the hidden layers; empty when keep_prob == 1.
    keep_prob : float
    AL : ndarray, shape (n_L, m)
        Output probabilities: sigmoid(Z[L]) for one output unit, softmax(Z[L]) for C >= 2.
    norms : tuple
        One entry per hidden layer: its ``BatchNormCache`` (with the statistics used), or None for a
        plain layer; empty for a network without batch normalization.
    """

    linear: tuple
    Z: tuple
    masks: tuple
    keep_prob: float
    AL: np.ndarray
    norms: tuple = ()

    @property
    def ZL(self):
        """Output logits Z[L], shape (n_L, m): what ``compute_cost`` takes."""
        return self.Z[-1]


def parameter_list(parameters):
    """[(W1, b1), ..., (WL, bL)] from a parameter dict, as float64 arrays; (W, gamma, beta) for a normalized layer.

    Arrays that are already float64 are passed through as they are (not copied).
    """
    return [tuple(np.asarray(parameters[f"{kind}{l}"], dtype=np.float64) for kind in layer_keys(parameters, l))
            if f"gamma{l}" in parameters else
            (np.asarray(parameters[f"W{l}"], dtype=np.float64), np.asarray(parameters[f"b{l}"], dtype=np.float64))
            for l in range(1, depth(parameters) + 1)]


def running_statistics(parameters):
    """[(running_mean1, running_var1) or None, ...]: one entry per hidden layer, None where it is not normalized.

    Raises a ValueError when a normalized layer has no running averages (test mode needs them).
    """
    statistics = []
    for l in range(1, depth(parameters)):
        if f"gamma{l}" not in parameters:
            statistics.append(None)
        elif f"running_mean{l}" not in parameters:
            raise ValueError(f"parameters has gamma{l} and beta{l} but no running_mean{l} and running_var{l}: test "
                             f"mode (and predict) normalizes with the running averages that model(batch_norm=True) "
                             f"keeps, or that update_running_averages computes")
        else:
            statistics.append((parameters[f"running_mean{l}"], parameters[f"running_var{l}"]))
    return statistics


def _linear_without_bias(A_prev, layer):
    """Z = W A_prev for a normalized layer (W, gamma, beta), which has no bias; the cache of ``linear_forward``."""
    return layer[0] @ A_prev, (A_prev, layer[0])


def _normalize(Z, layer, statistics):
    """Batch normalization of a normalized layer (W, gamma, beta): train mode, or test mode with ``statistics``."""
    if statistics is None:
        return batchnorm_forward.unchecked(Z, *layer[1:])
    return batchnorm_forward.unchecked(Z, *layer[1:], "test", *statistics)


class Workspace:
    """The arrays a training loop writes the intermediate results of each step into, kept from step to step.

    ``work(key, shape)`` is the array of ``key`` (what it holds and its layer, ("A", 2) say) with that shape,
    made on first use: a last mini-batch of another size gets arrays of its own. The results of a step (its
    cache) live in these arrays until the next step overwrites them.
    """

    def __init__(self):
        self.arrays = {}

    def __call__(self, key, shape, dtype=np.float64):
        array = self.arrays.get((key, shape, dtype))
        if array is None:
            array = self.arrays[key, shape, dtype] = np.empty(shape, dtype)
        return array


def _out(work, key, shape, dtype=np.float64):
    """The array of ``work`` for (key, shape), or None (a new array) without a workspace."""
    return None if work is None else work(key, shape, dtype)


def _product_shape(W, A):
    """The shape of W A for W (..., n, k) and A (..., k, m), whose leading axes are equal or absent."""
    lead = W.shape[:-2] if W.ndim >= A.ndim else A.shape[:-2]
    return (*lead, W.shape[-2], A.shape[-1])


def _linear(A_prev, layer, l, work):
    """Z[l] and its cache: W A_prev + b for a plain layer, W A_prev for a normalized one (W, gamma, beta)."""
    if len(layer) == 3:
        return _linear_without_bias(A_prev, layer)
    return linear_forward.in_place(A_prev, *layer, _out(work, ("Z", l), _product_shape(layer[0], A_prev)))


def _forward(X, layers, keep_prob=1.0, rng=None, masks=None, statistics=None, work=None):
    """Forward pass without argument checks; ``layers`` is [(W1, b1), ..., (WL, bL)].

    Dropout is applied when ``masks`` or ``rng`` is given: each hidden layer's mask is taken
    from ``masks``, or else drawn from ``rng``, layer 1 first. ``keep_prob`` may be an array
    that broadcasts against the activations (one value per network of a batch). Normalized layers
    use the mini-batch's statistics (train mode), or, given ``statistics``, the running averages.
    With a ``Workspace``, the results are written into its arrays.
    """
    Z, linear_cache = _linear(X, layers[0], 1, work)
    return _propagate(Z, 1, layers, keep_prob, rng, masks, linear_cache, True, statistics, work)


def _checked_forward(X, layers, keep_prob=1.0, rng=None, masks=None, statistics=None):
    """``_forward``, with an overflow turned into a clear error instead of inf or nan logits."""
    with np.errstate(over="ignore", invalid="ignore"):
        AL, cache = _forward(X, layers, keep_prob, rng, masks, statistics)
    culprits = "X or the parameters are too large" + (" (or keep_prob too small)" if masks or rng else "")
    variances = [norm.var for norm in cache.norms if norm is not None]  # an infinite variance normalizes to 0
    for array in (*cache.Z, *(A_prev for A_prev, _ in cache.linear[1:]), *variances):  # -inf may hide behind a ReLU
        check_finite_result("the forward pass", array, culprits)
    return AL, cache


def _propagate(Z, k, layers, keep_prob=1.0, rng=None, masks=None, linear_cache=None, probabilities=True,
               statistics=None, work=None):
    """Finish a forward pass from Z = W[k] A[k-1] (+ b[k]), the linear output of layer k (no argument checks).

    Gradient checking enters here with perturbed copies of Z[k]. The returned cache holds
    layers k..L only (all of them when k = 1); ``masks`` and ``statistics`` are still indexed from
    layer 1. With ``probabilities=False`` the output activation is skipped (AL is None): the cost needs only ZL.
    """
    L = len(layers)
    linear_caches, Zs, Ds, norms = [linear_cache], [], [], None  # norms: one per hidden layer, if any is normalized
    for l in range(k + 1, L + 1):
        if len(layers[l - 2]) == 3:  # batch-normalized: Z_tilde takes Z's place
            norms = norms or [None] * (L - k)
            Z, norms[l - k - 1] = _normalize(Z, layers[l - 2], None if statistics is None else statistics[l - 2])
        Zs.append(Z)
        A, _ = relu_forward.in_place(Z, _out(work, ("A", l - 1), Z.shape))
        if masks is not None or rng is not None:
            D = masks[l - 2] if masks is not None else dropout_mask.in_place(
                A.shape, keep_prob, rng, _out(work, ("U", l - 1), A.shape), _out(work, ("D", l - 1), A.shape, bool))
            A, _ = dropout_forward.in_place(A, D, keep_prob)  # A is this loop's own array
            Ds.append(D)
        Z, linear_cache = _linear(A, layers[l - 1], l, work)
        linear_caches.append(linear_cache)
    Zs.append(Z)
    AL = output_layer(Z.shape[-2]).probabilities(Z, _out(work, "AL", Z.shape)) if probabilities else None
    norms = tuple(norms) if norms else ()
    return AL, ForwardCache(tuple(linear_caches), tuple(Zs), tuple(Ds), keep_prob, AL, norms)


def _backward(Y, cache, lambd=None, out=None, work=None):
    """Backward pass without argument checks: [(dW1, db1), ..., (dWL, dbL)] of the regularized cost.

    A normalized layer's entry is (dW, dgamma, dbeta). ``lambd`` None means no L2 term; it may be an
    array that broadcasts against the weights. ``out``, arrays in the same layout, receives the gradients
    (the training loop's buffer): then it is what is returned. With a ``Workspace``, the intermediate
    gradients are written into its arrays.
    """
    m = Y.shape[-1]
    L = len(cache.linear)
    gradients = [None] * L if out is None else out
    dZ = output_layer(Y.shape[-2]).gradient(cache.AL, Y, _out(work, "dZ", cache.AL.shape))
    for l in range(L, 0, -1):
        norm = cache.norms[l - 1] if l < L and cache.norms else None
        into = (None, None) if out is None else out[l - 1]
        if norm is not None:  # dZ is the gradient of Z_tilde[l]: back through the normalization
            dZ, dgamma, dbeta = batchnorm_backward.unchecked(dZ, norm)
            if out is not None:
                into[1][...], into[2][...] = dgamma, dbeta
                into = (into[0], None)
        dA_prev, dW, db = linear_backward.in_place(
            dZ, cache.linear[l - 1], l > 1, *into[:2],
            None if l == 1 else _out(work, ("dA", l - 1), cache.linear[l - 1][0].shape))
        if lambd is not None:
            dW += (lambd / m) * cache.linear[l - 1][1]
        if out is None:
            gradients[l - 1] = (dW, db) if norm is None else (dW, dgamma, dbeta)
        if l > 1:
            if cache.masks:  # dA_prev is this loop's own array: the two primitives write into it
                dA_prev = dropout_backward.in_place(dA_prev, (cache.masks[l - 2], cache.keep_prob))
            dZ = relu_backward.in_place(dA_prev, cache.Z[l - 2], _out(work, ("mask", l - 1), dA_prev.shape, bool))
    return gradients


def gradient_dict(gradients):
    """{"dW1": dW1, "db1": db1, ...} from [(dW1, db1), ...]; "dgamma{l}", "dbeta{l}" for (dW, dgamma, dbeta)."""
    named = {}
    for l, layer in enumerate(gradients, start=1):
        for kind, gradient in zip(layer_kinds(layer), layer, strict=True):
            named[f"d{kind}{l}"] = gradient
    return named


@one_blas_thread
def forward_propagation(X, parameters, keep_prob=1.0, rng=None, masks=None, mode="train"):
    """Forward pass: [LINEAR -> (BATCHNORM) -> RELU -> DROPOUT] x (L-1) -> LINEAR -> SIGMOID or SOFTMAX.

    For l = 1..L-1:  Z[l] = W[l] A[l-1] + b[l],  A[l] = relu(Z[l]) * D[l] / keep_prob,
    with A[0] = X and D[l] = (U < keep_prob), U ~ Uniform[0, 1) (no dropout when keep_prob == 1).
    A batch-normalized layer (parameters gamma[l], beta[l] instead of b[l]) computes
    Z[l] = W[l] A[l-1], then relu of Z_tilde[l] = gamma[l] * Z_hat[l] + beta[l] (``batchnorm_forward``).
    Output: Z[L] = W[L] A[L-1] + b[L], then A[L] = sigmoid(Z[L]) for one output unit (n_L = 1), or
    A[L] = softmax(Z[L]), column by column, for a softmax over C = n_L >= 2 classes (``output.py``).

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    parameters : dict
        "W1" (n_1, n_x), "b1" (n_1, 1), ..., "WL" (n_L, n_{L-1}), "bL" (n_L, 1).
    keep_prob : float in (0, 1]
        Probability of keeping a hidden unit. 1.0 (the default) is an exact identity.
    rng : numpy Generator, RandomState, int seed or None
        Source of the dropout masks, drawn as ``rng.random(A.shape) < keep_prob``, hidden layer
        by hidden layer: ``np.random.RandomState(1)`` gives the course's masks. None: unseeded.
    masks : sequence of L-1 bool arrays, optional
        Reuse these masks (for example ``cache.masks`` of an earlier pass) instead of drawing;
        this is how gradient checking keeps dropout fixed. Give either ``rng`` or ``masks``.
    mode : {"train", "test"}
        How normalized layers are normalized: with the statistics of the m examples of X ("train",
        what ``backward_propagation`` differentiates), or with the running averages "running_mean{l}",
        "running_var{l}" of ``parameters`` ("test", what ``predict`` uses). Networks without batch
        normalization are the same in both modes.

    Returns
    -------
    AL : ndarray, shape (n_L, m)
        Output probabilities (each column sums to 1 for a softmax output).
    cache : ForwardCache
        For ``backward_propagation``; ``cache.ZL`` holds the logits for ``compute_cost``.
    """
    X = check_X(X)
    parameters = check_parameters(parameters, n_x=X.shape[0])
    keep_prob = check_keep_prob(keep_prob)
    rng, masks = _dropout_source(masks, keep_prob, rng, parameters, X.shape[1])
    layers = parameter_list(parameters)
    statistics = _mode_statistics(check_choice("mode", mode, ("train", "test")), parameters, layers, X.shape[1])
    return _checked_forward(X, layers, keep_prob, rng, masks, statistics)


def _mode_statistics(mode, parameters, layers, m):
    """The running averages for test mode (None in train mode); train mode needs 2 examples to normalize."""
    if mode == "test":
        return running_statistics(parameters)
    if m < 2 and any(len(layer) == 3 for layer in layers):
        raise ValueError(f"mode 'train' normalizes with the statistics of the examples of X: it needs at least 2, "
                         f"got X with {m} column; use mode='test' (the running averages) for one example")
    return None


def update_running_averages(parameters, cache, momentum=BATCHNORM_MOMENTUM):
    """The parameters with each normalized layer's running averages moved towards the batch statistics of ``cache``.

        running_mean[l] <- momentum * running_mean[l] + (1 - momentum) * mu[l]   (and the same for var),

    ``update_running_average``'s convention (CS231n's and Keras's): ``momentum`` is the share kept.
    ``model(batch_norm=True)`` does this after each mini-batch's forward pass; a hand-written loop does
    the same with the cache of ``forward_propagation(..., mode="train")``.

    Parameters
    ----------
    parameters : dict with "gamma{l}", "beta{l}" for the normalized layers (running averages missing: start at
        mean 0 and variance 1)
    cache : ForwardCache of a train-mode forward pass of this network
    momentum : float in [0, 1]

    Returns
    -------
    parameters : dict, a new dict with new running-average arrays (the others are the caller's, not copied)
    """
    parameters = check_parameters(parameters)
    if not isinstance(cache, ForwardCache):
        raise TypeError(f"cache must be the ForwardCache returned by forward_propagation, got {type(cache).__name__}")
    momentum = check_between("momentum", momentum, 0.0, 1.0)
    L = depth(parameters)
    normalized = [l for l in range(1, L) if f"gamma{l}" in parameters]
    if len(cache.linear) != L or [l for l, norm in enumerate(cache.norms, start=1) if norm is not None] != normalized:
        raise ValueError("cache must come from a forward pass of these parameters (the same layers, normalized "
                         "alike)")
    if any(cache.norms[l - 1].mode != "train" for l in normalized):
        raise ValueError("cache must come from a forward pass in mode 'train': a test-mode pass has no batch "
                         "statistics")
    updated = dict(parameters)
    for l in normalized:
        norm = cache.norms[l - 1]
        running = (parameters.get(f"running_mean{l}", np.zeros_like(norm.mean)),
                   parameters.get(f"running_var{l}", np.ones_like(norm.var)))
        updated[f"running_mean{l}"], updated[f"running_var{l}"] = _averaged(running, norm, momentum)
    return updated


def _averaged(running, norm, momentum):
    """The running (mean, var) moved towards the batch statistics of ``norm``, a train-mode ``BatchNormCache``.

    Both are convex combinations of finite numbers: nothing can overflow, so the unchecked step serves."""
    mean, var = running
    return (update_running_average.unchecked(mean, norm.mean, momentum),
            update_running_average.unchecked(var, norm.var, momentum))


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


@one_blas_thread
def backward_propagation(X, Y, cache, lambd=0.0):
    """Backward pass: the exact gradients of the cost that ``compute_cost`` computes.

        dZ[L] = (A[L] - Y) / m   (for a sigmoid output and for a softmax output alike)
        dW[l] = dZ[l] A[l-1]^T + (lambd / m) W[l],   db[l] = sum_j dZ[l][:, j]
        dA[l-1] = W[l]^T dZ[l],   then through dropout: dA[l-1] * D[l-1] / keep_prob,
        and through relu: dZ[l-1] = dA[l-1] * 1[Z[l-1] > 0].

    A batch-normalized layer first takes the gradient of Z_tilde[l] back through the normalization
    (``batchnorm_backward``: dZ[l], dgamma[l], dbeta[l]); its dW[l] follows as above, and it has no db[l].
    Dropout masks, keep_prob and the batch statistics are taken from the cache, so L2, dropout and
    batch normalization combine freely.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
        The inputs given to ``forward_propagation`` (checked against the cache).
    Y : ndarray, shape (1, m) with labels 0 or 1, or (C, m) one-hot for a softmax output of C units
    cache : ForwardCache
        From ``forward_propagation``.
    lambd : float >= 0
        L2 regularization strength.

    Returns
    -------
    gradients : dict
        "dW1" (n_1, n_x), "db1" (n_1, 1), ..., "dWL", "dbL": the shapes of the parameters
        ("dgamma{l}", "dbeta{l}" in place of "db{l}" for a normalized layer).
    """
    if not isinstance(cache, ForwardCache):
        raise TypeError(f"cache must be the ForwardCache returned by forward_propagation, got {type(cache).__name__}")
    X = check_X(X)
    if X.shape != cache.linear[0][0].shape or not np.array_equal(X, cache.linear[0][0]):
        raise ValueError(f"X must be the input of the forward pass that made cache (shape {cache.linear[0][0].shape}), "
                         f"got {'other values' if X.shape == cache.linear[0][0].shape else f'shape {X.shape}'}")
    Y = check_Y(Y, X.shape[1], C=cache.ZL.shape[-2], source="cache.ZL")
    lambd = check_nonnegative("lambd", lambd)
    with np.errstate(over="ignore", invalid="ignore"):
        gradients = gradient_dict(_backward(Y, cache, lambd if lambd > 0 else None))
    for gradient in gradients.values():
        check_finite_result("the backward pass", gradient, "the forward pass's parameters, or lambd, are too large")
    return gradients
