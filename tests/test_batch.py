"""model_batch trains exactly the networks that model trains, seed by seed."""

import io
import os
import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_info

import utils
from utils import (
    TrainingDiverged,
    accuracies,
    accuracy,
    load_circles,
    load_moons,
    model,
    parallel,
    schedule_lr_decay,
    train,
    update_lr,
)
from utils.batch import STACK_ELEMENTS, _stacks, model_batch, train_settings
from utils.diagnostics import layer_statistics

train_X, train_Y, _, _ = load_circles()


@pytest.mark.parametrize("lambd, keep_prob", [(0.0, 1.0), (0.7, 1.0), (0.0, 0.8), (0.7, 0.8)])
def test_each_network_is_bitwise_the_one_model_trains(lambd, keep_prob):
    seeds = [3, 0, 11]
    batch_parameters, batch_costs = model_batch(train_X, train_Y, [2, 6, 3, 1], seeds, 0.1, 1500, "he",
                                                lambd, keep_prob)
    assert batch_costs.shape == (3, 2)
    for parameters, costs, seed in zip(batch_parameters, batch_costs, seeds, strict=True):
        expected, expected_costs = model(train_X, train_Y, [2, 6, 3, 1], 0.1, 1500, "he", lambd, keep_prob, seed)
        assert all(np.array_equal(parameters[k], expected[k]) for k in expected)
        np.testing.assert_array_equal(costs, expected_costs)


def test_settings_per_network_and_data_per_network():
    X = np.stack([train_X, train_X[::-1]])
    lambds, keep_probs = [0.0, 0.5], [1.0, 0.7]
    batch_parameters, _ = model_batch(X, train_Y, [2, 4, 1], [1, 2], 0.1, 200, "xavier", lambds, keep_probs)
    for s in range(2):
        expected, _ = model(X[s], train_Y, [2, 4, 1], 0.1, 200, "xavier", lambds[s], keep_probs[s], [1, 2][s])
        assert all(np.array_equal(batch_parameters[s][k], expected[k]) for k in expected)


def test_the_result_does_not_depend_on_the_number_of_processes():
    args = (train_X, train_Y, [2, 4, 1], [5, 6, 7], 0.1, 300, "he", 0.1, 0.9)
    one, costs_one = model_batch(*args, n_jobs=1)
    two, costs_two = model_batch(*args, n_jobs=2)
    np.testing.assert_array_equal(costs_one, costs_two)
    assert all(np.array_equal(a[k], b[k]) for a, b in zip(one, two, strict=True) for k in a)


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(seeds=[]), ValueError, "seeds must be a non-empty sequence"),
    (dict(seeds=[1, -2]), ValueError, r"seeds\[1\] must be >= 0"),
    (dict(lambd=[0.1]), ValueError, r"lambd must be one value or a sequence of 2 values \(one per seed\), got 1"),
    (dict(lambd=[0.1, -1]), ValueError, r"lambd\[1\] must be >= 0"),
    (dict(keep_prob=[1.0, 0.0]), ValueError, r"keep_prob\[1\] must be in \(0, 1\]"),
    (dict(X=np.stack([train_X] * 3)), ValueError, r"X of shape \(S, n_x, m\) must have S = 2"),
    (dict(Y=np.stack([train_Y] * 2) * 2), ValueError, "Y must hold only 0 and 1"),
    (dict(initialization="orthogonal"), ValueError, "must be one of"),
    (dict(n_jobs=0), ValueError, "n_jobs must be >= 1"),
])
def test_bad_arguments_get_clear_errors(kwargs, error, message):
    arguments = dict(X=train_X, Y=train_Y, layer_dims=[2, 3, 1], seeds=[1, 2], num_iterations=1)
    arguments.update(kwargs)
    with pytest.raises(error, match=message):
        model_batch(**arguments)


