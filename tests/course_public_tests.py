"""The course's own public unit tests for weeks 1 and 2, rebuilt as data.

The programming assignments of "Improving Deep Neural Networks" (Initialization, Regularization,
Gradient Checking, Optimization methods) ship a ``testCases.py`` (the inputs) and, since 2021, a
``public_tests.py`` (inputs and expected values); before 2021 the expected values were tables in the
notebooks themselves ("Expected Output"). Each revision of the course changed some of them. This module
holds every distinct version found in public GitHub copies, one small function per (function, version),
so that ``tests/test_course_public_tests.py`` can run all of them against ``utils``.

How the inputs are rebuilt
--------------------------
The course draws its inputs with ``np.random.seed(n)`` followed by ``np.random.randn(...)`` calls in a
fixed order. Here the same draws come from ``np.random.RandomState(n).randn(...)``, in exactly the
same order, so the arrays are bit for bit the course's and numpy's global random state is never touched.
Arrays that the course writes out as literals (caches, A3, expected values) are copied as printed:
usually with 8 decimals, which is why the tests compare them at half a unit of the 8th decimal.

The versions, and where they were read
--------------------------------------
``SOURCES`` names each version. A repository, path and commit are given where the search index reported
them; the index's full-text search returns a file's text with an index id but without its repository, and
those copies are cited by that id. The years in the names are approximate: they order the revisions (the
test harness each one imports, the shapes of its inputs) rather than date them.
"""

import numpy as np

_a = np.array

SOURCES = {
    "kb-2018": (
        "Kulbear/deep-learning-coursera, 'Improving Deep Neural Networks Hyperparameter tuning, Regularization and "
        "Optimization/Optimization methods.ipynb' @ 596a8043402311490a91911e3f4c848a03e0f13a: the 2017-18 notebook's "
        "'Expected Output' tables (the inputs are the testCases.py of that time, see 'ac')."),
    "ac": (
        "amanchadha/coursera-deep-learning-specialization, 'C2 - Improving Deep Neural Networks Hyperparameter tuning, "
        "Regularization and Optimization/Week 2/testCases.py' @ 835e099dfeb8b63caeabe25311ae400b0590a4a1, "
        "'.../Week 1/Regularization/testCases.py' and '.../Week 1/Gradient Checking/testCases.py' "
        "@ 4033975275d62473d8f7ed7bcf4640ae2e9949bc: the pre-2021 inputs (no expected values in them)."),
    "nb-2018": (
        "The 2017-18 week 1 notebooks' 'Expected Output' tables, read in exported copies: index ids 2066438409 "
        "(Regularization, a .py export), 23521282520 and 3782018410 (Gradient Checking, markdown and .py exports); "
        "the index did not report their repositories. Inputs: the 'ac' testCases.py files."),
    "tu-2021": (
        "The first public_tests.py files (they import 'test_utils'): index ids 544422600 (Initialization), "
        "139544141 (Gradient Checking), 786643489 (Optimization methods, with the 'ac' testCases.py)."),
    "gh-2022": (
        "greyhatguy007/deep-learning-specialization, 'C2-Improving Deep Neural Networks: Hyperparameter Tuning, "
        "Regularization and Optimization/week2/pogramming assignments/W2A1/public_tests.py' "
        "@ 4f3647d753aee4a80fddb6a58495e0c7b9073072 and '.../week1/programming assignments/W1A3/public_tests.py' "
        "@ ab0f9935659adfe9fa429ef5588a379608bcd5e0 (they import 'dlai_tools'; the week 2 inputs are the 'ac' "
        "testCases.py functions, whose file is not stored in that repository)."),
    "dl-2022": (
        "public_tests.py importing 'dlai_tools' for Initialization and Regularization: index ids 673052996 "
        "(Initialization; the same tests in ids 14386411838, 33562784270, 56667657031, 32247253103) and 578141449 "
        "(Regularization; also inside id 22138005701). Repositories not reported; the Regularization inputs are the "
        "'ac' testCases.py, written inline."),
    "hy-2022": (
        "A transitional Optimization methods public_tests.py, index id 1726001110: the gh-2022 expected values, "
        "the rp-2024 random_mini_batches test, and an Adam test that unpacks nine values from its testCases.py "
        "(a file not found)."),
    "rp-2024": (
        "rodrigoparente/deep-learning-specialization, '02 - Improving Deep Neural Networks/Exercises/04 - "
        "Optimization Methods/Optimization_methods.ipynb' and '.../03 - Gradient Checking/Gradient_Checking.ipynb' "
        "@ 8a5c31df7a53c2daf61ca343c95b41d0ff3b3674 (printed outputs and inline asserts; its public_tests.py and "
        "testCases.py are not stored there). The same tests as text: index ids 163957078 (public_tests.py) and "
        "41927015372 (testCases.py and public_tests.py together) for week 2, 602501113 and 22326663764 for Gradient "
        "Checking."),
    "pa": (
        "A self-contained Optimization methods test file with plain asserts, index id 34342003110 (repository not "
        "reported, author unknown): the 2017-18 notebook values with the two Adam errata corrected, the rp-2024 "
        "notebook's inline mini-batch check, and its own schedule_lr_decay case."),
}
"""version -> where its tests were read."""

EIGHT_DECIMALS = 5.0000001e-9
"""Half a unit of the 8th decimal: how far a value printed with 8 decimals can be from the number it rounds."""

COURSE_DECIMAL_6 = 1.5e-6
"""The tolerance of the course's ``multiple_test`` (``np.testing.assert_array_almost_equal``, decimal=6)."""


def _draws(seed, shapes):
    """{name: RandomState(seed).randn(*shape)} in the order given: the course's np.random.seed(seed) draws."""
    rng = np.random.RandomState(seed)
    return {name: rng.randn(*shape) for name, shape in shapes}


# ============================================================================= week 2: Optimization methods
#
# Two families of inputs. Up to 2022 the parameters are not one network: W1 (2, 3), then W2 (3, 3), which
# would need W1 to have 3 rows. In the newest revision (rp-2024) W2 is (3, 2), a network 3 -> 2 -> 3.

def _optimizer_inputs(W2_shape):
    """np.random.seed(1); W1, b1, W2, b2, then dW1, db1, dW2, db2, in that order (the *_test_case functions)."""
    shapes = [("W1", (2, 3)), ("b1", (2, 1)), ("W2", W2_shape), ("b2", (3, 1))]
    draws = _draws(1, shapes + [("d" + name, shape) for name, shape in shapes])
    return ({name: draws[name] for name, _ in shapes}, {"d" + name: draws["d" + name] for name, _ in shapes})


