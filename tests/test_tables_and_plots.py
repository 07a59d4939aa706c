"""The Markdown tables and the plotting helpers."""

import matplotlib

matplotlib.use("Agg")

import os  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from utils import load_circles, load_gradient_check_case, model  # noqa: E402
from utils.plots import (  # noqa: E402
    plot_costs,
    plot_data,
    plot_decision_boundary,
    plot_epsilon_sweep,
    plot_parameter_vector,
    save_figure,
)
from utils.tables import markdown_table, mean_std, power_of_ten  # noqa: E402


def test_markdown_table():
    assert markdown_table(["a", "b"], [[1, "x"], [2.5, "y"]]) == "| a | b |\n|---|---|\n| 1 | x |\n| 2.5 | y |"
    with pytest.raises(ValueError, match=r"rows\[0\] has 1 cells but the header has 2"):
        markdown_table(["a", "b"], [[1]])


def test_mean_std():
    assert mean_std([0.9, 0.95, 1.0]) == "0.950 ± 0.041"
    with pytest.raises(ValueError, match="non-empty 1-D"):
        mean_std([])


def test_power_of_ten_typesets_scientific_notation_for_markdown():
    assert power_of_ten(3.04e-58) == "$3.0 \\times 10^{-58}$"
    assert power_of_ten(1.0) == "$1.0 \\times 10^{0}$"
    assert power_of_ten(8.46e39, digits=2) == "$8.46 \\times 10^{39}$"


def test_plot_costs_draws_one_colour_and_one_legend_entry_per_label_for_several_seeds():
    fig, ax = plt.subplots()
    plot_costs({"he": np.array([[0.7, 0.5, 0.3], [0.7, 0.6, 0.2]]), "zeros": [0.69, 0.69, 0.69]}, ax=ax, every=100)
    assert len(ax.lines) == 3 and ax.lines[0].get_color() == ax.lines[1].get_color() != ax.lines[2].get_color()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["he (2 seeds)", "zeros"]
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [0, 100, 200])
    plt.close(fig)


def test_save_figure_writes_where_it_is_told_and_never_into_images_under_test(tmp_path, monkeypatch):
    import utils.plots as plots
    fig = plt.figure()
    # conftest.py points UTILS_IMAGES_DIR at a temporary folder for the whole session
    assert Path(os.environ[plots.IMAGES_DIR_VARIABLE]).resolve() != plots.IMAGES_DIR.resolve()
    monkeypatch.setenv(plots.IMAGES_DIR_VARIABLE, str(tmp_path / "elsewhere"))
    assert save_figure(fig, "redirected") == str(tmp_path / "elsewhere" / "redirected.png")
    assert (tmp_path / "elsewhere" / "redirected.png").is_file()
    monkeypatch.setattr(plots, "IMAGES_DIR", tmp_path / "Images")
    monkeypatch.delenv(plots.IMAGES_DIR_VARIABLE)
    assert save_figure(fig, "default") == "Images/default.png" and (tmp_path / "Images" / "default.png").is_file()
    plt.close(fig)


def test_every_plot_has_a_title_labelled_axes_and_a_legend(tmp_path):
    train_X, train_Y, _, _ = load_circles()
    parameters, costs = model(train_X, train_Y, [2, 4, 1], 0.1, 2000)
    fig, axes = plt.subplots(1, 5, figsize=(20, 4))
    plot_data(train_X, train_Y, ax=axes[0])
    plot_decision_boundary(parameters, train_X, train_Y, ax=axes[1], resolution=30)
    plot_costs({"he": costs}, ax=axes[2], log=True)
    plot_parameter_vector(load_gradient_check_case()[2], ax=axes[3])
    plot_epsilon_sweep([1e-3, 1e-5, 1e-7], [1e-8, 1e-11, 1e-9], ax=axes[4])
    for ax in axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_legend() is not None
    for ax in axes[[0, 1, 2, 4]]:
        assert ax.get_ylabel()
    path = save_figure(fig, "test_figure", directory=tmp_path)
    assert path.endswith("test_figure.png") and (tmp_path / "test_figure.png").stat().st_size > 1000
    plt.close(fig)


@pytest.mark.parametrize("call, error, message", [
    (lambda: save_figure(plt.figure(), "../escape"), ValueError, "name must be a file name"),
    (lambda: save_figure(plt.figure(), "figure.png"), ValueError, "without extension"),
    (lambda: plot_data(np.zeros((3, 4)), np.zeros((1, 4))), ValueError, "X must have 2 rows"),
    (lambda: plot_costs([]), TypeError, "curves must be a non-empty dict"),
    (lambda: plot_epsilon_sweep([1e-3], [1.0, 2.0]), ValueError, "same length"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
    plt.close("all")