def test_one_initialization_scheme_per_network():
    methods, scales = ["zeros", "random", "he"], [None, 0.5, None]
    batch_parameters, _ = model_batch(train_X, train_Y, [2, 4, 1], [3, 3, 3], 0.1, 100, methods, init_scale=scales)
    for parameters, method, scale in zip(batch_parameters, methods, scales, strict=True):
        expected, _ = model(train_X, train_Y, [2, 4, 1], 0.1, 100, method, seed=3, init_scale=scale)
        assert all(np.array_equal(parameters[k], expected[k]) for k in expected)


def test_cost_every_sets_the_recording_interval():
    _, costs = model_batch(train_X, train_Y, [2, 3, 1], [0, 1], 0.1, 1000, cost_every=250)
    _, single = model(train_X, train_Y, [2, 3, 1], 0.1, 1000, seed=1, cost_every=250)
    assert costs.shape == (2, 4)
    np.testing.assert_array_equal(costs[1], single)


@pytest.mark.parametrize("kwargs, message", [
    (dict(initialization=["he"]), "initialization must be one value or a sequence of 2 values"),
    (dict(initialization=["he", "random"], init_scale=[None, -1.0]), r"init_scale\[1\] must be > 0"),
    (dict(initialization=["he", "he"], init_scale=[None, 1.0]), r"init_scale\[1\] applies only to method 'random'"),
    (dict(init_scale=0.5), "init_scale applies only to method 'random'"),
    (dict(cost_every=0), "cost_every must be >= 1"),
])
def test_bad_per_network_settings_get_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        model_batch(train_X, train_Y, [2, 3, 1], [1, 2], num_iterations=1, **kwargs)


def test_fixed_masks_reuse_the_first_masks_at_every_iteration():
    from utils import backward_propagation, dropout_rng, forward_propagation, initialize_parameters, update_parameters
    X, Y = train_X[:, :40], train_Y[:, :40]
    trained, _ = model(X, Y, [2, 5, 4, 1], 0.1, 30, "he", keep_prob=0.7, seed=2, fixed_masks=True)
    # the same thing written out: masks drawn once from the model's stream, reused at every step
    parameters = initialize_parameters([2, 5, 4, 1], "he", np.random.RandomState(2))
    masks = forward_propagation(X, parameters, 0.7, dropout_rng(2))[1].masks
    for _ in range(30):
        _, cache = forward_propagation(X, parameters, 0.7, masks=masks)
        parameters = update_parameters(parameters, backward_propagation(X, Y, cache), 0.1)
    for k in parameters:
        np.testing.assert_allclose(trained[k], parameters[k], rtol=1e-13, atol=1e-15)
    batch, _ = model_batch(X, Y, [2, 5, 4, 1], [2], 0.1, 30, "he", keep_prob=0.7, fixed_masks=True)
    assert all(np.array_equal(batch[0][k], trained[k]) for k in trained)


def test_sweep_trains_every_seed_value_pair():
    from utils import sweep
    X = np.stack([train_X, train_X[::-1]])
    grid, costs = sweep(X, train_Y, [2, 3, 1], [4, 5], "lambd", [0.0, 1.0], learning_rate=0.1, num_iterations=200)
    assert len(grid) == 2 and len(grid[0]) == 2 and costs.shape == (2, 2, 1)
    expected, _ = model(X[1], train_Y, [2, 3, 1], 0.1, 200, lambd=1.0, seed=5)
    assert all(np.array_equal(grid[1][1][k], expected[k]) for k in expected)
    with pytest.raises(ValueError, match=r"parameter must be one of \['keep_prob', 'lambd', 'learning_rate'\]"):
        sweep(X, train_Y, [2, 3, 1], [4, 5], "beta", [0.1])
    with pytest.raises(ValueError, match="lambd is swept"):
        sweep(X, train_Y, [2, 3, 1], [4, 5], "lambd", [0.1], lambd=0.2)
    with pytest.raises(TypeError, match="fixed_masks must be True or False"):
        model_batch(train_X, train_Y, [2, 3, 1], [1], fixed_masks="yes")


