"""The softmax output layer and its loss: the lecture's values, stability, exact gradients, one-hot labels.

Every gradient is compared with tests/_numeric.py's independent central differences (fourth order, so that
round-off and truncation both stay far below the 1e-8 relative error allowed); the central difference that
gradient checking uses is compared with exact decimal arithmetic.
"""

from decimal import Decimal, localcontext

import numpy as np
import pytest

import utils
from tests._numeric import numerical_gradient, relative_error
from utils import (
    accuracy,
    backward_propagation,
    compute_cost,
    convert_to_one_hot,
    forward_propagation,
    gradient_check_n,
    initialize_parameters,
    model,
    model_batch,
    one_hot_matrix,
    predict,
    predict_probabilities,
    sigmoid,
    sigmoid_loss,
    softmax,
    softmax_loss,
)
from utils.output import SIGMOID, SOFTMAX, _softmax_central_difference, output_layer

# ----------------------------------------------------------------------------- softmax itself


def test_softmax_reproduces_the_lecture_example():
    a = softmax(np.array([[5.0], [2.0], [-1.0], [3.0]]))
    np.testing.assert_allclose(a[:, 0], [0.84203357, 0.04192238, 0.00208719, 0.11395685], atol=5e-9)


def test_softmax_columns_are_probabilities_for_any_logits():
    rng = np.random.default_rng(0)
    for scale in (1e-3, 1.0, 30.0, 1e4, 1e300):
        A = softmax(scale * rng.standard_normal((5, 40)))  # RuntimeWarnings are errors here: nothing may overflow
        assert np.all(A >= 0) and np.all(np.isfinite(A))
        np.testing.assert_allclose(A.sum(axis=0), 1.0, rtol=1e-15)


def test_softmax_of_two_classes_is_the_sigmoid_of_the_logit_difference():
    rng = np.random.default_rng(1)
    Z = rng.standard_normal((2, 50)) * np.array([[1.0], [40.0]])
    np.testing.assert_allclose(softmax(Z)[1], sigmoid(Z[1] - Z[0]), rtol=1e-14)


def test_softmax_does_not_change_when_a_column_is_shifted():
    Z = np.random.default_rng(2).standard_normal((4, 6))
    np.testing.assert_allclose(softmax(Z + np.arange(6) * 1e3), softmax(Z), rtol=1e-12)


# ----------------------------------------------------------------------------- the loss


def test_the_loss_reproduces_the_lecture_example():
    y_hat = np.array([[0.3], [0.2], [0.1], [0.4]])
    Y = np.array([[0], [1], [0], [0]])
    cost, _ = softmax_loss(np.log(y_hat), Y)  # logits whose softmax is y_hat
    assert cost == pytest.approx(-np.log(0.2), rel=1e-14)


def test_the_loss_matches_the_probability_formula_where_that_is_safe():
    rng = np.random.default_rng(3)
    Z, labels = rng.standard_normal((6, 30)), rng.integers(0, 6, 30)
    Y = one_hot_matrix(labels, 6)
    expected = -np.mean(np.log(softmax(Z)[labels, np.arange(30)]))
    assert compute_cost(Z, Y) == pytest.approx(expected, rel=1e-13)
    assert softmax_loss(Z, Y)[0] == compute_cost(Z, Y)


def test_the_loss_is_finite_and_exact_for_logits_of_ten_thousand():
    Z = np.array([[1e4, -1e4], [-1e4, 1e4], [0.0, 0.0]])
    right, wrong = one_hot_matrix([0, 1], 3), one_hot_matrix([1, 0], 3)
    assert compute_cost(Z, right) == 0.0  # exp(-1e4) underflows: the loss is exactly 0 in float64
    assert compute_cost(Z, wrong) == 2e4  # each example's loss is 1e4 - (-1e4)
    cost, dZ = softmax_loss(Z, wrong)
    assert np.isfinite(cost) and np.all(np.isfinite(dZ))


def test_the_gradient_is_the_probabilities_minus_the_labels_over_m():
    rng = np.random.default_rng(4)
    Z = rng.standard_normal((4, 7))
    Y = one_hot_matrix(rng.integers(0, 4, 7), 4)
    cost, dZ = softmax_loss(Z, Y)
    np.testing.assert_array_equal(dZ, (softmax(Z) - Y) / 7)
    numeric = numerical_gradient(lambda z: softmax_loss(z, Y)[0], Z, eps=1e-3, order=4)
    assert relative_error(dZ, numeric) < 1e-10


