import gzip
import json
import os
import warnings

import pytest

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


class GoldenBuilds:
    """Each golden case's model built once per test session (keyed by case id and code), and
    its summary read once: the Keras 3, tf-keras, costs and layer tests share them instead of
    rebuilding the same case in every test that checks it.  Only cases that build: a case
    whose code raises is run by the test that expects the error, every time."""

    def __init__(self):
        self._models = {}
        self._summaries = {}

    def model(self, case):
        key = (case["id"], case["code"])
        if key not in self._models:
            self._models[key] = build_from_code(case["code"])["model"]
        return self._models[key]

    def summary(self, case):
        key = (case["id"], case["code"])
        if key not in self._summaries:
            from paramscope.summary import summarize
            self._summaries[key] = summarize(self.model(case))
        return self._summaries[key]


#: The session's builds; test modules that compute at collection time use it directly.
GOLDEN_BUILDS = GoldenBuilds()


@pytest.fixture(scope="session")
def golden_builds():
    """The session's GoldenBuilds: ``golden_builds.model(case)``, ``.summary(case)``."""
    return GOLDEN_BUILDS


# The corpus scripts (tests/corpus/scripts/) are test inputs that tests/test_corpus.py runs
# through paramscope in a subprocess; pytest must not import them (--doctest-modules would).
collect_ignore_glob = ["corpus/scripts/*", "corpus/scripts/*/*", "corpus/scripts/*/*/*"]
