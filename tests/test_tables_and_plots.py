"""The Markdown tables and the plotting helpers."""

import matplotlib

matplotlib.use("Agg")

import os  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from utils import (  # noqa: E402
    backward_propagation,
    forward_propagation,
    gradient_check_n,
    load_circles,
    load_gradient_check_case,
    model,
    schedule_lr_decay,
    update_lr,
)
from utils.plots import (  # noqa: E402
    check_figure,
    plot_costs,
    plot_data,
    plot_data_sets,
    plot_decision_boundaries,
    plot_decision_boundary,
    plot_epsilon_sweep,
    plot_learning_rate_schedules,
    plot_optimizer_paths,
    plot_parameter_vector,
    plot_relative_errors,
    plot_sweep,
    save_figure,
    set_style,
)
from utils.plots.gradients import LOG_FLOOR  # noqa: E402
from utils.surfaces import elongated_bowl, optimizer_path, rosenbrock  # noqa: E402
from utils.tables import markdown_table, mean_std, power_of_ten, validation_table  # noqa: E402


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


def test_validation_table_shows_the_mean_fit_and_dev_accuracies():
    from utils import ValidationCurve
    curve = ValidationCurve("lambd", [0.0, 0.5], np.array([[0.8, 0.7], [0.9, 0.7]]), np.array([[0.6, 0.7], [0.6, 0.8]]),
                            [])
    assert validation_table(curve) == ("| lambd | 0 | 0.5 |\n|---|---|---|\n| fit accuracy | 0.850 | 0.700 |\n"
                                       "| dev accuracy | 0.600 | 0.750 |")
    assert curve.best == 0.5


def test_plot_costs_draws_one_colour_and_one_legend_entry_per_label_for_several_seeds():
    fig, ax = plt.subplots()
    plot_costs({"he": np.array([[0.7, 0.5, 0.3], [0.7, 0.6, 0.2]]), "zeros": [0.69, 0.69, 0.69]}, ax=ax, every=100)
    assert len(ax.lines) == 3 and ax.lines[0].get_color() == ax.lines[1].get_color() != ax.lines[2].get_color()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["he (2 seeds)", "zeros"]
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [0, 100, 200])
    plt.close(fig)


def test_save_figure_writes_where_it_is_told_and_never_into_images_under_test(tmp_path, monkeypatch):
    import utils.plots.style as plots
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


@pytest.fixture(scope="module")
def trained():
    train_X, train_Y, test_X, test_Y = load_circles()
    parameters, costs = model(train_X, train_Y, [2, 4, 1], 0.1, 2000)
    return train_X, train_Y, test_X, test_Y, parameters, costs


def figures(trained):
    """One figure from every plotting helper, drawn as the notebooks draw them."""
    train_X, train_Y, test_X, test_Y, parameters, costs = trained
    X, Y, case = load_gradient_check_case()
    _, cache = forward_propagation(X, case)
    gradients = backward_propagation(X, Y, cache)
    report = gradient_check_n(case, gradients, X, Y)
    drawn = {"data sets": plot_data_sets({"train": (train_X, train_Y), "test": (test_X, test_Y)}, title="Data"),
             "boundaries": plot_decision_boundaries({"a": parameters, "b": parameters}, train_X, train_Y,
                                                    resolution=30, title="Boundaries"),
             "optimizer paths": plot_optimizer_paths([
                 (surface, {name: optimizer_path(surface, name, rate, 30) for name, rate in (("gd", 0.002),
                                                                                           ("adam", 0.05))})
                 for surface in (elongated_bowl(), rosenbrock())], title="Paths")}
    for name, draw in {
        "data": lambda ax: plot_data(train_X, train_Y, ax=ax),
        "boundary": lambda ax: plot_decision_boundary(parameters, train_X, train_Y, ax=ax, resolution=30),
        "costs": lambda ax: plot_costs({"he": costs, "seeds": [costs, costs]}, ax=ax, log=True),
        "vector": lambda ax: plot_parameter_vector(case, ax=ax),
        "relative errors": lambda ax: plot_relative_errors({"correct": report}, ax=ax),
        "epsilon sweep": lambda ax: plot_epsilon_sweep([1e-3, 1e-5, 1e-7], [1e-8, 1e-11, 1e-9], ax=ax),
        "epsilon sweep, two methods": lambda ax: plot_epsilon_sweep(
            [1e-3, 1e-5, 1e-7], {"loop": [1e-8, 1e-11, 1e-9], "batched": [1e-8, 1e-12, 0.0]}, ax=ax),
        "sweep": lambda ax: plot_sweep([0.1, 1.0], {"dev": [[0.8, 0.7], [0.9, 0.6]]}, ax=ax, best=0.1),
        "sweep with seeds": lambda ax: plot_sweep([0.01, 0.1, 1.0], {"a": [[0.8, 0.7, 0.5], [0.9, 0.6, 0.9]],
                                                                     "b": [[0.6, 0.7, 0.8], [0.7, 0.75, 0.5]]},
                                                  ax=ax, spread="seeds", legend="outside"),
        "epoch costs": lambda ax: plot_costs({"adam": costs}, ax=ax, every=100, unit="epoch"),
        "schedules": lambda ax: plot_learning_rate_schedules({"update_lr": update_lr, "steps": schedule_lr_decay,
                                                              "constant": None}, 0.1, 3000, ax=ax),
    }.items():
        fig, ax = plt.subplots(figsize=(7, 4))
        draw(ax)
        drawn[name] = fig
    return drawn