def _zeros_like(parameters):
    return {"d" + name: np.zeros_like(value) for name, value in parameters.items()}


# ----------------------------------------------------------------------------- update_parameters_with_gd

_GD_OLD = {
    "W1": _a([[1.63535156, -0.62320365, -0.53718766], [-1.07799357, 0.85639907, -2.29470142]]),
    "b1": _a([[1.74604067], [-0.75184921]]),
    "W2": _a([[0.32171798, -0.25467393, 1.46902454], [-2.05617317, -0.31554548, -0.3756023],
              [1.1404819, -1.09976462, -0.1612551]]),
    "b2": _a([[-0.88020257], [0.02561572], [0.57539477]]),
}


def _gd_old():
    parameters, grads = _optimizer_inputs((3, 3))
    return {"inputs": {"parameters": parameters, "grads": grads, "learning_rate": 0.01}, "expected": _GD_OLD}


def gd_kb_2018():
    """kb-2018: Optimization methods.ipynb, 'Expected Output' after update_parameters_with_gd; inputs from 'ac'."""
    return _gd_old()


def gd_tu_2021():
    """tu-2021 (id 786643489): update_parameters_with_gd_test draws its inputs inline, as the 'ac' testCases.py."""
    return _gd_old()


def gd_gh_2022():
    """gh-2022: W2A1/public_tests.py, update_parameters_with_gd_test (inputs: update_parameters_with_gd_test_case)."""
    return _gd_old()


def gd_hy_2022():
    """hy-2022 (id 1726001110): the gh-2022 test, word for word."""
    return _gd_old()


def gd_pa():
    """pa (id 34342003110): inline inputs, plain np.allclose asserts, the same values."""
    return _gd_old()


def gd_rp_2024():
    """rp-2024 (id 163957078, printed alike in Optimization_methods.ipynb): the consistent network, W2 (3, 2)."""
    parameters, grads = _optimizer_inputs((3, 2))
    return {"inputs": {"parameters": parameters, "grads": grads, "learning_rate": 0.01}, "expected": {
        "W1": _a([[1.63312395, -0.61217855, -0.5339999], [-1.06196243, 0.85396039, -2.3105546]]),
        "b1": _a([[1.73978682], [-0.77021546]]),
        "W2": _a([[0.32587637, -0.24814147], [1.47146563, -2.05746183], [-0.32772076, -0.37713775]]),
        "b2": _a([[1.13773698], [-1.09301954], [-0.16397615]]),
    }}


UPDATE_PARAMETERS_WITH_GD = {"kb-2018": gd_kb_2018, "tu-2021": gd_tu_2021, "gh-2022": gd_gh_2022,
                             "hy-2022": gd_hy_2022, "rp-2024": gd_rp_2024, "pa": gd_pa}

# ----------------------------------------------------------------------------- random_mini_batches


def mini_batches_kb_2018():
    """kb-2018: random_mini_batches_test_case ('ac'): seed 1, X randn(12288, 148), Y randn(1, 148) < 0.5, size 64.

    The notebook prints the shapes and a 'mini batch sanity check': the first 3 entries of row 0 of batch 0.
    """
    draws = _draws(1, [("X", (12288, 148)), ("Y", (1, 148))])
    return {"inputs": {"X": draws["X"], "Y": draws["Y"] < 0.5, "mini_batch_size": 64},
            "expected": {"shapes": [((12288, 64), (1, 64)), ((12288, 64), (1, 64)), ((12288, 20), (1, 20))],
                         "first_row_start": _a([0.90085595, -0.7612069, 0.2344157])}}


def _mini_batches_7x3():
    draws = _draws(1, [("X", (7, 3)), ("Y", (1, 3))])
    return {"inputs": {"X": draws["X"], "Y": draws["Y"] < 0.5, "mini_batch_size": 2}, "expected": {"batches": [
        (_a([[-0.52817175, -0.61175641], [-2.3015387, 0.86540763], [0.3190391, -0.7612069],
             [-2.06014071, 1.46210794], [1.13376944, -0.38405435], [-0.87785842, -0.17242821],
             [-1.10061918, 0.58281521]]), _a([[False, False]])),
        (_a([[1.62434536], [-1.07296862], [1.74481176], [-0.24937038], [-0.3224172], [-1.09989127],
             [0.04221375]]), _a([[False]])),
    ]}}


def mini_batches_tu_2021():
    """tu-2021 (id 786643489): seed 1, X randn(7, 3), Y randn(1, 3) < 0.5, mini-batches of 2."""
    return _mini_batches_7x3()


def mini_batches_gh_2022():
    """gh-2022: W2A1/public_tests.py, random_mini_batches_test, the same as tu-2021."""
    return _mini_batches_7x3()


def _mini_batches_5x7():
    draws = _draws(1, [("X", (5, 7)), ("Y", (1, 7))])
    return {"inputs": {"X": draws["X"], "Y": draws["Y"] < 0.5, "mini_batch_size": 2}, "expected": {"batches": [
        (_a([[1.74481176, -0.52817175], [-0.38405435, -0.24937038], [-1.10061918, -0.17242821],
             [-0.93576943, 0.50249434], [-0.67124613, -0.69166075]]), _a([[True, True]])),
        (_a([[-0.61175641, -1.07296862], [0.3190391, 1.46210794], [-1.09989127, -0.87785842],
             [0.90159072, 0.90085595], [0.53035547, -0.39675353]]), _a([[True, False]])),
        (_a([[1.62434536, -2.3015387], [-0.7612069, -0.3224172], [1.13376944, 0.58281521],
             [1.14472371, -0.12289023], [-0.26788808, -0.84520564]]), _a([[True, True]])),
        (_a([[0.86540763], [-2.06014071], [0.04221375], [-0.68372786], [-0.6871727]]), _a([[False]])),
    ]}}


def mini_batches_hy_2022():
    """hy-2022 (id 1726001110): seed 1, X randn(5, 7), Y randn(1, 7) < 0.5, mini-batches of 2."""
    return _mini_batches_5x7()


def mini_batches_rp_2024():
    """rp-2024 (id 163957078): random_mini_batches_test, the same as hy-2022."""
    return _mini_batches_5x7()


