"""Plotting helpers for the notebooks: one look, figures that are checked for legibility, saved into Images/.

Every panel helper draws on a matplotlib Axes (a new figure when none is given) and returns it, with a
title, labelled axes and a legend. The figure helpers (``plot_data_sets``, ``plot_decision_boundaries``)
lay several panels out side by side with shared axes and one legend for all of them.

``set_style`` gives every notebook the same look (a layout manager, text of at least 9 pt, light grids).
``check_figure`` lists what makes a figure hard to read: a panel without a title or axis labels, text under
9 pt, text of one panel drawn over another, labels drawn over each other, a legend over the data.
``save_figure`` refuses to save a figure that has any of these, so every figure in Images/ passes.
"""

import itertools
import math
import os
import re
import warnings
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

from ._validation import (
    check_array,
    check_choice,
    check_count,
    check_flag,
    check_instance,
    check_nonnegative,
    check_parameters,
    check_real,
    check_X,
    check_Y,
)
from .gradcheck import GradientCheckReport
from .network import _checked_forward, parameter_list
from .surfaces import Surface
from .train import COST_EVERY

IMAGES_DIR = Path(__file__).resolve().parents[1] / "Images"
"""Where ``save_figure`` writes by default: the Images/ folder at the root of this repository."""

IMAGES_DIR_VARIABLE = "UTILS_IMAGES_DIR"
"""An environment variable that sends ``save_figure`` elsewhere: the test suite sets it to a temporary
folder (see conftest.py), so that running the notebooks under test never rewrites the committed figures."""

MIN_FONT_SIZE = 9.0
"""The smallest text, in points, that ``check_figure`` accepts (at 80 dpi, 9 pt is 10 pixels tall)."""

STYLE = {
    "figure.dpi": 72,  # inline images stay modest, so that GitHub renders the notebooks
    "savefig.dpi": 80,
    "figure.constrained_layout.use": True,  # no label drawn over a neighbouring panel
    "figure.constrained_layout.wspace": 0.06,  # and room between panels for their tick labels
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 9.5,
    "figure.titlesize": 12,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.framealpha": 0.95,
}
"""The look of every figure of the notebooks: ``set_style()`` applies it."""

CLASS_COLORS = ("#d62728", "#1f77b4")  # label 0 red, label 1 blue
REGION_COLORS = ListedColormap(["#f6c6c6", "#c6dbf0"])
FEATURE_LABELS = ("feature $x_1$", "feature $x_2$")
LEGEND_LOCATIONS = ("best", "upper right", "upper left", "lower left", "lower right", "right", "center left",
                    "center right", "lower center", "upper center", "center", "outside")
UNITS = {"iteration": "iteration (gradient-descent steps)", "epoch": "epoch (passes over the training set)"}
LINE_STYLES = ("-", "--", "-.", ":")  # with the colours: curves that lie on top of each other stay visible
DIFFERENCE = "‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖)"
LOG_FLOOR = 1e-17  # relative differences below it (0 included) are drawn at it on log axes


def set_style():
    """Apply ``STYLE`` to matplotlib (once, at the top of a notebook)."""
    plt.rcParams.update(STYLE)


def _axes(ax, figsize=(5, 4)):
    """``ax``, or a new figure's axes when it is None."""
    if ax is None:
        return plt.subplots(figsize=figsize)[1]
    return check_instance("ax", ax, mpl.axes.Axes, "a matplotlib Axes or None")


def _check_figure_argument(figure):
    return check_instance("figure", figure, mpl.figure.Figure, "a matplotlib Figure")


def _check_legend(legend):
    return check_choice("legend", legend, LEGEND_LOCATIONS)


def _colors():
    """The colours of the style's cycle, in order."""
    return plt.rcParams["axes.prop_cycle"].by_key()["color"]


# ----------------------------------------------------------------------------- data in the plane


def plot_data(X, Y, ax=None, title="Data", legend=True):
    """Scatter a 2-D data set, one colour per class, on equally scaled axes.

    Parameters
    ----------
    X : ndarray, shape (2, m)
    Y : ndarray, shape (1, m), labels 0 or 1
    ax : matplotlib Axes, optional
    title : str
    legend : bool, draw the legend to the right of this panel (a figure of several panels shares one instead)

    Returns
    -------
    ax : matplotlib Axes
    """
    X = check_X(X)
    if X.shape[0] != 2:
        raise ValueError(f"X must have 2 rows (a 2-D data set) to be plotted, got shape {X.shape}")
    Y = check_Y(Y, X.shape[1])
    legend = check_flag("legend", legend)
    ax = _axes(ax)
    for label, color in enumerate(CLASS_COLORS):
        chosen = Y[0] == label
        ax.scatter(X[0, chosen], X[1, chosen], s=14, c=color, edgecolors="k", linewidths=0.3, label=f"class {label}")
    ax.set(title=title, xlabel=FEATURE_LABELS[0], ylabel=FEATURE_LABELS[1])
    ax.set_aspect("equal")
    ax.locator_params(nbins=5)
    if legend:
        _legend(ax, "outside")
    return ax


