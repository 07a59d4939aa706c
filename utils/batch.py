"""Many models trained as one computation: ``model_batch``.

Experiments that report a mean and a spread over seeds, or sweep lambd or keep_prob,
train dozens of small networks. Stacking S networks along a leading axis, W[l] of shape
(S, n_l, n_{l-1}), lets every NumPy call work on all of them at once (the primitives of
``layers.py`` accept leading batch axes): a call on a stack of small networks costs little more
than on one. Stacks are kept small enough to stay in a core's cache (``STACK_ELEMENTS``), and
splitting them over processes uses every core. Each network of the batch is the one ``model`` would
train with its seed: the same initial weights, the same dropout masks, the same updates.
"""

import inspect
import math
import pickle
import re
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import NamedTuple

import numpy as np

from ._validation import (
    _describe,
    check_between,
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
    layer_kinds,
)
from .initializers import get_initializer, initialize_parameters
from .layers import BATCHNORM_MOMENTUM
from .network import parameter_list, running_statistics
from .optimizers import OPTIMIZERS, check_beta
from .parallel import check_n_jobs
from .train import (
    COST_EVERY,
    _check_normalizable,
    _descent,
    _training_run,
    accuracy,
    check_decay,
    dropout_rng,
    used_hyperparameters,
)

PER_NETWORK = ("learning_rate", "initialization", "init_scale", "lambd", "keep_prob", "optimizer", "beta", "beta1",
               "beta2", "epsilon", "decay", "decay_rate")
"""The arguments of ``model_batch`` (and of ``model``) that take one value per network of a stack; the seeds too."""

SHARED_BY_A_STACK = ("num_iterations", "num_epochs", "mini_batch_size", "shuffle_seed", "cost_every", "fixed_masks",
                     "batch_norm", "batch_norm_momentum")
"""The arguments of ``model`` that the networks of one ``model_batch`` stack share."""


def _per_model(name, value, S, check):
    """One value, or a sequence of S values (one per network), each checked by ``check(name, value)``; a list.

    A 0-d array is one value."""
    if isinstance(value, (list, tuple)) or (isinstance(value, np.ndarray) and value.ndim > 0):
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


def _processes(n_jobs, S, decays):
    """The number of processes, checked (at most S). A schedule goes to the other processes pickled, which a lambda
    or a nested function cannot be: "auto" then trains in this process, a number asked for is an error."""
    processes = min(check_n_jobs(n_jobs), S)
    if processes > 1:
        for i, decay in enumerate(decays):
            try:
                pickle.dumps(decay)
            except (pickle.PicklingError, AttributeError, TypeError):
                if n_jobs == "auto":
                    return 1
                raise TypeError(f"decay{'' if len(set(map(id, decays))) == 1 else f'[{i}]'} must be a function "
                                f"defined at module level (such as update_lr) to be sent to the {processes} "
                                f"processes of n_jobs={n_jobs!r}, got {decay!r}: define it with def at module "
                                f"level, or give n_jobs=1") from None
    return processes


def _per_model_rules(optimizer, beta, beta1, beta2, epsilon, S):
    """[(optimizer, the hyperparameters it reads)] * S from one rule or per-network sequences, each checked."""
    optimizers = _per_model("optimizer", optimizer, S, lambda name, value: check_choice(name, value, tuple(OPTIMIZERS)))
    hyper = {name: _per_model(name, value, S, check) for name, value, check in
             (("beta", beta, check_beta), ("beta1", beta1, check_beta), ("beta2", beta2, check_beta),
              ("epsilon", epsilon, check_positive))}
    return [(name, used_hyperparameters(name, {key: values[i] for key, values in hyper.items()}))
            for i, name in enumerate(optimizers)]


def _per_model_data(X, Y, S, C=None):
    """X (n_x, m) shared or (S, n_x, m); Y (C, m) shared or (S, C, m), C = 1 for 0/1 labels; checked."""
    X = check_X(X, ndim=(2, 3))
    if X.ndim == 3 and X.shape[0] != S:
        raise ValueError(f"X of shape (S, n_x, m) must have S = {S} (one data set per seed), got {X.shape}")
    Y = check_Y(Y, X.shape[-1], ndim=(2, 3), C=C, source=None if C is None else "layer_dims[-1]")
    if Y.ndim == 3 and Y.shape[0] != S:
        raise ValueError(f"Y of shape (S, {Y.shape[1]}, m) must have S = {S} (one data set per seed), got {Y.shape}")
    return X, Y


