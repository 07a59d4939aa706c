"""utils: the NumPy engine of the "Improving Deep Neural Networks", week 1, companion.

Conventions (used by every function of the package)
----------------------------------------------------
- X has shape (n_x, m): one example per column; Y has shape (1, m) and holds 0/1 labels.
- Layer l = 1..L has n_l units. W[l] has shape (n_l, n_{l-1}) and b[l] shape (n_l, 1);
  n_0 = n_x and n_L = 1 (one sigmoid output).
- Parameters are a dict {"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}; gradients use the
  same keys with a "d" in front: {"dW1": ..., "db1": ..., ...}.
- The network is [LINEAR -> RELU (-> inverted DROPOUT)] x (L-1) -> LINEAR -> SIGMOID, and the
  cost is the mean binary cross-entropy, computed from the logits Z[L], plus
  lambd / (2m) * sum_l ||W[l]||_F^2.
- Everything is float64. Randomness is explicit: functions take a numpy Generator or
  RandomState (an int seeds a RandomState, as the course's ``np.random.seed``), and nothing
  touches numpy's global random state. No function writes into the caller's arrays.
"""

from .batch import ValidationCurve, model_batch, sweep, validation_curve
from .cost import compute_cost
from .data import load_2D_dataset, load_circles, load_gradient_check_case
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
from .network import ForwardCache, backward_propagation, forward_propagation
from .train import TrainingDiverged, accuracy, dropout_rng, model, predict, update_parameters

__all__ = [
    "INITIALIZERS",
    "ForwardCache",
    "GradientCheckReport",
    "TrainingDiverged",
    "ValidationCurve",
    "dictionary_to_vector",
    "gradient_check",
    "gradient_check_n",
    "gradients_to_vector",
    "numerical_gradients",
    "vector_to_dictionary",
    "accuracy",
    "backward_propagation",
    "compute_cost",
    "dropout_backward",
    "dropout_forward",
    "dropout_mask",
    "dropout_rng",
    "forward_propagation",
    "glorot_normal",
    "he_normal",
    "initialize_parameters",
    "linear_backward",
    "linear_forward",
    "load_2D_dataset",
    "load_circles",
    "load_gradient_check_case",
    "model",
    "model_batch",
    "predict",
    "random_normal",
    "relu_backward",
    "relu_forward",
    "sigmoid",
    "sigmoid_backward",
    "sigmoid_forward",
    "sweep",
    "update_parameters",
    "validation_curve",
    "xavier_normal",
    "zeros",
]
