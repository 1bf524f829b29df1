import pytest

import paramscope.keras as keras
from paramscope.errors import ParamscopeError


def test_keras_applications_call_says_how_to_proceed():
    with pytest.raises(ParamscopeError) as info:
        keras.applications.MobileNetV2(input_shape=(160, 160, 3), include_top=False)
    message = str(info.value)
    assert "MobileNetV2" in message and "paramscope summary" in message and "to_json" in message
