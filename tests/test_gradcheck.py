"""Gradient checking: the course's values, a mutation suite of real backprop bugs, no false alarms."""

import re

import numpy as np
import pytest

import utils.gradcheck as gradcheck_module
import utils.output as output_module
from tests._numeric import numerical_gradient
from utils import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    load_gradient_check_case,
)
from utils.gradcheck import (
    dictionary_to_vector,
    gradient_check,
    gradient_check_n,
    gradients_to_vector,
    numerical_gradients,
    vector_to_dictionary,
)


def course_case():
    """The course's N-D test case (load_gradient_check_case) and its analytic gradients."""
    X, Y, parameters = load_gradient_check_case()
    _, cache = forward_propagation(X, parameters)
    return X, Y, parameters, backward_propagation(X, Y, cache)


def test_the_course_case_follows_the_course_recipe():
    X, Y, parameters = load_gradient_check_case()
    rng = np.random.RandomState(1)  # randn in the course's order: X, then W1, b1, ..., b3
    np.testing.assert_array_equal(X, rng.randn(4, 3))
    for name, shape in [("W1", (5, 4)), ("b1", (5, 1)), ("W2", (3, 5)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1))]:
        np.testing.assert_array_equal(parameters[name], rng.randn(*shape))
    assert sum(v.size for v in parameters.values()) == 47


# ----------------------------------------------------------------------------- the course's values


def test_one_dimensional_check_reproduces_the_course():
    assert gradient_check(2, 4) == pytest.approx(2.919335883291695e-10, rel=1e-6)
    assert gradient_check(3, 4) == pytest.approx(7.814075313343006e-11, rel=1e-6)


def test_correct_gradients_pass_the_course_case():
    X, Y, parameters, grads = course_case()
    for fast in (False, True):
        report = gradient_check_n(parameters, grads, X, Y, fast=fast)
        assert report.passed and report.failing == []
    assert gradient_check_n(parameters, grads, X, Y).difference < 2e-7


def test_the_course_planted_bugs_are_found_and_located():
    X, Y, parameters, grads = course_case()
    buggy = dict(grads, dW2=2 * grads["dW2"], db1=4 * grads["db1"])
    report = gradient_check_n(parameters, buggy, X, Y)
    assert report.difference == pytest.approx(0.2850931567761623, abs=1e-7)
    assert set(report.failing) == {"W2", "b1"}
    worst_b1 = next(row for row in report.rows if row.name == "b1")
    assert worst_b1.analytic == pytest.approx(4 * worst_b1.numerical, rel=1e-6)  # the bad entry, shown
    assert set(gradient_check_n(parameters, buggy, X, Y, fast=True).failing) == {"W2", "b1"}
    for name, factor, difference in (("dW2", 2, 0.1734419689), ("db1", 4, 0.2544229712)):
        assert gradient_check_n(parameters, dict(grads, **{name: factor * grads[name]}), X, Y).difference \
            == pytest.approx(difference, abs=1e-7)


def test_report_renders_as_text_and_html():
    X, Y, parameters, grads = course_case()
    report = gradient_check_n(parameters, dict(grads, dW2=2 * grads["dW2"]), X, Y)
    text, html = str(report), report._repr_html_()
    assert text.startswith("Gradient check: FAILED: W2 does not match its central difference; the course's difference "
                           "is 1.7e-01, above its threshold 2e-07")
    assert "Criterion: a tensor passes when" in text and "WRONG" in text
    assert html.count("<tr>") == 7 and "FAILED: W2" in html


