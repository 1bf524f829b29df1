"""Unknown values (paramscope.keras.unknown): what passes one along gives another, what needs
its value stops the statement, and a layer or model that receives one stops the script."""

import copy

import pytest

import paramscope.keras as keras
from paramscope.keras import layers
from paramscope.keras import unknown as unknowns
from paramscope.keras.unknown import Origin, Unknown, UnknownValueError, is_unknown


@pytest.fixture
def x():
    value = Unknown("x_train", Origin(12, "needs the data: 'train.csv' does not exist"),
                    binding=("x_train", 12))
    yield value
    unknowns.forget()


@pytest.mark.parametrize("use, text", [
    (lambda u: u.shape, "x_train.shape"),
    (lambda u: u.shape[1:], "x_train.shape[1:]"),
    (lambda u: u[0, :, None], "x_train[0, :, None]"),
    (lambda u: u.reshape(-1, 784), "x_train.reshape(…)"),
    (lambda u: u(3), "x_train(…)"),
    (lambda u: u + 1, "x_train + 1"),
    (lambda u: 2 * u, "2 * x_train"),
    (lambda u: u / 255.0, "x_train / 255.0"),
    (lambda u: u // 2, "x_train // 2"),
    (lambda u: -u, "-x_train"),
    (lambda u: abs(u), "abs x_train"),
    (lambda u: round(u), "round(x_train)"),
    (lambda u: u == 3, "x_train == 3"),
    (lambda u: u < 1, "x_train < 1"),
    (lambda u: u @ u, "x_train @ x_train"),
])
def test_passing_it_along_gives_an_unknown_value(x, use, text):
    result = use(x)
    assert is_unknown(result)
    assert unknowns.text_of(result) == text
    assert unknowns.origin_of(result) is unknowns.origin_of(x)
    assert unknowns.source_of(result) == ("x_train", 12)


@pytest.mark.parametrize("use, what", [
    (bool, "bool"), (len, "len"), (int, "int"), (float, "float"), (iter, "iter"),
    (lambda u: 3 in u, "contains"), (lambda u: [1, 2][u], "index"), (lambda u: range(u), "index"),
    (lambda u: list(u), "iter"), (lambda u: open(u), "fspath"),
    (lambda u: isinstance(3, u), "instancecheck"),
    (lambda u: "%d" % u, "int"), (lambda u: next(u), "next"),
])
def test_needing_its_value_stops_the_statement(x, use, what):
    with pytest.raises(UnknownValueError) as info:
        use(x)
    assert info.value.value is x and info.value.use.startswith(what)
    assert info.value.needed_by is None
    assert str(info.value) == f"{info.value.use} needs the value of x_train"


def test_unpacking_and_subclassing_need_its_value(x):
    with pytest.raises(UnknownValueError):
        a, b = x
    with pytest.raises(UnknownValueError):
        class Sub(x):
            pass


def test_printing_gives_a_placeholder(x, capsys):
    print("shape:", x.shape, f"{x.shape}", "{:.2f}".format(x), repr(x))
    assert capsys.readouterr().out == (
        "shape: <unknown x_train.shape> <unknown x_train.shape> <unknown x_train> "
        "<unknown x_train>\n")


def test_attributes_the_script_or_set_gives_are_known(x):
    x.name = "train"
    assert x.name == "train"
    del x.name
    assert is_unknown(x.name)
    given = unknowns.with_attributes(x, {"units": 64})
    assert given.units == 64
    assert dir(x) == ["units"]


def test_private_and_special_names_do_not_exist(x):
    assert not hasattr(x, "_keras_history")
    assert not hasattr(x, "__wrapped__")
    assert hasattr(x, "shape")


def test_item_assignment_and_context_manager_are_accepted(x):
    x[0] = 1
    del x[0]
    with x as inside:
        assert inside is x
    with x.scope() as scope:
        assert is_unknown(scope)


def test_identity_hash_and_copies(x):
    assert {x: 1}[x] == 1
    assert copy.copy(x) is x and copy.deepcopy([x])[0] is x


def test_numpy_on_it_gives_an_unknown_value(x):
    np = pytest.importorskip("numpy")
    assert unknowns.text_of(np.max(x)) == "numpy.amax(x_train)" or \
        unknowns.text_of(np.max(x)).startswith("numpy.")
    assert is_unknown(np.expand_dims(x, -1)) and is_unknown(np.sqrt(x))
    assert is_unknown(np.float32(2) * x) and is_unknown(np.ones(3) + x)
    with pytest.raises(UnknownValueError):
        np.asarray(x)


def test_a_layer_that_receives_it_stops_the_script(x):
    with pytest.raises(UnknownValueError) as info:
        layers.Dense(x.shape[-1])
    assert info.value.needed_by == "Dense (argument units)"
    assert not info.value.as_shape and info.value.settable
    with pytest.raises(UnknownValueError) as info:
        keras.Input(shape=x.shape[1:])
    assert info.value.needed_by == "keras.Input (argument shape)" and info.value.as_shape
    with pytest.raises(UnknownValueError) as info:
        keras.Input(shape=(None, x))
    assert not info.value.as_shape
    with pytest.raises(UnknownValueError) as info:
        keras.Sequential([layers.Dense(2), x])
    assert info.value.needed_by == "Sequential (argument layers)" and not info.value.settable
    assert unknowns.text_of(layers.Dense(3, name="d")(x)) == "d(x_train)"  # data, not a model
    model = keras.Sequential([keras.Input((3,))])
    with pytest.raises(UnknownValueError) as info:
        model.add(x)
    assert info.value.needed_by.startswith("Sequential model 'sequential")


def test_arguments_whose_values_never_change_shapes_accept_it(x):
    keras.layers.Embedding(10, 4, weights=[x])
    keras.layers.Dense(3, kernel_initializer=x, bias_regularizer=x, kernel_constraint=x)
    with pytest.raises(UnknownValueError):  # their shape sets what the layer broadcasts
        keras.layers.Normalization(mean=x, variance=x)


def test_calling_it_on_a_tensor_gives_an_unknown_tensor(x):
    inputs = keras.Input((4,))
    hidden = x(inputs)
    assert is_unknown(hidden)
    with pytest.raises(UnknownValueError) as info:
        keras.Model(inputs, hidden)
    assert info.value.needed_by == "keras.Model (argument outputs)"


def test_hooks_cost_nothing_once_the_run_is_over(x):
    from paramscope.layers import base
    assert base.unknown_value_check is not None
    unknowns.forget()
    assert base.unknown_value_check is None
    layers.Dense(3, name=None)  # no check at all