def plot_decision_boundary(parameters, X, Y, ax=None, title="Decision boundary", resolution=200, margin=0.5,
                           legend=True):
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
    legend : bool, draw the legend to the right of this panel (a figure of several panels shares one instead)

    Returns
    -------
    ax : matplotlib Axes
    """
    X = check_X(X)
    parameters = check_parameters(parameters, n_x=2)
    resolution = check_count("resolution", resolution, minimum=2, maximum=2000)
    margin, legend = check_nonnegative("margin", margin), check_flag("legend", legend)
    (x_min, y_min), (x_max, y_max) = X.min(axis=1) - margin, X.max(axis=1) + margin
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])
    probabilities, _ = _checked_forward(grid, parameter_list(parameters))
    predicted = (probabilities > 0.5).reshape(xx.shape)
    ax = _axes(ax)
    ax.contourf(xx, yy, predicted, levels=[-0.5, 0.5, 1.5], cmap=REGION_COLORS)
    ax.contour(xx, yy, probabilities.reshape(xx.shape), levels=[0.5], colors="k", linewidths=1)
    plot_data(X, Y, ax=ax, title=title, legend=False)
    ax.grid(False)
    if legend:
        _legend(ax, "outside", handles=boundary_legend_handles(ax))
    return ax


def boundary_legend_handles(ax):
    """The legend entries of a decision-boundary panel: its classes, the two regions, the boundary."""
    handles, _ = check_instance("ax", ax, mpl.axes.Axes, "a matplotlib Axes").get_legend_handles_labels()
    return handles + [Patch(color=REGION_COLORS(0), label="predicted 0"),
                      Patch(color=REGION_COLORS(1), label="predicted 1"),
                      Line2D([], [], color="k", linewidth=1, label="boundary, $a^{[L]} = 0.5$")]


def _panels(count, panel_size, ncols, data):
    """A figure of ``count`` panels sharing their axes, in rows of ``ncols``; returns (figure, the used axes).

    Each panel is ``panel_size`` inches wide and as high as the equally scaled data need (``data``: the
    X arrays to be drawn, with a margin of 0.5), plus room for two-line titles, a figure title, the
    axis labels and a legend below all panels.
    """
    panel_size = check_real("panel_size", panel_size)
    if not 0.5 <= panel_size <= 20:
        raise ValueError(f"panel_size must be between 0.5 and 20 inches, got {panel_size:g}")
    ncols = count if ncols is None else check_count("ncols", ncols, minimum=1)
    nrows = math.ceil(count / ncols)
    low = np.min([X.min(axis=1) for X in data], axis=0) - 0.5
    high = np.max([X.max(axis=1) for X in data], axis=0) + 0.5
    aspect = (high[1] - low[1]) / (high[0] - low[0])
    height = (panel_size - 0.6) * aspect * nrows + 1.9  # a box is its panel less its tick labels; then the texts
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel_size * ncols, height),
                             sharex=True, sharey=True, squeeze=False, layout="constrained")
    for ax in axes.flat[count:]:
        ax.set_visible(False)
    return fig, list(axes.flat[:count])


def shared_legend(fig, handles):
    """One legend for the whole figure, below its panels."""
    check_instance("fig", fig, mpl.figure.Figure, "a matplotlib Figure")
    handles = list(handles) if isinstance(handles, list | tuple) else handles
    if not isinstance(handles, list) or not handles or not all(isinstance(h, mpl.artist.Artist) for h in handles):
        raise TypeError(f"handles must be a non-empty list of matplotlib artists (legend handles), got {handles!r:.80}")
    return fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 5))


def _label_outer(axes):
    """Keep the axis labels and tick labels of the outer panels only (the inner ones share them)."""
    for ax in axes:
        ax.label_outer(remove_inner_ticks=True)


def plot_data_sets(panels, title=None, panel_size=4.0, ncols=None):
    """Several 2-D data sets side by side, on shared, equally scaled axes, with one legend.

    Parameters
    ----------
    panels : dict {panel title: (X (2, m), Y (1, m))}
    title : str, optional, above all panels
    panel_size : float, inches per panel
    ncols : int, optional, panels per row (default: all in one row)

    Returns
    -------
    fig : matplotlib Figure
    """
    if not isinstance(panels, dict) or not panels:
        raise TypeError(f"panels must be a non-empty dict {{title: (X, Y)}}, got {type(panels).__name__}")
    fig, axes = _panels(len(panels), panel_size, ncols, [check_X(X) for X, _ in panels.values()])
    for ax, (name, (X, Y)) in zip(axes, panels.items(), strict=True):
        plot_data(X, Y, ax=ax, title=name, legend=False)
    _label_outer(axes)
    if title:
        fig.suptitle(title)  # before the legend: the layout engine places an outside legend only once
    shared_legend(fig, axes[0].get_legend_handles_labels()[0])
    return fig


def plot_decision_boundaries(panels, X, Y, title=None, panel_size=3.4, ncols=None, resolution=200):
    """The decision boundaries of several networks on the same data, side by side, with one legend.

    Parameters
    ----------
    panels : dict {panel title: parameters}, networks with 2 inputs
    X : ndarray, shape (2, m)
    Y : ndarray, shape (1, m)
    title : str, optional, above all panels
    panel_size : float, inches per panel
    ncols : int, optional, panels per row (default: all in one row)
    resolution : int, grid points per axis

    Returns
    -------
    fig : matplotlib Figure
    """
    if not isinstance(panels, dict) or not panels:
        raise TypeError(f"panels must be a non-empty dict {{title: parameters}}, got {type(panels).__name__}")
    fig, axes = _panels(len(panels), panel_size, ncols, [check_X(X)])
    for ax, (name, parameters) in zip(axes, panels.items(), strict=True):
        plot_decision_boundary(parameters, X, Y, ax=ax, title=name, resolution=resolution, legend=False)
    _label_outer(axes)
    if title:
        fig.suptitle(title)  # before the legend: the layout engine places an outside legend only once
    shared_legend(fig, boundary_legend_handles(axes[0]))
    return fig


def plot_optimizer_paths(panels, title=None, panel_size=4.5):
    """The paths of optimizers on loss surfaces of two parameters: one panel per surface, one legend below.

    Each panel draws the surface's contour lines (spaced geometrically, so that a deep valley shows its
    floor), the paths (a marker at every step), their start and the minimum, on equally scaled axes.

    Parameters
    ----------
    panels : list of (Surface, {label: path (n, 2)}), the paths from ``surfaces.optimizer_path``
    title : str, optional, above all panels
    panel_size : float, inches of width per panel

    Returns
    -------
    fig : matplotlib Figure
    """
    if not isinstance(panels, list | tuple) or not panels or not all(
            isinstance(panel, tuple) and len(panel) == 2 and isinstance(panel[0], Surface)
            and isinstance(panel[1], dict) and panel[1] for panel in panels):
        raise TypeError(f"panels must be a non-empty list of (Surface, {{label: path}}), got {panels!r:.80}")
    panel_size = check_real("panel_size", panel_size)
    if not 1 <= panel_size <= 20:
        raise ValueError(f"panel_size must be between 1 and 20 inches, got {panel_size:g}")
    widths = [(x_max - x_min) / (y_max - y_min) for x_min, x_max, y_min, y_max in (p[0].extent for p in panels)]
    height = (panel_size - 0.6) * len(panels) / sum(widths) + 2.2  # panels of one height, each scaled equally
    fig, axes = plt.subplots(1, len(panels), figsize=(panel_size * len(panels), height), squeeze=False,
                             layout="constrained", gridspec_kw={"width_ratios": widths})
    for k, (ax, (surface, paths)) in enumerate(zip(axes[0], panels, strict=True)):
        paths = {label: check_array(f"panels[{k}][1][{label!r}]", path) for label, path in paths.items()}
        for label, path in paths.items():
            if path.shape[1] != 2 or not path.shape[0]:
                raise ValueError(f"panels[{k}][1][{label!r}] must be a path of shape (n, 2), points (x, y), got "
                                 f"shape {path.shape}")
        x_min, x_max, y_min, y_max = surface.extent
        grid_x, grid_y = np.meshgrid(np.linspace(x_min, x_max, 300), np.linspace(y_min, y_max, 300))
        values = surface.value(grid_x, grid_y)
        low = max(values[values > 0].min(), values.max() * 1e-4)
        ax.contour(grid_x, grid_y, values, levels=np.geomspace(low, values.max(), 14), colors="0.65", linewidths=0.7)
        for (label, path), color, style in zip(paths.items(), itertools.cycle(_colors()),
                                               itertools.cycle(LINE_STYLES)):
            ax.plot(path[:, 0], path[:, 1], color=color, linestyle=style, linewidth=1.4, marker="o", markersize=2.5,
                    label=label)
        start = next(iter(paths.values()))[0]
        ax.plot(*start, "ks", markersize=7, label="start")
        ax.plot(*surface.minimum, "k*", markersize=13, label="minimum")
        ax.set(xlim=(x_min, x_max), ylim=(y_min, y_max), aspect="equal", title=surface.name,
               xlabel="parameter x", ylabel="parameter y")
    if title:
        fig.suptitle(title)  # before the legend: the layout engine places an outside legend only once
    shared_legend(fig, axes[0][0].get_legend_handles_labels()[0])
    return fig


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


def _legend(ax, location, **options):
    """A legend inside the axes at ``location``, or "outside": to the right of the axes."""
    if location == "outside":
        return ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, **options)
    return ax.legend(loc=location, **options)


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


def plot_histograms(panels, title=None, xlabel="value", bins=40, log_x=True, panel_size=4.5):
    """Histograms of samples side by side, each panel overlaying several samples (for example two samplers).

    Parameters
    ----------
    panels : dict {panel title: {label: 1-d array of draws}}
    title : str, optional, above all panels
    xlabel : str or list of str (one per panel)
    bins : int >= 1, bins per panel, equally wide on the drawn (log or linear) axis
    log_x : bool, logarithmic x axis (the draws must then be positive)
    panel_size : float, inches of width per panel

    Returns
    -------
    fig : matplotlib Figure
    """
    if not isinstance(panels, dict) or not panels or not all(isinstance(v, dict) and v for v in panels.values()):
        raise TypeError(f"panels must be a non-empty dict {{title: {{label: draws}}}}, got {type(panels).__name__}")
    bins = check_count("bins", bins, minimum=1)
    log_x = check_flag("log_x", log_x)
    xlabels = [xlabel] * len(panels) if isinstance(xlabel, str) else list(xlabel)
    if len(xlabels) != len(panels):
        raise ValueError(f"xlabel must be one str or one per panel ({len(panels)}), got {len(xlabels)}")
    fig, axes = plt.subplots(1, len(panels), figsize=(panel_size * len(panels), 3.8), squeeze=False,
                             layout="constrained")
    for ax, (name, samples), label in zip(axes[0], panels.items(), xlabels, strict=True):
        draws = {key: check_array(f"panels[{name!r}][{key!r}]", value, ndim=1) for key, value in samples.items()}
        everything = np.concatenate(list(draws.values()))
        if log_x and np.any(everything <= 0):
            raise ValueError(f"panels[{name!r}] must hold positive draws for a log axis (log_x=True)")
        low, high = everything.min(), everything.max()
        edges = np.geomspace(low, high, bins + 1) if log_x else np.linspace(low, high, bins + 1)
        for (key, values), style in zip(draws.items(), itertools.cycle(LINE_STYLES)):
            ax.hist(values, bins=edges, histtype="step", linewidth=1.8, linestyle=style, label=key)
        ax.set(title=name, xlabel=label, ylabel="draws per bin")
        if log_x:
            ax.set_xscale("log")
        _legend(ax, "upper left")
    if title:
        fig.suptitle(title)
    return fig


def plot_search_points(panels, title=None, xlabel="learning rate α", ylabel="hyperparameter",
                       score_label="accuracy", panel_size=4.2):
    """The points of hyperparameter searches in the plane, coloured by score, with the best point marked.

    Parameters
    ----------
    panels : dict {panel title: (x, y, scores)}, three 1-d arrays of the same length (x > 0, drawn on a log axis)
    title : str, optional, above all panels
    xlabel, ylabel, score_label : str
    panel_size : float, inches of width per panel

    Returns
    -------
    fig : matplotlib Figure
    """
    if not isinstance(panels, dict) or not panels:
        raise TypeError(f"panels must be a non-empty dict {{title: (x, y, scores)}}, got {type(panels).__name__}")
    checked = {}
    for name, triple in panels.items():
        if not isinstance(triple, tuple | list) or len(triple) != 3:
            raise TypeError(f"panels[{name!r}] must be (x, y, scores), got {type(triple).__name__}")
        x, y, score = (check_array(f"panels[{name!r}][{k}]", v, ndim=1) for k, v in enumerate(triple))
        if not x.size == y.size == score.size or np.any(x <= 0):
            raise ValueError(f"panels[{name!r}] must hold three arrays of one length, with x > 0 (a log axis)")
        checked[name] = (x, y, score)
    low = min(score.min() for _, _, score in checked.values())
    high = max(score.max() for _, _, score in checked.values())
    fig, axes = plt.subplots(1, len(checked), figsize=(panel_size * len(checked) + 1.0, 3.9), squeeze=False,
                             sharex=True, sharey=True, layout="constrained")
    for ax, (name, (x, y, score)) in zip(axes[0], checked.items(), strict=True):
        points = ax.scatter(x, y, c=score, cmap="viridis", vmin=low, vmax=high, s=36, edgecolors="k",
                            linewidths=0.3)
        best = int(np.argmax(score))
        marker = ax.scatter(x[best], y[best], s=170, facecolors="none", edgecolors="#d62728", linewidths=1.8,
                            label="the best point of each search")
        ax.set(title=name, xlabel=xlabel, ylabel=ylabel, xscale="log")
    _label_outer(axes[0])
    fig.colorbar(points, ax=list(axes[0]), label=score_label)
    if title:
        fig.suptitle(title)
    shared_legend(fig, [marker])
    return fig


def plot_successive_halving(results, ax=None, title="Successive halving", score_label="accuracy"):
    """Each candidate's score at each round of successive halving, against the epochs it was trained for.

    Parameters
    ----------
    results : dict, the ``cv_results_`` of a fitted ``HalvingRandomSearchCV`` (or ``HalvingGridSearchCV``)
        whose resource is ``num_epochs``: "iter", "n_resources" and "mean_test_score", one entry per
        (round, candidate)
    ax : matplotlib Axes, optional
    title, score_label : str

    Returns
    -------
    ax : matplotlib Axes
    """
    if not isinstance(results, dict) or not {"iter", "n_resources", "mean_test_score", "params"} <= set(results):
        raise TypeError("results must be the cv_results_ of a fitted successive-halving search (with iter, "
                        f"n_resources, params and mean_test_score), got {type(results).__name__}")
    ax = _axes(ax, figsize=(6, 4))
    rounds = np.asarray(results["iter"])
    resources = np.asarray(results["n_resources"], dtype=float)
    scores = np.asarray(results["mean_test_score"], dtype=float)
    keys = [repr(sorted((k, v) for k, v in params.items() if k != "num_epochs")) for params in results["params"]]
    for key in dict.fromkeys(keys):
        rows = [i for i, other in enumerate(keys) if other == key]
        ax.plot(resources[rows], scores[rows], color="0.6", linewidth=0.8, marker="o", markersize=3)
    for r in np.unique(rounds):
        kept = rounds == r
        ax.scatter(resources[kept], scores[kept], s=28, zorder=3,
                   label=f"round {r + 1}: {kept.sum()} candidates × {int(resources[kept][0])} epochs")
    ax.set(title=title, xlabel="epochs trained (the resource, log scale)", ylabel=score_label, xscale="log")
    ax.set_xticks(np.unique(resources), [f"{int(r)}" for r in np.unique(resources)])
    ax.minorticks_off()
    _legend(ax, "lower right")
    return ax


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


# ----------------------------------------------------------------------------- gradient checking


def plot_parameter_vector(parameters, ax=None, title="All parameters as one vector theta"):
    """How ``dictionary_to_vector`` lays the parameters out: one block per tensor, in order, ticks at the seams.

    Parameters
    ----------
    parameters : dict "W1", "b1", ..., "WL", "bL"
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    parameters = check_parameters(parameters)
    names = list(parameters)
    sizes = [int(np.prod(np.shape(parameters[name]))) for name in names]
    starts = np.cumsum([0] + sizes[:-1])
    total = sum(sizes)
    ax = _axes(ax, figsize=(8, 2.4))
    colors = plt.get_cmap("tab20")(np.arange(20))
    wide = [size >= 0.12 * total for size in sizes]  # blocks wide enough to hold their own label
    for k, (name, size, start) in enumerate(zip(names, sizes, starts, strict=True)):
        ax.barh(0, size, left=start, height=1.0, color=colors[(2 * k) % 20 if name[0] == "W" else (2 * k - 1) % 20],
                edgecolor="k")
        if wide[k]:
            ax.text(start + size / 2, 0, f"{name} {np.shape(parameters[name])}", ha="center", va="center")
    small = [k for k in range(len(names)) if not wide[k]]
    centers = [starts[k] + sizes[k] / 2 for k in small]
    for k, center, x in zip(small, centers, _spread(centers, 0.14 * total, 0, total), strict=True):
        ax.annotate(f"{names[k]} {np.shape(parameters[names[k]])}", xy=(center, 0.5), xytext=(x, 1.1), ha="center",
                    va="bottom", arrowprops=dict(arrowstyle="-", linewidth=0.8))
    ticks = [0]
    for start in starts[1:]:  # a tick where each tensor starts, unless it would crowd the previous one
        if start - ticks[-1] >= 0.05 * total:
            ticks.append(int(start))
    ax.set(title=title, xlabel="index in theta (each block row-major; ticks where a tensor starts)",
           xlim=(0, total), ylim=(-0.6, 1.9), xticks=ticks)
    ax.yaxis.set_visible(False)
    ax.grid(False)
    ax.spines["left"].set_visible(False)
    return ax


