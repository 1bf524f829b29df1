# Seed 000: "Learnable parameters in a Keras model" (deeplizard). Total params: 17.
from keras.models import Sequential
from keras.layers import Dense, Activation

model = Sequential([
        Dense(3, input_shape=(2,), activation='relu'),
        Dense(2, activation='softmax')
])

model.summary()
