"""Argument checks shared by the public functions.

Every check raises with a message that names the argument, says what was expected
and shows what was given: ``TypeError`` for a value of the wrong kind, ``ValueError``
for a value of the right kind but outside what is allowed, ``KeyError`` for a missing
parameter. Array checks return a float64 array and never modify the caller's array.
"""

import numbers

import numpy as np


def _describe(value):
    """Short description of ``value`` for error messages."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def check_real(name, value):
    """Return ``value`` as a Python float; ``TypeError`` unless it is a real number."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {_describe(value)}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


def check_positive(name, value):
    """A real number > 0."""
    value = check_real(name, value)
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value}")
    return value


def check_nonnegative(name, value):
    """A real number >= 0."""
    value = check_real(name, value)
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    return value


def check_probability(name, value):
    """A probability in (0, 1]."""
    value = check_real(name, value)
    if not 0.0 < value <= 1.0:
        raise ValueError(f"{name} must be in (0, 1], got {value}")
    return value


def check_keep_prob(keep_prob):
    """The chance that a hidden unit is kept by dropout, in (0, 1]."""
    return check_probability("keep_prob", keep_prob)


def check_count(name, value, minimum=0):
    """An integer >= ``minimum``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {_describe(value)}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def check_flag(name, value):
    """True or False, nothing else."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {_describe(value)}")
    return bool(value)


def check_sequence(name, value, what):
    """A non-empty list, tuple or array (not a string) of ``what``; returned as a list."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) == 0:
        raise ValueError(f"{name} must be a non-empty sequence of {what}, got {value!r}")
    return list(value)


def check_array(name, value, ndim=2):
    """Return ``value`` as a finite float64 array with ``ndim`` dimensions.

    An array that is already float64 is returned as is (never copied, never written).
    """
    if isinstance(value, np.ndarray) and value.dtype == np.float64:
        array = value
    else:
        try:
            array = np.asarray(value)
        except (TypeError, ValueError) as error:
            raise TypeError(f"{name} must be a numeric array, got {_describe(value)}") from error
        if array.dtype == np.bool_ or not np.issubdtype(array.dtype, np.number):
            raise TypeError(f"{name} must be a numeric array, got {_describe(value)}")
        if np.issubdtype(array.dtype, np.complexfloating):
            raise TypeError(f"{name} must be real, got {_describe(value)}")
        array = array.astype(np.float64)
    if array.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-D array, got shape {array.shape}")
    if not np.isfinite(array).all():
        bad = tuple(int(i) for i in np.argwhere(~np.isfinite(array))[0])
        raise ValueError(f"{name} must contain only finite values, found {array[bad]} at index {bad}")
    return array


def check_X(X):
    """Inputs of shape (n_x, m) with m >= 1."""
    X = check_array("X", X)
    if X.shape[1] == 0:
        raise ValueError(f"X must hold at least one example (column), got shape {X.shape}")
    return X


def check_Y(Y, m):
    """Labels of shape (1, m) holding only 0 and 1."""
    Y = check_array("Y", Y)
    if Y.shape != (1, m):
        raise ValueError(f"Y must have shape (1, {m}) to match X with {m} examples, got shape {Y.shape}")
    if not np.all((Y == 0) | (Y == 1)):
        bad = Y[(Y != 0) & (Y != 1)][0]
        raise ValueError(f"Y must hold only 0 and 1 labels, found {bad}")
    return Y


def check_layer_dims(layer_dims):
    """[n_x, n_1, ..., n_L]: at least two positive integer sizes."""
    if isinstance(layer_dims, (str, bytes)) or not hasattr(layer_dims, "__len__"):
        raise TypeError(f"layer_dims must be a list of layer sizes, got {_describe(layer_dims)}")
    if len(layer_dims) < 2:
        raise ValueError(
            f"layer_dims must list at least 2 sizes (inputs and outputs), got {list(layer_dims)}"
        )
    sizes = []
    for n in layer_dims:
        if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral):
            raise TypeError(f"layer_dims must hold integers, got {_describe(n)} in {list(layer_dims)}")
        if n <= 0:
            raise ValueError(f"layer_dims must hold positive sizes, got {n} in {list(layer_dims)}")
        sizes.append(int(n))
    return sizes


def check_parameters(parameters, n_x=None):
    """Check a parameter dictionary {"W1", "b1", ..., "WL", "bL"} and return L.

    W[l] must be a finite float array of shape (n_l, n_{l-1}) and b[l] of shape (n_l, 1),
    with n_0 = ``n_x`` when given. Arrays are checked, not converted: the caller's stay untouched.
    """
    if not isinstance(parameters, dict):
        raise TypeError(f"parameters must be a dict of arrays 'W1', 'b1', ..., got {_describe(parameters)}")
    L = sum(1 for key in parameters if isinstance(key, str) and key.startswith("W"))
    if L == 0:
        raise KeyError(f"parameters must hold 'W1', 'b1', ...; got keys {sorted(map(str, parameters))}")
    n_prev = n_x
    for l in range(1, L + 1):
        for key in (f"W{l}", f"b{l}"):
            if key not in parameters:
                raise KeyError(
                    f"parameters is missing {key!r} (a network of {L} layers needs W1..W{L} and b1..b{L}); "
                    f"got keys {sorted(map(str, parameters))}"
                )
        W = check_array(f"parameters['W{l}']", parameters[f"W{l}"])
        b = check_array(f"parameters['b{l}']", parameters[f"b{l}"])
        if n_prev is not None and W.shape[1] != n_prev:
            if l == 1:
                raise ValueError(f"X must have {W.shape[1]} rows (features) to match parameters['W1'] of shape "
                                 f"{W.shape}, got {n_prev} rows")
            raise ValueError(f"parameters['W{l}'] must have {n_prev} columns because W{l - 1} has {n_prev} rows, "
                             f"got shape {W.shape}")
        if b.shape != (W.shape[0], 1):
            raise ValueError(f"parameters['b{l}'] must have shape ({W.shape[0]}, 1) like W{l}'s rows, got {b.shape}")
        n_prev = W.shape[0]
    return L


def as_rng(rng, name="rng"):
    """Return a random generator: a numpy Generator or RandomState as is, an int seeds a RandomState.

    An int seeds a ``np.random.RandomState`` because that reproduces the course's
    ``np.random.seed(n)`` draws. ``None`` gives a fresh, unseeded ``np.random.default_rng()``.
    """
    if isinstance(rng, (np.random.Generator, np.random.RandomState)):
        return rng
    if rng is None:
        return np.random.default_rng()
    if isinstance(rng, numbers.Integral) and not isinstance(rng, (bool, np.bool_)):
        return np.random.RandomState(int(rng))
    raise TypeError(f"{name} must be a numpy Generator, RandomState, int seed or None, got {_describe(rng)}")
