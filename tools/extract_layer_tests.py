#!/usr/bin/env python
"""Extract the ``run_layer_test`` cases of Keras's own layer tests, as plain data.

Developer tool (never imported by paramscope or by the tests).  It reads the
``keras/src/layers/**/*_test.py`` files as the Keras 3.15.1 wheel on PyPI ships them
(the generator environment of tools/requirements-keras3.txt; ``KERAS_SITE`` points
elsewhere) and parses them with :mod:`ast`; no test code is imported or executed.  Each
``self.run_layer_test(...)`` call becomes one case: its arguments evaluated
statically (literals, the test's parameters from ``@parameterized`` decorators,
simple module-level constants and local assignments, ``if`` branches on the
backend, ``for`` loops over literals).  What cannot be evaluated this way is
left out with the reason.

    python tools/extract_layer_tests.py            # -> tools/cases/keras_layer_tests.py
    python tools/extract_layer_tests.py --check    # exit 1 if that file is not current

The evaluation is tools/layer_tests_eval.py's.  Values that are not plain Python data are
encoded as dicts with one special key:

* ``{"__ref__": "keras.layers.Dense"}``: a Keras object by its public path
  (``keras.ops.square``); ``"local:Name"`` is a class or function the test file
  defines (its source is in the case's ``definitions``).
* ``{"__call__": path, "args": [...], "kwargs": {...}}``: a call, made once per case
  (a cell object shared by the several layers ``run_layer_test`` creates).
* ``{"__array__": {"shape", "dtype", "values", "low", "sparse", "kind"}}``: an array
  (``kind`` "numpy" or "tensor"); ``values`` when the test spells them out.
* ``{"__lambda__": source}``: a lambda expression.
* ``{"__unevaluated__": source}``: an argument only Keras's value checks use
  (``expected_output``, ``custom_objects``), kept as text.

The backend is JAX (the Keras 3 fixtures' backend): ``backend.backend()`` is
``"jax"``, no GPU/TPU, ``image_data_format()`` is ``"channels_last"``.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import os
import pprint
import sys
import textwrap

from layer_tests_eval import (CannotEvaluate, Evaluator, Local, Ref, Scope, bind, encode,
                              locals_used)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SITE = "/work/venvs/k3/lib/python3.11/site-packages"
TAG = "v3.15.1"
OUT = os.path.join(HERE, "cases", "keras_layer_tests.py")

#: The keyword arguments of ``TestCase.run_layer_test`` (keras/src/testing/test_case.py).
RUN_LAYER_TEST_ARGS = (
    "layer_cls", "init_kwargs", "input_shape", "input_dtype", "input_sparse", "input_ragged",
    "input_data", "call_kwargs", "expected_output_shape", "expected_output_dtype",
    "expected_output_sparse", "expected_output_ragged", "expected_output",
    "expected_num_trainable_weights", "expected_num_non_trainable_weights",
    "expected_num_non_trainable_variables", "expected_num_seed_generators",
    "expected_num_losses", "supports_masking", "expected_mask_shape", "custom_objects",
    "run_training_check", "run_mixed_precision_check", "assert_built_after_instantiation",
    "tpu_atol", "tpu_rtol")
#: Arguments only the value checks use: kept as source text when they need values.
VALUE_ONLY_ARGS = {"expected_output", "custom_objects", "tpu_atol", "tpu_rtol"}


class SkipTest(Exception):
    """``pytest.skip(...)`` / ``self.skipTest(...)`` / ``self.fail(...)`` reached."""


class ModuleInfo:
    """One test file: its imports, constants and definitions."""

    def __init__(self, path, source):
        self.path = path
        self.source = source
        self.tree = ast.parse(source)
        self.aliases = {}
        self.constants = {}
        self.definitions = {}
        self.import_lines = []
        self._evaluated = {}
        #: Definitions imported from other test files: name -> their module.
        self.borrowed = {}
        for node in self.tree.body:
            self.read_top_level(node)

    _loaded = {}

    @classmethod
    def load(cls, path):
        if path not in cls._loaded:
            cls._loaded[path] = cls(path, read(path))
        return cls._loaded[path]

    def imports_for(self, definitions):
        """The import lines the ``definitions`` (name -> source) use: their files' imports
        that bind a name the sources mention (imports from test files excepted: the
        definitions themselves come with the case)."""
        used = set()
        for source in definitions.values():
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Name):
                    used.add(node.id)
        lines = []
        modules = [self] + [self.borrowed[n] for n in sorted(definitions) if n in self.borrowed]
        for module in modules:
            for line in module.import_lines:
                bound = {}
                self.add_import(ast.parse(line).body[0], bound)
                if ("_test import" not in line and line not in lines
                        and used.intersection(bound)):
                    lines.append(line)
        return lines

    def read_top_level(self, node):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self.add_import(node)
            self.import_lines.append(ast.get_source_segment(self.source, node))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                node.targets[0], ast.Name):
            self.constants[node.targets[0].id] = node.value
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            if not (isinstance(node, ast.ClassDef) and _is_test_class(node)):
                self.definitions[node.name] = Local(
                    node.name, ast.get_source_segment(self.source, node, padded=False),
                    "class" if isinstance(node, ast.ClassDef) else "function")

    def add_import(self, node, table=None):
        table = self.aliases if table is None else table
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    table[a.asname] = a.name
                else:
                    table[a.name.split(".")[0]] = a.name.split(".")[0]
        else:
            for a in node.names:
                table[a.asname or a.name] = f"{node.module}.{a.name}"

    def lookup(self, name):
        if name in self.aliases:
            path = self.aliases[name]
            module_path, _, member = path.rpartition(".")
            if module_path.endswith("_test"):  # a class another test file defines
                other = ModuleInfo.load(module_path.replace(".", "/") + ".py")
                if member in other.definitions:
                    self.borrowed[member] = other
                    return other.definitions[member]
            path = {"np": "numpy"}.get(path, path)
            return Ref(path)
        if name in self._evaluated:
            return self._evaluated[name]
        if name in self.constants:
            value = Evaluator(Scope(self)).eval(self.constants[name])
            self._evaluated[name] = value
            return value
        if name in self.definitions:
            return self.definitions[name]
        if name in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[name]
        builtins = {"range": range, "len": len, "tuple": tuple, "list": list, "dict": dict,
                    "int": int, "float": float, "str": str, "zip": zip, "min": min, "max": max,
                    "sum": sum, "abs": abs, "sorted": sorted, "enumerate": enumerate,
                    "bool": bool, "isinstance": isinstance}
        if name in builtins:
            return builtins[name]
        raise CannotEvaluate(f"unknown name {name!r}")


def _is_test_class(node):
    return any("TestCase" in ast.unparse(b) for b in node.bases)


# -- parameterized expansion ---------------------------------------------------------------

def decorator_name(node):
    target = node.func if isinstance(node, ast.Call) else node
    return ast.unparse(target)


def expand_parameters(method, scope):
    """``[(case name or None, {param: value})]`` for a test method's decorators."""
    params = [a.arg for a in method.args.args[1:]]
    defaults = method.args.defaults
    variants = [(None, dict(zip(params[len(params) - len(defaults):],
                                [Evaluator(scope).eval(d) for d in defaults])))]
    skip = None
    for dec in method.decorator_list:
        name = decorator_name(dec)
        if name.endswith("parameterized.named_parameters") or name.endswith(
                "parameterized.parameters"):
            named = name.endswith("named_parameters")
            cases = [Evaluator(scope).eval(a) for a in dec.args]
            if len(cases) == 1 and not isinstance(cases[0], (tuple, dict)):
                cases = list(cases[0])
            expanded = []
            for i, case in enumerate(cases):
                if isinstance(case, dict):
                    case = dict(case)
                    label = case.pop("testcase_name", None) if named else None
                    expanded.append((label if named else str(i), case))
                else:
                    values = list(case) if isinstance(case, (tuple, list)) and (
                        named or isinstance(case, tuple)) else [case]
                    label = values.pop(0) if named else str(i)
                    expanded.append((label, dict(zip(params, values))))
            variants = [(join(a, b), {**pa, **pb}) for a, pa in variants for b, pb in expanded]
        elif name.endswith("parameterized.product"):
            # absl: positional arguments are sequences of dicts, keywords name -> values.
            groups = [list(Evaluator(scope).eval(a)) for a in dec.args]
            groups += [[{kw.arg: v} for v in Evaluator(scope).eval(kw.value)]
                       for kw in dec.keywords]
            expanded = []
            for i, combo in enumerate(itertools.product(*groups)):
                merged = {}
                for d in combo:
                    merged.update(d)
                expanded.append((str(i), merged))
            variants = [(join(a, b), {**pa, **pb}) for a, pa in variants for b, pb in expanded]
        elif name.endswith("pytest.mark.skipif"):
            condition = Evaluator(scope).eval(dec.args[0])
            if condition:
                reason = next((Evaluator(scope).eval(k.value) for k in dec.keywords
                               if k.arg == "reason"), "")
                skip = f"Keras skips it on JAX: {reason}"
        elif name.endswith("pytest.mark.xfail"):
            skip = "Keras marks it xfail"
        elif name.endswith("named_product"):
            raise CannotEvaluate("named_product decorator")
    return variants, skip


