"""Hypothesis strategies: structure-aware mutants of real Keras 3 and tf-keras files.

The seeds are the real files Keras saved (``tests/golden/files/keras3`` and
``tfkeras``): JSON configs, ``.keras`` archives and legacy ``.h5`` files.  Each
strategy draws a seed and a few mutations and gives ``(bytes, suffix)``:

* ``json_configs``: edits of the parsed config at any path: delete a key,
  duplicate or move a subtree, swap or reverse list elements (layers out of
  call order), replace a value with one of another type, a changed number,
  a hostile string (terminal escapes, lone surrogates), a misplaced special
  value (``__tuple__``, ``__bytes__``...), a deep nesting; then, sometimes, a
  duplicated key or flipped bytes in the text.
* ``keras_archives``: a mutated config.json or metadata.json, a member
  dropped, duplicated, renamed or compressed, ``model.weights.h5`` with link
  cycles (hard and soft links to a parent), external links or changed
  datasets, headers whose sizes lie, flipped bytes, truncation.
* ``h5_files``: ``model_config`` replaced by a mutated config or by a value of
  another type, link cycles and odd ``weight_names`` in ``model_weights``,
  and raw byte flips, insertions, deletions and truncation.
"""

import copy
import glob
import io
import json
import os
import struct
import zipfile

from hypothesis import strategies as st

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(os.path.dirname(HERE), "golden", "files")


def _seed_files(ext):
    return sorted(glob.glob(os.path.join(FILES, "keras3", f"*{ext}"))
                  + glob.glob(os.path.join(FILES, "tfkeras", f"*{ext}")))


def _read(path):
    with open(path, "rb") as f:
        return f.read()


JSON_SEEDS = [json.loads(_read(p)) for p in _seed_files(".json")]
KERAS_SEEDS = [_read(p) for p in _seed_files(".keras")]
H5_SEEDS = [_read(p) for p in _seed_files(".h5")]

HOSTILE_STRINGS = [
    "\x1b]0;pwned\x07", "\x1b[2J\x1b[H", "\x1b[31mred", "\ud800", "a\ud800b", "\udfff",
    "line\nbreak", "tab\there", "nul\x00byte", "\x9b31m", "\u202eevil", "x" * 5000, "",
    " ", "dense", "input_layer", "__keras_tensor__", "../../etc/passwd", "a/b", "\\x1b",
]
NUMBERS = [0, 1, -1, 2, 3, 7, 2 ** 31, 2 ** 63, -(2 ** 63), 10 ** 30, 10 ** 400,
           int("9" * 4000), 1.5, -0.5, 1e308, float("inf"), float("-inf"), float("nan"),
           True, False]
SPECIAL = [
    {"class_name": "__tuple__", "items": 1}, {"class_name": "__tuple__", "items": {"a": 1}},
    {"class_name": "__tuple__"}, {"class_name": "__bytes__"},
    {"class_name": "__bytes__", "config": {"value": 5}}, {"class_name": "TensorShape", "items": 3},
    {"class_name": "__ellipsis__"}, {"class_name": "__slice__", "config": 5},
    {"class_name": "__numpy__", "config": {"value": [[1, 2], [3]], "dtype": "float32"}},
    {"class_name": "__keras_tensor__", "config": {"keras_history": ["x", 0, 0]}},
    {"class_name": "__keras_tensor__", "config": {"keras_history": "x"}},
    {"class_name": "__lambda__", "config": {"code": "YQ=="}},
    {"class_name": "Sequential", "config": {"layers": []}},
    {"class_name": "Functional", "config": {"layers": [], "input_layers": [], "output_layers": []}},
]


def _deep(depth, kind):
    value = 0
    for _ in range(depth):
        value = [value] if kind == "list" else {"a": value}
    return value


OTHER_VALUES = [None, [], {}, [None], [None, 3], ["x", 0, 0], ["x", 0, 0, {}], [[["x", 0, 0, {}]]],
                {"a": 1}, _deep(400, "list"), _deep(400, "dict"), list(range(50))]


def json_paths(value, path=()):
    """Every path (a tuple of keys and indices) in a JSON value, the root first."""
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from json_paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from json_paths(v, path + (i,))


def _get(doc, path):
    for key in path:
        doc = doc[key]
    return doc


def _strings(doc):
    out = []
    for path in json_paths(doc):
        value = _get(doc, path)
        if isinstance(value, str) and len(value) < 100:
            out.append(value)
    return out or ["x"]


@st.composite
def _replacement(draw, doc, current):
    kind = draw(st.sampled_from(["string", "number", "special", "other", "existing", "near"]))
    if kind == "string":
        return draw(st.sampled_from(HOSTILE_STRINGS))
    if kind == "number":
        return draw(st.sampled_from(NUMBERS))
    if kind == "special":
        return copy.deepcopy(draw(st.sampled_from(SPECIAL)))
    if kind == "other":
        return copy.deepcopy(draw(st.sampled_from(OTHER_VALUES)))
    if kind == "existing":  # another name from the file: references that point elsewhere
        return draw(st.sampled_from(_strings(doc)))
    if isinstance(current, bool) or not isinstance(current, (int, float)):
        return draw(st.integers(-3, 3))
    return current + draw(st.sampled_from([-2, -1, 1, 2, 1000, -(10 ** 6)]))


