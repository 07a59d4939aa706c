"""model / predict / accuracy: the course's table, exactly; determinism; clear errors."""

import re

import numpy as np
import pytest

from utils import (
    TrainingDiverged,
    accuracy,
    dropout_rng,
    load_circles,
    load_moons,
    model,
    model_batch,
    predict,
    sweep,
    update_parameters,
)

train_X, train_Y, test_X, test_Y = load_circles()


@pytest.mark.parametrize("initialization, train_accuracy, test_accuracy, first_cost", [
    ("zeros", 0.5, 0.5, 0.6931471805599453),
    ("random", 0.83, 0.86, 1773.586),
    ("he", 0.9933333333333333, 0.96, 0.8830537463419761),
])
def test_model_reproduces_the_course_table(initialization, train_accuracy, test_accuracy, first_cost):
    parameters, costs = model(train_X, train_Y, [2, 10, 5, 1], learning_rate=0.01, num_iterations=15000,
                              initialization=initialization, seed=3)
    assert accuracy(train_X, train_Y, parameters) == train_accuracy
    assert accuracy(test_X, test_Y, parameters) == test_accuracy
    assert len(costs) == 15 and all(np.isfinite(costs))
    assert costs[0] == pytest.approx(first_cost, abs=5e-4 if initialization == "random" else 1e-12)
    if initialization == "he":
        assert costs[14] == pytest.approx(0.0735789596, abs=1e-6)


def test_the_same_seed_gives_bitwise_identical_parameters():
    runs = [model(train_X, train_Y, [2, 5, 3, 1], 0.1, 300, "he", lambd=0.3, keep_prob=0.7, seed=7) for _ in range(2)]
    assert all(np.array_equal(runs[0][0][k], runs[1][0][k]) for k in runs[0][0])
    assert runs[0][1] == runs[1][1]


def test_different_seeds_draw_different_masks_from_independent_streams():
    a, b = dropout_rng(1).random((5, 300)), dropout_rng(2).random((5, 300))
    assert not np.array_equal(a < 0.5, b < 0.5)
    # the mask stream is not the initialization stream
    assert not np.array_equal(dropout_rng(3).random(10), np.random.RandomState(3).random_sample(10))


def test_dropout_does_not_change_the_initial_weights():
    p_plain, _ = model(train_X, train_Y, [2, 5, 3, 1], 0.1, 0, "he", seed=4)
    p_dropout, _ = model(train_X, train_Y, [2, 5, 3, 1], 0.1, 0, "he", keep_prob=0.5, seed=4)
    assert all(np.array_equal(p_plain[k], p_dropout[k]) for k in p_plain)


def test_costs_are_recorded_every_1000_iterations_and_fall():
    _, costs = model(train_X, train_Y, [2, 10, 5, 1], 0.05, 3001, "he", lambd=0.1, keep_prob=0.9)
    assert len(costs) == 4 and costs[-1] < costs[0]


def test_print_cost_prints_the_recorded_costs(capsys):
    _, costs = model(train_X, train_Y, [2, 3, 1], 0.1, 1001, "he", print_cost=True)
    assert capsys.readouterr().out == f"Cost after iteration 0: {costs[0]}\nCost after iteration 1000: {costs[1]}\n"


def test_predict_gives_0_1_integers_and_never_drops_units():
    parameters, _ = model(train_X, train_Y, [2, 10, 5, 1], 0.01, 500, "he", keep_prob=0.5)
    predictions = predict(test_X, parameters)
    assert predictions.shape == (1, 100) and predictions.dtype.kind == "i"
    assert set(np.unique(predictions)) <= {0, 1}
    np.testing.assert_array_equal(predictions, predict(test_X, parameters))


def test_update_parameters_returns_new_float64_arrays():
    parameters = {"W1": np.ones((1, 2)), "b1": np.zeros((1, 1))}
    grads = {"dW1": np.ones((1, 2)), "db1": np.ones((1, 1)), "dZ1": np.ones((1, 5))}  # the course's dZ is ignored
    updated = update_parameters(parameters, grads, 0.5)
    np.testing.assert_array_equal(updated["W1"], np.full((1, 2), 0.5))
    np.testing.assert_array_equal(updated["b1"], np.full((1, 1), -0.5))
    np.testing.assert_array_equal(parameters["W1"], np.ones((1, 2)))
    as_lists = update_parameters({"W1": [[1.0, 1.0]], "b1": [[0.0]]}, {"dW1": [[1.0, 1.0]], "db1": [[1.0]]}, 0.5)
    assert all(np.array_equal(as_lists[k], updated[k]) for k in updated)
    single = update_parameters({k: v.astype(np.float32) for k, v in parameters.items()}, grads, 0.5)
    assert all(v.dtype == np.float64 for v in single.values())


