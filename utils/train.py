"""Training by full-batch gradient descent, prediction and accuracy."""

import numpy as np

from ._validation import (
    check_count,
    check_finite_result,
    check_flag,
    check_gradients,
    check_keep_prob,
    check_layer_dims,
    check_nonnegative,
    check_parameters,
    check_positive,
    check_seed,
    check_X,
    check_Y,
)
from .cost import _cross_entropy, _l2_penalty
from .initializers import get_initializer, initialize
from .network import _backward, _checked_forward, _forward, parameter_list

COST_EVERY = 1000
"""The cost is recorded at iteration 0 and every COST_EVERY iterations, as in the course."""


class TrainingDiverged(ValueError):
    """Training stopped because the network's outputs were no longer finite numbers.

    Each step was too large for the network: the activations or the weights overflowed (to inf,
    then nan). Raised by ``model`` and ``model_batch`` at the first such iteration, instead of
    returning nan weights. It is a ValueError: the learning rate (or the initial scale) given was
    out of the range this network can be trained with.
    """


def dropout_rng(seed):
    """The dropout-mask stream of ``model``: a Generator derived from ``seed``.

    It is independent of the initialization stream ``np.random.RandomState(seed)``, so
    turning dropout on does not change the initial weights.
    """
    return np.random.default_rng(np.random.SeedSequence(check_seed("seed", seed)).spawn(1)[0])


def update_parameters(parameters, grads, learning_rate):
    """One gradient-descent step: W[l] <- W[l] - learning_rate * dW[l], b[l] <- b[l] - learning_rate * db[l].

    Parameters
    ----------
    parameters : dict "W1", "b1", ..., "WL", "bL"
    grads : dict "dW1", "db1", ... with the same shapes (the course's "dA1", "dZ1", ... are ignored)
    learning_rate : float > 0

    Returns
    -------
    parameters : dict
        A new dictionary of new arrays; the arguments are left untouched.
    """
    parameters = check_parameters(parameters)
    grads = check_gradients(grads, parameters, name="grads")
    learning_rate = check_positive("learning_rate", learning_rate)
    with np.errstate(over="ignore", invalid="ignore"):
        updated = {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}
    for value in updated.values():
        check_finite_result("update_parameters", value, "learning_rate or grads are too large")
    return updated


def model(X, Y, layer_dims, learning_rate=0.01, num_iterations=15000, initialization="he",
          lambd=0.0, keep_prob=1.0, seed=3, print_cost=False, init_scale=None, cost_every=COST_EVERY,
          fixed_masks=False):
    """Train the L-layer network by full-batch gradient descent.

    Each iteration: forward pass (fresh dropout masks), cost, backward pass, update
    W[l] <- W[l] - learning_rate * dW[l] (and likewise b[l]).

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m), labels 0 or 1
    layer_dims : list of int [n_x, n_1, ..., n_{L-1}, 1]
    learning_rate : float > 0
    num_iterations : int >= 0
    initialization : {"zeros", "random", "he", "xavier", "glorot"}
    lambd : float >= 0, L2 regularization strength
    keep_prob : float in (0, 1], probability of keeping a hidden unit (1: no dropout)
    seed : int
        The initial weights are drawn from ``np.random.RandomState(seed)`` (the course's
        draws for seed 3); the dropout masks from ``dropout_rng(seed)``. The same seed gives
        bitwise identical parameters.
    print_cost : bool
        Print the cost whenever it is recorded.
    init_scale : float, optional
        Standard deviation of the "random" initialization (default 10).
    cost_every : int >= 1
        Record the cost every ``cost_every`` iterations (the course: 1000).
    fixed_masks : bool
        Reuse the dropout masks of iteration 0 at every iteration. This reproduces a flaw of the
        course, which re-seeds its generator inside the forward pass, so that it trains one fixed
        thinned network instead of doing dropout. For comparison only.

    Returns
    -------
    parameters : dict "W1", "b1", ..., "WL", "bL"
    costs : list of float
        The cost (L2 term included) at iterations 0, cost_every, 2 cost_every, ... (before that
        iteration's update).

    Raises
    ------
    TrainingDiverged
        A ValueError, when the outputs overflow: the message names the iteration and the learning rate.
    """
    X = check_X(X)
    Y = check_Y(Y, X.shape[1])
    layer_dims = check_layer_dims(layer_dims)
    if layer_dims[0] != X.shape[0]:
        raise ValueError(f"layer_dims[0] must equal the number of rows of X, {X.shape[0]}, got {layer_dims[0]}")
    if layer_dims[-1] != 1:
        raise ValueError(f"layer_dims[-1] must be 1 (one sigmoid output for binary labels), got {layer_dims[-1]}")
    learning_rate = check_positive("learning_rate", learning_rate)
    num_iterations = check_count("num_iterations", num_iterations)
    lambd = check_nonnegative("lambd", lambd)
    keep_prob = check_keep_prob(keep_prob)
    seed = check_seed("seed", seed)
    print_cost = check_flag("print_cost", print_cost)
    cost_every = check_count("cost_every", cost_every, minimum=1)
    fixed_masks = check_flag("fixed_masks", fixed_masks)

    initializer = get_initializer(initialization, init_scale, scale_name="init_scale")
    parameters = initialize(layer_dims, initializer, np.random.RandomState(seed))
    rng = dropout_rng(seed) if keep_prob < 1.0 else None
    costs = _gradient_descent(X, Y, parameter_list(parameters), learning_rate,
                              num_iterations, keep_prob, rng, lambd if lambd > 0 else None, print_cost, cost_every,
                              fixed_masks)
    return parameters, [float(cost) for cost in costs]


