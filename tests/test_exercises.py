"""The exercise checkers: every named mistake, planted in a learner-style implementation, is diagnosed by name.

The implementations below are written the way a learner writes them (the course's idioms, loops, np.random
calls), independently of the checkers' own faulty versions: a correct one passes, each planted mistake gets
its name, an unnamed bug gets "wrong values" with the first differing entries, and a function that raises,
returns None, returns the wrong shape or writes into its arguments gets a clear verdict, never a crash.
"""

import math
from pathlib import Path

import numpy as np
import pytest

from tests.test_exercises_softmax import PLANTED as SOFTMAX_PLANTED
from utils.exercises import (
    MISTAKES,
    ExerciseReport,
    check_adam_epoch,
    check_backward_with_regularization,
    check_batchnorm_forward,
    check_cost_with_regularization,
    check_dropout_backward,
    check_dropout_forward,
    check_gradient_check,
    check_he_initialization,
    check_schedule_lr_decay,
)

# ----------------------------------------------------------------------------- learner-style implementations


def he(scale="he", transposed=False, biases=False, global_random=False, bug=None):
    def initialize_parameters_he(layer_dims, rng):
        parameters = {}
        for l in range(1, len(layer_dims)):
            fan_in, fan_out = layer_dims[l - 1], layer_dims[l]
            factor = {"he": np.sqrt(2 / fan_in), "xavier": np.sqrt(1 / fan_in), "fan_out": np.sqrt(2 / fan_out),
                      "variance": 2 / fan_in}[scale]
            draw = np.random.randn if global_random else rng.randn
            W = (draw(fan_in, fan_out) if transposed else draw(fan_out, fan_in)) * factor
            parameters["W" + str(l)] = W
            parameters["b" + str(l)] = 0.01 * np.ones((fan_out, 1)) if biases else np.zeros((fan_out, 1))
        if bug:
            parameters["W1"][0, 0] += 0.5
        return parameters
    return initialize_parameters_he


def cost(mistake=None):
    def compute_cost_with_regularization(AL, Y, parameters, lambd):
        m = Y.shape[1]
        L = len(parameters) // 2
        cross_entropy = -np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL)))
        if mistake != "summed":
            cross_entropy = cross_entropy / m
        squares = 0.0
        for l in range(1, L + 1):
            W = parameters["W" + str(l)]
            squares += np.sum(W) if mistake == "sum_W" else np.sum(np.square(W))
            if mistake == "biases":
                squares += np.sum(np.square(parameters["b" + str(l)]))
        factor = {"lambd_m": lambd / m, "no_m": lambd / 2}.get(mistake, lambd / (2 * m))
        return (0.0 if mistake == "no_entropy" else cross_entropy) + factor * squares + (1e-3 if mistake == "bug"
                                                                                         else 0.0)
    return compute_cost_with_regularization


def backward(mistake=None):
    def linear_backward_with_regularization(dZ, A_prev, W, lambd):
        m = A_prev.shape[1]
        term = {"missing": 0.0, "half": lambd / (2 * m), "no_m": lambd}.get(mistake, lambd / m) * W
        dW = 1.0 / m * np.dot(dZ, A_prev.T) + term
        db = 1.0 / m * np.sum(dZ, axis=1, keepdims=True)
        if mistake == "bias":
            db = db + lambd / m * W
        return np.dot(W.T, dZ), dW, db
    return linear_backward_with_regularization


def dropout_forward(mistake=None):
    def forward_propagation_with_dropout(X, parameters, keep_prob, rng):
        L = len(parameters) // 2
        A = X
        for l in range(1, L):
            Z = np.dot(parameters["W" + str(l)], A) + parameters["b" + str(l)]
            A = np.maximum(0, Z)
            if mistake == "global":  # the planted mistake: the global generator (read, never seeded)
                U = np.random.rand(A.shape[0], A.shape[1])  # noqa: NPY002
            else:
                U = rng.rand(A.shape[0], A.shape[1])
            D = (U > keep_prob) if mistake == "inverted" else (U < keep_prob)
            A = A * D
            A = A * keep_prob if mistake == "multiply" else A if mistake == "no_division" else A / keep_prob
        Z = np.dot(parameters["W" + str(L)], A) + parameters["b" + str(L)]
        AL = 1 / (1 + np.exp(-Z))
        if mistake == "output":
            AL = AL * (rng.rand(AL.shape[0], AL.shape[1]) < keep_prob) / keep_prob
        return AL
    return forward_propagation_with_dropout


