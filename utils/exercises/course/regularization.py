"""The course's regularization functions, with its signatures, for its three-layer network.

- ``compute_cost_with_regularization(A3, Y, parameters, lambd)``: the cross-entropy (the notebook's
  ``compute_cost(A3, Y)``, which the checker lends the function) plus (1/m)(lambd/2) sum_l ||W[l]||^2 over
  W1, W2, W3.
- ``backward_propagation_with_regularization(X, Y, cache, lambd)``: cache = (Z1, A1, W1, b1, Z2, A2, W2, b2,
  Z3, A3, W3, b3); returns the dict of dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1, each dW with
  lambd / m * W added.
- ``forward_propagation_with_dropout(X, parameters, keep_prob)``: ``np.random.seed(1)``, then for each hidden
  layer D = np.random.rand(*A.shape) < keep_prob, A = A * D / keep_prob; returns (A3, cache) with cache =
  (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3). The checker lends it the notebook's ``relu`` and
  ``sigmoid``.
- ``backward_propagation_with_dropout(X, Y, cache, keep_prob)``: dA2 and dA1 multiplied by their masks and
  divided by keep_prob again; the same 11 gradients.

The checker's caches come from a forward pass of the same network, so that they are consistent.
"""

import numpy as np

from .._checker import Case, Exercise, Mistake, raises

GLOBAL_SEED = 11
"""The seed of numpy's global generator before each call: not the course's 1."""


def relu(x):
    """The course's ReLU, lent to the learner's function."""
    return np.maximum(0, x)


def sigmoid(x):
    """The course's sigmoid, lent to the learner's function."""
    return 1 / (1 + np.exp(-x))


def compute_cost(a3, Y):
    """The course's cross-entropy of the output probabilities, lent to the learner's function."""
    m = Y.shape[1]
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return 1. / m * np.nansum(logprobs)


def _network(sizes, m, seed):
    """X (n0, m), labels Y (1, m) and a three-layer network's parameters with random biases."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, 4):
        parameters[f"W{l}"] = rng.standard_normal((sizes[l], sizes[l - 1])) * np.sqrt(2 / sizes[l - 1])
        parameters[f"b{l}"] = 0.3 * rng.standard_normal((sizes[l], 1))
    return rng.standard_normal((sizes[0], m)), (rng.random((1, m)) < 0.5).astype(float), parameters


def _forward_cache(X, parameters):
    """The course's cache of a forward pass without dropout: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)."""
    cache, A = [], X
    for l in range(1, 4):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = np.dot(W, A) + b
        A = sigmoid(Z) if l == 3 else relu(Z)
        cache += [Z, A, W, b]
    return tuple(cache)


SIZES = ((3, 2, 3, 1), (4, 5, 3, 1), (2, 4, 4, 1))

# ----------------------------------------------------------------------------- the cost with L2


def _cost_case(sizes, m, seed, lambd):
    X, Y, parameters = _network(sizes, m, seed)
    return _forward_cache(X, parameters)[9], Y, parameters, lambd


def _cost(A3, Y, parameters, lambd, penalty=None, entropy=1.0):
    """The course's cost, or one with a faulty L2 term ``penalty(parameters, lambd, m)`` or cross-entropy."""
    m = Y.shape[1]
    squares = sum(np.sum(np.square(parameters[f"W{l}"])) for l in range(1, 4))
    return entropy * compute_cost(A3, Y) + (penalty(parameters, lambd, m) if penalty else
                                            1. / m * lambd / 2 * squares)


def _sum_of(parameters, term, kinds="W"):
    return sum(np.sum(term(parameters[f"{kind}{l}"])) for l in range(1, 4) for kind in kinds)


