"""Training: gradient descent on mini-batches with a choice of optimizer, prediction and accuracy.

``model`` trains the network. Its first arguments are week 1's: full-batch gradient descent for
``num_iterations`` steps, bit for bit as before. Week 2's arguments, all keyword-only, turn the same
loop into the course's optimization experiments: ``num_epochs`` passes over the training set, each
shuffled and cut into mini-batches (``mini_batch_size``), the step of ``optimizer`` ("gd",
"momentum", "rmsprop" or "adam", from ``optimizers.py``) after every mini-batch, and a learning-rate
``decay`` between epochs. Full batch is the case of one mini-batch of all m examples. With
``batch_norm`` (week 3) every hidden layer is batch-normalized: the loop also keeps the running
averages of the batch statistics, which ``predict`` normalizes with.
"""

from typing import NamedTuple

import numpy as np

from ._validation import (
    check_between,
    check_choice,
    check_count,
    check_flag,
    check_keep_prob,
    check_layer_dims,
    check_nonnegative,
    check_parameters,
    check_positive,
    check_seed,
    check_sequence,
    check_X,
    check_Y,
)
from .cost import _l2_penalty
from .initializers import get_initializer, initialize
from .layers import BATCHNORM_MOMENTUM
from .network import (
    Workspace,
    _averaged,
    _backward,
    _checked_forward,
    _forward,
    _mode_statistics,
    parameter_list,
    running_statistics,
)
from .optimizers import HYPERPARAMETERS, OPTIMIZERS, optimizer_hyperparameters, update_parameters_with_gd
from .output import output_layer
from .parallel import one_blas_thread

COST_EVERY = 1000
"""The cost is recorded at iteration (or epoch) 0 and every COST_EVERY of them, as in the course."""

NUM_ITERATIONS = 15000
"""Week 1's default number of full-batch gradient-descent steps."""


class TrainingDiverged(ValueError):
    """Training stopped because the network's outputs were no longer finite numbers.

    Each step was too large for the network: the activations or the weights overflowed (to inf,
    then nan). Raised by ``model`` and ``model_batch`` at the first such step, instead of
    returning nan weights. It is a ValueError: the learning rate (or the initial scale) given was
    out of the range this network can be trained with.
    """


def dropout_rng(seed):
    """The dropout-mask stream of ``model``: a Generator derived from ``seed``.

    It is independent of the initialization stream ``np.random.RandomState(seed)``, so
    turning dropout on does not change the initial weights.
    """
    return np.random.default_rng(np.random.SeedSequence(check_seed("seed", seed)).spawn(1)[0])


update_parameters = update_parameters_with_gd
"""Week 1's name for one step of gradient descent (``optimizers.update_parameters_with_gd``)."""


class _Run(NamedTuple):
    """How a network is trained, checked once: what ``_descent`` needs besides the data and the network.

    For a stack of S networks, ``learning_rate`` is an array (S, 1) and the update rules and schedules may
    differ from network to network: ``optimizer``, ``hyper``, ``decay`` and ``decay_rate`` are then tuples of
    S entries (``model_batch`` orders a stack so that the networks of one rule are consecutive)."""

    optimizer: object  # a name of OPTIMIZERS, or a tuple of them
    hyper: object  # a dict of optimizer hyperparameters, or a tuple of them
    learning_rate: object  # a float, or an array (S, 1) with one value per network of a stack
    num_epochs: int
    mini_batch_size: object  # None: full batch
    shuffle_seed: int
    decay: object  # None, or f(learning_rate0, epoch_num, decay_rate); or a tuple of them
    decay_rate: object  # a float, or a tuple of them
    cost_every: int
    unit: str  # "iteration" (week 1) or "epoch"


