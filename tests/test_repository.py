"""The committed notebooks, Images/ and the README: what users see on GitHub and in Jupyter."""

import ast
import json
import re
from pathlib import Path

import pytest
from IPython.core.inputtransformer2 import TransformerManager

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in ROOT.glob("*/*.ipynb") if ".ipynb_checkpoints" not in p.parts)
README = (ROOT / "README.md").read_text(encoding="utf-8")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(notebook):
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def exercise_cells(notebook):
    """The code cells of the "Your turn" sections: the learner's function (with its mistake), then its checker."""
    cells = notebook["cells"]
    starts = [k for k, cell in enumerate(cells) if cell["cell_type"] == "markdown"
              and "".join(cell["source"]).startswith("### Your turn")]
    return [(cells[k + 1], cells[k + 2]) for k in starts]


def python_tree(cell):
    """The cell's code as a Python syntax tree (IPython magics such as %run turned into calls first)."""
    return ast.parse(TransformerManager().transform_cell("".join(cell["source"])))


def saved_figure_names(notebook):
    """The names passed to save_figure(figure, "name") in the notebook's code cells."""
    names = set()
    for cell in code_cells(notebook):
        for node in ast.walk(python_tree(cell)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "save_figure":
                names.add(node.args[1].value)
    return names


def markdown_outputs(notebook):
    return "\n".join("".join(output["data"]["text/markdown"]) for cell in code_cells(notebook)
                     for output in cell["outputs"] if "text/markdown" in output.get("data", {}))


def test_there_is_one_notebook_per_folder():
    assert [p.relative_to(ROOT).as_posix() for p in NOTEBOOKS] == [
        "Gradient_Checking/Gradient_Checking.ipynb",
        "Hyperparameter_Tuning/Hyperparameter_Tuning.ipynb",
        "Multiclass_Classification/Multiclass_Classification.ipynb",
        "Optimization/Optimization.ipynb",
        "Regularization/Regularization.ipynb",
        "Weight_Initialization/Weight_Initialization.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_notebook_is_committed_from_one_clean_run(path):
    notebook = load(path)
    cells = code_cells(notebook)
    assert [cell["execution_count"] for cell in cells] == list(range(1, len(cells) + 1))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    assert set(notebook["metadata"]) <= {"kernelspec", "language_info"}, "stray notebook metadata"
    assert all(set(cell["metadata"]) <= {"tags"} for cell in notebook["cells"]), "stray cell metadata"
    outputs = [output for cell in cells for output in cell["outputs"]]
    assert outputs and not [o for o in outputs if o["output_type"] == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"], "warnings or errors printed to stderr"
    assert path.stat().st_size < 1_000_000, "GitHub does not render notebooks of 1 MB or more"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_notebook_imports_model_code_from_utils(path):
    """No model code in the notebooks, except the functions a learner writes in a "Your turn" section."""
    notebook = load(path)
    exercises = [function["source"] for function, _ in exercise_cells(notebook)]
    for cell in code_cells(notebook):
        if cell["source"] in exercises:
            continue
        for node in ast.walk(python_tree(cell)):
            if isinstance(node, ast.FunctionDef):  # small helpers only: model code belongs in utils
                assert not re.search(r"propagation|backward|gradient_descent", node.name), node.name
                assert node.end_lineno - node.lineno < 10, f"{node.name} is long: it belongs in utils"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_every_notebook_has_a_your_turn_section_whose_checker_names_a_mistake(path):
    """The committed function holds one classic mistake, and the checker's compared output names it."""
    sections = exercise_cells(load(path))
    assert sections
    for function, checker in sections:
        assert "def " in "".join(function["source"]) and "utils.exercises import" in "".join(checker["source"])
        assert "NBVAL_IGNORE_OUTPUT" not in "".join(checker["source"])
        printed = "".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
                          for o in checker["outputs"])
        verdicts = re.findall(r"^.+?: (mistake: .+?\.|correct)", printed, re.MULTILINE)
        assert verdicts and all(v.startswith("mistake: ") for v in verdicts), printed


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_every_cell_reads_in_one_glance(path):
    """Apart from the imports at the top, no code cell runs past 15 lines: machinery belongs in utils."""
    for number, cell in enumerate(code_cells(load(path))[1:], start=2):
        lines = "".join(cell["source"]).splitlines()
        assert len(lines) <= 15, f"code cell {number} has {len(lines)} lines: {lines[0]}"


def test_every_image_is_written_by_a_notebook_and_every_saved_figure_is_committed():
    written = set().union(*(saved_figure_names(load(path)) for path in NOTEBOOKS))
    committed = {p.stem for p in (ROOT / "Images").iterdir()}
    assert committed == written
    assert all(p.suffix == ".png" and p.stat().st_size < 300_000 for p in (ROOT / "Images").iterdir())


def test_every_image_the_readme_links_exists_and_every_image_is_shown():
    linked = re.findall(r"\]\((Images/[^)\s]+)\)", README)
    assert linked and all((ROOT / link).is_file() for link in linked)
    assert {Path(link).stem for link in linked} == {p.stem for p in (ROOT / "Images").iterdir()}


def test_readme_tables_are_the_notebooks_outputs():
    blocks = re.findall(r"<!-- table from (\S+\.ipynb) -->\n((?:\|.*\n)+)", README)
    assert len(blocks) >= 6
    for notebook, table in blocks:
        outputs = markdown_outputs(load(ROOT / notebook))
        for row in table.strip().splitlines():
            assert row in outputs, f"README row not in {notebook}'s outputs: {row}"


@pytest.mark.parametrize("heading", ["## Exercises", "## Using `utils` from your own code"])
def test_the_readme_examples_print_what_the_readme_says(heading, capsys):
    """The first Python block of the section runs, and prints the text block that follows it."""
    section = README[README.index(heading):]
    code, printed = re.search(r"```python\n(.*?)```.*?```text\n(.*?)```", section, re.DOTALL).groups()
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out == printed


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    assert "make run" in README and "make test" in README
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.MULTILINE)
