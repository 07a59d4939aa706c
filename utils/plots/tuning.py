"""Hyperparameter search: the sampled values, the points a search tried, the rounds of successive halving."""

import itertools

import matplotlib.pyplot as plt
import numpy as np

from .._validation import (
    check_array,
    check_count,
    check_flag,
)
from .curves import LINE_STYLES
from .plane import _label_outer, shared_legend
from .style import (
    _axes,
    _legend,
)


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


