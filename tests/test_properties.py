"""Property-based tests of the whole public API: a valid problem, then one bad argument at a time.

For every public function, hypothesis draws a small valid problem (a network, data, settings),
calls the function twice and requires a finite result, bitwise equal both times, and the caller's
arrays untouched. Then it replaces one argument with a value from the catalogue of that argument's
kind (wrong types, shapes, dtypes, non-finite and extreme values, empty and 1-D arrays, lists,
missing or extra keys, out-of-range scalars, wrong generators). Each entry of a catalogue says
what must happen:

- ERROR: a ValueError, TypeError or KeyError whose message names the argument;
- an equivalent value ("the same numbers as a list"): exactly the result the equivalent gives;
- EITHER (extreme magnitudes, another valid generator): a finite result or an error naming the argument.

Never another exception, never a RuntimeWarning (the suite turns them into errors), never a write
into the caller's arrays.

The number of examples is a hypothesis profile: "quick" in `make test` (derandomized, so CI sees the
same examples every time), "deep" for a long run that prints what it checked:
    UTILS_HYPOTHESIS_PROFILE=deep .venv/bin/python -m pytest tests/test_properties.py -n 0 -s
"""

import copy
import dataclasses
import math
import os
import re
import warnings
from collections import Counter
from typing import NamedTuple

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from sklearn.model_selection import GridSearchCV  # noqa: E402
from sklearn.tree import DecisionTreeClassifier  # noqa: E402

import utils  # noqa: E402
from utils import diagnostics, gradcheck, optimizers, peers, plots, studies, surfaces, tables, tuning  # noqa: E402

