"""model with mini-batches and optimizers (week 2): the course's seven runs exactly, and a hand-written loop matched."""

import numpy as np
import pytest

from utils import (
    TrainingDiverged,
    accuracy,
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_adam,
    initialize_parameters,
    initialize_rmsprop,
    initialize_velocity,
    load_moons,
    model,
    model_batch,
    random_mini_batches,
    schedule_lr_decay,
    sweep,
    update_lr,
    update_parameters_with_adam,
    update_parameters_with_gd,
    update_parameters_with_momentum,
    update_parameters_with_rmsprop,
)
from utils.studies import train_runs

X, Y, test_X, test_Y = load_moons()


COURSE_RUNS = [
    ("gd", 0.0007, None, 0.7166666666666667, "0.702405 0.668101 0.635288 0.600491 0.573367"),
    ("momentum", 0.0007, None, 0.7166666666666667, "0.702413 0.668167 0.635388 0.600591 0.573444"),
    ("adam", 0.0007, None, 0.9433333333333334, "0.702166 0.167845 0.141316 0.138788 0.136066"),
    ("gd", 0.1, update_lr, 0.6533333333333333, "0.701091 0.661884 0.658620 0.656765 0.655486"),
    ("gd", 0.1, schedule_lr_decay, 0.9433333333333334, "0.701091 0.127161 0.120304 0.117033 0.117512"),
    ("momentum", 0.1, schedule_lr_decay, 0.9533333333333334, "0.702226 0.128974 0.125965 0.123375 0.123218"),
    ("adam", 0.01, schedule_lr_decay, 0.94, "0.699346 0.130074 0.129826 0.129282 0.128361"),
]
"""The course's seven runs: optimizer, learning rate, decay, its published training accuracy and epoch costs."""


@pytest.fixture(scope="module")
def course_runs():
    """The seven runs of ``model`` with the course's settings, trained together by ``train_runs`` (one stack, each
    run model's bit for bit: test_studies and test_batch check that)."""
    return train_runs(X, Y, [2, 5, 2, 1], {k: dict(learning_rate=rate, optimizer=optimizer, decay=decay,
                                                   mini_batch_size=64, num_epochs=5000)
                                           for k, (optimizer, rate, decay, _, _) in enumerate(COURSE_RUNS)})


@pytest.mark.parametrize("k", range(len(COURSE_RUNS)), ids=[f"{run[0]}-{run[1]}-{getattr(run[2], '__name__', None)}"
                                                            for run in COURSE_RUNS])
def test_the_course_runs_are_reproduced_exactly(course_runs, k):
    """The course's published accuracies, and its printed epoch costs to the six decimals it prints."""
    parameters, recorded = course_runs[k]
    *_, train_accuracy, costs = COURSE_RUNS[k]
    assert accuracy(X, Y, parameters) == train_accuracy
    assert " ".join(f"{cost:f}" for cost in recorded) == costs


def hand_written(optimizer, learning_rate, num_epochs, decay=None, mini_batch_size=64, lambd=0.0):
    """The course's week-2 loop, written with the public functions: what ``model`` must do, step for step."""
    parameters = initialize_parameters([2, 5, 2, 1], "he", np.random.RandomState(3))
    v = initialize_velocity(parameters) if optimizer == "momentum" else None
    s = initialize_rmsprop(parameters) if optimizer == "rmsprop" else None
    if optimizer == "adam":
        v, s = initialize_adam(parameters)
    t, costs, rate = 0, [], learning_rate
    for epoch in range(num_epochs):
        total = 0.0
        for batch_X, batch_Y in random_mini_batches(X, Y, mini_batch_size, seed=11 + epoch):
            share = batch_X.shape[1] / X.shape[1]
            _, cache = forward_propagation(batch_X, parameters)
            total += share * compute_cost(cache.ZL, batch_Y, parameters, lambd * share)
            grads = backward_propagation(batch_X, batch_Y, cache, lambd * share)
            t += 1
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, 0.9, rate)
            elif optimizer == "rmsprop":
                parameters, s = update_parameters_with_rmsprop(parameters, grads, s, rate)
            else:
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, rate)
        costs.append(total)
        if decay is not None:
            rate = decay(learning_rate, epoch, 1.0)
    return parameters, costs


@pytest.mark.parametrize("optimizer", ["gd", "momentum", "rmsprop", "adam"])
@pytest.mark.parametrize("decay, lambd", [(None, 0.0), (update_lr, 0.0), (None, 0.5)])
def test_model_is_the_loop_of_the_public_functions(optimizer, decay, lambd):
    """Bit for bit the same parameters (the same steps in the same order), and the same epoch costs."""
    expected, expected_costs = hand_written(optimizer, 0.01, 30, decay, lambd=lambd)
    parameters, costs = model(X, Y, [2, 5, 2, 1], 0.01, lambd=lambd, optimizer=optimizer, mini_batch_size=64,
                              num_epochs=30, decay=decay, cost_every=1)
    assert all(np.array_equal(parameters[key], expected[key]) for key in expected)
    np.testing.assert_allclose(costs, expected_costs, rtol=1e-13)


