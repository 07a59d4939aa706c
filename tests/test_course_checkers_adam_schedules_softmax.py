"""The course-signature checkers of weeks 2 and 3: mistakes planted the way learners write them are named.

``utils.exercises.check`` checks a function written for the course's own notebook, with the course's own
signature, and names the classic mistake it made. The implementations below were written from the course's
skeletons and the mistakes' descriptions only, independently of the checkers' own faulty versions: Adam,
update_lr and schedule_lr_decay as the "Optimization methods" notebook asks for them, and the week 3
TensorFlow functions (softmax, compute_cost, compute_total_loss, one_hot_matrix) and batch normalization
written in NumPy, with the (C, m) layout of the course.

For every function: each named mistake, planted alone, gets its name; at least two correct implementations in
different styles pass; a small change that is none of the named mistakes gets "wrong values". Two tests show
where the checker does better than the course's grader: an Adam with t fixed at 2, and a schedule with
round(), both pass the course's own public tests.
"""

import math

import numpy as np
import pytest
from scipy.special import logsumexp

from tests import course_public_tests as course
from utils.exercises import COURSE_MISTAKES, check

MISTAKES = {
    "update_parameters_with_adam": [
        "s instead of s_corrected in the update", "v instead of v_corrected in the update",
        "epsilon inside the square root", "no square root", "beta1 in the update of s", "beta1 in the correction of s",
        "(1 - beta) ** t instead of 1 - beta ** t", "t + 1 in the corrections", "2 in place of t in the corrections",
        "the corrected averages written back into v and s", "v and s returned in the wrong order"],
    "update_lr": ["the order of operations", "multiplying instead of dividing",
                  "exponential decay, decay_rate ** epoch_num", "exp(-decay_rate * epoch_num)"],
    "schedule_lr_decay": ["decaying every epoch", "no floor", "multiplying instead of dividing",
                          "round() instead of the floor", "the ceiling instead of the floor",
                          "the floor of decay_rate * epoch_num / time_interval"],
    "softmax": ["no max subtraction, so large logits overflow", "normalizing over the wrong axis",
                "the largest logit of the whole array subtracted, not each column's",
                "the shifted exponentials divided by the sum of the unshifted ones"],
    "compute_cost": ["the sum over classes without the mean over examples", "log of a probability that can be 0",
                     "the mean over all C x m entries", "the sigmoid's cross-entropy, entry by entry"],
    "compute_total_loss": ["the mean over the examples instead of the sum", "log of a probability that can be 0",
                           "the sigmoid's cross-entropy, entry by entry", "logits and labels swapped"],
    "one_hot_matrix": ["a transposed one-hot", "labels off by one", "C taken from the labels, not the argument"],
    "batchnorm_forward": ["statistics over the units instead of the examples", "the unbiased variance",
                          "epsilon missing", "epsilon outside the square root", "gamma and beta swapped"],
}
"""The mistakes each checker must name, as the specification words them."""


# ============================================================================= week 2: Optimization methods
#
# The course's skeleton: L = len(parameters) // 2, a loop over the layers, the lines for W and b written the
# same way (here a loop over "W" and "b"), v and s updated in place, v_corrected and s_corrected new dicts.


