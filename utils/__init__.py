"""utils: the NumPy engine of the "Improving Deep Neural Networks" companion (weeks 1 to 3).

Conventions (used by every function of the package)
----------------------------------------------------
- X has shape (n_x, m): one example per column. Y has shape (1, m) and holds 0/1 labels for a network with one
  sigmoid output unit (n_L = 1), or is one-hot of shape (C, m) for a softmax output over C = n_L >= 2 classes
  (``one_hot_matrix`` makes it from class indices; ``predict`` returns class indices, shape (1, m)).
- Layer l = 1..L has n_l units. W[l] has shape (n_l, n_{l-1}) and b[l] shape (n_l, 1); n_0 = n_x.
- Parameters are a dict {"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}; gradients use the
  same keys with a "d" in front: {"dW1": ..., "db1": ..., ...}.
- The network is [LINEAR -> RELU (-> inverted DROPOUT)] x (L-1) -> LINEAR -> SIGMOID (or SOFTMAX), and the
  cost is the mean binary (or categorical) cross-entropy, computed from the logits Z[L], plus
  lambd / (2m) * sum_l ||W[l]||_F^2. ``output.py`` holds both output kinds with their losses.
- Training (``model``) is gradient descent on the whole training set (week 1), or, with
  ``mini_batch_size`` and ``num_epochs``, on shuffled mini-batches with the step of an optimizer
  ("gd", "momentum", "rmsprop", "adam") and an optional learning-rate decay (week 2). Optimizer
  state is a dict keyed like the gradients ("dW1", "db1", ...), as the course's v and s.
- Batch normalization (week 3): a normalized hidden layer has "gamma{l}" and "beta{l}" (n_l, 1)
  in place of "b{l}", and its running averages "running_mean{l}", "running_var{l}" (state, not
  parameters: no gradient, not checked, not updated by the optimizers). ``forward_propagation``
  normalizes with the batch's statistics (mode "train"), ``predict`` with the running averages.
- ``NeuralNetworkClassifier`` wraps ``model`` in scikit-learn's estimator API (data as
  (n_samples, n_features) there), for scikit-learn's search tools.
- Everything is float64. Randomness is explicit: functions take a numpy Generator or
  RandomState (an int seeds a RandomState, as the course's ``np.random.seed``), and nothing
  touches numpy's global random state. No function writes into the caller's arrays.
"""

from .batch import ValidationCurve, model_batch, sweep, train_settings, validation_curve
from .cost import compute_cost
from .data import (
    convert_to_one_hot,
    load_2D_dataset,
    load_circles,
    load_digits,
    load_gradient_check_case,
    load_moons,
    load_spiral,
    one_hot_matrix,
    random_mini_batches,
)
from .estimator import NeuralNetworkClassifier
from .gradcheck import (
    GradientCheckReport,
    dictionary_to_vector,
    gradient_check,
    gradient_check_n,
    gradients_to_vector,
    numerical_gradients,
    vector_to_dictionary,
)
from .initializers import (
    INITIALIZERS,
    glorot_normal,
    he_normal,
    initialize_parameters,
    random_normal,
    xavier_normal,
    zeros,
)
from .layers import (
    BatchNormCache,
    batchnorm_backward,
    batchnorm_forward,
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
    softmax,
    update_running_average,
)
from .network import ForwardCache, backward_propagation, forward_propagation, update_running_averages
from .optimizers import (
    initialize_adam,
    initialize_rmsprop,
    initialize_velocity,
    schedule_lr_decay,
    update_lr,
    update_parameters_with_adam,
    update_parameters_with_gd,
    update_parameters_with_momentum,
    update_parameters_with_rmsprop,
)
from .output import sigmoid_loss, softmax_loss
from .parallel import available_cores
from .train import (
    TrainingDiverged,
    accuracies,
    accuracy,
    dropout_rng,
    model,
    predict,
    predict_probabilities,
    update_parameters,
)

__all__ = [
    "INITIALIZERS",
    "BatchNormCache",
    "ForwardCache",
    "GradientCheckReport",
    "NeuralNetworkClassifier",
    "TrainingDiverged",
    "ValidationCurve",
    "accuracies",
    "accuracy",
    "available_cores",
    "backward_propagation",
    "batchnorm_backward",
    "batchnorm_forward",
    "compute_cost",
    "convert_to_one_hot",
    "dictionary_to_vector",
    "dropout_backward",
    "dropout_forward",
    "dropout_mask",
    "dropout_rng",
    "forward_propagation",
    "glorot_normal",
    "gradient_check",
    "gradient_check_n",
    "gradients_to_vector",
    "he_normal",
    "initialize_adam",
    "initialize_parameters",
    "initialize_rmsprop",
    "initialize_velocity",
    "linear_backward",
    "linear_forward",
    "load_2D_dataset",
    "load_circles",
    "load_digits",
    "load_gradient_check_case",
    "load_moons",
    "load_spiral",
    "model",
    "model_batch",
    "numerical_gradients",
    "one_hot_matrix",
    "predict",
    "predict_probabilities",
    "random_mini_batches",
    "random_normal",
    "relu_backward",
    "relu_forward",
    "schedule_lr_decay",
    "sigmoid",
    "sigmoid_backward",
    "sigmoid_forward",
    "sigmoid_loss",
    "softmax",
    "softmax_loss",
    "sweep",
    "train_settings",
    "update_lr",
    "update_parameters",
    "update_parameters_with_adam",
    "update_parameters_with_gd",
    "update_parameters_with_momentum",
    "update_parameters_with_rmsprop",
    "update_running_average",
    "update_running_averages",
    "validation_curve",
    "vector_to_dictionary",
    "xavier_normal",
    "zeros",
]
