"""Execute every notebook in place, each in a fresh kernel: what `make run` does.

Outputs are replaced by those of one clean top-to-bottom run (execution counts 1..N), figures
in Images/ are rewritten by the notebooks themselves, and the metadata is reduced to the
kernelspec and language, so that the committed notebooks differ only where results differ.

Run: python tools/run_notebooks.py [NOTEBOOK ...]   (default: every */*.ipynb)
"""

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from traitlets.config import Config

from utils.plots import IMAGES_DIR_VARIABLE

ROOT = Path(__file__).resolve().parents[1]
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def clean(notebook):
    """Keep only what a reader needs: sources, outputs, the kernelspec; no run timings or widgets."""
    notebook.metadata = nbformat.NotebookNode(kernelspec=KERNELSPEC, language_info={"name": "python"})
    for cell in notebook.cells:
        cell.metadata = nbformat.NotebookNode({k: v for k, v in cell.metadata.items() if k == "tags"})


def kernel_transport(sockets):
    """Configuration for a kernel that talks over local IPC sockets in ``sockets`` where the platform has them.

    Over TCP (Windows) anything on the machine could connect to the kernel, and ipykernel says so with a
    warning on every start; IPC sockets in a private temporary folder are local to this user.
    """
    if os.name != "posix":
        return Config()
    return Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "kernel")}})


def execute(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as sockets:
        NotebookClient(notebook, kernel_name="python3", config=kernel_transport(sockets), timeout=900,
                       record_timing=False, resources={"metadata": {"path": str(path.parent)}}).execute()
    clean(notebook)
    nbformat.write(notebook, path)
    return f"{path.relative_to(ROOT)}: executed in {time.perf_counter() - start:.1f} s"


def main(arguments):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: every */*.ipynb)")
    notebooks = parser.parse_args(arguments).notebooks
    missing = [str(path) for path in notebooks if not path.is_file()]
    if missing:
        parser.error(f"no such notebook: {', '.join(missing)}")
    os.environ.pop(IMAGES_DIR_VARIABLE, None)  # the figures go to Images/, whatever the caller's environment says
    paths = [p.resolve() for p in notebooks] or sorted(
        p for p in ROOT.glob("*/*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    with ProcessPoolExecutor(max_workers=2) as pool:
        for line in pool.map(execute, paths):
            print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