def test_one_mini_batch_of_every_example_is_full_batch_gradient_descent():
    full, full_costs = model(X, Y, [2, 5, 2, 1], 0.05, 200, lambd=0.3)
    one_batch, batch_costs = model(X, Y, [2, 5, 2, 1], 0.05, lambd=0.3, mini_batch_size=300, num_epochs=200)
    assert all(np.allclose(full[key], one_batch[key], rtol=1e-12, atol=1e-15) for key in full)  # only shuffled sums
    np.testing.assert_allclose(full_costs, batch_costs, rtol=1e-13)
    epochs, _ = model(X, Y, [2, 5, 2, 1], 0.05, lambd=0.3, num_epochs=200)  # full batch counted in epochs
    assert all(np.array_equal(full[key], epochs[key]) for key in full)


def test_print_cost_prints_the_course_lines(capsys):
    _, costs = model(X, Y, [2, 5, 2, 1], 0.1, optimizer="momentum", mini_batch_size=64, num_epochs=3, cost_every=2,
                     decay=schedule_lr_decay, print_cost=True)
    assert capsys.readouterr().out == (f"Cost after epoch 0: {costs[0]:f}\nlearning rate after epoch 0: 0.100000\n"
                                       f"Cost after epoch 2: {costs[1]:f}\nlearning rate after epoch 2: 0.100000\n")


def test_model_batch_trains_each_network_as_model_does():
    settings = dict(optimizer="adam", mini_batch_size=64, num_epochs=20, decay=update_lr, cost_every=5)
    parameters, costs = model_batch(X, Y, [2, 5, 2, 1], [3, 4], learning_rate=[0.01, 0.003], **settings)
    for s, (seed, rate) in enumerate([(3, 0.01), (4, 0.003)]):
        alone, alone_costs = model(X, Y, [2, 5, 2, 1], rate, seed=seed, **settings)
        assert all(np.array_equal(parameters[s][key], alone[key]) for key in alone)
        assert costs[s].tolist() == alone_costs


def test_a_learning_rate_sweep_is_one_call():
    networks, costs = sweep(X, Y, [2, 5, 2, 1], [3, 4], "learning_rate", [0.001, 0.1], optimizer="gd",
                            mini_batch_size=64, num_epochs=50, cost_every=49)
    assert costs.shape == (2, 2, 2) and np.all(costs[:, 1, -1] < costs[:, 0, -1])  # the larger rate goes further
    alone, _ = model(X, Y, [2, 5, 2, 1], 0.1, seed=4, optimizer="gd", mini_batch_size=64, num_epochs=50)
    assert all(np.array_equal(networks[1][1][key], alone[key]) for key in alone)


def test_divergence_names_the_epoch_and_the_mini_batch():
    with pytest.raises(TrainingDiverged, match=r"training diverged at epoch 0 \(mini-batch 2\): .* learning_rate "
                                               r"\(it is 1e\+300\)"):
        model(X, Y, [2, 5, 1], 1e300, mini_batch_size=64, num_epochs=3)


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(num_iterations=10, num_epochs=10), ValueError, "give num_iterations .* or num_epochs .*, not both"),
    (dict(mini_batch_size=64, num_iterations=10), ValueError, "with mini-batches, training is counted in epochs: "
                                                              "give num_epochs"),
    (dict(mini_batch_size=64, num_epochs=1, fixed_masks=True), ValueError, "fixed_masks .* cannot be combined"),
    (dict(num_epochs=1, decay="update_lr"), TypeError, "decay must be a schedule"),
    (dict(num_epochs=2, decay=lambda rate, epoch, decay_rate: -rate), ValueError,
     r"decay must return a positive learning rate: <lambda>\(0.01, 0, 1.0\) returned -0.01 after epoch 0"),
    (dict(num_epochs=1, optimizer="sgd"), ValueError, "optimizer must be one of"),
    (dict(num_epochs=1, optimizer="adam", beta1=1.0), ValueError, "beta1 must be < 1"),
    (dict(num_epochs=1, mini_batch_size=0), ValueError, "mini_batch_size must be >= 1"),
    (dict(num_epochs=1, shuffle_seed=-1), ValueError, "shuffle_seed must be >= 0"),
])
def test_bad_arguments_get_clear_errors(kwargs, error, message):
    with pytest.raises(error, match=message):
        model(X, Y, [2, 5, 2, 1], 0.01, **kwargs)
