"""Plotting helpers for the notebooks: one look, figures that are checked for legibility, saved into Images/.

Every panel helper draws on a matplotlib Axes (a new figure when none is given) and returns it, with a
title, labelled axes and a legend. The figure helpers lay several panels out side by side with shared axes
and one legend for all of them. One module per topic:

- ``style``: ``set_style`` (one look for every notebook), ``check_figure`` (what makes a figure hard to read)
  and ``save_figure``, which refuses a figure that ``check_figure`` finds fault with;
- ``plane``: data in the plane, decision regions (two classes or more), optimizers' paths on a surface;
- ``curves``: cost curves, validation curves and sweeps, learning-rate schedules;
- ``tuning``: sampled hyperparameters, the points a search tried, successive halving;
- ``gradients``: the parameter vector, per-tensor relative errors, the choice of epsilon;
- ``images``: images as a grid of pictures, a confusion matrix, the examples a classifier got wrong.

``from utils.plots import plot_costs`` works for every helper, whichever module holds it.
"""

from .curves import plot_costs, plot_learning_rate_schedules, plot_sweep
from .gradients import plot_epsilon_sweep, plot_parameter_vector, plot_relative_errors
from .images import plot_confusion_matrix, plot_images, plot_misclassified
from .plane import (
    boundary_legend_handles,
    plot_data,
    plot_data_sets,
    plot_decision_boundaries,
    plot_decision_boundary,
    plot_optimizer_paths,
    shared_legend,
)
from .style import IMAGES_DIR, IMAGES_DIR_VARIABLE, MIN_FONT_SIZE, STYLE, check_figure, save_figure, set_style
from .tuning import plot_histograms, plot_search_points, plot_successive_halving

__all__ = [
    "IMAGES_DIR",
    "IMAGES_DIR_VARIABLE",
    "MIN_FONT_SIZE",
    "STYLE",
    "boundary_legend_handles",
    "check_figure",
    "plot_confusion_matrix",
    "plot_costs",
    "plot_data",
    "plot_data_sets",
    "plot_decision_boundaries",
    "plot_decision_boundary",
    "plot_epsilon_sweep",
    "plot_histograms",
    "plot_images",
    "plot_learning_rate_schedules",
    "plot_misclassified",
    "plot_optimizer_paths",
    "plot_parameter_vector",
    "plot_relative_errors",
    "plot_search_points",
    "plot_successive_halving",
    "plot_sweep",
    "save_figure",
    "set_style",
    "shared_legend",
]
