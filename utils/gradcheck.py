"""Gradient checking that locates the bug.

Backpropagation is checked against central differences of the very cost it differentiates:

    dJ/dtheta_i  ~  (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps).

The approximation has two errors: truncation, O(eps^2 |J'''|), which grows with eps, and
round-off, about u |J| / eps with u = 2.2e-16, which grows as eps shrinks. Between 1e-7 and
1e-4 both are far below the size of any real backprop bug.

Three ways to compute the numerical gradient, from slow and obvious to fast:

- ``method="loop"``: the course's algorithm, one full forward pass per perturbed entry.
- ``method="batched"`` (default): every entry of a layer at once, with no Python loop over
  entries. Perturbing W[l][i, j] by eps only moves row i of Z[l], by eps * A[l-1][j, :] (for
  b[l][i], by eps), so only row i of A[l] can move, and only in the examples where the unit is
  active and kept. Those (perturbed network, example) pairs are the only ones that need the
  layers above: there Z[l+1] moves by W[l+1][:, i] times the change of A[l][i], and the network's
  own forward pass (``network._propagate``) finishes all of them at once, as the columns of one
  matrix. Each example's loss change is summed, so examples that did not move add exactly 0.
- ``fast=True``: a directional check per tensor, as PyTorch's gradcheck ``fast_mode`` and JAX's
  ``check_grads`` do: for unit directions u, compare (J(theta + eps u) - J(theta - eps u)) / (2 eps)
  with <g, u>. A failing tensor is then checked entry by entry, so the report still locates it.

Dropout is checked with frozen masks: the same masks serve every perturbed pass and the
analytic gradient, which makes the cost a deterministic (piecewise smooth) function of theta.
"""

import math
import re
import warnings
from dataclasses import dataclass

import numpy as np

from ._validation import (
    _describe,
    check_array,
    check_between,
    check_choice,
    check_finite_result,
    check_flag,
    check_gradients,
    check_keep_prob,
    check_nonnegative,
    check_parameters,
    check_real,
    check_seed,
    check_X,
    check_Y,
    depth,
)
from .cost import _cross_entropy, _cross_entropy_losses, _l2_penalty
from .layers import dropout_forward, relu_forward
from .network import _checked_forward, _dropout_source, _forward, _propagate, parameter_list

COURSE_THRESHOLD = 2e-7
"""The course's global criterion. Its text says 1e-7, but its own correct code gives 1.19e-7
(with the course's cost formula); later revisions test against 2e-7. The logit-stable cost of
this package gives about 1e-9 on the same case."""

RTOL = 1e-5
"""Per-tensor relative tolerance: a 1% error gives a relative error of about 5e-3, 500 times more."""

NOISE_FACTOR = 100.0
"""atol = NOISE_FACTOR * u * |J| / epsilon per entry: a hundred times the round-off of one cost."""

EPSILON_RANGE = (1e-12, 1.0)
"""The steps a central difference is taken with: outside it, the comparison means nothing."""

MAX_BATCH_ELEMENTS = 2**23
"""Perturbed networks are evaluated in chunks of at most this many activations (64 MiB)."""


# ----------------------------------------------------------------------------- vector helpers


def parameter_names(L):
    """The fixed order of the vector helpers: ["W1", "b1", "W2", "b2", ..., "WL", "bL"]."""
    return [f"{kind}{l}" for l in range(1, L + 1) for kind in ("W", "b")]


def dictionary_to_vector(parameters):
    """Stack all parameters into one column vector theta, in the order W1, b1, W2, b2, ...

    Each array is flattened row by row (C order), so W1[i, j] of a (n_1, n_x) matrix sits at
    offset i * n_x + j of W1's block.

    Parameters
    ----------
    parameters : dict "W1", "b1", ..., "WL", "bL"

    Returns
    -------
    theta : ndarray, shape (n, 1), n = total number of parameters
    keys : list of n str, the name of the parameter each entry of theta comes from
    """
    return _stack(check_parameters(parameters))