def dropout_backward(mistake=None):
    def backward(dA, D, keep_prob):
        if mistake == "no_mask":
            return dA / keep_prob
        if mistake == "no_division":
            return dA * D
        if mistake == "multiply":
            return dA * D * keep_prob
        return np.multiply(dA, D) / keep_prob
    return backward


def gradient_check(mistake=None):
    def gradient_check_difference(J, theta, grad, epsilon):
        n = theta.shape[0]
        gradapprox = np.zeros((n, 1))
        for i in range(n):
            theta_plus, theta_minus = np.copy(theta), np.copy(theta)
            if mistake == "all_at_once":
                theta_plus, theta_minus = theta + epsilon, theta - epsilon
            else:
                theta_plus[i][0] += epsilon
                theta_minus[i][0] -= epsilon
            if mistake == "one_sided":
                gradapprox[i] = (J(theta_plus) - J(theta)) / epsilon
            else:
                gradapprox[i] = (J(theta_plus) - J(theta_minus)) / ((1 if mistake == "no_two" else 2) * epsilon)
        numerator = np.linalg.norm(grad - gradapprox)
        denominator = {"none": 1.0, "grad_only": np.linalg.norm(grad),
                       "norm_of_sum": np.linalg.norm(grad + gradapprox)}.get(
            mistake, np.linalg.norm(grad) + np.linalg.norm(gradapprox))
        return numerator / denominator
    return gradient_check_difference


def schedule(mistake=None):
    def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
        steps = {"every_epoch": epoch_num, "no_floor": epoch_num / time_interval,
                 "round": round(epoch_num / time_interval), "ceil": np.ceil(epoch_num / time_interval)}.get(
            mistake, np.floor(epoch_num / time_interval))
        if mistake == "floor_of_product":
            return learning_rate0 / (1 + np.floor(decay_rate * epoch_num / time_interval))
        if mistake == "multiply":
            return learning_rate0 * (1 + decay_rate * steps)
        return learning_rate0 / (1 + decay_rate * steps)
    return schedule_lr_decay


def adam(mistake=None):
    def adam_epoch(parameters, batch_grads, v, s, t, learning_rate, beta1, beta2, epsilon):
        parameters, v, s = dict(parameters), dict(v), dict(s)
        if mistake == "epochs":
            t = t + 1
        for grads in batch_grads:
            if mistake != "epochs":
                t = t + 1
            for key in list(parameters):
                v["d" + key] = beta1 * v["d" + key] + (1 - beta1) * grads["d" + key]
                s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.power(grads["d" + key], 2)
                v_corrected = v["d" + key] if mistake == "no_correction" else v["d" + key] / (1 - np.power(beta1, t))
                s_corrected = s["d" + key] if mistake == "no_correction" else s["d" + key] / (1 - np.power(beta2, t))
                root = np.sqrt(s_corrected + epsilon) if mistake == "inside" else np.sqrt(s_corrected) + epsilon
                parameters[key] = parameters[key] - learning_rate * v_corrected / root
        return parameters, v, s, t
    return adam_epoch


def batchnorm(mistake=None):
    def batchnorm_forward(Z, gamma, beta, epsilon):
        axis = 0 if mistake == "axis" else 1
        mu = np.mean(Z, axis=axis, keepdims=True)
        var = np.sum((Z - mu) ** 2, axis=axis, keepdims=True) / (Z.shape[axis] - (1 if mistake == "unbiased" else 0))
        if mistake == "no_epsilon":
            Z_hat = (Z - mu) / np.sqrt(var)
        elif mistake == "outside":
            Z_hat = (Z - mu) / (np.sqrt(var) + epsilon)
        else:
            Z_hat = (Z - mu) / np.sqrt(var + epsilon)
        return beta * Z_hat + gamma if mistake == "swapped" else gamma * Z_hat + beta
    return batchnorm_forward


# ----------------------------------------------------------------------------- every named mistake, planted