def _arange_inputs():
    """np.random.seed(1); Y = randn(1, 148) < 0.5; X[i, j] = 12288 j + i, so every entry tells where it came from."""
    nx, m = 12288, 148
    Y = np.random.RandomState(1).randn(1, m) < 0.5
    return {"X": np.arange(nx * m).reshape((m, nx)).T, "Y": Y, "mini_batch_size": 64}


def mini_batches_rp_2024_inline():
    """rp-2024: the inline check after random_mini_batches in Optimization_methods.ipynb (seed 0, the default).

    It asserts 3 batches, their shapes, that the rows (features) keep their order, and two rows' first entries.
    """
    return {"inputs": _arange_inputs(), "expected": {
        "shapes": [((12288, 64), (1, 64)), ((12288, 64), (1, 64)), ((12288, 20), (1, 20))],
        "rows": {(0, 0): _a([294912, 86016, 454656]), (-1, -1): _a([1425407, 1769471, 897023])}}}


def mini_batches_pa():
    """pa (id 34342003110): the rp-2024 inline check, seed 0 passed explicitly, and one more row."""
    return {"inputs": {**_arange_inputs(), "seed": 0}, "expected": {
        "shapes": [((12288, 64), (1, 64)), ((12288, 64), (1, 64)), ((12288, 20), (1, 20))],
        "rows": {(0, 0): _a([294912, 86016, 454656]), (1, -1): _a([172031, 1290239, 1474559]),
                 (2, -1): _a([1425407, 1769471, 897023])}}}


RANDOM_MINI_BATCHES = {"kb-2018": mini_batches_kb_2018, "tu-2021": mini_batches_tu_2021,
                       "gh-2022": mini_batches_gh_2022, "hy-2022": mini_batches_hy_2022,
                       "rp-2024": mini_batches_rp_2024, "rp-2024-inline": mini_batches_rp_2024_inline,
                       "pa": mini_batches_pa}

# ----------------------------------------------------------------------------- initialize_velocity, initialize_adam


def _zero_state_old():
    parameters = _draws(1, [("W1", (2, 3)), ("b1", (2, 1)), ("W2", (3, 3)), ("b2", (3, 1))])
    return {"inputs": {"parameters": parameters}, "expected": _zeros_like(parameters)}


def velocity_kb_2018():
    """kb-2018: initialize_velocity_test_case ('ac'): seed 1, W1 (2, 3), b1 (2, 1), W2 (3, 3), b2 (3, 1); zeros."""
    return _zero_state_old()


def velocity_tu_2021():
    """tu-2021 (id 786643489): the 'ac' test case, zeros (2, 3), (2, 1), (3, 3), (3, 1)."""
    return _zero_state_old()


def velocity_gh_2022():
    """gh-2022: the same."""
    return _zero_state_old()


def velocity_pa():
    """pa (id 34342003110): the same inputs, drawn inline."""
    return _zero_state_old()


def velocity_rp_2024():
    """rp-2024 (ids 163957078, 41927015372; printed in Optimization_methods.ipynb): W1 (3, 2), b1 (3, 1), W2 (3, 3)."""
    parameters = _draws(1, [("W1", (3, 2)), ("b1", (3, 1)), ("W2", (3, 3)), ("b2", (3, 1))])
    return {"inputs": {"parameters": parameters}, "expected": _zeros_like(parameters)}


INITIALIZE_VELOCITY = {"kb-2018": velocity_kb_2018, "tu-2021": velocity_tu_2021, "gh-2022": velocity_gh_2022,
                       "rp-2024": velocity_rp_2024, "pa": velocity_pa}
# Left out: hy-2022's initialize_velocity_test (id 1726001110) expects dW1 (3, 2) with db1 (2, 1), dW2 (3, 3),
# db2 (3, 1); its testCases.py was not found, and no test case of any version has such parameters (the newest
# has b1 (3, 1)), so its input cannot be rebuilt.


def adam_state_kb_2018():
    """kb-2018: initialize_adam_test_case ('ac'), the same parameters as initialize_velocity; v and s zeros."""
    return _zero_state_old()


def adam_state_tu_2021():
    """tu-2021 (id 786643489)."""
    return _zero_state_old()


def adam_state_gh_2022():
    """gh-2022."""
    return _zero_state_old()


def adam_state_hy_2022():
    """hy-2022 (id 1726001110): the gh-2022 expected values (its testCases.py, not found, is assumed to be gh's)."""
    return _zero_state_old()


def adam_state_pa():
    """pa (id 34342003110)."""
    return _zero_state_old()


def adam_state_rp_2024():
    """rp-2024: W1 (2, 3), b1 (2, 1), W2 (3, 2), b2 (3, 1) (printed in Optimization_methods.ipynb)."""
    parameters = _draws(1, [("W1", (2, 3)), ("b1", (2, 1)), ("W2", (3, 2)), ("b2", (3, 1))])
    return {"inputs": {"parameters": parameters}, "expected": _zeros_like(parameters)}


INITIALIZE_ADAM = {"kb-2018": adam_state_kb_2018, "tu-2021": adam_state_tu_2021, "gh-2022": adam_state_gh_2022,
                   "hy-2022": adam_state_hy_2022, "rp-2024": adam_state_rp_2024, "pa": adam_state_pa}

# ----------------------------------------------------------------------------- update_parameters_with_momentum

_V_OLD = {  # the velocity after one step from 0 with beta = 0.9: 0.1 * grads, W2 (3, 3) inputs
    "dW1": _a([[-0.11006192, 0.11447237, 0.09015907], [0.05024943, 0.09008559, -0.06837279]]),
    "db1": _a([[-0.01228902], [-0.09357694]]),
    "dW2": _a([[-0.02678881, 0.05303555, -0.06916608], [-0.03967535, -0.06871727, -0.08452056],
               [-0.06712461, -0.00126646, -0.11173103]]),
    "db2": _a([[0.02344157], [0.16598022], [0.07420442]]),
}


def _momentum_old():
    parameters, grads = _optimizer_inputs((3, 3))
    return {"inputs": {"parameters": parameters, "grads": grads, "v": _zeros_like(parameters), "beta": 0.9,
                       "learning_rate": 0.01}, "expected": {"parameters": {
                           "W1": _a([[1.62544598, -0.61290114, -0.52907334], [-1.07347112, 0.86450677, -2.30085497]]),
                           "b1": _a([[1.74493465], [-0.76027113]]),
                           "W2": _a([[0.31930698, -0.24990073, 1.4627996], [-2.05974396, -0.32173003, -0.38320915],
                                     [1.13444069, -1.0998786, -0.1713109]]),
                           "b2": _a([[-0.87809283], [0.04055394], [0.58207317]]),
                       }, "v": _V_OLD}}


