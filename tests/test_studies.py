"""The week-2 studies: each network is the one model trains, and the summaries say what the costs say."""

import math

import numpy as np
import pytest

from utils import TrainingDiverged, load_moons, model
from utils.diagnostics import iterations_to_reach, rising_steps
from utils.studies import batch_size_study, compare_optimizers, train_runs

X, Y, test_X, test_Y = load_moons()
SHORT = dict(mini_batch_size=64, num_epochs=30, cost_every=10)


def same_parameters(a, b):
    return all(np.array_equal(a[key], b[key]) for key in a)


def test_train_runs_is_one_model_call_per_run_whatever_the_processes():
    runs = {"gd": dict(learning_rate=0.05, **SHORT), "adam": dict(learning_rate=0.01, optimizer="adam", **SHORT),
            "full batch": dict(learning_rate=0.1, num_iterations=20)}
    alone = {label: model(X, Y, [2, 5, 2, 1], **kwargs) for label, kwargs in runs.items()}
    for n_jobs in (1, 2):
        results = train_runs(X, Y, [2, 5, 2, 1], runs, n_jobs=n_jobs)
        assert list(results) == list(runs)
        for label, (parameters, costs) in results.items():
            assert same_parameters(parameters, alone[label][0]) and costs == alone[label][1]


def test_an_error_in_one_run_names_it():
    with pytest.raises(ValueError, match=r"runs\['bad'\]: learning_rate must be > 0"):
        train_runs(X, Y, [2, 5, 2, 1], {"good": dict(num_iterations=1), "bad": dict(learning_rate=-1.0)}, n_jobs=2)


def negative_schedule(learning_rate0, epoch_num, decay_rate):
    return -learning_rate0


def test_every_error_of_a_stack_of_runs_names_the_run_it_comes_from(capsys):
    good = dict(learning_rate=0.01, **SHORT)
    with pytest.raises(TrainingDiverged, match=r"^runs\['boom'\]: training diverged"):  # trained alone, printing
        train_runs(X, Y, [2, 5, 1], {"good": good, "boom": dict(learning_rate=1e300, print_cost=True, **SHORT)})
    with pytest.raises(TrainingDiverged, match=r"diverged at epoch 0 \(mini-batch 2\) for runs\['boom'\]"):
        train_runs(X, Y, [2, 5, 1], {"good": good, "boom": dict(learning_rate=1e300, **SHORT)})
    with pytest.raises(ValueError, match=r"negative_schedule\(0.02, 0, 1.0\) returned -0.02 after epoch 0 \(for "
                                         r"runs\['bad'\]\)"):
        train_runs(X, Y, [2, 5, 1], {"good": good, "bad": dict(learning_rate=0.02, decay=negative_schedule,
                                                                   **SHORT)})
    with pytest.raises(TypeError, match=r"runs\['p'\]: print_cost must be True or False, got 1"):
        train_runs(X, Y, [2, 5, 1], {"good": good, "p": dict(print_cost=1, **SHORT)})
    with pytest.raises(TypeError, match=r"runs\['lambda'\]\['decay'\] must be a function defined at module level"):
        train_runs(X, Y, [2, 5, 1], {"good": good, "lambda": dict(decay=lambda rate, epoch, decay_rate: rate,
                                                                      **SHORT)}, n_jobs=2)
    capsys.readouterr()


def test_settings_given_as_0_d_arrays_are_stacked_like_numbers():
    runs = {"a": dict(learning_rate=0.01, mini_batch_size=np.array(64), num_epochs=np.array(3)),
            "b": dict(learning_rate=0.02, mini_batch_size=64, num_epochs=3)}
    results = train_runs(X, Y, [2, 5, 2, 1], runs)
    for label, kwargs in runs.items():
        assert same_parameters(results[label][0], model(X, Y, [2, 5, 2, 1], **kwargs)[0])


