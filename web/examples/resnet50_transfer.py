# Transfer learning: a frozen ResNet50 base from keras.applications with a new classifier
# head, as the transfer-learning tutorials build it. weights="imagenet" is accepted and
# nothing is downloaded: shapes and counts do not depend on the weights' values.
import keras
from keras import layers

base_model = keras.applications.ResNet50(
    weights="imagenet",  # load weights pre-trained on ImageNet
    input_shape=(224, 224, 3),
    include_top=False,  # do not include the ImageNet classifier at the top
)
base_model.trainable = False  # freeze the base model

inputs = keras.Input(shape=(224, 224, 3))
x = keras.applications.resnet50.preprocess_input(inputs)
# The base model runs in inference mode (training=False): its BatchNormalization layers
# keep their statistics when the head is trained.
x = base_model(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(5, activation="softmax")(x)  # 5 classes, e.g. flowers
model = keras.Model(inputs, outputs)
model.summary(show_trainable=True)
