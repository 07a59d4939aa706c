"""Many models trained as one computation: ``model_batch``.

Experiments that report a mean and a spread over seeds, or sweep lambd or keep_prob,
train dozens of small networks. Stacking S networks along a leading axis, W[l] of shape
(S, n_l, n_{l-1}), lets every NumPy call work on all of them at once (the primitives of
``layers.py`` accept leading batch axes), and splitting the seeds over processes uses
every core. Each network of the batch is the one ``model`` would train with its seed: the
same initial weights, the same dropout masks, the same updates.
"""

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import NamedTuple

import numpy as np

from ._validation import (
    check_choice,
    check_count,
    check_flag,
    check_layer_dims,
    check_nonnegative,
    check_positive,
    check_probability,
    check_seed,
    check_sequence,
    check_X,
    check_Y,
)
from .initializers import get_initializer, initialize_parameters
from .train import COST_EVERY, _descent, _training_run, accuracy, dropout_rng


def _per_model(name, value, S, check):
    """One value, or a sequence of S values (one per network), each checked by ``check(name, value)``; a list."""
    if isinstance(value, (list, tuple, np.ndarray)):
        if len(value) != S:
            raise ValueError(f"{name} must be one value or a sequence of {S} values (one per seed), got {len(value)}")
        return [check(f"{name}[{i}]", v) for i, v in enumerate(value)]
    return [check(name, value)] * S


def _per_model_schemes(initialization, init_scale, S):
    """[(method, scale)] * S from one scheme or per-network sequences, each checked."""
    methods = _per_model("initialization", initialization, S, lambda name, method: method)
    scales = _per_model("init_scale", init_scale, S, lambda name, scale: scale)
    for i, (method, scale) in enumerate(zip(methods, scales, strict=True)):
        get_initializer(method, scale, scale_name=f"init_scale[{i}]" if isinstance(init_scale, list | tuple)
                        else "init_scale")
    return list(zip(methods, scales, strict=True))


def _per_model_data(X, Y, S):
    """X (n_x, m) shared or (S, n_x, m); Y (1, m) shared or (S, 1, m); checked."""
    X = check_X(X, ndim=(2, 3))
    if X.ndim == 3 and X.shape[0] != S:
        raise ValueError(f"X of shape (S, n_x, m) must have S = {S} (one data set per seed), got {X.shape}")
    Y = check_Y(Y, X.shape[-1], ndim=(2, 3))
    if Y.ndim == 3 and Y.shape[0] != S:
        raise ValueError(f"Y of shape (S, 1, m) must have S = {S} (one data set per seed), got {Y.shape}")
    return X, Y