def _spread(centers, gap, low, high):
    """Positions as close as possible to the increasing ``centers``, at least ``gap`` apart, within [low, high]."""
    positions = []
    for center in centers:
        positions.append(max(center, positions[-1] + gap if positions else low))
    for i in range(len(positions) - 1, -1, -1):  # then pull back whatever ran past ``high``
        positions[i] = min(positions[i], high - gap / 2 if i == len(positions) - 1 else positions[i + 1] - gap)
    return positions


def plot_relative_errors(reports, ax=None, title="Relative error of each gradient tensor"):
    """Per-tensor relative errors of several gradient-check reports, as grouped bars on a log axis.

    An error below ``LOG_FLOOR`` (1e-17, and 0 when every entry rounds alike) is drawn at that floor, as
    the y label says.

    Parameters
    ----------
    reports : dict {label: GradientCheckReport}
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    if not isinstance(reports, dict) or not reports or not all(
            isinstance(report, GradientCheckReport) for report in reports.values()):
        raise TypeError(f"reports must be a non-empty dict {{label: GradientCheckReport}}, got {reports!r:.80}")
    if len({tuple(row.name for row in report.rows) for report in reports.values()}) > 1:
        raise ValueError("reports must check the same tensors, in the same order")
    ax = _axes(ax, figsize=(7, 4))
    names = [row.name for row in next(iter(reports.values())).rows]
    width = 0.8 / len(reports)
    for k, (label, report) in enumerate(reports.items()):
        errors = [max(row.relative_error, LOG_FLOOR) for row in report.rows]
        ax.bar(np.arange(len(names)) + (k - (len(reports) - 1) / 2) * width, errors, width, label=label)
    ax.axhline(1e-5, color="k", linestyle="--", linewidth=1, label="per-tensor tolerance 1e-5")
    ax.set(title=title, xlabel="parameter tensor", yscale="log", xticks=np.arange(len(names)), xticklabels=names,
           ylabel=f"relative error (log scale, floor {LOG_FLOOR:.0e})\n{DIFFERENCE}")
    _legend(ax, "best")
    return ax


def plot_epsilon_sweep(epsilons, differences, ax=None, title="Choosing epsilon: truncation against round-off"):
    """Gradient-check difference against epsilon on log-log axes, one line per method, the best epsilon marked.

    The first method's line is annotated with its two error terms: round-off (about u |J| / epsilon, at
    the small steps) and truncation (about epsilon², at the large ones); the best epsilon of that
    method is marked with a star. A difference below ``LOG_FLOOR`` (1e-17, and 0 when every entry
    rounds alike) is drawn at that floor, as the y label says.

    Parameters
    ----------
    epsilons : sequence of K positive floats
    differences : sequence of K floats >= 0, or dict {method label: sequence of K floats >= 0}
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    epsilons = check_array("epsilons", epsilons, ndim=1)
    series = differences if isinstance(differences, dict) else {"measured difference": differences}
    if not series:
        raise ValueError("differences must hold at least one method's differences, got an empty dict")
    series = {label: check_array(f"differences[{label!r}]", values, ndim=1) for label, values in series.items()}
    if epsilons.size < 2 or np.any(epsilons <= 0) or any(values.shape != epsilons.shape or np.any(values < 0)
                                                         for values in series.values()):
        raise ValueError(f"epsilons must be positive and the differences >= 0, of the same length, at least 2, got "
                         f"shapes {epsilons.shape} and {[values.shape for values in series.values()]}")
    ax = _axes(ax, figsize=(9, 4.2))
    for (label, values), color, style in zip(series.items(), itertools.cycle(_colors()), itertools.cycle(LINE_STYLES)):
        ax.loglog(epsilons, np.maximum(values, LOG_FLOOR), marker="o", color=color, linestyle=style, label=label)
    first = np.maximum(next(iter(series.values())), LOG_FLOOR)
    best = int(np.argmin(first))
    whose = "" if len(series) == 1 else " (first line)"
    ax.loglog(epsilons[best], first[best], "r*", markersize=14, label=f"best: epsilon = {epsilons[best]:.0e}{whose}")
    ax.axhline(2e-7, color="k", linestyle="--", linewidth=1, label="the course's threshold 2e-7")
    order = np.argsort(epsilons)
    _note(ax, "round-off,\nabout u|J| / epsilon", (epsilons[order[1]], first[order[1]]), right=True)
    _note(ax, "truncation,\nabout epsilon²", (epsilons[order[-2]], first[order[-2]]), right=False)
    ax.set(title=title, xlabel="epsilon, the step of the central difference (log scale)",
           ylabel=f"difference (log scale, floor {LOG_FLOOR:.0e})\n{DIFFERENCE}")
    _legend(ax, "outside")  # clear of both branches and of their notes
    return ax