def model_batch(X, Y, layer_dims, seeds, learning_rate=0.01, num_iterations=None, initialization="he",
                lambd=0.0, keep_prob=1.0, init_scale=None, n_jobs=1, cost_every=COST_EVERY, fixed_masks=False, *,
                optimizer="gd", mini_batch_size=None, num_epochs=None, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8,
                decay=None, decay_rate=1.0, shuffle_seed=10, batch_norm=False, batch_norm_momentum=BATCHNORM_MOMENTUM,
                if_diverged="raise"):
    """Train one network per seed, all in one batched computation (optionally over processes).

    Network s is exactly ``model(X_s, Y_s, layer_dims, ..., seed=seeds[s])``: initial weights
    from ``np.random.RandomState(seeds[s])``, dropout masks from ``dropout_rng(seeds[s])``, and,
    with mini-batches, the same shuffles as ``model`` (they depend on ``shuffle_seed`` and the epoch,
    not on the seed).

    Parameters
    ----------
    X : ndarray, shape (n_x, m) shared by all networks, or (S, n_x, m), one data set each
    Y : ndarray, shape (n_L, m) or (S, n_L, m): labels 0 or 1 (n_L = 1), or one-hot (n_L = C >= 2)
    layer_dims : list of int [n_x, n_1, ..., n_L]
    seeds : sequence of S non-negative ints
    learning_rate : float > 0, or a sequence of S of them (one per network)
    num_iterations, num_epochs :
        As in ``model``: full-batch steps (default 15000), or passes over the training set.
    initialization : str, or a sequence of S of them (one scheme per network)
    init_scale : None or float, or a sequence of S of them (the std of each "random" network)
    lambd : float >= 0, or a sequence of S of them (one per network)
    keep_prob : float in (0, 1], or a sequence of S of them
    n_jobs : int >= 1, or "auto"
        Number of processes; the seeds are split between them. The result does not depend on it. "auto": the
        cores idle at the moment of the call (``parallel.available_cores``).
        The processes start the platform's default way: fork on Linux (forkserver from Python 3.14),
        spawn on macOS and Windows, where a script that calls this needs the usual
        ``if __name__ == "__main__":`` guard (notebooks do not).
    cost_every : int >= 1
        Record the costs every ``cost_every`` iterations, or epochs (the course: 1000).
    fixed_masks : bool
        As in ``model``: reuse iteration 0's dropout masks (the course's flaw, for comparison).
    optimizer, beta, beta1, beta2, epsilon, decay, decay_rate :
        As in ``model`` (keyword-only): one value, or a sequence of S of them (one per network). Networks with
        different optimizers share the stack's forward and backward passes; each takes its own optimizer's
        step, and ``decay`` is applied to each network's own learning rate.
    mini_batch_size, shuffle_seed :
        As in ``model`` (keyword-only), the same for every network (they share their mini-batches).
    batch_norm, batch_norm_momentum :
        As in ``model`` (keyword-only): every hidden layer of every network batch-normalized, each network
        with its own running averages.
    if_diverged : {"raise", "nan"}, keyword-only
        What a network whose training diverges gives: ``TrainingDiverged`` for the whole call ("raise", as
        ``model``), or None in place of its parameters and nan for its costs ("nan", for studies that count
        the settings a network trains at); the other networks are trained exactly as they would be alone.

    Returns
    -------
    parameters : list of S dicts "W1", "b1", ..., "WL", "bL" (with ``batch_norm``, as ``model`` returns them);
        None for a network that diverged, with ``if_diverged="nan"``
    costs : ndarray, shape (S, k)
        Network s's cost at iterations (or epochs) 0, cost_every, 2 cost_every, ... (k = ceil(steps / cost_every)).

    Raises
    ------
    TrainingDiverged
        When a network's outputs overflow; the message names the network, its seed and the step.
    """
    seeds = [check_seed(f"seeds[{i}]", seed) for i, seed in enumerate(check_sequence("seeds", seeds, "ints"))]
    S = len(seeds)
    layer_dims = check_layer_dims(layer_dims)
    X, Y = _per_model_data(X, Y, S, C=layer_dims[-1])
    if layer_dims[0] != X.shape[-2]:
        raise ValueError(f"layer_dims[0] must equal the number of features of X, {X.shape[-2]}, got {layer_dims[0]}")
    learning_rate = np.array(_per_model("learning_rate", learning_rate, S, check_positive))
    rules = _per_model_rules(optimizer, beta, beta1, beta2, epsilon, S)
    decays = list(zip(_per_model("decay", decay, S, check_decay),
                      _per_model("decay_rate", decay_rate, S, check_nonnegative), strict=True))
    run = _training_run(1.0, num_iterations, num_epochs, cost_every, "gd", mini_batch_size, 0.9, 0.9, 0.999, 1e-8,
                        None, 1.0, shuffle_seed, check_flag("fixed_masks", fixed_masks))
    lambd = np.array(_per_model("lambd", lambd, S, check_nonnegative))
    keep_prob = np.array(_per_model("keep_prob", keep_prob, S, check_probability))
    n_jobs = _processes(n_jobs, S, [decay for decay, _ in decays])
    schemes = _per_model_schemes(initialization, init_scale, S)
    tolerate = check_choice("if_diverged", if_diverged, ("raise", "nan")) == "nan"
    normalization = None
    if check_flag("batch_norm", batch_norm):
        _check_normalizable(X.shape[-1], run.mini_batch_size, len(layer_dims))
        normalization = check_between("batch_norm_momentum", batch_norm_momentum, 0.0, 1.0)

    chunks = _stacks([(bool(keep_prob[i] < 1.0), rules.index(rules[i])) for i in range(S)],
                     max(layer_dims[1:]) * min(run.mini_batch_size or X.shape[-1], X.shape[-1]), n_jobs)
    jobs = [(X[c] if X.ndim == 3 else X, Y[c] if Y.ndim == 3 else Y, layer_dims, [seeds[i] for i in c],
             [schemes[i] for i in c], learning_rate[c], lambd[c], keep_prob[c],
             run._replace(optimizer=tuple(rules[i][0] for i in c), hyper=tuple(rules[i][1] for i in c),
                          decay=tuple(decays[i][0] for i in c), decay_rate=tuple(decays[i][1] for i in c)),
             fixed_masks, [f"network {i} (seed {seeds[i]})" for i in c], normalization, tolerate) for c in chunks]
    if n_jobs == 1:
        results = [_train_stack(*job) for job in jobs]
    else:
        with ProcessPoolExecutor(n_jobs, mp_context=get_context()) as pool:
            results = list(pool.map(_train_stack, *zip(*jobs, strict=True)))

    parameters, costs = [None] * S, [None] * S
    for chunk, (chunk_parameters, chunk_costs) in zip(chunks, results, strict=True):
        for j, i in enumerate(chunk):
            parameters[i], costs[i] = chunk_parameters[j], chunk_costs[j]
    return parameters, np.array(costs)


