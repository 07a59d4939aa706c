"""Plotting helpers for the notebooks: data, decision boundaries, cost curves, and saving into Images/.

Every helper draws on a matplotlib Axes (a new figure when none is given) and returns it, and
every axis it draws gets a title, labelled axes and a legend.
"""

import os
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ._validation import check_parameters, check_X, check_Y
from .network import _forward, parameter_list
from .train import COST_EVERY

IMAGES_DIR = Path(__file__).resolve().parents[1] / "Images"
"""Where ``save_figure`` writes by default: the Images/ folder at the root of this repository."""

IMAGES_DIR_VARIABLE = "UTILS_IMAGES_DIR"
"""An environment variable that sends ``save_figure`` elsewhere: the test suite sets it to a temporary
folder (see conftest.py), so that running the notebooks under test never rewrites the committed figures."""

CLASS_COLORS = ("#d62728", "#1f77b4")  # label 0 red, label 1 blue
REGION_COLORS = ListedColormap(["#f6c6c6", "#c6dbf0"])
FEATURE_LABELS = ("feature $x_1$ (arbitrary units)", "feature $x_2$ (arbitrary units)")


def _axes(ax, figsize=(5, 4)):
    return plt.subplots(figsize=figsize)[1] if ax is None else ax


def plot_data(X, Y, ax=None, title="Data"):
    """Scatter a 2-D data set, one colour per class.

    Parameters
    ----------
    X : ndarray, shape (2, m)
    Y : ndarray, shape (1, m), labels 0 or 1
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    X = check_X(X)
    if X.shape[0] != 2:
        raise ValueError(f"X must have 2 rows (a 2-D data set) to be plotted, got shape {X.shape}")
    Y = check_Y(Y, X.shape[1])
    ax = _axes(ax)
    for label, color in enumerate(CLASS_COLORS):
        chosen = Y[0] == label
        ax.scatter(X[0, chosen], X[1, chosen], s=14, c=color, edgecolors="k", linewidths=0.3,
                   label=f"class {label} ({int(chosen.sum())} points)")
    ax.set(title=title, xlabel=FEATURE_LABELS[0], ylabel=FEATURE_LABELS[1])
    ax.legend(loc="best", fontsize=8, framealpha=0.8)
    return ax


def plot_decision_boundary(parameters, X, Y, ax=None, title="Decision boundary", resolution=200, margin=0.5):
    """Shade where the network predicts 1 and 0, draw the boundary, and scatter the data on top.

    Parameters
    ----------
    parameters : dict "W1", "b1", ... of a network with 2 inputs
    X : ndarray, shape (2, m)
    Y : ndarray, shape (1, m)
    ax : matplotlib Axes, optional
    title : str
    resolution : int, grid points per axis
    margin : float, how far the grid reaches beyond the data

    Returns
    -------
    ax : matplotlib Axes
    """
    X = check_X(X)
    L = check_parameters(parameters, n_x=2)
    (x_min, y_min), (x_max, y_max) = X.min(axis=1) - margin, X.max(axis=1) + margin
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])
    probabilities, _ = _forward(grid, parameter_list(parameters, L))
    predicted = (probabilities > 0.5).reshape(xx.shape)
    ax = _axes(ax)
    ax.contourf(xx, yy, predicted, levels=[-0.5, 0.5, 1.5], cmap=REGION_COLORS)
    ax.contour(xx, yy, probabilities.reshape(xx.shape), levels=[0.5], colors="k", linewidths=1)
    plot_data(X, Y, ax=ax, title=title)
    handles, labels = ax.get_legend_handles_labels()
    handles += [Patch(color=REGION_COLORS(0), label="predicted 0"), Patch(color=REGION_COLORS(1), label="predicted 1"),
                Line2D([], [], color="k", linewidth=1, label="boundary $a^{[L]} = 0.5$")]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=7)
    return ax


def plot_costs(curves, ax=None, title="Cost during training", log=False, every=COST_EVERY):
    """Cost curves, one colour per label, against the iteration at which each cost was recorded.

    Parameters
    ----------
    curves : dict {label: costs}
        costs of shape (k,): one curve; of shape (S, k): one thin line per seed, all of the label's
        colour. Costs are recorded at iterations 0, every, 2 every, ...
    ax : matplotlib Axes, optional
    title : str
    log : bool, logarithmic cost axis
    every : int, iterations between two recorded costs (1000 in ``model``)

    Returns
    -------
    ax : matplotlib Axes
    """
    if not isinstance(curves, dict) or not curves:
        raise TypeError(f"curves must be a non-empty dict {{label: costs}}, got {type(curves).__name__}")
    ax = _axes(ax)
    for label, costs in curves.items():
        costs = np.asarray(costs, dtype=float)
        if costs.ndim not in (1, 2):
            raise ValueError(f"curves[{label!r}] must have shape (k,) or (seeds, k), got {costs.shape}")
        iterations = np.arange(costs.shape[-1]) * every
        if costs.ndim == 1:
            ax.plot(iterations, costs, marker="o", markersize=3, label=label)
            continue
        lines = ax.plot(iterations, costs.T, linewidth=1, alpha=0.7)
        for line in lines[1:]:
            line.set_color(lines[0].get_color())
        lines[0].set_label(f"{label} ({costs.shape[0]} seeds)")
    ax.set(title=title, xlabel="iteration (gradient-descent steps)", ylabel="cost J (cross-entropy, nats)")
    if log:
        ax.set_yscale("log")
    ax.legend(fontsize=8)
    return ax


def save_figure(figure, name, directory=None, dpi=80):
    """Save ``figure`` as ``<name>.png`` and return where it went.

    The folder is ``directory`` when given, else the one named by the environment variable
    UTILS_IMAGES_DIR when it is set (the test suite points it at a temporary folder), else the
    repository's Images/ folder (what `make run` regenerates and the README shows).

    Parameters
    ----------
    figure : matplotlib Figure
    name : str, a stable file name such as "initialization_cost_curves" (letters, digits, _ and -)
    directory : path, optional
    dpi : int, resolution; the default keeps PNGs small enough for notebooks GitHub renders

    Returns
    -------
    path : str, "Images/<name>.png" when saved into Images/, else the full path
    """
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ValueError(f"name must be a file name of letters, digits, '_' and '-' without extension, got {name!r}")
    if directory is None and os.environ.get(IMAGES_DIR_VARIABLE):
        directory = os.environ[IMAGES_DIR_VARIABLE]
    target = Path(directory) if directory is not None else IMAGES_DIR
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{name}.png"
    figure.savefig(path, dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return f"Images/{name}.png" if directory is None else str(path)


def plot_parameter_vector(parameters, ax=None, title="All parameters as one vector theta"):
    """How ``dictionary_to_vector`` lays the parameters out: one coloured block per tensor, in order.

    Parameters
    ----------
    parameters : dict "W1", "b1", ..., "WL", "bL"
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    L = check_parameters(parameters)
    names = [f"{kind}{l}" for l in range(1, L + 1) for kind in ("W", "b")]
    ax = _axes(ax, figsize=(8, 2.2))
    colors = plt.get_cmap("tab20")(np.linspace(0, 1, 20))
    start = 0
    for k, name in enumerate(names):
        shape = np.shape(parameters[name])
        size = int(np.prod(shape))
        ax.barh(0, size, left=start, color=colors[(2 * k) % 20 if name[0] == "W" else (2 * k - 1) % 20],
                edgecolor="k", label=f"{name} {shape}: entries {start}..{start + size - 1}")
        ax.text(start + size / 2, 0, name, ha="center", va="center", fontsize=8)
        start += size
    ax.set(title=title, xlabel="index in theta (entries, row-major within each block)", yticks=[], xlim=(0, start))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45), ncol=min(3, len(names)), fontsize=7)
    return ax