def _note(ax, text, xy, right):
    """Annotate the data point ``xy`` beside it (to the right or left), above it, or below it if above is clipped."""
    note = ax.annotate(text, xy=xy, xytext=(12 if right else -12, 10), textcoords="offset points",
                       ha="left" if right else "right", va="bottom")
    canvas = ax.figure.canvas if hasattr(ax.figure.canvas, "get_renderer") else FigureCanvasAgg(ax.figure)
    canvas.draw()
    if not _inside(note.get_window_extent(canvas.get_renderer()), ax.bbox):
        note.set(position=(12 if right else -12, -10), va="top")


# ----------------------------------------------------------------------------- checking and saving


def check_figure(figure):
    """What makes ``figure`` hard to read, as a list of sentences (empty when nothing does).

    Checked: every visible panel has a title, and an x and a y label (a panel that shares an axis
    with a labelled neighbour, or hides the axis, needs none); no text is smaller than MIN_FONT_SIZE;
    no label, title or tick label of one panel is drawn over another panel or its labels; no two
    tick labels of an axis, or two texts of a panel, overlap; no text is clipped by its panel; no
    legend inside a panel covers its data (points, lines, bars or bands), and no legend is drawn over
    the labels or texts of a panel (or, for a legend of the whole figure, over any panel).
    """
    _check_figure_argument(figure)
    canvas = figure.canvas if hasattr(figure.canvas, "get_renderer") else FigureCanvasAgg(figure)  # e.g. closed
    canvas.draw()
    renderer = canvas.get_renderer()
    axes = [ax for ax in figure.axes if ax.get_visible()]
    names = {ax: f"panel {i + 1} ({ax.get_title()!r})" if ax.get_title() else f"panel {i + 1}"
             for i, ax in enumerate(axes)}
    problems = []
    for ax in axes:
        problems += _missing_labels(ax, names[ax])
    for text in figure.findobj(Text):
        if text.get_visible() and text.get_text().strip() and text.get_fontsize() < MIN_FONT_SIZE:
            problems.append(f"the text {text.get_text()!r} is {text.get_fontsize():g} pt, under {MIN_FONT_SIZE:g} pt")
    texts = {ax: _texts(ax, renderer) for ax in axes}
    for a, b in itertools.permutations(axes, 2):
        problems += [f"{what} of {names[a]} is drawn over {names[b]}" for what, box in texts[a]
                     if box.overlaps(b.get_window_extent(renderer)) or any(box.overlaps(o) for _, o in texts[b])]
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            boxes = [label.get_window_extent(renderer) for label in _drawn_tick_labels(axis)]
            if any(p.overlaps(q) for p, q in itertools.combinations(boxes, 2)):
                problems.append(f"tick labels of the {axis.axis_name} axis of {names[ax]} overlap each other")
        own = [(text.get_text(), Text.get_window_extent(text, renderer)) for text in ax.texts if text.get_text()]
        problems += [f"the texts {p!r} and {q!r} of {names[ax]} overlap" for (p, a), (q, b)
                     in itertools.combinations(own, 2) if a.overlaps(b)]
        problems += [f"the text {t.get_text()!r} of {names[ax]} is clipped by its panel" for t in ax.texts
                     if t.get_clip_on() and not _inside(t.get_window_extent(renderer), ax.bbox)]
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            box = legend.get_window_extent(renderer)
            if _covers_data(ax, box):
                problems.append(f"the legend of {names[ax]} covers its data: move it (legend='outside')")
            problems += [f"the legend of {names[ax]} is drawn over {what}" for what, other in texts[ax] + [
                (f"the text {text!r}", extent) for text, extent in own] if box.overlaps(other)]
    for legend in figure.legends:
        box = legend.get_window_extent(renderer)
        problems += [f"the figure's legend is drawn over {names[ax]}" for ax in axes
                     if box.overlaps(ax.get_window_extent(renderer)) or any(box.overlaps(o) for _, o in texts[ax])]
    return problems


