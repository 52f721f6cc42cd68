"Write README.md from nbs/index.ipynb (markdown cells verbatim but for image paths, which are relative to nbs/; code cells as python blocks); --check fails on a difference."
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def render() -> str:
    cells = json.loads((root / "nbs" / "index.ipynb").read_text(encoding="utf-8"))["cells"]
    parts = []
    for cell in cells:
        source = "".join(cell["source"]).strip()
        if not source or source.startswith("#|"): continue
        parts.append(source.replace("](images/", "](nbs/images/") if cell["cell_type"] == "markdown" else f"```python\n{source}\n```")
    return "\n\n".join(parts) + "\n"

if __name__ == "__main__":
    text, readme = render(), root / "README.md"
    if "--check" in sys.argv:
        if readme.read_text(encoding="utf-8") != text: sys.exit("README.md differs from nbs/index.ipynb: run python tools/readme.py")
    else: readme.write_text(text, encoding="utf-8")
