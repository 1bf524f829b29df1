"""A script made to run statement by statement (``paramscope summary``, ``run --keep-going``).

The script's syntax tree is rewritten so that each statement of the module, of its
functions (not of its classes' methods) and of the blocks inside them runs on its own: a
statement that fails hands its error to the run's keep-going runtime
(:mod:`paramscope.keras.keep_going`), which either stops the script or lets it go on with
the names the statement would have bound holding unknown values
(:mod:`paramscope.keras.unknown`).  ``x = f(y)`` becomes::

    try:
        x = f(y)
    except BaseException as __paramscope_error__:
        (x,) = __paramscope__.failed(__paramscope_error__, 7)
    else:
        if __paramscope__.unknowns_made():
            (x,) = __paramscope__.bound(7, (x,))

Blocks:

- ``def`` and ``class`` statements always run (a decorator that fails leaves the name
  unknown); a function's body is guarded statement by statement, so ``main()`` reaches its
  model even when its data loading fails; a class's methods run as written (an error in a
  layer's ``call`` is an error, never a skipped line).
- ``if``/``while`` whose test needs an unknown value, and ``for`` over one, are skipped whole:
  every name bound inside is unknown.  Otherwise their bodies run statement by statement.
- ``with A as f:`` whose ``A`` fails is skipped whole (its names unknown); a ``with A:``
  without ``as`` (a device or strategy scope) whose ``A`` fails runs its block without it.
- ``try``: an error that one of the script's own ``except`` clauses names specifically
  (``except ImportError:``) goes to that clause, as written; ``except Exception`` and bare
  ``except`` do not stop statements from being skipped.
- ``return E`` that fails returns an unknown value.

Only the C ``_ast`` module is used (``import ast`` costs more than the rest of start-up).
"""

from __future__ import annotations

import _ast

RUNTIME = "__paramscope__"
ERROR = "__paramscope_error__"

_SCOPES = (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef, _ast.Lambda,
           _ast.ListComp, _ast.SetComp, _ast.DictComp, _ast.GeneratorExp)
_LOOPS = (_ast.For, _ast.AsyncFor, _ast.While)
_WITHS = (_ast.With, _ast.AsyncWith)
_TRIES = tuple(t for t in (_ast.Try, getattr(_ast, "TryStar", None)) if t is not None)
_UNGUARDED = (_ast.Pass, _ast.Break, _ast.Continue, _ast.Global, _ast.Nonlocal, _ast.Raise)
_BROAD = ("Exception", "BaseException")


class StatementInfo:
    """What the runtime needs to know about one guarded statement."""

    __slots__ = ("index", "line", "node", "names", "receivers", "global_receivers", "function")

    def __init__(self, index, node, names, receivers, global_receivers, function):
        self.index = index
        self.line = node.lineno
        self.node = node            # the statement (to see what it refers to)
        self.names = names          # names it binds: unknown when it is skipped
        self.receivers = receivers  # names of objects it may change in place (x.append(...))
        self.global_receivers = global_receivers  # such module-level names, from a function
        self.function = function    # the enclosing function's name, None at module level


# -- what a statement binds ----------------------------------------------------------------

def _child_nodes(node):
    for field in node._fields:
        value = getattr(node, field, None)
        if isinstance(value, list):
            for item in value:
                if isinstance(item, _ast.AST):
                    yield item
        elif isinstance(value, _ast.AST):
            yield value