PLANTED = [
    (check_he_initialization, he(scale="xavier"), "Xavier's scale, sqrt(1 / n[l-1])"),
    (check_he_initialization, he(scale="fan_out"), "fan-out instead of fan-in"),
    (check_he_initialization, he(scale="variance"), "the variance used as the standard deviation"),
    (check_he_initialization, he(transposed=True), "W transposed"),
    (check_he_initialization, he(biases=True), "biases not zero"),
    (check_he_initialization, he(global_random=True), "the global np.random used instead of rng"),
    (check_cost_with_regularization, cost("biases"), "the biases penalized too"),
    (check_cost_with_regularization, cost("lambd_m"), "lambd / m instead of lambd / (2m)"),
    (check_cost_with_regularization, cost("no_m"), "the L2 term not divided by m"),
    (check_cost_with_regularization, cost("no_entropy"), "the cross-entropy part missing"),
    (check_cost_with_regularization, cost("sum_W"), "the sum of W instead of the sum of W squared"),
    (check_cost_with_regularization, cost("summed"), "the cross-entropy summed, not averaged"),
    (check_backward_with_regularization, backward("missing"), "the L2 term missing from dW"),
    (check_backward_with_regularization, backward("bias"), "the L2 term added to db"),
    (check_backward_with_regularization, backward("half"), "lambd / (2m) * W instead of lambd / m * W"),
    (check_backward_with_regularization, backward("no_m"), "lambd * W without the 1 / m"),
    (check_dropout_forward, dropout_forward("no_division"), "not dividing by keep_prob"),
    (check_dropout_forward, dropout_forward("inverted"), "dropping with probability keep_prob"),
    (check_dropout_forward, dropout_forward("output"), "a mask on the output layer"),
    (check_dropout_forward, dropout_forward("multiply"), "multiplying by keep_prob instead of dividing"),
    (check_dropout_forward, dropout_forward("global"), "the global np.random used instead of rng"),
    (check_dropout_backward, dropout_backward("no_mask"), "the mask not applied"),
    (check_dropout_backward, dropout_backward("no_division"), "not dividing by keep_prob"),
    (check_dropout_backward, dropout_backward("multiply"), "multiplying by keep_prob instead of dividing"),
    (check_gradient_check, gradient_check("one_sided"), "a one-sided difference"),
    (check_gradient_check, gradient_check("all_at_once"), "epsilon added to every entry at once"),
    (check_gradient_check, gradient_check("none"), "a difference without the norms' denominator"),
    (check_gradient_check, gradient_check("grad_only"), "the wrong denominator, ||grad|| alone"),
    (check_gradient_check, gradient_check("norm_of_sum"), "the wrong denominator, ||grad + gradapprox||"),
    (check_gradient_check, gradient_check("no_two"), "dividing by epsilon instead of 2 epsilon"),
    (check_schedule_lr_decay, schedule("every_epoch"), "decaying every epoch"),
    (check_schedule_lr_decay, schedule("no_floor"), "no floor"),
    (check_schedule_lr_decay, schedule("multiply"), "multiplying instead of dividing"),
    (check_schedule_lr_decay, schedule("round"), "round() instead of the floor"),
    (check_schedule_lr_decay, schedule("ceil"), "the ceiling instead of the floor"),
    (check_schedule_lr_decay, schedule("floor_of_product"), "the floor of decay_rate * epoch_num / time_interval"),
    (check_adam_epoch, adam("no_correction"), "no bias correction"),
    (check_adam_epoch, adam("epochs"), "t counted in epochs instead of mini-batches"),
    (check_adam_epoch, adam("inside"), "epsilon inside the square root"),
    (check_batchnorm_forward, batchnorm("axis"), "statistics over the units instead of the examples"),
    (check_batchnorm_forward, batchnorm("unbiased"), "the unbiased variance"),
    (check_batchnorm_forward, batchnorm("no_epsilon"), "epsilon missing"),
    (check_batchnorm_forward, batchnorm("outside"), "epsilon outside the square root"),
    (check_batchnorm_forward, batchnorm("swapped"), "gamma and beta swapped"),
]

CORRECT = [(check_he_initialization, he()), (check_cost_with_regularization, cost()),
           (check_backward_with_regularization, backward()), (check_dropout_forward, dropout_forward()),
           (check_dropout_backward, dropout_backward()), (check_gradient_check, gradient_check()),
           (check_schedule_lr_decay, schedule()), (check_adam_epoch, adam()), (check_batchnorm_forward, batchnorm())]


