"""Data in the plane: scatter plots of 2-D data sets, decision regions, optimizers' paths on a surface.

Every panel has equally scaled axes, so that distances and angles look as they are. The figure helpers
(``plot_data_sets``, ``plot_decision_boundaries``) lay several panels side by side with shared axes and one
legend for all of them.
"""

import itertools
import math

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .._validation import (
    check_array,
    check_count,
    check_flag,
    check_instance,
    check_nonnegative,
    check_parameters,
    check_real,
    check_X,
    check_Y,
    depth,
)
from ..network import _checked_forward, parameter_list
from ..output import class_indices, output_layer
from ..surfaces import Surface
from .curves import LINE_STYLES
from .style import (
    _axes,
    _colors,
    _legend,
)

CLASS_COLORS = ("#d62728", "#1f77b4")  # label 0 red, label 1 blue
REGION_COLORS = ListedColormap(["#f6c6c6", "#c6dbf0"])
FEATURE_LABELS = ("feature $x_1$", "feature $x_2$")
MANY_CLASS_COLORS = tuple(mpl.colormaps["tab10"].colors)
"""The colours of 3 to 10 classes (matplotlib's tab10); two classes keep the red and blue of the course."""

REGION_LIGHTNESS = 0.72
"""How far towards white a class's colour is mixed for the region where that class is predicted."""


def _classes(Y):
    """(number of classes K, the class of each example (m,)) from 0/1 labels (1, m) or one-hot labels (C, m)."""
    return max(Y.shape[0], 2), class_indices(Y)


def _class_colors(K):
    """The colours of K classes, and the lighter ones of the regions where each is predicted."""
    if K > len(MANY_CLASS_COLORS):
        raise ValueError(f"Y must hold at most {len(MANY_CLASS_COLORS)} classes to be plotted in distinct colours, "
                         f"got {K}")
    points = CLASS_COLORS if K == 2 else MANY_CLASS_COLORS[:K]
    regions = REGION_COLORS.colors if K == 2 else [
        REGION_LIGHTNESS + (1 - REGION_LIGHTNESS) * np.array(mpl.colors.to_rgb(color)) for color in points]
    return points, ListedColormap(regions)


# ----------------------------------------------------------------------------- data in the plane


def plot_data(X, Y, ax=None, title="Data", legend=True):
    """Scatter a 2-D data set, one colour per class, on equally scaled axes.

    Parameters
    ----------
    X : ndarray, shape (2, m)
    Y : ndarray, shape (1, m) with labels 0 or 1, or (C, m) one-hot for C classes (at most 10)
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
    K, labels = _classes(check_Y(Y, X.shape[1]))
    colors, _ = _class_colors(K)
    legend = check_flag("legend", legend)
    ax = _axes(ax)
    for label, color in enumerate(colors):
        chosen = labels == label
        ax.scatter(X[0, chosen], X[1, chosen], s=14, color=color, edgecolors="k", linewidths=0.3,
                   label=f"class {label}")
    ax.set(title=title, xlabel=FEATURE_LABELS[0], ylabel=FEATURE_LABELS[1])
    ax.set_aspect("equal")
    ax.locator_params(nbins=5)
    if legend:
        _legend(ax, "outside")
    return ax


def plot_decision_boundary(parameters, X, Y, ax=None, title="Decision boundary", resolution=200, margin=0.5,
                           legend=True):
    """Shade the region where the network predicts each class, draw the boundaries, and scatter the data on top.

    One sigmoid output: the boundary is where A[L] = 0.5. A softmax output over C classes: the regions of the
    class of the largest probability, and the boundaries where that class changes.

    Parameters
    ----------
    parameters : dict "W1", "b1", ... of a network with 2 inputs
    X : ndarray, shape (2, m)
    Y : ndarray, shape (n_L, m): 0/1 labels (1, m) for one output unit, one-hot (C, m) for C >= 2 (at most 10)
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
    L = depth(parameters)
    K, _ = _classes(check_Y(Y, X.shape[1], C=parameters[f"W{L}"].shape[0], source=f"parameters['W{L}']"))
    resolution = check_count("resolution", resolution, minimum=2, maximum=2000)
    margin, legend = check_nonnegative("margin", margin), check_flag("legend", legend)
    (x_min, y_min), (x_max, y_max) = X.min(axis=1) - margin, X.max(axis=1) + margin
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution))
    grid = np.vstack([xx.ravel(), yy.ravel()])
    probabilities, _ = _checked_forward(grid, parameter_list(parameters))
    predicted = output_layer(probabilities.shape[0]).predict(probabilities).reshape(xx.shape)
    _, regions = _class_colors(K)
    ax = _axes(ax)
    ax.contourf(xx, yy, predicted, levels=np.arange(K + 1) - 0.5, cmap=regions)
    if K == 2:
        ax.contour(xx, yy, probabilities[-1].reshape(xx.shape), levels=[0.5], colors="k", linewidths=1)
    else:
        for k in range(K):  # the outline of each class's region: together, every boundary between two classes
            ax.contour(xx, yy, (predicted == k).astype(float), levels=[0.5], colors="k", linewidths=1)
    plot_data(X, Y, ax=ax, title=title, legend=False)
    ax.grid(False)
    if legend:
        _legend(ax, "outside", handles=boundary_legend_handles(ax, K))
    return ax


def boundary_legend_handles(ax, classes=2):
    """The legend entries of a decision-boundary panel: its classes, the regions, the boundary.

    ``classes`` is the number of classes drawn: with 2, a patch per region and the boundary A[L] = 0.5; with
    more, one entry says that each shaded region is the predicted class of its (lighter) colour.
    """
    handles, _ = check_instance("ax", ax, mpl.axes.Axes, "a matplotlib Axes").get_legend_handles_labels()
    classes = check_count("classes", classes, minimum=2, maximum=len(MANY_CLASS_COLORS))
    if classes == 2:
        return handles + [Patch(color=REGION_COLORS(0), label="predicted 0"),
                          Patch(color=REGION_COLORS(1), label="predicted 1"),
                          Line2D([], [], color="k", linewidth=1, label="boundary, $a^{[L]} = 0.5$")]
    return handles + [Patch(color="0.85", label="shaded: the predicted class"),
                      Line2D([], [], color="k", linewidth=1, label="boundary: the largest $a^{[L]}_k$ changes")]


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
    panels : dict {panel title: (X (2, m), Y (1, m) of 0/1 labels or (C, m) one-hot)}
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
    Y : ndarray, shape (1, m) with 0/1 labels, or (C, m) one-hot
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
    shared_legend(fig, boundary_legend_handles(axes[0], _classes(check_Y(Y, np.shape(X)[-1]))[0]))
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