def plot_relative_errors(reports, ax=None, title="Relative error of each gradient tensor"):
    """Per-tensor relative errors of several gradient-check reports, as grouped bars on a log axis.

    Parameters
    ----------
    reports : dict {label: GradientCheckReport}
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    if not isinstance(reports, dict) or not reports:
        raise TypeError(f"reports must be a non-empty dict {{label: report}}, got {type(reports).__name__}")
    ax = _axes(ax, figsize=(6, 3.5))
    names = [row.name for row in next(iter(reports.values())).rows]
    width = 0.8 / len(reports)
    for k, (label, report) in enumerate(reports.items()):
        errors = [max(row.relative_error, 1e-16) for row in report.rows]
        ax.bar(np.arange(len(names)) + (k - (len(reports) - 1) / 2) * width, errors, width, label=label)
    ax.axhline(1e-5, color="k", linestyle="--", linewidth=1, label="per-tensor relative tolerance 1e-5")
    ax.set(title=title, xlabel="parameter tensor", ylabel="relative error ||g - n|| / (||g|| + ||n||)",
           yscale="log", xticks=np.arange(len(names)), xticklabels=names)
    ax.legend(fontsize=8)
    return ax


def plot_epsilon_sweep(epsilons, differences, ax=None, title="Choosing epsilon: truncation against round-off"):
    """Gradient-check difference against epsilon on log-log axes, with the best epsilon marked.

    Parameters
    ----------
    epsilons, differences : sequences of positive floats of the same length
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    epsilons, differences = np.asarray(epsilons, dtype=float), np.asarray(differences, dtype=float)
    if epsilons.shape != differences.shape or epsilons.ndim != 1 or np.any(epsilons <= 0):
        raise ValueError(f"epsilons and differences must be 1-D of the same length with epsilons > 0, got shapes "
                         f"{epsilons.shape} and {differences.shape}")
    ax = _axes(ax, figsize=(6, 4))
    ax.loglog(epsilons, differences, "o-", label="measured difference")
    best = int(np.argmin(differences))
    ax.loglog(epsilons[best], differences[best], "r*", markersize=14, label=f"best: epsilon = {epsilons[best]:.0e}")
    ax.axhline(2e-7, color="k", linestyle="--", linewidth=1, label="course threshold 2e-7")
    ax.set(title=title, xlabel="epsilon (step of the central difference)",
           ylabel="difference ||g - n|| / (||g|| + ||n||)")
    ax.legend(fontsize=8)
    return ax