settings.register_profile("quick", max_examples=12, derandomize=True, database=None, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.register_profile("deep", max_examples=250, database=None, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("UTILS_HYPOTHESIS_PROFILE", "quick"))

STATS = Counter()
"""What the suite checked: calls, clear errors, results compared, results checked finite."""

ERROR, EITHER = "error", "either"


# ----------------------------------------------------------------------------- valid problems


class Problem(NamedTuple):
    """A small classification problem and a network for it, all drawn from one seed: two classes and one sigmoid
    output (Y of 0/1 labels), or three classes and a softmax output (one-hot Y), one seed in two."""

    seed: int
    layer_dims: list
    X: np.ndarray
    Y: np.ndarray
    parameters: dict
    grads: dict
    cache: object
    keep_prob: float
    lambd: float


@st.composite
def problems(draw, n_x=None, dropout=True):
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    n_x = n_x or int(rng.integers(1, 4))
    C = 1 if seed % 2 == 0 else 3
    layer_dims = [n_x] + [int(n) for n in rng.integers(1, 5, size=int(rng.integers(0, 3)))] + [C]
    m = int(rng.integers(2, 7))
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(int) if C == 1 else utils.one_hot_matrix(rng.integers(0, C, m), C)
    parameters = utils.initialize_parameters(layer_dims, "he", rng)
    for l in range(1, len(layer_dims)):
        parameters[f"b{l}"] = 0.1 * rng.standard_normal(parameters[f"b{l}"].shape)
    keep_prob = float(rng.choice([1.0, 0.7])) if dropout and len(layer_dims) > 2 else 1.0
    lambd = float(rng.choice([0.0, 0.3]))
    _, cache = utils.forward_propagation(X, parameters, keep_prob, seed if keep_prob < 1 else None)
    grads = utils.backward_propagation(X, Y, cache, lambd)
    return Problem(seed, layer_dims, X, Y, parameters, grads, cache, keep_prob, lambd)


# ----------------------------------------------------------------------------- catalogues of bad values


def _with(array, index, value):
    changed = np.array(array, dtype=float)
    changed[tuple(i % n for i, n in zip(index, changed.shape, strict=False))] = value
    return changed


def arrays(value, ndim_ok=(2,), allow_extreme=True, empty=ERROR):
    """Bad and equivalent spellings of a 2-D float array (``empty``: what an array without columns must give)."""
    value = np.asarray(value, dtype=float)
    entries = [
        ("a list", value.tolist(), value),
        ("float32", value.astype(np.float32), value.astype(np.float32).astype(float)),
        ("integers", np.round(value).astype(int), np.round(value)),
        ("booleans", value > 0, ERROR),
        ("complex", value + 0j, ERROR),
        ("objects", value.astype(object), ERROR),
        ("strings", np.full(value.shape, "a"), ERROR),
        ("a nan", _with(value, (0, 0), np.nan), ERROR),
        ("an inf", _with(value, (-1, -1), -np.inf), ERROR),
        ("None", None, ERROR),
        ("a string", "abc", ERROR),
        ("a scalar", 3.0, ERROR),
        ("a dict", {"X": value}, ERROR),
    ]
    if value.ndim - 1 not in ndim_ok:
        entries.append(("one dimension less", value[0], ERROR))
    if value.ndim + 1 not in ndim_ok:
        entries.append(("one dimension more", value[None], ERROR))
    if value.size:
        entries.append(("empty", value[..., :0], empty))
    if allow_extreme:
        entries += [("huge", value * 1e300, EITHER), ("tiny", value * 1e-300, EITHER)]
    return entries


def primitive_arrays(value, problem):
    """A layer primitive's arrays may carry leading batch axes, and an empty batch is a valid input for them."""
    return arrays(value, (2, 3), empty=EITHER)


def labels(value):
    value = np.asarray(value)
    one_hot = value.shape[-2] > 1
    return [
        ("a list", value.tolist(), value),
        ("class indices instead of one-hot", value.argmax(axis=0)[None], ERROR) if one_hot else
        ("one-hot labels of two classes for one output", np.vstack([1 - value, value]), ERROR),
        ("a column of two ones", _with(value, (0, 0), 1) + _with(value, (1, 0), 1) - value, ERROR) if one_hot else
        ("a label -1", _with(value, (0, 0), -1), ERROR),
        ("booleans", value.astype(bool), value.astype(float)),
        ("floats", value.astype(float), value.astype(float)),
        ("a label 2", _with(value, (0, 0), 2), ERROR),
        ("a label 0.5", _with(value, (0, -1), 0.5), ERROR),
        ("a nan", _with(value, (0, 0), np.nan), ERROR),
        ("transposed", value.T, ERROR if value.shape[1] > 1 else value.T),
        ("1-D", value[0], ERROR),
        ("one example less", value[:, 1:], ERROR),
        ("strings", value.astype(str), ERROR),
        ("None", None, ERROR),
    ]


def dicts(value, prefix=""):
    """Bad and equivalent spellings of a parameter (or, with prefix "d", gradient) dictionary."""
    L = sum(1 for key in value if re.fullmatch(rf"{prefix}W\d+", key))
    last = value[f"{prefix}W{L}"]
    entries = [
        ("lists", {k: np.asarray(v).tolist() for k, v in value.items()}, value),
        ("float32", {k: np.asarray(v, np.float32) for k, v in value.items()},
         {k: np.asarray(v, np.float32).astype(float) for k, v in value.items()}),
        ("a missing weight", {k: v for k, v in value.items() if k != f"{prefix}W1"}, ERROR),
        ("a missing bias", {k: v for k, v in value.items() if k != f"{prefix}b{L}"}, ERROR),
        ("an orphan bias", dict(value, **{f"{prefix}b{L + 1}": np.zeros((1, 1))}), ERROR),
        ("an extra key", dict(value, extra=np.zeros((1, 1))), ERROR),
        ("a non-string key", dict(value) | {7: np.zeros((1, 1))}, ERROR),
        ("a nan", dict(value, **{f"{prefix}W1": _with(value[f"{prefix}W1"], (0, 0), np.nan)}), ERROR),
        ("a bias as a row", dict(value, **{f"{prefix}b1": np.asarray(value[f"{prefix}b1"]).T}),
         ERROR if np.shape(value[f"{prefix}b1"])[0] > 1 else value),
        ("two output units more", dict(value, **{f"{prefix}W{L}": np.vstack([last, last, last]),
                                                 f"{prefix}b{L}": np.zeros((3 * len(last), 1))}), EITHER),
        ("a layer of zero units", dict(value, **{f"{prefix}W1": np.zeros((0, np.shape(value[f"{prefix}W1"])[1]))}),
         ERROR),
        ("a list of arrays", list(value.values()), ERROR),
        ("an empty dict", {}, ERROR),
        ("None", None, ERROR),
        ("huge weights", {k: np.asarray(v) * (1e300 if "W" in k else 1) for k, v in value.items()}, EITHER),
    ]
    return entries


def parameter_arrays(value, paired=False):
    """Bad and equivalent spellings of the optimizers' dict of arrays: any shapes, no network needed; ``paired``:
    the gradients must still have the same shapes, so arrays of other shapes are an error."""
    other_shapes = {key: np.zeros((2, 3)) for key in value}
    return [
        ("lists", {k: np.asarray(v).tolist() for k, v in value.items()}, value),
        ("float32", {k: np.asarray(v, np.float32) for k, v in value.items()},
         {k: np.asarray(v, np.float32).astype(float) for k, v in value.items()}),
        ("arrays of other shapes, no network", other_shapes, ERROR if paired else EITHER),
        ("an extra key", dict(value, extra=np.zeros((1, 1))), ERROR),
        ("a non-string key", dict(value) | {7: np.zeros((1, 1))}, ERROR),
        ("a nan", dict(value, W1=_with(value["W1"], (0, 0), np.nan)), ERROR),
        ("a list of arrays", list(value.values()), ERROR),
        ("an empty dict", {}, ERROR),
        ("None", None, ERROR),
    ]


def scalars(value, check):
    """Bad and equivalent spellings of a number accepted by ``check`` ("positive", "nonnegative", "probability")."""
    bad = {"positive": [0.0, -1.0], "nonnegative": [-1e-3, -1.0], "probability": [0.0, 1.5, -0.5],
           "epsilon": [0.0, 1e-300, 10.0, -1e-7]}[check]
    return [(f"{b!r}", b, ERROR) for b in bad] + [
        ("nan", math.nan, ERROR), ("inf", math.inf, ERROR), ("a string", str(value), ERROR),
        ("True", True, ERROR), ("None", None, ERROR), ("complex", complex(value, 1), ERROR),
        ("a list", [value], ERROR), ("numpy float32", np.float32(value), float(np.float32(value))),
        ("numpy float64", np.float64(value), float(value)),
    ] + ([("huge", 1e300, EITHER)] if check in ("positive", "nonnegative") else [])


def counts(value, minimum=0, maximum=None):
    entries = [("minimum - 1", minimum - 1, ERROR), ("a float", value + 0.5, ERROR), ("a string", str(value), ERROR),
               ("True", True, ERROR), ("None", None, ERROR), ("numpy int", np.int64(value), value)]
    if maximum is not None:
        entries.append(("maximum + 1", maximum + 1, ERROR))
    return entries


def seeds(value):
    return counts(value, 0, 2**32 - 1) + [("2**40", 2**40, ERROR)]


def generators(value, optional=True):
    """Seeds and generators; None is unseeded (valid) when ``optional``."""
    entries = [("-1", -1, ERROR), ("2**40", 2**40, ERROR), ("a float", 1.5, ERROR), ("a string", "7", ERROR),
               ("a list", [1, 2], ERROR), ("a Generator", np.random.default_rng(5), EITHER),
               ("a RandomState", np.random.RandomState(5), EITHER), ("an int seed", 11, EITHER)]
    if not optional:
        entries.append(("None", None, ERROR))
    return entries


def flags(value):
    return [("a string", "no", ERROR), ("an int", int(value), ERROR), ("None", None, ERROR),
            ("numpy bool", np.bool_(value), value)]


def choices(value):
    return [("unknown", value + "x" if isinstance(value, str) else "x", ERROR), ("upper case", str(value).upper(),
            ERROR), ("an int", 3, ERROR), ("None", None, ERROR)]


def int_lists(value, minimum=1):
    return [("empty", [], ERROR), ("a string", "abc", ERROR), ("an int", 5, ERROR), ("a float inside", [1.5],
            ERROR), ("a negative", [minimum - 1] * len(value), ERROR), ("a tuple", tuple(value), value),
            ("numpy ints", np.array(value), value)]


def masks(value, cache):
    return [("not a list", "masks", ERROR), ("one too many", list(value) + [value[0]], ERROR),
            ("floats", [np.asarray(D, float) for D in value], ERROR), ("transposed", [D.T for D in value],
            ERROR if any(D.shape[0] != D.shape[1] for D in value) else EITHER),
            ("a list", [D.tolist() for D in value], value)]


def caches(value):
    return [("None", None, ERROR), ("a tuple", tuple(value), ERROR), ("a dict", {"Z": value.Z}, ERROR)]


def anything(value):
    return [("None", None, ERROR), ("a string", "abc", ERROR), ("an int", 3, ERROR)]


# ----------------------------------------------------------------------------- the public functions


def kwargs_of(problem, names):
    return {name: getattr(problem, name) for name in names}


def network_training(p, extra=None):
    """Week 1's full-batch gradient descent for an even seed, week 2's mini-batches and optimizers for an odd one."""
    week_2 = p.seed % 2 == 1
    return dict(X=p.X, Y=p.Y, layer_dims=p.layer_dims, learning_rate=0.1, num_iterations=None if week_2 else 3,
                initialization="he", lambd=p.lambd, keep_prob=p.keep_prob, init_scale=None, cost_every=1,
                fixed_masks=False, optimizer=list(optimizers.OPTIMIZERS)[p.seed // 2 % 4] if week_2 else "gd",
                mini_batch_size=2 if week_2 else None, num_epochs=2 if week_2 else None, beta=0.9, beta1=0.9,
                beta2=0.999, epsilon=1e-8, decay=utils.schedule_lr_decay if week_2 and p.seed % 3 == 0 else None,
                decay_rate=1.0, shuffle_seed=10, **(extra or {}))


def betas(value):
    return [("1", 1.0, ERROR), ("negative", -0.1, ERROR), ("nan", math.nan, ERROR), ("a string", "0.9", ERROR),
            ("None", None, ERROR), ("zero", 0.0, EITHER)]


def optional_counts(value, minimum=0, when_set="with the other one"):
    """A count that may be None (its default, or its alternative given instead)."""
    if value is None:
        return [(when_set, 3, ERROR)]
    return [entry for entry in counts(value, minimum) if entry[0] != "None"] + [("None", None, EITHER)]


TRAINING_KINDS = dict(
    optimizer=lambda v, p: choices(v),
    mini_batch_size=lambda v, p: optional_counts(v, 1, "without num_epochs"),
    num_epochs=lambda v, p: optional_counts(v, 0, "with num_iterations"),
    num_iterations=lambda v, p: optional_counts(v, 0, "with num_epochs"),
    beta=lambda v, p: betas(v), beta1=lambda v, p: betas(v), beta2=lambda v, p: betas(v),
    epsilon=lambda v, p: scalars(v, "positive")[:8],
    decay=lambda v, p: [("a string", "update_lr", ERROR), ("a number", 0.5, ERROR),
                        ("a schedule gone negative", lambda rate, epoch, decay_rate: -rate, ERROR),
                        ("update_lr", utils.update_lr, EITHER)],
    decay_rate=lambda v, p: scalars(v, "nonnegative")[:8],
    shuffle_seed=lambda v, p: seeds(v),
)
"""The catalogues of the arguments that ``model`` and ``model_batch`` share for week 2."""


def momenta(value):
    """A running average's momentum: any share in [0, 1]."""
    return [("1.5", 1.5, ERROR), ("negative", -0.1, ERROR), ("nan", math.nan, ERROR), ("a string", "0.9", ERROR),
            ("None", None, ERROR), ("zero", 0.0, EITHER), ("one", 1.0, EITHER)]


def batch_norm_case(p):
    """Batch normalization of the problem's first pre-activation Z[1] (n_1, m): its arguments and its cache."""
    Z = p.cache.Z[0]
    gamma, beta = 1.0 + 0.1 * np.abs(Z[:, :1]), 0.1 * Z[:, -1:]
    return dict(Z=Z, gamma=gamma, beta=beta, cache=utils.batchnorm_forward(Z, gamma, beta)[1])


def normalized_network(p):
    """The problem's layer sizes as a batch-normalized network, and the cache of a train-mode pass."""
    parameters = utils.initialize_parameters(p.layer_dims, "he", p.seed % 1000, batch_norm=True)
    return dict(parameters=parameters, cache=utils.forward_propagation(p.X, parameters)[1])


def fitted_search(p):
    """A small fitted scikit-learn search over a NeuralNetworkClassifier (two candidates, two splits)."""
    X = np.vstack([p.X.T, -p.X.T, p.X.T + 1.0])
    y = np.arange(len(X)) % 2
    return GridSearchCV(utils.NeuralNetworkClassifier(num_epochs=1 + p.seed % 3, mini_batch_size=None),
                        {"learning_rate": [0.01, 0.1]}, cv=2).fit(X, y)


def searches(value):
    """Bad spellings of a fitted search: anything, or the same search not fitted."""
    return anything(value) + [("unfitted", GridSearchCV(value.estimator, {}), ERROR)]


def optimizer_case(p):
    """Parameters, gradients and a state for the optimizers: the problem's network, its gradients, a state of ones."""
    return dict(parameters=p.parameters, grads=p.grads, state={"d" + k: np.full(np.shape(v), 0.5)
                                                               for k, v in p.parameters.items()})


def states(value, p):
    """Bad spellings of an optimizer state (a dict keyed like the gradients)."""
    return [("a missing key", {k: v for k, v in list(value.items())[1:]}, ERROR),
            ("a wrong shape", dict(value, dW1=np.zeros((1, 1)) if np.shape(value["dW1"]) != (1, 1) else np.zeros(
                (2, 2))), ERROR), ("a nan", dict(value, dW1=value["dW1"] * np.nan), ERROR), ("None", None, ERROR),
            ("lists", {k: np.asarray(v).tolist() for k, v in value.items()}, value)]


def batch_data(p):
    other = 1 - p.Y if p.Y.shape[0] == 1 else np.roll(p.Y, 1, axis=0)  # other labels of the same kind
    return np.stack([p.X, p.X[::-1] if p.X.shape[0] > 1 else -p.X]), np.stack([p.Y, other])


class Spec(NamedTuple):
    """How to call one function on a problem, and the catalogue kind of each argument."""

    call: object
    arguments: object  # Problem -> dict of keyword arguments
    kinds: dict  # argument -> function(value, problem) giving its catalogue
    compare: bool = True  # results can be compared (plots return matplotlib objects: no)


def figure_of(p):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0, 1], label="line")
    ax.set(title="t", xlabel="x", ylabel="y")
    ax.legend(loc="lower right")
    return fig