def _stack(checked):
    """(theta, keys) from a checked dictionary, in its order W1, b1, W2, ..."""
    blocks = [value.reshape(-1, 1) for value in checked.values()]
    keys = [name for name, block in zip(checked, blocks, strict=True) for _ in range(block.shape[0])]
    return np.concatenate(blocks), keys


def vector_to_dictionary(theta, like):
    """Unstack theta into a parameter dictionary shaped like ``like`` (the inverse of ``dictionary_to_vector``).

    Parameters
    ----------
    theta : ndarray, shape (n, 1) or (n,)
    like : dict "W1", "b1", ..., whose shapes give the layout

    Returns
    -------
    parameters : dict of new arrays with the shapes of ``like``
    """
    like = check_parameters(like, name="like")
    theta = check_array("theta", theta, ndim=(1, 2))
    layout = [(name, value.shape) for name, value in like.items()]
    size = sum(value.size for value in like.values())
    if theta.shape not in ((size, 1), (size,)):
        raise ValueError(f"theta must have shape ({size}, 1) to fill parameters like "
                         f"{[name for name, _ in layout]}, got {theta.shape}")
    return _unstack(theta, layout)


def _unstack(theta, layout):
    """{name: block of theta reshaped} for layout [(name, shape), ...], in order (new arrays)."""
    parameters, start = {}, 0
    for name, shape in layout:
        stop = start + math.prod(shape)
        parameters[name] = theta.reshape(-1)[start:stop].reshape(shape).copy()
        start = stop
    return parameters


def gradients_to_vector(gradients):
    """Stack gradients "dW1", "db1", ... into one column vector, in the order of ``dictionary_to_vector``.

    Parameters
    ----------
    gradients : dict "dW1", "db1", ..., "dWL", "dbL" (the course's "dA1", "dZ1", ... are ignored)

    Returns
    -------
    grad : ndarray, shape (n, 1)
    """
    if not isinstance(gradients, dict):
        raise TypeError(f"gradients must be a dict of arrays dW1, db1, ..., got {_describe(gradients)}")
    kept = {key: value for key, value in gradients.items()
            if not (isinstance(key, str) and re.fullmatch(r"d[AZ]\d+", key))}
    return _stack(check_parameters(kept, name="gradients", prefix="d"))[0]


def _relative_difference(a, b):
    """||a - b|| / (||a|| + ||b||), and 0 when both are zero.

    Entries far from 1 in size (beyond 1e150 or below 1e-150) are rescaled first, so that no square
    overflows or underflows; in between, the arithmetic is the plain formula's, bit for bit.
    """
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = max(np.abs(a).max(initial=0.0), np.abs(b).max(initial=0.0))
    if scale == 0.0:
        return 0.0
    if not 1e-150 < scale < 1e150:
        a, b = a / scale, b / scale
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def _norm(x):
    """The 2-norm of ``x``, rescaled like ``_relative_difference`` when its entries are extreme."""
    x = np.asarray(x, dtype=np.float64)
    scale = np.abs(x).max(initial=0.0)
    if scale == 0.0 or 1e-150 < scale < 1e150:
        return float(np.linalg.norm(x))
    return float(scale * np.linalg.norm(x / scale))


# ----------------------------------------------------------------------------- the 1-D check


def gradient_check(x, theta, epsilon=1e-7):
    """The course's 1-D check of J(theta) = theta * x, whose derivative is x.

    difference = |grad - gradapprox| / (|grad| + |gradapprox|), with
    gradapprox = (J(theta + epsilon) - J(theta - epsilon)) / (2 epsilon).

    Parameters
    ----------
    x, theta : float
    epsilon : float > 0

    Returns
    -------
    difference : float (x = 2, theta = 4 gives 2.919335883291695e-10)
    """
    x, theta = check_real("x", x), check_real("theta", theta)
    epsilon = _check_epsilon(epsilon)
    with np.errstate(over="ignore", invalid="ignore"):
        gradapprox = ((theta + epsilon) * x - (theta - epsilon) * x) / (2 * epsilon)
    check_finite_result("the central difference", gradapprox, "x or theta are too large")
    grad = x
    return _relative_difference(np.array(grad), np.array(gradapprox))