def test_a_stack_can_mark_the_networks_that_diverge_and_train_the_others_as_alone():
    X, Y, _, _ = load_moons()
    settings = dict(num_iterations=30, initialization="random", init_scale=[1.0, 1.0, 1.0])
    networks, costs = model_batch(X, Y, [2, 8, 1], [1, 2, 3], learning_rate=[0.01, 1e300, 0.02], if_diverged="nan",
                                  cost_every=10, **settings)
    assert networks[1] is None and np.isnan(costs[1]).all()
    alone, alone_costs = model(X, Y, [2, 8, 1], learning_rate=0.02, seed=3, cost_every=10, num_iterations=30,
                               initialization="random", init_scale=1.0)
    assert all(np.array_equal(networks[2][key], alone[key]) for key in alone)
    np.testing.assert_array_equal(costs[2], alone_costs)
    accuracy_of = accuracies(X, Y, networks)
    assert np.isnan(accuracy_of[1]) and accuracy_of[2] == accuracy(X, Y, alone)
    with pytest.raises(TrainingDiverged, match=r"network 1 \(seed 2\)"):
        model_batch(X, Y, [2, 8, 1], [1, 2, 3], learning_rate=[0.01, 1e300, 0.02], **settings)


def test_batch_normalized_stacks_are_model_bit_for_bit_and_stacks_stay_in_cache():
    X, Y, _, _ = load_moons()
    settings = dict(learning_rate=0.05, optimizer="momentum", mini_batch_size=64, num_epochs=3, keep_prob=0.9,
                    batch_norm=True, cost_every=1)
    networks, costs = model_batch(X, Y, [2, 7, 5, 1], [4, 5, 6], n_jobs=2, **settings)
    for network, network_costs, seed in zip(networks, costs, [4, 5, 6], strict=True):
        alone, alone_costs = model(X, Y, [2, 7, 5, 1], seed=seed, **settings)
        assert network.keys() == alone.keys() and all(np.array_equal(network[k], alone[k]) for k in alone)
        np.testing.assert_array_equal(network_costs, alone_costs)
    plain = [(False, 0)] * 5
    assert [list(stack) for stack in _stacks(plain, STACK_ELEMENTS // 2, 1)] == [[0, 1], [2, 3], [4]]
    assert [list(stack) for stack in _stacks(plain, 10, 2)] == [[0, 1, 2], [3, 4]]
    # networks that drop units never share a stack with networks that do not; one update rule is one range
    kinds = [(True, 0), (False, 1), (False, 0), (True, 2), (False, 1)]
    assert [list(stack) for stack in _stacks(kinds, 10, 1)] == [[2, 1, 4], [0, 3]]


def test_one_stack_trains_other_optimizers_and_schedules_each_as_model_does():
    X, Y, _, _ = load_moons()
    common = dict(mini_batch_size=64, num_epochs=3, cost_every=1)
    per_network = dict(optimizer=["adam", "gd", "momentum", "adam", "rmsprop"],
                       learning_rate=[0.01, 0.1, 0.05, 0.02, 0.01], beta=[0.9, 0.9, 0.8, 0.9, 0.9],
                       beta1=[0.9, 0.9, 0.9, 0.8, 0.9], decay=[None, update_lr, schedule_lr_decay, update_lr, None],
                       decay_rate=[1.0, 0.5, 1.0, 2.0, 1.0], keep_prob=[1.0, 0.9, 1.0, 0.8, 1.0])
    networks, costs = model_batch(X, Y, [2, 6, 3, 1], [1, 2, 3, 4, 5], n_jobs=2, **common, **per_network)
    for i, seed in enumerate([1, 2, 3, 4, 5]):
        alone, alone_costs = model(X, Y, [2, 6, 3, 1], seed=seed, **common,
                                   **{name: values[i] for name, values in per_network.items()})
        assert all(np.array_equal(networks[i][key], alone[key]) for key in alone), i
        np.testing.assert_array_equal(costs[i], alone_costs)


def test_auto_processes_are_the_idle_cores_and_change_nothing(monkeypatch):
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    for busy, idle in [(0.0, 2), (0.3, 2), (0.5, 1), (0.8, 1), (1.0, 1), (2.0, 1)]:  # CPUs kept busy by other work
        monkeypatch.setattr(parallel, "_busy_cpus", lambda cpus, window, busy=busy: busy)
        assert parallel.available_cores() == idle
    monkeypatch.setattr(parallel, "_busy_cpus", lambda cpus, window: None)  # no /proc/stat: every CPU
    assert parallel.available_cores() == 2 and parallel.check_n_jobs("auto") == 2
    monkeypatch.undo()
    assert 1 <= parallel.available_cores() <= (os.cpu_count() or 1)
    settings = dict(learning_rate=0.05, num_iterations=30, keep_prob=0.9)
    auto, auto_costs = model_batch(train_X, train_Y, [2, 4, 1], [1, 2, 3], n_jobs="auto", **settings)
    one, one_costs = model_batch(train_X, train_Y, [2, 4, 1], [1, 2, 3], n_jobs=1, **settings)
    assert all(np.array_equal(a[key], b[key]) for a, b in zip(auto, one, strict=True) for key in a)
    np.testing.assert_array_equal(auto_costs, one_costs)


@pytest.mark.parametrize("n_jobs, error, message", [
    ("all", ValueError, "n_jobs must be an int >= 1 or 'auto' .the idle cores., got 'all'"),
    (None, TypeError, "n_jobs must be an int >= 1 or 'auto'"),
    (True, TypeError, "n_jobs must be an int >= 1 or 'auto'"),
    (0, ValueError, "n_jobs must be >= 1, got 0"),
    (1.5, TypeError, "n_jobs must be an integer"),
])
def test_a_bad_number_of_processes_is_named(n_jobs, error, message):
    with pytest.raises(error, match=message):
        model_batch(train_X, train_Y, [2, 4, 1], [1], num_iterations=1, n_jobs=n_jobs)


def test_train_settings_trains_each_setting_and_seed_as_model_does():
    data = [load_moons(seed, n_test=10) for seed in (1, 2)]
    X, Y = np.stack([d[0] for d in data]), np.stack([d[1] for d in data])
    settings = {"L2": dict(lambd=0.7), "dropout": dict(keep_prob=0.8, learning_rate=0.05),
                "adam": dict(optimizer="adam", learning_rate=0.01)}
    trained = train_settings(X, Y, [2, 5, 1], [1, 2], settings, learning_rate=0.1, num_iterations=40, cost_every=10)
    assert list(trained) == list(settings)
    for name, (networks, costs) in trained.items():
        assert len(networks) == 2 and costs.shape == (2, 4)
        for s, seed in enumerate((1, 2)):
            alone, alone_costs = model(X[s], Y[s], [2, 5, 1], **(dict(learning_rate=0.1) | settings[name]),
                                       num_iterations=40, cost_every=10, seed=seed)
            assert all(np.array_equal(networks[s][key], alone[key]) for key in alone), (name, seed)
            np.testing.assert_array_equal(costs[s], alone_costs)
    with pytest.raises(ValueError, match=r"settings\['dropout'\]\['keep_prob'\] must be"):
        train_settings(X, Y, [2, 5, 1], [1, 2], {"L2": dict(lambd=0.7), "dropout": dict(keep_prob=1.5)},
                       num_iterations=1)
    with pytest.raises(ValueError, match=r"settings\['L2'\] may set only .* give 'num_iterations' once"):
        train_settings(X, Y, [2, 5, 1], [1, 2], {"L2": dict(lambd=0.7, num_iterations=3)})


def blas_threads():
    return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}


def test_the_computing_functions_run_blas_on_one_thread_and_restore_it():
    before = blas_threads()
    seen = parallel.one_blas_thread(blas_threads)()
    assert seen == {1} and blas_threads() == before

    def failing():
        raise KeyError("inside")
    with pytest.raises(KeyError):
        parallel.one_blas_thread(failing)()
    assert blas_threads() == before

    # two threads: the one thread holds until the last one leaves, whichever order they leave in
    inside, release, seen = threading.Event(), threading.Event(), []

    @parallel.one_blas_thread
    def slow():
        inside.set()
        release.wait(10)
        seen.append(blas_threads())
    worker = threading.Thread(target=slow)
    worker.start()
    inside.wait(10)
    assert parallel.one_blas_thread(blas_threads)() == {1}  # enters and leaves while ``slow`` is inside
    release.set()
    worker.join()
    assert seen == [{1}] and blas_threads() == before
    computing = [utils.forward_propagation, utils.backward_propagation, utils.predict_probabilities,
                 utils.gradient_check_n, utils.numerical_gradients, layer_statistics, train._descent]
    assert all(getattr(function, "one_blas_thread", False) for function in computing)


def test_the_idle_cores_are_counted_among_the_cpus_this_process_may_use(monkeypatch):
    """8 CPUs, this process on CPUs 0 and 1: six CPUs busy elsewhere leave both of its own idle."""
    def proc_stat(busy, ticks=100):  # /proc/stat after ``ticks`` ticks of each CPU, ``busy`` of them busy
        lines = [f"cpu{k} {b} 0 0 {ticks - b} 0 0 0 0 0 0" for k, b in enumerate(busy)]
        return "\n".join([f"cpu  {sum(busy)} 0 0 {8 * ticks - sum(busy)} 0 0 0 0 0 0", *lines]) + "\n"

    def measured(busy):
        stats = iter([proc_stat([0] * 8, ticks=0), proc_stat(busy)] * 3)
        monkeypatch.setattr(parallel, "open", lambda path, *args, **kwargs: io.StringIO(next(stats))
                            if path == "/proc/stat" else open(path, *args, **kwargs), raising=False)
        return parallel.available_cores()
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(parallel.time, "sleep", lambda seconds: None)
    assert measured([0, 0, 100, 100, 100, 100, 100, 100]) == 2  # the other six are not this process's
    assert measured([100, 0, 0, 0, 0, 0, 0, 0]) == 1  # one of its own two is busy
    assert measured([100, 100, 0, 0, 0, 0, 0, 0]) == 1  # both: at least one process all the same
    with pytest.raises(ValueError, match="window must be between 0.01 and 1, got 0.001"):
        parallel.available_cores(0.001)


def negative_after_the_first_epoch(learning_rate0, epoch_num, decay_rate):
    return -1.0 if epoch_num >= 1 else learning_rate0


def test_errors_of_a_stack_name_the_network_they_come_from(monkeypatch):
    X, Y, _, _ = load_moons()
    settings = dict(optimizer=["gd", "adam", "gd"], learning_rate=[0.1, 0.2, 0.3], mini_batch_size=64, num_epochs=3,
                    decay=[None, negative_after_the_first_epoch, None])
    with pytest.raises(ValueError, match=r"negative_after_the_first_epoch\(0.2, 1, 1.0\) returned -1.0 after epoch 1 "
                                         r"\(for network 1 \(seed 5\)\)"):  # network 1, whatever the stack's order
        model_batch(X, Y, [2, 4, 1], [4, 5, 6], **settings)
    with pytest.raises(TrainingDiverged, match=r"for settings\['huge'\] \(seed 1\), settings\['huge'\] \(seed 2\)"):
        train_settings(X, Y, [2, 5, 1], [1, 2], {"fine": dict(learning_rate=0.01), "huge": dict(learning_rate=1e300)},
                       mini_batch_size=64, num_epochs=3)
    with pytest.raises(TypeError, match=r"decay\[1\] must be a function defined at module level .* n_jobs=2"):
        model_batch(X, Y, [2, 4, 1], [1, 2], num_epochs=1, decay=[None, lambda rate, epoch, decay_rate: rate],
                    n_jobs=2)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)  # "auto" with a lambda: trained in this process
    networks, _ = model_batch(X, Y, [2, 4, 1], [1, 2], num_epochs=1, n_jobs="auto",
                              decay=lambda rate, epoch, decay_rate: rate / 2)
    assert all(np.array_equal(networks[1][key], model(X, Y, [2, 4, 1], seed=2, num_epochs=1,
                                                      decay=lambda rate, epoch, decay_rate: rate / 2)[0][key])
               for key in networks[1])