def two_classes(p):
    """The problem's output as logits and one-hot labels of at least two classes (a sigmoid output: z and -z)."""
    if p.Y.shape[0] > 1:
        return p.cache.ZL, p.Y
    return np.vstack([-p.cache.ZL, p.cache.ZL]) / 2, np.vstack([1 - p.Y, p.Y])


def one_class(p):
    """The problem's output as one logit per example and 0/1 labels (a softmax output: class 0 against the rest)."""
    if p.Y.shape[0] == 1:
        return p.cache.ZL, p.Y
    return p.cache.ZL[:1] - p.cache.ZL[1:].max(axis=0, keepdims=True), p.Y[:1].astype(int)


def class_indices(p):
    """The problem's labels as class indices (m,) and their number C >= 2."""
    Y = two_classes(p)[1]
    return Y.argmax(axis=0), Y.shape[0]


def index_arrays(value, C):
    """Bad and equivalent spellings of class indices (m,) for C classes."""
    return [("a list", value.tolist(), value), ("a row (1, m)", value[None], value), ("floats", value.astype(float),
                                                                                     value),
            ("a label C", _with(value[None], (0, 0), C)[0], ERROR), ("a label -1", _with(value[None], (0, 0), -1)[0],
                                                                     ERROR),
            ("a label 0.5", _with(value[None], (0, 0), 0.5)[0], ERROR), ("a nan", _with(value[None], (0, 0), np.nan)[0],
                                                                        ERROR),
            ("a column (m, 1)", value[:, None], ERROR if value.size > 1 else value), ("booleans", value > 0, ERROR),
            ("strings", value.astype(str), ERROR), ("empty", np.zeros(0, int), ERROR), ("None", None, ERROR),
            ("a dict", {"labels": value}, ERROR)]


def class_counts(value):
    return [entry for entry in counts(value, minimum=2) if entry[0] != "minimum - 1"] + [("one class", 1, ERROR)]


