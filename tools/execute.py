"""Refresh the outputs a notebook shows in the docs: `python tools/execute.py [--with-slow] NOTEBOOK ...` executes each in
place as nbdev_test does (skipping `eval: false` cells, and `slow` ones unless --with-slow) and keeps its outputs, with
every figure stored as a palette PNG; `python tools/execute.py --compact NOTEBOOK ...` only re-encodes the figures
(and drops a table's plain-text copy beside its HTML).
The notebooks' outputs stay under OUTPUT_BUDGET bytes in all (`--check`, run by CI)."""
import ast, base64, io, json, os, sys
from pathlib import Path

OUTPUT_BUDGET = 2_500_000  # bytes of outputs over every notebook (issue 32)
COLOURS = 128  # a palette PNG of a line plot or heatmap looks the same and takes a third of the bytes or less

def skip(cell, flags):
    from nbdev.process import extract_directives
    if cell.cell_type != "code" or "nbdev_export(" in cell.source: return True
    directives = extract_directives(cell, remove=False)
    if directives.get("eval:", [""])[0].lower() == "false": return True
    return bool(flags & directives.keys())

def only_imports(source: str) -> bool:
    try: tree = ast.parse("\n".join(l for l in source.splitlines() if not l.startswith("#|")))
    except SyntaxError: return False
    return bool(tree.body) and all(isinstance(node, (ast.Import, ast.ImportFrom)) for node in tree.body)

def palette_png(encoded: str) -> str:
    "A base64 PNG re-encoded with a palette of COLOURS colours (kept as it was if that is not smaller)."
    from PIL import Image
    raw = base64.b64decode(encoded)
    buffer = io.BytesIO()
    Image.open(io.BytesIO(raw)).convert("RGB").quantize(COLOURS).save(buffer, "PNG", optimize=True)
    return base64.b64encode(buffer.getvalue()).decode() if buffer.tell() < len(raw) else encoded

def compact(path: Path):
    "Every PNG output of the notebook at `path` as a palette PNG, without a plain-text copy of HTML, written in place."
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data: data["image/png"] = palette_png(data["image/png"]).strip() + "\n"
            if "text/html" in data: data.pop("text/plain", None)  # the docs (Quarto, smalldocs) show the HTML
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")

def output_bytes(path: Path) -> int:
    return sum(len(json.dumps(cell.get("outputs", []))) for cell in json.loads(path.read_text())["cells"])

def execute(path: Path, flags: set):
    from execnb.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    nb = read_nb(path)
    shell = CaptureShell(path)
    cwd = os.getcwd()
    os.chdir(path.parent)
    try: shell.run_all(nb, exc_stop=True, preproc=lambda cell: skip(cell, flags))
    finally: os.chdir(cwd)
    for cell in nb.cells:  # an import cell cannot draw; execnb sometimes hands it the next cell's figure (seen in 06)
        if cell.cell_type == "code" and only_imports(cell.source): cell.outputs = []
    write_nb(nb, path)
    compact(path)

def check(paths) -> bool:
    total = sum(output_bytes(path) for path in paths)
    print(f"notebook outputs: {total / 1e6:.2f} MB in all (budget {OUTPUT_BUDGET / 1e6:.1f} MB)")
    return total <= OUTPUT_BUDGET

if __name__ == "__main__":
    from nbdev.config import get_config
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    modes = {"--with-slow", "--compact", "--check"}
    names = [Path(a).resolve() for a in sys.argv[1:] if a not in modes]
    paths = names or sorted(get_config().nbs_path.glob("*.ipynb"))
    if "--check" in sys.argv: sys.exit(0 if check(paths) else 1)
    flags = set() if "--with-slow" in sys.argv else set(get_config().tst_flags.split())
    for path in paths:
        print(f"{'compacting' if '--compact' in sys.argv else 'executing'} {path.name}", flush=True)
        compact(path) if "--compact" in sys.argv else execute(path, flags)
