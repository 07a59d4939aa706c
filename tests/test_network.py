"""forward_propagation / backward_propagation: course values, exact gradients, clear errors."""

import numpy as np
import pytest

from tests._numeric import numerical_gradient, relative_error
from utils import backward_propagation, compute_cost, forward_propagation, initialize_parameters

DEPTHS = {2: [3, 4, 1], 3: [3, 5, 4, 1], 4: [3, 5, 4, 3, 1], 5: [3, 6, 5, 4, 3, 1]}


def course_regularization_case():
    """The course's regularization test network: RandomState(1), X (3, 5), then W1, b1, ..., b3."""
    rng = np.random.RandomState(1)
    X = rng.randn(3, 5)
    Y = np.array([[1, 1, 0, 1, 0]])
    shapes = [("W1", (2, 3)), ("b1", (2, 1)), ("W2", (3, 2)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1))]
    return X, Y, {name: rng.randn(*shape) for name, shape in shapes}


def test_forward_reproduces_the_course_output():
    X, Y, parameters = course_regularization_case()
    AL, _ = forward_propagation(X, parameters)
    np.testing.assert_allclose(AL, [[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]], atol=5e-9)


def test_dropout_forward_reproduces_the_course_output():
    X, Y, parameters = course_regularization_case()
    AL, cache = forward_propagation(X, parameters, keep_prob=0.7, rng=np.random.RandomState(1))
    np.testing.assert_allclose(AL, [[0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]], atol=5e-9)
    assert [D.shape for D in cache.masks] == [(2, 5), (3, 5)]


def test_l2_gradients_reproduce_the_course_values():
    X, Y, parameters = course_regularization_case()
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(X, Y, cache, lambd=0.7)
    np.testing.assert_allclose(grads["dW1"], [[-0.25604646, 0.12298827, -0.28297129],
                                              [-0.17706303, 0.34536094, -0.4410571]], atol=5e-9)
    np.testing.assert_allclose(grads["dW2"], [[0.79276486, 0.85133918], [-0.0957219, -0.01720463],
                                              [-0.13100772, -0.03750433]], atol=5e-9)
    np.testing.assert_allclose(grads["dW3"], [[-1.77691347, -0.11832879, -0.09397446]], atol=5e-9)


def network_case(depth, seed=0, m=7):
    rng = np.random.default_rng(seed)
    layer_dims = DEPTHS[depth]
    X = rng.standard_normal((layer_dims[0], m))
    Y = (rng.random((1, m)) < 0.5).astype(int)
    parameters = initialize_parameters(layer_dims, "he", rng)
    for l in range(1, depth + 1):  # non-zero biases exercise db
        parameters[f"b{l}"] = 0.1 * rng.standard_normal(parameters[f"b{l}"].shape)
    return X, Y, parameters


@pytest.mark.parametrize("depth", sorted(DEPTHS))
@pytest.mark.parametrize("lambd", [0.0, 0.7, 5.0])
@pytest.mark.parametrize("keep_prob", [1.0, 0.8])
def test_network_gradients_match_central_differences(depth, lambd, keep_prob):
    X, Y, parameters = network_case(depth)
    rng = np.random.default_rng(42) if keep_prob < 1 else None
    _, cache = forward_propagation(X, parameters, keep_prob, rng)
    grads = backward_propagation(X, Y, cache, lambd)
    masks = cache.masks if keep_prob < 1 else None

    for name, value in parameters.items():
        def cost_of(x, name=name):
            perturbed = dict(parameters, **{name: x})
            _, c = forward_propagation(X, perturbed, keep_prob, masks=masks)
            return compute_cost(c.ZL, Y, perturbed, lambd)

        numeric = numerical_gradient(cost_of, value)
        assert grads["d" + name].shape == value.shape
        assert relative_error(grads["d" + name], numeric) < 1e-7, name


def test_the_same_seed_gives_the_same_masks_and_a_new_seed_new_ones():
    X, Y, parameters = network_case(3, m=50)
    masks = [forward_propagation(X, parameters, 0.5, np.random.default_rng(seed))[1].masks for seed in (1, 1, 2)]
    assert all(np.array_equal(a, b) for a, b in zip(masks[0], masks[1], strict=True))
    assert not np.array_equal(masks[0][0], masks[2][0])