def join(a, b):
    if a is None:
        return b
    return f"{a}_{b}"


# -- running a test method statically ------------------------------------------------------

class MethodRunner:
    def __init__(self, module, test_class, method, case_prefix, params):
        self.module = module
        self.test_class = test_class
        self.methods = {n.name: n for n in test_class.body if isinstance(n, ast.FunctionDef)}
        self.method = method
        self.prefix = case_prefix
        self.scope = Scope(module, params)
        self.scope.local["self"] = Ref("self")
        self.cases = []
        self.left_out = []
        self.local_defs = {}
        self.expect_error = None

    def run(self):
        try:
            self.run_body(self.method.body, self.scope)
        except SkipTest as e:
            self.skipped_rest = str(e)
        except _Return:
            pass

    def run_body(self, body, scope):
        for stmt in body:
            self.run_statement(stmt, scope)

    def run_statement(self, stmt, scope):
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            self.run_call_statement(stmt.value, scope)
        elif isinstance(stmt, ast.Assign):
            try:
                value = Evaluator(scope).eval(stmt.value)
            except CannotEvaluate as e:
                value = e
            for target in stmt.targets:
                try:
                    bind(target, value, scope)
                except CannotEvaluate:
                    pass
        elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
            try:
                value = Evaluator(scope).eval(ast.BinOp(stmt.target, stmt.op, stmt.value))
            except CannotEvaluate as e:
                value = e
            scope.local[stmt.target.id] = value
        elif isinstance(stmt, ast.If):
            try:
                test = Evaluator(scope).eval(stmt.test)
            except CannotEvaluate as e:
                self.unknown_branch(stmt, scope, e)
                return
            self.run_body(stmt.body if test else stmt.orelse, scope)
        elif isinstance(stmt, ast.For):
            items = Evaluator(scope).eval(stmt.iter)
            for item in items:
                bind(stmt.target, item, scope)
                self.run_body(stmt.body, scope)
        elif isinstance(stmt, ast.With):
            saved = self.expect_error
            for item in stmt.items:
                text = ast.unparse(item.context_expr)
                if text.startswith("self.assertRaises"):
                    self.expect_error = text
            self.run_body(stmt.body, scope)
            self.expect_error = saved
        elif isinstance(stmt, ast.Try):
            self.run_body(stmt.body, scope)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            table = {}
            self.module.add_import(stmt, table)
            for k, v in table.items():
                scope.local[k] = Ref(v)
        elif isinstance(stmt, ast.FunctionDef):
            source = textwrap.dedent(ast.get_source_segment(self.module.source, stmt, padded=True))
            local = Local(stmt.name, source, "function")
            self.local_defs[stmt.name] = local
            scope.local[stmt.name] = local
        elif isinstance(stmt, ast.ClassDef):
            source = textwrap.dedent(ast.get_source_segment(self.module.source, stmt, padded=True))
            local = Local(stmt.name, source, "class")
            self.local_defs[stmt.name] = local
            scope.local[stmt.name] = local
        elif isinstance(stmt, ast.Return):
            raise _Return()
        elif isinstance(stmt, (ast.Pass, ast.Assert, ast.Delete, ast.Raise)):
            pass
        else:
            if _contains_run_layer_test(stmt):
                self.note_left_out(stmt, f"statement {type(stmt).__name__} not evaluated")

    def unknown_branch(self, stmt, scope, error):
        if _contains_run_layer_test(stmt):
            self.note_left_out(stmt, f"cannot decide the `if {ast.unparse(stmt.test)[:60]}` ({error})")

    def note_left_out(self, node, reason):
        for call_node in ast.walk(node):
            if _is_run_layer_test(call_node):
                self.left_out.append((f"{self.prefix}@L{call_node.lineno}", reason))

    def run_call_statement(self, node, scope):
        if _is_run_layer_test(node):
            self.emit(node, scope)
            return
        text = ast.unparse(node.func)
        if text in ("pytest.skip", "self.skipTest", "self.fail"):
            raise SkipTest(text)
        if text.startswith("self.") and text[5:] in self.methods and _contains_run_layer_test(
                self.methods[text[5:]]):
            helper = self.methods[text[5:]]
            ev = Evaluator(scope)
            args = [ev.eval(a) for a in node.args]
            kwargs = {kw.arg: ev.eval(kw.value) for kw in node.keywords}
            names = [a.arg for a in helper.args.args[1:]]
            defaults = helper.args.defaults
            bound = dict(zip(names[len(names) - len(defaults):],
                             [Evaluator(scope).eval(d) for d in defaults]))
            bound.update(zip(names, args))
            bound.update(kwargs)
            inner = Scope(self.module, bound)
            inner.local["self"] = Ref("self")
            try:
                self.run_body(helper.body, inner)
            except _Return:
                pass

    def emit(self, node, scope):
        case_id = f"{self.prefix}@L{node.lineno}"
        if self.expect_error:
            expect = self.expect_error
        else:
            expect = None
        try:
            arguments = self.evaluate_arguments(node, scope)
        except CannotEvaluate as e:
            self.left_out.append((case_id, f"cannot evaluate statically: {e}"))
            return
        used = locals_used(arguments, set())
        definitions = {}
        for name in sorted(used):
            local = (self.local_defs.get(name) or self.module.definitions.get(name)
                     or self.module.borrowed[name].definitions[name])
            definitions[name] = local.source
        self.cases.append({"id": case_id, "arguments": arguments, "definitions": definitions,
                           "keras_expects_error": expect})

    def evaluate_arguments(self, node, scope):
        ev = Evaluator(scope)
        arguments = {}
        for name, value_node in zip(RUN_LAYER_TEST_ARGS, node.args):
            arguments[name] = value_node
        for kw in node.keywords:
            if kw.arg is None:
                raise CannotEvaluate("**kwargs in the run_layer_test call")
            arguments[kw.arg] = kw.value
        out = {}
        for name, value_node in arguments.items():
            if name in VALUE_ONLY_ARGS:
                try:
                    out[name] = encode(ev.eval(value_node))
                except CannotEvaluate:
                    out[name] = {"__unevaluated__": ast.unparse(value_node)}
                continue
            out[name] = encode(ev.eval(value_node))
        return out