def model_batch(X, Y, layer_dims, seeds, learning_rate=0.01, num_iterations=None, initialization="he",
                lambd=0.0, keep_prob=1.0, init_scale=None, n_jobs=1, cost_every=COST_EVERY, fixed_masks=False, *,
                optimizer="gd", mini_batch_size=None, num_epochs=None, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8,
                decay=None, decay_rate=1.0, shuffle_seed=10):
    """Train one network per seed, all in one batched computation (optionally over processes).

    Network s is exactly ``model(X_s, Y_s, layer_dims, ..., seed=seeds[s])``: initial weights
    from ``np.random.RandomState(seeds[s])``, dropout masks from ``dropout_rng(seeds[s])``, and,
    with mini-batches, the same shuffles as ``model`` (they depend on ``shuffle_seed`` and the epoch,
    not on the seed).

    Parameters
    ----------
    X : ndarray, shape (n_x, m) shared by all networks, or (S, n_x, m), one data set each
    Y : ndarray, shape (1, m) or (S, 1, m), labels 0 or 1
    layer_dims : list of int [n_x, n_1, ..., 1]
    seeds : sequence of S non-negative ints
    learning_rate : float > 0, or a sequence of S of them (one per network)
    num_iterations, num_epochs :
        As in ``model``: full-batch steps (default 15000), or passes over the training set.
    initialization : str, or a sequence of S of them (one scheme per network)
    init_scale : None or float, or a sequence of S of them (the std of each "random" network)
    lambd : float >= 0, or a sequence of S of them (one per network)
    keep_prob : float in (0, 1], or a sequence of S of them
    n_jobs : int >= 1
        Number of processes; the seeds are split between them. The result does not depend on it.
        The processes start the platform's default way: fork on Linux (forkserver from Python 3.14),
        spawn on macOS and Windows, where a script that calls this needs the usual
        ``if __name__ == "__main__":`` guard (notebooks do not).
    cost_every : int >= 1
        Record the costs every ``cost_every`` iterations, or epochs (the course: 1000).
    fixed_masks : bool
        As in ``model``: reuse iteration 0's dropout masks (the course's flaw, for comparison).
    optimizer, mini_batch_size, beta, beta1, beta2, epsilon, decay, decay_rate, shuffle_seed :
        As in ``model`` (keyword-only), the same for every network; ``decay`` is applied to each
        network's own learning rate.

    Returns
    -------
    parameters : list of S dicts "W1", "b1", ..., "WL", "bL"
    costs : ndarray, shape (S, k)
        Network s's cost at iterations (or epochs) 0, cost_every, 2 cost_every, ... (k = ceil(steps / cost_every)).

    Raises
    ------
    TrainingDiverged
        When a network's outputs overflow; the message names the network, its seed and the step.
    """
    seeds = [check_seed(f"seeds[{i}]", seed) for i, seed in enumerate(check_sequence("seeds", seeds, "ints"))]
    S = len(seeds)
    X, Y = _per_model_data(X, Y, S)
    layer_dims = check_layer_dims(layer_dims)
    if layer_dims[0] != X.shape[-2]:
        raise ValueError(f"layer_dims[0] must equal the number of features of X, {X.shape[-2]}, got {layer_dims[0]}")
    if layer_dims[-1] != 1:
        raise ValueError(f"layer_dims[-1] must be 1 (one sigmoid output for binary labels), got {layer_dims[-1]}")
    learning_rate = np.array(_per_model("learning_rate", learning_rate, S, check_positive))
    run = _training_run(1.0, num_iterations, num_epochs, cost_every, optimizer, mini_batch_size, beta, beta1, beta2,
                        epsilon, decay, decay_rate, shuffle_seed, check_flag("fixed_masks", fixed_masks))
    lambd = np.array(_per_model("lambd", lambd, S, check_nonnegative))
    keep_prob = np.array(_per_model("keep_prob", keep_prob, S, check_probability))
    n_jobs = min(check_count("n_jobs", n_jobs, minimum=1), S)
    schemes = _per_model_schemes(initialization, init_scale, S)

    chunks = [np.arange(S)[j::n_jobs] for j in range(n_jobs)]
    jobs = [(X[c] if X.ndim == 3 else X, Y[c] if Y.ndim == 3 else Y, layer_dims, [seeds[i] for i in c],
             [schemes[i] for i in c], learning_rate[c], lambd[c], keep_prob[c], run, fixed_masks,
             [f"network {i} (seed {seeds[i]})" for i in c]) for c in chunks]
    if n_jobs == 1:
        results = [_train_stack(*jobs[0])]
    else:
        with ProcessPoolExecutor(n_jobs, mp_context=get_context()) as pool:
            results = list(pool.map(_train_stack, *zip(*jobs, strict=True)))

    parameters, costs = [None] * S, [None] * S
    for chunk, (chunk_parameters, chunk_costs) in zip(chunks, results, strict=True):
        for j, i in enumerate(chunk):
            parameters[i], costs[i] = chunk_parameters[j], chunk_costs[j]
    return parameters, np.array(costs)


def _train_stack(X, Y, layer_dims, seeds, schemes, learning_rate, lambd, keep_prob, run, fixed_masks, labels):
    """Train the networks of ``seeds`` as one stack; returns (list of parameter dicts, costs (S, k)).

    ``labels`` names each network in the message of ``TrainingDiverged``."""
    L = len(layer_dims) - 1
    initial = [initialize_parameters(layer_dims, method, np.random.RandomState(seed), scale)
               for seed, (method, scale) in zip(seeds, schemes, strict=True)]
    layers = [(np.stack([p[f"W{l}"] for p in initial]), np.stack([p[f"b{l}"] for p in initial]))
              for l in range(1, L + 1)]
    dropout = bool(np.any(keep_prob < 1.0))
    costs = _descent(
        X, Y, layers, run._replace(learning_rate=learning_rate[:, None, None]),
        keep_prob=keep_prob[:, None, None] if dropout else 1.0,
        rng=[dropout_rng(seed) for seed in seeds] if dropout else None,
        lambd=lambd[:, None, None] if np.any(lambd > 0) else None,
        fixed_masks=fixed_masks,
        labels=labels,
    )
    parameters = [{f"{name}{l}": array[s].copy() for l, (W, b) in enumerate(layers, start=1)
                   for name, array in (("W", W), ("b", b))} for s in range(len(seeds))]
    return parameters, np.array(costs).reshape(len(costs), len(seeds)).T


SWEEPABLE = {"lambd": check_nonnegative, "keep_prob": check_probability, "learning_rate": check_positive}
"""The hyperparameters a sweep can vary within one stack of networks, with the check of their values."""