def test_the_verdict_says_what_passed_by_which_check_and_how_the_course_number_compares():
    X, Y, parameters, grads = course_case()
    verdict = {name: gradient_check_n(parameters, g, X, Y, fast=fast).verdict for name, g, fast in [
        ("correct", grads, False), ("one bug", dict(grads, dW2=2 * grads["dW2"]), False),
        ("two bugs", dict(grads, dW2=2 * grads["dW2"], db1=4 * grads["db1"]), False),
        ("fast, correct", grads, True), ("fast, one bug", dict(grads, dW2=2 * grads["dW2"]), True)]}
    assert verdict["correct"].startswith("PASSED: all 6 tensors match their central differences entry by entry; the "
                                         "course's difference is ")
    assert verdict["correct"].endswith(", below its threshold 2e-07")
    assert verdict["one bug"] == ("FAILED: W2 does not match its central difference; the course's difference is "
                                  "1.7e-01, above its threshold 2e-07")
    assert verdict["two bugs"] == ("FAILED: b1, W2 do not match their central differences; the course's difference is "
                                   "2.9e-01, above its threshold 2e-07")
    assert verdict["fast, correct"] == ("PASSED: all 6 tensors match their central differences along their "
                                        "directional checks (fast mode); the course's difference is not computed in "
                                        "fast mode")
    assert verdict["fast, one bug"] == ("FAILED: W2 does not match its central difference; the course's difference "
                                        "is not computed in fast mode")


# ----------------------------------------------------------------------------- numerical gradients