STACK_ELEMENTS = 2**16
"""The widest layer's activations of one stack hold at most this many numbers (512 KiB of float64), or one
network's: the temporaries of a training step then stay in a core's cache. Wider stacks gain nothing from
sharing NumPy's calls (their arithmetic dominates) and lose time to memory."""


def _stacks(kinds, width, n_jobs):
    """The networks cut into stacks: index arrays.

    Networks of another kind (``kinds[i]``: whether network i drops units, and its update rule) go to other
    stacks or, for the update rule, to another consecutive range of one stack; a stack holds at most
    STACK_ELEMENTS // ``width`` networks (one at least). The networks of each dropout kind are cut into at least
    ``n_jobs`` stacks when there are that many, so that every process gets a share of each kind (they differ in
    cost). A stack without dropout draws no masks at all.
    """
    order = sorted(range(len(kinds)), key=kinds.__getitem__)
    stacks = []
    for dropout in sorted({kind[0] for kind in kinds}):
        group = [i for i in order if kinds[i][0] == dropout]
        size = max(1, min(STACK_ELEMENTS // width, math.ceil(len(group) / n_jobs)))
        stacks += [np.array(group[start:start + size]) for start in range(0, len(group), size)]
    return stacks


def _train_stack(X, Y, layer_dims, seeds, schemes, learning_rate, lambd, keep_prob, run, fixed_masks, labels,
                 normalization=None, tolerate=False):
    """Train the networks of ``seeds`` as one stack; returns (list of parameter dicts, costs (S, k)).

    ``labels`` names each network in the message of ``TrainingDiverged``; ``normalization`` is None, or the
    momentum of the running averages of batch-normalized networks; with ``tolerate`` a network that diverges
    gives None and nan costs instead of an error."""
    initial = [initialize_parameters(layer_dims, method, np.random.RandomState(seed), scale, normalization is not None)
               for seed, (method, scale) in zip(seeds, schemes, strict=True)]
    layers = [tuple(np.stack(arrays) for arrays in zip(*layer, strict=True))
              for layer in zip(*(parameter_list(p) for p in initial), strict=True)]
    statistics = None
    if normalization is not None:
        statistics = [None if pairs[0] is None else tuple(np.stack(arrays) for arrays in zip(*pairs, strict=True))
                      for pairs in zip(*(running_statistics(p) for p in initial), strict=True)]
    dropout = bool(np.any(keep_prob < 1.0))
    diverged = np.zeros(len(seeds), bool) if tolerate else None
    costs = _descent(
        X, Y, layers, run._replace(learning_rate=learning_rate[:, None]),
        keep_prob=keep_prob[:, None, None] if dropout else 1.0,
        rng=[dropout_rng(seed) for seed in seeds] if dropout else None,
        lambd=lambd[:, None, None] if np.any(lambd > 0) else None,
        fixed_masks=fixed_masks,
        labels=labels,
        statistics=statistics,
        momentum=BATCHNORM_MOMENTUM if normalization is None else normalization,
        diverged=diverged,
    )
    parameters = [{f"{kind}{l}": array[s].copy() for l, layer in enumerate(layers, start=1)
                   for kind, array in zip(layer_kinds(layer), layer, strict=True)} for s in range(len(seeds))]
    for l, pair in enumerate(statistics or [], start=1):
        for s, network in enumerate(parameters):
            network[f"running_mean{l}"], network[f"running_var{l}"] = pair[0][s].copy(), pair[1][s].copy()
    costs = np.array(costs).reshape(len(costs), len(seeds)).T
    if tolerate:
        parameters = [None if failed else network for network, failed in zip(parameters, diverged, strict=True)]
        costs[diverged] = np.nan
    return parameters, costs


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


def train_settings(X, Y, layer_dims, seeds, settings, **common):
    """Train one network per (setting, seed), all in one ``model_batch`` call.

    Network (name, s) is ``model(X_s, Y_s, layer_dims, seed=seeds[s], **common, **settings[name])``, bit for bit:
    the settings are what differs between networks that a stack trains together (``PER_NETWORK``).

    Parameters
    ----------
    X : ndarray, shape (n_x, m) shared, or (S, n_x, m) with one data set per seed
    Y : ndarray, shape (n_L, m) or (S, n_L, m)
    layer_dims : list of int
    seeds : sequence of S ints
    settings : dict {name: dict of arguments}, each argument one of ``PER_NETWORK`` (learning_rate,
        initialization, init_scale, lambd, keep_prob, optimizer, beta, beta1, beta2, epsilon, decay, decay_rate);
        for example ``{"L2": {"lambd": 0.7}, "dropout": {"keep_prob": 0.86}}``
    **common : the other arguments of ``model_batch``, the same for every network (num_iterations, n_jobs, ...)

    Returns
    -------
    dict {name: (parameters, costs)}, in the order of ``settings``: parameters a list of S dicts (None for a
    network that diverged, with ``if_diverged="nan"``), costs an ndarray (S, number of recorded costs)
    """
    if not isinstance(settings, dict) or not settings or not all(isinstance(value, dict)
                                                                 for value in settings.values()):
        raise TypeError(f"settings must be a non-empty dict {{name: dict of model_batch's arguments}}, got "
                        f"{_describe(settings)}")
    for name, setting in settings.items():
        for key in setting:
            if key not in PER_NETWORK:
                raise ValueError(f"settings[{name!r}] may set only the arguments that differ between the networks of "
                                 f"a stack, {list(PER_NETWORK)}: give {key!r} once, as a common argument")
    seeds = [check_seed(f"seeds[{i}]", seed) for i, seed in enumerate(check_sequence("seeds", seeds, "ints"))]
    layer_dims = check_layer_dims(layer_dims)
    S, names = len(seeds), list(settings)
    X, Y = _per_model_data(X, Y, S, C=layer_dims[-1])
    defaults = inspect.signature(model_batch).parameters
    varied = {key: [setting.get(key, common.get(key, defaults[key].default)) for setting in settings.values()
                    for _ in seeds] for key in sorted({key for setting in settings.values() for key in setting})}
    shared = {key: value for key, value in common.items() if key not in varied}
    grid = (np.tile(X, (len(names), 1, 1)) if X.ndim == 3 else X, np.tile(Y, (len(names), 1, 1)) if Y.ndim == 3 else Y)
    try:  # network k S + s: setting k, seed s
        networks, costs = model_batch(*grid, layer_dims, seeds * len(names), **shared, **varied)
    except (ValueError, TypeError, KeyError) as error:  # "lambd[7]" is network 7's: settings[names[7 // S]]
        message = re.sub(r"\b(\w+)\[(\d+)\]", lambda match: f"settings[{names[int(match[2]) // S]!r}]['{match[1]}']"
                         if match[1] in varied else match[0], str(error))
        message = re.sub(r"network (\d+) \(seed (\d+)\)", lambda match: f"settings[{names[int(match[1]) // S]!r}] "
                         f"(seed {match[2]})", message)
        raise type(error)(message) from error
    return {name: (networks[k * S:(k + 1) * S], costs[k * S:(k + 1) * S]) for k, name in enumerate(names)}


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
