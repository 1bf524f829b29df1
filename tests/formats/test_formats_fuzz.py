"""Corrupted configs (random edits of the real ones) raise ParamscopeError, never anything else."""

import copy
import glob
import json
import os
import random
import sys

import pytest

from conftest import GOLDEN
from paramscope import formats, naming
from paramscope.errors import ParamscopeError

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "fuzz"))
from strategies import json_paths  # noqa: E402

FILES = sorted(glob.glob(os.path.join(GOLDEN, "files", "*", "*.json")))
VALUES = [None, 0, -1, 1.5, "x", "", [], {}, [1], {"a": 1}, True, [None, 3], ["x", 0, 0],
          {"class_name": "__keras_tensor__", "config": {}}, {"class_name": "__tuple__"},
          10 ** 30, float("nan")]


@pytest.mark.parametrize("seed", range(8))
def test_corrupted_configs_only_raise_paramscope_errors(seed):
    rng = random.Random(seed)
    configs = []
    for path in FILES:
        with open(path) as f:
            configs.append(json.load(f))
    for _ in range(120):
        config = copy.deepcopy(rng.choice(configs))
        paths = list(json_paths(config))[1:]
        for _ in range(rng.randint(1, 3)):
            path = rng.choice(paths)
            parent = config
            try:
                for key in path[:-1]:
                    parent = parent[key]
                if rng.random() < 0.3 and isinstance(parent, dict):
                    parent.pop(path[-1], None)
                else:
                    parent[path[-1]] = copy.deepcopy(rng.choice(VALUES))
            except (KeyError, IndexError, TypeError):
                pass
        naming.clear_session()
        try:
            formats.load_config(config)
        except ParamscopeError as e:
            assert str(e) and "\n" not in str(e).strip()
