"""Each primitive's backward against central differences of its forward, with a random upstream gradient.

For a primitive out = f(x) and upstream gradient G, the scalar J(x) = sum(G * f(x)) has
dJ/dx = backward(G): that is what every test below checks.
"""

import numpy as np
import pytest

from tests._numeric import numerical_gradient, relative_error
from utils import (
    dropout_backward,
    dropout_forward,
    dropout_mask,
    linear_backward,
    linear_forward,
    relu_backward,
    relu_forward,
    sigmoid,
    sigmoid_backward,
    sigmoid_forward,
)

rng = np.random.default_rng(0)


def away_from_zero(shape):
    """Random values with |x| >= 0.1, so no central difference straddles the ReLU kink."""
    x = rng.standard_normal(shape)
    return np.where(np.abs(x) < 0.1, 0.1 * np.sign(x) + 0.1 * (x == 0), x)


@pytest.mark.parametrize("batch", [(), (3,)])
def test_linear_backward_matches_central_differences(batch):
    A = rng.standard_normal(batch + (4, 6))
    W = rng.standard_normal(batch + (5, 4))
    b = rng.standard_normal(batch + (5, 1))
    Z, cache = linear_forward(A, W, b)
    G = rng.standard_normal(Z.shape)
    dA, dW, db = linear_backward(G, cache)
    assert relative_error(dA, numerical_gradient(lambda x: np.sum(G * linear_forward(x, W, b)[0]), A)) < 1e-8
    assert relative_error(dW, numerical_gradient(lambda x: np.sum(G * linear_forward(A, x, b)[0]), W)) < 1e-8
    assert relative_error(db, numerical_gradient(lambda x: np.sum(G * linear_forward(A, W, x)[0]), b)) < 1e-8


def test_linear_backward_can_skip_the_input_gradient():
    A, W, b = rng.standard_normal((4, 6)), rng.standard_normal((5, 4)), rng.standard_normal((5, 1))
    Z, cache = linear_forward(A, W, b)
    G = rng.standard_normal(Z.shape)
    dA, dW, db = linear_backward(G, cache, False)
    assert dA is None
    np.testing.assert_array_equal(dW, linear_backward(G, cache)[1])


@pytest.mark.parametrize("forward, backward", [(relu_forward, relu_backward), (sigmoid_forward, sigmoid_backward)])
def test_activation_backward_matches_central_differences(forward, backward):
    Z = away_from_zero((5, 7))
    A, cache = forward(Z)
    G = rng.standard_normal(A.shape)
    numeric = numerical_gradient(lambda x: np.sum(G * forward(x)[0]), Z)
    assert relative_error(backward(G, cache), numeric) < 1e-8


def test_dropout_backward_matches_central_differences():
    A = rng.standard_normal((5, 7))
    D = dropout_mask(A.shape, 0.6, np.random.default_rng(1))
    out, cache = dropout_forward(A, D, 0.6)
    G = rng.standard_normal(out.shape)
    numeric = numerical_gradient(lambda x: np.sum(G * dropout_forward(x, D, 0.6)[0]), A)
    assert relative_error(dropout_backward(G, cache), numeric) < 1e-8


def test_relu_kink_and_values():
    Z = np.array([[-2.0, 0.0, 3.0]])
    A, cache = relu_forward(Z)
    np.testing.assert_array_equal(A, [[0.0, 0.0, 3.0]])
    np.testing.assert_array_equal(relu_backward(np.ones((1, 3)), cache), [[0.0, 0.0, 1.0]])


def test_sigmoid_is_stable_and_exact_at_the_extremes():
    Z = np.array([[-1000.0, -745.0, -40.0, 0.0, 40.0, 1000.0]])
    A = sigmoid(Z)  # RuntimeWarnings are errors in this suite: no overflow may happen
    assert A[0, 0] == 0.0 and A[0, -1] == 1.0 and A[0, 3] == 0.5
    assert A[0, 2] == pytest.approx(np.exp(-40.0) / (1 + np.exp(-40.0)), rel=1e-15)  # full relative precision


def test_inverted_dropout_keeps_the_expectation():
    A = np.ones((200, 500))
    D = dropout_mask(A.shape, 0.8, np.random.default_rng(2))
    out, _ = dropout_forward(A, D, 0.8)
    assert D.mean() == pytest.approx(0.8, abs=0.005)
    assert out.mean() == pytest.approx(1.0, abs=0.01)
    assert set(np.unique(out)) == {0.0, 1.0 / 0.8}


def test_dropout_mask_for_a_batch_draws_each_network_from_its_own_generator():
    masks = dropout_mask((2, 3, 4), 0.5, [np.random.default_rng(5), np.random.default_rng(6)])
    np.testing.assert_array_equal(masks[1], dropout_mask((3, 4), 0.5, np.random.default_rng(6)))