def _training_run(learning_rate, num_iterations, num_epochs, cost_every, optimizer, mini_batch_size, beta, beta1,
                  beta2, epsilon, decay, decay_rate, shuffle_seed, fixed_masks):
    """Check the schedule and optimizer arguments shared by ``model`` and ``model_batch``; return a ``_Run``."""
    if num_epochs is not None and num_iterations is not None:
        raise ValueError("give num_iterations (full-batch steps, week 1) or num_epochs (passes over the training "
                         f"set), not both: got num_iterations={num_iterations!r} and num_epochs={num_epochs!r}")
    if mini_batch_size is not None and num_epochs is None:
        raise ValueError("with mini-batches, training is counted in epochs: give num_epochs (passes over the "
                         f"training set) instead of num_iterations, got mini_batch_size={mini_batch_size!r}")
    if mini_batch_size is not None and fixed_masks:
        raise ValueError("fixed_masks reuses one full batch's dropout masks: it cannot be combined with "
                         f"mini-batches, got mini_batch_size={mini_batch_size!r}")
    steps = num_epochs if num_epochs is not None else num_iterations if num_iterations is not None else NUM_ITERATIONS
    optimizer, hyper = update_rule(optimizer, beta, beta1, beta2, epsilon)
    return _Run(
        optimizer=optimizer,
        hyper=hyper,
        learning_rate=learning_rate,
        num_epochs=check_count("num_epochs" if num_epochs is not None else "num_iterations", steps),
        mini_batch_size=None if mini_batch_size is None else check_count("mini_batch_size", mini_batch_size,
                                                                          minimum=1),
        shuffle_seed=check_seed("shuffle_seed", shuffle_seed),
        decay=check_decay("decay", decay),
        decay_rate=check_nonnegative("decay_rate", decay_rate),
        cost_every=check_count("cost_every", cost_every, minimum=1),
        unit="iteration" if num_epochs is None else "epoch",
    )


