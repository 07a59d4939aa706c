"""Argument checks shared by the public functions: one place, one wording.

Every check raises with a message that names the argument, says what was expected and shows
what was given: ``TypeError`` for a value of the wrong kind, ``ValueError`` for a value of the
right kind but outside what is allowed, ``KeyError`` for a missing dictionary entry. Checks that
accept several forms return the one the package computes with (a float, an int, a float64
array, a dictionary of float64 arrays); they never modify the caller's objects.

The results are checked too: ``check_finite_result`` turns an overflow (inputs so large that
the arithmetic leaves the floating-point range) into a clear error instead of inf or nan.
"""

import numbers
import re

import numpy as np

SEED_MAX = 2**32 - 1
"""The largest int seed: ``np.random.RandomState`` takes seeds from 0 to 2**32 - 1."""

MAX_PARAMETERS = 10**8
"""A network of more parameters (0.8 GB of float64) is refused: far beyond what this package is for."""


def _describe(value):
    """Short description of ``value`` for error messages."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


# ----------------------------------------------------------------------------- scalars


def _scalar(value):
    """A 0-d numpy array as the number it holds (``np.array(0.1)`` is 0.1); anything else as it is."""
    return value.item() if isinstance(value, np.ndarray) and value.ndim == 0 else value


def check_real(name, value):
    """Return ``value`` as a finite Python float; ``TypeError`` unless it is a real number (or a 0-d array of one)."""
    value = _scalar(value)
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


def check_between(name, value, low, high):
    """A real number in [low, high]."""
    value = check_real(name, value)
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value:g}")
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


def check_count(name, value, minimum=0, maximum=None):
    """An integer in [minimum, maximum] (or a 0-d array of one), returned as a Python int."""
    value = _scalar(value)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {_describe(value)}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value}")
    return int(value)


def check_seed(name, value):
    """An int seed from 0 to SEED_MAX (what ``np.random.RandomState`` accepts)."""
    return check_count(name, value, maximum=SEED_MAX)


def check_flag(name, value):
    """True or False, nothing else."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {_describe(value)}")
    return bool(value)