def test_the_sigmoid_loss_and_the_two_class_softmax_loss_agree():
    rng = np.random.default_rng(5)
    z, y = rng.standard_normal((1, 20)) * 5, (rng.random((1, 20)) < 0.5).astype(int)
    cost, dz = sigmoid_loss(z, y)
    two_cost, dZ = softmax_loss(np.vstack([np.zeros_like(z), z]), np.vstack([1 - y, y]))
    assert cost == pytest.approx(two_cost, rel=1e-13)
    np.testing.assert_allclose(dz[0], dZ[1], rtol=1e-12)
    np.testing.assert_allclose(dZ[0], -dZ[1], rtol=1e-12)


def exact_softmax_difference(z, y, d):
    """loss(z + d) - loss(z - d) for one example, loss = log sum exp(z) - z_y, in 50-digit decimal arithmetic."""
    with localcontext() as context:
        context.prec = 60

        def loss(x):
            top = max(x)
            return top + sum((v - top).exp() for v in x).ln() - x[y]
        z = [Decimal(float(v)) for v in z]
        d = [Decimal(float(v)) for v in d]
        plus, minus = [a + b for a, b in zip(z, d, strict=True)], [a - b for a, b in zip(z, d, strict=True)]
        return float(loss(plus) - loss(minus))


def test_the_central_difference_of_the_softmax_loss_subtracts_no_nearly_equal_numbers():
    """Gradient checking evaluates loss(z + d) - loss(z - d) for tiny moves d: against exact arithmetic, the
    error stays a few ulps of the largest term sum_k p_k |sinh(delta_k)|, while subtracting two losses would lose
    about u |loss| / |d| of it."""
    rng = np.random.default_rng(6)
    cases = []
    for scale in (0.5, 5.0, 40.0):
        for step in (1e-12, 1e-7, 1e-3, 0.3, 2.0):
            z = scale * rng.standard_normal(4)
            cases.append((z, int(rng.integers(0, 4)), step * rng.standard_normal(4)))
    for z, y, d in cases:
        Z, Y, D = z[:, None], one_hot_matrix([y], 4), d[:, None]
        computed = _softmax_central_difference(Z, softmax(Z), Y, D)[0]
        exact = exact_softmax_difference(z, y, d)
        p = softmax(Z)[:, 0]
        scale = np.sum(p * np.abs(np.sinh(d - d[y]))) + 1e-300
        assert abs(computed - exact) <= 16 * np.finfo(float).eps * max(scale, abs(exact)), (z, y, d)


def test_the_output_kind_is_chosen_by_the_number_of_output_units():
    assert output_layer(1) is SIGMOID and output_layer(2) is SOFTMAX and output_layer(10) is SOFTMAX


# ----------------------------------------------------------------------------- networks with a softmax output