def _gradient_descent(X, Y, layers, learning_rate, num_iterations, keep_prob=1.0, rng=None, lambd=None,
                      print_cost=False, cost_every=COST_EVERY, fixed_masks=False, labels=None):
    """The training loop shared by ``model`` and ``model_batch`` (no argument checks).

    Updates the arrays of ``layers`` = [(W1, b1), ...] in place (the callers own them) and
    returns the costs recorded at iterations 0, cost_every, 2 cost_every, ...
    Dropout is on when ``rng`` is given (with ``fixed_masks``, its first masks serve every
    iteration); ``lambd`` None means no L2 term. Raises ``TrainingDiverged`` at the first
    iteration whose output logits are not finite; ``labels`` names the networks of a stack in
    that message (``model_batch`` passes "network 1 (seed 4)" and so on).
    """
    m = X.shape[-1]
    costs, masks = [], None
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is caught below, with a clear message
        for i in range(num_iterations):
            AL, cache = _forward(X, layers, keep_prob, None if masks else rng, masks)
            if not np.isfinite(cache.ZL).all():
                _diverged([cache.ZL], i, learning_rate, lambd, labels)
            if fixed_masks and rng is not None:
                masks = cache.masks
            if i % cost_every == 0:
                cost = _cross_entropy(cache.ZL, Y)
                if lambd is not None:
                    cost = cost + _l2_penalty([W for W, _ in layers], lambd, m)
                costs.append(cost)
                if print_cost:
                    print(f"Cost after iteration {i}: {cost}")
            for (W, b), (dW, db) in zip(layers, _backward(Y, cache, lambd), strict=True):
                W -= learning_rate * dW
                b -= learning_rate * db
    parameters = [array for layer in layers for array in layer]
    if not all(np.isfinite(array).all() for array in parameters):  # the last update's result
        _diverged(parameters, num_iterations, learning_rate, lambd, labels)
    return costs


def _diverged(arrays, iteration, learning_rate, lambd=None, labels=None):
    """Raise ``TrainingDiverged`` for the networks whose arrays (..., n, k) hold a non-finite entry.

    The arrays are the logits during training, the parameters after the last update; the leading axes
    of a stack index its networks, named by ``labels``.
    """
    finite = np.logical_and.reduce([np.isfinite(array).all(axis=(-2, -1)) for array in arrays])
    which = ""
    if labels is not None:
        which = " for " + ", ".join(label for label, ok in zip(labels, np.ravel(finite), strict=True) if not ok)
    smaller = f"a smaller learning_rate (it is {learning_rate:g}), "
    if lambd is not None:
        smaller += f"a smaller lambd (it is {float(np.max(lambd)):g}{' at most' if np.size(lambd) > 1 else ''}), "
    raise TrainingDiverged(
        f"training diverged at iteration {iteration}{which}: the network's outputs are no longer finite numbers "
        f"(the activations or the weights overflowed). The steps are too large for this network: try {smaller}"
        f"or smaller initial weights.")


def predict(X, parameters):
    """Predicted labels: 1 where the output probability A[L] > 0.5, else 0 (no dropout).

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    parameters : dict "W1", "b1", ..., "WL", "bL"

    Returns
    -------
    predictions : ndarray of int, shape (1, m)
    """
    X = check_X(X)
    parameters = check_parameters(parameters, n_x=X.shape[0])
    AL, _ = _checked_forward(X, parameter_list(parameters))
    return (AL > 0.5).astype(int)


def accuracy(X, Y, parameters):
    """Fraction of examples whose predicted label equals Y: mean(predict(X) == Y).

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m), labels 0 or 1
    parameters : dict "W1", "b1", ...

    Returns
    -------
    accuracy : float in [0, 1]
    """
    predictions = predict(X, parameters)
    Y = check_Y(Y, predictions.shape[1])
    return float(np.mean(predictions == Y))