def walk(node, into_scopes=False):
    """Every node under ``node`` (not into nested functions, classes, lambdas, comprehensions)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        for child in _child_nodes(current):
            if into_scopes or not isinstance(child, _SCOPES):
                stack.append(child)
            elif isinstance(child, (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef)):
                yield child  # its name is bound here; its decorators run here
                for part in child.decorator_list:
                    stack.append(part)


def _target_names(target, names, receivers):
    if isinstance(target, _ast.Name):
        names.append(target.id)
    elif isinstance(target, (_ast.Tuple, _ast.List)):
        for element in target.elts:
            _target_names(element, names, receivers)
    elif isinstance(target, _ast.Starred):
        _target_names(target.value, names, receivers)
    elif isinstance(target, (_ast.Attribute, _ast.Subscript)):
        root = root_name(target)
        if root is not None:
            receivers.append(root)


def root_name(node):
    """``a`` for ``a.b[c].d``; ``None`` when the chain does not start with a name."""
    while isinstance(node, (_ast.Attribute, _ast.Subscript, _ast.Call)):
        node = node.func if isinstance(node, _ast.Call) else node.value
    return node.id if isinstance(node, _ast.Name) else None


def bound_names(statement, walrus=True):
    """``(names, receivers)``: names ``statement`` binds, and names of objects it may change
    in place (``lst`` in ``lst.append(x)`` or ``d[k] = v``), in order, without repeats.
    ``walrus``: whether the script has ``:=`` (then names can be bound inside any expression;
    without it only statements, ``with`` items, ``except`` clauses and patterns are looked at)."""
    names, receivers = [], []
    nodes = walk(statement) if walrus else _statement_walk(statement)
    for node in sorted(nodes, key=_position):
        if isinstance(node, (_ast.Assign,)):
            for target in node.targets:
                _target_names(target, names, receivers)
        elif isinstance(node, (_ast.AugAssign, _ast.AnnAssign)):
            if not (isinstance(node, _ast.AnnAssign) and node.value is None):
                _target_names(node.target, names, receivers)
        elif isinstance(node, (_ast.For, _ast.AsyncFor)):
            _target_names(node.target, names, receivers)
        elif isinstance(node, _ast.withitem) and node.optional_vars is not None:
            _target_names(node.optional_vars, names, receivers)
        elif isinstance(node, _ast.NamedExpr):
            _target_names(node.target, names, receivers)
        elif isinstance(node, (_ast.Import, _ast.ImportFrom)):
            for alias in node.names:
                if alias.name != "*":
                    names.append(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, _ast.Expr) and isinstance(node.value, _ast.Call) \
                and isinstance(node.value.func, _ast.Attribute):
            root = root_name(node.value.func)
            if root is not None:
                receivers.append(root)
        elif type(node).__name__ in ("MatchAs", "MatchStar") and getattr(node, "name", None):
            names.append(node.name)
    names = list(dict.fromkeys(names))
    receivers = [r for r in dict.fromkeys(receivers) if r not in names]
    return names, receivers


_BLOCKS = ("body", "orelse", "handlers", "finalbody", "cases", "items")


def _statement_walk(statement):
    """The statements (and ``with`` items, ``except`` clauses, ``match`` patterns) under
    ``statement``: where names are bound in a script without ``:=``."""
    stack = [statement]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef,
                             _ast.Lambda)) and node is not statement:
            continue
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef)):
            continue  # its own body is another scope
        for field in _BLOCKS:
            stack.extend(getattr(node, field, ()) or ())
        pattern = getattr(node, "pattern", None)
        if pattern is not None:
            stack.extend(n for n in walk(pattern) if n is not pattern)
            stack.append(pattern)


def _position(node):
    return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))


def _function_locals(function, walrus):
    """Names local to a function: its parameters and the names its body binds."""
    args = function.args
    params = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    params += [a.arg for a in (args.vararg, args.kwarg) if a is not None]
    declared = set()
    body_names = []
    for statement in function.body:
        for node in walk(statement):
            if isinstance(node, (_ast.Global, _ast.Nonlocal)):
                declared.update(node.names)
        body_names.extend(bound_names(statement, walrus)[0])
    for node in walk(function):
        if isinstance(node, _ast.ExceptHandler) and node.name:
            body_names.append(node.name)
    return {n for n in params + body_names if n not in declared}, declared


# -- building the guarded statements ----------------------------------------------------------

class _NodeMaker:
    """Makes the new nodes of the guarded statements, each at the position of the script
    statement it guards (``_at``), so tracebacks and line numbers stay the script's."""

    def __init__(self):
        self._position = None

    def _at(self, node):
        """New nodes are made at ``node``'s position (until the next ``_at``)."""
        self._position = {"lineno": node.lineno, "col_offset": node.col_offset,
                          "end_lineno": getattr(node, "end_lineno", node.lineno),
                          "end_col_offset": getattr(node, "end_col_offset", node.col_offset)}

    def _new(self, cls, **fields):
        """A new node, at the current position if it is a statement or an expression."""
        if "lineno" in cls._attributes:
            fields.update(self._position)
        return cls(**fields)

    def _name(self, identifier, store=False):
        return self._new(_ast.Name, id=identifier, ctx=_ast.Store() if store else _ast.Load())

    def _runtime(self, method):
        return self._new(_ast.Attribute, value=self._name(RUNTIME), attr=method, ctx=_ast.Load())

    def _call(self, func, *args):
        return self._new(_ast.Call, func=func, args=list(args), keywords=[])

    def _tuple(self, names, store):
        return self._new(_ast.Tuple, elts=[self._name(n, store) for n in names],
                         ctx=_ast.Store() if store else _ast.Load())

    def _unknowns_made(self):
        """``__paramscope__.unknowns_made()``: whether a name can hold an unknown value yet."""
        return self._call(self._runtime("unknowns_made"))