def test_the_readme_lists_every_checker_and_every_mistake_it_names():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for checker, names in MISTAKES.items():
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{checker}` |"))
        assert row.rstrip(" |").endswith("; ".join(names)), row


def test_every_named_mistake_is_planted_once():
    """Here, or in the test module of the checker's notebook (a learner-style function for every name)."""
    planted = [(checker.__name__, name) for checker, _, name in PLANTED]
    planted += [(checker.__name__, name) for checker, _, name in SOFTMAX_PLANTED]
    named = {(checker, name) for checker, names in MISTAKES.items() for name in names}
    assert set(planted) == named
    assert len(named) == sum(len(names) for names in MISTAKES.values())  # no name twice for one checker


@pytest.mark.parametrize("checker, function, mistake", PLANTED, ids=[name for _, _, name in PLANTED])
def test_a_planted_mistake_is_named(checker, function, mistake):
    report = checker(function)
    assert isinstance(report, ExerciseReport)
    assert not report.passed and report.verdict == mistake, str(report)
    assert str(report).startswith(f"{report.exercise}: mistake: {mistake}.")
    assert "case: " in str(report)


@pytest.mark.parametrize("checker, function", CORRECT, ids=[checker.__name__ for checker, _ in CORRECT])
def test_a_correct_implementation_passes(checker, function):
    report = checker(function)
    assert report.passed and report.verdict == "correct", str(report)
    assert "correct: your function matches the reference on all 3 cases" in str(report)


# ----------------------------------------------------------------------------- unnamed bugs and broken functions


def first_array(result):
    """The first array of a result made of dicts and tuples, or None for a number."""
    if isinstance(result, np.ndarray):
        return result
    items = result.values() if isinstance(result, dict) else result if isinstance(result, tuple) else []
    return next((array for array in map(first_array, items) if array is not None), None)


def perturbed(function, seed):
    """The function with one entry of its first array result moved: a bug no checker knows by name."""
    def wrong(*args):
        result = function(*args)
        target = first_array(result)
        if target is None:
            return result * (1.01 + 0.01 * seed)
        index = tuple(np.random.default_rng(seed).integers(0, n) for n in target.shape)
        target[index] += 0.25 * (1 + abs(target[index]))
        return result
    return wrong


@pytest.mark.parametrize("checker, function", CORRECT, ids=[checker.__name__ for checker, _ in CORRECT])
@pytest.mark.parametrize("seed", [0, 1])
def test_an_unnamed_bug_gets_wrong_values_with_the_first_differing_entries(checker, function, seed):
    report = checker(perturbed(function, seed))
    assert not report.passed and report.verdict == "wrong values", str(report)
    assert report.details and all("expected" in line and ", got " in line for line in report.details)


def raises(*args):
    raise ZeroDivisionError("division by zero in my code")


@pytest.mark.parametrize("checker", [checker for checker, _ in CORRECT], ids=lambda c: c.__name__)
def test_broken_functions_get_clear_verdicts(checker):
    report = checker(raises)
    assert report.verdict == "raised" and "ZeroDivisionError: division by zero in my code" in str(report)
    assert "line" in str(report)
    assert checker(lambda *args: None).verdict == "returned None"
    assert checker(lambda *args: np.zeros((7, 7, 7))).verdict == "wrong shape"
    assert checker("not a function").verdict == "not a function"


def test_a_function_that_writes_into_its_arguments_is_told_so():
    def in_place(dA, D, keep_prob):
        dA *= D
        dA /= keep_prob
        return dA
    report = check_dropout_backward(in_place)
    assert report.verdict == "modified its arguments", str(report)


def test_a_wrong_shape_names_the_part_and_both_shapes():
    report = check_he_initialization(lambda layer_dims, rng: {**he()(layer_dims, rng), "b1": np.zeros((1, 1))})
    assert report.verdict == "wrong shape" and "b1 has shape (1, 1), expected" in report.message


def test_the_gradient_check_checker_sees_the_difference_not_its_round_off():
    """Another correct order of operations (sum of squares by hand) passes: the cases are truncation-dominated."""
    def by_hand(J, theta, grad, epsilon):
        approx = np.array([[(J(theta + epsilon * e) - J(theta - epsilon * e)) / (2 * epsilon)]
                           for e in np.eye(theta.shape[0])[:, :, None]]).reshape(-1, 1)
        return math.sqrt(np.sum((grad - approx) ** 2)) / (math.sqrt(np.sum(grad ** 2)) + math.sqrt(np.sum(approx ** 2)))
    assert check_gradient_check(by_hand).passed
