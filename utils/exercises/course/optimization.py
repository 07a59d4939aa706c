"""The course's optimization functions (week 2), with its signatures.

- ``update_parameters_with_gd(parameters, grads, learning_rate)``: W[l] -= learning_rate dW[l], the same for b.
- ``random_mini_batches(X, Y, mini_batch_size=64, seed=0)``: ``np.random.seed(seed)``, one permutation of the m
  columns for X and Y, floor(m / size) full mini-batches and, when m is not a multiple, a last smaller one.
- ``initialize_velocity(parameters)``, ``initialize_adam(parameters)``: zeros keyed "dW1", "db1", ...
- ``update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)`` -> (parameters, v).
- ``update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
  epsilon=1e-8)`` -> (parameters, v, s, v_corrected, s_corrected), or the older course's (parameters, v, s).
- ``update_lr(learning_rate0, epoch_num, decay_rate)``: learning_rate0 / (1 + decay_rate epoch_num).

The course's update functions write into the dict they are given and return it: the checker allows that. The
course tests Adam at t = 2 only, so a bias correction written with 2 in place of t passes them; here t is 1, 3
and 10, and one case has epsilon = 1e-2, where its place (inside or outside the square root) shows. The
parameter dicts need not form one network (the course's tests pass W1 (2, 3) with W2 (3, 3)).
"""

import math

import numpy as np

from ...data import random_mini_batches
from ...optimizers import (
    initialize_adam,
    initialize_velocity,
    update_lr,
    update_parameters_with_adam,
    update_parameters_with_gd,
    update_parameters_with_momentum,
)
from .._checker import Case, Exercise, Mistake

GLOBAL_SEED = 11
"""The seed of numpy's global generator before each call: not the seed the function is given."""

SHAPES = ({"W1": (2, 3), "b1": (2, 1), "W2": (3, 3), "b2": (3, 1)},  # the course's older tests: no one network
          {"W1": (4, 3), "b1": (4, 1), "W2": (2, 4), "b2": (2, 1), "W3": (1, 2), "b3": (1, 1)},
          {"W1": (3, 5), "b1": (3, 1), "W2": (1, 3), "b2": (1, 1)})


def _arrays(rng, shapes, prefix="", scale=1.0):
    return {prefix + key: scale * rng.standard_normal(shape) for key, shape in shapes.items()}


def _state(rng, shapes, scale, positive=False):
    """A state under way: averages of earlier gradients (positive ones for Adam's s)."""
    return {"d" + key: scale * (rng.random(shape) if positive else rng.standard_normal(shape))
            for key, shape in shapes.items()}


def _layers(parameters):
    return len(parameters) // 2


# ----------------------------------------------------------------------------- gradient descent


def _gd(parameters, grads, learning_rate, sign=-1.0, rate=True, stop=0, biases=True):
    """The course's loop, or one of its mistakes: the sign, the rate left out, a layer or the biases skipped."""
    updated = dict(parameters)
    for l in range(1, _layers(parameters) + 1 - stop):
        for kind in ("W", "b") if biases else ("W",):
            step = grads[f"d{kind}{l}"] * (learning_rate if rate else 1.0)
            updated[f"{kind}{l}"] = parameters[f"{kind}{l}"] + sign * step
    return updated


def _gd_case(shapes, seed, learning_rate):
    rng = np.random.default_rng(seed)
    return _arrays(rng, shapes), _arrays(rng, shapes, "d"), learning_rate


GD = Exercise(
    name="update_parameters_with_gd",
    signature="update_parameters_with_gd(parameters, grads, learning_rate) -> parameters",
    reference=update_parameters_with_gd,
    cases=tuple(Case(f"{len(shapes) // 2} layers, learning_rate={rate}",
                     lambda shapes=shapes, seed=seed, rate=rate: _gd_case(shapes, seed, rate))
                for shapes, seed, rate in zip(SHAPES, (1, 2, 3), (0.01, 0.1, 0.5), strict=True)),
    mistakes=(
        Mistake("+ instead of -", "gradient descent steps against the gradient: W = W - learning_rate * dW",
                lambda *a: _gd(*a, sign=1.0)),
        Mistake("the learning rate left out", "each step is the gradient times the learning rate",
                lambda *a: _gd(*a, rate=False)),
        Mistake("the last layer left out", "the loop covers every layer, l = 1, ..., L with L = len(parameters) // 2:"
                " range(1, L + 1), or range(L) with str(l + 1)", lambda *a: _gd(*a, stop=1)),
        Mistake("the biases not updated", "every parameter takes a step, the biases b[l] as the weights W[l]",
                lambda *a: _gd(*a, biases=False)),
    ),
    may_modify=True,
)