def network(layer_dims, m, seed, bias=0.1):
    """X, labels and a He-initialized network with random biases; one-hot labels for a softmax output."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((layer_dims[0], m))
    C = layer_dims[-1]
    Y = (rng.random((1, m)) < 0.5).astype(int) if C == 1 else np.eye(C)[rng.integers(0, C, m)].T
    parameters = initialize_parameters(layer_dims, "he", rng)
    for l in range(1, len(layer_dims)):
        parameters[f"b{l}"] = bias * rng.standard_normal(parameters[f"b{l}"].shape)
    return X, Y, parameters


@pytest.mark.parametrize("lambd, keep_prob", [(0.0, 1.0), (0.7, 1.0), (0.0, 0.7), (0.7, 0.7)])
def test_batched_and_loop_numerical_gradients_agree_with_an_independent_reference(lambd, keep_prob):
    X, Y, parameters = network([3, 5, 4, 1], 11, seed=1)
    rng = np.random.default_rng(9) if keep_prob < 1 else None
    masks = forward_propagation(X, parameters, keep_prob, rng)[1].masks if keep_prob < 1 else None
    batched = numerical_gradients(parameters, X, Y, 1e-5, lambd, keep_prob, masks=masks)
    loop = numerical_gradients(parameters, X, Y, 1e-5, lambd, keep_prob, masks=masks, method="loop")
    _, cache = forward_propagation(X, parameters, keep_prob, masks=masks)
    analytic = backward_propagation(X, Y, cache, lambd)
    for name in parameters:
        np.testing.assert_allclose(batched["d" + name], loop["d" + name], atol=1e-10)
        np.testing.assert_allclose(batched["d" + name], analytic["d" + name], atol=1e-8)


def plain_central_differences(X, Y, parameters, lambd, keep_prob, masks, directions, epsilon):
    """(J(theta + eps U) - J(theta - eps U)) / (2 eps) per direction (name, U): two whole forward passes each."""
    def cost(p):
        return compute_cost(forward_propagation(X, p, keep_prob, masks=masks)[1].ZL, Y, p, lambd)
    return [(cost(dict(parameters, **{name: parameters[name] + epsilon * U}))
             - cost(dict(parameters, **{name: parameters[name] - epsilon * U}))) / (2 * epsilon)
            for name, U in directions]


@pytest.mark.parametrize("outputs", [1, 3])
@pytest.mark.parametrize("lambd, keep_prob", [(0.0, 1.0), (0.7, 0.7)])
@pytest.mark.parametrize("epsilon, scale", [(0.3, 1.0), (0.5, 30.0)])
def test_the_shortcuts_equal_plain_central_differences_across_kinks_and_large_steps(monkeypatch, epsilon, scale,
                                                                                   lambd, keep_prob, outputs):
    """Steps this large cross ReLU kinks (the exact path) and, with large inputs, move logits by more than 1
    (the large-step path); the element-wise and directional numbers still equal plain central differences
    (the course's loop, whole forward passes) to round-off, for a sigmoid output and for a softmax output."""
    X, Y, parameters = network([3, 5, 4, outputs], 40, seed=3)
    X = scale * X
    masks = forward_propagation(X, parameters, keep_prob, np.random.default_rng(9))[1].masks if keep_prob < 1 else None
    paths = {"exact": 0, "large steps": 0}
    exact = gradcheck_module._Problem._exact_differences
    large = gradcheck_module._SigmoidProblem._large_step_differences
    softmax_difference = output_module._softmax_central_difference

    def spy_exact(self, *args):
        paths["exact"] += 1
        return exact(self, *args)

    def spy_large(self, *args):
        steps, difference = large(self, *args)
        paths["large steps"] += bool(difference.any())
        return steps, difference

    def spy_softmax(ZL, P, Y, D):
        paths["large steps"] += bool((np.abs(D) > 1).any())
        return softmax_difference(ZL, P, Y, D)
    monkeypatch.setattr(gradcheck_module._Problem, "_exact_differences", spy_exact)
    monkeypatch.setattr(gradcheck_module._SigmoidProblem, "_large_step_differences", spy_large)
    monkeypatch.setattr(output_module, "_softmax_central_difference", spy_softmax)

    batched = numerical_gradients(parameters, X, Y, epsilon, lambd, keep_prob, masks=masks)
    loop = numerical_gradients(parameters, X, Y, epsilon, lambd, keep_prob, masks=masks, method="loop")
    for name in batched:
        np.testing.assert_allclose(batched[name], loop[name], rtol=0, atol=1e-13 * scale)
    assert paths["exact"] > 0 and (paths["large steps"] > 0 or scale == 1)

    rng = np.random.default_rng(4)
    directions = [(name, rng.standard_normal(value.shape)) for name, value in parameters.items()]
    problem = gradcheck_module._set_up(parameters, X, Y, epsilon, lambd, keep_prob, None, masks, "batched")[0]
    numeric = problem.directional_derivatives(directions, epsilon)
    reference = plain_central_differences(X, Y, parameters, lambd, keep_prob, masks, directions, epsilon)
    np.testing.assert_allclose(numeric, reference, rtol=0, atol=1e-13 * scale)


@pytest.mark.parametrize("outputs", [1, 4])
@pytest.mark.parametrize("lambd, keep_prob", [(0.0, 1.0), (0.7, 0.7)])
def test_directional_derivatives_agree_with_whole_forward_passes_at_a_small_step(lambd, keep_prob, outputs):
    X, Y, parameters = network([3, 6, 5, outputs], 50, seed=8)
    masks = forward_propagation(X, parameters, keep_prob, np.random.default_rng(2))[1].masks if keep_prob < 1 else None
    rng = np.random.default_rng(5)
    directions = [(name, rng.standard_normal(value.shape)) for name, value in parameters.items() for _ in range(2)]
    problem = gradcheck_module._set_up(parameters, X, Y, 1e-5, lambd, keep_prob, None, masks, "batched")[0]
    numeric = problem.directional_derivatives(directions, 1e-5)
    reference = plain_central_differences(X, Y, parameters, lambd, keep_prob, masks, directions, 1e-5)
    np.testing.assert_allclose(numeric, reference, rtol=0, atol=1e-9)  # the reference's own round-off: u |J| / eps


def test_the_seed_reproduces_the_masks_of_the_analytic_pass():
    X, Y, parameters = network([3, 6, 4, 1], 20, seed=2)
    _, cache = forward_propagation(X, parameters, 0.6, rng=np.random.default_rng(21))
    grads = backward_propagation(X, Y, cache, 0.3)
    assert gradient_check_n(parameters, grads, X, Y, lambd=0.3, keep_prob=0.6, rng=np.random.default_rng(21)).passed
    assert gradient_check_n(parameters, grads, X, Y, lambd=0.3, keep_prob=0.6, masks=cache.masks).passed
    # a different mask is a different cost: the check must notice
    assert not gradient_check_n(parameters, grads, X, Y, lambd=0.3, keep_prob=0.6, rng=np.random.default_rng(22)).passed


# ----------------------------------------------------------------------------- the mutation suite

LAYER_DIMS = [4, 4, 4, 1]  # square hidden layers, so a transposed weight or swapped layers still fit


def buggy_backward(bug, X, Y, parameters, cache, lambd, keep_prob):
    """A hand-written backward pass of the [4, 4, 4, 1] net, with one realistic bug switched on."""
    (A0, W1), (A1, W2), (A2, W3) = cache.linear
    Z1, Z2, _ = cache.Z
    D1, D2 = cache.masks if cache.masks else (np.ones_like(Z1, bool), np.ones_like(Z2, bool))
    m = X.shape[1]
    dZ3 = (Y - cache.AL) / m if bug == "sign of dZ3" else (cache.AL - Y) / m
    dW3 = dZ3 @ A2.T * (m if bug == "missing 1/m in dW3" else 1)
    db3 = dZ3.sum(axis=1, keepdims=True)
    dA2 = W3.T @ dZ3
    if bug != "dropout mask missing in backward":
        dA2 = dA2 * D2
    dA2 = dA2 if bug == "missing 1/keep_prob in backward" else dA2 / keep_prob
    if bug == "sigmoid derivative for a relu layer":
        A2_pre = 1 / (1 + np.exp(-Z2))
        dZ2 = dA2 * A2_pre * (1 - A2_pre)
    elif bug == "relu derivative forgotten":
        dZ2 = dA2
    else:
        dZ2 = dA2 * (Z2 > 0)
    dW2 = dZ2 @ (A2.T if bug == "dW from the layer's own activation" else A1.T)
    db2 = dZ2.sum(axis=1, keepdims=True)
    dA1 = (W2 if bug == "transposed weight" else W2.T) @ dZ2
    dA1 = dA1 * D1 / keep_prob
    dZ1 = dA1 * (Z1 > 0)
    dW1 = dZ1 @ A0.T
    db1 = dZ1.sum(axis=1, keepdims=True) * (4 if bug == "db1 computed with 4/m" else 1)
    if bug == "bias summed over the wrong axis":
        db1 = dZ1.sum(axis=0, keepdims=True)
    if bug == "dW2 doubled":
        dW2 = 2 * dW2
    if bug != "missing L2 term":
        factor = lambd / (2 * m) if bug == "L2 gradient with lambd / (2m)" else lambd / m
        dW1, dW2, dW3 = dW1 + factor * W1, dW2 + factor * W2, dW3 + factor * W3
    if bug == "layers 1 and 2 swapped":
        dW1, dW2 = dW2, dW1
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}