SPECS = {
    # initializers
    "initialize_parameters": Spec(utils.initialize_parameters, lambda p: dict(layer_dims=p.layer_dims, method="he",
                                                                              rng=p.seed % 1000, scale=None,
                                                                              batch_norm=p.seed % 2 == 1),
                                  dict(layer_dims=lambda v, p: int_lists(v) + [("huge", [2, 10**5, 10**4, 1], ERROR)],
                                       method=lambda v, p: choices(v), rng=lambda v, p: generators(v),
                                       scale=lambda v, p: [("with he", 2.0, ERROR)],
                                       batch_norm=lambda v, p: flags(v))),
    "available_cores": Spec(utils.available_cores, lambda p: dict(window=0.01), dict(
        window=lambda v, p: [("zero", 0.0, ERROR), ("negative", -1.0, ERROR), ("a string", "0.1", ERROR)]),
        compare=False),
    "zeros": Spec(utils.zeros, lambda p: dict(shape=(2, 3), rng=None),
                  dict(shape=lambda v, p: [("a list", [2, 3], ERROR), ("a zero", (0, 3), ERROR),
                                           ("three dims", (2, 3, 1), ERROR), ("floats", (2.0, 3.0), ERROR),
                                           ("huge", (10**6, 10**6), ERROR)],
                       rng=lambda v, p: generators(v))),
    "random_normal": Spec(utils.random_normal, lambda p: dict(shape=(2, 3), rng=p.seed % 1000, scale=0.5),
                          dict(shape=lambda v, p: [("negative", (-2, 3), ERROR)], rng=lambda v, p: generators(v),
                               scale=lambda v, p: scalars(v, "positive"))),
    "he_normal": Spec(utils.he_normal, lambda p: dict(shape=(3, 2), rng=p.seed % 1000),
                      dict(shape=lambda v, p: [("a string", "3x2", ERROR)], rng=lambda v, p: generators(v))),
    "xavier_normal": Spec(utils.xavier_normal, lambda p: dict(shape=(3, 2), rng=p.seed % 1000),
                          dict(rng=lambda v, p: generators(v))),
    "glorot_normal": Spec(utils.glorot_normal, lambda p: dict(shape=(3, 2), rng=p.seed % 1000),
                          dict(shape=lambda v, p: [("bools", (True, 2), ERROR)])),
    # layer primitives
    "linear_forward": Spec(utils.linear_forward, lambda p: dict(A_prev=p.X, W=p.parameters["W1"],
                                                                b=p.parameters["b1"]),
                           dict(A_prev=primitive_arrays, W=primitive_arrays,
                                b=primitive_arrays)),
    "linear_backward": Spec(utils.linear_backward, lambda p: dict(dZ=p.cache.Z[0], cache=p.cache.linear[0],
                                                                  input_grad=True),
                            dict(dZ=primitive_arrays, cache=lambda v, p: anything(v),
                                 input_grad=lambda v, p: flags(v))),
    "relu_forward": Spec(utils.relu_forward, lambda p: dict(Z=p.cache.Z[0]), dict(Z=primitive_arrays)),
    "relu_backward": Spec(utils.relu_backward, lambda p: dict(dA=p.cache.Z[0], cache=p.cache.Z[0]),
                          dict(dA=primitive_arrays, cache=lambda v, p: anything(v))),
    "sigmoid": Spec(utils.sigmoid, lambda p: dict(Z=p.cache.ZL), dict(Z=lambda v, p: [("a string", "z", ERROR),
                                                                                        ("a nan", np.nan, ERROR)])),
    "sigmoid_forward": Spec(utils.sigmoid_forward, lambda p: dict(Z=p.cache.ZL),
                            dict(Z=primitive_arrays)),
    "sigmoid_backward": Spec(utils.sigmoid_backward, lambda p: dict(dA=p.cache.ZL, cache=p.cache.AL),
                             dict(dA=primitive_arrays, cache=lambda v, p: anything(v))),
    "softmax": Spec(utils.softmax, lambda p: dict(Z=two_classes(p)[0]), dict(Z=primitive_arrays)),
    "softmax_loss": Spec(utils.softmax_loss, lambda p: dict(ZL=two_classes(p)[0], Y=two_classes(p)[1]),
                         dict(ZL=lambda v, p: arrays(v) + [("one row", v[:1], ERROR)], Y=lambda v, p: labels(v))),
    "sigmoid_loss": Spec(utils.sigmoid_loss, lambda p: dict(ZL=one_class(p)[0], Y=one_class(p)[1]),
                         dict(ZL=lambda v, p: arrays(v) + [("two rows", np.vstack([v, v]), ERROR)],
                              Y=lambda v, p: labels(v))),
    "one_hot_matrix": Spec(utils.one_hot_matrix, lambda p: dict(labels=class_indices(p)[0], C=class_indices(p)[1]),
                           dict(labels=lambda v, p: index_arrays(v, class_indices(p)[1]),
                                C=lambda v, p: class_counts(v))),
    "convert_to_one_hot": Spec(utils.convert_to_one_hot, lambda p: dict(Y=class_indices(p)[0][None],
                                                                        C=class_indices(p)[1]),
                               dict(Y=lambda v, p: index_arrays(v[0], class_indices(p)[1]),
                                    C=lambda v, p: class_counts(v))),
    "dropout_mask": Spec(utils.dropout_mask, lambda p: dict(shape=p.X.shape, keep_prob=0.6, rng=np.random.default_rng(
        p.seed)), dict(shape=lambda v, p: [("a list", list(v), ERROR), ("negative", (-1, 2), ERROR),
                                           ("huge", (10**6, 10**6), ERROR)],
                       keep_prob=lambda v, p: scalars(v, "probability")[:8], rng=lambda v, p: generators(v)[:5])),
    "dropout_forward": Spec(utils.dropout_forward, lambda p: dict(A=p.X, D=p.X > 0, keep_prob=0.5),
                            dict(A=primitive_arrays, D=lambda v, p: [("floats", v.astype(float), ERROR),
                                                                                    ("wrong shape", v.T, EITHER)],
                                 keep_prob=lambda v, p: scalars(v, "probability")[:8])),
    "dropout_backward": Spec(utils.dropout_backward, lambda p: dict(dA_out=p.X, cache=(p.X > 0, 0.5)),
                             dict(dA_out=primitive_arrays, cache=lambda v, p: anything(v) + [
                                 ("a bad keep_prob", (v[0], 2.0), ERROR)])),
    # the network and its cost
    "forward_propagation": Spec(utils.forward_propagation,
                                lambda p: dict(X=p.X, parameters=p.parameters, keep_prob=p.keep_prob,
                                               rng=p.seed if p.keep_prob < 1 else None, masks=None, mode="train"),
                                dict(X=lambda v, p: arrays(v), parameters=lambda v, p: dicts(v),
                                     keep_prob=lambda v, p: scalars(v, "probability"),
                                     rng=lambda v, p: generators(v),
                                     masks=lambda v, p: [("masks with an rng", list(p.cache.masks), ERROR)],
                                     mode=lambda v, p: choices(v))),
    "backward_propagation": Spec(utils.backward_propagation, lambda p: dict(X=p.X, Y=p.Y, cache=p.cache,
                                                                            lambd=p.lambd),
                                 dict(X=lambda v, p: arrays(v)[:2] + [("other values", v + 1.0, ERROR)],
                                      Y=lambda v, p: labels(v), cache=lambda v, p: caches(v),
                                      lambd=lambda v, p: scalars(v, "nonnegative"))),
    "compute_cost": Spec(utils.compute_cost, lambda p: dict(ZL=p.cache.ZL, Y=p.Y, parameters=p.parameters,
                                                            lambd=p.lambd),
                         dict(ZL=lambda v, p: arrays(v), Y=lambda v, p: labels(v),
                              parameters=lambda v, p: [e for e in dicts(v) if e[0] != "None"]
                              + [("None", None, ERROR if p.lambd > 0 else v)],
                              lambd=lambda v, p: scalars(v, "nonnegative"))),
    # training
    "model": Spec(utils.model, lambda p: network_training(p, dict(seed=p.seed % 1000, print_cost=False,
                                                                  batch_norm=False, batch_norm_momentum=0.9)),
                  dict(X=lambda v, p: arrays(v, allow_extreme=False), Y=lambda v, p: labels(v),
                       layer_dims=lambda v, p: int_lists(v) + [("other inputs", [v[0] + 1] + v[1:], ERROR),
                                                               ("two outputs", v[:-1] + [2], ERROR)],
                       learning_rate=lambda v, p: scalars(v, "positive"),
                       initialization=lambda v, p: choices(v),
                       lambd=lambda v, p: scalars(v, "nonnegative"),
                       keep_prob=lambda v, p: scalars(v, "probability"), seed=lambda v, p: seeds(v),
                       print_cost=lambda v, p: flags(v), init_scale=lambda v, p: [("with he", 0.5, ERROR)],
                       cost_every=lambda v, p: counts(v, minimum=1),
                       fixed_masks=lambda v, p: flags(v) + ([("with mini-batches", True, ERROR)]
                                                            if p.seed % 2 else []),
                       batch_norm=lambda v, p: flags(v) + [("True", True, EITHER)],
                       batch_norm_momentum=lambda v, p: momenta(v),
                       **TRAINING_KINDS)),
    "model_batch": Spec(utils.model_batch, lambda p: dict(network_training(p, dict(seeds=[1, 2], n_jobs=1)),
                                                          X=batch_data(p)[0], Y=batch_data(p)[1]),
                        dict(X=lambda v, p: arrays(v, (2, 3), allow_extreme=False),
                             Y=lambda v, p: [("three seeds", np.concatenate([v, v[:1]]), ERROR), ("a nan",
                                             _with(v[0], (0, 0), np.nan)[None], ERROR)],
                             seeds=lambda v, p: int_lists(v, minimum=0) + [("2**40", [2**40, 1], ERROR)],
                             lambd=lambda v, p: [("one per seed", [0.0, 0.5], EITHER), ("too few", [0.1], ERROR),
                                                 ("a bad one", [0.1, -1.0], ERROR), ("strings", ["a", "b"], ERROR)],
                             initialization=lambda v, p: choices(v) + [("a list", ["he", "random"], EITHER),
                                                                       ("a bad list", ["he", 3], ERROR)],
                             init_scale=lambda v, p: [("with he", 2.0, ERROR), ("a string", "big", ERROR)],
                             n_jobs=lambda v, p: counts(v, minimum=1) + [("two", 2, EITHER)],
                             learning_rate=lambda v, p: [("one per seed", [0.1, 0.01], EITHER), ("too few", [0.1],
                                                                                                  ERROR),
                                                         ("a bad one", [0.1, 0.0], ERROR)],
                             fixed_masks=lambda v, p: flags(v), **TRAINING_KINDS)),
    "train_settings": Spec(utils.train_settings, lambda p: dict(
        X=p.X, Y=p.Y, layer_dims=p.layer_dims, seeds=[1, 2], settings={"a": dict(lambd=0.5), "b": dict(keep_prob=0.8)},
        num_iterations=2, learning_rate=0.1),
        dict(settings=lambda v, p: [("empty", {}, ERROR), ("a list", [dict(lambd=0.5)], ERROR),
                                    ("a shared argument", {"a": dict(num_iterations=3)}, ERROR),
                                    ("a bad value", {"a": dict(lambd=-1.0)}, ERROR)],
             seeds=lambda v, p: int_lists(v, minimum=0), X=lambda v, p: arrays(v, (2, 3), False),
             Y=lambda v, p: labels(v))),
    "sweep": Spec(utils.sweep, lambda p: dict(X=p.X, Y=p.Y, layer_dims=p.layer_dims, seeds=[1, 2], parameter="lambd",
                                              values=[0.0, 0.5], num_iterations=2, learning_rate=0.1),
                  dict(parameter=lambda v, p: choices(v), values=lambda v, p: [("negative", [-1.0], ERROR),
                                                                               ("empty", [], ERROR),
                                                                               ("a string", "0.1", ERROR)],
                       seeds=lambda v, p: int_lists(v, minimum=0), X=lambda v, p: arrays(v, (2, 3), False),
                       Y=lambda v, p: labels(v))),
    "validation_curve": Spec(utils.validation_curve,
                             lambda p: dict(X=np.hstack([p.X, p.X]), Y=np.hstack([p.Y, p.Y]), layer_dims=p.layer_dims,
                                            seeds=[3], parameter="keep_prob", values=[1.0, 0.8], dev_size=1,
                                            num_iterations=2, learning_rate=0.1),
                             dict(dev_size=lambda v, p: counts(v, minimum=1) + [("all", 100, ERROR)],
                                  values=lambda v, p: [("zero", [0.0], ERROR)], X=lambda v, p: arrays(v, (2, 3), False),
                                  Y=lambda v, p: labels(v))),
    "predict": Spec(utils.predict, lambda p: dict(X=p.X, parameters=p.parameters),
                    dict(X=lambda v, p: arrays(v), parameters=lambda v, p: dicts(v))),
    "accuracies": Spec(utils.accuracies, lambda p: dict(X=p.X, Y=p.Y, networks=[p.parameters, p.parameters]),
                       dict(networks=lambda v, p: [("empty", [], ERROR), ("a dict", v[0], ERROR),
                                                   ("a bad network", [v[0], {"W1": 1}], ERROR)],
                            X=lambda v, p: arrays(v)[:10], Y=lambda v, p: labels(v))),
    "accuracy": Spec(utils.accuracy, lambda p: dict(X=p.X, Y=p.Y, parameters=p.parameters),
                     dict(X=lambda v, p: arrays(v), Y=lambda v, p: labels(v), parameters=lambda v, p: dicts(v))),
    "update_parameters": Spec(utils.update_parameters, lambda p: dict(parameters=p.parameters, grads=p.grads,
                                                                      learning_rate=0.1),
                              dict(parameters=lambda v, p: parameter_arrays(v, paired=True),
                                   grads=lambda v, p: dicts(v, "d")[:8] + [
                                  ("the course's extra keys", dict(v, dZ1=np.ones(3), dA1=np.ones(2)), v)],
                                   learning_rate=lambda v, p: scalars(v, "positive"))),
    "update_parameters_with_gd": Spec(utils.update_parameters_with_gd,
                                      lambda p: dict(parameters=p.parameters, grads=p.grads, learning_rate=0.1),
                                      dict(parameters=lambda v, p: parameter_arrays(v, paired=True),
                                           grads=lambda v, p: dicts(v, "d")[:6],
                                           learning_rate=lambda v, p: scalars(v, "positive"))),
    "update_parameters_with_momentum": Spec(
        utils.update_parameters_with_momentum,
        lambda p: dict(parameters=p.parameters, grads=p.grads, v=optimizer_case(p)["state"], beta=0.9,
                       learning_rate=0.1),
        dict(v=states, beta=lambda v, p: betas(v), learning_rate=lambda v, p: scalars(v, "positive"),
             grads=lambda v, p: dicts(v, "d")[2:8])),
    "update_parameters_with_rmsprop": Spec(
        utils.update_parameters_with_rmsprop,
        lambda p: dict(parameters=p.parameters, grads=p.grads, s=optimizer_case(p)["state"], learning_rate=0.1,
                       beta2=0.999, epsilon=1e-8),
        dict(s=states, beta2=lambda v, p: betas(v), epsilon=lambda v, p: scalars(v, "positive")[:8],
             parameters=lambda v, p: parameter_arrays(v, paired=True))),
    "update_parameters_with_adam": Spec(
        utils.update_parameters_with_adam,
        lambda p: dict(parameters=p.parameters, grads=p.grads, v=optimizer_case(p)["state"],
                       s=optimizer_case(p)["state"], t=p.seed % 5 + 1, learning_rate=0.01, beta1=0.9, beta2=0.999,
                       epsilon=1e-8),
        dict(v=states, s=states, t=lambda v, p: counts(v, minimum=1), beta1=lambda v, p: betas(v),
             beta2=lambda v, p: betas(v), epsilon=lambda v, p: scalars(v, "positive")[:8],
             learning_rate=lambda v, p: scalars(v, "positive"))),
    "initialize_velocity": Spec(utils.initialize_velocity, lambda p: dict(parameters=p.parameters),
                                dict(parameters=lambda v, p: parameter_arrays(v))),
    "initialize_rmsprop": Spec(utils.initialize_rmsprop, lambda p: dict(parameters=p.parameters),
                               dict(parameters=lambda v, p: parameter_arrays(v))),
    "initialize_adam": Spec(utils.initialize_adam, lambda p: dict(parameters=p.parameters),
                            dict(parameters=lambda v, p: parameter_arrays(v))),
    "update_lr": Spec(utils.update_lr, lambda p: dict(learning_rate0=0.1, epoch_num=p.seed % 1000, decay_rate=1.0),
                      dict(learning_rate0=lambda v, p: scalars(v, "positive"), epoch_num=lambda v, p: counts(v),
                           decay_rate=lambda v, p: scalars(v, "nonnegative"))),
    "schedule_lr_decay": Spec(utils.schedule_lr_decay, lambda p: dict(learning_rate0=0.1, epoch_num=p.seed % 5000,
                                                                      decay_rate=0.5, time_interval=1000),
                              dict(learning_rate0=lambda v, p: scalars(v, "positive"),
                                   epoch_num=lambda v, p: counts(v), decay_rate=lambda v, p: scalars(v, "nonnegative"),
                                   time_interval=lambda v, p: counts(v, minimum=1))),
    "dropout_rng": Spec(lambda seed: utils.dropout_rng(seed).random(3), lambda p: dict(seed=p.seed),
                        dict(seed=lambda v, p: seeds(v))),
    # gradient checking
    "gradient_check": Spec(utils.gradient_check, lambda p: dict(x=2.0, theta=4.0, epsilon=1e-7),
                           dict(x=lambda v, p: scalars(v, "nonnegative")[2:] + [("huge", 1e308, EITHER)],
                                theta=lambda v, p: [("a string", "4", ERROR), ("nan", math.nan, ERROR)],
                                epsilon=lambda v, p: scalars(v, "epsilon"))),
    "gradient_check_n": Spec(utils.gradient_check_n,
                             lambda p: dict(parameters=p.parameters, gradients=p.grads, X=p.X, Y=p.Y, epsilon=1e-6,
                                            lambd=p.lambd, keep_prob=p.keep_prob, rng=None,
                                            masks=list(p.cache.masks) or None, fast=bool(p.seed % 2),
                                            method="batched", direction_seed=0),
                             dict(parameters=lambda v, p: dicts(v), gradients=lambda v, p: dicts(v, "d"),
                                  X=lambda v, p: arrays(v)[:13], Y=lambda v, p: labels(v),
                                  epsilon=lambda v, p: scalars(v, "epsilon"),
                                  lambd=lambda v, p: scalars(v, "nonnegative")[:8],
                                  keep_prob=lambda v, p: scalars(v, "probability")[:7],
                                  masks=lambda v, p: masks(v, p.cache) if v else [("not a list", "m", ERROR)],
                                  rng=lambda v, p: [("with masks", 3, ERROR) if p.cache.masks else ("-1", -1, ERROR)],
                                  fast=lambda v, p: flags(v), method=lambda v, p: choices(v),
                                  direction_seed=lambda v, p: seeds(v))),
    "numerical_gradients": Spec(utils.numerical_gradients, lambda p: dict(parameters=p.parameters, X=p.X, Y=p.Y,
                                                                          epsilon=1e-6, lambd=p.lambd, method="loop"),
                                dict(parameters=lambda v, p: dicts(v), X=lambda v, p: arrays(v)[:13],
                                     epsilon=lambda v, p: scalars(v, "epsilon"), method=lambda v, p: choices(v))),
    "dictionary_to_vector": Spec(utils.dictionary_to_vector, lambda p: dict(parameters=p.parameters),
                                 dict(parameters=lambda v, p: dicts(v))),
    "vector_to_dictionary": Spec(utils.vector_to_dictionary,
                                 lambda p: dict(theta=utils.dictionary_to_vector(p.parameters)[0], like=p.parameters),
                                 dict(theta=lambda v, p: arrays(v, (1, 2))[:10] + [("too short", v[1:], ERROR)],
                                      like=lambda v, p: dicts(v)[2:13])),
    "gradients_to_vector": Spec(utils.gradients_to_vector, lambda p: dict(gradients=p.grads),
                                dict(gradients=lambda v, p: dicts(v, "d") + [("the course's extra keys",
                                                                             dict(v, dZ1=np.ones(3)), v)])),
    # diagnostics
    "layer_statistics": Spec(diagnostics.layer_statistics, lambda p: dict(X=p.X, Y=p.Y, parameters=p.parameters),
                             dict(X=lambda v, p: arrays(v), Y=lambda v, p: labels(v),
                                  parameters=lambda v, p: dicts(v))),
    "iterations_to_reach": Spec(diagnostics.iterations_to_reach, lambda p: dict(costs=[0.7, 0.5, 0.3], target=0.6,
                                                                                every=10),
                                dict(costs=lambda v, p: arrays([v], allow_extreme=False)[3:10] + [
                                    ("2-D", [v], ERROR), ("empty", [], ERROR)],
                                     target=lambda v, p: scalars(v, "nonnegative")[2:],
                                     every=lambda v, p: counts(v, minimum=1))),
    "rising_steps": Spec(diagnostics.rising_steps, lambda p: dict(costs=[0.7, 0.8, 0.3], rtol=1e-9),
                         dict(costs=lambda v, p: [("a nan", [0.7, math.nan], ERROR), ("a string", "0.7", ERROR)],
                              rtol=lambda v, p: scalars(v, "nonnegative"))),
    # data
    "load_2D_dataset": Spec(utils.load_2D_dataset, lambda p: dict(seed=p.seed % 100), dict(seed=lambda v, p: seeds(v))),
    "load_circles": Spec(utils.load_circles, lambda p: {}, {}),
    "load_moons": Spec(utils.load_moons, lambda p: dict(seed=p.seed % 100, n_test=p.seed % 7 + 1),
                       dict(seed=lambda v, p: seeds(v), n_test=lambda v, p: counts(v, minimum=1))),
    "random_mini_batches": Spec(utils.random_mini_batches, lambda p: dict(X=p.X, Y=p.Y, mini_batch_size=p.seed % 3 + 1,
                                                                          seed=p.seed % 100),
                                dict(X=lambda v, p: arrays(v), Y=lambda v, p: [e for e in labels(v) if e[0] not in
                                                                               ("booleans", "one-hot labels of two "
                                                                                "classes for one output")],
                                     mini_batch_size=lambda v, p: counts(v, minimum=1), seed=lambda v, p: seeds(v))),
    "load_gradient_check_case": Spec(utils.load_gradient_check_case, lambda p: {}, {}),
    "load_spiral": Spec(utils.load_spiral, lambda p: dict(seed=p.seed % 100, points_per_class=p.seed % 5 + 1,
                                                          classes=2 + p.seed % 3, n_test=None),
                        dict(seed=lambda v, p: seeds(v), points_per_class=lambda v, p: counts(v, minimum=1),
                             classes=lambda v, p: counts(v, minimum=2),
                             n_test=lambda v, p: [e for e in counts(3, minimum=1) if e[0] != "None"])),
    "load_digits": Spec(utils.load_digits, lambda p: {}, {}),
    # tables
    "markdown_table": Spec(tables.markdown_table, lambda p: dict(header=["a", "b"], rows=[[1, 2.5], ["x", None]]),
                           dict(header=lambda v, p: [("empty", [], ERROR), ("an int", 3, ERROR), ("a string", "ab",
                                                                                                   ERROR)],
                                rows=lambda v, p: [("a short row", [[1]], ERROR), ("an int", 3, ERROR),
                                                   ("an int row", [5], ERROR), ("a string", "rows", ERROR)])),
    "mean_std": Spec(tables.mean_std, lambda p: dict(values=list(p.X[0]), digits=3),
                     dict(values=lambda v, p: arrays([v])[3:10] + [("empty", [], ERROR), ("huge", [1e308] * 3, EITHER)],
                          digits=lambda v, p: counts(v, maximum=15))),
    "power_of_ten": Spec(tables.power_of_ten, lambda p: dict(value=float(p.X[0, 0]) or 1.0, digits=1),
                         dict(value=lambda v, p: scalars(abs(v) + 1e-3, "positive")[2:],
                              digits=lambda v, p: counts(v, maximum=15))),
    # plots
    "plot_data": Spec(plots.plot_data, lambda p: dict(X=np.vstack([p.X[:1], p.X[:1] ** 2]), Y=p.Y, ax=None,
                                                      title="t", legend=True),
                      dict(X=lambda v, p: arrays(v, allow_extreme=False)[3:12] + [("3 rows", np.vstack([v, v[:1]]),
                                                                                    ERROR)],
                           Y=lambda v, p: labels(v)[3:], ax=lambda v, p: anything(v)[1:], legend=lambda v, p: flags(v)),
                      compare=False),
    "plot_decision_boundary": Spec(plots.plot_decision_boundary,
                                   lambda p: dict(parameters=utils.initialize_parameters([2, 3, p.Y.shape[0]], "he",
                                                                                         p.seed % 100),
                                                  X=np.vstack([p.X[:1], p.X[:1] ** 2]), Y=p.Y, resolution=10,
                                                  margin=0.5),
                                   dict(parameters=lambda v, p: dicts(v)[2:14],
                                        resolution=lambda v, p: counts(v, minimum=2, maximum=2000),
                                        margin=lambda v, p: scalars(v, "nonnegative")[:8]),
                                   compare=False),
    "plot_costs": Spec(plots.plot_costs, lambda p: dict(curves={"a": [0.7, 0.5], "b": [[0.7, 0.4], [0.6, 0.3]]},
                                                        log=True, every=10, legend="best"),
                       dict(curves=lambda v, p: [("a list", [[0.7]], ERROR), ("a nan", {"a": [math.nan]}, ERROR),
                                                 ("3-D", {"a": [[[0.7]]]}, ERROR), ("zero on a log scale",
                                                                                    {"a": [0.0, 1.0]}, ERROR)],
                            log=lambda v, p: flags(v), every=lambda v, p: counts(v, minimum=1),
                            legend=lambda v, p: choices(v)), compare=False),
    "plot_sweep": Spec(plots.plot_sweep, lambda p: dict(values=[0.1, 1.0], curves={"dev": [[0.8, 0.7], [0.9, 0.6]]},
                                                        best=0.1, log_x=True),
                       dict(values=lambda v, p: [("negative on a log scale", [-1.0, 1.0], ERROR),
                                                 ("a string", "0.1", ERROR)],
                            curves=lambda v, p: [("wrong width", {"dev": [[0.8]]}, ERROR),
                                                 ("a failed seed (nan)", {"dev": [[0.8, math.nan], [0.7, 0.6]]},
                                                  EITHER), ("an inf", {"dev": [[0.8, math.inf]]}, ERROR)],
                            best=lambda v, p: [("a string", "0.1", ERROR), ("nan", math.nan, ERROR)],
                            log_x=lambda v, p: flags(v)), compare=False),
    "plot_parameter_vector": Spec(plots.plot_parameter_vector, lambda p: dict(parameters=p.parameters),
                                  dict(parameters=lambda v, p: dicts(v)[2:14]), compare=False),
    "plot_epsilon_sweep": Spec(plots.plot_epsilon_sweep, lambda p: dict(epsilons=[1e-3, 1e-5, 1e-7],
                                                                        differences=[1e-6, 1e-9, 1e-8]),
                               dict(epsilons=lambda v, p: [("negative", [-1e-3, 1e-5, 1e-7], ERROR), ("short", [1e-3],
                                                                                                        ERROR)],
                                    differences=lambda v, p: [("a negative", [-1e-9, 1e-9, 1e-8], ERROR),
                                                              ("strings", ["a", "b", "c"], ERROR)]), compare=False),
    "plot_data_sets": Spec(plots.plot_data_sets, lambda p: dict(panels={"a": (np.vstack([p.X[:1], -p.X[:1]]), p.Y)},
                                                                title="t", panel_size=3.0, ncols=None),
                           dict(panels=lambda v, p: [("a list", [1], ERROR), ("empty", {}, ERROR)],
                                panel_size=lambda v, p: [("zero", 0.0, ERROR), ("huge", 1e6, ERROR)],
                                ncols=lambda v, p: counts(1, minimum=1)[:4]), compare=False),
    "plot_learning_rate_schedules": Spec(plots.plot_learning_rate_schedules,
                                         lambda p: dict(schedules={"a": utils.update_lr, "b": None}, learning_rate0=0.1,
                                                        num_epochs=p.seed % 50 + 1, decay_rate=1.0),
                                         dict(schedules=lambda v, p: [("empty", {}, ERROR), ("a string", {"a": "x"},
                                                                                            ERROR)],
                                              learning_rate0=lambda v, p: scalars(v, "positive")[:7],
                                              num_epochs=lambda v, p: counts(v, minimum=1),
                                              decay_rate=lambda v, p: scalars(v, "nonnegative")[:7]), compare=False),
    "plot_optimizer_paths": Spec(plots.plot_optimizer_paths,
                                 lambda p: dict(panels=[(surfaces.rosenbrock(), {"gd": surfaces.optimizer_path(
                                     surfaces.rosenbrock(), "gd", 0.001, p.seed % 5)})], title="t", panel_size=4.0),
                                 dict(panels=lambda v, p: [("empty", [], ERROR), ("no surface", [(1, {})], ERROR),
                                                           ("a 3-D path", [(v[0][0], {"a": np.zeros((2, 3))})],
                                                            ERROR)],
                                      panel_size=lambda v, p: [("zero", 0.0, ERROR)]), compare=False),
    "plot_images": Spec(plots.plot_images, lambda p: dict(X=p.X, titles=[str(k) for k in range(p.X.shape[1])],
                                                          shape=(1, p.X.shape[0]), ncols=p.seed % 4 + 1, title="t"),
                        dict(X=lambda v, p: arrays(v, allow_extreme=False)[3:12],
                             titles=lambda v, p: [("one too few", v[1:], ERROR), ("a string", "abc", ERROR)],
                             shape=lambda v, p: [("the wrong size", (2, v[1] + 1), ERROR), ("a list", list(v), ERROR),
                                                 ("floats", (1.0, float(v[1])), ERROR)],
                             ncols=lambda v, p: counts(v, minimum=1)), compare=False),
    "plot_confusion_matrix": Spec(plots.plot_confusion_matrix,
                                  lambda p: dict(Y=p.Y, predictions=utils.predict(p.X, p.parameters), title="t"),
                                  dict(Y=lambda v, p: labels(v)[5:],
                                       predictions=lambda v, p: [("1-D", v[0], ERROR), ("a negative", v - 1 - v.max(),
                                                                                       ERROR),
                                                                 ("one example less", v[:, 1:], ERROR),
                                                                 ("None", None, ERROR)]), compare=False),
    "plot_misclassified": Spec(plots.plot_misclassified,
                               lambda p: dict(X=p.X, Y=p.Y, predictions=utils.predict(p.X, p.parameters),
                                              shape=(1, p.X.shape[0]), max_images=p.seed % 5 + 1),
                               dict(X=lambda v, p: arrays(v, allow_extreme=False)[3:12],
                                    predictions=lambda v, p: [("one example less", v[:, 1:], ERROR),
                                                              ("None", None, ERROR)],
                                    max_images=lambda v, p: counts(v, minimum=1, maximum=100)), compare=False),
    "save_figure": Spec(plots.save_figure, lambda p: dict(figure=figure_of(p), name="figure", directory=None, dpi=40),
                        dict(figure=lambda v, p: anything(v), name=lambda v, p: [("a path", "../x", ERROR),
                                                                                ("an extension", "x.png", ERROR),
                                                                                ("an int", 3, ERROR)],
                             directory=lambda v, p: [("an int", 3, ERROR)], dpi=lambda v, p: counts(v, minimum=10)),
                        compare=False),
    "check_figure": Spec(plots.check_figure, lambda p: dict(figure=figure_of(p)),
                         dict(figure=lambda v, p: anything(v)), compare=False),
    # surfaces and studies (week 2)
    "elongated_bowl": Spec(lambda condition: surfaces.elongated_bowl(condition).value(np.array([1.0]), np.array([0.5])),
                           lambda p: dict(condition=float(p.seed % 50 + 1)),
                           dict(condition=lambda v, p: scalars(v, "positive")[:7] + [("below 1", 0.5, ERROR)])),
    "rosenbrock": Spec(lambda: surfaces.rosenbrock().gradient(np.array([0.5]), np.array([0.2])), lambda p: {}, {}),
    "optimizer_path": Spec(surfaces.optimizer_path,
                           lambda p: dict(surface=surfaces.rosenbrock(),
                                          optimizer=list(optimizers.OPTIMIZERS)[p.seed % 4], learning_rate=0.001,
                                          num_steps=p.seed % 6, start=None, beta=0.9, beta1=0.9, beta2=0.999,
                                          epsilon=1e-8),
                           dict(surface=lambda v, p: anything(v), optimizer=lambda v, p: choices(v),
                                learning_rate=lambda v, p: scalars(v, "positive")[:7], num_steps=lambda v, p: counts(v),
                                start=lambda v, p: [("3 values", [1.0, 2.0, 3.0], ERROR), ("a nan", [math.nan, 0.0],
                                                                                           ERROR),
                                                    ("a string", "x", ERROR)],
                                beta=lambda v, p: betas(v), epsilon=lambda v, p: scalars(v, "positive")[:7])),
    "best_paths": Spec(surfaces.best_paths,
                       lambda p: dict(surface=surfaces.elongated_bowl(), optimizers=["gd", "adam"],
                                      learning_rates=[0.01, 0.1], num_steps=p.seed % 5 + 1),
                       dict(optimizers=lambda v, p: [("unknown", ["sgd"], ERROR)],
                            learning_rates=lambda v, p: [("all too large", [1e200], ERROR), ("a zero", [0.0], ERROR)],
                            num_steps=lambda v, p: counts(v))),
    "train_runs": Spec(studies.train_runs, lambda p: dict(X=p.X, Y=p.Y, layer_dims=p.layer_dims, runs={
        "a": dict(learning_rate=0.1, num_iterations=2), "b": dict(num_epochs=1, mini_batch_size=2, optimizer="adam")},
        n_jobs=1), dict(runs=lambda v, p: [("a list", [1], ERROR), ("a bad run", {"a": dict(learning_rate=-1.0)},
                                                                                 ERROR), ("empty", {}, ERROR)],
                        n_jobs=lambda v, p: counts(v, minimum=1),
                        X=lambda v, p: arrays(v, allow_extreme=False)[:10])),
    "compare_optimizers": Spec(studies.compare_optimizers,
                               lambda p: dict(datasets=[(p.X, p.Y, p.X, p.Y)] * 2, layer_dims=p.layer_dims,
                                              seeds=[1, 2], optimizers=["gd", "adam"], learning_rates=[0.1, 0.01],
                                              num_epochs=2, mini_batch_size=2),
                               dict(datasets=lambda v, p: [("one too few", v[:1], ERROR),
                                                           ("not tuples", [1, 2], ERROR)],
                                    optimizers=lambda v, p: [("unknown", ["sgd"], ERROR), ("empty", [], ERROR)],
                                    learning_rates=lambda v, p: [("a zero", [0.0], ERROR)],
                                    seeds=lambda v, p: [("negative", [-1, 2], ERROR)])),
    "batch_size_study": Spec(studies.batch_size_study,
                             lambda p: dict(X=p.X, Y=p.Y, layer_dims=p.layer_dims, sizes=[1, 2], target=0.5,
                                            num_epochs=2),
                             dict(sizes=lambda v, p: [("a zero", [0], ERROR), ("empty", [], ERROR)],
                                  target=lambda v, p: scalars(v, "nonnegative")[:7],
                                  num_epochs=lambda v, p: counts(v, minimum=1)), compare=False),
    # batch normalization, the estimator's companions and the tuning studies (week 3)
    "batchnorm_forward": Spec(utils.batchnorm_forward,
                              lambda p: {k: v for k, v in batch_norm_case(p).items() if k != "cache"}
                              | dict(mode="train", running_mean=None, running_var=None, epsilon=1e-5),
                              dict(Z=primitive_arrays, gamma=lambda v, p: arrays(v)[:12] + [
                                  ("a row", v.T, ERROR if v.shape[0] > 1 else v)],
                                   beta=lambda v, p: arrays(v)[:9], mode=lambda v, p: choices(v),
                                   running_mean=lambda v, p: [("in train mode", np.zeros((1, 1)), ERROR)],
                                   epsilon=lambda v, p: scalars(v, "positive")[:8])),
    "batchnorm_forward (test mode)": Spec(utils.batchnorm_forward,
                                          lambda p: {k: v for k, v in batch_norm_case(p).items() if k != "cache"}
                                          | dict(mode="test", running_mean=batch_norm_case(p)["cache"].mean,
                                                 running_var=batch_norm_case(p)["cache"].var, epsilon=1e-5),
                                          dict(running_mean=lambda v, p: arrays(v)[:9] + [("None", None, ERROR)],
                                               running_var=lambda v, p: arrays(v)[:9] + [("negative", -1.0 - v,
                                                                                         ERROR)])),
    "batchnorm_backward": Spec(utils.batchnorm_backward,
                               lambda p: dict(dZ_tilde=batch_norm_case(p)["Z"], cache=batch_norm_case(p)["cache"]),
                               dict(dZ_tilde=lambda v, p: arrays(v)[:9] + [("transposed", v.T, ERROR if v.shape[0]
                                                                             != v.shape[1] else EITHER)],
                                    cache=lambda v, p: anything(v) + [("a tuple", tuple(v), ERROR)])),
    "update_running_average": Spec(utils.update_running_average,
                                   lambda p: dict(running=np.ones_like(batch_norm_case(p)["beta"]),
                                                  batch=batch_norm_case(p)["cache"].var, momentum=0.9),
                                   dict(running=lambda v, p: arrays(v)[:9], batch=lambda v, p: arrays(v)[:12],
                                        momentum=lambda v, p: momenta(v))),
    "update_running_averages": Spec(utils.update_running_averages,
                                    lambda p: normalized_network(p) | dict(momentum=0.9),
                                    dict(parameters=lambda v, p: [("None", None, ERROR), ("a list", [1], ERROR),
                                                                  ("another network", p.parameters, EITHER)],
                                         cache=lambda v, p: caches(v), momentum=lambda v, p: momenta(v))),
    "predict_probabilities": Spec(utils.predict_probabilities, lambda p: dict(X=p.X, parameters=p.parameters),
                                  dict(X=lambda v, p: arrays(v), parameters=lambda v, p: dicts(v))),
    "plot_histograms": Spec(plots.plot_histograms,
                            lambda p: dict(panels={"a": {"u": [0.1, 0.5, 1.0], "v": [0.2, 0.3]}}, title="t",
                                           xlabel="x", bins=p.seed % 5 + 1, log_x=True, panel_size=4.0),
                            dict(panels=lambda v, p: [("empty", {}, ERROR), ("not dicts", {"a": [1.0]}, ERROR),
                                                      ("a zero on a log axis", {"a": {"u": [0.0, 1.0]}}, ERROR)],
                                 xlabel=lambda v, p: [("two for one panel", ["x", "y"], ERROR)],
                                 bins=lambda v, p: counts(v, minimum=1), log_x=lambda v, p: flags(v)), compare=False),
    "plot_search_points": Spec(plots.plot_search_points,
                               lambda p: dict(panels={"a": ([0.1, 1.0, 0.01], [2, 3, 4], [0.5, 0.9, 0.7])}, title="t"),
                               dict(panels=lambda v, p: [("empty", {}, ERROR),
                                                         ("two arrays", {"a": ([0.1], [2])}, ERROR),
                                                         ("uneven", {"a": ([0.1], [2, 3], [0.5, 0.9])}, ERROR),
                                                         ("a zero on a log axis", {"a": ([0.0], [2], [0.5])}, ERROR)]),
                               compare=False),
    "plot_successive_halving": Spec(plots.plot_successive_halving,
                                    lambda p: dict(results={"iter": [0, 0, 1], "n_resources": [10, 10, 30],
                                                            "mean_test_score": [0.5, 0.7, 0.8],
                                                            "params": [{"a": 1}, {"a": 2}, {"a": 2}]}),
                                    dict(results=lambda v, p: [("a list", [1], ERROR), ("missing keys", {"iter": [0]},
                                                                                        ERROR)]), compare=False),
    "search_columns": Spec(tuning.search_columns, lambda p: dict(search=fitted_search(p)),
                           dict(search=lambda v, p: searches(v))),
    "epochs_trained": Spec(tuning.epochs_trained, lambda p: dict(search=fitted_search(p)),
                           dict(search=lambda v, p: searches(v))),
    "variance_explained": Spec(tuning.variance_explained,
                               lambda p: dict(scores=list(p.X[0]) + [0.5], factors={"a": [k % 2 for k in range(
                                   p.X.shape[1] + 1)], "b": list(range(p.X.shape[1] + 1))}, bins=2 + p.seed % 3),
                               dict(scores=lambda v, p: [("a nan", [math.nan] + v[1:], ERROR), ("empty", [], ERROR),
                                                         ("a string", "abc", ERROR)],
                                    factors=lambda v, p: [("empty", {}, ERROR), ("a list", [1], ERROR),
                                                          ("the wrong length", {"a": [1]}, ERROR)],
                                    bins=lambda v, p: counts(v, minimum=2))),
    "compare_batch_norm": Spec(tuning.compare_batch_norm,
                               lambda p: dict(X=p.X, Y=p.Y, X_test=p.X, Y_test=p.Y,
                                              layer_dims=[p.X.shape[0], 3, p.Y.shape[0]],
                                              settings=[{"learning_rate": 0.1}], seeds=[1], n_jobs=1, num_epochs=1),
                               dict(settings=lambda v, p: [("empty", [], ERROR), ("not dicts", [1], ERROR),
                                                           ("a bad setting", [{"learning_rate": -1.0}], ERROR)],
                                    seeds=lambda v, p: [("empty", [], ERROR)], n_jobs=lambda v, p: counts(v, minimum=1),
                                    X_test=lambda v, p: arrays(v, allow_extreme=False)[:10],
                                    Y_test=lambda v, p: labels(v)[3:])),
    "compare_classifiers": Spec(peers.compare_classifiers,
                                lambda p: dict(estimators={"tree": DecisionTreeClassifier(random_state=0)}, X=p.X,
                                               Y=two_classes(p)[1], X_test=p.X, Y_test=two_classes(p)[1]),
                                dict(estimators=lambda v, p: [("empty", {}, ERROR), ("a list", list(v.values()), ERROR),
                                                              ("not a classifier", {"a": 3}, ERROR)],
                                     X_test=lambda v, p: [("another width", np.vstack([v, v]), ERROR)]
                                     + arrays(v)[7:10],
                                     Y_test=lambda v, p: labels(v)[3:]), compare=False),
}
"""Every public function of utils, by name (checked against utils.__all__ and the public modules below)."""