def momentum_kb_2018():
    """kb-2018: update_parameters_with_momentum(parameters, grads, v, beta=0.9, learning_rate=0.01), as tabulated."""
    return _momentum_old()


def momentum_tu_2021():
    """tu-2021 (id 786643489)."""
    return _momentum_old()


def momentum_gh_2022():
    """gh-2022."""
    return _momentum_old()


def momentum_hy_2022():
    """hy-2022 (id 1726001110)."""
    return _momentum_old()


def momentum_pa():
    """pa (id 34342003110)."""
    return _momentum_old()


def momentum_rp_2024():
    """rp-2024 (id 163957078; printed alike in Optimization_methods.ipynb)."""
    parameters, grads = _optimizer_inputs((3, 2))
    return {"inputs": {"parameters": parameters, "grads": grads, "v": _zeros_like(parameters), "beta": 0.9,
                       "learning_rate": 0.01}, "expected": {"parameters": {
                           "W1": _a([[1.62522322, -0.61179863, -0.52875457], [-1.071868, 0.86426291, -2.30244029]]),
                           "b1": _a([[1.74430927], [-0.76210776]]),
                           "W2": _a([[0.31972282, -0.24924749], [1.46304371, -2.05987282], [-0.32294756, -0.38336269]]),
                           "b2": _a([[1.1341662], [-1.09920409], [-0.171583]]),
                       }, "v": {
                           "dW1": _a([[-0.08778584, 0.00422137, 0.05828152], [-0.11006192, 0.11447237, 0.09015907]]),
                           "db1": _a([[0.05024943], [0.09008559]]),
                           "dW2": _a([[-0.06837279, -0.01228902], [-0.09357694, -0.02678881],
                                      [0.05303555, -0.06916608]]),
                           "db2": _a([[-0.03967535], [-0.06871727], [-0.08452056]]),
                       }}}


UPDATE_PARAMETERS_WITH_MOMENTUM = {"kb-2018": momentum_kb_2018, "tu-2021": momentum_tu_2021,
                                   "gh-2022": momentum_gh_2022, "hy-2022": momentum_hy_2022,
                                   "rp-2024": momentum_rp_2024, "pa": momentum_pa}

# ----------------------------------------------------------------------------- update_parameters_with_adam
#
# Keys of "expected": "parameters", "v", "s" (whole arrays), or, in the 2022+ tests, "first_rows": only row 0 of
# each array is compared (the tests index v[key][0]), with v_corrected = v / (1 - beta1^t) and
# s_corrected = s / (1 - beta2^t) checked from the same rows. "returns" is how many values the version expects.
# "epsilon_inside": arrays whose expected values were computed with sqrt(s_corrected + epsilon) instead of the
# notebook's formula sqrt(s_corrected) + epsilon (see the tests).

_ADAM_COURSE_HYPER = {"t": 2, "learning_rate": 0.02, "beta1": 0.8, "beta2": 0.888, "epsilon": 1e-2}


def _adam_inputs(W2_shape, hyper):
    parameters, grads = _optimizer_inputs(W2_shape)
    return {"parameters": parameters, "grads": grads, "v": _zeros_like(parameters), "s": _zeros_like(parameters),
            **hyper}