HIDDEN_1, HIDDEN_2, WEIGHTS = {"W1", "b1"}, {"W2", "b2"}, {"W1", "W2", "W3"}
BUGS = {  # bug: (lambd, keep_prob, the tensors it corrupts)
    "dW2 doubled": (0.0, 1.0, {"W2"}),
    "db1 computed with 4/m": (0.0, 1.0, {"b1"}),
    "missing 1/m in dW3": (0.0, 1.0, {"W3"}),
    "sign of dZ3": (0.0, 1.0, HIDDEN_1 | HIDDEN_2 | {"W3", "b3"}),
    "transposed weight": (0.0, 1.0, HIDDEN_1),
    "dropout mask missing in backward": (0.0, 0.7, HIDDEN_1 | HIDDEN_2),
    "missing 1/keep_prob in backward": (0.0, 0.7, HIDDEN_1 | HIDDEN_2),
    "missing L2 term": (0.7, 1.0, WEIGHTS),
    "L2 gradient with lambd / (2m)": (0.7, 0.8, WEIGHTS),
    "relu derivative forgotten": (0.0, 1.0, HIDDEN_1 | HIDDEN_2),
    "sigmoid derivative for a relu layer": (0.0, 1.0, HIDDEN_1 | HIDDEN_2),
    "dW from the layer's own activation": (0.0, 1.0, {"W2"}),
    "layers 1 and 2 swapped": (0.0, 1.0, {"W1", "W2"}),
}