NOT_DRAWN = {"set_style", "shared_legend", "boundary_legend_handles", "plot_decision_boundaries",
             "plot_relative_errors", "validation_table"}
"""Public functions not in SPECS, each with its own tests in test_tables_and_plots.py."""


def public_functions():
    names = {name for name in utils.__all__ if callable(getattr(utils, name)) and not isinstance(getattr(utils, name),
                                                                                                 type)}
    plot_modules = [module for module in vars(plots).values() if isinstance(module, type(plots))]
    for module in (diagnostics, tables, surfaces, studies, tuning, peers, *plot_modules):
        names |= {name for name, value in vars(module).items() if callable(value) and not name.startswith("_")
                  and getattr(value, "__module__", None) == module.__name__ and not isinstance(value, type)}
    return names


def test_every_public_function_is_specified():
    assert public_functions() == {name.split(" (")[0] for name in SPECS} | NOT_DRAWN


# ----------------------------------------------------------------------------- the properties


class Unchanged:
    """Deep copies of every array reachable from the arguments, to check that none was written into."""

    def __init__(self, kwargs):
        self.arrays = [(array, array.copy()) for array in _arrays(kwargs)]

    def check(self, what):
        for array, copy_ in self.arrays:
            equal_nan = array.dtype.kind in "fc"
            assert np.array_equal(array, copy_, equal_nan=equal_nan) and array.dtype == copy_.dtype, \
                f"{what} wrote into an array it was given"


