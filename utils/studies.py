"""Studies of the optimizers (week 2): many training runs, one call each, summarized.

- ``train_runs``: several ``model`` runs (other optimizers, other schedules), trained together as stacks of
  ``model_batch`` wherever they share their mini-batches.
- ``compare_optimizers``: each optimizer over seeds of data and initialization and over a grid of
  learning rates (one ``model_batch`` call), scored on the training and the held-out
  test sets. Each optimizer's tuned learning rate is the one with the lowest mean final training
  cost: the optimizer's own objective, so that the test set plays no part in the choice.
- ``batch_size_study``: the same training with several mini-batch sizes: the cost curves, how often
  they rise, and the epochs, updates and seconds each size takes to reach a target cost.
"""

import inspect
import math
import re
import time
from typing import NamedTuple

import numpy as np

from ._validation import (
    _describe,
    _scalar,
    check_count,
    check_layer_dims,
    check_nonnegative,
    check_positive,
    check_sequence,
    check_X,
    check_Y,
)
from .batch import PER_NETWORK, SHARED_BY_A_STACK, model_batch, train_settings
from .diagnostics import iterations_to_reach, rising_steps
from .optimizers import OPTIMIZERS
from .parallel import check_n_jobs
from .train import model, score


def train_runs(X, Y, layer_dims, runs, n_jobs=1):
    """Train one network per run, each ``model(X, Y, layer_dims, **runs[label])``, bit for bit.

    Runs that share their schedule (the number of steps, the mini-batches, the recording interval, batch
    normalization) and differ in settings ``model_batch`` takes per network (learning rate, optimizer and its
    hyperparameters, decay, seed, initialization, lambd, keep_prob) are trained as one stack.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (n_L, m)
    layer_dims : list of int
    runs : dict {label: dict of the other arguments of ``model``}; a ``decay`` must be a function
        defined at module level (such as ``update_lr``), so that it can be sent to another process
    n_jobs : int >= 1, or "auto" (the idle cores), processes for each stack (the results do not depend on it)

    Returns
    -------
    results : dict {label: (parameters, costs)}, in the order of ``runs``, as ``model`` returns them
    """
    X, layer_dims = check_X(X), check_layer_dims(layer_dims)
    Y = check_Y(Y, X.shape[1], C=layer_dims[-1], source="layer_dims[-1]")
    if not isinstance(runs, dict) or not runs or not all(isinstance(kwargs, dict) for kwargs in runs.values()):
        raise TypeError(f"runs must be a non-empty dict {{label: dict of model's arguments}}, got {_describe(runs)}")
    n_jobs = check_n_jobs(n_jobs)
    settings = {label: _run_settings(label, X, Y, layer_dims, kwargs) for label, kwargs in runs.items()}
    stacks = {}
    for label, arguments in settings.items():
        shared = tuple(_scalar(arguments[name]) for name in SHARED_BY_A_STACK)
        stacks.setdefault(shared if not arguments["print_cost"] else label, []).append(label)
    results = {}
    for labels in stacks.values():
        results.update(_train_stacked(X, Y, layer_dims, {label: settings[label] for label in labels}, n_jobs))
    return {label: results[label] for label in runs}



def _run_settings(label, X, Y, layer_dims, kwargs):
    """Every argument of ``model`` for one run (defaults filled in), checked as ``model`` checks them."""
    try:
        arguments = inspect.signature(model).bind(X, Y, layer_dims, **kwargs)
        steps = "num_epochs" if arguments.arguments.get("num_epochs") is not None else "num_iterations"
        model(X, Y, layer_dims, **(kwargs | {steps: 0}))  # the checks, without training
    except (ValueError, TypeError, KeyError) as error:
        raise type(error)(f"runs[{label!r}]: {error}") from error
    arguments.apply_defaults()
    return {name: value for name, value in arguments.arguments.items() if name not in ("X", "Y", "layer_dims")}


