"""What a statement of a script does to models: whether skipping it could leave a model
other than the script's (:func:`builds_model`), which models it refers to, and the values
its names refer to in the frame where it failed (:func:`resolve`)."""

from __future__ import annotations

#: Methods of a model or layer that run it, save it or describe it: they do not change it
#: (skipping one that fails cannot leave a model other than the script's).
COMPUTATION_METHODS = frozenset((
    "fit", "fit_generator", "evaluate", "evaluate_generator", "predict", "predict_generator",
    "predict_on_batch", "train_on_batch", "test_on_batch", "save", "save_weights",
    "load_weights", "set_weights", "get_weights", "summary", "compile", "to_json", "to_yaml",
    "get_config", "count_params", "get_layer", "export", "reset_states", "reset_metrics",
    "add_loss", "add_metric", "get_vocabulary", "vocabulary_size", "get_build_config",
    "compute_output_shape", "compute_output_spec"))

#: Model methods of Keras 2 that Keras 3 does not have (the script's own error there).
KERAS2_ONLY_METHODS = frozenset(("predict_classes", "predict_proba"))


MISSING = object()


def resolve(node, frame):
    """The value a name or attribute chain refers to in ``frame`` (``MISSING`` if unsure)."""
    import _ast
    import types
    from ..layers.base import Layer
    if isinstance(node, _ast.Name):
        if node.id in frame.f_locals:
            return frame.f_locals[node.id]
        if node.id in frame.f_globals:
            return frame.f_globals[node.id]
        return frame.f_builtins.get(node.id, MISSING)
    if isinstance(node, _ast.Subscript) and isinstance(node.slice, _ast.Constant):
        owner = resolve(node.value, frame)  # model.layers[0]
        if isinstance(owner, (list, tuple, dict)):
            try:
                return owner[node.slice.value]
            except (LookupError, TypeError):
                return MISSING
        return MISSING
    if isinstance(node, _ast.Attribute):
        owner = resolve(node.value, frame)
        if isinstance(owner, (types.ModuleType, type, Layer)):
            try:
                return getattr(owner, node.attr)
            except Exception:  # noqa: BLE001 - a lazy attribute that fails: unsure
                return MISSING
    return MISSING


def builds_model(node, frame):
    """Whether skipping a statement could leave a model different from the script's: it
    creates a layer or model (a layer class, ``keras.applications.*``), changes one (a
    model's or layer's method other than running, saving or describing it: ``add``, ``pop``,
    ``build``, ``adapt``...), or sets an attribute of one (``base.trainable = ...``).

    Calling layers on symbolic tensors is not in this list: a statement that fails there
    leaves its tensors unknown, and the model that would use them stops with their story."""
    import _ast
    from ..layers.base import Layer
    from .statements import walk
    for part in walk(node):
        if isinstance(part, _ast.Call):
            if _builds(part.func, resolve(part.func, frame), frame):
                return True
        elif isinstance(part, _ast.Attribute) and isinstance(part.ctx, _ast.Store):
            if isinstance(resolve(part.value, frame), Layer):
                return True
    return False


def _builds(func_node, callee, frame):
    import _ast
    from ..layers.base import Layer
    if isinstance(func_node, _ast.Attribute):
        owner = resolve(func_node.value, frame)
        if isinstance(owner, Layer):  # a layer's or model's method, even one paramscope lacks
            return func_node.attr not in COMPUTATION_METHODS | KERAS2_ONLY_METHODS
    if isinstance(callee, type):
        return issubclass(callee, Layer)
    if not callable(callee) or isinstance(callee, Layer):
        return False
    module = getattr(callee, "__module__", None) or ""
    name = getattr(callee, "__name__", "") or ""
    # keras.Input, keras.applications.ResNet50 (not preprocess_input): they create models.
    return (module.startswith("paramscope.keras.applications") and name[:1].isupper()) or \
        (module == "paramscope.layers.base" and name == "Input")