def _has(node, kinds):
    return any(isinstance(n, kinds) for n in walk(node))


class Instrumenter(_NodeMaker):
    """Rewrites a module's statements into guarded ones, numbering them."""

    def __init__(self, walrus=True):
        super().__init__()
        self.statements = []
        self.walrus = walrus  # whether the script has ``:=`` (see ``bound_names``)

    def module(self, tree):
        tree.body = self.body(tree.body, scope=None, function=None)
        return tree

    # one list of statements
    def body(self, statements, scope, function):
        out = []
        for position, statement in enumerate(statements):
            if position == 0 and _is_docstring(statement):
                out.append(statement)
            elif isinstance(statement, _ast.ImportFrom) and statement.module == "__future__":
                out.append(statement)
            elif _imports(statement, FOLDER_MODULES):
                for module in _imports(statement, FOLDER_MODULES):
                    self._at(statement)
                    out.append(self._new(_ast.Expr, value=self._call(
                        self._runtime("importing"), self._new(_ast.Constant, value=module))))
                out.extend(self.statement(statement, scope, function))
            elif isinstance(statement, _UNGUARDED) or (
                    isinstance(statement, _ast.Return) and statement.value is None):
                out.append(statement)
            else:
                out.extend(self.statement(statement, scope, function))
        return out

    def statement(self, node, scope, function):
        names, receivers = bound_names(node, self.walrus)
        global_receivers = []
        if scope is not None:  # in a function: only its own locals can be rebound by name
            local, declared = scope
            global_receivers = [r for r in receivers if r not in local and r not in declared]
            receivers = [r for r in receivers if r in local or r in declared]
        info = StatementInfo(len(self.statements), node, names, receivers, global_receivers,
                             function)
        self.statements.append(info)
        self._inner(node, scope, function, info.index)
        self._at(node)
        return [self._guard(node, info)]

    def _inner(self, node, scope, function, index):
        """Guard the blocks inside a compound statement."""
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef)):
            body = self.body(node.body, scope=_function_locals(node, self.walrus),
                             function=node.name)
            node.body = self._parameters(node, body)
        elif isinstance(node, (_ast.If, *_LOOPS)):
            node.body = self.body(node.body, scope, function)
            node.orelse = self.body(node.orelse, scope, function)
        elif isinstance(node, _WITHS):
            node.body = self.body(node.body, scope, function)
            for item in node.items:
                if item.optional_vars is None and not _has(item.context_expr, (
                        _ast.Yield, _ast.YieldFrom, _ast.Await, _ast.NamedExpr)):
                    self._at(node)
                    item.context_expr = self._call(
                        self._runtime("context"),
                        self._new(_ast.Lambda, args=_no_arguments(), body=item.context_expr),
                        self._new(_ast.Constant, value=index))
        elif isinstance(node, _TRIES):
            node.body = self._script_handlers(node, self.body(node.body, scope, function))
            for handler in node.handlers:
                handler.body = self.body(handler.body, scope, function)
            node.orelse = self.body(node.orelse, scope, function)
            node.finalbody = self.body(node.finalbody, scope, function)
        elif type(node).__name__ == "Match":
            for case in node.cases:
                case.body = self.body(case.body, scope, function)
        elif isinstance(node, _ast.Expr) and not _has(node.value, (_ast.Yield, _ast.YieldFrom,
                                                                    _ast.Await)):
            self._at(node)
            node.value = self._call(self._runtime("expression"),
                                    self._new(_ast.Constant, value=index), node.value)

    def _parameters(self, function, body):
        """Start a function's body by naming the unknown values its parameters receive (and
        giving ``--set`` values to them): ``(n,) = __paramscope__.parameters(k, (n,))``."""
        args = function.args
        names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
        if not names:
            return body
        info = StatementInfo(len(self.statements), function, names, [], [], function.name)
        self.statements.append(info)
        self._at(function)
        check = self._new(
            _ast.If, test=self._unknowns_made(),
            body=[self._new(_ast.Assign, targets=[self._tuple(names, store=True)], value=self._call(
                self._runtime("parameters"), self._new(_ast.Constant, value=info.index),
                self._tuple(names, store=False)))],
            orelse=[])
        at = 1 if body and _is_docstring(body[0]) else 0
        return body[:at] + [check] + body[at:]

    def _script_handlers(self, node, body):
        """Wrap a try's body so that errors its specific ``except`` clauses name reach them."""
        specific = [h.type for h in node.handlers if h.type is not None and not (
            isinstance(h.type, _ast.Name) and h.type.id in _BROAD)]
        if not specific or any(_has(t, (_ast.Yield, _ast.YieldFrom, _ast.Await, _ast.NamedExpr))
                               for t in specific):
            return body
        self._at(node)
        types = self._new(_ast.Lambda, args=_no_arguments(),
                          body=self._new(_ast.Tuple, elts=specific, ctx=_ast.Load()))
        item = self._new(_ast.withitem, optional_vars=None,
                         context_expr=self._call(self._runtime("script_handlers"), types))
        return [self._new(_ast.With, items=[item], body=body)]

    def _guard(self, node, info):
        index = self._new(_ast.Constant, value=info.index)
        failed = self._call(self._runtime("failed"), self._name(ERROR), index)
        targets = info.names + info.receivers
        if isinstance(node, _ast.Return):
            handled = self._new(_ast.Return, value=failed)
        elif targets:
            handled = self._new(_ast.Assign, targets=[self._tuple(targets, store=True)],
                                value=failed)
        else:
            handled = self._new(_ast.Expr, value=failed)
        handler = self._new(_ast.ExceptHandler, type=self._name("BaseException"), name=ERROR,
                            body=[handled])
        orelse = []
        if isinstance(node, (_ast.Assign, _ast.AugAssign, _ast.AnnAssign)) and info.names:
            checked = self._tuple(info.names, store=True)
            orelse = [self._new(
                _ast.If, test=self._unknowns_made(),
                body=[self._new(_ast.Assign, targets=[checked], value=self._call(
                    self._runtime("bound"), index, self._tuple(info.names, store=False)))],
                orelse=[])]
        return self._new(_ast.Try, body=[node], handlers=[handler], orelse=orelse, finalbody=[])


