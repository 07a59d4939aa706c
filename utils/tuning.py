"""Studies of hyperparameter search and batch normalization (week 3), summarized in a few numbers.

The searches themselves are scikit-learn's (``GridSearchCV``, ``RandomizedSearchCV``,
``HalvingRandomSearchCV`` on a ``NeuralNetworkClassifier``); this module only reads their results:

- ``search_columns``: a search's candidates and scores as arrays, one per hyperparameter.
- ``variance_explained``: how much of the spread of the scores each hyperparameter accounts for.
- ``epochs_trained``: the training a search paid for, counted in epochs.
- ``compare_batch_norm``: the same network trained with and without batch normalization over
  settings (weight scales, learning rates) and seeds, scored on a held-out set; each half one stack of networks.
"""


import numpy as np

from ._validation import _describe, check_count, check_sequence, check_X, check_Y
from .batch import train_settings
from .train import score


def search_columns(search):
    """The candidates of a fitted scikit-learn search as columns of numbers, with their scores.

    Returns
    -------
    dict {name: ndarray}: one entry per searched hyperparameter (``hidden_layer_sizes`` becomes "n1", the size
    of the first hidden layer), "score" (the mean validation score) and, for successive halving, "epochs"
    (the round's resource) and "round"
    """
    results = getattr(search, "cv_results_", None)
    if results is None:
        raise TypeError(f"search must be a fitted scikit-learn search, got {_describe(search)}")
    columns = {}
    for key in results:
        if key.startswith("param_"):
            name = key[len("param_"):]
            values = list(results[key])
            columns["n1" if name == "hidden_layer_sizes" else name] = np.array(
                [np.ravel(value)[0] if name == "hidden_layer_sizes" else value for value in values], dtype=float)
    columns["score"] = np.asarray(results["mean_test_score"], dtype=float)
    if "n_resources" in results:
        columns["epochs"], columns["round"] = np.asarray(results["n_resources"]), np.asarray(results["iter"])
    return columns


def variance_explained(scores, factors, bins=6):
    """The share of the variance of ``scores`` that each factor explains on its own (its main effect, eta^2).

        eta^2(f) = sum_g n_g (mean_g - mean)^2 / sum_i (score_i - mean)^2,

    over the groups g of runs that share a value of f. On a full grid the main effects and their
    interaction add up to 1. A factor with more than ``bins`` distinct values (a random search's
    learning rates) is grouped into ``bins`` groups of equal size by rank first.

    Parameters
    ----------
    scores : array of n floats
    factors : dict {name: array of n values}
    bins : int >= 2

    Returns
    -------
    dict {name: float in [0, 1]}, 0 for every factor when the scores are all equal
    """
    scores = np.asarray(check_sequence("scores", scores, "scores"), dtype=float)
    if not np.isfinite(scores).all():
        raise ValueError("scores must be finite numbers (a failed run can be scored 0 or left out), got nan or inf")
    bins = check_count("bins", bins, minimum=2)
    if not isinstance(factors, dict) or not factors:
        raise TypeError(f"factors must be a non-empty dict {{name: values, one per score}}, got {_describe(factors)}")
    total = np.square(scores - scores.mean()).sum()
    shares = {}
    for name, values in factors.items():
        values = np.asarray(values)
        if values.shape != scores.shape:
            raise ValueError(f"factors[{name!r}] must hold one value per score, {scores.shape}, got {values.shape}")
        groups = _groups(values, bins)
        between = sum(group.sum() * (scores[group].mean() - scores.mean()) ** 2 for group in groups)
        shares[name] = float(between / total) if total > 0 else 0.0
    return shares


def _groups(values, bins):
    """Boolean masks of the runs sharing a value, or, for more than ``bins`` values, of ``bins`` rank groups."""
    distinct = np.unique(values)
    if distinct.size <= bins:
        return [values == value for value in distinct]
    rank = np.argsort(np.argsort(values, kind="stable"), kind="stable")
    return [rank * bins // values.size == k for k in range(bins)]


def epochs_trained(search):
    """The epochs a fitted scikit-learn search trained, over all its candidates and splits (refit not counted).

    Each row of ``search.cv_results_`` trained ``n_splits_`` networks for its number of epochs: the
    row's "n_resources" for successive halving on ``num_epochs``, else the candidate's ``num_epochs``
    (searched, or the estimator's).
    """
    results = getattr(search, "cv_results_", None)
    if results is None or not hasattr(search, "n_splits_"):
        raise TypeError(f"search must be a fitted scikit-learn search (GridSearchCV, RandomizedSearchCV, "
                        f"HalvingRandomSearchCV, ...), got {_describe(search)}")
    default = search.estimator.get_params()["num_epochs"]
    if "n_resources" in results:
        epochs = results["n_resources"]
    else:
        epochs = [params.get("num_epochs", default) for params in results["params"]]
    return int(np.sum(epochs)) * int(search.n_splits_)


def compare_batch_norm(X, Y, X_test, Y_test, layer_dims, settings, seeds, n_jobs=1, **common):
    """Test accuracy of the network without and with batch normalization, for each setting and seed.

    Run (b, k, s) is ``model(X, Y, layer_dims, batch_norm=b, seed=seeds[s], **common, **settings[k])``, bit for
    bit; the K x S runs of each b are one ``model_batch`` stack. A run that diverges, or whose trained network
    overflows on the held-out set, scores nan, so a failure stays visible as such.

    Parameters
    ----------
    X, Y : training set, (n_x, m) and (n_L, m)
    X_test, Y_test : held-out set
    layer_dims : list of int
    settings : list of K dicts of the arguments that differ between runs: learning_rate, lambd, keep_prob,
        initialization, init_scale (for example ``{"init_scale": 0.01}``)
    seeds : list of S ints
    n_jobs : int >= 1, or "auto" (the idle cores), processes (the results do not depend on it)
    **common : the other arguments of ``model`` (learning_rate, num_epochs, mini_batch_size, ...)

    Returns
    -------
    accuracy : ndarray, shape (2, K, S): [without, with] batch normalization
    """
    X, Y = check_X(X), check_Y(Y, np.shape(X)[-1])
    X_test = check_X(X_test, "X_test")
    Y_test = check_Y(Y_test, X_test.shape[1], "Y_test", against="X_test")
    settings = check_sequence("settings", settings, "dicts of model's arguments")
    if not all(isinstance(setting, dict) for setting in settings):
        raise TypeError(f"settings must hold dicts of model's arguments, got {_describe(settings)}")
    scores = []
    for normalized in (False, True):
        trained = train_settings(X, Y, layer_dims, seeds, dict(enumerate(settings)), n_jobs=n_jobs,
                                 batch_norm=normalized, if_diverged="nan", **common)
        scores.append([[score(X_test, Y_test, parameters) for parameters in networks]
                       for networks, _ in trained.values()])
    return np.array(scores, dtype=float)
