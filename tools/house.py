"""The house rules CI holds the library to: no module over MODULE_LINES lines, no function over FUNCTION_LINES, no
function found by name in a module's globals(). `python tools/house.py` prints what breaks them and exits 1 if any."""
import ast, sys
from pathlib import Path

MODULE_LINES, FUNCTION_LINES = 450, 60
LIBRARY = Path(__file__).resolve().parent.parent / "entrodrop"

def breaches() -> list[str]:
    found = []
    for path in sorted(LIBRARY.glob("*.py")):
        if path.name == "_modidx.py": continue
        text = path.read_text()
        if len(text.splitlines()) > MODULE_LINES: found.append(f"{path.name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES: found.append(f"{path.name}: {node.name} is {length} lines")
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "globals":
                found.append(f"{path.name}:{node.lineno}: globals()")
    return found

if __name__ == "__main__":
    found = breaches()
    print("\n".join(found) or f"house rules hold: modules <= {MODULE_LINES} lines, functions <= {FUNCTION_LINES}, no globals()")
    sys.exit(1 if found else 0)