def _check_epsilon(epsilon):
    """The step of a central difference: between 1e-12 and 1.

    Below 1e-12 the round-off of the cost, about u |J| / epsilon, swamps any derivative (and at
    absurd steps theta + epsilon == theta); above 1 the difference quotient measures the shape of
    the cost, not its slope.
    """
    return check_between("epsilon", epsilon, EPSILON_RANGE[0], EPSILON_RANGE[1])


# ----------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class TensorCheck:
    """The check of one parameter tensor: one row of a ``GradientCheckReport``.

    Attributes
    ----------
    name : str, "W1", "b1", ...
    shape : tuple
    relative_error : float
        ||g - n|| / (||g|| + ||n||) over the entries checked (analytic g, numerical n); for a
        directional check, |<g, u> - n_u| / (|<g, u>| + |n_u|) at the worst direction.
    passed : bool
    method : str, "element-wise" or "directional"
    worst_index : tuple or None
        The entry with the largest |g - n| (element-wise checks).
    analytic, numerical : float or None
        The two values at ``worst_index``, or along the worst direction.
    kinks : int
        Entries left out because their +-epsilon perturbation crossed a ReLU kink (there the
        central difference measures a jump, not the gradient).
    unchecked : str or None
        Why the tensor could not be checked (its central differences are not finite numbers); such
        a tensor never passes.
    """

    name: str
    shape: tuple
    relative_error: float
    passed: bool
    method: str
    worst_index: tuple | None = None
    analytic: float | None = None
    numerical: float | None = None
    kinks: int = 0
    unchecked: str | None = None


