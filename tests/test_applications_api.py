import pytest

import paramscope.keras as keras
from paramscope.errors import MissingAPIError, ParamscopeError


def test_keras_applications_builds_mobilenet_v2():
    model = keras.applications.MobileNetV2(input_shape=(160, 160, 3), include_top=False)
    assert model.name == "mobilenetv2_1.00_160"
    assert model.count_params() == 2257984  # Keras 3.15's number


def test_missing_family_says_how_to_proceed(monkeypatch):
    monkeypatch.setattr("paramscope.keras.applications.family", lambda name: None)
    with pytest.raises(MissingAPIError) as info:
        keras.applications.MobileNetV2(input_shape=(160, 160, 3), include_top=False)
    assert isinstance(info.value, ParamscopeError)
    message = str(info.value)
    assert "MobileNetV2" in message and "paramscope summary" in message and "to_json" in message
