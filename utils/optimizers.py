"""Optimizers: how a gradient becomes a step, and the state each one keeps between steps (week 2).

For every parameter W with gradient dW (the same for each b with db):

- gradient descent:  W <- W - alpha dW
- momentum:          v <- beta v + (1 - beta) dW,                  W <- W - alpha v
- RMSprop:           s <- beta2 s + (1 - beta2) dW^2,              W <- W - alpha dW / (sqrt(s) + epsilon)
- Adam:              v <- beta1 v + (1 - beta1) dW,   s <- beta2 s + (1 - beta2) dW^2,
                     W <- W - alpha v_hat / (sqrt(s_hat) + epsilon),
                     v_hat = v / (1 - beta1^t),  s_hat = s / (1 - beta2^t),  t = 1, 2, ... the steps taken

v is an exponentially weighted average of the gradients (it smooths the zigzag across a narrow valley);
s one of their squares (it divides each coordinate's step by its typical size). Both start at 0, so
their first values are too small by the factors 1 - beta^t, which Adam's bias correction undoes;
RMSprop, as usually written, does not correct.

The course's functions keep their names and signatures: ``initialize_velocity`` / ``initialize_adam``
(and ``initialize_rmsprop``) build the state as dicts of zeros keyed like the gradients ("dW1",
"db1", ...), and ``update_parameters_with_*`` return new parameters and the new state. Nothing is
written into the arguments. The rules work entry by entry, so they take any dict of arrays "W1", "b1", ...
with gradients of the same shapes, one network or not (the course's tests pass such dicts). Training
(``model``) applies the very same rules, through ``OPTIMIZERS``, to its own arrays in place.

Learning-rate schedules, applied between epochs: ``update_lr`` (alpha0 / (1 + decay_rate epoch)) and
``schedule_lr_decay`` (the same, counted in steps of ``time_interval`` epochs).
"""

import numpy as np

from ._validation import (
    check_between,
    check_count,
    check_finite_result,
    check_gradients,
    check_nonnegative,
    check_parameter_arrays,
    check_positive,
    trainable,
)

# ----------------------------------------------------------------------------- the rules, in place
#
# A step writes the new parameters and state into their arrays, and uses the gradients' arrays as scratch
# (the caller hands over gradients it no longer needs): a step of a stack of networks touches megabytes, and
# each temporary avoided is a pass over memory saved. The arithmetic is the formula's, operation for operation.


def _gd_step(params, grads, state, learning_rate, t, hyper):
    """W <- W - alpha dW."""
    for W, dW in zip(params, grads, strict=True):
        dW *= learning_rate
        W -= dW


def _momentum_step(params, grads, state, learning_rate, t, hyper):
    """v <- beta v + (1 - beta) dW, then W <- W - alpha v."""
    beta = hyper["beta"]
    for W, dW, v in zip(params, grads, state[0], strict=True):
        v *= beta
        dW *= 1 - beta
        v += dW
        np.multiply(v, learning_rate, out=dW)
        W -= dW


def _rmsprop_step(params, grads, state, learning_rate, t, hyper):
    """s <- beta2 s + (1 - beta2) dW^2, then W <- W - alpha dW / (sqrt(s) + epsilon)."""
    beta2, epsilon = hyper["beta2"], hyper["epsilon"]
    for W, dW, s in zip(params, grads, state[0], strict=True):
        square = np.square(dW)
        square *= 1 - beta2
        s *= beta2
        s += square
        denominator = np.sqrt(s, out=square)
        denominator += epsilon
        dW *= learning_rate
        dW /= denominator
        W -= dW


def _adam_step(params, grads, state, learning_rate, t, hyper):
    """Adam's update (see the module docstring); returns the bias-corrected moments [(v_hat, s_hat)], one per W."""
    beta1, beta2, epsilon = hyper["beta1"], hyper["beta2"], hyper["epsilon"]
    corrected = []
    for W, dW, v, s in zip(params, grads, state[0], state[1], strict=True):
        v *= beta1
        v += (1 - beta1) * dW
        s *= beta2
        squared = np.square(dW, out=dW)
        squared *= 1 - beta2
        s += squared
        v_corrected = v / (1 - beta1 ** t)
        s_corrected = s / (1 - beta2 ** t)
        denominator = np.sqrt(s_corrected, out=squared)
        denominator += epsilon
        np.divide(learning_rate * v_corrected, denominator, out=denominator)
        W -= denominator
        corrected.append((v_corrected, s_corrected))
    return corrected