@dataclass(frozen=True)
class GradientCheckReport:
    """Result of ``gradient_check_n``: the course's global number and one row per tensor.

    Attributes
    ----------
    difference : float or None
        The course's ||grad - gradapprox|| / (||grad|| + ||gradapprox||) over all parameters
        (None in fast mode, which never builds the whole numerical gradient).
    rows : tuple of TensorCheck, in the order W1, b1, W2, b2, ...
    epsilon : float
    atol : float
        The round-off allowance per entry, NOISE_FACTOR * u * |J| / epsilon.
    rtol : float
    smooth_difference : float or None
        The course's number over the entries whose step crossed no ReLU kink (equal to
        ``difference`` when there is no kink).
    """

    difference: float | None
    rows: tuple
    epsilon: float
    atol: float
    rtol: float = RTOL
    smooth_difference: float | None = None

    @property
    def failing(self):
        """Names of the tensors whose gradient is wrong or could not be checked, e.g. ["W2", "b1"]."""
        return [row.name for row in self.rows if not row.passed]

    @property
    def passed(self):
        """True when every tensor passes."""
        return not self.failing

    @property
    def criterion(self):
        """The pass rule, in words."""
        return (f"a tensor passes when ||g - n|| <= {self.rtol:g} (||g|| + ||n||) + {self.atol:.1e} sqrt(size) "
                f"(the round-off of J at epsilon = {self.epsilon:g})")

    @property
    def verdict(self):
        """One line: which tensors pass, by which check, and the course's global number against its threshold.

        Differences are shown with two significant digits: below about 1e-8 they are round-off, whose
        digits differ from one machine to another.
        """
        kinks = sum(row.kinks for row in self.rows)
        how = "along their directional checks (fast mode)" if self.difference is None else "entry by entry"
        unchecked = [row for row in self.rows if row.unchecked]
        if unchecked:
            return (f"FAILED: {', '.join(row.name for row in unchecked)} could not be checked: "
                    f"{unchecked[0].unchecked}")
        if self.passed:
            outcome = f"PASSED: all {len(self.rows)} tensors match their central differences {how}"
        elif len(self.failing) == 1:
            outcome = f"FAILED: {self.failing[0]} does not match its central difference"
        else:
            outcome = f"FAILED: {', '.join(self.failing)} do not match their central differences"
        if kinks:
            entries = "entry whose step crosses" if kinks == 1 else "entries whose steps cross"
            outcome += f" ({kinks} {entries} a ReLU kink left out)"
        if self.difference is None:
            return f"{outcome}; the course's difference is not computed in fast mode"
        difference = self.smooth_difference if kinks else self.difference
        side = "below" if difference < COURSE_THRESHOLD else "above"
        course = f"the course's difference is {difference:.1e}, {side} its threshold {COURSE_THRESHOLD:g}"
        if kinks:
            them = "it" if kinks == 1 else "them"
            course = f"without {them} {course}" + (f" ({self.difference:.1e} with {them})" if self.passed else "")
        return f"{outcome}; {course}"

    def _cells(self, row):
        located = not row.passed and row.analytic is not None
        return [row.name, str(row.shape), f"{row.relative_error:.2e}", row.method,
                str(row.worst_index) if located and row.worst_index is not None else "",
                f"{row.analytic:.5g}" if located else "", f"{row.numerical:.5g}" if located else "",
                str(row.kinks) if row.kinks else "",
                "ok" if row.passed else "NOT CHECKED" if row.unchecked else "WRONG"]

    _HEADER = ["tensor", "shape", "rel. error", "check", "worst entry", "analytic", "numerical", "kinks", "verdict"]

    def __str__(self):
        table = [self._HEADER] + [self._cells(row) for row in self.rows]
        widths = [max(len(line[c]) for line in table) for c in range(len(self._HEADER))]
        lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
                 for line in table]
        return "\n".join([f"Gradient check: {self.verdict}", *lines, f"Criterion: {self.criterion}."])

    __repr__ = __str__

    def _repr_html_(self):
        head = "".join(f"<th>{cell}</th>" for cell in self._HEADER)
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in self._cells(row)) + "</tr>"
                       for row in self.rows)
        return (f"<p><b>Gradient check: {self.verdict}</b></p><table><thead><tr>{head}</tr></thead>"
                f"<tbody>{body}</tbody></table><p>Criterion: {self.criterion}.</p>")


# ----------------------------------------------------------------------------- the N-D check