# ----------------------------------------------------------------------------- mini-batches


def _mini_batches(X, Y, mini_batch_size, seed, permutations=1, last=True, empty=False, shuffle=True,
                  global_seed=False, stale_k=False):
    """The course's shuffle and cut, or one of its mistakes (``stale_k``: the end case from the loop's last k,
    which does not exist when the loop never ran)."""
    rng = np.random.RandomState(GLOBAL_SEED if global_seed else seed)
    m = X.shape[1]
    order_X = rng.permutation(m) if shuffle else np.arange(m)
    order_Y = rng.permutation(m) if permutations == 2 else order_X
    X, Y = X[:, order_X], Y[:, order_Y]
    full = m // mini_batch_size
    batches = [(X[:, k * mini_batch_size:(k + 1) * mini_batch_size], Y[:, k * mini_batch_size:(k + 1) *
                                                                         mini_batch_size]) for k in range(full)]
    if last and (m % mini_batch_size != 0 or empty):
        if stale_k and full == 0:
            raise NameError("k")
        start = (full - 1) * mini_batch_size if stale_k else full * mini_batch_size
        batches.append((X[:, start:], Y[:, start:]))
    return batches


def _batch_case(n, m, size, seed):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, m)), (rng.random((1, m)) < 0.5).astype(int), size, seed


def _stale_loop_variable(call, expected):
    """The end case sliced with the loop's k: only an error when m < mini_batch_size, where the loop never ran."""
    return (isinstance(call.error, (UnboundLocalError, NameError)) and "'k'" in str(call.error)
            and call.args[0].shape[1] < call.args[2])


MINI_BATCHES = Exercise(
    name="random_mini_batches",
    signature="random_mini_batches(X, Y, mini_batch_size=64, seed=0) -> [(mini_batch_X, mini_batch_Y), ...]",
    reference=random_mini_batches,
    cases=tuple(Case(description, lambda n=n, m=m, size=size, seed=seed: _batch_case(n, m, size, seed),
                     global_seed=GLOBAL_SEED)
                for description, n, m, size, seed in (
                    ("X 3x10, mini_batch_size=4, seed=2: a last, smaller mini-batch", 3, 10, 4, 2),
                    ("X 2x12, mini_batch_size=4, seed=0: m a multiple of the size", 2, 12, 4, 0),
                    ("X 4x5, mini_batch_size=8, seed=7: fewer examples than one mini-batch", 4, 5, 8, 7))),
    mistakes=(
        Mistake("X and Y shuffled with two permutations", "one permutation, permutation = "
                "list(np.random.permutation(m)), reorders the columns of X and of Y alike, so that each example "
                "keeps its label", lambda *a: _mini_batches(*a, permutations=2)),
        Mistake("the last mini-batch dropped", "when m is not a multiple of mini_batch_size, the m - "
                "mini_batch_size * floor(m / mini_batch_size) examples left make a last, smaller mini-batch",
                lambda *a: _mini_batches(*a, last=False)),
        Mistake("an empty last mini-batch", "when m is a multiple of mini_batch_size no example is left: the end "
                "case goes under if m % mini_batch_size != 0", lambda *a: _mini_batches(*a, empty=True)),
        Mistake("no shuffle", "the examples are shuffled first, np.random.permutation(m), then cut",
                lambda *a: _mini_batches(*a, shuffle=False)),
        Mistake("np.random.seed(seed) missing", "the course's function seeds numpy's generator with its seed "
                "argument, np.random.seed(seed), before drawing the permutation",
                lambda *a: _mini_batches(*a, global_seed=True)),
        Mistake("the end case sliced with the loop's variable", "after the loop, k is the loop's last value, and "
                "undefined when the loop never ran (m < mini_batch_size): start the end case at "
                "num_complete_minibatches * mini_batch_size", lambda *a: _mini_batches(*a, stale_k=True),
                detect=_stale_loop_variable),
    ),
)

# ----------------------------------------------------------------------------- states


