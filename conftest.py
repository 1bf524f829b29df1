"""Every test and doctest starts like a fresh Keras process: names restart, defaults reset."""

import pytest


@pytest.fixture(autouse=True)
def fresh_session():
    from paramscope import backend_config, naming
    naming.clear_session()
    backend_config.reset()
    yield
