"""Test-session set-up shared by the unit tests and the notebooks that nbval runs.

The notebooks save their figures with ``utils.plots.save_figure``. Under test they must not rewrite
the committed Images/ (a clean checkout stays clean after `make test`), so the session points
UTILS_IMAGES_DIR at a temporary folder before any notebook kernel starts; the kernels inherit it.
`make run` leaves it unset and regenerates Images/.
"""

import os
import shutil
import tempfile

from utils.plots import IMAGES_DIR_VARIABLE


def pytest_configure(config):
    config._figure_folder = tempfile.mkdtemp(prefix="figures-under-test-")
    config._previous_figure_folder = os.environ.get(IMAGES_DIR_VARIABLE)
    os.environ[IMAGES_DIR_VARIABLE] = config._figure_folder


def pytest_unconfigure(config):
    if config._previous_figure_folder is None:
        os.environ.pop(IMAGES_DIR_VARIABLE, None)
    else:
        os.environ[IMAGES_DIR_VARIABLE] = config._previous_figure_folder
    shutil.rmtree(config._figure_folder, ignore_errors=True)