COST = Exercise(
    name="compute_cost_with_regularization",
    signature="compute_cost_with_regularization(A3, Y, parameters, lambd) -> cost",
    reference=_cost,
    cases=tuple(Case(f"a network {list(sizes)}, m={m}, lambd={lambd}",
                     lambda sizes=sizes, m=m, seed=seed, lambd=lambd: _cost_case(sizes, m, seed, lambd),
                     helpers=lambda: {"compute_cost": compute_cost})
                for sizes, m, seed, lambd in zip(SIZES, (5, 7, 4), (1, 2, 3), (0.1, 0.7, 2.0), strict=True)),
    mistakes=(
        Mistake("lambd / 2 * m instead of lambd / (2 * m)", "Python reads lambd / 2 * m as (lambd / 2) * m: the "
                "L2 term is 1 / m * lambd / 2 times the sum of squares, or lambd / (2 * m) times it",
                lambda A3, Y, p, lambd: _cost(A3, Y, p, lambd, lambda p, lambd, m: lambd / 2 * m * _sum_of(
                    p, np.square))),
        Mistake("the norms not squared", "the L2 term sums the squares of the weights, ||W||^2 = np.sum(np.square(W)),"
                " not the norms ||W|| = np.linalg.norm(W)",
                lambda A3, Y, p, lambd: _cost(A3, Y, p, lambd, lambda p, lambd, m: lambd / (2 * m) * sum(
                    np.linalg.norm(p[f"W{l}"]) for l in range(1, 4)))),
        Mistake("the biases penalized too", "L2 regularization penalizes the weights W1, W2, W3 only",
                lambda A3, Y, p, lambd: _cost(A3, Y, p, lambd, lambda p, lambd, m: lambd / (2 * m) * _sum_of(
                    p, np.square, "Wb"))),
        Mistake("lambd / m instead of lambd / (2m)", "the L2 term is lambd / (2m) times the sum of squares (the 2 "
                "cancels in its gradient, lambd / m * W)",
                lambda A3, Y, p, lambd: _cost(A3, Y, p, lambd, lambda p, lambd, m: lambd / m * _sum_of(
                    p, np.square))),
        Mistake("the L2 term not divided by m", "the L2 term is divided by the number of examples m, like the "
                "cross-entropy", lambda A3, Y, p, lambd: _cost(A3, Y, p, lambd, lambda p, lambd, m: lambd / 2 * _sum_of(
                    p, np.square))),
        Mistake("the sum of W instead of the sum of W squared", "the L2 term sums the squares of the weights, "
                "np.sum(np.square(W)), not the weights",
                lambda A3, Y, p, lambd: _cost(A3, Y, p, lambd, lambda p, lambd, m: lambd / (2 * m) * _sum_of(
                    p, lambda W: W))),
        Mistake("a weight matrix left out", "the L2 term sums over all three weight matrices, W1, W2 and W3",
                tuple(lambda A3, Y, p, lambd, k=k: _cost(A3, Y, p, lambd, lambda p, lambd, m: lambd / (2 * m) * sum(
                    np.sum(np.square(p[f"W{l}"])) for l in range(1, 4) if l != k)) for k in (1, 2, 3))),
        Mistake("the cross-entropy part missing", "the cost is the cross-entropy, compute_cost(A3, Y), plus the L2 "
                "term", lambda A3, Y, p, lambd: _cost(A3, Y, p, lambd, entropy=0.0)),
    ),
)

# ----------------------------------------------------------------------------- the backward pass with L2


def _backward_case(sizes, m, seed, keep_prob=None):
    X, Y, parameters = _network(sizes, m, seed)
    if keep_prob is None:
        return X, Y, _forward_cache(X, parameters), 0.1 * seed + 0.5
    return X, Y, _dropout(X, parameters, keep_prob)[1], keep_prob


def _backward(X, Y, cache, lambd_or_keep, dropout=None, penalty=lambda lambd, m, W: lambd / m * W, bias_term=False):
    """The course's backward pass with L2 (``lambd_or_keep`` is lambd) or dropout (it is keep_prob, and
    ``dropout(dA, D, keep_prob, l)`` is applied to each dA); ``bias_term``: each db penalized too, with
    lambd / m * b."""
    m = X.shape[1]
    if dropout is None:
        Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
        masks = (None, None)
    else:
        Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
        masks = (D1, D2)
    gradients = {"dZ3": A3 - Y}
    for l, (A_prev, W, D) in zip((3, 2, 1), ((A2, W3, masks[1]), (A1, W2, masks[0]), (X, W1, None)), strict=True):
        dZ = gradients[f"dZ{l}"]
        gradients[f"dW{l}"] = 1. / m * np.dot(dZ, A_prev.T)
        gradients[f"db{l}"] = 1. / m * np.sum(dZ, axis=1, keepdims=True)
        if dropout is None:
            gradients[f"dW{l}"] = gradients[f"dW{l}"] + penalty(lambd_or_keep, m, W)
            if bias_term:
                gradients[f"db{l}"] = gradients[f"db{l}"] + lambd_or_keep / m * (b1, b2, b3)[l - 1]
        if l > 1:
            dA = np.dot(W.T, dZ)
            if dropout is not None:
                dA = dropout(dA, D, lambd_or_keep, l - 1)
            gradients[f"dA{l - 1}"] = dA
            gradients[f"dZ{l - 1}"] = np.multiply(dA, np.int64(A_prev > 0))
    return gradients