def _missing_labels(ax, name):
    if getattr(ax, "_colorbar", None) is not None:  # a colour bar needs its label only
        return [] if ax.get_xlabel() or ax.get_ylabel() else [f"the colour bar {name} has no label"]
    missing = [] if ax.get_title() or ax.get_title("left") else [f"{name} has no title"]
    for axis, label in ((ax.xaxis, "x"), (ax.yaxis, "y")):
        shared = (ax.get_shared_x_axes() if label == "x" else ax.get_shared_y_axes()).get_siblings(ax)
        if axis.get_visible() and not any(getattr(other, f"get_{label}label")() for other in shared):
            missing.append(f"{name} has no {label} label")
    return missing


def _texts(ax, renderer):
    """(what, window extent) of the panel's title, axis labels and visible tick labels."""
    texts = [("the title", ax.title), ("the x label", ax.xaxis.label), ("the y label", ax.yaxis.label)]
    ticks = _drawn_tick_labels(ax.xaxis) + _drawn_tick_labels(ax.yaxis)
    texts += [(f"the tick label {t.get_text()!r}", t) for t in ticks]
    return [(what, text.get_window_extent(renderer)) for what, text in texts
            if text.get_visible() and text.get_text().strip()]


def _drawn_tick_labels(axis):
    """The tick labels matplotlib draws: visible, not empty, at a tick inside the view limits."""
    low, high = sorted(axis.get_view_interval())
    coordinate = 0 if axis.axis_name == "x" else 1
    return [label for label in axis.get_ticklabels() if label.get_visible() and label.get_text()
            and low - 1e-9 * abs(high - low) <= label.get_position()[coordinate] <= high + 1e-9 * abs(high - low)]