def mutation_case(lambd, keep_prob, bug, seed=3):
    X, Y, parameters = network(LAYER_DIMS, 40, seed)
    rng = np.random.default_rng(seed) if keep_prob < 1 else None
    _, cache = forward_propagation(X, parameters, keep_prob, rng)
    return X, Y, parameters, cache, buggy_backward(bug, X, Y, parameters, cache, lambd, keep_prob)


def test_the_hand_written_backward_is_right_without_a_bug():
    for lambd, keep_prob in [(0.0, 1.0), (0.7, 0.7)]:
        X, Y, parameters, cache, grads = mutation_case(lambd, keep_prob, bug=None)
        expected = backward_propagation(X, Y, cache, lambd)
        for key in expected:
            np.testing.assert_allclose(grads[key], expected[key], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("fast", [False, True], ids=["full", "fast"])
@pytest.mark.parametrize("bug", sorted(BUGS))
def test_every_bug_is_caught_and_located(bug, fast):
    lambd, keep_prob, corrupted = BUGS[bug]
    X, Y, parameters, cache, grads = mutation_case(lambd, keep_prob, bug)
    report = gradient_check_n(parameters, grads, X, Y, lambd=lambd, keep_prob=keep_prob, masks=cache.masks or None,
                              fast=fast)
    assert set(report.failing) == corrupted


@pytest.mark.parametrize("fast", [False, True], ids=["full", "fast"])
def test_a_gradient_of_the_wrong_shape_is_named(fast):
    X, Y, parameters, cache, grads = mutation_case(0.0, 1.0, "bias summed over the wrong axis")
    with pytest.raises(ValueError, match=r"gradients\['db1'\] has shape \(1, 40\) but parameters\['b1'\] has shape "
                                         r"\(4, 1\)"):
        gradient_check_n(parameters, grads, X, Y, fast=fast)


@pytest.mark.parametrize("name", ["W1", "b1", "W2", "b2", "W3", "b3"])
def test_a_one_percent_error_in_any_single_tensor_is_flagged(name):
    X, Y, parameters, cache, grads = mutation_case(0.0, 1.0, None)
    report = gradient_check_n(parameters, dict(grads, **{"d" + name: 1.01 * grads["d" + name]}), X, Y)
    assert report.failing == [name]


def test_fast_mode_names_a_tensor_off_by_five_percent_in_a_bigger_net():
    X, Y, parameters = network([5, 40, 30, 20, 1], 60, seed=4)
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(X, Y, cache)
    rng = np.random.default_rng(0)
    for name in ["W1", "b2", "W3", "W4"]:
        g = grads["d" + name]
        for wrong in (1.05 * g, g + 0.05 * np.linalg.norm(g) * rng.standard_normal(g.shape) / np.sqrt(g.size)):
            assert gradient_check_n(parameters, dict(grads, **{"d" + name: wrong}), X, Y, fast=True).failing == [name]


# ----------------------------------------------------------------------------- no false alarms


def random_case(seed):
    rng = np.random.default_rng(seed)
    depth = int(rng.integers(1, 5))
    layer_dims = [int(rng.integers(1, 6))] + [int(rng.integers(1, 9)) for _ in range(depth - 1)] + [1]
    X, Y, parameters = network(layer_dims, int(rng.integers(1, 40)), seed, bias=float(rng.choice([0.0, 0.1, 1.0])))
    lambd = float(rng.choice([0.0, 0.1, 5.0]))
    keep_prob = float(rng.choice([1.0, 0.8, 0.5])) if depth > 1 else 1.0
    return X, Y, parameters, lambd, keep_prob


@pytest.mark.parametrize("seed", range(40))
def test_correct_gradients_are_never_flagged(seed):
    X, Y, parameters, lambd, keep_prob = random_case(seed)
    rng = np.random.default_rng(seed) if keep_prob < 1 else None
    _, cache = forward_propagation(X, parameters, keep_prob, rng)
    grads = backward_propagation(X, Y, cache, lambd)
    masks = cache.masks or None
    for fast in (False, True):
        report = gradient_check_n(parameters, grads, X, Y, lambd=lambd, keep_prob=keep_prob, masks=masks, fast=fast)
        assert report.passed, str(report)


def test_dead_relus_and_tiny_gradients_are_not_flagged():
    X, Y, parameters = network([3, 6, 5, 1], 30, seed=5)
    parameters["b1"][:3] = -50.0  # three dead units: their gradients are exactly zero
    parameters["W3"] *= 1e-6  # and the rest tiny
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(X, Y, cache)
    assert not grads["dW1"][:3].any()
    assert gradient_check_n(parameters, grads, X, Y).passed
    assert gradient_check_n(parameters, grads, X, Y, fast=True).passed


def test_entries_on_a_relu_kink_are_left_out_and_counted():
    X, Y, parameters = network([3, 4, 1], 10, seed=6)
    parameters["b1"][:] = 0.0
    X[:, 0] = 0.0  # example 0 has Z1 = 0 exactly: every unit sits on its kink
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(X, Y, cache)
    report = gradient_check_n(parameters, grads, X, Y)
    assert report.passed
    assert next(row for row in report.rows if row.name == "b1").kinks == 4
    assert report.smooth_difference < 2e-7 < report.difference  # the kinks spoil the course's number only
    assert re.fullmatch(r"PASSED: all 4 tensors match their central differences entry by entry \(4 entries whose "
                        r"steps cross a ReLU kink left out\); without them the course's difference is \d\.\de-\d\d, "
                        r"below its threshold 2e-07 \(\d\.\de-0[1-6] with them\)", report.verdict), report.verdict


# ----------------------------------------------------------------------------- vectors, inputs


def test_vector_helpers_round_trip_exactly_in_the_documented_order():
    X, Y, parameters, grads = course_case()
    theta, keys = dictionary_to_vector(parameters)
    assert theta.shape == (47, 1) and keys[:20] == ["W1"] * 20 and keys[20:25] == ["b1"] * 5 and keys[-1] == "b3"
    assert theta[1, 0] == parameters["W1"][0, 1]  # row-major within a block
    back = vector_to_dictionary(theta, parameters)
    assert all(np.array_equal(back[k], parameters[k]) for k in parameters)
    np.testing.assert_array_equal(gradients_to_vector(grads)[:20, 0], grads["dW1"].ravel())


def test_nothing_is_written_into_the_arguments_even_when_the_cost_raises(monkeypatch):
    X, Y, parameters, grads = course_case()
    copies = [{k: v.copy() for k, v in d.items()} for d in (parameters, grads)] + [X.copy()]
    gradient_check_n(parameters, grads, X, Y, lambd=0.5)
    gradient_check_n(parameters, grads, X, Y, fast=True)

    def broken(*args):
        raise FloatingPointError("the cost failed")
    monkeypatch.setattr(output_module.Sigmoid, "losses", broken)
    with pytest.raises(FloatingPointError):
        gradient_check_n(parameters, grads, X, Y)
    for original, copy in zip((parameters, grads), copies[:2], strict=True):
        assert all(np.array_equal(original[k], copy[k]) for k in copy)
    np.testing.assert_array_equal(X, copies[2])


def test_lower_precision_is_upcast_with_a_warning():
    X, Y, parameters, grads = course_case()
    single = {k: v.astype(np.float32) for k, v in parameters.items()}
    with pytest.warns(UserWarning, match=r"parameters\['W1'\] is float32, .* the check runs on float64 copies"):
        report = gradient_check_n(single, grads, X, Y)
    assert single["W1"].dtype == np.float32  # the caller's arrays keep their type
    assert report.passed  # rounding the parameters to float32 moves the gradients by ~1e-8 only


def test_a_zeros_initialization_is_warned_about():
    X, Y, _, _ = course_case()
    parameters = initialize_parameters([4, 5, 3, 1], "zeros")
    _, cache = forward_propagation(X, parameters)
    with pytest.warns(UserWarning, match="all zeros"):
        gradient_check_n(parameters, backward_propagation(X, Y, cache), X, Y)


def without(d, key):
    return {k: v for k, v in d.items() if k != key}


X0, Y0, P0, G0 = course_case()


@pytest.mark.parametrize("call, error, message", [
    (lambda: gradient_check_n(P0, G0, X0, Y0, epsilon=0), ValueError, "epsilon must be between 1e-12 and 1, got 0"),
    (lambda: gradient_check_n(P0, G0, X0, Y0, epsilon=-1e-7), ValueError, "epsilon must be between 1e-12 and 1"),
    (lambda: gradient_check_n(P0, G0, X0, Y0, epsilon=1e-300), ValueError, "epsilon must be between 1e-12 and 1"),
    (lambda: gradient_check_n(P0, G0, X0, Y0, fast="no"), TypeError, "fast must be True or False"),
    (lambda: gradient_check_n(P0, dict(G0, dW4=G0["dW3"]), X0, Y0), ValueError, r"gradients has unexpected keys"),
    (lambda: gradient_check_n(without(P0, "W3"), G0, X0, Y0), KeyError, "parameters is missing 'W3'"),
    (lambda: gradient_check_n(P0, without(G0, "db2"), X0, Y0), KeyError,
     "gradients is missing 'db2', the gradient of parameters\\['b2'\\]"),
    (lambda: gradient_check_n(P0, dict(G0, dW1=G0["dW1"].T), X0, Y0), ValueError,
     r"gradients\['dW1'\] has shape \(4, 5\) but parameters\['W1'\] has shape \(5, 4\)"),
    (lambda: gradient_check_n(P0, "grads", X0, Y0), TypeError, "gradients must be a dict"),
    (lambda: gradient_check_n(P0, G0, X0, Y0, method="fast"), ValueError,
     r"method must be one of \['batched', 'loop'\]"),
    (lambda: gradient_check_n(P0, G0, X0, Y0, keep_prob=0.5, masks=[np.ones((5, 2), bool)] * 2), ValueError,
     r"masks\[0\] must be a bool array of shape \(5, 3\)"),
    (lambda: gradient_check_n(P0, G0, X0[:3], Y0), ValueError, r"parameters\['W1'\] has 4 columns but X has 3 rows"),
    (lambda: gradient_check(2, 4, epsilon=0), ValueError, "epsilon must be between 1e-12 and 1"),
    (lambda: gradient_check(1e308, 1e308, epsilon=1), ValueError, "the central difference overflowed .*: x or theta"),
    (lambda: vector_to_dictionary(np.zeros((46, 1)), P0), ValueError, r"theta must have shape \(47, 1\)"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_independent_reference_agrees_with_the_course_number():
    """The slow reference of tests/_numeric.py gives the course's difference for the planted bugs too."""
    X, Y, parameters, grads = course_case()
    from utils import compute_cost
    numeric = {}
    for name, value in parameters.items():
        def cost_of(x, name=name):
            p = dict(parameters, **{name: x})
            return compute_cost(forward_propagation(X, p)[1].ZL, Y)
        numeric["d" + name] = numerical_gradient(cost_of, value, eps=1e-7)
    buggy = dict(grads, dW2=2 * grads["dW2"], db1=4 * grads["db1"])
    a, n = gradients_to_vector(buggy), gradients_to_vector(numeric)
    difference = np.linalg.norm(a - n) / (np.linalg.norm(a) + np.linalg.norm(n))
    assert difference == pytest.approx(0.2850931567761623, abs=1e-7)