def test_compare_optimizers_trains_what_model_trains_and_tunes_on_the_training_cost():
    datasets = [load_moons(seed, n_test=50) for seed in (0, 1)]
    comparison = compare_optimizers(datasets, [2, 5, 2, 1], [0, 1], ["gd", "adam"], [0.01, 0.1], **SHORT)
    assert comparison.costs.shape == (2, 2, 2, 3) and comparison.test.shape == (2, 2, 2)
    parameters, costs = model(datasets[1][0], datasets[1][1], [2, 5, 2, 1], 0.1, seed=1, optimizer="adam", **SHORT)
    assert same_parameters(comparison.networks[1][1][1], parameters)
    assert comparison.costs[1, 1, 1].tolist() == costs
    assert comparison.test[1, 1, 1] == pytest.approx(np.mean(
        (1 / (1 + np.exp(-(parameters["W3"] @ np.maximum(parameters["W2"] @ np.maximum(
            parameters["W1"] @ datasets[1][2] + parameters["b1"], 0) + parameters["b2"], 0) + parameters["b3"]))) > 0.5)
        == datasets[1][3]))
    for o, name in enumerate(comparison.optimizers):
        k = int(np.argmin(comparison.final_costs[o].mean(axis=0)))
        assert comparison.tuned[name] == comparison.learning_rates[k]
        assert comparison.mean("test", name, 0.1) == comparison.test[o, :, 1].mean()
    with pytest.raises(ValueError, match="score must be one of"):
        comparison.mean("cost", "gd", 0.1)



def test_a_comparison_scores_a_diverged_network_nan_and_never_tunes_to_it():
    datasets = [load_moons(seed, n_test=50) for seed in (0, 1)]
    comparison = compare_optimizers(datasets, [2, 5, 1], [0, 1], ["gd", "adam"], [0.01, 1e300], if_diverged="nan",
                                    **SHORT)
    assert np.isnan(comparison.test[:, :, 1]).all() and np.isfinite(comparison.test[:, :, 0]).all()
    diverged = [network is None for row in comparison.networks for seed in row for network in seed]
    assert any(diverged) and diverged == list(np.isnan(comparison.final_costs).ravel())
    assert comparison.tuned == {"gd": 0.01, "adam": 0.01}
    only_diverged = compare_optimizers(datasets, [2, 5, 1], [0, 1], ["gd"], [1e300], if_diverged="nan", **SHORT)
    assert only_diverged.tuned == {"gd": None}

def test_batch_size_study_counts_epochs_updates_and_rises_from_the_costs():
    study = batch_size_study(X, Y, [2, 5, 2, 1], [1, 64, 300], target=0.65, num_epochs=30, learning_rate=0.05)
    full, costs = model(X, Y, [2, 5, 2, 1], 0.05, mini_batch_size=300, num_epochs=30, cost_every=1)
    np.testing.assert_array_equal(study.costs[2], costs)
    for size, curve, epoch, updates, rises in zip(study.sizes, study.costs, study.epochs, study.updates, study.rises,
                                                  strict=True):
        assert epoch == iterations_to_reach(curve, 0.65, every=1)
        assert updates == (None if epoch is None else (epoch + 1) * math.ceil(300 / size))
        assert rises == len(rising_steps(curve))
    assert study.epochs[0] < study.epochs[1] and study.epochs[2] is None  # more steps per epoch go further per epoch
    assert all(s > 0 for s in study.seconds_per_epoch) and study.seconds[2] is None


@pytest.mark.parametrize("call, error, message", [
    (lambda: train_runs(X, Y, [2, 5, 2, 1], [dict()]), TypeError, "runs must be a non-empty dict"),
    (lambda: compare_optimizers([load_moons(0)], [2, 5, 2, 1], [0, 1], ["gd"], [0.1]), ValueError,
     "datasets must hold one data set per seed"),
    (lambda: compare_optimizers([load_moons(0)], [2, 5, 2, 1], [0], ["sgd"], [0.1]), ValueError,
     "optimizers must be among"),
    (lambda: compare_optimizers([load_moons(0)], [2, 5, 2, 1], [0], ["gd"], [0.1], optimizer="adam"), ValueError,
     "give it in optimizers"),
    (lambda: batch_size_study(X, Y, [2, 5, 2, 1], [0], 0.5, 10), ValueError, r"sizes\[0\] must be >= 1"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
