# Seed 003: increasing the number of units in each layer (CNN). Total params: 36,023.
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten

model = Sequential()

model.add(Conv2D(5, kernel_size=3, activation='relu',
                 input_shape=(28, 28, 1),
                 padding="same"))

model.add(Conv2D(15, kernel_size=3, activation='relu',
                 padding="same"))

model.add(Flatten())

model.add(Dense(3, activation='softmax'))

model.summary()