def test_keep_prob_one_is_an_exact_identity():
    X, Y, parameters = network_case(4)
    AL, cache = forward_propagation(X, parameters)
    AL_dropout_off, cache_off = forward_propagation(X, parameters, keep_prob=1.0, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(AL, AL_dropout_off)
    assert cache.masks == () and cache_off.masks == ()


def test_reused_masks_reproduce_the_pass():
    X, Y, parameters = network_case(3)
    AL, cache = forward_propagation(X, parameters, 0.6, np.random.default_rng(3))
    np.testing.assert_array_equal(forward_propagation(X, parameters, 0.6, masks=cache.masks)[0], AL)


def test_nothing_is_written_into_the_arguments():
    X, Y, parameters = network_case(3)
    copies = {k: v.copy() for k, v in parameters.items()}
    X_copy, Y_copy = X.copy(), Y.copy()
    _, cache = forward_propagation(X, parameters, 0.7, np.random.default_rng(0))
    backward_propagation(X, Y, cache, lambd=0.5)
    np.testing.assert_array_equal(X, X_copy)
    np.testing.assert_array_equal(Y, Y_copy)
    for k in parameters:
        np.testing.assert_array_equal(parameters[k], copies[k])


def without(parameters, key):
    return {k: v for k, v in parameters.items() if k != key}


X3, Y3, P3 = network_case(3)


@pytest.mark.parametrize("call, error, message", [
    (lambda: forward_propagation(X3[:2], P3), ValueError, r"parameters\['W1'\] has 3 columns but X has 2 rows"),
    (lambda: forward_propagation(X3, dict(P3, W2=P3["W2"] * 1e300, W3=P3["W3"] * 1e300)), ValueError,
     "the forward pass overflowed .*: X or the parameters are too large"),
    (lambda: forward_propagation(X3, dict(P3, extra=1)), ValueError, r"parameters has unexpected keys \['extra'\]"),
    (lambda: forward_propagation(X3, P3, rng=-1), ValueError, r"rng \(an int seed\) must be >= 0, got -1"),
    (lambda: forward_propagation(X3, P3, 0.5, rng=2**40), ValueError, "rng .* must be <= 4294967295"),
    (lambda: forward_propagation(X3[0], P3), ValueError, r"X must be a 2-D array, got shape \(7,\)"),
    (lambda: forward_propagation(np.where(X3 > 0, np.nan, X3), P3), ValueError, "X must contain only finite values"),
    (lambda: forward_propagation(np.where(X3 > 0, np.inf, X3), P3), ValueError, "found inf"),
    (lambda: forward_propagation("abc", P3), TypeError, "X must be a numeric array"),
    (lambda: forward_propagation(X3, [1, 2]), TypeError, "parameters must be a dict"),
    (lambda: forward_propagation(X3, without(P3, "b2")), KeyError, "parameters is missing 'b2'"),
    (lambda: forward_propagation(X3, dict(P3, W2=np.ones((4, 4)))), ValueError,
     r"parameters\['W2'\] must have 5 columns"),
    (lambda: forward_propagation(X3, dict(P3, b1=np.ones((5,)))), ValueError, r"parameters\['b1'\] must be a 2-D"),
    (lambda: forward_propagation(X3, P3, keep_prob=0.0), ValueError, r"keep_prob must be in \(0, 1\], got 0.0"),
    (lambda: forward_propagation(X3, P3, keep_prob=1.5), ValueError, r"keep_prob must be in \(0, 1\], got 1.5"),
    (lambda: forward_propagation(X3, P3, keep_prob="0.5"), TypeError, "keep_prob must be a real number"),
    (lambda: forward_propagation(X3, P3, 0.5, rng="seed"), TypeError, "rng must be a numpy Generator"),
    (lambda: forward_propagation(X3, P3, 0.5, masks=[np.ones((5, 7), bool)]), ValueError, "masks must hold 2 arrays"),
    (lambda: forward_propagation(X3, P3, 0.5, masks=[np.ones((5, 7)), np.ones((4, 7))]), ValueError,
     r"masks\[0\] must be a bool array of shape \(5, 7\)"),
    (lambda: forward_propagation(X3, P3, 1.0, masks=[np.ones((5, 7), bool)] * 2), ValueError, "keep_prob == 1.0"),
    (lambda: backward_propagation(X3, Y3, "cache"), TypeError, "cache must be the ForwardCache"),
    (lambda: backward_propagation(X3, Y3[:, :3], forward_propagation(X3, P3)[1]), ValueError,
     r"Y must have shape \(1, 7\)"),
    (lambda: backward_propagation(X3, Y3 * 2, forward_propagation(X3, P3)[1]), ValueError, "Y must hold only 0 and 1"),
    (lambda: backward_propagation(X3[:, :3], Y3, forward_propagation(X3, P3)[1]), ValueError,
     "X must be the input of the forward pass"),
    (lambda: backward_propagation(X3 + 1, Y3, forward_propagation(X3, P3)[1]), ValueError,
     "X must be the input of the forward pass that made cache .*got other values"),
    (lambda: backward_propagation(X3, Y3, forward_propagation(X3, P3)[1], lambd=-1), ValueError, "lambd must be >= 0"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()