def test_differences_too_small_for_a_log_axis_are_drawn_at_the_stated_floor():
    ax = plot_epsilon_sweep([1e-3, 1e-5, 1e-7], {"loop": [1e-8, 1e-11, 1e-9], "batched": [1e-8, 1e-20, 0.0]})
    loop, batched = ax.get_lines()[:2]
    np.testing.assert_array_equal(batched.get_ydata(), [1e-8, LOG_FLOOR, LOG_FLOOR])
    assert loop.get_label() == "loop" and f"floor {LOG_FLOOR:.0e}" in ax.get_ylabel()
    assert "best: epsilon = 1e-05 (first line)" in [text.get_text() for text in ax.get_legend().get_texts()]
    plt.close("all")


def test_every_figure_of_every_helper_passes_the_legibility_check(trained):
    set_style()
    for name, fig in figures(trained).items():
        assert check_figure(fig) == [], name
        for ax in fig.axes:  # a title and labelled axes, or axes shared with a labelled neighbour, or hidden
            assert ax.get_title()
            assert ax.get_xlabel() or any(o.get_xlabel() for o in ax.get_shared_x_axes().get_siblings(ax))
            assert ax.get_ylabel() or not ax.yaxis.get_visible() or any(
                o.get_ylabel() for o in ax.get_shared_y_axes().get_siblings(ax))
        plt.close(fig)


def test_figures_of_several_panels_share_one_legend_and_scale_the_plane_equally(trained):
    fig = figures(trained)["boundaries"]
    assert len(fig.legends) == 1 and all(ax.get_legend() is None for ax in fig.axes)
    assert [t.get_text() for t in fig.legends[0].get_texts()][:2] == ["class 0", "class 1"]
    assert all(ax.get_aspect() == 1.0 for ax in fig.axes)
    plt.close("all")


def bare(title="t", xlabel="x", ylabel="y"):
    fig, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    ax.plot([0, 1, 2], [0, 1, 2], label="line")
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    return fig, ax


def side_by_side_without_a_layout_manager():
    fig, axes = plt.subplots(1, 2, figsize=(4, 2), layout="none")
    fig.subplots_adjust(wspace=0.05)
    for ax in axes:
        ax.plot([0, 1], [0, 1])
        ax.set(title="t", xlabel="x", ylabel="a long label that runs into the neighbour")
    return fig


def crowded_ticks():
    fig, ax = bare()
    ax.set_xticks(np.linspace(0, 2, 40))
    return fig


def legend_over_the_data():
    fig, ax = bare()
    ax.plot(np.linspace(0, 2, 50), np.full(50, 1.9))
    ax.legend(loc="upper left")
    return fig


def two_texts_on_top_of_each_other():
    fig, ax = bare()
    ax.text(1, 1, "first label")
    ax.text(1, 1, "second label")
    return fig


def legend_over_a_note():
    fig, ax = bare()
    ax.annotate("a note", xy=(0.05, 0.95), xycoords="axes fraction", va="top")
    ax.legend(loc="upper left")
    return fig


def small_text():
    fig, ax = bare()
    ax.legend(fontsize=7)
    return fig


@pytest.mark.parametrize("make, problem", [
    (lambda: bare(title="")[0], "panel 1 has no title"),
    (lambda: bare(xlabel="")[0], "has no x label"),
    (lambda: bare(ylabel="")[0], "has no y label"),
    (small_text, "the text 'line' is 7 pt, under 9 pt"),
    (side_by_side_without_a_layout_manager, "the y label of panel 2 ('t') is drawn over panel 1"),
    (crowded_ticks, "tick labels of the x axis of panel 1 ('t') overlap each other"),
    (legend_over_the_data, "the legend of panel 1 ('t') covers its data"),
    (two_texts_on_top_of_each_other, "the texts 'first label' and 'second label' of panel 1 ('t') overlap"),
    (legend_over_a_note, "the legend of panel 1 ('t') is drawn over the text 'a note'"),
])
def test_check_figure_names_what_makes_a_figure_hard_to_read(make, problem):
    fig = make()
    found = check_figure(fig)
    assert any(problem in sentence for sentence in found), found
    plt.close(fig)


def test_save_figure_refuses_a_figure_that_fails_the_check(tmp_path):
    fig, _ = bare(title="")
    with pytest.raises(ValueError, match="figure 'untitled' is hard to read, so it was not saved:\n- panel 1 has no"):
        save_figure(fig, "untitled", directory=tmp_path)
    assert not (tmp_path / "untitled.png").exists()
    plt.close(fig)


def test_save_figure_writes_a_png(tmp_path):
    fig, _ = bare()
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