@st.composite
def _mutate_tree(draw, doc):
    """One structure-aware edit of a JSON document (in place)."""
    paths = list(json_paths(doc))[1:]
    if not paths:
        return
    path = draw(st.sampled_from(paths))
    parent, key = _get(doc, path[:-1]), path[-1]
    op = draw(st.sampled_from(["replace", "replace", "replace", "delete", "duplicate", "swap",
                               "reverse", "move", "wrap"]))
    if op == "delete":
        del parent[key]
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif op in ("swap", "reverse") and isinstance(parent, list) and len(parent) > 1:
        if op == "reverse":
            parent.reverse()
        else:
            other = draw(st.integers(0, len(parent) - 1))
            parent[key], parent[other] = parent[other], parent[key]
    elif op == "move":  # a subtree copied to another place
        target = draw(st.sampled_from(paths))
        target_parent = _get(doc, target[:-1])
        try:
            target_parent[target[-1]] = copy.deepcopy(parent[key])
        except (TypeError, IndexError, KeyError):
            pass
    elif op == "wrap":
        parent[key] = draw(st.sampled_from([[parent[key]], {"config": parent[key]},
                                            {"class_name": "__tuple__", "items": [parent[key]]}]))
    else:
        parent[key] = draw(_replacement(doc, parent[key]))


@st.composite
def mutated_config(draw, seeds=None):
    """A mutated config document (a Python value)."""
    doc = copy.deepcopy(draw(st.sampled_from(seeds or JSON_SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        try:
            draw(_mutate_tree(doc))
        except (KeyError, IndexError, TypeError):
            pass
    return doc


@st.composite
def _text_edits(draw, data: bytes):
    """Duplicated keys and flipped, inserted or deleted bytes in a text or binary blob."""
    data = bytearray(data)
    for _ in range(draw(st.integers(0, 3))):
        if not data:
            break
        op = draw(st.sampled_from(["flip", "insert", "delete", "duplicate_key", "truncate"]))
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 8))]
        elif op == "truncate":
            del data[at:]
        else:
            index = bytes(data).find(b'"name": ', at)
            if index > 0:
                data[index:index] = b'"name": "duplicate", '
    return bytes(data)


def _dumps(doc):
    try:
        return json.dumps(doc).encode("utf-8", "surrogatepass")
    except (ValueError, RecursionError):
        return json.dumps("not serializable").encode()


@st.composite
def json_configs(draw):
    data = _dumps(draw(mutated_config()))
    if draw(st.integers(0, 4)) == 0:
        data = draw(_text_edits(data))
    return data, ".json"


# ---------------------------------------------------------------------------
# .keras archives
# ---------------------------------------------------------------------------
def _zip(members, compress=()):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members:
            method = zipfile.ZIP_DEFLATED if name in compress else zipfile.ZIP_STORED
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def _lie_about_size(blob: bytes, size: int, which: str) -> bytes:
    """Change the uncompressed size a zip records for its members (central directory at
    offset 24 of each ``PK\\x01\\x02`` entry, local header at 22 of ``PK\\x03\\x04``)."""
    blob = bytearray(blob)
    signature, offset = (b"PK\x01\x02", 24) if which == "central" else (b"PK\x03\x04", 22)
    at = blob.find(signature)
    while at >= 0:
        blob[at + offset:at + offset + 4] = struct.pack("<I", size & 0xFFFFFFFF)
        at = blob.find(signature, at + 4)
    return bytes(blob)


@st.composite
def _mutated_weights(draw, data: bytes):
    """model.weights.h5 with link cycles, external links or changed datasets."""
    import h5py
    buffer = io.BytesIO(data)
    op = draw(st.sampled_from(["hard_cycle", "soft_cycle", "external", "reshape", "delete",
                               "name_attr", "deep_groups"]))
    try:
        with h5py.File(buffer, "r+") as f:
            groups = []
            f.visit(lambda name: groups.append(name) if isinstance(f[name], h5py.Group) else None)
            groups = sorted(groups) or ["/"]
            where = f[draw(st.sampled_from(groups))]
            key = f"link{draw(st.integers(0, 9))}"
            if op == "hard_cycle" and key not in where:
                where[key] = where.parent if draw(st.booleans()) else where
            elif op == "soft_cycle" and key not in where:
                where[key] = h5py.SoftLink(where.parent.name)
            elif op == "external" and key not in where:
                target = draw(st.sampled_from(["/dev/zero", "/dev/stdin", "/nonexistent.h5"]))
                where[key] = h5py.ExternalLink(target, "/")
            elif op == "reshape" and key not in where:
                where.create_dataset(key, shape=(draw(st.integers(0, 5)), 3), dtype="f4")
            elif op == "delete" and where.name != "/" and len(where):
                del where[sorted(where.keys())[0]]
            elif op == "name_attr":
                where.attrs["name"] = draw(st.sampled_from(HOSTILE_STRINGS[:6] + ["dense"]))
            elif op == "deep_groups":
                g = where
                for i in range(50):
                    g = g.require_group(f"g{i}")
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        pass
    return buffer.getvalue()