def adam_kb_2018():
    """kb-2018: update_parameters_with_adam(parameters, grads, v, s, t=2), the defaults lr 0.01, 0.9, 0.999, 1e-8.

    Two entries of the table, W2[2, 1] and b2[0, 0], are not what the notebook's formula gives (``errata``,
    with the values the formula gives as printed by 'pa'): they are what sqrt(s_corrected + epsilon) gives.
    """
    hyper = {"t": 2, "learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}
    return {"inputs": _adam_inputs((3, 3), hyper), "returns": 3, "expected": {
        "parameters": {
            "W1": _a([[1.63178673, -0.61919778, -0.53561312], [-1.08040999, 0.85796626, -2.29409733]]),
            "b1": _a([[1.75225313], [-0.75376553]]),
            "W2": _a([[0.32648046, -0.25681174, 1.46954931], [-2.05269934, -0.31497584, -0.37661299],
                      [1.14121081, -1.09245036, -0.16498684]]),
            "b2": _a([[-0.88529978], [0.03477238], [0.57537385]]),
        },
        "v": _V_OLD,
        "s": {
            "dW1": _a([[0.00121136, 0.00131039, 0.00081287], [0.0002525, 0.00081154, 0.00046748]]),
            "db1": _a([[1.51020075e-05], [8.75664434e-04]]),
            "dW2": _a([[7.17640232e-05, 2.81276921e-04, 4.78394595e-04],
                       [1.57413361e-04, 4.72206320e-04, 7.14372576e-04],
                       [4.50571368e-04, 1.60392066e-07, 1.24838242e-03]]),
            "db2": _a([[5.49507194e-05], [2.75494327e-03], [5.50629536e-04]]),
        }},
        "errata": {("W2", (2, 1)): -1.09244991, ("b2", (0, 0)): -0.88529979}}


def adam_pa():
    """pa (id 34342003110): the kb-2018 inputs and table, with W2[2, 1] and b2[0, 0] as the formula gives them."""
    case = adam_kb_2018()
    parameters = {name: value.copy() for name, value in case["expected"]["parameters"].items()}
    for (name, index), value in case.pop("errata").items():
        parameters[name][index] = value
    return {"inputs": case["inputs"], "returns": 5, "expected": {"parameters": parameters}}


def adam_tu_2021():
    """tu-2021 (id 786643489): the 'ac' inputs with t=2, lr 0.02, beta1 0.8, beta2 0.888, epsilon 1e-2; 3 values back.

    Its expected v and s are right; its expected parameters were all computed with sqrt(s_corrected + epsilon).
    (Its dictionaries are keyed 'v["dW1"]', 's["dW1"]', ...; they are keyed "dW1", ... here.)
    """
    return {"inputs": _adam_inputs((3, 3), _ADAM_COURSE_HYPER), "returns": 3, "epsilon_inside": ("parameters",),
            "expected": {
                "parameters": {
                    "W1": _a([[1.63949493, -0.62691477, -0.54326465], [-1.08769515, 0.85031501, -2.28657079]]),
                    "b1": _a([[1.7549895], [-0.7461017]]),
                    "W2": _a([[0.33262355, -0.26414959, 1.47708248], [-2.0457142, -0.30744639, -0.36898502],
                              [1.14872646, -1.09849003, -0.15727519]]),
                    "b2": _a([[-0.89102966], [0.02699863], [0.56780324]]),
                },
                "v": {
                    "dW1": _a([[-0.22012384, 0.22894474, 0.18031814], [0.10049887, 0.18017119, -0.13674557]]),
                    "dW2": _a([[-0.05357762, 0.10607109, -0.13833215], [-0.07935071, -0.13743454, -0.16904113],
                               [-0.13424923, -0.00253292, -0.22346207]]),
                    "db1": _a([[-0.02457805], [-0.18715389]]),
                    "db2": _a([[0.04688314], [0.33196044], [0.14840883]]),
                },
                "s": {
                    "dW1": _a([[0.13567261, 0.14676395, 0.09104097], [0.02828006, 0.09089264, 0.05235818]]),
                    "dW2": _a([[0.00803757, 0.03150302, 0.05358019], [0.0176303, 0.05288711, 0.08000973],
                               [5.04639932e-02, 1.79639114e-05, 1.39818830e-01]]),
                    "db1": _a([[0.00169142], [0.09807442]]),
                    "db2": _a([[0.00615448], [0.30855365], [0.06167051]]),
                }}}


def _adam_first_rows_old():
    return {"inputs": _adam_inputs((3, 3), _ADAM_COURSE_HYPER), "returns": 5, "expected": {"first_rows": {
        "v": {"dW1": _a([-0.22012384, 0.22894474, 0.18031814]), "dW2": _a([-0.05357762, 0.10607109, -0.13833215]),
              "db1": _a([-0.02457805]), "db2": _a([0.04688314])},
        "s": {"dW1": _a([0.13567261, 0.14676395, 0.09104097]),
              "dW2": _a([8.03757060e-03, 3.15030152e-02, 5.35801947e-02]),
              "db1": _a([0.00169142]), "db2": _a([0.00615448])},
        "parameters": {"W1": _a([1.63942428, -0.6268425, -0.54320974]), "W2": _a([0.33356139, -0.26425199, 1.47707772]),
                       "b1": _a([1.75854357]), "b2": _a([-0.89228024])},
    }}}


def adam_gh_2022():
    """gh-2022: the tu-2021 inputs; the first rows of v, v_corrected, s, s_corrected and parameters; 5 values back."""
    return _adam_first_rows_old()


def adam_hy_2022():
    """hy-2022 (id 1726001110): the gh-2022 assertions; t and the hyperparameters come from its testCases.py (not
    found), taken to be the gh-2022 ones, which its expected values match."""
    return _adam_first_rows_old()


def adam_rp_2024():
    """rp-2024 (id 163957078): first rows as gh-2022, W2 (3, 2); the notebook also prints the whole parameters."""
    return {"inputs": _adam_inputs((3, 2), _ADAM_COURSE_HYPER), "returns": 5, "expected": {
        "first_rows": {
            "v": {"dW1": _a([-0.17557168, 0.00844275, 0.11656304]), "dW2": _a([-0.13674557, -0.02457805]),
                  "db1": _a([0.10049887]), "db2": _a([-0.07935071])},
            "s": {"dW1": _a([0.08631117, 0.00019958, 0.03804344]), "dW2": _a([0.05235818, 0.00169142]),
                  "db1": _a([0.02828006]), "db2": _a([0.0176303])},
            "parameters": {"W1": _a([1.63937725, -0.62327448, -0.54308727]), "W2": _a([0.33400549, -0.23563857]),
                           "b1": _a([1.72995096]), "b2": _a([1.14852557])},
        },
        "parameters": {  # Optimization_methods.ipynb, 'Expected values' after update_parameters_with_adam
            "W1": _a([[1.63937725, -0.62327448, -0.54308727], [-1.0578897, 0.85032154, -2.31657668]]),
            "W2": _a([[0.33400549, -0.23563857], [1.47715417, -2.04561842], [-0.33729882, -0.36908457]]),
            "b1": _a([[1.72995096], [-0.7762447]]),
            "b2": _a([[1.14852557], [-1.08492339], [-0.15740527]]),
        }}}


UPDATE_PARAMETERS_WITH_ADAM = {"kb-2018": adam_kb_2018, "tu-2021": adam_tu_2021, "gh-2022": adam_gh_2022,
                               "hy-2022": adam_hy_2022, "rp-2024": adam_rp_2024, "pa": adam_pa}

# ----------------------------------------------------------------------------- update_lr, schedule_lr_decay
#
# Both appeared in 2021; the 2017-18 notebook has neither. "compare": "exact" where the course asserts == (or
# compares a float with ``multiple_test``, which uses ==), "isclose" where it uses np.isclose.


def update_lr_tu_2021():
    """tu-2021 (id 786643489): update_lr(1, 2, 1) == 0.3333333333333333 (multiple_test, == on floats)."""
    return {"cases": [((1, 2, 1), 0.3333333333333333)], "compare": "exact"}


def update_lr_gh_2022():
    """gh-2022: np.isclose(update_lr(0.5, 2, 1), 0.16666666666666666)."""
    return {"cases": [((0.5, 2, 1), 0.16666666666666666)], "compare": "isclose"}


def update_lr_hy_2022():
    """hy-2022 (id 1726001110): as gh-2022."""
    return update_lr_gh_2022()


def update_lr_rp_2024():
    """rp-2024 (id 163957078): as gh-2022."""
    return update_lr_gh_2022()


def update_lr_pa():
    """pa (id 34342003110): update_lr(0.5, 2, 1) == 0.16666666666666666, with ==."""
    return {"cases": [((0.5, 2, 1), 0.16666666666666666)], "compare": "exact"}


UPDATE_LR = {"tu-2021": update_lr_tu_2021, "gh-2022": update_lr_gh_2022, "hy-2022": update_lr_hy_2022,
             "rp-2024": update_lr_rp_2024, "pa": update_lr_pa}


def schedule_tu_2021():
    """tu-2021 (id 786643489): schedule_lr_decay(1, epoch, 1, 100) is 0.5 at epoch 100 and 1 at epoch 10 (==)."""
    return {"cases": [((1, 100, 1, 100), 0.5), ((1, 10, 1, 100), 1)], "compare": "exact"}


def schedule_gh_2022():
    """gh-2022: four np.isclose checks, two of them with decay_rate 0.25 (0.085714285 is 0.3 / 3.5, truncated)."""
    return {"cases": [((0.5, 100, 1, 100), 0.25), ((0.5, 10, 1, 100), 0.5),
                      ((0.3, 1000, 0.25, 100), 0.085714285), ((0.3, 100, 0.25, 100), 0.24)], "compare": "isclose"}


def schedule_hy_2022():
    """hy-2022 (id 1726001110): as gh-2022."""
    return schedule_gh_2022()


def schedule_rp_2024():
    """rp-2024 (id 163957078): as gh-2022."""
    return schedule_gh_2022()


def schedule_pa():
    """pa (id 34342003110): decay_rate 0.3, interval 100: 0.5 at epoch 10, 0.3846153846153846 at epoch 100."""
    return {"cases": [((0.5, 10, 0.3, 100), 0.5), ((0.5, 100, 0.3, 100), 0.3846153846153846)], "compare": "isclose"}


SCHEDULE_LR_DECAY = {"tu-2021": schedule_tu_2021, "gh-2022": schedule_gh_2022, "hy-2022": schedule_hy_2022,
                     "rp-2024": schedule_rp_2024, "pa": schedule_pa}

# ============================================================================= week 1: Initialization
#
# The course's initialize_parameters_* seed 3 inside, then draw W1, W2, ... with randn; "random" multiplies by
# 10, "He" by sqrt(2 / n_{l-1}). Only the layer sizes change between versions. The 2017-18 notebooks print the
# tu-2021 values (seen in exported copies only, e.g. index id 55431307), so they are not repeated here.

_ZEROS_321 = {"W1": np.zeros((2, 3)), "b1": np.zeros((2, 1)), "W2": np.zeros((1, 2)), "b2": np.zeros((1, 1))}
_RANDOM_321 = {"W1": _a([[17.88628473, 4.36509851, 0.96497468], [-18.63492703, -2.77388203, -3.54758979]]),
               "b1": np.zeros((2, 1)), "W2": _a([[-0.82741481, -6.27000677]]), "b2": np.zeros((1, 1))}


def zeros_tu_2021():
    """tu-2021 (id 544422600): initialize_parameters_zeros([3, 2, 1])."""
    return {"layers_dims": [3, 2, 1], "expected": _ZEROS_321}


def zeros_dl_2022():
    """dl-2022 (id 673052996): the same."""
    return {"layers_dims": [3, 2, 1], "expected": _ZEROS_321}


def random_tu_2021():
    """tu-2021 (id 544422600): initialize_parameters_random([3, 2, 1])."""
    return {"layers_dims": [3, 2, 1], "expected": _RANDOM_321}


def random_dl_2022():
    """dl-2022 (id 673052996): the same."""
    return {"layers_dims": [3, 2, 1], "expected": _RANDOM_321}


def he_tu_2021():
    """tu-2021 (id 544422600): initialize_parameters_he([2, 4, 1])."""
    return {"layers_dims": [2, 4, 1], "expected": {
        "W1": _a([[1.78862847, 0.43650985], [0.09649747, -1.8634927], [-0.2773882, -0.35475898],
                  [-0.08274148, -0.62700068]]),
        "b1": np.zeros((4, 1)), "W2": _a([[-0.03098412, -0.33744411, -0.92904268, 0.62552248]]),
        "b2": np.zeros((1, 1))}}


def he_dl_2022():
    """dl-2022 (id 673052996): initialize_parameters_he([3, 1, 2]), a network with 2 output units."""
    return {"layers_dims": [3, 1, 2], "expected": {
        "W1": _a([[1.46040903, 0.3564088, 0.07878985]]), "b1": _a([[0.0]]),
        "W2": _a([[-2.63537665], [-0.39228616]]), "b2": _a([[0.0], [0.0]])}}


INITIALIZATION = {
    ("zeros", "tu-2021"): zeros_tu_2021, ("zeros", "dl-2022"): zeros_dl_2022,
    ("random", "tu-2021"): random_tu_2021, ("random", "dl-2022"): random_dl_2022,
    ("he", "tu-2021"): he_tu_2021, ("he", "dl-2022"): he_dl_2022,
}

# ============================================================================= week 1: Regularization
#
# Test-case inputs ('ac' Week 1/Regularization/testCases.py; written inline in dl-2022): np.random.seed(1), then
# X randn(3, 5) for the propagation tests, then W1 (2, 3), b1 (2, 1), W2 (3, 2), b2 (3, 1), W3 (1, 3), b3 (1, 1).

_NETWORK = [("W1", (2, 3)), ("b1", (2, 1)), ("W2", (3, 2)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1))]
_Y5 = _a([[1, 1, 0, 1, 0]])
_A3 = _a([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])