def check_choice(name, value, choices):
    """One of the strings ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {sorted(choices)}, got {_describe(value)}")
    return value


def check_instance(name, value, kinds, what):
    """An instance of ``kinds`` (a type or a tuple of types), described as ``what`` in the message."""
    if not isinstance(value, kinds):
        raise TypeError(f"{name} must be {what}, got {_describe(value)}")
    return value


def check_sequence(name, value, what):
    """A non-empty list, tuple or array (not a string) of ``what``; returned as a list."""
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__len__") or not hasattr(value, "__iter__"):
        raise TypeError(f"{name} must be a non-empty sequence of {what}, got {_describe(value)}")
    if len(value) == 0:
        raise ValueError(f"{name} must be a non-empty sequence of {what}, got {value!r}")
    return list(value)


# ----------------------------------------------------------------------------- arrays


def check_array(name, value, ndim=2, allow_bool=False, allow_nan=False):
    """Return ``value`` as a finite, real float64 array with ``ndim`` dimensions.

    ``ndim`` may be an int, a tuple of allowed ints, or None for any number. Lists and integer
    arrays are converted (a new array); an array that is already float64 is returned as is (never
    copied, never written). Booleans are refused, unless ``allow_bool`` (labels may be True/False).
    With ``allow_nan``, nan entries (a failed run's score) are accepted; infinities never are.
    """
    if isinstance(value, np.ndarray) and value.dtype == np.float64:
        array = value
    else:
        try:
            array = np.asarray(value)
        except (TypeError, ValueError) as error:
            raise TypeError(f"{name} must be a numeric array, got {_describe(value)}") from error
        is_bool = array.dtype == np.bool_
        numeric = np.issubdtype(array.dtype, np.number) and array.dtype.kind != "m"  # a timedelta is no number
        if (is_bool and not allow_bool) or not (is_bool or numeric):
            raise TypeError(f"{name} must be a numeric array, got {_describe(value)}")
        if np.issubdtype(array.dtype, np.complexfloating):
            raise TypeError(f"{name} must be real, got {_describe(value)}")
        array = array.astype(np.float64)
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if allowed is not None and array.ndim not in allowed:
        raise ValueError(f"{name} must be a {' or '.join(f'{n}-D' for n in allowed)} array, got shape {array.shape}")
    finite = np.isfinite(array)
    if allow_nan:
        finite |= np.isnan(array)
    if not finite.all():
        bad = tuple(int(i) for i in np.argwhere(~finite)[0])
        raise ValueError(f"{name} must contain only finite values, found {array[bad]} at index {bad}")
    return array


def check_X(X, name="X", ndim=2):
    """Inputs of shape (n_x, m) (or (S, n_x, m) with ``ndim=(2, 3)``) with n_x >= 1 and m >= 1."""
    X = check_array(name, X, ndim)
    if 0 in X.shape:
        raise ValueError(f"{name} must hold at least one feature (row) and one example (column), got shape {X.shape}")
    return X


def check_Y(Y, m, name="Y", ndim=2, against="X", C=None, source=None):
    """Labels for m examples: (1, m) of 0/1 for one sigmoid output, or (C, m) one-hot for C >= 2 classes.

    ``C`` is the number of output units of the network the labels are for, and ``source`` names where that
    number comes from ("parameters['W3']", "layer_dims[-1]") for the message; C None accepts either layout
    (the number of rows decides). With ``ndim=(2, 3)`` a stack (S, 1, m) or (S, C, m) is accepted too. m is
    the number of examples of the argument named ``against`` (X, or ZL for a cost). Booleans are accepted.
    """
    Y = check_array(name, Y, ndim, allow_bool=True)
    rows, columns = Y.shape[-2:]
    expected_rows = rows if C is None else C
    if columns != m or rows != expected_rows:
        raise ValueError(_label_shape_message(name, Y.shape, m, expected_rows, against, source))
    if rows == 1:
        if not np.all((Y == 0) | (Y == 1)):
            bad = Y[(Y != 0) & (Y != 1)][0]
            raise ValueError(f"{name} must hold only 0 and 1 labels, found {bad}")
    elif not (np.all((Y == 0) | (Y == 1)) and np.all(Y.sum(axis=-2) == 1)):
        index = np.argwhere(~(np.all((Y == 0) | (Y == 1), axis=-2) & (Y.sum(axis=-2) == 1)))[0]
        column = Y[(*index[:-1], slice(None), index[-1])]
        raise ValueError(f"{name} must be one-hot: each column holds a single 1 and zeros elsewhere, column "
                         f"{index[-1]} is {column.tolist()}")
    return Y


def _label_shape_message(name, shape, m, C, against, source):
    """Why labels of ``shape`` do not fit m examples and C output units (counted from ``source``), in words."""
    if C == 1 and shape[-2] == 1:
        return f"{name} must have shape (1, {m}) to match {against} with {m} examples, got shape {shape}"
    units = f" ({source})" if source else ""
    if C == 1:
        return (f"{name} must have shape (1, {m}): 0/1 labels for one sigmoid output unit{units}, got shape {shape} "
                f"(a network for {shape[-2]} classes has {shape[-2]} output units)")
    hint = f": turn class indices into one-hot columns with one_hot_matrix(labels, {C})" if shape[-2] == 1 else ""
    return (f"{name} must hold one-hot labels of shape ({C}, {m}), one row per class of the {C} softmax output "
            f"units{units} and one column per example of {against}, got shape {shape}{hint}")


def check_shape(name, shape):
    """A weight shape (fan_out, fan_in) of two positive ints, returned as a tuple."""
    if not isinstance(shape, tuple) or len(shape) != 2:
        raise TypeError(f"{name} must be a tuple (fan_out, fan_in) of two positive ints, got {_describe(shape)}")
    sizes = tuple(check_count(f"{name}[{k}]", n, minimum=1) for k, n in enumerate(shape))
    if sizes[0] * sizes[1] > MAX_PARAMETERS:
        raise ValueError(f"{name} {sizes} asks for {sizes[0] * sizes[1]:,} weights; at most {MAX_PARAMETERS:,}")
    return sizes


def check_layer_dims(layer_dims):
    """[n_x, n_1, ..., n_L]: at least two positive integer sizes, at most MAX_PARAMETERS parameters."""
    if isinstance(layer_dims, (str, bytes, dict)) or not hasattr(layer_dims, "__len__"):
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
    count = sum(n * (n_prev + 1) for n_prev, n in zip(sizes[:-1], sizes[1:], strict=True))
    if count > MAX_PARAMETERS:
        raise ValueError(f"layer_dims {sizes} asks for {count:,} parameters; at most {MAX_PARAMETERS:,}")
    return sizes


# ----------------------------------------------------------------------------- parameter dictionaries

_KEY = re.compile(r"(W|b|gamma|beta|running_mean|running_var)([1-9]\d*)")
RUNNING = ("running_mean", "running_var")


PLAIN_LAYER, NORMALIZED_LAYER = ("W", "b"), ("W", "gamma", "beta")
"""The kinds of a layer's trainable parameters, in their order: a plain layer, a batch-normalized one."""


def layer_keys(parameters, l, prefix=""):
    """The kinds of layer l's trainable parameters in a dict: NORMALIZED_LAYER if it has gamma{l}, else PLAIN_LAYER."""
    return NORMALIZED_LAYER if f"{prefix}gamma{l}" in parameters else PLAIN_LAYER


def layer_kinds(layer):
    """The kinds of a layer given as its tuple of arrays: (W, b) or (W, gamma, beta)."""
    return PLAIN_LAYER if len(layer) == 2 else NORMALIZED_LAYER


def trainable(parameters):
    """The keys of the trainable parameters (every key but the running averages of batch normalization)."""
    return [key for key in parameters if not key.startswith(RUNNING)]


def check_parameters(parameters, n_x=None, name="parameters", prefix=""):
    """Check a parameter dictionary and return it as a new dict of float64 arrays, in the order W1, b1, W2, ...

    The keys are "W1", "b1", ..., "WL", "bL" (with ``prefix`` in front of each: "dW1" for gradients).
    W[l] has shape (n_l, n_{l-1}) with n_l >= 1 and b[l] has shape (n_l, 1); the output layer has one unit
    (sigmoid) or C >= 2 (softmax). A batch-normalized hidden layer has "gamma{l}" and "beta{l}", shape (n_l, 1),
    instead of "b{l}", and may carry its running averages "running_mean{l}" and "running_var{l}" (both or none).
    With ``n_x``, W1 must have n_x columns. Arrays that are already float64 are not copied; the
    caller's dictionary and arrays are never modified.
    """
    if not isinstance(parameters, dict):
        raise TypeError(f"{name} must be a dict of arrays {prefix}W1, {prefix}b1, ..., got {_describe(parameters)}")
    keys = [key for key in parameters if not (isinstance(key, str) and key.startswith(prefix)
                                              and _KEY.fullmatch(key[len(prefix):]))]
    if keys:
        raise ValueError(f"{name} has unexpected keys [{', '.join(sorted(map(repr, keys)))}]: a network's {name} are "
                         f"{prefix}W1, {prefix}b1, ..., {prefix}WL, {prefix}bL (a batch-normalized layer l has "
                         f"{prefix}gamma<l>, {prefix}beta<l> instead of {prefix}b<l>)")
    matches = [_KEY.fullmatch(key[len(prefix):]) for key in parameters]
    if not matches:
        raise KeyError(f"{name} must hold {prefix}W1, {prefix}b1, ...; got an empty dict")
    L = max(int(match.group(2)) for match in matches)
    plain = all(match.group(1) in "Wb" for match in matches)  # no batch normalization: one b per W
    for l in range(1, L + 1):
        if not (plain and f"{prefix}W{l}" in parameters and f"{prefix}b{l}" in parameters):
            _check_layer_keys(parameters, l, L, name, prefix)
    checked, n_prev = {}, n_x
    for l in range(1, L + 1):
        W = check_array(f"{name}['{prefix}W{l}']", parameters[f"{prefix}W{l}"])
        if 0 in W.shape:
            raise ValueError(f"{name}['{prefix}W{l}'] must have at least one row and one column, got shape {W.shape}")
        if n_prev is not None and W.shape[1] != n_prev:
            if l == 1:
                raise ValueError(f"{name}['{prefix}W1'] has {W.shape[1]} columns but X has {n_prev} rows (features): "
                                 f"they must be equal")
            raise ValueError(f"{name}['{prefix}W{l}'] must have {n_prev} columns because {prefix}W{l - 1} has "
                             f"{n_prev} rows, got shape {W.shape}")
        checked[f"{prefix}W{l}"] = W
        others = ("b",) if plain else (*layer_keys(parameters, l, prefix)[1:],
                                       *(RUNNING if f"{prefix}running_mean{l}" in parameters else ()))
        for kind in others:
            key = f"{prefix}{kind}{l}"
            column = check_array(f"{name}['{key}']", parameters[key])
            if column.shape != (W.shape[0], 1):
                raise ValueError(f"{name}['{key}'] must have shape ({W.shape[0]}, 1) like {prefix}W{l}'s rows, "
                                 f"got {column.shape}")
            checked[key] = column
        if not plain and f"{prefix}running_var{l}" in checked and (checked[f"{prefix}running_var{l}"] < 0).any():
            raise ValueError(f"{name}['{prefix}running_var{l}'] must hold variances (>= 0), got a negative entry")
        n_prev = W.shape[0]
    return checked


def _check_layer_keys(parameters, l, L, name, prefix):
    """Layer l has W and either b or (gamma, beta); only a normalized hidden layer has running averages, both."""
    def has(kind):
        return f"{prefix}{kind}{l}" in parameters

    normalized = has("gamma") or has("beta")
    needed = ["W", "gamma", "beta"] if normalized else ["W", "b"]
    for kind in needed:
        if not has(kind):
            raise KeyError(f"{name} is missing {prefix + kind + str(l)!r} (a network of {L} layers needs "
                           f"{prefix}W1..{prefix}W{L} and {prefix}b1..{prefix}b{L}, a batch-normalized layer "
                           f"{prefix}gamma<l> and {prefix}beta<l> in place of {prefix}b<l>); "
                           f"got keys {sorted(map(str, parameters))}")
    if normalized and l == L:
        raise ValueError(f"{name} holds {prefix}gamma{L}/{prefix}beta{L}, but the output layer {L} is not "
                         f"batch-normalized: it needs {prefix}b{L}")
    if normalized and has("b"):
        raise ValueError(f"{name} holds {prefix}b{l} and {prefix}gamma{l}/{prefix}beta{l}: a batch-normalized "
                         f"layer has no bias (beta{l} plays its part); drop {prefix}b{l}")
    if has("running_mean") != has("running_var") or (has("running_mean") and not normalized):
        raise ValueError(f"{name}: running_mean{l} and running_var{l} come in pairs, for a batch-normalized layer "
                         f"(with gamma{l} and beta{l}) only; got keys {sorted(map(str, parameters))}")


def check_parameter_arrays(parameters, name="parameters"):
    """A dict of named parameter arrays, "W1", "b1", ..., of any shapes; returned as a new dict of float64 arrays.

    What the optimizers update: their rules work entry by entry, so the arrays need not form one network (the
    course's tests pass W1 of shape (2, 3) with W2 of shape (3, 3)). The keys are those of a network's parameters
    ("W<l>", "b<l>", "gamma<l>", "beta<l>", and the running averages, which no optimizer updates).
    """
    if not isinstance(parameters, dict):
        raise TypeError(f"{name} must be a dict of arrays W1, b1, ..., got {_describe(parameters)}")
    if not parameters:
        raise KeyError(f"{name} must hold at least one array (W1, b1, ...); got an empty dict")
    keys = [key for key in parameters if not (isinstance(key, str) and _KEY.fullmatch(key))]
    if keys:
        raise ValueError(f"{name} has unexpected keys [{', '.join(sorted(map(repr, keys)))}]: the optimizers update "
                         f"arrays named W1, b1, ... (gamma<l>, beta<l> for a batch-normalized layer)")
    checked = {key: check_array(f"{name}['{key}']", value, ndim=None) for key, value in parameters.items()}
    for key, array in checked.items():
        if array.ndim == 0:
            raise ValueError(f"{name}['{key}'] must be an array of parameters, got the number {array}")
    return checked


def check_gradients(gradients, parameters, name="gradients"):
    """Gradients "dW1", "db1", ... of the checked ``parameters``, each of its parameter's shape; a new dict.

    The course's backward pass also returns "dA1", "dZ1", ...: those keys are ignored. Any other
    key, or a gradient for a parameter that does not exist, is an error.
    """
    if not isinstance(gradients, dict):
        raise TypeError(f"{name} must be a dict of arrays dW1, db1, ..., got {_describe(gradients)}")
    keys = trainable(parameters)
    names = set(keys)
    extra = [key for key in gradients if not (isinstance(key, str) and (key[:1] == "d" and key[1:] in names
                                                                         or re.fullmatch(r"d[AZ]\d+", key)))]
    if extra:
        raise ValueError(f"{name} has unexpected keys [{', '.join(sorted(map(repr, extra)))}]: it holds dW1, db1, ..., "
                         f"one per array of parameters, {sorted(parameters)} (and may hold the course's dA1, dZ1, "
                         f"...)")
    checked = {}
    for key in keys:
        parameter = parameters[key]
        if "d" + key not in gradients:
            raise KeyError(f"{name} is missing {'d' + key!r}, the gradient of parameters['{key}']; "
                           f"got keys {sorted(map(str, gradients))}")
        gradient = check_array(f"{name}['d{key}']", gradients["d" + key], ndim=np.ndim(gradients["d" + key]))
        if gradient.shape != parameter.shape:
            raise ValueError(f"{name}['d{key}'] has shape {gradient.shape} but parameters['{key}'] has shape "
                             f"{parameter.shape}")
        checked["d" + key] = gradient
    return checked


def depth(parameters):
    """L, the number of layers of a checked parameter dictionary (one weight matrix W[l] each)."""
    return sum(1 for key in parameters if key.startswith("W"))


# ----------------------------------------------------------------------------- random generators and results


def as_rng(rng, name="rng"):
    """Return a random generator: a numpy Generator or RandomState as is, an int seeds a RandomState.

    An int seeds a ``np.random.RandomState`` because that reproduces the course's
    ``np.random.seed(n)`` draws; it must be from 0 to 2**32 - 1. ``None`` gives a fresh, unseeded
    ``np.random.default_rng()``.
    """
    if isinstance(rng, (np.random.Generator, np.random.RandomState)):
        return rng
    if rng is None:
        return np.random.default_rng()
    if isinstance(rng, numbers.Integral) and not isinstance(rng, (bool, np.bool_)):
        return np.random.RandomState(check_seed(f"{name} (an int seed)", rng))
    raise TypeError(f"{name} must be a numpy Generator, RandomState, int seed or None, got {_describe(rng)}")


def check_finite_result(what, value, culprits):
    """Raise ``ValueError`` when ``value`` (an array or a float) is not finite: the inputs overflowed.

    ``what`` names the result ("the forward pass"), ``culprits`` the arguments to blame, e.g.
    "X or parameters are too large".
    """
    if not np.isfinite(value).all():
        raise ValueError(f"{what} overflowed (its result is not finite): {culprits}")
    return value