@st.composite
def keras_archives(draw):
    seed = draw(st.sampled_from(KERAS_SEEDS))
    with zipfile.ZipFile(io.BytesIO(seed)) as zf:
        members = [(name, zf.read(name)) for name in zf.namelist()]
    op = draw(st.sampled_from(["config", "config", "config", "metadata", "weights", "weights",
                               "drop", "duplicate", "rename", "compress", "lie", "bytes"]))
    compress = set()
    names = [name for name, _ in members]
    if op == "config" and "config.json" in names:
        i = names.index("config.json")
        config = draw(mutated_config(seeds=[json.loads(members[i][1])]))
        members[i] = ("config.json", _dumps(config))
    elif op == "metadata" and "metadata.json" in names:
        i = names.index("metadata.json")
        members[i] = ("metadata.json", draw(st.sampled_from([
            b"[" * 100000 + b"]" * 100000, b"{" * 3, b'{"keras_version": 3}',
            json.dumps({"keras_version": "\x1b]0;x\x07"}).encode(), b"\xff\xfe"])))
    elif op == "weights" and "model.weights.h5" in names:
        i = names.index("model.weights.h5")
        members[i] = ("model.weights.h5", draw(_mutated_weights(members[i][1])))
    elif op == "drop":
        del members[draw(st.integers(0, len(members) - 1))]
    elif op == "duplicate":
        members.append(members[draw(st.integers(0, len(members) - 1))])
    elif op == "rename":
        i = draw(st.integers(0, len(members) - 1))
        members[i] = (draw(st.sampled_from(["x\x1b[2J.json", "config.JSON", "../config.json",
                                            "model.weights.h5", "\u202e\x07.h5"])),
                      members[i][1])
    elif op == "compress":
        compress = set(names)
    blob = _zip(members, compress)
    if op == "lie":
        size = draw(st.sampled_from([0, 1, 100, 2 ** 31, 2 ** 32 - 1]))
        blob = _lie_about_size(blob, size, draw(st.sampled_from(["central", "local"])))
    elif op == "bytes" or draw(st.integers(0, 5)) == 0:
        blob = draw(_text_edits(blob))
    return blob, ".keras"


# ---------------------------------------------------------------------------
# legacy .h5
# ---------------------------------------------------------------------------
@st.composite
def h5_files(draw):
    seed = draw(st.sampled_from(H5_SEEDS))
    op = draw(st.sampled_from(["config", "config", "attr_type", "weights", "bytes", "bytes"]))
    if op == "bytes":
        return draw(_text_edits(seed)), ".h5"
    import h5py
    import numpy as np
    buffer = io.BytesIO(seed)
    try:
        with h5py.File(buffer, "r+") as f:
            if op == "config":
                raw = f.attrs["model_config"]
                text = raw.decode() if isinstance(raw, bytes) else str(raw)
                config = draw(mutated_config(seeds=[json.loads(text)]))
                f.attrs["model_config"] = _dumps(config).decode("utf-8", "surrogateescape") \
                    .encode("utf-8", "surrogateescape")
            elif op == "attr_type":
                f.attrs["model_config"] = draw(st.sampled_from([
                    np.arange(5), b"\xff\xfe\xfd", "x" * 100000, np.float64(1.5), b"",
                    np.array([b"a", b"b"])]))
            elif "model_weights" in f:
                group = f["model_weights"]
                layer = sorted(group.keys())[0] if len(group) else None
                choice = draw(st.sampled_from(["cycle", "soft", "external", "names", "names"]))
                if choice == "cycle" and layer:
                    group[layer]["loop"] = group
                elif choice == "soft" and layer:
                    group[layer]["soft"] = h5py.SoftLink("/model_weights")
                elif choice == "external" and layer:
                    group[layer]["ext"] = h5py.ExternalLink("/dev/zero", "/")
                    group[layer].attrs["weight_names"] = [b"ext/x", b"ext"]
                elif layer:
                    group[layer].attrs["weight_names"] = draw(st.sampled_from([
                        [b"/model_weights", b"../x", b"loop/loop"], [b"\xff"], np.arange(3),
                        [b"\x1b]0;t\x07"]]))
                    group.attrs["layer_names"] = draw(st.sampled_from([
                        [layer.encode(), layer.encode()], [b"/"], [b"\x1b[2J"], np.arange(2)]))
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, UnicodeError):
        pass
    data = buffer.getvalue()
    if draw(st.integers(0, 5)) == 0:
        data = draw(_text_edits(data))
    return data, ".h5"


any_file = st.one_of(json_configs(), keras_archives(), h5_files())