class _Problem:
    """The cost J(theta) of one network, with frozen dropout masks, and its base forward pass."""

    def __init__(self, X, Y, parameters, lambd, keep_prob, masks):
        self.X, self.Y, self.L = X, Y, depth(parameters)
        self.m = X.shape[1]
        self.layers = parameter_list(parameters)
        self.lambd, self.keep_prob, self.masks = lambd, keep_prob, masks
        _, self.cache = _checked_forward(X, self.layers, keep_prob, masks=masks)
        with np.errstate(over="ignore", invalid="ignore"):
            self.losses = _cross_entropy_losses(self.cache.ZL, Y)  # (1, m), per example
            self.cost = self.losses.sum() / self.m + self.penalty(self.layers)
        check_finite_result("the cost", self.cost, "the parameters or lambd are too large")
        self.active = [Z > 0 for Z in self.cache.Z[:-1]]  # which ReLUs are on, layer by layer

    def cost_of(self, layers):
        """J for a network (or a stack of networks) given as [(W1, b1), ...], with this problem's masks."""
        _, cache = _forward(self.X, layers, self.keep_prob, masks=self.masks)
        return _cross_entropy(cache.ZL, self.Y) + self.penalty(layers)

    def penalty(self, layers):
        return _l2_penalty([W for W, _ in layers], self.lambd, self.m) if self.lambd > 0 else 0.0

    # -- element-wise, batched

    def numerical_gradient(self, l, epsilon):
        """Central differences for every entry of W[l] and b[l] at once.

        Returns (dW, db) and the kink flags (kW, kb) of the same shapes: True where the entry's
        +-epsilon perturbation flipped a ReLU, so that the difference quotient measures a jump.
        """
        W, b = self.layers[l - 1]
        A_prev = self.cache.linear[l - 1][0]  # the input of layer l: X, or the dropped-out A[l-1]
        n, n_prev = W.shape
        # Entry (i, j) of W moves row i of Z[l] by eps * A_prev[j]; entry i of b moves it by eps.
        rows = np.concatenate([np.repeat(np.arange(n), n_prev), np.arange(n)])
        shifts = epsilon * np.concatenate([A_prev[np.tile(np.arange(n_prev), n)], np.ones((n, self.m))])
        width = max(self.layers[k - 1][0].shape[0] for k in range(l, self.L + 1))
        chunk = max(1, MAX_BATCH_ELEMENTS // (2 * width * self.m))
        differences, kinks = [], []
        for start in range(0, rows.size, chunk):
            part = slice(start, start + chunk)
            size = rows[part].size  # the +eps networks, then the -eps ones, in one batch
            change, kink = self._loss_changes(l, np.tile(rows[part], 2), np.concatenate([shifts[part], -shifts[part]]))
            differences.append((change[:size] - change[size:]) / self.m)
            kinks.append(kink[:size] | kink[size:])
        difference, kink = np.concatenate(differences), np.concatenate(kinks)
        if self.lambd > 0:  # the L2 term changes with the perturbed weight only
            w = W.reshape(-1)
            difference[:w.size] += self.lambd / (2 * self.m) * ((w + epsilon) ** 2 - (w - epsilon) ** 2)
        gradient = difference / (2 * epsilon)
        return ((gradient[:W.size].reshape(W.shape), gradient[W.size:].reshape(b.shape)),
                (kink[:W.size].reshape(W.shape), kink[W.size:].reshape(b.shape)))

    def _loss_changes(self, l, rows, delta):
        """For P perturbed networks whose Z[l] differs from the base by ``delta`` (P, m) in row ``rows[p]``:
        the change of the summed loss, sum_j (loss_j - base loss_j), shape (P,), and the kink flags (P,).

        Only the (network, example) pairs whose activation A[l][i, j] moved need the layers above:
        they are gathered as the columns of one matrix, Z[l+1] moves there by W[l+1][:, i] times
        that change, and the network's own forward pass (``_propagate``) finishes them at once.
        """
        Z = self.cache.Z[l - 1]
        Z_rows = Z[rows] + delta
        if l == self.L:  # an output logit moved: every example's loss changes
            return (_cross_entropy_losses(Z_rows, self.Y) - self.losses).sum(axis=-1), np.zeros(rows.size, bool)
        kink = ((Z_rows > 0) != self.active[l - 1][rows]).any(axis=-1)
        A_rows, _ = relu_forward.unchecked(Z_rows)
        if self.masks is not None:
            A_rows, _ = dropout_forward.unchecked(A_rows, self.masks[l - 1][rows], self.keep_prob)
        change = (A_rows - self.cache.linear[l][0][rows]).ravel()
        moved = np.flatnonzero(change)  # pair (network p, example j) at p * m + j: its activation moved
        p, j = np.divmod(moved, self.m)
        W_next = self.layers[l][0]
        Z_next = np.take(self.cache.Z[l], j, axis=1) + np.take(W_next, rows[p], axis=1) * change[moved]
        masks = None if self.masks is None else [np.take(D, j, axis=1) for D in self.masks]
        _, cache = _propagate(Z_next, l + 1, self.layers, self.keep_prob, masks=masks, probabilities=False)
        losses = _cross_entropy_losses(cache.ZL, np.take(self.Y, j, axis=1)) - np.take(self.losses, j, axis=1)
        for Z_moved, active in zip(cache.Z[:-1], self.active[l:], strict=False):
            kink[p[((Z_moved > 0) != np.take(active, j, axis=1)).any(axis=0)]] = True
        return np.bincount(p, weights=losses[0], minlength=rows.size), kink

    # -- the course's loop, for reference

    def numerical_gradient_loop(self, epsilon, like):
        """The course's per-entry loop over theta: two full forward passes per entry."""
        theta, _ = dictionary_to_vector(like)
        layout = [(name, like[name].shape) for name in parameter_names(self.L)]
        gradapprox = np.zeros_like(theta)
        for i in range(theta.shape[0]):
            theta_plus, theta_minus = np.copy(theta), np.copy(theta)
            theta_plus[i, 0] += epsilon
            theta_minus[i, 0] -= epsilon
            J_plus = self.cost_of(parameter_list(_unstack(theta_plus, layout)))
            J_minus = self.cost_of(parameter_list(_unstack(theta_minus, layout)))
            gradapprox[i, 0] = (J_plus - J_minus) / (2 * epsilon)
        return _unstack(gradapprox, layout)

    # -- directional

    def directional_derivatives(self, directions, epsilon):
        """Numerical derivatives along perturbations of whole tensors, all in one batched forward pass.

        ``directions`` is a list of (l, kind, U) with U shaped like W[l] or b[l]; returns one value each.
        """
        P = 2 * len(directions)
        stacked = [[np.broadcast_to(W, (P,) + W.shape).copy(), np.broadcast_to(b, (P,) + b.shape).copy()]
                   for W, b in self.layers]
        for d, (l, kind, U) in enumerate(directions):
            stacked[l - 1][0 if kind == "W" else 1][2 * d] += epsilon * U
            stacked[l - 1][0 if kind == "W" else 1][2 * d + 1] -= epsilon * U
        costs = self.cost_of([tuple(pair) for pair in stacked])
        return (costs[0::2] - costs[1::2]) / (2 * epsilon)


def _warn_on_low_precision(named_arrays):
    """One warning naming every array stored in less than float64 precision."""
    low = [(name, np.asarray(array).dtype) for name, array in named_arrays
           if np.issubdtype(np.asarray(array).dtype, np.floating) and np.asarray(array).dtype.itemsize < 8]
    if low:
        names = ", ".join(f"{name} is {dtype}" for name, dtype in low)
        warnings.warn(f"{names}: the check runs on float64 copies; values stored in lower precision carry its "
                      f"rounding (about {max(np.finfo(dtype).eps for _, dtype in low):.0e} relative)", UserWarning,
                      stacklevel=3)


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, lambd=0.0, keep_prob=1.0, rng=None, masks=None,
                     fast=False, method="batched", direction_seed=0):
    """Check analytic gradients against central differences of the same cost, tensor by tensor.

    The cost is the one ``backward_propagation`` differentiates: cross-entropy from the logits
    plus lambd / (2m) sum_l ||W[l]||_F^2, with the given dropout masks frozen.

    Parameters
    ----------
    parameters : dict "W1", "b1", ..., "WL", "bL"
    gradients : dict "dW1", "db1", ..., each shaped like its parameter (as ``backward_propagation`` returns)
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m)
    epsilon : float > 0
    lambd : float >= 0
    keep_prob : float in (0, 1]
    rng : numpy Generator, RandomState or int seed
        With keep_prob < 1: draws the masks exactly as ``forward_propagation(X, parameters, keep_prob, rng)``
        would, so passing the seed used for the analytic gradient reproduces its masks.
    masks : sequence of L-1 bool arrays
        Alternatively, the masks themselves (``cache.masks``).
    fast : bool
        Directional checks per tensor (the analytic gradient's direction and two random ones),
        then an element-wise check of any failing tensor.
    method : {"batched", "loop"}
        How element-wise numerical gradients are computed: all entries of a tensor at once, or
        the course's loop with two full forward passes per entry (for reference and timing).
    direction_seed : int
        Seed of the random directions of fast mode.

    Returns
    -------
    GradientCheckReport
        ``.difference`` (the course's number), ``.rows`` (one per tensor), ``.failing``, ``.passed``.
    """
    _warn_on_low_precision([("X", X)] + [(f"parameters['{k}']", v) for k, v in dict(parameters).items()]
                           + [(f"gradients['{k}']", v) for k, v in dict(gradients).items()]
                           if isinstance(parameters, dict) and isinstance(gradients, dict) else [])
    problem, parameters, epsilon = _set_up(parameters, X, Y, epsilon, lambd, keep_prob, rng, masks, method)
    gradients = {key[1:]: value for key, value in check_gradients(gradients, parameters).items()}
    fast = check_flag("fast", fast)
    direction_seed = check_seed("direction_seed", direction_seed)
    if any(not parameters[f"W{l}"].any() for l in range(1, problem.L + 1)):
        warnings.warn("a weight matrix is all zeros: at such a symmetric point every hidden unit has the same "
                      "gradient and the ReLUs sit on their kinks, so the check proves little; check at a random "
                      "initialization instead", UserWarning, stacklevel=2)

    atol = NOISE_FACTOR * np.finfo(np.float64).eps * max(abs(problem.cost), 1.0) / epsilon
    if fast:
        rows = _fast_rows(problem, parameters, gradients, epsilon, atol, direction_seed, method)
        return GradientCheckReport(None, tuple(rows), epsilon, atol)
    numerical, kinks = _numerical_gradients(problem, parameters, epsilon, method)
    rows = [_element_row(name, gradients[name], numerical[name], kinks[name], atol)
            for name in parameter_names(problem.L)]
    names = parameter_names(problem.L)
    analytic, numeric, kink = (np.concatenate([named[name].ravel() for name in names])
                               for named in (gradients, numerical, kinks))
    smooth = ~kink
    with np.errstate(over="ignore", invalid="ignore"):
        difference, smooth_difference = (_relative_difference(analytic[keep], numeric[keep]) for keep in
                                         (slice(None), smooth))
    return GradientCheckReport(difference, tuple(rows), epsilon, atol, smooth_difference=smooth_difference)


