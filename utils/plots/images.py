"""Images: a grid of small pictures, the confusion matrix of a classifier, and the examples it got wrong."""

import math

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import ConfusionMatrixDisplay

from .._validation import _describe, check_count, check_real, check_X, check_Y
from ..output import class_indices


def _check_shape(shape, pixels):
    """An image shape (height, width) whose pixels are the rows of X."""
    if not (isinstance(shape, tuple) and len(shape) == 2
            and all(isinstance(n, int | np.integer) and not isinstance(n, bool) and n > 0 for n in shape)):
        raise TypeError(f"shape must be a tuple (height, width) of two positive ints, got {_describe(shape)}")
    if shape[0] * shape[1] != pixels:
        raise ValueError(f"shape {shape} holds {shape[0] * shape[1]} pixels, but X has {pixels} rows (pixels)")
    return shape


def _classes_of(name, labels, m, against="X"):
    """Class indices (m,) from one-hot labels (C, m) or class indices (1, m), for the m examples of ``against``."""
    array = np.asarray(labels)
    if array.ndim == 2 and array.shape[0] == 1 and array.shape[1] == m and np.issubdtype(array.dtype, np.integer):
        if (array < 0).any():
            raise ValueError(f"{name} must hold class indices >= 0, found {array.min()}")
        return array[0]
    Y = check_Y(labels, m, name=name, against=against)
    return class_indices(Y)


def plot_images(X, titles, shape=(8, 8), ncols=10, title=None, panel_size=1.0):
    """Images side by side, one per column of X, each under its own title, in rows of ``ncols``.

    Parameters
    ----------
    X : ndarray, shape (height * width, k): one flattened image per column (row-major), k <= 100
    titles : sequence of k str, one per image (its label, or "predicted (true)")
    shape : tuple (height, width)
    ncols : int >= 1, images per row
    title : str, optional, above all images
    panel_size : float, inches per image

    Returns
    -------
    fig : matplotlib Figure
    """
    X = check_X(X)
    shape = _check_shape(shape, X.shape[0])
    k = X.shape[1]
    if k > 100:
        raise ValueError(f"X must hold at most 100 images (columns) to be drawn legibly, got {k}")
    if isinstance(titles, str) or not hasattr(titles, "__len__") or len(titles) != k:
        raise ValueError(f"titles must be a sequence of {k} strings, one per image, got {_describe(titles)}")
    ncols = min(check_count("ncols", ncols, minimum=1), k)
    panel_size = check_real("panel_size", panel_size)
    if not 0.5 <= panel_size <= 5:
        raise ValueError(f"panel_size must be between 0.5 and 5 inches, got {panel_size:g}")
    nrows = math.ceil(k / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel_size * ncols, (panel_size + 0.25) * nrows + 0.4),
                             squeeze=False, layout="constrained")
    low, high = X.min(), X.max()
    for j, ax in enumerate(axes.flat):
        if j >= k:
            ax.set_visible(False)
            continue
        ax.imshow(X[:, j].reshape(shape), cmap="gray_r", vmin=low, vmax=high)
        ax.set_title(str(titles[j]), fontsize=9.5)
        ax.xaxis.set_visible(False)
        ax.yaxis.set_visible(False)
        for spine in ax.spines.values():
            spine.set_visible(False)
    if title:
        fig.suptitle(title)
    return fig


def plot_confusion_matrix(Y, predictions, ax=None, title="Confusion matrix"):
    """How often each class (row) was predicted as each class (column): scikit-learn's ``ConfusionMatrixDisplay``.

    Parameters
    ----------
    Y : ndarray, the true labels: one-hot (C, m), or 0/1 labels (1, m)
    predictions : ndarray of int, shape (1, m), the predicted classes (``utils.predict``)
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    m = np.shape(predictions)[-1] if np.ndim(predictions) == 2 else None
    if m is None:
        raise ValueError(f"predictions must have shape (1, m), as utils.predict returns, got {_describe(predictions)}")
    predicted = _classes_of("predictions", predictions, m)
    true = _classes_of("Y", Y, m, against="predictions")
    classes = np.arange(max(true.max(), predicted.max()) + 1)
    if ax is None:
        _, ax = plt.subplots(figsize=(5.2, 4.6), layout="constrained")
    display = ConfusionMatrixDisplay.from_predictions(true, predicted, labels=classes, ax=ax, cmap="Blues",
                                                      colorbar=True)
    display.im_.colorbar.set_label("examples")
    ax.set(title=title, xlabel="predicted class", ylabel="true class")
    ax.grid(False)
    return ax


def plot_misclassified(X, Y, predictions, shape=(8, 8), ncols=10, max_images=20, title=None):
    """The examples whose predicted class is not their true one, each titled "predicted (true)".

    Parameters
    ----------
    X : ndarray, shape (height * width, m), one flattened image per column
    Y : ndarray, the true labels: one-hot (C, m), or 0/1 labels (1, m)
    predictions : ndarray of int, shape (1, m) (``utils.predict``)
    shape : tuple (height, width)
    ncols : int >= 1, images per row
    max_images : int >= 1, the first ones (in the order of the examples) are drawn
    title : str, optional

    Returns
    -------
    fig : matplotlib Figure, or None when every example is classified correctly
    """
    X = check_X(X)
    predicted = _classes_of("predictions", predictions, X.shape[1])
    true = _classes_of("Y", Y, X.shape[1])
    max_images = check_count("max_images", max_images, minimum=1, maximum=100)
    wrong = np.flatnonzero(predicted != true)[:max_images]
    if wrong.size == 0:
        return None
    return plot_images(X[:, wrong], [f"{predicted[j]} (true {true[j]})" for j in wrong], shape, ncols, title)