def _cost_inputs():
    """compute_cost_with_regularization_test_case: seed 1, the parameters only (no X), and A3 written out."""
    return {"A3": _A3, "Y": _Y5, "parameters": _draws(1, _NETWORK), "lambd": 0.1}


def cost_nb_2018():
    """nb-2018 (id 2066438409): 'Expected Output' cost = 1.78648594516 (11 decimals)."""
    return {"inputs": _cost_inputs(), "expected": 1.78648594516, "atol": 5e-12}


def cost_dl_2022():
    """dl-2022 (id 578141449): np.float64(1.7864859451590758), compared with np.allclose."""
    return {"inputs": _cost_inputs(), "expected": 1.7864859451590758, "atol": 1e-15}


COMPUTE_COST_WITH_REGULARIZATION = {"nb-2018": cost_nb_2018, "dl-2022": cost_dl_2022}


def _x_and_network():
    """np.random.seed(1); X randn(3, 5), then the network's parameters (forward_propagation_with_dropout_test_case)."""
    draws = _draws(1, [("X", (3, 5))] + _NETWORK)
    return draws.pop("X"), draws


def _l2_cache():
    """backward_propagation_with_regularization_test_case's cache (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)."""
    return (
        _a([[-1.52855314, 3.32524635, 2.13994541, 2.60700654, -0.75942115],
            [-1.98043538, 4.1600994, 0.79051021, 1.46493512, -0.45506242]]),
        _a([[0.0, 3.32524635, 2.13994541, 2.60700654, 0.0], [0.0, 4.1600994, 0.79051021, 1.46493512, 0.0]]),
        _a([[-1.09989127, -0.17242821, -0.87785842], [0.04221375, 0.58281521, -1.10061918]]),
        _a([[1.14472371], [0.90159072]]),
        _a([[0.53035547, 5.94892323, 2.31780174, 3.16005701, 0.53035547],
            [-0.69166075, -3.47645987, -2.25194702, -2.65416996, -0.69166075],
            [-0.39675353, -4.62285846, -2.61101729, -3.22874921, -0.39675353]]),
        _a([[0.53035547, 5.94892323, 2.31780174, 3.16005701, 0.53035547], [0.0] * 5, [0.0] * 5]),
        _a([[0.50249434, 0.90085595], [-0.68372786, -0.12289023], [-0.93576943, -0.26788808]]),
        _a([[0.53035547], [-0.69166075], [-0.39675353]]),
        _a([[-0.3771104, -4.10060224, -1.60539468, -2.18416951, -0.3771104]]),
        _A3,
        _a([[-0.6871727, -0.84520564, -0.67124613]]),
        _a([[-0.0126646]]),
    )