def numerical_gradients(parameters, X, Y, epsilon=1e-7, lambd=0.0, keep_prob=1.0, rng=None, masks=None,
                        method="batched"):
    """The central-difference gradient of the cost, every entry: {"dW1": ..., "db1": ..., ...}.

    Arguments as in ``gradient_check_n``; ``method`` "batched" (fast) or "loop" (the course's).
    """
    problem, parameters, epsilon = _set_up(parameters, X, Y, epsilon, lambd, keep_prob, rng, masks, method)
    numerical, _ = _numerical_gradients(problem, parameters, epsilon, method)
    for value in numerical.values():
        check_finite_result("the central differences", value, "the cost overflows at theta +- epsilon: the "
                                                              "parameters, X or lambd are too large")
    return {"d" + name: value for name, value in numerical.items()}


def _set_up(parameters, X, Y, epsilon, lambd, keep_prob, rng, masks, method):
    """Check the arguments shared by the checks; return the problem, float64 parameters and epsilon."""
    X = check_X(X)
    parameters = check_parameters(parameters, n_x=X.shape[0])
    Y = check_Y(Y, X.shape[1])
    epsilon = _check_epsilon(epsilon)
    lambd = check_nonnegative("lambd", lambd)
    keep_prob = check_keep_prob(keep_prob)
    check_choice("method", method, ("batched", "loop"))
    rng, masks = _dropout_source(masks, keep_prob, rng, parameters, X.shape[1])
    if rng is not None:  # draw them exactly as forward_propagation(X, parameters, keep_prob, rng) does
        masks = list(_forward(X, parameter_list(parameters), keep_prob, rng)[1].masks)
    return _Problem(X, Y, parameters, lambd, keep_prob, masks), parameters, epsilon


