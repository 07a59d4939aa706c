"""Batch normalization: CS231n's checks of the primitive pair, its two modes, and batch-normalized networks.

The primitives are checked against central differences (``tests._numeric``, no shared code with utils)
and against a staged backward written here step by step; the networks against the same independent
differences of the whole cost, and through ``gradient_check_n``, whose report must name gamma and beta.
"""

import numpy as np
import pytest

from tests._numeric import numerical_gradient, relative_error
from utils import (
    backward_propagation,
    batchnorm_backward,
    batchnorm_forward,
    compute_cost,
    forward_propagation,
    gradient_check_n,
    initialize_parameters,
    model,
    predict,
    random_mini_batches,
    update_parameters_with_gd,
    update_running_average,
    update_running_averages,
)
from utils.gradcheck import numerical_gradients
from utils.train import predict_probabilities


def cs231n_activations(rng, N=200):
    """CS231n's test input: a = relu(X W1) W2 for X (N, 50), as (3, N) here (units by examples)."""
    X = rng.randn(N, 50)
    return (np.maximum(0, X @ cs231n_activations.W1) @ cs231n_activations.W2).T


def cs231n_weights(seed=231):
    rng = np.random.RandomState(seed)
    cs231n_activations.W1, cs231n_activations.W2 = rng.randn(50, 60), rng.randn(60, 3)
    return rng


# ----------------------------------------------------------------------------- the primitive pair


def test_train_mode_gives_zero_means_and_unit_stds_then_gamma_and_beta():
    """CS231n's forward check (seed 231): means ~1e-17 and stds 0.99999999 before gamma and beta act."""
    rng = np.random.RandomState(231)
    X, W1, W2 = rng.randn(200, 50), rng.randn(50, 60), rng.randn(60, 3)
    a = (np.maximum(0, X @ W1) @ W2).T
    assert np.all(np.abs(a.mean(axis=1)) > 1) and np.all(a.std(axis=1) > 10)  # far from normalized before
    out, _ = batchnorm_forward(a, np.ones((3, 1)), np.zeros((3, 1)))
    np.testing.assert_allclose(out.mean(axis=1), 0.0, atol=1e-13)
    np.testing.assert_allclose(out.std(axis=1), 1.0, rtol=1e-7)
    gamma, beta = np.array([[1.0], [2.0], [3.0]]), np.array([[11.0], [12.0], [13.0]])
    out, _ = batchnorm_forward(a, gamma, beta)
    np.testing.assert_allclose(out.mean(axis=1), beta[:, 0], rtol=1e-13)
    np.testing.assert_allclose(out.std(axis=1), gamma[:, 0], rtol=1e-7)


def test_test_mode_after_warm_up_normalizes_new_batches():
    """CS231n's test-mode check: 50 train-mode passes feed the running averages, then a new batch in test mode."""
    rng = cs231n_weights()
    gamma, beta = np.ones((3, 1)), np.zeros((3, 1))
    mean, var = np.zeros((3, 1)), np.ones((3, 1))
    for _ in range(50):
        _, cache = batchnorm_forward(cs231n_activations(rng), gamma, beta)
        mean, var = update_running_average(mean, cache.mean), update_running_average(var, cache.var)
    out, cache = batchnorm_forward(cs231n_activations(rng), gamma, beta, "test", mean, var)
    assert cache.mode == "test"
    assert np.all(np.abs(out.mean(axis=1)) < 0.2)
    assert np.all(np.abs(out.std(axis=1) - 1) < 0.1)


@pytest.mark.parametrize("mode", ["train", "test"])
def test_backward_matches_central_differences(mode):
    rng = np.random.default_rng(1)
    Z = 3 * rng.standard_normal((4, 10)) + 2
    gamma, beta = rng.standard_normal((4, 1)), rng.standard_normal((4, 1))
    statistics = (rng.standard_normal((4, 1)), rng.random((4, 1)) + 0.5) if mode == "test" else (None, None)
    out, cache = batchnorm_forward(Z, gamma, beta, mode, *statistics)
    G = rng.standard_normal(out.shape)

    def J(z=Z, g=gamma, b=beta):
        return np.sum(G * batchnorm_forward(z, g, b, mode, *statistics)[0])

    dZ, dgamma, dbeta = batchnorm_backward(G, cache)
    assert relative_error(dZ, numerical_gradient(lambda x: J(z=x), Z, eps=1e-5)) < 1e-8
    assert relative_error(dgamma, numerical_gradient(lambda x: J(g=x), gamma, eps=1e-5)) < 1e-8
    assert relative_error(dbeta, numerical_gradient(lambda x: J(b=x), beta, eps=1e-5)) < 1e-8


