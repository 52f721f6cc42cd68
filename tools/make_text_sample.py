"""Build the shipped English text samples from the Python 3.11 documentation sources.

Source: Debian's python3.11-doc package (apt-get install python3.11-doc), files
/usr/share/doc/python3.11/html/_sources/{tutorial,faq}/*.rst.txt. The documentation is
(c) the Python Software Foundation under the PSF License Agreement, which allows
redistribution with its notice: entrodrop/data/PYTHON-DOCS-LICENSE.txt.

Each section of reST becomes one document of plain prose: code blocks, interactive sessions,
tables and directives are dropped, inline markup is reduced to its text.

    python tools/make_text_sample.py
"""
import json, re
from pathlib import Path

SOURCES = Path("/usr/share/doc/python3.11/html/_sources")
TARGET = Path(__file__).resolve().parent.parent / "entrodrop" / "data"
UNDERLINE = re.compile(r"^([=\-~*^\"'`#+])\1{2,}\s*$")
PROSE_DIRECTIVES = ("note", "seealso", "tip", "important", "warning", "versionadded", "versionchanged")
API_DIRECTIVES = ("function", "method", "class", "attribute", "data", "exception", "decorator", "module", "describe", "opcode",
                  "c:function", "c:macro", "c:type", "c:member", "c:var", "index", "productionlist", "impl-detail", "deprecated")

def inline(text: str) -> str:
    text = re.sub(r":[\w:.-]+:`~?([^`<]*?)\s*(<[^>]*>)?`", r"\1", text)   # :role:`title <target>` -> title
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`_+", r"\1", text)                  # `text <url>`_ -> text
    text = re.sub(r"``([^`]+)``", r"\1", text)
    text = re.sub(r"`([^`]+)`_*", r"\1", text)
    text = re.sub(r"\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"\|([\w-]+)\|", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()

def sections(path: Path, keep_directives=PROSE_DIRECTIVES):
    "(title, paragraphs) of each section of a reST file; the bodies of `keep_directives` are kept as prose."
    lines = path.read_text(encoding="utf-8").splitlines()
    title, paragraphs, block, skip_indent = path.stem, [], [], None
    def flush():
        if block:
            para = " ".join(l.strip() for l in block)
            if not para.startswith((">>>", "+-", "|", "=====")) and len(para) > 40: paragraphs.append(inline(para))
            block.clear()
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if line.strip() and indent <= skip_indent: skip_indent = None
            else: continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if UNDERLINE.match(nxt) and line.strip() and not UNDERLINE.match(line):
            flush()
            if paragraphs: yield title, paragraphs
            title, paragraphs = inline(line), []
            continue
        if UNDERLINE.match(line): continue
        if line.lstrip().startswith(".. "):
            flush()
            keep_body = re.match(r"\s*\.\. (" + "|".join(map(re.escape, keep_directives)) + ")::", line)
            if not keep_body: skip_indent = indent
            continue
        if not line.strip():
            flush(); continue
        block.append(line)
        if line.rstrip().endswith("::"):
            block[-1] = line.rstrip()[:-1]
            flush(); skip_indent = indent
    flush()
    if paragraphs: yield title, paragraphs

def build(folder: str, name: str):
    records = []
    for path in sorted((SOURCES / folder).glob("*.rst.txt")):
        for title, paragraphs in sections(path):
            text = "\n\n".join(paragraphs)
            if len(text) > 200: records.append({"source": f"python-3.11-docs/{folder}/{path.name[:-8]}", "title": title, "text": text})
    out = TARGET / name
    out.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    print(f"{out.name}: {len(records)} documents, {sum(len(r['text']) for r in records) / 1e3:.0f} kB of text")

if __name__ == "__main__":
    TARGET.mkdir(parents=True, exist_ok=True)
    build("tutorial", "python_docs_tutorial.jsonl")
    build("faq", "python_docs_faq.jsonl")
    (TARGET / "PYTHON-DOCS-LICENSE.txt").write_text((SOURCES / "license.rst.txt").read_text(encoding="utf-8"), encoding="utf-8")
