#!/usr/bin/env python
"""Re-create the corpus scripts from Keras's source distributions on PyPI and check them.

The classic Keras examples (``examples/*.py``) ship inside Keras 2's sdists on PyPI (MIT
licence).  tests/corpus/MANIFEST.json names, per source, the sdist (package, version, file
name, sha256) and, per script, the member path in that sdist and the script's sha256.

    python tools/corpus_extract.py                       # pip download the sdists, check all
    python tools/corpus_extract.py --sdists DIR          # use sdists already in DIR instead
    python tools/corpus_extract.py --write               # also (re)write tests/corpus/scripts/
    python tools/corpus_extract.py --init --sdists DIR   # build the script list: each example
                                                         # from the newest sdist that has it

The sdists are fetched with pip, the registry's ordinary client:
``pip download keras==VERSION --no-binary :all: --no-deps``.  Files are extracted byte for
byte: nothing is changed.  Exit status 1 if any sha256 differs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import posixpath
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "corpus")
MANIFEST = os.path.join(CORPUS, "MANIFEST.json")
FOLDER = "keras-classic"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_sdist(directory: str, source: dict):
    wanted = source["sdist"].lower()
    for name in os.listdir(directory):
        if name.lower() == wanted:
            return os.path.join(directory, name)
    return None


def download(source: dict, directory: str) -> str:
    spec = f"{source['package']}=={source['version']}"
    subprocess.run([sys.executable, "-m", "pip", "download", spec, "--no-binary", ":all:",
                    "--no-deps", "-q", "-d", directory], check=True)
    path = find_sdist(directory, source)
    if path is None:
        raise SystemExit(f"pip download {spec} gave no {source['sdist']} in {directory}")
    return path


def open_sdist(source: dict, sdists: str | None, scratch: str) -> tarfile.TarFile:
    path = find_sdist(sdists, source) if sdists else None
    if path is None:
        path = download(source, scratch)
    with open(path, "rb") as f:
        digest = sha256(f.read())
    if digest != source["sdist_sha256"]:
        raise SystemExit(f"{path}: sha256 {digest}, the manifest says {source['sdist_sha256']}")
    return tarfile.open(path, "r:gz")


def member_bytes(archive: tarfile.TarFile, path: str) -> bytes:
    f = archive.extractfile(path)
    if f is None:
        raise SystemExit(f"{archive.name}: {path} is not a file")
    return f.read()


def examples_of(archive: tarfile.TarFile) -> dict:
    """``{file name: member path}`` of the top-level ``examples/*.py`` of an sdist."""
    found = {}
    for member in archive.getmembers():
        parts = member.name.split("/")
        if member.isfile() and len(parts) == 3 and parts[1] == "examples" \
                and parts[2].endswith(".py"):
            found[parts[2]] = member.name
    return found


def init_scripts(manifest: dict, archives: dict) -> list:
    """One entry per example: taken from the newest sdist that has it (the sources are
    listed in the manifest from oldest to newest).  Fields other than where the script comes
    from (``set``, ``model``, ``golden``, ...) are kept from the existing entries."""
    old = {entry["id"]: entry for entry in manifest.get("scripts", [])}
    newest = {}
    for key in manifest["sources"]:
        for name, path in examples_of(archives[key]).items():
            newest[name] = (key, path)
    scripts = []
    for name in sorted(newest):
        key, path = newest[name]
        script_id = f"{FOLDER}/{name[:-3]}"
        entry = dict(old.get(script_id, {}))
        entry.update({"id": script_id, "source": key, "path": path,
                      "file": posixpath.join("scripts", FOLDER, name),
                      "sha256": sha256(member_bytes(archives[key], path))})
        scripts.append(entry)
    return scripts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdists", help="a directory holding the sdists (else pip downloads them)")
    parser.add_argument("--write", action="store_true", help="write the scripts into tests/corpus")
    parser.add_argument("--init", action="store_true", help="rebuild the manifest's script list")
    args = parser.parse_args(argv)
    with open(MANIFEST, encoding="utf-8") as f:
        manifest = json.load(f)
    with tempfile.TemporaryDirectory(prefix="corpus_sdists_") as scratch:
        archives = {key: open_sdist(source, args.sdists, scratch)
                    for key, source in manifest["sources"].items()}
        if args.init:
            manifest["scripts"] = init_scripts(manifest, archives)
            with open(MANIFEST, "w", encoding="utf-8") as f:
                json.dump(manifest, f, indent=1, ensure_ascii=False)
                f.write("\n")
        bad = 0
        for entry in manifest["scripts"]:
            data = member_bytes(archives[entry["source"]], entry["path"])
            if sha256(data) != entry["sha256"]:
                print(f"{entry['id']}: {entry['path']} differs from the manifest's sha256",
                      file=sys.stderr)
                bad += 1
                continue
            target = os.path.join(CORPUS, entry["file"])
            if args.write or args.init:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as f:
                    f.write(data)
            elif os.path.exists(target):
                with open(target, "rb") as f:
                    if sha256(f.read()) != entry["sha256"]:
                        print(f"{entry['file']} differs from {entry['path']}", file=sys.stderr)
                        bad += 1
        for archive in archives.values():
            archive.close()
    print(f"{len(manifest['scripts'])} scripts from {len(archives)} sdists, {bad} mismatched")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
