#!/usr/bin/env python
"""Record Keras 3.15's public API: every module of the ``keras`` package and every name in it.

Writes these files from the installed Keras (never imported by paramscope or by the tests):

* ``src/paramscope/keras/_api_index.py``: for each public module, each name's kind (module,
  class, function), its canonical public path when it is an alias, for a class its nearest
  public base class, and the parameters of the class's constructor or of the function
  (name, kind, default when it is a literal).  paramscope's facade uses it to give every
  import path of Keras 3.15 a value: its own implementation where it has one, otherwise a
  stand-in that takes Keras's arguments and says it needs real computation when used.
* ``src/paramscope/keras/_api_modules.py``: the public module paths (the import shim's).
* ``tests/golden/keras3_api/public_names.json.gz``: the fixture of the same names and kinds,
  which ``tests/test_api_surface.py`` checks against the facade.

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_api_index.py

The output is deterministic (sorted, gzip with mtime 0).
"""

import gzip
import importlib
import inspect
import io
import json
import os
import pkgutil
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INDEX_PATH = os.path.join(ROOT, "src", "paramscope", "keras", "_api_index.py")
MODULES_PATH = os.path.join(ROOT, "src", "paramscope", "keras", "_api_modules.py")
FIXTURE_PATH = os.path.join(ROOT, "tests", "golden", "keras3_api", "public_names.json.gz")

#: A default that is not a plain literal (a function, an object): recorded as this marker.
NOT_LITERAL = "<not a literal>"
#: A parameter without a default.
REQUIRED = "<required>"
#: Modules paramscope implements in full (layers, applications, datasets, ops): their
#: names' parameters are left out of the index (the kinds stay, in the fixture too).
NO_PARAMS = ("keras.layers", "keras.applications", "keras.datasets", "keras.ops", "keras.random")

_LITERAL_TYPES = (bool, int, float, str, type(None))

_PARAM_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "/",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "p",
    inspect.Parameter.VAR_POSITIONAL: "*",
    inspect.Parameter.KEYWORD_ONLY: "k",
    inspect.Parameter.VAR_KEYWORD: "**",
}


def public_modules():
    """``keras`` and every public sub-package (not ``keras.src``, not ``_tf_keras``)."""
    modules = []

    def walk(name):
        module = importlib.import_module(name)
        modules.append(module)
        for info in sorted(pkgutil.iter_modules(module.__path__), key=lambda i: i.name):
            if info.ispkg and not info.name.startswith("_") and info.name != "src":
                walk(f"{name}.{info.name}")

    walk("keras")
    return modules


def _literal(value):
    if isinstance(value, _LITERAL_TYPES):
        return value
    if isinstance(value, (tuple, list)) and all(isinstance(v, _LITERAL_TYPES) for v in value):
        return tuple(value)
    return NOT_LITERAL


def parameters(obj):
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    out = []
    for p in signature.parameters.values():
        default = REQUIRED if p.default is inspect.Parameter.empty else _literal(p.default)
        out.append((p.name, _PARAM_KINDS[p.kind], default))
    return tuple(out)


def canonical_names():
    from keras.src import api_export
    return {id(obj): name for obj, name in api_export.REGISTERED_OBJS_TO_NAMES.items()}


def kind_of(value):
    if isinstance(value, types.ModuleType):
        return "module"
    if inspect.isclass(value):
        return "class"
    if callable(value):
        return "function"
    return "value"


def public_base(cls, canonical):
    """The nearest ancestor with a public Keras name (``keras.losses.Loss``), or None."""
    for base in cls.__mro__[1:]:
        name = canonical.get(id(base))
        if name is not None:
            return name
    return None


def record_module(module, canonical, first_path):
    names = {}
    for name in sorted(vars(module)):
        if name.startswith("_"):
            continue
        value = getattr(module, name)
        kind = kind_of(value)
        path = f"{module.__name__}.{name}"
        entry = {"kind": kind}
        if kind == "module":
            entry["module"] = value.__name__
        else:
            official = canonical.get(id(value))
            official = official if official else first_path.setdefault(id(value), path)
            if official != path:
                entry["alias_of"] = official
            if kind == "class":
                entry["base"] = public_base(value, canonical)
            if kind in ("class", "function") and not module.__name__.startswith(NO_PARAMS):
                entry["params"] = parameters(value)

            if kind == "value":
                entry["value"] = _literal(value)
        names[name] = entry
    return names


def build():
    canonical = canonical_names()
    first_path = {}
    return {m.__name__: record_module(m, canonical, first_path) for m in public_modules()}


def render_index(api, keras_version):
    """The index as a Python module of literals (imported only when a stand-in or a public
    path is needed; the import shim reads the small ``_api_modules.py``)."""
    rows = {}
    for module, names in api.items():
        rows[module] = {}
        for name, e in names.items():
            if e["kind"] == "module":
                rows[module][name] = ("module", e["module"], None, None)
            else:
                rows[module][name] = (e["kind"], e.get("alias_of"), e.get("base"), e.get("params"))
    lines = []
    for module in sorted(rows):
        lines.append(f"    {module!r}: {{")
        for name, row in sorted(rows[module].items()):
            lines.append(f"        {name!r}: {_literal_row(row)},")
        lines.append("    },")
    header = (f'"""Generated by tools/make_api_index.py from Keras {keras_version}: every public '
              'module and name. Do not edit.\n\n'
              'API[module][name] = (kind, alias_of, base, params): kind is "module", "class", '
              '"function" or\n"value"; alias_of the canonical path of the same object (or None); '
              'base a class\'s nearest\npublic base class; params the constructor\'s or '
              'function\'s parameters as (name, kind, default)\nwith kind "/", "p", "*", "k" or '
              '"**" and default REQUIRED, NOT_LITERAL or the literal.\n"""\n\n')
    return (header + f"NOT_LITERAL = {NOT_LITERAL!r}\nREQUIRED = {REQUIRED!r}\n\n"
            "API = {\n" + "\n".join(lines) + "\n}\n")


def _literal_row(row):
    kind, alias_of, base, params = row
    if params is not None:
        params = tuple(tuple(p) for p in params)
    return repr((kind, alias_of, base, params))


def render_modules(api, keras_version):
    """The small module the import shim reads on every ``import keras...``."""
    modules = "\n".join(f"    {m!r}," for m in sorted(api))
    top = "\n".join(f"    {n!r}," for n in sorted(api["keras"]))
    return (f'"""Generated by tools/make_api_index.py from Keras {keras_version}: its public '
            'modules, and the names of ``keras`` itself. Do not edit."""\n\n'
            f"KERAS_VERSION = {keras_version!r}\n\nMODULES = frozenset({{\n{modules}\n}})\n\n"
            f"KERAS_NAMES = frozenset({{\n{top}\n}})\n")


def fixture(api, keras_version):
    modules = {m: {n: e["kind"] for n, e in names.items()} for m, names in api.items()}
    return {"keras_version": keras_version, "generator": "tools/make_api_index.py v1",
            "modules": modules}


def write_gzip_json(data, path):
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def main():
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras
    api = build()
    with open(INDEX_PATH, "w") as f:
        f.write(render_index(api, keras.__version__))
    with open(MODULES_PATH, "w") as f:
        f.write(render_modules(api, keras.__version__))
    write_gzip_json(fixture(api, keras.__version__), FIXTURE_PATH)
    count = sum(len(v) for v in api.values())
    print(f"{len(api)} modules, {count} names -> {os.path.relpath(INDEX_PATH, ROOT)}, "
          f"{os.path.relpath(FIXTURE_PATH, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