def _train_stacked(X, Y, layer_dims, settings, n_jobs):
    """{label: (parameters, costs)} of runs that share ``SHARED_BY_A_STACK``: one ``model_batch`` stack, or, with
    print_cost, ``model`` itself. An error names the run by its label."""
    labels = list(settings)
    try:
        first = settings[labels[0]]
        if first["print_cost"]:
            return {label: model(X, Y, layer_dims, **arguments) for label, arguments in settings.items()}
        per_network = {name: [arguments[name] for arguments in settings.values()] for name in PER_NETWORK}
        per_network["seeds"] = [arguments["seed"] for arguments in settings.values()]
        networks, costs = model_batch(X, Y, layer_dims, **per_network, n_jobs=n_jobs,
                                      **{name: first[name] for name in SHARED_BY_A_STACK})
    except (ValueError, TypeError, KeyError) as error:  # "network 3 (seed 1)", "decay[3]": runs[labels[3]]
        message = re.sub(r"network (\d+) \(seed \d+\)", lambda match: f"runs[{labels[int(match[1])]!r}]",
                         str(error))
        message = re.sub(r"\b(\w+)\[(\d+)\]", lambda match: f"runs[{labels[int(match[2])]!r}]['{match[1]}']"
                         if match[1] in PER_NETWORK else match[0], message)
        if message == str(error):  # no network named: the run, or the runs of the stack
            message = f"runs[{labels[0]!r}]: {error}" if len(labels) == 1 else f"one of the runs {labels}: {error}"
        raise type(error)(message) from error
    return {label: (parameters, [float(cost) for cost in curve])
            for label, parameters, curve in zip(settings, networks, costs, strict=True)}


class OptimizerComparison(NamedTuple):
    """Every optimizer over S seeds and K learning rates (see ``compare_optimizers``).

    Attributes
    ----------
    optimizers : list of O names
    learning_rates : list of K floats
    costs : ndarray, shape (O, S, K, T), the recorded training costs of network (optimizer, seed, rate)
    train, test : ndarrays, shape (O, S, K), its accuracy on its seed's training and test sets (nan, and nan
        costs, for a network that diverged, with ``if_diverged="nan"``)
    networks : list (O) of lists (S) of lists (K) of parameter dicts (None for a network that diverged)
    """

    optimizers: list
    learning_rates: list
    costs: np.ndarray
    train: np.ndarray
    test: np.ndarray
    networks: list

    @property
    def final_costs(self):
        """The last recorded training cost of each network, shape (O, S, K)."""
        return self.costs[..., -1]

    def mean(self, score, optimizer, learning_rate):
        """The mean over the seeds of ``score`` ("final_costs", "train" or "test") for one optimizer and rate."""
        scores = {"final_costs": self.final_costs, "train": self.train, "test": self.test}
        if score not in scores:
            raise ValueError(f"score must be one of {list(scores)}, got {score!r}")
        if optimizer not in self.optimizers:
            raise ValueError(f"optimizer must be one of {self.optimizers}, got {optimizer!r}")
        if learning_rate not in self.learning_rates:
            raise ValueError(f"learning_rate must be one of {self.learning_rates}, got {learning_rate!r}")
        return float(scores[score][self.optimizers.index(optimizer), :,
                                   self.learning_rates.index(learning_rate)].mean())

    @property
    def tuned(self):
        """{optimizer: its learning rate with the lowest mean final training cost over the seeds}.

        A rate at which a seed diverged (``if_diverged="nan"``: a nan cost) is not a candidate; an optimizer that
        diverged at every rate gets None."""
        means = self.final_costs.mean(axis=1)
        return {name: None if np.isnan(row).all() else self.learning_rates[int(np.nanargmin(row))]
                for name, row in zip(self.optimizers, means, strict=True)}