def models_changed(node, frame, error):
    """``id()`` of the models a failed statement was building or changing: those whose
    structural methods it calls (``model.add``) or whose attributes it sets, and those whose
    construction the error interrupted (a model class's ``__init__`` in its traceback)."""
    import _ast
    from ..graph import Model
    from ..layers.base import Layer
    from .statements import walk
    found = set()
    for part in walk(node):
        target = None
        if isinstance(part, _ast.Call) and isinstance(part.func, _ast.Attribute) \
                and part.func.attr not in COMPUTATION_METHODS:
            target = part.func.value
        elif isinstance(part, _ast.Attribute) and isinstance(part.ctx, _ast.Store):
            target = part.value
        if target is not None and isinstance(resolve(target, frame), Model):
            found.add(id(resolve(target, frame)))
    tb = error.__traceback__
    while tb is not None:
        owner = tb.tb_frame.f_locals.get("self")
        if isinstance(owner, Layer) and tb.tb_frame.f_code.co_name in ("__init__", "build",
                                                                        "add"):
            found.add(id(owner))
        tb = tb.tb_next
    return found


def calls_method(node, name):
    import _ast
    from .statements import walk
    return any(isinstance(part, _ast.Call) and isinstance(part.func, _ast.Attribute)
               and part.func.attr == name for part in walk(node))


def attributes_changed(obj, node, name, statements):
    """The attributes of ``obj``, an object of a class of the script held by ``name``, that the
    statement ``node`` sets or changes: directly (``name.words = ...``), or through the
    script's methods it calls (``name.build_word_list(n)``) and those they call on ``self``.
    ``None`` when that cannot be known: ``obj``'s class is not the script's, a method is not
    the script's own (inherited from Keras), or the object itself is passed on
    (``helper(name)``, ``name[k] = v``)."""
    if getattr(type(obj), "__module__", None) != "__main__" or not hasattr(obj, "__dict__"):
        return None
    return _changes(node, name, type(obj), statements, set())


def _changes(node, name, cls, statements, seen):
    import _ast
    from .statements import walk
    changed, uses = set(), 0
    for part in walk(node, into_scopes=True):
        if isinstance(part, _ast.Name) and part.id == name and part is not node:
            uses += 1
        if not (isinstance(part, _ast.Attribute) and isinstance(part.value, _ast.Name)
                and part.value.id == name):
            continue
        uses -= 1  # ``name.attr``: a use through an attribute (accounted for here)
        if isinstance(part.ctx, (_ast.Store, _ast.Del)):
            changed.add(part.attr)
    for part in walk(node, into_scopes=True):
        inner = part.value if isinstance(part, (_ast.Subscript, _ast.Attribute)) else None
        if isinstance(part, _ast.Call) and isinstance(part.func, _ast.Attribute):
            inner = part.func.value
            if isinstance(inner, _ast.Name) and inner.id == name:  # name.method(...)
                method = _script_method(cls, part.func.attr, statements)
                if method is None:
                    return None
                if method not in seen:
                    seen.add(method)
                    found = _changes_in_method(method, cls, statements, seen)
                    if found is None:
                        return None
                    changed |= found
                continue
        if isinstance(inner, _ast.Attribute) and isinstance(inner.value, _ast.Name) \
                and inner.value.id == name and (isinstance(part, _ast.Call) or isinstance(
                    getattr(part, "ctx", None), (_ast.Store, _ast.Del))):
            changed.add(inner.attr)  # name.attr[k] = v, name.attr.append(v), name.attr.x = v
        elif isinstance(part, _ast.Subscript) and isinstance(part.value, _ast.Name) \
                and part.value.id == name and isinstance(part.ctx, (_ast.Store, _ast.Del)):
            return None
    return None if uses > 0 else changed


def _changes_in_method(method, cls, statements, seen):
    """What a method of the script changes on its ``self``."""
    arguments = method.args.posonlyargs + method.args.args
    if not arguments:
        return set()
    changed = set()
    for statement in method.body:
        found = _changes(statement, arguments[0].arg, cls, statements, seen)
        if found is None:
            return None
        changed |= found
    return changed


def _script_method(cls, attribute, statements):
    """The ``def`` node of ``cls.<attribute>`` if it is a method the script defines, else None."""
    import _ast
    from .statements import walk
    function = getattr(cls, attribute, None)
    code = getattr(function, "__code__", None)
    if code is None or getattr(function, "__module__", None) != "__main__":
        return None
    for info in statements:
        if not isinstance(info.node, _ast.ClassDef):
            continue
        for part in walk(info.node, into_scopes=True):
            if isinstance(part, (_ast.FunctionDef, _ast.AsyncFunctionDef)) \
                    and part.name == code.co_name \
                    and min([part.lineno] + [d.lineno for d in part.decorator_list]) \
                    == code.co_firstlineno:
                return part
    return None