def test_model_writes_nothing_into_its_arguments():
    X, Y = train_X.copy(), train_Y.copy()
    model(X, Y, [2, 4, 1], 0.1, 50, "he", lambd=0.1, keep_prob=0.8)
    np.testing.assert_array_equal(X, train_X)
    np.testing.assert_array_equal(Y, train_Y)


X, Y = train_X[:, :10], train_Y[:, :10]


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(initialization="uniform"), ValueError, r"one of \['glorot', 'he', 'random', 'xavier', 'zeros'\]"),
    (dict(layer_dims=[2]), ValueError, "at least 2 sizes"),
    (dict(layer_dims=[2, 0, 1]), ValueError, "positive sizes, got 0"),
    (dict(layer_dims=[3, 4, 1]), ValueError, r"layer_dims\[0\] must equal the number of rows of X, 2, got 3"),
    (dict(layer_dims=[2, 4, 2]), ValueError, r"Y must hold one-hot labels of shape \(2, 10\), one row per class of "
     r"the 2 softmax output units \(layer_dims\[-1\]\)"),
    (dict(Y=Y[:, :5]), ValueError, r"Y must have shape \(1, 10\) to match X with 10 examples, got shape \(1, 5\)"),
    (dict(Y=Y.T), ValueError, r"Y must have shape \(1, 10\)"),
    (dict(Y=Y + 1), ValueError, "Y must hold only 0 and 1 labels, found 2"),
    (dict(X=np.where(X > 0.5, np.nan, X)), ValueError, "X must contain only finite values, found nan"),
    (dict(keep_prob=0), ValueError, r"keep_prob must be in \(0, 1\], got 0.0"),
    (dict(keep_prob=1.2), ValueError, r"keep_prob must be in \(0, 1\], got 1.2"),
    (dict(lambd=-0.5), ValueError, "lambd must be >= 0, got -0.5"),
    (dict(learning_rate=0), ValueError, "learning_rate must be > 0, got 0.0"),
    (dict(learning_rate=-0.1), ValueError, "learning_rate must be > 0"),
    (dict(num_iterations=-1), ValueError, "num_iterations must be >= 0, got -1"),
    (dict(num_iterations=10.5), TypeError, "num_iterations must be an integer"),
    (dict(seed=-1), ValueError, "seed must be >= 0"),
    (dict(learning_rate="fast"), TypeError, "learning_rate must be a real number"),
])
def test_bad_arguments_get_clear_errors(kwargs, error, message):
    arguments = dict(X=X, Y=Y, layer_dims=[2, 4, 1], num_iterations=1)
    arguments.update(kwargs)
    with pytest.raises(error, match=message):
        model(**arguments)


@pytest.mark.parametrize("call, error, message", [
    (lambda p: predict(X[:1], p), ValueError, r"parameters\['W1'\] has 2 columns but X has 1 rows"),
    (lambda p: accuracy(X, Y[:, :3], p), ValueError, r"Y must have shape \(1, 10\)"),
    (lambda p: update_parameters(p, {"dW1": p["W1"]}, 0.1), KeyError, "grads is missing 'db1'"),
    (lambda p: update_parameters(p, dict(dW1=p["W1"][:1], db1=p["b1"], dW2=p["W2"], db2=p["b2"]), 0.1),
     ValueError, r"grads\['dW1'\] has shape \(1, 2\) but parameters\['W1'\] has shape \(4, 2\)"),
    (lambda p: update_parameters(p, {"d" + k: v for k, v in p.items()}, 0.0), ValueError, "learning_rate must be > 0"),
    (lambda p: update_parameters(p, {"d" + k: v for k, v in p.items()}, 1e308), ValueError,
     r"update_parameters_with_gd overflowed .*: learning_rate or grads are too large \(W1 overflowed\)"),
    (lambda p: update_parameters(p, dict({"d" + k: v for k, v in p.items()}, dW3=p["W2"]), 0.1), ValueError,
     "grads has unexpected keys \\['dW3'\\]"),
    (lambda p: update_parameters(dict(p, b3=p["b2"]), {"d" + k: v for k, v in p.items()}, 0.1), KeyError,
     r"grads is missing 'db3', the gradient of parameters\['b3'\]"),
    (lambda p: update_parameters(dict(p, w2=p["W2"]), {"d" + k: v for k, v in p.items()}, 0.1), ValueError,
     r"parameters has unexpected keys \['w2'\]: the optimizers update arrays named W1, b1, ..."),
])
def test_bad_arguments_to_predict_and_update_get_clear_errors(call, error, message):
    parameters, _ = model(X, Y, [2, 4, 1], num_iterations=1)
    with pytest.raises(error, match=message):
        call(parameters)


