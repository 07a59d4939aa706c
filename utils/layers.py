"""Layer primitives: pure forward/backward pairs with a cache (as in CS231n).

Every ``*_forward`` returns ``(out, cache)``. The matching ``*_backward`` takes the
upstream gradient ``d_out = dJ/d(out)`` (same shape as ``out``) and that cache, and
returns the gradient(s) of J with respect to the inputs. Nothing keeps state and nothing
writes into its arguments.

Shapes follow the package convention: activations are (n, m), units by examples.
Any array may also carry leading batch axes, (..., n, m), that evaluate several networks
at once with the same formulas (batched training and gradient checking use this).

Each primitive checks its arguments (array-likes become float64 arrays) and its results
(an overflow raises an error naming the inputs, instead of returning inf or nan).
``primitive.unchecked`` is the same function without the checks, for inner loops whose
inputs were checked once (``forward_propagation`` checks the whole network, then runs the
unchecked primitives). The primitives the training loop calls also have ``primitive.in_place``: the
same arithmetic, written into arrays the loop owns. The element-wise steps of the backward pass and of
dropout write into the array given first (a temporary the loop made itself); the others take their
outputs as extra arguments at the end (``linear_forward.in_place(A_prev, W, b, Z)``,
``relu_forward.in_place(Z, A)``, ``linear_backward.in_place(dZ, cache, input_grad, dW, db, dA_prev)``, ...),
None for a new array. Large temporaries cost more than their arithmetic (each new array of a megabyte is
fresh memory the system must hand over page by page), so the training loop keeps its arrays from one
step to the next and writes each step's results into them.
"""

import functools
import inspect
from typing import NamedTuple

import numpy as np
from scipy.special import expit

from ._validation import (
    MAX_PARAMETERS,
    _describe,
    check_array,
    check_between,
    check_choice,
    check_finite_result,
    check_flag,
    check_positive,
)

_GENERATORS = (np.random.Generator, np.random.RandomState)