def _arrays(value, seen=None):
    seen = set() if seen is None else seen
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, np.ndarray):
        return [value]
    if isinstance(value, dict):
        return [a for v in value.values() for a in _arrays(v, seen)]
    if isinstance(value, (list, tuple)):
        return [a for v in value for a in _arrays(v, seen)]
    return []


def call(function, kwargs):
    """("ok", result) or ("error", exception) for a ValueError, TypeError or KeyError; anything else propagates."""
    STATS["calls"] += 1
    unchanged = Unchanged(kwargs)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # the gradient check's advice; RuntimeWarning stays an error
            outcome = ("ok", function(**kwargs))
    except (ValueError, TypeError, KeyError) as error:
        outcome = ("error", error)
    finally:
        plt.close("all")
    unchanged.check(getattr(function, "__name__", "the function"))
    return outcome


def assert_finite(result, path="result"):
    """No float anywhere in the result is nan or inf (a gradient check may mark a tensor as not checked)."""
    if isinstance(result, np.ndarray) and np.issubdtype(result.dtype, np.floating):
        assert np.isfinite(result).all(), f"{path} is not finite"
    elif isinstance(result, float):
        assert math.isfinite(result), f"{path} = {result}"
    elif isinstance(result, gradcheck.TensorCheck) and result.unchecked:
        assert not result.passed
    elif dataclasses.is_dataclass(result):
        for field in dataclasses.fields(result):
            assert_finite(getattr(result, field.name), f"{path}.{field.name}")
    elif isinstance(result, dict):
        for key, value in result.items():
            assert_finite(value, f"{path}[{key!r}]")
    elif isinstance(result, (list, tuple)):
        for k, value in enumerate(result):
            assert_finite(value, f"{path}[{k}]")