def test_primitives_accept_lists_and_integer_arrays_as_float64():
    A, W, b = rng.standard_normal((4, 6)), rng.standard_normal((5, 4)), rng.standard_normal((5, 1))
    np.testing.assert_array_equal(linear_forward(A.tolist(), W, b)[0], linear_forward(A, W, b)[0])
    Z = np.array([[-2, 0, 3]])
    A_int, _ = relu_forward(Z)
    assert A_int.dtype == np.float64 and A_int.tolist() == [[0.0, 0.0, 3.0]]
    dA_prev, dW, db = linear_backward(np.ones((5, 6)), (A, W), input_grad=False)  # keywords work
    assert dA_prev is None and dW.shape == (5, 4)


def test_primitives_do_not_write_into_their_arguments():
    A, W, b = rng.standard_normal((4, 6)), rng.standard_normal((5, 4)), rng.standard_normal((5, 1))
    copies = [x.copy() for x in (A, W, b)]
    Z, cache = linear_forward(A, W, b)
    linear_backward(np.ones_like(Z), cache)
    relu_backward(np.ones_like(Z), relu_forward(Z)[1])
    sigmoid_backward(np.ones_like(Z), sigmoid_forward(Z)[1])
    for x, copy in zip((A, W, b), copies, strict=True):
        np.testing.assert_array_equal(x, copy)


A, W, b = np.ones((4, 6)), np.ones((5, 4)), np.ones((5, 1))


@pytest.mark.parametrize("call, error, message", [
    (lambda: linear_forward([["one"]], W, b), TypeError, "A_prev must be a numeric array"),
    (lambda: linear_forward([[1.0]], W, b), ValueError, "W has 4 columns but A_prev has 1 rows"),
    (lambda: linear_forward(np.ones(4), W, b), ValueError, r"A_prev must have at least 2 dimensions"),
    (lambda: linear_forward(np.ones((3, 6)), W, b), ValueError, r"W has 4 columns but A_prev has 3 rows"),
    (lambda: linear_forward(A, W, np.ones((6, 1))), ValueError, r"b must have shape \(5, 1\).*got \(6, 1\)"),
    (lambda: linear_forward(A, W, np.ones((5, 6))), ValueError, r"b must have shape \(5, 1\)"),
    (lambda: linear_forward(np.ones((2, 4, 6)), np.ones((3, 5, 4)), b), ValueError, "do not broadcast"),
    (lambda: linear_backward(np.ones((5, 7)), (A, W)), ValueError, r"dZ must have shape \(5, 6\)"),
    (lambda: relu_forward(3.0), ValueError, r"Z must have at least 2 dimensions \(n, m\), got shape \(\)"),
    (lambda: relu_forward(np.full((2, 2), 1j)), TypeError, "Z must be real"),
    (lambda: relu_forward(np.full((2, 2), np.nan)), ValueError, "Z must contain only finite values"),
    (lambda: linear_forward(A, W * 1e308, b), ValueError, "linear_forward overflowed .*: A_prev, W or b are too large"),
    (lambda: linear_backward(np.ones((5, 6)), "cache"), TypeError, r"cache must be the cache \(A_prev, W\)"),
    (lambda: dropout_backward(np.ones((4, 6)), (np.ones((4, 6), bool),)), TypeError, "cache must be the cache"),
    (lambda: relu_backward(np.ones((2, 2)), np.ones((2, 3))), ValueError, r"dA must have the shape .*\(2, 3\)"),
    (lambda: sigmoid_backward(np.ones((2, 2)), np.ones((2, 3))), ValueError, r"dA must have the shape"),
    (lambda: dropout_forward(A, np.ones((4, 6)), 0.5), TypeError, "D must be a bool mask"),
    (lambda: dropout_forward(A, np.ones((4, 5), bool), 0.5), ValueError, r"D must have the shape of A \(4, 6\)"),
    (lambda: dropout_forward(A, np.ones((4, 6), bool), 0.0), ValueError, r"keep_prob must be a number in \(0, 1\]"),
    (lambda: dropout_backward(np.ones((4, 5)), (np.ones((4, 6), bool), 0.5)), ValueError, "dA_out must have the shape"),
    (lambda: dropout_mask([4, 6], 0.5, np.random.default_rng()), TypeError, "shape must be a tuple"),
    (lambda: dropout_mask((4, 6), 1.5, np.random.default_rng()), ValueError, "keep_prob must be"),
    (lambda: dropout_mask((4, 6), "0.5", np.random.default_rng()), TypeError, "keep_prob must be a number"),
    (lambda: dropout_mask((4, 6), 0.5, 3), TypeError, "rng must be a numpy Generator"),
    (lambda: dropout_mask((4, 6), 0.5, [np.random.default_rng()] * 2), ValueError, "needs shape"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