def sweep(X, Y, layer_dims, seeds, parameter, values, **settings):
    """Train one network per (seed, value) of a hyperparameter, all in one ``model_batch`` call.

    Parameters
    ----------
    X : ndarray, shape (n_x, m) shared, or (S, n_x, m) with one data set per seed
    Y : ndarray, shape (1, m) or (S, 1, m)
    layer_dims : list of int
    seeds : sequence of S ints
    parameter : {"lambd", "keep_prob", "learning_rate"}, the hyperparameter swept
    values : sequence of K values of it
    **settings : the other arguments of ``model_batch`` (learning_rate, num_iterations, optimizer, ...)

    Returns
    -------
    parameters : list of S lists of K parameter dicts; parameters[s][k] is seed s with values[k]
    costs : ndarray, shape (S, K, number of recorded costs)
    """
    seeds, parameter, values = _sweep_arguments(seeds, parameter, values, settings)
    S, K = len(seeds), len(values)
    X, Y = _per_model_data(X, Y, S)
    grid_X = np.repeat(X, K, axis=0) if X.ndim == 3 else X  # network s * K + k: seed s, value k
    grid_Y = np.repeat(Y, K, axis=0) if Y.ndim == 3 else Y
    parameters, costs = model_batch(grid_X, grid_Y, layer_dims, [seed for seed in seeds for _ in values],
                                    **{parameter: values * S}, **settings)
    return [parameters[s * K:(s + 1) * K] for s in range(S)], costs.reshape(S, K, -1)


def _sweep_arguments(seeds, parameter, values, settings):
    """The checked seeds, swept hyperparameter and its values of ``sweep`` and ``validation_curve``."""
    seeds = [check_seed(f"seeds[{i}]", seed) for i, seed in enumerate(check_sequence("seeds", seeds, "ints"))]
    parameter = check_choice("parameter", parameter, tuple(SWEEPABLE))
    if parameter in settings:
        raise ValueError(f"{parameter} is swept: give its values in values, not as a setting")
    check = SWEEPABLE[parameter]
    values = [check(f"values[{k}]", value) for k, value in enumerate(check_sequence("values", values, parameter))]
    return seeds, parameter, values


class ValidationCurve(NamedTuple):
    """One network per (seed, value) of a hyperparameter, scored on the examples it was fit on and on dev ones.

    Attributes
    ----------
    parameter : str, "lambd", "keep_prob" or "learning_rate"
    values : list of K values
    fit : ndarray, shape (S, K), accuracy of network (s, k) on the examples it was trained on
    dev : ndarray, shape (S, K), its accuracy on the held-out dev examples
    networks : list of S lists of K parameter dicts
    """

    parameter: str
    values: list
    fit: np.ndarray
    dev: np.ndarray
    networks: list

    @property
    def best(self):
        """The value with the highest mean dev accuracy over the seeds (the first one, on a tie)."""
        return self.values[int(np.argmax(self.dev.mean(axis=0)))]


def validation_curve(X, Y, layer_dims, seeds, parameter, values, dev_size, **settings):
    """A validation curve: train on all but the last ``dev_size`` examples, score on both parts.

    For every seed s and value k, the network ``sweep`` trains on the first m - dev_size columns of
    seed s's data (the fit set) is scored, by accuracy, on those and on the last dev_size columns (the
    dev set), which it never saw. Like scikit-learn's ``validation_curve``, with one fixed split
    per seed instead of cross-validation, and all the networks trained as one batched computation.

    Parameters
    ----------
    X : ndarray, shape (S, n_x, m) with one data set per seed, or (n_x, m) shared
    Y : ndarray, shape (S, 1, m) or (1, m)
    layer_dims : list of int
    seeds : sequence of S ints
    parameter : {"lambd", "keep_prob", "learning_rate"}
    values : sequence of K values of it
    dev_size : int, 1 <= dev_size < m, the examples held out at the end of each data set
    **settings : the other arguments of ``model_batch`` (learning_rate, num_iterations, ...)

    Returns
    -------
    ValidationCurve
    """
    seeds, parameter, values = _sweep_arguments(seeds, parameter, values, settings)
    X, Y = _per_model_data(X, Y, len(seeds))
    m = X.shape[-1]
    dev_size = check_count("dev_size", dev_size, minimum=1)
    if dev_size >= m:
        raise ValueError(f"dev_size must leave examples to fit on: below m = {m}, got {dev_size}")
    fit_X, fit_Y, dev_X, dev_Y = X[..., :-dev_size], Y[..., :-dev_size], X[..., -dev_size:], Y[..., -dev_size:]
    networks, _ = sweep(fit_X, fit_Y, layer_dims, seeds, parameter, values, **settings)

    def scores(X, Y):  # accuracy of network (s, k) on seed s's data
        return np.array([[accuracy(X[s] if X.ndim == 3 else X, Y[s] if Y.ndim == 3 else Y, p) for p in row]
                         for s, row in enumerate(networks)])
    return ValidationCurve(parameter, list(values), scores(fit_X, fit_Y), scores(dev_X, dev_Y), networks)