def compare_optimizers(datasets, layer_dims, seeds, optimizers, learning_rates, **settings):
    """Train every optimizer at every learning rate on every seed's data; score each network.

    Network (o, s, k) is ``model(train_X_s, train_Y_s, layer_dims, learning_rates[k], seed=seeds[s],
    optimizer=optimizers[o], **settings)``, bit for bit; all of them are trained by one ``model_batch`` call (the
    optimizers share the stacks' forward and backward passes).

    Parameters
    ----------
    datasets : sequence of S tuples (train_X, train_Y, test_X, test_Y), one per seed (``load_moons(seed)``)
    layer_dims : list of int
    seeds : sequence of S ints, the initialization seeds
    optimizers : sequence of O names from "gd", "momentum", "rmsprop", "adam"
    learning_rates : sequence of K floats > 0
    **settings : the other arguments of ``model_batch`` (mini_batch_size, num_epochs, n_jobs, ...)

    Returns
    -------
    OptimizerComparison
    """
    datasets = check_sequence("datasets", datasets, "(train_X, train_Y, test_X, test_Y) tuples")
    if len(datasets) != len(check_sequence("seeds", seeds, "ints")):
        raise ValueError(f"datasets must hold one data set per seed: {len(seeds)} seeds, got {len(datasets)}")
    if not all(isinstance(data, tuple | list) and len(data) == 4 for data in datasets):
        raise TypeError("datasets must hold (train_X, train_Y, test_X, test_Y) tuples, as load_moons returns")
    learning_rates = [check_positive(f"learning_rates[{k}]", rate) for k, rate in
                      enumerate(check_sequence("learning_rates", learning_rates, "learning rates"))]
    optimizers = list(check_sequence("optimizers", optimizers, "optimizer names"))
    unknown = [name for name in optimizers if name not in OPTIMIZERS]
    if unknown:
        raise ValueError(f"optimizers must be among {list(OPTIMIZERS)}, got {unknown}")
    for name, argument in (("optimizer", "optimizers"), ("learning_rate", "learning_rates"), ("seeds", "seeds")):
        if name in settings:
            raise ValueError(f"{name} is part of the comparison's grid: give it in {argument}, not as a setting")
    X = np.stack([check_X(data[0], name=f"datasets[{s}][0]") for s, data in enumerate(datasets)])
    Y = np.stack([check_Y(data[1], X.shape[-1], name=f"datasets[{s}][1]") for s, data in enumerate(datasets)])
    if all(np.array_equal(X[0], other) for other in X[1:]) and all(np.array_equal(Y[0], other) for other in Y[1:]):
        X, Y = X[0], Y[0]  # one data set for every seed: shared by the stacks, not copied into each network
    S = len(seeds)
    trained = train_settings(X, Y, layer_dims, seeds, {(name, rate): {"optimizer": name, "learning_rate": rate}
                                                       for name in optimizers for rate in learning_rates},
                             **settings)  # an error names a network as settings[('adam', 0.1)] (seed 3)
    networks = [[[trained[name, rate][0][s] for rate in learning_rates] for s in range(S)] for name in optimizers]
    costs = np.array([[[trained[name, rate][1][s] for rate in learning_rates] for s in range(S)]
                      for name in optimizers])

    def scores(part):  # nan for a network that diverged (None, with if_diverged="nan")
        return np.array([[[score(data[part], data[part + 1], parameters) for parameters in row]
                          for data, row in zip(datasets, rows, strict=True)] for rows in networks])
    return OptimizerComparison(optimizers, learning_rates, costs, scores(0), scores(2), networks)


class BatchSizeStudy(NamedTuple):
    """The same network trained with several mini-batch sizes (see ``batch_size_study``).

    Attributes
    ----------
    sizes : list of the mini-batch sizes
    costs : ndarray, shape (len(sizes), num_epochs), the epoch costs
    target : float
    epochs : list, per size, the first epoch whose cost is at most ``target`` (None: never)
    updates : list, per size, the optimizer steps taken up to the end of that epoch (None: never)
    rises : list, per size, in how many epochs the cost went up
    seconds_per_epoch : list, per size, the measured time (this machine's)
    """

    sizes: list
    costs: np.ndarray
    target: float
    epochs: list
    updates: list
    rises: list
    seconds_per_epoch: list

    @property
    def seconds(self):
        """Per size, the measured seconds to the target (None: never), epochs times the time of one."""
        return [None if epoch is None else (epoch + 1) * per_epoch
                for epoch, per_epoch in zip(self.epochs, self.seconds_per_epoch, strict=True)]


def batch_size_study(X, Y, layer_dims, sizes, target, num_epochs, **settings):
    """Train the same network (same seed, same learning rate) with each mini-batch size, and time it.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m)
    layer_dims : list of int
    sizes : sequence of ints >= 1, the mini-batch sizes (m for full batch)
    target : float >= 0, the cost to reach
    num_epochs : int >= 1
    **settings : the other arguments of ``model`` (learning_rate, optimizer, seed, ...)

    Returns
    -------
    BatchSizeStudy
    """
    X, Y = check_X(X), check_Y(Y, np.shape(X)[-1])
    sizes = [check_count(f"sizes[{k}]", size, minimum=1) for k, size in
             enumerate(check_sequence("sizes", sizes, "mini-batch sizes"))]
    target = check_nonnegative("target", target)
    num_epochs = check_count("num_epochs", num_epochs, minimum=1)
    costs, seconds = [], []
    for size in sizes:
        start = time.perf_counter()
        costs.append(model(X, Y, layer_dims, mini_batch_size=size, num_epochs=num_epochs, cost_every=1,
                           **settings)[1])
        seconds.append((time.perf_counter() - start) / num_epochs)
    epochs = [iterations_to_reach(curve, target, every=1) for curve in costs]
    updates = [None if epoch is None else (epoch + 1) * math.ceil(X.shape[1] / size)
               for epoch, size in zip(epochs, sizes, strict=True)]
    return BatchSizeStudy(sizes, np.array(costs), target, epochs, updates,
                          [len(rising_steps(curve)) for curve in costs], seconds)