class _Return(Exception):
    pass


def _is_run_layer_test(node):
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "run_layer_test")


def _contains_run_layer_test(node):
    return any(_is_run_layer_test(n) for n in ast.walk(node))


# -- files --------------------------------------------------------------------------------

def _site():
    """The directory holding the ``keras`` package of the Keras 3.15.1 wheel from PyPI (its
    test files ship in it): ``KERAS_SITE``, else the generator environment's site-packages
    (tools/requirements-keras3.txt)."""
    site = os.environ.get("KERAS_SITE", SITE)
    version = os.path.join(site, "keras", "src", "version.py")
    if not os.path.exists(version) or f'"{TAG[1:]}"' not in open(version).read():
        raise SystemExit(f"{site}: no keras {TAG[1:]} there (set KERAS_SITE to the "
                         "site-packages of an environment made from tools/requirements-keras3.txt)")
    return site


def test_files():
    site = _site()
    out = []
    for folder, _, names in os.walk(os.path.join(site, "keras", "src", "layers")):
        rel = os.path.relpath(folder, site)
        out += [os.path.join(rel, n).replace(os.sep, "/") for n in names if n.endswith("_test.py")]
    return sorted(out)


def read(path):
    with open(os.path.join(_site(), path), encoding="utf-8") as f:
        return f.read()