BACKWARD = Exercise(
    name="backward_propagation_with_regularization",
    signature="backward_propagation_with_regularization(X, Y, cache, lambd) -> gradients",
    reference=_backward,
    cases=tuple(Case(f"a network {list(sizes)}, m={m}, lambd={0.1 * seed + 0.5:g}",
                     lambda sizes=sizes, m=m, seed=seed: _backward_case(sizes, m, seed))
                for sizes, m, seed in zip(SIZES, (5, 7, 4), (2, 1, 3), strict=True)),
    mistakes=(
        Mistake("lambd * np.sum(W) / m instead of lambd * W / m", "the gradient of the L2 term is a matrix like W, "
                "lambd / m * W, not one number", lambda *a: _backward(*a, penalty=lambda lambd, m, W: lambd * np.sum(
                    W) / m)),
        Mistake("the L2 term missing from dW", "the L2 term lambd / (2m) ||W||^2 of the cost adds lambd / m * W to "
                "each dW", lambda *a: _backward(*a, penalty=lambda lambd, m, W: 0.0)),
        Mistake("lambd / (2m) * W instead of lambd / m * W", "the derivative of lambd / (2m) W^2 is lambd / m * W: "
                "the 2 cancels", lambda *a: _backward(*a, penalty=lambda lambd, m, W: lambd / (2 * m) * W)),
        Mistake("lambd * W without the 1 / m", "the L2 term's gradient is divided by the number of examples m",
                lambda *a: _backward(*a, penalty=lambda lambd, m, W: lambd * W)),
        Mistake("lambd / 2 * m * W", "Python reads lambd / 2 * m as (lambd / 2) * m: the gradient is lambd / m * W",
                lambda *a: _backward(*a, penalty=lambda lambd, m, W: lambd / 2 * m * W)),
        Mistake("the L2 term added to db", "the biases are not penalized, so db has no L2 term, no lambd / m * b",
                lambda *a: _backward(*a, bias_term=True)),
    ),
)

# ----------------------------------------------------------------------------- dropout, forward


def _dropout(X, parameters, keep_prob, draw=lambda rng, A: rng.rand(A.shape[0], A.shape[1]),
             keep=lambda U, keep_prob: U < keep_prob, scale=lambda A, keep_prob: A / keep_prob, seed=1,
             output=False):
    """The course's forward pass with dropout, or one of its mistakes (another draw, test, scale, seed or layer)."""
    rng = np.random.RandomState(GLOBAL_SEED if seed is None else seed)
    cache, A = [], X
    for l in range(1, 4):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = np.dot(W, A) + b
        A = sigmoid(Z) if l == 3 else relu(Z)
        if l < 3 or output:
            D = keep(draw(rng, A), keep_prob).astype(int)
            A = scale(A * D, keep_prob)
        cache += [Z, D, A, W, b] if l < 3 else [Z, A, W, b]
    return A, tuple(cache)


def _dropout_case(sizes, m, seed, keep_prob):
    X, _, parameters = _network(sizes, m, seed)
    return X, parameters, keep_prob