@pytest.mark.parametrize("kwargs, iteration", [
    (dict(learning_rate=1e300), 1),  # the first step overflows the weights
    (dict(layer_dims=[2] + [20] * 10 + [1], learning_rate=0.003, initialization="random", init_scale=1.0), 4),
])
def test_training_that_diverges_stops_with_an_error_naming_the_iteration(kwargs, iteration):
    """Exploding activations or weights never come back as nan parameters, and never as a RuntimeWarning."""
    arguments = dict(X=train_X, Y=train_Y, layer_dims=[2, 5, 1], num_iterations=100, seed=3)
    arguments.update(kwargs)
    rate = re.escape(f"learning_rate (it is {arguments['learning_rate']:g})")
    with pytest.raises(TrainingDiverged, match=rf"training diverged at iteration {iteration}: .* try a smaller {rate}"):
        model(**arguments)
    assert issubclass(TrainingDiverged, ValueError)


def test_model_batch_names_the_network_that_diverged():
    from utils import model_batch
    with pytest.raises(TrainingDiverged, match=r"at iteration 4 for network 1 \(seed 4\):"):
        model_batch(train_X, train_Y, [2] + [20] * 10 + [1], [3, 4, 5], 0.003, 100, ["he", "random", "he"],
                    init_scale=[None, 1.0, None], n_jobs=2)


def test_the_optimizers_update_any_dict_of_arrays_as_the_course_s_tests_pass_them():
    """The rules work entry by entry: W1 (2, 3) with W2 (3, 3) is no network, and needs none."""
    rng = np.random.RandomState(1)
    parameters = {"W1": rng.randn(2, 3), "b1": rng.randn(2, 1), "W2": rng.randn(3, 3), "b2": rng.randn(3, 1)}
    grads = {"d" + key: rng.randn(*value.shape) for key, value in parameters.items()}
    updated = update_parameters(parameters, grads, 0.01)
    for key, value in parameters.items():
        np.testing.assert_array_equal(updated[key], value - 0.01 * grads["d" + key])


def test_the_edges_found_by_fuzzing_get_clear_answers():
    """A 0-d array is a number; a timedelta is not; absurd inputs and L2 strengths are named, not the learning rate."""
    X, Y, _, _ = load_moons()
    settings = dict(num_iterations=20, cost_every=5)
    as_number = model_batch(X, Y, [2, 3, 1], [1, 2], learning_rate=0.1, lambd=0.2, **settings)
    as_array = model_batch(X, Y, [2, 3, 1], [1, 2], learning_rate=np.array(0.1), lambd=np.array(0.2), **settings)
    np.testing.assert_array_equal(as_number[1], as_array[1])
    swept = sweep(X, Y, [2, 3, 1], [1], "lambd", [0.1, 0.2], learning_rate=np.array(0.1), **settings)
    assert swept[1].shape == (1, 2, 4)
    for unit in ("timedelta64[s]", "datetime64[s]"):
        with pytest.raises(TypeError, match="X must be a numeric array"):
            model(X.astype(np.int64).astype(unit), Y, [2, 3, 1], **settings)
        with pytest.raises(TypeError, match="Y must be a numeric array"):
            model(X, Y.astype(unit), [2, 3, 1], **settings)
    with pytest.raises(TrainingDiverged, match=r"X is too large: its entries reach 2.2e\+300"):
        model(1e300 * X, Y, [2, 3, 1], **settings)
    with pytest.raises(TrainingDiverged, match=r"lambd is too large \(it is 1e\+300\): learning_rate \* lambd / m"):
        model(X, Y, [2, 3, 1], lambd=1e300, **settings)
    with pytest.raises(TrainingDiverged, match=r"for network 1 \(seed 2\).*lambd is too large"):
        model_batch(X, Y, [2, 3, 1], [1, 2], lambd=[0.1, 1e300], **settings)
