"""Gradient checking: the parameters as one vector, the relative error of each tensor, the choice of epsilon."""

import itertools

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from .._validation import (
    check_array,
    check_parameters,
)
from ..gradcheck import GradientCheckReport
from .curves import LINE_STYLES
from .style import (
    _axes,
    _colors,
    _inside,
    _legend,
)

DIFFERENCE = "‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖)"
LOG_FLOOR = 1e-17  # relative differences below it (0 included) are drawn at it on log axes


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