def update_rule(optimizer, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """The checked (optimizer, the hyperparameters it reads): ("adam", {"beta1": ..., "beta2": ..., "epsilon": ...}).

    Networks with equal rules take their steps together in a stack."""
    optimizer = check_choice("optimizer", optimizer, tuple(OPTIMIZERS))
    return optimizer, used_hyperparameters(optimizer, optimizer_hyperparameters(beta, beta1, beta2, epsilon))


def used_hyperparameters(optimizer, hyper):
    """The entries of ``hyper`` that ``optimizer``'s step reads (momentum: beta; gd: none)."""
    return {key: hyper[key] for key in HYPERPARAMETERS[optimizer]}


def check_decay(name, decay):
    """A learning-rate schedule f(learning_rate0, epoch_num, decay_rate), or None."""
    if decay is not None and not callable(decay):
        raise TypeError(f"{name} must be a schedule f(learning_rate0, epoch_num, decay_rate), such as update_lr or "
                        f"schedule_lr_decay, or None, got {decay!r}")
    return decay


def model(X, Y, layer_dims, learning_rate=0.01, num_iterations=None, initialization="he",
          lambd=0.0, keep_prob=1.0, seed=3, print_cost=False, init_scale=None, cost_every=COST_EVERY,
          fixed_masks=False, *, optimizer="gd", mini_batch_size=None, num_epochs=None, beta=0.9, beta1=0.9,
          beta2=0.999, epsilon=1e-8, decay=None, decay_rate=1.0, shuffle_seed=10, batch_norm=False,
          batch_norm_momentum=BATCHNORM_MOMENTUM):
    """Train the L-layer network: gradient descent (week 1), or mini-batches with an optimizer (week 2).

    Each step: forward pass on the batch (fresh dropout masks), backward pass, then the optimizer's
    update of every W[l] and b[l]: W[l] <- W[l] - learning_rate * dW[l] for "gd" (the other rules
    are in ``optimizers.py``). The L2 term of a mini-batch of m_b examples is scaled by m_b / m, so
    that its gradient estimates the gradient of the whole cost.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m) with labels 0 or 1, or (C, m) one-hot labels of C >= 2 classes
    layer_dims : list of int [n_x, n_1, ..., n_{L-1}, n_L]
        n_L = 1: one sigmoid output for binary labels; n_L = C >= 2: a softmax over C classes.
    learning_rate : float > 0
    num_iterations : int >= 0, default 15000
        Full-batch gradient steps (week 1). Give this or ``num_epochs``.
    initialization : {"zeros", "random", "he", "xavier", "glorot"}
    lambd : float >= 0, L2 regularization strength
    keep_prob : float in (0, 1], probability of keeping a hidden unit (1: no dropout)
    seed : int
        The initial weights are drawn from ``np.random.RandomState(seed)`` (the course's
        draws for seed 3); the dropout masks from ``dropout_rng(seed)``. The same seed gives
        bitwise identical parameters.
    print_cost : bool
        Print the cost whenever it is recorded.
    init_scale : float, optional
        Standard deviation of the "random" initialization (default 10).
    cost_every : int >= 1
        Record the cost every ``cost_every`` iterations, or epochs (the course: 1000).
    fixed_masks : bool
        Reuse the dropout masks of iteration 0 at every iteration. This reproduces a flaw of the
        course, which re-seeds its generator inside the forward pass, so that it trains one fixed
        thinned network instead of doing dropout. For comparison only (full batch only).
    optimizer : {"gd", "momentum", "rmsprop", "adam"}, keyword-only
    mini_batch_size : int >= 1, optional, keyword-only
        Examples per mini-batch (the course: 64). None: full batch, no shuffling.
    num_epochs : int >= 0, keyword-only
        Passes over the training set (the course: 5000). Each shuffles the examples with
        ``np.random.RandomState(shuffle_seed + 1 + epoch)``, as the course's ``random_mini_batches``.
    beta : float in [0, 1), momentum's coefficient
    beta1, beta2 : floats in [0, 1), Adam's coefficients (RMSprop uses beta2)
    epsilon : float > 0, Adam's and RMSprop's guard against dividing by 0
    decay : callable, optional, keyword-only
        A schedule ``decay(learning_rate0, epoch_num, decay_rate)``, such as ``update_lr`` or
        ``schedule_lr_decay``: after epoch i the learning rate becomes ``decay(learning_rate, i,
        decay_rate)``, used from epoch i + 1 on (the course's timing).
    decay_rate : float >= 0
    shuffle_seed : int, the course's seed counter (10): epoch i shuffles with shuffle_seed + 1 + i
    batch_norm : bool, keyword-only
        Batch-normalize every hidden layer (``batchnorm_forward``, train mode on each mini-batch): its
        gamma[l] and beta[l] are trained in place of b[l] with the same optimizer. A mini-batch of one
        example cannot be normalized, so no mini-batch may hold a single example.
    batch_norm_momentum : float in [0, 1], keyword-only
        After each mini-batch, running = momentum * running + (1 - momentum) * batch statistic
        (``update_running_average``; the running averages start at mean 0, variance 1).

    Returns
    -------
    parameters : dict "W1", "b1", ..., "WL", "bL"
        With ``batch_norm``: "gamma{l}", "beta{l}" in place of "b{l}" and the running averages
        "running_mean{l}", "running_var{l}" for l < L.
    costs : list of float
        The cost (L2 term included) at iterations, or epochs, 0, cost_every, 2 cost_every, ... For an
        epoch, the mean of the losses of its mini-batches, each taken before that batch's update (the
        course's epoch cost).

    Raises
    ------
    TrainingDiverged
        A ValueError, when the outputs overflow: the message names the step and the learning rate.
    """
    X = check_X(X)
    layer_dims = check_layer_dims(layer_dims)
    if layer_dims[0] != X.shape[0]:
        raise ValueError(f"layer_dims[0] must equal the number of rows of X, {X.shape[0]}, got {layer_dims[0]}")
    Y = check_Y(Y, X.shape[1], C=layer_dims[-1], source="layer_dims[-1]")
    run = _training_run(check_positive("learning_rate", learning_rate), num_iterations, num_epochs, cost_every,
                        optimizer, mini_batch_size, beta, beta1, beta2, epsilon, decay, decay_rate, shuffle_seed,
                        check_flag("fixed_masks", fixed_masks))
    lambd = check_nonnegative("lambd", lambd)
    keep_prob = check_keep_prob(keep_prob)
    seed = check_seed("seed", seed)
    print_cost = check_flag("print_cost", print_cost)
    batch_norm = check_flag("batch_norm", batch_norm)
    if batch_norm:
        _check_normalizable(X.shape[1], run.mini_batch_size, len(layer_dims))
    momentum = check_between("batch_norm_momentum", batch_norm_momentum, 0.0, 1.0)

    initializer = get_initializer(initialization, init_scale, scale_name="init_scale")
    parameters = initialize(layer_dims, initializer, np.random.RandomState(seed), batch_norm)
    rng = dropout_rng(seed) if keep_prob < 1.0 else None
    statistics = running_statistics(parameters) if batch_norm else None
    costs = _descent(X, Y, parameter_list(parameters), run, keep_prob, rng, lambd if lambd > 0 else None, print_cost,
                     fixed_masks, statistics=statistics, momentum=momentum)
    for l, pair in enumerate(statistics or [], start=1):
        parameters[f"running_mean{l}"], parameters[f"running_var{l}"] = pair
    return parameters, [float(cost) for cost in costs]


def _check_normalizable(m, mini_batch_size, num_layers):
    """Every mini-batch must hold 2 examples or more: batch statistics of one example are undefined."""
    if num_layers < 3:
        raise ValueError("batch_norm normalizes the hidden layers, and this network has none: layer_dims needs at "
                         "least one hidden layer")
    size = m if mini_batch_size is None else mini_batch_size
    if size == 1 or m % size == 1 or m == 1:
        raise ValueError(f"with batch_norm no mini-batch may hold a single example (its variance is 0): "
                         f"mini_batch_size={mini_batch_size!r} on m={m} examples leaves one; choose another size")


def _batches(X, Y, size, seed, shuffler=None):
    """The mini-batches of one epoch: the examples shuffled by RandomState(seed), cut every ``size``; or (X, Y).

    ``shuffler``, a RandomState to re-seed, saves building one per epoch (the same permutation, much faster)."""
    if size is None:
        return [(X, Y)]
    shuffler = np.random.RandomState() if shuffler is None else shuffler
    shuffler.seed(seed)
    permutation = shuffler.permutation(X.shape[-1])
    X, Y = X[..., permutation], Y[..., permutation]  # the course's layout (column-major): the same products
    return [(X[..., k:k + size], Y[..., k:k + size]) for k in range(0, X.shape[-1], size)]


class _Flat(NamedTuple):
    """Arrays (..., n, k) laid end to end in one buffer (..., P), so that an optimizer's step over all of them is
    a few NumPy calls; ``views`` are the arrays' shapes over the buffer (writing into one writes into it)."""

    buffer: np.ndarray
    views: list

    @classmethod
    def of(cls, arrays):
        """A buffer holding copies of ``arrays`` (all with the same leading axes), and its views."""
        lead = arrays[0].shape[:-2]
        buffer = np.concatenate([array.reshape(*lead, -1) for array in arrays], axis=-1)
        return cls(buffer, cls.split(buffer, [array.shape for array in arrays]))

    @staticmethod
    def split(buffer, shapes):
        """Views of ``buffer`` (..., P) with the given shapes (..., n, k), one after the other along P."""
        views, start = [], 0
        for shape in shapes:
            size = shape[-2] * shape[-1]
            views.append(buffer[..., start:start + size].reshape(shape, copy=False))  # a view, never a copy
            start += size
        return views


class _Rule(NamedTuple):
    """One update rule of a stack: the optimizer and its hyperparameters, for the networks ``rows``."""

    step: object  # the step function of OPTIMIZERS
    states: int  # how many state buffers it keeps
    hyper: dict
    rows: object  # a slice of the stack's leading axis; slice(None) for a single network


def _rules(run, S):
    """The update rules of a stack of S networks (S None: one network), consecutive networks grouped by rule."""
    if S is None or not isinstance(run.optimizer, tuple):
        step, names = OPTIMIZERS[run.optimizer]
        return [_Rule(step, len(names), run.hyper, slice(None))]
    rules, start = [], 0
    for k in range(1, S + 1):
        if k == S or (run.optimizer[k], run.hyper[k]) != (run.optimizer[start], run.hyper[start]):
            step, names = OPTIMIZERS[run.optimizer[start]]
            rules.append(_Rule(step, len(names), run.hyper[start], slice(start, k)))
            start = k
    return rules


class _Updates:
    """The optimizers' steps of a network or a stack, on its flat buffers of parameters and of gradients.

    Each rule updates its rows of the parameters with its rows of the gradients (used as scratch) and keeps
    its own state: step ``t`` of every rule is one call of ``self(t)``."""

    def __init__(self, run, parameters, gradients):
        self.rules = _rules(run, parameters.shape[0] if parameters.ndim == 2 else None)
        self.parameters = [parameters[rule.rows] for rule in self.rules]
        self.gradients = [gradients[rule.rows] for rule in self.rules]
        self.states = [[[np.zeros_like(rows)] for _ in range(rule.states)]
                       for rule, rows in zip(self.rules, self.parameters, strict=True)]
        self.set_learning_rate(run.learning_rate)

    def set_learning_rate(self, learning_rate):
        """The learning rate of every network from now on: a float, or an array (S, 1)."""
        self.learning_rates = [learning_rate if np.ndim(learning_rate) == 0 else learning_rate[rule.rows]
                               for rule in self.rules]

    def __call__(self, t):
        for rule, parameters, gradients, state, learning_rate in zip(
                self.rules, self.parameters, self.gradients, self.states, self.learning_rates, strict=True):
            rule.step([parameters], [gradients], state, learning_rate, t, rule.hyper)


@one_blas_thread
def _descent(X, Y, layers, run, keep_prob=1.0, rng=None, lambd=None, print_cost=False, fixed_masks=False,
             labels=None, statistics=None, momentum=BATCHNORM_MOMENTUM, diverged=None):
    """The training loop shared by ``model`` and ``model_batch`` (no argument checks).

    Updates the arrays of ``layers`` = [(W1, b1), ...] in place (the callers own them), with the
    optimizer's state kept here, and returns the costs recorded every ``run.cost_every`` epochs (or
    iterations). Dropout is on when ``rng`` is given (with ``fixed_masks``, its first masks serve
    every iteration); ``lambd`` None means no L2 term. Raises ``TrainingDiverged`` at the first step
    whose output logits are not finite; ``labels`` names the networks of a stack in that message
    (``model_batch`` passes "network 1 (seed 4)" and so on). ``statistics``, the running averages of
    the normalized layers (see ``network.running_statistics``), is updated in place after each forward pass.
    ``diverged``, a bool array with one entry per network of a stack, turns divergence into a mark instead of an
    error: a network whose outputs stop being finite is marked there (its arrays go on holding inf and nan), and
    the others train on exactly as they would alone.
    """
    m = X.shape[-1]
    output = output_layer(Y.shape[-2])
    arrays = [array for layer in layers for array in layer]  # W1, b1, W2, ...: the order of the gradients
    flat = _Flat.of(arrays)  # the network trains on views of one buffer; the results go back into ``arrays``
    gradient_buffer = np.empty_like(flat.buffer)  # the backward pass writes every gradient into it
    views, gradient_views = iter(flat.views), iter(_Flat.split(gradient_buffer, [array.shape for array in arrays]))
    layers, gradients = zip(*[(tuple(next(views) for _ in layer), tuple(next(gradient_views) for _ in layer))
                              for layer in layers], strict=True)
    update = _Updates(run, flat.buffer, gradient_buffer)
    work = Workspace() if _largest_activation(X, layers, run) >= WORKSPACE_ELEMENTS else None
    full_batch = [(X, Y)] if run.mini_batch_size is None else None
    shuffler = np.random.RandomState()
    decaying = any(decay is not None for decay in (run.decay if isinstance(run.decay, tuple) else (run.decay,)))
    learning_rate, t, costs, masks = run.learning_rate, 0, [], None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # overflow is caught below, clearly
        for epoch in range(run.num_epochs):
            record = epoch % run.cost_every == 0
            loss, penalty = 0.0, 0.0
            batches = full_batch or _batches(X, Y, run.mini_batch_size, run.shuffle_seed + 1 + epoch, shuffler)
            for k, (X_batch, Y_batch) in enumerate(batches):
                AL, cache = _forward(X_batch, layers, keep_prob, None if masks else rng, masks, work=work)
                if not np.isfinite(cache.ZL).all():
                    if diverged is None:
                        _diverged([cache.ZL], _where(run, epoch, k), learning_rate, lambd, labels, X, m)
                    diverged |= ~np.isfinite(cache.ZL).all(axis=(-2, -1))
                if fixed_masks and rng is not None:
                    masks = cache.masks
                if statistics is not None:
                    _update_statistics(statistics, cache.norms, momentum)
                share = X_batch.shape[-1] / m  # of the examples, and of the L2 term
                if record:
                    loss = loss + output.losses(cache.ZL, Y_batch).sum(axis=(-2, -1))
                    if lambd is not None:
                        penalty = penalty + share * _l2_penalty([layer[0] for layer in layers], lambd, m)
                _backward(Y_batch, cache, None if lambd is None else lambd * share, out=gradients, work=work)
                t += 1
                update(t)
            if record:
                costs.append(loss / m + penalty if lambd is not None else loss / m)
                if print_cost:
                    print(_cost_line(run, epoch, costs[-1]))
            if decaying:
                learning_rate = _decayed(run, epoch, labels)
                update.set_learning_rate(learning_rate)
                if print_cost and record:
                    print(f"learning rate after epoch {epoch}: {learning_rate:f}")
    for array, view in zip(arrays, flat.views, strict=True):
        array[...] = view
    if not np.isfinite(flat.buffer).all():  # the last update's result
        if diverged is None:
            _diverged(arrays, f"{run.unit} {run.num_epochs}", learning_rate, lambd, labels, X, m)
        diverged |= ~np.isfinite(flat.buffer).all(axis=-1)
    return costs


WORKSPACE_ELEMENTS = 2**14
"""From this many numbers in a step's largest activation array (128 KiB of float64, where the C library starts
handing out fresh pages from the system), the training loop writes each step into arrays it keeps (a
``Workspace``); below it, new temporaries are cheaper than looking up kept ones."""


def _largest_activation(X, layers, run):
    """The number of entries of the largest Z[l] of a step: networks x units x examples of a mini-batch."""
    networks = layers[0][0].shape[0] if layers[0][0].ndim == 3 else 1
    examples = min(run.mini_batch_size or X.shape[-1], X.shape[-1])
    return networks * max(layer[0].shape[-2] for layer in layers) * examples


def _update_statistics(statistics, norms, momentum):
    """Move each normalized layer's running (mean, var) towards the statistics of the mini-batch, in the list."""
    for i, norm in enumerate(norms):
        if norm is not None:
            statistics[i] = _averaged(statistics[i], norm, momentum)


def _cost_line(run, epoch, cost):
    """The course's printed line: the full cost after an iteration (week 1), six decimals after an epoch (week 2)."""
    return f"Cost after iteration {epoch}: {cost}" if run.unit == "iteration" else f"Cost after epoch {epoch}: {cost:f}"


def _decayed(run, epoch, labels=None):
    """The learning rate(s) after ``epoch``: each network's schedule applied to its initial rate, checked.

    A network without a schedule keeps its rate; a schedule is called once per distinct (schedule, initial
    rate, decay_rate) of the stack. An error names the call, and the networks of a stack by their ``labels``."""
    initial = np.asarray(run.learning_rate, dtype=float)
    count = initial.size
    keys = list(zip(run.decay if isinstance(run.decay, tuple) else (run.decay,) * count, initial.ravel().tolist(),
                    run.decay_rate if isinstance(run.decay_rate, tuple) else (run.decay_rate,) * count, strict=True))
    known = {}
    for key in keys:
        if key not in known:
            networks = None if labels is None else [label for label, other in zip(labels, keys, strict=True)
                                                    if other == key]
            known[key] = key[1] if key[0] is None else _scheduled(*key, epoch, networks)
    rates = np.array([known[key] for key in keys])
    return rates.reshape(initial.shape) if initial.ndim else float(rates[0])


def _scheduled(decay, learning_rate0, decay_rate, epoch, networks=None):
    """decay(learning_rate0, epoch, decay_rate), checked: a positive finite number (the call is named otherwise,
    and the ``networks`` of a stack that call it)."""
    value = decay(learning_rate0, epoch, decay_rate)
    call = f"{getattr(decay, '__name__', 'decay')}({learning_rate0!r}, {epoch}, {decay_rate!r})"
    which = "" if networks is None else f" (for {', '.join(networks)})"
    try:
        rate = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"decay must return a learning rate, a number: {call} returned {value!r}{which}") from None
    if not (np.isfinite(rate) and rate > 0):
        raise ValueError(f"decay must return a positive learning rate: {call} returned {value!r} after epoch "
                         f"{epoch}{which}")
    return rate