def staged_backward(G, Z, gamma, epsilon=1e-5):
    """The backward pass through the computational graph, one node at a time (CS231n's first version)."""
    m = Z.shape[1]
    mu = Z.mean(axis=1, keepdims=True)
    centered = Z - mu
    var = (centered ** 2).mean(axis=1, keepdims=True)
    inverse = 1 / np.sqrt(var + epsilon)
    Z_hat = centered * inverse
    dZ_hat = G * gamma
    dinverse = (dZ_hat * centered).sum(axis=1, keepdims=True)
    dvar = dinverse * -0.5 * (var + epsilon) ** -1.5
    dcentered = dZ_hat * inverse + dvar * 2 * centered / m
    dmu = -dcentered.sum(axis=1, keepdims=True)
    return dcentered + dmu / m, (G * Z_hat).sum(axis=1, keepdims=True), G.sum(axis=1, keepdims=True)


def test_the_compact_backward_equals_the_staged_one():
    rng = np.random.default_rng(2)
    Z, gamma = rng.standard_normal((50, 100)) * 4 - 1, rng.standard_normal((50, 1))
    out, cache = batchnorm_forward(Z, gamma, rng.standard_normal((50, 1)))
    G = rng.standard_normal(out.shape)
    for compact, staged in zip(batchnorm_backward(G, cache), staged_backward(G, Z, gamma), strict=True):
        assert relative_error(compact, staged) < 1e-12


def test_train_mode_couples_the_examples_and_test_mode_does_not():
    rng = np.random.default_rng(3)
    Z, gamma, beta = rng.standard_normal((3, 8)), rng.standard_normal((3, 1)), rng.standard_normal((3, 1))
    mean, var = rng.standard_normal((3, 1)), rng.random((3, 1)) + 0.1
    moved = Z.copy()
    moved[:, 0] += 5.0  # only example 0 changes
    for mode, coupled in (("train", True), ("test", False)):
        statistics = (mean, var) if mode == "test" else ()
        before, _ = batchnorm_forward(Z, gamma, beta, mode, *statistics)
        after, _ = batchnorm_forward(moved, gamma, beta, mode, *statistics)
        assert (not np.allclose(before[:, 1:], after[:, 1:])) == coupled
    # with the batch's own statistics as "running averages", test mode is train mode
    train, cache = batchnorm_forward(Z, gamma, beta)
    test, _ = batchnorm_forward(Z, gamma, beta, "test", cache.mean, cache.var)
    np.testing.assert_allclose(test, train, rtol=1e-14, atol=1e-15)


def test_running_average_conventions_are_opposite():
    """CS231n/Keras keep ``momentum`` of the old value; PyTorch's momentum is the weight of the new one."""
    rng = np.random.default_rng(4)
    running, batches = np.zeros((5, 1)), [rng.standard_normal((5, 1)) + 3 for _ in range(30)]
    ours, torch_style, confused = running, running, running
    for batch in batches:
        ours = update_running_average(ours, batch, momentum=0.9)
        torch_style = (1 - 0.1) * torch_style + 0.1 * batch  # torch.nn.BatchNorm1d(momentum=0.1)
        previous, confused = confused, update_running_average(confused, batch, momentum=0.1)  # PyTorch's value here
    np.testing.assert_allclose(ours, torch_style, rtol=1e-14)
    np.testing.assert_allclose(confused, 0.1 * previous + 0.9 * batches[-1], rtol=1e-14)  # 90% the last batch
    population = np.mean(batches, axis=0)
    assert np.max(np.abs(confused - population)) > 2 * np.max(np.abs(ours[:, 0] - population[:, 0]).mean())