def _zeros(parameters, prefix="d", stop=0, values=False):
    """The course's zero state, or one of its mistakes: other keys, a layer left out, the parameters' values."""
    state = {}
    for l in range(1, _layers(parameters) + 1 - stop):
        for kind in ("W", "b"):
            value = parameters[f"{kind}{l}"]
            state[f"{prefix}{kind}{l}"] = value.copy() if values else np.zeros(value.shape)
    return state


def _parameters_case(shapes, seed):
    return (_arrays(np.random.default_rng(seed), shapes),)


STATE_CASES = tuple(Case(f"{len(shapes) // 2} layers, W1 {shapes['W1']}",
                         lambda shapes=shapes, seed=seed: _parameters_case(shapes, seed))
                    for shapes, seed in zip(SHAPES, (4, 5, 6), strict=True))

VELOCITY = Exercise(
    name="initialize_velocity",
    signature="initialize_velocity(parameters) -> v",
    reference=initialize_velocity,
    cases=STATE_CASES,
    mistakes=(
        Mistake("keys without the d", "the state is keyed like the gradients, v['dW1'], v['db1'] and so on",
                lambda p: _zeros(p, prefix="")),
        Mistake("the last layer left out", "the loop covers every layer, l = 1, ..., L with L = len(parameters) // 2",
                lambda p: _zeros(p, stop=1)),
        Mistake("the parameters' values instead of zeros", "the velocity starts at zero: np.zeros(parameters['W' + "
                "str(l)].shape), or np.zeros_like", lambda p: _zeros(p, values=True)),
    ),
)


def _one_dictionary(call, expected):
    """v and s are the same dict object (v = s = {}): their values cannot show it, their identity does."""
    return isinstance(call.result, tuple) and len(call.result) == 2 and call.result[0] is call.result[1]


ADAM_STATE = Exercise(
    name="initialize_adam",
    signature="initialize_adam(parameters) -> (v, s)",
    reference=initialize_adam,
    cases=STATE_CASES,
    mistakes=(
        Mistake("v and s one dictionary", "v = s = {} makes two names for one dict: every s['dW1'] = ... then "
                "overwrites v['dW1']. Write v, s = {}, {}", detect=_one_dictionary, always=True),
        Mistake("keys without the d", "the state is keyed like the gradients, v['dW1'], s['dW1'] and so on",
                lambda p: (_zeros(p, prefix=""), _zeros(p, prefix=""))),
        Mistake("the last layer left out", "the loop covers every layer, l = 1, ..., L with L = len(parameters) // 2",
                lambda p: (_zeros(p, stop=1), _zeros(p, stop=1))),
    ),
)

# ----------------------------------------------------------------------------- momentum


def _momentum(parameters, grads, v, beta, learning_rate, average="course", step="v", sign=-1.0):
    """The course's momentum, or one of its mistakes: another average, a step on the gradient, the sign."""
    parameters, v = dict(parameters), dict(v)
    for key in list(parameters):
        dW = grads["d" + key]
        v["d" + key] = {"course": beta * v["d" + key] + (1 - beta) * dW, "no 1 - beta": beta * v["d" + key] + dW,
                        "swapped": (1 - beta) * v["d" + key] + beta * dW, "no memory": (1 - beta) * dW}[average]
        parameters[key] = parameters[key] + sign * learning_rate * (v["d" + key] if step == "v" else dW)
    return parameters, v


def _momentum_case(shapes, seed, beta, learning_rate):
    rng = np.random.default_rng(seed)
    return _arrays(rng, shapes), _arrays(rng, shapes, "d"), _state(rng, shapes, 0.5), beta, learning_rate


MOMENTUM = Exercise(
    name="update_parameters_with_momentum",
    signature="update_parameters_with_momentum(parameters, grads, v, beta, learning_rate) -> (parameters, v)",
    reference=update_parameters_with_momentum,
    cases=tuple(Case(f"{len(shapes) // 2} layers, a velocity under way, beta={beta}, learning_rate={rate}",
                     lambda shapes=shapes, seed=seed, beta=beta, rate=rate: _momentum_case(shapes, seed, beta, rate))
                for shapes, seed, beta, rate in zip(SHAPES, (7, 8, 9), (0.9, 0.5, 0.99), (0.01, 0.1, 0.05),
                                                    strict=True)),
    mistakes=(
        Mistake("the step along the gradient, not v", "momentum steps along the velocity: W = W - learning_rate * v",
                lambda *a: _momentum(*a, step="dW")),
        Mistake("(1 - beta) left out", "v is an average: v = beta * v + (1 - beta) * dW",
                lambda *a: _momentum(*a, average="no 1 - beta")),
        Mistake("beta and (1 - beta) swapped", "beta weighs the past velocity: v = beta * v + (1 - beta) * dW",
                lambda *a: _momentum(*a, average="swapped")),
        Mistake("the velocity forgotten", "v keeps beta times its old value: v = beta * v + (1 - beta) * dW",
                lambda *a: _momentum(*a, average="no memory")),
        Mistake("+ instead of -", "the step goes against the velocity: W = W - learning_rate * v",
                lambda *a: _momentum(*a, sign=1.0)),
    ),
    may_modify=True,
)