def _where(run, epoch, batch):
    """The step at which training diverged, in words: "iteration 12", or "epoch 3 (mini-batch 2)"."""
    return f"{run.unit} {epoch}" + (f" (mini-batch {batch + 1})" if run.mini_batch_size is not None else "")


LARGE_INPUT = 1e6
"""Inputs larger than this in size are unscaled features: their products overflow long before training can help."""


def _diverged(arrays, where, learning_rate, lambd=None, labels=None, X=None, m=None):
    """Raise ``TrainingDiverged`` for the networks whose arrays (..., n, k) hold a non-finite entry.

    The arrays are the logits during training, the parameters after the last update; the leading axes
    of a stack index its networks, named by ``labels``. The message names what made the steps too large:
    inputs X of an absurd size, an L2 strength so large that the penalty alone makes gradient descent diverge
    (learning_rate lambd / m > 2: each step multiplies the weights by 1 - learning_rate lambd / m), or else the
    learning rate and the initial weights.
    """
    finite = np.logical_and.reduce([np.isfinite(array).all(axis=(-2, -1)) for array in arrays])
    which = ""
    if labels is not None:
        which = " for " + ", ".join(label for label, ok in zip(labels, np.ravel(finite), strict=True) if not ok)
    rate = float(np.max(learning_rate))
    largest_input = float(np.max(np.abs(X))) if X is not None else 0.0
    decay = rate * float(np.max(lambd)) / m if lambd is not None and m else 0.0
    if largest_input > LARGE_INPUT:
        cause = (f"X is too large: its entries reach {largest_input:.1e}, and the products W X and dZ X^T of the "
                 f"first layer overflow. Rescale the features (to mean 0 and standard deviation 1, say)")
    elif decay > 2:
        cause = (f"lambd is too large (it is {_largest(lambd)}): "
                 f"learning_rate * lambd / m = {decay:.3g} > 2, so the L2 term alone multiplies the weights by "
                 f"1 - {decay:.3g} at every step and they grow without bound. Keep lambd below 2 m / learning_rate "
                 f"= {2 * m / rate:.3g}")
    else:
        smaller = f"a smaller learning_rate (it is {_largest(learning_rate)}), "
        if lambd is not None:
            smaller += f"a smaller lambd (it is {_largest(lambd)}), "
        cause = f"The steps are too large for this network: try {smaller}or smaller initial weights"
    raise TrainingDiverged(
        f"training diverged at {where}{which}: the network's outputs are no longer finite numbers "
        f"(the activations or the weights overflowed). {cause}.")