def plot_sweep(values, curves, ax=None, title="Validation curve", xlabel="hyperparameter", ylabel="accuracy",
               log_x=True, log_y=False, best=None):
    """Mean +- standard deviation over seeds of one or more scores against a swept hyperparameter.

    Parameters
    ----------
    values : sequence of K numbers, the hyperparameter values
    curves : dict {label: array (S, K)}, S seeds per value; drawn as the mean with a +-1 std band
    ax : matplotlib Axes, optional
    title, xlabel, ylabel : str
    log_x, log_y : bool, logarithmic axes
    best : number, optional; marked with a vertical line (the chosen value)

    Returns
    -------
    ax : matplotlib Axes
    """
    values = np.asarray(values, dtype=float)
    if not isinstance(curves, dict) or not curves:
        raise TypeError(f"curves must be a non-empty dict {{label: scores (S, K)}}, got {type(curves).__name__}")
    ax = _axes(ax, figsize=(6, 4))
    for label, scores in curves.items():
        scores = np.asarray(scores, dtype=float)
        if scores.ndim != 2 or scores.shape[1] != values.size:
            raise ValueError(f"curves[{label!r}] must have shape (seeds, {values.size}), got {scores.shape}")
        mean, std = scores.mean(axis=0), scores.std(axis=0)
        line, = ax.plot(values, mean, marker="o", markersize=4, label=f"{label} (mean of {scores.shape[0]} seeds)")
        ax.fill_between(values, mean - std, mean + std, color=line.get_color(), alpha=0.2)
    if best is not None:
        ax.axvline(best, color="k", linestyle="--", linewidth=1, label=f"chosen: {best:g}")
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    if log_x:
        ax.set_xscale("log")
    if log_y:
        ax.set_yscale("log")
    ax.legend(fontsize=8)
    return ax
