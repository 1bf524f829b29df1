import gzip
import json
import os
import warnings


HERE = os.path.dirname(__file__)

#: Keras scripts that the tests run through paramscope (never imported: not test modules).
collect_ignore = ["scripts"]
GOLDEN = os.path.join(HERE, "golden")


def load_golden(*parts):
    path = os.path.join(GOLDEN, *parts)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def build_from_code(code):
    """Run a golden case's snippet against paramscope.keras; return its namespace."""
    import paramscope.keras as keras
    from paramscope import backend_config, naming
    naming.clear_session()
    backend_config.reset()
    namespace = {"keras": keras, "layers": keras.layers}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(code, "<golden case>", "exec"), namespace)
    return namespace


# The corpus scripts (tests/corpus/scripts/) are test inputs that tests/test_corpus.py runs
# through paramscope in a subprocess; pytest must not import them (--doctest-modules would).
collect_ignore_glob = ["corpus/scripts/*", "corpus/scripts/*/*", "corpus/scripts/*/*/*"]