def same(a, b):
    """Bitwise equality of two results (nan equal to nan)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    if dataclasses.is_dataclass(a):
        return type(a) is type(b) and all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and a == b


def names_argument(error, argument):
    return re.search(rf"(?<![A-Za-z0-9_]){re.escape(argument)}(?![A-Za-z0-9_])", str(error)) is not None


@pytest.mark.parametrize("name", sorted(SPECS))
@given(data=st.data())
def test_valid_calls_and_one_bad_argument_at_a_time(name, data, tmp_path_factory):
    spec = SPECS[name]
    problem = data.draw(problems(n_x=2 if name.startswith("plot_decision") else None))
    valid = spec.arguments(problem)
    if "directory" in valid:
        valid["directory"] = tmp_path_factory.mktemp("figures")

    # a valid call: a finite result, the same bits twice (generators copied, so both start alike)
    first = call(spec.call, copy.deepcopy(valid) if spec.compare else valid)
    assert first[0] == "ok", f"{name} refused a valid problem: {first[1]!r}"
    assert_finite(first[1])
    if spec.compare:
        STATS["results compared"] += 1
        assert same(first[1], call(spec.call, copy.deepcopy(valid))[1]), f"{name} is not deterministic"

    if not spec.kinds:
        return
    argument = data.draw(st.sampled_from(sorted(spec.kinds)))
    what, bad, expected = data.draw(st.sampled_from(spec.kinds[argument](valid[argument], problem)))
    outcome = call(spec.call, dict(valid, **{argument: bad}))
    label = f"{name}({argument}={what})"
    if outcome[0] == "error":
        STATS["clear errors"] += 1
        assert names_argument(outcome[1], argument), f"{label}: the error does not name {argument}: {outcome[1]}"
        if expected is not ERROR and expected is not EITHER:
            reference = call(spec.call, dict(valid, **{argument: expected}))
            assert reference[0] == "error", f"{label} was refused, but the same value spelled otherwise is accepted"
        return
    assert expected is not ERROR, f"{label} was accepted, returning {outcome[1]!r:.200}"
    STATS["results checked"] += 1
    assert_finite(outcome[1], label)
    if expected is not EITHER and spec.compare:
        reference = call(spec.call, dict(valid, **{argument: expected}))
        assert reference[0] == "ok" and same(outcome[1], reference[1]), f"{label} differs from its equivalent"


@pytest.fixture(scope="module", autouse=True)
def report_counts():
    """After the module, print what it checked (shown with -s; with -n 0 one process runs every example)."""
    yield
    print(f"\nproperty suite, profile {settings().max_examples} examples per function: {dict(STATS)}")


# ----------------------------------------------------------------------------- the examples the issue reported

X_CASE, Y_CASE, P_CASE = utils.load_gradient_check_case()
G_CASE = utils.backward_propagation(X_CASE, Y_CASE, utils.forward_propagation(X_CASE, P_CASE)[1])


@pytest.mark.parametrize("call, error, message", [
    (lambda: utils.compute_cost(np.zeros((1, 0)), np.zeros((1, 0)), P_CASE, lambd=0.7), ValueError,
     r"ZL must have shape \(1, m\) or \(C, m\) with m >= 1"),
    (lambda: utils.initialize_parameters([2, 1], "he", rng=-1), ValueError, r"rng \(an int seed\) must be >= 0"),
    (lambda: utils.model(X_CASE, Y_CASE, [4, 3, 1], num_iterations=1, init_scale=0.5), ValueError,
     "init_scale applies only to method 'random'"),
    (lambda: utils.gradient_check_n({k: v for k, v in P_CASE.items() if k != "W3"}, G_CASE, X_CASE, Y_CASE),
     KeyError, "parameters is missing 'W3'"),
    (lambda: utils.model_batch(X_CASE[:, :0], Y_CASE[:, :0], [4, 1], [1]), ValueError,
     "X must hold at least one feature .* and one example"),
    (lambda: utils.predict(X_CASE, dict(P_CASE, b4=np.zeros((1, 1)))), KeyError, "parameters is missing 'W4'"),
    (lambda: utils.accuracy(X_CASE, Y_CASE, dict(P_CASE, W3=np.ones((2, 3)), b3=np.ones((2, 1)))), ValueError,
     r"Y must hold one-hot labels of shape \(2, 3\), one row per class of the 2 softmax output units \(parameters\) "
     r".* got shape \(1, 3\): turn class indices into one-hot columns with one_hot_matrix"),
    (lambda: utils.dictionary_to_vector(dict(P_CASE, W1=np.ones((0, 4)))), ValueError,
     "must have at least one row and one column"),
    (lambda: utils.gradient_check_n(P_CASE, G_CASE, X_CASE, Y_CASE, epsilon=1e-300), ValueError,
     "epsilon must be between 1e-12 and 1"),
    (lambda: utils.model(X_CASE, Y_CASE, [4, 3, 1], learning_rate=1e300, num_iterations=10), utils.TrainingDiverged,
     "training diverged at iteration 1"),
    (lambda: utils.update_parameters(P_CASE, dict(G_CASE, dW1=G_CASE["dW1"] + 1j), 0.1), TypeError,
     r"grads\['dW1'\] must be real"),
    (lambda: utils.update_parameters(P_CASE, dict(G_CASE, dW1=G_CASE["dW1"].astype(object)), 0.1), TypeError,
     r"grads\['dW1'\] must be a numeric array"),
    (lambda: utils.update_parameters(P_CASE, dict(G_CASE, dW1=G_CASE["dW1"] * np.nan), 0.1), ValueError,
     r"grads\['dW1'\] must contain only finite values"),
    (lambda: utils.gradient_check_n(P_CASE, G_CASE, X_CASE, Y_CASE, fast="no"), TypeError,
     "fast must be True or False"),
    (lambda: utils.model(X_CASE, Y_CASE, [4, 3, 1], num_iterations=1, print_cost="no"), TypeError,
     "print_cost must be True or False"),
    (lambda: utils.backward_propagation(X_CASE + 1, Y_CASE, utils.forward_propagation(X_CASE, P_CASE)[1]),
     ValueError, "X must be the input of the forward pass that made cache"),
])
def test_the_reported_bad_inputs_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_the_reported_silent_acceptances_are_gone():
    as_lists = utils.update_parameters({"W1": [[1.0]], "b1": [[0.0]]}, {"dW1": [[1.0]], "db1": [[1.0]]}, 0.1)
    assert as_lists["W1"].dtype == np.float64 and as_lists["W1"][0, 0] == 0.9
    single = utils.update_parameters({k: v.astype(np.float32) for k, v in P_CASE.items()}, G_CASE, 0.1)
    assert all(value.dtype == np.float64 for value in single.values())


def test_a_gradient_check_never_passes_what_it_could_not_check(monkeypatch):
    def nan_directions(self, directions, epsilon):
        return np.full(len(directions), np.nan)
    monkeypatch.setattr(gradcheck._Problem, "directional_derivatives", nan_directions)
    report = utils.gradient_check_n(P_CASE, G_CASE, X_CASE, Y_CASE, fast=True)
    assert report.passed and all(row.method == "element-wise" for row in report.rows)  # re-checked, entry by entry

    def nan_entries(self, layers, epsilon):
        return {l: ((np.full(W.shape, np.nan), np.full(b.shape, np.nan)), (np.zeros(W.shape, bool),
                                                                           np.zeros(b.shape, bool)))
                for l, (W, b) in enumerate(self.layers, start=1) if l in layers}
    monkeypatch.setattr(gradcheck._Problem, "numerical_gradients", nan_entries)
    for fast in (False, True):
        report = utils.gradient_check_n(P_CASE, G_CASE, X_CASE, Y_CASE, fast=fast)
        assert not report.passed and report.failing == ["W1", "b1", "W2", "b2", "W3", "b3"]
        assert report.verdict.startswith("FAILED: W1, b1, W2, b2, W3, b3 could not be checked: its central "
                                          "differences are not finite numbers")
        assert "NOT CHECKED" in str(report)