def softmax_network(layer_dims, m, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((layer_dims[0], m))
    Y = one_hot_matrix(rng.integers(0, layer_dims[-1], m), layer_dims[-1])
    parameters = initialize_parameters(layer_dims, "he", rng)
    for l in range(1, len(layer_dims)):
        parameters[f"b{l}"] = 0.1 * rng.standard_normal(parameters[f"b{l}"].shape)
    return X, Y, parameters


@pytest.mark.parametrize("layer_dims", [[3, 4], [3, 5, 4], [4, 6, 5, 3]])
@pytest.mark.parametrize("lambd, keep_prob", [(0.0, 1.0), (0.7, 1.0), (0.3, 0.8)])
def test_softmax_network_gradients_match_independent_central_differences(layer_dims, lambd, keep_prob):
    X, Y, parameters = softmax_network(layer_dims, 9, seed=len(layer_dims))
    _, cache = forward_propagation(X, parameters, keep_prob, np.random.default_rng(7) if keep_prob < 1 else None)
    masks = cache.masks if keep_prob < 1 else None
    grads = backward_propagation(X, Y, cache, lambd)
    for name, value in parameters.items():
        def cost_of(x, name=name):
            perturbed = dict(parameters, **{name: x})
            return compute_cost(forward_propagation(X, perturbed, keep_prob, masks=masks)[1].ZL, Y, perturbed, lambd)
        numeric = numerical_gradient(cost_of, value, eps=1e-4, order=4)
        assert relative_error(grads["d" + name], numeric) < 1e-8, name


def test_batch_normalized_softmax_network_gradients_match_central_differences():
    rng = np.random.default_rng(8)
    X, Y = rng.standard_normal((3, 12)), one_hot_matrix(rng.integers(0, 4, 12), 4)
    parameters = initialize_parameters([3, 5, 4, 4], "he", rng, batch_norm=True)
    parameters.update(gamma1=1 + 0.2 * rng.standard_normal((5, 1)), beta2=0.1 * rng.standard_normal((4, 1)))
    grads = backward_propagation(X, Y, forward_propagation(X, parameters)[1], 0.2)
    for name in ("W1", "gamma1", "beta1", "W2", "gamma2", "W3", "b3"):
        def cost_of(x, name=name):
            perturbed = dict(parameters, **{name: x})
            return compute_cost(forward_propagation(X, perturbed)[1].ZL, Y, perturbed, 0.2)
        numeric = numerical_gradient(cost_of, parameters[name], eps=1e-3, order=4)
        assert relative_error(grads["d" + name], numeric) < 1e-8, name


def test_predictions_are_class_indices_and_probabilities_sum_to_one():
    X, Y, parameters = softmax_network([3, 5, 4], 20, seed=9)
    probabilities = predict_probabilities(X, parameters)
    assert probabilities.shape == (4, 20)
    np.testing.assert_allclose(probabilities.sum(axis=0), 1.0, rtol=1e-15)
    predictions = predict(X, parameters)
    assert predictions.shape == (1, 20) and predictions.dtype.kind == "i"
    np.testing.assert_array_equal(predictions[0], probabilities.argmax(axis=0))
    assert accuracy(X, Y, parameters) == np.mean(predictions[0] == Y.argmax(axis=0))


def test_a_softmax_network_learns_the_spiral_and_model_batch_is_model_bit_for_bit():
    X, Y, _, _ = utils.load_spiral(0, points_per_class=40)
    settings = dict(learning_rate=1.0, num_iterations=1500, initialization="random", init_scale=0.01, lambd=0.12)
    parameters, costs = model(X, Y, [2, 30, 3], seed=4, **settings)
    assert costs[-1] < 0.5 * costs[0] and accuracy(X, Y, parameters) > 0.9
    stacked, stacked_costs = model_batch(X, Y, [2, 30, 3], [4, 5], **settings)
    assert all(np.array_equal(stacked[0][key], parameters[key]) for key in parameters)
    np.testing.assert_array_equal(stacked_costs[0], costs)


def test_softmax_training_composes_with_mini_batches_optimizers_dropout_and_batch_norm():
    X, Y, _, _ = utils.load_spiral(1, points_per_class=40)
    for optimizer in ("gd", "momentum", "rmsprop", "adam"):
        parameters, costs = model(X, Y, [2, 20, 20, 3], learning_rate=0.05 if optimizer == "gd" else 0.01,
                                  optimizer=optimizer, mini_batch_size=32, num_epochs=60, keep_prob=0.9, lambd=0.1,
                                  batch_norm=True, cost_every=1)
        assert costs[-1] < costs[0], optimizer
        assert predict_probabilities(X, parameters).shape == (3, 120)


def test_a_softmax_network_passes_the_gradient_check_and_a_planted_bug_is_named():
    X, Y, parameters = softmax_network([4, 6, 5, 3], 15, seed=10)
    _, cache = forward_propagation(X, parameters, 0.8, np.random.default_rng(3))
    grads = backward_propagation(X, Y, cache, 0.4)
    for fast in (False, True):
        report = gradient_check_n(parameters, grads, X, Y, lambd=0.4, keep_prob=0.8, masks=cache.masks, fast=fast)
        assert report.passed, report
        wrong = gradient_check_n(parameters, dict(grads, db2=1.02 * grads["db2"]), X, Y, lambd=0.4, keep_prob=0.8,
                                 masks=cache.masks, fast=fast)
        assert wrong.failing == ["b2"], wrong


def test_the_batched_and_loop_numerical_gradients_agree_for_a_softmax_network():
    X, Y, parameters = softmax_network([3, 5, 4, 4], 11, seed=11)
    batched = utils.numerical_gradients(parameters, X, Y, 1e-5, 0.3)
    loop = utils.numerical_gradients(parameters, X, Y, 1e-5, 0.3, method="loop")
    analytic = backward_propagation(X, Y, forward_propagation(X, parameters)[1], 0.3)
    for name in batched:
        np.testing.assert_allclose(batched[name], loop[name], atol=1e-10)
        np.testing.assert_allclose(batched[name], analytic[name], atol=1e-9)


# ----------------------------------------------------------------------------- one-hot labels


def test_one_hot_matrix_reproduces_the_course_example():
    expected = [[0, 0, 0, 1, 0, 0], [1, 0, 0, 0, 0, 1], [0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 0]]
    np.testing.assert_array_equal(one_hot_matrix([1, 2, 3, 0, 2, 1], 4), expected)
    np.testing.assert_array_equal(convert_to_one_hot(np.array([[1, 2, 3, 0, 2, 1]]), 4), expected)


def test_one_hot_labels_round_trip():
    labels = np.random.default_rng(12).integers(0, 7, 50)
    Y = one_hot_matrix(labels, 7)
    assert Y.shape == (7, 50) and Y.dtype == np.float64
    np.testing.assert_array_equal(Y.argmax(axis=0), labels)
    np.testing.assert_array_equal(one_hot_matrix(labels[None], 7), Y)
    np.testing.assert_array_equal(one_hot_matrix(labels.astype(float), 7), Y)
    np.testing.assert_array_equal(utils.predict(np.eye(7)[:, labels], {"W1": np.eye(7), "b1": np.zeros((7, 1))})[0],
                                  labels)


@pytest.mark.parametrize("call, error, message", [
    (lambda: one_hot_matrix([0, 3, 1], 3), ValueError, r"labels must hold class indices from 0 to 2 \(C = 3\), found "
     r"3 at index 1"),
    (lambda: one_hot_matrix([1, 2, 3], 3), ValueError, r"\(labels from 1 to C\? subtract 1\)"),
    (lambda: one_hot_matrix([-1, 0], 3), ValueError, "found -1 at index 0"),
    (lambda: one_hot_matrix([0.5, 1], 3), ValueError, "labels must hold whole numbers"),
    (lambda: one_hot_matrix(["a", "b"], 3), TypeError, "labels must hold integer class indices"),
    (lambda: one_hot_matrix([[0, 1], [1, 0]], 3), ValueError, r"labels must have shape \(m,\) or \(1, m\)"),
    (lambda: one_hot_matrix([0, 1], 1), ValueError, "C must be at least 2"),
    (lambda: one_hot_matrix([0, 1], 2.0), TypeError, "C must be an integer"),
    (lambda: convert_to_one_hot(np.array([[0, 4]]), 3), ValueError, "Y must hold class indices from 0 to 2"),
    (lambda: convert_to_one_hot(np.array([[1, 2, 3]]), 3), ValueError, r"^Y must hold class indices .*\(labels from 1 "
     r"to C\? subtract 1\)$"),
    (lambda: convert_to_one_hot(np.array([[0, 1]]), 1), ValueError, "^C must be at least 2: one-hot labels are for two "
     "classes or more"),
    (lambda: softmax_loss(np.zeros((3, 2)), np.array([[1, 0], [1, 0], [0, 1]])), ValueError,
     r"Y must be one-hot: each column holds a single 1 and zeros elsewhere, column 0 is \[1.0, 1.0, 0.0\]"),
    (lambda: softmax_loss(np.zeros((3, 2)), np.array([[0, 2]])), ValueError,
     r"Y must hold one-hot labels of shape \(3, 2\).*one_hot_matrix\(labels, 3\)"),
    (lambda: softmax_loss(np.zeros((1, 2)), np.array([[0, 1]])), ValueError,
     r"ZL must have shape \(C, m\) with C >= 2"),
    (lambda: sigmoid_loss(np.zeros((2, 2)), np.eye(2)), ValueError, r"ZL must have shape \(1, m\)"),
    (lambda: model(np.zeros((2, 4)), np.array([[0, 1, 2, 1]]), [2, 3], num_iterations=1), ValueError,
     r"Y must hold one-hot labels of shape \(3, 4\).*\(layer_dims\[-1\]\)"),
    (lambda: model(np.zeros((2, 4)), one_hot_matrix([0, 1, 2, 1], 3), [2, 1], num_iterations=1), ValueError,
     r"Y must have shape \(1, 4\): 0/1 labels for one sigmoid output unit \(layer_dims\[-1\]\), got shape \(3, 4\) "
     r"\(a network for 3 classes has 3 output units\)"),
])
def test_bad_labels_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