# ----------------------------------------------------------------------------- Adam


def _adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8, mistake=None):
    """The course's Adam step, or one of its mistakes; returns (parameters, v, s, v_corrected, s_corrected)."""
    parameters, v, s = dict(parameters), dict(v), dict(s)
    v_corrected, s_corrected = {}, {}
    power = {"t + 1": t + 1, "t = 2": 2}.get(mistake, t)
    for key in list(parameters):
        g = "d" + key
        dW = grads[g]
        v[g] = beta1 * v[g] + (1 - beta1) * dW
        s[g] = (beta1 * s[g] + (1 - beta1) * dW ** 2 if mistake == "beta1 in s" else
                beta2 * s[g] + (1 - beta2) * dW ** 2)
        bias_v = (1 - beta1) ** power if mistake == "(1 - beta) ** t" else 1 - beta1 ** power
        bias_s = {"(1 - beta) ** t": (1 - beta2) ** power, "beta1 in the correction of s": 1 - beta1 ** power}.get(
            mistake, 1 - beta2 ** power)
        v_corrected[g], s_corrected[g] = v[g] / bias_v, s[g] / bias_s
        numerator = v[g] if mistake == "v" else v_corrected[g]
        second = s[g] if mistake == "s" else s_corrected[g]
        denominator = {"inside": np.sqrt(second + epsilon), "no root": second + epsilon}.get(mistake,
                                                                                             np.sqrt(second) + epsilon)
        parameters[key] = parameters[key] - learning_rate * numerator / denominator
        if mistake == "written back":
            v[g], s[g] = v_corrected[g], s_corrected[g]
    if mistake == "swapped":
        return parameters, s, v, s_corrected, v_corrected
    if mistake == "v and s swapped":
        return parameters, s, v, v_corrected, s_corrected
    return parameters, v, s, v_corrected, s_corrected


def _adam_case(shapes, seed, t, learning_rate, beta1, beta2, epsilon):
    rng = np.random.default_rng(seed)
    size = {key: 1e-4 if key[0] == "b" else 1.0 for key in shapes}  # tiny bias gradients: epsilon's place shows
    grads = {"d" + key: size[key] * rng.standard_normal(shape) for key, shape in shapes.items()}
    v = {"d" + key: 0.1 * size[key] * rng.standard_normal(shape) for key, shape in shapes.items()}
    s = {"d" + key: 0.01 * size[key] ** 2 * rng.random(shape) for key, shape in shapes.items()}
    return _arrays(rng, shapes), grads, v, s, t, learning_rate, beta1, beta2, epsilon


def _three_or_five(expected, result):
    """The course's (parameters, v, s, v_corrected, s_corrected), or the older course's first three."""
    return expected[:3] if isinstance(result, tuple | list) and len(result) == 3 else expected