def _largest(values):
    """A setting in words: "0.1" for one network, "0.3 at most" for the largest of a stack's values."""
    return f"{float(np.max(values)):g}{' at most' if np.size(values) > 1 else ''}"


@one_blas_thread
def predict_probabilities(X, parameters):
    """The output probabilities A[L] of the trained network: no dropout, normalized layers in test mode.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    parameters : dict "W1", "b1", ..., "WL", "bL" (with batch normalization, its running averages)

    Returns
    -------
    AL : ndarray, shape (n_L, m), values in [0, 1]
        For one sigmoid output, the probability of class 1; for a softmax output, one probability per class
        (each column sums to 1).
    """
    X = check_X(X)
    parameters = check_parameters(parameters, n_x=X.shape[0])
    layers = parameter_list(parameters)
    AL, _ = _checked_forward(X, layers, statistics=_mode_statistics("test", parameters, layers, X.shape[1]))
    return AL


def predict(X, parameters):
    """The predicted class of each example (no dropout; batch norm in test mode).

    One sigmoid output: 1 where the probability A[L] > 0.5, else 0. A softmax output over C classes: the
    class of the largest probability, an index in 0..C-1 (the lowest one on a tie).

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    parameters : dict "W1", "b1", ..., "WL", "bL"

    Returns
    -------
    predictions : ndarray of int, shape (1, m)
    """
    AL = predict_probabilities(X, parameters)
    return output_layer(AL.shape[0]).predict(AL)