def adam(mistake=None, returns=5):
    """update_parameters_with_adam filled into the course's skeleton, with at most one mistake.

    ``returns`` is 5 (parameters, v, s, v_corrected, s_corrected: the newer course) or 3 (parameters, v, s).
    """
    def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                    epsilon=1e-8):
        L = len(parameters) // 2
        v_corrected = {}
        s_corrected = {}
        for l in range(1, L + 1):
            for p in ("W", "b"):
                d = "d" + p + str(l)
                # Moving average of the gradients.
                v[d] = beta1 * v[d] + (1 - beta1) * grads[d]
                # Moving average of the squared gradients.
                if mistake == "beta1 in s":  # the line above, copied, with only the square added
                    s[d] = beta1 * s[d] + (1 - beta1) * np.power(grads[d], 2)
                else:
                    s[d] = beta2 * s[d] + (1 - beta2) * np.power(grads[d], 2)
                # Bias-corrected estimates.
                if mistake == "t is 2":  # the course's tests run at t = 2
                    v_corrected[d] = v[d] / (1 - beta1 ** 2)
                    s_corrected[d] = s[d] / (1 - beta2 ** 2)
                elif mistake == "t + 1":
                    v_corrected[d] = v[d] / (1 - beta1 ** (t + 1))
                    s_corrected[d] = s[d] / (1 - beta2 ** (t + 1))
                elif mistake == "power of 1 - beta":
                    v_corrected[d] = v[d] / np.power(1 - beta1, t)
                    s_corrected[d] = s[d] / np.power(1 - beta2, t)
                elif mistake == "beta1 in the correction of s":
                    v_corrected[d] = v[d] / (1 - np.power(beta1, t))
                    s_corrected[d] = s[d] / (1 - np.power(beta1, t))
                elif mistake == "corrected in place":
                    v[d] = v[d] / (1 - beta1 ** t)
                    s[d] = s[d] / (1 - beta2 ** t)
                    v_corrected[d] = v[d]
                    s_corrected[d] = s[d]
                else:
                    v_corrected[d] = v[d] / (1 - np.power(beta1, t))
                    s_corrected[d] = s[d] / (1 - np.power(beta2, t))
                # The step.
                if mistake == "s in the step":
                    step = v_corrected[d] / (np.sqrt(s[d]) + epsilon)
                elif mistake == "v in the step":
                    step = v[d] / (np.sqrt(s_corrected[d]) + epsilon)
                elif mistake == "epsilon inside":
                    step = v_corrected[d] / np.sqrt(s_corrected[d] + epsilon)
                elif mistake == "no sqrt":
                    step = v_corrected[d] / (s_corrected[d] + epsilon)
                else:
                    step = v_corrected[d] / (np.sqrt(s_corrected[d]) + epsilon)
                if mistake == "b without the learning rate" and p == "b":
                    parameters[p + str(l)] = parameters[p + str(l)] - step
                else:
                    parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * step
        if mistake == "s, v":  # only the two averages swapped
            return (parameters, s, v, v_corrected, s_corrected) if returns == 5 else (parameters, s, v)
        if mistake == "s first, corrected too":
            return parameters, s, v, s_corrected, v_corrected
        return (parameters, v, s, v_corrected, s_corrected) if returns == 5 else (parameters, v, s)
    return update_parameters_with_adam


def adam_by_key(returns):
    """Adam over the keys of ``parameters``, into new dictionaries: another style, the arguments left untouched."""
    def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                    epsilon=1e-8):
        new_parameters, new_v, new_s, v_hat, s_hat = {}, {}, {}, {}, {}
        for name, value in parameters.items():
            g = grads["d" + name]
            new_v["d" + name] = beta1 * v["d" + name] + (1 - beta1) * g
            new_s["d" + name] = beta2 * s["d" + name] + (1 - beta2) * np.square(g)
            v_hat["d" + name] = new_v["d" + name] / (1 - beta1 ** t)
            s_hat["d" + name] = new_s["d" + name] / (1 - beta2 ** t)
            new_parameters[name] = value - learning_rate * v_hat["d" + name] / (np.sqrt(s_hat["d" + name]) + epsilon)
        if returns == 5:
            return new_parameters, new_v, new_s, v_hat, s_hat
        return new_parameters, new_v, new_s
    return update_parameters_with_adam


def update_lr(mistake=None):
    """update_lr as the notebook asks for it: learning_rate0 / (1 + decay_rate * epoch_num)."""
    def update_lr(learning_rate0, epoch_num, decay_rate):
        if mistake == "order":
            learning_rate = learning_rate0 / 1 + decay_rate * epoch_num
        elif mistake == "multiply":
            learning_rate = learning_rate0 * (1 + decay_rate * epoch_num)
        elif mistake == "exponential":
            learning_rate = decay_rate ** epoch_num * learning_rate0
        elif mistake == "exp":
            learning_rate = learning_rate0 * np.exp(-decay_rate * epoch_num)
        elif mistake == "counted from 1":
            learning_rate = learning_rate0 / (1 + decay_rate * (epoch_num + 1))
        else:
            learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)
        return learning_rate
    return update_lr


def update_lr_times_fraction(learning_rate0, epoch_num, decay_rate):
    """The notebook's formula as the lecture writes it, 1 / (1 + decay_rate * epoch_num) * alpha0."""
    return 1 / (1 + decay_rate * epoch_num) * learning_rate0


