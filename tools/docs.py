"""The offline documentation build and its check in a real browser.

    python tools/docs.py build    # nbdev_proc_nbs + smalldocs -> _site/ (KaTeX vendored from npm, no CDN needed)
    python tools/docs.py check    # headless Chromium loads every page: figures, maths, no error output; screenshots

With internet and Quarto, the standard path is `nbdev_docs` (it reads the same _quarto.yml).
"""
import base64, html, re, shutil, struct, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
site, proc = root / "_site", root / "_proc"
KATEX_VERSION = "0.16.11"
KATEX_CDN = f"https://cdn.jsdelivr.net/npm/katex@{KATEX_VERSION}/dist"

def run(*cmd, **kw): subprocess.run(cmd, check=True, cwd=root, **kw)

def vendor_katex(target: Path):
    "Copy KaTeX from npm into the site and point the pages at it, so maths renders without the CDN."
    cache = root / ".cache" / f"katex-{KATEX_VERSION}"
    if not (cache / "node_modules" / "katex" / "dist").exists():
        cache.mkdir(parents=True, exist_ok=True)
        run("npm", "install", "--no-save", "--silent", "--prefix", str(cache), f"katex@{KATEX_VERSION}")
    shutil.copytree(cache / "node_modules" / "katex" / "dist", target / "site_libs" / "katex", dirs_exist_ok=True)
    for page in target.rglob("*.html"):
        depth = len(page.relative_to(target).parts) - 1
        page.write_text(page.read_text(encoding="utf-8").replace(KATEX_CDN, "../" * depth + "site_libs/katex"), encoding="utf-8")

def build():
    shutil.rmtree(proc, ignore_errors=True); shutil.rmtree(site, ignore_errors=True)
    # nbdev_proc_nbs minus its first step, which tries to download Quarto and re-runs `pip install -e .[dev]`
    import nbdev.doclinks
    from nbdev.config import get_config
    from nbdev.quarto import proc_nbs, refresh_quarto_yml
    refresh_quarto_yml(); nbdev.doclinks._build_modidx(); proc_nbs(get_config().nbs_path)
    run("smalldocs", "render", str(proc), "--quiet")
    shutil.move(str(proc / "_docs"), str(site))
    vendor_katex(site)
    pages = sorted(p.name for p in site.glob("*.html"))
    print(f"built {len(pages)} pages into {site}: {', '.join(pages)}")

def png_header_size(raw: bytes):
    "(width, height) from a PNG's header, or None if it is not a PNG."
    if raw[:8] != b"\x89PNG\r\n\x1a\n": return None
    return struct.unpack(">II", raw[16:24])

def png_size(data_uri: str): return png_header_size(base64.b64decode(data_uri.split(",", 1)[1]))

def image_file_ok(path: Path) -> bool:
    "An image file beside a page: present, and for a PNG, with a non-zero size in its header."
    if not path.is_file() or path.stat().st_size == 0: return False
    if path.suffix.lower() != ".png": return True
    size = png_header_size(path.read_bytes()[:24])
    return bool(size) and 0 not in size

def chromium(*args) -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser: sys.exit("no Chromium found: apt-get install chromium")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--allow-file-access-from-files",
             "--virtual-time-budget=10000", f"--user-data-dir={tempfile.mkdtemp()}"]
    return subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=120).stdout

def check(shots: Path):
    "Load every page in headless Chromium; fail on a missing page, a broken figure, unrendered maths or an error output."
    shots.mkdir(parents=True, exist_ok=True)
    expected = {p.stem for p in (root / "nbs").glob("*.ipynb")}
    failures = [f"no page for {name}.ipynb" for name in sorted(expected - {p.stem for p in site.glob("*.html")})]
    for page in sorted(site.glob("*.html")):
        url = page.resolve().as_uri()
        dom = chromium("--dump-dom", url)
        problems = []
        if "</main>" not in dom and "</body>" not in dom: problems.append("did not load")
        images = re.findall(r'<img[^>]*src="(data:image/png;base64,[^"]+)"', dom)
        broken = [i for i, uri in enumerate(images) if not png_size(uri) or 0 in png_size(uri)]
        if broken: problems.append(f"broken figures {broken}")
        if len(set(images)) < len(images): problems.append(f"{len(images) - len(set(images))} figure(s) shown twice")
        files = [src for src in re.findall(r'<img[^>]*src="([^"]+)"', dom) if not src.startswith(("data:", "http:", "https:"))]
        missing = [src for src in files if not image_file_ok(page.parent / src.split("?")[0])]
        if missing: problems.append(f"missing or empty image files {missing}")
        images += files
        source = page.read_text(encoding="utf-8")
        has_math = bool(re.search(r'class="math (inline|display)"|\\\(|\\\[', source))
        rendered = dom.count('class="katex"')
        if has_math and rendered == 0: problems.append("maths present but not rendered by KaTeX")
        text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
        if re.search(r"Traceback \(most recent call last\)|\w+Error: ", text): problems.append("an error in the rendered output")
        chromium("--window-size=1280,2400", f"--screenshot={shots / (page.stem + '.png')}", url)
        status = "; ".join(problems) or "ok"
        print(f"{page.name:24s} figures {len(images):2d}  maths {rendered:3d}  {status}")
        failures += [f"{page.name}: {p}" for p in problems]
    if failures: sys.exit("site check failed:\n  " + "\n  ".join(failures))
    print(f"all {len(list(site.glob('*.html')))} pages load, with their figures and maths; screenshots in {shots}")

if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "build": build()
    elif command == "check": check(Path(sys.argv[2]) if len(sys.argv) > 2 else root / ".ci" / "artifacts" / "screenshots")
    else: sys.exit(__doc__)
