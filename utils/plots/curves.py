"""Curves of training: cost curves, validation curves and sweeps over a hyperparameter, learning-rate schedules."""

import itertools
import warnings

import numpy as np

from .._validation import (
    check_array,
    check_choice,
    check_count,
    check_flag,
    check_nonnegative,
    check_real,
)
from ..train import COST_EVERY
from .style import (
    _axes,
    _check_legend,
    _colors,
    _legend,
)

UNITS = {"iteration": "iteration (gradient-descent steps)", "epoch": "epoch (passes over the training set)"}
LINE_STYLES = ("-", "--", "-.", ":")  # with the colours: curves that lie on top of each other stay visible


# ----------------------------------------------------------------------------- curves


def plot_costs(curves, ax=None, title="Cost during training", log=False, every=COST_EVERY, legend="best",
               unit="iteration"):
    """Cost curves, one colour per label, against the iteration (or epoch) at which each cost was recorded.

    Parameters
    ----------
    curves : dict {label: costs}
        costs of shape (k,): one curve; of shape (S, k): one thin line per seed, all of the label's
        colour. Costs are recorded at iterations 0, every, 2 every, ...
    ax : matplotlib Axes, optional
    title : str
    log : bool, logarithmic cost axis
    every : int, iterations between two recorded costs (1000 in ``model``)
    legend : str, the legend's location inside the axes, or "outside" (to the right of the axes)
    unit : {"iteration", "epoch"}, what ``every`` counts: full-batch steps (week 1) or passes over the
        training set in mini-batches (week 2)

    Returns
    -------
    ax : matplotlib Axes
    """
    if not isinstance(curves, dict) or not curves:
        raise TypeError(f"curves must be a non-empty dict {{label: costs}}, got {type(curves).__name__}")
    unit = check_choice("unit", unit, tuple(UNITS))
    curves = {label: check_array(f"curves[{label!r}]", costs, ndim=(1, 2)) for label, costs in curves.items()}
    every, log, legend = check_count("every", every, minimum=1), check_flag("log", log), _check_legend(legend)
    if log and any(np.any(costs <= 0) for costs in curves.values()):
        raise ValueError("curves must hold positive costs to be drawn on a log scale (log=True)")
    ax = _axes(ax)
    for (label, costs), color, style in zip(curves.items(), itertools.cycle(_colors()), itertools.cycle(LINE_STYLES)):
        iterations = np.arange(costs.shape[-1]) * every
        if costs.ndim == 1:
            ax.plot(iterations, costs, marker="o", markersize=3, color=color, linestyle=style, label=label)
        else:
            lines = ax.plot(iterations, costs.T, linewidth=1.2, alpha=0.8, color=color, linestyle=style)
            lines[0].set_label(f"{label} ({costs.shape[0]} seeds)")
    ax.set(title=title, xlabel=UNITS[unit], ylabel="cost J (cross-entropy, nats" + (", log scale)" if log else ")"))
    if log:
        ax.set_yscale("log")
    _legend(ax, legend)
    return ax