def _l2_inputs():
    X, _ = _x_and_network()
    return {"X": X, "Y": _Y5, "cache": _l2_cache(), "lambd": 0.7}


_L2_DW = {
    "dW1": _a([[-0.25604646, 0.12298827, -0.28297129], [-0.17706303, 0.34536094, -0.4410571]]),
    "dW2": _a([[0.79276486, 0.85133918], [-0.0957219, -0.01720463], [-0.13100772, -0.03750433]]),
    "dW3": _a([[-1.77691347, -0.11832879, -0.09397446]]),
}


def l2_backward_nb_2018():
    """nb-2018 (id 2066438409): 'Expected Output' dW1, dW2, dW3 for lambd = 0.7."""
    return {"inputs": _l2_inputs(), "expected": _L2_DW}


def l2_backward_dl_2022():
    """dl-2022 (id 578141449): the gradients of the parameters (its dZ3, dA2, dZ2, dA1, dZ1 are not returned by
    utils and are left out)."""
    return {"inputs": _l2_inputs(), "expected": {
        **_L2_DW, "db1": _a([[0.11845855], [0.21236874]]), "db2": _a([[0.26135226], [0.0], [0.0]]),
        "db3": _a([[-0.38032981]]),
    }}


BACKWARD_PROPAGATION_WITH_REGULARIZATION = {"nb-2018": l2_backward_nb_2018, "dl-2022": l2_backward_dl_2022}


def dropout_forward_nb_2018():
    """nb-2018 (id 2066438409): forward_propagation_with_dropout(X, parameters, keep_prob=0.7): A3 only."""
    X, parameters = _x_and_network()
    return {"inputs": {"X": X, "parameters": parameters, "keep_prob": 0.7}, "expected": {
        "A3": _a([[0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]])}}


def dropout_forward_dl_2022():
    """dl-2022 (id 578141449): A3 and the cache (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)."""
    X, parameters = _x_and_network()
    return {"inputs": {"X": X, "parameters": parameters, "keep_prob": 0.7}, "expected": {
        "A3": _a([[0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]]),
        "Z1": _a([[-1.52855314, 3.32524635, 2.13994541, 2.60700654, -0.75942115],
                  [-1.98043538, 4.1600994, 0.79051021, 1.46493512, -0.45506242]]),
        "D1": _a([[True, False, True, True, True], [True, True, True, True, True]]),
        "A1": _a([[0.0, 0.0, 3.05706487, 3.72429505, 0.0], [0.0, 5.94299915, 1.1293003, 2.09276446, 0.0]]),
        "Z2": _a([[0.53035547, 5.88414161, 3.08385015, 4.28707196, 0.53035547],
                  [-0.69166075, -1.42199726, -2.92064114, -3.49524533, -0.69166075],
                  [-0.39675353, -1.98881216, -3.55998747, -4.44246165, -0.39675353]]),
        "D2": _a([[True, True, True, False, True], [True, True, True, True, True], [False, False, True, True, False]]),
        "A2": _a([[0.75765067, 8.40591658, 4.40550021, 0.0, 0.75765067], [0.0] * 5, [0.0] * 5]),
        "Z3": _a([[-0.53330145, -5.78898099, -3.04000407, -0.0126646, -0.53330145]]),
    }}


FORWARD_PROPAGATION_WITH_DROPOUT = {"nb-2018": dropout_forward_nb_2018, "dl-2022": dropout_forward_dl_2022}


def _dropout_cache():
    """backward_propagation_with_dropout_test_case's cache (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3).

    Its masks are np.random.seed(1) rand(...) < 0.5 and its activations are divided by 0.5: it was made with
    keep_prob = 0.5, while the test calls backward_propagation_with_dropout(..., keep_prob=0.8).
    """
    return (
        _a([[-1.52855314, 3.32524635, 2.13994541, 2.60700654, -0.75942115],
            [-1.98043538, 4.1600994, 0.79051021, 1.46493512, -0.45506242]]),
        _a([[True, False, True, True, True], [True, True, True, True, False]]),
        _a([[0.0, 0.0, 4.27989081, 5.21401307, 0.0], [0.0, 8.32019881, 1.58102041, 2.92987024, 0.0]]),
        _a([[-1.09989127, -0.17242821, -0.87785842], [0.04221375, 0.58281521, -1.10061918]]),
        _a([[1.14472371], [0.90159072]]),
        _a([[0.53035547, 8.02565606, 4.10524802, 5.78975856, 0.53035547],
            [-0.69166075, -1.71413186, -3.81223329, -4.61667916, -0.69166075],
            [-0.39675353, -2.62563561, -4.82528105, -6.0607449, -0.39675353]]),
        _a([[True, False, True, False, True], [False, True, False, True, True], [False, False, True, False, False]]),
        _a([[1.06071093, 0.0, 8.21049603, 0.0, 1.06071093], [0.0] * 5, [0.0] * 5]),
        _a([[0.50249434, 0.90085595], [-0.68372786, -0.12289023], [-0.93576943, -0.26788808]]),
        _a([[0.53035547], [-0.69166075], [-0.39675353]]),
        _a([[-0.7415562, -0.0126646, -5.65469333, -0.0126646, -0.7415562]]),
        _a([[0.32266394, 0.49683389, 0.00348883, 0.49683389, 0.32266394]]),
        _a([[-0.6871727, -0.84520564, -0.67124613]]),
        _a([[-0.0126646]]),
    )