#: Modules whose folder listings say when the folder is not there (``missing_folders``).
FOLDER_MODULES = ("glob", "pathlib")


def _imports(statement, modules):
    """The modules among ``modules`` that an import statement imports."""
    if isinstance(statement, _ast.Import):
        roots = [alias.name.split(".")[0] for alias in statement.names]
    elif isinstance(statement, _ast.ImportFrom) and statement.module and not statement.level:
        roots = [statement.module.split(".")[0]]
    else:
        return []
    return [root for root in roots if root in modules]


def _no_arguments():
    return _ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[],
                          kwarg=None, defaults=[])


def _is_docstring(node):
    return (isinstance(node, _ast.Expr) and isinstance(node.value, _ast.Constant)
            and isinstance(node.value.value, str))


def names_bound_and_read(statements):
    """``(bound, read)``: the names a script binds anywhere, and those it reads."""
    bound = {name for info in statements for name in info.names}
    read = {node.id for info in statements if info.function is None
            for node in walk(info.node, into_scopes=True)
            if isinstance(node, _ast.Name) and isinstance(node.ctx, _ast.Load)}
    return bound, read


def instrument(source, path):
    """``(code, statements)``: the script compiled statement by statement."""
    tree = compile(source, path, "exec", _ast.PyCF_ONLY_AST, dont_inherit=True)
    walrus = b":=" in source if isinstance(source, bytes) else ":=" in source
    instrumenter = Instrumenter(walrus)
    tree = instrumenter.module(tree)
    return compile(tree, path, "exec", dont_inherit=True), instrumenter.statements