def plot_sweep(values, curves, ax=None, title="Validation curve", xlabel="hyperparameter", ylabel="accuracy",
               log_x=True, log_y=False, best=None, legend="best", spread="std"):
    """The mean over seeds of one or more scores against a hyperparameter, with their spread.

    Parameters
    ----------
    values : sequence of K numbers, the hyperparameter values
    curves : dict {label: array (S, K)}, S seeds per value; drawn as the mean with a +-1 std band. A seed
        whose run failed (nan) is left out of its value's mean and spread; a value with no finite seed has no point
    ax : matplotlib Axes, optional
    title, xlabel, ylabel : str
    log_x, log_y : bool, logarithmic axes
    best : number, optional; marked with a vertical line (the chosen value)
    legend : str, the legend's location inside the axes, "outside" (to the right), or None (no legend:
        a figure of several panels shares one)
    spread : {"std", "seeds"}, a band of +-1 standard deviation around the mean, or every seed's score as a
        dot (which shows a single failed seed as what it is, where a band would widen everywhere)

    Returns
    -------
    ax : matplotlib Axes
    """
    values = check_array("values", values, ndim=1)
    spread = check_choice("spread", spread, ("std", "seeds"))
    if not isinstance(curves, dict) or not curves:
        raise TypeError(f"curves must be a non-empty dict {{label: scores (S, K)}}, got {type(curves).__name__}")
    log_x, log_y = check_flag("log_x", log_x), check_flag("log_y", log_y)
    if log_x and np.any(values <= 0):
        raise ValueError("values must be positive to be drawn on a log scale (log_x=True)")
    best = None if best is None else check_real("best", best)
    legend = None if legend is None else _check_legend(legend)
    ax = _axes(ax, figsize=(6, 4))
    for (label, scores), style in zip(curves.items(), itertools.cycle(LINE_STYLES)):
        scores = check_array(f"curves[{label!r}]", scores, allow_nan=True)
        if scores.shape[1] != values.size:
            raise ValueError(f"curves[{label!r}] must have shape (seeds, {values.size}), got {scores.shape}")
        mean, std = _finite_mean_and_std(scores)
        line, = ax.plot(values, mean, marker="o", markersize=4, linestyle=style,
                        label=f"{label}, mean of {scores.shape[0]} seeds")
        if spread == "std":
            ax.fill_between(values, mean - std, mean + std, color=line.get_color(), alpha=0.2)
        else:
            ax.scatter(np.broadcast_to(values, scores.shape), scores, s=12, color=line.get_color(), alpha=0.45,
                       linewidths=0)
    if spread == "std":
        ax.fill_between([], [], color="gray", alpha=0.3, label=f"band: ±1 std over the {scores.shape[0]} seeds")
    else:
        ax.scatter([], [], s=12, color="gray", alpha=0.6, label="dots: each seed")
    if best is not None:
        ax.axvline(best, color="k", linestyle="--", linewidth=1, label="value chosen on dev")
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    if log_x:
        ax.set_xscale("log")
    if log_y:
        ax.set_yscale("log")
    if legend:
        _legend(ax, legend)
    return ax


def _finite_mean_and_std(scores):
    """Mean and standard deviation over axis 0 of the non-nan entries of (S, K) scores; nan where all are nan."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy's "mean of empty slice": that value gets nan
        return np.nanmean(scores, axis=0), np.nanstd(scores, axis=0)


def plot_learning_rate_schedules(schedules, learning_rate0, num_epochs, decay_rate=1.0, ax=None,
                                 title="Learning rate after each epoch"):
    """The learning rate that each schedule gives after every epoch, on a log axis.

    Parameters
    ----------
    schedules : dict {label: schedule}, a schedule f(learning_rate0, epoch_num, decay_rate) such as
        ``update_lr`` or ``schedule_lr_decay`` (the functions ``model`` uses), or None for a constant rate
    learning_rate0 : float > 0
    num_epochs : int >= 1
    decay_rate : float >= 0
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    if not isinstance(schedules, dict) or not schedules or not all(f is None or callable(f)
                                                                   for f in schedules.values()):
        raise TypeError(f"schedules must be a non-empty dict {{label: schedule or None}}, got {schedules!r:.80}")
    learning_rate0 = check_real("learning_rate0", learning_rate0)
    if learning_rate0 <= 0:
        raise ValueError(f"learning_rate0 must be > 0, got {learning_rate0:g}")
    num_epochs, decay_rate = check_count("num_epochs", num_epochs, minimum=1), check_nonnegative("decay_rate",
                                                                                                 decay_rate)
    ax = _axes(ax, figsize=(6, 4))
    epochs = np.arange(num_epochs)
    for (label, schedule), color, style in zip(schedules.items(), itertools.cycle(_colors()),
                                               itertools.cycle(LINE_STYLES)):
        rates = [learning_rate0 if schedule is None else schedule(learning_rate0, int(e), decay_rate) for e in epochs]
        ax.plot(epochs, rates, color=color, linestyle=style, linewidth=1.8, label=label)
    ax.set(title=title, xlabel=UNITS["epoch"], ylabel="learning rate (log scale)", yscale="log")
    _legend(ax, "best")
    return ax


