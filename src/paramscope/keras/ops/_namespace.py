"""The lookup shared by ``keras.ops`` and its submodules."""

from ...errors import MissingAPIError


def names(namespace):
    from ...ops import namespace_names
    return namespace_names(namespace)


def resolve(namespace, name):
    from ...ops import function
    return function(name)


def missing_name(module, name):
    raise MissingAPIError(
        f"module '{module}' has no attribute '{name}': Keras 3.15 has no {module}.{name} "
        "(see dir(keras.ops) for the names it has).")


def submodule_getattr(namespace, module):
    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name in names(namespace):
            return resolve(namespace, name)
        return missing_name(module, name)

    def __dir__():
        return sorted(names(namespace))
    return __getattr__, __dir__