def checked_by(check, culprits):
    """Decorator: run the primitive on ``check(*arguments)`` (checked, converted), then check its results.

    The arguments are bound by the primitive's signature (keywords and defaults work as usual).
    Its arrays are computed with numpy's floating-point warnings off and must come out finite;
    otherwise a ValueError says that ``culprits`` (e.g. "A_prev, W or b") are too large. The bare
    primitive stays available as ``.unchecked``.
    """
    def decorate(primitive):
        signature = inspect.signature(primitive)
        in_place = getattr(primitive, "in_place", None)

        @functools.wraps(primitive)
        def checked(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            arguments = check(*bound.args)
            with np.errstate(all="ignore"):
                result = primitive(*arguments)
            for array in _outputs(result):
                check_finite_result(primitive.__name__, array, f"{culprits} are too large")
            return result
        checked.unchecked = primitive
        if in_place is not None:
            checked.in_place = in_place
        return checked
    return decorate


def computed_in_place(in_place):
    """Decorator: attach ``in_place`` (the same formula, written into its first argument) to the primitive."""
    def attach(primitive):
        primitive.in_place = in_place
        return primitive
    return attach


def _outputs(result):
    """The arrays a primitive computed: its results, and the statistics in a ``BatchNormCache``.

    A cache given as a plain tuple holds only checked inputs: skipped."""
    arrays = []
    for item in result if isinstance(result, tuple) else (result,):
        if isinstance(item, BatchNormCache):
            arrays += [value for value in item if isinstance(value, np.ndarray)]
        elif isinstance(item, np.ndarray):
            arrays.append(item)
    return arrays


def _array(name, value):
    """A finite float64 array with at least 2 dimensions, (n, m) or (..., n, m)."""
    array = check_array(name, value, ndim=None)
    if array.ndim < 2:
        raise ValueError(f"{name} must have at least 2 dimensions (n, m), got shape {array.shape}")
    return array


def _same_shape(name, value, shape):
    array = _array(name, value)
    if array.shape != shape:
        raise ValueError(f"{name} must have the shape of the forward output {shape}, got {array.shape}")
    return array


def _pair(name, cache, what):
    if not isinstance(cache, (tuple, list)) or len(cache) != 2:
        raise TypeError(f"{name} must be the cache {what} returned by the forward primitive, got {_describe(cache)}")
    return cache


def _mask(name, D):
    """A dropout mask: an array of bools."""
    D = np.asarray(D)
    if D.dtype != np.bool_:
        raise TypeError(f"{name} must be a bool mask from dropout_mask, got dtype {D.dtype}")
    return D


def _broadcasts_to(name, value, shape, what):
    try:
        fits = np.broadcast_shapes(value.shape, shape) == shape
    except ValueError:
        fits = False
    if not fits:
        raise ValueError(f"{name} must have the shape of {what} {shape}, got {value.shape}")


def _check_linear_forward(A_prev, W, b):
    A_prev, W, b = _array("A_prev", A_prev), _array("W", W), _array("b", b)
    if W.shape[-1] != A_prev.shape[-2]:
        raise ValueError(f"W has {W.shape[-1]} columns but A_prev has {A_prev.shape[-2]} rows: "
                         f"W {W.shape}, A_prev {A_prev.shape}")
    if b.shape[-2:] != (W.shape[-2], 1):
        raise ValueError(f"b must have shape ({W.shape[-2]}, 1) to match W {W.shape}, got {b.shape}")
    try:
        np.broadcast_shapes(A_prev.shape[:-2], W.shape[:-2], b.shape[:-2])
    except ValueError:
        raise ValueError(f"the leading batch axes of A_prev {A_prev.shape}, W {W.shape} and b {b.shape} "
                         "do not broadcast") from None
    return A_prev, W, b


def _check_linear_backward(dZ, cache, input_grad=True):
    A_prev, W = _pair("cache", cache, "(A_prev, W)")
    A_prev, W = _array("cache[0] (A_prev)", A_prev), _array("cache[1] (W)", W)
    dZ = _array("dZ", dZ)
    if dZ.shape[-2] != W.shape[-2] or dZ.shape[-1] != A_prev.shape[-1]:
        raise ValueError(f"dZ must have shape ({W.shape[-2]}, {A_prev.shape[-1]}) like Z, got {dZ.shape}")
    return dZ, (A_prev, W), check_flag("input_grad", input_grad)


def _check_activation_forward(Z):
    return (_array("Z", Z),)


def _check_activation_backward(dA, cache):
    cache = _array("cache", cache)
    return _same_shape("dA", dA, cache.shape), cache


def _check_any_array(Z):
    return (check_array("Z", Z, ndim=None),)


def _check_dropout_forward(A, D, keep_prob):
    A, D = _array("A", A), _mask("D", D)
    _broadcasts_to("D", D, A.shape, "A")
    return A, D, _check_keep_prob(keep_prob)


def _check_dropout_backward(dA_out, cache):
    D, keep_prob = _pair("cache", cache, "(D, keep_prob)")
    D, dA_out = _mask("cache[0] (D)", D), _array("dA_out", dA_out)
    try:
        fits = np.broadcast_shapes(dA_out.shape, D.shape) == dA_out.shape
    except ValueError:
        fits = False
    if not fits:
        raise ValueError(f"dA_out must have the shape of the mask {D.shape}, got {dA_out.shape}")
    return dA_out, (D, _check_keep_prob(keep_prob, "cache[1] (keep_prob)"))


def _check_dropout_mask(shape, keep_prob, rng):
    if not isinstance(shape, tuple) or not all(isinstance(n, (int, np.integer)) and not isinstance(n, bool)
                                               and n >= 0 for n in shape):
        raise TypeError(f"shape must be a tuple of non-negative ints such as A.shape, got {_describe(shape)}")
    if int(np.prod(shape, dtype=object)) > MAX_PARAMETERS:
        raise ValueError(f"shape {shape} asks for more than {MAX_PARAMETERS:,} mask entries")
    keep_prob = _check_keep_prob(keep_prob)
    if isinstance(rng, _GENERATORS):
        return shape, keep_prob, rng
    if not isinstance(rng, (list, tuple)) or not rng or not all(isinstance(r, _GENERATORS) for r in rng):
        raise TypeError(f"rng must be a numpy Generator or RandomState, or a list of them, got {_describe(rng)}")
    if len(shape) < 3 or shape[0] != len(rng):
        raise ValueError(f"a list of {len(rng)} generators needs shape (S, n, m) with S = {len(rng)}, got {shape}")
    return shape, keep_prob, rng


def _check_keep_prob(keep_prob, name="keep_prob"):
    """A probability in (0, 1], or an array of them (one per network of a batch)."""
    values = np.asarray(keep_prob) if not isinstance(keep_prob, (str, bytes)) else np.asarray(None)
    if values.dtype == np.bool_ or not np.issubdtype(values.dtype, np.number) or np.iscomplexobj(values):
        raise TypeError(f"{name} must be a number in (0, 1] (or an array of them), got {_describe(keep_prob)}")
    if not np.all((values > 0) & (values <= 1)):
        raise ValueError(f"{name} must be a number in (0, 1] (or an array of them), got {keep_prob!r}")
    return keep_prob if isinstance(keep_prob, np.ndarray) else float(keep_prob)


# ----------------------------------------------------------------------------- linear


def _linear_forward_into(A_prev, W, b, Z=None):
    """``linear_forward`` with Z written into the array given (a new one where None)."""
    Z = W @ A_prev if Z is None else np.matmul(W, A_prev, out=Z)  # (the operator is the faster call)
    try:  # the sum written into the product (no second temporary); unless b has more batch axes
        Z += b
    except ValueError:
        Z = Z + b
    return Z, (A_prev, W)


@checked_by(_check_linear_forward, "A_prev, W or b")
@computed_in_place(_linear_forward_into)
def linear_forward(A_prev, W, b):
    """Affine map of one layer: Z = W A_prev + b.

    Parameters
    ----------
    A_prev : ndarray, shape (n_prev, m)
        Activations of the previous layer (the inputs X for layer 1).
    W : ndarray, shape (n, n_prev)
    b : ndarray, shape (n, 1)
        Broadcast over the m examples.

    Returns
    -------
    Z : ndarray, shape (n, m)
    cache : tuple (A_prev, W)
    """
    return _linear_forward_into(A_prev, W, b)


def _linear_backward_into(dZ, cache, input_grad=True, dW=None, db=None, dA_prev=None):
    """``linear_backward`` with dW, db and dA_prev written into the arrays given (new arrays where None)."""
    A_prev, W = cache
    dW = np.matmul(dZ, A_prev.mT, out=dW)
    db = np.add.reduce(dZ, axis=-1, keepdims=True, out=db)  # dZ.sum(...), without its Python wrapper
    if not input_grad:
        return None, dW, db
    return (W.mT @ dZ if dA_prev is None else np.matmul(W.mT, dZ, out=dA_prev)), dW, db


@checked_by(_check_linear_backward, "dZ, A_prev or W")
@computed_in_place(_linear_backward_into)
def linear_backward(dZ, cache, input_grad=True):
    """Gradients of the affine map Z = W A_prev + b.

    dW = dZ A_prev^T,  db = sum over examples of dZ,  dA_prev = W^T dZ.

    Parameters
    ----------
    dZ : ndarray, shape (n, m)
    cache : tuple (A_prev (n_prev, m), W (n, n_prev)) from ``linear_forward``
    input_grad : bool
        Compute dA_prev (False for the first layer, whose input X needs no gradient).

    Returns
    -------
    dA_prev : ndarray, shape (n_prev, m), or None when ``input_grad`` is False
    dW : ndarray, shape (n, n_prev)
    db : ndarray, shape (n, 1)
    """
    return _linear_backward_into(dZ, cache, input_grad)


# ----------------------------------------------------------------------------- relu


def _relu_forward_into(Z, A=None):
    """``relu_forward`` with A written into the array given (a new one where None)."""
    return (np.maximum(Z, 0.0) if A is None else np.maximum(Z, 0.0, out=A)), Z


@checked_by(_check_activation_forward, "the entries of Z")
@computed_in_place(_relu_forward_into)
def relu_forward(Z):
    """Rectified linear unit, element-wise: A = max(Z, 0).

    Parameters
    ----------
    Z : ndarray, shape (n, m)

    Returns
    -------
    A : ndarray, shape (n, m)
    cache : ndarray Z
    """
    return _relu_forward_into(Z)


def _relu_backward_in_place(dA, Z, mask=None):
    """dA * 1[Z > 0], written into dA (``mask``, a bool array shaped like Z, holds 1[Z > 0] on the way)."""
    dA *= Z > 0.0 if mask is None else np.greater(Z, 0.0, out=mask)
    return dA


@checked_by(_check_activation_backward, "dA")
@computed_in_place(_relu_backward_in_place)
def relu_backward(dA, cache):
    """dZ = dA * 1[Z > 0]  (the derivative at the kink Z = 0 is taken as 0).

    Parameters
    ----------
    dA : ndarray, shape (n, m)
    cache : ndarray Z, shape (n, m), from ``relu_forward``

    Returns
    -------
    dZ : ndarray, shape (n, m)
    """
    Z = cache
    return dA * (Z > 0)


# ----------------------------------------------------------------------------- sigmoid


def _sigmoid_into(Z, A=None):
    """``sigmoid`` written into the array given (a new one where None)."""
    return expit(Z, out=A)


@checked_by(_check_any_array, "the entries of Z")
@computed_in_place(_sigmoid_into)
def sigmoid(Z):
    """Logistic function 1 / (1 + exp(-Z)), computed without overflow.

    ``scipy.special.expit`` evaluates 1 / (1 + exp(-Z)) for Z >= 0 and exp(Z) / (1 + exp(Z))
    for Z < 0, so no exp ever overflows (the course's formula warns for Z < -709) and small
    outputs keep full relative precision; it is also one fast ufunc.

    Parameters
    ----------
    Z : ndarray, any shape

    Returns
    -------
    A : ndarray, the shape of Z, values in [0, 1]
    """
    return _sigmoid_into(Z)


@checked_by(_check_activation_forward, "the entries of Z")
def sigmoid_forward(Z):
    """A = sigmoid(Z), element-wise.

    Parameters
    ----------
    Z : ndarray, shape (n, m)

    Returns
    -------
    A : ndarray, shape (n, m)
    cache : ndarray A
    """
    A = sigmoid.unchecked(Z)
    return A, A


@checked_by(_check_activation_backward, "dA")
def sigmoid_backward(dA, cache):
    """dZ = dA * A * (1 - A).

    Parameters
    ----------
    dA : ndarray, shape (n, m)
    cache : ndarray A, shape (n, m), from ``sigmoid_forward``

    Returns
    -------
    dZ : ndarray, shape (n, m)
    """
    A = cache
    return dA * A * (1.0 - A)


# ----------------------------------------------------------------------------- softmax


def _check_softmax(Z):
    Z = _array("Z", Z)
    if Z.shape[-2] == 0:
        raise ValueError(f"Z must hold at least one class (row), got shape {Z.shape}")
    return (Z,)


def _softmax_into(Z, A=None):
    """``softmax`` written into the array given (a new one where None)."""
    A = np.subtract(Z, Z.max(axis=-2, keepdims=True), out=A)
    np.exp(A, out=A)
    A /= A.sum(axis=-2, keepdims=True)
    return A


@checked_by(_check_softmax, "the entries of Z")
@computed_in_place(_softmax_into)
def softmax(Z):
    """Softmax over the C classes of each example (column): the probabilities of a softmax output layer.

        A[k, j] = exp(Z[k, j]) / sum_c exp(Z[c, j]),

    computed as exp(Z[k, j] - M_j) / sum_c exp(Z[c, j] - M_j) with M_j = max_c Z[c, j]: the same numbers
    (adding a constant to a column does not change its softmax), but every exponent is <= 0, so no exp
    overflows for any finite Z, and the largest term is exp(0) = 1, so the sum is at least 1 and is never 0.
    Each column of A sums to 1. With C = 2 the probability of class 1 is sigmoid(Z[1] - Z[0]).

    Parameters
    ----------
    Z : ndarray, shape (C, m): the logits of C classes for m examples (or (..., C, m))

    Returns
    -------
    A : ndarray, shape (C, m), positive entries, each column summing to 1
    """
    return _softmax_into(Z)


# ----------------------------------------------------------------------------- dropout


def _draw_uniform(rng, U):
    """Fill U with rng.random(U.shape); with a list of generators, U[s] with rng[s]'s draw."""
    if isinstance(rng, np.random.Generator):
        rng.random(out=U)
    elif isinstance(rng, np.random.RandomState):
        U[...] = rng.random(U.shape)
    else:
        for r, U_s in zip(rng, U, strict=True):  # each network's draw, straight into its slice
            _draw_uniform(r, U_s)


def _dropout_mask_into(shape, keep_prob, rng, U=None, D=None):
    """``dropout_mask`` drawn into U (floats) and D (bools) of ``shape`` (new arrays where None)."""
    U = np.empty(shape) if U is None else U
    _draw_uniform(rng, U)
    return np.less(U, keep_prob, out=D)


@checked_by(_check_dropout_mask, "none of the arguments")
@computed_in_place(_dropout_mask_into)
def dropout_mask(shape, keep_prob, rng):
    """Draw an inverted-dropout mask D = (U < keep_prob), U ~ Uniform[0, 1) element-wise.

    The draw is ``rng.random(shape)``: with ``np.random.RandomState(1)`` this gives the
    course's masks.

    Parameters
    ----------
    shape : tuple (n, m), or (S, n, m) for a batch of S networks
    keep_prob : float in (0, 1], or an array broadcasting to ``shape`` (one value per network)
    rng : numpy Generator or RandomState, or a list of S of them
        With a list, network s's mask is ``rng[s].random((n, m))``: the same mask that network
        would draw on its own.

    Returns
    -------
    D : ndarray of bool, shape ``shape``; each entry is True with probability keep_prob
    """
    return _dropout_mask_into(shape, keep_prob, rng)


def _dropout_in_place(A, D, keep_prob):
    """A * D / keep_prob, written into A: inverted dropout with the mask D."""
    A *= D
    A /= keep_prob
    return A


@checked_by(_check_dropout_forward, "A")
@computed_in_place(lambda A, D, keep_prob: (_dropout_in_place(A, D, keep_prob), (D, keep_prob)))
def dropout_forward(A, D, keep_prob):
    """Inverted dropout with a given mask: A_out = A * D / keep_prob.

    Dividing by keep_prob keeps the expected activation unchanged, E[A_out] = A, so
    nothing needs rescaling at test time.

    Parameters
    ----------
    A : ndarray, shape (n, m)
    D : ndarray of bool, shape (n, m) (or broadcastable to it), from ``dropout_mask``
    keep_prob : float in (0, 1], or an array broadcasting against A (one value per network)

    Returns
    -------
    A_out : ndarray, shape (n, m)
    cache : tuple (D, keep_prob)
    """
    return A * D / keep_prob, (D, keep_prob)


@checked_by(_check_dropout_backward, "dA_out")
@computed_in_place(lambda dA_out, cache: _dropout_in_place(dA_out, *cache))
def dropout_backward(dA_out, cache):
    """dA = dA_out * D / keep_prob: units dropped in the forward pass get no gradient.

    Parameters
    ----------
    dA_out : ndarray, shape (n, m)
    cache : tuple (D, keep_prob) from ``dropout_forward``

    Returns
    -------
    dA : ndarray, shape (n, m)
    """
    D, keep_prob = cache
    return dA_out * D / keep_prob


# ----------------------------------------------------------------------------- batch normalization

BATCHNORM_EPSILON = 1e-5
"""Added to the variance before the square root (CS231n's and PyTorch's default)."""

BATCHNORM_MOMENTUM = 0.9
"""Share of the old value kept by each update of a running average (CS231n's and Keras's convention)."""


class BatchNormCache(NamedTuple):
    """What ``batchnorm_forward`` keeps for ``batchnorm_backward``.

    Attributes
    ----------
    Z_hat : ndarray, shape (n, m), the normalized input
    gamma : ndarray, shape (n, 1)
    std : ndarray, shape (n, 1), sqrt(var + epsilon) of the statistics used
    mean, var : ndarrays, shape (n, 1)
        The statistics used: the mini-batch's (train mode), or the running averages (test mode).
    mode : {"train", "test"}
    """

    Z_hat: np.ndarray
    gamma: np.ndarray
    std: np.ndarray
    mean: np.ndarray
    var: np.ndarray
    mode: str


def _check_batchnorm_forward(Z, gamma, beta, mode="train", running_mean=None, running_var=None,
                             epsilon=BATCHNORM_EPSILON):
    Z = _array("Z", Z)
    gamma, beta = _array("gamma", gamma), _array("beta", beta)
    column = Z.shape[:-1] + (1,)
    for name, value in (("gamma", gamma), ("beta", beta)):
        _broadcasts_to(name, value, column, "a column of Z")
    mode = check_choice("mode", mode, ("train", "test"))
    if mode == "train":
        if running_mean is not None or running_var is not None:
            raise ValueError("running_mean and running_var are used in mode 'test' only; in mode 'train' the "
                             "mini-batch's own statistics normalize Z")
        if Z.shape[-1] < 2:
            raise ValueError(f"mode 'train' normalizes with the statistics of the mini-batch: it needs at least 2 "
                             f"examples (columns of Z), got Z of shape {Z.shape}; use mode 'test' for one example")
    else:
        if running_mean is None or running_var is None:
            raise ValueError("mode 'test' normalizes with the running averages: give running_mean and running_var, "
                             "each of shape (n, 1)")
        running_mean, running_var = _array("running_mean", running_mean), _array("running_var", running_var)
        for name, value in (("running_mean", running_mean), ("running_var", running_var)):
            _broadcasts_to(name, value, column, "a column of Z")
        if (running_var < 0).any():
            raise ValueError("running_var must hold variances (>= 0), got a negative entry")
    return Z, gamma, beta, mode, running_mean, running_var, check_positive("epsilon", epsilon)


@checked_by(_check_batchnorm_forward, "Z, gamma or beta")
def batchnorm_forward(Z, gamma, beta, mode="train", running_mean=None, running_var=None, epsilon=BATCHNORM_EPSILON):
    """Batch normalization of a layer's pre-activations, unit by unit (Ioffe & Szegedy 2015).

    Train mode, over the m examples of the mini-batch (row i of Z is unit i):

        mu = (1/m) sum_j Z[:, j],   var = (1/m) sum_j (Z[:, j] - mu)^2   (biased, as in the paper's training),
        Z_hat = (Z - mu) / sqrt(var + epsilon),   Z_tilde = gamma * Z_hat + beta.

    Test mode uses running averages of mu and var instead of the mini-batch's, so each example is
    normalized on its own (see ``update_running_average`` for how they are kept). The course
    normalizes Z[l] before the activation, so the layer's bias b[l] is redundant (beta plays its part).

    Parameters
    ----------
    Z : ndarray, shape (n, m)
    gamma, beta : ndarrays, shape (n, 1): the learned scale and shift of each unit
    mode : {"train", "test"}
    running_mean, running_var : ndarrays, shape (n, 1), mode "test" only
    epsilon : float > 0

    Returns
    -------
    Z_tilde : ndarray, shape (n, m)
    cache : BatchNormCache
        Holds the statistics used (``cache.mean``, ``cache.var``): in train mode, the mini-batch's.
    """
    if mode == "train":
        mean = Z.mean(axis=-1, keepdims=True)
        var = np.square(Z - mean).mean(axis=-1, keepdims=True)
    else:
        mean, var = running_mean, running_var
    std = np.sqrt(var + epsilon)
    Z_hat = (Z - mean) / std
    return gamma * Z_hat + beta, BatchNormCache(Z_hat, gamma, std, mean, var, mode)


def _check_batchnorm_backward(dZ_tilde, cache):
    if not isinstance(cache, BatchNormCache):
        raise TypeError(f"cache must be the BatchNormCache returned by batchnorm_forward, got {_describe(cache)}")
    return _same_shape("dZ_tilde", dZ_tilde, cache.Z_hat.shape), cache


@checked_by(_check_batchnorm_backward, "dZ_tilde")
def batchnorm_backward(dZ_tilde, cache):
    """Gradients of batch normalization, in the compact form (m = examples in the mini-batch):

        dgamma = sum_j dZ_tilde * Z_hat,   dbeta = sum_j dZ_tilde,
        train mode:  dZ = gamma / (m sqrt(var + eps)) * (m dZ_tilde - dbeta - Z_hat * dgamma),
        test mode:   dZ = gamma / sqrt(var + eps) * dZ_tilde  (the running averages are constants).

    In train mode every example's Z_tilde depends on the whole mini-batch through mu and var; the
    two subtracted terms are those paths, summed over the batch.

    Parameters
    ----------
    dZ_tilde : ndarray, shape (n, m)
    cache : BatchNormCache from ``batchnorm_forward``

    Returns
    -------
    dZ : ndarray, shape (n, m)
    dgamma, dbeta : ndarrays, shape (n, 1)
    """
    Z_hat, gamma, std = cache.Z_hat, cache.gamma, cache.std
    dgamma = (dZ_tilde * Z_hat).sum(axis=-1, keepdims=True)
    dbeta = dZ_tilde.sum(axis=-1, keepdims=True)
    if cache.mode == "test":
        return gamma / std * dZ_tilde, dgamma, dbeta
    m = Z_hat.shape[-1]
    return gamma / (m * std) * (m * dZ_tilde - dbeta - Z_hat * dgamma), dgamma, dbeta


def _check_running_average(running, batch, momentum=BATCHNORM_MOMENTUM):
    running, batch = _array("running", running), _array("batch", batch)
    _broadcasts_to("batch", batch, running.shape, "running")
    return running, batch, check_between("momentum", momentum, 0.0, 1.0)


@checked_by(_check_running_average, "running or batch")
def update_running_average(running, batch, momentum=BATCHNORM_MOMENTUM):
    """One step of an exponentially weighted average: momentum * running + (1 - momentum) * batch.

    This is CS231n's and Keras's convention: ``momentum`` is the share of the old value kept
    (0.9 here, 0.99 in Keras). PyTorch's ``momentum`` is the opposite share, the weight of the new
    value: its ``(1 - m) * running + m * batch`` with m = 0.1 is this with momentum = 0.9. Passing
    one library's value to the other's formula is a classic bug: the average then follows the last
    mini-batches almost alone. The running averages start at mean 0 and variance 1; the variance
    averaged is the biased one that train mode normalizes with.

    Parameters
    ----------
    running : ndarray, shape (n, 1), the current average
    batch : ndarray, shape (n, 1), the mini-batch's statistic
    momentum : float in [0, 1]

    Returns
    -------
    ndarray, shape (n, 1): the new average (``running`` is not modified)
    """
    return momentum * running + (1.0 - momentum) * batch