def extract_file(path):
    module = ModuleInfo.load(path)
    cases, left_out = [], []
    short = path[len("keras/src/layers/"):]
    for cls in module.tree.body:
        if not (isinstance(cls, ast.ClassDef) and _is_test_class(cls)):
            continue
        for method in cls.body:
            if not (isinstance(method, ast.FunctionDef) and method.name.startswith("test")):
                continue
            if not _contains_run_layer_test(method):
                continue
            prefix = f"{short}::{cls.name}::{method.name}"
            scope = Scope(module)
            try:
                variants, skip = expand_parameters(method, scope)
            except CannotEvaluate as e:
                left_out.append((f"{prefix}", f"cannot expand its parameters: {e}"))
                continue
            for label, params in variants:
                case_prefix = prefix if label is None else f"{prefix}[{label}]"
                runner = MethodRunner(module, cls, method, case_prefix, params)
                if skip:
                    runner.note_left_out(method, skip)
                    left_out.extend(runner.left_out)
                    continue
                try:
                    runner.run()
                except CannotEvaluate as e:
                    runner.note_left_out(method, f"cannot run the test body statically: {e}")
                    # Cases emitted before the failure stay.
                for case in runner.cases:
                    case["file"] = path
                    if case["definitions"]:
                        case["imports"] = module.imports_for(case["definitions"])
                cases.extend(runner.cases)
                seen = {c["id"] for c in runner.cases}
                left_out.extend((i, r) for i, r in runner.left_out if i not in seen)
    reached = {int(i.rsplit("@L", 1)[1]) for i, _ in left_out}
    reached |= {int(c["id"].rsplit("@L", 1)[1]) for c in cases}
    for node in ast.walk(module.tree):
        if _is_run_layer_test(node) and node.lineno not in reached:
            left_out.append((f"{short}@L{node.lineno}",
                             "Keras does not run it on JAX (a branch for another backend)"))
    return cases, left_out


