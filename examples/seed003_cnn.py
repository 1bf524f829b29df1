# Seed 003: the number of parameters in a CNN. Total params: 24,533.
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten

model = Sequential()

model.add(Conv2D(10, kernel_size=3, activation='relu',
                 input_shape=(28, 28, 1), padding='same'))

model.add(Conv2D(10, kernel_size=3, activation='relu',
                 padding='same'))

model.add(Flatten())

model.add(Dense(3, activation='softmax'))

model.summary()
