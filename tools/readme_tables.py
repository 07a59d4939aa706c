"""Copy the notebooks' result tables into the README: what `make run` does after executing the notebooks.

Each README table preceded by ``<!-- table from Folder/Notebook.ipynb -->`` is replaced by the Markdown table
of that notebook's outputs that has the same header row. tests/test_repository.py checks that every README
row is in the notebook's outputs, so a table that was not refreshed fails the tests.

Run: python tools/readme_tables.py
"""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"(<!-- table from (\S+\.ipynb) -->\n)((?:\|.*\n)+)")


def output_tables(notebook_path):
    """Every Markdown table in the notebook's outputs, as a list of lines each."""
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    tables = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            text = "".join(output.get("data", {}).get("text/markdown", ""))
            tables += [block.splitlines() for block in re.findall(r"(?:^\|.*\n?)+", text, re.MULTILINE)]
    return tables


def refresh(readme):
    """The README text with every marked table replaced by the notebook's current one; raises if one is missing."""
    def replace(match):
        marker, notebook, table = match.groups()
        header = table.splitlines()[0]
        candidates = [t for t in output_tables(ROOT / notebook) if t[0] == header]
        if len(candidates) != 1:
            raise SystemExit(f"{notebook}: {len(candidates)} output tables have the header {header!r}, expected 1")
        return marker + "\n".join(candidates[0]) + "\n"
    return BLOCK.sub(replace, readme)


def main():
    path = ROOT / "README.md"
    before = path.read_text(encoding="utf-8")
    after = refresh(before)
    path.write_text(after, encoding="utf-8", newline="\n")
    print("README tables: " + ("refreshed from the notebooks" if after != before else "already up to date"))


if __name__ == "__main__":
    main()