def dedupe_ids(cases):
    counts = {}
    for c in cases:
        counts[c["id"]] = counts.get(c["id"], 0) + 1
    seen = {}
    for c in cases:
        if counts[c["id"]] > 1:
            seen[c["id"]] = seen.get(c["id"], 0) + 1
            c["id"] = f"{c['id']}#{seen[c['id']]}"


#: Cases extracted but left out, by id prefix, with the reason.
EXCLUDED = {}


def extract():
    cases, left_out = [], []
    for path in test_files():
        c, l = extract_file(path)
        for case in c:
            reason = next((r for p, r in EXCLUDED.items() if case["id"].startswith(p)), None)
            if reason:
                l.append((case["id"], reason))
            else:
                cases.append(case)
        left_out.extend(l)
    dedupe_ids(cases)
    return cases, [{"id": i, "reason": r} for i, r in left_out]


HEADER = '''"""Keras 3.15.1's own layer tests: the ``run_layer_test`` cases, as plain data.

Generated by tools/extract_layer_tests.py from the keras/src/layers/**/*_test.py files
of Keras {tag} (parsed with ``ast``; no test code imported).  Do not edit by hand:

    python tools/extract_layer_tests.py

Golden fixture (real Keras 3.15.1, JAX backend):

    KERAS_BACKEND=jax /work/venvs/k3/bin/python tools/make_layer_tests.py
        -> tests/golden/keras3_layer_tests.json.gz

``CASES``: one dict per ``run_layer_test`` call: ``id`` (file::class::method[params]@Lline),
``file``, ``arguments`` (the call's keyword arguments), ``definitions`` (source of the classes
and functions of the test file the case uses, keyed by name), ``imports`` (the test file's
import lines those definitions use), ``keras_expects_error`` (the call sits in a
``with self.assertRaises...`` block).  Encoded values: see the extractor's docstring.

``LEFT_OUT``: the ``run_layer_test`` calls that are not cases, each with the reason (not
run on JAX, skipped by Keras, or left out by tools/extract_layer_tests.py's ``EXCLUDED``).
"""

'''


def render(cases, left_out):
    body = HEADER.format(tag=TAG)
    body += "# fmt: off\n"
    body += "CASES = " + pprint.pformat(cases, width=100, sort_dicts=False) + "\n\n"
    body += "LEFT_OUT = " + pprint.pformat(left_out, width=100, sort_dicts=False) + "\n"
    return body


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the case file is stale")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args(argv)
    cases, left_out = extract()
    text = render(cases, left_out)
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            current = f.read()
        if current != text:
            print(f"{args.out} is not current: run tools/extract_layer_tests.py", file=sys.stderr)
            return 1
        return 0
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{len(cases)} cases, {len(left_out)} left out -> {os.path.relpath(args.out, ROOT)}")
    for item in left_out:
        print(f"  left out: {item['id']}: {item['reason']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
