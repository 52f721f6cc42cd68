"Execute notebooks in place as nbdev_test does (skipping `eval: false` cells, and `slow` ones unless --with-slow), keeping their outputs for the docs."
import ast, os, sys
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from nbdev.config import get_config
from nbdev.process import extract_directives

def skip(cell, flags):
    if cell.cell_type != "code" or "nbdev_export(" in cell.source: return True
    directives = extract_directives(cell, remove=False)
    if directives.get("eval:", [""])[0].lower() == "false": return True
    return bool(flags & directives.keys())

def only_imports(source: str) -> bool:
    try: tree = ast.parse("\n".join(l for l in source.splitlines() if not l.startswith("#|")))
    except SyntaxError: return False
    return bool(tree.body) and all(isinstance(node, (ast.Import, ast.ImportFrom)) for node in tree.body)

def execute(path: Path, flags: set):
    nb = read_nb(path)
    shell = CaptureShell(path)
    cwd = os.getcwd(); os.chdir(path.parent)
    try: shell.run_all(nb, exc_stop=True, preproc=lambda cell: skip(cell, flags))
    finally: os.chdir(cwd)
    for cell in nb.cells:  # an import cell cannot draw; execnb sometimes hands it the next cell's figure (seen in 06)
        if cell.cell_type == "code" and only_imports(cell.source): cell.outputs = []
    write_nb(nb, path)

if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    names = [a for a in sys.argv[1:] if a != "--with-slow"]
    flags = set() if "--with-slow" in sys.argv else set(get_config().tst_flags.split())
    for name in names or sorted(str(p) for p in get_config().nbs_path.glob("*.ipynb")):
        print(f"executing {name}", flush=True)
        execute(Path(name).resolve(), flags)