def dropout_backward_dl_2022():
    """dl-2022 (id 578141449): backward_propagation_with_dropout(X, Y, cache, keep_prob=0.8); utils' keys only.

    "cache_keep_prob" is the keep_prob the cache was made with (0.5, see ``_dropout_cache``).
    """
    X, _ = _x_and_network()
    return {"inputs": {"X": X, "Y": _Y5, "cache": _dropout_cache(), "keep_prob": 0.8}, "cache_keep_prob": 0.5,
            "expected": {
                "dW3": _a([[-0.06951191, 0.0, 0.0]]), "db3": _a([[-0.2715031]]),
                "dW2": _a([[-0.00256518, -0.0009476], [0.0, 0.0], [0.0, 0.0]]), "db2": _a([[0.06033089], [0.0], [0.0]]),
                "dW1": _a([[0.00019884, 0.00028657, 0.00012138], [0.00035647, 0.00051375, 0.00021761]]),
                "db1": _a([[-0.00037647], [-0.00067492]]),
            }}


BACKWARD_PROPAGATION_WITH_DROPOUT = {"dl-2022": dropout_backward_dl_2022}
# Left out: nb-2018's backward_propagation_with_dropout (id 2066438409) prints only dA1 and dA2, which utils does
# not return (its backward pass returns the gradients of the parameters); its cache is the same keep_prob 0.5 one.

# ============================================================================= week 1: Gradient Checking


def gradient_check_nb_2018():
    """nb-2018: gradient_check(2, 4); the notebook printed 2.91933588329e-10, its table says 2.9193358103083e-10.

    (The table, id 23521282520, is not what the formula gives; the printed output is, to its 12 digits.)
    """
    return {"inputs": (2, 4), "expected": 2.91933588329e-10, "rtol": 5e-12, "erratum": 2.9193358103083e-10,
            "compared_by": None}


def gradient_check_tu_2021():
    """tu-2021 (id 139544141): single_test, np.allclose(2.919335883291695e-10, gradient_check(2, 4))."""
    return {"inputs": (2, 4), "expected": 2.919335883291695e-10, "rtol": 1e-15, "compared_by": "np.allclose"}


def gradient_check_gh_2022():
    """gh-2022: W1A3/public_tests.py, the same as tu-2021 (single_test of dlai_tools)."""
    return {"inputs": (2, 4), "expected": 2.919335883291695e-10, "rtol": 1e-15, "compared_by": "np.allclose"}


def gradient_check_rp_2024():
    """rp-2024 (Gradient_Checking.ipynb prints it; ids 602501113, 22326663764): gradient_check(3, 4), single_test."""
    return {"inputs": (3, 4), "expected": 7.814075313343006e-11, "rtol": 1e-15, "compared_by": "np.allclose"}


# "compared_by": how the version's test compares the output, np.allclose(expected, output) in the single_test of
# test_utils and dlai_tools (its default atol 1e-8 is a hundred times the expected difference); None for a table.

GRADIENT_CHECK = {"nb-2018": gradient_check_nb_2018, "tu-2021": gradient_check_tu_2021,
                  "gh-2022": gradient_check_gh_2022, "rp-2024": gradient_check_rp_2024}
# Left out: forward_propagation_test and backward_propagation_test (J = theta x, dtheta = x) have no counterpart in
# utils, whose forward and backward passes are the network's.


def gradient_check_n_inputs():
    """gradient_check_n_test_case ('ac'): seed 1, X randn(4, 3), then W1 (5, 4), b1, W2 (3, 5), b2, W3 (1, 3), b3.

    Y is np.array([1, 1, 0]) in the course; as a (1, 3) row here.
    """
    draws = _draws(1, [("X", (4, 3)), ("W1", (5, 4)), ("b1", (5, 1)), ("W2", (3, 5)), ("b2", (3, 1)),
                       ("W3", (1, 3)), ("b3", (1, 1))])
    return draws.pop("X"), _a([[1, 1, 0]]), draws


PLANTED_BUGS = {"dW2": 2.0, "db1": 4.0}
"""backward_propagation_n's mistakes, the same in every version: dW2 is multiplied by 2 and db1 by 4."""


def gradient_check_n_nb_2018():
    """nb-2018 (ids 3782018410, 23521282520): 'There is a mistake in the backward propagation! difference =
    0.285093156781'; the check of that notebook passes below 1e-7."""
    return {"buggy": 0.285093156781, "correct": None, "threshold": 1e-7}


def gradient_check_n_tu_2021():
    """tu-2021 (id 139544141): gradient_check_n_test expects one of [0.2850931567761623, 1.1890913024229996e-07].

    Its test case is named "multiple_equation_output_check", a name that none of the single_test implementations
    found (test_utils, dlai_tools) handles: as found, that test cannot pass, whatever the function returns.
    """
    return {"buggy": 0.2850931567761623, "correct": 1.1890913024229996e-07, "threshold": 2e-7}


def gradient_check_n_rp_2024():
    """rp-2024 (Gradient_Checking.ipynb, inline): np.any(np.isclose(difference, [0.2850931567761623,
    1.1890913024229996e-07])); the message threshold is 2e-7."""
    return {"buggy": 0.2850931567761623, "correct": 1.1890913024229996e-07, "threshold": 2e-7}


GRADIENT_CHECK_N = {"nb-2018": gradient_check_n_nb_2018, "tu-2021": gradient_check_n_tu_2021,
                    "rp-2024": gradient_check_n_rp_2024}


def _predict_case():
    """predict_test: np.random.seed(1); X randn(2, 3); a 2 -> 4 -> 1 network written out; expects [[True, False, True]].

    This test comes from course 1 (week 3, planar data), whose hidden layer is tanh; the gradient-checking notebook
    never calls it. utils' hidden layers are ReLU: with these tiny weights the predictions agree all the same.
    """
    return {"X": np.random.RandomState(1).randn(2, 3), "parameters": {
        "W1": _a([[-0.00615039, 0.0169021], [-0.02311792, 0.03137121], [-0.0169217, -0.01752545],
                  [0.00935436, -0.05018221]]),
        "b1": _a([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.54560700e-06]]),
        "W2": _a([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
        "b2": _a([[9.14954378e-05]])}, "expected": _a([[True, False, True]])}


def predict_tu_2021():
    """tu-2021 (id 139544141), in the Gradient Checking public_tests.py."""
    return _predict_case()


def predict_gh_2022():
    """gh-2022: W1A3/public_tests.py."""
    return _predict_case()


def predict_rp_2024():
    """rp-2024 (ids 602501113, 22326663764)."""
    return _predict_case()


PREDICT = {"tu-2021": predict_tu_2021, "gh-2022": predict_gh_2022, "rp-2024": predict_rp_2024}
