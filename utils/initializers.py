"""Weight initialization: one small function per scheme, as in ``torch.nn.init``.

Fan convention: a weight matrix W[l] has shape (n_l, n_{l-1}) = (fan_out, fan_in), so
fan_in = n_{l-1} is the number of inputs of each unit. Every scheme draws with
``rng.standard_normal(shape)``, so ``np.random.RandomState(3)`` reproduces the course's
``np.random.seed(3); np.random.randn(...)`` draws bit for bit. Biases always start at zero.

Why the scale matters: with ReLU units, Var(Z[l]) = fan_in * Var(W) * E[A[l-1]^2], and
E[relu(z)^2] = Var(z) / 2. He's Var(W) = 2 / fan_in keeps Var(Z) constant from layer to layer;
smaller weights make the signal vanish with depth, larger ones make it explode.
"""

import functools

import numpy as np

from ._validation import as_rng, check_flag, check_layer_dims, check_positive, check_shape


def zeros(shape, rng=None):
    """W = 0. Every unit of a layer computes the same thing forever (symmetry is never broken).

    Parameters
    ----------
    shape : tuple (fan_out, fan_in)
    rng : ignored, but checked (kept so every initializer has the same signature)

    Returns
    -------
    W : ndarray, shape ``shape``
    """
    shape = check_shape("shape", shape)
    if rng is not None:
        as_rng(rng)
    return np.zeros(shape)


def random_normal(shape, rng, scale=10.0):
    """W ~ N(0, scale^2): the course's "random" scheme (scale 10 makes ReLU nets explode).

    Parameters
    ----------
    shape : tuple (fan_out, fan_in)
    rng : numpy Generator or RandomState (an int seeds a RandomState)
    scale : float > 0, the standard deviation

    Returns
    -------
    W : ndarray, shape ``shape``
    """
    shape, rng = check_shape("shape", shape), as_rng(rng)
    return rng.standard_normal(shape) * check_positive("scale", scale)


def he_normal(shape, rng):
    """He et al. (2015): W ~ N(0, 2 / fan_in), made for ReLU layers.

    Parameters
    ----------
    shape : tuple (fan_out, fan_in)
    rng : numpy Generator or RandomState (an int seeds a RandomState)

    Returns
    -------
    W : ndarray, shape ``shape``
    """
    shape, rng = check_shape("shape", shape), as_rng(rng)
    return rng.standard_normal(shape) * np.sqrt(2.0 / shape[1])


def xavier_normal(shape, rng):
    """The course's "Xavier": W ~ N(0, 1 / fan_in), computed as randn / sqrt(fan_in).

    It preserves the variance of linear or tanh layers; behind ReLU it halves the
    variance at every layer (the signal slowly vanishes in deep ReLU nets).

    Parameters
    ----------
    shape : tuple (fan_out, fan_in)
    rng : numpy Generator or RandomState (an int seeds a RandomState)

    Returns
    -------
    W : ndarray, shape ``shape``
    """
    shape, rng = check_shape("shape", shape), as_rng(rng)
    return rng.standard_normal(shape) / np.sqrt(shape[1])


def glorot_normal(shape, rng):
    """Glorot & Bengio (2010): W ~ N(0, 2 / (fan_in + fan_out)).

    A compromise between preserving the variance of activations (forward, 1 / fan_in)
    and of gradients (backward, 1 / fan_out); the default of many libraries for tanh.

    Parameters
    ----------
    shape : tuple (fan_out, fan_in)
    rng : numpy Generator or RandomState (an int seeds a RandomState)

    Returns
    -------
    W : ndarray, shape ``shape``
    """
    shape, rng = check_shape("shape", shape), as_rng(rng)
    return rng.standard_normal(shape) * np.sqrt(2.0 / (shape[0] + shape[1]))


INITIALIZERS = {
    "zeros": zeros,
    "random": random_normal,
    "he": he_normal,
    "xavier": xavier_normal,
    "glorot": glorot_normal,
}
"""The schemes ``initialize_parameters`` accepts, by name."""


def get_initializer(method, scale=None, scale_name="scale"):
    """The initializer function for a scheme name, ``scale`` bound for "random".

    Parameters
    ----------
    method : {"zeros", "random", "he", "xavier", "glorot"}
    scale : float > 0, optional
        Standard deviation of "random" (default 10); not accepted with other schemes.
    scale_name : str, what the caller calls ``scale`` (``model`` calls it init_scale), for error messages

    Returns
    -------
    initializer : callable (shape, rng) -> W
    """
    if not isinstance(method, str) or method not in INITIALIZERS:
        raise ValueError(f"initialization method must be one of {sorted(INITIALIZERS)}, got {method!r}")
    if method == "random":
        return functools.partial(random_normal, scale=10.0 if scale is None else check_positive(scale_name, scale))
    if scale is not None:
        raise ValueError(f"{scale_name} applies only to method 'random', got {scale_name}={scale!r} with method "
                         f"{method!r}")
    return INITIALIZERS[method]


def initialize_parameters(layer_dims, method="he", rng=None, scale=None, batch_norm=False):
    """Initialize the weights and biases of an L-layer network.

    For l = 1..L, W[l] is drawn by the scheme ``method`` with shape (n_l, n_{l-1}),
    layer by layer in order, and b[l] = 0 with shape (n_l, 1). With ``batch_norm`` every hidden
    layer is normalized instead of biased: gamma[l] = 1 and beta[l] = 0 (the normalization starts as
    the identity on Z_hat), with running averages running_mean[l] = 0 and running_var[l] = 1; the
    weights are the same draws as without it.

    Parameters
    ----------
    layer_dims : list of int [n_x, n_1, ..., n_L]
    method : {"zeros", "random", "he", "xavier", "glorot"}
    rng : numpy Generator, RandomState, int seed or None
        An int seeds a ``np.random.RandomState`` (``rng=3`` reproduces the course);
        None draws from a fresh unseeded generator.
    scale : float, optional
        Standard deviation of the "random" scheme (default 10, as in the course).
    batch_norm : bool

    Returns
    -------
    parameters : dict
        "W1" (n_1, n_x), "b1" (n_1, 1), ..., "WL" (n_L, n_{L-1}), "bL" (n_L, 1); with ``batch_norm``,
        "gamma{l}", "beta{l}", "running_mean{l}", "running_var{l}" (n_l, 1) in place of "b{l}" for l < L.
    """
    return initialize(check_layer_dims(layer_dims), get_initializer(method, scale), as_rng(rng),
                      check_flag("batch_norm", batch_norm))


def initialize(layer_dims, initializer, rng, batch_norm=False):
    """``initialize_parameters`` with checked arguments and an initializer from ``get_initializer``."""
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        n = layer_dims[l]
        parameters[f"W{l}"] = initializer((n, layer_dims[l - 1]), rng)
        if batch_norm and l < L:
            parameters[f"gamma{l}"], parameters[f"beta{l}"] = np.ones((n, 1)), np.zeros((n, 1))
            parameters[f"running_mean{l}"], parameters[f"running_var{l}"] = np.zeros((n, 1)), np.ones((n, 1))
        else:
            parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