DROPOUT_FORWARD = Exercise(
    name="forward_propagation_with_dropout",
    signature="forward_propagation_with_dropout(X, parameters, keep_prob) -> (A3, cache)",
    reference=_dropout,
    cases=tuple(Case(f"a network {list(sizes)}, m={m}, keep_prob={keep_prob}",
                     lambda sizes=sizes, m=m, seed=seed, keep_prob=keep_prob: _dropout_case(sizes, m, seed, keep_prob),
                     helpers=lambda: {"relu": relu, "sigmoid": sigmoid}, global_seed=GLOBAL_SEED)
                for sizes, m, seed, keep_prob in zip(SIZES, (5, 7, 6), (1, 2, 3), (0.7, 0.8, 0.5), strict=True)),
    mistakes=(
        Mistake("> instead of < keep_prob", "a unit is kept when its draw is below keep_prob: D = (D < keep_prob), "
                "which keeps each unit with probability keep_prob", lambda *a: _dropout(*a, keep=np.greater)),
        Mistake("kept where the draw is above 1 - keep_prob", "D > 1 - keep_prob keeps the right share of units, "
                "but not the same ones as the course's D < keep_prob: the checker (and the course's grader) "
                "compares the exact masks", lambda *a: _dropout(*a, keep=lambda U, keep_prob: U > 1 - keep_prob)),
        Mistake("randn instead of rand", "the mask compares uniform draws with keep_prob: np.random.rand (uniform "
                "on [0, 1)), not np.random.randn (normal)",
                lambda *a: _dropout(*a, draw=lambda rng, A: rng.randn(A.shape[0], A.shape[1]))),
        Mistake("a mask of shape (n, 1)", "every example gets its own mask: np.random.rand(A1.shape[0], "
                "A1.shape[1]), not one column shared by all",
                lambda *a: _dropout(*a, draw=lambda rng, A: rng.rand(A.shape[0], 1))),
        Mistake("not dividing by keep_prob", "inverted dropout divides the kept activations by keep_prob, so that "
                "their expected value stays the same", lambda *a: _dropout(*a, scale=lambda A, keep_prob: A)),
        Mistake("multiplying by keep_prob instead of dividing", "inverted dropout divides by keep_prob: A = A / "
                "keep_prob", lambda *a: _dropout(*a, scale=lambda A, keep_prob: A * keep_prob)),
        Mistake("the output layer dropped too", "dropout applies to the hidden layers A1 and A2; the output "
                "sigmoid(Z3) is never dropped", lambda *a: _dropout(*a, output=True)),
        Mistake("np.random.seed(1) missing", "the course's function seeds numpy's generator itself, "
                "np.random.seed(1) at its start, so that everyone draws the same masks",
                lambda *a: _dropout(*a, seed=None)),
        Mistake("the shape passed to np.random.rand as a tuple", "np.random.rand takes the dimensions one by one: "
                "np.random.rand(A1.shape[0], A1.shape[1]) (np.random.random takes a tuple)",
                detect=raises(TypeError, containing="tuple")),
    ),
)

# ----------------------------------------------------------------------------- dropout, backward


def _inverted(dA, D, keep_prob, layer):
    return dA * D / keep_prob


DROPOUT_BACKWARD = Exercise(
    name="backward_propagation_with_dropout",
    signature="backward_propagation_with_dropout(X, Y, cache, keep_prob) -> gradients",
    reference=lambda X, Y, cache, keep_prob: _backward(X, Y, cache, keep_prob, dropout=_inverted),
    cases=tuple(Case(f"a network {list(sizes)}, m={m}, keep_prob={keep_prob}",
                     lambda sizes=sizes, m=m, seed=seed, keep_prob=keep_prob: _backward_case(sizes, m, seed,
                                                                                             keep_prob))
                for sizes, m, seed, keep_prob in zip(((3, 4, 4, 1), (4, 5, 3, 1), (2, 3, 2, 1)), (5, 7, 6), (4, 2, 3),
                                                     (0.8, 0.7, 0.6), strict=True)),
    mistakes=(
        Mistake("the masks not applied again", "the units dropped in the forward pass get no gradient: "
                "dA2 = dA2 * D2 before dividing by keep_prob (and the same for dA1)",
                lambda X, Y, cache, k: _backward(X, Y, cache, k, dropout=lambda dA, D, k, l: dA / k)),
        Mistake("not dividing by keep_prob", "the forward pass divided the kept activations by keep_prob, so the "
                "backward pass divides their gradients by keep_prob too",
                lambda X, Y, cache, k: _backward(X, Y, cache, k, dropout=lambda dA, D, k, l: dA * D)),
        Mistake("multiplying by keep_prob instead of dividing", "the forward pass divided by keep_prob; so does the "
                "backward pass: dA2 = dA2 / keep_prob",
                lambda X, Y, cache, k: _backward(X, Y, cache, k, dropout=lambda dA, D, k, l: dA * D * k)),
        Mistake("the first layer's mask left out", "both hidden layers were dropped: dA1 gets D1 and the division "
                "by keep_prob too, as dA2 gets D2",
                lambda X, Y, cache, k: _backward(X, Y, cache, k, dropout=lambda dA, D, k, l: dA * D / k if l == 2
                                                 else dA)),
        Mistake("D1 and D2 swapped", "each layer's gradient takes its own layer's mask: dA2 with D2, dA1 with D1",
                lambda X, Y, cache, k: _backward(X, Y, cache[:1] + cache[6:7] + cache[2:6] + cache[1:2] + cache[7:],
                                                 k, dropout=_inverted)),
    ),
)
