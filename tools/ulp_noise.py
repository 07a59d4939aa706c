"""Another machine, simulated: every matrix product of ``utils`` comes out a few units in the last place off.

Two BLAS kernels (or two CPUs, or two numpy builds) sum the terms of a matrix product in a different
order, so their results differ in the last bits. A stable computation shrugs that off; a chaotic one
(an unstable learning rate, a dying ReLU, a fixed dropout mask) turns it into a different accuracy.
With this module enabled, every ``linear_forward`` and ``linear_backward`` of ``utils`` (the matrix
products of training, prediction and gradient checking) multiplies its results by 1 + r, r uniform in
[-scale, scale], drawn afresh at every call. Whatever a notebook prints that survives this, at the
digits it prints, does not depend on the machine's rounding.

It is a developer's tool (``tools/perturbation_check.py`` drives it); nothing in ``utils`` knows about it.
Enabled by the environment: ULP_NOISE_SEED (an int) and ULP_NOISE_SCALE (default 1e-15, about 4.5 units
in the last place, what reordering a short sum produces; a larger scale, 1e-12 say, asks for margin: a
training run that survives it is far from chaotic).
"""

import os

import numpy as np

import utils.layers as layers

_exact = {"forward": layers.linear_forward.unchecked, "backward": layers.linear_backward.unchecked}
_noise = {}


def _jitter(array):
    if array is None:
        return None
    return array * (1.0 + _noise["scale"] * _noise["rng"].uniform(-1.0, 1.0, np.shape(array)))


def _linear_forward(A_prev, W, b):
    Z, cache = _exact["forward"](A_prev, W, b)
    return _jitter(Z), cache


def _linear_backward(dZ, cache, input_grad=True):
    return tuple(_jitter(gradient) for gradient in _exact["backward"](dZ, cache, input_grad))


def enable(seed, scale=1e-15):
    """Perturb every matrix product from now on, with noise drawn from ``default_rng(seed)``."""
    _noise.update(rng=np.random.default_rng(seed), scale=float(scale))
    layers.linear_forward.unchecked = _linear_forward
    layers.linear_backward.unchecked = _linear_backward


def disable():
    """Exact matrix products again."""
    layers.linear_forward.unchecked = _exact["forward"]
    layers.linear_backward.unchecked = _exact["backward"]


def enable_from_environment():
    """``enable`` with ULP_NOISE_SEED and ULP_NOISE_SCALE, when ULP_NOISE_SEED is set."""
    if os.environ.get("ULP_NOISE_SEED"):
        enable(int(os.environ["ULP_NOISE_SEED"]), float(os.environ.get("ULP_NOISE_SCALE", "1e-15")))