def schedule(mistake=None):
    """schedule_lr_decay: learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))."""
    def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
        if mistake == "every epoch":
            learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)
        elif mistake == "no floor":
            learning_rate = learning_rate0 / (1 + decay_rate * epoch_num / time_interval)
        elif mistake == "multiply":
            learning_rate = learning_rate0 * (1 + decay_rate * np.floor(epoch_num / time_interval))
        elif mistake == "round":
            learning_rate = learning_rate0 / (1 + decay_rate * round(epoch_num / time_interval))
        elif mistake == "ceil":
            learning_rate = learning_rate0 / (1 + decay_rate * np.ceil(epoch_num / time_interval))
        elif mistake == "floor of everything":
            learning_rate = learning_rate0 / (1 + np.floor(decay_rate * epoch_num / time_interval))
        elif mistake == "interval hard-coded":
            learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num / 1000))
        else:
            learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))
        return learning_rate
    return schedule_lr_decay


def schedule_integer_division(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Whole intervals counted with //, the rate as the lecture's fraction times alpha0."""
    return 1 / (1 + decay_rate * (epoch_num // time_interval)) * learning_rate0


def schedule_math_floor(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Whole intervals counted with math.floor."""
    intervals = math.floor(epoch_num / time_interval)
    return learning_rate0 / (1 + decay_rate * intervals)


# ============================================================================= week 3, in NumPy: (C, m) arrays


def softmax(mistake=None):
    """softmax(Z) column by column, each column one example's C logits."""
    def softmax(Z):
        if mistake == "no max":
            t = np.exp(Z)
            return t / np.sum(t, axis=0, keepdims=True)
        if mistake == "global max":
            t = np.exp(Z - np.max(Z))
            return t / np.sum(t, axis=0, keepdims=True)
        if mistake == "axis 1":
            t = np.exp(Z - np.max(Z, axis=0, keepdims=True))
            return t / np.sum(t, axis=1, keepdims=True)
        if mistake == "unshifted sum":
            return np.exp(Z - np.max(Z, axis=0, keepdims=True)) / np.sum(np.exp(Z), axis=0, keepdims=True)
        t = np.exp(Z - np.max(Z, axis=0, keepdims=True))
        if mistake == "epsilon in the sum":
            return t / (np.sum(t, axis=0, keepdims=True) + 1e-3)
        return t / np.sum(t, axis=0, keepdims=True)
    return softmax


def softmax_logsumexp(Z):
    """exp(Z - logsumexp(Z)), with scipy's logsumexp over the classes."""
    return np.exp(Z - logsumexp(Z, axis=0, keepdims=True))


def softmax_loop(Z):
    """One column at a time."""
    A = np.zeros(Z.shape)
    for j in range(Z.shape[1]):
        e = np.exp(Z[:, j] - Z[:, j].max())
        A[:, j] = e / e.sum()
    return A


def log_softmax(Z):
    """log softmax of each column from the logits: Z - max - log(sum(exp(Z - max)))."""
    shifted = Z - np.max(Z, axis=0, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))


def sigmoid_cross_entropy_with_logits(logits, labels):
    """What tf.nn.sigmoid_cross_entropy_with_logits computes, entry by entry, without overflow."""
    return np.maximum(logits, 0) - logits * labels + np.log1p(np.exp(-np.abs(logits)))


def categorical_crossentropy(y_true, y_pred):
    """Keras' categorical_crossentropy(y_true, y_pred, from_logits=True) in NumPy, (C, m): one loss per column."""
    return -np.sum(y_true * log_softmax(y_pred), axis=0)


def cost(mistake=None):
    """compute_cost(ZL, Y): the mean over the m examples of the categorical cross-entropy, from the logits."""
    def compute_cost(ZL, Y):
        m = ZL.shape[1]
        if mistake == "log of A":
            A = softmax()(ZL)
            return -np.sum(Y * np.log(A)) / m
        if mistake == "log of A + epsilon":
            A = softmax()(ZL)
            return -np.sum(Y * np.log(A + 1e-8)) / m
        if mistake == "sigmoid":
            return np.sum(sigmoid_cross_entropy_with_logits(ZL, Y)) / m
        if mistake == "no mean":
            return -np.sum(Y * log_softmax(ZL))
        if mistake == "mean of everything":
            return -np.mean(Y * log_softmax(ZL))
        if mistake == "label smoothing":
            C = ZL.shape[0]
            return -np.sum((0.9 * Y + 0.1 / C) * log_softmax(ZL)) / m
        return -np.sum(Y * log_softmax(ZL)) / m
    return compute_cost


def cost_loop(ZL, Y):
    """One example at a time: log sum exp of its logits minus its true class's logit."""
    m = ZL.shape[1]
    total = 0.0
    for j in range(m):
        z = ZL[:, j]
        k = np.argmax(Y[:, j])
        total += z.max() + np.log(np.sum(np.exp(z - z.max()))) - z[k]
    return total / m


def cost_scipy(ZL, Y):
    """The mean of the per-example losses with scipy's logsumexp."""
    losses = logsumexp(ZL, axis=0) - np.sum(Y * ZL, axis=0)
    return np.mean(losses)


def total_loss(mistake=None):
    """compute_total_loss(logits, labels): the SUM over the m examples of the categorical cross-entropy."""
    def compute_total_loss(logits, labels):
        if mistake == "mean":
            return np.mean(categorical_crossentropy(labels, logits))
        if mistake == "log of A":
            A = softmax()(logits)
            return -np.sum(labels * np.log(A))
        if mistake == "sigmoid":
            return np.sum(sigmoid_cross_entropy_with_logits(logits, labels))
        if mistake == "swapped":  # keras' argument order is (y_true, y_pred)
            return np.sum(categorical_crossentropy(logits, labels))
        if mistake == "swapped in the formula":
            return np.sum(logsumexp(labels, axis=0) - np.sum(logits * labels, axis=0))
        if mistake == "log of A + epsilon":
            A = softmax()(logits)
            return -np.sum(labels * np.log(A + 1e-8))
        if mistake == "label smoothing":
            C = logits.shape[0]
            return np.sum(categorical_crossentropy(0.9 * labels + 0.1 / C, logits))
        return np.sum(categorical_crossentropy(labels, logits))
    return compute_total_loss


def total_loss_scipy(logits, labels):
    """log sum_k exp(logits[k]) - sum_k labels[k] logits[k], added up over the examples."""
    return float(np.sum(logsumexp(logits, axis=0) - np.sum(labels * logits, axis=0)))


def total_loss_loop(logits, labels):
    """One example at a time, with the log softmax of its column."""
    total = 0
    for j in range(logits.shape[1]):
        total += -np.dot(labels[:, j], log_softmax(logits[:, [j]])[:, 0])
    return total


def one_hot(mistake=None):
    """one_hot_matrix(labels, C): a (C, m) matrix, column j holding a 1 in row labels[j]."""
    def one_hot_matrix(labels, C):
        m = labels.shape[0]
        if mistake == "transposed":
            return np.eye(C)[labels]
        if mistake == "C from the labels":
            return np.eye(np.max(labels) + 1)[:, labels]
        Y = np.zeros((C, m))
        if mistake == "off by one":
            Y[labels - 1, np.arange(m)] = 1
        else:
            Y[labels, np.arange(m)] = 1
        if mistake == "label smoothing":
            Y = 0.9 * Y + 0.1 / C
        return Y
    return one_hot_matrix


def one_hot_eye(labels, C):
    """The columns of the identity matrix, picked by the labels."""
    return np.eye(C)[:, labels]


def one_hot_loop(labels, C):
    """A loop over the examples."""
    Y = np.zeros((C, len(labels)))
    for j, label in enumerate(labels):
        Y[label, j] = 1.0
    return Y


def batchnorm(mistake=None):
    """batchnorm_forward in train mode: each unit (row) normalized over the m examples of the batch."""
    def batchnorm_forward(Z, gamma, beta, epsilon):
        m = Z.shape[1]
        axis = 0 if mistake == "axis 0" else 1
        mu = np.mean(Z, axis=axis, keepdims=True)
        if mistake == "m - 1":
            var = np.sum((Z - mu) ** 2, axis=1, keepdims=True) / (m - 1)
        else:
            var = np.var(Z, axis=axis, keepdims=True)
        if mistake == "no epsilon":
            Z_norm = (Z - mu) / np.sqrt(var)
        elif mistake == "epsilon outside":
            Z_norm = (Z - mu) / (np.sqrt(var) + epsilon)
        else:
            Z_norm = (Z - mu) / np.sqrt(var + epsilon)
        if mistake == "swapped":
            return beta * Z_norm + gamma
        if mistake == "minus beta":
            return gamma * Z_norm - beta
        return gamma * Z_norm + beta
    return batchnorm_forward


def batchnorm_lecture(Z, gamma, beta, epsilon):
    """The lecture's formulas, written out: mu = 1/m sum z, sigma^2 = 1/m sum (z - mu)^2."""
    m = Z.shape[1]
    mu = 1 / m * np.sum(Z, axis=1, keepdims=True)
    sigma2 = 1 / m * np.sum(np.square(Z - mu), axis=1, keepdims=True)
    Z_norm = (Z - mu) / np.sqrt(sigma2 + epsilon)
    Z_tilde = np.multiply(gamma, Z_norm) + beta
    return Z_tilde


# ============================================================================= the cases

PLANTED = [
    ("update_parameters_with_adam", adam("s in the step"), "s instead of s_corrected in the update"),
    ("update_parameters_with_adam", adam("v in the step"), "v instead of v_corrected in the update"),
    ("update_parameters_with_adam", adam("epsilon inside"), "epsilon inside the square root"),
    ("update_parameters_with_adam", adam("no sqrt"), "no square root"),
    ("update_parameters_with_adam", adam("beta1 in s"), "beta1 in the update of s"),
    ("update_parameters_with_adam", adam("beta1 in the correction of s"), "beta1 in the correction of s"),
    ("update_parameters_with_adam", adam("power of 1 - beta"), "(1 - beta) ** t instead of 1 - beta ** t"),
    ("update_parameters_with_adam", adam("t + 1"), "t + 1 in the corrections"),
    ("update_parameters_with_adam", adam("t is 2"), "2 in place of t in the corrections"),
    ("update_parameters_with_adam", adam("t is 2", returns=3), "2 in place of t in the corrections"),
    ("update_parameters_with_adam", adam("corrected in place"), "the corrected averages written back into v and s"),
    ("update_parameters_with_adam", adam("corrected in place", returns=3),
     "the corrected averages written back into v and s"),
    ("update_parameters_with_adam", adam("s, v"), "v and s returned in the wrong order"),
    ("update_parameters_with_adam", adam("s, v", returns=3), "v and s returned in the wrong order"),
    ("update_parameters_with_adam", adam("s first, corrected too"), "v and s returned in the wrong order"),
    ("update_lr", update_lr("order"), "the order of operations"),
    ("update_lr", update_lr("multiply"), "multiplying instead of dividing"),
    ("update_lr", update_lr("exponential"), "exponential decay, decay_rate ** epoch_num"),
    ("update_lr", update_lr("exp"), "exp(-decay_rate * epoch_num)"),
    ("schedule_lr_decay", schedule("every epoch"), "decaying every epoch"),
    ("schedule_lr_decay", schedule("no floor"), "no floor"),
    ("schedule_lr_decay", schedule("multiply"), "multiplying instead of dividing"),
    ("schedule_lr_decay", schedule("round"), "round() instead of the floor"),
    ("schedule_lr_decay", schedule("ceil"), "the ceiling instead of the floor"),
    ("schedule_lr_decay", schedule("floor of everything"), "the floor of decay_rate * epoch_num / time_interval"),
    ("softmax", softmax("no max"), "no max subtraction, so large logits overflow"),
    ("softmax", softmax("axis 1"), "normalizing over the wrong axis"),
    ("softmax", softmax("global max"), "the largest logit of the whole array subtracted, not each column's"),
    ("softmax", softmax("unshifted sum"), "the shifted exponentials divided by the sum of the unshifted ones"),
    ("compute_cost", cost("no mean"), "the sum over classes without the mean over examples"),
    ("compute_cost", cost("log of A"), "log of a probability that can be 0"),
    ("compute_cost", cost("log of A + epsilon"), "log of a probability that can be 0"),
    ("compute_cost", cost("mean of everything"), "the mean over all C x m entries"),
    ("compute_cost", cost("sigmoid"), "the sigmoid's cross-entropy, entry by entry"),
    ("compute_total_loss", total_loss("mean"), "the mean over the examples instead of the sum"),
    ("compute_total_loss", total_loss("log of A"), "log of a probability that can be 0"),
    ("compute_total_loss", total_loss("log of A + epsilon"), "log of a probability that can be 0"),
    ("compute_total_loss", total_loss("sigmoid"), "the sigmoid's cross-entropy, entry by entry"),
    ("compute_total_loss", total_loss("swapped"), "logits and labels swapped"),
    ("compute_total_loss", total_loss("swapped in the formula"), "logits and labels swapped"),
    ("one_hot_matrix", one_hot("transposed"), "a transposed one-hot"),
    ("one_hot_matrix", one_hot("off by one"), "labels off by one"),
    ("one_hot_matrix", one_hot("C from the labels"), "C taken from the labels, not the argument"),
    ("batchnorm_forward", batchnorm("axis 0"), "statistics over the units instead of the examples"),
    ("batchnorm_forward", batchnorm("m - 1"), "the unbiased variance"),
    ("batchnorm_forward", batchnorm("no epsilon"), "epsilon missing"),
    ("batchnorm_forward", batchnorm("epsilon outside"), "epsilon outside the square root"),
    ("batchnorm_forward", batchnorm("swapped"), "gamma and beta swapped"),
]
"""(the course's name of the function, a learner's implementation with one mistake, the mistake's name)."""

CORRECT = [
    ("update_parameters_with_adam", adam(returns=5), "course skeleton, 5 values"),
    ("update_parameters_with_adam", adam(returns=3), "course skeleton, 3 values"),
    ("update_parameters_with_adam", adam_by_key(returns=3), "by key, new dicts, 3 values"),
    ("update_parameters_with_adam", adam_by_key(returns=5), "by key, new dicts, 5 values"),
    ("update_lr", update_lr(), "division"),
    ("update_lr", update_lr_times_fraction, "fraction times alpha0"),
    ("schedule_lr_decay", schedule(), "np.floor"),
    ("schedule_lr_decay", schedule_integer_division, "integer division"),
    ("schedule_lr_decay", schedule_math_floor, "math.floor"),
    ("softmax", softmax(), "max subtracted"),
    ("softmax", softmax_logsumexp, "scipy logsumexp"),
    ("softmax", softmax_loop, "column loop"),
    ("compute_cost", cost(), "log softmax"),
    ("compute_cost", cost_loop, "example loop"),
    ("compute_cost", cost_scipy, "scipy logsumexp"),
    ("compute_total_loss", total_loss(), "keras-style helper"),
    ("compute_total_loss", total_loss_scipy, "scipy logsumexp"),
    ("compute_total_loss", total_loss_loop, "example loop"),
    ("one_hot_matrix", one_hot(), "fancy indexing"),
    ("one_hot_matrix", one_hot_eye, "identity columns"),
    ("one_hot_matrix", one_hot_loop, "loop"),
    ("batchnorm_forward", batchnorm(), "np.mean and np.var"),
    ("batchnorm_forward", batchnorm_lecture, "the lecture's sums"),
]
"""(the course's name of the function, a correct implementation, its style)."""

PERTURBED = [
    ("update_parameters_with_adam", adam("b without the learning rate"), "b stepped without the learning rate"),
    ("update_lr", update_lr("counted from 1"), "epoch_num + 1"),
    ("schedule_lr_decay", schedule("interval hard-coded"), "time_interval hard-coded to 1000"),
    ("softmax", softmax("epsilon in the sum"), "1e-3 added to the sum"),
    ("compute_cost", cost("label smoothing"), "labels smoothed by 0.1"),
    ("compute_total_loss", total_loss("label smoothing"), "labels smoothed by 0.1"),
    ("one_hot_matrix", one_hot("label smoothing"), "labels smoothed by 0.1"),
    ("batchnorm_forward", batchnorm("minus beta"), "gamma * Z_norm - beta"),
]
"""(the course's name of the function, a correct implementation with a small change none of the mistakes)."""


def test_the_planted_mistakes_are_every_mistake_of_the_specification_and_of_the_checker():
    assert {name: COURSE_MISTAKES[name] for name in MISTAKES} == MISTAKES
    planted = {(name, mistake) for name, _, mistake in PLANTED}
    assert planted == {(name, mistake) for name, mistakes in MISTAKES.items() for mistake in mistakes}


def test_every_function_has_two_correct_implementations_and_a_perturbed_one():
    for name in MISTAKES:
        assert sum(entry[0] == name for entry in CORRECT) >= 2
        assert sum(entry[0] == name for entry in PERTURBED) == 1


@pytest.mark.parametrize(("name", "function", "mistake"),
                         [pytest.param(*entry, id=f"{i}-{entry[0]}-{entry[2]}") for i, entry in enumerate(PLANTED)])
def test_a_planted_mistake_is_named(name, function, mistake):
    report = check(function, name)
    assert not report.passed, str(report)
    assert report.verdict == mistake, str(report)
    assert str(report).startswith(f"{report.exercise}: mistake: {mistake}."), str(report)


@pytest.mark.parametrize(("name", "function"),
                         [pytest.param(name, function, id=f"{name}-{style}") for name, function, style in CORRECT])
def test_a_correct_implementation_passes(name, function):
    report = check(function, name)
    assert report.passed, str(report)
    assert report.verdict == "correct", str(report)
    assert str(report).startswith(f"{report.exercise}: correct: "), str(report)


@pytest.mark.parametrize(("name", "function"),
                         [pytest.param(name, function, id=f"{name}-{change}") for name, function, change in PERTURBED])
def test_a_small_unnamed_change_gets_wrong_values(name, function):
    report = check(function, name)
    assert not report.passed, str(report)
    assert report.verdict == "wrong values", str(report)


def test_the_checker_finds_its_function_by_name():
    """Without a name, check() takes the function's own: the factories' inner functions bear the course's names."""
    assert check(adam()).passed and check(schedule()).passed and check(softmax()).passed
    assert check(adam("t is 2")).verdict == "2 in place of t in the corrections"


# ============================================================================= where the course's grader is blind


def test_adam_with_t_fixed_at_2_passes_the_course_newest_test_yet_is_named():
    """The course tests Adam at t = 2 only: 1 - beta ** 2 there is 1 - beta ** t, to the last bit."""
    case = course.adam_rp_2024()
    inputs, expected = case["inputs"], case["expected"]
    parameters, v, s, v_corrected, s_corrected = adam("t is 2")(**inputs)
    c1, c2 = 1 / (1 - inputs["beta1"] ** inputs["t"]), 1 / (1 - inputs["beta2"] ** inputs["t"])
    rows = expected["first_rows"]
    for state, table, scale in ((v, rows["v"], 1), (s, rows["s"], 1), (parameters, rows["parameters"], 1),
                                (v_corrected, rows["v"], c1), (s_corrected, rows["s"], c2)):
        for key, first_row in table.items():
            assert np.allclose(state[key][0], first_row * scale)  # the course's own comparison
            np.testing.assert_allclose(state[key][0], first_row * scale, rtol=0, atol=course.EIGHT_DECIMALS * scale)
    for key, value in expected["parameters"].items():
        np.testing.assert_allclose(parameters[key], value, rtol=0, atol=course.EIGHT_DECIMALS)
    # The same step as the correct implementation's at t = 2, bit for bit.
    reference = adam()(**course.adam_rp_2024()["inputs"])
    for mine, theirs in zip((parameters, v, s, v_corrected, s_corrected), reference, strict=True):
        assert all(np.array_equal(mine[key], theirs[key]) for key in theirs)
    report = check(adam("t is 2"))
    assert not report.passed and report.verdict == "2 in place of t in the corrections", str(report)


@pytest.mark.parametrize("case", [pytest.param(function, id=version)
                                  for version, function in course.SCHEDULE_LR_DECAY.items()])
def test_a_schedule_with_round_passes_every_course_test_yet_is_named(case):
    """Every course case has epoch_num / time_interval whole or below 1/2, where round() and the floor agree."""
    case = case()
    with_round = schedule("round")
    for arguments, expected in case["cases"]:
        learning_rate = with_round(*arguments)
        if case["compare"] == "exact":
            assert learning_rate == expected
        else:
            assert np.isclose(learning_rate, expected)
    report = check(with_round)
    assert not report.passed and report.verdict == "round() instead of the floor", str(report)
