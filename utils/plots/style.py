"""One look for every figure, a legibility check that every saved figure passes, and ``save_figure``.

``set_style`` gives every notebook the same look (a layout manager, text of at least 9 pt, light grids).
``check_figure`` lists what makes a figure hard to read: a panel without a title or axis labels, text under
9 pt, text of one panel drawn over another, labels drawn over each other, a legend over the data.
``save_figure`` refuses to save a figure that has any of these, so every figure in Images/ passes.
"""

import itertools
import math
import os
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from .._validation import (
    check_choice,
    check_count,
    check_instance,
)

IMAGES_DIR = Path(__file__).resolve().parents[2] / "Images"
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


LEGEND_LOCATIONS = ("best", "upper right", "upper left", "lower left", "lower right", "right", "center left",
                    "center right", "lower center", "upper center", "center", "outside")


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


def _legend(ax, location, **options):
    """A legend inside the axes at ``location``, or "outside": to the right of the axes."""
    if location == "outside":
        return ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, **options)
    return ax.legend(loc=location, **options)



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
    """The tick labels matplotlib draws: on a visible axis, visible, not empty, at a tick inside the view limits."""
    if not axis.get_visible():
        return []
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

