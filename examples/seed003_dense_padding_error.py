# Seed 003: the slide passes padding='same' to Dense. Keras rejects it
# ("Unrecognized keyword arguments passed to Dense"), and so does paramscope.
from keras.models import Sequential
from keras.layers import Dense

model = Sequential()

model.add(Dense(5, activation='relu',
                input_shape=(784,), padding='same'))

model.add(Dense(15, activation='relu', padding='same'))

model.add(Dense(3, activation='softmax'))

model.summary()
