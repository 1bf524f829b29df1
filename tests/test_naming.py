"""Auto-naming: the regex-free snake_case is Keras's (property test against the regexes)."""

import re

from hypothesis import given, settings, strategies as st

from paramscope import naming


def keras_snake(name):
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aBcDeXyZ_09 -.é", max_size=14))
def test_snake_case_matches_keras(name):
    assert naming._to_snake_case(name) == keras_snake(name)


def test_known_names():
    for name in ("Conv2DTranspose", "UpSampling2D", "GlobalAveragePooling2D", "SimpleRNN",
                 "TFOpLambda", "ABCDef", "aBcDe", "InputLayer", "MultiHeadAttention"):
        assert naming.to_snake_case(name) == keras_snake(name)


def test_uids_restart_with_clear_session():
    assert [naming.auto_name("Dense") for _ in range(3)] == ["dense", "dense_1", "dense_2"]
    naming.clear_session()
    assert naming.auto_name("Dense") == "dense"
