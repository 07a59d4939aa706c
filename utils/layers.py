"""Layer primitives: pure forward/backward pairs with a cache (as in CS231n).

Every ``*_forward`` returns ``(out, cache)``. The matching ``*_backward`` takes the
upstream gradient ``d_out = dJ/d(out)`` (same shape as ``out``) and that cache, and
returns the gradient(s) of J with respect to the inputs. Nothing keeps state and nothing
writes into its arguments.

Shapes follow the package convention: activations are (n, m), units by examples.
Any array may also carry leading batch axes, (..., n, m), that evaluate several networks
at once with the same formulas (batched training and gradient checking use this).

Each primitive checks its arguments and raises a clear error. ``primitive.unchecked`` is
the same function without the checks, for inner loops whose inputs were checked once
(``forward_propagation`` checks the whole network, then runs the unchecked primitives).
"""

import functools

import numpy as np
from scipy.special import expit


def checked_by(check):
    """Decorator: run ``check(*args)`` before the primitive; keep the bare one as ``.unchecked``."""
    def decorate(primitive):
        @functools.wraps(primitive)
        def checked(*args):
            check(*args)
            return primitive(*args)
        checked.unchecked = primitive
        return checked
    return decorate


def _require_array(name, value):
    if not isinstance(value, np.ndarray):
        raise TypeError(f"{name} must be a numpy array, got {type(value).__name__}")
    if value.ndim < 2:
        raise ValueError(f"{name} must have at least 2 dimensions (n, m), got shape {value.shape}")


def _require_same_shape(name, value, shape):
    _require_array(name, value)
    if value.shape != shape:
        raise ValueError(f"{name} must have the shape of the forward output {shape}, got {value.shape}")


def _check_linear_forward(A_prev, W, b):
    _require_array("A_prev", A_prev)
    _require_array("W", W)
    _require_array("b", b)
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


def _check_linear_backward(dZ, cache, input_grad=True):
    A_prev, W = cache
    _require_array("dZ", dZ)
    if dZ.shape[-2] != W.shape[-2] or dZ.shape[-1] != A_prev.shape[-1]:
        raise ValueError(f"dZ must have shape ({W.shape[-2]}, {A_prev.shape[-1]}) like Z, got {dZ.shape}")


def _check_activation_forward(Z):
    _require_array("Z", Z)


def _check_activation_backward(dA, cache):
    _require_same_shape("dA", dA, cache.shape)


def _check_dropout_forward(A, D, keep_prob):
    _require_array("A", A)
    _require_array("D", D)
    if D.dtype != np.bool_:
        raise TypeError(f"D must be a bool mask from dropout_mask, got dtype {D.dtype}")
    try:
        fits = np.broadcast_shapes(A.shape, D.shape) == A.shape
    except ValueError:
        fits = False
    if not fits:
        raise ValueError(f"D must have the shape of A {A.shape}, got {D.shape}")
    _check_keep_prob(keep_prob)


def _check_dropout_backward(dA_out, cache):
    D, _ = cache
    _require_array("dA_out", dA_out)
    try:
        fits = np.broadcast_shapes(dA_out.shape, D.shape) == dA_out.shape
    except ValueError:
        fits = False
    if not fits:
        raise ValueError(f"dA_out must have the shape of the mask {D.shape}, got {dA_out.shape}")


_GENERATORS = (np.random.Generator, np.random.RandomState)


def _check_dropout_mask(shape, keep_prob, rng):
    if not isinstance(shape, tuple) or not all(isinstance(n, (int, np.integer)) and n >= 0 for n in shape):
        raise TypeError(f"shape must be a tuple of non-negative ints such as A.shape, got {shape!r}")
    _check_keep_prob(keep_prob)
    if isinstance(rng, _GENERATORS):
        return
    if not isinstance(rng, (list, tuple)) or not all(isinstance(r, _GENERATORS) for r in rng):
        raise TypeError(f"rng must be a numpy Generator or RandomState, or a list of them, got {type(rng).__name__}")
    if len(shape) < 3 or shape[0] != len(rng):
        raise ValueError(f"a list of {len(rng)} generators needs shape (S, n, m) with S = {len(rng)}, got {shape}")


def _check_keep_prob(keep_prob):
    values = np.asarray(keep_prob)
    if values.dtype == np.bool_ or not np.issubdtype(values.dtype, np.number):
        raise TypeError(f"keep_prob must be a number in (0, 1] (or an array of them), got {keep_prob!r}")
    if not np.all((values > 0) & (values <= 1)):
        raise ValueError(f"keep_prob must be a number in (0, 1] (or an array of them), got {keep_prob!r}")


# ----------------------------------------------------------------------------- linear


@checked_by(_check_linear_forward)
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
    return W @ A_prev + b, (A_prev, W)


@checked_by(_check_linear_backward)
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
    A_prev, W = cache
    dW = dZ @ A_prev.mT
    db = dZ.sum(axis=-1, keepdims=True)
    dA_prev = W.mT @ dZ if input_grad else None
    return dA_prev, dW, db


# ----------------------------------------------------------------------------- relu


@checked_by(_check_activation_forward)
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
    return np.maximum(Z, 0.0), Z


@checked_by(_check_activation_backward)
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
    return expit(Z)


@checked_by(_check_activation_forward)
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
    A = sigmoid(Z)
    return A, A


@checked_by(_check_activation_backward)
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


# ----------------------------------------------------------------------------- dropout


@checked_by(_check_dropout_mask)
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
    if isinstance(rng, _GENERATORS):
        U = rng.random(shape)
    else:
        U = np.stack([r.random(shape[1:]) for r in rng])
    return U < keep_prob


@checked_by(_check_dropout_forward)
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


@checked_by(_check_dropout_backward)
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