ADAM = Exercise(
    name="update_parameters_with_adam",
    signature="update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, "
              "epsilon=1e-8) -> (parameters, v, s, v_corrected, s_corrected)",
    reference=update_parameters_with_adam,
    cases=tuple(Case(f"{len(shapes) // 2} layers, t={t}, learning_rate={rate}, beta1={b1}, beta2={b2}, "
                     f"epsilon={eps:g}", lambda shapes=shapes, seed=seed, t=t, rate=rate, b1=b1, b2=b2, eps=eps:
                     _adam_case(shapes, seed, t, rate, b1, b2, eps))
                for shapes, seed, t, rate, b1, b2, eps in zip(SHAPES, (10, 11, 12), (1, 3, 10), (0.01, 0.02, 0.01),
                                                              (0.9, 0.8, 0.9), (0.999, 0.888, 0.99),
                                                              (1e-8, 1e-2, 1e-8), strict=True)),
    mistakes=(
        Mistake("s instead of s_corrected in the update", "the step divides by the corrected average: "
                "v_corrected / (np.sqrt(s_corrected) + epsilon)", lambda *a: _adam(*a, mistake="s")),
        Mistake("v instead of v_corrected in the update", "the step uses the corrected average: v_corrected / "
                "(np.sqrt(s_corrected) + epsilon)", lambda *a: _adam(*a, mistake="v")),
        Mistake("epsilon inside the square root", "epsilon guards the division and goes outside the root: "
                "np.sqrt(s_corrected) + epsilon", lambda *a: _adam(*a, mistake="inside")),
        Mistake("no square root", "Adam divides by the root of the average of the squares: np.sqrt(s_corrected)",
                lambda *a: _adam(*a, mistake="no root")),
        Mistake("beta1 in the update of s", "s averages the squared gradients with beta2: s = beta2 * s + "
                "(1 - beta2) * dW ** 2", lambda *a: _adam(*a, mistake="beta1 in s")),
        Mistake("beta1 in the correction of s", "s is corrected with its own coefficient: s / (1 - beta2 ** t)",
                lambda *a: _adam(*a, mistake="beta1 in the correction of s")),
        Mistake("(1 - beta) ** t instead of 1 - beta ** t", "the correction divides by 1 - beta1 ** t (and "
                "1 - beta2 ** t): the power applies to beta alone", lambda *a: _adam(*a, mistake="(1 - beta) ** t")),
        Mistake("t + 1 in the corrections", "t is already the number of this step, counted from 1: 1 - beta1 ** t",
                lambda *a: _adam(*a, mistake="t + 1")),
        Mistake("2 in place of t in the corrections", "the correction depends on the step: 1 - beta1 ** t. The "
                "course tests Adam at t = 2 only, where 2 gives the same numbers",
                lambda *a: _adam(*a, mistake="t = 2")),
        Mistake("the corrected averages written back into v and s", "v and s keep the uncorrected averages; "
                "v_corrected and s_corrected are new dicts", lambda *a: _adam(*a, mistake="written back")),
        Mistake("v and s returned in the wrong order", "the function returns parameters, v, s, v_corrected, "
                "s_corrected",
                (lambda *a: _adam(*a, mistake="swapped"), lambda *a: _adam(*a, mistake="v and s swapped"))),
    ),
    adapt=_three_or_five,
    may_modify=True,
)

# ----------------------------------------------------------------------------- learning-rate decay

UPDATE_LR = Exercise(
    name="update_lr",
    signature="update_lr(learning_rate0, epoch_num, decay_rate) -> learning_rate",
    reference=update_lr,
    cases=tuple(Case(f"learning_rate0={lr0}, epoch_num={epoch}, decay_rate={rate}",
                     lambda args=(lr0, epoch, rate): args)
                for lr0, epoch, rate in ((0.5, 2, 1.0), (0.1, 10, 0.3), (0.02, 7, 2.5))),
    mistakes=(
        Mistake("the order of operations", "Python reads learning_rate0 / 1 + decay_rate * epoch_num as "
                "(learning_rate0 / 1) + decay_rate * epoch_num: write learning_rate0 / (1 + decay_rate * epoch_num)",
                (lambda lr0, epoch, rate: lr0 / 1 + rate * epoch, lambda lr0, epoch, rate: 1 / 1 + rate * epoch * lr0)),
        Mistake("multiplying instead of dividing", "the rate shrinks: learning_rate0 / (1 + decay_rate * epoch_num)",
                lambda lr0, epoch, rate: lr0 * (1 + rate * epoch)),
        Mistake("exponential decay, decay_rate ** epoch_num", "update_lr is the lecture's first schedule, "
                "learning_rate0 / (1 + decay_rate * epoch_num); 0.95 ** epoch_num * learning_rate0 is another one",
                lambda lr0, epoch, rate: lr0 * rate ** epoch),
        Mistake("exp(-decay_rate * epoch_num)", "update_lr is learning_rate0 / (1 + decay_rate * epoch_num), not "
                "learning_rate0 * exp(-decay_rate * epoch_num)",
                lambda lr0, epoch, rate: lr0 * math.exp(-rate * epoch)),
    ),
)