def _inside(box, outer, tolerance=1.0):
    return (box.x0 >= outer.x0 - tolerance and box.x1 <= outer.x1 + tolerance and box.y0 >= outer.y0 - tolerance
            and box.y1 <= outer.y1 + tolerance)


def _covers_data(ax, box):
    """Does the legend's box cover a point, a stretch of line, a bar or a band of the panel's data?"""
    for line in ax.get_lines():
        if line.get_visible():
            xy = line.get_transform().transform(np.asarray(line.get_xydata(), dtype=float))
            if _path_enters(xy[np.isfinite(xy).all(axis=1)], box):
                return True
    for collection in ax.collections:
        if isinstance(collection, PathCollection) and collection.get_offsets().size:
            xy = collection.get_offset_transform().transform(collection.get_offsets())
            if _in_box(xy, box).any():
                return True
        if isinstance(collection, PolyCollection):
            for path in collection.get_paths():
                if path.transformed(collection.get_transform()).intersects_bbox(box, filled=True):
                    return True
    return any(isinstance(patch, Rectangle) and patch.get_window_extent().overlaps(box) for patch in ax.patches)


def _path_enters(xy, box, step=2.0):
    """Whether the polyline through the display points ``xy`` passes through ``box`` (sampled every ``step`` px)."""
    for (x0, y0), (x1, y1) in zip(xy[:-1], xy[1:], strict=True):
        samples = max(2, int(math.hypot(x1 - x0, y1 - y0) / step) + 1)
        points = np.column_stack([np.linspace(x0, x1, samples), np.linspace(y0, y1, samples)])
        if _in_box(points, box).any():
            return True
    return len(xy) == 1 and bool(_in_box(xy, box).any())