def test_primitives_leave_their_arguments_untouched():
    rng = np.random.default_rng(5)
    Z, gamma, beta = rng.standard_normal((3, 6)), rng.standard_normal((3, 1)), rng.standard_normal((3, 1))
    copies = [a.copy() for a in (Z, gamma, beta)]
    out, cache = batchnorm_forward(Z, gamma, beta)
    G = rng.standard_normal(out.shape)
    G_copy = G.copy()
    batchnorm_backward(G, cache)
    running = np.ones((3, 1))
    update_running_average(running, cache.var)
    for original, copy in zip((Z, gamma, beta, G, running), (*copies, G_copy, np.ones((3, 1))), strict=True):
        np.testing.assert_array_equal(original, copy)


@pytest.mark.parametrize("call, error, message", [
    (lambda: batchnorm_forward(np.ones((3, 1)), np.ones((3, 1)), np.zeros((3, 1))), ValueError, "at least 2 examples"),
    (lambda: batchnorm_forward(np.ones((3, 4)), np.ones((2, 1)), np.zeros((3, 1))), ValueError, "gamma must have"),
    (lambda: batchnorm_forward(np.ones((3, 4)), np.ones((3, 1)), np.zeros((3, 1)), "eval"), ValueError, "mode"),
    (lambda: batchnorm_forward(np.ones((3, 4)), np.ones((3, 1)), np.zeros((3, 1)), "test"), ValueError,
     "give running_mean and running_var"),
    (lambda: batchnorm_forward(np.ones((3, 4)), np.ones((3, 1)), np.zeros((3, 1)), "train", np.zeros((3, 1)),
                               np.ones((3, 1))), ValueError, "mode 'test' only"),
    (lambda: batchnorm_forward(np.ones((3, 4)), np.ones((3, 1)), np.zeros((3, 1)), "test", np.zeros((3, 1)),
                               -np.ones((3, 1))), ValueError, "running_var must hold variances"),
    (lambda: batchnorm_forward(np.ones((3, 4)), np.ones((3, 1)), np.zeros((3, 1)), epsilon=0), ValueError, "epsilon"),
    (lambda: batchnorm_backward(np.ones((3, 4)), (1, 2)), TypeError, "BatchNormCache"),
    (lambda: update_running_average(np.ones((3, 1)), np.ones((3, 1)), 1.5), ValueError, "momentum"),
    (lambda: update_running_average(np.ones((3, 1)), np.ones((4, 1))), ValueError, "batch must have"),
    # found by the deep property run: a variance that overflows normalized everything to 0, silently
    (lambda: batchnorm_forward(np.array([[1e300, -1e300, 3.0]]), np.ones((1, 1)), np.zeros((1, 1))), ValueError,
     "Z, gamma or beta are too large"),
    (lambda: forward_propagation(np.array([[1e200, -1e200], [1.0, 2.0]]),
                                 initialize_parameters([2, 3, 1], rng=1, batch_norm=True)), ValueError,
     "X or the parameters are too large"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ----------------------------------------------------------------------------- batch-normalized networks


def random_network(seed, layer_dims=(3, 5, 4, 1)):
    """A normalized network at a random point (gamma and beta random too), and a batch of data."""
    rng = np.random.default_rng(seed)
    parameters = initialize_parameters(list(layer_dims), "he", rng=seed, batch_norm=True)
    for l in range(1, len(layer_dims) - 1):
        parameters[f"gamma{l}"] = rng.standard_normal((layer_dims[l], 1))
        parameters[f"beta{l}"] = rng.standard_normal((layer_dims[l], 1))
    X = rng.standard_normal((layer_dims[0], 30))
    Y = (rng.random((1, 30)) < 0.5).astype(float)
    return parameters, X, Y


def test_initialization_replaces_the_hidden_biases_and_keeps_the_weights():
    plain = initialize_parameters([2, 4, 3, 1], "he", rng=3)
    normalized = initialize_parameters([2, 4, 3, 1], "he", rng=3, batch_norm=True)
    assert list(normalized) == ["W1", "gamma1", "beta1", "running_mean1", "running_var1",
                                "W2", "gamma2", "beta2", "running_mean2", "running_var2", "W3", "b3"]
    for l in (1, 2, 3):
        np.testing.assert_array_equal(normalized[f"W{l}"], plain[f"W{l}"])
    np.testing.assert_array_equal(normalized["gamma2"], np.ones((3, 1)))
    np.testing.assert_array_equal(normalized["running_var1"], np.ones((4, 1)))


@pytest.mark.parametrize("lambd, keep_prob", [(0.0, 1.0), (0.7, 1.0), (0.0, 0.8), (0.3, 0.7)])
def test_network_gradients_match_independent_central_differences(lambd, keep_prob):
    """Five random networks each, every tensor within 1e-8 relative of fourth-order central differences.

    A plain central difference is limited to about 1e-7 here (truncation at eps 1e-5, round-off on the
    small gradients of gamma and beta at 1e-6); the fourth-order one at eps 5e-5 leaves both far below 1e-8.
    """
    for seed in range(5):
        parameters, X, Y = random_network(seed, (3, 6, 5, 4, 1))
        _, cache = forward_propagation(X, parameters, keep_prob, rng=seed if keep_prob < 1 else None)
        gradients = backward_propagation(X, Y, cache, lambd)
        assert set(gradients) == {f"d{kind}{l}" for l in (1, 2, 3) for kind in ("W", "gamma", "beta")} | {"dW4",
                                                                                                          "db4"}
        for key in (name[1:] for name in gradients):
            numeric = numerical_gradient(cost_of(key, parameters, X, Y, lambd, keep_prob, list(cache.masks) or None),
                                         parameters[key], eps=5e-5, order=4)
            assert relative_error(gradients["d" + key], numeric) < 1e-8, (seed, key)


def cost_of(key, parameters, X, Y, lambd, keep_prob, masks):
    """J as a function of parameters[key] alone, the masks frozen (train mode)."""
    def J(value):
        changed = {**parameters, key: value}
        return compute_cost(forward_propagation(X, changed, keep_prob, masks=masks)[1].ZL, Y, changed, lambd)
    return J


def test_gradient_check_reports_gamma_and_beta_and_locates_a_planted_error():
    parameters, X, Y = random_network(4, (3, 6, 5, 4, 1))
    _, cache = forward_propagation(X, parameters)
    gradients = backward_propagation(X, Y, cache, 0.2)
    report = gradient_check_n(parameters, gradients, X, Y, epsilon=1e-6, lambd=0.2)
    assert report.passed and report.difference < 1e-8
    assert [row.name for row in report.rows] == ["W1", "gamma1", "beta1", "W2", "gamma2", "beta2", "W3", "gamma3",
                                                 "beta3", "W4", "b4"]
    assert all(row.relative_error < 1e-8 for row in report.rows)
    for fast in (False, True):
        wrong = {**gradients, "dbeta2": gradients["dbeta2"].copy()}
        wrong["dbeta2"][3] *= 1.01
        report = gradient_check_n(parameters, wrong, X, Y, lambd=0.2, fast=fast)
        assert report.failing == ["beta2"]
        assert next(row for row in report.rows if row.name == "beta2").worst_index == (3, 0)


def test_stacked_differences_equal_the_loop_bit_for_bit():
    """The perturbed networks of a batch-normalized check run stacked; each is the loop's network exactly."""
    parameters, X, Y = random_network(5)
    _, cache = forward_propagation(X, parameters, 0.8, rng=1)
    options = dict(epsilon=1e-6, lambd=0.4, keep_prob=0.8, masks=list(cache.masks))
    stacked = numerical_gradients(parameters, X, Y, **options)
    loop = numerical_gradients(parameters, X, Y, method="loop", **options)
    assert stacked.keys() == loop.keys()
    for key in stacked:
        np.testing.assert_allclose(stacked[key], loop[key], rtol=0, atol=1e-9)


def test_model_with_batch_norm_equals_a_loop_of_the_public_functions():
    X, Y = np.random.default_rng(6).standard_normal((2, 50)), (np.arange(50) % 2)[None, :].astype(float)
    parameters, costs = model(X, Y, [2, 5, 3, 1], learning_rate=0.1, num_epochs=3, mini_batch_size=16, batch_norm=True,
                              batch_norm_momentum=0.8, cost_every=1)
    expected = initialize_parameters([2, 5, 3, 1], "he", rng=np.random.RandomState(3), batch_norm=True)
    for epoch in range(3):
        for X_batch, Y_batch in random_mini_batches(X, Y, 16, seed=10 + 1 + epoch):
            _, cache = forward_propagation(X_batch, expected)
            expected = update_running_averages(expected, cache, momentum=0.8)
            expected = update_parameters_with_gd(expected, backward_propagation(X_batch, Y_batch, cache), 0.1)
    assert list(parameters) == list(expected)
    for key in parameters:
        np.testing.assert_array_equal(parameters[key], expected[key], err_msg=key)
    assert len(costs) == 3


def test_predict_normalizes_with_the_running_averages():
    X = np.random.default_rng(7).standard_normal((2, 60))
    Y = (X[0:1] * X[1:2] > 0).astype(float)
    parameters, _ = model(X, Y, [2, 8, 8, 1], learning_rate=0.01, num_epochs=30, mini_batch_size=32,
                          optimizer="adam", batch_norm=True)
    AL_test, _ = forward_propagation(X, parameters, mode="test")
    np.testing.assert_array_equal(predict_probabilities(X, parameters), AL_test)
    np.testing.assert_array_equal(predict(X, parameters), (AL_test > 0.5).astype(int))
    single = predict_probabilities(X[:, :1], parameters)  # one example: possible in test mode only
    np.testing.assert_allclose(single, AL_test[:, :1], rtol=1e-12)
    AL_train, _ = forward_propagation(X, parameters)
    assert not np.allclose(AL_train, AL_test)  # the running averages are not this batch's statistics
    with pytest.raises(ValueError, match="at least 2"):
        forward_propagation(X[:, :1], parameters)


@pytest.mark.parametrize("change, error, message", [
    (lambda p: p.pop("running_var1"), ValueError, "come in pairs"),
    (lambda p: p.update(b1=np.zeros((5, 1))), ValueError, "has no bias"),
    (lambda p: p.pop("beta2"), KeyError, "missing 'beta2'"),
    (lambda p: p.update(gamma3=np.ones((1, 1)), beta3=np.zeros((1, 1))), ValueError, "output layer 3 is not"),
    (lambda p: p.update(gamma1=np.ones((4, 1))), ValueError, r"gamma1'\] must have shape \(5, 1\)"),
    (lambda p: p.update(running_var2=-np.ones((4, 1))), ValueError, "must hold variances"),
])
def test_bad_normalized_parameters_get_clear_errors(change, error, message):
    parameters, X, _ = random_network(8)
    change(parameters)
    with pytest.raises(error, match=message):
        forward_propagation(X, parameters)


def test_test_mode_needs_running_averages_and_model_needs_batches_of_two():
    parameters, X, Y = random_network(9)
    for key in ("running_mean1", "running_var1", "running_mean2", "running_var2"):
        del parameters[key]
    forward_propagation(X, parameters)  # train mode needs none
    with pytest.raises(ValueError, match="no running_mean1 and running_var1"):
        predict(X, parameters)
    with pytest.raises(ValueError, match="single example"):
        model(X[:, :29], Y[:, :29], [3, 4, 1], num_epochs=1, mini_batch_size=4, batch_norm=True)
    with pytest.raises(ValueError, match="no hidden layer|at least one hidden layer"):
        model(X, Y, [3, 1], num_epochs=1, mini_batch_size=4, batch_norm=True)
    _, test_cache = forward_propagation(X, initialize_parameters([3, 5, 4, 1], rng=1, batch_norm=True), mode="test")
    with pytest.raises(ValueError, match="mode 'train'"):
        update_running_averages(initialize_parameters([3, 5, 4, 1], rng=1, batch_norm=True), test_cache)