def _numerical_gradients(problem, parameters, epsilon, method, names=None):
    """{name: numerical gradient}, {name: kink flags} for ``names`` (default: every tensor)."""
    names = names or parameter_names(problem.L)
    with np.errstate(over="ignore", invalid="ignore"):  # a cost that overflows is reported, not warned about
        if method == "loop":
            numerical = problem.numerical_gradient_loop(epsilon, parameters)
            return ({name: numerical[name] for name in names},
                    {name: np.zeros(parameters[name].shape, bool) for name in names})
        numerical, kinks = {}, {}
        for l in sorted({int(name[1:]) for name in names}):
            gradients, kink_flags = problem.numerical_gradient(l, epsilon)
            numerical[f"W{l}"], numerical[f"b{l}"] = gradients
            kinks[f"W{l}"], kinks[f"b{l}"] = kink_flags
    return {name: numerical[name] for name in names}, {name: kinks[name] for name in names}


UNCHECKABLE = ("its central differences are not finite numbers (the cost overflows at theta +- epsilon: the "
               "parameters, X or lambd are too large)")


def _element_row(name, analytic, numerical, kinks, atol):
    """Judge one tensor entry by entry; entries at a ReLU kink are left out. Non-finite differences fail it."""
    if not (np.isfinite(numerical).all() and np.isfinite(atol)):
        return TensorCheck(name, analytic.shape, math.nan, False, "element-wise", unchecked=UNCHECKABLE)
    keep = ~kinks
    a, n = analytic[keep], numerical[keep]
    error = _relative_difference(a, n)
    with np.errstate(over="ignore"):
        passed = bool(_norm(a - n) <= RTOL * (_norm(a) + _norm(n)) + atol * np.sqrt(a.size))
    gap = np.where(keep, np.abs(analytic - numerical), -1.0)
    worst = tuple(int(i) for i in np.unravel_index(np.argmax(gap), gap.shape))
    return TensorCheck(name, analytic.shape, error, passed, "element-wise", worst,
                       float(analytic[worst]), float(numerical[worst]), int(kinks.sum()))