def _in_box(points, box):
    """Which of the display points (n, 2) lie inside ``box``."""
    return (points[:, 0] >= box.x0) & (points[:, 0] <= box.x1) & (points[:, 1] >= box.y0) & (points[:, 1] <= box.y1)


def save_figure(figure, name, directory=None, dpi=80):
    """Check ``figure`` with ``check_figure``, save it as ``<name>.png``, and return where it went.

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

    Raises
    ------
    ValueError
        When ``check_figure`` finds something that makes the figure hard to read; nothing is saved.
    """
    _check_figure_argument(figure)
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ValueError(f"name must be a file name of letters, digits, '_' and '-' without extension, got {name!r}")
    dpi = check_count("dpi", dpi, minimum=10, maximum=600)
    if directory is not None and not isinstance(directory, str | os.PathLike):
        raise TypeError(f"directory must be a path (str or os.PathLike) or None, got {type(directory).__name__}")
    problems = check_figure(figure)
    if problems:
        raise ValueError(f"figure {name!r} is hard to read, so it was not saved:\n- " + "\n- ".join(problems))
    if directory is None and os.environ.get(IMAGES_DIR_VARIABLE):
        directory = os.environ[IMAGES_DIR_VARIABLE]
    target = Path(directory) if directory is not None else IMAGES_DIR
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{name}.png"
    with mpl.rc_context({"savefig.dpi": dpi}):
        figure.savefig(path, bbox_inches="tight", metadata={"Software": None})
    return f"Images/{name}.png" if directory is None else str(path)
