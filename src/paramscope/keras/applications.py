"""``keras.applications``: not bundled; paramscope reads these models from their files.

Calling ``keras.applications.ResNet50(...)`` in a script stops with a message saying how
to get the same summary: save the architecture with Keras once (``model.to_json()`` or
``model.save("m.keras")``) and run ``paramscope summary`` on the file, which reproduces
every keras.applications architecture exactly (see tests/test_applications.py).
"""

from ..errors import MissingAPIError


def __getattr__(name):
    if not name[:1].isupper():  # architectures are classes-like names; not tool hooks
        raise AttributeError(name)

    def application(*args, **kwargs):
        raise MissingAPIError(
            f"keras.applications.{name}(...) is not built into paramscope: it reads these "
            "architectures from model files. With Keras, save the architecture once "
            f"(keras.applications.{name}(weights=None, ...).to_json(), or .save('m.keras')) "
            "and run `paramscope summary` on that file; it gives Keras's exact summary.")

    application.__name__ = name
    return application