def _fast_rows(problem, parameters, gradients, epsilon, atol, direction_seed, method):
    """Directional checks of every tensor; failing tensors are re-checked entry by entry."""
    rng = np.random.default_rng(direction_seed)
    names = parameter_names(problem.L)
    directions, owners = [], []
    for name in names:
        g = gradients[name]
        candidates = [g / _norm(g)] if _norm(g) > 0 else []
        for _ in range(3 - len(candidates)):
            u = rng.standard_normal(g.shape)
            candidates.append(u / _norm(u))
        for U in candidates:
            directions.append((int(name[1:]), name[0], U))
            owners.append((name, float(np.sum(g * U))))
    with np.errstate(over="ignore", invalid="ignore"):
        numeric = problem.directional_derivatives(directions, epsilon)

    rows = {}
    for name in names:
        checks = [(a, n) for (owner, a), n in zip(owners, numeric, strict=True) if owner == name]
        failing = [not abs(n - a) <= RTOL * (abs(a) + abs(n)) + atol for a, n in checks]  # nan fails too
        a, n = max(checks, key=lambda pair: abs(pair[0] - pair[1]))
        rows[name] = TensorCheck(name, parameters[name].shape, _relative_difference(np.array(a), np.array(n)),
                                 not any(failing), "directional", None, a, n)
    suspects = [name for name in names if not rows[name].passed]
    if suspects:  # locate: the failing tensors entry by entry
        numerical, kinks = _numerical_gradients(problem, parameters, epsilon, method, suspects)
        for name in suspects:
            rows[name] = _element_row(name, gradients[name], numerical[name], kinks[name], atol)
    return [rows[name] for name in names]