OPTIMIZERS = {
    "gd": (_gd_step, ()),
    "momentum": (_momentum_step, ("v",)),
    "rmsprop": (_rmsprop_step, ("s",)),
    "adam": (_adam_step, ("v", "s")),
}
"""name: (step function, names of its state). A step updates every parameter array and its state arrays in
place, and overwrites the gradients' arrays: step(params, grads, state, learning_rate, t, hyper), with lists
params and grads (the same order), state a list holding, per name, the list of that state's arrays, and t the
number of the step (1 first)."""


HYPERPARAMETERS = {"gd": (), "momentum": ("beta",), "rmsprop": ("beta2", "epsilon"),
                   "adam": ("beta1", "beta2", "epsilon")}
"""The hyperparameters each optimizer's step reads."""


def optimizer_hyperparameters(beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """The checked hyperparameters of the optimizers, as a dict: beta, beta1, beta2 in [0, 1), epsilon > 0."""
    return {"beta": check_beta("beta", beta), "beta1": check_beta("beta1", beta1),
            "beta2": check_beta("beta2", beta2), "epsilon": check_positive("epsilon", epsilon)}


def check_beta(name, value):
    """An averaging coefficient: 0 <= beta < 1 (beta = 1 would never move the average)."""
    value = check_between(name, value, 0.0, 1.0)
    if value == 1.0:
        raise ValueError(f"{name} must be < 1: an average with {name} = 1 never moves, got 1.0")
    return value


# ----------------------------------------------------------------------------- the course's functions


def _zeros_like_gradients(parameters):
    parameters = check_parameter_arrays(parameters)
    return {"d" + key: np.zeros_like(parameters[key]) for key in trainable(parameters)}


def initialize_velocity(parameters):
    """Momentum's state: v["dW1"], v["db1"], ... zeros shaped like W1, b1, ...

    Parameters
    ----------
    parameters : dict "W1", "b1", ..., "WL", "bL"; W[l] (n_l, n_{l-1}), b[l] (n_l, 1)

    Returns
    -------
    v : dict "dW1", "db1", ..., "dWL", "dbL" of zeros
    """
    return _zeros_like_gradients(parameters)


def initialize_rmsprop(parameters):
    """RMSprop's state: s["dW1"], s["db1"], ... zeros shaped like W1, b1, ... (see ``initialize_velocity``)."""
    return _zeros_like_gradients(parameters)


def initialize_adam(parameters):
    """Adam's state: v and s, each a dict "dW1", "db1", ... of zeros shaped like W1, b1, ...

    Returns
    -------
    v : dict, the average of the gradients
    s : dict, the average of their squares
    """
    return _zeros_like_gradients(parameters), _zeros_like_gradients(parameters)


def _update(rule, parameters, grads, states, learning_rate, t, hyper, what):
    """Apply ``rule`` to copies of the parameters and states; return (parameters, states, extras per key).

    ``what`` names the public function in the message of an overflow."""
    parameters = {key: value.copy() for key, value in check_parameter_arrays(parameters).items()}
    grads = {key: value.copy() for key, value in check_gradients(grads, parameters, name="grads").items()}
    states = [{key: value.copy() for key, value in check_gradients(state, parameters, name=name).items()}
              for name, state in states]
    learning_rate = check_positive("learning_rate", learning_rate)
    keys = trainable(parameters)  # batch normalization's running averages are not trained: kept as they are
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        extras = rule([parameters[key] for key in keys], [grads["d" + key] for key in keys],
                      [[state["d" + key] for key in keys] for state in states], learning_rate, t, hyper)
    extras = dict(zip(["d" + key for key in keys], extras or [None] * len(keys), strict=True))
    for key, value in parameters.items():
        check_finite_result(what, value, f"learning_rate or grads are too large ({key} overflowed)")
    return parameters, states, extras


def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of gradient descent: W[l] <- W[l] - learning_rate dW[l], b[l] <- b[l] - learning_rate db[l].

    Parameters
    ----------
    parameters : dict "W1", "b1", ..., "WL", "bL"
    grads : dict "dW1", "db1", ... with the same shapes (the course's "dA1", "dZ1", ... are ignored)
    learning_rate : float > 0

    Returns
    -------
    parameters : dict, new arrays; the arguments are left untouched
    """
    parameters, _, _ = _update(_gd_step, parameters, grads, [], learning_rate, 1, {}, "update_parameters_with_gd")
    return parameters


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One step of momentum: v <- beta v + (1 - beta) dW, W <- W - learning_rate v (each W and b).

    Parameters
    ----------
    parameters : dict "W1", "b1", ...
    grads : dict "dW1", "db1", ... shaped like the parameters
    v : dict "dW1", "db1", ..., the velocity (``initialize_velocity`` at the start)
    beta : float in [0, 1), how much of the past velocity is kept (0 is plain gradient descent)
    learning_rate : float > 0

    Returns
    -------
    parameters : dict, new arrays
    v : dict, the new velocity
    """
    hyper = {"beta": check_beta("beta", beta)}
    parameters, (v,), _ = _update(_momentum_step, parameters, grads, [("v", v)], learning_rate, 1, hyper,
                                 "update_parameters_with_momentum")
    return parameters, v


def update_parameters_with_rmsprop(parameters, grads, s, learning_rate, beta2=0.999, epsilon=1e-8):
    """One step of RMSprop: s <- beta2 s + (1 - beta2) dW^2, W <- W - learning_rate dW / (sqrt(s) + epsilon).

    Parameters
    ----------
    parameters : dict "W1", "b1", ...
    grads : dict "dW1", "db1", ...
    s : dict "dW1", "db1", ..., the average of the squared gradients (``initialize_rmsprop`` at the start)
    learning_rate : float > 0
    beta2 : float in [0, 1)
    epsilon : float > 0, keeps the division away from 0

    Returns
    -------
    parameters : dict, new arrays
    s : dict, the new average of the squares
    """
    hyper = {"beta2": check_beta("beta2", beta2), "epsilon": check_positive("epsilon", epsilon)}
    parameters, (s,), _ = _update(_rmsprop_step, parameters, grads, [("s", s)], learning_rate, 1, hyper,
                                 "update_parameters_with_rmsprop")
    return parameters, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    """One step of Adam (see the module docstring for the formulas).

    Parameters
    ----------
    parameters : dict "W1", "b1", ...
    grads : dict "dW1", "db1", ...
    v, s : dicts "dW1", "db1", ..., the moving averages of the gradients and of their squares
    t : int >= 1, the number of this step counted from 1 over the whole run (mini-batches, not epochs)
    learning_rate : float > 0
    beta1, beta2 : floats in [0, 1)
    epsilon : float > 0, added outside the square root

    Returns
    -------
    parameters : dict, new arrays
    v, s : dicts, the new averages
    v_corrected, s_corrected : dicts, v / (1 - beta1^t) and s / (1 - beta2^t)
    """
    t = check_count("t", t, minimum=1)
    hyper = {"beta1": check_beta("beta1", beta1), "beta2": check_beta("beta2", beta2),
             "epsilon": check_positive("epsilon", epsilon)}
    parameters, (v, s), corrected = _update(_adam_step, parameters, grads, [("v", v), ("s", s)], learning_rate, t,
                                            hyper, "update_parameters_with_adam")
    return (parameters, v, s, {key: pair[0] for key, pair in corrected.items()},
            {key: pair[1] for key, pair in corrected.items()})


# ----------------------------------------------------------------------------- learning-rate schedules


def update_lr(learning_rate0, epoch_num, decay_rate):
    """The learning rate after epoch ``epoch_num``: learning_rate0 / (1 + decay_rate epoch_num).

    Applied after every epoch it shrinks like 1 / epoch: by epoch 100 the step is a hundredth of
    the first, long before a network of the course's size has learned anything.

    Parameters
    ----------
    learning_rate0 : float > 0
    epoch_num : int >= 0
    decay_rate : float >= 0

    Returns
    -------
    learning_rate : float
    """
    learning_rate0 = check_positive("learning_rate0", learning_rate0)
    epoch_num = check_count("epoch_num", epoch_num)
    decay_rate = check_nonnegative("decay_rate", decay_rate)
    return learning_rate0 / (1 + decay_rate * epoch_num)


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """The learning rate after epoch ``epoch_num``, lowered once every ``time_interval`` epochs.

        learning_rate = learning_rate0 / (1 + decay_rate floor(epoch_num / time_interval)),

    ``update_lr`` counted in intervals of ``time_interval`` epochs instead of epochs.

    Parameters
    ----------
    learning_rate0 : float > 0
    epoch_num : int >= 0
    decay_rate : float >= 0
    time_interval : int >= 1, the epochs between two decreases

    Returns
    -------
    learning_rate : float
    """
    time_interval = check_count("time_interval", time_interval, minimum=1)
    return update_lr(learning_rate0, check_count("epoch_num", epoch_num) // time_interval, decay_rate)
