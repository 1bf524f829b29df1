"""Build paramscope's page into web/dist/ (``make web``): plain static files.

    python web/build.py

1. ``npm ci`` in web/ (Pyodide and CodeMirror 5 at the versions pinned in package.json and
   package-lock.json), when node_modules is missing or older than the lock file.
2. paramscope's wheel, built from the repository's sources by ``pip wheel --no-deps`` (from a
   clean copy of them, so that nothing stale in build/ gets in).
3. The page (web/src), the examples (web/examples.json: the seed scripts, the page's own
   models) as one examples.json, Pyodide's runtime files and CodeMirror's, with their
   licences.
4. build.json (versions, the wheel's name) and the service worker (sw.js) with the list of
   files it caches for offline use, named after a hash of their contents.

Nothing is fetched at run time from anywhere but the page's own folder.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

WEB = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(WEB)
DIST = os.path.join(WEB, "dist")
MODULES = os.path.join(WEB, "node_modules")

#: Pyodide's files the page loads: the worker's classic script (pyodide.js, not the ES module
#: pyodide.mjs), the runtime, the standard library and the lock file loadPyodide reads (the
#: npm package also has the module build, source maps, consoles and typings).
PYODIDE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
#: CodeMirror 5: the editor, its stylesheet, the Python mode and the licence.
CODEMIRROR_FILES = {"lib/codemirror.js": "codemirror.js", "lib/codemirror.css": "codemirror.css",
                    "mode/python/python.js": "python.js", "LICENSE": "LICENSE"}


def run(cmd, cwd=None):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def npm_ci():
    lock = os.path.join(WEB, "package-lock.json")
    stamp = os.path.join(MODULES, ".package-lock.json")
    if os.path.exists(stamp) and os.path.getmtime(stamp) >= os.path.getmtime(lock):
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("make web needs npm (Node.js) to install Pyodide from the npm registry: "
                 "apt-get install npm, or see https://nodejs.org")
    run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=WEB)


def pinned_versions():
    with open(os.path.join(WEB, "package.json"), encoding="utf-8") as f:
        wanted = json.load(f)["dependencies"]
    versions = {}
    for name, version in wanted.items():
        with open(os.path.join(MODULES, name, "package.json"), encoding="utf-8") as f:
            installed = json.load(f)["version"]
        if installed != version:
            sys.exit(f"web/node_modules has {name} {installed}, package.json pins {version}: "
                     "remove web/node_modules and run make web again")
        versions[name] = version
    return versions


def _wheel_command(source, out):
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, source]
    # Without build isolation when this Python can build wheels itself (saves a download).
    if importlib.util.find_spec("setuptools") and importlib.util.find_spec("wheel"):
        cmd.insert(4, "--no-build-isolation")
    return cmd


def build_wheel(dest):
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    with tempfile.TemporaryDirectory(prefix="paramscope-wheel-") as tmp:
        source = os.path.join(tmp, "source")
        os.mkdir(source)
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(os.path.join(ROOT, name), source)
        shutil.copytree(os.path.join(ROOT, "src"), os.path.join(source, "src"), ignore=ignore)
        out = os.path.join(tmp, "out")
        # Fixed file dates in the wheel: the same sources give the same wheel (and the service
        # worker's cache keeps its name while nothing changed).
        os.environ.setdefault("SOURCE_DATE_EPOCH", "315532800")
        run(_wheel_command(source, out))
        (wheel,) = [n for n in os.listdir(out) if n.endswith(".whl")]
        shutil.copy2(os.path.join(out, wheel), os.path.join(dest, wheel))
    return wheel


def copy_page(dest):
    src = os.path.join(WEB, "src")
    for name in sorted(os.listdir(src)):
        if name != "sw.js":
            shutil.copy2(os.path.join(src, name), os.path.join(dest, name))
    os.makedirs(os.path.join(dest, "pyodide"))
    for name in PYODIDE_FILES:
        shutil.copy2(os.path.join(MODULES, "pyodide", name), os.path.join(dest, "pyodide", name))
    drop_source_map_comment(os.path.join(dest, "pyodide", "pyodide.js"))
    os.makedirs(os.path.join(dest, "vendor", "codemirror"))
    for name, target in CODEMIRROR_FILES.items():
        shutil.copy2(os.path.join(MODULES, "codemirror", name),
                     os.path.join(dest, "vendor", "codemirror", target))


def drop_source_map_comment(path):
    """The source map a script names is not part of the site (a browser's developer tools
    would ask for it in vain): the comment that names it goes."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(line for line in lines if not line.startswith("//# sourceMappingURL="))


def write_examples(dest):
    with open(os.path.join(WEB, "examples.json"), encoding="utf-8") as f:
        examples = json.load(f)
    for example in examples:
        with open(os.path.join(ROOT, example.pop("path")), encoding="utf-8") as f:
            example["code"] = f.read()
    _write_json(os.path.join(dest, "examples.json"), examples)


def _write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1, ensure_ascii=False)
        f.write("\n")


def site_files(dest):
    """Every file of the site, as paths relative to it (``/``-separated), sorted."""
    found = []
    for folder, _, names in os.walk(dest):
        for name in names:
            found.append(os.path.relpath(os.path.join(folder, name), dest).replace(os.sep, "/"))
    return sorted(found)


def write_service_worker(dest):
    """sw.js: the files to cache, under a name that changes when any of them changes."""
    files = [f for f in site_files(dest) if f != "sw.js"]
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        with open(os.path.join(dest, name), "rb") as f:
            digest.update(hashlib.sha256(f.read()).digest())
    version = digest.hexdigest()[:16]
    with open(os.path.join(WEB, "src", "sw.js"), encoding="utf-8") as f:
        template = f.read()
    text = (template.replace("__CACHE_VERSION__", version)
            .replace("__PRECACHE__", json.dumps(["./"] + files, indent=1)))
    with open(os.path.join(dest, "sw.js"), "w", encoding="utf-8") as f:
        f.write(text)
    return version


def main():
    npm_ci()
    versions = pinned_versions()
    staging = DIST + ".partial"
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    wheel = build_wheel(staging)
    copy_page(staging)
    write_examples(staging)
    _write_json(os.path.join(staging, "build.json"), {
        "wheel": wheel, "paramscope": wheel.split("-")[1], "pyodide": versions["pyodide"],
        "codemirror": versions["codemirror"]})
    version = write_service_worker(staging)
    shutil.rmtree(DIST, ignore_errors=True)
    os.rename(staging, DIST)
    size = sum(os.path.getsize(os.path.join(DIST, f)) for f in site_files(DIST))
    print(f"web/dist: {len(site_files(DIST))} files, {size / 1e6:.1f} MB, cache {version}")


if __name__ == "__main__":
    main()