def accuracy(X, Y, parameters):
    """Fraction of examples whose predicted class is their label: mean(predict(X) == class of Y).

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m) with labels 0 or 1, or (C, m) one-hot for a softmax output of C units
    parameters : dict "W1", "b1", ...

    Returns
    -------
    accuracy : float in [0, 1]
    """
    AL = predict_probabilities(X, parameters)
    output = output_layer(AL.shape[0])
    Y = check_Y(Y, AL.shape[1], C=AL.shape[0], source="parameters")
    return float(np.mean(output.predict(AL) == output.classes(Y)))


def score(X, Y, parameters):
    """The accuracy of a network a study trained; nan when it diverged (None) or its outputs overflow on X.

    Studies count the settings at which networks train: a network that could not be trained scores nan, visibly
    not a number, rather than stopping the study."""
    if parameters is None:
        return np.nan
    try:
        return accuracy(X, Y, parameters)
    except ValueError:  # checked arguments: only an overflow of the forward pass is left
        return np.nan


def accuracies(X, Y, networks):
    """The accuracy of each trained network of a list (``model_batch``'s) on the same examples.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m) with labels 0 or 1, or (C, m) one-hot
    networks : sequence of parameter dicts; None for a network whose training diverged (``model_batch`` with
        ``if_diverged="nan"``)

    Returns
    -------
    ndarray of float, shape (len(networks),): ``accuracy(X, Y, networks[i])``, nan for a None
    """
    networks = check_sequence("networks", networks, "parameter dicts (or None)")
    return np.array([np.nan if parameters is None else accuracy(X, Y, parameters) for parameters in networks])
